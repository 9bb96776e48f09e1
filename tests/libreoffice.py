"""Files as LibreOffice writes them from a filled-in `cds template` workbook.

    python tests/libreoffice.py            # rewrite the fixtures in tests/data/libreoffice/

needs the `soffice` binary (Debian: libreoffice-calc-nogui).  The committed fixtures
are what this wrote; tests/test_libreoffice.py reads them, and writes them again in a
temporary directory when soffice is installed, to check that nothing drifted.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FIXTURES = Path(__file__).parent / "data" / "libreoffice"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# (numerator, denominator, value) per template row; "1.234" typed as text, 0.625 as a percent cell.
FIGURES = {
    "gov.online_services_with_applications": (45, 60, None),
    "gov.dossiers_online": ("1.234", 4000, None),
    "gov.dossiers_digitized": (300, 400, None),
    "gov.work_records_online_province": (850, 1000, None),
    "gov.documents_signed_electronic": (990, 1000, None),
    "gov.inspections_digital": (12, 50, None),
    "sec.systems_classified_protected": (8, 10, None),
    "sec.staff_trained_security": (40, 50, None),
    "soc.citizens_e_health_records": (None, None, 0.625),
}
# LibreOffice's filter for each kind of fixture; CSV: separator, quote, encoding (76 = UTF-8) as character codes.
FILTERS = {
    "comma.csv": "csv:Text - txt - csv (StarCalc):44,34,76",
    "semicolon.csv": "csv:Text - txt - csv (StarCalc):59,34,76",
    "xls": "xls:MS Excel 97",
    "ods": "ods",
}
# Every fixture, in the order they are written: the form with and without its title block in
# each kind, the hand-made merged form as .xls and .ods.
NAMES = [f"{stem}.{kind}" for stem in ("template", "template-notitle") for kind in FILTERS] + [
    "merged.xls",
    "merged.ods",
]


def filled_template(title_block: bool = True) -> bytes:
    """SYT's 2023-Q3 form from `cds template`, filled in as an agency would."""
    import openpyxl

    from cds_cli import load_plan
    from cds_cli.periods import parse_period
    from cds_cli.templates import HEADERS, template_rows, template_xlsx

    plan = load_plan()
    rows = template_rows(plan, "SYT", parse_period("2023-Q3"), "vi")
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx(rows, "64/KH-UBND — Sở Y tế — 2023-Q3")))
    sheet = book.active
    if not title_block:
        sheet.delete_rows(1, 2)
    header_row = 3 if title_block else 1
    columns = {name: HEADERS.index(name) + 1 for name in ("Tử số", "Mẫu số", "Giá trị")}
    for offset, row in enumerate(rows, start=1):
        numerator, denominator, value = FIGURES[row.indicator.id]
        line = header_row + offset
        sheet.cell(line, columns["Tử số"]).value = numerator
        sheet.cell(line, columns["Mẫu số"]).value = denominator
        if value is not None:
            sheet.cell(line, columns["Giá trị"]).value = value
            sheet.cell(line, columns["Giá trị"]).number_format = "0.0%"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def merged_workbook() -> bytes:
    """A form as agencies lay it out by hand: a merged title, a blank row, the header on
    row 4, the agency merged down over three rows, a count typed as text, a percent cell,
    and on row 8 a numerator larger than its denominator."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Báo cáo"
    sheet["A1"] = "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ QUÝ II/2023"
    sheet.merge_cells("A1:I1")
    sheet["A2"] = "(Kèm theo Kế hoạch 64/KH-UBND)"
    sheet.append([])
    sheet.append(
        ["STT", "Đơn vị", "Kỳ báo cáo", "Mã chỉ tiêu", "Tên chỉ tiêu", "Tử số", "Mẫu số", "Giá trị", "Ghi chú"]
    )
    sheet.append([1, "Sở Y tế", "Quý II/2023", "gov.dossiers_online", "Hồ sơ", "1.234", 4000, None, None])
    sheet.append([2, None, "Quý II/2023", "gov.dossiers_digitized", "Số hóa", 300, 400, None, None])
    sheet.append([3, None, "Quý II/2023", "soc.citizens_e_health_records", "HSSK", None, None, 0.625, None])
    sheet["H7"].number_format = "0.0%"
    sheet.merge_cells("B5:B7")
    sheet.append([4, "SYT", "Quý II/2023", "gov.inspections_digital", "Kiểm tra", 30, 20, None, None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def convert(source: Path, target: str, outdir: Path) -> None:
    """One soffice run, with a profile of its own (parallel tests do not share one)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(outdir),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )


def write_fixture(name: str, outdir: Path) -> Path:
    """One fixture of ``NAMES`` in ``outdir``: its workbook made by openpyxl, saved by LibreOffice."""
    stem, kind = name.split(".", 1)
    workbook = {
        "template": filled_template,
        "template-notitle": lambda: filled_template(title_block=False),
        "merged": merged_workbook,
    }[stem]
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{stem}.xlsx"
        source.write_bytes(workbook())
        convert(source, FILTERS[kind], Path(tmp))
        target = outdir / name
        shutil.move(Path(tmp) / f"{stem}.{kind.rsplit('.', 1)[-1]}", target)
    return target


def write_fixtures(outdir: Path) -> list[Path]:
    """template[-notitle].{comma.csv, semicolon.csv, xls, ods} and merged.{xls, ods} in ``outdir``."""
    return [write_fixture(name, outdir) for name in NAMES]


if __name__ == "__main__":
    if SOFFICE is None:
        sys.exit("soffice not found: apt-get install libreoffice-calc-nogui")
    for path in write_fixtures(FIXTURES):
        print(path)
