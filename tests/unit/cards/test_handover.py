"""Handover events: open, give by registration number or scan, close, receipt, pending."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.cards.pdftext import read
from app.domain.participant import InactiveReason
from app.errors import InvalidInput, NotFound, Refused
from app.services import cards, handover, participants
from app.services.actor import Actor, Role
from app.services.cards import Selection
from app.services.context import Context
from tests.actors import ADMIN
from tests.cardhelp import APOSTROPHE, NON_LATIN1, reg_of

OPERATOR = Actor("ani", Role.OPERATOR)
SUPERVISOR = Actor("kasi", Role.SUPERVISOR)
DAY = dt.date(2022, 4, 15)


@pytest.fixture
def event(ctx: Context, tmp_path: Path) -> int:
    cards.print_cards(ctx, OPERATOR, Selection(everyone=True), tmp_path / "all.pdf")
    ev = handover.open_event(
        ctx,
        SUPERVISOR,
        place=" Kantor Camat  Kamang Baru ",
        date=DAY,
        officials="Camat Kamang Baru: H. Afrizal; ; Kepala Dinas Nakertrans: Yusrizal",
    )
    assert ev.is_open and ev.given == 0
    assert ev.place == "Kantor Camat Kamang Baru"
    assert ev.officials == ("Camat Kamang Baru: H. Afrizal", "Kepala Dinas Nakertrans: Yusrizal")
    return ev.id


def test_only_a_supervisor_opens_and_closes_an_event(ctx: Context) -> None:
    with pytest.raises(Refused):
        handover.open_event(ctx, OPERATOR, place="Balai")
    with pytest.raises(InvalidInput):
        handover.open_event(ctx, SUPERVISOR, place="  ")
    ev = handover.open_event(ctx, SUPERVISOR, place="Balai Nagari")
    assert ev.date == dt.date.today() and ev.opened_by == "kasi"
    with pytest.raises(Refused):
        handover.close_event(ctx, OPERATOR, ev.id)


def test_cards_are_given_by_number_or_scan_to_the_holder_or_a_proxy(
    ctx: Context, event: int
) -> None:
    a, b = reg_of(ctx, APOSTROPHE), reg_of(ctx, NON_LATIN1)
    g = handover.give(ctx, OPERATOR, event, a.lower())
    assert (g.reg_no, g.name, g.version, g.proxy, g.via) == (a, APOSTROPHE, 1, "", "tick")
    payload = cards.current_payload(ctx, b)
    assert payload is not None
    g = handover.give(ctx, OPERATOR, event, payload.lower() + "\n", proxy=" Siti  Aminah ")
    assert (g.reg_no, g.proxy, g.via) == (b, "Siti Aminah", "scan")
    assert [x.reg_no for x in handover.given(ctx, event)] == [a, b]
    assert handover.event(ctx, event).given == 2
    history = participants.history(ctx, participants.get(ctx, b).uuid)
    assert history[-1].action == "card_handed" and "Siti Aminah" in history[-1].changes


def test_a_card_is_handed_over_once(ctx: Context, event: int) -> None:
    a = reg_of(ctx, APOSTROPHE)
    handover.give(ctx, OPERATOR, event, a)
    with pytest.raises(Refused) as exc:
        handover.give(ctx, OPERATOR, event, a)
    assert (
        exc.value.code == "handover.already"
        and exc.value.params["place"] == "Kantor Camat Kamang Baru"
    )


def test_void_foreign_and_unprinted_cards_are_refused(
    ctx: Context, event: int, tmp_path: Path
) -> None:
    a = reg_of(ctx, APOSTROPHE)
    old = cards.current_payload(ctx, a)
    assert old is not None
    cards.reprint(ctx, OPERATOR, Selection(reg_nos=(a,)), "rusak", tmp_path / "r.pdf")
    with pytest.raises(Refused) as exc:
        handover.give(ctx, OPERATOR, event, old)
    assert exc.value.code == "handover.void"
    assert handover.give(ctx, OPERATOR, event, a).version == 2  # the new card
    tampered = old[:30] + ("9" if old[30] != "9" else "8") + old[31:]
    with pytest.raises(Refused):
        handover.give(ctx, OPERATOR, event, tampered)
    with pytest.raises(InvalidInput):
        handover.give(ctx, OPERATOR, event, "hello")
    with pytest.raises(NotFound):
        handover.give(ctx, OPERATOR, event, "130306-A-999999")
    with pytest.raises(NotFound):
        handover.give(ctx, OPERATOR, 999, a)


def test_inactive_holders_and_closed_events(ctx: Context, event: int) -> None:
    a, b = reg_of(ctx, APOSTROPHE), reg_of(ctx, NON_LATIN1)
    participants.deactivate(ctx, ADMIN, a, InactiveReason.DIED)
    with pytest.raises(Refused) as exc:
        handover.give(ctx, OPERATOR, event, a)
    assert exc.value.code == "handover.inactive"
    closed = handover.close_event(ctx, SUPERVISOR, event)
    assert not closed.is_open and closed.closed_by == "kasi"
    with pytest.raises(Refused):
        handover.give(ctx, OPERATOR, event, b)
    with pytest.raises(Refused):
        handover.close_event(ctx, SUPERVISOR, event)


def test_a_mistaken_tick_is_taken_back_while_the_event_is_open(ctx: Context, event: int) -> None:
    a = reg_of(ctx, APOSTROPHE)
    handover.give(ctx, OPERATOR, event, a)
    handover.take_back(ctx, OPERATOR, event, a)
    assert handover.given(ctx, event) == []
    with pytest.raises(NotFound):
        handover.take_back(ctx, OPERATOR, event, a)
    handover.give(ctx, OPERATOR, event, a)
    handover.close_event(ctx, SUPERVISOR, event)
    with pytest.raises(Refused):
        handover.take_back(ctx, OPERATOR, event, a)


def test_cards_not_collected_stay_pending_for_a_later_event(ctx: Context, event: int) -> None:
    a = reg_of(ctx, APOSTROPHE)
    assert len(handover.pending(ctx)) == 25
    handover.give(ctx, OPERATOR, event, a)
    handover.close_event(ctx, SUPERVISOR, event)
    waiting = handover.pending(ctx)
    assert len(waiting) == 24 and a not in {p.reg_no for p in waiting}
    assert {p.nagari for p in handover.pending(ctx, "13.03.06.2004")} == {"Aie Amo"}
    pid = participants.get(ctx, a).id
    assert cards.participant_ids(ctx, "handed") == [pid]
    assert pid not in cards.participant_ids(ctx, "pending")
    later = handover.open_event(ctx, SUPERVISOR, place="Balai Nagari Aie Amo")
    b = reg_of(ctx, NON_LATIN1)
    handover.give(ctx, OPERATOR, later.id, b)
    assert len(handover.pending(ctx)) == 23
    assert [e.id for e in handover.events(ctx)] == [later.id, event]


def test_receipt_lists_the_cards_given_with_signature_columns(
    ctx: Context, event: int, tmp_path: Path
) -> None:
    a, b = reg_of(ctx, APOSTROPHE), reg_of(ctx, NON_LATIN1)
    handover.give(ctx, OPERATOR, event, a)
    handover.give(ctx, OPERATOR, event, b, proxy="Siti Aminah")
    handover.close_event(ctx, SUPERVISOR, event)
    out = tmp_path / "tanda-terima.pdf"
    assert handover.receipt(ctx, event, out) == 1
    text = read(out.read_bytes()).text
    for part in (APOSTROPHE, NON_LATIN1, "Aminah", "Kantor Camat Kamang Baru", "15/04/2022"):
        assert part in text
    assert "( H. Afrizal )" in text and "( Yusrizal )" in text
    assert "Kecamatan Kamang Baru (130306-A)" in text
    assert "Halaman 1 dari 1" in text
    nik = participants.get(ctx, a).nik
    assert nik not in text  # masked
    with pytest.raises(NotFound):
        handover.receipt(ctx, 999, out)


def test_the_participant_list_filters_by_card_state(ctx: Context, event: int) -> None:
    from app.store.repo import ListQuery

    a = reg_of(ctx, APOSTROPHE)
    handover.give(ctx, OPERATOR, event, a)
    pid = participants.get(ctx, a).id
    assert participants.search(ctx, ListQuery(card="handed")) == [pid]
    pending = participants.search(ctx, ListQuery(card="pending"))
    assert len(pending) == 24 and pid not in pending
    assert participants.search(ctx, ListQuery(card="unprinted")) == []
    named = participants.search(ctx, ListQuery(card="pending", search="Şükrü"))
    assert [participants.rows(ctx, named)[0].name] == [NON_LATIN1]


def test_the_kabupaten_prints_and_hands_over_cards_too(
    kabupaten_ctx: Context, tmp_path: Path
) -> None:
    from app.services import demo

    ctx = kabupaten_ctx
    demo.generate(ctx, ADMIN, 12, seed=3)
    result = cards.print_cards(ctx, OPERATOR, Selection(everyone=True), tmp_path / "k.pdf")
    assert result.new == 12
    reg = handover.pending(ctx)[0].reg_no
    payload = cards.current_payload(ctx, reg)
    assert payload is not None and ".130300-K." in payload
    ev = handover.open_event(ctx, SUPERVISOR, place="Gedung Pancasila Muaro Sijunjung")
    handover.give(ctx, OPERATOR, ev.id, payload)
    handover.close_event(ctx, SUPERVISOR, ev.id)
    handover.receipt(ctx, ev.id, tmp_path / "r.pdf")
    assert "Kabupaten Sijunjung (130300-K)" in read((tmp_path / "r.pdf").read_bytes()).text


LONG_NAMES = [
    "Sutan Bagindo Alam Pamuncak Rajo Nan Sati Datuak Bandaro Kayo",
    "Hj. Nurhayati Binti Muhammad Syafei Datuak Rangkayo Basa Nan Panjang Gala",
    "Puti Reno Sari Dewi Andam Dewi Nan Elok Rupo Anak Rajo Pagaruyung",
]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_long_names_grow_their_rows_and_nothing_leaves_its_cell(tmp_path: Path) -> None:
    from app.cards.model import ReceiptEvent, ReceiptLine
    from app.cards.receipt import MARGIN, render_receipt

    lines = [
        ReceiptLine(
            LONG_NAMES[i % 3],
            "130306••••••••01",
            "Kunangan Parik Rantang",
            f"130306-A-{i + 1:06d}",
            f"130306-A/{i + 1:06d}",
            "Datuak Rajo Penghulu Nan Gadang Basa Batuah" if i % 4 == 1 else "",
            dt.datetime(2026, 12, 7, 9),
        )
        for i in range(14)  # past 10, so that two-digit signature numbers are checked too
    ]
    event = ReceiptEvent(
        1,
        dt.date(2026, 12, 7),
        "Kantor Camat Kamang Baru",
        ("Camat: H. Afrizal",),
        "Kabupaten Sijunjung",
        "Program Perlindungan Pekerja Rentan",
        "Kecamatan Kamang Baru (130306-A)",
        True,
        dt.datetime(2026, 12, 7, 10),
    )
    out = tmp_path / "tt.pdf"
    render_receipt(event, lines, out)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    right_edge = 595.28 - MARGIN / 1.0
    for page in html.split("<page")[1:]:
        words = [
            (float(a), float(b), float(c), float(d))
            for a, b, c, d in re.findall(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', page
            )
        ]
        assert words
        for x0, _y0, x1, _y1 in words:
            assert x0 >= MARGIN - 1 and x1 <= right_edge + 1  # nothing runs past the table
        # No word is printed over another (a fixed row height stacked long names over their
        # neighbours' rows).
        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                assert overlap_x <= 0.5 or overlap_y <= 0.5, (a, b)
    text = read(out.read_bytes()).text
    assert "7 Desember 2026" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), fonts  # every font embedded
    assert "Helvetica" not in fonts
