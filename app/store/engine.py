"""The SQLite engine: durable pragmas on every connection and real transactions.

- ``foreign_keys=ON`` on every connection (SQLite forgets it otherwise).
- WAL with ``synchronous=FULL``: NORMAL can lose a committed save on a power cut.
- The driver's own transaction handling is switched off and ``BEGIN`` is emitted by
  SQLAlchemy, so that DDL in migrations is transactional too and a migration can run
  with foreign keys off (the pragma is a no-op inside a transaction).
- ``hide_parameters=True``: a failed statement's NIKs and names never reach a log.
- ``secure_delete=ON``: erased personal data are overwritten, not left in free pages.
- A unit of work that writes starts with ``BEGIN IMMEDIATE`` and one that only reads with a
  plain (deferred) ``BEGIN`` (:func:`begin_modes`). Under WAL a deferred transaction that
  first reads and then writes cannot wait for another writer: SQLite answers "database is
  locked" at once, whatever the busy timeout. ``BEGIN IMMEDIATE`` takes the write lock up
  front, so a second process waits (at most ``BUSY_TIMEOUT_S``) and then goes on; after
  the wait the user is told the register is busy (:func:`is_busy`), never a crash.
- The driver is ``sqlcipher3`` (SQLCipher 4): the file is encrypted with a random 32-byte
  key given as a raw key (``PRAGMA key = "x'…'"``), so opening a connection costs no key
  derivation; the key is unwrapped at sign-in (app.services.vault). Every connection has
  a 64 MiB page cache and temporary tables in memory: every page that leaves the cache is
  decrypted again, and SQLCipher encrypts temporary files too (docs/encryption.md).
- A kabupaten's register may live on a PostgreSQL server instead (app.store.pg): the same
  :class:`Database` then drives ``pg8000``; a write session takes the register's advisory
  lock where SQLite takes ``BEGIN IMMEDIATE``, and the key still seals what the install
  keeps (its private keys, backups, the server's password).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlcipher3 import dbapi2 as sqlcipher

from app.errors import StorageError
from app.store.faults import Fault, classify

if TYPE_CHECKING:
    from app.store.pg import ServerAddress

DB_FILENAME = "lindungi.sqlite"
# A kabupaten's register on a PostgreSQL server: where the server is (app.store.pg).
LOCATOR_FILENAME = "database.json"
KEY_BYTES = 32
CACHE_KIB = 64 * 1024
PLAIN_HEADER = b"SQLite format 3\x00"

# How long a writer waits for another process's write transaction before giving up.
BUSY_TIMEOUT_S = 15
# The execution option that asks for ``BEGIN IMMEDIATE`` (see begin_modes).
WRITE_OPTION = "lindungi_write"

# Bulk inserts hand dates to the driver directly (app.store.repo._raw_insert): store them in
# the text forms SQLAlchemy's SQLite dialect uses, so that rows read back the same.
# isoformat with fixed microseconds writes the same text as strftime("%Y-%m-%d %H:%M:%S.%f")
# three times faster (a bulk insert of 100,000 participants converts 300,000 datetimes).
# The adapters are per module: the encrypted driver needs its own.
for _module in (sqlite3, sqlcipher):
    _module.register_adapter(dt.datetime, lambda v: v.isoformat(" ", "microseconds"))
    _module.register_adapter(dt.date, lambda v: v.isoformat())


def is_plaintext(path: Path) -> bool:
    """True when the file at ``path`` is an unencrypted SQLite database (an install made
    before the register was encrypted, or a backup for another PC)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == PLAIN_HEADER
    except OSError:
        return False


def looks_encrypted(path: Path) -> bool:
    """True when the file at ``path`` could be an encrypted register: whole pages of
    SQLCipher's 4096 bytes that do not start like a plaintext database (anything else is
    damaged or not a database at all, whatever the key)."""
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return size > 0 and size % 4096 == 0 and not is_plaintext(path)


def apply_key(conn: Any, key: bytes | None) -> None:
    """Give a fresh driver connection its raw key (nothing for a plaintext file).

    Must be the first statement on the connection.
    """
    if key is None:
        return
    if len(key) != KEY_BYTES:
        raise ValueError("a database key has 32 bytes")
    cur = conn.cursor()
    # SQLCipher writes "hmac check failed" to stderr on a wrong key; the caller says it.
    cur.execute("PRAGMA cipher_log_level = NONE")
    cur.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    cur.close()


def connect(
    path: Path | str, key: bytes | None, *, read_only: bool = False, timeout: float = 5.0
) -> Any:
    """A bare driver connection to the database at ``path`` with its key (backups, checks)."""
    if read_only:
        conn = sqlcipher.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout)
    else:
        conn = sqlcipher.connect(str(path), timeout=timeout)
    apply_key(conn, key)
    conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    conn.execute("PRAGMA temp_store=MEMORY")
    return conn


def make_engine(path: Path, key: bytes | None = None, *, foreign_keys: bool = True) -> Engine:
    """An engine for the database file at ``path`` (encrypted with ``key``, or plaintext
    when None) with the pragmas above."""
    engine = create_engine(
        f"sqlite:///{path}",
        module=sqlcipher,
        hide_parameters=True,
        connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN below
        apply_key(dbapi_conn, key)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        # Erased personal data must not linger in freed pages of the file.
        cur.execute("PRAGMA secure_delete=ON")
        cur.close()

    begin_modes(engine)
    return engine


def begin_modes(engine: Engine) -> None:
    """Emit ``BEGIN`` ourselves (the driver's own handling is off, see ``_on_connect``):
    ``BEGIN IMMEDIATE`` on a connection with the ``WRITE_OPTION`` execution option (every
    :meth:`Database.session`, a migration), a deferred ``BEGIN`` otherwise (reads).

    This is SQLAlchemy's documented recipe for pysqlite ("Serializable isolation /
    Savepoints / Transactional DDL"), with the begin mode chosen per connection.
    """

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def raw_connection(s: Session) -> Any:
    """The driver's own connection inside the session's transaction (bulk inserts and
    streamed reads; app.store.repo.driver): sqlite3's calls (``execute``, ``executemany``,
    ``?`` placeholders, dates as text) on either engine."""
    raw = s.connection().connection.driver_connection
    assert raw is not None
    if is_server(s):
        from app.store.pg import RawConnection

        return RawConnection(raw)
    return raw


def is_server(s: Session) -> bool:
    """True when the session's register is on a PostgreSQL server."""
    return s.get_bind().dialect.name == "postgresql"


def is_busy(exc: BaseException) -> bool:
    """True when ``exc`` (the driver's, or as SQLAlchemy wraps it) says another process
    holds the database ("database is locked"/"database is busy") after the busy timeout."""
    return classify(exc) is Fault.BUSY


class Database:
    """An engine and its session factory; ``with db.session() as s`` is one unit of work.

    ``server`` (with its ``password``) puts the register on that PostgreSQL server;
    ``path`` is then only where the SQLite file would be (its folder is the data dir).
    """

    def __init__(
        self,
        path: Path,
        key: bytes | None = None,
        *,
        server: ServerAddress | None = None,
        password: str | None = None,
    ) -> None:
        self.path = path
        self.key = key
        self.server = server
        if server is None:
            self.engine = make_engine(path, key)
        else:
            from app.store import pg

            self.engine = pg.make_pg_engine(server, password, busy_timeout_s=BUSY_TIMEOUT_S)
            pg.write_lock_on_begin(self.engine, WRITE_OPTION)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        self._write_factory = sessionmaker(
            self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises.

        The transaction starts with ``BEGIN IMMEDIATE``: it waits for another process's
        write to end (at most ``BUSY_TIMEOUT_S``) instead of failing half way.

        Raises:
            StorageError: the disk under the data folder is full or failing, or another
                process kept the database busy past the timeout (the whole transaction was
                rolled back).
        """
        s = self._write_factory()
        try:
            with _disk_errors(self), s.begin():
                yield s
        finally:
            s.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only; nothing it does is committed."""
        s = self._factory()
        try:
            with _disk_errors(self):
                yield s
        finally:
            s.rollback()
            s.close()

    @property
    def on_server(self) -> bool:
        """True when the register is on a PostgreSQL server."""
        return self.server is not None

    def refusal(self, exc: BaseException) -> StorageError | None:
        """The clear refusal for a driver fault of this register, or None."""
        if self.server is not None:
            from app.store import pg

            return pg.server_error(exc, self.server) or storage_error(exc, self.path)
        return storage_error(exc, self.path)

    def close(self) -> None:
        """Release every pooled connection (and the WAL file handles)."""
        self.engine.dispose()


@contextmanager
def _disk_errors(db: Database) -> Iterator[None]:
    """The driver's faults (app.store.faults) as what the user can act on.

    They arrive from the driver directly (bulk inserts use its cursor) or wrapped by
    SQLAlchemy; every other error passes through unchanged.
    """
    try:
        yield
    except Exception as exc:
        refusal = db.refusal(exc)
        if refusal is None:
            raise
        raise refusal from exc


def storage_error(exc: BaseException, path: Path) -> StorageError | None:
    """The clear refusal for a driver fault on the database at ``path``, or None."""
    fault = classify(exc)
    if fault is Fault.DISK_FULL:
        return StorageError("db.disk_full", folder=str(path.parent))
    if fault is Fault.DISK_IO:
        return StorageError("db.disk_io", folder=str(path.parent))
    if fault is Fault.BUSY:
        return StorageError("db.busy", seconds=BUSY_TIMEOUT_S)
    if fault in (Fault.NOT_A_DATABASE, Fault.DAMAGED):
        return StorageError("db.damaged", path=str(path))
    return None
