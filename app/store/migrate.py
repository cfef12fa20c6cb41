"""Bring the database schema to the version of this app, safely.

Checking is cheap (one query against a constant), so it runs at every start; Alembic is
imported only when the schema is behind. Before upgrading, the database is backed up with
SQLite's backup API; the migration runs in one transaction with foreign keys off (Alembic's
batch mode rebuilds tables, and dropping a parent table with foreign keys on would cascade
into its children), and ``PRAGMA foreign_key_check`` must be clean before it commits.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, inspect, text

from app.errors import StorageError
from app.paths import migrations_dir
from app.store.backup import backup_file, backup_name

log = logging.getLogger(__name__)

# The newest revision in db/versions; a test keeps it equal to Alembic's head.
SCHEMA_HEAD = "0002_accounts"


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
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def needs_upgrade(engine: Engine) -> bool:
    """True when the schema is behind this app (or the database is empty).

    Raises:
        StorageError: the database was written by a newer version of Lindungi.
    """
    current = current_revision(engine)
    if current == SCHEMA_HEAD:
        return False
    if current is not None and current not in known_revisions():
        raise StorageError("db.newer", revision=current)
    return True


def upgrade(engine: Engine, db_path: Path, backups: Path, target: str = "head") -> Path | None:
    """Back up (if there is anything to lose), then migrate to ``target`` in one transaction.

    Returns:
        The backup written, or None for a new, empty database.
    """
    from alembic import command

    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise StorageError("db.newer", revision=current)
    backup = None
    if current is not None:
        backup = backup_file(db_path, backups / backup_name(f"before-migrate-{current}"))
        log.info("backed up the database before migrating from %s", current)
    with engine.connect() as conn:
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
