#!/usr/bin/env python3
"""Set up and run cds with nothing but Python 3.11+ installed.

    python3 tasks.py demo    # create .venv, install cds, score the bundled example data
    python3 tasks.py test    # create .venv, install cds and pytest, run the test suite
    python3 tasks.py lint    # create .venv, install the pinned ruff and mypy, check the code

Standard library only, so it works on a fresh machine (Linux, macOS or Windows).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*args: str | Path) -> None:
    print("+", " ".join(map(str, args)), file=sys.stderr, flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True)


def setup(extras: str = "test") -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 — this script may be started by an older Python: say so
        sys.exit(f"cds needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", f".[{extras}]")


def demo() -> None:
    setup()
    run(PYTHON, "-m", "cds_cli", "score", "examples/2023", "--period", "2023-Q2")


def test() -> None:
    setup()
    run(PYTHON, "-m", "pytest", *sys.argv[2:])


def lint() -> None:
    """The quality gate CI runs before the tests; the configuration is in pyproject.toml."""
    setup("test,lint")
    run(PYTHON, "-m", "ruff", "check", ".")
    run(PYTHON, "-m", "ruff", "format", "--check", ".")
    run(PYTHON, "-m", "mypy")


if __name__ == "__main__":
    commands = {"demo": demo, "test": test, "lint": lint}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    try:
        commands[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
