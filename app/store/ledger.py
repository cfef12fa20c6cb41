"""The ledger a restore never winds back: small JSON documents (the sequences, the signed
chain head, the erasures) kept outside the register's own tables.

- SQLite: a file beside the database, written durably (a temporary file of a unique
  name, fsync, an atomic rename, fsync of the folder).
- PostgreSQL: a row of ``lindungi_ledger`` in the server (migration 0010_postgres), which
  the server's backups leave out, so that every desk sees the same ledger and a restored
  dump keeps it. A change is one short transaction of its own that first takes the
  ledger's advisory lock: two desks never lose each other's update.

A data dir whose register is on a server is registered here when it opens
(:func:`use_server`); every other data dir keeps files.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, text

from app.paths import temp_beside

# The advisory lock of a ledger change (any constant other than the write lock's).
LEDGER_LOCK = 0x4C454447  # "LEDG"

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
    returns None): on a server under the ledger's lock, in one transaction."""
    engine = _server(data_dir)
    if engine is None:
        new = change(read(data_dir, name))
        if new is not None:
            write_file(data_dir / name, new)
        return
    with engine.begin() as conn:
        conn.execute(text(f"SELECT pg_advisory_xact_lock({LEDGER_LOCK})"))
        current = conn.execute(
            text("SELECT body FROM lindungi_ledger WHERE name = :n"), {"n": name}
        ).scalar()
        new = change(None if current is None else str(current))
        if new is not None:
            conn.execute(
                text(
                    "INSERT INTO lindungi_ledger (name, body) VALUES (:n, :b) "
                    "ON CONFLICT (name) DO UPDATE SET body = excluded.body, "
                    "updated_at = now() AT TIME ZONE 'UTC'"
                ),
                {"n": name, "b": new},
            )


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
