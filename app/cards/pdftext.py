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

_OBJ = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
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


def _stream(body: bytes) -> tuple[bytes, bytes | None]:
    head, sep, rest = body.partition(b"stream")
    if not sep:
        return body, None
    data = rest.lstrip(b"\r\n")
    data = data[: data.rfind(b"endstream")].rstrip(b"\r\n")
    if b"ASCII85Decode" in head:
        data = base64.a85decode(data.strip().removesuffix(b"~>"), adobe=False)
    if b"FlateDecode" in head:
        data = zlib.decompress(data)
    return head, data


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
    objects: dict[int, tuple[bytes, bytes | None]] = {}
    try:
        for num, body in _OBJ.findall(data):
            objects[int(num)] = _stream(body)
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
