"""Contributions per kecamatan and in total for a programme year."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.participant import Status
from app.domain.rates import ALL_FUNDING, BudgetLine, RateTable, budget
from app.errors import InvalidInput
from app.services.context import Context
from app.store import repo

# Who costs money: everyone past approval, and inactive people until they left.
COUNTED = (Status.APPROVED.value, Status.ACCEPTED.value, Status.ACTIVE.value)


@dataclass(frozen=True)
class BudgetRow:
    """One line of the budget: a kecamatan (code and name) or the total (code ``*``)."""

    code: str
    name: str
    participants: int
    monthly: int
    total: int
    by_month: dict[str, int]


def year_budget(ctx: Context, year: int, months: int | None = None) -> list[BudgetRow]:
    """The budget of ``year``: one row per kecamatan, then the total.

    Each participant is counted from its coverage start (or January) to December or the
    month it left; with ``months``, that many months from its first month instead.

    Raises:
        InvalidInput: a year or month count out of range.
    """
    if not 2000 <= year <= 2100:
        raise InvalidInput("budget.year", year=year)
    if months is not None and not 1 <= months <= 12:
        raise InvalidInput("budget.months", months=months)
    with ctx.db.read() as s:
        table = RateTable(repo.rates(s))
        groups = repo.cohorts(s, COUNTED, year) + repo.inactive_cohorts(s, year)
    lines: dict[str, BudgetLine] = budget(
        year, groups, table, months, pay_jht=bool(ctx.setting("pay_jht"))
    )
    rows = []
    for kec in ctx.regions.kecamatan(ctx.identity.regency):
        line = lines.get(kec.code, BudgetLine(by_month={}))
        rows.append(
            BudgetRow(
                kec.code,
                kec.name,
                line.participants,
                line.monthly,
                line.total,
                dict(sorted((line.by_month or {}).items())),
            )
        )
    for code, line in lines.items():
        if code != ALL_FUNDING and all(r.code != code for r in rows):
            region = ctx.regions.get(code)
            rows.append(
                BudgetRow(
                    code,
                    region.name if region else code,
                    line.participants,
                    line.monthly,
                    line.total,
                    dict(sorted((line.by_month or {}).items())),
                )
            )
    total = lines[ALL_FUNDING]
    rows.append(
        BudgetRow(
            ALL_FUNDING,
            "",
            total.participants,
            total.monthly,
            total.total,
            dict(sorted((total.by_month or {}).items())),
        )
    )
    return rows
