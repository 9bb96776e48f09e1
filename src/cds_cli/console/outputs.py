"""Every output of every command, in one table: the ``--format`` choices each command
offers and the renderer (a function of :mod:`.render`) that writes each one.

Kept free of heavy imports: the command line builds its option choices from it before
any data is read, and ``cds --help`` stays instant.
"""

from __future__ import annotations

from typing import Any, Literal

from ..report.formats import REPORT_FORMATS

# kind of result → format → renderer in console.render
OUTPUTS: dict[str, dict[str, str]] = {
    "score": {"table": "score_table", "json": "as_json", "csv": "score_csv", "markdown": "score_markdown"},
    "breakdown": {
        "table": "breakdown_table",
        "json": "as_json",
        "csv": "breakdown_csv",
        "markdown": "breakdown_markdown",
    },
    "validate": {"text": "validation_text", "json": "validation_json", "github": "validation_github"},
    "status": {"table": "status_table", "json": "as_json", "csv": "status_csv"},
    "indicators": {"table": "catalogue_table", "json": "catalogue_json"},
    "context": {"table": "context_table", "json": "context_json"},
    "plan_check": {"text": "plan_check_text", "json": "as_json", "github": "plan_check_github"},
}
# Files rather than streams: written by the library (cds_cli.report, cds_cli.templates).
FILE_FORMATS: dict[str, tuple[str, ...]] = {"report": tuple(REPORT_FORMATS), "template": ("csv", "xlsx")}


def formats(kind: str) -> tuple[str, ...]:
    """The formats a kind of output comes in, its default first."""
    return tuple(OUTPUTS[kind]) if kind in OUTPUTS else FILE_FORMATS[kind]


def choice(kind: str) -> Any:
    """The formats of ``kind`` as the type of a typer option (a checked choice)."""
    return Literal[formats(kind)]  # a Literal built from the table: one source for --help and checks
