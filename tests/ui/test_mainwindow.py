"""The main window: the demo's 1,333 rows, counts, search-as-you-type, filters, opening."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.install import Role as InstallRole
from app.services import participants
from app.services.actor import DEMO_ADMIN, Role
from app.services.context import Context
from app.services.setup import setup_install
from app.store.repo import ListQuery
from app.ui.mainwindow import MainWindow
from app.ui.record import RecordDialog
from app.ui.session import Session
from app.ui.start import make_demo
from tests.ui.conftest import MakeSession, Messages


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``--demo`` data: the kabupaten with 1,333 participants (made once, read-only)."""
    path = tmp_path_factory.mktemp("demo")
    make_demo(path).close()
    return path


@pytest.fixture
def demo_window(qtbot: QtBot, demo_dir: Path) -> Iterator[MainWindow]:
    from app.services.context import open_data_dir

    ctx = open_data_dir(demo_dir)
    window = MainWindow(Session(ctx, DEMO_ADMIN, demo=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.model.complete)
    yield window
    window.close()
    ctx.close()


def test_the_list_shows_its_first_page_and_count_at_once_then_the_rest(
    qtbot: QtBot, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.context import open_data_dir
    from app.ui import listmodel

    # 1,333 rows stand for a list too large to read at once (100,000 in the field).
    monkeypatch.setattr(listmodel, "WHOLE_UP_TO", 500)
    ctx = open_data_dir(demo_dir)
    window = MainWindow(Session(ctx, DEMO_ADMIN, demo=True))
    qtbot.addWidget(window)
    # The window is built with the first page and the exact count, without waiting for
    # every id of the list; those arrive from a worker thread.
    assert window.model.rowCount() == 200
    assert window.count_label.text() == "1.333 dari 1.333 peserta"
    qtbot.waitUntil(lambda: window.model.rowCount() == 1333)
    assert window.model.complete
    assert window.count_label.text() == "1.333 dari 1.333 peserta"
    last = window.model.row_at(1332)
    assert last is not None and last.id == window.model.id_at(1332)
    window.close()
    ctx.close()


def test_a_count_past_the_cap_says_more_than_until_the_whole_list_is_there(
    qtbot: QtBot, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import participants
    from app.services.context import open_data_dir
    from app.ui import listmodel

    monkeypatch.setattr(listmodel, "WHOLE_UP_TO", 100)
    monkeypatch.setattr(participants, "COUNT_CAP", 1_000)
    ctx = open_data_dir(demo_dir)
    window = MainWindow(Session(ctx, DEMO_ADMIN, demo=True))
    qtbot.addWidget(window)
    assert window.count_label.text() == "lebih dari 1.000 dari 1.333 peserta"
    qtbot.waitUntil(lambda: window.model.complete)
    assert window.count_label.text() == "1.333 dari 1.333 peserta"
    window.close()
    ctx.close()


def test_demo_shows_1333_rows_and_the_count(demo_window: MainWindow) -> None:
    assert demo_window.model.rowCount() == 1333
    assert demo_window.count_label.text() == "1.333 dari 1.333 peserta"
    assert "DEMO" in demo_window.windowTitle()
    assert demo_window.user_label.text() == "Masuk sebagai: demo (Administrator)"


def test_search_as_you_type_narrows_after_a_pause(qtbot: QtBot, demo_window: MainWindow) -> None:
    first = demo_window.model.row_at(0)
    assert first is not None
    word = first.name.split()[0]
    qtbot.keyClicks(demo_window.search, word)
    assert demo_window.model.rowCount() == 1333  # debounced: nothing ran yet
    qtbot.waitUntil(lambda: demo_window.model.rowCount() < 1333, timeout=3000)
    shown = demo_window.model.rowCount()
    expected = len(participants.search(demo_window.session.ctx, ListQuery(search=word)))
    assert shown == expected > 0
    assert demo_window.count_label.text().startswith(f"{shown} dari 1.333")
    for r in range(shown):
        line = demo_window.model.row_at(r)
        assert line is not None and word.lower() in line.name.lower()

    demo_window.search.clear()
    qtbot.keyClicks(demo_window.search, first.reg_no)
    qtbot.waitUntil(lambda: demo_window.model.rowCount() == 1, timeout=3000)
    demo_window.search.clear()
    qtbot.keyClicks(demo_window.search, first.nik[:10])
    qtbot.waitUntil(lambda: 1 <= demo_window.model.rowCount() < 1333, timeout=3000)


def test_filters_and_clear(demo_window: MainWindow) -> None:
    w = demo_window
    assert w.kecamatan_filter is not None
    w.kecamatan_filter.setCurrentIndex(w.kecamatan_filter.findText("Kamang Baru"))
    assert w.model.rowCount() == 233  # the 2022 split (docs/domain.md)
    nagari = w.nagari_filter.itemData(1)
    w.nagari_filter.setCurrentIndex(1)
    for r in range(w.model.rowCount()):
        pid = w.model.id_at(r)
        assert pid in participants.search(w.session.ctx, ListQuery(nagari=nagari))
    w.status_filter.setCurrentIndex(w.status_filter.findData("draft"))
    assert w.model.rowCount() == 0
    assert w.count_label.text() == "0 dari 1.333 peserta"
    w.clear_filters()
    assert w.model.rowCount() == 1333
    w.occupation_filter.setCurrentIndex(w.occupation_filter.findData("nelayan"))
    w.funding_filter.setCurrentIndex(w.funding_filter.findData("apbd"))
    assert 0 < w.model.rowCount() < 1333


def test_header_click_sorts(qtbot: QtBot, demo_window: MainWindow) -> None:
    w = demo_window
    col = w.model.column_of("reg_no")
    header = w.table.horizontalHeader()
    pos = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos, 5))
    assert w.model.query.sort == "reg_no"
    regs = [w.model.row_at(r).reg_no for r in range(50)]  # type: ignore[union-attr]
    assert regs == sorted(regs) or regs == sorted(regs, reverse=True)


def test_enter_and_double_click_open_the_record(
    qtbot: QtBot, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        RecordDialog, "ask", classmethod(lambda cls, s, reg, p=None: opened.append(reg))
    )
    w = demo_window
    w.table.setFocus()
    w.table.setCurrentIndex(w.model.index(2, 0))
    qtbot.keyClick(w.table, Qt.Key.Key_Return)
    line = w.model.row_at(2)
    assert line is not None and opened == [line.reg_no]
    rect = w.table.visualRect(w.model.index(4, 1))
    # A real double click is press, release, double-click: QTest sends only the last.
    qtbot.mouseClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    line4 = w.model.row_at(4)
    assert line4 is not None and opened[-1] == line4.reg_no


def test_kabupaten_hides_approval_and_roles_limit_actions(
    qtbot: QtBot, make_ctx, make_session: MakeSession, messages: Messages
) -> None:
    ctx: Context = make_ctx("kabupaten")
    window = MainWindow(make_session(ctx, Role.OPERATOR))
    qtbot.addWidget(window)
    assert not window.approve_action.isVisible()
    assert not window.users_action.isEnabled()
    assert not window.settings_action.isEnabled()
    assert window.model.rowCount() == 0
    assert window.count_label.text() == "0 dari 0 peserta"
    _ = (setup_install, InstallRole, messages)


def test_a_record_below_the_first_page_is_found_and_selected_at_once(
    qtbot: QtBot, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # After a save, the list shows the saved person even when the worker thread has not
    # delivered the rows below the first page yet.
    from app.services.context import open_data_dir
    from app.ui import listmodel

    monkeypatch.setattr(listmodel, "WHOLE_UP_TO", 100)
    ctx = open_data_dir(demo_dir)
    window = MainWindow(Session(ctx, DEMO_ADMIN, demo=True))
    qtbot.addWidget(window)
    assert not window.model.complete
    last = participants.rows(ctx, participants.search(ctx, ListQuery()))[-1]
    assert window.select_reg_no(last.reg_no)
    assert window.model.complete and window.model.rowCount() == 1333
    assert window.selected_ids() == [last.id]
    window.close()
    ctx.close()
