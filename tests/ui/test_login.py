"""Logging in, the lockout after five wrong passwords, the idle lock, and the first run."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.domain.install import Role as InstallRole
from app.i18n import render
from app.services import accounts
from app.services.actor import Actor, Role
from app.services.context import Context
from app.ui.idle import BY_HAND, IDLE, IdleLock
from app.ui.login import LoginDialog
from app.ui.wizard import FirstRunWizard
from tests.actors import ADMIN
from tests.conftest import MakeCtx

PASSWORD = "rahasia-123"


@pytest.fixture
def with_user(kecamatan_ctx: Context) -> Context:
    accounts.add_user(kecamatan_ctx, ADMIN, "ani", Role.OPERATOR, PASSWORD, "Ani")
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
    accounts.unlock(with_user, ADMIN, "ani")
    attempt(qtbot, dialog, PASSWORD)
    assert dialog.actor == Actor("ani", Role.OPERATOR)


def uniform(widget: QWidget) -> bool:
    """True when a picture of the window is one colour: nothing of its contents shows."""
    image = widget.grab().toImage()
    first = image.pixel(0, 0)
    step = 7
    return all(
        image.pixel(x, y) == first
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


def test_the_idle_lock_hides_the_window_and_asks_the_same_user(
    qtbot: QtBot, with_user: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = QDialog()
    window.resize(400, 300)
    label = QLabel("1303064708800001 Siti Aminah", window)
    label.resize(300, 40)
    qtbot.addWidget(window)
    window.show()
    assert not uniform(window)  # the NIK and the name show while unlocked
    seen: list[tuple[bool, str | None, str]] = []

    def ask(cls, ctx, username=None, parent=None, *, locked="", message=""):
        seen.append((uniform(window), username, locked))
        return Actor("ani", Role.OPERATOR)

    monkeypatch.setattr(LoginDialog, "ask", classmethod(ask))
    lock = IdleLock(lambda reason: LoginDialog.ask(with_user, "ani", locked=reason) is not None, 10)
    assert lock.timer.isActive() and lock.timer.interval() == 600_000
    lock.timer.setInterval(30)  # the test cannot wait ten minutes
    lock.timer.start()
    qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    assert seen == [(True, "ani", IDLE)]  # nothing of the data showed while it asked
    qtbot.waitUntil(lambda: not uniform(window), timeout=2000)
    assert not lock.locked
    lock.lock_by_hand()
    assert seen[-1] == (True, "ani", BY_HAND)
    lock.set_minutes(0)
    assert not lock.timer.isActive()
    lock.stop()


def test_the_lock_screen_says_why_and_lets_another_account_sign_in(
    qtbot: QtBot, with_user: Context
) -> None:
    idle = LoginDialog(with_user, "ani", locked=IDLE)
    qtbot.addWidget(idle)
    assert "jeda" in idle.heading.text()
    by_hand = LoginDialog(with_user, "ani", locked=BY_HAND)
    qtbot.addWidget(by_hand)
    by_hand.show()
    assert "ani mengunci jendela" in by_hand.heading.text()
    assert by_hand.username.isReadOnly()
    assert by_hand.switch_button is not None
    by_hand.switch_button.click()
    assert not by_hand.username.isReadOnly() and by_hand.username.text() == ""
    qtbot.keyClicks(by_hand.username, "admin2")
    accounts.add_user(with_user, ADMIN, "admin2", Role.ADMIN, PASSWORD)
    attempt(qtbot, by_hand, PASSWORD)
    assert by_hand.actor == Actor("admin2", Role.ADMIN)


def test_activity_restarts_the_idle_timer(qtbot: QtBot, with_user: Context) -> None:
    window = QDialog()
    qtbot.addWidget(window)
    window.show()
    calls: list[int] = []

    def unlock(reason: str) -> bool:
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
    qtbot: QtBot, make_ctx: MakeCtx, tmp_path: Path
) -> None:
    from app.services import vault

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
    # The recovery sheet follows the administrator, once, with what losing it means.
    wizard.recovery.folder = tmp_path
    wizard.recovery.initializePage()
    sheet = tmp_path / "kunci-pemulihan-130300-K.pdf"
    assert wizard.recovery.sheet == sheet and sheet.read_bytes().startswith(b"%PDF")
    assert str(sheet) in wizard.recovery.where.text()
    assert "register hilang" in wizard.recovery.warning.text()
    assert vault.has_recovery(ctx.data_dir) and not vault.unclaimed_key(vault.load(ctx.data_dir))

    # Set up from the command line without an administrator: only the account is asked.
    bare = make_ctx("kecamatan", name="bare")
    assert not accounts.has_admin(bare)
    wizard2 = FirstRunWizard(bare)
    qtbot.addWidget(wizard2)
    assert wizard2.pageIds() == [0, 1]  # the administrator, then the recovery sheet
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
    from tests.actors import ADMIN

    kab = make_ctx("kabupaten")
    written = trust.write_enrolment(kab, ADMIN, "13.03.06", "C", tmp_path)
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


def test_the_gui_signs_in_from_the_environment_through_the_same_check(
    qtbot: QtBot, with_user: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui import start

    accounts.first_admin(with_user, "rina", PASSWORD)
    asked: list[str] = []

    def ask(cls, ctx, username=None, parent=None, *, locked="", message=""):
        asked.append(message)
        return None

    monkeypatch.setattr(LoginDialog, "ask", classmethod(ask))
    monkeypatch.setenv("LINDUNGI_USER", "ani")
    monkeypatch.setenv("LINDUNGI_PASSWORD", PASSWORD)
    assert start.login_flow(with_user) == Actor("ani", Role.OPERATOR)
    assert asked == []
    # A wrong password counts toward the lockout and shows the login with the reason.
    monkeypatch.setenv("LINDUNGI_PASSWORD", "salah-salah")
    assert start.login_flow(with_user) is None
    assert asked == [render("login.failed")]
    users = {u.username: u for u in accounts.list_users(with_user, ADMIN)}
    assert users["ani"].failed_logins == 1
    # The start-up benchmark's switch never signs in by itself.
    monkeypatch.delenv("LINDUNGI_USER")
    monkeypatch.setenv("LINDUNGI_QUIT_AFTER_SHOW", "main")
    assert start.login_flow(with_user) is None
    assert asked[-1] == ""


def test_a_reset_by_the_administrator_asks_for_a_new_password_first(
    qtbot: QtBot, with_user: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui import start
    from app.ui.login import ChangePasswordDialog

    accounts.first_admin(with_user, "rina", PASSWORD)
    accounts.reset_password(with_user, ADMIN, "ani", "sementara-1")
    monkeypatch.setattr(
        LoginDialog, "ask", classmethod(lambda cls, ctx, *a, **k: Actor("ani", Role.OPERATOR))
    )
    shown: list[ChangePasswordDialog] = []

    def fill(self: ChangePasswordDialog) -> int:
        shown.append(self)
        self.form.current.setText("sementara-1")
        self.form.password.setText("sementara-1")
        self.form.password2.setText("sementara-1")
        self._ok()
        assert self.form.error.text() == render("password.same")
        self.form.password.setText("baru-sekali-9")
        self.form.password2.setText("baru-sekali-9")
        self._ok()
        return int(self.result())

    monkeypatch.setattr(ChangePasswordDialog, "exec", fill)
    assert start.login_flow(with_user) == Actor("ani", Role.OPERATOR)
    assert shown and not accounts.must_change(with_user, "ani")
    assert accounts.login(with_user, "ani", "baru-sekali-9") == Actor("ani", Role.OPERATOR)
    rule = shown[0].form.rule.text()
    assert accounts.password_rule() in rule  # the rule shown is the service's


def test_the_users_screen_resets_deactivates_and_reactivates(
    qtbot: QtBot, with_user: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.admin import AccountDialog, UsersDialog
    from app.ui.session import Session

    rina = accounts.first_admin(with_user, "rina", PASSWORD)
    dialog = UsersDialog(Session(with_user, rina))
    qtbot.addWidget(dialog)
    assert not dialog.reset_button.isEnabled()  # nothing selected yet
    names = [dialog.model.user_at(r).username for r in range(dialog.model.rowCount())]
    dialog.table.selectRow(names.index("ani"))
    assert dialog.reset_button.isEnabled()

    def fill(self: AccountDialog) -> int:
        assert not self.username.isVisibleTo(self)  # a reset asks for the password only
        self.password.setText("sementara-1")
        self.password2.setText("sementara-1")
        self._ok()
        return int(self.result())

    monkeypatch.setattr(AccountDialog, "exec", fill)
    dialog.reset()
    assert accounts.must_change(with_user, "ani")
    dialog.table.selectRow(names.index("ani"))
    dialog.toggle_active()
    assert not {u.username: u for u in accounts.list_users(with_user, rina)}["ani"].active
    dialog.table.selectRow(names.index("ani"))
    assert dialog.active_button.text() == "Akti&fkan kembali"
    dialog.toggle_active()
    assert {u.username: u for u in accounts.list_users(with_user, rina)}["ani"].active
    dialog.table.selectRow(names.index("rina"))
    dialog.toggle_active()
    assert dialog.error.text() == render("user.deactivate_self")


def test_wrong_passwords_on_the_command_line_and_in_the_window_share_one_lockout(
    qtbot: QtBot,
    with_user: Context,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.main import main

    accounts.first_admin(with_user, "rina", PASSWORD)
    monkeypatch.setenv("LINDUNGI_USER", "ani")
    monkeypatch.setenv("LINDUNGI_PASSWORD", "salah-salah")
    for _ in range(accounts.MAX_FAILURES - 1):  # four on the command line
        assert main(["--data-dir", str(with_user.data_dir), "list"]) == 1
    assert render("login.failed") in capsys.readouterr().err
    dialog = LoginDialog(with_user)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "ani")
    attempt(qtbot, dialog, "salah-juga")  # the fifth in the window locks the account
    assert "5 menit" in dialog.message.text()
    attempt(qtbot, dialog, PASSWORD)
    assert dialog.actor is None
    monkeypatch.setenv("LINDUNGI_PASSWORD", PASSWORD)  # and the command line waits too
    assert main(["--data-dir", str(with_user.data_dir), "list"]) == 1
    assert "menit" in capsys.readouterr().err


def test_anyone_changes_their_own_password_from_the_menu(
    qtbot: QtBot, with_user: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.login import ChangePasswordDialog
    from app.ui.mainwindow import MainWindow
    from app.ui.session import Session

    window = MainWindow(Session(with_user, Actor("ani", Role.OPERATOR)))
    qtbot.addWidget(window)
    assert window.password_action.isEnabled()  # an operator too

    def fill(self: ChangePasswordDialog) -> int:
        self.form.current.setText("salah-salah")
        self.form.password.setText("baru-sekali-9")
        self.form.password2.setText("baru-sekali-9")
        self._ok()
        assert self.form.error.text() == render("password.current_wrong")
        self.form.current.setText(PASSWORD)
        self._ok()
        return int(self.result())

    monkeypatch.setattr(ChangePasswordDialog, "exec", fill)
    window.password_action.trigger()
    assert accounts.login(with_user, "ani", "baru-sekali-9") == Actor("ani", Role.OPERATOR)
    assert window.statusBar().currentMessage() == "Kata sandi diganti."


def test_the_login_before_the_register_opens(qtbot: QtBot, make_ctx: MakeCtx) -> None:
    """An encrypted register opens only through the login: a wrong password changes nothing
    in it and counts toward the lockout (kept beside it); the right one opens it."""
    from app.services import vault
    from app.store.engine import DB_FILENAME

    ctx = make_ctx("kecamatan", name="office")
    accounts.first_admin(ctx, "rina", PASSWORD)
    data_dir = ctx.data_dir
    ctx.close()
    before = (data_dir / DB_FILENAME).read_bytes()
    dialog = LoginDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "rina")
    attempt(qtbot, dialog, "salah-salah")
    assert dialog.message.text() == render("login.failed")
    assert dialog.ctx is None and dialog.actor is None
    assert vault.lock_state(vault.load(data_dir), "rina")[0] == 1
    assert (data_dir / DB_FILENAME).read_bytes() == before
    attempt(qtbot, dialog, PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor == Actor("rina", Role.ADMIN) and dialog.ctx is not None
    assert dialog.ctx.identity.install_code == "130306-A"
    assert vault.lock_state(vault.load(data_dir), "rina")[0] == 0
    dialog.ctx.close()
