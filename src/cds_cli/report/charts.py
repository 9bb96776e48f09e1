"""Charts for the Word report, as PNG pictures drawn with Pillow.

Word wants a raster picture (SVG only with a PNG beside it), and the charts are bars, lines,
dots and text: Pillow draws each in a few hundredths of a second, where matplotlib took a
quarter of a second per chart plus 0.6 s to import — most of the Word report's time.

Each picture is drawn at the size it has on the page (``width`` in cm, :data:`DPI`), so a
9 pt label is 9 pt in the document.  Pillow draws shapes without anti-aliasing: the chart is
drawn :data:`SCALE` times larger and reduced, which smooths lines and dots.  Text is DejaVu
Sans, bundled (cut to Latin and Vietnamese; ``fonts/README.md``), so a machine without fonts
draws the same diacritics.  Each picture carries its text alternative (:mod:`.text`) as its
PNG Description, and the same report gives the same bytes.
"""

from __future__ import annotations

import functools
import io
import math
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from ..periods import Period
from ..view import AgencyRates, IndicatorRow, PillarRow, ReportView
from ..words.labels import label, number, quarter_name, share_text
from .chartparts import EXPECTED, STATUS_COLOURS, TARGET, VALUE, Frame, runs, ticks, trajectory_series
from .text import attainment_alt, completeness_alt, trajectory_alt

DPI = 200
SCALE = 2
FONTS = Path(__file__).with_name("fonts")
INK, SOFT_INK, GRID = "#222222", "#555555", "#e3e6ea"
# ColorBrewer's RdYlGn (11 classes): a reporting rate from 0 (red) through 1 (green).
RED_YELLOW_GREEN = (
    "#a50026",
    "#d73027",
    "#f46d43",
    "#fdae61",
    "#fee08b",
    "#ffffbf",
    "#d9ef8b",
    "#a6d96a",
    "#66bd63",
    "#1a9850",
    "#006837",
)
Point = tuple[float, float]
# A chart shows at most this many rows: a ministry's report may cover 20,000 reporting units,
# whose heat map would be a picture hundreds of metres tall.  The lowest rows are the ones
# an analyst looks for; the table beside the chart lists every row.
MAX_ROWS = 40
Row = TypeVar("Row", IndicatorRow, AgencyRates)
# How each series of a trajectory is drawn, in the SVG's units: (colour, width, dash) for
# its line and (radius, fill) for its dots.  The legend draws its samples from the same.
LINES: dict[str, tuple[str, float, tuple[float, float] | None]] = {
    "value": (VALUE, 2.0, None),
    "expected": (EXPECTED, 1.3, (1.5, 3.0)),
    "target": (TARGET, 1.4, (6.0, 4.0)),
    "projection": ("#8aaedb", 1.5, (4.0, 3.0)),
}
DOTS = {"value": (3.0, VALUE), "projection": (3.5, "white")}


def px(cm: float) -> float:
    """Centimetres on the page as pixels of the picture."""
    return cm * DPI / 2.54


@functools.cache
def _font(size: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), round(size * DPI / 72 * SCALE))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide ``text`` is in pixels at ``size`` points."""
    return _font(size, bold).getlength(_nfc(text)) / SCALE


def _nfc(text: str) -> str:
    # A decomposed "ệ" (e + two combining marks) would stack its marks by guesswork; the
    # composed letter is one glyph of the font.
    return unicodedata.normalize("NFC", text)


class Canvas:
    """A white picture ``width`` × ``height`` pixels, drawn in pixel coordinates."""

    def __init__(self, width: float, height: float):
        self.size = (math.ceil(width), math.ceil(height))
        self.image = Image.new("RGB", (self.size[0] * SCALE, self.size[1] * SCALE), "white")
        self.pen = ImageDraw.Draw(self.image)

    def rect(self, left: float, top: float, right: float, bottom: float, fill: str) -> None:
        self.pen.rectangle([v * SCALE for v in (left, top, right, bottom)], fill=fill)

    def line(self, points: Sequence[Point], colour: str, width: float = 1.0, dash: Point | None = None) -> None:
        """A polyline; ``dash`` = (on, off) lengths draws it dashed."""
        scaled = [(x * SCALE, y * SCALE) for x, y in points]
        pieces = _dashed(scaled, dash[0] * SCALE, dash[1] * SCALE) if dash else [scaled]
        for piece in pieces:
            self.pen.line(piece, fill=colour, width=max(1, round(width * SCALE)), joint="curve")

    def dot(self, centre: Point, radius: float, colour: str, fill: str | None = None) -> None:
        x, y, r = (v * SCALE for v in (*centre, radius))
        self.pen.ellipse([x - r, y - r, x + r, y + r], fill=fill or colour, outline=colour, width=round(1.2 * SCALE))

    def text(self, at: Point, text: str, size: float, anchor: str = "la", colour: str = INK, bold=False) -> None:
        """``anchor`` as Pillow spells it: l/m/r then a/m/s (ascender, middle, baseline)."""
        self.pen.text((at[0] * SCALE, at[1] * SCALE), _nfc(text), font=_font(size, bold), fill=colour, anchor=anchor)

    def png(self, alt: str) -> bytes:
        picture = self.image.reduce(SCALE)
        info = PngInfo()
        info.add_itxt("Description", alt)  # iTXt: UTF-8, so a Vietnamese text alternative survives
        buffer = io.BytesIO()
        picture.save(buffer, "PNG", pnginfo=info, dpi=(DPI, DPI))
        return buffer.getvalue()


def _dashed(points: Sequence[Point], on: float, off: float) -> list[list[Point]]:
    """The drawn pieces of a dashed polyline (the pattern runs on across its corners)."""
    pieces: list[list[Point]] = []
    current, drawing, left = [points[0]], True, on
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        length, done = math.hypot(x1 - x0, y1 - y0), 0.0
        while length - done > left:
            done += left
            at = (x0 + (x1 - x0) * done / length, y0 + (y1 - y0) * done / length)
            if drawing:
                pieces.append([*current, at])
            current, drawing = [at], not drawing
            left = on if drawing else off
        left -= length - done
        if drawing:
            current.append((x1, y1))
    if drawing and len(current) > 1:
        pieces.append(current)
    return pieces


def _fitted(text: str, size: float, width: float, bold: bool = False) -> str:
    """``text``, cut with "…" to fit ``width`` pixels (the full name is in the table beside)."""
    if text_width(text, size, bold) <= width:
        return text
    # First as many characters as fit at a quarter em each, so that the loop below stays
    # short even for a name a megabyte long.
    text = text[: int(width / (size * DPI / 72 * 0.25))]
    while text and text_width(text + "…", size, bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def attainment_chart(pillar: PillarRow, lang: str, width: float = 16.0) -> bytes:
    """Horizontal bars: attainment of each indicator of a pillar, with the 100% line; each bar
    says its status in words at the right, and a legend names the colours (colour is only a
    second cue, and the greys differ too when printed in black and white)."""
    every = pillar.indicators
    items = _lowest(every, lambda item: item.attainment)
    title = label("chart_attainment", lang, pillar=pillar.name(lang))
    if len(items) < len(every):
        title += f" ({label('chart_lowest_indicators', lang, shown=len(items), count=len(every))})"
    size, row = 8.0, px(0.62)
    names = [_fitted(item.short_name(lang), size, px(width) * 0.4) for item in items]
    words = [label(item.status, lang) for item in items]
    left = max((text_width(n, size) for n in names), default=0) + px(0.4)
    status_column = max((text_width(w, 7.0) for w in words), default=0) + px(0.3)
    top, bottom = px(0.9), px(1.8)
    canvas = Canvas(px(width), top + row * len(items) + bottom)
    values = [item.attainment or 0 for item in items]
    scale = ticks([0.0, 110.0, *(v * 1.1 for v in values)], intervals=6)
    frame = Frame((left, top, px(width) - px(0.8) - status_column, top + row * len(items)), scale[0], scale[-1])
    x_of = functools.partial(_value_x, frame)
    canvas.text((px(0.1), px(0.15)), _fitted(title, 9.5, px(width) - px(0.2), bold=True), 9.5, bold=True)
    for tick in scale:
        canvas.line([(x_of(tick), frame.top), (x_of(tick), frame.bottom)], GRID)
        canvas.text((x_of(tick), frame.bottom + px(0.12)), f"{number(tick, lang, 0)}%", 7.5, "ma", SOFT_INK)
    for k, (item, name) in enumerate(zip(items, names, strict=True)):
        middle = frame.top + row * (k + 0.5)
        end = x_of(max(0.0, values[k]))
        canvas.rect(frame.left, middle - row * 0.3, end, middle + row * 0.3, STATUS_COLOURS[item.status])
        shown = "—" if item.attainment is None else f"{number(item.attainment, lang)}%"
        canvas.text((end + px(0.12), middle), shown, 7.0, "lm")
        canvas.text((frame.left - px(0.2), middle), name, size, "rm")
        canvas.text((px(width) - px(0.1), middle), words[k], 7.0, "rm", SOFT_INK)
    canvas.line([(x_of(100), frame.top - px(0.1)), (x_of(100), frame.bottom)], "#333333", 1.2, dash=(6, 4))
    canvas.line([(frame.left, frame.top), (frame.left, frame.bottom), (frame.right, frame.bottom)], "#333333")
    canvas.text(((frame.left + frame.right) / 2, frame.bottom + px(0.55)), label("attainment", lang), 8, "ma")
    _status_legend(canvas, [s for s in STATUS_COLOURS if any(i.status == s for i in items)], lang)
    return canvas.png(attainment_alt(pillar, lang))


def _status_legend(canvas: Canvas, statuses: list[str], lang: str) -> None:
    """A swatch and the word of each status drawn, in one row under the chart."""
    x, y = px(0.1), canvas.size[1] - px(0.35)
    for status in statuses:
        canvas.rect(x, y - px(0.12), x + px(0.35), y + px(0.12), STATUS_COLOURS[status])
        word = label(status, lang)
        canvas.text((x + px(0.45), y), word, 7.0, "lm", SOFT_INK)
        x += px(0.45) + text_width(word, 7.0) + px(0.4)


def _lowest(rows: Sequence[Row], rate: Callable[[Row], float | None]) -> list[Row]:
    """``rows`` as they are, or, past :data:`MAX_ROWS`, the lowest of them (no figure counts
    as lowest) in their own order."""
    if len(rows) <= MAX_ROWS:
        return list(rows)
    order = sorted(range(len(rows)), key=lambda k: (rate(rows[k]) is not None, rate(rows[k]) or 0.0))
    return [rows[k] for k in sorted(order[:MAX_ROWS])]


def _value_x(frame: Frame, value: float) -> float:
    """Where a value sits on a horizontal value axis (the frame's lo … hi across its width)."""
    return frame.left + (value - frame.lo) * (frame.right - frame.left) / (frame.hi - frame.lo)


def trajectory_chart(
    item: IndicatorRow, lang: str, terms: Mapping[str, object], width: float = 7.6, earlier: Sequence[Period] = ()
) -> bytes:
    """Quarterly values against the target and the expected path, with the projection: the
    HTML report's trajectory (:func:`.svg.trajectory`), from the same series (with
    ``earlier``, the year before's quarters first)."""
    series = trajectory_series(item, earlier)
    scale, values = series.ticks, series.values
    unit = px(width) / 300  # the SVG's 300-wide layout, in this picture's pixels
    below = 12 * unit if series.years else 0  # a line for the years under the quarters
    canvas = Canvas(px(width), 184 * unit + below)
    box = (36 * unit, 10 * unit, 274 * unit, 128 * unit)
    frame = Frame(box, scale[0], scale[-1], series.first, series.slots)  # as in the SVG
    decimals = 0 if all(t == int(t) for t in scale) else 1
    for tick in scale:
        y = frame.value_y(tick)
        canvas.line([(frame.slot_x(series.first), y), (frame.slot_x(series.slots), y)], GRID)
        canvas.text((frame.left - 6 * unit, y), number(tick, lang, decimals), 6.5, "rm", SOFT_INK)
    for slot, name in series.slot_names(lang, terms["baseline_year"]):
        canvas.text((frame.slot_x(slot), 138 * unit), name, 6.5, "ma", SOFT_INK)
    for middle, year in series.year_names():
        canvas.text((frame.slot_x(middle), 150 * unit), year, 6.5, "ma", SOFT_INK)
    if len(series.expected) > 1:
        _trace(canvas, "expected", [frame.point(*p) for p in series.expected], unit)
    target_y = frame.value_y(series.target)
    _trace(canvas, "target", [(frame.slot_x(series.first), target_y), (frame.slot_x(series.slots), target_y)], unit)
    for run in runs(values, years=bool(series.years)):
        if len(run) > 1:
            _trace(canvas, "value", [frame.point(*p) for p in run], unit)
    for slot, value in values:
        if value is not None:
            _mark(canvas, "value", frame.point(slot, value), unit)
    if series.projection is not None and series.last is not None:  # from the latest value (known[-1])
        end = frame.point(series.projection_slot, series.projection)
        _trace(canvas, "projection", [frame.point(series.last, series.known[-1]), end], unit)
        _mark(canvas, "projection", end, unit)
    _legend(canvas, 156 * unit + below, unit, lang, terms, with_projection=series.projection is not None)
    return canvas.png(trajectory_alt(item, lang, terms))


def _legend(
    canvas: Canvas, y: float, unit: float, lang: str, terms: Mapping[str, object], with_projection: bool
) -> None:
    """A sample of each line and its name, in rows under the chart."""
    x = 4 * unit
    for key in ["value", "expected", "target", *(["projection"] if with_projection else [])]:
        name = label(key, lang, **terms)
        step = 24 * unit + text_width(name, 6.5) + 10 * unit
        if x > 4 * unit and x + step > canvas.size[0]:
            x, y = 4 * unit, y + 13 * unit  # the next row
        _legend_sample(canvas, key, (x, y), unit)
        canvas.text((x + 24 * unit, y), name, 6.5, "lm", SOFT_INK)
        x += step


def _legend_sample(canvas: Canvas, key: str, at: Point, unit: float) -> None:
    x, y = at
    if key != "projection":  # the projection is known by its open dot
        _trace(canvas, key, [(x, y), (x + 20 * unit, y)], unit)
    if key in DOTS:
        _mark(canvas, key, (x + 10 * unit, y), unit)


def _trace(canvas: Canvas, key: str, points: Sequence[Point], unit: float) -> None:
    colour, width, dash = LINES[key]
    canvas.line(points, colour, width, (dash[0] * unit, dash[1] * unit) if dash else None)


def _mark(canvas: Canvas, key: str, at: Point, unit: float) -> None:
    radius, fill = DOTS[key]
    canvas.dot(at, radius * unit, VALUE, fill=fill)


def completeness_heatmap(view: ReportView, lang: str, width: float = 16.0) -> bytes:
    """Agencies × quarters, coloured by reporting rate, the rate written in each cell."""
    every, quarters = view.agencies, view.quarters
    agencies = _lowest(every, lambda agency: _mean([agency.rates.get(q) for q in quarters]))
    title = label("chart_completeness", lang)
    if len(agencies) < len(every):
        title += f" ({label('chart_lowest_agencies', lang, shown=len(agencies), count=number(len(every), lang, 0))})"
    size, row = 7.5, px(0.5)
    names = [_fitted(agency.agency.name(lang), size, px(width) * 0.55) for agency in agencies]
    labels = max((text_width(n, size) for n in names), default=0) + px(0.35)
    cell = min(px(2.6), (px(width) - labels) / max(1, len(quarters)))
    left = labels + (px(width) - labels - cell * len(quarters)) / 2  # the grid centred on the page
    top = px(1.5)
    canvas = Canvas(px(width), top + row * len(agencies) + px(0.1))
    canvas.text((px(0.1), px(0.15)), _fitted(title, 9.5, px(width) - px(0.2), bold=True), 9.5, bold=True)
    for x, quarter in enumerate(quarters):
        name = quarter_name(quarter, lang)
        canvas.text((left + cell * (x + 0.5), top - px(0.15)), name, size, "md", SOFT_INK, bold=True)
    for y, (agency, name) in enumerate(zip(agencies, names, strict=True)):
        middle = top + row * (y + 0.5)
        canvas.text((left - px(0.2), middle), name, size, "rm")
        for x, quarter in enumerate(quarters):
            rate = agency.rates.get(quarter)
            fill = "#f2f2f2" if rate is None else _red_yellow_green(rate)
            canvas.rect(
                left + cell * x + 1, middle - row / 2 + 1, left + cell * (x + 1) - 1, middle + row / 2 - 1, fill
            )
            ink = "white" if _dark(fill) else INK
            canvas.text((left + cell * (x + 0.5), middle), share_text(rate, lang), 7.0, "mm", ink)
    return canvas.png(completeness_alt(view, lang))


def _mean(rates: list[float | None]) -> float | None:
    known = [rate for rate in rates if rate is not None]
    return sum(known) / len(known) if known else None


def _red_yellow_green(rate: float) -> str:
    """The colour of a rate 0 … 1 on the RdYlGn scale, between its two nearest classes."""
    at = min(max(rate, 0.0), 1.0) * (len(RED_YELLOW_GREEN) - 1)
    low, high = _rgb(RED_YELLOW_GREEN[math.floor(at)]), _rgb(RED_YELLOW_GREEN[math.ceil(at)])
    part = at - math.floor(at)
    return "#" + "".join(f"{round(a + (b - a) * part):02x}" for a, b in zip(low, high, strict=True))


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _dark(colour: str) -> bool:
    """Whether white text reads better than black on ``colour`` (relative luminance)."""
    red, green, blue = _rgb(colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 110
