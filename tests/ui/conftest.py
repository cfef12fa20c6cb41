"""Fixtures of the GUI tests: the Indonesian translator, sessions, and dialogs faked.

Every test runs offscreen (``tests/conftest.py`` sets ``QT_QPA_PLATFORM``). Modal message
boxes would block a test, so ``app.ui.common``'s ``error``/``info``/``confirm`` are replaced
by recorders for every test; a test that expects a message reads ``messages``.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QApplication

from app.services import demo
from app.services.actor import Actor, Role
from app.services.context import Context
from app.ui import common
from app.ui.session import Session
from app.ui.start import apply_language
from tests.actors import ADMIN


@pytest.fixture(autouse=True)
def _indonesian_ui(qapp: QApplication) -> Iterator[None]:
    """The UI in its default language, with our translator installed."""
    apply_language(qapp, "id")
    yield
    apply_language(qapp, "id")


@pytest.fixture(scope="session", autouse=True)
def _heap_unfrozen_at_exit() -> Iterator[None]:
    """Give back to the collector what :func:`_no_widget_outlives_its_test` froze, so that
    the interpreter's clean-up at exit sees every object (extension modules check)."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def _no_widget_outlives_its_test(qapp: QApplication) -> Iterator[None]:
    """Delete every top-level widget a test left behind, as the application does at exit.

    A view that a test made without a parent (a faked ``ask`` drops it) stays alive through
    the lambdas its buttons hold; the next test must not inherit it, and PySide's clean-up
    at interpreter exit must not be left a pile of windows to delete in its own order.
    """
    yield
    common.dispose_windows(qapp)
    gc.collect()
    # What survives is long-lived (modules, caches): frozen, the next test's collection scans
    # only what that test made. Unfrozen, each one scanned the whole heap, half a million
    # objects after the other trees had run: over a second per GUI test.
    gc.freeze()


@dataclass
class Messages:
    """What the faked message boxes were asked to show."""

    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    answer: bool = True


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    """Record message boxes instead of showing them; ``confirm`` answers ``answer``."""
    box = Messages()
    monkeypatch.setattr(common, "error", lambda _parent, text: box.errors.append(text))
    monkeypatch.setattr(common, "info", lambda _parent, text: box.infos.append(text))

    def confirm(_parent: object, text: str) -> bool:
        box.questions.append(text)
        return box.answer

    monkeypatch.setattr(common, "confirm", confirm)
    return box


MakeSession = Callable[..., Session]


@pytest.fixture
def make_session() -> MakeSession:
    """``make_session(ctx, Role.OPERATOR, name="ani")``: a logged-in session on ``ctx``."""

    def make(ctx: Context, role: Role = Role.ADMIN, name: str | None = None) -> Session:
        return Session(ctx, Actor(name or role.value, role))

    return make


@pytest.fixture
def populated_ctx(kecamatan_ctx: Context) -> Context:
    """The kecamatan install with 60 demo participants (approved)."""
    demo.generate(kecamatan_ctx, ADMIN, 60, seed=11)
    return kecamatan_ctx
