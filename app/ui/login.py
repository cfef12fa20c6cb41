"""Logging in, at start and after an idle lock; five wrong passwords lock the account."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.services import accounts
from app.services.actor import Actor
from app.services.context import Context
from app.ui import common
from app.ui.common import set_message, translate_buttons

log = logging.getLogger(__name__)


class LoginDialog(QDialog):
    """User name and password; ``username`` given (after an idle lock) fixes the user."""

    def __init__(
        self, ctx: Context, username: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.actor: Actor | None = None
        self.setObjectName("LoginDialog")
        locked = username is not None
        self.setWindowTitle(
            self.tr("Lindungi — locked") if locked else self.tr("Lindungi — log in")
        )
        ident = ctx.identity
        place = ident.install_code
        region = ctx.regions.get(ident.kecamatan or ident.regency)
        if region is not None:
            place = f"{region.name} ({ident.install_code})"
        heading = QLabel(
            self.tr("The window was locked after a pause. Log in again to continue.")
            if locked
            else self.tr("Log in to Lindungi — {place}").format(place=place)
        )
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        self.username = QLineEdit(username or "")
        self.username.setObjectName("username")
        self.username.setReadOnly(locked)
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
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addWidget(heading)
        root.addLayout(form)
        root.addWidget(self.message)
        root.addWidget(self.buttons)
        self.setMinimumWidth(420)
        (self.password if locked else self.username).setFocus()

    def try_login(self) -> None:
        """Check the password; on success close with the actor, else say why."""
        try:
            actor = accounts.login(self._ctx, self.username.text(), self.password.text())
        except AppError as exc:
            set_message(self.message, str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.actor = actor
        self.accept()

    @classmethod
    def ask(
        cls, ctx: Context, username: str | None = None, parent: QWidget | None = None
    ) -> Actor | None:
        """The user who logged in, or None when the user quit."""
        dialog = cls(ctx, username, parent)
        common.run_modal(dialog)
        return dialog.actor
