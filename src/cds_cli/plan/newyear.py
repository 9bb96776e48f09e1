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
from ..numbers import rounded, shown_value
from ..outputs import write_atomic
from ..periods import Period
from ..scoring import Scorecard, score
from ..submissions.validate import ValidationReport
from ..words.labels import quarters_text
from ..words.messages import text
from .layout import pack_files
from .model import Agency, Plan


@dataclass(frozen=True)
class Footing:
    """What computed baselines rest on: the quarter scored, the reports it had of those
    expected, the rows rejected and the agencies that sent nothing for it."""

    period: Period
    received: int
    expected: int
    rejected_rows: int
    silent: tuple[Agency, ...]  # agencies expected to report that quarter that sent nothing

    @property
    def rate(self) -> float | None:
        return self.received / self.expected if self.expected else None

    def summary(self, lang: str, directory: Path) -> str:
        rate = self.rate
        shown = "—" if rate is None else f"{100 * rate:.0f}"
        lines = [
            text(
                "baseline_footing",
                lang,
                period=quarters_text([self.period], lang),
                received=self.received,
                expected=self.expected,
                rate=shown,
                rejected=self.rejected_rows,
                silent=", ".join(agency.name(lang) for agency in self.silent) or "—",
            )
        ]
        if rate is not None and rate < REFRESH_BELOW:  # late reports will move these baselines
            lines.append(text("baseline_footing_low", lang, rate=shown, path=str(directory)))
        return "\n".join(lines)


REFRESH_BELOW = 0.9  # a baseline computed from fewer of the reports due is worth refreshing


def footing(plan: Plan, report: ValidationReport, card: Scorecard) -> Footing | None:
    """What the baselines computed from ``card`` rest on (None: there was no quarter to score)."""
    if card.period is None:
        return None
    status = card.reporting
    silent = tuple(plan.agency(row["id"]) for row in status.by_agency() if row["expected"] and not row["received"])
    return Footing(card.period, status.received, status.expected, report.rows.rejected, silent)


def _scored(plan: Plan, report: ValidationReport) -> tuple[Period | None, Scorecard | None, list[dict[str, str]]]:
    """The results' latest quarter, its scorecard (the baselines' values, and what they rest
    on) and each input file with its SHA-256, as read and scored."""
    period = report.latest_period()  # rows outside the plan year are rejected, so it lies in it
    hashed = [{"file": summary.file, "sha256": summary.sha256} for summary in report.files]
    return period, score(report, plan, period) if period else None, hashed


@dataclass(frozen=True)
class NewPack:
    directory: Path
    year: int
    baselines: int  # indicators with a reported value
    files: int
    footing: Footing | None = None

    def summary(self, lang: str) -> str:
        done = text(
            "plan_new_done",
            lang,
            path=str(self.directory),
            year=self.year,
            baseline_year=self.year - 1,
            baselines=self.baselines,
            files=self.files,
        )
        return done + ("\n" + self.footing.summary(lang, self.directory) if self.footing else "")


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
    period, scored, hashed = _scored(plan, report)
    targets = _targets(plan.files.targets, year, number, date)
    baselines = _baselines(plan, scored, period, hashed)
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
    return NewPack(output, year, reported, len(hashed), footing(plan, report, scored) if scored else None)


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
    plan: Plan, scored: Scorecard | None, period: Period | None, hashed: list[dict[str, str]]
) -> dict[str, Any]:
    # rounded as every output shows them (the baseline file is read by people too)
    values = {s.id: shown_value(s.value) for s in scored.indicators} if scored else {}
    baselines: list[dict[str, Any]] = []
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
        "results": {
            "period": str(period) if period else str(plan.year),
            # how much of that quarter had come in: a baseline from few reports is worth refreshing
            "reporting_rate": rounded(scored.reporting.rate, 4) if scored else None,
            "files": hashed,
        },
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
# Results of {year} as baselines, written by `cds plan new` (or `cds plan baselines`): each
# indicator's value at {period}, the last reported quarter, computed exactly as `cds score`
# does (qualifier `reported`). `results` names the quarter, its reporting rate and the files
# read with their SHA-256; `cds plan check` warns when one of them changed since.

"""


def _dump(path: Path, document: dict[str, Any], head: str) -> None:
    path.write_text(_yaml_text(document, head), encoding="utf-8")


def _yaml_text(document: dict[str, Any], head: str) -> str:
    return head + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120)


@dataclass(frozen=True)
class BaselineChange:
    indicator: str
    before: Any  # the value the file held (None: none)
    after: Any


@dataclass(frozen=True)
class Refreshed:
    """What ``cds plan baselines`` did: each value that changed, and what the values rest on."""

    changes: list[BaselineChange]
    footing: Footing | None


def refresh_baselines(plan: Plan, directory: Path, report: ValidationReport) -> Refreshed:
    """Compute again, from ``report`` (the results of ``plan``'s year), the baselines of the
    pack in ``directory`` (the next year's) and rewrite its baseline file in place, whole or
    not at all.  Only computed baselines change (qualifier ``reported``, or none yet): one the
    plan states with its source stays; an indicator the new pack dropped stays out."""
    files = pack_files(directory)
    if files.targets is None:
        raise UsageError("plan_dir_missing", origin=str(directory), path=str(directory))
    year = int(yaml.safe_load(files.targets.read_text(encoding="utf-8"))["plan"]["year"])
    if year != plan.year + 1:
        raise UsageError("new_year", value=year, from_year=plan.year, next_year=plan.year + 1)
    period, scored, hashed = _scored(plan, report)
    fresh = _baselines(plan, scored, period, hashed)
    path = files.baseline or directory / f"baseline_{plan.year}.yaml"
    old = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {"baselines": []}
    wanted = set(_raw_target_ids(files.targets))
    computed = {entry["indicator"]: entry for entry in fresh["baselines"] if entry["indicator"] in wanted}
    entries, changes = [], []
    for entry in old.get("baselines") or []:
        new = computed.pop(entry.get("indicator"), None)
        if new is None or (entry.get("value") is not None and entry.get("qualifier") != "reported"):
            entries.append(entry)  # stated by the plan with its source, or no longer computed
            continue
        entries.append(new)
        if new.get("value") != entry.get("value"):
            changes.append(BaselineChange(new["indicator"], entry.get("value"), new.get("value")))
    for new in computed.values():  # targets the file had no baseline for yet
        entries.append(new)
        changes.append(BaselineChange(new["indicator"], None, new.get("value")))
    document = {"year": plan.year, "results": fresh["results"], "baselines": entries}
    if old.get("context"):
        document["context"] = old["context"]
    write_atomic(path, _yaml_text(document, _BASELINE_HEAD.format(year=plan.year, period=period)).encode("utf-8"))
    return Refreshed(changes, footing(plan, report, scored) if scored else None)


def _raw_target_ids(path: Path) -> list[str]:
    indicators = yaml.safe_load(path.read_text(encoding="utf-8")).get("indicators") or []
    return [item["id"] for item in indicators if isinstance(item, dict) and isinstance(item.get("id"), str)]
