"""cds_cli.status: which reports the plan expects, and which were received, rejected or missing.

Plan facts used (agencies.yaml, targets_2023.yaml): 27 agencies; CAT expects nothing; SYT
reports 9 indicators (its single soc.citizens_e_health_records and 8 pooled ones of the
provincial departments); pooled indicators of departments and districts expect 25
agencies; 232 expected reports in all (18 single + 7 × 25 + 18 + 3 × 7).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import HEADER, cds, cds_json

from cds_cli.json_documents import status_document
from cds_cli.periods import Period
from cds_cli.plan import load_plan
from cds_cli.status import MISSING, RECEIVED, REJECTED, completeness, expected_reports
from cds_cli.submissions.validate import read_submissions

Q1, Q2, Q3 = Period(2023, 1), Period(2023, 2), Period(2023, 3)

ROWS = (
    "SYT,2023-Q2,soc.citizens_e_health_records,,,45,\n"  # 2 received
    "SYT,2023-Q2,gov.dossiers_online,30,20,,\n"  # 3 rejected (numerator > denominator)
    "SYT,2023-Q1,gov.dossiers_digitized,3,4,,\n"  # 4 another quarter
    "SYT,2023-Q2,sec.staff_trained_security,abc,10,,\n"  # 5 rejected, but …
    "SYT,2023-Q2,sec.staff_trained_security,5,10,,\n"  # 6 … an accepted row of the same report
    "UBND_HD,2023-Q2,gov.commune_radio_ict,3,4,,\n"  # 7 received
    "SYT,2023-Q2,soc.households_fiber,,,70,\n"  # 8 wrong reporter: not an expected report
    "SYT,2023-Q3,gov.dossiers_online,30,20,,\n"  # 9 rejected in Q3: not a default period
    "Sở XYZ,2023-Q2,gov.dossiers_online,1,2,,\n"  # 10 unknown agency: nobody's report
)
SYT_MISSING_Q2 = [
    "gov.online_services_with_applications",
    "gov.dossiers_digitized",
    "gov.work_records_online_province",
    "gov.documents_signed_electronic",
    "gov.inspections_digital",
    "sec.systems_classified_protected",
]


@pytest.fixture(scope="module")
def plan():
    return load_plan()


@pytest.fixture
def report(write, plan):
    return read_submissions([write("q.csv", HEADER + ROWS)], plan)


def _row(rows, key):
    return next(row for row in rows if row["id"] == key)


def test_expected_reports_are_the_plans_pairs_in_the_agencies_files_order(plan):
    expected = expected_reports(plan)
    assert list(expected.columns) == ["agency", "indicator"] and len(expected) == 232
    codes = [agency.code for agency in plan.agencies]
    agencies = list(dict.fromkeys(expected["agency"]))
    assert agencies == [code for code in codes if code != "CAT"]  # CAT reports nothing
    per_indicator = expected["indicator"].value_counts()
    assert per_indicator["gov.dossiers_online"] == 25
    assert per_indicator["gov.work_records_online_province"] == 18
    assert per_indicator["gov.work_records_online_district"] == 7
    assert per_indicator["soc.adults_smartphone"] == 1
    nhnn = expected.loc[expected["agency"] == "NHNN", "indicator"].tolist()
    assert nhnn == ["soc.bank_accounts_15plus"]
    syt = expected.loc[expected["agency"] == "SYT", "indicator"].tolist()
    assert syt == [
        "gov.online_services_with_applications",
        "gov.dossiers_online",
        "gov.dossiers_digitized",
        "gov.work_records_online_province",
        "gov.documents_signed_electronic",
        "gov.inspections_digital",
        "sec.systems_classified_protected",
        "sec.staff_trained_security",
        "soc.citizens_e_health_records",
    ]


def test_received_rejected_and_missing(report, plan):
    status = completeness(report, plan, Q2)
    states = {(row.agency, row.indicator): row.state for row in status.reports.itertuples()}
    assert states["SYT", "soc.citizens_e_health_records"] == RECEIVED
    assert states["SYT", "gov.dossiers_online"] == REJECTED
    assert states["SYT", "sec.staff_trained_security"] == RECEIVED  # an accepted row wins over a rejected one
    assert states["UBND_HD", "gov.commune_radio_ict"] == RECEIVED
    assert states["STTTT", "soc.households_fiber"] == MISSING  # SYT's row for it is nobody's report
    assert ("SYT", "soc.households_fiber") not in states
    assert len(states) == 232 and sum(state == RECEIVED for state in states.values()) == 3
    assert sum(state == REJECTED for state in states.values()) == 1


def test_a_report_counts_only_for_exactly_its_quarter(report, plan):
    # a stock figure of Q1 carries into the Q2 score, but it is not the Q2 report
    q1 = _row(completeness(report, plan, Q1).by_agency(), "SYT")
    assert (q1["received"], q1["rejected"]) == (1, [])
    assert "gov.dossiers_digitized" not in q1["missing"]
    q2 = _row(completeness(report, plan, Q2).by_agency(), "SYT")
    assert "gov.dossiers_digitized" in q2["missing"]
    q3 = completeness(report, plan, Q3)
    assert (q3.received, _row(q3.by_agency(), "SYT")["rejected"]) == (0, ["gov.dossiers_online"])
    assert q3.rate == 0.0


def test_the_default_period_is_the_latest_with_accepted_rows(report, plan):
    status = completeness(report, plan)
    assert status.period == Q2  # the rejected Q3 row does not make Q3 the period
    assert status.received == 3 and status.expected == 232


def test_nothing_accepted_means_no_period_and_everything_missing(write, plan):
    report = read_submissions([write("bad.csv", HEADER + "SYT,2023-Q2,gov.dossiers_online,30,20,,\n")], plan)
    status = completeness(report, plan)
    assert status.period is None
    assert set(status.reports["state"]) == {MISSING}
    assert (status.received, status.expected, status.rate) == (0, 232, 0.0)
    assert status_document(status, "vi")["period"] is None


def test_by_agency_in_the_agencies_files_order_with_rates(report, plan):
    rows = completeness(report, plan, Q2).by_agency()
    assert [row["id"] for row in rows] == [a.code for a in plan.agencies if a.code != "CAT"]
    assert _row(rows, "SYT") == {
        "id": "SYT",
        "expected": 9,
        "received": 2,
        "rate": pytest.approx(2 / 9),
        "missing": SYT_MISSING_Q2,
        "rejected": ["gov.dossiers_online"],
    }
    nhnn = _row(rows, "NHNN")
    assert (nhnn["expected"], nhnn["received"], nhnn["rate"], nhnn["missing"]) == (
        1,
        0,
        0.0,
        ["soc.bank_accounts_15plus"],
    )
    hd = _row(rows, "UBND_HD")
    assert (hd["expected"], hd["received"], hd["rate"]) == (10, 1, 0.1)


def test_by_indicator_in_the_plans_order(report, plan):
    status = completeness(report, plan, Q2)
    rows = status.by_indicator()
    assert [row["id"] for row in rows] == [ind.id for ind in plan.indicators]
    dossiers = _row(rows, "gov.dossiers_online")
    assert (dossiers["expected"], dossiers["received"], dossiers["rate"]) == (25, 0, 0.0)
    assert dossiers["rejected"] == ["SYT"] and len(dossiers["missing"]) == 24 and "SYT" not in dossiers["missing"]
    assert dossiers["missing"][:3] == ["VPUBND", "STTTT", "SKHDT"]
    radio = _row(rows, "gov.commune_radio_ict")
    assert (radio["expected"], radio["received"]) == (7, 1) and radio["rate"] == pytest.approx(1 / 7)
    assert _row(rows, "soc.households_fiber") == {
        "id": "soc.households_fiber",
        "expected": 1,
        "received": 0,
        "rate": 0.0,
        "missing": ["STTTT"],
        "rejected": [],
    }
    rates = status.indicator_rates()
    assert list(rates) == [ind.id for ind in plan.indicators]
    assert rates["soc.citizens_e_health_records"]["rate"] == 1.0


def test_the_document_rounds_rates_and_names_in_the_language(report, plan):
    status = completeness(report, plan, Q2)
    assert status.rate == pytest.approx(3 / 232)
    vi, en = status_document(status, "vi"), status_document(status, "en")
    assert (en["period"], en["expected"], en["received"], en["rate"]) == ("2023-Q2", 232, 3, 0.0129)
    syt_vi, syt_en = _row(vi["agencies"], "SYT"), _row(en["agencies"], "SYT")
    assert (syt_vi["name"], syt_en["name"]) == ("Sở Y tế", "Department of Health")
    assert syt_en["rate"] == 0.2222 and syt_en["missing"] == SYT_MISSING_Q2
    radio = _row(en["indicators"], "gov.commune_radio_ict")
    assert radio["rate"] == 0.1429
    assert radio["short_name"] == plan.indicator("gov.commune_radio_ict").short_name("en")
    # ids, states and keys never change with the language
    assert [r["id"] for r in vi["indicators"]] == [r["id"] for r in en["indicators"]]
    assert _row(vi["agencies"], "SYT")["rejected"] == ["gov.dossiers_online"]


# ------------------------------------------------------------------ hints: a report sent under another period

LAST_YEAR = "SYT,Quý I/2022,gov.dossiers_online,3,10,,\n"  # line 2: last year's quarter typed into 2023's file
ON_TIME = "SYT,2023-Q1,gov.dossiers_digitized,3,10,,\n"  # line 3: a report that did arrive


def _status(*args):
    return cds_json("status", *args, "--lang", "en", expect_exit=0)


def test_a_report_sent_with_last_years_period_is_missing_with_a_hint(write):
    path = write("2023-Q1/SYT.csv", HEADER + LAST_YEAR + ON_TIME)
    doc = _status(path, "--period", "2023-Q1")
    syt = _row(doc["agencies"], "SYT")
    assert "gov.dossiers_online" in syt["missing"]  # still missing: the row was rejected
    hint = {"file": str(path), "line": 2, "period": "Quý I/2022", "reason": "outside_plan"}
    assert syt["hints"] == [{"indicator": "gov.dossiers_online", **hint}]
    assert _row(doc["indicators"], "gov.dossiers_online")["hints"] == [{"agency": "SYT", **hint}]
    assert all(not a["hints"] for a in doc["agencies"] if a["id"] != "SYT")
    # the same row says nothing about the second quarter: its quarter is the first
    assert all(not a["hints"] for a in _status(path, "--period", "2023-Q2")["agencies"])


def test_a_typed_year_hints_wherever_the_file_lies(write):
    """Outside the plan's year, the quarter alone ties the row to the missing report."""
    path = write("inbox/syt.csv", HEADER + LAST_YEAR + ON_TIME)
    assert _row(_status(path, "--period", "2023-Q1")["agencies"], "SYT")["hints"][0]["line"] == 2


def test_another_quarters_row_in_this_quarters_folder_is_a_hint(write):
    q2 = write("2023-Q2/STP.csv", HEADER + "STP,2023-Q1,gov.dossiers_online,3,10,,\n")
    q1 = write("2023-Q1/STP.csv", HEADER + "STP,2023-Q1,gov.inspections_digital,3,10,,\n")
    doc = _status(q1, q2, "--period", "2023-Q2")
    stp = _row(doc["agencies"], "STP")
    assert stp["hints"] == [
        {"indicator": "gov.dossiers_online", "file": str(q2), "line": 2, "period": "2023-Q1", "reason": "in_folder"}
    ]
    # the Q1 row in its own folder is no hint for Q2; in Q1 the misfiled row counts as received
    first = _status(q1, q2, "--period", "2023-Q1")
    assert (
        _row(first["agencies"], "STP")["hints"] == []
        and "gov.dossiers_online" not in _row(first["agencies"], "STP")["missing"]
    )


def test_no_hint_for_a_received_report_another_agency_or_a_row_without_period(write):
    rows = (
        LAST_YEAR
        + "SYT,2023-Q1,gov.dossiers_online,4,10,,\n"  # the report did arrive: no hint needed
        + "STP,Quý I/2022,gov.work_records_online_province,1,2,,\n"  # STP's own report: hint for STP only
        + "STC,,gov.dossiers_online,1,2,,\n"  # no period at all: nothing to name
    )
    doc = _status(write("2023-Q1/mixed.csv", HEADER + rows), "--period", "2023-Q1")
    hinted = {(a["id"], h["indicator"]) for a in doc["agencies"] for h in a["hints"]}
    assert hinted == {("STP", "gov.work_records_online_province")}


def test_hints_in_the_table_and_the_csv(write, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    path = write("2023-Q1/SYT.csv", HEADER + LAST_YEAR + ON_TIME)
    table = cds("status", path, "--period", "2023-Q1", "--lang", "en").stdout
    assert f"{path} line 2 gives the period Quý I/2022, outside the plan year 2023" in " ".join(table.split())
    vi = cds("status", path, "--period", "2023-Q1", "--lang", "vi").stdout
    assert f"{path} dòng 2 ghi kỳ Quý I/2022, ngoài năm kế hoạch 2023" in " ".join(vi.split())
    csv_text = cds("status", path, "--period", "2023-Q1", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    hinted = [r for r in rows if r["hint_file"]]
    assert [
        (r["agency"], r["indicator"], r["state"], r["hint_file"], r["hint_line"], r["hint_period"]) for r in hinted
    ] == [("SYT", "gov.dossiers_online", "missing", str(path), "2", "Quý I/2022")]
    assert hinted[0]["hint_reason"] == "outside_plan"
    clean = cds("status", write("ok.csv", HEADER + ON_TIME), "--period", "2023-Q1", "--lang", "en").stdout
    assert "Quý" not in clean and "another period" not in clean


def test_a_long_table_shows_the_lowest_rates_first_and_says_how_to_get_all(monkeypatch):
    """A ministry's 22,000 agencies are not laid out on a screen: past the limit, the table keeps
    those that most need a call and says how many it left out (here the limit is set to 5)."""
    from cds_cli import status as status_module

    monkeypatch.setattr(status_module, "LONG_LIST", 5)
    monkeypatch.setenv("COLUMNS", "250")
    examples = Path(__file__).resolve().parents[1] / "examples" / "2023"
    table = cds("status", examples, "--period", "2023-Q4", "--lang", "en").stdout
    every = cds_json("status", examples, "--period", "2023-Q4", "--lang", "en")["agencies"]
    said = f"Showing 5 of {len(every)} agencies (the lowest reporting rates first); all of them: cds status"
    assert said + " … --format csv" in table
    lowest = sorted(every, key=lambda a: a["rate"])[:5]
    assert all(f" {a['name']} " in table for a in lowest)
    shown = [a for a in every if f" {a['name']} " in table]
    assert len(shown) == 5 and max(a["rate"] for a in shown) <= min(a["rate"] for a in every if a not in shown)


def test_a_long_list_in_a_cell_says_how_many_more(monkeypatch):
    from cds_cli.console.tables import LISTED, _listed

    codes = [f"X{k}" for k in range(LISTED + 3)]
    assert _listed(codes, "en") == ", ".join(codes[:LISTED]) + " … (+3)"
    assert _listed(codes[:2], "vi") == "X0, X1"
