"""Contributions (iuran) from a dated rate table, and budgets built from them.

Rates change by government regulation, so they are rows with an effective date, a programme,
a rule (a percentage of declared income with bounds, or a flat amount) and the funding
sources they apply to; never constants.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain.participant import Programme

ALL_FUNDING = "*"


@dataclass(frozen=True)
class RateRule:
    """One row of the rate table.

    ``percent_bp`` is in basis points (1 % = 100) so that money stays in whole integers.
    ``funding`` is a tuple of funding codes, or ``("*",)`` for every source.
    """

    effective_from: dt.date
    programme: Programme
    percent_bp: int | None = None
    amount: int | None = None
    min_amount: int | None = None
    max_amount: int | None = None
    funding: tuple[str, ...] = (ALL_FUNDING,)

    def applies_to(self, funding: str) -> bool:
        """True when this row covers participants of this funding source."""
        return ALL_FUNDING in self.funding or funding in self.funding

    def contribution(self, income: int) -> int:
        """The monthly contribution in whole rupiah for a declared income."""
        if self.amount is not None:
            return self.amount
        assert self.percent_bp is not None
        value = (income * self.percent_bp + 5000) // 10000  # round half up
        if self.min_amount is not None:
            value = max(value, self.min_amount)
        if self.max_amount is not None:
            value = min(value, self.max_amount)
        return value


def default_rates() -> list[RateRule]:
    """PP 44/2015 as amended: JKK 1 % of declared income (Rp10.000–Rp207.000), JKM Rp6.800."""
    start = dt.date(2015, 7, 1)
    return [
        RateRule(start, Programme.JKK, percent_bp=100, min_amount=10_000, max_amount=207_000),
        RateRule(start, Programme.JKM, amount=6_800),
        RateRule(start, Programme.JHT, percent_bp=200),
    ]


def first_of_month(day: dt.date) -> dt.date:
    """The first day of the month of ``day``."""
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


class RateTable:
    """The rate rows, answering "which row applies to this month, programme and funding"."""

    def __init__(self, rules: Iterable[RateRule]) -> None:
        self.rules = sorted(rules, key=lambda r: r.effective_from)

    def rule_for(self, month: dt.date, programme: Programme, funding: str) -> RateRule | None:
        """The newest row effective on the first of ``month`` for this programme and funding."""
        found = None
        day = first_of_month(month)
        for r in self.rules:
            if r.effective_from > day:
                break
            if r.programme == programme and r.applies_to(funding):
                found = r
        return found

    def monthly(
        self,
        month: dt.date,
        income: int,
        funding: str,
        programmes: Sequence[Programme],
        pay_jht: bool = False,
    ) -> int:
        """One participant's contribution for one month, in whole rupiah."""
        total = 0
        for p in programmes:
            if p is Programme.JHT and not pay_jht:
                continue
            rule = self.rule_for(month, p, funding)
            if rule is not None:
                total += rule.contribution(income)
        return total


@dataclass(frozen=True)
class Cohort:
    """Participants who cost the same: same kecamatan, funding, income, programmes, months.

    ``start`` is the first month counted and ``end`` the last (inclusive, or None for the
    end of the year).
    """

    kecamatan: str
    funding: str
    income: int
    programmes: tuple[Programme, ...]
    start: dt.date
    end: dt.date | None
    count: int


def months_counted(
    year: int, start: dt.date, end: dt.date | None, months: int | None
) -> list[dt.date]:
    """The months of ``year`` a participant is paid for.

    Counted from the month of its coverage start (or January when it started earlier) to its
    end or December. With ``months`` given, exactly that many months from that first month.
    """
    first = max(first_of_month(start), dt.date(year, 1, 1))
    if first.year > year or (end is not None and end < dt.date(year, 1, 1)):
        return []  # starts after the year or left before it, whatever ``months`` says
    if months is not None:
        return [add_months(first, i) for i in range(months)]
    last = dt.date(year, 12, 1)
    if end is not None:
        last = min(last, first_of_month(end))
    out = []
    m = first
    while m <= last and m.year == year:
        out.append(m)
        m = add_months(m, 1)
    return out
