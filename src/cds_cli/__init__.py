"""cds — the indicator calculator for Bạc Liêu's 2023 digital-transformation plan.

Use it from a script exactly as the CLI does::

    from cds_cli import load_plan, read_submissions, score, scorecard_document, scorecard_view

    plan = load_plan()                                   # the packaged plan files
    report = read_submissions(["examples/2023"], plan)   # validated rows + findings
    card = score(report, plan, parse_period("2023-Q2"))  # the computation
    view = scorecard_view(card)                          # what every output shows, typed
    scorecard_document(view, "vi")                       # == `cds score --format json`

None of these modules import typer or rich: those belong to the CLI and renderers.
"""

from importlib import import_module

from .errors import CdsError, PlanError, UsageError

# Public names and the module that holds each.  They load on first use, so that the CLI
# (`cds --help`) starts without pandas, and scripts get the same functions it uses.
_EXPORTS = {
    "Finding": "findings",
    "Period": "periods",
    "parse_period": "periods",
    "text": "words.messages",
    "PackCheck": "plan",
    "check_pack": "plan",
    "pack_files": "plan",
    "new_pack": "plan.newyear",
    "Plan": "plan",
    "catalogue": "plan",
    "load_plan": "plan",
    "Completeness": "status",
    "completeness": "status",
    "AgencyBreakdown": "scoring",
    "IndicatorScore": "scoring",
    "PillarScore": "scoring",
    "Scorecard": "scoring",
    "agency_breakdown": "scoring",
    "score": "scoring",
    "IndicatorRow": "view",
    "PillarRow": "view",
    "ReportView": "view",
    "ScorecardView": "view",
    "scorecard_view": "view",
    "scorecard_document": "json_documents",
    "document": "json_documents",
    "RowCounts": "submissions.validate",
    "ValidationReport": "submissions.validate",
    "read_submissions": "submissions.validate",
    "template_csv": "templates",
    "template_rows": "templates",
    "template_xlsx": "templates",
    "build_report": "report",
    "render_report": "report",
}


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'cds_cli' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__version__ = "0.2.0"

__all__ = ["CdsError", "PlanError", "UsageError", "__version__", *_EXPORTS]
