"""Importing a nagari's spreadsheet: choose the file, check the column mapping, see every
row's verdict (new, duplicate, refused with reasons), import the good rows, and save the
refused ones for the nagari to correct.

Reading and checking a large file, and saving its rows, run as background tasks with
progress; the preview can be cancelled. Nothing is saved before "Import".
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.domain.fmt import mask_nik
from app.errors import AppError
from app.services import importer
from app.services.importer import ImportPreview, ImportResult
from app.ui import common
from app.ui.bus import Changes, bus
from app.ui.common import fmt_int
from app.ui.session import Session
from app.ui.tasks import Progress, Task
from app.ui.yearwarn import MissingYearBar

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex

COLOURS = {"new": "#e3f4e1", "duplicate": "#fff4cc", "refused": "#fbe0e0"}


def verdict_label(verdict: str) -> str:
    """A row's verdict in the user's language."""
    labels = {
        "new": QCoreApplication.translate("ImportDialog", "New"),
        "duplicate": QCoreApplication.translate("ImportDialog", "Duplicate"),
        "refused": QCoreApplication.translate("ImportDialog", "Refused"),
    }
    return labels.get(verdict, verdict)


def field_labels() -> dict[str, str]:
    """Labels of the fields a column can be mapped to."""
    return {
        "nik": QCoreApplication.translate("ImportDialog", "NIK"),
        "name": QCoreApplication.translate("ImportDialog", "Name"),
        "birth_place": QCoreApplication.translate("ImportDialog", "Birth place"),
        "birth_date": QCoreApplication.translate("ImportDialog", "Birth date"),
        "birth_place_date": QCoreApplication.translate("ImportDialog", "Birth place and date"),
        "sex": QCoreApplication.translate("ImportDialog", "Sex (L/P)"),
        "address": QCoreApplication.translate("ImportDialog", "Address"),
        "jorong": QCoreApplication.translate("ImportDialog", "Jorong"),
        "nagari": QCoreApplication.translate("ImportDialog", "Nagari"),
        "occupation": QCoreApplication.translate("ImportDialog", "Occupation"),
        "phone": QCoreApplication.translate("ImportDialog", "Phone"),
        "income": QCoreApplication.translate("ImportDialog", "Declared income"),
        "funding": QCoreApplication.translate("ImportDialog", "Funding"),
    }


class PreviewModel(QAbstractTableModel):
    """The rows of a preview, coloured by verdict, with their reasons."""

    def __init__(self, preview: ImportPreview | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = preview.rows if preview else []
        self._headers = [
            self.tr("Row"),
            self.tr("Verdict"),
            self.tr("Name"),
            self.tr("NIK"),
            self.tr("Reasons"),
        ]

    def verdict_at(self, row: int) -> str:
        """The verdict of the row shown at ``row``."""
        return self._rows[row].verdict

    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return r.line
            if col == 1:
                return verdict_label(r.verdict)
            if col == 2:
                return r.name
            if col == 3:
                return mask_nik(r.nik) if len(r.nik) == 16 and r.nik.isdigit() else r.nik
            return "; ".join(r.reasons)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS.get(r.verdict, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.UserRole:
            return r.verdict
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


class ImportDialog(QDialog):
    """The whole import of one spreadsheet."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._ctx = session.ctx
        self.preview: ImportPreview | None = None
        self.imported: ImportResult | None = None
        self.path: Path | None = None
        self._task: Task | None = None
        self.setObjectName("ImportDialog")
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        common.fit_on_screen(self, 1100, 720)

        self.file_label = QLabel(self.tr("No file chosen (xlsx or csv)."))
        self.file_label.setObjectName("file_label")
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.choose_button.setObjectName("choose_button")
        self.choose_button.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)

        self.mapping_box = QGroupBox(self.tr("Columns"))
        mapping_grid = QGridLayout(self.mapping_box)
        self.mapping: dict[str, QComboBox] = {}
        for i, (key, label) in enumerate(field_labels().items()):
            combo = QComboBox()
            combo.setObjectName(f"map_{key}")
            combo.setMinimumContentsLength(14)
            self.mapping[key] = combo
            mapping_grid.addWidget(QLabel(label), i, 0)
            mapping_grid.addWidget(combo, i, 1)
        mapping_grid.setRowStretch(len(self.mapping), 1)
        self.repreview_button = QPushButton(self.tr("Check &again with these columns"))
        self.repreview_button.setObjectName("repreview_button")
        self.repreview_button.clicked.connect(self.run_preview)
        mapping_grid.addWidget(self.repreview_button, len(self.mapping) + 1, 0, 1, 2)
        self.mapping_box.setEnabled(False)

        self.table = QTableView()
        self.table.setObjectName("preview")
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.model = PreviewModel(None, self)
        self.table.setModel(self.model)
        self._size_columns()

        splitter = QSplitter()
        splitter.addWidget(self.mapping_box)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 800])

        self.detail = QLabel()
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setStyleSheet("font-weight: bold;")
        self.message = common.message_label()
        self.message.setObjectName("message")
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(common.cancel_text())
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_task)

        self.import_button = QPushButton(self.tr("&Import new rows"))
        self.import_button.setObjectName("import_button")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_commit)
        self.save_refused_button = QPushButton(self.tr("&Save refused rows…"))
        self.save_refused_button.setObjectName("save_refused_button")
        self.save_refused_button.setEnabled(False)
        self.save_refused_button.clicked.connect(self.save_refused)
        self.close_button = QPushButton(common.close_text())
        self.close_button.clicked.connect(self.reject)
        for b in (
            self.choose_button,
            self.repreview_button,
            self.import_button,
            self.save_refused_button,
            self.close_button,
            self.cancel_button,
        ):
            b.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addStretch(0)
        bottom.addWidget(self.save_refused_button)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)

        self.year_bar = MissingYearBar(self._ctx, session.actor)
        root = QVBoxLayout(self)
        root.addLayout(top)
        root.addWidget(self.year_bar)
        root.addWidget(splitter, 1)
        root.addWidget(self.detail)
        root.addWidget(self.summary)
        root.addWidget(self.message)
        root.addLayout(bottom)

    # --- steps --------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for the spreadsheet and check it with the guessed columns."""
        path = common.open_file(
            self, self.tr("Choose a spreadsheet"), self.tr("Spreadsheets (*.xlsx *.csv)")
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Check ``path`` with the columns guessed from its headers."""
        self.path = path
        self.file_label.setText(str(path))
        self.preview = None
        self._start_preview(None)

    def run_preview(self) -> None:
        """Check the file again with the columns as mapped by the user."""
        if self.path is None:
            return
        mapping = {
            key: int(combo.currentData())
            for key, combo in self.mapping.items()
            if combo.currentData() is not None
        }
        self._start_preview(mapping)

    def _start_preview(self, mapping: dict[str, int] | None) -> None:
        path = self.path
        assert path is not None
        ctx = self._ctx

        def work(progress: Progress) -> ImportPreview:
            return importer.preview(ctx, path, mapping, progress=progress)

        self._run(work, self._preview_done, cancellable=True)

    def _preview_done(self, preview: ImportPreview) -> None:
        self.preview = preview
        today = dt.date.today()
        self.year_bar.show_for(
            {(r.data.coverage_start or today).year for r in preview.rows if r.data is not None}
        )
        self.imported = None
        self._fill_mapping(preview)
        old = self.model
        self.model = PreviewModel(preview, self)
        self.table.setModel(self.model)
        old.deleteLater()
        self._size_columns()
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail.clear()
        first_bad = next(
            (i for i, r in enumerate(preview.rows) if r.verdict != "new"), 0 if preview.rows else -1
        )
        if first_bad >= 0:
            self.table.setCurrentIndex(self.model.index(first_bad, 0))
        new, dup, refused = (preview.count(v) for v in ("new", "duplicate", "refused"))
        self.summary.setText(
            self.tr("{new} new, {duplicate} duplicate, {refused} refused").format(
                new=fmt_int(new), duplicate=fmt_int(dup), refused=fmt_int(refused)
            )
        )
        self.import_button.setText(self.tr("&Import {count} new rows").format(count=fmt_int(new)))
        self.import_button.setEnabled(new > 0)
        self.save_refused_button.setEnabled(refused > 0)
        self.mapping_box.setEnabled(True)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.preview is None or not current.isValid():
            self.detail.clear()
            return
        r = self.preview.rows[current.row()]
        reasons = "; ".join(r.reasons) if r.reasons else ""
        self.detail.setText(
            self.tr("Row {line}: {verdict}").format(line=r.line, verdict=verdict_label(r.verdict))
            + (f" — {reasons}" if reasons else "")
        )

    def _fill_mapping(self, preview: ImportPreview) -> None:
        none_text = self.tr("(none)")
        for key, combo in self.mapping.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(none_text, None)
            for i, header in enumerate(preview.headers):
                combo.addItem(header or self.tr("Column {n}").format(n=i + 1), i)
            at = preview.mapping.get(key)
            combo.setCurrentIndex(0 if at is None else combo.findData(at))
            combo.blockSignals(False)

    def run_commit(self) -> None:
        """Save the rows marked new."""
        preview = self.preview
        if preview is None:
            return
        ctx, actor = self._ctx, self._session.actor

        def work(_progress: Progress) -> ImportResult:
            return importer.commit(ctx, actor, preview)

        self._run(work, self._commit_done, cancellable=False)

    def _commit_done(self, result: ImportResult) -> None:
        self.imported = result
        bus().announce(Changes(participants=True))
        text = self.tr(
            "Imported {new} new participants; {duplicate} duplicates and {refused} refused rows "
            "were not imported."
        ).format(
            new=fmt_int(result.new),
            duplicate=fmt_int(result.duplicate),
            refused=fmt_int(result.refused),
        )
        common.set_message(self.message, text, common.NOTE_STYLE)
        self.import_button.setEnabled(False)
        self.mapping_box.setEnabled(False)

    def save_refused(self) -> None:
        """Write the refused rows with their reasons, for the nagari to correct."""
        if self.preview is None:
            return
        suggested = (self.path.stem if self.path else "impor") + "-ditolak.xlsx"
        path = common.save_file(
            self, self.tr("Save refused rows"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return
        try:
            count = importer.save_refused(self.preview, Path(path))
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        common.set_message(
            self.message,
            self.tr("{count} refused rows written to {path}").format(
                count=fmt_int(count), path=path
            ),
            common.NOTE_STYLE,
        )

    # --- background work ----------------------------------------------------------------

    def _run(self, work: Any, done: Any, *, cancellable: bool) -> None:
        common.set_message(self.message, "")
        task = Task(work)
        task.progress.connect(self._progress)
        task.done.connect(lambda result: self._finished(task, done, result))
        task.failed.connect(lambda exc: self._failed(task, exc))
        self._task = task
        self._busy(True, cancellable)
        task.start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, task: Task, done: Any, result: Any) -> None:
        if task is not self._task:
            return
        self._task = None
        self._busy(False, False)
        done(result)

    def _failed(self, task: Task, exc: BaseException) -> None:
        if task is not self._task:
            return
        self._task = None
        self._busy(False, False)
        if isinstance(exc, AppError):
            common.set_message(self.message, str(exc))
            return
        raise exc  # a bug: to the excepthook, which logs it and names the log

    def _busy(self, busy: bool, cancellable: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)  # busy until the first report
        self.cancel_button.setVisible(busy and cancellable)
        self.cancel_button.setEnabled(True)
        for w in (
            self.choose_button,
            self.mapping_box,
            self.import_button,
            self.save_refused_button,
            self.close_button,
        ):
            w.setEnabled(not busy)
        if not busy and self.preview is not None:
            self.mapping_box.setEnabled(self.imported is None)
            self.import_button.setEnabled(self.imported is None and self.preview.count("new") > 0)
            self.save_refused_button.setEnabled(self.preview.count("refused") > 0)
        elif not busy:
            self.mapping_box.setEnabled(False)
            self.import_button.setEnabled(False)
            self.save_refused_button.setEnabled(False)

    def cancel_task(self) -> None:
        """Stop the preview at its next progress report; nothing has been saved."""
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)

    @property
    def busy(self) -> bool:
        """True while a background task runs."""
        return self._task is not None

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((50, 90, 200, 150)):
            self.table.setColumnWidth(col, width)

    @override
    def reject(self) -> None:
        if self._task is not None:
            return  # wait for the task: closing would leave it without a home
        super().reject()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            event.ignore()
            return
        super().closeEvent(event)

    @classmethod
    def ask(cls, session: Session, parent: QWidget | None = None) -> ImportResult | None:
        """Run the import dialog; what was imported, if anything."""
        dialog = cls(session, parent)
        common.run_modal(dialog)
        return dialog.imported
