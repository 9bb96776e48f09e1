"""Reporting completeness: who sent what was expected for a quarter (``cds status``).

An expected report is one (agency, indicator) pair for the period: each single indicator
from its reporter, each pooled one from every agency in its ``reporters`` (plan data).
As DHIS2 defines it, reporting rate = received / expected.  A report counts as received
when an accepted row exists for exactly that agency, indicator and quarter; one whose
rows were all rejected is "rejected" — sent, but not usable until corrected.

A missing report may still have arrived under the wrong period: last year's quarter typed
into this year's file ("Quý I/2023" in 2024), or another quarter's period in a file filed
in this quarter's folder.  Such a report carries a *hint* naming the file, the line and the
period the row gave, so the analyst calls the agency about a typo rather than a silence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from .arrays import stable_order
from .periods import Period, parse_period
from .plan import Plan
from .submissions.validate import ValidationReport

RECEIVED, REJECTED, MISSING = "received", "rejected", "missing"
# A report's state as a categorical of these (missing first: the code 0): compared as codes,
# not as 250,000 strings.
STATES = [MISSING, REJECTED, RECEIVED]
OUTSIDE_PLAN, IN_FOLDER = "outside_plan", "in_folder"  # why a row is a hint for a missing report
HINT_COLUMNS = ["agency", "indicator", "file", "line", "period", "reason"]


@dataclass(frozen=True)
class Completeness:
    plan: Plan
    period: Period | None
    reports: pd.DataFrame  # agency, indicator, state — one row per expected report
    # HINT_COLUMNS, one row per missing report that a row sent under another period may be
    hints: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=HINT_COLUMNS))

    @property
    def expected(self) -> int:
        return len(self.reports)

    @property
    def received(self) -> int:
        return int((self.reports["state"] == RECEIVED).sum())

    @property
    def rate(self) -> float | None:
        return self.received / self.expected if self.expected else None

    def by_agency(self) -> list[dict[str, Any]]:
        return [self._group_row("agency", code) for code in self._groups("agency")]

    def agency_rates(self) -> dict[str, float]:
        """Each agency with expected reports, in the order of :meth:`by_agency`: its rate.
        Counted as arrays without the lists of missing and rejected indicators that
        :meth:`by_agency` builds: a report wants only the rates of a ministry's 20,000 agencies."""
        agencies = pd.Categorical(self.reports["agency"])
        codes, size = agencies.codes.astype(np.int64), len(agencies.categories)
        expected = np.bincount(codes, minlength=size).tolist()
        received = np.bincount(codes[(self.reports["state"] == RECEIVED).to_numpy(dtype=bool)], minlength=size).tolist()
        names = agencies.categories.astype(str).tolist()  # at once: an arrow-backed index is slow to iterate
        return {name: received[i] / expected[i] for i, name in enumerate(names) if expected[i]}

    def by_indicator(self) -> list[dict[str, Any]]:
        return [self._group_row("indicator", ind.id) for ind in self.plan.indicators]

    def indicator_rates(self) -> dict[str, dict[str, Any]]:
        return {row["id"]: row for row in self.by_indicator()}

    def hint(self, agency: str, indicator: str) -> dict[str, Any] | None:
        """Where a missing report may have gone astray: file, line, the period it gave, why."""
        return self._hint_lookup().get((agency, indicator))

    def _group_row(self, key: str, value: str) -> dict[str, Any]:
        counts = self._groups(key).get(value) or {"expected": 0, "received": 0, "missing": [], "rejected": []}
        return {
            "id": value,
            "expected": counts["expected"],
            "received": counts["received"],
            "rate": counts["received"] / counts["expected"] if counts["expected"] else None,
            "missing": counts["missing"],
            "rejected": counts["rejected"],
        }

    def hints_of(self, key: str, value: str) -> list[dict[str, Any]]:
        """The hints of one agency (``key`` "agency") or indicator, each naming the other."""
        other = "indicator" if key == "agency" else "agency"
        return [{other: hint[other], **_place(hint)} for hint in self._hints_by(key).get(value, [])]

    def _hint_lookup(self) -> dict[tuple[str, str], dict[str, Any]]:
        """(agency, indicator) → hint, read once."""
        cache = self.__dict__.setdefault("_group_cache", {})
        if "hints" not in cache:
            cache["hints"] = {(h["agency"], h["indicator"]): h for h in self.hints.to_dict("records")}
        return cache["hints"]

    def _hints_by(self, key: str) -> dict[str, list[dict[str, Any]]]:
        """Agency (or indicator) → its hints, grouped once: not a search per agency of a ministry."""
        cache = self.__dict__.setdefault("_group_cache", {})
        if f"hints_by_{key}" not in cache:
            grouped: dict[str, list[dict[str, Any]]] = {}
            for hint in self._hint_lookup().values():
                grouped.setdefault(hint[key], []).append(hint)
            cache[f"hints_by_{key}"] = grouped
        return cache[f"hints_by_{key}"]

    def _groups(self, key: str) -> dict[str, dict[str, Any]]:
        """Per agency (or indicator) that has expected reports, in the order of the
        reports: expected and received counts, the missing and the rejected indicators
        (agencies).  Counted with arrays: a ministry has tens of thousands of agencies."""
        cache = self.__dict__.setdefault("_group_cache", {})
        if key not in cache:
            other = "indicator" if key == "agency" else "agency"
            keys = pd.Categorical(self.reports[key])
            partners = pd.Categorical(self.reports[other])
            codes, size = keys.codes.astype(np.int64), len(keys.categories)
            state = self.reports["state"].cat.codes.to_numpy()  # codes of STATES
            expected = np.bincount(codes, minlength=size)
            received = np.bincount(codes[state == STATES.index(RECEIVED)], minlength=size)
            lists = {
                label: _lists_by_code(codes, partners, state == STATES.index(label), size)
                for label in (MISSING, REJECTED)
            }
            cache[key] = {
                str(name): {
                    "expected": int(expected[i]),
                    "received": int(received[i]),
                    "missing": lists[MISSING][i],
                    "rejected": lists[REJECTED][i],
                }
                for i, name in enumerate(keys.categories)
                if expected[i]
            }
        return cache[key]


def completeness(report: ValidationReport, plan: Plan, period: Period | None = None) -> Completeness:
    """Expected reports for ``period`` (default: the latest with accepted rows) and their state."""
    if period is None:
        period = report.latest_period()
    expected = expected_reports(plan)
    state = np.zeros(len(expected), dtype=np.int8)  # a code of STATES a report: a ministry expects 250,000
    if period is not None:
        state[_sent(expected, report.rejected, plan, period)] = STATES.index(REJECTED)
        state[_sent(expected, report.accepted, plan, period)] = STATES.index(RECEIVED)
    reports = expected.assign(state=pd.Categorical.from_codes(state, categories=pd.Index(STATES, dtype=object)))
    if period is None:
        return Completeness(plan, period, reports)
    missing = state == STATES.index(MISSING)
    return Completeness(plan, period, reports, _hints(expected, missing, report, plan, period))


def expected_reports(plan: Plan) -> pd.DataFrame:
    """Every (agency, indicator) pair the plan expects, agencies in the agencies file's
    order, indicators in the plan's; computed once per plan.  Categories of Python strings
    (as the submissions' columns have): looked up a dozen times per run without a
    conversion of 20,000 codes each time."""
    cached = plan.__dict__.get("_expected_reports")
    if cached is not None:
        return cached
    agency_order = {agency.code: i for i, agency in enumerate(plan.agencies)}
    # indicators naming the same reporters share one tuple (a ministry's 20,000 communes for
    # ten pooled indicators): each distinct tuple is looked up once
    positions: dict[int, np.ndarray] = {}
    for ind in plan.indicators:
        codes = plan.expected[ind.id]
        if id(codes) not in positions:
            positions[id(codes)] = np.array([agency_order[code] for code in codes], dtype=np.int64)
    agencies = [positions[id(plan.expected[ind.id])] for ind in plan.indicators]
    agency_index = np.concatenate(agencies) if agencies else np.array([], dtype=np.int64)
    indicator_index = np.repeat(np.arange(len(plan.indicators)), [len(a) for a in agencies])
    order = stable_order(agency_index)
    frame = pd.DataFrame(
        {
            "agency": pd.Categorical.from_codes(
                agency_index[order], categories=pd.Index([a.code for a in plan.agencies], dtype=object)
            ),
            "indicator": pd.Categorical.from_codes(
                indicator_index[order], categories=pd.Index([i.id for i in plan.indicators], dtype=object)
            ),
        }
    )
    plan.__dict__["_expected_reports"] = frame  # the Plan is frozen; its cache is not
    return frame


def _sent(expected: pd.DataFrame, rows: pd.DataFrame, plan: Plan, period: Period) -> np.ndarray:
    """Which expected reports have a row (of ``rows``) for exactly ``period``."""
    at = rows.loc[(rows["year"] == period.year) & (rows["quarter"] == period.quarter), ["agency", "indicator"]]
    width = len(plan.indicators)
    agency = _positions(at["agency"], expected["agency"].cat.categories)
    indicator = _positions(at["indicator"], expected["indicator"].cat.categories)
    known = (agency >= 0) & (indicator >= 0)
    # one flag per (agency, indicator) cell of the plan, set where a row was sent
    sent = np.zeros(len(expected["agency"].cat.categories) * width, dtype=bool)
    sent[agency[known] * width + indicator[known]] = True
    wanted = expected["agency"].cat.codes.to_numpy(dtype=np.int64) * width + expected["indicator"].cat.codes.to_numpy()
    return sent[wanted]


def _positions(values: pd.Series, categories: pd.Index) -> np.ndarray:
    """Each value's position among ``categories`` (-1 when absent), once per distinct value."""
    codes, uniques = _factorized(values)  # code -1: a missing value
    lookup = np.append(categories.astype(object).get_indexer(pd.Index(uniques, dtype=object)), -1)
    # int32: 4 MB a million rows, not 8 (a plan's cells, agencies × indicators, are far fewer than 2³¹)
    return lookup.astype(np.int32).take(codes)  # take: -1 is the last place


def _factorized(values: pd.Series) -> tuple[np.ndarray, Any]:
    """(codes, distinct values) as pd.factorize gives them; a categorical column's own codes
    and categories (a category no row holds is only looked up in vain): no hash of a
    million cells."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.array.codes, values.cat.categories
    return pd.factorize(values)


def _lists_by_code(codes: np.ndarray, partners: pd.Categorical, chosen: np.ndarray, size: int) -> list[list[str]]:
    """For each code, the partners of the chosen rows in row order."""
    rows = np.flatnonzero(chosen)
    rows = rows[stable_order(codes[rows])]
    bounds = np.concatenate([[0], np.cumsum(np.bincount(codes[rows], minlength=size))])
    names = np.asarray(partners.categories, dtype=object)[partners.codes[rows]].tolist()
    return [names[bounds[i] : bounds[i + 1]] for i in range(size)]


# --------------------------------------------------------------------------- hints


def _hints(
    expected: pd.DataFrame, missing: np.ndarray, report: ValidationReport, plan: Plan, period: Period
) -> pd.DataFrame:
    """For each missing report, the first row of that agency and indicator sent under another
    period: a rejected row of the plan period's quarter in another year, or any row (rejected
    or accepted) of another period in a file in ``period``'s folder.  Masks over the arrays,
    one key per (agency, indicator) cell as in :func:`_sent`: a million rows cost milliseconds."""
    rejected, accepted = report.rejected, report.accepted
    parts = [
        (rejected, _outside_plan(rejected, plan, period), OUTSIDE_PLAN),
        (rejected, _in_folder(rejected, period), IN_FOLDER),
        (accepted, _in_folder(accepted, period), IN_FOLDER),
    ]
    width = len(plan.indicators)
    wanted = _cells(expected["agency"], expected["indicator"], expected, width)
    missing_cells = set(wanted[missing].tolist())
    found: dict[int, dict[str, Any]] = {}
    for rows, chosen, reason in parts:
        picked = np.flatnonzero(chosen)  # few rows, normally: only they are looked up
        cells = _cells(rows["agency"].iloc[picked], rows["indicator"].iloc[picked], expected, width)
        keep = np.isin(cells, list(missing_cells))
        first_cells, first = np.unique(cells[keep], return_index=True)  # the first row of each cell
        for cell, row in zip(first_cells.tolist(), picked[keep][first].tolist(), strict=True):
            found.setdefault(cell, _hint_row(rows, row, reason))
    order = [cell for cell in wanted[missing].tolist() if cell in found]  # the reports' order
    return pd.DataFrame([found[cell] for cell in order], columns=HINT_COLUMNS)


def _cells(agency: pd.Series, indicator: pd.Series, expected: pd.DataFrame, width: int) -> np.ndarray:
    """One integer per row for its (agency, indicator) cell of the plan; -1 when either is unknown."""
    a = _positions(agency, expected["agency"].cat.categories)
    i = _positions(indicator, expected["indicator"].cat.categories)
    return np.where((a >= 0) & (i >= 0), a * width + i, -1)


def _outside_plan(rows: pd.DataFrame, plan: Plan, period: Period) -> np.ndarray:
    """Rows whose period is the right quarter of a year no plan covers (a typo in the year);
    a row of a year another listed pack covers was checked against that pack instead."""
    year, quarter = _floats(rows["year"]), _floats(rows["quarter"])
    return (~np.isnan(year)) & ~np.isin(year, plan.row_years) & (quarter == period.quarter)


def _in_folder(rows: pd.DataFrame, period: Period) -> np.ndarray:
    """Rows of another period (or none readable) in a file in ``period``'s folder."""
    codes, files = _factorized(rows["file"])
    in_folder = np.append([folder_period(str(name)) == period for name in files], False).astype(bool).take(codes)
    if not in_folder.any():  # no file filed under the period: no float copy of a million years
        return in_folder
    this_quarter = ((rows["year"] == period.year) & (rows["quarter"] == period.quarter)).to_numpy()
    chosen = in_folder & ~this_quarter
    unread = np.flatnonzero(chosen & rows["year"].isna().to_numpy())  # no period read: a hint only if one was typed
    if len(unread):
        chosen[unread] = [_typed(cell) is not None for cell in rows["period"].iloc[unread]]
    return chosen


def folder_period(file: str) -> Period | None:
    """The quarter a file is filed under: the nearest folder named as a period (``2024-Q2``,
    ``Quý II-2024`` …), or None."""
    for folder in reversed(PurePath(file).parent.parts):
        found = parse_period(folder)
        if found:
            return found
    return None


def _floats(column: pd.Series) -> np.ndarray:
    return column.to_numpy(dtype="float64", na_value=np.nan)


def _hint_row(rows: pd.DataFrame, row: int, reason: str) -> dict[str, Any]:
    record = rows.iloc[row]
    typed = _typed(record.get("period"))  # as the agency wrote it; accepted rows keep only the quarter
    given = typed if typed is not None else f"{int(record['year'])}-Q{int(record['quarter'])}"
    return {
        "agency": str(record["agency"]),
        "indicator": str(record["indicator"]),
        "file": str(record["file"]),
        "line": int(record["line"]),
        "period": given,
        "reason": reason,
    }


def _typed(cell: Any) -> str | None:
    return cell.strip() if isinstance(cell, str) and cell.strip() else None


def _place(hint: dict[str, Any]) -> dict[str, Any]:
    return {key: hint[key] for key in ("file", "line", "period", "reason")}


# A table of agencies people read (the terminal's `cds status`, the Word and HTML reports) longer
# than this lists those that most need a call and says how many it left out: 22,000 rows are
# 700 pages no one signs or reads.  The CSV, the XLSX and the Markdown keep every agency.
LONG_LIST = 200
Item = TypeVar("Item")


def lowest_first(items: Sequence[Item], key: Callable[[Item], tuple[float, ...]]) -> list[Item]:
    """All ``items`` in their own order; past :data:`LONG_LIST`, the ``LONG_LIST`` with the
    lowest ``key`` (a reporting rate first), ties in their own order."""
    if len(items) <= LONG_LIST:
        return list(items)
    ranked = sorted(range(len(items)), key=lambda k: (*key(items[k]), k))
    return [items[k] for k in ranked[:LONG_LIST]]
