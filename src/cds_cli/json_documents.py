"""The JSON documents of the views: one more renderer, with the keys scripts rely on.

``lang`` words only names and messages; ids, codes, statuses, periods and figures are the
same in every language (the figures as the view rounded them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .history import History
from .numbers import rounded, shown_value
from .plan import Indicator, PackCheck
from .scoring import AgencyBreakdown, AgencyFigure, as_shown, competition_ranks
from .status import Completeness
from .submissions.validate import ValidationReport
from .view import BaselineSource, IndicatorRow, PillarRow, ScorecardView


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
        "baseline_source": _source(row.baseline_source),
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


def _source(source: BaselineSource | None) -> dict[str, Any] | None:
    """Where a baseline comes from: the plan's section and words, or the quarter it was computed at."""
    if source is None:
        return None
    if source.kind == "plan":
        return {"kind": "plan", "section": source.section, "quote": source.quote}
    return {"kind": "results", "period": str(source.period), "reporting_rate": source.reporting_rate}


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


def breakdown_document(breakdown: AgencyBreakdown, lang: str) -> dict[str, Any]:
    """``cds score --by agency --format json``."""
    return {
        "period": str(breakdown.period) if breakdown.period else None,
        "by": "agency",
        "indicators": [
            {
                "id": ind.id,
                "name": ind.name(lang),
                "short_name": ind.short_name(lang),
                "comparator": ind.comparator,
                "target": float(ind.target),
                "value": rounded(value),
                "agencies": _ranked_figures(breakdown, ind, figures, lang),
            }
            for ind, value, figures in breakdown.indicators
        ],
        "agencies": [
            r
            | {"name": breakdown.plan.agency(r["agency"]).name(lang), "mean_attainment": rounded(r["mean_attainment"])}
            for r in breakdown.ranking()
        ],
    }


def _ranked_figures(
    breakdown: AgencyBreakdown, ind: Indicator, figures: list[AgencyFigure], lang: str
) -> list[dict[str, Any]]:
    """One indicator's agencies: ranked (ties share a rank), then those not reported."""
    ranks = competition_ranks([as_shown(f.value) for f in figures])
    reported = [
        {
            "rank": rank,
            "agency": f.agency,
            "name": breakdown.plan.agency(f.agency).name(lang),
            "value": rounded(f.value),
            "numerator": f.numerator,
            "denominator": f.denominator,
            "attainment": rounded(f.attainment),
            "met": f.met,
            "pull": rounded(f.pull),
            "reported": True,
        }
        for rank, f in zip(ranks, figures, strict=True)
    ]
    silent = dict.fromkeys(("value", "numerator", "denominator", "attainment", "met", "pull"))
    return reported + [
        {"rank": None, "agency": code, "name": breakdown.plan.agency(code).name(lang), **silent, "reported": False}
        for code in breakdown.absent(ind, figures)
    ]


def status_document(status: Completeness, lang: str) -> dict[str, Any]:
    """``cds status --format json``."""

    def named(row: dict[str, Any], name: str) -> dict[str, Any]:
        return {"id": row["id"], "name": name, **row, "rate": rounded(row["rate"], 4)}

    return {
        "period": str(status.period) if status.period else None,
        "expected": status.expected,
        "received": status.received,
        "rate": rounded(status.rate, 4),
        "agencies": [
            named(r, status.plan.agency(r["id"]).name(lang)) | {"hints": status.hints_of("agency", r["id"])}
            for r in status.by_agency()
        ],
        "indicators": [
            named(r, status.plan.indicator(r["id"]).name(lang))
            | {
                "short_name": status.plan.indicator(r["id"]).short_name(lang),
                "hints": status.hints_of("indicator", r["id"]),
            }
            for r in status.by_indicator()
        ],
    }


def history_document(history: History, lang: str) -> dict[str, Any]:
    """``cds history --format json``."""
    by_period = [(card, {s.id: s for s in card.indicators}) for card in history.cards]
    return {
        "indicators": [
            {
                "id": ind.id,
                "short_name": ind.short_name(lang),
                "points": [
                    {
                        "period": str(card.period),
                        "plan": card.plan.info.number,
                        "value": shown_value(s.value),
                        # that period's own target: its year's pack may have set another
                        "target": float(s.indicator.target) if not ind.is_milestone else s.indicator.target,
                        "status": s.status,
                    }
                    for card, scores in by_period
                    for s in [scores.get(ind.id)]
                    if s is not None and s.status != "no_data"
                ],
            }
            for ind in history.plan.indicators
            if ind.id in history.indicators
        ]
    }


def plan_check_document(check: PackCheck, lang: str) -> dict[str, Any]:
    """``cds plan check --format json``."""
    info = check.plan.info if check.plan else None
    return {
        "valid": check.valid,
        "plan": {
            "year": info.year if info else None,
            "number": info.number if info else None,
            "indicators": len(check.plan.indicators) if check.plan else None,
        },
        "issues": [f.to_dict(lang) for f in check.findings],
    }


def validation_document(report: ValidationReport, lang: str) -> dict[str, Any]:
    """The JSON document of ``cds validate --format json`` (README: Commands)."""
    return {
        "valid": report.valid,
        "rows": report.rows.to_dict(),
        "files": [
            {
                "file": s.file,
                "sheet": s.sheet,
                "encoding": s.encoding,
                "delimiter": s.delimiter,
                "rows": s.rows.to_dict(),
            }
            for s in report.files
        ],
        "issues": [f.to_dict(lang) for f in report.findings],
    }


def plan_checks_document(checks: list[tuple[str, PackCheck]], lang: str) -> dict[str, Any]:
    """``cds plan check --format json`` over several packs: each as ``cds plan check DIR`` writes it."""
    packs = [{"pack": name, **plan_check_document(check, lang)} for name, check in checks]
    issues = [issue for pack in packs for issue in pack["issues"]]
    return {"valid": all(pack["valid"] for pack in packs), "packs": packs, "issues": issues}


# The document of each kind of result, for the writers' one JSON format.
DOCUMENTS: dict[type, Callable[[Any, str], dict[str, Any]]] = {
    ScorecardView: scorecard_document,
    AgencyBreakdown: breakdown_document,
    Completeness: status_document,
    History: history_document,
    PackCheck: plan_check_document,
    ValidationReport: validation_document,
}


def document(result: Any, lang: str) -> dict[str, Any]:
    """The JSON document of any result that has one."""
    return DOCUMENTS[type(result)](result, lang)
