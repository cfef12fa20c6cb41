"""Spreadsheets at full size, each figure beside the bare reader or writer in the same run.

Run: ``python -m tests.benchmarks.bench_sheets [--participants N] [--rows N] [--bpjs N]``.
Prints figures; not a test. Each measured step runs in a fresh process so that its peak
memory (``ru_maxrss``) is its own:

* a 5,000-row nagari xlsx imported (preview + commit) into a register of 100,000, the
  automatic backup before the commit reported apart (goal <= 1.2 s without it);
* the BPJS export of 65,000 participants (goal <= 8 s) and the import of BPJS's reply
  for them (goal <= 5 s);
* peak memory of each (goal <= 300 MB).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.domain.install import Role as InstallRole
from app.services.context import open_data_dir
from app.services.setup import setup_install
from tests.actors import ADMIN


def _peak_mb() -> float:
    """This process's peak resident memory. ``VmHWM``, not ``ru_maxrss``: Linux keeps the
    latter across exec, so a child would report the parent's peak (the demo register)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bare_read(path: Path) -> tuple[float, int]:
    from python_calamine import CalamineWorkbook

    t0 = time.perf_counter()
    wb = CalamineWorkbook.from_path(str(path))
    rows = wb.get_sheet_by_index(0).to_python()
    return time.perf_counter() - t0, len(rows)


def child_import(data_dir: Path, sheet: Path) -> dict[str, Any]:
    """Preview and commit ``sheet``; the backup's time measured apart."""
    from app.services import backup, importer

    bare, _rows = _bare_read(sheet)
    ctx = open_data_dir(data_dir)
    spent = [0.0]
    real = backup.auto_backup

    def timed(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t0

    backup.auto_backup = timed
    c0 = time.process_time()
    t0 = time.perf_counter()
    prev = importer.preview(ctx, sheet, kecamatan="13.03.06")
    t1 = time.perf_counter()
    result = importer.commit(ctx, ADMIN, prev)
    t2 = time.perf_counter()
    cpu = time.process_time() - c0
    ctx.close()
    return {
        "cpu": cpu,
        "bare_read": bare,
        "preview": t1 - t0,
        "commit": t2 - t1 - spent[0],
        "backup": spent[0],
        "new": result.new,
        "refused": result.refused,
        "peak_mb": _peak_mb(),
    }


def child_export(data_dir: Path, out: Path) -> dict[str, Any]:
    """The BPJS export, beside a bare write-only openpyxl workbook of the same cells."""
    from openpyxl import Workbook

    from app.services import bpjs

    ctx = open_data_dir(data_dir)
    c0 = time.process_time()
    t0 = time.perf_counter()
    done = bpjs.export(ctx, ADMIN, out)
    t1 = time.perf_counter()
    cpu = time.process_time() - c0
    ctx.close()
    bare, rows = _bare_read(out)
    # The bare writer: the same rows written by openpyxl alone.
    from python_calamine import CalamineWorkbook

    cells = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    t2 = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    for row in cells:
        ws.append(row)
    wb.save(out.with_name("bare.xlsx"))
    t3 = time.perf_counter()
    return {
        "cpu": cpu,
        "export": t1 - t0,
        "count": done.count,
        "bare_write": t3 - t2,
        "bare_read": bare,
        "rows": rows,
        "peak_mb": _peak_mb(),
    }


def child_bpjs_import(data_dir: Path, reply: Path) -> dict[str, Any]:
    """Preview and commit BPJS's reply, beside the bare read of the same file."""
    from app.services import bpjs

    bare, _rows = _bare_read(reply)
    ctx = open_data_dir(data_dir)
    c0 = time.process_time()
    t0 = time.perf_counter()
    shown = bpjs.preview(ctx, reply)
    t1 = time.perf_counter()
    saved = bpjs.commit(ctx, ADMIN, shown)
    t2 = time.perf_counter()
    cpu = time.process_time() - c0
    ctx.close()
    return {
        "cpu": cpu,
        "bare_read": bare,
        "preview": t1 - t0,
        "commit": t2 - t1,
        "matched": len(shown.matched),
        "saved": saved.saved,
        "peak_mb": _peak_mb(),
    }


def _reply(export: Path, reply: Path) -> None:
    """BPJS's answer: the export's NIKs, each with an 11-digit KPJ typed as text."""
    from openpyxl import Workbook
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(export)).get_sheet_by_index(0).to_python()
    head = rows[0]
    nik_col = head.index("NIK")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Hasil")
    ws.append(["NIK", "Nama", "No KPJ"])
    for i, row in enumerate(rows[1:]):
        ws.append([row[nik_col], row[2], f"{23000000000 + i:011d}"])
    wb.save(reply)


def _run(kind: str, *args: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_sheets", "--child", kind, *map(str, args)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Build the registers, run each step in its own process, print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=5_000)
    parser.add_argument("--bpjs", type=int, default=65_000)
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        kind, *paths = args.child
        fn = {"import": child_import, "export": child_export, "bpjs": child_bpjs_import}[kind]
        print(json.dumps(fn(*map(Path, paths))))
        return

    from app.services import demo
    from tests.benchmarks.bench_registration import sheet

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        big = root / "register"
        ctx = open_data_dir(big)
        setup_install(ctx, ADMIN, role=InstallRole.KABUPATEN)
        demo.generate(ctx, ADMIN, args.participants, seed=5)
        ctx.close()
        path = root / "nagari.xlsx"
        sheet(path, args.rows)
        r = _run("import", big, path)
        print(
            f"import {args.rows:,}-row xlsx into {args.participants:,}: preview "
            f"{r['preview']:.2f} s + commit {r['commit']:.2f} s = "
            f"{r['preview'] + r['commit']:.2f} s (goal <= 1.2 s; CPU {r['cpu']:.2f} s with the "
            f"backup); automatic backup "
            f"{r['backup']:.2f} s apart; bare calamine read {r['bare_read']:.2f} s; "
            f"new {r['new']:,}, refused {r['refused']:,}; peak {r['peak_mb']:.0f} MB"
        )

        desk = root / "desk"
        ctx = open_data_dir(desk)
        setup_install(ctx, ADMIN, role=InstallRole.KABUPATEN)
        demo.generate(ctx, ADMIN, args.bpjs, seed=7)
        ctx.close()
        export = root / "bpjs.xlsx"
        e = _run("export", desk, export)
        print(
            f"BPJS export of {e['count']:,}: {e['export']:.2f} s (goal <= 8 s; CPU "
            f"{e['cpu']:.2f} s); bare openpyxl "
            f"write of the same cells {e['bare_write']:.2f} s; peak {e['peak_mb']:.0f} MB"
        )
        reply = root / "balasan.xlsx"
        _reply(export, reply)
        b = _run("bpjs", desk, reply)
        print(
            f"BPJS import of {b['matched']:,} KPJ: preview {b['preview']:.2f} s + commit "
            f"{b['commit']:.2f} s = {b['preview'] + b['commit']:.2f} s (goal <= 5 s; CPU "
            f"{b['cpu']:.2f} s); bare "
            f"calamine read {b['bare_read']:.2f} s; saved {b['saved']:,}; "
            f"peak {b['peak_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
