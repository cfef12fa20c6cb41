"""Local accounts: scrypt-hashed passwords, roles, and a lock after five failed logins."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import logging
import os
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.errors import InvalidInput, NotFound, Refused
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import accounts as store

log = logging.getLogger(__name__)

MAX_FAILURES = 5
LOCK_MINUTES = 5
MIN_PASSWORD = 8
# scrypt: memory-hard (16 MiB with these parameters), about 50 ms on an old office PC.
_N, _R, _P = 2**14, 8, 1


@dataclass(frozen=True)
class AccountInfo:
    """What the users screen and ``lindungi user list`` show (never the hash)."""

    username: str
    full_name: str
    role: str
    active: bool
    failed_logins: int
    locked_until: dt.datetime | None


def hash_password(password: str) -> str:
    """``scrypt$N$r$p$salt$hash`` with a random 16-byte salt."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches the stored hash (constant-time comparison)."""
    try:
        kind, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if kind != "scrypt":
        return False
    got = hashlib.scrypt(
        password.encode(),
        salt=base64.b64decode(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=len(base64.b64decode(digest)),
    )
    return hmac.compare_digest(got, base64.b64decode(digest))


def validate_new(username: str, password: str) -> str:
    """The normalised user name, if the name and password are acceptable.

    Raises:
        InvalidInput: a malformed name or a short password.
    """
    name = username.strip().lower()
    if not name or not name.replace(".", "").replace("_", "").replace("-", "").isalnum():
        raise InvalidInput("user.name", name=username)
    if len(password) < MIN_PASSWORD:
        raise InvalidInput("user.password_short", min=MIN_PASSWORD)
    return name


def _history(
    s: Session, ctx: Context, actor: str, action: str, username: str, **changes: object
) -> None:
    from app.store import repo

    repo.add_history(
        s,
        at=dt.datetime.now(),
        actor=actor,
        install_code=ctx.identity.install_code,
        entity="account",
        entity_id=username,
        action=action,
        changes=dict(changes),
    )


def add_user(
    ctx: Context, actor: Actor, username: str, role: Role, password: str, full_name: str = ""
) -> None:
    """Create an account.

    Raises:
        Refused: the actor is not an administrator, or the name is taken.
        InvalidInput: a malformed name or a password shorter than eight characters.
    """
    actor.require(Role.ADMIN)
    name = validate_new(username, password)
    with ctx.db.session() as s:
        if store.get(s, name) is not None:
            raise Refused("user.exists", name=name)
        store.add(
            s, name, full_name.strip(), role.value, hash_password(password), dt.datetime.now()
        )
        _history(s, ctx, actor.username, "user_add", name, role=role.value)


def has_admin(ctx: Context) -> bool:
    """True once an administrator account exists (else the GUI asks for one)."""
    with ctx.db.read() as s:
        return store.count_admins(s) > 0


def list_users(ctx: Context, actor: Actor) -> list[AccountInfo]:
    """Every account, by name."""
    actor.require(Role.ADMIN)
    with ctx.db.read() as s:
        return [
            AccountInfo(a.username, a.full_name, a.role, a.active, a.failed_logins, a.locked_until)
            for a in store.all_accounts(s)
        ]


def login(ctx: Context, username: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Check a password; five failures in a row lock the account for five minutes.

    Raises:
        Refused: ``login.failed`` (wrong name or password, without saying which) or
            ``login.locked`` with the minutes left.
    """
    now = now or dt.datetime.now()
    name = username.strip().lower()
    with ctx.db.session() as s:
        acc = store.get(s, name)
        if acc is None or not acc.active:
            verify_password(password, hash_password("timing"))  # same cost as a real check
            raise Refused("login.failed")
        if acc.locked_until is not None and acc.locked_until > now:
            minutes = max(1, int((acc.locked_until - now).total_seconds() // 60) + 1)
            raise Refused("login.locked", minutes=minutes)
        if verify_password(password, acc.password_hash):
            acc.failed_logins = 0
            acc.locked_until = None
            _history(s, ctx, name, "login", name)
            return Actor(name, Role(acc.role))
        acc.failed_logins += 1
        locked = acc.failed_logins >= MAX_FAILURES
        if locked:
            acc.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
            acc.failed_logins = 0
        _history(s, ctx, name, "login_failed", name, locked=locked)
    # Raised after the session committed, so that the count and the lock are kept.
    if locked:
        raise Refused("login.locked", minutes=LOCK_MINUTES)
    raise Refused("login.failed")


def unlock(ctx: Context, actor: Actor, username: str) -> None:
    """Lift a lock after failed logins.

    Raises:
        NotFound: no such account.
    """
    actor.require(Role.ADMIN)
    name = username.strip().lower()
    with ctx.db.session() as s:
        acc = store.get(s, name)
        if acc is None:
            raise NotFound("user.not_found", name=name)
        acc.failed_logins = 0
        acc.locked_until = None
        _history(s, ctx, actor.username, "user_unlock", name)


def set_password(ctx: Context, actor: Actor, username: str, password: str) -> None:
    """Change a password: one's own, or anyone's for an administrator."""
    name = username.strip().lower()
    if name != actor.username:
        actor.require(Role.ADMIN)
    validate_new(name, password)
    with ctx.db.session() as s:
        acc = store.get(s, name)
        if acc is None:
            raise NotFound("user.not_found", name=name)
        acc.password_hash = hash_password(password)
        _history(s, ctx, actor.username, "user_password", name)
