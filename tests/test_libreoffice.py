"""Real files written by LibreOffice (README: Submission files): the filled-in `cds template` form saved as
CSV with commas and with semicolons, as Excel 97 .xls and as .ods, with and without its
title block; and a hand-made form with merged cells as .xls and .ods.

The fixtures in tests/data/libreoffice/ were written by tests/libreoffice.py; when the
`soffice` binary is installed, the last test writes each again and checks that it still
reads the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import cds
from libreoffice import FIXTURES, NAMES, SOFFICE, write_fixture

TEMPLATES = sorted(FIXTURES.glob("template*"))
MERGED = sorted(FIXTURES.glob("merged.*"))


def run(command: str, path: Path, *args: str) -> dict:
    result = cds(command, path, *args, "--format", "json", "--lang", "en")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return json.loads(result.stdout)


def test_every_kind_of_file_is_there():
    names = {path.name for path in TEMPLATES}
    for stem in ("template", "template-notitle"):
        assert {f"{stem}.comma.csv", f"{stem}.semicolon.csv", f"{stem}.xls", f"{stem}.ods"} <= names
    assert {path.name for path in MERGED} == {"merged.xls", "merged.ods"}


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_the_filled_in_template_validates_with_every_row_accepted(path):
    doc = run("validate", path)
    assert doc["valid"] and doc["issues"] == []
    assert doc["rows"] == {"read": 9, "accepted": 9, "rejected": 0, "blank": 0}
    scored = {i["id"]: i["value"] for i in run("score", path)["indicators"]}
    assert scored["gov.dossiers_online"] == pytest.approx(30.85)  # "1.234" typed as text / 4000
    assert scored["soc.citizens_e_health_records"] == pytest.approx(62.5)  # 62,5% typed in a percent cell
    assert scored["sec.systems_classified_protected"] == pytest.approx(80.0)


@pytest.mark.parametrize("name, separator", [("template.comma.csv", ","), ("template.semicolon.csv", ";")])
def test_the_title_block_is_not_counted_and_lines_stay_physical(tmp_path, name, separator):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    bad = tmp_path / name
    bad.write_text(
        text.replace(f"{separator}40{separator}50{separator}", f"{separator}60{separator}50{separator}"),
        encoding="utf-8",
    )
    doc = run("validate", bad)
    assert doc["files"][0]["delimiter"] == separator
    assert doc["rows"] == {"read": 9, "accepted": 8, "rejected": 1, "blank": 0}
    # title (1), empty row (2), header (3), nine rows (4-12): the eighth is line 11
    assert [(i["code"], i["line"]) for i in doc["issues"]] == [("numerator_exceeds_denominator", 11)]


@pytest.mark.parametrize("path", MERGED, ids=lambda p: p.name)
def test_merged_cells_typed_numbers_and_sheet_rows(path):
    doc = run("score", path, "--period", "2023-Q2")
    by_id = {i["id"]: i["value"] for i in doc["indicators"]}
    assert by_id["gov.dossiers_online"] == pytest.approx(30.85)
    assert by_id["gov.dossiers_digitized"] == pytest.approx(75.0)  # the agency cell is merged over it
    assert by_id["soc.citizens_e_health_records"] == pytest.approx(62.5)
    assert doc["rows"] == {"read": 4, "accepted": 3, "rejected": 1, "blank": 0}
    assert [(i["code"], i["line"], i["column"]) for i in doc["issues"]] == [
        ("numerator_exceeds_denominator", 8, "numerator")
    ]


def test_a_directory_of_every_format(tmp_path):
    for path in [FIXTURES / "template.xls", FIXTURES / "template-notitle.ods", FIXTURES / "template.semicolon.csv"]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    doc = run("validate", tmp_path)
    assert [Path(f["file"]).name for f in doc["files"]] == [
        "template-notitle.ods",
        "template.semicolon.csv",
        "template.xls",
    ]
    # the same nine rows three times: identical duplicates, counted once, warnings only
    assert doc["valid"] and doc["rows"]["accepted"] == 9


def test_libreoffice_writes_every_committed_fixture():
    assert sorted(NAMES) == sorted(p.name for p in TEMPLATES + MERGED)


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("name", NAMES)
def test_fixture_written_again_by_libreoffice_reads_the_same(tmp_path, name):
    """One soffice run per fixture, so that pytest-xdist spreads them over the cores."""
    path = write_fixture(name, tmp_path)
    assert path == tmp_path / name and path.is_file()
    for command in ("validate", "score"):
        fresh, committed = run(command, path), run(command, FIXTURES / name)
        for doc in (fresh, committed):
            doc.pop("files", None)
            for issue in doc["issues"]:
                issue.pop("file")
        assert fresh == committed, name
