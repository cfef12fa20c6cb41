"""Local accounts: Argon2id-hashed passwords, roles, a lock after five failed sign-ins,
resets that force a new password, and deactivation.

Every way in (the GUI, the command line) signs in through :func:`login`, so the same
lockout and the same history apply to both.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import logging
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from sqlalchemy.orm import Session

from app.errors import InvalidInput, NotFound, Refused
from app.i18n import render
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import accounts as accounts_store
from app.store.tables import Account

log = logging.getLogger(__name__)

MAX_FAILURES = 5
LOCK_MINUTES = 5
MIN_PASSWORD = 8


@dataclass(frozen=True)
class Cost:
    """Argon2id parameters: memory in KiB, passes, lanes."""

    memory_kib: int
    iterations: int
    lanes: int


# OWASP's recommendation for Argon2id: 19 MiB, two passes, one lane (about 50 ms on an
# office PC). Tests lower it inside their own process; nothing outside the code can.
COST = Cost(memory_kib=19 * 1024, iterations=2, lanes=1)
_KIND = "argon2id"


@dataclass(frozen=True)
class AccountInfo:
    """What the users screen and ``lindungi user list`` show (never the hash)."""

    username: str
    full_name: str
    role: str
    active: bool
    failed_logins: int
    locked_until: dt.datetime | None
    must_change: bool = False


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _argon2(password: str, salt: bytes, cost: Cost, length: int = 32) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=length,
        iterations=cost.iterations,
        lanes=cost.lanes,
        memory_cost=cost.memory_kib,
    )
    return kdf.derive(password.encode())


def hash_password(password: str) -> str:
    """``argon2id$m=…,t=…,p=…$salt$hash`` with a random 16-byte salt and :data:`COST`."""
    salt = os.urandom(16)
    c = COST
    digest = _argon2(password, salt, c)
    return f"{_KIND}$m={c.memory_kib},t={c.iterations},p={c.lanes}${_b64(salt)}${_b64(digest)}"


def _parse_cost(text: str) -> Cost:
    fields = dict(part.split("=", 1) for part in text.split(","))
    return Cost(int(fields["m"]), int(fields["t"]), int(fields["p"]))


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches the stored hash (constant-time comparison).

    Hashes of earlier releases (scrypt) still verify; :func:`needs_rehash` says when to
    replace them.
    """
    try:
        kind, *rest = stored.split("$")
        if kind == _KIND:
            params, salt, digest = rest
            want = base64.b64decode(digest)
            got = _argon2(password, base64.b64decode(salt), _parse_cost(params), len(want))
        elif kind == "scrypt":
            n, r, p, salt, digest = rest
            want = base64.b64decode(digest)
            got = hashlib.scrypt(
                password.encode(),
                salt=base64.b64decode(salt),
                n=int(n),
                r=int(r),
                p=int(p),
                dklen=len(want),
            )
        else:
            return False
    except (ValueError, KeyError):
        return False
    return hmac.compare_digest(got, want)


def needs_rehash(stored: str) -> bool:
    """True for a hash of another kind or cost than today's (upgraded at the next sign-in)."""
    c = COST
    return not stored.startswith(f"{_KIND}$m={c.memory_kib},t={c.iterations},p={c.lanes}$")


def password_rule() -> str:
    """The rule a new password must follow, in the user's language (shown in every form)."""
    return render("user.password_rule", min=MIN_PASSWORD)


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
        if accounts_store.get(s, name) is not None:
            raise Refused("user.exists", name=name)
        accounts_store.add(
            s, name, full_name.strip(), role.value, hash_password(password), dt.datetime.now()
        )
        _history(s, ctx, actor.username, "user_add", name, role=role.value)


def first_admin(ctx: Context, username: str, password: str, full_name: str = "") -> Actor:
    """Create the first administrator of a data dir that has none (setup, first run).

    Raises:
        Refused: ``user.admin_exists`` when an administrator exists already: later
            accounts are added by an administrator who signed in.
        InvalidInput: a malformed name or a short password.
    """
    name = validate_new(username, password)
    admin = Actor(name, Role.ADMIN)
    with ctx.db.session() as s:
        if accounts_store.count_admins(s) > 0:
            raise Refused("user.admin_exists")
        if accounts_store.get(s, name) is not None:
            raise Refused("user.exists", name=name)
        accounts_store.add(
            s, name, full_name.strip(), Role.ADMIN.value, hash_password(password), dt.datetime.now()
        )
        _history(s, ctx, name, "user_add", name, role=Role.ADMIN.value)
    return admin


def has_admin(ctx: Context) -> bool:
    """True once an active administrator account exists (else the GUI asks for one)."""
    with ctx.db.read() as s:
        return accounts_store.count_admins(s) > 0


def _info(a: Account) -> AccountInfo:
    return AccountInfo(
        a.username,
        a.full_name,
        a.role,
        a.active,
        a.failed_logins,
        a.locked_until,
        a.must_change,
    )


def list_users(ctx: Context, actor: Actor) -> list[AccountInfo]:
    """Every account, by name."""
    actor.require(Role.ADMIN)
    with ctx.db.read() as s:
        return [_info(a) for a in accounts_store.all_accounts(s)]


def must_change(ctx: Context, username: str) -> bool:
    """True when an administrator reset this account's password (a new one is due)."""
    with ctx.db.read() as s:
        acc = accounts_store.get(s, username.strip().lower())
        return bool(acc is not None and acc.must_change)


def login(ctx: Context, username: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Check a password (:func:`_login`); on success the audit chain head is signed at the
    first sign-in of the day (and a clock gone backwards recorded)."""
    actor = _login(ctx, username, password, now)
    from app.services import chainhead

    chainhead.daily(ctx, actor.username, now)
    return actor


def _login(ctx: Context, username: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Check a password; five failures in a row lock the account for five minutes.

    A hash of an earlier release, or of a lower cost, is replaced by today's on success.

    Raises:
        Refused: ``login.failed`` (wrong name or password, without saying which; also a
            deactivated account) or ``login.locked`` with the minutes left.
    """
    now = now or dt.datetime.now()
    name = username.strip().lower()
    with ctx.db.session() as s:
        acc = accounts_store.get(s, name)
        if acc is None or not acc.active:
            verify_password(password, hash_password("timing"))  # same cost as a real check
            raise Refused("login.failed")
        if acc.locked_until is not None and acc.locked_until > now:
            minutes = max(1, int((acc.locked_until - now).total_seconds() // 60) + 1)
            raise Refused("login.locked", minutes=minutes)
        if verify_password(password, acc.password_hash):
            acc.failed_logins = 0
            acc.locked_until = None
            if needs_rehash(acc.password_hash):
                acc.password_hash = hash_password(password)
                log.info("password hash of %s upgraded to %s", name, _KIND)
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


def _account(s: Session, username: str) -> tuple[str, Account]:
    name = username.strip().lower()
    acc = accounts_store.get(s, name)
    if acc is None:
        raise NotFound("user.not_found", name=name)
    return name, acc


def unlock(ctx: Context, actor: Actor, username: str) -> None:
    """Lift a lock after failed logins.

    Raises:
        NotFound: no such account.
    """
    actor.require(Role.ADMIN)
    with ctx.db.session() as s:
        name, acc = _account(s, username)
        acc.failed_logins = 0
        acc.locked_until = None
        _history(s, ctx, actor.username, "user_unlock", name)


def change_password(ctx: Context, actor: Actor, current: str, new: str) -> None:
    """Change one's own password, proving the current one first (also after a reset).

    Raises:
        Refused: ``password.current_wrong``: the current password is not right.
        InvalidInput: the new password breaks the rule, or equals the current one.
    """
    validate_new(actor.username, new)
    if new == current:
        raise InvalidInput("password.same")
    with ctx.db.session() as s:
        name, acc = _account(s, actor.username)
        if not verify_password(current, acc.password_hash):
            raise Refused("password.current_wrong")
        acc.password_hash = hash_password(new)
        acc.must_change = False
        _history(s, ctx, actor.username, "user_password", name)


def reset_password(ctx: Context, actor: Actor, username: str, password: str) -> None:
    """An administrator gives an account a new password, to be changed at its next sign-in.

    The lock after failed sign-ins is lifted too.

    Raises:
        Refused: the actor is not an administrator.
        NotFound: no such account.
        InvalidInput: the password breaks the rule.
    """
    actor.require(Role.ADMIN)
    name = validate_new(username, password)
    with ctx.db.session() as s:
        name, acc = _account(s, name)
        acc.password_hash = hash_password(password)
        acc.must_change = True
        acc.failed_logins = 0
        acc.locked_until = None
        _history(s, ctx, actor.username, "user_reset", name)


def set_active(ctx: Context, actor: Actor, username: str, active: bool) -> None:
    """Deactivate (no sign-in any more; history kept) or reactivate an account.

    Raises:
        Refused: the actor is not an administrator, deactivates their own account, or the
            last active administrator; or the account is already in that state.
        NotFound: no such account.
    """
    actor.require(Role.ADMIN)
    with ctx.db.session() as s:
        name, acc = _account(s, username)
        if acc.active == active:
            raise Refused("user.already_active" if active else "user.already_inactive", name=name)
        if not active:
            if name == actor.username:
                raise Refused("user.deactivate_self")
            if acc.role == Role.ADMIN.value and accounts_store.count_admins(s) <= 1:
                raise Refused("user.last_admin")
        acc.active = active
        if active:
            acc.failed_logins = 0
            acc.locked_until = None
        _history(s, ctx, actor.username, "user_reactivate" if active else "user_deactivate", name)


def record_refusal(ctx: Context, actor: Actor, command: str, role: str) -> None:
    """Write into the history that ``actor`` tried ``command`` without the rights of ``role``.

    Refusals for want of a role are attempts at someone else's work: an administrator
    reviewing the audit trail sees them.
    """
    with ctx.db.session() as s:
        _history(s, ctx, actor.username, "refused", actor.username, command=command, role=role)
