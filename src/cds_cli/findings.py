"""Problems are data: a finding is a small record collected into a report.

Each finding has a stable ``code`` (scripts and tests rely on it), a severity, the place
(file, 1-based line where the header is line 1, the contract's English column name) and
the values needed to word a message in Vietnamese or English.  The wording lives in
:data:`MESSAGES`, one entry per code, so the two languages stay side by side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    file: str | None
    line: int | None
    column: str | None
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def message(self, lang: str = "en") -> str:
        en, vi = MESSAGES[self.code]
        return (vi if lang == "vi" else en).format(**{k: _worded(v, lang) for k, v in self.params.items()})

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message(lang),
        }


MAX_QUOTED = 200  # a message quotes a cell; a 1 MB cell is shown by its beginning


def _worded(value: Any, lang: str) -> Any:
    """A message value: figures with the language's decimal mark (16,87 in Vietnamese),
    quoted cells cut short."""
    if isinstance(value, float):
        text = f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"
        if lang == "vi":
            text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
        return text
    if isinstance(value, str) and len(value) > MAX_QUOTED:
        return f"{value[:MAX_QUOTED]}… ({len(value):,} characters)"
    return value


def hint(suggestion: str | None, lang_en: bool) -> str:
    """The 'did you mean …?' tail of a message, empty when there is no suggestion."""
    if not suggestion:
        return ""
    return f" (did you mean {suggestion}?)" if lang_en else f" (có phải là {suggestion}?)"


# code: (English, Vietnamese).  Placeholders are filled from Finding.params.
MESSAGES: dict[str, tuple[str, str]] = {
    # ---- whole inputs and files
    "no_input_files": (
        "no submission files (*.csv, *.xlsx, *.xls, *.ods) found in this directory",
        "không tìm thấy tệp báo cáo (*.csv, *.xlsx, *.xls, *.ods) nào trong thư mục này",
    ),
    "unsupported_format": (
        "'{suffix}' files are not read; save the sheet as a workbook (.xlsx, .xls, .ods) or as CSV UTF-8",
        "không đọc được tệp '{suffix}'; hãy lưu bảng tính dạng .xlsx, .xls, .ods hoặc CSV UTF-8",
    ),
    "workbook_unreadable": (
        "cannot open the workbook ({reason}); it may be damaged — open it in Excel or LibreOffice and save it again",
        "không mở được tệp bảng tính ({reason}); tệp có thể bị hỏng — mở bằng Excel hoặc LibreOffice và lưu lại",
    ),
    "workbook_protected": (
        "the workbook is password-protected; save a copy without a password",
        "tệp bảng tính có mật khẩu; hãy lưu một bản không đặt mật khẩu",
    ),
    "workbook_too_large": (
        "the workbook expands to {size} MB, far more than a submission; it was not read",
        "tệp Excel giải nén ra tới {size} MB, quá lớn so với một báo cáo; tệp không được đọc",
    ),
    "sheet_missing": (
        "there is no sheet '{sheet}' (sheets: {sheets}); choose one with --sheet",
        "không có trang tính '{sheet}' (các trang: {sheets}); chọn trang bằng --sheet",
    ),
    "file_unreadable": (
        "cannot read the file ({reason})",
        "không đọc được tệp ({reason})",
    ),
    "not_text": (
        "this is not a text CSV file (it contains binary data); export the sheet as 'CSV UTF-8'",
        "đây không phải tệp CSV dạng văn bản (có dữ liệu nhị phân); hãy xuất bảng tính thành 'CSV UTF-8'",
    ),
    "encoding_unknown": (
        "the text is neither UTF-8, UTF-16 nor Windows-1258; save it as 'CSV UTF-8'",
        "không nhận ra bảng mã (không phải UTF-8, UTF-16 hay Windows-1258); hãy lưu lại dạng 'CSV UTF-8'",
    ),
    "empty_file": (
        "the file is empty; a submission starts with a header row: agency, period, indicator, numerator, denominator, value, note",
        "tệp rỗng; tệp báo cáo bắt đầu bằng dòng tiêu đề: Đơn vị, Kỳ báo cáo, Mã chỉ tiêu, Tử số, Mẫu số, Giá trị, Ghi chú",
    ),
    "missing_column": (
        "required column '{column}' (or '{column_vi}') is missing from the header [{header}]; its {rows} data rows are not counted",
        "thiếu cột bắt buộc '{column_vi}' (hoặc '{column}') trong dòng tiêu đề [{header}]; {rows} dòng dữ liệu không được tính",
    ),
    "line_too_long": (
        "this line is longer than {limit} characters; the file was not read — look for a quote (\") that is never closed, or save the sheet again as CSV",
        "dòng này dài hơn {limit} ký tự; tệp không được đọc — kiểm tra dấu nháy kép (\") mở mà không đóng, hoặc lưu lại bảng tính dạng CSV",
    ),
    "header_too_wide": (
        "the header row has {cells} cells, more than {limit}; the file was not read — delete the empty columns right of the table and save it again",
        "dòng tiêu đề có {cells} ô, nhiều hơn {limit}; tệp không được đọc — hãy xóa các cột trống bên phải bảng rồi lưu lại",
    ),
    "duplicate_column": (
        "two header cells ('{first}' and '{second}') both mean '{column}'; the first one is used",
        "hai ô tiêu đề ('{first}' và '{second}') cùng là cột '{column}'; chỉ dùng cột đầu tiên",
    ),
    "extra_cells": (
        "the row has {cells} cells but the header has {width}; check for a stray separator in a number such as '1,5'",
        "dòng có {cells} ô trong khi tiêu đề có {width}; kiểm tra dấu phân cách thừa, ví dụ trong số '1,5'",
    ),
    # ---- keys of a row
    "required_missing": (
        "{column} is empty; every row needs agency, period and indicator",
        "ô '{column_vi}' trống; mỗi dòng cần Đơn vị, Kỳ báo cáo và Mã chỉ tiêu",
    ),
    "agency_unknown": (
        "unknown agency '{value}'{hint_en}; use an agency code such as STTTT or the agency's registered name",
        "không nhận ra đơn vị '{value}'{hint_vi}; dùng mã đơn vị (ví dụ STTTT) hoặc tên đơn vị đã đăng ký",
    ),
    "period_invalid": (
        "'{value}' is not a reporting period; write it as 2023-Q2, Q2/2023 or Quý 2/2023",
        "'{value}' không phải kỳ báo cáo; ghi theo dạng 2023-Q2, Q2/2023 hoặc Quý 2/2023",
    ),
    "period_outside_plan": (
        "period {value} is outside the plan year {year}",
        "kỳ {value} nằm ngoài năm kế hoạch {year}",
    ),
    "indicator_unknown": (
        "unknown indicator '{value}'{hint_en}; `cds indicators` lists the ids",
        "không có mã chỉ tiêu '{value}'{hint_vi}; xem danh sách bằng lệnh `cds indicators`",
    ),
    # ---- figures
    "number_invalid": (
        "{column} '{value}' is not a number",
        "ô '{column_vi}' có giá trị '{value}' không phải là số",
    ),
    "number_not_whole": (
        "{column} '{value}' is not a whole number; counts are whole numbers (1.234 or 1,234 means 1234)",
        "ô '{column_vi}' có giá trị '{value}' không phải số nguyên; số đếm phải là số nguyên (1.234 hay 1,234 là 1234)",
    ),
    "number_ambiguous": (
        "{column} '{value}' can be read as {readings}; write it without a thousands separator",
        "ô '{column_vi}' có giá trị '{value}' có thể hiểu là {readings}; hãy ghi số không có dấu phân cách hàng nghìn",
    ),
    "count_too_large": (
        "{column} '{value}' is implausibly large (more than {limit}); check the figure — a count of things or people is far smaller",
        "ô '{column_vi}' có giá trị '{value}' lớn bất thường (hơn {limit}); hãy kiểm tra lại — số đếm thực tế nhỏ hơn nhiều",
    ),
    "count_negative": (
        "{column} is {value}; a count cannot be negative",
        "ô '{column_vi}' bằng {value}; số đếm không được âm",
    ),
    "denominator_zero": (
        "denominator is 0; a percent needs a positive denominator",
        "mẫu số bằng 0; tỷ lệ cần mẫu số lớn hơn 0",
    ),
    "numerator_exceeds_denominator": (
        "numerator {numerator} is larger than denominator {denominator}; a share cannot exceed 100%",
        "tử số {numerator} lớn hơn mẫu số {denominator}; tỷ lệ không thể vượt 100%",
    ),
    "percent_out_of_range": (
        "value {value} is outside 0–100; give the percent as a number from 0 to 100",
        "giá trị {value} nằm ngoài khoảng 0–100; tỷ lệ phần trăm phải từ 0 đến 100",
    ),
    "value_mismatch": (
        "value {value}% does not match numerator/denominator = {computed}% (more than 0.5 points apart); correct one of them",
        "giá trị {value}% không khớp tử số/mẫu số = {computed}% (lệch quá 0,5 điểm); hãy sửa một trong hai",
    ),
    "counts_incomplete": (
        "{present} is given but {absent} is empty; give both",
        "có {present_vi} nhưng thiếu {absent_vi}; hãy ghi cả hai",
    ),
    "counts_required": (
        "{indicator} is {kind}: give numerator and denominator (percents cannot be summed or pooled)",
        "{indicator} là chỉ tiêu {kind_vi}: hãy ghi tử số và mẫu số (không thể cộng dồn tỷ lệ phần trăm)",
    ),
    "value_missing": (
        "no figure: give numerator and denominator, or value (or delete the row if there is nothing to report yet)",
        "không có số liệu: hãy ghi tử số và mẫu số, hoặc giá trị (hoặc xóa dòng nếu chưa có số liệu để báo cáo)",
    ),
    "status_missing": (
        "{indicator} is a milestone: write its status in value (done, in_progress, not_started)",
        "{indicator} là chỉ tiêu mốc: ghi trạng thái vào cột Giá trị (hoàn thành, đang triển khai, chưa triển khai)",
    ),
    "status_invalid": (
        "'{value}' is not a milestone status; use done, in_progress or not_started (hoàn thành, đang triển khai, chưa triển khai)",
        "'{value}' không phải trạng thái hợp lệ; dùng hoàn thành / đã triển khai, đang triển khai hoặc chưa triển khai",
    ),
    "wrong_reporter": (
        "{indicator} is reported by {reporter} only; this row from {agency} is not counted",
        "chỉ tiêu {indicator} do {reporter} báo cáo; dòng của {agency} không được tính",
    ),
    # ---- across rows
    "duplicate_row": (
        "repeats {agency} {indicator} {period} with the same figures as {first}; counted once",
        "trùng {agency} {indicator} {period} với cùng số liệu tại {first}; chỉ tính một lần",
    ),
    "duplicate_conflict": (
        "{agency} sent different figures for {indicator} {period} at {places}; keep one row and delete the others",
        "{agency} gửi số liệu khác nhau cho {indicator} {period} tại {places}; giữ một dòng và xóa các dòng còn lại",
    ),
}
