#!/usr/bin/env python3
"""The README's screenshots, made from the example data so that anyone can make them again:

    .venv/bin/python docs/screenshots.py                 # every picture, into docs/
    .venv/bin/python docs/screenshots.py report-html     # just one

The inputs are fixed (``examples/2023``, ``SOURCE_DATE_EPOCH``), so a picture changes only when
what it shows changes.  Needs headless Chromium (Debian: ``apt-get install chromium``) and
Pillow (a dependency of cds: it draws the Word report's charts).

Two building blocks for more pictures: :func:`html_to_png` (any page, e.g. a report) and
:func:`ansi_to_png` (terminal output with colours, e.g. ``cds score``: rich turns the ANSI
codes into an HTML page, which Chromium draws).
"""

from __future__ import annotations

import argparse
import io
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EPOCH = "1705276800"  # 15 January 2024: the report's date line
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--hide-scrollbars",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--force-device-scale-factor=1",
    "--virtual-time-budget=10000",
]
FONT_SIZE, LINE_HEIGHT, CHAR_WIDTH, PAD = 14, 1.3, 0.602, 16  # DejaVu Sans Mono: 0.602 em a character
TERMINAL = (
    f"body {{ margin: 0; }} pre {{ margin: 0; padding: {PAD}px; "
    f"font: {FONT_SIZE}px/{LINE_HEIGHT} 'DejaVu Sans Mono', monospace; }} "
    f"pre .v {{ display: inline-block; width: {CHAR_WIDTH}em; text-align: center; font-family: 'DejaVu Sans'; }}"
)
# Letters beyond ASCII (Vietnamese: ố, ặ, ữ …): DejaVu Sans Mono lacks some, and Chromium would then stack
# the base letter and the marks of that font badly; each is drawn in DejaVu Sans, in a box one cell wide.
LETTERS = re.compile(r"([\u00c0-\u024f\u1e00-\u1eff])")


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not found:
        sys.exit("screenshots need headless Chromium (Debian: apt-get install chromium)")
    return found


def html_to_png(html: str, out: Path, width: int, height: int, scale: float = 1.0, colours: int = 160) -> Path:
    """``html`` laid out ``width`` CSS pixels wide: its top ``height`` pixels, scaled by ``scale``,
    saved as a palette PNG (small, and the same bytes for the same page and browser)."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        page, shot = Path(tmp) / "page.html", Path(tmp) / "shot.png"
        page.write_text(html, encoding="utf-8")
        run = subprocess.run(
            [
                chromium(),
                *FLAGS,
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--window-size={width},{height}",
                f"--screenshot={shot}",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        if not shot.exists():
            raise RuntimeError(f"Chromium made no screenshot: {run.stderr[-1000:]}")
        with Image.open(shot) as taken:
            image = taken.convert("RGB").crop((0, 0, width, height))
    if scale != 1:
        image = image.resize((round(width * scale), round(height * scale)), Image.Resampling.LANCZOS)
    palette = image.quantize(colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out.parent.mkdir(parents=True, exist_ok=True)
    palette.save(out, optimize=True)
    return out


def ansi_to_png(ansi: str, out: Path, columns: int | None = None, scale: float = 1.0) -> Path:
    """Terminal output (text with ANSI colour codes) as a picture of a dark terminal, ``columns``
    wide (default: the widest line)."""
    from rich.cells import cell_len
    from rich.console import Console
    from rich.terminal_theme import MONOKAI
    from rich.text import Text

    text = Text.from_ansi(ansi.rstrip("\n"))
    columns = columns or max(cell_len(line) for line in text.plain.split("\n"))
    console = Console(record=True, width=columns, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    console.print(text, soft_wrap=True)
    lines = console.export_text(clear=False).rstrip("\n").count("\n") + 1
    code = console.export_html(
        theme=MONOKAI,
        inline_styles=True,
        code_format='<pre style="color:{foreground};background:{background}">{code}</pre>',
    )
    page = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{TERMINAL}</style></head><body>{code}</body></html>'
    )
    page = LETTERS.sub(r'<span class="v">\1</span>', page)
    width = math.ceil(columns * CHAR_WIDTH * FONT_SIZE + 2 * PAD)
    height = math.ceil(lines * LINE_HEIGHT * FONT_SIZE + 2 * PAD)
    return html_to_png(page, out, width, height, scale)


def cds(*args: str, **environ: str) -> str:
    """What ``cds ARGS`` prints, run from the repository with the fixed date (and ``environ``)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **environ}
    return subprocess.run(
        [sys.executable, "-m", "cds_cli", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout


def report_html(out: Path) -> Path:
    """The top of the HTML report at 1280 px (summary band, the first pillar's table), at 3/4 size."""
    return html_to_png(cds("report", "examples/2023", "-f", "html"), out, 1280, 1040, scale=0.75)


def scorecard(out: Path) -> Path:
    """`cds score` of the examples' second quarter in a 100-column terminal, in colour, at 3/4 size."""
    ansi = cds("score", "examples/2023", "--period", "2023-Q2", COLUMNS="100", FORCE_COLOR="1", NO_COLOR="")
    top = "\n".join(ansi.splitlines()[:34])  # the title, the header and the first pillar
    return ansi_to_png(top, out, columns=100, scale=0.75)


SHOTS: dict[str, Callable[[Path], Path]] = {"report-html": report_html, "scorecard": scorecard}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", choices=[[], *SHOTS], help="pictures to make (default: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNG files")
    args = parser.parse_args(argv)
    for name in args.names or SHOTS:
        path = SHOTS[name](args.out / f"{name}.png")
        print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
