"""The kabupaten's register on a PostgreSQL server: setup's connection test, the
migrations, the append-only history, search, the audit chain and serial writers.

These need a server (``LINDUNGI_TEST_PG``, see tests/pg.py): skipped without one, except
under CI, where they must run.
"""

from __future__ import annotations

import base64
import datetime as dt
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.domain.install import Role
from app.errors import AppError, InvalidInput, StorageError
from app.services import accounts, audit, participants, server
from app.services.context import Context, open_data_dir
from app.services.setup import setup_install
from app.store import pg, repo
from app.store.engine import Database
from app.store.migrate import current_revision, head_revision, upgrade
from tests.actors import ADMIN
from tests.conftest import CLI_PASSWORD, CLI_USER, MakeParticipant
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
        pg.parse("postgresql://u@h/db?sslmode=allow")
    assert caught.value.code == "pg.sslmode"


@pytest.mark.parametrize("ca", ["missing", "not_a_certificate"])
def test_a_certificate_file_that_is_missing_or_not_one_is_named_and_nothing_is_written(
    tmp_path: Path, cli: Any, cli_account: Any, ca: str
) -> None:
    # Refused before any server is tried: the port is one where nothing listens.
    path = tmp_path / "server.crt"
    if ca == "not_a_certificate":
        path.write_text("bukan sertifikat\n")
    url = f"postgresql://lindungi@127.0.0.1:1/lindungi?sslmode=verify-full&sslrootcert={path}"
    data_dir = tmp_path / "kab"
    code, _out, err = cli("--data-dir", data_dir, "setup", "--role", "kabupaten", "--database", url)
    assert code != 0
    assert f"Berkas sertifikat server {path} (sslrootcert) tidak ada atau bukan sertifikat" in err
    assert "Traceback" not in err
    assert not data_dir.exists()


def _tls_ca() -> str:
    import os

    ca = os.environ.get("LINDUNGI_TEST_PG_CA", "")
    if not ca:
        reason = "no TLS certificate of the test server: set LINDUNGI_TEST_PG_CA"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; CI must run the TLS tests")
        pytest.skip(reason)
    return ca


def _tls_in_use(address: pg.ServerAddress, password: str | None) -> bool:
    engine = pg.make_pg_engine(address, password, busy_timeout_s=5)
    try:
        with engine.connect() as conn:
            return bool(
                conn.execute(
                    text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                ).scalar()
            )
    finally:
        engine.dispose()


@pytest.mark.parametrize("mode", ["prefer", "require", "verify-ca", "verify-full"])
def test_tls_connects_with_each_sslmode_that_can_trust_the_server(
    pg_server: Server, mode: str
) -> None:
    a = pg_server.address
    tls = pg.ServerAddress(a.host, a.port, a.database, a.user, mode, _tls_ca())
    assert _tls_in_use(tls, pg_server.password)
    plain = pg.ServerAddress(a.host, a.port, a.database, a.user, "disable")
    assert not _tls_in_use(plain, pg_server.password)


def test_a_certificate_that_does_not_verify_is_named_and_nothing_is_written(
    pg_server: Server, tmp_path: Path
) -> None:
    _tls_ca()
    a = pg_server.address
    # The test server's certificate is self-signed: the system's CAs do not vouch for it.
    url = (
        pg.ServerAddress(a.host, a.port, a.database, a.user, "verify-full")
        .url(pg_server.password)
        .render_as_string(hide_password=False)
        + "?sslmode=verify-full"
    )
    data_dir = tmp_path / "kab"
    data_dir.mkdir()
    with pytest.raises(StorageError) as caught:
        server.attach(data_dir, url, None, b"k" * 32)
    assert caught.value.code == "pg.tls"
    assert list(data_dir.iterdir()) == []


def test_a_register_set_up_over_tls_keeps_using_it(pg_url: str, tmp_path: Path) -> None:
    ca = _tls_ca()
    url = f"{pg_url}?sslmode=verify-ca&sslrootcert={ca}"
    ctx = _kabupaten_on(url, tmp_path / "kab")
    try:
        locator = pg.load_locator(ctx.data_dir)
        assert locator is not None and locator.address.sslmode == "verify-ca"
        with ctx.db.read() as s:
            assert s.execute(
                text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).scalar()
    finally:
        ctx.close()


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
    first = _kabupaten_on(pg_url, tmp_path / "first")
    try:  # a register whose setup finished: it has its first administrator
        accounts.first_admin(first, CLI_USER, CLI_PASSWORD)
    finally:
        first.close()
    with pytest.raises(AppError) as caught:
        server.attach(tmp_path / "second", pg_url, None, b"k" * 32)
    assert caught.value.code == "pg.not_empty"


def test_the_history_is_append_only_on_the_server(pg_register: str, tmp_path: Path) -> None:
    ctx = _kabupaten_on(pg_register, tmp_path / "kab")  # a copy of the migrated template
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
        # The list's first page: in name order with its count, also when the server takes
        # the matches first and sorts them (a count under the cap).
        with ctx.db.read() as s:
            first = repo.search_first(s, repo.ListQuery(search="riz"), limit=1, cap=10)
            names = [repo.participant_by_id(s, i).name for i in first.ids]  # type: ignore[union-attr]
        assert (names, first.count, first.capped) == (["Muhammad Rizki"], 2, False)
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


def test_sequences_chain_head_and_erasures_live_in_the_server_for_every_desk(
    pg_url: str, tmp_path: Path, make_participant: MakeParticipant
) -> None:
    from app.services import chainhead, erasures, sequences
    from app.store import ledger

    ctx = _kabupaten_on(pg_url, tmp_path / "kab")
    try:
        first = participants.register(ctx, ADMIN, make_participant(serial=1))
        head = chainhead.sign_now(ctx, "test")
        assert head is not None
        erasures.record(ctx.data_dir, first.reg_no, dt.datetime(2026, 12, 7, 9), "test")
        # Nothing of the ledger is a file of the desk, nor are the kabupaten's private keys
        # (sealed with the register's key in the server; the head above was signed with one).
        for name in (sequences.FILENAME, chainhead.FILENAME, erasures.FILENAME):
            assert not (ctx.data_dir / name).exists(), name
        assert not list((ctx.data_dir / "keys").glob("*.pem"))
        from app.services import keys

        [(key_name, pem)] = keys.exported_keys(ctx)
        assert pem.startswith(b"-----BEGIN PRIVATE KEY")
        with ctx.db.engine.connect() as conn:
            stored = conn.execute(
                text("SELECT body FROM lindungi_ledger WHERE name = :n"),
                {"n": keys.KEY_DOC + key_name},
            ).scalar()
        assert stored and b"PRIVATE KEY" not in base64.b64decode(stored)
        # … and another desk (another data dir on the same server) reads the same ledger.
        other = tmp_path / "desk2"
        other.mkdir()
        ledger.use_server(other, ctx.db.engine)  # as the second desk's open does
        assert sequences.read(other)["registration"] == sequences.read(ctx.data_dir)["registration"]
        found = chainhead.read_file(other)
        assert found is not None and found[0] == head
        assert [e.reg_no for e in erasures.entries(other)] == [first.reg_no]
        # A desk that read an older number never lowers the ledger.
        sequences.write(other, "registration", 1)
        assert sequences.read(ctx.data_dir)["registration"] >= 1
        top = sequences.read(ctx.data_dir)["registration"]
        sequences.write(other, "registration", top + 5)
        assert sequences.read(ctx.data_dir)["registration"] == top + 5
    finally:
        ctx.close()


@pytest.mark.parametrize("wrong", ["password", "database", "address", "kecamatan"])
def test_setup_on_the_command_line_refuses_clearly_and_leaves_no_folder(
    pg_server: Server, pg_url: str, tmp_path: Path, cli: Any, cli_account: Any, wrong: str
) -> None:
    a = pg_server.address
    url = {
        "password": pg.ServerAddress(a.host, a.port, _address(pg_url).database, a.user)
        .url("wrong")
        .render_as_string(hide_password=False),
        "database": pg.ServerAddress(a.host, a.port, "no_such_register", a.user)
        .url(pg_server.password)
        .render_as_string(hide_password=False),
        "address": pg.ServerAddress(a.host, 1, "x", a.user)
        .url(pg_server.password)
        .render_as_string(hide_password=False),
        "kecamatan": pg_url,
    }[wrong]
    role = (
        ["--role", "kecamatan", "--kecamatan", "13.03.06"]
        if wrong == "kecamatan"
        else [
            "--role",
            "kabupaten",
        ]
    )
    data_dir = tmp_path / "kab"
    code, _out, err = cli("--data-dir", data_dir, "setup", *role, "--database", url)
    assert code != 0
    expected = {
        "password": "menolak pengguna",
        "database": "tidak punya basis data bernama no_such_register",
        "address": "Tidak ada server PostgreSQL yang menjawab",
        "kecamatan": "hanya untuk kabupaten",
    }[wrong]
    assert expected in err
    assert "wrong" not in err  # the password is never echoed
    assert not data_dir.exists()


def test_setup_on_the_command_line_then_commands_sign_in_and_work(
    pg_url: str, tmp_path: Path, cli: Any, cli_account: Any
) -> None:
    data_dir = tmp_path / "kab"
    password_file = tmp_path / "db-password"
    address, password = pg.parse(pg_url)
    assert password is not None
    password_file.write_text(password + "\n", encoding="utf-8")
    bare = address.display()  # no password in the address
    code, out, err = cli(
        "--data-dir",
        data_dir,
        "setup",
        "--role",
        "kabupaten",
        "--database",
        bare,
        "--database-password-file",
        password_file,
        "--recovery-sheet",
        tmp_path / "sheet.pdf",
    )
    assert code == 0, err
    assert "130300-K" in out
    assert cli("--data-dir", data_dir, "demo", "--participants", "40")[0] == 0
    code, out, _err = cli("--data-dir", data_dir, "list", "--search", "a")
    assert code == 0 and "peserta" in out
    code, out, err = cli("--data-dir", data_dir, "audit", "verify")
    assert code == 0, err


def test_a_server_connection_lost_in_a_write_is_a_clear_message_and_nothing_is_saved(
    pg_url: str, tmp_path: Path, make_participant: MakeParticipant
) -> None:
    ctx = _kabupaten_on(pg_url, tmp_path / "kab")
    admin = _db(pg_url)
    try:
        with ctx.db.read() as s:
            before = repo.registration_seq(s)

        def write_while_the_server_goes() -> None:
            with ctx.db.session() as s:
                pid = s.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
                s.execute(text("UPDATE install SET registration_seq = registration_seq + 1"))
                with admin.engine.connect() as conn:  # the server ends this desk's session
                    conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
                s.execute(text("UPDATE install SET registration_seq = registration_seq + 1"))

        with pytest.raises(StorageError) as caught:
            write_while_the_server_goes()
        assert caught.value.code == "pg.connection_lost"
        # The pool replaces the dead connection; nothing of the transaction was saved.
        with ctx.db.read() as s:
            assert repo.registration_seq(s) == before
        assert audit.verify(ctx).ok
    finally:
        admin.close()
        ctx.close()


def test_backup_and_restore_of_a_server_register_send_the_user_to_the_server(
    pg_register: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without pg_dump on this PC, backups are the server's (with pg_dump, they are
    encrypted dumps: tests/integration/test_pg_backup.py)."""
    from app.errors import Refused, StorageError
    from app.services import backup

    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    ctx = _kabupaten_on(pg_register, tmp_path / "kab")
    try:
        with pytest.raises(StorageError) as told:
            backup.backup(ctx, ADMIN)
        assert told.value.code == "pgbackup.no_tool"
        with pytest.raises(Refused) as refused:
            backup.backup(ctx, ADMIN, tmp_path / "out", "a passphrase", True)
        assert refused.value.code == "pgbackup.no_passphrase"
        with pytest.raises(Refused) as refused:
            backup.restore(ctx, ADMIN, tmp_path / "x.sqlite")
        assert refused.value.code == "pgbackup.restore_into"
        assert backup.auto_backup(ctx, "daily") is None
        assert not backup.daily_backup_due(ctx)
        assert not list((tmp_path / "kab" / "backups").iterdir())
    finally:
        ctx.close()


def test_bulk_inserts_of_hundreds_verify_on_the_server(pg_register: str, tmp_path: Path) -> None:
    from app.services import demo

    ctx = _kabupaten_on(pg_register, tmp_path / "kab")
    try:
        demo.generate(ctx, ADMIN, 450, seed=3)  # past the bulk path's 200 rows
        found = audit.verify(ctx)
        assert found.ok, found
        with ctx.db.read() as s:
            assert repo.count_participants(s) == 450
            any_name = repo.participant_by_id(s, 1)
            assert any_name is not None
            word = any_name.name.split()[0][:4]
            ids = repo.search_ids(s, repo.ListQuery(search=word))
            assert 1 in ids
    finally:
        ctx.close()


def test_many_rows_written_at_once_read_back_exactly_as_given(
    pg_register: str, tmp_path: Path
) -> None:
    """The server's bulk path (each column as one array) keeps every value, NULL, quote,
    backslash, brace and comma as the row-by-row path does, the rows in their order; an
    id named twice is updated in order, as one by one."""
    ctx = _kabupaten_on(pg_register, tmp_path / "kab")
    odd = ['a "quoted" {word}, or two', "back\\slash", "NULL", "", "Élise’s\nline", None]
    try:
        with ctx.db.session() as s:
            raw = repo.driver(s)
            raw.execute(
                "CREATE TEMP TABLE bulk (id serial PRIMARY KEY, a text, b date, "
                "c timestamp, d boolean, e integer)"
            )
            rows = [
                (
                    odd[i % len(odd)],
                    dt.date(2024, 1, 1 + i % 28),
                    dt.datetime(2024, 2, 3, 4, 5, 6, i),
                    i % 2 == 0,
                    None if i % 5 == 0 else i,
                )
                for i in range(25_000)  # more than one statement's share
            ]
            raw.executemany("INSERT INTO bulk (a, b, c, d, e) VALUES (?, ?, ?, ?, ?)", rows)
            back = raw.execute("SELECT a, b, c, d, e FROM bulk ORDER BY id").fetchall()
            assert [r[0] for r in back] == [r[0] for r in rows]
            assert [r[4] for r in back] == [r[4] for r in rows]
            assert back[7][1:4] == ("2024-01-08", "2024-02-03 04:05:06.000007", False)
            raw.executemany("UPDATE bulk SET a = ?, e = ? WHERE id = ?", [("x", 1, 1), ("y", 2, 2)])
            raw.executemany("UPDATE bulk SET a = ? WHERE id = ?", [("first", 3), ("last", 3)])
            top = raw.execute("SELECT a, e FROM bulk WHERE id <= 3 ORDER BY id").fetchall()
            assert top == [("x", 1), ("y", 2), ("last", 2)]
            raw.execute("DROP TABLE bulk")
    finally:
        ctx.close()
