"""Small charts drawn as inline SVG for the HTML report: a sparkline in each indicator's row
and a trajectory chart per indicator.

Written by hand rather than with a charting library: each is a few hundred bytes, drawn in well under a
millisecond, its text is in the page's own font, and it carries its text alternative
(``role="img"``, ``aria-label`` and a ``<title>`` shown on hover).  Coordinates are rounded
to one decimal, so the same report gives the same bytes.  The Word report draws the same
trajectories as pictures (:mod:`.charts`), from the same series (:mod:`.chartparts`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from ..periods import Period
from ..view import IndicatorRow
from ..words.labels import number
from .chartparts import EXPECTED, STATUS_COLOURS, TARGET, VALUE, Frame, Series, level, padded, runs, trajectory_series
from .text import trajectory_alt, trend_alt

# How each line of a trajectory is drawn (the legend shows the same samples).
LINES = {
    "value": 'stroke-width="2"',
    "expected": 'stroke-width="1.3" stroke-dasharray="1.5 3"',
    "target": 'stroke-width="1.4" stroke-dasharray="6 4"',
}


class _Frame(Frame):
    """The frame's coordinates as SVG writes them."""

    def x(self, slot: float) -> str:
        return _f(self.slot_x(slot))

    def y(self, value: float) -> str:
        return _f(self.value_y(value))

    def points(self, pairs: Sequence[tuple[float, float]]) -> str:
        return " ".join(f"{self.x(s)},{self.y(v)}" for s, v in pairs)


def _f(value: float) -> str:
    text = f"{value:.1f}"
    return "0" if text == "-0.0" else text.removesuffix(".0")


def _svg(view: str, alt: str, body: list[str], css: str, size: str = "") -> str:
    alt = escape(alt)
    return (
        f'<svg class="{css}" viewBox="{view}"{size} role="img" aria-label="{alt}">'
        f"<title>{alt}</title>{''.join(body)}</svg>"
    )


def _line(frame: _Frame, pairs: Sequence[tuple[float, float]], colour: str, extra: str = "") -> str:
    return (
        f'<polyline points="{frame.points(pairs)}" fill="none" stroke="{colour}" '
        f'stroke-linejoin="round" stroke-linecap="round"{extra}/>'
    )


def _dot(frame: _Frame, slot: float, value: float, colour: str, r: float = 2, fill: str | None = None) -> str:
    return f'<circle cx="{frame.x(slot)}" cy="{frame.y(value)}" r="{_f(r)}" fill="{fill or colour}" stroke="{colour}"/>'


def sparkline(item: IndicatorRow, lang: str) -> str:
    """The quarters of one indicator against its target, 96 × 28 px, for a table cell."""
    pairs = [(k, level(item, v)) for k, v in enumerate(item.quarters.values(), start=1)]
    target = level(item, item.target) or 0.0  # a target is always set: a figure, or "done" (1)
    known = [v for _, v in pairs if v is not None]
    lo, hi = (0.0, 1.0) if item.unit == "milestone" else padded(known + [target])
    frame = _Frame((5, 4, 91, 24), lo, hi, first=1)
    body = [
        f'<line x1="3" x2="93" y1="{frame.y(target)}" y2="{frame.y(target)}" stroke="{TARGET}" '
        f'stroke-width="1.2" stroke-dasharray="3 2"/>'
    ]
    body += [_line(frame, run, VALUE, ' stroke-width="1.6"') for run in runs(pairs) if len(run) > 1]
    body += [_dot(frame, s, v, VALUE) for s, v in pairs if v is not None]
    if known:
        last, value = max((s, v) for s, v in pairs if v is not None)
        body.append(_dot(frame, last, value, "#222", r=2.8, fill=STATUS_COLOURS[item.status]))
    return _svg("0 0 96 28", trend_alt(item, lang), body, "spark", ' width="96" height="28"')


def trajectory(item: IndicatorRow, lang: str, terms: Mapping[str, Any], earlier: Sequence[Period] = ()) -> str:
    """Baseline, quarterly values, expected path, target and projection of a percent or
    count indicator; with ``earlier`` (the year before, in the inputs) its quarters first."""
    series = trajectory_series(item, earlier)
    ticks, values, expected = series.ticks, series.values, series.expected
    height = 162 if series.years else 150  # a second line under the quarters: their years
    frame = _Frame((42, 10, 276, 128), ticks[0], ticks[-1], series.first, series.slots)  # room for "62,5%"
    body = _axes(frame, series, lang, terms, "%" if item.unit == "percent" else "")
    if len(expected) > 1:
        body.append(_line(frame, expected, EXPECTED, " " + LINES["expected"]))
    body.append(
        f'<line x1="{frame.x(series.first)}" x2="{frame.x(series.slots)}" y1="{frame.y(series.target)}" '
        f'y2="{frame.y(series.target)}" stroke="{TARGET}" {LINES["target"]}/>'
    )
    lines = runs(values, years=bool(series.years))
    body += [_line(frame, run, VALUE, " " + LINES["value"]) for run in lines if len(run) > 1]
    body += [_dot(frame, s, v, VALUE, r=3) for s, v in values if v is not None]
    if series.projection is not None and series.last is not None:
        last, start = series.last, dict(values)[series.last] or 0.0
        body.append(
            _line(
                frame,
                [(last, start), (series.projection_slot, series.projection)],
                VALUE,
                ' stroke-width="1.5" stroke-dasharray="4 3" opacity="0.6"',
            )
        )
        body.append(_dot(frame, series.projection_slot, series.projection, VALUE, r=3.5, fill="#fff"))
    return _svg(f"0 0 300 {height}", trajectory_alt(item, lang, terms), body, "traj")


def _axes(frame: _Frame, series: Series, lang: str, terms: Mapping[str, Any], sign: str) -> list[str]:
    """Grid lines with their values (``sign`` after each: "%" on a percent axis, nothing on a
    count's), and the slots named: the baseline year, then each quarter; two years drawn,
    each quarter (I … IV) and under them its year."""
    ticks = series.ticks
    decimals = 0 if all(t == int(t) for t in ticks) else 1
    body = [
        f'<line x1="{frame.x(series.first)}" x2="{frame.x(series.slots)}" y1="{frame.y(t)}" y2="{frame.y(t)}" '
        f'stroke="#e3e6ea" stroke-width="1"/>'
        f'<text x="{_f(frame.left - 6)}" y="{frame.y(t)}" dy="3.5" text-anchor="end">'
        f"{escape(number(t, lang, decimals))}{sign}</text>"
        for t in ticks
    ]
    body += [
        f'<text x="{frame.x(slot)}" y="146" text-anchor="middle">{escape(name)}</text>'
        for slot, name in series.slot_names(lang, terms["baseline_year"])
    ]
    body += [
        f'<text x="{frame.x(slot)}" y="159" text-anchor="middle" font-weight="600">{escape(name)}</text>'
        for slot, name in series.year_names()
    ]
    return [f'<g font-size="11" fill="#555">{"".join(body)}</g>']


def legend_samples() -> dict[str, str]:
    """A small sample of each line of :func:`trajectory`, keyed by the label that names it."""
    line = '<line x1="2" x2="26" y1="6" y2="6" stroke="{}" {}/>'
    samples = {
        "value": line.format(VALUE, LINES["value"]) + f'<circle cx="14" cy="6" r="3" fill="{VALUE}"/>',
        "expected": line.format(EXPECTED, LINES["expected"]),
        "target": line.format(TARGET, LINES["target"]),
        "projection": f'<circle cx="14" cy="6" r="3.5" fill="#fff" stroke="{VALUE}"/>',
    }
    return {key: f'<svg width="28" height="12" aria-hidden="true">{body}</svg>' for key, body in samples.items()}
