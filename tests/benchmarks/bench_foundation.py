"""Speed of the foundation at 100,000 participants; prints a table of figures and goals.

Run: ``python -m tests.benchmarks.bench_foundation [--participants N] [--runs R]``.
Not collected by pytest (``norecursedirs``); the figures go in docs/benchmarks.md.

What is measured, each against its goal (docs/benchmarks.md):
- bulk insert: ``demo.generate`` of N participants on a kabupaten install (rows, history,
  FTS index), one transaction;
- search: ``participants.search`` (every matching id, as the lazy list model asks) then the
  rows of the first page of 100, median of R runs, for NIK prefixes and words of names;
- the first page of the unfiltered list, sorted by name;
- the year's budget;
- opening the data dir (the schema check every start pays) and a whole ``lindungi list``
  process, for the start-up goal.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from app.domain.rows import HistoryEntry, ParticipantRow
from app.services import demo, participants
from app.services.context import Context, open_data_dir
from app.services.desk import budget_detail
from app.store import repo
from app.store.repo import ListQuery
from tests.actors import ADMIN
from tests.benchmarks.bench_gui import ACCOUNT, cli, open_prepared
from tests.opening import key_of

PAGE = 100
T = TypeVar("T")


@dataclass(frozen=True)
class Figure:
    what: str
    seconds: float  # wall clock: what the user waits
    cpu: float  # this process's CPU time: steadier on a busy machine
    goal: float | None
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.goal is None:
            return ""
        return "ok" if self.seconds <= self.goal else "MISSED"


def timed(fn: Callable[[], T]) -> tuple[float, float, T]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def median_of(runs: int, fn: Callable[[], T]) -> tuple[float, float, T]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu, result = timed(fn)
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus), result


def first_page(ctx: Context, query: ListQuery) -> tuple[int, int]:
    """What the list does: every matching id, then the rows of the first page."""
    ids = participants.search(ctx, query, limit=None)
    rows = participants.rows(ctx, ids[:PAGE])
    return len(ids), len(rows)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def print_table(figures: list[Figure]) -> None:
    headers = ("measure", "wall", "cpu", "goal", "", "note")
    rows = [
        (f.what, ms(f.seconds), ms(f.cpu), ms(f.goal) if f.goal else "-", f.verdict, f.note)
        for f in figures
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]
    for i, line in enumerate([headers, *rows]):
        print("  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))


def generate(ctx: Context, count: int) -> tuple[Figure, Figure]:
    """The demo (rows made up in Python, then inserted), and the insert alone."""
    marks: dict[str, float] = {}
    inserts = repo.bulk_register

    def insert_marked(
        s: Session, rows: Sequence[ParticipantRow], history: Sequence[HistoryEntry]
    ) -> None:
        marks["wall"], marks["cpu"] = time.perf_counter(), time.process_time()
        inserts(s, rows, history)

    repo.bulk_register = insert_marked
    try:
        wall, cpu, per_kec = timed(lambda: demo.generate(ctx, ADMIN, count, seed=1))
        end_wall, end_cpu = time.perf_counter(), time.process_time()
    finally:
        repo.bulk_register = inserts
    added = sum(per_kec.values())
    insert_wall, insert_cpu = end_wall - marks["wall"], end_cpu - marks["cpu"]
    return (
        Figure(
            f"bulk insert of {added:,} participants",
            insert_wall,
            insert_cpu,
            5.0,
            f"rows ready -> committed, {added / insert_wall:,.0f} rows/s",
        ),
        Figure(f"demo generate {added:,} (make up + insert)", wall, cpu, None),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--keep", type=Path, help="build the data dir here and keep it (reused when set up)"
    )
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    with tempfile.TemporaryDirectory(prefix="lindungi-bench-") as tmp:
        data_dir = args.keep or Path(tmp) / "data"
        # The register is encrypted: set up with an administrator (the command line's
        # environment sign-in), then open it as that administrator.
        fresh = not (data_dir / "vault.json").exists()
        if fresh:
            cli(data_dir, "setup", "--role", "kabupaten")
        ctx = open_prepared(data_dir)
        figures: list[Figure] = []
        if fresh:
            figures.extend(generate(ctx, args.participants))
        total = participants.count(ctx)

        some = participants.rows(ctx, participants.search(ctx, ListQuery(search="130306"), 1))
        nik10 = some[0].nik[:10]
        searches = [
            ("NIK prefix 130306", "130306"),
            (f"NIK prefix {nik10}", nik10),
            ("name word 'yusni'", "yusni"),
            ("name word 'afrizal'", "afrizal"),
            ("two words 'afrizal putra'", "afrizal putra"),
            ("registration no. 130306-A-0001", "130306-A-0001"),
        ]
        for label, term in searches:
            wall, cpu, found = median_of(args.runs, partial(first_page, ctx, ListQuery(term)))
            figures.append(
                Figure(f"search {label}, first page", wall, cpu, 0.050, f"{found[0]:,} found")
            )

        for label, query in [
            ("first page of the list (by name)", ListQuery()),
            ("first page, sorted by NIK", ListQuery(sort="nik")),
            ("first page, one kecamatan", ListQuery(kecamatan="13.03.06")),
        ]:
            wall, cpu, found = median_of(args.runs, partial(first_page, ctx, query))
            figures.append(Figure(label, wall, cpu, 0.050, f"{found[0]:,} ids"))

        wall, cpu, detail = median_of(max(3, args.runs // 4), lambda: budget_detail(ctx, 2022))
        money = f"Rp{detail.total.total:,}".replace(",", ".")
        figures.append(Figure("budget 2022", wall, cpu, None, money))
        ctx.close()

        key = key_of(data_dir, ACCOUNT["LINDUNGI_USER"], ACCOUNT["LINDUNGI_PASSWORD"])
        wall, cpu, reopened = median_of(5, lambda: open_data_dir(data_dir, key))
        reopened.close()
        figures.append(Figure("open the data dir (schema check)", wall, cpu, None))

        env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNGI_")} | ACCOUNT
        cmd = [sys.executable, "-m", "app", "--data-dir", str(data_dir), "list", "--search",
               "yusni", "--limit", str(PAGE)]  # fmt: skip
        wall, cpu, _ = median_of(
            3, lambda: subprocess.run(cmd, env=env, capture_output=True, check=True)
        )
        figures.append(Figure("`lindungi list --search yusni --limit 100`", wall, cpu, None,
                              "a whole process; cpu is the parent's"))  # fmt: skip

    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Lindungi foundation benchmark: {total:,} participants, median of {args.runs} runs")
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU(s), "
        f"load average {load_before:.2f} before, {load_after:.2f} after"
    )
    print()
    print_table(figures)
    return 1 if any(f.verdict == "MISSED" for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
