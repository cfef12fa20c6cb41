"""Backups of the live database with SQLite's backup API (never a file copy)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path


def backup_file(source: Path, target: Path) -> Path:
    """Copy the database at ``source`` to ``target`` consistently, even while it is in use."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(target)
    return target


def backup_name(reason: str, now: dt.datetime | None = None) -> str:
    """``lindungi-20261129-101500-migrate.sqlite``."""
    now = now or dt.datetime.now()
    return f"lindungi-{now:%Y%m%d-%H%M%S}-{reason}.sqlite"
