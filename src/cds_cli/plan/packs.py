"""Several plan packs side by side: one data repository keeps every year's submissions.

In January the new year's plan is in force while late reports of the old year still
arrive, so ``cds.toml`` may list packs (``plans = ["bundled", "plans/2024"]``).  A pack
*covers* the years from its targets year through the last year a target of it falls due;
a row is checked and scored against the pack covering its period's year.  Two packs that
cover one year would make that choice ambiguous: a usage error naming both.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..periods import Period, years_text
from .loading import load_pack
from .model import Plan


@dataclass(frozen=True)
class PlanSet:
    """The packs a command reads, in year order, none covering a year another covers."""

    plans: tuple[Plan, ...]
    names: tuple[str, ...] = ()  # each pack as the configuration names it, for messages

    @property
    def years(self) -> tuple[int, ...]:
        """Every year some pack covers."""
        return tuple(year for plan in self.plans for year in plan.years)

    @property
    def latest(self) -> Plan:
        """The pack of the latest years: the plan in force, for commands without a period."""
        return self.plans[-1]

    def for_year(self, year: int) -> Plan | None:
        return next((plan for plan in self.plans if plan.covers(year)), None)

    def for_period(self, period: Period | None) -> Plan | None:
        """The pack covering ``period`` (None: the latest pack; a year none covers: None)."""
        return self.latest if period is None else self.for_year(period.year)

    def years_text(self) -> str:
        return years_text(self.years)


def single(plan: Plan) -> PlanSet:
    """One pack standing alone (``--plan``, ``CDS_PLAN``, ``plan =``): rows of other years
    are outside it, exactly as before several packs could be listed."""
    return PlanSet((plan,))


def load_plans(packs: Sequence[tuple[str, Path | None]], origin: str) -> PlanSet:
    """Load every listed pack (name as written, directory; None: the bundled pack) and check
    that no two cover one year.  A broken pack raises :class:`~cds_cli.errors.PlanError`;
    an overlap, :class:`~cds_cli.errors.UsageError` naming both packs and the years."""
    return plan_set([(name, load_pack(directory)) for name, directory in packs], origin)


def plan_set(named: Sequence[tuple[str, Plan]], origin: str) -> PlanSet:
    """Loaded packs side by side, in year order; :class:`UsageError` when two overlap."""
    loaded = sorted(named, key=lambda pair: pair[1].year)
    for (first_name, first), (second_name, second) in zip(loaded, loaded[1:], strict=False):
        if second.year <= first.last_year:
            shared = range(second.year, min(first.last_year, second.last_year) + 1)
            raise UsageError(
                "plans_overlap",
                origin=origin,
                first=first_name,
                first_years=years_text(first.years),
                second=second_name,
                second_years=years_text(second.years),
                years=years_text(shared),
            )
    every_year = tuple(year for _, plan in loaded for year in plan.years)
    # Each pack checks the rows of its own years; the rows of no pack's year are checked
    # against the latest and rejected there, naming every covered year.
    plans = tuple(dataclasses.replace(plan, scope=every_year) for _, plan in loaded)
    return PlanSet(plans, tuple(name for name, _ in loaded))
