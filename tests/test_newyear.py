"""cds_cli.plan.newyear.new_pack: next year's pack from this year's pack and results."""

from __future__ import annotations

import pytest
import yaml
from conftest import HEADER

from cds_cli.errors import UsageError
from cds_cli.outputs import sha256_of
from cds_cli.periods import Period
from cds_cli.plan import check_pack, default_data_dir, load_plan, pack_files
from cds_cli.plan.newyear import new_pack
from cds_cli.scoring import score
from cds_cli.submissions.validate import read_submissions
from cds_cli.view import scorecard_view

# Hand computations at 2023-Q3, the last reported quarter:
#   soc.adults_smartphone (stock): the latest row, 83.456 → 83.46
#   gov.dossiers_online (flow, pooled): (10 + 20 + 45) / (100 + 100 + 100) = 25
#   sec.soc_4_layer: done
A = (
    "STTTT,2023-Q1,soc.adults_smartphone,,,81,\n"
    "STTTT,2023-Q3,soc.adults_smartphone,,,83.456,\n"
    "SYT,2023-Q1,gov.dossiers_online,10,100,,\n"
    "SYT,2023-Q2,gov.dossiers_online,20,100,,\n"
)
B = (
    "STTTT,2023-Q2,gov.dossiers_online,45,100,,\n"
    "STTTT,2023-Q3,sec.soc_4_layer,,,hoàn thành,\n"
    "SYT,2023-Q3,gov.dossiers_online,abc,100,,\n"
)  # rejected: not counted


@pytest.fixture(scope="module")
def plan():
    return load_plan()


@pytest.fixture
def results(write, plan):
    inputs = [write("results/a.csv", HEADER + A), write("results/b.csv", HEADER + B)]
    return read_submissions([inputs[0].parent], plan), inputs


def _yaml(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_new_pack_and_its_baselines(results, plan, tmp_path):
    report, inputs = results
    out = tmp_path / "plan-2024"
    made = new_pack(plan, 2024, report, out)
    assert (made.directory, made.year, made.baselines, made.files) == (out, 2024, 3, 2)
    assert made.summary("en").startswith(f"Wrote the 2024 plan pack to {out}: 3 baselines of 2023 from 2 files;")
    assert sorted(p.name for p in out.iterdir()) == ["agencies.yaml", "baseline_2023.yaml", "targets_2024.yaml"]
    assert (out / "agencies.yaml").read_bytes() == (default_data_dir() / "agencies.yaml").read_bytes()

    baseline = _yaml(out / "baseline_2023.yaml")
    assert baseline["year"] == 2023
    assert baseline["results"] == {
        "period": "2023-Q3",
        "reporting_rate": round(score(report, plan, Period(2023, 3)).reporting.rate, 4),
        "files": [{"file": str(path), "sha256": sha256_of(path)} for path in inputs],
    }
    values = {b["indicator"]: b for b in baseline["baselines"]}
    assert list(values) == [ind.id for ind in plan.indicators]
    assert values["soc.adults_smartphone"] == {
        "indicator": "soc.adults_smartphone",
        "value": 83.46,
        "qualifier": "reported",
    }
    assert values["gov.dossiers_online"]["value"] == 25.0
    assert values["sec.soc_4_layer"]["value"] == "done"
    assert values["soc.households_fiber"] == {
        "indicator": "soc.households_fiber",
        "value": None,
        "note": "no accepted data for soc.households_fiber up to 2023-Q3 in the results",
    }


def test_baselines_are_the_scores_of_the_last_quarter(results, plan, tmp_path):
    report, inputs = results
    new_pack(plan, 2024, report, tmp_path / "out")
    card = scorecard_view(score(report, plan, Period(2023, 3)))  # as `cds score` shows them
    values = {b["indicator"]: b["value"] for b in _yaml(tmp_path / "out" / "baseline_2023.yaml")["baselines"]}
    assert values == {row.id: row.value for row in card.indicators}


def test_targets_move_to_the_new_year_marked_for_review(results, plan, tmp_path):
    report, inputs = results
    new_pack(plan, 2024, report, tmp_path / "out")
    targets = _yaml(tmp_path / "out" / "targets_2024.yaml")
    info = targets["plan"]
    # the new plan's number and date are not known: left empty, never last year's (64/KH-UBND)
    assert (info["year"], info["date"], info["review"], info["number"]) == (2024, "", True, "")
    assert "2024" in info["title_vi"] and "2023" not in info["title_vi"]
    dues = {ind["id"]: ind["due"] for ind in targets["indicators"]}
    assert dues["sec.systems_classified_protected"] == "2024-Q3" and dues["soc.adults_smartphone"] == "2024-Q4"
    assert all(ind["review"] is True for ind in targets["indicators"])
    assert [ind["target"] for ind in targets["indicators"]] == [ind.target for ind in plan.indicators]
    # the new pack checks: warnings that ask for a review, no error
    check = check_pack(pack_files(tmp_path / "out"))
    assert check.valid and {f.code for f in check.findings} == {
        "plan_info_review",
        "target_review",
        "plan_number_missing",
        "plan_date_missing",
        "target_met_by_baseline",  # carried-over targets this year's results already meet
    }


def test_the_new_plans_number_and_date_as_given(results, plan, tmp_path):
    report, _ = results
    new_pack(plan, 2024, report, tmp_path / "out", "15/KH-UBND", "2024-03-01")
    info = _yaml(tmp_path / "out" / "targets_2024.yaml")["plan"]
    assert (info["number"], info["date"]) == ("15/KH-UBND", "2024-03-01")
    codes = {f.code for f in check_pack(pack_files(tmp_path / "out")).findings}
    assert "plan_number_missing" not in codes and "plan_date_missing" not in codes


def test_no_accepted_rows_means_null_baselines(write, plan, tmp_path):
    path = write("bad.csv", HEADER + "SYT,2023-Q2,gov.dossiers_online,30,20,,\n")
    made = new_pack(plan, 2024, read_submissions([path], plan), tmp_path / "out")
    baseline = _yaml(tmp_path / "out" / "baseline_2023.yaml")
    assert made.baselines == 0 and baseline["results"]["period"] == "2023"
    assert {b["value"] for b in baseline["baselines"]} == {None}
    assert (
        baseline["baselines"][0]["note"]
        == "no accepted data for gov.online_services_multichannel up to 2023 in the results"
    )


def test_an_empty_output_folder_is_used(results, plan, tmp_path):
    report, inputs = results
    (tmp_path / "out").mkdir()
    new_pack(plan, 2024, report, tmp_path / "out")
    assert len(list((tmp_path / "out").iterdir())) == 3


@pytest.mark.parametrize("existing", ["folder", "file"])
def test_it_never_overwrites(results, plan, tmp_path, existing):
    report, inputs = results
    out = tmp_path / "out"
    if existing == "folder":
        out.mkdir()
        (out / "notes.txt").write_text("mine", encoding="utf-8")
    else:
        out.write_text("mine", encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(UsageError) as caught:
        new_pack(plan, 2024, report, out)
    assert caught.value.code == "out_exists" and caught.value.message("en").startswith(f"{out} already exists;")
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.parametrize("year", [2023, 2025])
def test_the_new_year_follows_the_plans(results, plan, tmp_path, year):
    report, inputs = results
    with pytest.raises(UsageError) as caught:
        new_pack(plan, year, report, tmp_path / "out")
    assert caught.value.code == "new_year"
    assert caught.value.message("en") == (
        f"--year {year}: the plan it starts from is for 2023; the new year must be 2024"
    )
    assert not (tmp_path / "out").exists()


def test_an_output_in_a_folder_that_does_not_exist_yet(results, plan, tmp_path):
    report, inputs = results
    out = tmp_path / "packs" / "plan-2024"
    try:
        new_pack(plan, 2024, report, out)
    except UsageError:
        pass  # a clear "cannot write" is as good as creating the folder
    else:
        assert (out / "targets_2024.yaml").is_file()
