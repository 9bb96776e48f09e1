"""Where a baseline came from: `cds plan new` records the quarter, its reporting rate and the
files; `cds plan check` notices when one changed or is gone; `cds plan baselines` computes them
again in place, printing each value that changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from conftest import cds

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "2023"


def _checked(pack: Path) -> dict[str, list[dict]]:
    doc = json.loads(cds("plan", "check", pack, "--format", "json", "--lang", "en").stdout)
    codes: dict[str, list[dict]] = {}
    for issue in doc["issues"]:
        codes.setdefault(issue["code"], []).append(issue)
    return codes


def test_a_late_file_is_noticed_and_the_baselines_computed_again(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the results are named as given: relative to here
    shutil.copytree(EXAMPLES, "subs")
    early = [f"subs/2023-Q{k}" for k in (1, 2, 3)]
    assert cds("plan", "new", "--year", 2024, "--results", *early, "-o", "plans/2024").exit_code == 0
    written = yaml.safe_load(Path("plans/2024/baseline_2023.yaml").read_text(encoding="utf-8"))
    assert written["results"]["period"] == "2023-Q3" and written["results"]["reporting_rate"] == 0.9655
    assert "baseline_source_changed" not in _checked(Path("plans/2024"))

    with open("subs/2023-Q3/STTTT.csv", "a", encoding="utf-8") as late:  # a correction arrives
        late.write("STTTT,2023-Q3,gov.dossiers_online,1,1000,,\n")
    Path("subs/2023-Q2/SYT.csv").rename("subs/2023-Q2/SYT-old.csv")
    codes = _checked(Path("plans/2024"))
    assert [i["message"] for i in codes["baseline_source_changed"]] == [
        "subs/2023-Q3/STTTT.csv changed since the baselines were computed from it; "
        "compute them again with cds plan baselines"
    ]
    assert [i["severity"] for i in codes["baseline_source_missing"]] == ["warning"]

    before = yaml.safe_load(Path("plans/2024/targets_2024.yaml").read_text(encoding="utf-8"))
    result = cds("plan", "baselines", "plans/2024", "--results", "subs", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "gov.dossiers_online: 27.08 → 31.70" in result.stdout  # Q4 now, and the late row
    refreshed = yaml.safe_load(Path("plans/2024/baseline_2023.yaml").read_text(encoding="utf-8"))
    assert refreshed["results"]["period"] == "2023-Q4"
    values = {b["indicator"]: b["value"] for b in refreshed["baselines"]}
    assert values["gov.dossiers_online"] == 31.7 and values["sec.soc_4_layer"] == "done"
    # only the baseline file: the targets are as they were
    assert yaml.safe_load(Path("plans/2024/targets_2024.yaml").read_text(encoding="utf-8")) == before
    codes = _checked(Path("plans/2024"))
    assert "baseline_source_changed" not in codes and "baseline_source_missing" not in codes


def test_a_target_already_met_by_its_baseline_is_a_warning():
    doc = json.loads(cds("plan", "check", "bundled", "--format", "json", "--lang", "en").stdout)
    met = [i for i in doc["issues"] if i["code"] == "target_met_by_baseline"]
    # the 2023 plan set two targets at the level 2022 had reached ("ước 80%", "trên 50%")
    assert [i["message"].split(":")[0] for i in met] == ["soc.adults_smartphone", "soc.bank_accounts_15plus"]
    assert doc["valid"] and all(i["severity"] == "warning" for i in met)
