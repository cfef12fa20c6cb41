"""A restore accepts only what the migrations make, lands whole or not at all, and brings
back nothing that was erased.

Reproduces what was seen: ``restore`` accepted a crafted backup whose history triggers
were dropped and that carried a trigger of the attacker's; a SIGKILL during a restore
could leave the restored data without its ``restore`` entry; restoring an automatic
backup brought back a participant erased on a lawful request, name and NIK.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.errors import InvalidInput, StorageError
from app.services import backup, erasures, participants, privacy, restore_journal
from app.services.context import Context
from app.store import backup as store_backup
from tests.actors import ADMIN
from tests.conftest import MakeCtx, MakeParticipant
from tests.opening import open_as, raw_for

pytestmark = pytest.mark.usefixtures("cli_account")


def _entries(db: Path, action: str) -> int:
    con = raw_for(db)
    try:
        return int(
            con.execute("SELECT count(*) FROM history WHERE action = ?", (action,)).fetchone()[0]
        )
    finally:
        con.close()


def _crafted(source: Path, target: Path, *statements: str) -> Path:
    shutil.copyfile(source, target)
    con = raw_for(target, near=source)
    try:
        for sql in statements:
            con.execute(sql)
        con.commit()
    finally:
        con.close()
    return target


def _history_triggers(db: Path) -> list[str]:
    con = raw_for(db)
    try:
        return [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'history'"
            )
        ]
    finally:
        con.close()


# --- the schema of a backup --------------------------------------------------------------


def test_a_backup_without_the_history_triggers_is_refused(
    kecamatan_ctx: Context, make_participant: MakeParticipant, tmp_path: Path
) -> None:
    ctx = kecamatan_ctx
    participants.register(ctx, ADMIN, make_participant(serial=1))
    good = backup.backup(ctx, ADMIN)
    triggers = _history_triggers(good)
    assert triggers  # the no-update and no-delete triggers
    crafted = _crafted(good, tmp_path / "crafted.sqlite", *(f"DROP TRIGGER {t}" for t in triggers))
    participants.register(ctx, ADMIN, make_participant(serial=2))
    before = participants.count(ctx)
    with pytest.raises(InvalidInput) as caught:
        backup.restore(ctx, ADMIN, crafted)
    text = str(caught.value)
    assert caught.value.code == "backup.schema"
    assert "crafted.sqlite tidak memiliki struktur basis data yang dibuat Lindungi" in text
    for name in triggers:
        assert f"hilang: pemicu (trigger) {name}" in text
    assert "tidak ada yang diubah" in text
    # Nothing changed: the two participants, no restore entry, no staged file left.
    assert participants.count(ctx) == before == 2
    assert _entries(ctx.db.path, "restore") == 0
    assert not restore_journal.staged_path(ctx.data_dir).exists()


def test_a_backup_with_a_trigger_of_its_own_is_refused(
    kecamatan_ctx: Context, make_participant: MakeParticipant, tmp_path: Path
) -> None:
    ctx = kecamatan_ctx
    participants.register(ctx, ADMIN, make_participant(serial=1))
    good = backup.backup(ctx, ADMIN)
    crafted = _crafted(
        good,
        tmp_path / "crafted.sqlite",
        # Quietly moves every new participant to another nagari.
        "CREATE TRIGGER audit_helper AFTER INSERT ON participant BEGIN "
        "UPDATE participant SET phone = '0800' WHERE id = new.id; END",
    )
    with pytest.raises(InvalidInput) as caught:
        backup.restore(ctx, ADMIN, crafted)
    assert "bukan buatan Lindungi: pemicu (trigger) audit_helper" in str(caught.value)
    # An index changed under its own name is caught too.
    changed = _crafted(
        good,
        tmp_path / "changed.sqlite",
        "DROP INDEX ix_participant_nik",
        "CREATE INDEX ix_participant_nik ON participant(name)",
    )
    with pytest.raises(InvalidInput) as caught:
        backup.restore(ctx, ADMIN, changed)
    assert "diubah: indeks ix_participant_nik" in str(caught.value)
    # The genuine backup still restores.
    backup.restore(ctx, ADMIN, good)
    assert _entries(ctx.db.path, "restore") == 1


# --- erasures ------------------------------------------------------------------------------


def test_a_restore_brings_back_nobody_who_was_erased(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    ctx = kecamatan_ctx
    kept = participants.register(ctx, ADMIN, make_participant(serial=1)).reg_no
    erased = participants.register(ctx, ADMIN, make_participant(serial=2, name="Rosna Dewi")).reg_no
    nik = participants.get(ctx, erased).nik
    older = backup.auto_backup(ctx, "daily")  # an automatic backup, before the request
    assert older is not None  # a SQLite register's backup is a file
    privacy.erase(ctx, ADMIN, erased, reason="request")
    # The ledger beside the database knows the erasure, and holds no personal data.
    ledger = (ctx.data_dir / erasures.FILENAME).read_text(encoding="utf-8")
    assert erased in ledger and nik not in ledger and "Rosna" not in ledger
    assert [e.reg_no for e in erasures.entries(ctx.data_dir)] == [erased]

    backup.restore(ctx, ADMIN, older)
    rec = participants.get(ctx, erased)
    assert rec.erased_at is not None
    assert (rec.name, rec.nik) == ("", "")
    assert participants.get(ctx, kept).name == "Yusnimar Wati"
    # Nowhere in the restored database: not in the record, not in its history.
    con = raw_for(ctx.db.path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        dump = "\n".join(repr(con.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables)
    finally:
        con.close()
    assert "Rosna Dewi" not in dump and nik not in dump
    # The history says what happened: erased again after the restore, then the restore.
    hist = participants.history(ctx, rec.uuid)
    assert hist[-1].action == "erase" and '"after_restore": true' in hist[-1].changes
    with ctx.db.read() as s:
        from app.store import repo

        last = repo.history_of(s, ctx.identity.install_code)[-1]
    assert last.action == "restore" and '"erasures_reapplied": 1' in last.changes


def test_an_unreadable_erasure_ledger_stops_a_restore(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    ctx = kecamatan_ctx
    participants.register(ctx, ADMIN, make_participant(serial=1))
    older = backup.backup(ctx, ADMIN)
    (ctx.data_dir / erasures.FILENAME).write_text("{not json", encoding="utf-8")
    with pytest.raises(StorageError) as caught:
        backup.restore(ctx, ADMIN, older)
    assert "Catatan penghapusan" in str(caught.value)
    assert _entries(ctx.db.path, "restore") == 0
    assert not restore_journal.staged_path(ctx.data_dir).exists()


# --- killed half way -----------------------------------------------------------------------


class Killed(BaseException):
    """What a SIGKILL at this point would leave: nothing after it runs."""


def _die(*_args: object, **_kwargs: object) -> None:
    raise Killed


def _restore_killed_at(
    ctx: Context, monkeypatch: pytest.MonkeyPatch, where: tuple[object, str], path: Path
) -> None:
    with monkeypatch.context() as m:
        m.setattr(*where, _die)
        with pytest.raises(Killed):
            backup.restore(ctx, ADMIN, path)
    ctx.close()


@pytest.mark.parametrize(
    ("where", "landed"),
    [
        ((store_backup, "single_file"), False),  # staged, not yet decided
        ((restore_journal, "decide"), False),  # about to write the marker
        ((store_backup, "copy_over"), True),  # decided, the copy not made
        ((restore_journal, "discard"), True),  # copied, staged files not yet removed
    ],
)
def test_a_restore_killed_at_each_step_is_completed_or_undone_at_the_next_start(
    make_ctx: MakeCtx,
    make_participant: MakeParticipant,
    monkeypatch: pytest.MonkeyPatch,
    where: tuple[object, str],
    landed: bool,
) -> None:
    ctx = make_ctx("kecamatan")
    participants.register(ctx, ADMIN, make_participant(serial=1))
    saved = backup.backup(ctx, ADMIN)
    participants.register(ctx, ADMIN, make_participant(serial=2))
    data = ctx.data_dir
    if where == (restore_journal, "discard"):
        # discard also runs before staging: let that first call through.
        real = restore_journal.discard
        seen: list[Path] = []

        def discard_once(d: Path) -> bool:
            seen.append(d)
            if len(seen) > 1:
                raise Killed
            return real(d)

        with monkeypatch.context() as m:
            m.setattr(restore_journal, "discard", discard_once)
            with pytest.raises(Killed):
                backup.restore(ctx, ADMIN, saved)
        ctx.close()
    else:
        _restore_killed_at(ctx, monkeypatch, where, saved)
    again = open_as(data)
    try:
        restored = _entries(again.db.path, "restore")
        people = participants.count(again)
        assert (people, restored) == ((1, 1) if landed else (2, 0))
        assert not (data / restore_journal.MARKER).exists()
        assert not restore_journal.staged_path(data).exists()
        assert store_backup.integrity(again.db.path, again.db.key) == ["ok"]
    finally:
        again.close()


def _lindungi(data_dir: Path, *args: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, LINDUNGI_LANG="en")
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_restore_killed_at_random_moments_lands_whole_or_not_at_all(tmp_path: Path) -> None:
    data = tmp_path / "kab"
    assert _lindungi(data, "setup", "--role", "kabupaten").wait(60) == 0
    assert _lindungi(data, "demo", "--participants", "600", "--seed", "5").wait(120) == 0
    assert _lindungi(data, "backup", "--out", str(tmp_path / "small.sqlite")).wait(60) == 0
    assert _lindungi(data, "demo", "--participants", "600", "--seed", "6").wait(120) == 0
    db = data / "lindungi.sqlite"

    def state(path: Path = db) -> tuple[int, int, int]:
        """Participants, history entries (but sign-ins), restore entries."""
        con = raw_for(path)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            people = con.execute("SELECT count(*) FROM participant").fetchone()[0]
            # Every command's sign-in is an entry of its own: counted apart.
            entries = con.execute(
                "SELECT count(*) FROM history WHERE action != 'login'"
            ).fetchone()[0]
        finally:
            con.close()
        return people, entries, _entries(path, "restore")

    # How long an undisturbed restore takes here, to spread the kills over it.
    small = tmp_path / "small.sqlite"
    start = time.perf_counter()
    assert _lindungi(data, "restore", str(small)).wait(120) == 0
    duration = time.perf_counter() - start
    assert state()[2] == state(small)[2] + 1
    big = tmp_path / "big.sqlite"
    assert _lindungi(data, "demo", "--participants", "600", "--seed", "7").wait(120) == 0
    assert _lindungi(data, "backup", "--out", str(big)).wait(60) == 0
    assert state(big)[0] > state(small)[0]
    rng = random.Random(20261207)
    outcomes = []
    for i in range(8):
        source = big if i % 2 == 0 else small
        # What a restore of this source that landed whole leaves: its data, its history
        # and the restore's own entry.
        people, entries, restores = state(source)
        whole = (people, entries + 1, restores + 1)
        before = state()
        proc = _lindungi(data, "restore", str(source))
        time.sleep(rng.uniform(duration * 0.2, duration * 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        # Opening the data dir completes or undoes what the kill left.
        check = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(data), "audit", "verify"],
            capture_output=True,
            text=True,
            env=dict(os.environ, LINDUNGI_LANG="en"),
            timeout=60,
            check=False,
        )
        assert check.returncode == 0, check.stdout + check.stderr
        after = state()
        assert after in (before, whole), (before, whole, after)
        outcomes.append(after != before)
        assert not (data / restore_journal.MARKER).exists()
        assert not restore_journal.staged_path(data).exists()
    print(
        f"restores killed: {len(outcomes)}, landed whole: {sum(outcomes)}, undone: "
        f"{len(outcomes) - sum(outcomes)} (restore alone: {duration:.2f} s)"
    )


def test_a_restore_while_another_process_writes_is_taken_back_whole(
    kecamatan_ctx: Context, make_participant: MakeParticipant, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store import engine

    ctx = kecamatan_ctx
    participants.register(ctx, ADMIN, make_participant(serial=1))
    saved = backup.backup(ctx, ADMIN)
    participants.register(ctx, ADMIN, make_participant(serial=2))
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_S", 1)
    other = raw_for(ctx.db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a window in the middle of a save
    try:
        with pytest.raises(StorageError) as caught:
            backup.restore(ctx, ADMIN, saved)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "Register sedang dipakai proses lain" in str(caught.value)
    # Nothing landed and nothing waits to land at a later start over work done meanwhile.
    assert not (ctx.data_dir / restore_journal.MARKER).exists()
    assert not restore_journal.staged_path(ctx.data_dir).exists()
    assert participants.count(ctx) == 2 and _entries(ctx.db.path, "restore") == 0
