"""Registration at 100,000 participants: import a 5,000-row xlsx, open and save a record.

Run: ``python -m tests.benchmarks.bench_registration [--participants N]``. Prints figures;
not a test. The GUI's own figures (window, per-keystroke search) are in bench_gui.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from app.domain.install import Role as InstallRole
from app.domain.nik import make_nik
from app.domain.participant import ParticipantData, Sex
from app.services import demo, importer, participants
from app.services.context import open_data_dir
from app.services.setup import setup_install
from app.store.repo import ListQuery
from tests.actors import ADMIN


def sheet(path: Path, rows: int) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(
        [
            "No",
            "NIK",
            "Nama",
            "Tempat Lahir",
            "Tanggal Lahir",
            "L/P",
            "Alamat",
            "Jorong",
            "Nagari",
            "Pekerjaan",
            "No HP",
        ]
    )
    for i in range(rows):
        sex = Sex.L if i % 2 else Sex.P
        birth = dt.date(1975, 1, 1) + dt.timedelta(days=i % 9000)
        nik = make_nik("130306", birth, sex, 5000 + i % 4999)
        ws.append(
            [
                i + 1,
                nik,
                f"Peserta Impor {i}",
                "Sijunjung",
                birth.strftime("%d/%m/%Y"),
                sex.value,
                "Jl. Lintas",
                "Koto",
                "Aie Amo",
                "petani",
                f"0812{i:08d}",
            ]
        )
    wb.save(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ctx = open_data_dir(root / "kab")
        setup_install(ctx, ADMIN, role=InstallRole.KABUPATEN)
        demo.generate(ctx, ADMIN, args.participants, seed=5)
        path = root / "nagari.xlsx"
        sheet(path, args.rows)
        start = time.perf_counter()
        prev = importer.preview(ctx, path, kecamatan="13.03.06")
        previewed = time.perf_counter()
        result = importer.commit(ctx, ADMIN, prev)
        done = time.perf_counter()
        print(f"register holds {participants.count(ctx):,} participants")
        print(
            f"import {args.rows:,}-row xlsx: preview {previewed - start:.2f} s + commit "
            f"{done - previewed:.2f} s = {done - start:.2f} s (goal <= 10 s); "
            f"new {result.new}, duplicate {result.duplicate}, refused {result.refused}"
        )
        ids = participants.search(ctx, ListQuery(search="peserta impor"))
        opens = []
        for pid in ids[:20]:
            t0 = time.perf_counter()
            rec = participants.rows(ctx, [pid])[0]
            full = participants.get(ctx, rec.reg_no)
            participants.history(ctx, full.uuid)
            opens.append(time.perf_counter() - t0)
        print(
            f"open a record (fields + history): median {statistics.median(opens) * 1000:.1f} "
            f"ms, max {max(opens) * 1000:.1f} ms (goal <= 100 ms)"
        )
        saves = []
        for i in range(20):
            birth = dt.date(1980, 1, 1) + dt.timedelta(days=i)
            data = ParticipantData(
                nik=make_nik("130306", birth, Sex.L, 9990 - i),
                name=f"Simpan {i}",
                birth_place="Sijunjung",
                birth_date=birth,
                sex=Sex.L,
                nagari_code="13.03.06.2004",
                occupation="petani",
            )
            t0 = time.perf_counter()
            participants.register(ctx, ADMIN, data)
            saves.append(time.perf_counter() - t0)
        print(
            f"save a new record: median {statistics.median(saves) * 1000:.1f} ms, "
            f"max {max(saves) * 1000:.1f} ms (goal <= 100 ms)"
        )
        ctx.close()


if __name__ == "__main__":
    main()
