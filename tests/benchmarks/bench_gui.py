"""Speed of the GUI at 100,000 participants; prints figures against their goals.

Run: ``python -m tests.benchmarks.bench_gui [--participants N] [--runs R] [--data-dir D]``.
Not collected by pytest. The data dir is made once with the command line
(``setup --role kabupaten`` with its administrator, ``demo --participants N``) and kept under
``build/bench-gui-N`` unless ``--data-dir`` names another; delete it to start afresh.

What is measured:
- main window shown, from process start: a child ``python -m app --data-dir D`` with
  ``LINDUNGI_QUIT_AFTER_SHOW=main``, signing in as the administrator through
  ``LINDUNGI_USER``/``LINDUNGI_PASSWORD`` (key derivation included), timed from spawning it
  to its "shown" line; the child's own figure
  (seconds since its process started, from /proc) is printed beside it;
- the login screen shown, from process start (``LINDUNGI_QUIT_AFTER_SHOW=login``);
- search as you type: each query the debounced search box sends while a word, a NIK and a
  registration number are typed key by key — the query, the count, the reset of the lazy
  model and the painting of the first screen of rows;
- sorting the whole list by a column (a header click);
- opening a record (the record dialog with its history) and saving a new one through the
  form (the list's refresh that follows is measured apart: it runs after the form closed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.context import Context

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]


def cli(data_dir: Path, *args: str, stdin: str | None = None) -> None:
    """Run the command line on ``data_dir``; stop on failure."""
    subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        env=dict(os.environ, **ACCOUNT),
        check=True,
        capture_output=True,
        text=True,
        input=stdin,
    )


# The benchmark's administrator: the command line and the GUI sign in with it.
ACCOUNT = {"LINDUNGI_USER": "admin", "LINDUNGI_PASSWORD": "rahasia-bench"}


def open_prepared(data_dir: Path) -> Context:
    """The data dir :func:`prepare` made, opened as its administrator: its register is
    encrypted, so the password of :data:`ACCOUNT` unwraps the key."""
    from app.services import accounts

    ctx, _actor = accounts.sign_in(data_dir, ACCOUNT["LINDUNGI_USER"], ACCOUNT["LINDUNGI_PASSWORD"])
    return ctx


def prepare(data_dir: Path, participants: int) -> None:
    """Set up the kabupaten with ``participants`` demo records and an administrator."""
    if (data_dir / "ready").exists():
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    print(f"preparing {data_dir} with {participants:,} participants …", flush=True)
    cli(data_dir, "setup", "--role", "kabupaten")
    cli(data_dir, "demo", "--participants", str(participants), "--seed", "2022")
    (data_dir / "ready").write_text("ok", encoding="utf-8")


def start_once(data_dir: Path, what: str) -> tuple[Timing, Timing]:
    """(spawn → window, the child's own figure), each as (wall, child CPU) seconds."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LINDUNGI_QUIT_AFTER_SHOW=what)
    env.update(ACCOUNT)
    before = _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    proc.wait(timeout=60)
    cpu = _children_cpu() - before  # includes the few ms of quitting after the window
    if "shown after" not in line:
        raise SystemExit(f"the app did not report its window: {line!r}")
    own = float(line.rsplit("after", 1)[1].split()[0])
    return (elapsed, cpu), (own, cpu)


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows: no CPU figure for children
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


Timing = tuple[float, float]  # (wall seconds, CPU seconds)


def now() -> Timing:
    """Wall clock and this process's CPU time."""
    return time.perf_counter(), time.process_time()


def since(t0: Timing) -> Timing:
    """Wall and CPU seconds since ``t0``."""
    wall, cpu = now()
    return wall - t0[0], cpu - t0[1]


def report(what: str, values: list[Timing], goal: float | None, unit: str = "s") -> None:
    """One line: median and max of the wall time, median CPU time, and the goal.

    On a busy machine the wall time grows with the load; the CPU time is close to what an
    idle machine would take (the measured work is single-threaded).
    """
    scale = 1000 if unit == "ms" else 1
    walls = [w * scale for w, _ in values]
    cpus = [c * scale for _, c in values]
    med, worst, cpu = statistics.median(walls), max(walls), statistics.median(cpus)
    verdict = ""
    if goal is not None:
        verdict = "ok" if worst <= goal else "MISSED"
    goal_text = f"goal ≤ {goal:g} {unit}" if goal is not None else ""
    print(
        f"{what:<54} median {med:7.1f}  max {worst:7.1f}  cpu {cpu:7.1f} {unit}  "
        f"{goal_text} {verdict}"
    )


def in_process(data_dir: Path, runs: int) -> None:
    """Search, sort, open and save inside one GUI process."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from app.domain.nik import make_nik
    from app.domain.participant import Sex
    from app.services import participants
    from app.services.actor import Actor, Role
    from app.store.repo import ListQuery
    from app.ui.form import ParticipantForm
    from app.ui.mainwindow import MainWindow
    from app.ui.record import RecordDialog
    from app.ui.session import Session
    from app.ui.start import apply_language

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_language(app, "id")
    ctx = open_prepared(data_dir)
    session = Session(ctx, Actor("admin", Role.ADMIN))
    window = MainWindow(session)
    window.resize(1280, 760)
    window.show()
    QCoreApplication.processEvents()
    total = window.model.rowCount()

    sample = participants.rows(ctx, participants.search(ctx, ListQuery(), limit=1))[0]
    typed = {
        "a name, key by key": sample.name.split()[0].lower(),
        "a NIK, digit by digit": sample.nik,
        "a registration number": sample.reg_no,
    }

    def query(text: str) -> Timing:
        t0 = now()
        window.search.setText(text)
        window.apply_query()  # what the debounce timer runs
        window.table.viewport().repaint()  # paints the first screen: loads its page
        return since(t0)

    for label, word in typed.items():
        times: list[Timing] = []
        for _ in range(runs):
            for i in range(1, len(word) + 1):
                times.append(query(word[:i]))
            query("")
        report(f"search as you type: {label} ({len(word)} keys)", times, 50, "ms")
    times = [query("") for _ in range(runs)]
    report(f"clearing the search: all {total:,} rows again", times, None, "ms")

    sorts: list[Timing] = []
    header = window.table.horizontalHeader()
    for key in ("reg_no", "birth_date", "name"):
        col = window.model.column_of(key)
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            t0 = now()
            header.setSortIndicator(col, order)
            window.table.viewport().repaint()
            sorts.append(since(t0))
    report(f"sorting {total:,} rows by a column", sorts, None, "ms")

    regs = [
        r.reg_no
        for r in participants.rows(ctx, participants.search(ctx, ListQuery(), limit=runs * 5))
    ]
    opens: list[Timing] = []
    for reg in regs:
        t0 = now()
        dialog = RecordDialog(session, reg, window)
        dialog.show()
        dialog.repaint()
        opens.append(since(t0))
        dialog.close()
        dialog.deleteLater()
    report("opening a record (dialog with its history)", opens, 100, "ms")

    saves: list[Timing] = []
    refreshes: list[Timing] = []
    villages = participants.villages_for(ctx)
    # Each run of the benchmark registers new people: the data dir is kept between runs.
    first = participants.count(ctx)
    for i in range(runs * 3):
        form = ParticipantForm(session, None, window)
        form.show()
        n = first + i
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=n % 15_000)
        form.nik.setText(make_nik("130306", birth, Sex.L, 9000 + (n // 15_000) % 1000))
        form.name.setText(f"Benchmark {i}")
        form.birth_place.setText("Sijunjung")
        form.nagari.set_code(villages[i % len(villages)].code)
        form.occupation.setCurrentIndex(form.occupation.findData("petani"))
        form.income_default.click()
        t0 = now()
        form.save()  # check, register, announce; the form closes
        saves.append(since(t0))
        if form.saved_reg_no is None:
            raise SystemExit("the benchmark's registration was refused")
        t0 = now()
        window.refresh_now()  # what the announcement schedules right after
        window.table.viewport().repaint()
        refreshes.append(since(t0))
        form.deleteLater()
    report("saving a new record through the form", saves, 100, "ms")
    report(f"then refreshing the list of {total:,}", refreshes, None, "ms")
    window.close()
    ctx.close()


def parse_args(
    description: str, runs: int, parser: argparse.ArgumentParser | None = None
) -> tuple[argparse.Namespace, Path]:
    """The arguments every benchmark on this data dir takes, and the data dir, prepared."""
    parser = parser or argparse.ArgumentParser(description=description)
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    data_dir = args.data_dir or ROOT / "build" / f"bench-gui-{args.participants}"
    prepare(data_dir, args.participants)
    return args, data_dir


def main() -> int:
    """Prepare the data once, then measure."""
    args, data_dir = parse_args(__doc__ or "", 5)
    print(f"Lindungi GUI with {args.participants:,} participants ({args.runs} runs)")
    shown = [start_once(data_dir, "main") for _ in range(args.runs)]
    report("main window shown, from spawning the process", [s for s, _ in shown], 1.5)
    report("  (the same, as the child measures from its start)", [o for _, o in shown], 1.5)
    login = [start_once(data_dir, "login") for _ in range(args.runs)]
    report("login screen shown, from spawning the process", [s for s, _ in login], 1.5)
    in_process(data_dir, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
