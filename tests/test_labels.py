"""cds_cli.words.labels: values worded for people, in Vietnamese (. groups, , decimal) and English."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from cds_cli.periods import Period
from cds_cli.view import Reporting
from cds_cli.words.labels import (
    baseline_text,
    date_text,
    localised,
    number,
    quarters_text,
    reporting_text,
    share_text,
    shown,
    target_text,
)


@pytest.mark.parametrize(
    "value, decimals, vi, en",
    [
        (91.6666, 2, "91,67", "91.67"),
        (1234567.891, 2, "1.234.567,89", "1,234,567.89"),
        (-1234.5, 1, "-1.234,5", "-1,234.5"),
        (30.0, 0, "30", "30"),
        (1000.0, 0, "1.000", "1,000"),
        (0.0, 2, "0,00", "0.00"),
        (None, 2, "—", "—"),
    ],
)
def test_number(value, decimals, vi, en):
    assert (number(value, "vi", decimals), number(value, "en", decimals)) == (vi, en)


def test_localised_swaps_the_marks_of_an_english_figure():
    assert localised("1,234,567.5", "vi") == "1.234.567,5"
    assert localised("1,234,567.5", "en") == "1,234,567.5"
    assert localised("16.87", "vi") == "16,87"


def test_shown_values_statuses_and_hedged_baselines():
    assert (shown(81.0, "vi"), shown(81.0, "en")) == ("81,00", "81.00")
    # a baseline in the plan's words: its hedge, and no decimals the plan did not write
    assert (baseline_text(60.0, "above", "vi"), baseline_text(60.0, "above", "en")) == ("trên 60", "above 60")
    assert (baseline_text(84.5, "approx", "vi"), baseline_text(84.5, "approx", "en")) == ("ước 84,5", "est. 84.5")
    assert baseline_text("in_progress", None, "vi") == "đang triển khai" and baseline_text(None, "above", "vi") == "—"
    assert (shown("in_progress", "vi"), shown("in_progress", "en")) == ("đang triển khai", "in progress")
    assert (shown("done", "vi"), shown("done", "en")) == ("hoàn thành", "done")
    assert shown(None, "vi") == "—"


def _target(unit: str, comparator: str, target: float | str) -> SimpleNamespace:
    return SimpleNamespace(unit=unit, comparator=comparator, target=target)


def test_target_text():
    percent = _target("percent", ">=", 30.0)
    assert (target_text(percent, "vi"), target_text(percent, "en")) == ("≥ 30", "≥ 30")
    retail = _target("percent", ">", 7.0)
    assert target_text(retail, "vi") == "> 7"
    milestone = _target("milestone", "=", "done")
    assert (target_text(milestone, "vi"), target_text(milestone, "en")) == ("hoàn thành", "done")


def test_a_fractional_target_is_shown_as_written():
    retail = _target("percent", ">", 7.5)
    assert (target_text(retail, "vi"), target_text(retail, "en")) == ("> 7,5", "> 7.5")


def test_share_text():
    assert (share_text(0.9612, "vi"), share_text(0.9612, "en")) == ("96%", "96%")
    assert (share_text(0.12345, "vi", 1), share_text(0.12345, "en", 1)) == ("12,3%", "12.3%")
    assert (share_text(1.0, "vi"), share_text(0.0, "en")) == ("100%", "0%")
    assert share_text(None, "vi") == "—"


def test_reporting_text():
    reporting = Reporting(expected=4, received=3, rate=0.75)
    assert reporting_text(reporting, Period(2023, 2), "vi") == "Tỷ lệ báo cáo quý II/2023: 3/4 (75%)"
    assert reporting_text(reporting, Period(2023, 2), "en") == "Reporting rate Q2 2023: 3/4 (75%)"
    thirds = Reporting(expected=3, received=2, rate=2 / 3)
    assert reporting_text(thirds, Period(2023, 4), "en") == "Reporting rate Q4 2023: 2/3 (67%)"
    nothing = Reporting(expected=0, received=0, rate=None)
    assert reporting_text(nothing, None, "vi").startswith("Tỷ lệ báo cáo chưa có kỳ báo cáo: 0/0 (—")
    assert reporting_text(nothing, None, "en").startswith("Reporting rate no period: 0/0 (—")


@pytest.mark.parametrize(
    "iso, vi, en",
    [
        ("2023-04-05", "05/4/2023", "5 April 2023"),  # the plan's own date: day padded, April not
        ("2023-02-09", "09/02/2023", "9 February 2023"),  # January and February padded
        ("2023-01-10", "10/01/2023", "10 January 2023"),
        ("2023-03-01", "01/3/2023", "1 March 2023"),
        ("2023-12-25", "25/12/2023", "25 December 2023"),
        (None, "", ""),
        ("", "", ""),
    ],
)
def test_date_text_follows_decree_30(iso, vi, en):
    assert (date_text(iso, "vi"), date_text(iso, "en")) == (vi, en)


def test_quarters_text_in_prose():
    assert (quarters_text(["2023-Q4"], "vi"), quarters_text(["2023-Q4"], "en")) == ("quý IV/2023", "Q4 2023")
    two = ["2023-Q1", "2023-Q2"]
    assert (quarters_text(two, "vi"), quarters_text(two, "en")) == ("quý I và II năm 2023", "Q1 and Q2 2023")
    four = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
    assert quarters_text(four, "vi") == "quý I, II, III và IV năm 2024"
    assert quarters_text(four, "en") == "Q1, Q2, Q3 and Q4 2024"
