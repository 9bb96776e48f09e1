"""Plan packs: find a pack's files, check them as data, and load the :class:`Plan`.

A pack is a directory holding one plan year: exactly one ``targets_<Y>.yaml``, an
optional ``baseline_<B>.yaml`` and ``agencies.yaml`` (CONTRACT §6).  :func:`check_pack`
reads all three and reports *every* problem as a :class:`~cds_cli.findings.Finding`
(code, severity, file, line), then cross-checks what could be read; ``cds plan check``
prints them, and :func:`load_pack` stops any other command at the first error, because
scoring against a half-read plan would be silently wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import PlanError
from .findings import Finding, HasFindings
from .pack_rules import cross_check, quote_findings
from .pack_yaml import Document, read_document, validate_document
from .plan import AgenciesFile, BaselineFile, Plan, TargetsFile, default_data_dir

TARGETS_NAME = re.compile(r"targets_(\d{4})\.ya?ml")
BASELINE_NAME = re.compile(r"baseline_(\d{4})\.ya?ml")
AGENCIES_NAME = "agencies.yaml"


@dataclass(frozen=True)
class PlanFiles:
    """The files of one pack, and what was wrong with the directory itself."""

    directory: Path
    targets: Path | None
    baseline: Path | None
    agencies: Path | None
    problems: tuple[Finding, ...] = ()


def pack_files(
    directory: str | Path | None = None,
    *,
    targets: str | Path | None = None,
    baseline: str | Path | None = None,
    agencies: str | Path | None = None,
) -> PlanFiles:
    """The files of the pack in ``directory`` (default: the bundled pack), single files
    replaced by ``targets``/``baseline``/``agencies`` when given."""
    folder = Path(directory) if directory else default_data_dir()
    problems: list[Finding] = []
    where = str(folder)
    found_targets = _matching(folder, TARGETS_NAME)
    found_baselines = _matching(folder, BASELINE_NAME)
    if targets is None and not found_targets:
        problems.append(Finding("pack_no_targets", "error", where, None, None))
    if targets is None and len(found_targets) > 1:
        problems.append(
            Finding(
                "pack_many_targets", "error", where, None, None, {"files": ", ".join(p.name for p in found_targets)}
            )
        )
    if baseline is None and len(found_baselines) > 1:
        problems.append(
            Finding(
                "pack_many_baselines", "error", where, None, None, {"files": ", ".join(p.name for p in found_baselines)}
            )
        )
    agencies_path = folder / AGENCIES_NAME
    if agencies is None and not agencies_path.is_file():
        problems.append(Finding("pack_no_agencies", "error", where, None, None))
    return PlanFiles(
        directory=folder,
        targets=Path(targets) if targets else (found_targets[0] if found_targets else None),
        baseline=Path(baseline) if baseline else (found_baselines[0] if found_baselines else None),
        agencies=Path(agencies) if agencies else (agencies_path if agencies_path.is_file() else None),
        problems=tuple(problems),
    )


def _matching(folder: Path, pattern: re.Pattern[str]) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name) and p.is_file())


@dataclass
class PackCheck(HasFindings):
    """What ``cds plan check`` reports: every finding, and the plan when it loads."""

    files: PlanFiles
    findings: list[Finding] = field(default_factory=list)
    plan: Plan | None = None

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        info = self.plan.info if self.plan else None
        return {
            "valid": self.valid,
            "plan": {
                "year": info.year if info else None,
                "number": info.number if info else None,
                "indicators": len(self.plan.indicators) if self.plan else None,
            },
            "issues": [f.to_dict(lang) for f in self.findings],
        }


def load_pack(directory: str | Path | None = None, **files: str | Path | None) -> Plan:
    """The plan of a pack, or :class:`PlanError` carrying every error of it."""
    check = check_pack(pack_files(directory, **files))
    if check.plan is None or check.errors:
        raise PlanError(check.errors, check.files.directory)
    return check.plan


def check_pack(files: PlanFiles, source_text: str | None = None) -> PackCheck:
    """Read and cross-check every file of the pack; ``source_text`` (the plan's text)
    makes every ``quote`` a claim to verify."""
    check = PackCheck(files, list(files.problems))
    targets = _document(files.targets, TargetsFile, check)
    baseline = _document(files.baseline, BaselineFile, check) if files.baseline else None
    agencies = _document(files.agencies, AgenciesFile, check)
    if targets is None or agencies is None or (files.baseline and baseline is None):
        return check  # a file that cannot be parsed at all: nothing to cross-check
    plan, findings = cross_check(targets, baseline, agencies, files)
    check.findings += findings
    if source_text is not None:
        check.findings += quote_findings([d for d in (targets, baseline, agencies) if d], source_text)
    check.plan = plan if not check.errors else None
    check.findings.sort(key=_reading_order(files))
    return check


def _reading_order(files: PlanFiles) -> Callable[[Finding], tuple[int, int]]:
    """Findings about the pack as a whole first, then file by file in the order the pack is
    read (targets, baseline, agencies), then by line. The first one shown is then the same
    wherever the files live: sorting by path put a bundled baseline before a --targets file
    in /tmp on one machine, not on another."""
    order = {str(path): rank for rank, path in enumerate((files.targets, files.baseline, files.agencies)) if path}

    def key(finding: Finding) -> tuple[int, int]:
        return order.get(str(finding.file), -1), finding.line or 0

    return key


def _document(path: Path | None, model: type, check: PackCheck) -> Document | None:
    if path is None:
        return None
    document, findings = read_document(path)
    check.findings += findings
    if document is None:
        return None
    check.findings += validate_document(document, model)
    return document
