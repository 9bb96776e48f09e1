"""Scoring formulas of `cds score`, checked against hand computations from the scoring rules (README: Scoring).

Every expectation below was computed by hand from the contract and from the packaged
plan data (targets_2023.yaml, baseline_2022.yaml), not from the implementation.  Each
scenario is driven through the CLI exactly as a user would run it, and read back from
`--format json` (numbers rounded to 2 decimals, hence `abs=0.01`).

Plan facts used (the bundled plan's YAML):
  sec.staff_trained_security      >= 100  stock pooled            due Q4  baseline null
  sec.systems_classified_protected >= 100 stock pooled            due Q3  baseline null
  sec.soc_4_layer                 done    milestone single STTTT  due Q4  baseline in_progress
  gov.dossiers_online             >= 30   flow  pooled            due Q4  baseline null
  gov.inspections_digital         >= 20   flow  pooled            due Q4  baseline null
  gov.commune_radio_ict           >= 50   stock pooled            due Q4  baseline null
  gov.documents_signed_electronic >= 100  flow  pooled            due Q4  baseline 98
  econ.ecommerce_retail_share     >  7    flow  single SCT        due Q4  baseline null
  soc.households_fiber            >= 70   stock single STTTT      due Q4  baseline 60
  soc.adults_smartphone           >= 80   stock single STTTT      due Q4  baseline 80
  soc.bank_accounts_15plus        >= 50   stock single NHNN       due Q4  baseline 50
  soc.adults_digital_signature    >= 20   stock single STTTT      due Q4  baseline null
  Pillar sizes: gov 14, sec 3, econ 3, soc 9 (29 indicators); all weights 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import cds_cli
from cds_cli.console import app

runner = CliRunner()

DATA = Path(__file__).parent / "data" / "scoring"
PACKAGE_DATA = Path(cds_cli.__file__).parent / "data"

PLAN_IDS = {
    "gov": [
        "gov.online_services_multichannel",
        "gov.online_services_with_applications",
        "gov.dossiers_online",
        "gov.dossiers_digitized",
        "gov.reports_connected",
        "gov.work_records_online_province",
        "gov.work_records_online_district",
        "gov.work_records_online_commune",
        "gov.documents_signed_electronic",
        "gov.governance_platform_activities",
        "gov.data_analytics_platform",
        "gov.inspections_digital",
        "gov.commune_radio_ict",
        "gov.agencies_open_data",
    ],
    "sec": [
        "sec.systems_classified_protected",
        "sec.staff_trained_security",
        "sec.soc_4_layer",
    ],
    "econ": [
        "econ.enterprises_e_contracts",
        "econ.sme_digital_platforms",
        "econ.ecommerce_retail_share",
    ],
    "soc": [
        "soc.adults_smartphone",
        "soc.bank_accounts_15plus",
        "soc.adults_digital_signature",
        "soc.workforce_digital_skills",
        "soc.households_fiber",
        "soc.citizens_e_health_records",
        "soc.higher_ed_digital",
        "soc.schools_digital",
        "soc.virtual_assistant",
    ],
}
ALL_IDS = [i for ids in PLAN_IDS.values() for i in ids]


def approx(x: float):
    return pytest.approx(x, abs=0.01)


def invoke(*args: str):
    return runner.invoke(app, ["score", *args])


def score(fixture: str, period: str | None = "2023-Q2", *extra: str) -> dict:
    """Run `cds score <fixture> --period P --format json --lang en`, return the JSON."""
    args = [str(DATA / fixture)]
    if period is not None:
        args += ["--period", period]
    args += ["--format", "json", "--lang", "en", *extra]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def indicators(doc: dict) -> dict:
    return {i["id"]: i for i in doc["indicators"]}


def pillars(doc: dict) -> dict:
    return {p["id"]: p for p in doc["pillars"]}


# --------------------------------------------------------------------------- 1


def test_pooled_is_ratio_of_sums_not_mean_of_ratios():
    ind = indicators(score("pooled_vs_mean.csv"))["sec.staff_trained_security"]
    # STTTT 9/10 (90%), SYT 10/100 (10%): V = 100*(9+10)/(10+100) = 1900/110 = 17.2727
    assert ind["value"] == approx(17.27)
    # ... and NOT the mean of the two ratios, (90+10)/2 = 50
    assert ind["value"] != approx(50.0)
    # attainment = 100*17.2727/100 = 17.27 ; no baseline -> E = T = 100
    assert ind["attainment"] == approx(17.27)
    assert ind["expected"] == approx(100.0)
    assert ind["met"] is False
    assert ind["progress"] is None  # baseline null
    # 17.27 < 0.9*100 = 90 -> off_track
    assert ind["status"] == "off_track"


# --------------------------------------------------------------------------- 2


def test_flow_sums_year_to_date_at_q2():
    ind = indicators(score("flow_ytd.csv", "2023-Q2"))["gov.dossiers_online"]
    # SYT Q1 30/100 + Q2 50/100, STP Q1 10/200 + Q2 40/200
    # V = 100*(30+50+10+40)/(100+100+200+200) = 13000/600 = 21.6667
    # (Q2 alone would be 100*90/300 = 30 -> met; that is not year to date)
    assert ind["value"] == approx(21.67)
    # attainment = 100*21.6667/30 = 72.22
    assert ind["attainment"] == approx(72.22)
    assert ind["met"] is False
    # no plan baseline, data in Q1: the provisional baseline is Q1's year to date,
    # V0 = 100*(30+10)/(100+200) = 13.33 ; E = 13.33 + (30 - 13.33)*(2-1)/(4-1) = 18.89
    assert ind["provisional_baseline"] == {"period": "2023-Q1", "value": approx(13.33)}
    assert ind["expected"] == approx(18.89)
    assert ind["status"] == "on_track"  # 21.67 >= 18.89
    assert ind["progress"] is None  # progress needs the plan's own baseline


def test_flow_at_q1_uses_only_q1():
    ind = indicators(score("flow_ytd.csv", "2023-Q1"))["gov.dossiers_online"]
    # V = 100*(30+10)/(100+200) = 4000/300 = 13.3333
    assert ind["value"] == approx(13.33)
    # attainment = 100*13.3333/30 = 44.44
    assert ind["attainment"] == approx(44.44)
    assert ind["status"] == "off_track"  # 13.33 < 27


# --------------------------------------------------------------------------- 3


def test_stock_single_takes_latest_row_up_to_period():
    q2 = indicators(score("stock_latest.csv", "2023-Q2"))["soc.households_fiber"]
    # STTTT Q1 62, Q2 66 -> at Q2 the latest is 66 (not 62, not 62+66, not their mean 64)
    assert q2["value"] == approx(66.0)
    q1 = indicators(score("stock_latest.csv", "2023-Q1"))["soc.households_fiber"]
    # at Q1 only the Q1 row exists -> 62
    assert q1["value"] == approx(62.0)
    # at Q1: E = 60 + (70-60)*1/4 = 62.5 ; 62 < 62.5 and 62 >= 0.9*62.5 = 56.25 -> at_risk
    assert q1["expected"] == approx(62.5)
    assert q1["status"] == "at_risk"
    # progress = 100*(62-60)/(70-60) = 20
    assert q1["progress"] == approx(20.0)


def test_stock_pooled_agency_reporting_only_in_q1_still_counts_at_q2():
    q2 = indicators(score("stock_latest.csv", "2023-Q2"))["gov.commune_radio_ict"]
    # UBND_GR latest <= Q2 is its Q1 row 5/10 ; UBND_HB latest is its Q2 row 8/10
    # V = 100*(5+8)/(10+10) = 65
    # (dropping UBND_GR: 80 ; summing UBND_HB's Q1+Q2: 100*15/30 = 50)
    assert q2["value"] == approx(65.0)
    # attainment = 100*65/50 = 130 -> met, achieved
    assert q2["attainment"] == approx(130.0)
    assert q2["met"] is True
    assert q2["status"] == "achieved"

    q1 = indicators(score("stock_latest.csv", "2023-Q1"))["gov.commune_radio_ict"]
    # V = 100*(5+2)/(10+10) = 35 ; attainment = 100*35/50 = 70
    assert q1["value"] == approx(35.0)
    assert q1["attainment"] == approx(70.0)
    # E = T = 50 (no baseline) ; 35 < 0.9*50 = 45 -> off_track
    assert q1["status"] == "off_track"


# --------------------------------------------------------------------------- 4


def test_attainment_uncapped_in_indicator_capped_in_pillar():
    doc = score("uncapped.csv")
    ind = indicators(doc)
    # gov.dossiers_online: V = 100*60/100 = 60 ; attainment = 100*60/30 = 200 (no cap)
    assert ind["gov.dossiers_online"]["value"] == approx(60.0)
    assert ind["gov.dossiers_online"]["attainment"] == approx(200.0)
    # met, but a flow's year to date before its due quarter is not yet the year's figure
    assert doc["period"] != "2023-Q4"
    assert ind["gov.dossiers_online"]["status"] == "on_track"
    # gov.inspections_digital: V = 100*10/100 = 10 ; attainment = 100*10/20 = 50
    assert ind["gov.inspections_digital"]["attainment"] == approx(50.0)
    gov = pillars(doc)["gov"]
    # pillar = mean(min(200,100), min(50,100)) = (100+50)/2 = 75   (uncapped would be 125)
    assert gov["score"] == approx(75.0)
    # coverage = 2/14 = 0.142857
    assert gov["coverage"] == approx(2 / 14)
    # only gov has data -> index score = 75 ; coverage = (2/14 + 0 + 0 + 0)/4 = 0.0357
    assert doc["index"]["score"] == approx(75.0)
    assert doc["index"]["coverage"] == approx(2 / 14 / 4)


# --------------------------------------------------------------------------- 5
# soc.households_fiber: B = 60, T = 70, due Q4 ; at Q2 k/d = 2/4
# E = 60 + (70-60)*2/4 = 65 ; at-risk floor 0.9*65 = 58.5


@pytest.mark.parametrize(
    "fixture, value, attainment, progress, met, status",
    [
        # 100*70/70 = 100 ; 100*(70-60)/10 = 100 ; met
        ("fiber_70.csv", 70.0, 100.0, 100.0, True, "achieved"),
        # 100*66/70 = 94.29 ; 100*(66-60)/10 = 60 ; 66 >= 65 -> on_track
        ("fiber_66.csv", 66.0, 94.29, 60.0, False, "on_track"),
        # 100*65/70 = 92.86 ; 100*(65-60)/10 = 50 ; 65 >= 65 (boundary) -> on_track
        ("fiber_65.csv", 65.0, 92.86, 50.0, False, "on_track"),
        # 100*64/70 = 91.43 ; 100*(64-60)/10 = 40 ; 58.5 <= 64 < 65 -> at_risk
        ("fiber_64.csv", 64.0, 91.43, 40.0, False, "at_risk"),
        # 100*55/70 = 78.57 ; 100*(55-60)/10 = -50 ; 55 < 58.5 -> off_track
        ("fiber_55.csv", 55.0, 78.57, -50.0, False, "off_track"),
    ],
)
def test_progress_expected_and_status_with_baseline(fixture, value, attainment, progress, met, status):
    ind = indicators(score(fixture, "2023-Q2"))["soc.households_fiber"]
    assert ind["baseline"] == approx(60.0)
    assert ind["target"] == approx(70.0)
    assert ind["expected"] == approx(65.0)
    assert ind["value"] == approx(value)
    assert ind["attainment"] == approx(attainment)
    assert ind["progress"] == approx(progress)
    assert ind["met"] is met
    assert ind["status"] == status


def test_expected_follows_the_quarter():
    # same value 64, other quarters: E(Q3) = 60 + 10*3/4 = 67.5 ; E(Q4) = 60 + 10*4/4 = 70
    q3 = indicators(score("fiber_64.csv", "2023-Q3"))["soc.households_fiber"]
    assert q3["expected"] == approx(67.5)
    assert q3["status"] == "at_risk"  # 64 >= 0.9*67.5 = 60.75, 64 < 67.5
    q4 = indicators(score("fiber_64.csv", "2023-Q4"))["soc.households_fiber"]
    assert q4["expected"] == approx(70.0)
    assert q4["status"] == "not_achieved"  # the due quarter: 64 < 70 is a fact, not a risk


def test_single_value_comes_from_numerator_denominator_when_given():
    ind = indicators(score("fiber_ratio.csv"))["soc.households_fiber"]
    # 6543/10000 with value 65 (within 0.5 pp): the score uses 100*6543/10000 = 65.43
    assert ind["value"] == approx(65.43)
    # attainment = 100*65.43/70 = 93.47 ; progress = 100*(65.43-60)/10 = 54.3
    assert ind["attainment"] == approx(93.47)
    assert ind["progress"] == approx(54.3)
    assert ind["status"] == "on_track"  # 65.43 >= E = 65


# --------------------------------------------------------------------------- 6


def test_no_baseline_expected_is_target():
    ind = indicators(score("no_baseline.csv", "2023-Q1"))["soc.adults_digital_signature"]
    assert ind["baseline"] is None
    # no baseline -> E = T = 20 even at Q1 (a path from 0 would give 20*1/4 = 5)
    assert ind["expected"] == approx(20.0)
    assert ind["value"] == approx(15.0)
    assert ind["attainment"] == approx(75.0)  # 100*15/20
    assert ind["progress"] is None
    # 15 < 0.9*20 = 18 -> off_track (it would be on_track against E = 5)
    assert ind["status"] == "off_track"


def test_baseline_equal_to_target_gives_null_progress():
    ind = indicators(score("no_baseline.csv", "2023-Q2"))
    smart = ind["soc.adults_smartphone"]
    # B = 80 = T -> progress null ; E = 80 + 0*2/4 = 80
    assert smart["baseline"] == approx(80.0)
    assert smart["progress"] is None
    assert smart["expected"] == approx(80.0)
    assert smart["value"] == approx(75.0)
    assert smart["attainment"] == approx(93.75)  # 100*75/80
    assert smart["met"] is False
    assert smart["status"] == "at_risk"  # 72 = 0.9*80 <= 75 < 80
    bank = ind["soc.bank_accounts_15plus"]
    # B = 50 = T -> progress null ; 52 >= 50 met ; attainment 100*52/50 = 104
    assert bank["progress"] is None
    assert bank["expected"] == approx(50.0)
    assert bank["attainment"] == approx(104.0)
    assert bank["met"] is True
    assert bank["status"] == "achieved"


# --------------------------------------------------------------------------- 7


def test_strict_comparator_exactly_at_target_is_not_met():
    ind = indicators(score("ecommerce_exact.csv"))["econ.ecommerce_retail_share"]
    assert ind["comparator"] == ">"
    assert ind["target"] == approx(7.0)
    # V = 100*70/1000 = 7 exactly ; met needs V > 7 -> false
    assert ind["value"] == approx(7.0)
    assert ind["met"] is False
    # attainment = 100*7/7 = 100 ; E = T = 7 (no baseline) ; 7 >= 7 -> on_track (not achieved)
    assert ind["attainment"] == approx(100.0)
    assert ind["expected"] == approx(7.0)
    assert ind["status"] == "on_track"


def test_strict_comparator_above_target_is_met_and_single_flow_sums_ytd():
    q2 = indicators(score("ecommerce_above.csv", "2023-Q2"))["econ.ecommerce_retail_share"]
    # SCT Q1 20/400 + Q2 55/600: V = 100*(20+55)/(400+600) = 7.5  (Q2 alone: 9.17)
    assert q2["value"] == approx(7.5)
    assert q2["met"] is True  # 7.5 > 7
    assert q2["status"] == "on_track"  # a flow met before its due quarter: the year is not over
    q4 = indicators(score("ecommerce_above.csv", "2023-Q4"))["econ.ecommerce_retail_share"]
    assert q4["status"] == "achieved"  # the same figure at the due quarter is the result
    assert q2["attainment"] == approx(107.14)  # 100*7.5/7
    q1 = indicators(score("ecommerce_above.csv", "2023-Q1"))["econ.ecommerce_retail_share"]
    # V = 100*20/400 = 5 ; attainment 100*5/7 = 71.43 ; 5 < 0.9*7 = 6.3 -> off_track
    assert q1["value"] == approx(5.0)
    assert q1["attainment"] == approx(71.43)
    assert q1["status"] == "off_track"


# --------------------------------------------------------------------------- 8
# sec.systems_classified_protected: T = 100, due Q3 ; sec_due.csv has STTTT 13/20 (65%) in
# Q1 and 19/20 (95%) in Q3.


@pytest.mark.parametrize(
    "period, expected, value, status",
    [
        # first data in this very quarter: E = T = 100 ; 65 < 90 -> off_track
        ("2023-Q1", 100.0, 65.0, "off_track"),
        # stock: latest <= Q2 is Q1's 65, also the provisional baseline (k0 = 1):
        # E = 65 + (100 - 65)*(2-1)/(3-1) = 82.5 ; 65 < 0.9*82.5 = 74.25 -> off_track
        ("2023-Q2", 82.5, 65.0, "off_track"),
        # the due quarter and after: E = T, and 95 < 100 is final -> not_achieved
        ("2023-Q3", 100.0, 95.0, "not_achieved"),
        ("2023-Q4", 100.0, 95.0, "not_achieved"),
    ],
)
def test_due_quarter_no_baseline(period, expected, value, status):
    ind = indicators(score("sec_due.csv", period))["sec.systems_classified_protected"]
    assert ind["expected"] == approx(expected)
    assert ind["value"] == approx(value)
    assert ind["status"] == status
    if period == "2023-Q2":
        assert ind["provisional_baseline"] == {"period": "2023-Q1", "value": approx(65.0)}
    else:  # none in the first quarter with data, none once the status is final
        assert ind["provisional_baseline"] is None


@pytest.fixture
def baseline_sec_40(tmp_path: Path) -> Path:
    """The packaged baselines with sec.systems_classified_protected set to 40 (test only)."""
    doc = yaml.safe_load((PACKAGE_DATA / "baseline_2022.yaml").read_text(encoding="utf-8"))
    for b in doc["baselines"]:
        if b["indicator"] == "sec.systems_classified_protected":
            b["value"] = 40
            b["qualifier"] = None
            b["source"] = {"section": "test fixture", "quote": "40% (test fixture)"}
            b["note"] = "test fixture"
    out = tmp_path / "baseline.yaml"
    out.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


@pytest.mark.parametrize(
    "period, expected, value, progress, status",
    [
        # k/d = 1/3: E = 40 + 60*1/3 = 60 ; V 65 >= 60 -> on_track ; progress 100*25/60 = 41.67
        ("2023-Q1", 60.0, 65.0, 41.67, "on_track"),
        # k/d = 2/3: E = 40 + 60*2/3 = 80 ; 65 < 0.9*80 = 72 -> off_track
        ("2023-Q2", 80.0, 65.0, 41.67, "off_track"),
        # the due quarter: E = T = 100 ; 95 < 100 is final -> not_achieved ; progress 100*55/60
        ("2023-Q3", 100.0, 95.0, 91.67, "not_achieved"),
        # after it: still E = T (not 120) and still final
        ("2023-Q4", 100.0, 95.0, 91.67, "not_achieved"),
    ],
)
def test_due_quarter_with_baseline(baseline_sec_40, period, expected, value, progress, status):
    doc = score("sec_due.csv", period, "--baseline", str(baseline_sec_40))
    ind = indicators(doc)["sec.systems_classified_protected"]
    assert ind["baseline"] == approx(40.0)
    assert ind["expected"] == approx(expected)
    assert ind["value"] == approx(value)
    assert ind["progress"] == approx(progress)
    assert ind["status"] == status


# --------------------------------------------------------------------------- 9
# sec.soc_4_layer: milestone, reporter STTTT, due 2023-Q4, baseline in_progress


@pytest.mark.parametrize(
    "fixture, period, value, attainment, status",
    [
        # in_progress reported Q2; before due -> on_track ; at due (Q4, latest still Q2): not done
        ("ms_in_progress.csv", "2023-Q2", "in_progress", 50.0, "on_track"),
        ("ms_in_progress.csv", "2023-Q3", "in_progress", 50.0, "on_track"),
        ("ms_in_progress.csv", "2023-Q4", "in_progress", 50.0, "not_achieved"),
        # not_started reported Q1; before due -> at_risk ; at due -> not_achieved
        ("ms_not_started.csv", "2023-Q2", "not_started", 0.0, "at_risk"),
        ("ms_not_started.csv", "2023-Q4", "not_started", 0.0, "not_achieved"),
        # Vietnamese spellings: Q1 "chưa triển khai", Q2 "Đang Triển Khai", Q3 "  hoàn thành "
        ("ms_vietnamese.csv", "2023-Q1", "not_started", 0.0, "at_risk"),
        ("ms_vietnamese.csv", "2023-Q2", "in_progress", 50.0, "on_track"),
        ("ms_vietnamese.csv", "2023-Q3", "done", 100.0, "achieved"),
        ("ms_vietnamese.csv", "2023-Q4", "done", 100.0, "achieved"),
    ],
)
def test_milestone_status(fixture, period, value, attainment, status):
    ind = indicators(score(fixture, period))["sec.soc_4_layer"]
    assert ind["unit"] == "milestone"
    assert ind["target"] == "done"
    assert ind["baseline"] == "in_progress"
    assert ind["value"] == value  # the latest status, canonical spelling
    assert ind["attainment"] == approx(attainment)
    assert ind["met"] is (value == "done")
    assert ind["status"] == status
    # for a milestone progress and expected are null
    assert ind["progress"] is None
    assert ind["expected"] is None


def test_milestone_other_vietnamese_spellings():
    ind = indicators(score("ms_vietnamese.csv", "2023-Q2"))
    # "đã triển khai" = done
    va = ind["soc.virtual_assistant"]
    assert va["value"] == "done"
    assert va["attainment"] == approx(100.0)
    assert va["met"] is True
    assert va["status"] == "achieved"
    # "Dang trien khai" (no diacritics) = in_progress ; Q2 < due Q4 -> on_track
    dap = ind["gov.data_analytics_platform"]
    assert dap["value"] == "in_progress"
    assert dap["attainment"] == approx(50.0)
    assert dap["status"] == "on_track"


# --------------------------------------------------------------------------- 10


def test_pillar_scores_coverage_and_index():
    doc = score("pillars.csv")
    ind = indicators(doc)
    # gov.dossiers_online: V = 12 ; attainment 100*12/30 = 40
    assert ind["gov.dossiers_online"]["attainment"] == approx(40.0)
    # gov.documents_signed_electronic: V = 99 ; attainment 99 ; B = 98:
    #   E = 98 + (100-98)*2/4 = 99 -> on_track ; progress = 100*(99-98)/(100-98) = 50
    sig = ind["gov.documents_signed_electronic"]
    assert sig["attainment"] == approx(99.0)
    assert sig["expected"] == approx(99.0)
    assert sig["progress"] == approx(50.0)
    assert sig["status"] == "on_track"
    # sec.soc_4_layer in_progress -> 50 ; soc.households_fiber 77 -> 100*77/70 = 110
    assert ind["sec.soc_4_layer"]["attainment"] == approx(50.0)
    assert ind["soc.households_fiber"]["attainment"] == approx(110.0)

    p = pillars(doc)
    assert set(p) == {"gov", "sec", "econ", "soc"}
    # gov = (40 + 99)/2 = 69.5 ; coverage 2/14 = 0.1429
    assert p["gov"]["score"] == approx(69.5)
    assert p["gov"]["coverage"] == approx(2 / 14)
    # sec = 50 ; coverage 1/3
    assert p["sec"]["score"] == approx(50.0)
    assert p["sec"]["coverage"] == approx(1 / 3)
    # econ: nothing -> score null, coverage 0
    assert p["econ"]["score"] is None
    assert p["econ"]["coverage"] == approx(0.0)
    # soc = min(110, 100) = 100 ; coverage 1/9
    assert p["soc"]["score"] == approx(100.0)
    assert p["soc"]["coverage"] == approx(1 / 9)
    # index score over pillars with data: (69.5 + 50 + 100)/3 = 73.17  (econ as 0: 54.88)
    assert doc["index"]["score"] == approx(73.17)
    # index coverage over all four: (2/14 + 1/3 + 0 + 1/9)/4 = 0.5873/4 = 0.1468
    assert doc["index"]["coverage"] == approx(0.1468)


@pytest.fixture
def targets_weighted(tmp_path: Path) -> Path:
    """Packaged targets with gov.dossiers_online weight 3 and pillar sec weight 2."""
    doc = yaml.safe_load((PACKAGE_DATA / "targets_2023.yaml").read_text(encoding="utf-8"))
    for p in doc["pillars"]:
        if p["id"] == "sec":
            p["weight"] = 2
    for i in doc["indicators"]:
        if i["id"] == "gov.dossiers_online":
            i["weight"] = 3
    out = tmp_path / "targets.yaml"
    out.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def test_weights_from_yaml(targets_weighted):
    doc = score("pillars.csv", "2023-Q2", "--targets", str(targets_weighted))
    p = pillars(doc)
    # gov = (3*40 + 1*99)/(3+1) = 219/4 = 54.75
    assert p["gov"]["score"] == approx(54.75)
    # gov coverage = weight with data / total weight = (3+1)/(13+3) = 0.25
    assert p["gov"]["coverage"] == approx(0.25)
    # index = (1*54.75 + 2*50 + 1*100)/(1+2+1) = 254.75/4 = 63.69   (econ has no data)
    assert doc["index"]["score"] == approx(63.69)
    # index coverage = (1*0.25 + 2*(1/3) + 1*0 + 1*(1/9))/(1+2+1+1) = 1.02778/5 = 0.2056
    assert doc["index"]["coverage"] == approx(0.2056)


# --------------------------------------------------------------------------- 11


def test_every_plan_indicator_appears_and_no_data_is_null():
    doc = score("pillars.csv")
    ids = [i["id"] for i in doc["indicators"]]
    assert len(ids) == 29
    assert sorted(ids) == sorted(ALL_IDS)
    with_data = {
        "gov.dossiers_online",
        "gov.documents_signed_electronic",
        "sec.soc_4_layer",
        "soc.households_fiber",
    }
    for ind in doc["indicators"]:
        pillar = ind["id"].split(".")[0]
        assert ind["pillar"] == pillar
        if ind["id"] in with_data:
            assert ind["status"] != "no_data"
            continue
        assert ind["status"] == "no_data", ind["id"]
        for key in ("value", "attainment", "met", "progress"):
            assert ind[key] is None, (ind["id"], key)


def test_nothing_with_data_gives_null_scores():
    # fiber_66.csv has one row, in Q2; scored at Q1 nothing has data
    doc = score("fiber_66.csv", "2023-Q1")
    assert all(i["status"] == "no_data" for i in doc["indicators"])
    assert all(p["score"] is None for p in doc["pillars"])
    assert all(p["coverage"] == approx(0.0) for p in doc["pillars"])
    assert doc["index"]["score"] is None
    assert doc["index"]["coverage"] == approx(0.0)


# --------------------------------------------------------------------------- 12


def test_rejected_row_does_not_stop_score():
    path = str(DATA / "rejected.csv")
    common = ["--period", "2023-Q2", "--format", "json", "--lang", "en"]
    loose = invoke(path, *common)
    assert loose.exit_code == 0, loose.output
    doc = json.loads(loose.stdout)
    rows = doc["rows"]
    # 5 data lines: 4 valid + 1 rejected (SNV numerator 12 > denominator 10); 1 blank row
    assert rows["read"] == 4
    assert rows["accepted"] == 3
    assert rows["rejected"] == 1
    assert rows["blank"] == 1
    assert rows["read"] == rows["accepted"] + rows["rejected"]
    assert any(i["severity"] == "error" and i["line"] == 3 for i in doc["issues"])
    # the rejected row is not scored: V = 100*8/10 = 80 (with it: 100*20/20 = 100)
    ind = indicators(doc)
    assert ind["sec.staff_trained_security"]["value"] == approx(80.0)
    assert ind["gov.dossiers_online"]["value"] == approx(30.0)  # 100*30/100 -> met
    assert ind["gov.dossiers_online"]["status"] == "on_track"  # a flow met before Q4

    strict = invoke(path, *common, "--strict")
    assert strict.exit_code == 1, strict.output
    # the score is still printed, identical
    sdoc = json.loads(strict.stdout)
    assert sdoc["rows"] == rows
    assert indicators(sdoc)["sec.staff_trained_security"]["value"] == approx(80.0)


def test_duplicate_warning_counts_once_and_keeps_strict_exit_0():
    path = str(DATA / "duplicate_warning.csv")
    result = invoke(path, "--period", "2023-Q2", "--format", "json", "--lang", "en", "--strict")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["rows"]["read"] == 3
    assert doc["rows"]["accepted"] == 2
    assert doc["rows"]["rejected"] == 1
    assert [i["severity"] for i in doc["issues"]] == ["warning"]
    # counted once: V = 100*(8+1)/(10+10) = 45   (counted twice: 100*17/30 = 56.67)
    assert indicators(doc)["sec.staff_trained_security"]["value"] == approx(45.0)


# --------------------------------------------------------------------------- 13


@pytest.mark.parametrize("period", ["2022-Q4", "2024-Q1", "2023-Q5", "2023-Q0", "2023", "banana"])
def test_period_outside_plan_year_or_malformed_is_usage_error(period):
    result = invoke(str(DATA / "pooled_vs_mean.csv"), "--period", period, "--format", "json")
    assert result.exit_code == 2, result.output


def test_period_defaults_to_latest_accepted():
    doc = score("flow_ytd.csv", None)
    assert doc["period"] == "2023-Q2"
    # same as explicit Q2: 100*130/600 = 21.67
    assert indicators(doc)["gov.dossiers_online"]["value"] == approx(21.67)
