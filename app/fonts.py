"""The TTF fonts every PDF embeds (cards, receipts, reports): ReportLab's built-in fonts
know only Latin-1 and show ■ for anything else.

DejaVu Sans Condensed (regular and bold) ships in ``resources/fonts/`` with its licence;
a PDF embeds the subset of glyphs it uses, so names in any script print as written. Cards
and reports are sibling layers that may not import each other, so this module sits beside
``app.paths``, outside both.
"""

from __future__ import annotations

import functools
import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource

REGULAR = "LindungiSans"
BOLD = "LindungiSans-Bold"
_FILES = {REGULAR: "DejaVuSansCondensed.ttf", BOLD: "DejaVuSansCondensed-Bold.ttf"}
_lock = threading.Lock()


def register() -> None:
    """Register the fonts with ReportLab once per process (thread-safe, cheap after)."""
    if BOLD in pdfmetrics.getRegisteredFontNames():
        return
    with _lock:
        if BOLD in pdfmetrics.getRegisteredFontNames():
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR)


def width(text: str, font: str, size: float) -> float:
    """The width of ``text`` in points (measured once per text and font: cards repeat
    their nagari, programmes and payer lines thousands of times)."""
    return _unit_width(text, font) * size


@functools.lru_cache(maxsize=8192)
def _unit_width(text: str, font: str) -> float:
    return float(pdfmetrics.stringWidth(text, font, 1.0))
