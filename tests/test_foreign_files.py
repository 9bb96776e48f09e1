"""Files no agency meant to send that way: an unclosed quote, counts with a leading zero,
damaged and oversized workbooks, byte-order marks, empty first sheets, Excel error cells,
UTF-16 without its mark, a file that is no submission.  Each gives one clear finding (or
is read as meant), never a traceback, and every line holding data stays counted.

Every fixture is written here, small; the big ones are declared big, not stored big."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import HEADER, cds
from libreoffice import FIXTURES, SOFFICE, convert

GOOD = "SYT,2023-Q{q},gov.dossiers_online,12,100,,\n"
COLUMNS = HEADER.strip().split(",")
VIETNAMESE = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


def validate(path: Path, *args: str, lang: str = "en") -> dict:
    result = cds("validate", path, *args, "--format", "json", "--lang", lang)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    doc = json.loads(result.stdout, parse_constant=lambda c: pytest.fail(f"{c} in JSON"))
    rows = doc["rows"]
    assert rows["read"] == rows["accepted"] + rows["rejected"], rows
    assert result.exit_code == (0 if doc["valid"] else 1)
    return doc


def places(doc: dict) -> list[tuple]:
    return [(i["code"], i["line"], i["column"]) for i in doc["issues"]]


# --------------------------------------------------------------------------- 1. unclosed quote


def test_an_unclosed_quote_is_named_and_the_lines_below_are_still_read(tmp_path):
    text = HEADER + GOOD.format(q=1) + 'SYT,2023-Q2,gov.dossiers_online,12,100,,"ghi chú\n' + GOOD.format(q=3)
    path = tmp_path / "q.csv"
    path.write_text(text + GOOD.format(q=4).replace("12", "130"), encoding="utf-8")
    doc = validate(path)
    assert places(doc) == [("quote_unclosed", 3, None), ("numerator_exceeds_denominator", 5, "numerator")]
    assert doc["rows"] == {"read": 4, "accepted": 2, "rejected": 2, "blank": 0}
    assert "the 2 lines below" in doc["issues"][0]["message"]
    vi = validate(path, lang="vi")["issues"][0]["message"]
    assert "dòng này" in vi and "2 dòng bên dưới" in vi


def test_a_quote_closed_only_by_another_rows_quote_is_named_too(tmp_path):
    rows = GOOD.format(q=1) + 'SYT,2023-Q2,gov.dossiers_online,12,100,,"a\n' + GOOD.format(q=3)
    rows += 'SYT,2023-Q4,gov.dossiers_online,1,2,,"b\nSTTTT,2023-Q1,soc.adults_smartphone,,,80,\n'
    path = tmp_path / "q.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    doc = validate(path)
    assert [(code, line) for code, line, _ in places(doc)] == [("quote_unclosed", 3), ("quote_unclosed", 5)]
    assert doc["rows"]["read"] == 5


def test_a_note_over_several_lines_is_still_one_cell(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text(HEADER + 'SYT,2023-Q2,gov.dossiers_online,12,100,,"hai\ndòng, a, b"\n' + GOOD.format(q=3))
    assert validate(path)["rows"] == {"read": 2, "accepted": 2, "rejected": 0, "blank": 0}


def test_an_unclosed_quote_in_a_big_file_is_found_without_slowing_the_rest(tmp_path):
    body = "".join(f"SYT,2023-Q{1 + i % 4},gov.dossiers_online,{i % 90},100,,n{i}\n" for i in range(40_000))
    path = tmp_path / "big.csv"
    path.write_text(HEADER + body + 'SYT,2023-Q2,gov.dossiers_online,1,2,,"x\n' + GOOD.format(q=3), encoding="utf-8")
    doc = validate(path)
    assert ("quote_unclosed", 40_002, None) in places(doc)
    assert doc["rows"]["read"] == 40_002


# --------------------------------------------------------------------------- 2. leading-zero thousands


@pytest.mark.parametrize("numerator, denominator", [("01.000", "02.000"), ("01,000", "02,000"), ("1.000", "2.000")])
def test_leading_zero_thousands_are_thousands(tmp_path, numerator, denominator):
    path = tmp_path / "n.csv"
    path.write_text(
        f"agency;period;indicator;numerator;denominator\nSYT;2023-Q2;gov.dossiers_online;{numerator};{denominator}\n"
    )
    assert validate(path)["issues"] == []
    doc = json.loads(cds("score", path, "--format", "json").stdout)
    assert next(i for i in doc["indicators"] if i["id"] == "gov.dossiers_online")["value"] == pytest.approx(50.0)


def test_a_fraction_with_a_zero_integer_part_is_still_no_count(tmp_path):
    path = tmp_path / "n.csv"
    path.write_text("agency;period;indicator;numerator;denominator\nSYT;2023-Q2;gov.dossiers_online;0,050;100\n")
    assert [code for code, _, _ in places(validate(path))] == ["number_not_whole"]


# --------------------------------------------------------------------------- 3. damaged workbooks


def good_workbook(path: Path, sheets: int = 1) -> Path:
    book = openpyxl.Workbook()
    book.active.append(COLUMNS)
    book.active.append(["SYT", "2023-Q2", "gov.dossiers_online", 1, 2, None, None])
    for n in range(1, sheets):
        book.create_sheet(f"Khác {n}")
    book.save(path)
    return path


def flip_inside_member(source: Path, target: Path, member: str) -> Path:
    """Damage the compressed bytes of one zip member (its CRC no longer matches)."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 2, start + min(info.compress_size, 40) - 2):
        data[i] ^= 0x55
    target.write_bytes(bytes(data))
    return target


def one_unreadable(doc: dict) -> None:
    assert places(doc) == [("workbook_unreadable", None, None)], doc["issues"]
    assert doc["rows"]["read"] == 0


@pytest.mark.parametrize(
    "member", ["xl/worksheets/sheet1.xml", "xl/styles.xml", "docProps/app.xml", "[Content_Types].xml"]
)
def test_a_bad_crc_in_any_member_of_an_xlsx_is_one_finding(tmp_path, member):
    path = flip_inside_member(good_workbook(tmp_path / "good.xlsx"), tmp_path / "bad.xlsx", member)
    doc = validate(path, lang="vi")
    if doc["issues"]:  # a member python-calamine never reads may be damaged unnoticed
        one_unreadable(doc)
        message = doc["issues"][0]["message"]
        # the sentence a clerk can act on first, the library's own words only as a detail
        assert message.startswith("không mở được tệp bảng tính") and "(chi tiết: " in message


def test_a_damaged_ods_is_one_finding(tmp_path):
    path = flip_inside_member(FIXTURES / "template.ods", tmp_path / "bad.ods", "content.xml")
    one_unreadable(validate(path))


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.9, 0.98])
@pytest.mark.parametrize("name", ["template.xls", "template.ods"])
def test_a_truncated_xls_or_ods_is_one_finding(tmp_path, name, keep):
    data = (FIXTURES / name).read_bytes()
    path = tmp_path / name
    path.write_bytes(data[: int(len(data) * keep)])
    one_unreadable(validate(path))


def test_a_rust_panic_in_the_reader_is_one_finding_and_prints_nothing(tmp_path):
    """The truncated .xls that made python-calamine panic (pyo3's PanicException is a
    BaseException), in a process of its own: nothing but the JSON on its outputs."""
    data = (FIXTURES / "template.xls").read_bytes()
    path = tmp_path / "cut.xls"
    path.write_bytes(data[: len(data) - 500])
    run = subprocess.run(
        [sys.executable, "-m", "cds_cli", "validate", str(path), "--format", "json", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"RUST_BACKTRACE": "1", "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 1 and run.stderr == ""
    assert [i["code"] for i in json.loads(run.stdout)["issues"]] == ["workbook_unreadable"]


def test_every_workbook_failure_is_caught_even_a_base_exception(tmp_path, monkeypatch):
    from cds_cli.submissions import excel

    class Panic(BaseException):  # what pyo3 raises for a Rust panic
        pass

    def panic(*args):
        raise Panic("index out of range")

    monkeypatch.setattr(excel, "_load", panic)
    doc = validate(good_workbook(tmp_path / "x.xlsx"))
    one_unreadable(doc)
    assert "Panic: index out of range" in doc["issues"][0]["message"]


# --------------------------------------------------------------------------- 4. declared sizes

ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def ods_row(cells: list[str], repeat: int = 1) -> str:
    times = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return (
        f"<table:table-row{times}>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>' for c in cells
        )
        + "</table:table-row>"
    )


def write_ods(path: Path, rows: str) -> Path:
    """A minimal OpenDocument spreadsheet, as small as a hostile one can be."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Sheet1">{rows}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
    return path


DATA = ["SYT", "2023-Q2", "gov.dossiers_online", "1", "2", "", ""]


def measured(path: Path) -> tuple[dict, float, float]:
    """`cds validate PATH --format json` in a process of its own: (document, seconds, peak MB)."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "out = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024); "
        "print(out.stdout)"
    )
    command = [sys.executable, "-m", "cds_cli", "validate", str(path), "--format", "json", "--lang", "en"]
    run = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, timeout=120)
    first, _, rest = run.stdout.partition("\n")
    seconds, peak = map(float, first.split())
    return json.loads(rest), seconds, peak


def test_an_ods_row_repeated_a_million_times_is_refused_at_once(tmp_path):
    path = write_ods(tmp_path / "rep.ods", ods_row(COLUMNS) + ods_row(DATA, 1_000_000))
    assert path.stat().st_size < 1000
    doc, seconds, peak = measured(path)
    assert places(doc) == [("row_repeated", 2, None)] and "1,000,000" in doc["issues"][0]["message"]
    assert seconds < 10 and peak < 1000, (seconds, peak)


def test_trailing_repeated_empty_rows_of_libreoffice_cost_nothing(tmp_path):
    empty = (
        '<table:table-row table:number-rows-repeated="1048574">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    path = write_ods(tmp_path / "trail.ods", ods_row(COLUMNS) + ods_row(DATA, 3) + empty)
    doc, seconds, peak = measured(path)
    assert doc["rows"] == {"read": 3, "accepted": 1, "rejected": 2, "blank": 0}  # the same row thrice: duplicates
    assert {i["code"] for i in doc["issues"]} == {"duplicate_row"}
    assert seconds < 10 and peak < 1000, (seconds, peak)


def test_an_xlsx_with_one_far_cell_is_refused_before_it_is_expanded(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(COLUMNS)
    book.active.append(DATA)
    book.active["XFD1220"] = "x"
    path = tmp_path / "far.xlsx"
    book.save(path)
    doc, seconds, peak = measured(path)
    assert places(doc) == [("sheet_too_large", None, None)] and "XFD1220" in doc["issues"][0]["message"]
    assert seconds < 10 and peak < 1000, (seconds, peak)


# --------------------------------------------------------------------------- 5. byte-order marks


@pytest.mark.parametrize("bom", ["", "\ufeff"], ids=["without-bom", "with-bom"])
def test_lines_of_byte_order_marks_are_blank_with_or_without_a_bom(tmp_path, bom):
    marks = "\ufeff\n" * 15 + "\ufeff,\ufeff;\n" + " \ufeff \n" * 15
    path = tmp_path / "b.csv"
    path.write_text(bom + marks + HEADER + marks + GOOD.format(q=1) + marks + GOOD.format(q=2), encoding="utf-8")
    doc = validate(path)
    assert doc["issues"] == [] and doc["rows"] == {"read": 2, "accepted": 2, "rejected": 0, "blank": 62}


# --------------------------------------------------------------------------- 6. an empty first sheet


def test_an_empty_first_sheet_names_the_others_and_the_sheet_option(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    data = book.create_sheet("Sheet2")
    data.append(COLUMNS)
    data.append(DATA)
    path = tmp_path / "two.xlsx"
    book.save(path)
    doc = validate(path, lang="vi")
    assert places(doc) == [("sheet_empty", None, None)]
    assert all(word in doc["issues"][0]["message"] for word in ("'Sheet1'", "Sheet2", "--sheet"))
    assert validate(path, "--sheet", "Sheet2")["rows"]["accepted"] == 1


def test_an_empty_workbook_of_one_sheet_is_still_an_empty_file(tmp_path):
    path = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(path)
    assert places(validate(path)) == [("empty_file", None, None)]


# --------------------------------------------------------------------------- 7. Excel error cells


def with_error_cells(path: Path, cells: dict[str, str]) -> Path:
    """A workbook whose data cells hold Excel errors, as Excel saves a formula's cached result."""
    good_workbook(path.with_suffix(".src.xlsx"))
    with zipfile.ZipFile(path.with_suffix(".src.xlsx")) as src, zipfile.ZipFile(path, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "xl/worksheets/sheet1.xml":
                text = data.decode()
                for ref, error in cells.items():
                    old = text[text.index(f'<c r="{ref}"') :]
                    old = old[: old.index("</c>") + 4]
                    text = text.replace(old, f'<c r="{ref}" t="e"><f>1/0</f><v>{error}</v></c>')
                data = text.encode()
            dst.writestr(name, data)
    return path


def test_an_error_cell_is_a_finding_naming_the_cell_and_the_error(tmp_path):
    path = with_error_cells(tmp_path / "err.xlsx", {"D2": "#DIV/0!", "E2": "#REF!"})
    doc = validate(path)
    assert places(doc) == [("cell_error", 2, "numerator")]
    assert "D2" in doc["issues"][0]["message"] and "#DIV/0!" in doc["issues"][0]["message"]
    assert doc["rows"] == {"read": 1, "accepted": 0, "rejected": 1, "blank": 0}


def test_a_sheet_of_error_cells_is_not_an_empty_file(tmp_path):
    path = with_error_cells(tmp_path / "err.xlsx", dict.fromkeys(("A2", "B2", "C2", "D2", "E2"), "#N/A"))
    doc = validate(path)
    assert places(doc) == [("cell_error", 2, "agency")] and "A2" in doc["issues"][0]["message"]


@pytest.mark.skipif(SOFFICE is None, reason="needs soffice to write .xls and .ods")
@pytest.mark.parametrize("target, suffix", [("xls:MS Excel 97", "xls"), ("ods", "ods")])
def test_error_cells_in_xls_and_ods_written_by_libreoffice_are_findings(tmp_path, target, suffix):
    book = openpyxl.Workbook()
    book.active.append(COLUMNS)
    book.active.append(["SYT", "2023-Q2", "gov.dossiers_online", "=1/0", "=NA()", None, None])
    book.save(tmp_path / "errors.xlsx")
    convert(tmp_path / "errors.xlsx", target, tmp_path)  # LibreOffice computes and stores the errors
    doc = validate(tmp_path / f"errors.{suffix}")
    assert places(doc) == [("cell_error", 2, "numerator")]
    assert "#DIV/0!" in doc["issues"][0]["message"]


# --------------------------------------------------------------------------- 8. UTF-16 without BOM


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_text(tmp_path, encoding):
    text = "Đơn vị\tKỳ báo cáo\tMã chỉ tiêu\tTử số\tMẫu số\r\nSở Y tế\tQuý 2/2023\tgov.dossiers_online\t12\t100\r\n"
    path = tmp_path / "u.csv"
    path.write_bytes(text.encode(encoding))
    doc = validate(path)
    assert doc["issues"] == [] and doc["rows"]["accepted"] == 1 and doc["files"][0]["encoding"] == encoding


def test_binary_with_nul_bytes_is_still_not_text(tmp_path):
    path = tmp_path / "b.csv"
    path.write_bytes(bytes(range(256)) * 20)
    assert [code for code, _, _ in places(validate(path))] in (["not_text"], ["encoding_unknown"])


# --------------------------------------------------------------------------- 9. no submission at all


def test_a_file_that_is_no_submission_is_one_finding_naming_every_missing_column(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("name,email\nAn,an@example.vn\nBình,binh@example.vn\n", encoding="utf-8")
    doc = validate(path)
    assert places(doc) == [("missing_column", 1, None)]
    assert all(f"'{column}'" in doc["issues"][0]["message"] for column in ("agency", "period", "indicator"))
    assert doc["rows"] == {"read": 2, "accepted": 0, "rejected": 2, "blank": 0}


def test_an_english_message_holds_no_vietnamese_and_a_reason_follows_the_sentence(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"PK\x03\x04 damaged")
    message = validate(path)["issues"][0]["message"]
    assert not VIETNAMESE & set(message.lower())
    assert message.index("save it again") < message.index("detail:")
