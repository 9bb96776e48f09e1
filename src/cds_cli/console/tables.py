"""The terminal tables and texts of every result (rich): what ``--format table`` and
``--format text`` print.  :mod:`.render` picks them, and imports this module only then.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, TextIO

from rich.table import Table
from rich.text import Text

from ..history import History
from ..json_documents import breakdown_document, history_document
from ..plan import PackCheck, Plan, agency_catalogue, catalogue, context_catalogue
from ..scoring import AgencyBreakdown
from ..status import Completeness, lowest_first
from ..submissions.validate import ValidationReport
from ..view import IndicatorRow, ScorecardView, reporting
from ..words.labels import (
    PROVISIONAL_MARK,
    baseline_source_note,
    baseline_text,
    due_text,
    index_text,
    label,
    number,
    plan_number_text,
    provisional_index_text,
    provisional_note,
    quarters_text,
    reporting_text,
    share_text,
    status_counts_text,
    target_text,
    value_text,
)
from ..writers import (
    check_summary,
    has_counts,
    rank_text,
    score_cells,
)
from .terminal import Cell, Column, fitted_table
from .terminal import console as terminal_console

STATUS_STYLE = {
    "achieved": "bold green",
    "on_track": "green",
    "at_risk": "yellow",
    "off_track": "bold red",
    "not_achieved": "bold red",
    "no_data": "dim",
}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow"}


# --------------------------------------------------------------------------- score

# keep: 0 always shown; when the terminal is narrow the highest is dropped first.
_SCORE_COLUMNS = {
    "name": 0,
    "id": 1,
    "baseline": 4,
    "target": 1,
    "unit": 3,
    "value": 0,
    "attainment": 2,
    "progress": 6,
    "expected": 5,
    "status": 0,
    "reports": 7,
}
_TEXT_COLUMNS = ("name", "id", "unit", "status")  # left-aligned; the rest are figures


def _score_cells(item: IndicatorRow, lang: str, year: int | None) -> dict[str, Cell]:
    """The plain writers' cells, the status in its colour (colour only marks the status)."""
    cells: dict[str, Cell] = dict(score_cells(item, lang, year))
    cells["status"] = Text(str(cells["status"]), style=STATUS_STYLE[item.status])
    return cells


def _score_columns(view: ScorecardView, lang: str, ids: bool) -> list[Column]:
    year = view.period.year if view.period else None
    rows = [_score_cells(item, lang, year) for pillar in view.pillars for item in pillar.indicators]
    wanted = {"id": ids, "unit": has_counts(view.indicators)}  # a unit column beside counts only
    return [
        Column(
            label("indicator" if key == "name" else key, lang, **view.plan.terms),
            [row[key] for row in rows],
            keep,
            "left" if key in _TEXT_COLUMNS else "right",
            wraps=key == "name",
        )
        for key, keep in _SCORE_COLUMNS.items()
        if wanted.get(key, True)
    ]


def _ids(lang: str, wanted: bool, ids: list[str]) -> list[Column]:
    """The id column that --ids adds beside the names (none without it)."""
    return [Column(label("id", lang), ids, 3, "left")] if wanted else []


def _pillar_sections(view: ScorecardView, lang: str) -> dict[int, Cell]:
    """Row index → the pillar heading shown above it."""
    sections: dict[int, Cell] = {}
    row = 0
    for pillar in view.pillars:
        sections[row] = Text(pillar.name(lang).upper(), style="bold")
        row += len(pillar.indicators)
    return sections


def score_table(view: ScorecardView, lang: str, out: TextIO, inputs: str = "…", ids: bool = False, **_: Any) -> None:
    console = terminal_console(out)
    plan = view.plan
    period = quarters_text([view.period], lang) if view.period else label("no_period", lang)
    table = fitted_table(
        _score_columns(view, lang, ids),
        console.width,
        _pillar_sections(view, lang),
        title=label("scorecard_title", lang, period=period, number=plan_number_text(plan.info.number, lang)),
        title_style="bold",
    )
    console.print(table)
    note = provisional_note(view.indicators, plan.baseline_year, lang)
    if note and label("expected", lang) in [column.header for column in table.columns]:  # the marks are shown
        console.print(f"{PROVISIONAL_MARK} {note}", markup=False)
    source = baseline_source_note(view.indicators, plan.baseline_year, lang)
    if source and label("baseline", lang, **plan.terms) in [column.header for column in table.columns]:
        console.print(source, markup=False)
    console.print(_pillar_table(view, lang))
    console.print(status_counts_text(view.summary, view.statuses, lang))
    console.print(reporting_text(view.reporting, view.period, lang))
    warning = provisional_index_text(view.index, view.reporting, lang)
    if warning:
        console.print(Text(warning, style="yellow"))
    console.print(label("rows_line", lang, **view.rows.to_dict()))
    errors = sum(1 for f in view.findings if f.severity == "error")
    warnings = len(view.findings) - errors
    if view.findings:
        console.print(
            Text(label("rejected_hint", lang, errors=errors, warnings=warnings, inputs=inputs), style="yellow")
        )


def _pillar_table(view: ScorecardView, lang: str) -> Table:
    pillars = Table(title=label("pillars_title", lang), title_style="bold")
    for key in ("pillar", "score", "coverage", "reporting_rate"):
        pillars.add_column(label(key, lang), justify="left" if key == "pillar" else "right")
    for pillar in view.pillars:
        pillars.add_row(
            pillar.name(lang),
            number(pillar.score, lang),
            f"{share_text(pillar.coverage, lang)} ({pillar.with_data}/{pillar.total})",
            share_text(pillar.reporting_rate, lang),
        )
    pillars.add_section()
    pillars.add_row(
        Text(label("index", lang), style="bold"),
        Text(index_text(view.index, lang), style="bold"),
        share_text(view.index.coverage, lang),
        share_text(view.index.reporting_rate, lang),
    )
    return pillars


# --------------------------------------------------------------------------- validate


def validation_text(report: ValidationReport, lang: str, out: TextIO, **_: Any) -> None:
    console = terminal_console(out)
    by_file: dict[str | None, list] = defaultdict(list)
    for finding in report.findings:
        by_file[finding.file].append(finding)
    summaries: dict[str | None, Any] = {s.file: s for s in report.files}
    for file in dict.fromkeys([*(s.file for s in report.files), *by_file]):
        findings = by_file.get(file, [])
        summary = summaries.get(file)
        if not findings:
            continue
        head = Text(str(file), style="bold")
        if summary:
            head.append(f"  ({label('file_rows', lang, **summary.rows.to_dict())})", style="dim")
        console.print(head)
        for f in findings:
            place = f"{file}:{f.line}" if f.line else str(file)
            if f.column:
                place += f" [{f.column}]"
            line = Text(f"  {place}  ")
            line.append(f"{label(f.severity, lang)} {f.code}", style=SEVERITY_STYLE[f.severity])
            line.append(f": {f.message(lang)}")
            console.print(line)
    rows = report.rows.to_dict()
    if report.valid and not report.findings:
        console.print(Text(label("validate_ok", lang, files=len(report.files), read=rows["read"]), style="green"))
    else:
        style = "bold red" if report.errors else "yellow"
        console.print(
            Text(
                label(
                    "validate_summary",
                    lang,
                    errors=len(report.errors),
                    warnings=len(report.warnings),
                    files=len(report.files),
                ),
                style=style,
            )
        )
    console.print(label("rows_line", lang, **rows))


# --------------------------------------------------------------------------- score --by agency


def breakdown_table(breakdown: AgencyBreakdown, lang: str, out: TextIO, ids: bool = False, **_: Any) -> None:
    console = terminal_console(out)
    doc = breakdown_document(breakdown, lang)
    period = quarters_text([breakdown.period], lang) if breakdown.period else label("no_period", lang)
    agencies = doc["agencies"]
    console.print(
        fitted_table(
            [
                Column(label("rank", lang), [rank_text(row) for row in agencies]),
                Column(label("agency", lang), [row["name"] for row in agencies], justify="left", wraps=True),
                *_ids(lang, ids, [row["agency"] for row in agencies]),
                Column(label("indicators_count", lang), [str(row["indicators"]) for row in agencies], 2),
                Column(
                    label("mean_attainment", lang), [_reported(row, row["mean_attainment"], lang) for row in agencies]
                ),
            ],
            console.width,
            title=label("agency_ranking_title", lang),
            title_style="bold",
        )
    )
    for item in doc["indicators"]:
        rows = item["agencies"]
        names = [breakdown.plan.agency(row["agency"]).name(lang) for row in rows]
        caption = (
            f"{period}: {label('target', lang, **breakdown.plan.terms)} "
            f"{target_text(breakdown.plan.indicator(item['id']), lang)} · {label('province', lang)} "
            f"{number(item['value'], lang)}"
        )
        title = f"{item['short_name']} ({item['id']})" if ids else item["short_name"]
        console.print(
            fitted_table(
                [
                    Column(label("rank", lang), [rank_text(row) for row in rows]),
                    Column(label("agency", lang), names, justify="left", wraps=True),
                    *_ids(lang, ids, [row["agency"] for row in rows]),
                    Column(label("value", lang), [_reported(row, row["value"], lang) for row in rows]),
                    Column(
                        label("attainment", lang),
                        [Text(number(row["attainment"], lang), style="green" if row["met"] else "") for row in rows],
                        2,
                    ),
                    Column(label("pull", lang), [_pull(row["pull"], lang) for row in rows], 4),
                ],
                console.width,
                title=title,
                title_style="bold",
                title_justify="left",
                caption=caption,
                caption_justify="left",
            )
        )


def _reported(row: dict[str, Any], value: float | None, lang: str) -> Cell:
    """A ranked figure, or the words saying the agency sent nothing (it is listed, not dropped)."""
    return number(value, lang) if row["reported"] else Text(label("not_reported", lang), style="dim")


def _pull(pull: float | None, lang: str) -> Cell:
    return Text(number(pull, lang), style="" if pull is None else "red" if pull < 0 else "green")


# --------------------------------------------------------------------------- status


LISTED = 12  # codes listed in one cell (missing, rejected) before "… (+n)"


def status_table(status: Completeness, lang: str, out: TextIO, ids: bool = False, **_: Any) -> None:
    console = terminal_console(out)
    period = quarters_text([status.period], lang) if status.period else label("no_period", lang)
    everyone = status.by_agency()
    agencies = lowest_first(everyone, lambda row: (2.0 if row["rate"] is None else row["rate"],))
    rates = [
        Text(
            share_text(row["rate"], lang),
            style="green" if row["rate"] == 1 else "bold red" if row["received"] == 0 else "yellow",
        )
        for row in agencies
    ]
    console.print(
        fitted_table(
            [
                Column(
                    label("agency", lang),
                    [status.plan.agency(row["id"]).name(lang) for row in agencies],
                    0,
                    "left",
                    True,
                ),
                *_ids(lang, ids, [row["id"] for row in agencies]),
                *_counts(agencies, lang, rates),
                Column(label("missing", lang), [_listed(row["missing"], lang) for row in agencies], 1, "left", True),
                Column(label("rejected", lang), [_listed(row["rejected"], lang) for row in agencies], 2, "left", True),
            ],
            console.width,
            title=label("status_title", lang, period=period, number=plan_number_text(status.plan.info.number, lang)),
            title_style="bold",
        )
    )
    if len(agencies) < len(everyone):
        console.print(
            Text(
                label(
                    "rows_left_out", lang, shown=number(len(agencies), lang, 0), total=number(len(everyone), lang, 0)
                ),
                style="yellow",
            )
        )
    _status_indicators(status, lang, console, ids)
    console.print(reporting_text(reporting(status.expected, status.received, status.rate), status.period, lang))
    _status_hints(status, lang, console)


def _listed(codes: list[str], lang: str) -> str:
    """Codes for a cell: all of a few, or the first :data:`LISTED` and how many more."""
    if len(codes) <= LISTED:
        return ", ".join(codes)
    return ", ".join(codes[:LISTED]) + " " + label("more_codes", lang, count=number(len(codes) - LISTED, lang, 0))


def _status_indicators(status: Completeness, lang: str, console: Any, ids: bool) -> None:
    indicators = status.by_indicator()
    console.print(
        fitted_table(
            [
                Column(
                    label("indicator", lang),
                    [status.plan.indicator(row["id"]).short_name(lang) for row in indicators],
                    0,
                    "left",
                    True,
                ),
                *_ids(lang, ids, [row["id"] for row in indicators]),
                *_counts(indicators, lang, [share_text(row["rate"], lang) for row in indicators]),
                Column(label("missing", lang), [_listed(row["missing"], lang) for row in indicators], 1, "left", True),
            ],
            console.width,
        )
    )


def _status_hints(status: Completeness, lang: str, console: Any) -> None:
    """Under the tables: the missing reports that may have been sent under another period,
    each with the file, line and period of the row that suggests it."""
    hints = status.hints.to_dict("records")
    if not hints:
        return
    console.print(Text(label("status.hints_title", lang, period=status.period), style="bold"))
    for hint in hints:
        words = label(
            f"status.hint_{hint['reason']}",
            lang,
            agency=status.plan.agency(hint["agency"]).name(lang),
            indicator=status.plan.indicator(hint["indicator"]).short_name(lang),
            file=hint["file"],
            line=hint["line"],
            given=hint["period"],
            period=status.period,
            **status.plan.terms,
        )
        console.print(Text(f"• {words}"))


def _counts(rows: list[dict[str, Any]], lang: str, rates: Sequence[Cell]) -> list[Column]:
    return [
        Column(label("expected_reports", lang), [str(row["expected"]) for row in rows], 4),
        Column(label("received", lang), [str(row["received"]) for row in rows], 4),
        Column(label("rate", lang), rates),
    ]


# --------------------------------------------------------------------------- indicators


def catalogue_table(plan: Plan, lang: str, out: TextIO, ids: bool = False, **_: Any) -> None:
    console = terminal_console(out)
    items = catalogue(plan, lang)
    columns = [
        Column(label("indicator", lang), [item["short_name"] for item in items], 0, "left", True),
        *_ids(lang, ids, [item["id"] for item in items]),
        Column(
            label("baseline", lang, **plan.terms),
            [baseline_text(item["baseline"], item["baseline_qualifier"], lang) for item in items],
            1,
        ),
        Column(label("target", lang, **plan.terms), [target_text(plan.indicator(item["id"]), lang) for item in items]),
        Column(label("unit", lang), [label(f"unit.{item['unit']}", lang) for item in items], 3, "left"),
        Column(label("time", lang), [label(item["time"], lang) for item in items], 5, "left"),
        Column(label("aggregate", lang), [label(item["aggregate"], lang) for item in items], 6, "left"),
        Column(
            label("reporter", lang), [item["reporter"] or label("pooled_reporters", lang) for item in items], 4, "left"
        ),
        Column(label("due", lang), [due_text(item["due"], plan.year, lang) for item in items], 2),
    ]
    console.print(
        fitted_table(
            columns,
            console.width,
            title=label("catalogue_title", lang, number=plan_number_text(plan.info.number, lang)),
            title_style="bold",
        )
    )


def history_table(history: History, lang: str, out: TextIO, ids: bool = False, **_: Any) -> None:
    """Indicators down, periods across: each value with its status in words (and colour)."""
    console = terminal_console(out)
    items = history_document(history, lang)["indicators"]
    periods = [str(p) for p in history.periods()]
    by_item = [{point["period"]: point for point in item["points"]} for item in items]
    columns = [
        Column(label("indicator", lang), [item["short_name"] for item in items], 0, "left", True),
        *_ids(lang, ids, [item["id"] for item in items]),
        Column(
            label("target", lang, **history.plan.terms),
            [target_text(history.plan.indicator(item["id"]), lang) for item in items],
            1,
        ),
    ]
    for k, period in enumerate(periods):
        cells: list[Cell] = []
        for item, points in zip(items, by_item, strict=True):
            point = points.get(period)
            if point is None:
                cells.append("—")
                continue
            cell = Text(value_text(history.plan.indicator(item["id"]), point["value"], lang))
            cell.append(f"\n{label(point['status'], lang)}", style=STATUS_STYLE[point["status"]])
            cells.append(cell)
        columns.append(Column(period, cells, 1 + len(periods) - k, wraps=True))  # the latest periods kept longest
    console.print(fitted_table(columns, console.width, title=label("history_title", lang), title_style="bold"))


def agencies_table(plan: Plan, lang: str, out: TextIO, **_: Any) -> None:
    console = terminal_console(out)
    rows = agency_catalogue(plan, lang)
    console.print(
        fitted_table(
            [
                Column(label("id", lang), [row["code"] for row in rows], 0, "left"),
                Column(label("agency", lang), [row["name"] for row in rows], 0, "left", True),
                Column(label("agency_kind", lang), [label(f"kind.{row['kind']}", lang) for row in rows], 3, "left"),
                Column(label("indicators_count", lang), [str(len(row["indicators"])) for row in rows], 1),
                Column(label("aliases", lang), ["; ".join(row["aliases"]) for row in rows], 2, "left", True),
            ],
            console.width,
            title=label("agencies_title", lang, number=plan_number_text(plan.info.number, lang)),
            title_style="bold",
        )
    )


def context_table(plan: Plan, lang: str, out: TextIO, **_: Any) -> None:
    console = terminal_console(out)
    items = context_catalogue(plan, lang)
    console.print(
        fitted_table(
            [
                Column(label("indicator", lang), [item["name"] for item in items], 0, "left", True),
                Column(label("id", lang), [item["id"] for item in items], 3, "left"),
                Column(
                    label("value", lang),
                    [
                        baseline_text(item["value"], item["qualifier"], lang)
                        + ("%" if item["unit"] == "percent" else "")
                        for item in items
                    ],
                ),
                Column(label("source", lang), [item["source"]["section"] for item in items], 2, "left", True),
                Column(label("quote", lang), [item["source"]["quote"] for item in items], 1, "left", True),
            ],
            console.width,
            title=label("context_title", lang, **plan.terms),
            title_style="bold",
        )
    )


# --------------------------------------------------------------------------- cds plan check


def plan_check_text(check: PackCheck, lang: str, out: TextIO, **_: Any) -> None:
    console = terminal_console(out)
    for f in check.findings:
        place = f"{f.file}:{f.line}" if f.line else str(f.file)
        line = Text(f"{place}  ")
        line.append(f"{label(f.severity, lang)} {f.code}", style=SEVERITY_STYLE[f.severity])
        line.append(f": {f.message(lang)}")
        console.print(line)
    style = "bold red" if check.errors else "yellow" if check.warnings else "green"
    console.print(Text(check_summary(check, lang), style=style))
