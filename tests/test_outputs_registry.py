"""One output table: every --format choice of every command comes from it, and has a renderer."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from cds_cli.console import app, render
from cds_cli.console.outputs import OUTPUTS, formats
from cds_cli.report import FORMATS


def test_every_output_has_its_renderer():
    for kind, table in OUTPUTS.items():
        for fmt, name in table.items():
            assert callable(getattr(render, name, None)), (kind, fmt, name)
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
