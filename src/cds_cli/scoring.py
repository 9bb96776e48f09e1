"""Scoring accepted rows against the plan (README: Scoring).

For a period P (a quarter of the plan year):

* ``stock`` indicators take each agency's latest accepted row with period ≤ P;
  ``flow`` indicators sum each agency's numerators and denominators over periods ≤ P.
* ``pooled``: V = 100·Σnumerator/Σdenominator over agencies (a pooled rate, not a mean of
  rates); a count sums the agencies' values; ``single``: the reporter's own figure.
* attainment = 100·V/T (higher is better) or 100·T/V (lower is better), uncapped;
  progress = 100·(V−B)/(T−B).
* A status answers "will this target be met by its due quarter?".  At and after the due
  quarter it is a fact: achieved / not_achieved / no_data.  Before it, a judgement against
  the value expected on the straight path from the baseline to the target: achieved (a
  stock already at its level) / on_track / at_risk / off_track.  Without a plan baseline
  the path starts at the indicator's first reported quarter (a *provisional baseline*).
* pillar score = weighted mean of min(attainment, 100) over indicators with data;
  index = weighted mean of pillar scores; coverages say how much of the plan had data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd

from .arrays import stable_order
from .findings import Finding
from .memory import DENSE_CELLS
from .periods import Period, period_of, quarter_number, quarter_numbers
from .plan import Indicator, Plan, meets
from .plan.model import TOLERANCE
from .status import Completeness, completeness
from .submissions.validate import RowCounts, ValidationReport

STATUSES = ("achieved", "on_track", "at_risk", "off_track", "not_achieved", "no_data")
FINAL_STATUSES = ("achieved", "not_achieved", "no_data")  # at and after an indicator's due quarter
MILESTONE_ATTAINMENT = {"done": 100.0, "in_progress": 50.0, "not_started": 0.0}
PROVISIONAL_BELOW = 0.9  # an index built on fewer than 90% of the expected reports is provisional
AT_RISK_SHARE = 0.9  # within 90% of the expected value is "at risk", below is "off track"


@dataclass(frozen=True)
class ProvisionalBaseline:
    """Where the expected path starts for an indicator the plan gives no baseline: its value
    in the first quarter of the year it was reported, scored as that quarter was."""

    period: Period
    value: float


@dataclass(frozen=True)
class IndicatorScore:
    indicator: Indicator
    baseline: float | str | None
    value: float | str | None
    numerator: float | None
    denominator: float | None
    reporters: int
    attainment: float | None
    progress: float | None
    expected: float | None
    met: bool | None
    status: str
    provisional_baseline: ProvisionalBaseline | None = None

    @property
    def id(self) -> str:
        return self.indicator.id


@dataclass(frozen=True)
class PillarScore:
    id: str
    score: float | None
    coverage: float
    with_data: int
    total: int


@dataclass(frozen=True)
class Scorecard:
    """The answer of ``cds score``: every indicator, every pillar, the index."""

    plan: Plan
    period: Period | None
    indicators: list[IndicatorScore]
    pillars: list[PillarScore]
    index_score: float | None
    index_coverage: float
    rows: RowCounts
    findings: list[Finding]
    reporting: Completeness

    def status_counts(self) -> dict[str, int]:
        return {status: sum(1 for s in self.indicators if s.status == status) for status in STATUSES}

    def possible_statuses(self) -> tuple[str, ...]:
        """The statuses this period can give, in display order: a table's legend lists these
        (at the year's end only achieved / not achieved / no data)."""
        return possible_statuses(self.plan, self.period)

    @property
    def provisional(self) -> bool:
        """Whether the index rests on too few reports to be read as the period's result."""
        rate = self.reporting.rate
        return rate is None or rate < PROVISIONAL_BELOW

    def pillar_reporting_rate(self, pillar_id: str) -> float | None:
        """Received / expected reports of the pillar's indicators for the period."""
        rates = self.reporting.indicator_rates()
        members = [rates[ind.id] for ind in self.plan.indicators if ind.pillar == pillar_id]
        expected = sum(r["expected"] for r in members)
        return sum(r["received"] for r in members) / expected if expected else None


def score(report: ValidationReport, plan: Plan, period: Period | None = None) -> Scorecard:
    """Score the accepted rows of ``report`` at ``period`` (default: the latest reported)."""
    period = period or report.latest_period()
    latest_rows, flow_sums = _rows_up_to(report.accepted, plan, period)
    latest_of, sums_of = _summaries(latest_rows, counted_only=False), _summaries(flow_sums, counted_only=True)
    provisional = _provisional_baselines(report.accepted, plan, period)
    scores = [
        _score_indicator(
            ind, plan, period, latest_of.get(ind.id, _NO_ROWS), sums_of.get(ind.id, _NO_ROWS), provisional.get(ind.id)
        )
        for ind in plan.indicators
    ]
    pillars = [_pillar_score(pillar.id, scores) for pillar in plan.pillars]
    weights = {p.id: p.weight for p in plan.pillars}
    index_score = _weighted_mean([(p.score, weights[p.id]) for p in pillars if p.score is not None])
    total_weight = sum(weights.values())
    index_coverage = sum(p.coverage * weights[p.id] for p in pillars) / total_weight if total_weight else 0.0
    return Scorecard(
        plan,
        period,
        scores,
        pillars,
        index_score,
        index_coverage,
        report.rows,
        report.findings,
        completeness(report, plan, period),
    )


def _rows_up_to(accepted: pd.DataFrame, plan: Plan, period: Period | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows a period is scored from: each agency's latest row per indicator (stock),
    in quarter order since the plan's first year, and each agency's year-to-date sums per
    indicator (flow: the period's own year, also in a programme of several years).  One
    integer key per (indicator, agency) pair: a million rows are sorted and summed as arrays."""
    upto = _since_plan_start(accepted, plan, period)  # no copy when every row is in scope
    indicator, agency = pd.Categorical(upto["indicator"]), pd.Categorical(upto["agency"])
    width = max(len(agency.categories), 1)
    # Arrays of a million rows are worked in place: each temporary is 8 MB more at the peak.
    key = indicator.codes.astype(np.int64)
    key *= width
    key += agency.codes
    cells = len(indicator.categories) * width
    groups, pairs = _pairs(key, cells)
    latest_rows = upto[_SCORED_COLUMNS].iloc[_last_rows(upto, groups, len(pairs))]  # not the file, line and note
    if period is not None and period.year != plan.year:  # a flow counts its own year only
        this_year = (upto["year"] == period.year).to_numpy()
        upto, key = upto[this_year], key[this_year]
        groups, pairs = _pairs(key, cells)
    del key
    sums: dict[str, Any] = {
        "indicator": pd.Categorical.from_codes(pairs // width, categories=indicator.categories),
        "agency": pd.Categorical.from_codes(pairs % width, categories=agency.categories),
    }
    for column in ("numerator", "denominator", "value"):  # value: a count's year to date
        values = upto[column].to_numpy(dtype="float64", na_value=np.nan)
        present = ~np.isnan(values)
        counted = groups[present]
        total = np.bincount(counted, weights=values[present], minlength=len(pairs))
        sums[column] = np.where(np.bincount(counted, minlength=len(pairs)) > 0, total, np.nan)
        del counted
    return latest_rows, pd.DataFrame(sums)


def _last_rows(rows: pd.DataFrame, groups: np.ndarray, count: int) -> np.ndarray:
    """The positions of each group's last row in quarter order, across years (ties: file
    order): the row whose quarter, then position, is the greatest.  Returned in quarter
    order, then the rows' order (an indicator's last row among them is its latest)."""
    size = len(groups)
    year, quarter = rows["year"].to_numpy(dtype=np.int64), rows["quarter"].to_numpy()
    order = quarter_numbers(year, quarter)
    order *= size
    order += np.arange(size)
    last = np.full(count, -1, dtype=np.int64)
    np.maximum.at(last, groups, order)
    # In the rows' order by marking (each group's row is its own), then in quarter order by
    # a stable radix sort of the few quarters: a sort of 250,000 keys cost four times this.
    chosen = np.zeros(size, dtype=bool)
    chosen[last % max(size, 1)] = True
    positions = np.flatnonzero(chosen)
    quarters = quarter_numbers(year[positions], quarter[positions])
    return positions[stable_order(quarters - quarters.min())] if len(positions) else positions


def _since_plan_start(rows: pd.DataFrame, plan: Plan, period: Period | None) -> pd.DataFrame:
    """The rows from the plan's first quarter through ``period`` (none without a period).
    A one-year plan keeps its one comparison of years; at the year's end every row is
    chosen and none is copied."""
    if period is None:
        return rows.iloc[:0]
    if period.year == plan.year:
        chosen = ((rows["year"] == plan.year) & (rows["quarter"] <= period.quarter)).to_numpy()
        return rows if chosen.all() else rows.loc[chosen, _SCORED_COLUMNS]
    number = quarter_numbers(rows["year"], rows["quarter"])
    return rows.loc[(rows["year"] >= plan.year) & (number <= quarter_number(period)), _SCORED_COLUMNS]


def _pairs(key: np.ndarray, cells: int) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize(key, sort=True)``: each row's group and the keys in order, by counting
    into one slot per possible key (the plan's indicators × its agencies) rather than by
    hashing and sorting a million keys: a tenth of the time."""
    if cells > max(DENSE_CELLS, 4 * len(key)) or (len(key) and key.min() < 0):
        return pd.factorize(key, sort=True)
    held = np.bincount(key, minlength=cells) > 0
    rank = np.cumsum(held) - 1
    return rank.take(key), np.flatnonzero(held)


_SCORED_COLUMNS = ["agency", "indicator", "year", "quarter", "numerator", "denominator", "value", "status"]


@dataclass(frozen=True)
class _Rows:
    """What one indicator's score needs of its rows (one per agency)."""

    reporters: int  # the rows (flow: those with both counts)
    numerator: float  # summed over the rows with both counts
    denominator: float
    last: dict[str, Any] | None  # the last row in quarter order: a single reporter's figure, a milestone's state
    valued: int = 0  # the rows with a value, and its sum: a count indicator's figure
    value: float = 0.0


_NO_ROWS = _Rows(0, 0.0, 0.0, None)


def _summaries(rows: pd.DataFrame, counted_only: bool) -> dict[str, _Rows]:
    """:class:`_Rows` of every indicator in one pass over ``rows`` (as arrays: a million
    rows, 29 indicators); ``counted_only`` counts only the rows with both counts."""
    codes, ids = pd.factorize(rows["indicator"], sort=False)
    numerator = rows["numerator"].to_numpy(dtype="float64", na_value=np.nan)
    denominator = rows["denominator"].to_numpy(dtype="float64", na_value=np.nan)
    both = ~np.isnan(numerator) & ~np.isnan(denominator)
    size = len(ids)
    reporters = np.bincount(codes[both] if counted_only else codes, minlength=size)
    numerators = np.bincount(codes[both], weights=numerator[both], minlength=size)
    denominators = np.bincount(codes[both], weights=denominator[both], minlength=size)
    value = rows["value"].to_numpy(dtype="float64", na_value=np.nan)
    given = ~np.isnan(value)
    valued, values = np.bincount(codes[given], minlength=size), np.bincount(codes[given], value[given], size)
    last = np.full(size, -1, dtype=np.intp)  # each indicator's last row: the greatest position, not a sort
    np.maximum.at(last, codes, np.arange(len(codes)))
    last_rows = cast(list[dict[str, Any]], rows.iloc[last].to_dict("records"))
    return {
        str(ids[k]): _Rows(
            int(reporters[k]),
            float(numerators[k]),
            float(denominators[k]),
            last_rows[k],
            int(valued[k]),
            float(values[k]),
        )
        for k in range(size)
    }


# --------------------------------------------------------------------------- one indicator


def _score_indicator(
    ind: Indicator,
    plan: Plan,
    period: Period | None,
    latest: _Rows,
    sums: _Rows,
    provisional: ProvisionalBaseline | None = None,
) -> IndicatorScore:
    if ind.is_milestone:
        return _score_milestone(ind, plan.baseline_value(ind.id), period, latest)
    baseline = plan.baseline_number(ind.id)
    measured = _measure(ind, latest, sums)
    if measured is None or period is None:
        expected = None if period is None else _expected(ind, plan, baseline, period, None)
        return IndicatorScore(ind, baseline, None, None, None, 0, None, None, expected, None, "no_data")
    value, numerator, denominator, reporters = measured
    target = float(ind.target)
    start = provisional if baseline is None and not is_final(ind, period) else None
    expected = _expected(ind, plan, baseline, period, start)
    met = meets(value, target, ind.comparator)
    return IndicatorScore(
        ind,
        baseline,
        value,
        numerator,
        denominator,
        reporters,
        attainment=_attainment(value, target, ind.comparator),
        progress=100.0 * (value - baseline) / (target - baseline)
        if baseline is not None and baseline != target
        else None,
        expected=expected,
        met=met,
        status=_status(ind, period, value, expected, met),
        provisional_baseline=start,
    )


def _measure(ind: Indicator, latest: _Rows, sums: _Rows) -> tuple[float, float | None, float | None, int] | None:
    """(V, numerator, denominator, reporters) of a numeric indicator from its rows, or None
    without rows: a flow sums the year; a stock takes each agency's latest row."""
    rows = sums if ind.time == "flow" else latest
    if ind.is_count:  # things counted add up: Σ each agency's latest (stock) or year to date (flow)
        return (rows.value, None, None, rows.valued) if rows.valued else None
    if not rows.reporters:
        return None
    if ind.time == "flow" or ind.aggregate == "pooled":
        return 100.0 * rows.numerator / rows.denominator, rows.numerator, rows.denominator, rows.reporters
    row = rows.last  # single: the reporter's latest row, from its counts when given
    assert row is not None
    if pd.notna(row["numerator"]) and pd.notna(row["denominator"]):
        numerator, denominator = float(row["numerator"]), float(row["denominator"])
        return 100.0 * numerator / denominator, numerator, denominator, rows.reporters
    return float(row["value"]), None, None, rows.reporters


def _score_milestone(ind: Indicator, baseline: Any, period: Period | None, latest: _Rows) -> IndicatorScore:
    if latest.last is None or period is None:
        return IndicatorScore(ind, baseline, None, None, None, 0, None, None, None, None, "no_data")
    state = str(latest.last["status"])
    if state == "done":
        status = "achieved"
    elif is_final(ind, period):
        status = "not_achieved"
    else:
        status = "on_track" if state == "in_progress" else "at_risk"
    return IndicatorScore(
        ind,
        baseline,
        state,
        None,
        None,
        latest.reporters,
        MILESTONE_ATTAINMENT[state],
        None,
        None,
        state == "done",
        status,
    )


def is_final(ind: Indicator, period: Period) -> bool:
    """At or after the due quarter a status is a fact (met or not), no longer a judgement."""
    return quarter_number(period) >= quarter_number(ind.due_period)


def possible_statuses(plan: Plan, period: Period | None) -> tuple[str, ...]:
    """The statuses the plan's indicators can take at ``period``, in display order."""
    if period is None:
        return ("no_data",)
    final = [is_final(ind, period) for ind in plan.indicators]
    allowed: set[str] = set(FINAL_STATUSES) if any(final) else set()
    if not all(final):
        allowed |= {"achieved", "on_track", "at_risk", "off_track", "no_data"}
    return tuple(s for s in STATUSES if s in allowed)


def _expected(
    ind: Indicator, plan: Plan, baseline: float | None, period: Period, start: ProvisionalBaseline | None
) -> float | None:
    """The value expected at ``period`` on the straight path to the target: from the plan's
    baseline (at the end of the baseline year), else from the provisional baseline, else the
    target itself (no path to draw); the target from the due quarter on; none for milestones."""
    if ind.is_milestone:
        return None
    target, now, due = float(ind.target), quarter_number(period), quarter_number(ind.due_period)
    origin = path_origin(plan, baseline, start, ind.id)
    if now >= due or origin is None:
        return target
    at, level = origin
    return level + (target - level) * (now - at) / (due - at)


def path_origin(
    plan: Plan, baseline: float | None, start: ProvisionalBaseline | None, indicator_id: str = ""
) -> tuple[int, float] | None:
    """Where an indicator's straight line starts, (quarter number, value): the plan's
    baseline at the quarter its entry gives (default: the end of the baseline year), else
    the provisional baseline, else nowhere.  The expected value and the report's outlook
    are read off this one line."""
    if baseline is not None:
        return quarter_number(plan.baseline_period(indicator_id)), baseline
    if start is not None:
        return quarter_number(start.period), start.value
    return None


def _provisional_baselines(accepted: pd.DataFrame, plan: Plan, period: Period | None) -> dict[str, ProvisionalBaseline]:
    """For each numeric indicator without a plan baseline, not yet due at ``period``: its value
    in the earliest earlier quarter of the plan with accepted rows, scored as that quarter
    (quarters counted across the years of a programme)."""
    if period is None:
        return {}
    wanted = {
        ind.id
        for ind in plan.indicators
        if not ind.is_milestone and plan.baseline_number(ind.id) is None and not is_final(ind, period)
    }
    own = accepted[accepted["indicator"].isin(wanted)]  # each earlier quarter is scored for these alone
    number = quarter_numbers(own["year"], own["quarter"])
    rows = own[(own["year"] >= plan.year) & (number < quarter_number(period))]
    if rows.empty:
        return {}
    first = quarter_numbers(rows["year"], rows["quarter"]).groupby(rows["indicator"], observed=True).min()
    found: dict[str, ProvisionalBaseline] = {}
    for quarter in sorted(set(first.tolist())):
        start = period_of(int(quarter))
        latest_rows, flow_sums = _rows_up_to(own, plan, start)
        latest_of, sums_of = _summaries(latest_rows, counted_only=False), _summaries(flow_sums, counted_only=True)
        for indicator_id in first.index[first == quarter]:
            ind = plan.indicator(str(indicator_id))
            measured = _measure(ind, latest_of.get(ind.id, _NO_ROWS), sums_of.get(ind.id, _NO_ROWS))
            if measured is not None:
                found[ind.id] = ProvisionalBaseline(start, measured[0])
    return found


def _higher_is_better(comparator: str) -> bool:
    return comparator in (">=", ">")


def _attainment(value: float, target: float, comparator: str) -> float:
    if _higher_is_better(comparator):
        return 100.0 * value / target
    return 100.0 if value == 0 else 100.0 * target / value


def _status(ind: Indicator, period: Period, value: float, expected: float | None, met: bool) -> str:
    if is_final(ind, period):
        return "achieved" if met else "not_achieved"
    if met:  # a stock has reached its level; a flow's year to date is not yet the year's figure
        return "achieved" if ind.time == "stock" else "on_track"
    assert expected is not None
    if _higher_is_better(ind.comparator):
        on_track, at_risk = value >= expected - TOLERANCE, value >= AT_RISK_SHARE * expected - TOLERANCE
    else:  # mirror image for lower-is-better targets
        on_track, at_risk = value <= expected + TOLERANCE, value * AT_RISK_SHARE <= expected + TOLERANCE
    return "on_track" if on_track else "at_risk" if at_risk else "off_track"


# --------------------------------------------------------------------------- aggregates


def _pillar_score(pillar_id: str, scores: list[IndicatorScore]) -> PillarScore:
    members = [s for s in scores if s.indicator.pillar == pillar_id]
    with_data = [s for s in members if s.status != "no_data"]
    total_weight = sum(s.indicator.weight for s in members)
    data_weight = sum(s.indicator.weight for s in with_data)
    return PillarScore(
        pillar_id,
        score=_weighted_mean(
            [(min(s.attainment, 100.0), s.indicator.weight) for s in with_data if s.attainment is not None]
        ),
        coverage=data_weight / total_weight if total_weight else 0.0,
        with_data=len(with_data),
        total=len(members),
    )


def _weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    weight = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / weight if weight else None


# --------------------------------------------------------------------------- by agency


@dataclass(frozen=True)
class AgencyFigure:
    agency: str
    value: float
    numerator: float
    denominator: float
    attainment: float
    met: bool
    pull: float  # percentage points this agency moves the provincial value: (d/D)·(v − V)


@dataclass(frozen=True)
class AgencyBreakdown:
    """Each agency's own figures for the pooled indicators (``cds score --by agency``)."""

    plan: Plan
    period: Period | None
    indicators: list[
        tuple[Indicator, float | None, list[AgencyFigure]]
    ]  # (indicator, provincial V, agencies best first)

    def ranking(self) -> list[dict[str, Any]]:
        """Agencies by mean of min(attainment, 100) over the pooled indicators they reported,
        then the agencies expected to report one that sent nothing (``rank`` None)."""
        scores: dict[str, list[float]] = {}
        for _, _, figures in self.indicators:
            for figure in figures:
                scores.setdefault(figure.agency, []).append(min(figure.attainment, 100.0))
        means = {code: sum(values) / len(values) for code, values in scores.items()}
        ranked = sorted(means, key=lambda code: (-as_shown(means[code]), code))
        ranks = competition_ranks([as_shown(means[code]) for code in ranked])
        expected = {code for ind, _, _ in self.indicators for code in self.plan.expected[ind.id]}
        return [
            {
                "rank": rank,
                "agency": code,
                "indicators": len(scores[code]),
                "mean_attainment": means[code],
                "reported": True,
            }
            for rank, code in zip(ranks, ranked, strict=True)
        ] + [
            {"rank": None, "agency": code, "indicators": 0, "mean_attainment": None, "reported": False}
            for code in self._in_plan_order(expected - scores.keys())
        ]

    def absent(self, ind: Indicator, figures: list[AgencyFigure]) -> list[str]:
        """The agencies expected to report ``ind`` with no accepted row up to the period."""
        sent = {figure.agency for figure in figures}
        return self._in_plan_order(set(self.plan.expected[ind.id]) - sent)

    def _in_plan_order(self, codes: set[str]) -> list[str]:
        return [agency.code for agency in self.plan.agencies if agency.code in codes]


def as_shown(value: float) -> float:
    """A figure as people read it (2 decimals): two agencies both shown at 14,63 are tied."""
    return round(value, 2)


def _best_first(comparator: str) -> Callable[[AgencyFigure], tuple[float, str]]:
    """Agencies best first by the value as shown (ties by code), higher or lower being better
    by the comparator. Not by attainment: a lower-is-better one (100·T/V, but 100 at V = 0)
    is not monotone in the value."""
    sign = -1.0 if _higher_is_better(comparator) else 1.0
    return lambda figure: (sign * as_shown(figure.value), figure.agency)


def competition_ranks(keys: list[float]) -> list[int]:
    """Standard competition ranks of keys sorted best first: equal keys share the rank of
    the first of them, and the next key's rank counts them all (1, 1, 1, 4)."""
    ranks: list[int] = []
    for i, key in enumerate(keys):
        ranks.append(ranks[-1] if i and key == keys[i - 1] else i + 1)
    return ranks


def agency_breakdown(report: ValidationReport, plan: Plan, period: Period | None = None) -> AgencyBreakdown:
    """Per-agency values of every pooled indicator at ``period``, best first."""
    period = period or report.latest_period()
    latest_rows, flow_sums = _rows_up_to(report.accepted, plan, period)
    result = []
    for ind in plan.indicators:
        # A count's agencies each add their part: none has a target of its own to attain.
        if ind.aggregate != "pooled" or ind.is_count:
            continue
        own = flow_sums if ind.time == "flow" else latest_rows
        own = own[own["indicator"] == ind.id].dropna(subset=["numerator", "denominator"])
        total_n, total_d = float(own["numerator"].sum()), float(own["denominator"].sum())
        provincial = 100.0 * total_n / total_d if total_d else None
        target = float(ind.target)
        figures = [
            AgencyFigure(
                agency,
                v,
                float(n),
                float(d),
                _attainment(v, target, ind.comparator),
                meets(v, target, ind.comparator),
                d / total_d * (v - provincial),
            )
            for agency, n, d in zip(own["agency"], own["numerator"], own["denominator"], strict=False)
            for v in [100.0 * n / d]
        ]
        figures.sort(key=_best_first(ind.comparator))
        result.append((ind, provincial, figures))
    return AgencyBreakdown(plan, period, result)
