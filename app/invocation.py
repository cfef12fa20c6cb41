"""How the user runs this program: the command that hints tell them to type, and paths as typed.

A hint such as "Run: lindungi setup --role …" is only useful if it can be typed as it
stands. The program is ``lindungi`` when installed with pip, but ``lindungi-cli`` in the
frozen build (``lindungi-cli.exe`` on Windows, not on PATH), and a data dir given with
``--data-dir`` must be given again. :func:`command_prefix` renders both; the catalogue's
``{cmd}`` placeholder is filled with it (``app.i18n.tr``).
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path, PureWindowsPath

_data_dir_given: str | None = None


def program_name() -> str:
    """``lindungi-cli`` in the frozen build, ``lindungi`` (the pip entry point) otherwise."""
    frozen = bool(getattr(sys, "frozen", False))  # PyInstaller sets it
    return "lindungi-cli" if frozen else "lindungi"


def remember_data_dir(text: str | None) -> None:
    """The ``--data-dir`` of this run, as the user typed it (None: not given)."""
    global _data_dir_given
    _data_dir_given = text or None


def quote(arg: str, *, windows: bool | None = None) -> str:
    """One argument quoted for the shell of the platform (cmd.exe and PowerShell on Windows)."""
    if windows if windows is not None else sys.platform == "win32":
        return subprocess.list2cmdline([arg]) if arg else '""'
    return shlex.quote(arg)


def command_prefix(*, windows: bool | None = None) -> str:
    """``lindungi`` or ``lindungi-cli``, with the ``--data-dir`` of this run if one was given."""
    prefix = program_name()
    if _data_dir_given:
        prefix += " --data-dir " + quote(_data_dir_given, windows=windows)
    return prefix


def windows_drive_root(text: str) -> str:
    """A bare drive letter (``E:``) as its root (``E:\\``); any other path unchanged.

    On Windows ``E:`` alone means the current folder of drive E, which a user typing
    ``--out E:`` for a USB stick never means.
    """
    path = PureWindowsPath(text.strip())
    if len(path.drive) == 2 and not path.root and len(path.parts) == 1:
        return path.drive + "\\"
    return text


def user_path(text: str) -> Path:
    """A path typed on the command line (``--out``): on Windows ``E:`` is the root of E."""
    return Path(windows_drive_root(text) if sys.platform == "win32" else text)


def add_global_options(p: argparse.ArgumentParser) -> None:
    """The options that come before any command (and alone start the GUI)."""
    from app import __version__
    from app.i18n import tr

    p.add_argument(
        "--version",
        action="version",
        version=f"Lindungi {__version__}",
        help=tr("show the version and exit"),
    )
    p.add_argument("--data-dir", metavar="DIR", help=tr("data folder (beats LINDUNGI_DATA_DIR)"))
    p.add_argument("--lang", choices=["id", "en"], help=tr("language of messages (default id)"))
    p.add_argument(
        "--user",
        metavar="NAME",
        help=tr("the account to sign in with (beats LINDUNGI_USER)"),
    )
    p.add_argument(
        "--password-file",
        dest="signin_password_file",
        metavar="FILE",
        help=tr("its password: the first line of the file (else LINDUNGI_PASSWORD, else asked)"),
    )
    p.add_argument("--demo", action="store_true", help=tr("start the GUI on fresh demo data"))
    p.add_argument("--verbose", action="store_true", help=tr("also log to the console"))
