"""The signed receipt list (tanda terima) of a handover event, as an A4 PDF.

A numbered table with the holder's name, masked NIK, nagari and registration number,
who received the card (the holder or a named proxy), and a wide signature column in the
Indonesian style: odd numbers sign on the left half, even numbers on the right, so that
neighbouring signatures never collide. Page numbers ("page 2 of 5") at the foot, and a
signature block for the officials present at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app import fonts
from app.cards.model import ReceiptEvent, ReceiptLine
from app.domain.fmt import format_date
from app.fonts import BOLD, REGULAR
from app.i18n import tr

RED = HexColor("#7E1416")
GRID = HexColor("#8A909B")
HEAD_BG = HexColor("#F5ECD2")
MARGIN = 15 * mm


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=8.5, leading=10.5)
    return {
        "base": base,
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER
        ),
        "sub": ParagraphStyle("sub", parent=base, fontSize=9.5, leading=12, alignment=TA_CENTER),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10),
        "small": ParagraphStyle("small", parent=base, fontSize=7, leading=8.5),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=8, leading=9.5),
        "sign": ParagraphStyle("sign", parent=base, fontSize=9, leading=11, alignment=TA_CENTER),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no types
    """Holds pages back until the end, so that each can say "page n of N"."""

    def __init__(self, *args: Any, footer: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict[str, Any]] = []
        self._footer = footer

    def showPage(self) -> None:  # a ReportLab override, named by ReportLab
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self.setFont(REGULAR, 7.5)
            self.setFillColor(HexColor("#5F6673"))
            self.drawString(MARGIN, 9 * mm, self._footer)
            self.drawRightString(
                A4[0] - MARGIN,
                9 * mm,
                tr("Page {page} of {pages}", page=self._pageNumber, pages=total),
            )
            super().showPage()
        super().save()


def render_receipt(
    event: ReceiptEvent,
    lines: Sequence[ReceiptLine],
    out: Path | BinaryIO,
    *,
    invariant: bool = False,
) -> int:
    """Write the receipt list of one event; returns its page count."""
    fonts.register()
    st = _styles()
    story: list[Any] = [
        Paragraph(_esc(tr("RECEIPT OF MEMBERSHIP CARDS")), st["title"]),
        Paragraph(_esc(f"{event.programme_title} · {event.regency}"), st["sub"]),
        Spacer(1, 3 * mm),
    ]
    facts = [
        (tr("Event"), f"{event.event_id}" + ("" if event.closed else f" ({tr('still open')})")),
        (tr("Date"), format_date(event.date)),
        (tr("Place"), event.place),
        (tr("Office"), event.office),
        (tr("Cards handed over"), str(len(lines))),
    ]
    info = Table(
        [[Paragraph(_esc(k), st["head"]), Paragraph(_esc(v), st["cell"])] for k, v in facts],
        colWidths=[35 * mm, None],
        hAlign="LEFT",
    )
    info.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    story += [info, Spacer(1, 3 * mm)]

    header = [
        tr("No."),
        tr("Name"),
        "NIK",
        tr("Nagari"),
        tr("Registration no."),
        tr("Received by"),
        tr("Signature"),
        "",
    ]
    rows: list[list[Any]] = [[Paragraph(_esc(h), st["head"]) for h in header]]
    for n, line in enumerate(lines, start=1):
        who = tr("proxy: {name}", name=line.proxy) if line.proxy else tr("in person")
        mark = f"{n}. ……………"
        rows.append(
            [
                str(n),
                Paragraph(_esc(line.name), st["cell"]),
                Paragraph(_esc(line.nik), st["small"]),
                Paragraph(_esc(line.nagari), st["cell"]),
                Paragraph(_esc(line.reg_no), st["small"]),
                Paragraph(_esc(who), st["small"]),
                mark if n % 2 else "",
                "" if n % 2 else mark,
            ]
        )
    if not lines:
        rows.append(["", Paragraph(_esc(tr("No cards were handed over.")), st["cell"])] + [""] * 6)
    empty = [("SPAN", (1, 1), (5, 1))] if not lines else []
    widths = [10 * mm, 34 * mm, 27 * mm, 24 * mm, 25 * mm, 24 * mm, 18 * mm, 18 * mm]
    table = LongTable(
        rows, colWidths=widths, repeatRows=1, rowHeights=[None] + [10.5 * mm] * (len(rows) - 1)
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
                ("GRID", (0, 0), (5, -1), 0.4, GRID),
                ("BOX", (6, 0), (7, -1), 0.4, GRID),
                ("LINEBELOW", (6, 0), (7, -1), 0.4, GRID),
                ("SPAN", (6, 0), (7, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, -1), "RIGHT"),
                ("FONTSIZE", (6, 1), (7, -1), 7.5),
                ("VALIGN", (6, 1), (7, -1), "BOTTOM"),
                ("BOTTOMPADDING", (6, 1), (7, -1), 3),
                *empty,
            ]
        )
    )
    story += [table, Spacer(1, 8 * mm)]

    # The officials' signature block: three to a row, each with a line to sign on.
    officials = list(event.officials) or [tr("Officer")]
    cells = []
    for official in officials:
        role, _, name = official.partition(":")
        title, person = (role.strip(), name.strip()) if name.strip() else ("", role.strip())
        cells.append(
            [
                Paragraph(_esc(title) or "&nbsp;", st["sign"]),
                Spacer(1, 16 * mm),
                Paragraph("( " + _esc(person) + " )", st["sign"]),
            ]
        )
    grid: list[list[Any]] = [cells[i : i + 3] for i in range(0, len(cells), 3)]
    grid[-1] += [""] * (3 - len(grid[-1]))
    block = Table(grid, colWidths=[(A4[0] - 2 * MARGIN) / 3] * 3)
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(
        KeepTogether(
            [
                Paragraph(
                    _esc(
                        tr(
                            "{place}, {date}. Handed over in the presence of:",
                            place=event.place,
                            date=format_date(event.date),
                        )
                    ),
                    st["base"],
                ),
                Spacer(1, 3 * mm),
                block,
            ]
        )
    )

    footer = tr(
        "Receipt of event {id} · printed {when} · Lindungi",
        id=event.event_id,
        when=event.printed_at.strftime("%d/%m/%Y %H:%M"),
    )
    target = str(out) if isinstance(out, Path) else out
    doc = SimpleDocTemplate(
        target,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=18 * mm,
        title=tr("Receipt of membership cards"),
        author="Lindungi",
        creator="Lindungi",
        invariant=int(invariant),
    )

    def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
        return _NumberedCanvas(*args, footer=footer, **kwargs)

    doc.build(story, canvasmaker=make_canvas)
    return int(doc.page)
