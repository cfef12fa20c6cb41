"""Foundation commands: setup, demo, add, list, check-nik, budget, regions, selftest."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import actor, arg_int, context, emit_json, err, out, table
from app.domain.fmt import format_date, format_rupiah, mask_nik, parse_date
from app.domain.install import Role as InstallRole
from app.domain.participant import (
    DEFAULT_INCOME,
    DEFAULT_PROGRAMMES,
    FUNDING,
    OCCUPATIONS,
    ParticipantData,
    Sex,
    clean_phone,
    funding_code,
    occupation_code,
    parse_programmes,
    parse_sex,
)
from app.errors import EXIT_OK, EXIT_REFUSED, InvalidInput, ValidationFailed
from app.i18n import fmt_decimal, fmt_int, render, tr

if TYPE_CHECKING:
    from app.services.actor import Actor


def add_participant_flags(s: argparse.ArgumentParser, required: bool) -> None:
    """The flags of ``add`` (and of ``edit``, where none is required)."""
    occupations = ", ".join(OCCUPATIONS)
    funding = ", ".join(FUNDING)
    s.add_argument("--nik", required=required, help=tr("16 digits"))
    s.add_argument("--name", required=required, help=tr("as on the KTP"))
    s.add_argument("--birth-place", required=required)
    s.add_argument("--birth-date", required=required, metavar="DD/MM/YYYY")
    s.add_argument("--sex", required=required, metavar="L|P")
    s.add_argument(
        "--nagari",
        required=required,
        metavar="CODE-or-NAME",
        help=tr("code (13.03.06.2004) or name; see `lindungi regions`"),
    )
    s.add_argument(
        "--occupation",
        required=required,
        metavar="CODE-or-LABEL",
        help=tr("one of: {codes}", codes=occupations),
    )
    s.add_argument("--address", default="" if required else None)
    s.add_argument("--jorong", default="" if required else None)
    s.add_argument("--phone", default="" if required else None)
    s.add_argument(
        "--income",
        default=str(DEFAULT_INCOME) if required else None,
        metavar="RP",
        help=tr("monthly income in rupiah (default {amount})", amount=DEFAULT_INCOME),
    )
    s.add_argument(
        "--funding",
        default="apbd" if required else None,
        metavar="CODE",
        help=tr("who pays: {codes} (default apbd)", codes=funding),
    )
    s.add_argument(
        "--programmes",
        default=",".join(p.value for p in DEFAULT_PROGRAMMES) if required else None,
        metavar="JKK,JKM[,JHT]",
        help=tr("BPJS programmes, separated by commas (default JKK,JKM)"),
    )
    s.add_argument("--coverage-start", metavar="DD/MM/YYYY")
    s.add_argument(
        "--override-reason",
        default="",
        metavar="TEXT",
        help=tr("a supervisor's reason to save despite a warning (recorded)"),
    )


def register(sub: Any) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add this area's subcommands to the parser; returns their handlers."""

    s = sub.add_parser("setup", help=tr("set up this data dir as a kecamatan or the kabupaten"))
    s.add_argument("--role", choices=["kecamatan", "kabupaten"], help=tr("needed without --enrol"))
    s.add_argument(
        "--enrol", metavar="FILE", help=tr("set up a kecamatan station from its enrolment file")
    )
    s.add_argument("--kecamatan", metavar="CODE", help="13.03.06")
    s.add_argument("--station", default="A", metavar="LETTER")
    s.add_argument("--regency", default="13.03", metavar="CODE")
    s.add_argument("--regions", metavar="FILE.csv", help=tr("region table of another regency"))
    s.add_argument(
        "--admin", metavar="NAME", help=tr("first administrator account (default: --user)")
    )
    s.add_argument("--password-file", metavar="F", help=tr("the administrator's password"))

    s = sub.add_parser("demo", help=tr("add synthetic participants"))
    s.add_argument("--participants", type=int, default=1333, metavar="N")
    s.add_argument("--seed", type=int, default=None, metavar="S")

    s = sub.add_parser("add", help=tr("register one participant"))
    add_participant_flags(s, required=True)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("list", help=tr("list participants"))
    s.add_argument("--search", default="", metavar="TEXT")
    s.add_argument("--nagari", metavar="X")
    s.add_argument("--status", choices=["draft", "approved", "accepted", "active", "inactive"])
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

    if args.enrol or not args.role:  # issue 6: a station set up from its enrolment file
        from app.cli.sync import cmd_setup_enrol

        return cmd_setup_enrol(args)

    regions = read_region_file(Path(args.regions)) if args.regions else None
    admin, password = first_admin_credentials(args)
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
    return EXIT_OK


def first_admin_credentials(args: argparse.Namespace) -> tuple[Actor, str]:
    """The first administrator that ``setup`` creates: ``--admin`` or else ``--user``, the
    password from ``setup --password-file``, the sign-in password file, LINDUNGI_PASSWORD,
    or typed twice at the terminal; checked before anything is written.

    Raises:
        InvalidInput: no name (``setup.admin_needed``), or a name or password that breaks
            the rules.
    """
    import os

    from app.cli.registration import read_password
    from app.cli.signin import PASSWORD_ENV, account_name
    from app.services import accounts
    from app.services.actor import Actor, Role

    name = (args.admin or account_name(args)).strip().lower()
    if not name:
        raise InvalidInput("setup.admin_needed")
    file = args.password_file or getattr(args, "signin_password_file", None)
    env = os.environ.get(PASSWORD_ENV)
    password = env if env and not file else read_password(file)
    return Actor(accounts.validate_new(name, password), Role.ADMIN), password


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services import demo

    ctx = context(args)
    try:
        per = demo.generate(ctx, actor(args), args.participants, seed=args.seed)
        rows = [
            [code, ctx.regions.get(code).name if ctx.regions.get(code) else "", str(n)]
            for code, n in sorted(per.items())
        ]
    finally:
        ctx.close()
    out(tr("Added {count} demo participants", count=sum(per.values())))
    table([tr("Kecamatan"), "", tr("Participants")], rows, right={2})
    return EXIT_OK


def participant_data_from_args(args: argparse.Namespace, ctx: Any) -> ParticipantData:
    """Turn the flags of ``add`` into a participant, refusing unparseable values."""
    from app.errors import Problem
    from app.services.participants import villages_for

    problems: list[Problem] = []
    sex = parse_sex(args.sex)
    if sex is None:
        problems.append(Problem("sex", "sex.invalid", text=args.sex))
    birth: dt.date | None = None
    try:
        birth = parse_date(args.birth_date)
    except ValueError:
        problems.append(Problem("birth_date", "date.invalid", text=args.birth_date))
    coverage: dt.date | None = None
    if args.coverage_start:
        try:
            coverage = parse_date(args.coverage_start)
        except ValueError:
            problems.append(Problem("coverage_start", "date.invalid", text=args.coverage_start))
    village = ctx.regions.match(args.nagari, villages_for(ctx))
    if village is None:
        problems.append(Problem("nagari", "nagari.outside", nagari=args.nagari))
    occupation = occupation_code(args.occupation)
    if occupation is None:
        problems.append(Problem("occupation", "occupation.unknown", value=args.occupation))
    funding = funding_code(args.funding)
    if funding is None:
        problems.append(Problem("funding", "funding.unknown", value=args.funding))
    programmes = parse_programmes(args.programmes)
    if programmes is None:
        problems.append(Problem("programmes", "programmes.unknown", value=args.programmes))
    income = DEFAULT_INCOME
    try:
        income = arg_int(args.income)
    except InvalidInput:
        problems.append(Problem("income", "number.invalid", text=args.income))
    if problems:
        raise ValidationFailed(problems)
    assert sex is not None and birth is not None and village is not None
    assert occupation is not None and funding is not None and programmes is not None
    return ParticipantData(
        nik=args.nik,
        name=args.name,
        birth_place=args.birth_place,
        birth_date=birth,
        sex=sex,
        nagari_code=village.code,
        occupation=occupation,
        address=args.address,
        jorong=args.jorong,
        phone=clean_phone(args.phone),
        income=income,
        funding=funding,
        programmes=programmes,
        coverage_start=coverage,
        override_reason=args.override_reason,
    )


def cmd_add(args: argparse.Namespace) -> int:
    from app.services import participants

    ctx = context(args)
    try:
        data = participant_data_from_args(args, ctx)
        result = participants.register(ctx, actor(args), data)
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
    from app.services.budget import year_budget

    ctx = context(args)
    try:
        rows = year_budget(ctx, args.year, args.months)
    finally:
        ctx.close()
    if args.json:
        emit_json(
            {
                "year": args.year,
                "months": args.months,
                "rows": [
                    {
                        "kecamatan": r.code if r.code != "*" else None,
                        "name": r.name,
                        "participants": r.participants,
                        "monthly": r.monthly,
                        "total": r.total,
                        "by_month": r.by_month,
                    }
                    for r in rows
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
                r.code if r.code != "*" else "",
                r.name if r.code != "*" else tr("Total"),
                fmt_int(r.participants),
                format_rupiah(r.monthly),
                format_rupiah(r.total),
            ]
            for r in rows
        ],
        right={2, 3, 4},
    )
    if args.by_funding:
        from app.cli.desk import budget_by_funding

        budget_by_funding(args)
    return EXIT_OK


def cmd_regions(args: argparse.Namespace) -> int:
    from app.services.setup import import_regions, read_region_file

    regions = read_region_file(Path(args.file))
    ctx = context(args)
    try:
        count = import_regions(ctx, actor(args), regions)
    finally:
        ctx.close()
    out(tr("Loaded {count} regions", count=count))
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
