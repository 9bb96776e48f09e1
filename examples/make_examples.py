#!/usr/bin/env python3
"""Regenerate the MADE-UP sample submissions under examples/2023/ and examples/README.md.

    python examples/make_examples.py

Standard library only, fixed random seed: every run writes byte-identical files.
The figures are invented to tell a plausible story for trying `cds`; they are NOT
official figures of Bạc Liêu province (Dữ liệu mẫu minh họa, không phải số liệu chính thức).

Each row is built as a `Row`; rows that carry a deliberate mistake say so in `mistake`,
and the script writes the list of mistakes (file:line) into README.md, so the README can
never drift from the files. After writing, every file is read back (decoded with its own
codec, split by its own separator) and counted.
"""
from __future__ import annotations

import codecs
import csv
import io
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "2023"
DISCLAIMER = "Dữ liệu mẫu minh họa, không phải số liệu chính thức"
rng = random.Random(64)  # Kế hoạch 64/KH-UBND

# --------------------------------------------------------------------------- catalogue
# id -> (time, aggregate, short Vietnamese name used in the "Tên chỉ tiêu" column)
IND = {
    "gov.online_services_multichannel": ("stock", "single", "Tỷ lệ DVCTT toàn trình cung cấp trên nhiều phương tiện truy cập"),
    "gov.online_services_with_applications": ("stock", "pooled", "Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ"),
    "gov.dossiers_online": ("flow", "pooled", "Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết và trả kết quả trực tuyến"),
    "gov.dossiers_digitized": ("flow", "pooled", "Tỷ lệ hồ sơ, kết quả giải quyết TTHC được số hóa"),
    "gov.reports_connected": ("stock", "single", "Tỷ lệ chế độ báo cáo kết nối Hệ thống thông tin báo cáo Chính phủ"),
    "gov.work_records_online_province": ("flow", "pooled", "Tỷ lệ hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng"),
    "gov.work_records_online_district": ("flow", "pooled", "Tỷ lệ hồ sơ công việc cấp huyện xử lý trên môi trường mạng"),
    "gov.work_records_online_commune": ("flow", "pooled", "Tỷ lệ hồ sơ công việc cấp xã xử lý trên môi trường mạng"),
    "gov.documents_signed_electronic": ("flow", "pooled", "Tỷ lệ văn bản trao đổi dạng điện tử, ký số chuyên dùng"),
    "gov.governance_platform_activities": ("stock", "single", "Tỷ lệ hoạt động chỉ đạo, điều hành trên nền tảng quản trị tổng thể"),
    "gov.data_analytics_platform": ("stock", "single", "Triển khai nền tảng phân tích, xử lý dữ liệu tổng hợp tập trung"),
    "gov.inspections_digital": ("flow", "pooled", "Tỷ lệ hoạt động kiểm tra thực hiện qua môi trường số"),
    "gov.commune_radio_ict": ("stock", "pooled", "Tỷ lệ đơn vị cấp xã có truyền thanh cơ sở ứng dụng CNTT-VT"),
    "gov.agencies_open_data": ("stock", "single", "Tỷ lệ cơ quan nhà nước mở và cung cấp dữ liệu mở"),
    "sec.systems_classified_protected": ("stock", "pooled", "Tỷ lệ hệ thống thông tin được xác định cấp độ và có phương án bảo đảm ATTT"),
    "sec.staff_trained_security": ("stock", "pooled", "Tỷ lệ cán bộ chuyên trách/kiêm nhiệm được đào tạo, bồi dưỡng về ATTT"),
    "sec.soc_4_layer": ("stock", "single", "Triển khai hệ thống SOC theo mô hình 4 lớp"),
    "econ.enterprises_e_contracts": ("stock", "single", "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử"),
    "econ.sme_digital_platforms": ("stock", "single", "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số"),
    "econ.ecommerce_retail_share": ("flow", "single", "Tỷ trọng thương mại điện tử trong tổng mức bán lẻ"),
    "soc.adults_smartphone": ("stock", "single", "Tỷ lệ dân số trưởng thành có điện thoại thông minh"),
    "soc.bank_accounts_15plus": ("stock", "single", "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản thanh toán"),
    "soc.adults_digital_signature": ("stock", "single", "Tỷ lệ dân số trưởng thành có chữ ký số/chữ ký điện tử cá nhân"),
    "soc.workforce_digital_skills": ("stock", "single", "Tỷ lệ người trong độ tuổi lao động được đào tạo kỹ năng số cơ bản"),
    "soc.households_fiber": ("stock", "single", "Tỷ lệ hộ gia đình được phủ Internet băng rộng cáp quang"),
    "soc.citizens_e_health_records": ("stock", "single", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử"),
    "soc.higher_ed_digital": ("stock", "single", "Tỷ lệ cơ sở đào tạo ĐH, CĐ, GDNN hoàn thiện mô hình quản trị số"),
    "soc.schools_digital": ("stock", "single", "Tỷ lệ cơ sở giáo dục phổ thông hoàn thiện mô hình quản trị số"),
    "soc.virtual_assistant": ("stock", "single", "Triển khai trợ lý ảo hỗ trợ cán bộ, người dân, doanh nghiệp"),
}
MILESTONES = {"gov.data_analytics_platform", "sec.soc_4_layer", "soc.virtual_assistant"}

NAMES = {
    "VPUBND": "Văn phòng UBND tỉnh", "STTTT": "Sở Thông tin và Truyền thông",
    "SKHDT": "Sở Kế hoạch và Đầu tư", "STC": "Sở Tài chính", "STP": "Sở Tư pháp",
    "SYT": "Sở Y tế", "SGDDT": "Sở Giáo dục và Đào tạo",
    "SLDTBXH": "Sở Lao động - Thương binh và Xã hội", "STNMT": "Sở Tài nguyên và Môi trường",
    "SGTVT": "Sở Giao thông vận tải", "SCT": "Sở Công Thương", "TTRA": "Thanh tra tỉnh",
    "NHNN": "Ngân hàng Nhà nước - Chi nhánh tỉnh Bạc Liêu",
    "UBND_TPBL": "UBND thành phố Bạc Liêu", "UBND_GR": "UBND thị xã Giá Rai",
    "UBND_HD": "UBND huyện Hồng Dân", "UBND_PL": "UBND huyện Phước Long",
    "UBND_VL": "UBND huyện Vĩnh Lợi", "UBND_HB": "UBND huyện Hòa Bình",
    "UBND_DH": "UBND huyện Đông Hải",
}
DISTRICTS = ["UBND_TPBL", "UBND_GR", "UBND_HD", "UBND_PL", "UBND_VL", "UBND_HB", "UBND_DH"]
COMMUNES = {"UBND_TPBL": 10, "UBND_GR": 10, "UBND_HD": 9, "UBND_PL": 8, "UBND_VL": 8, "UBND_HB": 8, "UBND_DH": 11}
PROVINCIAL = ["VPUBND", "SKHDT", "STC", "STP", "SLDTBXH", "STNMT", "SGTVT", "SCT", "SGDDT", "TTRA", "SYT"]
TTHC = {"SKHDT", "STP", "SLDTBXH", "STNMT", "SGTVT", "SCT", "SGDDT", "SYT", "STTTT"}  # handle citizens' dossiers
INSPECTORS = {"TTRA", "STNMT", "SCT", "SGTVT", "SYT", "STTTT", "UBND_TPBL", "UBND_GR"}
NOT_YET_Q4 = {"UBND_HD", "UBND_DH", "SLDTBXH", "STNMT"}  # Q4 not reported yet


def strip_diacritics(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


# --------------------------------------------------------------------------- rows
@dataclass
class Row:
    ag: str
    ind: str
    q: int
    n: int | None = None
    d: int | None = None
    v: float | str | None = None  # percent, or milestone status (done/in_progress/not_started)
    note: str = ""
    raw: dict = field(default_factory=dict)  # column -> literal cell text (overrides formatting)
    mistake: str | None = None  # what is wrong, for README
    column: str | None = None  # contract column the finding is about (None: whole row)
    severity: str = "error"
    accepted: bool = True  # would the tool accept this row?


def bad(row: Row, what: str, column: str | None, severity: str = "error") -> Row:
    row.mistake, row.column, row.severity, row.accepted = what, column, severity, False
    return row


_params: dict = {}


def param(key, lo, hi, integer=False):
    """A per-agency constant, drawn once (deterministic because call order is fixed)."""
    if key not in _params:
        _params[key] = rng.randint(lo, hi) if integer else rng.uniform(lo, hi)
    return _params[key]


# flow indicators: quarterly share (this quarter's counts), cap, denominator size range
FLOW = {
    "gov.dossiers_online": ([0.18, 0.28, 0.37, 0.50], 0.97, (300, 1500), (1800, 4800)),
    "gov.dossiers_digitized": ([0.55, 0.68, 0.80, 0.88], 1.0, (300, 1400), (1600, 4300)),
    "gov.work_records_online_province": ([0.78, 0.84, 0.88, 0.91], 0.99, (300, 1800), None),
    "gov.work_records_online_district": ([0.70, 0.75, 0.80, 0.84], 0.99, None, (1200, 2600)),
    "gov.work_records_online_commune": ([0.46, 0.52, 0.57, 0.62], 0.95, None, (2500, 6000)),
    "gov.documents_signed_electronic": ([0.90, 0.93, 0.95, 0.97], 1.0, (250, 1400), (900, 2200)),
    "gov.inspections_digital": ([0.10, 0.14, 0.18, 0.23], 0.6, (12, 60), (15, 35)),
}
SIZE = {("STNMT", "gov.dossiers_online"): 5200, ("SGTVT", "gov.dossiers_online"): 3100,
        ("STP", "gov.dossiers_online"): 1500, ("SKHDT", "gov.dossiers_online"): 900,
        ("STTTT", "gov.dossiers_online"): 70, ("STTTT", "gov.dossiers_digitized"): 65,
        ("VPUBND", "gov.work_records_online_province"): 2600}
OFFSET = {("SKHDT", "gov.dossiers_online"): 0.40, ("STTTT", "gov.dossiers_online"): 0.30,
          ("SCT", "gov.dossiers_online"): 0.15, ("STP", "gov.dossiers_online"): 0.08,
          ("STNMT", "gov.dossiers_online"): -0.10, ("SYT", "gov.dossiers_online"): -0.04}


def flow_row(ag: str, ind: str, q: int, note: str = "") -> Row:
    base, cap, prov, dist = FLOW[ind]
    size = SIZE.get((ag, ind)) or param((ag, ind, "size"), *(dist if ag.startswith("UBND_") else prov), integer=True)
    d = round(size * rng.uniform(0.88, 1.12))
    off = OFFSET.get((ag, ind), None)
    if off is None:
        off = param((ag, ind, "off"), -0.06, 0.06)
    n = round(d * min(cap, max(0.02, base[q - 1] + off + rng.uniform(-0.015, 0.015))))
    return Row(ag, ind, q, n, d, note=note)


# stock pooled indicators: share at quarter end, per-agency total range (provincial, district)
SYSTEMS = {"STTTT": (18, [10, 15, 18, 18]), "STNMT": (7, [2, 4, 5, 5]), "UBND_HD": (5, [1, 3, 4, 4]),
           "SGTVT": (4, [1, 2, 3, 4]), "SYT": (8, [3, 5, 7, 8])}
RADIO = {"UBND_TPBL": [6, 8], "UBND_GR": [5, 6], "UBND_HD": [3, 5], "UBND_PL": [3, 4],
         "UBND_VL": [4, 5], "UBND_HB": [3, 4], "UBND_DH": [4, 6]}  # Q2, Q4
_last: dict = {}


def stock_row(ag: str, ind: str, q: int, note: str = "") -> Row:
    dist = ag.startswith("UBND_")
    if ind == "sec.systems_classified_protected":
        if ag in SYSTEMS:
            total, series = SYSTEMS[ag]
            n = series[q - 1]
        else:
            total = param((ag, ind), *((3, 6) if dist else (2, 5)), integer=True)
            lag = param((ag, ind, "lag"), 0.0, 0.35)
            n = total if q >= 3 else round(total * max(0.2, [0.6, 0.85][q - 1] - lag))
    elif ind == "gov.commune_radio_ict":
        total, n = COMMUNES[ag], RADIO[ag][q // 2 - 1]
    elif ind == "sec.staff_trained_security":
        total = 14 if ag == "STTTT" else param((ag, ind), *((12, 24) if dist else (2, 6)), integer=True)
        n = round(total * (rng.uniform(0.5, 0.75) if q <= 2 else rng.uniform(0.85, 1.0)))
    elif ind == "gov.online_services_with_applications":
        total = param((ag, ind), *((140, 165) if dist else (40, 190)), integer=True)
        share = [0.52, 0.60, 0.68, 0.76][q - 1] + param((ag, ind, "off"), -0.08, 0.08)
        n = round(total * min(0.97, share))
    else:
        raise KeyError(ind)
    n = max(n, _last.get((ag, ind), 0))  # a stock never goes down
    _last[(ag, ind)] = n
    return Row(ag, ind, q, n, total, note=note)


def pct(n, d):
    return 100.0 * n / d


# single indicators: reporter, {quarter: percent | (n, d) | status}
SINGLE = {
    "gov.online_services_multichannel": ("VPUBND", {1: (540, 612), 2: (589, 612), 3: (618, 618), 4: (624, 624)}),
    "gov.reports_connected": ("VPUBND", {1: (38, 45), 2: (41, 45), 3: (44, 45), 4: (45, 45)}),
    "gov.governance_platform_activities": ("STTTT", {1: 30.0, 2: 38.5, 3: 45.0, 4: 52.0}),
    "gov.data_analytics_platform": ("STTTT", {1: "not_started", 2: "in_progress", 3: "in_progress", 4: "done"}),
    "gov.agencies_open_data": ("STTTT", {1: (9, 34), 2: (13, 34), 3: (16, 34), 4: (19, 34)}),
    "sec.soc_4_layer": ("STTTT", {1: "in_progress", 2: "in_progress", 3: "in_progress", 4: "done"}),
    "soc.adults_smartphone": ("STTTT", {1: 80.4, 2: 81.2, 3: 82.0, 4: 82.9}),
    "soc.adults_digital_signature": ("STTTT", {1: 8.6, 2: 10.5, 3: 13.2, 4: 16.1}),
    "soc.households_fiber": ("STTTT", {q: (round((245_300 + 300 * q) * p / 100), 245_300 + 300 * q) for q, p in
                                       {1: 62.0, 2: 64.1, 3: 66.0, 4: 68.2}.items()}),
    "soc.virtual_assistant": ("STTTT", {1: "not_started", 2: "not_started", 3: "in_progress", 4: "in_progress"}),
    "econ.enterprises_e_contracts": ("SKHDT", {1: (592, 3204), 2: (668, 3221), 3: (781, 3238), 4: (869, 3245)}),
    "econ.ecommerce_retail_share": ("SCT", {1: (838, 16420), 2: (915, 15980), 3: (1062, 16350), 4: (1340, 17860)}),
    "soc.bank_accounts_15plus": ("NHNN", {1: 50.3, 2: 52.1, 3: 54.2, 4: 56.0}),
    "soc.workforce_digital_skills": ("SLDTBXH", {1: 22.4, 2: 26.1, 3: 29.8}),
    "soc.citizens_e_health_records": ("SYT", {q: (round(958_805 * p / 100), 958_805) for q, p in
                                              {1: 40.2, 2: 48.5, 3: 57.3, 4: 66.1}.items()}),
    "soc.schools_digital": ("SGDDT", {1: (87, 291), 2: (104, 291), 4: (122, 291)}),
    # econ.sme_digital_platforms (SKHDT) and soc.higher_ed_digital (SGDDT): never reported -> no_data
}
SINGLE_NOTES = {"econ.ecommerce_retail_share": "Đơn vị tính: tỷ đồng",
                "soc.bank_accounts_15plus": "Số liệu ước tính",
                "soc.households_fiber": "Theo số liệu doanh nghiệp viễn thông"}


def single_rows(ag: str, q: int) -> list[Row]:
    out = []
    for ind, (reporter, by_q) in SINGLE.items():
        if reporter == ag and q in by_q:
            x = by_q[q]
            r = Row(ag, ind, q, note=SINGLE_NOTES.get(ind, ""))
            if isinstance(x, tuple):
                r.n, r.d = x
            else:
                r.v = x
            out.append(r)
    return out


def department_rows(ag: str, q: int) -> list[Row]:
    """Everything one provincial department sends for quarter q (STTTT included)."""
    rows = single_rows(ag, q)
    if ag == "NHNN":
        return rows
    rows.append(flow_row(ag, "gov.work_records_online_province", q))
    rows.append(flow_row(ag, "gov.documents_signed_electronic", q))
    if ag in TTHC:
        rows.append(flow_row(ag, "gov.dossiers_online", q))
        rows.append(flow_row(ag, "gov.dossiers_digitized", q))
        if q in (2, 4):
            rows.append(stock_row(ag, "gov.online_services_with_applications", q))
    if ag in INSPECTORS:
        rows.append(flow_row(ag, "gov.inspections_digital", q))
    # systems: everyone in Q1 and at the Q3 deadline; Q2/Q4 only who is still catching up
    if q in (1, 3) or ag in SYSTEMS:
        rows.append(stock_row(ag, "sec.systems_classified_protected", q))
    if q in (2, 4):
        rows.append(stock_row(ag, "sec.staff_trained_security", q))
    return rows


def district_rows(ag: str, q: int) -> list[Row]:
    rows = [flow_row(ag, "gov.dossiers_online", q), flow_row(ag, "gov.dossiers_digitized", q),
            flow_row(ag, "gov.work_records_online_district", q),
            flow_row(ag, "gov.work_records_online_commune", q, note="Tổng hợp từ UBND cấp xã"),
            flow_row(ag, "gov.documents_signed_electronic", q)]
    if ag in INSPECTORS:
        rows.append(flow_row(ag, "gov.inspections_digital", q))
    if q >= 2:
        rows.append(stock_row(ag, "gov.online_services_with_applications", q))
    if q in (1, 3) or ag in SYSTEMS:
        rows.append(stock_row(ag, "sec.systems_classified_protected", q))
    if q in (2, 4):
        rows.append(stock_row(ag, "gov.commune_radio_ict", q))
        rows.append(stock_row(ag, "sec.staff_trained_security", q))
    return rows


def find(rows: list[Row], ag: str, ind: str) -> Row:
    return next(r for r in rows if r.ag == ag and r.ind == ind)


# --------------------------------------------------------------------------- files
@dataclass
class File:
    path: str
    desc: str
    enc: str = "utf-8"  # utf-8 | utf-8-sig | cp1258 | utf-16 (LE with BOM)
    sep: str = ","
    eol: str = "\n"
    lang: str = "en"  # header language
    cols: tuple = ("agency", "period", "indicator", "numerator", "denominator", "value", "note")
    agency: str = "code"  # code | name | ascii
    period: str = "iso"  # iso | slash | dash | quy | quy_roman
    num: str = "en"  # en | en_grouped | vi
    pct_with_counts: str = "none"  # none | whole | 1dp: also fill `value` when n/d are given
    status: str = "en"  # en | vi
    header_case: str = "lower"
    rows: list = field(default_factory=list)
    blank_before: int | None = None  # index into rows: an empty line is written before it


EN_HEAD = {"stt": "STT", "agency": "agency", "period": "period", "indicator": "indicator",
           "name": "indicator_name", "numerator": "numerator", "denominator": "denominator",
           "value": "value", "note": "note"}
VI_HEAD = {"stt": "STT", "agency": "Đơn vị", "period": "Kỳ báo cáo", "indicator": "Mã chỉ tiêu",
           "name": "Tên chỉ tiêu", "numerator": "Tử số", "denominator": "Mẫu số",
           "value": "Giá trị", "note": "Ghi chú"}
VI_STATUS = {"not_started": "chưa triển khai", "in_progress": "đang triển khai", "done": "hoàn thành"}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def fmt_period(q: int, style: str) -> str:
    return {"iso": f"2023-Q{q}", "slash": f"Q{q}/2023", "dash": f"Q{q}-2023",
            "quy": f"Quý {q}/2023", "quy_roman": f"Quý {ROMAN[q]}/2023"}[style]


def fmt_count(x: int, style: str) -> str:
    if style == "en_grouped":
        return f"{x:,}"
    if style == "vi":
        return f"{x:,}".replace(",", ".")
    return str(x)


def fmt_pct(x: float, style: str, places: int = 2) -> str:
    s = f"{x:.{places}f}".rstrip("0").rstrip(".") if places else f"{x:.0f}"
    return s.replace(".", ",") + "%" if style == "vi" else s


def cells(f: File, r: Row) -> dict:
    c = {"agency": {"code": r.ag, "name": NAMES.get(r.ag, r.ag),
                    "ascii": strip_diacritics(NAMES.get(r.ag, r.ag))}[f.agency],
         "period": fmt_period(r.q, f.period), "indicator": r.ind, "name": IND.get(r.ind, ("", "", ""))[2],
         "numerator": "", "denominator": "", "value": "", "note": r.note}
    if r.n is not None:
        c["numerator"], c["denominator"] = fmt_count(r.n, f.num), fmt_count(r.d, f.num)
        if f.pct_with_counts != "none":
            x = pct(r.n, r.d)  # whole percents, unless that would sit near the 0.5-point tolerance
            places = 0 if f.pct_with_counts == "whole" and abs(x - round(x)) < 0.45 else 1
            c["value"] = fmt_pct(x, f.num, places)
    if isinstance(r.v, str):
        c["value"] = VI_STATUS[r.v] if f.status == "vi" else r.v
    elif r.v is not None:
        c["value"] = fmt_pct(r.v, f.num)
    c.update(r.raw)
    return c


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Windows-1258 has â ê ô ă ơ ư đ but writes the five tone marks as combining characters."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONE_MARKS))
            out.append((base + "".join(c for c in nfd if c in TONE_MARKS)).encode("cp1258"))
    return b"".join(out)


def encode(text: str, enc: str) -> bytes:
    if enc == "cp1258":
        return to_cp1258(text)
    if enc == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return text.encode(enc)


def render(f: File) -> tuple[str, list[int]]:
    """The file's text and, for each row, its 1-based line number (header = line 1)."""
    head = VI_HEAD if f.lang == "vi" else EN_HEAD
    header = [head[k] for k in f.cols]
    if f.header_case == "title":
        header = [h[:1].upper() + h[1:] for h in header]
    lines, where = [header], []
    for i, r in enumerate(f.rows):
        if i == f.blank_before:
            lines.append(None)
        c = cells(f, r)
        c["stt"] = str(i + 1)
        lines.append([c[k] for k in f.cols])
        where.append(len(lines))
    text = []
    for cells_ in lines:
        if cells_ is None:
            text.append("")
            continue
        buf = io.StringIO()
        csv.writer(buf, delimiter=f.sep, lineterminator="").writerow(cells_)
        text.append(buf.getvalue())
    return f.eol.join(text) + f.eol, where


# --------------------------------------------------------------------------- the year
def build() -> list[File]:
    files = []
    # ---------------- Q1: a clean quarter
    q = 1
    stttt = department_rows("STTTT", q)
    files.append(File("2023-Q1/STTTT.csv", "STTTT's own submission: its single indicators (milestones as English "
                      "status codes) and its share of the pooled ones. Codes, `2023-Q1`.", rows=stttt))
    dist = [r for ag in DISTRICTS for r in district_rows(ag, q)]
    files.append(File("2023-Q1/districts.csv", "The 7 district People's Committees, compiled by STTTT. "
                      "Codes, `Q1/2023`.", period="slash", rows=dist))
    prov = [r for ag in PROVINCIAL + ["NHNN"] for r in department_rows(ag, q)]
    files.append(File("2023-Q1/provincial-departments.csv", "Provincial departments (incl. VPUBND, SKHDT, SCT, "
                      "NHNN, SLDTBXH, SYT, SGDDT singles) in the province's Vietnamese template with `STT` and "
                      "`Tên chỉ tiêu` columns; Vietnamese numbers (`1.234`, `40,2%`) in a comma-separated file.",
                      lang="vi", cols=("stt", "agency", "period", "indicator", "name", "numerator", "denominator",
                                       "value", "note"),
                      period="quy", num="vi", pct_with_counts="1dp", rows=prov))

    # ---------------- Q2: the messy quarter
    q = 2
    stttt = department_rows("STTTT", q)
    # deliberate mistakes in STTTT's Excel file
    r = find(stttt, "STTTT", "sec.soc_4_layer")
    bad(r, "milestone with an unknown status `sắp xong` (\"nearly done\")", "value").raw["value"] = "sắp xong"
    r = find(stttt, "STTTT", "soc.adults_digital_signature")
    bad(r, "percent `105%` outside 0–100 (meant 10,5%)", "value").raw["value"] = "105%"
    r = find(stttt, "STTTT", "soc.households_fiber")
    bad(r, f"`value` 46% disagrees with numerator/denominator ({pct(r.n, r.d):.1f}%) by more than 0.5 points",
        "value").raw["value"] = "46%"
    r = find(stttt, "STTTT", "gov.dossiers_online")
    bad(r, "pooled flow indicator given only a `value` (31%), no numerator/denominator", "numerator")
    r.raw.update(numerator="", denominator="", value="31%")
    r = find(stttt, "STTTT", "sec.staff_trained_security")
    bad(r, "count `12,5` is not a whole number", "numerator")
    r.raw.update(numerator="12,5", value="")
    files.append(File("2023-Q2/STTTT.csv", "STTTT's Excel \"CSV UTF-8\" export on a Vietnamese Windows: UTF-8 with "
                      "BOM, `;`, CRLF, Vietnamese headers, `Quý II/2023`, Vietnamese milestone statuses, `%` values. "
                      "Holds 5 deliberate mistakes.",
                      enc="utf-8-sig", sep=";", eol="\r\n", lang="vi", period="quy_roman", num="vi",
                      pct_with_counts="whole", status="vi", rows=stttt))

    syt = department_rows("SYT", q)
    eh = find(syt, "SYT", "soc.citizens_e_health_records")
    insp = find(syt, "SYT", "gov.inspections_digital")
    bad(insp, "unknown agency `So Y tee` (typo of So Y te)", "agency").raw["agency"] = "So Y tee"
    syt.insert(syt.index(eh) + 1, bad(Row("SYT", "soc.citizens_e_health_records", 2, round(958_805 * 0.356), 958_805,
                                      note="Số liệu năm 2022", raw={"period": "Q4/2022"}),
                                  "period `Q4/2022` outside the plan year 2023", "period"))
    syt.append(bad(Row("SYT", "soc.adults_smartphone", 2, v=81.5, note="Theo khảo sát của ngành y tế"),
                   "single indicator `soc.adults_smartphone` sent by SYT (its reporter is STTTT)", "agency"))
    syt.append(bad(Row("SYT", eh.ind, 2, eh.n, eh.d, note="Gửi lại"),
                   f"identical duplicate of the e-health row (same agency, indicator, period and figures; "
                   f"only the note differs): data counted once", None, severity="warning"))
    files.append(File("2023-Q2/SYT.csv", "Sở Y tế's own file, agency written without diacritics (`So Y te`), "
                      "`Q2/2023`, English headers. Holds 4 deliberate mistakes.",
                      agency="ascii", period="slash", rows=syt))

    dist = [r for ag in DISTRICTS for r in district_rows(ag, q)]
    files.append(File("2023-Q2/districts.csv", "The 7 districts in Windows-1258 (Vietnamese Windows \"CSV\"): `;`, "
                      "CRLF, Vietnamese headers, agency names with diacritics (tone marks stored as combining "
                      "characters, as cp1258 requires), `Q2-2023`, `1.234`.",
                      enc="cp1258", sep=";", eol="\r\n", lang="vi", agency="name", period="dash", num="vi",
                      rows=dist))
    prov = [r for ag in [a for a in PROVINCIAL if a != "SYT"] + ["NHNN"] for r in department_rows(ag, q)]
    files.append(File("2023-Q2/provincial-departments.csv", "Provincial departments except SYT (own file). Codes, "
                      "`2023-Q2`, English headers and numbers, `value` filled to one decimal.",
                      pct_with_counts="1dp", rows=prov))

    # ---------------- Q3
    q = 3
    files.append(File("2023-Q3/STTTT.csv", "STTTT, English headers, `2023-Q3`, milestones in English codes.",
                      rows=department_rows("STTTT", q)))
    dist = [r for ag in DISTRICTS for r in district_rows(ag, q)]
    r = find(dist, "UBND_PL", "gov.dossiers_online")
    bad(r, "unknown indicator `gov.dosiers_online` (typo)", "indicator").raw["indicator"] = "gov.dosiers_online"
    r = find(dist, "UBND_VL", "gov.documents_signed_electronic")
    bad(r, "malformed period `Q5/2023`", "period").raw["period"] = "Q5/2023"
    r = find(dist, "UBND_HB", "gov.dossiers_digitized")
    bad(r, "negative count in numerator", "numerator").raw["numerator"] = "-" + fmt_count(r.n, "vi")
    r = find(dist, "UBND_DH", "sec.systems_classified_protected")
    r.n, r.d = 6, 5
    bad(r, "numerator 6 > denominator 5", "numerator")
    gr = find(dist, "UBND_GR", "gov.work_records_online_district")
    fix = Row(gr.ag, gr.ind, 3, gr.n + 93, gr.d, note="Số liệu điều chỉnh")
    what = "conflicting duplicate: UBND_GR · gov.work_records_online_district · 2023-Q3 sent twice with different "
    bad(gr, what + f"numerators ({gr.n} here, {fix.n} in the correction at the end); both rows rejected", None)
    bad(fix, what + f"figures (a correction appended at the end; {gr.n} earlier); both rows rejected", None)
    dist.append(fix)
    blank = next(i for i, r in enumerate(dist) if r.ag == "UBND_PL")
    files.append(File("2023-Q3/districts.csv", "The 7 districts as Excel \"Unicode Text\": UTF-16 LE with BOM, tab, "
                      "CRLF, Vietnamese template with `STT` and `Tên chỉ tiêu` in a different column order, "
                      "`Quý 3/2023`. Holds 6 deliberate mistakes and one blank line.",
                      enc="utf-16", sep="\t", eol="\r\n", lang="vi",
                      cols=("stt", "agency", "indicator", "name", "period", "numerator", "denominator", "value",
                            "note"),
                      period="quy", num="vi", rows=dist, blank_before=blank))
    prov = [r for ag in PROVINCIAL + ["NHNN"] for r in department_rows(ag, q)]
    files.append(File("2023-Q3/provincial-departments.csv", "Provincial departments with full Vietnamese names "
                      "(`Sở Y tế`, `Ngân hàng Nhà nước - Chi nhánh tỉnh Bạc Liêu`), Vietnamese headers, "
                      "`Quý III/2023`, UTF-8 with commas (so `57,3%` is quoted).",
                      lang="vi", agency="name", period="quy_roman", num="vi", pct_with_counts="1dp", rows=prov))

    # ---------------- Q4: partly missing
    q = 4
    files.append(File("2023-Q4/STTTT.csv", "STTTT: SOC done (`Hoàn thành`), analytics platform done "
                      "(`đã triển khai`), virtual assistant still `đang triển khai` — Vietnamese statuses under "
                      "English headers; `2023-Q4`.", status="vi",
                      rows=department_rows("STTTT", q)))
    f4 = files[-1]
    find(f4.rows, "STTTT", "sec.soc_4_layer").raw["value"] = "Hoàn thành"
    find(f4.rows, "STTTT", "gov.data_analytics_platform").raw["value"] = "đã triển khai"
    dist = [r for ag in DISTRICTS if ag not in NOT_YET_Q4 for r in district_rows(ag, q)]
    files.append(File("2023-Q4/districts.csv", "Only 5 of 7 districts: UBND_HD and UBND_DH have not reported yet. "
                      "`Q4/2023`, English.", period="slash", rows=dist))
    prov = [r for ag in PROVINCIAL + ["NHNN"] if ag not in NOT_YET_Q4 for r in department_rows(ag, q)]
    files.append(File("2023-Q4/provincial-departments.csv", "Provincial departments without SLDTBXH and STNMT "
                      "(not reported yet). Title-case English headers, `Q4-2023`, counts with thousands "
                      "separators (`\"1,234\"`, quoted because of the comma).", period="dash",
                      num="en_grouped", header_case="title", rows=prov))
    for f in files:
        f.rows[0].note = DISCLAIMER
        assert f.rows[0].mistake is None
    return files


# --------------------------------------------------------------------------- story (for README)
def story(files: list[File]) -> dict:
    """Value of every indicator at each quarter from the rows the tool should accept (contract §4)."""
    ok = [r for f in files for r in f.rows if r.accepted]
    table = {}
    for ind, (time, agg, _) in IND.items():
        for q in range(1, 5):
            rows = [r for r in ok if r.ind == ind and r.q <= q]
            if not rows:
                table[ind, q] = None
                continue
            if ind in MILESTONES:
                table[ind, q] = max(rows, key=lambda r: r.q).v
                continue
            num = den = 0.0
            single_v = None
            for ag in {r.ag for r in rows}:
                mine = sorted((r for r in rows if r.ag == ag), key=lambda r: r.q)
                use = mine if time == "flow" else mine[-1:]
                if all(r.n is not None for r in use):
                    num += sum(r.n for r in use)
                    den += sum(r.d for r in use)
                else:
                    single_v = use[-1].v
            table[ind, q] = single_v if single_v is not None else 100 * num / den
    return table


def write_readme(files: list[File], where: dict, counts: dict, table: dict) -> None:
    rows_total = sum(counts.values())
    mistakes = [(f, r, ln) for f in files for r, ln in zip(f.rows, where[f.path]) if r.mistake]
    enc_label = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "cp1258": "Windows-1258 (cp1258)",
                 "utf-16": "UTF-16 LE with BOM"}
    sep_label = {",": "comma", ";": "semicolon", "\t": "tab"}
    L = []
    a = L.append
    a("# Example submissions — MADE-UP SAMPLE DATA\n")
    a("> **These files are made-up sample data for trying `cds`. They are NOT official figures of Bạc Liêu "
      "province or of any agency.** Every number was invented by `make_examples.py` to tell a plausible story "
      "around the targets of Kế hoạch 64/KH-UBND (2023).\n>")
    a("> *Tiếng Việt:* Dữ liệu mẫu minh họa, không phải số liệu chính thức — các số liệu trong thư mục này do "
      "chương trình tự tạo để dùng thử công cụ `cds`.\n")
    a("The first data row of every file carries the same disclaimer in its `note` / `Ghi chú` column.\n")
    a("## Try it\n")
    a("```sh\ncds validate examples/2023                      # exit 1: the deliberate mistakes below\n"
      "cds score examples/2023 --period 2023-Q2 --format table\n"
      "cds score examples/2023                         # latest period: 2023-Q4\n"
      "cds score examples/2023/2023-Q1                 # one quarter's folder only\n"
      "cds score examples/2023/2023-Q* --strict        # same files, quarter folders given explicitly\n```\n")
    a("A directory is read as all `*.csv` inside it (quarter sub-folders `2023-Q1` … `2023-Q4`), sorted by name: "
      "quarter by quarter, and inside a quarter `STTTT.csv`, `SYT.csv`, `districts.csv`, "
      "`provincial-departments.csv`. No result depends on the order of files within a quarter.\n")
    a("Regenerate (stdlib only, fixed seed, byte-identical output): `python examples/make_examples.py`. "
      "Edit the script, not the CSV files or this README — both are generated.\n")
    a("## Files\n")
    a(f"{len(files)} files, {rows_total} data rows (+ 1 blank line).\n")
    a("| file | encoding | separator | header | agency cells | period | data rows | what it shows |")
    a("|---|---|---|---|---|---|---|---|")
    for f in files:
        ag = {"code": "codes", "name": "names with diacritics", "ascii": "name without diacritics"}[f.agency]
        per = fmt_period(int(f.path[6]), f.period)
        head = ("Vietnamese" if f.lang == "vi" else "English") + (" + `STT`, `Tên chỉ tiêu`" if "stt" in f.cols else "")
        a(f"| `2023/{f.path}` | {enc_label[f.enc]} | {sep_label[f.sep]} | {head} | {ag} | `{per}` | "
          f"{counts[f.path]} | {f.desc} |")
    a("")
    a("## Deliberate mistakes\n")
    a(f"{len(mistakes)} rows in 3 files are wrong on purpose (everything else is valid). Lines are 1-based, the "
      "header is line 1. Expected: each row below is rejected; all are *errors* except the identical duplicate, "
      "which is a *warning*.\n")
    a("| file:line | column | severity | mistake |")
    a("|---|---|---|---|")
    for f, r, ln in mistakes:
        a(f"| `2023/{f.path}:{ln}` | {r.column or '— (row)'} | {r.severity} | {r.mistake} |")
    a("")
    f3 = next(f for f in files if f.blank_before is not None)
    a(f"Also: `2023/{f3.path}` has one empty line, line {where[f3.path][f3.blank_before] - 1} (before "
      f"UBND_PL's rows) — skipped and counted as blank, not a read row.\n")
    errors = sum(1 for _, r, _ in mistakes if r.severity == "error")
    a(f"So `cds validate examples/2023` should report rows read {rows_total}, accepted "
      f"{rows_total - len(mistakes)}, rejected {len(mistakes)}, blank 1, with {errors} rows rejected by an error "
      "(the conflicting duplicate may be reported as one finding naming both places) and 1 warning.\n")
    a("## The story the figures tell\n")
    a("Approximate value of each indicator from the rows that should be accepted (flow indicators year to "
      "date, stock indicators the latest report, pooled indicators Σnumerator/Σdenominator). `—` = no data.\n")
    a("| indicator | time | aggregate | Q1 | Q2 | Q3 | Q4 |")
    a("|---|---|---|---|---|---|---|")
    for ind, (time, agg, _) in IND.items():
        vals = []
        for q in range(1, 5):
            v = table[ind, q]
            vals.append("—" if v is None else v if isinstance(v, str) else f"{v:.1f}")
        a(f"| `{ind}` | {time} | {agg} | " + " | ".join(vals) + " |")
    a("")
    a("Points to notice:\n")
    a("- `econ.sme_digital_platforms` and `soc.higher_ed_digital` are never reported: `no_data` in every quarter.")
    a("- Q4 is incomplete: UBND_HD, UBND_DH, SLDTBXH and STNMT have not reported, so their stock indicators "
      "carry their Q3 (or Q2) position and their flows stop at Q3; `soc.workforce_digital_skills` stays at its "
      "Q3 figure; SGDDT skipped Q3 for `soc.schools_digital`.")
    a("- `sec.systems_classified_protected` (due 2023-Q3) reaches 100% for most agencies by Q3 but not STNMT, "
      "SGTVT, SYT or UBND_HD; SGTVT and SYT catch up in Q4.")
    a("- `sec.soc_4_layer` is in progress until done in Q4 (its Q2 row `sắp xong` is rejected); "
      "`soc.virtual_assistant` goes from not started to in progress; `gov.data_analytics_platform` is done in Q4.")
    a("- Some rejected rows change the picture on purpose: STTTT's Q2 fiber and digital-signature rows are "
      "rejected, so Q2 shows STTTT's Q1 figures for them; UBND_GR's Q3 district work records are lost to the "
      "conflicting duplicate.")
    a("- Milestone, `gov.commune_radio_ict` and `sec.staff_trained_security` rows are not sent every quarter.")
    (HERE / "README.md").write_text("\n".join(L) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- main
def read_back(f: File) -> list[list[str]]:
    raw = (OUT / f.path).read_bytes()
    if f.enc == "utf-16":
        assert raw[:2] == codecs.BOM_UTF16_LE
        text = raw[2:].decode("utf-16-le")
    elif f.enc == "utf-8-sig":
        assert raw[:3] == codecs.BOM_UTF8
        text = raw[3:].decode("utf-8")
    else:
        assert not raw.startswith(codecs.BOM_UTF8)
        text = raw.decode(f.enc)
    text = unicodedata.normalize("NFC", text)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=f.sep))


def main() -> None:
    files = build()
    keys = {}
    for f in files:  # the only duplicate keys are the deliberate ones
        for r in f.rows:
            if r.raw.get("agency") or r.raw.get("indicator") or r.raw.get("period"):
                continue
            keys.setdefault((r.ag, r.ind, r.q), []).append(r)
    for k, rs in keys.items():
        assert len(rs) == 1 or all(r.mistake and "duplicate" in r.mistake for r in rs[1:]), k
    where, counts = {}, {}
    for f in files:
        text, where[f.path] = render(f)
        p = OUT / f.path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(encode(text, f.enc))
        back = read_back(f)
        data = [row for row in back[1:] if any(c.strip() for c in row)]
        assert len(data) == len(f.rows) and all(len(row) == len(f.cols) for row in data), f.path
        assert DISCLAIMER in back[1], f.path
        counts[f.path] = len(data)
        print(f"{f.path:40} {f.enc:10} {f.sep!r:5} {f.lang} {len(data):4} rows")
    write_readme(files, where, counts, story(files))
    print(f"{sum(counts.values())} data rows in {len(files)} files; README.md written")


if __name__ == "__main__":
    main()
