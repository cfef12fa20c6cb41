"""Starting the GUI: ``--demo`` end to end, the login at start, a data dir that cannot be
used, the excepthook, the language, and keyboard shortcuts that do not collide."""

from __future__ import annotations

import argparse
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMenu,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.errors import StorageError
from app.i18n import render
from app.services import accounts, audit, vault
from app.services.actor import Role
from app.services.context import Context
from app.ui import start
from app.ui.form import ParticipantForm
from app.ui.importer import ImportDialog
from app.ui.login import LoginDialog
from app.ui.mainwindow import MainWindow
from app.ui.wizard import FirstRunWizard
from tests.actors import ADMIN
from tests.conftest import MakeCtx
from tests.opening import open_as
from tests.ui.conftest import MakeSession, Messages

ROOT = Path(__file__).resolve().parents[2]


def run_app(
    *args: str,
    quit_after: str,
    data_dir: Path | None = None,
    extra: dict[str, str] | None = None,
    script: str = "",
) -> str:
    """The output of ``python -m app`` (or of ``script``, which calls app.main itself)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LINDUNGI_QUIT_AFTER_SHOW=quit_after)
    env.pop("LINDUNGI_LANG", None)
    env.update(extra or {})
    cmd = [sys.executable, "-c", script] if script else [sys.executable, "-m", "app"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    done = subprocess.run(
        [*cmd, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_demo_starts_on_the_main_window() -> None:
    out = run_app("--demo", quit_after="main")
    assert re.search(r"main window shown after \d+\.\d+ s", out)


def test_a_set_up_data_dir_starts_with_the_login(make_ctx: MakeCtx, tmp_path: Path) -> None:
    ctx = make_ctx("kecamatan", name="office")
    accounts.add_user(ctx, ADMIN, "rina", Role.ADMIN, "rahasia-123")
    ctx.close()
    out = run_app(quit_after="login", data_dir=tmp_path / "office")
    assert "login shown after" in out


# Runs the real start (app.main) and notes which modules were loaded when the login showed.
_LOADED_AT_LOGIN = """
import sys
from app.ui import start

seen = []
report = start._report_and_quit


def noting(app, what):
    seen.extend(sorted(m for m in ("sqlalchemy", "app.store.engine", "app.services.accounts")
                       if m in sys.modules))
    report(app, what)


start._report_and_quit = noting
from app.main import main

code = main(sys.argv[1:])
print("loaded at login:", " ".join(seen) or "-")
sys.exit(code)
"""


def test_the_login_shows_before_the_store_is_imported(make_ctx: MakeCtx, tmp_path: Path) -> None:
    """The login needs only the key vault: SQLAlchemy and the store load after it shows."""
    ctx = make_ctx("kecamatan", name="office")
    accounts.first_admin(ctx, "rina", "rahasia-123")
    ctx.close()
    out = run_app(quit_after="login", data_dir=tmp_path / "office", script=_LOADED_AT_LOGIN)
    assert "login shown after" in out
    assert "loaded at login: -" in out, out


def test_automation_signs_in_from_the_environment(make_ctx: MakeCtx, tmp_path: Path) -> None:
    ctx = make_ctx("kecamatan", name="office")
    accounts.first_admin(ctx, "rina", "rahasia-123")
    ctx.close()
    env = {"LINDUNGI_USER": "rina", "LINDUNGI_PASSWORD": "rahasia-123"}
    out = run_app(quit_after="main", data_dir=tmp_path / "office", extra=env)
    assert "main window shown after" in out
    ctx = open_as(tmp_path / "office", "rina", "rahasia-123")
    try:
        actions = [e.action for e in audit.entries(ctx, ADMIN)]
    finally:
        ctx.close()
    assert actions.count("login") == 1  # through the same check as the login dialog


# The automation sign-in's start, noting the key derivations and whether Qt was loaded when
# the register's modules were; a login shown instead of the main window prints its message.
_EARLY = """
import sys
from app.services import preload, vault

derived = []
qt_before_store = []
derive, load = vault.derive, preload.import_store


def counting(*args, **kwargs):
    derived.append(1)
    return derive(*args, **kwargs)


def shown(dialog):
    print("login shown with:", dialog.message.text())
    return 0


def loading():
    qt_before_store.append("PySide6" in sys.modules)
    load()
    from app.ui import common  # Qt may load now

    common.run_modal = shown


vault.derive, preload.import_store = counting, loading
from app.main import main

code = main(sys.argv[1:])
print("derived:", len(derived), "qt before store:", qt_before_store)
sys.exit(code)
"""


def test_the_automation_sign_in_derives_the_key_while_qt_loads(
    make_ctx: MakeCtx, tmp_path: Path
) -> None:
    """The register's modules load before Qt, the key once, in its own thread; a wrong
    password counts once and shows the login with the reason."""
    ctx = make_ctx("kecamatan", name="office")
    accounts.first_admin(ctx, "rina", "rahasia-123")
    ctx.close()
    env = {"LINDUNGI_USER": "rina", "LINDUNGI_PASSWORD": "rahasia-123"}
    out = run_app(quit_after="main", data_dir=tmp_path / "office", extra=env, script=_EARLY)
    assert "main window shown after" in out
    assert "derived: 1 qt before store: [False]" in out, out
    env["LINDUNGI_PASSWORD"] = "salah-salah"
    out = run_app(quit_after="main", data_dir=tmp_path / "office", extra=env, script=_EARLY)
    assert f"login shown with: {render('login.failed')}" in out, out
    assert "derived: 1" in out
    assert vault.lock_state(vault.load(tmp_path / "office"), "rina")[0] == 1  # counted once


def test_a_data_dir_that_cannot_be_used_is_refused(
    qapp: QApplication, tmp_path: Path, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    args = argparse.Namespace(data_dir=str(blocker), lang=None, demo=False, verbose=False)
    assert start.run_gui(args) == 1
    assert len(messages.errors) == 1 and str(blocker) in messages.errors[0]
    logging.getLogger().handlers[:] = [
        h for h in logging.getLogger().handlers if not getattr(h, "_lindungi", False)
    ]


def test_the_excepthook_logs_and_names_the_log(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

    def fake_exec(self: QMessageBox) -> int:
        shown.append(self.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    log = tmp_path / "logs" / "lindungi.log"
    start.install_excepthook(log)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        with caplog.at_level(logging.CRITICAL):
            sys.excepthook(ValueError, exc, exc.__traceback__)
    assert shown == [render("bug", log=str(log))]
    assert "boom" in caplog.text


def test_an_expected_failure_reaching_the_excepthook_shows_its_own_message(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: Messages
) -> None:
    """The register busy with another process, raised from a slot that does not catch it:
    the user reads what to do, not the bug box."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    start.install_excepthook(tmp_path / "logs" / "lindungi.log")
    exc = StorageError("db.busy", seconds=15)
    sys.excepthook(StorageError, exc, None)
    assert messages.errors == [render("db.busy", seconds=15)]
    assert "Register sedang dipakai proses lain" in messages.errors[0]


def test_the_language_comes_from_the_option_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ns = argparse.Namespace(lang="en")
    assert start.choose_language(ns, None) == "en"
    monkeypatch.setenv("LINDUNGI_LANG", "en")
    assert start.choose_language(argparse.Namespace(lang=None), None) == "en"
    monkeypatch.delenv("LINDUNGI_LANG")
    assert start.choose_language(argparse.Namespace(lang=None), None) == "id"


def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter shortcuts of the labels and buttons a user sees together."""
    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, QLabel | QAbstractButton):
            m = re.search(r"&([^&\s])", w.text())
            if m:
                out.append(m.group(1).lower())
    return out


def test_keyboard_shortcuts_do_not_collide(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession, make_ctx: MakeCtx
) -> None:
    session = make_session(kecamatan_ctx, Role.SUPERVISOR)
    accounts.add_user(kecamatan_ctx, ADMIN, "rina", Role.ADMIN, "rahasia-123")
    fresh = make_ctx("kecamatan", name="fresh", setup=False)
    widgets: list[QWidget] = [
        ParticipantForm(session),
        ImportDialog(session),
        LoginDialog(kecamatan_ctx),
    ]
    wizard = FirstRunWizard(fresh)
    widgets.append(wizard)
    for w in widgets:
        qtbot.addWidget(w)
        w.show()
        letters = mnemonics(w)
        assert len(letters) == len(set(letters)), (type(w).__name__, sorted(letters))
    wizard.next()
    letters = mnemonics(wizard)
    assert len(letters) == len(set(letters)), sorted(letters)
    window = MainWindow(session)
    qtbot.addWidget(window)
    for menu in window.menuBar().actions():
        sub = menu.menu()
        assert isinstance(sub, QMenu)
        keys = [
            m.group(1).lower()
            for a in sub.actions()
            if (m := re.search(r"&([^&\s])", a.text())) and a.isVisible()
        ]
        assert len(keys) == len(set(keys)), (menu.text(), sorted(keys))
