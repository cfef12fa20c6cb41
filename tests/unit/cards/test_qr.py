"""QR codes as drawn on the cards: decodable, alphanumeric mode, quiet zone kept."""

from __future__ import annotations

import re

from PIL import Image

from app.cards.qr import QUIET_ZONE, decode, inline_image, qr_image

PAYLOAD = "LD1.999999-Z-999999.999999999.9999.999999-Z." + "A" * 103  # the longest there is


def test_the_image_drawn_decodes_to_the_text() -> None:
    assert len(PAYLOAD) <= 150
    assert decode(qr_image(PAYLOAD)) == [PAYLOAD]


def test_150_characters_fit_a_version_6_code_which_only_the_alphanumeric_mode_allows() -> None:
    # Version 6 (41 modules) at level M holds 154 alphanumeric characters but only 106 bytes.
    image = qr_image(PAYLOAD)
    assert image.size == (41 + 2 * QUIET_ZONE, 41 + 2 * QUIET_ZONE)


def test_the_quiet_zone_is_white_and_part_of_the_image() -> None:
    image = qr_image(PAYLOAD)
    assert image.mode == "1"
    w, h = image.size
    border = [
        image.getpixel((x, y))
        for x in range(w)
        for y in range(h)
        if min(x, y, w - 1 - x, h - 1 - y) < QUIET_ZONE
    ]
    assert set(border) == {255}
    assert image.getpixel((QUIET_ZONE, QUIET_ZONE)) == 0  # a finder pattern's corner


def test_inline_image_operators_carry_every_bit() -> None:
    image = qr_image(PAYLOAD)
    ops = inline_image(image, 10, 20, 65.2)
    m = re.fullmatch(
        r"q 65\.200 0 0 65\.200 10\.000 20\.000 cm BI /W 49 /H 49 /BPC 1 /CS /G /F /AHx "
        r"ID ([0-9a-f]+)> EI Q",
        ops,
    )
    assert m is not None
    data = bytes.fromhex(m.group(1))
    assert len(data) == 49 * 7  # rows padded to whole bytes
    assert Image.frombytes("1", (49, 49), data).tobytes() == image.tobytes()


def test_decode_finds_nothing_in_a_blank_image() -> None:
    assert decode(Image.new("1", (49, 49), 1)) == []
