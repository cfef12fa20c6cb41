"""The file format of bundles, receipts and enrolment files: one signed container.

A fixed binary layout rather than a zip, so that there are no member names to sanitise,
no directory to trust and nothing to extract::

    magic        8 bytes   b"LINDUNGI"
    format       2 bytes   big-endian; a newer one is refused before anything else is read
    header_len   4 bytes   big-endian, at most MAX_HEADER
    header       JSON (UTF-8): the manifest, readable without any key
    body_len     8 bytes   big-endian, at most MAX_BODY
    body         the payload: zlib-compressed JSON, sealed for the recipient's X25519 key
                 (or only compressed, for an enrolment file, which holds no secret)
    signature    64 bytes  Ed25519, by the sender, over every byte before it

The sealed body takes every byte before it (magic to ``body_len``) as associated data, and
the header names the sender's public keys, the recipient's key id, the ephemeral key and
the payload's size once decompressed (a cap against compression bombs). Every byte of the
file is therefore covered twice: by the signature and by the AEAD tag.

Reading checks, in order: size, magic, format, lengths (truncated or trailing bytes), the
header's shape, the signature with the key the header names; then the caller checks that
this key is the one it trusts, and only then the body is opened.
"""

from __future__ import annotations

import json
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from app.sync import crypto
from app.sync.crypto import CryptoError, KeyPair, PublicKeys

MAGIC = b"LINDUNGI"
FORMAT = 1
MAX_HEADER = 64 * 1024
MAX_BODY = 256 * 1024 * 1024
MAX_PAYLOAD = 1024 * 1024 * 1024  # decompressed
MAX_FILE = 8 + 2 + 4 + MAX_HEADER + 8 + MAX_BODY + 64
SIGNATURE_LEN = 64
_PREFIX = struct.Struct(">8sHI")  # magic, format, header length
_BODY_LEN = struct.Struct(">Q")

KINDS = ("bundle", "receipt", "enrolment")


class FormatError(ValueError):
    """A file that is not a readable container; ``reason`` is a message code suffix.

    Reasons: ``too_large``, ``not_lindungi``, ``zip``, ``newer``, ``truncated``,
    ``trailing``, ``header``, ``signature``, ``recipient``, ``decrypt``, ``payload``.
    """

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


@dataclass(frozen=True)
class Container:
    """A container whose structure and signature were checked (the body is still sealed)."""

    header: dict[str, Any]
    body: bytes
    associated: bytes  # every byte before the body
    sender_keys: PublicKeys

    @property
    def kind(self) -> str:
        """``bundle``, ``receipt`` or ``enrolment``."""
        return str(self.header["kind"])


def _canonical(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def compress(payload: dict[str, Any]) -> tuple[bytes, int]:
    """JSON then zlib; returns the compressed bytes and the JSON's size."""
    raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return zlib.compress(raw, 6), len(raw)


def build(
    header: dict[str, Any],
    payload: dict[str, Any],
    sender: KeyPair,
    recipient_enc: bytes | None,
) -> bytes:
    """Write a container: ``header`` gets the sender's keys, the sealing and payload fields.

    With ``recipient_enc`` None the payload is only compressed (enrolment files).
    """
    compressed, size = compress(payload)
    if size > MAX_PAYLOAD:
        raise FormatError("too_large")
    head = dict(header)
    head["format"] = FORMAT
    head["sender_keys"] = sender.public.to_json()
    head["payload"] = {"compression": "zlib", "size": size}
    eph = None
    if recipient_enc is not None:
        eph = crypto.new_ephemeral()
        head["sealed"] = {
            "scheme": crypto.SCHEME,
            "ephemeral": crypto.b64(crypto.ephemeral_public(eph)),
            "recipient_key": PublicKeys(b"", recipient_enc).enc_key_id,
        }
    else:
        head["sealed"] = None
    head_bytes = _canonical(head)
    if len(head_bytes) > MAX_HEADER:
        raise FormatError("header")
    body_len = len(compressed) + (16 if eph is not None else 0)
    prefix = _PREFIX.pack(MAGIC, FORMAT, len(head_bytes)) + head_bytes + _BODY_LEN.pack(body_len)
    if eph is not None:
        assert recipient_enc is not None
        body = crypto.seal(compressed, recipient_enc, eph, prefix)
    else:
        body = compressed
    assert len(body) == body_len
    signed = prefix + body
    return signed + sender.sign(signed)


def _need(cond: bool, reason: str = "header") -> None:
    if not cond:
        raise FormatError(reason)


def _check_header(head: Any) -> None:
    _need(isinstance(head, dict))
    _need(head.get("kind") in KINDS)
    _need(head.get("format") == FORMAT)
    payload = head.get("payload")
    _need(isinstance(payload, dict) and payload.get("compression") == "zlib")
    size = payload.get("size") if isinstance(payload, dict) else None
    _need(isinstance(size, int) and not isinstance(size, bool) and 0 <= size <= MAX_PAYLOAD)
    sealed = head.get("sealed")
    if head["kind"] == "enrolment":
        _need(sealed is None)
    else:
        _need(isinstance(sealed, dict) and sealed.get("scheme") == crypto.SCHEME)
        _need(isinstance(sealed.get("recipient_key"), str))


def read(data: bytes) -> Container:
    """Check a container's structure and its signature with the key its header names.

    The caller must then check that this key is the one it trusts for the sender.

    Raises:
        FormatError: with the reason.
    """
    if len(data) > MAX_FILE:
        raise FormatError("too_large")
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        raise FormatError("zip")
    if len(data) < _PREFIX.size or data[:8] != MAGIC:
        prefix = data[:8]
        raise FormatError("truncated" if prefix and MAGIC.startswith(prefix) else "not_lindungi")
    _magic, version, head_len = _PREFIX.unpack_from(data, 0)
    if version > FORMAT:
        raise FormatError("newer", version=version)
    if version < 1:
        raise FormatError("header")
    if head_len > MAX_HEADER:
        raise FormatError("header")
    body_len_at = _PREFIX.size + head_len
    if len(data) < body_len_at + _BODY_LEN.size:
        raise FormatError("truncated")
    (body_len,) = _BODY_LEN.unpack_from(data, body_len_at)
    if body_len > MAX_BODY:
        raise FormatError("too_large")
    body_at = body_len_at + _BODY_LEN.size
    expected = body_at + body_len + SIGNATURE_LEN
    if len(data) < expected:
        raise FormatError("truncated")
    if len(data) > expected:
        raise FormatError("trailing")
    head_bytes = data[_PREFIX.size : body_len_at]
    try:
        head = json.loads(head_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise FormatError("header") from None
    _check_header(head)
    if _canonical(head) != head_bytes:
        raise FormatError("header")
    try:
        keys = PublicKeys.from_json(head.get("sender_keys"))
        signed = data[: body_at + body_len]
        crypto.verify(keys.sign, data[body_at + body_len :], signed)
    except CryptoError:
        raise FormatError("signature") from None
    return Container(head, data[body_at : body_at + body_len], data[:body_at], keys)


def open_payload(container: Container, recipient: KeyPair | None) -> dict[str, Any]:
    """Decrypt (when sealed), decompress with a cap, and parse the payload.

    Raises:
        FormatError: ``recipient`` (sealed for another key), ``decrypt`` or ``payload``.
    """
    sealed = container.header["sealed"]
    if sealed is not None:
        if recipient is None or sealed["recipient_key"] != recipient.public.enc_key_id:
            raise FormatError("recipient")
        try:
            eph = crypto.unb64(sealed.get("ephemeral"), 32)
            compressed = crypto.unseal(
                container.body, recipient.encryption, eph, container.associated
            )
        except CryptoError:
            raise FormatError("decrypt") from None
    else:
        compressed = container.body
    size = int(container.header["payload"]["size"])
    dec = zlib.decompressobj()
    try:
        raw = dec.decompress(compressed, size + 1)
    except zlib.error:
        raise FormatError("payload") from None
    if len(raw) != size or dec.unconsumed_tail or not dec.eof or dec.unused_data:
        raise FormatError("payload")
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise FormatError("payload") from None
    if not isinstance(payload, dict):
        raise FormatError("payload")
    return payload
