"""Cell texts shared by the text-based report formats (HTML and Markdown)."""

from __future__ import annotations

from typing import Any

from ..labels import label, number, shown, target_text


def terms(doc: dict[str, Any]) -> dict[str, Any]:
    """The plan's years and number, for the labels that name them ("Mục tiêu {year}")."""
    meta = doc["meta"]
    return {"year": meta["year"], "baseline_year": meta["baseline_year"], "plan_number": meta["plan_number"],
            "province": meta["province"]}


def quarter_headers(doc: dict[str, Any], lang: str) -> list[str]:
    return [label("id", lang), label("indicator", lang), label("baseline", lang, **terms(doc)),
            label("target", lang, **terms(doc)),
            *doc["meta"]["quarters"], label("attainment", lang), label("status", lang), label("gap", lang)]


def cells_for_indicator(item: dict[str, Any], quarters: list[str], lang: str) -> list[Any]:
    gap = item["gap"]
    gap_text = "" if gap is None else label(gap, lang) if isinstance(gap, str) else number(gap, lang)
    return [item["id"], item["name"], shown(item["baseline"], lang, item["baseline_qualifier"]),
            target_text(item, lang), *(shown(item["quarters"][q], lang) for q in quarters),
            number(item["attainment"], lang), label(item["status"], lang), gap_text]


def status_counts_line(counts: dict[str, int], lang: str) -> str:
    return label("status_line", lang, **counts)
