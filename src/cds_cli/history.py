"""Each indicator through the quarters (``cds history``): for every period with accepted rows,
its value with that period's target and status, scored exactly as ``cds score --period``
scores that quarter.  Indicators are matched by id; an id a year's plan does not have has no
point that year."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .periods import Period
from .plan import Plan
from .scoring import Scorecard, score
from .submissions.validate import ValidationReport


@dataclass(frozen=True)
class History:
    plan: Plan
    cards: list[Scorecard]  # one per period with accepted rows, oldest first
    indicators: tuple[str, ...]  # the ids asked for, in the plan's order

    def periods(self) -> list[Period]:
        return [card.period for card in self.cards if card.period is not None]


def history(report: ValidationReport, plan: Plan, indicators: Sequence[str] = ()) -> History:
    """Score every quarter of the plan year that has accepted rows; ``indicators`` (ids)
    narrows the indicators shown (default: all)."""
    years_quarters = report.accepted[["year", "quarter"]].drop_duplicates().sort_values(["year", "quarter"])
    periods = [Period(int(y), int(q)) for y, q in years_quarters.itertuples(index=False) if int(y) == plan.year]
    known = tuple(ind.id for ind in plan.indicators)
    wanted = tuple(i for i in known if not indicators or i in indicators)
    return History(plan, [score(report, plan, period) for period in periods], wanted)
