"""Handing cards over at an event (penyerahan kartu), with the Bupati or the Camat present.

A supervisor opens an event (date, place, officials) and closes it; anyone may give cards
out: by scanning the card's QR code (a USB scanner types it into the scan field) or by
ticking a name in the list of cards waiting, to the holder or to a named proxy. Unticking
takes back a tick made by mistake while the event is open. Closing the event prints the
receipt list (tanda terima) in the background and opens it.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.domain.fmt import format_date
from app.errors import AppError
from app.i18n import render
from app.services import handover, participants
from app.services.actor import Role
from app.services.handover import EventInfo, Given, PendingCard
from app.ui import cards_views, common
from app.ui.bus import Changes, bus
from app.ui.cards_views import TaskPanel
from app.ui.common import fmt_int, translate_buttons
from app.ui.screen import ScreenDialog
from app.ui.session import Session
from app.ui.tables import AnyIndex, TableModel
from app.ui.tasks import Progress
from app.ui.widgets import DateField

log = logging.getLogger(__name__)


OK_STYLE = "color: #1e7e34; font-weight: bold;"
GIVEN_BACKGROUND = "#e8f5ec"

SHOW_ALL, SHOW_PENDING, SHOW_GIVEN = "all", "pending", "given"


# --- the list of cards: waiting, or given at this event ----------------------------------


class _Row:
    __slots__ = ("given", "nagari", "name", "reg_no", "serial")

    def __init__(self, reg_no: str, name: str, nagari: str, serial: str) -> None:
        self.reg_no = reg_no
        self.name = name
        self.nagari = nagari
        self.serial = serial
        self.given: Given | None = None


class HandoverModel(TableModel):
    """Cards waiting and cards given at the event; the tick says which.

    Ticking or unticking does not change the model by itself: it asks (``tick_requested``),
    the screen calls the service, and only a success updates the row.
    """

    row_numbers = False

    tick_requested = Signal(str, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._at: dict[str, int] = {}
        self.editable = False
        self._headers = [
            self.tr("Name"),
            self.tr("Reg. no."),
            self.tr("Nagari"),
            self.tr("Card"),
            self.tr("Handed to"),
        ]

    def load(self, waiting: list[PendingCard], given: list[tuple[Given, str]]) -> None:
        """Show the cards waiting and those given at the event (with their nagari)."""
        self.beginResetModel()
        rows: list[_Row] = []
        for g, nagari in given:
            row = _Row(g.reg_no, g.name, nagari, f"{g.serial} v{g.version}")
            row.given = g
            rows.append(row)
        for p in waiting:
            rows.append(_Row(p.reg_no, p.name, p.nagari, f"{p.serial} v{p.version}"))
        self._rows = rows
        self._at = {r.reg_no: i for i, r in enumerate(rows)}
        self.endResetModel()

    def mark(self, given: Given) -> None:
        """A card was given: tick its row (added when the list did not show it)."""
        i = self._at.get(given.reg_no)
        if i is None:
            i = len(self._rows)
            self.beginInsertRows(QModelIndex(), i, i)
            row = _Row(given.reg_no, given.name, "", f"{given.serial} v{given.version}")
            self._rows.append(row)
            self._at[given.reg_no] = i
            self.endInsertRows()
        self._rows[i].given = given
        self._changed(i)

    def unmark(self, reg_no: str) -> None:
        """A tick was taken back: the card waits again."""
        i = self._at.get(reg_no)
        if i is not None:
            self._rows[i].given = None
            self._changed(i)

    def _changed(self, i: int) -> None:
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self._headers) - 1))

    def counts(self) -> tuple[int, int]:
        """(given at this event, still waiting)."""
        given = sum(1 for r in self._rows if r.given is not None)
        return given, len(self._rows) - given

    def is_given(self, row: int) -> bool:
        """True when the card of ``row`` was given at this event."""
        return self._rows[row].given is not None

    def nagari_at(self, row: int) -> str:
        """The nagari of ``row``."""
        return self._rows[row].nagari

    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0 and self.editable:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def _handed_to(self, r: _Row) -> str:
        g = r.given
        if g is None:
            return ""
        if g.proxy:
            return self.tr("proxy: {name}").format(name=g.proxy)
        return self.tr("in person")

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return Qt.CheckState.Checked if r.given is not None else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (r.name, r.reg_no, r.nagari, r.serial, self._handed_to(r))[col]
        if role == Qt.ItemDataRole.BackgroundRole and r.given is not None:
            return QBrush(QColor(GIVEN_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole and r.given is not None:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.UserRole:
            return r.reg_no
        return None

    @override
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not self.editable
            or not index.isValid()
            or index.column() != 0
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        r = self._rows[index.row()]
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        if on != (r.given is not None):
            self.tick_requested.emit(r.reg_no, on)
        return False  # the row changes when the service said yes


class HandoverFilter(QSortFilterProxyModel):
    """Search by name or registration number; by nagari; waiting or given."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._nagari = ""
        self._show = SHOW_ALL

    def set_filter(self, text: str, nagari: str, show: str) -> None:
        """Apply the search text, the nagari name ("" for all) and which cards to show."""
        self.beginFilterChange()
        self._text = " ".join(text.lower().split())
        self._nagari = nagari
        self._show = show
        self.endFilterChange()

    @override
    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, HandoverModel)
        given = model.is_given(source_row)
        if self._show == SHOW_PENDING and given:
            return False
        if self._show == SHOW_GIVEN and not given:
            return False
        if self._nagari and model.nagari_at(source_row) != self._nagari:
            return False
        if self._text:
            name = str(model.index(source_row, 0).data()).lower()
            reg_no = str(model.index(source_row, 1).data()).lower()
            return self._text in name or self._text in reg_no
        return True


# --- opening an event --------------------------------------------------------------------


class OpenEventDialog(QDialog):
    """A new handover event: its date, place and the officials present."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("OpenEventDialog")
        self.setWindowTitle(self.tr("Open a handover event"))
        self.day = DateField()
        self.day.setObjectName("day")
        self.day.set_date_value(dt.date.today())
        self.place = QLineEdit()
        self.place.setObjectName("place")
        self.place.setPlaceholderText(self.tr("e.g. Kantor Wali Nagari Aie Amo"))
        self.officials = QPlainTextEdit()
        self.officials.setObjectName("officials")
        self.officials.setTabChangesFocus(True)
        self.officials.setPlaceholderText(
            self.tr("One a line, e.g.\nBupati Sijunjung: Benny Dwifa Yuswir\nCamat: H. Afrizal")
        )
        self.officials.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.error = common.message_label()
        self.error.setObjectName("error")
        form = QFormLayout()
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("&Place"), self.place)
        form.addRow(self.tr("&Officials present"), self.officials)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        translate_buttons(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open the event"))
        buttons.accepted.connect(self.open_event)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.error)
        root.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        self.opened: EventInfo | None = None

    def open_event(self) -> None:
        """Open the event through the service (which refuses anyone below supervisor)."""
        try:
            day = self.day.date_value()
        except ValueError:
            common.set_message(self.error, render("date.invalid", text=self.day.text()))
            return
        officials = tuple(
            line.strip() for line in self.officials.toPlainText().splitlines() if line.strip()
        )
        try:
            self.opened = handover.open_event(
                self._session.ctx,
                self._session.actor,
                place=self.place.text(),
                date=day,
                officials=officials,
            )
        except AppError as exc:
            common.set_message(self.error, str(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, session: Session, parent: QWidget | None = None) -> EventInfo | None:
        """The event opened, or None when cancelled."""
        dialog = cls(session, parent)
        common.run_modal(dialog)
        return dialog.opened


# --- the screen ----------------------------------------------------------------------------


class HandoverWidget(QWidget):
    """Choose or open an event, give cards by scan or tick, close it, print the receipt."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._ctx = session.ctx
        self.setObjectName("HandoverWidget")
        self._events: list[EventInfo] = []
        self.last_receipt: Path | None = None
        supervisor = session.can(Role.SUPERVISOR)

        # the event
        self.event_box = QComboBox()
        self.event_box.setObjectName("event_box")
        self.event_box.setMinimumContentsLength(34)
        self.event_box.currentIndexChanged.connect(self._event_changed)
        self.open_button = QPushButton(self.tr("&Open an event…"))
        self.open_button.setObjectName("open_button")
        self.close_button = QPushButton(self.tr("C&lose the event…"))
        self.close_button.setObjectName("close_event_button")
        self.receipt_button = QPushButton(self.tr("Print the &receipt list…"))
        self.receipt_button.setObjectName("receipt_button")
        for b in (self.open_button, self.close_button, self.receipt_button):
            b.setAutoDefault(False)
        if not supervisor:
            why = self.tr("Only a supervisor opens and closes handover events.")
            self.open_button.setToolTip(why)
            self.close_button.setToolTip(why)
        self.open_button.clicked.connect(self.open_event)
        self.close_button.clicked.connect(self.close_event)
        self.receipt_button.clicked.connect(self.print_receipt)
        event_row = QHBoxLayout()
        event_label = QLabel(self.tr("&Event"))
        event_label.setBuddy(self.event_box)
        event_row.addWidget(event_label)
        event_row.addWidget(self.event_box, 1)
        event_row.addWidget(self.open_button)
        event_row.addWidget(self.close_button)
        event_row.addWidget(self.receipt_button)
        self.event_info = QLabel()
        self.event_info.setObjectName("event_info")
        self.event_info.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        big = QFont(self.font())
        big.setPointSizeF(max(big.pointSizeF(), 9) * 1.5)
        big.setBold(True)
        self.counts.setFont(big)

        # giving by scan
        scan_box = QGroupBox(self.tr("Give a card"))
        self.scan = QLineEdit()
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(self.tr("QR code or reg. no."))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10) * 1.15)
        self.scan.setFont(mono)
        self.scan.returnPressed.connect(self.give_scanned)
        self.proxy = QLineEdit()
        self.proxy.setObjectName("proxy")
        self.proxy.setPlaceholderText(self.tr("empty: collected in person"))
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scan_form = QFormLayout()
        scan_form.addRow(self.tr("&Scan"), self.scan)
        scan_form.addRow(self.tr("Collected by &proxy"), self.proxy)
        hint = QLabel(
            self.tr(
                "Enter gives the card. A proxy's name applies to the next card given, by scan "
                "or by tick, and is then cleared."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(common.NOTE_STYLE)
        scan_layout = QVBoxLayout(scan_box)
        scan_layout.addLayout(scan_form)
        scan_layout.addWidget(hint)
        scan_layout.addWidget(self.result)
        scan_layout.addStretch(1)

        # the list
        list_box = QGroupBox(self.tr("Cards"))
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search name or reg. no."))
        self.search.setClearButtonEnabled(True)
        self.nagari_filter = QComboBox()
        self.nagari_filter.setObjectName("nagari_filter")
        self.nagari_filter.addItem(self.tr("All nagari"), "")
        for v in sorted(participants.villages_for(self._ctx), key=lambda r: r.name):
            self.nagari_filter.addItem(v.name, v.name)
        self.show_filter = QComboBox()
        self.show_filter.setObjectName("show_filter")
        self.show_filter.addItem(self.tr("All cards"), SHOW_ALL)
        self.show_filter.addItem(self.tr("Waiting"), SHOW_PENDING)
        self.show_filter.addItem(self.tr("Given at this event"), SHOW_GIVEN)
        self.search.textChanged.connect(self._filter)
        self.nagari_filter.currentIndexChanged.connect(self._filter)
        self.show_filter.currentIndexChanged.connect(self._filter)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.nagari_filter, 1)
        filters.addWidget(self.show_filter, 1)
        self.model = HandoverModel(self)
        self.model.tick_requested.connect(self.tick, Qt.ConnectionType.QueuedConnection)
        self.proxy_model = HandoverFilter(self)
        self.proxy_model.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("cards")
        self.table.setModel(self.proxy_model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((220, 130, 120, 150)):
            self.table.setColumnWidth(col, width)
        tick_hint = QLabel(
            self.tr("Tick a name to give its card; untick to take back a tick made by mistake.")
        )
        tick_hint.setWordWrap(True)
        tick_hint.setStyleSheet(common.NOTE_STYLE)
        list_layout = QVBoxLayout(list_box)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(tick_hint)

        self.panel = TaskPanel("")
        self.message = common.message_label()
        self.message.setObjectName("message")

        body = QHBoxLayout()
        scan_box.setMinimumWidth(380)
        body.addWidget(scan_box, 3)
        body.addWidget(list_box, 7)
        root = QVBoxLayout(self)
        root.addLayout(event_row)
        root.addWidget(self.event_info)
        root.addWidget(self.counts)
        root.addLayout(body, 1)
        root.addWidget(self.panel)
        root.addWidget(self.message)
        self.panel.busy_changed.connect(self._enable)
        self.refresh()

    # --- reading -----------------------------------------------------------------------

    @property
    def current(self) -> EventInfo | None:
        """The event chosen, as last read."""
        i = self.event_box.currentIndex()
        return self._events[i] if 0 <= i < len(self._events) else None

    def refresh(self, select: int | None = None) -> None:
        """Read the events again, keeping (or choosing) one, and its cards."""
        keep = select if select is not None else (self.current.id if self.current else None)
        events = handover.events(self._ctx)
        # Open events first (newest first), then the closed ones.
        self._events = [e for e in events if e.is_open] + [e for e in events if not e.is_open]
        self.event_box.blockSignals(True)
        self.event_box.clear()
        for e in self._events:
            state = self.tr("open") if e.is_open else self.tr("closed")
            self.event_box.addItem(f"{format_date(e.date)} — {e.place} ({state})", e.id)
        if not self._events:
            self.event_box.addItem(self.tr("No handover event yet"), None)
        at = self.event_box.findData(keep) if keep is not None else -1
        self.event_box.setCurrentIndex(max(at, 0))
        self.event_box.blockSignals(False)
        self._load_cards()

    def _event_changed(self) -> None:
        self._load_cards()

    def _load_cards(self) -> None:
        ev = self.current
        waiting = handover.pending(self._ctx)
        given: list[tuple[Given, str]] = []
        if ev is not None:
            for g in handover.given(self._ctx, ev.id):
                given.append((g, self._nagari_of(g.reg_no)))
        self.model.load(waiting, given)
        self._show_event()
        self._filter()
        self._enable()

    def _nagari_of(self, reg_no: str) -> str:
        try:
            rec = participants.get(self._ctx, reg_no)
        except AppError:
            return ""
        region = self._ctx.regions.get(rec.nagari_code)
        return region.name if region else rec.nagari_code

    def _show_event(self) -> None:
        ev = self.current
        if ev is None:
            text = self.tr("No handover event yet: a supervisor opens one.")
        else:
            officials = "; ".join(ev.officials) or "—"
            text = self.tr("{date}, {place}. Officials: {officials}.").format(
                date=format_date(ev.date), place=ev.place, officials=officials
            )
            if ev.is_open:
                text += " " + self.tr("Open since {time} ({user}).").format(
                    time=ev.opened_at.strftime("%d/%m/%Y %H:%M"), user=ev.opened_by
                )
            elif ev.closed_at is not None:
                text += " " + self.tr("Closed {time} ({user}).").format(
                    time=ev.closed_at.strftime("%d/%m/%Y %H:%M"), user=ev.closed_by or ""
                )
        self.event_info.setText(text)
        self._show_counts()

    def _show_counts(self) -> None:
        given, waiting = self.model.counts()
        self.counts.setText(
            self.tr("{given} given at this event · {waiting} waiting").format(
                given=fmt_int(given), waiting=fmt_int(waiting)
            )
        )

    def counts_now(self) -> tuple[int, int]:
        """(given at this event, still waiting), as shown."""
        return self.model.counts()

    def _filter(self) -> None:
        self.proxy_model.set_filter(
            self.search.text(),
            str(self.nagari_filter.currentData() or ""),
            str(self.show_filter.currentData()),
        )

    def _enable(self, *_args: object) -> None:
        ev = self.current
        supervisor = self._session.can(Role.SUPERVISOR)
        busy = self.panel.busy
        is_open = ev is not None and ev.is_open
        self.open_button.setEnabled(supervisor and not busy)
        self.close_button.setEnabled(supervisor and is_open and not busy)
        self.receipt_button.setEnabled(ev is not None and not busy)
        self.scan.setEnabled(is_open)
        self.proxy.setEnabled(is_open)
        self.model.editable = is_open
        self.table.viewport().update()

    # --- acting ------------------------------------------------------------------------

    def _say(self, text: str, ok: bool) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(OK_STYLE if ok else common.ERROR_STYLE)

    def _given(self, g: Given) -> None:
        self.model.mark(g)
        self._show_counts()
        if g.proxy:
            text = self.tr("Given: {name} ({reg_no}), to proxy {proxy}.").format(
                name=g.name, reg_no=g.reg_no, proxy=g.proxy
            )
        else:
            text = self.tr("Given: {name} ({reg_no}), in person.").format(
                name=g.name, reg_no=g.reg_no
            )
        self._say(text, True)
        self.proxy.clear()
        bus().announce(Changes(participants=True))

    def give_scanned(self) -> None:
        """Give the card whose code (or registration number) was scanned or typed."""
        text = self.scan.text()
        self.scan.clear()
        self.scan.setFocus()
        ev = self.current
        if not text.strip() or ev is None:
            return
        try:
            g = handover.give(self._ctx, self._session.actor, ev.id, text, proxy=self.proxy.text())
        except AppError as exc:
            self._say(str(exc), False)
            return
        self._given(g)

    def tick(self, reg_no: str, on: bool) -> None:
        """Give a card by ticking its name, or take back a tick made by mistake."""
        ev = self.current
        if ev is None:
            return
        try:
            if on:
                g = handover.give(
                    self._ctx, self._session.actor, ev.id, reg_no, proxy=self.proxy.text()
                )
            else:
                handover.take_back(self._ctx, self._session.actor, ev.id, reg_no)
        except AppError as exc:
            self._say(str(exc), False)
            return
        if on:
            self._given(g)
            return
        self.model.unmark(reg_no)
        self._show_counts()
        text = self.tr("Taken back: the card of {reg_no} waits again.").format(reg_no=reg_no)
        self._say(text, True)
        bus().announce(Changes(participants=True))

    def open_event(self) -> None:
        """Ask for a new event's date, place and officials (supervisors)."""
        ev = OpenEventDialog.ask(self._session, self)
        if ev is not None:
            self.refresh(select=ev.id)
            self.scan.setFocus()

    def close_event(self) -> None:
        """Close the event (supervisors), then print its receipt list."""
        ev = self.current
        if ev is None:
            return
        _given, waiting = self.model.counts()
        question = self.tr(
            "Close the event of {date} at {place}? Nothing can be given at it afterwards; "
            "the {waiting} cards not collected stay waiting for a later event."
        ).format(date=format_date(ev.date), place=ev.place, waiting=fmt_int(waiting))
        if not common.confirm(self, question):
            return
        try:
            handover.close_event(self._ctx, self._session.actor, ev.id)
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        self.refresh(select=ev.id)
        self.print_receipt()

    def print_receipt(self) -> None:
        """Write the receipt list (tanda terima) of the event and open it."""
        ev = self.current
        if ev is None:
            return
        name = f"tanda-terima-{ev.date:%Y%m%d}-{cards_views.file_slug(ev.place)}.pdf"
        out = cards_views.ask_pdf(self, self._ctx, self.tr("Save the receipt list as"), name)
        if out is None:
            return
        self.receipt_to(out)

    def receipt_to(self, out: Path) -> None:
        """Write the receipt list to ``out`` in the background, then open it."""
        ev = self.current
        if ev is None:
            return
        ctx, event_id = self._ctx, ev.id

        def work(_progress: Progress) -> tuple[Path, int]:
            return out, handover.receipt(ctx, event_id, out)

        common.set_message(self.message, "")
        self.panel.run(work, self._receipt_done, self._receipt_failed, cancellable=False)

    def _receipt_done(self, result: tuple[Path, int]) -> None:
        out, pages = result
        self.last_receipt = out
        common.set_message(
            self.message,
            self.tr("Receipt list: {pages} pages in {path}").format(pages=fmt_int(pages), path=out),
            common.NOTE_STYLE,
        )
        cards_views.open_in_viewer(out)

    def _receipt_failed(self, exc: AppError) -> None:
        common.set_message(self.message, str(exc))

    @property
    def busy(self) -> bool:
        """True while the receipt is being written."""
        return self.panel.busy


class HandoverDialog(ScreenDialog):
    """The handover screen as a window of its own; it stays open while the receipt is written."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        view = HandoverWidget(session)
        super().__init__("", view, parent, size=(1120, 680), busy=lambda: view.busy)
        self.setObjectName("HandoverDialog")
        self.setWindowTitle(self.tr("Card handover"))
        self.view: HandoverWidget = view

    @classmethod
    def show_for(cls, session: Session, parent: QWidget | None = None) -> None:
        """Show the screen until closed."""
        common.run_modal(cls(session, parent))
