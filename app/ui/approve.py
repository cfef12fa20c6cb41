"""Approving all drafts of one nagari (or of every nagari) at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain.participant import Status
from app.services import participants
from app.services.participants import ListQuery
from app.ui import common
from app.ui.common import NOTE_STYLE, fmt_int, translate_buttons
from app.ui.session import Session


class ApproveDraftsDialog(QDialog):
    """Choose a nagari whose drafts a supervisor approves; shows how many each has."""

    ALL = "*"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Approve drafts"))
        ctx = session.ctx
        self.nagari = QComboBox()
        self.nagari.setObjectName("nagari")
        total = len(participants.search(ctx, ListQuery(status=Status.DRAFT.value)))
        self.nagari.addItem(
            self.tr("All nagari ({count} drafts)").format(count=fmt_int(total)), self.ALL
        )
        for v in sorted(participants.villages_for(ctx), key=lambda r: r.name):
            n = len(participants.search(ctx, ListQuery(nagari=v.code, status=Status.DRAFT.value)))
            if n:
                self.nagari.addItem(
                    self.tr("{nagari} ({count} drafts)").format(nagari=v.name, count=fmt_int(n)),
                    v.code,
                )
        note = QLabel(
            self.tr("Only approved records leave the office in the bundle for the kabupaten.")
        )
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        translate_buttons(buttons)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Approve"))
        ok.setEnabled(total > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        label = QLabel(self.tr("&Nagari"))
        label.setBuddy(self.nagari)
        root.addWidget(label)
        root.addWidget(self.nagari)
        root.addWidget(note)
        root.addWidget(buttons)

    @classmethod
    def ask(cls, session: Session, parent: QWidget | None = None) -> str | None:
        """The nagari code chosen, ``ALL`` for every nagari, or None when cancelled."""
        dialog = cls(session, parent)
        if common.run_modal(dialog) != QDialog.DialogCode.Accepted:
            return None
        return str(dialog.nagari.currentData())
