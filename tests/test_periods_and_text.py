import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cds_cli.periods import Period, parse_period
from cds_cli.text import fold, fold_all


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


# Texts on which a batch fold could go wrong: Vietnamese precomposed and decomposed, đ/Đ, every
# kind of space str.split() knows, marks outside U+0300–U+036F and U+034F (kept), letters NFKD
# expands (ﬁ, ¨ into a space and a mark), Greek (its final sigma lower-cases by context),
# the batch's own separator, and empty texts.
_ODD_TEXTS = [
    "Sở Y tế",
    unicodedata.normalize("NFD", "Ủy ban nhân dân huyện Đầm Dơi"),
    "đĐ",
    "",
    " ",
    "a\tb",
    "a\u00a0b",
    "a\u3000b",
    "a\x1cb",
    "a\x85b",
    "a  b",
    " a",
    "a ",
    "a\x00b",
    "a\x01b",
    "e\u034f",
    "e\u0483",
    "e\u0370",
    "x\u00a8y",
    "ﬁ",
    "ΣΑΣ ΟΔΟΣ",
    "İstanbul",
    "\u0301a",
    "中文",
    "XA000074",
]


def test_fold_all_is_fold_of_each_text():
    assert fold_all(_ODD_TEXTS) == [fold(text) for text in _ODD_TEXTS]
    # one odd text among many plain ones: its batch the slow way, the others in one pass
    many = [f"Đơn vị thử nghiệm XA{n:06d}" for n in range(3000)] + _ODD_TEXTS + ["Sở  Tài chính"] * 5
    assert fold_all(many) == [fold(text) for text in many]
    assert fold_all([]) == []


_CHARACTERS = st.one_of(
    st.sampled_from(
        "".join(_ODD_TEXTS) + "ăâêôơưĂÂÊÔƠƯàáảãạằắẳẵặầấẩẫậ\u0300\u0301\u0303\u0309\u0323\t\n\r\x0b\x0c\x1f"
    ),
    st.characters(),
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, database=None)
@given(texts=st.lists(st.text(_CHARACTERS, max_size=12), max_size=12), batch=st.integers(1, 8))
def test_fold_all_is_fold_of_each_text_on_any_text(texts, batch):
    nfd = [unicodedata.normalize("NFD", text) for text in texts]
    assert fold_all(texts, batch) == [fold(text) for text in texts]
    assert fold_all(nfd, batch) == [fold(text) for text in nfd]
