"""Composition root: arguments → data dir → logging → excepthook → services → GUI or CLI.

The one module that knows every layer. Qt is imported only when the GUI starts, so that
every other command runs without it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import NoReturn

from typing_extensions import override

from app import invocation, logsetup, winproc
from app.errors import EXIT_BUG, EXIT_REFUSED, EXIT_USAGE
from app.i18n import render, set_language
from app.invocation import add_global_options
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


def display_available() -> bool:
    """Whether Qt can open a window: always on Windows and macOS; on Linux a display server.

    ``QT_QPA_PLATFORM`` set to a platform that needs no display (offscreen, vnc …) counts.
    """
    if sys.platform in ("win32", "darwin"):
        return True
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if platform and platform not in ("xcb", "wayland", "wayland-egl"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class _NotGui(Exception):
    """Not the global options alone: a command, help, the version, or a mistake."""


class _GuiParser(argparse.ArgumentParser):
    @override
    def error(self, message: str) -> NoReturn:
        raise _NotGui(message)


def _gui_args(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when they only start the GUI (the global options alone), without
    importing the command line's modules (tens of ms before the first window); None for
    anything else, which the whole command line parses (and reports)."""
    if any(a in ("-h", "--help", "--version") for a in argv):
        return None
    parser = _GuiParser(add_help=False, allow_abbrev=False)
    add_global_options(parser)
    parser.set_defaults(command=None)
    try:
        return parser.parse_args(argv)
    except _NotGui:
        return None


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
    args = _gui_args(argv)
    if args is None:
        from app import cli

        try:
            args = cli.build_parser().parse_args(argv)
        except SystemExit as exc:
            return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    if args.lang:
        set_language(args.lang)
    invocation.remember_data_dir(args.data_dir)

    if args.command is None:
        if not display_available():
            # Qt would abort (exit 134) with a message in English about its plugins.
            if sys.stderr is not None:
                print(render("gui.no_display"), file=sys.stderr)
            return EXIT_REFUSED
        if not args.demo:
            from app.services import preload

            # The automation sign-in: the register's modules before Qt, the key derivation
            # while Qt loads (app.services.preload).
            preload.sign_in_early(data_dir(args.data_dir))
        from app.ui.start import run_gui  # Qt only from here on

        return run_gui(args)

    needs_dir = args.command not in ("check-nik", "selftest")
    folder = data_dir(args.data_dir) if needs_dir else None
    if folder is not None and args.command not in ("setup", "restore"):
        from app.store.engine import DB_FILENAME, LOCATOR_FILENAME

        if not (folder / DB_FILENAME).is_file() and not (folder / LOCATOR_FILENAME).is_file():
            # Never set up: the command is refused, and no logs folder is left behind.
            folder = None
    log_path = logsetup.configure(folder, args.verbose)
    from app import cli  # imported already: a command was parsed

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
