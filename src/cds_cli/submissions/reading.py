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
import io
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..findings import Finding
from ..text import fold

# Canonical column → (English header, Vietnamese header), CONTRACT §3.
COLUMNS: dict[str, str] = {
    "agency": "Đơn vị",
    "period": "Kỳ báo cáo",
    "indicator": "Mã chỉ tiêu",
    "numerator": "Tử số",
    "denominator": "Mẫu số",
    "value": "Giá trị",
    "note": "Ghi chú",
}
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
            found = sorted(
                (p for p in item.rglob("*")
                 if p.is_file() and p.suffix.lower() in SUBMISSION_SUFFIXES and not p.name.startswith("~$")),
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
    cells, lines = split_cells(text, delimiter)
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


def decode(data: bytes) -> tuple[str, str | None, str | None]:
    """Return (text, encoding, problem code).  Text is NFC so that Windows-1258's
    decomposed tone marks compare equal to UTF-8's precomposed ones."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif b"\x00" in data:
        return "", None, "not_text"
    else:
        candidates = ["utf-8", "cp1258"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or _looks_binary(text):
            return "", None, "not_text"
        return unicodedata.normalize("NFC", text), encoding, None
    return "", None, "encoding_unknown"


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    return controls > len(sample) // 20


def sniff_delimiter(text: str) -> str:
    """The separator used in the header line: the most frequent of , ; and tab."""
    header = text.lstrip("\r\n").splitlines()[0]
    counts = {sep: header.count(sep) for sep in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def split_cells(text: str, delimiter: str) -> tuple[list[list[str]] | pd.DataFrame, list[int] | None]:
    """Split into rows of cells.  The fast path (pandas' C parser) is used when every
    record is one physical line, so row i is line i + 1; otherwise (quoted line breaks,
    ragged rows) the csv module tracks exact line numbers."""
    physical = text.count("\n") + (0 if text.endswith("\n") else 1)
    if "\r" not in text.replace("\r\n", ""):
        try:
            frame = pd.read_csv(
                io.StringIO(text), sep=delimiter, header=None, dtype=str,
                keep_default_na=False, skip_blank_lines=False, engine="c",
            )
        except (pd.errors.ParserError, ValueError):
            frame = None
        if frame is not None and len(frame) == physical:
            return frame.fillna(""), None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, lines, start = [], [], 1
    for record in reader:
        rows.append(record)
        lines.append(start)
        start = reader.line_num + 1
    return rows, lines


def _to_table(name: str, cells: list[list[str]] | pd.DataFrame, lines: list[int] | None) -> RawTable:
    header_line = 1 if lines is None else lines[0]
    if isinstance(cells, pd.DataFrame):
        header = [str(cell) for cell in cells.iloc[0]]
        body = cells.iloc[1:].reset_index(drop=True)
        body.columns = range(body.shape[1])
        line = pd.Series(range(2, len(body) + 2))
        extra = pd.Series(0, index=body.index)
    else:
        header = cells[0]
        width = len(header)
        padded = [row[:width] + [""] * (width - len(row)) for row in cells[1:]]
        body = pd.DataFrame(padded, columns=range(width), dtype=object) if padded else pd.DataFrame(columns=range(width))
        line = pd.Series(lines[1:], dtype="int64")
        # Cells past the header's width only matter when they hold something.
        extra = pd.Series([len(row) if any(c.strip() for c in row[width:]) else 0 for row in cells[1:]], dtype="int64")
    findings: list[Finding] = []
    mapping = _map_header(name, header, header_line, findings)
    data = pd.DataFrame({column: _column(body, mapping.get(column)) for column in COLUMNS})
    # A row is blank when none of the contract's columns holds anything: a template row
    # with only its STT number filled in carries no data either.
    blank = ~data.ne("").any(axis=1) & extra.eq(0).to_numpy()
    data["line"] = line.to_numpy()
    data["extra_cells"] = extra.to_numpy()
    data["width"] = len(header)
    rows = data[~blank].reset_index(drop=True)
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


def _column(body: pd.DataFrame, position: int | None) -> pd.Series:
    if position is None:
        return pd.Series("", index=body.index, dtype=object)
    return body[position].fillna("").astype(str).str.strip().astype(object)


def _unusable(name: str, code: str, params: dict) -> RawTable:
    finding = Finding(code, "error", name, None, None, params)
    return RawTable(name, pd.DataFrame(columns=[*COLUMNS, "line"]), findings=[finding], usable=False)
