"""cds — the indicator calculator for Bạc Liêu's 2023 digital-transformation plan.

Use it from a script exactly as the CLI does::

    from cds_cli import load_plan, read_submissions, score

    plan = load_plan()                                   # the packaged plan files
    report = read_submissions(["examples/2023"], plan)   # validated rows + findings
    card = score(report, plan, parse_period("2023-Q2"))
    card.to_dict()                                       # == `cds score --format json`

None of these modules import typer or rich: those belong to the CLI and renderers.
"""

from .errors import CdsError, PlanError, UsageError
from .findings import Finding
from .periods import Period, parse_period
from .plan import Plan, catalogue, load_plan
from .completeness import Completeness, completeness
from .scoring import AgencyBreakdown, IndicatorScore, PillarScore, Scorecard, agency_breakdown, score
from .submissions.validate import RowCounts, ValidationReport, read_submissions, report_to_dict
from .templates import template_csv, template_rows, template_xlsx

__version__ = "0.1.0"

__all__ = [
    "CdsError", "PlanError", "UsageError", "Finding", "Period", "parse_period", "Plan", "catalogue",
    "load_plan", "IndicatorScore", "PillarScore", "Scorecard", "score", "RowCounts", "ValidationReport",
    "read_submissions", "report_to_dict", "Completeness", "completeness", "AgencyBreakdown", "agency_breakdown",
    "template_rows", "template_csv", "template_xlsx", "__version__",
]
