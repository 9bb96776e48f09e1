"""The results as every output reads them: one typed view, in no language.

Scoring computes (:mod:`cds_cli.scoring`); the view holds what is shown of it: frozen rows
with periods as :class:`~cds_cli.periods.Period`, figures rounded once here (2 decimals;
rates 0–1 to 4) and statuses as the :data:`Status` codes.  Names stay with the plan's own
objects (``row.indicator.name(lang)``) and words are made by :mod:`cds_cli.words.labels`, so the
terminal, JSON, CSV, Markdown, HTML, Word and Excel outputs start from the same figures
and cannot disagree on one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, cast

from .findings import Finding
from .numbers import rounded, shown_value
from .periods import Period
from .plan import Agency, Indicator, Pillar, Plan
from .scoring import STATUSES, IndicatorScore, ProvisionalBaseline, Scorecard
from .submissions.validate import FileSummary, RowCounts

Status = Literal["achieved", "on_track", "at_risk", "off_track", "not_achieved", "no_data"]
Value = float | str | None  # a figure, a milestone's state (done, in_progress, not_started), or none


@dataclass(frozen=True)
class Reporting:
    """Reports received of those expected; the rate 0–1 (None when none were expected)."""

    expected: int
    received: int
    rate: float | None


@dataclass(frozen=True)
class Projection:
    """Where the straight line of the status reaches at the due quarter."""

    value: float
    likely_met: bool
    period: Period  # the due quarter it is read at
    capped: bool  # a percent's line left 0–100 and was held at the bound


@dataclass(frozen=True)
class BaselineSource:
    """Where a baseline comes from: the plan's own words (``plan``: section and quote), or the
    reports of a quarter scored by ``cds plan new`` (``results``: that quarter, and the share
    of its reports that had come in, 0–1)."""

    kind: Literal["plan", "results"]
    section: str | None = None
    quote: str | None = None
    period: Period | None = None
    reporting_rate: float | None = None


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator at one period: the plan's indicator and the figures scored for it; in a
    report also its value each quarter, the gap still to close and the projection."""

    indicator: Indicator
    baseline: Value
    baseline_qualifier: str | None  # the plan's hedge: "khoảng", "ước" (about, estimated)
    baseline_source: BaselineSource | None
    value: Value
    numerator: float | None
    denominator: float | None
    attainment: float | None
    progress: float | None
    expected: float | None
    provisional_baseline: ProvisionalBaseline | None
    met: bool | None
    status: Status
    reporters: int
    reporting: Reporting
    quarters: Mapping[Period, Value] = field(default_factory=dict)  # reports: each quarter up to the period
    expected_path: Mapping[Period, float | None] = field(default_factory=dict)
    gap: float | Literal["not_done"] | None = None  # percentage points to the target, or a milestone not done
    projection: Projection | None = None
    earlier: Mapping[Period, Value] = field(default_factory=dict)  # reports: each quarter of the year before

    @property
    def id(self) -> str:
        return self.indicator.id

    @property
    def pillar(self) -> str:
        return self.indicator.pillar

    @property
    def unit(self) -> str:
        return self.indicator.unit

    @property
    def comparator(self) -> str:
        return self.indicator.comparator

    @property
    def target(self) -> float | str:
        return self.indicator.target

    @property
    def due(self) -> str:
        return self.indicator.due

    def name(self, lang: str) -> str:
        return self.indicator.name(lang)

    def short_name(self, lang: str) -> str:
        return self.indicator.short_name(lang)


@dataclass(frozen=True)
class PillarRow:
    pillar: Pillar
    score: float | None
    coverage: float  # share of the pillar's indicators with data, 0–1
    with_data: int
    total: int
    reporting_rate: float | None
    indicators: tuple[IndicatorRow, ...]

    @property
    def id(self) -> str:
        return self.pillar.id

    def name(self, lang: str) -> str:
        return self.pillar.name(lang)


@dataclass(frozen=True)
class IndexRow:
    score: float | None
    coverage: float
    reporting_rate: float | None
    provisional: bool  # rests on fewer than 90% of the expected reports


@dataclass(frozen=True)
class ScorecardView:
    """``cds score`` at one period: every indicator, each pillar with its own, the index."""

    plan: Plan
    period: Period | None
    indicators: tuple[IndicatorRow, ...]
    pillars: tuple[PillarRow, ...]
    index: IndexRow
    summary: Mapping[str, int]  # indicators per status (every Status)
    statuses: tuple[Status, ...]  # those the period can give, in display order
    reporting: Reporting
    rows: RowCounts
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class AgencyRates:
    """An agency's reporting rate (0–1) each quarter of a report."""

    agency: Agency
    rates: Mapping[Period, float | None]


@dataclass(frozen=True)
class CodeCount:
    """How many findings of one code (and severity) the files of a report gave."""

    code: str
    severity: str
    count: int


@dataclass(frozen=True)
class ReportView:
    """``cds report``: the scorecard of the period covered, each indicator with its value every
    quarter and its projection; reporting by agency and quarter; the data-quality annex."""

    plan: Plan
    period: Period
    quarters: tuple[Period, ...]  # the first quarter of the plan year … period
    card: ScorecardView
    earlier: tuple[Period, ...]  # the year before's quarters, when the inputs have its rows (charts draw both)
    completeness: Mapping[Period, float | None]  # the province's reporting rate each quarter
    agencies: tuple[AgencyRates, ...]
    files: tuple[FileSummary, ...]  # the files the report rests on
    rows: RowCounts  # theirs
    findings_by_code: tuple[CodeCount, ...]
    version: str
    date: str | None  # the report's date, ISO (None: left for the officer to write)

    @property
    def last_year(self) -> Period | None:
        """The same quarter a year earlier (a column of the tables), when the inputs have that year."""
        return Period(self.period.year - 1, self.period.quarter) if self.earlier else None

    @property
    def projected(self) -> tuple[IndicatorRow, ...]:
        """The indicators with a projection, in plan order."""
        return tuple(row for row in self.card.indicators if row.projection)


def reporting(expected: int, received: int, rate: float | None) -> Reporting:
    return Reporting(expected, received, rounded(rate, 4))


def indicator_row(s: IndicatorScore, plan: Plan, rate: Mapping[str, object], **report: object) -> IndicatorRow:
    """One scored indicator as shown: figures rounded, the plan's hedge on its baseline;
    ``report`` adds what only a report has (quarters, gap, projection)."""
    baseline = plan.baselines.get(s.id)
    provisional = s.provisional_baseline
    return IndicatorRow(
        indicator=s.indicator,
        baseline=shown_value(s.baseline),
        baseline_qualifier=baseline.qualifier if baseline else None,
        baseline_source=baseline_source(plan, s.id),
        value=shown_value(s.value),
        numerator=s.numerator,
        denominator=s.denominator,
        attainment=rounded(s.attainment),
        progress=rounded(s.progress),
        expected=rounded(s.expected),
        provisional_baseline=(
            ProvisionalBaseline(provisional.period, cast(float, rounded(provisional.value))) if provisional else None
        ),
        met=s.met,
        status=cast(Status, s.status),
        reporters=s.reporters,
        reporting=reporting(cast(int, rate["expected"]), cast(int, rate["received"]), cast(float | None, rate["rate"])),
        **report,  # type: ignore[arg-type]  # the report's own fields, checked where they are made
    )


def baseline_source(plan: Plan, indicator_id: str) -> BaselineSource | None:
    """Where the plan's baseline of an indicator comes from (None: it has no baseline)."""
    baseline = plan.baselines.get(indicator_id)
    if baseline is None or baseline.value is None:
        return None
    results = plan.baseline_results
    if baseline.qualifier == "reported" and results is not None:
        period = Period.parse(baseline.period or results.period)
        return BaselineSource("results", period=period, reporting_rate=rounded(results.reporting_rate, 4))
    if baseline.source is not None:
        return BaselineSource("plan", section=baseline.source.section, quote=baseline.source.quote)
    return None


def scorecard_view(card: Scorecard, report_rows: Mapping[str, Mapping[str, object]] | None = None) -> ScorecardView:
    """The view of a scorecard; ``report_rows`` adds, by indicator id, a report's fields."""
    rates = card.reporting.indicator_rates()
    extra = report_rows or {}
    rows = tuple(indicator_row(s, card.plan, rates[s.id], **extra.get(s.id, {})) for s in card.indicators)
    pillars = tuple(
        PillarRow(
            pillar=card.plan.pillar(p.id),
            score=rounded(p.score),
            coverage=cast(float, rounded(p.coverage)),
            with_data=p.with_data,
            total=p.total,
            reporting_rate=rounded(card.pillar_reporting_rate(p.id), 4),
            indicators=tuple(row for row in rows if row.pillar == p.id),
        )
        for p in card.pillars
    )
    return ScorecardView(
        plan=card.plan,
        period=card.period,
        indicators=rows,
        pillars=pillars,
        index=IndexRow(
            rounded(card.index_score),
            cast(float, rounded(card.index_coverage)),
            rounded(card.reporting.rate, 4),
            card.provisional,
        ),
        summary=card.status_counts(),
        statuses=cast(tuple[Status, ...], card.possible_statuses()),
        reporting=reporting(card.reporting.expected, card.reporting.received, card.reporting.rate),
        rows=card.rows,
        findings=tuple(card.findings),
    )


assert set(STATUSES) == set(Status.__args__)  # type: ignore[attr-defined]  # one list of statuses
