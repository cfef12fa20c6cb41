"""Sync screens: export to a stick, import with a preview, the ledger of offices with the
fingerprint confirmation, and the conflict queue side by side.

Standalone widgets, each taking ``(ctx, actor)``; the main window places them. Every slot
reads its widgets, calls one service (:mod:`app.services.sync`, ``trust``,
``conflicts``) and shows the result or the error; exports and imports run as background
tasks with progress. Removable drives are offered by :func:`removable_drives`.
"""

from __future__ import annotations

import ctypes
import logging
import os
import string
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.fmt import format_date, mask_nik
from app.domain.install import Role as InstallRole
from app.errors import AppError, Refused
from app.i18n import render
from app.services import chainhead, trust
from app.services.actor import Actor
from app.services.context import Context
from app.services.sync import bundle_import, conflicts, export, offices, receipts, results
from app.services.sync.export import Exported
from app.sync.records import OFFICE_FIELDS
from app.ui import common
from app.ui.bus import Changes, bus
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

_DRIVE_REMOVABLE = 2


def removable_drives() -> list[Path]:
    """Folders of the removable drives plugged in: USB sticks first, for the file dialogs.

    Windows: drive letters whose type is removable (``GetDriveTypeW``); Linux: what desktop
    environments mount under ``/media/<user>/`` and ``/run/media/<user>/``; macOS:
    ``/Volumes``.
    """
    out: list[Path] = []
    if sys.platform == "win32":
        try:
            kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009 (Windows only)
            mask = kernel32.GetLogicalDrives()
            for i, letter in enumerate(string.ascii_uppercase):
                root = f"{letter}:\\"
                if mask & (1 << i) and kernel32.GetDriveTypeW(root) == _DRIVE_REMOVABLE:
                    out.append(Path(root))
        except (AttributeError, OSError):
            log.debug("no drive list from the Windows API")
        return out
    bases = [Path("/Volumes")] if sys.platform == "darwin" else []
    bases += [p for pattern in ("/media", "/run/media") for p in Path(pattern).glob("*")]
    for base in bases:
        try:
            children = sorted(base.iterdir()) if base.is_dir() else []
        except OSError:
            continue
        for child in children:
            if child.is_dir() and os.access(child, os.W_OK) and child.name != "Macintosh HD":
                out.append(child)
    return out


def _item(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fingerprint_label(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(font.pointSize() + 4)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


# --- export ---------------------------------------------------------------------------


class DrivePicker(QWidget):
    """The removable drives found, and any other folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setMinimumWidth(280)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.other_button = QPushButton(self.tr("Other folder…"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.other_button)
        self.refresh_button.clicked.connect(self.refresh)
        self.other_button.clicked.connect(self._other)
        self.refresh()

    def refresh(self) -> None:
        """List the removable drives again (a stick was plugged in)."""
        current = self.folder()
        self.combo.clear()
        for path in removable_drives():
            self.combo.addItem(self.tr("USB stick: {path}").format(path=str(path)), str(path))
        if current is not None and self.combo.findData(str(current)) < 0:
            self.combo.addItem(str(current), str(current))
        if self.combo.count() == 0:
            self.combo.addItem(self.tr("No removable drive found: choose a folder"), None)
        elif current is not None:
            self.combo.setCurrentIndex(self.combo.findData(str(current)))

    def set_folder(self, path: Path) -> None:
        """Choose ``path`` (added to the list when it is not a drive)."""
        index = self.combo.findData(str(path))
        if index < 0:
            self.combo.addItem(str(path), str(path))
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def folder(self) -> Path | None:
        """The folder chosen, or None."""
        data = self.combo.currentData()
        return Path(data) if data else None

    def _other(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for the bundle"))
        if path:
            self.set_folder(Path(path))


# The button of the next useful action on a bundle screen.
NEXT_STYLE = "QPushButton { font-weight: bold; padding: 6px 14px; }"


class ExportView(QWidget):
    """A kecamatan office: write the next bundle to a stick (and see who it goes to)."""

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.last: Exported | None = None
        layout = QVBoxLayout(self)
        self.identity = QLabel()
        self.identity.setWordWrap(True)
        self.enrol_button = QPushButton(self.tr("Enrol with the kabupaten's file…"))
        self.drives = DrivePicker()
        self.export_button = QPushButton(self.tr("Write bundle"))
        self.progress = QProgressBar()
        self.message = common.message_label()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("This office"), self.identity)
        form.addRow("", self.enrol_button)
        form.addRow(self.tr("Write to"), self.drives)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "The bundle holds every approved record changed since the kabupaten's last "
                "receipt, signed by this office and encrypted for the kabupaten: a lost stick "
                "reveals nothing."
            )
        )
        note.setWordWrap(True)
        common.muted(note)
        layout.addWidget(note)
        layout.addWidget(self.export_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.runner = TaskRunner(
            self.progress, self.message, [self.export_button, self.enrol_button]
        )
        self.export_button.clicked.connect(self.export)
        self.enrol_button.clicked.connect(self._enrol)
        self.refresh()

    def refresh(self) -> None:
        """Show this install's code and fingerprint and its kabupaten."""
        me = trust.whoami(self.ctx)
        text = self.tr("{code}, fingerprint {fingerprint}").format(
            code=me.install_code, fingerprint=me.fingerprint
        )
        if me.kabupaten:
            text += "\n" + self.tr("Kabupaten {code}, fingerprint {fingerprint}").format(
                code=me.kabupaten, fingerprint=me.kabupaten_fingerprint or ""
            )
        else:
            text += "\n" + self.tr("Not enrolled with a kabupaten yet.")
        self.identity.setText(text)
        office = me.role == InstallRole.KECAMATAN.value
        enrolled = bool(me.kabupaten)
        self.export_button.setEnabled(office and enrolled)
        # The next useful step stands out: enrolling once, then writing bundles.
        self.enrol_button.setVisible(office)
        self.export_button.setDefault(enrolled)
        self.export_button.setStyleSheet(NEXT_STYLE if enrolled else "")
        self.enrol_button.setDefault(not enrolled)
        self.enrol_button.setStyleSheet("" if enrolled else NEXT_STYLE)

    def export(self) -> None:
        """Write the next bundle in the background."""
        folder = self.drives.folder()
        if folder is None:
            common.set_message(self.message, self.tr("Choose a USB stick or a folder first."))
            return
        ctx, actor = self.ctx, self.actor
        self.result.setText("")
        self.runner.run(
            lambda report: export.export_bundle(ctx, actor, folder, progress=report),
            self._exported,
        )

    def _exported(self, done: Exported) -> None:
        self.last = done
        self.result.setText(
            self.tr(
                "Bundle #{sequence} written and checked: {path}\n{count} participants. "
                "The stick may be removed safely."
            ).format(
                sequence=done.sequence,
                path=str(done.path),
                count=done.counts.get("participants", 0),
            )
        )
        if done.held_back:
            common.set_message(
                self.message,
                self.tr(
                    "Held back from the bundle, their history does not explain them "
                    "(see Verify the audit trail): {reg_nos}"
                ).format(reg_nos=", ".join(done.held_back)),
            )

    def _enrol(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(
            self, self.tr("Enrolment file"), "", self.tr("Enrolment files (*.lenrol)")
        )
        if path:
            self.enrol(Path(path))

    def enrol(self, path: Path, ask: Callable[[str], str | None] | None = None) -> None:
        """Enrol with ``path``. A file with another kabupaten key than this office has
        is taken only when a supervisor types its fingerprint (``ask`` shows the warning
        and returns what was typed; by default a dialog)."""
        ask = ask or self._ask_fingerprint
        try:
            try:
                done = trust.enrol(self.ctx, self.actor, path)
            except Refused as exc:
                if exc.code != "enrol.kabupaten_changed":
                    raise
                typed = ask(str(exc))
                if not typed:
                    common.set_message(self.message, self.tr("Nothing was changed."))
                    return
                done = trust.enrol(self.ctx, self.actor, path, new_kabupaten_fingerprint=typed)
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        text = self.tr(
            "Enrolled with {code}. Compare this fingerprint with the kabupaten's screen: "
            "{fingerprint}"
        ).format(code=done.kabupaten, fingerprint=done.fingerprint)
        if done.previous:
            text += "\n" + self.tr(
                "The kabupaten key {previous} can no longer read this office's bundles."
            ).format(previous=done.previous)
        common.info(self, text)
        self.refresh()

    def _ask_fingerprint(self, warning: str) -> str | None:
        dialog = NewKabupatenDialog(warning, self)
        if common.run_modal(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.typed.text()


class NewKabupatenDialog(QDialog):
    """An enrolment file with another kabupaten key: says what moving means, and takes the
    new fingerprint as a supervisor types it from the kabupaten's screen."""

    def __init__(self, warning: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Another kabupaten key"))
        layout = QVBoxLayout(self)
        text = QLabel(warning)
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(QLabel(self.tr("New kabupaten fingerprint (typed by a supervisor):")))
        self.typed = QLineEdit()
        self.typed.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        layout.addWidget(self.typed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        common.translate_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


# --- import with a preview ------------------------------------------------------------


_OUTCOMES = results.BUNDLE_COUNTS


class ImportView(QWidget):
    """Import a bundle (kabupaten) or a receipt (office): a preview first, then the commit."""

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.path: Path | None = None
        self.preview: results.ImportResult | None = None
        self.result: results.ImportResult | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.file_label = QLabel(self.tr("No file chosen."))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        row.addWidget(self.file_label, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("Show")))
        self.filter = QComboBox()
        self.filter.addItem(self.tr("Everything but unchanged"), "notable")
        self.filter.addItem(self.tr("Everything"), "")
        for code in _OUTCOMES:
            self.filter.addItem(self.outcome_label(code), code)
        filter_row.addWidget(self.filter)
        filter_row.addStretch(1)
        layout.addLayout(filter_row)
        self.table = _table(
            [
                self.tr("Outcome"),
                self.tr("Registration no."),
                self.tr("Name"),
                self.tr("NIK"),
                self.tr("Reason"),
            ]
        )
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Preview"))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.receipt_dir = DrivePicker()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        receipt_row = QFormLayout()
        receipt_row.addRow(self.tr("Receipt to"), self.receipt_dir)
        layout.addLayout(receipt_row)
        self.progress = QProgressBar()
        self.message = common.message_label()
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.runner = TaskRunner(
            self.progress,
            self.message,
            [self.preview_button, self.import_button, self.choose_button],
        )
        self.choose_button.clicked.connect(self._choose)
        self.preview_button.clicked.connect(self.run_preview)
        self.import_button.clicked.connect(self.run_import)
        self.filter.currentIndexChanged.connect(self._fill)
        self.preview_button.setEnabled(False)
        kabupaten = ctx.identity.role is InstallRole.KABUPATEN
        self.receipt_dir.setVisible(kabupaten)
        receipt_label = receipt_row.labelForField(self.receipt_dir)
        if receipt_label is not None:
            receipt_label.setVisible(kabupaten)

    def outcome_label(self, code: str) -> str:
        """An outcome in the user's language."""
        labels = {
            "new": self.tr("New"),
            "changed": self.tr("Changed"),
            "unchanged": self.tr("Unchanged"),
            "conflict": self.tr("Conflict"),
            "duplicate": self.tr("Likely duplicate"),
            "refused": self.tr("Refused"),
            "accepted": self.tr("Accepted"),
            "active": self.tr("Active"),
            "inactive": self.tr("Inactive"),
            "pending": self.tr("Waiting for review"),
            "restored": self.tr("Restored"),
            "updated": self.tr("Updated"),
        }
        return labels.get(code, code)

    def set_file(self, path: Path) -> None:
        """Choose the file to import (the receipt goes beside it by default)."""
        self.path = path
        self.preview = None
        self.file_label.setText(str(path))
        self.preview_button.setEnabled(True)
        self.import_button.setEnabled(False)
        self.receipt_dir.set_folder(path.parent)
        self.table.setRowCount(0)
        self.summary.setText("")

    def _choose(self) -> None:
        drives = removable_drives()
        start = str(drives[0]) if drives else ""
        path, _selected = QFileDialog.getOpenFileName(
            self,
            self.tr("Bundle or receipt"),
            start,
            self.tr("Lindungi bundles and receipts (*.lbundle *.lreceipt)"),
        )
        if path:
            self.set_file(Path(path))

    def run_preview(self) -> None:
        """Check the file and show what importing it would do; nothing is saved."""
        if self.path is None:
            return
        path, ctx, actor = self.path, self.ctx, self.actor
        self.runner.run(
            lambda report: bundle_import.import_file(
                ctx, actor, path, dry_run=True, progress=report
            ),
            self._previewed,
        )

    def _previewed(self, result: results.ImportResult) -> None:
        self.preview = result
        self._show(result)
        self.import_button.setEnabled(result.status in ("preview", "held"))

    def run_import(self) -> None:
        """Import the file (one transaction), then show what happened."""
        if self.path is None:
            return
        path, ctx, actor = self.path, self.ctx, self.actor
        out = self.receipt_dir.folder()
        preview = self.preview  # its plan is reused unless the register changed since
        self.runner.run(
            lambda report: bundle_import.import_file(
                ctx, actor, path, receipt_out=out, progress=report, preview=preview
            ),
            self._imported,
        )

    def _imported(self, result: results.ImportResult) -> None:
        self.result = result
        self.import_button.setEnabled(False)
        self._show(result)
        if result.status == "imported":
            bus().announce(Changes(participants=True))

    def _show(self, r: results.ImportResult) -> None:
        what = self.tr("Bundle") if r.kind == "bundle" else self.tr("Receipt")
        head = f"{what} {r.sender} #{r.sequence}"
        states = {
            "preview": self.tr("Preview: nothing is saved until you press Import."),
            "imported": self.tr("Imported."),
            "already": self.tr("Already imported: nothing changed."),
            "superseded": self.tr("Older than a receipt already imported: nothing changed."),
            "held": self.tr(
                "Held: the key of office {office} is not confirmed yet. Compare this "
                "fingerprint with the office's screen, then confirm it in the ledger of "
                "offices: {fingerprint}"
            ).format(office=r.sender, fingerprint=r.fingerprint or ""),
        }
        if r.held and r.hold_reason == "other_key":
            states["held"] += "\n" + self.tr(
                "Another key already claims office {office}: this is a conflict. Confirm "
                "only the fingerprint the office's own screen shows."
            ).format(office=r.sender)
        elif r.held and r.hold_reason == "revoked":
            states["held"] = self.tr(
                "Held and flagged: the key of office {office} is revoked ({fingerprint})."
            ).format(office=r.sender, fingerprint=r.fingerprint or "")
        elif r.held and r.hold_reason == "chain":
            states["held"] = r.hold_message  # what is missing, from the service
        counts = ", ".join(
            f"{self.outcome_label(k)} {v}"
            for k, v in r.counts.items()
            if k in (*_OUTCOMES, *results.RECEIPT_COUNTS)
        )
        lines = [head, states.get(r.status, r.status), counts]
        if r.receipt:
            lines.append(self.tr("Receipt written: {path}").format(path=str(r.receipt)))
        if r.receipt_error:
            lines.append(self.tr("Receipt not written: {reason}").format(reason=r.receipt_error))
        self.summary.setText("\n".join(x for x in lines if x))
        self._fill()

    def _fill(self) -> None:
        r = self.result if self.result is not None else self.preview
        self.table.setRowCount(0)
        if r is None:
            return
        wanted = self.filter.currentData()
        items = [
            i
            for i in r.items
            if not wanted
            or (wanted == "notable" and i.outcome != "unchanged")
            or i.outcome == wanted
        ]
        self.table.setRowCount(len(items))
        for row, i in enumerate(items):
            reason = render(i.code, **i.params) if i.code else ""
            for col, text in enumerate(
                [self.outcome_label(i.outcome), i.reg_no, i.name, mask_nik(i.nik), reason]
            ):
                self.table.setItem(row, col, _item(text))


# --- the ledger of offices ------------------------------------------------------------


class ConfirmDialog(QDialog):
    """Compare an office's fingerprint on both screens before trusting its bundles."""

    def __init__(self, office: offices.OfficeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Confirm office {code}").format(code=office.install_code))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Its bundles carry this fingerprint. Ask the office to show theirs "
                "(Lindungi: sync screen, or lindungi whoami) and compare every group. Type "
                "what the office reads out:"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(_fingerprint_label(office.fingerprint or ""))
        if office.key_conflict:
            conflict = QLabel(
                self.tr(
                    "Conflict: other keys claim this office too ({others}). Confirm only "
                    "the fingerprint the office's own screen shows; a second PC set up "
                    "from the same enrolment file must be enrolled as a new station."
                ).format(others=", ".join(office.other_keys))
            )
            conflict.setWordWrap(True)
            conflict.setStyleSheet(common.ERROR_STYLE)
            layout.addWidget(conflict)
        self.typed = QLineEdit()
        self.typed.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        layout.addWidget(self.typed)
        # Its held bundles are merged on confirming: say where their receipts go.
        self.receipt_dir: DrivePicker | None = None
        if office.held:
            held = QLabel(
                self.tr(
                    "{count} held bundles are merged when you confirm. Their receipts go to "
                    "the folder below (without one: the receipts folder of the data folder)."
                ).format(count=len(office.held))
            )
            held.setWordWrap(True)
            layout.addWidget(held)
            self.receipt_dir = DrivePicker()
            layout.addWidget(self.receipt_dir)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        common.translate_buttons(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Confirm"))
        ok.setEnabled(False)
        expected = {office.fingerprint or "", *office.other_keys} - {""}
        self.typed.textChanged.connect(
            lambda text: ok.setEnabled(trust.normalise_fingerprint(text) in expected)
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def fingerprint(self) -> str:
        """What was typed."""
        return self.typed.text()

    def receipt_folder(self) -> Path | None:
        """Where the receipts of the held bundles go (None: the data folder's receipts)."""
        return self.receipt_dir.folder() if self.receipt_dir is not None else None


class EnrolDialog(QDialog):
    """Which kecamatan and station a new PC gets, and where its enrolment file goes."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Enrolment file for a new station"))
        form = QFormLayout(self)
        self.kecamatan = QComboBox()
        for kec in ctx.regions.kecamatan(ctx.identity.regency):
            self.kecamatan.addItem(f"{kec.code} {kec.name}", kec.code)
        self.station = QLineEdit()
        self.station.setMaxLength(1)
        self.folder = DrivePicker()
        form.addRow(self.tr("Kecamatan"), self.kecamatan)
        form.addRow(self.tr("Station"), self.station)
        form.addRow(self.tr("Write to"), self.folder)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        common.translate_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.kecamatan.currentIndexChanged.connect(self._suggest)
        self._suggest()

    def _suggest(self) -> None:
        code = self.kecamatan.currentData()
        if code:
            self.station.setText(trust.next_free_station(self.ctx, code))


class OfficesView(QWidget):
    """The kabupaten's ledger: each office's fingerprint and confirmation, last bundle, gaps,
    held bundles, open conflicts and days since the last bundle."""

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.rows: list[offices.OfficeView] = []
        layout = QVBoxLayout(self)
        me = trust.whoami(ctx)
        own = QHBoxLayout()
        own.addWidget(QLabel(self.tr("This kabupaten's fingerprint:")))
        own.addWidget(_fingerprint_label(me.fingerprint))
        own.addStretch(1)
        layout.addLayout(own)
        self.table = _table(
            [
                self.tr("Install"),
                self.tr("Kecamatan"),
                self.tr("Fingerprint"),
                self.tr("Confirmed"),
                self.tr("Last bundle"),
                self.tr("Days since"),
                self.tr("Gaps"),
                self.tr("Held"),
                self.tr("Open conflicts"),
                self.tr("Participants"),
                self.tr("Audit trail"),
            ]
        )
        layout.addWidget(self.table, 1)
        self.conflicts = QLabel()
        self.conflicts.setWordWrap(True)
        self.conflicts.setStyleSheet(common.ERROR_STYLE)
        layout.addWidget(self.conflicts)
        buttons = QHBoxLayout()
        self.confirm_button = QPushButton(self.tr("Confirm fingerprint…"))
        self.receipt_button = QPushButton(self.tr("Write receipt…"))
        self.enrol_button = QPushButton(self.tr("Enrolment file for a new station…"))
        self.revoke_button = QPushButton(self.tr("Revoke key…"))
        self.chain_button = QPushButton(self.tr("Take audit trail anew…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        for b in (
            self.confirm_button,
            self.receipt_button,
            self.enrol_button,
            self.revoke_button,
            self.chain_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.message = common.message_label()
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.result)
        self.runner = TaskRunner(
            self.progress, self.message, [self.confirm_button, self.receipt_button]
        )
        self.confirm_button.clicked.connect(self._confirm)
        self.receipt_button.clicked.connect(self._receipt)
        self.enrol_button.clicked.connect(self._enrol)
        self.revoke_button.clicked.connect(self._revoke)
        self.chain_button.clicked.connect(self._chain_reset)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selected_changed)
        bus().changed.connect(self._changed)
        self.refresh()

    def _changed(self, _changes: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the ledger again."""
        self.rows = offices.ledger(self.ctx)
        self.table.setRowCount(len(self.rows))
        for row, o in enumerate(self.rows):
            gaps = ", ".join(
                self.tr("#{n} (covered by #{m})").format(n=n, m=m) if m else f"#{n}"
                for n, m in o.gaps
            )
            last = f"#{o.last_sequence} {format_date(o.last_created_at)}" if o.last_sequence else ""
            values = [
                o.install_code,
                o.kecamatan_name,
                o.fingerprint or "",
                self._trust_state(o),
                last,
                "" if o.days_since_last is None else str(o.days_since_last),
                gaps,
                ", ".join(f"#{n}" for n in o.held),
                str(o.open_conflicts),
                str(o.participants),
                self._chain_state(o),
            ]
            for col, text in enumerate(values):
                self.table.setItem(row, col, _item(text, right=col in (5, 8, 9)))
        self.conflicts.setText(
            "\n".join(
                self.tr(
                    "Conflict: {office} is claimed by another key ({others}) besides "
                    "{fingerprint}. Confirm only the fingerprint the office's own screen "
                    "shows; a second PC set up from the same enrolment file must be "
                    "enrolled as a new station."
                ).format(
                    office=o.install_code,
                    others=", ".join(o.other_keys),
                    fingerprint=o.fingerprint or "-",
                )
                for o in self.rows
                if o.key_conflict
            )
        )
        self.conflicts.setVisible(any(o.key_conflict for o in self.rows))
        self._selected_changed()

    def _chain_state(self, o: offices.OfficeView) -> str:
        """The office's audit trail as this ledger holds it."""
        count = common.fmt_int(o.chain_count)
        if o.chain_trust == "first_use":
            text = self.tr("{count} entries, trusted on first use").format(count=count)
        elif o.chain_trust == "extends":
            text = self.tr("{count} entries, extends the last one").format(count=count)
        else:
            text = self.tr("none yet")
        if o.chain_held:
            held = ", ".join(f"#{n}" for n in o.chain_held)
            text += "; " + self.tr("held: {bundles}").format(bundles=held)
        return text

    def _trust_state(self, o: offices.OfficeView) -> str:
        if o.revoked_at is not None:
            return self.tr("revoked")
        state = self.tr("yes") if o.confirmed else self.tr("no")
        return state + ", " + self.tr("key conflict") if o.key_conflict else state

    def selected(self) -> offices.OfficeView | None:
        """The office of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def select(self, install_code: str) -> None:
        """Select an office's row."""
        for i, o in enumerate(self.rows):
            if o.install_code == install_code:
                self.table.selectRow(i)

    def _selected_changed(self) -> None:
        o = self.selected()
        busy = self.runner.busy
        self.confirm_button.setEnabled(
            not busy and o is not None and not o.confirmed and bool(o.fingerprint)
        )
        self.receipt_button.setEnabled(not busy and o is not None and o.confirmed)
        self.revoke_button.setEnabled(
            not busy and o is not None and o.revoked_at is None and bool(o.fingerprint)
        )
        self.chain_button.setEnabled(not busy and o is not None and bool(o.chain_held))

    def chain_reset(self, reason: str) -> None:
        """Take the selected office's audit trail anew (after checking with the office)."""
        o = self.selected()
        if o is None:
            return
        try:
            chainhead.reset(self.ctx, self.actor, o.install_code, reason)
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        self.result.setText(
            self.tr(
                "The audit trail of {office} will be taken anew: import its held bundle again."
            ).format(office=o.install_code)
        )
        self.refresh()

    def _chain_reset(self) -> None:
        o = self.selected()
        if o is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Take audit trail anew"),
            self.tr(
                "The audit trail of office {office} does not extend the one last seen. "
                "After checking with the office what happened, give the reason:"
            ).format(office=o.install_code),
        )
        if ok and reason.strip():
            self.chain_reset(reason)

    def revoke(self) -> None:
        """Revoke the selected office's key (asked first in the screen)."""
        o = self.selected()
        if o is None:
            return
        try:
            offices.revoke_office(self.ctx, self.actor, o.install_code)
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        self.result.setText(
            self.tr(
                "The key of office {office} ({fingerprint}) is revoked: its later bundles are "
                "held and flagged, never merged. Give the office a new enrolment file with a "
                "new station letter."
            ).format(office=o.install_code, fingerprint=o.fingerprint or "-")
        )
        self.refresh()

    def _revoke(self) -> None:
        o = self.selected()
        if o is None:
            return
        question = self.tr(
            "Revoke the key of office {office} ({fingerprint})? Do this for a stolen or "
            "lost PC: its bundles are never merged again."
        ).format(office=o.install_code, fingerprint=o.fingerprint or "-")
        if common.confirm(self, question):
            self.revoke()

    def confirm_office(self, fingerprint: str, receipt_out: Path | None = None) -> None:
        """Confirm the selected office with the fingerprint typed, merging what was held."""
        o = self.selected()
        if o is None:
            return
        ctx, actor, code = self.ctx, self.actor, o.install_code
        self.runner.run(
            lambda report: offices.confirm_office(
                ctx, actor, code, fingerprint, receipt_out, progress=report
            ),
            self._confirmed,
        )

    def _confirm(self) -> None:
        o = self.selected()
        if o is None:
            return
        dialog = ConfirmDialog(o, self)
        if common.run_modal(dialog) == QDialog.DialogCode.Accepted:
            self.confirm_office(dialog.fingerprint(), dialog.receipt_folder())

    def _confirmed(self, results: list[results.ImportResult]) -> None:
        lines = [self.tr("Office confirmed.")]
        for r in results:
            lines.append(
                self.tr(
                    "Bundle #{sequence}: {new} new, {changed} changed, {refused} refused."
                ).format(
                    sequence=r.sequence,
                    new=r.counts.get("new", 0),
                    changed=r.counts.get("changed", 0),
                    refused=r.counts.get("refused", 0),
                )
            )
            if r.receipt:
                lines.append(self.tr("Receipt written: {path}").format(path=str(r.receipt)))
        self.result.setText("\n".join(lines))
        bus().announce(Changes(participants=True))
        self.refresh()

    def write_receipt(self, folder: Path) -> None:
        """Write a fresh receipt for the selected office into ``folder``."""
        o = self.selected()
        if o is None:
            return
        try:
            written = receipts.write_receipt(self.ctx, self.actor, o.install_code, folder)
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        self.result.setText(self.tr("Receipt written: {path}").format(path=str(written.path)))

    def _receipt(self) -> None:
        drives = removable_drives()
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the receipt"), str(drives[0]) if drives else ""
        )
        if path:
            self.write_receipt(Path(path))

    def _enrol(self) -> None:
        dialog = EnrolDialog(self.ctx, self)
        if common.run_modal(dialog) != QDialog.DialogCode.Accepted:
            return
        folder = dialog.folder.folder()
        if folder is None:
            common.set_message(self.message, self.tr("Choose a USB stick or a folder first."))
            return
        try:
            written = trust.write_enrolment(
                self.ctx, self.actor, dialog.kecamatan.currentData(), dialog.station.text(), folder
            )
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        self.result.setText(
            self.tr("Enrolment file of {code} written: {path}").format(
                code=written.install_code, path=str(written.path)
            )
        )
        self.refresh()


# --- conflicts ------------------------------------------------------------------------


_SHOWN_FIELDS = (
    "reg_no",
    "name",
    "nik",
    "birth_place",
    "birth_date",
    "sex",
    "nagari_code",
    "kecamatan_code",
    "jorong",
    "address",
    "occupation",
    "phone",
    "income",
    "funding",
    "programmes",
    "coverage_start",
    "coverage_end",
    "status",
    "kpj",
    "created_install",
    "updated_at",
    "updated_install",
)


class ConflictsView(QWidget):
    """The conflict queue: both records side by side, and the decision.

    A duplicate (one NIK in two records): keep one (the other becomes its duplicate) or
    record a move to one record's kecamatan. A record changed on both sides: keep one
    version, or tick for each differing field the side to take.
    """

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.items: list[conflicts.ConflictView] = []
        self.choices: dict[str, QButtonGroup] = {}
        layout = QHBoxLayout(self)
        self.list = QListWidget()
        self.list.setMinimumWidth(220)
        layout.addWidget(self.list)
        right = QVBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)
        right.addWidget(self.title)
        self.table = _table([self.tr("Field"), "A", "B", self.tr("Take")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        right.addWidget(self.table, 1)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        right.addWidget(self.note)
        decide = QGroupBox(self.tr("Decision"))
        grid = QHBoxLayout(decide)
        self.keep_a = QPushButton(self.tr("Keep A"))
        self.keep_b = QPushButton(self.tr("Keep B"))
        self.moved_a = QPushButton(self.tr("Moved to A's kecamatan"))
        self.moved_b = QPushButton(self.tr("Moved to B's kecamatan"))
        self.take_fields = QPushButton(self.tr("Take the fields ticked"))
        for b in (self.keep_a, self.keep_b, self.moved_a, self.moved_b, self.take_fields):
            grid.addWidget(b)
        right.addWidget(decide)
        self.message = common.message_label()
        right.addWidget(self.message)
        layout.addLayout(right, 1)
        self.keep_a.clicked.connect(lambda: self.decide(keep="A"))
        self.keep_b.clicked.connect(lambda: self.decide(keep="B"))
        self.moved_a.clicked.connect(lambda: self.decide(moved_to="A"))
        self.moved_b.clicked.connect(lambda: self.decide(moved_to="B"))
        self.take_fields.clicked.connect(self.decide_fields)
        self.list.currentRowChanged.connect(self._show)
        bus().changed.connect(self._changed)
        self.refresh()

    def _changed(self, _changes: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the open conflicts again."""
        self.items = conflicts.list_conflicts(self.ctx)
        self.list.blockSignals(True)
        self.list.clear()
        for c in self.items:
            kind = (
                self.tr("Same NIK in two records")
                if c.kind == "duplicate"
                else self.tr("Changed on both sides")
            )
            QListWidgetItem(f"#{c.id} {kind}\n{mask_nik(c.nik)} · {c.source}", self.list)
        self.list.blockSignals(False)
        if self.items:
            self.list.setCurrentRow(0)
        self._show(self.list.currentRow())

    def current(self) -> conflicts.ConflictView | None:
        """The conflict shown."""
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show(self, _row: int) -> None:
        c = self.current()
        self.choices.clear()
        self.table.setRowCount(0)
        common.set_message(self.message, "")
        for b in (self.keep_a, self.keep_b, self.moved_a, self.moved_b, self.take_fields):
            b.setEnabled(c is not None)
        if c is None:
            self.title.setText(self.tr("No open conflicts."))
            return
        duplicate = c.kind == "duplicate"
        self.moved_a.setVisible(duplicate)
        self.moved_b.setVisible(duplicate)
        self.take_fields.setVisible(not duplicate)
        self.title.setText(
            self.tr("A: in the register. B: from bundle #{sequence} of {office}.").format(
                sequence=c.sequence, office=c.source
            )
        )
        fields = list(_SHOWN_FIELDS)
        self.table.setRowCount(len(fields))
        for row, f in enumerate(fields):
            value_a, value_b = c.a.get(f), c.b.get(f)
            differ = value_a != value_b
            self.table.setItem(row, 0, _item(f))
            for col, value in ((1, value_a), (2, value_b)):
                item = _item("" if value is None else str(value))
                if differ:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, col, item)
            if not duplicate and differ and f in OFFICE_FIELDS:
                cell = QWidget()
                box = QHBoxLayout(cell)
                box.setContentsMargins(2, 0, 2, 0)
                group = QButtonGroup(cell)
                for side in ("A", "B"):
                    radio = QRadioButton(side)
                    radio.setChecked(side == "A")
                    group.addButton(radio)
                    box.addWidget(radio)
                self.choices[f] = group
                self.table.setCellWidget(row, 3, cell)

    def choose(self, field: str, side: str) -> None:
        """Tick the side to take for a differing field (edit conflicts)."""
        for button in self.choices[field].buttons():
            button.setChecked(button.text() == side)

    def decide(self, keep: str | None = None, moved_to: str | None = None) -> None:
        """Keep one record, or record a move, for the conflict shown."""
        c = self.current()
        if c is None:
            return
        try:
            conflicts.resolve(
                self.ctx, self.actor, c.id, keep=keep, moved_to=moved_to, note=self.note.text()
            )
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        self.note.clear()
        bus().announce(Changes(participants=True))

    def decide_fields(self) -> None:
        """Take each differing field from the side ticked (edit conflicts)."""
        c = self.current()
        if c is None:
            return
        picked = {
            f: next((b.text() for b in g.buttons() if b.isChecked()), "A")
            for f, g in self.choices.items()
        }
        try:
            conflicts.resolve_fields(self.ctx, self.actor, c.id, picked, note=self.note.text())
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        self.note.clear()
        bus().announce(Changes(participants=True))
