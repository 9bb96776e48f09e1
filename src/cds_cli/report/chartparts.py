"""What the report's two chart drawers share: the HTML report's inline SVG (:mod:`.svg`) and
the Word report's PNG pictures (:mod:`.charts`) use the same colours, the same round tick
values and the same rule for a quarter without data, so a chart reads alike in both."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..periods import Period, roman
from ..view import IndicatorRow, Value
from ..words.labels import quarter_name

VALUE, TARGET, EXPECTED = "#1565c0", "#2e7d32", "#757575"
# A ladder of greys as well as of hues (luminance 38 · 93 · 149 · 171 · 193 · 224), so a report
# printed in black and white still tells the statuses apart; each bar also says its status.
STATUS_COLOURS = {
    "not_achieved": "#7f0000",
    "achieved": "#2e7d32",
    "off_track": "#e57373",
    "on_track": "#81c784",
    "at_risk": "#fbc02d",
    "no_data": "#e0e0e0",
}
MILESTONE_LEVELS = {"not_started": 0.0, "in_progress": 0.5, "done": 1.0}
QUARTERS = 4  # a plan year; a report of Q2 leaves the last two slots empty
STEPS = (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000)


class Frame:
    """Data → pixels: x counts slots (``first`` … ``last``), y runs from ``lo`` (bottom) to
    ``hi`` (top) of ``box`` = (left, top, right, bottom)."""

    def __init__(
        self, box: tuple[float, float, float, float], lo: float, hi: float, first: int = 0, last: int = QUARTERS
    ):
        self.left, self.top, self.right, self.bottom = box
        self.lo, self.hi, self.first, self.last = lo, hi, first, last

    def slot_x(self, slot: float) -> float:
        return self.left + (slot - self.first) * (self.right - self.left) / (self.last - self.first)

    def value_y(self, value: float) -> float:
        return self.bottom - (value - self.lo) * (self.bottom - self.top) / (self.hi - self.lo)

    def point(self, slot: float, value: float) -> tuple[float, float]:
        return self.slot_x(slot), self.value_y(value)


def level(item: IndicatorRow, value: Value) -> float | None:
    """A value as a height: a number as it is, a milestone's state as 0, ½ or 1."""
    if value is None:
        return None
    return MILESTONE_LEVELS.get(str(value)) if item.unit == "milestone" else float(value)


def runs(pairs: Sequence[tuple[int, float | None]], years: bool = False) -> list[list[tuple[int, float]]]:
    """Consecutive known values, so a quarter without data breaks the line; with ``years`` (two
    years drawn) the line breaks between them too: a year-to-date figure starts again in Q1."""
    found: list[list[tuple[int, float]]] = [[]]
    for slot, value in pairs:
        if years and slot == QUARTERS + 1:
            found.append([])
        if value is None:
            found.append([])
        else:
            found[-1].append((slot, value))
    return [run for run in found if run]


def padded(values: list[float]) -> tuple[float, float]:
    """The range of ``values`` with a margin, so no point sits on the frame's edge."""
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.12 or max(abs(hi) * 0.05, 1.0)
    return lo - pad, hi + pad


def ticks(values: list[float], intervals: int = 4, whole: bool = False) -> list[float]:
    """Round values covering ``values``, at most ``intervals`` steps apart (a percent axis,
    usually 0 … 100); ``whole``: whole steps only (a count axis has no half platform)."""
    lo, hi = min(values), max(values)
    steps = [s for s in STEPS if s >= 1] if whole else STEPS
    step = next((s for s in steps if (math.ceil(hi / s) - math.floor(lo / s)) <= intervals), None)
    if step is None:  # beyond the usual percents (an attainment of 10^6 %): a power of ten
        step = 10.0 ** math.ceil(math.log10(max(hi - lo, 1.0) / intervals))
        while math.ceil(hi / step) - math.floor(lo / step) > intervals:
            step *= 10
    start, stop = math.floor(lo / step), max(math.ceil(hi / step), math.floor(lo / step) + 1)
    return [round(k * step, 6) for k in range(start, stop + 1)]


@dataclass(frozen=True)
class Series:
    """The points of a trajectory chart, by slot.  One year: 0 = the baseline, 1 … 4 = the
    quarters.  With the year before in the inputs: 1 … 4 = its quarters, 5 … 8 = this year's,
    the baseline at the quarter it stands at (Q4 of the year before)."""

    values: list[tuple[int, float | None]]  # None where a quarter has no data
    known: list[float]
    expected: list[tuple[int, float]]
    target: float
    projection: float | None
    projection_slot: int
    last: int | None  # the slot of the latest value
    ticks: list[float]  # of the value axis
    slots: int = QUARTERS  # the last slot
    first: int = 0  # the first slot (1 when two years are drawn: no slot of its own for the baseline)
    years: tuple[int, ...] = ()  # two years drawn: the year of each group of four slots

    def slot_names(self, lang: str, baseline_year: object) -> list[tuple[int, str]]:
        """Each slot's name on the axis: the baseline's year, then the quarters ("Quý I")."""
        if not self.years:
            return [(0, str(baseline_year)), *((k, quarter_name(k, lang)) for k in range(1, QUARTERS + 1))]
        return [(k, roman((k - 1) % QUARTERS + 1)) for k in range(1, self.slots + 1)]

    def year_names(self) -> list[tuple[float, str]]:
        """Two years drawn: each year's name, under the middle of its quarters."""
        return [(QUARTERS * k + 2.5, str(year)) for k, year in enumerate(self.years)]


def trajectory_series(item: IndicatorRow, earlier: Sequence[Period] = ()) -> Series:
    """The points of an indicator's trajectory chart (a percent or count indicator); with
    ``earlier`` (the quarters of the year before, in the inputs) both years side by side."""
    quarters = list(item.quarters)
    shift = QUARTERS if earlier else 0
    baseline = item.baseline if isinstance(item.baseline, int | float) else None
    at = _baseline_slot(quarters, earlier)
    start: list[tuple[int, float]] = [(at, float(baseline))] if baseline is not None and at is not None else []
    before = [(k, _number(item.earlier.get(q))) for k, q in enumerate(earlier, start=1)]
    values = before + [(shift + k, _number(item.quarters[q])) for k, q in enumerate(quarters, start=1)]
    if not earlier:
        values = [*start, *values]
    expected = start + [
        (shift + k, e) for k, q in enumerate(quarters, start=1) if (e := item.expected_path.get(q)) is not None
    ]
    projection = item.projection
    known = [v for _, v in values if v is not None]
    target = float(item.target)
    axis = known + [v for _, v in expected] + [target] + ([projection.value] if projection else [])
    return Series(
        values=values,
        known=known,
        expected=expected,
        target=target,
        projection=projection.value if projection and known else None,
        projection_slot=shift + _slot(projection.period, quarters) if projection else shift + QUARTERS,
        last=max((s for s, v in values if v is not None), default=None),
        ticks=ticks(axis, whole=item.unit == "count"),
        slots=shift + QUARTERS,
        first=1 if earlier else 0,
        years=(earlier[0].year, quarters[0].year) if earlier and quarters else (),
    )


def _baseline_slot(quarters: list[Period], earlier: Sequence[Period]) -> int | None:
    """Where the baseline is drawn: slot 0 on a one-year chart; on a two-year one, at the
    fourth quarter of the year before (where it stands), or nowhere when older still."""
    if not earlier:
        return 0
    return QUARTERS if quarters and earlier[-1].year == quarters[0].year - 1 else None


def _slot(period: Period, quarters: list[Period]) -> int:
    """The chart slot of a quarter of the plan year (a later year's quarter: the last slot)."""
    return period.quarter if quarters and period.year == quarters[0].year else QUARTERS


def _number(value: Value) -> float | None:
    return value if isinstance(value, float) else None
