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


def test_plan_new_says_what_the_baselines_rest_on_and_warns_below_90_percent(tmp_path):
    made = cds("plan", "new", "--year", 2024, "--results", EXAMPLES, "-o", tmp_path / "2024", "--lang", "en")
    assert made.exit_code == 0, made.output
    lines = made.stderr.strip().splitlines()
    # examples' Q4: 185 of the 232 reports due, 15 rows rejected, five agencies with nothing at all
    assert lines[1].startswith("The values are those of Q4 2023: 185 of 232 reports due had come in (80%), ")
    assert "15 rows were rejected; agencies that sent nothing: Department of Labour" in lines[1]
    assert lines[1].endswith("Hồng Dân District People's Committee, Đông Hải District People's Committee")
    assert lines[2] == (
        "Warning: only 80% of the reports had come in (below 90%); when late reports arrive, compute again "
        f"with cds plan baselines {tmp_path / '2024'} --results <files>"
    )


def test_a_well_reported_quarter_gives_no_warning(tmp_path):
    from cds_cli.periods import Period
    from cds_cli.plan.newyear import Footing

    footing = Footing(Period(2023, 4), received=220, expected=232, rejected_rows=0, silent=())
    said = footing.summary("vi", tmp_path)
    assert said == "Các giá trị tính từ quý IV/2023: đã nhận 220/232 báo cáo phải gửi (95%), 0 dòng bị loại; " + (
        "đơn vị chưa báo cáo: —"
    )


def test_every_output_says_where_a_computed_baseline_came_from(tmp_path, monkeypatch):
    assert cds("plan", "new", "--year", 2024, "--results", EXAMPLES, "-o", tmp_path / "2024").exit_code == 0
    rows = tmp_path / "q1.csv"
    rows.write_text(
        "agency,period,indicator,numerator,denominator,value,note\nSTTTT,2024-Q1,gov.dossiers_online,40,100,,\n",
        encoding="utf-8",
    )
    pack = ["--plan", tmp_path / "2024", "--period", "2024-Q1"]
    doc = json.loads(cds("score", rows, *pack, "--format", "json", "--lang", "en").stdout)
    source = next(i for i in doc["indicators"] if i["id"] == "gov.dossiers_online")["baseline_source"]
    assert source == {"kind": "results", "period": "2023-Q4", "reporting_rate": 0.7974}
    note = "2023: figures computed from the reports of Q4 2023, when 80% of the reports due had come in"
    assert note in cds("score", rows, *pack, "--format", "markdown", "--lang", "en").stdout
    assert note in cds("report", rows, *pack, "--format", "md", "--lang", "en").stdout
    monkeypatch.setenv("COLUMNS", "200")  # wide enough for the baseline column the note is about
    table = cds("score", rows, *pack, "--lang", "vi").stdout
    assert "Năm 2023: số liệu tính từ báo cáo quý IV/2023, khi đã nhận 80% báo cáo phải gửi" in table


def test_a_baseline_the_plan_states_is_sourced_by_its_section_and_words(monkeypatch):
    doc = json.loads(cds("score", EXAMPLES, "--period", "2023-Q2", "--format", "json").stdout)
    signed = next(i for i in doc["indicators"] if i["id"] == "gov.documents_signed_electronic")
    assert signed["baseline_source"] == {
        "kind": "plan",
        "section": "Phần I, mục II.8 (Chính quyền số)",
        "quote": "tỷ lệ gửi nhận văn bản điện tử trong tỉnh đạt khoảng 98%",
    }
    assert next(i for i in doc["indicators"] if i["baseline"] is None)["baseline_source"] is None
    monkeypatch.setenv("COLUMNS", "200")
    assert "tính từ báo cáo" not in cds("score", EXAMPLES, "--period", "2023-Q2").stdout
