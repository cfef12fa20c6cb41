"""Opening a data dir: checks, migration with a backup, and the install's identity."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import settings
from app.domain.install import Identity
from app.domain.regions import RegionIndex
from app.errors import AppError, OsReason, StorageError
from app.paths import temp_beside
from app.store import files, repo
from app.store.backup import is_damage
from app.store.engine import DB_FILENAME, Database, is_plaintext, looks_encrypted
from app.store.migrate import needs_upgrade, upgrade

log = logging.getLogger(__name__)


# The note of a card print job between its PDF's rename and its commit (app.services.pending_print).
PENDING_PRINT = "cards-pending.json"


def ensure_writable(path: Path) -> None:
    """Create the data dir if needed and prove it can be written.

    Raises:
        StorageError: the folder cannot be created or written.
    """
    try:
        path.mkdir(parents=True, exist_ok=True)
        # A name of this process's own: two commands starting at once must not remove
        # each other's probe (which read as "the folder does not exist").
        probe = temp_beside(path / ".write-test")
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise StorageError("datadir.not_writable", path=str(path), reason=OsReason(exc)) from exc


@dataclass
class Context:
    """An open data dir: the database and this install's identity."""

    data_dir: Path
    db: Database
    _identity: Identity | None = None
    _regions: RegionIndex | None = field(default=None, repr=False)

    @property
    def backups_dir(self) -> Path:
        """Where automatic and manual backups go."""
        return self.data_dir / "backups"

    @property
    def identity(self) -> Identity:
        """This install's identity.

        Raises:
            AppError: the data dir has not been set up.
        """
        if self._identity is None:
            with self.db.read() as s:
                self._identity = repo.get_identity(s)
        if self._identity is None:
            raise AppError("setup.needed", path=str(self.data_dir))
        return self._identity

    @property
    def is_set_up(self) -> bool:
        """True once ``setup`` has run."""
        try:
            _ = self.identity
        except AppError:
            return False
        return True

    @property
    def regions(self) -> RegionIndex:
        """The install's region table (cached: it changes only with ``regions import``)."""
        if self._regions is None:
            with self.db.read() as s:
                self._regions = RegionIndex(repo.all_regions(s))
        return self._regions

    def forget_cached(self) -> None:
        """Drop cached identity and regions after setup or a region import."""
        self._identity = None
        self._regions = None

    def setting(self, key: str) -> Any:
        """A setting's value, or its declared default."""
        with self.db.read() as s:
            value = repo.get_setting(s, key)
        return settings.default(key) if value is None else value

    def close(self) -> None:
        """Release the database."""
        self.db.close()


def database_key(path: Path) -> bytes | None:
    """The key to open the register of the data dir at ``path`` without a sign-in: a new
    data dir's fresh key (kept unclaimed until its first administrator), or None for a
    plaintext register made before encryption (upgraded at its first sign-in).

    Raises:
        Refused: ``signin.needed``: the register opens only with a sign-in.
        StorageError: a key vault without its register.
    """
    from app.errors import Refused
    from app.services import server, vault

    db_path = path / DB_FILENAME
    stored = vault.load(path)
    if server.uses_server(path) and stored is None:
        raise StorageError("vault.missing", path=str(path))
    exists = (db_path.is_file() and db_path.stat().st_size > 0) or server.uses_server(path)
    if exists and is_plaintext(db_path):
        return None
    unclaimed = vault.unclaimed_key(stored)
    if unclaimed is not None:
        return unclaimed
    if stored is not None:
        if not exists:
            raise StorageError("vault.no_database", path=str(db_path))
        raise Refused("signin.needed", path=str(path))
    if exists:
        if looks_encrypted(db_path):  # encrypted, but its vault is gone
            raise StorageError("vault.missing", path=str(path))
        raise StorageError("db.damaged", path=str(db_path))
    key = vault.fresh_key()
    vault.save(path, vault.new_vault(key))
    return key


def open_data_dir(path: Path, key: bytes | None = None) -> Context:
    """Open (creating if needed) the data dir and bring its database to this version.

    ``key`` is the database key a sign-in unwrapped (app.services.accounts.sign_in);
    without it, only a data dir being set up (or a plaintext one) opens.

    Raises:
        StorageError: not writable, damaged, or written by a newer version.
        Refused: ``signin.needed`` without the key of a register that has accounts.
    """
    ensure_writable(path)
    for sub in ("logs", "backups", "keys"):
        (path / sub).mkdir(exist_ok=True)
    from app.services import restore_journal

    # A restore that a killed process left half way lands now, or is undone.
    if key is None:
        key = database_key(path)
    from app.services import server

    db_path = path / DB_FILENAME
    if server.uses_server(path):  # the kabupaten's register on PostgreSQL
        landed = None
        db = server.open_database(path, key)
    else:
        landed = restore_journal.finish(path, key)
        db = Database(db_path, key)
    try:
        if needs_upgrade(db.engine):
            upgrade(db.engine, db_path, path / "backups", key=key)
    except AppError:
        db.close()
        raise
    except Exception as exc:
        db.close()
        # The driver's errors, bare or as SQLAlchemy wraps them; the store tells them apart.
        refusal = db.refusal(exc) if db.on_server else None
        if refusal is not None:
            raise refusal from exc
        if is_damage(exc):
            raise StorageError("db.damaged", path=str(db_path)) from exc
        raise
    from app.services import sequences

    # Only a data dir whose file and database disagree takes the write lock at start: a
    # command that only reads never waits for another process's import.
    with db.read() as s:
        in_step = sequences.in_step(s, path)
    if not in_step:
        with db.session() as s:
            sequences.reconcile(s, path)
    files.private_data_dir(path)
    ctx = Context(path, db)
    if (path / PENDING_PRINT).exists():  # a print job killed before its commit
        from app.services import pending_print

        with db.read() as s:
            pending_print.recover(path, s)
    from app.services import chainhead

    if landed is not None:  # a restore that was decided lands now: its chain is the head
        chainhead.sign_now(ctx, "restore")
        restore_journal.close(path)
    else:  # a database behind the head this install signed last is flagged
        chainhead.check_startup(ctx)
    return ctx
