"""Which cells of an Excel 97-2003 (.xls) sheet show a percent or hold an error, and how
large each sheet is.

python-calamine reads the values of an .xls file (an error cell as an empty one); the
number formats and error codes stay inside it.
An .xls file is an OLE compound file whose "Workbook" stream is a list of BIFF8 records:
FORMAT and XF records say which cell styles show a percent, and the cell records
(NUMBER, RK, MULRK, FORMULA) of each sheet name their style.  This module reads just
those, with every offset checked: a damaged file raises ValueError.
"""

from __future__ import annotations

import re
import struct

_SPECIAL = 0xFFFFFFFA  # from here on, sector numbers mark chain ends and free or FAT sectors
_BOF, _EOF, _BOUNDSHEET, _FORMAT, _XF, _FILEPASS = 0x0809, 0x000A, 0x0085, 0x041E, 0x00E0, 0x002F
_NUMBER, _RK, _MULRK, _FORMULA = 0x0203, 0x027E, 0x00BD, 0x0006
_LABELSST, _LABEL, _RSTRING, _BOOLERR = 0x00FD, 0x0204, 0x00D6, 0x0205
_VALUE_CELLS = {_NUMBER, _RK, _FORMULA, _LABELSST, _LABEL, _RSTRING, _BOOLERR}  # not BLANK: formatting only
PERCENT_BUILTIN = {9, 10}
ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A"}


def survey(data: bytes, sheet: str | None) -> tuple[list[tuple[str, int, int]], dict[tuple[int, int], str]]:
    """(name, rows, columns) of every sheet up to its last value cell, and the error cells
    of sheet ``sheet`` (default the first) as 0-based (row, column) → "#DIV/0!"."""
    stream = _workbook_stream(data)
    _, sheets = _globals(stream)
    chosen = next(iter(sheets), None) if sheet is None else sheet
    sizes, errors = [], {}
    for name, start in sheets.items():
        rows, columns = 0, 0
        for kind, body, _ in _records(stream, start):
            if kind == _EOF:
                break
            if kind in _VALUE_CELLS and len(body) >= 6:
                row, column = struct.unpack_from("<HH", body)
                rows, columns = max(rows, row + 1), max(columns, column + 1)
                error = _error(kind, body)
                if error is not None and name == chosen:
                    errors[(row, column)] = error
            elif kind == _MULRK and len(body) >= 6:
                row, _, last = *struct.unpack_from("<HH", body), struct.unpack_from("<H", body, len(body) - 2)[0]
                rows, columns = max(rows, row + 1), max(columns, last + 1)
        sizes.append((name, rows, columns))
    return sizes, errors


def _error(kind: int, body: bytes) -> str | None:
    """The error a BOOLERR cell holds, or a FORMULA cell's cached result, else None."""
    if kind == _BOOLERR and len(body) >= 8 and body[7] == 1:
        return ERRORS.get(body[6], "#ERROR")
    if kind == _FORMULA and len(body) >= 14 and body[6] == 0x02 and body[12:14] == b"\xff\xff":
        return ERRORS.get(body[8], "#ERROR")
    return None


def percent_cells(data: bytes, sheet: str, height: int) -> set[tuple[int, int]]:
    """0-based (row, column) of the number cells of sheet ``sheet`` with a percent format."""
    stream = _workbook_stream(data)
    styles, sheets = _globals(stream)
    if not styles or sheet not in sheets:
        return set()
    return _cells(stream, sheets[sheet], styles, height)


def _records(stream: bytes, pos: int):
    """(record id, body, offset) from ``pos`` to the end of the stream."""
    while pos + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, pos)
        yield kind, stream[pos + 4 : pos + 4 + size], pos
        pos += 4 + size


def _globals(stream: bytes) -> tuple[set[int], dict[str, int]]:
    """The XF indexes that show a percent, and each sheet's BOF offset by name."""
    formats: set[int] = set(PERCENT_BUILTIN)
    xfs: list[int] = []
    sheets: dict[str, int] = {}
    for kind, body, _ in _records(stream, 0):
        if kind == _FORMAT and len(body) >= 5:
            index, count, wide = struct.unpack_from("<HHB", body)
            text = body[5 : 5 + count * (2 if wide & 1 else 1)].decode(
                "utf-16-le" if wide & 1 else "latin-1", "replace"
            )
            if _is_percent(text):
                formats.add(index)
        elif kind == _XF and len(body) >= 4:
            xfs.append(struct.unpack_from("<H", body, 2)[0])
        elif kind == _BOUNDSHEET and len(body) >= 8:
            count, wide = body[6], body[7] & 1
            name = body[8 : 8 + count * (2 if wide else 1)].decode("utf-16-le" if wide else "latin-1", "replace")
            sheets.setdefault(name, struct.unpack_from("<I", body)[0])
        elif kind == _FILEPASS:
            raise ValueError("encrypted workbook")
        elif kind == _EOF:
            break
    return {i for i, fmt in enumerate(xfs) if fmt in formats}, sheets


def _is_percent(code: str) -> bool:
    return "%" in re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code)


def _cells(stream: bytes, start: int, styles: set[int], height: int) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for kind, body, _ in _records(stream, start):
        if kind in (_NUMBER, _RK, _FORMULA) and len(body) >= 6:
            row, column, xf = struct.unpack_from("<HHH", body)
            if xf in styles and row < height:
                found.add((row, column))
        elif kind == _MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            for i in range((len(body) - 6) // 6):
                if struct.unpack_from("<H", body, 4 + 6 * i)[0] in styles and row < height:
                    found.add((row, first + i))
        elif kind == _EOF:
            break
    return found


# ---------------------------------------------------------------------------- OLE container


def _workbook_stream(data: bytes) -> bytes:
    """The "Workbook" stream of an OLE compound file (the BIFF8 records)."""
    if len(data) < 512 or data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ValueError("not an OLE compound file")
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if shift not in (9, 12) or mini_shift != 6:
        raise ValueError("bad sector sizes")
    size = 1 << shift
    fat_count, directory, _, cutoff, mini_fat, mini_count, difat, difat_count = struct.unpack_from(
        "<IIIIIIII", data, 0x2C
    )
    fat_sectors = list(struct.unpack_from("<109I", data, 0x4C))
    sector, seen = difat, 0
    while sector < _SPECIAL and seen <= difat_count:  # more FAT sectors than the header holds
        words = struct.unpack_from(f"<{size // 4}I", _sector(data, sector, size))
        fat_sectors += words[:-1]
        sector, seen = words[-1], seen + 1
    fat = b"".join(_sector(data, s, size) for s in fat_sectors[:fat_count])
    fat_table = struct.unpack(f"<{len(fat) // 4}I", fat[: len(fat) // 4 * 4])
    entries = _chain(data, fat_table, directory, size)
    root, stream = None, None
    for offset in range(0, len(entries) - 127, 128):
        entry = entries[offset : offset + 128]
        length = struct.unpack_from("<H", entry, 0x40)[0]
        name = entry[: max(length - 2, 0)].decode("utf-16-le", "replace")
        kind, first, size_low = entry[0x42], *struct.unpack_from("<II", entry, 0x74)
        if kind == 5:
            root = (first, size_low)
        elif kind == 2 and name in ("Workbook", "Book") and stream is None:
            stream = (first, size_low)
    if stream is None or root is None:
        raise ValueError("no Workbook stream")
    first, length = stream
    if length >= cutoff:
        return _chain(data, fat_table, first, size)[:length]
    # A small stream lives in 64-byte sectors inside the root entry's stream.
    mini_fat_bytes = _chain(data, fat_table, mini_fat, size) if mini_count else b""
    mini_table = struct.unpack(f"<{len(mini_fat_bytes) // 4}I", mini_fat_bytes[: len(mini_fat_bytes) // 4 * 4])
    container = _chain(data, fat_table, root[0], size)
    return b"".join(container[s * 64 : (s + 1) * 64] for s in _walk(mini_table, first))[:length]


def _sector(data: bytes, sector: int, size: int) -> bytes:
    start = (sector + 1) * size
    if sector >= _SPECIAL or start >= len(data):
        raise ValueError("sector out of range")
    return data[start : start + size]


def _walk(table: tuple[int, ...], first: int):
    """The sectors of a chain, refusing loops and references out of the table."""
    sector, steps = first, 0
    while sector < _SPECIAL:
        if sector >= len(table) or steps > len(table):
            raise ValueError("broken sector chain")
        yield sector
        sector, steps = table[sector], steps + 1


def _chain(data: bytes, table: tuple[int, ...], first: int, size: int) -> bytes:
    return b"".join(_sector(data, s, size) for s in _walk(table, first))
