"""Several plan years in one data repository (cds.toml ``plans = [...]``), and programmes
whose targets fall due after their plan year: what a user sees (exit codes, JSON, numbers)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import HEADER, cds

from cds_cli.periods import Period
from cds_cli.plan import default_data_dir, load_plan

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "2023"
DROPPED = "econ.ecommerce_retail_share"  # in the 2023 plan, not in the repository's 2024 pack
NUMBER_2024 = "7/KH-UBND"


def _edit(path: Path, change) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _moved(data: bytes, year: int) -> bytes:
    """A 2023 submission's bytes with 2023 → year and 2022 → year − 1 (the examples are UTF-8)."""
    return data.replace(b"2023", b"\0").replace(b"2022", str(year - 1).encode()).replace(b"\0", str(year).encode())


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    """A data repository as in January 2025: the bundled 2023 plan and a 2024 pack made by
    `cds plan new` from the 2023 examples, the clean 2023 reports (Q1, Q4) and the same
    reports for 2024 (without the indicator the 2024 pack dropped)."""
    root = tmp_path_factory.mktemp("repository")
    made = cds("plan", "new", "--year", 2024, "--results", EXAMPLES, "-o", root / "plans" / "2024")
    assert made.exit_code == 0, made.output
    pack = root / "plans" / "2024"
    _edit(pack / "targets_2024.yaml", lambda d: _drop(d, "indicators", "id"))
    _edit(pack / "baseline_2023.yaml", lambda d: _drop(d, "baselines", "indicator"))
    _edit(pack / "targets_2024.yaml", lambda d: d["plan"].update(number=NUMBER_2024, date="2024-03-01", review=False))
    for quarter in ("2023-Q1", "2023-Q4"):
        for source in sorted((EXAMPLES / quarter).glob("*.csv")):
            old = root / "submissions" / quarter / source.name
            old.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, old)
            new = root / "submissions" / quarter.replace("2023", "2024") / source.name
            new.parent.mkdir(parents=True, exist_ok=True)
            lines = _moved(source.read_bytes(), 2024).splitlines(keepends=True)
            new.write_bytes(b"".join(line for line in lines if DROPPED.encode() not in line))
    (root / "cds.toml").write_text('plans = ["bundled", "plans/2024"]\n', encoding="utf-8")
    return root


def _drop(document: dict, key: str, field: str) -> None:
    document[key] = [item for item in document[key] if item[field] != DROPPED]


@pytest.fixture
def inside(repository, monkeypatch):
    """Commands run from the repository's root, where its cds.toml is found."""
    monkeypatch.chdir(repository)
    monkeypatch.delenv("CDS_PLAN", raising=False)
    return repository


def _json(*args: object, exit_code: int = 0) -> dict:
    result = cds(*args, "--format", "json", "--lang", "en")
    assert result.exit_code == exit_code, result.output
    return json.loads(result.stdout)


def _by_id(doc: dict) -> dict[str, dict]:
    return {item["id"]: item for item in doc["indicators"]}


# --------------------------------------------------------------------------- several packs


def test_validate_checks_each_year_against_its_own_plan(inside):
    doc = _json("validate", ".")
    assert doc["valid"] and doc["issues"] == []
    assert doc["rows"]["accepted"] == doc["rows"]["read"] > 0
    # The same files against one pack: the other year is outside it.
    alone = _json("validate", ".", "--plan", "bundled", exit_code=1)
    assert {i["code"] for i in alone["issues"]} == {"period_outside_plan"}
    assert all("/2024-" in i["file"] for i in alone["issues"])


def test_a_row_is_read_against_the_pack_of_its_year(inside, tmp_path):
    late = tmp_path / "late.csv"
    late.write_text(
        HEADER + f"SCT,2023-Q4,{DROPPED},85,1000,8.5,\nSCT,2024-Q4,{DROPPED},85,1000,8.5,\n", encoding="utf-8"
    )
    doc = _json("validate", late, exit_code=1)
    assert doc["rows"] == {"read": 2, "accepted": 1, "rejected": 1, "blank": 0}
    assert [(i["line"], i["code"]) for i in doc["issues"]] == [(3, "indicator_unknown")]  # gone from the 2024 plan


def test_a_row_of_a_year_no_pack_covers_names_the_covered_years(inside, tmp_path):
    early = tmp_path / "early.csv"
    early.write_text(HEADER + "STTTT,2022-Q4,soc.adults_smartphone,,,81,\n", encoding="utf-8")
    doc = _json("validate", early, exit_code=1)
    assert [i["code"] for i in doc["issues"]] == ["period_outside_plan"]
    assert doc["issues"][0]["message"] == "period 2022-Q4 is outside the plan years 2023–2024"
    vi = json.loads(cds("validate", early, "--format", "json").stdout)
    assert vi["issues"][0]["message"] == "kỳ 2022-Q4 nằm ngoài các năm kế hoạch 2023–2024"


def test_score_uses_the_pack_covering_the_period(inside, repository):
    latest = _json("score", ".")
    assert latest["period"] == "2024-Q4"  # 2024-Q4 comes after 2023-Q4, not "the largest quarter"
    assert latest["plan"]["number"] == NUMBER_2024 and latest["plan"]["year"] == 2024
    assert DROPPED not in _by_id(latest)
    last_year = _json("score", ".", "--period", "2023-Q4")
    assert last_year["plan"]["number"] == "64/KH-UBND" and DROPPED in _by_id(last_year)
    # exactly what the 2023 plan alone gives for the 2023 files
    alone = _json("score", repository / "submissions" / "2023-Q1", repository / "submissions" / "2023-Q4")
    assert alone["period"] == "2023-Q4"
    assert [(i["id"], i["value"], i["expected"], i["status"]) for i in last_year["indicators"]] == [
        (i["id"], i["value"], i["expected"], i["status"]) for i in alone["indicators"]
    ]
    assert last_year["index"] == alone["index"]


def test_status_report_and_template_follow_the_period(inside):
    assert _json("status", ".", "--period", "2023-Q1")["period"] == "2023-Q1"
    assert _json("status", ".")["period"] == "2024-Q4"
    old = cds("report", ".", "--format", "md", "--period", "2023-Q4", "--lang", "en")
    assert old.exit_code == 0, old.output
    assert "64/KH-UBND" in old.stdout and NUMBER_2024 not in old.stdout
    new = cds("report", ".", "--format", "md", "--lang", "en")
    assert new.exit_code == 0 and NUMBER_2024 in new.stdout and "64/KH-UBND" not in new.stdout
    forms = {
        period: cds("template", "--agency", "SCT", "--period", period, "--format", "csv").stdout
        for period in ("2023-Q3", "2024-Q3")
    }
    assert DROPPED in forms["2023-Q3"] and DROPPED not in forms["2024-Q3"]


@pytest.mark.parametrize("period", ["2022-Q4", "2025-Q1"])
def test_a_period_no_pack_covers_is_a_usage_error(inside, period):
    result = cds("score", ".", "--period", period, "--lang", "en")
    assert result.exit_code == 2
    assert "give a quarter of 2023–2024" in result.stderr


def test_plan_check_checks_every_listed_pack(inside):
    result = cds("plan", "check", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Valid: plan 64/KH-UBND for 2023" in result.stdout and f"Valid: plan {NUMBER_2024} for 2024" in result.stdout
    doc = _json("plan", "check")
    assert doc["valid"] and [p["pack"] for p in doc["packs"]] == ["bundled", "plans/2024"]
    assert [p["plan"]["year"] for p in doc["packs"]] == [2023, 2024]


def _repository_with(tmp_path: Path, config: str, repository: Path) -> Path:
    shutil.copytree(repository / "plans", tmp_path / "plans")
    (tmp_path / "cds.toml").write_text(config, encoding="utf-8")
    return tmp_path


def test_two_packs_covering_one_year_exit_2_naming_both(repository, tmp_path, monkeypatch):
    root = _repository_with(tmp_path, 'plans = ["bundled", "plans/2024", "plans/again"]\n', repository)
    shutil.copytree(root / "plans" / "2024", root / "plans" / "again")
    monkeypatch.chdir(root)
    for command in (["validate", repository / "submissions"], ["score", repository / "submissions"], ["plan", "check"]):
        result = cds(*command, "--lang", "en")
        assert result.exit_code == 2, result.output
        assert "plan packs plans/2024 (2024) and plans/again (2024) both cover 2024" in result.stderr


@pytest.mark.parametrize(
    "config, words",
    [
        ('plans = ["bundled", "plans/2025"]\n', "no plan directory"),
        ('plan = "bundled"\nplans = ["bundled"]\n', "set plan or plans, not both"),
        ("plans = []\n", "plans = [] is not allowed"),
        ('plans = ["bundled", "bundled"]\n', "is not allowed"),
    ],
)
def test_a_bad_plans_list_is_a_usage_error(repository, tmp_path, monkeypatch, config, words):
    monkeypatch.chdir(_repository_with(tmp_path, config, repository))
    result = cds("validate", repository / "submissions", "--lang", "en")
    assert result.exit_code == 2
    assert words in result.stderr and "cds.toml" in result.stderr


def test_the_command_line_still_puts_everything_under_one_pack(inside, monkeypatch):
    doc = _json("score", ".", "--plan", "plans/2024")
    assert doc["plan"]["year"] == 2024 and doc["rows"]["rejected"] > 0  # the 2023 rows are outside it
    monkeypatch.setenv("CDS_PLAN", "bundled")
    assert _json("score", ".")["plan"]["year"] == 2023
    files = cds("score", ".", "--agencies", "plans/2024/agencies.yaml", "--lang", "en")
    assert files.exit_code == 0  # CDS_PLAN chose one pack: its files may be replaced
    monkeypatch.delenv("CDS_PLAN")
    files = cds("score", ".", "--agencies", "plans/2024/agencies.yaml", "--lang", "en")
    assert files.exit_code == 2 and "choose it with --plan" in files.stderr


# --------------------------------------------------------------------------- a programme to 2025


def _programme(folder: Path, baseline_period: str | None = None) -> Path:
    """The bundled 2023 pack with two targets moved to the end of 2025: households on fibre
    (stock, baseline 60 in 2022) to 90, and adults with a digital signature (no baseline)
    to 40."""
    shutil.copytree(default_data_dir(), folder, ignore=shutil.ignore_patterns("*.txt", "__*"))

    def targets(doc):
        for ind in doc["indicators"]:
            if ind["id"] in ("soc.households_fiber", "soc.adults_digital_signature"):
                ind.update(due="2025-Q4", target=90 if ind["id"] == "soc.households_fiber" else 40)

    _edit(folder / "targets_2023.yaml", targets)
    if baseline_period:

        def baselines(doc):
            for entry in doc["baselines"]:
                if entry["indicator"] == "soc.households_fiber":
                    entry.update(value=66, period=baseline_period)

        _edit(folder / "baseline_2022.yaml", baselines)
    return folder


def _programme_rows(tmp_path: Path) -> Path:
    rows = [
        "STTTT,2023-Q3,soc.adults_digital_signature,,,10,",
        "STTTT,2023-Q4,soc.households_fiber,,,65,",
        "STTTT,2024-Q2,soc.households_fiber,,,72,",
        "STTTT,2024-Q2,soc.adults_digital_signature,,,22,",
    ]
    path = tmp_path / "programme.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_programme_pack_passes_plan_check_and_covers_its_years(tmp_path):
    pack = _programme(tmp_path / "programme")
    assert cds("plan", "check", pack).exit_code == 0
    table = cds("indicators", "--plan", pack, "--lang", "en", "--ids")
    assert "by the end of 2025" in table.stdout
    vi = cds("indicators", "--plan", pack, "--ids")
    assert "đến hết năm 2025" in vi.stdout
    late = tmp_path / "late.csv"
    late.write_text(HEADER + "STTTT,2026-Q1,soc.households_fiber,,,91,\n", encoding="utf-8")
    doc = _json("validate", late, "--plan", pack, exit_code=1)
    assert doc["issues"][0]["message"] == "period 2026-Q1 is outside the plan years 2023–2025"


def test_a_programme_scores_quarters_across_years(tmp_path):
    pack = _programme(tmp_path / "programme")
    doc = _json("score", _programme_rows(tmp_path), "--plan", pack, "--period", "2024-Q2")
    fiber = _by_id(doc)["soc.households_fiber"]
    # b = q(2022-Q4) = 8092, q(2024-Q2) = 8098, d = q(2025-Q4) = 8104:
    # E = 60 + (90 − 60)·(8098 − 8092)/(8104 − 8092) = 60 + 30·6/12 = 75.00
    assert fiber["expected"] == pytest.approx(75.00, abs=0.005)
    assert fiber["value"] == 72.0  # the latest row since the plan began, whatever its year
    assert fiber["attainment"] == pytest.approx(80.00, abs=0.005)  # 100·72/90
    assert fiber["progress"] == pytest.approx(40.00, abs=0.005)  # 100·(72 − 60)/(90 − 60)
    assert fiber["status"] == "at_risk"  # 72 < 75, 72 ≥ 0.9·75 = 67.5
    signature = _by_id(doc)["soc.adults_digital_signature"]
    # no plan baseline: the provisional one is 2023-Q3's 10, k0 = 8095:
    # E = 10 + (40 − 10)·(8098 − 8095)/(8104 − 8095) = 10 + 30·3/9 = 20.00; 22 ≥ 20
    assert signature["provisional_baseline"] == {"period": "2023-Q3", "value": 10.0}
    assert signature["expected"] == pytest.approx(20.00, abs=0.005)
    assert signature["status"] == "on_track"
    # In the plan year the path is read the same way: E = 60 + 30·(8096 − 8092)/12 = 70.00
    year_end = _json("score", _programme_rows(tmp_path), "--plan", pack, "--period", "2023-Q4")
    assert _by_id(year_end)["soc.households_fiber"]["expected"] == pytest.approx(70.00, abs=0.005)
    assert _by_id(year_end)["soc.households_fiber"]["status"] == "at_risk"  # 65 < 70, 65 ≥ 0.9·70 = 63
    final = _json("score", _programme_rows(tmp_path), "--plan", pack, "--period", "2025-Q4")
    assert _by_id(final)["soc.households_fiber"]["status"] == "not_achieved"  # 72 < 90 at the due quarter


def test_a_baseline_period_moves_the_start_of_the_path(tmp_path):
    pack = _programme(tmp_path / "programme", baseline_period="2023-Q2")
    assert cds("plan", "check", pack).exit_code == 0
    doc = _json("score", _programme_rows(tmp_path), "--plan", pack, "--period", "2024-Q2")
    # b = q(2023-Q2) = 8094: E = 66 + (90 − 66)·(8098 − 8094)/(8104 − 8094) = 66 + 24·0.4 = 75.60
    assert _by_id(doc)["soc.households_fiber"]["expected"] == pytest.approx(75.60, abs=0.005)


def test_a_baseline_period_after_the_due_quarter_is_a_plan_error(tmp_path):
    pack = _programme(tmp_path / "programme", baseline_period="2026-Q1")
    doc = _json("plan", "check", pack, exit_code=1)
    errors = [i for i in doc["issues"] if i["severity"] == "error"]
    assert [i["code"] for i in errors] == ["baseline_after_due"]
    assert errors[0]["message"] == (
        "soc.households_fiber: the baseline stands at 2026-Q1, after the target's due quarter 2025-Q4"
    )
    assert cds("score", _programme_rows(tmp_path), "--plan", pack).exit_code == 2


def test_a_due_before_the_plan_year_is_still_an_error(tmp_path):
    pack = _programme(tmp_path / "programme")
    _edit(pack / "targets_2023.yaml", lambda d: d["indicators"][0].update(due="2022-Q4"))
    doc = _json("plan", "check", pack, exit_code=1)
    assert [i["code"] for i in doc["issues"] if i["severity"] == "error"] == ["due_outside_year"]


DOC = Path(__file__).resolve().parents[1] / "docs" / "plan-packs.md"


def test_the_documented_programme_passes_plan_check_and_scores_as_documented(tmp_path):
    blocks = re.findall(r"`programme/(\S+)`:\n\n```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert [name for name, _ in blocks] == ["targets_2023.yaml", "baseline_2022.yaml", "agencies.yaml"]
    pack = tmp_path / "programme"
    pack.mkdir()
    for name, text in blocks:
        (pack / name).write_text(text, encoding="utf-8")
    checked = cds("plan", "check", pack, "--lang", "en")
    assert checked.exit_code == 0 and "0 warning(s)" in checked.stdout, checked.output
    rows = tmp_path / "rows.csv"
    rows.write_text(
        HEADER
        + "STTTT,2024-Q2,gov.work_records_online_province,70,100,,\nSYT,2024-Q2,gov.work_records_online_province,"
        "75,100,,\n",
        encoding="utf-8",
    )
    records = _by_id(_json("score", rows, "--plan", pack))["gov.work_records_online_province"]
    assert records["expected"] == pytest.approx(74.73, abs=0.005)  # 62 + (90 − 62)·5/11, as the guide says
    assert records["value"] == pytest.approx(72.50, abs=0.005) and records["status"] == "at_risk"  # 72.5 ≥ 0.9·74.73


def test_history_scores_each_period_against_its_own_pack(inside):
    doc = _json("history", ".", "--indicator", "soc.adults_smartphone")
    points = doc["indicators"][0]["points"]
    assert [(p["period"], p["plan"]) for p in points] == [
        ("2023-Q1", "64/KH-UBND"),
        ("2023-Q4", "64/KH-UBND"),
        ("2024-Q1", NUMBER_2024),
        ("2024-Q4", NUMBER_2024),
    ]
    # each point as `cds score --period` gives it, with its own year's target
    for point in points:
        scored = _by_id(_json("score", ".", "--period", point["period"]))["soc.adults_smartphone"]
        assert (point["value"], point["target"], point["status"]) == (
            scored["value"],
            scored["target"],
            scored["status"],
        )


# --------------------------------------------------------------------------- the same quarter last year


def test_the_report_has_the_same_quarter_last_year_when_the_inputs_have_it(inside):
    """2024-Q4's report beside 2023-Q4, each value scored against the 2023 pack, exactly as
    `cds score --period 2023-Q4` gives it."""
    text = cds("report", ".", "--period", "2024-Q4", "--format", "md", "--lang", "en").stdout
    header = next(line for line in text.splitlines() if line.startswith("| Indicator |"))
    cells = [cell.strip() for cell in header.strip("|").split("|")]
    assert cells[:4] == ["Indicator", "2023", "2024 target", "Same quarter, Q4 2023"]
    then = _by_id(_json("score", ".", "--period", "2023-Q4"))["gov.dossiers_online"]
    row = next(line for line in text.splitlines() if line.startswith(f"| {then['name']} |"))
    assert [c.strip() for c in row.strip("|").split("|")][3] == f"{then['value']:.2f}"


def test_no_column_of_last_year_without_its_rows(inside, repository):
    text = cds("report", ".", "--period", "2023-Q4", "--format", "md", "--lang", "en").stdout
    assert "Same quarter" not in text  # the inputs have no 2022 rows
    alone = cds("report", "submissions/2024-Q4", "--format", "md", "--lang", "en").stdout
    assert "Same quarter" not in alone  # only 2024's files given


def test_every_report_format_has_the_column(inside, tmp_path):
    import io

    import docx
    import openpyxl

    html = cds("report", ".", "--period", "2024-Q4", "--format", "html", "--lang", "en").stdout
    assert ">Same quarter, Q4 2023</th>" in html
    for fmt in ("docx", "xlsx"):
        assert (
            cds("report", ".", "--period", "2024-Q4", "-f", fmt, "--lang", "en", "-o", tmp_path / f"r.{fmt}").exit_code
            == 0
        )
    word = docx.Document(str(tmp_path / "r.docx"))
    assert any("Same quarter, Q4 2023" in c.text for t in word.tables for c in t.rows[0].cells)
    book = openpyxl.load_workbook(io.BytesIO((tmp_path / "r.xlsx").read_bytes()))
    assert any(cell.value == "Same quarter, Q4 2023" for sheet in book for cell in sheet[1])


def test_the_trajectories_span_the_years_in_the_inputs(inside):
    """With 2023's rows in the inputs, a 2024 report's charts draw 2023's quarters first (the
    line broken between the years: a year-to-date figure starts again), the baseline at
    2023-Q4 where it stands, then 2024's."""
    from cds_cli.plan.packs import load_plans
    from cds_cli.report import build_report
    from cds_cli.report.chartparts import runs, trajectory_series
    from cds_cli.submissions.validate import read_submissions

    plans = load_plans([("bundled", None), ("plans/2024", Path("plans/2024"))], "cds.toml")
    report = read_submissions(["submissions"], plans)
    view = build_report(report, plans.for_year(2024), Period(2024, 4), previous=plans.for_year(2023)).view()
    assert view.earlier == tuple(Period(2023, k) for k in range(1, 5))
    row = next(r for r in view.card.indicators if r.id == "gov.dossiers_online")
    series = trajectory_series(row, view.earlier)
    then = _by_id(_json("score", ".", "--period", "2023-Q4"))["gov.dossiers_online"]["value"]
    assert (series.first, series.slots, series.years) == (1, 8, (2023, 2024))
    assert dict(series.values)[4] == then and dict(series.values)[8] == row.value  # 2023-Q4, then 2024-Q4
    assert series.expected[0] == (4, row.baseline)  # the expected path starts at the baseline's quarter
    assert all(max(s for s, _ in run) <= 4 or min(s for s, _ in run) >= 5 for run in runs(series.values, years=True))
    html = cds("report", ".", "--period", "2024-Q4", "--format", "html", "--lang", "en").stdout
    charts = re.findall(r'<svg class="traj" viewBox="0 0 300 (\d+)"', html)
    assert charts and set(charts) == {"162"}  # a line for the years under the quarters
    assert 'font-weight="600">2023</text>' in html and 'font-weight="600">2024</text>' in html
    alone = cds("report", "submissions/2024-Q4", "--format", "html", "--lang", "en").stdout
    assert set(re.findall(r'<svg class="traj" viewBox="0 0 300 (\d+)"', alone)) == {"150"}


def test_a_programme_target_says_when_it_falls_due_where_people_read_it(tmp_path, monkeypatch):
    """In a 2024 table a target due at the end of 2025 reads "≥ 90 đến hết năm 2025"; in a
    table of 2025, or for a target due in 2024, the target alone."""
    pack = _programme(tmp_path / "programme")
    rows = _programme_rows(tmp_path)
    monkeypatch.setenv("COLUMNS", "250")
    table = cds("score", rows, "--plan", pack, "--period", "2024-Q2").stdout
    markdown = cds("report", rows, "--plan", pack, "--period", "2024-Q2", "--format", "md").stdout
    name = load_plan(plan=pack).indicator("soc.households_fiber").name("vi")
    fiber = next(line for line in markdown.splitlines() if line.startswith(f"| {name} |"))
    assert "≥ 90 đến hết năm 2025" in table and "| ≥ 90 đến hết năm 2025 |" in fiber
    later = cds("report", rows, "--plan", pack, "--period", "2025-Q1", "--format", "md").stdout
    assert "đến hết năm 2025" not in later
