"""The audit chain on screen: the main window's banner for a database behind the head this
PC signed (and the supervisor's reason), the ledger's audit trail column, a held bundle."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from app.services import audit, backup, chainhead, participants
from app.services.actor import Role
from app.store.engine import DB_FILENAME
from app.ui.mainwindow import MainWindow
from app.ui.sync_views import OfficesView
from tests.actors import ADMIN
from tests.conftest import MakeCtx, MakeParticipant
from tests.integration.sync_world import World, person
from tests.opening import open_as
from tests.ui.conftest import MakeSession, Messages


def _text(item: QTableWidgetItem | None) -> str:
    assert item is not None
    return item.text()


def test_the_banner_shows_a_database_copied_back_until_a_supervisor_explains(
    qtbot: QtBot,
    make_ctx: MakeCtx,
    make_participant: MakeParticipant,
    make_session: MakeSession,
    tmp_path: Path,
    messages: Messages,
) -> None:
    ctx = make_ctx("kecamatan", name="office")
    participants.register(ctx, ADMIN, make_participant())
    data_dir = ctx.data_dir
    window = MainWindow(make_session(ctx, Role.OPERATOR))
    qtbot.addWidget(window)
    assert not window.chain_banner.isVisibleTo(window)  # nothing to say
    window.close()
    ctx.close()
    old = tmp_path / "old.sqlite"
    shutil.copy(data_dir / DB_FILENAME, old)
    ctx = open_as(data_dir)
    participants.register(ctx, ADMIN, make_participant(serial=2))
    backup.backup(ctx, ADMIN)
    ctx.close()
    for suffix in ("-wal", "-shm"):
        (data_dir / (DB_FILENAME + suffix)).unlink(missing_ok=True)
    shutil.copy(old, data_dir / DB_FILENAME)

    ctx = open_as(data_dir)
    window = MainWindow(make_session(ctx, Role.OPERATOR))
    qtbot.addWidget(window)
    window.show()
    banner = window.chain_banner
    assert banner.isVisible()
    assert "disalin kembali" in banner.text.text()  # "copied back"
    assert not banner.button.isEnabled()  # an operator cannot explain it away
    window.grab().save(str(tmp_path / "banner.png"))
    window.close()

    window = MainWindow(make_session(ctx, Role.SUPERVISOR, "sri"))
    qtbot.addWidget(window)
    window.show()
    banner = window.chain_banner
    assert banner.button.isEnabled()
    assert not banner.record("  ")  # a reason is needed
    assert messages.errors
    assert banner.record("the PC's disk was replaced from last week's copy; checked by Sri")
    assert not banner.isVisible()
    assert audit.verify(ctx).ok
    window.close()
    ctx.close()


def test_the_ledger_shows_each_office_chain_and_a_held_bundle(
    qtbot: QtBot, make_ctx: MakeCtx, tmp_path: Path
) -> None:
    world = World.make(make_ctx, tmp_path, confirm=True)
    view = OfficesView(world.kab, ADMIN)
    qtbot.addWidget(view)
    view.select("130306-A")
    column = view.table.columnCount() - 1
    assert _text(view.table.horizontalHeaderItem(column)) == "Jejak audit"
    row = view.table.currentRow()
    assert "dipercaya pada penggunaan pertama" in _text(view.table.item(row, column))
    assert not view.chain_button.isEnabled()

    # The office's database is replaced by an older copy (and its head file with it).
    office = world.a
    world.register(office, person(1))
    world.sync(office)
    data_dir = office.data_dir
    office.close()
    saved = tmp_path / "office.sqlite"
    shutil.copy(data_dir / DB_FILENAME, saved)
    office = open_as(data_dir)
    world.register(office, person(2))
    world.sync(office)
    office.close()
    for suffix in ("-wal", "-shm"):
        (data_dir / (DB_FILENAME + suffix)).unlink(missing_ok=True)
    shutil.copy(saved, data_dir / DB_FILENAME)
    (data_dir / chainhead.FILENAME).unlink()
    office = open_as(data_dir)
    world.a = office
    world.register(office, person(3))
    bundle = world.export(office)
    held = world.kab_import(bundle)
    assert held.hold_reason == "chain"

    view.refresh()
    view.select("130306-A")
    row = view.table.currentRow()
    assert "ditahan" in _text(view.table.item(row, column))
    assert view.chain_button.isEnabled()
    view.grab().save(str(tmp_path / "ledger.png"))
    view.chain_reset("checked by phone with the camat: the PC was restored from a copy")
    assert world.kab_import(bundle).status == "imported"
    office.close()


def test_the_audit_screen_names_a_row_edited_outside_lindungi(
    qtbot: QtBot,
    make_ctx: MakeCtx,
    make_participant: MakeParticipant,
    make_session: MakeSession,
) -> None:
    from app.ui.safety_views import AuditView
    from tests.opening import raw

    ctx = make_ctx("kecamatan", name="office")
    reg = participants.register(ctx, ADMIN, make_participant()).reg_no
    con = raw(ctx.data_dir / DB_FILENAME, ctx.db.key)
    con.execute("UPDATE participant SET income = 9000000 WHERE reg_no = ?", (reg,))
    con.commit()
    con.close()
    view = AuditView(make_session(ctx, Role.ADMIN))
    qtbot.addWidget(view)
    view.verify()
    assert reg in view.result.text()
    assert "tidak dijelaskan riwayatnya" in view.result.text()  # "not explained"
