"""The flags of ``add`` and ``edit``, and their parsing into participant data."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from app.cli.common import arg_int
from app.domain.fmt import parse_date
from app.domain.participant import (
    DEFAULT_INCOME,
    DEFAULT_PROGRAMMES,
    FUNDING,
    OCCUPATIONS,
    ParticipantData,
    clean_phone,
    funding_code,
    occupation_code,
    parse_programmes,
    parse_sex,
)
from app.errors import InvalidInput, Problem, ValidationFailed
from app.i18n import tr

if TYPE_CHECKING:
    from app.services.context import Context


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
        default=None,
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


def participant_data_from_args(args: argparse.Namespace, ctx: Context) -> ParticipantData:
    """Turn the flags of ``add`` into a participant, refusing unparseable values."""
    # Services load when a command runs: the command line starts without SQLAlchemy.
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
    income: int | None = None  # the service's default when not given
    if args.income:
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
