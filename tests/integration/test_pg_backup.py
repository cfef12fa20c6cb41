"""Backups of a register on PostgreSQL: an encrypted pg_dump, and a restore into an empty
database that passes the same checks as a SQLite restore before the install switches."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from app.errors import AppError, InvalidInput, Refused, StorageError
from app.i18n import render
from app.services import audit, backup, demo, participants, pgbackup
from app.services.context import Context
from app.store import pg, pgdump
from app.store.pg import ServerAddress
from tests.actors import ADMIN
from tests.integration.pg_register import (
    create_database,
    drop_database,
    open_register,
    pg_database,
    pg_kabupaten,
    server,
)

__all__ = ["pg_database", "pg_kabupaten"]  # fixtures
needs_tools = pytest.mark.skipif(
    not pgbackup.tools_present(), reason="pg_dump/pg_restore are not on the PATH"
)


@pytest.fixture
def register(pg_kabupaten: Context) -> Context:
    demo.generate(pg_kabupaten, ADMIN, 120, seed=3)
    return pg_kabupaten


@pytest.fixture
def empty_database() -> Iterator[ServerAddress]:
    address = create_database()
    yield address
    drop_database(address)


def a_person(ctx: Context) -> tuple[str, str]:
    with ctx.db.read() as s:
        row = s.execute(text("SELECT nik, name FROM participant ORDER BY id LIMIT 1")).one()
    return str(row[0]), str(row[1])


@needs_tools
def test_a_backup_is_an_encrypted_dump_that_restores_into_an_empty_database(
    register: Context, empty_database: ServerAddress
) -> None:
    path = backup.backup(register, ADMIN)
    assert path.suffix == ".pgdump" and path.parent == register.data_dir / "backups"
    assert path in [b.path for b in backup.list_backups(register)]
    raw = path.read_bytes()
    nik, name = a_person(register)
    assert nik.encode() not in raw and name.encode() not in raw
    assert b"PGDMP" not in raw  # pg_dump's own magic: nothing of the dump is in clear
    assert os.stat(path).st_mode & 0o077 == 0

    count = pgbackup.restore(register, ADMIN, path, empty_database.database)
    assert count == 120
    locator = pg.load_locator(register.data_dir)
    assert locator is not None and locator.address.database == empty_database.database
    restored = open_register(register.data_dir / "restored-view", empty_database)
    try:
        assert participants.count(restored) == 120
        assert audit.verify(restored).broken_at is None
        with restored.db.read() as s:
            actions = [a for (a,) in s.execute(text("SELECT action FROM history"))]
        assert actions[-1] == "restore"
    finally:
        restored.close()


@needs_tools
def test_a_restore_refuses_a_database_in_use_a_foreign_key_and_a_cut_file(
    register: Context, empty_database: ServerAddress, tmp_path: Path, pg_database: ServerAddress
) -> None:
    path = backup.backup(register, ADMIN)
    with pytest.raises(Refused) as refused:
        pgbackup.restore(register, ADMIN, path, pg_database.database)  # the live one
    assert refused.value.code == "pgbackup.not_empty"

    cut = tmp_path / "cut.pgdump"
    cut.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(InvalidInput):
        pgbackup.restore(register, ADMIN, cut, empty_database.database)
    engine = _engine(empty_database)
    try:
        assert pgdump.user_tables(engine) == []  # checked before the server was touched
    finally:
        engine.dispose()

    with pytest.raises(pgdump.DumpUnreadable):
        pgdump.check(path, bytes(32))  # another install's key
    foreign = tmp_path / "foreign.pgdump"
    foreign.write_bytes(b"not a backup at all")
    with pytest.raises(InvalidInput) as bad:
        pgbackup.restore(register, ADMIN, foreign, empty_database.database)
    assert "bukan cadangan register" in str(bad.value)
    # Nothing switched: the install still works on its own database.
    assert pg.load_locator(register.data_dir) is None
    assert participants.count(register) == 120


def _engine(address: ServerAddress) -> Engine:
    _a, password = server()
    return pg.make_pg_engine(address, password, busy_timeout_s=5)


def test_without_pg_dump_the_message_says_backups_are_the_servers_job(
    register: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(StorageError) as told:
        backup.backup(register, ADMIN)
    assert told.value.code == "pgbackup.no_tool"
    text_shown = render(told.value.code, **told.value.params)
    assert "pg_dump -Fc" in text_shown and "tugas server" in text_shown
    assert list((register.data_dir / "backups").glob("*.pgdump")) == []
    # The automatic ones skip quietly (the daily one says nothing is due).
    assert backup.auto_backup(register, "before-bundle-import") is None
    assert backup.auto_backup(register, "daily") is None
    assert not backup.daily_backup_due(register)


def test_a_sqlite_style_restore_is_refused_on_a_server(register: Context, tmp_path: Path) -> None:
    with pytest.raises(AppError) as refused:
        backup.restore(register, ADMIN, tmp_path / "x.sqlite")
    assert refused.value.code == "pgbackup.restore_into"
