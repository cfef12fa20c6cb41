"""The one account form: user name, full name, role and a new password typed twice.

The users screen (a new account), the first run (the first administrator), a reset by an
administrator and a change of one's own password all show this form, with the parts they
need. The password rule under it comes from the accounts service, as does the check.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.i18n import render
from app.services import accounts
from app.services.actor import Role
from app.ui import common
from app.ui.common import role_label, set_message


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class AccountForm(QWidget):
    """The fields of an account, and the message under them.

    Args:
        with_name: show the user name and full name (a new account).
        roles: the roles to choose from; one role fixes it (the first administrator),
            none hides the choice (a password only).
        current: also ask for the current password (changing one's own).
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        with_name: bool = True,
        roles: tuple[Role, ...] = tuple(Role),
        current: bool = False,
    ) -> None:
        super().__init__(parent)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setMaxLength(40)
        self.full_name = QLineEdit()
        self.full_name.setObjectName("full_name")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for r in roles:
            self.role.addItem(role_label(r.value), r.value)
        self.role.setEnabled(len(roles) > 1)
        self.current = _password_field("current")
        self.password = _password_field("password")
        self.password2 = _password_field("password2")
        self.error = common.message_label()
        self.error.setObjectName("error")
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        if with_name:
            form.addRow(self.tr("&User name"), self.username)
            form.addRow(self.tr("&Full name"), self.full_name)
        if roles:
            form.addRow(self.tr("&Role"), self.role)
        if current:
            form.addRow(self.tr("&Current password"), self.current)
        form.addRow(self.tr("&New password") if current else self.tr("&Password"), self.password)
        form.addRow(self.tr("Password &again"), self.password2)
        self.rule = QLabel(
            self.tr("{rule} Write it down somewhere safe.").format(rule=accounts.password_rule())
        )
        self.rule.setObjectName("rule")
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet(common.NOTE_STYLE)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addLayout(form)
        root.addWidget(self.rule)
        root.addWidget(self.error)
        (self.username if with_name else self.current if current else self.password).setFocus()

    def new_password(self) -> str | None:
        """The new password when both copies match, else None with the reason shown."""
        if self.password.text() != self.password2.text():
            self.show_error(render("user.passwords_differ"))
            return None
        return self.password.text()

    def show_error(self, text: str) -> None:
        """Say what is wrong under the fields ("" hides the message)."""
        set_message(self.error, text)
