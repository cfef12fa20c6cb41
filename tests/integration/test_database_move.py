"""``lindungi database move --to postgresql://…``: the kabupaten's register onto a server,
copied, compared row by row and audited, or nothing changed at all."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.services import audit, demo, participants, presence
from app.services.actor import Actor, Role
from app.store import transfer
from app.store.pg import ServerAddress, make_pg_engine
from tests.actors import ADMIN
from tests.integration.pg_register import pg_database, server, url_of
from tests.opening import open_as

__all__ = ["pg_database"]  # fixture
pytestmark = pytest.mark.usefixtures("cli_account")


@pytest.fixture
def kabupaten(cli: Any, tmp_path: Path) -> Path:
    """A kabupaten data dir on SQLite with 300 participants and their history."""
    data = tmp_path / "dinas"
    code, _out, err = cli("--data-dir", data, "setup", "--role", "kabupaten")
    assert code == 0, err
    ctx = open_as(data)
    try:
        demo.generate(ctx, ADMIN, 300, seed=5)
    finally:
        ctx.close()
    return data


def tables_on(address: ServerAddress) -> list[str]:
    _a, password = server()
    engine = make_pg_engine(address, password, busy_timeout_s=5)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
            )
            return [r[0] for r in rows]
    finally:
        engine.dispose()


def names_found(ctx: Any) -> dict[str, list[str]]:
    """The names a few name searches find (FTS5 on SQLite, the word table on a server)."""
    from app.store import repo

    out = {}
    with ctx.db.read() as s:
        for term in ("siti", "nur", "ri", "yusnimar wati", "a"):
            ids = repo.search_ids(s, repo.ListQuery(search=term))
            out[term] = sorted(repo.participant_by_id(s, i).name for i in ids)  # type: ignore[union-attr]
    assert any(out.values())
    return out


def test_the_register_moves_whole_and_the_file_is_kept_as_a_backup(
    cli: Any, kabupaten: Path, pg_database: ServerAddress
) -> None:
    before = open_as(kabupaten)
    try:
        counts = transfer.row_counts(before.db.engine)
        entries = audit.verify(before).entries
        found = names_found(before)
    finally:
        before.close()
    code, out, err = cli("--data-dir", kabupaten, "database", "move", "--to", url_of(pg_database))
    assert code == 0, err
    assert "300 peserta" in out and "setiap baris sudah dibandingkan" in out

    # The data dir now opens the register on the server: the same rows, a whole chain.
    assert not (kabupaten / "lindungi.sqlite").exists()
    [kept] = list((kabupaten / "backups").glob("*moved-to-server.sqlite"))
    locator = json.loads((kabupaten / "database.json").read_text())
    assert locator["server"]["database"] == pg_database.database
    _a, password = server()
    if password:
        assert password not in (kabupaten / "database.json").read_text()
    after = open_as(kabupaten)
    try:
        assert after.db.on_server
        assert participants.count(after) == 300
        # Opening it signed the day's chain head (a history entry and a setting); every
        # other table holds what the file held.
        now = transfer.row_counts(after.db.engine)
        same = {k for k in counts if k not in ("history", "setting")}
        assert {k: now[k] for k in same} == {k: counts[k] for k in same}
        check = audit.verify(after)
        assert check.ok and check.entries >= entries
        # The server's name words were filled as the rows came in: the same people found.
        assert names_found(after) == found
    finally:
        after.close()
    code, out, _err = cli("--data-dir", kabupaten, "database", "where")
    assert code == 0 and pg_database.database in out and "@" in out
    # The kept file is the register as it was: a restorable backup of this install.
    code, out, _err = cli("--data-dir", kabupaten, "backup", "--list")
    assert kept.name in out

    # Moving again is refused: it is on the server already.
    code, _out, err = cli("--data-dir", kabupaten, "database", "move", "--to", url_of(pg_database))
    assert code == 1 and "sudah disimpan di server PostgreSQL" in err


def test_a_kecamatan_register_stays_on_its_pc(
    cli: Any, tmp_path: Path, pg_database: ServerAddress
) -> None:
    data = tmp_path / "kec"
    code, _out, err = cli(
        "--data-dir", data, "setup", "--role", "kecamatan", "--kecamatan", "13.03.06"
    )
    assert code == 0, err
    code, _out, err = cli("--data-dir", data, "database", "move", "--to", url_of(pg_database))
    assert code == 1 and "kantor kecamatan menyimpan registernya di PC ini" in err
    assert not (data / "database.json").exists()
    assert tables_on(pg_database) == []


def test_a_bad_address_or_a_database_in_use_changes_nothing(
    cli: Any, kabupaten: Path, pg_database: ServerAddress
) -> None:
    code, _out, err = cli("--data-dir", kabupaten, "database", "move", "--to", "mysql://x@y/z")
    assert code != 0 and "PostgreSQL" in err
    _a, password = server()
    engine = make_pg_engine(pg_database, password, busy_timeout_s=5)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE payroll (id integer)"))
    finally:
        engine.dispose()
    code, _out, err = cli("--data-dir", kabupaten, "database", "move", "--to", url_of(pg_database))
    assert code == 1 and "payroll" in err and "Tidak ada yang diubah" in err
    assert tables_on(pg_database) == ["payroll"]
    assert (kabupaten / "lindungi.sqlite").exists()
    assert not (kabupaten / "database.json").exists()


def test_a_copy_that_differs_is_removed_and_the_register_stays(
    cli: Any, kabupaten: Path, pg_database: ServerAddress, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transfer, "compare", lambda _a, _b: transfer.Mismatch("participant", "17"))
    code, _out, err = cli("--data-dir", kabupaten, "database", "move", "--to", url_of(pg_database))
    assert code == 1 and "tabel participant (baris 17)" in err
    assert tables_on(pg_database) == []  # emptied again
    assert not (kabupaten / "database.json").exists()
    ctx = open_as(kabupaten)
    try:
        assert not ctx.db.on_server and participants.count(ctx) == 300
    finally:
        ctx.close()


def test_a_copy_whose_history_was_tampered_with_fails_its_audit_and_is_removed(
    cli: Any, kabupaten: Path, pg_database: ServerAddress, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_copy = transfer.copy

    def copy_then_tamper(source: Any, target: Any) -> dict[str, int]:
        counts = real_copy(source, target)
        target.execute(text("ALTER TABLE participant DISABLE TRIGGER USER"))
        target.execute(text("UPDATE participant SET name = 'Hantu' WHERE id = 5"))
        target.execute(text("ALTER TABLE participant ENABLE TRIGGER USER"))
        return counts

    monkeypatch.setattr(transfer, "copy", copy_then_tamper)
    monkeypatch.setattr(transfer, "compare", lambda _a, _b: None)  # only the audit can see it
    code, _out, err = cli("--data-dir", kabupaten, "database", "move", "--to", url_of(pg_database))
    assert code == 1 and "tidak lolos pemeriksaan audit" in err
    assert tables_on(pg_database) == []
    assert not (kabupaten / "database.json").exists()


def test_no_move_while_another_desk_is_signed_in(
    cli: Any, kabupaten: Path, pg_database: ServerAddress
) -> None:
    ctx = open_as(kabupaten)
    try:
        presence.beat(ctx, Actor("rina", Role.OPERATOR), presence.new_desk_id(), "MEJA-2")
    finally:
        ctx.close()
    code, _out, err = cli("--data-dir", kabupaten, "database", "move", "--to", url_of(pg_database))
    assert code == 1 and "rina (MEJA-2)" in err
    assert tables_on(pg_database) == []
