"""Administrators' screens: accounts (add, reset, unlock, deactivate) and settings."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app import settings
from app.catalogue.cards import STANDARD_ACCIDENT, STANDARD_BENEFITS, STANDARD_DEATH
from app.domain.fmt import format_date, parse_date
from app.errors import AppError
from app.i18n import tr
from app.services import accounts, cards, prefs
from app.services.accounts import AccountInfo
from app.services.actor import Role
from app.ui import cards_views, common
from app.ui.accountform import AccountForm
from app.ui.bus import Changes, bus
from app.ui.common import role_label, set_message, translate_buttons
from app.ui.session import Session
from app.ui.tables import AnyIndex, TableModel
from app.ui.widgets import DateField

log = logging.getLogger(__name__)


class UsersModel(TableModel):
    """Accounts with their role and whether they are locked."""

    def __init__(self, users: list[AccountInfo], parent: Any = None) -> None:
        super().__init__(parent)
        self._users = users
        self._now = dt.datetime.now()
        self._headers = [
            self.tr("User name"),
            self.tr("Full name"),
            self.tr("Role"),
            self.tr("State"),
        ]

    def user_at(self, row: int) -> AccountInfo:
        """The account shown at ``row``."""
        return self._users[row]

    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._users)

    def _state(self, u: AccountInfo) -> str:
        if not u.active:
            return self.tr("Deactivated")
        if u.must_change:
            return self.tr("Must choose a new password")
        if u.locked_until is not None and u.locked_until > self._now:
            return self.tr("Locked until {time}").format(time=u.locked_until.strftime("%H:%M"))
        if u.failed_logins:
            return self.tr("{count} failed logins").format(count=u.failed_logins)
        return self.tr("Active")

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        u = self._users[index.row()]
        return (u.username, u.full_name, role_label(u.role), self._state(u))[index.column()]


class AccountDialog(QDialog):
    """A new account (name, full name, role, password twice), or with ``reset_of`` a new
    password for that account, which its owner must change at the next sign-in.

    ``create`` saves: it gets the values and raises :class:`AppError` to keep the dialog
    open with the message.
    """

    def __init__(self, parent: QWidget | None = None, reset_of: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccountDialog")
        self.form = AccountForm(
            self, with_name=reset_of is None, roles=() if reset_of else tuple(Role)
        )
        self.setWindowTitle(
            self.tr("New password for {name}").format(name=reset_of)
            if reset_of
            else self.tr("New account")
        )
        f = self.form
        self.username, self.full_name, self.role = f.username, f.full_name, f.role
        self.password, self.password2, self.error = f.password, f.password2, f.error
        if reset_of:
            self.username.setText(reset_of)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        translate_buttons(self.buttons)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        if reset_of:
            note = QLabel(
                self.tr(
                    "Give this password to {name} in person: it works for one sign-in, "
                    "then {name} chooses a new one."
                ).format(name=reset_of)
            )
            note.setWordWrap(True)
            root.addWidget(note)
        root.addWidget(self.form)
        root.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.values: tuple[str, str, Role, str] | None = None
        self.create: Any = None  # set by callers that save the account themselves

    def _ok(self) -> None:
        password = self.form.new_password()
        if password is None:
            return
        role = Role(self.role.currentData()) if self.role.count() else Role.OPERATOR
        values = (self.username.text().strip(), self.full_name.text().strip(), role, password)
        if self.create is not None:
            try:
                self.create(*values)
            except AppError as exc:
                self.form.show_error(str(exc))
                return
        self.values = values
        self.accept()


class UsersDialog(QDialog):
    """Accounts of this install: add one, reset a password, unlock after failed sign-ins,
    deactivate or reactivate."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("UsersDialog")
        self.setWindowTitle(self.tr("Users"))
        self.resize(720, 400)
        self.table = QTableView()
        self.table.setObjectName("users")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("&Add user…"))
        self.add_button.setObjectName("add_button")
        self.add_button.clicked.connect(self.add_user)
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.reset_button.setObjectName("reset_button")
        self.reset_button.clicked.connect(self.reset)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.clicked.connect(self.unlock)
        self.active_button = QPushButton(self.tr("&Deactivate"))
        self.active_button.setObjectName("active_button")
        self.active_button.clicked.connect(self.toggle_active)
        close = QPushButton(common.close_text())
        close.clicked.connect(self.accept)
        self.error = common.message_label()
        self.error.setObjectName("error")
        row = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.unlock_button):
            row.addWidget(button)
        row.addWidget(self.active_button)
        row.addStretch(1)
        row.addWidget(close)
        root = QVBoxLayout(self)
        root.addWidget(self.table, 1)
        root.addWidget(self.error)
        root.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        """Read the accounts again."""
        try:
            users = accounts.list_users(self._session.ctx, self._session.actor)
        except AppError as exc:
            set_message(self.error, str(exc))
            users = []
        old = self.table.model()
        self.model = UsersModel(users, self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        if old is not None:
            old.deleteLater()
        self._selected()

    def selected(self) -> AccountInfo | None:
        """The account of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.user_at(rows[0].row()) if rows else None

    def _selected(self, *_: object) -> None:
        user = self.selected()
        for button in (self.reset_button, self.unlock_button, self.active_button):
            button.setEnabled(user is not None)
        self.active_button.setText(
            self.tr("Re&activate")
            if user is not None and not user.active
            else self.tr("&Deactivate")
        )

    def add_user(self) -> None:
        """Ask for a new account and create it."""
        dialog = AccountDialog(self)
        ctx, actor = self._session.ctx, self._session.actor
        dialog.create = lambda name, full, role, password: accounts.add_user(
            ctx, actor, name, role, password, full
        )
        if common.run_modal(dialog) == QDialog.DialogCode.Accepted:
            bus().announce(Changes(accounts=True))
            self.refresh()

    def reset(self) -> None:
        """Give the selected account a new password, to be changed at its next sign-in."""
        user = self.selected()
        if user is None:
            return
        dialog = AccountDialog(self, reset_of=user.username)
        ctx, actor = self._session.ctx, self._session.actor
        dialog.create = lambda name, _full, _role, password: accounts.reset_password(
            ctx, actor, name, password
        )
        if common.run_modal(dialog) == QDialog.DialogCode.Accepted:
            set_message(
                self.error,
                self.tr("{name} must choose a new password at the next sign-in.").format(
                    name=user.username
                ),
                common.NOTE_STYLE,
            )
            self.refresh()

    def _act(self, action: Any) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            action(self._session.ctx, self._session.actor, user)
        except AppError as exc:
            set_message(self.error, str(exc))
            return
        set_message(self.error, "")
        bus().announce(Changes(accounts=True))
        self.refresh()

    def unlock(self) -> None:
        """Lift the lock of the selected account."""
        self._act(lambda ctx, actor, user: accounts.unlock(ctx, actor, user.username))

    def toggle_active(self) -> None:
        """Deactivate the selected account, or reactivate it when it is deactivated."""
        self._act(
            lambda ctx, actor, user: accounts.set_active(ctx, actor, user.username, not user.active)
        )

    @classmethod
    def ask(cls, session: Session, parent: QWidget | None = None) -> None:
        """Show the accounts until closed."""
        common.run_modal(cls(session, parent))


class SettingsDialog(QDialog):
    """The settings an administrator changes from the GUI."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("SettingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        ctx = session.ctx
        self.lang_id = QRadioButton("Bahasa Indonesia")
        self.lang_en = QRadioButton("English")
        lang_row = QHBoxLayout()
        lang_row.addWidget(self.lang_id)
        lang_row.addWidget(self.lang_en)
        lang_row.addStretch(1)
        self.has_language = "language" in settings.SETTINGS
        if self.has_language:
            (self.lang_en if prefs.get(ctx, "language") == "en" else self.lang_id).setChecked(True)
        self.approval = QCheckBox(self.tr("A supervisor must approve records before they leave"))
        self.approval.setObjectName("approval_required")
        self.approval.setChecked(bool(prefs.get(ctx, "approval_required")))
        self.age_min = QSpinBox()
        self.age_min.setObjectName("age_min")
        self.age_min.setRange(0, 120)
        self.age_min.setValue(int(prefs.get(ctx, "age_min")))
        self.age_max = QSpinBox()
        self.age_max.setObjectName("age_max")
        self.age_max.setRange(0, 120)
        self.age_max.setValue(int(prefs.get(ctx, "age_max")))
        ages = QHBoxLayout()
        ages.addWidget(self.age_min)
        ages.addWidget(QLabel("–"))
        ages.addWidget(self.age_max)
        ages.addWidget(QLabel(self.tr("years")))
        ages.addStretch(1)
        self.idle = QSpinBox()
        self.idle.setObjectName("idle_lock_minutes")
        self.idle.setRange(0, 240)
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setSuffix(" " + self.tr("minutes"))
        self.idle.setValue(int(prefs.get(ctx, "idle_lock_minutes")))
        self.coverage = DateField()
        self.coverage.setObjectName("default_coverage_start")
        try:
            text = str(prefs.get(ctx, "default_coverage_start") or "")
            self.coverage.set_date_value(parse_date(text) if text else None)
        except ValueError:
            self.coverage.set_date_value(None)
        general = QWidget()
        form = QFormLayout(general)
        if self.has_language:
            form.addRow(self.tr("Language"), lang_row)
        form.addRow("", self.approval)
        form.addRow(self.tr("Ages accepted without override"), ages)
        form.addRow(self.tr("Lock the window after"), self.idle)
        form.addRow(self.tr("Coverage start of new records"), self.coverage)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(general, self.tr("General"))
        self.tabs.addTab(self._card_page(), self.tr("Cards"))
        from app.ui.import_tools import SpellingsPage

        self.tabs.addTab(SpellingsPage(ctx, session.actor), self.tr("Nagari spellings"))
        self.error = common.message_label()
        self.error.setObjectName("error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        translate_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addWidget(self.tabs)
        root.addWidget(self.error)
        root.addWidget(buttons)

    # --- the cards page ------------------------------------------------------------------

    def _card_page(self) -> QWidget:
        ctx = self._session.ctx
        page = QWidget()
        self.card_lines: dict[str, QLineEdit] = {}
        self.card_texts: dict[str, QPlainTextEdit] = {}
        for key in ("programme_title", "regency_name", "card_bpjs_contact", "card_dinas_contact"):
            edit = QLineEdit(str(prefs.get(ctx, key)))
            edit.setObjectName(key)
            self.card_lines[key] = edit
        standard = {
            "card_back_benefits": STANDARD_BENEFITS,
            "card_back_accident": STANDARD_ACCIDENT,
            "card_back_death": STANDARD_DEATH,
        }
        for key, text in standard.items():
            box = QPlainTextEdit(str(prefs.get(ctx, key)))
            box.setObjectName(key)
            box.setTabChangesFocus(True)
            box.setPlaceholderText(tr(text))
            box.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
            self.card_texts[key] = box
        self.full_nik = QCheckBox(self.tr("Print whole NIKs on cards (otherwise masked)"))
        self.full_nik.setObjectName("show_full_nik")
        self.full_nik.setChecked(bool(prefs.get(ctx, "show_full_nik")))
        self.card_layout = cards_views.layout_combo(ctx)
        self.card_layout.setObjectName("card_layout")
        self.offsets: dict[str, QDoubleSpinBox] = {}
        offsets = QGridLayout()
        offsets.addWidget(QLabel(self.tr("right (x)")), 0, 1)
        offsets.addWidget(QLabel(self.tr("down (y)")), 0, 2)
        for row, (side, label) in enumerate(
            (("front", self.tr("Fronts")), ("back", self.tr("Backs"))), start=1
        ):
            offsets.addWidget(QLabel(label), row, 0)
            for col, axis in enumerate(("x", "y"), start=1):
                key = f"card_offset_{side}_{axis}_mm"
                spin = QDoubleSpinBox()
                spin.setObjectName(key)
                spin.setRange(-20.0, 20.0)
                spin.setDecimals(1)
                spin.setSingleStep(0.5)
                spin.setSuffix(" mm")
                spin.setValue(float(prefs.get(ctx, key)))
                self.offsets[key] = spin
                offsets.addWidget(spin, row, col)
        offsets.setColumnStretch(3, 1)
        self.calibration_button = QPushButton(self.tr("&Print a calibration page…"))
        self.calibration_button.setObjectName("calibration_button")
        self.calibration_button.setAutoDefault(False)
        self.calibration_button.clicked.connect(self.print_calibration)
        calibration_note = QLabel(
            self.tr(
                "Print the calibration page with the printer's usual settings, measure how far "
                "the marks are off, and enter that here (a negative number moves left or up). "
                "Printing the page saves the offsets and layout first."
            )
        )
        calibration_note.setWordWrap(True)
        calibration_note.setStyleSheet(common.NOTE_STYLE)
        back_note = QLabel(
            self.tr("An empty text on the back means the standard text (shown grey).")
        )
        back_note.setWordWrap(True)
        back_note.setStyleSheet(common.NOTE_STYLE)
        self.calibration_message = common.message_label()
        self.calibration_message.setObjectName("calibration_message")

        form = QFormLayout(page)
        form.addRow(self.tr("Programme title"), self.card_lines["programme_title"])
        form.addRow(self.tr("Regency"), self.card_lines["regency_name"])
        form.addRow("", self.full_nik)
        form.addRow(self.tr("Back: benefits"), self.card_texts["card_back_benefits"])
        form.addRow(self.tr("Back: after an accident"), self.card_texts["card_back_accident"])
        form.addRow(self.tr("Back: after a death"), self.card_texts["card_back_death"])
        form.addRow("", back_note)
        form.addRow(self.tr("BPJS branch contact"), self.card_lines["card_bpjs_contact"])
        form.addRow(self.tr("Dinas contact"), self.card_lines["card_dinas_contact"])
        form.addRow(self.tr("Layout"), self.card_layout)
        form.addRow(self.tr("Printer offsets"), offsets)
        form.addRow("", self.calibration_button)
        form.addRow("", calibration_note)
        form.addRow("", self.calibration_message)
        return page

    def _card_values(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: e.text().strip() for k, e in self.card_lines.items()}
        for key, box in self.card_texts.items():
            out[key] = " ".join(box.toPlainText().split())
        out["show_full_nik"] = self.full_nik.isChecked()
        out.update(self._calibration_values())
        return out

    def _calibration_values(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: round(s.value(), 1) for k, s in self.offsets.items()}
        out["card_layout"] = str(self.card_layout.currentData())
        return out

    def _store(self, values: dict[str, Any]) -> dict[str, Any]:
        ctx, actor = self._session.ctx, self._session.actor
        changed = {k: v for k, v in values.items() if prefs.get(ctx, k) != v}
        for key, value in changed.items():
            prefs.set_value(ctx, actor, key, value)
        return changed

    def print_calibration(self) -> None:
        """Save the offsets and layout, then write the calibration page and open it."""
        ctx = self._session.ctx
        try:
            if self._store(self._calibration_values()):
                bus().announce(Changes(settings=True))
        except AppError as exc:
            set_message(self.calibration_message, str(exc))
            return
        out = cards_views.ask_pdf(
            self, ctx, self.tr("Save the calibration page as"), "kalibrasi-kartu.pdf"
        )
        if out is None:
            return
        try:
            cards.calibration_page(ctx, out, str(self.card_layout.currentData()))
        except AppError as exc:
            set_message(self.calibration_message, str(exc))
            return
        set_message(
            self.calibration_message,
            self.tr("Calibration page written to {path}").format(path=out),
            common.NOTE_STYLE,
        )
        cards_views.open_in_viewer(out)

    def _values(self) -> dict[str, Any]:
        try:
            start = self.coverage.date_value()
        except ValueError as exc:
            raise AppError("date.invalid", text=self.coverage.text()) from exc
        out: dict[str, Any] = {
            "approval_required": self.approval.isChecked(),
            "age_min": self.age_min.value(),
            "age_max": self.age_max.value(),
            "idle_lock_minutes": self.idle.value(),
            "default_coverage_start": format_date(start),
        }
        if self.has_language:
            out["language"] = "en" if self.lang_en.isChecked() else "id"
        out.update(self._card_values())
        return out

    def save(self) -> None:
        """Store every setting that changed."""
        try:
            values = self._values()
            if values["age_min"] > values["age_max"]:
                set_message(self.error, self.tr("The youngest age must not exceed the oldest."))
                return
            if not (values["programme_title"] and values["regency_name"]):
                self.tabs.setCurrentIndex(1)
                set_message(self.error, self.tr("The cards need a programme title and a regency."))
                return
            changed = self._store(values)
        except AppError as exc:
            set_message(self.error, str(exc))
            return
        if "language" in changed:
            common.info(self, self.tr("The new language is used from the next start."))
        bus().announce(Changes(settings=True))
        self.accept()

    @classmethod
    def ask(cls, session: Session, parent: QWidget | None = None) -> None:
        """Show the settings until saved or cancelled."""
        common.run_modal(cls(session, parent))
