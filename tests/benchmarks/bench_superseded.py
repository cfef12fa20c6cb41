"""What the check for a restore's mark costs every write session on a PostgreSQL server.

Run: ``python -m tests.benchmarks.bench_superseded [--pg URL] [--sessions N]`` (or set
``LINDUNGI_TEST_PG``; the account must be allowed to create databases: a database of its
own is made and dropped). Not collected by pytest.

Prints the median time of an empty write session (its advisory lock, ``SELECT 1``, the
commit) with the check and without it, and of the check's read alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from app.store import ledger, pg
from app.store.engine import Database
from app.store.migrate import upgrade


def _median_ms(runs: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pg", default=os.environ.get("LINDUNGI_TEST_PG", ""))
    ap.add_argument("--sessions", type=int, default=2000)
    args = ap.parse_args(argv)
    if not args.pg:
        print("give a server: --pg postgresql://USER@HOST:PORT/postgres (or LINDUNGI_TEST_PG)")
        return 2
    admin, password = pg.parse(args.pg)
    name = f"lindungi_bench_{uuid.uuid4().hex[:8]}"

    def run(sql: str) -> None:
        engine = pg.make_pg_engine(admin, password, busy_timeout_s=30)
        try:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql(sql)
        finally:
            engine.dispose()

    run(f'CREATE DATABASE "{name}"')
    address = dataclasses.replace(admin, database=name)
    db = Database(Path("unused"), None, server=address, password=password)
    try:
        upgrade(db.engine, db.path, Path("unused"))

        def write() -> None:
            with db.session() as s:
                s.execute(text("SELECT 1"))

        def read_mark() -> None:
            with db.engine.connect() as conn:
                ledger.read_mark(conn)

        write()  # the pool's connection, and its one question about the ledger's table
        with_check = _median_ms(args.sessions, write)
        check = pg.refuse_if_superseded
        pg.refuse_if_superseded = lambda _conn: None  # type: ignore[assignment]
        try:
            without = _median_ms(args.sessions, write)
        finally:
            pg.refuse_if_superseded = check
        alone = _median_ms(args.sessions, read_mark)
    finally:
        db.close()
        run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"write session with the check:    {with_check:.3f} ms (median of {args.sessions})")
    print(f"write session without the check: {without:.3f} ms")
    print(f"the check's cost per session:    {with_check - without:.3f} ms")
    print(f"the mark's read on its own connection checkout: {alone:.3f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
