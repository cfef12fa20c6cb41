"""Who else is at work on the register, and whether another desk changed it.

At the kabupaten several desks share one register (on PostgreSQL). Each signed-in desk
writes its heartbeat with :func:`beat` when it starts and every half minute while it
runs and removes it with :func:`leave`; :func:`others` lists the other desks seen in
the last two minutes. :func:`marker` is the register's change marker, polled every few
seconds so that a desk refreshes what it shows when another desk changed it, and
:func:`replaced` tells a desk at once that a restore at another desk replaced its database
(it must stop and start again). A register on SQLite at a kecamatan has one desk; the same
calls work there and show nobody else.

A heartbeat is never worth a failed action: when the register is busy or unreachable for
a moment, a beat is skipped (the next one comes half a minute later).
"""

from __future__ import annotations

import datetime as dt
import logging
import socket
import uuid
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from app.errors import StorageError
from app.services.actor import Actor
from app.services.context import Context
from app.store import ledger, presence
from app.store.concurrency import retrying

log = logging.getLogger(__name__)

# How often a running desk refreshes its row (well inside presence.GONE_AFTER).
BEAT_SECONDS = 30
# How often a desk looks at the change marker.
POLL_SECONDS = 5


@dataclass(frozen=True)
class Desk:
    """One signed-in desk as the others see it."""

    account: str
    host: str
    since: dt.datetime
    seen: dt.datetime


@dataclass(frozen=True)
class Replaced:
    """A restore at another desk replaced the database this desk works on."""

    database: str  # the one this desk works on, no longer used
    restored: str  # the one the register now lives in ("" when the mark does not say)
    by: str  # who restored ("" when not said)
    at: dt.datetime | None  # when


def new_desk_id() -> str:
    """An id for this run of the program (a desk signs in again with a new one)."""
    return str(uuid.uuid4())


def host_name() -> str:
    """This PC's name as the other desks see it."""
    return (socket.gethostname() or "?")[:128]


def beat(
    ctx: Context,
    actor: Actor,
    desk_id: str,
    host: str | None = None,
    now: dt.datetime | None = None,
) -> bool:
    """Record that this desk is at work now. Returns False (and changes nothing) when the
    register could not be written this time."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    host = host or host_name()

    def work() -> None:
        with ctx.db.session() as s:
            presence.beat(s, desk_id, actor.username, host, now)

    try:
        retrying(work)
    except (StorageError, SQLAlchemyError) as exc:
        log.info("heartbeat skipped: %s", exc)
        return False
    return True


def leave(ctx: Context, desk_id: str) -> None:
    """Remove this desk's row (sign-out, closing the program); a failure only means the row
    disappears by itself two minutes later."""
    try:
        with ctx.db.session() as s:
            presence.leave(s, desk_id)
    except (StorageError, SQLAlchemyError) as exc:
        log.info("desk row not removed: %s", exc)


def others(ctx: Context, desk_id: str, now: dt.datetime | None = None) -> list[Desk]:
    """The other desks seen in the last two minutes, the longest at work first."""
    now = now or dt.datetime.now()
    with ctx.db.read() as s:
        rows = presence.active(s, now)
    return [Desk(r.account, r.host, r.started_at, r.seen_at) for r in rows if r.desk_id != desk_id]


def marker(ctx: Context) -> int:
    """The register's change marker: it grows whenever any desk changes the register."""
    with ctx.db.read() as s:
        return presence.change_marker(s)


def replaced(ctx: Context) -> Replaced | None:
    """The restore's mark in the database this desk works on (app.store.ledger), or None
    while it is the register in use; always None for a register on SQLite. One read of the
    ledger's primary key.

    Raises:
        StorageError, SQLAlchemyError: the server cannot be read now.
    """
    server = ctx.db.server
    if server is None:
        return None
    with ctx.db.engine.connect() as conn:
        mark = ledger.superseded(conn)
    if mark is None:
        return None
    try:
        at = dt.datetime.fromisoformat(str(mark.get("at")))
    except ValueError:
        at = None
    return Replaced(server.database, mark["database"], str(mark.get("by") or ""), at)
