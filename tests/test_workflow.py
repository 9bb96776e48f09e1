"""The analysts' workflow: templates, who has reported, per-agency view, CI annotations."""

import csv
import io

import openpyxl
import pytest
from conftest import HEADER, cds, cds_json


def fill(sheet_rows, figures):
    """Fill a template's rows: figures maps indicator id → (numerator, denominator, value)."""
    for row in sheet_rows:
        numerator, denominator, value = figures[row["Mã chỉ tiêu"]]
        row.update({"Tử số": numerator, "Mẫu số": denominator, "Giá trị": value})


def figures_for(ids):
    return {
        i: (None, None, "đang triển khai")
        if i in ("sec.soc_4_layer", "soc.virtual_assistant", "gov.data_analytics_platform")
        else (45, 60, None)
        for i in ids
    }


def test_xlsx_template_round_trip_generate_fill_validate_score(tmp_path):
    path = tmp_path / "SYT.xlsx"
    result = cds("template", "--agency", "Sở Y tế", "--period", "2023-Q3", "-o", path)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(path)
    sheet = book.active
    header = [c.value for c in sheet[3]]
    assert header[:4] == ["STT", "Đơn vị", "Kỳ báo cáo", "Mã chỉ tiêu"] and "Tên chỉ tiêu" in header
    assert sheet.protection.sheet and sheet.freeze_panes == "A4"
    assert sheet["B4"].protection.locked and not sheet["H4"].protection.locked  # keys locked, figures open
    ids = [sheet.cell(r, 4).value for r in range(4, sheet.max_row + 1)]
    # its single indicator and the pooled ones the Department of Health feeds
    assert "soc.citizens_e_health_records" in ids and "gov.dossiers_online" in ids
    assert "soc.adults_smartphone" not in ids
    for r, indicator in enumerate(ids, start=4):
        numerator, denominator, value = figures_for(ids)[indicator]
        sheet.cell(r, 8).value, sheet.cell(r, 9).value, sheet.cell(r, 10).value = numerator, denominator, value
    book.save(path)
    assert cds_json("validate", path, expect_exit=0)["issues"] == []
    scored = {i["id"]: i for i in cds_json("score", path, "--lang", "en")["indicators"]}
    assert scored["soc.citizens_e_health_records"]["value"] == pytest.approx(75.0)
    assert scored["soc.citizens_e_health_records"]["reports_received"] == 1


def test_xlsx_template_lists_statuses_for_milestones(tmp_path):
    path = tmp_path / "STTTT.xlsx"
    assert cds("template", "-a", "STTTT", "-p", "2023-Q2", "-o", path).exit_code == 0
    sheet = openpyxl.load_workbook(path).active
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert lists and "đang triển khai" in lists[0].formula1
    ids = [sheet.cell(r, 4).value for r in range(4, sheet.max_row + 1)]
    milestone_rows = {r for r, i in enumerate(ids, start=4) if i == "sec.soc_4_layer"}
    assert any(f"J{r}" in str(lists[0].sqref) for r in milestone_rows)


def test_csv_template_round_trip(tmp_path):
    result = cds("template", "--agency", "UBND_HD", "--period", "Quý III/2023", "--format", "csv")
    assert result.exit_code == 0
    text = result.stdout_bytes.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert {r["Mã chỉ tiêu"] for r in rows} >= {"gov.work_records_online_district", "gov.commune_radio_ict"}
    assert all(r["Đơn vị"] == "UBND_HD" and r["Kỳ báo cáo"] == "2023-Q3" for r in rows)
    fill(rows, figures_for([r["Mã chỉ tiêu"] for r in rows]))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / "filled.csv"
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    doc = cds_json("validate", path, expect_exit=0)
    assert doc["issues"] == [] and doc["rows"]["accepted"] == len(rows)


@pytest.mark.parametrize("args", [["-a", "SXYZ", "-p", "2023-Q3"], ["-a", "SYT", "-p", "2022-Q4"]])
def test_template_usage_errors(args):
    result = cds("template", *args)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_status_counts_received_rejected_and_missing(write):
    path = write(
        "q2.csv",
        HEADER
        + "SYT,2023-Q2,soc.citizens_e_health_records,,,45,\n"  # received
        + "SYT,2023-Q2,gov.dossiers_online,30,20,,\n"  # sent but rejected
        + "SYT,2023-Q1,gov.dossiers_digitized,3,4,,\n",
    )  # another quarter
    doc = cds_json("status", path, "--period", "2023-Q2", "--lang", "en", expect_exit=0)
    syt = next(a for a in doc["agencies"] if a["id"] == "SYT")
    assert syt["received"] == 1 and syt["expected"] == 9
    assert syt["rejected"] == ["gov.dossiers_online"]
    assert "gov.dossiers_digitized" in syt["missing"]
    assert syt["rate"] == pytest.approx(1 / 9, abs=1e-4)
    ehr = next(i for i in doc["indicators"] if i["id"] == "soc.citizens_e_health_records")
    assert (ehr["expected"], ehr["received"], ehr["rate"]) == (1, 1, 1.0)
    assert doc["received"] == 1 and doc["expected"] == sum(a["expected"] for a in doc["agencies"])


def test_status_csv_has_one_row_per_expected_report(write):
    path = write("q2.csv", HEADER + "SYT,2023-Q2,soc.citizens_e_health_records,,,45,\n")
    out = cds("status", path, "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"period", "agency", "indicator", "state"} <= set(rows[0])
    assert [r["state"] for r in rows if r["agency"] == "SYT" and r["indicator"] == "soc.citizens_e_health_records"] == [
        "received"
    ]


def test_score_by_agency_ranks_each_agency_against_the_provincial_target(write):
    path = write(
        "q2.csv",
        HEADER
        + "SYT,2023-Q2,gov.dossiers_online,10,100,,\n"
        + "STTTT,2023-Q2,gov.dossiers_online,90,100,,\n"
        + "UBND_HD,2023-Q2,gov.dossiers_online,50,200,,\n",
    )
    doc = cds_json("score", path, "--by", "agency", "--lang", "en", expect_exit=0)
    dossiers = next(i for i in doc["indicators"] if i["id"] == "gov.dossiers_online")
    assert dossiers["value"] == pytest.approx(37.5)  # 100·150/400
    assert [(a["rank"], a["agency"], a["value"], a["attainment"]) for a in dossiers["agencies"][:3]] == [
        (1, "STTTT", 90.0, 300.0),
        (2, "UBND_HD", 25.0, 83.33),
        (3, "SYT", 10.0, 33.33),
    ]
    # the 22 other agencies expected to report it follow, unranked
    assert [(a["rank"], a["reported"]) for a in dossiers["agencies"][3:]] == [(None, False)] * 22
    # pull = share of the denominator × distance from the provincial value
    assert dossiers["agencies"][2]["pull"] == pytest.approx(100 / 400 * (10 - 37.5), abs=0.01)
    assert [a["agency"] for a in doc["agencies"] if a["reported"]] == ["STTTT", "UBND_HD", "SYT"]


def test_score_json_reports_the_reporting_rate(write):
    path = write("q2.csv", HEADER + "STTTT,2023-Q2,soc.adults_smartphone,,,81,\n")
    doc = cds_json("score", path)
    assert doc["reporting"]["received"] == 1
    smartphone = next(i for i in doc["indicators"] if i["id"] == "soc.adults_smartphone")
    assert (smartphone["reports_expected"], smartphone["reports_received"], smartphone["reporting_rate"]) == (1, 1, 1.0)


def test_github_annotations_with_escaping(write):
    path = write("a,b.csv", HEADER + "SYT,2023-Q2,gov.dossiers_online,30,20,,\nSYT,Q9,gov.x,1,2,,\n")
    result = cds("validate", path, "--format", "github", "--lang", "en")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    escaped = str(path).replace(":", "%3A").replace(",", "%2C")
    assert lines[0] == (
        f"::error file={escaped},line=2,col=4,title=numerator_exceeds_denominator::"
        "numerator 30 is larger than denominator 20; a share cannot exceed 100%25"
    )
    assert any(line.startswith(f"::error file={escaped},line=3,col=2,title=period_invalid::") for line in lines)
    assert lines[-2].startswith("::error title=cds validate::")


def test_github_format_is_the_default_inside_github_actions(write, monkeypatch):
    path = write("ok.csv", HEADER + "STTTT,2023-Q2,soc.adults_smartphone,,,81,\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = cds("validate", path)
    assert result.exit_code == 0 and result.stdout.startswith("::notice title=cds validate::")


def test_templates_are_byte_identical_run_to_run(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for path in (first, second):
        assert cds("template", "-a", "SYT", "-p", "2023-Q3", "-o", path).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
