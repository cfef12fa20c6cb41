"""Speed and size of card printing; prints a table of figures and goals.

Run: ``python -m tests.benchmarks.bench_cards [--skip-big] [--sample N]``.
Not collected by pytest (``norecursedirs``); the figures go in docs/benchmarks.md.

What is measured, each against its goal:
- the 1,333 cards of the 2022 demo (a kabupaten install, the 2022 split), A4 with fronts
  and backs, as one print job (choosing, signing, drawing, recording): ≤ 2 s, ≤ 5 MB;
- ReportLab's own QR widget, measured in the same run on a sample of codes drawn onto a
  card-sized canvas, extrapolated to the 1,333 cards, and the ratio to this app's job;
- the 2025 size, 16,590 cards, one job: ≤ 25 s.
Wall-clock seconds are what the user waits; CPU seconds of this process are steadier on a
busy machine, and both are printed; the per-code figures and the ratio use CPU time.
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
from typing import TypeVar

import app.cards.card  # noqa: F401  (imported here, so that the timing leaves it out)
from app.cards.qr import inline_image, qr_image
from app.domain.card import CardIdentity, make_payload
from app.domain.install import Role
from app.services import cards, demo, keys
from app.services.context import Context, open_data_dir
from app.services.setup import setup_install
from tests.actors import ADMIN

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
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return value, time.perf_counter() - wall, time.process_time() - cpu


def kabupaten(root: Path, name: str, count: int) -> Context:
    ctx = open_data_dir(root / name)
    setup_install(ctx, ADMIN, role=Role.KABUPATEN)
    demo.generate(ctx, ADMIN, count, seed=2022)
    return ctx


def payloads(ctx: Context, n: int) -> list[str]:
    issuer, key = keys.signing_key(ctx)
    out = []
    for i in range(n):
        ident = CardIdentity(f"130306-A-{i + 1:06d}", i + 1, 1, issuer)
        out.append(make_payload(ident, key.sign(ident.message())))
    return out


def per_code_ours(codes: list[str]) -> float:
    """CPU seconds per code: zxing-cpp's encoder and the inline image, as a card draws it."""
    start = time.process_time()
    for code in codes:
        inline_image(qr_image(code), 0, 0, 65)
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=50, help="codes for the widget comparison")
    parser.add_argument("--skip-big", action="store_true", help="skip the 16,590-card job")
    args = parser.parse_args(argv)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="lindungi-bench-cards-") as tmp:
        root = Path(tmp)
        ctx = kabupaten(root, "k2022", 1333)
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
                2.0,
                f"{size_mb:.2f} MB (goal ≤ 5 MB: {'ok' if size_mb <= 5 else 'MISSED'})",
            )
        )
        sample = payloads(ctx, args.sample)
        ours = per_code_ours(sample)
        widget = per_code_widget(sample)
        # CPU time, steadier than the wall clock when other work shares the machine.
        extrapolated = cpu - 1333 * ours + 1333 * widget
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
        figures.append(
            Figure(
                "1,333 cards with ReportLab's widget (extrapolated)",
                extrapolated,
                extrapolated,
                None,
                f"ratio widget / this app (CPU): {extrapolated / cpu:.1f}×",
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
                    25.0,
                    f"{pdf.stat().st_size / 1e6:.1f} MB; {len(steps)} progress reports; "
                    f"peak memory {peak:.0f} MB",
                )
            )
            big.close()
    width = max(len(f.what) for f in figures)
    print(f"{'what':<{width}}  {'wall s':>8}  {'cpu s':>8}  {'goal s':>7}  verdict  note")
    for f in figures:
        goal = f"{f.goal:.1f}" if f.goal is not None else ""
        cells = f"{f.seconds:>8.3f}  {f.cpu:>8.3f}  {goal:>7}  {f.verdict:<7}"
        print(f"{f.what:<{width}}  {cells}  {f.note}")
    print(f"python {sys.version.split()[0]}, {sys.platform}")
    return 0 if all(f.verdict != "MISSED" for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
