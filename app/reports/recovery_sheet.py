"""The recovery sheet ("Kunci pemulihan"): one A4 page with the recovery key of an install,
printed once at setup and kept locked away.

Every text arrives already in the reader's language (the service renders it); this module
only draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app import fonts
from app.fonts import BOLD, REGULAR


@dataclass(frozen=True)
class RecoverySheet:
    """What the sheet says."""

    title: str  # "Kunci pemulihan"
    install: str  # "Kamang Baru (130306-A)"
    made: str  # "07/12/2026 09:15"
    key: str  # "ABCD-EFGH-…"
    warning: str  # what losing it means
    steps: list[str]  # how to use it
    keep: str  # where to keep it
    footer: str


def _wrap(text: str, font: str, size: float, room: float) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and fonts.width(trial, font, size) > room:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


def write(sheet: RecoverySheet, path: Path) -> Path:
    """Draw ``sheet`` into the PDF at ``path`` (written owner-only by the caller's folder)."""
    fonts.register()
    width, height = A4
    margin = 20 * mm
    room = width - 2 * margin
    c = Canvas(str(path), pagesize=A4, pageCompression=1)
    c.setTitle(sheet.title)
    c.setAuthor("Lindungi")
    y = height - margin
    c.setFont(BOLD, 22)
    c.drawString(margin, y - 8 * mm, sheet.title)
    y -= 16 * mm
    c.setFont(REGULAR, 11)
    c.drawString(margin, y, sheet.install)
    y -= 6 * mm
    c.drawString(margin, y, sheet.made)
    y -= 12 * mm
    # The key, large, in a box.
    box_h = 26 * mm
    c.setStrokeColor(colors.black)
    c.setLineWidth(1.5)
    c.rect(margin, y - box_h, room, box_h)
    c.setFont(BOLD, 24)
    key_w = fonts.width(sheet.key, BOLD, 24)
    c.drawString(margin + (room - key_w) / 2, y - box_h / 2 - 3 * mm, sheet.key)
    y -= box_h + 10 * mm
    # The warning, in a shaded band.
    lines = _wrap(sheet.warning, BOLD, 11.5, room - 8 * mm)
    band = (len(lines) * 5.5 + 6) * mm
    c.setFillColor(colors.Color(1, 0.93, 0.85))
    c.rect(margin, y - band, room, band, stroke=0, fill=1)
    c.setFillColor(colors.black)
    c.setFont(BOLD, 11.5)
    ty = y - 6 * mm
    for line in lines:
        c.drawString(margin + 4 * mm, ty, line)
        ty -= 5.5 * mm
    y -= band + 8 * mm
    c.setFont(REGULAR, 11)
    for number, step in enumerate(sheet.steps, 1):
        first = True
        for line in _wrap(step, REGULAR, 11, room - 8 * mm):
            if first:
                c.drawString(margin, y, f"{number}.")
                first = False
            c.drawString(margin + 8 * mm, y, line)
            y -= 5.5 * mm
        y -= 2 * mm
    y -= 4 * mm
    c.setFont(BOLD, 11)
    for line in _wrap(sheet.keep, BOLD, 11, room):
        c.drawString(margin, y, line)
        y -= 5.5 * mm
    c.setFont(REGULAR, 8.5)
    c.setFillColor(colors.grey)
    c.drawString(margin, margin, sheet.footer)
    c.showPage()
    c.save()
    return path
