"""Backups of the live database with SQLite's backup API (never a file copy).

A backup is encrypted with the register's own key (SQLCipher's backup API copies pages
between two connections with one key), so a backup found on a stick opens only with a
sign-in of that install or its recovery key. A plaintext copy (for a backup to another PC,
which the caller encrypts with a passphrase) and the one-time encryption of a plaintext
register go through ``sqlcipher_export``, since the backup API cannot change a key.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from app.errors import StorageError
from app.paths import temp_beside
from app.store import engine
from app.store.engine import connect
from app.store.faults import DATABASE_ERRORS, Fault, classify
from app.store.files import make_private

_COPY_CACHE_KIB = 2048


def backup_file(source: Path, target: Path, key: bytes | None = None) -> Path:
    """Copy the database at ``source`` (encrypted with ``key``) to ``target`` consistently,
    even while it is in use; the copy has the same key."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_beside(target, ".part")
    tmp.unlink(missing_ok=True)
    src = connect(source, key, read_only=True)
    try:
        dst = connect(tmp, key)
        try:
            # Each page is copied once: the store's large page cache would only hold a copy
            # of it (two caches, up to 128 MiB, during a backup before every bundle import).
            for conn in (src, dst):
                conn.execute(f"PRAGMA cache_size=-{_COPY_CACHE_KIB}")
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    make_private(tmp)
    tmp.replace(target)
    return target


def export_file(source: Path, source_key: bytes | None, target: Path, key: bytes | None) -> Path:
    """Copy the database at ``source`` into a new file ``target`` under another key (None:
    plaintext), with ``sqlcipher_export``: the one-time encryption of a plaintext register,
    or a plaintext copy that the caller encrypts otherwise.

    ``target`` must not exist yet.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    src = connect(source, source_key)
    try:
        literal = f"x'{key.hex()}'" if key is not None else ""
        src.execute(f'ATTACH DATABASE ? AS target KEY "{literal}"', (str(target),))
        try:
            src.execute("SELECT sqlcipher_export('target')")
            version = src.execute("PRAGMA user_version").fetchone()[0]
            src.execute(f"PRAGMA target.user_version = {int(version)}")
        finally:
            src.execute("DETACH DATABASE target")
    finally:
        src.close()
    make_private(target)
    return target


def backup_name(reason: str, now: dt.datetime | None = None) -> str:
    """``lindungi-20261129-101500-migrate.sqlite``."""
    now = now or dt.datetime.now()
    return f"lindungi-{now:%Y%m%d-%H%M%S}-{reason}.sqlite"


class DatabaseDamaged(Exception):
    """A file that SQLite cannot read as a database, or that fails its integrity check."""


def is_damage(exc: BaseException) -> bool:
    """True when ``exc`` (the driver's own, or as SQLAlchemy wraps it) says the file is not
    a sound database, rather than something else going wrong."""
    if isinstance(exc, DatabaseDamaged):
        return True
    return classify(exc) in (Fault.NOT_A_DATABASE, Fault.DAMAGED)


def integrity(path: Path, key: bytes | None = None, *, quick: bool = False) -> list[str]:
    """What SQLite's ``quick_check`` (or the full ``integrity_check``) says of the database
    at ``path``, opened read-only: ``["ok"]`` when sound.

    Raises:
        DatabaseDamaged: the file cannot be read as a database at all (or not with ``key``).
    """
    try:
        con = connect(path, key, read_only=True)
        try:
            rows = con.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check")
            return [r[0] for r in rows.fetchall()]
        finally:
            con.close()
    except DATABASE_ERRORS as exc:
        raise DatabaseDamaged(str(exc)) from exc


def check_readable(path: Path, key: bytes | None) -> None:
    """Prove that ``key`` (or none) opens the database at ``path``, reading its schema only
    (the full check comes later, once).

    Raises:
        DatabaseDamaged: not a database, or not with that key.
    """
    try:
        con = connect(path, key, read_only=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except DATABASE_ERRORS as exc:
        raise DatabaseDamaged(str(exc)) from exc


def summary(path: Path, key: bytes | None = None) -> tuple[str | None, str | None, int]:
    """The schema revision, the install code and the participant count of a database file
    (a backup being checked before a restore).

    Raises:
        DatabaseDamaged: unreadable (or not with ``key``), failing its integrity check, or
            missing those tables.
    """
    try:
        con = connect(path, key)
        try:
            if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise DatabaseDamaged("integrity check failed")
            rev = con.execute("SELECT version_num FROM alembic_version").fetchone()
            inst = con.execute("SELECT install_code FROM install").fetchone()
            count = con.execute("SELECT count(*) FROM participant").fetchone()[0]
        finally:
            con.close()
    except DATABASE_ERRORS as exc:
        raise DatabaseDamaged(str(exc)) from exc
    return (rev[0] if rev else None, inst[0] if inst else None, int(count))


def copy_over(source: Path, target: Path, key: bytes | None = None) -> None:
    """Replace the database at ``target`` page by page with the one at ``source`` (SQLite's
    backup API in one step: one transaction, so a reader of ``target`` never sees half of
    each, and a process killed during it leaves ``target`` as it was).

    Raises:
        StorageError: another process kept ``target`` busy past the busy timeout.
    """
    src = connect(source, key)
    dst = connect(target, key, timeout=engine.BUSY_TIMEOUT_S)
    try:
        # Python retries a busy step forever; give up once the busy timeout (spent inside
        # the step by the target's busy handler) has run out.
        src.backup(dst, progress=_give_up_when_busy)
    except _Busy as exc:
        raise StorageError("db.busy", seconds=engine.BUSY_TIMEOUT_S) from exc
    except DATABASE_ERRORS as exc:
        if engine.is_busy(exc):
            raise StorageError("db.busy", seconds=engine.BUSY_TIMEOUT_S) from exc
        raise
    finally:
        src.close()
        dst.close()


class _Busy(Exception):
    """The target of a copy stayed locked by another process."""


def _give_up_when_busy(status: int, _remaining: int, _total: int) -> None:
    if status in (5, 6):  # SQLITE_BUSY, SQLITE_LOCKED
        raise _Busy


# One schema object: (type, name, table, normalised SQL).
SchemaObject = tuple[str, str, str, str]


def _normalise_sql(kind: str, sql: str | None) -> str:
    """SQL as SQLite stored it, with layout and identifier quoting taken out; a table's
    columns and constraints sorted (a rebuilt table lists its constraints in no fixed
    order)."""
    text = re.sub(r"\s+", " ", sql or "").strip()
    text = re.sub(r'["`\[\]]', "", text)
    text = re.sub(r" ?([(),]) ?", r"\1", text)
    start = text.find("(")
    if kind != "table" or start < 0 or not text.endswith(")"):
        return text
    items, depth, current = [], 0, ""
    for ch in text[start + 1 : -1]:
        if ch == "," and depth == 0:
            items.append(current)
            current = ""
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        current += ch
    items.append(current)
    return text[: start + 1] + ",".join(sorted(items)) + ")"


def schema(path: Path, key: bytes | None = None) -> frozenset[SchemaObject]:
    """Every table, index, trigger and view of the database at ``path``, normalised so that
    two databases built by the same migrations compare equal.

    Raises:
        DatabaseDamaged: the file cannot be read as a database.
    """
    try:
        con = connect(path, key, read_only=True)
        try:
            rows = con.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master "
                "WHERE type IN ('table', 'index', 'trigger', 'view') "
                "AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        finally:
            con.close()
    except DATABASE_ERRORS as exc:
        raise DatabaseDamaged(str(exc)) from exc
    return frozenset((t, n, tbl, _normalise_sql(t, sql)) for t, n, tbl, sql in rows)


def has_history_mark(path: Path, action: str, mark: str, key: bytes | None = None) -> bool:
    """True when the database at ``path`` holds a history entry of ``action`` whose
    changes contain ``mark`` (a restore's own id: was it already applied?)."""
    if not path.is_file():
        return False
    con = connect(path, key)
    try:
        row = con.execute(
            "SELECT 1 FROM history WHERE action = ? AND instr(changes, ?) > 0 LIMIT 1",
            (action, mark),
        ).fetchone()
    except DATABASE_ERRORS:  # no history table: an empty database
        return False
    finally:
        con.close()
    return row is not None


def single_file(path: Path, key: bytes | None = None) -> None:
    """Fold a database's WAL into the file and make it one durable file (a staged restore
    waiting to be copied over the live one)."""
    con = connect(path, key)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
