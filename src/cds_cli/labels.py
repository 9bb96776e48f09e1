"""Words shown to people, in Vietnamese and English (``--lang``).

Only labels live here; ids, codes, statuses and JSON keys never change with the language.
"""

from __future__ import annotations

LANGS = ("vi", "en")

_LABELS: dict[str, tuple[str, str]] = {  # key: (vi, en)
    # statuses
    "achieved": ("Đạt", "achieved"),
    "on_track": ("Đúng tiến độ", "on track"),
    "at_risk": ("Có nguy cơ", "at risk"),
    "off_track": ("Chậm tiến độ", "off track"),
    "no_data": ("Chưa có số liệu", "no data"),
    # milestone values
    "done": ("hoàn thành", "done"),
    "in_progress": ("đang triển khai", "in progress"),
    "not_started": ("chưa triển khai", "not started"),
    # baseline qualifiers
    "approx": ("ước", "est."),
    "above": ("trên", "above"),
    "nearly": ("gần", "nearly"),
    "about": ("khoảng", "about"),
    # column headings
    "id": ("Mã", "Id"),
    "indicator": ("Chỉ tiêu", "Indicator"),
    "baseline": ("Năm 2022", "2022"),
    "target": ("Mục tiêu 2023", "2023 target"),
    "value": ("Giá trị", "Value"),
    "attainment": ("Mức đạt %", "Attainment %"),
    "progress": ("Tiến độ %", "Progress %"),
    "expected": ("Kỳ vọng", "Expected"),
    "status": ("Trạng thái", "Status"),
    "reporters": ("Đơn vị", "Agencies"),
    "pillar": ("Trụ cột", "Pillar"),
    "score": ("Điểm", "Score"),
    "coverage": ("Độ phủ số liệu", "Data coverage"),
    "index": ("Chỉ số chung", "Index"),
    "unit": ("Đơn vị tính", "Unit"),
    "time": ("Cách tính", "Time"),
    "aggregate": ("Tổng hợp", "Aggregate"),
    "reporter": ("Đơn vị báo cáo", "Reporter"),
    "due": ("Hạn", "Due"),
    "source": ("Nguồn", "Source"),
    "reports": ("Báo cáo", "Reports"),
    "rate": ("Tỷ lệ", "Rate"),
    "agency": ("Đơn vị", "Agency"),
    "missing": ("Chưa gửi", "Missing"),
    "rejected": ("Bị loại", "Rejected"),
    "expected_reports": ("Phải gửi", "Expected"),
    "received": ("Đã nhận", "Received"),
    "reporting_line": ("Tỷ lệ báo cáo kỳ {period}: {received}/{expected} ({rate}%)",
                       "Reporting rate {period}: {received}/{expected} ({rate}%)"),
    "status_title": ("Tình hình gửi báo cáo {period} — Kế hoạch {number}", "Reporting completeness {period} — Plan {number}"),
    "agency_ranking_title": ("Xếp hạng đơn vị theo mức đạt bình quân (chỉ tiêu gộp)", "Agencies ranked by mean attainment (pooled indicators)"),
    "province": ("Toàn tỉnh", "Province"),
    "rank": ("Hạng", "Rank"),
    "pull": ("Tác động (điểm %)", "Pull (pp)"),
    "mean_attainment": ("Mức đạt bình quân %", "Mean attainment %"),
    "indicators_count": ("Số chỉ tiêu", "Indicators"),
    "stock": ("tại thời điểm", "stock"),
    "flow": ("cộng dồn", "flow"),
    "single": ("một đơn vị", "single"),
    "pooled": ("gộp", "pooled"),
    "pooled_reporters": ("nhiều đơn vị", "several agencies"),
    # sentences
    "scorecard_title": ("Kết quả chuyển đổi số {period} — Kế hoạch {number}", "Digital transformation scorecard {period} — Plan {number}"),
    "pillars_title": ("Điểm theo trụ cột", "Pillar scores"),
    "rows_line": ("Dòng dữ liệu: đọc {read}, hợp lệ {accepted}, bị loại {rejected}, dòng trống {blank}",
                  "Rows: read {read}, accepted {accepted}, rejected {rejected}, blank {blank}"),
    "rejected_hint": ("{errors} lỗi, {warnings} cảnh báo — xem chi tiết: cds validate {inputs}",
                      "{errors} error(s), {warnings} warning(s) — see them with: cds validate {inputs}"),
    "status_line": ("Đạt {achieved} · Đúng tiến độ {on_track} · Có nguy cơ {at_risk} · Chậm tiến độ {off_track} · Chưa có số liệu {no_data}",
                    "Achieved {achieved} · on track {on_track} · at risk {at_risk} · off track {off_track} · no data {no_data}"),
    "no_period": ("chưa có kỳ báo cáo", "no period"),
    "validate_ok": ("Hợp lệ: {files} tệp, {read} dòng dữ liệu, không có lỗi", "Valid: {files} files, {read} data rows, no errors"),
    "validate_summary": ("{errors} lỗi, {warnings} cảnh báo trong {files} tệp", "{errors} error(s), {warnings} warning(s) in {files} file(s)"),
    "file_rows": ("{read} dòng: {accepted} hợp lệ, {rejected} bị loại", "{read} rows: {accepted} accepted, {rejected} rejected"),
    "line": ("dòng", "line"),
    "error": ("lỗi", "error"),
    "warning": ("cảnh báo", "warning"),
    # the annual report
    "report_title": ("Báo cáo kết quả thực hiện Kế hoạch chuyển đổi số năm {year}",
                     "Report on the results of the Digital Transformation Plan {year}"),
    "report_period": ("Kỳ báo cáo: {quarters}", "Period covered: {quarters}"),
    "report_basis": ("Căn cứ Kế hoạch số {number} ngày {date} của {issuer}", "Under Plan No. {number} of {date}, {issuer}"),
    "section_summary": ("Kết quả chung", "Summary"),
    "section_pillars": ("Kết quả theo trụ cột và chỉ tiêu", "Results by pillar and indicator"),
    "section_projection": ("Dự báo đến cuối năm", "Year-end projection"),
    "section_charts": ("Biểu đồ", "Charts"),
    "section_completeness": ("Tình hình gửi báo cáo của các đơn vị", "Reporting completeness by agency"),
    "section_annex": ("Phụ lục: chất lượng dữ liệu", "Annex: data quality"),
    "section_inputs": ("Dữ liệu đầu vào", "Input files"),
    "gap": ("Còn thiếu", "Gap"),
    "not_done": ("chưa hoàn thành", "not done"),
    "read": ("Đọc", "Read"),
    "accepted": ("Hợp lệ", "Accepted"),
    "blank": ("Dòng trống", "Blank"),
    "projection": ("Dự báo Q4", "Q4 projection"),
    "likely_met": ("Khả năng đạt", "Likely met"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "file": ("Tệp", "File"),
    "code": ("Mã lỗi", "Code"),
    "severity": ("Mức độ", "Severity"),
    "count": ("Số lượng", "Count"),
    "generated_by": ("Tạo bởi cds {version}", "Generated by cds {version}"),
    "projection_note": ("(dự báo, không phải kết quả)", "(projection, not a result)"),
    "chart_attainment": ("Mức đạt theo chỉ tiêu — {pillar}", "Attainment by indicator — {pillar}"),
    "chart_trajectory": ("Diễn biến theo quý so với mục tiêu", "Quarterly trajectory against the target"),
    "chart_completeness": ("Tỷ lệ gửi báo cáo theo đơn vị và quý", "Reporting rate by agency and quarter"),
    # report documents (DOCX, XLSX)
    "doc_type": ("BÁO CÁO", "REPORT"),
    "quarter": ("Quý {roman}", "Q{n}"),
    "index_line": ("Chỉ số chung đạt {score} điểm, độ phủ số liệu {coverage}%.", "The index stands at {score} points, with data coverage of {coverage}%."),
    "sub_scores": ("Chỉ số chung và điểm theo trụ cột", "Index and pillar scores"),
    "sub_status": ("Tình trạng thực hiện các chỉ tiêu", "Status of the indicators"),
    "sub_reporting": ("Tình hình gửi báo cáo", "Reporting"),
    "sub_files": ("Các tệp số liệu đã đọc", "Files read"),
    "sub_findings": ("Lỗi và cảnh báo theo mã", "Errors and warnings by code"),
    "share": ("Tỷ lệ %", "Share %"),
    "total": ("Tổng cộng", "Total"),
    "none": ("Không có.", "None."),
    "current": ("Giá trị {quarter}", "Value {quarter}"),
    "sha256": ("Mã băm SHA-256", "SHA-256"),
    "name": ("Tên chỉ tiêu", "Name"),
    "comparator": ("So sánh", "Comparator"),
    "baseline_qualifier": ("Ghi chú năm 2022", "Baseline qualifier"),
    "numerator": ("Tử số", "Numerator"),
    "denominator": ("Mẫu số", "Denominator"),
    "met": ("Đạt mục tiêu", "Met"),
    "reports_received": ("Báo cáo đã nhận", "Reports received"),
    "reports_expected": ("Báo cáo phải gửi", "Reports expected"),
    "reporting_rate": ("Tỷ lệ báo cáo", "Reporting rate"),
    "plan": ("Kế hoạch", "Plan"),
    "plan_title": ("Tên kế hoạch", "Plan title"),
    "period": ("Kỳ báo cáo", "Period"),
    "quarters": ("Các quý", "Quarters"),
    "date": ("Ngày lập", "Date"),
    "version": ("Phiên bản cds", "cds version"),
    "indicators_with_data": ("Chỉ tiêu có số liệu", "Indicators with data"),
    "indicators_total": ("Tổng số chỉ tiêu", "Indicators"),
    "status_counts": ("Số chỉ tiêu theo trạng thái", "Indicators by status"),
    "reporting": ("Tình hình gửi báo cáo", "Reporting"),
    "rows": ("Dòng dữ liệu", "Data rows"),
    "sheet": ("Trang tính", "Sheet"),
    "name_agency": ("Tên đơn vị", "Name"),
    "expected_at": ("Kỳ vọng {quarter}", "Expected {quarter}"),
    "projection_likely": ("Dự báo đạt", "Projection likely met"),
    "findings_by_code": ("Lỗi và cảnh báo theo mã", "Findings by code"),
    "files": ("Tệp dữ liệu", "Data files"),
    "province_name": ("Tỉnh", "Province"),
    "projection_method": ("Phương pháp dự báo", "Projection method"),
    "catalogue_title": ("Danh mục chỉ tiêu — Kế hoạch {number}", "Indicator catalogue — Plan {number}"),
}


def label(key: str, lang: str, **values: object) -> str:
    vi, en = _LABELS.get(key, (key, key))
    text = vi if lang == "vi" else en
    return text.format(**values) if values else text


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def date_text(iso: str | None, lang: str) -> str:
    """``2023-04-05`` as ``05/4/2023`` (the plan's own style; Nghị định 30 pads days below
    10 and the months January and February) or ``5 April 2023``."""
    if not iso:
        return ""
    year, month, day = (int(part) for part in iso.split("-"))
    if lang == "vi":
        return f"{day:02d}/{month:02d}/{year}" if month < 3 else f"{day:02d}/{month}/{year}"
    return f"{day} {_MONTHS_EN[month - 1]} {year}"


def shown(value: object, lang: str, qualifier: str | None = None) -> str:
    """A value for people: a number in the language's style, a milestone status, or '—';
    a baseline keeps its hedge in front ("trên 60,00")."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return label(value, lang)
    text = number(value, lang)
    return f"{label(qualifier, lang)} {text}" if qualifier else text


def target_text(item: dict, lang: str) -> str:
    """An indicator's 2023 target: ">= 30", or the milestone's "done"."""
    return label("done", lang) if item["unit"] == "milestone" else f"{item['comparator']} {number(item['target'], lang, 0)}"


def share_text(share: float | None, lang: str, decimals: int = 0) -> str:
    """A share 0–1 (coverage, reporting rate) as a percent: "96%", or '—'."""
    return "—" if share is None else f"{number(100 * share, lang, decimals)}%"


def reporting_text(reporting: dict, period: str | None, lang: str) -> str:
    """The reporting-rate summary line: received / expected reports for the period."""
    rate = reporting["rate"]
    return label("reporting_line", lang, period=period or label("no_period", lang), received=reporting["received"],
                 expected=reporting["expected"], rate="—" if rate is None else number(100 * rate, lang, 0))


def number(value: float | None, lang: str, decimals: int = 2) -> str:
    """A number for people: ``91,67`` in Vietnamese, ``91.67`` in English; '—' for none."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    if lang == "vi":  # Vietnamese: '.' groups thousands, ',' is the decimal mark
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return text
