"""One output table: every --format choice of every command comes from it, and has a renderer;
the plain writers need no terminal library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from cds_cli.console import app, render, tables
from cds_cli.console.outputs import OUTPUTS, formats
from cds_cli.report import FORMATS


def test_every_output_has_its_renderer():
    # the --format choices (read by --help without importing a renderer) and the functions
    # that write them name the same formats, in the same order
    assert {kind: tuple(table) for kind, table in render.RENDERERS.items()} == OUTPUTS
    assert all(callable(f) for table in render.RENDERERS.values() for f in table.values())
    # a terminal renderer is looked up by name when first called: each name is there
    for table in render.RENDERERS.values():
        for fmt in ("table", "text"):
            if fmt in table:
                assert callable(getattr(tables, table[fmt].__name__)), table[fmt].__name__
    assert set(render.KINDS.values()) <= set(OUTPUTS)
    assert formats("breakdown") == formats("score")  # `cds score --by agency` offers the score's formats
    assert formats("report") == tuple(FORMATS)


def test_the_help_lists_the_tables_choices():
    for command, kind in (
        ("score", "score"),
        ("validate", "validate"),
        ("status", "status"),
        ("indicators", "indicators"),
        ("report", "report"),
        ("template", "template"),
    ):
        shown = CliRunner().invoke(app, [command, "--help"]).stdout
        assert f"<{'|'.join(formats(kind))}>" in " ".join(shown.split()), command
    result = CliRunner().invoke(app, ["score", ".", "--format", "yaml"])
    assert result.exit_code == 2 and "yaml" in result.output


def test_version_loads_no_heavy_library():
    from importlib.metadata import version

    out = subprocess.run([sys.executable, "-m", "cds_cli", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"cds {version('cds-cli')}"
    # what it must not load (the speed itself is measured by benchmarks/run.py, not asserted here)
    code = (
        "import sys; from cds_cli.console import main; sys.argv=['cds','--version']\ntry: main()\nexcept SystemExit: "
        "pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'pydantic', 'rich', 'PIL')))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip().endswith("[]"), loaded


def test_the_plain_writers_need_no_terminal_library():
    code = (
        "import io, sys; from cds_cli import load_plan, read_submissions, score, scorecard_view;"
        "from cds_cli import writers;"
        "p = load_plan(); card = scorecard_view(score(read_submissions(['examples/2023'], p), p)); out = io.StringIO();"
        "[w(card, 'vi', out) for w in (writers.score_csv, writers.score_markdown, writers.as_json)];"
        "terminal = ('rich', 'typer', 'click');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in terminal), len(out.getvalue()) > 0)"
    )
    assert _printed_by(code) == "[] True"


def _printed_by(code: str) -> str:
    """What ``code`` prints, run by a fresh Python in the repository (where examples/ is)."""
    root = Path(__file__).resolve().parents[1]
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    ).stdout.strip()


def test_json_from_the_command_line_loads_no_terminal_library():
    # rich is imported for the terminal's tables only; JSON, CSV and annotations go without it
    code = (
        "import io, sys, contextlib; from cds_cli.console import main\n"
        "for argv in (['score', 'examples/2023', '-f', 'json'], ['validate', 'examples/2023', '-f', 'json']):\n"
        "    sys.argv = ['cds', *argv]\n"
        "    try:\n"
        "        with contextlib.redirect_stdout(io.StringIO()): main()\n"
        "    except SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))"
    )
    assert _printed_by(code) == "[]"
