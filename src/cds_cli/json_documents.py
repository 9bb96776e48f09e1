"""The JSON documents of the views: one more renderer, with the keys scripts rely on.

``lang`` words only names and messages; ids, codes, statuses, periods and figures are the
same in every language (the figures as the view rounded them).
"""

from __future__ import annotations

from typing import Any

from .view import IndicatorRow, PillarRow, ScorecardView


def scorecard_document(view: ScorecardView, lang: str) -> dict[str, Any]:
    """``cds score --format json``."""
    info = view.plan.info
    return {
        "period": str(view.period) if view.period else None,
        "plan": {
            "number": info.number,
            "year": view.plan.year,
            "baseline_year": view.plan.baseline_year,
            "province": info.province,
        },
        "indicators": [indicator_document(row, lang) for row in view.indicators],
        "pillars": [_pillar(p, lang) for p in view.pillars],
        "index": {
            "score": view.index.score,
            "coverage": view.index.coverage,
            "reporting_rate": view.index.reporting_rate,
            "provisional": view.index.provisional,
        },
        "summary": dict(view.summary),
        "statuses": list(view.statuses),
        "reporting": {
            "expected": view.reporting.expected,
            "received": view.reporting.received,
            "rate": view.reporting.rate,
        },
        "rows": view.rows.to_dict(),
        "issues": [f.to_dict(lang) for f in view.findings],
    }


def indicator_document(row: IndicatorRow, lang: str) -> dict[str, Any]:
    ind = row.indicator
    provisional = row.provisional_baseline
    return {
        "id": ind.id,
        "pillar": ind.pillar,
        "name": ind.name(lang),
        "short_name": ind.short_name(lang),
        "unit": ind.unit,
        "comparator": ind.comparator,
        "target": ind.target if ind.is_milestone else float(ind.target),
        "baseline": row.baseline,
        "baseline_qualifier": row.baseline_qualifier,
        "value": row.value,
        "numerator": row.numerator,
        "denominator": row.denominator,
        "attainment": row.attainment,
        "progress": row.progress,
        "expected": row.expected,
        "provisional_baseline": {"period": str(provisional.period), "value": provisional.value}
        if provisional
        else None,
        "met": row.met,
        "status": row.status,
        "time": ind.time,
        "aggregate": ind.aggregate,
        "due": ind.due,
        "reporters": row.reporters,
        "reports_expected": row.reporting.expected,
        "reports_received": row.reporting.received,
        "reporting_rate": row.reporting.rate,
    }


def _pillar(p: PillarRow, lang: str) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name(lang),
        "score": p.score,
        "coverage": p.coverage,
        "indicators_with_data": p.with_data,
        "indicators": p.total,
        "reporting_rate": p.reporting_rate,
    }
