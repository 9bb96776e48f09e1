"""A plan year as data, from the bottom up: where a pack's files are (:mod:`.layout`), the
shapes of what they hold and the :class:`Plan` scored against (:mod:`.model`), YAML read with
its lines (:mod:`.documents`), the rules across files (:mod:`.rules`), loading
(:mod:`.loading`), several packs side by side (:mod:`.packs`) and next year's pack
(:mod:`.newyear`, imported by itself: it scores)."""

from .layout import AGENCIES_NAME, BASELINE_NAME, TARGETS_NAME, PlanFiles, default_data_dir, pack_files
from .loading import PackCheck, check_pack, load_pack, load_plan
from .model import (
    MILESTONE_STATUSES,
    PERCENT_RANGE,
    SHORT_NAME_LIMIT,
    AgenciesFile,
    Agency,
    Baseline,
    BaselineFile,
    Indicator,
    Pillar,
    Plan,
    TargetsFile,
    agency_catalogue,
    catalogue,
    context_catalogue,
    meets,
)
from .packs import PlanSet, load_plans, plan_set, single

__all__ = [
    "AGENCIES_NAME",
    "BASELINE_NAME",
    "MILESTONE_STATUSES",
    "PERCENT_RANGE",
    "SHORT_NAME_LIMIT",
    "TARGETS_NAME",
    "AgenciesFile",
    "Agency",
    "Baseline",
    "BaselineFile",
    "Indicator",
    "PackCheck",
    "Pillar",
    "Plan",
    "PlanFiles",
    "PlanSet",
    "TargetsFile",
    "agency_catalogue",
    "catalogue",
    "check_pack",
    "context_catalogue",
    "default_data_dir",
    "load_pack",
    "load_plan",
    "load_plans",
    "meets",
    "pack_files",
    "plan_set",
    "single",
]
