"""Foundation commands: setup, demo, add, list, check-nik, budget, regions, selftest."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.common import (
    actor,
    arg_status,
    context,
    emit_json,
    err,
    out,
    setting_up,
    status_choices,
    table,
    warn_missing_years,
)
from app.cli.desk import budget_by_funding
from app.cli.participant_args import add_participant_flags, participant_data_from_args
from app.cli.sync import cmd_setup_enrol
from app.domain.fmt import format_date, format_rupiah, mask_nik
from app.domain.install import Role as InstallRole
from app.domain.participant import (
    OCCUPATIONS,
    Sex,
)
from app.errors import EXIT_OK, EXIT_REFUSED, InvalidInput
from app.i18n import fmt_decimal, fmt_int, render, tr
from app.invocation import user_path


def register(sub: Any) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add this area's subcommands to the parser; returns their handlers."""

    s = sub.add_parser("setup", help=tr("set up this data dir as a kecamatan or the kabupaten"))
    s.add_argument("--role", choices=["kecamatan", "kabupaten"], help=tr("needed without --enrol"))
    s.add_argument(
        "--enrol", metavar="FILE", help=tr("set up a kecamatan station from its enrolment file")
    )
    s.add_argument(
        "--reuse-enrolment",
        action="store_true",
        help=tr("set up again from an enrolment file this same PC used before"),
    )
    s.add_argument("--kecamatan", metavar="CODE", help="13.03.06")
    s.add_argument("--station", default="A", metavar="LETTER")
    s.add_argument("--regency", default="13.03", metavar="CODE")
    s.add_argument("--regions", metavar="FILE.csv", help=tr("region table of another regency"))
    s.add_argument(
        "--admin", metavar="NAME", help=tr("first administrator account (default: --user)")
    )
    s.add_argument("--password-file", metavar="F", help=tr("the administrator's password"))
    s.add_argument(
        "--database",
        metavar="postgresql://USER@HOST/DB",
        help=tr("kabupaten only: keep the register on this PostgreSQL server"),
    )
    s.add_argument(
        "--database-password-file",
        metavar="F",
        help=tr("the PostgreSQL user's password (or put it in the --database address)"),
    )
    s.add_argument(
        "--recovery-sheet",
        type=user_path,
        metavar="FILE.pdf",
        help=tr("where to write the recovery sheet (default: beside the data folder)"),
    )

    s = sub.add_parser(
        "demo",
        help=tr("add synthetic participants"),
        description=tr(
            "Add made-up participants (names, NIKs and nagari that look real) to try the "
            "application or measure it; each is marked as demo data in its history."
        ),
    )
    s.add_argument(
        "--participants",
        type=int,
        default=1333,
        metavar="N",
        help=tr("how many to add (default 1333, the programme's size in 2022)"),
    )
    s.add_argument(
        "--seed",
        type=int,
        default=None,
        metavar="S",
        help=tr("any number: the same seed adds the same people again (default: random)"),
    )

    s = sub.add_parser("add", help=tr("register one participant"))
    add_participant_flags(s, required=True)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("list", help=tr("list participants"))
    s.add_argument("--search", default="", metavar="TEXT")
    s.add_argument("--nagari", metavar="X")
    s.add_argument("--status", type=arg_status, metavar=status_choices())
    s.add_argument(
        "--card",
        choices=["unprinted", "pending", "handed"],
        help=tr("card not printed, printed but not handed over, or handed over"),
    )
    s.add_argument("--limit", type=int, metavar="N")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("check-nik", help=tr("what a NIK says, or why it is invalid"))
    s.add_argument("nik")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("budget", help=tr("contributions per kecamatan for a year"))
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--months", type=int, metavar="M")
    s.add_argument("--by-funding", action="store_true", help=tr("also per funding source"))
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("regions", help=tr("the region table"))
    rs = s.add_subparsers(dest="regions_command", metavar="ACTION", required=True)
    ri = rs.add_parser("import", help=tr("load a region table (CSV)"))
    ri.add_argument("file", metavar="FILE.csv")
    rl = rs.add_parser("list", help=tr("the kecamatan and nagari a participant may belong to"))
    rl.add_argument("--kecamatan", metavar="CODE-or-NAME", help=tr("only this kecamatan"))
    rl.add_argument("--json", action="store_true")

    s = sub.add_parser("selftest", help=tr("check that this installation works"))
    s.add_argument("--json", action="store_true")
    return {
        "setup": cmd_setup,
        "demo": cmd_demo,
        "add": cmd_add,
        "list": cmd_list,
        "check-nik": cmd_check_nik,
        "budget": cmd_budget,
        "regions": cmd_regions,
        "selftest": cmd_selftest,
    }


def cmd_setup(args: argparse.Namespace) -> int:
    from app.services import accounts
    from app.services.setup import read_region_file, setup_install

    if args.enrol or not args.role:  # a station set up from its enrolment file (docs/sync.md)
        return cmd_setup_enrol(args)

    regions = read_region_file(Path(args.regions)) if args.regions else None
    from app.cli.signin import first_admin_credentials

    admin, password = first_admin_credentials(args)
    server_url = getattr(args, "database", None)
    with setting_up(args):
        if server_url:
            _check_server_choice(args)
            _attach_server(args)
        try:
            ctx = context(args, set_up=False, sign_in=False)
            try:
                ident = setup_install(
                    ctx,
                    admin,
                    role=InstallRole(args.role),
                    regency=args.regency,
                    kecamatan=args.kecamatan,
                    station=args.station,
                    regions=regions,
                )
                accounts.first_admin(ctx, admin.username, password)
                from app.cli.safety import write_recovery_sheet

                write_recovery_sheet(args, ctx, admin)
            finally:
                ctx.close()
        except BaseException:
            if server_url:  # the server's database as it was found, as the data dir is
                from app.services import server

                server.undo_setup(server_url, _server_password(args))
            raise
    out(
        tr(
            "Set up {code} ({role}) in {path}",
            code=ident.install_code,
            role=ident.role.value,
            path=str(ctx.data_dir),
        )
    )
    return EXIT_OK


def _server_password(args: argparse.Namespace) -> str | None:
    from app.cli.common import first_line

    password_file = getattr(args, "database_password_file", None)
    return first_line(password_file) if password_file else None


def _check_server_choice(args: argparse.Namespace) -> None:
    """Before anything is written: only a kabupaten, a data dir with no register yet, and
    a server that answers with an empty database (app.services.server.check_target)."""
    from app.errors import Refused
    from app.paths import data_dir
    from app.services import server, vault

    if args.role != InstallRole.KABUPATEN.value:
        raise InvalidInput("pg.kecamatan")
    path = data_dir(args.data_dir)
    if server.register_exists(path):
        raise Refused("setup.already", code=vault.label(path, "install") or str(path))
    server.check_url(args.database, _server_password(args))


def _attach_server(args: argparse.Namespace) -> None:
    """The data dir records the server, its password sealed with the register's new key."""
    from app.paths import data_dir
    from app.services import server
    from app.services.context import database_key, ensure_writable

    path = data_dir(args.data_dir)
    ensure_writable(path)
    key = database_key(path)
    assert key is not None  # a new data dir's fresh key
    server.attach(path, args.database, _server_password(args), key)


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services import demo

    ctx = context(args)
    try:
        per = demo.generate(ctx, actor(args), args.participants, seed=args.seed)
        rows = [
            [code, region.name if (region := ctx.regions.get(code)) else "", fmt_int(n)]
            for code, n in sorted(per.items())
        ]
    finally:
        ctx.close()
    out(tr("Added {count} demo participants", count=sum(per.values())))
    table([tr("Kecamatan"), "", tr("Participants")], rows, right={2})
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    from app.services import participants

    ctx = context(args)
    try:
        data = participant_data_from_args(args, ctx)
        result = participants.register(ctx, actor(args), data)
        start = data.coverage_start or participants.default_coverage_start(ctx, dt.date.today())
        warn_missing_years(ctx, [start.year])
    finally:
        ctx.close()
    if args.json:
        emit_json(
            {
                "reg_no": result.reg_no,
                "uuid": result.uuid,
                "status": result.status,
                "warnings": [w.render() for w in result.warnings],
            }
        )
    else:
        out(
            tr(
                "Registered {reg_no} (status {status})",
                reg_no=result.reg_no,
                status=tr(result.status),
            )
        )
        for w in result.warnings:
            out(f"{tr('Warning')}: {w.render()}")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from app.services import participants
    from app.services.participants import villages_for
    from app.store.repo import ListQuery

    ctx = context(args)
    try:
        nagari = None
        if args.nagari:
            village = ctx.regions.match(args.nagari, villages_for(ctx))
            if village is None:
                raise InvalidInput("nagari.outside", nagari=args.nagari)
            nagari = village.code
        query = ListQuery(search=args.search, nagari=nagari, status=args.status, card=args.card)
        ids = participants.search(ctx, query, limit=args.limit)
        total = participants.count(ctx)
        rows = participants.rows(ctx, ids)
    finally:
        ctx.close()
    if args.json:
        emit_json([dataclasses.asdict(r) for r in rows])
        return EXIT_OK
    table(
        [
            tr("Registration no."),
            "NIK",
            tr("Name"),
            tr("Sex"),
            tr("Birth date"),
            tr("Nagari"),
            tr("Occupation"),
            tr("Status"),
            "KPJ",
        ],
        [
            [
                r.reg_no,
                mask_nik(r.nik),
                r.name,
                r.sex,
                format_date(r.birth_date),
                r.nagari,
                OCCUPATIONS.get(r.occupation, r.occupation),
                tr(r.status),
                r.kpj or "",
            ]
            for r in rows
        ],
    )
    out(
        tr(
            "{shown} of {total} participants shown",
            shown=fmt_int(len(rows)),
            total=fmt_int(total),
        )
    )
    return EXIT_OK


def cmd_check_nik(args: argparse.Namespace) -> int:
    from app.services.nik import describe

    d = describe(args.nik)
    r = d.report
    if args.json:
        emit_json(
            {
                "nik": r.nik,
                "valid": r.valid,
                "province": r.province,
                "province_name": d.province_name,
                "regency": f"{r.province}.{r.regency}" if r.valid else "",
                "regency_name": d.regency_name,
                "kecamatan": r.kecamatan_code if r.valid else "",
                "kecamatan_name": d.kecamatan_name,
                "birth_date": r.birth_date,
                "sex": r.sex.value if r.sex else None,
                "serial": r.serial,
                "errors": [
                    {"code": i.code, "message": render(i.code, **i.params)} for i in r.errors
                ],
                "warnings": [
                    {"code": i.code, "message": render(i.code, **i.params)} for i in r.warnings
                ],
            }
        )
        return EXIT_OK if r.valid else EXIT_REFUSED
    if not r.valid:
        err(f"{tr('Invalid')}: {r.nik}")
        for i in r.errors:
            err(f"- {render(i.code, **i.params)}")
        return EXIT_REFUSED
    out(f"{tr('Valid')}: {r.nik}")
    out(f"{tr('Province')}: {r.province} {d.province_name}".rstrip())
    out(f"{tr('Regency')}: {r.province}.{r.regency} {d.regency_name}".rstrip())
    out(f"{tr('Kecamatan')}: {r.kecamatan_code} {d.kecamatan_name}".rstrip())
    out(f"{tr('Birth date')}: {format_date(r.birth_date)}")
    out(
        f"{tr('Sex')}: {r.sex.value if r.sex else ''} "
        f"({tr('male') if r.sex is Sex.L else tr('female')})"
    )
    out(f"{tr('Serial')}: {r.serial}")
    for i in r.warnings:
        out(f"{tr('Warning')}: {render(i.code, **i.params)}")
    return EXIT_OK


def cmd_budget(args: argparse.Namespace) -> int:
    from app.services.desk import budget_detail

    ctx = context(args)
    try:
        detail = budget_detail(ctx, args.year, args.months)
        warn_missing_years(ctx, [args.year])
    finally:
        ctx.close()
    rows = [(k.code, k.name, k.line) for k in detail.kecamatan] + [("*", "", detail.total)]
    if args.json:
        emit_json(
            {
                "year": args.year,
                "months": args.months,
                "rows": [
                    {
                        "kecamatan": code if code != "*" else None,
                        "name": name,
                        "participants": line.participants,
                        "monthly": line.monthly,
                        "total": line.total,
                        "by_month": dict(sorted(line.by_month.items())),
                    }
                    for code, name, line in rows
                ],
            }
        )
        return EXIT_OK
    how = (
        tr("counting {months} months for everyone", months=args.months)
        if args.months
        else tr("each counted from coverage start")
    )
    out(f"{tr('Budget {year}', year=args.year)} ({how})")
    table(
        [tr("Kecamatan"), "", tr("Participants"), tr("Per month"), tr("Year")],
        [
            [
                code if code != "*" else "",
                name if code != "*" else tr("Total"),
                fmt_int(line.participants),
                format_rupiah(line.monthly),
                format_rupiah(line.total),
            ]
            for code, name, line in rows
        ],
        right={2, 3, 4},
    )
    if args.by_funding:
        budget_by_funding(args)
    return EXIT_OK


def cmd_regions(args: argparse.Namespace) -> int:
    from app.services.setup import import_regions, read_region_file

    if args.regions_command == "list":
        return regions_list(args)
    regions = read_region_file(Path(args.file))
    ctx = context(args)
    try:
        count = import_regions(ctx, actor(args), regions)
    finally:
        ctx.close()
    out(tr("Loaded {count} regions", count=count))
    return EXIT_OK


def regions_list(args: argparse.Namespace) -> int:
    """``lindungi regions list``: each kecamatan with its nagari, as ``add --nagari`` takes them."""
    from app.services.desk import kecamatan_of
    from app.services.participants import villages_for

    ctx = context(args)
    try:
        villages = villages_for(ctx)
        kecamatan = ctx.regions.kecamatan(ctx.identity.regency)
        if args.kecamatan:
            kecamatan = [kecamatan_of(ctx, args.kecamatan)]
        groups = [(k, [v for v in villages if v.parent == k.code]) for k in kecamatan]
    finally:
        ctx.close()
    groups = [(k, vs) for k, vs in groups if vs]
    if args.json:
        emit_json(
            [
                {
                    "code": k.code,
                    "name": k.name,
                    "nagari": [{"code": v.code, "name": v.name} for v in vs],
                }
                for k, vs in groups
            ]
        )
        return EXIT_OK
    for k, vs in groups:
        out(f"{k.code}  {tr('Kecamatan')} {k.name} ({fmt_int(len(vs))} nagari)")
        for v in vs:
            out(f"    {v.code}  {v.name}")
    return EXIT_OK


def cmd_selftest(args: argparse.Namespace) -> int:
    from app.services import selftest

    results = selftest.run()
    failed = [r for r in results if not r.ok]
    if args.json:
        emit_json({"passed": not failed, "checks": [dataclasses.asdict(r) for r in results]})
    else:
        for r in results:
            mark = tr("passed") if r.ok else tr("failed").upper()
            seconds = tr("{seconds} s", seconds=fmt_decimal(r.seconds))
            out(f"[{mark:5}] {tr(r.name)}: {r.detail} ({seconds})")
        total = sum(r.seconds for r in results)
        if failed:
            out(tr("{failed} of {count} checks failed", failed=len(failed), count=len(results)))
        else:
            out(
                tr(
                    "All {count} checks passed in {seconds} s",
                    count=len(results),
                    seconds=fmt_decimal(total),
                )
            )
    return EXIT_REFUSED if failed else EXIT_OK
