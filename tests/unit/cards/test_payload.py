"""The text of a card's QR code: alphanumeric, at most 150 characters, case-blind, signed."""

from __future__ import annotations

import base64

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.domain.card import (
    ALPHANUMERIC,
    MAX_LENGTH,
    CardIdentity,
    PayloadError,
    b32decode,
    b32encode,
    looks_like_payload,
    make_payload,
    parse_payload,
)

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
IDENT = CardIdentity("130306-A-000123", 42, 2, "130306-A")


def signed(ident: CardIdentity = IDENT) -> str:
    return make_payload(ident, KEY.sign(ident.message()))


def genuine(text: str) -> bool:
    """What verification does with a trusted key: parse, then check the signature."""
    try:
        ident, signature = parse_payload(text)
        KEY.public_key().verify(signature, ident.message())
    except (PayloadError, InvalidSignature):
        return False
    return True


def test_a_payload_reads_back_as_written() -> None:
    text = signed()
    assert text.startswith("LD1.130306-A-000123.42.2.130306-A.")
    ident, _signature = parse_payload(text)
    assert ident == IDENT
    assert ident.serial_text == "130306-A/000042"
    assert genuine(text)


def test_the_largest_payload_fits_qr_alphanumeric_characters_and_150() -> None:
    biggest = CardIdentity("999999-Z-999999", 999_999_999, 9999, "999999-Z")
    text = signed(biggest)
    assert len(text) <= MAX_LENGTH
    assert set(text) <= ALPHANUMERIC
    assert parse_payload(text)[0] == biggest


def test_letter_case_and_surrounding_whitespace_do_not_matter() -> None:
    text = signed()
    assert genuine(text.lower())
    assert genuine(text.swapcase())
    assert genuine(f"  {text}\r\n")
    assert looks_like_payload(text.lower())
    assert not looks_like_payload("130306-A-000123")


def test_every_single_character_changed_breaks_the_payload() -> None:
    text = signed()
    for i, ch in enumerate(text):
        for other in ("A" if ch != "A" else "B", "7" if ch != "7" else "2"):
            tampered = text[:i] + other + text[i + 1 :]
            assert not genuine(tampered), f"position {i}: {ch} → {other}"


def test_base32_without_padding_refuses_non_canonical_text() -> None:
    data = bytes(range(64))
    text = b32encode(data)
    assert "=" not in text and len(text) == 103
    assert b32decode(text) == data
    # 512 bits leave three unused (zero) bits in the last character; a loose decoder reads
    # the same bytes when one is set, which would let a changed character pass.
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    sibling = text[:-1] + alphabet[alphabet.index(text[-1]) | 1]
    assert base64.b32decode(sibling + "=") == data
    with pytest.raises(PayloadError):
        b32decode(sibling)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "130306-A-000123",
        "LD2.130306-A-000123.42.2.130306-A.AAAA",
        "LD1.130306-A-000123.0.2.130306-A." + "A" * 103,  # serial 0
        "LD1.130306-A-000123.42.0.130306-A." + "A" * 103,  # version 0
        "LD1.130306-A-123.42.2.130306-A." + "A" * 103,  # short registration number
        "LD1.130306-A-000123.42.2.130306-A." + "A" * 102,  # a signature byte short
        "LD1.130306-A-000123.42.2.130306-A." + "A" * 120,  # too long
        "LD1.130306-A-000123.42.2.130306-A." + "1" * 103,  # not base32
    ],
)
def test_texts_that_are_not_card_codes_are_refused(text: str) -> None:
    with pytest.raises(PayloadError):
        parse_payload(text)


def test_a_payload_is_never_made_with_a_wrong_signature_size() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        make_payload(IDENT, b"x" * 63)


def test_signatures_are_bound_to_cards_and_not_reusable_elsewhere() -> None:
    message = IDENT.message()
    assert message.startswith(b"LINDUNGI-CARD-1\n")
    other = CardIdentity("130306-A-000124", 42, 2, "130306-A")
    forged = make_payload(other, KEY.sign(IDENT.message()))
    assert not genuine(forged)
