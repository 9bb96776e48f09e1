"""The report as an Excel workbook: the analyst's working copy of the year's figures.

Five sheets — Summary, Indicators, Quarterly, Agencies, Findings, named in the document's
language — all read from the report's view (:class:`~cds_cli.view.ReportView`), so the
workbook cannot disagree with the other formats.  Words for people (statuses, units,
milestones, severities, quarters) stand in the document's language, with the codes scripts
read in columns of their own.  Every percent is one kind of number — points 0–100, shown
with "%" — rates and coverages included.  Each sheet prints on A4 landscape, fitted to the
page width, its header row repeated.  Numbers stay numbers (with number formats), every
text cell goes through :func:`~cds_cli.text.safe_cell` (names, notes and file paths come
from outside), and the file is byte-identical from one run to the next (fixed document
dates, :func:`~cds_cli.outputs.stable_zip`).

Written with XlsxWriter (:mod:`cds_cli.workbooks`); the Agencies sheet's rows, 22,754 of them
for a ministry, are streamed as XML (:meth:`~cds_cli.workbooks.Sheet.stream`).
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from ..view import IndicatorRow, PillarRow, ReportView, ScorecardView
from ..words.labels import (
    COMPARATOR_SIGNS,
    date_text,
    gap_header,
    label,
    plan_number_text,
    provisional_index_text,
    quarter_name,
    quarters_text,
)
from ..workbooks import Cell, Formats, Sheet, column_width, new_workbook, save, text_cell
from .text import last_year_headers

SHEETS = ("summary", "indicators", "quarterly", "agencies", "findings")  # sheet.* in the catalogue

POINTS = "0.00"  # scores, attainment and progress (already "%" in their headings), gaps in points
PERCENT = '0.00"%"'  # a percent as points 0–100 (73.07 shows 73.07%)
RATE = '0"%"'  # coverage and reporting rates, as points 0–100 too
COUNT = "#,##0"  # counts of rows, reports, numerators and denominators; a count indicator's figures
COUNT_PATH = "#,##0.00"  # a count's expected value and projection: a point on a line, not a count


# The cells' looks, by name; a header is bold on a grey-blue ground, a thin grey line below.
_STYLES: dict[str, dict[str, object]] = {
    "bold": {"bold": True},
    "title": {"bold": True, "font_size": 14},
    "header": {
        "bold": True,
        "pattern": 1,  # solid
        "bg_color": "#DDE4EE",
        "bottom": 1,  # thin
        "bottom_color": "#808080",
        "valign": "top",
        "text_wrap": True,
    },
}
_MIN_WIDTH, _MAX_WIDTH = 6, 60


def render_xlsx(view: ReportView, lang: str) -> bytes:
    """The workbook of the report ``view`` (:meth:`AnnualReport.view`), as bytes."""
    buffer = io.BytesIO()
    book = new_workbook(buffer, text_cell(label("report_title", lang, **view.plan.terms)))
    formats = Formats(book, _STYLES)
    writers = (_summary, _indicators, _quarterly, _agencies, _findings)
    sheets = []
    for key, write in zip(SHEETS, writers, strict=True):
        sheet = Sheet(book.add_worksheet(label(f"sheet.{key}", lang)), formats)
        write(sheet, view, lang)
        _page_setup(sheet.sheet, header=key != "summary")
        sheets.append(sheet)
    return save(book, buffer, sheets)  # the first sheet is the active one


# -- cells -------------------------------------------------------------------------------------


def _page_setup(sheet: Worksheet, header: bool) -> None:
    """A4 landscape, as wide as the page, the header row on every printed page."""
    sheet.set_paper(9)  # A4
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)  # one page wide, as many pages down as it takes
    if header:
        sheet.repeat_rows(0)


def _rate(share: float | None) -> float | None:
    """A share 0–1 (the view's rates and coverages) as points 0–100, like every other percent."""
    return None if share is None else round(100 * share, 2)


def _word(value: Cell, lang: str) -> Cell:
    """A milestone state or a status code as the document's word; numbers and None as they are."""
    return label(value, lang) if isinstance(value, str) else value


def _header(sheet: Sheet, row: int, headings: list[str], start: int = 1) -> None:
    for offset, heading in enumerate(headings):
        sheet.put(row, start + offset, heading, style="header")


def _table(
    sheet: Sheet,
    headings: list[str],
    rows: list[list[Cell]],
    formats: list[str | None] | list[list[str | None]],
    start_row: int = 1,
) -> int:
    """Header at ``start_row`` and the rows below it; returns the last row written.
    ``formats``: one per column, or one list per row (a count's row has its own)."""
    _header(sheet, start_row, headings)
    for r, values in enumerate(rows, start=start_row + 1):
        own = formats[r - start_row - 1] if formats and isinstance(formats[0], list) else formats
        for c, (value, fmt) in enumerate(zip(values, own, strict=False), start=1):
            sheet.put(r, c, value, fmt)  # type: ignore[arg-type]  # one format, by the line above
    return start_row + len(rows)


def _unit_formats(
    items: list[IndicatorRow], formats: list[str | None], paths: set[int], gap: int | None = None
) -> list[list[str | None]]:
    """Each row's number formats: a percent's as given; a count's figures (and its ``gap``,
    in points for a percent) as whole numbers ("#,##0", no "%"), the columns in ``paths``
    (expected values, projections: points on a line) with decimals."""
    whole = [fmt == PERCENT or k == gap for k, fmt in enumerate(formats)]
    counted = [COUNT_PATH if k in paths else COUNT if whole[k] else fmt for k, fmt in enumerate(formats)]
    return [counted if item.unit == "count" else formats for item in items]


def _finish_table(sheet: Sheet, columns: int, last_row: int, freeze: str = "A2") -> None:
    sheet.sheet.freeze_panes(freeze)
    sheet.sheet.autofilter(f"A1:{xl_col_to_name(columns - 1)}{max(last_row, 1)}")


def _widths(sheet: Sheet, fixed: dict[int, float] | None = None) -> None:
    """Column widths from the content (header text counts at most 24 characters: it wraps)."""
    fixed = fixed or {}
    for column, size in sheet.widest.items():
        column_width(sheet.sheet, column, fixed.get(column, min(max(size + 2, _MIN_WIDTH), _MAX_WIDTH)))


# -- sheets ------------------------------------------------------------------------------------


class _Lines:
    """Writes the Summary sheet top to bottom: labelled pairs, sections, small tables."""

    def __init__(self, sheet: Sheet, lang: str, words: Mapping[str, object]) -> None:
        self.sheet, self.lang, self.words, self.row = sheet, lang, words, 3

    def pair(self, key: str, value: Cell, fmt: str | None = None) -> None:
        self.sheet.put(self.row, 1, label(key, self.lang, **self.words), style="bold")
        self.sheet.put(self.row, 2, value, fmt)
        self.row += 1

    def section(self, key: str, headings: tuple[str, ...] = ()) -> None:
        self.row += 1
        self.sheet.put(self.row, 1, label(key, self.lang, **self.words), style="bold")
        self.row += 1
        if headings:
            _header(self.sheet, self.row, [label(heading, self.lang) for heading in headings])
            self.row += 1

    def cells(self, *cells: tuple[Cell, str | None]) -> None:
        for column, (value, fmt) in enumerate(cells, start=1):
            self.sheet.put(self.row, column, value, fmt)
        self.row += 1


def _summary(sheet: Sheet, view: ReportView, lang: str) -> None:
    sheet.put(1, 1, label("report_title", lang, **view.plan.terms), style="title")
    lines = _Lines(sheet, lang, view.plan.terms)
    _summary_plan(lines, view)
    _summary_scores(lines, view.card, lang)
    _summary_data(lines, view)
    sheet.sheet.freeze_panes("A2")
    # the title and the projection note are long single cells that may overflow: fixed widths
    for column, width in ((1, 46), (2, 66), (3, 12), (4, 14), (5, 14), (6, 12)):
        column_width(sheet.sheet, column, width)


def _summary_plan(lines: _Lines, view: ReportView) -> None:
    info, lang = view.plan.info, lines.lang
    plan_ref = " — ".join(
        part for part in (plan_number_text(info.number, lang), date_text(info.date, lang), info.issuer(lang)) if part
    )
    lines.pair("plan", plan_ref)
    if info.title(lang):
        lines.pair("plan_title", info.title(lang))
    if info.province:
        lines.pair("province_name", info.province)
    lines.pair("period", quarters_text([view.period], lang))
    if view.quarters:
        lines.pair("quarters", quarters_text(list(view.quarters), lang))
    if view.date is not None:
        lines.pair("date", date_text(view.date, lang))  # as the document writes dates: 15/01/2024
    lines.pair("version", view.version)


def _summary_scores(lines: _Lines, card: ScorecardView, lang: str) -> None:
    index = card.index
    lines.section("index")
    lines.pair("score", index.score, POINTS)
    lines.pair("coverage", _rate(index.coverage), RATE)
    lines.pair("reporting_rate", _rate(index.reporting_rate), RATE)
    warning = provisional_index_text(index, card.reporting, lang)
    if warning:
        lines.cells((warning, None))
    lines.section(
        "pillars_title",
        ("id", "pillar", "score", "coverage", "indicators_with_data", "indicators_total", "reporting_rate"),
    )
    for pillar in card.pillars:
        lines.cells(
            (pillar.id, None),
            (pillar.name(lang), None),
            (pillar.score, POINTS),
            (_rate(pillar.coverage), RATE),
            (pillar.with_data, COUNT),
            (pillar.total, COUNT),
            (_rate(pillar.reporting_rate), RATE),
        )
    lines.section("status_counts", ("status", "id", "count"))
    for status in card.statuses:  # those the period can give
        lines.cells((label(status, lang), None), (status, None), (card.summary.get(status, 0), COUNT))
    lines.section("reporting")
    lines.pair("expected_reports", card.reporting.expected, COUNT)
    lines.pair("received", card.reporting.received, COUNT)
    lines.pair("rate", _rate(card.reporting.rate), RATE)


def _summary_data(lines: _Lines, view: ReportView) -> None:
    lines.section("rows")
    for key in ("read", "accepted", "rejected", "blank"):
        lines.pair(key, getattr(view.card.rows, key), COUNT)
    lines.section("projection_method")
    lines.cells((label("projection_method_text", lines.lang, **view.plan.terms), None))
    lines.section("section_inputs", ("file", "sha256"))
    for summary in view.files:
        lines.cells((summary.file, None), (summary.sha256, None))


# The Indicators sheet's columns: (catalogue key of the heading, number format).
INDICATOR_COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("id", None),
    ("pillar", None),
    ("short_name", None),
    ("name", None),
    ("unit", None),
    ("comparator", None),
    ("target", PERCENT),
    ("baseline", PERCENT),
    ("baseline_qualifier", None),
    ("value", PERCENT),
    ("numerator", COUNT),
    ("denominator", COUNT),
    ("attainment", POINTS),
    ("progress", POINTS),
    ("expected", PERCENT),
    ("provisional_baseline", PERCENT),
    ("met", None),
    ("status", None),
    ("status_code", None),
    ("gap_points", POINTS),
    ("projection", PERCENT),
    ("likely_met", None),
    ("reports_received", COUNT),
    ("reports_expected", COUNT),
    ("reporting_rate", RATE),
)


def _indicators(sheet: Sheet, view: ReportView, lang: str) -> None:
    items = [item for pillar in view.card.pillars for item in pillar.indicators]
    rows = [_indicator_cells(pillar, item, lang) for pillar in view.card.pillars for item in pillar.indicators]
    headings = [
        gap_header(items, lang) if key == "gap_points" else label(key, lang, **view.plan.terms)
        for key, _ in INDICATOR_COLUMNS
    ]
    keys = [key for key, _ in INDICATOR_COLUMNS]
    paths = {keys.index(key) for key in ("expected", "provisional_baseline", "projection")}
    formats = _unit_formats(items, [fmt for _, fmt in INDICATOR_COLUMNS], paths, keys.index("gap_points"))
    last = _table(sheet, headings, rows, formats)
    _finish_table(sheet, len(INDICATOR_COLUMNS), last, freeze="B2")
    _widths(sheet, fixed={2: 24, 3: 40})


def _indicator_cells(pillar: PillarRow, item: IndicatorRow, lang: str) -> list[Cell]:
    """One row of the Indicators sheet, in the order of :data:`INDICATOR_COLUMNS`."""
    projection, provisional = item.projection, item.provisional_baseline
    return [
        item.id,
        pillar.name(lang),
        item.short_name(lang),
        item.name(lang),
        label(f"unit.{item.unit}", lang),
        None if item.unit == "milestone" else COMPARATOR_SIGNS[item.comparator],
        _word(item.target, lang),
        _word(item.baseline, lang),
        _word(item.baseline_qualifier, lang),
        _word(item.value, lang),
        item.numerator,
        item.denominator,
        item.attainment,
        item.progress,
        item.expected,
        provisional.value if provisional else None,
        item.met,
        label(item.status, lang),
        item.status,
        _word(item.gap, lang),
        projection.value if projection else None,
        projection.likely_met if projection else None,
        item.reporting.received,
        item.reporting.expected,
        _rate(item.reporting.rate),
    ]


def _quarterly(sheet: Sheet, view: ReportView, lang: str) -> None:
    quarters = view.quarters
    lead = [
        ("id", None),
        ("pillar", None),
        ("short_name", None),
        ("unit", None),
        ("target", PERCENT),
        ("baseline", PERCENT),
    ]
    lasts = last_year_headers(view, lang)  # the same quarter a year earlier, when the inputs have it
    headings = (
        [label(key, lang, **view.plan.terms) for key, _ in lead]
        + lasts
        + [quarter_name(q, lang) for q in quarters]
        + [label("expected_at", lang, quarter=quarter_name(q, lang)) for q in quarters]
    )
    plain = [fmt for _, fmt in lead] + [PERCENT] * (len(lasts) + 2 * len(quarters))
    items = [item for pillar in view.card.pillars for item in pillar.indicators]
    formats = _unit_formats(items, plain, set(range(len(lead) + len(lasts) + len(quarters), len(plain))))
    rows = [
        [
            item.id,
            pillar.name(lang),
            item.short_name(lang),
            label(f"unit.{item.unit}", lang),
            _word(item.target, lang),
            _word(item.baseline, lang),
        ]
        + [_word(item.earlier.get(last), lang) for last in [view.last_year] if last]
        + [_word(item.quarters.get(q), lang) for q in quarters]
        + [item.expected_path.get(q) for q in quarters]
        for pillar in view.card.pillars
        for item in pillar.indicators
    ]
    last = _table(sheet, headings, rows, formats)
    _finish_table(sheet, len(headings), last, freeze="B2")
    _widths(sheet, fixed={2: 24, 3: 40})


def _agencies(sheet: Sheet, view: ReportView, lang: str) -> None:
    quarters = view.quarters
    headings = [label("id", lang), label("name_agency", lang)] + [quarter_name(q, lang) for q in quarters]
    formats: list[str | None] = [None, None] + [RATE] * len(quarters)
    rows: list[list[Cell]] = [
        [a.agency.code, a.agency.name(lang)] + [_rate(a.rates.get(q)) for q in quarters] for a in view.agencies
    ]
    _header(sheet, 1, headings)
    last = sheet.stream(2, rows, formats)  # a ministry's 22,754 rows: too many for XlsxWriter's cells
    _finish_table(sheet, len(headings), last)
    if view.completeness:  # the province as a whole, below the table (outside the filter)
        total = last + 2
        sheet.put(total, 2, label("province", lang), style="bold")
        for column, quarter in enumerate(quarters, start=3):
            sheet.put(total, column, _rate(view.completeness.get(quarter)), RATE, style="bold")
    _widths(sheet)


def _findings(sheet: Sheet, view: ReportView, lang: str) -> None:
    file_columns: list[tuple[str, str | None]] = [
        ("file", None),
        ("sheet", None),
        ("read", COUNT),
        ("accepted", COUNT),
        ("rejected", COUNT),
        ("blank", COUNT),
    ]
    rows: list[list[Cell]] = [
        [f.file, f.sheet, f.rows.read, f.rows.accepted, f.rows.rejected, f.rows.blank] for f in view.files
    ]
    headings = [label(key, lang, **view.plan.terms) for key, _ in file_columns]
    last = _table(sheet, headings, rows, [fmt for _, fmt in file_columns])
    _finish_table(sheet, len(file_columns), last)

    row = last + 2
    sheet.put(row, 1, label("findings_by_code", lang), style="bold")
    row += 1
    _header(sheet, row, [label(k, lang) for k in ("code", "severity_code", "count", "problem", "severity")])
    for entry in view.findings_by_code:
        row += 1
        sheet.put(row, 1, entry.code)
        sheet.put(row, 2, entry.severity)
        sheet.put(row, 3, entry.count, COUNT)
        sheet.put(row, 4, label(f"problem.{entry.code}", lang))
        sheet.put(row, 5, label(entry.severity, lang))
    _widths(sheet)
