"""The validation pipeline: files → raw cells → resolved columns → rules → duplicates.

Every data row ends up accepted or rejected with at least one finding on it (or on its
file); ``rows.read == rows.accepted + rows.rejected`` always holds, blank rows are
counted apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..collector import collector_paused
from ..findings import Finding, HasFindings
from ..memory import DENSE_CELLS, give_back, lean_allocators
from ..periods import Period, period_of, quarter_numbers
from ..plan import Plan, PlanSet, single
from .checks import periods, prepare, run_rules
from .reading import RawTable, discover, read_table, united

REJECTED_COLUMNS = ["file", "line", "agency", "indicator", "year", "quarter", "period"]  # period: the cell as typed
ACCEPTED_COLUMNS = [
    "file",
    "line",
    "agency",
    "indicator",
    "year",
    "quarter",
    "numerator",
    "denominator",
    "value",
    "status",
    "note",
]


@dataclass(frozen=True)
class RowCounts:
    read: int = 0
    accepted: int = 0
    rejected: int = 0
    blank: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"read": self.read, "accepted": self.accepted, "rejected": self.rejected, "blank": self.blank}


@dataclass(frozen=True)
class FileSummary:
    file: str
    encoding: str | None
    delimiter: str | None
    rows: RowCounts
    sheet: str | None = None
    columns: dict[str, int] = field(default_factory=dict)  # contract column → 0-based position
    sha256: str = ""  # of the bytes read and scored ('' when the file could not be read)


@dataclass
class ValidationReport(HasFindings):
    """What ``cds validate`` prints and what ``cds score`` scores from."""

    files: list[FileSummary]
    findings: list[Finding]
    accepted: pd.DataFrame  # ACCEPTED_COLUMNS, one row per accepted submission row
    rows: RowCounts = field(default_factory=RowCounts)
    # Rejected rows with whatever keys could be resolved (NaN/None where not): lets the
    # completeness view tell "sent but rejected" from "never sent".
    rejected: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REJECTED_COLUMNS))

    def latest_period(self, years: Sequence[int] | None = None) -> Period | None:
        """The latest quarter among accepted rows (of ``years`` when given): the default
        period to score."""
        rows = self.accepted if years is None else self.accepted[self.accepted["year"].isin(list(years))]
        if rows.empty:
            return None
        return period_of(
            int(quarter_numbers(rows["year"], rows["quarter"]).max())
        )  # across years: 2024-Q1 after 2023-Q4


Progress = Callable[[str, int, int], None]  # (what is being done, steps done, steps in all)


@collector_paused()  # a big file's failing rows make thousands of records and findings, all kept
def read_submissions(
    inputs: Sequence[str | Path], plan: Plan | PlanSet, sheet: str | None = None, progress: Progress | None = None
) -> ValidationReport:
    """Read and validate submission files or directories against the plan, or against
    several packs side by side (each row against the pack covering its period's year).

    ``sheet`` names the worksheet to read in Excel workbooks (default: the first);
    ``progress``, if given, is told each step (the CLI draws a bar from it)."""
    lean_allocators()
    paths, findings = discover(list(inputs))
    steps = len(paths) + 3
    tell = progress or (lambda what, done, total: None)
    tables = []
    for done, path in enumerate(paths):
        tell(f"{path}", done, steps)
        tables.append(read_table(path, sheet))
    give_back()  # what the readers' threads freed, before the checks build their columns
    for table in tables:
        findings.extend(table.findings)
    read = [len(t.rows) for t in tables]
    rejected_by_file = {i: read[i] for i, t in enumerate(tables) if not t.usable}
    accepted = pd.DataFrame(columns=ACCEPTED_COLUMNS)
    rejected_rows = pd.DataFrame(columns=REJECTED_COLUMNS)
    usable = [(i, t) for i, t in enumerate(tables) if t.usable and len(t.rows)]
    if usable:
        names = [t.file for t in tables]
        tell("resolving agencies, periods, indicators, numbers", len(paths), steps)
        plans = plan if isinstance(plan, PlanSet) else single(plan)
        accepted, rejected_rows, row_findings, by_file = _check(
            usable, plans, names, lambda what, k: tell(what, len(paths) + k, steps)
        )
        findings.extend(row_findings)
        rejected_by_file.update(by_file)

    tell("done", steps, steps)
    give_back()  # the checked table's columns, before a command scores the accepted rows
    summaries = [_summary(t, read[i], rejected_by_file.get(i, 0)) for i, t in enumerate(tables)]
    totals = RowCounts(
        read=sum(s.rows.read for s in summaries),
        accepted=sum(s.rows.accepted for s in summaries),
        rejected=sum(s.rows.rejected for s in summaries),
        blank=sum(s.rows.blank for s in summaries),
    )
    return ValidationReport(summaries, findings, accepted, totals, rejected_rows)


def _check(
    usable: list[tuple[int, RawTable]], plans: PlanSet, names: list[str], tell: Callable[[str, int], None]
) -> tuple[pd.DataFrame, pd.DataFrame, list[Finding], dict[int, int]]:
    """Rules and duplicates over the rows of every usable file: (accepted rows, rejected
    rows, findings in file and line order, rejected count by file index).

    Only this function holds the big table: the files' own rows are let go once stacked,
    and the columns the rules needed once they have run."""
    df = _concat([t.rows.assign(file_index=np.full(len(t.rows), i, dtype=np.int32)) for i, t in usable])
    for _, table in usable:
        table.rows = table.rows.iloc[:0]
    if len(plans.plans) == 1:
        df = prepare(df, plans.plans[0])
        tell("checking rows", 1)
        row_findings, rejected = run_rules(df, plans.plans[0], names)
    else:
        tell("checking rows", 1)
        df, row_findings, rejected = _check_by_pack(df, plans, names)
    df = df[_KEPT]
    give_back()  # the columns the rules needed
    tell("finding duplicates", 2)
    duplicate_findings, duplicate_rejected = find_duplicates(df, ~rejected, names)
    rejected |= duplicate_rejected
    order = {name: i for i, name in reversed(list(enumerate(names)))}
    findings = sorted(row_findings + duplicate_findings, key=lambda f: (order[f.file or ""], f.line or 0))
    by_file = {int(i): int(count) for i, count in df.loc[rejected, "file_index"].value_counts().items()}
    refused = df.loc[rejected]  # the few rejected rows first: the accepted ones then empty the table
    rejected_rows = pd.DataFrame(
        {
            "file": _file_column(refused, names),
            "line": refused["line"],
            "agency": refused["agency_code"],
            "indicator": refused["indicator_id"],
            "year": refused["year"].astype("float64"),
            "quarter": refused["quarter"].astype("float64"),
            "period": refused["period"],  # as typed: `cds status` shows "Quý I/2023" where a report went astray
        }
    ).reset_index(drop=True)
    del refused
    accepted = _accepted_rows(df, ~rejected, names)
    return accepted, rejected_rows, findings, by_file


def _check_by_pack(df: pd.DataFrame, plans: PlanSet, names: list[str]) -> tuple[pd.DataFrame, list[Finding], pd.Series]:
    """Each row prepared and checked against the pack covering its period's year; rows of
    no pack's year (or of no readable period) against the latest, which rejects them naming
    every covered year.  The parts are put back in the rows' own order."""
    year, _ = periods(df["period"])
    covering = np.full(len(df), len(plans.plans) - 1)
    for k, plan in enumerate(plans.plans):
        covering[(year >= plan.year) & (year <= plan.last_year)] = k
    parts, positions, masks, findings = [], [], [], []
    for k, plan in enumerate(plans.plans):
        rows = np.flatnonzero(covering == k)
        if len(rows):
            part = prepare(df.iloc[rows].reset_index(drop=True), plan)
            part_findings, rejected = run_rules(part, plan, names)
            parts.append(part[_KEPT])
            positions.append(rows)
            masks.append(rejected.to_numpy())
            findings += part_findings
    order = np.argsort(np.concatenate(positions), kind="stable")  # back to the rows' order
    checked = _concat(parts).iloc[order].reset_index(drop=True)
    return checked, findings, pd.Series(np.concatenate(masks)[order], index=checked.index)


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Stack the files' rows, keeping text columns categorical (their categories united)."""
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    columns: dict[str, Any] = {}
    for column in frames[0].columns:
        parts = [frame[column] for frame in frames]
        if all(isinstance(part.dtype, pd.CategoricalDtype) for part in parts):
            columns[column] = pd.Series(_stacked_categorical([part.array for part in parts]))
        else:
            columns[column] = np.concatenate([part.to_numpy() for part in parts])
    return pd.DataFrame(columns)


def _stacked_categorical(parts: list[Any]) -> pd.Categorical:
    """Categoricals one after the other, their categories united in order of first sight.

    What pandas' union_categoricals does, minus its per-part re-coding through a fresh
    index: 2 ms a column for a quarter's 13 files, 0.2 ms this way."""
    categories, positions = united([part.categories for part in parts])
    codes = np.concatenate([np.append(where, -1)[part.codes] for part, where in zip(parts, positions, strict=True)])
    return pd.Categorical.from_codes(codes, categories=categories)


MAX_PLACES = 20  # a message names this many places of one duplicated key, then counts the rest


def find_duplicates(df: pd.DataFrame, valid: pd.Series, names: list[str]) -> tuple[list[Finding], pd.Series]:
    """Same agency × indicator × period among otherwise valid rows (README: Submission files).

    Identical figures: later rows rejected with a warning (counted once).
    Different figures: every row of the key rejected with an error naming every place.
    """
    key = ["agency_code", "indicator_id", "year", "quarter"]
    figures = ["numerator_n", "denominator_n", "value_n", "status"]
    rejected = pd.Series(False, index=df.index)
    positions, keys = _repeated_keys(df, valid.to_numpy(dtype=bool))
    if not len(positions):
        return [], rejected
    repeated = df[[*key, *figures, "file_index", "line"]].iloc[positions]
    group = pd.Series(pd.factorize(keys)[0], index=repeated.index)
    conflict = repeated[figures].groupby(group).nunique(dropna=False).gt(1).any(axis=1)
    in_conflict = group.map(conflict)
    later = group.duplicated(keep="first")
    place = pd.Series(
        [f"{names[i]}:{line}" for i, line in zip(repeated["file_index"], repeated["line"], strict=False)],
        index=repeated.index,
    )
    places = place.groupby(group).agg(_name_places).to_dict()
    first_place = place.groupby(group).first().to_dict()
    hit = in_conflict | later
    rejected[hit[hit].index] = True
    rows = repeated[hit]
    findings = []
    for agency, indicator, year, quarter, file_index, line, g, conflicting in zip(
        rows["agency_code"],
        rows["indicator_id"],
        rows["year"],
        rows["quarter"],
        rows["file_index"],
        rows["line"],
        group[hit],
        in_conflict[hit],
        strict=False,
    ):
        common = {"agency": agency, "indicator": indicator, "period": f"{int(year)}-Q{int(quarter)}"}
        file = names[int(file_index)]
        if conflicting:
            findings.append(
                Finding("duplicate_conflict", "error", file, int(line), None, {**common, "places": places[g]})
            )
        else:
            findings.append(
                Finding("duplicate_row", "warning", file, int(line), None, {**common, "first": first_place[g]})
            )
    return findings, rejected


def _repeated_keys(df: pd.DataFrame, valid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The positions of the valid rows whose agency × indicator × quarter is repeated, and
    that key of each.  Valid rows have a known agency, indicator and quarter: one integer
    says all three (quarters counted from the first one present), and only the few
    repeated rows are then copied out of the (possibly huge) table.  Built in place from
    each column's own small codes, and no index of a million labels made: each
    temporary of a million rows is 8 MB more at the peak."""
    rows = np.flatnonzero(valid)
    # periods.quarter_numbers worked in place (no temporary at this, the check's peak);
    # float32: every quarter number is exact
    number = df["year"].to_numpy().take(rows)
    number *= 4
    number += df["quarter"].to_numpy().take(rows)
    first, last = (int(number.min()), int(number.max())) if len(rows) else (0, 0)
    quarters, indicators = last - first + 1, len(df["indicator_id"].cat.categories)
    key = df["agency_code"].cat.codes.to_numpy().take(rows).astype(np.int64)
    key *= indicators
    key += df["indicator_id"].cat.codes.to_numpy().take(rows)
    key *= quarters
    np.add(key, number, out=key, casting="unsafe")  # whole numbers in float32: added without an int64 copy
    del number
    key -= first
    again = _repeated(key, len(df["agency_code"].cat.categories) * indicators * quarters)
    return rows.take(again), key.take(again)


def _repeated(keys: np.ndarray, cells: int) -> np.ndarray:
    """Positions of the keys (each in ``range(cells)``) that occur more than once, in order.

    Counted in one slot per possible key when there are few enough (a twentieth of the
    time of a sort of a million keys); else the keys sorted once to find the repeated
    values, then those few looked up (a hash table of a million keys costs several times
    the memory)."""
    if cells <= max(DENSE_CELLS, 4 * len(keys)):
        return np.flatnonzero((np.bincount(keys, minlength=cells) > 1).take(keys))
    ordered = np.sort(keys)
    again = ordered[1:][ordered[1:] == ordered[:-1]]
    del ordered
    if not len(again):
        return np.empty(0, dtype=np.intp)
    return np.flatnonzero(pd.Series(keys, copy=False).isin(np.unique(again)).to_numpy())


def _name_places(places: pd.Series) -> str:
    named = ", ".join(places.iloc[:MAX_PLACES])
    return named if len(places) <= MAX_PLACES else f"{named} … ({len(places)} rows in all)"


_KEPT = [
    "file_index",
    "line",
    "agency_code",
    "indicator_id",
    "year",
    "quarter",
    "numerator_n",
    "denominator_n",
    "value_n",
    "status",
    "note",
    "period",
]


def _file_column(df: pd.DataFrame, names: list[str]) -> Any:  # a Categorical, or a Series of names
    return (
        pd.Categorical.from_codes(df["file_index"].to_numpy(), categories=pd.Index(names).unique())
        if len(set(names)) == len(names)
        else df["file_index"].map(lambda i: names[i])
    )


def _accepted_rows(df: pd.DataFrame, keep: pd.Series, names: list[str]) -> pd.DataFrame:
    """The accepted rows, column by column: no intermediate copy of the whole table."""
    mask = keep.to_numpy(dtype=bool)

    def take(column: str, dtype: str | None = None) -> Any:
        # each column let go of once its accepted rows are taken: the table and its copy
        # are never both whole (the peak of a million rows)
        values = df.pop(column).array[mask]
        return values.astype(dtype) if dtype else values

    accepted = pd.DataFrame(index=pd.RangeIndex(int(mask.sum())))
    # Column by column into the frame: no block of all the numbers copied at the end.
    accepted["file"] = _file_column(pd.DataFrame({"file_index": take("file_index")}), names)
    for name, column, dtype in (
        ("line", "line", "int64"),
        ("agency", "agency_code", None),
        ("indicator", "indicator_id", None),
        ("year", "year", "int16"),  # 2 bytes a row, and 1 for the quarter: 13 MB less a million rows than int64
        ("quarter", "quarter", "int8"),
        ("numerator", "numerator_n", None),
        ("denominator", "denominator_n", None),
        ("value", "value_n", None),
        ("status", "status", None),
        ("note", "note", None),
    ):
        # as a Series that lends its array: setting a bare array would copy it once more
        accepted[name] = pd.Series(take(column, dtype), index=accepted.index, copy=False)
    return accepted


def _summary(table: RawTable, read: int, rejected: int) -> FileSummary:
    counts = RowCounts(read=read, accepted=read - rejected, rejected=rejected, blank=table.blank)
    return FileSummary(table.file, table.encoding, table.delimiter, counts, table.sheet, table.columns, table.sha256)
