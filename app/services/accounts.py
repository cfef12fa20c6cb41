"""Local accounts: Argon2id-hashed passwords, roles, a lock after five failed sign-ins,
resets that force a new password, and deactivation.

Every way in (the GUI, the command line) signs in through :func:`sign_in` (before the
register is open) or :func:`login` (on an open one: the lock screen), so the same lockout
and the same history apply to both. The password unwraps the register's key
(app.services.vault): adding an account, changing or resetting a password wraps it anew,
deactivating an account removes its wrap.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import InvalidInput, NotFound, Refused
from app.i18n import render
from app.services import vault
from app.services.actor import Actor, Role
from app.services.context import Context, open_data_dir
from app.store import accounts as accounts_store
from app.store import repo
from app.store.concurrency import SETUP_UNFINISHED
from app.store.tables import Account

log = logging.getLogger(__name__)

MAX_FAILURES = 5
LOCK_MINUTES = 5
MIN_PASSWORD = 8


Cost = vault.Cost

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
    return vault.derive(password, salt, cost, length)


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
    _wrap(ctx, name, password)


def _wrap(ctx: Context, name: str, password: str) -> None:
    """Let ``name`` open the register with ``password`` (nothing for a plaintext register
    of an earlier release, which its first sign-in encrypts)."""
    if ctx.db.key is not None:
        vault.set_wrap(ctx.data_dir, ctx.db.key, name, password)


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
        repo.drop_setting(s, SETUP_UNFINISHED)  # the setup on a server is whole now
    _wrap(ctx, name, password)
    # From now on only a sign-in opens the register.
    vault.claim(ctx.data_dir, place_label(ctx), _install_code(ctx))
    return admin


def place_label(ctx: Context) -> str:
    """ "Kamang Baru (130306-A)": the install, as the login names it ("" before setup)."""
    if not ctx.is_set_up:
        return ""
    ident = ctx.identity
    region = ctx.regions.get(ident.kecamatan or ident.regency)
    return f"{region.name} ({ident.install_code})" if region else ident.install_code


def _install_code(ctx: Context) -> str:
    return ctx.identity.install_code if ctx.is_set_up else ""


def has_admin(ctx: Context) -> bool:
    """True once an active administrator account exists (else the GUI asks for one)."""
    with ctx.db.read() as s:
        return accounts_store.count_admins(s) > 0


def _info(a: Account, stored: dict[str, object] | None) -> AccountInfo:
    failed, until = (
        vault.lock_state(stored, a.username)
        if stored is not None
        else (a.failed_logins, a.locked_until)
    )
    return AccountInfo(a.username, a.full_name, a.role, a.active, failed, until, a.must_change)


def list_users(ctx: Context, actor: Actor) -> list[AccountInfo]:
    """Every account, by name (failed sign-ins and locks as the key vault counts them)."""
    actor.require(Role.ADMIN)
    stored = vault.load(ctx.data_dir) if ctx.db.key is not None else None
    with ctx.db.read() as s:
        return [_info(a, stored) for a in accounts_store.all_accounts(s)]


def waiting_for_reset(ctx: Context) -> list[str]:
    """Accounts that cannot sign in until an administrator resets their password (after
    the register was encrypted, only the account that signed in then had a password)."""
    stored = vault.load(ctx.data_dir)
    return list(stored["to_reset"]) if stored is not None else []


def must_change(ctx: Context, username: str) -> bool:
    """True when an administrator reset this account's password (a new one is due)."""
    with ctx.db.read() as s:
        acc = accounts_store.get(s, username.strip().lower())
        return bool(acc is not None and acc.must_change)


def opens_with_sign_in(data_dir: Path) -> bool:
    """True when the register of ``data_dir`` opens only through :func:`sign_in`: it is
    encrypted and has accounts, or it is a plaintext one of an earlier release (which its
    first sign-in encrypts)."""
    from app.store.engine import DB_FILENAME, is_plaintext

    if vault.needs_sign_in(data_dir):
        return True
    if not is_plaintext(data_dir / DB_FILENAME):
        return False
    ctx = open_data_dir(data_dir)  # a release before accounts had none: its first admin
    try:
        return ctx.is_set_up and has_admin(ctx)
    finally:
        ctx.close()


def sign_in(
    data_dir: Path,
    username: str,
    password: str,
    now: dt.datetime | None = None,
    unlock: Callable[[], bytes] | None = None,
) -> tuple[Context, Actor]:
    """Open the register of ``data_dir`` as ``username``: the password unwraps the key
    (failures counted in the key vault, before anything opens), then the account's role
    and state are read from the register. ``unlock`` gives the key when that unwrapping
    (:func:`vault.unlock` with these credentials) was started already: the GUI starts it
    while its modules load.

    A plaintext register of an earlier release is signed in the old way and then encrypted
    (app.services.encrypt).

    Raises:
        Refused: as :func:`login`; ``login.needs_reset`` for an account without a password
            since the encryption.
        StorageError: the register cannot be opened with the key (damaged or foreign).
    """
    from app.services import encrypt
    from app.store.engine import DB_FILENAME, is_plaintext

    if is_plaintext(data_dir / DB_FILENAME):
        ctx = open_data_dir(data_dir)
        try:
            actor = login(ctx, username, password, now)
            return encrypt.encrypt_register(ctx, actor, password), actor
        except BaseException:
            ctx.close()
            raise
    key = unlock() if unlock is not None else vault.unlock(data_dir, username, password, now)
    encrypt.remove_leftovers(data_dir)  # an encryption interrupted after its switch
    ctx = open_data_dir(data_dir, key)
    try:
        _refreshed(ctx, username.strip().lower(), password)
        actor = _signed_in(ctx, username.strip().lower(), now or dt.datetime.now())
        from app.services import chainhead

        chainhead.daily(ctx, actor.username, now)
    except BaseException:
        ctx.close()
        raise
    return ctx, actor


def _refreshed(ctx: Context, name: str, password: str) -> None:
    """On a server register, this desk's vault takes the server's copy (docs/postgresql.md,
    "adding a desk"): an account added, a password changed or an account deactivated at
    another desk counts here from now on. A password that only this desk's older copy
    still took (changed at another desk since) is refused now.

    Raises:
        Refused: ``login.failed``: the server's copy no longer takes ``password``.
    """
    before = (vault.load(ctx.data_dir) or {}).get("accounts", {}).get(name)
    vault.refresh(ctx.data_dir)
    after = (vault.load(ctx.data_dir) or {}).get("accounts", {}).get(name)
    if after == before:
        return
    if after is None or vault.unwrap(after, password, f"account:{name}") != ctx.db.key:
        raise Refused("login.failed")


def _signed_in(ctx: Context, name: str, now: dt.datetime) -> Actor:
    """The account ``name`` whose password unwrapped the key: active, with its role. The
    failed sign-ins counted while the register was closed go into its history first."""
    from app.store import repo

    attempts = vault.take_attempts(ctx.data_dir)
    with ctx.db.session() as s:
        for who, at, locked in attempts:
            repo.add_history(
                s,
                at=at,
                actor=who,
                install_code=ctx.identity.install_code,
                entity="account",
                entity_id=who,
                action="login_failed",
                changes={"locked": locked},
            )
        acc = accounts_store.get(s, name)
        if acc is None or not acc.active:
            raise Refused("login.failed")
        _history(s, ctx, name, "login", name)
        return Actor(name, Role(acc.role))


def login(ctx: Context, username: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Check a password (:func:`_login`); on success the audit chain head is signed at the
    first sign-in of the day (and a clock gone backwards recorded)."""
    actor = _login(ctx, username, password, now)
    from app.services import chainhead

    chainhead.daily(ctx, actor.username, now)
    return actor


def _login(ctx: Context, username: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Check a password on an open register (the lock screen, switching user); five failures
    in a row lock the account for five minutes.

    Raises:
        Refused: ``login.failed`` (wrong name or password, without saying which; also a
            deactivated account) or ``login.locked`` with the minutes left.
    """
    now = now or dt.datetime.now()
    name = username.strip().lower()
    if ctx.db.key is not None:
        vault.refresh(ctx.data_dir)  # another desk's changes count at this lock screen too
        try:
            key = vault.unlock(ctx.data_dir, name, password, now)
        except Refused as exc:
            if exc.code != "login.needs_reset":
                with ctx.db.session() as s:
                    if accounts_store.get(s, name) is not None:
                        locked = exc.code == "login.locked"
                        _history(s, ctx, name, "login_failed", name, locked=locked)
            raise
        if key != ctx.db.key:  # a wrap of another register's key
            raise Refused("login.failed")
        return _signed_in(ctx, name, now)
    # A plaintext register of an earlier release: its accounts' hashes and lock counters.
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
    vault.clear_lock(ctx.data_dir, name)


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
        if ctx.db.key is not None:
            stored = vault.load(ctx.data_dir) or {}
            entry = stored.get("accounts", {}).get(name)
            if entry is None or vault.unwrap(entry, current, f"account:{name}") != ctx.db.key:
                raise Refused("password.current_wrong")
        elif not verify_password(current, acc.password_hash):
            raise Refused("password.current_wrong")
        acc.password_hash = hash_password(new)
        acc.must_change = False
        _history(s, ctx, actor.username, "user_password", name)
    _wrap(ctx, name, new)


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
    if acc.active:
        _wrap(ctx, name, password)


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
            acc.must_change = True
        _history(s, ctx, actor.username, "user_reactivate" if active else "user_deactivate", name)
    if not active:
        vault.drop_wrap(ctx.data_dir, name)
    elif ctx.db.key is not None:
        vault.mark_for_reset(ctx.data_dir, name)


def recover(data_dir: Path, recovery: str, username: str, password: str) -> Context:
    """Give the administrator ``username`` a new password with the recovery key of the
    sheet (every password forgotten, or a replacement PC); returns the opened register.

    Raises:
        Refused / InvalidInput: a wrong or malformed recovery key, no recovery key made
            for this install, or no active administrator of that name.
    """
    key = vault.unlock_recovery(data_dir, recovery)
    name = validate_new(username, password)
    ctx = open_data_dir(data_dir, key)
    try:
        with ctx.db.session() as s:
            acc = accounts_store.get(s, name)
            if acc is None or not acc.active or acc.role != Role.ADMIN.value:
                raise Refused("recovery.not_admin", name=name)
            acc.password_hash = hash_password(password)
            acc.must_change = False
            acc.failed_logins = 0
            acc.locked_until = None
            _history(s, ctx, name, "user_recover", name)
        vault.set_wrap(data_dir, key, name, password)
        vault.claim(data_dir, place_label(ctx), _install_code(ctx))
    except BaseException:
        ctx.close()
        raise
    return ctx


def record_refusal(ctx: Context, actor: Actor, command: str, role: str) -> None:
    """Write into the history that ``actor`` tried ``command`` without the rights of ``role``.

    Refusals for want of a role are attempts at someone else's work: an administrator
    reviewing the audit trail sees them.
    """
    with ctx.db.session() as s:
        _history(s, ctx, actor.username, "refused", actor.username, command=command, role=role)
