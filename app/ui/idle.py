"""Locking the window after a pause: an application event filter restarts a timer on every
key press and mouse action; when it runs out, the windows are covered and the same user
must log in again."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsOpacityEffect, QWidget
from typing_extensions import override

log = logging.getLogger(__name__)

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleLock(QObject):
    """Calls ``unlock()`` (which asks for the password) after ``minutes`` without input.

    Args:
        unlock: shows the login dialog for the current user; returns True when the user
            logged in again, False when they chose to quit.
        minutes: 0 switches the lock off.
    """

    def __init__(self, unlock: Callable[[], bool], minutes: int, parent: QObject | None = None):
        super().__init__(parent)
        self._unlock = unlock
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        """Change the idle time (0 = never lock)."""
        self.minutes = minutes
        if minutes > 0:
            self.timer.setInterval(minutes * 60_000)
            self.timer.start()
        else:
            self.timer.stop()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and self.minutes > 0 and event.type() in _ACTIVITY:
            self.timer.start()
        return False

    def lock(self) -> None:
        """Cover every window and ask the user to log in again."""
        if self.locked:
            return
        self.locked = True
        log.info("window locked after idle time")
        covered = self._cover()
        try:
            ok = self._unlock()
        finally:
            self._uncover(covered)
            self.locked = False
        if ok:
            self.set_minutes(self.minutes)
        else:
            app = QApplication.instance()
            if app is not None:
                app.quit()

    def _cover(self) -> list[QWidget]:
        """Make the contents of every open window invisible (nothing is closed or lost)."""
        covered: list[QWidget] = []
        for top in QApplication.topLevelWidgets():
            if not top.isVisible():
                continue
            for child in top.findChildren(QWidget):
                if child.parentWidget() is top and child.isVisible():
                    effect = QGraphicsOpacityEffect(child)
                    effect.setOpacity(0.0)
                    child.setGraphicsEffect(effect)
                    covered.append(child)
        return covered

    def _uncover(self, covered: list[QWidget]) -> None:
        for child in covered:
            try:
                child.setGraphicsEffect(None)  # type: ignore[arg-type]
            except RuntimeError:  # the widget was deleted meanwhile
                continue

    def stop(self) -> None:
        """Stop watching (at exit)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
