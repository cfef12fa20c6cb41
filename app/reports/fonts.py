"""The TTF fonts reports embed: ReportLab's built-in fonts show ■ outside Latin-1.

The same DejaVu Sans Condensed files as the cards (``resources/fonts/``, with their
licence), registered under the reports' own names so that neither package depends on the
other. A PDF embeds only the subset of glyphs it uses.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource

REGULAR = "ReportSans"
BOLD = "ReportSans-Bold"
_FILES = {REGULAR: "DejaVuSansCondensed.ttf", BOLD: "DejaVuSansCondensed-Bold.ttf"}
_lock = threading.Lock()


def register() -> None:
    """Register the fonts once per process (thread-safe, cheap afterwards)."""
    if BOLD in pdfmetrics.getRegisteredFontNames():
        return
    with _lock:
        if BOLD in pdfmetrics.getRegisteredFontNames():
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR)


def width(text: str, font: str, size: float) -> float:
    """The width of ``text`` in points."""
    return float(pdfmetrics.stringWidth(text, font, size))
