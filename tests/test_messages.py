"""The one text layer: every word for people in both languages, in one catalogue."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from cds_cli.errors import UsageError
from cds_cli.findings import Finding
from cds_cli.words.messages import LANGS, TEXTS, Term, placeholders, text

SRC = Path(__file__).resolve().parents[1] / "src" / "cds_cli"
SOURCES = sorted(SRC.rglob("*.py"))
VIETNAMESE = re.compile(r"[À-ỹĐđ]")
# A finding or error code in the code: Finding("code", …), Rule("code", …), .finding("code", …),
# _problem("code"), UsageError("code", …).
RAISED = re.compile(r'(?:Finding|Rule|\.finding|_problem|_unusable|Error)\(\s*"(\w+)"')
# Each language writes quarters ("Quý {roman}" / "Q{n}") and dates ("05/4/2023" / "5 April 2023") its own way.
DIFFERENT_PLACEHOLDERS = {
    "quarter",
    "due_by_quarter_end",
    "date.short",
    "quarter_prose",
    "quarter_prose_item",
    "appendix_attached",
}


def test_every_key_has_both_languages_with_the_same_placeholders():
    for key, entry in TEXTS.items():
        assert entry.vi.strip() and entry.en.strip(), key
        if key not in DIFFERENT_PLACEHOLDERS:
            assert placeholders(entry.vi) == placeholders(entry.en), key


def test_every_code_the_code_raises_has_its_texts():
    raised = {match for path in SOURCES for match in RAISED.findall(path.read_text(encoding="utf-8"))}
    assert len(raised) > 60
    missing = [code for code in raised if f"finding.{code}" not in TEXTS and f"error.{code}" not in TEXTS]
    assert not missing


def test_no_vietnamese_literal_outside_the_catalogue():
    found = []
    for path in SOURCES:
        if path.name == "messages.py":
            continue
        source = path.read_text(encoding="utf-8")
        # Lines holding a Vietnamese letter, found once per file: a constant's source segment lies
        # within its own lines, so only a constant touching one of these can hold one (the costly
        # get_source_segment, which splits the whole file on every call, runs only for those).
        marked = {n for n, line in enumerate(source.split("\n"), 1) if VIETNAMESE.search(line)}
        if not marked:
            continue
        tree = ast.parse(source)
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        found += [
            f"{path.name}:{node.lineno}: {node.value[:40]!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and not marked.isdisjoint(range(node.lineno, (node.end_lineno or node.lineno) + 1))
            and VIETNAMESE.search(ast.get_source_segment(source, node) or "")
        ]
    assert not found


def test_renderers_never_test_the_language():
    offenders = [
        f"{path.name}:{n}"
        for path in SOURCES
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\blang\s*[!=]=", line)
    ]
    assert not offenders


def test_words_in_messages_follow_the_reader():
    finding = Finding(
        "number_invalid", "error", "a.csv", 3, "numerator", {"column": Term("column.numerator"), "value": "abc"}
    )
    assert finding.message("vi") == "ô 'Tử số' có giá trị 'abc' không phải là số"
    assert finding.message("en") == "numerator 'abc' is not a number"
    assert text("target", "vi", year=2031) == "Mục tiêu 2031" and text("target", "en", year=2031) == "2031 target"


def test_a_missing_placeholder_fails_loudly_and_a_language_must_be_known():
    with pytest.raises(KeyError):
        text("target", "vi")
    with pytest.raises(ValueError):
        text("achieved", "fr")
    assert set(LANGS) == {"vi", "en"}


def test_errors_are_worded_in_both_languages():
    error = UsageError("no_such_input", paths="x.csv")
    assert error.message("en") == str(error) == "no such file or directory: x.csv"
    assert error.message("vi") == "không có tệp hoặc thư mục: x.csv"
