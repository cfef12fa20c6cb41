"""Draw the Lindungi icon: a teal-to-green shield carrying a white "L".

Writes ``packaging/lindungi.ico`` (the Windows executable and installer icon, sizes 16 to
256 px) and ``resources/icons/lindungi.png`` (256 px, for the window icon). Both files are
committed; run this again only to change the design::

    python scripts/make_icon.py

Pillow is needed only here, not by the application. The drawing is pure geometry (no
font), so the result is the same on every machine.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
ICO_PATH = ROOT / "packaging" / "lindungi.ico"
PNG_PATH = ROOT / "resources" / "icons" / "lindungi.png"

CANVAS = 1024  # drawn large, then scaled down with a good filter
ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]

RIM = (8, 84, 78, 255)  # dark teal edge
TOP = (20, 168, 150)  # teal
BOTTOM = (34, 160, 84)  # green
LETTER = (255, 255, 255, 255)

Point = tuple[float, float]


def _quad(p0: Point, p1: Point, p2: Point, steps: int = 64) -> list[Point]:
    """Sample a quadratic Bezier curve."""
    out = []
    for i in range(steps + 1):
        t = i / steps
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
        out.append((a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]))
    return out


def _cubic(p0: Point, p1: Point, p2: Point, p3: Point, steps: int = 96) -> list[Point]:
    """Sample a cubic Bezier curve."""
    out = []
    for i in range(steps + 1):
        t = i / steps
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t**3
        out.append(
            (
                a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
            )
        )
    return out


def shield(scale: float = 1.0) -> list[Point]:
    """The shield outline on the CANVAS grid, shrunk by `scale` around its centre."""
    left, right, shoulder, waist, tip = 132.0, 892.0, 150.0, 500.0, 980.0
    pts: list[Point] = []
    pts += _quad((left, shoulder), (512, 20), (right, shoulder))  # arched top
    pts += [(right, waist)]  # straight right side
    pts += _cubic((right, waist), (right, 760), (650, 900), (512, tip))  # curve to the tip
    pts += _cubic((512, tip), (374, 900), (left, 760), (left, waist))
    cx, cy = 512.0, 520.0
    return [(cx + (x - cx) * scale, cy + (y - cy) * scale) for x, y in pts]


def draw(size: int = CANVAS) -> Image.Image:
    """Render the icon at CANVAS resolution and scale it to `size` pixels."""
    img = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    ImageDraw.Draw(img).polygon(shield(), fill=RIM)

    # Inner shield: vertical gradient from teal to green.
    gradient = Image.new("RGBA", (CANVAS, CANVAS))
    gd = ImageDraw.Draw(gradient)
    for y in range(CANVAS):
        t = y / (CANVAS - 1)
        r, g, b = (round(TOP[i] + (BOTTOM[i] - TOP[i]) * t) for i in range(3))
        gd.line([(0, y), (CANVAS, y)], fill=(r, g, b, 255))
    mask = Image.new("L", (CANVAS, CANVAS), 0)
    ImageDraw.Draw(mask).polygon(shield(0.86), fill=255)
    img.paste(gradient, (0, 0), mask)

    # The letter L, drawn as two bars so no font is needed.
    d = ImageDraw.Draw(img)
    d.rectangle([372, 250, 502, 720], fill=LETTER)  # stem
    d.rectangle([372, 600, 672, 720], fill=LETTER)  # foot
    if size == CANVAS:
        return img
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ico", type=Path, default=ICO_PATH)
    parser.add_argument("--png", type=Path, default=PNG_PATH)
    args = parser.parse_args()

    args.ico.parent.mkdir(parents=True, exist_ok=True)
    args.png.parent.mkdir(parents=True, exist_ok=True)

    frames = {s: draw(s) for s in ICO_SIZES}
    biggest = frames[max(ICO_SIZES)]
    # Pillow stores each frame PNG-compressed (Windows Vista and later read that), which
    # keeps the file small; append_images hands it our own LANCZOS-scaled frames.
    biggest.save(
        args.ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[frames[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    biggest.save(args.png, format="PNG", optimize=True)
    for path in (args.ico, args.png):
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
            f"{path.stat().st_size / 1024:.1f} KB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
