"""Bring the database schema to the version of this app, safely.

Checking is cheap (one query against a constant), so it runs at every start; Alembic is
imported only when the schema is behind. Before upgrading, the database is backed up with
SQLite's backup API; the migration runs in one transaction with foreign keys off (Alembic's
batch mode rebuilds tables, and dropping a parent table with foreign keys on would cascade
into its children), and ``PRAGMA foreign_key_check`` must be clean before it commits.

On a PostgreSQL server (a kabupaten's register, app.store.pg) the migration runs in one
transaction too (PostgreSQL's DDL is transactional) under the register's write lock, so
that two desks starting a new version at once migrate once; foreign keys stay on. Its
backups are the server's (pg_dump), not a file copy.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, inspect, text

from app.errors import StorageError
from app.paths import migrations_dir
from app.store.backup import SchemaObject, backup_file, backup_name, schema
from app.store.engine import WRITE_OPTION

log = logging.getLogger(__name__)

_REVISION = re.compile(r"^revision\s*=\s*[\"']([^\"']+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(None|[\"']([^\"']+)[\"'])", re.M)


def _chain() -> dict[str, str | None]:
    """revision → down_revision of every file in db/versions, read without Alembic.

    Reading a few small files is cheap enough for every start; Alembic (slow to import)
    is loaded only when the schema is actually behind. A test keeps this in agreement with
    Alembic's own view.
    """
    out: dict[str, str | None] = {}
    for path in sorted((migrations_dir() / "versions").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(text), _DOWN.search(text)
        if rev and down:
            out[rev.group(1)] = down.group(2)
    return out


def head_revision() -> str:
    """The newest revision this app's migrations know."""
    chain = _chain()
    heads = set(chain) - {d for d in chain.values() if d}
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None for an empty one."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def _alembic_config(connection: Any = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> set[str]:
    """Every revision this app's migrations know."""
    return set(_chain())


def needs_upgrade(engine: Engine) -> bool:
    """True when the schema is behind this app (or the database is empty).

    Raises:
        StorageError: the database was written by a newer version of Lindungi.
    """
    current = current_revision(engine)
    if current == head_revision():
        return False
    if current is not None and current not in known_revisions():
        raise StorageError("db.newer", revision=current)
    return True


def upgrade(
    engine: Engine,
    db_path: Path,
    backups: Path,
    target: str = "head",
    key: bytes | None = None,
) -> Path | None:
    """Back up (if there is anything to lose; with the database's ``key``), then migrate to
    ``target`` in one transaction.

    Returns:
        The backup written, or None for a new, empty database.
    """
    from alembic import command

    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise StorageError("db.newer", revision=current)
    if engine.dialect.name == "postgresql":
        _upgrade_server(engine, target)
        log.info("database migrated from %s to %s", current, target)
        return None
    backup = None
    if current is not None:
        backup = backup_file(db_path, backups / backup_name(f"before-migrate-{current}"), key)
        log.info("backed up the database before migrating from %s", current)
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})  # BEGIN IMMEDIATE: one migrator
        # Outside any transaction (the pragma is ignored inside one): on the raw connection.
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                command.upgrade(_alembic_config(conn), target)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StorageError("db.migration_fk", count=len(broken))
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
    log.info("database migrated from %s to %s", current, target)
    return backup


def _upgrade_server(engine: Engine, target: str) -> None:
    """Migrate a register on a PostgreSQL server in one locked transaction; a desk that
    waited for another desk's migration finds the work done."""
    from alembic import command

    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})  # the register's advisory lock
        with conn.begin():
            now = (
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if (inspect(conn).has_table("alembic_version"))
                else None
            )
            if now is not None and now not in known_revisions():
                raise StorageError("db.newer", revision=now)
            if target != "head" or now != head_revision():
                conn.exec_driver_sql("SET LOCAL synchronous_commit = on")  # see vacuum_analyze
                command.upgrade(_alembic_config(conn), target)
                migrated = now is not None
            else:
                migrated = False
    if migrated:
        _vacuum_filled(engine)


# Tables that a migration may fill from the register's rows (0014: the name words): after
# such a fill their pages are not yet marked all-visible, and every index-only scan reads
# the table too until VACUUM marks them (a count of "ridwan" 22 ms instead of 2.5 ms at
# 2,000,000; autovacuum may take hours to get there).
_FILLED_BY_MIGRATIONS = ("participant_word",)


def _vacuum_filled(engine: Engine) -> None:
    """``VACUUM ANALYZE`` the tables a migration may have filled, after it committed."""
    from app.store.pg import vacuum_analyze

    vacuum_analyze(engine, _FILLED_BY_MIGRATIONS)


_EXPECTED: dict[str, frozenset[SchemaObject]] = {}


def expected_schema(revision: str) -> frozenset[SchemaObject]:
    """The tables, indexes and triggers that this app's migrations build up to
    ``revision``, read from a scratch database built by them (kept for the process)."""
    if revision not in _EXPECTED:
        import tempfile

        from app.store.engine import Database

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "expected.sqlite"
            db = Database(path)
            try:
                upgrade(db.engine, path, Path(tmp), target=revision)
            finally:
                db.close()
            _EXPECTED[revision] = schema(path)
    return _EXPECTED[revision]
