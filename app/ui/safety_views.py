"""Data safety in the GUI: the start-up health check, backups and restore, the audit trail.

The health check runs in the background after the window shows (it never delays start-up):
a quick integrity check, and the daily backup when none was taken today. A damaged
database makes it offer the newest good backup.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.i18n import render
from app.services import audit, backup, health
from app.services.actor import Actor, Role
from app.ui import common
from app.ui.bus import Changes, bus
from app.ui.session import Session
from app.ui.tasks import Progress, Task

log = logging.getLogger(__name__)


# --- start-up health ----------------------------------------------------------------------


def check_in_background(parent: QWidget, session: Session) -> Task:
    """Start the quick integrity check and the daily backup on a worker thread."""
    ctx = session.ctx

    def work(_progress: Progress) -> tuple[bool, Path | None]:
        ok = health.quick_check(ctx)
        if ok and not session.demo and backup.daily_backup_due(ctx):
            backup.auto_backup(ctx, "daily")
        return ok, (None if ok else health.newest_good_backup(ctx))

    task = Task(work)
    task.done.connect(lambda result: _after_check(parent, session, *result))
    task.failed.connect(lambda exc: log.error("health check failed: %s", type(exc).__name__))
    task.start()
    return task


def _after_check(parent: QWidget, session: Session, ok: bool, good: Path | None) -> None:
    if ok:
        return
    translate = QCoreApplication.translate
    if good is None:
        common.error(
            parent,
            translate(
                "SafetyCheck",
                "The database is damaged and no good backup was found. "
                "Stop using Lindungi and ask for help; nothing was changed.",
            ),
        )
        return
    question = translate(
        "SafetyCheck",
        "The database is damaged. Restore the newest good backup ({name})? "
        "The damaged database is kept.",
    ).format(name=good.name)
    if common.confirm(parent, question):
        try:
            backup.restore(
                session.ctx,
                session.actor if session.actor.at_least(Role.ADMIN) else _system_admin(session),
                good,
            )
        except AppError as exc:
            common.show_app_error(parent, exc)
            return
        bus().announce(Changes(participants=True))
        common.info(parent, translate("SafetyCheck", "The backup was restored."))


def _system_admin(session: Session) -> Actor:
    # Restoring a damaged database is offered to whoever is logged in: leaving the office
    # without a working register is worse than letting an operator press "restore".
    return Actor(session.actor.username, Role.ADMIN)


def backup_on_exit(session: Session) -> None:
    """A backup when the window closes (skipped for the throw-away demo, and for a
    register on a PostgreSQL server, whose backups are the server's)."""
    if session.demo or session.ctx.db.on_server:
        return
    try:
        backup.auto_backup(session.ctx, "exit")
    except (AppError, OSError) as exc:
        log.error("backup on exit failed: %s", type(exc).__name__)


def unlock_key(parent: QWidget | None, session: Session) -> None:
    """Ask for the signing key's passphrase when it is protected (three tries; cancelling
    leaves the key locked: printing cards and bundles then say so)."""
    from app.services import keys

    if not keys.key_is_protected(session.ctx):
        return
    for _attempt in range(3):
        answer = PassphraseDialog.ask(parent, confirm=False, title_key=True)
        if answer is None:
            return
        try:
            keys.unlock(session.ctx, answer[0])
        except AppError as exc:
            common.show_app_error(parent, exc)
            continue
        return


# --- backups screen -----------------------------------------------------------------------


class PassphraseDialog(QDialog):
    """Ask for a passphrase twice (to encrypt) or once (to decrypt)."""

    def __init__(
        self, parent: QWidget | None, confirm: bool, keys_option: bool, title_key: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Passphrase of this PC's signing key") if title_key else self.tr("Passphrase")
        )
        form = QFormLayout(self)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase"), self.first)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        if confirm:
            form.addRow(self.tr("Again"), self.second)
        self.keys = QCheckBox(self.tr("Include this PC's private keys (to move to a new PC)"))
        if keys_option:
            form.addRow(self.keys)
        self.message = common.message_label()
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        common.translate_buttons(buttons)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._confirm = confirm

    def _check(self) -> None:
        if len(self.first.text()) < 8:
            common.set_message(self.message, self.tr("Use at least 8 characters."))
        elif self._confirm and self.first.text() != self.second.text():
            common.set_message(self.message, self.tr("The two passphrases differ."))
        else:
            self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        confirm: bool,
        keys_option: bool = False,
        title_key: bool = False,
    ) -> tuple[str, bool] | None:
        """The passphrase and whether to include the keys, or None when cancelled."""
        dialog = cls(parent, confirm, keys_option, title_key)
        if common.run_modal(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.first.text(), dialog.keys.isChecked()


class BackupsView(QWidget):
    """The backups kept, and buttons to back up (also to a USB stick) and restore."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Lindungi backs up automatically before every import and migration, once a day "
                "and on exit. A backup on a USB stick should be encrypted with a passphrase."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Reason"), self.tr("Size")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.now_button = QPushButton(self.tr("Back up now"))
        self.usb_button = QPushButton(self.tr("Back up to a USB stick…"))
        self.restore_button = QPushButton(self.tr("Restore the selected backup…"))
        self.file_button = QPushButton(self.tr("Restore from a file…"))
        self.sheet_button = QPushButton(self.tr("New recovery sheet…"))
        self.sheet_button.setObjectName("sheet_button")
        self.sheet_button.setToolTip(
            self.tr("A new recovery key on a sheet to print; the old sheet stops working.")
        )
        for b in (
            self.now_button,
            self.usb_button,
            self.restore_button,
            self.file_button,
            self.sheet_button,
        ):
            row.addWidget(b)
        layout.addLayout(row)
        self.now_button.clicked.connect(self.back_up_now)
        self.usb_button.clicked.connect(self.back_up_to_usb)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button.clicked.connect(self.restore_file)
        self.sheet_button.clicked.connect(self.new_recovery_sheet)
        admin = session.actor.at_least(Role.ADMIN)
        for b in (
            self.now_button,
            self.usb_button,
            self.restore_button,
            self.file_button,
            self.sheet_button,
        ):
            b.setEnabled(admin)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list of backups."""
        self._backups = backup.list_backups(self.session.ctx)
        self.table.setRowCount(len(self._backups))
        for i, b in enumerate(self._backups):
            for j, text in enumerate(
                (
                    b.taken_at.strftime("%d/%m/%Y %H:%M:%S"),
                    backup.reason_label(b.reason),
                    f"{b.size / 1_000_000:.1f} MB".replace(".", ","),
                )
            ):
                self.table.setItem(i, j, QTableWidgetItem(text))

    def back_up_now(self) -> None:
        try:
            path = backup.backup(self.session.ctx, self.session.actor)
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        self.refresh()
        common.info(self, self.tr("Backup written: {path}").format(path=path.name))

    def back_up_to_usb(self) -> None:
        folder = common.open_folder(self, self.tr("Choose the USB stick"))
        if not folder:
            return
        answer = PassphraseDialog.ask(self, confirm=True, keys_option=True)
        if answer is None:
            return
        passphrase, keys = answer
        try:
            path = backup.backup(
                self.session.ctx, self.session.actor, Path(folder), passphrase, keys
            )
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        common.info(self, self.tr("Backup written: {path}").format(path=str(path)))

    def new_recovery_sheet(self) -> None:
        """A new recovery key, saved as a sheet to print (the old sheet stops working)."""
        from PySide6.QtWidgets import QFileDialog

        from app.services import recovery

        ctx = self.session.ctx
        suggested = recovery.default_sheet_path(ctx, Path.home())
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("New recovery sheet"), str(suggested), "PDF (*.pdf)"
        )
        if not target:
            return
        try:
            path = recovery.make_sheet(ctx, self.session.actor, Path(target))
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        common.info(self, render("recovery.sheet_written", path=str(path)))

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self._restore(self._backups[rows[0].row()].path)

    def restore_file(self) -> None:
        name = common.open_file(
            self, self.tr("Choose a backup"), self.tr("Lindungi backups (*.sqlite *.lbackup)")
        )
        if name:
            self._restore(Path(name))

    def _restore(self, path: Path) -> None:
        if not common.confirm(
            self,
            self.tr(
                "Replace the register with the backup {name}? The current database is kept "
                "as a backup first."
            ).format(name=path.name),
        ):
            return
        passphrase = None
        if path.suffix == ".lbackup":
            answer = PassphraseDialog.ask(self, confirm=False)
            if answer is None:
                return
            passphrase = answer[0]
        try:
            _saved, count = backup.restore(self.session.ctx, self.session.actor, path, passphrase)
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        self.refresh()
        bus().announce(Changes(participants=True, settings=True))
        common.info(self, self.tr("Restored {count} participants.").format(count=count))


# --- audit trail screen -------------------------------------------------------------------


class AuditView(QWidget):
    """Browse, filter, verify and export the audit trail (administrators)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("User"))
        self.action = QComboBox()
        self.action.setObjectName("action_filter")
        self.action.addItem(self.tr("All actions"), None)
        for label, code in sorted((audit.action_label(c), c) for c in audit.ACTIONS):
            self.action.addItem(label, code)
        self.action.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_button = QPushButton(self.tr("Show"))
        self.verify_button = QPushButton(self.tr("Verify the chain"))
        self.export_button = QPushButton(self.tr("Export…"))
        for w in (self.user, self.action, self.show_button, self.verify_button, self.export_button):
            row.addWidget(w)
        layout.addLayout(row)
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Details")]
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        self.show_button.clicked.connect(self.refresh)
        self.user.returnPressed.connect(self.refresh)
        self.action.currentIndexChanged.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export)
        self.refresh()

    def refresh(self) -> None:
        """Show the newest 500 entries that match the filters."""
        try:
            rows = audit.entries(
                self.session.ctx,
                self.session.actor,
                user=self.user.text().strip() or None,
                action=self.action.currentData(),
                limit=500,
            )
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        self.table.setRowCount(len(rows))
        for i, e in enumerate(rows):
            for j, text in enumerate(
                (
                    e.at.strftime("%d/%m/%Y %H:%M:%S"),
                    e.actor,
                    audit.action_label(e.action),
                    e.summary,
                )
            ):
                self.table.setItem(i, j, QTableWidgetItem(text))

    def verify(self) -> None:
        result = audit.verify(self.session.ctx)
        if result.ok:
            self.result.setText(
                self.tr("The audit trail is whole: {count} entries verified.").format(
                    count=common.fmt_int(result.entries)
                )
            )
            self.result.setStyleSheet("color: #1b6e3a; font-weight: bold;")
            return
        lines = []
        if result.broken_at is not None:
            lines.append(
                self.tr("The audit trail was changed at entry {id}.").format(id=result.broken_at)
            )
        if result.ghosts:
            lines.append(
                self.tr("Records without any history (ghosts): {reg_nos}").format(
                    reg_nos=", ".join(result.ghosts)
                )
            )
        if result.unexplained:
            lines.append(
                self.tr("Records whose state their history does not explain: {reg_nos}").format(
                    reg_nos=", ".join(result.unexplained)
                )
            )
        if result.behind:
            lines.append(
                self.tr(
                    "The database is behind the audit trail head this PC signed: a "
                    "supervisor records the reason (the banner of the main window)."
                )
            )
        self.result.setText("\n".join(lines))
        self.result.setStyleSheet(common.ERROR_STYLE + " font-weight: bold;")

    def export(self) -> None:
        name = common.save_file(
            self,
            self.tr("Export the audit trail"),
            "audit.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not name:
            return
        try:
            count = audit.export(
                self.session.ctx,
                self.session.actor,
                Path(name),
                user=self.user.text().strip() or None,
                action=self.action.currentData(),
            )
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        common.info(self, self.tr("Exported {count} entries.").format(count=count))


class SafetyDialog(QDialog):
    """Backups and the audit trail, in one window."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups and audit trail"))
        common.fit_on_screen(self, 900, 560)
        layout = QVBoxLayout(self)
        tabs = QTabWidget()
        self.backups = BackupsView(session)
        tabs.addTab(self.backups, self.tr("Backups"))
        if session.actor.at_least(Role.ADMIN):
            self.audit = AuditView(session)
            tabs.addTab(self.audit, self.tr("Audit trail"))
        layout.addWidget(tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        common.translate_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
