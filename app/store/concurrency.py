"""Several desks writing to one register at once: retries and per-office locks.

On PostgreSQL (the kabupaten's register shared by several desks) two transactions can meet
in a deadlock or, at a stricter isolation level, fail to serialise: the server rolls one
of them back with SQLSTATE ``40P01`` or ``40001`` and the right answer is to run it again.
:func:`retrying` does that a bounded number of times, with a short random wait, and only
then gives up with a clear "register busy" refusal, never a crash. On SQLite one writer at
a time holds the write lock (``BEGIN IMMEDIATE``), so neither can happen there and the
wrapper costs nothing.

:func:`office_lock` serialises the work on one office's bundles (merges in sequence order,
the confirmation of its key) with a transaction-scoped advisory lock on PostgreSQL
(``pg_advisory_xact_lock``, released at commit or rollback, also when a desk dies); on
SQLite the write lock already does.
"""

from __future__ import annotations

import functools
import logging
import random
import time
import zlib
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.errors import StorageError
from app.store.engine import is_server
from app.store.faults import sqlstate

log = logging.getLogger(__name__)

T = TypeVar("T")
P = ParamSpec("P")

# SQLSTATE: serialization_failure, deadlock_detected.
RETRYABLE = frozenset({"40001", "40P01"})
ATTEMPTS = 6
# The advisory lock's first key: Lindungi's own space ("LD"), so that another program's
# advisory locks on the same server never collide with ours.
LOCK_SPACE = 0x4C44
# What each lock serialises (the second key is made from it and the office's code).
MERGE = "merge"
CONFIRM = "confirm"
CONFLICT = "conflict"
SETUP = "setup"
# The setting a setup on a server writes with the install row and the first administrator's
# account removes: while it is there (and no setup holds :func:`hold_setup_lock`), the
# register is what a failed setup left.
SETUP_UNFINISHED = "setup_unfinished"


def is_retryable(exc: BaseException) -> bool:
    """True when the server rolled the transaction back only because another one met it
    (a deadlock, a serialisation failure): running it again is the answer. The server's
    error may arrive wrapped (SQLAlchemy's, or a refusal raised from it)."""
    seen: BaseException | None = exc
    for _ in range(4):
        if seen is None:
            return False
        if sqlstate(seen) in RETRYABLE:
            return True
        seen = seen.__cause__
    return False


def retrying(
    work: Callable[[], T],
    *,
    attempts: int = ATTEMPTS,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run ``work`` (one or more whole transactions: each that failed was rolled back) and
    run it again while it fails with a deadlock or a serialisation failure.

    Raises:
        StorageError: ``db.contention``: it still failed after ``attempts`` tries.
    """
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except Exception as exc:
            if not is_retryable(exc):
                raise
            if attempt == attempts:
                raise StorageError("db.contention", attempts=attempts) from exc
            log.info("transaction met another desk's (%s), try %d again", sqlstate(exc), attempt)
            # 20 ms, 40 ms, 80 ms… with jitter, so that two desks do not meet again.
            sleep(random.uniform(0.5, 1.5) * 0.02 * 2 ** (attempt - 1))
    raise AssertionError("unreachable")


def retried(action: Callable[P, T]) -> Callable[P, T]:
    """A service action run again (whole) when the server rolled it back for meeting
    another desk's transaction: only for an action whose every transaction is rolled back
    together, or is harmless to repeat."""

    @functools.wraps(action)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        return retrying(lambda: action(*args, **kwargs))

    return run


def lock_key(purpose: str, office: str) -> int:
    """The advisory lock's second key for ``purpose`` on ``office`` (a signed 32-bit
    number, as PostgreSQL's two-key form takes)."""
    value = zlib.crc32(f"{purpose}:{office.strip().upper()}".encode())
    return value - 2**32 if value >= 2**31 else value


def hold_setup_lock(s: Session) -> None:
    """On a server, a setup's lock, held by the session's connection until it closes (the
    setup's process ends or its register is closed): a desk that finds a register left
    without an administrator learns from it whether a setup is still running there. Not
    waited for: another setup at the same moment fails on the install row anyway."""
    if is_server(s):
        s.execute(
            text("SELECT pg_try_advisory_lock(:space, :key)"),
            {"space": LOCK_SPACE, "key": lock_key(SETUP, "")},
        )


def setup_running(conn: Any) -> bool:
    """True when a setup holds :func:`hold_setup_lock` on the server of ``conn`` (a
    SQLAlchemy connection)."""
    params = {"space": LOCK_SPACE, "key": lock_key(SETUP, "")}
    taken = conn.execute(text("SELECT pg_try_advisory_lock(:space, :key)"), params).scalar()
    if taken:
        conn.execute(text("SELECT pg_advisory_unlock(:space, :key)"), params)
    return not taken


def office_lock(s: Session, office: str, purpose: str = MERGE) -> None:
    """Hold the lock for ``purpose`` on ``office`` (an office's code, or the id of what is
    decided, e.g. a conflict) until the transaction of ``s`` ends (PostgreSQL; on SQLite
    the write lock already serialises every writer)."""
    if is_server(s):
        s.execute(
            text("SELECT pg_advisory_xact_lock(:space, :key)"),
            {"space": LOCK_SPACE, "key": lock_key(purpose, office)},
        )
