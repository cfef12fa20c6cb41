"""The status bar names the other desks signed in, and another desk's change refreshes
the list."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.services import demo, presence
from app.services.actor import Actor, Role
from app.services.context import Context, open_data_dir
from app.ui.mainwindow import MainWindow
from tests.actors import ADMIN
from tests.ui.conftest import MakeSession


def test_another_desk_is_shown_and_its_changes_refresh_the_list(
    qtbot: QtBot, populated_ctx: Context, make_session: MakeSession
) -> None:
    window = MainWindow(make_session(populated_ctx))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.complete)
    desks = window.desks
    desks.settle()
    assert not desks.isVisible()  # alone on the register: nothing to say

    other = open_data_dir(populated_ctx.data_dir)
    try:
        her = presence.new_desk_id()
        assert presence.beat(other, Actor("rina", Role.OPERATOR), her, "MEJA-2")
        desks.tick()
        desks.settle()
        assert desks.isVisible()
        assert desks.text() == "Juga masuk: rina (MEJA-2)"
        assert desks.toolTip().startswith("rina di MEJA-2, sejak ")

        # Rina registers ten people at her desk: this window's list follows by itself.
        before = window.model.rowCount()
        demo.generate(other, ADMIN, 10, seed=12)
        desks.tick()
        desks.settle()
        qtbot.waitUntil(lambda: window.model.rowCount() == before + 10, timeout=5000)

        presence.leave(other, her)
        desks.tick()
        desks.settle()
        assert not desks.isVisible()
    finally:
        other.close()
        window.close()
    # Closing the window removed this desk's own row.
    assert presence.others(populated_ctx, "nobody") == []
