"""The report as Markdown: the same content as text tables, for pipelines and git diffs."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..periods import roman
from ..view import ReportView
from ..words.labels import (
    baseline_source_note,
    date_text,
    gap_header,
    label,
    name_with_unit,
    plan_number_text,
    projection_text,
    provisional_index_text,
    quarter_name,
    quarters_text,
    reporting_text,
    share_text,
    status_counts_text,
    target_text,
    unit_line,
    value_text,
)
from .text import cells_for_indicator, markdown_table, pillar_scores_markdown, quarter_headers


def _table(headers: list[str], rows: Sequence[Sequence[object]]) -> list[str]:
    return [markdown_table(headers, rows), ""]


def render_markdown(view: ReportView, lang: str) -> bytes:
    section = map(roman, itertools.count(1))
    out = _head(view, lang) + _summary(view, lang, next(section)) + _pillars(view, lang, next(section))
    if view.projected:
        out += _projection(view, lang, next(section))
    out += _completeness(view, lang, next(section)) + _annex(view, lang)
    return "\n".join(out).encode("utf-8")


def _head(view: ReportView, lang: str) -> list[str]:
    info = view.plan.info
    basis = label(
        "report_basis",
        lang,
        number=plan_number_text(info.number, lang),
        date=date_text(info.date, lang),
        issuer=info.issuer(lang),
    )
    period = label("report_period", lang, quarters=quarters_text(list(view.quarters), lang))
    return [
        f"# {label('report_title', lang, **view.plan.terms)}",
        "",
        basis + "  ",
        period + ("  " if view.date else ""),
        *([date_text(view.date, lang)] if view.date else []),
        "",
    ]


def _summary(view: ReportView, lang: str, roman: str) -> list[str]:
    card = view.card
    warning = provisional_index_text(card.index, card.reporting, lang)
    return [
        f"## {roman}. {label('section_summary', lang)}",
        "",
        pillar_scores_markdown(card.pillars, card.index, lang),
        "",
        status_counts_text(card.summary, card.statuses, lang),
        "",
        reporting_text(card.reporting, view.period, lang),
        "",
        *([warning, ""] if warning else []),
    ]


def _pillars(view: ReportView, lang: str, roman: str) -> list[str]:
    """Each pillar's table: indicators by name (ids are for scripts: XLSX, JSON), in % with
    gaps in percentage points, the unit stated above the table as official tables do (a
    count among percents names its unit after its name)."""
    out = [f"## {roman}. {label('section_pillars', lang)}", ""]
    source = baseline_source_note(view.card.indicators, view.plan.baseline_year, lang)
    out += [f"_{source}_", ""] if source else []
    headers = quarter_headers(view, lang, lambda q: quarter_name(q, lang))[1:]
    for n, pillar in enumerate(view.card.pillars, start=1):
        items = pillar.indicators
        rows = [
            [name_with_unit(item, name, items, lang), *rest]
            for item in items
            for name, *rest in [cells_for_indicator(item, view, lang)[1:]]
        ]
        headers[-1] = gap_header(items, lang)
        out += [f"### {n}. {pillar.name(lang)}", "", f"_{unit_line(items, lang)}_", "", *_table(headers, rows)]
    return out


def _projection(view: ReportView, lang: str, roman: str) -> list[str]:
    terms = view.plan.terms
    headers = [label(k, lang, **terms) for k in ("indicator", "value", "target", "projection", "likely_met")]
    rows = [
        [
            name_with_unit(i, i.short_name(lang), view.projected, lang),
            value_text(i, i.value if isinstance(i.value, float) else None, lang),
            target_text(i, lang),
            projection_text(i.projection, lang),
            label("yes" if i.projection.likely_met else "no", lang),
        ]
        for i in view.projected
        if i.projection
    ]
    note = f"_{label('projection_method_text', lang, **terms)}_"
    units = f"_{unit_line(view.projected, lang)}_"
    return [f"## {roman}. {label('section_projection', lang)}", "", note, "", units, "", *_table(headers, rows)]


def _completeness(view: ReportView, lang: str, roman: str) -> list[str]:
    quarters = view.quarters
    rows = [[a.agency.name(lang), *(share_text(a.rates.get(q), lang) for q in quarters)] for a in view.agencies]
    rows.append([label("province", lang), *(share_text(view.completeness.get(q), lang) for q in quarters)])
    return [
        f"## {roman}. {label('section_completeness', lang)}",
        "",
        *_table([label("agency", lang), *(quarter_name(q, lang) for q in quarters)], rows),
    ]


def _annex(view: ReportView, lang: str) -> list[str]:
    # findings in words; codes and hashes are for scripts (XLSX, JSON)
    files = [[f.file, f.rows.read, f.rows.accepted, f.rows.rejected, f.rows.blank] for f in view.files]
    problems = [[label(f"problem.{c.code}", lang), label(c.severity, lang), c.count] for c in view.findings_by_code]
    return [
        f"## {label('section_annex', lang)}",
        "",
        *_table([label(k, lang) for k in ("file", "read", "accepted", "rejected", "blank")], files),
        *_table([label(k, lang) for k in ("problem", "severity", "count")], problems),
        f"_{label('generated_by', lang, version=view.version)}_",
        "",
    ]
