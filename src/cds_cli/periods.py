"""Reporting periods (quarters) and the spellings agencies use for them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .text import fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Matched against folded text, so "Quý II/2023" arrives as "quy ii/2023".
_YEAR_FIRST = re.compile(r"(?P<year>\d{4})\s*-\s*q\s*(?P<q>[1-4])")
_CANONICAL = re.compile(r"(?P<year>\d{4})-Q(?P<q>[1-4])")
_QUARTER_FIRST = re.compile(r"(?:q|quy)\s*(?P<q>[1-4]|iv|i{1,3})\s*[/\-]\s*(?P<year>\d{4})")


@dataclass(frozen=True, order=True)
class Period:
    """A calendar quarter, e.g. ``Period(2023, 2)`` printed as ``2023-Q2``."""

    year: int
    quarter: int

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter}"

    @classmethod
    def parse(cls, text: str) -> Period:
        """The canonical ``2023-Q2`` that cds itself writes (JSON, plan files) back into a
        Period; anything else is a ValueError (an agency's spellings: :func:`parse_period`)."""
        match = _CANONICAL.fullmatch(str(text).strip())
        if match is None:
            raise ValueError(f"not a period: {text!r}")
        return cls(int(match["year"]), int(match["q"]))


def quarter_number(period: Period) -> int:
    """Quarters counted across years (4·year + quarter), so a path can run from one year into
    the next; :func:`period_of` counts back."""
    return 4 * period.year + period.quarter


def quarter_numbers(year: Any, quarter: Any) -> Any:
    """:func:`quarter_number` of columns of years and quarters (Series or arrays) at once."""
    return year * 4 + quarter


def period_of(number: int) -> Period:
    """The quarter that quarters counted across years (4·year + quarter) count to."""
    year, rest = divmod(number - 1, 4)
    return Period(year, rest + 1)


def roman(n: int) -> str:
    """``n`` (1–39) in Roman numerals: quarters ("Quý III") and the sections of a report."""
    tens, units = divmod(n, 10)
    return "X" * tens + ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")[units]


def parse_period(text: str) -> Period | None:
    """Read ``2023-Q2``, ``Q2/2023``, ``Q2-2023``, ``Quý 2/2023`` or ``Quý II/2023``.

    Returns None for anything else (the caller decides how to report it).
    """
    folded = fold(text)
    for pattern in (_YEAR_FIRST, _QUARTER_FIRST):
        match = pattern.fullmatch(folded)
        if match:
            quarter = match["q"]
            number = int(quarter) if quarter.isdigit() else _ROMAN[quarter]
            return Period(int(match["year"]), number)
    return None


def years_text(years: Iterable[int]) -> str:
    """Years as people list them: runs joined by a dash ("2023–2025"), runs by commas
    ("2023, 2025–2026")."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)
