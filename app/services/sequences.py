"""Sequences kept also outside the database, so that a restore never reuses a number.

A registration number or a bundle sequence that left this PC (on a card, in a bundle) must
never be issued again, even after the database is restored from an older backup. Each is
therefore also written to ``sequences.json`` beside the database, before the transaction
that uses it commits; at start-up the database continues past the higher of the two.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from sqlalchemy.orm import Session

from app.paths import temp_beside
from app.store import repo

log = logging.getLogger(__name__)

FILENAME = "sequences.json"


def _path(data_dir: Path) -> Path:
    return data_dir / FILENAME


def read(data_dir: Path) -> dict[str, int]:
    """The numbers in the file (empty when missing or unreadable)."""
    try:
        raw = json.loads(_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: int(v) for k, v in raw.items() if isinstance(v, int)}


def write(data_dir: Path, key: str, value: int) -> None:
    """Raise ``key`` in the file to at least ``value`` (written durably: temp, fsync, rename)."""
    current = read(data_dir)
    if current.get(key, 0) >= value:
        return
    current[key] = value
    write_json(_path(data_dir), current)


def write_json(path: Path, value: object) -> None:
    """Replace the file at ``path`` with ``value`` as JSON, durably: a temporary file of a
    name no other process uses, fsync, then a rename over the old one."""
    tmp = temp_beside(path)
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(value, fh)
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


def reserve_registrations(s: Session, data_dir: Path, count: int = 1) -> int:
    """Reserve ``count`` registration numbers; returns the first.

    The file is written before the caller's transaction commits: a failed commit leaves a
    harmless gap, never a reused number.
    """
    first = repo.next_registration_seq(s, count)
    write(data_dir, "registration", first + count - 1)
    return first


def in_step(s: Session, data_dir: Path) -> bool:
    """True when the file and the database hold the same registration sequence (the usual
    case at start-up: nothing to reconcile, so no write lock is taken)."""
    current = repo.registration_seq(s)
    return current is None or read(data_dir).get("registration", 0) == current


def reconcile(s: Session, data_dir: Path) -> bool:
    """After a restore: continue the database's registration sequence past the file's.

    Returns:
        True when the database was behind the file and was moved forward.
    """
    stored = read(data_dir).get("registration", 0)
    current = repo.registration_seq(s)
    if current is None:
        return False
    if stored > current:
        repo.set_registration_seq(s, stored)
        log.warning("registration sequence moved from %s to %s after a restore", current, stored)
        return True
    if current > stored:
        write(data_dir, "registration", current)
    return False
