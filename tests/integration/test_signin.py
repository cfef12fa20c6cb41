"""Every way in signs in as a named account: the command line's --user, its password
sources, the same lockout and role checks as the GUI, resets and deactivation, and the
history naming the real account."""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from app import i18n
from app.errors import Refused
from app.main import main
from app.services import accounts, audit
from app.services.actor import Actor, Role
from tests.actors import ADMIN
from tests.conftest import CLI_PASSWORD, CLI_USER
from tests.opening import open_as

NIK = "1303064708800001"
ADD = [
    "add", "--nik", NIK, "--name", "Siti Aminah", "--birth-place", "Sijunjung",
    "--birth-date", "07/08/1980", "--sex", "P", "--nagari", "Aia Amo",
    "--occupation", "petani", "--coverage-start", "01/04/2022",
]  # fmt: skip
OPERATOR_PW = "operator-rahasia"


def msg(code: str, /, **params: object) -> str:
    return i18n.render(code, **params)


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """``run(*argv, user=..., password=...)``: the CLI with that account in the environment
    (None leaves it out)."""
    monkeypatch.delenv("LINDUNGI_DATA_DIR", raising=False)
    monkeypatch.delenv("LINDUNGI_LANG", raising=False)

    def go(
        *argv: object, user: str | None = CLI_USER, password: str | None = CLI_PASSWORD
    ) -> tuple[int, str, str]:
        for key, value in (("LINDUNGI_USER", user), ("LINDUNGI_PASSWORD", password)):
            if value is None:
                monkeypatch.delenv(key, raising=False)
            else:
                monkeypatch.setenv(key, value)
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return go


@pytest.fixture
def office(tmp_path: Path, run: Run) -> Path:
    """A kecamatan data dir whose administrator is `admin`, with an operator `ani`."""
    path = tmp_path / "kec"
    code, _, err = run(
        "--data-dir", path, "setup", "--role", "kecamatan", "--kecamatan", "13.03.06"
    )
    assert code == 0, err
    pw = tmp_path / "ani.txt"
    pw.write_text(OPERATOR_PW + "\n", encoding="utf-8")
    code, _, err = run(
        "--data-dir", path, "user", "add", "ani", "--role", "operator", "--password-file", pw
    )
    assert code == 0, err
    return path


def history(path: Path) -> list[audit.Entry]:
    """The history as the administrator sees it after signing in (which also writes the
    failed sign-ins counted while the register was closed into it)."""
    ctx, _ = accounts.sign_in(path, CLI_USER, CLI_PASSWORD)
    try:
        return audit.entries(ctx, ADMIN)
    finally:
        ctx.close()


def participants(path: Path) -> int:
    from app.services.participants import count

    ctx = open_as(path)
    try:
        return count(ctx)
    finally:
        ctx.close()


def test_no_account_no_register(office: Path, run: Run) -> None:
    code, out, err = run("--data-dir", office, "list", user=None, password=None)
    assert code == 1 and out == ""
    assert msg("signin.user_needed") in err
    code, out, err = run("--data-dir", office, "list", user="admin", password=None)
    assert code == 1 and out == ""
    assert msg("signin.password_needed", name="admin") in err


def test_commands_that_need_no_account(tmp_path: Path, run: Run) -> None:
    assert run("check-nik", NIK, user=None, password=None)[0] == 0
    assert main(["--version"]) == 0


def test_the_password_comes_from_a_file_given_with_the_account(
    office: Path, run: Run, tmp_path: Path
) -> None:
    secret = tmp_path / "pw"
    secret.write_text(OPERATOR_PW + "\n", encoding="utf-8")
    code, _, err = run(
        "--data-dir", office, "--user", "ani", "--password-file", secret, *ADD,
        user=None, password=None,
    )  # fmt: skip
    assert code == 0, err
    created = [e for e in history(office) if e.action == "create"]
    assert [e.actor for e in created] == ["ani"]  # the history names the real account


def test_a_wrong_password_changes_nothing_and_counts_toward_the_lockout(
    office: Path, run: Run
) -> None:
    for attempt in range(1, accounts.MAX_FAILURES + 1):
        code, out, err = run("--data-dir", office, *ADD, user="ani", password="salah-salah")
        assert code == 1 and out == ""
        if attempt < accounts.MAX_FAILURES:
            assert msg("login.failed") in err
    assert msg("login.locked", minutes=accounts.LOCK_MINUTES) in err
    assert participants(office) == 0
    # Locked: the right password waits too, on the command line as in the GUI.
    code, _, err = run("--data-dir", office, *ADD, user="ani", password=OPERATOR_PW)
    assert code == 1 and "menit" in err
    failed = [e for e in history(office) if e.action == "login_failed"]
    assert len(failed) == accounts.MAX_FAILURES and {e.actor for e in failed} == {"ani"}


@pytest.mark.parametrize(
    ("argv", "role"),
    [
        (["export-list", "--out", "{tmp}/list.xlsx", "--full-nik"], "supervisor"),
        (["privacy", "erase", "130306-A-00001"], "admin"),
        (["restore", "{tmp}/none.lbak"], "admin"),
        (["user", "add", "eve", "--role", "admin", "--password-file", "{tmp}/ani.txt"], "admin"),
        (["user", "unlock", "admin"], "admin"),
        (["user", "reset", "admin", "--password-file", "{tmp}/ani.txt"], "admin"),
        (["user", "deactivate", "admin"], "admin"),
        (["audit", "list"], "admin"),
    ],
)
def test_an_operator_is_refused_each_administrator_action_and_it_is_recorded(
    office: Path, run: Run, tmp_path: Path, argv: list[str], role: str
) -> None:
    (tmp_path / "none.lbak").write_bytes(b"x")
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = run("--data-dir", office, *args, user="ani", password=OPERATOR_PW)
    assert code == 1, (out, err)
    assert msg("role.needed", role=role) in err
    assert not (tmp_path / "list.xlsx").exists()
    refused = [e for e in history(office) if e.action == "refused"]
    assert [e.actor for e in refused] == ["ani"]
    names = [u.username for u in accounts.list_users(open_as(office), ADMIN)]
    assert names == ["admin", "ani"]


def test_setup_needs_an_administrator(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "kec"
    code, _, err = run("--data-dir", path, "setup", "--role", "kabupaten", user=None, password=None)
    assert code == 1 and msg("setup.admin_needed") in err
    code, _, err = run("--data-dir", path, "setup", "--role", "kabupaten", "--admin", "rina")
    assert code == 0, err  # the password from LINDUNGI_PASSWORD
    assert run("--data-dir", path, "list", user="rina")[0] == 0
    assert run("--data-dir", path, "list", user="admin")[0] == 1  # no such account


def test_a_data_dir_without_an_administrator_creates_the_first_one(
    make_ctx: Callable[..., object], tmp_path: Path, run: Run
) -> None:
    make_ctx("kecamatan", name="old")  # set up by the service, no account at all
    path = tmp_path / "old"
    code, _, err = run("--data-dir", path, "list")
    assert code == 1 and msg("signin.no_admin") in err
    pw = tmp_path / "pw"
    pw.write_text("rahasia-pertama\n", encoding="utf-8")
    code, _, err = run(
        "--data-dir", path, "user", "add", "rina", "--role", "admin", "--password-file", pw,
        user=None, password=None,
    )  # fmt: skip
    assert code == 0, err
    code, _, err = run(
        "--data-dir", path, "user", "add", "eve", "--role", "admin", "--password-file", pw,
        user=None, password=None,
    )  # fmt: skip
    assert code == 1 and msg("signin.user_needed") in err  # the second needs a sign-in
    assert run("--data-dir", path, "list", user="rina", password="rahasia-pertama")[0] == 0


def test_a_reset_password_must_be_changed_before_anything_else(
    office: Path, run: Run, tmp_path: Path
) -> None:
    temp = tmp_path / "temp"
    temp.write_text("sementara-1\n", encoding="utf-8")
    code, _, err = run("--data-dir", office, "user", "reset", "ani", "--password-file", temp)
    assert code == 0, err
    assert run("--data-dir", office, "list", user="ani", password=OPERATOR_PW)[0] == 1
    code, _, err = run("--data-dir", office, "list", user="ani", password="sementara-1")
    assert code == 1 and msg("signin.must_change", name="ani") in err
    new = tmp_path / "new"
    new.write_text("sementara-1\n", encoding="utf-8")
    code, _, err = run(
        "--data-dir", office, "user", "passwd", "--password-file", new,
        user="ani", password="sementara-1",
    )  # fmt: skip
    assert code == 1 and msg("password.same") in err
    new.write_text("baru-sekali-9\n", encoding="utf-8")
    code, _, err = run(
        "--data-dir", office, "user", "passwd", "--password-file", new,
        user="ani", password="sementara-1",
    )  # fmt: skip
    assert code == 0, err
    assert run("--data-dir", office, "list", user="ani", password="baru-sekali-9")[0] == 0
    actions = [e.action for e in history(office) if e.entity_id == "ani"]
    assert "user_reset" in actions and "user_password" in actions


def test_deactivate_and_reactivate(office: Path, run: Run) -> None:
    assert run("--data-dir", office, "user", "deactivate", "ani")[0] == 0
    code, _, err = run("--data-dir", office, "list", user="ani", password=OPERATOR_PW)
    assert code == 1 and msg("login.failed") in err
    code, out, _ = run("--data-dir", office, "user", "list")
    assert "nonaktif" in out
    code, _, err = run("--data-dir", office, "user", "deactivate", "admin")
    assert code == 1 and msg("user.deactivate_self") in err
    code, _, err = run("--data-dir", office, "user", "deactivate", "ani")
    assert code == 1 and msg("user.already_inactive", name="ani") in err
    assert run("--data-dir", office, "user", "reactivate", "ani")[0] == 0
    # Deactivating removed the wrap of the register's key: a reset gives a new one.
    code, _, err = run("--data-dir", office, "list", user="ani", password=OPERATOR_PW)
    assert code == 1 and msg("login.needs_reset", name="ani") in err
    pw = office.parent / "ani.txt"
    assert run("--data-dir", office, "user", "reset", "ani", "--password-file", pw)[0] == 0
    code, _, err = run("--data-dir", office, "list", user="ani", password=OPERATOR_PW)
    assert code == 1 and msg("signin.must_change", name="ani") in err


def test_the_last_administrator_stays(kecamatan_ctx: object) -> None:
    from app.services.context import Context

    assert isinstance(kecamatan_ctx, Context)
    rina = accounts.first_admin(kecamatan_ctx, "rina", "rahasia-123")
    accounts.add_user(kecamatan_ctx, rina, "budi", Role.ADMIN, "rahasia-123")
    budi = Actor("budi", Role.ADMIN)
    accounts.set_active(kecamatan_ctx, budi, "rina", False)
    with pytest.raises(Refused) as exc:
        accounts.set_active(kecamatan_ctx, budi, "budi", False)
    assert exc.value.code == "user.deactivate_self"
    accounts.set_active(kecamatan_ctx, budi, "rina", True)

    with pytest.raises(Refused) as refused:
        accounts.first_admin(kecamatan_ctx, "eve", "rahasia-123")
    assert refused.value.code == "user.admin_exists"


def test_argon2id_hashes_and_old_scrypt_hashes_upgraded_at_sign_in(kecamatan_ctx: object) -> None:
    from app.services.context import Context
    from app.store import accounts as store

    assert isinstance(kecamatan_ctx, Context)
    fresh = accounts.hash_password("rahasia-123")
    assert fresh.startswith("argon2id$m=")
    assert accounts.verify_password("rahasia-123", fresh)
    assert not accounts.verify_password("rahasia-124", fresh)
    # A hash written by the release before: scrypt N=2^14.
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"rahasia-lama", salt=salt, n=2**14, r=8, p=1, dklen=32)
    old = f"scrypt$16384$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    # Such a hash still signs in to a plaintext register of that release (its first
    # sign-in then encrypts it: tests/integration/test_encryption.py) and is due a rehash.
    assert accounts.verify_password("rahasia-lama", old)
    assert accounts.needs_rehash(old) and not accounts.needs_rehash(fresh)
    accounts.first_admin(kecamatan_ctx, "rina", "rahasia-123")
    with kecamatan_ctx.db.read() as s:
        acc = store.get(s, "rina")
        assert acc is not None and acc.password_hash.startswith("argon2id$")
    assert accounts.login(kecamatan_ctx, "rina", "rahasia-123") == Actor("rina", Role.ADMIN)
    assert not accounts.verify_password("x", "garbage")
    assert not accounts.verify_password("x", "argon2id$m=x$y$z")


def test_the_real_cost_is_owasps() -> None:
    """Tests lower the cost in their own process; the shipped one is OWASP's Argon2id."""
    import importlib.util

    spec = importlib.util.find_spec("app.services.accounts")
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).read_text(encoding="utf-8")
    assert "COST = Cost(memory_kib=19 * 1024, iterations=2, lanes=1)" in source
    assert "environ" not in source  # nothing outside the code changes it


def test_the_app_signs_in_at_the_real_cost(tmp_path: Path) -> None:
    """The shipped cost at work: an administrator made by the real program (not this
    test process, whose cost is lowered) is wrapped at 19 MiB and two passes, and that
    wrap opens with the password."""
    import json
    import subprocess
    import sys

    from app.services import vault

    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNGI_")}
    env.update(LINDUNGI_USER=CLI_USER, LINDUNGI_PASSWORD=CLI_PASSWORD)
    path = tmp_path / "kec"
    setup = ["setup", "--role", "kecamatan", "--kecamatan", "13.03.06"]
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(path), *setup],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    entry = json.loads((path / "vault.json").read_text(encoding="utf-8"))["accounts"][CLI_USER]
    assert (entry["kdf"], entry["m"], entry["t"], entry["p"]) == ("argon2id", 19 * 1024, 2, 1)
    assert len(vault.unlock(path, CLI_USER, CLI_PASSWORD)) == 32
    with pytest.raises(Refused):
        vault.unlock(path, CLI_USER, CLI_PASSWORD + "x")


def test_the_password_rule_comes_from_the_service() -> None:
    assert accounts.password_rule() == msg("user.password_rule", min=accounts.MIN_PASSWORD)
    assert str(accounts.MIN_PASSWORD) in accounts.password_rule()


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal is POSIX")
def test_at_a_terminal_the_password_is_asked_without_echo(office: Path) -> None:
    """The prompt reads the terminal with echo off: what is typed never shows."""
    import fcntl
    import pty
    import subprocess
    import sys
    import termios

    main_fd, child_fd = pty.openpty()

    def own_terminal() -> None:  # the child's controlling terminal, as at a console
        os.setsid()
        fcntl.ioctl(child_fd, termios.TIOCSCTTY, 0)

    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNGI_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(office), "--user", "ani", "list"],
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        env=env,
        preexec_fn=own_terminal,
        close_fds=True,
    )
    os.close(child_fd)
    seen = b""

    def read_until(marker: bytes) -> None:
        nonlocal seen
        while marker not in seen:
            chunk = os.read(main_fd, 1024)
            if not chunk:
                raise AssertionError(seen)
            seen += chunk

    read_until(b"ani: ")
    os.write(main_fd, OPERATOR_PW.encode() + b"\n")
    try:
        while True:
            chunk = os.read(main_fd, 1024)
            if not chunk:
                break
            seen += chunk
    except OSError:  # the child closed its side
        pass
    assert proc.wait(timeout=60) == 0, seen
    assert OPERATOR_PW.encode() not in seen  # no echo
    assert b"Kata sandi ani: " in seen
    os.close(main_fd)
