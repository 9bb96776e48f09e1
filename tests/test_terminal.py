"""The terminal tables fit 80, 100, 120 and 200 columns: names first and wrapped, nothing cut."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from cds_cli.console import app
from cds_cli.console.terminal import MIN_WRAP, Column, fit
from cds_cli.words.labels import label, shown

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "2023"
WIDTHS = [80, 100, 120, 200]
ANSI_COLOUR = re.compile(r"\x1b\[(?:\d+;)*3\dm")
# The baseline of gov.documents_signed_electronic ("đạt khoảng 98%"), as each language words it.
HEDGED_BASELINE = {"vi": "khoảng 98", "en": "about 98"}  # in the plan's words, not "khoảng 98,00"


def run(*args: object, width: int, **env: str):
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": str(width), **env})


@pytest.fixture(scope="module")
def card():
    result = CliRunner().invoke(app, ["score", str(EXAMPLES), "--period", "2023-Q2", "-f", "json", "--lang", "vi"])
    return json.loads(result.stdout)


def _words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_scorecard_fits_and_cuts_nothing(card, width, lang):
    result = run("score", EXAMPLES, "--period", "2023-Q2", "--lang", lang, width=width)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    assert "…" not in result.stdout  # nothing ellipsised
    english = json.loads(
        CliRunner().invoke(app, ["score", str(EXAMPLES), "--period", "2023-Q2", "-f", "json", "--lang", lang]).stdout
    )
    for item in english["indicators"]:
        # the short name, word for word (it may wrap); the value, target and status each whole on one line
        assert all(word in result.stdout for word in _words(item["short_name"])), item["id"]
        assert any(shown(item["value"], lang) in line for line in lines), item["id"]
        assert any(label(item["status"], lang) in line for line in lines), item["id"]
        assert item["id"] not in result.stdout  # ids only with --ids
    if width >= 120:  # room for the baseline: its hedge stays with the number
        assert any(HEDGED_BASELINE[lang] in line for line in lines)


def test_the_examples_fit_100_columns_with_attainment(card):
    lines = run("score", EXAMPLES, "--period", "2023-Q2", width=100).stdout.splitlines()
    header = " ".join(lines[2:5])
    assert "Mức" in header and "Giá trị" in header and "Trạng thái" in header and "Chỉ tiêu" in header


@pytest.mark.parametrize("width", WIDTHS)
def test_ids_add_a_column(width):
    result = run("score", EXAMPLES, "--ids", "--lang", "en", width=width)
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= width
    if width >= 120:  # asked for, the id goes before the less important figures
        assert "gov.online_services_with_applications" in result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["status", EXAMPLES],
        ["indicators"],
        ["score", EXAMPLES, "--by", "agency"],
        ["indicators", "--context"],
        ["status", EXAMPLES, "--ids"],
    ],
)
@pytest.mark.parametrize("width", WIDTHS)
def test_other_tables_fit(command, width):
    for lang in ("vi", "en"):
        result = run(*command, "--lang", lang, width=width)
        assert result.exit_code == 0, result.output
        assert max(cell_len(line) for line in result.stdout.splitlines()) <= width
        assert "…" not in result.stdout


def test_colour_only_on_statuses_and_no_color_respected():
    coloured = run("score", EXAMPLES, "--period", "2023-Q2", "--lang", "en", width=120, FORCE_COLOR="1").stdout
    colour_lines = [line for line in coloured.splitlines() if ANSI_COLOUR.search(line)]
    assert colour_lines and all(
        re.search(r"Achieved|On track|At risk|Off track|Not achieved|No data|\d+ error", line) for line in colour_lines
    )
    plain = run("score", EXAMPLES, "--period", "2023-Q2", width=120, FORCE_COLOR="1", NO_COLOR="1").stdout
    assert not ANSI_COLOUR.search(plain)


def test_fit_drops_the_least_important_first_and_keeps_names_readable():
    name = Column("Name", ["a long indicator name that wraps"], 0, "left", wraps=True)
    value = Column("Value", ["100.00"], 0)
    extra = Column("Extra", ["x" * 30], 5)
    middle = Column("Middle", ["y" * 10], 2)
    layout = {column.header: width for column, width in fit([name, value, middle, extra], 50)}
    assert "Extra" not in layout and layout["Middle"] == 10 and layout["Value"] == 6
    assert layout["Name"] >= MIN_WRAP and sum(layout.values()) + 3 * len(layout) + 1 <= 50


@pytest.mark.parametrize("width", WIDTHS)
def test_the_provisional_note_stands_only_beside_its_marks(width):
    """The note explains the `*` of an expected value: where the Expected column is dropped
    for want of room, the marks are gone and so is the note."""
    out = run("score", EXAMPLES, "--period", "2023-Q3", "--lang", "en", width=width).stdout
    marked = re.search(r"\d\*", out) is not None
    assert marked == ("provisional baseline: the value of Q1 2023" in out)
    if width >= 120:
        assert marked  # room enough for the Expected column
