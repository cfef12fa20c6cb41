"""The list's searches and the dashboard on a PostgreSQL server read through the indexes
and statistics kept for them (migrations 0013_pg_search, 0014_pg_name_words and
0015_pg_word_filters), as tests/integration/test_search_plans.py shows for SQLite; the
first page and its count agree with the whole list on every path the server takes.

A register of a few thousand rows fits in a few pages, where reading the table is the
cheapest plan; the plans are asked for as at a province's size, where it is not
(``enable_seqscan`` off): each index must then serve its query, and the one it was made
for. These need a server (``LINDUNGI_TEST_PG``, tests/pg.py): skipped without one,
required under CI.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from app.domain.install import Role
from app.services import demo, desk, server
from app.services.context import Context, database_key, ensure_writable, open_data_dir
from app.services.setup import setup_install
from app.store import pg, repo
from app.store.repo import ListQuery
from tests.actors import ADMIN
from tests.pg import Server


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Context]:
    from tests.pg import _the_server

    test_server: Server = _the_server()
    name = test_server.create(test_server.migrated())
    data_dir = tmp_path_factory.mktemp("pgplans") / "kab"
    ensure_writable(data_dir)
    key = database_key(data_dir)
    assert key is not None
    server.attach(data_dir, test_server.url(name), None, key)
    ctx = open_data_dir(data_dir)
    setup_install(ctx, ADMIN, role=Role.KABUPATEN)
    demo.generate(ctx, ADMIN, 1333, seed=2022)
    with ctx.db.session() as s:  # a few KPJ numbers, as BPJS sends them
        s.execute(
            text("UPDATE participant SET kpj = '22' || lpad(id::text, 9, '0') WHERE id % 50 = 0")
        )
    # As on a server that has vacuumed the register (autovacuum): its pages all visible,
    # which index-only scans need.
    address, password = pg.parse(test_server.url(name))
    engine = pg.make_pg_engine(address, password, busy_timeout_s=30)
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE participant, participant_word"))
    finally:
        engine.dispose()
    yield ctx
    ctx.close()
    test_server.drop(name)


def terms(ctx: Context) -> dict[str, str]:
    with ctx.db.read() as s:

        def one(sql: str) -> str:
            return str(s.execute(text(sql)).scalar())

        name = one(  # LIKE needs a deterministic collation
            "SELECT name FROM participant WHERE name COLLATE \"C\" LIKE '% %' ORDER BY id LIMIT 1"
        )
        reg_no = one("SELECT reg_no FROM participant WHERE id = 700")
        nik = one("SELECT nik FROM participant WHERE id = 700")
        kpj = one("SELECT kpj FROM participant WHERE kpj IS NOT NULL ORDER BY id LIMIT 1")
    return {
        "nik6": nik[:6],
        "nik10": nik[:10],
        "word": name.split()[0],
        "two words": " ".join(name.split()[:2]),
        "one letter": name[0],
        "registration number": reg_no,
        "registration prefix": reg_no[:8],
        "kpj": kpj,
        "whole list": "",
    }


def _common(ctx: Context) -> tuple[str, str, str]:
    """The register's most common kecamatan, nagari and occupation."""
    with ctx.db.read() as s:
        return tuple(  # type: ignore[return-value]
            str(
                s.execute(
                    text(f"SELECT {c} FROM participant GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
                ).scalar()
            )
            for c in ("kecamatan_code", "nagari_code", "occupation")
        )


def traced_plans(
    ctx: Context, run: Callable[[Session], object], *, bitmaps: bool = True
) -> list[str]:
    """The plan of every SELECT that ``run`` sends, as at a province's size (no plain
    reads of the table; ``bitmaps`` False: no bitmap scans either), one line per plan."""
    statements: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cur: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((sql, params))

    with ctx.db.read() as s:
        event.listen(ctx.db.engine, "before_cursor_execute", keep)
        try:
            run(s)
        finally:
            event.remove(ctx.db.engine, "before_cursor_execute", keep)
        raw = s.connection().connection.driver_connection
        assert raw is not None
        cursor = raw.cursor()  # the driver's own: the statements' parameters as sent
        cursor.execute("SET LOCAL enable_seqscan = off")
        if not bitmaps:  # a range of a few pages: a bitmap costs as little as the index
            cursor.execute("SET LOCAL enable_bitmapscan = off")
        out = []
        for sql, params in statements:
            cursor.execute("EXPLAIN " + sql, params)
            out.append(" / ".join(r[0].strip() for r in cursor.fetchall()))
    return out


def first_page_plans(ctx: Context, query: ListQuery, *, bitmaps: bool = True) -> list[str]:
    return traced_plans(ctx, lambda s: repo.search_first(s, query, 200, 10_000), bitmaps=bitmaps)


@pytest.mark.parametrize(
    ("what", "index"),
    [
        ("nik6", "Index Only Scan using ix_participant_nik"),
        ("nik10", "Index Only Scan using ix_participant_nik"),
        ("kpj", "Index Only Scan using ix_participant_kpj"),
        ("registration number", "uq_participant_reg_no"),
        ("registration prefix", "uq_participant_reg_no"),
        ("word", "Index Only Scan using ix_participant_word_word"),
        ("two words", "Index Only Scan using ix_participant_word_word"),
        ("one letter", "Index Only Scan using ix_participant_word_word"),
        ("whole list", "ix_participant_name_id"),
    ],
)
def test_every_search_reads_through_its_index_on_a_server(
    register: Context, what: str, index: str
) -> None:
    # A name's words: their table's index alone (migration 0014), as at 2,000,000, where
    # each range is hundreds of pages of its index and reading the table would be more.
    found = first_page_plans(
        register, ListQuery(search=terms(register)[what]), bitmaps="participant_word" not in index
    )
    assert any(index in plan for plan in found), found
    for plan in found:  # never the whole table, never the name order sorted anew
        assert "Seq Scan on participant" not in plan, plan


def test_a_digit_search_counts_each_prefix_on_its_index_alone(register: Context) -> None:
    # The count of a NIK prefix reads the NIK's index only (its OR with the KPJ and the
    # registration number made the server read the table at 2,000,000).
    found = first_page_plans(register, ListQuery(search=terms(register)["nik6"]))
    counts = [p for p in found if "count(*)" in p or "Aggregate" in p]
    assert counts, found
    for index in ("ix_participant_nik", "ix_participant_kpj", "uq_participant_reg_no"):
        assert any(f"Index Only Scan using {index}" in p for p in counts), counts


def test_a_large_result_walks_the_name_and_id_index_without_sorting(
    register: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    # More matches than the cap, and more than the planner would read in one pass: the
    # first page is looked for along (name, id), whose order is the list's: no sort of
    # the rows walked.
    monkeypatch.setattr(repo, "_ONE_PASS", 0)
    monkeypatch.setattr(repo, "_MERGED_WORDS", 0)  # a letter: more words than are merged
    with register.db.read() as s:  # a filter that most match: a name with it walks
        status = s.execute(
            text("SELECT status FROM participant GROUP BY status ORDER BY count(*) DESC LIMIT 1")
        ).scalar()
    query = ListQuery(search=terms(register)["one letter"], status=status)
    found = traced_plans(register, lambda s: repo.search_first(s, query, 20, 10))
    walks = [p for p in found if "ix_participant_name_id" in p]
    assert walks, found
    assert not any(re.search(r"Sort Key: .*name", p) for p in walks), walks


@pytest.mark.parametrize("one_pass", [50_000, 0])
@pytest.mark.parametrize("walk", [{"digits": 4_000, "words": 1_000}, {"digits": 3, "words": 3}])
@pytest.mark.parametrize("cap", [10_000, 100, 5])
def test_the_first_page_and_count_agree_with_the_whole_list_on_a_server(
    register: Context,
    monkeypatch: pytest.MonkeyPatch,
    cap: int,
    walk: dict[str, int],
    one_pass: int,
) -> None:
    # A short walk makes the small register take the path a province's search takes
    # when the first rows in name order hold too few matches; no single pass, the path
    # of a name the planner expects in many rows.
    monkeypatch.setattr(repo, "_SERVER_WALK", walk)
    monkeypatch.setattr(repo, "_ONE_PASS", one_pass)
    kecamatan, nagari, occupation = _common(register)
    for what, term in terms(register).items():
        for query in (
            ListQuery(search=term),
            ListQuery(search=term, status="approved"),
            ListQuery(search=term, sort="reg_no", descending=True),
            # Every filter and order of the list (a name: the word table, migration 0015).
            ListQuery(search=term, kecamatan=kecamatan),
            ListQuery(search=term, nagari=nagari, status="active"),
            ListQuery(search=term, occupation=occupation, funding="apbd"),
            ListQuery(search=term, card="unprinted"),
            ListQuery(search=term, descending=True),
            ListQuery(search=term, kecamatan=kecamatan, descending=True),
            ListQuery(search=term, sort="reg_no"),
            ListQuery(search=term, sort="nik", status="active"),
            ListQuery(search=term, sort="birth_date"),
            ListQuery(search=term, sort="sex", descending=True, status="active"),
            ListQuery(search=term, sort="occupation", card="unprinted"),
            ListQuery(search=term, sort="status", descending=True, kecamatan=kecamatan),
        ):
            with register.db.read() as s:
                whole = repo.search_ids(s, query)
                first = repo.search_first(s, query, 50, cap)
                small = repo.search_first(s, query, 50, cap, whole_up_to=60)
            assert first.ids == whole[:50], (what, query)
            assert first.count == min(len(whole), cap), (what, query)
            assert first.capped == (len(whole) > cap), (what, query)
            if len(whole) <= min(60, cap):
                assert small.ids == whole and small.complete, (what, query)
            else:
                assert small.ids == whole[:50], (what, query)


def test_a_name_search_reads_no_participant_on_a_server(register: Context) -> None:
    # The count and the first page of a name search (one word, two words, a letter) come
    # from the word table's index alone: no read of the participant table.
    for what in ("word", "two words", "one letter"):
        query = ListQuery(search=terms(register)[what])
        found = first_page_plans(register, query, bitmaps=False)
        for plan in found:
            assert " on participant " not in plan, (what, plan)
            assert "Heap Scan on participant_word" not in plan, (what, plan)


def test_a_name_with_filters_is_counted_and_paged_from_the_word_index_alone(
    register: Context,
) -> None:
    # The list's filters are beside each word (migration 0015): a name with a kecamatan,
    # a status, a nagari, an occupation or a funding reads no participant row.
    kecamatan, nagari, occupation = _common(register)
    for what in ("word", "two words", "one letter"):
        term = terms(register)[what]
        for query in (
            ListQuery(search=term, kecamatan=kecamatan),
            ListQuery(search=term, status="active", nagari=nagari),
            ListQuery(search=term, occupation=occupation, funding="apbd", descending=True),
        ):
            found = first_page_plans(register, query, bitmaps=False)
            assert any("Index Only Scan using ix_participant_word_word" in p for p in found)
            for plan in found:
                assert " on participant " not in plan, (what, query, plan)
                assert "Heap Scan on participant_word" not in plan, (what, query, plan)


def test_a_name_in_any_order_is_sorted_from_the_word_index_alone(register: Context) -> None:
    # The values of the list's orders are beside each word (migration 0015).
    for what in ("word", "two words", "one letter"):
        for sort in ("reg_no", "nik", "kpj", "birth_date", "sex", "status", "nagari"):
            query = ListQuery(search=terms(register)[what], sort=sort, descending=True)
            found = first_page_plans(register, query, bitmaps=False)
            assert any("Index Only Scan using ix_participant_word_word" in p for p in found)
            for plan in found:
                assert " on participant " not in plan, (what, sort, plan)


def test_the_dashboard_groups_are_known_to_the_planner(register: Context) -> None:
    # Extended statistics of the dashboard's keys: the planner expects about as many
    # groups as there are (without them, the product of each key's own count), so it
    # hashes the rows instead of sorting a province's register.
    found = traced_plans(register, lambda s: repo.dashboard_cohorts(s, ["active"], 2024, 2024))
    assert len(found) == 1, found
    expected = int(re.findall(r"rows=(\d+)", found[0])[0])
    with register.db.read() as s:
        real = s.execute(
            text(
                "SELECT count(*) FROM (SELECT DISTINCT status, kecamatan_code, funding, "
                "income, programmes, coverage_start, coverage_end, CASE WHEN status = "
                "'inactive' THEN coalesce(status_date, coverage_end) END FROM participant) g"
            )
        ).scalar()
    assert real
    assert expected <= 3 * int(real), (expected, real, found)
    assert desk.dashboard(register).statuses  # and the dashboard reads it


def test_migration_0013_does_nothing_on_sqlite(tmp_path: Path) -> None:
    ctx = open_data_dir(tmp_path / "kab")
    try:
        setup_install(ctx, ADMIN, role=Role.KABUPATEN)
        with ctx.db.read() as s:
            names = set(s.execute(text("SELECT name FROM sqlite_master")).scalars())
    finally:
        ctx.close()
    assert "ix_participant_name" in names
    assert "ix_participant_name_id" not in names
