"""The command line: each subcommand parses, calls one service, prints the result.

Non-GUI commands never import Qt. Exit codes follow ARCHITECTURE.md: 0 done, 1 refused,
2 usage, 3 held, 70 a bug. ``--json`` writes UTF-8 JSON to stdout; errors go to stderr.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

from app import __version__
from app.domain.fmt import format_date, format_rupiah, mask_nik, parse_date
from app.domain.install import Role as InstallRole
from app.domain.participant import (
    DEFAULT_INCOME,
    DEFAULT_PROGRAMMES,
    OCCUPATIONS,
    ParticipantData,
    Sex,
    clean_phone,
    funding_code,
    occupation_code,
    parse_programmes,
    parse_sex,
)
from app.errors import EXIT_OK, EXIT_REFUSED, AppError, InvalidInput, ValidationFailed
from app.i18n import render, tr

# --- argparse in Indonesian -----------------------------------------------------------

_ARGPARSE_ID = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "memerlukan satu nilai",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "subcommands": "subperintah",
}


def _argparse_text(message: str) -> str:
    from app.i18n import language

    return _ARGPARSE_ID.get(message, message) if language() == "id" else message


argparse._ = _argparse_text  # type: ignore[attr-defined]  # argparse looks `_` up at call time


class _Parser(argparse.ArgumentParser):
    """Exits with code 2 on usage errors, printing in the chosen language."""


def _date(text: str) -> dt.date:
    try:
        return parse_date(text)
    except ValueError:
        raise InvalidInput("date.invalid", text=text) from None


def _int(text: str) -> int:
    cleaned = text.replace(".", "").replace(",", "").replace("Rp", "").strip()
    if not cleaned.isdigit():
        raise InvalidInput("number.invalid", text=text)
    return int(cleaned)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; global options come before the subcommand."""
    p = _Parser(prog="lindungi", description=tr("Lindungi: offline registry of informal workers"))
    p.add_argument("--version", action="version", version=f"Lindungi {__version__}")
    p.add_argument("--data-dir", metavar="DIR", help=tr("data folder (beats LINDUNGI_DATA_DIR)"))
    p.add_argument("--lang", choices=["id", "en"], help=tr("language of messages (default id)"))
    p.add_argument("--demo", action="store_true", help=tr("start the GUI on fresh demo data"))
    p.add_argument("--verbose", action="store_true", help=tr("also log to the console"))
    sub = p.add_subparsers(dest="command", metavar="COMMAND", title=tr("commands"))

    s = sub.add_parser("setup", help=tr("set up this data dir as a kecamatan or the kabupaten"))
    s.add_argument("--role", required=True, choices=["kecamatan", "kabupaten"])
    s.add_argument("--kecamatan", metavar="CODE", help="13.03.06")
    s.add_argument("--station", default="A", metavar="LETTER")
    s.add_argument("--regency", default="13.03", metavar="CODE")
    s.add_argument("--regions", metavar="FILE.csv", help=tr("region table of another regency"))

    s = sub.add_parser("demo", help=tr("add synthetic participants"))
    s.add_argument("--participants", type=int, default=1333, metavar="N")
    s.add_argument("--seed", type=int, default=None, metavar="S")

    s = sub.add_parser("add", help=tr("register one participant"))
    s.add_argument("--nik", required=True)
    s.add_argument("--name", required=True)
    s.add_argument("--birth-place", required=True)
    s.add_argument("--birth-date", required=True, metavar="DD/MM/YYYY")
    s.add_argument("--sex", required=True, metavar="L|P")
    s.add_argument("--nagari", required=True, metavar="CODE-or-NAME")
    s.add_argument("--occupation", required=True, metavar="CODE-or-LABEL")
    s.add_argument("--address", default="")
    s.add_argument("--jorong", default="")
    s.add_argument("--phone", default="")
    s.add_argument("--income", default=str(DEFAULT_INCOME), metavar="RP")
    s.add_argument("--funding", default="apbd")
    s.add_argument("--programmes", default=",".join(p.value for p in DEFAULT_PROGRAMMES))
    s.add_argument("--coverage-start", metavar="DD/MM/YYYY")
    s.add_argument("--override-reason", default="", metavar="TEXT")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("list", help=tr("list participants"))
    s.add_argument("--search", default="", metavar="TEXT")
    s.add_argument("--nagari", metavar="X")
    s.add_argument("--status", choices=["draft", "approved", "accepted", "active", "inactive"])
    s.add_argument("--limit", type=int, metavar="N")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("check-nik", help=tr("what a NIK says, or why it is invalid"))
    s.add_argument("nik")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("budget", help=tr("contributions per kecamatan for a year"))
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--months", type=int, metavar="M")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("regions", help=tr("the region table"))
    rs = s.add_subparsers(dest="regions_command", metavar="ACTION", required=True)
    ri = rs.add_parser("import", help=tr("load a region table (CSV)"))
    ri.add_argument("file", metavar="FILE.csv")

    s = sub.add_parser("selftest", help=tr("check that this installation works"))
    s.add_argument("--json", action="store_true")
    return p


# --- output ---------------------------------------------------------------------------


def _out(text: str = "") -> None:
    if sys.stdout is not None:
        print(text)


def _err(text: str) -> None:
    if sys.stderr is not None:
        print(text, file=sys.stderr)


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, Path):
        return str(value)
    raise TypeError(type(value).__name__)


def _json(obj: Any) -> None:
    if sys.stdout is None:
        return
    text = json.dumps(obj, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n") if hasattr(
        sys.stdout, "buffer"
    ) else print(text)
    sys.stdout.flush()


def _table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right: Collection[int] = ()
) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=False)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            (str(c).rjust(w) if i in right else str(c).ljust(w))
            for i, (c, w) in enumerate(zip(cells, widths, strict=False))
        ).rstrip()

    _out(line(headers))
    _out("  ".join("-" * w for w in widths))
    for r in rows:
        _out(line(r))


# --- commands -------------------------------------------------------------------------


def _ctx(args: argparse.Namespace) -> Any:
    from app.paths import data_dir
    from app.services.context import open_data_dir

    return open_data_dir(data_dir(args.data_dir))


def cmd_setup(args: argparse.Namespace) -> int:
    from app.services.actor import CLI_ADMIN
    from app.services.setup import read_region_file, setup_install

    regions = read_region_file(Path(args.regions)) if args.regions else None
    ctx = _ctx(args)
    try:
        ident = setup_install(
            ctx,
            CLI_ADMIN,
            role=InstallRole(args.role),
            regency=args.regency,
            kecamatan=args.kecamatan,
            station=args.station,
            regions=regions,
        )
    finally:
        ctx.close()
    _out(
        tr(
            "Set up {code} ({role}) in {path}",
            code=ident.install_code,
            role=ident.role.value,
            path=str(ctx.data_dir),
        )
    )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services import demo
    from app.services.actor import CLI_ADMIN

    ctx = _ctx(args)
    try:
        per = demo.generate(ctx, CLI_ADMIN, args.participants, seed=args.seed)
        rows = [
            [code, ctx.regions.get(code).name if ctx.regions.get(code) else "", str(n)]
            for code, n in sorted(per.items())
        ]
    finally:
        ctx.close()
    _out(tr("Added {count} demo participants", count=sum(per.values())))
    _table([tr("Kecamatan"), "", tr("Participants")], rows, right={2})
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
        income = _int(args.income)
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
    from app.services.actor import CLI_ADMIN

    ctx = _ctx(args)
    try:
        data = participant_data_from_args(args, ctx)
        result = participants.register(ctx, CLI_ADMIN, data)
    finally:
        ctx.close()
    if args.json:
        _json(
            {
                "reg_no": result.reg_no,
                "uuid": result.uuid,
                "status": result.status,
                "warnings": [w.render() for w in result.warnings],
            }
        )
    else:
        _out(
            tr(
                "Registered {reg_no} (status {status})",
                reg_no=result.reg_no,
                status=tr(result.status),
            )
        )
        for w in result.warnings:
            _out(f"{tr('Warning')}: {w.render()}")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from app.services import participants
    from app.services.participants import villages_for
    from app.store.repo import ListQuery

    ctx = _ctx(args)
    try:
        nagari = None
        if args.nagari:
            village = ctx.regions.match(args.nagari, villages_for(ctx))
            if village is None:
                raise InvalidInput("nagari.outside", nagari=args.nagari)
            nagari = village.code
        query = ListQuery(search=args.search, nagari=nagari, status=args.status)
        ids = participants.search(ctx, query, limit=args.limit)
        total = participants.count(ctx)
        rows = participants.rows(ctx, ids)
    finally:
        ctx.close()
    if args.json:
        _json([dataclasses.asdict(r) for r in rows])
        return EXIT_OK
    _table(
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
    _out(tr("{shown} of {total} participants shown", shown=len(rows), total=total))
    return EXIT_OK


def cmd_check_nik(args: argparse.Namespace) -> int:
    from app.services.nik import describe

    d = describe(args.nik)
    r = d.report
    if args.json:
        _json(
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
        _err(f"{tr('Invalid')}: {r.nik}")
        for i in r.errors:
            _err(f"- {render(i.code, **i.params)}")
        return EXIT_REFUSED
    _out(f"{tr('Valid')}: {r.nik}")
    _out(f"{tr('Province')}: {r.province} {d.province_name}".rstrip())
    _out(f"{tr('Regency')}: {r.province}.{r.regency} {d.regency_name}".rstrip())
    _out(f"{tr('Kecamatan')}: {r.kecamatan_code} {d.kecamatan_name}".rstrip())
    _out(f"{tr('Birth date')}: {format_date(r.birth_date)}")
    _out(
        f"{tr('Sex')}: {r.sex.value if r.sex else ''} "
        f"({tr('male') if r.sex is Sex.L else tr('female')})"
    )
    _out(f"{tr('Serial')}: {r.serial}")
    for i in r.warnings:
        _out(f"{tr('Warning')}: {render(i.code, **i.params)}")
    return EXIT_OK


def cmd_budget(args: argparse.Namespace) -> int:
    from app.services.budget import year_budget

    ctx = _ctx(args)
    try:
        rows = year_budget(ctx, args.year, args.months)
    finally:
        ctx.close()
    if args.json:
        _json(
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
    _out(f"{tr('Budget {year}', year=args.year)} ({how})")
    _table(
        [tr("Kecamatan"), "", tr("Participants"), tr("Per month"), tr("Year")],
        [
            [
                r.code if r.code != "*" else "",
                r.name if r.code != "*" else tr("Total"),
                str(r.participants),
                format_rupiah(r.monthly),
                format_rupiah(r.total),
            ]
            for r in rows
        ],
        right={2, 3, 4},
    )
    return EXIT_OK


def cmd_regions(args: argparse.Namespace) -> int:
    from app.services.actor import CLI_ADMIN
    from app.services.setup import import_regions, read_region_file

    regions = read_region_file(Path(args.file))
    ctx = _ctx(args)
    try:
        count = import_regions(ctx, CLI_ADMIN, regions)
    finally:
        ctx.close()
    _out(tr("Loaded {count} regions", count=count))
    return EXIT_OK


def cmd_selftest(args: argparse.Namespace) -> int:
    from app.services import selftest

    results = selftest.run()
    failed = [r for r in results if not r.ok]
    if args.json:
        _json({"passed": not failed, "checks": [dataclasses.asdict(r) for r in results]})
    else:
        for r in results:
            mark = tr("passed") if r.ok else tr("failed").upper()
            _out(f"[{mark:5}] {r.name}: {r.detail} ({r.seconds:.2f} s)")
        total = sum(r.seconds for r in results)
        if failed:
            _out(tr("{failed} of {count} checks failed", failed=len(failed), count=len(results)))
        else:
            _out(
                tr(
                    "All {count} checks passed in {seconds} s",
                    count=len(results),
                    seconds=f"{total:.2f}",
                )
            )
    return EXIT_REFUSED if failed else EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "setup": cmd_setup,
    "demo": cmd_demo,
    "add": cmd_add,
    "list": cmd_list,
    "check-nik": cmd_check_nik,
    "budget": cmd_budget,
    "regions": cmd_regions,
    "selftest": cmd_selftest,
}


def run(args: argparse.Namespace) -> int:
    """Run one subcommand; expected failures print their message and return their exit code."""
    try:
        return COMMANDS[args.command](args)
    except ValidationFailed as exc:
        for problem in exc.problems:
            _err(f"{tr('Error')} [{problem.field}]: {problem.render()}")
        return exc.exit_code
    except AppError as exc:
        _err(f"{tr('Error')}: {exc}")
        return exc.exit_code
