"""Validation rules, each a small function from the whole table to a boolean mask.

A rule never loops over rows: it looks at complete columns (``prepare`` has already
resolved agencies, periods, indicators and numbers once per column) and returns the
rows that break it.  :func:`run_rules` is the one shared step that turns the failing
rows of every rule into findings.  Only failing rows are visited in Python, to word
their messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd

from ..findings import Finding, Severity, hint
from ..numbers import AMBIGUOUS, INVALID, NOT_WHOLE, ParsedNumbers, parse_counts, parse_percents
from ..periods import parse_period
from ..plan import Plan
from ..plan.model import years_term
from ..text import fold, fold_all
from ..words.messages import Term
from .reading import text_categories, united

# Milestone statuses as agencies write them (folded), README: Submission files.
STATUS_SPELLINGS = {
    "done": "done",
    "da trien khai": "done",
    "hoan thanh": "done",
    "in_progress": "in_progress",
    "in progress": "in_progress",
    "dang trien khai": "in_progress",
    "not_started": "not_started",
    "not started": "not_started",
    "chua trien khai": "not_started",
}
COUNT_TOLERANCE = 0.5  # percentage points between value and numerator/denominator
# No count of a province's services, records or people comes near this; past it, sums of
# counts could overflow to infinity (and 2**53 ≈ 9·10^15 is where floats stop being whole).
MAX_COUNT = 10**15


@dataclass(frozen=True)
class Rule:
    code: str
    column: str | None
    mask: Callable[[pd.DataFrame, Plan], pd.Series]
    params: Callable[[dict[str, Any], Plan], dict[str, Any]]
    severity: Severity = "error"
    # told all failing rows before their messages are worded (to skip hopeless suggestions)
    prime: Callable[[list[dict[str, Any]], Plan], None] | None = None


def _as_categorical(
    results: list[Any], codes: np.ndarray, index: pd.Index, held: np.ndarray | None = None
) -> pd.Series:
    """Spread one result per distinct cell back over the rows (code -1: nothing), as a
    categorical column whose categories are the results some row holds, sorted.

    ``held`` says which distinct cells some row holds (None: every one): a category that
    no row holds must not become one of the column's categories."""
    results = [None if r is None or r != r else r for r in results]  # NaN is "nothing" too
    if held is not None:
        results = [r if on else None for r, on in zip(results, held.tolist(), strict=True)]
    categories = sorted({r for r in results if r is not None})
    position = {category: i for i, category in enumerate(categories)}
    # code -1 (NA) → the last place; codes as narrow as pandas keeps them (no second pass)
    width = np.int8 if len(categories) < 127 else np.int16 if len(categories) < 32_767 else np.int32
    remap: np.ndarray = np.array([position.get(r, -1) for r in results] + [-1], dtype=width)
    # no result at all (a column's problems and readings, mostly): no lookup row by row
    spread: np.ndarray = remap.take(codes) if categories else np.full(len(codes), -1, dtype=width)
    categorical = pd.Categorical.from_codes(spread, categories=text_categories(categories))
    return pd.Series(categorical, index=index, copy=False)  # pandas would copy the codes again


def coded(cells: pd.Series) -> tuple[np.ndarray, list[Any], np.ndarray]:
    """(each row's code, the distinct cells the codes stand for, which of them some row
    holds).  A categorical column (every text column the readers make) gives its own codes
    and categories: no hash of a million cells, one pass to mark the categories in use."""
    if isinstance(cells.dtype, pd.CategoricalDtype):
        codes = cells.array.codes
        values = cells.cat.categories.tolist()
        return codes, values, _held(codes, len(values))
    codes, uniques = pd.factorize(cells)
    return codes, uniques.tolist(), np.ones(len(uniques), dtype=bool)


def _held(codes: np.ndarray, count: int) -> np.ndarray:
    """Which of ``count`` categories some code stands for (code -1, nothing, stands for none).

    Counted with bincount, twice as quick as marking by fancy indexing: codes of one or two
    bytes read as unsigned put -1 past every category (a categorical of that width has at
    most 127 or 32,767), wider ones are counted without their -1s."""
    if codes.dtype.itemsize <= 2:
        counts = np.bincount(codes.view(f"u{codes.dtype.itemsize}"), minlength=count)
    else:
        counts = np.bincount(codes[codes >= 0], minlength=count)
    return counts[:count] > 0


def categorize(cells: pd.Series, resolve: Callable[[list[str]], list[Any]]) -> pd.Series:
    """The categorical column of what ``resolve`` makes of the distinct cells, all given at once.

    Agency, period, indicator and status columns repeat a few dozen (or a few thousand)
    spellings over up to a million rows: resolving each distinct spelling once, and
    keeping the result as small integer codes, is what makes validation scale."""
    codes, values, held = coded(cells)
    return _resolved(codes, values, held, resolve, cells.index)


def _resolved(
    codes: np.ndarray, values: list[Any], held: np.ndarray, resolve: Callable[[list[str]], list[Any]], index: pd.Index
) -> pd.Series:
    """:func:`categorize` of a column already coded: ``values`` those some code holds resolved."""
    on = held.tolist()
    resolved = iter(resolve([value for value, some in zip(values, on, strict=True) if some]))
    return _as_categorical([next(resolved) if some else None for some in on], codes, index)


def folded_in(lookup: dict[str, str]) -> Callable[[list[str]], list[str | None]]:
    """What ``lookup`` gives each spelling, folded: all folded together (a ministry's 24,000
    agency spellings in 3 ms, not 10 one by one)."""
    return lambda spellings: list(map(lookup.get, fold_all(spellings)))


def periods(cells: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Year and quarter of every row (NaN where the cell is not a period)."""
    codes, values, held = coded(cells)
    found = [parse_period(v) if on else None for v, on in zip(values, held.tolist(), strict=True)]
    # float32 holds every year and quarter exactly, and NaN: 8 MB less a million rows than float64
    year = np.array([p.year if p else np.nan for p in found] + [np.nan], dtype="float32")
    quarter = np.array([p.quarter if p else np.nan for p in found] + [np.nan], dtype="float32")
    return year.take(codes), quarter.take(codes)  # take: quicker than indexing, -1 is the last


def parse_unique(
    columns: list[pd.Series], parser: Callable[[pd.Series], ParsedNumbers], rows: np.ndarray
) -> list[ParsedNumbers]:
    """Run a number parser once on the distinct cells of ``columns`` (a numerator and its
    denominator share most spellings), then spread the results back over each column's
    rows where ``rows`` is true (NaN and nothing elsewhere): problems and readings as
    categoricals, a handful of values over many rows."""
    found = [coded(cells) for cells in columns]
    distinct, positions = united(
        [[v for v, on in zip(values, held.tolist(), strict=True) if on] for _, values, held in found]
    )
    parsed = parser(pd.Series(distinct, dtype=object))
    values = np.append(parsed.value.to_numpy(dtype="float64"), np.nan)
    problems, readings = parsed.problem.tolist() + [None], parsed.readings.tolist() + [None]
    results = []
    for cells, (codes, _, held), where in zip(columns, found, positions, strict=True):
        # each category's place among the distinct cells (the spare last place: nothing)
        place = np.full(len(held) + 1, len(distinct), dtype=np.intp)
        place[np.flatnonzero(held)] = where
        kept = np.where(rows, codes, -1)
        results.append(
            ParsedNumbers(
                pd.Series(values.take(place).take(kept), index=cells.index, copy=False),
                _as_categorical([problems[k] for k in place[:-1]], kept, cells.index),
                _as_categorical([readings[k] for k in place[:-1]], kept, cells.index),
            )
        )
    return results


def _attribute(ids: pd.Series, values: dict[str, Any]) -> pd.Series:
    """An indicator attribute for every row, as a categorical (one byte a row, not a pointer).
    Every category of ``ids`` is held by some row (:func:`categorize` keeps no other)."""
    return _as_categorical([values.get(i) for i in ids.cat.categories], ids.cat.codes.to_numpy(), ids.index)


def prepare(df: pd.DataFrame, plan: Plan) -> pd.DataFrame:
    """Resolve every column once (adding columns to ``df``): codes, periods, indicator
    attributes, numbers."""
    df["agency_code"] = categorize(df["agency"], folded_in(plan.agency_lookup))
    year, quarter = periods(df["period"])
    df["year"] = pd.Series(year, index=df.index, copy=False)  # pandas would copy a bare array
    df["quarter"] = pd.Series(quarter, index=df.index, copy=False)
    ids = {fold(ind.id): ind.id for ind in plan.indicators}
    df["indicator_id"] = categorize(df["indicator"], folded_in(ids))
    for attribute in ("unit", "time", "aggregate", "reporter"):
        df[attribute] = _attribute(df["indicator_id"], {ind.id: getattr(ind, attribute) for ind in plan.indicators})
    percent = _is(df["unit"], "percent")
    # Numerator and denominator are read for percent indicators only; a value as a percent,
    # as a count (a count indicator's whole number) or as a milestone's status.
    counts = parse_unique([df["numerator"], df["denominator"]], parse_counts, percent)
    percents = parse_unique([df["value"]], parse_percents, percent)
    for column, parsed in zip(("numerator", "denominator", "value"), counts + percents, strict=True):
        df[column + "_n"] = parsed.value
        df[column + "_problem"] = parsed.problem
        df[column + "_readings"] = parsed.readings
    count = _is(df["unit"], "count")
    if count.any():  # most packs have none: their million rows are not parsed twice
        _read_count_values(df, count)
    codes, values, _ = coded(df["value"])
    codes = np.where(_is(df["unit"], "milestone"), codes, -1)  # a status is read for milestones only
    df["status"] = _resolved(codes, values, _held(codes, len(values)), folded_in(STATUS_SPELLINGS), df.index)
    return df


def _read_count_values(df: pd.DataFrame, count: np.ndarray) -> None:
    """A count indicator's value read by the count rules (whole, thousands grouped:
    ``1.000`` = 1000, ``2,5`` is not whole), over the percent reading of those rows."""
    (parsed,) = parse_unique([df["value"]], parse_counts, count)
    df["value_n"] = df["value_n"].where(~count, parsed.value)
    for part in ("problem", "readings"):
        ours, theirs = (cast(pd.Series, c).astype(object) for c in (getattr(parsed, part), df["value_" + part]))
        df["value_" + part] = pd.Series(np.where(count, ours, theirs), index=df.index, dtype=object).astype("category")


def _is(cells: pd.Series, value: str) -> np.ndarray:
    """Which rows of a categorical column hold ``value``, compared as codes."""
    categories = cells.cat.categories.tolist()
    codes = cells.array.codes
    return codes == categories.index(value) if value in categories else np.zeros(len(codes), dtype=bool)


def run_rules(df: pd.DataFrame, plan: Plan, file_names: list[str]) -> tuple[list[Finding], pd.Series]:
    """Apply every rule; return the findings and a mask of the rows they reject.

    A row the reader already rejected (an unclosed quote, a cell holding an Excel error)
    has its one finding from the reader: the rules are not worded on what it misread."""
    flawed = df["flawed"].to_numpy(dtype=bool)
    sound = ~flawed
    rejected_rows = flawed.copy()
    # Each rule's failing rows as positions, kept as the rules run: a mask of a million rows
    # per rule, all held at once, was the peak of a big file's memory.
    failing: dict[Rule, np.ndarray] = {}
    for rule in RULES:
        mask = _mask(rule.mask(df, plan)) & sound
        if mask.any():
            failing[rule] = np.flatnonzero(mask)
            rejected_rows |= mask
    rejected = pd.Series(rejected_rows, index=df.index, copy=False)
    # The failing rows as records, made once for all the rules: pandas' to_dict costs the
    # same for one row as for hundreds, and a dozen rules may fail in a file.
    positions = np.flatnonzero(rejected_rows)
    records = _records(df.iloc[positions])
    findings: list[Finding] = []
    for rule, rows in failing.items():
        own = [records[k] for k in np.searchsorted(positions, rows).tolist()]
        if rule.prime is not None:
            rule.prime(own, plan)
        findings += [
            Finding(
                rule.code,
                rule.severity,
                file_names[record["file_index"]],
                int(record["line"]),
                rule.column,
                rule.params(record, plan),
            )
            for record in own
        ]
    return findings, rejected


def _mask(found: pd.Series) -> np.ndarray:
    """A rule's mask as booleans, NA as False (the copies only when there is an NA)."""
    if found.dtype == bool:
        return found.to_numpy()
    return found.fillna(False).astype(bool).to_numpy()


def _records(rows: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows as dicts of Python values, as ``to_dict("records")`` makes them (strings,
    ints, floats, NaN where nothing), from each column's ``tolist``: a third of the time of
    pandas' boxing value by value, for the thousands of rows a big file rejects."""
    names = list(rows.columns)
    return [dict(zip(names, row, strict=True)) for row in zip(*(rows[name].tolist() for name in names), strict=True)]


# --------------------------------------------------------------------------- the rules


def _has(df: pd.DataFrame, column: str) -> pd.Series:
    return df[column].ne("")


def _cell(column: str) -> Callable[[dict[str, Any], Plan], dict[str, Any]]:
    term = Term(f"column.{column}")  # one for every finding: a Term is frozen
    return lambda r, plan: {"column": term, "value": r[column], "year": plan.year}


def _number_problem(column: str, problem: str) -> Rule:
    codes = {INVALID: "number_invalid", NOT_WHOLE: "number_not_whole", AMBIGUOUS: "number_ambiguous"}
    return Rule(
        codes[problem],
        column,
        lambda df, plan: df[column + "_problem"].eq(problem),
        lambda r, plan: {**_cell(column)(r, plan), "readings": r[column + "_readings"]},
    )


def _required(column: str) -> Rule:
    return Rule(
        "required_missing",
        column,
        lambda df, plan: ~_has(df, column),
        lambda r, plan: {"column": Term(f"column.{column}")},
    )


def _suggestion(params: dict[str, Any], guess: str | None) -> dict[str, Any]:
    return {**params, "hint": hint(guess)}


def _agency_hint(r: dict[str, Any], plan: Plan) -> dict[str, Any]:
    guess = plan.suggest_agency(fold(r["agency"]))
    return _suggestion({"value": r["agency"]}, plan.agency_lookup[guess] if guess else None)


def _indicator_hint(r: dict[str, Any], plan: Plan) -> dict[str, Any]:
    return _suggestion({"value": r["indicator"]}, plan.suggest_indicator(r["indicator"].strip().lower()))


def _incomplete_counts(r: dict[str, Any], plan: Plan) -> dict[str, Any]:
    present, absent = ("numerator", "denominator") if r["numerator"] else ("denominator", "numerator")
    return {"present": Term(f"count.{present}"), "absent": Term(f"count.{absent}")}


def _needs_counts(r: dict[str, Any], plan: Plan) -> dict[str, Any]:
    kinds = [k for k, on in (("pooled", r["aggregate"] == "pooled"), ("flow", r["time"] == "flow")) if on]
    return {"indicator": r["indicator_id"], "kind": Term("kind." + "_".join(kinds))}


def _fmt(number: float) -> float:
    """A figure for a message, left a number so that it is worded per language."""
    return float(number)


def _not_reporter(df: pd.DataFrame) -> pd.Series:
    """Whether a row's agency differs from its indicator's reporter, compared as codes."""
    agency, reporter = pd.Categorical(df["agency_code"]), pd.Categorical(df["reporter"])
    lookup = np.append(agency.categories.get_indexer(reporter.categories), -1)  # reporter → agency code
    return pd.Series(agency.codes != lookup[reporter.codes], index=df.index, copy=False)


def _count_too_large(column: str) -> Rule:
    return Rule(
        "count_too_large",
        column,
        lambda df, plan: _counted(df, column, df[column + "_n"].abs() > MAX_COUNT),
        lambda r, plan: {**_cell(column)(r, plan), "limit": float(MAX_COUNT)},
    )


def _count_negative(column: str) -> Rule:
    return Rule(
        "count_negative",
        column,
        lambda df, plan: _counted(df, column, df[column + "_n"] < 0),
        lambda r, plan: {"column": Term(f"column.{column}"), "value": _fmt(r[column + "_n"])},
    )


def _counted(df: pd.DataFrame, column: str, mask: pd.Series) -> pd.Series:
    """``mask`` on the rows where the column holds a count: every row for numerator and
    denominator (they are read for percents only), a count indicator's for the value."""
    return mask & df["unit"].eq("count") if column == "value" else mask


def _outside_years(year: pd.Series, years: tuple[int, ...]) -> pd.Series:
    """Rows of no year in ``years``: one comparison for a one-year plan, as always."""
    return year.ne(years[0]) if len(years) == 1 else ~year.isin(years)


def _both_counts(df: pd.DataFrame) -> pd.Series:
    return df["numerator_n"].notna() & df["denominator_n"].notna()


def _value_mismatch(df: pd.DataFrame) -> np.ndarray:
    """A percent in 0–100 that differs from its counts' by more than the tolerance (counts
    that cannot make a percent, a NaN anywhere: no mismatch).  Worked out only on the rows
    that have a percent (most rows of a big file give counts alone): no float temporaries
    of a million rows."""
    value = df["value_n"].to_numpy()
    rows = np.flatnonzero((value >= 0) & (value <= 100))
    value = value[rows]
    numerator, denominator = (df[c].to_numpy()[rows] for c in ("numerator_n", "denominator_n"))
    with np.errstate(invalid="ignore", divide="ignore"):
        computed = 100.0 * numerator / np.where(denominator > 0, denominator, np.nan)
        found = (np.abs(value - computed) > COUNT_TOLERANCE) & (numerator <= denominator)
    mismatch = np.zeros(len(df), dtype=bool)
    mismatch[rows[found]] = True
    return mismatch


RULES: list[Rule] = [
    *(_required(column) for column in ("agency", "period", "indicator")),
    Rule(
        "extra_cells",
        None,
        lambda df, plan: df["extra_cells"] > 0,
        lambda r, plan: {"cells": r["extra_cells"], "width": r["width"]},
    ),
    Rule(
        "agency_unknown",
        "agency",
        lambda df, plan: _has(df, "agency") & df["agency_code"].isna(),
        _agency_hint,
        prime=lambda records, plan: plan.suggest_agency.expect(fold(r["agency"]) for r in records),
    ),
    Rule("period_invalid", "period", lambda df, plan: _has(df, "period") & df["year"].isna(), _cell("period")),
    Rule(
        "period_outside_plan",
        "period",
        lambda df, plan: df["year"].notna() & _outside_years(df["year"], plan.row_years),
        lambda r, plan: {
            "value": f"{int(r['year'])}-Q{int(r['quarter'])}",
            "year": plan.year,
            "years": years_term(plan.row_years),
        },
    ),
    Rule(
        "indicator_unknown",
        "indicator",
        lambda df, plan: _has(df, "indicator") & df["indicator_id"].isna(),
        _indicator_hint,
        prime=lambda records, plan: plan.suggest_indicator.expect(r["indicator"].strip().lower() for r in records),
    ),
    *(
        _number_problem(column, problem)
        for column in ("numerator", "denominator", "value")
        for problem in (INVALID, NOT_WHOLE, AMBIGUOUS)
    ),
    *(_count_too_large(column) for column in ("numerator", "denominator", "value")),
    *(_count_negative(column) for column in ("numerator", "denominator", "value")),
    Rule("denominator_zero", "denominator", lambda df, plan: df["denominator_n"].eq(0), lambda r, plan: {}),
    Rule(
        "numerator_exceeds_denominator",
        "numerator",
        lambda df, plan: _both_counts(df) & (df["numerator_n"] > df["denominator_n"]) & (df["denominator_n"] > 0),
        lambda r, plan: {"numerator": _fmt(r["numerator_n"]), "denominator": _fmt(r["denominator_n"])},
    ),
    Rule(
        "percent_out_of_range",
        "value",
        lambda df, plan: df["unit"].eq("percent") & ~df["value_n"].between(0, 100) & df["value_n"].notna(),
        lambda r, plan: {"value": _fmt(r["value_n"])},
    ),
    Rule(
        "value_mismatch",
        "value",
        lambda df, plan: pd.Series(_value_mismatch(df), index=df.index, copy=False),
        lambda r, plan: {
            "value": _fmt(r["value_n"]),
            "computed": round(100.0 * r["numerator_n"] / r["denominator_n"], 2),
        },
    ),
    Rule(
        "counts_incomplete",
        None,
        lambda df, plan: df["unit"].eq("percent") & (_has(df, "numerator") != _has(df, "denominator")),
        _incomplete_counts,
    ),
    Rule(
        "counts_required",
        None,
        lambda df, plan: (
            df["unit"].eq("percent")
            & (df["aggregate"].eq("pooled") | df["time"].eq("flow"))
            & ~_has(df, "numerator")
            & ~_has(df, "denominator")
        ),
        _needs_counts,
    ),
    Rule(
        "value_missing",
        "value",
        lambda df, plan: (
            df["unit"].eq("percent")
            & df["aggregate"].eq("single")
            & df["time"].eq("stock")
            & ~_has(df, "numerator")
            & ~_has(df, "denominator")
            & ~_has(df, "value")
        ),
        lambda r, plan: {},
    ),
    Rule(
        "count_value_missing",
        "value",
        lambda df, plan: df["unit"].eq("count") & ~_has(df, "value"),
        lambda r, plan: {"indicator": r["indicator_id"]},
    ),
    Rule(
        "counts_not_allowed",
        None,
        lambda df, plan: df["unit"].eq("count") & (_has(df, "numerator") | _has(df, "denominator")),
        lambda r, plan: {"indicator": r["indicator_id"]},
    ),
    Rule(
        "status_missing",
        "value",
        lambda df, plan: df["unit"].eq("milestone") & ~_has(df, "value"),
        lambda r, plan: {"indicator": r["indicator_id"]},
    ),
    Rule(
        "status_invalid",
        "value",
        lambda df, plan: df["unit"].eq("milestone") & _has(df, "value") & df["status"].isna(),
        _cell("value"),
    ),
    Rule(
        "wrong_reporter",
        "agency",
        lambda df, plan: df["aggregate"].eq("single") & df["agency_code"].notna() & _not_reporter(df),
        lambda r, plan: {"indicator": r["indicator_id"], "reporter": r["reporter"], "agency": r["agency_code"]},
    ),
]
