"""The Word report's charts (PNG, drawn with Pillow): measured on the pixels, as a reader sees
them — bars as long as the figures, nothing cut at the edges, every Vietnamese letter drawn."""

from __future__ import annotations

import io
import math
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from cds_cli import load_plan, parse_period, read_submissions
from cds_cli.periods import Period
from cds_cli.plan import Agency
from cds_cli.report.chartparts import STATUS_COLOURS, ticks
from cds_cli.report.charts import (
    DPI,
    _dashed,
    _font,
    attainment_chart,
    completeness_heatmap,
    trajectory_chart,
)
from cds_cli.report.model import build_report
from cds_cli.report.text import attainment_alt
from cds_cli.view import AgencyRates
from cds_cli.words.messages import TEXTS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "2023"
Q1, Q2, Q3 = (Period(2023, k) for k in (1, 2, 3))


@pytest.fixture(scope="module")
def view():
    plan = load_plan()
    return build_report(read_submissions([EXAMPLES], plan), plan, parse_period("2023-Q2")).view()


@pytest.fixture(params=["vi", "en"])
def lang(request):
    return request.param


def picture(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def charts_of(view, lang):
    yield from (attainment_chart(pillar, lang) for pillar in view.card.pillars if pillar.indicators)
    items = view.projected
    assert items, "a Q2 report projects the year end"
    yield from (trajectory_chart(item, lang, view.plan.terms, 7.6) for item in items)
    yield completeness_heatmap(view, lang)


def test_drawn_at_the_size_it_has_on_the_page(view, lang):
    chart = picture(attainment_chart(view.card.pillars[0], lang, 16.0))
    assert chart.width == math.ceil(16.0 / 2.54 * DPI)
    assert chart.info["dpi"] == pytest.approx((DPI, DPI), abs=0.01)
    trajectory = picture(trajectory_chart(view.projected[0], lang, view.plan.terms, 7.6))
    assert trajectory.width == math.ceil(7.6 / 2.54 * DPI)


def test_nothing_is_cut_at_the_edges(view, lang):
    # A label or a legend wider than the picture would run into its edge: the one-pixel
    # frame around every chart stays white, in both languages.
    for png in charts_of(view, lang):
        image = picture(png).convert("L")
        width, height = image.size
        edge = [image.getpixel((x, y)) for x in range(width) for y in (0, height - 1)]
        edge += [image.getpixel((x, y)) for y in range(height) for x in (0, width - 1)]
        assert min(edge) > 235, "something is drawn across the picture's edge"


def test_bars_are_as_long_as_the_attainment(view, lang):
    pillar = next(p for p in view.card.pillars if len(p.indicators) >= 3)
    image = picture(attainment_chart(pillar, lang)).convert("RGB")
    # The bars are drawn top to bottom in the pillar's order, each in its status colour.
    bands = _bands(image, [rgb(STATUS_COLOURS[i.status]) for i in pillar.indicators])
    measured = [length for _, length in bands]
    expected = [i.attainment or 0 for i in pillar.indicators]
    assert len(measured) == len(expected)
    scale = measured[0] / expected[0]
    for got, want in zip(measured, expected, strict=True):
        assert got == pytest.approx(want * scale, abs=2)  # two pixels: 0.25 mm on the page


def _run(image, y, colour) -> int:
    return sum(1 for x in range(image.width) if image.getpixel((x, y)) == colour)


def _bands(image, colours):
    """(top row, bar length) of each bar, top to bottom: a bar is a band of rows with a long
    run of one status colour."""
    bands, y = [], 0
    for colour in colours:
        while y < image.height and _run(image, y, colour) <= 20:
            y += 1
        top = y
        while y < image.height and _run(image, y, colour) > 20:
            y += 1
        bands.append((top, max(_run(image, row, colour) for row in range(top, y))))
    return bands


def agency(name: str, rates) -> AgencyRates:
    return AgencyRates(Agency(code="X", level="province", name_vi=name, name_en=name), rates)


def test_the_heat_map_colours_run_from_red_to_green(view):
    rates = {Q1: 0.0, Q2: 1.0, Q3: None}
    drawn = replace(view, quarters=(Q1, Q2, Q3), agencies=(agency("Sở Xây dựng", rates),), completeness=rates)
    image = picture(completeness_heatmap(drawn, "vi")).convert("RGB")
    colours = {colour for _, colour in image.getcolors(1 << 20)}
    assert rgb("#a50026") in colours  # 0%: the darkest red
    assert rgb("#006837") in colours  # 100%: the darkest green
    assert rgb("#f2f2f2") in colours  # no report expected: grey, with "—"


def test_every_letter_of_the_plan_and_the_labels_has_a_glyph():
    # A letter missing from the bundled font would be drawn as an empty box.
    plan = load_plan()
    words = [ind.short_name(lang) + ind.name(lang) for ind in plan.indicators for lang in ("vi", "en")]
    words += [a.name(lang) for a in plan.agencies for lang in ("vi", "en")]
    words += [p.name(lang) for p in plan.pillars for lang in ("vi", "en")]
    words += [w.vi + w.en for w in TEXTS.values()]
    words += ["ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐ—…%"]
    for bold in (False, True):
        font = _font(9, bold)
        missing = bytes(font.getmask("\ue000"))  # a private-use character: the font's empty box
        letters = {ch for word in words for ch in word if not ch.isspace() and ord(ch) >= 0x20}
        absent = sorted(ch for ch in letters if bytes(font.getmask(ch)) == missing)
        assert not absent, f"no glyph for {absent}"


def test_the_picture_carries_its_text_alternative_and_is_reproducible(view, lang):
    pillar = view.card.pillars[1]
    png = attainment_chart(pillar, lang)
    assert picture(png).info["Description"] == attainment_alt(pillar, lang)
    assert attainment_chart(replace(pillar), lang) == png  # an equal copy: the same bytes


def with_first(pillar, **changes):
    """The pillar with its first indicator's row changed (``indicator=`` a changed plan entry)."""
    first = replace(pillar.indicators[0], **changes)
    return replace(pillar, indicators=(first, *pillar.indicators[1:]))


def test_a_long_name_is_shortened_with_an_ellipsis_not_cut(view, lang):
    pillar = view.card.pillars[0]
    long = "Tỷ lệ " * 30
    indicator = pillar.indicators[0].indicator.model_copy(update={"short_name_vi": long, "short_name_en": long})
    pillar = with_first(pillar, indicator=indicator)
    assert pillar.indicators[0].short_name(lang) == long
    image = picture(attainment_chart(pillar, lang)).convert("L")
    assert min(image.getpixel((0, y)) for y in range(image.height)) > 235  # still inside the picture


def test_dashes_draw_their_share_of_the_line():
    pieces = _dashed([(0.0, 0.0), (100.0, 0.0), (100.0, 100.0)], on=6.0, off=4.0)
    drawn = sum(math.dist(a, b) for piece in pieces for a, b in zip(piece, piece[1:], strict=False))
    assert drawn == pytest.approx(200 * 0.6, abs=6)  # the pattern runs on around the corner
    assert all(len(piece) >= 2 for piece in pieces)


def test_an_enormous_attainment_is_drawn_at_once(view, lang):
    # A target of 0.001 % met at 50 % is an attainment of 5,000,000 %: the axis takes a few
    # round steps, not millions of grid lines.
    pillar = with_first(view.card.pillars[0], attainment=5e6)
    image = picture(attainment_chart(pillar, lang))
    assert image.width == math.ceil(16.0 / 2.54 * DPI)


@pytest.mark.parametrize("values", [[0.0, 120.0], [0.0, 5e6], [-3.0, 1e12], [40.0, 40.0], [0.0, 0.5]])
def test_axis_ticks_are_few_and_cover_the_values(values):
    found = ticks(values, intervals=6)
    assert 2 <= len(found) <= 7
    assert found[0] <= min(values) and found[-1] >= max(values)


def test_thousands_of_agencies_draw_the_lowest_forty_at_once(view):
    # A ministry's report covers 20,000 reporting units: their heat map would be a picture
    # hundreds of metres tall.  It shows the forty lowest rates and says so in its title.
    quarters = (Q1, Q2)
    names = [f"UBND xã {k}" + "ệ" * (k % 3) for k in range(20_000)]
    names[123] = "Đơn vị có tên dài " * 50_000  # a megabyte-long name is cut, not measured letter by letter
    agencies = tuple(agency(name, {Q1: (k % 97) / 96, Q2: 1.0}) for k, name in enumerate(names))
    drawn = replace(view, quarters=quarters, agencies=agencies, completeness=dict.fromkeys(quarters, 0.5))
    image = picture(completeness_heatmap(drawn, "en"))
    assert image.height < (40 * 0.5 + 2) / 2.54 * DPI  # forty rows of half a centimetre, and the title


def test_a_pillar_of_many_indicators_draws_the_forty_lowest(view, lang):
    pillar = view.card.pillars[0]
    first = pillar.indicators[0]
    pillar = replace(pillar, indicators=tuple(replace(first, attainment=float(k)) for k in range(200)))
    image = picture(attainment_chart(pillar, lang))
    assert image.height < (40 * 0.62 + 3) / 2.54 * DPI  # forty bars of 0.62 cm, not 200
    colour, rgb_image = rgb(STATUS_COLOURS[first.status]), image.convert("RGB")
    bar_rows = [_run(rgb_image, y, colour) > 20 for y in range(image.height)]
    bands = sum(1 for above, row in zip([False, *bar_rows], bar_rows, strict=False) if row and not above)
    assert 30 <= bands <= 40  # the lowest forty (0 … 39 %; the shortest are under 20 pixels)


def test_statuses_read_in_words_and_in_greyscale(view, lang, monkeypatch):
    """Colour is only a second cue: each bar's status is written beside it and named in the
    legend, and the status colours differ in grey too (a report printed in black and white)."""
    from cds_cli.report import charts

    drawn: list[str] = []
    original = charts.Canvas.text
    monkeypatch.setattr(
        charts.Canvas, "text", lambda self, at, text, *a, **k: drawn.append(text) or original(self, at, text, *a, **k)
    )
    pillar = view.card.pillars[0]
    attainment_chart(pillar, lang)
    words = [TEXTS[i.status].vi if lang == "vi" else TEXTS[i.status].en for i in pillar.indicators]
    assert sum(1 for text in drawn if text in words) >= len(words) + len(set(words))  # each bar, and the legend
    greys = sorted(Image.new("RGB", (1, 1), colour).convert("L").getpixel((0, 0)) for colour in STATUS_COLOURS.values())
    assert min(b - a for a, b in zip(greys, greys[1:], strict=False)) >= 20
