"""The plan as data: every target as the plan states it, and broken plan files stop with exit 2."""

from pathlib import Path

import pytest
import yaml
from conftest import cds

from cds_cli import load_plan
from cds_cli.plan import default_data_dir

# The bundled plan's indicators, transcribed from the plan:
# id: (pillar, comparator, target, time, aggregate, reporter, due)
INDICATORS = {
    "gov.online_services_multichannel": ("gov", ">=", 100, "stock", "single", "VPUBND", "2023-Q4"),
    "gov.online_services_with_applications": ("gov", ">=", 80, "stock", "pooled", None, "2023-Q4"),
    "gov.dossiers_online": ("gov", ">=", 30, "flow", "pooled", None, "2023-Q4"),
    "gov.dossiers_digitized": ("gov", ">=", 100, "flow", "pooled", None, "2023-Q4"),
    "gov.reports_connected": ("gov", ">=", 100, "stock", "single", "VPUBND", "2023-Q4"),
    "gov.work_records_online_province": ("gov", ">=", 90, "flow", "pooled", None, "2023-Q4"),
    "gov.work_records_online_district": ("gov", ">=", 80, "flow", "pooled", None, "2023-Q4"),
    "gov.work_records_online_commune": ("gov", ">=", 60, "flow", "pooled", None, "2023-Q4"),
    "gov.documents_signed_electronic": ("gov", ">=", 100, "flow", "pooled", None, "2023-Q4"),
    "gov.governance_platform_activities": ("gov", ">=", 50, "stock", "single", "STTTT", "2023-Q4"),
    "gov.data_analytics_platform": ("gov", "=", "done", "stock", "single", "STTTT", "2023-Q4"),
    "gov.inspections_digital": ("gov", ">=", 20, "flow", "pooled", None, "2023-Q4"),
    "gov.commune_radio_ict": ("gov", ">=", 50, "stock", "pooled", None, "2023-Q4"),
    "gov.agencies_open_data": ("gov", ">=", 50, "stock", "single", "STTTT", "2023-Q4"),
    "sec.systems_classified_protected": ("sec", ">=", 100, "stock", "pooled", None, "2023-Q3"),
    "sec.staff_trained_security": ("sec", ">=", 100, "stock", "pooled", None, "2023-Q4"),
    "sec.soc_4_layer": ("sec", "=", "done", "stock", "single", "STTTT", "2023-Q4"),
    "econ.enterprises_e_contracts": ("econ", ">=", 30, "stock", "single", "SKHDT", "2023-Q4"),
    "econ.sme_digital_platforms": ("econ", ">=", 50, "stock", "single", "SKHDT", "2023-Q4"),
    "econ.ecommerce_retail_share": ("econ", ">", 7, "flow", "single", "SCT", "2023-Q4"),
    "soc.adults_smartphone": ("soc", ">=", 80, "stock", "single", "STTTT", "2023-Q4"),
    "soc.bank_accounts_15plus": ("soc", ">=", 50, "stock", "single", "NHNN", "2023-Q4"),
    "soc.adults_digital_signature": ("soc", ">=", 20, "stock", "single", "STTTT", "2023-Q4"),
    "soc.workforce_digital_skills": ("soc", ">=", 35, "stock", "single", "SLDTBXH", "2023-Q4"),
    "soc.households_fiber": ("soc", ">=", 70, "stock", "single", "STTTT", "2023-Q4"),
    "soc.citizens_e_health_records": ("soc", ">=", 70, "stock", "single", "SYT", "2023-Q4"),
    "soc.higher_ed_digital": ("soc", ">=", 50, "stock", "single", "SGDDT", "2023-Q4"),
    "soc.schools_digital": ("soc", ">=", 40, "stock", "single", "SGDDT", "2023-Q4"),
    "soc.virtual_assistant": ("soc", "=", "done", "stock", "single", "STTTT", "2023-Q4"),
}
AGENCY_CODES = {
    "VPUBND",
    "STTTT",
    "SKHDT",
    "STC",
    "SKHCN",
    "SNV",
    "STP",
    "SYT",
    "SGDDT",
    "SLDTBXH",
    "STNMT",
    "SGTVT",
    "SCT",
    "SNNPTNT",
    "SXD",
    "SVHTTDL",
    "TTRA",
    "BDT",
    "CAT",
    "NHNN",
    "UBND_TPBL",
    "UBND_GR",
    "UBND_HD",
    "UBND_PL",
    "UBND_VL",
    "UBND_HB",
    "UBND_DH",
}
PLAN_TEXT = default_data_dir() / "ke-hoach-64-KH-UBND-2023-bac-lieu.txt"  # the plan's own text, shipped beside its pack


@pytest.fixture(scope="module")
def plan():
    return load_plan()


def test_all_29_targets_as_the_contract_states_them(plan):
    assert [ind.id for ind in plan.indicators] == list(INDICATORS)
    for ind in plan.indicators:
        target = ind.target if ind.is_milestone else float(ind.target)
        assert (ind.pillar, ind.comparator, target, ind.time, ind.aggregate, ind.reporter, ind.due) == INDICATORS[
            ind.id
        ]
        assert ind.unit == ("milestone" if target == "done" else "percent")
        assert ind.source.section.startswith("Phần II") and ind.source.quote and ind.name_vi and ind.name_en


def test_the_target_figure_is_in_the_plans_own_words(plan):
    for ind in plan.indicators:
        if not ind.is_milestone:
            assert f"{ind.target:g}%" in ind.source.quote, ind.id


def test_baselines_the_plan_states_with_their_hedges(plan):
    stated = {i: (b.value, b.qualifier) for i, b in plan.baselines.items() if b.value is not None}
    assert stated == {
        "soc.adults_smartphone": (80, "approx"),  # "ước đạt 80%"
        "soc.bank_accounts_15plus": (50, "nearly"),  # "ước đạt gần 50%"
        "soc.households_fiber": (60, "above"),  # "ước đạt trên 60%"
        "gov.documents_signed_electronic": (98, "about"),  # "đạt khoảng 98%"
        "sec.soc_4_layer": ("in_progress", None),  # pilot SOC, not yet to the Ministry's model
    }
    assert set(plan.baselines) == set(INDICATORS)  # every indicator has an entry, null where none is stated


def test_context_figures_are_kept_but_not_scored(plan):
    context = {c.id: c.value for c in plan.context}
    assert 1412 in context.values() and 143623 in context.values() and 16.87 in context.values()
    assert not set(context) & set(INDICATORS)


def test_every_quote_is_verbatim_in_the_plan(plan):
    text = " ".join(PLAN_TEXT.read_text(encoding="utf-8").split())
    quotes = [ind.source.quote for ind in plan.indicators]
    quotes += [b.source.quote for b in plan.baselines.values() if b.source]
    quotes += [c.source.quote for c in plan.context]
    for quote in quotes:
        assert " ".join(quote.split()) in text, quote


def test_agencies_of_the_contract_with_names_and_aliases(plan):
    assert {a.code for a in plan.agencies} == AGENCY_CODES
    assert plan.agency_lookup["so y te"] == "SYT"
    assert plan.agency_lookup["ubnd huyen hong dan"] == "UBND_HD"


# ------------------------------------------------------------------ broken plan files


def broken_targets(tmp_path, edit) -> Path:
    doc = yaml.safe_load((default_data_dir() / "targets_2023.yaml").read_text(encoding="utf-8"))
    edit(doc)
    path = tmp_path / "targets.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda d: d["indicators"][2].update(pillar="health"), "unknown pillar health"),
        (
            lambda d: d["indicators"][3].update(id=d["indicators"][2]["id"]),
            "indicator id gov.dossiers_online is declared twice",
        ),
        (lambda d: d["indicators"][2].update(target="thirty"), "indicators[2] (gov.dossiers_online).target"),
        (lambda d: d["indicators"][10].update(target=5), "milestone"),
        (lambda d: d["indicators"][0].update(reporter="SXYZ"), "reporter SXYZ is not in agencies.yaml"),
        (lambda d: d["indicators"][0].update(due="2022-Q4"), "before the plan year"),
    ],
)
def test_broken_targets_exit_2_naming_file_line_and_problem(tmp_path, edit, message):
    path = broken_targets(tmp_path, edit)
    result = cds("indicators", "--targets", path, "--lang", "en")
    assert result.exit_code == 2
    assert message in result.stderr
    assert f"{path}:" in result.stderr  # file:line
    assert "Traceback" not in result.output


@pytest.mark.parametrize("folder", ["0-sorts-first", "zz-sorts-last"])
def test_the_first_error_shown_does_not_depend_on_where_the_files_live(tmp_path, folder):
    # Two targets declared with one id also leave two baselines without a target: the
    # targets file's own error is the one to show first, whether its path sorts before or
    # after the pack's baseline file (CI once checked out under /check, sorting before /tmp).
    pack = tmp_path / folder
    pack.mkdir()
    for name in ("baseline_2022.yaml", "agencies.yaml"):
        (pack / name).write_bytes((default_data_dir() / name).read_bytes())
    targets = broken_targets(tmp_path, lambda d: d["indicators"][3].update(id=d["indicators"][2]["id"]))
    result = cds("indicators", "--plan", pack, "--targets", targets, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"cds: {targets}:")
    assert "gov.dossiers_online is declared twice" in result.stderr


def test_bad_yaml_names_the_line(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text("plan:\n  number: [unclosed\nindicators: []\n", encoding="utf-8")
    result = cds("score", tmp_path, "--targets", path, "--lang", "en")
    assert result.exit_code == 2
    assert f"{path}:" in result.stderr and "not valid YAML" in result.stderr


def test_yaml_tags_that_build_objects_are_refused(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text("plan: !!python/object/apply:os.system ['echo hacked']\n", encoding="utf-8")
    result = cds("indicators", "--targets", path)
    assert result.exit_code == 2
    assert "hacked" not in result.output


def test_baseline_for_unknown_indicator(tmp_path):
    path = tmp_path / "baseline.yaml"
    path.write_text(
        "year: 2022\nbaselines:\n  - indicator: gov.nothing\n    value: 5\n    source: {section: x, quote: y}\n",
        encoding="utf-8",
    )
    result = cds("indicators", "--baseline", path, "--lang", "en")
    assert result.exit_code == 2
    assert f"{path}:3" in result.stderr and "the targets file does not have: gov.nothing" in result.stderr


def test_missing_plan_file(tmp_path):
    result = cds("indicators", "--agencies", tmp_path / "none.yaml", "--lang", "en")
    assert result.exit_code == 2 and "plan file not found" in result.stderr
