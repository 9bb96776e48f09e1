"""Each validation rule through `cds validate --format json`: a bad case and a good one."""

import pytest
from conftest import HEADER, cds, cds_json

GOOD_ROWS = [
    "STTTT,2023-Q2,soc.adults_smartphone,,,81,",  # single stock, value only
    "STTTT,2023-Q2,soc.households_fiber,620,1000,62%,",  # all three, consistent
    "SYT,2023-Q2,gov.dossiers_online,1.200,4.000,,",  # pooled flow, VN thousands
    "UBND_HD,Q2/2023,gov.work_records_online_district,45,60,75,",
    "STTTT,Quý II/2023,sec.soc_4_layer,,,đang triển khai,",  # milestone, Vietnamese
    "STTTT,2023-Q2,soc.virtual_assistant,,,not_started,",
    'So Y te,2023-Q2,soc.citizens_e_health_records,,,"45,5",',  # name without diacritics
]

# (row, code, column) — the row is line 2 of its file
BAD_ROWS = [
    (",2023-Q2,soc.adults_smartphone,,,81,", "required_missing", "agency"),
    ("STTTT,,soc.adults_smartphone,,,81,", "required_missing", "period"),
    ("STTTT,2023-Q2,,,,81,", "required_missing", "indicator"),
    ("So Y tee,2023-Q2,gov.dossiers_online,1,2,,", "agency_unknown", "agency"),
    ("STTTT,Q5/2023,soc.adults_smartphone,,,81,", "period_invalid", "period"),
    ("STTTT,2022-Q4,soc.adults_smartphone,,,81,", "period_outside_plan", "period"),
    ("SYT,2023-Q2,gov.dosiers_online,1,2,,", "indicator_unknown", "indicator"),
    ("SYT,2023-Q2,gov.dossiers_online,abc,2,,", "number_invalid", "numerator"),
    ("SYT,2023-Q2,gov.dossiers_online,1,x,,", "number_invalid", "denominator"),
    ("STTTT,2023-Q2,soc.adults_smartphone,,,eighty,", "number_invalid", "value"),
    ('SYT,2023-Q2,gov.dossiers_online,"12,5",20,,', "number_not_whole", "numerator"),
    ("SYT,2023-Q2,gov.dossiers_online,-1,20,,", "count_negative", "numerator"),
    ("SYT,2023-Q2,gov.dossiers_online,0,-20,,", "count_negative", "denominator"),
    ("SYT,2023-Q2,gov.dossiers_online,0,0,,", "denominator_zero", "denominator"),
    ("SYT,2023-Q2,gov.dossiers_online,30,20,,", "numerator_exceeds_denominator", "numerator"),
    ("STTTT,2023-Q2,soc.adults_smartphone,,,105,", "percent_out_of_range", "value"),
    ("STTTT,2023-Q2,soc.households_fiber,62,100,63%,", "value_mismatch", "value"),
    ("SYT,2023-Q2,gov.dossiers_online,12,,,", "counts_incomplete", None),
    ("SYT,2023-Q2,gov.dossiers_online,,,30,", "counts_required", None),
    ("STTTT,2023-Q2,soc.adults_smartphone,,,,", "value_missing", "value"),
    ("STTTT,2023-Q2,sec.soc_4_layer,,,,", "status_missing", "value"),
    ("STTTT,2023-Q2,sec.soc_4_layer,,,sắp xong,", "status_invalid", "value"),
    ("SYT,2023-Q2,soc.adults_smartphone,,,81,", "wrong_reporter", "agency"),
    ("STTTT,2023-Q2,soc.adults_smartphone,,,81,,extra", "extra_cells", None),
]


def test_good_rows_have_no_findings(write):
    path = write("good.csv", HEADER + "\n".join(GOOD_ROWS) + "\n")
    doc = cds_json("validate", path, expect_exit=0)
    assert doc["valid"] is True and doc["issues"] == []
    assert doc["rows"] == {"read": 7, "accepted": 7, "rejected": 0, "blank": 0}


@pytest.mark.parametrize("row, code, column", BAD_ROWS, ids=[c for _, c, _ in BAD_ROWS])
def test_each_rule_rejects_its_row_with_a_place(write, row, code, column):
    path = write("bad.csv", HEADER + row + "\n" + GOOD_ROWS[0].replace("2023-Q2", "2023-Q1") + "\n")
    doc = cds_json("validate", path, "--lang", "en", expect_exit=1)
    found = [(i["code"], i["line"], i["column"], i["severity"]) for i in doc["issues"]]
    assert (code, 2, column, "error") in found
    assert all(line == 2 for _, line, _, _ in found)  # the good row on line 3 stays clean
    assert doc["rows"] == {"read": 2, "accepted": 1, "rejected": 1, "blank": 0}
    assert doc["valid"] is False


def test_messages_suggest_the_closest_id(write):
    path = write("typo.csv", HEADER + "SYT,2023-Q2,gov.dosiers_online,1,2,,\n")
    issue = cds_json("validate", path, "--lang", "en")["issues"][0]
    assert "did you mean gov.dossiers_online?" in issue["message"]
    assert issue["file"] == str(path)


def test_messages_in_vietnamese_by_default(write):
    path = write("bad.csv", HEADER + "SYT,2023-Q2,gov.dossiers_online,30,20,,\n")
    issue = cds_json("validate", path)["issues"][0]
    assert issue["message"].startswith("tử số 30 lớn hơn mẫu số 20")
    assert issue["code"] == "numerator_exceeds_denominator"  # codes never translated


def test_identical_duplicate_is_a_warning_counted_once(write):
    a = write("a.csv", HEADER + "SYT,2023-Q2,gov.dossiers_online,10,100,,first\n")
    b = write("b.csv", HEADER + 'Sở Y tế,Q2/2023,gov.dossiers_online,10,"100",,again\n')
    doc = cds_json("validate", a, b, expect_exit=0)
    assert [(i["code"], i["severity"], i["file"], i["line"]) for i in doc["issues"]] == [
        ("duplicate_row", "warning", str(b), 2)
    ]
    assert doc["valid"] is True
    assert doc["rows"] == {"read": 2, "accepted": 1, "rejected": 1, "blank": 0}


def test_conflicting_duplicates_are_all_rejected_naming_every_place(write):
    a = write("a.csv", HEADER + "SYT,2023-Q2,gov.dossiers_online,10,100,,\n")
    b = write("b.csv", HEADER + "SYT,2023-Q2,gov.dossiers_online,11,100,,\n")
    doc = cds_json("validate", a, b, "--lang", "en", expect_exit=1)
    issues = [i for i in doc["issues"] if i["code"] == "duplicate_conflict"]
    assert [(i["file"], i["line"]) for i in issues] == [(str(a), 2), (str(b), 2)]
    assert f"{a}:2" in issues[0]["message"] and f"{b}:2" in issues[0]["message"]
    assert doc["rows"]["accepted"] == 0


def test_invalid_rows_do_not_take_part_in_duplicates(write):
    path = write(
        "a.csv", HEADER + "SYT,2023-Q2,gov.dossiers_online,10,100,,\nSYT,2023-Q2,gov.dossiers_online,30,20,,\n"
    )
    codes = [i["code"] for i in cds_json("validate", path)["issues"]]
    assert codes == ["numerator_exceeds_denominator"]


def test_missing_required_column_rejects_every_row(write):
    path = write("nocol.csv", "agency,indicator,value\nSTTTT,soc.adults_smartphone,81\nSTTTT,soc.households_fiber,62\n")
    doc = cds_json("validate", path, "--lang", "en", expect_exit=1)
    assert [(i["code"], i["line"], i["column"]) for i in doc["issues"]] == [("missing_column", 1, "period")]
    assert doc["rows"] == {"read": 2, "accepted": 0, "rejected": 2, "blank": 0}


def test_blank_rows_are_counted_apart_and_lines_stay_true(write):
    text = HEADER + "\n" + ",,,,,,\n" + "SYT,2023-Q2,gov.dossiers_online,30,20,,\n"
    doc = cds_json("validate", write("blank.csv", text))
    assert doc["rows"] == {"read": 1, "accepted": 0, "rejected": 1, "blank": 2}
    assert doc["issues"][0]["line"] == 4


def test_quoted_line_break_keeps_line_numbers(write):
    text = (
        HEADER
        + 'STTTT,2023-Q2,soc.adults_smartphone,,,81,"a note\non two lines"\n'
        + "SYT,2023-Q2,gov.dossiers_online,30,20,,\n"
    )
    doc = cds_json("validate", write("multi.csv", text))
    assert doc["issues"][0]["line"] == 4


def test_text_output_lists_file_line_and_column(write):
    path = write("bad.csv", HEADER + "SYT,2023-Q2,gov.dossiers_online,30,20,,\n")
    result = cds("validate", path, "--lang", "en")
    assert result.exit_code == 1
    assert f"{path}:2 [numerator]" in result.stdout
    assert "1 error(s), 0 warning(s)" in result.stdout


@pytest.mark.parametrize("cells", [50, 10**12], ids=["counted in a slot per key", "sorted (too many keys)"])
def test_repeated_keys_are_found_alike_by_counting_and_by_sorting(cells):
    import numpy as np
    import pandas as pd

    from cds_cli.submissions.validate import _repeated

    keys = np.random.default_rng(7).integers(0, 50, 200)
    expected = np.flatnonzero(pd.Series(keys).duplicated(keep=False))
    assert len(expected) and _repeated(keys, cells).tolist() == expected.tolist()
    assert _repeated(np.arange(50), cells).tolist() == []
