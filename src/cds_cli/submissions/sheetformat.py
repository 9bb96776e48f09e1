"""What a workbook reader leaves out: which cells show a percent, and (for .ods) which
cells are merged.

A percent typed as ``62,5%`` is stored as 0.625 with a percent format; read without the
format it would be 0.625 percent.  python-calamine gives values only, so the formats
are read here from the file itself, and only as far as needed: an .xlsx sheet is
scanned for cells of a percent style only when the workbook has such a style at all.
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
_CELL_REF = re.compile(rb"\br=\"([A-Z]{1,3})([0-9]{1,7})\"")
_CHUNK = 4 << 20


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


def _ods_cell(element: ElementTree.Element, row: int, column: int, count: int, result: SheetFormat) -> None:
    if element.get(f"{_OFFICE}value-type") == "percentage":
        result.percent.update((row, c) for c in range(column, column + min(count, 1024)))
    rows = int(element.get(f"{_TABLE}number-rows-spanned", "1"))
    columns = int(element.get(f"{_TABLE}number-columns-spanned", "1"))
    if rows > 1 or columns > 1:
        result.merged.append((row, column, row + rows - 1, column + columns - 1))
