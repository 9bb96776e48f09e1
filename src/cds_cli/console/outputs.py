"""Every output of every command, in one table: the ``--format`` choices each command
offers, its default first (:data:`.render.RENDERERS` holds the function writing each).

Kept free of heavy imports: the command line builds its option choices from it before
any data is read, and ``cds --help`` stays instant.
"""

from __future__ import annotations

from typing import Any, Literal

from ..report.formats import REPORT_FORMATS

# kind of result → its formats, the default first
OUTPUTS: dict[str, tuple[str, ...]] = {
    "score": ("table", "json", "csv", "markdown"),
    "breakdown": ("table", "json", "csv", "markdown"),
    "validate": ("text", "json", "github"),
    "status": ("table", "json", "csv"),
    "indicators": ("table", "json"),
    "context": ("table", "json"),
    "agencies": ("table", "json", "csv"),
    "history": ("table", "json", "csv"),
    "plan_check": ("text", "json", "github"),
}
# Files rather than streams: written by the library (cds_cli.report, cds_cli.templates).
FILE_FORMATS: dict[str, tuple[str, ...]] = {"report": tuple(REPORT_FORMATS), "template": ("csv", "xlsx")}


def formats(kind: str) -> tuple[str, ...]:
    """The formats a kind of output comes in, its default first."""
    return OUTPUTS[kind] if kind in OUTPUTS else FILE_FORMATS[kind]


def choice(kind: str) -> Any:
    """The formats of ``kind`` as the type of a typer option (a checked choice)."""
    return Literal[formats(kind)]  # a Literal built from the table: one source for --help and checks
