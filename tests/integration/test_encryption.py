"""The register encrypted at rest, tried as an attacker and as an office would: raw bytes of
the register, a backup and the key files; truncated and foreign registers; a forgotten
password and a lost recovery sheet; and the upgrade of a plaintext install of the release
before, carried through and killed (SIGKILL) at random moments."""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from app import i18n
from app.domain.install import Role as InstallRole
from app.errors import AppError, Refused, StorageError
from app.main import main
from app.services import accounts, backup, demo, participants, vault
from app.services.actor import Actor, Role
from app.services.context import Context, open_data_dir
from app.services.setup import setup_install
from app.store.engine import DB_FILENAME, Database, is_plaintext
from app.store.migrate import upgrade
from tests.actors import ADMIN
from tests.conftest import CLI_PASSWORD, CLI_USER, KECAMATAN
from tests.opening import open_as, raw

OPERATOR_PW = "operator-rahasia"
PEOPLE = 300


def _find(data: bytes, needles: list[bytes]) -> list[bytes]:
    return [n for n in needles if n in data]


def make_plaintext_install(path: Path, people: int = PEOPLE) -> None:
    """A data dir as the release before this change left it: a plaintext register with two
    accounts (hashes and lock counters inside it), plain PEM keys, a plaintext backup."""
    path.mkdir(parents=True)
    for sub in ("backups", "keys", "logs"):
        (path / sub).mkdir()
    db = Database(path / DB_FILENAME, None)
    upgrade(db.engine, db.path, path / "backups")
    ctx = Context(path, db)
    setup_install(ctx, ADMIN, role=InstallRole.KECAMATAN, kecamatan=KECAMATAN)
    admin = accounts.first_admin(ctx, CLI_USER, CLI_PASSWORD)
    accounts.add_user(ctx, admin, "ani", Role.OPERATOR, OPERATOR_PW)
    demo.generate(ctx, ADMIN, people, seed=7)
    backup.auto_backup(ctx, "daily")
    ctx.close()
    assert not vault.path_of(path).exists()
    assert is_plaintext(path / DB_FILENAME)


def _count_any(path: Path) -> tuple[str, int]:
    """("plain" or "encrypted", participants) of the register at ``path``, checked whole."""
    db = path / DB_FILENAME
    if is_plaintext(db):
        key = None
        kind = "plain"
    else:
        key = vault.unlock(path, CLI_USER, CLI_PASSWORD)
        kind = "encrypted"
    con = raw(db, key)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return kind, int(con.execute("SELECT count(*) FROM participant").fetchone()[0])
    finally:
        con.close()


# --- the upgrade of a plaintext install --------------------------------------------------


def test_the_first_sign_in_encrypts_a_plaintext_install(
    tmp_path: Path, cli_account: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "old"
    make_plaintext_install(data)
    con = raw(data / DB_FILENAME, None)
    niks = [r[0].encode() for r in con.execute("SELECT nik FROM participant LIMIT 20")]
    names = [r[0].encode() for r in con.execute("SELECT name FROM participant LIMIT 20")]
    con.close()
    assert main(["--data-dir", str(data), "list", "--limit", "1"]) == 0
    err = capsys.readouterr().err
    assert "ani" in err  # the accounts to reset are named to the administrator
    assert not is_plaintext(data / DB_FILENAME)
    assert _count_any(data) == ("encrypted", PEOPLE)
    stored = vault.load(data)
    assert stored is not None and set(stored["accounts"]) == {CLI_USER}
    assert stored["to_reset"] == ["ani"]
    # Nothing readable is left: register, WAL, backups, the old file's second name, keys.
    leftovers = [p for p in data.rglob("*") if p.is_file() and p.suffix != ".log"]
    for path in leftovers:
        blob = path.read_bytes()
        assert not is_plaintext(path), path.name
        assert _find(blob, niks + names) == [], path.name
        assert b"PRIVATE KEY" not in blob, path.name
    assert not list(data.glob("*.plaintext-old")) and not list(data.glob("*.encrypting"))
    assert [b.reason for b in backup.list_backups(open_as(data))] == ["encrypted"]
    # The other account waits for a reset, and says so.
    assert main(["--data-dir", str(data), "--user", "ani", "list"]) == 1
    assert i18n.render("login.needs_reset", name="ani") in capsys.readouterr().err


def test_no_room_for_a_second_copy_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "old"
    make_plaintext_install(data, people=20)
    before = _count_any(data)

    class Usage:
        free = 1024

    monkeypatch.setattr(shutil, "disk_usage", lambda _p: Usage)
    with pytest.raises(StorageError) as full:
        accounts.sign_in(data, CLI_USER, CLI_PASSWORD)
    assert full.value.code == "encrypt.no_room"
    # Still the plaintext register, whole (only the sign-in went into its history).
    assert _count_any(data) == before == ("plain", 20)
    assert not vault.path_of(data).exists()


def _lindungi(data: Path, *args: str) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ, LINDUNGI_LANG="en", LINDUNGI_USER=CLI_USER, LINDUNGI_PASSWORD=CLI_PASSWORD
    )
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_the_upgrade_killed_at_random_moments_leaves_one_register_whole(tmp_path: Path) -> None:
    template = tmp_path / "template"
    make_plaintext_install(template, people=1500)
    # How long an undisturbed upgrade takes here (process start included).
    warm = tmp_path / "warm"
    shutil.copytree(template, warm)
    start = time.perf_counter()
    assert _lindungi(warm, "list", "--limit", "1").wait(120) == 0
    duration = time.perf_counter() - start
    assert _count_any(warm) == ("encrypted", 1500)

    rng = random.Random(2026)
    seen: set[str] = set()
    for attempt in range(8):
        data = tmp_path / f"run{attempt}"
        shutil.copytree(template, data)
        proc = _lindungi(data, "list", "--limit", "1")
        time.sleep(rng.uniform(duration * 0.3, duration * 1.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        kind, count = _count_any(data)  # never neither: one of them opens, whole
        assert count == 1500
        seen.add(kind)
        # The next sign-in finishes the job (or starts it again) and cleans up.
        assert _lindungi(data, "list", "--limit", "1").wait(120) == 0
        assert _count_any(data) == ("encrypted", 1500)
        assert not list(data.glob("*.plaintext-old")) and not list(data.glob("*.encrypting"))
        backups = [p for p in (data / "backups").iterdir() if is_plaintext(p)]
        assert backups == []
    assert seen  # which states the kills hit is random (seeded); both are whole


# --- raw bytes --------------------------------------------------------------------------


def test_register_backup_and_key_files_show_no_nik_name_or_key(
    kecamatan_ctx: Context, tmp_path: Path
) -> None:
    ctx = kecamatan_ctx
    demo.generate(ctx, ADMIN, 200, seed=3)
    accounts.first_admin(ctx, CLI_USER, CLI_PASSWORD)
    con = raw(ctx.db.path, ctx.db.key)
    rows = con.execute("SELECT nik, name FROM participant LIMIT 50").fetchall()
    con.close()
    needles = [r[0].encode() for r in rows] + [r[1].encode() for r in rows]
    needles += [r[0][:12].encode() for r in rows]
    auto = backup.auto_backup(ctx, "daily")
    assert auto is not None  # a SQLite register's backup is a file
    stick = backup.backup(ctx, ADMIN, tmp_path / "stick.sqlite")
    files = [ctx.db.path, auto, stick, vault.path_of(ctx.data_dir)]
    files += list((ctx.data_dir / "keys").glob("*"))
    wal = ctx.db.path.with_name(DB_FILENAME + "-wal")
    if wal.exists():
        files.append(wal)
    for path in files:
        blob = path.read_bytes()
        assert _find(blob, needles) == [], path.name
        assert b"PRIVATE KEY" not in blob, path.name
        assert (
            ctx.db.key is not None
            and ctx.db.key not in blob
            and ctx.db.key.hex().encode() not in blob
        )
        assert not blob.startswith(b"SQLite format 3"), path.name
    if os.name == "posix":
        for path in [ctx.data_dir, *files]:
            assert path.stat().st_mode & 0o077 == 0, path.name


# --- refusals ---------------------------------------------------------------------------


def test_a_truncated_or_foreign_register_is_refused_clearly(
    make_ctx, cli_account: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    one = make_ctx("kecamatan", name="one")
    two = make_ctx("kecamatan", name="two", station="B")
    for ctx in (one, two):
        demo.generate(ctx, ADMIN, 100, seed=1)
        ctx.close()
    db = one.data_dir / DB_FILENAME
    # Another install's register put in its place: this key does not open it.
    shutil.copyfile(two.data_dir / DB_FILENAME, db)
    assert main(["--data-dir", str(one.data_dir), "list"]) == 1
    err = capsys.readouterr().err
    assert i18n.render("db.damaged", path=str(db)) in err and "Traceback" not in err
    # Truncated mid-page.
    data = (two.data_dir / DB_FILENAME).read_bytes()
    db.write_bytes(data[: len(data) // 2 + 100])
    assert main(["--data-dir", str(one.data_dir), "list"]) == 1
    err = capsys.readouterr().err
    assert i18n.render("db.damaged", path=str(db)) in err
    # The key file gone: said, not a crash.
    vault.path_of(one.data_dir).unlink()
    shutil.copyfile(two.data_dir / DB_FILENAME, db)
    assert main(["--data-dir", str(one.data_dir), "list"]) == 1
    assert i18n.render("vault.missing", path=str(one.data_dir)) in capsys.readouterr().err


def test_a_backup_of_another_install_needs_its_recovery_key(make_ctx, tmp_path: Path) -> None:
    one = make_ctx("kecamatan", name="one")
    two = make_ctx("kecamatan", name="two", station="B")
    demo.generate(two, ADMIN, 10, seed=1)
    foreign = backup.auto_backup(two, "daily")
    assert foreign is not None  # a SQLite register's backup is a file
    with pytest.raises(Refused) as other:
        backup.restore(one, ADMIN, foreign)
    assert other.value.code == "backup.other_key"


def test_a_forgotten_password_and_a_lost_sheet_are_explained(
    kecamatan_ctx: Context, tmp_path: Path
) -> None:
    from app.services import recovery

    ctx = kecamatan_ctx
    accounts.first_admin(ctx, CLI_USER, CLI_PASSWORD)
    # No sheet made yet: the recovery says so.
    with pytest.raises(Refused) as none:
        accounts.recover(ctx.data_dir, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", CLI_USER, "baru-sekali-1")
    assert none.value.code == "recovery.none"
    sheet = recovery.make_sheet(ctx, Actor(CLI_USER, Role.ADMIN), tmp_path / "sheet.pdf")
    assert sheet.read_bytes().startswith(b"%PDF")
    with pytest.raises(AppError) as malformed:
        accounts.recover(ctx.data_dir, "not a key", CLI_USER, "baru-sekali-1")
    assert malformed.value.code == "recovery.format"
    with pytest.raises(Refused) as wrong:
        accounts.recover(ctx.data_dir, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", CLI_USER, "baru-sekali-1")
    assert wrong.value.code == "recovery.wrong"
    data_dir = ctx.data_dir
    ctx.close()
    # A forgotten password: the sheet's key (typed with lower case and without dashes).
    stored = vault.load(data_dir)
    assert stored is not None
    text = _sheet_key(sheet)
    reopened = accounts.recover(data_dir, text.lower().replace("-", " "), CLI_USER, "baru-sekali-1")
    reopened.close()
    ctx2, who = accounts.sign_in(data_dir, CLI_USER, "baru-sekali-1")
    ctx2.close()
    assert who.username == CLI_USER
    with pytest.raises(Refused):
        accounts.sign_in(data_dir, CLI_USER, CLI_PASSWORD)  # the old one no longer opens it
    # The sheet lost as well: the message says what it means.
    assert "lembar" in i18n.render("recovery.lost")


def _sheet_key(sheet: Path) -> str:
    import re

    out = subprocess.run(
        ["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){5}\b", out)
    assert match is not None
    return match.group(0)


def test_a_wrong_password_changes_nothing_and_counts_before_the_register_opens(
    kecamatan_ctx: Context,
) -> None:
    ctx = kecamatan_ctx
    accounts.first_admin(ctx, CLI_USER, CLI_PASSWORD)
    data_dir = ctx.data_dir
    ctx.close()
    before = (data_dir / DB_FILENAME).read_bytes()
    for _ in range(accounts.MAX_FAILURES - 1):
        with pytest.raises(Refused) as failed:
            accounts.sign_in(data_dir, CLI_USER, "salah-salah")
        assert failed.value.code == "login.failed"
    assert vault.lock_state(vault.load(data_dir), CLI_USER)[0] == accounts.MAX_FAILURES - 1
    with pytest.raises(Refused) as locked:
        accounts.sign_in(data_dir, CLI_USER, "salah-salah")
    assert locked.value.code == "login.locked"
    assert (data_dir / DB_FILENAME).read_bytes() == before  # the register never opened
    with pytest.raises(Refused):
        accounts.sign_in(data_dir, CLI_USER, CLI_PASSWORD)  # locked: the right one waits too
    with pytest.raises(Refused) as needed:
        open_data_dir(data_dir)
    assert needed.value.code == "signin.needed"


def test_a_replacement_pc_restores_with_the_recovery_sheet(
    make_ctx, tmp_path: Path, cli_account: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A backup on a stick (``backup --out``) and a copy of the old data folder both restore
    on a new PC with the sheet; then ``recover`` gives the administrator a password."""
    from app.services import recovery

    old = make_ctx("kecamatan", name="old")
    demo.generate(old, ADMIN, 40, seed=2)
    sheet = recovery.make_sheet(old, Actor(CLI_USER, Role.ADMIN), tmp_path / "sheet.pdf")
    key_file = tmp_path / "kunci.txt"
    key_file.write_text(_sheet_key(sheet) + "\n", encoding="utf-8")
    stick = backup.backup(old, ADMIN, tmp_path / "stick.sqlite")
    auto = backup.auto_backup(old, "daily")
    assert auto is not None  # a SQLite register's backup is a file
    old.close()
    copied = tmp_path / "copied"
    shutil.copytree(old.data_dir, copied)
    new_pw = tmp_path / "baru.txt"
    new_pw.write_text("baru-sekali-9\n", encoding="utf-8")
    for n, source in enumerate((stick, copied / "backups" / auto.name)):
        new = tmp_path / f"new{n}"
        # Without the sheet the new PC's key cannot open it: said so.
        assert main(["--data-dir", str(new), "restore", str(source)]) == 1
        assert "--recovery-key-file" in capsys.readouterr().err
        argv = ["--data-dir", str(new), "restore", str(source), "--recovery-key-file"]
        assert main([*argv, str(key_file)]) == 0, capsys.readouterr().err
        assert main(["--data-dir", str(new), "list"]) == 1  # every account waits for recover
        assert i18n.render("login.needs_reset", name=CLI_USER) in capsys.readouterr().err
        recover = ["--data-dir", str(new), "recover", "--recovery-key-file", str(key_file)]
        assert main([*recover, "--new-password-file", str(new_pw)]) == 0
        ctx, _ = accounts.sign_in(new, CLI_USER, "baru-sekali-9")
        try:
            assert participants.count(ctx) == 40
        finally:
            ctx.close()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_exports_of_people_are_owner_only(kecamatan_ctx: Context, tmp_path: Path) -> None:
    from app.services import importer, privacy
    from app.store.repo import ListQuery

    ctx = kecamatan_ctx
    demo.generate(ctx, ADMIN, 5, seed=1)
    listed = tmp_path / "daftar.xlsx"
    importer.export_list(ctx, ADMIN, ListQuery(), listed, full_nik=True)
    person = importer_first_reg_no(ctx)
    report = privacy.subject_report(ctx, ADMIN, person, tmp_path / "orang.pdf")
    for path in (listed, report):
        assert path.stat().st_mode & 0o077 == 0, path.name


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_card_sheets_reports_and_lists_are_owner_only_even_under_a_lax_umask(
    kecamatan_ctx: Context, tmp_path: Path
) -> None:
    from app.services import cards, importer, reports
    from app.services.cards import Selection
    from app.store.repo import ListQuery

    ctx = kecamatan_ctx
    demo.generate(ctx, ADMIN, 5, seed=1)
    out = tmp_path / "exports"
    out.mkdir()
    old = os.umask(0o022)  # what a shell usually gives: new files readable by everyone
    try:
        sheet = out / "kartu.pdf"
        assert cards.print_cards(ctx, ADMIN, Selection(everyone=True), sheet).cards == 5
        year = dt.date.today().year
        written = [
            reports.export(ctx, ADMIN, "recap", year, out / f"rekap.{ext}").path
            for ext in ("pdf", "xlsx")
        ]
        listed = out / "daftar.csv"
        importer.export_list(ctx, ADMIN, ListQuery(), listed, full_nik=True)
    finally:
        os.umask(old)
    for path in (sheet, *written, listed):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    # Each went through a temporary name of its own, and none is left behind.
    assert sorted(p.name for p in out.iterdir()) == [
        "daftar.csv",
        "kartu.pdf",
        "rekap.pdf",
        "rekap.xlsx",
    ]


def _fail_sign_ins(data_dir: str, times: int, start: Any) -> None:
    """A process that signs in with a wrong password ``times`` times, once every process
    passed the ``start`` barrier."""
    vault.MAX_FAILURES = 10_000  # count every one, never lock
    start.wait(60)
    for _ in range(times):
        with contextlib.suppress(Refused):
            vault.unlock(Path(data_dir), "ani", "salah-sekali")


def test_failed_sign_ins_of_several_processes_at_once_are_all_counted(tmp_path: Path) -> None:
    key = vault.fresh_key()
    vault.save(tmp_path, vault.new_vault(key))
    vault.set_wrap(tmp_path, key, "ani", "benar-sekali-9")
    spawn = multiprocessing.get_context("spawn")
    start = spawn.Barrier(4)
    workers = [
        spawn.Process(target=_fail_sign_ins, args=(str(tmp_path), 25, start)) for _ in range(4)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    stored = vault.load(tmp_path)
    assert stored is not None
    # Without a lock between the processes, two reads of the same count lose one failure.
    assert stored["lockout"]["ani"]["failed"] == 100
    assert len(stored["attempts"]) == 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.json"]


def importer_first_reg_no(ctx: Context) -> str:
    con = raw(ctx.db.path, ctx.db.key)
    try:
        return str(con.execute("SELECT reg_no FROM participant LIMIT 1").fetchone()[0])
    finally:
        con.close()
