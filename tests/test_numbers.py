"""The number parser: every spelling of README: Submission files, including the look-alikes."""

import math

import pandas as pd
import pytest

from cds_cli.numbers import AMBIGUOUS, INVALID, NOT_WHOLE, parse_counts, parse_percents


def one_count(text):
    parsed = parse_counts(pd.Series([text]))
    return parsed.value.iloc[0], parsed.problem.iloc[0]


def one_percent(text):
    parsed = parse_percents(pd.Series([text]))
    return parsed.value.iloc[0], parsed.problem.iloc[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1234", 1234),
        ("  42 ", 42),
        ("0", 0),
        ("1.000", 1000),
        ("1,000", 1000),  # three digits after the mark: thousands
        ("1.234.567", 1234567),
        ("1,234,567", 1234567),
        ("1234.0", 1234),
        ("1234,00", 1234),  # any other separator is a decimal mark
        ("1,234.00", 1234),
        ("1.234,0", 1234),  # international and Vietnamese, both marks
        ("-5", -5),  # parsed; the negative-count rule rejects it
    ],
)
def test_counts_read(text, expected):
    value, problem = one_count(text)
    assert problem is None
    assert value == expected


@pytest.mark.parametrize(
    "text, problem",
    [
        ("12,5", NOT_WHOLE),
        ("0.5", NOT_WHOLE),
        ("1.234,5", NOT_WHOLE),
        ("abc", INVALID),
        ("1e3", INVALID),
        ("inf", INVALID),
        ("NaN", INVALID),
        ("1e309", INVALID),
        ("1,2,3", INVALID),
        ("1.23.4", INVALID),
        ("9" * 400, INVALID),
    ],
)
def test_counts_rejected(text, problem):
    value, found = one_count(text)
    assert found == problem
    assert math.isnan(value)


def test_empty_count_is_missing_not_an_error():
    value, problem = one_count("")
    assert problem is None and math.isnan(value)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("16,87%", 16.87),
        ("16,87", 16.87),
        ("16.87", 16.87),
        ("16.87 %", 16.87),
        ("1,234", 1.234),
        ("1.234", 1.234),  # 1234 > 100, so the decimal reading stands
        ("100,000", 100.0),
        ("50", 50),
        ("0", 0),
        ("100%", 100),
    ],
)
def test_percents_read(text, expected):
    value, problem = one_percent(text)
    assert problem is None
    assert value == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [("105", 105), ("1.234,5", 1234.5), ("-3", -3), ("1.234.567", 1234567)])
def test_percent_out_of_range_keeps_its_reading_for_the_range_rule(text, expected):
    value, problem = one_percent(text)
    assert problem is None and value == expected


def test_no_spelling_stays_ambiguous_under_the_column_rules():
    # Both readings of every separator spelling are tried; the column rule leaves one.
    samples = ["1.000", "1,000", "0,500", "999,999", "100.000", "12.345", "1,234.5", "1.234,5"]
    counts = parse_counts(pd.Series(samples))
    percents = parse_percents(pd.Series(samples))
    assert AMBIGUOUS not in set(counts.problem) | set(percents.problem)


def test_vectorised_over_a_column():
    parsed = parse_counts(pd.Series(["1.000", "", "x", "7"]))
    assert parsed.value.tolist()[0] == 1000 and parsed.value.tolist()[3] == 7
    assert parsed.problem.tolist() == [None, None, INVALID, None]
