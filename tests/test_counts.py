"""`unit: count` targets: platforms, services, people trained. A row gives `value` as a
whole number ≥ 0; a pooled count sums the agencies' values (stock: each agency's latest,
flow: the year to date); attainment, expected and statuses as for percents."""

from __future__ import annotations

import json
import re
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


# --------------------------------------------------------------------------- what people read


def test_the_scorecard_gives_each_indicators_unit_beside_counts(pack, submissions):
    result = cds("score", submissions, "--plan", pack, "--period", "2024-Q2", "--format", "markdown")
    row = next(line for line in result.stdout.splitlines() if f"| {PLATFORMS} |" in line)
    # id, name, baseline, target (due after 2024: said so), unit, value (a whole number),
    # attainment, progress, expected
    assert [cell.strip() for cell in row.split("|")[1:-1]][2:9] == [
        "2",
        "≥ 5 đến hết năm 2025",
        "số lượng",
        "4",
        "80,00",
        "66,67",
        "3,50",
    ]
    wide = cds("score", submissions, "--plan", pack, "--period", "2024-Q2", "--lang", "en")
    assert "count" in wide.stdout


def test_a_plan_of_percents_alone_keeps_its_tables(tmp_path):
    path = tmp_path / "fiber.csv"
    path.write_text(HEADER + "STTTT,2023-Q2,soc.households_fiber,,,62,\n")
    lines = cds("score", path, "--period", "2023-Q2", "--format", "markdown").stdout.splitlines()
    headers = [line for line in lines if line.startswith("| Mã | Chỉ tiêu |")]
    assert headers and not any("Đơn vị tính" in line for line in headers)


def test_the_catalogue_shows_the_unit(pack):
    result = cds("indicators", "--plan", pack, "--lang", "en")
    assert "count" in result.stdout and "milestone" in result.stdout


def test_a_report_table_mixing_percents_and_counts_names_the_counts_unit(pack, submissions, tmp_path):
    out = tmp_path / "report.md"
    result = cds("report", submissions, "--plan", pack, "--period", "2024-Q2", "--format", "md", "-o", out)
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    gov = lines.index("### 1. Chính quyền số")
    assert lines[gov + 2] == "_Đơn vị tính: %, trừ chỉ tiêu ghi đơn vị sau tên_"
    assert lines[gov + 4].endswith("| Còn thiếu |")  # not in percentage points: the gaps are of both
    row = next(line for line in lines[gov:] if "Nền tảng số dùng chung" in line)
    # the same quarter of 2023 (the programme covers it): 1; Q1 2024: 2 + 1; Q2: 4; the gap to ≥ 5 is one platform
    assert lines[gov + 4].startswith("| Chỉ tiêu | Năm 2022 | Mục tiêu 2023 | Cùng kỳ quý II/2023 | Quý I | Quý II |")
    assert row.startswith(
        "| Nền tảng số dùng chung của các sở, ngành (đơn vị tính: số lượng) | 2 | ≥ 5 đến hết năm 2025 | 1 | 3 | 4 "
        "| 80,00 |"
    )
    assert row.endswith("| 1 |")
    security = lines.index("### 2. An toàn, an ninh thông tin")
    assert lines[security + 2] == "_Đơn vị tính: %_"  # percents alone: as always
    assert lines[security + 4].endswith("| Còn thiếu (điểm %) |")


def test_the_html_report_draws_a_counts_trajectory_on_a_count_axis(pack, submissions, tmp_path):
    out = tmp_path / "report.html"
    assert (
        cds("report", submissions, "--plan", pack, "--period", "2024-Q2", "--format", "html", "-o", out).exit_code == 0
    )
    html = out.read_text(encoding="utf-8")
    figure = html[html.index("<figcaption>Nền tảng số dùng chung") :]
    figure = figure[: figure.index("</figure>")]
    ticks = re.findall(r'text-anchor="end">([^<]*)</text>', figure)
    # whole platforms, no "%"; from 0: the programme's 2023 quarters are drawn first (Q2 2023: 1)
    assert ticks == ["0", "2", "4", "6"]
    assert 'font-weight="600">2023</text>' in figure


def test_the_workbook_formats_counts_as_whole_numbers(pack, submissions, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "report.xlsx"
    assert (
        cds("report", submissions, "--plan", pack, "--period", "2024-Q2", "--format", "xlsx", "-o", out).exit_code == 0
    )
    sheet = load_workbook(out).worksheets[1]
    headings = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == PLATFORMS)
    cell = {heading: row[k] for k, heading in enumerate(headings)}
    assert (cell["Giá trị"].value, cell["Giá trị"].number_format) == (4, "#,##0")
    assert (cell["Mục tiêu 2023"].value, cell["Mục tiêu 2023"].number_format) == (5, "#,##0")
    assert (cell["Kỳ vọng"].value, cell["Kỳ vọng"].number_format) == (3.5, "#,##0.00")
    assert cell["Đơn vị tính"].value == "số lượng"
    fiber = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "gov.online_services_multichannel")
    assert fiber[headings.index("Mục tiêu 2023")].number_format == '0.00"%"'


def test_a_count_rows_template_asks_for_a_whole_number_in_value(pack, tmp_path):
    result = cds("template", "--plan", pack, "-a", "STTTT", "-p", "2024-Q2", "-f", "csv")
    row = next(line for line in result.stdout.splitlines() if PLATFORMS in line).split(";")
    assert row[5:7] == ["số lượng", "Ghi số lượng vào cột Giá trị: số nguyên từ 0 trở lên (không ghi tử số, mẫu số)"]
    from openpyxl import load_workbook

    out = tmp_path / "form.xlsx"
    assert cds("template", "--plan", pack, "-a", "STTTT", "-p", "2024-Q2", "-o", out).exit_code == 0
    sheet = load_workbook(out).active
    line = next(r[0].row for r in sheet.iter_rows(min_row=4) if r[3].value == PLATFORMS)
    whole = next(v for v in sheet.data_validations.dataValidation if v.type == "whole")
    assert f"J{line}" in str(whole.sqref)  # Giá trị: a whole number ≥ 0
    assert sheet[f"H{line}"].protection.locked and not sheet[f"J{line}"].protection.locked


DOC = Path(__file__).resolve().parents[1] / "docs" / "plan-packs.md"


def test_the_documented_programmes_count_scores_as_documented(tmp_path):
    blocks = re.findall(r"`programme/(\S+)`:\n\n```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    pack = tmp_path / "programme"
    pack.mkdir()
    for name, text in blocks:
        (pack / name).write_text(text, encoding="utf-8")
    assert cds("plan", "check", pack).exit_code == 0
    rows = tmp_path / "rows.csv"
    rows.write_text(
        HEADER
        + "STTTT,2023-Q3,gov.shared_platforms,,,2,\nSTTTT,2024-Q2,gov.shared_platforms,,,3,\n"
        + "SYT,2024-Q1,gov.shared_platforms,,,1,\n",
        encoding="utf-8",
    )
    item = _score(pack, rows, "2024-Q2")["gov.shared_platforms"]
    assert _figures(item) == (4.0, 80.0, 66.67, 3.5, False, "on_track")  # 3 + 1; 2 + 3·6/12
