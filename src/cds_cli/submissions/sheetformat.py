"""What a workbook reader leaves out: which cells show a percent, (for .ods) which cells
are merged, which cells hold an Excel error; and how large a sheet says it is.

A percent typed as ``62,5%`` is stored as 0.625 with a percent format; read without the
format it would be 0.625 percent.  python-calamine gives values only, so the formats
are read here from the file itself, and only as far as needed: an .xlsx sheet is
scanned for cells of a percent style only when the workbook has such a style at all.

python-calamine also reads a cell holding ``#DIV/0!`` or ``#REF!`` as an empty cell, and
builds a sheet as one dense rectangle: one stray cell at XFD1220, or one .ods row
repeated a million times, costs a gigabyte before a single cell is seen.  :func:`survey`
reads both from the file first, streamed, so that such a sheet is refused unexpanded.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
PERCENT_BUILTIN = {9, 10}  # "0%" and "0.00%" in every Excel version
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_CELL_REF = re.compile(rb"\br=\"([A-Z]{1,3})([0-9]{1,7})\"")
# A cell with a value (not <c r="A1" s="1"/>, a formatted empty cell), and a cell of type "e".
_VALUE_CELL = re.compile(rb"<c\b[^>]*?\br=\"([A-Z]{1,3})([0-9]{1,7})\"[^>]*?(?<!/)>(?=<(?:v|f|is)\b)")
_ERROR_CELL = re.compile(rb"<c\b([^>]*?\bt=\"e\"[^>]*)>(.*?)</c>", re.S)
_ERROR_VALUE = re.compile(rb"<v>([^<]{1,40})</v>")
_CHUNK = 4 << 20
MAX_REPEAT = 1000  # an .ods row holding data, stored once and repeated more often, is no submission


@dataclass
class Survey:
    """What a workbook says about its sheets before a reader expands them: the largest
    sheet the reader would build, a data row repeated past MAX_REPEAT, and the error
    cells of the sheet to read (0-based (row, column) → "#DIV/0!")."""

    largest: tuple[str, int, int] = ("", 0, 0)  # sheet, rows and columns up to its last value
    repeated: tuple[str, int, int] | None = None  # sheet, 1-based row, times repeated
    errors: dict[tuple[int, int], str] = field(default_factory=dict)

    def sheet(self, name: str, rows: int, columns: int) -> None:
        if rows * columns > self.largest[1] * self.largest[2]:
            self.largest = (name, rows, columns)


def survey(path: Path, kind: str, sheet: str | None) -> Survey:
    """Sizes and error cells, streamed from the file: of the sheet ``sheet`` (default
    the first) for .xlsx, whose sheets python-calamine reads one at a time; of every
    sheet for .ods and .xls, which it reads whole when it opens them."""
    if kind == "xlsx":
        return _xlsx_survey(path, sheet)
    if kind == "ods":
        return _ods_survey(path, sheet)
    from .biff import survey as biff_survey

    found = Survey()
    sizes, found.errors = biff_survey(path.read_bytes(), sheet)
    for name, rows, columns in sizes:
        found.sheet(name, rows, columns)
    return found


@dataclass
class SheetFormat:
    percent: set[tuple[int, int]] = field(default_factory=set)  # 0-based (row, column)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # 0-based inclusive corners


def read(path: Path, kind: str, sheet: str, height: int) -> SheetFormat:
    """The percent cells (and .ods merged areas) of the sheet named ``sheet``, in its
    first ``height`` rows."""
    if kind == "xlsx":
        return _xlsx(path, sheet, height)
    if kind == "ods":
        return _ods(path, sheet, height)
    from .biff import percent_cells

    return SheetFormat(percent=percent_cells(path.read_bytes(), sheet, height))


def is_percent_format(code: str) -> bool:
    """A number format that shows a percent: a % outside quoted text and escapes."""
    return "%" in re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code)


# ---------------------------------------------------------------------------- xlsx


def _xlsx(path: Path, name: str, height: int) -> SheetFormat:
    with zipfile.ZipFile(path) as archive:
        styles = _percent_styles(archive)
        if not styles:
            return SheetFormat()
        sheet = _sheet_part(archive, name)
        return SheetFormat(percent=_styled_cells(archive, sheet, styles, height))


def _percent_styles(archive: zipfile.ZipFile) -> set[bytes]:
    """The cell style indexes (``s="…"``) whose number format shows a percent."""
    if "xl/styles.xml" not in archive.namelist():
        return set()
    root = ElementTree.fromstring(archive.read("xl/styles.xml"))
    percent = set(PERCENT_BUILTIN)
    for fmt in root.iter(f"{_MAIN}numFmt"):
        if is_percent_format(fmt.get("formatCode", "")):
            percent.add(int(fmt.get("numFmtId", "-1")))
    xfs = root.find(f"{_MAIN}cellXfs")
    if xfs is None:
        return set()
    return {str(i).encode() for i, xf in enumerate(xfs.iter(f"{_MAIN}xf")) if int(xf.get("numFmtId", "0")) in percent}


def _sheet_part(archive: zipfile.ZipFile, name: str) -> str:
    """The zip member of the sheet ``name``, following the workbook's relationships."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    sheets = {s.get("name"): s.get(f"{_REL}id") for s in book.iter(f"{_MAIN}sheet")}
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_REL}Relationship")}
    target = targets[sheets[name]]
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))


def _styled_cells(archive: zipfile.ZipFile, part: str, styles: set[bytes], height: int) -> set[tuple[int, int]]:
    """Cells of a percent style, found by one expression over the sheet's XML, streamed."""
    ordered: list[bytes] = sorted(styles, key=len, reverse=True)  # the longest first: no prefix wins
    alternatives = b"|".join(ordered)
    tag = re.compile(rb"<c\b[^>]*?\bs=\"(?:" + alternatives + rb")\"[^>]*>")
    found: set[tuple[int, int]] = set()
    with archive.open(part) as xml:
        tail = b""
        while chunk := xml.read(_CHUNK):
            text = tail + chunk
            cut = text.rfind(b">") + 1
            text, tail = text[:cut], text[cut:]
            for match in tag.finditer(text):
                ref = _CELL_REF.search(match.group())
                if ref is None:
                    continue
                row = int(ref.group(2)) - 1
                if row >= height:
                    return found
                found.add((row, _column(ref.group(1))))
    return found


def _xlsx_survey(path: Path, name: str | None) -> Survey:
    """The extent of the sheet's cells with a value, and its error cells, in one stream."""
    found = Survey()
    with zipfile.ZipFile(path) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        name = next((s.get("name") or "" for s in book.iter(f"{_MAIN}sheet")), "") if name is None else name
        try:
            part = _sheet_part(archive, name)
        except KeyError:
            return found  # no such sheet: python-calamine names the sheets there are
        rows, columns = 0, 0
        for text in _cells_streamed(archive, part):
            cells = _VALUE_CELL.findall(text)
            if cells:
                letters, numbers = zip(*cells, strict=True)
                rows = max(rows, *map(int, numbers))
                columns = max(columns, _column(max(letters, key=lambda x: (len(x), x))) + 1)
            if b't="e"' in text:
                found.errors.update(_error_cells(text))
    found.sheet(name, rows, columns)
    return found


def _cells_streamed(archive: zipfile.ZipFile, part: str):
    """The sheet's XML in pieces of a few megabytes, each cut after a whole cell."""
    with archive.open(part) as xml:
        tail = b""
        while chunk := xml.read(_CHUNK):
            text = tail + chunk
            cut = text.rfind(b"</c>") + 4
            if cut < 4:
                cut = text.rfind(b">") + 1
            yield text[:cut]
            tail = text[cut:]
        yield tail


def _error_cells(text: bytes) -> dict[tuple[int, int], str]:
    found = {}
    for attributes, inner in _ERROR_CELL.findall(text):
        ref, value = _CELL_REF.search(attributes), _ERROR_VALUE.search(inner)
        if ref is not None and value is not None:
            found[(int(ref.group(2)) - 1, _column(ref.group(1)))] = value.group(1).decode("utf-8", "replace")
    return found


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number - 1


# ---------------------------------------------------------------------------- ods


def _ods(path: Path, name: str, height: int) -> SheetFormat:
    """Percent cells and merged areas of the table ``name`` in content.xml."""
    result = SheetFormat()
    inside, row, row_start, column = False, 0, 0, 0
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as xml:
        for event, element in ElementTree.iterparse(xml, events=("start", "end")):
            tag = element.tag
            if event == "end":
                if tag == f"{_TABLE}table" and inside:
                    break
                if tag in (f"{_TABLE}table-row", f"{_TABLE}table"):
                    element.clear()
                continue
            if tag == f"{_TABLE}table":
                inside, row = element.get(f"{_TABLE}name") == name, 0
            elif not inside:
                continue
            elif tag == f"{_TABLE}table-row":
                if row >= height:
                    break
                column, repeat = 0, int(element.get(f"{_TABLE}number-rows-repeated", "1"))
                row_start, row = row, row + repeat
            elif tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                count = int(element.get(f"{_TABLE}number-columns-repeated", "1"))
                _ods_cell(element, row_start, column, count, result)
                column += count
    return result


def _ods_survey(path: Path, name: str | None) -> Survey:
    """Each table's extent up to its last cell holding something (LibreOffice's trailing
    repeated empty rows and columns cost nothing), the first data row repeated past
    MAX_REPEAT, and the error cells of the table ``name`` (default the first)."""
    found = Survey()
    table, wanted, row, rows, columns, first = "", False, 0, 0, 0, True
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as xml:
        for event, element in ElementTree.iterparse(xml, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == f"{_TABLE}table":
                    table, row, rows, columns = element.get(f"{_TABLE}name", ""), 0, 0, 0
                    wanted, first = (table == name) if name is not None else first, False
                continue
            if tag == f"{_TABLE}table-row":
                repeat = int(element.get(f"{_TABLE}number-rows-repeated", "1"))
                filled = _ods_row(element, row, found.errors if wanted else None)
                if filled:
                    rows, columns = row + repeat, max(columns, filled)
                    if repeat > MAX_REPEAT and found.repeated is None:
                        found.repeated = (table, row + 1, repeat)
                row += repeat
                element.clear()
            elif tag == f"{_TABLE}table":
                found.sheet(table, rows, columns)
                element.clear()
    return found


def _ods_row(element: ElementTree.Element, row: int, errors: dict[tuple[int, int], str] | None) -> int:
    """How far (in columns) a row's cells hold something; its error cells into ``errors``."""
    column, filled = 0, 0
    for cell in element:
        count = int(cell.get(f"{_TABLE}number-columns-repeated", "1"))
        if cell.get(f"{_OFFICE}value-type") is not None or any(text.strip() for text in cell.itertext()):
            filled = column + count
            if errors is not None and cell.get(f"{_CALCEXT}value-type") == "error":
                errors[(row, column)] = "".join(cell.itertext()).strip()[:40]
        column += count
    return filled


def _ods_cell(element: ElementTree.Element, row: int, column: int, count: int, result: SheetFormat) -> None:
    if element.get(f"{_OFFICE}value-type") == "percentage":
        result.percent.update((row, c) for c in range(column, column + min(count, 1024)))
    rows = int(element.get(f"{_TABLE}number-rows-spanned", "1"))
    columns = int(element.get(f"{_TABLE}number-columns-spanned", "1"))
    if rows > 1 or columns > 1:
        result.merged.append((row, column, row + rows - 1, column + columns - 1))
