"""Start-up health: a quick integrity check, and the newest good backup to offer if it fails.

The GUI runs :func:`quick_check` in the background after the window shows; when the database
is damaged it offers :func:`newest_good_backup` for :func:`app.services.backup.restore`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app.services.backup import list_backups
from app.services.context import Context
from app.store.backup import DatabaseDamaged, integrity

log = logging.getLogger(__name__)


def quick_check(ctx: Context) -> bool:
    """True when SQLite's ``quick_check`` finds the database sound (a register on a
    PostgreSQL server checks its own pages: there it is sound when it answers)."""
    if ctx.db.on_server:
        with ctx.db.read() as s:
            return s.connection().exec_driver_sql("SELECT 1").scalar() == 1
    return _file_ok(ctx.db.path, ctx.db.key, quick=True)


def _file_ok(path: Path, key: bytes | None, quick: bool = False) -> bool:
    try:
        result = integrity(path, key, quick=quick)
    except DatabaseDamaged:
        log.exception("integrity check could not run")
        return False
    ok = result == ["ok"]
    if not ok:
        log.error("integrity check found %d problems", len(result))
    return ok


def newest_good_backup(ctx: Context) -> Path | None:
    """The newest backup in the data dir that passes a full integrity check."""
    for info in list_backups(ctx):
        if _file_ok(info.path, ctx.db.key):
            return info.path
    return None
