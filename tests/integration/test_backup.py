"""Backups and restore: nothing is lost, nothing is reused, nothing bad gets in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.errors import InvalidInput, Refused
from app.main import main
from app.services import backup, participants
from app.services.actor import Actor, Role
from tests.actors import ADMIN
from tests.opening import key_of, open_as, raw

# Command-line calls sign in as the test administrator.
pytestmark = pytest.mark.usefixtures("cli_account")


def test_restore_brings_data_back_and_keeps_what_it_replaced(kecamatan_ctx, make_participant):
    ctx = kecamatan_ctx
    participants.register(ctx, ADMIN, make_participant(serial=1))
    saved = backup.backup(ctx, ADMIN)
    participants.register(ctx, ADMIN, make_participant(serial=2))
    assert participants.count(ctx) == 2
    replaced, restored = backup.restore(ctx, ADMIN, saved)
    assert restored == 1
    assert participants.count(ctx) == 1
    assert replaced.exists()
    # The replaced database can itself be restored: nothing was lost.
    backup.restore(ctx, ADMIN, replaced)
    assert participants.count(ctx) == 2


def test_registration_numbers_are_never_reused_after_a_restore(kecamatan_ctx, make_participant):
    ctx = kecamatan_ctx
    participants.register(ctx, ADMIN, make_participant(serial=1))
    saved = backup.backup(ctx, ADMIN)
    later = [participants.register(ctx, ADMIN, make_participant(serial=s)).reg_no for s in (2, 3)]
    assert later[-1].endswith("000003")
    backup.restore(ctx, ADMIN, saved)
    again = participants.register(ctx, ADMIN, make_participant(serial=4))
    assert again.reg_no.endswith("000004")  # 2 and 3 may be on cards already


def test_reopening_after_an_external_restore_continues_the_sequence(
    tmp_path, make_ctx, make_participant
):
    ctx = make_ctx("kecamatan")
    participants.register(ctx, ADMIN, make_participant(serial=1))
    saved = backup.backup(ctx, ADMIN)
    participants.register(ctx, ADMIN, make_participant(serial=2))
    data_dir = ctx.data_dir
    ctx.close()
    # Someone copies the old backup over the database by hand.
    (data_dir / "lindungi.sqlite").write_bytes(saved.read_bytes())
    for extra in ("lindungi.sqlite-wal", "lindungi.sqlite-shm"):
        (data_dir / extra).unlink(missing_ok=True)
    ctx = open_as(data_dir)
    try:
        reg = participants.register(ctx, ADMIN, make_participant(serial=3))
    finally:
        ctx.close()
    assert reg.reg_no.endswith("000003")


@pytest.mark.parametrize(
    "content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 50]
)
def test_a_damaged_backup_is_refused_and_changes_nothing(
    kecamatan_ctx, make_participant, tmp_path, content
):
    ctx = kecamatan_ctx
    participants.register(ctx, ADMIN, make_participant(serial=1))
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    with pytest.raises(InvalidInput):
        backup.restore(ctx, ADMIN, bad)
    assert participants.count(ctx) == 1


def test_a_backup_of_another_install_is_refused(make_ctx, make_participant):
    one = make_ctx("kecamatan", name="one", station="A")
    two = make_ctx("kecamatan", name="two", station="B")
    participants.register(two, ADMIN, make_participant(serial=1))
    foreign = backup.backup(two, ADMIN)
    with pytest.raises(Refused):
        backup.restore(one, ADMIN, foreign)
    assert participants.count(one) == 0


def test_encrypted_backup_with_keys(kecamatan_ctx, make_participant, tmp_path):
    ctx = kecamatan_ctx
    participants.register(ctx, ADMIN, make_participant(serial=1))
    with pytest.raises(InvalidInput):
        backup.backup(ctx, ADMIN, tmp_path, with_keys=True)  # keys need a passphrase
    path = backup.backup(ctx, ADMIN, tmp_path, passphrase="kunci rahasia", with_keys=True)
    assert path.suffix == ".lbackup"
    blob = path.read_bytes()
    assert b"SQLite format" not in blob and b"Yusnimar" not in blob
    with pytest.raises(InvalidInput):
        backup.restore(ctx, ADMIN, path)  # no passphrase
    with pytest.raises(InvalidInput):
        backup.restore(ctx, ADMIN, path, passphrase="salah")
    participants.register(ctx, ADMIN, make_participant(serial=2))
    backup.restore(ctx, ADMIN, path, passphrase="kunci rahasia")
    assert participants.count(ctx) == 1


def test_only_an_administrator_backs_up_or_restores(kecamatan_ctx):
    clerk = Actor("clerk", Role.SUPERVISOR)
    with pytest.raises(Refused):
        backup.backup(kecamatan_ctx, clerk)
    with pytest.raises(Refused):
        backup.restore(kecamatan_ctx, clerk, Path("x"))


def test_retention_keeps_recent_and_one_a_day(kecamatan_ctx):
    ctx = kecamatan_ctx
    folder = ctx.data_dir / "backups"
    now = dt.datetime(2026, 11, 29, 12, 0)
    for age in range(40):
        for hour in (8, 9):
            when = now - dt.timedelta(days=age, hours=12 - hour)
            (folder / f"lindungi-{when:%Y%m%d-%H%M%S}-daily.sqlite").write_bytes(b"x")
    backup.prune(ctx, now=now)
    kept = backup.list_backups(ctx)
    kept_days = {b.taken_at.date() for b in kept}
    assert len(kept_days) == 31  # today and the 30 days before
    assert len(kept) == 10 + 31 - 5  # the ten newest span five days


def _register(data_dir: Path) -> list[tuple[object, ...]]:
    """The participants and every history entry but sign-ins (which each command records)."""
    con = raw(data_dir / "lindungi.sqlite", key_of(data_dir))
    try:
        rows = con.execute("SELECT * FROM participant ORDER BY id").fetchall()
        rows += con.execute(
            "SELECT id, action, entity_id FROM history WHERE action != 'login' ORDER BY id"
        ).fetchall()
        return rows
    finally:
        con.close()


def test_cli_backup_and_restore(kecamatan_ctx, make_participant, tmp_path, capsys):
    ctx = kecamatan_ctx
    participants.register(ctx, ADMIN, make_participant(serial=1))
    data_dir = ctx.data_dir
    ctx.close()
    pp = tmp_path / "pp.txt"
    pp.write_text("frasa sandi panjang\n", encoding="utf-8")
    usb = tmp_path / "usb"
    usb.mkdir()
    assert (
        main(
            ["--data-dir", str(data_dir), "backup", "--out", str(usb), "--passphrase-file", str(pp)]
        )
        == 0
    )
    (file,) = usb.glob("*.lbackup")
    register = _register(data_dir)
    assert main(["--data-dir", str(data_dir), "restore", str(file)]) == 1
    assert "frasa sandi" in capsys.readouterr().err
    assert _register(data_dir) == register  # only the sign-in was recorded
    assert (
        main(["--data-dir", str(data_dir), "restore", str(file), "--passphrase-file", str(pp)]) == 0
    )
