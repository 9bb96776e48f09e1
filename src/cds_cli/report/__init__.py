"""`cds report`: the year in tables and charts, in HTML, DOCX, XLSX or Markdown.

:func:`build_report` scores every quarter with the same engine as ``cds score``;
:func:`render_report` turns the result into the bytes of one format.  The model (and
pandas with it) loads on first use, so that the command line can read the list of
formats (:mod:`.formats`) without it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .formats import REPORT_FORMATS as FORMATS

if TYPE_CHECKING:
    from .model import AnnualReport, build_report, project


def render_report(annual: AnnualReport, fmt: str, lang: str = "vi") -> bytes:
    """The report in ``fmt`` (html, docx, xlsx, md); the same inputs give the same bytes."""
    module, function = FORMATS[fmt]
    renderer = getattr(import_module(f"{__name__}.{module}"), function)
    return renderer(annual.view(), lang)


def __getattr__(name: str) -> Any:
    if name in ("AnnualReport", "build_report", "project"):
        return getattr(import_module(f"{__name__}.model"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FORMATS", "AnnualReport", "build_report", "project", "render_report"]
