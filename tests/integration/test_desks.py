"""Several desks on one register: heartbeats, the change marker, retries, office locks.

These run on SQLite (every install's engine); the same behaviour with real concurrent
sessions on PostgreSQL is in test_desks_pg.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.errors import Refused, StorageError
from app.services import participants, presence
from app.services.actor import Actor, Role
from app.services.context import Context, open_data_dir
from app.services.sync import offices
from app.store import concurrency
from app.store.concurrency import is_retryable, lock_key, retrying
from app.store.faults import sqlstate
from tests.actors import ADMIN
from tests.integration.sync_world import World, person

RINA = Actor("rina", Role.SUPERVISOR)
NOW = dt.datetime(2026, 12, 7, 9, 0, 0)


@pytest.fixture
def second_desk(kabupaten_ctx: Context) -> Iterator[Context]:
    """Another program open on the same register (its own engine and connections)."""
    other = open_data_dir(kabupaten_ctx.data_dir)
    yield other
    other.close()


def test_each_desk_sees_the_others_and_a_silent_desk_is_gone_after_two_minutes(
    kabupaten_ctx: Context, second_desk: Context
) -> None:
    me, her = presence.new_desk_id(), presence.new_desk_id()
    assert presence.beat(kabupaten_ctx, ADMIN, me, "MEJA-1", NOW)
    assert presence.beat(second_desk, RINA, her, "MEJA-2", NOW + dt.timedelta(seconds=5))
    seen = presence.others(kabupaten_ctx, me, NOW + dt.timedelta(seconds=10))
    assert [(d.account, d.host) for d in seen] == [("rina", "MEJA-2")]
    assert [d.account for d in presence.others(second_desk, her, NOW)] == ["admin"]

    # A beat half a minute later keeps one row per desk, with its first sign of life kept.
    presence.beat(second_desk, RINA, her, "MEJA-2", NOW + dt.timedelta(seconds=35))
    seen = presence.others(kabupaten_ctx, me, NOW + dt.timedelta(seconds=40))
    assert len(seen) == 1 and seen[0].since == NOW + dt.timedelta(seconds=5)

    # Rina's PC was switched off: two minutes after her last beat she is no longer shown,
    # and the next beat of any desk removes her row.
    later = NOW + dt.timedelta(seconds=35) + presence_gone() + dt.timedelta(seconds=1)
    assert presence.others(kabupaten_ctx, me, later) == []
    presence.beat(kabupaten_ctx, ADMIN, me, "MEJA-1", later)
    with kabupaten_ctx.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM desk_presence")).scalar() == 1

    # Signing out removes the row at once.
    presence.leave(kabupaten_ctx, me)
    assert presence.others(second_desk, her, later) == []


def presence_gone() -> dt.timedelta:
    from app.store.presence import GONE_AFTER

    return GONE_AFTER


def test_the_change_marker_moves_when_another_desk_changes_the_register(
    kecamatan_ctx: Context, make_participant: Any
) -> None:
    other = open_data_dir(kecamatan_ctx.data_dir)
    try:
        before = presence.marker(kecamatan_ctx)
        assert presence.marker(kecamatan_ctx) == before  # reading changes nothing
        participants.register(other, ADMIN, make_participant())
        assert presence.marker(kecamatan_ctx) > before
    finally:
        other.close()


class _ServerSaid(Exception):
    """What pg8000 raises: the server's fields as a dict, "C" being the SQLSTATE."""

    def __init__(self, code: str) -> None:
        super().__init__({"S": "ERROR", "C": code, "M": "deadlock detected"})


class _Wrapped(Exception):
    """What SQLAlchemy raises around a driver error (``.orig``)."""

    def __init__(self, orig: Exception) -> None:
        super().__init__(str(orig))
        self.orig = orig


def test_a_deadlocked_transaction_is_run_again_and_other_errors_are_not() -> None:
    assert sqlstate(_Wrapped(_ServerSaid("40P01"))) == "40P01"
    assert is_retryable(_Wrapped(_ServerSaid("40001")))
    assert not is_retryable(_Wrapped(_ServerSaid("23505")))  # a unique violation is real
    assert not is_retryable(ValueError("x"))

    tries: list[int] = []
    waits: list[float] = []

    def work() -> str:
        tries.append(1)
        if len(tries) < 3:
            raise _Wrapped(_ServerSaid("40P01"))
        return "saved"

    assert retrying(work, sleep=waits.append) == "saved"
    assert len(tries) == 3 and len(waits) == 2 and all(0 < w < 0.1 for w in waits)

    def always() -> None:
        raise _Wrapped(_ServerSaid("40001"))

    with pytest.raises(StorageError) as refused:
        retrying(always, attempts=3, sleep=waits.append)
    assert refused.value.code == "db.contention"

    def unique() -> None:
        raise _Wrapped(_ServerSaid("23505"))

    with pytest.raises(_Wrapped):
        retrying(unique, sleep=waits.append)


def test_lock_keys_are_per_office_and_fit_postgres_int4() -> None:
    keys = {lock_key(concurrency.MERGE, f"1303{k:02d}-A") for k in range(1, 9)}
    assert len(keys) == 8
    assert all(-(2**31) <= k < 2**31 for k in keys)
    assert lock_key("merge", "130306-a ") == lock_key("merge", "130306-A")
    assert lock_key("merge", "130306-A") != lock_key("confirm", "130306-A")


def test_two_desks_confirming_one_office_at_once_one_wins_the_other_is_told(
    make_ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = World.make(make_ctx, tmp_path)
    world.register(world.a, person(1), person(2, name="Siti Aminah"))
    world.kab_import(world.export(world.a))
    from app.services import trust

    fingerprint = trust.whoami(world.a).fingerprint
    other = open_data_dir(world.kab.data_dir)
    try:
        # Desk 2 has read the office as unconfirmed; before it writes, desk 1 confirms.
        real = trust.normalise_fingerprint
        won: list[Any] = []

        def meanwhile(given: str) -> str:
            if not won:
                won.append([])  # desk 1's own call passes straight through
                won[0] = offices.confirm_office(world.kab, ADMIN, "130306-A", fingerprint)
            return real(given)

        monkeypatch.setattr(offices, "normalise_fingerprint", meanwhile)
        with pytest.raises(Refused) as told:
            offices.confirm_office(other, RINA, "130306-A", fingerprint, world.usb)
        assert told.value.code == "office.confirmed_meanwhile"
        assert told.value.params["by"] == "admin"
    finally:
        other.close()
    assert [r.counts["new"] for r in won[0]] == [2]
    assert participants.count(world.kab) == 2
    with world.kab.db.read() as s:
        confirmations = s.execute(
            text("SELECT count(*) FROM history WHERE action = 'office_confirmed'")
        ).scalar()
    assert confirmations == 1
