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

from app.errors import InvalidInput, StorageError
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import cardrepo, repo

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


def _write_private(path: Path, key: Ed25519PrivateKey) -> None:
    """Write the key so that only its owner can ever read it (no window of wider access)."""
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    tmp = path.with_suffix(".tmp")
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


def _read_private(path: Path) -> Ed25519PrivateKey | None:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError):
        return None
    return key if isinstance(key, Ed25519PrivateKey) else None


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
        if _read_private(keys_dir / k.key_file) is not None:
            return KeyInfo(code, k.public_key, k.fingerprint, k.created_at)
        log.warning(
            "the private key file %s is missing or unreadable: a new key is made", k.key_file
        )
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    fp = fingerprint(raw)
    filename = f"install-{code}-{fp[:12]}.pem"
    try:
        _write_private(keys_dir / filename, private)
    except OSError as exc:
        raise StorageError(
            "key.unwritable", path=str(keys_dir / filename), reason=exc.strerror or ""
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
            action="key_created",
            changes={"fingerprint": fp, "replaces": [k.fingerprint for k in current]},
        )
    log.info("created the signing key %s of install %s", fp[:16], code)
    return KeyInfo(code, raw.hex(), fp, now)


def signing_key(ctx: Context) -> tuple[str, Ed25519PrivateKey]:
    """(install code, private key) to sign with, creating the key if needed."""
    info = ensure_install_key(ctx)
    with ctx.db.read() as s:
        row = next(k for k in cardrepo.install_keys(s, info.install_code) if k.retired_at is None)
    key = _read_private(_keys_dir(ctx) / row.key_file)
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
