"""Bulk insert of 100,000 participants, against the bare driver on the same engine.

Run: ``python -m tests.benchmarks.bench_insert [--participants N] [--runs R]``.
Not collected by pytest. Each figure inserts the same N demo rows (made up once, in
memory) into a fresh kabupaten data dir opened with the project's own engine, so the
figures follow whatever the store is (encrypted, chained) when this runs; one transaction,
WAL with synchronous=FULL, committed:
- the app: ``repo.bulk_register`` of the rows and the history entries ``demo.generate``
  writes with them (its "rows ready → committed"): goal ≤ 2.0 s;
- the app's participant rows alone (``bulk_insert_participants``, then commit);
- the bare driver doing the same work as the app's figure on the same engine: the state
  digest of each row and the hash chain of the entries in a plain loop of ``hashlib``,
  then ``executemany`` of the rows (pointing at their entries) and of the entries into
  the same tables, the name index filled in one statement, commit (the ratio of the
  app's figure to this one is printed last);
- the bare driver on the same engine's connection: ``executemany`` of the same rows into
  the same table (its indexes; the name index filled in one statement after, as the app
  does), then commit;
- the floor: ``executemany`` of the same rows into a bare table with only a primary key
  and three indexes (registration number, NIK, name), same connection settings.
Wall and CPU seconds; medians of R runs. On a machine whose disk is shared, wall time
includes waiting for it: CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def fresh(root: Path, name: str) -> Any:
    from app.domain.install import Role
    from app.services.context import open_data_dir
    from app.services.setup import setup_install
    from tests.actors import ADMIN

    ctx = open_data_dir(root / name)
    setup_install(ctx, ADMIN, role=Role.KABUPATEN)
    return ctx


def demo_rows(root: Path, count: int) -> tuple[list[Any], list[Any]]:
    """The participant and history rows ``demo.generate`` makes for ``count``."""
    from app.services import demo
    from app.store import repo
    from tests.actors import ADMIN

    made: dict[str, list[Any]] = {}
    register = repo.bulk_register

    class Made(Exception):
        pass

    def keep(_s: Any, rows: Sequence[Any], history: Sequence[Any]) -> None:
        made["rows"], made["history"] = list(rows), list(history)
        raise Made  # nothing is committed

    repo.bulk_register = keep  # type: ignore[assignment]
    ctx = fresh(root, "rows")
    try:
        demo.generate(ctx, ADMIN, count, seed=1)
    except Made:
        pass
    finally:
        repo.bulk_register = register
        ctx.close()
    return made["rows"], made["history"]


def insert_same_work(raw: Any, rows: list[Any], history: list[Any], prev: str) -> None:
    """The app's figure without its layers: digests and chain in a plain loop, two
    ``executemany``. Every row has one entry (the demo's), in the same order."""
    from app.domain.audit import COMPARED

    sha = hashlib.sha256
    columns = list(rows[0])
    stored: list[tuple[Any, ...]] = []
    entries: list[tuple[Any, ...]] = []
    for r, e in zip(rows, history, strict=True):
        state = sha(
            "\x1f".join(
                "" if v is None else v.isoformat() if isinstance(v, dt.date) else str(v)
                for v in map(r.get, COMPARED)
            ).encode()
        ).hexdigest()
        at = e["at"].isoformat(" ", "microseconds")
        who = [at, e["actor"], e["install_code"], e["entity"], e["entity_id"], e["action"]]
        content = sha("\x1f".join([*who, e["changes"], e["reason"], state]).encode()).hexdigest()
        link = sha("\x1f".join(["2", prev, *who, content]).encode()).hexdigest()
        entries.append((*who, e["changes"], e["reason"], content, prev, link, 0, 2, state))
        stored.append((*r.values(), link))
        prev = link
    raw.executemany(
        f"INSERT INTO participant ({', '.join(columns)}, history_hash) "
        f"VALUES ({', '.join('?' * (len(columns) + 1))})",
        stored,
    )
    raw.executemany(
        "INSERT INTO history (at, actor, install_code, entity, entity_id, action, changes, "
        "reason, content_hash, prev_hash, hash, redacted, rule, state) "
        f"VALUES ({', '.join('?' * 14)})",
        entries,
    )


def timed(fn: Callable[[], None]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    from app.store import repo

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    (ROOT / "build").mkdir(exist_ok=True)
    figures: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-insert-", dir=ROOT / "build") as tmp:
        root = Path(tmp)
        rows, history = demo_rows(root, args.participants)
        columns = list(rows[0])
        for run in range(args.runs):
            ctx = fresh(root, f"app{run}")

            def app(ctx: Any = ctx) -> None:
                with ctx.db.session() as s:
                    repo.bulk_register(s, rows, history)

            figures.setdefault("the app: participants and their history", []).append(timed(app))
            ctx.close()

            ctx = fresh(root, f"bare{run}")

            def bare_same_work(ctx: Any = ctx) -> None:
                with ctx.db.session() as s:
                    conn = s.connection()
                    raw = conn.connection.driver_connection
                    prev = raw.execute("SELECT hash FROM history ORDER BY id DESC").fetchone()[0]
                    conn.exec_driver_sql("DROP TRIGGER participant_fts_ai")
                    raw.execute("PRAGMA cache_size=-65536")
                    insert_same_work(raw, rows, history, prev)
                    conn.exec_driver_sql(
                        "INSERT INTO participant_fts(rowid, name) SELECT id, name FROM participant"
                    )

            figures.setdefault("bare driver: the same work, same engine", []).append(
                timed(bare_same_work)
            )
            ctx.close()

            ctx = fresh(root, f"alone{run}")

            def alone(ctx: Any = ctx) -> None:
                with ctx.db.session() as s:
                    repo.bulk_insert_participants(s, rows)

            figures.setdefault("the app: participants alone", []).append(timed(alone))
            ctx.close()

            ctx = fresh(root, f"raw{run}")

            def raw_same(ctx: Any = ctx) -> None:
                with ctx.db.session() as s:
                    conn = s.connection()
                    raw = conn.connection.driver_connection
                    conn.exec_driver_sql("DROP TRIGGER participant_fts_ai")
                    raw.executemany(
                        f"INSERT INTO participant ({', '.join(columns)}) "
                        f"VALUES ({', '.join('?' * len(columns))})",
                        [tuple(r.values()) for r in rows],
                    )
                    conn.exec_driver_sql(
                        "INSERT INTO participant_fts(rowid, name) SELECT id, name FROM participant"
                    )

            figures.setdefault("bare driver, same table and engine", []).append(timed(raw_same))
            ctx.close()

            ctx = fresh(root, f"floor{run}")

            def floor(ctx: Any = ctx) -> None:
                with ctx.db.session() as s:
                    conn = s.connection()
                    conn.exec_driver_sql(
                        f"CREATE TABLE bare (id INTEGER PRIMARY KEY, {', '.join(columns)})"
                    )
                    for col in ("reg_no", "nik", "name"):
                        conn.exec_driver_sql(f"CREATE INDEX bare_{col} ON bare ({col})")
                    raw = conn.connection.driver_connection
                    raw.executemany(
                        f"INSERT INTO bare ({', '.join(columns)}) "
                        f"VALUES ({', '.join('?' * len(columns))})",
                        [tuple(r.values()) for r in rows],
                    )

            figures.setdefault("floor: bare table, 3 indexes", []).append(timed(floor))
            ctx.close()
            for path in root.iterdir():
                if path.name != "rows":
                    shutil.rmtree(path, ignore_errors=True)
    print(f"bulk insert of {len(rows):,} participants, median of {args.runs} runs")
    floor_cpu = statistics.median(c for _, c in figures["floor: bare table, 3 indexes"])
    bare = figures["bare driver: the same work, same engine"]
    ours = figures["the app: participants and their history"]
    for what, values in figures.items():
        wall = statistics.median(w for w, _ in values)
        cpu = statistics.median(c for _, c in values)
        goal = ""
        if what.startswith("the app: participants and"):
            goal = f"goal ≤ 2.0 s {'ok' if wall <= 2.0 else 'MISSED'}"
        print(
            f"{what:<44} wall {wall:6.2f} s  cpu {cpu:6.2f} s  "
            f"{cpu / floor_cpu:4.1f}× the floor's CPU  {goal}"
        )
    walls = [statistics.median(w for w, _ in f) for f in (ours, bare)]
    cpus = [statistics.median(c for _, c in f) for f in (ours, bare)]
    print(
        "the app against the bare driver doing the same work: "
        f"{walls[0] / walls[1]:.2f}× wall, {cpus[0] / cpus[1]:.2f}× CPU"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
