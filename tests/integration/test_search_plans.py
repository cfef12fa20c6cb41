"""The list's searches: the fast first page agrees with the whole list, and every search
reads through an index (the query plans SQLite chooses are checked). Every index of the
participant and history tables is shown read by the query it is kept for: an index no
query reads would only slow every insert down."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy.orm import Session
from sqlcipher3 import dbapi2 as sqlcipher

from app.services import demo
from app.services.context import Context
from app.store import audit, repo, sync
from app.store.repo import ListQuery
from app.sync.records import HISTORY_FIELDS
from tests.actors import ADMIN


@pytest.fixture(scope="module")
def register(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Context]:
    from app.domain.install import Role as InstallRole
    from app.services.context import open_data_dir
    from app.services.setup import setup_install

    ctx = open_data_dir(tmp_path_factory.mktemp("search") / "data")
    setup_install(ctx, ADMIN, role=InstallRole.KABUPATEN)
    demo.generate(ctx, ADMIN, 1333, seed=2022)
    with ctx.db.session() as s:  # a few KPJ numbers, as BPJS sends them
        raw = s.connection().connection.driver_connection
        assert raw is not None
        raw.execute("UPDATE participant SET kpj = '22' || printf('%09d', id) WHERE id % 50 = 0")
    yield ctx
    ctx.close()


def terms(ctx: Context) -> dict[str, str]:
    with ctx.db.read() as s:
        raw = s.connection().connection.driver_connection
        assert raw is not None
        name = raw.execute("SELECT name FROM participant WHERE name LIKE '% %'").fetchone()[0]
        reg_no = raw.execute("SELECT reg_no FROM participant WHERE id = 700").fetchone()[0]
        nik = raw.execute("SELECT nik FROM participant WHERE id = 700").fetchone()[0]
        kpj = raw.execute("SELECT kpj FROM participant WHERE kpj IS NOT NULL").fetchone()[0]
    return {
        "nik6": nik[:6],
        "nik10": nik[:10],
        "word": name.split()[0],
        "two words": " ".join(name.split()[:2]),
        "registration number": reg_no,
        "registration prefix": reg_no[:8],
        "kpj": kpj,
        "whole list": "",
    }


@pytest.mark.parametrize("walk_from", [1_000, 10])
@pytest.mark.parametrize("cap", [10_000, 100])
def test_the_first_page_and_count_agree_with_the_whole_list(
    register: Context, monkeypatch: pytest.MonkeyPatch, cap: int, walk_from: int
) -> None:
    # A low threshold makes the small register take the large register's path too.
    monkeypatch.setattr(repo, "_WALK_FROM", walk_from)
    for what, term in terms(register).items():
        for query in (ListQuery(search=term), ListQuery(search=term, status="approved")):
            with register.db.read() as s:
                whole = repo.search_ids(s, query)
                first = repo.search_first(s, query, 50, cap)
            assert first.ids == whole[:50], what
            assert first.count == min(len(whole), cap), what
            assert first.capped == (len(whole) > cap), what
            assert whole or query.status, what


def test_a_small_list_comes_whole(register: Context) -> None:
    query = ListQuery(search=terms(register)["word"])
    with register.db.read() as s:
        whole = repo.search_ids(s, query)
        first = repo.search_first(s, query, 5, 10_000, whole_up_to=2_000)
    assert 5 < len(whole) <= 2_000
    assert first.ids == whole and first.complete


def plans(ctx: Context, query: ListQuery) -> list[str]:
    """The query plan of every statement the first page of ``query`` runs."""

    def first_page(s: Session) -> None:
        repo.search_first(s, query, 200, 10_000)
        repo.list_rows(s, list(range(1, 201)))

    return traced_plans(ctx, first_page)


def traced_plans(ctx: Context, run: Callable[[Session], object]) -> list[str]:
    """The query plan of every SELECT that ``run`` sends to the register."""
    with ctx.db.read() as s:
        raw = s.connection().connection.driver_connection
        assert isinstance(raw, sqlcipher.Connection)  # the register's driver
        statements: list[str] = []
        raw.set_trace_callback(statements.append)
        try:
            run(s)
        finally:
            raw.set_trace_callback(None)
        out = []
        for sql in statements:
            if sql.lstrip().upper().startswith("SELECT"):
                rows = raw.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
                out.append(" / ".join(str(r[3]) for r in rows))
    return out


@pytest.mark.parametrize(
    ("what", "index"),
    [
        ("nik6", "ix_participant_nik"),
        ("nik10", "ix_participant_nik"),
        ("kpj", "ix_participant_kpj"),
        ("registration number", "sqlite_autoindex_participant_1"),  # reg_no UNIQUE
        ("word", "participant_fts"),
        ("two words", "participant_fts"),
        ("whole list", "ix_participant_name"),
    ],
)
def test_every_search_reads_through_an_index(register: Context, what: str, index: str) -> None:
    found = plans(register, ListQuery(search=terms(register)[what]))
    assert any(index in plan for plan in found), found
    for plan in found:
        # No statement reads the participant table row by row without an index.
        assert "SCAN participant " not in plan + " " or "USING" in plan, plan


def test_a_large_result_walks_the_name_index_instead_of_sorting(
    register: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repo, "_WALK_FROM", 10)
    found = plans(register, ListQuery(search=terms(register)["nik6"]))
    page = [p for p in found if "ORDER BY" not in p and "ix_participant_name" in p]
    assert page, found
    assert not any("TEMP B-TREE" in p for p in page), found


def test_filters_read_through_their_indexes(register: Context) -> None:
    # Every secondary index of the participant table is read by the list: the searches
    # above use NIK, KPJ, registration number, name and the name index; the filters use
    # the rest. An index no query reads would only slow every insert down.
    with register.db.read() as s:
        nagari, kecamatan = s.connection().exec_driver_sql(
            "SELECT nagari_code, kecamatan_code FROM participant"
        ).first() or (None, None)
    assert nagari and kecamatan
    for query, index in (
        (ListQuery(nagari=nagari), "ix_participant_nagari_status"),
        (ListQuery(kecamatan=kecamatan), "ix_participant_kecamatan_code"),
        (ListQuery(status="inactive"), "ix_participant_status"),
    ):
        found = plans(register, query)
        assert any(index in p for p in found), (query, found)


def test_every_participant_index_is_read_by_some_list_query(register: Context) -> None:
    with register.db.read() as s:
        indexes = {
            row[0]
            for row in s.connection().exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'participant'"
            )
        }
    used = {
        "ix_participant_nik",
        "ix_participant_kpj",
        "ix_participant_name",
        "ix_participant_nagari_status",
        "ix_participant_kecamatan_code",
        "ix_participant_status",
        "sqlite_autoindex_participant_1",  # reg_no UNIQUE: searches and every lookup
        "sqlite_autoindex_participant_2",  # uuid UNIQUE: bundles match records by it
    }
    assert indexes == used


def test_records_are_found_by_uuid_through_its_index(register: Context) -> None:
    # Bundles and receipts name records by uuid (the second UNIQUE index).
    with register.db.read() as s:
        uuids = [u for (u,) in repo.driver(s).execute("SELECT uuid FROM participant LIMIT 3")]
    found = traced_plans(register, lambda s: sync.participants_by_uuid(s, uuids))
    assert found and all("sqlite_autoindex_participant_2" in p for p in found), found


def test_every_history_index_is_read_by_some_query(register: Context) -> None:
    # The history keeps one index: a record's entries (its history screen, and what a
    # bundle carries and an import already holds). The time index went (migration 0009).
    with register.db.read() as s:
        indexes = {
            row[0]
            for row in s.connection().exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'history'"
            )
        }
        uuids = [u for (u,) in repo.driver(s).execute("SELECT uuid FROM participant LIMIT 3")]
        code = register.identity.install_code
    assert indexes == {"ix_history_entity_id"}
    for run in (
        lambda s: repo.history_of(s, uuids[0]),
        lambda s: sync.history_rows_of(s, code, uuids),
        lambda s: sync.history_to_send(s, code, uuids, HISTORY_FIELDS),
        lambda s: sync.history_keys(s, code, uuids),
        lambda s: sync.local_history(s, code, uuids),
    ):
        found = traced_plans(register, run)
        assert found and all("ix_history_entity_id" in p for p in found), found


def test_the_audit_trail_walks_the_history_newest_first_under_date_filters(
    register: Context,
) -> None:
    # A page of the trail filtered by dates reads entries along their ids from the newest
    # and stops at the page: it never gathers and sorts every entry of the range.
    day = dt.date.today()
    for dates in ((day, None), (None, day), (day, day)):

        def page(s: Session, d: tuple[dt.date | None, dt.date | None] = dates) -> object:
            return audit.find(s, since=d[0], until=d[1], limit=500)

        found = traced_plans(register, page)
        assert found, dates
        for plan in found:
            assert "TEMP B-TREE" not in plan and "SCAN history" in plan, (dates, plan)
