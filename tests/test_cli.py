"""The commands as a user runs them: the documented JSON keys, formats, languages, exit codes."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import cds, cds_json

from cds_cli import load_plan, parse_period, read_submissions, score, scorecard_document, scorecard_view
from cds_cli.json_documents import breakdown_document, status_document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "2023"


def test_score_json_has_the_contract_keys():
    doc = cds_json("score", EXAMPLES, "--period", "2023-Q2", expect_exit=0)
    assert {"period", "indicators", "pillars", "index", "rows", "issues"} <= set(doc)
    assert doc["period"] == "2023-Q2"
    assert len(doc["indicators"]) == 29
    for item in doc["indicators"]:
        assert {
            "id",
            "pillar",
            "unit",
            "comparator",
            "target",
            "baseline",
            "value",
            "attainment",
            "progress",
            "expected",
            "met",
            "status",
        } <= set(item)
        assert item["status"] in {"achieved", "on_track", "at_risk", "off_track", "not_achieved", "no_data"}
    assert [p["id"] for p in doc["pillars"]] == ["gov", "sec", "econ", "soc"]
    assert set(doc["index"]) >= {"score", "coverage"}
    rows = doc["rows"]
    assert rows["read"] == rows["accepted"] + rows["rejected"]
    for issue in doc["issues"]:
        assert set(issue) >= {"code", "severity", "file", "line", "column", "message"}


def test_statuses_through_the_year_and_at_its_end():
    """The examples, quarter by quarter: judgements before an indicator's due quarter, facts
    from it on; the year-end scorecard has only achieved / not achieved / no data."""
    q2 = {i["id"]: i for i in cds_json("score", EXAMPLES, "--period", "2023-Q2")["indicators"]}
    online = q2["gov.dossiers_online"]  # no 2022 figure: the path starts at Q1's 17,49
    assert online["provisional_baseline"] == {"period": "2023-Q1", "value": 17.49}
    assert online["expected"] == 21.66 and online["value"] == 22.48 and online["status"] == "on_track"
    assert q2["soc.households_fiber"]["provisional_baseline"] is None  # the plan's 2022 baseline
    q3 = cds_json("score", EXAMPLES, "--period", "2023-Q3")
    protected = next(i for i in q3["indicators"] if i["id"] == "sec.systems_classified_protected")
    assert protected["due"] == "2023-Q3" and protected["status"] == "not_achieved"  # 94,83 < 100 at its due quarter
    assert "not_achieved" in q3["statuses"] and "at_risk" in q3["statuses"]
    q4 = cds_json("score", EXAMPLES, "--period", "2023-Q4")
    assert q4["statuses"] == ["achieved", "not_achieved", "no_data"]
    assert {i["status"] for i in q4["indicators"]} == {"achieved", "not_achieved", "no_data"}
    digitized = next(i for i in q4["indicators"] if i["id"] == "gov.dossiers_digitized")
    assert (digitized["value"], digitized["status"]) == (72.5, "not_achieved")
    assert q4["summary"]["on_track"] == q4["summary"]["at_risk"] == q4["summary"]["off_track"] == 0


def test_the_terminal_marks_a_provisional_baseline_and_a_provisional_index():
    q2 = cds("score", EXAMPLES, "--period", "2023-Q2", "--lang", "en")
    assert "21.66*" in q2.stdout  # gov.dossiers_online's expected value rests on Q1's
    assert "* provisional baseline: the value of Q1 2023 (the plan states no 2022 figure)" in q2.stdout
    assert "Provisional" not in q2.stdout  # 96% of the reports: the index stands
    q4 = cds("score", EXAMPLES, "--period", "2023-Q4", "--lang", "en").stdout
    assert "91.14 (provisional)" in q4
    assert "Provisional index: only 185 of 232 reports due were received (80%)" in q4
    assert "Achieved 11 · Not achieved 16 · No data 2" in q4 and "On track" not in q4
    assert "*" not in q4  # no expected value rests on a provisional baseline at the year's end


def test_milestone_json_uses_status_strings():
    by_id = {i["id"]: i for i in cds_json("score", EXAMPLES, "--period", "2023-Q2")["indicators"]}
    soc = by_id["sec.soc_4_layer"]
    assert soc["target"] == "done" and soc["baseline"] == "in_progress" and soc["value"] == "in_progress"
    assert soc["progress"] is None and soc["expected"] is None


def test_period_defaults_to_the_latest_reported():
    assert cds_json("score", EXAMPLES)["period"] == "2023-Q4"


def test_lang_changes_messages_never_keys_or_codes():
    vi = cds_json("score", EXAMPLES, "--lang", "vi")
    en = cds_json("score", EXAMPLES, "--lang", "en")
    assert [i["code"] for i in vi["issues"]] == [i["code"] for i in en["issues"]]
    assert [i["status"] for i in vi["indicators"]] == [i["status"] for i in en["indicators"]]
    assert vi["issues"][0]["message"] != en["issues"][0]["message"]


def test_strict_turns_errors_into_exit_1_and_still_prints():
    assert cds("score", EXAMPLES, "--format", "json").exit_code == 0
    strict = cds("score", EXAMPLES, "--format", "json", "--strict")
    assert strict.exit_code == 1
    assert len(json.loads(strict.stdout)["indicators"]) == 29


def test_warnings_alone_never_change_the_exit_code(write):
    header = "agency,period,indicator,numerator,denominator,value,note\n"
    row = "SYT,2023-Q2,gov.dossiers_online,10,100,,\n"
    path = write("dup.csv", header + row + row)
    assert cds("validate", path).exit_code == 0
    assert cds("score", path, "--strict").exit_code == 0


def test_validate_examples_lists_every_planted_mistake():
    doc = cds_json("validate", EXAMPLES, expect_exit=1)
    assert doc["valid"] is False
    assert doc["rows"] == {"read": 853, "accepted": 838, "rejected": 15, "blank": 1}
    assert sum(i["severity"] == "warning" for i in doc["issues"]) == 1


def test_score_table_shows_baseline_target_and_summary():
    result = cds("score", EXAMPLES, "--period", "2023-Q2", "--lang", "en", "--ids")
    assert result.exit_code == 0
    out = result.stdout
    assert "gov.dossiers_online" in out and "Dossiers handled online" in out and "Digital government".upper() in out
    assert "est. 80" in out and "est. 80.00" not in out and "≥ 30" in out
    assert "cds validate" in out  # the pointer to rejected rows


def test_score_table_in_vietnamese_by_default():
    out = cds("score", EXAMPLES, "--period", "2023-Q2").stdout
    assert "CHÍNH QUYỀN SỐ" in out and "Chỉ số chung" in out and "ước 80" in out


def test_csv_output_is_one_row_per_indicator():
    out = cds("score", EXAMPLES, "--period", "2023-Q2", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 29 and rows[0]["period"] == "2023-Q2" and rows[0]["id"] == "gov.online_services_multichannel"


def test_markdown_output_has_a_table_per_pillar():
    out = cds("score", EXAMPLES, "--format", "markdown", "--lang", "en").stdout
    assert out.count("\n## ") == 5 and "| gov.dossiers_online |" in out


def test_indicators_catalogue_json():
    items = cds_json("indicators", expect_exit=0)
    assert len(items) == 29
    fiber = next(i for i in items if i["id"] == "soc.households_fiber")
    assert (fiber["baseline"], fiber["baseline_qualifier"], fiber["target"]) == (60, "above", 70)


@pytest.mark.parametrize(
    "args",
    [
        ["score", str(EXAMPLES), "--period", "2024-Q1"],
        ["score", str(EXAMPLES), "--period", "Q5/2023"],
        ["score", str(EXAMPLES), "--format", "pdf"],
        ["score", str(EXAMPLES), "--lang", "fr"],
        ["score"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2_without_traceback(args):
    result = cds(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [[], ["score"], ["validate"], ["indicators"], ["status"], ["template"]])
def test_help_carries_an_example(command):
    result = cds(*command, "--help")
    assert result.exit_code == 0 and "Example: cds" in result.stdout


def test_api_gives_the_same_result_as_the_cli():
    plan = load_plan()
    card = score(read_submissions([EXAMPLES], plan), plan, parse_period("2023-Q3"))
    cli = cds_json("score", EXAMPLES, "--period", "2023-Q3", "--lang", "en")
    document = scorecard_document(scorecard_view(card), "en")  # what a script gets is what the CLI prints
    assert json.loads(json.dumps(document, ensure_ascii=False)) == cli


def test_api_status_and_breakdown_match_the_cli():
    from cds_cli import agency_breakdown, completeness

    plan = load_plan()
    report = read_submissions([EXAMPLES], plan)
    period = parse_period("2023-Q2")
    assert status_document(completeness(report, plan, period), "en") == cds_json(
        "status", EXAMPLES, "--period", "2023-Q2", "--lang", "en"
    )
    assert json.loads(json.dumps(breakdown_document(agency_breakdown(report, plan, period), "en"))) == cds_json(
        "score", EXAMPLES, "--period", "2023-Q2", "--by", "agency", "--lang", "en"
    )


def test_json_stdout_stays_clean_for_pipes():
    out = subprocess.run(
        [sys.executable, "-m", "cds_cli", "score", str(EXAMPLES), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    json.loads(out)


def test_core_modules_do_not_import_typer_or_rich():
    code = (
        "import sys; import cds_cli; from cds_cli import load_plan, read_submissions, score;"
        "p = load_plan(); score(read_submissions(['examples/2023'], p), p);"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=EXAMPLES.parents[1])
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_core_never_imports_the_console_layer():
    import ast

    package = Path(__file__).resolve().parents[1] / "src" / "cds_cli"
    offenders = []
    for path in package.rglob("*.py"):
        if "console" in path.relative_to(package).parts or path.name == "__main__.py":  # the entry points
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            if any(part in ("console", "typer", "rich") for name in names for part in name.split(".")):
                offenders.append(f"{path.relative_to(package)}:{node.lineno}")
    assert not offenders


def test_confirmations_speak_the_commands_language(tmp_path):
    vi = cds("report", EXAMPLES, "--format", "xlsx", "-o", tmp_path / "r.xlsx")
    assert vi.exit_code == 0 and "đã ghi báo cáo 2023-Q4 (xlsx," in vi.stderr and "bytes" not in vi.stderr
    en = cds("template", "--agency", "STTTT", "--period", "2023-Q1", "-o", tmp_path / "t.xlsx", "--lang", "en")
    assert en.exit_code == 0 and "form of 16 indicators for STTTT, 2023-Q1" in en.stderr
    vi = cds("template", "--agency", "STTTT", "--period", "2023-Q1", "-o", tmp_path / "t.xlsx")
    assert "biểu mẫu 16 chỉ tiêu của STTTT, kỳ 2023-Q1" in vi.stderr
