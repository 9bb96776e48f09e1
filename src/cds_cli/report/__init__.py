"""`cds report`: the year in tables and charts, in HTML, DOCX, XLSX or Markdown.

:func:`build_report` scores every quarter with the same engine as ``cds score``;
:func:`render_report` turns the result into the bytes of one format.
"""

from __future__ import annotations

from importlib import import_module

from .model import AnnualReport, build_report, project

# format → (module, function, file extension)
FORMATS = {
    "html": ("html_report", "render_html", "html"),
    "docx": ("docx_report", "render_docx", "docx"),
    "xlsx": ("xlsx_report", "render_xlsx", "xlsx"),
    "md": ("markdown_report", "render_markdown", "md"),
}


def render_report(annual: AnnualReport, fmt: str, lang: str = "vi") -> bytes:
    """The report in ``fmt`` (html, docx, xlsx, md); the same inputs give the same bytes."""
    module, function, _ = FORMATS[fmt]
    renderer = getattr(import_module(f"{__name__}.{module}"), function)
    return renderer(annual.to_dict(lang), lang)


__all__ = ["AnnualReport", "FORMATS", "build_report", "project", "render_report"]
