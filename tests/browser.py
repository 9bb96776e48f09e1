"""Headless Chromium for the HTML report's tests: lay a page out at a given width, measure it
and take its picture.

The report has no script; the measuring script lives only in a wrapper page written for the
test, which holds the report in an ``<iframe srcdoc>`` exactly ``width`` CSS pixels wide (a
headless window is never narrower than 500 px, a phone is 390).  Chromium's ``--dump-dom``
then gives the wrapper with the measurements written into it as JSON.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import escape
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--virtual-time-budget=15000",
]

# What the layout is judged by: the page's own width and height, every long-text cell
# (indicator, agency and file names; the names beside the attainment bars), the boxes that
# scroll sideways, each status chip (shown whole inside its box and the viewport), and the
# columns each table of figures shows at this width.
MEASURE = """
window.addEventListener("load", () => {
  const frame = document.getElementById("page"), doc = frame.contentDocument, root = doc.documentElement;
  const cells = [...doc.querySelectorAll("td.text, .bar-name")].map(c => ({
    width: Math.round(c.getBoundingClientRect().width), text: c.textContent.trim().slice(0, 50)}));
  const wide = [...doc.querySelectorAll(".scroll")].filter(b => b.scrollWidth > b.clientWidth + 1);
  const boxes = wide.length, scrolling = wide.map(b => b.querySelector("th").textContent.trim()
    + ": " + b.scrollWidth + " > " + b.clientWidth);
  // each indicator's status chip: shown, and wholly inside both its table's box and the viewport
  const chips = [...doc.querySelectorAll("td.status .chip")].map(c => {
    const r = c.getBoundingClientRect(), box = c.closest(".scroll").getBoundingClientRect();
    return {text: c.textContent.trim(), width: Math.round(r.width),
            inside: r.width > 0 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5
                    && r.left >= -0.5 && r.right <= root.clientWidth + 0.5};
  });
  // the columns shown in each table of figures (a hidden one is display: none)
  // cells whose text runs over their column's edge (a heading word wider than its column)
  const overflowing = [...doc.querySelectorAll("table th, table td")].filter(c => c.clientWidth > 2
    && getComputedStyle(c.closest("table").tHead).clipPath === "none"  // not the phone's hidden headings
    && c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.trim().slice(0, 30));
  const named = [...doc.querySelectorAll("table.ind th.name")].map(h => h.getBoundingClientRect().width);
  const columns = [...doc.querySelectorAll("table.ind, table.heat")].map(t =>
    [...t.querySelectorAll("thead th")].filter(h => h.getBoundingClientRect().width > 0)
      .map(h => h.textContent.trim()));
  const outside = [...doc.querySelectorAll("body *")].filter(e => !e.closest(".scroll")
    && e.getBoundingClientRect().right > root.clientWidth + 0.5).map(e => e.tagName + "." + e.className);
  const out = {viewport: root.clientWidth, scrollWidth: root.scrollWidth, height: root.scrollHeight,
               cells: cells, scrolling_boxes: boxes, scrolling: scrolling, chips: chips, columns: columns,
               outside: outside, name_columns: named, overflowing: overflowing,
               svgs: doc.querySelectorAll("svg").length};
  frame.style.height = root.scrollHeight + "px";
  document.getElementById("metrics").textContent = JSON.stringify(out);
});
"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _wrapper(page: str, width: int, height: int, script: bool) -> str:
    tail = f'<pre id="metrics"></pre><script>{MEASURE}</script>' if script else ""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0}'
        f"iframe{{border:0;display:block;width:{width}px;height:{height}px}}</style></head><body>"
        f'<iframe id="page" srcdoc="{escape(page, quote=True)}"></iframe>{tail}</body></html>'
    )


def _run(args: list[str], profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=180
    )


# An A4 page's printable width in CSS pixels (96 to the inch), between the report's @page margins.
A4_WIDTH_MM = 210 - 12 - 10
MM = 96 / 25.4


def as_printed(page: str) -> str:
    """``page`` with its print rules applied on a screen and its screen rules off, to measure
    the print layout at the paper's width (``--dump-dom`` cannot emulate print media)."""
    return page.replace("@media print", "@media all").replace("@media screen", "@media print")  # in that order


def measure(page: str, width: int, work: Path) -> dict:
    """The layout of ``page`` (HTML text) in a viewport ``width`` CSS pixels wide."""
    wrapper = work / f"measure-{width}.html"
    wrapper.write_text(_wrapper(page, width, 900, script=True), encoding="utf-8")
    run = _run([f"--window-size={max(width, 500)},900", "--dump-dom", wrapper.as_uri()], work / "profile")
    found = re.search(r'<pre id="metrics">(.*?)</pre>', run.stdout, re.S)
    assert found and found.group(1), run.stderr[-2000:]
    return json.loads(
        found.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    )


def screenshot(page: str, width: int, height: int, out: Path, work: Path) -> Path:
    """A picture of the whole page, ``width`` × ``height`` CSS pixels (height from :func:`measure`)."""
    from PIL import Image

    wrapper = work / f"shot-{width}.html"
    wrapper.write_text(_wrapper(page, width, height, script=False), encoding="utf-8")
    _run([f"--window-size={max(width, 500)},{height}", f"--screenshot={out}", wrapper.as_uri()], work / "profile")
    with Image.open(out) as image:
        if image.width > width:
            image.crop((0, 0, width, image.height)).save(out)
    return out


def print_pdf(page: str, out: Path, work: Path) -> Path:
    """``page`` printed by Chromium as the browser prints it (its own ``@page`` size, A4), no
    header or footer."""
    source = work / "print.html"
    source.write_text(page, encoding="utf-8")
    run = _run(["--no-pdf-header-footer", f"--print-to-pdf={out}", source.as_uri()], work / "profile")
    assert out.exists(), run.stderr[-2000:]
    return out


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, in the order it is drawn (``pdftotext -raw``): a cell's lines
    stay together, so a name split over lines shows as such."""
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
