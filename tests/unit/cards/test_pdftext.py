"""The self-test's PDF reader reads streams by their /Length, whatever bytes they hold."""

from __future__ import annotations

import zlib

import pytest

from app.cards.pdftext import NotAPdf, read


def _pdf(content: bytes, compress: bool) -> bytes:
    stream = zlib.compress(content) if compress else content
    filt = b" /Filter /FlateDecode" if compress else b""
    objs = [
        b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n",
        b"4 0 obj\n<< /Length "
        + str(len(stream)).encode()
        + filt
        + b" >>\nstream\n"
        + stream
        + b"\nendstream\nendobj\n",
    ]
    return b"%PDF-1.4\n" + b"".join(objs) + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.mark.parametrize("compress", [False, True])
def test_words_like_endobj_inside_a_stream_do_not_cut_it(compress):
    info = read(_pdf(b"BT /F1 12 Tf (endobj endstream stream) Tj ET", compress))
    assert info.pages == 1
    assert info.text == "endobj endstream stream"


def test_a_truncated_stream_is_refused():
    data = _pdf(b"BT /F1 12 Tf (Siti) Tj ET", True)
    cut = data.replace(b"/Length ", b"/Length 9")  # longer than the file holds
    with pytest.raises(NotAPdf):
        read(cut)
