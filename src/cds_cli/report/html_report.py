"""The report as one self-contained HTML page, the page a provincial leader opens.

A summary band first (the index, the four pillars with their coverage, indicators per status,
the reporting rate), then one table per pillar: the indicator's short name first (its id small
underneath, the plan's full wording a click away), the quarters, a sparkline against the
target and the status as a coloured chip that also says its word.  Charts are inline SVG or
plain HTML, each with a text alternative.  No network, no script; readable from a phone to a
wide screen with no table cut or scrolled sideways (each table hides its least important
columns as its box narrows, :func:`_fit_rules`; on a phone an indicator's row becomes a card),
and printable on A4 (the name 6 cm wide, headers repeated, rows not split, no screen hints).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from ..periods import Period, roman
from ..submissions.validate import FileSummary
from ..view import IndexRow, IndicatorRow, PillarRow, Reporting, ReportView
from ..words.labels import (
    baseline_source_note,
    date_text,
    figure,
    gap_header,
    index_text,
    label,
    name_with_unit,
    number,
    plan_number_text,
    projection_text,
    provisional_index_text,
    provisional_note,
    quarter_name,
    quarters_text,
    share_text,
    unit_line,
    value_text,
)
from .svg import legend_samples, sparkline, trajectory
from .text import agencies_left_out_text, cells_for_indicator, last_year_headers, listed_agencies, quarter_headers


@dataclass(frozen=True)
class Column:
    """A column of a table: its heading, the class of its cells, and, in a table of fixed
    widths (``ind``, ``heat``), its width in rem (0: the room left, the name's) and its
    place in the order columns are hidden on a narrow screen (0: always shown; the highest
    goes first, as in the terminal's tables)."""

    heading: str
    css: str = ""
    col: str = ""
    width: float = 0.0
    drop: int = 0


HEAT = (0.9, 0.5)  # reporting rate: green from 90%, amber from 50%, red below
# Indicator tables: each figure column's width (rem), and the room the name keeps beside
# them before a column is hidden; the phone layout (cards) starts below PHONE rem.
IND_WIDTHS = {"baseline": 5.6, "target": 5.2, "quarter": 4.7, "trend": 7.2, "att": 5.6, "status": 8.8, "gap": 5.4}
IND_NAME = 14.0
HEAT_QUARTER, HEAT_NAME = 4.4, 11.0  # the heat map: a quarter's width, the agency's room
PHONE = 40.0
STYLE = """
:root { --ink: #1c2430; --muted: #5b6573; --line: #dde2e8; --head: #f2f5f8; --accent: #0b4f8a; color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font-size: 15px; line-height: 1.45;
       font-family: "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
main { max-width: 80rem; margin: 0 auto; padding: 1.5rem 1.5rem 2.5rem; }
.masthead { border-bottom: 3px solid var(--accent); padding-bottom: .7rem; }
.issuer { margin: 0; color: var(--accent); font-size: .8rem; font-weight: 600; letter-spacing: .04em;
  text-transform: uppercase; }
.issuer .department { display: block; font-weight: 700; }
h1 { font-size: 1.65rem; line-height: 1.25; margin: .25rem 0 .35rem; }
.meta { margin: 0; color: var(--muted); font-size: .9rem; }
.toc { margin: .6rem 0 0; font-size: .85rem; display: flex; flex-wrap: wrap; gap: .2rem 1.1rem; }
.toc a { color: var(--accent); text-decoration: none; }
h2 { font-size: 1.25rem; color: var(--accent); margin: 2rem 0 .7rem; padding-bottom: .25rem;
  border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .3rem; display: flex; flex-wrap: wrap; align-items: baseline;
  gap: .1rem 1rem; }
h3 .facts { font-size: .85rem; font-weight: 400; color: var(--muted); }
.note { color: var(--muted); font-size: .85rem; margin: .3rem 0 .6rem; }
.note.warn { color: #7a4a00; font-weight: 600; }
.projection { font-style: italic; }
/* summary band */
.band { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: .75rem; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .65rem .85rem; display: flex;
  flex-direction: column; }
.card .big { margin-top: auto; }
.card .label { font-size: .85rem; font-weight: 600; line-height: 1.3; }
.card .big { font-size: 1.9rem; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums;
  padding-top: .15rem; }
.card .sub { font-size: .8rem; color: var(--muted); }
.card.index { background: var(--accent); border-color: var(--accent); color: #fff; }
.card.index .sub { color: #d6e4f2; }
.card.status { grid-column: span 3; } .card.reporting { grid-column: span 2; }
.meter { height: 6px; border-radius: 3px; background: #e6eaee; margin-top: .45rem; overflow: hidden; }
.meter span { display: block; height: 100%; background: var(--accent); }
.card.index .meter { background: #3f78ad; } .card.index .meter span { background: #fff; }
.stack { display: flex; height: 12px; border-radius: 6px; overflow: hidden; margin: .55rem 0 .6rem; }
.chips { display: flex; flex-wrap: wrap; gap: .35rem .4rem; }
/* status: a chip with its word, colour only as a second cue */
.chip { display: inline-block; padding: .05rem .6rem .1rem; border-radius: 999px; border: 1px solid;
        font-size: .8rem; font-weight: 600; white-space: nowrap; }
.chip::before { content: ""; display: inline-block; width: .55em; height: .55em; border-radius: 50%;
                background: currentColor; margin-right: .4em; vertical-align: .05em; }
.chip b { font-variant-numeric: tabular-nums; margin-left: .3em; }
td .chip { white-space: normal; }  /* a long status word (at risk, in Vietnamese) wraps inside its cell */
.s-achieved { color: #1b5e20; background: #e4f2e5; border-color: #b5d9b8; }
.s-on_track { color: #2f6b32; background: #eef7ee; border-color: #c8e3c9; }
.s-at_risk { color: #7a4a00; background: #fff3d1; border-color: #f0d48a; }
.s-off_track { color: #a31515; background: #fde6e6; border-color: #f1b4b4; }
.s-not_achieved { color: #8e1212; background: #f9dcdc; border-color: #e59b9b; }
.s-no_data { color: #555; background: #f0f0f0; border-color: #d4d4d4; }
.f-achieved { background: #2e7d32; } .f-on_track { background: #66bb6a; } .f-at_risk { background: #f9a825; }
.f-off_track { background: #c62828; } .f-not_achieved { background: #8e1212; } .f-no_data { background: #bdbdbd; }
/* tables: each in its own box, which is the container its column rules measure (the least
   important columns are hidden as it narrows; it scrolls sideways only as a last resort) */
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; margin: .4rem 0 1rem;
  container-type: inline-size; }
.unit { margin: .4rem 0 -.2rem; text-align: right; font-size: .8rem; font-style: italic; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { padding: .4rem .55rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: middle; }
tbody tr:last-child td { border-bottom: 0; }
thead th { background: var(--head); font-size: .8rem; font-weight: 600; vertical-align: bottom; }
.num { text-align: right; font-variant-numeric: tabular-nums; } td.num { white-space: nowrap; }
.path { overflow-wrap: anywhere; } th.path, td.path { min-width: 9rem; }
.text { min-width: 15rem; }
table.ind, table.heat { table-layout: fixed; }
table.heat .text { min-width: 0; }  /* the columns' widths on a screen: _fitting() */
table.ind td.num, table.ind th { white-space: normal; } table.ind thead th { padding: .4rem; }
table.ind th.q, th.q { white-space: nowrap; }
td.name, th.name { position: sticky; left: 0; background: #fff; box-shadow: 1px 0 0 var(--line); }
th.name { background: var(--head); z-index: 1; }
td.name summary, td.name .short { list-style: none; cursor: pointer; font-weight: 600; }
td.name .short { cursor: auto; }
td.name summary::-webkit-details-marker { display: none; }
td.name .full { margin: .2rem 0 0; font-size: .8rem; color: var(--muted); }
.id.inline { display: inline; margin-left: .4em; }
.id { display: block; font-size: .72rem; color: var(--muted); font-family: "DejaVu Sans Mono", Consolas, monospace;
      overflow-wrap: anywhere; }
td.trend { padding-top: .2rem; padding-bottom: .2rem; } svg.spark { display: block; }
tr.total td { font-weight: 700; background: var(--head); }
td.h-high { background: #e4f2e5; } td.h-mid { background: #fff3d1; } td.h-low { background: #fde6e6; }
td.h-none { color: var(--muted); }
code { font-size: .78rem; overflow-wrap: anywhere; }
/* attainment bars: names as text, a dashed line at 100% */
.bars { margin: .3rem 0 1.4rem; }
.bars figcaption { font-size: .9rem; font-weight: 600; margin-bottom: .35rem; }
.bar-row { display: grid; grid-template-columns: minmax(15rem, 24rem) minmax(8rem, 1fr) 11rem; gap: .2rem .8rem;
           align-items: center; font-size: .85rem; padding: .12rem 0; }
.track { position: relative; height: 14px; background: #f3f5f7; }
.bar { position: absolute; left: 0; top: 0; bottom: 0; }
.goal { position: absolute; top: -4px; bottom: -4px; border-left: 2px dashed #333; }
.bar-value { font-variant-numeric: tabular-nums; }  /* the figure, then the status word (on its own line when long) */
.bar-value .word { color: var(--muted); white-space: nowrap; }
/* trajectories: small multiples with one legend */
.legend { display: flex; flex-wrap: wrap; gap: .2rem 1.3rem; font-size: .85rem; color: var(--muted);
  margin: .2rem 0 .8rem; }
.legend svg { vertical-align: middle; margin-right: .35rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(16.5rem, 1fr)); gap: 1rem 1.3rem; }
.traj-fig { margin: 0; }
.traj-fig figcaption { font-size: .85rem; font-weight: 600; line-height: 1.3; }
svg.traj { display: block; width: 100%; height: auto; }
.two { display: grid; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); gap: 0 1.5rem; align-items: start; }
.inputs { font-size: .8rem; padding-left: 1.2rem; }
footer { margin-top: 2rem; }
@media screen and (max-width: 64rem) {
  main { padding: 1.2rem 1rem 2rem; }
  .band { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .card.index, .card.status, .card.reporting { grid-column: 1 / -1; }
}
@media screen and (max-width: 40rem) {
  body { font-size: 14px; } main { padding: 1rem .9rem 2rem; } h1 { font-size: 1.3rem; }
  .text { min-width: 11rem; }
  /* each indicator row becomes a card: the name, then its figures under their headings */
  table.cards, table.cards tbody { display: block; min-width: 0; }
  .scroll.cards-box { border: 0; overflow: visible; }
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.cards tr { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: .4rem .6rem;
                   padding: .6rem .7rem; border: 1px solid var(--line); border-radius: 6px; margin-bottom: .5rem; }
  table.cards td { display: block; padding: 0; border: 0; text-align: left; white-space: normal; order: 2; }
  table.cards td::before { content: attr(data-label); display: block; font-size: .72rem; color: var(--muted); }
  table.cards td.text { grid-column: 1 / -1; position: static; box-shadow: none; order: 0; }
  table.cards td.text::before { content: none; }
  table.cards td:empty { display: none; }
  table.cards td.status, table.cards td.trend { grid-column: span 2; }
  table.cards td.status, table.cards td.att, table.cards td.gap { order: 1; }
  .two { grid-template-columns: minmax(0, 1fr); }
  .bar-row { grid-template-columns: minmax(0, 1fr) auto; grid-template-areas: "name name" "track value"; }
  .bar-name { grid-area: name; } .bar-value { grid-area: value; } .track { grid-area: track; }
}
/* paper: A4 portrait, every figure (no sparkline), the name 6 cm wide, headings kept with what follows */
@page { size: A4; margin: 1.4cm 1cm 1.4cm 1.2cm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 9pt; line-height: 1.3; } main { max-width: none; padding: 0; }
  .toc, .screen, .trend { display: none; }
  h2 { margin: 1rem 0 .4rem; } h3 { margin: .8rem 0 .2rem; }
  .scroll { overflow: visible; border: 0; border-radius: 0; margin: .2rem 0 .5rem; container-type: normal; }
  td.name, th.name { position: static; box-shadow: none; }
  .text { min-width: 0; }
  table { font-size: 7.5pt; } th, td { padding: .15rem .25rem; } thead th { font-size: 6.5pt; }
  table.ind { width: 100%; font-size: 7pt; } table.ind td.num { padding-left: .15rem; padding-right: .15rem; }
  table.ind col.c-baseline { width: 12mm; } table.ind col.c-target { width: 13mm; }
  table.ind col.c-quarter { width: 13mm; } table.ind col.c-att { width: 18mm; }  /* "Attainment" whole */
  table.ind col.c-status { width: 19mm; } table.ind col.c-gap { width: 14mm; }
  table.ind th.q { white-space: normal; }  /* the year, then the quarter under it */
  table.ind col.c-trend { display: none; }
  table.heat col.c-quarter { width: 14mm; }
  td.name .full { display: none; } .id { font-size: 6.5pt; }
  .chip { font-size: 7pt; padding: 0 .3rem; } .chip::before { margin-right: .25em; }
  h2, h3, .unit, figcaption, .legend { page-break-after: avoid; break-after: avoid; }
  tr, figure, .card, .bar-row { page-break-inside: avoid; break-inside: avoid; }
  thead { display: table-header-group; }
  .band { grid-template-columns: repeat(5, minmax(0, 1fr)); gap: .4rem; } .card { padding: .4rem .5rem; }
  .card .big { font-size: 1.25rem; }
  .bars { margin: .2rem 0 .6rem; } .bar-row { font-size: 7.5pt; padding: 0; grid-template-columns: 60mm 1fr 32mm; }
  .grid { grid-template-columns: repeat(4, minmax(0, 1fr)); gap: .4rem .8rem; }
  .two { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 .8rem; }
}
"""


def render_html(view: ReportView, lang: str) -> bytes:
    sections = _sections(view, lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(label('report_title', lang, **view.plan.terms))}</title>",
        f"<style>{STYLE}{_fitting(view, lang)}</style>",
        "</head>",
        "<body>",
        "<main>",
        *_masthead(view, lang, sections),
        *(part for _, _, builder in sections for part in builder()),
        f'<footer class="note">{escape(label("generated_by", lang, version=view.version))}</footer>',
        "</main>",
        "</body>",
        "</html>",
    ]
    return ("\n".join(parts) + "\n").encode("utf-8")


Builder = Callable[[ReportView, str], list[str]]


def _sections(view: ReportView, lang: str) -> list[tuple[str, str, Callable[[], list[str]]]]:
    """(anchor, heading, builder) of each section, numbered I, II … (the annex is not numbered)."""
    plan: list[tuple[str, str, Builder]] = [
        ("summary", "section_summary", _summary),
        ("pillars", "section_pillars", _pillars),
        *([("projection", "section_projection", _projection)] if view.projected else []),
        ("trajectories", "chart_trajectory", _trajectories),
        ("completeness", "section_completeness", _completeness),
    ]
    numbered = [
        (anchor, f"{roman(k)}. {label(key, lang)}", builder) for k, (anchor, key, builder) in enumerate(plan, start=1)
    ]
    numbered.append(("annex", label("section_annex", lang), _annex))
    return [(anchor, heading, _bound(builder, view, lang, anchor, heading)) for anchor, heading, builder in numbered]


def _bound(builder: Builder, view: ReportView, lang: str, anchor: str, heading: str) -> Callable[[], list[str]]:
    first = ' class="first"' if anchor == "summary" else ""
    return lambda: [f'<h2 id="{anchor}"{first}>{escape(heading)}</h2>', *builder(view, lang)]


def _masthead(view: ReportView, lang: str, sections: list[tuple[str, str, Callable[[], list[str]]]]) -> list[str]:
    info = view.plan.info
    lines = [
        label(
            "report_basis",
            lang,
            number=plan_number_text(info.number, lang),
            date=date_text(info.date, lang),
            issuer=info.issuer(lang),
        ),
        label("report_period", lang, quarters=quarters_text(list(view.quarters), lang)),
        *([date_text(view.date, lang)] if view.date else []),
    ]
    links = "".join(f'<a href="#{anchor}">{escape(heading)}</a>' for anchor, heading, _ in sections)
    return [
        '<header class="masthead">',
        f'<p class="issuer">{escape(info.issuer(lang))}<span class="department">'
        f"{escape(label('html.department', lang))}</span></p>",
        f"<h1>{escape(label('report_title', lang, **view.plan.terms))}</h1>",
        f'<p class="meta">{"<br>".join(escape(line) for line in lines)}</p>',
        f'<nav class="toc" aria-label="{escape(label("html.contents", lang))}">{links}</nav>',
        "</header>",
    ]


# ---- I. the summary band


def _summary(view: ReportView, lang: str) -> list[str]:
    card = view.card
    index = card.index
    cards = [
        _card("index", label("index", lang), index_text(index, lang), _coverage_reporting(index, lang), index.coverage)
    ]
    cards += [
        _card("pillar", p.name(lang), number(p.score, lang), _coverage_reporting(p, lang), p.coverage)
        for p in card.pillars
    ]
    warning = provisional_index_text(index, card.reporting, lang)
    return [
        '<section class="band">',
        *cards,
        _status_card(card.summary, card.statuses, lang),
        _reporting_card(card.reporting, view.period, lang),
        "</section>",
        *([f'<p class="note warn">{escape(warning)}</p>'] if warning else []),
    ]


def _coverage_reporting(score: IndexRow | PillarRow, lang: str) -> str:
    """A score's footing: how much of it has data, and how many of its reports came in."""
    return label(
        "html.coverage_reporting",
        lang,
        coverage=share_text(score.coverage, lang),
        reporting=share_text(score.reporting_rate, lang),
    )


def _card(kind: str, title: str, big: str, sub: str, share: float | None) -> str:
    return (
        f'<div class="card {kind}"><div class="label">{escape(title)}</div><div class="big">{escape(big)}</div>'
        f'<div class="sub">{escape(sub)}</div>{_meter(share)}</div>'
    )


def _meter(share: float | None) -> str:
    width = 0 if share is None else max(0.0, min(1.0, share)) * 100
    return f'<div class="meter" aria-hidden="true"><span style="width:{width:.1f}%"></span></div>'


def _status_card(counts: Mapping[str, int], statuses: Sequence[str], lang: str) -> str:
    """Indicators per status: only the statuses the period can give (a year's end has three)."""
    total = sum(counts.values())
    stack = "".join(
        f'<span class="f-{status}" style="flex:{counts[status]}"></span>' for status in statuses if counts[status]
    )
    chips = "".join(
        f'<span class="chip s-{status}">{escape(label(status, lang))}<b>{counts[status]}</b></span>'
        for status in statuses
    )
    return (
        f'<div class="card status"><div class="label">{escape(label("status_counts", lang))}</div>'
        f'<div class="sub">{escape(label("html.indicators", lang, count=total))}</div>'
        f'<div class="stack" aria-hidden="true">{stack}</div><div class="chips">{chips}</div></div>'
    )


def _reporting_card(reporting: Reporting, period: Period, lang: str) -> str:
    detail = label(
        "html.reports_received",
        lang,
        received=reporting.received,
        expected=reporting.expected,
        period=quarters_text([period], lang),
    )
    return _card("reporting", label("reporting_rate", lang), share_text(reporting.rate, lang), detail, reporting.rate)


def _chip(status: str, lang: str) -> str:
    return f'<span class="chip s-{status}">{escape(label(status, lang))}</span>'


# ---- II. pillars: one table each, and the attainment bars


def _pillars(view: ReportView, lang: str) -> list[str]:
    parts = [f'<p class="note screen">{escape(label("html.trend_note", lang))}</p>']  # not on paper
    source = baseline_source_note(view.card.indicators, view.plan.baseline_year, lang)
    parts += [f'<p class="note">{escape(source)}</p>'] if source else []
    for n, pillar in enumerate(view.card.pillars, start=1):
        facts = label(
            "html.pillar_facts",
            lang,
            score=number(pillar.score, lang),
            count=len(pillar.indicators),
            coverage=share_text(pillar.coverage, lang),
        )
        parts += [
            f'<h3>{n}. {escape(pillar.name(lang))} <span class="facts">{escape(facts)}</span></h3>',
            _indicator_table(view, pillar, lang),
            _bars(pillar, lang),
        ]
    return parts


def _indicator_columns(view: ReportView, lang: str, items: Sequence[IndicatorRow] = ()) -> list[Column]:
    """Name, baseline, target, the same quarter last year (when the inputs have it), the
    quarters, the trend, attainment, status and gap; on a narrow screen last year's quarter
    goes first, then the baseline, the gap, the earlier quarters, the trend: the name, the
    target, the latest quarter, attainment and status stay."""
    headers = quarter_headers(view, lang, lambda q: quarter_name(q, lang))[1:]  # the id goes under the name
    name, baseline, target = headers[:3]
    lasts = headers[3 : 3 + len(last_year_headers(view, lang))]
    quarters, (attainment, status) = headers[3 + len(lasts) : -3], headers[-3:-1]
    earlier = len(quarters) - 1
    # Q1, Q2 … before the trend; the quarter just before the latest after it
    drops = [5 + earlier - k if k < earlier - 1 else 3 for k in range(earlier)] + [0]
    return [
        Column(name, "name text", "name"),
        Column(baseline, "num", "baseline", IND_WIDTHS["baseline"], 5 + earlier + 2),
        Column(target, "num", "target", IND_WIDTHS["target"]),
        *(Column(last, "num", "quarter", IND_WIDTHS["quarter"], 5 + earlier + 3) for last in lasts),
        *(Column(q, "num q", "quarter", IND_WIDTHS["quarter"], d) for q, d in zip(quarters, drops, strict=True)),
        Column(label("html.trend", lang), "trend", "trend", IND_WIDTHS["trend"], 4),
        Column(attainment, "num att", "att", IND_WIDTHS["att"]),
        Column(status, "status", "status", IND_WIDTHS["status"]),
        Column(gap_header(items, lang, "html.gap_points"), "num gap", "gap", IND_WIDTHS["gap"], 5 + earlier + 1),
    ]


def _indicator_table(view: ReportView, pillar: PillarRow, lang: str) -> str:
    rows: list[list[str | tuple[str, str]]] = []
    for item in pillar.indicators:
        *values, attainment_text, _, gap_text = cells_for_indicator(item, view, lang)[2:]
        rows.append(
            [
                _name(item, lang, pillar.indicators),
                *map(escape, values),
                sparkline(item, lang),
                escape(attainment_text),
                _chip(item.status, lang),
                escape(gap_text),
            ]
        )
    items = pillar.indicators
    return _unit_line(items, lang) + _table(_indicator_columns(view, lang, items), rows, "ind cards")


def _unit_line(items: Sequence[IndicatorRow], lang: str) -> str:
    """The unit of the table below, as official tables state it ("Đơn vị tính: %")."""
    return f'<p class="unit">{escape(unit_line(items, lang))}</p>'


def _fit_rules(kind: str, columns: list[Column], room: float) -> str:
    """Container rules that hide a ``kind`` table's columns, the highest ``drop`` first, when its
    box is too narrow for them all and ``room`` rem for the name: no column is ever cut, no
    table scrolls sideways."""
    need = room + sum(column.width for column in columns)
    rules = []
    for column in sorted((c for c in columns if c.drop), key=lambda c: -c.drop):
        rules.append(
            f"@container (max-width: {need - 0.01:.2f}rem) {{ table.{kind} .x{column.drop} {{ display: none; }} }}"
        )
        need -= column.width
    return "\n".join(rules)


def _fitting(view: ReportView, lang: str) -> str:
    """The page's own column rules on a screen: the widths, then which columns to hide — the
    indicator tables' above the phone layout (there each row is a card with every figure), the
    heat map's at every width.  Paper has its own widths (``@media print`` in STYLE)."""
    quarters = [quarter_name(q, lang) for q in view.quarters]
    widths = " ".join(f"table.ind col.c-{key} {{ width: {rem}rem; }}" for key, rem in IND_WIDTHS.items())
    return (
        f"@media screen {{ {widths} table.heat col.c-quarter {{ width: {HEAT_QUARTER}rem; }} }}\n"
        f"@media screen and (min-width: {PHONE + 0.01:.2f}rem) {{\n"
        f"{_fit_rules('ind', _indicator_columns(view, lang), IND_NAME)}\n}}\n"
        f"@media screen {{\n{_fit_rules('heat', _heat_columns(quarters, lang), HEAT_NAME)}\n}}\n"
    )


Cell = str | tuple[str, str]  # HTML, or (HTML, a class of its cell)


def _table(
    columns: list[Column], rows: Sequence[Sequence[Cell]], css: str = "", row_css: list[str] | None = None
) -> str:
    """A table in its own box.  Cells are HTML already, or (HTML, a class of that cell).  A
    ``cards`` table labels each cell with its heading, for the phone layout; a table whose
    columns have widths has them fixed, and hides columns that do not fit (:func:`_fit_rules`)."""
    classes = css.split()
    fixed = any(column.width for column in columns)
    drop = [f"x{c.drop}" if c.drop else "" for c in columns]
    cols = "".join(f"<col{_class(f'c-{c.col}' if c.col else '', x)}>" for c, x in zip(columns, drop, strict=True))
    head = "".join(f"<th{_class(c.css, x)}>{escape(c.heading)}</th>" for c, x in zip(columns, drop, strict=True))

    def cell(column: Column, x: str, content: Cell) -> str:
        html, extra = content if isinstance(content, tuple) else (content, "")
        labelled = f' data-label="{escape(column.heading)}"' if "cards" in classes else ""
        return f"<td{_class(column.css, extra, x)}{labelled}>{html}</td>"

    body = "".join(
        f"<tr{_class(rc)}>{''.join(map(cell, columns, drop, row))}</tr>"
        for rc, row in zip(row_css or [""] * len(rows), rows, strict=True)
    )
    colgroup = f"<colgroup>{cols}</colgroup>" if fixed else ""
    return (
        f"<div{_class('scroll', 'cards-box' if 'cards' in classes else '')}><table{_class(css)}>{colgroup}"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _class(*names: str) -> str:
    joined = " ".join(name for name in names if name)
    return f' class="{joined}"' if joined else ""


def _name(item: IndicatorRow, lang: str, table: Sequence[IndicatorRow] = ()) -> str:
    """The short name (with its unit when ``table``'s unit line does not cover it), the
    plan's full wording under it on a click (and on hover), the id small."""
    short, full = escape(name_with_unit(item, item.short_name(lang), table, lang)), escape(item.name(lang))
    name = (
        f'<span class="short">{short}</span>'
        if short == full
        else f'<details><summary title="{full}">{short}</summary><p class="full">{full}</p></details>'
    )
    return f'{name}<span class="id">{escape(item.id)}</span>'


def _bars(pillar: PillarRow, lang: str) -> str:
    """Attainment of each indicator as a bar against a dashed line at 100%, the figure and the
    status written after each bar: a chart that is its own text alternative."""
    scale = max([120.0, *((item.attainment or 0) * 1.05 for item in pillar.indicators)])
    goal = f'<span class="goal" style="left:{100 * 100 / scale:.1f}%"></span>'
    rows = []
    for item in pillar.indicators:
        width = min(item.attainment or 0, scale) * 100 / scale
        value = "—" if item.attainment is None else f"{number(item.attainment, lang)}%"
        rows.append(
            f'<div class="bar-row"><span class="bar-name">{escape(item.short_name(lang))}</span>'
            f'<span class="track" aria-hidden="true"><span class="bar f-{item.status}" '
            f'style="width:{width:.1f}%"></span>{goal}</span><span class="bar-value">{escape(value)} '
            f'<span class="word">· {escape(label(item.status, lang))}</span></span></div>'
        )
    caption = label("chart_attainment", lang, pillar=pillar.name(lang))
    return f'<figure class="bars"><figcaption>{escape(caption)}</figcaption>{"".join(rows)}</figure>'


# ---- III. projection, IV. trajectories


def _projection(view: ReportView, lang: str) -> list[str]:
    terms = view.plan.terms
    columns = [
        Column(label("indicator", lang), "name text"),
        *(Column(label(k, lang, **terms), "num") for k in ("value", "target", "projection")),
        Column(label("likely_met", lang)),
    ]
    rows: list[list[Cell]] = [
        [
            _name(item, lang, view.projected),
            escape(value_text(item, item.value, lang)),
            escape(figure(float(item.target), lang)),
            escape(projection_text(item.projection, lang)),
            _likely(item.projection.likely_met, lang),
        ]
        for item in view.projected
        if item.projection
    ]
    method = label("projection_method_text", lang, **terms)
    return [
        f'<p class="note projection">{escape(method)}</p>',
        _unit_line(view.projected, lang) + _table(columns, rows, "proj cards"),
    ]


def _likely(met: bool, lang: str) -> str:
    """Yes or no, as a chip in the colours of achieved and off track (the word says which)."""
    status, word = ("achieved", "yes") if met else ("off_track", "no")
    return f'<span class="chip s-{status}">{escape(label(word, lang))}</span>'


def _trajectories(view: ReportView, lang: str) -> list[str]:
    figures = [
        f'<figure class="traj-fig"><figcaption>{escape(item.short_name(lang))}<span class="id">{escape(item.id)}</span>'
        f"</figcaption>{trajectory(item, lang, view.plan.terms, view.earlier)}</figure>"
        for item in view.card.indicators
        if item.unit != "milestone" and item.value is not None
    ]
    return [_legend(view, lang), '<div class="grid">', *figures, "</div>"]


def _legend(view: ReportView, lang: str) -> str:
    """One legend for every trajectory chart: a sample of each line drawn, then its word;
    and, where an expected path starts at a provisional baseline, the note that says so."""
    drawn = {"projection": bool(view.projected)}
    items = "".join(
        f"<span>{sample}{escape(label(key, lang, **view.plan.terms))}</span>"
        for key, sample in legend_samples().items()
        if drawn.get(key, True)
    )
    note = provisional_note(view.card.indicators, view.plan.baseline_year, lang)
    extra = f'<p class="note">{escape(label("expected", lang))} — {escape(note)}</p>' if note else ""
    return f'<p class="legend">{items}</p>{extra}'


# ---- V. reporting completeness, annex


def _heat(rate: float | None) -> str:
    return "h-none" if rate is None else "h-high" if rate >= HEAT[0] else "h-mid" if rate >= HEAT[1] else "h-low"


def _heat_columns(quarters: Sequence[str], lang: str) -> list[Column]:
    """The agency, then the quarters latest first: the latest sits by the name and stays on the
    narrowest screen, the earliest is the first hidden."""
    latest_first = quarters[::-1]
    return [Column(label("agency", lang), "text", "name")] + [
        Column(q, "num q", "quarter", HEAT_QUARTER, k) for k, q in enumerate(latest_first)
    ]


def _completeness(view: ReportView, lang: str) -> list[str]:
    """Agencies × quarters as a table shaded like a heat map, the rate written in each cell; in two
    halves side by side on a wide screen."""
    quarters = view.quarters[::-1]

    def row(name: str, code: str, rates: Mapping[Period, float | None]) -> list[Cell]:
        code_html = f'<span class="id inline">{escape(code)}</span>' if code else ""
        return [escape(name) + code_html, *((share_text(rates.get(q), lang), _heat(rates.get(q))) for q in quarters)]

    columns = _heat_columns([quarter_name(q, lang) for q in view.quarters], lang)
    listed = listed_agencies(view)  # a ministry's: the lowest rates, and a line on the rest
    rows = [row(a.agency.name(lang), a.agency.code, a.rates) for a in listed]
    rows.append(row(label("province", lang), "", view.completeness))
    half = (len(rows) + 1) // 2
    note = label("html.heat_note", lang, high=round(100 * HEAT[0]), low=round(100 * HEAT[1]))
    left_out = agencies_left_out_text(view, listed, lang)
    return [
        *([f'<p class="note">{escape(left_out)}</p>'] if left_out else []),
        f'<p class="note">{escape(note)}</p>',
        '<div class="two">',
        _table(columns, rows[:half], "heat"),
        _table(columns, rows[half:], "heat", row_css=[""] * (len(rows) - half - 1) + ["total"]),
        "</div>",
    ]


def _annex(view: ReportView, lang: str) -> list[str]:
    files: list[list[Cell]] = [
        [escape(_file_name(f)), *(str(n) for n in (f.rows.read, f.rows.accepted, f.rows.rejected, f.rows.blank))]
        for f in view.files
    ]
    problems: list[list[Cell]] = [  # in words: codes and hashes are for scripts (XLSX, JSON)
        [escape(label(f"problem.{c.code}", lang)), escape(label(c.severity, lang)), str(c.count)]
        for c in view.findings_by_code
    ]
    return [
        '<div class="two">',
        _table(
            [
                Column(label("file", lang), "text path"),
                *(Column(label(k, lang), "num") for k in ("read", "accepted", "rejected", "blank")),
            ],
            files,
            "cards",
        ),
        _table(
            [
                Column(label("problem", lang), "text"),
                Column(label("severity", lang)),
                Column(label("count", lang), "num"),
            ],
            problems,
        ),
        "</div>",
    ]


def _file_name(entry: FileSummary) -> str:
    return entry.file + (f" [{entry.sheet}]" if entry.sheet else "")
