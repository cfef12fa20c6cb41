"""Account rows. Services change the returned ORM rows only inside their own session."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store import tables as t


def get(s: Session, username: str) -> t.Account | None:
    """The account with this name."""
    return s.scalar(select(t.Account).where(t.Account.username == username))


def add(
    s: Session, username: str, full_name: str, role: str, pw_hash: str, now: dt.datetime
) -> None:
    """Insert an account."""
    s.add(
        t.Account(
            username=username,
            full_name=full_name,
            role=role,
            password_hash=pw_hash,
            failed_logins=0,
            locked_until=None,
            active=True,
            created_at=now,
        )
    )


def count_admins(s: Session) -> int:
    """Active administrator accounts."""
    stmt = (
        select(func.count())
        .select_from(t.Account)
        .where((t.Account.role == "admin") & t.Account.active)
    )
    return int(s.scalar(stmt) or 0)


def all_accounts(s: Session) -> list[t.Account]:
    """Every account, by name."""
    return list(s.scalars(select(t.Account).order_by(t.Account.username)))
