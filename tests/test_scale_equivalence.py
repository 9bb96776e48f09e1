"""The same findings, rows and scores whatever the speed work (issue 17: "nothing about
speed may cost a finding").

A 100,000-row file from benchmarks/generate.py (seeded: the same bytes every time, with
its 0.5% defective rows of four kinds and Vietnamese number spellings) is validated and
scored, as one big file (pyarrow's reader) and split in three (a small file through the
csv module, a middling one through pandas' C reader and the rest through pyarrow, stacked).  The JSON of
`cds validate` and `cds score` must hash to what the code printed before the readers,
rules and scoring were made faster (the hashes below were recorded from commit b98f94f,
before any of that work).  A change that alters a finding, a row count or a score shows
here; when an output is changed on purpose, record the new hashes (the test prints them)
and say why in the commit.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

from conftest import cds

ROOT = Path(__file__).resolve().parents[1]
ROWS = 100_000
# Data lines of the generated file in the small and the middling part when it is split.
SMALL_PART, MIDDLING_PART = 2_000, 10_000

EXPECTED = {
    "one file": {
        "validate": "72587bf92eee8bcc15b06e2d6b61b71c236719db3703a6d3c02725a46fc8d5bf",
        "score": "240ae2b0d880854472b3389f2c45bee97511e575064ee8573a9d2dd02afe3101",
    },
    "split": {
        "validate": "8c5f481e457cf8c773f7720db63ca3da6128157bed94139186163e4a7edf080b",
        "score": "e9a3228da04273e81a19082be7cd74dafcb95dc73b7096b82fea2dd9c0423563",
    },
}


def _generate(folder: Path) -> None:
    spec = importlib.util.spec_from_file_location("cds_generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    codes = module.write_agencies(folder / "agencies.yaml", module.units_needed(ROWS))
    module.write_submissions(folder / "submissions.csv", ROWS, codes, 2023)


def _split(folder: Path) -> None:
    """The same rows as three files in a folder: a small one, a middling one, the rest."""
    header, *lines = (folder / "submissions.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    parts = folder / "parts"
    parts.mkdir()
    cut = SMALL_PART + MIDDLING_PART
    for name, part in (("a-small", lines[:SMALL_PART]), ("b-middling", lines[SMALL_PART:cut]), ("c-rest", lines[cut:])):
        (parts / f"{name}.csv").write_text(header + "".join(part), encoding="utf-8")


# Keys each indicator of `cds score --format json` gained after the hashes were recorded, on
# purpose: left out before hashing (every other byte is as it was).
ADDED_SINCE = ("baseline_source",)


def _digest(*args: str) -> str:
    result = cds(*args, "--format", "json")
    assert result.exit_code == (1 if args[0] == "validate" else 0), result.output  # defective rows: errors
    assert f'"read": {ROWS},' in result.stdout  # every data line is read, whichever reader took it
    document = json.loads(result.stdout)
    for item in document.get("indicators", []):
        for key in ADDED_SINCE:
            item.pop(key)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"  # as cds writes it
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_a_hundred_thousand_rows_give_the_same_findings_rows_and_scores(tmp_path, monkeypatch):
    _generate(tmp_path)
    _split(tmp_path)
    monkeypatch.chdir(tmp_path)  # the files are named in the JSON: relative, the same in every run
    found = {}
    for case, inputs in (("one file", "submissions.csv"), ("split", "parts")):
        found[case] = {
            command: _digest(command, inputs, "--agencies", "agencies.yaml") for command in ("validate", "score")
        }
    print(found, file=sys.stderr)
    assert found == EXPECTED
