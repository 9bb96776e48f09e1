"""Writing XLSX workbooks (the report's and the submission template) with XlsxWriter.

XlsxWriter spends about 5 µs on each cell it is given: a ministry's report has a sheet of
22,754 agencies by 6 columns (137,000 cells), 0.7 s in XlsxWriter alone.  :meth:`Sheet.stream`
writes such a table's rows as SpreadsheetML itself (0.1 s) and :func:`save` puts them into the
sheet XlsxWriter wrote, after the row above them; everything else — styles, widths, panes,
filters, print setup, document properties — is XlsxWriter's.  Workbooks are written in memory
with fixed dates, so that the same inputs give the same bytes (:func:`~cds_cli.outputs.stable_zip`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from .outputs import stable_zip
from .text import safe_cell

FIXED_TIME = datetime(2000, 1, 1, 0, 0, 0)  # every workbook's "created" and "modified"
Cell = str | float | bool | None  # what a cell holds (an int is a float to the type checker)

_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # control characters XML 1.0 cannot hold
_ESCAPE_LIKE = re.compile(r"(_x[0-9a-fA-F]{4}_)")  # text Excel would read as an escaped character
_XML_SPECIAL = re.compile(r"[&<>]")
_HEADING_CHARACTERS = 24  # a heading wraps: it counts at most this towards its column's width


def new_workbook(buffer: io.BytesIO, title: str) -> Workbook:
    """A workbook written into ``buffer`` when closed, made by cds at :data:`FIXED_TIME`.
    In memory, its zip entries bear XlsxWriter's fixed date; a NaN is written as #NUM!
    instead of stopping the writer."""
    book = Workbook(buffer, {"in_memory": True, "nan_inf_to_errors": True})
    book.set_properties({"title": title, "author": "cds", "created": FIXED_TIME})  # modified: the same
    return book


def text_cell(value: str) -> str:
    """Strip characters XML cannot hold, then neutralise would-be formulas."""
    return str(safe_cell(_ILLEGAL.sub("", value)))


def column_width(sheet: Worksheet, column: int, width: float) -> None:
    """Column ``column`` (1 for A) ``width`` characters wide, the number stored in the file.
    XlsxWriter's ``set_column`` adds the cell padding Excel's dialog leaves out (0.71 of a
    character); in pixels, 7 to a character of Calibri 11, it adds nothing."""
    sheet.set_column_pixels(column - 1, column - 1, width * 7)


class Formats:
    """One XlsxWriter format per (number format, style) a workbook uses, made on first use;
    ``styles``: each style's XlsxWriter properties, by name."""

    def __init__(self, book: Workbook, styles: Mapping[str, Mapping[str, Any]]) -> None:
        self.book, self.styles = book, styles
        self.made: dict[tuple[str | None, str | None], Format | None] = {(None, None): None}

    def get(self, fmt: str | None, style: str | None = None) -> Format | None:
        key = (fmt, style)
        if key not in self.made:
            properties = dict(self.styles[style]) if style else {}
            if fmt:
                properties["num_format"] = fmt
            self.made[key] = self.book.add_format(properties)
        return self.made[key]


class Sheet:
    """A worksheet, its rows and columns counted from 1 as Excel shows them.  Notes each
    column's widest content for its width: a number as "1,234.50", text in a style (a
    heading, a bold label) at most 24 characters."""

    def __init__(self, sheet: Worksheet, formats: Formats) -> None:
        self.sheet, self.formats = sheet, formats
        self.widest: dict[int, int] = {}  # column: characters
        self.streamed: tuple[int, int, int, str] | None = None  # first row, last row, last column, XML

    def put(self, row: int, column: int, value: Cell, fmt: str | None = None, style: str | None = None) -> None:
        """``value`` with its number format ``fmt`` (numbers only) and ``style`` (a key of the
        formats' styles); None leaves the cell empty."""
        if value is None:
            return
        if self.streamed and self.streamed[0] <= row <= self.streamed[1]:
            raise ValueError(f"row {row} is streamed")  # XlsxWriter's cells would come after them
        if isinstance(value, bool):
            self.sheet.write_boolean(row - 1, column - 1, value, self.formats.get(None, style))
            size = 5
        elif isinstance(value, (int, float)):
            self.sheet.write_number(row - 1, column - 1, value, self.formats.get(fmt, style))
            size = len(f"{value:,.2f}")
        else:
            value = text_cell(value)
            self.sheet.write_string(row - 1, column - 1, value, self.formats.get(None, style))
            size = min(len(value), _HEADING_CHARACTERS) if style else len(value)
        if size > self.widest.get(column, 0):
            self.widest[column] = size

    def stream(self, first_row: int, rows: Sequence[Sequence[Cell]], formats: Sequence[str | None]) -> int:
        """``rows`` from ``first_row`` on, as the sheet's XML: text inline, numbers in their
        column's format (``formats``, one per column), no style.  The row above must hold a
        cell :meth:`put` wrote (a header), and none can be put in these rows.  Returns the last
        row."""
        styles = [self._xf_index(fmt) for fmt in formats]
        letters = [xl_col_to_name(column) for column in range(len(formats))]
        widest = [0] * len(formats)
        lines = []
        for r, values in enumerate(rows, start=first_row):
            cells = []
            for c, value in enumerate(values):
                if value is None:
                    continue
                if isinstance(value, bool):
                    cells.append(f'<c r="{letters[c]}{r}" t="b"><v>{int(value)}</v></c>')
                    size = 5
                elif isinstance(value, (int, float)):
                    cells.append(f'<c r="{letters[c]}{r}"{styles[c]}><v>{value:.16G}</v></c>')
                    size = len(f"{value:,.2f}")
                else:
                    value = text_cell(value)
                    cells.append(f'<c r="{letters[c]}{r}" t="inlineStr"><is>{_inline(value)}</is></c>')
                    size = len(value)
                widest[c] = max(widest[c], size)
            if cells:
                lines.append(f'<row r="{r}">{"".join(cells)}</row>')
        last = first_row + len(rows) - 1
        self.streamed = (first_row, last, len(formats), "".join(lines))
        for c, size in enumerate(widest, start=1):
            if size > self.widest.get(c, 0):
                self.widest[c] = size
        return last

    def _xf_index(self, fmt: str | None) -> str:
        """The style attribute of a number in format ``fmt``.  XlsxWriter numbers the formats
        its cells use when it writes them, and these cells are not its: ask it for the number
        now (the method its writer calls), which also puts the format in the workbook's styles."""
        made = self.formats.get(fmt)
        return f' s="{made._get_xf_index()}"' if made is not None else ""

    def splice(self, xml: bytes) -> bytes:
        """The sheet's XML as XlsxWriter wrote it, the streamed rows put in after the row
        above them and its extent (``<dimension>``) stretched over them."""
        assert self.streamed is not None
        first, last, columns, rows = self.streamed
        above = re.search(rb'<row r="%d"[ >].*?</row>' % (first - 1), xml, re.DOTALL)
        if above is None:
            raise ValueError(f"no row {first - 1} above the streamed rows")
        xml = xml[: above.end()] + rows.encode() + xml[above.end() :]
        return re.sub(rb'<dimension ref="([A-Z]+\d+):?([A-Z]+\d+)?"/>', _stretch(last, columns), xml, count=1)


def _stretch(last_row: int, last_column: int) -> Callable[[re.Match[bytes]], bytes]:
    def stretched(match: re.Match[bytes]) -> bytes:
        start = match.group(1).decode()
        end_row, end_column = xl_cell_to_rowcol((match.group(2) or match.group(1)).decode())
        end = xl_col_to_name(max(end_column, last_column - 1)) + str(max(end_row + 1, last_row))
        return f'<dimension ref="{start}:{end}"/>'.encode()

    return stretched


def _inline(value: str) -> str:
    """An inline string's ``<t>``, as XlsxWriter writes one: XML escaped, "_xHHHH_" kept
    literal, leading or trailing spaces preserved."""
    if "_x" in value:
        value = _ESCAPE_LIKE.sub(r"_x005F\1", value)
    if _XML_SPECIAL.search(value):
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if value[:1].isspace() or value[-1:].isspace():
        return f'<t xml:space="preserve">{value}</t>'
    return f"<t>{value}</t>"


def save(book: Workbook, buffer: io.BytesIO, sheets: Sequence[Sheet]) -> bytes:
    """Close ``book`` (``sheets``: its sheets, in order), put in the rows streamed and return
    the file, its zip entries and dates fixed (:func:`~cds_cli.outputs.stable_zip`)."""
    book.close()
    edits = {f"xl/worksheets/sheet{n}.xml": sheet.splice for n, sheet in enumerate(sheets, 1) if sheet.streamed}
    return stable_zip(buffer.getvalue(), edits=edits)
