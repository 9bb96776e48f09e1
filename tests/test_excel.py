"""Excel workbooks as agencies fill them, generated here with openpyxl (no binary fixtures)."""

import zipfile

import openpyxl
import pytest
from conftest import cds, cds_json

VI_HEADER = ["STT", "Đơn vị", "Kỳ báo cáo", "Mã chỉ tiêu", "Tên chỉ tiêu", "Tử số", "Mẫu số", "Giá trị", "Ghi chú"]


def workbook_with_title_block(path, *, sheet_title="Báo cáo"):
    """A form as agencies send it: a merged title, a blank row, the header on row 4,
    the agency merged down over its rows, counts typed as text, a %-formatted cell."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = sheet_title
    sheet["A1"] = "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ QUÝ II/2023"
    sheet.merge_cells("A1:I1")
    sheet["A2"] = "(Kèm theo Kế hoạch 64/KH-UBND)"
    sheet.append([])
    sheet.append(VI_HEADER)  # row 4
    sheet.append([1, "Sở Y tế", "Quý II/2023", "gov.dossiers_online", "Hồ sơ", "1.234", 4000, None, None])  # 5
    sheet.append([2, None, "Quý II/2023", "gov.dossiers_digitized", "Số hóa", 300, 400, None, None])  # 6
    sheet.append([3, None, "Quý II/2023", "soc.citizens_e_health_records", "HSSK", None, None, 0.625, None])  # 7
    sheet["H7"].number_format = "0.0%"
    sheet.merge_cells("B5:B7")
    sheet.append([4, "SYT", "Quý II/2023", "gov.inspections_digital", "Kiểm tra", 30, 20, None, None])  # 8
    book.save(path)
    return path


def test_workbook_with_title_block_merged_cells_and_text_numbers(tmp_path):
    path = workbook_with_title_block(tmp_path / "SYT.xlsx")
    doc = cds_json("score", path, "--period", "2023-Q2", "--lang", "en")
    by_id = {i["id"]: i for i in doc["indicators"]}
    assert by_id["gov.dossiers_online"]["value"] == pytest.approx(30.85)  # 100·1234/4000
    assert by_id["gov.dossiers_digitized"]["value"] == pytest.approx(75.0)  # the merged agency cell counts
    assert by_id["soc.citizens_e_health_records"]["value"] == pytest.approx(62.5)  # 0.625 shown as 62.5%
    assert doc["rows"] == {"read": 4, "accepted": 3, "rejected": 1, "blank": 0}
    # findings point to the sheet row
    assert [(i["code"], i["line"], i["column"]) for i in doc["issues"]] == [
        ("numerator_exceeds_denominator", 8, "numerator")
    ]


def test_directory_takes_csv_and_xlsx(tmp_path, write):
    workbook_with_title_block(tmp_path / "b.xlsx")
    write("a.csv", "agency,period,indicator,value\nSTTTT,2023-Q2,soc.adults_smartphone,81\n")
    write("~$b.xlsx", "Excel lock file, not a workbook")
    doc = cds_json("validate", tmp_path)
    assert [f["file"] for f in doc["files"]] == [str(tmp_path / "a.csv"), str(tmp_path / "b.xlsx")]
    assert doc["files"][1]["sheet"] == "Báo cáo"
    assert doc["rows"]["read"] == 5


def test_sheet_option_chooses_the_worksheet(tmp_path):
    path = workbook_with_title_block(tmp_path / "two.xlsx")
    book = openpyxl.load_workbook(path)
    other = book.create_sheet("Số liệu", 0)  # now the first sheet
    other.append(["agency", "period", "indicator", "value"])
    other.append(["STTTT", "2023-Q2", "soc.adults_smartphone", 81])
    book.save(path)
    assert cds_json("validate", path)["rows"]["read"] == 1
    assert cds_json("validate", path, "--sheet", "Báo cáo")["rows"]["read"] == 4
    missing = cds_json("validate", path, "--sheet", "Nope", "--lang", "en", expect_exit=1)
    assert missing["issues"][0]["code"] == "sheet_missing" and "Số liệu, Báo cáo" in missing["issues"][0]["message"]


def test_a_typed_decimal_is_never_read_as_thousands(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["agency", "period", "indicator", "numerator", "denominator", "value"])
    book.active.append(["STTTT", "2023-Q2", "soc.households_fiber", 1.234, 10, None])  # a number cell, not "1.234"
    book.save(tmp_path / "x.xlsx")
    doc = cds_json("validate", tmp_path / "x.xlsx", expect_exit=1)
    assert doc["issues"][0]["code"] == "number_not_whole"


@pytest.mark.parametrize(
    "content, code",
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "workbook_protected"),
        (b"this is not a zip", "workbook_unreadable"),
    ],
)
def test_broken_workbooks_are_one_finding(tmp_path, content, code):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    result = cds("validate", path, "--format", "json")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f'"code": "{code}"' in result.stdout


def test_a_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "fake.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    doc = cds_json("validate", path, expect_exit=1)
    assert doc["issues"][0]["code"] == "workbook_unreadable"


def test_a_zip_bomb_is_refused_unread(tmp_path, monkeypatch):
    from cds_cli.submissions import excel

    monkeypatch.setattr(excel, "MAX_UNCOMPRESSED_BYTES", 1000)
    path = workbook_with_title_block(tmp_path / "big.xlsx")
    doc = cds_json("validate", path, expect_exit=1)
    assert doc["issues"][0]["code"] == "workbook_too_large"
