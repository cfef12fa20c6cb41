"""Logging in, the lockout after five wrong passwords, the idle lock, and the first run."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from app.domain.install import Role as InstallRole
from app.i18n import render
from app.services import accounts
from app.services.actor import CLI_ADMIN, Actor, Role
from app.services.context import Context
from app.ui.idle import IdleLock
from app.ui.login import LoginDialog
from app.ui.wizard import FirstRunWizard
from tests.conftest import MakeCtx

PASSWORD = "rahasia-123"


@pytest.fixture
def with_user(kecamatan_ctx: Context) -> Context:
    accounts.add_user(kecamatan_ctx, CLI_ADMIN, "ani", Role.OPERATOR, PASSWORD, "Ani")
    return kecamatan_ctx


def attempt(qtbot: QtBot, dialog: LoginDialog, password: str) -> None:
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_login_succeeds_with_the_right_password(qtbot: QtBot, with_user: Context) -> None:
    dialog = LoginDialog(with_user)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "Ani")
    attempt(qtbot, dialog, PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor == Actor("ani", Role.OPERATOR)
    assert dialog.ok_button.text() == "Masuk"


def test_five_wrong_passwords_lock_the_account(qtbot: QtBot, with_user: Context) -> None:
    dialog = LoginDialog(with_user)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "ani")
    for _ in range(4):
        attempt(qtbot, dialog, "salah-salah")
        assert dialog.message.text() == render("login.failed")
        assert dialog.password.text() == ""  # cleared for the next try
    attempt(qtbot, dialog, "salah-salah")
    assert dialog.message.text() == render("login.locked", minutes=5)
    attempt(qtbot, dialog, PASSWORD)  # even the right password waits five minutes
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.actor is None
    assert "5 menit" in dialog.message.text()
    accounts.unlock(with_user, CLI_ADMIN, "ani")
    attempt(qtbot, dialog, PASSWORD)
    assert dialog.actor == Actor("ani", Role.OPERATOR)


def test_the_idle_lock_covers_the_window_and_asks_the_same_user(
    qtbot: QtBot, with_user: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = QDialog()
    label = QLabel("1303064708800001", window)
    qtbot.addWidget(window)
    window.show()
    seen: list[tuple[bool, str | None]] = []

    def ask(cls, ctx, username=None, parent=None):
        seen.append((label.graphicsEffect() is not None, username))
        return Actor("ani", Role.OPERATOR)

    monkeypatch.setattr(LoginDialog, "ask", classmethod(ask))
    lock = IdleLock(lambda: LoginDialog.ask(with_user, "ani") is not None, 10)
    assert lock.timer.isActive() and lock.timer.interval() == 600_000
    lock.timer.setInterval(30)  # the test cannot wait ten minutes
    lock.timer.start()
    qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    assert seen == [(True, "ani")]  # the contents were hidden while the dialog asked
    assert label.graphicsEffect() is None and not lock.locked
    lock.set_minutes(0)
    assert not lock.timer.isActive()
    lock.stop()


def test_activity_restarts_the_idle_timer(qtbot: QtBot, with_user: Context) -> None:
    window = QDialog()
    qtbot.addWidget(window)
    window.show()
    calls: list[int] = []

    def unlock() -> bool:
        calls.append(1)
        return True

    lock = IdleLock(unlock, 10)
    lock.timer.setInterval(300)
    lock.timer.start()
    for _ in range(8):  # typing for 0.8 s: never idle for 0.3 s
        qtbot.wait(80)
        qtbot.keyClick(window, Qt.Key.Key_A)
    assert calls == []
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)  # then a pause locks
    lock.stop()


def test_the_first_run_sets_up_a_kecamatan_and_its_administrator(
    qtbot: QtBot, make_ctx: MakeCtx
) -> None:
    ctx = make_ctx("kecamatan", setup=False)
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.buttonText(wizard.WizardButton.NextButton) == "&Lanjut >"
    place = wizard.place
    assert place.enrolled_office.isChecked()  # the usual way: a file from the kabupaten
    assert not place.kecamatan.isEnabled()
    # "Lanjut" with the enrolment way chosen needs its file, here and not a page later.
    wizard.next()
    assert wizard.currentPage() is place
    assert place.error.text() == "Pilih berkas pendaftaran dari flashdisk."
    place.enrol_file.setText("/tidak/ada.lenrol")
    wizard.next()
    assert wizard.currentPage() is place and "/tidak/ada.lenrol" in place.error.text()
    place.kecamatan_office.setChecked(True)
    assert place.kecamatan.isEnabled()
    assert not place.enrol_file.isEnabled()
    assert place.kecamatan.currentData() is None  # no kecamatan chosen for the clerk
    wizard.next()
    assert wizard.currentPage() is place and place.error.text() == "Pilih kecamatan kantor ini."
    place.kecamatan.setCurrentIndex(place.kecamatan.findData("13.03.06"))
    place.station.setCurrentIndex(place.station.findData("B"))
    assert place.station.findData("K") == -1  # K is the kabupaten's
    wizard.next()
    admin = wizard.admin
    qtbot.keyClicks(admin.username, "Rina")
    qtbot.keyClicks(admin.password, PASSWORD)
    qtbot.keyClicks(admin.password2, PASSWORD + "x")
    assert not admin.validatePage()
    assert admin.error.text() == render("user.passwords_differ")
    assert not ctx.is_set_up
    admin.password2.clear()
    qtbot.keyClicks(admin.password2, PASSWORD)
    assert admin.validatePage()
    assert ctx.identity.install_code == "130306-B"
    assert admin.actor == Actor("rina", Role.ADMIN)
    assert accounts.login(ctx, "rina", PASSWORD) == Actor("rina", Role.ADMIN)


def test_the_first_run_of_a_kabupaten_and_a_missing_administrator(
    qtbot: QtBot, make_ctx: MakeCtx
) -> None:
    ctx = make_ctx("kabupaten", setup=False)
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.place.kabupaten_office.setChecked(True)
    assert not wizard.place.kecamatan.isEnabled()
    wizard.admin.username.setText("admin")
    wizard.admin.password.setText(PASSWORD)
    wizard.admin.password2.setText(PASSWORD)
    assert wizard.admin.validatePage()
    assert ctx.identity.role is InstallRole.KABUPATEN

    # Set up from the command line without an administrator: only the account is asked.
    bare = make_ctx("kecamatan", name="bare")
    assert not accounts.has_admin(bare)
    wizard2 = FirstRunWizard(bare)
    qtbot.addWidget(wizard2)
    assert wizard2.pageIds() == [0]
    wizard2.admin.username.setText("camat")
    wizard2.admin.password.setText("pendek")
    wizard2.admin.password2.setText("pendek")
    assert not wizard2.admin.validatePage()
    assert wizard2.admin.error.text() == render("user.password_short", min=8)
    assert not accounts.has_admin(bare)


def test_the_first_run_enrols_a_station_from_the_kabupatens_file(
    qtbot: QtBot, make_ctx: MakeCtx, tmp_path
) -> None:
    from app.services import trust
    from app.services.actor import CLI_ADMIN

    kab = make_ctx("kabupaten")
    written = trust.write_enrolment(kab, CLI_ADMIN, "13.03.06", "C", tmp_path)
    ctx = make_ctx("kecamatan", name="new-pc", setup=False)
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.place.enrol_file.setText(str(tmp_path / "nothing.lenrol"))
    wizard.admin.username.setText("admin")
    wizard.admin.password.setText(PASSWORD)
    wizard.admin.password2.setText(PASSWORD)
    assert not wizard.admin.validatePage()  # a missing file is refused with a message
    assert wizard.admin.error.text()
    assert not ctx.is_set_up
    wizard.place.enrol_file.setText(str(written.path))
    assert wizard.admin.validatePage()
    assert ctx.identity.install_code == "130306-C"
