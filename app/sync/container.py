"""The file format of bundles, receipts and enrolment files: one signed container.

A fixed binary layout rather than a zip, so that there are no member names to sanitise,
no directory to trust and nothing to extract::

    magic        8 bytes   b"LINDUNGI"
    format       2 bytes   big-endian; a newer one is refused before anything else is read
                           (this version writes FORMAT and reads every one of READABLE)
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

Opening a body is bounded before it starts (a compression bomb is refused in well under a
second and a few tens of MB): the declared decompressed size must be at most MAX_PAYLOAD
and must fit the body's size (zlib cannot shrink data more than about 1032 times, nor grow
it by more than a few bytes per 16 KB); decompression stops one byte past the declared
size; the JSON is parsed only when it holds at most MAX_CONTAINERS arrays and objects and
MAX_VALUES values (counted on the bytes, an upper bound), and its nesting is at most
MAX_DEPTH.

Formats: 1 is the first; 2 adds to the headers the sender's random install id and, in a
receipt, the station's last registration number the kabupaten holds (both optional when
reading 1), and the key the kabupaten used before a rotation. A version-1 file still reads.
"""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from app.sync import crypto
from app.sync.crypto import CryptoError, KeyPair, PublicKeys

MAGIC = b"LINDUNGI"
FORMAT = 2
READABLE = (1, 2)
MAX_HEADER = 64 * 1024
MAX_BODY = 64 * 1024 * 1024
# Decompressed. One participant with a history entry is about 1 KB, 4 JSON arrays or
# objects and 45 values: a bundle of 20,000 is about 20 MB, 80,000 containers, 900,000 values.
MAX_PAYLOAD = 64 * 1024 * 1024
MAX_CONTAINERS = 1_000_000  # JSON arrays and objects of one payload
MAX_VALUES = 2_500_000  # JSON values (counted as separators: an upper bound)
MAX_DEPTH = 16
ZLIB_MAX_RATIO = 1032  # the most deflate can shrink anything
MAX_FILE = 8 + 2 + 4 + MAX_HEADER + 8 + MAX_BODY + 64
SIGNATURE_LEN = 64
_PREFIX = struct.Struct(">8sHI")  # magic, format, header length
_BODY_LEN = struct.Struct(">Q")

KINDS = ("bundle", "receipt", "enrolment")


class FormatError(ValueError):
    """A file that is not a readable container; ``reason`` is a message code suffix.

    Reasons: ``too_large``, ``not_lindungi``, ``zip``, ``newer``, ``truncated``,
    ``trailing``, ``header``, ``signature``, ``recipient``, ``decrypt``, ``payload``,
    ``bomb`` (sizes or counts past a ceiling).
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

    @property
    def version(self) -> int:
        """The file format it was written in."""
        return int(self.header["format"])


def _canonical(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


# zlib's fastest level: a payload of 20,000 records (26 MB of JSON, much of it hashes that do
# not compress) packs to 4.5 MB in 0.12 s CPU, against 4.0 MB in 0.27 s at the default 6.
LEVEL = 1


_PIECE = 2000  # items of a long list serialised at a time


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


class Encoded:
    """A long list of a payload already serialised, a few thousand items at a time: 20,000
    records are held as about 16 MB of text rather than as 20,000 dicts until they are
    compressed. Its JSON is the same as the list's. With ``rendered`` the items are already
    JSON text each (compact, as ``json.dumps`` with this module's separators writes them)."""

    def __init__(self, items: Iterable[Any], *, rendered: bool = False) -> None:
        self.pieces: list[str] = []
        self.count = 0
        batch: list[Any] = []
        for item in items:
            batch.append(item)
            if len(batch) == _PIECE:
                self._add(batch, rendered)
                batch = []
        if batch:
            self._add(batch, rendered)

    def _add(self, batch: list[Any], rendered: bool) -> None:
        self.pieces.append(",".join(batch) if rendered else _dumps(batch)[1:-1])
        self.count += len(batch)

    def __len__(self) -> int:
        return self.count


def _json_pieces(value: Any, top: bool = True) -> Iterator[str]:
    """The payload's JSON in pieces, the same text as one ``json.dumps``: a long list goes
    a few thousand items at a time, so that the whole text (26 MB for 20,000 records, twice
    over as text and bytes) is never held at once."""
    if isinstance(value, Encoded):
        yield "["
        for j, piece in enumerate(value.pieces):
            yield ("," if j else "") + piece
        yield "]"
    elif isinstance(value, dict) and (top or any(isinstance(v, Encoded) for v in value.values())):
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield ("," if i else "") + _dumps(key) + ":"
            yield from _json_pieces(item, top=False)
        yield "}"
    elif isinstance(value, list) and len(value) > _PIECE:
        yield "["
        for j in range(0, len(value), _PIECE):
            yield ("," if j else "") + _dumps(value[j : j + _PIECE])[1:-1]
        yield "]"
    else:
        yield _dumps(value)


def compress(payload: dict[str, Any]) -> tuple[bytes, int]:
    """JSON then zlib, streamed; returns the compressed bytes and the JSON's size."""
    z = zlib.compressobj(LEVEL)
    parts: list[bytes] = []
    size = 0
    for piece in _json_pieces(payload):
        raw = piece.encode("utf-8")
        size += len(raw)
        parts.append(z.compress(raw))
    parts.append(z.flush())
    return b"".join(parts), size


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
    return seal_compressed(header, compressed, size, sender, recipient_enc)


def seal_compressed(
    header: dict[str, Any],
    compressed: bytes,
    size: int,
    sender: KeyPair,
    recipient_enc: bytes | None,
) -> bytes:
    """Write a container around a payload already compressed (``size``: its JSON's size)."""
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


def _check_header(head: Any, version: int) -> None:
    _need(isinstance(head, dict))
    _need(head.get("kind") in KINDS)
    _need(head.get("format") == version)
    payload = head.get("payload")
    _need(isinstance(payload, dict) and payload.get("compression") == "zlib")
    size = payload.get("size") if isinstance(payload, dict) else None
    _need(isinstance(size, int) and not isinstance(size, bool) and size >= 0)
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
    if version not in READABLE:
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
    _check_header(head, version)
    if _canonical(head) != head_bytes:
        raise FormatError("header")
    check_sizes(int(head["payload"]["size"]), body_len - (16 if head["sealed"] else 0))
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
        FormatError: ``recipient`` (sealed for another key), ``decrypt``, ``payload`` or
            ``bomb`` (more than any payload may hold).
    """
    size = int(container.header["payload"]["size"])
    check_sizes(size, len(container.body) - (16 if container.header["sealed"] else 0))
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
    dec = zlib.decompressobj()
    try:
        raw = dec.decompress(compressed, size + 1)
    except zlib.error:
        raise FormatError("payload") from None
    if len(raw) > size:
        raise FormatError("bomb")
    if len(raw) != size or dec.unconsumed_tail or not dec.eof or dec.unused_data:
        raise FormatError("payload")
    del compressed, dec
    check_counts(raw)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FormatError("payload") from None
    del raw  # from here only the text and what is parsed from it are held
    return parse_payload(text)


def check_sizes(size: int, compressed_len: int) -> None:
    """Refuse a declared decompressed size past the ceiling or impossible for the body.

    Raises:
        FormatError: ``bomb`` (too large) or ``payload`` (a body too large for its size).
    """
    if size > MAX_PAYLOAD or size > compressed_len * ZLIB_MAX_RATIO:
        raise FormatError("bomb")
    if compressed_len > size + size // 100 + 1024:  # stored blocks add 5 bytes per 16 KB
        raise FormatError("payload")


def check_counts(raw: bytes) -> None:
    """Refuse JSON that holds more arrays, objects or values than any payload may (counted
    on the bytes, so separators inside strings count too: an upper bound).

    Raises:
        FormatError: ``bomb``.
    """
    containers = raw.count(b"[") + raw.count(b"{")
    if containers > MAX_CONTAINERS or containers + raw.count(b",") > MAX_VALUES:
        raise FormatError("bomb")


def parse_payload(text: str) -> dict[str, Any]:
    """Parse a payload's JSON (its counts checked) and refuse one nested too deep.

    Raises:
        FormatError: ``bomb`` (too deep) or ``payload``.
    """
    try:
        payload = json.loads(text)
    except RecursionError:
        raise FormatError("bomb") from None
    except ValueError:
        raise FormatError("payload") from None
    if not isinstance(payload, dict):
        raise FormatError("payload")
    if _depth(payload) > MAX_DEPTH:
        raise FormatError("bomb")
    return payload


def _depth(value: Any) -> int:
    """How deep arrays and objects nest in a parsed payload (without recursion): one level
    at a time, stopping as soon as it is past the ceiling."""
    deepest = 0
    level = [value] if isinstance(value, (dict, list)) else []
    while level and deepest <= MAX_DEPTH:
        deepest += 1
        below: list[Any] = []
        for item in level:
            children = item.values() if type(item) is dict else item
            below += [c for c in children if type(c) is dict or type(c) is list]
        level = below
    return deepest
