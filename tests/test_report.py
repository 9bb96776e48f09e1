"""`cds report`: every format read back, the same numbers as `cds score`, projections, determinism."""

import dataclasses
import os
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import browser
import pytest
from conftest import DATA, cds, cds_json

from cds_cli import load_plan, parse_period, read_submissions
from cds_cli.report import build_report

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "2023"
TREND = DATA / "report" / "trend.csv"


def projections(path, period):
    """Each indicator's projection as its fields (the due period written as cds writes it)."""
    plan = load_plan()
    view = build_report(read_submissions([path], plan), plan, parse_period(period)).view()
    return {row.id: _fields(row.projection) for row in view.card.indicators}


def _fields(projection):
    if projection is None:
        return None
    fields = {f.name: getattr(projection, f.name) for f in dataclasses.fields(projection)}
    return fields | {"period": str(projection.period)}


def test_projection_is_the_line_of_the_status():
    at_q2 = projections(TREND, "2023-Q2")
    # fibre: the line through the baseline (Q0, 60) and now (Q2, 64), read at Q4: 68 < 70
    assert at_q2["soc.households_fiber"] == {"value": 68.0, "likely_met": False, "period": "2023-Q4", "capped": False}
    at_q3 = projections(TREND, "2023-Q3")
    # fibre at Q3 (latest still Q2's 64): (0, 60) → (3, 64), read at 4: 60 + 4·4/3 = 65.33
    assert at_q3["soc.households_fiber"]["value"] == 65.33
    # inspections, no baseline: the provisional baseline (Q1, 10) and YTD 18 at Q3 → Q4 = 22 ≥ 20;
    # and the status agrees: E = 10 + (20 − 10)·2/3 = 16.67 ≤ 18 → on track
    assert at_q3["gov.inspections_digital"] == {"value": 22.0, "likely_met": True, "period": "2023-Q4", "capped": False}
    # a single point, no baseline of either kind: held level
    assert at_q3["soc.adults_digital_signature"] == {
        "value": 12.0,
        "likely_met": False,
        "period": "2023-Q4",
        "capped": False,
    }
    assert at_q3["sec.soc_4_layer"] is None and at_q3["econ.sme_digital_platforms"] is None


def test_likely_met_is_exactly_the_status_and_final_statuses_have_no_projection():
    """§9: "likely met" holds exactly when the status is achieved or on track; an indicator
    whose due quarter has come (sec.systems_classified_protected in Q3) has no projection."""
    plan = load_plan()
    report = read_submissions([EXAMPLES], plan)
    for quarter in ("2023-Q1", "2023-Q2", "2023-Q3"):
        view = build_report(report, plan, parse_period(quarter)).view()
        for item in view.card.indicators:
            projection = item.projection
            due = item.indicator.due
            if due <= quarter or item.unit == "milestone" or item.status in ("no_data", "achieved"):
                assert projection is None, (quarter, item.id)
            else:
                assert projection is not None, (quarter, item.id)
                assert projection.likely_met is (item.status == "on_track"), (quarter, item.id)
                assert 0 <= projection.value <= 100
    q3 = build_report(report, plan, parse_period("2023-Q3")).view()
    protected = next(i for i in q3.card.indicators if i.id == "sec.systems_classified_protected")
    assert protected.status == "not_achieved" and protected.projection is None


def test_a_percent_projection_is_capped_and_says_so(write):
    # no baseline; Q1 50 then Q2 90: the line (1, 50) → (2, 90) reaches 170 at Q4, shown as 100
    path = write(
        "fast.csv",
        "agency,period,indicator,numerator,denominator,value,note\n"
        "VPUBND,2023-Q1,gov.reports_connected,,,50,\n"
        "VPUBND,2023-Q2,gov.reports_connected,,,90,\n",
    )
    projection = projections(path, "2023-Q2")["gov.reports_connected"]
    assert projection == {"value": 100.0, "likely_met": True, "period": "2023-Q4", "capped": True}
    text = cds("report", path, "--period", "2023-Q2", "--format", "md", "--lang", "en").stdout
    assert "100.00 (capped)" in text and "within 0% and 100%" in text


def test_year_end_report_uses_only_final_statuses(tmp_path):
    out = tmp_path / "year.md"
    assert cds("report", EXAMPLES, "--period", "2023-Q4", "--format", "md", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Không đạt" in text and "Đạt" in text
    for word in ("Có nguy cơ không đạt", "Chậm tiến độ", "Đúng tiến độ"):
        assert word not in text, word


def test_no_projection_once_the_fourth_quarter_is_in():
    assert all(p is None for p in projections(EXAMPLES, "2023-Q4").values())


class Collector(HTMLParser):
    """Every table row as cell texts, with the indicator id the row shows (its small span.id),
    and every chart image (svg role=img) with its aria-label and <title>."""

    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell, self.external = [], None, None, []
        self.images, self.title, self.in_id, self.row_id = [], None, False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr":
            self.row, self.row_id = [], None
        elif tag in ("td", "th"):
            self.cell = ""
        elif tag == "svg" and attrs.get("role") == "img":
            self.images.append({"label": attrs.get("aria-label"), "title": None, "class": attrs.get("class")})
        elif tag == "title" and self.images:
            self.title = ""
        self.in_id = self.in_id or (tag == "span" and attrs.get("class") == "id")
        for name, value in attrs.items():
            if name in ("src", "href") and value and "://" in value:
                self.external.append(value)

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        if self.title is not None:
            self.title += data
        if self.in_id and self.row is not None:
            self.row_id = (self.row_id or "") + data

    def handle_endtag(self, tag):
        if tag == "span":
            self.in_id = False
        elif tag == "title" and self.title is not None:
            self.images[-1]["title"], self.title = self.title, None
        elif tag in ("td", "th") and self.row is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append((self.row_id, self.row))
            self.row = None


@pytest.fixture(scope="module")
def html_report(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "report.html"
    result = cds(
        "report", EXAMPLES, "--year", "2023", "--period", "2023-Q3", "--format", "html", "-o", path, "--lang", "en"
    )
    assert result.exit_code == 0, result.output
    return path


def test_html_has_every_indicator_with_the_numbers_of_cds_score(html_report):
    parser = Collector()
    parser.feed(html_report.read_text(encoding="utf-8"))
    by_id = {}
    for row_id, row in parser.rows:  # the pillar tables come first; the projection table repeats some ids
        if row_id:
            by_id.setdefault(row_id, row)
    score = cds_json("score", EXAMPLES, "--period", "2023-Q3", "--lang", "en")
    assert len(score["indicators"]) == 29
    for item in score["indicators"]:
        row = by_id[
            item["id"]
        ]  # name (short name, full wording, id), 2022, target, Q1..Q3, trend, attainment, status, gap
        assert row[0].startswith(item["short_name"]) and row[0].endswith(item["id"])
        attainment = "—" if item["attainment"] is None else f"{item['attainment']:,.2f}"
        assert row[-3] == attainment, item["id"]
        assert (
            row[-2]
            == {
                "achieved": "Achieved",
                "on_track": "On track",
                "at_risk": "At risk",
                "off_track": "Off track",
                "not_achieved": "Not achieved",
                "no_data": "No data",
            }[item["status"]]
        )
        if isinstance(item["value"], float):
            assert row[5] == f"{item['value']:,.2f}"
    charted = [i for i in score["indicators"] if i["unit"] == "percent" and i["value"] is not None]
    kinds = [image["class"] for image in parser.images]
    assert kinds.count("spark") == 29 and kinds.count("traj") == len(charted) == 24
    assert all(image["label"] and image["label"] == image["title"] for image in parser.images)  # text alternatives
    assert parser.external == []  # self-contained: nothing fetched


def test_html_is_printable_on_a4(html_report):
    text = html_report.read_text(encoding="utf-8")
    assert "@page { size: A4" in text and "page-break-inside: avoid" in text and "<script" not in text


def test_markdown_report_in_vietnamese(tmp_path):
    result = cds("report", EXAMPLES, "--period", "2023-Q2", "--format", "md", "--date", "2023-07-10")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("# Báo cáo kết quả thực hiện Kế hoạch chuyển đổi số năm 2023")
    assert "ngày 05/4/2023" in text and "10/7/2023" in text and "## III. Dự báo khả năng đạt mục tiêu" in text
    # indicators by name, never by id: the full name in the pillar table, the short one in the outlook
    assert "gov.dossiers_online" not in text
    assert "| Hồ sơ thủ tục hành chính tiếp nhận, giải quyết và trả kết quả trực tuyến |" in text
    assert "| Hồ sơ TTHC giải quyết trực tuyến | 22,48 | ≥ 30 |" in text
    assert "| Chỉ tiêu | Năm 2022 | Mục tiêu 2023 | Quý I | Quý II | Mức đạt % |" in text  # quarters in words


@pytest.mark.parametrize("fmt", ["html", "md", "docx", "xlsx"])
def test_same_inputs_give_identical_bytes(tmp_path, fmt):
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    for path in (first, second):
        assert cds("report", EXAMPLES, "--format", fmt, "-o", path).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_date_comes_from_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1705276800")  # 2024-01-15
    text = cds("report", EXAMPLES, "--format", "md", "--lang", "en").stdout
    assert "15 January 2024" in text


def workbook_inputs(path: Path) -> list[tuple[str, str]]:
    """(file, SHA-256) pairs of the XLSX report's summary sheet: the hashes live there (and in
    scripts' JSON), not in the documents people read."""
    import openpyxl

    cells = [[c.value for c in row] for row in openpyxl.load_workbook(path).worksheets[0].iter_rows()]
    return [(row[0], row[1]) for row in cells if isinstance(row[1], str) and len(row[1]) == 64]


def test_report_lists_inputs_with_sha256_in_the_workbook_only(tmp_path):
    import hashlib

    source = EXAMPLES / "2023-Q1" / "STTTT.csv"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert cds("report", source, "--format", "xlsx", "-o", tmp_path / "r.xlsx").exit_code == 0
    assert workbook_inputs(tmp_path / "r.xlsx") == [(str(source), digest)]
    text = cds("report", source, "--format", "md").stdout
    assert digest not in text and str(source) in text  # people read the file's name, as given


def test_a_report_from_standard_input_names_the_bytes_it_scored(tmp_path):
    # `cat f.csv | cds report -`: the input is listed as <stdin> with the SHA-256 of what
    # came down the pipe (it cannot be read a second time to hash it).
    import hashlib
    import sys

    data = (EXAMPLES / "2023-Q1" / "STTTT.csv").read_bytes()
    subprocess.run(
        [sys.executable, "-m", "cds_cli", "report", "-", "--format", "xlsx", "-o", str(tmp_path / "r.xlsx")],
        input=data,
        capture_output=True,
        check=True,
    )
    assert workbook_inputs(tmp_path / "r.xlsx") == [("<stdin>", hashlib.sha256(data).hexdigest())]


@pytest.mark.parametrize(
    "args", [["--year", "2022"], ["--date", "15/01/2024"], ["--period", "2024-Q1"], ["--format", "pdf"]]
)
def test_report_usage_errors(args):
    result = cds("report", EXAMPLES, *args)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_report_is_written_atomically(tmp_path, monkeypatch):
    from cds_cli import outputs as atomic

    target = tmp_path / "r.html"
    target.write_text("the previous report")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(target, b"new")
    assert target.read_text() == "the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]  # no half-written leftovers


CHROMIUM = browser.chromium()


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM and not os.environ.get("CI"), reason="headless Chromium is installed by .ci/run")
def test_html_report_renders_in_headless_chromium(html_report, tmp_path):
    from PIL import Image, ImageStat

    assert CHROMIUM, "CI must have Chromium: .ci/run installs Debian's chromium package"
    flags = [
        *browser.FLAGS,
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1200,1800",
        "--enable-logging=stderr",
        "--v=0",
    ]
    shot = tmp_path / "page.png"
    run = subprocess.run(
        [CHROMIUM, *flags, f"--screenshot={shot}", html_report.as_uri()], capture_output=True, text=True, timeout=120
    )
    assert shot.exists(), run.stderr[-2000:]
    assert "Uncaught" not in run.stderr and ":CONSOLE(" not in run.stderr  # no page errors
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", html_report.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    assert dom.count("<svg") >= 20 and "gov.dossiers_online" in dom
    image = Image.open(shot).convert("L")
    stat = ImageStat.Stat(image)
    assert stat.stddev[0] > 20  # not a blank page
    colours = Image.open(shot).convert("RGB").getcolors(maxcolors=1 << 20)
    assert len(colours) > 50  # text and drawn charts, not a flat fill


def test_every_submission_finding_has_words_for_the_reports():
    """The reports people read name findings by what they are, never by their codes."""
    import re

    from cds_cli.words.messages import TEXTS

    source = Path(__file__).resolve().parents[1] / "src" / "cds_cli" / "submissions"
    raised = re.compile(r'(?:Finding|Rule|\.finding|_unusable)\(\s*"(\w+)"')
    codes = {code for path in source.glob("*.py") for code in raised.findall(path.read_text(encoding="utf-8"))}
    assert len(codes) > 20
    assert not [code for code in codes if f"problem.{code}" not in TEXTS]
