"""The pre-commit hooks as a data repository runs them: with pre-commit itself, on real files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import cds

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "2023"
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    """A data repository: one good submission, one bad, a blank form under forms/, a report."""
    data = tmp_path_factory.mktemp("data")
    subprocess.run(["git", "init", "-q", str(data)], check=True)
    (data / "submissions" / "2023-Q1").mkdir(parents=True)
    (data / "forms").mkdir()
    shutil.copy(EXAMPLES / "2023-Q1" / "STTTT.csv", data / "submissions" / "2023-Q1" / "STTTT.csv")
    (data / "submissions" / "2023-Q1" / "bad.ods.csv").write_text(
        "agency,period,indicator,numerator,denominator,value,note\nXYZ,2023-Q1,gov.dossiers_online,1,2,,\n",
        encoding="utf-8",
    )
    assert cds("template", "--agency", "SYT", "--period", "2023-Q2", "-o", data / "forms" / "SYT.xlsx").exit_code == 0
    assert cds("report", EXAMPLES, "--format", "xlsx", "-o", data / "cds-report-2023-Q4.xlsx").exit_code == 0
    subprocess.run(["git", "add", "-A"], cwd=data, check=True)
    return data


def hook(repository: Path, *files: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*PRE_COMMIT, "try-repo", str(ROOT), "cds-validate", "--files", *files],
        cwd=repository,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_validate_hook_passes_good_files_and_skips_forms_and_reports(repository):
    result = hook(repository, "submissions/2023-Q1/STTTT.csv", "forms/SYT.xlsx", "cds-report-2023-Q4.xlsx")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "cds validate (agency submissions)" in result.stdout and "Passed" in result.stdout


def test_the_validate_hook_fails_a_bad_file_naming_its_line(repository):
    result = hook(repository, "submissions/2023-Q1/bad.ods.csv")
    assert result.returncode == 1
    assert "bad.ods.csv:2 [agency]  error agency_unknown" in result.stdout
