"""Problems are data: a finding is a small record collected into a report.

Each finding has a stable ``code`` (scripts and tests rely on it), a severity, the place
(file, 1-based line where the header is line 1, the contract's English column name) and
the values needed to word a message in Vietnamese or English.  The wording lives in the
catalogue (:mod:`cds_cli.words.messages`, key ``finding.<code>``), both languages side by side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .words.labels import figure
from .words.messages import DEFAULT_LANG, Term, text

STDIN_NAME = "<stdin>"  # the file name findings, reports and plan packs give standard input

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    file: str | None
    line: int | None
    column: str | None
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return text(f"finding.{self.code}", lang, **{k: _worded(v, lang) for k, v in self.params.items()})

    def to_dict(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message(lang),
        }


class HasFindings:
    """Errors, warnings and validity of anything that collects ``findings``."""

    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not self.errors


MAX_QUOTED = 200  # a message quotes a cell; a 1 MB cell is shown by its beginning


def _worded(value: Any, lang: str) -> Any:
    """A message value: figures with the language's decimal mark (16,87 in Vietnamese),
    words in the reader's language, quoted cells cut short."""
    if isinstance(value, float):
        return figure(value, lang)
    if isinstance(value, Term):
        return value.get(lang)
    if isinstance(value, str) and len(value) > MAX_QUOTED:
        return text("cut_cell", lang, start=value[:MAX_QUOTED], length=figure(float(len(value)), lang))
    return value


def hint(suggestion: str | None) -> Term | str:
    """The 'did you mean …?' tail of a message, empty when there is no suggestion."""
    return Term("did_you_mean", {"suggestion": suggestion}) if suggestion else ""
