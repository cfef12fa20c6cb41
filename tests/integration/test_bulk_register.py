"""The one-pass bulk insert (participants with the entries that create them) writes exactly
what the two steps write (rows, then entries read back and pointed at), and the chain it
leaves verifies; a row whose values might not read back as they went in takes the two
steps."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.domain.install import Role as InstallRole
from app.domain.rows import HistoryEntry, ParticipantRow
from app.services import audit, demo
from app.services.context import Context, open_data_dir
from app.services.setup import setup_install
from app.store import repo
from tests.actors import ADMIN

COUNT = 300  # above the threshold where the bulk paths go through the driver


class _Undo(Exception):
    pass


def made(ctx: Context) -> tuple[list[ParticipantRow], list[HistoryEntry]]:
    """The rows and entries ``demo.generate`` would write, not written."""
    caught: dict[str, Any] = {}

    def keep(_s: Session, rows: Any, history: Any) -> None:
        caught["rows"], caught["history"] = list(rows), list(history)
        raise _Undo

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(repo, "bulk_register", keep)
        with pytest.raises(_Undo):
            demo.generate(ctx, ADMIN, COUNT, seed=5)
    return caught["rows"], caught["history"]


def written(ctx: Context, write: Callable[[Session], None]) -> tuple[list[Any], list[Any]]:
    """What ``write`` leaves in the participant and history tables, rolled back after."""
    out: dict[str, list[Any]] = {}

    def write_and_undo() -> None:
        with ctx.db.session() as s:
            write(s)
            s.flush()
            raw = repo.driver(s)
            out["rows"] = raw.execute(
                "SELECT uuid, history_hash, created_at, birth_date FROM participant ORDER BY id"
            ).fetchall()
            out["history"] = raw.execute(
                "SELECT entity_id, at, state, content_hash, prev_hash, hash FROM history "
                "ORDER BY id"
            ).fetchall()
            out["names"] = raw.execute("SELECT rowid, name FROM participant_fts").fetchall()
            raise _Undo

    with pytest.raises(_Undo):
        write_and_undo()
    return out["rows"], out["history"] + out["names"]


@pytest.fixture
def kabupaten(tmp_path: Any) -> Context:
    ctx = open_data_dir(tmp_path / "data")
    setup_install(ctx, ADMIN, role=InstallRole.KABUPATEN)
    return ctx


@pytest.fixture
def read_back(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many entries each read-back of written rows (``repo._seal``) stamped."""
    calls: list[int] = []
    seal = repo._seal

    def counting(s: Session, entries: Any) -> Any:
        calls.append(len(entries))
        return seal(s, entries)

    monkeypatch.setattr(repo, "_seal", counting)
    return calls


def test_one_pass_writes_what_the_two_steps_write(kabupaten: Context, read_back: list[int]) -> None:
    rows, history = made(kabupaten)

    def two_steps(s: Session) -> None:
        repo.bulk_insert_participants(s, rows)
        repo.bulk_history(s, history)

    def one_pass(s: Session) -> None:
        repo.bulk_register(s, rows, history)

    expected = written(kabupaten, two_steps)
    assert len(expected[0]) >= COUNT - 5 and all(h != repo.NEW_ROW for _, h, *_ in expected[0])
    assert read_back == [len(history)]  # the two steps read the rows back
    assert written(kabupaten, one_pass) == expected
    assert read_back == [len(history)]  # one pass did not
    kabupaten.close()


def test_the_chain_of_a_one_pass_insert_verifies(kabupaten: Context) -> None:
    demo.generate(kabupaten, ADMIN, COUNT, seed=6)
    found = audit.verify(kabupaten)
    assert found.ok, dataclasses.asdict(found)
    assert found.entries > COUNT
    kabupaten.close()


def test_a_value_of_another_type_is_read_back_after_the_insert(
    kabupaten: Context, read_back: list[int]
) -> None:
    rows, history = made(kabupaten)
    # An income as text: SQLite stores "007500" in an INTEGER column as 7500, so the
    # digest of the Python value would not be the stored row's.
    odd = [{**r, "income": f"00{r['income']}"} for r in rows]
    with kabupaten.db.session() as s:
        repo.bulk_register(s, odd, history)  # type: ignore[arg-type]
    assert read_back == [len(history)]
    found = audit.verify(kabupaten)
    assert found.ok, dataclasses.asdict(found)
    kabupaten.close()
