"""Start-up of the GUI at 100,000 participants, against a bare PySide6 window; prints figures.

Run: ``python -m tests.benchmarks.bench_startup [--participants N] [--runs R] [--exe PATH]``.
Not collected by pytest. The data dir is the GUI benchmark's (``build/bench-gui-N``, made
once through the command line); the store is opened by the app itself, so the figures
follow whatever the store is (encrypted, chained) when this runs.

Each run starts a fresh process (``python -m app --data-dir D``, or the frozen executable
given with ``--exe``, e.g. ``dist/Lindungi/Lindungi``) with ``LINDUNGI_QUIT_AFTER_SHOW``:
- process start → login shown (``login``): goal ≤ 0.5 s;
- credentials taken → main window shown, key derivation included: the automation
  sign-in (``LINDUNGI_USER``/``LINDUNGI_PASSWORD``) reports when it takes the credentials
  (at process start, before the register's modules load: app.services.preload), and the
  main window when it is shown; shown without a goal, as it holds the store's whole load
  (the goal ≤ 0.5 s is the typed sign-in's, below);
- process start → main window shown with the automation sign-in: goal ≤ 1.0 s;
- for ``python -m app`` also, as a user signs in: the password typed into the login
  ``--typing`` seconds after it shows (default 1.0) and Enter pressed → main window shown
  (``TYPED`` drives the dialog from outside the app; what the app loads while the user
  types is not counted, as the user does not wait for it): goal ≤ 0.5 s.
The app's figures are its own (seconds since the process started, from /proc). The
baseline is a bare PySide6 process that shows one empty window and reports the same way.
Wall seconds are printed with the children's CPU seconds: on a loaded machine the CPU
figure is the steadier one. The login's CPU is the whole process's: it includes the store's
modules, which load in the background once the login is painted (the process finishes
loading them before it exits).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.bench_gui import ACCOUNT, ROOT, parse_args

BARE = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

def since_start():
    with open("/proc/self/stat") as f:
        ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        return float(f.read().split()[0]) - ticks / os.sysconf("SC_CLK_TCK")

app = QApplication(sys.argv[:1])
w = QWidget()
w.show()
QTimer.singleShot(0, lambda: (print(f"window shown after {since_start():.3f} s", flush=True),
                              app.exit(0)))
app.exec()
"""


# `python -m app` with the login's password typed ``argv[1]`` seconds after it shows.
TYPED = """
import sys
from PySide6.QtCore import QTimer
from app.ui import common, start
from app.ui.login import LoginDialog

typing, user, password = float(sys.argv[1]), sys.argv[2], sys.argv[3]
modal = common.run_modal


def typed(dialog):
    if isinstance(dialog, LoginDialog):
        def enter():
            dialog.username.setText(user)
            dialog.password.setText(password)
            print(f"credentials submitted after {start._since_process_start():.3f} s", flush=True)
            dialog.ok_button.click()

        QTimer.singleShot(round(typing * 1000), enter)
    return modal(dialog)


common.run_modal = typed
from app.main import main

sys.exit(main(sys.argv[4:]))
"""


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], env: dict[str, str]) -> tuple[dict[str, float], float]:
    """The figures a child printed ("<what> after <s> s" lines) and its CPU seconds."""
    before = _children_cpu()
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    figures = {}
    for line in done.stdout.splitlines():
        if " after " in line and line.endswith(" s"):
            what, value = line.rsplit(" after ", 1)
            figures[what] = float(value.split()[0])
    if not figures:
        raise SystemExit(f"no figures from {command}: {done.stdout!r} {done.stderr[-2000:]!r}")
    return figures, _children_cpu() - before


def line(what: str, walls: list[float], cpus: list[float] | None, goal: float | None) -> None:
    med, worst = statistics.median(walls), max(walls)
    cpu = f"cpu {statistics.median(cpus):5.2f} s" if cpus else " " * 12
    verdict = "" if goal is None else ("ok" if med <= goal else "MISSED")
    goal_text = f"goal ≤ {goal:.1f} s" if goal is not None else ""
    print(f"{what:<52} median {med:5.2f}  max {worst:5.2f}  {cpu}  {goal_text} {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", type=Path, help="a frozen Lindungi executable to time")
    parser.add_argument(
        "--typing", type=float, default=1.0, help="seconds from the login shown to Enter"
    )
    args, data_dir = parse_args("", 5, parser)
    app = [str(args.exe)] if args.exe else [sys.executable, "-m", "app"]
    command = [*app, "--data-dir", str(data_dir)]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    typed_env = {k: v for k, v in env.items() if k not in ACCOUNT}
    typed_env["LINDUNGI_QUIT_AFTER_SHOW"] = "main"
    typed = [sys.executable, "-c", TYPED, str(args.typing), *ACCOUNT.values(), *command[-2:]]
    env.update(ACCOUNT)

    bare, login, main_, signin, login_cpu, main_cpu, at_login = [], [], [], [], [], [], []
    for _ in range(args.runs):
        figures, _cpu = run([sys.executable, "-c", BARE], env)
        bare.append(figures["window shown"])
        figures, cpu = run(command, dict(env, LINDUNGI_QUIT_AFTER_SHOW="login"))
        login.append(figures["login shown"])
        login_cpu.append(cpu)
        figures, cpu = run(command, dict(env, LINDUNGI_QUIT_AFTER_SHOW="main"))
        main_.append(figures["main window shown"])
        signin.append(figures["main window shown"] - figures["credentials submitted"])
        main_cpu.append(cpu)
        if not args.exe:
            figures, _cpu = run(typed, typed_env)
            at_login.append(figures["main window shown"] - figures["credentials submitted"])
        time.sleep(0.2)
    who = str(args.exe) if args.exe else "python -m app"
    print(f"{who}, {args.participants:,} participants, {args.runs} runs")
    line("bare PySide6: one empty window shown", bare, None, None)
    line("process start → login shown", login, login_cpu, 0.5)
    ratio = statistics.median(login) / statistics.median(bare)
    print(f"{'':<52} ratio to the bare window {ratio:.1f}×")
    # The automation sign-in takes its credentials at process start, before the store's
    # modules load: its row holds that whole load and carries no goal of its own; the
    # goal is the typed sign-in's, what a user waits for after pressing Enter.
    line("credentials taken at start (automation) → main window", signin, None, None)
    if at_login:
        line(
            f"credentials typed at the login {args.typing:.1f} s after it shows → main window",
            at_login,
            None,
            0.5,
        )
    line("process start → main window (automation sign-in)", main_, main_cpu, 1.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
