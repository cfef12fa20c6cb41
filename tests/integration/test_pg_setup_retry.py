"""A setup on a server that fails half way leaves the server's database as it found it:
the register's tables, its install row and its ledger are removed again, so that the same
command run again (the server back, the fault gone) sets the register up whole.

These need a server (``LINDUNGI_TEST_PG``, see tests/pg.py): skipped without one, except
under CI, where they must run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from app.errors import StorageError
from app.services import accounts, participants
from app.store import pg, pgdump
from tests.conftest import CLI_PASSWORD, CLI_USER, MakeParticipant


def _tables(url: str) -> list[str]:
    engine = create_engine(url.replace("postgresql://", "postgresql+pg8000://", 1))
    try:
        return pgdump.user_tables(engine)
    finally:
        engine.dispose()


def _server_lost(*_args: Any, **_kwargs: Any) -> Any:
    raise StorageError("pg.connection_lost", host="127.0.0.1", port=5432)


@pytest.mark.parametrize(
    "step",
    [
        "app.services.setup.repo.save_identity",  # the tables made, no install row yet
        "app.services.accounts.first_admin",  # the install row written, no administrator
    ],
)
def test_a_setup_that_failed_half_way_can_be_run_again(
    pg_url: str,
    tmp_path: Path,
    cli: Any,
    cli_account: Any,
    monkeypatch: pytest.MonkeyPatch,
    make_participant: MakeParticipant,
    step: str,
) -> None:
    address, password = pg.parse(pg_url)
    assert password is not None
    db_pw = tmp_path / "db-password"
    db_pw.write_text(password + "\n", encoding="utf-8")
    desk = tmp_path / "desk"
    argv = [
        "--data-dir", desk, "setup", "--role", "kabupaten",
        "--database", address.display(), "--database-password-file", db_pw,
    ]  # fmt: skip
    with monkeypatch.context() as patch:
        patch.setattr(step, _server_lost)
        code, _out, err = cli(*argv)
    assert code != 0
    assert "terputus" in err, err
    assert not desk.exists()  # the data dir as it was found: nothing
    assert _tables(pg_url) == []  # and the server's database as it was found: empty

    code, out, err = cli(*argv)
    assert code == 0, err
    assert "130300-K" in out
    ctx, admin = accounts.sign_in(desk, CLI_USER, CLI_PASSWORD)
    try:
        assert participants.register(ctx, admin, make_participant(serial=1)).reg_no
    finally:
        ctx.close()


def test_a_failed_setup_leaves_tables_of_something_else_alone(
    pg_url: str, tmp_path: Path, cli: Any, cli_account: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database given also held a table of something else: the failed setup removes
    nothing there (the administrator sorts it out), and says what failed."""
    from sqlalchemy import text

    address, password = pg.parse(pg_url)
    assert password is not None
    engine = create_engine(pg_url.replace("postgresql://", "postgresql+pg8000://", 1))
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE catatan_lain (id integer PRIMARY KEY)"))
            conn.execute(text("INSERT INTO catatan_lain VALUES (7)"))
    finally:
        engine.dispose()
    db_pw = tmp_path / "db-password"
    db_pw.write_text(password + "\n", encoding="utf-8")
    monkeypatch.setattr("app.services.accounts.first_admin", _server_lost)
    code, _out, err = cli(
        "--data-dir", tmp_path / "desk", "setup", "--role", "kabupaten",
        "--database", address.display(), "--database-password-file", db_pw,
    )  # fmt: skip
    assert code != 0 and "terputus" in err, err
    assert "catatan_lain" in _tables(pg_url)


def _setup_argv(pg_url: str, tmp_path: Path, desk: str) -> list[Any]:
    address, password = pg.parse(pg_url)
    assert password is not None
    db_pw = tmp_path / "db-password"
    db_pw.write_text(password + "\n", encoding="utf-8")
    return [
        "--data-dir", tmp_path / desk, "setup", "--role", "kabupaten",
        "--database", address.display(), "--database-password-file", db_pw,
    ]  # fmt: skip


def _fail_unreachable(cli: Any, argv: list[Any], monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the setup of ``argv`` with the server gone after the install row was written,
    and still gone when the failed setup tried to remove its tables; its error output."""
    with monkeypatch.context() as patch:
        patch.setattr("app.services.accounts.first_admin", _server_lost)
        patch.setattr("app.services.server._remove_setup_tables", _server_lost)
        code, _out, err = cli(*argv)
    assert code != 0
    return str(err)


def test_a_setup_whose_cleanup_could_not_reach_the_server_can_be_run_again(
    pg_url: str, tmp_path: Path, cli: Any, cli_account: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The server went away after the install row was written, and was still away when
    # the failed setup tried to remove its tables: they stay, marked unfinished. The same
    # setup run again (the server back) replaces them; a finished register is refused.
    argv = _setup_argv(pg_url, tmp_path, "desk")
    err = _fail_unreachable(cli, argv, monkeypatch)
    assert "terputus" in err, err
    assert "install" in _tables(pg_url)  # left behind

    code, out, err = cli(*argv)
    assert code == 0, err
    assert "130300-K" in out
    code, _out, err = cli(*_setup_argv(pg_url, tmp_path, "another-desk"))
    assert code != 0
    assert "130300-K" in err  # already holds a register (with its administrator)
    ctx, _admin = accounts.sign_in(tmp_path / "desk", CLI_USER, CLI_PASSWORD)
    ctx.close()


def test_a_register_whose_setup_is_still_running_is_not_replaced(
    pg_url: str, tmp_path: Path, cli: Any, cli_account: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A setup on another desk has written its install row and is still going (it holds
    # the setup's lock): a second setup of the same database is refused, nothing removed.
    from sqlalchemy import text

    from app.store.concurrency import LOCK_SPACE, SETUP, lock_key

    argv = _setup_argv(pg_url, tmp_path, "desk")
    _fail_unreachable(cli, argv, monkeypatch)
    engine = create_engine(pg_url.replace("postgresql://", "postgresql+pg8000://", 1))
    try:
        with engine.connect() as running:  # the other desk's setup
            running.execute(
                text("SELECT pg_advisory_lock(:s, :k)"), {"s": LOCK_SPACE, "k": lock_key(SETUP, "")}
            )
            code, _out, err = cli(*argv)
            assert code != 0 and "130300-K" in err, err
            assert "install" in _tables(pg_url)
    finally:
        engine.dispose()
