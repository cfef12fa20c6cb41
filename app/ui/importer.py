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
from app.domain.install import Role as InstallRole
from app.domain.participant import norm
from app.errors import AppError
from app.services import importer
from app.services.actor import Role
from app.services.importer import ChooseSheet, ImportPreview, ImportResult, RowVerdict, Skipped
from app.ui import common
from app.ui.bus import Changes, bus
from app.ui.common import fmt_int
from app.ui.session import Session
from app.ui.tasks import Progress, Task
from app.ui.yearwarn import MissingYearBar

log = logging.getLogger(__name__)


def importer_message(code: str) -> str:
    """A message of the core's catalogue, in the user's language."""
    from app.i18n import render

    return render(code)


AnyIndex = QModelIndex | QPersistentModelIndex

COLOURS = {"new": "#e3f4e1", "duplicate": "#fff4cc", "refused": "#fbe0e0", "skipped": "#eeeeee"}


def verdict_label(verdict: str) -> str:
    """A row's verdict in the user's language."""
    labels = {
        "new": QCoreApplication.translate("ImportDialog", "New"),
        "duplicate": QCoreApplication.translate("ImportDialog", "Duplicate"),
        "refused": QCoreApplication.translate("ImportDialog", "Refused"),
        "skipped": QCoreApplication.translate("ImportDialog", "Skipped"),
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
    """Every row of the sheet after the header: verdicts coloured, skipped rows greyed."""

    def __init__(self, preview: ImportPreview | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        entries: list[RowVerdict | Skipped] = []
        if preview is not None:
            entries = sorted([*preview.rows, *preview.skipped], key=lambda e: e.line)
        self._rows = entries
        self._headers = [
            self.tr("Row"),
            self.tr("Verdict"),
            self.tr("Name"),
            self.tr("NIK"),
            self.tr("Reasons"),
        ]

    def entry(self, row: int) -> RowVerdict | Skipped:
        """The row of the sheet shown at ``row``."""
        return self._rows[row]

    def verdict_at(self, row: int) -> str:
        """The verdict of the row shown at ``row`` (``skipped`` for rows not in the list)."""
        e = self._rows[row]
        return e.verdict if isinstance(e, RowVerdict) else "skipped"

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
        e = self._rows[index.row()]
        col = index.column()
        verdict = self.verdict_at(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return e.line
            if col == 1:
                return verdict_label(verdict)
            if not isinstance(e, RowVerdict):
                return e.message() if col == 4 else ""
            if col == 2:
                return e.name
            if col == 3:
                return mask_nik(e.nik) if len(e.nik) == 16 and e.nik.isdigit() else e.nik
            return "; ".join([*e.reasons, *e.warnings])
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS.get(verdict, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#555555" if verdict == "skipped" else "#000000"))
        if role == Qt.ItemDataRole.UserRole:
            return verdict
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

        self._accepted: dict[str, str] = {}  # nagari spelling → code, for every such row
        self._accepted_rows: dict[int, str] = {}  # line → nagari code
        self._sheet: str | None = None
        self.file_label = QLabel(self.tr("No file chosen (xlsx, xls, ods or csv)."))
        self.file_label.setObjectName("file_label")
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.choose_button.setObjectName("choose_button")
        self.choose_button.clicked.connect(self.choose_file)
        self.template_button = QPushButton(self.tr("Blank &template…"))
        self.template_button.setObjectName("template_button")
        self.template_button.setToolTip(
            self.tr(
                "An xlsx for the nagari to fill in: NIK, phone and date columns are text, "
                "so Excel cannot damage them; sex, nagari and occupation from lists."
            )
        )
        self.template_button.clicked.connect(self.save_template)
        self.sheet_label = QLabel(self.tr("Sheet:"))
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet_combo")
        self.sheet_combo.activated.connect(self._sheet_chosen)
        self.sheet_label.setBuddy(self.sheet_combo)
        for w in (self.sheet_label, self.sheet_combo):
            w.setVisible(False)
        self.kecamatan_combo = QComboBox()
        self.kecamatan_combo.setObjectName("kecamatan_combo")
        self.kecamatan_label = QLabel(self.tr("Kecamatan:"))
        self.kecamatan_label.setBuddy(self.kecamatan_combo)
        kabupaten = self._ctx.identity.role is InstallRole.KABUPATEN
        if kabupaten:
            self.kecamatan_combo.addItem(self.tr("(choose)"), None)
            for kec in self._ctx.regions.kecamatan(self._ctx.identity.regency):
                self.kecamatan_combo.addItem(kec.name, kec.code)
            self.kecamatan_combo.activated.connect(lambda _i: self._restart())
        for w in (self.kecamatan_label, self.kecamatan_combo):
            w.setVisible(kabupaten)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.template_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.kecamatan_label)
        top.addWidget(self.kecamatan_combo)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet_combo)

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

        self.file_info = QLabel()
        self.file_info.setObjectName("file_info")
        self.file_info.setWordWrap(True)
        self.file_info.setStyleSheet(common.WARNING_STYLE)
        self.file_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_row_button = QPushButton(self.tr("Accept the suggestion for this &row"))
        self.accept_row_button.setObjectName("accept_row_button")
        self.accept_row_button.clicked.connect(self.accept_for_row)
        self.accept_all_button = QPushButton()
        self.accept_all_button.setObjectName("accept_all_button")
        self.accept_all_button.clicked.connect(self.accept_for_spelling)
        self.learn_button = QPushButton(self.tr("&Remember accepted spellings"))
        self.learn_button.setObjectName("learn_button")
        self.learn_button.setToolTip(
            self.tr("Save the accepted spellings as this install's names of their nagari.")
        )
        self.learn_button.clicked.connect(self.learn_spellings)
        self.spellings_button = QPushButton(self.tr("Learned &spellings…"))
        self.spellings_button.setObjectName("spellings_button")
        self.spellings_button.setToolTip(
            self.tr("The nagari spellings this install learned; forget one learned by mistake.")
        )
        self.spellings_button.clicked.connect(self.show_spellings)
        self.spellings_button.setAutoDefault(False)
        self.spellings_button.setVisible(self._session.can(Role.SUPERVISOR))
        suggestions = QHBoxLayout()
        suggestions.addWidget(self.accept_row_button)
        suggestions.addWidget(self.accept_all_button)
        suggestions.addStretch(1)
        suggestions.addWidget(self.learn_button)
        suggestions.addWidget(self.spellings_button)
        for b in (self.accept_row_button, self.accept_all_button, self.learn_button):
            b.setVisible(False)
            b.setAutoDefault(False)
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
            self.template_button,
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
        root.addWidget(self.file_info)
        root.addWidget(self.detail)
        root.addLayout(suggestions)
        root.addWidget(self.summary)
        root.addWidget(self.message)
        root.addLayout(bottom)

    # --- steps --------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for the spreadsheet and check it with the guessed columns."""
        path = common.open_file(
            self,
            self.tr("Choose a spreadsheet"),
            self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt)"),
        )
        if path:
            self.load(Path(path))

    def save_template(self) -> None:
        """Write the blank list a nagari fills in, for one nagari or for every one."""
        from app.services import template
        from app.ui.cards_views import file_slug
        from app.ui.import_tools import TemplateDialog

        choice = TemplateDialog(self._ctx, self)
        if common.run_modal(choice) != QDialog.DialogCode.Accepted:
            return
        code, name = choice.chosen()
        suggested = f"daftar-{file_slug(name)}.xlsx" if code else "daftar.xlsx"
        path = common.save_file(
            self,
            self.tr("Save the blank template"),
            suggested,
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not path:
            return
        try:
            template.write_template(self._ctx, Path(path), code)
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        common.set_message(
            self.message,
            self.tr("Template written to {path}: send it to the nagari.").format(path=path),
            common.NOTE_STYLE,
        )

    def load(self, path: Path) -> None:
        """Check ``path`` with the columns guessed from its headers."""
        self.path = path
        self.file_label.setText(str(path))
        self.preview = None
        self._sheet = None
        self._accepted.clear()
        self._accepted_rows.clear()
        for w in (self.sheet_label, self.sheet_combo):
            w.setVisible(False)
        self._start_preview(None)

    def run_preview(self) -> None:
        """Check the file again with the columns as mapped by the user."""
        if self.path is None:
            return
        self._start_preview(self._current_mapping())

    def _current_mapping(self) -> dict[str, int] | None:
        if self.preview is None:
            return None
        return {
            key: int(combo.currentData())
            for key, combo in self.mapping.items()
            if combo.currentData() is not None
        }

    def _restart(self) -> None:
        if self.path is not None:
            self._start_preview(self._current_mapping())

    def _sheet_chosen(self, _index: int) -> None:
        name = self.sheet_combo.currentData()
        if isinstance(name, str) and self.path is not None:
            changed = self.preview is None or name != self.preview.sheet
            self._sheet = name
            self._start_preview(None if changed else self._current_mapping())

    def _start_preview(self, mapping: dict[str, int] | None) -> None:
        path = self.path
        assert path is not None
        ctx = self._ctx
        sheet = self._sheet
        at_kabupaten = self.kecamatan_combo.isVisibleTo(self)
        kecamatan = self.kecamatan_combo.currentData() if at_kabupaten else None
        if at_kabupaten and kecamatan is None:
            common.set_message(self.message, importer_message("import.kecamatan_needed"))
            return
        accepted = dict(self._accepted)
        accepted_rows = dict(self._accepted_rows)

        def work(progress: Progress) -> ImportPreview:
            return importer.preview(
                ctx,
                path,
                mapping,
                progress=progress,
                sheet=sheet,
                kecamatan=kecamatan,
                accepted=accepted,
                accepted_rows=accepted_rows,
            )

        self._run(work, self._preview_done, cancellable=True)

    def _preview_done(self, preview: ImportPreview) -> None:
        self.preview = preview
        today = dt.date.today()
        self.year_bar.show_for(
            {(r.data.coverage_start or today).year for r in preview.rows if r.data is not None}
        )
        self.imported = None
        self._sheet = preview.sheet
        self._fill_mapping(preview)
        self._fill_sheets(preview.sheets, preview.sheet)
        old = self.model
        self.model = PreviewModel(preview, self)
        self.table.setModel(self.model)
        old.deleteLater()
        self._size_columns()
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail.clear()
        first_bad = next(
            (i for i in range(self.model.rowCount()) if self.model.verdict_at(i) != "new"),
            0 if self.model.rowCount() else -1,
        )
        if first_bad >= 0:
            self.table.setCurrentIndex(self.model.index(first_bad, 0))
        else:
            self._show_suggestion(None)
        new, dup, refused = (preview.count(v) for v in ("new", "duplicate", "refused"))
        self.summary.setText(
            self.tr("{new} new, {duplicate} duplicate, {refused} refused").format(
                new=fmt_int(new), duplicate=fmt_int(dup), refused=fmt_int(refused)
            )
            + (
                self.tr("; {skipped} rows skipped").format(skipped=fmt_int(len(preview.skipped)))
                if preview.skipped
                else ""
            )
        )
        self._show_file_info(preview)
        self.import_button.setText(self.tr("&Import {count} new rows").format(count=fmt_int(new)))
        self.import_button.setEnabled(new > 0)
        self.save_refused_button.setEnabled(refused > 0)
        self.mapping_box.setEnabled(True)
        self.learn_button.setVisible(
            bool(importer.accepted_spellings(preview)) and self._session.can(Role.SUPERVISOR)
        )

    def _show_file_info(self, preview: ImportPreview) -> None:
        lines = [self.tr("Sheet read: {sheet}").format(sheet=preview.sheet)]
        mapped = ", ".join(
            f"{c.letter} {c.header} → "
            + (field_labels().get(c.field, c.field) if c.field else self.tr("ignored"))
            for c in preview.columns
        )
        lines.append(self.tr("Columns: {columns}").format(columns=mapped))
        lines.extend(preview.warnings)
        self.file_info.setText("\n".join(lines))

    def _fill_sheets(self, sheets: list[str], current: str) -> None:
        self.sheet_combo.clear()
        for name in sheets:
            self.sheet_combo.addItem(name, name)
        self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(current), 0))
        for w in (self.sheet_label, self.sheet_combo):
            w.setVisible(len(sheets) > 1)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.preview is None or not current.isValid():
            self.detail.clear()
            self._show_suggestion(None)
            return
        e = self.model.entry(current.row())
        if isinstance(e, RowVerdict):
            notes = "; ".join([*e.reasons, *e.warnings])
            self.detail.setText(
                self.tr("Row {line}: {verdict}").format(
                    line=e.line, verdict=verdict_label(e.verdict)
                )
                + (f" — {notes}" if notes else "")
            )
            self._show_suggestion(
                e if e.suggestion is not None and e.verdict == "refused" else None
            )
        else:
            self.detail.setText(e.message())
            self._show_suggestion(None)

    def _show_suggestion(self, row: RowVerdict | None) -> None:
        shown = row is not None and row.suggestion is not None and self.imported is None
        self.accept_row_button.setVisible(shown)
        self.accept_all_button.setVisible(shown)
        if row is not None and row.suggestion is not None:
            rows = self.preview.rows if self.preview is not None else []
            key = norm(row.suggestion.text)
            same = len(
                [
                    r
                    for r in rows
                    if r.suggestion is not None
                    and r.verdict == "refused"
                    and norm(r.suggestion.text) == key
                ]
            )
            self.accept_row_button.setText(
                self.tr("Row {line}: read as {name}").format(
                    line=row.line, name=row.suggestion.name
                )
            )
            self.accept_all_button.setText(
                self.tr('Every row spelled "{text}" ({count}): read as {name}').format(
                    text=row.suggestion.text, count=fmt_int(same), name=row.suggestion.name
                )
            )

    def _selected_suggestion(self) -> RowVerdict | None:
        index = self.table.currentIndex()
        if self.preview is None or not index.isValid():
            return None
        e = self.model.entry(index.row())
        return e if isinstance(e, RowVerdict) and e.suggestion is not None else None

    def accept_for_row(self) -> None:
        """Read the selected row's nagari as the one suggested, and check again."""
        row = self._selected_suggestion()
        if row is not None and row.suggestion is not None:
            self._accepted_rows[row.line] = row.suggestion.code
            self._start_preview(self._current_mapping())

    def accept_for_spelling(self) -> None:
        """Read every row with the selected row's spelling as the nagari suggested."""
        row = self._selected_suggestion()
        if row is not None and row.suggestion is not None:
            self._accepted[norm(row.suggestion.text)] = row.suggestion.code
            self._start_preview(self._current_mapping())

    def show_spellings(self) -> None:
        """The learned spellings; forgetting one shows in the next check of the sheet."""
        from app.ui.import_tools import SpellingsDialog

        common.run_modal(SpellingsDialog(self._ctx, self._session.actor, self))
        if self.path is not None and self._task is None:
            self._start_preview(self._current_mapping())

    def learn_spellings(self) -> None:
        """Keep the accepted spellings as this install's names of their nagari."""
        if self.preview is None:
            return
        try:
            count = importer.learn_aliases(
                self._ctx, self._session.actor, importer.accepted_spellings(self.preview)
            )
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        self.learn_button.setVisible(False)
        common.set_message(
            self.message,
            self.tr("{count} spellings saved; they are listed in the settings.").format(
                count=fmt_int(count)
            ),
            common.NOTE_STYLE,
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
        self._show_suggestion(None)  # the rows are saved: nothing left to accept

    def save_refused(self) -> None:
        """Write the refused rows with their reasons, for the nagari to correct."""
        if self.preview is None:
            return
        suggested = (self.path.stem if self.path else "impor") + "-ditolak.xlsx"
        path = common.save_file(
            self,
            self.tr("Save refused rows"),
            suggested,
            self.tr("Excel workbook (*.xlsx);;CSV, separated by semicolons (*.csv)"),
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
        if isinstance(exc, ChooseSheet):
            self._fill_sheets(exc.sheets, "")
            self.sheet_combo.setCurrentIndex(-1)
            common.set_message(
                self.message,
                self.tr("Several sheets hold a list: choose the sheet to import."),
                common.WARNING_STYLE,
            )
            return
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
            self.template_button,
            self.sheet_combo,
            self.kecamatan_combo,
            self.accept_row_button,
            self.accept_all_button,
            self.learn_button,
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
