"""The SQLite engine: durable pragmas on every connection and real transactions.

- ``foreign_keys=ON`` on every connection (SQLite forgets it otherwise).
- WAL with ``synchronous=FULL``: NORMAL can lose a committed save on a power cut.
- The driver's own transaction handling is switched off and ``BEGIN`` is emitted by
  SQLAlchemy, so that DDL in migrations is transactional too and a migration can run
  with foreign keys off (the pragma is a no-op inside a transaction).
- ``hide_parameters=True``: a failed statement's NIKs and names never reach a log.
- ``secure_delete=ON``: erased personal data are overwritten, not left in free pages.
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
        connect_args={"timeout": 10, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN below
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cur.execute("PRAGMA busy_timeout=10000")
        # Erased personal data must not linger in freed pages of the file.
        cur.execute("PRAGMA secure_delete=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


class Database:
    """An engine and its session factory; ``with db.session() as s`` is one unit of work."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = make_engine(path)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises.

        Raises:
            StorageError: the disk under the data folder is full or failing (the whole
                transaction was rolled back).
        """
        s = self._factory()
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
        raise
