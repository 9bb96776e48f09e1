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
dates, :func:`stable_zip`).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..outputs import stable_zip
from ..text import safe_cell
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
from .text import last_year_headers

SHEETS = ("summary", "indicators", "quarterly", "agencies", "findings")  # sheet.* in the catalogue
FIXED_TIME = datetime(2000, 1, 1, 0, 0, 0)

POINTS = "0.00"  # scores, attainment and progress (already "%" in their headings), gaps in points
PERCENT = '0.00"%"'  # a percent as points 0–100 (73.07 shows 73.07%)
RATE = '0"%"'  # coverage and reporting rates, as points 0–100 too
COUNT = "#,##0"  # counts of rows, reports, numerators and denominators; a count indicator's figures
COUNT_PATH = "#,##0.00"  # a count's expected value and projection: a point on a line, not a count


_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_HEADER_BORDER = Border(bottom=Side(style="thin", color="808080"))
_HEADER_ALIGN = Alignment(vertical="top", wrap_text=True)
_MIN_WIDTH, _MAX_WIDTH = 6, 60
Cell = str | float | bool | None  # what a cell holds (an int is a float to the type checker)


def render_xlsx(view: ReportView, lang: str) -> bytes:
    """The workbook of the report ``view`` (:meth:`AnnualReport.view`), as bytes."""
    book = Workbook()
    for sheet in book.worksheets:  # the empty sheet a new workbook comes with
        book.remove(sheet)
    writers = (_summary, _indicators, _quarterly, _agencies, _findings)
    for key, write in zip(SHEETS, writers, strict=True):
        sheet = book.create_sheet(label(f"sheet.{key}", lang))
        write(sheet, view, lang)
        _page_setup(sheet, header=key != "summary")
    book.active = 0

    props = book.properties
    props.creator = "cds"
    props.lastModifiedBy = "cds"
    props.title = _text(label("report_title", lang, **view.plan.terms))
    props.created = FIXED_TIME
    props.modified = FIXED_TIME  # openpyxl stamps "now" on save; stable_zip puts it back
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_zip(buffer.getvalue())


# -- cells -------------------------------------------------------------------------------------


def _page_setup(sheet: Worksheet, header: bool) -> None:
    """A4 landscape, as wide as the page, the header row on every printed page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if header:
        sheet.print_title_rows = "1:1"


def _rate(share: float | None) -> float | None:
    """A share 0–1 (the view's rates and coverages) as points 0–100, like every other percent."""
    return None if share is None else round(100 * share, 2)


def _word(value: Cell, lang: str) -> Cell:
    """A milestone state or a status code as the document's word; numbers and None as they are."""
    return label(value, lang) if isinstance(value, str) else value


def _text(value: Cell) -> Cell:
    """Strip characters XML cannot hold, then neutralise would-be formulas."""
    if isinstance(value, str):
        return str(safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value)))
    return value  # numbers are never formulas


def _put(
    sheet: Worksheet, row: int, column: int, value: Cell, fmt: str | None = None, font: Font | None = None
) -> None:
    cell = sheet.cell(row=row, column=column)
    if value is None:
        return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.value = value
        if fmt:
            cell.number_format = fmt
    else:
        cell.value = _text(value)
    if font is not None:
        cell.font = font


def _header(sheet: Worksheet, row: int, headings: list[str], start: int = 1) -> None:
    for offset, heading in enumerate(headings):
        cell = sheet.cell(row=row, column=start + offset, value=_text(heading))
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.border = _HEADER_BORDER
        cell.alignment = _HEADER_ALIGN


def _table(
    sheet: Worksheet,
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
            _put(sheet, r, c, value, fmt)  # type: ignore[arg-type]  # one format, by the line above
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


def _finish_table(sheet: Worksheet, columns: int, last_row: int, freeze: str = "A2") -> None:
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(last_row, 1)}"


def _widths(sheet: Worksheet, fixed: dict[int, float] | None = None) -> None:
    """Column widths from the content (header text counts at most 24 characters: it wraps)."""
    fixed = fixed or {}
    widest: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            if isinstance(cell.value, bool):
                size = 5
            elif isinstance(cell.value, (int, float)):
                size = len(f"{cell.value:,.2f}")
            else:
                size = len(str(cell.value))
                if cell.font is not None and cell.font.bold:
                    size = min(size, 24)
            widest[cell.column] = max(widest.get(cell.column, 0), size)
    for column, size in widest.items():
        width = fixed.get(column, min(max(size + 2, _MIN_WIDTH), _MAX_WIDTH))
        sheet.column_dimensions[get_column_letter(column)].width = width


# -- sheets ------------------------------------------------------------------------------------


class _Lines:
    """Writes the Summary sheet top to bottom: labelled pairs, sections, small tables."""

    def __init__(self, sheet: Worksheet, lang: str, words: Mapping[str, object]) -> None:
        self.sheet, self.lang, self.words, self.row = sheet, lang, words, 3

    def pair(self, key: str, value: Cell, fmt: str | None = None) -> None:
        _put(self.sheet, self.row, 1, label(key, self.lang, **self.words), font=_BOLD)
        _put(self.sheet, self.row, 2, value, fmt)
        self.row += 1

    def section(self, key: str, headings: tuple[str, ...] = ()) -> None:
        self.row += 1
        _put(self.sheet, self.row, 1, label(key, self.lang, **self.words), font=_BOLD)
        self.row += 1
        if headings:
            _header(self.sheet, self.row, [label(heading, self.lang) for heading in headings])
            self.row += 1

    def cells(self, *cells: tuple[Cell, str | None]) -> None:
        for column, (value, fmt) in enumerate(cells, start=1):
            _put(self.sheet, self.row, column, value, fmt)
        self.row += 1


def _summary(sheet: Worksheet, view: ReportView, lang: str) -> None:
    _put(sheet, 1, 1, label("report_title", lang, **view.plan.terms), font=_TITLE)
    lines = _Lines(sheet, lang, view.plan.terms)
    _summary_plan(lines, view)
    _summary_scores(lines, view.card, lang)
    _summary_data(lines, view)
    sheet.freeze_panes = "A2"
    # the title and the projection note are long single cells that may overflow: fixed widths
    for column, width in ((1, 46), (2, 66), (3, 12), (4, 14), (5, 14), (6, 12)):
        sheet.column_dimensions[get_column_letter(column)].width = width


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


def _indicators(sheet: Worksheet, view: ReportView, lang: str) -> None:
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


def _quarterly(sheet: Worksheet, view: ReportView, lang: str) -> None:
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


def _agencies(sheet: Worksheet, view: ReportView, lang: str) -> None:
    quarters = view.quarters
    headings = [label("id", lang), label("name_agency", lang)] + [quarter_name(q, lang) for q in quarters]
    formats: list[str | None] = [None, None] + [RATE] * len(quarters)
    rows: list[list[Cell]] = [
        [a.agency.code, a.agency.name(lang)] + [_rate(a.rates.get(q)) for q in quarters] for a in view.agencies
    ]
    last = _table(sheet, headings, rows, formats)
    _finish_table(sheet, len(headings), last)
    if view.completeness:  # the province as a whole, below the table (outside the filter)
        total = last + 2
        _put(sheet, total, 2, label("province", lang), font=_BOLD)
        for column, quarter in enumerate(quarters, start=3):
            _put(sheet, total, column, _rate(view.completeness.get(quarter)), RATE, font=_BOLD)
    _widths(sheet)


def _findings(sheet: Worksheet, view: ReportView, lang: str) -> None:
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
    _put(sheet, row, 1, label("findings_by_code", lang), font=_BOLD)
    row += 1
    _header(sheet, row, [label(k, lang) for k in ("code", "severity_code", "count", "problem", "severity")])
    for entry in view.findings_by_code:
        row += 1
        _put(sheet, row, 1, entry.code)
        _put(sheet, row, 2, entry.severity)
        _put(sheet, row, 3, entry.count, COUNT)
        _put(sheet, row, 4, label(f"problem.{entry.code}", lang))
        _put(sheet, row, 5, label(entry.severity, lang))
    _widths(sheet)
