"""``cds plan new``: next year's plan pack, started from this year's pack and results.

The new pack holds the targets carried over (year, plan metadata and due quarters moved
to the new year, every target marked ``review: true`` until an analyst has checked it
against the new plan), the baselines — each indicator's value at the last reported
quarter, computed by the same engine and rounding as ``cds score`` — and a copy of the
agencies.  It is written to a new directory, all at once, and never over an old one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import UsageError
from ..messages import text
from ..periods import Period
from ..scoring import score
from ..submissions.validate import ValidationReport
from .model import Plan


@dataclass(frozen=True)
class NewPack:
    directory: Path
    year: int
    baselines: int  # indicators with a reported value
    files: int

    def summary(self, lang: str) -> str:
        return text(
            "plan_new_done",
            lang,
            path=str(self.directory),
            year=self.year,
            baseline_year=self.year - 1,
            baselines=self.baselines,
            files=self.files,
        )


def new_pack(
    plan: Plan, year: int, report: ValidationReport, output: Path, number: str = "", date: str = ""
) -> NewPack:
    """Write the pack of ``year`` to ``output`` from ``plan`` (of year − 1) and its results.
    The new plan's ``number`` and ``date`` are written as given, empty when not: last year's
    would be a number the new plan does not have (``cds plan check`` warns until set)."""
    if year != plan.year + 1:
        raise UsageError("new_year", value=year, from_year=plan.year, next_year=plan.year + 1)
    if output.exists() and not (output.is_dir() and not any(output.iterdir())):
        raise UsageError("out_exists", path=str(output))
    assert plan.files is not None and plan.files.targets is not None and plan.files.agencies is not None
    period = report.latest_period()  # rows outside the plan year are rejected, so it lies in it
    hashed = [{"file": summary.file, "sha256": summary.sha256} for summary in report.files]  # as read and scored
    targets = _targets(plan.files.targets, year, number, date)
    baselines = _baselines(plan, report, period, hashed)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError("cannot_write", path=str(output), reason=exc.strerror or str(exc)) from None
    with tempfile.TemporaryDirectory(dir=output.parent) as staging:  # beside it: one rename publishes the pack
        folder = Path(staging) / "pack"
        folder.mkdir()
        _dump(folder / f"targets_{year}.yaml", targets, _TARGETS_HEAD.format(year=year, old=plan.year))
        _dump(folder / f"baseline_{plan.year}.yaml", baselines, _BASELINE_HEAD.format(year=plan.year, period=period))
        shutil.copyfile(plan.files.agencies, folder / "agencies.yaml")
        if output.exists():
            output.rmdir()  # empty: checked above
        os.replace(folder, output)
    reported = sum(1 for b in baselines["baselines"] if b["value"] is not None)
    return NewPack(output, year, reported, len(hashed))


def _targets(path: Path, year: int, number: str, date: str) -> dict[str, Any]:
    """The old targets file as data, moved to ``year`` and marked for review."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    old = str(doc["plan"]["year"])
    info = doc["plan"]
    for key in ("title_vi", "title_en"):
        if isinstance(info.get(key), str):
            info[key] = info[key].replace(old, str(year))
    info["number"], info["date"] = number, date
    info["year"] = year
    info["review"] = True
    for indicator in doc["indicators"]:
        due = Period(year, Period.parse(indicator["due"]).quarter)
        indicator["due"] = str(due)
        indicator["review"] = True
    return doc


def _baselines(
    plan: Plan, report: ValidationReport, period: Period | None, hashed: list[dict[str, str]]
) -> dict[str, Any]:
    card = score(report, plan, period).to_dict("en") if period else None
    values = {item["id"]: item["value"] for item in card["indicators"]} if card else {}
    baselines = []
    for ind in plan.indicators:
        value = values.get(ind.id)
        if value is None:
            baselines.append(
                {
                    "indicator": ind.id,
                    "value": None,
                    "note": f"no accepted data for {ind.id} up to {period or plan.year} in the results",
                }
            )
        else:
            baselines.append({"indicator": ind.id, "value": value, "qualifier": "reported"})
    return {
        "year": plan.year,
        "results": {"period": str(period) if period else str(plan.year), "files": hashed},
        "baselines": baselines,
    }


_TARGETS_HEAD = """\
# Targets of {year}, carried over from the {old} pack by `cds plan new`.
# Every target says `review: true`: check it (figure, comparator, due quarter, source
# section and quote) against the {year} plan, then delete the line; set the plan's
# number, date and titles under `plan:` and delete its `review: true` too.
# `cds plan check` warns until then.

"""
_BASELINE_HEAD = """\
# Results of {year} as baselines, written by `cds plan new`: each indicator's value at
# {period}, the last reported quarter, computed exactly as `cds score` does (qualifier
# `reported`). `results` names the files read and their SHA-256.

"""


def _dump(path: Path, document: dict[str, Any], head: str) -> None:
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120)
    path.write_text(head + body, encoding="utf-8")
