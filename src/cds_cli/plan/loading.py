"""Loading a plan pack: check its files as data, cross-check them, and build the :class:`Plan`.

:func:`check_pack` reads the three files and reports *every* problem as a
:class:`~cds_cli.findings.Finding` (code, severity, file, line), then cross-checks what could
be read; ``cds plan check`` prints them, and :func:`load_pack` stops any other command at
the first error, because scoring against a half-read plan would be silently wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..collector import collector_paused
from ..errors import PlanError
from ..findings import Finding, HasFindings
from .documents import Document, read_document, validate_document
from .layout import PlanFiles, pack_files
from .model import AgenciesFile, BaselineFile, Plan, TargetsFile
from .rules import cross_check, quote_findings, result_findings


@dataclass
class PackCheck(HasFindings):
    """What ``cds plan check`` reports: every finding, and the plan when it loads."""

    files: PlanFiles
    findings: list[Finding] = field(default_factory=list)
    plan: Plan | None = None


def load_plan(
    targets: str | Path | None = None,
    baseline: str | Path | None = None,
    agencies: str | Path | None = None,
    *,
    plan: str | Path | None = None,
) -> Plan:
    """Load and cross-check a plan pack (default: the bundled one); ``targets``,
    ``baseline`` and ``agencies`` replace single files of it.  Raises
    :class:`~cds_cli.errors.PlanError` with every problem when the pack is broken."""
    return load_pack(plan, targets=targets, baseline=baseline, agencies=agencies)


def load_pack(directory: str | Path | None = None, **files: str | Path | None) -> Plan:
    """The plan of a pack, or :class:`PlanError` carrying every error of it."""
    with collector_paused(kept=True):  # a ministry's agencies make 200,000 objects, all kept
        check = check_pack(pack_files(directory, **files))
    # The parsed documents' heap (11 MB of a ministry's 40 MB plan) is not trimmed here: the
    # next load, of another pack or the same, reuses it (trimmed, it was faulted in again, 4-5
    # ms a load); the command line gives it back once, when its start-up ends.
    if check.plan is None or check.errors:
        raise PlanError(check.errors, check.files.directory)
    return check.plan


def check_pack(files: PlanFiles, source_text: str | None = None, results: bool = False) -> PackCheck:
    """Read and cross-check every file of the pack; ``source_text`` (the plan's text)
    makes every ``quote`` a claim to verify; ``results`` hashes again every input a
    computed baseline names (``cds plan check`` does; loading a pack to score does not)."""
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
    if results:
        check.findings += result_findings(baseline)
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
