"""Reporting periods (quarters) and the spellings agencies use for them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import UsageError
from .text import fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Matched against folded text, so "Quý II/2023" arrives as "quy ii/2023".
_YEAR_FIRST = re.compile(r"(?P<year>\d{4})\s*-\s*q\s*(?P<q>[1-4])")
_QUARTER_FIRST = re.compile(r"(?:q|quy)\s*(?P<q>[1-4]|iv|i{1,3})\s*[/\-]\s*(?P<year>\d{4})")


@dataclass(frozen=True, order=True)
class Period:
    """A calendar quarter, e.g. ``Period(2023, 2)`` printed as ``2023-Q2``."""

    year: int
    quarter: int

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter}"


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


def plan_quarter(value: str | Period | None, year: int) -> Period | None:
    """The quarter ``value`` names (a spelling such as ``2023-Q2``, or a Period), checked to
    lie in the plan ``year``; None stays None (the caller's default).  Anything else is a
    usage error: a quarter outside the plan has nothing to be scored against."""
    if value is None:
        return None
    period = value if isinstance(value, Period) else parse_period(value)
    if period is None or period.year != year:
        raise UsageError("period_option", value=repr(str(value)), year=year)
    return period
