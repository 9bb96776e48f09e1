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

Who is expected to report what comes from the plan data in src/cds_cli/data (agency names,
`groups:` of agencies.yaml, `reporter:` / `reporters:` of targets_2023.yaml): every pooled
indicator gets a row from every agency of its reporter groups in every quarter, except the
planned gaps (LATE_Q1, SKIPPED, NOT_YET_Q4) and the planted mistakes.
"""

from __future__ import annotations

import codecs
import csv
import io
import random
import re
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
    "gov.online_services_multichannel": (
        "stock",
        "single",
        "Tỷ lệ DVCTT toàn trình cung cấp trên nhiều phương tiện truy cập",
    ),
    "gov.online_services_with_applications": ("stock", "pooled", "Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ"),
    "gov.dossiers_online": ("flow", "pooled", "Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết và trả kết quả trực tuyến"),
    "gov.dossiers_digitized": ("flow", "pooled", "Tỷ lệ hồ sơ, kết quả giải quyết TTHC được số hóa"),
    "gov.reports_connected": ("stock", "single", "Tỷ lệ chế độ báo cáo kết nối Hệ thống thông tin báo cáo Chính phủ"),
    "gov.work_records_online_province": ("flow", "pooled", "Tỷ lệ hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng"),
    "gov.work_records_online_district": (
        "flow",
        "pooled",
        "Tỷ lệ hồ sơ công việc cấp huyện xử lý trên môi trường mạng",
    ),
    "gov.work_records_online_commune": ("flow", "pooled", "Tỷ lệ hồ sơ công việc cấp xã xử lý trên môi trường mạng"),
    "gov.documents_signed_electronic": ("flow", "pooled", "Tỷ lệ văn bản trao đổi dạng điện tử, ký số chuyên dùng"),
    "gov.governance_platform_activities": (
        "stock",
        "single",
        "Tỷ lệ hoạt động chỉ đạo, điều hành trên nền tảng quản trị tổng thể",
    ),
    "gov.data_analytics_platform": (
        "stock",
        "single",
        "Triển khai nền tảng phân tích, xử lý dữ liệu tổng hợp tập trung",
    ),
    "gov.inspections_digital": ("flow", "pooled", "Tỷ lệ hoạt động kiểm tra thực hiện qua môi trường số"),
    "gov.commune_radio_ict": ("stock", "pooled", "Tỷ lệ đơn vị cấp xã có truyền thanh cơ sở ứng dụng CNTT-VT"),
    "gov.agencies_open_data": ("stock", "single", "Tỷ lệ cơ quan nhà nước mở và cung cấp dữ liệu mở"),
    "sec.systems_classified_protected": (
        "stock",
        "pooled",
        "Tỷ lệ hệ thống thông tin được xác định cấp độ và có phương án bảo đảm ATTT",
    ),
    "sec.staff_trained_security": (
        "stock",
        "pooled",
        "Tỷ lệ cán bộ chuyên trách/kiêm nhiệm được đào tạo, bồi dưỡng về ATTT",
    ),
    "sec.soc_4_layer": ("stock", "single", "Triển khai hệ thống SOC theo mô hình 4 lớp"),
    "econ.enterprises_e_contracts": ("stock", "single", "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử"),
    "econ.sme_digital_platforms": ("stock", "single", "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số"),
    "econ.ecommerce_retail_share": ("flow", "single", "Tỷ trọng thương mại điện tử trong tổng mức bán lẻ"),
    "soc.adults_smartphone": ("stock", "single", "Tỷ lệ dân số trưởng thành có điện thoại thông minh"),
    "soc.bank_accounts_15plus": ("stock", "single", "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản thanh toán"),
    "soc.adults_digital_signature": (
        "stock",
        "single",
        "Tỷ lệ dân số trưởng thành có chữ ký số/chữ ký điện tử cá nhân",
    ),
    "soc.workforce_digital_skills": (
        "stock",
        "single",
        "Tỷ lệ người trong độ tuổi lao động được đào tạo kỹ năng số cơ bản",
    ),
    "soc.households_fiber": ("stock", "single", "Tỷ lệ hộ gia đình được phủ Internet băng rộng cáp quang"),
    "soc.citizens_e_health_records": ("stock", "single", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử"),
    "soc.higher_ed_digital": ("stock", "single", "Tỷ lệ cơ sở đào tạo ĐH, CĐ, GDNN hoàn thiện mô hình quản trị số"),
    "soc.schools_digital": ("stock", "single", "Tỷ lệ cơ sở giáo dục phổ thông hoàn thiện mô hình quản trị số"),
    "soc.virtual_assistant": ("stock", "single", "Triển khai trợ lý ảo hỗ trợ cán bộ, người dân, doanh nghiệp"),
}
MILESTONES = {"gov.data_analytics_platform", "sec.soc_4_layer", "soc.virtual_assistant"}

# --------------------------------------------------------------------------- who reports
# Read from the plan data itself (src/cds_cli/data), so the examples follow the YAML: agency
# names (`name_vi`), `groups:` of agencies.yaml and `reporters:` / `reporter:` of
# targets_2023.yaml. A few regular expressions are enough for those keys (stdlib only).
DATA = HERE.parent / "src" / "cds_cli" / "data"


def _yaml_list(text: str) -> list[str]:
    """`[a, b,\n c]` -> ['a', 'b', 'c']."""
    inner = text[text.index("[") + 1 : text.index("]")]
    return [x.strip().strip("\"'") for x in inner.split(",") if x.strip()]


def read_plan_data() -> tuple[dict, dict, dict, dict]:
    """(code -> name_vi, group -> member codes, pooled indicator -> reporter codes,
    single indicator -> its reporter)."""
    text = (DATA / "agencies.yaml").read_text(encoding="utf-8")
    agencies, _, groups_text = text.partition("\ngroups:\n")
    names = {
        m[1]: m[2]
        for m in re.finditer(r'^  - code: (\S+)\n(?:    .*\n)*?    name_vi: "([^"]*)"', agencies, re.MULTILINE)
    }
    groups = {
        m[1]: _yaml_list(m[2])
        for m in re.finditer(r"^  (\w+):\n(?:    .*\n)*?    members: (\[[^\]]*\])", groups_text, re.MULTILINE)
    }
    pooled, single = {}, {}
    text = (DATA / "targets_2023.yaml").read_text(encoding="utf-8")
    for block in re.split(r"^  - id: ", text.partition("\nindicators:\n")[2], flags=re.MULTILINE)[1:]:
        ind = block.split("\n", 1)[0].strip()
        if re.search(r"^    aggregate: pooled\b", block, re.MULTILINE):
            members = [
                c
                for g in _yaml_list(re.search(r"^    reporters: (\[[^\]]*\])", block, re.MULTILINE)[1])
                for c in groups[g]
            ]
            pooled[ind] = list(dict.fromkeys(members))
        else:
            single[ind] = re.search(r"^    reporter: (\S+)", block, re.MULTILINE)[1]
    return names, groups, pooled, single


NAMES, GROUPS, REPORTERS, SINGLE_REPORTER = read_plan_data()
PROVINCIAL = GROUPS["provincial_departments"]  # 18, STTTT included
DISTRICTS = GROUPS["districts"]  # 7
assert set(REPORTERS) == {i for i, (_, agg, _) in IND.items() if agg == "pooled"}, "pooled indicators differ from YAML"
assert set(SINGLE_REPORTER) == {i for i, (_, agg, _) in IND.items() if agg == "single"}
assert set(PROVINCIAL) | set(DISTRICTS) | set(SINGLE_REPORTER.values()) <= set(NAMES)
COMMUNES = {"UBND_TPBL": 10, "UBND_GR": 10, "UBND_HD": 9, "UBND_PL": 8, "UBND_VL": 8, "UBND_HB": 8, "UBND_DH": 11}
assert set(COMMUNES) == set(DISTRICTS)

# How far along each agency is (-1 lagging … +1 leading). It shifts the agency's share of every
# pooled indicator, so `cds score --by agency` has a ranking worth looking at.
MATURITY = {
    "VPUBND": 0.5,
    "STTTT": 0.9,
    "SKHDT": 0.6,
    "STC": 0.3,
    "SKHCN": 0.4,
    "SNV": 0.2,
    "STP": 0.5,
    "SYT": 0.1,
    "SGDDT": 0.0,
    "SLDTBXH": -0.3,
    "STNMT": -0.4,
    "SGTVT": -0.1,
    "SCT": 0.2,
    "SNNPTNT": -0.5,
    "SXD": -0.2,
    "SVHTTDL": -0.3,
    "TTRA": 0.1,
    "BDT": -0.7,
    "UBND_TPBL": 0.6,
    "UBND_GR": 0.3,
    "UBND_HD": -0.6,
    "UBND_PL": -0.2,
    "UBND_VL": 0.1,
    "UBND_HB": -0.3,
    "UBND_DH": -0.4,
}
assert set(MATURITY) == set(PROVINCIAL) | set(DISTRICTS)
INSPECTORS = {"TTRA", "STNMT", "SCT", "SGTVT", "SYT", "STTTT", "UBND_TPBL", "UBND_GR"}  # inspect a lot

# The gaps (everything else expected is sent; see README "Reporting completeness")
LATE_Q1 = ["SXD", "SVHTTDL", "BDT"]  # sent nothing for Q1 (late)
SKIPPED = {("UBND_PL", "gov.commune_radio_ict", 2)}  # one district left out one indicator in Q2
NOT_YET_Q4 = ["SLDTBXH", "STNMT", "SNNPTNT", "UBND_HD", "UBND_DH"]  # Q4 not reported yet
assert set(LATE_Q1) <= set(PROVINCIAL) and set(NOT_YET_Q4) <= set(PROVINCIAL) | set(DISTRICTS)


def reports(ag: str, q: int) -> bool:
    """Does agency `ag` send anything for quarter q?"""
    return not (q == 1 and ag in LATE_Q1) and not (q == 4 and ag in NOT_YET_Q4)


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


# flow indicators: quarterly share (this quarter's counts), cap, spread by maturity,
# denominator size range (provincial, district)
FLOW = {
    "gov.dossiers_online": ([0.18, 0.28, 0.37, 0.50], 0.97, 0.10, (300, 1500), (1800, 4800)),
    "gov.dossiers_digitized": ([0.55, 0.68, 0.80, 0.88], 1.0, 0.12, (300, 1400), (1600, 4300)),
    "gov.work_records_online_province": ([0.75, 0.81, 0.85, 0.88], 0.99, 0.08, (300, 1800), None),
    "gov.work_records_online_district": ([0.68, 0.73, 0.78, 0.82], 0.99, 0.08, None, (1200, 2600)),
    "gov.work_records_online_commune": ([0.47, 0.53, 0.58, 0.62], 0.95, 0.10, None, (2500, 6000)),
    "gov.documents_signed_electronic": ([0.90, 0.93, 0.95, 0.97], 1.0, 0.05, (250, 1400), (900, 2200)),
    "gov.inspections_digital": ([0.08, 0.11, 0.15, 0.19], 0.6, 0.08, (12, 60), (15, 35)),
}
SIZE = {
    ("STNMT", "gov.dossiers_online"): 5200,
    ("SGTVT", "gov.dossiers_online"): 3100,
    ("STP", "gov.dossiers_online"): 1500,
    ("SKHDT", "gov.dossiers_online"): 900,
    ("STTTT", "gov.dossiers_online"): 70,
    ("STTTT", "gov.dossiers_digitized"): 65,
    ("TTRA", "gov.dossiers_online"): 40,
    ("TTRA", "gov.dossiers_digitized"): 40,
    ("BDT", "gov.dossiers_online"): 25,
    ("BDT", "gov.dossiers_digitized"): 25,
    ("VPUBND", "gov.work_records_online_province"): 2600,
}
SMALL_INSPECTIONS = ((3, 10), (6, 14))  # agencies outside INSPECTORS (provincial, district)
OFFSET = {
    ("SKHDT", "gov.dossiers_online"): 0.40,
    ("STTTT", "gov.dossiers_online"): 0.30,
    ("SCT", "gov.dossiers_online"): 0.15,
    ("STP", "gov.dossiers_online"): 0.08,
    ("STNMT", "gov.dossiers_online"): -0.10,
    ("SYT", "gov.dossiers_online"): -0.04,
}


def flow_row(ag: str, ind: str, q: int, note: str = "") -> Row:
    base, cap, spread, prov, dist = FLOW[ind]
    district = ag.startswith("UBND_")
    if ind == "gov.inspections_digital" and ag not in INSPECTORS:
        prov, dist = SMALL_INSPECTIONS
    size = SIZE.get((ag, ind)) or param((ag, ind, "size"), *(dist if district else prov), integer=True)
    d = max(3, round(size * rng.uniform(0.88, 1.12)))
    off = OFFSET.get((ag, ind))
    if off is None:
        off = spread * MATURITY[ag] + param((ag, ind, "off"), -0.03, 0.03)
    n = round(d * min(cap, max(0.02, base[q - 1] + off + rng.uniform(-0.015, 0.015))))
    return Row(ag, ind, q, n, d, note=note)


# stock pooled indicators: share at quarter end, per-agency total range (provincial, district)
SYSTEMS = {
    "STTTT": (18, [10, 15, 18, 18]),
    "STNMT": (7, [2, 4, 5, 5]),
    "UBND_HD": (5, [1, 3, 4, 4]),
    "SGTVT": (4, [1, 2, 3, 4]),
    "SYT": (8, [3, 5, 7, 8]),
    "SNNPTNT": (4, [1, 2, 3, 3]),
}
RADIO = {
    "UBND_TPBL": [5, 6, 7, 8],
    "UBND_GR": [4, 5, 5, 6],
    "UBND_HD": [2, 3, 3, 5],
    "UBND_PL": [3, 3, 4, 4],
    "UBND_VL": [3, 4, 4, 5],
    "UBND_HB": [2, 3, 3, 4],
    "UBND_DH": [3, 4, 4, 6],
}  # Q1..Q4
ONLINE_SERVICES = {"BDT": 6, "TTRA": 9}  # few procedures of their own
_last: dict = {}


def stock_row(ag: str, ind: str, q: int, note: str = "") -> Row:
    dist = ag.startswith("UBND_")
    m = MATURITY[ag]
    if ind == "sec.systems_classified_protected":
        if ag in SYSTEMS:
            total, series = SYSTEMS[ag]
            n = series[q - 1]
        else:
            total = param((ag, ind), *((3, 6) if dist else (2, 5)), integer=True)
            lag = param((ag, ind, "lag"), 0.0, 0.30) - 0.1 * m
            n = total if q >= 3 else round(total * min(1.0, max(0.2, [0.55, 0.72][q - 1] - lag)))
    elif ind == "gov.commune_radio_ict":
        total, n = COMMUNES[ag], RADIO[ag][q - 1]
    elif ind == "sec.staff_trained_security":
        total = 14 if ag == "STTTT" else param((ag, ind), *((12, 24) if dist else (2, 6)), integer=True)
        lo, hi = [(0.38, 0.58), (0.5, 0.72), (0.6, 0.82), (0.85, 1.0)][q - 1]
        n = round(total * min(1.0, max(0.0, rng.uniform(lo, hi) + 0.08 * m)))
    elif ind == "gov.online_services_with_applications":
        total = ONLINE_SERVICES.get(ag) or param((ag, ind), *((140, 165) if dist else (40, 190)), integer=True)
        share = [0.52, 0.60, 0.67, 0.75][q - 1] + 0.08 * m + param((ag, ind, "off"), -0.05, 0.05)
        n = round(total * min(0.97, max(0.05, share)))
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
    "soc.households_fiber": (
        "STTTT",
        {
            q: (round((245_300 + 300 * q) * p / 100), 245_300 + 300 * q)
            for q, p in {1: 62.0, 2: 64.1, 3: 66.0, 4: 68.2}.items()
        },
    ),
    "soc.virtual_assistant": ("STTTT", {1: "not_started", 2: "not_started", 3: "in_progress", 4: "in_progress"}),
    "econ.enterprises_e_contracts": ("SKHDT", {1: (592, 3204), 2: (668, 3221), 3: (781, 3238), 4: (869, 3245)}),
    "econ.ecommerce_retail_share": ("SCT", {1: (838, 16420), 2: (915, 15980), 3: (1062, 16350), 4: (1340, 17860)}),
    "soc.bank_accounts_15plus": ("NHNN", {1: 50.3, 2: 52.1, 3: 54.2, 4: 56.0}),
    "soc.workforce_digital_skills": ("SLDTBXH", {1: 22.4, 2: 26.1, 3: 29.8}),
    "soc.citizens_e_health_records": (
        "SYT",
        {q: (round(958_805 * p / 100), 958_805) for q, p in {1: 40.2, 2: 48.5, 3: 57.3, 4: 66.1}.items()},
    ),
    "soc.schools_digital": ("SGDDT", {1: (87, 291), 2: (104, 291), 4: (122, 291)}),
    # econ.sme_digital_platforms (SKHDT) and soc.higher_ed_digital (SGDDT): never reported -> no_data
}
assert all(SINGLE_REPORTER[ind] == who for ind, (who, _) in SINGLE.items()), "single reporter differs from YAML"
SINGLE_NOTES = {
    "econ.ecommerce_retail_share": "Đơn vị tính: tỷ đồng",
    "soc.bank_accounts_15plus": "Số liệu ước tính",
    "soc.households_fiber": "Theo số liệu doanh nghiệp viễn thông",
}


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


# the order of the pooled rows in a department's / a district's block
DEPT_ORDER = [
    "gov.work_records_online_province",
    "gov.documents_signed_electronic",
    "gov.dossiers_online",
    "gov.dossiers_digitized",
    "gov.online_services_with_applications",
    "gov.inspections_digital",
    "sec.systems_classified_protected",
    "sec.staff_trained_security",
]
DIST_ORDER = [
    "gov.dossiers_online",
    "gov.dossiers_digitized",
    "gov.work_records_online_district",
    "gov.work_records_online_commune",
    "gov.documents_signed_electronic",
    "gov.inspections_digital",
    "gov.online_services_with_applications",
    "sec.systems_classified_protected",
    "gov.commune_radio_ict",
    "sec.staff_trained_security",
]
assert set(DEPT_ORDER) == {i for i, who in REPORTERS.items() if set(who) & set(PROVINCIAL)}
assert set(DIST_ORDER) == {i for i, who in REPORTERS.items() if set(who) & set(DISTRICTS)}
POOLED_NOTES = {"gov.work_records_online_commune": "Tổng hợp từ UBND cấp xã"}


def pooled_rows(ag: str, q: int, order: list[str]) -> list[Row]:
    rows = []
    for ind in order:
        if ag in REPORTERS[ind] and (ag, ind, q) not in SKIPPED:
            make = flow_row if IND[ind][0] == "flow" else stock_row
            rows.append(make(ag, ind, q, note=POOLED_NOTES.get(ind, "")))
    return rows


def department_rows(ag: str, q: int) -> list[Row]:
    """Everything one provincial agency sends for quarter q (STTTT and NHNN included)."""
    assert reports(ag, q), (ag, q)
    return single_rows(ag, q) + pooled_rows(ag, q, DEPT_ORDER)


def district_rows(ag: str, q: int) -> list[Row]:
    assert reports(ag, q), (ag, q)
    return pooled_rows(ag, q, DIST_ORDER)


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


EN_HEAD = {
    "stt": "STT",
    "agency": "agency",
    "period": "period",
    "indicator": "indicator",
    "name": "indicator_name",
    "numerator": "numerator",
    "denominator": "denominator",
    "value": "value",
    "note": "note",
}
VI_HEAD = {
    "stt": "STT",
    "agency": "Đơn vị",
    "period": "Kỳ báo cáo",
    "indicator": "Mã chỉ tiêu",
    "name": "Tên chỉ tiêu",
    "numerator": "Tử số",
    "denominator": "Mẫu số",
    "value": "Giá trị",
    "note": "Ghi chú",
}
VI_STATUS = {"not_started": "chưa triển khai", "in_progress": "đang triển khai", "done": "hoàn thành"}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def fmt_period(q: int, style: str) -> str:
    return {
        "iso": f"2023-Q{q}",
        "slash": f"Q{q}/2023",
        "dash": f"Q{q}-2023",
        "quy": f"Quý {q}/2023",
        "quy_roman": f"Quý {ROMAN[q]}/2023",
    }[style]


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
    c = {
        "agency": {"code": r.ag, "name": NAMES.get(r.ag, r.ag), "ascii": strip_diacritics(NAMES.get(r.ag, r.ag))}[
            f.agency
        ],
        "period": fmt_period(r.q, f.period),
        "indicator": r.ind,
        "name": IND.get(r.ind, ("", "", ""))[2],
        "numerator": "",
        "denominator": "",
        "value": "",
        "note": r.note,
    }
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
def others(q: int, *own_file: str) -> list[str]:
    """Provincial agencies of the shared departments' file for quarter q: the 18 departments that
    sent something, minus those with a file of their own, then NHNN (single indicator only)."""
    return [ag for ag in PROVINCIAL + ["NHNN"] if ag not in own_file and reports(ag, q)]


def build() -> list[File]:
    files = []
    # ---------------- Q1: a clean quarter
    q = 1
    stttt = department_rows("STTTT", q)
    files.append(
        File(
            "2023-Q1/STTTT.csv",
            "STTTT's own submission: its single indicators (milestones as English "
            "status codes) and its share of the pooled ones. Codes, `2023-Q1`.",
            rows=stttt,
        )
    )
    dist = [r for ag in DISTRICTS for r in district_rows(ag, q)]
    files.append(
        File(
            "2023-Q1/districts.csv",
            "The 7 district People's Committees, compiled by STTTT. Codes, `Q1/2023`.",
            period="slash",
            rows=dist,
        )
    )
    prov = [r for ag in others(q, "STTTT") for r in department_rows(ag, q)]
    files.append(
        File(
            "2023-Q1/provincial-departments.csv",
            f"The other provincial departments (incl. VPUBND, "
            f"SKHDT, SCT, NHNN, SLDTBXH, SYT, SGDDT singles) except {', '.join(LATE_Q1)}, late for Q1; "
            "in the province's Vietnamese template with `STT` and "
            "`Tên chỉ tiêu` columns; Vietnamese numbers (`1.234`, `40,2%`) in a comma-separated file.",
            lang="vi",
            cols=("stt", "agency", "period", "indicator", "name", "numerator", "denominator", "value", "note"),
            period="quy",
            num="vi",
            pct_with_counts="1dp",
            rows=prov,
        )
    )

    # ---------------- Q2: the messy quarter
    q = 2
    stttt = department_rows("STTTT", q)
    # deliberate mistakes in STTTT's Excel file
    r = find(stttt, "STTTT", "sec.soc_4_layer")
    bad(r, 'milestone with an unknown status `sắp xong` ("nearly done")', "value").raw["value"] = "sắp xong"
    r = find(stttt, "STTTT", "soc.adults_digital_signature")
    bad(r, "percent `105%` outside 0–100 (meant 10,5%)", "value").raw["value"] = "105%"
    r = find(stttt, "STTTT", "soc.households_fiber")
    bad(
        r, f"`value` 46% disagrees with numerator/denominator ({pct(r.n, r.d):.1f}%) by more than 0.5 points", "value"
    ).raw["value"] = "46%"
    r = find(stttt, "STTTT", "gov.dossiers_online")
    bad(r, "pooled flow indicator given only a `value` (31%), no numerator/denominator", "numerator")
    r.raw.update(numerator="", denominator="", value="31%")
    r = find(stttt, "STTTT", "sec.staff_trained_security")
    bad(r, "count `12,5` is not a whole number", "numerator")
    r.raw.update(numerator="12,5", value="")
    files.append(
        File(
            "2023-Q2/STTTT.csv",
            'STTTT\'s Excel "CSV UTF-8" export on a Vietnamese Windows: UTF-8 with '
            "BOM, `;`, CRLF, Vietnamese headers, `Quý II/2023`, Vietnamese milestone statuses, `%` values. "
            "Holds 5 deliberate mistakes.",
            enc="utf-8-sig",
            sep=";",
            eol="\r\n",
            lang="vi",
            period="quy_roman",
            num="vi",
            pct_with_counts="whole",
            status="vi",
            rows=stttt,
        )
    )

    syt = department_rows("SYT", q)
    eh = find(syt, "SYT", "soc.citizens_e_health_records")
    insp = find(syt, "SYT", "gov.inspections_digital")
    bad(insp, "unknown agency `So Y tee` (typo of So Y te)", "agency").raw["agency"] = "So Y tee"
    syt.insert(
        syt.index(eh) + 1,
        bad(
            Row(
                "SYT",
                "soc.citizens_e_health_records",
                2,
                round(958_805 * 0.356),
                958_805,
                note="Số liệu năm 2022",
                raw={"period": "Q4/2022"},
            ),
            "period `Q4/2022` outside the plan year 2023",
            "period",
        ),
    )
    syt.append(
        bad(
            Row("SYT", "soc.adults_smartphone", 2, v=81.5, note="Theo khảo sát của ngành y tế"),
            "single indicator `soc.adults_smartphone` sent by SYT (its reporter is STTTT)",
            "agency",
        )
    )
    syt.append(
        bad(
            Row("SYT", eh.ind, 2, eh.n, eh.d, note="Gửi lại"),
            "identical duplicate of the e-health row (same agency, indicator, period and figures; "
            "only the note differs): data counted once",
            None,
            severity="warning",
        )
    )
    files.append(
        File(
            "2023-Q2/SYT.csv",
            "Sở Y tế's own file, agency written without diacritics (`So Y te`), "
            "`Q2/2023`, English headers. Holds 4 deliberate mistakes.",
            agency="ascii",
            period="slash",
            rows=syt,
        )
    )

    dist = [r for ag in DISTRICTS for r in district_rows(ag, q)]
    gap = ", ".join(f"{a} left out `{i}`" for a, i, qq in sorted(SKIPPED) if qq == q)
    files.append(
        File(
            "2023-Q2/districts.csv",
            'The 7 districts in Windows-1258 (Vietnamese Windows "CSV"): `;`, '
            "CRLF, Vietnamese headers, agency names with diacritics (tone marks stored as combining "
            f"characters, as cp1258 requires), `Q2-2023`, `1.234`. {gap}.",
            enc="cp1258",
            sep=";",
            eol="\r\n",
            lang="vi",
            agency="name",
            period="dash",
            num="vi",
            rows=dist,
        )
    )
    prov = [r for ag in others(q, "STTTT", "SYT") for r in department_rows(ag, q)]
    files.append(
        File(
            "2023-Q2/provincial-departments.csv",
            "The other provincial departments (STTTT and SYT have "
            "their own files) and NHNN. Codes, "
            "`2023-Q2`, English headers and numbers, `value` filled to one decimal.",
            pct_with_counts="1dp",
            rows=prov,
        )
    )

    # ---------------- Q3
    q = 3
    files.append(
        File(
            "2023-Q3/STTTT.csv",
            "STTTT, English headers, `2023-Q3`, milestones in English codes.",
            rows=department_rows("STTTT", q),
        )
    )
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
    files.append(
        File(
            "2023-Q3/districts.csv",
            'The 7 districts as Excel "Unicode Text": UTF-16 LE with BOM, tab, '
            "CRLF, Vietnamese template with `STT` and `Tên chỉ tiêu` in a different column order, "
            "`Quý 3/2023`. Holds 6 deliberate mistakes and one blank line.",
            enc="utf-16",
            sep="\t",
            eol="\r\n",
            lang="vi",
            cols=("stt", "agency", "indicator", "name", "period", "numerator", "denominator", "value", "note"),
            period="quy",
            num="vi",
            rows=dist,
            blank_before=blank,
        )
    )
    prov = [r for ag in others(q, "STTTT") for r in department_rows(ag, q)]
    files.append(
        File(
            "2023-Q3/provincial-departments.csv",
            "The other provincial departments and NHNN with full "
            "Vietnamese names "
            "(`Sở Y tế`, `Ngân hàng Nhà nước - Chi nhánh tỉnh Bạc Liêu`), Vietnamese headers, "
            "`Quý III/2023`, UTF-8 with commas (so `57,3%` is quoted).",
            lang="vi",
            agency="name",
            period="quy_roman",
            num="vi",
            pct_with_counts="1dp",
            rows=prov,
        )
    )

    # ---------------- Q4: partly missing
    q = 4
    files.append(
        File(
            "2023-Q4/STTTT.csv",
            "STTTT: SOC done (`Hoàn thành`), analytics platform done "
            "(`đã triển khai`), virtual assistant still `đang triển khai` — Vietnamese statuses under "
            "English headers; `2023-Q4`.",
            status="vi",
            rows=department_rows("STTTT", q),
        )
    )
    f4 = files[-1]
    find(f4.rows, "STTTT", "sec.soc_4_layer").raw["value"] = "Hoàn thành"
    find(f4.rows, "STTTT", "gov.data_analytics_platform").raw["value"] = "đã triển khai"
    in_q4 = [ag for ag in DISTRICTS if reports(ag, q)]
    dist = [r for ag in in_q4 for r in district_rows(ag, q)]
    not_yet = [ag for ag in DISTRICTS if ag not in in_q4]
    files.append(
        File(
            "2023-Q4/districts.csv",
            f"Only {len(in_q4)} of {len(DISTRICTS)} districts: "
            f"{' and '.join(not_yet)} have not reported yet. `Q4/2023`, English.",
            period="slash",
            rows=dist,
        )
    )
    prov = [r for ag in others(q, "STTTT") for r in department_rows(ag, q)]
    not_yet = [ag for ag in PROVINCIAL if not reports(ag, q)]
    files.append(
        File(
            "2023-Q4/provincial-departments.csv",
            f"The other provincial departments and NHNN, without "
            f"{', '.join(not_yet[:-1])} and {not_yet[-1]} "
            "(not reported yet). Title-case English headers, `Q4-2023`, counts with thousands "
            'separators (`"1,234"`, quoted because of the comma).',
            period="dash",
            num="en_grouped",
            header_case="title",
            rows=prov,
        )
    )
    for f in files:
        f.rows[0].note = DISCLAIMER
        assert f.rows[0].mistake is None
    return files


# --------------------------------------------------------------------------- story (for README)
def story(files: list[File]) -> dict:
    """Value of every indicator at each quarter from the rows the tool should accept (contract §4)."""
    ok = [r for f in files for r in f.rows if r.accepted]
    table = {}
    for ind, (time, _agg, _) in IND.items():
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


def completeness(files: list[File]) -> dict:
    """What `cds status` should count per quarter: the expected reports (each single indicator from its
    reporter, each pooled one from every agency of its `reporters`) and which of them have an accepted
    row. Every expected report that is not received must be a planned gap or a planted mistake."""
    expected = [(SINGLE_REPORTER[i], i) for i in IND if i in SINGLE_REPORTER]
    expected += [(ag, i) for i in IND if i in REPORTERS for ag in REPORTERS[i]]
    ok = {(r.ag, r.ind, r.q) for f in files for r in f.rows if r.accepted}
    bad_rows = {(r.ag, r.ind, r.q): r for f in files for r in f.rows if not r.accepted}
    out = {}
    for q in range(1, 5):
        lost = [(ag, i) for ag, i in expected if (ag, i, q) not in ok]
        silent = [ag for ag in PROVINCIAL + DISTRICTS if not reports(ag, q)]
        rejected = [(ag, i) for ag, i in lost if (ag, i, q) in bad_rows]
        # a row the tool cannot tie to its agency / indicator / quarter counts as missing, not rejected
        unreadable = [(ag, i) for ag, i in rejected if {"agency", "indicator", "period"} & set(bad_rows[ag, i, q].raw)]
        rejected = [k for k in rejected if k not in unreadable]
        missing = [(ag, i) for ag, i in lost if ag not in silent and (ag, i) not in rejected + unreadable]
        for ag, i in missing:  # nothing sent for it: a planned gap, never by accident
            assert i in SINGLE_REPORTER or (ag, i, q) in SKIPPED, (ag, i, q)
        out[q] = {
            "expected": len(expected),
            "received": len(expected) - len(lost),
            "silent": silent,
            "missing": missing,
            "rejected": rejected,
            "unreadable": unreadable,
        }
    return out


def write_readme(files: list[File], where: dict, counts: dict, table: dict) -> None:
    rows_total = sum(counts.values())
    mistakes = [(f, r, ln) for f in files for r, ln in zip(f.rows, where[f.path], strict=False) if r.mistake]
    enc_label = {
        "utf-8": "UTF-8",
        "utf-8-sig": "UTF-8 with BOM",
        "cp1258": "Windows-1258 (cp1258)",
        "utf-16": "UTF-16 LE with BOM",
    }
    sep_label = {",": "comma", ";": "semicolon", "\t": "tab"}
    L = []
    a = L.append
    a("# Example submissions — MADE-UP SAMPLE DATA\n")
    a(
        "> **These files are made-up sample data for trying `cds`. They are NOT official figures of Bạc Liêu "
        "province or of any agency.** Every number was invented by `make_examples.py` to tell a plausible story "
        "around the targets of Kế hoạch 64/KH-UBND (2023).\n>"
    )
    a(
        "> *Tiếng Việt:* Dữ liệu mẫu minh họa, không phải số liệu chính thức — các số liệu trong thư mục này do "
        "chương trình tự tạo để dùng thử công cụ `cds`.\n"
    )
    a("The first data row of every file carries the same disclaimer in its `note` / `Ghi chú` column.\n")
    a("## Try it\n")
    a(
        "```sh\ncds validate examples/2023                      # exit 1: the deliberate mistakes below\n"
        "cds score examples/2023 --period 2023-Q2 --format table\n"
        "cds score examples/2023                         # latest period: 2023-Q4\n"
        "cds score examples/2023/2023-Q1                 # one quarter's folder only\n"
        "cds score examples/2023/2023-Q* --strict        # same files, quarter folders given explicitly\n"
        "cds status examples/2023 --period 2023-Q2       # who has reported (2023-Q4: clearly incomplete)\n"
        "cds score examples/2023 --period 2023-Q2 --by agency   # each agency's own figures, ranked\n```\n"
    )
    a(
        "A directory is read as all `*.csv` inside it (quarter sub-folders `2023-Q1` … `2023-Q4`), sorted by name: "
        "quarter by quarter, and inside a quarter `STTTT.csv`, `SYT.csv`, `districts.csv`, "
        "`provincial-departments.csv`. No result depends on the order of files within a quarter.\n"
    )
    a(
        "Regenerate (stdlib only, fixed seed, byte-identical output): `python examples/make_examples.py`. "
        "Edit the script, not the CSV files or this README — both are generated.\n"
    )
    a("## Files\n")
    a(f"{len(files)} files, {rows_total} data rows (+ 1 blank line).\n")
    a("| file | encoding | separator | header | agency cells | period | data rows | what it shows |")
    a("|---|---|---|---|---|---|---|---|")
    for f in files:
        ag = {"code": "codes", "name": "names with diacritics", "ascii": "name without diacritics"}[f.agency]
        per = fmt_period(int(f.path[6]), f.period)
        head = ("Vietnamese" if f.lang == "vi" else "English") + (" + `STT`, `Tên chỉ tiêu`" if "stt" in f.cols else "")
        a(
            f"| `2023/{f.path}` | {enc_label[f.enc]} | {sep_label[f.sep]} | {head} | {ag} | `{per}` | "
            f"{counts[f.path]} | {f.desc} |"
        )
    a("")
    a("## Deliberate mistakes\n")
    a(
        f"{len(mistakes)} rows in 3 files are wrong on purpose (everything else is valid). Lines are 1-based, the "
        "header is line 1. Expected: each row below is rejected; all are *errors* except the identical duplicate, "
        "which is a *warning*.\n"
    )
    a("| file:line | column | severity | mistake |")
    a("|---|---|---|---|")
    for f, r, ln in mistakes:
        a(f"| `2023/{f.path}:{ln}` | {r.column or '— (row)'} | {r.severity} | {r.mistake} |")
    a("")
    f3 = next(f for f in files if f.blank_before is not None)
    a(
        f"Also: `2023/{f3.path}` has one empty line, line {where[f3.path][f3.blank_before] - 1} (before "
        f"UBND_PL's rows) — skipped and counted as blank, not a read row.\n"
    )
    errors = sum(1 for _, r, _ in mistakes if r.severity == "error")
    a(
        f"So `cds validate examples/2023` should report rows read {rows_total}, accepted "
        f"{rows_total - len(mistakes)}, rejected {len(mistakes)}, blank 1, with {errors} rows rejected by an error "
        "(the conflicting duplicate is reported at each of its two lines, so two errors) and 1 warning.\n"
    )
    a("## Reporting completeness\n")
    n_single, n_pooled = len(SINGLE_REPORTER), sum(len(w) for w in REPORTERS.values())
    a(
        f"`cds status examples/2023 --period 2023-Q2` lists who sent what. A quarter expects "
        f"{n_single + n_pooled} reports (agency × indicator): {n_single} single indicators from their one reporter "
        f"and {n_pooled} for the {len(REPORTERS)} pooled indicators, each from every agency of its `reporters` "
        f"groups in the plan data ({len(PROVINCIAL)} provincial departments and/or {len(DISTRICTS)} districts; CAT "
        "and NHNN are in neither group). Every pooled indicator is sent by all of them in every quarter, except "
        "the gaps below. A report is received when an accepted row exists for it; a report whose row was rejected "
        "is not.\n"
    )
    a("| quarter | expected | received | rate | not received |")
    a("|---|---|---|---|---|")
    comp = completeness(files)

    def pairs(keys):
        return ", ".join(f"{ag} `{i}`" for ag, i in keys)

    for q, c in comp.items():
        why = []
        if c["silent"]:
            why.append(
                f"nothing yet from {', '.join(c['silent'])}"
                if q == 4
                else f"nothing from {', '.join(c['silent'])} (late)"
            )
        if c["rejected"]:
            why.append(f"rows rejected: {pairs(c['rejected'])}")
        if c["unreadable"]:
            why.append(f"rows unreadable, so counted missing: {pairs(c['unreadable'])}")
        if c["missing"]:
            why.append(f"not sent: {pairs(c['missing'])}")
        a(
            f"| 2023-Q{q} | {c['expected']} | {c['received']} | {100 * c['received'] / c['expected']:.1f}% | "
            + "; ".join(why)
            + " |"
        )
    a("")
    a("## The story the figures tell\n")
    a(
        "Approximate value of each indicator from the rows that should be accepted (flow indicators year to "
        "date, stock indicators the latest report, pooled indicators Σnumerator/Σdenominator). `—` = no data.\n"
    )
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
    a(f"- Q1 is late for {', '.join(LATE_Q1)}: they sent nothing for Q1, so their year-to-date flows start in Q2.")
    a(
        f"- Q4 is incomplete: {', '.join(NOT_YET_Q4)} have not reported, so their stock indicators "
        "carry their Q3 position and their flows stop at Q3; `soc.workforce_digital_skills` stays at its "
        "Q3 figure; SGDDT skipped Q3 for `soc.schools_digital`."
    )
    a(
        "- `sec.systems_classified_protected` (due 2023-Q3) reaches 100% for most agencies by Q3 but not STNMT, "
        "SGTVT, SYT, SNNPTNT or UBND_HD; SGTVT and SYT catch up in Q4."
    )
    a(
        "- Agencies differ: STTTT, UBND_TPBL, VPUBND and SKHCN lead on most pooled indicators, BDT, SLDTBXH, "
        "SNNPTNT and UBND_HD trail (`cds score examples/2023 --period 2023-Q2 --by agency`). SKHDT handles the "
        "largest online share of its dossiers, STNMT the smallest."
    )
    a(
        "- `sec.soc_4_layer` is in progress until done in Q4 (its Q2 row `sắp xong` is rejected); "
        "`soc.virtual_assistant` goes from not started to in progress; `gov.data_analytics_platform` is done in Q4."
    )
    a(
        "- Some rejected rows change the picture on purpose: STTTT's Q2 fiber and digital-signature rows are "
        "rejected, so Q2 shows STTTT's Q1 figures for them; UBND_GR's Q3 district work records are lost to the "
        "conflicting duplicate."
    )
    a(
        "- Milestone and other single-indicator rows are not all sent every quarter; pooled rows are (see "
        "Reporting completeness)."
    )
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
