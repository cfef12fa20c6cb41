"""A screen in a window of its own: the view, a Close button, and no closing while its
background work still reports to it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from typing_extensions import override

from app.ui import common, tasks


class ScreenDialog(QDialog):
    """A desk, bundle, handover or verify screen in a window of its own.

    It stays open while ``busy()`` says work still reports to it (by default: while any
    background task runs).
    """

    def __init__(
        self,
        title: str,
        view: QWidget,
        parent: QWidget | None = None,
        *,
        size: tuple[int, int] = (1040, 680),
        busy: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ScreenDialog")
        self.setWindowTitle(title)
        self.view = view
        self._busy = busy or (lambda: tasks.running() > 0)
        close = QPushButton(common.close_text())
        close.setObjectName("close_button")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        root = QVBoxLayout(self)
        root.addWidget(view, 1)
        root.addLayout(row)
        self.resize(*size)

    @override
    def reject(self) -> None:
        if self._busy():
            return  # a background task still reports to this screen
        super().reject()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy():
            event.ignore()
            return
        super().closeEvent(event)

    @classmethod
    def ask(cls, title: str, view: QWidget, parent: QWidget | None = None) -> None:
        """Show ``view`` until the user closes it."""
        common.run_modal(cls(title, view, parent))
