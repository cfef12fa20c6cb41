"""Read back the text of a PDF this app wrote, for the self-test of the frozen build.

The installed app has no PDF reader (poppler and pypdf are test tools), yet ``lindungi
selftest`` must prove that a card PDF opens and holds the participant's name. ReportLab's
output is regular: numbered objects, Flate-compressed streams, TrueType subsets with
``/ToUnicode`` maps, and text shown with ``Tf`` and ``Tj``. This reads exactly that,
enough to check the file's structure and to extract its words; it is no general parser.
"""

from __future__ import annotations

import base64
import re
import zlib
from dataclasses import dataclass

_OBJ_START = re.compile(rb"(?:^|[\r\n])(\d+) 0 obj\b")
_LENGTH = re.compile(rb"/Length (\d+)\b")
_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_NAME = re.compile(rb"/Name /(F\d+(?:\+\d+)?)")
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_BFRANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_TOKENS = re.compile(
    rb"/(F\d+(?:\+\d+)?)\s+[\d.]+\s+Tf|\(((?:\\.|[^\\)])*)\)\s*Tj|(ET|T\*|\bT[dD]\b)", re.S
)
_ESCAPES = {b"n": 10, b"r": 13, b"t": 9, b"b": 8, b"f": 12, b"(": 40, b")": 41, b"\\": 92}


class NotAPdf(ValueError):
    """The file is not a complete PDF of the kind this app writes."""


@dataclass(frozen=True)
class PdfInfo:
    """What the self-test checks: the page count and the text."""

    pages: int
    text: str


def _objects(data: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Every object's dictionary and decoded stream.

    A stream is read by its ``/Length``, never by searching for ``endstream`` or
    ``endobj``: compressed bytes may contain those words by chance.
    """
    out: dict[int, tuple[bytes, bytes | None]] = {}
    pos = 0
    while True:
        m = _OBJ_START.search(data, pos)
        if m is None:
            return out
        start = m.end()
        end_obj = data.find(b"endobj", start)
        marker = data.find(b"stream", start)
        if marker != -1 and (end_obj == -1 or marker < end_obj):
            head = data[start:marker]
            length = _LENGTH.search(head)
            if length is None:
                raise ValueError("a stream without /Length")
            body_at = marker + len(b"stream")
            if data[body_at : body_at + 2] == b"\r\n":
                body_at += 2
            elif data[body_at : body_at + 1] in (b"\n", b"\r"):
                body_at += 1
            raw = data[body_at : body_at + int(length.group(1))]
            if len(raw) != int(length.group(1)):
                raise ValueError("a stream shorter than its /Length")
            out[int(m.group(1))] = (head, _decode(head, raw))
            pos = body_at + len(raw)
        else:
            if end_obj == -1:
                raise ValueError("an object without endobj")
            out[int(m.group(1))] = (data[start:end_obj], None)
            pos = end_obj + len(b"endobj")


def _decode(head: bytes, data: bytes) -> bytes:
    if b"ASCII85Decode" in head:
        data = base64.a85decode(data.strip().removesuffix(b"~>"), adobe=False)
    if b"FlateDecode" in head:
        data = zlib.decompress(data)
    return data


def _unescape(raw: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(raw):
        ch = raw[i : i + 1]
        if ch != b"\\":
            out += ch
            i += 1
            continue
        nxt = raw[i + 1 : i + 2]
        if nxt in _ESCAPES:
            out.append(_ESCAPES[nxt])
            i += 2
        elif nxt.isdigit():
            m = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
            assert m is not None
            out.append(int(m.group(), 8) & 0xFF)
            i += 1 + len(m.group())
        else:  # a line continuation or an unknown escape: drop the backslash
            i += 1
    return bytes(out)


def _cmap(data: bytes) -> dict[int, str]:
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, start in _BFRANGE.findall(block):
            first = int(start, 16)
            for n, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(first + n)
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, uni in _BFCHAR.findall(block):
            out[int(code, 16)] = bytes.fromhex(uni.decode()).decode("utf-16-be")
    return out


def read(data: bytes) -> PdfInfo:
    """The page count and the text (one line per text operator) of a PDF.

    Raises:
        NotAPdf: no PDF header, no end of file marker, no pages, or a damaged stream.
    """
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise NotAPdf("header or end marker missing")
    try:
        objects = _objects(data)
    except (zlib.error, ValueError) as exc:
        raise NotAPdf(f"damaged stream: {exc}") from exc
    pages = sum(1 for head, _ in objects.values() if re.search(rb"/Type /Page\b(?!s)", head))
    if pages == 0:
        raise NotAPdf("no pages")
    fonts: dict[bytes, dict[int, str]] = {}
    for head, _ in objects.values():
        name, to_unicode = _NAME.search(head), _TO_UNICODE.search(head)
        if name and to_unicode:
            cmap_stream = objects.get(int(to_unicode.group(1)), (b"", None))[1]
            fonts[name.group(1)] = _cmap(cmap_stream or b"")
    lines: list[str] = []
    for head, stream in objects.values():
        if stream is None or b"Tj" not in stream or b"/Length1" in head:
            continue
        current: dict[int, str] = {}
        line: list[str] = []
        for font, text, end in _TOKENS.findall(stream):
            if font:
                current = fonts.get(font, {})
            elif end:
                if line:
                    lines.append("".join(line))
                    line = []
            else:
                line.extend(current.get(b, chr(b)) for b in _unescape(text))
        if line:
            lines.append("".join(line))
    return PdfInfo(pages, "\n".join(lines))
