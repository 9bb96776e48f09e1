"""`unit: count` targets: platforms, services, people trained. A row gives `value` as a
whole number ≥ 0; a pooled count sums the agencies' values (stock: each agency's latest,
flow: the year to date); attainment, expected and statuses as for percents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import HEADER, cds
from packs import PLATFORMS, TRAINED, build_count_pack

# Platforms (stock, ≥ 5 by 2025-Q4, baseline 2 at 2022-Q4): each department's latest count.
# People trained (flow, ≥ 1,000 a year, due 2024-Q4, no baseline): each year's sum.
ROWS = f"""\
STTTT,2023-Q2,{PLATFORMS},,,1,
SYT,2023-Q4,{PLATFORMS},,,1,
STTTT,2024-Q1,{PLATFORMS},,,2,
SGDDT,2024-Q2,{PLATFORMS},,,1,
UBND_GR,2023-Q4,{TRAINED},,,400,
UBND_GR,2024-Q1,{TRAINED},,,120,
UBND_HD,2024-Q1,{TRAINED},,,80,
UBND_GR,2024-Q2,{TRAINED},,,300,
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    return build_count_pack(tmp_path_factory.mktemp("counts") / "pack")


@pytest.fixture
def submissions(tmp_path) -> Path:
    path = tmp_path / "counts.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    return path


def _score(pack: Path, inputs: Path, period: str) -> dict[str, dict]:
    result = cds("score", inputs, "--plan", pack, "--period", period, "--format", "json")
    assert result.exit_code == 0, result.output
    return {item["id"]: item for item in json.loads(result.stdout)["indicators"]}


def _figures(item: dict) -> tuple:
    return (item["value"], item["attainment"], item["progress"], item["expected"], item["met"], item["status"])


def test_a_pack_with_count_targets_passes_plan_check(pack):
    result = cds("plan", "check", pack, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["plan"]["indicators"] == 31


@pytest.mark.parametrize(
    "period, figures",
    [
        # STTTT 1: V = 1; E = 2 + 3·(2023-Q2 − 2022-Q4 = 2 quarters)/(12) = 2.5; 1 < 0.9·2.5
        ("2023-Q2", (1.0, 20.0, -33.33, 2.5, False, "off_track")),
        # STTTT 1 + SYT 1 = 2; E = 2 + 3·4/12 = 3
        ("2023-Q4", (2.0, 40.0, 0.0, 3.0, False, "off_track")),
        # STTTT's latest 2 + SYT 1 = 3; E = 2 + 3·5/12 = 3.25; 3 ≥ 0.9·3.25 = 2.925
        ("2024-Q1", (3.0, 60.0, 33.33, 3.25, False, "at_risk")),
        # 2 + 1 + SGDDT 1 = 4; E = 2 + 3·6/12 = 3.5
        ("2024-Q2", (4.0, 80.0, 66.67, 3.5, False, "on_track")),
        # due: a fact, against the target itself
        ("2025-Q4", (4.0, 80.0, 66.67, 5.0, False, "not_achieved")),
    ],
)
def test_a_pooled_stock_count_sums_each_agencys_latest_value(pack, submissions, period, figures):
    item = _score(pack, submissions, period)[PLATFORMS]
    assert (item["unit"], item["target"], item["baseline"]) == ("count", 5.0, 2.0)
    assert _figures(item) == figures
    assert item["numerator"] is None and item["denominator"] is None


@pytest.mark.parametrize(
    "period, figures, start",
    [
        ("2023-Q4", (400.0, 40.0, None, 1000.0, False, "off_track"), None),
        # the year to date starts again: 120 + 80, not 400 + 200; E from 2023-Q4's 400:
        # 400 + 600·1/4 = 550, and 200 < 0.9·550
        ("2024-Q1", (200.0, 20.0, None, 550.0, False, "off_track"), {"period": "2023-Q4", "value": 400.0}),
        # 120 + 80 + 300 = 500; E = 400 + 600·2/4 = 700
        ("2024-Q2", (500.0, 50.0, None, 700.0, False, "off_track"), {"period": "2023-Q4", "value": 400.0}),
    ],
)
def test_a_pooled_flow_count_sums_the_year_to_date(pack, submissions, period, figures, start):
    item = _score(pack, submissions, period)[TRAINED]
    assert _figures(item) == figures
    assert item["provisional_baseline"] == start


def test_a_flow_count_met_before_its_due_quarter_is_on_track(pack, tmp_path):
    path = tmp_path / "trained.csv"
    path.write_text(HEADER + f'UBND_GR,2024-Q1,{TRAINED},,,700,\nUBND_HD,2024-Q2,{TRAINED},,,"1.000",\n')
    item = _score(pack, path, "2024-Q2")[TRAINED]  # 700 + 1.000 (a thousand, grouped)
    assert _figures(item) == (1700.0, 170.0, None, 800.0, True, "on_track")


def test_a_single_count_is_its_reporters_value(tmp_path):
    pack = build_count_pack(tmp_path / "pack")

    def single(doc):
        ind = next(i for i in doc["indicators"] if i["id"] == PLATFORMS)
        ind.update(aggregate="single", reporter="STTTT")
        del ind["reporters"]

    _edit(pack / "targets_2023.yaml", single)
    path = tmp_path / "single.csv"
    path.write_text(HEADER + f"STTTT,2023-Q2,{PLATFORMS},,,3,\nSTTTT,2023-Q3,{PLATFORMS},,,4,\n")
    item = _score(pack, path, "2023-Q4")[PLATFORMS]
    # E = 2 + 3·4/12 = 3; V = 4 ≥ 3
    assert _figures(item) == (4.0, 80.0, 66.67, 3.0, False, "on_track")


def test_impossible_counts_are_rejected_at_their_file_line_and_column(pack, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        HEADER
        + f"UBND_GR,2024-Q1,{TRAINED},,,-3,\n"  # line 2
        + f'UBND_GR,2024-Q2,{TRAINED},,,"2,5",\n'  # line 3
        + f"UBND_HD,2024-Q1,{TRAINED},,,12.7,\n"  # line 4
        + f"UBND_HD,2024-Q2,{TRAINED},3,4,,\n"  # line 5
        + f"UBND_PL,2024-Q2,{TRAINED},,,,\n"  # line 6
        + f"UBND_VL,2024-Q2,{TRAINED},,,45%,\n"  # line 7
        + f"UBND_HB,2024-Q2,{TRAINED},,,150,\n"  # line 8: the one good row
    )
    result = cds("validate", path, "--plan", pack, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    document = json.loads(result.stdout)
    found = [(i["code"], i["file"], i["line"], i["column"]) for i in document["issues"]]
    assert found == [
        ("count_negative", str(path), 2, "value"),
        ("number_not_whole", str(path), 3, "value"),
        ("number_not_whole", str(path), 4, "value"),
        ("count_value_missing", str(path), 5, "value"),
        ("counts_not_allowed", str(path), 5, None),
        ("count_value_missing", str(path), 6, "value"),
        ("number_invalid", str(path), 7, "value"),
    ]
    assert document["rows"] == {"read": 7, "accepted": 1, "rejected": 6, "blank": 0}
    messages = {i["line"]: i["message"] for i in document["issues"]}
    assert messages[2] == "value is -3; a count cannot be negative"
    assert messages[3].startswith("value '2,5' is not a whole number")
    vi = cds("validate", path, "--plan", pack, "--format", "json", "--lang", "vi")
    assert "không được âm" in json.loads(vi.stdout)["issues"][0]["message"]


def test_a_percent_row_is_still_read_as_a_percent_beside_counts(pack, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(
        HEADER + f'STTTT,2023-Q2,{PLATFORMS},,,1,\nSTTTT,2023-Q2,soc.households_fiber,,,"62,5%",\n'
        "STTTT,2023-Q3,soc.households_fiber,,,-1,\n"
    )
    result = cds("validate", path, "--plan", pack, "--format", "json")
    issues = json.loads(result.stdout)["issues"]
    assert [(i["code"], i["line"]) for i in issues] == [("percent_out_of_range", 4)]
    item = _score(pack, path, "2023-Q2")["soc.households_fiber"]
    assert item["value"] == 62.5


def _edit(path: Path, change) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize(
    "name, change, code",
    [
        ("targets_2023.yaml", {"target": 2.5}, "count_target"),
        ("targets_2023.yaml", {"target": -1}, "count_target"),
        ("targets_2023.yaml", {"comparator": "="}, "count_target"),
        ("targets_2023.yaml", {"target": "done"}, "count_target"),
        ("baseline_2022.yaml", {"value": 2.5}, "baseline_count_value"),
        ("baseline_2022.yaml", {"value": -2}, "baseline_count_value"),
        ("baseline_2022.yaml", {"value": "two"}, "baseline_count_value"),
    ],
)
def test_a_count_target_or_baseline_that_is_no_whole_number_is_a_plan_error(tmp_path, name, change, code):
    pack = build_count_pack(tmp_path / "pack")
    key = "indicators" if name.startswith("targets") else "baselines"
    field = "id" if key == "indicators" else "indicator"

    def apply(doc):
        next(entry for entry in doc[key] if entry[field] == PLATFORMS).update(change)

    _edit(pack / name, apply)
    result = cds("plan", "check", pack, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    issues = json.loads(result.stdout)["issues"]
    assert [(i["code"], Path(i["file"]).name) for i in issues if i["severity"] == "error"] == [(code, name)]


def test_a_count_target_may_exceed_100(tmp_path):
    pack = build_count_pack(tmp_path / "pack")
    result = cds("plan", "check", pack, "--format", "json")
    targets = {i["id"]: i["target"] for i in json.loads(cds("indicators", "--plan", pack, "--format", "json").stdout)}
    assert result.exit_code == 0 and targets[TRAINED] == 1000
