"""The content of the annual (or quarterly) report, computed once for every format.

A report is the score of every quarter of the year up to the period covered — the same
engine as ``cds score``, not a second calculation — plus a projection of the year-end
value, reporting completeness by agency and quarter, and the data-quality annex.  Every
format renders its typed view (:meth:`AnnualReport.view`, :class:`cds_cli.view.ReportView`),
so the HTML, DOCX, XLSX and Markdown reports cannot disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import cast

import numpy as np

from ..numbers import rounded, shown_value
from ..periods import Period, quarter_number, quarter_numbers
from ..plan import Indicator, Plan
from ..scoring import IndicatorScore, Scorecard, is_final, path_origin, score
from ..status import Completeness
from ..submissions.validate import RowCounts, ValidationReport
from ..view import AgencyRates, CodeCount, Projection, ReportView, scorecard_view


@dataclass(frozen=True)
class AnnualReport:
    plan: Plan
    period: Period
    cards: list[Scorecard]  # one per quarter, Q1 … period
    report: ValidationReport
    inputs: list[tuple[str, str]]  # (file, sha256)
    version: str
    date: str | None
    earlier: list[Scorecard] = field(default_factory=list)  # the year before, Q1 … Q4, when the inputs have it

    @property
    def reporting(self) -> list[Completeness]:
        """Reporting completeness of each quarter: each scorecard already holds its own."""
        return [card.reporting for card in self.cards]

    @property
    def final(self) -> Scorecard:
        return self.cards[-1]

    def view(self) -> ReportView:
        """What every format of the report shows (:class:`cds_cli.view.ReportView`)."""
        quarters = tuple(card.period for card in self.cards if card.period)
        scope = {file for file, _ in self.inputs}
        files = tuple(s for s in self.report.files if s.file in scope)
        findings = [f for f in self.report.findings if f.file is None or f.file in scope]
        counts = Counter((f.code, f.severity) for f in findings)
        return ReportView(
            plan=self.plan,
            period=self.period,
            quarters=quarters,
            card=scorecard_view(self.final, self._quarterly(quarters)),
            earlier=tuple(card.period for card in self.earlier if card.period),
            completeness={s.period: rounded(s.rate, 4) for s in self.reporting if s.period},
            agencies=self._agencies(),
            files=files,
            rows=RowCounts(
                **{k: sum(getattr(s.rows, k) for s in files) for k in ("read", "accepted", "rejected", "blank")}
            ),
            findings_by_code=tuple(CodeCount(code, severity, n) for (code, severity), n in sorted(counts.items())),
            version=self.version,
            date=self.date,
        )

    def _quarterly(self, quarters: tuple[Period, ...]) -> dict[str, dict[str, object]]:
        """By indicator id, what a report adds to the scorecard: the value and the expected
        value each quarter, the gap still to close and the projection to the due quarter."""
        by_quarter = [{s.id: s for s in card.indicators} for card in self.cards]
        before = [(card.period, {s.id: s for s in card.indicators}) for card in self.earlier]
        extra: dict[str, dict[str, object]] = {}
        for ind in self.plan.indicators:
            path = [scores[ind.id] for scores in by_quarter]
            extra[ind.id] = {
                "quarters": {q: shown_value(s.value) for q, s in zip(quarters, path, strict=True)},
                "expected_path": {q: rounded(s.expected) for q, s in zip(quarters, path, strict=True)},
                "gap": _gap(ind, path[-1]),
                "projection": project(self.plan, path[-1], self.period),
                "earlier": {q: shown_value(scores[ind.id].value) for q, scores in before if ind.id in scores},
            }
        return extra

    def _agencies(self) -> tuple[AgencyRates, ...]:
        """Each agency's reporting rate every quarter, agencies in the order they first have
        expected reports (the plan's)."""
        quarters = [(status.period, status.agency_rates()) for status in self.reporting if status.period]
        codes = dict.fromkeys(code for _, rates in quarters for code in rates)
        return tuple(
            AgencyRates(self.plan.agency(code), {q: round(rates[code], 4) for q, rates in quarters if code in rates})
            for code in codes
        )


def build_report(
    report: ValidationReport,
    plan: Plan,
    period: Period | None = None,
    date: str | None = None,
    previous: Plan | None = None,
) -> AnnualReport:
    """Score every quarter of the plan year up to ``period`` (default: the latest reported);
    and, when the inputs have accepted rows of the year before, the same quarter then, against
    ``previous`` (the pack of that year; default: ``plan`` when it covers it)."""
    from .. import __version__

    period = period or report.latest_period(plan.years) or Period(plan.year, 4)
    if not plan.covers(period.year):  # the CLI says so in words; a script passing one is a mistake
        raise ValueError(f"{period} is not a quarter of the plan's years {plan.years}")
    quarters = [Period(period.year, k) for k in range(1, period.quarter + 1)]
    cards = [score(report, plan, quarter) for quarter in quarters]
    scope = files_in_scope(report, period)
    hashed = [(summary.file, summary.sha256) for summary in report.files if summary.file in scope]  # as read and scored
    year = period.year - 1
    pack = previous or (plan if plan.covers(year) else None)
    had_rows = bool((report.accepted["year"] == year).any())
    earlier = [score(report, pack, Period(year, k)) for k in range(1, 5)] if pack is not None and had_rows else []
    return AnnualReport(plan, period, cards, report, hashed, __version__, date, earlier)


def files_in_scope(report: ValidationReport, period: Period) -> set[str]:
    """The files a report on quarters up to ``period`` rests on: every file with a row of a
    quarter up to it, or with no row whose quarter is known (a file that could not be read
    belongs to every report).  A mid-year report does not list the files of later quarters."""
    dated: set[str] = set()  # files with a row whose quarter is known
    early: set[str] = set()  # files with a row of a quarter up to ``period``
    for rows in (report.accepted, report.rejected):  # a million rows: masks, not a concatenation
        year = rows["year"].to_numpy(dtype="float64", na_value=np.nan)
        quarter = rows["quarter"].to_numpy(dtype="float64", na_value=np.nan)
        known = ~np.isnan(year) & ~np.isnan(quarter)
        dated |= set(rows["file"][known].unique())
        early |= set(rows["file"][known & (quarter_numbers(year, quarter) <= quarter_number(period))].unique())
    return {summary.file for summary in report.files} - (dated - early)


def project(plan: Plan, s: IndicatorScore, period: Period) -> Projection | None:
    """The value the status's own line reaches at the due quarter: through the plan's
    baseline (at the end of its year) or the provisional baseline, and the current value;
    level at the current value when there is neither.  None for milestones, indicators
    without data, a stock already at its level, and any whose due quarter has come: their
    value is the result.  "Likely met" is the status's word, so the two never disagree."""
    ind = s.indicator
    if ind.is_milestone or not isinstance(s.value, float) or is_final(ind, period) or s.status == "achieved":
        return None
    due, now = ind.due_period, quarter_number(period)
    baseline = s.baseline if isinstance(s.baseline, float) else None
    origin = path_origin(plan, baseline, s.provisional_baseline, ind.id)
    value = s.value
    if origin is not None and now > origin[0]:
        start, level = origin
        value = level + (s.value - level) * (quarter_number(due) - start) / (now - start)
    bounded = min(max(value, 0.0), 100.0) if ind.unit == "percent" else value
    shown = cast(float, rounded(bounded))  # rounded once, as every figure of the view
    return Projection(shown, s.status in ("achieved", "on_track"), due, bounded != value)


def _gap(ind: Indicator, s: IndicatorScore) -> float | str | None:
    """What is still to close: percentage points to the target, or the milestone not done."""
    if s.met or not isinstance(s.value, float | str):
        return None
    if isinstance(s.value, str):  # a milestone not done yet
        return "not_done"
    return rounded(abs(float(ind.target) - s.value))
