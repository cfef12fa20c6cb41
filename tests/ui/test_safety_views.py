"""The data-safety screens: backups and restore, the audit trail, the start-up check."""

from __future__ import annotations

from pathlib import Path

from app.services import backup, demo, health, participants
from app.services.actor import Role
from app.ui import safety_views
from app.ui.safety_views import AuditView, BackupsView, SafetyDialog, check_in_background
from tests.actors import ADMIN


def test_back_up_now_lists_the_backup_and_restore_brings_it_back(
    qtbot, populated_ctx, make_session, messages
):
    session = make_session(populated_ctx, Role.ADMIN)
    view = BackupsView(session)
    qtbot.addWidget(view)
    view.now_button.click()
    assert view.table.rowCount() == 1
    assert messages.infos and "Cadangan ditulis" in messages.infos[-1]
    before = participants.count(populated_ctx)
    demo.generate(populated_ctx, ADMIN, 5, seed=99)
    assert participants.count(populated_ctx) == before + 5
    view.refresh()
    # The manual backup is the only one; select it and restore.
    view.table.selectRow(0)
    view.restore_selected()
    assert messages.questions, "restore asks first"
    assert participants.count(populated_ctx) == before
    assert any("dipulihkan" in text for text in messages.infos)


def test_operators_cannot_back_up_or_restore(qtbot, populated_ctx, make_session):
    view = BackupsView(make_session(populated_ctx, Role.OPERATOR))
    qtbot.addWidget(view)
    for button in (view.now_button, view.usb_button, view.restore_button, view.file_button):
        assert not button.isEnabled()


def test_the_audit_view_shows_entries_and_verifies_the_chain(qtbot, populated_ctx, make_session):
    view = AuditView(make_session(populated_ctx, Role.ADMIN))
    qtbot.addWidget(view)
    assert view.table.rowCount() > 0
    view.verify()
    assert "utuh" in view.result.text()
    view.action.setCurrentIndex(view.action.findData("setup"))
    view.refresh()
    assert view.table.rowCount() == 1
    # The filter offers words, and the details read as labels and values, not JSON keys.
    assert view.action.currentText() == "Instalasi disiapkan"
    item = view.table.item(0, 3)
    assert item is not None
    details = item.text()
    assert "Peran: Kecamatan" in details and "role:" not in details and "None" not in details


def test_the_safety_dialog_hides_the_audit_trail_from_supervisors(
    qtbot, populated_ctx, make_session
):
    dialog = SafetyDialog(make_session(populated_ctx, Role.SUPERVISOR))
    qtbot.addWidget(dialog)
    assert not hasattr(dialog, "audit")


def test_startup_check_takes_the_daily_backup(qtbot, populated_ctx, make_session):
    session = make_session(populated_ctx, Role.OPERATOR)
    assert backup.daily_backup_due(populated_ctx)
    task = check_in_background(None, session)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: task.isFinished(), timeout=10_000)
    qtbot.waitUntil(lambda: not backup.daily_backup_due(populated_ctx), timeout=5_000)


def test_a_damaged_database_offers_the_newest_good_backup(
    qtbot, populated_ctx, make_session, messages, monkeypatch, tmp_path
):
    session = make_session(populated_ctx, Role.OPERATOR)
    good = backup.auto_backup(populated_ctx, "daily")
    monkeypatch.setattr(health, "quick_check", lambda _ctx: False)
    restored: list[Path] = []
    monkeypatch.setattr(
        backup, "restore", lambda _ctx, _actor, path, _pp=None: restored.append(path)
    )
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    task = check_in_background(parent, session)
    qtbot.waitUntil(lambda: bool(restored), timeout=10_000)
    assert restored == [good]
    assert "rusak" in messages.questions[-1]
    assert task is not None


def test_a_protected_key_is_unlocked_after_login(
    qtbot, populated_ctx, make_session, monkeypatch, messages
):
    from app.services import keys
    from tests.integration.test_sealed_keys import as_earlier_release

    session = make_session(populated_ctx, Role.ADMIN)
    as_earlier_release(populated_ctx, "frasa sandi kunci")  # protected by the release before
    keys._unlocked.clear()
    monkeypatch.delenv(keys.ENV_PASSPHRASE, raising=False)
    answers = iter([("salah sekali", False), ("frasa sandi kunci", False)])
    monkeypatch.setattr(
        safety_views.PassphraseDialog, "ask", classmethod(lambda cls, *a, **k: next(answers))
    )
    safety_views.unlock_key(None, session)
    assert messages.errors  # the wrong passphrase was refused with a message first
    assert keys._unlocked[str(populated_ctx.data_dir)] == "frasa sandi kunci"
