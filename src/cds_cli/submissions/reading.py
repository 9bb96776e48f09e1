"""Reading submission files: find them, decode them, split them into cells.

Agencies send what Excel writes: UTF-8 with or without BOM, UTF-16 "Unicode text",
Windows-1258 from an older Vietnamese Windows; commas, or semicolons and tabs where the
comma is the decimal mark.  This module turns one such file into a table of raw text
cells with the canonical column names and the line each row came from.  It never
raises for a bad file: it returns findings instead.
"""

from __future__ import annotations

import codecs
import csv
import importlib.util
import io
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..findings import Finding
from ..messages import TEXTS
from ..text import fold

# Canonical column → its Vietnamese header (CONTRACT §3), as the catalogue words it.
COLUMNS: dict[str, str] = {column: TEXTS[f"column.{column}"].vi
                           for column in ("agency", "period", "indicator", "numerator", "denominator", "value", "note")}
REQUIRED = ("agency", "period", "indicator")
_HEADER_ALIASES = {fold(name): column for column, vi in COLUMNS.items() for name in (column, vi)}
_DELIMITERS = (",", ";", "\t")
CSV_SUFFIXES = (".csv",)
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
SUBMISSION_SUFFIXES = CSV_SUFFIXES + EXCEL_SUFFIXES

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a 1 MB cell is a finding, not a crash


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


def discover(inputs: list[str | Path]) -> tuple[list[Path], list[Finding]]:
    """Expand directories (every *.csv and *.xlsx below, sorted by path) and keep files
    as given.  Excel's lock files (``~$book.xlsx``) are not submissions."""
    files: list[Path] = []
    findings: list[Finding] = []
    for item in map(Path, inputs):
        if item.is_dir():
            # A link to a file that is gone is kept: reading it gives a finding, so the
            # missing submission is not skipped in silence.
            found = sorted(
                (p for p in item.rglob("*")
                 if (p.is_file() or (p.is_symlink() and not p.exists()))
                 and p.suffix.lower() in SUBMISSION_SUFFIXES and not p.name.startswith("~$")),
                key=lambda p: p.relative_to(item).as_posix(),
            )
            if not found:
                findings.append(Finding("no_input_files", "error", str(item), None, None))
            files.extend(found)
        else:
            files.append(item)
    return files, findings


def read_table(path: Path, sheet: str | None = None) -> RawTable:
    """Read one submission file (CSV, or a sheet of a workbook) into raw cells; problems
    become findings."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUBMISSION_SUFFIXES:
        return _unusable(name, "unsupported_format", {"suffix": path.suffix or path.name})
    if not path.is_file():
        return _unusable(name, "file_unreadable", {"reason": "file not found"})
    if suffix in EXCEL_SUFFIXES:
        return _read_workbook(path, sheet)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _unusable(name, "file_unreadable", {"reason": exc.strerror or str(exc)})
    text, encoding, problem = decode(data)
    if problem:
        return _unusable(name, problem, {})
    if not text.strip():
        return _unusable(name, "empty_file", {})
    delimiter = sniff_delimiter(text)
    # UTF-8 (nearly every large file) is parsed from the bytes: no second copy of the text;
    # a big one straight from the file, its bytes freed once the lines are counted.
    source: bytes | str = data if encoding in _BYTE_PARSED else text
    del text, data
    cells, lines = None, None
    if isinstance(source, bytes) and len(source) > _BIG and "pyarrow" in _ENGINES:
        physical, one_line_records = _layout(source)
        del source
        frame = _read_arrow(path, delimiter) if one_line_records else None
        if frame is not None and len(frame) == physical:
            cells = frame
        else:
            source = path.read_bytes()
    if cells is None:
        cells, lines = split_cells(source, delimiter, encoding)
    table = _to_table(name, cells, lines)
    table.encoding, table.delimiter = encoding, delimiter
    return table


def _read_workbook(path: Path, sheet: str | None) -> RawTable:
    from .excel import WorkbookProblem, read_sheet

    try:
        found = read_sheet(path, sheet, _looks_like_header)
    except WorkbookProblem as problem:
        return _unusable(str(path), problem.code, problem.params)
    except OSError as exc:
        return _unusable(str(path), "file_unreadable", {"reason": exc.strerror or str(exc)})
    if not any(any(row) for row in found.rows):
        return _unusable(str(path), "empty_file", {})
    table = _to_table(str(path), found.rows, found.lines)
    table.sheet = found.sheet
    return table


def _looks_like_header(row: list[str]) -> bool:
    """A header row names at least two of the contract's columns (a title does not)."""
    return len({_HEADER_ALIASES.get(fold(cell)) for cell in row} - {None}) >= 2


_BYTE_PARSED = ("utf-8", "utf-8-sig")
# pyarrow's multi-threaded reader first (when installed), pandas' C reader next, and the
# csv module last for what neither can map to lines.
_ENGINES = ("pyarrow", "c") if importlib.util.find_spec("pyarrow") else ("c",)
_MAX_COLUMNS = 256  # a submission has 7 columns and a few ignored ones; past this, the slow path


def decode(data: bytes) -> tuple[str, str | None, str | None]:
    """Return (text, encoding, problem code).  Windows-1258 text is made NFC, so that its
    decomposed tone marks read like UTF-8's precomposed ones in messages (matching
    ignores the difference anyway, see :func:`fold`)."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif b"\x00" in data:
        return "", None, "not_text"
    else:
        candidates = ["utf-8", "cp1258"]
    for encoding in candidates:
        if encoding == "utf-8" and len(data) > _BIG:
            if not _valid_utf8(data):
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


def _valid_utf8(data: bytes) -> bool:
    """Check UTF-8 a megabyte at a time, without holding a second copy of a large file."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _BIG):
            decoder.decode(view[start:start + _BIG], final=start + _BIG >= len(data))
    except UnicodeDecodeError:
        return False
    return True


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    return controls > len(sample) // 20


def sniff_delimiter(text: str) -> str:
    """The separator used in the header line: the most frequent of , ; and tab."""
    text = text.lstrip("\r\n")
    end = text.find("\n")
    header = (text if end < 0 else text[:end]).rstrip("\r")
    counts = {sep: header.count(sep) for sep in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def split_cells(source: bytes | str, delimiter: str, encoding: str | None = None
                ) -> tuple[list[list[str]] | pd.DataFrame, list[int] | None]:
    """Split into rows of cells.  The fast path (pandas' C parser) is used when every
    record is one physical line, so row i is line i + 1; otherwise (quoted line breaks,
    ragged rows, old Mac line ends) the csv module tracks exact line numbers."""
    physical, one_line_records = _layout(source)
    if one_line_records:
        # pyarrow pays off on big files; a quarter's small CSV is quicker through pandas' C reader.
        for engine in _ENGINES if len(source) > _BIG else ("c",):
            frame = _read_frame(source, delimiter, encoding, engine)
            # pyarrow drops blank lines and both accept quoted line breaks: the counts
            # only agree when every record is exactly one physical line.
            if frame is not None and len(frame) == physical:
                return frame, None
    text = source.decode(encoding or "utf-8") if isinstance(source, bytes) else source
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, lines, start = [], [], 1
    for record in reader:
        rows.append(record)
        lines.append(start)
        start = reader.line_num + 1
    if rows and rows[0] and rows[0][0].startswith("\ufeff"):
        rows[0][0] = rows[0][0][1:]
    return rows, lines


def _layout(source: bytes | str) -> tuple[int, bool]:
    """Physical lines, and whether line ends are plain (LF or CRLF, no lone CR)."""
    newline, carriage, crlf = ((b"\n", b"\r", b"\r\n") if isinstance(source, bytes) else ("\n", "\r", "\r\n"))
    physical = source.count(newline) + (0 if source.endswith(newline) else 1)
    return physical, carriage not in source or source.count(carriage) == source.count(crlf)


def _read_frame(source: bytes | str, delimiter: str, encoding: str | None, engine: str) -> pd.DataFrame | None:
    """All cells as text, or None when this reader cannot take the file."""
    if engine == "pyarrow":
        return _read_arrow(source, delimiter) if isinstance(source, bytes) else None
    stream = io.BytesIO(source) if isinstance(source, bytes) else io.StringIO(source)
    try:
        return pd.read_csv(stream, sep=delimiter, header=None, dtype=str, keep_default_na=False, engine="c",
                           encoding=encoding if isinstance(source, bytes) else None, skip_blank_lines=False)
    except (pd.errors.ParserError, ValueError, UnicodeDecodeError):
        return None


def _read_arrow(data: bytes | Path, delimiter: str) -> pd.DataFrame | None:
    """pyarrow's multi-threaded reader, every column dictionary-encoded: a column of a
    million cells with a few thousand distinct values costs a few megabytes."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    text_type = pa.dictionary(pa.int32(), pa.string())
    try:
        table = pacsv.read_csv(
            pa.BufferReader(data) if isinstance(data, bytes) else str(data),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True),
            parse_options=pacsv.ParseOptions(delimiter=delimiter),
            convert_options=pacsv.ConvertOptions(
                column_types={f"f{i}": text_type for i in range(_MAX_COLUMNS)},
                strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):  # ragged rows, odd bytes: another reader
        return None
    if table.num_columns > _MAX_COLUMNS:
        return None
    frame = table.to_pandas()
    frame.columns = range(frame.shape[1])
    return frame


def _to_table(name: str, cells: list[list[str]] | pd.DataFrame, lines: list[int] | None) -> RawTable:
    # The header is the first row that holds anything: blank lines above it are skipped
    # (an export that starts with an empty line), and line numbers stay physical.
    top = _first_filled(cells)
    if isinstance(cells, pd.DataFrame):
        header_line = top + 1
        header = ["" if pd.isna(cell) else str(cell) for cell in cells.iloc[top]]
        body = cells.iloc[top + 1:].reset_index(drop=True)
        body.columns = range(body.shape[1])
        line = pd.Series(range(top + 2, len(body) + top + 2))
        extra = pd.Series(0, index=body.index)
    else:
        header_line, header, records = lines[top], cells[top], cells[top + 1:]
        width = len(header)
        padded = [row[:width] + [""] * (width - len(row)) for row in records]
        body = pd.DataFrame(padded, columns=range(width), dtype=object) if padded else pd.DataFrame(columns=range(width))
        line = pd.Series(lines[top + 1:], dtype="int64")
        # Cells past the header's width only matter when they hold something.
        extra = pd.Series([len(row) if any(c.strip() for c in row[width:]) else 0 for row in records], dtype="int64")
    findings: list[Finding] = []
    mapping = _map_header(name, header, header_line, findings)
    data = pd.DataFrame({column: _column(body, mapping.get(column)) for column in COLUMNS})
    # A row is blank when none of the contract's columns holds anything: a template row
    # with only its STT number filled in carries no data either.
    filled = np.zeros(len(data), dtype=bool)
    for column in COLUMNS:
        filled |= data[column].ne("").to_numpy(dtype=bool, na_value=False)
    blank = ~filled & extra.eq(0).to_numpy()
    data["line"] = line.to_numpy()
    data["extra_cells"] = extra.to_numpy()
    data["width"] = len(header)
    rows = data[~blank].reset_index(drop=True) if blank.any() else data
    table = RawTable(name, rows, blank=int(blank.sum()), findings=findings, columns=mapping)
    missing = [column for column in REQUIRED if column not in mapping]
    for column in missing:
        findings.append(Finding("missing_column", "error", name, header_line, column, {
            "column": column, "column_vi": COLUMNS[column],
            "header": ", ".join(header), "rows": len(rows),
        }))
    table.usable = not missing
    return table


def _map_header(name: str, header: list[str], line: int, findings: list[Finding]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for position, cell in enumerate(header):
        column = _HEADER_ALIASES.get(fold(cell.lstrip("\ufeff")))
        if column is None:
            continue  # STT, the indicator's name in a template, …: ignored by design
        if column in mapping:
            findings.append(Finding("duplicate_column", "warning", name, line, column, {
                "column": column, "first": header[mapping[column]], "second": cell,
            }))
            continue
        mapping[column] = position
    return mapping


def _first_filled(cells: list[list[str]] | pd.DataFrame, search: int = 50) -> int:
    """Index of the first row with a non-blank cell among the first ``search`` rows (0 if none)."""
    rows = cells.iloc[:search].itertuples(index=False) if isinstance(cells, pd.DataFrame) else cells[:search]
    for i, row in enumerate(rows):
        if any(isinstance(c, str) and c.strip() for c in row):
            return i
    return 0


def _column(body: pd.DataFrame, position: int | None) -> pd.Series:
    """One contract column as a categorical of stripped text ("" for an empty cell).

    Categorical because cells repeat: the strip, and every later lookup, runs once per
    distinct value instead of once per row."""
    if position is None:
        return pd.Series(pd.Categorical.from_codes(np.zeros(len(body), dtype=np.int8), categories=[""]),
                         index=body.index)
    cells = body[position]
    if not isinstance(cells.dtype, pd.CategoricalDtype):
        cells = cells.astype("category")
    stripped = pd.Index(cells.cat.categories.astype(str)).str.strip()
    new_codes, uniques = pd.factorize(stripped)
    categories = list(uniques)
    if "" not in categories:
        categories.append("")
    empty = categories.index("")
    codes = cells.cat.codes.to_numpy()
    final = np.where(codes >= 0, np.append(new_codes, empty)[codes], empty)
    return pd.Series(pd.Categorical.from_codes(final, categories=categories), index=body.index)


def _unusable(name: str, code: str, params: dict) -> RawTable:
    finding = Finding(code, "error", name, None, None, params)
    return RawTable(name, pd.DataFrame(columns=[*COLUMNS, "line"]), findings=[finding], usable=False)
