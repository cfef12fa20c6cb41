"""Several desks on one register on PostgreSQL, with real concurrent sessions.

Each desk is its own Context with its own engine and connections on the same database,
working in its own thread at the same moment (a barrier lines them up): two desks merging
bundles from different offices, one importing a BPJS reply while another resolves
conflicts, two confirming one office, and a real deadlock between two transactions.
Skipped without a server (LINDUNGI_TEST_PG).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from app.errors import Refused
from app.services import audit, bpjs, participants, presence, trust
from app.services.actor import Actor, Role
from app.services.context import Context
from app.services.sync import conflicts, offices
from app.store.concurrency import retrying
from app.store.pg import ServerAddress
from tests.actors import ADMIN
from tests.integration.pg_register import open_register, pg_database, pg_kabupaten
from tests.integration.sync_world import KEC_A, KEC_B, World, person

__all__ = ["pg_database", "pg_kabupaten"]  # fixtures

RINA = Actor("rina", Role.SUPERVISOR)


@pytest.fixture
def world(pg_kabupaten: Context, make_ctx: Any, tmp_path: Path) -> World:
    """The kabupaten on the server and two offices (SQLite) enrolled with it."""
    usb = tmp_path / "usb"
    usb.mkdir()
    stations = []
    for kec, name in ((KEC_A, "kec-a"), (KEC_B, "kec-b")):
        written = trust.write_enrolment(pg_kabupaten, ADMIN, kec, "A", usb)
        ctx = make_ctx("kecamatan", name=name, setup=False)
        trust.setup_from_enrolment(ctx, ADMIN, written.path)
        stations.append(ctx)
    return World(pg_kabupaten, stations[0], stations[1], usb)


@pytest.fixture
def second_desk(world: World, pg_database: ServerAddress) -> Iterator[Context]:
    """Another desk on the same register: its own engine, its own sessions."""
    desk = open_register(world.kab.data_dir, pg_database)
    yield desk
    desk.close()


def together(*work: Callable[[], Any]) -> list[Any]:
    """Run each piece of work in its own thread, started at the same moment; their
    results (or the exception each raised), in order."""
    gate = threading.Barrier(len(work))
    out: list[Any] = [None] * len(work)

    def run(i: int, job: Callable[[], Any]) -> None:
        gate.wait()
        try:
            out[i] = job()
        except Exception as exc:  # handed back to the test
            out[i] = exc

    threads = [threading.Thread(target=run, args=(i, w)) for i, w in enumerate(work)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return out


def reg_nos(ctx: Context) -> list[str]:
    with ctx.db.read() as s:
        return [r for (r,) in s.execute(text("SELECT reg_no FROM participant"))]


def confirmed(world: World) -> None:
    """Both offices' first bundles merged (their keys confirmed)."""
    world.register(world.a, person(1))
    world.register(world.b, person(1, kecamatan=KEC_B))
    for office in (world.a, world.b):
        world.kab_import(world.export(office))
        world.confirm(office)


def test_two_desks_merge_bundles_of_two_offices_at_once(world: World, second_desk: Context) -> None:
    confirmed(world)
    world.register(world.a, *(person(i, name=f"Peserta A{i}") for i in range(2, 42)))
    world.register(
        world.b, *(person(i, kecamatan=KEC_B, name=f"Peserta B{i}") for i in range(2, 32))
    )
    bundle_a, bundle_b = world.export(world.a), world.export(world.b)

    from app.services.sync import bundle_import

    a, b = together(
        lambda: bundle_import.import_file(world.kab, ADMIN, bundle_a),
        lambda: bundle_import.import_file(second_desk, RINA, bundle_b),
    )
    assert not isinstance(a, Exception), a
    assert not isinstance(b, Exception), b
    assert (a.status, a.counts["new"]) == ("imported", 40)
    assert (b.status, b.counts["new"]) == ("imported", 30)
    numbers = reg_nos(world.kab)
    assert len(numbers) == 72 and len(set(numbers)) == 72  # none lost, none twice
    check = audit.verify(world.kab)
    assert check.ok, check
    # The same bundle merged again by the other desk: nothing new.
    again = bundle_import.import_file(second_desk, RINA, bundle_a)
    assert again.status == "already"


def test_one_desk_imports_a_bpjs_reply_while_another_resolves_conflicts(
    world: World, second_desk: Context, tmp_path: Path
) -> None:
    confirmed(world)
    world.register(world.a, *(person(i, name=f"Peserta A{i}") for i in range(2, 22)))
    shared = [person(50 + i, name=f"Ganda {i}").nik for i in range(3)]
    world.register(world.a, *(person(50 + i, name=f"Ganda {i}") for i in range(3)))
    world.sync(world.a)
    world.register(
        world.b,
        *(person(50 + i, kecamatan=KEC_B, nik=shared[i], name=f"Ganda {i}") for i in range(3)),
    )
    merged = world.kab_import(world.export(world.b))
    assert merged.counts["duplicate"] == 3
    queue = conflicts.list_conflicts(world.kab)
    assert len(queue) == 3

    # BPJS answers with a KPJ for every participant the export listed.
    out = tmp_path / "ke-bpjs.xlsx"
    bpjs.export(world.kab, ADMIN, out)
    wb = load_workbook(out)
    ws = wb.active
    assert ws is not None
    header = [c.value for c in ws[1]]
    reg_col, kpj_col = header.index("No Registrasi"), header.index("No KPJ")
    for n, row in enumerate(ws.iter_rows(min_row=2)):
        row[kpj_col].value = f"0{n + 1:010d}"
        row[kpj_col].number_format = "@"
        assert row[reg_col].value
    reply = tmp_path / "dari-bpjs.xlsx"
    wb.save(reply)
    shown = bpjs.preview(world.kab, reply)

    def resolve_all() -> list[str]:
        return [conflicts.resolve(second_desk, RINA, c.id, keep="A").decision or "" for c in queue]

    saved, decisions = together(lambda: bpjs.commit(world.kab, ADMIN, shown), resolve_all)
    assert not isinstance(saved, Exception), saved
    assert decisions == ["keep_a"] * 3
    assert saved.saved == 25  # 24 of office A, 1 of B (its 3 duplicates wait)
    assert conflicts.list_conflicts(world.kab) == []
    with world.kab.db.read() as s:
        kpjs = [k for (k,) in s.execute(text("SELECT kpj FROM participant WHERE kpj <> ''"))]
    assert len(kpjs) == 25 and len(set(kpjs)) == 25
    numbers = reg_nos(world.kab)
    assert len(numbers) == len(set(numbers))
    check = audit.verify(world.kab)
    assert check.ok, check


def test_two_desks_confirming_one_office_at_once_one_wins_the_other_is_told(
    world: World, second_desk: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.register(world.a, person(1), person(2, name="Siti Aminah"))
    world.kab_import(world.export(world.a))
    fingerprint = trust.whoami(world.a).fingerprint
    # Both desks have read the office as unconfirmed before either writes.
    both_read = threading.Barrier(2)
    real = trust.normalise_fingerprint

    def line_up(given: str) -> str:
        both_read.wait(30)
        return real(given)

    monkeypatch.setattr(offices, "normalise_fingerprint", line_up)
    one, two = together(
        lambda: offices.confirm_office(world.kab, ADMIN, "130306-A", fingerprint),
        lambda: offices.confirm_office(second_desk, RINA, "130306-A", fingerprint),
    )
    outcomes = [one, two]
    told = [r for r in outcomes if isinstance(r, Refused)]
    won = [r for r in outcomes if not isinstance(r, Exception)]
    assert len(told) == 1 and len(won) == 1, outcomes
    assert told[0].code == "office.confirmed_meanwhile"
    assert [r.counts["new"] for r in won[0]] == [2]
    assert participants.count(world.kab) == 2
    with world.kab.db.read() as s:
        count = s.execute(
            text("SELECT count(*) FROM history WHERE action = 'office_confirmed'")
        ).scalar()
    assert count == 1


def test_a_real_deadlock_is_retried_not_shown_as_a_crash(
    pg_kabupaten: Context, pg_database: ServerAddress, tmp_path: Path
) -> None:
    other = open_register(tmp_path / "desk-2", pg_database)
    try:
        for desk_id in ("x", "y"):
            presence.beat(pg_kabupaten, ADMIN, desk_id, "MEJA")
        gate = threading.Barrier(2, timeout=30)
        tries = {"one": 0, "two": 0}

        def crossing(ctx: Context, name: str, first: str, second: str) -> Callable[[], str]:
            def work() -> str:
                tries[name] += 1
                # Raw transactions without the register's write lock, so that the two
                # really cross: each holds one row and waits for the other's.
                with ctx.db.engine.begin() as conn:
                    sql = text("UPDATE desk_presence SET host = :h WHERE desk_id = :d")
                    conn.execute(sql, {"h": name, "d": first})
                    if tries[name] == 1:
                        gate.wait()
                    conn.execute(sql, {"h": name, "d": second})
                return name

            return lambda: retrying(work)

        one, two = together(
            crossing(pg_kabupaten, "one", "x", "y"), crossing(other, "two", "y", "x")
        )
        assert (one, two) == ("one", "two")
        # The server chose one victim, which ran again (on a busy machine maybe twice).
        assert min(tries.values()) == 1 and max(tries.values()) >= 2
    finally:
        other.close()
