"""Exceptions for "cannot continue" situations.

Problems with *submitted data* are never exceptions: they are findings collected in a
report (see :mod:`cds_cli.findings`).  An exception here means the run cannot go on at
all — the plan pack is broken, an option makes no sense — and the CLI maps every one of
them to exit code 2 in a single place, worded in the command's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .words.messages import DEFAULT_LANG, text

if TYPE_CHECKING:
    from .findings import Finding


class CdsError(Exception):
    """Base class: a message meant for the user (catalogue key ``error.<code>``), no traceback."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return text(f"error.{self.code}", lang, **self.params)


class UsageError(CdsError):
    """An option or argument that makes no sense (bad period, missing input path...)."""


class PlanError(CdsError):
    """A plan pack cannot be loaded: it carries every error finding of the pack."""

    def __init__(self, findings: list[Finding], pack: Path | str) -> None:
        self.findings = findings
        self.pack = str(pack)
        super().__init__("plan_invalid")

    def message(self, lang: str = DEFAULT_LANG) -> str:
        first = self.findings[0]
        place = f"{first.file}:{first.line}" if first.line else str(first.file)
        more = (
            text("error.plan_more", lang, count=len(self.findings) - 1, pack=self.pack)
            if len(self.findings) > 1
            else ""
        )
        return text("error.plan_invalid", lang, place=place, message=first.message(lang), more=more)
