"""Plan packs (docs/plan-packs.md): every command speaks the chosen pack's years, names and numbers."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from packs import ADDED, DROPPED, NUMBER, build_inputs, build_pack
from typer.testing import CliRunner

from cds_cli.console import app

SHA256 = re.compile(r"\b[0-9a-f]{64}\b")
TAGS = re.compile(r"<[^>]*>")


def run(*args: object, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


@pytest.fixture(scope="module", params=[2024, 2026])
def year_dir(request, tmp_path_factory):
    """A working directory with `pack/` (plan of the year) and `inputs/` (its submissions)."""
    year = request.param
    folder = tmp_path_factory.mktemp(f"year{year}")
    build_pack(folder / "pack", year)
    build_inputs(folder / "inputs", year)
    return year, folder


def _forbidden(year: int) -> list[str]:
    # A 2024 pack's baselines are of 2023: "2023" is then the pack's own data (its baseline year).
    return ["2022", "64/KH", *(["2023"] if year != 2024 else [])]


def _text_of(path: Path) -> str:
    """What a person reads in a written file: the text of every XML part of a zip, tags dropped."""
    data = path.read_bytes()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return data.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return " ".join(
            TAGS.sub(" ", archive.read(name).decode("utf-8"))
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        )


# (exit code, command): what each command returns on the pack's inputs.  The inputs hold the
# example submissions' planted bad rows and rows of the indicator the pack dropped, so
# `validate` finds errors (exit 1); the other commands report them and succeed (exit 0: only
# `score --strict` turns data errors into exit 1, README "Exit codes").
COMMANDS = [
    *((0, ["score", "inputs", "-f", fmt]) for fmt in ("table", "json", "csv", "markdown")),
    *((0, ["score", "inputs", "--by", "agency", "-f", fmt]) for fmt in ("table", "json", "csv", "markdown")),
    *((0, ["score", "inputs", "--period", "{year}-Q2", "-f", fmt]) for fmt in ("table", "json")),
    *((1, ["validate", "inputs", "-f", fmt]) for fmt in ("text", "json", "github")),
    *((0, ["indicators", "-f", fmt]) for fmt in ("table", "json")),
    *((0, ["indicators", "--context", "-f", fmt]) for fmt in ("table", "json")),
    *((0, ["status", "inputs", "-f", fmt]) for fmt in ("table", "json", "csv")),
    *((0, ["report", "inputs", "-f", fmt]) for fmt in ("html", "md")),
    *((0, ["report", "inputs", "-f", fmt, "-o", f"out.{fmt}", "--date", "{year}-12-28"]) for fmt in ("docx", "xlsx")),
    (0, ["template", "--agency", "STTTT", "--period", "{year}-Q3", "-f", "csv"]),
    (0, ["template", "--agency", "UBND_HD", "--period", "{year}-Q3", "-f", "xlsx", "-o", "out.xlsx"]),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("exit_code, command", COMMANDS, ids=["-".join(c[:1] + c[2:4]) for _, c in COMMANDS])
def test_every_output_speaks_the_packs_years(year_dir, exit_code, command, lang, monkeypatch):
    year, folder = year_dir
    monkeypatch.chdir(folder)
    args = [part.format(year=year) for part in command]
    result = run(*args, "--plan", "pack", "--lang", lang)
    assert result.exit_code == exit_code, result.output
    written = [Path(args[i + 1]) for i, part in enumerate(args) if part == "-o"]
    page = TAGS.sub(" ", result.stdout) if result.stdout.startswith("<!DOCTYPE") else result.stdout
    shown = SHA256.sub("", page + result.stderr + "".join(_text_of(path) for path in written))
    assert shown.strip()
    for word in _forbidden(year):
        assert word not in shown, (
            f"{word!r} in {' '.join(args)}: …{shown[max(0, shown.find(word) - 80) : shown.find(word) + 40]}…"
        )


@pytest.mark.parametrize("command", ["score", "validate", "indicators", "status", "report", "template", "plan"])
def test_help_names_no_plan_year(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert not re.search(r"20\d\d|64/KH|Bạc Liêu", result.stdout)


def test_the_scorecard_of_another_year(year_dir, monkeypatch):
    year, folder = year_dir
    monkeypatch.chdir(folder)
    doc = json.loads(run("score", "inputs", "--plan", "pack", "-f", "json", "--lang", "en").stdout)
    assert doc["plan"] == {"number": NUMBER, "year": year, "baseline_year": year - 1, "province": "Bạc Liêu"}
    ids = [item["id"] for item in doc["indicators"]]
    assert ADDED in ids and DROPPED not in ids and len(ids) == 29
    paper = next(item for item in doc["indicators"] if item["id"] == ADDED)
    # lower is better: 22% of dossiers on paper against "<= 20" from 35%: attainment 100·20/22
    assert (paper["value"], paper["attainment"], paper["met"], paper["progress"]) == (22.0, 90.91, False, 86.67)
    assert {code["code"] for code in doc["issues"]} >= {"indicator_unknown"}  # the dropped indicator's rows
    table = run("score", "inputs", "--plan", "pack").stdout
    assert f"Mục tiêu {year}" in table and f"Năm {year - 1}" in table and NUMBER in table
    weights = run("indicators", "--plan", "pack", "-f", "json").stdout
    assert "Sở Khoa học, Công nghệ và Truyền thông" in run("status", "inputs", "--plan", "pack").stdout
    assert json.loads(weights)[0]["due"] == f"{year}-Q4"
