"""A print job's QR codes encoded in a second process give the very same PDF."""

from __future__ import annotations

import io
from concurrent.futures.process import BrokenProcessPool

import pytest

from app.cards import qrpool
from app.cards.qr import qr_bits
from app.cards.sheets import render_cards
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


class _Broken:
    """A process pool whose process died at start."""

    def __init__(self, *_args: object, **_kwargs: object) -> None:
        pass

    def submit(self, *_args: object) -> object:
        raise BrokenProcessPool("the process died")

    def shutdown(self, **_kwargs: object) -> None:
        pass


def test_a_second_process_that_cannot_start_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    serial = cards_pdf(21)
    monkeypatch.setattr(qrpool, "PARALLEL_FROM", 1)
    monkeypatch.setattr(qrpool, "_second_core", lambda: True)
    monkeypatch.setattr(qrpool, "ProcessPoolExecutor", _Broken)
    assert cards_pdf(21) == serial
