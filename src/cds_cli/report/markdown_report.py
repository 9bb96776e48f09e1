"""The report as Markdown: the same content as text tables, for pipelines and git diffs."""

from __future__ import annotations

import itertools
from typing import Any

from ..labels import (
    label,
    number,
    plan_number_text,
    projection_text,
    provisional_index_text,
    quarter_name,
    quarters_text,
    reporting_text,
    share_text,
    status_counts_text,
    target_text,
)
from ..periods import roman
from .text import cells_for_indicator, markdown_table, pillar_scores_markdown, quarter_headers, terms


def _table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    return [markdown_table(headers, rows), ""]


def render_markdown(doc: dict[str, Any], lang: str) -> bytes:
    section = map(roman, itertools.count(1))
    out = _head(doc, lang) + _summary(doc, lang, next(section)) + _pillars(doc, lang, next(section))
    if _projected(doc):
        out += _projection(doc, lang, next(section))
    out += _completeness(doc, lang, next(section)) + _annex(doc, lang)
    return "\n".join(out).encode("utf-8")


def _head(doc: dict[str, Any], lang: str) -> list[str]:
    meta = doc["meta"]
    basis = label(
        "report_basis",
        lang,
        number=plan_number_text(meta["plan_number"], lang),
        date=meta["plan_date_text"],
        issuer=meta["issuer"],
    )
    period = label("report_period", lang, quarters=quarters_text(meta["quarters"], lang))
    return [
        f"# {meta['title']}",
        "",
        basis + "  ",
        period + ("  " if meta["date"] else ""),
        *([meta["date_text"]] if meta["date"] else []),
        "",
    ]


def _summary(doc: dict[str, Any], lang: str, roman: str) -> list[str]:
    summary = doc["summary"]
    index = summary["index"]
    warning = provisional_index_text(index, summary["reporting"], lang)
    return [
        f"## {roman}. {label('section_summary', lang)}",
        "",
        pillar_scores_markdown(summary["pillars"], index, lang),
        "",
        status_counts_text(summary["status_counts"], summary["statuses"], lang),
        "",
        reporting_text(summary["reporting"], doc["meta"]["period"], lang),
        "",
        *([warning, ""] if warning else []),
    ]


def _pillars(doc: dict[str, Any], lang: str, roman: str) -> list[str]:
    """Each pillar's table: indicators by name (ids are for scripts: XLSX, JSON), in % with
    gaps in percentage points, the unit stated above the table as official tables do."""
    out = [f"## {roman}. {label('section_pillars', lang)}", ""]
    headers = quarter_headers(doc, lang, lambda q: quarter_name(q, lang))[1:]
    headers[-1] = label("gap_points", lang)
    for n, pillar in enumerate(doc["pillars"], start=1):
        rows = [cells_for_indicator(item, doc["meta"]["quarters"], lang)[1:] for item in pillar["indicators"]]
        out += [f"### {n}. {pillar['name']}", "", f"_{label('unit_line', lang)}_", "", *_table(headers, rows)]
    return out


def _projected(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for pillar in doc["pillars"] for item in pillar["indicators"] if item["projection"]]


def _projection(doc: dict[str, Any], lang: str, roman: str) -> list[str]:
    headers = [label(k, lang, **terms(doc)) for k in ("indicator", "value", "target", "projection", "likely_met")]
    rows = [
        [
            i["short_name"],
            number(i["value"], lang),
            target_text(i, lang),
            projection_text(i["projection"], lang),
            label("yes" if i["projection"]["likely_met"] else "no", lang),
        ]
        for i in _projected(doc)
    ]
    note = f"_{doc['projection_method']}_"
    return [f"## {roman}. {label('section_projection', lang)}", "", note, "", *_table(headers, rows)]


def _completeness(doc: dict[str, Any], lang: str, roman: str) -> list[str]:
    quarters, completeness = doc["meta"]["quarters"], doc["completeness"]
    rows = [[a["name"], *(share_text(a["quarters"].get(q), lang) for q in quarters)] for a in completeness["agencies"]]
    rows.append([label("province", lang), *(share_text(completeness["overall"].get(q), lang) for q in quarters)])
    return [
        f"## {roman}. {label('section_completeness', lang)}",
        "",
        *_table([label("agency", lang), *(quarter_name(q, lang) for q in quarters)], rows),
    ]


def _annex(doc: dict[str, Any], lang: str) -> list[str]:
    quality = doc["data_quality"]  # findings in words; codes and hashes are for scripts (XLSX, JSON)
    files = [[f["file"], f["read"], f["accepted"], f["rejected"], f["blank"]] for f in quality["files"]]
    problems = [
        [label(f"problem.{c['code']}", lang), label(c["severity"], lang), c["count"]]
        for c in quality["findings_by_code"]
    ]
    return [
        f"## {label('section_annex', lang)}",
        "",
        *_table([label(k, lang) for k in ("file", "read", "accepted", "rejected", "blank")], files),
        *_table([label(k, lang) for k in ("problem", "severity", "count")], problems),
        f"_{label('generated_by', lang, version=doc['meta']['version'])}_",
        "",
    ]
