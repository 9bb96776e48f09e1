"""Numbers as agencies write them: ``1,234.5`` or ``1.234,5``, ``16,87%``, ``1.000``.

The rule (README: Submission files): a column's own rules decide between the international and the
Vietnamese reading; a value that still has two admissible readings is rejected with both
named.  Nothing is guessed silently.

* Counts are whole numbers: a ``.`` or ``,`` followed by exactly three digits groups
  thousands (``1.000`` = ``1,000`` = 1000, and ``01.000`` = 1000 too: a leading zero is a
  slip of the keyboard, not a decimal point moved three places); any other separator is a
  decimal mark and the number must still be whole (``1234.0`` = 1234, ``12,5`` and
  ``0,050`` are rejected).
* Percents lie in 0–100, and that decides (``16,87`` = 16.87, ``1,234`` = 1.234 because
  1234 > 100).

A column is parsed once per distinct spelling (the checks hand over each column's
distinct cells: a million rows hold a few thousand), each spelling read by a few compiled
regular expressions in plain Python.  A dozen pandas string operations over the same cells
cost a fixed 7-10 ms a column, most of the time for a quarter's files, and 60% more for
the 9,000 spellings of a million rows' counts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

INVALID = "invalid"  # not a number in any convention
NOT_WHOLE = "not_whole"  # a count with a fractional part
AMBIGUOUS = "ambiguous"  # two readings both admissible

# [0-9], not \d: \d also matches Arabic-Indic or full-width digits, which are not numbers here
# (plain digits are tested with isdigit() and isascii() together, for the same reason).
_GROUPED = r"[1-9][0-9]{0,2}(?:(?P<sep>[.,])[0-9]{3})(?:(?P=sep)[0-9]{3})*"  # 1.234 / 1,234,567
_GROUPED_COUNT = "0*" + _GROUPED  # 01.000 / 02,000: a count's leading zeros change nothing
_DECIMAL = r"[0-9]+[.,][0-9]+"  # 16,87 / 0.5 / 1.234
_INTERNATIONAL = r"[1-9][0-9]{0,2}(?:,[0-9]{3})+\.[0-9]+"  # 1,234.5
_VIETNAMESE = r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+,[0-9]+"  # 1.234,5


@dataclass
class ParsedNumbers:
    """One parsed column: the value (NaN when empty or unreadable) and what went wrong."""

    value: pd.Series  # float64
    problem: pd.Series  # object: None, INVALID, NOT_WHOLE or AMBIGUOUS
    readings: pd.Series  # object: the competing readings, for AMBIGUOUS cells only


def parse_counts(cells: pd.Series) -> ParsedNumbers:
    """Parse a numerator/denominator column (whole numbers, thousands grouping)."""
    return _parsed(cells, list(map(_count, _texts(cells))))


def parse_percents(cells: pd.Series) -> ParsedNumbers:
    """Parse a percent column; a trailing ``%`` is allowed; the 0–100 range decides."""
    return _parsed(cells, list(map(_percent, _texts(cells))))


# What one cell reads as: (value, problem, the competing readings of an ambiguous one)
_Read = tuple[float, str | None, str | None]
_NAN = float("nan")
_NOTHING: _Read = (_NAN, None, None)
_INVALID: _Read = (_NAN, INVALID, None)


def _count(text: str) -> _Read:
    if not text:
        return _NOTHING
    sign, body = _signed(text)
    if body.isdigit() and body.isascii():  # plain digits: nearly every count
        value = sign * float(body)
    else:  # a spelling that can be grouped is grouped (1.000 is a thousand, not 1)
        value = _grouped(body, _GROUPED_COUNT_RE)
        if value != value:
            value = _decimal(body)
        value *= sign
    if not math.isfinite(value):  # NaN: no reading; 10**400 spelled out is no count either
        return _INVALID
    return (_NAN, NOT_WHOLE, None) if value % 1 != 0 else (value, None, None)


def _percent(raw: str) -> _Read:
    if not raw:  # a cell holding only "%" is present, and not a number
        return _NOTHING
    sign, body = _signed(raw[:-1].rstrip() if raw.endswith("%") else raw)
    if body.isdigit() and body.isascii():
        value = sign * float(body)
        return (value, None, None) if math.isfinite(value) else _INVALID
    grouped, decimal = _finite(sign * _grouped(body, _GROUPED_RE)), _finite(sign * _decimal(body))
    grouped_ok, decimal_ok = 0 <= grouped <= 100, 0 <= decimal <= 100
    if grouped_ok and decimal_ok and grouped != decimal:
        return (_NAN, AMBIGUOUS, f"{_fmt(decimal)} / {_fmt(grouped)}")
    # Prefer the reading that lies in range; when none does, keep one so the range rule
    # can say "105 is outside 0–100" instead of "not a number".
    value = decimal if decimal_ok or not grouped_ok else grouped
    if value != value:
        value = grouped
    return _INVALID if value != value else (value, None, None)


def _signed(text: str) -> tuple[float, str]:
    """The sign and what follows one leading ``+`` or ``-``."""
    if text.startswith(("+", "-")):
        return (-1.0 if text[0] == "-" else 1.0), text[1:]
    return 1.0, text


def _grouped(body: str, grouping: re.Pattern[str]) -> float:
    """The thousands-grouping reading of an unsigned spelling (as ``grouping`` allows), or NaN."""
    return float(body.replace(".", "").replace(",", "")) if grouping.fullmatch(body) else _NAN


def _decimal(body: str) -> float:
    """The decimal-mark reading of an unsigned spelling, or NaN: one mark (``16,87``), or
    thousands grouped before the other mark (``1,234.5``, ``1.234,5``)."""
    if _DECIMAL_RE.fullmatch(body):
        return float(body.replace(",", "."))
    if _INTERNATIONAL_RE.fullmatch(body):
        return float(body.replace(",", ""))
    if _VIETNAMESE_RE.fullmatch(body):
        return float(body.replace(".", "").replace(",", "."))
    return _NAN


def _finite(number: float) -> float:
    return number if math.isfinite(number) else _NAN


_GROUPED_RE, _GROUPED_COUNT_RE, _DECIMAL_RE, _INTERNATIONAL_RE, _VIETNAMESE_RE = map(
    re.compile, (_GROUPED, _GROUPED_COUNT, _DECIMAL, _INTERNATIONAL, _VIETNAMESE)
)


def _texts(cells: pd.Series) -> list[str]:
    """Each cell as stripped text ("" for nothing)."""
    return ["" if cell is None or cell is pd.NA or cell != cell else str(cell).strip() for cell in cells.tolist()]


def _parsed(cells: pd.Series, read: list[_Read]) -> ParsedNumbers:
    values, problems, readings = zip(*read, strict=True) if read else ((), (), ())
    return ParsedNumbers(
        pd.Series(values, index=cells.index, dtype="float64"),
        pd.Series(problems, index=cells.index, dtype=object),
        pd.Series(readings, index=cells.index, dtype=object),
    )


def _fmt(number: float) -> str:
    return f"{number:g}" if abs(number) < 1e15 else str(number)


def rounded(value: float | None, digits: int = 2) -> float | None:
    """A figure for JSON and reports: ``digits`` decimals (2 for percents, 4 for rates), None kept."""
    return None if value is None else round(value, digits)


def shown_value(value: float | str | None) -> float | str | None:
    """An indicator's value as every output shows it: a figure rounded (:func:`rounded`), a
    milestone's state (``done``, ``in_progress`` …) or nothing as it is."""
    return rounded(value) if isinstance(value, float) else value
