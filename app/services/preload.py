"""Signing in at start, made ready early. Nothing here imports Qt or the store at import.

The GUI's login shows before the register's modules (SQLAlchemy, the store, the accounts
service) are imported: they load in a background thread while the user types
(:func:`import_store`). With the automation sign-in (``LINDUNGI_USER`` and
``LINDUNGI_PASSWORD``) nothing shows before the main window, so nothing waits for Qt: at
process start the register's modules are imported first (before PySide6, whose import hook
reads the source of every module imported after it, which makes each of them slower), then
the key derivation (Argon2id, which lets other threads run) starts in a thread of its own
while Qt loads (:func:`sign_in_early`); the sign-in takes its key (:func:`take_unlocking`).
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
import time
from pathlib import Path

from app.errors import AppError
from app.services import vault

log = logging.getLogger(__name__)

USER_ENV = "LINDUNGI_USER"
PASSWORD_ENV = "LINDUNGI_PASSWORD"  # noqa: S105  (a variable name, not a password)
QUIT_AFTER_SHOW = "LINDUNGI_QUIT_AFTER_SHOW"

# What signing in and the main window need below the UI (no Qt), in the order they import
# each other; the main window's own modules are imported on the GUI thread.
STORE_MODULES = (
    "app.services.context",
    "app.services.accounts",
    "app.services.encrypt",
    "app.services.chainhead",
    "app.services.keys",
    "app.services.prefs",
    "app.services.participants",
    "app.services.desk",
)


def import_store() -> None:
    """Import :data:`STORE_MODULES`; a failure is logged and left for the sign-in, which
    imports the module again and reports what fails."""
    for name in STORE_MODULES:
        try:
            importlib.import_module(name)
        except Exception:
            log.exception("importing %s ahead of the sign-in failed", name)
            return


_IMPORTED = time.perf_counter()


def since_process_start() -> float:
    """Seconds since this process started (Linux: from /proc; elsewhere since import)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _IMPORTED


def credentials() -> tuple[str, str] | None:
    """The automation sign-in's account and password, when both are set (and the run does
    not stop at the login, as the start-up benchmark's login run does)."""
    name = os.environ.get(USER_ENV, "").strip()
    secret = os.environ.get(PASSWORD_ENV, "")
    if name and secret and os.environ.get(QUIT_AFTER_SHOW) != "login":
        return name, secret
    return None


def note_submitted() -> None:
    """The start-up benchmark times from here (the automation sign-in's credentials taken,
    the key derivation still to come) to the main window."""
    if os.environ.get(QUIT_AFTER_SHOW) and sys.stdout is not None:
        print(f"credentials submitted after {since_process_start():.3f} s", flush=True)


class Unlocking:
    """:func:`vault.unlock` running in a thread of its own."""

    def __init__(self, data_dir: Path, username: str, password: str) -> None:
        self.args = (data_dir, username, password)
        self._key: bytes | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="unlock", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._key = vault.unlock(*self.args)
        except BaseException as exc:  # raised again where the sign-in waits for the key
            self._error = exc

    def result(self) -> bytes:
        """The key; what :func:`vault.unlock` raised is raised here."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._key is not None
        return self._key


_early: Unlocking | None = None


def sign_in_early(data_dir: Path) -> None:
    """At process start, for the automation sign-in of a register that opens with one: the
    register's modules imported, then the key derivation started."""
    global _early
    taken = credentials()
    try:
        if taken is None or not vault.needs_sign_in(data_dir):
            return
    except AppError:  # an unreadable vault: the start reports it
        return
    note_submitted()
    import_store()
    from app.store.engine import DB_FILENAME, is_plaintext

    if is_plaintext(data_dir / DB_FILENAME):
        return  # signed in the way of an earlier release, then encrypted
    # The derivation's own modules, here rather than in its thread: one thread imports.
    from cryptography.exceptions import InvalidTag  # noqa: F401
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: F401
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id  # noqa: F401

    _early = Unlocking(data_dir, *taken)


def take_unlocking(data_dir: Path, username: str, password: str) -> Unlocking | None:
    """The derivation :func:`sign_in_early` started for these credentials, once."""
    global _early
    early, _early = _early, None
    return early if early is not None and early.args == (data_dir, username, password) else None
