"""Composition root: arguments → data dir → logging → excepthook → services → GUI or CLI.

The one module that knows every layer. Qt is imported only when the GUI starts, so that
every other command runs without it.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from app import cli, invocation, logsetup, winproc
from app.errors import EXIT_BUG, EXIT_USAGE
from app.i18n import render, set_language
from app.paths import data_dir

log = logging.getLogger(__name__)


def _report_bug(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    log_path: Path | None,
) -> None:
    log.critical("unexpected error", exc_info=(exc_type, exc, tb))
    if sys.stderr is not None:
        if log_path is None:
            # No log (a command without a data dir, or one that cannot be written): the
            # details go to the screen instead.
            traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
            print(render("bug.above"), file=sys.stderr)
        else:
            print(render("bug", log=str(log_path)), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``lindungi`` and ``python -m app``; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # The language is needed for argparse's own messages, before parsing.
    lang = os.environ.get("LINDUNGI_LANG")
    if "--lang" in argv:
        i = argv.index("--lang")
        lang = argv[i + 1] if i + 1 < len(argv) else lang
    for arg in argv:
        if arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    if lang in ("id", "en"):
        set_language(lang)
    winproc.utf8_streams()
    winproc.hold_running_mutex()
    parser = cli.build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    if args.lang:
        set_language(args.lang)
    invocation.remember_data_dir(args.data_dir)

    if args.command is None:
        from app.ui.start import run_gui  # Qt only from here on

        return run_gui(args)

    needs_dir = args.command not in ("check-nik", "selftest")
    log_path = logsetup.configure(data_dir(args.data_dir) if needs_dir else None, args.verbose)
    try:
        return cli.run(args)
    except BrokenPipeError:
        # `lindungi list | head`: the reader went away; not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # the one place bugs are caught: logged, then exit 70
        _report_bug(type(exc), exc, exc.__traceback__, log_path)
        return EXIT_BUG
