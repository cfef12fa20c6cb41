"""The kabupaten's desk: budgets for known inputs, years and quotas, rates, planner, dashboard."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain import bpjs, recap
from app.domain.participant import Programme
from app.errors import InvalidInput, NotFound, Refused
from app.services import demo, desk, participants, prefs
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import desk as desk_store
from app.store import repo
from tests.actors import ADMIN
from tests.conftest import MakeCtx, MakeParticipant

SUPERVISOR = Actor("kasi", Role.SUPERVISOR)
OPERATOR = Actor("ani", Role.OPERATOR)
PACKAGE = 16_800  # JKK Rp10.000 + JKM Rp6.800 at the lowest income


@pytest.fixture
def demo_ctx(kabupaten_ctx: Context) -> Context:
    """The kabupaten with the 1,333 participants of 2022 (coverage from 1 April 2022)."""
    demo.generate(kabupaten_ctx, ADMIN, 1333, seed=7)
    return kabupaten_ctx


def register(ctx: Context, make: MakeParticipant, serial: int, **fields: object) -> str:
    """Register one participant at the kabupaten (accepted at once); its registration no."""
    data = make(serial=serial, **fields)
    return participants.register(ctx, ADMIN, data, today=dt.date(2023, 1, 2)).reg_no


# --- the budget for known inputs -----------------------------------------------------


def test_2022_demo_costs_201_549_600_from_april_to_december(demo_ctx: Context) -> None:
    b = desk.budget_detail(demo_ctx, 2022)
    assert b.total.total == 201_549_600
    assert b.total.participants == 1333
    assert b.total.monthly == 22_394_400
    assert [k for k, v in b.total.by_month.items() if v] == [f"2022-{m:02d}" for m in range(4, 13)]
    assert set(b.total.by_month.values()) == {22_394_400}
    assert all(b.total.heads[f"2022-{m:02d}"] == 1333 for m in range(4, 13))
    assert [f.code for f in b.funding] == ["apbd"]
    assert b.funding[0].line.total == 201_549_600
    assert {k.name: k.line.total for k in b.kecamatan}["Kamang Baru"] == 233 * 16_800 * 9
    assert sum(k.line.participants for k in b.kecamatan) == 1333


def test_a_rate_change_in_mid_year_changes_only_the_later_months(demo_ctx: Context) -> None:
    desk.add_rate(
        demo_ctx, ADMIN, effective_from=dt.date(2022, 7, 1), programme="JKM", amount=8_000
    )
    b = desk.budget_detail(demo_ctx, 2022)
    assert b.total.by_month["2022-06"] == 1333 * 16_800
    assert b.total.by_month["2022-07"] == 1333 * 18_000
    assert b.total.total == 1333 * (3 * 16_800 + 6 * 18_000) == 211_147_200
    # The year before is untouched.
    desk.add_year(demo_ctx, ADMIN, 2021)
    assert desk.budget_detail(demo_ctx, 2021).total.total == 0


def test_a_rate_dated_mid_month_applies_from_the_next_month(demo_ctx: Context) -> None:
    desk.add_rate(
        demo_ctx, ADMIN, effective_from=dt.date(2022, 7, 15), programme="JKM", amount=8_000
    )
    b = desk.budget_detail(demo_ctx, 2022)
    assert b.total.by_month["2022-07"] == 1333 * 16_800
    assert b.total.by_month["2022-08"] == 1333 * 18_000


def test_a_rate_for_some_funding_sources_leaves_the_others_alone(
    kabupaten_ctx: Context, make_participant: MakeParticipant
) -> None:
    start = dt.date(2023, 1, 1)
    for i in range(3):
        register(kabupaten_ctx, make_participant, i + 1, funding="apbd", coverage_start=start)
    for i in range(2):
        register(
            kabupaten_ctx, make_participant, i + 11, funding="apb-nagari", coverage_start=start
        )
    # A village-budget rate from March; a 50 % cut for self-paid members (PP 50/2025 style).
    desk.add_rate(
        kabupaten_ctx,
        ADMIN,
        effective_from=dt.date(2023, 3, 1),
        programme="JKM",
        amount=5_000,
        funding=["apb-nagari"],
    )
    desk.add_rate(
        kabupaten_ctx,
        ADMIN,
        effective_from=dt.date(2023, 1, 1),
        programme="JKK",
        percent_bp=50,
        funding=["mandiri"],
    )
    b = desk.budget_detail(kabupaten_ctx, 2023)
    lines = {f.code: f.line for f in b.funding}
    assert lines["apbd"].total == 3 * 12 * PACKAGE
    assert lines["apb-nagari"].by_month["2023-02"] == 2 * PACKAGE
    assert lines["apb-nagari"].by_month["2023-03"] == 2 * 15_000
    assert lines["apb-nagari"].total == 2 * (2 * PACKAGE + 10 * 15_000)
    assert b.total.total == lines["apbd"].total + lines["apb-nagari"].total
    kec = b.by_kecamatan_funding[("13.03.06", "apb-nagari")]
    assert kec.total == lines["apb-nagari"].total
    # The applied rates of the year list the new rows with their sources.
    assert {(r.rule.programme, r.rule.funding) for r in b.rates} >= {
        (Programme.JKM, ("apb-nagari",)),
        (Programme.JKK, ("mandiri",)),
    }


def test_participants_are_counted_from_the_month_they_start(
    kabupaten_ctx: Context, make_participant: MakeParticipant
) -> None:
    starts = [dt.date(2023, 1, 1), dt.date(2023, 4, 15), dt.date(2023, 12, 1), dt.date(2022, 6, 1)]
    for i, start in enumerate(starts, start=1):
        register(kabupaten_ctx, make_participant, i, coverage_start=start)
    future = register(
        kabupaten_ctx, make_participant, 9, coverage_start=dt.date(2024, 2, 1)
    )  # not in 2023
    b = desk.budget_detail(kabupaten_ctx, 2023)
    assert b.total.participants == 4
    assert b.total.total == (12 + 9 + 1 + 12) * PACKAGE
    assert b.total.heads["2023-01"] == 2
    assert b.total.heads["2023-04"] == 3
    assert b.total.heads["2023-12"] == 4
    assert desk.budget_detail(kabupaten_ctx, 2024).total.heads["2024-01"] == 4
    assert desk.budget_detail(kabupaten_ctx, 2024).total.heads["2024-02"] == 5
    assert future


def test_who_leaves_is_paid_for_until_the_month_they_left(
    kabupaten_ctx: Context, make_participant: MakeParticipant
) -> None:
    from app.domain.participant import InactiveReason

    reg = register(kabupaten_ctx, make_participant, 1, coverage_start=dt.date(2023, 1, 1))
    register(kabupaten_ctx, make_participant, 2, coverage_start=dt.date(2023, 1, 1))
    participants.deactivate(
        kabupaten_ctx, ADMIN, reg, InactiveReason.DIED, day=dt.date(2023, 6, 20)
    )
    b = desk.budget_detail(kabupaten_ctx, 2023)
    assert b.total.total == (6 + 12) * PACKAGE
    assert b.total.heads["2023-06"] == 2
    assert b.total.heads["2023-07"] == 1


def test_jht_counts_only_when_the_scheme_pays_it(
    kabupaten_ctx: Context, make_participant: MakeParticipant
) -> None:
    register(
        kabupaten_ctx,
        make_participant,
        1,
        coverage_start=dt.date(2023, 1, 1),
        programmes=(Programme.JKK, Programme.JKM, Programme.JHT),
        income=1_500_000,
    )
    assert desk.budget_detail(kabupaten_ctx, 2023).total.monthly == 15_000 + 6_800
    prefs.set_value(kabupaten_ctx, ADMIN, "pay_jht", True)
    detail = desk.budget_detail(kabupaten_ctx, 2023)
    assert detail.total.monthly == 15_000 + 6_800 + 30_000
    assert detail.pay_jht


def test_budget_refuses_years_and_months_out_of_range(kabupaten_ctx: Context) -> None:
    with pytest.raises(InvalidInput):
        desk.budget_detail(kabupaten_ctx, 1999)
    with pytest.raises(InvalidInput):
        desk.budget_detail(kabupaten_ctx, 2023, months=13)


def test_budget_with_a_fixed_month_count(demo_ctx: Context) -> None:
    assert desk.budget_detail(demo_ctx, 2022, months=12).total.total == 268_732_800


# --- programme years and quotas ------------------------------------------------------


def test_a_year_copies_last_years_quotas_and_takes_new_ones(demo_ctx: Context) -> None:
    y = desk.add_year(demo_ctx, SUPERVISOR, 2023, copy_from=2022, note="APBD 2023")
    assert y.total == 1333 and y.quotas == {"apbd": 1333} and y.note == "APBD 2023"
    assert desk.set_quota(demo_ctx, SUPERVISOR, 2023, "13.03.06", 300) == (233, 300)
    assert desk.set_quota(demo_ctx, SUPERVISOR, 2023, "Kupitan", 100, "APB Nagari") == (None, 100)
    rows = {r.code: r for r in desk.year_quotas(demo_ctx, 2023)}
    assert rows["13.03.06"].quotas == {"apbd": 300}
    assert rows["13.03.10"].quotas == {"apb-nagari": 100, "apbd": 107}
    assert rows["13.03.10"].total == 207
    assert len(rows) == 8
    # 2022 did not change.
    assert {r.code: r.total for r in desk.year_quotas(demo_ctx, 2022)}["13.03.06"] == 233
    assert [y.year for y in desk.list_years(demo_ctx)] == [2022, 2023]
    with demo_ctx.db.read() as s:
        actions = [h.action for h in repo.history_of(s, "2023/13.03.06/apbd")]
    assert actions == ["quota"]


def test_a_year_with_one_funding_source(kabupaten_ctx: Context) -> None:
    desk.set_quota(kabupaten_ctx, ADMIN, 2022, "13.03.03", 40, "apb-nagari")
    y = desk.add_year(kabupaten_ctx, ADMIN, 2023, copy_from=2022, funding="apb-nagari")
    assert y.quotas == {"apb-nagari": 40}
    y = desk.add_year(kabupaten_ctx, ADMIN, 2024, funding="apbn")
    assert y.quotas == {"apbn": 0}
    assert all(r.quotas == {"apbn": 0} for r in desk.year_quotas(kabupaten_ctx, 2024))


def test_year_and_quota_mistakes_change_nothing(kabupaten_ctx: Context) -> None:
    with pytest.raises(Refused):
        desk.add_year(kabupaten_ctx, ADMIN, 2022)
    with pytest.raises(NotFound):
        desk.add_year(kabupaten_ctx, ADMIN, 2024, copy_from=2019)
    with pytest.raises(Refused):
        desk.add_year(kabupaten_ctx, OPERATOR, 2024)
    with pytest.raises(NotFound):
        desk.set_quota(kabupaten_ctx, ADMIN, 2030, "13.03.06", 10)
    with pytest.raises(InvalidInput):
        desk.set_quota(kabupaten_ctx, ADMIN, 2022, "13.03.06", -1)
    with pytest.raises(InvalidInput):
        desk.set_quota(kabupaten_ctx, ADMIN, 2022, "13.04.01", 10)
    with pytest.raises(InvalidInput):
        desk.set_quota(kabupaten_ctx, ADMIN, 2022, "13.03.06", 10, "hibah")
    assert [y.year for y in desk.list_years(kabupaten_ctx)] == [2022]
    assert desk.list_years(kabupaten_ctx)[0].total == 1333


# --- the rate table ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "bp"), [("1", 100), ("0,5", 50), ("1.25 %", 125), ("2%", 200), ("100", 10_000)]
)
def test_percentages_become_basis_points(text: str, bp: int) -> None:
    assert desk.parse_percent(text) == bp


@pytest.mark.parametrize("text", ["0", "-1", "101", "0,001", "satu", "", "nan"])
def test_bad_percentages_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        desk.parse_percent(text)


def test_rate_rules_are_checked(kabupaten_ctx: Context) -> None:
    day = dt.date(2024, 1, 1)
    bad: list[dict[str, object]] = [
        {"programme": "JKK"},
        {"programme": "JKK", "percent_bp": 100, "amount": 10_000},
        {"programme": "JKM", "amount": 6_800, "min_amount": 1},
        {"programme": "JKK", "percent_bp": 100, "min_amount": 20_000, "max_amount": 10_000},
        {"programme": "JKN", "amount": 1},
        {"programme": "JKM", "amount": 7_000, "funding": ["hibah"]},
        {"programme": "JKM", "amount": -1},
    ]
    for kwargs in bad:
        with pytest.raises(InvalidInput):
            desk.add_rate(kabupaten_ctx, ADMIN, effective_from=day, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(Refused):
        desk.add_rate(kabupaten_ctx, OPERATOR, effective_from=day, programme="JKM", amount=1)
    assert len(desk.list_rates(kabupaten_ctx)) == 3


def test_rates_are_added_listed_and_removed(kabupaten_ctx: Context) -> None:
    rid = desk.add_rate(
        kabupaten_ctx,
        ADMIN,
        effective_from=dt.date(2024, 1, 1),
        programme="jkk",
        percent_bp=150,
        min_amount=15_000,
        max_amount=300_000,
        funding=["APBD, apb-nagari"],
        note="PP baru",
    )
    row = next(r for r in desk.list_rates(kabupaten_ctx) if r.id == rid)
    assert row.rule.funding == ("apbd", "apb-nagari")
    assert desk.describe_rule(row.rule) == "1,5% (min Rp15.000, maks Rp300.000)"
    with pytest.raises(Refused):  # the same date, programme and sources again
        desk.add_rate(
            kabupaten_ctx,
            ADMIN,
            effective_from=dt.date(2024, 1, 1),
            programme="JKK",
            percent_bp=100,
            funding=["apb-nagari", "apbd"],
        )
    desk.remove_rate(kabupaten_ctx, ADMIN, rid)
    assert all(r.id != rid for r in desk.list_rates(kabupaten_ctx))
    jkm = next(r for r in desk.list_rates(kabupaten_ctx) if r.rule.programme is Programme.JKM)
    with pytest.raises(Refused):
        desk.remove_rate(kabupaten_ctx, ADMIN, jkm.id)
    with pytest.raises(NotFound):
        desk.remove_rate(kabupaten_ctx, ADMIN, 999)
    with kabupaten_ctx.db.read() as s:
        assert [h.action for h in repo.history_of(s, str(rid))] == ["rate_add", "rate_remove"]


def test_rates_in_force_during_a_year() -> None:
    from app.domain.rates import RateRule

    rows = [
        desk_store.RateRow(1, RateRule(dt.date(2015, 7, 1), Programme.JKM, amount=6_800), ""),
        desk_store.RateRow(2, RateRule(dt.date(2020, 1, 1), Programme.JKM, amount=7_000), ""),
        desk_store.RateRow(3, RateRule(dt.date(2023, 7, 1), Programme.JKM, amount=8_000), ""),
        desk_store.RateRow(4, RateRule(dt.date(2025, 1, 1), Programme.JKM, amount=9_000), ""),
    ]
    assert [r.id for r in desk.rates_in_year(rows, 2023)] == [2, 3]


# --- the planner ---------------------------------------------------------------------


def test_the_planner_carries_the_register_and_adds_newcomers(demo_ctx: Context) -> None:
    view = desk.plan(demo_ctx, 2023, 2, occupation="ninik mamak", per_nagari=True)
    p = view.plan
    assert view.nagari_count == 62 and p.added_count == 124
    assert view.occupation == "ninik-mamak"
    assert p.carried.participants == 1333 and p.carried.total == 1333 * 12 * PACKAGE
    assert p.added.total == 124 * 12 * PACKAGE
    assert p.needed("apbd") == (1333 + 124) * 12 * PACKAGE == 293_731_200
    assert p.added_fee == PACKAGE
    assert view.quota is None  # no 2023 year yet


def test_the_planner_uses_the_rates_of_the_planned_year(demo_ctx: Context) -> None:
    desk.add_rate(
        demo_ctx, ADMIN, effective_from=dt.date(2024, 7, 1), programme="JKM", amount=8_000
    )
    desk.add_year(demo_ctx, ADMIN, 2024, copy_from=2022)
    view = desk.plan(demo_ctx, 2024, 100, funding="apb-nagari", start=dt.date(2024, 4, 1))
    p = view.plan
    assert view.quota == 1333
    assert p.needed("apbd") == 1333 * (6 * 16_800 + 6 * 18_000)
    assert p.needed("apb-nagari") == 100 * (3 * 16_800 + 6 * 18_000)
    assert p.total.total == p.needed("apbd") + p.needed("apb-nagari")


def test_the_planner_leaves_out_who_has_left(
    kabupaten_ctx: Context, make_participant: MakeParticipant
) -> None:
    from app.domain.participant import InactiveReason

    reg = register(kabupaten_ctx, make_participant, 1, coverage_start=dt.date(2023, 1, 1))
    register(kabupaten_ctx, make_participant, 2, coverage_start=dt.date(2023, 1, 1))
    participants.deactivate(
        kabupaten_ctx, ADMIN, reg, InactiveReason.MOVED, day=dt.date(2023, 5, 1)
    )
    assert desk.plan(kabupaten_ctx, 2024, 0).plan.carried.participants == 1


def test_planner_mistakes(kabupaten_ctx: Context) -> None:
    with pytest.raises(InvalidInput):
        desk.plan(kabupaten_ctx, 2024, -1)
    with pytest.raises(InvalidInput):
        desk.plan(kabupaten_ctx, 2024, 5, occupation="astronot")
    with pytest.raises(InvalidInput):
        desk.plan(kabupaten_ctx, 2024, 5, start=dt.date(2025, 1, 1))
    with pytest.raises(InvalidInput):
        desk.plan(kabupaten_ctx, 2024, 5, funding="hibah")


# --- the dashboard -------------------------------------------------------------------


def test_the_dashboard_counts_against_the_quota(demo_ctx: Context) -> None:
    today = dt.date(2022, 11, 5)
    dash = desk.dashboard(demo_ctx, today)
    assert dash.year == 2022
    assert dash.participants == 1333 and dash.quota == 1333
    bars = {k.name: (k.participants, k.quota) for k in dash.kecamatan}
    assert bars["Kamang Baru"] == (233, 233)
    assert dash.statuses["accepted"] == 1333 and dash.statuses["draft"] == 0
    assert dash.month_total == 1333 * PACKAGE
    assert dash.cards_printed == 0 and dash.cards_handed_over == 0
    # Before coverage started nothing is owed; a year without a programme year shows
    # the newest earlier one.
    assert desk.dashboard(demo_ctx, dt.date(2022, 3, 1)).month_total == 0
    later = desk.dashboard(demo_ctx, dt.date(2024, 2, 1))
    assert later.year == 2022 and later.participants == 1333  # counted by another query


def test_the_servers_one_pass_counts_what_the_three_counts_do(demo_ctx: Context) -> None:
    """The dashboard on a server reads statuses, the year's cohorts and the inactive ones in
    one pass: the same figures as the three separate counts, whatever the statuses."""
    from sqlalchemy import update

    from app.domain.participant import COUNTED
    from app.store import tables as t

    p = t.Participant
    with demo_ctx.db.session() as s:
        s.execute(update(p).where(p.id % 5 == 0).values(status="active"))
        s.execute(update(p).where(p.id % 11 == 0).values(status="draft"))
        gone = {"status": "inactive", "status_date": dt.date(2023, 3, 1)}
        s.execute(update(p).where(p.id % 7 == 0).values(**gone))
        ended = {"status": "inactive", "coverage_end": dt.date(2022, 9, 30)}
        s.execute(update(p).where(p.id % 13 == 0).values(**ended))

    def key(c: object) -> str:
        return repr(c)

    with demo_ctx.db.read() as s:
        for year in (2021, 2022, 2023):
            statuses, current, inactive, per_kec = repo.dashboard_cohorts(s, COUNTED, year, year)
            assert statuses == dict(desk_store.group_counts(s, ["status"]))
            counts = desk_store.group_counts(s, ["kecamatan"], year=year, statuses=COUNTED)
            assert per_kec == dict(counts)
            assert sorted(current, key=key) == sorted(repo.cohorts(s, COUNTED, year), key=key)
            expected = repo.inactive_cohorts(s, year)
            assert sorted(inactive, key=key) == sorted(expected, key=key)
        assert statuses["inactive"] > 0 and inactive


# --- the domain helpers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "band"), [(18, "< 25"), (24, "< 25"), (25, "25–34"), (64, "55–64"), (65, "≥ 65")]
)
def test_age_bands(age: int, band: str) -> None:
    assert recap.age_band(age) == band
    assert band in recap.age_band_labels()


@pytest.mark.parametrize(
    ("value", "kpj", "problem"),
    [
        ("01234567890", "01234567890", None),
        ("'01234567890", "01234567890", None),
        (12345678901, "12345678901", None),
        (12345678901.0, "12345678901", None),
        ("12345678901.0", "12345678901", None),
        (1234567890, None, "kpj.lost_zero"),
        ("1234567890.0", None, "kpj.lost_zero"),
        ("1234567890", None, "kpj.length"),
        ("012345678901", None, "kpj.length"),
        ("1,23457E+10", None, "kpj.not_digits"),
        ("1.23457E+10", None, "kpj.scientific"),
        ("0123456789A", None, "kpj.not_digits"),
        (None, None, "kpj.empty"),
        ("  ", None, "kpj.empty"),
        (True, None, "kpj.not_digits"),
    ],
)
def test_kpj_cells(value: object, kpj: str | None, problem: str | None) -> None:
    cell = bpjs.read_kpj(value)
    assert (cell.value, cell.problem) == (kpj, problem)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("1303064708800001", None),
        ("'1303064708800001", None),
        (1303064708800001, "import.nik_number"),
        ("1.30306E+15", "import.nik_number"),
        ("130306470880000", "nik.length"),
        ("13030647088000x1", "nik.not_digits"),
        ("", "bpjs.nik_empty"),
        # Text with the marks of Excel's rounding (a sheet saved as CSV).
        ("1303064708800000", "import.nik_number"),  # serial 0000 is never issued
        ("13030647088000010", "import.nik_number"),  # padded past 16 digits
        ("1,30306E+15", "import.nik_number"),
    ],
)
def test_nik_cells(value: object, problem: str | None) -> None:
    assert bpjs.read_nik(value).problem == problem


def test_a_nik_of_a_rounded_column_is_refused() -> None:
    """A NIK that would be valid on its own is refused when its column was rounded."""
    assert bpjs.read_nik("1303064708800010").problem is None
    assert bpjs.read_nik("1303064708800010", rounded=True).problem == "import.nik_number"


def test_group_counts_by_year(demo_ctx: Context, make_ctx: MakeCtx) -> None:
    with demo_ctx.db.read() as s:
        assert sum(n for _k, n in desk_store.group_counts(s, ["kecamatan"], year=2022)) == 1333
        assert desk_store.group_counts(s, ["kecamatan"], year=2021) == []


def test_the_dashboard_shows_each_offices_exchange(kabupaten_ctx: Context) -> None:
    from app.store import tables as t

    now = dt.datetime(2023, 3, 10, 9, 0)
    with kabupaten_ctx.db.session() as s:
        for code in ("130306-A", "130304-A"):
            s.add(
                t.SyncPeer(
                    install_code=code,
                    role="kecamatan",
                    regency_code="13.03",
                    kecamatan_code=f"13.03.{code[4:6]}",
                    last_sequence=0,
                )
            )
        for seq, (status, days_ago) in enumerate([("imported", 12), ("imported", 5), ("held", 1)]):
            s.add(
                t.SyncReceived(
                    sha256=f"{seq:064d}",
                    kind="bundle",
                    sender="130306-A",
                    sequence=seq + 1,
                    fingerprint="f",
                    created_at=now,
                    received_at=now - dt.timedelta(days=days_ago),
                    status=status,
                    file_name=f"b{seq}.lindungi",
                )
            )
        for decided in (None, None, "keep_a"):
            s.add(
                t.SyncConflict(
                    kind="duplicate",
                    nik="1303064708800001",
                    a_uuid="a",
                    b_uuid="b",
                    a_data="{}",
                    b_data="{}",
                    source="130306-A",
                    sequence=1,
                    created_at=now,
                    updated_at=now,
                    decision=decided,
                )
            )
    dash = desk.dashboard(kabupaten_ctx, now.date())
    assert dash.installs is not None
    states = {i.install_code: i for i in dash.installs}
    assert (states["130306-A"].days_since_bundle, states["130306-A"].held) == (5, 1)
    assert states["130306-A"].conflicts == 2
    assert states["130304-A"].days_since_bundle is None and states["130304-A"].held == 0


@pytest.mark.sqlite_file
def test_a_bulk_writes_larger_cache_is_given_back_even_when_it_fails(demo_ctx: Context) -> None:
    """The connection returns to the pool with SQLite's own cache size."""
    from app.store import repo

    with demo_ctx.db.read() as s:
        raw = repo.driver(s)
        (before,) = raw.execute("PRAGMA cache_size").fetchone()
        seen: list[int] = []

        def fail() -> None:
            with repo.large_cache(s):
                seen.append(raw.execute("PRAGMA cache_size").fetchone()[0])
                raise ZeroDivisionError

        with pytest.raises(ZeroDivisionError):
            fail()
        # 32 MiB, or the connection's own size when that is larger (the store's 64 MiB).
        assert seen == [min(-32 * 1024, before)]
        assert raw.execute("PRAGMA cache_size").fetchone()[0] == before
