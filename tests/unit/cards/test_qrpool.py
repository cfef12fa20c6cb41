"""A print job's QR codes encoded in a second process give the very same PDF."""

from __future__ import annotations

import io
import time
from collections.abc import Sequence

import pytest

from app.cards import qrpool
from app.cards.qr import qr_bits
from app.cards.sheets import render_cards
from tests.unit.cards import dying_helper
from tests.unit.cards.test_sheets import TEXTS, face

NAMES = ["Yusnimar Wati", "Ñoño Ümlaut", "李小龍", "O\xa0Brien", "Back\\slash (Uni)"]


def cards_pdf(count: int) -> bytes:
    faces = [face(i, name=NAMES[i % len(NAMES)]) for i in range(count)]
    buf = io.BytesIO()
    render_cards(faces, TEXTS, buf, invariant=True)
    return buf.getvalue()


def test_codes_from_a_second_process_give_the_same_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    serial = cards_pdf(35)
    monkeypatch.setattr(qrpool, "PARALLEL_FROM", 1)
    monkeypatch.setattr(qrpool, "_second_core", lambda: True)
    assert cards_pdf(35) == serial


def test_every_code_arrives_in_order_from_both_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qrpool, "PARALLEL_FROM", 1)
    monkeypatch.setattr(qrpool, "_second_core", lambda: True)
    payloads = [face(i).payload for i in range(47)]
    with qrpool.encoded(payloads) as codes:
        got = list(codes)
    assert got == [qr_bits(p) for p in payloads]


class _Unstartable:
    """A second process that cannot be started (no resources, a frozen app without it)."""

    def __init__(self, *_args: object) -> None:
        raise OSError("no process for you")


def test_a_second_process_that_cannot_start_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    serial = cards_pdf(21)
    monkeypatch.setattr(qrpool, "PARALLEL_FROM", 1)
    monkeypatch.setattr(qrpool, "_second_core", lambda: True)
    monkeypatch.setattr(qrpool, "_Helper", _Unstartable)
    assert cards_pdf(21) == serial


class _Started(qrpool._Helper):
    """The helper, once it has taken its first chunks (this process waits for it)."""

    def __init__(self, chunks: Sequence[Sequence[str]]) -> None:
        super().__init__(chunks)
        deadline = time.monotonic() + 60
        while self.bounds[0] < 3 and time.monotonic() < deadline:
            time.sleep(0.01)


def test_a_second_process_that_dies_half_way_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # The helper takes three chunks from the front and dies after sending the first: this
    # process encodes what it did not deliver.
    monkeypatch.setattr(qrpool, "PARALLEL_FROM", 1)
    monkeypatch.setattr(qrpool, "_second_core", lambda: True)
    monkeypatch.setattr(qrpool, "_work", dying_helper.work)
    monkeypatch.setattr(qrpool, "_Helper", _Started)
    payloads = [face(i).payload for i in range(95)]
    with qrpool.encoded(payloads) as codes:
        got = list(codes)
    assert got == [qr_bits(p) for p in payloads]
    assert "QR codes encoded in this process" in caplog.text
