"""Word's big tables are copies of one row: the XML python-docx writes for them."""

from __future__ import annotations

import re

import docx
from lxml import etree

from cds_cli.labels import share_text
from cds_cli.report.docx_report import _body_styles, _fix_widths, _Writer


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
