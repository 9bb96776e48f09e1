"""The Word report: administrative layout (NĐ 30/2020), the numbers of the scorecard, determinism."""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

import cds_cli
from cds_cli import load_plan, parse_period, read_submissions
from cds_cli.report.docx_report import render_docx, vn_date
from cds_cli.report.model import build_report
from cds_cli.report.textwidth import width_cm
from cds_cli.words.labels import label, number

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def annual():
    """The examples named as a user in the checkout types them (``examples/2023``): the
    draft then reads the same, and is laid out the same, wherever the checkout lives."""
    plan = load_plan()
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        report = read_submissions([Path("examples", "2023")], plan)
    finally:
        os.chdir(here)
    return build_report(report, plan, parse_period("2023-Q3"), date="2024-01-15")


@pytest.fixture(scope="module")
def view(annual):
    return annual.view()


@pytest.fixture(scope="module")
def data(view):
    return render_docx(view, "vi")


@pytest.fixture(scope="module")
def word(data):
    return docx.Document(io.BytesIO(data))


def tiny_png() -> bytes:
    """A valid 2×1 PNG, standing in for the charts where a test is about the text."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    pixels = zlib.compress(b"\x00" + b"\xff\xff\xff" * 2)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def fast_charts(monkeypatch):
    from cds_cli.report import docx_report

    for name in ("attainment_chart", "trajectory_chart", "completeness_heatmap"):
        monkeypatch.setattr(docx_report, name, lambda *args, **kwargs: tiny_png())


def near(length, cm: float) -> bool:
    """Lengths go through twips (1/20 pt): equal to a hundredth of a millimetre."""
    return abs(length - Cm(cm)) < Cm(0.001)


def all_tables(document):
    """Every table, nested ones included."""
    found = []

    def walk(tables):
        for table in tables:
            found.append(table)
            for row in table.rows:
                for cell in row.cells:
                    walk(cell.tables)

    walk(document.tables)
    return found


def pillar_rows(document, lang="vi", ids=None):
    """Indicator id -> {column heading: cell text} from the tables of section II, which name
    each indicator by its full name (ids are for scripts: XLSX, JSON); ``ids``: name -> id."""
    ids = ids or {ind.name(lang): ind.id for ind in load_plan().indicators}
    rows = {}
    for table in document.tables:
        headers = [cell.text for cell in table.rows[0].cells]
        if label("attainment", lang) not in headers:
            continue
        for row in table.rows[1:]:
            cells = [cell.text for cell in row.cells]
            rows[ids[cells[0]]] = dict(zip(headers, cells, strict=False))
    return rows


def shown(value, lang="vi"):
    if value is None:
        return "—"
    return label(value, lang) if isinstance(value, str) else number(value, lang)


def rule_length(paragraph, available: float) -> float:
    """The length (cm) of a rule paragraph: a top border between equal indents."""
    assert paragraph._p.find(f".//{qn('w:pBdr')}/{qn('w:top')}") is not None and not paragraph.text
    return available - 2 * paragraph.paragraph_format.left_indent.cm


def test_header_is_the_administrative_form(word):
    header = word.tables[0]
    left, right = header.rows[0].cells
    # broken where the names break, never inside one ("TỈNH BẠC / LIÊU" was the bug)
    assert [p.text for p in left.paragraphs[:4]] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH BẠC LIÊU",
        "SỞ THÔNG TIN VÀ",
        "TRUYỀN THÔNG",
    ]
    assert not left.paragraphs[0].runs[0].bold and all(p.runs[0].bold for p in left.paragraphs[2:4])
    assert right.paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert right.paragraphs[1].text == "Độc lập - Tự do - Hạnh phúc"
    assert all(p.runs[0].bold for p in right.paragraphs[:2])
    # the rules sized from the text: the issuer's 1/3–1/2 of its line, the motto's as long as the motto
    issuer_line = max(width_cm(p.text, 12, "bold") for p in left.paragraphs[2:4])
    assert issuer_line / 3 <= rule_length(left.paragraphs[4], 6.2) <= issuer_line / 2
    assert abs(rule_length(right.paragraphs[2], 9.0) - width_cm("Độc lập - Tự do - Hạnh phúc", 13, "bold")) < 0.01
    number_cell, date_cell = header.rows[1].cells
    assert number_cell.text.startswith("Số:") and number_cell.text.endswith("/BC-STTTT")
    assert date_cell.text == "Bạc Liêu, ngày 15 tháng 01 năm 2024"
    assert date_cell.paragraphs[0].runs[0].italic
    # borderless
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert all(edge.get(qn("w:val")) == "nil" for edge in borders)


def test_dates_follow_decree_30():
    assert vn_date("2024-01-15") == "ngày 15 tháng 01 năm 2024"
    assert vn_date("2024-02-05") == "ngày 05 tháng 02 năm 2024"
    assert vn_date("2023-12-31") == "ngày 31 tháng 12 năm 2023"
    assert vn_date("2023-04-09") == "ngày 09 tháng 4 năm 2023"
    assert vn_date(None) == "ngày …… tháng …… năm ……"


def test_title_basis_and_period(word):
    texts = [p.text for p in word.paragraphs]
    k = texts.index("BÁO CÁO")
    assert word.paragraphs[k].runs[0].bold
    assert word.paragraphs[k].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert word.paragraphs[k].runs[0].font.size == Pt(14)
    # the subject (trích yếu) does not repeat the type, and its rule sits right under it
    assert texts[k + 1] == "Kết quả thực hiện Kế hoạch chuyển đổi số năm 2023"
    subject = width_cm(texts[k + 1], 14, "bold")
    assert subject / 3 <= rule_length(word.paragraphs[k + 2], 16.0) <= subject / 2
    # clear of the diacritics: at least 3 pt below the text, or it reads as an underline
    assert word.paragraphs[k + 2].paragraph_format.space_before >= Pt(3)
    assert texts[k + 3] == "Kính gửi: Ủy ban nhân dân tỉnh Bạc Liêu."
    assert texts[k + 4] == (
        "Căn cứ Kế hoạch số 64/KH-UBND ngày 05/4/2023 của Ủy ban nhân dân tỉnh Bạc Liêu (Kế hoạch "
        "Chuyển đổi số tỉnh Bạc Liêu năm 2023), Sở Thông tin và Truyền thông báo cáo kết quả thực "
        "hiện quý I, II và III năm 2023 như sau:"
    )
    assert not any(re.search(r"\d{4}-Q\d", t) for t in texts)  # periods as people write them, in prose


def test_the_parts_the_department_writes_are_ready_to_fill(word):
    texts = [p.text for p in word.paragraphs]
    assert "Đến hết quý III/2023, có 3/29 chỉ tiêu đạt mục tiêu; tỷ lệ báo cáo của các đơn vị đạt 97%." in texts
    assert "[Sở bổ sung: nhận định chung về kết quả]" in texts
    assert "Các chỉ tiêu chưa đạt hoặc có nguy cơ không đạt:" in texts
    # a missed target is listed with its unit and its status in words
    assert "- Hệ thống thông tin được bảo đảm ATTT theo cấp độ: 93,10% so với mục tiêu ≥ 100% (Không đạt);" in texts
    for what in ("nguyên nhân của từng tồn tại, hạn chế", "nhiệm vụ, giải pháp trong thời gian tới"):
        assert f"[Sở bổ sung: {what}]" in texts


def test_units_and_baselines_in_the_plans_words(word):
    texts = [p.text for p in word.paragraphs]
    assert texts.count("Đơn vị tính: %") == 4  # above each pillar's table
    rows = pillar_rows(word)
    assert rows["gov.documents_signed_electronic"]["Năm 2022"] == "khoảng 98"  # as the plan writes it
    assert "Còn thiếu (điểm %)" in rows["gov.dossiers_online"]


def test_sections_are_numbered_in_their_text(word):
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "I. KẾT QUẢ CHUNG",
        "II. KẾT QUẢ THEO TRỤ CỘT VÀ CHỈ TIÊU",
        "III. DỰ BÁO KHẢ NĂNG ĐẠT MỤC TIÊU",
        "IV. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ",
        "V. ĐÁNH GIÁ CHUNG",
        "VI. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "VII. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI",
        "VIII. KIẾN NGHỊ, ĐỀ XUẤT",
    ]
    pillars = [p.text for p in word.paragraphs if p.style.name == "Heading 2" and "Chính quyền số" in p.text]
    assert pillars == ["1. Chính quyền số"]
    assert not any(
        f"cds {cds_cli.__version__}" in p.text for p in word.paragraphs
    )  # no "generated by" in a draft to sign


def test_every_indicator_is_in_the_tables_by_name_and_no_id_or_code_anywhere(word, annual):
    cells = [cell.text for table in all_tables(word) for row in table.rows for cell in row.cells]
    names = [ind.name("vi") for ind in annual.plan.indicators]
    assert len(names) == 29 and not [n for n in names if n not in cells]
    view = annual.view()
    files = [f.file for f in view.files]  # named as the user gave them
    every = "\n".join([c for c in cells if c not in files] + [p.text for p in word.paragraphs])
    codes = [f.code for f in view.findings_by_code]
    agencies = [a.code for a in annual.plan.agencies]
    assert not [w for w in [ind.id for ind in annual.plan.indicators] + codes if w in every]
    assert not [a for a in agencies if re.search(rf"\b{a}\b", every.replace("BC-STTTT", ""))]
    assert not re.search(r"\b[0-9a-f]{64}\b", every)  # no SHA-256: hashes stay in the XLSX and JSON
    assert not re.search(r"(^|\s)/\w+/", every)  # no absolute path


def test_pillar_tables_show_the_scorecard_numbers(word, view):
    rows = pillar_rows(word)
    assert len(rows) == 29
    last = "Quý III"
    for item in view.card.indicators:
        row = rows[item.id]
        assert row[label("attainment", "vi")] == number(item.attainment, "vi"), item.id
        assert row[last] == shown(item.value), item.id
        assert row[label("status", "vi")] == label(item.status, "vi"), item.id
        assert row[label("indicator", "vi")] == item.name("vi")
    # a handful, spelled out
    assert rows["gov.online_services_with_applications"][label("attainment", "vi")] == "83,58"
    assert rows["gov.online_services_with_applications"][last] == "66,87"
    assert rows["gov.online_services_with_applications"]["Quý I"] == "51,85"
    assert rows["gov.online_services_with_applications"][label("gap_points", "vi")] == "13,13"
    assert rows["gov.online_services_multichannel"][label("gap_points", "vi")] == ""  # met: nothing to close
    assert rows["gov.data_analytics_platform"][last] == "đang triển khai"
    assert rows["econ.sme_digital_platforms"][label("attainment", "vi")] == "—"


def test_summary_and_projection(word, view):
    texts = [p.text for p in word.paragraphs]
    assert "Chỉ số chung đạt 80,01 điểm, độ phủ số liệu 89%." in texts
    assert "Tỷ lệ báo cáo quý III/2023: 224/232 (97%)." in texts
    assert not any(t.startswith("Dòng dữ liệu") for t in texts[: texts.index("Phụ lục")])  # row counts: appendix
    assert label("projection_method_text", "vi", **view.plan.terms) in texts
    projection = next(t for t in word.tables if label("likely_met", "vi") in t.rows[0].cells[-1].text)
    assert projection.rows[0].cells[3].text == "Dự báo khi đến hạn"
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in projection.rows[1:]}
    # the status's line from the provisional baseline (Q1 17,49) through Q3's 27,08, read at Q4:
    # 17,49 + (27,08 − 17,49)·3/2 = 31,87 — on track, so likely met
    assert rows["Hồ sơ TTHC giải quyết trực tuyến"][2:] == ["27,08", "31,87", "có"]
    assert rows["Dịch vụ công trực tuyến phát sinh hồ sơ"][2:] == ["66,87", "74,38", "không"]
    assert rows["Báo cáo kết nối hệ thống báo cáo Chính phủ"][3] == "100,00 (đã giới hạn)"  # 97,78 rising: held at 100
    whole = "\n".join(texts)
    assert "bình phương" not in whole and "Q4" not in whole  # plain words, quarters as people write them
    assert whole.count("không phải kết quả") == 1  # said once, in the method


def test_pictures_are_embedded(word):
    assert len(word.inline_shapes) >= 4
    # four pillar charts, trajectories, the heat-map
    assert len(word.inline_shapes) == 4 + 4 + 1


def test_fonts_page_and_tables(word):
    normal = word.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(13)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {"Times New Roman"}
    assert word.styles["Table Text"].font.size == Pt(11)
    first = word.sections[0]
    assert near(first.page_width, 21) and near(first.page_height, 29.7)
    assert near(first.top_margin, 2) and near(first.bottom_margin, 2) and near(first.left_margin, 3)
    assert Cm(1.5) <= first.right_margin <= Cm(2.001)
    landscape = word.sections[1]  # the wide pillar tables
    assert near(landscape.page_width, 29.7) and near(landscape.page_height, 21)
    assert near(word.sections[-1].page_width, 21)
    body = [p for p in word.paragraphs if p.style.name == "Body Text"]
    assert body and word.styles["Body Text"].paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.JUSTIFY
    grids = [t for t in word.tables if t.style is not None and t.style.name == "Table Grid"]
    assert len(grids) >= 8
    for table in grids:
        rows = table._tbl.tr_lst
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)


def test_deterministic(annual, data):
    assert render_docx(annual.view(), "vi") == data  # a view built again: the same bytes
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "<dc:creator>cds</dc:creator>" in core
    assert "<dc:title>Báo cáo kết quả thực hiện Kế hoạch chuyển đổi số năm 2023</dc:title>" in core
    assert "2000-01-01T00:00:00Z" in core


def test_english_body_vietnamese_form(annual, fast_charts):
    word = docx.Document(io.BytesIO(render_docx(annual.view(), "en")))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["I. SUMMARY", "II. RESULTS BY PILLAR AND INDICATOR", "III. OUTLOOK TO THE DUE QUARTER"]
    assert word.tables[0].rows[0].cells[1].paragraphs[1].text == "Độc lập - Tự do - Hạnh phúc"
    assert word.tables[0].rows[1].cells[1].text == "Bạc Liêu, ngày 15 tháng 01 năm 2024"
    rows = pillar_rows(word, "en")
    assert rows["gov.online_services_with_applications"][label("attainment", "en")] == "83.58"


def test_undated_draft_and_plain_text(view, fast_charts):
    pillar = view.card.pillars[0]
    item = pillar.indicators[0]
    named = replace(item, indicator=item.indicator.model_copy(update={"name_vi": "A & <b>B</b>\x01 ]]>"}))
    pillars = (replace(pillar, indicators=(named, *pillar.indicators[1:])), *view.card.pillars[1:])
    changed = replace(view, date=None, card=replace(view.card, pillars=pillars))
    word = docx.Document(io.BytesIO(render_docx(changed, "vi")))
    assert word.tables[0].rows[1].cells[1].text == "Bạc Liêu, ngày …… tháng …… năm ……"
    rows = pillar_rows(word, ids={"A & <b>B</b> ]]>": item.id} | {i.name("vi"): i.id for i in load_plan().indicators})
    assert rows[item.id][label("indicator", "vi")] == "A & <b>B</b> ]]>"


def test_closing_signature_and_appendix_as_decree_30_prescribes(word):
    texts = [p.text for p in word.paragraphs]
    appendix = texts.index("Phụ lục")
    # the content ends with ./., and refers to the appendix
    body_end = next(t for t in reversed(texts[:appendix]) if t)
    assert body_end.endswith("Phụ lục kèm theo Báo cáo này./.")
    signature = next(t for t in word.tables if t.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:")
    recipients, signer = signature.rows[0].cells
    assert [p.text for p in recipients.paragraphs] == ["Nơi nhận:", "- Ủy ban nhân dân tỉnh (b/c);", "- Lưu: VT, CĐS."]
    lines = [p.text for p in signer.paragraphs]
    assert lines[0] == "GIÁM ĐỐC" and lines[-1] == "[Họ và tên]" and lines[1:-1] == [""] * 5  # room to sign and seal
    assert word.paragraphs[appendix].paragraph_format.page_break_before
    assert texts[appendix + 1] == "SỐ LIỆU ĐẦU VÀO VÀ CHẤT LƯỢNG DỮ LIỆU"
    attached = word.paragraphs[appendix + 2]
    assert (
        attached.text
        == "(Kèm theo Báo cáo số       /BC-STTTT ngày 15 tháng 01 năm 2024 của Sở Thông tin và Truyền thông)"
    )
    assert attached.runs[0].italic
    # the files of quarters I–III only: the fourth quarter's are not in a report on the third
    assert "Dòng dữ liệu: đọc 668, hợp lệ 653, bị loại 15, dòng trống 1." in texts[appendix:]
    files = next(t for t in word.tables if t.rows[0].cells[0].text == "Tệp")
    listed = [row.cells[0].text for row in files.rows[1:]]
    assert len(listed) == 10 and all(name.startswith("examples/2023/2023-Q") for name in listed)
    assert not any("2023-Q4" in name for name in listed)
    problems = next(t for t in word.tables if t.rows[0].cells[0].text == "Loại lỗi")
    assert [row.cells[0].text for row in problems.rows[1:3]] == [
        "Đơn vị không có trong danh mục",
        "Số đếm âm",
    ]


def test_english_draft_keeps_only_the_legal_form_in_vietnamese(annual, fast_charts):
    word = docx.Document(io.BytesIO(render_docx(annual.view(), "en")))
    texts = [p.text for p in word.paragraphs]
    k = texts.index("REPORT")
    assert texts[k + 1] == "Results of the Digital Transformation Plan 2023"
    assert texts[k + 3] == "To: the People's Committee of Bạc Liêu province."
    assert texts[k + 4].endswith("reports the results for Q1, Q2 and Q3 2023 as follows:")
    assert "Appendix" in texts and "INPUT DATA AND DATA QUALITY" in texts
    # what the law fixes stays Vietnamese: the header block and the signature block
    left = word.tables[0].rows[0].cells[0]
    assert left.paragraphs[0].text == "ỦY BAN NHÂN DÂN"
    signature = next(t for t in word.tables if t.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:")
    assert signature.rows[0].cells[1].paragraphs[0].text == "GIÁM ĐỐC"
    vietnamese = re.compile(r"[À-ỹĐđ]")
    legal = {"Nơi nhận:", "- Ủy ban nhân dân tỉnh (b/c);", "- Lưu: VT, CĐS.", "[Họ và tên]", "GIÁM ĐỐC"}
    body = [t for t in texts if t and t not in legal]
    for agency in annual.plan.agencies:  # names keep their diacritics in English: "Đông Hải District …"
        body = [t.replace(agency.name("en"), "") for t in body]
    stray = [t for t in body if vietnamese.search(t) and "Bạc Liêu" not in t and "Kế hoạch" not in t]
    assert not stray  # the plan's own title and the province's name are names, not words to translate


def test_every_chart_has_a_text_alternative(word):
    pictures = word.inline_shapes
    assert len(pictures) == 9
    alts = [shape._inline.docPr.get("descr") for shape in pictures]
    assert all(alt and len(alt) > 40 for alt in alts)
    assert any("Chính quyền số" in alt for alt in alts)


SOFFICE = shutil.which("soffice")


@pytest.mark.slow
@pytest.mark.skipif(not SOFFICE and not os.environ.get("CI"), reason="LibreOffice is installed by .ci/run")
def test_the_draft_as_libreoffice_lays_it_out(data, tmp_path):
    """The real office suite: the header names are never broken inside a name, the subject
    fits one line, the body ends with ./. before the signature, the appendix follows."""
    assert SOFFICE and shutil.which("pdftotext"), "CI installs libreoffice-writer-nogui and poppler-utils"
    source = tmp_path / "draft.docx"
    source.write_bytes(data)
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=240,
        check=True,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "draft.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    first = [" ".join(line.split()) for line in pages[0].splitlines()]
    assert any(line.startswith("ỦY BAN NHÂN DÂN") and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in first)
    assert any(line.startswith("TỈNH BẠC LIÊU") for line in first)  # the province's name whole, on its line
    assert "Kết quả thực hiện Kế hoạch chuyển đổi số năm 2023" in first
    assert "Kính gửi: Ủy ban nhân dân tỉnh Bạc Liêu." in first
    # The parts in reading order, by where they stand on the pages (page, then height), not by
    # the order pdftotext happens to give a two-column block: body's end, signature, appendix.
    lines = pdf_lines(tmp_path / "draft.pdf")
    body_end = place(lines, lambda t: t.endswith("này./."))  # the last sentence, wherever it wraps
    recipients = place(lines, lambda t: t == "Nơi nhận:")
    signer = place(lines, lambda t: t == "[Họ và tên]")
    appendix = place(lines, lambda t: t == "Phụ lục")
    assert body_end < recipients < appendix and body_end < signer < appendix
    assert len(pages) >= 6


def pdf_lines(pdf: Path) -> list[tuple[int, float, str]]:
    """Every text line of a PDF as (page, top, words), from pdftotext's word boxes."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = []
    for page, body in enumerate(re.split(r"<page\b", xhtml)[1:]):
        for top, inner in re.findall(r'<line xMin="[^"]*" yMin="([^"]*)"[^>]*>(.*?)</line>', body, re.S):
            words = re.findall(r"<word[^>]*>(.*?)</word>", inner, re.S)
            lines.append((page, float(top), html.unescape(" ".join(words))))
    return lines


def place(lines: list[tuple[int, float, str]], wanted) -> tuple[int, float]:
    """Where the first line that ``wanted`` accepts stands: (page, top)."""
    found = [(page, top) for page, top, words in lines if wanted(words)]
    assert found, "line not found in the PDF"
    return found[0]
