"""A plan year as data: targets, baselines and agencies (the models and the :class:`Plan`).

The YAML files of a plan pack (:mod:`cds_cli.plan.loading`) are the single source of truth for
every figure cds scores against; each entry carries the plan section and the plan's own
words.  This module holds their shapes (pydantic models) and the cross-checked
:class:`Plan` that every command scores against; :func:`load_plan` reads a pack.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator, model_validator
from pydantic.dataclasses import dataclass as pydantic_dataclass
from pydantic_core import PydanticCustomError

from ..periods import Period, parse_period, years_text
from ..text import Suggester, fold_all
from ..words.messages import DEFAULT_LANG, Term

if TYPE_CHECKING:
    from .layout import PlanFiles

MILESTONE_STATUSES = ("done", "in_progress", "not_started")
UNITS = ("percent", "count", "milestone")  # count: platforms, services, people trained (whole numbers)
SHORT_NAME_LIMIT = 48  # characters: a table column or a chart label
PERCENT_RANGE = (0.0, 100.0)
# Below this a higher-is-better target cannot be divided by: attainment = 100·V/T is
# undefined at 0 and overflows to infinity near it; tables show 2 decimals, so a smaller
# target would read 0,00 anyway.
SMALLEST_TARGET = 0.01
# Weights are relative; past a million, a weighted sum of scores loses digits and, near
# 1e308, overflows to infinity (then NaN in every score).
WEIGHT_LIMIT = 1_000_000
YEARS = (1000, 9999)  # a pack's files are named by four-digit years
Qualifier = Literal["approx", "above", "nearly", "about", "reported"]


def _problem(code: str) -> PydanticCustomError:
    """A model rule broken: its code is a catalogue key (``finding.<code>``)."""
    return PydanticCustomError(code, code.replace("_", " "))


# No NaN or infinity anywhere in a plan (".nan", ".inf", 1.0e400): none is a figure a plan
# states, and any of them would reach a score and make the JSON output invalid.
_STRICT = ConfigDict(extra="forbid", allow_inf_nan=False)


class _Strict(BaseModel):
    model_config = ConfigDict(**_STRICT, frozen=True)


def _checked_weight(weight: float) -> float:
    """A weight a weighted mean can use: not negative, not astronomically large."""
    if weight < 0:
        raise _problem("weight_negative")
    if weight > WEIGHT_LIMIT:
        raise PydanticCustomError("weight_too_large", "weight too large", {"limit": WEIGHT_LIMIT})
    return weight


def _checked_year(year: int) -> int:
    if not YEARS[0] <= year <= YEARS[1]:
        raise _problem("year_out_of_range")
    return year


class _Worded:
    """Something named in each language, as ``name_vi`` and ``name_en``."""

    __slots__ = ()

    def name(self, lang: str) -> str:
        return str(getattr(self, f"name_{lang}"))


class _Named(_Strict, _Worded):
    name_vi: str
    name_en: str


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
    review: bool = False  # carried over by `cds plan new`: number, date and titles to be set

    _year = field_validator("year")(_checked_year)

    def title(self, lang: str) -> str:
        return str(getattr(self, f"title_{lang}"))

    def issuer(self, lang: str) -> str:
        return str(getattr(self, f"issuer_{lang}"))


class Pillar(_Named):
    id: str
    weight: float = 1.0
    source: Source | None = None

    _weight = field_validator("weight")(_checked_weight)


class Indicator(_Named):
    id: str
    pillar: str
    short_name_vi: str | None = None
    short_name_en: str | None = None
    unit: Literal["percent", "count", "milestone"]
    comparator: Literal[">=", ">", "<=", "<", "="]
    target: float | Literal["done"]
    time: Literal["stock", "flow"]
    aggregate: Literal["single", "pooled"]
    reporter: str | None = None
    reporters: list[str] = []  # pooled: agency codes or group names (agencies.yaml) expected to report
    due: str
    weight: float = 1.0
    review: bool = False  # carried over by `cds plan new`: to be checked against the new plan
    source: Source
    note: str | None = None

    _weight = field_validator("weight")(_checked_weight)

    @field_validator("target")
    @classmethod
    def _scorable(cls, target: float | str, info: ValidationInfo) -> float | str:
        """A target that can be scored against: a percent within 0–100, a count a whole
        number ≥ 0 (things and people come whole), and for a higher-is-better one, a number
        attainment (100·V/T) can be divided by."""
        if isinstance(target, str):
            return target
        if info.data.get("unit") == "percent" and not PERCENT_RANGE[0] <= target <= PERCENT_RANGE[1]:
            raise _problem("target_out_of_range")
        if info.data.get("unit") == "count" and not whole_count(target):
            raise _problem("count_target")
        if info.data.get("comparator") in (">=", ">") and target < SMALLEST_TARGET:
            raise PydanticCustomError("target_zero", "target zero", {"smallest": SMALLEST_TARGET})
        return target

    @model_validator(mode="after")
    def _consistent(self) -> Indicator:
        if self.unit == "percent" and (not isinstance(self.target, float) or self.comparator == "="):
            raise _problem("percent_target")
        if self.unit == "count" and (not isinstance(self.target, float) or self.comparator == "="):
            raise _problem("count_target")
        if self.unit == "milestone" and (self.target != "done" or self.comparator != "="):
            raise _problem("milestone_target")
        if self.aggregate == "single" and (self.reporter is None or self.reporters):
            raise _problem("reporter_single")
        if self.aggregate == "pooled" and self.reporter is not None:
            raise _problem("reporter_pooled")
        if parse_period(self.due) is None:
            raise _problem("due_invalid")
        return self

    @property
    def due_period(self) -> Period:
        period = parse_period(self.due)
        assert period is not None  # validated above
        return period

    @property
    def is_milestone(self) -> bool:
        return self.unit == "milestone"

    @property
    def is_count(self) -> bool:
        return self.unit == "count"

    def short_name(self, lang: str) -> str:
        """The name for a table column or a chart label: the short one, else the full one."""
        return str(getattr(self, f"short_name_{lang}") or self.name(lang))


class TargetsFile(_Strict):
    plan: PlanInfo
    pillars: list[Pillar]
    indicators: list[Indicator]


def whole_count(value: float) -> bool:
    """Whether a plan's figure can be a count: a whole number, not negative."""
    return value >= 0 and float(value).is_integer()


TOLERANCE = 1e-9  # 100·3/10 is 30.000000000000004 in floating point; do not let that decide a status


def meets(value: float, target: float, comparator: str) -> bool:
    """Whether ``value`` meets ``target`` by the comparator (allowing floating-point noise)."""
    return {
        ">=": value >= target - TOLERANCE,
        ">": value > target + TOLERANCE,
        "<=": value <= target + TOLERANCE,
        "<": value < target - TOLERANCE,
    }[comparator]


class Baseline(_Strict):
    indicator: str
    value: float | str | None
    qualifier: Qualifier | None = None
    period: str | None = None  # the quarter the value stands at (default: Q4 of the baseline year)
    source: Source | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _sourced(self) -> Baseline:
        if self.period is not None and parse_period(self.period) is None:
            raise _problem("baseline_period_invalid")
        # A reported baseline (`cds plan new`) is sourced by the file's `results` block.
        if self.value is not None and self.source is None and self.qualifier != "reported":
            raise _problem("baseline_unsourced")
        if self.value is None and not self.note:
            raise _problem("baseline_unexplained")
        return self


class ContextFigure(_Named):
    id: str
    value: float
    unit: str
    qualifier: Qualifier | None = None
    denominator: float | None = None
    source: Source
    note: str | None = None


class ResultFile(_Strict):
    file: str
    sha256: str


class Results(_Strict):
    """Where reported baselines come from: the quarter scored, how many of its reports had
    come in (a baseline computed from few is worth refreshing) and the files read."""

    period: str
    reporting_rate: float | None = None  # received / expected reports of that quarter, 0–1
    files: list[ResultFile]


class BaselineFile(_Strict):
    year: int
    results: Results | None = None  # written by `cds plan new`
    baselines: list[Baseline]
    context: list[ContextFigure] = []

    _year = field_validator("year")(_checked_year)


@pydantic_dataclass(frozen=True, slots=True, kw_only=True, config=_STRICT)
class Agency(_Worded):
    """A reporting unit. A validated dataclass, not a model: a ministry lists 22,728, and
    pydantic builds them in half the time (13 ms, not 23: no per-instance set of fields
    set), each in a third of the memory (slots, no ``__dict__``)."""

    name_vi: str
    name_en: str
    code: str
    level: Literal["province", "district"]
    aliases: tuple[str, ...] = ()  # a tuple: pydantic deep-copies a mutable default per agency


class AgencyGroup(_Named):
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
    baseline_year: int = 0  # the year of the baselines (the plan year − 1 when the pack has none)
    baseline_results: Results | None = None  # where computed (reported) baselines come from
    files: PlanFiles | None = field(default=None, repr=False, compare=False)

    # The years whose rows are checked as this plan's: its own years, or, read beside other
    # packs (:class:`~cds_cli.plan.packs.PlanSet`), every pack's; () means its own.
    scope: tuple[int, ...] = field(default=(), compare=False)

    @property
    def year(self) -> int:
        return self.info.year

    @functools.cached_property
    def last_year(self) -> int:
        """The last year the plan covers: its own, or the latest a target falls due in
        (a programme to 2025 in a 2023 plan covers 2023–2025)."""
        return max([self.year, *(ind.due_period.year for ind in self.indicators)])

    @property
    def years(self) -> tuple[int, ...]:
        """Every year the plan covers, from its targets year through its last due year."""
        return tuple(range(self.year, self.last_year + 1))

    @property
    def row_years(self) -> tuple[int, ...]:
        """The years a submitted row may be of (:attr:`scope`, else :attr:`years`)."""
        return self.scope or self.years

    def covers(self, year: int) -> bool:
        """Whether ``year`` is one of :attr:`years`."""
        return self.year <= year <= self.last_year

    def baseline_period(self, indicator_id: str) -> Period:
        """The quarter a baseline stands at: the one its entry gives, else Q4 of the
        baseline year (the plan's figures are of the year before it)."""
        baseline = self.baselines.get(indicator_id)
        given = parse_period(baseline.period) if baseline and baseline.period else None
        return given or Period(self.baseline_year or self.year - 1, 4)

    @property
    def terms(self) -> dict[str, Any]:
        """The plan's own words for every text that names it: years, number, province."""
        return {
            "year": self.year,
            "baseline_year": self.baseline_year,
            "plan_number": self.info.number or Term("plan_number_unset"),  # worded in the reader's language
            "province": self.info.province,
            "plan_date": self.info.date,
        }

    def indicator(self, indicator_id: str) -> Indicator:
        return self._by_id["indicator"][indicator_id]

    def pillar(self, pillar_id: str) -> Pillar:
        return self._by_id["pillar"][pillar_id]

    def baseline_value(self, indicator_id: str) -> float | str | None:
        baseline = self.baselines.get(indicator_id)
        return baseline.value if baseline else None

    def baseline_number(self, indicator_id: str) -> float | None:
        """A percent indicator's baseline as a number (None when the plan states none).
        Loading has checked that it is one: a status or text there is a plan error."""
        value = self.baseline_value(indicator_id)
        if isinstance(value, str):
            raise TypeError(f"{indicator_id}: the baseline {value!r} is not a number")
        return value

    def agency(self, code: str) -> Agency:
        return self._by_id["agency"][code]

    @functools.cached_property
    def _by_id(self) -> dict[str, dict[str, Any]]:
        """Indicators, pillars and agencies by id: renderers name every row of a table, and a
        ministry has tens of thousands of agencies (a search per row would be quadratic)."""
        return {
            "indicator": {ind.id: ind for ind in self.indicators},
            "pillar": {pillar.id: pillar for pillar in self.pillars},
            "agency": {agency.code: agency for agency in self.agencies},
        }

    @functools.cached_property
    def suggest_agency(self) -> Suggester:
        """The closest registered spelling (folded) to an unknown agency cell: every name
        and alias for a province's agencies, the codes alone for a ministry's thousands."""
        spellings = self.agency_lookup
        if len(spellings) > Suggester.SMALL:
            codes = [agency.code for agency in self.agencies]
            spellings = dict(zip(fold_all(codes), codes, strict=True))
        return Suggester(spellings)

    @functools.cached_property
    def suggest_indicator(self) -> Suggester:
        return Suggester(ind.id for ind in self.indicators)

    def indicators_of(self, code: str) -> list[Indicator]:
        """The indicators an agency reports: its single ones and the pooled ones it feeds."""
        return [ind for ind in self.indicators if code in self.expected[ind.id]]


def years_term(years: tuple[int, ...]) -> Term:
    """The years a plan covers as a message names them: "năm kế hoạch 2023", "the plan
    years 2023–2025"."""
    return Term("plan_years_one" if len(set(years)) == 1 else "plan_years_many", {"years": years_text(years)})


def agency_catalogue(plan: Plan, lang: str = DEFAULT_LANG) -> list[dict[str, Any]]:
    """Every agency of the pack with the indicators it reports (``cds agencies``)."""
    return [
        {
            "code": agency.code,
            "name": agency.name(lang),
            "aliases": list(agency.aliases),
            "kind": agency.level,
            "indicators": [ind.id for ind in plan.indicators_of(agency.code)],
        }
        for agency in plan.agencies
    ]


def catalogue(plan: Plan, lang: str = DEFAULT_LANG) -> list[dict[str, Any]]:
    """Every indicator with its target and baseline (``cds indicators``)."""
    rows = []
    for ind in plan.indicators:
        baseline = plan.baselines.get(ind.id)
        rows.append(
            {
                "id": ind.id,
                "pillar": ind.pillar,
                "name": ind.name(lang),
                "short_name": ind.short_name(lang),
                "name_vi": ind.name_vi,
                "name_en": ind.name_en,
                "unit": ind.unit,
                "comparator": ind.comparator,
                "target": ind.target,
                "time": ind.time,
                "aggregate": ind.aggregate,
                "reporter": ind.reporter,
                "reporters": list(plan.expected[ind.id]),
                "due": ind.due,
                "weight": ind.weight,
                "baseline": baseline.value if baseline else None,
                "baseline_qualifier": baseline.qualifier if baseline else None,
                "source": ind.source.model_dump(),
            }
        )
    return rows


def context_catalogue(plan: Plan, lang: str = DEFAULT_LANG) -> list[dict[str, Any]]:
    """The baseline year's figures that have no target (``cds indicators --context``)."""
    return [
        {
            "id": figure.id,
            "name": figure.name(lang),
            "value": figure.value,
            "unit": figure.unit,
            "qualifier": figure.qualifier,
            "denominator": figure.denominator,
            "source": figure.source.model_dump(),
            "note": figure.note,
        }
        for figure in plan.context
    ]
