"""The name words of a register on PostgreSQL (migration 0014_pg_name_words): the table
that the list's name search reads finds the same people as SQLite's FTS5 index, follows
every change of a name (registration, edit, merge, erasure), is filled for the
participants of an older register and removed by a downgrade.

These need a server (``LINDUNGI_TEST_PG``, tests/pg.py): skipped without one, required
under CI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.domain.install import Role
from app.services import backup, participants, pgbackup, privacy, server
from app.services.context import Context, database_key, ensure_writable, open_data_dir
from app.services.setup import setup_install
from app.store import repo
from app.store.engine import Database
from app.store.migrate import _alembic_config, current_revision, head_revision, upgrade
from app.store.repo import ListQuery
from tests.actors import ADMIN
from tests.conftest import MakeParticipant
from tests.integration.pg_register import (
    create_database,
    drop_database,
    open_register,
    pg_database,
    pg_kabupaten,
)

__all__ = ["pg_database", "pg_kabupaten"]  # fixtures

NAMES = [
    "Nur'aini",
    "Siti Aminah",
    "Siti Nurhaliza",
    "Siti Nur Aminah",
    "Muhammad Rizki",
    "Rizky Amelia",
    "Élise Ridwan",
    "Ridwan Ridwansyah",  # two words of one prefix: one person, counted once
    "RIDWAN Saputra",
    "ridwan saputra",
    "Ridwansyah Putra",
    "D\u2019Angelo Ridwan",
    "Ahmad `Ali",
    "Zoë Ridwansyah",
    "Jean-Luc Saputra",
    "Yusnimar Wati",
]
TERMS = [
    "siti",
    "SITI",
    "nuraini",
    "nur'aini",
    "nur",
    "riz",
    "siti ami",
    "ami siti",
    "siti nur ami",
    "elise",
    "élise",
    "zzz",
    "r",
    "ridw",
    "ridwan",
    "Ridwan Ridwansyah",
    "ridwansyah",
    "ridwan saputra",
    "saputra ridwan",
    "ridwan ridw",
    "d'angelo",
    "dangelo",
    "angelo",
    "zoe",
    "zoë",
    "ali",
    "ahmad ali",
    "luc",
    "jean",
    "s p",
]


def _kabupaten_on(url: str, data_dir: Path) -> Context:
    ensure_writable(data_dir)
    key = database_key(data_dir)
    assert key is not None
    server.attach(data_dir, url, None, key)
    ctx = open_data_dir(data_dir)
    setup_install(ctx, ADMIN, role=Role.KABUPATEN)
    return ctx


def _register(ctx: Context, make_participant: MakeParticipant) -> dict[str, str]:
    """Every name of NAMES registered; name → registration number."""
    return {
        name: participants.register(ctx, ADMIN, make_participant(name=name, serial=i + 1)).reg_no
        for i, name in enumerate(NAMES)
    }


def _found(ctx: Context, term: str) -> list[str]:
    with ctx.db.read() as s:
        ids = repo.search_ids(s, ListQuery(search=term))
        return sorted(repo.participant_by_id(s, i).name for i in ids)  # type: ignore[union-attr]


FILTERS = (
    "kecamatan_code, nagari_code, status, occupation, funding, sex, birth_date, reg_no, nik, kpj"
)


def _words_of(ctx: Context) -> set[tuple[Any, ...]]:
    with ctx.db.read() as s:
        rows = s.execute(text(f"SELECT id, word, name, {FILTERS} FROM participant_word")).all()
    return {tuple(r) for r in rows}


def _words_expected(ctx: Context) -> set[tuple[Any, ...]]:
    """What the table must hold: the words of every name, as the GIN index of migration
    0001 held them, each with the participant's filters and orders (migration 0015)."""
    with ctx.db.read() as s:
        rows = s.execute(
            text(
                f"SELECT p.id, w, p.name, p.{FILTERS.replace(', ', ', p.')} FROM participant p, "
                "unnest(tsvector_to_array(lindungi_name_words(p.name::text))) AS w"
            )
        ).all()
    return {tuple(r) for r in rows}


@pytest.fixture
def both(
    pg_url: str, tmp_path: Path, make_participant: MakeParticipant
) -> Iterator[tuple[Context, Context]]:
    """The same names in a register on SQLite and in one on the server."""
    lite = open_data_dir(tmp_path / "lite")
    setup_install(lite, ADMIN, role=Role.KABUPATEN)
    on_server = _kabupaten_on(pg_url, tmp_path / "server")
    try:
        _register(lite, make_participant)
        _register(on_server, make_participant)
        yield lite, on_server
    finally:
        lite.close()
        on_server.close()


def test_the_word_table_finds_whom_sqlite_finds(both: tuple[Context, Context]) -> None:
    lite, on_server = both
    for term in TERMS:
        assert _found(on_server, term) == _found(lite, term), term
    ridwan = ["Élise Ridwan", "Ridwan Ridwansyah", "RIDWAN Saputra", "ridwan saputra"]
    ridwan += ["Ridwansyah Putra", "D\u2019Angelo Ridwan", "Zoë Ridwansyah"]
    assert _found(on_server, "ridwan") == sorted(ridwan)
    assert _words_of(on_server) == _words_expected(on_server)


@pytest.mark.parametrize(
    ("one_pass", "merged", "walk"), [(50_000, 32, 1_000), (0, 32, 3), (50_000, 0, 1_000), (0, 0, 3)]
)
def test_the_first_page_from_the_word_table_is_the_whole_lists_start(
    both: tuple[Context, Context],
    monkeypatch: pytest.MonkeyPatch,
    one_pass: int,
    merged: int,
    walk: int,
) -> None:
    # Every path of the word table: several words in one pass, or counted then read; one
    # word's page merged from each word's run, or its range read and sorted; more matches
    # than the cap looked for along the name order first (a walk long or short): the same
    # page, in the list's order, each person counted once.
    _lite, on_server = both
    monkeypatch.setattr(repo, "_ONE_PASS", one_pass)
    monkeypatch.setattr(repo, "_MERGED_WORDS", merged)
    monkeypatch.setattr(repo, "_SERVER_WALK", {"digits": 4_000, "words": walk})
    for limit, cap, whole in [(3, 10_000, 0), (2, 3, 0), (3, 5, 4)]:
        for term in TERMS:
            query = ListQuery(search=term)
            with on_server.db.read() as s:
                every = repo.search_ids(s, query)
                first = repo.search_first(s, query, limit, cap, whole_up_to=whole)
            assert first.count == min(len(every), cap), term
            assert first.capped == (len(every) > cap), term
            if len(every) <= min(whole, cap):
                assert first.ids == every, term
            else:
                assert first.ids == every[:limit], term


def test_an_edited_name_is_found_by_its_new_words_only(
    pg_url: str, tmp_path: Path, make_participant: MakeParticipant
) -> None:
    ctx = _kabupaten_on(pg_url, tmp_path / "kab")
    try:
        numbers = _register(ctx, make_participant)
        reg_no = numbers["Yusnimar Wati"]
        participants.edit(
            ctx, ADMIN, reg_no, make_participant(name="Yusnimar Handayani", serial=16)
        )
        assert _found(ctx, "handayani") == ["Yusnimar Handayani"]
        assert _found(ctx, "wati") == []
        # Only the case changed: the table keeps the name as written.
        participants.edit(
            ctx, ADMIN, reg_no, make_participant(name="YUSNIMAR Handayani", serial=16)
        )
        assert _found(ctx, "yusnimar handa") == ["YUSNIMAR Handayani"]
        assert _words_of(ctx) == _words_expected(ctx)
    finally:
        ctx.close()


def test_an_erased_participant_is_gone_from_the_word_table(
    pg_url: str, tmp_path: Path, make_participant: MakeParticipant
) -> None:
    ctx = _kabupaten_on(pg_url, tmp_path / "kab")
    try:
        numbers = _register(ctx, make_participant)
        privacy.erase(ctx, ADMIN, numbers["Zoë Ridwansyah"])
        with ctx.db.read() as s:
            erased = repo.participant_by_reg(s, numbers["Zoë Ridwansyah"])
            assert erased is not None
            kept = s.execute(
                text("SELECT word FROM participant_word WHERE id = :id"), {"id": erased.id}
            ).all()
            zoe = s.execute(text("SELECT count(*) FROM participant_word WHERE word = 'zoe'"))
            assert zoe.scalar() == 0
        assert kept == []
        assert _found(ctx, "zoe") == []
        assert "Zoë Ridwansyah" not in _found(ctx, "ridwansyah")
        with ctx.db.read() as s:
            first = repo.search_first(s, ListQuery(search="zoe"), 200, 10_000)
        assert (first.ids, first.count) == ([], 0)
        assert _words_of(ctx) == _words_expected(ctx)
    finally:
        ctx.close()


def test_bulk_inserts_and_updates_keep_the_word_table(pg_register: str, tmp_path: Path) -> None:
    # Hundreds of rows go in as one statement (the bulk path of imports and merges): one
    # trigger call fills their words; a bulk update of names replaces them.
    from app.services import demo

    ctx = _kabupaten_on(pg_register, tmp_path / "kab")
    try:
        demo.generate(ctx, ADMIN, 450, seed=3)
        assert _words_of(ctx) == _words_expected(ctx)
        with ctx.db.session() as s:
            from app.store import sync as sync_store

            ids = s.execute(text("SELECT id FROM participant ORDER BY id LIMIT 300")).scalars()
            sync_store.update_participants(
                s, [{"id": i, "name": f"Nama Baru{i}", "status": "approved"} for i in ids]
            )
        assert _words_of(ctx) == _words_expected(ctx)
        assert len(_found(ctx, "nama baru")) == 300
        with ctx.db.session() as s:  # the filters alone change (a merge's updates, KPJs)
            ids = s.execute(text("SELECT id FROM participant WHERE id % 3 = 0")).scalars()
            sync_store.update_participants(
                s,
                [
                    {
                        "id": i,
                        "status": "active",
                        "occupation": "nelayan",
                        "funding": "apbn",
                        "birth_date": dt.date(1980, 1, 2),
                        "kpj": f"22{i:09d}",
                    }
                    for i in ids
                ],
            )
            moved = s.execute(  # another kecamatan's nagari (a correction)
                text(
                    "UPDATE participant SET (nagari_code, kecamatan_code) = (SELECT r.code, "
                    "r.parent_code FROM region r WHERE r.level = 'nagari' AND r.parent_code "
                    "<> participant.kecamatan_code ORDER BY r.code LIMIT 1) WHERE id = 7 "
                    "RETURNING kecamatan_code"
                )
            ).scalar()
        assert _words_of(ctx) == _words_expected(ctx)
        with ctx.db.read() as s:
            found = repo.search_ids(s, ListQuery(search="nama", kecamatan=moved))
            first = repo.search_first(s, ListQuery(search="nama", kecamatan=moved), 500, 10_000)
        assert 7 in found and first.ids == found
        with ctx.db.session() as s:  # deleted rows (never in the app) take their words along
            s.execute(text("DELETE FROM participant WHERE id > 400"))
        assert _words_of(ctx) == _words_expected(ctx)
    finally:
        ctx.close()


def test_the_word_count_is_an_index_only_scan(
    both: tuple[Context, Context], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.integration.test_search_plans_pg import traced_plans

    _lite, on_server = both
    found = traced_plans(
        on_server,
        lambda s: repo.search_first(s, ListQuery(search="ridw"), 2, 10_000),
        bitmaps=False,
    )
    counts = [p for p in found if "count(" in p.lower() or "Aggregate" in p]
    assert counts, found
    for plan in counts:
        assert "Index Only Scan using ix_participant_word_word" in plan, plan
        assert "on participant " not in plan and "on participant_word w" not in plan, plan
    assert not any("on participant " in p for p in found), found


def test_upgrade_from_0013_fills_the_table_and_downgrade_removes_it(
    pg_url: str, tmp_path: Path, make_participant: MakeParticipant
) -> None:
    from alembic import command

    ctx = _kabupaten_on(pg_url, tmp_path / "kab")
    try:
        _register(ctx, make_participant)
        engine = ctx.db.engine
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0013_pg_search")
        assert current_revision(engine) == "0013_pg_search"
        with engine.connect() as conn:
            table = conn.execute(text("SELECT to_regclass('participant_word')")).scalar()
            gin = conn.execute(text("SELECT to_regclass('ix_participant_name_words')")).scalar()
            triggers = conn.execute(
                text("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'participant_word%'")
            ).scalar()
        assert (table, triggers) == (None, 0)
        assert gin is not None  # the GIN index of 0001, back with the downgrade of 0015
        with engine.begin() as conn:  # a name changed while the register was at 0013
            conn.execute(text("UPDATE participant SET name = 'Siti Marlina' WHERE id = 2"))
        upgrade(engine, ctx.db.path, ctx.data_dir)
        assert current_revision(engine) == head_revision()
        assert _words_of(ctx) == _words_expected(ctx)
        with engine.connect() as conn:  # vacuumed after the fill: index-only scans stay so
            pages, visible = conn.execute(
                text(
                    "SELECT relpages, relallvisible FROM pg_class "
                    "WHERE relname = 'participant_word'"
                )
            ).one()
        assert pages > 0 and visible == pages
        assert _found(ctx, "marlina") == ["Siti Marlina"]
        with engine.connect() as conn:  # every name search reads the word table (0015)
            gin = conn.execute(text("SELECT to_regclass('ix_participant_name_words')")).scalar()
        assert gin is None
    finally:
        ctx.close()


@pytest.mark.skipif(not pgbackup.tools_present(), reason="pg_dump/pg_restore are not on the PATH")
def test_a_restored_register_finds_its_names_and_not_those_erased_since(
    pg_kabupaten: Context, make_participant: MakeParticipant
) -> None:
    # The dump carries the word table; the erasure made after the backup is applied again
    # to the restored register, and its words go with it.
    ctx = pg_kabupaten
    numbers = _register(ctx, make_participant)
    path = backup.backup(ctx, ADMIN)
    privacy.erase(ctx, ADMIN, numbers["Zoë Ridwansyah"])
    address = create_database()
    try:
        assert pgbackup.restore(ctx, ADMIN, path, address.database) == len(NAMES)
        restored = open_register(ctx.data_dir / "restored-view", address)
        try:
            assert _found(restored, "zoe") == []
            assert _found(restored, "siti ami") == ["Siti Aminah", "Siti Nur Aminah"]
            assert _words_of(restored) == _words_expected(restored)
        finally:
            restored.close()
    finally:
        drop_database(address)


def test_migration_0014_does_nothing_on_sqlite(tmp_path: Path) -> None:
    db = Database(tmp_path / "lite.db", None)
    try:
        upgrade(db.engine, db.path, tmp_path)
        with db.engine.connect() as conn:
            names = set(conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars())
    finally:
        db.close()
    assert "participant_fts" in names
    assert not any("participant_word" in n for n in names)


def test_a_server_register_of_a_test_server_has_the_word_table(pg_register: str) -> None:
    # The template every server test copies (tests/pg.py) is migrated to this version.
    from app.store import pg

    address, password = pg.parse(pg_register)
    engine = pg.make_pg_engine(address, password, busy_timeout_s=30)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT to_regclass('participant_word')")).scalar()
    finally:
        engine.dispose()


def test_a_name_with_each_filter_and_order_finds_what_sqlite_finds(
    pg_url: str, tmp_path: Path
) -> None:
    # The same register on both engines: a name with each of the list's filters (beside
    # the words on the server, migration 0015) and in each order gives the same people in
    # the same order, and the first page is the whole list's start.
    from app.services import demo

    lite = open_data_dir(tmp_path / "lite")
    setup_install(lite, ADMIN, role=Role.KABUPATEN)
    on_server = _kabupaten_on(pg_url, tmp_path / "server")
    try:
        for ctx in (lite, on_server):
            demo.generate(ctx, ADMIN, 400, seed=5, now=dt.datetime(2024, 3, 1, 9, 0))
        with lite.db.read() as s:
            row = s.execute(
                text(
                    "SELECT kecamatan_code, nagari_code, occupation, funding, status, name "
                    "FROM participant ORDER BY id LIMIT 1 OFFSET 17"
                )
            ).one()
        kecamatan, nagari, occupation, funding, status, name = row
        word = name.split()[0]
        queries = [
            ListQuery(search=word, kecamatan=kecamatan),
            ListQuery(search=word[:2], kecamatan=kecamatan, descending=True),
            ListQuery(search=word, nagari=nagari),
            ListQuery(search=word[:1], status=status, occupation=occupation),
            ListQuery(search=name, funding=funding),
            ListQuery(search=word[:1], card="unprinted", sort="reg_no"),
            ListQuery(search=word[:1], sort="birth_date", descending=True),
            ListQuery(search=word, sort="nik", kecamatan=kecamatan),
            ListQuery(search=word[:1], sort="status"),
            ListQuery(search=word[:1], sort="sex", descending=True, funding=funding),
            ListQuery(search=word, sort="nagari", kecamatan=kecamatan),
            ListQuery(search=word[:1], sort="occupation", status=status),
            ListQuery(search="zzz", kecamatan=kecamatan, sort="kpj"),
        ]
        sizes = []
        for query in queries:
            found = []
            for ctx in (lite, on_server):
                with ctx.db.read() as s:
                    ids = repo.search_ids(s, query)
                    first = repo.search_first(s, query, 7, 10_000)
                    assert first.ids == ids[:7] and first.count == len(ids), query
                    found.append([repo.participant_by_id(s, i).reg_no for i in ids])  # type: ignore[union-attr]
            assert found[0] == found[1], query
            sizes.append(len(found[0]))
        assert sum(1 for n in sizes if n > 7) >= 4 and sizes[-1] == 0, sizes
    finally:
        lite.close()
        on_server.close()
