"""The report as one self-contained HTML page: inline SVG charts, no network, no script,
readable on screen and printable on A4 (tables are not split mid-row)."""

from __future__ import annotations

from html import escape
from typing import Any

from ..labels import label, number, reporting_text, share_text
from .charts import attainment_chart, completeness_heatmap, trajectory_chart
from .text import cells_for_indicator, quarter_headers, status_counts_line, terms

STYLE = """
body { font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.4;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 16pt; text-align: center; margin-bottom: .2rem; }
h2 { font-size: 14pt; margin-top: 2rem; border-bottom: 1px solid #999; }
h3 { font-size: 13pt; }
.meta, .note { color: #444; font-size: 11pt; }
.projection { font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; margin: .5rem 0 1rem; }
th, td { border: 1px solid #bbb; padding: 2px 5px; vertical-align: top; }
th { background: #eef3f8; }
td.num { text-align: right; white-space: nowrap; }
.status-achieved { color: #1b5e20; font-weight: bold; } .status-on_track { color: #2e7d32; }
.status-at_risk { color: #b26a00; } .status-off_track { color: #b71c1c; font-weight: bold; }
.status-no_data { color: #777; }
td[class^="status-"] { white-space: nowrap; }
figure { margin: .5rem 0 1.5rem; } figure svg { max-width: 100%; height: auto; }
.charts { display: flex; flex-wrap: wrap; gap: .5rem; } .charts figure { width: 48%; }
code { font-size: 9pt; word-break: break-all; }
@page { size: A4; margin: 2cm 1.5cm 2cm 3cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 12pt; }
  h2 { page-break-before: always; } h2.first { page-break-before: avoid; }
  tr, figure { page-break-inside: avoid; } thead { display: table-header-group; }
  .charts figure { width: 48%; }
}
"""


def render_html(doc: dict[str, Any], lang: str) -> bytes:
    meta = doc["meta"]
    parts = [
        "<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(meta['title'])}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        f"<h1>{escape(meta['title'])}</h1>",
        f'<p class="meta">{escape(label("report_basis", lang, number=meta["plan_number"], date=meta["plan_date_text"], issuer=meta["issuer"]))}<br>'
        f'{escape(label("report_period", lang, quarters=", ".join(meta["quarters"])))}'
        + (f"<br>{escape(meta['date_text'])}" if meta["date"] else "") + "</p>",
        *_summary(doc, lang), *_pillars(doc, lang), *_projection(doc, lang), *_trajectories(doc, lang),
        *_completeness(doc, lang), *_annex(doc, lang),
        f'<p class="note">{escape(label("generated_by", lang, version=meta["version"]))}</p>',
        "</body>", "</html>",
    ]
    return ("\n".join(parts) + "\n").encode("utf-8")


def _table(headers: list[str], rows: list[list[Any]], numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            css = ' class="num"' if i in numeric else ""
            if isinstance(cell, tuple):  # (text, css class)
                cells.append(f'<td class="{cell[1]}">{escape(str(cell[0]))}</td>')
            else:
                cells.append(f"<td{css}>{escape(str(cell))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _figure(svg: bytes, caption: str) -> str:
    return f"<figure>{svg.decode('utf-8')}<figcaption class=\"note\">{escape(caption)}</figcaption></figure>"


def _summary(doc: dict[str, Any], lang: str) -> list[str]:
    summary = doc["summary"]
    rows = [[p["name"], number(p["score"], lang), share_text(p['coverage'], lang)] for p in summary["pillars"]]
    rows.append([label("index", lang), number(summary["index"]["score"], lang),
                 share_text(summary['index']['coverage'], lang)])
    return [
        f'<h2 class="first">I. {escape(label("section_summary", lang))}</h2>',
        _table([label(k, lang) for k in ("pillar", "score", "coverage")], rows, {1, 2}),
        f"<p>{escape(status_counts_line(summary['status_counts'], lang))}</p>",
        f"<p>{escape(reporting_text(summary['reporting'], doc['meta']['period'], lang))}</p>",
    ]


def _pillars(doc: dict[str, Any], lang: str) -> list[str]:
    headers = quarter_headers(doc, lang)
    parts = [f"<h2>II. {escape(label('section_pillars', lang))}</h2>"]
    for number_, pillar in enumerate(doc["pillars"], start=1):
        rows = []
        for item in pillar["indicators"]:
            cells = cells_for_indicator(item, doc["meta"]["quarters"], lang)
            cells[-2] = (cells[-2], f"status-{item['status']}")
            rows.append(cells)
        parts += [f"<h3>{number_}. {escape(pillar['name'])}</h3>",
                  _table(headers, rows, set(range(2, len(headers) - 2)) | {len(headers) - 1}),
                  _figure(attainment_chart(pillar, lang, "svg"), label("chart_attainment", lang, pillar=pillar["name"]))]
    return parts


def _projected(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for pillar in doc["pillars"] for item in pillar["indicators"] if item["projection"]]


def _projection(doc: dict[str, Any], lang: str) -> list[str]:
    items = _projected(doc)
    if not items:
        return []
    rows = [[item["id"], item["name"], number(item["value"], lang), number(item["target"], lang, 0),
             number(item["projection"]["value"], lang), label("yes" if item["projection"]["likely_met"] else "no", lang)]
            for item in items]
    headers = [label("id", lang), label("indicator", lang), label("value", lang), label("target", lang, **terms(doc)),
               label("projection", lang), label("likely_met", lang)]
    return [f"<h2>III. {escape(label('section_projection', lang))}</h2>",
            f'<p class="projection">{escape(doc["projection_method"])} {escape(label("projection_note", lang))}</p>',
            _table(headers, rows, {2, 3, 4})]


def _trajectories(doc: dict[str, Any], lang: str) -> list[str]:
    figures = [_figure(trajectory_chart(item, lang, terms(doc), "svg"), item["name"])
               for pillar in doc["pillars"] for item in pillar["indicators"]
               if item["unit"] == "percent" and item["value"] is not None]
    return [f"<h2>{_roman(doc, 4)}. {escape(label('chart_trajectory', lang))}</h2>",
            '<div class="charts">', *figures, "</div>"]


def _completeness(doc: dict[str, Any], lang: str) -> list[str]:
    quarters = doc["meta"]["quarters"]
    rows = [[agency["id"], agency["name"], *(share_text(agency["quarters"].get(q), lang) for q in quarters)]
            for agency in doc["completeness"]["agencies"]]
    rows.append(["", label("province", lang), *(share_text(doc["completeness"]["overall"].get(q), lang) for q in quarters)])
    return [f"<h2>{_roman(doc, 5)}. {escape(label('section_completeness', lang))}</h2>",
            _figure(completeness_heatmap(doc["completeness"], quarters, lang, "svg"), label("chart_completeness", lang)),
            _table([label("agency", lang), "", *quarters], rows, set(range(2, 2 + len(quarters))))]


def _annex(doc: dict[str, Any], lang: str) -> list[str]:
    quality = doc["data_quality"]
    files = [[f["file"] + (f" [{f['sheet']}]" if f.get("sheet") else ""), f["read"], f["accepted"], f["rejected"], f["blank"]]
             for f in quality["files"]]
    codes = [[c["code"], label(c["severity"], lang), c["count"]] for c in quality["findings_by_code"]]
    inputs = "".join(f"<li><code>{escape(i['sha256'])}</code> {escape(i['file'])}</li>" for i in doc["meta"]["inputs"])
    return [f"<h2>{escape(label('section_annex', lang))}</h2>",
            _table([label(k, lang) for k in ("file", "read", "accepted", "rejected", "blank")], files, {1, 2, 3, 4}),
            _table([label("code", lang), label("severity", lang), label("count", lang)], codes, {2}),
            f"<h3>{escape(label('section_inputs', lang))}</h3>", f"<ul>{inputs}</ul>"]


def _roman(doc: dict[str, Any], number_: int) -> str:
    """Section numbers shift down by one when there is no projection section."""
    shifted = number_ if _projected(doc) else number_ - 1
    return ["", "I", "II", "III", "IV", "V", "VI"][shifted]
