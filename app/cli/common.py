"""What every area of the command line shares: parsing helpers and output."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import getpass
import json
import shutil
import sys
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.fmt import parse_date
from app.errors import AppError, InvalidInput, OsReason
from app.i18n import tr

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.services.context import Context


def arg_date(text: str) -> dt.date:
    try:
        return parse_date(text)
    except ValueError:
        raise InvalidInput("date.invalid", text=text) from None


def arg_int(text: str) -> int:
    cleaned = text.replace(".", "").replace(",", "").replace("Rp", "").strip()
    if not cleaned.isdigit():
        raise InvalidInput("number.invalid", text=text)
    return int(cleaned)


def out(text: str = "") -> None:
    if sys.stdout is not None:
        print(text)


def err(text: str) -> None:
    if sys.stderr is not None:
        print(text, file=sys.stderr)


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, Path):
        return str(value)
    raise TypeError(type(value).__name__)


def emit_json(obj: Any) -> None:
    if sys.stdout is None:
        return
    text = json.dumps(obj, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n") if hasattr(
        sys.stdout, "buffer"
    ) else print(text)
    sys.stdout.flush()


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    right: Collection[int] = (),
    emit: Callable[[str], None] = out,
) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=False)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            (str(c).rjust(w) if i in right else str(c).ljust(w))
            for i, (c, w) in enumerate(zip(cells, widths, strict=False))
        ).rstrip()

    emit(line(headers))
    emit("  ".join("-" * w for w in widths))
    for r in rows:
        emit(line(r))


def context(args: argparse.Namespace, *, set_up: bool = True, sign_in: bool = True) -> Context:
    """Open the data dir named by the global options (migrating it if needed) and sign in.

    Every command but ``setup`` and ``restore`` needs a data dir that was set up: on any
    other it says so (and how) instead of showing an empty register. On a data dir that is
    set up, the account of ``--user`` signs in (see :mod:`app.cli.signin`) and is kept as
    ``args.actor`` for the handler; only ``setup`` itself (``sign_in=False``) and a data
    dir without any administrator yet (whose first one ``user add`` creates) skip it.
    """
    # Services load when a command runs: the command line starts without SQLAlchemy.
    from app.paths import data_dir
    from app.services import accounts
    from app.services.context import open_data_dir
    from app.services.server import register_exists

    path = data_dir(args.data_dir)
    if set_up and not register_exists(path):
        # Refused before anything is created: no database, keys, backups or logs.
        raise AppError("setup.needed", path=str(path))
    if not sign_in and accounts.opens_with_sign_in(path):
        # Only setup opens without a sign-in: a register with accounts is set up already.
        from app.errors import Refused
        from app.services import vault

        raise Refused("setup.already", code=vault.label(path, "install") or str(path))
    if sign_in and accounts.opens_with_sign_in(path):
        # The password unwraps the register's key: the sign-in comes before it opens.
        from app.cli.signin import sign_in_first

        ctx = sign_in_first(args, path)
    else:
        ctx = open_data_dir(path)
    try:
        if set_up and not ctx.is_set_up:
            raise AppError("setup.needed", path=str(ctx.data_dir))
        if sign_in and ctx.is_set_up and getattr(args, "actor", None) is None:
            from app.cli.signin import sign_in_or_first_admin

            args.actor = sign_in_or_first_admin(args, ctx)
    except BaseException:
        ctx.close()
        raise
    args.db_key = ctx.db.key  # the refusal record (app.cli.run) opens it once more
    return ctx


def actor(args: argparse.Namespace) -> Actor:
    """The account that :func:`context` signed in for this command."""
    signed: Actor | None = getattr(args, "actor", None)
    if signed is None:  # a handler that did not open its data dir first: a bug
        raise RuntimeError("no account signed in for this command")
    return signed


@contextmanager
def setting_up(args: argparse.Namespace) -> Iterator[None]:
    """Around a setup: when it fails, the data dir is left as it was found.

    What the attempt created (the database, keys, backups, logs, the folder itself) is
    removed; what was there before is kept.
    """
    from app import logsetup
    from app.paths import data_dir

    path = data_dir(args.data_dir)
    before = set(path.iterdir()) if path.is_dir() else set()
    # The logs folder this very run started (holding only its own file) is the attempt's too,
    # and so is the data folder when that folder is all it holds.
    log = logsetup.current_file()
    fresh_logs = log is not None and log.parent in before and set(log.parent.iterdir()) <= {log}
    if fresh_logs and log is not None:
        before.discard(log.parent)
    existed = path.is_dir() and not (fresh_logs and not before)
    try:
        yield
    except BaseException:
        logsetup.release()
        if path.is_dir():
            for entry in set(path.iterdir()) - before:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
            if not existed:
                with contextlib.suppress(OSError):
                    path.rmdir()
        raise


def first_line(path: str) -> str:
    """The first line of a file that holds a password or passphrase (for scripts).

    Raises:
        InvalidInput: the file cannot be read, or its first line is empty.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput("file.unreadable", path=path, reason=OsReason(exc)) from exc
    if not lines or not lines[0]:
        raise InvalidInput("file.first_line_empty", path=path)
    return lines[0]


def warn_missing_years(ctx: Any, years: Collection[int]) -> None:
    """Warn on stderr about each of ``years`` without a programme year, naming the fix."""
    from app.i18n import tr
    from app.services.desk import missing_years

    for missing in missing_years(ctx, years):
        err(f"{tr('Warning')}: {missing.render()}")


STATUSES = ("draft", "approved", "accepted", "active", "inactive")


def arg_status(text: str) -> str:
    """A status as the list prints it (draf, disetujui …) or as its code (draft …)."""
    from app.i18n import ID

    wanted = text.strip().lower()
    for code in STATUSES:
        if wanted in (code, ID.get(code, code)):
            return code
    from app.i18n import tr

    raise argparse.ArgumentTypeError(tr("choose one of {choices}", choices=status_choices()))


def status_choices() -> str:
    """The statuses in the user's language, for help texts and errors: draf|disetujui|…"""
    from app.i18n import tr

    return "|".join(tr(code) for code in STATUSES)


def read_password(password_file: str | None) -> str:
    """The first line of ``password_file``, else asked twice at the terminal.

    Raises:
        InvalidInput: the file is missing or the two typed passwords differ.
    """
    if password_file:
        return first_line(password_file)
    first = getpass.getpass(tr("Password: "))
    if getpass.getpass(tr("Password again: ")) != first:
        raise InvalidInput("user.passwords_differ")
    return first
