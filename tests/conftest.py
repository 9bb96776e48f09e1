"""Shared helpers: write small submission files and run the CLI as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cds_cli.console import app

DATA = Path(__file__).parent / "data"
HEADER = "agency,period,indicator,numerator,denominator,value,note\n"


@pytest.fixture
def write(tmp_path):
    """write(name, text, encoding="utf-8") -> Path of a submission file in tmp_path."""

    def _write(name: str, text: str, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(encoding))
        return path

    return _write


def cds(*args: str):
    """Run `cds ARGS`; returns the click Result (exit_code, stdout, stderr)."""
    return CliRunner().invoke(app, [str(a) for a in args])


def cds_json(*args: str, expect_exit: int | None = None) -> dict:
    result = cds(*args, "--format", "json")
    if expect_exit is not None:
        assert result.exit_code == expect_exit, result.output
    return json.loads(result.stdout)


@pytest.fixture(autouse=True)
def _log_width(monkeypatch):
    """Outputs as a CI log gets them: pytest-xdist's workers inherit COLUMNS=80 from their
    pseudo-terminal, which the terminal tables honour; tests that want a width set it."""
    monkeypatch.delenv("COLUMNS", raising=False)
