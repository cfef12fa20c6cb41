"""Printing membership cards: the print dialog, reprints with a reason, the KPJ-arrived list.

Every print job runs in a background :class:`~app.ui.tasks.Task` with progress and cancel;
the service draws to a temporary file and records the cards only when the PDF is complete,
so a cancelled job leaves neither a file nor a record. The finished PDF opens in the
system's viewer through :func:`open_in_viewer`, which tests replace.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QSettings,
    QStandardPaths,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.domain.fmt import format_date
from app.errors import AppError
from app.i18n import render
from app.services import cards, participants
from app.services.cards import PrintResult, Selection
from app.services.context import Context
from app.ui import common
from app.ui.bus import Changes, bus
from app.ui.common import fmt_int, status_label
from app.ui.session import Session
from app.ui.tables import AnyIndex, TableModel
from app.ui.tasks import Progress, Task
from app.ui.widgets import NagariBox

log = logging.getLogger(__name__)


# --- shared pieces ----------------------------------------------------------------------


def open_in_viewer(path: Path) -> None:
    """Open a finished PDF in the system's viewer (tests replace this function)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _state(ctx: Context) -> QSettings:
    return QSettings(str(ctx.data_dir / "window.ini"), QSettings.Format.IniFormat)


def ask_pdf(parent: QWidget, ctx: Context, title: str, name: str) -> Path | None:
    """Ask where to write a PDF, starting in the folder used last time; None when cancelled."""
    folder = str(_state(ctx).value("files/pdf_folder", "") or "")
    if not folder or not Path(folder).is_dir():
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = common.save_file(
        parent,
        title,
        str(Path(folder) / name),
        QCoreApplication.translate("Cards", "PDF document (*.pdf)"),
    )
    if not path:
        return None
    out = Path(path)
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")
    state = _state(ctx)
    state.setValue("files/pdf_folder", str(out.parent))
    state.sync()
    return out


def file_slug(text: str) -> str:
    """A piece of a file name valid on FAT32 and Windows: ``Aie Amo`` → ``aie-amo``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "kartu"


def layout_combo(ctx: Context) -> QComboBox:
    """A4 sheets or one card a page, the ``card_layout`` setting chosen."""
    combo = QComboBox()
    combo.setObjectName("layout")
    t = QCoreApplication
    combo.addItem(t.translate("Cards", "A4: 10 cards a sheet, backs on the next (duplex)"), "a4")
    combo.addItem(t.translate("Cards", "CR80: one card a page (PVC card printer)"), "cr80")
    combo.setCurrentIndex(max(0, combo.findData(str(ctx.setting("card_layout")))))
    return combo


def skipped_text(skipped: Sequence[tuple[str, str]]) -> str:
    """Who was left out of a print job, and why (the first ten)."""
    if not skipped:
        return ""
    why = {
        "foreign": QCoreApplication.translate("Cards", "printed by another install"),
        "never_printed": QCoreApplication.translate("Cards", "no card yet"),
    }
    parts = [f"{reg_no} ({why.get(w) or status_label(w)})" for reg_no, w in skipped[:10]]
    more = "" if len(skipped) <= 10 else " …"
    return ", ".join(parts) + more


def fit_height(dialog: QWidget, width: int) -> None:
    """Size a dialog to ``width`` and the height its word-wrapped notes need there."""
    dialog.setMinimumWidth(width)
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    height = dialog.heightForWidth(width)
    dialog.resize(width, max(height, dialog.sizeHint().height()))


class TaskPanel(QWidget):
    """A progress bar and a Cancel button for one background task at a time.

    ``run(work, done, failed)`` starts ``work(progress)`` on a :class:`Task`; ``done`` gets
    its result and ``failed`` an :class:`AppError` (a cancel included), both on the main
    thread. Any other exception is a bug and goes to the excepthook.
    """

    busy_changed = Signal(bool)

    def __init__(self, unit: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unit = unit
        self.bar = QProgressBar()
        self.bar.setObjectName("progress")
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(common.cancel_text())
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        self.setVisible(False)
        self._task: Task | None = None
        self._done: Callable[[Any], None] | None = None
        self._failed: Callable[[AppError], None] | None = None

    @property
    def busy(self) -> bool:
        """True while a task runs."""
        return self._task is not None

    def run(
        self,
        work: Callable[[Progress], Any],
        done: Callable[[Any], None],
        failed: Callable[[AppError], None],
        *,
        cancellable: bool = True,
    ) -> None:
        """Start ``work`` in the background."""
        if self._task is not None:
            return
        task = Task(work)
        task.progress.connect(self._progress)
        task.done.connect(self._finished)
        task.failed.connect(self._failure)
        self._task, self._done, self._failed = task, done, failed
        self.bar.setRange(0, 0)  # busy until the first report
        self.bar.setFormat("")
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(True)
        self.setVisible(True)
        self.busy_changed.emit(True)
        task.start()

    def cancel(self) -> None:
        """Ask the task to stop at its next progress report."""
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)

    def _progress(self, done: int, total: int) -> None:
        if self._task is None:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(f"{fmt_int(done)} / {fmt_int(total)} {self._unit}".rstrip())

    def _stop(self) -> tuple[Callable[[Any], None] | None, Callable[[AppError], None] | None]:
        callbacks = (self._done, self._failed)
        self._task = self._done = self._failed = None
        self.setVisible(False)
        self.busy_changed.emit(False)
        return callbacks

    def _finished(self, result: object) -> None:
        if self._task is None:
            return
        done, _failed = self._stop()
        if done is not None:
            done(result)

    def _failure(self, exc: BaseException) -> None:
        if self._task is None:
            return
        _done, failed = self._stop()
        if isinstance(exc, AppError) and failed is not None:
            failed(exc)
            return
        raise exc  # a bug: to the excepthook, which logs it and names the log


class _JobDialog(QDialog):
    """What the print and reprint dialogs share: a layout, the task panel, the outcome."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._ctx = session.ctx
        self.result_value: PrintResult | None = None
        self.layout_box = layout_combo(self._ctx)
        self.panel = TaskPanel(self.tr("cards"))
        self.panel.busy_changed.connect(self._busy)
        self.message = common.message_label()
        self.message.setObjectName("message")
        self.go_button = QPushButton()
        self.go_button.setObjectName("print_button")
        self.go_button.setDefault(True)
        self.go_button.clicked.connect(self.start)
        self.close_button = QPushButton(common.close_text())
        self.close_button.setObjectName("close_button")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)

    def _say(self, text: str, style: str = common.ERROR_STYLE) -> None:
        """Show a message under the choices, growing the dialog when it needs the room."""
        common.set_message(self.message, text, style)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        need = max(self.heightForWidth(self.width()), self.minimumSizeHint().height())
        if need > self.height():
            self.resize(self.width(), need)

    def _bottom(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.go_button)
        row.addWidget(self.close_button)
        return row

    @property
    def busy(self) -> bool:
        """True while the PDF is being drawn."""
        return self.panel.busy

    def start(self) -> None:
        """Check the choices, ask for the file, and print in the background."""

    def _run(self, work: Callable[[Progress], PrintResult]) -> None:
        self._say("")
        self.panel.run(work, self._done, self._failed)

    def _done(self, result: PrintResult) -> None:
        self.result_value = result
        bus().announce(Changes(participants=True))
        kinds = [
            self.tr("{count} new").format(count=fmt_int(result.new)) if result.new else "",
            self.tr("{count} reprinted").format(count=fmt_int(result.reprints))
            if result.reprints
            else "",
            self.tr("{count} copies").format(count=fmt_int(result.copies)) if result.copies else "",
        ]
        text = self.tr("{cards} cards ({kinds}) on {pages} pages in {path}").format(
            cards=fmt_int(result.cards),
            kinds=", ".join(k for k in kinds if k),
            pages=fmt_int(result.pages),
            path=result.path,
        )
        if result.skipped:
            text += "\n" + self.tr("Left out: {who}").format(who=skipped_text(result.skipped))
        self._say(text, common.NOTE_STYLE)
        log.info("opening %s", result.path.name)
        open_in_viewer(result.path)

    def _failed(self, exc: AppError) -> None:
        style = common.NOTE_STYLE if isinstance(exc, cards.Cancelled) else common.ERROR_STYLE
        self._say(str(exc), style)

    def _busy(self, busy: bool) -> None:
        for w in self._inputs():
            w.setEnabled(not busy)
        self.go_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)

    def _inputs(self) -> list[QWidget]:
        return [self.layout_box]

    @override
    def reject(self) -> None:
        if self.busy:
            return  # cancel first: closing would leave the task without a home
        super().reject()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)


class PrintDialog(_JobDialog):
    """Print cards: who (a nagari, everyone not yet printed, the selection, one person)."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        ids: Sequence[int] = (),
        reg_no: str | None = None,
        name: str = "",
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("PrintDialog")
        self.setWindowTitle(self.tr("Print cards"))
        self._ids = tuple(ids)
        self._reg_no = reg_no
        self._name = name

        self.by_nagari = QRadioButton(self.tr("Everyone in the &nagari"))
        self.by_nagari.setObjectName("by_nagari")
        self.nagari = NagariBox(participants.villages_for(self._ctx), self._ctx.regions)
        self.nagari.setObjectName("nagari")
        self.nagari.setMinimumContentsLength(22)
        self.unprinted = QRadioButton(self.tr("Everyone &not printed yet"))
        self.unprinted.setObjectName("unprinted")
        self.selected = QRadioButton(
            self.tr("The participants &selected in the list ({count})").format(
                count=fmt_int(len(self._ids))
            )
        )
        self.selected.setObjectName("selected")
        self.selected.setEnabled(bool(self._ids))
        self.one = QRadioButton(
            self.tr("&Only {name} ({reg_no})").format(name=name, reg_no=reg_no or "")
        )
        self.one.setObjectName("one")
        self.one.setVisible(reg_no is not None)
        group = QButtonGroup(self)
        for b in (self.by_nagari, self.unprinted, self.selected, self.one):
            group.addButton(b)
        if reg_no is not None:
            self.one.setChecked(True)
        elif self._ids:
            self.selected.setChecked(True)
        else:
            self.unprinted.setChecked(True)
        nagari_edit = self.nagari.lineEdit()
        assert nagari_edit is not None  # an editable combo box
        # Bound methods, not lambdas: a lambda holding ``self`` would keep the dialog alive.
        nagari_edit.textEdited.connect(self._nagari_touched)
        self.nagari.activated.connect(self._nagari_touched)

        who_box = QGroupBox(self.tr("Who gets a card"))
        who = QVBoxLayout(who_box)
        nagari_row = QHBoxLayout()
        nagari_row.addWidget(self.by_nagari)
        nagari_row.addWidget(self.nagari, 1)
        who.addLayout(nagari_row)
        who.addWidget(self.unprinted)
        who.addWidget(self.selected)
        who.addWidget(self.one)
        note = QLabel(
            self.tr(
                "Only approved, accepted and active participants get cards. A card printed "
                "before is printed again as a copy (same serial and QR code); for a new "
                "version, use Reprint in the participant's record."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(common.NOTE_STYLE)

        form = QFormLayout()
        form.addRow(self.tr("&Layout"), self.layout_box)
        self.go_button.setText(self.tr("&Print…"))

        root = QVBoxLayout(self)
        root.addWidget(who_box)
        root.addWidget(note)
        root.addLayout(form)
        root.addWidget(self.panel)
        root.addWidget(self.message)
        root.addStretch(1)
        root.addLayout(self._bottom())
        fit_height(self, 640)

    def _nagari_touched(self, *_args: object) -> None:
        self.by_nagari.setChecked(True)

    @override
    def _inputs(self) -> list[QWidget]:
        return [
            self.layout_box,
            self.by_nagari,
            self.nagari,
            self.unprinted,
            self.selected,
            self.one,
        ]

    def selection(self) -> tuple[Selection, str] | None:
        """The selection chosen and a name for its file; None (with a message) when unclear."""
        today = dt.date.today().strftime("%Y%m%d")
        if self.one.isChecked() and self._reg_no:
            return Selection(reg_nos=(self._reg_no,)), f"kartu-{file_slug(self._reg_no)}.pdf"
        if self.selected.isChecked() and self._ids:
            return Selection(ids=self._ids), f"kartu-pilihan-{today}.pdf"
        if self.unprinted.isChecked():
            return Selection(unprinted=True), f"kartu-belum-dicetak-{today}.pdf"
        if self.by_nagari.isChecked():
            code = self.nagari.code()
            if code is None:
                self._say(self.tr("Choose a nagari from the list."))
                self.nagari.setFocus()
                return None
            region = self._ctx.regions.get(code)
            slug = file_slug(region.name if region else code)
            return Selection(nagari=code), f"kartu-{slug}-{today}.pdf"
        self._say(render("cards.no_selection"))
        return None

    @override
    def start(self) -> None:
        chosen = self.selection()
        if chosen is None:
            return
        selection, name = chosen
        out = ask_pdf(self, self._ctx, self.tr("Save the cards as"), name)
        if out is None:
            return
        self.print_to(selection, out)

    def print_to(self, selection: Selection, out: Path) -> None:
        """Print ``selection`` to ``out`` in the background."""
        ctx, actor = self._ctx, self._session.actor
        layout = str(self.layout_box.currentData())

        def work(progress: Progress) -> PrintResult:
            return cards.print_cards(ctx, actor, selection, out, layout=layout, progress=progress)

        self._run(work)

    @classmethod
    def ask(
        cls,
        session: Session,
        parent: QWidget | None = None,
        *,
        ids: Sequence[int] = (),
        reg_no: str | None = None,
        name: str = "",
    ) -> PrintResult | None:
        """Show the dialog; the last job's result, if any."""
        dialog = cls(session, parent, ids=ids, reg_no=reg_no, name=name)
        common.run_modal(dialog)
        return dialog.result_value


def reason_presets() -> list[str]:
    """Common reasons of a reprint, offered in the reason box."""
    return [
        QCoreApplication.translate("Cards", "Card lost"),
        QCoreApplication.translate("Cards", "Card damaged"),
        QCoreApplication.translate("Cards", "KPJ number arrived"),
        QCoreApplication.translate("Cards", "Details corrected"),
    ]


class ReprintDialog(_JobDialog):
    """Issue new versions of cards with a reason; the earlier cards become void."""

    def __init__(
        self,
        session: Session,
        reg_nos: Sequence[str],
        parent: QWidget | None = None,
        *,
        who: str = "",
        reason: str = "",
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("ReprintDialog")
        self.setWindowTitle(self.tr("Reprint cards"))
        self._reg_nos = tuple(reg_nos)
        title = QLabel(
            who
            or self.tr("Reprint the cards of {count} participants").format(
                count=fmt_int(len(self._reg_nos))
            )
        )
        title.setStyleSheet("font-weight: bold;")
        title.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.addItems(reason_presets())
        self.reason.setEditText(reason)
        reason_edit = self.reason.lineEdit()
        assert reason_edit is not None  # an editable combo box
        reason_edit.setPlaceholderText(self.tr("Why a new card is needed"))
        self.reason.setMinimumContentsLength(30)
        note = QLabel(
            self.tr(
                "A new version is printed with a new serial; the earlier card becomes void and "
                "its QR code verifies as void."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(common.NOTE_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow(self.tr("&Layout"), self.layout_box)
        self.go_button.setText(self.tr("&Reprint…"))
        root = QVBoxLayout(self)
        root.addWidget(title)
        root.addLayout(form)
        root.addWidget(note)
        root.addWidget(self.panel)
        root.addWidget(self.message)
        root.addStretch(1)
        root.addLayout(self._bottom())
        fit_height(self, 600)

    @override
    def _inputs(self) -> list[QWidget]:
        return [self.layout_box, self.reason]

    @override
    def start(self) -> None:
        reason = self.reason.currentText().strip()
        if not reason:
            self._say(render("cards.reason_needed"))
            self.reason.setFocus()
            return
        if len(self._reg_nos) == 1:
            name = f"kartu-{file_slug(self._reg_nos[0])}-cetak-ulang.pdf"
        else:
            name = f"kartu-cetak-ulang-{dt.date.today():%Y%m%d}.pdf"
        out = ask_pdf(self, self._ctx, self.tr("Save the cards as"), name)
        if out is None:
            return
        self.reprint_to(reason, out)

    def reprint_to(self, reason: str, out: Path) -> None:
        """Reprint in the background."""
        ctx, actor = self._ctx, self._session.actor
        selection = Selection(reg_nos=self._reg_nos)
        layout = str(self.layout_box.currentData())

        def work(progress: Progress) -> PrintResult:
            return cards.reprint(
                ctx, actor, selection, reason, out, layout=layout, progress=progress
            )

        self._run(work)

    @override
    def _done(self, result: PrintResult) -> None:
        super()._done(result)
        self.go_button.setEnabled(False)  # a second click would void the new cards too
        self.go_button.setVisible(False)

    @override
    def _busy(self, busy: bool) -> None:
        super()._busy(busy)
        if not busy and self.result_value is not None:
            self.go_button.setEnabled(False)

    @classmethod
    def ask(
        cls,
        session: Session,
        reg_nos: Sequence[str],
        parent: QWidget | None = None,
        *,
        who: str = "",
        reason: str = "",
    ) -> PrintResult | None:
        """Show the dialog; the result when cards were reprinted."""
        dialog = cls(session, reg_nos, parent, who=who, reason=reason)
        common.run_modal(dialog)
        return dialog.result_value


# --- "KPJ arrived": cards that show only the registration number -------------------------


class CandidatesModel(TableModel):
    """Current cards printed before their holder's KPJ number arrived, each with a tick."""

    row_numbers = False

    def __init__(self, rows: list[cards.KpjCandidate], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = rows
        self._ticked = [True] * len(rows)
        self._headers = [
            self.tr("Name"),
            self.tr("Reg. no."),
            self.tr("KPJ"),
            self.tr("Card"),
            self.tr("Printed"),
        ]

    def ticked(self) -> list[str]:
        """Registration numbers ticked for reprint."""
        return [r.reg_no for r, t in zip(self._rows, self._ticked, strict=True) if t]

    def tick_all(self, on: bool) -> None:
        """Tick or untick every row."""
        self._ticked = [on] * len(self._rows)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )

    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            on = self._ticked[index.row()]
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                r.name,
                r.reg_no,
                r.kpj,
                self.tr("{serial} version {version}").format(serial=r.serial, version=r.version),
                format_date(r.printed_at.date()),
            )[col]
        return None

    @override
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self._ticked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class KpjReprintDialog(QDialog):
    """The cards printed before their KPJ number arrived, offered for reprint."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("KpjReprintDialog")
        self.setWindowTitle(self.tr("KPJ numbers arrived: reprint cards"))
        self.model = CandidatesModel([], self)
        self.resize(760, 480)
        intro = QLabel(
            self.tr(
                "These participants' cards show the registration number because their KPJ "
                "number arrived after printing. Reprint them to put the KPJ number on the card."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("candidates")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.count = QLabel()
        self.count.setObjectName("count")
        self.all_button = QPushButton(self.tr("Tick &all"))
        self.none_button = QPushButton(self.tr("Tick &none"))
        self.reprint_button = QPushButton(self.tr("&Reprint the ticked cards…"))
        self.reprint_button.setObjectName("reprint_button")
        self.reprint_button.setDefault(True)
        close = QPushButton(common.close_text())
        close.setAutoDefault(False)
        for b in (self.all_button, self.none_button):
            b.setAutoDefault(False)
        self.all_button.clicked.connect(self.tick_all)
        self.none_button.clicked.connect(self.tick_none)
        self.reprint_button.clicked.connect(self.reprint)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addWidget(self.count, 1)
        row.addWidget(self.reprint_button)
        row.addWidget(close)
        root = QVBoxLayout(self)
        root.addWidget(intro)
        root.addWidget(self.table, 1)
        root.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        """Read the candidates again."""
        rows = cards.kpj_reprint_candidates(self._session.ctx)
        old = self.model
        self.model = CandidatesModel(rows, self)
        self.table.setModel(self.model)
        old.deleteLater()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.count.setText(self.tr("{count} cards").format(count=fmt_int(len(rows))))
        self.reprint_button.setEnabled(bool(rows))

    def tick_all(self) -> None:
        """Tick every card."""
        self.model.tick_all(True)

    def tick_none(self) -> None:
        """Untick every card."""
        self.model.tick_all(False)

    def reprint(self) -> None:
        """Reprint the ticked cards with the reason "KPJ number arrived"."""
        ticked = self.model.ticked()
        if not ticked:
            common.info(self, self.tr("Tick the cards to reprint first."))
            return
        result = ReprintDialog.ask(self._session, ticked, self, reason=reason_presets()[2])
        if result is not None:
            self.refresh()

    @classmethod
    def ask(cls, session: Session, parent: QWidget | None = None) -> None:
        """Show the list until closed."""
        common.run_modal(cls(session, parent))
