"""Speed and memory of sync bundles; prints a table of figures and goals.

Run: ``python -m tests.benchmarks.bench_sync [--office N] [--register N]``.
Not collected by pytest (``norecursedirs``); the latest figures are in docs/benchmarks.md.

What is measured, against its goals:
- export of a bundle of 20,000 participants (query, pack, seal, sign, write, fsync, read
  back and verify): ≤ 3 s;
- its import into a kabupaten register that already holds 80,000: the preview (a dry run)
  and the commit (which analyses again inside its transaction, backs up the database first,
  and writes the receipt): ≤ 10 s together;
- the receipt imported back at the office (not a goal, shown for reference);
- peak memory of the process (maximum resident set size): < 500 MB.
Wall-clock seconds are what the user waits; CPU seconds of this process are steadier on a
busy machine, and both are printed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from app.domain.install import Role
from app.services import demo, participants, trust
from app.services.context import open_data_dir
from app.services.setup import setup_install
from app.services.sync import bundle_import, export, offices
from tests.actors import ADMIN

T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[T, float, float]:
    """(result, wall seconds, CPU seconds of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def peak_mb() -> float | None:
    """Maximum resident set size of this process so far, in MB (None where unknown)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / (1024 if sys.platform == "darwin" else 1)


def prepare(root: Path, office_n: int, register_n: int) -> None:
    """Build the two data dirs (run in a child process, so that generating the demo data
    does not count in the measured process's peak memory)."""
    usb = root / "usb"
    usb.mkdir()
    kab = open_data_dir(root / "kab")
    setup_install(kab, ADMIN, role=Role.KABUPATEN)
    # Station B: the kabupaten's demo data stands for the station-A records of every
    # kecamatan, so the two never share registration numbers.
    enrol = trust.write_enrolment(kab, ADMIN, "13.03.06", "B", usb)
    office = open_data_dir(root / "office")
    trust.setup_from_enrolment(office, ADMIN, enrol.path)
    print(f"generating {register_n:,} in the register…", flush=True)
    demo.generate(kab, ADMIN, register_n, seed=1)
    # The office's key is confirmed with a first, empty bundle.
    first = export.export_bundle(office, ADMIN, usb)
    bundle_import.import_file(kab, ADMIN, first.path)
    offices.confirm_office(
        kab, ADMIN, "130306-B", trust.whoami(office).fingerprint, root / "receipts"
    )
    print(f"generating {office_n:,} at the office…", flush=True)
    demo.generate(office, ADMIN, office_n, seed=2)
    kab.close()
    office.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench_sync")
    ap.add_argument("--office", type=int, default=20_000, help="participants in the bundle")
    ap.add_argument("--register", type=int, default=80_000, help="already in the register")
    args = ap.parse_args(argv)
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        root = Path(tmp)
        child = multiprocessing.get_context("spawn").Process(
            target=prepare, args=(root, args.office, args.register)
        )
        child.start()
        child.join()
        if child.exitcode != 0:
            return 1
        usb = root / "usb"
        kab = open_data_dir(root / "kab")
        office = open_data_dir(root / "office")

        sent, wall, cpu = timed(lambda: export.export_bundle(office, ADMIN, usb))
        size = sent.path.stat().st_size
        rows.append(
            (
                f"export {sent.counts['participants']:,} participants",
                f"{wall:.2f} s (CPU {cpu:.2f} s), {size / 1e6:.1f} MB",
                "≤ 3 s",
                "ok" if wall <= 3 else "SLOW",
            )
        )
        held = participants.count(kab)
        preview, pw, pc = timed(
            lambda: bundle_import.import_file(kab, ADMIN, sent.path, dry_run=True)
        )
        rows.append(("import preview (dry run)", f"{pw:.2f} s (CPU {pc:.2f} s)", "", ""))
        result, cw, cc = timed(
            lambda: bundle_import.import_file(
                kab, ADMIN, sent.path, receipt_out=usb, preview=preview
            )
        )
        rows.append(
            ("import commit (backup, merge, receipt)", f"{cw:.2f} s (CPU {cc:.2f} s)", "", "")
        )
        counts = ", ".join(f"{k} {v}" for k, v in result.counts.items() if v)
        rows.append(
            (
                "import preview + commit",
                f"{pw + cw:.2f} s (CPU {pc + cc:.2f} s) into {held:,}: {counts}",
                "≤ 10 s",
                "ok" if pw + cw <= 10 else "SLOW",
            )
        )
        receipt = result.receipt
        assert receipt is not None
        back, rw, rc = timed(lambda: bundle_import.import_file(office, ADMIN, receipt))
        rows.append(
            (
                "receipt imported at the office",
                f"{rw:.2f} s (CPU {rc:.2f} s), accepted {back.counts.get('accepted')}",
                "",
                "",
            )
        )
        mb = peak_mb()
        rows.append(
            (
                "peak memory (max RSS of this process)",
                f"{mb:.0f} MB" if mb is not None else "unknown on this platform",
                "< 500 MB",
                "ok" if mb is not None and mb < 500 else "CHECK",
            )
        )
        kab.close()
        office.close()
    width = max(len(r[0]) for r in rows)
    print()
    for name, figure, goal, verdict in rows:
        print(f"{name:<{width}}  {figure}  {goal}  {verdict}".rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
