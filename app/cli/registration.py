"""Registration commands: users, approval, show/edit/deactivate, spreadsheet import, export."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import (
    actor,
    arg_date,
    arg_int,
    arg_status,
    context,
    emit_json,
    err,
    out,
    read_password,
    status_choices,
    table,
    warn_missing_years,
)
from app.cli.participant_args import add_participant_flags, participant_data_from_args
from app.domain.fmt import format_date
from app.domain.participant import InactiveReason
from app.errors import EXIT_OK, InvalidInput
from app.i18n import fmt_int, tr
from app.invocation import user_path

if TYPE_CHECKING:
    from app.services.accounts import AccountInfo
    from app.services.actor import Actor
    from app.services.importer import ImportPreview, ImportResult, RowVerdict
    from app.services.participants import EditConflict


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

    s = sub.add_parser("edit", help=tr("change a record"))
    s.add_argument("reg_no", metavar="REG_NO")
    add_participant_flags(s, required=False)
    s.add_argument(
        "--revision",
        type=arg_int,
        metavar="N",
        help=tr(
            "the revision you read (`lindungi show`): refused, with both versions shown, "
            "if the record was saved since"
        ),
    )

    s = sub.add_parser("deactivate", help=tr("mark a participant inactive"))
    s.add_argument("reg_no", metavar="REG_NO")
    s.add_argument("--reason", required=True, choices=[r.value for r in InactiveReason])
    s.add_argument("--date", metavar="DD/MM/YYYY")

    s = sub.add_parser("reactivate", help=tr("bring an inactive participant back"))
    s.add_argument("reg_no", metavar="REG_NO")

    s = sub.add_parser(
        "import",
        help=tr("import a nagari spreadsheet (xlsx, xls, ods or csv)"),
        description=tr("import a nagari spreadsheet (xlsx, xls, ods or csv)"),
        epilog=import_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument("file", metavar="FILE")
    s.add_argument("--dry-run", action="store_true", help=tr("check every row, save nothing"))
    s.add_argument(
        "--refused-out",
        metavar="FILE.xlsx|FILE.csv",
        help=tr("save refused rows here, in the format the name says"),
    )
    s.add_argument(
        "--sheet", metavar="NAME", help=tr("the sheet to read, when several hold a list")
    )
    s.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=field",
        help=tr("map a column by hand (repeatable); HEADER is a heading or a column letter"),
    )
    s.add_argument(
        "--accept-suggestions",
        action="store_true",
        help=tr("read an unknown nagari spelling as the nagari suggested for it"),
    )
    s.add_argument(
        "--learn-spellings",
        action="store_true",
        help=tr("with --accept-suggestions: keep the accepted spellings as this install's aliases"),
    )
    s.add_argument(
        "--kecamatan", metavar="NAME", help=tr("the kecamatan the sheet comes from (kabupaten)")
    )
    s.add_argument("--json", action="store_true")

    s = sub.add_parser(
        "template",
        help=tr("write the blank list a nagari fills in (xlsx)"),
        description=tr("write the blank list a nagari fills in (xlsx)"),
    )
    s.add_argument("--out", type=user_path, required=True, metavar="FILE.xlsx")
    s.add_argument("--nagari", metavar="NAME", help=tr("pre-fill this nagari on every row"))

    s = sub.add_parser(
        "spellings",
        help=tr("the nagari spellings this install learned from imports"),
        description=tr("the nagari spellings this install learned from imports"),
    )
    sp = s.add_subparsers(dest="spellings_command", required=True)
    sp.add_parser("list", help=tr("list the learned spellings")).add_argument(
        "--json", action="store_true"
    )
    sp.add_parser(
        "forget", help=tr("stop reading these spellings as their nagari (supervisors)")
    ).add_argument("spelling", nargs="+", metavar="SPELLING")

    s = sub.add_parser("export-list", help=tr("export the list as xlsx"))
    s.add_argument("--out", type=user_path, required=True, metavar="FILE.xlsx")
    s.add_argument("--search", default="", metavar="TEXT")
    s.add_argument("--nagari", metavar="X")
    s.add_argument("--status", type=arg_status, metavar=status_choices())
    s.add_argument("--full-nik", action="store_true")
    return {
        "user": cmd_user,
        "approve": cmd_approve,
        "show": cmd_show,
        "edit": cmd_edit,
        "deactivate": cmd_deactivate,
        "reactivate": cmd_reactivate,
        "import": cmd_import,
        "template": cmd_template,
        "spellings": cmd_spellings,
        "export-list": cmd_export_list,
    }


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
    from app.services.audit import action_label
    from app.services.describe import describe, history_changes

    ctx = context(args)
    try:
        rec = participants.get(ctx, args.reg_no)
        hist = participants.history(ctx, rec.uuid)
        regions = ctx.regions
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
    lines = [(f.label, f.value) for f in describe(rec, regions, full_nik=False)]
    lines.append((tr("Revision"), str(rec.revision)))
    width = max(len(k) for k, _ in lines)
    for k, v in lines:
        out(f"{k.ljust(width)}  {v}")
    out()
    out(tr("History"))
    for h in hist:
        reason = tr(h.reason) if h.action == "deactivate" else h.reason
        what = action_label(h.action) + (f" — {reason}" if reason else "")
        out(f"{h.at:%d/%m/%Y %H:%M}  {h.actor} ({h.install_code})  {what}")
        for line in history_changes(h.changes, regions).splitlines():
            out(f"    {line}")
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
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
        data = participant_data_from_args(args, ctx, rec.id)
        try:
            after = participants.edit(ctx, actor(args), rec.reg_no, data, revision=args.revision)
        except participants.EditConflict as exc:
            _print_conflict(exc)
            return exc.exit_code
    finally:
        ctx.close()
    if after.revision == rec.revision:
        out(tr("No changes."))
    else:
        out(tr("Saved {reg_no}", reg_no=after.reg_no))
    return EXIT_OK


def _print_conflict(exc: EditConflict) -> None:
    """Both versions side by side, and how to save on top of the new one."""
    err(f"{tr('Error')}: {exc}")
    if exc.clashes:
        err("")
        table(
            [tr("Field"), tr("Saved now"), tr("Yours")],
            [[c.label, c.theirs, c.yours] for c in exc.clashes],
            emit=err,
        )
    err("")
    err(
        tr(
            "To save yours on top of it, give the same command with --revision {revision}; "
            "a flag you leave out keeps the value saved now.",
            revision=exc.current.revision,
        )
    )


def cmd_deactivate(args: argparse.Namespace) -> int:
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


def import_help() -> str:
    """What ``import --help`` says a sheet needs."""
    return tr(
        "The sheet needs a header row naming at least these columns:\n"
        "  NIK, name, birth place, nagari, occupation\n"
        "and may have: birth date (dd/mm/yyyy), sex (L/P), address, jorong, phone,\n"
        "income per month, funding. A blank birth date or sex is read from the NIK;\n"
        "a blank income takes the default, with a warning on that row.\n"
        "Headings are understood in the usual forms ('NIK/No. KTP', 'No. HP/WA',\n"
        "'Jenis Kelamin (L/P)'); --map 'HEADER=field' maps any other. Fields:\n"
        "  {fields}\n"
        "Type NIKs as text: a NIK Excel stored as a number has lost its last digit.\n"
        "'lindungi template --out daftar.xlsx' writes a sheet made for this.",
        fields=", ".join(FIELD_NAMES),
    )


FIELD_NAMES = (
    "nik",
    "name",
    "birth_place",
    "birth_date",
    "birth_place_date",
    "sex",
    "address",
    "jorong",
    "nagari",
    "occupation",
    "phone",
    "income",
    "funding",
)


def cmd_import(args: argparse.Namespace) -> int:
    from app.services import importer

    if args.refused_out:
        importer.check_out_path(Path(args.refused_out))
    ctx = context(args)
    try:
        prev = importer.preview(
            ctx,
            Path(args.file),
            sheet=args.sheet,
            kecamatan=args.kecamatan,
            accept_suggestions=args.accept_suggestions,
            map_pairs=args.map,
        )
        today = dt.date.today()
        warn_missing_years(
            ctx, {(r.data.coverage_start or today).year for r in prev.rows if r.data is not None}
        )
        if args.dry_run:
            result = importer.ImportResult(
                prev.count("new"), prev.count("duplicate"), prev.count("refused")
            )
        else:
            result = importer.commit(ctx, actor(args), prev)
        learned = 0
        if args.learn_spellings and args.accept_suggestions and not args.dry_run:
            learned = importer.learn_aliases(ctx, actor(args), importer.accepted_spellings(prev))
        if args.refused_out and result.refused:
            importer.save_refused(prev, Path(args.refused_out))
    finally:
        ctx.close()
    if args.json:
        emit_json(_import_json(args, prev, result))
        return EXIT_OK
    _print_import(args, prev, result, learned)
    return EXIT_OK


def _import_json(
    args: argparse.Namespace, prev: ImportPreview, result: ImportResult
) -> dict[str, Any]:
    """The import's outcome for scripts: counts, columns, and every row not simply new."""
    return {
        "dry_run": args.dry_run,
        "sheet": prev.sheet,
        "new": result.new,
        "duplicate": result.duplicate,
        "refused": result.refused,
        "registered": list(result.reg_nos),
        "columns": [
            {"column": c.letter, "header": c.header, "field": c.field} for c in prev.columns
        ],
        "skipped": [{"line": k.line, "kind": k.kind} for k in prev.skipped],
        "warnings": prev.warnings,
        "rows": [_row_json(r) for r in prev.rows if r.verdict != "new" or r.warnings],
    }


def _row_json(r: RowVerdict) -> dict[str, Any]:
    row: dict[str, Any] = {
        "line": r.line,
        "verdict": r.verdict,
        "reasons": r.reasons,
        "warnings": r.warnings,
    }
    if r.suggestion and r.verdict == "refused":
        row["suggestion"] = r.suggestion.name
    return row


def _print_import(
    args: argparse.Namespace, prev: ImportPreview, result: ImportResult, learned: int
) -> None:
    """The import's outcome for people: the columns read, the counts, then every row's note."""
    from app.services import importer

    out(tr("Sheet read: {sheet}", sheet=prev.sheet))
    for c in prev.columns:
        target = importer.field_label(c.field) if c.field else tr("ignored")
        out(f"  {c.letter} {c.header or '—'} → {target}")
    for warning in prev.warnings:
        err(f"{tr('Warning')}: {warning}")
    out(
        tr(
            "New: {new}, duplicate: {duplicate}, refused: {refused}",
            new=fmt_int(result.new),
            duplicate=fmt_int(result.duplicate),
            refused=fmt_int(result.refused),
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
        for warning in r.warnings:
            err(f"{tr('Warning')}: " + tr("Row {line}: {reasons}", line=r.line, reasons=warning))
    for k in prev.skipped:
        err(k.message())
    if prev.suggestions() and not args.accept_suggestions:
        err(tr("Nagari suggestions can be accepted with --accept-suggestions."))
    if learned:
        out(tr("{count} nagari spellings saved as aliases.", count=fmt_int(learned)))
    if args.refused_out and result.refused:
        out(tr("Refused rows saved to {path}", path=args.refused_out))


def cmd_template(args: argparse.Namespace) -> int:
    from app.services import template

    ctx = context(args)
    try:
        count = template.write_template(ctx, Path(args.out), args.nagari)
    finally:
        ctx.close()
    out(tr("Template written to {path} ({count} nagari in its list).", path=args.out, count=count))
    return EXIT_OK


def cmd_spellings(args: argparse.Namespace) -> int:
    from app.services import importer

    ctx = context(args)
    try:
        if args.spellings_command == "forget":
            gone = importer.forget_aliases(ctx, actor(args), args.spelling)
            out(tr("{count} nagari spellings forgotten.", count=fmt_int(len(gone))))
            return EXIT_OK
        learned = sorted(importer.learned_aliases(ctx).items())
        names = {code: ctx.regions.get(code) for _s, code in learned}
    finally:
        ctx.close()
    rows = [(spelling, r.name if (r := names[code]) else code, code) for spelling, code in learned]
    if args.json:
        emit_json([{"spelling": s, "nagari": n, "code": c} for s, n, c in rows])
    elif rows:
        table([tr("Spelling"), tr("Nagari"), tr("Code")], rows)
    else:
        out(tr("No spellings learned yet."))
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
