"""The record view (history, deactivate, reactivate) and approval from the list."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.participant import InactiveReason
from app.i18n import render
from app.services import participants
from app.services.actor import Role
from app.services.context import Context
from app.ui.approve import ApproveDraftsDialog
from app.ui.mainwindow import MainWindow
from app.ui.record import DeactivateDialog, RecordDialog
from tests.actors import ADMIN
from tests.conftest import NAGARI_IN, MakeParticipant
from tests.ui.conftest import MakeSession, Messages


@pytest.fixture
def drafts(kecamatan_ctx: Context, make_participant: MakeParticipant) -> list[str]:
    """Three drafts: two in Aie Amo, one in another nagari of the kecamatan."""
    other = next(v.code for v in participants.villages_for(kecamatan_ctx) if v.code != NAGARI_IN)
    regs = [
        participants.register(kecamatan_ctx, ADMIN, make_participant(serial=1)).reg_no,
        participants.register(kecamatan_ctx, ADMIN, make_participant(serial=2)).reg_no,
        participants.register(
            kecamatan_ctx, ADMIN, make_participant(serial=3, nagari_code=other)
        ).reg_no,
    ]
    assert {participants.get(kecamatan_ctx, r).status for r in regs} == {"draft"}
    return regs


def statuses(ctx: Context, regs: list[str]) -> list[str]:
    return [participants.get(ctx, r).status for r in regs]


def test_record_shows_fields_history_and_role_buttons(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession, drafts: list[str]
) -> None:
    operator = RecordDialog(make_session(kecamatan_ctx, Role.OPERATOR), drafts[0])
    qtbot.addWidget(operator)
    rec = participants.get(kecamatan_ctx, drafts[0])
    assert operator._values["reg_no"].text() == rec.reg_no
    assert operator._values["status"].text() == "Draf"
    assert operator._values["nik"].text() != rec.nik  # masked for operators
    assert operator._values["born"].text() == "Sijunjung, 07/08/1980"
    assert operator._values["income"].text() == "Rp1.000.000"
    assert operator.approve_button.isVisible() or not operator.isVisible()
    assert not operator.approve_button.isEnabled()
    assert operator.history.model().rowCount() == 1
    supervisor = RecordDialog(make_session(kecamatan_ctx, Role.SUPERVISOR), drafts[0])
    qtbot.addWidget(supervisor)
    assert supervisor.approve_button.isEnabled()
    assert supervisor._values["nik"].text() == rec.nik
    qtbot.mouseClick(supervisor.approve_button, Qt.MouseButton.LeftButton)
    assert participants.get(kecamatan_ctx, drafts[0]).status == "approved"
    assert supervisor._values["status"].text() == "Disetujui"
    assert supervisor.history.model().rowCount() == 2
    newest = supervisor.history.model().index(0, 2).data()
    assert newest == "Disetujui"
    assert "Status: Draf → Disetujui" in supervisor.history.model().index(0, 3).data()


def test_deactivate_and_reactivate_keep_the_record(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    drafts: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = RecordDialog(make_session(kecamatan_ctx, Role.OPERATOR), drafts[1])
    qtbot.addWidget(dialog)
    monkeypatch.setattr(
        DeactivateDialog,
        "ask",
        classmethod(lambda cls, reg, parent=None: (InactiveReason.MOVED, dt.date(2022, 9, 1))),
    )
    qtbot.mouseClick(dialog.deactivate_button, Qt.MouseButton.LeftButton)
    rec = participants.get(kecamatan_ctx, drafts[1])
    assert (rec.status, rec.status_reason, rec.status_date) == (
        "inactive",
        "moved",
        dt.date(2022, 9, 1),
    )
    assert dialog._values["status"].text() == "Nonaktif — Pindah, 01/09/2022"
    assert not dialog.deactivate_button.isVisibleTo(dialog)
    assert dialog.reactivate_button.isVisibleTo(dialog)
    assert not dialog.edit_button.isEnabled()
    assert dialog.history.model().index(0, 2).data() == "Dinonaktifkan — Pindah"
    qtbot.mouseClick(dialog.reactivate_button, Qt.MouseButton.LeftButton)
    assert participants.get(kecamatan_ctx, drafts[1]).status == "draft"
    assert dialog.history.model().rowCount() == 3


def test_the_deactivate_dialog_asks_reason_and_date(qtbot: QtBot) -> None:
    dialog = DeactivateDialog("130306-A-000001")
    qtbot.addWidget(dialog)
    # No reason is pre-selected, and Enter cannot deactivate until one is chosen.
    assert dialog.reason.currentData() is None and not dialog.ok_button.isEnabled()
    dialog.show()
    qtbot.keyClick(dialog.day, Qt.Key.Key_Return)
    assert dialog.result_value is None and dialog.isVisible()
    dialog.reason.setCurrentIndex(dialog.reason.findData("died"))
    assert dialog.ok_button.isEnabled()
    dialog.day.clear()
    qtbot.keyClicks(dialog.day, "31022022")
    dialog._ok()
    assert dialog.result_value is None
    assert render("date.invalid", text="31/02/2022") == dialog.error.text()
    dialog.day.clear()
    qtbot.keyClicks(dialog.day, "28022022")
    dialog._ok()
    assert dialog.result_value == (InactiveReason.DIED, dt.date(2022, 2, 28))


def test_approval_by_an_operator_is_refused(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    drafts: list[str],
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = MainWindow(make_session(kecamatan_ctx, Role.OPERATOR))
    qtbot.addWidget(window)
    assert not window.approve_action.isEnabled()  # the button follows the role …
    window.table.selectAll()
    window.approve_selected()  # … and the service refuses anyway
    assert messages.errors == [render("role.needed", role="supervisor")]
    assert statuses(kecamatan_ctx, drafts) == ["draft"] * 3
    monkeypatch.setattr(ApproveDraftsDialog, "ask", classmethod(lambda cls, s, p=None: "*"))
    window.approve_drafts()
    assert len(messages.errors) == 2
    assert statuses(kecamatan_ctx, drafts) == ["draft"] * 3


def test_a_supervisor_approves_a_selection_and_a_nagari(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    drafts: list[str],
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = MainWindow(make_session(kecamatan_ctx, Role.SUPERVISOR))
    qtbot.addWidget(window)
    window.show()
    window.search.setText(drafts[2])
    window.apply_query()
    window.table.selectAll()
    window.approve_selected()
    assert statuses(kecamatan_ctx, drafts) == ["draft", "draft", "approved"]
    assert messages.errors == []
    dialog = ApproveDraftsDialog(window.session)
    qtbot.addWidget(dialog)
    items = [dialog.nagari.itemText(i) for i in range(dialog.nagari.count())]
    assert items == ["Semua nagari (2 draf)", "Aie Amo (2 draf)"]
    monkeypatch.setattr(ApproveDraftsDialog, "ask", classmethod(lambda cls, s, p=None: NAGARI_IN))
    window.approve_drafts()
    assert statuses(kecamatan_ctx, drafts) == ["approved"] * 3
    assert window.statusBar().currentMessage() == "2 data disetujui"
