"""The plain writers: JSON, CSV, Markdown and GitHub annotations of every result, with no
terminal library (a script writes what the CLI prints; the tables live in
:mod:`cds_cli.console.render`).  JSON and CSV keep ids, codes and statuses as they are;
``lang`` only changes labels, names and messages.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any, TextIO

import orjson

from .findings import Finding
from .history import History
from .json_documents import (
    breakdown_document,
    document,
    history_document,
    indicator_document,
    validation_document,
)
from .plan import PackCheck, Plan, agency_catalogue, catalogue, context_catalogue
from .report.text import markdown_table, pillar_scores_markdown
from .scoring import AgencyBreakdown
from .status import Completeness
from .submissions.validate import ValidationReport
from .text import safe_cell
from .view import IndicatorRow, ScorecardView
from .words.labels import (
    PROVISIONAL_MARK,
    baseline_source_note,
    baseline_text,
    label,
    number,
    plan_number_text,
    provisional_index_text,
    provisional_note,
    quarters_text,
    reporting_text,
    status_counts_text,
    target_by_text,
    target_text,
    value_text,
)


def json_text(document: Any) -> str:
    """A JSON document as every output writes it: indented by two spaces, UTF-8 as is.

    orjson writes what ``json.dumps(document, ensure_ascii=False, indent=2)`` writes, 20
    times faster (a million rows' 5,000 findings: 1.3 ms, not 24; the standard library
    indents in pure Python).  It spells floats under 10^-4 or from 10^16 without an
    exponent's sign and zeros (``1e-5``, ``1e16``): the same numbers.  A value it does not
    know goes to the standard library, which writes it as before."""
    try:
        return orjson.dumps(document, option=orjson.OPT_INDENT_2).decode()
    except TypeError:  # orjson.JSONEncodeError: e.g. an integer past 64 bits
        return json.dumps(document, ensure_ascii=False, indent=2)


def _json(document: Any, out: TextIO) -> None:
    out.write(json_text(document) + "\n")


def as_json(result: Any, lang: str, out: TextIO, **_: Any) -> None:
    """The JSON document of any result that has one (:mod:`cds_cli.json_documents`)."""
    _json(document(result, lang), out)


# --------------------------------------------------------------------------- score


def score_cells(item: IndicatorRow, lang: str, year: int | None = None) -> dict[str, str]:
    """An indicator's figures worded for people, as the terminal table and Markdown show them."""
    return {
        "name": item.short_name(lang),
        "id": item.id,
        "baseline": baseline_text(item.baseline, item.baseline_qualifier, lang),
        "target": target_by_text(item, year, lang) if year else target_text(item, lang),
        "unit": label(f"unit.{item.unit}", lang),
        "value": value_text(item, item.value, lang),
        "attainment": number(item.attainment, lang),
        "progress": number(item.progress, lang),
        "expected": expected_text(item, lang),
        "status": label(item.status, lang),
        "reports": f"{item.reporting.received}/{item.reporting.expected}",
    }


def has_counts(items: Iterable[IndicatorRow]) -> bool:
    """Whether a scorecard holds counts: its tables then give each indicator's unit."""
    return any(item.unit == "count" for item in items)


def expected_text(item: IndicatorRow, lang: str) -> str:
    """The expected value, marked when its path starts at a provisional baseline."""
    mark = PROVISIONAL_MARK if item.provisional_baseline and item.expected is not None else ""
    return number(item.expected, lang) + mark


SCORE_CSV_KEYS = [
    "id",
    "pillar",
    "name",
    "short_name",
    "unit",
    "comparator",
    "target",
    "baseline",
    "baseline_qualifier",
    "value",
    "numerator",
    "denominator",
    "attainment",
    "progress",
    "expected",
    "met",
    "status",
    "reporters",
    "reports_expected",
    "reports_received",
    "reporting_rate",
]


def score_csv(view: ScorecardView, lang: str, out: TextIO, **_: Any) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["period", *SCORE_CSV_KEYS], extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    period = str(view.period) if view.period else None
    for row in view.indicators:
        item = indicator_document(row, lang)
        writer.writerow({"period": period, **{k: safe_cell(item[k]) for k in SCORE_CSV_KEYS}})
    out.write(buffer.getvalue())


def score_markdown(view: ScorecardView, lang: str, out: TextIO, **_: Any) -> None:
    plan = view.plan
    period = quarters_text([view.period], lang) if view.period else label("no_period", lang)
    parts = [
        f"# {label('scorecard_title', lang, period=period, number=plan_number_text(plan.info.number, lang))}",
        "",
    ]
    keys = ["id", "indicator", "baseline", "target", "value", "attainment", "progress", "expected", "status"]
    if has_counts(view.indicators):  # percents beside counts: each row says which it is
        keys.insert(4, "unit")
    for pillar in view.pillars:
        parts += [f"## {pillar.name(lang)}", ""]
        # the terminal's cells (figures worded alike), with the full name where a table has room
        rows = [
            [item.id, item.name(lang), *(str(cells[key]) for key in keys[2:])]
            for item in pillar.indicators
            for cells in [score_cells(item, lang, view.period.year if view.period else None)]
        ]
        parts += [markdown_table([label(k, lang, **plan.terms) for k in keys], rows), ""]
    parts += [f"## {label('pillars_title', lang)}", ""]
    note = provisional_note(view.indicators, plan.baseline_year, lang)
    if note:
        parts += [f"\\{PROVISIONAL_MARK} {note}", ""]
    source = baseline_source_note(view.indicators, plan.baseline_year, lang)
    if source:
        parts += [source, ""]
    parts += [pillar_scores_markdown(view.pillars, view.index, lang), ""]
    warning = provisional_index_text(view.index, view.reporting, lang)
    parts += [
        status_counts_text(view.summary, view.statuses, lang),
        "",
        reporting_text(view.reporting, view.period, lang),
        "",
        *([warning, ""] if warning else []),
        label("rows_line", lang, **view.rows.to_dict()),
        "",
    ]
    out.write("\n".join(parts))


# --------------------------------------------------------------------------- validate and plan check


def validation_json(report: ValidationReport, lang: str, out: TextIO, **_: Any) -> None:
    _json(validation_document(report, lang), out)


def _escape_data(text: str) -> str:
    # GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def validation_github(report: ValidationReport, lang: str, out: TextIO, **_: Any) -> None:
    """GitHub Actions annotations: one ::error/::warning per finding, then a summary."""
    positions: dict[str | None, dict[str, int]] = {s.file: s.columns for s in report.files}
    summary = (
        label(
            "validate_summary", lang, errors=len(report.errors), warnings=len(report.warnings), files=len(report.files)
        )
        + "; "
        + label("rows_line", lang, **report.rows.to_dict())
    )
    _annotations(report.findings, lang, out, "cds validate", summary, positions)


def _annotations(
    findings: list[Finding],
    lang: str,
    out: TextIO,
    title: str,
    summary: str,
    positions: dict[str | None, dict[str, int]] | None = None,
) -> None:
    for f in findings:
        props = [f"file={_escape_property(f.file)}"] if f.file else []
        if f.line:
            props.append(f"line={f.line}")
        position = (positions or {}).get(f.file, {}).get(f.column) if f.column else None
        if position is not None:
            props.append(f"col={position + 1}")
        props.append(f"title={_escape_property(f.code)}")
        out.write(f"::{f.severity} {','.join(props)}::{_escape_data(f.message(lang))}\n")
    level = "error" if any(f.severity == "error" for f in findings) else "notice"
    out.write(f"::{level} title={title}::{_escape_data(summary)}\n{summary}\n")


def check_summary(check: PackCheck, lang: str) -> str:
    path = str(check.files.directory)
    if check.valid and check.plan is not None:
        return label(
            "plan_check_ok",
            lang,
            indicators=len(check.plan.indicators),
            warnings=len(check.warnings),
            **check.plan.terms,
        )
    return label("plan_check_summary", lang, errors=len(check.errors), warnings=len(check.warnings), path=path)


def plan_check_github(check: PackCheck, lang: str, out: TextIO, **_: Any) -> None:
    _annotations(check.findings, lang, out, "cds plan check", check_summary(check, lang))


# --------------------------------------------------------------------------- score --by agency, status, indicators


def breakdown_csv(breakdown: AgencyBreakdown, lang: str, out: TextIO, **_: Any) -> None:
    doc = breakdown_document(breakdown, lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "period",
            "indicator",
            "rank",
            "agency",
            "value",
            "numerator",
            "denominator",
            "attainment",
            "met",
            "pull",
            "province_value",
            "target",
            "reported",
        ]
    )
    for item in doc["indicators"]:
        for row in item["agencies"]:
            writer.writerow(
                [
                    doc["period"],
                    item["id"],
                    row["rank"],
                    row["agency"],
                    row["value"],
                    row["numerator"],
                    row["denominator"],
                    row["attainment"],
                    row["met"],
                    row["pull"],
                    item["value"],
                    item["target"],
                    row["reported"],
                ]
            )
    out.write(buffer.getvalue())


def breakdown_markdown(breakdown: AgencyBreakdown, lang: str, out: TextIO, **_: Any) -> None:
    doc = breakdown_document(breakdown, lang)
    parts = [f"# {label('agency_ranking_title', lang)} — {doc['period']}", ""]
    parts += [
        markdown_table(
            [label(k, lang) for k in ("rank", "agency", "indicators_count", "mean_attainment")],
            [
                [
                    rank_text(r),
                    f"{r['agency']} — {r['name']}",
                    r["indicators"],
                    _reported_text(r, r["mean_attainment"], lang),
                ]
                for r in doc["agencies"]
            ],
        ),
        "",
    ]
    for item in doc["indicators"]:
        parts += [
            f"## {item['id']} — {item['name']}",
            "",
            f"{label('target', lang, **breakdown.plan.terms)} "
            f"{target_text(breakdown.plan.indicator(item['id']), lang)}; "
            f"{label('province', lang)} {number(item['value'], lang)}",
            "",
        ]
        parts += [
            markdown_table(
                [label(k, lang) for k in ("rank", "agency", "value", "attainment", "pull")],
                [
                    [
                        rank_text(r),
                        r["agency"],
                        _reported_text(r, r["value"], lang),
                        number(r["attainment"], lang),
                        number(r["pull"], lang),
                    ]
                    for r in item["agencies"]
                ],
            ),
            "",
        ]
    out.write("\n".join(parts))


def rank_text(row: dict[str, Any]) -> str:
    return "—" if row["rank"] is None else str(row["rank"])


def _reported_text(row: dict[str, Any], value: float | None, lang: str) -> str:
    return number(value, lang) if row["reported"] else label("not_reported", lang)


def status_csv(status: Completeness, lang: str, out: TextIO, **_: Any) -> None:
    """One row per expected report: easy to filter, sort or mail-merge."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    hint_keys = ("file", "line", "period", "reason")
    writer.writerow(["period", "agency", "agency_name", "indicator", "state", *(f"hint_{key}" for key in hint_keys)])
    no_hint = dict.fromkeys(hint_keys, "")
    for row in status.reports.itertuples():
        hint = status.hint(str(row.agency), str(row.indicator)) or no_hint
        writer.writerow(
            [
                status.period,
                row.agency,
                safe_cell(status.plan.agency(str(row.agency)).name(lang)),
                row.indicator,
                row.state,
                safe_cell(hint["file"]),
                hint["line"],
                safe_cell(hint["period"]),
                hint["reason"],
            ]
        )
    out.write(buffer.getvalue())


def catalogue_json(plan: Plan, lang: str, out: TextIO, **_: Any) -> None:
    _json(catalogue(plan, lang), out)


def context_json(plan: Plan, lang: str, out: TextIO, **_: Any) -> None:
    _json(context_catalogue(plan, lang), out)


def agencies_json(plan: Plan, lang: str, out: TextIO, **_: Any) -> None:
    _json(agency_catalogue(plan, lang), out)


def agencies_csv(plan: Plan, lang: str, out: TextIO, **_: Any) -> None:
    """One row per agency; its aliases and indicators joined by "; "."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["code", "name", "kind", "aliases", "indicators"])
    for row in agency_catalogue(plan, lang):
        aliases, indicators = "; ".join(row["aliases"]), "; ".join(row["indicators"])
        writer.writerow([row["code"], safe_cell(row["name"]), row["kind"], safe_cell(aliases), indicators])
    out.write(buffer.getvalue())


def history_csv(history: History, lang: str, out: TextIO, **_: Any) -> None:
    """One row per indicator and period: easy to chart or pivot."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "short_name", "period", "plan", "value", "target", "status"])
    for item in history_document(history, lang)["indicators"]:
        for point in item["points"]:
            writer.writerow(
                [
                    item["id"],
                    safe_cell(item["short_name"]),
                    *(point[k] for k in ("period", "plan", "value", "target", "status")),
                ]
            )
    out.write(buffer.getvalue())
