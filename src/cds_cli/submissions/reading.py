"""Reading submission files: find them, decode them, split them into cells.

Agencies send what Excel writes: UTF-8 with or without BOM, UTF-16 "Unicode text",
Windows-1258 from an older Vietnamese Windows; commas, or semicolons and tabs where the
comma is the decimal mark.  This module turns one such file into a table of raw text
cells with the canonical column names and the line each row came from.  It never
raises for a bad file: it returns findings instead.
"""

from __future__ import annotations

import codecs
import hashlib
import importlib.util
import io
import sys
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..findings import STDIN_NAME, Finding
from ..outputs import sha256_of
from ..text import fold
from ..words.messages import TEXTS
from .csvtext import (
    MAX_HEADER_CELLS,
    MAX_LINE,
    Header,
    LayoutProblem,
    Source,
    find_header,
    holds_data,
    long_line,
    one_line_records,
    records,
)

# Canonical column → its Vietnamese header (README: Submission files), as the catalogue words it.
COLUMNS: dict[str, str] = {
    column: TEXTS[f"column.{column}"].vi
    for column in ("agency", "period", "indicator", "numerator", "denominator", "value", "note")
}
REQUIRED = ("agency", "period", "indicator")
_HEADER_ALIASES = {fold(name): column for column, vi in COLUMNS.items() for name in (column, vi)}
CSV_SUFFIXES = (".csv",)
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")  # read with python-calamine (see excel.py)
SUBMISSION_SUFFIXES = CSV_SUFFIXES + EXCEL_SUFFIXES


@dataclass(frozen=True)
class Flaw:
    """A row the reader itself rejects: its position among the rows below the header,
    the finding code and values, and the header position of the cell at fault (None for
    the whole row).  A flaw in a column cds ignores is no flaw."""

    row: int
    code: str
    position: int | None
    params: dict[str, Any]


@dataclass
class RawTable:
    """One file's rows as text cells, with its findings and row counts."""

    file: str
    rows: pd.DataFrame  # canonical columns as str, plus "line"; blank rows removed
    blank: int = 0
    findings: list[Finding] = field(default_factory=list)
    usable: bool = True  # False when the file as a whole cannot be read (all rows rejected)
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None  # for workbooks: the sheet that was read
    columns: dict[str, int] = field(default_factory=dict)  # contract column → 0-based position in the file
    sha256: str = ""  # of the bytes read ('' when the file could not be read)


def discover(inputs: list[str | Path]) -> tuple[list[Path], list[Finding]]:
    """Expand directories (every *.csv, *.xlsx, *.xls and *.ods below, sorted by path) and
    keep files as given (``-`` is standard input).  Excel's lock files (``~$book.xlsx``)
    are not submissions."""
    files: list[Path] = []
    findings: list[Finding] = []
    for item in map(Path, inputs):
        if item.is_dir():
            # A link to a file that is gone is kept: reading it gives a finding, so the
            # missing submission is not skipped in silence.
            found = sorted(
                (
                    p
                    for p in item.rglob("*")
                    if (p.is_file() or (p.is_symlink() and not p.exists()))
                    and p.suffix.lower() in SUBMISSION_SUFFIXES
                    and not p.name.startswith("~$")
                ),
                key=lambda p: p.relative_to(item).as_posix(),
            )
            if not found:
                findings.append(Finding("no_input_files", "error", str(item), None, None))
            files.extend(found)
        else:
            files.append(item)
    return files, findings


STDIN = "-"  # as an input: one CSV file read from standard input


def read_table(path: Path | str, sheet: str | None = None) -> RawTable:
    """Read one submission file (CSV, or a sheet of a workbook; ``-`` is standard input)
    into raw cells; problems become findings."""
    if str(path) == STDIN:
        try:
            given = [sys.stdin.buffer.read()]  # in a list that _read_csv empties: no one else holds the bytes
        except (OSError, AttributeError, ValueError) as exc:
            return _unusable(STDIN_NAME, "file_unreadable", {"reason": str(exc) or type(exc).__name__})
        return _hashed(STDIN_NAME, None, given)
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUBMISSION_SUFFIXES:
        return _unusable(name, "unsupported_format", {"suffix": path.suffix or path.name})
    if not path.is_file():
        return _unusable(name, "file_unreadable", {"reason": "file not found"})
    if suffix in EXCEL_SUFFIXES:
        table = _read_workbook(path, sheet)
        table.sha256 = sha256_of(path)  # python-calamine reads the file itself
        return table
    try:
        given = [path.read_bytes()]
    except OSError as exc:
        return _unusable(name, "file_unreadable", {"reason": exc.strerror or str(exc)})
    return _hashed(name, path, given)


def _hashed(name: str, path: Path | None, given: list[bytes]) -> RawTable:
    """The CSV in ``given``, read, with the SHA-256 of its bytes: a report or a new plan
    pack names each input by the content actually scored (standard input included), and
    no file is read twice for it.

    A big file is hashed on a second thread while this one decodes it and finds its
    header and lines: hashlib lets go of the interpreter lock, and until pyarrow's reader
    starts only one core is at work (35 ms of a million rows' 60 MB, measured)."""
    digest = hashlib.sha256()
    if len(given[0]) <= _BIG:
        digest.update(given[0])
        table = _read_csv(name, path, given)
    else:
        hashing = threading.Thread(target=digest.update, args=(given[0],), name="cds-sha256")
        hashing.start()
        try:
            table = _read_csv(name, path, given)
        finally:
            hashing.join()
    table.sha256 = digest.hexdigest()
    return table


def _read_csv(name: str, path: Path | None, given: list[bytes]) -> RawTable:
    """Decode, guard against hostile lines, find the header (README: Submission files), split.

    The file's bytes are held by this function alone (``given`` is emptied), so that a
    big file can be let go while pyarrow parses it again from disk (``path``; None for
    standard input)."""
    data = given.pop()
    text, encoding, problem = decode(data)
    if problem:
        return _unusable(name, problem, {})
    # UTF-8 (nearly every large file) is parsed from the bytes: no second copy of the text.
    source: Source = data if encoding in _BYTE_PARSED else text
    del text, data
    try:
        header = _header(source, encoding)
        if header is None:
            return _unusable(name, "empty_file", {})
        physical, simple = one_line_records(source, header.start)
        parsed = None
        if simple and path is not None and isinstance(source, bytes) and len(source) > _BIG and "pyarrow" in _ENGINES:
            del source  # not held while pyarrow builds its table from the file
            parsed = _whole(_read_arrow(path, header), physical, header)
            source = None if parsed else path.read_bytes()
        body, lines, extra, unclosed = parsed or _split(source, header, encoding, physical, simple)
    except LayoutProblem as layout:
        return _unusable(name, layout.code, layout.params, layout.line)
    flaws = [Flaw(row, "quote_unclosed", None, {"lines": float(swallowed)}) for row, swallowed in unclosed]
    table = _to_table(name, header.cells, header.line, body, lines, extra, flaws=flaws)
    table.encoding, table.delimiter = encoding, header.delimiter
    return table


def _header(source: Source, encoding: str | None) -> Header | None:
    """The header line, after the checks that keep a hostile file from stalling cds."""
    too_long = long_line(source, encoding)
    if too_long is not None:
        raise LayoutProblem("line_too_long", too_long, limit=float(MAX_LINE))
    header = find_header(source, _known_columns, encoding)
    if header is not None and len(header.cells) > MAX_HEADER_CELLS:
        raise LayoutProblem(
            "header_too_wide", header.line, cells=float(len(header.cells)), limit=float(MAX_HEADER_CELLS)
        )
    return header


def _whole(frame: pd.DataFrame | None, physical: int, header: Header):
    """(body, lines, no extra cells, no unclosed quote) when a fast reader kept every line
    as one row, else None."""
    # pyarrow drops blank lines: the counts only agree when no line was lost.
    if frame is None or len(frame) != physical or frame.shape[1] != len(header.cells):
        return None
    body = frame.iloc[1:].reset_index(drop=True)
    return body, np.arange(header.line + 1, header.line + 1 + len(body)), None, []


def _split(source: Source, header: Header, encoding: str | None, physical: int, simple: bool):
    """The data rows below the header: (cells, first line of each row, extra cells, rows
    whose quote is never closed).

    The fast readers (pyarrow, pandas' C parser) are used when every record is one
    physical line, so row i is line header + i; otherwise (quoted line breaks, ragged
    rows, old Mac line ends) the csv module tracks exact line numbers."""
    if simple and len(source) > _SMALL:
        # pyarrow pays off on big files, pandas' C reader on middling ones; a quarter's
        # small CSV is quickest through the csv module (no frame to build per file).
        for engine in _ENGINES if len(source) > _BIG else ("c",):
            parsed = _whole(_read_frame(source, header, encoding, engine), physical, header)
            if parsed:
                return parsed
    return records(source, header, len(header.cells), encoding)


def _read_workbook(path: Path, sheet: str | None) -> RawTable:
    from .excel import WorkbookProblem, read_sheet

    try:
        found = read_sheet(path, sheet, _known_columns)
    except WorkbookProblem as problem:
        return _unusable(str(path), problem.code, problem.params, problem.line)
    except OSError as exc:
        return _unusable(str(path), "file_unreadable", {"reason": exc.strerror or str(exc)})
    flaws = [
        Flaw(row, "cell_error", column, {"cell": cell, "error": error}) for row, column, cell, error in found.errors
    ]
    table = _to_table(
        str(path), found.header, found.header_line, found.rows, found.lines, beyond=found.beyond, flaws=flaws
    )
    table.sheet = found.sheet
    return table


def _known_columns(cells: list[str]) -> int:
    """How many of the contract's columns a row names (a header names at least two)."""
    return len({_HEADER_ALIASES.get(fold(cell)) for cell in set(cells) if cell} - {None})


_BYTE_PARSED = ("utf-8", "utf-8-sig")
# pyarrow's multi-threaded reader first (when installed), pandas' C reader next, and the
# csv module last for what neither can map to lines.
_ENGINES = ("pyarrow", "c") if importlib.util.find_spec("pyarrow") else ("c",)
_MAX_COLUMNS = 256  # a submission has 7 columns and a few ignored ones; past this, pandas' reader
_ARROW_BLOCK = 8 << 20


def decode(data: bytes) -> tuple[str, str | None, str | None]:
    """Return (text, encoding, problem code).  Windows-1258 text is made NFC, so that its
    decomposed tone marks read like UTF-8's precomposed ones in messages (matching
    ignores the difference anyway, see :func:`fold`)."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            return "", None, "not_text"
        candidates = [utf16]
    else:
        candidates = ["utf-8", "cp1258"]
    for encoding in candidates:
        if encoding == "utf-8" and len(data) > _BIG:
            if not data.isascii() and not _valid_utf8(data):
                continue
            # A big UTF-8 file is parsed from its bytes; only its head is needed as text.
            head = data[:_BIG].decode("utf-8", errors="ignore")
            if "\x00" in head or _looks_binary(head):
                return "", None, "not_text"
            return head, encoding, None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or _looks_binary(text):
            return "", None, "not_text"
        return (text if encoding in _BYTE_PARSED else unicodedata.normalize("NFC", text)), encoding, None
    return "", None, "encoding_unknown"


_BIG = 1 << 20
_SMALL = 256 << 10


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for UTF-16 text saved without a byte-order mark, else None.

    Such a file is full of NUL bytes, all on one side of each pair: every ASCII letter,
    digit, separator and line end is a byte and a NUL (Vietnamese letters are not, but a
    submission is mostly digits, codes and separators).  Binary data has NULs on both."""
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd > pairs // 2 and even <= pairs // 100:
        return "utf-16-le"
    if even > pairs // 2 and odd <= pairs // 100:
        return "utf-16-be"
    return None


def _valid_utf8(data: bytes) -> bool:
    """Check UTF-8 a megabyte at a time, without holding a second copy of a large file."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _BIG):
            decoder.decode(view[start : start + _BIG], final=start + _BIG >= len(data))
    except UnicodeDecodeError:
        return False
    return True


# Deletes the control characters that never appear in a text file (str.translate runs in C).
_CONTROLS = dict.fromkeys(code for code in range(32) if chr(code) not in "\r\n\t")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = len(sample) - len(sample.translate(_CONTROLS))
    return controls > len(sample) // 20


def _read_frame(source: Source, header: Header, encoding: str | None, engine: str) -> pd.DataFrame | None:
    """All cells from the header line down as text, or None when this reader cannot take them."""
    if engine == "pyarrow":
        return _read_arrow(source, header) if isinstance(source, bytes) else None
    stream = io.BytesIO(source) if isinstance(source, bytes) else io.StringIO(source)
    stream.seek(header.start)  # the title block above the header is not read
    try:
        return pd.read_csv(
            stream,
            sep=header.delimiter,
            header=None,
            dtype=str,
            keep_default_na=False,
            engine="c",
            encoding="utf-8" if isinstance(source, bytes) else None,
            skip_blank_lines=False,
        )
    except (pd.errors.ParserError, ValueError, UnicodeDecodeError):
        return None


def _read_arrow(data: bytes | Path, header: Header) -> pd.DataFrame | None:
    """pyarrow's reader (from the bytes, or from the file past its title block), every
    column dictionary-encoded: a column of a million cells with a few thousand distinct
    values costs a few megabytes."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    if len(header.cells) > _MAX_COLUMNS:
        return None
    text_type = pa.dictionary(pa.int32(), pa.string())
    if isinstance(data, bytes):
        stream = pa.BufferReader(pa.py_buffer(data).slice(header.start))
    else:
        stream = pa.OSFile(str(data))
        stream.seek(header.start)
    try:
        table = pacsv.read_csv(
            stream,
            # 8 MB blocks rather than 1 MB: fewer dictionaries to unify, 15% less time on
            # a million rows (measured on the shared 2-core machine), both cores still busy
            read_options=pacsv.ReadOptions(autogenerate_column_names=True, block_size=_ARROW_BLOCK),
            parse_options=pacsv.ParseOptions(delimiter=header.delimiter),
            convert_options=pacsv.ConvertOptions(
                column_types={f"f{i}": text_type for i in range(_MAX_COLUMNS)},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                # decode() has already checked that the bytes are UTF-8: a second check
                # costs a tenth of the reader's CPU (should the file change in between,
                # the conversion below fails and another reader reads it)
                check_utf8=False,
            ),
        )
        frame = table.to_pandas(self_destruct=True, split_blocks=True)  # the table's memory goes as the frame fills
    except (pa.ArrowException, OSError):  # ragged rows, odd bytes (the file changed under us): another reader
        return None
    finally:
        stream.close()
    del table
    pa.default_memory_pool().release_unused()  # what the parser held goes back (any pool)
    frame.columns = range(frame.shape[1])
    return frame


def _to_table(
    name: str,
    header: list[str],
    header_line: int,
    body: list[list[str]] | pd.DataFrame,
    lines: np.ndarray | list[int],
    extra: list[int] | None = None,
    beyond: list[bool] | None = None,
    flaws: list[Flaw] | None = None,
) -> RawTable:
    """Rows below the header into the contract's columns.  ``extra``: a row's cell count
    when cells past the header's width hold something (a CSV row, rejected); ``beyond``:
    a workbook row holds something past it (read, never blank); ``flaws``: rows the
    reader rejects, each with its finding (read, never blank)."""
    width = len(header)
    counts = np.zeros(len(body), dtype=np.int64) if extra is None else np.asarray(extra, dtype=np.int64)
    findings: list[Finding] = []
    mapping = _map_header(name, header, header_line, findings)
    # A line that holds any non-empty cell is read (README: Submission files): an ignored column, or
    # a cell past the header, counts as much as the contract's columns.
    filled: np.ndarray = counts > 0
    if beyond is not None:
        filled |= np.asarray(beyond, dtype=bool)
    if isinstance(body, pd.DataFrame):
        columns = {column: _column(body, mapping.get(column)) for column in COLUMNS}
        for cells in columns.values():
            filled |= _nonempty(cells)
        for position in set(range(width)) - set(mapping.values()):
            filled |= _nonempty(body[position])
    else:
        columns = _columns_of_rows(body, mapping, filled)
    line_numbers = np.asarray(lines, dtype=np.int64)
    missing = [column for column in REQUIRED if column not in mapping]
    # A file missing a column is one finding: its rows' own flaws are not worded too.
    flawed = _flawed(name, flaws or [], mapping, line_numbers, [] if missing else findings)
    filled |= flawed
    data = pd.DataFrame(  # in one go: each column added afterwards costs another pass of checks
        {
            **columns,
            "line": line_numbers,
            "extra_cells": counts.astype(np.int32),
            "width": np.full(len(body), width, dtype=np.int16),
            "flawed": flawed,
        },
        copy=False,  # the arrays are this frame's alone: pandas would copy each
    )
    rows = data.loc[filled].reset_index(drop=True) if not filled.all() else data
    table = RawTable(name, rows, blank=int((~filled).sum()), findings=findings, columns=mapping)
    if missing:
        findings.append(_missing_columns(name, missing, header, header_line, len(rows)))
    table.usable = not missing
    return table


def _missing_columns(name: str, missing: list[str], header: list[str], line: int, rows: int) -> Finding:
    """One finding for the file, naming every missing column: a file that is no
    submission at all is one problem, not three."""
    return Finding(
        "missing_column",
        "error",
        name,
        line,
        missing[0] if len(missing) == 1 else None,
        {
            "columns": ", ".join(f"'{column}'" for column in missing),
            "columns_vi": ", ".join(f"'{COLUMNS[column]}'" for column in missing),
            "header": ", ".join(header),
            "rows": rows,
        },
    )


def _flawed(
    name: str, flaws: list[Flaw], mapping: dict[str, int], lines: np.ndarray, findings: list[Finding]
) -> np.ndarray:
    """Which rows the reader rejects, with one finding each (the first flaw of a row in
    a column that is read)."""
    flawed = np.zeros(len(lines), dtype=bool)
    columns = {position: column for column, position in mapping.items()}
    for flaw in flaws:
        if flawed[flaw.row] or (flaw.position is not None and flaw.position not in columns):
            continue
        flawed[flaw.row] = True
        column = columns.get(flaw.position) if flaw.position is not None else None
        findings.append(Finding(flaw.code, "error", name, int(lines[flaw.row]), column, flaw.params))
    return flawed


def _columns_of_rows(rows: list[list[str]], mapping: dict[str, int], filled: np.ndarray) -> dict[str, Any]:
    """The contract's columns of rows read by the csv module (a quarter's small files, or
    a file with quoted line breaks), in plain Python: for a few hundred rows, far quicker
    than a frame and its column operations.  Marks the rows holding anything in ``filled``."""
    for i, row in enumerate(rows):
        if not filled[i] and any(map(holds_data, row)):
            filled[i] = True
    columns = {}
    for column in COLUMNS:
        position = mapping.get(column)
        cells = [row[position].strip() if position < len(row) else "" for row in rows] if position is not None else []
        uniques: list[Any] = []
        codes: np.ndarray = np.zeros(len(rows), np.int8)
        if cells:
            codes, found = pd.factorize(np.array(cells, dtype=object))
            uniques = found.tolist()
        categories = uniques + ([""] if "" not in set(uniques) else [])
        columns[column] = pd.Categorical.from_codes(codes, categories=text_categories(categories))
    return columns


def _nonempty(cells: pd.Series) -> np.ndarray:
    """Which cells of a column hold data (once per distinct value)."""
    if isinstance(cells.dtype, pd.CategoricalDtype):
        codes, uniques = cells.cat.codes.to_numpy(), cells.cat.categories.tolist()
    else:
        codes, found = pd.factorize(cells)
        uniques = found.tolist()
    full = [isinstance(u, str) and holds_data(u) for u in uniques]
    return np.array(full + [False], dtype=bool).take(codes)


def _map_header(name: str, header: list[str], line: int, findings: list[Finding]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for position, cell in enumerate(header):
        column = _HEADER_ALIASES.get(fold(cell.lstrip("\ufeff")))
        if column is None:
            continue  # STT, the indicator's name in a template, …: ignored by design
        if column in mapping:
            findings.append(
                Finding(
                    "duplicate_column",
                    "warning",
                    name,
                    line,
                    column,
                    {
                        "column": column,
                        "first": header[mapping[column]],
                        "second": cell,
                    },
                )
            )
            continue
        mapping[column] = position
    return mapping


def _column(body: pd.DataFrame, position: int | None) -> pd.Series:
    """One contract column as a categorical of stripped text ("" for an empty cell).

    Categorical because cells repeat: the strip, and every later lookup, runs once per
    distinct value instead of once per row."""
    if position is None:
        return pd.Series(
            pd.Categorical.from_codes(np.zeros(len(body), dtype=np.int8), categories=text_categories([""])),
            index=body.index,
        )
    cells = body[position]
    if not isinstance(cells.dtype, pd.CategoricalDtype):
        cells = cells.astype("category")
    original = pd.Index(cells.cat.categories.astype(str))
    stripped = original.str.strip()
    codes = cells.array.codes
    if stripped.equals(original) and (len(codes) == 0 or codes.min() >= 0):
        # Nothing to strip and no missing cell (pyarrow's columns): the codes stand as they are.
        categories = stripped.tolist()
        final = codes
        if "" not in categories:
            categories.append("")
    else:
        new_codes, uniques = pd.factorize(stripped)
        categories = uniques.tolist()
        if "" not in categories:
            categories.append("")
        empty = categories.index("")
        final = np.where(codes >= 0, np.append(new_codes, empty)[codes], empty)
    categorical = pd.Categorical.from_codes(final, categories=text_categories(categories))
    return pd.Series(categorical, index=body.index, copy=False)


def text_categories(values: list[Any]) -> pd.Index:
    """The categories of a text column, as plain Python strings rather than pandas' default
    pyarrow-backed ``str``: a quarter's file has a few dozen per column, which this builds in
    half the time, and every file's columns must share one dtype to be stacked."""
    return pd.Index(values, dtype=object)


def united(parts: list[Any]) -> tuple[pd.Index, list[np.ndarray]]:
    """The distinct values of several lists (or indexes) in order of first sight, and where
    each list's values stand among them: how the files' categories are stacked, and how a
    numerator and its denominator are parsed in one pass."""
    # A dict in plain Python: the parts are categories (a quarter's 13 files stack 7 columns
    # of a few dozen each), where pandas' index and get_indexer per part cost far more than
    # the values.  Text only: a value that is not (a NaN compares unequal to itself) leaves
    # it to pandas.
    if not all(isinstance(value, str) for part in parts for value in part):
        distinct = pd.Index(np.concatenate([np.asarray(part, dtype=object) for part in parts]), dtype=object)
        distinct = distinct.unique()
        return distinct, [distinct.get_indexer(np.asarray(part, dtype=object)) for part in parts]
    place: dict[str, int] = {}
    positions = [np.array([place.setdefault(value, len(place)) for value in part], dtype=np.intp) for part in parts]
    return pd.Index(list(place), dtype=object), positions


def _unusable(name: str, code: str, params: dict, line: int | None = None) -> RawTable:
    finding = Finding(code, "error", name, line, None, params)
    return RawTable(name, pd.DataFrame(columns=[*COLUMNS, "line", "flawed"]), findings=[finding], usable=False)
