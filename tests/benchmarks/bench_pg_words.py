"""What the name search's upkeep costs a merge on a province's register: 20,000
participants inserted as a merge inserts them, with and without it.

Run: ``python -m tests.benchmarks.bench_pg_words --pg postgresql://USER@HOST:PORT/DB
[--rows 20000] [--runs 3]`` on a register (``bench_postgres --keep`` leaves one in the
database ``lindungi_bench``). Not collected by pytest; it prints figures.

The rows are copies of existing participants (a new uuid, registration number and NIK
each), inserted in statements of 10,000 rows as ``INSERT … SELECT``, the shape the store's
bulk path sends (app.store.pg: each column as one array). Each run is rolled back. The
figures:

- **as it is**: the register's own schema (the GIN index of the name's words until
  migration 0015 dropped it; from migration 0014 on, the word table's trigger and indexes);
- the same in a transaction that first disables the word table's insert trigger, drops
  the GIN index, or both (rolled back too).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from sqlalchemy import Connection, text

from app.store.engine import BUSY_TIMEOUT_S
from app.store.pg import make_pg_engine, parse

PER_STATEMENT = 10_000
COPIED = (
    "birth_place, birth_date, sex, address, jorong, nagari_code, kecamatan_code, "
    "occupation, phone, income, funding, programmes, coverage_start, coverage_end, status, "
    "status_reason, status_date, duplicate_of, kpj, override_reason, revision, ack_revision, "
    "created_at, created_by, created_install, updated_at, updated_by, updated_install, "
    "erased_at, history_hash"
)


def insert(conn: Connection, rows: int) -> float:
    """Seconds to insert ``rows`` copies of the first participants."""
    top = int(conn.execute(text("SELECT max(id) FROM participant")).scalar() or 0)
    start = time.perf_counter()
    for first in range(0, rows, PER_STATEMENT):
        conn.execute(
            text(
                "INSERT INTO participant (uuid, reg_no, nik, name, "
                f"{COPIED}) SELECT gen_random_uuid()::text, "
                "'BENCH-' || lpad((id + :top)::text, 12, '0'), "
                "lpad((id + :top)::text, 16, '9'), name, "
                f"{COPIED} FROM participant WHERE id > :first AND id <= :last"
            ),
            {"top": top, "first": first, "last": min(first + PER_STATEMENT, rows)},
        )
    return time.perf_counter() - start


def set_aside(conn: Connection, what: str) -> bool:
    """Set aside (inside the transaction) the word table's insert trigger ("words") or the
    GIN index of the name's words ("gin"); False when the register has none."""
    if what == "words":
        if conn.execute(text("SELECT to_regclass('participant_word')")).scalar() is None:
            return False
        conn.execute(text("ALTER TABLE participant DISABLE TRIGGER participant_word_ai"))
        return True
    if conn.execute(text("SELECT to_regclass('ix_participant_name_words')")).scalar() is None:
        return False
    conn.execute(text("DROP INDEX ix_participant_name_words"))
    return True


# What each figure sets aside.
VARIANTS = {
    "as it is": (),
    "without the word table's trigger": ("words",),
    "without the GIN index": ("gin",),
    "without either": ("words", "gin"),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--pg", default=os.environ.get("LINDUNGI_TEST_PG", ""))
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    if not args.pg:
        print("give a register's database: --pg postgresql://USER@HOST:PORT/DB")
        return 2
    address, password = parse(args.pg)
    engine = make_pg_engine(address, password, busy_timeout_s=BUSY_TIMEOUT_S)
    try:
        figures: dict[str, list[float]] = {}
        for _ in range(args.runs):
            for label, aside in VARIANTS.items():
                with engine.connect() as conn:
                    if all(set_aside(conn, what) for what in aside):
                        figures.setdefault(label, []).append(insert(conn, args.rows))
                    conn.rollback()
        count = f"{args.rows:,}".replace(",", ".")
        for label, walls in figures.items():
            runs = ", ".join(f"{w:.2f}" for w in walls)
            print(f"insert {count}: {label}: {statistics.median(walls):.2f} s (runs {runs} s)")
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
