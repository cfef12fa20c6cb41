"""The one path for slow work: a function run on a worker thread, with progress and cancel.

The function receives a ``progress(done, total) -> bool`` callback; it returns False once the
user asked to cancel, and the service then stops (raising its own cancellation error). The
function opens its own database session through the service it calls; widgets are touched
only by the slots connected to the signals below, which Qt runs on the main thread (the
task object lives there, so signals emitted by the worker are queued to it).

A running task is kept referenced here until its thread has really finished: dropping the
last reference to a running ``QThread`` would destroy it under the worker's feet.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget
from typing_extensions import override

from app.domain.progress import Progress as Progress

log = logging.getLogger(__name__)


_running: set[Task] = set()


class Task(QThread):
    """Run ``work(progress)`` on its own thread; report progress, result or failure."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._work = work
        self._cancel = threading.Event()
        self.finished.connect(self._forget)

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self._cancel.is_set()

    @override
    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as exc:  # handed to the main thread: AppError shown, bugs re-raised
            log.debug("task failed: %s", type(exc).__name__)
            self.failed.emit(exc)
        else:
            self.done.emit(result)

    @override
    def start(self, priority: QThread.Priority = QThread.Priority.InheritPriority) -> None:
        """Start the worker thread; the task stays referenced until it has finished."""
        _running.add(self)
        super().start(priority)

    def _forget(self) -> None:
        _running.discard(self)


def running() -> int:
    """How many tasks have not finished yet (tests wait for zero)."""
    return len(_running)


def finish_all() -> None:
    """Ask every running task to stop and wait until its thread has ended (the application
    is quitting: a thread still running when Python exits takes the process down)."""
    for task in list(_running):
        task.cancel()
    for task in list(_running):
        task.wait()


class TaskRunner:
    """One background task at a time for a view: a progress bar, a message, buttons off.

    An expected failure (``AppError``) is shown in the message label; anything else is a bug
    and goes on to the excepthook.
    """

    def __init__(
        self, progress: QProgressBar, message: QLabel, buttons: Sequence[QWidget] = ()
    ) -> None:
        self.progress = progress
        self.message = message
        self.buttons: list[QWidget] = list(buttons)
        self.task: Task | None = None
        progress.setVisible(False)

    @property
    def busy(self) -> bool:
        """True while a task runs."""
        return self.task is not None

    def run(self, work: Callable[[Progress], Any], done: Callable[[Any], None]) -> None:
        """Start ``work`` on a worker thread; ``done(result)`` runs on the main thread."""
        from app.ui import common

        common.set_message(self.message, "")
        task = Task(work)
        task.progress.connect(self._progress)
        task.done.connect(lambda result: self._finished(task, done, result))
        task.failed.connect(lambda exc: self._failed(task, exc))
        self.task = task
        self._set_busy(True)
        task.start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, task: Task, done: Callable[[Any], None], result: Any) -> None:
        if task is not self.task:
            return
        self.task = None
        self._set_busy(False)
        done(result)

    def _failed(self, task: Task, exc: BaseException) -> None:
        from app.errors import AppError
        from app.ui import common

        if task is not self.task:
            return
        self.task = None
        self._set_busy(False)
        if isinstance(exc, AppError):
            common.set_message(self.message, str(exc))
            return
        raise exc  # a bug: to the excepthook

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        for b in self.buttons:
            b.setEnabled(not busy)
