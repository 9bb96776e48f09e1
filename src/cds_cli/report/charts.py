"""Charts for the Word report, drawn with matplotlib (PNG; SVG still on request).

Each function takes a piece of :meth:`AnnualReport.to_dict` and returns the image bytes.
Indicators are labelled with their short names, agencies with their names; each image
carries its text alternative (:mod:`.text`: ``attainment_alt`` …) as its Description
metadata, and a caller can give the same text to the document (a picture's alt text).
Output is deterministic (fixed SVG ids, no dates in metadata) and text keeps its
Vietnamese diacritics (DejaVu Sans, shipped with matplotlib, covers them).  The HTML
report draws its own lighter inline SVG (:mod:`.svg`).
"""

from __future__ import annotations

import io
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only, never a window
import matplotlib.pyplot as plt

from ..labels import label
from .text import attainment_alt, completeness_alt, quarter_name, trajectory_alt

STATUS_COLOURS = {
    "achieved": "#2e7d32",
    "on_track": "#66bb6a",
    "at_risk": "#f9a825",
    "off_track": "#c62828",
    "no_data": "#bdbdbd",
}
plt.rcParams.update(
    {
        "svg.hashsalt": "cds",  # stable element ids, so two runs give identical SVG
        "svg.fonttype": "none",  # text stays text in the SVG: small, searchable, any font with diacritics
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)


def _save(figure, fmt: str, alt: str) -> bytes:
    buffer = io.BytesIO()
    metadata: dict[str, str | None] = {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
    metadata["Description"] = alt
    figure.savefig(buffer, format=fmt, dpi=150, bbox_inches="tight", metadata=metadata)
    plt.close(figure)
    data = buffer.getvalue()
    if fmt == "svg":  # the XML prolog and doctype are not wanted inside an HTML page
        text = data.decode("utf-8")
        data = text[text.index("<svg") :].encode("utf-8")
    return data


def attainment_chart(pillar: dict[str, Any], lang: str, fmt: str = "svg") -> bytes:
    """Horizontal bars: attainment of each indicator of a pillar, with the 100% line."""
    items = pillar["indicators"]
    figure, axes = plt.subplots(figsize=(7.5, 0.32 * len(items) + 1.0))
    rows = range(len(items))  # positions, not names: two indicators may share a short name
    values = [item["attainment"] or 0 for item in items][::-1]
    colours = [STATUS_COLOURS[item["status"]] for item in items][::-1]
    axes.barh(rows, values, color=colours, height=0.6)
    axes.set_yticks(rows, [item["short_name"] for item in items][::-1])
    axes.axvline(100, color="#333333", linewidth=1, linestyle="--")
    for y, item in enumerate(items[::-1]):
        text = "—" if item["attainment"] is None else f"{item['attainment']:.0f}%"
        axes.text((item["attainment"] or 0) + 1.5, y, text, va="center", fontsize=7)
    axes.set_xlim(0, max(120, max(values, default=0) * 1.12))
    axes.set_xlabel(label("attainment", lang))
    axes.set_title(label("chart_attainment", lang, pillar=pillar["name"]), loc="left", fontsize=10)
    return _save(figure, fmt, attainment_alt(pillar, lang))


def trajectory_chart(item: dict[str, Any], lang: str, terms: dict[str, Any], fmt: str = "svg") -> bytes:
    """Quarterly values against the target and the expected path, with the projection."""
    quarters = list(item["quarters"])
    figure, axes = plt.subplots(figsize=(5.5, 2.6))
    xs = list(range(1, len(quarters) + 1))
    ys = [item["quarters"][q] for q in quarters]
    points = [(x, y) for x, y in zip(xs, ys, strict=False) if isinstance(y, (int, float))]
    if item["baseline"] is not None and not isinstance(item["baseline"], str):
        points.insert(0, (0, item["baseline"]))
    if points:
        axes.plot(*zip(*points, strict=False), marker="o", color="#1565c0", label=label("value", lang))
    expected = [
        (x, item["expected_path"][q])
        for x, q in zip(xs, quarters, strict=False)
        if item["expected_path"][q] is not None
    ]
    if expected:
        start = [(0, item["baseline"])] if isinstance(item["baseline"], (int, float)) else []
        axes.plot(
            *zip(*(start + expected), strict=False), linestyle=":", color="#757575", label=label("expected", lang)
        )
    axes.axhline(item["target"], color="#2e7d32", linestyle="--", linewidth=1, label=label("target", lang, **terms))
    if item.get("projection"):
        last = points[-1] if points else (0, item["projection"]["value"])
        axes.plot([last[0], 4], [last[1], item["projection"]["value"]], linestyle="--", color="#1565c0", alpha=0.5)
        axes.plot(
            [4],
            [item["projection"]["value"]],
            marker="o",
            markerfacecolor="white",
            color="#1565c0",
            label=label("projection", lang),
        )
    axes.set_xticks(range(0, 5), [str(terms["baseline_year"]), *(quarter_name(n, lang) for n in range(1, 5))])
    axes.set_xlim(-0.3, 4.3)
    axes.set_ylabel("%")
    axes.set_title(item["short_name"], loc="left", fontsize=9)
    axes.legend(fontsize=7, frameon=False, loc="best")
    return _save(figure, fmt, trajectory_alt(item, lang, terms))


def completeness_heatmap(completeness: dict[str, Any], quarters: list[str], lang: str, fmt: str = "svg") -> bytes:
    """Agencies × quarters, coloured by reporting rate, the rate written in each cell."""
    agencies = completeness["agencies"]
    matrix = [[agency["quarters"].get(q) for q in quarters] for agency in agencies]
    figure, axes = plt.subplots(figsize=(1.2 * len(quarters) + 3.2, 0.28 * len(agencies) + 1.2))
    shown = [[float("nan") if v is None else v for v in row] for row in matrix]
    axes.imshow(shown, cmap="RdYlGn", vmin=0, vmax=1, aspect="auto")
    for y, row in enumerate(matrix):
        for x, rate in enumerate(row):
            axes.text(x, y, "—" if rate is None else f"{100 * rate:.0f}%", ha="center", va="center", fontsize=7)
    axes.set_xticks(range(len(quarters)), quarters)
    axes.set_yticks(range(len(agencies)), [agency["name"] for agency in agencies])
    axes.tick_params(length=0)
    for spine in axes.spines.values():
        spine.set_visible(False)
    axes.set_title(label("chart_completeness", lang), loc="left", fontsize=10)
    return _save(figure, fmt, completeness_alt(completeness, quarters, lang))
