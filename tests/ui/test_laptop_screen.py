"""Every window on a 1366×768 laptop (1366×728 above the taskbar), and what empty screens say.

The GUI tests run on such a screen (``tests/conftest.py``); these tests open every window and
dialog and check that it fits with its title bar, that the list's filters read whole, and
that an empty list or a search without results says what to do next.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.services import demo, participants
from app.services.actor import Role
from app.services.context import Context
from app.store.repo import ListQuery
from app.ui import common, desk_views, sync_views
from app.ui.cards_views import (
    CalibrationDialog,
    KpjReprintDialog,
    PrintDialog,
    ReprintDialog,
)
from app.ui.form import ParticipantForm
from app.ui.handover_views import HandoverDialog
from app.ui.importer import ImportDialog
from app.ui.mainwindow import MainWindow
from app.ui.record import DeactivateDialog, RecordDialog
from app.ui.safety_views import SafetyDialog
from app.ui.screen import ScreenDialog
from app.ui.verify_view import VerifyDialog
from app.ui.wizard import FirstRunWizard
from tests.actors import ADMIN
from tests.conftest import MakeCtx, MakeParticipant
from tests.ui.conftest import MakeSession

# The inside of a window on 1366×728, less what the window manager adds around it.
ROOM_W = 1366 - common.WINDOW_FRAME.width()
ROOM_H = 728 - common.WINDOW_FRAME.height()


@pytest.mark.skipif(
    "configfile" not in os.environ.get("QT_QPA_PLATFORM", ""), reason="a screen of Qt's own"
)
def test_the_tests_run_on_a_laptop_screen(qapp: QApplication) -> None:
    screen = qapp.primaryScreen()
    assert screen is not None
    assert screen.availableGeometry().size().toTuple() == (1366, 728)


def fits(widget: QWidget) -> None:
    widget.show()
    size = widget.size()
    hint = widget.minimumSizeHint()
    name = type(widget).__name__
    assert size.width() <= ROOM_W and size.height() <= ROOM_H, (name, size)
    assert hint.width() <= ROOM_W and hint.height() <= ROOM_H, (name, hint)


def test_every_dialog_of_an_office_fits(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession, make_ctx: MakeCtx
) -> None:
    demo.generate(kecamatan_ctx, ADMIN, 30, seed=3)
    session = make_session(kecamatan_ctx, Role.ADMIN, "admin")
    first = participants.rows(kecamatan_ctx, participants.search(kecamatan_ctx, _query()))[0]
    makers: list[Callable[[], QWidget]] = [
        lambda: ParticipantForm(session),
        lambda: RecordDialog(session, first.reg_no),
        lambda: DeactivateDialog(first.reg_no),
        lambda: ImportDialog(session),
        lambda: PrintDialog(session),
        lambda: ReprintDialog(session, [first.reg_no], who=first.name),
        lambda: KpjReprintDialog(session),
        lambda: CalibrationDialog(session),
        lambda: VerifyDialog(session),
        lambda: HandoverDialog(session),
        lambda: SafetyDialog(session),
        lambda: FirstRunWizard(make_ctx("kecamatan", name="fresh", setup=False)),
        lambda: ScreenDialog("", sync_views.ExportView(kecamatan_ctx, session.actor)),
        lambda: ScreenDialog("", sync_views.ImportView(kecamatan_ctx, session.actor)),
    ]
    for make in makers:
        widget = make()
        qtbot.addWidget(widget)
        fits(widget)
        widget.close()


def test_every_screen_of_the_kabupaten_fits(
    qtbot: QtBot, kabupaten_ctx: Context, make_session: MakeSession
) -> None:
    demo.generate(kabupaten_ctx, ADMIN, 30, seed=3)
    session = make_session(kabupaten_ctx, Role.ADMIN, "admin")
    actor = session.actor
    ctx = kabupaten_ctx
    views: list[Callable[[], QWidget]] = [
        lambda: desk_views.YearsView(ctx, actor),
        lambda: desk_views.RatesView(ctx, actor),
        lambda: desk_views.PlannerView(ctx, actor),
        lambda: desk_views.ReportsView(ctx, actor),
        lambda: desk_views.BpjsView(ctx, actor),
        lambda: sync_views.ImportView(ctx, actor),
        lambda: sync_views.OfficesView(ctx, actor),
        lambda: sync_views.ConflictsView(ctx, actor),
    ]
    for make in views:
        dialog = ScreenDialog("", make())
        qtbot.addWidget(dialog)
        fits(dialog)
        dialog.close()
    letterhead = desk_views.LetterheadDialog(ctx, actor)
    qtbot.addWidget(letterhead)
    fits(letterhead)


def _query() -> ListQuery:
    return ListQuery(sort="reg_no")


def test_the_main_window_starts_maximised_and_its_filters_read_whole(
    qtbot: QtBot, kabupaten_ctx: Context, make_session: MakeSession
) -> None:
    window = MainWindow(make_session(kabupaten_ctx, Role.ADMIN, "admin"))
    qtbot.addWidget(window)
    assert window.start_maximized  # no size saved yet
    window.showMaximized()
    window.show_list()
    qtbot.waitExposed(window)
    assert window.width() <= 1366
    assert [c.itemText(0) for c in window.filter_boxes] == [
        "Semua kecamatan",
        "Semua nagari",
        "Semua pekerjaan",
        "Semua status",
        "Semua sumber dana",
        "Semua kartu",
    ]
    for combo in window.filter_boxes:
        text = combo.fontMetrics().horizontalAdvance(combo.itemText(0))
        assert combo.width() >= text + 20, (combo.itemText(0), combo.width(), text)


@pytest.mark.parametrize("searching", [False, True])
def test_an_empty_list_says_what_to_do_next(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession, searching: bool
) -> None:
    if searching:
        demo.generate(kecamatan_ctx, ADMIN, 5, seed=3)
    window = MainWindow(make_session(kecamatan_ctx, Role.OPERATOR, "ani"))
    qtbot.addWidget(window)
    window.show()
    if not searching:
        assert window.list_stack.currentIndex() == 1
        assert "Belum ada peserta" in window.empty_label.text()
        assert window.empty_new.isVisible() and window.empty_import.isVisible()
        return
    assert window.list_stack.currentIndex() == 0
    window.search.setText("zzzz tidak ada")
    window.apply_query()
    assert window.list_stack.currentIndex() == 1
    assert "Tidak ada yang cocok" in window.empty_label.text()
    window.empty_clear.click()
    assert window.list_stack.currentIndex() == 0 and window.model.rowCount() == 5


def test_a_new_participant_shows_in_the_list_even_while_a_search_hides_them(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    make_participant: MakeParticipant,
) -> None:
    demo.generate(kecamatan_ctx, ADMIN, 5, seed=3)
    window = MainWindow(make_session(kecamatan_ctx, Role.OPERATOR, "ani"))
    qtbot.addWidget(window)
    window.search.setText("zzzz")
    window.apply_query()
    reg = participants.register(
        kecamatan_ctx, ADMIN, make_participant(serial=77, name="Rosmaniar")
    ).reg_no
    window.refresh_now()
    assert window.select_reg_no(reg)
    row = window.table.currentIndex().row()
    line = window.model.row_at(row)
    assert line is not None and line.reg_no == reg and window.search.text() == ""


def test_the_dashboard_says_how_offices_get_onto_it(
    qtbot: QtBot, kabupaten_ctx: Context, tmp_path: Path
) -> None:
    from app.ui.dashboard import DashboardWidget

    w = DashboardWidget(kabupaten_ctx, ADMIN)
    qtbot.addWidget(w)
    w.show()
    assert w.installs_empty.isVisible() and not w.installs.isVisible()
    assert "Belum ada kantor" in w.installs_empty.text()


def test_the_handover_list_shows_its_last_column_without_scrolling(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession
) -> None:
    dialog = HandoverDialog(make_session(kecamatan_ctx, Role.SUPERVISOR, "rina"))
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.findChild(QWidget, "cards")
    assert table is not None
    header = table.horizontalHeader()  # type: ignore[attr-defined]
    last = header.count() - 1
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    assert right <= table.viewport().width() + 1  # type: ignore[attr-defined]
    assert header.sectionSize(0) >= 180  # and the names still read
