"""Queries of the audit trail (the history table)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import tables as t


def chain_rows(s: Session) -> Iterator[dict[str, Any]]:
    """Every entry with its hashes, oldest first, streamed."""
    h = t.History
    stmt = select(
        h.id,
        h.at,
        h.actor,
        h.install_code,
        h.entity,
        h.entity_id,
        h.action,
        h.changes,
        h.reason,
        h.content_hash,
        h.prev_hash,
        h.hash,
        h.redacted,
    ).order_by(h.id)
    for row in s.execute(stmt.execution_options(yield_per=5000)).mappings():
        yield dict(row)


def find(
    s: Session,
    *,
    user: str | None = None,
    action: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
) -> list[t.History]:
    """Entries newest first, filtered by user, action and dates."""
    h = t.History
    stmt = select(h).order_by(h.id.desc())
    if user:
        stmt = stmt.where(h.actor == user)
    if action:
        stmt = stmt.where(h.action == action)
    if since:
        stmt = stmt.where(h.at >= dt.datetime.combine(since, dt.time()))
    if until:
        stmt = stmt.where(h.at < dt.datetime.combine(until + dt.timedelta(days=1), dt.time()))
    if limit:
        stmt = stmt.limit(limit)
    return list(s.scalars(stmt))
