"""This install's Ed25519 signing key, and the public keys of issuers it trusts.

The private key is a file in ``<data_dir>/keys/`` readable by its owner only (0600 on
POSIX; on Windows the per-user application-data folder already is), and sealed with a key
derived from the register's own key (AES-GCM): without a sign-in, the file is of no use.
A plain PEM of an earlier release is sealed the first time it is read; one that an
administrator protected with a passphrase (the former ``keys protect``) is unlocked once
more with that passphrase (the GUI asks; ``LINDUNGI_KEY_PASSPHRASE`` on the command line)
and sealed then. The database holds
only public keys and fingerprints, so a database backup, an enrolment file or a bundle
never carries a private key. An install set up before keys existed gets one the first
time it needs it; an install whose key file was lost (a database restored on a new PC)
gets a new key, and its old public key stays known so that its old cards still verify.
"""

from __future__ import annotations

import base64
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
from app.store import cardrepo, ledger, repo
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


SEALED = b"LINDUNGI-SEALED-KEY\x01"


def _sealing_key(db_key: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"lindungi install private keys"
    ).derive(db_key)


def seal(db_key: bytes | None, pem: bytes) -> bytes:
    """A private key's PEM sealed with the register's key (as it is, for a plaintext
    register of an earlier release)."""
    if db_key is None:
        return pem
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return SEALED + nonce + AESGCM(_sealing_key(db_key)).encrypt(nonce, pem, SEALED)


def unseal(db_key: bytes | None, data: bytes) -> bytes | None:
    """The PEM in a key file (None when sealed with another register's key)."""
    if not data.startswith(SEALED):
        return data
    if db_key is None:
        return None
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    head = len(SEALED)
    try:
        return AESGCM(_sealing_key(db_key)).decrypt(
            data[head : head + 12], data[head + 12 :], SEALED
        )
    except InvalidTag:
        return None


# On a PostgreSQL server the sealed keys are documents of the server's ledger (every desk
# signs as the kabupaten), named after the file they would be on SQLite.
KEY_DOC = "key/"


def _stored(ctx: Context, path: Path) -> bytes:
    """The sealed key stored as ``path`` (a file, or the server ledger's document).

    Raises:
        OSError: there is no such key, or it cannot be read.
    """
    if ledger.on_server(ctx.data_dir):
        body = ledger.read(ctx.data_dir, KEY_DOC + path.name)
        if body is None:
            raise FileNotFoundError(path.name)
        return base64.b64decode(body)
    return path.read_bytes()


def _stored_names(ctx: Context) -> list[Path]:
    """Where each of this install's keys is stored (``keys/NAME.pem``)."""
    if ledger.on_server(ctx.data_dir):
        return [
            _keys_dir(ctx) / name.removeprefix(KEY_DOC)
            for name in ledger.names(ctx.data_dir, KEY_DOC)
        ]
    return sorted(_keys_dir(ctx).glob("*.pem"))


def write_key_file(ctx: Context, path: Path, key: Ed25519PrivateKey) -> None:
    """Write the key sealed with the register's key, so that only its owner can ever read
    the file (no window of wider access); on a server, into its ledger."""
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    data = seal(ctx.db.key, pem)
    if ledger.on_server(ctx.data_dir):
        body = base64.b64encode(data).decode("ascii")
        ledger.update(ctx.data_dir, KEY_DOC + path.name, lambda _old: body)
        return
    tmp = temp_beside(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600)
    try:
        os.write(fd, data)
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


def _read_private(
    ctx: Context, path: Path, passphrase: str | None = None
) -> Ed25519PrivateKey | None:
    """The key, or None when the file is missing or damaged. A key file of an earlier
    release (plain or passphrase-protected PEM) is sealed once it was read.

    Raises:
        Refused: the key is protected and no (or a wrong) passphrase was given; a locked
            key is never mistaken for a lost one (which would make a new key).
    """
    try:
        raw = _stored(ctx, path)
    except (OSError, ValueError):
        return None
    data = unseal(ctx.db.key, raw)
    if data is None:
        return None
    key = _load_pem(data, passphrase)
    if key is not None and data is raw and ctx.db.key is not None:
        write_key_file(ctx, path, key)  # an earlier release's PEM: sealed from now on
    return key


def _load_pem(data: bytes, passphrase: str | None) -> Ed25519PrivateKey | None:
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
        _read_private(ctx, path, passphrase)
    _unlocked[str(ctx.data_dir)] = passphrase


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
        if _read_private(ctx, keys_dir / k.key_file, _passphrase(ctx)) is not None:
            return KeyInfo(code, k.public_key, k.fingerprint, k.created_at)
        log.warning(
            "the private key file %s is missing or unreadable: a new key is made", k.key_file
        )
    return _new_key(ctx, code, current, now, "key_created")


def _shown_fingerprint(ctx: Context, key: cardrepo.KeyRecord) -> str:
    """A retired key's fingerprint as whoami showed it (its hash when its file is gone)."""
    private = _read_private(ctx, _keys_dir(ctx) / key.key_file, _passphrase(ctx))
    return KeyPair(private).public.fingerprint if private is not None else key.fingerprint


def _new_key(
    ctx: Context,
    code: str,
    current: list[cardrepo.KeyRecord],
    now: dt.datetime,
    action: str,
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
        write_key_file(ctx, keys_dir / filename, private)
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
                "replaces": [_shown_fingerprint(ctx, k) for k in current],
            },
        )
    log.info("created the signing key %s of install %s", fp[:16], code)
    return KeyInfo(code, raw.hex(), fp, now)


def rotate(ctx: Context, now: dt.datetime | None = None) -> KeyInfo:
    """Replace this install's signing key with a new one (sealed like every key file).

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
    return _new_key(ctx, code, current, now, "key_rotated")


def retired_signing_keys(ctx: Context) -> list[Ed25519PrivateKey]:
    """This install's former keys whose files are still readable, newest first."""
    with ctx.db.read() as s:
        rows = [k for k in cardrepo.install_keys(s, ctx.identity.install_code) if k.retired_at]
    out = []
    for k in rows:
        try:
            key = _read_private(ctx, _keys_dir(ctx) / k.key_file, _passphrase(ctx))
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
    key = _read_private(ctx, _keys_dir(ctx) / row.key_file, _passphrase(ctx))
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


def exported_keys(ctx: Context) -> list[tuple[str, bytes]]:
    """Every private key file of this install as it travels inside a passphrase-encrypted
    backup for another PC (file name, PEM): unsealed, since that PC has another register
    key (the restore seals them with its own)."""
    out = []
    for path in _stored_names(ctx):
        pem = unseal(ctx.db.key, _stored(ctx, path))
        if pem is not None:
            out.append((path.name, pem))
    return out


def seal_files(ctx: Context) -> int:
    """Seal every plain PEM key file of an earlier release (the register was just
    encrypted); one protected by a passphrase waits for that passphrase. Returns how many."""
    sealed = 0
    if ledger.on_server(ctx.data_dir):  # a server's keys were sealed from the start
        return 0
    for path in sorted(_keys_dir(ctx).glob("*.pem")):
        data = path.read_bytes()
        if data.startswith(SEALED) or b"ENCRYPTED PRIVATE KEY" in data:
            continue
        key = _load_pem(data, None)
        if key is not None:
            write_key_file(ctx, path, key)
            sealed += 1
    return sealed
