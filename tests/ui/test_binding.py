"""The Qt binding keeps Python's reference counts: a long day at the office does not crash.

PySide6 6.12.0 on Python 3.11 took one reference from ``None`` on every call of a Qt method
that returns nothing (``setText``, ``setEnabled``, …). ``None`` is not immortal before
Python 3.12, so after enough calls the interpreter aborted ("deallocating None"), at the
latest when it shut down. ``pyproject.toml`` keeps that release out; this test fails if a
release with the same fault comes back in.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel

CALLS = 2_000


def test_calls_that_return_nothing_keep_the_reference_count_of_none(qapp: QApplication) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("x")
        label.setEnabled(True)
    # A few references may come and go with caches; a leak of one per call cannot hide.
    assert sys.getrefcount(None) - before > -CALLS // 10
