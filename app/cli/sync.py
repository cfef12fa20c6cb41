"""Sync commands: whoami, enrol-file, enrol, offices, bundle, conflicts, keys.

``bundle import`` exits 3 when a bundle is held (its office's key is not confirmed yet) and
0 when it was imported, also when some records were refused or conflicts were queued: the
output counts them.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.common import (
    actor,
    context,
    emit_json,
    err,
    first_line,
    out,
    setting_up,
    table,
)
from app.domain.fmt import format_date, mask_nik
from app.errors import EXIT_HELD, EXIT_OK, EXIT_USAGE, InvalidInput
from app.i18n import fmt_int, render, tr
from app.invocation import user_path
from app.services.changes import count_word


def register(sub: Any) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add this area's subcommands to the parser; returns their handlers."""
    s = sub.add_parser("whoami", help=tr("this install's code, role and key fingerprint"))
    s.add_argument("--json", action="store_true")
    s.add_argument(
        "--fingerprint", action="store_true", help=tr("print only the fingerprint (for scripts)")
    )

    s = sub.add_parser("enrol-file", help=tr("write a new station's enrolment file (kabupaten)"))
    s.add_argument("--kecamatan", required=True, metavar="CODE", help="13.03.06")
    s.add_argument("--station", required=True, metavar="LETTER")
    s.add_argument("--out", type=user_path, required=True, metavar="FILE-or-DIR")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("enrol", help=tr("enrol this install with its enrolment file"))
    s.add_argument("file", metavar="FILE")
    s.add_argument(
        "--new-kabupaten-fingerprint",
        metavar="FINGERPRINT",
        help=tr("needed to move to another kabupaten key: as the kabupaten's screen shows it"),
    )
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("offices", help=tr("the ledger of offices (kabupaten)"))
    s.add_argument("--json", action="store_true")
    os_ = s.add_subparsers(dest="offices_command", metavar="ACTION")
    c = os_.add_parser("confirm", help=tr("confirm an office's key fingerprint"))
    c.add_argument("office", metavar="OFFICE")
    c.add_argument("fingerprint", metavar="FINGERPRINT")
    c.add_argument("--receipt-out", metavar="DIR")
    c.add_argument("--json", action="store_true")
    rv = os_.add_parser("revoke", help=tr("revoke an office's key (a stolen or lost PC)"))
    rv.add_argument("office", metavar="OFFICE")
    rv.add_argument("--json", action="store_true")
    cr = os_.add_parser(
        "chain-reset", help=tr("take an office's audit trail anew (after checking with it)")
    )
    cr.add_argument("office", metavar="OFFICE")
    cr.add_argument("--reason", required=True, metavar="TEXT")

    s = sub.add_parser("bundle", help=tr("sync bundles and receipts on a USB stick"))
    bs = s.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    e = bs.add_parser("export", help=tr("write this office's next bundle"))
    e.add_argument("--out", type=user_path, required=True, metavar="DIR")
    e.add_argument("--json", action="store_true")
    i = bs.add_parser("import", help=tr("import a bundle (kabupaten) or a receipt (office)"))
    i.add_argument("file", metavar="FILE")
    i.add_argument("--dry-run", action="store_true", help=tr("preview only; change nothing"))
    i.add_argument("--receipt-out", metavar="DIR", help=tr("where the receipt goes"))
    i.add_argument("--json", action="store_true")
    r = bs.add_parser("receipt", help=tr("write a fresh receipt for an office (kabupaten)"))
    r.add_argument("--office", required=True, metavar="CODE", help="130306-A")
    r.add_argument("--out", type=user_path, required=True, metavar="DIR")
    r.add_argument("--json", action="store_true")

    s = sub.add_parser("conflicts", help=tr("the conflict queue (kabupaten)"))
    s.add_argument("--all", action="store_true", help=tr("also resolved ones"))
    s.add_argument("--json", action="store_true")
    cs = s.add_subparsers(dest="conflicts_command", metavar="ACTION")
    cr = cs.add_parser("resolve", help=tr("decide a conflict"))
    cr.add_argument("id", type=int, metavar="ID")
    g = cr.add_mutually_exclusive_group(required=True)
    g.add_argument("--keep", choices=["A", "B", "a", "b"])
    g.add_argument("--moved-to", choices=["A", "B", "a", "b"])
    cr.add_argument("--note", default="", metavar="TEXT")
    cr.add_argument("--json", action="store_true")

    s = sub.add_parser("keys", help=tr("back up or restore this install's private key"))
    ks = s.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    kb = ks.add_parser("backup", help=tr("write a passphrase-protected key backup"))
    kb.add_argument("--out", type=user_path, required=True, metavar="FILE-or-DIR")
    kb.add_argument("--passphrase-file", metavar="F")
    kn = ks.add_parser(
        "rotate", help=tr("replace the kabupaten's key and write new enrolment files")
    )
    kn.add_argument("--out", required=True, metavar="DIR")
    kn.add_argument("--json", action="store_true")
    kr = ks.add_parser("restore", help=tr("restore the key from a key backup"))
    kr.add_argument("file", metavar="FILE")
    kr.add_argument("--passphrase-file", metavar="F")
    return {
        "whoami": cmd_whoami,
        "enrol-file": cmd_enrol_file,
        "enrol": cmd_enrol,
        "offices": cmd_offices,
        "bundle": cmd_bundle,
        "conflicts": cmd_conflicts,
        "keys": cmd_keys,
    }


def _when(value: Any) -> str:
    return format_date(value) if value else ""


# --- setup --enrol, whoami, enrol-file, enrol -----------------------------------------


def cmd_setup_enrol(args: argparse.Namespace) -> int:
    """``setup --enrol FILE``: a kecamatan station set up from its enrolment file."""
    from app.cli.signin import first_admin_credentials
    from app.services import accounts, trust

    if not args.enrol:
        err(tr("setup needs --role, or --enrol FILE for a kecamatan station"))
        return EXIT_USAGE
    admin, password = first_admin_credentials(args)
    enr = trust.read_enrolment(Path(args.enrol))  # refused before anything is created
    with setting_up(args):
        ctx = context(args, set_up=False, sign_in=False)
        try:
            ident, enr = trust.setup_from_enrolment(
                ctx, admin, Path(args.enrol), reuse=args.reuse_enrolment
            )
            accounts.first_admin(ctx, admin.username, password)
            from app.cli.safety import write_recovery_sheet

            write_recovery_sheet(args, ctx, admin)
            me = trust.whoami(ctx)
        finally:
            ctx.close()
    out(
        tr(
            "Set up {code} ({role}) in {path}",
            code=ident.install_code,
            role=ident.role.value,
            path=str(ctx.data_dir),
        )
    )
    out(
        tr(
            "Kabupaten {code}, fingerprint {fingerprint}",
            code=enr.manifest.sender,
            fingerprint=enr.fingerprint,
        )
    )
    out(tr("This install's fingerprint: {fingerprint}", fingerprint=me.fingerprint))
    return EXIT_OK


def cmd_whoami(args: argparse.Namespace) -> int:
    from app.services import trust

    ctx = context(args)
    try:
        me = trust.whoami(ctx)
    finally:
        ctx.close()
    if args.json:
        emit_json(dataclasses.asdict(me))
        return EXIT_OK
    if args.fingerprint:
        out(me.fingerprint)
        return EXIT_OK
    out(f"{tr('Install')}: {me.install_code} ({tr(me.role)})")
    out(f"{tr('Fingerprint')}: {me.fingerprint}")
    if me.role == "kecamatan":
        if me.kabupaten:
            out(
                f"{tr('Kabupaten')}: {me.kabupaten} ({tr('fingerprint')} "
                f"{me.kabupaten_fingerprint}, {tr('enrolled')} {_when(me.enrolled_at)})"
            )
        else:
            out(tr("Not enrolled with a kabupaten yet ({cmd} enrol FILE)."))
    return EXIT_OK


def cmd_enrol_file(args: argparse.Namespace) -> int:
    from app.services import trust

    ctx = context(args)
    try:
        written = trust.write_enrolment(
            ctx, actor(args), args.kecamatan, args.station, Path(args.out)
        )
    finally:
        ctx.close()
    if args.json:
        emit_json(dataclasses.asdict(written))
        return EXIT_OK
    out(
        tr(
            "Enrolment file of {code} written: {path}",
            code=written.install_code,
            path=str(written.path),
        )
    )
    out(
        tr(
            "Kabupaten fingerprint (the office compares it): {fingerprint}",
            fingerprint=written.fingerprint,
        )
    )
    return EXIT_OK


def cmd_enrol(args: argparse.Namespace) -> int:
    from app.services import trust

    ctx = context(args)
    try:
        done = trust.enrol(
            ctx,
            actor(args),
            Path(args.file),
            new_kabupaten_fingerprint=args.new_kabupaten_fingerprint,
        )
        me = trust.whoami(ctx)
    finally:
        ctx.close()
    if args.json:
        emit_json(dataclasses.asdict(done) | {"own_fingerprint": me.fingerprint})
        return EXIT_OK
    if not done.changed:
        out(
            tr(
                "Already enrolled with {code} (fingerprint {fingerprint}); nothing changed.",
                code=done.kabupaten,
                fingerprint=done.fingerprint,
            )
        )
    elif done.previous:
        out(
            tr(
                "Moved to the new key of {code}: fingerprint {fingerprint} (was {previous}).",
                code=done.kabupaten,
                fingerprint=done.fingerprint,
                previous=done.previous,
            )
        )
        out(
            tr(
                "The kabupaten key {previous} can no longer read this office's bundles.",
                previous=done.previous,
            )
        )
    else:
        out(
            tr(
                "Enrolled with {code}, fingerprint {fingerprint}.",
                code=done.kabupaten,
                fingerprint=done.fingerprint,
            )
        )
    out(tr("This install's fingerprint: {fingerprint}", fingerprint=me.fingerprint))
    return EXIT_OK


# --- offices --------------------------------------------------------------------------


def cmd_offices(args: argparse.Namespace) -> int:
    from app.services.sync import offices

    if args.offices_command == "confirm":
        ctx = context(args)
        try:
            receipt_out = Path(args.receipt_out) if args.receipt_out else None
            results = offices.confirm_office(
                ctx, actor(args), args.office, args.fingerprint, receipt_out
            )
        finally:
            ctx.close()
        if args.json:
            emit_json(
                {
                    "office": args.office.upper(),
                    "confirmed": True,
                    "merged": [_result_json(r) for r in results],
                }
            )
            return EXIT_OK
        out(tr("Office {office} confirmed.", office=args.office.upper()))
        for r in results:
            _print_result(r)
        return EXIT_OK
    if args.offices_command == "chain-reset":
        from app.services import chainhead

        ctx = context(args)
        try:
            chainhead.reset(ctx, actor(args), args.office.strip().upper(), args.reason)
        finally:
            ctx.close()
        out(
            tr(
                "The audit trail of {office} will be taken anew from its next bundle.",
                office=args.office.strip().upper(),
            )
        )
        return EXIT_OK
    if args.offices_command == "revoke":
        ctx = context(args)
        try:
            view = offices.revoke_office(ctx, actor(args), args.office)
        finally:
            ctx.close()
        if args.json:
            emit_json(dataclasses.asdict(view))
            return EXIT_OK
        out(
            tr(
                "The key of office {office} ({fingerprint}) is revoked: its later bundles are "
                "held and flagged, never merged. Give the office a new enrolment file with a "
                "new station letter.",
                office=view.install_code,
                fingerprint=view.fingerprint or "-",
            )
        )
        return EXIT_OK
    ctx = context(args)
    try:
        rows = offices.ledger(ctx)
    finally:
        ctx.close()
    if args.json:
        emit_json([dataclasses.asdict(r) for r in rows])
        return EXIT_OK
    if not rows:
        out(tr("The ledger is empty: no office has been enrolled or has sent a bundle."))
        return EXIT_OK
    table(
        [
            tr("Install"),
            tr("Kecamatan"),
            tr("Fingerprint"),
            tr("Confirmed"),
            tr("Last bundle"),
            tr("Days"),
            tr("Gaps"),
            tr("Held"),
            tr("Conflicts"),
            tr("Participants"),
            tr("Audit trail"),
        ],
        [
            [
                r.install_code,
                r.kecamatan_name,
                r.fingerprint or "-",
                _trust_state(r),
                f"#{r.last_sequence} {_when(r.last_created_at)}" if r.last_sequence else "-",
                "" if r.days_since_last is None else fmt_int(r.days_since_last),
                ", ".join(
                    f"#{n} ({tr('covered by #{m}', m=c)})" if c else f"#{n}" for n, c in r.gaps
                )
                or "-",
                ", ".join(f"#{n}" for n in r.held) or "-",
                fmt_int(r.open_conflicts),
                fmt_int(r.participants),
                r.chain_state,
            ]
            for r in rows
        ],
        right={5, 8, 9},
    )
    for view in rows:
        if view.key_conflict:
            out(
                tr(
                    "Conflict: {office} is claimed by another key ({others}) besides "
                    "{fingerprint}. Confirm only the fingerprint the office's own screen "
                    "shows (lindungi whoami there); a second PC set up from the same "
                    "enrolment file must be enrolled as a new station.",
                    office=view.install_code,
                    others=", ".join(view.other_keys),
                    fingerprint=view.fingerprint or "-",
                )
            )
    return EXIT_OK


def _trust_state(r: Any) -> str:
    """The ledger's "Confirmed" column: yes, no, revoked, or a key conflict."""
    if r.revoked_at is not None:
        return tr("revoked")
    state = tr("yes") if r.confirmed else tr("no")
    return f"{state}, {tr('key conflict')}" if r.key_conflict else state


# --- bundles --------------------------------------------------------------------------


def _result_json(r: Any) -> dict[str, Any]:
    return {
        "kind": r.kind,
        "file": r.file,
        "sender": r.sender,
        "sequence": r.sequence,
        "status": r.status,
        "counts": r.counts,
        "receipt": str(r.receipt) if r.receipt else None,
        "receipt_error": r.receipt_error,
        "fingerprint": r.fingerprint,
        "hold_reason": r.hold_reason,
        "numbers_ahead": list(r.numbers_ahead) if r.numbers_ahead else None,
        "records": [
            {
                "uuid": i.uuid,
                "reg_no": i.reg_no,
                "outcome": i.outcome,
                "code": i.code,
                "message": render(i.code, **i.params) if i.code else "",
                "other": i.other,
            }
            for i in r.items
            if i.outcome not in ("unchanged", "new", "changed")
        ],
    }


def _print_result(r: Any) -> None:
    what = tr("Bundle") if r.kind == "bundle" else tr("Receipt")
    head = f"{what} {r.sender} #{r.sequence} ({r.file})"
    if r.status == "already":
        out(f"{head}: {tr('already imported; nothing changed')}")
    elif r.status == "held" and r.hold_reason == "revoked":
        held = tr("held and flagged: the key of office {office} is revoked", office=r.sender)
        out(f"{head}: {held}")
        out(tr("Fingerprint in the bundle: {fingerprint}", fingerprint=r.fingerprint))
        return
    elif r.status == "held":
        held = tr("held: the key of office {office} is not confirmed yet", office=r.sender)
        out(f"{head}: {held}")
        if r.hold_reason == "other_key":
            out(
                tr(
                    "Another key already claims office {office}: this is a conflict. "
                    "Confirm only the fingerprint the office's own screen shows.",
                    office=r.sender,
                )
            )
        out(tr("Fingerprint in the bundle: {fingerprint}", fingerprint=r.fingerprint))
        out(
            tr(
                "Compare it with the office's screen ({cmd} whoami), then, as a supervisor: "
                "{cmd} --user NAME offices confirm {office} {fingerprint}",
                office=r.sender,
                fingerprint=r.fingerprint,
            )
        )
        return
    elif r.status == "superseded":
        out(f"{head}: {tr('older than a receipt already imported; nothing changed')}")
    elif r.status == "preview":
        out(f"{head}: {tr('preview (nothing saved)')}")
    else:
        out(f"{head}: {tr('imported')}")
    out(", ".join(f"{count_word(k)} {fmt_int(v)}" for k, v in r.counts.items()))
    for i in r.items:
        if i.outcome in ("refused", "conflict", "duplicate", "pending"):
            text = render(i.code, **i.params) if i.code else ""
            out(f"- {i.reg_no or '?'} {mask_nik(i.nik) if i.nik else ''}: {tr(i.outcome)}: {text}")
    if r.numbers_ahead:
        out(render("receipt.numbers_ahead", theirs=r.numbers_ahead[0], ours=r.numbers_ahead[1]))
    if r.receipt:
        out(tr("Receipt written: {path}", path=str(r.receipt)))
    if r.receipt_error:
        err(f"{tr('Receipt not written')}: {r.receipt_error}")


def cmd_bundle(args: argparse.Namespace) -> int:
    from app.services.sync import bundle_import, export, receipts

    ctx = context(args)
    try:
        if args.bundle_command == "export":
            done = export.export_bundle(ctx, actor(args), Path(args.out))
            if args.json:
                emit_json(dataclasses.asdict(done))
            else:
                out(str(done.path))
                out(
                    tr(
                        "Bundle #{sequence} for {recipient}: {count} participants",
                        sequence=done.sequence,
                        recipient=done.recipient,
                        count=done.counts.get("participants", 0),
                    )
                )
            if done.held_back and not args.json:
                err(
                    tr(
                        "Held back (their history does not explain them; see audit verify): "
                        "{reg_nos}",
                        reg_nos=", ".join(done.held_back),
                    )
                )
            return EXIT_OK
        if args.bundle_command == "receipt":
            written = receipts.write_receipt(ctx, actor(args), args.office, Path(args.out))
            if args.json:
                emit_json(dataclasses.asdict(written))
            else:
                out(str(written.path))
            return EXIT_OK
        receipt_out = Path(args.receipt_out) if args.receipt_out else None
        result = bundle_import.import_file(
            ctx, actor(args), Path(args.file), dry_run=args.dry_run, receipt_out=receipt_out
        )
    finally:
        ctx.close()
    if args.json:
        emit_json(_result_json(result))
    else:
        _print_result(result)
    return EXIT_HELD if result.held else EXIT_OK


# --- conflicts ------------------------------------------------------------------------


def cmd_conflicts(args: argparse.Namespace) -> int:
    from app.services.sync import conflicts

    ctx = context(args)
    try:
        if args.conflicts_command == "resolve":
            view = conflicts.resolve(
                ctx, actor(args), args.id, keep=args.keep, moved_to=args.moved_to, note=args.note
            )
            if args.json:
                emit_json(dataclasses.asdict(view))
            else:
                out(tr("Conflict {id} resolved: {decision}", id=view.id, decision=view.decision))
            return EXIT_OK
        rows = conflicts.list_conflicts(ctx, open_only=not args.all)
    finally:
        ctx.close()
    if args.json:
        emit_json([dataclasses.asdict(c) | {"differing": c.differing} for c in rows])
        return EXIT_OK
    if not rows:
        out(tr("No open conflicts."))
        return EXIT_OK
    for c in rows:
        kind = (
            tr("same NIK in two records") if c.kind == "duplicate" else tr("changed on both sides")
        )
        state = c.decision or tr("waiting for a decision")
        out(f"#{c.id} NIK {c.nik}: {kind} ({tr('from')} {c.source} #{c.sequence}, {state})")
        fields = ["reg_no", "name", "birth_date", "sex", "nagari_code", "kecamatan_code", "status"]
        fields += [f for f in c.differing if f not in fields]
        table(
            ["", "A", "B"],
            [[f, str(c.a.get(f, "")), str(c.b.get(f, ""))] for f in fields],
        )
        out("")
    return EXIT_OK


# --- keys -----------------------------------------------------------------------------


def _passphrase(path: str | None, twice: bool) -> str:
    if path:
        return first_line(path)
    first = getpass.getpass(tr("Passphrase: "))
    if twice and getpass.getpass(tr("Passphrase again: ")) != first:
        raise InvalidInput("user.passwords_differ")
    return first


def cmd_keys(args: argparse.Namespace) -> int:
    from app.services import trust

    ctx = context(args)
    try:
        if args.keys_command == "rotate":
            done = trust.rotate_kabupaten_key(ctx, actor(args), Path(args.out))
            if args.json:
                emit_json(
                    {
                        "previous": done.previous,
                        "fingerprint": done.fingerprint,
                        "files": [str(f) for f in done.files],
                    }
                )
                return EXIT_OK
            out(
                tr(
                    "New kabupaten key: fingerprint {fingerprint} (was {previous}).",
                    fingerprint=done.fingerprint,
                    previous=done.previous,
                )
            )
            for f in done.files:
                out(str(f))
            out(
                tr(
                    "Each office accepts the new key only when a supervisor there types its "
                    "fingerprint: lindungi enrol FILE --new-kabupaten-fingerprint "
                    "{fingerprint}. Until then their bundles still open here, and they "
                    "refuse the new receipts.",
                    fingerprint=done.fingerprint,
                )
            )
            return EXIT_OK
        if args.keys_command == "backup":
            path = trust.backup_keys(
                ctx, actor(args), Path(args.out), _passphrase(args.passphrase_file, twice=True)
            )
            out(tr("Key backup written: {path}", path=str(path)))
            out(tr("Keep it and its passphrase in two different places."))
            return EXIT_OK
        fp, changed = trust.restore_keys(
            ctx, actor(args), Path(args.file), _passphrase(args.passphrase_file, twice=False)
        )
    finally:
        ctx.close()
    if changed:
        out(tr("Key restored: fingerprint {fingerprint}", fingerprint=fp))
    else:
        out(
            tr(
                "This key is already in use (fingerprint {fingerprint}); nothing changed.",
                fingerprint=fp,
            )
        )
    return EXIT_OK
