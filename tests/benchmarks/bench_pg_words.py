"""What the name search's upkeep costs a merge on a province's register: 20,000
participants inserted as a merge inserts them, with and without it.

Run: ``python -m tests.benchmarks.bench_pg_words --pg postgresql://USER@HOST:PORT/DB
[--rows 20000] [--runs 3]`` on a register (``bench_postgres --keep`` leaves one in the
database ``lindungi_bench``). Not collected by pytest; it prints figures.

The rows are copies of existing participants (a new uuid, registration number and NIK
each), inserted in statements of 10,000 rows as ``INSERT … SELECT``, the shape the store's
bulk path sends (app.store.pg: each column as one array). Each run is rolled back. Two
figures:

- **as it is**: the register's own schema (before migration 0014: the GIN index of the
  name's words; from 0014 on: the word table's triggers and indexes);
- **without the name search's upkeep**: the same in a transaction that first drops the
  GIN index or disables the word table's insert trigger (rolled back too).
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


def without_upkeep(conn: Connection) -> str:
    """Drop or disable what keeps the name search (inside the transaction); what it was."""
    gin = conn.execute(text("SELECT to_regclass('ix_participant_name_words')")).scalar()
    if gin is not None:
        conn.execute(text("DROP INDEX ix_participant_name_words"))
        return "GIN index dropped"
    conn.execute(text("ALTER TABLE participant DISABLE TRIGGER participant_word_ai"))
    return "word trigger disabled"


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
            for upkeep in (True, False):
                with engine.connect() as conn:
                    label = "as it is"
                    if not upkeep:
                        label = f"without the name search's upkeep ({without_upkeep(conn)})"
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
