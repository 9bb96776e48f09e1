"""`cds plan check`, broken packs, `cds.toml` and CDS_PLAN, `cds plan new` and `indicators --context`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from packs import ADDED, build_inputs, build_pack
from typer.testing import CliRunner

from cds_cli.console import app
from cds_cli.plan import default_data_dir

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "2023"


def run(*args: object, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def edit(path: Path, change) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


# ------------------------------------------------------------------ cds plan check


def _quotes(node: object) -> list[str]:
    """Every ``source: {quote: …}`` of a pack file, read straight from its YAML."""
    if isinstance(node, dict):
        return [
            quote
            for key, value in node.items()
            for quote in ([value["quote"]] if key == "source" and isinstance(value, dict) else _quotes(value))
        ]
    if isinstance(node, list):
        return [quote for value in node for quote in _quotes(value)]
    return []


def _plan_text(quotes: list[str]) -> str:
    """A plan's text holding ``quotes`` as text extracted from a PDF holds them: other sentences
    between them, their words broken over lines and spaced unevenly."""
    paragraphs = []
    for n, quote in enumerate(quotes):
        words = quote.split()
        wrapped = "\n".join("  ".join(words[i : i + 6]) for i in range(0, len(words), 6))
        paragraphs.append(f"Đoạn {n} của kế hoạch. {wrapped}\n\tHết đoạn {n}.")
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def bundled_quotes() -> list[str]:
    quotes = [
        quote
        for path in sorted(default_data_dir().glob("*.yaml"))
        for quote in _quotes(yaml.safe_load(path.read_text(encoding="utf-8")))
    ]
    assert len(quotes) > 29 and all(isinstance(q, str) and q.strip() for q in quotes)
    return quotes


def test_the_bundled_pack_passes_with_its_source(tmp_path, bundled_quotes):
    source = tmp_path / "plan.txt"
    source.write_text(_plan_text(bundled_quotes), encoding="utf-8")
    result = run("plan", "check", "--source", source, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert (doc["valid"], doc["plan"]) == (True, {"year": 2023, "number": "64/KH-UBND", "indicators": 29})
    # the only remarks: the two targets the plan set at the level 2022 had already reached
    assert [(i["code"], i["severity"]) for i in doc["issues"]] == [("target_met_by_baseline", "warning")] * 2
    assert [i["message"].split(":")[0] for i in doc["issues"]] == ["soc.adults_smartphone", "soc.bank_accounts_15plus"]


def test_a_quote_missing_from_the_source_is_the_one_error(tmp_path, bundled_quotes):
    """The same text less one quote (one no other quote contains): --source is really read."""
    missing = next(
        quote
        for i, quote in enumerate(bundled_quotes)
        if not any(quote in other for j, other in enumerate(bundled_quotes) if j != i)
    )
    source = tmp_path / "plan.txt"
    source.write_text(_plan_text([quote for quote in bundled_quotes if quote != missing]), encoding="utf-8")
    result = run("plan", "check", "--source", source, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    errors = [i for i in json.loads(result.stdout)["issues"] if i["severity"] == "error"]
    assert [i["code"] for i in errors] == ["quote_not_in_source"]  # beside the two targets met by 2022
    assert " ".join(missing.split())[:30] in " ".join(errors[0]["message"].split())


def _plant(pack: Path) -> None:
    """Ten errors (one a consequence of another) and four warnings over the three files."""

    def targets(doc):
        inds = doc["indicators"]
        inds[2]["pillar"] = "health"  # unknown_pillar
        inds[3]["id"] = inds[1]["id"]  # duplicate_indicator
        inds[4]["target"] = "thirty"  # value_not_number
        inds[5]["due"] = "2023-Q1"  # due_outside_year
        inds[0]["reporter"] = "SXYZ"  # unknown_reporter
        inds[6]["reporters"] = []  # warning no_reporters
        inds[7]["weight"] = 0  # warning weight_zero
        inds[8]["short_name_en"] = "x" * 60  # warning short_name_long
        doc["pillars"].append(
            {"id": "health", "name_vi": "Y tế số", "name_en": "Digital health"}
        )  # warning pillar_empty
        inds[2]["pillar"] = "heath"

    edit(next(pack.glob("targets_*.yaml")), targets)

    def baselines(doc):
        doc["baselines"][0]["indicator"] = "gov.nothing"  # baseline_unknown_indicator
        doc["baselines"][1]["colour"] = "red"  # field_unknown

    edit(next(pack.glob("baseline_*.yaml")), baselines)

    def agencies(doc):
        doc["groups"]["districts"]["members"].append("UBND_XYZ")  # group_unknown_agency
        doc["agencies"][1]["aliases"].append(doc["agencies"][2]["name_vi"])  # agency_name_clash

    edit(pack / "agencies.yaml", agencies)


def test_every_planted_problem_in_one_run(tmp_path):
    pack = build_pack(tmp_path / "pack", 2024)
    _plant(pack)
    result = run("plan", "check", pack, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    doc = json.loads(result.stdout)
    codes = sorted((i["code"], i["severity"]) for i in doc["issues"])
    assert codes == sorted(
        [
            ("unknown_pillar", "error"),
            ("duplicate_indicator", "error"),
            ("value_not_number", "error"),
            ("baseline_unknown_indicator", "error"),  # gov.dossiers_digitized, renamed to a duplicate
            ("due_outside_year", "error"),
            ("unknown_reporter", "error"),
            ("baseline_unknown_indicator", "error"),
            ("field_unknown", "error"),
            ("group_unknown_agency", "error"),
            ("agency_name_clash", "error"),
            ("no_reporters", "warning"),
            ("weight_zero", "warning"),
            ("short_name_long", "warning"),
            ("pillar_empty", "warning"),
        ]
    )
    assert doc["valid"] is False and doc["plan"]["year"] is None
    targets = pack / "targets_2024.yaml"
    by_code = {i["code"]: i for i in doc["issues"]}
    assert by_code["unknown_pillar"]["file"] == str(targets)
    assert by_code["unknown_pillar"]["line"] == line_of(targets, "pillar: heath")
    assert by_code["value_not_number"]["line"] == line_of(targets, "target: thirty")
    assert "indicators[4] (gov.reports_connected).target" in by_code["value_not_number"]["message"]
    assert by_code["group_unknown_agency"]["file"].endswith("agencies.yaml")
    assert all(i["line"] for i in doc["issues"])
    # the same pack stops every other command at its first error, with exit 2
    other = run("indicators", "--plan", pack, "--lang", "en")
    assert other.exit_code == 2 and "more; `cds plan check" in other.stderr and "Traceback" not in other.output


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["windows", "old-mac"])
def test_a_pack_saved_with_other_line_endings_reads_the_same(tmp_path, ending):
    """Notepad saves "\r\n": the same problems, on the same lines, as the pack saved with "\n"."""
    pack = build_pack(tmp_path / "pack", 2024)
    _plant(pack)
    expected = json.loads(run("plan", "check", pack, "--format", "json").stdout)["issues"]
    for path in pack.glob("*.yaml"):
        path.write_bytes(path.read_bytes().replace(b"\n", ending.encode()))
    issues = json.loads(run("plan", "check", pack, "--format", "json").stdout)["issues"]
    assert [(i["code"], i["line"], i["message"]) for i in issues] == [
        (i["code"], i["line"], i["message"]) for i in expected
    ]


def test_text_and_github_formats(tmp_path):
    pack = build_pack(tmp_path / "pack", 2024)
    _plant(pack)
    text = run("plan", "check", pack, "--lang", "vi")
    assert text.exit_code == 1 and "10 lỗi, 4 cảnh báo" in text.stdout
    assert "không có trụ cột heath" in text.stdout
    github = run("plan", "check", pack, "--format", "github", "--lang", "en")
    assert github.stdout.count("::error file=") == 10 and github.stdout.count("::warning file=") == 4


def test_quotes_checked_against_the_plans_text(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text("Only one sentence of a plan.", encoding="utf-8")
    result = run("plan", "check", "--source", source, "--format", "json")
    assert result.exit_code == 1
    issues = json.loads(result.stdout)["issues"]
    assert issues and {i["code"] for i in issues} == {"quote_not_in_source", "target_met_by_baseline"}
    assert sum(1 for i in issues if i["code"] == "target_met_by_baseline") == 2  # as without --source
    assert len(issues) > 29  # every pillar, target, baseline and context quote


@pytest.mark.parametrize(
    "damage, code",
    [
        (lambda p: (p / "targets_2024.yaml").unlink(), "pack_no_targets"),
        (lambda p: shutil.copy(p / "targets_2024.yaml", p / "targets_2025.yaml"), "pack_many_targets"),
        (lambda p: (p / "agencies.yaml").unlink(), "pack_no_agencies"),
        (lambda p: (p / "baseline_2023.yaml").rename(p / "baseline_2021.yaml"), "year_mismatch"),
        (lambda p: edit(p / "baseline_2023.yaml", lambda d: d.update(year=2024)), "baseline_year_not_before"),
        (lambda p: (p / "targets_2024.yaml").write_text("plan: [unclosed\n", encoding="utf-8"), "yaml_invalid"),
    ],
)
def test_a_broken_pack_is_one_clear_message(tmp_path, damage, code):
    pack = build_pack(tmp_path / "pack", 2024)
    damage(pack)
    result = run("score", EXAMPLES, "--plan", pack, "--lang", "en")
    assert result.exit_code == 2 and result.stderr.startswith("cds: ") and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    check = run("plan", "check", pack, "--format", "json")
    assert check.exit_code == 1
    assert code in {i["code"] for i in json.loads(check.stdout)["issues"]}


def test_a_plan_directory_that_does_not_exist(tmp_path):
    result = run("score", EXAMPLES, "--plan", tmp_path / "nowhere", "--lang", "en")
    assert result.exit_code == 2 and "--plan: no plan directory" in result.stderr
    assert run("plan", "check", tmp_path / "nowhere").exit_code == 2


# ------------------------------------------------------------------ choosing a pack


def _ids(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return [item["id"] for item in json.loads(result.stdout)]


def test_cds_toml_then_env_then_option(tmp_path, monkeypatch):
    build_pack(tmp_path / "p2024", 2024)
    build_pack(tmp_path / "p2026", 2026)
    (tmp_path / "cds.toml").write_text('plan = "p2024"\nlang = "en"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")  # the nearest parent's cds.toml counts, its path relative to it
    monkeypatch.delenv("CDS_PLAN", raising=False)
    doc = json.loads(run("indicators", "-f", "json").stdout)
    assert ADDED in [d["id"] for d in doc] and doc[0]["due"] == "2024-Q4"
    assert doc[0]["name"] == doc[0]["name_en"]  # lang from cds.toml
    assert json.loads(run("indicators", "-f", "json", "--lang", "vi").stdout)[0]["name"] == doc[0]["name_vi"]
    env = {"CDS_PLAN": str(tmp_path / "p2026")}
    assert json.loads(run("indicators", "-f", "json", env=env).stdout)[0]["due"] == "2026-Q4"
    assert (
        json.loads(run("indicators", "-f", "json", "--plan", tmp_path / "p2024", env=env).stdout)[0]["due"] == "2024-Q4"
    )
    assert "ADDED" not in _ids(run("indicators", "-f", "json", "--plan", default_data_dir()))


@pytest.mark.parametrize(
    "content, words",
    [
        ("plan = [unclosed", "not valid TOML"),
        ('colour = "red"\n', "unknown key colour (allowed: plan, plans, lang, sheet)"),
        ('lang = "fr"\n', "lang = 'fr' is not allowed (vi or en)"),
        ("sheet = 3\n", "sheet = 3 is not allowed"),
    ],
)
def test_a_bad_cds_toml_is_a_usage_error(tmp_path, monkeypatch, content, words):
    (tmp_path / "cds.toml").write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("indicators", "--lang", "en")
    assert result.exit_code == 2 and words in result.stderr and str(tmp_path / "cds.toml") in result.stderr
    assert "Traceback" not in result.output


def test_sheet_from_cds_toml(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("template", "--agency", "SYT", "--period", "2023-Q3", "-o", "form.xlsx").exit_code == 0
    (tmp_path / "cds.toml").write_text('sheet = "Missing"\n', encoding="utf-8")
    doc = json.loads(run("validate", "form.xlsx", "-f", "json").stdout)
    assert [i["code"] for i in doc["issues"]] == ["sheet_missing"]


# ------------------------------------------------------------------ cds plan new


def test_plan_new_round_trip(tmp_path):
    out = tmp_path / "plan-2024"
    result = run("plan", "new", "--year", 2024, "--results", EXAMPLES, "-o", out, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["agencies.yaml", "baseline_2023.yaml", "targets_2024.yaml"]
    assert (out / "agencies.yaml").read_bytes() == (default_data_dir() / "agencies.yaml").read_bytes()
    check = run("plan", "check", out, "--format", "json")
    assert check.exit_code == 0, check.output
    warnings = {i["code"] for i in json.loads(check.stdout)["issues"]}
    # and the carried-over targets the 2023 results already meet
    assert warnings == {
        "target_review",
        "plan_info_review",
        "plan_number_missing",
        "plan_date_missing",
        "target_met_by_baseline",
    }
    # until the number is set, outputs say so rather than repeat last year's
    text = run("indicators", "--plan", out).stdout
    assert "Kế hoạch (chưa có số hiệu)" in text and "64/KH-UBND" not in text
    dated = run("plan", "new", "--year", 2024, "--results", EXAMPLES, "-o", tmp_path / "d", "--date", "5/4/2024")
    assert dated.exit_code == 2 and "NNNN-TT-NN" in dated.stderr and not (tmp_path / "d").exists()
    # baselines: the 2023-Q4 values exactly as `cds score` computes them
    card = json.loads(run("score", EXAMPLES, "--period", "2023-Q4", "-f", "json").stdout)
    baseline = yaml.safe_load((out / "baseline_2023.yaml").read_text(encoding="utf-8"))
    assert baseline["results"]["period"] == "2023-Q4" and len(baseline["results"]["files"]) == 13
    values = {b["indicator"]: b for b in baseline["baselines"]}
    for item in card["indicators"]:
        assert values[item["id"]]["value"] == item["value"], item["id"]
        assert values[item["id"]].get("qualifier") == ("reported" if item["value"] is not None else None)
    targets = yaml.safe_load((out / "targets_2024.yaml").read_text(encoding="utf-8"))
    assert targets["plan"]["year"] == 2024 and all(
        i["review"] and i["due"].startswith("2024-") for i in targets["indicators"]
    )
    # the new pack scores next year's submissions, with this year's results as baselines
    inputs = build_inputs(tmp_path / "inputs", 2024)
    doc = json.loads(run("score", inputs, "--plan", out, "-f", "json").stdout)
    smartphone = next(i for i in doc["indicators"] if i["id"] == "soc.adults_smartphone")
    assert (
        smartphone["baseline"] == values["soc.adults_smartphone"]["value"]
        and smartphone["baseline_qualifier"] == "reported"
    )


def test_plan_new_never_overwrites_and_checks_the_year(tmp_path):
    out = tmp_path / "plan-2024"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = run("plan", "new", "--year", 2024, "--results", EXAMPLES, "-o", out, "--lang", "en")
    assert result.exit_code == 2 and "never overwrites" in result.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    wrong = run("plan", "new", "--year", 2025, "--results", EXAMPLES, "-o", tmp_path / "x", "--lang", "en")
    assert wrong.exit_code == 2 and "the new year must be 2024" in wrong.stderr


# ------------------------------------------------------------------ context figures


def test_indicators_context_lists_part_one_figures():
    doc = json.loads(run("indicators", "--context", "-f", "json", "--lang", "en").stdout)
    by_id = {d["id"]: d for d in doc}
    assert by_id["ctx.people_connection_protected"]["value"] == 60
    assert by_id["ctx.people_connection_protected"]["qualifier"] == "above"
    assert by_id["ctx.people_connection_protected"]["source"]["quote"].startswith("Tỷ lệ người dân kết nối mạng")
    table = run("indicators", "--context", "--lang", "vi").stdout
    assert "ctx.people_connection_protected" in table and "trên 60%" in table


def test_a_percent_baseline_written_as_text_is_a_plan_error_not_arithmetic(tmp_path):
    """mypy found scoring subtracting a baseline that may be text: a quoted "60" must never
    reach the arithmetic — the pack check stops it with its place."""
    pack = build_pack(tmp_path / "pack", 2024)
    baseline = pack / "baseline_2023.yaml"
    edit(baseline, lambda d: d["baselines"][0].update(value="60", source={"section": "I", "quote": "60%"}))
    check = json.loads(run("plan", "check", pack, "--format", "json", "--lang", "en").stdout)
    assert [(i["code"], i["line"]) for i in check["issues"]] == [
        ("baseline_percent_value", line_of(baseline, "value: '60'"))
    ]
    result = run("score", EXAMPLES, "--plan", pack, "--lang", "en")
    assert result.exit_code == 2 and "must be a number or null, not 60" in result.stderr


# ------------------------------------------------------------------ numbers a score cannot use


def _rewrite(path: Path, anchor: str, old: str, new: str) -> None:
    """Replace the first ``old`` after ``anchor`` in the file's text, as a hand edit would."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old, text.index(anchor))
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")


DOSSIERS = "id: gov.dossiers_online\n"  # a percent target of >= 30
SMARTPHONE = "indicator: soc.adults_smartphone\n"  # a percent baseline of 84


def _rejected_edit(tmp_path, name, anchor, old, new):
    """A 2024 pack with one edit in file ``name``, checked: (pack, the file, its issues), the
    check having failed (exit 1)."""
    pack = build_pack(tmp_path / "pack", 2024)
    path = pack / name
    _rewrite(path, anchor, old, new)
    result = run("plan", "check", pack, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    return pack, path, json.loads(result.stdout)["issues"]


@pytest.mark.parametrize(
    "name, anchor, old, new, code",
    [
        ("targets_2024.yaml", DOSSIERS, "target: 30", "target: 0", "target_zero"),
        ("targets_2024.yaml", DOSSIERS, "target: 30", "target: 0.000001", "target_zero"),
        ("targets_2024.yaml", DOSSIERS, "target: 30", "target: .nan", "number_not_finite"),
        ("targets_2024.yaml", DOSSIERS, "target: 30", "target: .inf", "number_not_finite"),
        ("targets_2024.yaml", DOSSIERS, "target: 30", "target: 1.0e400", "number_not_finite"),
        ("targets_2024.yaml", DOSSIERS, "target: 30", "target: 1e308", "target_out_of_range"),
        ("targets_2024.yaml", DOSSIERS, "target: 30", "target: -5", "target_out_of_range"),
        ("targets_2024.yaml", DOSSIERS, "weight: 1", "weight: 1.0e+308", "weight_too_large"),
        ("targets_2024.yaml", DOSSIERS, "weight: 1", "weight: -.inf", "number_not_finite"),
        ("targets_2024.yaml", "id: gov\n", "weight: 2", "weight: -1", "weight_negative"),
        ("targets_2024.yaml", "id: gov\n", "weight: 2", "weight: .nan", "number_not_finite"),
        ("targets_2024.yaml", "plan:\n", "year: 2024", "year: 20240", "year_out_of_range"),
        ("baseline_2023.yaml", SMARTPHONE, "value: 84", "value: 184", "baseline_out_of_range"),
        ("baseline_2023.yaml", SMARTPHONE, "value: 84", "value: -0.5", "baseline_out_of_range"),
        ("baseline_2023.yaml", SMARTPHONE, "value: 84", "value: .inf", "number_not_finite"),
        ("baseline_2023.yaml", SMARTPHONE, "value: 84", "value: 1.0e+308", "baseline_out_of_range"),
    ],
)
def test_a_number_no_score_can_use_is_an_error_at_its_line(tmp_path, name, anchor, old, new, code):
    pack, path, issues = _rejected_edit(tmp_path, name, anchor, old, new)
    assert [(i["code"], i["severity"], i["file"]) for i in issues] == [(code, "error", str(path))]
    assert issues[0]["line"] == line_of(path, new.splitlines()[-1].strip())
    # every other command stops with one message instead of dividing by it or printing NaN
    for command in (["score", EXAMPLES], ["indicators", "--format", "json"]):
        other = run(*command, "--plan", pack, "--lang", "vi")
        assert other.exit_code == 2 and len(other.stderr.strip().splitlines()) == 1, other.output
        assert f"{path}:{issues[0]['line']}" in other.stderr and "Traceback" not in other.output


def test_a_lower_is_better_target_of_zero_is_scorable(tmp_path):
    """100·T/V is defined at T = 0 (and 100 at V = 0): "no paper dossiers at all" is a plan."""
    pack = build_pack(tmp_path / "pack", 2024)
    _rewrite(pack / "targets_2024.yaml", f"id: {ADDED}\n", "target: 20", "target: 0")
    assert run("plan", "check", pack).exit_code == 0
    result = run("score", build_inputs(tmp_path / "inputs", 2024), "--plan", pack, "-f", "json")
    doc = json.loads(result.stdout, parse_constant=pytest.fail)
    assert next(i for i in doc["indicators"] if i["id"] == ADDED)["attainment"] == 0


@pytest.mark.parametrize(
    "name, anchor, old, new",
    [
        ("targets_2024.yaml", "plan:\n", "year: 2024\n", "year: 2024\n  year: 2025\n"),
        ("targets_2024.yaml", DOSSIERS, "target: 30\n", "target: 30\n  target: 45\n"),
        ("baseline_2023.yaml", SMARTPHONE, "value: 84\n", "value: 84\n  value: 48\n"),
        ("agencies.yaml", "code: VPUBND\n", "level: province\n", "level: province\n  level: district\n"),
    ],
)
def test_a_key_written_twice_is_an_error_at_its_second_line(tmp_path, name, anchor, old, new):
    pack, path, issues = _rejected_edit(tmp_path, name, anchor, old, new)
    first, second = line_of(path, old.strip()), line_of(path, new.splitlines()[-1].strip())
    repeated = [i for i in issues if i["code"] == "duplicate_key"]
    assert [(i["severity"], i["file"], i["line"]) for i in repeated] == [("error", str(path), second)]
    key = old.split(":")[0]
    assert f"key {key} is written again" in repeated[0]["message"] and f"line {first}" in repeated[0]["message"]
    other = run("score", EXAMPLES, "--plan", pack, "--lang", "en")
    assert other.exit_code == 2 and len(other.stderr.strip().splitlines()) == 1


def test_a_key_written_twice_in_a_json_plan_file_is_found_with_its_line(tmp_path):
    """A machine-written plan file is read as JSON, which would keep the last key silently too."""
    pack = build_pack(tmp_path / "pack", 2024)
    baseline = pack / "baseline_2023.yaml"
    document = yaml.safe_load(baseline.read_text(encoding="utf-8"))
    text = json.dumps(document, ensure_ascii=False, indent=1).replace('"year": 2023', '"year": 2023,\n "year": 2023', 1)
    baseline.write_text(text, encoding="utf-8")
    issues = json.loads(run("plan", "check", pack, "--format", "json").stdout)["issues"]
    assert [(i["code"], i["line"]) for i in issues] == [("duplicate_key", 3)]


def test_a_key_written_twice_on_one_line_is_found(tmp_path):
    """A flow mapping repeats a key on one line: `{code: VPUBND, level: province, level: district}`."""
    pack = build_pack(tmp_path / "pack", 2024)
    agencies = pack / "agencies.yaml"
    text = agencies.read_text(encoding="utf-8")
    agencies.write_text(text + "extra: {a: 1, a: 2}\n", encoding="utf-8")
    issues = json.loads(run("plan", "check", pack, "--format", "json").stdout)["issues"]
    last = len(text.splitlines()) + 1
    assert [(i["code"], i["line"]) for i in issues] == [("duplicate_key", last), ("field_unknown", last)]


def test_a_key_written_twice_in_json_is_found_whatever_the_escapes(tmp_path):
    """A colon written as an escape (\\u003a) cannot hide a key written twice from the count of
    colons that lets a JSON plan file skip the slower reading."""
    pack = build_pack(tmp_path / "pack", 2024)
    baseline = pack / "baseline_2023.yaml"
    document = yaml.safe_load(baseline.read_text(encoding="utf-8"))
    document["context"][0]["source"]["quote"] = "Ghi chú:"
    text = json.dumps(document, ensure_ascii=False, indent=1).replace("Ghi chú:", "Ghi chú\\u003a")
    baseline.write_text(text.replace('"year": 2023', '"year": 2023,\n "year": 2023', 1), encoding="utf-8")
    issues = json.loads(run("plan", "check", pack, "--format", "json").stdout)["issues"]
    assert [(i["code"], i["line"]) for i in issues] == [("duplicate_key", 3)]


def test_a_key_that_overrides_a_merged_one_is_not_a_repetition(tmp_path):
    pack = build_pack(tmp_path / "pack", 2024)
    agencies = pack / "agencies.yaml"
    text = agencies.read_text(encoding="utf-8").replace("- code: VPUBND\n", "- &office\n  code: VPUBND\n", 1)
    agencies.write_text(text + "extra: {<<: *office, code: OTHER}\n", encoding="utf-8")
    issues = json.loads(run("plan", "check", pack, "--format", "json").stdout)["issues"]
    assert [i["code"] for i in issues] == ["field_unknown"]  # `extra` itself, nothing about `code`
