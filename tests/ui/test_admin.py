"""Administrators' screens (accounts, settings) and the export of the list."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.i18n import render
from app.services import accounts, prefs
from app.services.actor import Actor, Role
from app.services.context import Context
from app.ui import common, start
from app.ui.admin import AccountDialog, SettingsDialog, UsersDialog
from app.ui.mainwindow import MainWindow
from tests.actors import ADMIN
from tests.ui.conftest import MakeSession, Messages


def test_an_admin_adds_a_user_and_unlocks_one(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = UsersDialog(make_session(kecamatan_ctx, Role.ADMIN, "admin"))
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0

    def fill_and_accept(self: AccountDialog) -> int:
        self.username.setText("Budi")
        self.full_name.setText("Budi Santoso")
        self.role.setCurrentIndex(self.role.findData("supervisor"))
        self.password.setText("rahasia-123")
        self.password2.setText("rahasia-124")
        self._ok()
        assert self.error.text() == render("user.passwords_differ")
        self.password2.setText("rahasia-123")
        self._ok()
        return int(self.result())

    monkeypatch.setattr(AccountDialog, "exec", fill_and_accept)
    dialog.add_user()
    assert [u.username for u in accounts.list_users(kecamatan_ctx, ADMIN)] == ["budi"]
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 2).data() == "Supervisor"
    assert dialog.model.index(0, 3).data() == "Aktif"

    for _ in range(5):
        with pytest.raises(Exception):  # noqa: B017,PT011
            accounts.login(kecamatan_ctx, "budi", "salah-salah")
    dialog.refresh()
    assert dialog.model.index(0, 3).data().startswith("Terkunci sampai")
    dialog.table.selectRow(0)
    dialog.unlock()
    assert dialog.model.index(0, 3).data() == "Aktif"
    assert accounts.login(kecamatan_ctx, "budi", "rahasia-123") == Actor("budi", Role.SUPERVISOR)


def test_a_taken_name_is_refused_in_the_dialog(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession
) -> None:
    accounts.add_user(kecamatan_ctx, ADMIN, "budi", Role.OPERATOR, "rahasia-123")
    dialog = AccountDialog()
    qtbot.addWidget(dialog)
    dialog.create = lambda name, full, role, password: accounts.add_user(
        kecamatan_ctx, ADMIN, name, role, password, full
    )
    dialog.username.setText("budi")
    dialog.password.setText("rahasia-123")
    dialog.password2.setText("rahasia-123")
    dialog._ok()
    assert dialog.error.text() == render("user.exists", name="budi")
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_settings_are_saved(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession, messages: Messages
) -> None:
    dialog = SettingsDialog(make_session(kecamatan_ctx, Role.ADMIN, "admin"))
    qtbot.addWidget(dialog)
    assert dialog.approval.isChecked()
    assert (dialog.age_min.value(), dialog.age_max.value()) == (18, 65)
    dialog.approval.setChecked(False)
    dialog.age_min.setValue(70)
    dialog.save()
    assert dialog.error.text() == "Umur termuda tidak boleh melebihi umur tertua."
    dialog.age_min.setValue(16)
    dialog.idle.setValue(0)
    dialog.coverage.set_date_value(None)
    qtbot.keyClicks(dialog.coverage, "01012023")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert prefs.get(kecamatan_ctx, "approval_required") is False
    assert prefs.get(kecamatan_ctx, "age_min") == 16
    assert prefs.get(kecamatan_ctx, "idle_lock_minutes") == 0
    assert prefs.get(kecamatan_ctx, "default_coverage_start") == "01/01/2023"
    assert dialog.idle.text() == "tidak pernah"


def test_settings_refuse_a_non_administrator(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession
) -> None:
    dialog = SettingsDialog(make_session(kecamatan_ctx, Role.SUPERVISOR))
    qtbot.addWidget(dialog)
    dialog.age_max.setValue(70)
    dialog.save()
    assert dialog.error.text() == render("role.needed", role="admin")
    assert prefs.get(kecamatan_ctx, "age_max") == 65


@pytest.mark.parametrize(("role", "full"), [(Role.OPERATOR, False), (Role.SUPERVISOR, True)])
def test_the_list_is_exported_as_shown(
    qtbot: QtBot,
    populated_ctx: Context,
    make_session: MakeSession,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    role: Role,
    full: bool,
) -> None:
    window = MainWindow(make_session(populated_ctx, role))
    qtbot.addWidget(window)
    window.search.setText("a")
    window.apply_query()
    shown = window.model.rowCount()
    out = tmp_path / "daftar.xlsx"
    monkeypatch.setattr(common, "save_file", lambda *a: str(out))
    window.export_list()
    assert messages.errors == []
    assert len(messages.questions) == (1 if role is Role.SUPERVISOR else 0)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == shown + 1
    nik_col = rows[0].index("NIK")
    niks = [str(r[nik_col]) for r in rows[1:]]
    assert all(("•" not in n) == full for n in niks)
    assert window.statusBar().currentMessage().startswith(f"{shown} peserta ditulis ke")


def test_the_language_setting_is_saved_and_used_at_the_next_start(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession, messages: Messages
) -> None:
    dialog = SettingsDialog(make_session(kecamatan_ctx, Role.ADMIN, "admin"))
    qtbot.addWidget(dialog)
    assert dialog.lang_id.isChecked()
    dialog.lang_en.setChecked(True)
    dialog.save()
    assert prefs.get(kecamatan_ctx, "language") == "en"
    assert messages.infos == ["Bahasa baru dipakai mulai saat Lindungi dibuka lagi."]
    args = argparse.Namespace(lang=None)
    assert start.choose_language(args, kecamatan_ctx) == "en"
