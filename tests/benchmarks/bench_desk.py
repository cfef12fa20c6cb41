"""Speed of the kabupaten's desk at 100,000 participants; prints figures against the goals.

Run: ``python -m tests.benchmarks.bench_desk [--participants N] [--runs R] [--keep DIR]``.
Not collected by pytest; the figures go in docs/benchmarks.md.

The register is made varied first, so that the budget meets the shapes it meets in real
life: coverage starting in every month of 2022–2023, four funding sources, three declared
incomes, some JHT, statuses accepted, active (with KPJ) and inactive (left in 2023). Goals
(docs/benchmarks.md): dashboard ≤ 1 s, a year's budget ≤ 1 s, recap xlsx ≤ 10 s, recap PDF ≤ 5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from sqlalchemy import text

from app.domain.install import Role
from app.services import bpjs, demo, desk, participants, reports
from app.services.context import Context, open_data_dir
from app.services.setup import setup_install
from tests.actors import ADMIN

T = TypeVar("T")


@dataclass(frozen=True)
class Figure:
    what: str
    seconds: float
    cpu: float
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
    result: T
    for _ in range(runs):
        wall, cpu, result = timed(fn)
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus), result


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


def vary(ctx: Context) -> None:
    """Spread coverage starts, funding, incomes, programmes and statuses over the register."""
    statements = [
        # Coverage from every month of 2022 and 2023.
        "UPDATE participant SET coverage_start = date('2022-01-01', '+' || (id % 24) || ' months')",
        "UPDATE participant SET funding = CASE id % 10 WHEN 1 THEN 'apb-nagari' "
        "WHEN 2 THEN 'apbn' WHEN 3 THEN 'mandiri' ELSE 'apbd' END",
        "UPDATE participant SET income = CASE id % 7 WHEN 1 THEN 1500000 WHEN 2 THEN 2500000 "
        "ELSE 1000000 END",
        "UPDATE participant SET programmes = 'JKK,JKM,JHT' WHERE id % 13 = 0",
        # A third active with a KPJ, one in fifty inactive (left in 2023).
        "UPDATE participant SET status = 'active', kpj = printf('%011d', id) WHERE id % 3 = 0",
        "UPDATE participant SET status = 'inactive', status_reason = 'moved', "
        "status_date = date('2023-01-01', '+' || (id % 12) || ' months') WHERE id % 50 = 7",
    ]
    with ctx.db.session() as s:
        for sql in statements:
            s.execute(text(sql))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the data dir here and keep it")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="lindungi-bench-desk-") as tmp:
        data_dir = args.keep or Path(tmp) / "data"
        out = Path(tmp)
        ctx = open_data_dir(data_dir)
        if not ctx.is_set_up:
            setup_install(ctx, ADMIN, role=Role.KABUPATEN)
            wall, cpu, _ = timed(lambda: demo.generate(ctx, ADMIN, args.participants, seed=1))
            figures.append(Figure(f"demo {args.participants:,} participants", wall, cpu, None))
            vary(ctx)
            desk.add_year(ctx, ADMIN, 2023, copy_from=2022)
        total = participants.count(ctx)
        runs = args.runs

        wall, cpu, dash = median_of(runs, lambda: desk.dashboard(ctx))
        figures.append(
            Figure("dashboard data", wall, cpu, 1.0, f"{dash.participants:,} in {dash.year}")
        )
        wall, cpu, b = median_of(runs, lambda: desk.budget_detail(ctx, 2023))
        money = f"Rp{b.total.total:,}".replace(",", ".")
        figures.append(Figure("budget 2023 (kecamatan, funding, month)", wall, cpu, 1.0, money))
        wall, cpu, plan = median_of(runs, lambda: desk.plan(ctx, 2024, 2, per_nagari=True))
        need = f"Rp{plan.plan.needed('apbd'):,}".replace(",", ".")
        figures.append(Figure("planner 2024, 2 per nagari", wall, cpu, 1.0, f"APBD {need}"))
        wall, cpu, recap = median_of(runs, lambda: reports.recap(ctx, 2023))
        figures.append(
            Figure("recap figures 2023", wall, cpu, None, f"{recap.participants:,} counted")
        )

        def write(kind: str, ext: str) -> Path:
            path = out / f"{kind}.{ext}"
            reports.export(ctx, ADMIN, kind, 2023, path)
            return path

        for kind, ext, goal in [
            ("recap", "xlsx", 10.0),
            ("recap", "pdf", 5.0),
            ("budget", "xlsx", None),
            ("budget", "pdf", None),
            ("cards", "pdf", None),
        ]:
            wall, cpu, path = median_of(max(1, runs // 2), partial(write, kind, ext))
            size = f"{path.stat().st_size / 1024:,.0f} KB"
            figures.append(Figure(f"{kind} report {ext}", wall, cpu, goal, size))

        wall, cpu, exported = timed(lambda: bpjs.export(ctx, ADMIN, out / "bpjs.xlsx"))
        figures.append(
            Figure("BPJS export (xlsx)", wall, cpu, None, f"{exported.count:,} waiting for KPJ")
        )
        wall, cpu, shown = timed(lambda: bpjs.preview(ctx, out / "bpjs.xlsx"))
        figures.append(
            Figure(
                "BPJS import preview of that file",
                wall,
                cpu,
                None,
                f"{len(shown.rows):,} rows (no KPJ filled: all malformed)",
            )
        )
        ctx.close()

    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Lindungi desk benchmark: {total:,} participants, median of {args.runs} runs")
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU(s), "
        f"load average {load_before:.2f} before, {load_after:.2f} after"
    )
    print()
    print_table(figures)
    return 1 if any(f.verdict == "MISSED" for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
