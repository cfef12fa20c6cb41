"""Card commands: cards, reprint, verify-card, card-calibration, handover."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import actor, arg_date, context, emit_json, err, out, table
from app.domain.fmt import format_date
from app.errors import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, InvalidInput
from app.i18n import fmt_decimal, tr
from app.invocation import user_path

if TYPE_CHECKING:
    from app.services.context import Context

LAYOUTS = ["a4", "cr80"]
# Why a participant of a selection got no card (statuses are translated as they are).
SKIPPED = {"foreign": "printed by another install", "never_printed": "no card yet"}


def register(sub: Any) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add this area's subcommands to the parser; returns their handlers."""
    s = sub.add_parser("cards", help=tr("print membership cards to a PDF"))
    s.add_argument("--out", type=user_path, required=True, metavar="FILE.pdf")
    s.add_argument("--layout", choices=LAYOUTS, help=tr("a4: 10 to a sheet; cr80: card printer"))
    who = s.add_mutually_exclusive_group(required=True)
    who.add_argument("--all", action="store_true", help=tr("everyone who may get a card"))
    who.add_argument("--unprinted", action="store_true", help=tr("everyone without a card yet"))
    who.add_argument("--nagari", metavar="X", help=tr("one nagari (code or name)"))
    who.add_argument("--reg", nargs="+", metavar="REG_NO", help=tr("these registration numbers"))
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("reprint", help=tr("print a new version of cards, voiding the old ones"))
    s.add_argument("reg_no", nargs="*", metavar="REG_NO")
    s.add_argument(
        "--kpj-arrived", action="store_true", help=tr("every card printed before its KPJ number")
    )
    s.add_argument("--reason", required=True, metavar="TEXT")
    s.add_argument("--out", type=user_path, required=True, metavar="FILE.pdf")
    s.add_argument("--layout", choices=LAYOUTS)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("verify-card", help=tr("check a card's QR code (what a scanner types)"))
    s.add_argument("payload", metavar="PAYLOAD")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("card-calibration", help=tr("print the printer calibration test page"))
    s.add_argument("--out", type=user_path, metavar="FILE.pdf")
    s.add_argument("--layout", choices=LAYOUTS)
    for side in ("front", "back"):
        s.add_argument(
            f"--measured-{side}",
            nargs=2,
            metavar=("A", "B"),
            help=tr("the measured distances of lines A and B in mm (e.g. 11,5 9)"),
        )

    s = sub.add_parser("handover", help=tr("card handover events"))
    hs = s.add_subparsers(dest="handover_command", metavar="ACTION", required=True)
    h = hs.add_parser("open", help=tr("open an event (supervisor); prints its id"))
    h.add_argument("--place", required=True)
    h.add_argument("--date", metavar="DD/MM/YYYY")
    h.add_argument("--officials", default="", metavar='"TITLE: NAME; …"')
    h.add_argument("--json", action="store_true")
    h = hs.add_parser("give", help=tr("hand over a card, by registration number or QR code"))
    h.add_argument("event", type=int, metavar="EVENT")
    h.add_argument("ref", metavar="REG_NO-or-PAYLOAD")
    h.add_argument("--proxy", default="", metavar="NAME", help=tr("someone collecting it for them"))
    h.add_argument("--json", action="store_true")
    h = hs.add_parser("close", help=tr("close an event (supervisor)"))
    h.add_argument("event", type=int, metavar="EVENT")
    h.add_argument("--json", action="store_true")
    h = hs.add_parser("receipt", help=tr("print an event's receipt list (tanda terima)"))
    h.add_argument("event", type=int, metavar="EVENT")
    h.add_argument("--out", type=user_path, required=True, metavar="FILE.pdf")
    h = hs.add_parser("pending", help=tr("cards printed but not collected yet"))
    h.add_argument("--nagari", metavar="X")
    h.add_argument("--json", action="store_true")
    h = hs.add_parser("list", help=tr("every handover event"))
    h.add_argument("--json", action="store_true")
    return {
        "cards": cmd_cards,
        "reprint": cmd_reprint,
        "verify-card": cmd_verify,
        "card-calibration": cmd_calibration,
        "handover": cmd_handover,
    }


def _nagari_code(ctx: Context, text: str) -> str:
    from app.services.participants import villages_for

    village = ctx.regions.match(text, villages_for(ctx))
    if village is None:
        raise InvalidInput("nagari.outside", nagari=text)
    return str(village.code)


def _progress_printer() -> Callable[[int, int], bool]:
    """Progress on stderr for long jobs at a terminal; silent otherwise."""
    last = [-1]
    tty = sys.stderr is not None and sys.stderr.isatty()

    def report(done: int, total: int) -> bool:
        if tty and total >= 200:
            percent = done * 100 // max(total, 1)
            if percent // 10 != last[0]:
                last[0] = percent // 10
                err(f"{done}/{total}")
        return True

    return report


def _print_result(args: argparse.Namespace, result: Any) -> int:
    if args.json:
        emit_json(
            {
                "path": str(result.path),
                "layout": result.layout,
                "cards": result.cards,
                "new": result.new,
                "copies": result.copies,
                "reprints": result.reprints,
                "pages": result.pages,
                "seconds": round(result.seconds, 3),
                "skipped": [{"reg_no": r, "why": w} for r, w in result.skipped],
                "names_shortened": [{"reg_no": r, "name": n} for r, n in result.cut_names],
            }
        )
        return EXIT_OK
    out(
        tr(
            "{cards} cards ({new} new, {copies} copies, {reprints} reprints), "
            "{pages} pages: {path}",
            cards=result.cards,
            new=result.new,
            copies=result.copies,
            reprints=result.reprints,
            pages=result.pages,
            path=str(result.path),
        )
    )
    if result.skipped:
        out(tr("{count} skipped:", count=len(result.skipped)))
        for reg_no, why in result.skipped[:20]:
            out(f"  {reg_no}: {tr(SKIPPED.get(why, why))}")
    if result.cut_names:
        err(
            tr(
                "{count} names are too long for the card even in small print and were "
                "shortened; check these cards:",
                count=len(result.cut_names),
            )
        )
        for reg_no, name in result.cut_names:
            err(f"  {reg_no}: {name}")
    return EXIT_OK


def cmd_cards(args: argparse.Namespace) -> int:
    from app.services import cards

    ctx = context(args)
    try:
        selection = cards.Selection(
            everyone=args.all,
            unprinted=args.unprinted,
            nagari=_nagari_code(ctx, args.nagari) if args.nagari else None,
            reg_nos=tuple(args.reg or ()),
        )
        result = cards.print_cards(
            ctx,
            actor(args),
            selection,
            Path(args.out),
            layout=args.layout,
            progress=_progress_printer(),
        )
    finally:
        ctx.close()
    return _print_result(args, result)


def cmd_reprint(args: argparse.Namespace) -> int:
    from app.services import cards

    ctx = context(args)
    try:
        reg_nos = list(args.reg_no)
        if args.kpj_arrived:
            reg_nos += [c.reg_no for c in cards.kpj_reprint_candidates(ctx)]
            if not reg_nos:
                out(tr("No card waits for its KPJ number."))
                return EXIT_OK
        if not reg_nos:
            raise InvalidInput("cards.no_selection")
        result = cards.reprint(
            ctx,
            actor(args),
            cards.Selection(reg_nos=tuple(dict.fromkeys(reg_nos))),
            args.reason,
            Path(args.out),
            layout=args.layout,
            progress=_progress_printer(),
        )
    finally:
        ctx.close()
    return _print_result(args, result)


def cmd_verify(args: argparse.Namespace) -> int:
    from app.services.verify import verify

    ctx = context(args)
    try:
        v = verify(ctx, args.payload)
    finally:
        ctx.close()
    if args.json:
        data = dataclasses.asdict(v)
        data["ok"] = v.ok
        data["message"] = v.message()
        emit_json(data)
    else:
        (out if v.ok else err)(v.message())
        details = [
            (tr("Name"), v.name),
            (tr("Registration no."), v.reg_no),
            ("NIK", v.nik),
            (tr("Nagari"), v.nagari),
            (tr("Status"), tr(v.status) if v.status else None),
            ("KPJ", v.kpj),
            (tr("Issued by"), v.issuer),
            (tr("Printed"), v.printed_at.strftime("%d/%m/%Y %H:%M") if v.printed_at else None),
            (tr("Handed over"), v.handed_over),
            (tr("Reprint reason"), v.reason or None),
        ]
        if v.verdict.value in ("genuine", "void"):
            for label, value in details:
                if value:
                    out(f"  {label}: {value}")
    return EXIT_OK if v.ok else EXIT_REFUSED


def cmd_calibration(args: argparse.Namespace) -> int:
    from app.cards.sheets import signed_mm
    from app.services import cards

    measured = {s: getattr(args, f"measured_{s}") for s in ("front", "back")}
    if not args.out and not any(measured.values()):
        err(tr("Give --out FILE.pdf to print the page, or --measured-front/--measured-back."))
        return EXIT_USAGE
    ctx = context(args)
    try:
        # Every measurement is read before any offset is stored.
        read = {s: [cards.parse_mm(t) for t in m] for s, m in measured.items() if m}
        for side, (a, b) in read.items():
            x, y = cards.calibrate(ctx, actor(args), side, a, b, args.layout)
            out(
                tr(
                    "Offsets of the {side}: x {x} mm, y {y} mm (lines measured at {a} and {b} mm)",
                    side=tr(side),
                    x=signed_mm(x),
                    y=signed_mm(y),
                    a=fmt_decimal(a, 1),
                    b=fmt_decimal(b, 1),
                )
            )
        if args.out:
            path = cards.calibration_page(ctx, Path(args.out), args.layout)
            out(tr("Calibration page written: {path}", path=str(path)))
    finally:
        ctx.close()
    return EXIT_OK


def cmd_handover(args: argparse.Namespace) -> int:
    from app.services import handover

    ctx = context(args)
    try:
        action = args.handover_command
        if action == "open":
            date = arg_date(args.date) if args.date else None
            ev = handover.open_event(
                ctx, actor(args), place=args.place, date=date, officials=args.officials
            )
            if args.json:
                emit_json(dataclasses.asdict(ev))
            else:
                out(tr("Handover event #{id} opened", id=ev.id))
        elif action == "give":
            g = handover.give(ctx, actor(args), args.event, args.ref, proxy=args.proxy)
            if args.json:
                emit_json(dataclasses.asdict(g))
            else:
                to = tr("proxy: {name}", name=g.proxy) if g.proxy else tr("in person")
                out(
                    tr(
                        "Handed over: {name} ({reg_no}), serial {serial} version {version}, {to}",
                        name=g.name,
                        reg_no=g.reg_no,
                        serial=g.serial,
                        version=g.version,
                        to=to,
                    )
                )
        elif action == "close":
            ev = handover.close_event(ctx, actor(args), args.event)
            waiting = len(handover.pending(ctx))
            if args.json:
                emit_json(dataclasses.asdict(ev) | {"pending": waiting})
            else:
                out(
                    tr(
                        "Event {id} closed: {given} cards handed over; "
                        "{pending} cards still pending.",
                        id=ev.id,
                        given=ev.given,
                        pending=waiting,
                    )
                )
        elif action == "receipt":
            pages = handover.receipt(ctx, args.event, Path(args.out))
            out(tr("Receipt written ({pages} pages): {path}", pages=pages, path=args.out))
        elif action == "pending":
            nagari = _nagari_code(ctx, args.nagari) if args.nagari else None
            rows = handover.pending(ctx, nagari)
            if args.json:
                emit_json([dataclasses.asdict(r) for r in rows])
            else:
                table(
                    [tr("Registration no."), tr("Name"), tr("Nagari"), tr("Card"), tr("Printed")],
                    [
                        [
                            r.reg_no,
                            r.name,
                            r.nagari,
                            f"{r.serial} v{r.version}",
                            format_date(r.printed_at),
                        ]
                        for r in rows
                    ],
                )
                out(tr("{count} cards pending", count=len(rows)))
        else:  # list
            evs = handover.events(ctx)
            if args.json:
                emit_json([dataclasses.asdict(e) for e in evs])
            else:
                table(
                    ["#", tr("Date"), tr("Place"), tr("Cards handed over"), tr("Status")],
                    [
                        [
                            str(e.id),
                            format_date(e.date),
                            e.place,
                            str(e.given),
                            tr("open") if e.is_open else tr("closed"),
                        ]
                        for e in evs
                    ],
                    right={0, 3},
                )
    finally:
        ctx.close()
    return EXIT_OK
