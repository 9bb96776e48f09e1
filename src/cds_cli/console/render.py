"""The one renderer switch: a result and a format in, text on a stream out.

The plain JSON, CSV, Markdown and GitHub writers are :mod:`cds_cli.writers`; the terminal
tables are :mod:`.tables`, imported only when a table or a text is asked for, so that
``cds score --format json`` never loads rich (20–30 ms of every such run).  Results go to
stdout (so ``cds score --format json | jq`` stays clean); the CLI sends progress and
diagnostics to stderr itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO

from ..history import History
from ..plan import PackCheck, Plan
from ..scoring import AgencyBreakdown, Scorecard
from ..status import Completeness
from ..submissions.validate import ValidationReport
from ..view import scorecard_view
from ..writers import (
    agencies_csv,
    agencies_json,
    as_json,
    breakdown_csv,
    breakdown_markdown,
    catalogue_json,
    context_json,
    history_csv,
    plan_check_github,
    score_csv,
    score_markdown,
    status_csv,
    validation_github,
    validation_json,
)

KINDS = {
    Scorecard: "score",
    ValidationReport: "validate",
    Plan: "indicators",
    Completeness: "status",
    AgencyBreakdown: "breakdown",
    PackCheck: "plan_check",
    History: "history",
}


def render(result: Any, fmt: str, lang: str, out: TextIO, kind: str | None = None, **context: Any) -> None:
    """Write ``result`` (Scorecard, ValidationReport, Plan …) to ``out`` in ``fmt``;
    ``kind`` picks another view of the same result (a plan's ``context`` figures).  A
    scorecard is rendered from its typed view (:mod:`cds_cli.view`), as every format is."""
    shown = scorecard_view(result) if isinstance(result, Scorecard) else result
    RENDERERS[kind or KINDS[type(result)]][fmt](shown, lang, out, **context)


Renderer = Callable[..., None]


def _terminal(name: str) -> Renderer:
    """The function ``name`` of :mod:`.tables`, imported when it is first called."""

    def draw(result: Any, lang: str, out: TextIO, **context: Any) -> None:
        from . import tables

        getattr(tables, name)(result, lang, out, **context)

    draw.__name__ = draw.__qualname__ = name
    return draw


# kind of result → format → the function that writes it; the formats are those of
# :data:`.outputs.OUTPUTS` (which --help reads without importing any of these)
RENDERERS: dict[str, dict[str, Renderer]] = {
    "score": {"table": _terminal("score_table"), "json": as_json, "csv": score_csv, "markdown": score_markdown},
    "breakdown": {
        "table": _terminal("breakdown_table"),
        "json": as_json,
        "csv": breakdown_csv,
        "markdown": breakdown_markdown,
    },
    "validate": {"text": _terminal("validation_text"), "json": validation_json, "github": validation_github},
    "status": {"table": _terminal("status_table"), "json": as_json, "csv": status_csv},
    "indicators": {"table": _terminal("catalogue_table"), "json": catalogue_json},
    "context": {"table": _terminal("context_table"), "json": context_json},
    "agencies": {"table": _terminal("agencies_table"), "json": agencies_json, "csv": agencies_csv},
    "history": {"table": _terminal("history_table"), "json": as_json, "csv": history_csv},
    "plan_check": {"text": _terminal("plan_check_text"), "json": as_json, "github": plan_check_github},
}
