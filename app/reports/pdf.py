"""Reports as A4 PDF: letterhead, tables, bar charts, signature block, "Halaman X dari Y".

Drawn with ReportLab's platypus and its graphics (no screenshots of Qt charts), with the
DejaVu font embedded so that every name prints as written. The file is written under a
temporary name and renamed, so that a failure never leaves half a report.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from app import fonts
from app.fonts import BOLD, REGULAR
from app.paths import temp_beside
from app.reports.model import (
    BarChart,
    Kind,
    Report,
    Signature,
    Table,
    format_cell,
    format_int,
    format_money,
    labelled_total,
)
from app.reports.model import Paragraph as TextSection

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X

log = logging.getLogger(__name__)

INK = colors.HexColor("#1a1a1a")
RULE = colors.HexColor("#6b7785")
HEAD_BG = colors.HexColor("#dde6f0")
ZEBRA = colors.HexColor("#f5f7fa")
GROUP_BG = colors.HexColor("#eef1f5")
TOTAL_BG = colors.HexColor("#e4e8ee")
SERIES = [colors.HexColor("#2f5d8a"), colors.HexColor("#b9c9da"), colors.HexColor("#d98c3a")]


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=8.5, leading=10.5, textColor=INK)
    return {
        "gov": ParagraphStyle(
            "gov", parent=base, fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER
        ),
        "office": ParagraphStyle(
            "office", parent=base, fontName=BOLD, fontSize=14.5, leading=18, alignment=TA_CENTER
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=11.5, leading=14.5, alignment=TA_CENTER
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=10, leading=13, alignment=TA_CENTER
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontName=BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=9,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "heading_free": ParagraphStyle(
            "heading_free",
            parent=base,
            fontName=BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=9,
            spaceAfter=4,
        ),
        "notice": ParagraphStyle("notice", parent=base, fontName=BOLD, fontSize=9.5, leading=12.5),
        "cell": base,
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=BOLD),
        "head": ParagraphStyle(
            "head", parent=base, fontName=BOLD, fontSize=8, leading=9.5, alignment=TA_CENTER
        ),
        "note": ParagraphStyle(
            "note", parent=base, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#444444")
        ),
        "text": ParagraphStyle("text", parent=base, fontSize=9, leading=12, spaceAfter=4),
        "sign": ParagraphStyle("sign", parent=base, fontSize=9.5, leading=12.5, alignment=TA_LEFT),
        "address": ParagraphStyle(
            "address", parent=base, fontSize=8.5, leading=11, alignment=TA_CENTER
        ),
        "sign_name": ParagraphStyle(
            "sign_name", parent=base, fontName=BOLD, fontSize=9.5, leading=12.5
        ),
    }


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- page furniture ------------------------------------------------------------------


def _numbered_canvas(report: Report) -> type[Canvas]:
    """A canvas that holds pages back until the end, to write "Halaman X dari Y"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no types
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # The default Helvetica would be referenced (never embedded) on every page.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, total: int) -> None:
            page = self.getPageNumber()
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            y = MARGIN_BOTTOM - 6 * mm
            self.line(MARGIN_X, y + 3.2 * mm, PAGE_W - MARGIN_X, y + 3.2 * mm)
            self.setFont(REGULAR, 7.5)
            self.setFillColor(INK)
            left = report.labels.printed.format(date=report.printed.strftime("%d/%m/%Y"))
            if report.footer_note:
                left = f"{report.footer_note} · {left}"
            self.drawString(MARGIN_X, y, left)
            self.drawRightString(
                PAGE_W - MARGIN_X, y, report.labels.page.format(page=page, pages=total)
            )
            self.restoreState()

    return NumberedCanvas


def _fit(text: str, font: str, size: float, room: float) -> str:
    """``text`` cut with an ellipsis to fit ``room`` points."""
    if fonts.width(text, font, size) <= room:
        return text
    while text and fonts.width(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _later_page_header(report: Report) -> Callable[[Canvas, Any], None]:
    def draw(c: Canvas, _doc: Any) -> None:
        c.saveState()
        c.setFillColor(INK)
        y = PAGE_H - 11 * mm
        left = report.running_head or report.title
        right = f"{report.government} · {report.office}"
        room = FRAME_W - fonts.width(left, BOLD, 7.5) - 8 * mm
        c.setFont(BOLD, 7.5)
        c.drawString(MARGIN_X, y, _fit(left, BOLD, 7.5, FRAME_W * 0.6))
        c.setFont(REGULAR, 7.5)
        c.drawRightString(
            PAGE_W - MARGIN_X, y, _fit(right, REGULAR, 7.5, max(room, FRAME_W * 0.38))
        )
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        c.line(MARGIN_X, y - 2 * mm, PAGE_W - MARGIN_X, y - 2 * mm)
        c.restoreState()

    return draw


CREST_H = 22 * mm


def _crest(data: bytes) -> Flowable | None:
    """The crest scaled to the letterhead's height, or None when it cannot be read."""
    try:
        reader = ImageReader(io.BytesIO(data))
        w, h = reader.getSize()
    except Exception:  # a stored image that no longer reads: the letterhead goes without
        log.warning("the letterhead's crest cannot be read; printed without it")
        return None
    if not w or not h:
        return None
    return Image(io.BytesIO(data), width=CREST_H * w / h, height=CREST_H)


def _letterhead(report: Report, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    lines: list[Flowable] = [
        Paragraph(_escape(report.government.upper()), st["gov"]),
        Paragraph(_escape(report.office.upper()), st["office"]),
    ]
    if report.address:
        lines.append(Paragraph(_escape(report.address), st["address"]))
    crest = _crest(report.crest) if report.crest else None
    head: list[Flowable]
    if crest is not None:
        # The crest on the left, the names centred over the page as on the Dinas's paper.
        side = CREST_H + 4 * mm
        table = PdfTable(
            [[crest, lines, ""]], colWidths=[side, FRAME_W - 2 * side, side], hAlign="CENTER"
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
                ]
            )
        )
        head = [table]
    else:
        head = lines
    return [
        *head,
        Spacer(1, 2.5 * mm),
        HRFlowable(width="100%", thickness=1.6, color=INK, spaceBefore=0, spaceAfter=0.8),
        HRFlowable(width="100%", thickness=0.5, color=INK, spaceBefore=0, spaceAfter=6 * mm),
        Paragraph(_escape(report.title.upper()), st["title"]),
        Paragraph(_escape(report.subtitle), st["subtitle"]),
        Spacer(1, 5 * mm),
    ]


# --- sections ------------------------------------------------------------------------


def _col_widths(table: Table) -> list[float]:
    weights = [c.width for c in table.columns]
    whole = sum(weights)
    return [FRAME_W * w / whole for w in weights]


def _cell(value: Any, kind: Kind, style: ParagraphStyle) -> Any:
    text = format_cell(value, kind)
    if kind is Kind.TEXT:
        return Paragraph(_escape(text), style)
    return text


def _table(section: Table, st: dict[str, ParagraphStyle], total_label: str) -> list[Flowable]:
    cols = section.columns
    header = [Paragraph(_escape(c.title), st["head"]) for c in cols]
    data: list[list[Any]] = [header]
    for i, row in enumerate(section.rows):
        bold = i in section.group_rows or i in section.subtotal_rows
        style = st["cell_bold"] if bold else st["cell"]
        if i in section.group_rows:
            data.append([Paragraph(_escape(str(row[0])), style)] + [""] * (len(cols) - 1))
        else:
            data.append([_cell(v, c.kind, style) for v, c in zip(row, cols, strict=False)])
    span = 0
    if section.total is not None:
        total, span = labelled_total(section, total_label)
        data.append(
            [
                _cell(v, Kind.TEXT if j == 0 and span else c.kind, st["cell_bold"])
                for j, (v, c) in enumerate(zip(total, cols, strict=False))
            ]
        )
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.35, RULE),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
    ]
    for j, c in enumerate(cols):
        if c.kind is not Kind.TEXT:
            commands.append(("ALIGN", (j, 1), (j, -1), "RIGHT"))
    for i in range(len(section.rows)):
        r = i + 1
        if i in section.group_rows:
            commands += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), GROUP_BG)]
        elif i in section.subtotal_rows:
            commands += [
                ("FONT", (0, r), (-1, r), BOLD, 8.5),
                ("LINEABOVE", (0, r), (-1, r), 0.6, INK),
            ]
        elif r % 2 == 0:
            commands.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
    group_start: int | None = None
    for i in range(len(section.rows)):
        if i in section.group_rows:
            group_start = i + 1
        elif i in section.subtotal_rows and group_start is not None:
            commands.append(("NOSPLIT", (0, group_start), (-1, i + 1)))
            group_start = None
    if span:
        commands += [("SPAN", (0, -1), (span, -1)), ("ALIGN", (0, -1), (0, -1), "LEFT")]
    if section.total is not None:
        commands += [
            ("FONT", (0, -1), (-1, -1), BOLD, 8.5),
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
        ]
    t = PdfTable(data, colWidths=_col_widths(section), repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle(commands))
    notes: list[Flowable] = []
    if section.note:
        notes = [Spacer(1, 1.5 * mm), Paragraph(_escape(section.note), st["note"])]
    if len(section.rows) <= 16:
        return [KeepTogether([Paragraph(_escape(section.title), st["heading"]), t, *notes])]
    # A long table splits across pages (its header repeated), but its heading never stays
    # alone at the foot of a page: keepWithNext would move the whole table instead.
    heading = Paragraph(_escape(section.title), st["heading_free"])
    # Room for the heading, the header and the first unsplittable group of rows.
    first_group = min(section.subtotal_rows, default=4) + 1
    need = min(PAGE_H / 2, 22 * mm + first_group * 5.6 * mm)
    return [CondPageBreak(need), heading, t, *notes]


def _axis_label(value: float, money: bool) -> str:
    v = round(value)
    if not money or v == 0:
        return format_int(v)
    if v >= 1_000_000_000:
        return f"{v / 1_000_000_000:.1f}".replace(".", ",") + " M"
    if v >= 1_000_000:
        return f"{v / 1_000_000:.1f}".replace(".", ",") + " jt"
    return format_money(v)


def _nice_max(value: int) -> tuple[int, int]:
    """A round top for the value axis and its step (about five gridlines)."""
    if value <= 0:
        return 10, 2
    value = value + value // 20  # room above the highest bar for its label
    raw = value / 5
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for m in (1, 2, 2.5, 5, 10):
        step = int(m * magnitude) or 1
        if step * 5 >= value:
            return step * 5, step
        if step * 6 >= value:
            return step * 6, step
    step = 10 * magnitude
    return step * ((value + step - 1) // step), step


def _chart(section: BarChart, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    width, height = FRAME_W, 78 * mm
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=7.5)
    chart = VerticalBarChart()
    longest = max((len(c) for c in section.categories), default=0)
    angled = longest * len(section.categories) > 90
    bottom = 20 * mm if angled else 10 * mm
    chart.x = 17 * mm
    chart.y = bottom
    chart.width = width - chart.x - 4 * mm
    chart.height = height - bottom - 12 * mm
    chart.data = [s.values for s in section.series]
    chart.categoryAxis.categoryNames = section.categories
    labels = chart.categoryAxis.labels
    labels.fontName = REGULAR
    labels.fontSize = 7.5
    if angled:
        labels.angle = 30
        labels.boxAnchor = "ne"
        labels.dx = 2
        labels.dy = -2
    else:
        labels.boxAnchor = "n"
        labels.dy = -3
    top, step = _nice_max(max((max(s.values, default=0) for s in section.series), default=0))
    axis = chart.valueAxis
    axis.valueMin = 0
    axis.valueMax = top
    axis.valueStep = step
    axis.labels.fontName = REGULAR
    axis.labels.fontSize = 7
    # Clear of the ticks: the labels end a few points left of where the ticks begin.
    axis.tickLeft = 3
    axis.labels.boxAnchor = "e"
    axis.labels.dx = -6
    axis.labelTextFormat = lambda v: _axis_label(v, section.money)
    axis.visibleGrid = True
    axis.gridStrokeColor = colors.HexColor("#d5dbe2")
    axis.gridStrokeWidth = 0.4
    axis.strokeColor = RULE
    chart.categoryAxis.strokeColor = RULE
    chart.barSpacing = 1
    chart.groupSpacing = 6
    chart.bars.strokeColor = None
    for i in range(len(section.series)):
        chart.bars[i].fillColor = SERIES[i % len(SERIES)]
    if len(section.categories) <= 14:
        chart.barLabelFormat = lambda v: _axis_label(v, section.money)
        chart.barLabels.fontName = REGULAR
        chart.barLabels.fontSize = 6
        chart.barLabels.nudge = 5
        chart.barLabels.boxAnchor = "s"
    drawing.add(chart)
    # The legend names every series beside its colour, one series included.
    legend = Legend()
    legend.x = width - 4 * mm
    legend.y = height - 2 * mm
    legend.boxAnchor = "ne"
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 60
    legend.dx = 7
    legend.dy = 7
    legend.fontName = REGULAR
    legend.fontSize = 7.5
    legend.strokeColor = None
    legend.colorNamePairs = [
        (SERIES[i % len(SERIES)], s.label) for i, s in enumerate(section.series)
    ]
    legend.variColumn = 1
    legend.dxTextSpace = 4
    legend.autoXPadding = 12
    drawing.add(legend)
    return [
        CondPageBreak(height + 14 * mm),
        Paragraph(_escape(section.title), st["heading"]),
        drawing,
    ]


def _signature(sig: Signature, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    lines: list[Any] = [[Paragraph(_escape(sig.place_date), st["sign"])]]
    for line in sig.title_lines:
        lines.append([Paragraph(_escape(line), st["sign"])])
    lines.append([Spacer(1, 20 * mm)])
    name = sig.name.strip()
    shown = f"<u>{_escape(name)}</u>" if name else "(" + "." * 48 + ")"
    lines.append([Paragraph(shown, st["sign_name"])])
    lines.append([Paragraph(_escape(sig.id_line), st["sign"])])
    block = PdfTable(lines, colWidths=[78 * mm], hAlign="RIGHT")
    block.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]
        )
    )
    return [Spacer(1, 8 * mm), block]


# --- the document --------------------------------------------------------------------


def render(report: Report) -> bytes:
    """The report as PDF bytes."""
    fonts.register()
    st = _styles()
    story: list[Flowable] = _letterhead(report, st)
    for section in report.sections:
        if isinstance(section, Table):
            story += _table(section, st, report.labels.total)
        elif isinstance(section, BarChart):
            story += _chart(section, st)
        elif isinstance(section, TextSection) and section.notice:
            box = PdfTable([[Paragraph(_escape(section.text), st["notice"])]], colWidths=[FRAME_W])
            box.setStyle(
                TableStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), BOLD, 9.5),
                        ("BACKGROUND", (0, 0), (-1, -1), GROUP_BG),
                        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                        ("TOPPADDING", (0, 0), (-1, -1), 6),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                        ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ]
                )
            )
            story += [box, Spacer(1, 3 * mm)]
        elif isinstance(section, TextSection):
            story.append(Paragraph(_escape(section.text), st["text"]))
    if report.signature is not None:
        sign = _signature(report.signature, st)
        last = story[-1] if story else None
        if isinstance(last, KeepTogether):
            # A signature never stands alone on a page: it goes with the last small section.
            story[-1] = KeepTogether([*last._content, *sign])
        else:
            story += sign
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{report.title} {report.subtitle}".strip(),
        author=report.office,
        subject=report.government,
        creator="Lindungi",
    )
    doc.build(
        story,
        onLaterPages=_later_page_header(report),
        canvasmaker=_numbered_canvas(report),
    )
    return buffer.getvalue()


def write(report: Report, path: Path) -> None:
    """Write the report to ``path`` (through a temporary file and a rename).

    Raises:
        OSError: the file cannot be written.
    """
    data = render(report)
    tmp = temp_beside(path, ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
