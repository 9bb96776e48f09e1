"""A ministry's agencies in the report: the Word and HTML tables list those that most need a
call and say how many they left out; the XLSX and Markdown keep every agency; Word's big
tables are copies of one row, the XML python-docx writes for them."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from lxml import etree
from openpyxl import load_workbook
from test_report_docx import tiny_png

from cds_cli import load_plan, read_submissions, status
from cds_cli.report import docx_report
from cds_cli.report.docx_report import _body_styles, _fix_widths, _Writer, render_docx
from cds_cli.report.html_report import render_html
from cds_cli.report.markdown_report import render_markdown
from cds_cli.report.model import build_report
from cds_cli.report.xlsx_report import render_xlsx
from cds_cli.words.labels import label, share_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "2023"
LIMIT = 5


@pytest.fixture(scope="module")
def view():
    plan = load_plan()
    return build_report(read_submissions([EXAMPLES], plan), plan).view()


@pytest.fixture
def short(monkeypatch):
    """Tables of agencies cut at LIMIT (a ministry's are cut at 200), charts left out."""
    monkeypatch.setattr(status, "LONG_LIST", LIMIT)
    for name in ("attainment_chart", "trajectory_chart", "completeness_heatmap"):
        monkeypatch.setattr(docx_report, name, lambda *args, **kwargs: tiny_png())


def lowest(view):
    """The agencies a cut table lists, worked out here: the period's rate, then the year's mean."""

    def key(k):
        rates = view.agencies[k].rates
        year = [r for r in rates.values() if r is not None]
        return rates[view.period], sum(year) / len(year), k

    return [view.agencies[k] for k in sorted(range(len(view.agencies)), key=key)[:LIMIT]]


def test_word_lists_the_lowest_rates_and_says_where_every_agency_is(view, short, monkeypatch):
    monkeypatch.setattr(docx_report, "NAMED_LATE", 2)
    word = docx.Document(io.BytesIO(render_docx(view, "vi")))
    agency = label("agency", "vi")
    (table,) = [t for t in word.tables if t.rows[0].cells[0].text == agency]
    names = [row.cells[0].text for row in table.rows[1:]]
    assert names == [a.agency.name("vi") for a in lowest(view)] + [label("province", "vi")]
    said = "\n".join(p.text for p in word.paragraphs)
    assert f"Bảng liệt kê {LIMIT} trong {len(view.agencies)} đơn vị" in said
    assert "trang “Đơn vị”" in said and "cds status … --format csv" in said
    late = [a for a in view.agencies if a.rates[view.period] < 1]
    assert len(late) > 2
    facts = [p for p in word.paragraphs if p.text.startswith("- Đơn vị chưa gửi đủ báo cáo")]
    assert len(facts) == 1 and facts[0].text.endswith(f" và {len(late) - 2} đơn vị khác.")
    assert facts[0].text.count(",") == 1  # two named


def test_html_lists_the_lowest_rates_and_says_where_every_agency_is(view, short):
    page = render_html(view, "en").decode()
    heat = page[page.index('id="completeness"') : page.index('id="annex"')]
    assert f"The table lists {LIMIT} of {len(view.agencies)} agencies" in heat
    shown = [a for a in view.agencies if f">{a.agency.code}</span>" in heat]
    assert sorted(shown, key=lambda a: a.agency.code) == sorted(lowest(view), key=lambda a: a.agency.code)


def test_every_agency_stays_in_the_workbook_and_the_markdown(view, short):
    book = load_workbook(io.BytesIO(render_xlsx(view, "vi")))
    codes = [row[0] for row in book[label("sheet.agencies", "vi")].iter_rows(min_row=2, values_only=True) if row[0]]
    assert codes == [a.agency.code for a in view.agencies]
    markdown = render_markdown(view, "vi").decode()
    assert all(f"| {a.agency.name('vi')} | " in markdown for a in view.agencies)
    assert "Bảng liệt kê" not in markdown


def test_a_province_sees_every_agency_as_before(view):
    page = render_html(view, "vi").decode()
    assert "Bảng liệt kê" not in page
    assert all(f">{a.agency.code}</span>" in page for a in view.agencies)


def test_copied_rows_are_the_xml_python_docx_writes():
    """Word's tables are written as copies of a model row (a ministry has 22,000 agencies):
    the same XML as python-docx's cell by cell API, tabs, line breaks, spaces and characters
    XML cannot hold included."""
    document = docx.Document()
    _body_styles(document.styles, "vi")
    writer = _Writer(document, "vi")
    headers = ["a", "b", "c", "d", "e"]
    rows = [
        ["plain", " leading", "tab\there", "line\nbreak", ""],
        ["\x01", "trailing ", "Đơn vị", "a\r\nb", share_text(0.5, "vi")],
        ["x", "", "\x02ok", "  ", "last"],
    ]
    copied = writer.table(headers, rows, [3.0] * 5, "lcrcl", bold_rows=frozenset({1}))
    by_cell = document.add_table(rows=1 + len(rows), cols=5)
    by_cell.style = document.styles["Table Grid"]
    by_cell.alignment = copied.alignment
    _fix_widths(by_cell, [3.0] * 5)
    for r, (row, texts) in enumerate(zip(by_cell.rows, [headers, *rows], strict=True)):
        writer.table_row(row, texts, "ccccc" if r == 0 else "lcrcl", header=r == 0, bold=r == 0 or r == 2)
    assert etree.tostring(copied._tbl) == etree.tostring(by_cell._tbl)
    assert len(copied.rows) == 1 + len(rows) and re.search(rb"<w:tab/><w:t>here", etree.tostring(copied._tbl))
