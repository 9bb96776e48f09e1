"""The content of the annual (or quarterly) report, computed once for every format.

A report is the score of every quarter of the year up to the period covered — the same
engine as ``cds score``, not a second calculation — plus a projection of the year-end
value, reporting completeness by agency and quarter, and the data-quality annex.  The
result is a plain dictionary (:meth:`AnnualReport.to_dict`) that every renderer reads,
so the HTML, DOCX, XLSX and Markdown reports cannot disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..labels import date_text, label
from ..numbers import rounded
from ..periods import Period
from ..plan import Indicator, Plan
from ..scoring import IndicatorScore, Scorecard, is_final, path_origin, quarter_number, score
from ..status import Completeness
from ..submissions.validate import ValidationReport


@dataclass(frozen=True)
class Projection:
    """Where the straight line of the status reaches at the due quarter."""

    value: float
    likely_met: bool
    period: Period  # the due quarter it is read at
    capped: bool  # a percent's line left 0–100 and was held at the bound

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": rounded(self.value),
            "likely_met": self.likely_met,
            "period": str(self.period),
            "capped": self.capped,
        }


@dataclass(frozen=True)
class AnnualReport:
    plan: Plan
    period: Period
    cards: list[Scorecard]  # one per quarter, Q1 … period
    report: ValidationReport
    inputs: list[tuple[str, str]]  # (file, sha256)
    version: str
    date: str | None

    @property
    def reporting(self) -> list[Completeness]:
        """Reporting completeness of each quarter: each scorecard already holds its own."""
        return [card.reporting for card in self.cards]

    @property
    def final(self) -> Scorecard:
        return self.cards[-1]

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        final = self.final.to_dict(lang)
        return {
            "meta": self._meta(lang),
            "summary": {
                "index": final["index"],
                "pillars": final["pillars"],
                "status_counts": final["summary"],
                "statuses": final["statuses"],
                "reporting": final["reporting"],
                "rows": final["rows"],
            },
            "pillars": self._pillars(final),
            "projection_method": label("projection_method_text", lang, **self.plan.terms),
            "completeness": self._completeness(lang),
            "data_quality": self._data_quality(),
        }

    def _data_quality(self) -> dict[str, Any]:
        """Rows per file and findings per code, of the files the report rests on."""
        scope = {file for file, _ in self.inputs}
        files = [s for s in self.report.files if s.file in scope]
        findings = [f for f in self.report.findings if f.file is None or f.file in scope]
        return {
            "files": [{"file": s.file, "sheet": s.sheet, **s.rows.to_dict()} for s in files],
            "rows": {
                key: sum(s.rows.to_dict()[key] for s in files) for key in ("read", "accepted", "rejected", "blank")
            },
            "findings_by_code": [
                {"code": code, "severity": severity, "count": count}
                for (code, severity), count in sorted(Counter((f.code, f.severity) for f in findings).items())
            ],
        }

    def _meta(self, lang: str) -> dict[str, Any]:
        info = self.plan.info
        return {
            "title": label("report_title", lang, **self.plan.terms),
            "plan_number": info.number,
            "plan_date": info.date,
            "plan_date_text": date_text(info.date, lang),
            "date_text": date_text(self.date, lang),
            "plan_title": info.title(lang),
            "province": info.province,
            "issuer": info.issuer(lang),
            "year": self.plan.year,
            "baseline_year": self.plan.baseline_year,
            "period": str(self.period),
            "quarters": [str(card.period) for card in self.cards],
            "inputs": [{"file": f, "sha256": h} for f, h in self.inputs],
            "version": self.version,
            "date": self.date,
            "lang": lang,
        }

    def _pillars(self, final: dict[str, Any]) -> list[dict[str, Any]]:
        """Each pillar with its indicators: the final scorecard's figures, then every quarter's."""
        quarters = [str(card.period) for card in self.cards]
        by_quarter = {str(card.period): {s.id: s for s in card.indicators} for card in self.cards}
        pillars = []
        for pillar in final["pillars"]:
            items = [
                self._indicator(item, quarters, by_quarter)
                for item in final["indicators"]
                if item["pillar"] == pillar["id"]
            ]
            pillars.append(pillar | {"indicators": items})
        return pillars

    def _indicator(
        self, item: dict[str, Any], quarters: list[str], by_quarter: dict[str, dict[str, IndicatorScore]]
    ) -> dict[str, Any]:
        ind = self.plan.indicator(item["id"])
        path = [by_quarter[q][ind.id] for q in quarters]
        projection = project(self.plan, path[-1], self.period)
        return item | {
            "quarters": {q: _value(s) for q, s in zip(quarters, path, strict=True)},
            "expected_path": {q: rounded(s.expected) for q, s in zip(quarters, path, strict=True)},
            "gap": _gap(ind, path[-1]),
            "projection": None if projection is None else projection.to_dict(),
        }

    def _completeness(self, lang: str) -> dict[str, Any]:
        agencies: dict[str, dict[str, Any]] = {}
        for status in self.reporting:
            for row in status.by_agency():
                entry = agencies.setdefault(
                    row["id"], {"id": row["id"], "name": self.plan.agency(row["id"]).name(lang), "quarters": {}}
                )
                entry["quarters"][str(status.period)] = rounded(row["rate"], 4)
        return {
            "overall": {str(s.period): rounded(s.rate, 4) for s in self.reporting},
            "agencies": list(agencies.values()),
        }


def build_report(
    report: ValidationReport,
    plan: Plan,
    period: Period | None = None,
    date: str | None = None,
) -> AnnualReport:
    """Score every quarter of the plan year up to ``period`` (default: the latest reported)."""
    from .. import __version__

    period = period or report.latest_period(plan.years) or Period(plan.year, 4)
    if not plan.covers(period):  # the CLI says so in words; a script passing one is a mistake
        raise ValueError(f"{period} is not a quarter of the plan's years {plan.years}")
    quarters = [Period(period.year, k) for k in range(1, period.quarter + 1)]
    cards = [score(report, plan, quarter) for quarter in quarters]
    scope = files_in_scope(report, period)
    hashed = [(summary.file, summary.sha256) for summary in report.files if summary.file in scope]  # as read and scored
    return AnnualReport(plan, period, cards, report, hashed, __version__, date)


def files_in_scope(report: ValidationReport, period: Period) -> set[str]:
    """The files a report on quarters up to ``period`` rests on: every file with a row of a
    quarter up to it, or with no row whose quarter is known (a file that could not be read
    belongs to every report).  A mid-year report does not list the files of later quarters."""
    rows = pd.concat(
        [report.accepted[["file", "year", "quarter"]], report.rejected[["file", "year", "quarter"]]], ignore_index=True
    )
    known = rows.dropna(subset=["year", "quarter"])
    number = known["year"].astype("int64") * 4 + known["quarter"].astype("int64")
    later_only = set(known["file"]) - set(known.loc[number <= quarter_number(period), "file"])
    return {summary.file for summary in report.files} - later_only


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
    return Projection(bounded, s.status in ("achieved", "on_track"), due, bounded != value)


def _value(s: IndicatorScore) -> float | str | None:
    return rounded(s.value) if isinstance(s.value, float) else s.value


def _gap(ind: Indicator, s: IndicatorScore) -> float | str | None:
    """What is still to close: percentage points to the target, or the milestone not done."""
    if s.met or not isinstance(s.value, float | str):
        return None
    if isinstance(s.value, str):  # a milestone not done yet
        return "not_done"
    return rounded(abs(float(ind.target) - s.value))
