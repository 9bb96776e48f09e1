import unicodedata

import pytest

from cds_cli.periods import Period, parse_period
from cds_cli.text import fold


@pytest.mark.parametrize(
    "text",
    [
        "2023-Q2",
        "Q2/2023",
        "Q2-2023",
        "Quý 2/2023",
        "Quý II/2023",
        "quy ii/2023",
        " QUÝ  2 / 2023 ",
        "2023-q2",
    ],
)
def test_every_contract_spelling_of_a_period(text):
    assert parse_period(text) == Period(2023, 2)


@pytest.mark.parametrize("text, quarter", [("Quý I/2023", 1), ("Quý III/2023", 3), ("Quý IV/2023", 4), ("Q4/2023", 4)])
def test_roman_and_arabic_quarters(text, quarter):
    assert parse_period(text) == Period(2023, quarter)


@pytest.mark.parametrize("text", ["Q5/2023", "2023-Q0", "Quý V/2023", "2023", "tháng 2/2023", "", "2023/Q2x"])
def test_not_periods(text):
    assert parse_period(text) is None


def test_period_prints_in_the_canonical_spelling():
    assert str(Period(2023, 3)) == "2023-Q3"


@pytest.mark.parametrize(
    "a, b",
    [
        ("Sở Y tế", "so y te"),
        ("  SỞ   Y TẾ ", "so y te"),
        ("Đơn vị", "don vi"),
        ("Kỳ báo cáo", "ky bao cao"),
        ("Mã chỉ tiêu", "ma chi tieu"),
        (unicodedata.normalize("NFD", "Sở Y tế"), "so y te"),  # decomposed marks, as Windows-1258 stores them
    ],
)
def test_fold_ignores_case_spaces_and_diacritics(a, b):
    assert fold(a) == b
