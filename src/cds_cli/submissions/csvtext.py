"""The layout of a CSV file: its lines, its header line and its separator (README: Submission files).

A file saved from a filled-in form starts with a title block; an export may start with
empty lines, lines of bare separators, or lines of spaces; old Macs end lines with CR
alone.  The header is the first of the first 30 non-blank lines that names at least two
known columns (else the first non-blank line), and the separator is the one with which
that line names the most of them.  Blank lines never decide either, however many.

Everything here works on the file's bytes (UTF-8, parsed without a decoded copy) or on
its decoded text alike, and in time proportional to the part it looks at: a hostile
line is found without splitting the file into lines.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

# A file's text, as bytes or as str: every operation used on it is the same on both.
Source = Any

MAX_LINE = 1 << 20  # characters in one line (or one record, quoted line breaks included)
MAX_HEADER_CELLS = 1000
HEADER_SEARCH = 30  # non-blank lines looked at for the header
SEPARATORS = (",", ";", "\t")


class LayoutProblem(Exception):
    """The file cannot be read as a table; carries the finding code, line and values."""

    def __init__(self, code: str, line: int | None, **params: object):
        super().__init__(code)
        self.code, self.line, self.params = code, line, params


@dataclass
class Header:
    start: int  # offset of the header line in the source
    end: int  # offset just past its line end: where the data lines start
    line: int  # 1-based physical line number
    cells: list[str]
    delimiter: str


class _Patterns:
    """The same expressions for text and for bytes."""

    def __init__(self, kind: type):
        enc = (lambda s: s.encode()) if kind is bytes else (lambda s: s)
        # A run of blank lines: spaces, separators, quotes and byte-order marks only, each
        # ended by a line end (U+FEFF is blank wherever it stands, not only after a BOM).
        space = r"(?:[ \t\x0b\x0c,;\"]|\xef\xbb\xbf)" if kind is bytes else r"(?:[^\S\r\n]|[,;\"\ufeff])"
        self.blank_run = re.compile(enc(rf"(?:{space}*+(?:\r\n|\r|\n))*+"))
        self.blank_tail = re.compile(enc(rf"{space}*+\Z"))
        self.line_end = re.compile(enc(r"\r\n|\r|\n"))
        self.line = re.compile(enc(r"[^\r\n]*+(?:\r\n|\r|\n)?+"))
        self.n, self.r, self.rn = enc("\n"), enc("\r"), enc("\r\n")


_TEXT, _BYTES = _Patterns(str), _Patterns(bytes)
_DATA = re.compile(r'[^\s,;"\ufeff]')  # a character that holds data


def holds_data(cell: str) -> bool:
    """A cell holds data unless it is empty, spaces, or bare separators, quotes and
    byte-order marks (a line of ";;;;" is blank whatever the file's separator).  A cell
    starting with a letter or digit (nearly every one) is answered at once, any other by
    one search in C: a million rows' distinct cells are all tested."""
    return cell[:1].isalnum() or _DATA.search(cell) is not None


def _patterns(source: Source) -> _Patterns:
    return _BYTES if isinstance(source, bytes) else _TEXT


def line_breaks(source: Source, start: int = 0, end: int | None = None) -> int:
    """Line ends (LF, CRLF or a lone CR) in ``source[start:end]``, without a copy."""
    p = _patterns(source)
    end = len(source) if end is None else end
    return source.count(p.n, start, end) + source.count(p.r, start, end) - source.count(p.rn, start, end)


def long_line(source: Source, encoding: str | None = None) -> int | None:
    """The number of the first line longer than MAX_LINE characters, or None.

    Every window of MAX_LINE + 1 characters must hold a line end: the scan jumps from
    one window's last line end to the next, a handful of steps per megabyte."""
    p = _patterns(source)
    pos, size = 0, len(source)
    while pos + MAX_LINE < size:
        end = pos + MAX_LINE + 1
        brk = max(source.rfind(p.n, pos, end), source.rfind(p.r, pos, end))
        if brk >= 0:
            pos = brk + 1
            continue
        found = p.line_end.search(source, pos)
        stop = found.start() if found else size
        if isinstance(source, bytes) and len(source[pos:stop].decode(encoding or "utf-8", "replace")) <= MAX_LINE:
            pos = stop + 1  # over a megabyte of bytes, but not of characters
            continue
        return line_breaks(source, 0, pos) + 1
    return None


def _lines(source: Source, pos: int, encoding: str | None) -> Iterator[tuple[int, int, int, str]]:
    """(start, end past the line end, line number, text) of each non-blank line from ``pos``."""
    p = _patterns(source)
    number = 1 + line_breaks(source, 0, pos)
    size = len(source)
    while pos < size:
        run = p.blank_run.match(source, pos)
        assert run is not None  # the pattern matches the empty string too
        number += line_breaks(source, pos, run.end())
        pos = run.end()
        if pos >= size or p.blank_tail.match(source, pos):
            return
        found = p.line_end.search(source, pos)
        stop, after = (found.start(), found.end()) if found else (size, size)
        text = source[pos:stop]
        if isinstance(text, bytes):
            text = text.decode(encoding or "utf-8", errors="replace")
        if holds_data(text):  # blank but for Unicode spaces, separators or quotes: still blank
            yield pos, after, number, text
        pos, number = after, number + 1


def split_line(text: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([text], delimiter=delimiter), [])
    except csv.Error:
        return [text]


def _choose(text: str, names: Callable[[list[str]], int]) -> tuple[int, str, list[str]]:
    """(known columns named, separator, cells) for the separator that names the most
    (ties: the most frequent in the line, then , ; tab)."""
    best: tuple[tuple[int, int, int], str, list[str]] | None = None
    for rank, sep in enumerate(SEPARATORS):
        cells = split_line(text, sep)
        key = (names(cells[: MAX_HEADER_CELLS + 1]), text.count(sep), -rank)
        if best is None or key > best[0]:
            best = (key, sep, cells)
    assert best is not None  # SEPARATORS is not empty
    (known, _, _), sep, cells = best
    return known, sep, cells


def find_header(source: Source, names: Callable[[list[str]], int], encoding: str | None = None) -> Header | None:
    """The header line (README: Submission files), or None when the file has no non-blank line."""
    bom = "\ufeff".encode() if isinstance(source, bytes) else "\ufeff"
    first = None
    lines = _lines(source, len(bom) if source.startswith(bom) else 0, encoding)
    for seen, (start, end, number, text) in enumerate(lines):
        known, sep, cells = _choose(text, names)
        if known >= 2:
            return Header(start, end, number, cells, sep)
        if first is None:
            first = Header(start, end, number, cells, sep)
        if seen + 1 >= HEADER_SEARCH:
            break
    return first


def records(
    source: Source, header: Header, width: int, encoding: str | None
) -> tuple[list[list[str]], list[int], list[int], list[tuple[int, int]]]:
    """The data records below the header with the csv module: rows cut to ``width``
    cells, each row's first line, its cell count when cells past ``width`` hold anything
    (else 0), and (row, lines below it) for each row whose quote is never closed.

    A quote that is never closed would make the rest of the file one cell of its row:
    that row is set apart (rejected by the caller) and the lines below it are read as
    rows of their own, so no line holding data goes uncounted.  A record over MAX_LINE
    characters is a LayoutProblem."""
    rows: list[list[str]] = []
    lines: list[int] = []
    extra: list[int] = []
    unclosed: list[tuple[int, int]] = []
    start, line = header.end, header.line + 1
    while True:
        found = _records_from(source, start, line, header.delimiter, width, encoding, rows, lines, extra)
        if found is None:
            return rows, lines, extra, unclosed
        start, swallowed = found
        unclosed.append((len(rows) - 1, swallowed))
        line = lines[-1] + 1


def _records_from(
    source: Source,
    pos: int,
    line: int,
    delimiter: str,
    width: int,
    encoding: str | None,
    rows: list[list[str]],
    lines: list[int],
    extra: list[int],
) -> tuple[int, int] | None:
    """Append the records from offset ``pos`` (physical line ``line``) to the lists.

    A record that swallowed lines (a quote never closed, or closed only by another
    row's quote) is replaced by its first line alone, and (offset of the next line,
    lines it swallowed) is returned; else None once the source is read."""
    physical = _PhysicalLines(source, pos, encoding)
    reader = csv.reader(physical, delimiter=delimiter)
    consumed, start = 0, pos
    old_limit = csv.field_size_limit(MAX_LINE)
    try:
        for record in reader:
            first, spanned = line + consumed, reader.line_num - consumed
            if spanned > 1 and sum(map(len, record)) + len(record) > MAX_LINE:
                raise LayoutProblem("line_too_long", first, limit=float(MAX_LINE))
            if spanned > 1 and _swallowed(source, start, physical.pos, record, encoding, delimiter, width):
                rows.append(_first_line_cells(source, start, encoding, delimiter)[:width])
                lines.append(first)
                extra.append(0)
                after = _patterns(source).line_end.search(source, start)
                return (after.end() if after else len(source)), spanned - 1
            consumed, start = reader.line_num, physical.pos
            wide = len(record) > width and any(map(holds_data, record[width:]))
            extra.append(len(record) if wide else 0)
            rows.append(record[:width] if len(record) > width else record)
            lines.append(first)
    except csv.Error:
        raise LayoutProblem("line_too_long", line + consumed, limit=float(MAX_LINE)) from None
    finally:
        csv.field_size_limit(old_limit)
    return None


def _swallowed(
    source: Source, start: int, end: int, record: list[str], encoding: str | None, delimiter: str, width: int
) -> bool:
    """Whether a record over several lines took in lines that are not its own: it runs
    to the end of the file inside a quote, or a line inside one of its cells holds as
    many separators as a row (a note of several lines is not a table)."""
    if end >= len(source) and _open_quote(source, start, encoding, delimiter):
        return True
    return width > 1 and any(
        part.count(delimiter) >= width - 1
        for cell in record
        if "\n" in cell or "\r" in cell
        for part in cell.splitlines()[1:]
    )


def _open_quote(source: Source, start: int, encoding: str | None, delimiter: str) -> bool:
    """Whether the last record (from ``start`` to the end) ends inside a quoted cell: a
    line added after it is then read into that cell rather than as a record of its own."""
    tail = _decoded(source[start:], encoding)
    return len(list(csv.reader(io.StringIO(tail + "\n\ue000", newline=""), delimiter=delimiter))) == 1


def _first_line_cells(source: Source, start: int, encoding: str | None, delimiter: str) -> list[str]:
    found = _patterns(source).line_end.search(source, start)
    return split_line(_decoded(source[start : found.start() if found else len(source)], encoding), delimiter)


def _decoded(text: Source, encoding: str | None) -> str:
    if isinstance(text, bytes):
        return text.decode("utf-8" if encoding in (None, "utf-8", "utf-8-sig") else encoding, errors="replace")
    return text


class _PhysicalLines:
    """Each line with its line end, decoded one at a time (no copy of the whole file),
    keeping the offset past the last line given (where the next record starts)."""

    def __init__(self, source: Source, pos: int, encoding: str | None):
        self.source, self.pos, self.encoding = source, pos, encoding

    def __iter__(self) -> Iterator[str]:
        codec = "utf-8" if self.encoding in (None, "utf-8", "utf-8-sig") else self.encoding
        for match in _patterns(self.source).line.finditer(self.source, self.pos):
            if match.end() == match.start():
                return
            self.pos = match.end()
            line = match.group()
            yield line.decode(codec) if isinstance(line, bytes) else line


def one_line_records(source: Source, start: int) -> tuple[int, bool]:
    """Physical lines from ``start``, and whether every record can be one line: plain
    line ends (LF or CRLF, no lone CR) and balanced quotes."""
    p = _patterns(source)
    if isinstance(source, bytes):
        breaks, quotes = _byte_counts(source, start, b'\n"')
    else:
        breaks, quotes = source.count(p.n, start), source.count('"', start)
    physical = breaks + (0 if source.endswith(p.n) or start >= len(source) else 1)
    plain = source.find(p.r, start) < 0 or source.count(p.r, start) == source.count(p.rn, start)
    return physical, plain and quotes % 2 == 0


_COUNT_CHUNK = 1 << 20


def _byte_counts(data: bytes, start: int, wanted: bytes) -> list[int]:
    """How often each byte of ``wanted`` occurs in ``data[start:]``: numpy compares a
    megabyte at a time (no copy of the file, a megabyte of flags at most), four times
    quicker than bytes.count's byte-by-byte loop on a big file."""
    view = np.frombuffer(data, dtype=np.uint8)[start:]
    counts = [0] * len(wanted)
    for offset in range(0, len(view), _COUNT_CHUNK):
        chunk = view[offset : offset + _COUNT_CHUNK]
        for k, byte in enumerate(wanted):
            counts[k] += int(np.count_nonzero(chunk == byte))
    return counts
