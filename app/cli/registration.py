"""Registration commands: users, approval, show/edit/deactivate, spreadsheet import, export."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import actor, context, emit_json, err, first_line, out, table
from app.domain.fmt import format_date, mask_nik
from app.domain.participant import OCCUPATIONS, InactiveReason
from app.errors import EXIT_OK, InvalidInput
from app.i18n import tr

if TYPE_CHECKING:
    from app.services.accounts import AccountInfo
    from app.services.actor import Actor


def register(sub: Any) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add this area's subcommands to the parser; returns their handlers."""
    s = sub.add_parser("user", help=tr("local accounts"))
    us = s.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    ua = us.add_parser("add", help=tr("add an account"))
    ua.add_argument("name")
    ua.add_argument("--role", required=True, choices=["operator", "supervisor", "admin"])
    ua.add_argument("--password-file", metavar="F")
    ua.add_argument("--full-name", default="")
    us.add_parser("list", help=tr("list accounts")).add_argument("--json", action="store_true")
    us.add_parser("unlock", help=tr("unlock an account")).add_argument("name")
    ur = us.add_parser(
        "reset", help=tr("give an account a new password, to be changed at its next sign-in")
    )
    ur.add_argument("name")
    ur.add_argument("--password-file", metavar="F", help=tr("the new password"))
    us.add_parser("deactivate", help=tr("stop an account from signing in")).add_argument("name")
    us.add_parser("reactivate", help=tr("let a deactivated account sign in again")).add_argument(
        "name"
    )
    up = us.add_parser("passwd", help=tr("change the password of the account signed in"))
    up.add_argument("--password-file", metavar="F", help=tr("the new password"))

    s = sub.add_parser("approve", help=tr("approve draft records"))
    s.add_argument("reg_no", nargs="*", metavar="REG_NO")
    s.add_argument("--all", action="store_true", help=tr("every draft"))
    s.add_argument("--nagari", metavar="X", help=tr("every draft of a nagari"))

    s = sub.add_parser("show", help=tr("a record and its history"))
    s.add_argument("reg_no", metavar="REG_NO")
    s.add_argument("--json", action="store_true")

    from app.cli.core import add_participant_flags

    s = sub.add_parser("edit", help=tr("change a record"))
    s.add_argument("reg_no", metavar="REG_NO")
    add_participant_flags(s, required=False)

    s = sub.add_parser("deactivate", help=tr("mark a participant inactive"))
    s.add_argument("reg_no", metavar="REG_NO")
    s.add_argument("--reason", required=True, choices=[r.value for r in InactiveReason])
    s.add_argument("--date", metavar="DD/MM/YYYY")

    s = sub.add_parser("reactivate", help=tr("bring an inactive participant back"))
    s.add_argument("reg_no", metavar="REG_NO")

    s = sub.add_parser("import", help=tr("import a nagari spreadsheet (xlsx or csv)"))
    s.add_argument("file", metavar="FILE")
    s.add_argument("--dry-run", action="store_true")
    s.add_argument("--refused-out", metavar="FILE.xlsx", help=tr("save refused rows here"))
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("export-list", help=tr("export the list as xlsx"))
    s.add_argument("--out", required=True, metavar="FILE.xlsx")
    s.add_argument("--search", default="", metavar="TEXT")
    s.add_argument("--nagari", metavar="X")
    s.add_argument("--status", choices=["draft", "approved", "accepted", "active", "inactive"])
    s.add_argument("--full-nik", action="store_true")
    return {
        "user": cmd_user,
        "approve": cmd_approve,
        "show": cmd_show,
        "edit": cmd_edit,
        "deactivate": cmd_deactivate,
        "reactivate": cmd_reactivate,
        "import": cmd_import,
        "export-list": cmd_export_list,
    }


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


def cmd_user(args: argparse.Namespace) -> int:
    from app.services import accounts
    from app.services.actor import Role

    ctx = context(args)
    try:
        who: Actor | None = getattr(args, "actor", None)
        name = str(getattr(args, "name", "")).strip().lower()
        if args.user_command == "add":
            password = read_password(args.password_file)
            if who is None:  # a data dir without an administrator: this is the first
                accounts.first_admin(ctx, args.name, password, args.full_name)
            else:
                accounts.add_user(ctx, who, args.name, Role(args.role), password, args.full_name)
            out(tr("User {name} added as {role}", name=name, role=tr(args.role)))
        elif args.user_command == "unlock":
            accounts.unlock(ctx, actor(args), args.name)
            out(tr("User {name} unlocked", name=name))
        elif args.user_command == "reset":
            password = read_password(args.password_file)
            accounts.reset_password(ctx, actor(args), args.name, password)
            out(tr("Password of {name} reset: it must be changed at the next sign-in", name=name))
        elif args.user_command in ("deactivate", "reactivate"):
            active = args.user_command == "reactivate"
            accounts.set_active(ctx, actor(args), args.name, active)
            out(
                tr("User {name} reactivated", name=name)
                if active
                else tr("User {name} deactivated", name=name)
            )
        elif args.user_command == "passwd":
            me = actor(args)
            new = read_password(args.password_file)
            accounts.change_password(ctx, me, args.signed_in_with, new)
            out(tr("Password of {name} changed", name=me.username))
        else:
            users = accounts.list_users(ctx, actor(args))
            if args.json:
                emit_json([dataclasses.asdict(u) for u in users])
            else:
                table(
                    [tr("Name"), "", tr("Role"), tr("Status")],
                    [[u.username, u.full_name, tr(u.role), _account_status(u)] for u in users],
                )
    finally:
        ctx.close()
    return EXIT_OK


def _account_status(u: AccountInfo) -> str:
    parts = []
    if not u.active:
        parts.append(tr("deactivated"))
    if u.locked_until:
        parts.append(tr("locked until {time}", time=u.locked_until.strftime("%H:%M")))
    if u.must_change:
        parts.append(tr("must change password"))
    return ", ".join(parts)


def cmd_approve(args: argparse.Namespace) -> int:
    from app.services import participants

    if not args.reg_no and not args.all and not args.nagari:
        raise InvalidInput("approve.nothing")
    ctx = context(args)
    try:
        nagari = None
        if args.nagari:
            village = ctx.regions.match(args.nagari, participants.villages_for(ctx))
            if village is None:
                raise InvalidInput("nagari.outside", nagari=args.nagari)
            nagari = village.code
        count = participants.approve(
            ctx, actor(args), reg_nos=args.reg_no or None, nagari=nagari, all_drafts=args.all
        )
    finally:
        ctx.close()
    out(tr("Approved {count} records", count=count))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from app.services import participants

    ctx = context(args)
    try:
        rec = participants.get(ctx, args.reg_no)
        hist = participants.history(ctx, rec.uuid)
        nagari = ctx.regions.get(rec.nagari_code)
        kec = ctx.regions.get(rec.kecamatan_code)
    finally:
        ctx.close()
    if args.json:
        emit_json(
            {
                "participant": dataclasses.asdict(rec),
                "history": [
                    dataclasses.asdict(h) | {"changes": json.loads(h.changes)} for h in hist
                ],
            }
        )
        return EXIT_OK
    lines = [
        (tr("Registration no."), rec.reg_no),
        ("NIK", mask_nik(rec.nik)),
        (tr("Name"), rec.name),
        (tr("Birth place"), rec.birth_place),
        (tr("Birth date"), format_date(rec.birth_date) if rec.erased_at is None else ""),
        (tr("Sex"), rec.sex),
        (tr("Address"), rec.address),
        (tr("Jorong"), rec.jorong),
        (tr("Nagari"), nagari.name if nagari else rec.nagari_code),
        (tr("Kecamatan"), kec.name if kec else rec.kecamatan_code),
        (tr("Occupation"), OCCUPATIONS.get(rec.occupation, rec.occupation)),
        (tr("Phone"), rec.phone),
        (tr("Declared income"), f"{rec.income:,}".replace(",", ".")),
        (tr("Funding"), rec.funding),
        (tr("Programmes"), rec.programmes),
        (tr("Coverage start"), format_date(rec.coverage_start)),
        (
            tr("Status"),
            tr(rec.status) + (f" ({tr(rec.status_reason)})" if rec.status_reason else ""),
        ),
        ("KPJ", rec.kpj or ""),
    ]
    width = max(len(k) for k, _ in lines)
    for k, v in lines:
        out(f"{k.ljust(width)}  {v}")
    out()
    out(tr("History"))
    for h in hist:
        changes = json.loads(h.changes)
        out(f"{h.at:%d/%m/%Y %H:%M}  {h.actor}  {h.action}  {h.reason}".rstrip())
        for key, value in changes.items():
            if isinstance(value, list) and len(value) == 2:
                before, after = value
                if key == "nik":
                    before = mask_nik(str(before)) if before else before
                    after = mask_nik(str(after)) if after else after
                out(f"    {key}: {before if before is not None else ''} → {after}")
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    from app.cli.core import participant_data_from_args
    from app.domain.participant import DEFAULT_PROGRAMMES
    from app.services import participants

    ctx = context(args)
    try:
        rec = participants.get(ctx, args.reg_no)
        nagari = ctx.regions.get(rec.nagari_code)
        # Flags not given keep the record's values.
        defaults = {
            "nik": rec.nik,
            "name": rec.name,
            "birth_place": rec.birth_place,
            "birth_date": format_date(rec.birth_date),
            "sex": rec.sex,
            "nagari": nagari.code if nagari else rec.nagari_code,
            "occupation": rec.occupation,
            "address": rec.address,
            "jorong": rec.jorong,
            "phone": rec.phone,
            "income": str(rec.income),
            "funding": rec.funding,
            "programmes": rec.programmes or ",".join(p.value for p in DEFAULT_PROGRAMMES),
            "coverage_start": format_date(rec.coverage_start),
        }
        for key, value in defaults.items():
            if getattr(args, key, None) in (None, ""):
                setattr(args, key, value)
        data = participant_data_from_args(args, ctx)
        after = participants.edit(ctx, actor(args), rec.reg_no, data)
    finally:
        ctx.close()
    if after.revision == rec.revision:
        out(tr("No changes."))
    else:
        out(tr("Saved {reg_no}", reg_no=after.reg_no))
    return EXIT_OK


def cmd_deactivate(args: argparse.Namespace) -> int:
    from app.cli.common import arg_date
    from app.services import participants

    day = arg_date(args.date) if args.date else None
    ctx = context(args)
    try:
        participants.deactivate(ctx, actor(args), args.reg_no, InactiveReason(args.reason), day)
    finally:
        ctx.close()
    out(tr("{reg_no} is now {status}", reg_no=args.reg_no.upper(), status=tr("inactive")))
    return EXIT_OK


def cmd_reactivate(args: argparse.Namespace) -> int:
    from app.services import participants

    ctx = context(args)
    try:
        status = participants.reactivate(ctx, actor(args), args.reg_no)
    finally:
        ctx.close()
    out(tr("{reg_no} is now {status}", reg_no=args.reg_no.upper(), status=tr(status)))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from app.services import importer

    ctx = context(args)
    try:
        prev = importer.preview(ctx, Path(args.file))
        if args.dry_run:
            result = importer.ImportResult(
                prev.count("new"), prev.count("duplicate"), prev.count("refused")
            )
        else:
            result = importer.commit(ctx, actor(args), prev)
        if args.refused_out and result.refused:
            importer.save_refused(prev, Path(args.refused_out))
    finally:
        ctx.close()
    if args.json:
        emit_json(
            {
                "dry_run": args.dry_run,
                "new": result.new,
                "duplicate": result.duplicate,
                "refused": result.refused,
                "registered": list(result.reg_nos),
                "rows": [
                    {"line": r.line, "verdict": r.verdict, "reasons": r.reasons}
                    for r in prev.rows
                    if r.verdict != "new"
                ],
            }
        )
        return EXIT_OK
    out(
        tr(
            "New: {new}, duplicate: {duplicate}, refused: {refused}",
            new=result.new,
            duplicate=result.duplicate,
            refused=result.refused,
        )
    )
    if args.dry_run:
        out(tr("Dry run: nothing was saved."))
    for r in prev.rows:
        if r.verdict != "new":
            label = tr(r.verdict)
            err(
                f"{label}: "
                + tr("Row {line}: {reasons}", line=r.line, reasons="; ".join(r.reasons))
            )
    if args.refused_out and result.refused:
        out(tr("Refused rows saved to {path}", path=args.refused_out))
    return EXIT_OK


def cmd_export_list(args: argparse.Namespace) -> int:
    from app.services import importer, participants
    from app.store.repo import ListQuery

    ctx = context(args)
    try:
        nagari = None
        if args.nagari:
            village = ctx.regions.match(args.nagari, participants.villages_for(ctx))
            if village is None:
                raise InvalidInput("nagari.outside", nagari=args.nagari)
            nagari = village.code
        query = ListQuery(search=args.search, nagari=nagari, status=args.status)
        count = importer.export_list(ctx, actor(args), query, Path(args.out), args.full_nik)
    finally:
        ctx.close()
    out(tr("Exported {count} rows to {path}", count=count, path=args.out))
    return EXIT_OK
