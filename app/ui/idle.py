"""The lock screen: after a pause (an application event filter restarts a timer on every
key press and mouse action) or by hand, every window is covered by an opaque panel, so that
nothing of the register shows, and the login asks who continues."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget
from typing_extensions import override

log = logging.getLogger(__name__)

IDLE = "idle"
BY_HAND = "by_hand"

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class Cover(QWidget):
    """An opaque panel over the whole of one window, following its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("LockCover")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Dark))
        self.setPalette(palette)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        elif event.type() == QEvent.Type.ChildAdded:
            self.raise_()  # a widget added while locked goes under the cover too
        return False

    def remove(self) -> None:
        """Uncover the window."""
        parent = self.parentWidget()
        if parent is not None:
            parent.removeEventFilter(self)
        self.hide()
        self.deleteLater()


class IdleLock(QObject):
    """Calls ``unlock(reason)`` (which asks for a password) after ``minutes`` without input
    (reason :data:`IDLE`) or on :meth:`lock_by_hand` (reason :data:`BY_HAND`).

    Args:
        unlock: shows the login on the lock screen; returns True when someone signed in,
            False when they chose to quit.
        minutes: 0 switches the idle lock off.
    """

    def __init__(
        self, unlock: Callable[[str], bool], minutes: int, parent: QObject | None = None
    ) -> None:
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

    def lock_by_hand(self) -> None:
        """Lock now (the menu's Lock, Ctrl+L)."""
        self.lock(BY_HAND)

    def lock(self, reason: str = IDLE) -> None:
        """Cover every window and ask who continues."""
        if self.locked:
            return
        self.locked = True
        log.info("window locked (%s)", reason)
        covers = self._cover()
        try:
            ok = self._unlock(reason)
        finally:
            for cover in covers:
                try:
                    cover.remove()
                except RuntimeError:  # its window was deleted meanwhile
                    continue
            self.locked = False
        if ok:
            self.set_minutes(self.minutes)
        else:
            app = QApplication.instance()
            if app is not None:
                app.quit()

    def _cover(self) -> list[Cover]:
        """Hide the contents of every open window (nothing is closed or lost)."""
        return [Cover(top) for top in QApplication.topLevelWidgets() if top.isVisible()]

    def stop(self) -> None:
        """Stop watching (at exit)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
