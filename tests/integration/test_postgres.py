"""The kabupaten's register on a PostgreSQL server: setup's connection test, the
migrations, the append-only history, search, the audit chain and serial writers.

These need a server (``LINDUNGI_TEST_PG``, see tests/pg.py): skipped without one, except
under CI, where they must run.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.install import Role
from app.errors import AppError, InvalidInput, StorageError
from app.services import audit, participants, server
from app.services.context import Context, open_data_dir
from app.services.setup import setup_install
from app.store import pg, repo
from app.store.engine import Database
from app.store.migrate import current_revision, head_revision, upgrade
from tests.actors import ADMIN
from tests.conftest import MakeParticipant
from tests.pg import Server


def _address(url: str) -> pg.ServerAddress:
    return pg.parse(url)[0]


def _password(url: str) -> str | None:
    return pg.parse(url)[1]


def _db(url: str) -> Database:
    return Database(Path("unused"), None, server=_address(url), password=_password(url))


def test_migrations_run_up_and_down_and_up_again_on_a_server(pg_url: str) -> None:
    db = _db(pg_url)
    try:
        upgrade(db.engine, db.path, Path("unused"))
        assert current_revision(db.engine) == head_revision()
        from alembic import command

        from app.store.migrate import _alembic_config

        with db.engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "base")
        assert current_revision(db.engine) is None
        upgrade(db.engine, db.path, Path("unused"))
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()


@pytest.mark.parametrize(
    ("change", "word"),
    [
        ("wrong_port", "pg.unreachable"),
        ("wrong_password", "pg.auth"),
        ("wrong_database", "pg.no_database"),
    ],
)
def test_setup_with_a_wrong_address_password_or_database_says_so_and_writes_nothing(
    pg_server: Server, tmp_path: Path, change: str, word: str
) -> None:
    a, password = pg_server.address, pg_server.password
    if change == "wrong_port":
        bad = pg.ServerAddress(a.host, 1, a.database, a.user)
    elif change == "wrong_database":
        bad = pg.ServerAddress(a.host, a.port, "no_such_register", a.user)
    else:
        bad, password = a, "not-the-password"
    url = bad.url(password).render_as_string(hide_password=False)
    data_dir = tmp_path / "kab"
    data_dir.mkdir()
    with pytest.raises(StorageError) as caught:
        server.attach(data_dir, url, None, b"k" * 32)
    assert caught.value.code == word
    assert list(data_dir.iterdir()) == []


def test_an_address_that_is_not_postgresql_or_an_unknown_sslmode_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        pg.parse("mysql://u@h/db")
    assert caught.value.code == "pg.url"
    with pytest.raises(InvalidInput) as caught:
        pg.parse("postgresql://u@h/db?sslmode=prefer")
    assert caught.value.code == "pg.sslmode"


def test_a_server_that_refuses_tls_is_named(pg_server: Server, tmp_path: Path) -> None:
    a = pg_server.address
    tls = pg.ServerAddress(a.host, a.port, a.database, a.user, sslmode="require")
    with pytest.raises(StorageError) as caught:
        pg.check_connection(tls, pg_server.password)
    assert caught.value.code == "pg.tls"


def _kabupaten_on(url: str, data_dir: Path) -> Context:
    from app.services.context import database_key, ensure_writable

    ensure_writable(data_dir)
    key = database_key(data_dir)
    assert key is not None
    server.attach(data_dir, url, None, key)
    ctx = open_data_dir(data_dir)
    setup_install(ctx, ADMIN, role=Role.KABUPATEN)
    return ctx


def test_the_server_password_is_never_a_plain_file(pg_url: str, tmp_path: Path) -> None:
    ctx = _kabupaten_on(pg_url, tmp_path / "kab")
    ctx.close()
    password = _password(pg_url)
    assert password
    for path in (tmp_path / "kab").rglob("*"):
        if path.is_file():
            assert password.encode() not in path.read_bytes(), path


def test_a_register_of_a_newer_lindungi_is_refused(pg_url: str, tmp_path: Path) -> None:
    ctx = _kabupaten_on(pg_url, tmp_path / "kab")
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    ctx.close()
    with pytest.raises(StorageError) as caught:
        open_data_dir(tmp_path / "kab")
    assert caught.value.code == "db.newer"
    with pytest.raises(AppError) as again:  # and setup on it is refused before writing
        server.check_url(pg_url, None)
    assert again.value.code == "db.newer"


def test_setup_refuses_a_database_that_already_holds_a_register(
    pg_url: str, tmp_path: Path
) -> None:
    _kabupaten_on(pg_url, tmp_path / "first").close()
    with pytest.raises(AppError) as caught:
        server.attach(tmp_path / "second", pg_url, None, b"k" * 32)
    assert caught.value.code == "pg.not_empty"


def test_the_history_is_append_only_on_the_server(pg_url: str, tmp_path: Path) -> None:
    ctx = _kabupaten_on(pg_url, tmp_path / "kab")
    try:
        with ctx.db.engine.connect() as conn:
            for sql in ("UPDATE history SET actor = 'eve'", "DELETE FROM history"):
                with pytest.raises(Exception, match="append-only"), conn.begin():
                    conn.execute(text(sql))
        assert audit.verify(ctx).ok
    finally:
        ctx.close()


NAMES = ["Nur'aini", "Siti Aminah", "Siti Nurhaliza", "Muhammad Rizki", "Rizky Amelia", "Élise"]


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_name_search_finds_the_same_people_on_both_engines(
    engine: str, request: pytest.FixtureRequest, tmp_path: Path, make_participant: MakeParticipant
) -> None:
    if engine == "postgresql":
        ctx = _kabupaten_on(request.getfixturevalue("pg_url"), tmp_path / "kab")
    else:
        ctx = open_data_dir(tmp_path / "kab")
        setup_install(ctx, ADMIN, role=Role.KABUPATEN)
    try:
        for i, name in enumerate(NAMES):
            participants.register(ctx, ADMIN, make_participant(name=name, serial=i + 1))
        found = {}
        for term in ("siti", "nuraini", "nur", "riz", "siti ami", "elise", "zzz"):
            with ctx.db.read() as s:
                ids = repo.search_ids(s, repo.ListQuery(search=term))
                found[term] = sorted(repo.participant_by_id(s, i).name for i in ids)  # type: ignore[union-attr]
        assert found == {
            "siti": ["Siti Aminah", "Siti Nurhaliza"],
            "nuraini": ["Nur'aini"],
            "nur": ["Nur'aini", "Siti Nurhaliza"],
            "riz": ["Muhammad Rizki", "Rizky Amelia"],
            "siti ami": ["Siti Aminah"],
            "elise": ["Élise"],
            "zzz": [],
        }
        assert audit.verify(ctx).ok
    finally:
        ctx.close()


def test_write_sessions_follow_each_other_and_a_long_wait_is_busy(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = _kabupaten_on(pg_url, tmp_path / "kab")
    from app.store import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_S", 1)
    other = _db(pg_url)  # another desk, which waits at most a second
    try:
        order: list[str] = []
        holding = threading.Event()

        def first(hold: float) -> None:
            with ctx.db.session() as s:
                s.execute(text("SELECT 1"))
                holding.set()
                time.sleep(hold)
                order.append("first")

        worker = threading.Thread(target=first, args=(0.3,))
        worker.start()
        assert holding.wait(5)
        with other.session() as s:
            s.execute(text("SELECT 1"))
            order.append("second")
        worker.join()
        assert order == ["first", "second"]

        # A writer that waits past its lock timeout is told the register is busy, and the
        # reads of another desk never wait.
        holding.clear()
        worker = threading.Thread(target=first, args=(2.5,))
        worker.start()
        assert holding.wait(5)
        with other.read() as s:
            assert s.execute(text("SELECT count(*) FROM history")).scalar() is not None
        with pytest.raises(StorageError) as caught, other.session() as s:
            s.execute(text("SELECT 1"))
        assert caught.value.code == "db.busy"
        worker.join()
    finally:
        other.close()
        ctx.close()


def test_an_owner_who_disables_the_trigger_and_edits_or_deletes_is_still_caught(
    pg_url: str, tmp_path: Path
) -> None:
    from app.services import demo

    ctx = _kabupaten_on(pg_url, tmp_path / "kab")
    try:
        demo.generate(ctx, ADMIN, 10, seed=2)
        assert audit.verify(ctx).ok
        with ctx.db.engine.begin() as conn:
            conn.execute(text("ALTER TABLE history DISABLE TRIGGER history_no_update"))
            conn.execute(text("UPDATE history SET changes = '{}' WHERE id = 5"))
        edited = audit.verify(ctx)
        assert not edited.ok and edited.broken_at == 5
        with ctx.db.engine.begin() as conn:
            conn.execute(text("ALTER TABLE history DISABLE TRIGGER history_no_delete"))
            conn.execute(text("DELETE FROM history WHERE id = 4"))
        removed = audit.verify(ctx)
        assert not removed.ok and removed.broken_at is not None and removed.broken_at <= 5
    finally:
        ctx.close()
