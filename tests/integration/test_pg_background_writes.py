"""A register on PostgreSQL works beside the program: a merge's reads run on a worker thread
while the records are decoded and checked, and its bulk writes while the next are made
ready (app.store.pg.pipelined). A statement the server refuses there, or a connection lost
there, is still the transaction's error, told as on the program's own thread; nothing of
the transaction stays, and the same work then goes in whole.

These need a server (``LINDUNGI_TEST_PG``, tests/pg.py): skipped without one, required
under CI.
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.errors import StorageError
from app.services import audit, trust
from app.services.context import Context
from app.services.sync import bundle_import, decision
from app.store import pg, repo
from app.store import sync as sync_store
from tests.actors import ADMIN
from tests.integration.pg_register import pg_database, pg_kabupaten
from tests.integration.sync_world import KEC_A, World, person, snapshot
from tests.integration.test_bulk_register import made

__all__ = ["pg_database", "pg_kabupaten"]  # fixtures


def _counts(ctx: Context) -> tuple[int, int]:
    with ctx.db.read() as s:
        people = s.execute(text("SELECT count(*) FROM participant")).scalar()
        entries = s.execute(text("SELECT count(*) FROM history")).scalar()
    return int(people or 0), int(entries or 0)


def test_a_row_refused_in_the_background_leaves_nothing_and_the_next_write_goes_in(
    pg_kabupaten: Context,
) -> None:
    ctx = pg_kabupaten
    rows, history = made(ctx)
    before = _counts(ctx)
    last = rows[-1]["uuid"]
    with ctx.db.engine.begin() as conn:  # the server refuses the last row of the batch
        conn.execute(
            text(f"ALTER TABLE participant ADD CONSTRAINT refuse_one CHECK (uuid <> '{last}')")
        )
    with pytest.raises(Exception, match="refuse_one"), ctx.db.session() as s:
        repo.bulk_register(s, rows, history)  # the entries went in first, then the rows
    assert not pg._PIPELINES  # nothing left running on any connection
    assert _counts(ctx) == before
    assert audit.verify(ctx).ok

    with ctx.db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE participant DROP CONSTRAINT refuse_one"))
    with ctx.db.session() as s:
        repo.bulk_register(s, rows, history)
    assert _counts(ctx) == (before[0] + len(rows), before[1] + len(history))
    found = audit.verify(ctx)
    assert found.ok, dataclasses.asdict(found)
    with ctx.db.read() as s:  # every new row points at the newest entry about it
        pointed = s.execute(
            text(
                "SELECT count(*) FROM participant p WHERE p.history_hash = (SELECT h.hash "
                "FROM history h WHERE h.entity_id = p.uuid ORDER BY h.id DESC LIMIT 1)"
            )
        ).scalar()
    assert pointed == len(rows)


@pytest.fixture
def world(pg_kabupaten: Context, make_ctx: Any, tmp_path: Path) -> World:
    """The kabupaten on the server and one office (SQLite), its key confirmed."""
    usb = tmp_path / "usb"
    usb.mkdir()
    written = trust.write_enrolment(pg_kabupaten, ADMIN, KEC_A, "A", usb)
    office = make_ctx("kecamatan", name="kec-a", setup=False)
    trust.setup_from_enrolment(office, ADMIN, written.path)
    out = World(pg_kabupaten, office, office, usb)
    out.register(office, person(1))
    out.kab_import(out.export(office))
    out.confirm(office)
    return out


def test_the_connection_lost_in_a_merges_reads_is_told_and_nothing_is_merged(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.register(world.a, *(person(i, name=f"Peserta {i}") for i in range(2, 30)))
    bundle = world.export(world.a)
    before = snapshot(world.kab)
    real = sync_store.participants_by_uuid
    seen: list[str] = []

    def cut(s: Session, uuids: Any) -> Any:
        if not seen:  # the server ends this desk's session as the register is read
            seen.append(threading.current_thread().name)
            pid = s.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with world.kab.db.engine.connect() as other:
                other.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        return real(s, uuids)

    monkeypatch.setattr(sync_store, "participants_by_uuid", cut)
    with pytest.raises(StorageError) as caught:
        bundle_import.import_file(world.kab, ADMIN, bundle)
    assert caught.value.code == "pg.connection_lost"
    assert seen and seen[0].startswith("lindungi-read")  # read beside the rules
    monkeypatch.undo()
    assert snapshot(world.kab) == before
    merged = bundle_import.import_file(world.kab, ADMIN, bundle)
    assert (merged.status, merged.counts["new"]) == ("imported", 28)
    assert audit.verify(world.kab).ok


def test_the_offices_history_goes_in_while_deciding_and_a_failure_after_leaves_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a server the office's new history entries are written once the register has been
    # read, while the records are decided; a fault in the decisions after that leaves
    # neither the entries nor anything else, and the same bundle then merges whole.
    world.register(world.a, *(person(i, name=f"Peserta {i}") for i in range(2, 30)))
    bundle = world.export(world.a)
    before = snapshot(world.kab)
    order: list[str] = []
    real_history, real_decide = sync_store.add_history_rows, decision.decide

    def history(s: Session, rows: Any) -> None:
        order.append("history")
        real_history(s, rows)

    def decide(*args: Any) -> Any:
        order.append("decide")
        if order.count("decide") == 20:
            raise OSError("a fault while deciding")
        return real_decide(*args)

    monkeypatch.setattr(sync_store, "add_history_rows", history)
    monkeypatch.setattr(bundle_import, "decide", decide)
    with pytest.raises(OSError, match="a fault while deciding"):
        bundle_import.import_file(world.kab, ADMIN, bundle)
    assert order[:2] == ["history", "decide"]  # the entries went in before any decision
    assert not pg._PIPELINES
    assert snapshot(world.kab) == before
    monkeypatch.undo()
    merged = bundle_import.import_file(world.kab, ADMIN, bundle)
    assert (merged.status, merged.counts["new"]) == ("imported", 28)
    found = audit.verify(world.kab)
    assert found.ok, dataclasses.asdict(found)
    each = "SELECT install_code, count(*) FROM history WHERE entity = 'participant' GROUP BY 1"
    with world.a.db.read() as s:
        office = {str(r[0]): int(r[1]) for r in s.execute(text(each))}
    with world.kab.db.read() as s:  # each entry once: the office's and the kabupaten's
        entries = {str(r[0]): int(r[1]) for r in s.execute(text(each))}
    assert entries == {**office, "130300-K": 29}
