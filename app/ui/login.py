"""Signing in: at start, on the lock screen (after a pause or by hand, where another
account may sign in instead), and choosing a new password after an administrator's reset.
Five wrong passwords lock the account, the same count as on the command line.

The login at start shows before the register's modules (SQLAlchemy, the store, the
accounts service) are imported: it needs only the key vault. :func:`load_store_meanwhile`
imports them in a background thread while the user types; signing in waits for it
(app.services.preload).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.services import preload, vault
from app.services.actor import Actor
from app.ui import common
from app.ui.common import set_message, translate_buttons
from app.ui.idle import BY_HAND, IDLE

if TYPE_CHECKING:
    from app.services.context import Context

log = logging.getLogger(__name__)

_loading: threading.Thread | None = None


def load_store_meanwhile() -> None:
    """Import the register's modules in a background thread (the login is shown; the
    user types meanwhile). Nothing Qt: widgets are made on the GUI thread only."""
    global _loading
    if _loading is None:
        _loading = threading.Thread(target=preload.import_store, name="load-store")
        _loading.start()


def store_loaded() -> None:
    """Wait for the background import, if one runs, before importing any of its modules:
    two threads importing the same modules at once could see each other's half-made ones."""
    if _loading is not None:
        _loading.join()


class LoginDialog(QDialog):
    """User name and password.

    Args:
        username: the account signed in when the window was locked (fixed, unless the
            user chooses "Switch user").
        locked: why the window is locked (:data:`IDLE` or :data:`BY_HAND`), or "".
        message: a reason shown at once (an automation sign-in that was refused).
    """

    def __init__(
        self,
        ctx: Context | Path,
        username: str | None = None,
        parent: QWidget | None = None,
        *,
        locked: str = "",
        message: str = "",
    ) -> None:
        super().__init__(parent)
        # An open register (the lock screen), or the folder of one that the sign-in opens.
        self._path = ctx if isinstance(ctx, Path) else None
        self.ctx: Context | None = None if isinstance(ctx, Path) else ctx
        self.actor: Actor | None = None
        self.setObjectName("LoginDialog")
        locked = locked or (IDLE if username is not None else "")
        self.setWindowTitle(
            self.tr("Lindungi — locked") if locked else self.tr("Lindungi — log in")
        )
        if self.ctx is not None:
            from app.services.accounts import place_label

            place = place_label(self.ctx)
        else:
            assert self._path is not None
            place = vault.label(self._path) or str(self._path)
        if locked == IDLE:
            text = self.tr(
                "The window was locked after a pause, so that nobody reads the register "
                "meanwhile. Log in again to continue."
            )
        elif locked == BY_HAND:
            text = self.tr("{name} locked the window. Log in again to continue.").format(
                name=username or ""
            )
        else:
            text = self.tr("Log in to Lindungi — {place}").format(place=place)
        self.heading = QLabel(text)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.username = QLineEdit(username or "")
        self.username.setObjectName("username")
        self.username.setReadOnly(bool(locked))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = common.message_label()
        self.message.setObjectName("message")
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        translate_buttons(self.buttons)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Log in"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Quit Lindungi")
        )
        self.switch_button: QPushButton | None = None
        if locked:
            self.switch_button = self.buttons.addButton(
                self.tr("&Switch user"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.switch_button.setObjectName("switch_button")
            self.switch_button.setAutoDefault(False)  # Enter signs in, never switches
            self.switch_button.clicked.connect(self.switch_user)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addWidget(self.heading)
        root.addLayout(form)
        root.addWidget(self.message)
        root.addWidget(self.buttons)
        self.setMinimumWidth(460)
        if message:
            set_message(self.message, message)
        (self.password if locked else self.username).setFocus()

    def switch_user(self) -> None:
        """Let another account sign in at the lock screen (the window then becomes theirs)."""
        self.username.setReadOnly(False)
        self.username.clear()
        self.password.clear()
        set_message(self.message, "")
        self.ok_button.setDefault(True)
        self.username.setFocus()

    def try_login(self) -> None:
        """Check the password; on success close with the actor, else say why."""
        store_loaded()
        from app.services import accounts

        try:
            if self._path is not None:
                self.ctx, actor = accounts.sign_in(
                    self._path, self.username.text(), self.password.text()
                )
            else:
                assert self.ctx is not None
                actor = accounts.login(self.ctx, self.username.text(), self.password.text())
        except AppError as exc:
            set_message(self.message, str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.actor = actor
        self.accept()

    @classmethod
    def ask(
        cls,
        ctx: Context,
        username: str | None = None,
        parent: QWidget | None = None,
        *,
        locked: str = "",
        message: str = "",
    ) -> Actor | None:
        """The user who logged in, or None when the user quit."""
        dialog = cls(ctx, username, parent, locked=locked, message=message)
        common.run_modal(dialog)
        return dialog.actor


class ChangePasswordDialog(QDialog):
    """A new password of one's own: after an administrator's reset (before the main window
    opens), or whenever from the menu (Peserta → Ganti kata sandi saya)."""

    def __init__(
        self, ctx: Context, actor: Actor, parent: QWidget | None = None, *, forced: bool = False
    ) -> None:
        from app.ui.accountform import AccountForm

        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self.setObjectName("ChangePasswordDialog")
        self.setWindowTitle(self.tr("Change password"))
        heading = QLabel(
            self.tr(
                "An administrator reset the password of {name}. Choose a new one to continue."
            ).format(name=actor.username)
            if forced
            else self.tr("A new password for {name}.").format(name=actor.username)
        )
        heading.setWordWrap(True)
        self.form = AccountForm(self, with_name=False, roles=(), current=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        translate_buttons(self.buttons)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addWidget(heading)
        root.addWidget(self.form)
        root.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.done_ok = False

    def _ok(self) -> None:
        new = self.form.new_password()
        if new is None:
            return
        from app.services import accounts

        try:
            accounts.change_password(self._ctx, self._actor, self.form.current.text(), new)
        except AppError as exc:
            self.form.show_error(str(exc))
            return
        self.done_ok = True
        self.accept()

    @classmethod
    def ask(cls, ctx: Context, actor: Actor, parent: QWidget | None = None) -> Actor | None:
        """``actor`` once the password is changed; None when the user gave up (after a
        reset, the main window stays closed then)."""
        dialog = cls(ctx, actor, parent, forced=True)
        common.run_modal(dialog)
        return actor if dialog.done_ok else None
