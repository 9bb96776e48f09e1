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

Everything works on whole pandas columns: each spelling is one regular expression over
the column, so a million cells cost a handful of vectorised passes, not a Python loop.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

INVALID = "invalid"  # not a number in any convention
NOT_WHOLE = "not_whole"  # a count with a fractional part
AMBIGUOUS = "ambiguous"  # two readings both admissible

# [0-9], not \d: \d also matches Arabic-Indic or full-width digits, which are not numbers here.
_PLAIN = r"[+-]?[0-9]+"
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
    text, present = _clean(cells)
    grouped, decimal = _readings(text, _GROUPED_COUNT)
    value = grouped.where(grouped.notna(), decimal)
    problem = _problems(cells.index, (present & value.isna(), INVALID), (value.notna() & (value % 1 != 0), NOT_WHOLE))
    return ParsedNumbers(value.where(problem.isna()), problem, _no_readings(cells))


def parse_percents(cells: pd.Series) -> ParsedNumbers:
    """Parse a percent column; a trailing ``%`` is allowed; the 0–100 range decides."""
    raw, present = _clean(cells)  # a cell holding only "%" is present, and not a number
    text = raw.str.replace(r"\s*%$", "", regex=True)
    grouped, decimal = _readings(text, _GROUPED)
    grouped_ok, decimal_ok = grouped.between(0, 100), decimal.between(0, 100)
    ambiguous = grouped_ok & decimal_ok & (grouped != decimal)
    # Prefer the reading that lies in range; when none does, keep one so the range rule
    # can say "105 is outside 0–100" instead of "not a number".
    value = decimal.where(decimal_ok | ~grouped_ok, grouped)
    value = value.where(value.notna(), grouped)
    problem = _problems(cells.index, (present & value.isna(), INVALID), (ambiguous, AMBIGUOUS))
    readings = _no_readings(cells)
    if ambiguous.any():
        readings[ambiguous] = [
            f"{_fmt(d)} / {_fmt(g)}" for d, g in zip(decimal[ambiguous], grouped[ambiguous], strict=False)
        ]
    return ParsedNumbers(value.where(problem.isna()), problem, readings)


def _clean(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = cells.astype("string").fillna("").str.strip()
    return text, text != ""


def _readings(text: pd.Series, grouping: str) -> tuple[pd.Series, pd.Series]:
    """The thousands-grouping reading (spelled as ``grouping`` allows) and the
    decimal-mark reading of each cell (NaN = none)."""
    grouped = pd.Series(np.nan, index=text.index)
    decimal = pd.Series(np.nan, index=text.index)
    plain = text.str.fullmatch(_PLAIN).fillna(False).astype(bool)
    decimal[plain] = pd.to_numeric(text[plain], errors="coerce")  # the fast, common case
    rest = text[~plain & (text != "")]
    if not rest.empty:
        negative = rest.str.startswith("-")
        body = rest.str.replace(r"^[+-]", "", regex=True)
        sign = np.where(negative, -1.0, 1.0)
        is_grouped = body.str.fullmatch(grouping).fillna(False).astype(bool)
        grouped[rest.index] = sign * _to_float(body.str.replace(r"[.,]", "", regex=True).where(is_grouped))
        dec_text = pd.Series(pd.NA, index=body.index, dtype="string")
        simple = body.str.fullmatch(_DECIMAL).fillna(False).astype(bool)
        intl = body.str.fullmatch(_INTERNATIONAL).fillna(False).astype(bool)
        viet = body.str.fullmatch(_VIETNAMESE).fillna(False).astype(bool)
        dec_text[simple] = body[simple].str.replace(",", ".", regex=False)
        dec_text[intl] = body[intl].str.replace(",", "", regex=False)
        dec_text[viet] = body[viet].str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        decimal[rest.index] = sign * _to_float(dec_text)
    # 10**400 written out in digits is a string, not a count: reject non-finite readings.
    return grouped.where(np.isfinite(grouped)), decimal.where(np.isfinite(decimal))


def _to_float(text: pd.Series) -> np.ndarray:
    return pd.to_numeric(text, errors="coerce").astype("float64").to_numpy()


def _problems(index: pd.Index, *rules: tuple[pd.Series, str]) -> pd.Series:
    """An object column of None, with a problem code wherever a mask holds (last wins)."""
    problem = np.full(len(index), None, dtype=object)
    for mask, code in rules:
        problem[mask.to_numpy(dtype=bool, na_value=False)] = code
    return pd.Series(problem, index=index, dtype=object)


def _no_readings(cells: pd.Series) -> pd.Series:
    return pd.Series(None, index=cells.index, dtype=object)


def _fmt(number: float) -> str:
    return f"{number:g}" if abs(number) < 1e15 else str(number)


def rounded(value: float | None, digits: int = 2) -> float | None:
    """A figure for JSON and reports: ``digits`` decimals (2 for percents, 4 for rates), None kept."""
    return None if value is None else round(value, digits)


def shown_value(value: float | str | None) -> float | str | None:
    """An indicator's value as every output shows it: a figure rounded (:func:`rounded`), a
    milestone's state (``done``, ``in_progress`` …) or nothing as it is."""
    return rounded(value) if isinstance(value, float) else value
