"""Rows streamed as XML (a ministry's 22,754 agencies) read exactly as the cells XlsxWriter writes."""

import io
import re
import zipfile

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from cds_cli.workbooks import Formats, Sheet, new_workbook, save

ROWS = [
    ["plain", "Sở Thông tin và Truyền thông", 100, 66.67, None, True],
    ["a & b <c> \"d\" 'e'", "_x0041_ is not A", -5, 0.1 + 0.2, 12345678.5, False],
    ["  leading", "trailing  ", 0, 1e-7, 3, None],
    ['=HYPERLINK("x")', "\x01control\x1f characters", 2**40, -0.5, None, None],
    [None, "", None, None, None, None],
]
FORMATS = [None, None, "#,##0", '0.00"%"', '0"%"', None]


def workbook(stream: bool) -> tuple[bytes, dict[int, int]]:
    """ROWS under a header on one sheet, by XlsxWriter's cells or streamed, a bold line below;
    and the columns' widest content."""
    buffer = io.BytesIO()
    book = new_workbook(buffer, "t")
    sheet = Sheet(book.add_worksheet("s"), Formats(book, {"bold": {"bold": True}}))
    for column in range(1, 7):
        sheet.put(1, column, f"heading {column}", style="bold")
    if stream:
        assert sheet.stream(2, ROWS, FORMATS) == 1 + len(ROWS)
    else:
        for r, values in enumerate(ROWS, start=2):
            for c, (value, fmt) in enumerate(zip(values, FORMATS, strict=True), start=1):
                sheet.put(r, c, value, fmt)
    sheet.put(len(ROWS) + 3, 2, "total", style="bold")
    return save(book, buffer, [sheet]), sheet.widest


def values(data: bytes) -> list[list[object]]:
    """The cells' values as cds reads them, and Excel: "_x005F_x0041_" is the text "_x0041_"
    (openpyxl reads that escape in shared strings only, not in inline ones)."""
    return CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python(skip_empty_area=False)


def looks(data: bytes) -> list[list[tuple[str, bool, str]]]:
    """Each cell's number format, boldness and type (openpyxl)."""
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [[(cell.number_format, bool(cell.font.b), cell.data_type) for cell in row] for row in sheet.iter_rows()]


def test_streamed_rows_read_as_xlsxwriters_cells():
    (streamed, widest), (written, widest_written) = workbook(stream=True), workbook(stream=False)
    assert values(streamed) == values(written) and looks(streamed) == looks(written)
    assert widest == widest_written == {1: 17, 2: 28, 3: 20, 4: 9, 5: 13, 6: 9}  # "-5.00", "heading 4", …
    rows = values(streamed)
    assert rows[1] == ["plain", "Sở Thông tin và Truyền thông", 100, 66.67, "", True]
    assert rows[2] == ["a & b <c> \"d\" 'e'", "_x0041_ is not A", -5, 0.3, 12345678.5, False]
    assert rows[3][:2] == ["  leading", "trailing  "]
    assert rows[4][:3] == ['\'=HYPERLINK("x")', "control characters", 2**40]
    formats = looks(streamed)
    assert formats[2][4] == ('0"%"', False, "n") and formats[1][3] == ('0.00"%"', False, "n")
    assert formats[1][5][2] == "b" and formats[-1][1] == ("General", True, "s")


def test_the_sheets_extent_covers_the_streamed_rows():
    with zipfile.ZipFile(io.BytesIO(workbook(stream=True)[0])) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert re.findall(r'<dimension ref="([^"]+)"/>', xml) == [f"A1:F{len(ROWS) + 3}"]
    assert [int(row) for row in re.findall(r'<row r="(\d+)"', xml)] == [1, 2, 3, 4, 5, 6, 8]


def test_a_cell_cannot_go_into_the_streamed_rows():
    book = new_workbook(io.BytesIO(), "t")
    sheet = Sheet(book.add_worksheet("s"), Formats(book, {}))
    sheet.put(1, 1, "heading")
    sheet.stream(2, [["a"], ["b"]], [None])
    with pytest.raises(ValueError, match="row 3 is streamed"):
        sheet.put(3, 1, "c")
    sheet.put(4, 1, "below")  # the next row is free
