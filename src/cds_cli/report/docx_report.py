"""The report as a Word document: a draft the Department of Information and Communications
can edit, sign and send, laid out as a Vietnamese administrative document (Nghị định
30/2020/NĐ-CP).

Layout:

* the two-column header (issuing authority | national name and motto, then the number and
  the place and date) as a borderless table, always in Vietnamese — it is the legal form;
  the signature block at the end of the body is kept in Vietnamese for the same reason;
* the document type and title, the period, the plan the report answers to;
* sections numbered I., II., III. … in their own text (numbering survives any template), with
  Word's Heading 1/2 styles so the navigation pane and a table of contents still work;
* the results by pillar on landscape pages (one column per quarter does not fit 16 cm),
  everything else portrait;
* Times New Roman 13 pt (tables 11 pt), A4, margins 2/2/3/2 cm, justified body text, page
  numbers centred at the top from page 2.

The input is the report's view (:meth:`AnnualReport.view`), so the numbers are those of the
HTML, XLSX and Markdown reports.  Output is byte-identical for the same view: no current time
anywhere, fixed zip timestamps (:func:`stable_zip`).
"""

from __future__ import annotations

import copy
import datetime
import io
import re
import struct
from collections.abc import Callable
from dataclasses import asdict
from typing import TypedDict

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..outputs import stable_zip
from ..periods import Period, roman
from ..view import IndicatorRow, PillarRow, ReportView, ScorecardView
from ..words.labels import (
    baseline_source_note,
    baseline_text,
    date_text,
    gap_header,
    index_text,
    label,
    name_with_unit,
    number,
    plan_number_text,
    projection_text,
    provisional_index_text,
    provisional_note,
    quarter_name,
    quarters_text,
    reporting_text,
    share_text,
    target_by_text,
    target_text,
    unit_line,
    value_text,
)
from .charts import attainment_chart, completeness_heatmap, trajectory_chart
from .text import (
    agencies_left_out_text,
    attainment_alt,
    completeness_alt,
    listed_agencies,
    quarter_headers,
    trajectory_alt,
)
from .textwidth import lines_within, width_cm

FONT = "Times New Roman"
BODY_PT, TITLE_PT, TABLE_PT = 13, 14, 11
PAGE_W, PAGE_H = 21.0, 29.7  # A4, cm
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 2.0, 2.0, 3.0, 2.0
PORTRAIT_WIDTH = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 16 cm of text
LANDSCAPE_WIDTH = PAGE_H - MARGIN_LEFT - MARGIN_RIGHT  # 24.7 cm
CHART_WIDTH = 16.0
MAX_TRAJECTORIES = 4
NAMED_LATE = 30  # late agencies named in the shortcomings, past status.LONG_LIST agencies


# The legal form stays Vietnamese whatever the language of the body (catalogue keys legal.*).
LEGAL = "vi"
HEADER_LEFT, HEADER_RIGHT = 6.6, 9.4  # cm, the two columns of the header (16 cm): the national name fits one line
CELL_MARGINS = 0.4  # cm of a table cell's left and right padding together
SUBJECT_RULE_GAP = 4  # pt between the subject's last line and its rule (at least 3, or it reads as underlining)
RULE_SHARE = 0.4  # NĐ 30: the rule under the issuer and under the subject is 1/3–1/2 of the line above
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BREAKS = re.compile("[\t\r\n]")  # python-docx writes these as w:tab and w:br
_T, _SPACE = qn("w:t"), qn("xml:space")


class _Style(TypedDict, total=False):
    """How a line of the header is set: :meth:`_Writer.run`'s keywords."""

    bold: bool
    italic: bool
    size: float


def _clean(value: object) -> str:
    """Plain text for a run: characters XML 1.0 cannot hold are dropped (python-docx escapes the rest)."""
    return _NOT_XML.sub("", str(value))


# --------------------------------------------------------------------------- entry point


def render_docx(view: ReportView, lang: str) -> bytes:
    """The report's view (:meth:`AnnualReport.view`) as DOCX bytes, identical for identical input."""
    document = Document()
    _setup(document, view, lang)
    writer = _Writer(document, lang)
    writer.header(view)
    writer.title(view)
    sections: list[Callable[[ReportView, str], None]] = [writer.summary, writer.pillars]
    if view.projected:
        sections.append(writer.projection)
    sections += [writer.completeness, writer.assessment, writer.shortcomings, writer.tasks, writer.recommendations]
    for k, section in enumerate(sections, start=1):
        section(view, roman(k))
    writer.paragraph(label("appendix_ref", lang) + label("legal.end", LEGAL), before=6)  # the content ends with ./.
    writer.signature()
    writer.annex(view)
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue())


# --------------------------------------------------------------------------- document set-up


def _set_fonts(rpr) -> None:
    """Times New Roman for every script (ASCII, high ANSI, East-Asian, complex) in the run
    properties ``rpr``, theme fonts removed so Word has nothing to fall back to."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rstyle = rpr.find(qn("w:rStyle"))
        rpr.insert(0 if rstyle is None else 1, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _set_cs_size(rpr, size: float) -> None:
    """The complex-script size, which python-docx's ``font.size`` leaves as the template had it."""
    element = rpr.find(qn("w:szCs"))
    if element is None:
        element = OxmlElement("w:szCs")
        rpr.find(qn("w:sz")).addnext(element)
    element.set(qn("w:val"), str(int(size * 2)))


def _set_lang(rpr, lang: str) -> None:
    element = rpr.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        rpr.append(element)
    code = label("locale", lang)
    for attribute in ("w:val", "w:eastAsia"):
        element.set(qn(attribute), code)
    element.attrib.pop(qn("w:bidi"), None)


def _setup(document, view: ReportView, lang: str) -> None:
    """Styles, the first page and its numbering, and the document's properties."""
    _defaults(document.styles, lang)
    _body_styles(document.styles, lang)
    _first_section(document.sections[0])
    _properties(document, view, lang)


def _defaults(styles, lang: str) -> None:
    """Document defaults: Times New Roman 13 pt, no theme fonts for Word to fall back to."""
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr_default)
    for tag in ("w:sz", "w:szCs"):
        size = rpr_default.find(qn(tag))
        if size is not None:
            size.set(qn("w:val"), str(BODY_PT * 2))
    _set_lang(rpr_default, lang)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    if spacing is not None:
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")


def _body_styles(styles, lang: str) -> None:
    """Normal, Body Text (justified, first line indented), the two headings and Table Text."""
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    _set_fonts(normal.element.get_or_add_rPr())
    _set_cs_size(normal.element.get_or_add_rPr(), BODY_PT)
    _set_lang(normal.element.get_or_add_rPr(), lang)

    body = styles["Body Text"]
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.first_line_indent = Cm(1)
    body.paragraph_format.space_before = Pt(0)
    body.paragraph_format.space_after = Pt(6)
    body.paragraph_format.line_spacing = 1.15

    for name, before in (("Heading 1", 12), ("Heading 2", 6)):
        heading = styles[name]
        heading.font.size = Pt(BODY_PT)
        heading.font.bold = True
        heading.font.color.rgb = RGBColor(0, 0, 0)
        _set_fonts(heading.element.get_or_add_rPr())
        _set_cs_size(heading.element.get_or_add_rPr(), BODY_PT)
        fmt = heading.paragraph_format
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(6)
        fmt.first_line_indent = Cm(1)
        fmt.keep_with_next = True
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT

    table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(TABLE_PT)
    _set_cs_size(table_text.element.get_or_add_rPr(), TABLE_PT)
    table_text.paragraph_format.space_before = Pt(1)
    table_text.paragraph_format.space_after = Pt(1)
    table_text.paragraph_format.line_spacing = 1.0


def _first_section(section) -> None:
    """A4 portrait; page numbers centred at the top, from page 2 on (NĐ 30)."""
    _page(section, landscape=False)
    section.header_distance = Cm(1)
    section.footer_distance = Cm(1)
    section.different_first_page_header_footer = True  # no page number on page 1 (NĐ 30)
    section.first_page_header.paragraphs[0].text = ""
    number_line = section.header.paragraphs[0]
    number_line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    number_line._p.append(field)


def _properties(document, view: ReportView, lang: str) -> None:
    """Title, subject and language; no author, time or thumbnail that would differ between runs."""
    core = document.core_properties
    core.title = _clean(label("report_title", lang, **view.plan.terms))
    core.subject = _clean(view.plan.info.title(lang))
    core.author = "cds"
    core.last_modified_by = "cds"
    core.comments = ""
    core.keywords = ""
    core.category = ""
    core.revision = 1
    core.language = label("locale", lang)
    fixed = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    core.created = fixed
    core.modified = fixed
    core.last_printed = fixed
    package = document.part.package  # the template's thumbnail is a picture of another document
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)


def _page(section, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Cm(PAGE_H if landscape else PAGE_W)
    section.page_height = Cm(PAGE_W if landscape else PAGE_H)
    section.top_margin = Cm(MARGIN_TOP)
    section.bottom_margin = Cm(MARGIN_BOTTOM)
    section.left_margin = Cm(MARGIN_LEFT)
    section.right_margin = Cm(MARGIN_RIGHT)


# --------------------------------------------------------------------------- formatting


def vn_date(value: str | None) -> str:
    """``ngày 15 tháng 01 năm 2024`` (NĐ 30: a zero before days below 10 and months 1 and 2);
    dots for the signer to fill in when there is no date."""
    if not value:
        return label("legal.date_blank", LEGAL)
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return _clean(value)
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return label("legal.date", LEGAL, day=f"{day.day:02d}", month=month, year=day.year)


def _short_date(value: str | None, lang: str) -> str:
    """The date of a cited document: ``05/4/2023`` or ``5 April 2023``."""
    return date_text(value, lang) or "…"


def _gap(item: IndicatorRow, lang: str) -> str:
    gap = item.gap
    if gap is None:
        return ""
    if isinstance(gap, str):
        return label(gap, lang)
    return value_text(item, gap, lang)


def _pillar_widths(quarters: int) -> list[float]:
    """Column widths (cm) of a pillar's table on a landscape page: the name takes what is left
    (no id column: ids are for scripts, in the XLSX and JSON)."""
    fixed = {"baseline": 2.1, "target": 1.7, "quarter": 1.6, "attainment": 1.7, "status": 2.3, "gap": 2.0}
    used = sum(v for k, v in fixed.items() if k != "quarter") + fixed["quarter"] * quarters
    name = LANDSCAPE_WIDTH - 0.2 - used
    return [
        name,
        fixed["baseline"],
        fixed["target"],
        *[fixed["quarter"]] * quarters,
        fixed["attainment"],
        fixed["status"],
        fixed["gap"],
    ]


def _png_size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])
    return width, height


# --------------------------------------------------------------------------- writer


class _Writer:
    def __init__(self, document, lang: str) -> None:
        self.document = document
        self.lang = lang
        self.table_text = document.styles["Table Text"].style_id  # set by id: the lookup by name is slow

    # ----- building blocks

    def paragraph(
        self,
        text: str = "",
        container=None,
        style: str | None = "Body Text",
        bold: bool = False,
        italic: bool = False,
        size: float | None = None,
        align=None,
        before: float | None = None,
    ):
        container = container if container is not None else self.document
        paragraph = container.add_paragraph(style=style)
        if text:
            self.run(paragraph, text, bold=bold, italic=italic, size=size)
        fmt = paragraph.paragraph_format
        if align is not None:
            fmt.alignment = align
        if before is not None:
            fmt.space_before = Pt(before)
        return paragraph

    @staticmethod
    def run(paragraph, text: str, bold: bool = False, italic: bool = False, size: float | None = None):
        run = paragraph.add_run(_clean(text))
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if size is not None:
            run.font.size = Pt(size)
        return run

    def heading(self, text: str, level: int = 1, center: bool = False):
        paragraph = self.document.add_paragraph(style=f"Heading {level}")
        paragraph.add_run(_clean(text))
        if center:
            paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.first_line_indent = Cm(0)
        return paragraph

    def section_heading(self, roman: str, key: str) -> None:
        self.heading(f"{roman}. {label(key, self.lang).upper()}")

    def rule(self, container, length: float, available: float, gap: float = 1) -> None:
        """A short centred line (the rule under the issuer, the motto and the title):
        an empty paragraph with a top border, indented to ``length`` cm, ``gap`` pt below the text."""
        paragraph = container.add_paragraph(style="Normal")
        fmt = paragraph.paragraph_format
        side = max(0.0, (available - length) / 2)
        fmt.left_indent = Cm(side)
        fmt.right_indent = Cm(side)
        fmt.space_before = Pt(gap)
        fmt.space_after = Pt(0)
        fmt.line_spacing = 1.0
        ppr = paragraph._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        top = OxmlElement("w:top")
        for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
            top.set(qn(key), value)
        borders.append(top)
        ppr.insert_element_before(
            borders,
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        )
        mark = OxmlElement("w:rPr")  # a tiny paragraph mark, so the line sits close to the text
        for tag in ("w:sz", "w:szCs"):
            size = OxmlElement(tag)
            size.set(qn("w:val"), "4")
            mark.append(size)
        ppr.append(mark)

    def picture(
        self, png: bytes, alt: str, width: float = CHART_WIDTH, max_height: float = 20.0, paragraph=None
    ) -> None:
        """A chart, centred, ``width`` cm wide unless that makes it taller than ``max_height``,
        with ``alt`` as its text alternative (what Word reads out and shows as Alt Text)."""
        px_w, px_h = _png_size(png)
        height = width * px_h / px_w
        if height > max_height:
            width, height = max_height * px_w / px_h, max_height
        if paragraph is None:
            paragraph = self.document.add_paragraph(style="Normal")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(6)
        paragraph.paragraph_format.space_after = Pt(6)
        shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(width), height=Cm(height))
        shape._inline.docPr.set("descr", _clean(alt))

    def table(
        self,
        headers: list[str],
        rows: list[list[str]],
        widths: list[float],
        align: str,
        bold_rows: frozenset[int] = frozenset(),
    ):
        """A ruled table (Table Grid, 11 pt): header row repeated on every page, no row split
        across pages.  ``align`` holds one letter per column: l(eft), c(entre) or r(ight).

        The header and two model rows (plain and bold) are made with python-docx; every body
        row is a copy of a model with its texts put in: python-docx's cell by cell API took
        20 s for a ministry's 22,000 agencies, a copy of a row takes microseconds."""
        models = [["x"] * len(headers), ["x"] * len(headers)]  # "x": one text element per cell
        table = self.document.add_table(rows=1 + len(models), cols=len(headers))
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _fix_widths(table, widths)
        for r, (row, texts) in enumerate(zip(table.rows, [headers, *models], strict=True)):
            self.table_row(row, texts, "c" * len(headers) if r == 0 else align, header=r == 0, bold=r != 1)
        plain, bold = (row._tr for row in table.rows[1:])
        for tr in (plain, bold):
            table._tbl.remove(tr)
        for r, texts in enumerate(rows):
            table._tbl.append(self.cloned_row(bold if r in bold_rows else plain, texts, r in bold_rows))
        self.document.add_paragraph(style="Normal").paragraph_format.space_after = Pt(6)
        return table

    def table_row(self, row, texts: list[str], align: str, header: bool, bold: bool) -> None:
        """One row through python-docx: the header, and the rows the others are copied from."""
        alignment = {"l": WD_ALIGN_PARAGRAPH.LEFT, "c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT}
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if header:
            tr_pr.append(OxmlElement("w:tblHeader"))
        for c, (cell, text) in enumerate(zip(row.cells, texts, strict=False)):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            paragraph._p.get_or_add_pPr().style = self.table_text
            paragraph.alignment = alignment[align[c]]
            if text:
                self.run(paragraph, text, bold=bold)

    def cloned_row(self, model, texts: list[str], bold: bool):
        """A copy of ``model`` (a row with one run of one text per cell) holding ``texts``:
        the XML python-docx writes for them, a text of tabs or line breaks through it."""
        tr = copy.deepcopy(model)
        for t, text in zip(list(tr.iter(_T)), texts, strict=True):
            run = t.getparent()
            cleaned = _clean(text)
            if cleaned and not _BREAKS.search(cleaned):
                t.text = cleaned
                if len(cleaned.strip()) < len(cleaned):
                    t.set(_SPACE, "preserve")
                continue
            paragraph = run.getparent()
            paragraph.remove(run)
            if text:  # as python-docx writes it (w:tab, w:br), or an empty run for a text cleaned away
                self.run(Paragraph(paragraph, self.document), text, bold=bold)
        return tr

    # ----- the parts of the report

    def lines(self, cell, lines: list[tuple[str, _Style]]) -> None:
        """Centred lines in a cell, the first in the cell's own (empty) paragraph."""
        for k, (text, style) in enumerate(lines):
            paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph(style="Normal")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.run(paragraph, text, **style)

    def header(self, view: ReportView) -> None:
        """Authority | national name and motto, each with its rule; number | place and date."""
        province = _clean(view.plan.info.province or "…")
        table = self.document.add_table(rows=2, cols=2)
        _fix_widths(table, [HEADER_LEFT, HEADER_RIGHT])
        _no_borders(table)
        left, right = table.rows[0].cells
        room = HEADER_LEFT - CELL_MARGINS
        authority = lines_within(label("legal.authority", LEGAL, province=province.upper()), room, 12)
        issuer = lines_within(label("legal.issuer", LEGAL), room, 12, "bold")
        self.lines(
            left,
            [(line, _Style(size=12)) for line in authority] + [(line, _Style(bold=True, size=12)) for line in issuer],
        )
        self.rule(left, RULE_SHARE * max(width_cm(line, 12, "bold") for line in issuer), room)
        motto = label("legal.motto", LEGAL)
        self.lines(
            right, [(label("legal.nation", LEGAL), {"bold": True, "size": 12}), (motto, {"bold": True, "size": 13})]
        )
        self.rule(right, width_cm(motto, 13, "bold"), HEADER_RIGHT - CELL_MARGINS)  # as long as the motto
        left, right = table.rows[1].cells
        self.lines(left, [(label("legal.number", LEGAL), {"size": BODY_PT})])
        self.lines(right, [(f"{province}, {vn_date(view.date)}", {"italic": True, "size": BODY_PT})])
        for cell in (left, right):
            cell.paragraphs[0].paragraph_format.space_before = Pt(6)

    def title(self, view: ReportView) -> None:
        """Type, subject (trích yếu) with its rule right below, addressee, and the basis."""
        info, lang, center = view.plan.info, self.lang, WD_ALIGN_PARAGRAPH.CENTER
        self.paragraph(label("doc_type", lang), style="Normal", bold=True, size=TITLE_PT, align=center, before=18)
        subject = lines_within(label("report_subject", lang, **view.plan.terms), PORTRAIT_WIDTH, TITLE_PT, "bold")
        for line in subject:
            self.paragraph(line, style="Normal", bold=True, size=TITLE_PT, align=center)
        # under the subject the rule stands clear of the diacritics (at 1 pt it read as an underline)
        length = RULE_SHARE * max(width_cm(line, TITLE_PT, "bold") for line in subject)
        self.rule(self.document, length, PORTRAIT_WIDTH, gap=SUBJECT_RULE_GAP)
        self.paragraph(
            label("addressee", lang, province=info.province or "…"),
            style="Normal",
            size=BODY_PT,
            align=center,
            before=6,
        )
        self.paragraph(
            label(
                "report_basis_clause",
                lang,
                number=plan_number_text(info.number, lang),
                date=_short_date(info.date, lang),
                issuer=info.issuer(lang) or "…",
                plan_title=info.title(lang) or "…",
                period=quarters_text(list(view.quarters), lang),
            ),
            before=12,
        )

    def summary(self, view: ReportView, roman: str) -> None:
        self.section_heading(roman, "section_summary")
        self.scores(view.card)
        self.statuses(view.card)
        self.reporting(view)

    def scores(self, card: ScorecardView) -> None:
        lang, index = self.lang, card.index
        self.heading(f"1. {label('sub_scores', lang)}", 2)
        self.paragraph(
            label("index_line", lang, score=index_text(index, lang), coverage=number(100 * index.coverage, lang, 0))
        )
        warning = provisional_index_text(index, card.reporting, lang)
        if warning:
            self.paragraph(warning + ".", italic=True)
        rows = [
            [
                p.name(lang),
                number(p.score, lang),
                f"{share_text(p.coverage, lang)} ({p.with_data}/{p.total})",
                share_text(p.reporting_rate, lang),
            ]
            for p in card.pillars
        ]
        rows.append(
            [
                label("index", lang),
                index_text(index, lang),
                share_text(index.coverage, lang),
                share_text(index.reporting_rate, lang),
            ]
        )
        self.table(
            [label("pillar", lang), label("score", lang), label("coverage", lang), label("reporting_rate", lang)],
            rows,
            [7.0, 2.6, 3.4, 2.8],
            "lccc",
            bold_rows=frozenset({len(rows) - 1}),
        )

    def statuses(self, card: ScorecardView) -> None:
        lang = self.lang
        self.heading(f"2. {label('sub_status', lang)}", 2)
        counts, statuses = card.summary, card.statuses  # those the period can give
        total = sum(counts.get(s, 0) for s in statuses)
        rows = [
            [label(s, lang), str(counts.get(s, 0)), share_text(counts.get(s, 0) / total if total else None, lang, 1)]
            for s in statuses
        ]
        rows.append([label("total", lang), str(total), share_text(1.0 if total else None, lang, 1)])
        self.table(
            [label("status", lang), label("indicators_count", lang), label("share", lang)],
            rows,
            [8.5, 3.0, 4.0],
            "lcc",
            bold_rows=frozenset({len(rows) - 1}),
        )

    def reporting(self, view: ReportView) -> None:
        self.heading(f"3. {label('sub_reporting', self.lang)}", 2)
        self.paragraph(reporting_text(view.card.reporting, view.period, self.lang) + ".")

    def pillars(self, view: ReportView, roman: str) -> None:
        lang, quarters = self.lang, view.quarters
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        _page(section, landscape=True)
        section.different_first_page_header_footer = False
        self.section_heading(roman, "section_pillars")
        source = baseline_source_note(view.card.indicators, view.plan.baseline_year, lang)
        if source:  # baselines computed from last year's reports: say which quarter, how complete
            self.paragraph(source + ".")
        lasts = 1 if view.last_year else 0  # the same quarter a year earlier, as wide as a quarter
        widths = _pillar_widths(len(quarters) + lasts)
        headers = quarter_headers(view, lang, lambda q: quarter_name(q, lang))[1:]  # no id column
        align = "l" + "c" * (len(headers) - 1)
        for k, pillar in enumerate(view.card.pillars, start=1):
            self.pillar(k, pillar, quarters, headers, widths, align, view.last_year)
        section = self.document.add_section(WD_SECTION.NEW_PAGE)  # back to portrait
        _page(section, landscape=False)

    def pillar(
        self,
        k: int,
        pillar: PillarRow,
        quarters: tuple[Period, ...],
        headers: list[str],
        widths: list[float],
        align: str,
        last_year: Period | None,
    ) -> None:
        """One pillar: its table of indicators (by full name), then its chart."""
        lang = self.lang
        self.heading(f"{k}. {pillar.name(lang)}", 2)
        items = pillar.indicators
        if not items:
            self.paragraph(label("none", lang))
            return
        rows = [
            [
                name_with_unit(item, item.name(lang), items, lang),
                baseline_text(item.baseline, item.baseline_qualifier, lang),
                target_by_text(item, quarters[-1].year, lang),
                *([value_text(item, item.earlier.get(last_year), lang)] if last_year else []),
                *[value_text(item, item.quarters.get(q), lang) for q in quarters],
                number(item.attainment, lang),
                label(item.status, lang),
                _gap(item, lang),
            ]
            for item in items
        ]
        self.paragraph(unit_line(items, lang), style="Normal", italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
        self.table([*headers[:-1], gap_header(items, lang)], rows, widths, align)
        self.picture(
            attainment_chart(pillar, lang, CHART_WIDTH), attainment_alt(pillar, lang), CHART_WIDTH, max_height=15.0
        )

    def projection(self, view: ReportView, roman: str) -> None:
        lang, items = self.lang, tuple(item for item in _in_pillars(view) if item.projection)
        self.section_heading(roman, "section_projection")
        self.paragraph(label("projection_method_text", lang, **view.plan.terms))
        rows = [
            [
                name_with_unit(item, item.short_name(lang), items, lang),
                target_text(item, lang),
                value_text(item, item.value, lang),
                projection_text(projection, lang),
                label("yes" if projection.likely_met else "no", lang),
            ]
            for item in items
            if (projection := item.projection)  # every one has: named for the type checker
        ]
        self.table(
            [
                label("indicator", lang),
                label("target", lang, **view.plan.terms),
                label("current", lang, quarter=quarter_name(view.quarters[-1], lang)),
                label("projection", lang),
                label("likely_met", lang),
            ],
            rows,
            [5.6, 2.4, 2.4, 3.2, 2.4],
            "lcccc",
        )
        self.trajectories(view, items)

    def trajectories(self, view: ReportView, items: tuple[IndicatorRow, ...]) -> None:
        """A few trajectories: those least likely to make it first, shown in plan order."""
        lang, terms = self.lang, view.plan.terms
        ranked = sorted(range(len(items)), key=lambda i: _urgency(items[i]))
        chosen = [items[i] for i in sorted(ranked[:MAX_TRAJECTORIES])]
        if chosen:
            self.paragraph(
                label("chart_trajectory", lang),
                style="Normal",
                italic=True,
                align=WD_ALIGN_PARAGRAPH.CENTER,
                before=6,
            )
            note = provisional_note(chosen, view.plan.baseline_year, lang)
            if note:
                self.paragraph(f"{label('expected', lang)} — {note}.", italic=True)
            grid = self.document.add_table(rows=(len(chosen) + 1) // 2, cols=2)
            _fix_widths(grid, [PORTRAIT_WIDTH / 2] * 2)
            _no_borders(grid)
            for k, item in enumerate(chosen):
                cell = grid.rows[k // 2].cells[k % 2]
                self.picture(
                    trajectory_chart(item, lang, terms, PORTRAIT_WIDTH / 2 - 0.4, view.earlier),
                    trajectory_alt(item, lang, terms),
                    PORTRAIT_WIDTH / 2 - 0.4,
                    max_height=6.0,
                    paragraph=cell.paragraphs[0],
                )
                caption = cell.add_paragraph(style="Table Text")
                caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self.run(caption, item.short_name(lang), italic=True)

    def completeness(self, view: ReportView, roman: str) -> None:
        lang, quarters, overall = self.lang, view.quarters, view.completeness
        self.section_heading(roman, "section_completeness")
        if overall:
            self.paragraph(
                "; ".join(f"{quarter_name(q, lang)}: {share_text(overall.get(q), lang, 1)}" for q in quarters) + "."
            )
        if view.agencies:
            self.picture(
                completeness_heatmap(view, lang, CHART_WIDTH),
                completeness_alt(view, lang),
                CHART_WIDTH,
                max_height=20.0,
            )
        listed = listed_agencies(view)  # a ministry's: the lowest rates, and a line on the rest
        left_out = agencies_left_out_text(view, listed, lang)
        if left_out:
            self.paragraph(left_out, italic=True)
        rows = [[a.agency.name(lang), *[share_text(a.rates.get(q), lang, 1) for q in quarters]] for a in listed]
        rows.append([label("province", lang), *[share_text(overall.get(q), lang, 1) for q in quarters]])
        quarter_width = 1.9
        name = PORTRAIT_WIDTH - quarter_width * len(quarters)
        self.table(
            [label("agency", lang), *[quarter_name(q, lang) for q in quarters]],
            rows,
            [name, *[quarter_width] * len(quarters)],
            "l" + "c" * len(quarters),
            bold_rows=frozenset({len(rows) - 1}),
        )

    # ----- the parts the Department writes, started with the facts cds knows

    def assessment(self, view: ReportView, roman: str) -> None:
        lang = self.lang
        self.section_heading(roman, "section_assessment")
        counts, rate = view.card.summary, view.card.reporting.rate
        self.paragraph(
            label(
                "assessment_facts",
                lang,
                period=quarters_text([view.period], lang),
                achieved=counts.get("achieved", 0),
                total=sum(counts.values()),
                rate=number(None if rate is None else 100 * rate, lang, 0),
            )
        )
        self.to_write("assessment")

    def shortcomings(self, view: ReportView, roman: str) -> None:
        lang = self.lang
        self.section_heading(roman, "section_shortcomings")
        missed = [item for item in _in_pillars(view) if item.status in ("not_achieved", "at_risk", "off_track")]
        if missed:
            self.paragraph(label("shortcomings_facts", lang))
        for item in missed:
            unit = "%" if item.unit == "percent" else ""  # a count is a number of things
            self.paragraph(
                label(
                    "shortcoming_item",
                    lang,
                    name=item.short_name(lang),
                    value=value_text(item, item.value, lang) + unit,
                    target=target_text(item, lang) + unit,
                    status=label(item.status, lang),
                )
            )
        late = _late(view, lang)
        if late:
            self.paragraph(
                label("missing_reports_facts", lang, period=quarters_text([view.period], lang), agencies=late)
            )
        self.to_write("causes")

    def tasks(self, view: ReportView, roman: str) -> None:
        self.section_heading(roman, "section_tasks")
        self.to_write("tasks")

    def recommendations(self, view: ReportView, roman: str) -> None:
        self.section_heading(roman, "section_recommendations")
        self.to_write("recommendations")

    def to_write(self, what: str) -> None:
        """A marked place for the officer's own words, as the signer's name is marked."""
        self.paragraph(label("to_write", self.lang, what=label(f"to_write.{what}", self.lang)), italic=True)

    def signature(self) -> None:
        """Recipients and the signer's block (NĐ 30), left for the Department to complete."""
        table = self.document.add_table(rows=1, cols=2)
        _fix_widths(table, [7.5, 8.5])
        _no_borders(table)
        left, right = table.rows[0].cells
        paragraph = left.paragraphs[0]
        paragraph.paragraph_format.space_before = Pt(12)
        self.run(paragraph, label("legal.recipients_title", LEGAL), bold=True, italic=True, size=12)
        for line in (label("legal.recipient_committee", LEGAL), label("legal.recipient_archive", LEGAL)):
            self.paragraph(line, left, style="Normal", size=11)
        paragraph = right.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(12)
        self.run(paragraph, label("legal.signer", LEGAL), bold=True, size=BODY_PT)
        for _ in range(5):  # room for the signature and the seal
            self.paragraph("", right, style="Normal")
        self.paragraph(
            label("legal.signer_name", LEGAL),
            right,
            style="Normal",
            bold=True,
            size=BODY_PT,
            align=WD_ALIGN_PARAGRAPH.CENTER,
        )

    def annex(self, view: ReportView) -> None:
        lang, center = self.lang, WD_ALIGN_PARAGRAPH.CENTER
        self.paragraph(
            label("appendix_label", lang), style="Normal", bold=True, size=BODY_PT, align=center
        ).paragraph_format.page_break_before = True
        self.paragraph(label("appendix_title", lang), style="Normal", bold=True, size=BODY_PT, align=center)
        self.paragraph(
            label("appendix_attached", lang, legal_date=vn_date(view.date), date=_short_date(view.date, lang)),
            style="Normal",
            italic=True,
            size=BODY_PT,
            align=center,
        )
        self.rule(self.document, 3.0, PORTRAIT_WIDTH)
        self.annex_files(view)
        self.annex_findings(view)

    def annex_files(self, view: ReportView) -> None:
        lang = self.lang
        self.heading(f"1. {label('sub_files', lang)}", 2)
        if view.files:
            rows = [
                [
                    f.file + (f" [{f.sheet}]" if f.sheet else ""),
                    str(f.rows.read),
                    str(f.rows.accepted),
                    str(f.rows.rejected),
                    str(f.rows.blank),
                ]
                for f in view.files
            ]
            self.table(
                [
                    label("file", lang),
                    label("read", lang),
                    label("accepted", lang),
                    label("rejected", lang),
                    label("blank", lang),
                ],
                rows,
                [8.4, 1.9, 1.9, 1.9, 1.9],
                "lcccc",
            )
            self.paragraph(label("rows_line", lang, **asdict(view.rows)) + ".")  # read, accepted, rejected, blank
        else:
            self.paragraph(label("none", lang))

    def annex_findings(self, view: ReportView) -> None:
        lang = self.lang
        self.heading(f"2. {label('sub_findings', lang)}", 2)
        if view.findings_by_code:  # in words: the codes and the files' SHA-256 are for scripts (XLSX, JSON)
            rows = [
                [label(f"problem.{f.code}", lang), label(f.severity, lang), str(f.count)] for f in view.findings_by_code
            ]
            self.table(
                [label("problem", lang), label("severity", lang), label("count", lang)], rows, [10.0, 3.0, 3.0], "lcc"
            )
        else:
            self.paragraph(label("none", lang))


def _late(view: ReportView, lang: str) -> str:
    """The agencies that have not sent every report of the period, named; past
    :data:`~cds_cli.status.LONG_LIST` agencies, the :data:`NAMED_LATE` lowest and how many more."""
    late = [a for a in view.agencies if (a.rates.get(view.period) or 0) < 1]
    listed = listed_agencies(view)
    if len(listed) == len(view.agencies) or len(late) <= NAMED_LATE:
        return ", ".join(a.agency.name(lang) for a in late)
    is_late = {id(a) for a in late}
    named = [a.agency.name(lang) for a in listed if id(a) in is_late][:NAMED_LATE]  # the lowest first
    return ", ".join(named) + " " + label("more_agencies", lang, count=number(len(late) - len(named), lang, 0))


def _in_pillars(view: ReportView) -> list[IndicatorRow]:
    """Every indicator, pillar by pillar: the order of the tables of section II."""
    return [item for pillar in view.card.pillars for item in pillar.indicators]


def _urgency(item: IndicatorRow) -> tuple[bool, float]:
    """Sorts the trajectories to draw: not likely met first, then the widest gap."""
    likely = bool(item.projection and item.projection.likely_met)
    gap = item.gap if isinstance(item.gap, float | int) else 0
    if item.unit == "count":  # a count's gap in points of its target, beside the percents' points
        gap = 100 * gap / float(item.target)
    return likely, -gap


def _fix_widths(table, widths: list[float]) -> None:
    """Fixed column widths (cm): grid columns for LibreOffice, cell widths for Word."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(round(sum(widths) * 567)))
    for column, width in zip(table.columns, widths, strict=False):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Cm(width)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.insert_element_before(
        borders,
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
        "w:tblCaption",
        "w:tblDescription",
        "w:tblPrChange",
    )
