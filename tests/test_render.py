"""cds_cli.console.render: every (kind, format) of the output table, written to a stream.

One small submission is read once; hand computations (README: Scoring, bundled plan):
gov.dossiers_online (flow, pooled, >= 30): 100·(10+90)/(100+100) = 50 → attainment 166.67;
soc.adults_smartphone (>= 80, baseline ≈80): 81 → attainment 101.25, expected 80;
sec.soc_4_layer in progress before its due quarter → on track, attainment 50.
Pillars: gov 100 (1 of 14), sec 50 (1 of 3), econ none, soc 100 (1 of 9); index 83.33,
coverage (1/14 + 1/3 + 0 + 1/9)/4 = 13 %; 4 of 232 expected reports received.
"""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest
from conftest import HEADER

from cds_cli.console.outputs import OUTPUTS
from cds_cli.console.render import RENDERERS, render
from cds_cli.findings import Finding
from cds_cli.history import history
from cds_cli.json_documents import document, validation_document
from cds_cli.plan import catalogue, check_pack, context_catalogue, load_plan, pack_files
from cds_cli.scoring import agency_breakdown, score
from cds_cli.status import completeness
from cds_cli.submissions.validate import FileSummary, RowCounts, ValidationReport, read_submissions
from cds_cli.view import scorecard_view
from cds_cli.writers import SCORE_CSV_KEYS, as_json, json_text

ROWS = (
    "STTTT,2023-Q2,soc.adults_smartphone,,,81,\n"
    "SYT,2023-Q2,gov.dossiers_online,10,100,,\n"
    "STTTT,2023-Q2,gov.dossiers_online,90,100,,\n"
    "SYT,2023-Q2,gov.dossiers_digitized,30,20,,\n"  # line 5: rejected
    "STTTT,2023-Q2,sec.soc_4_layer,,,đang triển khai,\n"
)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    plan = load_plan()
    folder = tmp_path_factory.mktemp("render")
    (folder / "q2.csv").write_text(HEADER + ROWS, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)  # findings name the file as given: a short, fixed name
        report = read_submissions(["q2.csv"], plan)
    return {
        "score": score(report, plan),
        "breakdown": agency_breakdown(report, plan),
        "validate": report,
        "status": completeness(report, plan),
        "indicators": plan,
        "context": plan,
        "agencies": plan,
        "history": history(report, plan),
        "plan_check": check_pack(pack_files()),
    }


def rendered(result, fmt, lang="en", kind=None, **context) -> str:
    out = io.StringIO()
    render(result, fmt, lang, out, kind=kind, **context)
    return out.getvalue()


@pytest.mark.parametrize("kind, fmt", [(kind, fmt) for kind, formats in OUTPUTS.items() for fmt in formats])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_output_renders(results, kind, fmt, lang):
    text = rendered(results[kind], fmt, lang, kind=kind)
    assert text.strip() and text.endswith("\n")
    if fmt == "json":
        json.loads(text, parse_constant=_not_strict)  # strict JSON: no NaN or Infinity


def _not_strict(constant):
    raise AssertionError(f"{constant} is not strict JSON")


@pytest.mark.parametrize("kind", [kind for kind, formats in RENDERERS.items() if formats.get("json") is as_json])
def test_json_is_the_document(results, kind):
    """What a script gets from cds_cli.document is what the CLI prints (a scorecard from its view)."""
    for lang in ("vi", "en"):
        shown = scorecard_view(results[kind]) if kind == "score" else results[kind]
        assert json.loads(rendered(results[kind], "json", lang)) == document(shown, lang)


@pytest.mark.parametrize("kind", [kind for kind, formats in OUTPUTS.items() if "json" in formats])
def test_json_is_written_as_the_standard_library_indents_it(results, kind):
    """orjson writes every JSON output; the bytes are those of json.dumps(indent=2), Vietnamese as is."""
    for lang in ("vi", "en"):
        text = rendered(results[kind], "json", lang, kind=kind)
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_a_value_orjson_cannot_write_goes_to_the_standard_library():
    document = {"count": 2**70, "name": "Sở Y tế", "none": []}  # past 64 bits: orjson refuses it
    assert json_text(document) == json.dumps(document, ensure_ascii=False, indent=2)


def test_the_other_json_documents(results):
    plan, report = results["indicators"], results["validate"]
    assert json.loads(rendered(report, "json", "vi")) == validation_document(report, "vi")
    assert json.loads(rendered(plan, "json", "en")) == catalogue(plan, "en")
    assert json.loads(rendered(plan, "json", "en", kind="context")) == context_catalogue(plan, "en")


def test_score_csv(results):
    rows = list(csv.DictReader(io.StringIO(rendered(results["score"], "csv", "vi"))))
    assert list(rows[0]) == ["period", *SCORE_CSV_KEYS] and len(rows) == 29
    dossiers = next(row for row in rows if row["id"] == "gov.dossiers_online")
    assert {
        k: dossiers[k]
        for k in (
            "period",
            "value",
            "numerator",
            "denominator",
            "attainment",
            "met",
            "status",
            "reports_expected",
            "reports_received",
            "reporting_rate",
        )
    } == {
        "period": "2023-Q2",
        "value": "50.0",
        "numerator": "100.0",
        "denominator": "200.0",
        "attainment": "166.67",
        "met": "True",
        "status": "on_track",  # a flow met in Q2 is on its way, not yet the year's result
        "reports_expected": "25",
        "reports_received": "2",
        "reporting_rate": "0.08",
    }
    # figures keep the machine's dot in every language; only names follow --lang
    assert dossiers["name"] == results["indicators"].indicator("gov.dossiers_online").name_vi


def test_status_and_breakdown_csv(results):
    rows = list(csv.DictReader(io.StringIO(rendered(results["status"], "csv", "en"))))
    hints = ["hint_file", "hint_line", "hint_period", "hint_reason"]  # where a missing report may have gone
    assert list(rows[0]) == ["period", "agency", "agency_name", "indicator", "state", *hints] and len(rows) == 232
    states = {(row["agency"], row["indicator"]): row["state"] for row in rows}
    assert states["SYT", "gov.dossiers_online"] == "received"
    assert states["SYT", "gov.dossiers_digitized"] == "rejected"
    assert states["STTTT", "soc.households_fiber"] == "missing"
    lines = rendered(results["breakdown"], "csv").splitlines()
    dossiers = [line for line in lines if line.startswith("2023-Q2,gov.dossiers_online,")]
    assert [lines[0], *dossiers[:2]] == [
        "period,indicator,rank,agency,value,numerator,denominator,attainment,met,pull,province_value,target,reported",
        "2023-Q2,gov.dossiers_online,1,STTTT,90.0,90.0,100.0,300.0,True,20.0,50.0,30.0,True",
        "2023-Q2,gov.dossiers_online,2,SYT,10.0,10.0,100.0,33.33,False,-20.0,50.0,30.0,True",
    ]
    # then the 23 other agencies expected to report it, unranked and without figures
    assert dossiers[2] == "2023-Q2,gov.dossiers_online,,VPUBND,,,,,,,50.0,30.0,False" and len(dossiers) == 25
    assert all(line.endswith(",False") for line in dossiers[2:])
    # an indicator nobody sent lists its 25 expected agencies, none ranked
    assert len([line for line in lines if line.startswith("2023-Q2,gov.inspections_digital,,")]) == 25


def test_score_markdown(results):
    lines = rendered(results["score"], "markdown", "vi").splitlines()
    assert lines[0] == "# Kết quả chuyển đổi số quý II/2023 — Kế hoạch 64/KH-UBND"
    assert [line for line in lines if line.startswith("## ")] == [
        "## Chính quyền số",
        "## An toàn, an ninh thông tin",
        "## Kinh tế số",
        "## Xã hội số",
        "## Điểm theo trụ cột",
    ]
    assert (
        "| Mã | Chỉ tiêu | Năm 2022 | Mục tiêu 2023 | Giá trị | Mức đạt % | Tiến độ % | Kỳ vọng | Trạng thái |" in lines
    )
    smartphone = next(line for line in lines if line.startswith("| soc.adults_smartphone |"))
    assert smartphone.endswith("| ước 80 | ≥ 80 | 81,00 | 101,25 | — | 80,00 | Đạt |")
    soc = next(line for line in lines if line.startswith("| sec.soc_4_layer |"))
    assert soc.endswith("| đang triển khai | hoàn thành | đang triển khai | 50,00 | — | — | Đúng tiến độ |")
    # the reporting rate beside every score, and an index on 2% of the reports is provisional
    assert "| **Chỉ số chung** | **83,33 (tạm tính)** | 13% | 2% |" in lines
    assert "| Kinh tế số | — | 0% | 0% |" in lines
    assert "Tỷ lệ báo cáo quý II/2023: 4/232 (2%)" in lines
    assert any(line.startswith("Chỉ số tạm tính: mới nhận 4/232 báo cáo phải gửi (2%)") for line in lines)


def test_breakdown_markdown(results):
    text = rendered(results["breakdown"], "markdown", "en")
    assert text.startswith("# Agencies ranked by mean attainment (pooled indicators) — 2023-Q2\n")
    assert "| 1 | STTTT — Department of Information and Communications | 1 | 100.00 |" in text
    assert (
        "## gov.dossiers_online — Administrative dossiers received, processed and returned online\n\n"
        "2023 target ≥ 30; Province 50.00\n" in text
    )
    assert "| 1 | STTTT | 90.00 | 300.00 | 20.00 |" in text


def test_a_negative_figure_in_a_vietnamese_markdown_table(results):
    assert "| 2 | SYT | 10,00 | 33,33 | -20,00 |" in rendered(results["breakdown"], "markdown", "vi")


def test_validation_text(results):
    assert rendered(results["validate"], "text", "en").splitlines() == [
        "q2.csv  (5 rows: 4 accepted, 1 rejected)",
        "  q2.csv:5 [numerator]  error numerator_exceeds_denominator: numerator 30 is larger than denominator 20; "
        "a share cannot exceed 100%",
        "1 error(s), 0 warning(s) in 1 file(s)",
        "Rows: read 5, accepted 4, rejected 1, blank 0",
    ]
    assert rendered(results["validate"], "text", "vi").splitlines()[1] == (
        "  q2.csv:5 [numerator]  lỗi numerator_exceeds_denominator: tử số 30 lớn hơn mẫu số 20; "
        "tỷ lệ không thể vượt 100%"
    )


def _report(findings, file="C:/data/q2,final.csv"):
    rows = RowCounts(read=2, accepted=1, rejected=1)
    summary = FileSummary(file, "utf-8", ",", rows, columns={"agency": 0, "period": 1, "value": 5})
    return ValidationReport([summary], findings, pd.DataFrame(), rows)


def test_validation_text_of_valid_data():
    valid = ValidationReport(
        [FileSummary("ok.csv", "utf-8", ",", RowCounts(3, 3, 0, 1))], [], pd.DataFrame(), RowCounts(3, 3, 0, 1)
    )
    assert rendered(valid, "text", "en").splitlines() == [
        "Valid: 1 files, 3 data rows, no errors",
        "Rows: read 3, accepted 3, rejected 0, blank 1",
    ]


def test_validation_text_of_a_finding_about_a_folder():
    report = ValidationReport([], [Finding("no_input_files", "error", "empty", None, None)], pd.DataFrame())
    assert rendered(report, "text", "en").splitlines() == [
        "empty",
        "  empty  error no_input_files: no submission files (*.csv, *.xlsx, *.xls, *.ods) found in this directory",
        "1 error(s), 0 warning(s) in 0 file(s)",
        "Rows: read 0, accepted 0, rejected 0, blank 0",
    ]


def test_github_annotations_escape_properties_and_data():
    cell = "50%\r\nSYT"
    report = _report(
        [
            Finding("agency_unknown", "error", "C:/data/q2,final.csv", 3, "agency", {"value": cell, "hint": ""}),
            Finding("empty_file", "error", "C:/data/q2,final.csv", None, None),
        ]
    )
    lines = rendered(report, "github", "en").splitlines()
    assert lines[0] == (
        "::error file=C%3A/data/q2%2Cfinal.csv,line=3,col=1,title=agency_unknown::"
        "unknown agency '50%25%0D%0ASYT'; use an agency code such as STTTT or the agency's registered name"
    )
    assert lines[1].startswith("::error file=C%3A/data/q2%2Cfinal.csv,title=empty_file::the file is empty;")
    summary = "2 error(s), 0 warning(s) in 1 file(s); Rows: read 2, accepted 1, rejected 1, blank 0"
    assert lines[2:] == [f"::error title=cds validate::{summary}", summary]


def test_github_warnings_end_with_a_notice():
    warning = Finding(
        "duplicate_row",
        "warning",
        "a.csv",
        4,
        None,
        {"agency": "SYT", "indicator": "soc.citizens_e_health_records", "period": "2023-Q2", "first": "a.csv:2"},
    )
    lines = rendered(_report([warning], "a.csv"), "github", "vi").splitlines()
    assert lines[0].startswith("::warning file=a.csv,line=4,title=duplicate_row::trùng SYT")
    assert lines[1].startswith("::notice title=cds validate::0 lỗi, 1 cảnh báo trong 1 tệp")


def test_plan_check_text_and_github(results):
    text = rendered(results["plan_check"], "text", "en").splitlines()
    assert text[-1] == "Valid: plan 64/KH-UBND for 2023, 29 indicators, 2 warning(s)"
    assert [line.split("  ")[1].split(":")[0] for line in text[:-1]] == ["warning target_met_by_baseline"] * 2
    github = rendered(results["plan_check"], "github", "vi").splitlines()
    assert github[0].startswith("::warning file=") and "title=target_met_by_baseline" in github[0]
    assert github[2] == "::notice title=cds plan check::Hợp lệ: kế hoạch 64/KH-UBND năm 2023, 29 chỉ tiêu, 2 cảnh báo"
