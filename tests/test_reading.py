"""Files as Excel and agencies write them: encodings, separators, headers, broken files."""

import codecs
import json
import unicodedata

import pytest
from conftest import HEADER, cds, cds_json

VI_HEADER = "STT;Đơn vị;Kỳ báo cáo;Mã chỉ tiêu;Tên chỉ tiêu;Tử số;Mẫu số;Giá trị;Ghi chú\n"
VI_ROWS = (
    "1;Sở Y tế;Quý II/2023;gov.dossiers_online;Hồ sơ trực tuyến;1.234;4.000;;\n"
    "2;Sở Thông tin và Truyền thông;Quý 2/2023;soc.households_fiber;Cáp quang;;;62,5%;ghi chú có dấu\n"
)


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: base letters precomposed where it can, tone marks combining."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", decomposed[:-1])
            out += base.encode("cp1258") + decomposed[-1].encode("cp1258")
    return bytes(out)


def check_vietnamese_file(path):
    doc = cds_json("score", path, "--lang", "en", expect_exit=0)
    by_id = {i["id"]: i for i in doc["indicators"]}
    assert doc["rows"] == {"read": 2, "accepted": 2, "rejected": 0, "blank": 0}
    assert by_id["gov.dossiers_online"]["value"] == pytest.approx(30.85)  # 100·1234/4000
    assert by_id["soc.households_fiber"]["value"] == pytest.approx(62.5)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_semicolon_vietnamese_file_in_unicode_encodings(tmp_path, encoding):
    path = tmp_path / "vi.csv"
    path.write_bytes((VI_HEADER + VI_ROWS).encode(encoding))
    check_vietnamese_file(path)


def test_windows_1258_file(tmp_path):
    path = tmp_path / "vi-1258.csv"
    path.write_bytes(to_cp1258(VI_HEADER + VI_ROWS).replace(b"\n", b"\r\n"))
    check_vietnamese_file(path)


def test_tab_separated_utf16_as_excel_unicode_text(tmp_path):
    path = tmp_path / "unicode.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + (VI_HEADER + VI_ROWS).replace(";", "\t").encode("utf-16-le"))
    check_vietnamese_file(path)


def test_headers_match_without_case_or_diacritics(write):
    path = write(
        "h.csv", "DON VI,ky bao cao,MÃ CHỈ TIÊU,tu so,Mau So,gia tri\nSTTTT,2023-Q1,soc.adults_smartphone,,,80\n"
    )
    assert cds_json("validate", path, expect_exit=0)["rows"]["accepted"] == 1


def test_directory_reads_every_csv_below_sorted(write, tmp_path):
    write("b/2.csv", HEADER + "SYT,2023-Q2,gov.dossiers_online,30,20,,\n")
    write("a/1.csv", HEADER + "SYT,2023-Q1,gov.dossiers_online,30,20,,\n")
    write("a/notes.txt", "not a submission")
    doc = cds_json("validate", tmp_path)
    assert [i["file"] for i in doc["issues"]] == [str(tmp_path / "a/1.csv"), str(tmp_path / "b/2.csv")]


@pytest.mark.parametrize(
    "content, code",
    [
        (b"", "empty_file"),
        (b"\x00\x01\x02PK\x03\x04binary\x00", "not_text"),
        (b"agency,period\n\x81\x8d\x8e\x90", "encoding_unknown"),
    ],
)
def test_broken_files_are_one_finding_not_a_crash(tmp_path, content, code):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    result = cds("validate", path, "--format", "json")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f'"code": "{code}"' in result.stdout


def test_other_spreadsheet_formats_named_explicitly_are_a_finding(tmp_path):
    path = tmp_path / "book.numbers"
    path.write_bytes(b"PK\x03\x04")
    doc = cds_json("validate", path, expect_exit=1)
    assert doc["issues"][0]["code"] == "unsupported_format"


@pytest.mark.parametrize("name", ["book.ods", "book.xls", "book.xlsx"])
def test_a_broken_workbook_is_one_finding(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04")
    doc = cds_json("validate", path, expect_exit=1)
    assert [i["code"] for i in doc["issues"]] == ["workbook_unreadable"]


def test_empty_directory_is_a_finding(tmp_path):
    doc = cds_json("validate", tmp_path, expect_exit=1)
    assert doc["issues"][0]["code"] == "no_input_files"


def test_missing_path_is_a_usage_error(tmp_path):
    result = cds("validate", tmp_path / "nope.csv", "--lang", "en")
    assert result.exit_code == 2
    assert "no such file or directory" in result.stderr


def test_two_headers_for_one_column_warn_and_use_the_first(write):
    path = write("twice.csv", "agency,period,indicator,value,Giá trị\nSTTTT,2023-Q1,soc.adults_smartphone,80,99\n")
    doc = cds_json("score", path, "--lang", "en", expect_exit=0)
    assert [(i["code"], i["severity"], i["line"], i["column"]) for i in doc["issues"]] == [
        ("duplicate_column", "warning", 1, "value")
    ]
    assert next(i for i in doc["indicators"] if i["id"] == "soc.adults_smartphone")["value"] == 80


def test_a_file_that_disappears_is_a_finding(tmp_path):
    from cds_cli import load_plan, read_submissions

    report = read_submissions([tmp_path / "gone.csv"], load_plan())
    assert [(f.code, f.file) for f in report.findings] == [("file_unreadable", str(tmp_path / "gone.csv"))]
    assert not report.valid


def big_file(rows: int, extra: str = "") -> str:
    body = "".join(f"SYT,2023-Q2,gov.dossiers_online,{i % 90},100,,note {i}\n" for i in range(rows))
    return HEADER + body + extra


def test_a_big_file_takes_the_fast_reader_with_true_lines(write):
    # over a megabyte: read by pyarrow straight from the file
    path = write("big.csv", big_file(30000, "SYT,2023-Q2,gov.dossiers_online,130,100,,\n"))
    assert path.stat().st_size > 1 << 20
    doc = cds_json("validate", path)
    assert [(i["line"], i["code"]) for i in doc["issues"] if i["code"] != "duplicate_conflict"] == [
        (30002, "numerator_exceeds_denominator")
    ]
    assert doc["rows"]["read"] == 30001


@pytest.mark.parametrize("trouble", ["\n", 'SYT,2023-Q2,gov.dossiers_online,1,2,,"two\nlines"\n'])
def test_a_big_file_with_blank_lines_or_quoted_breaks_keeps_true_lines(write, trouble):
    path = write("big.csv", big_file(30000, trouble + "SYT,2023-Q2,gov.dossiers_online,130,100,,\n"))
    doc = cds_json("validate", path)
    last = 30002 + trouble.count("\n")
    assert (last, "numerator_exceeds_denominator") in [(i["line"], i["code"]) for i in doc["issues"]]


def test_blank_lines_above_the_header_are_skipped_and_lines_stay_true(write):
    path = write("lead.csv", "\n,,\n" + HEADER + "SYT,2023-Q2,gov.dossiers_online,30,20,,\n")
    doc = cds_json("validate", path, "--lang", "en")
    assert [(i["code"], i["line"]) for i in doc["issues"]] == [("numerator_exceeds_denominator", 4)]
    assert doc["rows"]["read"] == 1


def test_standard_input_is_one_csv_named_stdin():
    from typer.testing import CliRunner

    from cds_cli.console import app

    text = "\ufeffĐơn vị;Kỳ báo cáo;Mã chỉ tiêu;Tử số;Mẫu số\nSYT;Quý 2/2023;gov.dossiers_online;130;100\n"
    for data in (text.encode("utf-8"), text.encode("utf-16"), ("Báo cáo quý II\n\n" + text[1:]).encode("utf-8")):
        result = CliRunner().invoke(app, ["validate", "-", "--format", "json", "--lang", "en"], input=data)
        assert result.exit_code == 1, result.output
        doc = json.loads(result.stdout)
        assert [(i["code"], i["file"]) for i in doc["issues"]] == [("numerator_exceeds_denominator", "<stdin>")]
        assert doc["rows"] == {"read": 1, "accepted": 0, "rejected": 1, "blank": 0}


def test_standard_input_beside_files(write):
    from typer.testing import CliRunner

    from cds_cli.console import app

    path = write("a.csv", HEADER + "SYT,2023-Q1,gov.dossiers_online,30,100,,\n")
    result = CliRunner().invoke(
        app,
        ["score", path.as_posix(), "-", "--format", "json"],
        input=(HEADER + "SYT,2023-Q2,gov.dossiers_online,40,100,,\n").encode(),
    )
    doc = json.loads(result.stdout)
    assert result.exit_code == 0 and doc["rows"]["accepted"] == 2 and doc["period"] == "2023-Q2"
    empty = CliRunner().invoke(app, ["validate", "-", "--format", "json"], input=b"")
    assert [i["code"] for i in json.loads(empty.stdout)["issues"]] == ["empty_file"]
