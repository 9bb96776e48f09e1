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

import numpy as np
import pandas as pd

from .numbers import rounded
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
        return [self._group_row("agency", code) for code in self._groups("agency")]

    def by_indicator(self) -> list[dict[str, Any]]:
        return [self._group_row("indicator", ind.id) for ind in self.plan.indicators]

    def indicator_rates(self) -> dict[str, dict[str, Any]]:
        return {row["id"]: row for row in self.by_indicator()}

    def _group_row(self, key: str, value: str) -> dict[str, Any]:
        other = "indicator" if key == "agency" else "agency"
        rows = self._groups(key).get(value, self.reports.iloc[:0])
        received = int((rows["state"] == RECEIVED).sum())
        return {
            "id": value,
            "expected": len(rows), "received": received,
            "rate": received / len(rows) if len(rows) else None,
            "missing": rows.loc[rows["state"] == MISSING, other].tolist(),
            "rejected": rows.loc[rows["state"] == REJECTED, other].tolist(),
        }

    def _groups(self, key: str) -> dict[str, pd.DataFrame]:
        cache = self.__dict__.setdefault("_group_cache", {})
        if key not in cache:
            cache[key] = {name: rows for name, rows in self.reports.groupby(key, observed=True, sort=False)}
        return cache[key]

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        def named(row: dict[str, Any], name: str) -> dict[str, Any]:
            return {"id": row["id"], "name": name, **row, "rate": rounded(row["rate"], 4)}

        return {
            "period": str(self.period) if self.period else None,
            "expected": self.expected, "received": self.received, "rate": rounded(self.rate, 4),
            "agencies": [named(r, self.plan.agency(r["id"]).name(lang)) for r in self.by_agency()],
            "indicators": [named(r, self.plan.indicator(r["id"]).name(lang)) | {"short_name": self.plan.indicator(r["id"]).short_name(lang)}
                           for r in self.by_indicator()],
        }


def completeness(report: ValidationReport, plan: Plan, period: Period | None = None) -> Completeness:
    """Expected reports for ``period`` (default: the latest with accepted rows) and their state."""
    if period is None:
        period = report.latest_period()
    expected = expected_reports(plan)
    state = np.full(len(expected), MISSING, dtype=object)
    if period is not None:
        state[_sent(expected, report.rejected, plan, period)] = REJECTED
        state[_sent(expected, report.accepted, plan, period)] = RECEIVED
    return Completeness(plan, period, expected.assign(state=state))


def expected_reports(plan: Plan) -> pd.DataFrame:
    """Every (agency, indicator) pair the plan expects, agencies in the agencies file's
    order, indicators in the plan's; computed once per plan."""
    cached = plan.__dict__.get("_expected_reports")
    if cached is not None:
        return cached
    agency_order = {agency.code: i for i, agency in enumerate(plan.agencies)}
    agencies = [np.array([agency_order[code] for code in plan.expected[ind.id]], dtype=np.int64)
                for ind in plan.indicators]
    agency_index = np.concatenate(agencies) if agencies else np.array([], dtype=np.int64)
    indicator_index = np.repeat(np.arange(len(plan.indicators)), [len(a) for a in agencies])
    order = np.argsort(agency_index, kind="stable")
    frame = pd.DataFrame({
        "agency": pd.Categorical.from_codes(agency_index[order], categories=pd.Index([a.code for a in plan.agencies])),
        "indicator": pd.Categorical.from_codes(indicator_index[order], categories=pd.Index([i.id for i in plan.indicators])),
    })
    plan.__dict__["_expected_reports"] = frame  # the Plan is frozen; its cache is not
    return frame


def _sent(expected: pd.DataFrame, rows: pd.DataFrame, plan: Plan, period: Period) -> np.ndarray:
    """Which expected reports have a row (of ``rows``) for exactly ``period``."""
    at = rows.loc[(rows["year"] == period.year) & (rows["quarter"] == period.quarter), ["agency", "indicator"]]
    width = len(plan.indicators)
    agency_position = {code: i for i, code in enumerate(expected["agency"].cat.categories)}
    indicator_position = {code: i for i, code in enumerate(expected["indicator"].cat.categories)}
    sent = (at["agency"].map(agency_position).astype("float64") * width
            + at["indicator"].map(indicator_position).astype("float64")).dropna().to_numpy(dtype=np.int64)
    wanted = expected["agency"].cat.codes.to_numpy(dtype=np.int64) * width + expected["indicator"].cat.codes.to_numpy()
    return np.isin(wanted, sent)
