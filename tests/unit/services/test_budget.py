"""The year's budget from the register: the 2022 figure, rate changes, starts and leavers."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from app.domain.budget import Line
from app.domain.participant import Programme
from app.domain.rates import RateRule
from app.errors import InvalidInput
from app.services import demo, participants
from app.services.context import Context
from app.services.desk import BudgetDetail, budget_detail
from app.store import repo
from tests.actors import ADMIN
from tests.conftest import MakeParticipant

SPLIT_2022 = {
    "Kamang Baru": 233,
    "Sijunjung": 222,
    "Sumpur Kudus": 224,
    "Tanjung Gadang": 175,
    "Koto VII": 175,
    "Lubuk Tarok": 97,
    "IV Nagari": 100,
    "Kupitan": 107,
}


def total(detail: BudgetDetail) -> Line:
    return detail.total


def add_rate(ctx: Context, rule: RateRule) -> None:
    with ctx.db.session() as s:
        repo.add_rate(s, rule)


def register(ctx: Context, make: MakeParticipant, serial: int, **fields: object) -> str:
    fields.setdefault("nagari_code", "13.03.06.2004")
    return participants.register(ctx, ADMIN, make(serial=serial, **fields)).reg_no


@pytest.fixture
def demo_1333(kabupaten_ctx: Context) -> Context:
    demo.generate(kabupaten_ctx, ADMIN, 1333, seed=1)
    return kabupaten_ctx


def test_the_2022_budget_is_rp201_549_600(demo_1333: Context) -> None:
    t = total(budget_detail(demo_1333, 2022))
    assert t.participants == 1333
    assert t.monthly == 22_394_400
    assert t.total == 201_549_600
    assert list(t.by_month) == [f"2022-{m:02d}" for m in range(4, 13)]


def test_nine_months_for_everyone_gives_the_same_figure(demo_1333: Context) -> None:
    assert total(budget_detail(demo_1333, 2022, months=9)).total == 201_549_600
    assert total(budget_detail(demo_1333, 2022, months=12)).total == 268_732_800


def test_each_kecamatan_gets_its_2022_split(demo_1333: Context) -> None:
    b = budget_detail(demo_1333, 2022)
    per_kec = {k.name: k.line.participants for k in b.kecamatan}
    assert per_kec == SPLIT_2022
    for k in b.kecamatan:
        assert k.line.total == k.line.participants * 16_800 * 9
    assert sum(k.line.total for k in b.kecamatan) == b.total.total


def test_the_year_before_costs_nothing(demo_1333: Context) -> None:
    t = total(budget_detail(demo_1333, 2021))
    assert (t.participants, t.total) == (0, 0)


def test_a_later_year_counts_every_month(demo_1333: Context) -> None:
    assert total(budget_detail(demo_1333, 2023)).total == 1333 * 16_800 * 12


def test_mid_year_rate_change_affects_only_later_months(demo_1333: Context) -> None:
    add_rate(demo_1333, RateRule(dt.date(2022, 10, 1), Programme.JKM, amount=8_800))
    t = total(budget_detail(demo_1333, 2022))
    assert t.by_month["2022-09"] == 1333 * 16_800
    assert t.by_month["2022-10"] == 1333 * 18_800
    assert t.total == 1333 * (6 * 16_800 + 3 * 18_800)


def test_rate_for_only_some_funding_sources(
    kabupaten_ctx: Context, make_participant: MakeParticipant
) -> None:
    register(kabupaten_ctx, make_participant, 1, funding="apbd")
    register(kabupaten_ctx, make_participant, 2, funding="apb-nagari")
    add_rate(
        kabupaten_ctx,
        RateRule(dt.date(2022, 1, 1), Programme.JKM, amount=1_000, funding=("apb-nagari",)),
    )
    t = total(budget_detail(kabupaten_ctx, 2022))
    assert t.participants == 2
    assert t.monthly == 16_800 + 11_000
    assert t.total == 9 * (16_800 + 11_000)


def test_participants_starting_in_different_months(
    kabupaten_ctx: Context, make_participant: MakeParticipant
) -> None:
    register(kabupaten_ctx, make_participant, 1, coverage_start=dt.date(2022, 4, 1))
    register(kabupaten_ctx, make_participant, 2, coverage_start=dt.date(2022, 7, 15))
    register(kabupaten_ctx, make_participant, 3, coverage_start=dt.date(2023, 1, 1))
    t = total(budget_detail(kabupaten_ctx, 2022))
    assert t.participants == 2
    assert t.by_month["2022-06"] == 16_800
    assert t.by_month["2022-07"] == 2 * 16_800
    assert t.total == (9 + 6) * 16_800
    assert total(budget_detail(kabupaten_ctx, 2022, months=9)).total == 2 * 9 * 16_800


def test_declared_income_sets_jkk_within_its_bounds(
    kabupaten_ctx: Context, make_participant: MakeParticipant
) -> None:
    register(kabupaten_ctx, make_participant, 1, income=2_500_000)
    register(kabupaten_ctx, make_participant, 2, income=50_000_000)
    t = total(budget_detail(kabupaten_ctx, 2022, months=1))
    assert t.total == (25_000 + 6_800) + (207_000 + 6_800)


def test_participant_who_left_is_paid_until_the_month_they_left(
    kabupaten_ctx: Context, make_participant: MakeParticipant
) -> None:
    reg = register(kabupaten_ctx, make_participant, 1)
    with kabupaten_ctx.db.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE participant SET status = 'inactive', status_reason = 'died', "
                "status_date = '2022-06-20' WHERE reg_no = :r"
            ),
            {"r": reg},
        )
    t = total(budget_detail(kabupaten_ctx, 2022))
    assert t.total == 3 * 16_800  # April, May, June
    assert total(budget_detail(kabupaten_ctx, 2023)).total == 0


def test_drafts_cost_nothing_until_approved(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    register(kecamatan_ctx, make_participant, 1)
    assert total(budget_detail(kecamatan_ctx, 2022)).participants == 0


def test_every_kecamatan_has_a_row_even_without_participants(kabupaten_ctx: Context) -> None:
    b = budget_detail(kabupaten_ctx, 2022)
    assert [k.code for k in b.kecamatan] == [f"13.03.{n:02d}" for n in range(3, 11)]
    assert all(k.line.total == 0 for k in b.kecamatan)
    assert b.total.total == 0


@pytest.mark.parametrize(("year", "months"), [(1999, None), (2101, None), (2022, 0), (2022, 13)])
def test_year_and_months_out_of_range_are_refused(
    kabupaten_ctx: Context, year: int, months: int | None
) -> None:
    with pytest.raises(InvalidInput):
        budget_detail(kabupaten_ctx, year, months)
