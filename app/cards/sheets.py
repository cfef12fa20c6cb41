"""Cards onto paper: A4 sheets of ten with cut marks, or one CR80 card a page.

A4: two columns of five cards, fronts on one page and backs on the next, placed for
long-edge duplex (the printers' default): the sheet turns over its long edge, so a back
sits mirrored left to right behind its front. CR80: the page is the card; front, back,
front, back … for a card printer printing both sides. Printer calibration moves fronts
and backs separately by a few millimetres.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from app import fonts
from app.cards.card import HEIGHT, WIDTH, CardPainter
from app.cards.model import Calibration, CardFace, CardTexts, Layout, RenderCancelled
from app.cards.qr import Bits
from app.cards.qrpool import encoded
from app.domain.progress import Progress
from app.fonts import BOLD, REGULAR
from app.i18n import fmt_decimal, tr

PAGE_W, PAGE_H = A4
COLS, ROWS = 2, 5
PER_SHEET = COLS * ROWS
GAP_X = 6.0 * mm
GAP_Y = 2.0 * mm
MARGIN_X = (PAGE_W - COLS * WIDTH - (COLS - 1) * GAP_X) / 2
MARGIN_Y = (PAGE_H - ROWS * HEIGHT - (ROWS - 1) * GAP_Y) / 2
MARK_GAP = 1.2 * mm  # between a card's edge and the start of its cut mark
MARK_LEN = 4.0 * mm
MARK_COLOR = HexColor("#000000")


def slot(index: int, *, back: bool = False) -> tuple[float, float]:
    """Lower left corner (points) of card ``index`` (0–9) on an A4 sheet.

    Cards fill the sheet row by row from the top left; on the back page the columns swap,
    because long-edge duplex turns the sheet over its long (vertical) edge.
    """
    row, col = divmod(index, COLS)
    x = MARGIN_X + col * (WIDTH + GAP_X)
    y = PAGE_H - MARGIN_Y - HEIGHT - row * (HEIGHT + GAP_Y)
    if back:
        x = PAGE_W - x - WIDTH
    return x, y


def _cut_marks(c: Canvas) -> None:
    """Marks in the margins on every line a guillotine must cut along."""
    c.setStrokeColor(MARK_COLOR)
    c.setLineWidth(0.3)
    xs = sorted({slot(i)[0] for i in range(COLS)} | {slot(i)[0] + WIDTH for i in range(COLS)})
    ys = sorted(
        {slot(r * COLS)[1] for r in range(ROWS)} | {slot(r * COLS)[1] + HEIGHT for r in range(ROWS)}
    )
    top, bottom = ys[-1], ys[0]
    left, right = xs[0], xs[-1]
    for x in xs:
        c.line(x, top + MARK_GAP, x, top + MARK_GAP + MARK_LEN)
        c.line(x, bottom - MARK_GAP, x, bottom - MARK_GAP - MARK_LEN)
    for y in ys:
        c.line(left - MARK_GAP, y, left - MARK_GAP - MARK_LEN, y)
        c.line(right + MARK_GAP, y, right + MARK_GAP + MARK_LEN, y)
    # Short ticks in the gutter between the columns, for cutting a sheet in halves first.
    mid_l, mid_r = xs[1], xs[2]
    for y in ys:
        c.line(mid_l + 0.8 * mm, y, mid_r - 0.8 * mm, y)


def _new_canvas(
    out: Path | BinaryIO, size: tuple[float, float], title: str, invariant: bool
) -> Canvas:
    fonts.register()
    target = str(out) if isinstance(out, Path) else out
    c = Canvas(
        target,
        pagesize=size,
        pageCompression=1,
        invariant=int(invariant),
        initialFontName=REGULAR,  # else Helvetica, unembedded, is listed in every PDF
    )
    c.setTitle(title)
    c.setAuthor("Lindungi")
    c.setCreator("Lindungi")
    return c


@contextlib.contextmanager
def _plain_streams() -> Iterator[None]:
    """Switch off ReportLab's ASCII85 armour of streams (binary PDF streams are normal):
    in pure Python it costs more than drawing the cards, and it makes files 25 % larger."""
    old = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = old


def render_cards(
    faces: Sequence[CardFace],
    texts: CardTexts,
    out: Path | BinaryIO,
    *,
    layout: Layout = Layout.A4,
    calibration: Calibration | None = None,
    progress: Progress | None = None,
    invariant: bool = False,
) -> int:
    """Write the cards of ``faces`` to a PDF; returns its page count.

    Args:
        progress: called with (cards done, cards in all) after every sheet (A4) or every
            ten cards (CR80); returning False stops the job.

    Raises:
        RenderCancelled: ``progress`` returned False; the output is incomplete.
    """
    with _plain_streams(), encoded([f.payload for f in faces]) as codes:
        cal = calibration or Calibration()
        return _render(faces, codes, texts, out, layout, cal, progress, invariant)


def _render(
    faces: Sequence[CardFace],
    codes: Iterator[Bits],
    texts: CardTexts,
    out: Path | BinaryIO,
    layout: Layout,
    cal: Calibration,
    progress: Progress | None,
    invariant: bool,
) -> int:
    size = A4 if layout is Layout.A4 else (WIDTH, HEIGHT)
    c = _new_canvas(out, size, tr("Membership cards"), invariant)
    painter = CardPainter(c, texts)
    total = len(faces)
    fx, fy = cal.front_x * mm, -cal.front_y * mm
    bx, by = cal.back_x * mm, -cal.back_y * mm
    pages = 0
    for start in range(0, total, PER_SHEET):
        chunk = faces[start : start + PER_SHEET]
        if layout is Layout.A4:
            _cut_marks_at(c, fx, fy)
            for i, face in enumerate(chunk):
                x, y = slot(i)
                painter.front(x + fx, y + fy, face, next(codes))
            c.showPage()
            for i in range(len(chunk)):
                x, y = slot(i, back=True)
                painter.back(x + bx, y + by)
            c.showPage()
            pages += 2
        else:
            for face in chunk:
                painter.front(fx, fy, face, next(codes))
                c.showPage()
                painter.back(bx, by)
                c.showPage()
                pages += 2
        done = start + len(chunk)
        if progress is not None and not progress(done, total):
            raise RenderCancelled
    if total == 0:
        c.showPage()
        pages = 1
    c.save()
    return pages


def _cut_marks_at(c: Canvas, dx: float, dy: float) -> None:
    c.saveState()
    c.translate(dx, dy)
    _cut_marks(c)
    c.restoreState()


# --- calibration ----------------------------------------------------------------------

_LINE = HexColor("#1E2430")
_SOFT = HexColor("#9AA1AD")
_ACCENT = HexColor("#7E1416")
REF = 10.0  # mm from the paper's left and top edges to the reference lines


def _reference_lines(c: Canvas, w: float, h: float, ref: float, label: str) -> None:
    """Line A at ``ref`` mm from the left edge, line B at ``ref`` mm from the top edge."""
    c.setStrokeColor(_ACCENT)
    c.setFillColor(_ACCENT)
    c.setLineWidth(0.4)
    x, y = ref * mm, h - ref * mm
    c.line(x, h * 0.3, x, h * 0.7)
    c.line(w * 0.3, y, w * 0.7, y)
    c.setFont(BOLD, 7)
    c.drawString(x + 1 * mm, h * 0.7 - 3 * mm, f"A ({ref:g} mm)")
    c.drawString(w * 0.7 - 14 * mm, y - 3.5 * mm, f"B ({ref:g} mm)")
    c.setFont(BOLD, 9)
    c.drawCentredString(w / 2, h / 2 + 12 * mm, label)


def reference_mm(layout: Layout) -> float:
    """Where the calibration page's lines A and B should be: mm from the paper's edges."""
    return REF if layout is Layout.A4 else 3.0


def signed_mm(value: float) -> str:
    """``+1,5`` / ``−0,5``: an offset with its sign and the language's decimal mark."""
    sign = "+" if value >= 0 else "−"
    return sign + fmt_decimal(abs(value), 1)


def render_calibration(
    out: Path | BinaryIO,
    *,
    layout: Layout = Layout.A4,
    calibration: Calibration | None = None,
    when: dt.datetime | None = None,
    invariant: bool = False,
) -> int:
    """A test page (front and back) for measuring a printer's offsets; returns pages.

    Each side has line A at 10 mm from the left edge of the paper and line B at 10 mm from
    the top edge (3 mm on a card), the card outlines and the cut marks, all moved by the
    current offsets; the instructions say how to turn a measurement into new offsets.
    """
    cal = calibration or Calibration()
    when = when or dt.datetime.now()
    a4 = layout is Layout.A4
    w, h = A4 if a4 else (WIDTH, HEIGHT)
    c = _new_canvas(out, (w, h), tr("Printer calibration"), invariant)
    ref = reference_mm(layout)
    for back in (False, True):
        dx, dy = (cal.back_x, cal.back_y) if back else (cal.front_x, cal.front_y)
        c.saveState()
        c.translate(dx * mm, -dy * mm)
        side = tr("BACK") if back else tr("FRONT")
        c.setStrokeColor(_SOFT)
        c.setLineWidth(0.3)
        if a4:
            for i in range(PER_SHEET):
                x, y = slot(i, back=back)
                c.rect(x, y, WIDTH, HEIGHT, stroke=1, fill=0)
                c.setFillColor(_SOFT)
                c.setFont(REGULAR, 7)
                c.drawCentredString(x + WIDTH / 2, y + HEIGHT / 2 - 8 * mm, str(i + 1))
            if not back:
                _cut_marks(c)
        else:
            c.rect(1.5 * mm, 1.5 * mm, w - 3 * mm, h - 3 * mm, stroke=1, fill=0)
        # A cross at the centre: held against the light, front and back crosses coincide.
        c.setStrokeColor(_LINE)
        c.setLineWidth(0.4)
        arm = (8 if a4 else 3) * mm
        c.line(w / 2 - arm, h / 2, w / 2 + arm, h / 2)
        c.line(w / 2, h / 2 - arm, w / 2, h / 2 + arm)
        _reference_lines(c, w, h, ref, side)
        c.restoreState()
        # The instructions are not moved, so that they always stay on the paper.
        c.setFillColor(_LINE)
        key = "back" if back else "front"
        lines = [
            tr("Printer calibration test page: {side}", side=side),
            tr(
                "Current offsets: x {x} mm, y {y} mm (printed {when})",
                x=signed_mm(dx),
                y=signed_mm(dy),
                when=when.strftime("%d/%m/%Y %H:%M"),
            ),
            tr(
                "Measure from the left edge of the paper to line A: it should be {ref} mm.",
                ref=fmt_decimal(ref, 0),
            ),
            tr(
                "Measure from the top edge of the paper to line B: it should be {ref} mm.",
                ref=fmt_decimal(ref, 0),
            ),
            tr(
                "Enter what you measured for lines A and B in Cards > Printer calibration (or "
                "lindungi card-calibration --measured-{key} A B): Lindungi works out the {side} "
                "offsets. Print this page again to check.",
                side=tr(key),
                key=key,
            ),
        ]
        if back:
            lines.append(
                tr("Print both pages on one sheet, double-sided (long edge), like the cards.")
            )
        if a4:
            # In a white box under the cross, wrapped, so that no outline runs through them.
            width = 150 * mm
            wrapped = [part for line in lines for part in simpleSplit(line, REGULAR, 8, width)]
            box_h = len(wrapped) * 10 + 6 * mm
            top = h / 2 - 14 * mm
            c.setFillColor(HexColor("#FFFFFF"))
            c.setStrokeColor(_SOFT)
            c.roundRect((w - width) / 2 - 4 * mm, top - box_h, width + 8 * mm, box_h, 2 * mm, 1, 1)
            c.setFillColor(_LINE)
            c.setFont(BOLD, 8)
            y = top - 3 * mm - 8
            for i, line in enumerate(wrapped):
                c.setFont(BOLD if i == 0 else REGULAR, 8)
                c.drawString((w - width) / 2, y, line)
                y -= 10
        else:
            c.setFont(REGULAR, 3.6)
            y = h / 2 - 6 * mm
            for line in lines[:2]:
                c.drawCentredString(w / 2, y, line)
                y -= 4.5
        c.showPage()
    c.save()
    return 2
