"""An open window learns at once that another desk restored the register: within its
change marker's interval it shows the banner and the message (Indonesian), stops every
action but closing, and writes no more heartbeats.

Needs a server (``LINDUNGI_TEST_PG``, tests/pg.py) and pg_dump/pg_restore: skipped without
them, except under CI, where the server is required.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services import participants, pgbackup
from app.services.actor import Role
from app.services.context import Context
from app.ui import desks as desks_ui
from app.ui.mainwindow import MainWindow
from tests.actors import ADMIN
from tests.conftest import MakeParticipant
from tests.integration.pg_register import create_database, open_register, pg_database, pg_kabupaten
from tests.ui.conftest import MakeSession, Messages

__all__ = ["pg_database", "pg_kabupaten"]  # fixtures

SHOT = "replaced-banner.png"


@pytest.mark.skipif(not pgbackup.tools_present(), reason="pg_dump/pg_restore are not on the PATH")
def test_an_open_window_is_told_at_once_that_another_desk_restored(
    qtbot: QtBot,
    pg_kabupaten: Context,
    make_participant: MakeParticipant,
    make_session: MakeSession,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    desk_a = pg_kabupaten
    participants.register(desk_a, ADMIN, make_participant(serial=1))
    assert desk_a.db.server is not None
    desk_b = open_register(tmp_path / "desk-b", desk_a.db.server)
    monkeypatch.setattr(desks_ui, "TICK_MS", 200)  # the marker's 5 s, shortened for the test
    window = MainWindow(make_session(desk_b, Role.SUPERVISOR, name="rina"))
    qtbot.addWidget(window)
    window.resize(1100, 560)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.model.complete)
        window.desks.settle()
        assert not window.replaced_banner.isVisible()

        # Desk A backs up, registers one more, and restores the backup into a new database.
        path = pgbackup.dump(desk_a, desk_a.backups_dir / "before.pgdump")
        participants.register(desk_a, ADMIN, make_participant(serial=2))
        restored = create_database().database
        assert pgbackup.restore(desk_a, ADMIN, path, restored) == 1

        # Desk B's window, left alone, finds out by itself within its interval.
        qtbot.waitUntil(window.replaced_banner.isVisible, timeout=5000)
        shown = window.replaced_banner.text.text()
        old = desk_b.db.server.database if desk_b.db.server else "?"
        assert shown.startswith(
            f"Cadangan register ini telah dipulihkan ke basis data {restored}. "
            f"Basis data {old}, yang masih ditampilkan jendela ini, tidak digunakan lagi"
        ), shown
        assert "Tutup Lindungi lalu buka lagi" in shown
        assert f"Dipulihkan oleh {ADMIN.username} pada " in shown
        assert messages.errors == [shown]  # and once as a message box
        assert window.replaced_banner.button.text() == "Tutup Lindungi"
        window.grab().save(str(tmp_path / SHOT))

        # Nothing more is offered but closing; no more heartbeats are written.
        assert not window.content.isEnabled()
        assert not window.new_action.isEnabled() and not window.import_action.isEnabled()
        assert not any(a.isEnabled() for a in window.screen_actions.values())
        assert window.quit_action.isEnabled()
        assert window.desks.gone is not None
        assert not window.desks._timer.isActive()
    finally:
        window.replaced_banner.button.click()
        desk_b.close()
    assert not window.isVisible()
