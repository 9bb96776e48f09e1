"""The Excel report: five sheets, numbers as numbers, no formulas, identical bytes every run."""

import io
import re
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from cds_cli import load_plan, parse_period, read_submissions
from cds_cli.periods import Period
from cds_cli.report.model import build_report
from cds_cli.report.xlsx_report import render_xlsx
from cds_cli.view import scorecard_view
from cds_cli.words.labels import label

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "2023"
SHEETS = ["Summary", "Indicators", "Quarterly", "Agencies", "Findings"]


@pytest.fixture(scope="module")
def annual():
    plan = load_plan()
    report = read_submissions([EXAMPLES], plan)
    return build_report(report, plan, parse_period("2023-Q3"), date=None)


@pytest.fixture(scope="module")
def view(annual):
    return annual.view()


@pytest.fixture(scope="module")
def data(view):
    return render_xlsx(view, "en")


@pytest.fixture(scope="module")
def book(data):
    return openpyxl.load_workbook(io.BytesIO(data))


def header(sheet):
    return [cell.value for cell in sheet[1]]


def rows_by_id(sheet):
    """{id: {heading: value}} for a table whose first column is the indicator id."""
    heads = header(sheet)
    return {
        row[0]: dict(zip(heads, row, strict=False)) for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]
    }


def test_five_sheets_in_order(book):
    assert book.sheetnames == SHEETS


def test_indicators_sheet_has_every_indicator_in_plan_order(book, annual, view):
    sheet = book["Indicators"]
    ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    plan_order = [item.id for pillar in view.card.pillars for item in pillar.indicators]
    assert len(ids) == 29 == len(set(ids))
    assert ids == plan_order
    assert set(ids) == {ind.id for ind in annual.plan.indicators}


def test_indicator_values_match_the_final_scorecard(book, annual):
    rows = rows_by_id(book["Indicators"])
    for item in scorecard_view(annual.final).indicators:
        row = rows[item.id]
        for key, heading in (("value", "Value"), ("attainment", "Attainment %")):
            expected, got = getattr(item, key), row[heading]
            if isinstance(expected, float):
                assert isinstance(got, (int, float)), (item.id, key, got)
                assert round(got, 2) == pytest.approx(expected), (item.id, key)
            elif isinstance(expected, str):  # a milestone's state, in words
                assert got == label(expected, "en"), (item.id, key)
            else:
                assert got == expected, (item.id, key)
        assert row["Status code"] == item.status  # the code, for scripts
        assert row["Status"] == label(item.status, "en")  # and the word, for people


def test_quarterly_columns_follow_the_quarters(book, annual, view):
    sheet = book["Quarterly"]
    heads = header(sheet)
    assert view.quarters == (Period(2023, 1), Period(2023, 2), Period(2023, 3))
    quarters = ["Q1", "Q2", "Q3"]  # the quarters in words: the year is the plan's (heading "2023 target")
    start = heads.index(quarters[0])
    assert heads[start : start + len(quarters)] == quarters
    assert heads[start + len(quarters) :] == [f"Expected {q}" for q in quarters]
    assert "2023 target" in heads
    assert not [h for h in heads if re.search(r"\d{4}-Q\d", h)]  # never 2023-Q1 where people read

    rows = rows_by_id(sheet)
    for ident in ("gov.dossiers_online", "soc.households_fiber", "gov.data_analytics_platform"):
        for quarter, card in zip(quarters, annual.cards, strict=True):
            item = next(i for i in scorecard_view(card).indicators if i.id == ident)
            got = rows[ident][quarter]
            if isinstance(item.value, float):
                assert round(got, 2) == pytest.approx(item.value), (ident, quarter)
            else:  # a milestone: its state in words
                assert got == label(item.value, "en"), (ident, quarter)
    assert rows["soc.households_fiber"]["Expected Q3"] == pytest.approx(67.5)


def test_frozen_bold_headers_and_autofilters(book):
    assert book["Summary"].freeze_panes == "A2"
    assert book["Indicators"].freeze_panes == "B2"
    assert book["Quarterly"].freeze_panes == "B2"
    assert book["Agencies"].freeze_panes == "A2"
    assert book["Findings"].freeze_panes == "A2"
    for name in SHEETS[1:]:
        sheet = book[name]
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), name
        assert all(cell.font.bold for cell in sheet[1] if cell.value is not None), name
    assert book["Indicators"].auto_filter.ref == "A1:Y30"
    assert book["Indicators"].column_dimensions["C"].width >= 30  # the name column is wide


def test_number_formats(book, view):
    indicators = book["Indicators"]
    heads = header(indicators)
    attainment = heads.index("Attainment %") + 1
    numerator = heads.index("Numerator") + 1
    rate = heads.index("Reporting rate") + 1
    for row in range(2, indicators.max_row + 1):
        cell = indicators.cell(row=row, column=attainment)
        if cell.value is None:  # no data
            continue
        assert cell.data_type == "n" and cell.number_format == "0.00"
        if indicators.cell(row=row, column=numerator).value is not None:
            assert indicators.cell(row=row, column=numerator).number_format == "#,##0"
        # one kind of percent in every sheet: points 0–100, shown with "%"
        assert indicators.cell(row=row, column=rate).number_format == '0"%"'
        assert 0 <= indicators.cell(row=row, column=rate).value <= 100
    value = heads.index("Value") + 1
    assert indicators.cell(row=2, column=value).number_format == '0.00"%"'
    agencies = book["Agencies"]
    assert header(agencies)[2:] == ["Q1", "Q2", "Q3"]
    last = 1 + len(view.agencies)
    assert agencies.auto_filter.ref == f"A1:E{last}"
    for row in agencies.iter_rows(min_row=2, max_row=last, min_col=3):
        for cell in row:
            assert cell.data_type == "n" and 0 <= cell.value <= 100 and cell.number_format == '0"%"'


def test_every_sheet_prints_on_a4_landscape_fitted_to_the_width(book):
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
        # one page wide: fitToWidth="1" is the standard's default, which XlsxWriter leaves out (None)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth in (None, 1)
        assert sheet.page_setup.fitToHeight == 0  # as many pages down as it takes
    assert book["Indicators"].print_title_rows == "$1:$1"  # the header row on every page


def test_no_formula_guard_where_no_formula_could_be(book):
    """A milestone's comparator '=' was stored as "'=": the comparators are signs, a milestone's blank."""
    rows = rows_by_id(book["Indicators"])
    assert rows["sec.soc_4_layer"]["Comparator"] is None and rows["sec.soc_4_layer"]["2023 target"] == "done"
    assert rows["gov.dossiers_online"]["Comparator"] == "≥"
    assert not [c.value for s in book.worksheets for r in s.iter_rows() for c in r if c.value == "'="]


def test_agencies_and_findings_tables(book, view):
    agencies = book["Agencies"]
    ids = [row[0] for row in agencies.iter_rows(min_row=2, values_only=True) if row[0]]
    assert ids == [a.agency.code for a in view.agencies]
    first = view.agencies[0]
    assert agencies["B2"].value == first.agency.name("en")
    assert agencies["C2"].value == pytest.approx(100 * first.rates[Period(2023, 1)])

    findings = book["Findings"]
    assert header(findings) == ["File", "Sheet", "Read", "Accepted", "Rejected", "Blank"]
    files = view.files
    assert [findings.cell(row=r, column=1).value for r in range(2, 2 + len(files))] == [f.file for f in files]
    assert findings.cell(row=2, column=3).value == files[0].rows.read
    values = list(findings.iter_rows(values_only=True))
    by_code = {row[0]: row for row in values if row[0] in {f.code for f in view.findings_by_code}}
    assert view.findings_by_code
    for entry in view.findings_by_code:
        assert by_code[entry.code][1:5] == (
            entry.severity,
            entry.count,
            label(f"problem.{entry.code}", "en"),
            label(entry.severity, "en"),
        )


def test_summary_sheet(book, view):
    sheet = book["Summary"]
    cells = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row[0] is not None}
    assert sheet["A1"].value == "Report on the results of the Digital Transformation Plan 2023" == book.properties.title
    assert sheet["A1"].value == label("report_title", "en", **view.plan.terms)
    assert cells["Period"][0] == "Q3 2023" and cells["Quarters"][0] == "Q1, Q2 and Q3 2023"  # in words
    assert "Date" not in cells  # no --date: the line is left out
    assert cells["cds version"][0] == view.version
    card = view.card
    assert cells["Score"][0] == pytest.approx(card.index.score)
    assert cells["Data coverage"][0] == pytest.approx(100 * card.index.coverage)
    for pillar in card.pillars:
        assert cells[pillar.id][1] == pytest.approx(pillar.score)
        assert cells[pillar.id][3] == pillar.with_data
        assert cells[pillar.id][4] == pillar.total
    assert cells["At risk"][1] == card.summary["at_risk"]
    assert cells["Rate"][0] == pytest.approx(100 * card.reporting.rate, abs=0.01)
    assert view.files
    for summary in view.files:
        assert cells[summary.file][0] == summary.sha256


def test_summary_shows_the_date_when_given(view):
    dated = replace(view, date="2024-01-15")
    sheet = openpyxl.load_workbook(io.BytesIO(render_xlsx(dated, "en")))["Summary"]
    cells = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0] is not None}
    assert cells["Date"] == "15 January 2024"  # as the document writes dates


def evil_view(view):
    """The view with text a spreadsheet would run as a formula where names and files stand."""
    pillar = view.card.pillars[0]
    item = pillar.indicators[0]
    formula = '=HYPERLINK("x")'
    indicator = item.indicator.model_copy(update={"name_en": formula, "short_name_en": formula})
    evil_item = replace(item, indicator=indicator, value=-5.0)
    pillars = (replace(pillar, indicators=(evil_item, *pillar.indicators[1:])), *view.card.pillars[1:])
    files = (
        replace(view.files[0], file="@SUM(1+1)"),
        replace(view.files[1], file="-2+cmd|' /C calc'!A0"),
        *view.files[2:],
    )
    first = view.agencies[0]
    agencies = (replace(first, agency=replace(first.agency, name_en="+1")), *view.agencies[1:])
    return replace(view, card=replace(view.card, pillars=pillars), files=files, agencies=agencies)


def test_text_that_looks_like_a_formula_is_neutralised(view):
    item = view.card.pillars[0].indicators[0]
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(evil_view(view), "en")))

    rows = rows_by_id(book["Indicators"])
    row = rows[item.id]
    assert row["Name"] == '\'=HYPERLINK("x")'
    assert row["Value"] == -5.0
    assert rows_by_id(book["Quarterly"])[item.id]["Short name"] == '\'=HYPERLINK("x")'
    summary = [cell.value for row in book["Summary"].iter_rows() for cell in row]
    assert "'@SUM(1+1)" in summary and "'-2+cmd|' /C calc'!A0" in summary  # the inputs and their hashes
    assert book["Findings"]["A2"].value == "'@SUM(1+1)"
    assert book["Findings"]["A3"].value == "'-2+cmd|' /C calc'!A0"
    assert book["Agencies"]["B2"].value == "+1"  # a number-like string is fine as it is
    for sheet in book.worksheets:
        for line in sheet.iter_rows():
            for cell in line:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "@")), (sheet.title, cell.coordinate)
    value_cell = next(cell for cell in book["Indicators"]["J"] if cell.value == -5.0)
    assert value_cell.data_type == "n"


def test_vietnamese_headings(annual):
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(annual.view(), "vi")))
    assert book.sheetnames == ["Tổng hợp", "Chỉ tiêu", "Theo quý", "Đơn vị", "Chất lượng dữ liệu"]
    heads = header(book["Chỉ tiêu"])
    assert heads[:4] == ["Mã", "Trụ cột", "Tên ngắn", "Tên chỉ tiêu"]
    assert "Mức đạt %" in heads and "Trạng thái" in heads and "Mã trạng thái" in heads
    rows = rows_by_id(book["Chỉ tiêu"])
    soc = rows["sec.soc_4_layer"]
    assert (soc["Đơn vị tính"], soc["Mục tiêu 2023"], soc["Giá trị"]) == ("mốc", "hoàn thành", "đang triển khai")
    assert (soc["Trạng thái"], soc["Mã trạng thái"]) == ("Đúng tiến độ", "on_track")
    assert rows["gov.dossiers_online"]["Đơn vị tính"] == "%"
    summary = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(values_only=True) if row[0]}
    assert summary["Kế hoạch"].startswith("64/KH-UBND — 05/4/2023 — ")  # dates as the document writes them
    assert (summary["Kỳ báo cáo"], summary["Các quý"]) == ("quý III/2023", "quý I, II và III năm 2023")
    quarterly = header(book["Theo quý"])
    assert quarterly[6:9] == ["Quý I", "Quý II", "Quý III"] and quarterly[9] == "Kỳ vọng Quý I"
    assert header(book["Đơn vị"])[2:] == ["Quý I", "Quý II", "Quý III"]


def test_same_input_same_bytes(annual, view, data):
    assert render_xlsx(view, "en") == data
    assert render_xlsx(annual.view(), "en") == data  # a view built again
    props = openpyxl.load_workbook(io.BytesIO(data)).properties
    assert props.creator == "cds"
    assert props.created.year == 2000 and props.modified.year == 2000
