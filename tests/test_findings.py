"""cds_cli.findings: a finding's place, code and message in each language."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from cds_cli.findings import MAX_QUOTED, Finding, HasFindings, hint
from cds_cli.words.messages import Term


def test_to_dict_keeps_the_place_and_words_the_message_per_language():
    finding = Finding(
        "count_negative", "error", "q2.csv", 14, "numerator", {"column": Term("column.numerator"), "value": -3.0}
    )
    assert finding.to_dict("en") == {
        "code": "count_negative",
        "severity": "error",
        "file": "q2.csv",
        "line": 14,
        "column": "numerator",
        "message": "numerator is -3; a count cannot be negative",
    }
    vi = finding.to_dict("vi")
    assert vi["message"] == "ô 'Tử số' bằng -3; số đếm không được âm"
    assert {k: v for k, v in vi.items() if k != "message"} == {
        k: v for k, v in finding.to_dict("en").items() if k != "message"
    }
    assert finding.to_dict() == finding.to_dict("vi")  # one default language, the CLI's and the library's


@pytest.mark.parametrize(
    "value, vi, en",
    [
        (16.87, "16,87", "16.87"),
        (105.0, "105", "105"),  # a whole float without decimals
        (12.5, "12,5", "12.5"),  # no trailing zero
        (1234567.0, "1.234.567", "1,234,567"),
        (1234.567, "1.234,57", "1,234.57"),  # two decimals at most
    ],
)
def test_floats_are_worded_in_the_readers_marks(value, vi, en):
    finding = Finding("percent_out_of_range", "error", "a.csv", 2, "value", {"value": value})
    assert finding.message("vi") == f"giá trị {vi} nằm ngoài khoảng 0–100; tỷ lệ phần trăm phải từ 0 đến 100"
    assert finding.message("en") == f"value {en} is outside 0–100; give the percent as a number from 0 to 100"


def test_whole_numbers_and_text_are_left_as_they_are():
    finding = Finding("extra_cells", "error", "a.csv", 5, None, {"cells": 9, "width": 7})
    assert finding.message("en").startswith("the row has 9 cells but the header has 7;")
    finding = Finding("period_invalid", "error", "a.csv", 3, "period", {"value": "Q2.2023", "year": 2023})
    assert finding.message("vi") == ("'Q2.2023' không phải kỳ báo cáo; ghi theo dạng 2023-Q2, Q2/2023 hoặc Quý 2/2023")


def test_terms_are_worded_in_the_readers_language():
    finding = Finding(
        "counts_incomplete",
        "error",
        "a.csv",
        4,
        None,
        {"present": Term("count.numerator"), "absent": Term("count.denominator")},
    )
    assert finding.message("en") == "numerator is given but denominator is empty; give both"
    assert finding.message("vi") == "có tử số nhưng thiếu mẫu số; hãy ghi cả hai"


def test_hint_is_a_did_you_mean_tail_or_nothing():
    def message(suggestion, lang):
        return Finding(
            "indicator_unknown",
            "error",
            "a.csv",
            2,
            "indicator",
            {"value": "soc.adult_smartphone", "hint": hint(suggestion)},
        ).message(lang)

    assert message("soc.adults_smartphone", "en") == (
        "unknown indicator 'soc.adult_smartphone' (did you mean soc.adults_smartphone?); `cds indicators` lists the ids"
    )
    assert message("soc.adults_smartphone", "vi").startswith(
        "không có mã chỉ tiêu 'soc.adult_smartphone' (có phải là soc.adults_smartphone?);"
    )
    assert message(None, "en") == "unknown indicator 'soc.adult_smartphone'; `cds indicators` lists the ids"
    assert hint(None) == "" and hint("") == ""


def test_a_long_cell_is_quoted_by_its_beginning():
    cell = "x" * (MAX_QUOTED + 50)
    message = Finding("agency_unknown", "error", "a.csv", 2, "agency", {"value": cell, "hint": ""}).message("en")
    assert MAX_QUOTED == 200
    assert message.startswith("unknown agency '" + "x" * MAX_QUOTED + "… (250 characters)'; use an agency code")
    exactly = "y" * MAX_QUOTED  # not longer than the limit: quoted whole
    assert f"'{exactly}'" in Finding(
        "agency_unknown", "error", "a.csv", 2, "agency", {"value": exactly, "hint": ""}
    ).message("en")


def test_the_cut_note_of_a_long_cell_speaks_vietnamese():
    cell = "x" * 1_000_000
    message = Finding("agency_unknown", "error", "a.csv", 2, "agency", {"value": cell, "hint": ""}).message("vi")
    assert "characters" not in message and "1.000.000" in message


def test_findings_compare_by_place_and_code_not_by_wording():
    a = Finding("denominator_zero", "error", "a.csv", 2, "denominator", {"x": 1})
    assert a == Finding("denominator_zero", "error", "a.csv", 2, "denominator", {"x": 2})
    assert a != Finding("denominator_zero", "error", "a.csv", 3, "denominator")
    assert len({a, Finding("denominator_zero", "error", "a.csv", 2, "denominator")}) == 1


@dataclass
class Collected(HasFindings):
    findings: list[Finding] = field(default_factory=list)


def test_has_findings_splits_errors_from_warnings():
    error = Finding("denominator_zero", "error", "a.csv", 2, "denominator")
    warning = Finding("duplicate_row", "warning", "a.csv", 3, None)
    both = Collected([warning, error, warning])
    assert both.errors == [error] and both.warnings == [warning, warning] and both.valid is False
    warned = Collected([warning])
    assert warned.errors == [] and warned.valid is True  # warnings never make data invalid
    assert Collected().valid is True
