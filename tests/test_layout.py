"""CSV layout as real files have it (README: Submission files): title blocks, blank lines of every kind,
separators and line ends; and the six ways a fuzz campaign lost data lines before."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

import pytest
from conftest import HEADER, cds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cds_cli.text import fold

GOOD = "SYT,2023-Q2,gov.dossiers_online,12,100,,\n"
TOO_MANY = "SYT,2023-Q2,gov.dossiers_online,130,100,,\n"  # numerator > denominator: one finding


def validate(path, *args):
    result = cds("validate", path, *args, "--format", "json", "--lang", "en")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    doc = json.loads(result.stdout, parse_constant=lambda c: pytest.fail(f"{c} in JSON"))
    rows = doc["rows"]
    assert rows["read"] == rows["accepted"] + rows["rejected"], rows
    return doc


def places(doc):
    return [(i["code"], i["line"]) for i in doc["issues"]]


# --------------------------------------------------------------------------- title blocks

TITLE = "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ QUÝ II/2023,,,,,,\n(Kèm theo Kế hoạch 64/KH-UBND),,,,,,\n,,,,,,\n"


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_title_block_is_skipped_and_lines_stay_physical(write, sep):
    text = (TITLE + HEADER + GOOD + "\n" + TOO_MANY).replace(",", sep)
    doc = validate(write("t.csv", text))
    assert doc["rows"] == {"read": 2, "accepted": 1, "rejected": 1, "blank": 1}
    assert places(doc) == [("numerator_exceeds_denominator", 7)]
    assert doc["files"][0]["delimiter"] == sep


def test_the_header_is_the_first_line_naming_two_known_columns(write):
    # "Đơn vị: Sở Y tế" names no column; "Đơn vị" alone names one: both are title lines.
    text = "Đơn vị: Sở Y tế\nĐơn vị\n" + HEADER + GOOD
    doc = validate(write("t.csv", text))
    assert doc["rows"] == {"read": 1, "accepted": 1, "rejected": 0, "blank": 0}


def test_header_is_searched_among_the_first_30_non_blank_lines(write):
    title = "".join(f"dòng tiêu đề {i}\n\n" for i in range(29))  # 29 title lines, blank lines between
    doc = validate(write("t.csv", title + HEADER + GOOD))
    assert doc["rows"]["read"] == 1 and doc["issues"] == []
    title = "".join(f"dòng tiêu đề {i}\n" for i in range(30))  # the header is the 31st: not found
    doc = validate(write("u.csv", title + HEADER + GOOD))
    assert {i["code"] for i in doc["issues"]} == {"missing_column"}
    # the first non-blank line is the header; one finding names the three columns it lacks
    assert [(i["line"], i["column"]) for i in doc["issues"]] == [(1, None)]
    assert all(name in doc["issues"][0]["message"] for name in ("'agency'", "'period'", "'indicator'"))
    assert doc["rows"] == {"read": 31, "accepted": 0, "rejected": 31, "blank": 0}


def test_a_line_with_any_non_empty_cell_is_never_blank(write):
    text = (
        "STT,agency,period,indicator,numerator,denominator,value,note\n"
        "1,,,,,,,\n"
        ",,,,,,,\n"
        "2,SYT,2023-Q2,gov.dossiers_online,12,100,,\n"
    )
    doc = validate(write("t.csv", text))
    assert doc["rows"] == {"read": 2, "accepted": 1, "rejected": 1, "blank": 1}
    assert {i["line"] for i in doc["issues"]} == {2}


# --------------------------------------------------------------------------- six fuzz classes


def test_fuzz_class_header_naming_no_known_column(write):
    """Every data line was counted blank; now each is read and rejected."""
    doc = validate(write("t.csv", "a,b,c,d,e,f,g\n" + GOOD * 3 + "\n"))
    assert doc["rows"] == {"read": 3, "accepted": 0, "rejected": 3, "blank": 1}
    assert [i["code"] for i in doc["issues"]] == ["missing_column"]  # one finding for the file, not one a column


@pytest.mark.parametrize("blank_lines", [50, 200, (1 << 20) + 7])
def test_fuzz_class_many_empty_lines_above_the_header(write, blank_lines):
    doc = validate(write("t.csv", "\n" * blank_lines + HEADER + GOOD + TOO_MANY))
    assert doc["rows"] == {"read": 2, "accepted": 1, "rejected": 1, "blank": 0}
    assert places(doc) == [("numerator_exceeds_denominator", blank_lines + 3)]


@pytest.mark.parametrize("lead", [" \t \n", "\t\n", "   \r\n", "\u00a0\u3000\n"])
def test_fuzz_class_whitespace_line_does_not_choose_the_separator(write, lead):
    text = lead + HEADER.replace(",", ";") + "SYT;2023-Q2;gov.dossiers_online;12;100;;a, b, c\n"
    doc = validate(write("t.csv", text))
    assert doc["files"][0]["delimiter"] == ";"
    assert doc["rows"] == {"read": 1, "accepted": 1, "rejected": 0, "blank": 0}


def test_fuzz_class_bare_separators_above_the_header_do_not_hide_extra_cells(write):
    text = ",,,,,,,,,,,\n" + HEADER + GOOD + "SYT,2023-Q3,gov.dossiers_online,1,2,,,stray\n"
    doc = validate(write("t.csv", text))
    assert places(doc) == [("extra_cells", 4)]
    assert doc["rows"] == {"read": 2, "accepted": 1, "rejected": 1, "blank": 0}


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_fuzz_class_line_ends_do_not_let_a_note_outvote_the_separator(write, ending):
    note = ",".join("abcdefghijklmnopqrstuvwxyz")  # more commas than the file has semicolons
    rows = [
        HEADER.replace(",", ";").rstrip("\n"),
        f"SYT;2023-Q2;gov.dossiers_online;12;100;;{note}",
        "SYT;2023-Q3;gov.dossiers_online;130;100;;x,y,z",
    ]
    doc = validate(write("t.csv", ending.join(rows) + ending))
    assert doc["files"][0]["delimiter"] == ";"
    assert places(doc) == [("numerator_exceeds_denominator", 3)]


def test_fuzz_class_huge_counts_keep_json_strict(write):
    huge = "1" + "0" * 308
    text = (
        HEADER + f"SYT,2023-Q2,gov.dossiers_online,{huge},{huge},,\nSTTTT,2023-Q2,gov.dossiers_online,{huge},{huge},,\n"
    )
    path = write("t.csv", text)
    result = cds("score", path, "--format", "json", "--lang", "en")
    doc = json.loads(result.stdout, parse_constant=lambda c: pytest.fail(f"{c} in JSON"))
    assert doc["rows"] == {"read": 2, "accepted": 0, "rejected": 2, "blank": 0}
    assert {(i["code"], i["column"]) for i in doc["issues"]} == {
        ("count_too_large", "numerator"),
        ("count_too_large", "denominator"),
    }


def test_bare_separators_of_another_kind_are_blank_too(write):
    # The first non-blank line is a title (comma by default); ";;;;" below it holds no data.
    doc = validate(write("t.csv", "BÁO CÁO\n;;;;;;\n , ; \nx;y\n"))
    assert doc["rows"] == {"read": 1, "accepted": 0, "rejected": 1, "blank": 2}


def test_separator_ties_go_to_the_most_frequent_in_the_header_line(write):
    # Both readings name one known column (none names two): the most frequent separator wins.
    doc = validate(write("t.csv", "agency;x;y;z,w\nSYT;a;b;c,d\n"))
    assert doc["files"][0]["delimiter"] == ";"


# --------------------------------------------------------------------------- fuzz: mutated examples

EXAMPLES = sorted(Path(__file__).parents[1].joinpath("examples", "2023").rglob("*.csv"))
TITLES = [
    "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ",
    "Đơn vị: Sở Y tế",
    "Kỳ báo cáo",
    "(Kèm theo Kế hoạch 64/KH-UBND)",
    "Số liệu quý II; đã rà soát",
    "agency",
]
NOT_COLUMNS = ["STT", "cột 1", "Tên chỉ tiêu", "", "x"]
KNOWN = {
    fold(name)
    for name in (
        "agency",
        "period",
        "indicator",
        "numerator",
        "denominator",
        "value",
        "note",
        "Đơn vị",
        "Kỳ báo cáo",
        "Mã chỉ tiêu",
        "Tử số",
        "Mẫu số",
        "Giá trị",
        "Ghi chú",
    )
}


def _example(path: Path) -> list[list[str]]:
    """An example file's rows (they come in several encodings and separators)."""
    data = path.read_bytes()
    for encoding in (
        ("utf-16", "utf-8-sig", "cp1258") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "cp1258")
    ):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    first = text.splitlines()[0]
    sep = max(",;\t", key=first.count)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))


def _blank_line(draw, sep: str) -> list[str]:
    return draw(st.sampled_from([[], [""], ["   "], [""] * 7, [" ", "\t ", ""], ["", "", "\u00a0"]]))


def _mutated_row(draw, row: list[str], sep: str) -> list[str]:
    kind = draw(st.sampled_from(["keep", "keep", "keep", "blank", "only_note", "only_extra", "spaces", "ignored"]))
    if kind == "blank":
        return _blank_line(draw, sep)
    if kind == "only_note":
        return ["", "", "", "", "", "", draw(st.sampled_from(["ghi chú", " x ", "1"]))]
    if kind == "only_extra":
        return row[:0] + [""] * 7 + [draw(st.sampled_from(["lạc", "0"]))]
    if kind == "spaces":
        return [f"  {cell} " for cell in row]
    if kind == "ignored":
        return [""] * 7 + [""] if draw(st.booleans()) else row + ["", " "]
    return row


@st.composite
def mutated_example(draw):
    rows = _example(draw(st.sampled_from(EXAMPLES)))
    header, data = rows[0], rows[1:]
    sep = draw(st.sampled_from([",", ";", "\t"]))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    if draw(st.integers(0, 5)) == 0:  # a header naming no known column
        header = [draw(st.sampled_from(NOT_COLUMNS)) + str(i) for i in range(len(header))]
    lead = []
    for _ in range(draw(st.integers(0, 3))):
        lead += [_blank_line(draw, sep) for _ in range(draw(st.integers(0, 60)))]
        lead.append([draw(st.sampled_from(TITLES))] + [""] * draw(st.integers(0, 8)))
    lead += [_blank_line(draw, sep) for _ in range(draw(st.integers(0, 5)))]
    body = [_mutated_row(draw, row, sep) for row in data[: draw(st.integers(0, len(data)))]]
    return lead, header, body, sep, ending


def _holds_data(row: list[str]) -> bool:
    """Any cell with something besides spaces, separators and quotes (README: Submission files)."""
    return any(cell.strip(' \t\r\n\u00a0\u3000,;"') for cell in row)


def _names_two(row: list[str]) -> bool:
    return len({fold(cell) for cell in row} & KNOWN) >= 2


def _expected_read(lead: list[list[str]], header: list[str], body: list[list[str]]) -> int:
    """Lines holding data below the header, by an independent reading of README: Submission files."""
    lines = [row for row in lead + [header] + body if _holds_data(row)]
    found = next((i for i, row in enumerate(lines[:30]) if _names_two(row)), 0)
    return len(lines) - found - 1


@pytest.mark.slow
@settings(
    max_examples=60 * int(os.environ.get("CDS_HARDENING_SCALE", "1")),
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(case=mutated_example())
def test_every_line_holding_data_is_read(case):
    lead, header, body, sep, ending = case
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator=ending).writerows(lead + [header] + body)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "mutated.csv")
        path.write_text(out.getvalue(), encoding="utf-8", newline="")
        doc = validate(path)
        assert doc["rows"]["read"] == _expected_read(lead, header, body), (doc["rows"], doc["issues"][:3])
        if _names_two(header):
            assert doc["files"][0]["delimiter"] == sep
