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


def raw_for(db: Path, isolation_level: str | None = "", near: Path | None = None) -> Any:
    """:func:`raw` for a register or backup file of a test's data dir: its key is found in
    the vault beside it (or beside ``near``, a file it was copied from; one folder up, for
    ``backups/``; or in a data dir next to it, for a backup written with ``--out``); none
    for a plaintext file. A backup behind its key's wraps is read from a copy of its
    database part."""
    from app.services.backup import KEYED_MAGIC
    from app.store.engine import is_plaintext

    data = db.read_bytes() if db.is_file() else b""
    if data.startswith(KEYED_MAGIC):
        head = len(KEYED_MAGIC)
        size = int.from_bytes(data[head : head + 4], "big")
        inner = db.with_name(db.name + ".inner.sqlite")
        inner.write_bytes(data[head + 4 + size :])
        near, db = near or db, inner
    key = None
    if not is_plaintext(db):
        where = near or db
        folders = [where.parent, where.parent.parent]
        folders += sorted(p for p in where.parent.iterdir() if (p / vault.VAULT_FILENAME).is_file())
        for folder in folders:
            if vault.load(folder) is not None:
                key = key_of(folder)
                break
    con = raw(db, key)
    con.isolation_level = isolation_level
    return con
