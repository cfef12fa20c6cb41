"""Opening a data dir in a test as its administrator would: the register is encrypted, so
reopening one that has accounts takes the key that a password unwraps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.services import vault
from app.services.context import Context, open_data_dir

ADMIN_USER = "admin"
ADMIN_PASSWORD = "rahasia-admin-1"


def open_as(path: Path, user: str = ADMIN_USER, password: str = ADMIN_PASSWORD) -> Context:
    """The data dir at ``path``, opened with ``user``'s password when it needs one (no
    history entry of a sign-in: the test looks at what the command did)."""
    key = vault.unlock(path, user, password) if vault.needs_sign_in(path) else None
    return open_data_dir(path, key)


def key_of(path: Path, user: str = ADMIN_USER, password: str = ADMIN_PASSWORD) -> bytes | None:
    """The register's key of ``path`` (None for a plaintext one)."""
    from app.services.context import database_key

    if vault.needs_sign_in(path):
        return vault.unlock(path, user, password)
    return database_key(path)


def raw(db: Path, key: bytes | None) -> Any:
    """A bare driver connection to the register file ``db`` with its key, as a test reads
    or spoils it behind the app's back."""
    from app.store.engine import connect

    con = connect(db, key)
    con.isolation_level = ""  # the driver's own transactions, as sqlite3.connect gives
    return con
