"""Starting the GUI: language, excepthook, data dir, first run or login, the main window.

``lindungi --demo`` opens a fresh temporary data dir set up as the kabupaten with the 1,333
participants of 2022 and logs in as the demo administrator, so that a newcomer lands in the
app: the only sign-in without a password, on a data dir thrown away at exit.

For automation, ``LINDUNGI_USER`` and ``LINDUNGI_PASSWORD`` sign in without the login
dialog, through the same check (key derivation, lockout, history) as the dialog; a wrong
password shows the login dialog with the reason. The environment variable
``LINDUNGI_QUIT_AFTER_SHOW`` (``main`` or ``login``) makes the app quit as soon as that
window is shown, printing the seconds since the process started (and, with the
automation sign-in, when the credentials were submitted): the start-up benchmark uses it.
It never signs anyone in: ``main`` reaches the main window only on ``--demo`` or with the
automation sign-in.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import i18n, logsetup, settings
from app.errors import AppError
from app.paths import data_dir, resource
from app.services import preload, vault
from app.services.actor import DEMO_ADMIN, Actor
from app.ui import common
from app.ui.bus import Changes, bus

if TYPE_CHECKING:
    from app.services.context import Context
    from app.ui.mainwindow import MainWindow
    from app.ui.session import Session

log = logging.getLogger(__name__)

QUIT_AFTER_SHOW = preload.QUIT_AFTER_SHOW
DEMO_PARTICIPANTS = 1333
DEMO_SEED = 2022

_translators: list[QTranslator] = []  # kept alive as long as the application


# --- language -----------------------------------------------------------------------------


def choose_language(args: argparse.Namespace, ctx: Context | None) -> str:
    """``--lang``, then ``LINDUNGI_LANG``, then the setting, else Indonesian."""
    if getattr(args, "lang", None) in i18n.LANGUAGES:
        return str(args.lang)
    env = os.environ.get("LINDUNGI_LANG")
    if env in i18n.LANGUAGES:
        return str(env)
    if ctx is not None and "language" in settings.SETTINGS and ctx.is_set_up:
        from app.services import prefs

        value = prefs.get(ctx, "language")
        if value in i18n.LANGUAGES:
            return str(value)
    return "id"


def apply_language(app: QApplication, lang: str) -> None:
    """Use ``lang`` for the core's messages and the UI's strings (English needs no file)."""
    i18n.set_language(lang)
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if lang == "id":
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        translator = QTranslator(app)
        qm = resource("translations", "lindungi_id.qm")
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _translators.append(translator)
        else:
            log.warning("translation not loaded: %s", qm)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Indonesia))


# --- bugs ---------------------------------------------------------------------------------


def install_excepthook(log_path: Path | None) -> None:
    """Send every unexpected exception to the log and tell the user where the log is.

    PySide6 hands exceptions raised in slots to ``sys.excepthook``; nothing is printed,
    because a windowed build has no console (``sys.stderr`` is None).
    """
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(exc, AppError) and QApplication.instance() is not None:
            # An expected failure that a slot did not catch (the register busy with another
            # process, a full disk): its own message, not the bug box.
            log.warning("%s: %s", exc_type.__name__, exc.code)
            common.show_app_error(QApplication.activeWindow(), exc)
            return
        log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        if showing or QApplication.instance() is None:
            return
        showing = True
        try:
            where = str(log_path) if log_path else "-"
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                "Lindungi",
                i18n.render("bug", log=where),
                QMessageBox.StandardButton.Ok,
            )
            box.button(QMessageBox.StandardButton.Ok).setText(
                QApplication.translate("Common", "OK")
            )
            common.run_modal(box)
        finally:
            showing = False

    sys.excepthook = hook


# --- start --------------------------------------------------------------------------------


_since_process_start = preload.since_process_start


def _report_and_quit(app: QApplication, what: str) -> None:
    if sys.stdout is not None:
        print(f"{what} shown after {_since_process_start():.3f} s", flush=True)
    app.exit(0)


def make_demo(path: Path) -> Context:
    """A fresh data dir at ``path``: the kabupaten with the 1,333 participants of 2022."""
    from app.domain.install import Role as InstallRole
    from app.services import demo  # only for the demo: not imported before a login shows
    from app.services.context import open_data_dir
    from app.services.setup import setup_install

    ctx = open_data_dir(path)
    setup_install(ctx, DEMO_ADMIN, role=InstallRole.KABUPATEN)
    demo.generate(ctx, DEMO_ADMIN, DEMO_PARTICIPANTS, seed=DEMO_SEED)
    return ctx


def sign_in_flow(path: Path) -> tuple[Context, Actor] | None:
    """The sign-in that opens an encrypted register: the automation sign-in, else the
    login; None when the user quits."""
    from app.ui.login import LoginDialog, load_store_meanwhile, store_loaded

    problem = ""
    taken = preload.credentials()
    if taken is not None:
        name, secret = taken
        early = preload.take_unlocking(path, name, secret)
        if early is None:
            preload.note_submitted()
        store_loaded()
        from app.services import accounts

        try:
            return accounts.sign_in(path, name, secret, unlock=early.result if early else None)
        except AppError as exc:
            log.warning("automation sign-in of %s refused: %s", name, exc.code)
            problem = str(exc)
    dialog = LoginDialog(path, message=problem)
    # Once the login is painted, while the user types: the modules that signing in needs.
    QTimer.singleShot(0, load_store_meanwhile)
    common.run_modal(dialog)
    if dialog.actor is None or dialog.ctx is None:
        return None
    return dialog.ctx, dialog.actor


def _after_sign_in(ctx: Context, actor: Actor) -> Actor | None:
    """A new password first when an administrator reset it; accounts waiting for a reset
    since the register was encrypted are named to an administrator."""
    from app.services import accounts
    from app.services.actor import Role
    from app.ui.login import ChangePasswordDialog

    waiting = accounts.waiting_for_reset(ctx)
    if waiting and actor.role is Role.ADMIN and not os.environ.get(QUIT_AFTER_SHOW):
        common.info(None, i18n.render("signin.waiting_reset", names=", ".join(waiting)))
    if accounts.must_change(ctx, actor.username):
        return ChangePasswordDialog.ask(ctx, actor)
    return actor


def login_flow(ctx: Context) -> Actor | None:
    """First run (wizard), a missing administrator, the automation sign-in, or the login
    (then a new password when an administrator reset it); None when the user quits."""
    from app.services import accounts
    from app.ui.login import ChangePasswordDialog, LoginDialog

    if not ctx.is_set_up or not accounts.has_admin(ctx):
        from app.ui.wizard import FirstRunWizard  # brings setup and the key store

        return FirstRunWizard.ask(ctx)
    actor: Actor | None = None
    problem = ""
    taken = preload.credentials()
    if taken is not None:
        name, secret = taken
        preload.note_submitted()
        try:
            actor = accounts.login(ctx, name, secret)
        except AppError as exc:
            log.warning("automation sign-in of %s refused: %s", name, exc.code)
            problem = str(exc)
    if actor is None:
        actor = LoginDialog.ask(ctx, message=problem)
    if actor is not None and accounts.must_change(ctx, actor.username):
        return ChangePasswordDialog.ask(ctx, actor)
    return actor


def _opens_with_sign_in(path: Path) -> bool:
    """Whether the register opens only through a sign-in; the usual case (an encrypted
    register with accounts) is read from the key vault alone, without importing the store."""
    if vault.needs_sign_in(path):
        return True
    from app.services import accounts

    return accounts.opens_with_sign_in(path)


def run_gui(args: argparse.Namespace) -> int:
    """Start the GUI; returns the exit code."""
    quit_after = os.environ.get(QUIT_AFTER_SHOW, "")
    temp_dir: Path | None = None
    if getattr(args, "demo", False):
        temp_dir = Path(tempfile.mkdtemp(prefix="lindungi-demo-"))
        path = temp_dir
    else:
        path = data_dir(getattr(args, "data_dir", None))
    log_path = logsetup.configure(path, bool(getattr(args, "verbose", False)))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Lindungi")
    app.setOrganizationName("Lindungi")
    icon = resource("icons", "lindungi.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    apply_language(app, choose_language(args, None))
    install_excepthook(log_path)

    actor: Actor | None = None
    try:
        if temp_dir:
            ctx = make_demo(path)
            actor = DEMO_ADMIN
        elif _opens_with_sign_in(path):
            # The password unwraps the register's key: the login comes before it opens.
            if quit_after == "login":
                QTimer.singleShot(0, lambda: _report_and_quit(app, "login"))
            signed = sign_in_flow(path)
            if signed is None:
                return 0
            ctx, actor = signed
        else:
            from app.services.context import open_data_dir

            ctx = open_data_dir(path)
    except AppError as exc:
        log.error("cannot open the data dir: %s", exc.code)
        common.error(None, str(exc))
        return 1
    try:
        lang = choose_language(args, ctx)
        if lang != i18n.language():
            apply_language(app, lang)
        if actor is None:
            if quit_after == "login":
                QTimer.singleShot(0, lambda: _report_and_quit(app, "login"))
            actor = login_flow(ctx)
        elif temp_dir is None:
            actor = _after_sign_in(ctx, actor)
        if actor is None:
            return 0
        from app.ui.session import Session

        session = Session(ctx, actor, demo=temp_dir is not None)
        if not quit_after:
            from app.ui.safety_views import unlock_key

            unlock_key(None, session)
        return _main_window(app, session, quit_after)
    finally:
        ctx.close()
        if temp_dir is not None:
            logsetup.configure(None)
            shutil.rmtree(temp_dir, ignore_errors=True)


@dataclass
class _Current:
    """The main window and whose session it is (another account may sign in at the lock)."""

    window: MainWindow
    session: Session


def _main_window(app: QApplication, session: Session, quit_after: str) -> int:
    from app.services import prefs
    from app.ui.idle import IdleLock
    from app.ui.login import LoginDialog
    from app.ui.mainwindow import MainWindow
    from app.ui.session import Session

    current = _Current(MainWindow(session), session)
    idle: IdleLock | None = None
    if not session.demo:

        def unlock(reason: str) -> bool:
            now = current.session
            actor = LoginDialog.ask(now.ctx, now.actor.username, current.window, locked=reason)
            if actor is None:
                return False
            if actor != now.actor:
                switch_user(actor)
            return True

        def switch_user(actor: Actor) -> None:
            """Another account signed in at the lock screen: the windows of the one before
            close (unsaved typing in them is lost) and a main window of its own opens."""
            old, before = current.window, current.session
            log.info("switched user from %s to %s", before.actor.username, actor.username)
            fresh = Session(before.ctx, actor)
            window = MainWindow(fresh)
            assert idle is not None
            window.lock_action.triggered.connect(idle.lock_by_hand)
            current.window, current.session = window, fresh
            window.show()
            for top in app.topLevelWidgets():
                if top is not window and top.isVisible():
                    top.close()
            old.deleteLater()

        minutes = int(prefs.get(session.ctx, "idle_lock_minutes"))
        idle = IdleLock(unlock, minutes, app)
        current.window.lock_action.triggered.connect(idle.lock_by_hand)

        def settings_changed(changes: Changes) -> None:
            if changes.settings and idle is not None:
                idle.set_minutes(int(prefs.get(session.ctx, "idle_lock_minutes")))

        bus().changed.connect(settings_changed)
    window = current.window
    if window.start_maximized:
        window.showMaximized()
    else:
        window.show()
    if quit_after == "main":
        QTimer.singleShot(0, lambda: _report_and_quit(app, "main window"))
    else:
        from app.ui.safety_views import check_in_background

        # After the window shows, never delaying it: integrity check and the daily backup.
        QTimer.singleShot(1500, lambda: check_in_background(current.window, current.session))
    code = app.exec()
    if idle is not None:
        idle.stop()
    from app.ui.tasks import finish_all

    finish_all()  # e.g. the dashboard's figures, when the window closes at once
    if not quit_after:
        from app.ui.safety_views import backup_on_exit

        backup_on_exit(current.session)
    common.dispose_windows(app)
    return int(code)
