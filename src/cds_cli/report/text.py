"""Cell texts shared by the text-based report formats (HTML and Markdown), and the charts'
text alternatives (the HTML figures and the Word report's pictures)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ..periods import Period
from ..status import lowest_first
from ..text import safe_cell
from ..view import AgencyRates, IndexRow, IndicatorRow, PillarRow, ReportView
from ..words.labels import (
    baseline_text,
    index_text,
    label,
    number,
    quarters_text,
    share_text,
    target_by_text,
    target_text,
    value_text,
)


def quarter_headers(view: ReportView, lang: str, quarter: Callable[[Period], str] = str) -> list[str]:
    """The headings of an indicator table by quarter; ``quarter`` words a quarter (default: 2023-Q1)."""
    terms = view.plan.terms
    return [
        label("id", lang),
        label("indicator", lang),
        label("baseline", lang, **terms),
        label("target", lang, **terms),
        *last_year_headers(view, lang),
        *map(quarter, view.quarters),
        label("attainment", lang),
        label("status", lang),
        label("gap", lang),
    ]


def last_year_headers(view: ReportView, lang: str) -> list[str]:
    """The heading of the column of the same quarter a year earlier ("Cùng kỳ quý II/2023"),
    when the inputs have that year's rows; else none."""
    if view.last_year is None:
        return []
    return [label("same_quarter_last_year", lang, quarter=quarters_text([view.last_year], lang))]


def cells_for_indicator(item: IndicatorRow, view: ReportView, lang: str) -> list[str]:
    gap = item.gap
    gap_text = "" if gap is None else label(gap, lang) if isinstance(gap, str) else value_text(item, gap, lang)
    return [
        item.id,
        item.name(lang),
        baseline_text(item.baseline, item.baseline_qualifier, lang),
        target_by_text(item, view.period.year, lang),
        *([value_text(item, item.earlier.get(view.last_year), lang)] if view.last_year else []),
        *(value_text(item, item.quarters[q], lang) for q in view.quarters),
        number(item.attainment, lang),
        label(item.status, lang),
        gap_text,
    ]


# ---- a ministry's agencies


def listed_agencies(view: ReportView) -> list[AgencyRates]:
    """Every agency in the plan's order; past :data:`~cds_cli.status.LONG_LIST`, the lowest
    reporting rates in the period covered first (then over the year; none due counts as
    highest), no more than the limit."""

    def lowest(agency: AgencyRates) -> tuple[float, float]:
        year = [rate for rate in agency.rates.values() if rate is not None]
        latest = agency.rates.get(view.period)
        return (2.0 if latest is None else latest, sum(year) / len(year) if year else 2.0)

    return lowest_first(view.agencies, lowest)


def agencies_left_out_text(view: ReportView, shown: Sequence[AgencyRates], lang: str) -> str:
    """What a shortened table of agencies left out, and where every agency is ("" if none)."""
    if len(shown) == len(view.agencies):
        return ""
    return label(
        "agencies_left_out",
        lang,
        shown=number(len(shown), lang, 0),
        total=number(len(view.agencies), lang, 0),
        period=quarters_text([view.period], lang),
        sheet=label("sheet.agencies", lang),
    )


# ---- text alternatives of the charts (HTML figures, and the Word report's pictures)


def values_text(item: IndicatorRow, lang: str, terms: Mapping[str, object] | None = None) -> str:
    """The quarterly values of an indicator in figures ("quý I/2023 62,00 · quý II/2023 64,00"),
    led by the baseline when the plan states one and ``terms`` names its year."""
    pairs = [(quarters_text([q], lang), value_text(item, value, lang)) for q, value in item.quarters.items()]
    if terms is not None and item.baseline is not None:
        pairs.insert(0, (label("baseline", lang, **terms), baseline_text(item.baseline, item.baseline_qualifier, lang)))
    return " · ".join(f"{when} {value}" for when, value in pairs)


def trend_alt(item: IndicatorRow, lang: str) -> str:
    """A sparkline in words: the short name, the quarters' values, the target."""
    return label(
        "alt.trend", lang, name=item.short_name(lang), values=values_text(item, lang), target=target_text(item, lang)
    )


def attainment_alt(pillar: PillarRow, lang: str) -> str:
    """The attainment bar chart of a pillar in words: each indicator's attainment and status."""
    items = "; ".join(
        f"{item.short_name(lang)} {_percent(item.attainment, lang)} ({label(item.status, lang)})"
        for item in pillar.indicators
    )
    return label("alt.attainment", lang, pillar=pillar.name(lang), items=items)


def trajectory_alt(item: IndicatorRow, lang: str, terms: Mapping[str, object]) -> str:
    """A trajectory chart in words: baseline, quarterly values, target and any projection."""
    projection = item.projection
    tail = label("alt.projection", lang, value=number(projection.value, lang)) if projection else ""
    return label(
        "alt.trajectory",
        lang,
        name=item.short_name(lang),
        values=values_text(item, lang, terms),
        target=target_text(item, lang),
        projection=tail,
    )


def completeness_alt(view: ReportView, lang: str) -> str:
    """The reporting heat map in words: how many agencies, and the province's rate per quarter."""
    overall = " · ".join(
        f"{quarters_text([q], lang)} {share_text(view.completeness.get(q), lang)}" for q in view.quarters
    )
    return label("alt.completeness", lang, count=len(view.agencies), values=overall)


def _percent(value: float | None, lang: str) -> str:
    return "—" if value is None else f"{number(value, lang)}%"


def pillar_scores_markdown(pillars: Iterable[PillarRow], index: IndexRow, lang: str) -> str:
    """The pillars' scores, data coverage and reporting rate, the index last in bold (with
    its provisional mark): the table of `cds score --format markdown` and of the report."""
    rows: list[list[object]] = [
        [p.name(lang), number(p.score, lang), share_text(p.coverage, lang), share_text(p.reporting_rate, lang)]
        for p in pillars
    ]
    rows.append(
        [
            f"**{label('index', lang)}**",
            f"**{index_text(index, lang)}**",
            share_text(index.coverage, lang),
            share_text(index.reporting_rate, lang),
        ]
    )
    return markdown_table([label(k, lang) for k in ("pillar", "score", "coverage", "reporting_rate")], rows)


def markdown_table(headers: list[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown (GitHub) table; cells escaped (``|``, line breaks) and neutralised for spreadsheets."""

    def cell(value: Any) -> str:
        return str(safe_cell(value)).replace("|", "\\|").replace("\n", " ")

    texts = [[cell(c) for c in row] for row in rows]
    rule = ["---:" if _figures(column) else "---" for column in zip(*texts, strict=False)] or ["---"] * len(headers)
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(rule + ["---"] * (len(headers) - len(rule))) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in texts])


_FIGURE = re.compile(r"[-−+≥≤<>]?\s*\d")  # a number, a share or a target: right-aligned, as figures are


def _figures(column: tuple[str, ...]) -> bool:
    """Whether a column holds figures (a dash or blank for none), so it aligns right."""
    filled = [c.strip("*") for c in column if c not in ("", "—")]
    return bool(filled) and all(_FIGURE.match(c) for c in filled)
