"""The audit chain against someone holding the database file or a station's key: forged
entries, removed entries, a database copied back, rows edited or added outside Lindungi
(ghosts), and forged bundles carrying them. Each test is one attack, tried as one would."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from app.domain import audit as chain_rule
from app.errors import InvalidInput, Refused
from app.services import audit, backup, chainhead, participants, privacy
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store.engine import DB_FILENAME
from tests.actors import ADMIN
from tests.conftest import MakeCtx, MakeParticipant
from tests.integration.sync_world import World, person, reseal, statuses
from tests.opening import open_as, raw

OPERATOR = Actor("op", Role.OPERATOR)


def _raw(ctx: Context) -> Any:
    """The register behind the app's back, with its key, as an attacker with it would."""
    return raw(ctx.data_dir / DB_FILENAME, ctx.db.key)


def _ghost(ctx: Context, like: str, reg_no: str, nik: str) -> None:
    """A participant inserted straight into the database, copied from a real one."""
    con = _raw(ctx)
    cols = [r[1] for r in con.execute("PRAGMA table_info(participant)") if r[1] != "id"]
    picked = ", ".join(
        {"uuid": "'00000000-0000-4000-8000-0000000000aa'", "reg_no": "?", "nik": "?"}.get(c, c)
        for c in cols
    )
    con.execute(
        f"INSERT INTO participant ({', '.join(cols)}) SELECT {picked} "
        "FROM participant WHERE reg_no = ?",
        (reg_no, nik, like),
    )
    con.commit()
    con.close()


# --- attack 1: a forged redaction -----------------------------------------------------


def test_a_forged_redaction_is_refused_and_caught_without_the_trigger(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    ctx = kecamatan_ctx
    reg = participants.register(ctx, ADMIN, make_participant()).reg_no
    participants.approve(ctx, ADMIN, [reg])
    rec = participants.get(ctx, reg)
    con = _raw(ctx)
    (entry_id,) = con.execute(
        "SELECT max(id) FROM history WHERE entity_id = ?", (rec.uuid,)
    ).fetchone()
    forged = (
        "UPDATE history SET redacted = 1, actor = 'someone', changes = '{}', reason = 'x' "
        "WHERE id = ?"
    )
    # The trigger lets through only the erasure's own redaction, of an erased person.
    with pytest.raises(sqlcipher.DatabaseError, match="append-only"):
        con.execute(forged, (entry_id,))
    with pytest.raises(sqlcipher.DatabaseError, match="append-only"):
        con.execute(
            "UPDATE history SET redacted = 1, changes = '{\"redacted\": true}', reason = '', "
            "state = '' WHERE id = ?",
            (entry_id,),
        )
    # Without the trigger the forgery goes in, and verify names the entry: the link of
    # chain rule 2 covers who did it, even when the content is marked redacted.
    con.execute("DROP TRIGGER history_no_update")
    con.execute(forged, (entry_id,))
    con.commit()
    con.close()
    result = audit.verify(ctx)
    assert (result.ok, result.broken_at, result.kind) == (False, entry_id, "link")


def test_the_erasure_redacts_and_the_chain_still_verifies(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    ctx = kecamatan_ctx
    reg = participants.register(ctx, ADMIN, make_participant()).reg_no
    participants.approve(ctx, ADMIN, [reg])
    privacy.erase(ctx, ADMIN, reg)
    result = audit.verify(ctx)
    assert result.ok, result
    rec = participants.get(ctx, reg)
    entries = participants.history(ctx, rec.uuid)
    assert [e.action for e in entries][-1] == "erase"
    assert all("Yusnimar" not in e.changes for e in entries)


# --- attack 2: removed entries, a recomputed chain, a database copied back, a row edited


def _reopen(ctx: Context) -> Context:
    data_dir = ctx.data_dir
    ctx.close()
    return open_as(data_dir)


def test_deleting_the_newest_entries_is_flagged_at_start_up(
    make_ctx: MakeCtx, make_participant: MakeParticipant, cli: Any, cli_account: Any
) -> None:
    ctx = make_ctx("kecamatan", name="office")
    for i in range(3):
        participants.register(ctx, ADMIN, make_participant(serial=i + 1))
    backup.backup(ctx, ADMIN)  # signs the head: every entry so far
    con = _raw(ctx)
    con.execute("DROP TRIGGER history_no_delete")
    con.execute("DELETE FROM history WHERE id > (SELECT max(id) - 3 FROM history)")
    con.commit()
    con.close()
    ctx = _reopen(ctx)
    assert audit.verify(ctx).broken_at is None  # the remaining chain is whole …
    flag = chainhead.behind(ctx)
    assert flag is not None and flag.entries < flag.signed_count  # … but behind its head
    assert not audit.verify(ctx).ok
    data_dir = ctx.data_dir
    ctx.close()
    code, _out, err = cli("--data-dir", data_dir, "audit", "verify")
    assert code == 1 and "audit accept-behind" in err
    # An operator cannot clear it; a supervisor records the reason.
    ctx = open_as(data_dir)
    with pytest.raises(Refused):
        chainhead.accept(ctx, OPERATOR, "no")
    with pytest.raises(InvalidInput):
        chainhead.accept(ctx, ADMIN, "  ")
    chainhead.accept(ctx, ADMIN, "entries lost with a disk fault, checked by the camat")
    result = audit.verify(ctx)
    assert not result.behind
    # The records whose entries were removed have no history left: ghosts, named.
    assert result.ghosts == ("130306-A-000002", "130306-A-000003")
    last = audit.entries(ctx, ADMIN, limit=3)
    assert "chain_behind_accepted" in [e.action for e in last]
    assert "chain_behind" in [e.action for e in audit.entries(ctx, ADMIN, limit=None)]
    ctx.close()


def test_a_chain_recomputed_after_removing_an_entry_is_flagged(
    make_ctx: MakeCtx, make_participant: MakeParticipant
) -> None:
    ctx = make_ctx("kecamatan", name="office")
    for i in range(3):
        participants.register(ctx, ADMIN, make_participant(serial=i + 1))
    backup.backup(ctx, ADMIN)
    # Remove one entry and rebuild every hash after it, as a careful forger would.
    con = _raw(ctx)
    con.row_factory = sqlcipher.Row
    con.execute("DROP TRIGGER history_no_delete")
    con.execute("DROP TRIGGER history_no_update")
    con.execute("DELETE FROM history WHERE id = 3")
    prev = chain_rule.GENESIS
    for row in con.execute("SELECT * FROM history ORDER BY id").fetchall():
        entry = dict(row)
        if entry["rule"] >= 2:
            links = chain_rule.chain(prev, entry)
        else:
            links = {"prev_hash": prev, "hash": chain_rule.link(prev, entry["content_hash"])}
        con.execute(
            "UPDATE history SET prev_hash = ?, hash = ? WHERE id = ?",
            (links["prev_hash"], links["hash"], entry["id"]),
        )
        prev = links["hash"]
    con.commit()
    con.close()
    ctx = _reopen(ctx)
    try:
        result = audit.verify(ctx)
        assert result.broken_at is None  # the rebuilt chain is whole in itself …
        assert result.behind and not result.ok  # … and not the one this PC signed
    finally:
        ctx.close()


def test_an_older_database_copied_back_is_flagged(
    make_ctx: MakeCtx,
    make_participant: MakeParticipant,
    tmp_path: Path,
    cli: Any,
    cli_account: Any,
) -> None:
    ctx = make_ctx("kecamatan", name="office")
    participants.register(ctx, ADMIN, make_participant())
    data_dir = ctx.data_dir
    ctx.close()
    old = tmp_path / "old.sqlite"
    shutil.copy(data_dir / DB_FILENAME, old)
    # Later: a full-NIK export to hide, then a backup signs the head.
    ctx = open_as(data_dir)
    participants.register(ctx, ADMIN, make_participant(serial=2))
    backup.backup(ctx, ADMIN)
    ctx.close()
    for suffix in ("-wal", "-shm"):
        (data_dir / (DB_FILENAME + suffix)).unlink(missing_ok=True)
    shutil.copy(old, data_dir / DB_FILENAME)
    code, _out, err = cli("--data-dir", data_dir, "audit", "verify")
    assert code == 1
    assert "disalin kembali" in err  # "copied back", in Indonesian by default
    ctx = open_as(data_dir)
    try:
        actions = [e.action for e in audit.entries(ctx, ADMIN, limit=None)]
        assert "chain_behind" in actions  # recorded once, at start-up
    finally:
        ctx.close()
    ctx = open_as(data_dir)
    try:
        actions = [e.action for e in audit.entries(ctx, ADMIN, limit=None)]
        assert actions.count("chain_behind") == 1
    finally:
        ctx.close()


def test_an_edited_participant_row_is_named_by_verify(
    make_ctx: MakeCtx, make_participant: MakeParticipant, cli: Any, cli_account: Any
) -> None:
    ctx = make_ctx("kecamatan")
    reg = participants.register(ctx, ADMIN, make_participant()).reg_no
    assert audit.verify(ctx).ok
    con = _raw(ctx)
    con.execute("UPDATE participant SET income = 5000000 WHERE reg_no = ?", (reg,))
    con.commit()
    con.close()
    result = audit.verify(ctx)
    assert result.broken_at is None and result.unexplained == (reg,)
    code, _out, err = cli("--data-dir", ctx.data_dir, "audit", "verify")
    assert code == 1 and reg in err


# --- attack 3: ghosts -----------------------------------------------------------------


def test_a_ghost_is_named_held_back_and_never_merged(make_ctx: MakeCtx, tmp_path: Path) -> None:
    world = World.make(make_ctx, tmp_path, confirm=True)
    office = world.a
    (real,) = world.register(office, person(1))
    ghost = "130306-A-000099"
    _ghost(office, real, ghost, "1303064708800099")
    assert audit.verify(office).ghosts == (ghost,)
    # An operator's change through Lindungi does not make it explained.
    participants.approve(office, ADMIN, [ghost])
    assert ghost in audit.verify(office).ghosts + audit.verify(office).unexplained
    # The office's bundle leaves it out and says so.
    from app.services.sync import export

    done = export.export_bundle(office, ADMIN, world.usb)
    assert done.held_back == (ghost,)
    result = world.kab_import(done.path)
    assert result.status == "imported"
    assert ghost not in statuses(world.kab) and real in statuses(world.kab)
    actions = [e.action for e in audit.entries(office, ADMIN, limit=5)]
    assert "bundle_held_back" in actions


def test_a_forged_bundle_with_a_ghost_is_refused_and_not_restored_by_the_receipt(
    make_ctx: MakeCtx, tmp_path: Path
) -> None:
    world = World.make(make_ctx, tmp_path, confirm=True)
    office = world.a
    (real,) = world.register(office, person(1))
    genuine = world.export(office)

    def add_ghost(p: dict[str, Any]) -> None:
        (record,) = p["participants"]
        p["participants"].append(
            dict(
                record,
                uuid="00000000-0000-4000-8000-0000000000bb",
                reg_no="130306-A-000098",
                nik="1303064708800098",
            )
        )

    forged = reseal(world, genuine, tmp_path / "forged.lbundle", payload=add_ghost)
    result = world.kab_import(forged)
    assert result.status == "imported"
    refused = {i.reg_no: i.code for i in result.items if i.outcome == "refused"}
    assert refused == {"130306-A-000098": "record.no_history"}
    assert "130306-A-000098" not in statuses(world.kab)
    assert result.receipt is not None
    back = world.office_import(office, result.receipt)
    assert back.counts["restored"] == 0
    assert "130306-A-000098" not in statuses(office)
    assert statuses(office)[real] == "accepted"


def test_a_forged_bundle_with_an_edited_record_is_refused(
    make_ctx: MakeCtx, tmp_path: Path
) -> None:
    world = World.make(make_ctx, tmp_path, confirm=True)
    (real,) = world.register(world.a, person(1))
    genuine = world.export(world.a)

    def richer(p: dict[str, Any]) -> None:
        p["participants"][0]["income"] = 9_000_000

    forged = reseal(world, genuine, tmp_path / "forged.lbundle", payload=richer)
    result = world.kab_import(forged)
    refused = {i.reg_no: i.code for i in result.items if i.outcome == "refused"}
    assert refused == {real: "record.unexplained"}


# --- the head between installs --------------------------------------------------------


def test_heads_travel_first_use_then_extension(make_ctx: MakeCtx, tmp_path: Path) -> None:
    world = World.make(make_ctx, tmp_path, confirm=True)
    from app.services.sync import offices

    view = next(v for v in offices.ledger(world.kab) if v.install_code == "130306-A")
    assert view.chain_trust == "first_use" and view.chain_count > 0
    world.register(world.a, person(1))
    world.sync(world.a)
    view = next(v for v in offices.ledger(world.kab) if v.install_code == "130306-A")
    assert view.chain_trust == "extends"
    assert "menyambung" in view.chain_state  # "extends", in Indonesian
    # The office holds the kabupaten's head from its receipts the same way.
    from app.store import sync as sync_store

    with world.a.db.read() as s:
        kab = sync_store.get_peer(s, world.kab.identity.install_code)
    assert kab is not None and kab.chain_hash and kab.chain_trust in ("first_use", "extends")
    assert audit.verify(world.kab).ok and audit.verify(world.a).ok


def test_a_rewritten_office_chain_is_held_naming_what_is_missing(
    make_ctx: MakeCtx, tmp_path: Path
) -> None:
    world = World.make(make_ctx, tmp_path, confirm=True)
    office = world.a
    world.register(office, person(1))
    world.sync(office)
    data_dir = office.data_dir
    saved = tmp_path / "office-before.sqlite"
    office.close()
    shutil.copy(data_dir / DB_FILENAME, saved)
    office = open_as(data_dir)
    world.register(office, person(2))
    first = world.export(office)
    assert world.kab_import(first).status == "imported"
    office.close()
    # The office's database is replaced by the older copy, and its head file too (an
    # attacker at the office can reach both): the kabupaten is where it shows.
    for suffix in ("-wal", "-shm"):
        (data_dir / (DB_FILENAME + suffix)).unlink(missing_ok=True)
    shutil.copy(saved, data_dir / DB_FILENAME)
    (data_dir / chainhead.FILENAME).unlink()
    office = open_as(data_dir)
    world.a = office
    world.register(office, person(3))
    held = world.kab_import(world.export(office))
    assert (held.status, held.hold_reason) == ("held", "chain")
    assert "130306-A" in held.hold_message
    from app.services.sync import offices

    view = next(v for v in offices.ledger(world.kab) if v.install_code == "130306-A")
    assert view.chain_held and "ditahan" in view.chain_state
    office.close()


@pytest.mark.sqlite_file
def test_a_receipt_from_a_kabupaten_whose_chain_went_back_is_refused(
    make_ctx: MakeCtx, tmp_path: Path
) -> None:
    world = World.make(make_ctx, tmp_path, confirm=True)
    office = world.a
    world.register(office, person(1))
    world.sync(office)
    kab_dir = world.kab.data_dir
    world.kab.close()
    saved = tmp_path / "kab-before.sqlite"
    shutil.copy(kab_dir / DB_FILENAME, saved)
    world.kab = open_as(kab_dir)
    world.register(office, person(2))
    world.sync(office)  # the office now holds the kabupaten's newer head
    world.kab.close()
    for suffix in ("-wal", "-shm"):
        (kab_dir / (DB_FILENAME + suffix)).unlink(missing_ok=True)
    shutil.copy(saved, kab_dir / DB_FILENAME)
    (kab_dir / chainhead.FILENAME).unlink()
    world.kab = open_as(kab_dir)
    codes = []
    for _ in range(4):  # its receipt numbers run behind too: past those, the chain speaks
        with pytest.raises(Refused) as info:
            world.office_import(office, world.receipt_for(office))
        codes.append(info.value.code)
    assert codes[0] == "receipt.sequence_reused"
    assert codes[-1] in ("chain.receipt_behind", "chain.receipt_fork")


def test_a_clock_that_went_backwards_is_recorded(kecamatan_ctx: Context) -> None:
    import datetime as dt

    ctx = kecamatan_ctx
    today = dt.datetime(2026, 12, 7, 9, 0)
    chainhead.daily(ctx, "admin", today)
    chainhead.daily(ctx, "admin", today + dt.timedelta(hours=1))  # same day: nothing
    chainhead.daily(ctx, "admin", today - dt.timedelta(days=2))
    actions = [e.action for e in audit.entries(ctx, ADMIN, limit=None)]
    assert actions.count("clock_back") == 1
    with ctx.db.read() as s:
        head = chainhead.last_signed(s)
    assert head is not None and head.at == today - dt.timedelta(days=2)
    assert audit.verify(ctx).ok


def test_the_head_file_is_written_durably_beside_the_sequences(kecamatan_ctx: Context) -> None:
    ctx = kecamatan_ctx
    head = chainhead.sign_now(ctx, "test")
    assert head is not None
    found = chainhead.read_file(ctx.data_dir)
    assert found is not None and found[0] == head
    assert not list(ctx.data_dir.glob(chainhead.FILENAME + ".*.tmp"))
    # A lost file is put back from the database at the next start.
    (ctx.data_dir / chainhead.FILENAME).unlink()
    ctx = _reopen(ctx)
    try:
        assert chainhead.read_file(ctx.data_dir) is not None
    finally:
        ctx.close()


def test_cli_verify_json_names_no_ghosts_on_a_clean_install(
    make_ctx: MakeCtx, cli: Any, cli_account: Any
) -> None:
    ctx = make_ctx("kecamatan")
    code, out, _err = cli("--data-dir", ctx.data_dir, "audit", "verify", "--json")
    assert code == 0 and '"ghosts": []' in out and '"behind": false' in out


# --- the segment a file carries, read from the end ------------------------------------


def test_a_segment_read_from_the_newest_entry_is_the_one_counted_from_the_first(
    make_ctx: MakeCtx, make_participant: MakeParticipant
) -> None:
    """A receipt reads its segment backwards from the head it has just signed: the same
    entries and start as counting from the first entry; once an entry is written after
    the head, it counts from the first again."""
    from app.store import audit as audit_store

    ctx = make_ctx("kabupaten")
    for i in range(4):
        participants.register(ctx, ADMIN, make_participant(serial=i + 1))
    with ctx.db.read() as s:
        count, _last, newest = audit_store.head(s)
        assert count > 5
        for after in (0, 1, 2, count - 3, count - 1, count):
            counted = audit_store.segment(s, after, count)
            assert audit_store.segment(s, after, count, newest) == counted
            assert counted[0] == (audit_store.segment(s, after, after)[0])
            assert len(counted[1]) == count - after
        # The head before the newest entry: counted from the first.
        before = audit_store.segment(s, count - 1, count - 1)[0]
        assert audit_store.segment(s, 2, count - 1, before) == audit_store.segment(s, 2, count - 1)
    participants.register(ctx, ADMIN, make_participant(serial=9))
    with ctx.db.read() as s:
        assert audit_store.segment(s, 2, count, newest) == audit_store.segment(s, 2, count)
    ctx.close()


def test_a_segment_rendered_by_the_register_is_the_json_of_the_one_read(
    make_ctx: MakeCtx, make_participant: MakeParticipant
) -> None:
    """A receipt's entries, their JSON written by the register (on a server by the server):
    the same text as the link records read as values and encoded, from the newest entry
    and counted from the first, and none past a head the chain does not pass through."""
    import json

    from app.store import audit as audit_store
    from app.sync.container import Encoded

    ctx = make_ctx("kabupaten")
    for i in range(3):
        participants.register(ctx, ADMIN, make_participant(serial=i + 1))
    head = chainhead.sign_now(ctx, "test")
    assert head is not None
    with ctx.db.read() as s:
        for after in (0, 2, head.count - 1, head.count):
            start = audit_store.segment(s, after, after)[0]
            plain = chainhead.outgoing(s, (after, start), head)
            encoded = chainhead.outgoing(s, (after, start), head, encoded=True)
            assert isinstance(encoded["entries"], Encoded)
            text = "[" + ",".join(encoded["entries"].pieces) + "]"
            assert text == json.dumps(plain["entries"], separators=(",", ":"), ensure_ascii=False)
            assert encoded["start"] == plain["start"] == [after, start]
            assert len(plain["entries"]) == head.count - after
        elsewhere = chainhead.outgoing(s, (1, "0" * 64), head, encoded=True)
        assert elsewhere["start"] == [head.count, head.hash] and len(elsewhere["entries"]) == 0
    participants.register(ctx, ADMIN, make_participant(serial=9))  # the head is not the newest
    with ctx.db.read() as s:
        start = audit_store.segment(s, 2, 2)[0]
        plain = chainhead.outgoing(s, (2, start), head)
        encoded = chainhead.outgoing(s, (2, start), head, encoded=True)
        assert "[" + ",".join(encoded["entries"].pieces) + "]" == json.dumps(
            plain["entries"], separators=(",", ":"), ensure_ascii=False
        )
    ctx.close()


def test_the_head_counted_on_from_the_last_signed_one_is_the_whole_chains(
    make_ctx: MakeCtx, make_participant: MakeParticipant
) -> None:
    """Signing counts only the entries after the head signed last: the same count, newest
    id and hash as counting every entry; a known head whose entry is gone or has another
    hash (a chain rewritten) is not counted on from, and neither is an empty register's."""
    from app.store import audit as audit_store

    ctx = make_ctx("kabupaten")
    participants.register(ctx, ADMIN, make_participant(serial=1))
    first = chainhead.sign_now(ctx, "test")
    assert first is not None
    with ctx.db.read() as s:
        signed = audit_store.head(s)
        assert signed[0] == first.count and signed[2] == first.hash
        assert audit_store.head(s, signed) == signed  # nothing written since
    for i in range(3):
        participants.register(ctx, ADMIN, make_participant(serial=i + 2))
    with ctx.db.read() as s:
        whole = audit_store.head(s)
        assert whole[0] > signed[0]
        assert audit_store.head(s, signed) == whole
        count, last_id, digest = signed
        for wrong in (
            (count, last_id, "0" * 64),  # that entry's hash is another: recounted
            (count, whole[1] + 5, digest),  # no such entry
            (last_id + 1, last_id, digest),  # more entries than ids
            (0, 0, chain_rule.GENESIS),
        ):
            assert audit_store.head(s, wrong) == whole
    second = chainhead.sign_now(ctx, "test")
    assert second is not None and (second.count, second.hash) == (whole[0], whole[2])
    ctx.close()


def test_the_head_an_office_holds_is_the_first_unacknowledged_files_with_or_without_its_hash(
    make_ctx: MakeCtx, tmp_path: Path
) -> None:
    """Before an office answers, the kabupaten's head it holds is the one of the first
    receipt sent to it: read from the receipt's record, or (a record that kept only the
    count) counted off the chain; both are the same head, and the next receipt carries the
    entries after it."""
    import json

    from sqlalchemy import text

    from app.store import audit as audit_store
    from app.store import sync as sync_store

    world = World.make(make_ctx, tmp_path, confirm=True)
    world.register(world.a, person(1))
    world.kab_import(world.export(world.a))
    world.receipt_for(world.a)
    world.register(world.a, person(2))
    world.kab_import(world.export(world.a))
    world.receipt_for(world.a)
    code = "130306-A"
    with world.kab.db.session() as s:
        peer = sync_store.get_peer(s, code)
        assert peer is not None and not peer.chain_seen_hash  # the office has not answered
        sent = sync_store.sent(s, "receipt", code)
        assert len(sent) >= 2 and all("chain_hash" in x.cursor for x in sent)
        first = min(sent, key=lambda x: int(x.cursor["chain_count"]))
        count = int(first.cursor["chain_count"])
        recorded = chainhead.held_by(s, peer, "receipt")
        assert recorded == (count, first.cursor["chain_hash"])
        assert recorded == (count, audit_store.segment(s, count, count)[0])
    with world.kab.db.session() as s:  # as a receipt recorded before the hash was kept
        for x in sync_store.sent(s, "receipt", code):
            s.execute(
                text(
                    "UPDATE sync_sent SET cursor = :cursor WHERE kind = 'receipt' "
                    "AND sequence = :seq AND recipient = :code"
                ),
                {
                    "cursor": json.dumps({"chain_count": x.cursor["chain_count"]}),
                    "seq": x.sequence,
                    "code": code,
                },
            )
    with world.kab.db.read() as s:
        peer = sync_store.get_peer(s, code)
        assert peer is not None
        assert chainhead.held_by(s, peer, "receipt") == recorded
    # The office takes the newest receipt: the entries after the head it held join on.
    result = world.office_import(world.a, world.receipt_for(world.a))
    assert result.status == "imported", result.status
    assert audit.verify(world.kab).ok and audit.verify(world.a).ok
