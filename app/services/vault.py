"""The register's key and who may unwrap it: ``vault.json`` beside the database.

The register is encrypted with one random 32-byte key (app.store.engine). That key is kept
here only wrapped (AES-GCM) under a key derived from each account's password with
Argon2id, and under the recovery key of the printed sheet. Signing in unwraps it; nothing
in this file opens the register without a password or the sheet.

The file also holds the lockout counter of failed sign-ins, because a sign-in is checked
before the database can be opened. The counter slows down someone at the keyboard; someone
who copied the files can try passwords without it, so the real brake is the cost of the key
derivation (19 MiB and two passes per guess), and a long password.

Only one key is ever unwrapped in the clear before the first administrator exists (a data
dir being set up holds no personal data yet): ``unclaimed``, dropped when the first
administrator's wrap is written.

On a kabupaten whose register is on a PostgreSQL server, several desks share one register
key: the wraps (not the lockout counter, which stays per desk) are also kept in the server,
as the ledger document ``vault`` (app.store.ledger). Every change of the wraps is made to
the server's copy under the ledger's lock and then written to this desk's file
(:func:`_change`), so that a desk whose file is behind never undoes another's change; a
sign-in refreshes the file from the server's copy (:func:`refresh`); ``database join``
starts a new desk's file from it (docs/postgresql.md).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import InvalidInput, OsReason, Refused, StorageError
from app.store.files import locked, write_private

log = logging.getLogger(__name__)

VAULT_FILENAME = "vault.json"
FORMAT = 1
MAX_FAILURES = 5
LOCK_MINUTES = 5
RECOVERY = "recovery"
MAX_ATTEMPTS_KEPT = 1000  # failed sign-ins waiting to go into the history
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
# The ledger document of a server register's shared vault, and what of a vault it holds:
# everything but this desk's lockout counter and its failed sign-ins not yet in the history.
SHARED_DOC = "vault"
LOCAL_ONLY = ("lockout", "attempts")


@dataclass(frozen=True)
class Cost:
    """Argon2id parameters: memory in KiB, passes, lanes."""

    memory_kib: int
    iterations: int
    lanes: int


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def derive(secret: str, salt: bytes, cost: Cost, length: int = 32) -> bytes:
    """Argon2id of ``secret`` (a password or the recovery key)."""
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=salt,
        length=length,
        iterations=cost.iterations,
        lanes=cost.lanes,
        memory_cost=cost.memory_kib,
    )
    return kdf.derive(secret.encode())


def _aad(label: str) -> bytes:
    return f"lindungi-db-key:{label}".encode()


def wrap(key: bytes, secret: str, label: str, cost: Cost) -> dict[str, Any]:
    """``key`` sealed under ``secret`` (bound to ``label``: an account name or recovery)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    kek = derive(secret, salt, cost)
    return {
        "kdf": "argon2id",
        "m": cost.memory_kib,
        "t": cost.iterations,
        "p": cost.lanes,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "sealed": _b64(AESGCM(kek).encrypt(nonce, key, _aad(label))),
    }


def unwrap(entry: dict[str, Any], secret: str, label: str) -> bytes | None:
    """The key sealed in ``entry``, or None when ``secret`` is not the one it was sealed with."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        cost = Cost(int(entry["m"]), int(entry["t"]), int(entry["p"]))
        kek = derive(secret, base64.b64decode(entry["salt"]), cost)
        key = AESGCM(kek).decrypt(
            base64.b64decode(entry["nonce"]), base64.b64decode(entry["sealed"]), _aad(label)
        )
    except (InvalidTag, KeyError, ValueError, TypeError):
        return None
    from app.store.engine import KEY_BYTES  # not at the top: the login shows before the store loads

    return key if len(key) == KEY_BYTES else None


def path_of(data_dir: Path) -> Path:
    """Where the vault of ``data_dir`` lives."""
    return data_dir / VAULT_FILENAME


def load(data_dir: Path) -> dict[str, Any] | None:
    """The vault of ``data_dir``, or None when it has none (a new or a plaintext install).

    Raises:
        StorageError: the file exists but cannot be read as a vault.
    """
    path = path_of(data_dir)
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise StorageError("vault.unreadable", path=str(path), reason=OsReason(exc)) from exc
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(path.name)
    except ValueError:
        raise StorageError("vault.damaged", path=str(path)) from None
    data.setdefault("accounts", {})
    data.setdefault("lockout", {})
    data.setdefault("to_reset", [])
    return data


def changing(data_dir: Path) -> contextlib.AbstractContextManager[None]:
    """Hold the vault of ``data_dir`` against other processes for a read-modify-write
    (two failed sign-ins at once must both be counted)."""
    return locked(data_dir / (VAULT_FILENAME + ".lock"))


def save(data_dir: Path, vault: dict[str, Any]) -> None:
    """Write the vault whole (a crash leaves the old one or the new one, never half)."""
    text = json.dumps(vault, indent=1, sort_keys=True).encode()
    write_private(path_of(data_dir), text)


def new_vault(key: bytes) -> dict[str, Any]:
    """The vault of a data dir being set up: its key unclaimed until the first administrator."""
    return {
        "format": FORMAT,
        "cipher": "sqlcipher4, raw 256-bit key",
        "unclaimed": key.hex(),
        "accounts": {},
        "lockout": {},
        "to_reset": [],
    }


def fresh_key() -> bytes:
    """A random database key."""
    from app.store.engine import KEY_BYTES

    return secrets.token_bytes(KEY_BYTES)


def unclaimed_key(vault: dict[str, Any] | None) -> bytes | None:
    """The key of a data dir that has no administrator yet, else None."""
    if vault is None or not vault.get("unclaimed"):
        return None
    return bytes.fromhex(vault["unclaimed"])


def needs_sign_in(data_dir: Path) -> bool:
    """True when the register of ``data_dir`` opens only with a sign-in (or the sheet)."""
    vault = load(data_dir)
    return vault is not None and unclaimed_key(vault) is None


def lock_state(vault: dict[str, Any] | None, username: str) -> tuple[int, dt.datetime | None]:
    """Failed sign-ins in a row and the end of the lock of ``username``."""
    entry = (vault or {}).get("lockout", {}).get(username) or {}
    until = entry.get("locked_until")
    return int(entry.get("failed", 0)), dt.datetime.fromisoformat(until) if until else None


def unlock(data_dir: Path, username: str, password: str, now: dt.datetime | None = None) -> bytes:
    """The database key, unwrapped by ``username``'s password. Five failures in a row lock
    the account for five minutes (counted here, before the database is open).

    Raises:
        Refused: ``login.failed`` (wrong name or password, without saying which; also a
            deactivated account), ``login.locked`` with the minutes left, or
            ``login.needs_reset`` for an account an administrator must give a password.
    """
    now = now or dt.datetime.now()
    name = username.strip().lower()
    vault = load(data_dir)
    entry = (vault or {}).get("accounts", {}).get(name)
    if vault is None or entry is None:
        # The same cost as a real check: the time says nothing of which names exist.
        derive(password, b"\0" * 16, Cost(*_default_cost()))
        if vault is not None and name in vault["to_reset"]:
            raise Refused("login.needs_reset", name=name)
        raise Refused("login.failed")
    failed, until = lock_state(vault, name)
    if until is not None and until > now:
        minutes = max(1, int((until - now).total_seconds() // 60) + 1)
        raise Refused("login.locked", minutes=minutes)
    key = unwrap(entry, password, f"account:{name}")
    if key is not None:
        if failed or until:
            clear_lock(data_dir, name)
        return key
    with changing(data_dir):
        # Read again: other sign-ins may have counted while the password was derived.
        vault = load(data_dir) or vault
        failed, until = lock_state(vault, name)
        if until is not None and until > now:  # another attempt locked it meanwhile
            failed = MAX_FAILURES - 1
        locked = _count_failure(vault, name, failed + 1, now)
        save(data_dir, vault)
    log.warning("failed sign-in of %s (%s)", name, "locked" if locked else failed)
    if locked:
        raise Refused("login.locked", minutes=LOCK_MINUTES)
    raise Refused("login.failed")


def _count_failure(vault: dict[str, Any], name: str, failed: int, now: dt.datetime) -> bool:
    """Note the ``failed``-th failure in a row of ``name`` in ``vault``; True when it locks."""
    locked = failed >= MAX_FAILURES
    vault["lockout"][name] = (
        {"failed": 0, "locked_until": (now + dt.timedelta(minutes=LOCK_MINUTES)).isoformat()}
        if locked
        else {"failed": failed, "locked_until": None}
    )
    attempts = vault.setdefault("attempts", [])
    attempts.append({"name": name, "at": now.isoformat(), "locked": locked})
    del attempts[:-MAX_ATTEMPTS_KEPT]
    return locked


def take_attempts(data_dir: Path) -> list[tuple[str, dt.datetime, bool]]:
    """The failed sign-ins counted while the register was closed (name, when, locked
    then), removed from the vault: the caller writes them into the history."""
    with changing(data_dir):
        vault = load(data_dir)
        if vault is None or not vault.get("attempts"):
            return []
        attempts = vault.pop("attempts")
        save(data_dir, vault)
    return [(a["name"], dt.datetime.fromisoformat(a["at"]), bool(a["locked"])) for a in attempts]


def _default_cost() -> tuple[int, int, int]:
    from app.services import accounts

    c = accounts.COST
    return c.memory_kib, c.iterations, c.lanes


def current_cost() -> Cost:
    """The Argon2id cost of new wraps (the accounts' cost; tests lower it in-process)."""
    return Cost(*_default_cost())


def set_wrap(data_dir: Path, key: bytes, username: str, password: str) -> None:
    """Let ``username`` unwrap ``key`` with ``password`` (new account, new or reset password).

    The first administrator's wrap also claims the key (see the module's note).
    """
    sealed = wrap(key, password, f"account:{username}", current_cost())

    def change(vault: dict[str, Any]) -> bool:
        vault["accounts"][username] = sealed
        vault["lockout"].pop(username, None)
        vault["to_reset"] = [n for n in vault["to_reset"] if n != username]
        return True

    _change(data_dir, change, key)


def claim(data_dir: Path, label: str = "", install: str = "") -> None:
    """Drop the unclaimed key: from now on the register opens only with a sign-in.

    ``label`` (the install's place and code, no personal data) is what the login shows
    before the register is open.
    """

    def change(vault: dict[str, Any]) -> bool:
        changed = vault.pop("unclaimed", None) is not None
        for field, value in (("label", label), ("install", install)):
            if value and vault.get(field) != value:
                vault[field] = value
                changed = True
        return changed

    _change(data_dir, change)


def label(data_dir: Path, field: str = "label") -> str:
    """The install's place and code as the login shows them (``field="install"``: its code
    alone; "" when unknown)."""
    try:
        vault = load(data_dir)
    except StorageError:
        return ""
    return str((vault or {}).get(field, ""))


def drop_wrap(data_dir: Path, username: str) -> None:
    """``username`` can no longer unwrap the key (a deactivated account)."""

    def change(vault: dict[str, Any]) -> bool:
        if vault["accounts"].pop(username, None) is None:
            return False
        vault["lockout"].pop(username, None)
        return True

    _change(data_dir, change)


def mark_for_reset(data_dir: Path, username: str) -> None:
    """``username`` signs in again only after an administrator gives it a password (a
    reactivated account, whose wrap went with its deactivation)."""

    def change(vault: dict[str, Any]) -> bool:
        if username in vault["to_reset"]:
            return False
        vault["to_reset"] = sorted([*vault["to_reset"], username])
        return True

    _change(data_dir, change)


def shared(vault: dict[str, Any]) -> dict[str, Any]:
    """What of ``vault`` every desk of a server register shares (not the lockout)."""
    return {k: v for k, v in vault.items() if k not in LOCAL_ONLY}


def with_shared(local: dict[str, Any] | None, common: dict[str, Any]) -> dict[str, Any]:
    """This desk's vault with the shared part replaced by ``common`` (its lockout kept,
    a deactivated account's count dropped with its wrap)."""
    merged = dict(common)
    merged.setdefault("accounts", {})
    merged.setdefault("to_reset", [])
    lockout = dict((local or {}).get("lockout", {}))
    merged["lockout"] = {n: v for n, v in lockout.items() if n in merged["accounts"]}
    if (local or {}).get("attempts"):
        merged["attempts"] = local["attempts"]  # type: ignore[index]
    return merged


def _parse_shared(body: str | None) -> dict[str, Any] | None:
    if body is None:
        return None
    try:
        data = json.loads(body)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(SHARED_DOC)
    except ValueError:
        raise StorageError("vault.shared_damaged") from None
    return data


def _change(data_dir: Path, change: Any, key: bytes | None = None) -> None:
    """Apply ``change`` (a function that edits a vault and says whether it changed it) to
    the vault of ``data_dir``: on a server register to the server's copy first, under the
    ledger's lock, and this desk's file then becomes that copy with its own lockout."""
    with changing(data_dir):
        local = load(data_dir)
        if not _on_server(data_dir):
            vault = local if local is not None else (new_vault(key) if key else None)
            if vault is not None and change(vault):
                save(data_dir, vault)
            return
        from app.store import ledger  # not at the top: the login shows before the store loads

        result: dict[str, Any] = {}

        def on_server(body: str | None) -> str | None:
            common = _parse_shared(body)
            base = with_shared(local, common) if common is not None else local
            if base is None:
                if key is None:
                    return None
                base = new_vault(key)
            changed = change(base)
            result["vault"] = base
            # A server without a copy yet (a register moved there) gets this desk's whole.
            return json.dumps(shared(base), sort_keys=True) if changed or body is None else None

        ledger.update(data_dir, SHARED_DOC, on_server)
        if "vault" in result:
            save(data_dir, result["vault"])


def _on_server(data_dir: Path) -> bool:
    """True when ``data_dir``'s register is open on a server (its ledger is there)."""
    import sys

    ledger = sys.modules.get("app.store.ledger")  # not loaded: nothing is open yet
    return ledger is not None and bool(ledger.on_server(data_dir))


def refresh(data_dir: Path) -> None:
    """On a server register: this desk's file takes the server's shared copy (accounts
    added, passwords changed, accounts deactivated at another desk), its lockout kept.
    A server that holds no copy yet (a register set up or moved there by an earlier
    release) gets this desk's. Nothing for a register in a file."""
    if not _on_server(data_dir):
        return
    from app.store import ledger

    common = _parse_shared(ledger.read(data_dir, SHARED_DOC))
    if common is None:
        _change(data_dir, lambda _vault: False)
        return
    with changing(data_dir):
        local = load(data_dir)
        if local is not None and shared(local) == common:
            return
        save(data_dir, with_shared(local, common))


def clear_lock(data_dir: Path, username: str) -> None:
    """Forget ``username``'s failed sign-ins (an administrator unlocked or reset it)."""
    with changing(data_dir):
        vault = load(data_dir)
        if vault is not None and vault["lockout"].pop(username, None) is not None:
            save(data_dir, vault)


# --- the recovery key (the printed sheet) ----------------------------------------------------


def make_recovery(data_dir: Path, key: bytes) -> str:
    """A new recovery key that unwraps ``key`` (any earlier one stops working), as printed:
    six groups of four letters and digits."""
    raw = secrets.token_bytes(15)
    bits = int.from_bytes(raw, "big")
    chars = "".join(_B32[(bits >> (5 * i)) & 31] for i in reversed(range(24)))
    text = "-".join(chars[i : i + 4] for i in range(0, 24, 4))
    sealed = wrap(key, normalise_recovery(text), RECOVERY, current_cost())

    def change(vault: dict[str, Any]) -> bool:
        vault[RECOVERY] = sealed
        return True

    _change(data_dir, change, key)
    return text


def normalise_recovery(text: str) -> str:
    """A recovery key as typed or read from a file: case, spaces and dashes do not matter,
    nor 0/O, 1/I and 8/B mixed up."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return cleaned.translate(str.maketrans("018", "OIB"))


def unlock_recovery(data_dir: Path, text: str) -> bytes:
    """The database key, unwrapped by the recovery key of the sheet.

    Raises:
        Refused: ``recovery.none`` (this install has no recovery key) or
            ``recovery.wrong``.
        InvalidInput: ``recovery.format``: not a recovery key at all.
    """
    cleaned = normalise_recovery(text)
    if len(cleaned) != 24 or any(ch not in _B32 for ch in cleaned):
        raise InvalidInput("recovery.format")
    vault = load(data_dir)
    entry = (vault or {}).get(RECOVERY)
    if entry is None:
        raise Refused("recovery.none", path=str(data_dir))
    key = unwrap(entry, cleaned, RECOVERY)
    if key is None:
        raise Refused("recovery.wrong")
    return key


def has_recovery(data_dir: Path) -> bool:
    """True when a recovery key was made for this data dir."""
    vault = load(data_dir)
    return vault is not None and RECOVERY in vault


def _subkey(key: bytes, purpose: str) -> bytes:
    """A key of its own for ``purpose``, derived from the register's key (HKDF-SHA256)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    info = f"lindungi:{purpose}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(key)


def seal_secret(key: bytes, secret: str, purpose: str) -> dict[str, str]:
    """``secret`` (a server's password) sealed with the register's ``key``: it opens only
    after a sign-in (or the recovery key) unwrapped that key."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    sealed = AESGCM(_subkey(key, purpose)).encrypt(nonce, secret.encode(), purpose.encode())
    return {"nonce": _b64(nonce), "sealed": _b64(sealed)}


def open_secret(key: bytes, entry: dict[str, str], purpose: str) -> str:
    """The secret that :func:`seal_secret` sealed.

    Raises:
        StorageError: ``vault.secret``: it was sealed with another key, or is damaged.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        plain = AESGCM(_subkey(key, purpose)).decrypt(
            base64.b64decode(entry["nonce"]), base64.b64decode(entry["sealed"]), purpose.encode()
        )
        return plain.decode()
    except (InvalidTag, KeyError, ValueError, TypeError) as exc:
        raise StorageError("vault.secret", purpose=purpose) from exc
