"""Submission forms for agencies (``cds template``).

A template lists exactly the indicators one agency reports — its single indicators and
the pooled ones it contributes to (``reporters`` in the plan data) — with the agency,
the period, the indicator's id, name and unit already filled in, and empty cells for the
figures.  Filled in, it validates with no finding.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .periods import Period
from .plan import MILESTONE_STATUSES, Indicator, Plan
from .text import safe_cell
from .words.messages import text

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.worksheet import Worksheet

# The submission columns' Vietnamese headers, in the form's order, with three more
# columns that cds ignores when it reads the form back (row number, name, unit, guidance).
_COLUMN_KEYS = [
    "template.number",
    "column.agency",
    "column.period",
    "column.indicator",
    "template.name",
    "template.unit",
    "template.guidance",
    "column.numerator",
    "column.denominator",
    "column.value",
    "column.note",
]
HEADERS = [text(key, "vi") for key in _COLUMN_KEYS]
FILL_COLUMNS = tuple(text(f"column.{name}", "vi") for name in ("numerator", "denominator", "value", "note"))
MILESTONE_CHOICES = tuple(text(f"status.{status}", "vi") for status in MILESTONE_STATUSES)


@dataclass(frozen=True)
class TemplateRow:
    number: int
    agency: str
    period: str
    indicator: Indicator
    name: str
    unit: str
    guidance: str

    def cells(self) -> list[object]:
        return [
            self.number,
            self.agency,
            self.period,
            self.indicator.id,
            self.name,
            self.unit,
            self.guidance,
            "",
            "",
            "",
            "",
        ]


def template_rows(plan: Plan, agency: str, period: Period, lang: str = "vi") -> list[TemplateRow]:
    """One row per indicator the agency reports, in the plan's order."""
    rows = []
    for number, ind in enumerate(plan.indicators_of(agency), start=1):
        kind = _kind(ind)
        units = {"milestone": text("template.milestone_unit", lang), "count": text("unit.count", lang)}
        unit = units.get(ind.unit, "%")
        rows.append(TemplateRow(number, agency, str(period), ind, ind.name(lang), unit, text(f"guidance.{kind}", lang)))
    return rows


def _kind(ind: Indicator) -> str:
    """Which guidance a row gets: what the agency writes, and where."""
    if ind.unit in ("milestone", "count"):
        return ind.unit
    return "flow" if ind.time == "flow" else "pooled" if ind.aggregate == "pooled" else "single"


def template_csv(rows: list[TemplateRow]) -> bytes:
    """As Excel writes "CSV UTF-8" on a Vietnamese Windows: BOM, semicolons, CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row.cells()])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def template_xlsx(rows: list[TemplateRow], title: str, lang: str = "vi") -> bytes:
    """A protected form: only the figure cells are editable; statuses from a list."""
    from .workbooks import column_width, new_workbook, save, text_cell  # XlsxWriter: imported when a form is made

    buffer = io.BytesIO()
    book = new_workbook(buffer, title)
    sheet = book.add_worksheet(text("template.sheet", lang))
    sheet.write_string(0, 0, text_cell(title), book.add_format({"bold": True, "font_size": 13}))
    header = book.add_format(
        {"bold": True, "pattern": 1, "bg_color": "#DDEBF7", "valign": "vcenter", "text_wrap": True}
    )
    first = 3  # XlsxWriter counts rows and columns from 0: the header is on row 3, the indicators from row 4
    for column, heading in enumerate(HEADERS):
        sheet.write_string(first - 1, column, heading, header)
    figure = book.add_format({"locked": False})
    fill = {HEADERS.index(name) for name in FILL_COLUMNS}
    for line, row in enumerate(rows, start=first):
        for column, cell in enumerate(row.cells()):
            # a count is one number in Giá trị: its numerator and denominator stay locked
            open_ = column in fill and not (row.indicator.is_count and HEADERS[column] in FILL_COLUMNS[:2])
            _write(sheet, line, column, cell, figure if open_ else None)
    _validations(sheet, rows, first, lang)
    for column, width in enumerate((5, 10, 11, 36, 60, 10, 38, 12, 12, 16, 30), start=1):
        column_width(sheet, column, width)
    sheet.freeze_panes(first, 0)
    sheet.protect("", {"format_columns": True})  # no password: it guards against slips, not people
    return save(book, buffer, [])  # the same form, byte for byte, every time


def _write(sheet: Worksheet, line: int, column: int, value: object, fmt: Format | None) -> None:
    """A number as a number, text as text (never a formula); an empty figure cell stays empty."""
    from .workbooks import text_cell

    if isinstance(value, int):
        sheet.write_number(line, column, value, fmt)
    elif value == "":
        sheet.write_blank(line, column, None, fmt)  # an unlocked empty cell (nothing, if locked)
    else:
        sheet.write_string(line, column, text_cell(str(value)), fmt)


def _validations(sheet: Worksheet, rows: list[TemplateRow], first: int, lang: str) -> None:
    """Whole numbers ≥ 0 for counts, 0–100 for percents, a list of statuses for milestones:
    one rule of each kind, over the cells it holds (``first``: the first row, from 0)."""
    from xlsxwriter.utility import xl_rowcol_to_cell

    value_column = HEADERS.index(text("column.value", "vi"))
    cells: dict[str, list[str]] = {"counts": [], "percent": [], "status": []}
    for line, row in enumerate(rows, start=first):
        value = xl_rowcol_to_cell(line, value_column)
        if row.indicator.is_milestone:
            cells["status"].append(value)
        elif row.indicator.is_count:
            cells["counts"].append(value)
        else:
            cells["counts"] += [xl_rowcol_to_cell(line, HEADERS.index(name)) for name in FILL_COLUMNS[:2]]
            cells["percent"].append(value)
    rules: dict[str, dict[str, object]] = {
        "counts": {"validate": "integer", "criteria": ">=", "value": 0},
        "percent": {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100},
        "status": {"validate": "list", "source": list(MILESTONE_CHOICES)},
    }
    errors = {"counts": "template.error_count", "percent": "template.error_percent", "status": "template.error_status"}
    for kind, where in cells.items():
        if where:
            options = {**rules[kind], "error_message": text(errors[kind], lang), "multi_range": " ".join(where)}
            sheet.data_validation(where[0], options)
