"""One application signal that says what changed; each view decides what to redraw.

A slot that called a service announces what the service changed (``bus().changed.emit(...)``);
the list, the record view and the status bar listen and refresh themselves, so that no
screen has to know which other screens are open.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Changes:
    """What a user action changed."""

    participants: bool = False
    accounts: bool = False
    settings: bool = False


class Bus(QObject):
    """Carries :class:`Changes` from the slot that made them to every view."""

    changed = Signal(object)

    def announce(self, changes: Changes) -> None:
        """Tell every view what changed."""
        self.changed.emit(changes)


_bus: Bus | None = None


def bus() -> Bus:
    """The application's bus (created on first use, on the main thread)."""
    global _bus
    if _bus is None:
        _bus = Bus()
    return _bus
