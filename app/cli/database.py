"""Where the register is kept: ``database where`` and ``database move --to URL``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from app.cli.common import actor, context, first_line, out
from app.errors import EXIT_OK
from app.i18n import render, tr


def register(sub: Any) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add this area's subcommands to the parser; returns their handlers."""
    s = sub.add_parser("database", help=tr("where the register is kept"))
    db = s.add_subparsers(dest="database_command", metavar="ACTION", required=True)
    db.add_parser("where", help=tr("show where the register is kept"))
    mv = db.add_parser(
        "move",
        help=tr("move the kabupaten's register onto an empty PostgreSQL database"),
    )
    mv.add_argument("--to", required=True, metavar="postgresql://USER@HOST/DB")
    mv.add_argument(
        "--database-password-file",
        metavar="F",
        help=tr("the PostgreSQL user's password (or put it in the --to address)"),
    )
    return {"database": cmd_database}


def cmd_database(args: argparse.Namespace) -> int:
    if args.database_command == "where":
        return _where(args)
    return _move(args)


def _where(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        server = ctx.db.server  # the address only: the password stays sealed
        out(server.display() if server is not None else str(ctx.db.path))
    finally:
        ctx.close()
    return EXIT_OK


def _move(args: argparse.Namespace) -> int:
    from app.services import move

    password = first_line(args.database_password_file) if args.database_password_file else None
    ctx = context(args)
    try:
        done = move.move(ctx, actor(args), args.to, password)
    finally:
        ctx.close()
    out(
        render(
            "move.done",
            participants=done.participants,
            rows=done.rows,
            tables=done.tables,
            database=done.address.database,
            host=f"{done.address.host}:{done.address.port}",
            backup=str(done.backup),
        )
    )
    return EXIT_OK
