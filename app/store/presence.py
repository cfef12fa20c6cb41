"""The desks at work on one register: heartbeat rows and the register's change marker.

A desk (one signed-in program) writes its row when it starts and refreshes ``seen_at``
every half minute; a row not refreshed for :data:`GONE_AFTER` is a desk that was closed,
crashed or lost its network, and is neither shown nor kept. Every change to what the desks
show writes a history entry (the history is append-only), so the newest history id is a
cheap marker of "another desk changed something": one indexed lookup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.store import tables as t

GONE_AFTER = dt.timedelta(minutes=2)


@dataclass(frozen=True)
class DeskRow:
    """One desk at work on the register."""

    desk_id: str
    account: str
    host: str
    started_at: dt.datetime
    seen_at: dt.datetime


def beat(s: Session, desk_id: str, account: str, host: str, now: dt.datetime) -> None:
    """Record that desk ``desk_id`` (``account`` signed in on ``host``) is alive at
    ``now``; rows of desks gone for longer than :data:`GONE_AFTER` are removed."""
    done = s.execute(
        update(t.DeskPresence)
        .where(t.DeskPresence.desk_id == desk_id)
        .values(account=account, host=host, seen_at=now)
    )
    if getattr(done, "rowcount", 0) == 0:
        s.add(
            t.DeskPresence(desk_id=desk_id, account=account, host=host, started_at=now, seen_at=now)
        )
    s.execute(delete(t.DeskPresence).where(t.DeskPresence.seen_at < now - GONE_AFTER))


def leave(s: Session, desk_id: str) -> None:
    """Remove the row of a desk that signs out or closes."""
    s.execute(delete(t.DeskPresence).where(t.DeskPresence.desk_id == desk_id))


def active(s: Session, now: dt.datetime) -> list[DeskRow]:
    """Every desk seen within :data:`GONE_AFTER` of ``now``, the longest at work first."""
    rows = s.scalars(
        select(t.DeskPresence)
        .where(t.DeskPresence.seen_at >= now - GONE_AFTER)
        .order_by(t.DeskPresence.started_at, t.DeskPresence.desk_id)
    )
    return [DeskRow(r.desk_id, r.account, r.host, r.started_at, r.seen_at) for r in rows]


def change_marker(s: Session) -> int:
    """The newest history entry's id (0 for an empty history): it grows with every change
    any desk makes to the register."""
    return int(s.scalar(select(func.max(t.History.id))) or 0)
