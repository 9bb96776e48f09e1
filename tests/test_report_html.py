"""The HTML report as people see it: short names first, status chips with words, charts with
text alternatives, one self-contained file — and, in headless Chromium, its layout from a small
phone (360 px) to a wide screen (1600 px), and printed on A4.  Screenshots are left in
out/html-report/ (not committed)."""

from __future__ import annotations

import importlib.util
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import browser
import pytest
from conftest import cds

from cds_cli import load_plan, read_submissions
from cds_cli.periods import Period
from cds_cli.report import build_report
from cds_cli.report.text import attainment_alt, completeness_alt, trajectory_alt, trend_alt
from cds_cli.words.labels import quarter_name

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "2023"
ARTIFACTS = ROOT / "out" / "html-report"
needs_browser = pytest.mark.skipif(
    not browser.chromium() and not os.environ.get("CI"), reason="headless Chromium is installed by .ci/run"
)


@pytest.fixture(scope="module")
def page():
    """page(lang, period) -> the report's HTML text (rendered once per language and period)."""
    pages: dict[tuple[str, str], str] = {}

    def render(lang: str, period: str = "2023-Q4") -> str:
        if (lang, period) not in pages:
            result = cds("report", EXAMPLES, "--period", period, "-f", "html", "--lang", lang)
            assert result.exit_code == 0, result.output
            pages[lang, period] = result.stdout
        return pages[lang, period]

    return render


@pytest.fixture(scope="module")
def view():
    plan = load_plan()
    return build_report(read_submissions([EXAMPLES], plan), plan).view()


def test_short_name_first_id_small_full_wording_on_a_click(page, view):
    html = page("en")
    for item in view.card.indicators:
        short, full, id_ = (
            re.escape(text).replace("'", "&#x27;") for text in (item.short_name("en"), item.name("en"), item.id)
        )
        if item.short_name("en") == item.name("en"):
            cell = f'<span class="short">{short}</span><span class="id">{id_}</span>'
        else:
            details = f'<details><summary title="{full}">{short}</summary><p class="full">{full}</p></details>'
            cell = f'{details}<span class="id">{id_}</span>'
        assert re.search(f'<td class="name text"[^>]*>{cell}</td>', html), item.id


@pytest.mark.parametrize(
    "lang, words, never",
    [
        ("vi", ["Đạt", "Không đạt", "Chưa có số liệu"], ["Có nguy cơ không đạt", "Chậm tiến độ", "Đúng tiến độ"]),
        ("en", ["Achieved", "Not achieved", "No data"], ["At risk", "Off track", "On track"]),
    ],
)
def test_status_is_a_chip_with_its_word(page, lang, words, never):
    """The year-end report words only the final statuses: a missed target is "not achieved"."""
    chips = re.findall(r'<span class="chip s-(\w+)">([^<]+)</span>', page(lang))
    assert len(chips) >= 29 and all(word.strip() for _, word in chips)  # never colour alone
    shown = {word for _, word in chips}
    assert shown >= set(words) and not shown & set(never)
    assert {status for status, _ in chips} <= {"achieved", "not_achieved", "no_data"}


def test_summary_band_has_index_pillars_statuses_and_reporting_rate(page):
    band = page("en").split('<section class="band">')[1].split("</section>")[0]
    assert "Index" in band and "91.14 (provisional)" in band and band.count('class="card pillar"') == 4
    assert "data coverage 67%" in band  # the digital economy: 2 of 3 indicators with data
    assert "reports received 80%" in band  # beside the index and every pillar score
    assert "Achieved<b>11</b>" in band and "Not achieved<b>16</b>" in band and "No data<b>2</b>" in band
    assert "At risk" not in band and "Off track" not in band  # the year is over: only the final three
    assert "80%" in band and "185 of 232 reports received for Q4 2023" in band
    assert "Provisional index: only 185 of 232 reports due were received (80%)" in page("en")


def test_every_chart_has_a_text_alternative(page, view):
    html = page("en")
    images = re.findall(r'<svg class="(\w+)"[^>]*role="img" aria-label="([^"]*)"><title>([^<]*)</title>', html)
    # all but the legend's samples (aria-hidden): value, expected and target — no projection
    # sample at the year's end, when nothing is projected
    assert len(images) == html.count("<svg") - 3
    legend = html.split('<p class="legend">')[1].split("</p>")[0]
    assert "Projected" not in legend and "Expected" in legend
    assert all(label and label == title for _, label, title in images)
    fibre = next(i for i in view.card.indicators if i.id == "soc.households_fiber")
    assert trend_alt(fibre, "en") == (
        "Households covered by fibre broadband: Q1 2023 62.00 · Q2 2023 62.00 · "
        "Q3 2023 66.00 · Q4 2023 68.20; target ≥ 70"
    )
    assert trajectory_alt(fibre, "en", {"baseline_year": 2022}).startswith(
        "Line chart — Households covered by fibre broadband: 2022 above 60 · Q1 2023 62.00"
    )
    assert "Digital economy: Enterprises using e-contracts" in attainment_alt(view.card.pillars[2], "en")
    assert completeness_alt(view, "en").endswith("province: Q1 2023 89% · Q2 2023 96% · Q3 2023 97% · Q4 2023 80%")


def test_the_word_report_pictures_carry_the_same_text_alternative(view):
    import io

    from PIL import Image

    from cds_cli.report.charts import attainment_chart

    picture = Image.open(io.BytesIO(attainment_chart(view.card.pillars[2], "en")))
    assert picture.info["Description"] == attainment_alt(view.card.pillars[2], "en")


def test_one_file_no_script_no_address_and_no_picture_library(tmp_path):
    code = (
        "import sys; from cds_cli.console import main; sys.argv = ['cds', 'report', sys.argv[1], '-f', 'html', '-o', "
        "sys.argv[2]]\ntry:\n    main()\nexcept SystemExit:\n    pass\nprint('PIL' in sys.modules)"
    )
    out = tmp_path / "report.html"
    run = subprocess.run([sys.executable, "-c", code, str(EXAMPLES), str(out)], capture_output=True, text=True)
    assert run.stdout.strip() == "False", run.stderr  # inline SVG by hand: no picture library loaded
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html and "://" not in html and "url(" not in html and "@import" not in html


# ---- layout in a real browser


@pytest.mark.slow
@needs_browser
@pytest.mark.parametrize("period", ["2023-Q3", "2023-Q4"])  # Q3 has the projection section: the longest page
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_readable_on_a_wide_screen(page, lang, period, tmp_path):
    layout = browser.measure(page(lang, period), 1280, tmp_path)
    assert layout["viewport"] == 1280
    narrow = [cell for cell in layout["cells"] if cell["width"] < 200]
    assert len(layout["cells"]) > 100 and not narrow  # every name of an indicator, agency or file
    assert layout["height"] <= 10_000
    assert layout["scrollWidth"] <= 1280 and layout["scrolling_boxes"] == 0 and not layout["outside"]
    if period == "2023-Q4":
        browser.screenshot(page(lang, period), 1280, layout["height"], _artifact(f"{lang}-1280.png"), tmp_path)


@pytest.mark.slow
@needs_browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_sideways_scroll_on_a_phone(page, lang, tmp_path):
    layout = browser.measure(page(lang), 390, tmp_path)
    assert layout["viewport"] == 390
    assert layout["scrollWidth"] <= 390 and not layout["outside"]  # wide tables scroll inside their own box
    shot = browser.screenshot(page(lang), 390, layout["height"], _artifact(f"{lang}-390.png"), tmp_path)
    from PIL import Image

    with Image.open(shot) as image:
        assert image.width == 390 and len(image.convert("RGB").getcolors(1 << 20)) > 50  # drawn, not blank


WIDTHS = [360, 390, 700, 1024, 1280, 1600]


@pytest.mark.slow
@needs_browser
@pytest.mark.parametrize(
    "lang, period, width",
    [("vi", "2023-Q4", w) for w in WIDTHS]
    + [("en", "2023-Q4", w) for w in (390, 700, 1024, 1280)]
    # Q2: three statuses more, two quarters, and the projection table
    + [("vi", "2023-Q2", 700), ("en", "2023-Q2", 1024)],
)
def test_every_width_shows_every_status_whole_without_sideways_scroll(page, lang, period, width, tmp_path):
    """From a small phone to a wide screen no table scrolls sideways and none is cut: the least
    important columns are hidden first, and every indicator's status chip is shown whole,
    inside its table and the viewport, with the columns a reader cannot do without."""
    layout = browser.measure(page(lang, period), width, tmp_path)
    assert layout["viewport"] == width
    assert layout["scrollWidth"] <= width and not layout["outside"]
    assert layout["scrolling_boxes"] == 0, layout["scrolling"]
    assert not layout["overflowing"]  # no heading or figure runs over its column's edge
    chips = layout["chips"]
    assert len(chips) == 29 and all(chip["inside"] and chip["width"] > 20 for chip in chips), chips
    assert min(cell["width"] for cell in layout["cells"]) >= 160  # names wrap at words, never squeezed
    quarters = [quarter_name(Period(2023, n), lang) for n in range(1, int(period[-1]) + 1)]  # "Quý IV", "Q4"
    words = {"vi": ("Trạng thái", "Mức đạt %", "Mục tiêu 2023"), "en": ("Status", "Attainment %", "2023 target")}
    *tables, heat_first, heat_second = layout["columns"]
    assert len(tables) == 4
    for shown in tables if width > 640 else []:  # a phone shows each row as a card of every figure
        assert {*words[lang], quarters[-1]} <= set(shown)  # never the status, attainment, target, latest quarter
        if width >= 1280:
            assert len(shown) == 7 + len(quarters)  # a wide screen shows them all
    for heat in (heat_first, heat_second):  # the latest quarter next to the agency, the earliest hidden first
        assert heat[1:] == quarters[::-1][: len(heat) - 1] and len(heat) >= 3


@pytest.mark.slow
@needs_browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_printed_on_a4_in_few_pages_names_whole_no_screen_hints(page, lang, tmp_path):
    """Printed, the year-end report takes 7 A4 pages at most (13 before): the summary about a
    page, the four pillar tables and their bars under three with the names 6 cm wide, 24
    trajectories four to a row under two, the heat map and the annex one — and a page spare.
    Each indicator's name is on two lines at most (18 mm wide it took five or six, a word a
    line), each page of a pillar table repeats its header row, and the screen's hints
    (sparklines, "click a name") are not printed."""
    pdf = browser.print_pdf(page(lang), tmp_path / f"report-{lang}.pdf", tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    pages = browser.pdf_pages(pdf)
    assert 4 <= len(pages) <= 7
    text = "\f".join(pages)
    hint = {"vi": ["Bấm vào tên", "Cột diễn biến"], "en": ["Click an indicator", "Trend column"]}[lang]
    assert not any(h in " ".join(text.split()) for h in hint)
    assert '<svg class="spark"' in page(lang) and {"vi": "Diễn biến", "en": "Trend"}[lang] not in text.split("\n")
    plan = load_plan()
    trajectories = text.index({"vi": "III. Diễn biến", "en": "III. Quarterly"}[lang])
    for indicator in plan.indicators:
        name = indicator.short_name(lang)
        words = r"\s+".join(map(re.escape, name.split()))
        found = re.search(words, text[:trajectories])  # the first: the pillar table's cell
        assert found, name
        assert found.group(0).count("\n") <= 1, found.group(0)
    status = {"vi": "Trạng thái", "en": "Status"}[lang]
    table_pages = [p for p in pages if re.search(r"[≥≤]\s*\d", p)]  # a target: a row of a pillar table
    assert len(table_pages) >= 2 and all(status in p for p in table_pages)


@pytest.mark.slow
@needs_browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_printed_name_column_is_at_least_55_mm(page, lang, tmp_path):
    """The print rules at A4's printable width: the name column of every indicator table is
    at least 55 mm wide, every figure shown whole, the sparkline column not."""
    layout = browser.measure(browser.as_printed(page(lang)), round(browser.A4_WIDTH_MM * browser.MM), tmp_path)
    assert len(layout["name_columns"]) == 4
    assert min(layout["name_columns"]) / browser.MM >= 55, layout["name_columns"]
    assert layout["scrolling_boxes"] == 0 and layout["scrollWidth"] <= layout["viewport"]
    assert not layout["outside"] and not layout["overflowing"]
    for shown in layout["columns"][:4]:
        assert {"vi": "Diễn biến", "en": "Trend"}[lang] not in shown
        assert len(shown) == 10  # 11 columns for four quarters, less the trend


@pytest.mark.slow
@needs_browser
def test_the_readme_screenshot_script(tmp_path):
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "docs" / "screenshots.py")
    screenshots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(screenshots)
    report = screenshots.report_html(tmp_path / "report-html.png")
    assert 20_000 < report.stat().st_size <= 150_000
    terminal = screenshots.ansi_to_png(
        "\x1b[1;32mĐạt\x1b[0m 11 · \x1b[31mChậm tiến độ\x1b[0m 7\n", tmp_path / "t.png", columns=40
    )
    from PIL import Image

    with Image.open(terminal) as image:
        width = math.ceil(40 * screenshots.CHAR_WIDTH * screenshots.FONT_SIZE + 2 * screenshots.PAD)
        assert image.width == width and len(image.getcolors()) > 4  # a dark terminal with coloured words


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name
