"""Reading Excel workbooks (.xlsx) into the same raw cells as a CSV file.

Agencies send the form as they filled it: a title block above the header, the agency
cell merged down over its rows, counts typed as text ("1.234"), percents formatted as
``0.0%``.  This module streams the sheet with openpyxl's read-only mode (memory stays
flat however long the sheet), fills merged areas from their top-left cell, finds the
header row and returns text cells with their sheet row numbers.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

# A workbook is a zip; a hostile one can expand to gigabytes.  Nothing an agency sends
# for a quarter comes near this, so past it the workbook is refused unread.
MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
HEADER_SEARCH_ROWS = 30  # a title block is a few rows; the header is among the first ones
_CFB_MAGIC = b"\xd0\xcf\x11\xe0"  # password-protected .xlsx and old .xls are OLE files
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


@dataclass
class SheetCells:
    rows: list[list[str]]  # from the header row down
    lines: list[int]  # sheet row number of each row
    sheet: str


class WorkbookProblem(Exception):
    """A workbook that cannot be read at all; carries the finding code and its values."""

    def __init__(self, code: str, **params: object):
        super().__init__(code)
        self.code, self.params = code, params


def read_sheet(path: Path, sheet: str | None, is_header: callable) -> SheetCells:
    """The cells of ``sheet`` (default: the first) from its header row down."""
    import openpyxl  # only needed for workbooks; keeps CSV-only runs light

    _check_container(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise WorkbookProblem("workbook_unreadable", reason=type(exc).__name__) from None
    try:
        names = workbook.sheetnames
        if sheet is not None and sheet not in names:
            raise WorkbookProblem("sheet_missing", sheet=sheet, sheets=", ".join(names))
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        merged = _merged_ranges(path, getattr(worksheet, "_worksheet_path", None))
        rows = [[_text(cell) for cell in row] for row in worksheet.iter_rows()]
        first_row = worksheet.min_row or 1
    except WorkbookProblem:
        raise
    except Exception as exc:  # a damaged sheet inside a sound zip: bad XML, cells, references
        raise WorkbookProblem("workbook_unreadable", reason=type(exc).__name__) from None
    finally:
        workbook.close()
    _fill_merged(rows, merged, first_row)
    lines = list(range(first_row, first_row + len(rows)))
    start = next((i for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]) if is_header(row) >= 2), None)
    if start is None:  # no header: report against the first row that has anything
        start = next((i for i, row in enumerate(rows) if any(row)), 0)
    return SheetCells(rows[start:], lines[start:], worksheet.title)


def _check_container(path: Path) -> None:
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic == _CFB_MAGIC:
        raise WorkbookProblem("workbook_protected")
    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise WorkbookProblem("workbook_unreadable", reason="not an .xlsx (zip) file") from None
    if size > MAX_UNCOMPRESSED_BYTES:
        raise WorkbookProblem("workbook_too_large", size=size // (1024 * 1024))


def _text(cell) -> str:
    """A cell as the text an agency meant: numbers without exponent or locale."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        if "%" in (getattr(cell, "number_format", "") or ""):
            value = value * 100  # 0.625 shown as 62.5% means 62.5 percent
        text = format(round(float(value), 9), "f").rstrip("0").rstrip(".")
        # "1.234" would read as a thousands group; a typed number is never one.
        if re.fullmatch(r"-?\d+\.\d{3}", text):
            text += "0"
        return text
    return str(value).strip()


def _merged_ranges(path: Path, sheet_xml: str | None) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of every merged area, read from the sheet XML
    (openpyxl's read-only mode does not expose them)."""
    if not sheet_xml:
        return []
    ranges = []
    with zipfile.ZipFile(path) as archive, archive.open(sheet_xml.lstrip("/")) as xml:
        for _, element in ElementTree.iterparse(xml):
            if element.tag.endswith("}mergeCell"):
                first, _, last = element.get("ref", "").replace("$", "").partition(":")
                corners = _ref(first), _ref(last or first)
                if None not in corners:  # a reference that is not a cell merges nothing
                    (c1, r1), (c2, r2) = corners
                    ranges.append((r1, c1, r2, c2))
            element.clear()
    return ranges


def _ref(ref: str) -> tuple[int, int] | None:
    match = _CELL_REF.fullmatch(ref)
    if match is None:
        return None
    letters, digits = match.groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return column, int(digits)


def _fill_merged(rows: list[list[str]], merged: list[tuple[int, int, int, int]], first_row: int) -> None:
    """Give every cell of a merged area the value of its top-left cell (an agency name
    merged down over its rows belongs to each of them)."""
    for r1, c1, r2, c2 in merged:
        top = r1 - first_row
        if not 0 <= top < len(rows) or c1 - 1 >= len(rows[top]):
            continue
        value = rows[top][c1 - 1]
        for r in range(top, min(r2 - first_row + 1, len(rows))):
            row = rows[r]
            row.extend([""] * (c2 - len(row)))
            for c in range(c1 - 1, c2):
                row[c] = value
