"""The ledger a restore never winds back: small JSON documents (the sequences, the signed
chain head, the erasures) kept outside the register's own tables.

- SQLite: a file beside the database, written durably (a temporary file of a unique
  name, fsync, an atomic rename, fsync of the folder).
- PostgreSQL: a row of ``lindungi_ledger`` in the server (migration 0010_postgres), which
  the server's backups leave out, so that every desk sees the same ledger and a restored
  dump keeps it. A change is one short transaction of its own that first takes the
  ledger's advisory lock: two desks never lose each other's update, and then reads the
  restore's mark (below): a desk still open on a replaced database is refused
  (``pg.superseded``) and changes nothing there.

A data dir whose register is on a server is registered here when it opens
(:func:`use_server`); every other data dir keeps files.

The document ``superseded`` (:data:`SUPERSEDED`) exists only on a server: a restore at one
desk writes it into the database it replaces, naming the restored database, after the
ledger in use was copied there (:func:`hand_over`). Every desk that opens the old database
then follows to the new one (app.services.server), and a write session or a ledger change
begun on the old database is refused (app.store.pg, :func:`update`): no desk's work lands
where nobody else looks.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text

from app.errors import StorageError
from app.paths import temp_beside

# The advisory lock of a ledger change (any constant other than the write lock's).
LEDGER_LOCK = 0x4C454447  # "LEDG"

# The document that says a restore replaced this database, and by which.
SUPERSEDED = "superseded"

_servers: dict[Path, Engine] = {}


def use_server(data_dir: Path, engine: Engine) -> None:
    """The ledger of ``data_dir`` is in the server of ``engine`` from now on."""
    _servers[data_dir.resolve()] = engine


def forget_server(data_dir: Path) -> None:
    """The ledger of ``data_dir`` is in its files again (a setup on a server undone)."""
    _servers.pop(data_dir.resolve(), None)


def _server(data_dir: Path) -> Engine | None:
    return _servers.get(data_dir.resolve())


def read(data_dir: Path, name: str) -> str | None:
    """The document ``name`` of ``data_dir``'s ledger, or None when there is none.

    Raises:
        OSError: the file exists but cannot be read.
    """
    engine = _server(data_dir)
    if engine is None:
        try:
            return (data_dir / name).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
    with engine.connect() as conn:
        found = conn.execute(
            text("SELECT body FROM lindungi_ledger WHERE name = :n"), {"n": name}
        ).scalar()
    return None if found is None else str(found)


def names(data_dir: Path, prefix: str) -> list[str]:
    """The names of the server ledger's documents that start with ``prefix``, sorted
    (empty for a data dir that keeps files: those are listed as files)."""
    engine = _server(data_dir)
    if engine is None:
        return []
    with engine.connect() as conn:
        found = conn.execute(
            text("SELECT name FROM lindungi_ledger WHERE starts_with(name, :p) ORDER BY name"),
            {"p": prefix},
        ).scalars()
        return [str(n) for n in found]


def on_server(data_dir: Path) -> bool:
    """True when the ledger of ``data_dir`` is in a server."""
    return _server(data_dir) is not None


def update(data_dir: Path, name: str, change: Callable[[str | None], str | None]) -> None:
    """Replace the document ``name`` with ``change(current)`` (unchanged when that
    returns None): on a server under the ledger's lock, in one transaction, refused when a
    restore at another desk has replaced the database (:func:`refuse_if_marked`).

    The lock is the ledger's, not the register's write lock: a sequence is reserved inside
    a write session that holds the write lock on its own connection, and this second
    connection would wait for it until the lock timeout. The mark is written under the
    ledger's lock too (:func:`hand_over`), so an update either ends before the restore
    reads the ledger it carries over, or sees the mark and is refused.

    Raises:
        StorageError: ``pg.superseded``.
    """
    engine = _server(data_dir)
    if engine is None:
        new = change(read(data_dir, name))
        if new is not None:
            write_file(data_dir / name, new)
        return
    with engine.begin() as conn:
        conn.execute(text(f"SELECT pg_advisory_xact_lock({LEDGER_LOCK})"))
        refuse_if_marked(conn)
        current = conn.execute(
            text("SELECT body FROM lindungi_ledger WHERE name = :n"), {"n": name}
        ).scalar()
        new = change(None if current is None else str(current))
        if new is not None:
            _put(conn, name, new)


def _put(conn: Connection, name: str, body: str) -> None:
    """Insert or replace the server ledger's document ``name`` in ``conn``'s transaction."""
    conn.execute(
        text(
            "INSERT INTO lindungi_ledger (name, body) VALUES (:n, :b) "
            "ON CONFLICT (name) DO UPDATE SET body = excluded.body, "
            "updated_at = now() AT TIME ZONE 'UTC'"
        ),
        {"n": name, "b": body},
    )


def has_ledger(conn: Connection) -> bool:
    """True when the server's database has the ledger's table (a database not yet
    migrated, as at setup, has none)."""
    found = conn.execute(text("SELECT to_regclass('lindungi_ledger') IS NOT NULL")).scalar()
    return bool(found)


def superseded(conn: Connection) -> dict[str, Any] | None:
    """The mark a restore left in this server database (``database``: the restored one;
    ``at``, ``by``, ``install``), or None while it is the register in use. A mark that is
    not readable JSON still says the database was replaced: ``database`` is then empty."""
    return read_mark(conn) if has_ledger(conn) else None


def read_mark(conn: Connection) -> dict[str, Any] | None:
    """:func:`superseded` of a database known to have the ledger's table: one read of its
    primary key."""
    body = conn.execute(
        text("SELECT body FROM lindungi_ledger WHERE name = :n"), {"n": SUPERSEDED}
    ).scalar()
    if body is None:
        return None
    try:
        mark = json.loads(str(body))
        if not isinstance(mark, dict):
            raise ValueError(mark)
    except ValueError:
        return {"database": ""}
    return {**mark, "database": str(mark.get("database") or "")}


def refuse_if_marked(conn: Connection) -> None:
    """Refuse the change begun on ``conn`` when its database (known to have the ledger's
    table) carries a restore's mark: its work would land where no desk looks.

    Raises:
        StorageError: ``pg.superseded``: restart Lindungi, which then follows the restore.
    """
    mark = read_mark(conn)
    if mark is not None:
        where = conn.engine.url.database
        raise StorageError("pg.superseded", database=where, restored=mark["database"] or "?")


def mark_superseded(engine: Engine, write_lock: int, mark: dict[str, Any]) -> None:
    """Write the mark ``mark`` (``database``: the restored database) into the server
    database of ``engine``, in one short transaction that holds the register's write lock
    ``write_lock`` and then the ledger's: a write session in progress ends first, and every
    later one sees the mark (app.store.pg refuses it). A restore uses :func:`hand_over`,
    which also carries the ledger over; this alone marks a database (tests, repairs)."""
    body = json.dumps(mark, sort_keys=True)
    with engine.begin() as conn:
        conn.execute(text(f"SELECT pg_advisory_xact_lock({int(write_lock)})"))
        conn.execute(text(f"SELECT pg_advisory_xact_lock({LEDGER_LOCK})"))
        _put(conn, SUPERSEDED, body)


def clear_superseded(engine: Engine) -> None:
    """Remove a mark from the server database of ``engine`` (a restored dump of a database
    that had been replaced carries its mark; the restored one is the register in use)."""
    with engine.begin() as conn:
        if not has_ledger(conn):
            return
        conn.execute(text(f"SELECT pg_advisory_xact_lock({LEDGER_LOCK})"))
        conn.execute(text("DELETE FROM lindungi_ledger WHERE name = :n"), {"n": SUPERSEDED})


def hand_over(
    source: Engine,
    target: Engine,
    write_lock: int,
    mark: dict[str, Any],
    skip: set[str],
) -> int:
    """The last step of a restore on a server: put the ledger documents of the database
    of ``source`` (the register in use) into that of ``target`` (the restored one), all but
    ``skip`` and a mark, and mark ``source`` as replaced by ``mark`` (``database``: the
    restored one). Returns how many documents were copied.

    The two databases cannot share a transaction, so the order decides what a crash
    leaves. One transaction on ``source`` takes the register's write lock ``write_lock``
    and the ledger's lock (a write in progress at another desk ends first; a ledger change
    waits or, after the mark, is refused), reads the ledger, and holds both locks while
    the copy commits in ``target``; only then is the mark written and committed. A crash
    before that commit leaves ``source`` unmarked, the register in use as it was (the
    copy in ``target`` is an unfinished restore that the restoring desk's next start
    empties: app.services.server), never a mark naming a database without the ledger.

    Raises:
        StorageError: ``pg.superseded``: ``source`` was itself replaced meanwhile.
    """
    body = json.dumps(mark, sort_keys=True)
    with source.begin() as old:
        old.execute(text(f"SELECT pg_advisory_xact_lock({int(write_lock)})"))
        old.execute(text(f"SELECT pg_advisory_xact_lock({LEDGER_LOCK})"))
        refuse_if_marked(old)
        rows = old.execute(text("SELECT name, body FROM lindungi_ledger ORDER BY name")).all()
        kept = [(str(n), str(b)) for n, b in rows if n != SUPERSEDED and n not in skip]
        with target.begin() as new:
            new.execute(text(f"SELECT pg_advisory_xact_lock({LEDGER_LOCK})"))
            for name, doc in kept:
                _put(new, name, doc)
        _put(old, SUPERSEDED, body)
    return len(kept)


def write_file(path: Path, body: str) -> None:
    """Replace the file at ``path`` with ``body`` durably: a temporary file of a name no
    other process uses, fsync, then a rename over the old one (and fsync of the folder)."""
    tmp = temp_beside(path)
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
        if os.name == "posix":  # the rename itself, durably
            fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    finally:
        tmp.unlink(missing_ok=True)
