"""``audit verify`` with the replay of every participant, at 100,000 participants.

Run: ``python -m tests.benchmarks.bench_chain [--participants N]``. Prints figures: the demo
data written in bulk (history stamped with each row's state), then ``audit verify`` (the
chain walked under each entry's rule, every participant checked against the entry that
vouches for it), then the same after one row was edited and one ghost inserted outside
Lindungi (both must be named).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from app.domain.install import Role as InstallRole
from app.services import audit, demo, participants
from app.services.context import Context, open_data_dir
from app.services.setup import setup_install
from app.store.engine import connect
from tests.actors import ADMIN


def timed_verify(ctx: Context) -> tuple[audit.Verification, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = audit.verify(ctx)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_data_dir(Path(tmp) / "kab")
        setup_install(ctx, ADMIN, role=InstallRole.KABUPATEN)
        wall, cpu = time.perf_counter(), time.process_time()
        demo.generate(ctx, ADMIN, args.participants, seed=8)
        made = time.perf_counter() - wall, time.process_time() - cpu
        print(
            f"demo data, {participants.count(ctx):,} participants with their history "
            f"(bulk, stamped): {made[0]:5.2f} s wall, {made[1]:5.2f} s CPU"
        )
        result, wall_s, cpu_s = timed_verify(ctx)
        print(
            f"audit verify, {result.entries:,} entries and {participants.count(ctx):,} "
            f"participants replayed: {wall_s:5.2f} s wall, {cpu_s:5.2f} s CPU (goal <= 3 s); "
            f"{'whole' if result.ok else 'NOT WHOLE'}"
        )
        con = connect(ctx.db.path, ctx.db.key)
        con.execute("UPDATE participant SET income = income + 1 WHERE id = 500")
        cols = [r[1] for r in con.execute("PRAGMA table_info(participant)") if r[1] != "id"]
        picked = ", ".join(
            {
                "uuid": "'ghost-uuid'",
                "reg_no": "'130306-A-999999'",
                "nik": "'1303064708809999'",
            }.get(c, c)
            for c in cols
        )
        con.execute(
            f"INSERT INTO participant ({', '.join(cols)}) "
            f"SELECT {picked} FROM participant WHERE id = 1"
        )
        con.commit()
        con.close()
        result, wall_s, cpu_s = timed_verify(ctx)
        print(
            f"after one edit and one ghost outside Lindungi: {wall_s:5.2f} s wall, "
            f"{cpu_s:5.2f} s CPU; ghosts {list(result.ghosts)}, unexplained "
            f"{list(result.unexplained)}"
        )
        ctx.close()


if __name__ == "__main__":
    main()
