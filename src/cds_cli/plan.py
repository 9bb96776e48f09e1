"""The 2023 plan as data: targets, 2022 baselines and agencies, loaded from YAML.

The YAML files are the single source of truth for every figure cds scores against; each
entry carries the plan section and the plan's own words.  Loading is strict: a broken
file stops the run with a :class:`~cds_cli.errors.PlanError` naming the file, the line
and the problem, because scoring against a half-read plan would be silently wrong.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from .errors import PlanError
from .periods import Period, parse_period
from .text import Suggester, fold

MILESTONE_STATUSES = ("done", "in_progress", "not_started")
Qualifier = Literal["approx", "above", "nearly", "about"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    section: str
    quote: str


class PlanInfo(_Strict):
    number: str
    date: str
    year: int
    province: str
    title_vi: str
    title_en: str
    issuer_vi: str
    issuer_en: str


class Pillar(_Strict):
    id: str
    name_vi: str
    name_en: str
    weight: float = 1.0
    source: Source | None = None

    @field_validator("weight")
    @classmethod
    def _non_negative(cls, weight: float) -> float:
        if weight < 0:
            raise ValueError("weight must not be negative")
        return weight


class Indicator(_Strict):
    id: str
    pillar: str
    name_vi: str
    name_en: str
    unit: Literal["percent", "milestone"]
    comparator: Literal[">=", ">", "<=", "<", "="]
    target: float | Literal["done"]
    time: Literal["stock", "flow"]
    aggregate: Literal["single", "pooled"]
    reporter: str | None = None
    reporters: list[str] = []  # pooled: agency codes or group names (agencies.yaml) expected to report
    due: str
    weight: float = 1.0
    source: Source
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Indicator:
        if self.unit == "percent":
            if not isinstance(self.target, float):
                raise ValueError("a percent indicator needs a numeric target")
            if self.comparator == "=":
                raise ValueError("a percent indicator needs one of >=, >, <=, <")
        elif self.target != "done" or self.comparator != "=":
            raise ValueError("a milestone needs target 'done' and comparator '='")
        if (self.aggregate == "single") != (self.reporter is not None):
            raise ValueError("a single indicator names its reporter; a pooled one does not")
        if self.aggregate == "pooled" and not self.reporters:
            raise ValueError("a pooled indicator lists its reporters (agency codes or groups)")
        if self.aggregate == "single" and self.reporters:
            raise ValueError("a single indicator has one reporter, not a reporters list")
        if parse_period(self.due) is None:
            raise ValueError(f"due {self.due!r} is not a quarter like 2023-Q4")
        if self.weight < 0:
            raise ValueError("weight must not be negative")
        return self

    @property
    def due_period(self) -> Period:
        return parse_period(self.due)  # validated above

    @property
    def is_milestone(self) -> bool:
        return self.unit == "milestone"

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


class TargetsFile(_Strict):
    plan: PlanInfo
    pillars: list[Pillar]
    indicators: list[Indicator]


class Baseline(_Strict):
    indicator: str
    value: float | str | None
    qualifier: Qualifier | None = None
    source: Source | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _sourced(self) -> Baseline:
        if self.value is not None and self.source is None:
            raise ValueError("a stated baseline needs its source (section and quote)")
        if self.value is None and not self.note:
            raise ValueError("a null baseline needs a note saying why the plan gives none")
        return self


class ContextFigure(_Strict):
    id: str
    name_vi: str
    name_en: str
    value: float
    unit: str
    qualifier: Qualifier | None = None
    denominator: float | None = None
    source: Source
    note: str | None = None


class BaselineFile(_Strict):
    year: int
    baselines: list[Baseline]
    context: list[ContextFigure] = []


class Agency(_Strict):
    code: str
    level: Literal["province", "district"]
    name_vi: str
    name_en: str
    aliases: tuple[str, ...] = ()  # a tuple: pydantic deep-copies a mutable default per agency

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


class AgencyGroup(_Strict):
    name_vi: str
    name_en: str
    members: list[str]


class AgenciesFile(_Strict):
    agencies: list[Agency]
    groups: dict[str, AgencyGroup] = {}


@dataclass(frozen=True)
class Plan:
    """Everything cds knows about the plan, cross-checked and ready to score against."""

    info: PlanInfo
    pillars: list[Pillar]
    indicators: list[Indicator]
    baselines: dict[str, Baseline]
    context: list[ContextFigure]
    agencies: list[Agency]
    agency_lookup: dict[str, str] = field(repr=False)  # folded code/name/alias → code
    expected: dict[str, tuple[str, ...]] = field(repr=False)  # indicator id → agencies expected to report

    @property
    def year(self) -> int:
        return self.info.year

    def indicator(self, indicator_id: str) -> Indicator:
        return next(ind for ind in self.indicators if ind.id == indicator_id)

    def baseline_value(self, indicator_id: str) -> float | str | None:
        baseline = self.baselines.get(indicator_id)
        return baseline.value if baseline else None

    def agency(self, code: str) -> Agency:
        return next(agency for agency in self.agencies if agency.code == code)

    @functools.cached_property
    def suggest_agency(self) -> Suggester:
        """The closest registered spelling (folded) to an unknown agency cell: every name
        and alias for a province's agencies, the codes alone for a ministry's thousands."""
        spellings = self.agency_lookup
        if len(spellings) > Suggester.SMALL:
            spellings = {fold(agency.code): agency.code for agency in self.agencies}
        return Suggester(spellings)

    @functools.cached_property
    def suggest_indicator(self) -> Suggester:
        return Suggester(ind.id for ind in self.indicators)

    def indicators_of(self, code: str) -> list[Indicator]:
        """The indicators an agency reports: its single ones and the pooled ones it feeds."""
        return [ind for ind in self.indicators if code in self.expected[ind.id]]


# --------------------------------------------------------------------------- loading


def default_data_dir() -> Path:
    """The plan files shipped inside the installed package."""
    return Path(str(resources.files("cds_cli") / "data"))


def load_plan(
    targets: str | Path | None = None,
    baseline: str | Path | None = None,
    agencies: str | Path | None = None,
) -> Plan:
    """Load and cross-check the three plan files (defaults: the packaged ones)."""
    data_dir = default_data_dir()
    targets_path = Path(targets) if targets else data_dir / "targets_2023.yaml"
    baseline_path = Path(baseline) if baseline else data_dir / "baseline_2022.yaml"
    agencies_path = Path(agencies) if agencies else data_dir / "agencies.yaml"

    targets_doc, targets_at = _load_model(targets_path, TargetsFile)
    baseline_doc, baseline_at = _load_model(baseline_path, BaselineFile)
    agencies_doc, agencies_at = _load_model(agencies_path, AgenciesFile)

    lookup = _agency_lookup(agencies_at, agencies_doc.agencies)
    _check_targets(targets_at, targets_doc, lookup)
    expected = _expected_reporters(targets_at, targets_doc, agencies_at, agencies_doc)
    baselines = _check_baselines(baseline_at, baseline_doc, targets_doc.indicators)
    return Plan(
        info=targets_doc.plan,
        pillars=targets_doc.pillars,
        indicators=targets_doc.indicators,
        baselines=baselines,
        context=baseline_doc.context,
        agencies=agencies_doc.agencies,
        agency_lookup=lookup,
        expected=expected,
    )


class _Located:
    """A parsed YAML document that can tell the line of any key path (for messages)."""

    def __init__(self, path: Path, node: yaml.Node | None, text: str):
        self.path = path
        self.node = node
        self.text = text

    def line(self, loc: tuple[Any, ...]) -> int | None:
        if self.node is None and self.text.strip():  # parsed as JSON: compose only now
            self.node = yaml.compose(self.text, Loader=_SAFE_LOADER)
        node, line = self.node, None
        for key in loc:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == key), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                node = node.value[key] if key < len(node.value) else None
            else:
                break
            if node is None:
                break
            line = node.start_mark.line + 1
        return line

    def error(self, loc: tuple[Any, ...], problem: str) -> PlanError:
        line = self.line(loc)
        where = f"{self.path}:{line}" if line else str(self.path)
        return PlanError(f"{where}: {problem}")


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10× faster
# pydantic adds the tried type to an error's location inside unions ("float", "literal['done']").
_UNION_BRANCH = re.compile(r"^(float|int|str|bool|none|function-.*|literal\[.*\]|.*\[.*\])$")


def _parse(text: str) -> tuple[Any, yaml.Node | None]:
    """The document and its node tree (to point messages at the line of a bad value).

    A safe loader only: a plan file must never be able to construct Python objects.
    JSON is YAML too, and a machine-written plan file (a ministry's 20,000 reporting
    units) loads a hundred times faster through the JSON parser; its node tree is then
    composed only if a message needs a line."""
    if text.lstrip().startswith("{"):
        try:
            return json.loads(text), None
        except ValueError:
            pass  # YAML flow syntax that is not strict JSON: the YAML parser decides
    loader = _SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def _load_model(path: Path, model: type[BaseModel]) -> tuple[Any, _Located]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanError(f"{path}: plan file not found (give the right path with --targets/--baseline/--agencies)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanError(f"{path}: cannot read the plan file ({exc}); save it as UTF-8 text") from None
    try:
        raw, node = _parse(text)
    except RecursionError:
        raise PlanError(f"{path}: not valid YAML (nested too deeply to be a plan file)") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise PlanError(f"{where}: not valid YAML ({problem})") from None
    located = _Located(path, node, text)
    try:
        return model.model_validate(raw if raw is not None else {}), located
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(part for part in first["loc"] if not (isinstance(part, str) and _UNION_BRANCH.match(part)))
        dotted = ".".join(str(part) for part in loc) or "(top level)"
        extra = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise located.error(loc, f"{dotted}: {first['msg']}{extra}") from None


def _agency_lookup(located: _Located, agencies: list[Agency]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for i, agency in enumerate(agencies):
        for spelling in (agency.code, agency.name_vi, agency.name_en, *agency.aliases):
            key = fold(spelling)
            owner = lookup.setdefault(key, agency.code)
            if owner != agency.code:
                raise located.error(("agencies", i), f"{spelling!r} of {agency.code} is already a name of {owner}")
    return lookup


def _check_targets(located: _Located, doc: TargetsFile, agency_lookup: dict[str, str]) -> None:
    pillar_ids = [pillar.id for pillar in doc.pillars]
    if len(set(pillar_ids)) != len(pillar_ids):
        raise located.error(("pillars",), f"duplicate pillar id in {pillar_ids}")
    seen: set[str] = set()
    for i, ind in enumerate(doc.indicators):
        if ind.id in seen:
            raise located.error(("indicators", i, "id"), f"duplicate indicator id {ind.id}")
        seen.add(ind.id)
        if ind.pillar not in pillar_ids:
            raise located.error(("indicators", i, "pillar"), f"{ind.id}: unknown pillar {ind.pillar!r} (known: {', '.join(pillar_ids)})")
        if ind.reporter and ind.reporter not in set(agency_lookup.values()):
            raise located.error(("indicators", i, "reporter"), f"{ind.id}: reporter {ind.reporter} is not in the agencies file")
        if ind.due_period.year != doc.plan.year:
            raise located.error(("indicators", i, "due"), f"{ind.id}: due {ind.due} is outside the plan year {doc.plan.year}")


def _expected_reporters(targets_at: _Located, targets: TargetsFile,
                        agencies_at: _Located, agencies: AgenciesFile) -> dict[str, tuple[str, ...]]:
    codes = {agency.code for agency in agencies.agencies}
    for name, group in agencies.groups.items():
        unknown = [member for member in group.members if member not in codes]
        if unknown:
            raise agencies_at.error(("groups", name), f"group {name}: unknown agency {', '.join(unknown)}")
    expected = {}
    for i, ind in enumerate(targets.indicators):
        if ind.reporter:
            expected[ind.id] = (ind.reporter,)
            continue
        members: list[str] = []
        for entry in ind.reporters:
            if entry in agencies.groups:
                members += agencies.groups[entry].members
            elif entry in codes:
                members.append(entry)
            else:
                raise targets_at.error(("indicators", i, "reporters"),
                                       f"{ind.id}: {entry!r} is neither an agency code nor a group of the agencies file")
        expected[ind.id] = tuple(dict.fromkeys(members))  # in order, once each
    return expected


def _check_baselines(located: _Located, doc: BaselineFile, indicators: list[Indicator]) -> dict[str, Baseline]:
    by_id = {ind.id: ind for ind in indicators}
    baselines: dict[str, Baseline] = {}
    for i, baseline in enumerate(doc.baselines):
        ind = by_id.get(baseline.indicator)
        if ind is None:
            raise located.error(("baselines", i, "indicator"), f"baseline for unknown indicator {baseline.indicator}")
        if baseline.indicator in baselines:
            raise located.error(("baselines", i, "indicator"), f"second baseline for {baseline.indicator}")
        value = baseline.value
        if ind.is_milestone and value is not None and value not in MILESTONE_STATUSES:
            raise located.error(("baselines", i, "value"), f"{ind.id} is a milestone: baseline must be one of {', '.join(MILESTONE_STATUSES)} or null")
        if not ind.is_milestone and isinstance(value, str):
            raise located.error(("baselines", i, "value"), f"{ind.id} is a percent: baseline must be a number or null, not {value!r}")
        baselines[baseline.indicator] = baseline
    context_ids = [figure.id for figure in doc.context]
    if len(set(context_ids)) != len(context_ids):
        raise located.error(("context",), "duplicate context id")
    return baselines


def catalogue(plan: Plan, lang: str = "en") -> list[dict[str, Any]]:
    """Every indicator with its target and 2022 baseline (``cds indicators``)."""
    rows = []
    for ind in plan.indicators:
        baseline = plan.baselines.get(ind.id)
        rows.append({
            "id": ind.id, "pillar": ind.pillar, "name": ind.name(lang), "name_vi": ind.name_vi,
            "name_en": ind.name_en, "unit": ind.unit, "comparator": ind.comparator, "target": ind.target,
            "time": ind.time, "aggregate": ind.aggregate, "reporter": ind.reporter,
            "reporters": list(plan.expected[ind.id]), "due": ind.due,
            "weight": ind.weight,
            "baseline": baseline.value if baseline else None,
            "baseline_qualifier": baseline.qualifier if baseline else None,
            "source": ind.source.model_dump(),
        })
    return rows
