"""This install's Ed25519 signing key, and the public keys of issuers it trusts.

The private key is a PEM file in ``<data_dir>/keys/`` readable by its owner only (0600 on
POSIX; on Windows the per-user application-data folder already is). The database holds
only public keys and fingerprints, so a database backup, an enrolment file or a bundle
never carries a private key. An install set up before keys existed gets one the first
time it needs it; an install whose key file was lost (a database restored on a new PC)
gets a new key, and its old public key stays known so that its old cards still verify.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from app.errors import InvalidInput, OsReason, Refused, StorageError
from app.paths import temp_beside
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import cardrepo, repo
from app.sync.crypto import KeyPair

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KeyInfo:
    """The public half of this install's signing key."""

    install_code: str
    public_key: str  # hex of the raw 32 bytes
    fingerprint: str  # sha256 of the raw key, hex
    created_at: dt.datetime

    @property
    def short_fingerprint(self) -> str:
        """The first 16 hex digits in groups of four, for people to compare."""
        return " ".join(self.fingerprint[i : i + 4] for i in range(0, 16, 4)).upper()


def fingerprint(public_raw: bytes) -> str:
    """The SHA-256 of a raw public key, as hex."""
    return hashlib.sha256(public_raw).hexdigest()


def _keys_dir(ctx: Context) -> Path:
    path = ctx.data_dir / "keys"
    path.mkdir(exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path


# Passphrases given for protected keys in this process, by data dir (never written down).
_unlocked: dict[str, str] = {}
ENV_PASSPHRASE = "LINDUNGI_KEY_PASSPHRASE"  # noqa: S105 (the name of a variable)


def _passphrase(ctx: Context) -> str | None:
    return _unlocked.get(str(ctx.data_dir)) or os.environ.get(ENV_PASSPHRASE) or None


def _write_private(path: Path, key: Ed25519PrivateKey, passphrase: str | None = None) -> None:
    """Write the key so that only its owner can ever read it (no window of wider access);
    with a passphrase, the PEM itself is encrypted too."""
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase.encode())
        if passphrase
        else serialization.NoEncryption()
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    tmp = temp_beside(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600)
    try:
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)
    if os.name == "posix":
        tmp.chmod(0o600)
    os.replace(tmp, path)


def is_protected(path: Path) -> bool:
    """True when the key file is encrypted with a passphrase."""
    try:
        return b"ENCRYPTED PRIVATE KEY" in path.read_bytes()
    except OSError:
        return False


def _read_private(path: Path, passphrase: str | None = None) -> Ed25519PrivateKey | None:
    """The key, or None when the file is missing or damaged.

    Raises:
        Refused: the key is protected and no (or a wrong) passphrase was given; a locked
            key is never mistaken for a lost one (which would make a new key).
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    protected = b"ENCRYPTED PRIVATE KEY" in data
    if protected and not passphrase:
        raise Refused("key.locked")
    try:
        key = serialization.load_pem_private_key(
            data, password=passphrase.encode() if protected and passphrase else None
        )
    except (ValueError, TypeError):
        if protected:
            raise Refused("key.passphrase") from None
        return None
    return key if isinstance(key, Ed25519PrivateKey) else None


def _current_file(ctx: Context) -> Path | None:
    with ctx.db.read() as s:
        current = [
            k for k in cardrepo.install_keys(s, ctx.identity.install_code) if k.retired_at is None
        ]
    return _keys_dir(ctx) / current[0].key_file if current else None


def key_is_protected(ctx: Context) -> bool:
    """True when this install's signing key needs a passphrase."""
    path = _current_file(ctx)
    return path is not None and is_protected(path)


def unlock(ctx: Context, passphrase: str) -> None:
    """Remember the passphrase of the protected key for this process (after checking it).

    Raises:
        Refused: a wrong passphrase.
    """
    path = _current_file(ctx)
    if path is not None and is_protected(path):
        _read_private(path, passphrase)
    _unlocked[str(ctx.data_dir)] = passphrase


def protect(ctx: Context, actor: Actor, passphrase: str, old: str | None = None) -> None:
    """Encrypt the private key file with a passphrase (or change it; "" removes it).

    Raises:
        Refused: not an administrator, or the old passphrase is wrong.
        InvalidInput: a new passphrase shorter than 8 characters.
    """
    actor.require(Role.ADMIN)
    if passphrase and len(passphrase) < 8:
        raise InvalidInput("key.passphrase_short")
    path = _current_file(ctx)
    if path is None:
        ensure_install_key(ctx)
        path = _current_file(ctx)
    assert path is not None
    key = _read_private(path, old or _passphrase(ctx))
    if key is None:
        raise StorageError("key.unreadable", path=str(path))
    _write_private(path, key, passphrase or None)
    if passphrase:
        _unlocked[str(ctx.data_dir)] = passphrase
    else:
        _unlocked.pop(str(ctx.data_dir), None)
    with ctx.db.session() as s:
        repo.add_history(
            s,
            at=dt.datetime.now(),
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="install",
            entity_id=ctx.identity.install_code,
            action="key_protect",
            changes={"protected": bool(passphrase)},
        )


def ensure_install_key(ctx: Context, now: dt.datetime | None = None) -> KeyInfo:
    """This install's current signing key, created when it has none (or lost its file).

    Raises:
        AppError: the data dir is not set up.
        StorageError: the key file cannot be written.
    """
    code = ctx.identity.install_code
    now = now or dt.datetime.now()
    with ctx.db.read() as s:
        current = [k for k in cardrepo.install_keys(s, code) if k.retired_at is None]
    keys_dir = _keys_dir(ctx)
    if current:
        k = current[0]
        if _read_private(keys_dir / k.key_file, _passphrase(ctx)) is not None:
            return KeyInfo(code, k.public_key, k.fingerprint, k.created_at)
        log.warning(
            "the private key file %s is missing or unreadable: a new key is made", k.key_file
        )
    return _new_key(ctx, code, current, now, "key_created", None)


def _shown_fingerprint(keys_dir: Path, key: cardrepo.KeyRecord, passphrase: str | None) -> str:
    """A retired key's fingerprint as whoami showed it (its hash when its file is gone)."""
    private = _read_private(keys_dir / key.key_file, passphrase)
    return KeyPair(private).public.fingerprint if private is not None else key.fingerprint


def _new_key(
    ctx: Context,
    code: str,
    current: list[cardrepo.KeyRecord],
    now: dt.datetime,
    action: str,
    passphrase: str | None,
) -> KeyInfo:
    """Make, write and record a new signing key; the ``current`` ones are retired (their
    files stay, so that what was sealed for them still opens)."""
    keys_dir = _keys_dir(ctx)
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    fp = fingerprint(raw)
    filename = f"install-{code}-{fp[:12]}.pem"
    try:
        _write_private(keys_dir / filename, private, passphrase)
    except OSError as exc:
        raise StorageError(
            "key.unwritable", path=str(keys_dir / filename), reason=OsReason(exc)
        ) from exc
    with ctx.db.session() as s:
        for k in current:
            cardrepo.retire_install_key(s, k.id, now)
        cardrepo.add_install_key(s, code, raw.hex(), fp, filename, now)
        cardrepo.add_known_key(s, code, raw.hex(), fp, "self", now)
        repo.add_history(
            s,
            at=now,
            actor="system",
            install_code=code,
            entity="install",
            entity_id=code,
            action=action,
            # The fingerprints people compare (``lindungi whoami``), not the keys' hashes.
            changes={
                "fingerprint": KeyPair(private).public.fingerprint,
                "replaces": [_shown_fingerprint(keys_dir, k, passphrase) for k in current],
            },
        )
    log.info("created the signing key %s of install %s", fp[:16], code)
    return KeyInfo(code, raw.hex(), fp, now)


def rotate(ctx: Context, now: dt.datetime | None = None) -> KeyInfo:
    """Replace this install's signing key with a new one (protected like the old one).

    The old key is retired, not deleted: files sealed for it (bundles of offices not yet
    enrolled with the new key) still open with :func:`retired_signing_keys`.

    Raises:
        Refused: the key is protected and locked.
        StorageError: the key file cannot be written.
    """
    code = ctx.identity.install_code
    now = now or dt.datetime.now()
    signing_key(ctx)  # the current key must be readable (unlocked) before it is retired
    with ctx.db.read() as s:
        current = [k for k in cardrepo.install_keys(s, code) if k.retired_at is None]
    protected = any(is_protected(_keys_dir(ctx) / k.key_file) for k in current)
    return _new_key(ctx, code, current, now, "key_rotated", _passphrase(ctx) if protected else None)


def retired_signing_keys(ctx: Context) -> list[Ed25519PrivateKey]:
    """This install's former keys whose files are still readable, newest first."""
    with ctx.db.read() as s:
        rows = [k for k in cardrepo.install_keys(s, ctx.identity.install_code) if k.retired_at]
    out = []
    for k in rows:
        try:
            key = _read_private(_keys_dir(ctx) / k.key_file, _passphrase(ctx))
        except Refused:
            continue
        if key is not None:
            out.append(key)
    return out


def signing_key(ctx: Context) -> tuple[str, Ed25519PrivateKey]:
    """(install code, private key) to sign with, creating the key if needed."""
    info = ensure_install_key(ctx)
    with ctx.db.read() as s:
        row = next(k for k in cardrepo.install_keys(s, info.install_code) if k.retired_at is None)
    key = _read_private(_keys_dir(ctx) / row.key_file, _passphrase(ctx))
    if key is None:  # removed between the two calls: a real storage problem
        raise StorageError("key.unreadable", path=str(_keys_dir(ctx) / row.key_file))
    return info.install_code, key


def trusted_keys(ctx: Context, install_code: str) -> list[Ed25519PublicKey]:
    """The public keys this install trusts for ``install_code``."""
    with ctx.db.read() as s:
        hexes = cardrepo.known_keys(s, install_code)
    return [Ed25519PublicKey.from_public_bytes(bytes.fromhex(h)) for h in hexes]


def verify_signature(
    ctx: Context, install_code: str, message: bytes, signature: bytes
) -> bool | None:
    """True when a trusted key of ``install_code`` signed ``message``; None when this
    install trusts no key of that issuer (unknown issuer)."""
    keys = trusted_keys(ctx, install_code)
    if not keys:
        return None
    for key in keys:
        try:
            key.verify(signature, message)
        except InvalidSignature:
            continue
        return True
    return False


def trust_key(
    ctx: Context,
    actor: Actor,
    install_code: str,
    public_key_hex: str,
    source: str = "manual",
    now: dt.datetime | None = None,
) -> bool:
    """Trust another install's public key (enrolment files and bundles bring them).

    Returns:
        False when the key was already known.

    Raises:
        InvalidInput: not a raw Ed25519 public key in hex.
    """
    actor.require(Role.SUPERVISOR)
    try:
        raw = bytes.fromhex(public_key_hex.strip())
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError as exc:
        raise InvalidInput("key.invalid") from exc
    now = now or dt.datetime.now()
    fp = fingerprint(raw)
    with ctx.db.session() as s:
        added = cardrepo.add_known_key(s, install_code, raw.hex(), fp, source, now)
        if added:
            repo.add_history(
                s,
                at=now,
                actor=actor.username,
                install_code=ctx.identity.install_code,
                entity="install",
                entity_id=install_code,
                action="key_trusted",
                changes={"fingerprint": fp, "source": source},
            )
    return added


def public_key(ctx: Context) -> KeyInfo:
    """This install's public key, to hand to the kabupaten or another office."""
    return ensure_install_key(ctx)
