"""The kabupaten's desk: programme years and quotas, the rate table, budgets and the planner.

One function per user action; each change is one transaction with a history entry. The
budget (:func:`budget_detail`, the only budget engine, used by the CLI, the GUI and the
reports) counts approved, accepted and active participants from their coverage start and
inactive ones until they left, per kecamatan, per funding source and per month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy.orm import Session

from app.domain import budget
from app.domain.participant import (
    COUNTED,
    DEFAULT_INCOME,
    DEFAULT_PROGRAMMES,
    FUNDING,
    OCCUPATIONS,
    Programme,
    Status,
    funding_code,
    occupation_code,
)
from app.domain.rates import ALL_FUNDING, Cohort, RateRule, RateTable
from app.domain.regions import Region
from app.errors import InvalidInput, NotFound, Refused
from app.i18n import render
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import desk as desk_store
from app.store import repo

MIN_YEAR, MAX_YEAR = 2000, 2100


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidInput("budget.year", year=year)


def _log(
    s: Session,
    ctx: Context,
    actor: Actor,
    entity: str,
    entity_id: str,
    action: str,
    changes: dict[str, Any],
) -> None:
    repo.add_history(
        s,
        at=dt.datetime.now(),
        actor=actor.username,
        install_code=ctx.identity.install_code,
        entity=entity,
        entity_id=entity_id,
        action=action,
        changes=changes,
    )


def kecamatan_of(ctx: Context, text: str) -> Region:
    """A kecamatan of this regency by code (``13.03.06``, ``130306``) or name.

    Raises:
        InvalidInput: no such kecamatan in this regency.
    """
    kecs = ctx.regions.kecamatan(ctx.identity.regency)
    found = ctx.regions.get(text)
    if found is None or found not in kecs:
        found = ctx.regions.match(text, kecs)
    if found is None:
        raise InvalidInput(
            "setup.unknown_kecamatan", code=text.strip(), regency=ctx.identity.regency
        )
    return found


def funding_of(text: str) -> str:
    """A funding code from a code or label (``apbd``, ``APB Nagari``).

    Raises:
        InvalidInput: an unknown funding source.
    """
    code = funding_code(text)
    if code is None:
        raise InvalidInput("funding.unknown", value=text)
    return code


# --- programme years and quotas ------------------------------------------------------


@dataclass(frozen=True)
class YearSummary:
    """A programme year and the sum of its quotas, per funding source and in total."""

    year: int
    note: str
    quotas: dict[str, int]
    total: int


@dataclass(frozen=True)
class QuotaRow:
    """A kecamatan's quotas in one year (every kecamatan has a row, even without quota)."""

    code: str
    name: str
    quotas: dict[str, int]

    @property
    def total(self) -> int:
        """All funding sources together."""
        return sum(self.quotas.values())


def list_years(ctx: Context) -> list[YearSummary]:
    """Every programme year with its quota totals, oldest first."""
    with ctx.db.read() as s:
        years = desk_store.years(s)
        rows = desk_store.quota_rows(s)
    out = []
    for year, note in years:
        per: dict[str, int] = {}
        for y, _kec, funding, quota in rows:
            if y == year:
                per[funding] = per.get(funding, 0) + quota
        out.append(YearSummary(year, note, dict(sorted(per.items())), sum(per.values())))
    return out


def year_quotas(ctx: Context, year: int) -> list[QuotaRow]:
    """One row per kecamatan of the regency with its quotas of ``year``.

    Raises:
        NotFound: no such programme year.
    """
    with ctx.db.read() as s:
        if not desk_store.year_exists(s, year):
            raise NotFound("year.not_found", year=year)
        rows = desk_store.quota_rows(s, year)
    per: dict[str, dict[str, int]] = {}
    for _y, kec, funding, quota in rows:
        per.setdefault(kec, {})[funding] = quota
    out = [
        QuotaRow(k.code, k.name, dict(sorted(per.pop(k.code, {}).items())))
        for k in ctx.regions.kecamatan(ctx.identity.regency)
    ]
    for code, quotas in sorted(per.items()):
        region = ctx.regions.get(code)
        out.append(QuotaRow(code, region.name if region else code, quotas))
    return out


def add_year(
    ctx: Context,
    actor: Actor,
    year: int,
    *,
    copy_from: int | None = None,
    funding: str | None = None,
    note: str = "",
) -> YearSummary:
    """Create a programme year, optionally starting from another year's quotas.

    With ``copy_from``, that year's quotas are copied (only those of ``funding`` when it
    is given). Without it, ``funding`` gives every kecamatan a quota of 0 for that source
    so that the editor shows a line to fill in.

    Raises:
        Refused: the actor is not a supervisor, or the year exists.
        NotFound: ``copy_from`` does not exist.
        InvalidInput: a year out of range or an unknown funding source.
    """
    actor.require(Role.SUPERVISOR)
    _check_year(year)
    code = funding_of(funding) if funding else None
    with ctx.db.session() as s:
        if desk_store.year_exists(s, year):
            raise Refused("year.exists", year=year)
        quotas: dict[tuple[str, str], int] = {}
        if copy_from is not None:
            if not desk_store.year_exists(s, copy_from):
                raise NotFound("year.not_found", year=copy_from)
            for _y, kec_code, f, q in desk_store.quota_rows(s, copy_from):
                if code is None or f == code:
                    quotas[(kec_code, f)] = q
        elif code is not None:
            for kec in ctx.regions.kecamatan(ctx.identity.regency):
                quotas[(kec.code, code)] = 0
        repo.add_year(s, year, quotas)
        if note:
            desk_store.set_year_note(s, year, note.strip())
        _log(
            s,
            ctx,
            actor,
            "year",
            str(year),
            "year_add",
            {"copy_from": copy_from, "funding": code, "quotas": len(quotas)},
        )
    return next(y for y in list_years(ctx) if y.year == year)


@dataclass(frozen=True)
class MissingYear:
    """A year that registrations fall in but that has no programme year (and so no quota).

    ``copy_from`` is the newest programme year before it, whose quotas a new year can start
    from; None when there is none.
    """

    year: int
    copy_from: int | None

    def render(self) -> str:
        """The warning with the command that creates the year."""
        if self.copy_from is None:
            return render("year.missing_new", year=self.year)
        return render("year.missing", year=self.year, copy_from=self.copy_from)


def missing_years(ctx: Context, years: Iterable[int]) -> list[MissingYear]:
    """Those of ``years`` that have no programme year, oldest first."""
    with ctx.db.read() as s:
        have = {y for y, _ in desk_store.years(s)}
    out: list[MissingYear] = []
    for year in sorted(set(years) - have):
        earlier = [y for y in have if y < year]
        out.append(MissingYear(year, max(earlier) if earlier else None))
    return out


def missing_year(ctx: Context, year: int) -> MissingYear | None:
    """``year`` when it has no programme year, with the year to copy quotas from."""
    found = missing_years(ctx, [year])
    return found[0] if found else None


def set_quota(
    ctx: Context,
    actor: Actor,
    year: int,
    kecamatan: str,
    quota: int,
    funding: str = "apbd",
) -> tuple[int | None, int]:
    """Set a kecamatan's quota for a year and funding source; returns (old, new).

    Raises:
        Refused: the actor is not a supervisor.
        NotFound: no such programme year.
        InvalidInput: unknown kecamatan or funding source, or a negative quota.
    """
    kec = kecamatan_of(ctx, kecamatan)
    code = funding_of(funding)
    changed = set_quotas(ctx, actor, year, {(kec.code, code): quota})
    return changed.get((kec.code, code), quota), quota


def set_quotas(
    ctx: Context, actor: Actor, year: int, values: dict[tuple[str, str], int]
) -> dict[tuple[str, str], int | None]:
    """Set several quotas of a year at once (the editor's Save), in one transaction.

    ``values`` maps (kecamatan code or name, funding code or label) to the new quota.
    Returns the old value of each quota that changed (None when it is new).

    Raises:
        Refused: the actor is not a supervisor.
        NotFound: no such programme year.
        InvalidInput: unknown kecamatan or funding source, or a negative quota; nothing
            was changed.
    """
    actor.require(Role.SUPERVISOR)
    clean: dict[tuple[str, str], int] = {}
    for (kecamatan, funding), quota in values.items():
        if quota < 0:
            raise InvalidInput("quota.negative", quota=quota)
        clean[(kecamatan_of(ctx, kecamatan).code, funding_of(funding))] = quota
    changed: dict[tuple[str, str], int | None] = {}
    with ctx.db.session() as s:
        if not desk_store.year_exists(s, year):
            raise NotFound("year.not_found", year=year)
        for (kec, code), quota in clean.items():
            old = desk_store.set_quota(s, year, kec, code, quota)
            if old != quota:
                changed[(kec, code)] = old
                _log(
                    s, ctx, actor, "quota", f"{year}/{kec}/{code}", "quota", {"quota": [old, quota]}
                )
    return changed


# --- the rate table ------------------------------------------------------------------


def parse_percent(text: str) -> int:
    """``1``, ``0,5``, ``1.5 %`` → basis points (100, 50, 150).

    Raises:
        InvalidInput: not a percentage between 0 and 100 with at most two decimals.
    """
    cleaned = text.strip().rstrip("%").strip().replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInput("rate.percent", text=text) from None
    bp = value * 100
    if not value.is_finite() or bp != bp.to_integral_value() or not 0 < value <= 100:
        raise InvalidInput("rate.percent", text=text)
    return int(bp)


def parse_funding_list(codes: Sequence[str] | None) -> tuple[str, ...]:
    """Funding codes a rate applies to; none (or ``*``, ``semua``, ``all``) means every one.

    Raises:
        InvalidInput: an unknown funding source.
    """
    out: list[str] = []
    for raw in codes or ():
        for part in raw.split(","):
            part = part.strip()
            if not part:
                continue
            if part.lower() in (ALL_FUNDING, "all", "semua"):
                return (ALL_FUNDING,)
            code = funding_of(part)
            if code not in out:
                out.append(code)
    return tuple(sorted(out, key=list(FUNDING).index)) if out else (ALL_FUNDING,)


def list_rates(ctx: Context) -> list[desk_store.RateRow]:
    """The rate table, in effective order."""
    with ctx.db.read() as s:
        return desk_store.rate_rows(s)


def add_rate(
    ctx: Context,
    actor: Actor,
    *,
    effective_from: dt.date,
    programme: str,
    percent_bp: int | None = None,
    amount: int | None = None,
    min_amount: int | None = None,
    max_amount: int | None = None,
    funding: Sequence[str] | None = None,
    note: str = "",
) -> int:
    """Add a dated rate (a new regulation); returns its id.

    It applies from the month of ``effective_from`` when that is the first of the month,
    else from the next month, and only to the funding sources named (every one if none).

    Raises:
        Refused: the actor is not a supervisor, or the same programme already has a row
            with this date and these funding sources.
        InvalidInput: neither or both of a percentage and an amount, bounds with an amount,
            a minimum above the maximum, unknown programme or funding.
    """
    actor.require(Role.SUPERVISOR)
    try:
        prog = Programme(programme.strip().upper())
    except ValueError:
        raise InvalidInput("programmes.unknown", value=programme) from None
    if (percent_bp is None) == (amount is None):
        raise InvalidInput("rate.rule")
    if amount is not None and (min_amount is not None or max_amount is not None):
        raise InvalidInput("rate.bounds_with_amount")
    for value in (amount, min_amount, max_amount):
        if value is not None and value < 0:
            raise InvalidInput("rate.negative")
    if min_amount is not None and max_amount is not None and min_amount > max_amount:
        raise InvalidInput("rate.min_max", min=min_amount, max=max_amount)
    if not MIN_YEAR <= effective_from.year <= MAX_YEAR:
        raise InvalidInput("budget.year", year=effective_from.year)
    codes = parse_funding_list(funding)
    rule = RateRule(effective_from, prog, percent_bp, amount, min_amount, max_amount, codes)
    with ctx.db.session() as s:
        for row in desk_store.rate_rows(s):
            r = row.rule
            if (
                r.effective_from == rule.effective_from
                and r.programme == rule.programme
                and set(r.funding) == set(rule.funding)
            ):
                raise Refused("rate.duplicate", id=row.id)
        rate_id = desk_store.insert_rate(s, rule, note.strip())
        _log(
            s,
            ctx,
            actor,
            "rate",
            str(rate_id),
            "rate_add",
            {"rule": describe_rule(rule), "from": rule.effective_from, "note": note},
        )
    return rate_id


def remove_rate(ctx: Context, actor: Actor, rate_id: int) -> desk_store.RateRow:
    """Remove a mistyped rate row (the history keeps what it was).

    Raises:
        Refused: the actor is not a supervisor, or it is the last row of its programme.
        NotFound: no such row.
    """
    actor.require(Role.SUPERVISOR)
    with ctx.db.session() as s:
        rows = desk_store.rate_rows(s)
        target = next((r for r in rows if r.id == rate_id), None)
        if target is None:
            raise NotFound("rate.not_found", id=rate_id)
        if sum(1 for r in rows if r.rule.programme == target.rule.programme) == 1:
            raise Refused("rate.last", programme=target.rule.programme.value)
        desk_store.delete_rate(s, rate_id)
        _log(
            s,
            ctx,
            actor,
            "rate",
            str(rate_id),
            "rate_remove",
            {"rule": describe_rule(target.rule), "from": target.rule.effective_from},
        )
    return target


def describe_rule(rule: RateRule) -> str:
    """``1% (min Rp10.000, max Rp207.000)`` or ``Rp6.800``."""
    from app.domain.fmt import format_rupiah

    if rule.amount is not None:
        return format_rupiah(rule.amount)
    assert rule.percent_bp is not None
    text = f"{rule.percent_bp / 100:g}".replace(".", ",") + "%"
    bounds = []
    if rule.min_amount is not None:
        bounds.append(f"min {format_rupiah(rule.min_amount)}")
    if rule.max_amount is not None:
        bounds.append(f"maks {format_rupiah(rule.max_amount)}")
    return f"{text} ({', '.join(bounds)})" if bounds else text


def funding_label(code: str) -> str:
    """``apbd`` → ``APBD Kabupaten``; ``*`` → every source."""
    from app.i18n import tr

    if code == ALL_FUNDING:
        return tr("all sources")
    return FUNDING.get(code, code)


# --- budget --------------------------------------------------------------------------


@dataclass(frozen=True)
class NamedLine:
    """A budget line with its code and display name."""

    code: str
    name: str
    line: budget.Line


@dataclass(frozen=True)
class BudgetDetail:
    """A year's budget per kecamatan, per funding source, per month, and in total."""

    year: int
    months: list[str]
    kecamatan: list[NamedLine]
    funding: list[NamedLine]
    by_kecamatan_funding: dict[tuple[str, str], budget.Line]
    total: budget.Line
    rates: list[desk_store.RateRow] = field(default_factory=list)
    pay_jht: bool = False


def budget_detail(ctx: Context, year: int, months: int | None = None) -> BudgetDetail:
    """The budget of ``year`` split every way the desk reports it.

    Raises:
        InvalidInput: a year or month count out of range.
    """
    _check_year(year)
    if months is not None and not 1 <= months <= 12:
        raise InvalidInput("budget.months", months=months)
    with ctx.db.read() as s:
        rows = desk_store.rate_rows(s)
        groups = repo.cohorts(s, COUNTED, year) + repo.inactive_cohorts(s, year)
    pay_jht = bool(ctx.setting("pay_jht"))
    table = RateTable(r.rule for r in rows)
    b = budget.breakdown(year, groups, table, months, pay_jht)
    kecs = [
        NamedLine(k.code, k.name, b.by_kecamatan.get(k.code, budget.Line()))
        for k in ctx.regions.kecamatan(ctx.identity.regency)
    ]
    known = {k.code for k in kecs}
    for code in sorted(set(b.by_kecamatan) - known):
        region = ctx.regions.get(code)
        kecs.append(NamedLine(code, region.name if region else code, b.by_kecamatan[code]))
    order = list(FUNDING)
    funding = [
        NamedLine(code, funding_label(code), b.by_funding[code])
        for code in sorted(b.by_funding, key=lambda c: (order.index(c) if c in order else 99, c))
    ]
    return BudgetDetail(
        year=year,
        months=b.months,
        kecamatan=kecs,
        funding=funding,
        by_kecamatan_funding=b.by_kecamatan_funding,
        total=b.total,
        rates=rates_in_year(rows, year),
        pay_jht=pay_jht,
    )


def rates_in_year(rows: Sequence[desk_store.RateRow], year: int) -> list[desk_store.RateRow]:
    """The rate rows that set some month of ``year``: in force on 1 January or newer."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    out: list[desk_store.RateRow] = []
    for row in rows:
        r = row.rule
        if r.effective_from > last:
            continue
        if r.effective_from <= first:
            # Superseded before the year starts by a newer row for the same programme
            # and the same sources?
            newer = any(
                o.rule.programme == r.programme
                and o.rule.effective_from <= first
                and o.rule.effective_from > r.effective_from
                and set(o.rule.funding) >= set(r.funding)
                for o in rows
            )
            if newer:
                continue
        out.append(row)
    return out


# --- the planner ---------------------------------------------------------------------


@dataclass(frozen=True)
class PlanView:
    """What the planner answers: the year's money with the register and a planned intake."""

    plan: budget.Plan
    occupation: str | None
    per_nagari: int | None
    nagari_count: int
    start: dt.date
    quota: int | None

    @property
    def year(self) -> int:
        """The planned year."""
        return self.plan.year


def plan(
    ctx: Context,
    year: int,
    add: int,
    *,
    occupation: str | None = None,
    funding: str = "apbd",
    per_nagari: bool = False,
    start: dt.date | None = None,
    income: int = DEFAULT_INCOME,
) -> PlanView:
    """Next year's budget: today's register carried into ``year`` plus ``add`` newcomers.

    The register counts approved, accepted and active participants whose coverage has not
    ended before the year; each newcomer is counted from ``start`` (1 January of the year
    by default) at the declared ``income`` with the default programmes, paid by
    ``funding``. With ``per_nagari``, ``add`` is per nagari and village of the regency
    (for example "two ninik mamak of every nagari").

    Raises:
        InvalidInput: a year out of range, a negative count, an unknown occupation or
            funding source, a start outside the year.
    """
    _check_year(year)
    if add < 0:
        raise InvalidInput("plan.count", count=add)
    if income <= 0:
        raise InvalidInput("income.positive")
    occ = None
    if occupation:
        occ = occupation_code(occupation)
        if occ is None:
            raise InvalidInput("occupation.unknown", value=occupation)
    code = funding_of(funding)
    first = start or dt.date(year, 1, 1)
    if first.year != year:
        raise InvalidInput("plan.start", year=year)
    kecs = ctx.regions.kecamatan(ctx.identity.regency)
    nagari_count = sum(len(ctx.regions.villages(k.code)) for k in kecs)
    added: list[Cohort] = []
    if per_nagari:
        for k in kecs:
            n = add * len(ctx.regions.villages(k.code))
            if n:
                added.append(Cohort(k.code, code, income, DEFAULT_PROGRAMMES, first, None, n))
    elif add:
        added.append(Cohort("", code, income, DEFAULT_PROGRAMMES, first, None, add))
    with ctx.db.read() as s:
        rows = desk_store.rate_rows(s)
        current = repo.cohorts(s, COUNTED, year)
        quota = (
            sum(q for _y, _k, _f, q in desk_store.quota_rows(s, year))
            if desk_store.year_exists(s, year)
            else None
        )
    table = RateTable(r.rule for r in rows)
    result = budget.plan(year, current, added, table, bool(ctx.setting("pay_jht")))
    return PlanView(result, occ, add if per_nagari else None, nagari_count, first, quota)


# --- the dashboard -------------------------------------------------------------------


@dataclass(frozen=True)
class KecamatanBar:
    """A kecamatan's participants in the year against its quota."""

    code: str
    name: str
    participants: int
    quota: int


@dataclass(frozen=True)
class InstallState:
    """An office's exchange with the kabupaten, as the sync tables record it."""

    install_code: str
    days_since_bundle: int | None
    held: int
    conflicts: int


@dataclass(frozen=True)
class Dashboard:
    """What the kabupaten's first screen shows."""

    today: dt.date
    year: int
    kecamatan: list[KecamatanBar]
    statuses: dict[str, int]
    month_total: int
    cards_printed: int | None
    cards_handed_over: int | None
    installs: list[InstallState] | None
    missing: MissingYear | None = None

    @property
    def participants(self) -> int:
        """Participants in the year's count (all kecamatan)."""
        return sum(k.participants for k in self.kecamatan)

    @property
    def quota(self) -> int:
        """The year's quota (all kecamatan)."""
        return sum(k.quota for k in self.kecamatan)


def dashboard_year(ctx: Context, today: dt.date) -> int:
    """The year the dashboard shows: this year, or the newest programme year before it."""
    with ctx.db.read() as s:
        years = [y for y, _ in desk_store.years(s)]
    if today.year in years or not years:
        return today.year
    earlier = [y for y in years if y < today.year]
    return max(earlier) if earlier else today.year


def _counted(s: Session, current: list[Cohort], year: int, today: dt.date) -> dict[str, int]:
    """Participants counted in ``year`` per kecamatan (SQLite's path of the dashboard)."""
    counted: dict[str, int] = {}
    if year == today.year:  # the cohorts already hold the year's count: no second scan
        first = dt.date(year, 1, 1)
        for c in current:
            if c.end is None or c.end >= first:
                counted[c.kecamatan] = counted.get(c.kecamatan, 0) + c.count
        return counted
    per_kec = desk_store.group_counts(s, ["kecamatan"], year=year, statuses=COUNTED)
    return {k: n for k, n in per_kec}


def dashboard(ctx: Context, today: dt.date | None = None) -> Dashboard:
    """Participants per kecamatan against the quota, statuses, cards, offices, this month."""
    today = today or dt.date.today()
    year = dashboard_year(ctx, today)
    with ctx.db.read() as s:
        quotas = desk_store.quota_rows(s, year)
        rows = desk_store.rate_rows(s)
        optional = desk_store.optional_state(s, today)
        if ctx.db.on_server:  # a province's register: one pass over it, not three or four
            statuses, current, inactive, counted = repo.dashboard_cohorts(
                s, COUNTED, today.year, year
            )
        else:
            statuses = dict(desk_store.group_counts(s, ["status"]))
            current = repo.cohorts(s, COUNTED, today.year)
            inactive = repo.inactive_cohorts(s, today.year)
            counted = _counted(s, current, year, today)
    cohorts = current + inactive
    quota: dict[str, int] = {}
    for _y, kec, _f, q in quotas:
        quota[kec] = quota.get(kec, 0) + q
    bars = [
        KecamatanBar(k.code, k.name, counted.get(k.code, 0), quota.get(k.code, 0))
        for k in ctx.regions.kecamatan(ctx.identity.regency)
    ]
    table = RateTable(r.rule for r in rows)
    month = budget.month_total(today, cohorts, table, bool(ctx.setting("pay_jht")))
    return Dashboard(
        today=today,
        year=year,
        kecamatan=bars,
        statuses={st.value: int(statuses.get(st.value, 0)) for st in Status},
        month_total=month,
        cards_printed=optional.cards_printed,
        cards_handed_over=optional.cards_handed_over,
        installs=[
            InstallState(i.install_code, i.days_since_bundle, i.held, i.conflicts)
            for i in optional.installs
        ]
        if optional.installs is not None
        else None,
        missing=missing_year(ctx, today.year),
    )


def occupation_label(code: str | None) -> str:
    """The Indonesian label of an occupation code."""
    return OCCUPATIONS.get(code or "", code or "")
