"""Every word cds shows to people, in Vietnamese and English: one keyed catalogue.

One table, :data:`TEXTS`, maps a key to its two texts, always written ``vi=…, en=…``
so the languages stay side by side.  Keys are grouped by prefix:

* bare keys (``achieved``, ``target`` …): labels, headings and sentences of the
  renderers and reports;
* ``finding.<code>``: the message of every finding code, submission or plan pack;
* ``error.<code>``: "cannot continue" messages (exit 2);
* ``column.<name>``, ``count.<name>``, ``kind.<name>``: words filled into messages;
* ``legal.<name>``: the fixed Vietnamese wording of an administrative document
  (Nghị định 30/2020/NĐ-CP), the same in both languages because the law fixes it.

Placeholders (``{year}``, ``{baseline_year}``, ``{plan_number}``, ``{province}`` …) are
filled at the call, the plan's from :meth:`cds_cli.plan.Plan.terms`; no year or plan
number is ever written into a text.

Why a Python table rather than gettext catalogues: the two languages are peers here
(Vietnamese is the primary one, not a translation of English source strings), the
table needs no compile step or extra tool on an analyst's Windows machine, and a test
can check in one place that every key has both texts with the same placeholders.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any, NamedTuple

LANGS = ("vi", "en")


class W(NamedTuple):
    """One text in both languages."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
        return getattr(self, lang)


@dataclass(frozen=True)
class Term:
    """A word to be put in the reader's language when a message is worded: a finding
    keeps ``Term("column.numerator")`` and shows "Tử số" or "numerator"."""

    key: str
    values: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def get(self, lang: str) -> str:
        return text(self.key, lang, **self.values)


def text(key: str, lang: str, /, **values: Any) -> str:
    """The text of ``key`` in ``lang`` with ``values`` filled in (extra values are ignored,
    so a caller can pass the plan's terms to any key)."""
    template = TEXTS[key].get(lang)
    return template.format_map({name: _in(lang, value) for name, value in values.items()})


def _in(lang: str, value: Any) -> Any:
    return value.get(lang) if isinstance(value, Term) else value


def placeholders(template: str) -> set[str]:
    """The names a template fills in (for the catalogue's own test)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


DEFAULT_LANG = "vi"  # of the library and the CLI alike: the province's language


TEXTS: dict[str, W] = {
    # ---- labels
    # statuses as labels: capitalised in both languages, as a table cell or a legend shows them
    "achieved": W(vi="Đạt", en="Achieved"),
    "on_track": W(vi="Đúng tiến độ", en="On track"),
    "at_risk": W(vi="Có nguy cơ không đạt", en="At risk"),
    "off_track": W(vi="Chậm tiến độ", en="Off track"),
    "not_achieved": W(vi="Không đạt", en="Not achieved"),
    "no_data": W(vi="Chưa có số liệu", en="No data"),
    "done": W(vi="hoàn thành", en="done"),
    "in_progress": W(vi="đang triển khai", en="in progress"),
    "not_started": W(vi="chưa triển khai", en="not started"),
    "approx": W(vi="ước", en="est."),
    "above": W(vi="trên", en="above"),
    "nearly": W(vi="gần", en="nearly"),
    "about": W(vi="khoảng", en="about"),
    "id": W(vi="Mã", en="Id"),
    "indicator": W(vi="Chỉ tiêu", en="Indicator"),
    "baseline": W(vi="Năm {baseline_year}", en="{baseline_year}"),
    "target": W(vi="Mục tiêu {year}", en="{year} target"),
    "value": W(vi="Giá trị", en="Value"),
    "attainment": W(vi="Mức đạt %", en="Attainment %"),
    "progress": W(vi="Tiến độ %", en="Progress %"),
    "expected": W(vi="Kỳ vọng", en="Expected"),
    "status": W(vi="Trạng thái", en="Status"),
    "reporters": W(vi="Đơn vị", en="Agencies"),
    "pillar": W(vi="Trụ cột", en="Pillar"),
    "score": W(vi="Điểm", en="Score"),
    "coverage": W(vi="Độ phủ số liệu", en="Data coverage"),
    "index": W(vi="Chỉ số chung", en="Index"),
    "unit": W(vi="Đơn vị tính", en="Unit"),
    "time": W(vi="Cách tính", en="Time"),
    "aggregate": W(vi="Tổng hợp", en="Aggregate"),
    "reporter": W(vi="Đơn vị báo cáo", en="Reporter"),
    "due": W(vi="Hạn", en="Due"),
    # a due quarter after the plan year, as outputs word it (a programme to 2025 in a 2023 plan)
    "due_by_year_end": W(vi="đến hết năm {year}", en="by the end of {year}"),
    "due_by_quarter_end": W(vi="đến hết quý {roman}/{year}", en="by the end of Q{n} {year}"),
    # the years a plan (or the listed plans) cover, filled into messages
    "plan_years_one": W(vi="năm kế hoạch {years}", en="the plan year {years}"),
    "plan_years_many": W(vi="các năm kế hoạch {years}", en="the plan years {years}"),
    "source": W(vi="Nguồn", en="Source"),
    "reports": W(vi="Báo cáo", en="Reports"),
    "rate": W(vi="Tỷ lệ", en="Rate"),
    "agency": W(vi="Đơn vị", en="Agency"),
    "missing": W(vi="Chưa gửi", en="Missing"),
    "rejected": W(vi="Bị loại", en="Rejected"),
    "expected_reports": W(vi="Phải gửi", en="Expected"),
    "received": W(vi="Đã nhận", en="Received"),
    "reporting_line": W(
        vi="Tỷ lệ báo cáo {period}: {received}/{expected} ({rate}%)",
        en="Reporting rate {period}: {received}/{expected} ({rate}%)",
    ),
    "rows_left_out": W(
        vi="Hiển thị {shown} trong {total} đơn vị (tỷ lệ báo cáo thấp nhất trước); "
        "xem tất cả: cds status … --format csv",
        en="Showing {shown} of {total} agencies (the lowest reporting rates first); "
        "all of them: cds status … --format csv",
    ),
    "more_codes": W(vi="… (thêm {count})", en="… (+{count})"),
    # a Word or HTML report past status.LONG_LIST agencies lists the lowest rates only
    "agencies_left_out": W(
        vi="Bảng liệt kê {shown} trong {total} đơn vị: các đơn vị có tỷ lệ gửi báo cáo {period} thấp nhất "
        "trước (rồi đến tỷ lệ cả năm). Danh sách đầy đủ: bảng tính Excel của báo cáo (trang “{sheet}”) "
        "hoặc cds status … --format csv.",
        en="The table lists {shown} of {total} agencies: the lowest reporting rates for {period} first "
        "(then over the year). Every agency: the report's Excel workbook (sheet “{sheet}”) "
        "or cds status … --format csv.",
    ),
    "more_agencies": W(vi="và {count} đơn vị khác", en="and {count} more"),
    "status_title": W(
        vi="Tình hình gửi báo cáo {period} — Kế hoạch {number}",
        en="Reporting completeness {period} — Plan {number}",
    ),
    "status.hints_title": W(
        vi="Báo cáo chưa gửi kỳ {period} nhưng có dòng gửi với kỳ khác (có thể ghi nhầm kỳ):",
        en="Reports missing for {period} with a row sent under another period (a period typed wrong?):",
    ),
    "status.hint_outside_plan": W(
        vi="{agency} · {indicator}: {file} dòng {line} ghi kỳ {given}, ngoài năm kế hoạch {year} — có thể gõ nhầm năm",
        en="{agency} · {indicator}: {file} line {line} gives the period {given}, outside the plan year {year} — "
        "a typo in the year?",
    ),
    "status.hint_in_folder": W(
        vi="{agency} · {indicator}: {file} dòng {line} nằm trong thư mục kỳ {period} nhưng ghi kỳ {given}",
        en="{agency} · {indicator}: {file} line {line} is in the folder of {period} but gives the period {given}",
    ),
    "agency_ranking_title": W(
        vi="Xếp hạng đơn vị theo mức đạt bình quân (chỉ tiêu gộp)",
        en="Agencies ranked by mean attainment (pooled indicators)",
    ),
    "province": W(vi="Toàn tỉnh", en="Province"),
    "rank": W(vi="Hạng", en="Rank"),
    "pull": W(vi="Tác động (điểm %)", en="Pull (pp)"),
    "mean_attainment": W(vi="Mức đạt bình quân %", en="Mean attainment %"),
    "indicators_count": W(vi="Số chỉ tiêu", en="Indicators"),
    "not_reported": W(vi="Chưa báo cáo", en="not reported"),
    "stock": W(vi="tại thời điểm", en="stock"),
    "flow": W(vi="cộng dồn", en="flow"),
    "single": W(vi="một đơn vị", en="single"),
    "pooled": W(vi="gộp", en="pooled"),
    "pooled_reporters": W(vi="nhiều đơn vị", en="several agencies"),
    "scorecard_title": W(
        vi="Kết quả chuyển đổi số {period} — Kế hoạch {number}",
        en="Digital transformation scorecard {period} — Plan {number}",
    ),
    "pillars_title": W(vi="Điểm theo trụ cột", en="Pillar scores"),
    "rows_line": W(
        vi="Dòng dữ liệu: đọc {read}, hợp lệ {accepted}, bị loại {rejected}, dòng trống {blank}",
        en="Rows: read {read}, accepted {accepted}, rejected {rejected}, blank {blank}",
    ),
    "rejected_hint": W(
        vi="{errors} lỗi, {warnings} cảnh báo — xem chi tiết: cds validate {inputs}",
        en="{errors} error(s), {warnings} warning(s) — see them with: cds validate {inputs}",
    ),
    "status_count": W(vi="{status} {count}", en="{status} {count}"),
    "provisional_baseline": W(vi="Mốc tạm tính", en="Provisional baseline"),
    "provisional_mark": W(vi="tạm tính", en="provisional"),
    "provisional_index": W(
        vi="Chỉ số tạm tính: mới nhận {received}/{expected} báo cáo phải gửi ({rate}%); "
        "chỉ số được coi là kết quả của kỳ khi nhận đủ từ 90% trở lên",
        en="Provisional index: only {received} of {expected} reports due were received ({rate}%); "
        "the index stands as the period's result from 90% on",
    ),
    "provisional_baseline_note": W(
        vi="mốc tạm tính: giá trị {quarters} (kế hoạch không nêu số liệu năm {baseline_year})",
        en="provisional baseline: the value of {quarters} (the plan states no {baseline_year} figure)",
    ),
    "same_quarter_last_year": W(vi="Cùng kỳ {quarter}", en="Same quarter, {quarter}"),
    "baseline_source_note": W(
        vi="Năm {baseline_year}: số liệu tính từ báo cáo {sources}",
        en="{baseline_year}: figures computed from the reports of {sources}",
    ),
    "baseline_source_part": W(
        vi="{quarter}, khi đã nhận {rate}% báo cáo phải gửi",
        en="{quarter}, when {rate}% of the reports due had come in",
    ),
    "no_period": W(vi="chưa có kỳ báo cáo", en="no period"),
    "validate_ok": W(
        vi="Hợp lệ: {files} tệp, {read} dòng dữ liệu, không có lỗi",
        en="Valid: {files} files, {read} data rows, no errors",
    ),
    "validate_summary": W(
        vi="{errors} lỗi, {warnings} cảnh báo trong {files} tệp",
        en="{errors} error(s), {warnings} warning(s) in {files} file(s)",
    ),
    "file_rows": W(
        vi="{read} dòng: {accepted} hợp lệ, {rejected} bị loại",
        en="{read} rows: {accepted} accepted, {rejected} rejected",
    ),
    "line": W(vi="dòng", en="line"),
    "error": W(vi="lỗi", en="error"),
    "warning": W(vi="cảnh báo", en="warning"),
    "report_title": W(
        vi="Báo cáo kết quả thực hiện Kế hoạch chuyển đổi số năm {year}",
        en="Report on the results of the Digital Transformation Plan {year}",
    ),
    "report_period": W(vi="Kỳ báo cáo: {quarters}", en="Period covered: {quarters}"),
    "report_basis": W(
        vi="Căn cứ Kế hoạch số {number} ngày {date} của {issuer}",
        en="Under Plan No. {number} of {date}, {issuer}",
    ),
    "section_summary": W(vi="Kết quả chung", en="Summary"),
    "section_pillars": W(vi="Kết quả theo trụ cột và chỉ tiêu", en="Results by pillar and indicator"),
    "section_projection": W(vi="Dự báo khả năng đạt mục tiêu", en="Outlook to the due quarter"),
    "section_charts": W(vi="Biểu đồ", en="Charts"),
    "section_completeness": W(vi="Tình hình gửi báo cáo của các đơn vị", en="Reporting completeness by agency"),
    "section_annex": W(vi="Phụ lục: chất lượng dữ liệu", en="Annex: data quality"),
    "section_inputs": W(vi="Dữ liệu đầu vào", en="Input files"),
    "gap": W(vi="Còn thiếu", en="Gap"),
    "not_done": W(vi="chưa hoàn thành", en="not done"),
    "read": W(vi="Đọc", en="Read"),
    "accepted": W(vi="Hợp lệ", en="Accepted"),
    "blank": W(vi="Dòng trống", en="Blank"),
    "projection": W(vi="Dự báo khi đến hạn", en="Projected by the due quarter"),
    "projection_capped": W(vi="{value} (đã giới hạn)", en="{value} (capped)"),
    "likely_met": W(vi="Khả năng đạt", en="Likely met"),
    "yes": W(vi="có", en="yes"),
    "no": W(vi="không", en="no"),
    "file": W(vi="Tệp", en="File"),
    "code": W(vi="Mã lỗi", en="Code"),
    "severity": W(vi="Mức độ", en="Severity"),
    "count": W(vi="Số lượng", en="Count"),
    "generated_by": W(vi="Tạo bởi cds {version}", en="Generated by cds {version}"),
    "chart_attainment": W(vi="Mức đạt theo chỉ tiêu — {pillar}", en="Attainment by indicator — {pillar}"),
    "chart_trajectory": W(vi="Diễn biến theo quý so với mục tiêu", en="Quarterly trajectory against the target"),
    "chart_completeness": W(vi="Tỷ lệ gửi báo cáo theo đơn vị và quý", en="Reporting rate by agency and quarter"),
    # a chart of a very long list draws its lowest rows only (the table beside it has them all)
    "chart_lowest_indicators": W(
        vi="{shown} chỉ tiêu đạt thấp nhất trong {count}", en="the {shown} lowest of {count} indicators"
    ),
    "chart_lowest_agencies": W(
        vi="{shown} đơn vị có tỷ lệ thấp nhất trong {count}", en="the {shown} lowest of {count} agencies"
    ),
    "doc_type": W(vi="BÁO CÁO", en="REPORT"),
    "quarter": W(vi="Quý {roman}", en="Q{n}"),
    "index_line": W(
        vi="Chỉ số chung đạt {score} điểm, độ phủ số liệu {coverage}%.",
        en="The index stands at {score} points, with data coverage of {coverage}%.",
    ),
    "sub_scores": W(vi="Chỉ số chung và điểm theo trụ cột", en="Index and pillar scores"),
    "sub_status": W(vi="Tình trạng thực hiện các chỉ tiêu", en="Status of the indicators"),
    "sub_reporting": W(vi="Tình hình gửi báo cáo", en="Reporting"),
    "sub_files": W(vi="Các tệp số liệu đã đọc", en="Files read"),
    "sub_findings": W(vi="Lỗi và cảnh báo theo loại", en="Errors and warnings by kind"),
    "share": W(vi="Tỷ lệ %", en="Share %"),
    "total": W(vi="Tổng cộng", en="Total"),
    "none": W(vi="Không có.", en="None."),
    "current": W(vi="Giá trị {quarter}", en="Value {quarter}"),
    "sha256": W(vi="Mã băm SHA-256", en="SHA-256"),
    "name": W(vi="Tên chỉ tiêu", en="Name"),
    "comparator": W(vi="So sánh", en="Comparator"),
    "baseline_qualifier": W(vi="Ghi chú năm {baseline_year}", en="Qualifier ({baseline_year})"),
    "numerator": W(vi="Tử số", en="Numerator"),
    "denominator": W(vi="Mẫu số", en="Denominator"),
    "met": W(vi="Đạt mục tiêu", en="Met"),
    "reports_received": W(vi="Báo cáo đã nhận", en="Reports received"),
    "reports_expected": W(vi="Báo cáo phải gửi", en="Reports expected"),
    "reporting_rate": W(vi="Tỷ lệ báo cáo", en="Reporting rate"),
    "plan": W(vi="Kế hoạch", en="Plan"),
    "plan_title": W(vi="Tên kế hoạch", en="Plan title"),
    "period": W(vi="Kỳ báo cáo", en="Period"),
    "quarters": W(vi="Các quý", en="Quarters"),
    "date": W(vi="Ngày lập", en="Date"),
    "version": W(vi="Phiên bản cds", en="cds version"),
    "indicators_with_data": W(vi="Chỉ tiêu có số liệu", en="Indicators with data"),
    "indicators_total": W(vi="Tổng số chỉ tiêu", en="Indicators"),
    "status_counts": W(vi="Số chỉ tiêu theo trạng thái", en="Indicators by status"),
    "reporting": W(vi="Tình hình gửi báo cáo", en="Reporting"),
    "rows": W(vi="Dòng dữ liệu", en="Data rows"),
    "sheet": W(vi="Trang tính", en="Sheet"),
    "name_agency": W(vi="Tên đơn vị", en="Name"),
    "expected_at": W(vi="Kỳ vọng {quarter}", en="Expected {quarter}"),
    "findings_by_code": W(vi="Lỗi và cảnh báo theo mã", en="Findings by code"),
    "files": W(vi="Tệp dữ liệu", en="Data files"),
    "province_name": W(vi="Tỉnh", en="Province"),
    "projection_method": W(vi="Phương pháp dự báo", en="Projection method"),
    "short_name": W(vi="Tên ngắn", en="Short name"),
    "catalogue_title": W(vi="Danh mục chỉ tiêu — Kế hoạch {number}", en="Indicator catalogue — Plan {number}"),
    # ---- findings
    "finding.no_input_files": W(
        vi="không tìm thấy tệp báo cáo (*.csv, *.xlsx, *.xls, *.ods) nào trong thư mục này",
        en="no submission files (*.csv, *.xlsx, *.xls, *.ods) found in this directory",
    ),
    "finding.unsupported_format": W(
        vi="không đọc được tệp '{suffix}'; hãy lưu bảng tính dạng .xlsx, .xls, .ods hoặc CSV UTF-8",
        en="'{suffix}' files are not read; save the sheet as a workbook (.xlsx, .xls, .ods) or as CSV UTF-8",
    ),
    "finding.workbook_unreadable": W(
        vi="không mở được tệp bảng tính; tệp có thể bị hỏng — hãy mở bằng Excel hoặc LibreOffice và lưu lại (chi tiết: "
        "{reason})",
        en="cannot open the workbook; it may be damaged — open it in Excel or LibreOffice and save it again (detail: "
        "{reason})",
    ),
    "finding.workbook_protected": W(
        vi="tệp bảng tính có mật khẩu; hãy lưu một bản không đặt mật khẩu",
        en="the workbook is password-protected; save a copy without a password",
    ),
    "finding.workbook_too_large": W(
        vi="tệp Excel giải nén ra tới {size} MB, quá lớn so với một báo cáo; tệp không được đọc",
        en="the workbook expands to {size} MB, far more than a submission; it was not read",
    ),
    "finding.sheet_missing": W(
        vi="không có trang tính '{sheet}' (các trang: {sheets}); chọn trang bằng --sheet",
        en="there is no sheet '{sheet}' (sheets: {sheets}); choose one with --sheet",
    ),
    "finding.file_unreadable": W(
        vi="không đọc được tệp; hãy kiểm tra tệp còn đó và được phép đọc (chi tiết: {reason})",
        en="cannot read the file; check that it is there and may be read (detail: {reason})",
    ),
    "finding.not_text": W(
        vi="đây không phải tệp CSV dạng văn bản (có dữ liệu nhị phân); hãy xuất bảng tính thành 'CSV UTF-8'",
        en="this is not a text CSV file (it contains binary data); export the sheet as 'CSV UTF-8'",
    ),
    "finding.encoding_unknown": W(
        vi="không nhận ra bảng mã (không phải UTF-8, UTF-16 hay Windows-1258); hãy lưu lại dạng 'CSV UTF-8'",
        en="the text is neither UTF-8, UTF-16 nor Windows-1258; save it as 'CSV UTF-8'",
    ),
    "finding.empty_file": W(
        vi="tệp rỗng; tệp báo cáo bắt đầu bằng dòng tiêu đề: Đơn vị, Kỳ báo cáo, Mã chỉ tiêu, Tử số, Mẫu số, Giá "
        "trị, Ghi chú",
        en="the file is empty; a submission starts with a header row: agency, period, indicator, numerator, "
        "denominator, value, note",
    ),
    "finding.missing_column": W(
        vi="dòng tiêu đề [{header}] thiếu cột bắt buộc {columns_vi} (hoặc {columns}); {rows} dòng dữ liệu của tệp "
        "không được tính",
        en="the header [{header}] lacks the required column(s) {columns} (or {columns_vi}); the file's {rows} data "
        "rows are not counted",
    ),
    "finding.line_too_long": W(
        vi='dòng này dài hơn {limit} ký tự; tệp không được đọc — kiểm tra dấu nháy kép (") mở mà không đóng, hoặc '
        "lưu lại bảng tính dạng CSV",
        en='this line is longer than {limit} characters; the file was not read — look for a quote (") that is never '
        "closed, or save the sheet again as CSV",
    ),
    "finding.header_too_wide": W(
        vi="dòng tiêu đề có {cells} ô, nhiều hơn {limit}; tệp không được đọc — hãy xóa các cột trống bên phải bảng "
        "rồi lưu lại",
        en="the header row has {cells} cells, more than {limit}; the file was not read — delete the empty columns "
        "right of the table and save it again",
    ),
    # files the reader sets apart, or rows it rejects itself (before any rule)
    "finding.quote_unclosed": W(
        vi='dấu nháy kép (") mở ở dòng này không được đóng trong dòng, nên {lines} dòng bên dưới sẽ bị gộp vào một ô; '
        "dòng này không được tính, các dòng bên dưới được đọc riêng — hãy đóng hoặc xóa dấu nháy kép rồi lưu lại",
        en='a quote (") opened on this line is not closed on it, so the {lines} lines below it would become one cell; '
        "this row is not counted and the lines below are read on their own — close or delete the quote and save again",
    ),
    "finding.cell_error": W(
        vi="ô {cell} chứa lỗi Excel {error} (công thức không tính được); hãy sửa công thức hoặc ghi thẳng số liệu rồi "
        "lưu lại",
        en="cell {cell} holds the Excel error {error} (its formula cannot be computed); fix the formula or type the "
        "figure, and save again",
    ),
    "finding.sheet_empty": W(
        vi="trang tính '{sheet}' trống; các trang khác của tệp: {sheets} — chọn trang có số liệu bằng --sheet, ví dụ "
        '--sheet "{example}"',
        en="sheet '{sheet}' is empty; the workbook's other sheets: {sheets} — choose the one holding the data with "
        '--sheet, e.g. --sheet "{example}"',
    ),
    "finding.sheet_too_large": W(
        vi="trang tính '{sheet}' trải tới ô {cell} ({rows} dòng × {columns} cột, hơn {limit} ô), quá lớn so với một "
        "báo cáo; tệp không được đọc — hãy xóa các ô nằm xa bảng số liệu rồi lưu lại",
        en="sheet '{sheet}' reaches cell {cell} ({rows} rows × {columns} columns, more than {limit} cells), far more "
        "than a submission; the file was not read — delete the cells far from the table and save it again",
    ),
    "finding.row_repeated": W(
        vi="dòng {row} của trang tính '{sheet}' có số liệu và được lặp lại {count} lần (hơn {limit}); tệp không được "
        "đọc — hãy xóa các dòng lặp thừa rồi lưu lại",
        en="row {row} of sheet '{sheet}' holds data and is repeated {count} times (more than {limit}); the file was "
        "not read — delete the repeated rows and save it again",
    ),
    "finding.duplicate_column": W(
        vi="hai ô tiêu đề ('{first}' và '{second}') cùng là cột '{column}'; chỉ dùng cột đầu tiên",
        en="two header cells ('{first}' and '{second}') both mean '{column}'; the first one is used",
    ),
    "finding.extra_cells": W(
        vi="dòng có {cells} ô trong khi tiêu đề có {width}; kiểm tra dấu phân cách thừa, ví dụ trong số '1,5'",
        en="the row has {cells} cells but the header has {width}; check for a stray separator in a number such as "
        "'1,5'",
    ),
    "finding.required_missing": W(
        vi="ô '{column}' trống; mỗi dòng cần Đơn vị, Kỳ báo cáo và Mã chỉ tiêu",
        en="{column} is empty; every row needs agency, period and indicator",
    ),
    "finding.agency_unknown": W(
        vi="không nhận ra đơn vị '{value}'{hint}; dùng mã đơn vị (ví dụ STTTT) hoặc tên đơn vị đã đăng ký",
        en="unknown agency '{value}'{hint}; use an agency code such as STTTT or the agency's registered name",
    ),
    "finding.period_invalid": W(
        vi="'{value}' không phải kỳ báo cáo; ghi theo dạng {year}-Q2, Q2/{year} hoặc Quý 2/{year}",
        en="'{value}' is not a reporting period; write it as {year}-Q2, Q2/{year} or Quý 2/{year}",
    ),
    "finding.period_outside_plan": W(
        vi="kỳ {value} nằm ngoài {years}",
        en="period {value} is outside {years}",
    ),
    "finding.indicator_unknown": W(
        vi="không có mã chỉ tiêu '{value}'{hint}; xem danh sách bằng lệnh `cds indicators`",
        en="unknown indicator '{value}'{hint}; `cds indicators` lists the ids",
    ),
    "finding.number_invalid": W(
        vi="ô '{column}' có giá trị '{value}' không phải là số",
        en="{column} '{value}' is not a number",
    ),
    "finding.number_not_whole": W(
        vi="ô '{column}' có giá trị '{value}' không phải số nguyên; số đếm phải là số nguyên (1.234 hay 1,234 là 1234)",
        en="{column} '{value}' is not a whole number; counts are whole numbers (1.234 or 1,234 means 1234)",
    ),
    "finding.number_ambiguous": W(
        vi="ô '{column}' có giá trị '{value}' có thể hiểu là {readings}; hãy ghi số không có dấu phân cách hàng nghìn",
        en="{column} '{value}' can be read as {readings}; write it without a thousands separator",
    ),
    "finding.count_too_large": W(
        vi="ô '{column}' có giá trị '{value}' lớn bất thường (hơn {limit}); hãy kiểm tra lại — số đếm thực tế nhỏ "
        "hơn nhiều",
        en="{column} '{value}' is implausibly large (more than {limit}); check the figure — a count of things or "
        "people is far smaller",
    ),
    "finding.count_negative": W(
        vi="ô '{column}' bằng {value}; số đếm không được âm",
        en="{column} is {value}; a count cannot be negative",
    ),
    "finding.denominator_zero": W(
        vi="mẫu số bằng 0; tỷ lệ cần mẫu số lớn hơn 0",
        en="denominator is 0; a percent needs a positive denominator",
    ),
    "finding.numerator_exceeds_denominator": W(
        vi="tử số {numerator} lớn hơn mẫu số {denominator}; tỷ lệ không thể vượt 100%",
        en="numerator {numerator} is larger than denominator {denominator}; a share cannot exceed 100%",
    ),
    "finding.percent_out_of_range": W(
        vi="giá trị {value} nằm ngoài khoảng 0–100; tỷ lệ phần trăm phải từ 0 đến 100",
        en="value {value} is outside 0–100; give the percent as a number from 0 to 100",
    ),
    "finding.value_mismatch": W(
        vi="giá trị {value}% không khớp tử số/mẫu số = {computed}% (lệch quá 0,5 điểm); hãy sửa một trong hai",
        en="value {value}% does not match numerator/denominator = {computed}% (more than 0.5 points apart); correct "
        "one of them",
    ),
    "finding.counts_incomplete": W(
        vi="có {present} nhưng thiếu {absent}; hãy ghi cả hai",
        en="{present} is given but {absent} is empty; give both",
    ),
    "finding.counts_required": W(
        vi="{indicator} là chỉ tiêu {kind}: hãy ghi tử số và mẫu số (không thể cộng dồn tỷ lệ phần trăm)",
        en="{indicator} is {kind}: give numerator and denominator (percents cannot be summed or pooled)",
    ),
    "finding.value_missing": W(
        vi="không có số liệu: hãy ghi tử số và mẫu số, hoặc giá trị (hoặc xóa dòng nếu chưa có số liệu để báo cáo)",
        en="no figure: give numerator and denominator, or value (or delete the row if there is nothing to report yet)",
    ),
    "finding.count_value_missing": W(
        vi="{indicator} là chỉ tiêu đếm: ghi số lượng (số nguyên từ 0 trở lên) vào cột Giá trị",
        en="{indicator} is a count: write the number (a whole number, 0 or more) in value",
    ),
    "finding.counts_not_allowed": W(
        vi="{indicator} là chỉ tiêu đếm: chỉ ghi số lượng vào cột Giá trị, để trống tử số và mẫu số",
        en="{indicator} is a count: give the number in value only, and leave numerator and denominator empty",
    ),
    "finding.status_missing": W(
        vi="{indicator} là chỉ tiêu mốc: ghi trạng thái vào cột Giá trị (hoàn thành, đang triển khai, chưa triển khai)",
        en="{indicator} is a milestone: write its status in value (done, in_progress, not_started)",
    ),
    "finding.status_invalid": W(
        vi="'{value}' không phải trạng thái hợp lệ; dùng hoàn thành / đã triển khai, đang triển khai hoặc chưa triển "
        "khai",
        en="'{value}' is not a milestone status; use done, in_progress or not_started (hoàn thành, đang triển khai, "
        "chưa triển khai)",
    ),
    "finding.wrong_reporter": W(
        vi="chỉ tiêu {indicator} do {reporter} báo cáo; dòng của {agency} không được tính",
        en="{indicator} is reported by {reporter} only; this row from {agency} is not counted",
    ),
    "finding.duplicate_row": W(
        vi="trùng {agency} {indicator} {period} với cùng số liệu tại {first}; chỉ tính một lần",
        en="repeats {agency} {indicator} {period} with the same figures as {first}; counted once",
    ),
    "finding.duplicate_conflict": W(
        vi="{agency} gửi số liệu khác nhau cho {indicator} {period} tại {places}; giữ một dòng và xóa các dòng còn lại",
        en="{agency} sent different figures for {indicator} {period} at {places}; keep one row and delete the others",
    ),
    # ---- template guidance
    "guidance.milestone": W(vi="Chọn trạng thái ở cột Giá trị", en="Choose the status in Giá trị"),
    "guidance.flow": W(
        vi="Ghi Tử số, Mẫu số phát sinh trong quý",
        en="Numerator and denominator for this quarter only",
    ),
    "guidance.pooled": W(
        vi="Ghi Tử số, Mẫu số lũy kế đến cuối quý",
        en="Numerator and denominator as at the end of the quarter",
    ),
    "guidance.count": W(
        vi="Ghi số lượng vào cột Giá trị: số nguyên từ 0 trở lên (không ghi tử số, mẫu số)",
        en="The number in Giá trị: a whole number, 0 or more (no numerator or denominator)",
    ),
    "guidance.single": W(vi="Ghi Giá trị (%) hoặc Tử số, Mẫu số", en="Value (%) or numerator and denominator"),
    "projection_method_text": W(
        vi="Cách dự báo: nối giá trị năm {baseline_year} (nếu Kế hoạch không nêu thì dùng giá trị của quý đầu tiên "
        "có số liệu) với giá trị hiện nay bằng một đường thẳng, rồi kéo dài đến quý phải hoàn thành chỉ tiêu; nếu "
        "chỉ có một giá trị thì coi như giữ nguyên. Tỷ lệ phần trăm được dự báo không thấp hơn 0% và không cao hơn "
        "100%. Chỉ tiêu được dự báo là đạt khi giá trị hiện nay không thấp hơn mức cần có theo lộ trình. Dự báo chỉ "
        "để tham khảo, không phải kết quả.",
        en="How the outlook is drawn: a straight line from the {baseline_year} figure (or, where the plan states "
        "none, from the first quarter with data) through the current value, extended to the quarter the target is "
        "due; with a single value it is held level. A percentage is projected within 0% and 100%. A target is "
        "likely met when the current value is at least where the path to it should be by now. An outlook is an "
        "indication, not a result.",
    ),
    # ---- numbers and dates
    "locale": W(vi="vi-VN", en="en-US"),
    "number.group": W(vi=".", en=","),
    "number.decimal": W(vi=",", en="."),
    "date.short": W(vi="{dd}/{mm}/{year}", en="{day} {month_name} {year}"),
    "month.1": W(vi="tháng 1", en="January"),
    "month.2": W(vi="tháng 2", en="February"),
    "month.3": W(vi="tháng 3", en="March"),
    "month.4": W(vi="tháng 4", en="April"),
    "month.5": W(vi="tháng 5", en="May"),
    "month.6": W(vi="tháng 6", en="June"),
    "month.7": W(vi="tháng 7", en="July"),
    "month.8": W(vi="tháng 8", en="August"),
    "month.9": W(vi="tháng 9", en="September"),
    "month.10": W(vi="tháng 10", en="October"),
    "month.11": W(vi="tháng 11", en="November"),
    "month.12": W(vi="tháng 12", en="December"),
    # ---- words filled into messages
    "column.agency": W(vi="Đơn vị", en="agency"),
    "column.period": W(vi="Kỳ báo cáo", en="period"),
    "column.indicator": W(vi="Mã chỉ tiêu", en="indicator"),
    "column.numerator": W(vi="Tử số", en="numerator"),
    "column.denominator": W(vi="Mẫu số", en="denominator"),
    "column.value": W(vi="Giá trị", en="value"),
    "column.note": W(vi="Ghi chú", en="note"),
    "count.numerator": W(vi="tử số", en="numerator"),
    "count.denominator": W(vi="mẫu số", en="denominator"),
    "kind.pooled": W(vi="gộp nhiều đơn vị", en="pooled"),
    "kind.flow": W(vi="cộng dồn theo kỳ", en="year-to-date (flow)"),
    "kind.pooled_flow": W(vi="gộp nhiều đơn vị và cộng dồn theo kỳ", en="pooled and year-to-date (flow)"),
    "cut_cell": W(vi="{start}… ({length} ký tự)", en="{start}… ({length} characters)"),
    "did_you_mean": W(vi=" (có phải là {suggestion}?)", en=" (did you mean {suggestion}?)"),
    # ---- the submission form (cds template)
    "template.sheet": W(vi="Báo cáo", en="Report"),
    "template.number": W(vi="STT", en="No."),
    "template.name": W(vi="Tên chỉ tiêu", en="Indicator name"),
    "template.unit": W(vi="Đơn vị tính", en="Unit"),
    "template.guidance": W(vi="Hướng dẫn", en="Guidance"),
    "template.milestone_unit": W(vi="mốc", en="milestone"),
    "template.title": W(
        vi="Kế hoạch {plan_number} — {agency} — {period}", en="Plan {plan_number} — {agency} — {period}"
    ),
    "template.error_count": W(vi="Số nguyên không âm", en="A whole number ≥ 0"),
    "template.error_percent": W(vi="Tỷ lệ từ 0 đến 100", en="A percent from 0 to 100"),
    "template.error_status": W(vi="Chọn một trạng thái trong danh sách", en="Pick a status from the list"),
    # Milestone statuses as offered in the form's list (the spellings agencies may write; read back in either language).
    "status.done": W(vi="hoàn thành", en="done"),
    "status.in_progress": W(vi="đang triển khai", en="in_progress"),
    "status.not_started": W(vi="chưa triển khai", en="not_started"),
    # ---- cds indicators --context
    "context_title": W(
        vi="Số liệu năm {baseline_year} không có mục tiêu (chỉ để tham khảo) — Kế hoạch {plan_number}",
        en="{baseline_year} figures without a target (context only) — Plan {plan_number}",
    ),
    "quote": W(vi="Trích Kế hoạch", en="The plan's words"),
    "plan_check_title": W(vi="Kiểm tra bộ kế hoạch {path}", en="Plan pack check {path}"),
    "plan_check_ok": W(
        vi="Hợp lệ: kế hoạch {plan_number} năm {year}, {indicators} chỉ tiêu, {warnings} cảnh báo",
        en="Valid: plan {plan_number} for {year}, {indicators} indicators, {warnings} warning(s)",
    ),
    "plan_check_summary": W(
        vi="{errors} lỗi, {warnings} cảnh báo trong bộ kế hoạch {path}",
        en="{errors} error(s), {warnings} warning(s) in the plan pack {path}",
    ),
    "baseline_changed": W(vi="{indicator}: {before} → {after}", en="{indicator}: {before} → {after}"),
    "baselines_done": W(
        vi="Đã tính lại giá trị năm gốc của {path}: {changed} giá trị thay đổi; chạy: cds plan check {path}",
        en="Computed the baselines of {path} again: {changed} changed; run: cds plan check {path}",
    ),
    "plan_new_done": W(
        vi="Đã tạo bộ kế hoạch năm {year} tại {path}: {baselines} giá trị năm {baseline_year} từ {files} tệp; "
        "hãy rà soát các mục tiêu (review: true) rồi chạy: cds plan check {path}",
        en="Wrote the {year} plan pack to {path}: {baselines} baselines of {baseline_year} from {files} files; "
        "review the targets (review: true), then run: cds plan check {path}",
    ),
    "baseline_footing": W(
        vi="Các giá trị tính từ {period}: đã nhận {received}/{expected} báo cáo phải gửi ({rate}%), "
        "{rejected} dòng bị loại; đơn vị chưa báo cáo: {silent}",
        en="The values are those of {period}: {received} of {expected} reports due had come in ({rate}%), "
        "{rejected} rows were rejected; agencies that sent nothing: {silent}",
    ),
    "baseline_footing_low": W(
        vi="Cảnh báo: mới nhận {rate}% báo cáo (dưới 90%); khi có báo cáo muộn, tính lại bằng "
        "cds plan baselines {path} --results <tệp>",
        en="Warning: only {rate}% of the reports had come in (below 90%); when late reports arrive, "
        "compute again with cds plan baselines {path} --results <files>",
    ),
    "reported": W(vi="theo báo cáo", en="reported"),
    # ---- the Word report's legal form (Nghị định 30/2020/NĐ-CP): fixed wording, Vietnamese in both languages
    # a \n marks where a heading line breaks when it does not fit its column
    "legal.authority": W(vi="ỦY BAN NHÂN DÂN\nTỈNH {province}", en="ỦY BAN NHÂN DÂN\nTỈNH {province}"),
    "legal.issuer": W(vi="SỞ THÔNG TIN VÀ TRUYỀN THÔNG", en="SỞ THÔNG TIN VÀ TRUYỀN THÔNG"),
    "legal.nation": W(vi="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", en="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    "legal.motto": W(vi="Độc lập - Tự do - Hạnh phúc", en="Độc lập - Tự do - Hạnh phúc"),
    "legal.number": W(vi="Số:       /BC-STTTT", en="Số:       /BC-STTTT"),
    "legal.recipients_title": W(vi="Nơi nhận:", en="Nơi nhận:"),
    "legal.recipient_committee": W(vi="- Ủy ban nhân dân tỉnh (b/c);", en="- Ủy ban nhân dân tỉnh (b/c);"),
    "legal.recipient_archive": W(vi="- Lưu: VT, CĐS.", en="- Lưu: VT, CĐS."),
    "legal.signer": W(vi="GIÁM ĐỐC", en="GIÁM ĐỐC"),
    "legal.signer_name": W(vi="[Họ và tên]", en="[Họ và tên]"),
    "legal.end": W(vi="./.", en="./."),
    # ---- the Word draft (Nghị định 30/2020/NĐ-CP, Phụ lục I)
    "report_subject": W(
        vi="Kết quả thực hiện Kế hoạch chuyển đổi số năm {year}", en="Results of the Digital Transformation Plan {year}"
    ),
    "addressee": W(
        vi="Kính gửi: Ủy ban nhân dân tỉnh {province}.", en="To: the People's Committee of {province} province."
    ),
    "report_basis_clause": W(
        vi="Căn cứ Kế hoạch số {number} ngày {date} của {issuer} ({plan_title}), Sở Thông tin và Truyền thông "
        "báo cáo kết quả thực hiện {period} như sau:",
        en="Pursuant to Plan No. {number} of {date} of the {issuer} ({plan_title}), the Department of Information "
        "and Communications reports the results for {period} as follows:",
    ),
    "quarter_prose": W(vi="quý {roman}/{year}", en="Q{n} {year}"),
    "quarters_prose": W(vi="quý {quarters} năm {year}", en="{quarters} {year}"),
    "quarter_prose_item": W(vi="{roman}", en="Q{n}"),
    "and": W(vi="và", en="and"),
    # ---- what each submission finding is, in a few words (the Word draft's annex names
    # findings by these, never by their codes)
    "problem.no_input_files": W(vi="Thư mục không có tệp báo cáo", en="Folder without submission files"),
    "problem.unsupported_format": W(vi="Định dạng tệp không đọc được", en="File format not readable"),
    "problem.workbook_unreadable": W(vi="Tệp bảng tính hỏng, không mở được", en="Damaged workbook"),
    "problem.workbook_protected": W(vi="Tệp bảng tính có mật khẩu", en="Password-protected workbook"),
    "problem.workbook_too_large": W(vi="Tệp bảng tính quá lớn", en="Workbook too large"),
    "problem.sheet_missing": W(vi="Không có trang tính đã chọn", en="Sheet not found"),
    "problem.file_unreadable": W(vi="Không đọc được tệp", en="File not readable"),
    "problem.not_text": W(vi="Tệp không phải CSV dạng văn bản", en="Not a text CSV file"),
    "problem.encoding_unknown": W(vi="Không nhận ra bảng mã của tệp", en="Unknown text encoding"),
    "problem.empty_file": W(vi="Tệp rỗng", en="Empty file"),
    "problem.missing_column": W(vi="Thiếu cột bắt buộc", en="Required column missing"),
    "problem.line_too_long": W(vi="Dòng quá dài", en="Line too long"),
    "problem.header_too_wide": W(vi="Dòng tiêu đề có quá nhiều ô", en="Header too wide"),
    "problem.duplicate_column": W(vi="Một cột được ghi hai lần", en="Column given twice"),
    "problem.extra_cells": W(vi="Dòng thừa ô so với tiêu đề", en="Row with more cells than the header"),
    "problem.required_missing": W(
        vi="Thiếu đơn vị, kỳ báo cáo hoặc mã chỉ tiêu", en="Agency, period or indicator missing"
    ),
    "problem.agency_unknown": W(vi="Đơn vị không có trong danh mục", en="Agency not in the list"),
    "problem.period_invalid": W(vi="Kỳ báo cáo ghi sai", en="Period not recognised"),
    "problem.period_outside_plan": W(vi="Kỳ báo cáo ngoài năm kế hoạch", en="Period outside the plan"),
    "problem.indicator_unknown": W(vi="Mã chỉ tiêu không có trong kế hoạch", en="Indicator not in the plan"),
    "problem.number_invalid": W(vi="Ô số liệu không phải là số", en="Not a number"),
    "problem.number_not_whole": W(vi="Số đếm không phải số nguyên", en="Count not a whole number"),
    "problem.number_ambiguous": W(vi="Số có thể hiểu theo hai cách", en="Number readable two ways"),
    "problem.count_too_large": W(vi="Số đếm lớn bất thường", en="Count implausibly large"),
    "problem.count_negative": W(vi="Số đếm âm", en="Negative count"),
    "problem.denominator_zero": W(vi="Mẫu số bằng 0", en="Denominator of zero"),
    "problem.numerator_exceeds_denominator": W(vi="Tử số lớn hơn mẫu số", en="Numerator above the denominator"),
    "problem.percent_out_of_range": W(vi="Tỷ lệ ngoài khoảng 0–100%", en="Percent outside 0–100%"),
    "problem.value_mismatch": W(vi="Giá trị không khớp với tử số, mẫu số", en="Value does not match the counts"),
    "problem.counts_incomplete": W(vi="Thiếu tử số hoặc mẫu số", en="Numerator or denominator missing"),
    "problem.counts_required": W(vi="Chỉ tiêu cần tử số và mẫu số", en="Counts required"),
    "problem.value_missing": W(vi="Dòng không có số liệu", en="Row without a figure"),
    "problem.count_value_missing": W(vi="Thiếu số lượng của chỉ tiêu đếm", en="Count missing"),
    "problem.counts_not_allowed": W(vi="Chỉ tiêu đếm ghi tử số, mẫu số", en="Counts given for a count"),
    "problem.status_missing": W(vi="Thiếu trạng thái của chỉ tiêu mốc", en="Milestone status missing"),
    "problem.status_invalid": W(vi="Trạng thái không hợp lệ", en="Milestone status not recognised"),
    "problem.wrong_reporter": W(vi="Đơn vị không được giao báo cáo chỉ tiêu", en="Not the indicator's reporter"),
    "problem.duplicate_row": W(vi="Dòng trùng lặp", en="Duplicate row"),
    "problem.duplicate_conflict": W(vi="Số liệu trùng kỳ nhưng khác nhau", en="Conflicting figures for one report"),
    # ---- the Word draft: units, and the parts of a report the Department writes itself
    "history_title": W(vi="Diễn biến các chỉ tiêu qua các kỳ", en="Indicators through the periods"),
    "agencies_title": W(vi="Danh sách đơn vị báo cáo — Kế hoạch {number}", en="Reporting agencies — Plan {number}"),
    "agency_kind": W(vi="Cấp", en="Level"),
    "kind.province": W(vi="cấp tỉnh", en="province"),
    "kind.district": W(vi="cấp huyện", en="district"),
    "aliases": W(vi="Tên gọi khác", en="Aliases"),
    "unit_line": W(vi="Đơn vị tính: %", en="Unit: %"),
    "gap_points": W(vi="Còn thiếu (điểm %)", en="Gap (percentage points)"),
    # A table's unit when it holds counts: counts alone, or percents with counts named by unit
    "unit_line_count": W(vi="Đơn vị tính: số lượng", en="Unit: count"),
    "unit_line_mixed": W(
        vi="Đơn vị tính: %, trừ chỉ tiêu ghi đơn vị sau tên", en="Unit: %, except where given after the name"
    ),
    "name_with_unit": W(vi="{name} (đơn vị tính: {unit})", en="{name} (unit: {unit})"),
    "problem": W(vi="Loại lỗi", en="Problem"),
    "section_assessment": W(vi="Đánh giá chung", en="Overall assessment"),
    "section_shortcomings": W(vi="Tồn tại, hạn chế và nguyên nhân", en="Shortcomings and their causes"),
    "section_tasks": W(vi="Nhiệm vụ, giải pháp thời gian tới", en="Tasks and solutions ahead"),
    "section_recommendations": W(vi="Kiến nghị, đề xuất", en="Recommendations"),
    "assessment_facts": W(
        vi="Đến hết {period}, có {achieved}/{total} chỉ tiêu đạt mục tiêu; tỷ lệ báo cáo của các đơn vị đạt {rate}%.",
        en="By the end of {period}, {achieved} of {total} indicators met their target; agencies sent {rate}% of the "
        "reports due.",
    ),
    "shortcomings_facts": W(
        vi="Các chỉ tiêu chưa đạt hoặc có nguy cơ không đạt:",
        en="Indicators not achieved or at risk:",
    ),
    "shortcoming_item": W(
        vi="- {name}: {value} so với mục tiêu {target} ({status});",
        en="- {name}: {value} against a target of {target} ({status});",
    ),
    "missing_reports_facts": W(
        vi="- Đơn vị chưa gửi đủ báo cáo {period}: {agencies}.",
        en="- Agencies that have not sent every report for {period}: {agencies}.",
    ),
    "to_write": W(vi="[Sở bổ sung: {what}]", en="[For the Department to write: {what}]"),
    "to_write.assessment": W(vi="nhận định chung về kết quả", en="the overall judgement"),
    "to_write.causes": W(vi="nguyên nhân của từng tồn tại, hạn chế", en="the cause of each shortcoming"),
    "to_write.tasks": W(vi="nhiệm vụ, giải pháp trong thời gian tới", en="the tasks and solutions ahead"),
    "to_write.recommendations": W(
        vi="kiến nghị, đề xuất với Ủy ban nhân dân tỉnh", en="recommendations to the People's Committee"
    ),
    # ---- the workbook: its sheets, and the words beside the codes scripts read
    "sheet.summary": W(vi="Tổng hợp", en="Summary"),
    "sheet.indicators": W(vi="Chỉ tiêu", en="Indicators"),
    "sheet.quarterly": W(vi="Theo quý", en="Quarterly"),
    "sheet.agencies": W(vi="Đơn vị", en="Agencies"),
    "sheet.findings": W(vi="Chất lượng dữ liệu", en="Findings"),
    "unit.percent": W(vi="%", en="%"),
    "unit.count": W(vi="số lượng", en="count"),
    "unit.milestone": W(vi="mốc", en="milestone"),
    "status_code": W(vi="Mã trạng thái", en="Status code"),
    "severity_code": W(vi="Mã mức độ", en="Severity code"),
    # ---- what a command wrote, on stderr
    "written.report": W(
        vi="{target}: đã ghi báo cáo {period} ({fmt}, {size} byte)",
        en="{target}: report {period} ({fmt}, {size} bytes)",
    ),
    "written.template": W(
        vi="{target}: biểu mẫu {count} chỉ tiêu của {agency}, kỳ {period}",
        en="{target}: form of {count} indicators for {agency}, {period}",
    ),
    "appendix_ref": W(
        vi="Số liệu đầu vào và chất lượng dữ liệu được nêu chi tiết tại Phụ lục kèm theo Báo cáo này",
        en="The input data and its quality are set out in the Appendix to this report",
    ),
    "appendix_label": W(vi="Phụ lục", en="Appendix"),
    "appendix_title": W(vi="SỐ LIỆU ĐẦU VÀO VÀ CHẤT LƯỢNG DỮ LIỆU", en="INPUT DATA AND DATA QUALITY"),
    "appendix_attached": W(
        vi="(Kèm theo Báo cáo số       /BC-STTTT {legal_date} của Sở Thông tin và Truyền thông)",
        en="(Attached to Report No.       /BC-STTTT of {date} of the Department of Information and Communications)",
    ),
    "legal.date": W(vi="ngày {day} tháng {month} năm {year}", en="ngày {day} tháng {month} năm {year}"),
    "legal.date_blank": W(vi="ngày …… tháng …… năm ……", en="ngày …… tháng …… năm ……"),
    # ---- plan packs (cds plan check; the first error also stops every other command)
    "finding.pack_no_targets": W(
        vi="thư mục không có tệp mục tiêu targets_<năm>.yaml; một bộ kế hoạch cần đúng một tệp như vậy",
        en="no targets_<year>.yaml in this directory; a plan pack needs exactly one",
    ),
    "finding.pack_many_targets": W(
        vi="có nhiều tệp mục tiêu ({files}); một bộ kế hoạch chỉ có một năm — giữ một tệp",
        en="more than one targets file ({files}); a pack holds one plan year — keep one",
    ),
    "finding.pack_many_baselines": W(
        vi="có nhiều tệp giá trị cơ sở ({files}); giữ một tệp", en="more than one baseline file ({files}); keep one"
    ),
    "finding.pack_no_agencies": W(
        vi="thư mục không có tệp agencies.yaml (danh sách đơn vị)",
        en="no agencies.yaml (the list of agencies) in this directory",
    ),
    "finding.plan_file_missing": W(vi="không tìm thấy tệp kế hoạch", en="plan file not found"),
    "finding.plan_file_unreadable": W(
        vi="không đọc được tệp kế hoạch ({reason}); hãy lưu dạng văn bản UTF-8",
        en="cannot read the plan file ({reason}); save it as UTF-8 text",
    ),
    "finding.yaml_invalid": W(vi="không phải YAML hợp lệ ({problem})", en="not valid YAML ({problem})"),
    "finding.year_mismatch": W(
        vi="tên tệp ghi năm {named} nhưng nội dung ghi year: {stated}; sửa một trong hai cho khớp",
        en="the file name says {named} but its year: is {stated}; make them agree",
    ),
    "finding.baseline_year_not_before": W(
        vi="giá trị cơ sở năm {baseline_year} không trước năm kế hoạch {year}; giá trị cơ sở là kết quả của năm trước",
        en="baselines of {baseline_year} are not before the plan year {year}; baselines are an earlier year's results",
    ),
    "finding.baseline_year_gap": W(
        vi="giá trị cơ sở là của năm {baseline_year}, không phải năm liền trước {previous}; kiểm tra lại tệp",
        en="the baselines are of {baseline_year}, not of the year before the plan ({previous}); check the file",
    ),
    "finding.field_missing": W(
        vi="{path}: thiếu khóa bắt buộc{allowed}", en="{path}: a required key is missing{allowed}"
    ),
    "allowed_values": W(vi="; giá trị được phép: {values}", en="; the values allowed: {values}"),
    "finding.field_unknown": W(
        vi="{path}: khóa không có trong mẫu kế hoạch (kiểm tra chính tả)",
        en="{path}: not a key of a plan file (check the spelling)",
    ),
    "finding.value_not_allowed": W(
        vi="{path}: giá trị {value} không được phép; dùng một trong {expected}",
        en="{path}: {value} is not allowed; use one of {expected}",
    ),
    "finding.value_not_number": W(vi="{path}: {value} không phải là số", en="{path}: {value} is not a number"),
    "finding.value_not_text": W(
        vi="{path}: cần một chuỗi văn bản, không phải {value}", en="{path}: should be text, not {value}"
    ),
    "finding.value_not_list": W(
        vi='{path}: cần một danh sách (các dòng bắt đầu bằng "- ")',
        en='{path}: should be a list (lines starting with "- ")',
    ),
    "finding.value_not_mapping": W(vi="{path}: cần các cặp khóa: giá trị", en="{path}: should be key: value pairs"),
    "finding.value_invalid": W(vi="{path}: giá trị không hợp lệ ({detail})", en="{path}: invalid value ({detail})"),
    "finding.weight_negative": W(vi="{path}: trọng số không được âm", en="{path}: a weight must not be negative"),
    "finding.weight_too_large": W(
        vi="{path}: trọng số {value} quá lớn (tối đa {limit}); trọng số chỉ là tỷ lệ giữa các chỉ tiêu",
        en="{path}: weight {value} is too large (at most {limit}); weights are only proportions between indicators",
    ),
    "finding.number_not_finite": W(
        vi="{path}: {value} không phải là một số hữu hạn (NaN, vô cực hoặc quá lớn); ghi một số như 80 hoặc 12.5",
        en="{path}: {value} is not a finite number (NaN, infinity or too large); write a number such as 80 or 12.5",
    ),
    "finding.target_out_of_range": W(
        vi="{path}: mục tiêu tỷ lệ {value} nằm ngoài khoảng 0–100",
        en="{path}: the percent target {value} is outside 0–100",
    ),
    "finding.target_zero": W(
        vi="{path}: mục tiêu {value} làm mức đạt (100 × giá trị ÷ mục tiêu) không xác định; mục tiêu càng cao càng tốt "
        "(>=, >) phải từ {smallest} trở lên",
        en="{path}: a target of {value} leaves attainment (100 × value ÷ target) undefined; a higher-is-better target "
        "(>=, >) must be at least {smallest}",
    ),
    "finding.year_out_of_range": W(
        vi="{path}: năm {value} không phải một năm bốn chữ số", en="{path}: year {value} is not a four-digit year"
    ),
    "finding.duplicate_key": W(
        vi="khóa {key} được ghi lần nữa trong cùng một mục (lần đầu ở dòng {first}); YAML chỉ giữ giá trị sau cùng — "
        "xóa một dòng",
        en="key {key} is written again in the same mapping (first on line {first}); YAML would silently keep only the "
        "last value — delete one",
    ),
    "finding.percent_target": W(
        vi="{path}: chỉ tiêu tỷ lệ cần mục tiêu là một số và phép so sánh >=, >, <= hoặc <",
        en="{path}: a percent indicator needs a numeric target and one of >=, >, <=, <",
    ),
    "finding.count_target": W(
        vi="{path}: chỉ tiêu đếm (count) cần mục tiêu là số nguyên từ 0 trở lên và phép so sánh >=, >, <= hoặc <",
        en="{path}: a count indicator needs a whole-number target of 0 or more and one of >=, >, <=, <",
    ),
    "finding.milestone_target": W(
        vi="{path}: chỉ tiêu mốc cần target: done và comparator: '='",
        en="{path}: a milestone needs target: done and comparator: '='",
    ),
    "finding.reporter_single": W(
        vi="{path}: chỉ tiêu một đơn vị (single) ghi reporter, không ghi reporters",
        en="{path}: a single indicator names its reporter, and has no reporters list",
    ),
    "finding.reporter_pooled": W(
        vi="{path}: chỉ tiêu gộp (pooled) ghi danh sách reporters, không ghi reporter",
        en="{path}: a pooled indicator lists reporters, and names no single reporter",
    ),
    "finding.due_invalid": W(
        vi="{path}: hạn {value} không phải một quý (ghi theo dạng <năm>-Q4)",
        en="{path}: due {value} is not a quarter (write it as <year>-Q4)",
    ),
    "finding.baseline_unsourced": W(
        vi="{path}: giá trị cơ sở có số liệu cần nguồn (mục và trích dẫn)",
        en="{path}: a stated baseline needs its source (section and quote)",
    ),
    "finding.baseline_unexplained": W(
        vi="{path}: giá trị cơ sở để trống (null) cần ghi chú lý do Kế hoạch không nêu",
        en="{path}: a null baseline needs a note saying why the plan gives none",
    ),
    "finding.duplicate_pillar": W(vi="trụ cột {pillar} được khai báo hai lần", en="pillar {pillar} is declared twice"),
    "finding.duplicate_indicator": W(
        vi="mã chỉ tiêu {indicator} được khai báo hai lần", en="indicator id {indicator} is declared twice"
    ),
    "finding.unknown_pillar": W(
        vi="{indicator}: không có trụ cột {pillar} (các trụ cột: {known})",
        en="{indicator}: unknown pillar {pillar} (known: {known})",
    ),
    "finding.unknown_reporter": W(
        vi="{indicator}: đơn vị báo cáo {reporter} không có trong agencies.yaml",
        en="{indicator}: reporter {reporter} is not in agencies.yaml",
    ),
    "finding.unknown_reporters_entry": W(
        vi="{indicator}: {entry} không phải mã đơn vị hay nhóm trong agencies.yaml",
        en="{indicator}: {entry} is neither an agency code nor a group of agencies.yaml",
    ),
    "finding.due_outside_year": W(
        vi="{indicator}: hạn {due} trước năm kế hoạch {year} (hạn là một quý từ quý I/{year} trở đi)",
        en="{indicator}: due {due} is before the plan year {year} (a target falls due in {year}-Q1 or later)",
    ),
    "finding.baseline_period_invalid": W(
        vi="{path}: kỳ {value} của giá trị cơ sở không phải một quý (ghi theo dạng <năm>-Q4)",
        en="{path}: the baseline's period {value} is not a quarter (write it as <year>-Q4)",
    ),
    "finding.baseline_after_due": W(
        vi="{indicator}: giá trị cơ sở ghi kỳ {period}, sau hạn {due} của mục tiêu",
        en="{indicator}: the baseline stands at {period}, after the target's due quarter {due}",
    ),
    "finding.group_unknown_agency": W(
        vi="nhóm {group}: không có đơn vị {agencies}", en="group {group}: unknown agency {agencies}"
    ),
    "finding.agency_name_clash": W(
        vi="{spelling} của {agency} đã là tên của {owner}; mỗi tên chỉ thuộc một đơn vị",
        en="{spelling} of {agency} is already a name of {owner}; a name belongs to one agency",
    ),
    "finding.baseline_unknown_indicator": W(
        vi="giá trị cơ sở cho chỉ tiêu không có trong tệp mục tiêu: {indicator}",
        en="baseline for an indicator the targets file does not have: {indicator}",
    ),
    "finding.baseline_duplicate": W(vi="giá trị cơ sở thứ hai cho {indicator}", en="a second baseline for {indicator}"),
    "finding.baseline_milestone_value": W(
        vi="{indicator} là chỉ tiêu mốc: giá trị cơ sở phải là một trong {statuses} hoặc null",
        en="{indicator} is a milestone: its baseline must be one of {statuses} or null",
    ),
    "finding.baseline_percent_value": W(
        vi="{indicator} là chỉ tiêu tỷ lệ: giá trị cơ sở phải là số hoặc null, không phải {value}",
        en="{indicator} is a percent: its baseline must be a number or null, not {value}",
    ),
    "finding.baseline_count_value": W(
        vi="{indicator} là chỉ tiêu đếm: giá trị cơ sở phải là số nguyên từ 0 trở lên hoặc null, không phải {value}",
        en="{indicator} is a count: its baseline must be a whole number of 0 or more, or null, not {value}",
    ),
    "finding.baseline_out_of_range": W(
        vi="{indicator} là chỉ tiêu tỷ lệ: giá trị cơ sở {value} nằm ngoài khoảng 0–100",
        en="{indicator} is a percent: its baseline {value} is outside 0–100",
    ),
    "finding.context_duplicate": W(
        vi="mã số liệu tham khảo {id} được khai báo hai lần", en="context id {id} is declared twice"
    ),
    "finding.quote_not_in_source": W(
        vi='{path}: trích dẫn không có trong văn bản Kế hoạch: "{quote}"',
        en='{path}: the quote is not in the plan\'s text: "{quote}"',
    ),
    "finding.no_reporters": W(
        vi="{indicator}: chỉ tiêu gộp chưa có đơn vị báo cáo (reporters); cds status sẽ không chờ ai gửi",
        en="{indicator}: a pooled indicator without reporters; cds status will expect nobody to send it",
    ),
    "finding.unsendable": W(
        vi="{indicator}: các nhóm đơn vị báo cáo ({entries}) không có đơn vị nào; không ai gửi được chỉ tiêu này",
        en="{indicator}: its reporter groups ({entries}) have no members; no agency can send it",
    ),
    "finding.pillar_empty": W(vi="trụ cột {pillar} không có chỉ tiêu nào", en="pillar {pillar} has no indicators"),
    "finding.weight_zero": W(
        vi="{path}: trọng số 0 — {what} không được tính vào điểm",
        en="{path}: weight 0 — {what} does not count in any score",
    ),
    "finding.short_name_missing": W(
        vi="{indicator}: thiếu tên ngắn {key} (tối đa {limit} ký tự) dùng trong bảng và biểu đồ",
        en="{indicator}: no {key} (at most {limit} characters) for tables and charts",
    ),
    "finding.short_name_long": W(
        vi="{indicator}: {key} dài {length} ký tự, quá {limit}; hãy rút gọn",
        en="{indicator}: {key} is {length} characters long, more than {limit}; shorten it",
    ),
    "finding.plan_info_review": W(
        vi="số hiệu, ngày và tên Kế hoạch chuyển từ năm trước; ghi theo Kế hoạch năm {year} rồi xóa dòng review: true",
        en="plan number, date and titles carried over from last year; set those of the {year} plan, then delete "
        "'review: true'",
    ),
    "finding.target_met_by_baseline": W(
        vi="{indicator}: giá trị năm gốc {value} đã đạt mục tiêu; kiểm tra lại mục tiêu theo Kế hoạch",
        en="{indicator}: the baseline {value} already meets the target; check the target against the plan",
    ),
    "finding.baseline_source_changed": W(
        vi="tệp {file} đã thay đổi sau khi tính giá trị năm gốc; tính lại bằng lệnh cds plan baselines",
        en="{file} changed since the baselines were computed from it; compute them again with cds plan baselines",
    ),
    "finding.baseline_source_missing": W(
        vi="không còn tệp {file} mà giá trị năm gốc được tính từ đó (đã đổi tên hay xóa?)",
        en="{file}, from which the baselines were computed, is gone (renamed or deleted?)",
    ),
    "finding.plan_number_missing": W(
        vi="Kế hoạch năm {year} chưa có số hiệu; ghi số hiệu vào plan.number (cds plan new --number)",
        en="the {year} plan has no number yet; set plan.number (cds plan new --number)",
    ),
    "finding.plan_date_missing": W(
        vi="Kế hoạch năm {year} chưa có ngày ban hành; ghi ngày dạng YYYY-MM-DD vào plan.date (cds plan new --date)",
        en="the {year} plan has no date of issue yet; set plan.date as YYYY-MM-DD (cds plan new --date)",
    ),
    "plan_number_unset": W(vi="(chưa có số hiệu)", en="(number not yet set)"),
    "finding.target_review": W(
        vi="{indicator}: mục tiêu chuyển từ năm trước, cần rà soát theo Kế hoạch mới rồi xóa dòng review: true",
        en="{indicator}: target carried over from last year; check it against the new plan, then delete 'review: true'",
    ),
    # ---- HTML report
    "html.coverage_reporting": W(
        vi="độ phủ số liệu {coverage} · báo cáo đã nhận {reporting}",
        en="data coverage {coverage} · reports received {reporting}",
    ),
    "html.indicators": W(vi="{count} chỉ tiêu", en="{count} indicators"),
    "html.reports_received": W(
        vi="đã nhận {received}/{expected} báo cáo kỳ {period}",
        en="{received} of {expected} reports received for {period}",
    ),
    "html.pillar_facts": W(
        vi="{score} điểm · độ phủ số liệu {coverage} · {count} chỉ tiêu",
        en="score {score} · data coverage {coverage} · {count} indicators",
    ),
    "html.contents": W(vi="Nội dung", en="Contents"),
    "html.department": W(vi="Sở Thông tin và Truyền thông", en="Department of Information and Communications"),
    "html.trend": W(vi="Diễn biến", en="Trend"),
    "html.gap_points": W(vi="Còn thiếu (điểm %)", en="Gap (% points)"),  # short words: a narrow column
    "html.trend_note": W(
        vi="Cột diễn biến: giá trị các quý (đường liền) so với mục tiêu (nét đứt). "
        "Bấm vào tên chỉ tiêu để xem tên đầy đủ theo Kế hoạch.",
        en="Trend column: the quarterly values (solid line) against the target (dashed line). "
        "Click an indicator's name for the plan's full wording.",
    ),
    "html.heat_note": W(
        vi="Mỗi ô ghi tỷ lệ báo cáo đã nhận; nền xanh từ {high}%, vàng từ {low}% đến dưới {high}%, đỏ dưới {low}%; "
        "— : không có báo cáo phải gửi.",
        en="Each cell gives the share of reports received; green from {high}%, amber from {low}% to under {high}%, "
        "red under {low}%; — : no report was due.",
    ),
    # ---- text alternatives of the report's charts (HTML and Word)
    "alt.trend": W(vi="{name}: {values}; mục tiêu {target}", en="{name}: {values}; target {target}"),
    "alt.attainment": W(
        vi="Biểu đồ thanh: mức đạt của từng chỉ tiêu so với vạch 100% — {pillar}: {items}",
        en="Bar chart: attainment of each indicator against the 100% line — {pillar}: {items}",
    ),
    "alt.trajectory": W(
        vi="Biểu đồ đường — {name}: {values}; mục tiêu {target}{projection}",
        en="Line chart — {name}: {values}; target {target}{projection}",
    ),
    "alt.projection": W(vi="; dự báo khi đến hạn: {value}", en="; projected by the due quarter: {value}"),
    "alt.completeness": W(
        vi="Biểu đồ nhiệt: tỷ lệ gửi báo cáo của {count} đơn vị theo quý; toàn tỉnh: {values}",
        en="Heat map: reporting rate of {count} agencies by quarter; province: {values}",
    ),
    # ---- "cannot continue" (exit 2)
    "error.no_such_input": W(vi="không có tệp hoặc thư mục: {paths}", en="no such file or directory: {paths}"),
    "error.period_option": W(
        vi="--period {value}: hãy ghi một quý của năm {years}, ví dụ {year}-Q2",
        en="--period {value}: give a quarter of {years}, e.g. {year}-Q2",
    ),
    "error.year_option": W(
        vi="--year {value}: Kế hoạch {plan_number} dành cho năm {year}",
        en="--year {value}: the plan ({plan_number}) covers {year}",
    ),
    "error.date_option": W(
        vi="--date {value}: ghi ngày theo dạng NNNN-TT-NN, ví dụ {year}-01-15",
        en="--date {value}: write the date as YYYY-MM-DD, e.g. {year}-01-15",
    ),
    "error.indicator_option": W(
        vi="--indicator {value}: không có trong Kế hoạch{hint}; lệnh `cds indicators` liệt kê các chỉ tiêu",
        en="--indicator {value}: not an indicator of the plan{hint}; `cds indicators` lists them",
    ),
    "error.agency_option": W(
        vi="--agency {value}: không phải đơn vị của Kế hoạch{hint}; lệnh `cds agencies` liệt kê các đơn vị",
        en="--agency {value}: not an agency of the plan{hint}; `cds agencies` lists them",
    ),
    "error.cannot_write": W(vi="không ghi được {path}: {reason}", en="cannot write {path}: {reason}"),
    "error.cannot_read": W(vi="không đọc được {path}: {reason}", en="cannot read {path}: {reason}"),
    "error.plan_dir_missing": W(
        vi="{origin}: không có thư mục kế hoạch {path}", en="{origin}: no plan directory {path}"
    ),
    "error.plan_invalid": W(vi="{place}: {message}{more}", en="{place}: {message}{more}"),
    "error.plan_more": W(
        vi=" (và {count} lỗi khác; lệnh `cds plan check {pack}` liệt kê tất cả)",
        en=" (and {count} more; `cds plan check {pack}` lists them all)",
    ),
    "error.config_unreadable": W(vi="{file}: không đọc được ({reason})", en="{file}: cannot read it ({reason})"),
    "error.config_invalid": W(vi="{file}: không phải TOML hợp lệ ({problem})", en="{file}: not valid TOML ({problem})"),
    "error.config_key": W(
        vi="{file}: không có khóa {key} (các khóa: {allowed})", en="{file}: unknown key {key} (allowed: {allowed})"
    ),
    "error.config_value": W(
        vi="{file}: {key} = {value} không hợp lệ ({allowed})", en="{file}: {key} = {value} is not allowed ({allowed})"
    ),
    "config.plan": W(vi="một thư mục, là bộ kế hoạch", en="a directory (a plan pack)"),
    "config.plans": W(
        vi='danh sách thư mục bộ kế hoạch, ví dụ ["bundled", "plans/2024"]',
        en='a list of plan pack directories, e.g. ["bundled", "plans/2024"]',
    ),
    "error.config_both": W(
        vi="{file}: ghi plan hoặc plans, không ghi cả hai (plans liệt kê mọi bộ kế hoạch)",
        en="{file}: set plan or plans, not both (plans lists every plan pack)",
    ),
    "error.plans_overlap": W(
        vi="{origin}: bộ kế hoạch {first} ({first_years}) và {second} ({second_years}) cùng bao quát năm {years}; "
        "mỗi năm chỉ thuộc một bộ",
        en="{origin}: plan packs {first} ({first_years}) and {second} ({second_years}) both cover {years}; "
        "each year belongs to one pack",
    ),
    "error.plan_files_with_plans": W(
        vi="{origin} liệt kê nhiều bộ kế hoạch: --targets, --baseline, --agencies thay tệp của một bộ, "
        "hãy chọn bộ đó bằng --plan",
        en="{origin} lists several plan packs: --targets, --baseline and --agencies replace files of one pack; "
        "choose it with --plan",
    ),
    "error.period_no_plan": W(
        vi="--period {value}: không bộ kế hoạch nào bao quát năm này ({years})",
        en="--period {value}: no plan pack covers that year ({years})",
    ),
    "config.lang": W(vi="vi hoặc en", en="vi or en"),
    "config.sheet": W(vi="tên một trang tính", en="a worksheet name"),
    "error.out_exists": W(
        vi="{path} đã có; cds plan new không bao giờ ghi đè — chọn thư mục khác với -o",
        en="{path} already exists; cds plan new never overwrites — choose another directory with -o",
    ),
    "error.new_year": W(
        vi="--year {value}: kế hoạch gốc là năm {from_year}; năm mới phải là {next_year}",
        en="--year {value}: the plan it starts from is for {from_year}; the new year must be {next_year}",
    ),
    "error.lang": W(vi="ngôn ngữ {value} không có; dùng vi hoặc en", en="no language {value}; use vi or en"),
}
