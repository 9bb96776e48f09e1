"""Values worded for people: numbers in each language's style, dates, targets, shares.

The words themselves live in :mod:`cds_cli.words.messages`; ids, codes, statuses and JSON keys
never change with the language.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Protocol

from ..periods import Period, parse_period, roman
from .messages import LANGS, text

# What each wording needs of a value, as protocols: the words sit below the view
# (:mod:`cds_cli.view`, whose rows fit them) and below the findings, which word their values too.


class Targeted(Protocol):
    """Anything with a target: the plan's indicator, or its row in a view."""

    @property
    def unit(self) -> str: ...
    @property
    def comparator(self) -> str: ...
    @property
    def target(self) -> float | str: ...


class Projected(Protocol):
    @property
    def value(self) -> float: ...
    @property
    def capped(self) -> bool: ...


class Indexed(Protocol):
    @property
    def score(self) -> float | None: ...
    @property
    def provisional(self) -> bool: ...


class Reports(Protocol):
    @property
    def expected(self) -> int: ...
    @property
    def received(self) -> int: ...
    @property
    def rate(self) -> float | None: ...


class _Started(Protocol):
    @property
    def period(self) -> Period: ...


class Expecting(Protocol):
    @property
    def provisional_baseline(self) -> _Started | None: ...


class _Computed(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def period(self) -> Period | None: ...
    @property
    def reporting_rate(self) -> float | None: ...


class Sourced(Protocol):
    @property
    def baseline_source(self) -> _Computed | None: ...


__all__ = ["LANGS", "date_text", "label", "number", "reporting_text", "share_text", "shown", "target_text"]


def label(key: str, lang: str, /, **values: object) -> str:
    """A label, heading or sentence of the catalogue (:mod:`cds_cli.words.messages`) in ``lang``."""
    return text(key, lang, **values)


def plan_number_text(number: str | None, lang: str) -> str:
    """A plan's number as people read it; one not yet set says so (never last year's)."""
    return number or label("plan_number_unset", lang)


def date_text(iso: str | None, lang: str) -> str:
    """``2023-04-05`` as ``05/4/2023`` (the plan's own style; Nghị định 30 pads days below
    10 and the months January and February) or ``5 April 2023``."""
    if not iso:
        return ""
    year, month, day = (int(part) for part in iso.split("-"))
    return text(
        "date.short",
        lang,
        day=day,
        dd=f"{day:02d}",
        mm=f"{month:02d}" if month < 3 else str(month),
        year=year,
        month_name=text(f"month.{month}", lang),
    )


def _quarter_parts(period: str | Period) -> dict[str, object]:
    parsed = period if isinstance(period, Period) else Period.parse(period)
    return {"year": parsed.year, "n": parsed.quarter, "roman": roman(parsed.quarter)}


def quarter_name(period: str | Period | int, lang: str) -> str:
    """A quarter as a column heading: "Quý III", "Q3" (the year stands in the title); an
    int is a quarter of the plan year (a chart's slots)."""
    if isinstance(period, int):
        return label("quarter", lang, n=period, roman=roman(period))
    return label("quarter", lang, **_quarter_parts(period))


def quarters_text(periods: list[str] | list[Period], lang: str) -> str:
    """Quarters as people write them in prose: "quý IV/2023", "quý I, II, III và IV năm 2023"
    ("Q4 2023", "Q1, Q2, Q3 and Q4 2023"), never ``2023-Q4``."""
    if len(periods) == 1:
        return label("quarter_prose", lang, **_quarter_parts(periods[0]))
    items = [label("quarter_prose_item", lang, **_quarter_parts(period)) for period in periods]
    listed = f"{', '.join(items[:-1])} {label('and', lang)} {items[-1]}"
    return label("quarters_prose", lang, quarters=listed, year=_quarter_parts(periods[-1])["year"])


def shown(value: float | str | None, lang: str) -> str:
    """A value for people: a number in the language's style, a milestone status, or '—'."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return label(value, lang)
    return number(value, lang)


def baseline_text(value: float | str | None, qualifier: str | None, lang: str) -> str:
    """A baseline in the plan's words: its hedge and the figure as the plan writes it
    ("khoảng 98"), never with decimals the plan did not give ("khoảng 98,00")."""
    if not isinstance(value, float | int):
        return shown(value, lang)
    words = figure(float(value), lang)
    return f"{label(qualifier, lang)} {words}" if qualifier else words


def due_text(due: str, plan_year: int, lang: str) -> str:
    """A due quarter as people read it: within the plan year, the quarter ("quý IV/2023");
    after it, the end of that year or quarter ("đến hết năm 2025", "by the end of Q2 2026")."""
    period = parse_period(due)
    if period is None:
        return due
    if period.year <= plan_year:
        return quarters_text([period], lang)
    if period.quarter == 4:
        return label("due_by_year_end", lang, year=period.year)
    return label("due_by_quarter_end", lang, **_quarter_parts(period))


COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}


class _Due(Protocol):
    @property
    def due(self) -> str: ...


class DueTargeted(Targeted, _Due, Protocol):
    """An indicator (or its row) with a target and its due quarter."""


def target_by_text(item: DueTargeted, year: int, lang: str) -> str:
    """A target with its due date when that lies beyond ``year`` (the year a table is of): a
    programme's "≥ 90 đến hết năm 2025" in a 2024 report; within the year, the target alone."""
    due = parse_period(item.due)
    if due is None or due.year <= year:
        return target_text(item, lang)
    return f"{target_text(item, lang)} {due_text(item.due, year, lang)}"


def target_text(item: Targeted, lang: str) -> str:
    """An indicator's target as the plan writes it: "≥ 30", "> 7,5", or the milestone's "done"."""
    if item.unit == "milestone":
        return label("done", lang)
    return f"{COMPARATOR_SIGNS[item.comparator]} {figure(float(item.target), lang)}"


def value_text(item: Targeted, value: float | str | None, lang: str) -> str:
    """A value of an indicator: a count as the whole number it is ("1.202"), a percent with
    its two decimals ("62,50"), a milestone's state in words."""
    if item.unit == "count" and isinstance(value, float | int):
        return figure(float(value), lang)
    return shown(value, lang)


def table_units(items: Iterable[Targeted]) -> set[str]:
    """The units of a table's figures (a milestone's state has none)."""
    return {item.unit for item in items} - {"milestone"}


def unit_line(items: Iterable[Targeted], lang: str) -> str:
    """The unit stated above a table, as official tables do: "Đơn vị tính: %"; for counts
    alone "… số lượng"; for percents and counts together, % except the counts, whose unit
    follows their name (:func:`name_with_unit`)."""
    units = table_units(items)
    key = "unit_line_count" if units == {"count"} else "unit_line_mixed" if len(units) > 1 else "unit_line"
    return label(key, lang)


def name_with_unit(item: Targeted, name: str, items: Iterable[Targeted], lang: str) -> str:
    """An indicator's name in a table: with its unit after it when the table's unit line
    does not cover it (a count among percents)."""
    if item.unit == "count" and len(table_units(items)) > 1:
        return label("name_with_unit", lang, name=name, unit=label("unit.count", lang))
    return name


def gap_header(items: Iterable[Targeted], lang: str, key: str = "gap_points") -> str:
    """The gap column's heading: in percentage points when every figure is a percent, else
    plain (a count's gap is a number of things, a percent's in points of the unit line)."""
    return label(key if table_units(items) <= {"percent"} else "gap", lang)


def figure(value: float, lang: str) -> str:
    """A figure as the plan writes it: no decimals it does not have (30, 7,5, 16,87)."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"
    return localised(text, lang)


def share_text(share: float | None, lang: str, decimals: int = 0) -> str:
    """A share 0–1 (coverage, reporting rate) as a percent: "96%", or '—'."""
    return "—" if share is None else f"{number(100 * share, lang, decimals)}%"


def status_counts_text(counts: Mapping[str, int], statuses: Iterable[str], lang: str) -> str:
    """How many indicators have each status the period can give ("Đạt 12 · Không đạt 9 ·
    Chưa có số liệu 8"): a year-end line never names a status only a year in course has."""
    parts = [label("status_count", lang, status=label(s, lang), count=counts.get(s, 0)) for s in statuses]
    line = " · ".join(parts)
    return line[:1].upper() + line[1:]


PROVISIONAL_MARK = "*"  # beside an expected value whose path starts at a provisional baseline


def provisional_note(items: Iterable[Expecting], baseline_year: object, lang: str) -> str | None:
    """Where an expected value rests on a provisional baseline, the words that say so
    (a table puts :data:`PROVISIONAL_MARK` before them, and beside each such value)."""
    quarters = sorted({item.provisional_baseline.period for item in items if item.provisional_baseline})
    if not quarters:
        return None
    return label("provisional_baseline_note", lang, quarters=quarters_text(quarters, lang), baseline_year=baseline_year)


def baseline_source_note(items: Iterable[Sourced], baseline_year: object, lang: str) -> str | None:
    """Where baselines computed from reports come from, in one sentence: the quarter and how
    many of its reports had come in ("Số liệu năm 2023 tính từ báo cáo quý IV/2023, khi đã
    nhận 80% báo cáo"); None when every baseline is the plan's own figure."""
    sources = {
        (s.period, s.reporting_rate) for s in (item.baseline_source for item in items) if s and s.kind == "results"
    }
    if not sources:
        return None
    parts = [
        label(
            "baseline_source_part",
            lang,
            quarter=quarters_text([period], lang) if period else "—",
            rate="—" if rate is None else number(100 * rate, lang, 0),
        )
        for period, rate in sorted(sources, key=lambda pair: str(pair[0]))
    ]
    return label("baseline_source_note", lang, baseline_year=baseline_year, sources="; ".join(parts))


def projection_text(projection: Projected, lang: str) -> str:
    """A projected value, saying so when the line was held at the bounds of a percent."""
    value = number(projection.value, lang)
    return label("projection_capped", lang, value=value) if projection.capped else value


def index_text(index: Indexed, lang: str) -> str:
    """The index with its standing: "91,52 (tạm tính)" when it rests on too few reports."""
    score = number(index.score, lang)
    return f"{score} ({label('provisional_mark', lang)})" if index.provisional else score


def provisional_index_text(index: Indexed, reporting: Reports, lang: str) -> str | None:
    """Why the index is provisional, in one sentence; None when it is not."""
    if not index.provisional:
        return None
    return label(
        "provisional_index",
        lang,
        received=reporting.received,
        expected=reporting.expected,
        rate="—" if reporting.rate is None else number(100 * reporting.rate, lang, 0),
    )


def reporting_text(reporting: Reports, period: Period | None, lang: str) -> str:
    """The reporting-rate summary line: received / expected reports for the period."""
    return label(
        "reporting_line",
        lang,
        period=quarters_text([period], lang) if period else label("no_period", lang),
        received=reporting.received,
        expected=reporting.expected,
        rate="—" if reporting.rate is None else number(100 * reporting.rate, lang, 0),
    )


def number(value: float | None, lang: str, decimals: int = 2) -> str:
    """A number for people: ``91,67`` in Vietnamese, ``91.67`` in English; '—' for none."""
    if value is None:
        return "—"
    return localised(f"{value:,.{decimals}f}", lang)


def localised(figure: str, lang: str) -> str:
    """A figure written the English way (``1,234.5``) in the marks of ``lang``
    (Vietnamese: ``.`` groups thousands, ``,`` is the decimal mark)."""
    group, decimal = _marks(lang)
    return figure.replace(",", "\0").replace(".", decimal).replace("\0", group)


@functools.cache
def _marks(lang: str) -> tuple[str, str]:
    """The thousands and decimal marks of ``lang``, looked up once (a million rows' findings
    word thousands of figures)."""
    return text("number.group", lang), text("number.decimal", lang)
