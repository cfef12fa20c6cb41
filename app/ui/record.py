"""One participant: every field, the history (who, when, before → after) and the actions
its status and the user's role allow (edit, approve, deactivate, reactivate)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.domain.card import format_serial
from app.domain.fmt import format_date
from app.domain.participant import InactiveReason, Status
from app.domain.regions import RegionIndex
from app.errors import AppError
from app.i18n import render
from app.services import cards, participants, verify
from app.services.actor import Role
from app.services.audit import action_label
from app.services.describe import Shown, describe, history_changes
from app.services.participants import HistoryRecord, ParticipantRecord
from app.ui import common
from app.ui.bus import Changes, bus
from app.ui.cards_views import PrintDialog, ReprintDialog
from app.ui.common import (
    reason_label,
    translate_buttons,
)
from app.ui.form import ParticipantForm
from app.ui.session import Session
from app.ui.tables import AnyIndex, TableModel
from app.ui.widgets import DateField

log = logging.getLogger(__name__)

_PRINTABLE = {Status.APPROVED.value, Status.ACCEPTED.value, Status.ACTIVE.value}


class HistoryModel(TableModel):
    """The change history of one participant, newest first."""

    def __init__(
        self, entries: list[HistoryRecord], regions: RegionIndex | None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._entries = list(reversed(entries))
        self._changes = [history_changes(e.changes, regions) for e in self._entries]
        self._headers = [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Changes")]

    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        e = self._entries[index.row()]
        col = index.column()
        if col == 0:
            return e.at.strftime("%d/%m/%Y %H:%M")
        if col == 1:
            return f"{e.actor} ({e.install_code})"
        if col == 2:
            what = action_label(e.action)
            if e.reason:
                shown = reason_label(e.reason) if e.action == "deactivate" else e.reason
                what += f" — {shown}"
            return what
        return self._changes[index.row()]


class DeactivateDialog(QDialog):
    """Ask why and since when a participant leaves the programme."""

    def __init__(self, reg_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deactivate {reg_no}").format(reg_no=reg_no))
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        for r in InactiveReason:
            self.reason.addItem(reason_label(r.value), r.value)
        self.day = DateField()
        self.day.setObjectName("day")
        self.day.set_date_value(dt.date.today())
        self.error = common.message_label()
        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow(self.tr("&Date"), self.day)
        note = QLabel(self.tr("Nothing is erased: the record stays, marked inactive."))
        note.setWordWrap(True)
        note.setStyleSheet(common.NOTE_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        translate_buttons(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Deactivate"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(note)
        root.addWidget(self.error)
        root.addWidget(buttons)
        self.result_value: tuple[InactiveReason, dt.date] | None = None

    def _ok(self) -> None:
        try:
            day = self.day.date_value()
        except ValueError:
            day = None
        if day is None:
            common.set_message(self.error, render("date.invalid", text=self.day.text()))
            return
        self.result_value = (InactiveReason(self.reason.currentData()), day)
        self.accept()

    @classmethod
    def ask(
        cls, reg_no: str, parent: QWidget | None = None
    ) -> tuple[InactiveReason, dt.date] | None:
        """The reason and date chosen, or None when cancelled."""
        dialog = cls(reg_no, parent)
        common.run_modal(dialog)
        return dialog.result_value


class RecordDialog(QDialog):
    """A participant's record with its history and the actions allowed."""

    def __init__(self, session: Session, reg_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._reg_no = reg_no
        self.setObjectName("RecordDialog")
        self.resize(900, 640)
        self._values: dict[str, QLabel] = {}
        self._payload: str | None = None  # the QR text of the current card printed here
        self._has_card = False

        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(16)
        self._grid.setColumnStretch(1, 1)
        self._grid.setColumnStretch(3, 1)

        self.history = QTableView()
        self.history.setObjectName("history")
        self.history.verticalHeader().setVisible(False)
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)
        self.history.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.history.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)

        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.approve_button = QPushButton(self.tr("A&pprove"))
        self.deactivate_button = QPushButton(self.tr("&Deactivate…"))
        self.reactivate_button = QPushButton(self.tr("&Reactivate"))
        self.close_button = QPushButton(common.close_text())
        for b in (
            self.edit_button,
            self.approve_button,
            self.deactivate_button,
            self.reactivate_button,
        ):
            b.setAutoDefault(False)
        self.close_button.setDefault(True)
        self.edit_button.clicked.connect(self.edit)
        self.approve_button.clicked.connect(self.approve)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.reactivate_button.clicked.connect(self.reactivate)
        self.close_button.clicked.connect(self.accept)
        actions = QHBoxLayout()
        for b in (
            self.edit_button,
            self.approve_button,
            self.deactivate_button,
            self.reactivate_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.close_button)

        card_title = QLabel(self.tr("Card"))
        card_title.setStyleSheet("font-weight: bold;")
        self.card_value = QLabel()
        self.card_value.setObjectName("value_card")
        self.card_value.setWordWrap(True)
        self.card_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_card_button = QPushButton(self.tr("Print &card…"))
        self.print_card_button.setObjectName("print_card_button")
        self.reprint_button = QPushButton(self.tr("Reprin&t card…"))
        self.reprint_button.setObjectName("reprint_button")
        for b in (self.print_card_button, self.reprint_button):
            b.setAutoDefault(False)
        self.print_card_button.clicked.connect(self.print_card)
        self.reprint_button.clicked.connect(self.reprint_card)
        card_row = QHBoxLayout()
        card_row.addWidget(card_title)
        card_row.addWidget(self.card_value, 1)
        card_row.addWidget(self.print_card_button)
        card_row.addWidget(self.reprint_button)

        self.status_note = common.message_label(common.NOTE_STYLE)
        root = QVBoxLayout(self)
        root.addLayout(self._grid)
        root.addLayout(card_row)
        root.addWidget(self.status_note)
        history_title = QLabel(self.tr("History"))
        history_title.setStyleSheet("font-weight: bold;")
        root.addWidget(history_title)
        root.addWidget(self.history, 1)
        root.addLayout(actions)
        self.refresh()

    @property
    def record(self) -> ParticipantRecord:
        """The record as last read."""
        return self._record

    def refresh(self) -> None:
        """Read the record and its history again."""
        ctx = self._session.ctx
        rec = participants.get(ctx, self._reg_no)
        self._record = rec
        self.setWindowTitle(self.tr("Participant {reg_no}").format(reg_no=rec.reg_no))
        regions = ctx.regions
        self._show_fields(describe(rec, regions, full_nik=self._session.can(Role.SUPERVISOR)))
        note = ""
        if rec.override_reason:
            note = self.tr("Saved despite warnings, by a supervisor's override: {reason}").format(
                reason=rec.override_reason
            )
        common.set_message(self.status_note, note, common.NOTE_STYLE)
        model = HistoryModel(participants.history(ctx, rec.uuid), regions, self.history)
        old = self.history.model()
        self.history.setModel(model)
        if old is not None:
            old.deleteLater()
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.resizeRowsToContents()
        self._show_card()
        self._enable()

    def _show_fields(self, fields: list[Shown]) -> None:
        """The description's (label, value) pairs in two columns, left then right."""
        fields = [f for f in fields if f.key != "override_reason"]  # the note says it
        half = (len(fields) + 1) // 2
        for i, f in enumerate(fields):
            value = self._values.get(f.key)
            if value is None:
                name = QLabel(f.label)
                name.setStyleSheet("font-weight: bold;")
                value = QLabel()
                value.setObjectName(f"value_{f.key}")
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self._values[f.key] = value
                row, col = (i, 0) if i < half else (i - half, 2)
                self._grid.addWidget(name, row, col, Qt.AlignmentFlag.AlignTop)
                self._grid.addWidget(value, row, col + 1, Qt.AlignmentFlag.AlignTop)
            value.setText(f.value)

    def _show_card(self) -> None:
        """The current card: serial, version, when printed, whether handed over."""
        ctx, rec = self._session.ctx, self._record
        printed = cards.cards_of(ctx, rec.reg_no)
        current = next((c for c in reversed(printed) if not c.void and c.kind != "copy"), None)
        self._has_card = current is not None
        self._payload = cards.current_payload(ctx, rec.reg_no) if current else None
        if current is None:
            self.card_value.setText(self.tr("Not printed yet"))
            return
        text = self.tr("{serial}, version {version}, printed {date} by {user}").format(
            serial=format_serial(current.install_code, current.serial),
            version=current.version,
            date=format_date(current.printed_at.date()),
            user=current.printed_by,
        )
        copies = sum(1 for c in printed if c.kind == "copy" and not c.void)
        if copies:
            text += "; " + self.tr("{count} copies").format(count=copies)
        if self._payload is not None:
            handed = verify.verify(ctx, self._payload).handed_over
            if handed:
                text += "; " + self.tr("handed over {when}").format(when=handed)
            else:
                text += "; " + self.tr("waiting for handover")
        self.card_value.setText(text)

    def _enable(self) -> None:
        rec = self._record
        supervisor = self._session.can(Role.SUPERVISOR)
        inactive = rec.status == Status.INACTIVE.value
        self.edit_button.setEnabled(not inactive)
        self.approve_button.setVisible(rec.status == Status.DRAFT.value)
        self.approve_button.setEnabled(supervisor and rec.status == Status.DRAFT.value)
        if not supervisor:
            self.approve_button.setToolTip(self.tr("Only a supervisor may approve."))
        self.deactivate_button.setVisible(not inactive)
        self.reactivate_button.setVisible(inactive)
        printable = rec.status in _PRINTABLE
        self.print_card_button.setEnabled(printable)
        self.reprint_button.setEnabled(printable and self._has_card)

    def _after_change(self) -> None:
        bus().announce(Changes(participants=True))
        self.refresh()

    def _open_other(self, reg_no: str) -> None:
        RecordDialog.ask(self._session, reg_no, self)

    def edit(self) -> None:
        """Open the form on this record."""
        if ParticipantForm.ask(self._session, self._record, self, open_record=self._open_other):
            self._after_change()

    def approve(self) -> None:
        """Approve this draft (supervisors)."""
        try:
            participants.approve(self._session.ctx, self._session.actor, [self._record.reg_no])
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        self._after_change()

    def print_card(self) -> None:
        """Print this participant's card (again as a copy when printed before)."""
        rec = self._record
        PrintDialog.ask(self._session, self, reg_no=rec.reg_no, name=rec.name)
        self.refresh()

    def reprint_card(self) -> None:
        """Issue a new version of the card, with a reason; the earlier one becomes void."""
        rec = self._record
        who = self.tr("A new card for {name} ({reg_no})").format(name=rec.name, reg_no=rec.reg_no)
        ReprintDialog.ask(self._session, [rec.reg_no], self, who=who)
        self.refresh()

    def deactivate(self) -> None:
        """Ask why and since when, then mark the record inactive."""
        answer = DeactivateDialog.ask(self._record.reg_no, self)
        if answer is None:
            return
        reason, day = answer
        try:
            participants.deactivate(
                self._session.ctx, self._session.actor, self._record.reg_no, reason, day
            )
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        self._after_change()

    def reactivate(self) -> None:
        """Bring an inactive participant back."""
        try:
            participants.reactivate(self._session.ctx, self._session.actor, self._record.reg_no)
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        self._after_change()

    @classmethod
    def ask(cls, session: Session, reg_no: str, parent: QWidget | None = None) -> None:
        """Show the record of ``reg_no`` until the user closes it."""
        try:
            dialog = cls(session, reg_no, parent)
        except AppError as exc:
            common.show_app_error(parent, exc)
            return
        common.run_modal(dialog)
