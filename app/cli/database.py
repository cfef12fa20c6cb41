"""Where the register is kept: ``database where``, ``database move --to URL`` and
``database join URL`` (another desk of a register on a server)."""

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
    jn = db.add_parser(
        "join",
        help=tr("make this PC another desk of the kabupaten's register on PostgreSQL"),
    )
    jn.add_argument("url", metavar="postgresql://USER@HOST/DB")
    jn.add_argument(
        "--database-password-file",
        metavar="F",
        help=tr("the PostgreSQL user's password (or put it in the address)"),
    )
    return {"database": cmd_database}


def cmd_database(args: argparse.Namespace) -> int:
    if args.database_command == "where":
        return _where(args)
    if args.database_command == "join":
        return _join(args)
    return _move(args)


def _join(args: argparse.Namespace) -> int:
    """A new desk: the wraps come from the server, an account's sign-in proves them, and
    only then does the data dir record the server (app.services.join)."""
    from app.cli.common import setting_up
    from app.cli.signin import account_name_or_ask, password
    from app.paths import data_dir
    from app.services import join

    db_password = first_line(args.database_password_file) if args.database_password_file else None
    path = data_dir(args.data_dir)
    join.check_new(path)  # before the data dir is touched at all
    name = account_name_or_ask(args)
    secret = password(args, name)
    with setting_up(args):
        ctx, _actor = join.join(path, args.url, db_password, name, secret)
    try:
        ident = ctx.identity
        server = ctx.db.server
        assert server is not None
        out(
            render(
                "join.done",
                code=ident.install_code,
                database=server.database,
                host=f"{server.host}:{server.port}",
                path=str(ctx.data_dir),
            )
        )
    finally:
        ctx.close()
    return EXIT_OK


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
