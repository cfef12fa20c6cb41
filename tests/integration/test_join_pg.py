"""Adding a desk: a second PC joins the kabupaten's register on a PostgreSQL server with
``database join``, signs in with an account made at the first desk, and both desks work
on one register; accounts and passwords changed at one desk count at the other.

These need a server (``LINDUNGI_TEST_PG``, see tests/pg.py): skipped without one, except
under CI, where they must run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.errors import Refused
from app.services import accounts, participants, vault
from app.services.actor import Role
from app.store import pg
from tests.conftest import CLI_PASSWORD, CLI_USER, MakeParticipant
from tests.pg import Server

RINA_PW = "rina-sandi-123"
RINA_NEW = "rina-baru-4567"


def _write(path: Path, text: str) -> Path:
    path.write_text(text + "\n", encoding="utf-8")
    return path


@pytest.fixture
def desk_a(pg_url: str, tmp_path: Path, cli: Any, cli_account: Any) -> tuple[Path, str, Path]:
    """Desk A set up on the server (admin), with the supervisor ``rina`` added there; the
    bare address (no password) and the file with the server's password."""
    address, password = pg.parse(pg_url)
    assert password is not None
    db_pw = _write(tmp_path / "db-password", password)
    bare = address.display()
    a = tmp_path / "desk-a"
    code, _out, err = cli(
        "--data-dir", a, "setup", "--role", "kabupaten", "--database", bare,
        "--database-password-file", db_pw,
    )  # fmt: skip
    assert code == 0, err
    rina_pw = _write(tmp_path / "rina-pw", RINA_PW)
    code, _out, err = cli(
        "--data-dir", a, "user", "add", "rina", "--role", "supervisor",
        "--password-file", rina_pw,
    )  # fmt: skip
    assert code == 0, err
    return a, bare, db_pw


def _join(cli: Any, path: Path, url: str, db_pw: Path | None, user: str, pw: Path) -> Any:
    extra = ["--database-password-file", db_pw] if db_pw is not None else []
    return cli(
        "--data-dir", path, "--user", user, "--password-file", pw,
        "database", "join", url, *extra,
    )  # fmt: skip


def test_a_second_desk_joins_and_both_work_on_one_register(
    desk_a: tuple[Path, str, Path],
    tmp_path: Path,
    cli: Any,
    make_participant: MakeParticipant,
) -> None:
    a, bare, db_pw = desk_a
    b = tmp_path / "desk-b"
    rina_pw = _write(tmp_path / "rina-pw", RINA_PW)
    code, out, err = _join(cli, b, bare, db_pw, "rina", rina_pw)
    assert code == 0, err
    assert "130300-K" in out

    # A registers one; B, signed in as rina, sees it and registers another.
    ctx_a, admin = accounts.sign_in(a, CLI_USER, CLI_PASSWORD)
    try:
        first = participants.register(ctx_a, admin, make_participant(serial=1))
    finally:
        ctx_a.close()
    ctx_b, rina = accounts.sign_in(b, "rina", RINA_PW)
    try:
        assert ctx_b.identity.install_code == "130300-K"
        assert participants.count(ctx_b) == 1
        second = participants.register(ctx_b, rina, make_participant(serial=2))
    finally:
        ctx_b.close()
    assert second.reg_no != first.reg_no
    ctx_a, _admin = accounts.sign_in(a, CLI_USER, CLI_PASSWORD)
    try:
        assert participants.count(ctx_a) == 2
    finally:
        ctx_a.close()
    code, _out, err = cli("--data-dir", a, "audit", "verify")
    assert code == 0, err

    # No password or key of B's in plain text in its files.
    server_pw = db_pw.read_text(encoding="utf-8").strip()
    stored = vault.load(b)
    assert stored is not None and "unclaimed" not in stored
    for path in b.rglob("*"):
        if path.is_file():
            body = path.read_bytes()
            for secret in (server_pw, RINA_PW, CLI_PASSWORD):
                assert secret.encode() not in body, path


def test_a_password_changed_or_account_deactivated_at_one_desk_counts_at_the_other(
    desk_a: tuple[Path, str, Path], tmp_path: Path, cli: Any
) -> None:
    a, bare, db_pw = desk_a
    b = tmp_path / "desk-b"
    rina_pw = _write(tmp_path / "rina-pw", RINA_PW)
    assert _join(cli, b, bare, db_pw, "rina", rina_pw)[0] == 0
    # Desk B counts a failed sign-in of the admin: its own lockout, kept on refresh.
    with pytest.raises(Refused):
        accounts.sign_in(b, CLI_USER, "salah-sekali-1")

    # rina changes her password at desk A.
    ctx_a, rina = accounts.sign_in(a, "rina", RINA_PW)
    try:
        accounts.change_password(ctx_a, rina, RINA_PW, RINA_NEW)
    finally:
        ctx_a.close()

    # At B, the old password still unwraps B's older copy, but the sign-in takes the
    # server's copy and then refuses it; the new one works from then on.
    with pytest.raises(Refused) as refused:
        accounts.sign_in(b, "rina", RINA_PW)
    assert refused.value.code == "login.failed"
    ctx_b, _rina = accounts.sign_in(b, "rina", RINA_NEW)
    ctx_b.close()
    stored = vault.load(b)
    assert stored is not None
    assert vault.lock_state(stored, CLI_USER)[0] == 1  # B's own counter survived

    # An account added at B reaches A's file at A's next sign-in (of any account: the
    # server opens only after one); the admin then deactivates rina at A: B refuses her.
    ctx_b, admin = accounts.sign_in(b, CLI_USER, CLI_PASSWORD)
    try:
        accounts.add_user(ctx_b, admin, "tono", Role.OPERATOR, "tono-sandi-99")
    finally:
        ctx_b.close()
    with pytest.raises(Refused):
        accounts.sign_in(a, "tono", "tono-sandi-99")  # A has not signed in since
    ctx_a, admin = accounts.sign_in(a, CLI_USER, CLI_PASSWORD)
    try:
        # The lock screen of an open register (switching user) takes the server's copy
        # first: tono signs in there at once.
        assert accounts.login(ctx_a, "tono", "tono-sandi-99").username == "tono"
        accounts.set_active(ctx_a, admin, "rina", False)
    finally:
        ctx_a.close()
    ctx_a, _tono = accounts.sign_in(a, "tono", "tono-sandi-99")
    ctx_a.close()
    with pytest.raises(Refused):
        accounts.sign_in(b, "rina", RINA_NEW)
    stored = vault.load(b)
    assert stored is not None and "rina" not in stored["accounts"]


@pytest.mark.parametrize("wrong", ["server_password", "account_password", "not_register"])
def test_a_join_that_cannot_be_proved_is_refused_and_writes_nothing(
    desk_a: tuple[Path, str, Path],
    pg_server: Server,
    pg_url: str,
    tmp_path: Path,
    cli: Any,
    wrong: str,
) -> None:
    _a, bare, db_pw = desk_a
    b = tmp_path / "desk-b"
    rina_pw = _write(tmp_path / "rina-pw", RINA_PW)
    if wrong == "server_password":
        code, _out, err = _join(cli, b, bare, _write(tmp_path / "bad", "salah"), "rina", rina_pw)
        expected = "menolak pengguna"
    elif wrong == "account_password":
        code, _out, err = _join(cli, b, bare, db_pw, "rina", _write(tmp_path / "bad", "salah-9"))
        expected = "salah"
    else:
        empty = pg_server.create()
        url = pg_server.url(empty)
        code, _out, err = _join(cli, b, url, None, "rina", rina_pw)
        expected = "tidak memuat register Lindungi"
    assert code != 0
    assert expected in err, err
    assert not b.exists()


def test_a_kecamatan_register_on_a_server_is_refused(
    pg_register: str, tmp_path: Path, cli: Any, cli_account: Any
) -> None:
    """A database holding a kecamatan's register (a kecamatan never sets one up there, but
    one could be put there by hand) is not joined."""
    from app.domain.install import Role
    from app.services.setup import setup_install
    from app.store.engine import Database
    from tests.actors import ADMIN

    address, password = pg.parse(pg_register)
    db = Database(tmp_path / "x.sqlite", server=address, password=password)
    try:
        from app.services.context import Context

        setup_install(Context(tmp_path, db), ADMIN, role=Role.KECAMATAN, kecamatan="13.03.06")
    finally:
        db.close()
    b = tmp_path / "desk-b"
    code, _out, err = _join(cli, b, pg_register, None, "rina", _write(tmp_path / "pw", RINA_PW))
    assert code != 0
    assert "register kecamatan" in err, err
    assert not b.exists()


def test_join_refuses_a_data_dir_that_has_a_register_or_an_address_that_is_none(
    tmp_path: Path, cli: Any, cli_account: Any
) -> None:
    """Without a server: these are refused before anything is reached or written."""
    kec = tmp_path / "kec"
    assert cli("--data-dir", kec, "setup", "--role", "kecamatan", "--kecamatan", "13.03.06")[0] == 0
    before = sorted(p.name for p in kec.iterdir())
    code, _out, err = cli("--data-dir", kec, "database", "join", "postgresql://u@h/db")
    assert code != 0 and "sudah disiapkan" in err, err
    assert sorted(p.name for p in kec.iterdir()) == before
    new = tmp_path / "new"
    code, _out, err = cli("--data-dir", new, "database", "join", "http://nowhere")
    assert code != 0 and "bukan alamat PostgreSQL" in err, err
    assert not new.exists()


def test_a_register_without_shared_wraps_gets_them_at_the_first_desks_next_sign_in(
    desk_a: tuple[Path, str, Path], pg_url: str, tmp_path: Path, cli: Any
) -> None:
    """A register set up or moved onto the server by an earlier release has no shared
    wraps: join says to sign in at the first desk once, and that sign-in puts them there."""
    from sqlalchemy import create_engine, text

    a, bare, db_pw = desk_a
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM lindungi_ledger WHERE name = 'vault'"))
    finally:
        engine.dispose()
    b = tmp_path / "desk-b"
    rina_pw = _write(tmp_path / "rina-pw", RINA_PW)
    code, _out, err = _join(cli, b, bare, db_pw, "rina", rina_pw)
    assert code != 0 and "masuk sekali di meja pertama" in err, err
    assert not b.exists()
    ctx_a, _admin = accounts.sign_in(a, CLI_USER, CLI_PASSWORD)
    ctx_a.close()
    code, _out, err = _join(cli, b, bare, db_pw, "rina", rina_pw)
    assert code == 0, err
