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
        counts = self._groups(key).get(value) or {"expected": 0, "received": 0, "missing": [], "rejected": []}
        return {
            "id": value,
            "expected": counts["expected"],
            "received": counts["received"],
            "rate": counts["received"] / counts["expected"] if counts["expected"] else None,
            "missing": counts["missing"],
            "rejected": counts["rejected"],
        }

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
            state = self.reports["state"].to_numpy(dtype=object)
            expected = np.bincount(codes, minlength=size)
            received = np.bincount(codes[state == RECEIVED], minlength=size)
            lists = {label: _lists_by_code(codes, partners, state == label, size) for label in (MISSING, REJECTED)}
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

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        def named(row: dict[str, Any], name: str) -> dict[str, Any]:
            return {"id": row["id"], "name": name, **row, "rate": rounded(row["rate"], 4)}

        return {
            "period": str(self.period) if self.period else None,
            "expected": self.expected,
            "received": self.received,
            "rate": rounded(self.rate, 4),
            "agencies": [named(r, self.plan.agency(r["id"]).name(lang)) for r in self.by_agency()],
            "indicators": [
                named(r, self.plan.indicator(r["id"]).name(lang))
                | {"short_name": self.plan.indicator(r["id"]).short_name(lang)}
                for r in self.by_indicator()
            ],
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
    agencies = [
        np.array([agency_order[code] for code in plan.expected[ind.id]], dtype=np.int64) for ind in plan.indicators
    ]
    agency_index = np.concatenate(agencies) if agencies else np.array([], dtype=np.int64)
    indicator_index = np.repeat(np.arange(len(plan.indicators)), [len(a) for a in agencies])
    order = np.argsort(agency_index, kind="stable")
    frame = pd.DataFrame(
        {
            "agency": pd.Categorical.from_codes(
                agency_index[order], categories=pd.Index([a.code for a in plan.agencies])
            ),
            "indicator": pd.Categorical.from_codes(
                indicator_index[order], categories=pd.Index([i.id for i in plan.indicators])
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
    codes, uniques = pd.factorize(values)  # code -1: a missing value
    lookup = np.append(categories.astype(object).get_indexer(pd.Index(uniques, dtype=object)), -1)
    return lookup[codes].astype(np.int64)


def _lists_by_code(codes: np.ndarray, partners: pd.Categorical, chosen: np.ndarray, size: int) -> list[list[str]]:
    """For each code, the partners of the chosen rows in row order."""
    rows = np.flatnonzero(chosen)
    rows = rows[np.argsort(codes[rows], kind="stable")]
    bounds = np.concatenate([[0], np.cumsum(np.bincount(codes[rows], minlength=size))])
    names = np.asarray(partners.categories, dtype=object)[partners.codes[rows]].tolist()
    return [names[bounds[i] : bounds[i + 1]] for i in range(size)]
