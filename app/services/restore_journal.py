"""A restore lands whole or not at all, even when the process is killed half way.

A restore is prepared in a staged copy beside the database (``restore-staged.sqlite``):
the backup, upgraded to this version, with the erasures of the ledger re-applied, the
sequences moved past the ones already issued, and its own ``restore`` history entry. The
private keys of an encrypted backup wait in ``restore-staged-keys/``. Only when all of
that is on disk is the marker ``restore-pending.json`` written (atomically): from then on
the restore is decided. The staged copy then replaces the live database in one SQLite
transaction (the backup API, so other connections see either the old or the new database)
and the keys are moved in; the staged files and the marker are removed last.

At the next start (:func:`finish`, called when a data dir is opened):

- a marker: the restore is completed (copied again unless the live database already holds
  that restore's entry, which carries the marker's id);
- staged files without a marker: the restore never was decided; they are removed, and the
  live database is as it was.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

from app.store import backup as store_backup
from app.store.engine import DB_FILENAME
from app.store.ledger import write_file

log = logging.getLogger(__name__)

STAGED = "restore-staged.sqlite"
STAGED_KEYS = "restore-staged-keys"
MARKER = "restore-pending.json"


def staged_path(data_dir: Path) -> Path:
    """Where a restore is prepared."""
    return data_dir / STAGED


def stage_keys(data_dir: Path, keys: dict[str, bytes]) -> None:
    """Put the private keys of a backup beside the staged database, durably."""
    if not keys:
        return
    folder = data_dir / STAGED_KEYS
    folder.mkdir(exist_ok=True)
    for name, data in keys.items():
        fd = os.open(
            folder / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600
        )
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)


def discard(data_dir: Path) -> bool:
    """Remove a staged restore (and its keys); True when there was one."""
    found = False
    staged = staged_path(data_dir)
    for path in (
        staged,
        *(staged.with_name(staged.name + s) for s in ("-wal", "-shm", "-journal")),
    ):
        if path.exists():
            path.unlink()
            found = True
    folder = data_dir / STAGED_KEYS
    if folder.exists():
        shutil.rmtree(folder)
        found = True
    return found


def decide(data_dir: Path, restore_id: str) -> None:
    """Write the marker: the staged restore is complete and must land."""
    write_file(data_dir / MARKER, json.dumps({"id": restore_id}))


def undo(data_dir: Path) -> None:
    """Take back a decided restore that could not land (the register was busy)."""
    discard(data_dir)
    (data_dir / MARKER).unlink(missing_ok=True)


def finish(data_dir: Path, key: bytes | None = None) -> str | None:
    """Complete a decided restore, or undo one that was never decided.

    Returns:
        The id of the restore completed now ("" for a marker without one), or None. The
        marker stays until :func:`close`, after the caller signed the chain head.

    Raises:
        StorageError: another process kept the database busy; the restore stays decided
            and lands at the next start.
    """
    marker = data_dir / MARKER
    if not marker.is_file():
        if discard(data_dir):
            log.warning("an unfinished restore was undone; the database is as it was")
        return None
    try:
        restore_id = str(json.loads(marker.read_text(encoding="utf-8"))["id"])
    except (OSError, ValueError, KeyError, TypeError):
        restore_id = ""
    staged = staged_path(data_dir)
    live = data_dir / DB_FILENAME
    if staged.is_file() and not (
        restore_id and store_backup.has_history_mark(live, "restore", restore_id, key)
    ):
        store_backup.copy_over(staged, live, key)
    folder = data_dir / STAGED_KEYS
    if folder.is_dir():
        keys = data_dir / "keys"
        keys.mkdir(exist_ok=True)
        for file in folder.iterdir():
            os.replace(file, keys / file.name)
    discard(data_dir)
    log.info("restore %s completed", restore_id or "(no id)")
    return restore_id


def close(data_dir: Path) -> None:
    """End a landed restore's journal, once its chain head is signed: a process killed
    between the landing and the signing finds the marker at its next start and signs then,
    rather than seeing its register behind the head it signed before the restore."""
    (data_dir / MARKER).unlink(missing_ok=True)
