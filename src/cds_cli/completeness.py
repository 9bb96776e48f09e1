"""Reporting completeness: who sent what was expected for a quarter (``cds status``).

An expected report is one (agency, indicator) pair for the period: each single indicator
from its reporter, each pooled one from every agency in its ``reporters`` (plan data).
As DHIS2 defines it, reporting rate = received / expected.  A report counts as received
when an accepted row exists for exactly that agency, indicator and quarter; one whose
rows were all rejected is "rejected" — sent, but not usable until corrected.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from .periods import Period
from .plan import Plan
from .submissions.validate import ValidationReport

RECEIVED, REJECTED, MISSING = "received", "rejected", "missing"


@dataclass(frozen=True)
class Completeness:
    plan: Plan
    period: Period | None
    reports: pd.DataFrame  # agency, indicator, state — one row per expected report

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
        return [self._group_row("agency", code, self.plan.agency(code).name_vi, self.plan.agency(code).name_en)
                for code in dict.fromkeys(self.reports["agency"])]

    def by_indicator(self) -> list[dict[str, Any]]:
        return [self._group_row("indicator", ind.id, ind.name_vi, ind.name_en) for ind in self.plan.indicators]

    def indicator_rates(self) -> dict[str, dict[str, Any]]:
        return {row["id"]: row for row in self.by_indicator()}

    def _group_row(self, key: str, value: str, name_vi: str, name_en: str) -> dict[str, Any]:
        other = "indicator" if key == "agency" else "agency"
        rows = self.reports[self.reports[key] == value]
        received = int((rows["state"] == RECEIVED).sum())
        return {
            "id": value, "name_vi": name_vi, "name_en": name_en,
            "expected": len(rows), "received": received,
            "rate": received / len(rows) if len(rows) else None,
            "missing": rows.loc[rows["state"] == MISSING, other].tolist(),
            "rejected": rows.loc[rows["state"] == REJECTED, other].tolist(),
        }

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        def named(row: dict[str, Any]) -> dict[str, Any]:
            name = row["name_vi"] if lang == "vi" else row["name_en"]
            return {"id": row["id"], "name": name, **{k: v for k, v in row.items() if k not in ("id", "name_vi", "name_en")}}

        return {
            "period": str(self.period) if self.period else None,
            "expected": self.expected, "received": self.received, "rate": _round(self.rate),
            "agencies": [named(r) | {"rate": _round(r["rate"])} for r in self.by_agency()],
            "indicators": [named(r) | {"rate": _round(r["rate"])} for r in self.by_indicator()],
        }


def completeness(report: ValidationReport, plan: Plan, period: Period | None = None) -> Completeness:
    """Expected reports for ``period`` (default: the latest with accepted rows) and their state."""
    if period is None:
        period = report.latest_period()
    expected = pd.DataFrame(
        [(agency, ind.id) for ind in plan.indicators for agency in plan.expected[ind.id]],
        columns=["agency", "indicator"],
    )
    expected["state"] = MISSING
    if period is not None:
        expected.loc[_sent(expected, report.rejected, period), "state"] = REJECTED
        expected.loc[_sent(expected, report.accepted, period), "state"] = RECEIVED
    # Order by agency as the agencies file lists them, then by the plan's indicators.
    order = {a.code: i for i, a in enumerate(plan.agencies)}
    expected = expected.sort_values("agency", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    return Completeness(plan, period, expected)


def _sent(expected: pd.DataFrame, rows: pd.DataFrame, period: Period) -> pd.Series:
    at = rows[(rows["year"] == period.year) & (rows["quarter"] == period.quarter)]
    keys = set(zip(at["agency"], at["indicator"]))
    return pd.Series([key in keys for key in zip(expected["agency"], expected["indicator"])], index=expected.index)


def _round(number: float | None) -> float | None:
    return None if number is None else round(number, 4)
