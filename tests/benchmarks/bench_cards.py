"""Speed and size of card printing; prints a table of figures and goals.

Run: ``python -m tests.benchmarks.bench_cards [--skip-big] [--sample N]``.
Not collected by pytest (``norecursedirs``); the figures go in docs/benchmarks.md.

What is measured, each against its goal:
- the floor: plain ReportLab writing the same 268 A4 pages with the same texts of every
  card (``drawString``, the same TrueType fonts, compressed pages; no QR code, no artwork,
  the back pages blank), timed in the same run;
- the 1,333 cards of the 2022 demo (a kabupaten install, the 2022 split), A4 with fronts
  and backs, as one print job (choosing, signing, drawing, recording): ≤ 2× the floor,
  ≤ 5 MB; the QR codes are encoded in a second process (CPU of both is printed);
- ReportLab's own QR widget, measured in the same run on a sample of codes drawn onto a
  card-sized canvas, extrapolated to the 1,333 cards, and the ratio to this app's job;
- the 2025 size, 16,590 cards, one job: ≤ 10 s.
Wall-clock seconds are what the user waits; CPU seconds of this process are steadier on a
busy machine, and both are printed (a job's CPU includes its second process); the
per-code figures use CPU time. Half a job's CPU is the least it can take on two idle
cores (printed as "two idle cores: ≥"): when that is above the goal, no sharing of the
work between the cores can reach it.

The database goes through the project's own engine (``open_data_dir``), so the figures
follow whatever the store is (encrypted, chained) when this runs. The module imports the
application only inside ``main``: the second process of a print job imports the main
module, as a frozen or installed app's would be, and that must stay light.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from app.services.context import Context

T = TypeVar("T")


@dataclass(frozen=True)
class Figure:
    what: str
    seconds: float
    cpu: float
    goal: float | None
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.goal is None:
            return ""
        return "ok" if self.seconds <= self.goal else "MISSED"


def timed(fn: Callable[[], T]) -> tuple[T, float, float]:
    """The value, wall seconds and CPU seconds of this process and its finished children."""

    def cpu() -> float:
        own, kids = (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    wall, start = time.perf_counter(), cpu()
    value = fn()
    return value, time.perf_counter() - wall, cpu() - start


def kabupaten(root: Path, name: str, count: int) -> Context:
    from app.domain.install import Role
    from app.services import demo
    from app.services.context import open_data_dir
    from app.services.setup import setup_install
    from tests.actors import ADMIN

    ctx = open_data_dir(root / name)
    setup_install(ctx, ADMIN, role=Role.KABUPATEN)
    demo.generate(ctx, ADMIN, count, seed=2022)
    return ctx


def payloads(ctx: Context, n: int) -> list[str]:
    from app.domain.card import CardIdentity, make_payload
    from app.services import keys

    issuer, key = keys.signing_key(ctx)
    out = []
    for i in range(n):
        ident = CardIdentity(f"130306-A-{i + 1:06d}", i + 1, 1, issuer)
        out.append(make_payload(ident, key.sign(ident.message())))
    return out


def card_lines(ctx: Context) -> list[list[str]]:
    """Every text the front of each card of the job shows (what the floor draws)."""
    from app.cards.card import name_layout
    from app.services import cards

    maker = cards._FaceMaker(ctx)
    out = []
    for planned in cards._plan_print(ctx, cards.Selection(everyone=True)).planned:
        face = maker.face(planned)
        coverage = f"{face.coverage_start:%d/%m/%Y}" + (
            f" s.d. {face.coverage_end:%d/%m/%Y}" if face.coverage_end else ""
        )
        values = [face.kpj or "", face.reg_no, face.nik, f"{face.nagari}, Kec. {face.kecamatan}"]
        values += [face.programmes, coverage, f"Iuran dibayar oleh {face.payer}"]
        values += [f"Seri {face.serial}", f"Versi {face.version}"]
        out.append([*name_layout(face.name).lines, *(v for v in values if v)])
    return out


def text_floor(lines: list[list[str]], out: Path) -> int:
    """Plain ReportLab: the cards' texts on A4 pages of ten, each back page blank; pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from app.cards.sheets import slot
    from app.paths import resource as resource_file

    for name, file in (
        ("Floor", "DejaVuSansCondensed.ttf"),
        ("FloorBold", "DejaVuSansCondensed-Bold.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(resource_file("fonts", file))))
    c = Canvas(str(out), pagesize=A4, pageCompression=1)
    pages = 0
    for start in range(0, len(lines), 10):
        for i, texts in enumerate(lines[start : start + 10]):
            x, y = slot(i)
            for row, text in enumerate(texts):
                c.setFont("FloorBold" if row == 0 else "Floor", 6.3)
                c.drawString(x + 10, y + 140 - row * 12, text)
        c.showPage()
        c.showPage()
        pages += 2
    c.save()
    return pages


def per_code_ours(codes: list[str]) -> float:
    """CPU seconds per code: zxing-cpp's encoder and the inline image, as a card draws it."""
    from app.cards.qr import inline_bits, qr_bits

    start = time.process_time()
    for code in codes:
        inline_bits(qr_bits(code), 0, 0, 65)
    return (time.process_time() - start) / len(codes)


def per_code_widget(codes: list[str]) -> float:
    """CPU seconds per code with ReportLab's QrCodeWidget drawn onto a canvas (same size,
    level M)."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO())
    start = time.process_time()
    for code in codes:
        widget = QrCodeWidget(code, barLevel="M", barBorder=4)
        x0, y0, x1, y1 = widget.getBounds()
        size = 65.0
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, canvas, 0, 0)
    return (time.process_time() - start) / len(codes)


def main(argv: list[str] | None = None) -> int:
    from app.services import cards
    from tests.actors import ADMIN

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=50, help="codes for the widget comparison")
    parser.add_argument("--skip-big", action="store_true", help="skip the 16,590-card job")
    args = parser.parse_args(argv)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="lindungi-bench-cards-") as tmp:
        root = Path(tmp)
        ctx = kabupaten(root, "k2022", 1333)
        lines = card_lines(ctx)
        floor_pages, floor, floor_cpu = timed(lambda: text_floor(lines, root / "floor.pdf"))
        figures.append(
            Figure(
                f"floor: the same texts in plain ReportLab ({floor_pages} pages)",
                floor,
                floor_cpu,
                None,
                f"{(root / 'floor.pdf').stat().st_size / 1e6:.2f} MB",
            )
        )
        pdf = root / "kartu-2022.pdf"
        result, wall, cpu = timed(
            lambda: cards.print_cards(ctx, ADMIN, cards.Selection(everyone=True), pdf, layout="a4")
        )
        size_mb = pdf.stat().st_size / 1e6
        figures.append(
            Figure(
                f"1,333 cards, A4 fronts+backs ({result.pages} pages), one print job",
                wall,
                cpu,
                2 * floor,
                f"{wall / floor:.2f}× the floor (wall), {cpu / floor_cpu:.2f}× (CPU); "
                f"two idle cores: ≥ {cpu / 2:.2f} s; "
                f"{size_mb:.2f} MB (goal ≤ 5 MB: {'ok' if size_mb <= 5 else 'MISSED'})",
            )
        )
        sample = payloads(ctx, args.sample)
        ours = per_code_ours(sample)
        widget = per_code_widget(sample)
        figures.append(
            Figure(
                f"QR per code: zxing-cpp + inline image (sample of {args.sample})",
                ours,
                ours,
                None,
                f"{ours * 1000:.2f} ms a code",
            )
        )
        figures.append(
            Figure(
                f"QR per code: ReportLab QrCodeWidget (sample of {args.sample})",
                widget,
                widget,
                None,
                f"{widget * 1000:.1f} ms a code; {widget / ours:.0f}× ours",
            )
        )
        ctx.close()
        if not args.skip_big:
            big = kabupaten(root, "k2025", 16_590)
            pdf = root / "kartu-2025.pdf"
            steps: list[tuple[int, int]] = []

            def progress(done: int, total: int) -> bool:
                steps.append((done, total))
                return True

            result, wall, cpu = timed(
                lambda: cards.print_cards(
                    big,
                    ADMIN,
                    cards.Selection(everyone=True),
                    pdf,
                    layout="a4",
                    progress=progress,
                )
            )
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            figures.append(
                Figure(
                    f"16,590 cards, A4 fronts+backs ({result.pages} pages), one print job",
                    wall,
                    cpu,
                    10.0,
                    f"two idle cores: ≥ {cpu / 2:.1f} s; "
                    f"{pdf.stat().st_size / 1e6:.1f} MB; {len(steps)} progress reports; "
                    f"peak memory {peak:.0f} MB",
                )
            )
            big.close()
    width = max(len(f.what) for f in figures)
    print(f"{'what':<{width}}  {'wall s':>8}  {'cpu s':>8}  {'goal s':>7}  verdict  note")
    for f in figures:
        goal = f"{f.goal:.2f}" if f.goal is not None else ""
        cells = f"{f.seconds:>8.3f}  {f.cpu:>8.3f}  {goal:>7}  {f.verdict:<7}"
        print(f"{f.what:<{width}}  {cells}  {f.note}")
    print(f"python {sys.version.split()[0]}, {sys.platform}")
    return 0 if all(f.verdict != "MISSED" for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
