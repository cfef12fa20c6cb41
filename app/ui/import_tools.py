"""The import dialog's companions: the learned nagari spellings (listed, and forgotten by a
supervisor) and the choice of a nagari for the blank template."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.install import Role as InstallRole
from app.errors import AppError
from app.services import importer, participants
from app.services.actor import Actor, Role
from app.ui import common
from app.ui.common import fmt_int


def _note(text: str) -> QLabel:
    """An explanation under or beside a control, wrapped and muted."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(common.NOTE_STYLE)
    return label


class SpellingsPage(QWidget):
    """The nagari spellings learned from imports; a supervisor may forget selected ones."""

    def __init__(self, ctx: Any, actor: Actor | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        layout = QVBoxLayout(self)
        note = _note(
            self.tr(
                "Spellings a supervisor accepted during an import; an import reads them as "
                "their nagari from then on."
            )
        )
        self.table = QTableWidget()
        self.table.setObjectName("learned_spellings")
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels([self.tr("Spelling"), self.tr("Nagari")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.empty = QLabel(self.tr("No spellings learned yet."))
        self.empty.setStyleSheet(common.NOTE_STYLE)
        self.forget_button = QPushButton(self.tr("&Forget the selected spellings"))
        self.forget_button.setObjectName("forget_spellings")
        self.forget_button.setToolTip(
            self.tr("An import no longer reads them as their nagari; it suggests again instead.")
        )
        self.forget_button.setAutoDefault(False)
        self.forget_button.clicked.connect(self.forget_selected)
        self.forget_button.setVisible(actor is not None and actor.at_least(Role.SUPERVISOR))
        self.forget_button.setEnabled(False)
        self.table.itemSelectionChanged.connect(
            lambda: self.forget_button.setEnabled(bool(self.selected()))
        )
        self.message = common.message_label()
        self.message.setObjectName("spellings_message")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.forget_button)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        """Show the spellings as stored now."""
        learned = sorted(importer.learned_aliases(self._ctx).items())
        self.table.setRowCount(len(learned))
        for i, (spelling, code) in enumerate(learned):
            region = self._ctx.regions.get(code)
            self.table.setItem(i, 0, QTableWidgetItem(spelling))
            self.table.setItem(i, 1, QTableWidgetItem(region.name if region else code))
        self.empty.setVisible(not learned)
        self.forget_button.setEnabled(bool(self.selected()))

    def selected(self) -> list[str]:
        """The spellings of the selected rows."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        items = [self.table.item(r, 0) for r in rows]
        return [item.text() for item in items if item is not None]

    def forget_selected(self) -> None:
        """Forget the selected spellings, at once (the change is in the history)."""
        chosen = self.selected()
        if not chosen or self._actor is None:
            return
        try:
            gone = importer.forget_aliases(self._ctx, self._actor, chosen)
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        self.refresh()
        common.set_message(
            self.message,
            self.tr("{count} spellings forgotten.").format(count=fmt_int(len(gone))),
            common.NOTE_STYLE,
        )


class SpellingsDialog(QDialog):
    """The learned spellings, opened from the import dialog."""

    def __init__(self, ctx: Any, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SpellingsDialog")
        self.setWindowTitle(self.tr("Learned nagari spellings"))
        common.fit_on_screen(self, 560, 420)
        self.page = SpellingsPage(ctx, actor, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(common.close_text())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)


class TemplateDialog(QDialog):
    """Which nagari the blank template is for: one nagari pre-filled on every row, or
    every nagari of the install in its drop-down list."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TemplateDialog")
        self.setWindowTitle(self.tr("Blank template"))
        self.nagari = QComboBox()
        self.nagari.setObjectName("template_nagari")
        self.nagari.addItem(self.tr("Every nagari (each row chooses from a list)"), None)
        kabupaten = ctx.identity.role is InstallRole.KABUPATEN
        villages = participants.villages_for(ctx)
        for v in sorted(villages, key=lambda v: (v.name, v.code)):
            kec = ctx.regions.get(v.parent) if kabupaten and v.parent else None
            self.nagari.addItem(f"{v.name} — {kec.name}" if kec else v.name, v.code)
        note = _note(
            self.tr(
                "For one nagari, its name is filled in on every row, so the nagari's clerk "
                "types only the people."
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("Nagari"), self.nagari)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        common.translate_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str | None, str]:
        """The nagari code chosen (None for every nagari) and its name for the file."""
        code = self.nagari.currentData()
        return code, (self.nagari.currentText().split(" — ")[0] if code else "")
