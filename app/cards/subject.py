"""The PDF that hands a participant everything stored about them (UU PDP, right of access).

Plain data in, a PDF out: no Qt, no database. Texts come from the core's catalogue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app import fonts
from app.i18n import tr


@dataclass(frozen=True)
class SubjectData:
    """What is stored about one person, already in words."""

    regency: str
    fields: Sequence[tuple[str, str]]
    history: Sequence[tuple[str, str, str, str]]  # when, who, what, details
    printed_at: dt.datetime


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render(data: SubjectData, path: Path) -> None:
    """Write the report to ``path`` (A4, page numbers, the regency's name)."""
    fonts.register()
    body = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=9, leading=11)
    title = ParagraphStyle("title", fontName=fonts.BOLD, fontSize=14, leading=18)
    head = ParagraphStyle("head", fontName=fonts.BOLD, fontSize=11, leading=14, spaceBefore=8)
    story: list[object] = [
        Paragraph(_esc(tr("Personal data stored by Lindungi")), title),
        Paragraph(_esc(data.regency), body),
        Paragraph(
            _esc(tr("Printed {date}", date=data.printed_at.strftime("%d/%m/%Y %H:%M"))), body
        ),
        Spacer(1, 4 * mm),
        Paragraph(_esc(tr("The record")), head),
    ]
    grid = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9),
            ("FONT", (0, 0), (0, -1), fonts.BOLD, 9),
            ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    story.append(
        Table(
            [[Paragraph(_esc(k), body), Paragraph(_esc(v), body)] for k, v in data.fields],
            colWidths=[50 * mm, 120 * mm],
            style=grid,
        )
    )
    story.append(Paragraph(_esc(tr("History")), head))
    rows = [
        [Paragraph(_esc(x), body) for x in (tr("Time"), tr("User"), tr("Action"), tr("Details"))]
    ]
    rows += [[Paragraph(_esc(c), body) for c in entry] for entry in data.history]
    hist_style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8efe9")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    story.append(
        Table(rows, colWidths=[28 * mm, 24 * mm, 24 * mm, 94 * mm], style=hist_style, repeatRows=1)
    )

    def page(canvas: object, doc: object) -> None:
        canvas.setFont(fonts.REGULAR, 8)  # type: ignore[attr-defined]
        canvas.drawRightString(  # type: ignore[attr-defined]
            A4[0] - 20 * mm,
            10 * mm,
            tr("Page {n}", n=doc.page),  # type: ignore[attr-defined]
        )

    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=tr("Personal data stored by Lindungi"),
    )
    doc.build(story, onFirstPage=page, onLaterPages=page)
