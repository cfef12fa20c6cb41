"""The first run of a kabupaten: where its register is kept. On this PC (SQLite, the usual
choice), on a PostgreSQL server as a new register (``setup --database``), or as another
desk of a register already on a server (``database join``).

The server's fields make the same address the command line takes; "Test the connection"
runs the command line's own check on a worker thread (app.ui.tasks) and shows its message.
Next runs that check too when the fields changed since the last test that passed: the page
moves on by itself once it passes. Nothing is written before the administrator page (a new
register) or the sign-in page (a desk joining) is confirmed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)
from typing_extensions import override

from app.errors import AppError
from app.services import join, server
from app.services.actor import Actor
from app.services.context import Context
from app.ui import common
from app.ui.common import set_message
from app.ui.tasks import Progress, TaskRunner

OK_STYLE = "color: #1e7e34;"
# The modes whose check of the server's certificate needs the CA that signed it.
VERIFYING = ("verify-ca", "verify-full")


class ServerFields(QWidget):
    """Host, port, database, user, password, TLS and its CA: one PostgreSQL address, and a
    connection test run off the GUI thread."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = QLineEdit()
        self.host.setObjectName("pg_host")
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.10 or server-dinas"))
        self.port = QSpinBox()
        self.port.setObjectName("pg_port")
        self.port.setRange(1, 65535)
        self.port.setValue(server.DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.database = QLineEdit()
        self.database.setObjectName("pg_database")
        self.database.setPlaceholderText("lindungi")
        self.user = QLineEdit()
        self.user.setObjectName("pg_user")
        self.password = QLineEdit()
        self.password.setObjectName("pg_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QComboBox()
        self.tls.setObjectName("pg_tls")
        labels = {
            "disable": self.tr("No encryption (disable)"),
            "prefer": self.tr("Encrypted when the server offers it (prefer)"),
            "require": self.tr("Always encrypted, certificate not checked (require)"),
            "verify-ca": self.tr("Encrypted, certificate checked against the CA (verify-ca)"),
            "verify-full": self.tr("Encrypted, certificate and host name checked (verify-full)"),
        }
        for mode in server.SSLMODES:
            self.tls.addItem(labels[mode], mode)
        self.tls.setCurrentIndex(self.tls.findData("prefer"))
        self.ca_file = QLineEdit()
        self.ca_file.setObjectName("pg_ca_file")
        self.ca_file.setPlaceholderText(self.tr("the server's CA certificate (.crt, .pem)"))
        self.ca_browse = QPushButton(self.tr("Choose &file…"))
        self.ca_browse.setObjectName("pg_ca_browse")
        self.ca_browse.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_browse)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Host"), self.host)
        form.addRow(self.tr("P&ort"), self.port)
        form.addRow(self.tr("&Database"), self.database)
        form.addRow(self.tr("&User"), self.user)
        form.addRow(self.tr("Pass&word"), self.password)
        form.addRow(self.tr("&Encryption (TLS)"), self.tls)
        ca_label = QLabel(self.tr("&CA certificate"))
        ca_label.setBuddy(self.ca_file)
        form.addRow(ca_label, ca_row)
        self.test_button = QPushButton(self.tr("&Test the connection"))
        self.test_button.setObjectName("pg_test")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        test_row.addWidget(self.progress, 1)
        self.result = common.message_label()
        self.result.setObjectName("pg_result")
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addLayout(form)
        root.addLayout(test_row)
        root.addWidget(self.result)
        root.addStretch(1)
        self.runner = TaskRunner(self.progress, self.result, [self.test_button])
        for line in (self.host, self.database, self.user, self.password, self.ca_file):
            line.textEdited.connect(self._edited)
        self.port.valueChanged.connect(self._edited)
        self.tls.currentIndexChanged.connect(self._edited)
        self._tls_changed()

    def _edited(self, *_args: object) -> None:
        self._tls_changed()
        set_message(self.result, "")
        self.edited.emit()

    def _tls_changed(self) -> None:
        verifying = self.tls.currentData() in VERIFYING and self.isEnabled()
        self.ca_file.setEnabled(verifying)
        self.ca_browse.setEnabled(verifying)

    @override
    def changeEvent(self, event: QEvent) -> None:
        """Enabled or not: the CA's fields follow (and the TLS mode)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self._tls_changed()

    def _choose_ca(self) -> None:
        name = common.open_file(
            self,
            self.tr("Choose the server's CA certificate"),
            self.tr("Certificates (*.crt *.pem *.cer);;All files (*)"),
        )
        if name:
            self.ca_file.setText(name)
            self._edited()

    def _ca(self) -> str | None:
        if self.tls.currentData() not in VERIFYING:
            return None
        return self.ca_file.text().strip() or None

    def problem(self) -> tuple[str, QWidget | None]:
        """What is missing before the server can be tried (a message and the field), or
        ("", None)."""
        for line, text in (
            (self.host, self.tr("Write the server's host name or IP address.")),
            (self.database, self.tr("Write the name of the database on the server.")),
            (self.user, self.tr("Write the PostgreSQL user name.")),
        ):
            if not line.text().strip():
                return text, line
        ca = self._ca()
        if ca is not None and not Path(ca).is_file():
            return self.tr("The CA certificate {path} does not exist.").format(path=ca), (
                self.ca_file
            )
        return "", None

    def url(self) -> str:
        """The address, without the password (as ``setup --database`` takes it)."""
        return server.address_url(
            self.host.text(),
            self.port.value(),
            self.database.text(),
            self.user.text(),
            str(self.tls.currentData()),
            self._ca(),
        )

    def db_password(self) -> str | None:
        """The PostgreSQL user's password (None when left empty: a server that trusts)."""
        return self.password.text() or None

    def fields(self) -> tuple[str, str | None]:
        """What a test checked: the address and the password."""
        return self.url(), self.db_password()

    def test(self, check: Callable[[str, str | None], str], passed: Callable[[], None]) -> bool:
        """Run ``check(url, password)`` on a worker thread; its message (or the failure's)
        shows under the button, and ``passed()`` runs after it passed. False when a field
        is missing (said under it) or a test runs already."""
        text, widget = self.problem()
        if text:
            set_message(self.result, text)
            if widget is not None:
                widget.setFocus()
            return False
        if self.runner.busy:
            return False
        url, password = self.fields()

        def work(_progress: Progress) -> str:
            return check(url, password)

        def done(message: str) -> None:
            set_message(self.result, message, OK_STYLE)
            passed()

        self.runner.run(work, done)
        return True

    def abandon(self) -> None:
        """The wizard closes: a test still running reports to nobody."""
        self.runner.task = None


class StoragePage(QWizardPage):
    """On this PC, a new register on a server, or a desk joining one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StoragePage")
        self.setTitle(self.tr("Where is the kabupaten's register kept?"))
        self.setSubTitle(
            self.tr("On this PC, or on a PostgreSQL server that several desks of the Dinas share.")
        )
        self.local = QRadioButton(self.tr("Keep the register on this &PC (SQLite)"))
        self.local.setObjectName("storage_local")
        self.on_server = QRadioButton(self.tr("On a PostgreSQL &server (a new register)"))
        self.on_server.setObjectName("storage_server")
        self.joining = QRadioButton(
            self.tr("&Join a register on a server (another desk of the Dinas)")
        )
        self.joining.setObjectName("storage_join")
        group = QButtonGroup(self)
        for button in (self.local, self.on_server, self.joining):
            group.addButton(button)
        self.local.setChecked(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(common.NOTE_STYLE)
        self.fields = ServerFields()
        self.fields.test_button.clicked.connect(lambda: self.test_connection())
        self.fields.edited.connect(self._forget_test)
        root = QVBoxLayout(self)
        root.addWidget(self.local)
        root.addWidget(self.on_server)
        root.addWidget(self.joining)
        root.addWidget(self.note)
        root.addSpacing(6)
        root.addWidget(self.fields)
        root.addStretch(1)
        self._passed: tuple[str, str, str | None] | None = None
        group.buttonToggled.connect(self._choice_changed)
        self._choice_changed()

    def choice(self) -> str:
        """``local``, ``server`` (a new register there) or ``join``."""
        if self.on_server.isChecked():
            return "server"
        if self.joining.isChecked():
            return "join"
        return "local"

    def _choice_changed(self, *_args: object) -> None:
        self._forget_test()
        notes = {
            "local": self.tr(
                "The usual choice when one PC keeps the register. It can be moved onto a "
                "server later (lindungi database move)."
            ),
            "server": self.tr(
                "An empty database that the server's administrator created for Lindungi. The "
                "password is kept sealed with the register's key, never as plain text."
            ),
            "join": self.tr(
                "The register that the first desk set up on the server. You then sign in "
                "with an account of that register."
            ),
        }
        self.note.setText(notes[self.choice()])
        self.fields.setEnabled(self.choice() != "local")
        set_message(self.fields.result, "")

    def _forget_test(self) -> None:
        self._passed = None

    def _check(self, choice: str) -> Callable[[str, str | None], str]:
        """The command line's check for ``choice``, and what it says when it passes (its
        words translated here, on the GUI thread)."""
        if choice == "join":
            joinable = self.tr(
                "Connected: the database holds the kabupaten's register. Next, sign in with "
                "your account of it."
            )

            def check_join(url: str, password: str | None) -> str:
                join.check_url(url, password)
                return joinable

            return check_join
        empty = self.tr(
            "Connected: the database {database} on {host} is empty and ready for the register."
        )

        def check_empty(url: str, password: str | None) -> str:
            address = server.check_url(url, password)
            return empty.format(database=address.database, host=address.host)

        return check_empty

    def test_connection(self, then_next: bool = False) -> bool:
        """Run the check of the chosen way; with ``then_next`` the wizard moves on once it
        passes. False when it could not start."""
        choice = self.choice()
        url, password = self.fields.fields() if not self.fields.problem()[0] else ("", None)

        def passed() -> None:
            self._passed = (choice, url, password)
            if then_next and self.wizard() is not None and self.wizard().currentPage() is self:
                self.wizard().next()

        return self.fields.test(self._check(choice), passed)

    @override
    def validatePage(self) -> bool:
        """Next: on this PC at once; on a server once its test passed with these fields."""
        if self.choice() == "local":
            return True
        if not self.fields.problem()[0]:
            url, password = self.fields.fields()
            if self._passed == (self.choice(), url, password):
                return True
        self.test_connection(then_next=True)
        return False


class JoinPage(QWizardPage):
    """A desk joining: an account of the register on the server signs in (the account's
    password unwraps the register's key, as at every sign-in)."""

    def __init__(self, ctx: Context, storage: StoragePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._storage = storage
        self.actor: Actor | None = None
        self.setObjectName("JoinPage")
        self.setTitle(self.tr("Sign in to the register on the server"))
        self.setSubTitle(
            self.tr(
                "With an account that an administrator made for you at the first desk "
                "(Administration ▸ Users). This PC then works on the same register."
            )
        )
        self.username = QLineEdit()
        self.username.setObjectName("join_username")
        self.password = QLineEdit()
        self.password.setObjectName("join_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Account name"), self.username)
        form.addRow(self.tr("Pass&word"), self.password)
        self.error = common.message_label()
        self.error.setObjectName("join_error")
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.error)
        root.addStretch(1)
        self.username.textEdited.connect(lambda _t: set_message(self.error, ""))
        self.password.textEdited.connect(lambda _t: set_message(self.error, ""))

    @override
    def initializePage(self) -> None:
        self.username.setFocus()

    @override
    def validatePage(self) -> bool:
        """Finish: join (``database join``'s service); on failure its message, and this PC
        is as it was."""
        set_message(self.error, "")
        name = self.username.text().strip()
        if not name or not self.password.text():
            set_message(self.error, self.tr("Write your account name and password."))
            (self.username if not name else self.password).setFocus()
            return False
        url, db_password = self._storage.fields.fields()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.actor = join.join_fresh(self._ctx, url, db_password, name, self.password.text())
        except AppError as exc:
            set_message(self.error, str(exc))
            self.password.clear()
            self.password.setFocus()
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True
