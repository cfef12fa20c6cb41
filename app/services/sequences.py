"""Sequences kept also outside the database, so that a restore never reuses a number.

A registration number or a bundle sequence that left this PC (on a card, in a bundle) must
never be issued again, even after the database is restored from an older backup. Each is
therefore also written to ``sequences.json`` beside the database, before the transaction
that uses it commits; at start-up the database continues past the higher of the two. On a
PostgreSQL server the same document is a row of the server's ledger (app.store.ledger),
shared by every desk.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from sqlalchemy.orm import Session

from app.store import ledger, repo

log = logging.getLogger(__name__)

FILENAME = "sequences.json"


def _numbers(body: str | None) -> dict[str, int]:
    try:
        raw = json.loads(body or "{}")
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    return {k: int(v) for k, v in raw.items() if isinstance(v, int)}


def read(data_dir: Path) -> dict[str, int]:
    """The numbers in the ledger (empty when missing or unreadable)."""
    try:
        return _numbers(ledger.read(data_dir, FILENAME))
    except OSError:
        return {}


def write(data_dir: Path, key: str, value: int) -> None:
    """Raise ``key`` in the ledger to at least ``value`` (written durably; never lowered,
    even by a desk that read it before another desk raised it)."""

    def raise_to(body: str | None) -> str | None:
        current = _numbers(body)
        if current.get(key, 0) >= value:
            return None
        return json.dumps(current | {key: value})

    if read(data_dir).get(key, 0) >= value:
        return
    ledger.update(data_dir, FILENAME, raise_to)


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
