"""The budget engine: what a year's participants cost, per kecamatan, funding source and
month, and next year's plan. Money stays in whole rupiah.

The one engine behind the CLI's ``budget``, the desk's screens, the dashboard and the
reports. It counts each group of participants (a :class:`~app.domain.rates.Cohort`) month
by month at that month's rates, so a new rate changes only the months from its effective
date on, and only for the funding sources it names (docs/domain.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from app.domain.participant import Programme
from app.domain.rates import Cohort, RateTable, months_counted


@dataclass
class Line:
    """Participants and money of one group: a kecamatan, a funding source, or everyone.

    ``participants`` counts everyone paid for in at least one month of the year;
    ``monthly`` is one full month at the rates of each one's first counted month; ``total``
    sums every month at that month's rates; ``by_month`` (money) and ``heads`` (people
    paid for) are keyed ``"YYYY-MM"``.
    """

    participants: int = 0
    monthly: int = 0
    total: int = 0
    by_month: dict[str, int] = field(default_factory=dict)
    heads: dict[str, int] = field(default_factory=dict)

    def add(self, count: int, first_fee: int, fees: Sequence[tuple[str, int]]) -> None:
        """Add ``count`` participants who cost ``fees`` (month key, fee of one) each."""
        self.participants += count
        self.monthly += first_fee * count
        for key, fee in fees:
            money = fee * count
            self.total += money
            self.by_month[key] = self.by_month.get(key, 0) + money
            self.heads[key] = self.heads.get(key, 0) + count

    def merge(self, other: Line) -> None:
        """Add another line's participants and money to this one."""
        self.participants += other.participants
        self.monthly += other.monthly
        self.total += other.total
        for key, money in other.by_month.items():
            self.by_month[key] = self.by_month.get(key, 0) + money
        for key, heads in other.heads.items():
            self.heads[key] = self.heads.get(key, 0) + heads


@dataclass
class Breakdown:
    """A year's contributions per kecamatan, per funding source, per both, and in total."""

    year: int
    months: list[str]
    by_kecamatan: dict[str, Line] = field(default_factory=dict)
    by_funding: dict[str, Line] = field(default_factory=dict)
    by_kecamatan_funding: dict[tuple[str, str], Line] = field(default_factory=dict)
    total: Line = field(default_factory=Line)


def month_key(day: dt.date) -> str:
    """``2022-04`` for any day of April 2022."""
    return f"{day.year:04d}-{day.month:02d}"


def year_months(year: int) -> list[str]:
    """The twelve month keys of a year."""
    return [f"{year:04d}-{m:02d}" for m in range(1, 13)]


class FeeCache:
    """``RateTable.monthly`` remembered per (month, income, funding, programmes).

    Thousands of cohorts share a handful of distinct fees; the cache keeps a year's budget
    for 100,000 participants well under a second.
    """

    def __init__(self, table: RateTable, pay_jht: bool) -> None:
        self.table = table
        self.pay_jht = pay_jht
        self._fees: dict[tuple[dt.date, int, str, tuple[Programme, ...]], int] = {}

    def fee(self, month: dt.date, income: int, funding: str, progs: tuple[Programme, ...]) -> int:
        """One participant's contribution for one month."""
        key = (month, income, funding, progs)
        value = self._fees.get(key)
        if value is None:
            value = self.table.monthly(month, income, funding, progs, self.pay_jht)
            self._fees[key] = value
        return value


def breakdown(
    year: int,
    cohorts: Iterable[Cohort],
    table: RateTable,
    months: int | None = None,
    pay_jht: bool = False,
) -> Breakdown:
    """Contributions of ``year`` per kecamatan, funding source, both, and in total.

    Each cohort is counted from its coverage start (or January) to December or the month
    it left; with ``months``, exactly that many months from its first month.
    """
    out = Breakdown(year, year_months(year))
    fees = FeeCache(table, pay_jht)
    # Each cohort is added to its (kecamatan, funding) line only; the other lines are sums
    # of those few lines, which keeps 100,000 participants' budget well under a second.
    pairs = out.by_kecamatan_funding
    for c in cohorts:
        counted = months_counted(year, c.start, c.end, months)
        if not counted:
            continue
        per_month = [
            (month_key(m), fees.fee(m, c.income, c.funding, c.programmes)) for m in counted
        ]
        line = pairs.get((c.kecamatan, c.funding))
        if line is None:
            line = pairs[(c.kecamatan, c.funding)] = Line()
        line.add(c.count, per_month[0][1], per_month)
    for (kec, funding), line in pairs.items():
        for target in (
            out.by_kecamatan.setdefault(kec, Line()),
            out.by_funding.setdefault(funding, Line()),
            out.total,
        ):
            target.merge(line)
    return out


def month_total(
    month: dt.date, cohorts: Iterable[Cohort], table: RateTable, pay_jht: bool = False
) -> int:
    """What the counted participants cost in one month (the dashboard's figure)."""
    first = month.replace(day=1)
    fees = FeeCache(table, pay_jht)
    total = 0
    for c in cohorts:
        if c.start.replace(day=1) > first:
            continue
        if c.end is not None and c.end.replace(day=1) < first:
            continue
        total += fees.fee(first, c.income, c.funding, c.programmes) * c.count
    return total


# --- the planner ---------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """Next year's money: the register carried into the year plus a planned intake."""

    year: int
    carried: Line
    added: Line
    total: Line
    by_funding: dict[str, Line]
    added_count: int
    added_fee: int  # one new participant's first month
    added_funding: str

    def needed(self, funding: str) -> int:
        """The budget one funding source needs for the year (e.g. ``apbd``)."""
        line = self.by_funding.get(funding)
        return line.total if line else 0


def carry_into(year: int, cohorts: Iterable[Cohort]) -> list[Cohort]:
    """The cohorts still covered in ``year``: coverage not ended before it starts."""
    start = dt.date(year, 1, 1)
    return [c for c in cohorts if c.end is None or c.end >= start]


def plan(
    year: int,
    current: Iterable[Cohort],
    added: Sequence[Cohort],
    table: RateTable,
    pay_jht: bool = False,
) -> Plan:
    """The budget of ``year`` for today's register carried over plus ``added`` cohorts."""
    carried = breakdown(year, carry_into(year, current), table, pay_jht=pay_jht)
    new = breakdown(year, added, table, pay_jht=pay_jht)
    total = Line()
    by_funding: dict[str, Line] = {}
    for part in (carried, new):
        for funding, line in part.by_funding.items():
            by_funding.setdefault(funding, Line()).merge(line)
            total.merge(line)
    count = sum(c.count for c in added)
    fee = 0
    if added:
        c = added[0]
        first = max(c.start.replace(day=1), dt.date(year, 1, 1))
        fee = table.monthly(first, c.income, c.funding, c.programmes, pay_jht)
    return Plan(
        year=year,
        carried=carried.total,
        added=new.total,
        total=total,
        by_funding=dict(sorted(by_funding.items())),
        added_count=count,
        added_fee=fee,
        added_funding=added[0].funding if added else "",
    )
