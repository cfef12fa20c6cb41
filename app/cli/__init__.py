"""The command line: each subcommand parses, calls one service, prints the result.

Non-GUI commands never import Qt. Exit codes (README.md): 0 done, 1 refused,
2 usage, 3 held, 70 a bug. ``--json`` writes UTF-8 JSON to stdout; errors go to stderr.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from types import ModuleType
from typing import Any

from app.cli import cards, core, database, desk, registration, safety, sync
from app.cli.common import err
from app.errors import AppError, ValidationFailed
from app.i18n import tr
from app.invocation import add_global_options, program_name

log = logging.getLogger(__name__)

# --- argparse in Indonesian -----------------------------------------------------------

_ARGPARSE_ID = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "memerlukan satu nilai",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "subcommands": "subperintah",
}


def _argparse_text(message: str) -> str:
    from app.i18n import language

    return _ARGPARSE_ID.get(message, message) if language() == "id" else message


argparse._ = _argparse_text  # type: ignore[attr-defined]  # argparse looks `_` up at call time


class _Parser(argparse.ArgumentParser):
    """Exits with code 2 on usage errors, printing in the chosen language.

    Options must be written out: with argparse's prefix matching, ``--password secret``
    was taken for ``--password-file secret`` and the password read as a file name.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; global options come before the subcommand."""
    p = _Parser(
        prog=program_name(), description=tr("Lindungi: offline registry of informal workers")
    )
    add_global_options(p)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", title=tr("commands"))
    for area in AREAS:
        handlers.update(area.register(sub))
    return p


# Each area of the command line lives in its own module with a ``register(sub)`` that adds
# its subcommands and returns their handlers.
AREAS: list[ModuleType] = [core, registration, safety, desk, cards, sync, database]
handlers: dict[str, Callable[[argparse.Namespace], int]] = {}


def run(args: argparse.Namespace) -> int:
    """Run one subcommand; expected failures print their message and return their exit code."""
    try:
        return handlers[args.command](args)
    except ValidationFailed as exc:
        from app.services.changes import field_label

        for problem in exc.problems:
            where = f" — {field_label(problem.field)}" if problem.field else ""
            err(f"{tr('Error')}{where}: {problem.render()}")
        return exc.exit_code
    except AppError as exc:
        err(f"{tr('Error')}: {exc}")
        if exc.code == "role.needed":
            _record_refusal(args, str(exc.params.get("role", "")))
        return exc.exit_code


def _record_refusal(args: argparse.Namespace, role: str) -> None:
    """An account signed in but lacked the role: the attempt goes into the history."""
    from app.paths import data_dir
    from app.services import accounts
    from app.services.context import open_data_dir

    who = getattr(args, "actor", None)
    if who is None:
        return
    try:
        ctx = open_data_dir(data_dir(args.data_dir), getattr(args, "db_key", None))
        try:
            accounts.record_refusal(ctx, who, _command_name(args), role)
        finally:
            ctx.close()
    except AppError as exc:  # the refusal stands; only its record is missing
        log.warning("refusal of %s not recorded: %s", who.username, exc.code)


def _command_name(args: argparse.Namespace) -> str:
    """``user add``, ``privacy erase``, ``export-list``: the command as typed."""
    words = [str(args.command)]
    for key, value in vars(args).items():
        if key.endswith("_command") and isinstance(value, str):
            words.append(value)
    return " ".join(words)
