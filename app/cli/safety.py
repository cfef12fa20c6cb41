"""Data-safety commands: backup and restore."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.common import actor, arg_date, context, emit_json, first_line, out, table
from app.errors import EXIT_OK
from app.i18n import fmt_decimal, render, tr
from app.invocation import user_path


def register(sub: Any) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add this area's subcommands to the parser; returns their handlers."""
    s = sub.add_parser("backup", help=tr("back up the database"))
    s.add_argument(
        "--out", type=user_path, metavar="FILE-or-DIR", help=tr("where to write (e.g. a USB stick)")
    )
    s.add_argument("--passphrase-file", metavar="F", help=tr("encrypt with this passphrase"))
    s.add_argument("--with-keys", action="store_true", help=tr("include the private keys"))
    s.add_argument("--list", action="store_true", help=tr("list the backups kept"))

    s = sub.add_parser("restore", help=tr("restore the database from a backup"))
    s.add_argument("file", metavar="FILE")
    s.add_argument("--passphrase-file", metavar="F")
    s.add_argument(
        "--recovery-key-file",
        metavar="F",
        help=tr("a backup of this install on a replacement PC: the recovery key"),
    )
    s.add_argument(
        "--into-database",
        metavar="NAME",
        help=tr("a register on PostgreSQL: the new, empty database to restore into"),
    )

    s = sub.add_parser("recover", help=tr("every password forgotten: a new administrator password"))
    s.add_argument("--recovery-key-file", metavar="F", required=True)
    s.add_argument("--new-password-file", metavar="F", help=tr("the new password"))

    s = sub.add_parser(
        "recovery-sheet", help=tr("a new recovery sheet (the old one stops working)")
    )
    s.add_argument("--out", type=user_path, required=True, metavar="FILE.pdf")

    s = sub.add_parser("audit", help=tr("the audit trail"))
    au = s.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    av = au.add_parser("verify", help=tr("check that the audit trail was not edited"))
    av.add_argument("--json", action="store_true")
    ab = au.add_parser(
        "accept-behind",
        help=tr("record why the database is behind its signed audit trail head"),
    )
    ab.add_argument("--reason", required=True, metavar="TEXT")
    for name in ("list", "export"):
        a = au.add_parser(
            name,
            help=tr("show the audit trail")
            if name == "list"
            else tr("export the audit trail as xlsx"),
        )
        a.add_argument("--user", metavar="NAME")
        a.add_argument("--action", metavar="ACTION")
        a.add_argument("--since", metavar="DD/MM/YYYY")
        a.add_argument("--until", metavar="DD/MM/YYYY")
        if name == "list":
            a.add_argument("--limit", type=int, default=50, metavar="N")
            a.add_argument("--json", action="store_true")
        else:
            a.add_argument("--out", type=user_path, required=True, metavar="FILE.xlsx")

    s = sub.add_parser("privacy", help=tr("personal-data duties (UU PDP)"))
    pv = s.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)
    pr = pv.add_parser("report", help=tr("everything stored about one participant, as PDF"))
    pr.add_argument("reg_no", metavar="REG_NO")
    pr.add_argument("--out", type=user_path, required=True, metavar="FILE.pdf")
    pe = pv.add_parser("erase", help=tr("erase one participant's personal data"))
    pe.add_argument("reg_no", metavar="REG_NO")
    pe.add_argument("--reason", default="request", choices=["request", "retention"])
    pv.add_parser("erase-expired", help=tr("erase everyone past the retention period"))
    return {
        "backup": cmd_backup,
        "restore": cmd_restore,
        "recover": cmd_recover,
        "recovery-sheet": cmd_recovery_sheet,
        "audit": cmd_audit,
        "privacy": cmd_privacy,
    }


def _passphrase(path: str | None) -> str | None:
    if not path:
        return None
    return first_line(path)


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services import backup

    ctx = context(args)
    try:
        if args.list:
            rows = backup.list_backups(ctx)
            table(
                [tr("Taken"), tr("Reason"), tr("Size"), ""],
                [
                    [
                        f"{b.taken_at:%d/%m/%Y %H:%M:%S}",
                        backup.reason_label(b.reason),
                        f"{fmt_decimal(b.size / 1e6, 1)} MB",
                        b.path.name,
                    ]
                    for b in rows
                ],
            )
            return EXIT_OK
        path = backup.backup(
            ctx,
            actor(args),
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

    ctx = context(args, set_up=False)
    try:
        # On a data dir that is set up, an administrator signed in. One that is not set up
        # yet (a replacement PC) has nothing to protect: the restore is recorded under the
        # name given with --user, and every later command signs in with the restored accounts.
        from app.cli.signin import account_name
        from app.services.actor import Actor, Role

        who = getattr(args, "actor", None) or Actor(account_name(args) or "-", Role.ADMIN)
        if args.into_database:
            from app.services import pgbackup

            count = pgbackup.restore(ctx, who, Path(args.file), args.into_database)
            out(tr("Restored {count} participants from {path}", count=count, path=args.file))
            out(tr("The register is now database {name}", name=args.into_database))
            return EXIT_OK
        saved, count = backup.restore(
            ctx,
            who,
            Path(args.file),
            _passphrase(args.passphrase_file),
            _passphrase(args.recovery_key_file),
        )
    finally:
        ctx.close()
    out(tr("Restored {count} participants from {path}", count=count, path=args.file))
    out(tr("The database before the restore was kept as {path}", path=str(saved)))
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    """``recover --recovery-key-file F``: the administrator of ``--user`` gets a new
    password with the recovery key (no sign-in: every password may be forgotten)."""
    from app.cli.common import read_password
    from app.cli.signin import account_name
    from app.errors import InvalidInput
    from app.paths import data_dir
    from app.services import accounts

    name = account_name(args)
    if not name:
        raise InvalidInput("setup.admin_needed")
    recovery = first_line(args.recovery_key_file)
    password = read_password(args.new_password_file)
    ctx = accounts.recover(data_dir(args.data_dir), recovery, name, password)
    ctx.close()
    out(render("recovery.done", name=name))
    return EXIT_OK


def write_recovery_sheet(args: argparse.Namespace, ctx: Any, admin: Any) -> None:
    """The recovery sheet of a data dir just set up: ``--recovery-sheet`` or, by default,
    ``kunci-pemulihan-CODE.pdf`` beside the data folder; where it went is said."""
    from app.services import recovery

    target = getattr(args, "recovery_sheet", None)
    path = (
        Path(target) if target else recovery.default_sheet_path(ctx, ctx.data_dir.resolve().parent)
    )
    recovery.make_sheet(ctx, admin, path)
    out(render("recovery.sheet_written", path=str(path)))


def cmd_recovery_sheet(args: argparse.Namespace) -> int:
    """``recovery-sheet --out FILE.pdf``: a new recovery key (administrators only)."""
    from app.services import recovery

    ctx = context(args)
    try:
        path = recovery.make_sheet(ctx, actor(args), Path(args.out))
    finally:
        ctx.close()
    out(render("recovery.sheet_written", path=str(path)))
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from app.errors import EXIT_REFUSED
    from app.services import audit

    ctx = context(args)
    try:
        if args.audit_command == "accept-behind":
            from app.services import chainhead

            chainhead.accept(ctx, actor(args), args.reason)
            out(tr("Reason recorded; the audit trail head is signed again."))
            return EXIT_OK
        if args.audit_command == "verify":
            result = audit.verify(ctx)
            if args.json:
                emit_json(
                    {
                        "ok": result.ok,
                        "entries": result.entries,
                        "broken_at": result.broken_at,
                        "kind": result.kind,
                        "ghosts": list(result.ghosts),
                        "unexplained": list(result.unexplained),
                        "behind": result.behind,
                    }
                )
            else:
                _print_verification(ctx, result)
            return EXIT_OK if result.ok else EXIT_REFUSED
        filters: dict[str, Any] = {
            "user": args.user,
            "action": args.action,
            "since": arg_date(args.since) if args.since else None,
            "until": arg_date(args.until) if args.until else None,
        }
        if args.audit_command == "export":
            count = audit.export(ctx, actor(args), Path(args.out), **filters)
            out(tr("Exported {count} rows to {path}", count=count, path=args.out))
            return EXIT_OK
        rows = audit.entries(ctx, actor(args), limit=args.limit, **filters)
    finally:
        ctx.close()
    if args.json:
        import dataclasses

        emit_json([dataclasses.asdict(e) for e in rows])
        return EXIT_OK
    table(
        [tr("Time"), tr("User"), tr("Action"), tr("Details")],
        [
            [f"{e.at:%d/%m/%Y %H:%M}", e.actor, audit.action_label(e.action), e.summary[:80]]
            for e in rows
        ],
    )
    return EXIT_OK


def _print_verification(ctx: Any, result: Any) -> None:
    from app.cli.common import err

    if result.broken_at is None:
        out(tr("The audit trail is whole: {count} entries verified.", count=result.entries))
    else:
        err(
            tr(
                "The audit trail was changed at entry {id} ({kind}).",
                id=result.broken_at,
                kind=tr(result.kind),
            )
        )
    if result.ghosts:
        err(tr("Records without any history (ghosts): {reg_nos}", reg_nos=", ".join(result.ghosts)))
    if result.unexplained:
        err(
            tr(
                "Records whose state their history does not explain: {reg_nos}",
                reg_nos=", ".join(result.unexplained),
            )
        )
    if result.behind:
        from app.services import chainhead

        flag = chainhead.behind(ctx)
        assert flag is not None
        err(
            tr(
                "The database is behind the audit trail head this PC signed on {at} "
                "({signed} entries signed, {entries} found): an older database file was "
                "copied back? A supervisor records the reason: "
                "{cmd} audit accept-behind --reason TEXT",
                at=f"{flag.signed_at:%d/%m/%Y %H:%M}",
                signed=flag.signed_count,
                entries=flag.entries,
            )
        )


def cmd_privacy(args: argparse.Namespace) -> int:
    from app.services import privacy

    ctx = context(args)
    try:
        if args.privacy_command == "report":
            path = privacy.subject_report(ctx, actor(args), args.reg_no, Path(args.out))
            out(tr("Report written: {path}", path=str(path)))
        elif args.privacy_command == "erase":
            privacy.erase(ctx, actor(args), args.reg_no, args.reason)
            out(tr("Personal data of {reg_no} erased", reg_no=args.reg_no.upper()))
        else:
            count = privacy.erase_expired(ctx, actor(args))
            out(tr("Erased the personal data of {count} participants", count=count))
    finally:
        ctx.close()
    return EXIT_OK
