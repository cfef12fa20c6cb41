"""Data-safety commands: backup and restore."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.common import context, out, table
from app.errors import EXIT_OK, InvalidInput
from app.i18n import tr


def register(sub: Any) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add this area's subcommands to the parser; returns their handlers."""
    s = sub.add_parser("backup", help=tr("back up the database"))
    s.add_argument("--out", metavar="FILE-or-DIR", help=tr("where to write (e.g. a USB stick)"))
    s.add_argument("--passphrase-file", metavar="F", help=tr("encrypt with this passphrase"))
    s.add_argument("--with-keys", action="store_true", help=tr("include the private keys"))
    s.add_argument("--list", action="store_true", help=tr("list the backups kept"))

    s = sub.add_parser("restore", help=tr("restore the database from a backup"))
    s.add_argument("file", metavar="FILE")
    s.add_argument("--passphrase-file", metavar="F")
    return {"backup": cmd_backup, "restore": cmd_restore}


def _passphrase(path: str | None) -> str | None:
    if not path:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InvalidInput("file.unreadable", path=path, reason=exc.strerror or "") from exc
    if not text or not text[0]:
        raise InvalidInput("file.unreadable", path=path, reason="")
    return text[0]


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services import backup
    from app.services.actor import CLI_ADMIN

    ctx = context(args)
    try:
        if args.list:
            rows = backup.list_backups(ctx)
            table(
                [tr("Taken"), tr("Reason"), tr("Size"), ""],
                [
                    [
                        f"{b.taken_at:%d/%m/%Y %H:%M:%S}",
                        b.reason,
                        f"{b.size / 1e6:.1f} MB",
                        b.path.name,
                    ]
                    for b in rows
                ],
            )
            return EXIT_OK
        path = backup.backup(
            ctx,
            CLI_ADMIN,
            Path(args.out) if args.out else None,
            _passphrase(args.passphrase_file),
            args.with_keys,
        )
    finally:
        ctx.close()
    out(tr("Backup written: {path}", path=str(path)))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from app.services import backup
    from app.services.actor import CLI_ADMIN

    ctx = context(args)
    try:
        saved, count = backup.restore(
            ctx, CLI_ADMIN, Path(args.file), _passphrase(args.passphrase_file)
        )
    finally:
        ctx.close()
    out(tr("Restored {count} participants from {path}", count=count, path=args.file))
    out(tr("The database before the restore was kept as {path}", path=str(saved)))
    return EXIT_OK
