"""The formats of ``cds report``: the module and function that render each (imported on
use, so that choosing a format costs nothing)."""

REPORT_FORMATS: dict[str, tuple[str, str]] = {
    "html": ("html_report", "render_html"),
    "docx": ("docx_report", "render_docx"),
    "xlsx": ("xlsx_report", "render_xlsx"),
    "md": ("markdown_report", "render_markdown"),
}
