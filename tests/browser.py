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

# What the layout is judged by: the page's own width and height, and every long-text cell
# (indicator, agency and file names; the names beside the attainment bars).
MEASURE = """
window.addEventListener("load", () => {
  const frame = document.getElementById("page"), doc = frame.contentDocument, root = doc.documentElement;
  const cells = [...doc.querySelectorAll("td.text, .bar-name")].map(c => ({
    width: Math.round(c.getBoundingClientRect().width), text: c.textContent.trim().slice(0, 50)}));
  const boxes = [...doc.querySelectorAll(".scroll")].filter(b => b.scrollWidth > b.clientWidth + 1).length;
  const outside = [...doc.querySelectorAll("body *")].filter(e => !e.closest(".scroll")
    && e.getBoundingClientRect().right > root.clientWidth + 0.5).map(e => e.tagName + "." + e.className);
  const out = {viewport: root.clientWidth, scrollWidth: root.scrollWidth, height: root.scrollHeight,
               cells: cells, scrolling_boxes: boxes, outside: outside, svgs: doc.querySelectorAll("svg").length};
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
