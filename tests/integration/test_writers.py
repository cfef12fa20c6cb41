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
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from app.domain.nik import make_nik
from app.domain.participant import Sex
from app.errors import EXIT_BUG, EXIT_OK, EXIT_REFUSED
from app.paths import temp_beside

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
