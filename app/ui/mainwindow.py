"""The main window: the participant list with search, filters and counts, and the actions.

The list is a lazy model (``listmodel``); typing in the search box re-queries after a pause
of 250 ms so that a fast typist sends one query, not one per key.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.domain.install import Role as InstallRole
from app.domain.participant import FUNDING, OCCUPATIONS, Status
from app.errors import AppError
from app.services import participants, presence
from app.services.actor import Role
from app.services.participants import ListQuery
from app.ui import common
from app.ui.bus import Changes, bus
from app.ui.chain_banner import ChainBanner
from app.ui.common import fmt_int, role_label, status_label
from app.ui.dashboard import DashboardWidget
from app.ui.desks import DesksLabel, ReplacedBanner
from app.ui.listmodel import ParticipantListModel
from app.ui.screen import ScreenDialog
from app.ui.session import Session

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 250


def with_chain_banner(window: MainWindow, session: Session, content: QWidget) -> QWidget:
    """``content`` under the banners of a database behind its signed audit trail head and
    of a database that a restore at another desk replaced."""
    window.chain_banner = ChainBanner(session)
    window.replaced_banner = ReplacedBanner()
    window.content = content
    outer = QWidget()
    box = QVBoxLayout(outer)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(window.replaced_banner)
    box.addWidget(window.chain_banner)
    box.addWidget(content, 1)
    return outer


class MainWindow(QMainWindow):
    """The participant list and every action of the office."""

    chain_banner: ChainBanner
    replaced_banner: ReplacedBanner
    content: QWidget

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._ctx = session.ctx
        self.setObjectName("MainWindow")
        ident = self._ctx.identity
        place = ""
        if ident.kecamatan:
            kec = self._ctx.regions.get(ident.kecamatan)
            place = f"{self.tr('Kecamatan')} {kec.name}" if kec else ident.kecamatan
        else:
            reg = self._ctx.regions.get(ident.regency)
            place = reg.name if reg else ident.regency
        title = f"Lindungi — {place} ({ident.install_code})"
        if session.demo:
            title += " — " + self.tr("DEMO")
        self.setWindowTitle(title)

        self.model = ParticipantListModel(self._ctx, self)
        self.model.completed.connect(self._list_completed)
        self._build_filters()
        self._build_table()
        self._build_actions()
        self._build_status()

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(self._filters)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self._build_empty())
        layout.addWidget(self.list_stack, 1)
        # A kabupaten opens on its dashboard, with the list one tab away.
        self.tabs: QTabWidget | None = None
        self.dashboard: DashboardWidget | None = None
        if self._ctx.identity.role is InstallRole.KABUPATEN:
            self.dashboard = DashboardWidget(self._ctx, session.actor, after_first_paint=True)
            self.tabs = QTabWidget()
            self.tabs.setObjectName("tabs")
            self.tabs.setDocumentMode(True)
            self.tabs.addTab(self.dashboard, self.tr("&Dashboard"))
            self.tabs.addTab(central, self.tr("Participant &list"))
            self.setCentralWidget(with_chain_banner(self, session, self.tabs))
        else:
            self.setCentralWidget(with_chain_banner(self, session, central))

        self.replaced_banner.button.clicked.connect(self.close)
        self.desks.replaced.connect(self._on_replaced)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_query)
        self.search.textChanged.connect(self._search_timer.start)

        # Changes announced by a dialog refresh the list once the dialog's slot returned:
        # the save feels instant, and several announcements cost one query.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh_now)
        bus().changed.connect(self._on_changes)
        self._total = 0
        self.apply_query()
        self._restore_geometry()
        self.search.setFocus()

    # --- building -----------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, NIK, KPJ or registration no."))
        self.search.setMinimumWidth(280)

        ident = self._ctx.identity
        self.kecamatan_filter: QComboBox | None = None
        if ident.role is InstallRole.KABUPATEN:
            self.kecamatan_filter = QComboBox()
            self.kecamatan_filter.setObjectName("kecamatan_filter")
            self.kecamatan_filter.addItem(self.tr("All kecamatan"), None)
            for kec in self._ctx.regions.kecamatan(ident.regency):
                self.kecamatan_filter.addItem(kec.name, kec.code)
            self.kecamatan_filter.currentIndexChanged.connect(self._kecamatan_changed)

        self.nagari_filter = QComboBox()
        self.nagari_filter.setObjectName("nagari_filter")
        self._fill_nagari(None)
        self.occupation_filter = QComboBox()
        self.occupation_filter.setObjectName("occupation_filter")
        self.occupation_filter.addItem(self.tr("All occupations"), None)
        for code, label in OCCUPATIONS.items():
            self.occupation_filter.addItem(label, code)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in Status:
            self.status_filter.addItem(status_label(status.value), status.value)
        self.funding_filter = QComboBox()
        self.funding_filter.setObjectName("funding_filter")
        self.funding_filter.addItem(self.tr("All funding"), None)
        for code, label in FUNDING.items():
            self.funding_filter.addItem(label, code)
        self.card_filter = QComboBox()
        self.card_filter.setObjectName("card_filter")
        self.card_filter.addItem(self.tr("All cards"), None)
        self.card_filter.addItem(self.tr("Card not printed"), "unprinted")
        self.card_filter.addItem(self.tr("Card waiting for handover"), "pending")
        self.card_filter.addItem(self.tr("Card handed over"), "handed")
        for combo in (
            self.nagari_filter,
            self.occupation_filter,
            self.status_filter,
            self.funding_filter,
            self.card_filter,
        ):
            combo.currentIndexChanged.connect(self.apply_query)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.clicked.connect(self.clear_filters)

        # Each filter is at least as wide as its "Semua …" text, so that it reads whole; a
        # long nagari name chosen may be cut in the box (the open list shows it whole). The
        # filters take a row of their own so that they fit a 1366-pixel screen even at a
        # kabupaten (one filter more).
        self.filter_boxes = [
            self.nagari_filter,
            self.occupation_filter,
            self.status_filter,
            self.funding_filter,
            self.card_filter,
        ]
        if self.kecamatan_filter is not None:
            self.filter_boxes.insert(0, self.kecamatan_filter)
        for combo in self.filter_boxes:
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(len(combo.itemText(0)) + 1)
        self.search.setMinimumWidth(260)
        top = QHBoxLayout()
        title = QLabel(self.tr("&Search"))
        title.setBuddy(self.search)
        top.addWidget(title)
        top.addWidget(self.search, 1)
        top.addWidget(self.clear_button)
        filters = QHBoxLayout()
        for combo in self.filter_boxes:
            filters.addWidget(combo, 1)
        row = QVBoxLayout()
        row.setSpacing(4)
        row.addLayout(top)
        row.addLayout(filters)
        self._filters = row

    def _fill_nagari(self, kecamatan: str | None) -> None:
        self.nagari_filter.blockSignals(True)
        self.nagari_filter.clear()
        self.nagari_filter.addItem(self.tr("All nagari"), None)
        villages = participants.villages_for(self._ctx)
        if kecamatan:
            villages = [v for v in villages if v.parent == kecamatan]
        for v in sorted(villages, key=lambda r: r.name):
            self.nagari_filter.addItem(v.name, v.code)
        self.nagari_filter.blockSignals(False)

    def _kecamatan_changed(self) -> None:
        assert self.kecamatan_filter is not None
        self._fill_nagari(self.kecamatan_filter.currentData())
        self.apply_query()

    def _build_empty(self) -> QWidget:
        """What an empty list says instead: how to fill it, or how to find more."""
        page = QWidget()
        page.setObjectName("empty_page")
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_label")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.empty_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.empty_label.setFont(font)
        self.empty_new = QPushButton(self.tr("&New participant…"))
        self.empty_new.setObjectName("empty_new")
        self.empty_new.clicked.connect(self.new_participant)
        self.empty_import = QPushButton(self.tr("&Import spreadsheet…"))
        self.empty_import.setObjectName("empty_import")
        self.empty_import.clicked.connect(self.import_spreadsheet)
        self.empty_clear = QPushButton(self.tr("Show &everyone"))
        self.empty_clear.setObjectName("empty_clear")
        self.empty_clear.clicked.connect(self.clear_filters)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.empty_new, self.empty_import, self.empty_clear):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box = QVBoxLayout(page)
        box.addStretch(1)
        box.addWidget(self.empty_label)
        box.addLayout(buttons)
        box.addStretch(2)
        return page

    def _show_empty_state(self) -> None:
        """The table when it has rows; else what to do next, in words."""
        if self.model.rowCount() > 0:
            self.list_stack.setCurrentIndex(0)
            return
        if self._total == 0:
            self.empty_label.setText(
                self.tr(
                    "No participants yet. Register one with New participant (Ctrl+N), or "
                    "import a nagari's spreadsheet (Ctrl+I)."
                )
            )
            self.empty_new.setVisible(self.new_action.isEnabled())
            self.empty_import.setVisible(self.import_action.isEnabled())
            self.empty_clear.setVisible(False)
        else:
            self.empty_label.setText(
                self.tr(
                    "Nobody matches this search and these filters ({total} participants in "
                    "all). Check the spelling, search by NIK or registration number, or show "
                    "everyone."
                ).format(total=fmt_int(self._total))
            )
            self.empty_new.setVisible(False)
            self.empty_import.setVisible(False)
            self.empty_clear.setVisible(True)
        self.list_stack.setCurrentIndex(1)

    def _build_table(self) -> None:
        table = QTableView()
        table.setObjectName("participants")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        vh = table.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(table.fontMetrics().height() + 8)
        hh = table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        hh.setSortIndicator(self.model.column_of("name"), Qt.SortOrder.AscendingOrder)
        hh.setSortIndicatorShown(True)
        hh.sortIndicatorChanged.connect(self.model.sort)
        hh.setSectionsClickable(True)
        widths = {
            "reg_no": 135,
            "name": 220,
            "nik": 135,
            "sex": 40,
            "birth_date": 90,
            "nagari": 170,
            "occupation": 150,
            "status": 90,
            "kpj": 100,
        }
        for key, width in widths.items():
            col = self.model.column_of(key)
            if col >= 0:
                table.setColumnWidth(col, width)
        table.activated.connect(self._open_index)
        self.table = table

    def _build_actions(self) -> None:
        s = self.session
        self.new_action = QAction(self.tr("&New participant…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_participant)
        self.open_action = QAction(self.tr("&Open record"), self)
        self.open_action.triggered.connect(self.open_current)
        self.import_action = QAction(self.tr("&Import spreadsheet…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_spreadsheet)
        self.export_action = QAction(self.tr("&Export list…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_list)
        self.approve_action = QAction(self.tr("&Approve selected"), self)
        self.approve_action.triggered.connect(self.approve_selected)
        self.approve_nagari_action = QAction(self.tr("Approve all &drafts…"), self)
        self.approve_nagari_action.triggered.connect(self.approve_drafts)
        kabupaten = self._ctx.identity.role is InstallRole.KABUPATEN
        for a in (self.approve_action, self.approve_nagari_action):
            # Records registered at the kabupaten are accepted at once: nothing to approve.
            a.setEnabled(s.can(Role.SUPERVISOR))
            a.setVisible(not kabupaten)
        self.users_action = QAction(self.tr("&Users…"), self)
        self.users_action.triggered.connect(self.show_users)
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.triggered.connect(self.show_settings)
        for a in (self.users_action, self.settings_action):
            a.setEnabled(s.can(Role.ADMIN) and not s.demo)
        self.safety_action = QAction(self.tr("&Backups and audit trail…"), self)
        self.safety_action.setObjectName("safety")
        self.safety_action.triggered.connect(self.show_safety)
        self.safety_action.setEnabled(s.can(Role.ADMIN))
        self.print_action = QAction(self.tr("&Print cards…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_cards)
        self.kpj_action = QAction(self.tr("KPJ numbers arrived: &reprint…"), self)
        self.kpj_action.triggered.connect(self.kpj_reprints)
        self.verify_action = QAction(self.tr("&Check cards…"), self)
        self.verify_action.setShortcut(QKeySequence("Ctrl+K"))
        self.verify_action.triggered.connect(self.verify_cards)
        self.handover_action = QAction(self.tr("Card &handover…"), self)
        self.handover_action.triggered.connect(self.handover)
        self.calibration_action = QAction(self.tr("Printer &calibration…"), self)
        self.calibration_action.setObjectName("calibration")
        self.calibration_action.triggered.connect(self.calibrate_printer)
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setEnabled(not s.demo)
        self.password_action = QAction(self.tr("Change my &password…"), self)
        self.password_action.setEnabled(not s.demo)
        self.password_action.triggered.connect(self.change_password)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.focus_search_action = QAction(self)
        self.focus_search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.focus_search_action.triggered.connect(self._focus_search)
        self.addAction(self.focus_search_action)

        bar = self.menuBar()
        m = bar.addMenu(self.tr("&Participants"))
        m.addAction(self.new_action)
        m.addAction(self.open_action)
        m.addSeparator()
        m.addAction(self.import_action)
        m.addAction(self.export_action)
        m.addSeparator()
        m.addAction(self.approve_action)
        m.addAction(self.approve_nagari_action)
        m.addSeparator()
        m.addAction(self.password_action)
        m.addAction(self.lock_action)
        m.addAction(self.quit_action)
        cards_menu = bar.addMenu(self.tr("&Cards"))
        cards_menu.addAction(self.print_action)
        cards_menu.addAction(self.kpj_action)
        cards_menu.addSeparator()
        cards_menu.addAction(self.verify_action)
        cards_menu.addAction(self.handover_action)
        cards_menu.addSeparator()
        cards_menu.addAction(self.calibration_action)
        self._build_office_menus()
        admin = bar.addMenu(self.tr("&Administration"))
        admin.addAction(self.users_action)
        admin.addAction(self.settings_action)
        admin.addAction(self.safety_action)

        tools = self.addToolBar(self.tr("Actions"))
        tools.setObjectName("actions")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools.addAction(self.new_action)
        tools.addAction(self.import_action)
        tools.addAction(self.approve_action)
        tools.addAction(self.export_action)
        tools.addAction(self.print_action)
        tools.addAction(self.verify_action)

    def _build_office_menus(self) -> None:
        """The kabupaten's desk, and the bundles that travel between offices and kabupaten."""
        s = self.session
        bar = self.menuBar()
        kabupaten = self._ctx.identity.role is InstallRole.KABUPATEN
        supervisor = s.can(Role.SUPERVISOR)
        self.screen_actions: dict[str, QAction] = {}

        def add(menu: QMenu, key: str, text: str, *, enabled: bool = True) -> None:
            action = QAction(text, self)
            action.setObjectName(f"screen_{key}")
            action.setEnabled(enabled)
            if not enabled:
                action.setToolTip(self.tr("Only a supervisor may use this."))
            action.setData(key)
            action.triggered.connect(self._screen_triggered)  # a bound method: no cycle
            menu.addAction(action)
            self.screen_actions[key] = action

        if kabupaten:
            desk = bar.addMenu(self.tr("&Desk"))
            add(desk, "years", self.tr("&Years and quotas…"), enabled=supervisor)
            add(desk, "rates", self.tr("&Rates…"), enabled=supervisor)
            add(desk, "planner", self.tr("&Planner…"))
            add(desk, "reports", self.tr("R&eports…"))
            add(desk, "bpjs", self.tr("&BPJS: registration and KPJ numbers…"))
        sync = bar.addMenu(self.tr("&Bundles"))
        if kabupaten:
            add(sync, "import", self.tr("&Import a bundle…"))
            add(sync, "offices", self.tr("&Offices…"), enabled=supervisor)
            add(sync, "conflicts", self.tr("&Conflicts…"), enabled=supervisor)
        else:
            add(sync, "export", self.tr("&Write a bundle…"))
            add(sync, "import", self.tr("&Import a receipt…"))

    def _screen_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.open_screen(str(action.data()))

    def open_screen(self, key: str) -> None:
        """Open one of the desk's or the bundles' screens in a window of its own."""
        from app.ui import desk_views, sync_views

        ctx, actor = self._ctx, self.session.actor
        views: dict[str, tuple[str, Callable[[], QWidget]]] = {
            "years": (self.tr("Years and quotas"), lambda: desk_views.YearsView(ctx, actor)),
            "rates": (self.tr("Rates"), lambda: desk_views.RatesView(ctx, actor)),
            "planner": (self.tr("Planner"), lambda: desk_views.PlannerView(ctx, actor)),
            "reports": (self.tr("Reports"), lambda: desk_views.ReportsView(ctx, actor)),
            "bpjs": (self.tr("BPJS"), lambda: desk_views.BpjsView(ctx, actor)),
            "export": (self.tr("Write a bundle"), lambda: sync_views.ExportView(ctx, actor)),
            "import": (self.tr("Import"), lambda: sync_views.ImportView(ctx, actor)),
            "offices": (self.tr("Offices"), lambda: sync_views.OfficesView(ctx, actor)),
            "conflicts": (self.tr("Conflicts"), lambda: sync_views.ConflictsView(ctx, actor)),
        }
        title, make = views[key]
        try:
            view = make()
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        ScreenDialog.ask(title, view, self)

    def show_list(self) -> None:
        """Bring the participant list to the front (at a kabupaten, from the dashboard)."""
        if self.tabs is not None:
            self.tabs.setCurrentIndex(1)

    def _build_status(self) -> None:
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.user_label = QLabel()
        self.user_label.setObjectName("user")
        self.statusBar().addWidget(self.count_label, 1)
        # The other desks at work on this register (and their changes refresh this one).
        self.desks = DesksLabel(self._ctx, self.session.actor, self)
        self.statusBar().addPermanentWidget(self.desks)
        self.statusBar().addPermanentWidget(self.user_label)
        self.update_user()

    def _on_replaced(self, gone: presence.Replaced) -> None:
        """A restore at another desk replaced this window's database: say so, and stop every
        action but closing (the store refuses any write there anyway; the window must not
        invite one). Lindungi started again follows the restore at its sign-in."""
        text = self.replaced_banner.show_for(gone)
        self.content.setEnabled(False)
        for action in self.findChildren(QAction):
            if action is not self.quit_action:
                action.setEnabled(False)
        for bar in self.findChildren(QToolBar):
            bar.setEnabled(False)
        self.statusBar().showMessage(self.tr("Nothing more can be saved here."))
        common.error(self, text)

    def update_user(self) -> None:
        """Show who is logged in."""
        a = self.session.actor
        self.user_label.setText(
            self.tr("Logged in: {user} ({role})").format(user=a.username, role=role_label(a.role))
        )

    # --- the list -----------------------------------------------------------------------

    def current_query(self) -> ListQuery:
        """The search and filters as typed and chosen, with the list's sort."""
        base = self.model.query
        return ListQuery(
            search=self.search.text().strip(),
            nagari=self.nagari_filter.currentData(),
            kecamatan=self.kecamatan_filter.currentData() if self.kecamatan_filter else None,
            status=self.status_filter.currentData(),
            occupation=self.occupation_filter.currentData(),
            funding=self.funding_filter.currentData(),
            card=self.card_filter.currentData(),
            sort=base.sort,
            descending=base.descending,
        )

    def apply_query(self) -> None:
        """Run the search and filters now."""
        self._search_timer.stop()
        self.model.set_query(self.current_query())
        self._total = participants.count(self._ctx)
        self.update_count()
        if hasattr(self, "new_action"):  # the first query runs before the actions exist
            self._show_empty_state()

    def _list_completed(self) -> None:
        if hasattr(self, "count_label"):  # the first query runs before the status bar exists
            self.update_count()

    def update_count(self) -> None:
        """``X of Y participants`` in the status bar (``more than 10.000 of Y`` for a
        search that matches more than the list counts exactly)."""
        if self.model.capped:
            text = self.tr("more than {shown} of {total} participants")
        else:
            text = self.tr("{shown} of {total} participants")
        self.count_label.setText(
            text.format(shown=fmt_int(self.model.matches), total=fmt_int(self._total))
        )

    def clear_filters(self) -> None:
        """Show everyone again."""
        for combo in (
            self.nagari_filter,
            self.occupation_filter,
            self.status_filter,
            self.funding_filter,
            self.card_filter,
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        if self.kecamatan_filter is not None:
            self.kecamatan_filter.blockSignals(True)
            self.kecamatan_filter.setCurrentIndex(0)
            self.kecamatan_filter.blockSignals(False)
            self._fill_nagari(None)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_query()
        self.search.setFocus()

    def _focus_search(self) -> None:
        self.show_list()
        self.search.setFocus()
        self.search.selectAll()

    def _on_changes(self, changes: Changes) -> None:
        if changes.participants:
            self._refresh_timer.start()

    def refresh_now(self) -> None:
        """Re-run the query, keeping the selection (after a change to the register)."""
        self._refresh_timer.stop()
        selected = self.selected_ids()
        self.apply_query()
        if selected:
            self.model.ensure_complete()  # the selected row may lie below the first page
        self._select_ids(selected)

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, in list order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.id_at(r) for r in rows]

    def selected_reg_nos(self) -> list[str]:
        """Registration numbers of the selected rows."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        out = []
        for r in rows:
            line = self.model.row_at(r)
            if line is not None:
                out.append(line.reg_no)
        return out

    def _select_ids(self, ids: list[int]) -> None:
        for pid in ids[:1]:
            row = self.model.row_of_id(pid)
            if row >= 0:
                self.table.selectRow(row)

    def select_reg_no(self, reg_no: str) -> bool:
        """Show and select a participant (after it was registered).

        When the search or a filter hides them, the list shows everyone again: a clerk who
        just saved someone must see them.
        """
        self.show_list()
        found = participants.search(self._ctx, ListQuery(search=reg_no), limit=1)
        for attempt in (0, 1):
            for pid in found:
                self.model.ensure_complete()
                row = self.model.row_of_id(pid)
                if row >= 0:
                    self.table.selectRow(row)
                    self.table.scrollTo(self.model.index(row, 0))
                    return True
            if attempt == 0 and found:
                self.clear_filters()
        return False

    # --- actions ------------------------------------------------------------------------

    def _open_index(self, index: object) -> None:
        row = self.model.row_at(index.row())  # type: ignore[attr-defined]
        if row is not None:
            self.open_record(row.reg_no)

    def open_current(self) -> None:
        """Open the record of the current row."""
        index = self.table.currentIndex()
        if index.isValid():
            self._open_index(index)

    def open_record(self, reg_no: str) -> None:
        """Show one record with its history."""
        from app.ui.record import RecordDialog

        RecordDialog.ask(self.session, reg_no, self)

    def calibrate_printer(self) -> None:
        """Print the calibration page and turn what was measured into the printer's offsets."""
        from app.ui.cards_views import CalibrationDialog

        CalibrationDialog.ask(self.session, self)

    def new_participant(self) -> None:
        """Open an empty form; select the new record in the list."""
        from app.ui.form import ParticipantForm

        reg_no = ParticipantForm.ask(self.session, None, self, open_record=self.open_record)
        if reg_no:
            self.refresh_now()
            self.statusBar().showMessage(self.tr("Saved {reg_no}").format(reg_no=reg_no), 8000)
            self.select_reg_no(reg_no)

    def approve_selected(self) -> None:
        """Approve the selected drafts (supervisors; the service refuses anyone else)."""
        reg_nos = self.selected_reg_nos()
        if not reg_nos:
            common.info(self, self.tr("Select the records to approve first."))
            return
        try:
            count = participants.approve(self._ctx, self.session.actor, reg_nos)
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        bus().announce(Changes(participants=True))
        self.statusBar().showMessage(
            self.tr("{count} records approved").format(count=fmt_int(count)), 8000
        )

    def approve_drafts(self) -> None:
        """Approve every draft of one nagari, or of all."""
        from app.ui.approve import ApproveDraftsDialog

        answer = ApproveDraftsDialog.ask(self.session, self)
        if answer is None:
            return
        try:
            if answer == "*":
                count = participants.approve(self._ctx, self.session.actor, all_drafts=True)
            else:
                count = participants.approve(self._ctx, self.session.actor, nagari=answer)
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        bus().announce(Changes(participants=True))
        self.statusBar().showMessage(
            self.tr("{count} records approved").format(count=fmt_int(count)), 8000
        )

    def import_spreadsheet(self) -> None:
        """Preview a spreadsheet and import its good rows."""
        from app.ui.importer import ImportDialog

        ImportDialog.ask(self.session, self)

    def export_list(self) -> None:
        """Write the list as shown (search and filters) to an xlsx file."""
        path = common.save_file(
            self, self.tr("Export list"), "peserta.xlsx", self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return
        full = False
        if self.session.can(Role.SUPERVISOR):
            full = common.confirm(
                self, self.tr("Write full NIKs? Choose No to write them masked (130306••••••••12).")
            )
        from app.services import importer  # the sheets' modules: not before the window shows

        try:
            count = importer.export_list(
                self._ctx, self.session.actor, self.current_query(), Path(path), full_nik=full
            )
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        self.statusBar().showMessage(
            self.tr("{count} participants written to {path}").format(
                count=fmt_int(count), path=path
            ),
            10000,
        )

    def print_cards(self) -> None:
        """Print cards: a nagari, everyone not printed yet, or the selected rows."""
        from app.ui.cards_views import PrintDialog

        PrintDialog.ask(self.session, self, ids=self.selected_ids())

    def kpj_reprints(self) -> None:
        """Cards printed before their KPJ number arrived, offered for reprint."""
        from app.ui.cards_views import KpjReprintDialog

        KpjReprintDialog.ask(self.session, self)

    def verify_cards(self) -> None:
        """Check cards with the barcode scanner."""
        from app.ui.verify_view import VerifyDialog

        VerifyDialog.show_for(self.session, self)

    def handover(self) -> None:
        """Hand cards over at an event."""
        from app.ui.handover_views import HandoverDialog

        HandoverDialog.show_for(self.session, self)

    def change_password(self) -> None:
        """A new password for the account signed in (it proves the current one first)."""
        from app.ui.login import ChangePasswordDialog

        dialog = ChangePasswordDialog(self._ctx, self.session.actor, self)
        if common.run_modal(dialog) == ChangePasswordDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("Password changed."), 5000)

    def show_users(self) -> None:
        """Accounts (administrators)."""
        from app.ui.admin import UsersDialog

        UsersDialog.ask(self.session, self)

    def show_settings(self) -> None:
        """Settings (administrators)."""
        from app.ui.admin import SettingsDialog

        SettingsDialog.ask(self.session, self)

    def show_safety(self) -> None:
        """Backups, restore and the audit trail (administrators)."""
        from app.ui.safety_views import SafetyDialog

        common.run_modal(SafetyDialog(self.session, self))

    # --- window state -------------------------------------------------------------------

    def _state(self) -> QSettings:
        return QSettings(str(self._ctx.data_dir / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        state = self._state()
        geometry = state.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            self.start_maximized = self.isMaximized()
        else:
            # No size saved yet: the whole screen (a 1366×768 laptop has no room to spare).
            common.fit_on_screen(self, 1280, 760)
            self.start_maximized = True

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self.desks.stop()
        if not self.session.demo:
            state = self._state()
            state.setValue("main/geometry", self.saveGeometry())
            state.sync()
        super().closeEvent(event)
