"""The other desks follow a restore: desk A restores a backup into a new database of the
server; the old database is marked as replaced, desk B lands on the restored one when it
next opens the register (its record then names it), and a write that desk B begins on the
old database before that is refused, with nothing written there.

These need a server (``LINDUNGI_TEST_PG``, see tests/pg.py) and pg_dump/pg_restore:
skipped without them, except under CI, where the server is required.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from app.errors import StorageError
from app.i18n import render
from app.services import accounts, backup, chainhead, participants, pgbackup
from app.services.context import Context
from app.store import ledger, pg
from tests.conftest import CLI_PASSWORD, CLI_USER, MakeParticipant
from tests.integration.pg_register import pg_database, pg_kabupaten
from tests.integration.test_join_pg import RINA_PW, _join, _write, desk_a
from tests.pg import Server

__all__ = ["desk_a", "pg_database", "pg_kabupaten"]  # fixtures
needs_tools = pytest.mark.skipif(
    not pgbackup.tools_present(), reason="pg_dump/pg_restore are not on the PATH"
)


@pytest.fixture
def desks(desk_a: tuple[Path, str, Path], tmp_path: Path, cli: Any) -> tuple[Path, Path, str]:
    """Desk A (set up) and desk B (joined as rina) on one register; its database's name."""
    a, bare, db_pw = desk_a
    b = tmp_path / "desk-b"
    code, _out, err = _join(cli, b, bare, db_pw, "rina", _write(tmp_path / "rina-pw", RINA_PW))
    assert code == 0, err
    return a, b, pg.parse(bare)[0].database


def _database(data_dir: Path) -> str:
    locator = pg.load_locator(data_dir)
    assert locator is not None
    return locator.address.database


def _restore_at_a(
    a: Path, pg_server: Server, make_participant: MakeParticipant
) -> tuple[str, Path, str]:
    """At desk A: two registered, a backup, a third registered after it, then the backup
    restored into a new database. The new database's name, the backup, the third's NIK."""
    ctx, admin = accounts.sign_in(a, CLI_USER, CLI_PASSWORD)
    try:
        participants.register(ctx, admin, make_participant(serial=1))
        participants.register(ctx, admin, make_participant(serial=2))
        path = backup.backup(ctx, admin)
        third = make_participant(serial=3)
        participants.register(ctx, admin, third)
        restored = pg_server.create()
        assert pgbackup.restore(ctx, admin, path, restored) == 2
    finally:
        ctx.close()
    return restored, path, third.nik


def _count_in(pg_server: Server, database: str, table: str) -> int:
    engine = create_engine(pg_server.url(database))
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0)
    finally:
        engine.dispose()


@needs_tools
def test_a_desk_that_opens_after_a_restore_works_on_the_restored_database(
    desks: tuple[Path, Path, str],
    pg_server: Server,
    make_participant: MakeParticipant,
) -> None:
    a, b, old = desks
    restored, _path, third_nik = _restore_at_a(a, pg_server, make_participant)
    assert _database(a) == restored
    assert _database(b) == old  # B has not opened since

    ctx_b, rina = accounts.sign_in(b, "rina", RINA_PW)
    try:
        assert ctx_b.db.server is not None and ctx_b.db.server.database == restored
        # The restored register: the two of the backup, not the one registered after it.
        assert participants.count(ctx_b) == 2
        with ctx_b.db.read() as s:
            niks = {n for (n,) in s.execute(text("SELECT nik FROM participant"))}
        assert third_nik not in niks
        with ctx_b.db.read() as s:
            actions = [a for (a,) in s.execute(text("SELECT action FROM history ORDER BY id"))]
        assert "restore" in actions[-3:]  # then B's sign-in
        # B writes into the restored register, where A works too.
        participants.register(ctx_b, rina, make_participant(serial=4))
    finally:
        ctx_b.close()
    # B's record names the restored database, with the same server, password and TLS.
    locator_b = pg.load_locator(b)
    locator_a = pg.load_locator(a)
    assert locator_b is not None and locator_a is not None
    assert locator_b.address == locator_a.address
    assert locator_b.sealed_password is not None
    ctx_a, _admin = accounts.sign_in(a, CLI_USER, CLI_PASSWORD)
    try:
        assert participants.count(ctx_a) == 3
    finally:
        ctx_a.close()
    # The old database is as the restore left it: three participants, and the mark.
    assert _count_in(pg_server, old, "participant") == 3
    engine = create_engine(pg_server.url(old))
    try:
        with engine.connect() as conn:
            mark = ledger.superseded(conn)
    finally:
        engine.dispose()
    assert mark is not None and mark["database"] == restored and mark["by"] == CLI_USER


@needs_tools
def test_a_desk_open_during_the_restore_is_refused_its_next_write(
    desks: tuple[Path, Path, str],
    pg_server: Server,
    make_participant: MakeParticipant,
) -> None:
    a, b, old = desks
    ctx_b, rina = accounts.sign_in(b, "rina", RINA_PW)
    try:
        restored, _path, _nik = _restore_at_a(a, pg_server, make_participant)
        before = (_count_in(pg_server, old, "participant"), _count_in(pg_server, old, "history"))
        with pytest.raises(StorageError) as refused:
            participants.register(ctx_b, rina, make_participant(serial=5))
        assert refused.value.code == "pg.superseded"
        shown = render(refused.value.code, **refused.value.params)
        assert restored in shown and "Tutup Lindungi lalu buka lagi" in shown, shown
        # Reading still works (what B shows stays on screen until it restarts).
        assert participants.count(ctx_b) == 3
    finally:
        ctx_b.close()
    after = (_count_in(pg_server, old, "participant"), _count_in(pg_server, old, "history"))
    assert after == before
    # Started again, B follows.
    ctx_b, _rina = accounts.sign_in(b, "rina", RINA_PW)
    try:
        assert participants.count(ctx_b) == 2
    finally:
        ctx_b.close()
    assert _database(b) == restored


@pytest.mark.parametrize("target", ["missing", "empty"])
def test_a_mark_naming_no_register_of_this_install_is_refused_clearly(
    desks: tuple[Path, Path, str], pg_server: Server, target: str
) -> None:
    """The old database names a database that does not exist, or one that holds no
    register: desk B refuses to open, says why, and keeps its record as it was (it works
    on neither database)."""
    _a, b, old = desks
    name = "lindungi_tidak_ada" if target == "missing" else pg_server.create()
    engine = create_engine(pg_server.url(old))
    try:
        ledger.mark_superseded(engine, pg.WRITE_LOCK, {"database": name})
    finally:
        engine.dispose()
    before = pg.locator_path(b).read_bytes()
    with pytest.raises(StorageError) as refused:
        accounts.sign_in(b, "rina", RINA_PW)
    shown = render(refused.value.code, **refused.value.params)
    if target == "missing":
        assert refused.value.code == "pg.follow_gone"
        assert "tidak dapat dibuka" in shown and name in shown, shown
    else:
        assert refused.value.code == "pg.follow_other"
        assert "tidak memuat register instalasi 130300-K" in shown, shown
    assert old in shown
    assert pg.locator_path(b).read_bytes() == before
    assert json.loads(before)["server"]["database"] == old


@needs_tools
def test_a_restore_of_a_dump_that_carried_a_mark_clears_it(
    pg_kabupaten: Context, make_participant: MakeParticipant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup of a database that a restore had replaced carries the mark; restored, it
    is the register in use: the mark is gone and its writes go through."""
    from tests.actors import ADMIN
    from tests.integration.pg_register import create_database, open_register

    live = pg_kabupaten.db.engine
    participants.register(pg_kabupaten, ADMIN, make_participant(serial=7))
    ledger.mark_superseded(live, pg.WRITE_LOCK, {"database": "elsewhere"})
    with pytest.raises(StorageError) as refused:
        participants.register(pg_kabupaten, ADMIN, make_participant(serial=8))
    assert refused.value.code == "pg.superseded"
    # Lindungi refuses a backup of a marked database (test_a_backup_at_a_desk_open_…); a
    # dump made apart from it is what carries a mark.
    monkeypatch.setattr(chainhead, "sign_now", lambda *_a: None)
    monkeypatch.setattr(pgbackup, "refuse_if_superseded", lambda _conn: None)
    path = pgbackup.dump(pg_kabupaten, pg_kabupaten.backups_dir / "marked.pgdump")
    monkeypatch.undo()
    ledger.clear_superseded(live)
    address = create_database()
    assert pgbackup.restore(pg_kabupaten, ADMIN, path, address.database) == 1
    restored = open_register(pg_kabupaten.data_dir / "restored-view", address)
    try:
        with restored.db.engine.connect() as conn:
            assert ledger.superseded(conn) is None
        participants.register(restored, ADMIN, make_participant(serial=9))
        assert participants.count(restored) == 2
    finally:
        restored.close()


def _ledger_of(pg_server: Server, database: str) -> dict[str, str]:
    engine = create_engine(pg_server.url(database))
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT name, body FROM lindungi_ledger")).all()
    finally:
        engine.dispose()
    return {str(n): str(b) for n, b in rows}


@needs_tools
def test_the_ledger_in_use_comes_along_to_the_restored_database(
    desks: tuple[Path, Path, str],
    pg_server: Server,
    make_participant: MakeParticipant,
) -> None:
    """An erasure and a registration made after the backup: the restored database's ledger
    holds them (as the files beside a SQLite register survive its restore), so a later
    restore of an older backup still re-applies the erasure; only the chain head stays the
    backup's, the one the restored chain passes."""
    from app.services import privacy

    a, _b, old = desks
    ctx, admin = accounts.sign_in(a, CLI_USER, CLI_PASSWORD)
    try:
        first = participants.register(ctx, admin, make_participant(serial=1)).reg_no
        participants.register(ctx, admin, make_participant(serial=2))
        path = backup.backup(ctx, admin)
        participants.register(ctx, admin, make_participant(serial=3))
        privacy.erase(ctx, admin, first, "request")
        restored = pg_server.create()
        assert pgbackup.restore(ctx, admin, path, restored) == 2
    finally:
        ctx.close()
    before, after = _ledger_of(pg_server, old), _ledger_of(pg_server, restored)
    assert ledger.SUPERSEDED in before and ledger.SUPERSEDED not in after
    for name, body in before.items():
        if name not in (ledger.SUPERSEDED, chainhead.FILENAME):
            assert after.get(name) == body, name
    assert "erasures.json" in after and first in after["erasures.json"]
    ctx, admin = accounts.sign_in(a, CLI_USER, CLI_PASSWORD)
    try:  # the restored register opens clean: not flagged behind its head
        assert chainhead.behind(ctx) is None
        with ctx.db.read() as s:
            erased = s.execute(
                text("SELECT erased_at IS NOT NULL FROM participant WHERE reg_no = :r"),
                {"r": first},
            ).scalar()
        assert erased
    finally:
        ctx.close()


# --- a desk still open on the replaced database changes nothing there ---------------------


@needs_tools
def test_a_desk_open_during_the_restore_cannot_change_the_old_ledger(
    desks: tuple[Path, Path, str],
    pg_server: Server,
    make_participant: MakeParticipant,
) -> None:
    """Desk B, signed in before desk A's restore, tries to take a registration number, to
    raise a sequence and to sign its chain head: each is refused with the restore's
    message, and the old database's ledger is exactly as the restore left it."""
    from app.services import sequences

    a, b, old = desks
    ctx_b, rina = accounts.sign_in(b, "rina", RINA_PW)
    try:
        restored, _path, _nik = _restore_at_a(a, pg_server, make_participant)
        before = _ledger_of(pg_server, old)
        tries = {
            "a registration number": lambda: participants.register(
                ctx_b, rina, make_participant(serial=6)
            ),
            "a sequence": lambda: sequences.write(b, "registration", 900),
            "the chain head": lambda: chainhead.sign_now(ctx_b, "daily"),
            "a ledger document": lambda: ledger.update(b, chainhead.FILENAME, lambda _o: "{}"),
        }
        for what, attempt in tries.items():
            with pytest.raises(StorageError) as refused:
                attempt()
            assert refused.value.code == "pg.superseded", what
            assert refused.value.params["restored"] == restored, what
        assert _ledger_of(pg_server, old) == before
    finally:
        ctx_b.close()
    # The sequence in the old ledger is not the 900 that B tried.
    assert '"registration": 900' not in before.get("sequences.json", "")


@needs_tools
@pytest.mark.parametrize("key_locked", [False, True])
def test_a_backup_at_a_desk_open_during_the_restore_is_refused(
    desks: tuple[Path, Path, str],
    pg_server: Server,
    make_participant: MakeParticipant,
    monkeypatch: pytest.MonkeyPatch,
    key_locked: bool,
) -> None:
    """A backup started at a desk that has not restarted since a restore elsewhere would be
    a backup of a register nobody uses: refused with the restore's message, no file
    written, nothing changed in the old database; also when its chain head cannot be
    signed now (a signing key still waiting for its passphrase signs nothing)."""
    a, b, old = desks
    ctx_b, admin_b = accounts.sign_in(b, CLI_USER, CLI_PASSWORD)
    try:
        restored, _path, _nik = _restore_at_a(a, pg_server, make_participant)
        if key_locked:
            monkeypatch.setattr(chainhead, "sign_now", lambda *_a: None)
        history = _count_in(pg_server, old, "history")
        for taken in (
            lambda: backup.backup(ctx_b, admin_b),
            lambda: backup.auto_backup(ctx_b, "daily"),
        ):
            with pytest.raises(StorageError) as refused:
                taken()
            assert refused.value.code == "pg.superseded"
            shown = render(refused.value.code, **refused.value.params)
            assert restored in shown and "Tutup Lindungi lalu buka lagi" in shown, shown
        assert not list(ctx_b.backups_dir.glob("*.pgdump"))
        assert _count_in(pg_server, old, "history") == history
    finally:
        ctx_b.close()


# --- a restoring desk killed between the ledger's copy and the mark -----------------------

_KILLED_RESTORE = """
import os, sys
from pathlib import Path
from app.services import accounts, pgbackup
from app.store import ledger

data_dir, dump, database, point, user, password = sys.argv[1:7]
if point == "before_mark":  # the copy is committed in the restored database, the mark not
    put = ledger._put

    def killed(conn, name, body):
        if name == ledger.SUPERSEDED:
            os._exit(9)
        put(conn, name, body)

    ledger._put = killed
else:  # the mark is committed, the desk's own record not switched
    pgbackup.save_locator = lambda *_a: os._exit(9)
ctx, admin = accounts.sign_in(Path(data_dir), user, password)
pgbackup.restore(ctx, admin, Path(dump), database)
os._exit(0)
"""


@needs_tools
@pytest.mark.parametrize("point", ["before_mark", "before_switch"])
def test_a_restore_killed_between_its_steps_is_recovered_at_the_next_start(
    desks: tuple[Path, Path, str],
    pg_server: Server,
    make_participant: MakeParticipant,
    point: str,
) -> None:
    """The restoring desk's process is killed (no clean-up runs) after the restored
    database received the ledger in use but before the old one is marked, or after the
    mark but before its own record switched. At its next start: without the mark, the
    register in use is the old one, untouched, and the half-restored database is emptied
    (the restore can be made into it again); with the mark, the desk follows it to the
    restored database, complete with the ledger."""
    import subprocess
    import sys

    from app.store import pgdump

    a, b, old = desks
    ctx, admin = accounts.sign_in(a, CLI_USER, CLI_PASSWORD)
    try:
        participants.register(ctx, admin, make_participant(serial=1))
        participants.register(ctx, admin, make_participant(serial=2))
        path = backup.backup(ctx, admin)
        participants.register(ctx, admin, make_participant(serial=3))
    finally:
        ctx.close()
    restored = pg_server.create()
    ledger_before = _ledger_of(pg_server, old)
    script = [_KILLED_RESTORE, str(a), str(path), restored, point, CLI_USER, CLI_PASSWORD]
    killed = subprocess.run(
        [sys.executable, "-c", *script],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert killed.returncode == 9, killed.stderr
    assert _database(a) == old  # the desk's record never switched
    assert (a / "restore-server-pending.json").is_file()

    ctx, admin = accounts.sign_in(a, CLI_USER, CLI_PASSWORD)
    try:
        if point == "before_mark":
            assert _ledger_of(pg_server, old) == ledger_before  # no mark
            assert ctx.db.server is not None and ctx.db.server.database == old
            assert participants.count(ctx) == 3
        else:
            assert ctx.db.server is not None and ctx.db.server.database == restored
            assert participants.count(ctx) == 2
    finally:
        ctx.close()
    assert not (a / "restore-server-pending.json").exists()
    engine = create_engine(pg_server.url(restored))
    try:
        tables = pgdump.user_tables(engine)
    finally:
        engine.dispose()
    if point == "before_mark":
        assert not tables  # emptied: the restore can be made into it again
        ctx, admin = accounts.sign_in(a, CLI_USER, CLI_PASSWORD)
        try:
            assert pgbackup.restore(ctx, admin, path, restored) == 2
        finally:
            ctx.close()
    else:  # the ledger in use was there before the mark
        after = _ledger_of(pg_server, restored)
        for name, body in ledger_before.items():
            if name != chainhead.FILENAME:
                assert after.get(name) == body, name
    # Either way desk B, which never saw any of it, now follows to the restored register.
    ctx_b, _rina = accounts.sign_in(b, "rina", RINA_PW)
    try:
        assert ctx_b.db.server is not None and ctx_b.db.server.database == restored
        assert participants.count(ctx_b) == 2
    finally:
        ctx_b.close()
