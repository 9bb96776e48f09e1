"""The HTML report as people see it: short names first, status chips with words, charts with
text alternatives, one self-contained file — and, in headless Chromium, its layout at a wide
screen (1280 px) and a phone (390 px).  Screenshots are left in out/html-report/ (not committed)."""

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
from cds_cli.report import build_report
from cds_cli.report.text import attainment_alt, completeness_alt, trajectory_alt, trend_alt

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
def doc():
    plan = load_plan()
    return build_report(read_submissions([EXAMPLES], plan), plan).to_dict("en")


def test_short_name_first_id_small_full_wording_on_a_click(page, doc):
    html = page("en")
    for item in (i for p in doc["pillars"] for i in p["indicators"]):
        short, full, id_ = (re.escape(item[k]).replace("'", "&#x27;") for k in ("short_name", "name", "id"))
        if item["short_name"] == item["name"]:
            cell = f'<span class="short">{short}</span><span class="id">{id_}</span>'
        else:
            details = f'<details><summary title="{full}">{short}</summary><p class="full">{full}</p></details>'
            cell = f'{details}<span class="id">{id_}</span>'
        assert re.search(f'<td class="name text"[^>]*>{cell}</td>', html), item["id"]


@pytest.mark.parametrize(
    "lang, words, never",
    [
        ("vi", ["Đạt", "Không đạt", "Chưa có số liệu"], ["Có nguy cơ không đạt", "Chậm tiến độ", "Đúng tiến độ"]),
        ("en", ["achieved", "not achieved", "no data"], ["at risk", "off track", "on track"]),
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
    assert "achieved<b>11</b>" in band and "not achieved<b>16</b>" in band and "no data<b>2</b>" in band
    assert "at risk" not in band and "off track" not in band  # the year is over: only the final three
    assert "80%" in band and "185 of 232 reports received for 2023-Q4" in band
    assert "Provisional index: only 185 of 232 reports due were received (80%)" in page("en")


def test_every_chart_has_a_text_alternative(page, doc):
    html = page("en")
    images = re.findall(r'<svg class="(\w+)"[^>]*role="img" aria-label="([^"]*)"><title>([^<]*)</title>', html)
    # all but the legend's samples (aria-hidden): value, expected and target — no projection
    # sample at the year's end, when nothing is projected
    assert len(images) == html.count("<svg") - 3
    legend = html.split('<p class="legend">')[1].split("</p>")[0]
    assert "Projected" not in legend and "Expected" in legend
    assert all(label and label == title for _, label, title in images)
    fibre = next(i for p in doc["pillars"] for i in p["indicators"] if i["id"] == "soc.households_fiber")
    assert trend_alt(fibre, "en") == (
        "Households covered by fibre broadband: 2023-Q1 62.00 · 2023-Q2 62.00 · "
        "2023-Q3 66.00 · 2023-Q4 68.20; target >= 70"
    )
    assert trajectory_alt(fibre, "en", {"baseline_year": 2022}).startswith(
        "Line chart — Households covered by fibre broadband: 2022 above 60.00 · 2023-Q1 62.00"
    )
    assert "Digital economy: Enterprises using e-contracts" in attainment_alt(doc["pillars"][2], "en")
    assert completeness_alt(doc["completeness"], doc["meta"]["quarters"], "en").endswith(
        "province: 2023-Q1 89% · 2023-Q2 96% · 2023-Q3 97% · 2023-Q4 80%"
    )


def test_the_word_report_pictures_carry_the_same_text_alternative(doc):
    import io

    from PIL import Image

    from cds_cli.report.charts import attainment_chart

    picture = Image.open(io.BytesIO(attainment_chart(doc["pillars"][2], "en")))
    assert picture.info["Description"] == attainment_alt(doc["pillars"][2], "en")


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
