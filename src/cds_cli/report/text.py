"""Cell texts shared by the text-based report formats (HTML and Markdown)."""

from __future__ import annotations

from typing import Any

from ..labels import label, number


def shown(value: Any, lang: str, qualifier: str | None = None) -> str:
    """A value for people: a number in the language's style, a milestone status, or '—'."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return label(value, lang)
    text = number(value, lang)
    return f"{label(qualifier, lang)} {text}" if qualifier else text


def target_text(item: dict[str, Any], lang: str) -> str:
    return label("done", lang) if item["unit"] == "milestone" else f"{item['comparator']} {number(item['target'], lang, 0)}"


def quarter_headers(doc: dict[str, Any], lang: str) -> list[str]:
    return [label("id", lang), label("indicator", lang), label("baseline", lang), label("target", lang),
            *doc["meta"]["quarters"], label("attainment", lang), label("status", lang), label("gap", lang)]


def cells_for_indicator(item: dict[str, Any], quarters: list[str], lang: str) -> list[Any]:
    gap = item["gap"]
    gap_text = "" if gap is None else label(gap, lang) if isinstance(gap, str) else number(gap, lang)
    return [item["id"], item["name"], shown(item["baseline"], lang, item["baseline_qualifier"]),
            target_text(item, lang), *(shown(item["quarters"][q], lang) for q in quarters),
            number(item["attainment"], lang), label(item["status"], lang), gap_text]


def status_counts_line(counts: dict[str, int], lang: str) -> str:
    return label("status_line", lang, **counts)


def rate_text(reporting: dict[str, Any], period: str, lang: str) -> str:
    rate = reporting["rate"]
    return label("reporting_line", lang, period=period, received=reporting["received"], expected=reporting["expected"],
                 rate="—" if rate is None else number(100 * rate, lang, 0))
