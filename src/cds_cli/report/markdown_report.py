"""The report as Markdown: the same content as text tables, for pipelines and git diffs."""

from __future__ import annotations

from typing import Any

from ..labels import figure, label, number, reporting_text, share_text
from .text import cells_for_indicator, markdown_table, quarter_headers, status_counts_line, terms


def _table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    return [markdown_table(headers, rows), ""]


def render_markdown(doc: dict[str, Any], lang: str) -> bytes:
    meta, summary = doc["meta"], doc["summary"]
    out = [f"# {meta['title']}", "",
           label("report_basis", lang, number=meta["plan_number"], date=meta["plan_date_text"], issuer=meta["issuer"]) + "  ",
           label("report_period", lang, quarters=", ".join(meta["quarters"])) + ("  " if meta["date"] else ""),
           *([meta["date_text"]] if meta["date"] else []), ""]
    section = iter(["I", "II", "III", "IV", "V", "VI"])
    out += [f"## {next(section)}. {label('section_summary', lang)}", ""]
    rows = [[p["name"], number(p["score"], lang), share_text(p["coverage"], lang)] for p in summary["pillars"]]
    rows.append([f"**{label('index', lang)}**", f"**{number(summary['index']['score'], lang)}**",
                 share_text(summary["index"]["coverage"], lang)])
    out += _table([label(k, lang) for k in ("pillar", "score", "coverage")], rows)
    out += [status_counts_line(summary["status_counts"], lang), "",
            reporting_text(summary["reporting"], meta["period"], lang), ""]

    out += [f"## {next(section)}. {label('section_pillars', lang)}", ""]
    for n, pillar in enumerate(doc["pillars"], start=1):
        out += [f"### {n}. {pillar['name']}", ""]
        out += _table(quarter_headers(doc, lang),
                      [cells_for_indicator(item, meta["quarters"], lang) for item in pillar["indicators"]])

    projected = [item for pillar in doc["pillars"] for item in pillar["indicators"] if item["projection"]]
    if projected:
        out += [f"## {next(section)}. {label('section_projection', lang)}", "",
                f"_{doc['projection_method']} {label('projection_note', lang)}_", ""]
        out += _table([label(k, lang, **terms(doc)) for k in ("id", "value", "target", "projection", "likely_met")],
                      [[i["id"], number(i["value"], lang), figure(i["target"], lang),
                        number(i["projection"]["value"], lang),
                        label("yes" if i["projection"]["likely_met"] else "no", lang)] for i in projected])

    out += [f"## {next(section)}. {label('section_completeness', lang)}", ""]
    completeness = doc["completeness"]
    rows = [[a["id"], a["name"], *(share_text(a["quarters"].get(q), lang) for q in meta["quarters"])]
            for a in completeness["agencies"]]
    rows.append(["", label("province", lang), *(share_text(completeness["overall"].get(q), lang) for q in meta["quarters"])])
    out += _table([label("agency", lang), "", *meta["quarters"]], rows)

    quality = doc["data_quality"]
    out += [f"## {label('section_annex', lang)}", ""]
    out += _table([label(k, lang) for k in ("file", "read", "accepted", "rejected", "blank")],
                  [[f["file"], f["read"], f["accepted"], f["rejected"], f["blank"]] for f in quality["files"]])
    out += _table([label(k, lang) for k in ("code", "severity", "count")],
                  [[c["code"], label(c["severity"], lang), c["count"]] for c in quality["findings_by_code"]])
    out += [f"### {label('section_inputs', lang)}", ""]
    out += [f"- `{i['sha256']}` {i['file']}" for i in meta["inputs"]] + [""]
    out += [f"_{label('generated_by', lang, version=meta['version'])}_", ""]
    return "\n".join(out).encode("utf-8")
