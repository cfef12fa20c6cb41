"""A card's identity and the text of its QR code, which the software verifies offline.

The QR carries the registration number, the card's serial and version, the code of the
install that printed it, and that install's Ed25519 signature over the rest::

    LD1.130306-A-000123.42.2.130306-A.<103 base32 characters>

Only QR's alphanumeric characters are used (digits, capital letters and `` $%*+-./:``):
a USB barcode scanner types the code like a keyboard, and in this set Caps Lock and the
usual keyboard layouts cannot spoil it (the separators ``.`` and ``-`` need no Shift key).
Reading ignores letter case and surrounding whitespace. Base32 (RFC 4648, no padding)
writes the signature; a non-canonical base32 text (other bits in the last character) is
refused, so that changing any one character of a payload breaks it. About 140 characters,
at most 150: a version-6 QR code (41 modules) at error correction level M.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

PREFIX = "LD1"
MAX_LENGTH = 150
SIGNATURE_BYTES = 64  # Ed25519
ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
_DOMAIN = b"LINDUNGI-CARD-1\n"  # signatures of cards can never pass for anything else

_PAYLOAD = re.compile(
    r"^LD1\.(?P<reg>\d{6}-[A-Z]-\d{6})\.(?P<serial>[1-9]\d{0,8})\.(?P<version>[1-9]\d{0,3})"
    r"\.(?P<issuer>\d{6}-[A-Z])\.(?P<sig>[A-Z2-7]+)$"
)


class PayloadError(ValueError):
    """The text is not the QR code of a Lindungi card."""


@dataclass(frozen=True)
class CardIdentity:
    """What a card's QR code says about it (everything but the signature)."""

    reg_no: str
    serial: int
    version: int
    issuer: str  # install code of the install that printed it, ``130306-A``

    def body(self) -> str:
        """The signed part of the payload."""
        return f"{PREFIX}.{self.reg_no}.{self.serial}.{self.version}.{self.issuer}"

    def message(self) -> bytes:
        """The bytes the issuer signs."""
        return _DOMAIN + self.body().encode("ascii")

    @property
    def serial_text(self) -> str:
        """The serial as printed on the card: ``130306-A/000042``."""
        return format_serial(self.issuer, self.serial)


def format_serial(issuer: str, serial: int) -> str:
    """``130306-A`` and 42 → ``130306-A/000042``."""
    return f"{issuer}/{serial:06d}"


def b32encode(data: bytes) -> str:
    """RFC 4648 base32 without the ``=`` padding."""
    return base64.b32encode(data).decode("ascii").rstrip("=")


def b32decode(text: str) -> bytes:
    """The inverse of :func:`b32encode`, refusing every non-canonical text.

    Raises:
        PayloadError: not base32, or not the text :func:`b32encode` would write.
    """
    padded = text + "=" * (-len(text) % 8)
    try:
        data = base64.b32decode(padded)
    except ValueError as exc:
        raise PayloadError("base32") from exc
    if b32encode(data) != text:
        raise PayloadError("base32 not canonical")
    return data


def make_payload(identity: CardIdentity, signature: bytes) -> str:
    """The QR text of a card.

    Raises:
        ValueError: a signature of the wrong size, or a payload that would break the rules
            above (a bug: registration numbers and install codes are checked on entry).
    """
    if len(signature) != SIGNATURE_BYTES:
        raise ValueError("an Ed25519 signature has 64 bytes")
    text = f"{identity.body()}.{b32encode(signature)}"
    if len(text) > MAX_LENGTH or not set(text) <= ALPHANUMERIC or not _PAYLOAD.match(text):
        raise ValueError(f"not a valid card payload: {text!r}")
    return text


def normalise(text: str) -> str:
    """What a scanner typed → the canonical payload text (case and whitespace ignored)."""
    return text.strip().upper()


def looks_like_payload(text: str) -> bool:
    """True for something that starts like a card's QR text (not a registration number)."""
    return normalise(text).startswith(PREFIX + ".")


def parse_payload(text: str) -> tuple[CardIdentity, bytes]:
    """Read a card's QR text (any letter case) into its identity and signature.

    Raises:
        PayloadError: not the QR text of a Lindungi card.
    """
    canonical = normalise(text)
    if len(canonical) > MAX_LENGTH:
        raise PayloadError("too long")
    m = _PAYLOAD.match(canonical)
    if m is None:
        raise PayloadError("format")
    signature = b32decode(m["sig"])
    if len(signature) != SIGNATURE_BYTES:
        raise PayloadError("signature size")
    ident = CardIdentity(m["reg"], int(m["serial"]), int(m["version"]), m["issuer"])
    return ident, signature
