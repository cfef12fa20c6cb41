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
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError as DBAPIOperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import StorageError

DB_FILENAME = "lindungi.sqlite"

# How long a writer waits for another process's write transaction before giving up.
BUSY_TIMEOUT_S = 15
# The execution option that asks for ``BEGIN IMMEDIATE`` (see begin_modes).
WRITE_OPTION = "lindungi_write"

# Bulk inserts hand dates to the driver directly (app.store.repo._raw_insert): store them in
# the text forms SQLAlchemy's SQLite dialect uses, so that rows read back the same.
# isoformat with fixed microseconds writes the same text as strftime("%Y-%m-%d %H:%M:%S.%f")
# three times faster (a bulk insert of 100,000 participants converts 300,000 datetimes).
sqlite3.register_adapter(dt.datetime, lambda v: v.isoformat(" ", "microseconds"))
sqlite3.register_adapter(dt.date, lambda v: v.isoformat())


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    """An engine for the database file at ``path`` with the pragmas above."""
    engine = create_engine(
        f"sqlite:///{path}",
        hide_parameters=True,
        connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN below
        cur = dbapi_conn.cursor()
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


def is_busy(exc: BaseException) -> bool:
    """True when ``exc`` (the driver's, or as SQLAlchemy wraps it) says another process
    holds the database ("database is locked"/"database is busy") after the busy timeout."""
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text or "sqlite_busy" in text


class Database:
    """An engine and its session factory; ``with db.session() as s`` is one unit of work."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = make_engine(path)
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
            with _disk_errors(self.path), s.begin():
                yield s
        finally:
            s.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only; nothing it does is committed."""
        s = self._factory()
        try:
            with _disk_errors(self.path):
                yield s
        finally:
            s.rollback()
            s.close()

    def close(self) -> None:
        """Release every pooled connection (and the WAL file handles)."""
        self.engine.dispose()


@contextmanager
def _disk_errors(path: Path) -> Iterator[None]:
    """SQLite's "disk is full" and "disk I/O error" as what the user can act on.

    Both arrive as ``OperationalError``, from the driver directly (bulk inserts use its
    cursor) or wrapped by SQLAlchemy; every other error passes through unchanged.
    """
    try:
        yield
    except (sqlite3.OperationalError, DBAPIOperationalError) as exc:
        text = str(getattr(exc, "orig", exc)).lower()
        if "disk is full" in text:
            raise StorageError("db.disk_full", folder=str(path.parent)) from exc
        if "disk i/o error" in text:
            raise StorageError("db.disk_io", folder=str(path.parent)) from exc
        if is_busy(exc):
            raise StorageError("db.busy", seconds=BUSY_TIMEOUT_S) from exc
        raise
