"""cds_cli.templates: the forms agencies fill in (rows, CSV as Excel writes it, protected XLSX)."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest

from cds_cli.periods import Period
from cds_cli.plan import load_plan
from cds_cli.submissions.validate import read_submissions
from cds_cli.templates import HEADERS, template_csv, template_rows, template_xlsx

Q3 = Period(2023, 3)
HEADER_LINE = "STT;Đơn vị;Kỳ báo cáo;Mã chỉ tiêu;Tên chỉ tiêu;Đơn vị tính;Hướng dẫn;Tử số;Mẫu số;Giá trị;Ghi chú"
SCT_IDS = [
    "gov.online_services_with_applications",
    "gov.dossiers_online",
    "gov.dossiers_digitized",
    "gov.work_records_online_province",
    "gov.documents_signed_electronic",
    "gov.inspections_digital",
    "sec.systems_classified_protected",
    "sec.staff_trained_security",
    "econ.ecommerce_retail_share",
]
MILESTONES = {"gov.data_analytics_platform", "sec.soc_4_layer", "soc.virtual_assistant"}
FIGURES = ("H", "I", "J", "K")  # Tử số, Mẫu số, Giá trị, Ghi chú


@pytest.fixture(scope="module")
def plan():
    return load_plan()


def test_one_row_per_indicator_the_agency_reports(plan):
    rows = template_rows(plan, "SCT", Q3)
    # its pooled indicators (a provincial department) and its single one, in the plan's order
    assert [row.indicator.id for row in rows] == SCT_IDS
    assert [row.number for row in rows] == list(range(1, 10))
    assert {(row.agency, row.period) for row in rows} == {("SCT", "2023-Q3")}
    assert [row.indicator.id for row in template_rows(plan, "NHNN", Q3)] == ["soc.bank_accounts_15plus"]
    assert template_rows(plan, "CAT", Q3) == []  # Công an tỉnh reports none of the plan's indicators


def test_guidance_and_unit_per_kind_of_indicator(plan):
    vi = {row.indicator.id: row for row in template_rows(plan, "STTTT", Q3, "vi")}
    en = {row.indicator.id: row for row in template_rows(plan, "STTTT", Q3, "en")}
    assert len(vi) == 16 and set(vi) >= MILESTONES
    expectations = {  # id: (unit vi, guidance vi, unit en, guidance en)
        "sec.soc_4_layer": ("mốc", "Chọn trạng thái ở cột Giá trị", "milestone", "Choose the status in Giá trị"),
        "gov.dossiers_online": (
            "%",
            "Ghi Tử số, Mẫu số phát sinh trong quý",
            "%",
            "Numerator and denominator for this quarter only",
        ),
        "sec.staff_trained_security": (
            "%",
            "Ghi Tử số, Mẫu số lũy kế đến cuối quý",
            "%",
            "Numerator and denominator as at the end of the quarter",
        ),
        "soc.households_fiber": (
            "%",
            "Ghi Giá trị (%) hoặc Tử số, Mẫu số",
            "%",
            "Value (%) or numerator and denominator",
        ),
    }
    for key, (unit_vi, guidance_vi, unit_en, guidance_en) in expectations.items():
        assert (vi[key].unit, vi[key].guidance, en[key].unit, en[key].guidance) == (
            unit_vi,
            guidance_vi,
            unit_en,
            guidance_en,
        ), key
    assert vi["soc.households_fiber"].name == plan.indicator("soc.households_fiber").name_vi
    assert en["soc.households_fiber"].name == plan.indicator("soc.households_fiber").name_en
    # a single indicator summed over the year asks for the quarter's own counts too
    sct = {row.indicator.id: row for row in template_rows(plan, "SCT", Q3, "en")}
    assert sct["econ.ecommerce_retail_share"].guidance == "Numerator and denominator for this quarter only"


def test_csv_as_excel_writes_it_on_a_vietnamese_windows(plan):
    data = template_csv(template_rows(plan, "NHNN", Q3))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    name = plan.indicator("soc.bank_accounts_15plus").name_vi
    assert text.split("\r\n") == [
        HEADER_LINE,
        f"1;NHNN;2023-Q3;soc.bank_accounts_15plus;{name};%;Ghi Giá trị (%) hoặc Tử số, Mẫu số;;;;",
        "",
    ]
    assert template_csv(template_rows(plan, "NHNN", Q3)) == data


def _fill(indicator: str) -> tuple[object, object, object]:
    return (None, None, "đang triển khai") if indicator in MILESTONES else (45, 60, None)


def test_a_filled_csv_template_validates_with_no_finding(plan, tmp_path):
    rows = list(
        csv.reader(io.StringIO(template_csv(template_rows(plan, "STTTT", Q3)).decode("utf-8-sig")), delimiter=";")
    )
    for row in rows[1:]:
        row[7:10] = ["" if cell is None else str(cell) for cell in _fill(row[3])]
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    path = tmp_path / "STTTT.csv"
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    report = read_submissions([path], plan)
    assert report.findings == []
    assert report.rows.to_dict() == {"read": 16, "accepted": 16, "rejected": 0, "blank": 0}


def _sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_xlsx_is_protected_with_only_the_figure_cells_open(plan):
    rows = template_rows(plan, "STTTT", Q3)
    sheet = _sheet(template_xlsx(rows, "Kế hoạch 64/KH-UBND — STTTT — 2023-Q3"))
    assert sheet.title == "Báo cáo" and sheet["A1"].value == "Kế hoạch 64/KH-UBND — STTTT — 2023-Q3"
    assert [cell.value for cell in sheet[3]] == HEADERS == HEADER_LINE.split(";")
    assert sheet.protection.sheet and sheet.freeze_panes == "A4" and sheet.max_row == 3 + 16
    assert [sheet.cell(line, 4).value for line in range(4, 20)] == [row.indicator.id for row in rows]
    assert [sheet.cell(4, column).value for column in range(1, 4)] == [1, "STTTT", "2023-Q3"]
    open_cells = {
        cell.coordinate
        for line in sheet.iter_rows(min_row=1, max_row=19)
        for cell in line
        if not cell.protection.locked
    }
    assert open_cells == {f"{column}{line}" for column in FIGURES for line in range(4, 20)}
    assert _sheet(template_xlsx(rows, "Form", "en")).title == "Report"


def test_xlsx_data_validations_per_kind(plan):
    rows = template_rows(plan, "STTTT", Q3)
    sheet = _sheet(template_xlsx(rows, "Form"))
    lines = {row.indicator.id: 4 + i for i, row in enumerate(rows)}
    milestones = {lines[key] for key in MILESTONES}
    percents = set(lines.values()) - milestones
    by_type = {v.type: v for v in sheet.data_validations.dataValidation}
    assert set(by_type) == {"whole", "decimal", "list"}
    counts, percent, status = by_type["whole"], by_type["decimal"], by_type["list"]
    assert (counts.operator, counts.formula1, counts.error) == ("greaterThanOrEqual", "0", "Số nguyên không âm")
    # "between" is the standard's default operator, which XlsxWriter leaves out (None)
    assert percent.operator in (None, "between") and (percent.formula1, percent.formula2) == ("0", "100")
    assert status.formula1 == '"hoàn thành,đang triển khai,chưa triển khai"'
    assert all(v.allow_blank and v.showErrorMessage for v in by_type.values())

    def cells(validation):
        return set(str(validation.sqref).split())

    assert cells(counts) == {f"{c}{line}" for c in "HI" for line in percents}
    assert cells(percent) == {f"J{line}" for line in percents}
    assert cells(status) == {f"J{line}" for line in milestones}


def test_a_filled_xlsx_template_validates_with_no_finding(plan, tmp_path):
    rows = template_rows(plan, "SYT", Q3)
    path = tmp_path / "SYT.xlsx"
    path.write_bytes(template_xlsx(rows, "Form"))
    book = openpyxl.load_workbook(path)
    sheet = book.active
    for line in range(4, 4 + len(rows)):
        for column, value in zip((8, 9, 10), _fill(sheet.cell(line, 4).value), strict=False):
            sheet.cell(line, column).value = value
    book.save(path)
    report = read_submissions([path], plan)
    assert report.findings == [] and report.rows.accepted == len(rows) == 9
    assert sorted(report.accepted["line"]) == list(range(4, 13))  # the sheet's rows


def test_the_same_form_byte_for_byte(plan):
    rows = template_rows(plan, "SYT", Q3)
    first, second = template_xlsx(rows, "Form"), template_xlsx(rows, "Form")
    assert first == second
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert template_xlsx(rows, "Another title") != first
