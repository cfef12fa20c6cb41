"""Keys and primitives of sync: one secret per install, two public keys, one fingerprint.

Every install has one Ed25519 signing key (created at setup; its private seed lives in a
file under ``keys/``). Its encryption key is an X25519 key *derived* from that seed with
HKDF-SHA256, so that no second secret must be stored, backed up or restored. The
fingerprint a person compares on two screens covers both public keys.

Encryption of a payload for a recipient (its X25519 public key) is an ECIES construction
from stable primitives of ``cryptography``: an ephemeral X25519 key, HKDF-SHA256 over the
shared secret (bound to both public keys), and ChaCha20-Poly1305 with the file's header as
associated data. The key is used once, so the nonce is fixed. (HPKE, RFC 9180, would do
the same but is only in recent ``cryptography`` releases and takes no associated data in
its one-shot API.)

Key backups: the seed encrypted with a passphrase (scrypt, then ChaCha20-Poly1305).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

X25519_INFO = b"lindungi-x25519-v1"
_SEAL_INFO = b"lindungi-seal-v1"
_FINGERPRINT_DOMAIN = b"lindungi-fingerprint-v1\n"
_NONCE = b"\x00" * 12  # each sealing key is used exactly once
SCHEME = "x25519-hkdf-sha256-chacha20poly1305"

KEY_BACKUP_MAGIC = "LINDUNGI-KEY-BACKUP"
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**15, 8, 1


class CryptoError(ValueError):
    """A signature that does not verify, a payload that does not decrypt, a bad key."""


def b64(data: bytes) -> str:
    """Standard base64 text of bytes."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, length: int | None = None) -> bytes:
    """Bytes of a base64 text, optionally of an exact length.

    Raises:
        CryptoError: not a string, not base64, or the wrong length.
    """
    if not isinstance(text, str):
        raise CryptoError("not base64")
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise CryptoError("not base64") from None
    if length is not None and len(data) != length:
        raise CryptoError("wrong length")
    if b64(data) != text:
        raise CryptoError("non-canonical base64")
    return data


def _raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def seed_of(key: Ed25519PrivateKey) -> bytes:
    """The 32-byte private seed of a signing key."""
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def derive_x25519(signing: Ed25519PrivateKey) -> X25519PrivateKey:
    """The install's encryption key, derived from its signing key's seed."""
    okm = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=X25519_INFO).derive(
        seed_of(signing)
    )
    return X25519PrivateKey.from_private_bytes(okm)


@dataclass(frozen=True)
class PublicKeys:
    """An install's two public keys (raw 32 bytes each)."""

    sign: bytes
    enc: bytes

    @property
    def fingerprint(self) -> str:
        """What people compare: 24 hex digits in groups of four, over both keys."""
        digest = hashlib.sha256(_FINGERPRINT_DOMAIN + self.sign + self.enc).hexdigest()
        return "-".join(digest[i : i + 4] for i in range(0, 24, 4)).upper()

    @property
    def enc_key_id(self) -> str:
        """A short id of the encryption key, written in headers as the recipient."""
        return hashlib.sha256(self.enc).hexdigest()[:16]

    def to_json(self) -> dict[str, str]:
        """The keys as base64 texts, for headers and files."""
        return {"sign": b64(self.sign), "enc": b64(self.enc)}

    @classmethod
    def from_json(cls, obj: object) -> PublicKeys:
        """The inverse of :meth:`to_json`.

        Raises:
            CryptoError: not two well-formed keys.
        """
        if not isinstance(obj, dict):
            raise CryptoError("keys missing")
        keys = cls(unb64(obj.get("sign"), 32), unb64(obj.get("enc"), 32))
        try:
            Ed25519PublicKey.from_public_bytes(keys.sign)
            X25519PublicKey.from_public_bytes(keys.enc)
        except ValueError:
            raise CryptoError("bad public key") from None
        return keys


@dataclass(frozen=True)
class KeyPair:
    """An install's private keys: the signing key and the encryption key derived from it."""

    signing: Ed25519PrivateKey

    @property
    def encryption(self) -> X25519PrivateKey:
        """The X25519 key derived from the signing seed."""
        return derive_x25519(self.signing)

    @property
    def public(self) -> PublicKeys:
        """Both public keys."""
        return PublicKeys(
            _raw_public(self.signing.public_key()), _raw_public(self.encryption.public_key())
        )

    def sign(self, data: bytes) -> bytes:
        """An Ed25519 signature (64 bytes)."""
        return self.signing.sign(data)

    @classmethod
    def from_seed(cls, seed: bytes) -> KeyPair:
        """The key pair of a 32-byte seed."""
        return cls(Ed25519PrivateKey.from_private_bytes(seed))

    @classmethod
    def generate(cls) -> KeyPair:
        """A new random key pair (tests; installs get theirs at setup)."""
        return cls(Ed25519PrivateKey.generate())


def verify(sign_key: bytes, signature: bytes, data: bytes) -> None:
    """Check an Ed25519 signature.

    Raises:
        CryptoError: it does not verify.
    """
    try:
        Ed25519PublicKey.from_public_bytes(sign_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        raise CryptoError("bad signature") from None


def _seal_key(shared: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=_SEAL_INFO + eph_pub + recipient_pub
    ).derive(shared)


def new_ephemeral() -> X25519PrivateKey:
    """A one-time key for :func:`seal`; its public half goes into the header first."""
    return X25519PrivateKey.generate()


def ephemeral_public(eph: X25519PrivateKey) -> bytes:
    """The raw public half of an ephemeral key."""
    return _raw_public(eph.public_key())


def seal(plaintext: bytes, recipient_enc: bytes, eph: X25519PrivateKey, associated: bytes) -> bytes:
    """Encrypt for the holder of ``recipient_enc``; ``associated`` is authenticated too."""
    eph_pub = ephemeral_public(eph)
    try:
        shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_enc))
    except ValueError:
        raise CryptoError("bad recipient key") from None
    key = _seal_key(shared, eph_pub, recipient_enc)
    return ChaCha20Poly1305(key).encrypt(_NONCE, plaintext, associated)


def unseal(
    ciphertext: bytes, recipient: X25519PrivateKey, eph_pub: bytes, associated: bytes
) -> bytes:
    """Decrypt what :func:`seal` made for this recipient.

    Raises:
        CryptoError: another recipient's key, or any byte changed.
    """
    recipient_pub = _raw_public(recipient.public_key())
    try:
        shared = recipient.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        key = _seal_key(shared, eph_pub, recipient_pub)
        return ChaCha20Poly1305(key).decrypt(_NONCE, ciphertext, associated)
    except (InvalidTag, ValueError):
        raise CryptoError("does not decrypt") from None


# --- key backups ----------------------------------------------------------------------


def _passphrase_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def backup_keys(keys: KeyPair, passphrase: str, meta: dict[str, str]) -> bytes:
    """A key backup file: the seed encrypted with a passphrase, with readable metadata.

    ``meta`` (install code, fingerprint, date) is authenticated but not secret.
    """
    salt, nonce = os.urandom(16), os.urandom(12)
    head = {
        "magic": KEY_BACKUP_MAGIC,
        "format": 1,
        "kdf": {
            "name": "scrypt",
            "n": _SCRYPT_N,
            "r": _SCRYPT_R,
            "p": _SCRYPT_P,
            "salt": b64(salt),
        },
        "aead": "chacha20poly1305",
        "nonce": b64(nonce),
        "meta": meta,
        "fingerprint": keys.public.fingerprint,
    }
    aad = json.dumps(head, sort_keys=True, separators=(",", ":")).encode("utf-8")
    key = _passphrase_key(passphrase, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P)
    sealed = ChaCha20Poly1305(key).encrypt(nonce, seed_of(keys.signing), aad)
    return json.dumps(head | {"ciphertext": b64(sealed)}, indent=1).encode("utf-8") + b"\n"


@dataclass(frozen=True)
class KeyBackup:
    """A key backup opened with its passphrase."""

    keys: KeyPair
    meta: dict[str, str]


class NotAKeyBackup(CryptoError):
    """The file is not a Lindungi key backup (or it is damaged)."""


class WrongPassphrase(CryptoError):
    """The passphrase does not open this key backup (or the file was changed)."""


def restore_keys(data: bytes, passphrase: str) -> KeyBackup:
    """Open a key backup.

    Raises:
        NotAKeyBackup: not such a file, damaged, or unsupported parameters.
        WrongPassphrase: the passphrase does not open it.
    """
    try:
        obj = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise NotAKeyBackup("not json") from None
    if not isinstance(obj, dict) or obj.get("magic") != KEY_BACKUP_MAGIC:
        raise NotAKeyBackup("magic")
    try:
        kdf = obj["kdf"]
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        if kdf["name"] != "scrypt" or obj["format"] != 1 or obj["aead"] != "chacha20poly1305":
            raise NotAKeyBackup("parameters")
        if not (2**14 <= n <= 2**20 and 1 <= r <= 16 and 1 <= p <= 4):
            raise NotAKeyBackup("parameters")
        salt, nonce = unb64(kdf["salt"], 16), unb64(obj["nonce"], 12)
        sealed = unb64(obj["ciphertext"])
        meta = obj["meta"]
        if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
            raise NotAKeyBackup("meta")
        head = {k: v for k, v in obj.items() if k != "ciphertext"}
    except (KeyError, TypeError, ValueError):
        raise NotAKeyBackup("fields") from None
    aad = json.dumps(head, sort_keys=True, separators=(",", ":")).encode("utf-8")
    key = _passphrase_key(passphrase, salt, n, r, p)
    try:
        seed = ChaCha20Poly1305(key).decrypt(nonce, sealed, aad)
    except InvalidTag:
        raise WrongPassphrase("passphrase") from None
    keys = KeyPair.from_seed(seed)
    if keys.public.fingerprint != obj.get("fingerprint"):
        raise NotAKeyBackup("fingerprint")
    return KeyBackup(keys, dict(meta))
