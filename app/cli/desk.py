"""The kabupaten's desk: years and quotas, rates, the planner, reports, BPJS, dashboard."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app.cli.common import (
    actor,
    arg_date,
    arg_int,
    context,
    emit_json,
    err,
    out,
    table,
    warn_missing_years,
)
from app.domain.fmt import format_date, format_rupiah
from app.errors import EXIT_OK
from app.i18n import fmt_int, tr
from app.invocation import user_path


def register(sub: Any) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add this area's subcommands to the parser; returns their handlers."""
    s = sub.add_parser("year", help=tr("programme years and their quotas"))
    ys = s.add_subparsers(dest="year_command", metavar="ACTION", required=True)
    ya = ys.add_parser("add", help=tr("create a programme year"))
    ya.add_argument("year", type=int)
    ya.add_argument("--copy-from", type=int, metavar="YEAR", help=tr("start from its quotas"))
    ya.add_argument("--funding", metavar="CODE", help=tr("only this funding source"))
    ya.add_argument("--note", default="", metavar="TEXT")
    yq = ys.add_parser("quota", help=tr("set a kecamatan's quota"))
    yq.add_argument("year", type=int)
    yq.add_argument("--kecamatan", required=True, metavar="CODE-or-NAME")
    yq.add_argument("--quota", required=True, metavar="N")
    yq.add_argument("--funding", default="apbd", metavar="CODE")
    yl = ys.add_parser("list", help=tr("programme years with their quotas"))
    yl.add_argument("--json", action="store_true")
    yw = ys.add_parser("show", help=tr("a year's quotas per kecamatan"))
    yw.add_argument("year", type=int)
    yw.add_argument("--json", action="store_true")

    s = sub.add_parser("rates", help=tr("the dated contribution rates"))
    rs = s.add_subparsers(dest="rates_command", metavar="ACTION", required=True)
    ra = rs.add_parser("add", help=tr("add a rate from a date (a new regulation)"))
    ra.add_argument("--from", dest="effective_from", required=True, metavar="DD/MM/YYYY")
    ra.add_argument("--programme", required=True, metavar="JKK|JKM|JHT")
    rule = ra.add_mutually_exclusive_group(required=True)
    rule.add_argument("--percent", metavar="P", help=tr("percent of declared income"))
    rule.add_argument("--amount", metavar="RP", help=tr("flat amount per month"))
    ra.add_argument("--min", dest="min_amount", metavar="RP")
    ra.add_argument("--max", dest="max_amount", metavar="RP")
    ra.add_argument("--funding", action="append", metavar="CODE,…")
    ra.add_argument("--note", default="", metavar="TEXT")
    rl = rs.add_parser("list", help=tr("list the rate table"))
    rl.add_argument("--json", action="store_true")
    rr = rs.add_parser("remove", help=tr("remove a mistyped rate"))
    rr.add_argument("id", type=int)

    s = sub.add_parser("plan", help=tr("next year's budget with a planned intake"))
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--add", required=True, metavar="N", help=tr("new participants"))
    s.add_argument("--occupation", metavar="CODE")
    s.add_argument("--funding", default="apbd", metavar="CODE")
    s.add_argument("--per-nagari", action="store_true", help=tr("N for every nagari"))
    s.add_argument("--start", metavar="DD/MM/YYYY", help=tr("coverage start of newcomers"))
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("report", help=tr("recap, budget or cards report as xlsx or PDF"))
    s.add_argument("--kind", required=True, choices=["recap", "budget", "cards"])
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--out", type=user_path, required=True, metavar="FILE.xlsx|FILE.pdf")

    s = sub.add_parser("bpjs", help=tr("the exchange with BPJS Ketenagakerjaan"))
    bs = s.add_subparsers(dest="bpjs_command", metavar="ACTION", required=True)
    be = bs.add_parser("export", help=tr("participants waiting for a KPJ, as xlsx"))
    be.add_argument("--out", type=user_path, required=True, metavar="FILE.xlsx")
    be.add_argument("--json", action="store_true")
    bi = bs.add_parser(
        "import",
        help=tr("KPJ numbers returned by BPJS"),
        description=tr("KPJ numbers returned by BPJS"),
        epilog=tr(
            "The reply file is the sheet BPJS sends back (xlsx, xls, ods or csv): a\n"
            "header row in its first 15 rows with a NIK column ('NIK', 'No. KTP') and a\n"
            "KPJ column ('No KPJ', 'Nomor Kartu', 'No Peserta'); other columns are\n"
            "ignored. Each row is matched by NIK; a KPJ is 11 digits typed as text (a\n"
            "number that lost its leading zero is reported, never saved). Nothing is\n"
            "saved with --dry-run, and every row's outcome is shown first."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    bi.add_argument("file", metavar="FILE")
    bi.add_argument("--dry-run", action="store_true")
    bi.add_argument("--json", action="store_true")

    s = sub.add_parser("dashboard", help=tr("the kabupaten's figures at a glance"))
    s.add_argument("--json", action="store_true")
    return {
        "year": cmd_year,
        "rates": cmd_rates,
        "plan": cmd_plan,
        "report": cmd_report,
        "bpjs": cmd_bpjs,
        "dashboard": cmd_dashboard,
    }


# --- years ---------------------------------------------------------------------------


def _quota_text(quotas: dict[str, int]) -> str:
    from app.services.desk import funding_label

    return ", ".join(f"{funding_label(k)} {fmt_int(v)}" for k, v in quotas.items())


def cmd_year(args: argparse.Namespace) -> int:
    from app.services import desk

    ctx = context(args)
    try:
        if args.year_command == "add":
            y = desk.add_year(
                ctx,
                actor(args),
                args.year,
                copy_from=args.copy_from,
                funding=args.funding,
                note=args.note,
            )
            out(
                tr(
                    "Programme year {year} created, quota {total}",
                    year=y.year,
                    total=fmt_int(y.total),
                )
            )
        elif args.year_command == "quota":
            old, new = desk.set_quota(
                ctx, actor(args), args.year, args.kecamatan, arg_int(args.quota), args.funding
            )
            kec = desk.kecamatan_of(ctx, args.kecamatan)
            out(
                tr(
                    "Quota {year} of {name} ({funding}): {old} → {new}",
                    year=args.year,
                    name=kec.name,
                    funding=desk.funding_of(args.funding),
                    old="–" if old is None else old,
                    new=new,
                )
            )
        elif args.year_command == "list":
            years = desk.list_years(ctx)
            if args.json:
                emit_json(
                    [
                        {"year": y.year, "note": y.note, "quotas": y.quotas, "total": y.total}
                        for y in years
                    ]
                )
            else:
                table(
                    [tr("Programme year"), tr("Quota"), tr("Per funding source"), tr("Note")],
                    [[str(y.year), fmt_int(y.total), _quota_text(y.quotas), y.note] for y in years],
                    right={1},
                )
        else:
            rows = desk.year_quotas(ctx, args.year)
            sources = sorted({f for r in rows for f in r.quotas})
            if args.json:
                emit_json(
                    {
                        "year": args.year,
                        "kecamatan": [
                            {"code": r.code, "name": r.name, "quotas": r.quotas, "total": r.total}
                            for r in rows
                        ],
                    }
                )
            else:
                table(
                    [tr("Kecamatan"), "", *[desk.funding_label(f) for f in sources], tr("Total")],
                    [
                        [
                            r.code,
                            r.name,
                            *[fmt_int(r.quotas.get(f, 0)) for f in sources],
                            fmt_int(r.total),
                        ]
                        for r in rows
                    ]
                    + [
                        [
                            "",
                            tr("Total"),
                            *[fmt_int(sum(r.quotas.get(f, 0) for r in rows)) for f in sources],
                            fmt_int(sum(r.total for r in rows)),
                        ]
                    ],
                    right=set(range(2, len(sources) + 3)),
                )
    finally:
        ctx.close()
    return EXIT_OK


# --- rates ---------------------------------------------------------------------------


def cmd_rates(args: argparse.Namespace) -> int:
    from app.services import desk

    ctx = context(args)
    try:
        if args.rates_command == "add":
            rate_id = desk.add_rate(
                ctx,
                actor(args),
                effective_from=arg_date(args.effective_from),
                programme=args.programme,
                percent_bp=desk.parse_percent(args.percent) if args.percent else None,
                amount=arg_int(args.amount) if args.amount else None,
                min_amount=arg_int(args.min_amount) if args.min_amount else None,
                max_amount=arg_int(args.max_amount) if args.max_amount else None,
                funding=args.funding,
                note=args.note,
            )
            out(tr("Rate {id} added", id=rate_id))
        elif args.rates_command == "remove":
            row = desk.remove_rate(ctx, actor(args), args.id)
            out(tr("Rate {id} removed", id=row.id))
        else:
            rows = desk.list_rates(ctx)
            if args.json:
                emit_json(
                    [
                        {
                            "id": r.id,
                            "from": r.rule.effective_from,
                            "programme": r.rule.programme.value,
                            "percent_bp": r.rule.percent_bp,
                            "amount": r.rule.amount,
                            "min": r.rule.min_amount,
                            "max": r.rule.max_amount,
                            "funding": list(r.rule.funding),
                            "note": r.note,
                        }
                        for r in rows
                    ]
                )
            else:
                table(
                    [
                        "ID",
                        tr("In force from"),
                        tr("Programme"),
                        tr("Rule"),
                        tr("Funding"),
                        tr("Note"),
                    ],
                    [
                        [
                            str(r.id),
                            format_date(r.rule.effective_from),
                            r.rule.programme.value,
                            desk.describe_rule(r.rule),
                            ",".join(r.rule.funding),
                            r.note,
                        ]
                        for r in rows
                    ],
                )
    finally:
        ctx.close()
    return EXIT_OK


# --- the planner ---------------------------------------------------------------------


def cmd_plan(args: argparse.Namespace) -> int:
    from app.services import desk

    ctx = context(args)
    try:
        view = desk.plan(
            ctx,
            args.year,
            arg_int(args.add),
            occupation=args.occupation,
            funding=args.funding,
            per_nagari=args.per_nagari,
            start=arg_date(args.start) if args.start else None,
        )
    finally:
        ctx.close()
    p = view.plan
    if args.json:
        emit_json(
            {
                "year": p.year,
                "carried": {"participants": p.carried.participants, "total": p.carried.total},
                "added": {
                    "participants": p.added_count,
                    "occupation": view.occupation,
                    "funding": p.added_funding,
                    "per_nagari": view.per_nagari,
                    "start": view.start,
                    "monthly_each": p.added_fee,
                    "total": p.added.total,
                },
                "total": {
                    "participants": p.total.participants,
                    "monthly": p.total.monthly,
                    "total": p.total.total,
                },
                "by_funding": {
                    code: {"participants": line.participants, "total": line.total}
                    for code, line in p.by_funding.items()
                },
                "apbd": p.needed("apbd"),
                "quota": view.quota,
            }
        )
        return EXIT_OK
    out(tr("Plan {year}", year=p.year))
    who = desk.occupation_label(view.occupation) if view.occupation else tr("participants")
    if view.per_nagari is not None:
        out(
            tr(
                "Newcomers: {n} {who} in each of {nagari} nagari = {count}",
                n=view.per_nagari,
                who=who,
                nagari=view.nagari_count,
                count=p.added_count,
            )
        )
    table(
        ["", tr("Participants"), tr("Year")],
        [
            [
                tr("Register carried over"),
                fmt_int(p.carried.participants),
                format_rupiah(p.carried.total),
            ],
            [
                tr("Newcomers from {date}", date=format_date(view.start)),
                fmt_int(p.added_count),
                format_rupiah(p.added.total),
            ],
            [tr("Total"), fmt_int(p.total.participants), format_rupiah(p.total.total)],
        ],
        right={1, 2},
    )
    from app.services.desk import funding_label

    for code, line in p.by_funding.items():
        out(f"{funding_label(code)}: {format_rupiah(line.total)}")
    if view.quota is not None:
        out(tr("Quota of {year}: {quota}", year=p.year, quota=view.quota))
    out(tr("APBD needed for {year}: {money}", year=p.year, money=format_rupiah(p.needed("apbd"))))
    return EXIT_OK


# --- reports -------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace) -> int:
    from app.services import reports

    ctx = context(args)
    try:
        written = reports.export(ctx, actor(args), args.kind, args.year, Path(args.out))
        warn_missing_years(ctx, [args.year])
    finally:
        ctx.close()
    out(tr("Report written to {path}", path=str(written.path)))
    return EXIT_OK


# --- BPJS ----------------------------------------------------------------------------


def _outcome_table(title: str, rows: Sequence[Any]) -> None:
    from app.services.bpjs import as_rows

    if not rows:
        return
    out()
    out(f"{title} ({len(rows)})")
    table(
        [tr("Row"), "NIK", "KPJ", tr("Registration no."), tr("Name"), tr("Reason")],
        [[str(c) for c in r] for r in as_rows(rows)],
        right={0},
    )


def cmd_bpjs(args: argparse.Namespace) -> int:
    from app.services import bpjs

    ctx = context(args)
    try:
        if args.bpjs_command == "export":
            done = bpjs.export(ctx, actor(args), Path(args.out))
            if args.json:
                emit_json({"file": str(done.path), "count": done.count, "columns": done.columns})
            else:
                out(
                    tr(
                        "{count} participants waiting for a KPJ written to {path}",
                        count=done.count,
                        path=str(done.path),
                    )
                )
            return EXIT_OK
        result = bpjs.import_kpj(ctx, actor(args), Path(args.file), dry_run=args.dry_run)
    finally:
        ctx.close()
    if args.json:
        emit_json(bpjs.outcomes_json(result) | {"dry_run": args.dry_run})
        return EXIT_OK
    c = result.counts()
    out(
        tr(
            "{rows} rows: {matched} matched, {unchanged} unchanged, {unmatched} unmatched, "
            "{conflicts} conflicts, {invalid} malformed",
            **{k: v for k, v in c.items() if k != "saved"},
        )
    )
    _outcome_table(tr("Matched"), result.matched)
    _outcome_table(tr("Unmatched"), result.unmatched)
    _outcome_table(tr("Conflicts"), result.conflicts)
    _outcome_table(tr("Malformed"), result.invalid)
    out()
    if args.dry_run:
        out(tr("Dry run: nothing was saved."))
    else:
        out(tr("{saved} KPJ numbers saved; those participants are now active.", saved=c["saved"]))
    return EXIT_OK


# --- dashboard -----------------------------------------------------------------------


def cmd_dashboard(args: argparse.Namespace) -> int:
    import dataclasses

    from app.services import desk

    ctx = context(args)
    try:
        dash = desk.dashboard(ctx)
    finally:
        ctx.close()
    if dash.missing is not None:
        err(f"{tr('Warning')}: {dash.missing.render()}")
    if args.json:
        emit_json(
            dataclasses.asdict(dash) | {"participants": dash.participants, "quota": dash.quota}
        )
        return EXIT_OK
    out(
        tr(
            "Year {year}: {count} participants, quota {quota}",
            year=dash.year,
            count=fmt_int(dash.participants),
            quota=fmt_int(dash.quota),
        )
    )
    table(
        [tr("Kecamatan"), "", tr("Participants"), tr("Quota")],
        [[k.code, k.name, fmt_int(k.participants), fmt_int(k.quota)] for k in dash.kecamatan],
        right={2, 3},
    )
    out(", ".join(f"{tr(k)} {fmt_int(v)}" for k, v in dash.statuses.items()))
    if dash.cards_printed is not None:
        out(
            tr(
                "Cards printed {printed}, handed over {given}",
                printed=dash.cards_printed,
                given=dash.cards_handed_over,
            )
        )
    for i in dash.installs or []:
        days = "–" if i.days_since_bundle is None else str(i.days_since_bundle)
        out(
            tr(
                "{code}: last bundle {days} days ago, {held} held, {conflicts} conflicts",
                code=i.install_code,
                days=days,
                held=i.held,
                conflicts=i.conflicts,
            )
        )
    out(tr("Contributions this month: {money}", money=format_rupiah(dash.month_total)))
    return EXIT_OK


def budget_by_funding(args: argparse.Namespace) -> None:
    """``lindungi budget --by-funding``: the year's contributions per funding source."""
    from app.services import desk

    ctx = context(args)
    try:
        detail = desk.budget_detail(ctx, args.year, args.months)
    finally:
        ctx.close()
    out()
    table(
        [tr("Funding source"), tr("Participants"), tr("Per month"), tr("Year")],
        [
            [
                f.name,
                fmt_int(f.line.participants),
                format_rupiah(f.line.monthly),
                format_rupiah(f.line.total),
            ]
            for f in detail.funding
        ]
        + [
            [
                tr("Total"),
                fmt_int(detail.total.participants),
                format_rupiah(detail.total.monthly),
                format_rupiah(detail.total.total),
            ]
        ],
        right={1, 2, 3},
    )
