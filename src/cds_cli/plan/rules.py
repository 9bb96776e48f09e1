"""The rules a plan pack keeps across its files, each problem a finding.

Errors make a pack unusable (a reporter that is not an agency, a baseline for an
indicator that does not exist, a due quarter before the plan year, a baseline standing
after its target's due quarter …); warnings are legal
but suspicious (a pooled target nobody is expected to send, a weight of 0, a target
carried over by ``cds plan new`` and not yet reviewed, a missing short name).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..findings import STDIN_NAME, Finding
from ..outputs import sha256_of
from ..periods import Period, parse_period
from ..text import fold_all
from .documents import Document
from .layout import BASELINE_NAME, TARGETS_NAME
from .model import MILESTONE_STATUSES, PERCENT_RANGE, SHORT_NAME_LIMIT, Baseline, Indicator, Plan, meets, whole_count

if TYPE_CHECKING:
    from .layout import PlanFiles


def cross_check(
    targets: Document, baseline: Document | None, agencies: Document, files: PlanFiles
) -> tuple[Plan | None, list[Finding]]:
    """Every cross-file rule; the :class:`Plan` when the models could be read."""
    doc, roster = targets.model, agencies.model
    if doc is None or roster is None or (baseline is not None and baseline.model is None):
        return None, []
    findings = _year_findings(targets, baseline)
    in_order = list(map(attrgetter("code"), roster.agencies))
    codes = set(in_order)  # a ministry's 20,000: built once for every rule
    lookup, owning, name_findings = _agency_lookup(agencies, in_order, codes)
    groups, group_findings = _group_members(agencies, codes)
    findings += name_findings + group_findings
    findings += _pillar_findings(targets) + list(_indicator_findings(targets, owning))
    expected, reporter_findings = _expected_reporters(targets, groups, codes)
    findings += reporter_findings
    baselines, baseline_findings = _baselines(baseline, doc.indicators, _raw_ids(targets))
    findings += baseline_findings + _met_by_baseline(baseline, doc.indicators, baselines)
    plan = Plan(
        info=doc.plan,
        pillars=doc.pillars,
        indicators=doc.indicators,
        baselines=baselines,
        context=baseline.model.context if baseline else [],
        agencies=roster.agencies,
        agency_lookup=lookup,
        expected=expected,
        baseline_year=baseline.model.year if baseline else doc.plan.year - 1,
        baseline_results=baseline.model.results if baseline else None,
        files=files,
    )
    return plan, findings


def _year_findings(targets: Document, baseline: Document | None) -> list[Finding]:
    year = targets.model.plan.year
    findings = _name_year(targets, TARGETS_NAME, year, ("plan", "year"))
    if targets.model.plan.review:
        findings.append(targets.finding("plan_info_review", ("plan", "review"), "warning", year=year))
    for key in ("number", "date"):  # `cds plan new` leaves what it cannot know empty, never invented
        if not getattr(targets.model.plan, key).strip():
            findings.append(targets.finding(f"plan_{key}_missing", ("plan", key), "warning", year=year))
    if baseline is None:
        return findings
    baseline_year = baseline.model.year
    findings += _name_year(baseline, BASELINE_NAME, baseline_year, ("year",))
    if baseline_year >= year:
        findings.append(baseline.finding("baseline_year_not_before", ("year",), baseline_year=baseline_year, year=year))
    elif baseline_year < year - 1:
        findings.append(
            baseline.finding("baseline_year_gap", ("year",), "warning", baseline_year=baseline_year, previous=year - 1)
        )
    return findings


def _name_year(document: Document, pattern: Any, stated: int, loc: tuple[Any, ...]) -> list[Finding]:
    match = pattern.fullmatch(document.path.name)
    if match and int(match[1]) != stated:
        return [document.finding("year_mismatch", loc, named=int(match[1]), stated=stated)]
    return []


def _agency_lookup(
    agencies: Document, in_order: list[str], codes: set[str]
) -> tuple[dict[str, str], set[str], list[Finding]]:
    """Every folded code, name and alias → its agency's code (the first agency writing it),
    the codes that own some spelling, and a clash for each spelling another agency wrote first
    (``in_order``: the agencies' codes as the file lists them; ``codes``: as a set).

    A ministry's 68,000 spellings are taken field by field (faster than agency by agency)
    and folded in batches; only when a key has two owners is the roster read again, agency
    by agency, to tell who wrote it first."""
    roster = agencies.model.agencies
    aliases = list(map(attrgetter("aliases"), roster))
    spellings = [*in_order, *map(attrgetter("name_vi"), roster), *map(attrgetter("name_en"), roster)]
    owners = in_order * 3
    for code, more in compress(zip(in_order, aliases, strict=True), aliases):  # those with aliases
        spellings += more
        owners += [code] * len(more)
    keys = fold_all(spellings)
    lookup = dict(zip(keys, owners, strict=True))  # each key with its last owner
    # each key written once, or each as often as by its owner only: no key has two owners
    if len(lookup) == len(keys) or list(map(lookup.__getitem__, keys)) == owners:
        return lookup, codes, []  # and each agency owns its code
    return _clashes(agencies, dict(zip(spellings, keys, strict=True)))


def _clashes(agencies: Document, folded: dict[str, str]) -> tuple[dict[str, str], set[str], list[Finding]]:
    """The lookup of a roster where a key has two owners, agency by agency, and its clashes."""
    lookup: dict[str, str] = {}
    findings = []
    for i, agency in agencies.items("agencies"):
        for spelling in (agency.code, agency.name_vi, agency.name_en, *agency.aliases):
            owner = lookup.setdefault(folded[spelling], agency.code)
            if owner != agency.code:
                findings.append(
                    agencies.finding(
                        "agency_name_clash", ("agencies", i), spelling=spelling, agency=agency.code, owner=owner
                    )
                )
    return lookup, set(lookup.values()), findings


def _group_members(agencies: Document, codes: set[str]) -> tuple[dict[str, list[str]], list[Finding]]:
    """Each group's members that are agencies (the members of a ministry's group are 20,000:
    read once), and a finding for each group naming others."""
    members: dict[str, list[str]] = {}
    findings = []
    for name, group in agencies.model.groups.items():
        if codes.issuperset(group.members):  # every member an agency, as it should be: one pass in C
            members[name] = group.members
            continue
        members[name] = [member for member in group.members if member in codes]
        unknown = [member for member in group.members if member not in codes]
        findings.append(
            agencies.finding("group_unknown_agency", ("groups", name), group=name, agencies=", ".join(unknown))
        )
    return members, findings


def _pillar_findings(targets: Document) -> list[Finding]:
    doc, findings, seen = targets.model, [], set()
    used = {ind.pillar for ind in doc.indicators}
    for i, pillar in targets.items("pillars"):
        if pillar.id in seen:
            findings.append(targets.finding("duplicate_pillar", ("pillars", i, "id"), pillar=pillar.id))
        seen.add(pillar.id)
        if pillar.id not in used:
            findings.append(targets.finding("pillar_empty", ("pillars", i), "warning", pillar=pillar.id))
        if pillar.weight == 0:
            findings.append(targets.finding("weight_zero", ("pillars", i, "weight"), "warning", what=pillar.id))
    return findings


def _indicator_findings(targets: Document, agency_codes: set[str]) -> Iterator[Finding]:
    doc, seen = targets.model, set()
    pillar_ids = [pillar.id for pillar in doc.pillars]
    written = _raw_ids(targets, "pillars")  # an invalid pillar has its own finding: its indicators are not orphans
    for i, ind in targets.items("indicators"):
        at = ("indicators", i)
        if ind.id in seen:
            yield targets.finding("duplicate_indicator", (*at, "id"), indicator=ind.id)
        seen.add(ind.id)
        if ind.pillar not in pillar_ids and ind.pillar not in written:
            yield targets.finding(
                "unknown_pillar", (*at, "pillar"), indicator=ind.id, pillar=ind.pillar, known=", ".join(pillar_ids)
            )
        if ind.reporter and ind.reporter not in agency_codes:
            yield targets.finding("unknown_reporter", (*at, "reporter"), indicator=ind.id, reporter=ind.reporter)
        if ind.due_period.year < doc.plan.year:  # a programme may run on: later years are in the plan
            yield targets.finding("due_outside_year", (*at, "due"), indicator=ind.id, due=ind.due, year=doc.plan.year)
        yield from _indicator_warnings(targets, at, ind)


def _indicator_warnings(targets: Document, at: tuple[Any, ...], ind: Indicator) -> Iterator[Finding]:
    if ind.weight == 0:
        yield targets.finding("weight_zero", (*at, "weight"), "warning", what=ind.id)
    if ind.review:
        yield targets.finding("target_review", (*at, "review"), "warning", indicator=ind.id)
    for lang in ("vi", "en"):
        key = f"short_name_{lang}"
        short = getattr(ind, key)
        if not short:
            yield targets.finding(
                "short_name_missing", at, "warning", indicator=ind.id, key=key, limit=SHORT_NAME_LIMIT
            )
        elif len(short) > SHORT_NAME_LIMIT:
            yield targets.finding(
                "short_name_long",
                (*at, key),
                "warning",
                indicator=ind.id,
                key=key,
                length=len(short),
                limit=SHORT_NAME_LIMIT,
            )


def _expected_reporters(
    targets: Document, groups: dict[str, list[str]], codes: set[str]
) -> tuple[dict[str, tuple[str, ...]], list[Finding]]:
    """Indicator id → the agencies expected to report it, groups expanded, in order, once each.

    Indicators naming the same reporters share one tuple, built once: a ministry's group has
    20,000 members, and expanding it again for each pooled indicator naming it (ten in the
    bundled plan) was a quarter of the plan's loading time."""
    expected, findings = {}, []
    reach: dict[tuple[str | None, tuple[str, ...]], tuple[str, ...]] = {}
    for i, ind in targets.items("indicators"):
        at = ("indicators", i, "reporters")
        for entry in ind.reporters:
            if entry not in groups and entry not in codes:
                findings.append(targets.finding("unknown_reporters_entry", at, indicator=ind.id, entry=entry))
        key = (ind.reporter, tuple(ind.reporters))
        if key not in reach:
            reach[key] = _reporters(ind, groups, codes)
        if ind.aggregate == "pooled" and not ind.reporters:
            findings.append(targets.finding("no_reporters", ("indicators", i), "warning", indicator=ind.id))
        elif not reach[key]:
            findings.append(
                targets.finding("unsendable", at, "warning", indicator=ind.id, entries=", ".join(ind.reporters))
            )
        expected[ind.id] = reach[key]
    return expected, findings


def _reporters(ind: Indicator, groups: dict[str, list[str]], codes: set[str]) -> tuple[str, ...]:
    """The agencies an indicator's reporter and reporters entries name, in order, once each
    (``groups``: each group's members that are agencies)."""
    members: list[str] = [ind.reporter] if ind.reporter else []
    for entry in ind.reporters:
        if entry in groups:
            members += groups[entry]
        elif entry in codes:
            members.append(entry)
    return tuple(dict.fromkeys(members))


def _raw_ids(targets: Document, name: str = "indicators") -> set[str]:
    """Ids of every indicator (or pillar) written in the file, valid or not (a baseline of an
    invalid indicator is not "unknown": the indicator's own finding says what is wrong)."""
    items = targets.raw.get(name) if isinstance(targets.raw, dict) else None
    if not isinstance(items, list):
        return set()
    return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _baselines(
    document: Document | None, indicators: list[Indicator], written: set[str]
) -> tuple[dict[str, Baseline], list[Finding]]:
    if document is None:
        return {}, []
    by_id = {ind.id: ind for ind in indicators}
    baselines: dict[str, Baseline] = {}
    findings = []
    for i, baseline in document.items("baselines"):
        at = ("baselines", i)
        ind, value = by_id.get(baseline.indicator), baseline.value
        if ind is None and baseline.indicator in written:
            continue  # its target is invalid, and reported as such
        if ind is None:
            findings.append(
                document.finding("baseline_unknown_indicator", (*at, "indicator"), indicator=baseline.indicator)
            )
        elif baseline.indicator in baselines:
            findings.append(document.finding("baseline_duplicate", (*at, "indicator"), indicator=baseline.indicator))
        elif ind.is_milestone and value is not None and value not in MILESTONE_STATUSES:
            findings.append(
                document.finding(
                    "baseline_milestone_value", (*at, "value"), indicator=ind.id, statuses=", ".join(MILESTONE_STATUSES)
                )
            )
        elif baseline.period and _quarter(baseline.period) > ind.due_period:
            findings.append(
                document.finding(
                    "baseline_after_due", (*at, "period"), indicator=ind.id, period=baseline.period, due=ind.due
                )
            )
        elif ind.is_count and value is not None and (isinstance(value, str) or not whole_count(value)):
            findings.append(document.finding("baseline_count_value", (*at, "value"), indicator=ind.id, value=value))
        elif not ind.is_milestone and isinstance(value, str):
            findings.append(document.finding("baseline_percent_value", (*at, "value"), indicator=ind.id, value=value))
        elif ind.unit == "percent" and value is not None and not PERCENT_RANGE[0] <= value <= PERCENT_RANGE[1]:
            findings.append(
                # repr: 1e+308 stays that in the message, not a row of 309 digits
                document.finding("baseline_out_of_range", (*at, "value"), indicator=ind.id, value=repr(value))
            )
        else:
            baselines[baseline.indicator] = baseline
    seen: set[str] = set()
    for i, figure in document.items("context"):
        if figure.id in seen:
            findings.append(document.finding("context_duplicate", ("context", i, "id"), id=figure.id))
        seen.add(figure.id)
    return baselines, findings


def _quarter(text: str) -> Period:
    period = parse_period(text)
    assert period is not None  # the model has validated it
    return period


def _met_by_baseline(
    document: Document | None, indicators: list[Indicator], baselines: dict[str, Baseline]
) -> list[Finding]:
    """A target the baseline already meets (a milestone already done) sets no task: most
    often one carried over by `cds plan new` that the new plan raised, or should have."""
    if document is None:
        return []
    at = {baseline.indicator: ("baselines", i, "value") for i, baseline in document.items("baselines")}
    findings = []
    for ind in indicators:
        value = baselines[ind.id].value if ind.id in baselines else None
        if value is None:
            continue
        met = value == "done" if ind.is_milestone else meets(float(value), float(ind.target), ind.comparator)
        if met:
            findings.append(
                document.finding("target_met_by_baseline", at[ind.id], "warning", indicator=ind.id, value=value)
            )
    return findings


def result_findings(document: Document | None) -> list[Finding]:
    """Each input file a computed baseline names, hashed again: warned when it changed or is
    gone since (a late report, a corrected file: the baseline is stale, `cds plan baselines`
    computes it again).  Relative names are read from the working directory, as given."""
    if document is None or document.model is None or document.model.results is None:
        return []
    results = document.model.results
    findings = []
    for i, entry in enumerate(results.files):
        path = Path(entry.file)
        if entry.file == STDIN_NAME:
            continue  # bytes that came down a pipe cannot be read again
        at = ("results", "files", i, "file")
        if not path.is_file():
            findings.append(document.finding("baseline_source_missing", at, "warning", file=entry.file))
        elif sha256_of(path) != entry.sha256:
            findings.append(document.finding("baseline_source_changed", at, "warning", file=entry.file))
    return findings


def quote_findings(documents: list[Document], source_text: str) -> list[Finding]:
    """Every ``quote`` of the pack that is not in the plan's text (whitespace-normalised)."""
    text = " ".join(source_text.split())
    return [
        document.finding("quote_not_in_source", loc, quote=quote)
        for document in documents
        for loc, quote in _quotes(document.raw, ())
        if " ".join(quote.split()) not in text
    ]


def _quotes(node: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(node, dict):
        source = node.get("source")
        if isinstance(source, dict) and isinstance(source.get("quote"), str):
            yield (*loc, "source", "quote"), source["quote"]
        for key, value in node.items():
            if key != "source":
                yield from _quotes(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _quotes(value, (*loc, i))
