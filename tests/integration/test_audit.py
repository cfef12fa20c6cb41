"""The audit trail is hash-chained: any edit, insertion or removal is detected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from app.main import main
from app.services import audit, demo, participants
from app.store.engine import make_engine
from app.store.faults import DATABASE_ERRORS
from app.store.migrate import upgrade
from tests.actors import ADMIN
from tests.opening import key_of, open_as, raw

# Command-line calls sign in as the test administrator.
pytestmark = pytest.mark.usefixtures("cli_account")


def _raw(ctx_path: Path) -> Any:
    return raw(ctx_path / "lindungi.sqlite", key_of(ctx_path))


@pytest.mark.sqlite_file
def test_chain_verifies_after_real_work_and_breaks_on_any_edit(make_ctx, capsys) -> None:
    ctx = make_ctx("kabupaten")
    before = audit.verify(ctx).entries  # the set-up
    demo.generate(ctx, ADMIN, 30, seed=1)
    result = audit.verify(ctx)
    assert result.ok
    assert result.entries == before + 30
    data_dir = ctx.data_dir
    ctx.close()
    assert main(["--data-dir", str(data_dir), "audit", "verify"]) == 0

    con = _raw(data_dir)
    # The database refuses edits and deletions outright …
    for sql in ("UPDATE history SET actor = 'x' WHERE id = 3", "DELETE FROM history WHERE id = 3"):
        with pytest.raises(DATABASE_ERRORS, match="append-only"):
            con.execute(sql)
    # … and someone who removes the trigger is still caught.
    con.execute("DROP TRIGGER history_no_update")
    con.execute("UPDATE history SET changes = '{}' WHERE id = 5")
    con.commit()
    con.close()
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "audit", "verify"]) == 1
    assert "5" in capsys.readouterr().err


@pytest.mark.sqlite_file
def test_a_removed_entry_breaks_the_chain(make_ctx) -> None:
    ctx = make_ctx("kabupaten")
    demo.generate(ctx, ADMIN, 10, seed=2)
    data_dir = ctx.data_dir
    ctx.close()
    con = _raw(data_dir)
    con.execute("DROP TRIGGER history_no_delete")
    con.execute("DELETE FROM history WHERE id = 4")
    con.commit()
    con.close()
    ctx = open_as(data_dir)
    try:
        result = audit.verify(ctx)
    finally:
        ctx.close()
    assert not result.ok
    assert result.broken_at is not None and result.broken_at > 4
    assert result.kind == "link"


def test_upgrade_chains_the_history_written_before_the_chain_existed(tmp_path: Path) -> None:
    data_dir = tmp_path / "old"
    data_dir.mkdir()
    db = data_dir / "lindungi.sqlite"
    engine = make_engine(db)
    upgrade(engine, db, tmp_path, target="0004_sync")
    engine.dispose()
    con = raw(db, None)  # a plaintext register of that release
    for i in range(5):
        con.execute(
            "INSERT INTO history (at, actor, install_code, entity, entity_id, action, changes,"
            " reason) VALUES (?, 'admin', '130306-A', 'participant', ?, 'create', '{}', '')",
            (
                (dt.datetime(2025, 1, 1, 8, 0) + dt.timedelta(minutes=i)).strftime(
                    "%Y-%m-%d %H:%M:%S.%f"
                ),
                f"uuid-{i}",
            ),
        )
    con.commit()
    con.close()
    ctx = open_as(data_dir)  # migrates to head, chaining the five entries
    try:
        result = audit.verify(ctx)
    finally:
        ctx.close()
    assert result.ok
    assert result.entries == 5


def test_entries_mask_niks_and_filter(kecamatan_ctx, make_participant) -> None:
    ctx = kecamatan_ctx
    participants.register(ctx, ADMIN, make_participant())
    rows = audit.entries(ctx, ADMIN, action="create")
    assert len(rows) == 1
    assert "••" in rows[0].summary


def test_every_action_the_code_records_is_named_in_both_languages() -> None:
    """The audit trail and a record's history show what happened in words, not codes."""
    import re

    from app import i18n

    root = Path(__file__).resolve().parents[2] / "app"
    argparse_actions = {"store_true", "store_false", "version", "append", "count"}
    written: set[str] = set()
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        written |= set(re.findall(r'action="([a-z_]+)"', text))
        written |= set(re.findall(r'"action": "([a-z_]+)"', text))
        # Services that pass the action on to their own history helper.
        written |= set(re.findall(r'_history\(s, ctx, [\w.]+, "([a-z_]+)"', text))
        for line in text.splitlines():
            if "_change(s, ctx" in line:
                written |= set(re.findall(r'"([a-z_]+)"(?=, \w+=|\)$)', line.strip()))
    written -= argparse_actions
    assert {"create", "bundle_export", "user_add", "approve"} <= written  # the scan works
    assert sorted(written - set(audit.ACTIONS)) == []
    assert sorted(t for t in audit.ACTIONS.values() if t not in i18n.ID) == []


def test_the_trail_lists_actions_in_the_users_language(kecamatan_ctx, capsys) -> None:
    from app import i18n

    demo.generate(kecamatan_ctx, ADMIN, 3, seed=2)
    labels = [audit.action_label(e.action) for e in audit.entries(kecamatan_ctx, ADMIN)]
    assert "Instalasi disiapkan" in labels
    assert all("_" not in label for label in labels)
    i18n.set_language("en")
    assert audit.action_label("bundle_export") == "Bundle written"
    assert audit.action_label("something_new") == "something_new"  # a code never hides
