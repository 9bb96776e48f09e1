"""cds_cli.plan: a pack's files, its documents checked item by item with lines, loading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from packs import ADDED, build_pack

from cds_cli.errors import PlanError
from cds_cli.json_documents import plan_check_document
from cds_cli.plan import AgenciesFile, TargetsFile, check_pack, default_data_dir, load_pack, pack_files
from cds_cli.plan.documents import read_document, validate_document


@pytest.fixture
def pack(tmp_path):
    return build_pack(tmp_path / "pack", 2024)


def edit(path: Path, change) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The number of the one line that reads ``text`` (indentation aside)."""
    (number,) = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.strip() == text]
    return number


# ------------------------------------------------------------------ the files of a pack


def test_pack_files_finds_the_three_files(pack):
    files = pack_files(pack)
    assert (files.targets, files.baseline, files.agencies) == (
        pack / "targets_2024.yaml",
        pack / "baseline_2023.yaml",
        pack / "agencies.yaml",
    )
    assert files.problems == ()
    bundled = pack_files()
    assert bundled.directory == default_data_dir()
    assert (bundled.targets.name, bundled.baseline.name) == ("targets_2023.yaml", "baseline_2022.yaml")


def test_single_files_replace_the_packs_own(pack, tmp_path):
    other = shutil.copy(default_data_dir() / "agencies.yaml", tmp_path / "roster.yaml")
    files = pack_files(pack, agencies=other, baseline=default_data_dir() / "baseline_2022.yaml")
    assert files.agencies == Path(other) and files.baseline.name == "baseline_2022.yaml"
    assert files.targets == pack / "targets_2024.yaml"


def test_what_is_wrong_with_the_directory(pack, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    problems = pack_files(empty).problems
    assert [(p.code, p.severity, p.file, p.line) for p in problems] == [
        ("pack_no_targets", "error", str(empty), None),
        ("pack_no_agencies", "error", str(empty), None),
    ]
    assert pack_files(empty, targets=pack / "targets_2024.yaml", agencies=pack / "agencies.yaml").problems == ()
    shutil.copy(pack / "targets_2024.yaml", pack / "targets_2025.yml")
    shutil.copy(pack / "baseline_2023.yaml", pack / "baseline_2022.yaml")
    (many_targets, many_baselines) = pack_files(pack).problems
    assert many_targets.code == "pack_many_targets"
    assert many_targets.message("en") == (
        "more than one targets file (targets_2024.yaml, targets_2025.yml); a pack holds one plan year — keep one"
    )
    assert (
        many_baselines.code == "pack_many_baselines"
        and "baseline_2022.yaml, baseline_2023.yaml" in many_baselines.message("en")
    )


# ------------------------------------------------------------------ checking and loading


def test_a_good_pack_checks_clean_and_loads(pack):
    check = check_pack(pack_files(pack))
    assert check.findings == [] and check.valid
    assert plan_check_document(check, "en") == {
        "valid": True,
        "plan": {"year": 2024, "number": "15/KH-UBND", "indicators": 29},
        "issues": [],
    }
    plan = load_pack(pack)
    assert (plan.year, plan.baseline_year, plan.info.number) == (2024, 2023, "15/KH-UBND")
    assert plan.indicators[-1].id == ADDED and plan.baseline_value("soc.adults_smartphone") == 84


def test_a_pack_without_baselines_has_every_baseline_null(pack):
    (pack / "baseline_2023.yaml").unlink()
    plan = load_pack(pack)
    assert plan.baselines == {} and plan.baseline_year == 2023 and plan.context == []


def test_every_bad_item_is_reported_with_its_line_and_the_good_ones_kept(pack):
    targets = pack / "targets_2024.yaml"

    def damage(doc):
        doc["indicators"][1]["target"] = "thirty"
        doc["indicators"][3]["unit"] = "ratio"
        doc["indicators"][5]["colour"] = "red"

    edit(targets, damage)
    document, problems = read_document(targets)
    assert problems == []
    findings = validate_document(document, TargetsFile)
    assert [(f.code, f.line) for f in findings] == [
        ("value_not_number", line_of(targets, "target: thirty")),
        ("value_not_allowed", line_of(targets, "unit: ratio")),
        ("field_unknown", line_of(targets, "colour: red")),
    ]
    assert findings[0].message("en") == (
        "indicators[1] (gov.online_services_with_applications).target: 'thirty' is not a number"
    )
    assert findings[1].message("en") == (
        "indicators[3] (gov.dossiers_digitized).unit: 'ratio' is not allowed; "
        "use one of 'percent', 'count' or 'milestone'"
    )
    # the 26 good indicators are kept, each with its position in the file
    positions = [position for position, _ in document.items("indicators")]
    assert len(positions) == 26 and positions[:5] == [0, 2, 4, 6, 7]
    assert [ind.id for _, ind in document.items("indicators")][:2] == [
        "gov.online_services_multichannel",
        "gov.dossiers_online",
    ]
    assert [(p, m.id) for p, m in document.items("pillars")][0] == (0, "gov")  # a valid list: 0, 1, 2 …


def test_cross_checks_point_at_the_right_item_after_a_bad_one(pack):
    targets = pack / "targets_2024.yaml"

    def damage(doc):
        doc["indicators"][1]["target"] = "thirty"  # dropped from the model …
        doc["indicators"][4]["reporter"] = "SXYZ"  # … so this is the model's 4th item, the file's 5th
        doc["indicators"][6]["weight"] = 0

    edit(targets, damage)
    check = check_pack(pack_files(pack))
    assert [(f.code, f.severity, f.line) for f in check.findings] == [
        ("value_not_number", "error", line_of(targets, "target: thirty")),
        ("unknown_reporter", "error", line_of(targets, "reporter: SXYZ")),
        ("weight_zero", "warning", line_of(targets, "weight: 0")),
    ]
    assert check.findings[1].message("en") == "gov.reports_connected: reporter SXYZ is not in agencies.yaml"
    assert not check.valid and check.plan is None
    assert plan_check_document(check, "vi")["plan"] == {"year": None, "number": None, "indicators": None}


def test_load_pack_raises_every_error_and_no_warning(pack):
    targets = pack / "targets_2024.yaml"

    def damage(doc):
        doc["indicators"][0]["weight"] = 0  # a warning
        doc["indicators"][2]["pillar"] = "heath"
        doc["indicators"][8]["due"] = "2023-Q4"

    edit(targets, damage)
    with pytest.raises(PlanError) as caught:
        load_pack(pack)
    error = caught.value
    assert [(f.code, f.line) for f in error.findings] == [
        ("unknown_pillar", line_of(targets, "pillar: heath")),
        ("due_outside_year", line_of(targets, "due: 2023-Q4")),
    ]
    assert error.message("en") == (
        f"{targets}:{line_of(targets, 'pillar: heath')}: gov.dossiers_online: unknown "
        f"pillar heath (known: gov, sec, econ, soc) (and 1 more; `cds plan check {pack}` "
        "lists them all)"
    )


def test_a_pack_with_warnings_only_loads(pack):
    edit(pack / "targets_2024.yaml", lambda doc: doc["indicators"][0].update(weight=0))
    assert load_pack(pack).indicators[0].weight == 0


def test_quotes_are_checked_against_the_source_text(pack):
    # the pack's own files hold every quote (whitespace aside): a source text that has them all
    source = "".join((pack / name).read_text(encoding="utf-8") for name in ("targets_2024.yaml", "baseline_2023.yaml"))
    assert check_pack(pack_files(pack), source_text=source).findings == []
    missing = check_pack(pack_files(pack), source_text=source.replace("Kết quả soc.adults_smartphone", ""))
    assert [(f.code, Path(f.file).name) for f in missing.findings] == [("quote_not_in_source", "baseline_2023.yaml")]
    assert (
        missing.findings[0]
        .message("en")
        .endswith('the quote is not in the plan\'s text: "Kết quả soc.adults_smartphone"')
    )


# ------------------------------------------------------------------ one file


@pytest.mark.parametrize(
    "content, code, line",
    [
        (b"plan: [unclosed\n", "yaml_invalid", 2),
        (b"a: 1\n  b: 2\n", "yaml_invalid", 2),
        (b"agencies: \xff\n", "plan_file_unreadable", None),
    ],
)
def test_a_file_that_cannot_be_read_is_one_finding(tmp_path, content, code, line):
    path = tmp_path / "agencies.yaml"
    path.write_bytes(content)
    document, findings = read_document(path)
    assert document is None and [(f.code, f.file, f.line) for f in findings] == [(code, str(path), line)]


def test_a_missing_file(tmp_path):
    document, findings = read_document(tmp_path / "agencies.yaml")
    assert document is None and [f.code for f in findings] == ["plan_file_missing"]


def test_what_a_file_must_hold(tmp_path):
    path = tmp_path / "agencies.yaml"
    path.write_text("", encoding="utf-8")  # empty: an empty mapping, missing its key
    document, _ = read_document(path)
    assert [(f.code, f.message("en")) for f in validate_document(document, AgenciesFile)] == [
        ("field_missing", "agencies: a required key is missing")
    ]
    assert document.model is None
    path.write_text("- SYT\n- STTTT\n", encoding="utf-8")
    document, _ = read_document(path)
    assert [f.message("en") for f in validate_document(document, AgenciesFile)] == [
        "(top level): should be key: value pairs"
    ]


def test_a_missing_key_names_the_values_it_may_take(tmp_path):
    """A pack written from scratch: the writer is told what `time:` may be before guessing."""
    path = tmp_path / "agencies.yaml"
    path.write_text("agencies:\n  - code: SYT\n    name_vi: Sở Y tế\n    name_en: Health\n", encoding="utf-8")
    document, _ = read_document(path)
    messages = [(f.code, f.line, f.message("vi")) for f in validate_document(document, AgenciesFile)]
    assert messages == [
        ("field_missing", 2, "agencies[0] (SYT).level: thiếu khóa bắt buộc; giá trị được phép: province, district")
    ]


def test_json_is_read_and_its_lines_still_found(tmp_path):
    path = tmp_path / "agencies.yaml"
    path.write_text('{\n  "agencies": [],\n  "colour": "red"\n}\n', encoding="utf-8")
    document, findings = read_document(path)
    assert findings == [] and document.raw == {"agencies": [], "colour": "red"}
    assert [(f.code, f.line) for f in validate_document(document, AgenciesFile)] == [("field_unknown", 3)]
