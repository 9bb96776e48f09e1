"""Tables for the terminal that fit its width without cutting anything short.

A table is a list of :class:`Column`: each knows its cells, how important it is and
whether its text may wrap (names and lists may; numbers, statuses and baselines with
their hedge never do).  :func:`fitted_table` drops the least important columns until the
rest fit — every wrapping column at least ``MIN_WRAP`` wide — and gives the wrapping
columns the room that is left.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console, JustifyMethod
from rich.table import Table
from rich.text import Text

MIN_WRAP = 18  # narrower, a name wraps one word per line
LOG_WIDTH = 200  # no terminal to measure (a CI log, a pipe): wide, unless COLUMNS says otherwise
Cell = str | Text


@dataclass
class Column:
    header: str
    cells: Sequence[Cell] = ()
    keep: int = 0  # 0: always shown; the highest number is dropped first when space runs out
    justify: JustifyMethod = "right"
    wraps: bool = False

    def need(self) -> int:
        """The width that shows every cell whole on one line (the header may wrap at its spaces)."""
        longest_word = max((cell_len(word) for word in self.header.split()), default=0)
        return max([longest_word, *(_width(cell) for cell in self.cells)])

    def natural(self) -> int:
        return max([cell_len(self.header), *(_width(cell) for cell in self.cells)])


def _width(cell: Cell) -> int:
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell)


def console(out: TextIO) -> Console:
    """A console on ``out``: the terminal's width, else COLUMNS, else wide for a log.
    markup and emoji off: plan names and submitted cells are shown as written; NO_COLOR
    (https://no-color.org) is honoured by rich itself."""
    width = None if out.isatty() else _columns() or LOG_WIDTH
    return Console(file=out, width=width, highlight=False, markup=False, emoji=False)


def _columns() -> int | None:
    value = os.environ.get("COLUMNS", "")
    return int(value) if value.isdigit() and int(value) > 0 else None


def fit(columns: list[Column], width: int) -> list[tuple[Column, int]]:
    """The columns to show, in their order, each with its width; the whole fits ``width``."""
    shown = list(columns)
    while True:
        fixed = sum(column.need() for column in shown if not column.wraps)
        wrapping = [column for column in shown if column.wraps]
        room = width - fixed - (3 * len(shown) + 1)  # padding of 1 each side, and the borders
        droppable = [column for column in shown if column.keep > 0]
        if room >= MIN_WRAP * len(wrapping) or not droppable:
            break
        shown.remove(max(droppable, key=lambda column: column.keep))
    widths = _share(wrapping, room)
    spare = room - sum(widths.values())
    for column in shown:  # room left over: headers on one line, first columns first
        if not column.wraps:
            widths[id(column)] = column.need() + min(max(spare, 0), column.natural() - column.need())
            spare -= widths[id(column)] - column.need()
    return [(column, widths[id(column)]) for column in shown]


def _share(wrapping: list[Column], room: int) -> dict[int, int]:
    """Room for the wrapping columns: each its natural width when it fits, else an equal share."""
    widths: dict[int, int] = {}
    left = sorted(wrapping, key=lambda column: column.natural())
    while left:
        share = max(room // len(left), MIN_WRAP)
        column = left.pop(0)
        widths[id(column)] = min(column.natural(), share)
        room -= widths[id(column)]
    return widths


def fitted_table(
    columns: list[Column], width: int, sections: dict[int, Cell] | None = None, **options: object
) -> Table:
    """A rich table of ``columns`` fitted to ``width``; ``sections`` puts a heading row
    (and a rule) before the data row of that index."""
    layout = fit(columns, width)
    table = Table(**options)  # type: ignore[arg-type]  # rich's own keywords (title, caption …), passed through
    for column, column_width in layout:
        table.add_column(
            column.header,
            justify=column.justify,
            width=column_width,
            overflow="fold",
        )  # wide enough for every cell: only headers and names wrap
    rows = max((len(column.cells) for column, _ in layout), default=0)
    for row in range(rows):
        if sections and row in sections:
            if row:
                table.add_section()
            table.add_row(sections[row])
        table.add_row(*(column.cells[row] for column, _ in layout))
    return table
