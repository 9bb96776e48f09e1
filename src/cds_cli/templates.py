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

from .outputs import stable_zip
from .periods import Period
from .plan import MILESTONE_STATUSES, Indicator, Plan
from .text import safe_cell
from .words.messages import text

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
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = text("template.sheet", lang)
    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=13)
    header_row = 3
    sheet.append([])
    sheet.append(HEADERS)
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row.cells()])
    first = header_row + 1
    fill = [HEADERS.index(name) + 1 for name in FILL_COLUMNS]
    for line, row in enumerate(rows, start=first):
        for column in fill:
            # a count is one number in Giá trị: its numerator and denominator stay locked
            if not (row.indicator.is_count and HEADERS[column - 1] in FILL_COLUMNS[:2]):
                sheet.cell(line, column).protection = Protection(locked=False)
    _validations(sheet, rows, first, DataValidation, lang)
    for letter, width in zip("ABCDEFGHIJK", (5, 10, 11, 36, 60, 10, 38, 12, 12, 16, 30), strict=False):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = sheet.cell(first, 1).coordinate
    sheet.protection.sheet = True  # no password: it guards against slips, not people
    sheet.protection.formatColumns = False
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_zip(buffer.getvalue())  # the same form, byte for byte, every time


def _validations(sheet, rows: list[TemplateRow], first: int, DataValidation, lang: str) -> None:
    counts = DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        error=text("template.error_count", lang),
        showErrorMessage=True,
    )
    percent = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        error=text("template.error_percent", lang),
        showErrorMessage=True,
    )
    status = DataValidation(
        type="list",
        formula1='"' + ",".join(MILESTONE_CHOICES) + '"',
        allow_blank=True,
        error=text("template.error_status", lang),
        showErrorMessage=True,
    )
    for validation in (counts, percent, status):
        sheet.add_data_validation(validation)
    value_column = HEADERS.index(text("column.value", "vi")) + 1
    for offset, row in enumerate(rows):
        line = first + offset
        if row.indicator.is_milestone:
            status.add(sheet.cell(line, value_column))
            continue
        if row.indicator.is_count:
            counts.add(sheet.cell(line, value_column))
            continue
        for name in FILL_COLUMNS[:2]:
            counts.add(sheet.cell(line, HEADERS.index(name) + 1))
        percent.add(sheet.cell(line, value_column))
