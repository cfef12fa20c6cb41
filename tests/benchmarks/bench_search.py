"""Searches of the participant list at 100,000, against raw SQL on the same engine.

Run: ``python -m tests.benchmarks.bench_search [--participants N] [--runs R] [--data-dir D]``.
Not collected by pytest. The data dir is the GUI benchmark's (``build/bench-gui-N``, made
once through the command line) and is opened with the project's own engine, so the figures
follow whatever the store is (encrypted, chained) when this runs.

For each search (6- and 10-digit NIK prefixes, a name word, two name words, a registration
number, a KPJ number, the whole list), what the list shows at once: the first page of ids
with its count (exact up to 10.000; a list of up to 2,000 matches is read whole) and the
rows of that page, through the service the GUI calls: goal ≤ 20 ms. The baseline is the
driver's cursor on the same engine's connection, running hand-written SQL for the same
page and count (the name index walked for a large result, the search's own index for a
small one). The whole ordered list of ids, which the GUI reads afterwards on a worker
thread when there are more than 2,000, is timed too. Medians of R runs, milliseconds.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from tests.benchmarks.bench_gui import open_prepared, parse_args

PAGE = 200
CAP = 10_000
ROW = (
    "SELECT p.id, p.reg_no, p.nik, p.name, p.sex, p.birth_date, r.name, p.occupation, "
    "p.status, p.kpj, p.funding FROM participant p JOIN region r ON r.code = p.nagari_code "
    "WHERE p.id IN ({})"
)


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def raw_page(raw: Any, where: str, args: tuple[Any, ...], walk: bool) -> int:
    """Count (capped), first page of ids by name, and its rows: hand-written SQL."""
    count = raw.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM participant WHERE {where} LIMIT {CAP + 1})",
        args,
    ).fetchone()[0]
    hint = "INDEXED BY ix_participant_name" if walk else ""
    ids = [
        r[0]
        for r in raw.execute(
            f"SELECT id FROM participant {hint} WHERE {where} ORDER BY name, id LIMIT {PAGE}",
            args,
        )
    ]
    raw.execute(ROW.format(",".join("?" * len(ids))), ids).fetchall()
    return int(count)


def main() -> int:
    from app.services import participants
    from app.services.participants import ListQuery

    args, data_dir = parse_args(__doc__.splitlines()[0], 15)
    ctx = open_prepared(data_dir)
    with ctx.db.read() as s:
        raw = s.connection().connection.driver_connection
        assert raw is not None

        def one(sql: str) -> Any:
            row = raw.execute(sql).fetchone()
            return None if row is None else row[0]

        nik6 = one("SELECT substr(nik, 1, 6) k FROM participant GROUP BY k ORDER BY count(*) DESC")
        nik10 = one(
            "SELECT substr(nik, 1, 10) k FROM participant GROUP BY k ORDER BY count(*) DESC"
        )
        full_name = one("SELECT name FROM participant WHERE name LIKE '% %' LIMIT 1 OFFSET 777")
        word = full_name.split()[0]
        two = " ".join(full_name.split()[:2])
        reg_no = one("SELECT reg_no FROM participant LIMIT 1 OFFSET 54321")
        # The demo register may hold no KPJ numbers yet: a KPJ-shaped number still runs the
        # search a KPJ takes (digits: NIK, KPJ and registration-number prefixes).
        kpj = one("SELECT kpj FROM participant WHERE kpj IS NOT NULL LIMIT 1") or "22012345678"
        fts = "id IN (SELECT rowid FROM participant_fts WHERE participant_fts MATCH ?)"
        searches: list[tuple[str, str, str, tuple[Any, ...]]] = [
            ("6-digit NIK prefix", nik6, "nik >= ? AND nik < ?", (nik6, nik6 + ":")),
            ("10-digit NIK prefix", nik10, "nik >= ? AND nik < ?", (nik10, nik10 + ":")),
            ("a name word", word, fts, (f'"{word}"*',)),
            ("two name words", two, fts, (" ".join(f'"{w}"*' for w in two.split()),)),
            ("a registration number", reg_no, "reg_no >= ? AND reg_no < ?", (reg_no, reg_no + "~")),
            ("a KPJ number", kpj, "kpj >= ? AND kpj < ?", (kpj, kpj + ":")),
            ("the whole list", "", "1", ()),
        ]
        print(f"{args.participants:,} participants, medians of {args.runs} runs, ms")
        print(
            f"{'search':<24} {'term':<18} {'matches':>14}  {'app':>7} {'raw SQL':>8} "
            f"{'ratio':>6}  {'all ids':>8}  goal ≤ 20 ms"
        )
        missed = 0
        for label, term, where, params in searches:
            query = ListQuery(search=term)

            def app_page(query: ListQuery = query) -> participants.FirstPage:
                first = participants.first_page(ctx, query, PAGE, participants.WHOLE_UP_TO)
                participants.rows(ctx, first.ids[:PAGE])  # the rows the view shows
                return first

            first = app_page()
            ours = median_ms(app_page, args.runs)
            walk = first.count >= 1_000
            base = median_ms(partial(raw_page, raw, where, params, walk), args.runs)
            every = median_ms(partial(participants.search, ctx, query), max(3, args.runs // 3))
            matches = f"{'> ' if first.capped else ''}{first.count:,}"
            verdict = "ok" if ours <= 20 else "MISSED"
            missed += verdict != "ok"
            print(
                f"{label:<24} {term[:18]:<18} {matches:>14}  {ours:7.2f} {base:8.2f} "
                f"{ours / base:5.1f}×  {every:8.2f}  {verdict}"
            )
    ctx.close()
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
