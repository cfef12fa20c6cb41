"""The bulk writes of a register on PostgreSQL run on a worker thread while the program
makes the next ones ready (app.store.pg.pipelined): a statement the server refuses there
is still the transaction's error, nothing of the transaction stays, and the next write
goes in whole.

These need a server (``LINDUNGI_TEST_PG``, tests/pg.py): skipped without one, required
under CI.
"""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import text

from app.services import audit
from app.services.context import Context
from app.store import pg, repo
from tests.integration.pg_register import pg_database, pg_kabupaten
from tests.integration.test_bulk_register import made

__all__ = ["pg_database", "pg_kabupaten"]  # fixtures


def _counts(ctx: Context) -> tuple[int, int]:
    with ctx.db.read() as s:
        people = s.execute(text("SELECT count(*) FROM participant")).scalar()
        entries = s.execute(text("SELECT count(*) FROM history")).scalar()
    return int(people or 0), int(entries or 0)


def test_a_row_refused_in_the_background_leaves_nothing_and_the_next_write_goes_in(
    pg_kabupaten: Context,
) -> None:
    ctx = pg_kabupaten
    rows, history = made(ctx)
    before = _counts(ctx)
    last = rows[-1]["uuid"]
    with ctx.db.engine.begin() as conn:  # the server refuses the last row of the batch
        conn.execute(
            text(f"ALTER TABLE participant ADD CONSTRAINT refuse_one CHECK (uuid <> '{last}')")
        )
    with pytest.raises(Exception, match="refuse_one"), ctx.db.session() as s:
        repo.bulk_register(s, rows, history)  # the entries went in first, then the rows
    assert not pg._PIPELINES  # nothing left running on any connection
    assert _counts(ctx) == before
    assert audit.verify(ctx).ok

    with ctx.db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE participant DROP CONSTRAINT refuse_one"))
    with ctx.db.session() as s:
        repo.bulk_register(s, rows, history)
    assert _counts(ctx) == (before[0] + len(rows), before[1] + len(history))
    found = audit.verify(ctx)
    assert found.ok, dataclasses.asdict(found)
    with ctx.db.read() as s:  # every new row points at the newest entry about it
        pointed = s.execute(
            text(
                "SELECT count(*) FROM participant p WHERE p.history_hash = (SELECT h.hash "
                "FROM history h WHERE h.entity_id = p.uuid ORDER BY h.id DESC LIMIT 1)"
            )
        ).scalar()
    assert pointed == len(rows)
