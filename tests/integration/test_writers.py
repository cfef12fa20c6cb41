"""Several processes on one data dir wait for each other, and no work is lost.

Reproduces what was seen with two writers: an import while six ``add`` commands ran, three
of them exited 70 with "database is locked" and the import was lost; parallel commands
raced on ``sequences.json.tmp`` and on a shared ``.write-test`` probe ("the folder does not
exist"). Now every write starts with ``BEGIN IMMEDIATE`` and waits on the busy timeout; a
wait that runs out is a clear message and exit 1, never 70.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from app.domain.nik import make_nik
from app.domain.participant import InactiveReason, Sex
from app.errors import EXIT_BUG, EXIT_OK, EXIT_REFUSED
from app.paths import temp_beside
from app.services import participants
from app.services.actor import Actor, Role
from app.services.context import Context
from tests.actors import ADMIN
from tests.conftest import MakeParticipant

pytestmark = pytest.mark.usefixtures("cli_account")

ROWS = 5000
ADDERS = 6


def _lindungi(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, LINDUNGI_LANG="id")
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _sheet(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["NIK", "Nama", "Tempat Lahir", "Tanggal Lahir", "L/P", "Nagari", "Pekerjaan"])
    for i in range(ROWS):
        sex = Sex.L if i % 2 else Sex.P
        birth = dt.date(1975, 1, 1) + dt.timedelta(days=i * 2)
        nik = make_nik("130306", birth, sex, i % 9000 + 1)
        ws.append(
            [nik, f"Peserta {i}", "Sijunjung", f"{birth:%d/%m/%Y}", sex.value, "Aie Amo", "petani"]
        )
    wb.save(path)


def _add_args(i: int) -> list[str]:
    birth = dt.date(1991, 3, 1 + i)
    return [
        "add",
        "--nik",
        make_nik("130306", birth, Sex.P, 9500 + i),
        "--name",
        f"Penambah {i}",
        "--birth-place",
        "Sijunjung",
        "--birth-date",
        f"{birth:%d/%m/%Y}",
        "--sex",
        "P",
        "--nagari",
        "Aie Amo",
        "--occupation",
        "petani",
        "--coverage-start",
        "01/04/2022",
    ]


def _people(db: Path) -> set[str]:
    con = sqlite3.connect(db)
    try:
        return {r[0] for r in con.execute("SELECT name FROM participant")}
    finally:
        con.close()


def test_an_import_while_six_adds_run_loses_nothing(tmp_path: Path) -> None:
    data = tmp_path / "kec"
    setup = _lindungi(data, "setup", "--role", "kecamatan", "--kecamatan", "13.03.06")
    assert setup.communicate(timeout=60) and setup.returncode == 0
    sheet = tmp_path / "sheet.xlsx"
    _sheet(sheet)

    importer = _lindungi(data, "import", str(sheet))
    adders = []
    for i in range(ADDERS):
        # Spread over the import (about a second here): some adds land while it reads its
        # sheet, some while it writes.
        time.sleep(0.15)
        adders.append(_lindungi(data, *_add_args(i)))
    results = []
    for proc in [importer, *adders]:
        out, err = proc.communicate(timeout=180)
        results.append((proc.returncode, out, err))

    codes = [code for code, _out, _err in results]
    assert EXIT_BUG not in codes, results
    for code, _out, err in results:
        # Either it was saved, or the user was told plainly to try again.
        assert code == EXIT_OK or (code == EXIT_REFUSED and "dipakai proses lain" in err), err
        assert "tidak ada" not in err or code == EXIT_REFUSED
    people = _people(data / "lindungi.sqlite")
    imported = {n for n in people if n.startswith("Peserta")}
    added = {n for n in people if n.startswith("Penambah")}
    # Nothing that reported success is missing, and nothing is there twice.
    assert len(imported) == (ROWS if codes[0] == EXIT_OK else 0)
    assert len(added) == sum(1 for c in codes[1:] if c == EXIT_OK)
    # Under the 15 s bound, all of them get through on this machine.
    assert codes == [EXIT_OK] * (1 + ADDERS), results
    # Every registration number is distinct and the sequence file agrees with the database.
    con = sqlite3.connect(data / "lindungi.sqlite")
    try:
        regs = [r[0] for r in con.execute("SELECT reg_no FROM participant")]
        seq = con.execute("SELECT registration_seq FROM install").fetchone()[0]
    finally:
        con.close()
    assert len(regs) == len(set(regs)) == ROWS + ADDERS
    assert f'"registration": {seq}' in (data / "sequences.json").read_text(encoding="utf-8")
    # No temporary or probe file is left behind.
    assert not [p.name for p in data.iterdir() if p.name.endswith(".tmp") or "write-test" in p.name]


def test_a_writer_kept_out_too_long_is_told_the_register_is_busy(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store import engine

    data = tmp_path / "kec"
    run = cli  # (argv…) -> (code, out, err)
    assert (
        run("--data-dir", data, "setup", "--role", "kecamatan", "--kecamatan", "13.03.06")[0] == 0
    )
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_S", 1)
    other = sqlite3.connect(data / "lindungi.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        started = time.perf_counter()
        code, _out, err = run("--data-dir", data, *_add_args(0))
        waited = time.perf_counter() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == EXIT_REFUSED
    assert "Register sedang dipakai proses lain" in err
    assert "coba lagi" in err.lower()
    assert waited >= 1.0  # it waited before giving up
    # And once the other writer is done, the same command goes through.
    assert run("--data-dir", data, *_add_args(0))[0] == EXIT_OK


def test_temporary_names_beside_a_file_never_collide(tmp_path: Path) -> None:
    target = tmp_path / "sequences.json"
    names = {temp_beside(target) for _ in range(1000)}
    assert len(names) == 1000
    assert all(n.parent == tmp_path and n.name.startswith("sequences.json.") for n in names)


# --- an edit saved over a newer revision -------------------------------------------------


def test_an_edit_over_a_newer_revision_is_refused_and_changes_nothing(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    ctx = kecamatan_ctx
    reg = participants.register(ctx, ADMIN, make_participant()).reg_no
    loaded = participants.get(ctx, reg)
    # Budi saves a new phone number while Ani's form is open.
    budi = Actor("budi", Role.SUPERVISOR)
    participants.edit(ctx, budi, reg, make_participant(phone="081211112222"))
    before = participants.get(ctx, reg)
    entries = len(participants.history(ctx, loaded.uuid))
    # Ani saves the name she corrected, from the form loaded before Budi's save.
    ani = Actor("ani", Role.OPERATOR)
    mine = make_participant(name="Yusnimar Wati Putri")
    with pytest.raises(participants.EditConflict) as caught:
        participants.edit(ctx, ani, reg, mine, revision=loaded.revision)
    exc = caught.value
    assert exc.loaded == loaded.revision and exc.current.revision == before.revision
    sides = {c.key: (c.theirs, c.yours) for c in exc.clashes}
    assert sides == {
        "name": ("Yusnimar Wati", "Yusnimar Wati Putri"),
        "phone": ("081211112222", "—"),
    }
    assert "disimpan oleh budi" in str(exc) and "Kolom yang berbeda: Nama, No. HP." in str(exc)
    # Nothing was saved: Budi's phone is there, Ani's name is not, no history entry.
    assert participants.get(ctx, reg) == before
    assert len(participants.history(ctx, loaded.uuid)) == entries
    # On top of the new revision, with Budi's phone kept, it goes through.
    participants.edit(
        ctx,
        ani,
        reg,
        make_participant(name="Yusnimar Wati Putri", phone="081211112222"),
        revision=exc.current.revision,
    )
    after = participants.get(ctx, reg)
    assert (after.name, after.phone) == ("Yusnimar Wati Putri", "081211112222")


def test_a_change_applies_to_the_record_as_saved_now_not_as_read_before(
    kecamatan_ctx: Context, make_participant: MakeParticipant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deactivation read the record before another process's edit committed: it must
    not write the old values back (the change is applied to the row read under the lock)."""
    ctx = kecamatan_ctx
    reg = participants.register(ctx, ADMIN, make_participant()).reg_no
    real_get = participants.get

    def get_then_someone_saves(c: Context, r: str) -> participants.ParticipantRecord:
        rec = real_get(c, r)
        monkeypatch.setattr(participants, "get", real_get)
        participants.edit(c, ADMIN, r, make_participant(phone="081233334444"))
        return rec

    monkeypatch.setattr(participants, "get", get_then_someone_saves)
    participants.deactivate(ctx, ADMIN, reg, InactiveReason.MOVED, dt.date(2026, 1, 5))
    after = participants.get(ctx, reg)
    assert after.status == "inactive" and after.phone == "081233334444"
    assert after.revision == 3


def test_the_command_line_shows_both_versions_and_how_to_retry(tmp_path: Path, cli: Any) -> None:
    data = tmp_path / "kec"
    assert (
        cli("--data-dir", data, "setup", "--role", "kecamatan", "--kecamatan", "13.03.06")[0] == 0
    )
    assert cli("--data-dir", data, *_add_args(0))[0] == EXIT_OK
    con = sqlite3.connect(data / "lindungi.sqlite")
    reg = con.execute("SELECT reg_no FROM participant").fetchone()[0]
    con.close()
    code, out, _err = cli("--data-dir", data, "show", reg)
    assert code == EXIT_OK and re.search(r"Revisi\s+1$", out, re.M)
    # Someone else changes the phone (revision 2) …
    assert cli("--data-dir", data, "edit", reg, "--phone", "081211112222")[0] == EXIT_OK
    # … and the edit made from what `show` said (revision 1) is refused.
    code, _out, err = cli(
        "--data-dir", data, "edit", reg, "--name", "Penambah Baru", "--revision", "1"
    )
    assert code == EXIT_REFUSED
    assert f"{reg} sudah disimpan oleh admin" in err and "revisi 1, kini 2" in err
    assert re.search(r"Kolom\s+Tersimpan kini\s+Milik Anda", err)
    assert re.search(r"Nama\s+Penambah 0\s+Penambah Baru", err)
    assert "--revision 2" in err
    assert _people(data / "lindungi.sqlite") == {"Penambah 0"}
    # Retried on top of revision 2: saved, and the other change is kept.
    code, _out, _err = cli(
        "--data-dir", data, "edit", reg, "--name", "Penambah Baru", "--revision", "2"
    )
    assert code == EXIT_OK
    con = sqlite3.connect(data / "lindungi.sqlite")
    row = con.execute("SELECT name, phone, revision FROM participant").fetchone()
    con.close()
    assert row == ("Penambah Baru", "081211112222", 3)


def test_commands_starting_together_never_trip_over_each_others_probe(tmp_path: Path) -> None:
    """Every command proves the data dir writable with a probe file; with one shared name,
    one command removed another's probe and said "the folder does not exist"."""
    from concurrent.futures import ThreadPoolExecutor

    from app.services.context import ensure_writable
    from app.services.sequences import read, write

    def start(i: int) -> None:
        for n in range(200):
            ensure_writable(tmp_path)
            write(tmp_path, f"k{i}", n + 1)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(start, range(8)))  # re-raises the first error, if any
    assert not [p.name for p in tmp_path.iterdir() if p.name != "sequences.json"]
    assert read(tmp_path)  # still valid JSON after 1,600 replacements
