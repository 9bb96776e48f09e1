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


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    """A data repository in January: plans = ["bundled", "plans/2024"], a late 2023-Q4 report
    and a 2024-Q1 one, a blank 2024 form and a report cds wrote."""
    data = tmp_path_factory.mktemp("years")
    subprocess.run(["git", "init", "-q", str(data)], check=True)
    made = cds("plan", "new", "--year", 2024, "--results", EXAMPLES, "-o", data / "plans" / "2024", "--number", "7/KH")
    assert made.exit_code == 0, made.output
    (data / "cds.toml").write_text('plans = ["bundled", "plans/2024"]\n', encoding="utf-8")
    source = (EXAMPLES / "2023-Q4" / "STTTT.csv").read_bytes()
    for quarter, data_bytes in (("2023-Q4", source), ("2024-Q1", source.replace(b"2023-Q4", b"2024-Q1"))):
        (data / "submissions" / quarter).mkdir(parents=True)
        (data / "submissions" / quarter / "STTTT.csv").write_bytes(data_bytes)
    (data / "forms").mkdir()
    (data / "reports").mkdir()
    form, report = data / "forms" / "SYT_2024-Q2.xlsx", data / "reports" / "cds-report-2023-Q4.xlsx"
    pack_2024 = data / "plans" / "2024"
    assert cds("template", "--agency", "SYT", "--period", "2024-Q2", "--plan", pack_2024, "-o", form).exit_code == 0
    assert cds("report", EXAMPLES, "--format", "xlsx", "-o", report).exit_code == 0
    subprocess.run(["git", "add", "-A"], cwd=data, check=True)
    return data


def test_the_hooks_work_across_the_new_year(years):
    files = ["submissions/2023-Q4/STTTT.csv", "submissions/2024-Q1/STTTT.csv", "forms/SYT_2024-Q2.xlsx"]
    result = hook(years, *files, "reports/cds-report-2023-Q4.xlsx")
    assert result.returncode == 0, result.stdout + result.stderr
    checked = subprocess.run(
        [*PRE_COMMIT, "try-repo", str(ROOT), "cds-plan-check", "--files", "plans/2024/targets_2024.yaml", "-v"],
        cwd=years,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Valid: plan 64/KH-UBND for 2023" in checked.stdout and "Valid: plan 7/KH for 2024" in checked.stdout
