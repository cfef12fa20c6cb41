"""One membership card, front and back, drawn at ID-1 / CR80 size (85.60 × 53.98 mm).

It is the regency programme's own card, styled on the province's colours (a deep red
header with a gold rule and a rumah gadang roof), and must never be mistaken for a
BPJS Ketenagakerjaan card: its back says so. Everything that is the same on every card
of a job (header, labels, the whole back) is drawn once as a PDF form XObject and placed
on each card; only the participant's values and the QR code are drawn per card.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from app import fonts
from app.cards.model import CardFace, CardTexts
from app.cards.qr import Bits, inline_bits, qr_bits
from app.domain.fmt import format_date
from app.fonts import BOLD, REGULAR
from app.i18n import tr

WIDTH = 85.60 * mm
HEIGHT = 53.98 * mm

RED = HexColor("#7E1416")
RED_DARK = HexColor("#5E0D0F")
GOLD = HexColor("#C9A13B")
GOLD_LIGHT = HexColor("#F5ECD2")
INK = HexColor("#1E2430")
GREY = HexColor("#5F6673")
WHITE = HexColor("#FFFFFF")
TINT = HexColor("#FBF8F1")

MARGIN = 3.6 * mm
HEADER_H = 12.5 * mm
RULE_H = 0.8 * mm
FOOTER_H = 5.6 * mm
QR_BOX = 23.0 * mm  # the QR image, quiet zone included
QR_RIGHT = 2.6 * mm
LABEL_X = MARGIN
VALUE_X = MARGIN + 15.0 * mm
TEXT_RIGHT = WIDTH - QR_RIGHT - QR_BOX - 1.0 * mm  # nothing may enter the quiet zone
ROW_PITCH = 4.4 * mm
BODY_TOP = HEIGHT - HEADER_H - RULE_H


def fit_size(text: str, font: str, size: float, max_width: float, min_size: float) -> float:
    """The largest size ≤ ``size`` (not below ``min_size``) at which ``text`` fits."""
    w = fonts.width(text, font, 1.0)  # widths grow in proportion to the size
    if w * size <= max_width:
        return size
    return max(min_size, max_width / w * 0.999)


def _text_ops(c: Canvas, font: str, size: float, x: float, y: float, text: str) -> str:
    ttf = pdfmetrics.getFont(font)
    doc = c._doc
    ops = [f"BT {x:.2f} {y:.2f} Td"]
    for subset, chunk in ttf.splitString(text, doc):
        name = ttf.getSubsetInternalName(subset, doc)
        ops.append(f"{name} {size:.2f} Tf ({c._escape(chunk)}) Tj")
    ops.append("ET")
    return " ".join(ops)


class TextWriter:
    """Draws texts like ``drawString``, but several times faster.

    ``drawString`` builds a text object with a dozen number conversions per call; thousands
    of cards make that the largest cost of a job. This writes the same operators directly,
    with ReportLab's own subsetting of the TrueType font (``splitString``), which also
    records the glyphs used for embedding; the fill colour is the canvas's current one.

    ReportLab gives each character of a TrueType font a code in a subset of the document
    the first time it is drawn, and never changes it. Texts whose characters all sit in
    the first subset already are translated in one step; any other text goes through
    ``splitString`` as before, and the codes it gave are remembered. The operators are the
    same byte for byte.
    """

    def __init__(self, c: Canvas) -> None:
        self.c = c
        # font → (characters known in subset 0, their codes, the subset's font name)
        self._known: dict[str, tuple[set[str], dict[int, int], str]] = {}

    def put(self, font: str, size: float, x: float, y: float, text: str) -> None:
        """Draw ``text`` at (x, y) in the canvas's current fill colour."""
        c = self.c
        known = self._known.get(font)
        if text and known is not None and known[0].issuperset(text):
            _, codes, name = known
            chunk = text.translate(codes).encode("latin-1")
            c._code.append(f"BT {x:.2f} {y:.2f} Td {name} {size:.2f} Tf ({c._escape(chunk)}) Tj ET")
            return
        c._code.append(_text_ops(c, font, size, x, y, text))
        self._learn(font, text)

    def _learn(self, font: str, text: str) -> None:
        ttf = pdfmetrics.getFont(font)
        doc = self.c._doc
        known = self._known.get(font)
        if known is None:  # the font's name in this document exists once it drew a text
            known = self._known[font] = (set(), {}, ttf.getSubsetInternalName(0, doc))
        chars, codes, _ = known
        assignments = ttf.state[doc].assignments
        for ch in set(text):
            code = 32 if ch == "\xa0" else ord(ch)  # splitString draws a no-break space as one
            n = assignments.get(code)
            if n is not None and n < 256:
                chars.add(ch)
                codes[ord(ch)] = n


def fit(text: str, font: str, size: float, max_width: float, min_size: float) -> tuple[str, float]:
    """``text`` at the largest size that fits, clipped with an ellipsis below ``min_size``."""
    size = fit_size(text, font, size, max_width, min_size)
    return clip_text(text, font, size, max_width), size


NAME_SIZE = 9.6  # one line, shrunk down to NAME_TWO_LINES before breaking
NAME_TWO_LINES = 7.4  # two lines, shrunk down to NAME_SMALLEST before anything is cut
NAME_SMALLEST = 5.8  # still legible on a card held at arm's length
NAME_ROOM = TEXT_RIGHT - MARGIN


@dataclass(frozen=True)
class NameLayout:
    """How a holder's name sits on the card: its lines, their size, and whether it was cut."""

    lines: tuple[str, ...]
    size: float
    cut: bool


def name_layout(name: str, room: float = NAME_ROOM) -> NameLayout:
    """One line, shrunk; else two lines, shrunk; an ellipsis only when even that fails."""
    fonts.register()  # planning measures names before any PDF registered the fonts
    size = fit_size(name, BOLD, NAME_SIZE, room, NAME_TWO_LINES)
    if fonts.width(name, BOLD, size) <= room:
        return NameLayout((name,), size, False)
    size = NAME_TWO_LINES
    while size >= NAME_SMALLEST:
        lines = simpleSplit(name, BOLD, size, room)
        if len(lines) <= 2 and all(fonts.width(x, BOLD, size) <= room for x in lines):
            return NameLayout(tuple(lines), size, False)
        size = round(size - 0.2, 2)
    lines = simpleSplit(name, BOLD, NAME_SMALLEST, room)
    rest = clip_text(" ".join(lines[1:]), BOLD, NAME_SMALLEST, room)
    return NameLayout((clip_text(lines[0], BOLD, NAME_SMALLEST, room), rest), NAME_SMALLEST, True)


def name_is_cut(name: str) -> bool:
    """True when even the smallest size cannot show the whole name: the card shortens it."""
    return name_layout(name).cut


def clip_text(text: str, font: str, size: float, max_width: float) -> str:
    """``text`` shortened with an ellipsis until it fits (a last resort after shrinking)."""
    if fonts.width(text, font, 1.0) * size <= max_width:
        return text
    while text and fonts.width(text + "…", font, size) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


def _draw_roof(c: Canvas, x: float, y: float, w: float, color: Color) -> None:
    """A rumah gadang: two tiers of horned saddle roof (bagonjong) over a house on posts."""
    h = w * 0.75
    c.setFillColor(color)
    p = c.beginPath()
    p.moveTo(x, y + h)
    p.curveTo(x + 0.12 * w, y + 0.66 * h, x + 0.3 * w, y + 0.6 * h, x + 0.5 * w, y + 0.6 * h)
    p.curveTo(x + 0.7 * w, y + 0.6 * h, x + 0.88 * w, y + 0.66 * h, x + w, y + h)
    p.curveTo(x + 0.9 * w, y + 0.58 * h, x + 0.78 * w, y + 0.4 * h, x + 0.6 * w, y + 0.4 * h)
    p.lineTo(x + 0.4 * w, y + 0.4 * h)
    p.curveTo(x + 0.22 * w, y + 0.4 * h, x + 0.1 * w, y + 0.58 * h, x, y + h)
    p.close()
    p.moveTo(x + 0.25 * w, y + 0.95 * h)
    p.curveTo(x + 0.32 * w, y + 0.78 * h, x + 0.4 * w, y + 0.74 * h, x + 0.5 * w, y + 0.74 * h)
    p.curveTo(x + 0.6 * w, y + 0.74 * h, x + 0.68 * w, y + 0.78 * h, x + 0.75 * w, y + 0.95 * h)
    p.curveTo(x + 0.68 * w, y + 0.66 * h, x + 0.6 * w, y + 0.58 * h, x + 0.5 * w, y + 0.58 * h)
    p.curveTo(x + 0.4 * w, y + 0.58 * h, x + 0.32 * w, y + 0.66 * h, x + 0.25 * w, y + 0.95 * h)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    c.rect(x + 0.17 * w, y + 0.13 * h, 0.66 * w, 0.25 * h, stroke=0, fill=1)
    for post in (0.2, 0.47, 0.74):
        c.rect(x + post * w, y, 0.06 * w, 0.14 * h, stroke=0, fill=1)
    c.setFillColor(RED_DARK)
    for window in (0.24, 0.36, 0.58, 0.70):
        c.rect(x + window * w, y + 0.2 * h, 0.07 * w, 0.12 * h, stroke=0, fill=1)
    c.rect(x + 0.46 * w, y + 0.13 * h, 0.08 * w, 0.19 * h, stroke=0, fill=1)


def _emblem(c: Canvas, cx: float, cy: float, r: float) -> None:
    c.setFillColor(GOLD)
    c.circle(cx, cy, r, stroke=0, fill=1)
    c.setFillColor(RED_DARK)
    c.circle(cx, cy, r * 0.84, stroke=0, fill=1)
    _draw_roof(c, cx - r * 0.62, cy - r * 0.5, r * 1.24, GOLD)


@dataclass(frozen=True)
class _Rows:
    """Which rows the front shows (the KPJ number adds one)."""

    with_kpj: bool

    def labels(self) -> list[str]:
        first = [tr("KPJ no."), tr("Reg. no.")] if self.with_kpj else [tr("Reg. no.")]
        return [*first, "NIK", tr("Nagari"), tr("Programmes"), tr("Coverage")]


class CardPainter:
    """Draws fronts and backs of one job onto a canvas; static parts are drawn once."""

    def __init__(self, canvas: Canvas, texts: CardTexts) -> None:
        fonts.register()
        self.c = canvas
        self.texts = texts
        self._forms: set[str] = set()
        self._text = TextWriter(canvas)

    @staticmethod
    def _rows_top(rows: _Rows) -> float:
        # Five rows (no KPJ number yet) sit a little lower, under a roomier name.
        return float(BODY_TOP - (9.6 if rows.with_kpj else 10.8) * mm)

    # --- static parts, as forms ---------------------------------------------------

    def _form(self, name: str, draw: Callable[[], None]) -> str:
        if name not in self._forms:
            c = self.c
            c.beginForm(name, 0, 0, WIDTH, HEIGHT)
            draw()
            c.endForm()
            self._forms.add(name)
        return name

    def _front_static(self, rows: _Rows) -> None:
        c, t = self.c, self.texts
        c.setFillColor(TINT)
        c.rect(0, 0, WIDTH, HEIGHT, stroke=0, fill=1)
        # Header band, gold rule, emblem and titles.
        c.setFillColor(RED)
        c.rect(0, HEIGHT - HEADER_H, WIDTH, HEADER_H, stroke=0, fill=1)
        c.setFillColor(GOLD)
        c.rect(0, HEIGHT - HEADER_H - RULE_H, WIDTH, RULE_H, stroke=0, fill=1)
        r = 4.4 * mm
        _emblem(c, MARGIN + r - 0.6 * mm, HEIGHT - HEADER_H / 2, r)
        tx = MARGIN + 2 * r + 1.0 * mm
        room = WIDTH - tx - MARGIN
        gov = tr("Government of {regency}", regency=t.regency).upper()
        c.setFillColor(GOLD_LIGHT)
        size = fit_size(gov, BOLD, 5.4, room, 4.0)
        c.setFont(BOLD, size)
        c.drawString(tx, HEIGHT - 4.1 * mm, gov)
        c.setFillColor(WHITE)
        size = fit_size(t.programme_title, BOLD, 7.6, room, 5.0)
        c.setFont(BOLD, size)
        c.drawString(tx, HEIGHT - 7.5 * mm, clip_text(t.programme_title, BOLD, size, room))
        c.setFillColor(GOLD)
        c.setFont(BOLD, 4.9)
        c.drawString(tx, HEIGHT - 10.6 * mm, tr("MEMBERSHIP CARD"), charSpace=1.6)
        # Footer band for who pays.
        c.setFillColor(GOLD_LIGHT)
        c.rect(0, 0, WIDTH, FOOTER_H, stroke=0, fill=1)
        c.setFillColor(GOLD)
        c.rect(0, FOOTER_H, WIDTH, 0.35 * mm, stroke=0, fill=1)
        # Row labels.
        c.setFillColor(GREY)
        c.setFont(REGULAR, 5.0)
        for i, label in enumerate(rows.labels()):
            c.drawString(LABEL_X, self._rows_top(rows) - i * ROW_PITCH, label)

    def _back_static(self) -> None:
        c, t = self.c, self.texts
        c.setFillColor(WHITE)
        c.rect(0, 0, WIDTH, HEIGHT, stroke=0, fill=1)
        band = 6.2 * mm
        c.setFillColor(RED)
        c.rect(0, HEIGHT - band, WIDTH, band, stroke=0, fill=1)
        c.setFillColor(GOLD)
        c.rect(0, HEIGHT - band - 0.6 * mm, WIDTH, 0.6 * mm, stroke=0, fill=1)
        c.setFillColor(WHITE)
        c.setFont(BOLD, 6.4)
        c.drawString(MARGIN, HEIGHT - 4.1 * mm, tr("BENEFITS AND WHAT TO DO"))
        c.setFillColor(GOLD_LIGHT)
        right = clip_text(t.programme_title, REGULAR, 4.6, WIDTH / 2 - MARGIN)
        c.setFont(REGULAR, 4.6)
        c.drawRightString(WIDTH - MARGIN, HEIGHT - 4.0 * mm, right)

        sections = [
            (tr("Benefits"), t.benefits),
            (tr("After a work accident"), t.accident),
            (tr("After a death"), t.death),
        ]
        contacts = [x for x in (t.bpjs_contact, t.dinas_contact) if x.strip()]
        notice = tr(
            "This is the membership card of the programme of {regency}; it is not a BPJS "
            "Ketenagakerjaan card. Found it? Please hand it in at the kecamatan office.",
            regency=t.regency,
        )
        width = WIDTH - 2 * MARGIN
        top = HEIGHT - band - 0.6 * mm - 1.2 * mm
        bottom = 1.6 * mm
        # Shrink the body until sections, contacts and the notice fit.
        size = 6.0
        while True:
            lead = size * 1.18
            heads = [simpleSplit(h, BOLD, size, width) for h, _ in sections]
            bodies = [simpleSplit(b, REGULAR, size, width) for _, b in sections]
            cont = [simpleSplit(v, REGULAR, size - 0.3, width - 2 * mm) for v in contacts]
            small = size - 1.1
            note = simpleSplit(notice, REGULAR, small, width)
            needed = (
                sum(len(h) + len(b) for h, b in zip(heads, bodies, strict=True)) * lead
                + len(sections) * 0.8 * mm
                + sum(len(x) for x in cont) * (size - 0.3) * 1.18
                + 2.4 * mm
                + len(note) * small * 1.15
            )
            if needed <= top - bottom or size <= 4.2:
                break
            size -= 0.2
        y = top - size
        for head, body in zip(heads, bodies, strict=True):
            c.setFillColor(RED)
            c.setFont(BOLD, size)
            for line in head:
                c.drawString(MARGIN, y, line)
                y -= lead
            c.setFillColor(INK)
            c.setFont(REGULAR, size)
            for line in body:
                c.drawString(MARGIN, y, line)
                y -= lead
            y -= 0.8 * mm
        # Contacts in a tinted box, the notice under it.
        csize = size - 0.3
        box_h = sum(len(x) for x in cont) * csize * 1.18 + 1.6 * mm
        note_h = len(note) * small * 1.15
        box_y = bottom + note_h + 0.6 * mm
        c.setFillColor(GOLD_LIGHT)
        c.roundRect(MARGIN - 0.8 * mm, box_y, width + 1.6 * mm, box_h, 0.8 * mm, stroke=0, fill=1)
        yy = box_y + box_h - 0.8 * mm - csize * 0.85
        c.setFillColor(INK)
        for lines in cont:
            for line in lines:
                c.setFont(REGULAR, csize)
                c.drawString(MARGIN + 1.0 * mm, yy, line)
                yy -= csize * 1.18
        c.setFillColor(GREY)
        c.setFont(REGULAR, small)
        yy = bottom + note_h - small
        for line in note:
            c.drawString(MARGIN, yy, line)
            yy -= small * 1.15

    # --- one card -----------------------------------------------------------------

    def front(self, x: float, y: float, face: CardFace, qr: Bits | None = None) -> None:
        """Draw the front of ``face`` with its lower left corner at (x, y).

        ``qr`` is the code of ``face.payload`` when it was encoded beforehand.
        """
        c = self.c
        put = self._text.put
        rows = _Rows(with_kpj=bool(face.kpj))
        form = self._form(f"front{int(rows.with_kpj)}", lambda: self._front_static(rows))
        c.saveState()
        c.translate(x, y)
        c.doForm(form)
        # The name, shrunk to fit, on two lines when even that is not enough.
        c.setFillColor(INK)
        name = name_layout(face.name)
        if len(name.lines) == 1:
            put(BOLD, name.size, MARGIN, BODY_TOP - 5.0 * mm, name.lines[0])
        else:
            gap = name.size * 1.15  # the two lines centred where one would sit
            put(BOLD, name.size, MARGIN, BODY_TOP - 4.9 * mm + gap / 2, name.lines[0])
            put(BOLD, name.size, MARGIN, BODY_TOP - 4.9 * mm - gap / 2, name.lines[1])
        # The rows.
        start, end = face.coverage_start, face.coverage_end
        coverage = (
            tr("{start} to {end}", start=format_date(start), end=format_date(end))
            if end
            else tr("from {date}", date=format_date(start))
        )
        values = [face.kpj, face.reg_no] if face.kpj else [face.reg_no]
        values += [
            face.nik,
            f"{face.nagari}, Kec. {face.kecamatan}",  # Kec.: the same in both languages
            face.programmes,
            coverage,
        ]
        room = TEXT_RIGHT - VALUE_X
        top = self._rows_top(rows)
        for i, value in enumerate(values):
            assert value is not None
            font = BOLD if i == 0 else REGULAR
            text, size = fit(value, font, 6.9 if i == 0 else 6.3, room, 4.8)
            put(font, size, VALUE_X, top - i * ROW_PITCH, text)
        # Who pays, in the footer band.
        c.setFillColor(RED_DARK)
        payer = tr("Contributions paid by {payer}", payer=face.payer)
        text, size = fit(payer, BOLD, 5.6, WIDTH - 2 * MARGIN, 4.2)
        put(BOLD, size, MARGIN, 2.0 * mm, text)
        # The QR code (its quiet zone is part of the image) and the serial under it.
        qx = WIDTH - QR_RIGHT - QR_BOX
        qy = BODY_TOP - 0.7 * mm - QR_BOX
        c.addLiteral(inline_bits(qr or qr_bits(face.payload), qx, qy, QR_BOX))
        c.setFillColor(GREY)
        cx = qx + QR_BOX / 2
        for dy, line in (
            (0.3, tr("Serial {serial}", serial=face.serial)),
            (2.2, tr("Version {version}", version=face.version)),
        ):
            put(REGULAR, 4.5, cx - fonts.width(line, REGULAR, 4.5) / 2, qy - dy * mm, line)
        c.restoreState()

    def back(self, x: float, y: float) -> None:
        """Draw the back (the same on every card of the job) at (x, y)."""
        form = self._form("back", self._back_static)
        c = self.c
        c.saveState()
        c.translate(x, y)
        c.doForm(form)
        c.restoreState()
