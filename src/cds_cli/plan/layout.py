"""Where a plan pack's files are: the names a pack's files go by, and finding them.

A pack is a directory holding one plan year: exactly one ``targets_<Y>.yaml``, an optional
``baseline_<B>.yaml`` (no file: every baseline is null) and ``agencies.yaml``.  This is the
bottom of the plan package: it knows file names, nothing of their content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..findings import Finding

TARGETS_NAME = re.compile(r"targets_(\d{4})\.ya?ml")
BASELINE_NAME = re.compile(r"baseline_(\d{4})\.ya?ml")
AGENCIES_NAME = "agencies.yaml"


def default_data_dir() -> Path:
    """The bundled plan pack: the plan files shipped inside the installed package."""
    return Path(str(resources.files("cds_cli") / "data"))


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
