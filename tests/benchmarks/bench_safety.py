"""Backup and restore of a register of 100,000 participants, and the audit chain's check.

Run: ``python -m tests.benchmarks.bench_safety [--participants N]``. Prints figures.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from app.domain.install import Role as InstallRole
from app.services import audit, backup, demo, participants
from app.services.context import open_data_dir
from app.services.setup import setup_install
from tests.actors import ADMIN


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_data_dir(Path(tmp) / "kab")
        setup_install(ctx, ADMIN, role=InstallRole.KABUPATEN)
        demo.generate(ctx, ADMIN, args.participants, seed=8)
        size = ctx.db.path.stat().st_size / 1e6
        t0 = time.perf_counter()
        saved = backup.backup(ctx, ADMIN)
        t1 = time.perf_counter()
        enc = backup.backup(ctx, ADMIN, Path(tmp), passphrase="frasa sandi panjang")
        t2 = time.perf_counter()
        _replaced, count = backup.restore(ctx, ADMIN, saved)
        t3 = time.perf_counter()
        backup.restore(ctx, ADMIN, enc, passphrase="frasa sandi panjang")
        t4 = time.perf_counter()
        result = audit.verify(ctx)
        t5 = time.perf_counter()
        print(f"database: {participants.count(ctx):,} participants, {size:.1f} MB")
        print(f"backup (SQLite backup API):          {t1 - t0:6.2f} s  (goal <= 3 s)")
        print(
            f"backup, encrypted with a passphrase: {t2 - t1:6.2f} s  "
            f"({enc.stat().st_size / 1e6:.1f} MB)"
        )
        print(
            f"restore (checked first):             {t3 - t2:6.2f} s  (goal <= 3 s), "
            f"{count:,} participants"
        )
        print(f"restore of the encrypted backup:     {t4 - t3:6.2f} s")
        print(
            f"audit verify, {result.entries:,} entries:     {t5 - t4:6.2f} s  "
            f"({'whole' if result.ok else 'BROKEN'})"
        )
        ctx.close()


if __name__ == "__main__":
    main()
