"""QR codes through zxing-cpp's C++ encoder, 50 times faster than ReportLab's own widget.

A code becomes a one-bit image, one pixel a module, its quiet zone included (so the zone
stays white whatever is printed around it), placed in the page as a PDF inline image
scaled up without smoothing: 49 × 49 modules take 343 bytes, and viewers and printers
keep the modules sharp (no /Interpolate). :func:`qr_image` is exactly what is drawn, so
the self-test decodes the very bits that go on the card.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import zxingcpp
from PIL import Image

QUIET_ZONE = 4  # modules of white around the symbol (ISO/IEC 18004)
EC_LEVEL = "M"
QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


def qr_image(text: str) -> Image.Image:
    """The QR code of ``text`` with its quiet zone: a mode-"1" image, one pixel a module.

    zxing-cpp picks the alphanumeric mode by itself for texts that only use its characters.
    """
    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=EC_LEVEL)
    symbol = code.to_image(scale=1, add_quiet_zones=False)
    height, width = symbol.shape[0], symbol.shape[1]
    pixels = bytes(memoryview(cast(Any, symbol)))  # zxing's Image is a buffer, untyped as one
    image = Image.frombuffer("L", (width, height), pixels, "raw", "L", 0, 1)
    framed = Image.new("1", (width + 2 * QUIET_ZONE, height + 2 * QUIET_ZONE), 255)
    framed.paste(image.convert("1"), (QUIET_ZONE, QUIET_ZONE))
    return framed


@dataclass(frozen=True)
class Bits:
    """A code's one-bit image as a page needs it: its size and its rows as hex digits.

    Rows are packed most significant bit first and padded to whole bytes, as both Pillow's
    mode "1" and PDF's one-bit DeviceGray (0 = black) have them. Small and picklable, so
    that a second process can encode the codes of a print job (see ``app.cards.qrpool``).
    """

    width: int
    height: int
    hex: str

    @classmethod
    def of(cls, image: Image.Image) -> Bits:
        """The bits of a mode-"1" image."""
        return cls(image.size[0], image.size[1], image.tobytes().hex())


def qr_bits(text: str) -> Bits:
    """The bits of ``qr_image(text)``."""
    return Bits.of(qr_image(text))


def qr_bits_many(texts: Sequence[str]) -> list[Bits]:
    """The bits of each text's code, in order (one task of the second process)."""
    return [qr_bits(t) for t in texts]


def inline_bits(bits: Bits, x: float, y: float, size: float) -> str:
    """PDF operators that paint ``bits`` as a ``size``-point square at (x, y).

    ASCIIHex keeps the content stream text, and the page's own compression squeezes it.
    """
    return (
        f"q {size:.3f} 0 0 {size:.3f} {x:.3f} {y:.3f} cm "
        f"BI /W {bits.width} /H {bits.height} /BPC 1 /CS /G /F /AHx ID {bits.hex}> EI Q"
    )


def inline_image(image: Image.Image, x: float, y: float, size: float) -> str:
    """PDF operators that paint a one-bit ``image`` as a ``size``-point square at (x, y)."""
    return inline_bits(Bits.of(image), x, y, size)


def decode(image: Image.Image, scale: int = 4) -> list[str]:
    """Every QR code zxing-cpp finds in ``image`` (scaled up first, without smoothing)."""
    image = image.convert("L")
    if scale != 1:
        image = image.resize(
            (image.size[0] * scale, image.size[1] * scale), Image.Resampling.NEAREST
        )
    found = zxingcpp.read_barcodes(image, formats=QR_ONLY)
    return [r.text for r in found]
