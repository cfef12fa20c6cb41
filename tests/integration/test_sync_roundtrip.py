"""The whole loop with three data dirs: enrol, register, approve, export, import in any order,
confirm, receipt back, edits on both sides, second bundles, a lost bundle covered by the
next, a cross-kecamatan duplicate NIK and its resolution. Counts are checked at each step.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.domain.participant import InactiveReason
from app.errors import Refused
from app.services import participants, trust
from app.services.changes import describe
from app.services.sync import conflicts, offices, results
from app.store import desk as desk_store
from app.store import repo
from tests.actors import ADMIN
from tests.conftest import MakeCtx
from tests.integration.sync_world import KEC_B, World, person, record, statuses


def give_kpj(world: World, reg_no: str, kpj: str) -> None:
    """What the BPJS import does at the kabupaten: a KPJ, status active, a new revision."""
    rec = record(world.kab, reg_no)
    now = dt.datetime.now()
    with world.kab.db.session() as s:
        desk_store.assign_kpjs(
            s,
            [
                {
                    "pid": rec.id,
                    "new_kpj": kpj,
                    "new_revision": rec.revision + 1,
                    "at": now,
                    "by": "admin",
                    "install": "130300-K",
                }
            ],
        )
        repo.add_history(
            s,
            at=now,
            actor="admin",
            install_code="130300-K",
            entity="participant",
            entity_id=rec.uuid,
            action="kpj",
            changes={"kpj": [None, kpj], "status": [rec.status, "active"]},
        )


def test_full_round_trip(make_ctx: MakeCtx, tmp_path: Path) -> None:
    w = World.make(make_ctx, tmp_path)
    # Enrolment: each office knows the kabupaten's fingerprint, the same on both screens.
    kab_fp = trust.whoami(w.kab).fingerprint
    assert trust.whoami(w.a).kabupaten_fingerprint == kab_fp
    assert trust.whoami(w.b).kabupaten == "130300-K"

    # Register and approve: three at A, two at B; a draft at A stays home.
    a_regs = w.register(w.a, person(1), person(2, name="Siti Aminah"), person(3, name="Nurhayati"))
    b_regs = w.register(w.b, person(1, kecamatan=KEC_B), person(2, kecamatan=KEC_B))
    draft = w.register(w.a, person(9, name="Masih Draf"), approve=False)[0]

    # B's bundle arrives first; both are held until the fingerprints are compared.
    bundle_b1 = w.export(w.b)
    bundle_a1 = w.export(w.a)
    assert bundle_a1.name == "LINDUNGI-130306-A-000001.lbundle"
    held = w.kab_import(bundle_b1)
    assert held.held and held.fingerprint == trust.whoami(w.b).fingerprint
    assert participants.count(w.kab) == 0
    ledger = {o.install_code: o for o in offices.ledger(w.kab)}
    assert ledger["130304-A"].held == [1] and not ledger["130304-A"].confirmed
    assert ledger["130306-A"].fingerprint is None  # enrolled, nothing received yet
    assert w.kab_import(bundle_a1).held

    # A wrong fingerprint confirms nothing; the right one merges what was held.
    with pytest.raises(Refused):
        offices.confirm_office(w.kab, ADMIN, "130306-A", kab_fp, w.usb)
    merged = w.confirm(w.a)
    assert [m.counts["new"] for m in merged] == [3]
    merged = w.confirm(w.b)
    assert merged[0].counts["new"] == 2
    assert participants.count(w.kab) == 5
    assert draft not in statuses(w.kab)
    assert set(statuses(w.kab).values()) == {"accepted"}

    # Importing the same bundle twice changes nothing.
    again = w.kab_import(bundle_a1)
    assert again.status == "already"
    assert participants.count(w.kab) == 5

    # Receipts back: the offices' records are accepted; the draft stays a draft.
    receipt_a = merged_receipt = w.receipt_for(w.a)
    back = w.office_import(w.a, receipt_a)
    assert back.counts["accepted"] == 3
    assert statuses(w.a) == dict.fromkeys(a_regs, "accepted") | {draft: "draft"}
    assert w.office_import(w.a, merged_receipt).status == "already"
    w.office_import(w.b, w.receipt_for(w.b))
    assert statuses(w.b) == dict.fromkeys(b_regs, "accepted")

    # Nothing changed since: the next bundle of A is empty.
    result, _ = w.sync(w.a)
    assert result.counts["new"] == result.counts["changed"] == 0

    # Edits on both sides. The office changes a phone; the kabupaten gives a KPJ and
    # corrects a name (other records, other fields).
    participants.edit(w.a, ADMIN, a_regs[0], person(1, phone="081234567890"))
    give_kpj(w, a_regs[1], "12345678901")
    participants.edit(w.kab, ADMIN, a_regs[2], person(3, name="Nurhayati Sari"))
    result, back = w.sync(w.a)
    assert {k: result.counts[k] for k in results.BUNDLE_COUNTS} == {
        "new": 0,
        "changed": 1,
        "unchanged": 0,
        "conflict": 0,
        "duplicate": 0,
        "refused": 0,
    }
    assert record(w.kab, a_regs[0]).phone == "081234567890"
    assert record(w.a, a_regs[1]).kpj == "12345678901"
    assert record(w.a, a_regs[1]).status == "active"
    assert record(w.a, a_regs[2]).name == "Nurhayati Sari"
    # The changes the receipt brought are not sent back up.
    result, _ = w.sync(w.a)
    assert result.counts["changed"] == 0 and result.counts["unchanged"] == 0

    # A lost bundle: #5 never reaches the kabupaten, #6 carries its content too.
    participants.edit(w.a, ADMIN, a_regs[0], person(1, phone="081299990000"))
    lost = w.export(w.a)
    participants.deactivate(w.a, ADMIN, a_regs[1], InactiveReason.DIED, dt.date(2024, 1, 5))
    sixth = w.export(w.a)
    result = w.kab_import(sixth)
    assert result.counts["changed"] == 2
    office = {o.install_code: o for o in offices.ledger(w.kab)}["130306-A"]
    assert office.gaps == [(5, 6)]
    assert record(w.kab, a_regs[0]).phone == "081299990000"
    kab_rec = record(w.kab, a_regs[1])
    assert (kab_rec.status, kab_rec.status_reason, kab_rec.kpj) == (
        "inactive",
        "died",
        "12345678901",
    )
    # The lost bundle turns up later: nothing in it is news.
    late = w.kab_import(lost)
    assert late.counts["changed"] == 0 and late.counts["unchanged"] == 1
    assert {o.install_code: o for o in offices.ledger(w.kab)}["130306-A"].gaps == []
    w.office_import(w.a, w.receipt_for(w.a))

    # A cross-kecamatan duplicate: the same NIK registered at A and at B.
    shared = person(20, name="Rosmaniar").nik
    dup_a = w.register(w.a, person(20, name="Rosmaniar"))[0]
    dup_b = w.register(w.b, person(20, kecamatan=KEC_B, nik=shared, name="Rosmaniar"))[0]
    w.sync(w.a)
    result, back = w.sync(w.b)
    assert result.counts["duplicate"] == 1 and result.counts["new"] == 0
    assert result.items[0].other == dup_a
    assert back.counts["pending"] == 1
    assert record(w.b, dup_b).status == "approved"  # waiting for the kabupaten's review
    assert dup_b not in statuses(w.kab)  # not in the register until decided
    queue = conflicts.list_conflicts(w.kab)
    assert [(c.kind, c.a["reg_no"], c.b["reg_no"]) for c in queue] == [("duplicate", dup_a, dup_b)]
    # Sent again while waiting: still one conflict.
    participants.edit(
        w.b,
        ADMIN,
        dup_b,
        person(20, kecamatan=KEC_B, nik=shared, name="Rosmaniar", phone="081311112222"),
    )
    result, _ = w.sync(w.b)
    assert result.counts["duplicate"] == 1
    assert len(conflicts.list_conflicts(w.kab)) == 1

    resolved = conflicts.resolve(w.kab, ADMIN, queue[0].id, keep="A")
    assert resolved.decision == "keep_a"
    assert conflicts.list_conflicts(w.kab) == []
    kab_b = record(w.kab, dup_b)
    assert (kab_b.status, kab_b.status_reason, kab_b.duplicate_of) == (
        "inactive",
        "duplicate",
        dup_a,
    )
    back = w.office_import(w.b, w.receipt_for(w.b))
    assert back.counts["inactive"] == 1
    office_b = record(w.b, dup_b)
    assert (office_b.status, office_b.duplicate_of) == ("inactive", dup_a)
    assert record(w.b, dup_b).phone == "081311112222"

    # Counts match at the end: every approved record of both offices is in the register.
    sent_a = {r for r, st in statuses(w.a).items() if st != "draft"}
    sent_b = set(statuses(w.b))
    assert set(statuses(w.kab)) == sent_a | sent_b
    assert participants.count(w.kab) == len(sent_a) + len(sent_b)
    history = json.loads(participants.history(w.kab, record(w.kab, a_regs[0]).uuid)[-1].changes)
    assert history  # merges are in the register's history


def test_edit_conflict_is_queued_and_resolved_field_by_field(
    make_ctx: MakeCtx, tmp_path: Path
) -> None:
    w = World.make(make_ctx, tmp_path, confirm=True)
    reg = w.register(w.a, person(1, name="Yusnimar"))[0]
    w.sync(w.a)
    participants.edit(w.kab, ADMIN, reg, person(1, name="Yusnimar Kab", jorong="Koto"))
    participants.edit(w.a, ADMIN, reg, person(1, name="Yusnimar Kec", phone="081234567890"))
    result, back = w.sync(w.a)
    assert result.counts["conflict"] == 1
    assert back.counts["pending"] == 1
    assert record(w.kab, reg).name == "Yusnimar Kab"  # nothing taken while it waits
    [c] = conflicts.list_conflicts(w.kab)
    assert c.kind == "edit" and "name" in c.differing
    # The office's next bundle (unchanged) does not make a second conflict.
    w.sync(w.a)
    assert len(conflicts.list_conflicts(w.kab)) == 1
    with pytest.raises(Refused):
        conflicts.resolve(w.kab, ADMIN, c.id, moved_to="A")
    conflicts.resolve_fields(w.kab, ADMIN, c.id, {"name": "B", "phone": "B"})
    kab = record(w.kab, reg)
    assert (kab.name, kab.phone, kab.jorong) == ("Yusnimar Kec", "081234567890", "Koto")
    back = w.office_import(w.a, w.receipt_for(w.a))
    office = record(w.a, reg)
    assert (office.name, office.phone, office.jorong) == ("Yusnimar Kec", "081234567890", "Koto")
    # Settled: the next bundle carries nothing.
    result, _ = w.sync(w.a)
    assert result.counts["changed"] == result.counts["conflict"] == 0
    with pytest.raises(Refused):
        conflicts.resolve(w.kab, ADMIN, c.id, keep="A")


def test_moved_to_another_kecamatan(make_ctx: MakeCtx, tmp_path: Path) -> None:
    w = World.make(make_ctx, tmp_path, confirm=True)
    old = w.register(w.a, person(5, name="Afrizal"))[0]
    nik = record(w.a, old).nik
    w.sync(w.a)
    new = w.register(w.b, person(5, kecamatan=KEC_B, nik=nik, name="Afrizal"))[0]
    result, _ = w.sync(w.b)
    assert result.counts["duplicate"] == 1
    [c] = conflicts.list_conflicts(w.kab)
    conflicts.resolve(w.kab, ADMIN, c.id, moved_to="B")
    assert (record(w.kab, old).status, record(w.kab, old).status_reason) == ("inactive", "moved")
    assert record(w.kab, new).status == "accepted"
    w.office_import(w.a, w.receipt_for(w.a))
    w.office_import(w.b, w.receipt_for(w.b))
    assert (record(w.a, old).status, record(w.a, old).status_reason) == ("inactive", "moved")
    assert record(w.b, new).status == "accepted"


def test_dry_run_previews_and_changes_nothing(make_ctx: MakeCtx, tmp_path: Path) -> None:
    w = World.make(make_ctx, tmp_path, confirm=True)
    w.register(w.a, person(1), person(2))
    path = w.export(w.a)
    preview = w.kab_import(path, dry_run=True)
    assert preview.status == "preview" and preview.counts["new"] == 2
    assert participants.count(w.kab) == 2 - 2
    assert w.kab_import(path).counts["new"] == 2


def test_receipt_restores_records_an_office_lost(make_ctx: MakeCtx, tmp_path: Path) -> None:
    """An office whose database lost records (an old backup) gets them back from a receipt,
    and its registration numbers continue after them."""
    w = World.make(make_ctx, tmp_path, confirm=True)
    regs = w.register(w.a, person(1), person(2))
    w.sync(w.a)
    with w.a.db.session() as s:
        from sqlalchemy import text

        s.execute(text("DELETE FROM participant WHERE reg_no = :r"), {"r": regs[1]})
    back = w.office_import(w.a, w.receipt_for(w.a))
    assert back.counts["restored"] == 1
    assert record(w.a, regs[1]).status == "accepted"
    third = w.register(w.a, person(3))[0]
    assert third == "130306-A-000003"


def test_receipts_out_of_order(make_ctx: MakeCtx, tmp_path: Path) -> None:
    w = World.make(make_ctx, tmp_path, confirm=True)
    reg = w.register(w.a, person(1))[0]
    w.sync(w.a)
    first = w.receipt_for(w.a)
    give_kpj(w, reg, "00012345678")
    second = w.receipt_for(w.a)
    assert w.office_import(w.a, second).status == "imported"
    assert record(w.a, reg).kpj == "00012345678"
    assert w.office_import(w.a, first).status == "superseded"
    assert record(w.a, reg).kpj == "00012345678"


def test_refused_record_goes_back_to_draft(make_ctx: MakeCtx, tmp_path: Path) -> None:
    """A record that fails the kabupaten's checks is refused alone, with the reason; the rest
    of the bundle is imported, and the office sees the record as a draft again."""
    w = World.make(make_ctx, tmp_path, confirm=True)
    good, bad = w.register(w.a, person(1), person(2))
    with w.a.db.session() as s:  # a nagari of another kecamatan slipped in (an old version)
        rec = repo.participant_by_reg(s, bad)
        assert rec is not None
        repo.update_participant(s, rec.id, {"nagari_code": "13.03.04.2001"})
        repo.add_history(  # its edit entry, as that version wrote it
            s,
            at=dt.datetime.now(),
            actor="admin",
            install_code="130306-A",
            entity="participant",
            entity_id=rec.uuid,
            action="edit",
            changes={"nagari_code": [rec.nagari_code, "13.03.04.2001"]},
        )
    result, back = w.sync(w.a)
    assert result.counts["new"] == 1 and result.counts["refused"] == 1
    assert [i.code for i in result.items if i.outcome == "refused"] == ["nagari.outside"]
    assert back.counts["refused"] == 1
    office = record(w.a, bad)
    assert (office.status, office.status_reason) == ("draft", "refused")
    # The reason is kept as its message code, shown in the reader's language.
    last = participants.history(w.a, office.uuid)[-1]
    assert "nagari.outside" in last.changes
    assert "Nagari" in "; ".join(describe(last.changes))
    assert record(w.a, good).status == "accepted"


def test_cards_and_handovers_travel(make_ctx: MakeCtx, tmp_path: Path) -> None:
    """Cards printed and voided and handovers at an office reach the register; a card the
    kabupaten voids (its own reprint) is void at the office after the receipt."""
    from app.services import cards, handover
    from app.store import cardrepo

    w = World.make(make_ctx, tmp_path, confirm=True)
    first, second = w.register(w.a, person(1), person(2))
    w.sync(w.a)  # accepted: cards may be printed
    cards.print_cards(w.a, ADMIN, cards.Selection(everyone=True), tmp_path / "c.pdf")
    event = handover.open_event(w.a, ADMIN, place="Kantor Camat")
    handover.give(w.a, ADMIN, event.id, first)
    result, _ = w.sync(w.a)
    assert result.counts["cards"] == 2 and result.counts["handovers"] == 1
    with w.kab.db.read() as s:
        assert cardrepo.count_cards(s)
        kab_cards = cardrepo.cards_of(s, record(w.kab, first).uuid)
        assert [(c.install_code, c.void) for c in kab_cards] == [("130306-A", False)]
        assert cardrepo.handed_of_card(s, kab_cards[0].id) is not None
    # Nothing new: nothing sent again.
    result, _ = w.sync(w.a)
    assert result.counts["cards"] == 0
    # A reprint at the office voids the old card at the kabupaten too.
    cards.reprint(w.a, ADMIN, cards.Selection(reg_nos=(second,)), "hilang", tmp_path / "r.pdf")
    result, _ = w.sync(w.a)
    assert result.counts["voided"] == 1 and result.counts["cards"] == 1
    with w.kab.db.read() as s:
        versions = sorted(
            (c.version, c.void) for c in cardrepo.cards_of(s, record(w.kab, second).uuid)
        )
    assert versions == [(1, True), (2, False)]
    # The kabupaten reprints the first card (its KPJ arrived): the office's card is void.
    cards.reprint(w.kab, ADMIN, cards.Selection(reg_nos=(first,)), "KPJ", tmp_path / "k.pdf")
    back = w.office_import(w.a, w.receipt_for(w.a))
    assert back.counts["cards_voided"] == 1
    with w.a.db.read() as s:
        assert [c.void for c in cardrepo.cards_of(s, record(w.a, first).uuid)] == [True]


def test_a_kabupaten_edit_after_a_merge_of_many_office_edits_is_not_lost(
    make_ctx: MakeCtx, tmp_path: Path
) -> None:
    """The office's revision runs ahead of the kabupaten's; a later kabupaten edit of the
    same field must still be seen as a conflict, not silently overwritten."""
    w = World.make(make_ctx, tmp_path, confirm=True)
    reg = w.register(w.a, person(1, name="Yusnita"))[0]
    w.sync(w.a)
    for phone in ("081200000001", "081200000002", "081200000003", "081200000004"):
        participants.edit(w.a, ADMIN, reg, person(1, name="Yusnita", phone=phone))
    w.sync(w.a)
    participants.edit(w.kab, ADMIN, reg, person(1, name="Yusnita Kab", phone="081200000004"))
    participants.edit(w.a, ADMIN, reg, person(1, name="Yusnita Kec", phone="081200000004"))
    result, _ = w.sync(w.a)
    assert result.counts["conflict"] == 1
    assert record(w.kab, reg).name == "Yusnita Kab"
    [c] = conflicts.list_conflicts(w.kab)
    conflicts.resolve(w.kab, ADMIN, c.id, keep="A")
    w.office_import(w.a, w.receipt_for(w.a))
    assert record(w.a, reg).name == "Yusnita Kab"
    # And after the decision, a kabupaten edit still travels down.
    participants.edit(w.kab, ADMIN, reg, person(1, name="Yusnita Akhir", phone="081200000004"))
    w.office_import(w.a, w.receipt_for(w.a))
    assert record(w.a, reg).name == "Yusnita Akhir"
    result, _ = w.sync(w.a)
    assert result.counts["changed"] == result.counts["conflict"] == 0


def test_a_waiting_duplicate_deactivated_by_its_office_leaves_the_queue(
    make_ctx: MakeCtx, tmp_path: Path
) -> None:
    w = World.make(make_ctx, tmp_path, confirm=True)
    reg_a = w.register(w.a, person(4))[0]
    w.sync(w.a)
    reg_b = w.register(w.b, person(4, kecamatan=KEC_B, nik=record(w.a, reg_a).nik))[0]
    w.sync(w.b)
    assert len(conflicts.list_conflicts(w.kab)) == 1
    participants.deactivate(w.b, ADMIN, reg_b, InactiveReason.DUPLICATE, duplicate_of=reg_a)
    result, back = w.sync(w.b)
    assert result.counts["new"] == 1
    assert back.counts["pending"] == 0
    assert conflicts.list_conflicts(w.kab) == []
    assert [c.decision for c in conflicts.list_conflicts(w.kab, open_only=False)] == ["withdrawn"]
    assert (record(w.kab, reg_b).status, record(w.kab, reg_b).duplicate_of) == ("inactive", reg_a)


def test_a_draft_deactivated_never_leaves_the_office(make_ctx: MakeCtx, tmp_path: Path) -> None:
    w = World.make(make_ctx, tmp_path, confirm=True)
    draft = w.register(w.a, person(6), approve=False)[0]
    participants.deactivate(w.a, ADMIN, draft, InactiveReason.ENDED)
    approved = w.register(w.a, person(7))[0]
    participants.deactivate(w.a, ADMIN, approved, InactiveReason.DIED)
    result, _ = w.sync(w.a)
    assert result.counts["new"] == 1
    assert set(statuses(w.kab)) == {approved}
