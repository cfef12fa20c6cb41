"""Contributions from the dated rate table, and budgets built from them (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.budget import Line, breakdown
from app.domain.participant import Programme
from app.domain.rates import (
    ALL_FUNDING,
    Cohort,
    RateRule,
    RateTable,
    add_months,
    default_rates,
    months_counted,
)

JKK_JKM = (Programme.JKK, Programme.JKM)


def budget(
    year: int, cohorts: list[Cohort], table: RateTable, months: int | None = None
) -> dict[str, Line]:
    """The budget engine's lines per kecamatan, and the total under ``*``."""
    b = breakdown(year, cohorts, table, months)
    return {**b.by_kecamatan, ALL_FUNDING: b.total}


APRIL_2022 = dt.date(2022, 4, 1)


def cohort(
    count: int,
    start: dt.date = APRIL_2022,
    *,
    kecamatan: str = "13.03.06",
    funding: str = "apbd",
    income: int = 1_000_000,
    end: dt.date | None = None,
    programmes: tuple[Programme, ...] = JKK_JKM,
) -> Cohort:
    return Cohort(kecamatan, funding, income, programmes, start, end, count)


# --- one participant, one month --------------------------------------------------------


def test_lowest_package_is_16800_a_month() -> None:
    table = RateTable(default_rates())
    assert table.monthly(APRIL_2022, 1_000_000, "apbd", JKK_JKM) == 16_800


@pytest.mark.parametrize(
    ("income", "jkk"),
    [
        (1_000_000, 10_000),
        (500_000, 10_000),  # below the lowest band: the minimum
        (0, 10_000),
        (2_500_000, 25_000),
        (1_234_550, 12_346),  # 1 % rounded half up
        (1_234_549, 12_345),
        (20_700_000, 207_000),
        (30_000_000, 207_000),  # above the highest band: the maximum
    ],
)
def test_jkk_is_one_percent_clamped_to_min_and_max(income: int, jkk: int) -> None:
    table = RateTable(default_rates())
    assert table.monthly(APRIL_2022, income, "apbd", (Programme.JKK,)) == jkk


def test_jkm_is_flat() -> None:
    table = RateTable(default_rates())
    for income in (500_000, 1_000_000, 30_000_000):
        assert table.monthly(APRIL_2022, income, "apbd", (Programme.JKM,)) == 6_800


def test_jht_is_counted_only_when_the_scheme_pays_it() -> None:
    table = RateTable(default_rates())
    progs = (Programme.JKK, Programme.JKM, Programme.JHT)
    assert table.monthly(APRIL_2022, 1_000_000, "apbd", progs) == 16_800
    assert table.monthly(APRIL_2022, 1_000_000, "apbd", progs, pay_jht=True) == 36_800


def test_no_rate_before_the_first_row() -> None:
    table = RateTable(default_rates())
    assert table.monthly(dt.date(2010, 1, 1), 1_000_000, "apbd", JKK_JKM) == 0


def test_rule_effective_mid_month_applies_from_the_next_month() -> None:
    table = RateTable(
        [
            *default_rates(),
            RateRule(dt.date(2023, 7, 15), Programme.JKM, amount=8_000),
        ]
    )
    assert table.monthly(dt.date(2023, 7, 1), 1_000_000, "apbd", (Programme.JKM,)) == 6_800
    assert table.monthly(dt.date(2023, 8, 1), 1_000_000, "apbd", (Programme.JKM,)) == 8_000


def test_rate_for_some_funding_sources_only() -> None:
    # A cut that applies to self-paying (mandiri) participants, not to APBD/APBN ones.
    cut = RateRule(dt.date(2026, 1, 1), Programme.JKM, amount=3_400, funding=("mandiri",))
    table = RateTable([*default_rates(), cut])
    jan = dt.date(2026, 1, 1)
    assert table.monthly(jan, 1_000_000, "mandiri", (Programme.JKM,)) == 3_400
    assert table.monthly(jan, 1_000_000, "apbd", (Programme.JKM,)) == 6_800
    assert table.monthly(jan, 1_000_000, "apbn", (Programme.JKM,)) == 6_800
    assert cut.applies_to("mandiri") and not cut.applies_to("apbd")
    assert default_rates()[0].applies_to("apb-nagari")


# --- months counted ----------------------------------------------------------------------


def test_months_from_coverage_start_to_december() -> None:
    months = months_counted(2022, APRIL_2022, None, None)
    assert months[0] == APRIL_2022 and months[-1] == dt.date(2022, 12, 1)
    assert len(months) == 9
    assert len(months_counted(2022, dt.date(2022, 4, 20), None, None)) == 9
    assert len(months_counted(2022, dt.date(2020, 6, 1), None, None)) == 12
    assert months_counted(2022, dt.date(2023, 1, 1), None, None) == []


def test_months_end_at_the_coverage_end() -> None:
    assert len(months_counted(2022, APRIL_2022, dt.date(2022, 6, 30), None)) == 3
    assert len(months_counted(2022, APRIL_2022, dt.date(2021, 6, 30), None)) == 0


def test_months_option_counts_that_many_for_everyone() -> None:
    assert len(months_counted(2022, APRIL_2022, None, 9)) == 9
    assert len(months_counted(2022, dt.date(2021, 1, 1), None, 12)) == 12


def test_months_option_never_counts_someone_outside_the_year() -> None:
    assert months_counted(2022, dt.date(2023, 1, 1), None, 9) == []
    assert months_counted(2022, dt.date(2020, 1, 1), dt.date(2021, 5, 31), 3) == []
    lines = budget(2022, [cohort(4, dt.date(2023, 2, 1))], RateTable(default_rates()), months=9)
    assert lines[ALL_FUNDING].total == 0


def test_add_months_crosses_years() -> None:
    assert add_months(dt.date(2022, 11, 17), 2) == dt.date(2023, 1, 1)
    assert add_months(dt.date(2022, 1, 31), -1) == dt.date(2021, 12, 1)


# --- budgets -------------------------------------------------------------------------------


def test_budget_of_1333_participants_from_april_2022() -> None:
    lines = budget(2022, [cohort(1333)], RateTable(default_rates()))
    total = lines[ALL_FUNDING]
    assert total.participants == 1333
    assert total.monthly == 22_394_400
    assert total.total == 201_549_600
    assert total.by_month is not None and len(total.by_month) == 9
    assert set(total.by_month.values()) == {22_394_400}
    twelve = budget(2022, [cohort(1333)], RateTable(default_rates()), months=12)
    assert twelve[ALL_FUNDING].total == 268_732_800


def test_budget_per_kecamatan_adds_up_to_the_total() -> None:
    cohorts = [cohort(233, kecamatan="13.03.06"), cohort(222, kecamatan="13.03.04")]
    lines = budget(2022, cohorts, RateTable(default_rates()))
    assert lines["13.03.06"].total == 233 * 16_800 * 9
    assert lines["13.03.04"].total == 222 * 16_800 * 9
    assert lines[ALL_FUNDING].total == (233 + 222) * 16_800 * 9


def test_participants_starting_in_different_months() -> None:
    cohorts = [cohort(10, dt.date(2022, 1, 1)), cohort(5, dt.date(2022, 10, 1))]
    lines = budget(2022, cohorts, RateTable(default_rates()))
    total = lines[ALL_FUNDING]
    assert total.participants == 15
    assert total.total == (10 * 12 + 5 * 3) * 16_800
    assert total.by_month is not None
    assert total.by_month["2022-09"] == 10 * 16_800
    assert total.by_month["2022-10"] == 15 * 16_800


def test_mid_year_rate_change_affects_only_later_months() -> None:
    raise_ = RateRule(dt.date(2022, 7, 1), Programme.JKM, amount=10_000)
    table = RateTable([*default_rates(), raise_])
    lines = budget(2022, [cohort(100)], table)
    total = lines[ALL_FUNDING]
    assert total.by_month is not None
    assert total.by_month["2022-06"] == 100 * 16_800
    assert total.by_month["2022-07"] == 100 * 20_000
    assert total.total == 100 * (3 * 16_800 + 6 * 20_000)
    # `monthly` is a full month at the rates of the first month counted.
    assert total.monthly == 100 * 16_800


def test_rate_for_one_funding_source_changes_only_its_participants() -> None:
    apbn_only = RateRule(dt.date(2022, 1, 1), Programme.JKM, amount=1_000, funding=("apbn",))
    table = RateTable([*default_rates(), apbn_only])
    lines = budget(2022, [cohort(10), cohort(10, funding="apbn")], table, months=1)
    assert lines[ALL_FUNDING].total == 10 * 16_800 + 10 * (10_000 + 1_000)


def test_participants_who_left_are_paid_until_they_left() -> None:
    lines = budget(2022, [cohort(4, end=dt.date(2022, 6, 15))], RateTable(default_rates()))
    assert lines[ALL_FUNDING].total == 4 * 3 * 16_800


def test_participants_of_later_years_cost_nothing() -> None:
    lines = budget(2022, [cohort(4, dt.date(2023, 1, 1))], RateTable(default_rates()))
    assert lines[ALL_FUNDING].participants == 0
    assert lines[ALL_FUNDING].total == 0
