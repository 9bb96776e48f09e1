"""Reading workbooks (.xlsx, .xls, .ods) into the same raw cells as a CSV file.

Agencies send the form as they filled it, saved by Excel or LibreOffice: a title block
above the header, the agency cell merged down over its rows, counts typed as text
("1.234"), percents typed as ``62,5%`` (stored as 0.625 and shown as a percent).  One
reader, python-calamine (Rust), reads all three formats fast and in little memory; what
it does not expose - merged areas of an .ods sheet, and which cells show a percent - is
read from the file's own XML (or, for .xls, its BIFF records: see :mod:`.biff`).
"""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import re
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import sheetformat

# A workbook is a zip (or an OLE file for .xls); a hostile one can expand to gigabytes.
# Nothing an agency sends for a quarter comes near this, so past it it is refused unread.
MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
HEADER_SEARCH_ROWS = 30  # non-blank rows looked at for the header (README: Submission files)
MAX_HEADER_CELLS = 1000
# rows × columns of a sheet up to its last value: python-calamine builds the whole rectangle
# (some 45 bytes a cell with cds's own text), so this keeps a sheet under ~250 MB; a
# submission of a million rows of seven columns would still pass.
MAX_CELLS = 8_000_000
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_CFB_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls, and password-protected .xlsx/.ods


@dataclass
class SheetCells:
    header: list[str]
    header_line: int  # sheet row of the header
    rows: list[list[str]]  # the rows below the header, cut to the header's width
    lines: list[int]  # sheet row number of each row
    beyond: list[bool]  # whether a row holds something past the header's width
    sheet: str
    errors: list[tuple[int, int, str, str]] = field(default_factory=list)  # (row, column, "F7", "#DIV/0!")


class WorkbookProblem(Exception):
    """A workbook that cannot be read at all; carries the finding code and its values."""

    def __init__(self, code: str, line: int | None = None, **params: object):
        super().__init__(code)
        self.code, self.line, self.params = code, line, params


def read_sheet(path: Path, sheet: str | None, names: Callable[[list[str]], int]) -> SheetCells:
    """The cells of ``sheet`` (default: the first) from its header row down.

    Whatever goes wrong inside a reader is one WorkbookProblem: a damaged zip
    (BadZipFile, zlib.error) as much as a Rust panic in python-calamine, which pyo3
    raises as a BaseException that ``except Exception`` lets through."""
    try:
        return _read_sheet(path, sheet, names)
    except (WorkbookProblem, PermissionError, FileNotFoundError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # pyo3_runtime.PanicException derives from BaseException
        raise WorkbookProblem("workbook_unreadable", reason=_reason(exc)) from None


def _read_sheet(path: Path, sheet: str | None, names: Callable[[list[str]], int]) -> SheetCells:
    import python_calamine

    kind = _check_container(path)
    found = sheetformat.survey(path, kind, sheet)  # before python-calamine expands anything
    _refuse_oversized(found)
    try:
        values, merged, title, others = _load(path, sheet)
    except WorkbookProblem:
        raise
    except python_calamine.PasswordError:
        raise WorkbookProblem("workbook_protected") from None
    except Exception as exc:  # calamine raises several kinds for a damaged file
        values, merged, title, others = _load_repaired(path, kind, sheet, exc)
    extra = sheetformat.read(path, kind, title, len(values))
    rows = [[_text(value, (r, c) in extra.percent) for c, value in enumerate(row)] for r, row in enumerate(values)]
    del values
    _fill_merged(rows, [*((r1, c1, r2, c2) for (r1, c1), (r2, c2) in merged), *extra.merged])
    try:
        return _from_header(rows, names, title, found.errors)
    except WorkbookProblem as problem:
        if problem.code != "empty_file" or not others:
            raise
        # The data is often on another sheet: name them, and how to choose one.
        raise WorkbookProblem("sheet_empty", sheet=title, sheets=", ".join(others), example=others[0]) from None


def _refuse_oversized(found: sheetformat.Survey) -> None:
    """A sheet python-calamine would build too large, refused before it is built."""
    if found.repeated is not None:
        sheet, line, times = found.repeated
        raise WorkbookProblem(
            "row_repeated",
            line,
            sheet=sheet,
            row=line,
            count=float(times),
            limit=float(sheetformat.MAX_REPEAT),
        )
    sheet, rows, columns = found.largest
    if rows * columns > MAX_CELLS:
        raise WorkbookProblem(
            "sheet_too_large",
            sheet=sheet,
            cell=f"{_letters(columns - 1)}{rows}",
            rows=float(rows),
            columns=float(columns),
            limit=float(MAX_CELLS),
        )


def _letters(column: int) -> str:
    """The spreadsheet name of a 0-based column: 0 → A, 26 → AA, 16383 → XFD."""
    name = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


def _load(source: Path | io.BytesIO, sheet: str | None) -> tuple[list[list[Any]], list, str, list[str]]:
    """(cell values from A1, merged areas, sheet name, the other sheets' names) with python-calamine."""
    import python_calamine

    with (
        _panics_unprinted(),
        python_calamine.CalamineWorkbook.from_object(source if isinstance(source, io.BytesIO) else str(source)) as book,
    ):
        if sheet is not None and sheet not in book.sheet_names:
            raise WorkbookProblem("sheet_missing", sheet=sheet, sheets=", ".join(book.sheet_names))
        if not book.sheet_names:
            raise WorkbookProblem("empty_file")
        found = book.get_sheet_by_index(book.sheet_names.index(sheet) if sheet is not None else 0)
        end = found.end or (0, 0)
        if (end[0] + 1) * (end[1] + 1) > MAX_CELLS:
            raise WorkbookProblem("workbook_too_large", size=(end[0] + 1) * (end[1] + 1) * 16 // (1024 * 1024))
        others = [name for name in book.sheet_names if name != found.name]
        return found.to_python(skip_empty_area=False), found.merged_cell_ranges or [], found.name, others


@contextlib.contextmanager
def _panics_unprinted() -> Iterator[None]:
    """A Rust panic in python-calamine prints its message (and with RUST_BACKTRACE a whole
    stack) straight to file descriptor 2 before pyo3 raises it: a clerk would see a wall
    of Rust above the finding.  The message stays in the exception (the finding's
    detail); the print goes nowhere while the reader runs."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no descriptor 2 (a service, a closed stream)
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _load_repaired(path: Path, kind: str, sheet: str | None, error: Exception):
    """A second try for the one damage a script may do that is easy to undo."""
    try:
        repaired = _absolute_merges_dropped(path) if kind == "xlsx" else None
    except Exception:  # a damaged zip (bad CRC, bad deflate data): the first error says it
        repaired = None
    if repaired is None:
        raise WorkbookProblem("workbook_unreadable", reason=_reason(error)) from None
    try:
        return _load(repaired, sheet)
    except WorkbookProblem:
        raise
    except Exception as exc:
        raise WorkbookProblem("workbook_unreadable", reason=_reason(exc)) from None


def _absolute_merges_dropped(path: Path) -> io.BytesIO | None:
    """The workbook with "$" taken out of merged-area references ("$A$2:$A$3", which no
    spreadsheet writes but a script may), or None when that is not what stopped it."""
    pattern = re.compile(rb'(<mergeCell ref=")([^"]*\$[^"]*)(")')
    out, changed = io.BytesIO(), False
    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename.startswith("xl/worksheets/") and b"<mergeCell " in data:
                data, count = pattern.subn(lambda m: m[1] + m[2].replace(b"$", b"") + m[3], data)
                changed |= count > 0
            copy.writestr(info, data)
    out.seek(0)
    return out if changed else None


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__


def _from_header(
    rows: list[list[str]], names: Callable[[list[str]], int], title: str, errors: dict[tuple[int, int], str]
) -> SheetCells:
    """Find the header (README: Submission files) and cut the rows below it to its width; a row
    with an error cell (read as empty) holds something."""
    texts = [i for i, row in enumerate(rows) if any(cell.strip() for cell in row)]
    if not texts:
        if errors:
            (r, c), error = min(errors.items())
            raise WorkbookProblem("cell_error", r + 1, cell=f"{_letters(c)}{r + 1}", error=error)
        raise WorkbookProblem("empty_file")
    start = next((i for i in texts[:HEADER_SEARCH_ROWS] if names(rows[i][: MAX_HEADER_CELLS + 1]) >= 2), texts[0])
    header = rows[start]
    width = max((c + 1 for c, cell in enumerate(header) if cell.strip()), default=1)
    if width > MAX_HEADER_CELLS:
        raise WorkbookProblem("header_too_wide", start + 1, cells=float(width), limit=float(MAX_HEADER_CELLS))
    last = max([texts[-1], *(r for r, _ in errors if r < len(rows))])
    body = range(start + 1, last + 1)  # rows after the last one holding anything are formatting
    beyond = [any(cell.strip() for cell in rows[i][width:]) for i in body]
    faults = sorted(
        (r - start - 1, c, f"{_letters(c)}{r + 1}", error)
        for (r, c), error in errors.items()
        if r in body and c < width
    )
    cells = [rows[i][:width] for i in body]
    return SheetCells(header[:width], start + 1, cells, [i + 1 for i in body], beyond, title, faults)


def _check_container(path: Path) -> str:
    """The workbook's kind ("xlsx", "ods" or "xls") from its first bytes, refusing a zip bomb."""
    with path.open("rb") as handle:
        magic = handle.read(4)
    suffix = path.suffix.lower()
    if magic == _CFB_MAGIC:
        if suffix == ".xls":
            return "xls"
        raise WorkbookProblem("workbook_protected")  # an encrypted .xlsx/.ods is an OLE file
    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(info.file_size for info in archive.infolist())
            is_ods = "content.xml" in archive.namelist()
    except zipfile.BadZipFile:
        raise WorkbookProblem("workbook_unreadable", reason=f"not a {suffix} file") from None
    if size > MAX_UNCOMPRESSED_BYTES:
        raise WorkbookProblem("workbook_too_large", size=size // (1024 * 1024))
    return "ods" if is_ods else "xlsx"


def _text(value: object, percent: bool = False) -> str:
    """A cell as the text an agency meant: numbers without exponent or locale."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        if percent:
            value = value * 100  # 0.625 shown as 62.5% means 62.5 percent
        text = format(round(float(value), 9), "f").rstrip("0").rstrip(".")
        # "1.234" would read as a thousands group; a typed number is never one.
        if re.fullmatch(r"-?\d+\.\d{3}", text):
            text += "0"
        return text
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()
    return str(value).strip()


def _fill_merged(rows: list[list[str]], merged: list[tuple[int, int, int, int]]) -> None:
    """Give every cell of a merged area (0-based, inclusive corners) the value of its
    top-left cell: an agency name merged down over its rows belongs to each of them."""
    for r1, c1, r2, c2 in merged:
        if not 0 <= r1 < len(rows) or not 0 <= c1 < len(rows[r1]):
            continue
        value = rows[r1][c1]
        for r in range(r1, min(r2 + 1, len(rows))):
            row = rows[r]
            stop = min(c2 + 1, len(row))
            row[c1:stop] = [value] * max(stop - c1, 0)
