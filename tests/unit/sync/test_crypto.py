"""Keys, sealing and key backups of sync (app.sync.crypto): no database."""

from __future__ import annotations

import json
import re

import pytest

from app.sync import crypto
from app.sync.crypto import CryptoError, KeyPair, PublicKeys


def test_encryption_key_is_derived_from_the_signing_seed() -> None:
    keys = KeyPair.generate()
    again = KeyPair.from_seed(crypto.seed_of(keys.signing))
    assert again.public == keys.public
    assert keys.public.sign != keys.public.enc
    other = KeyPair.generate()
    assert other.public.enc != keys.public.enc


def test_fingerprint_covers_both_public_keys() -> None:
    keys = KeyPair.generate().public
    assert re.fullmatch(r"([0-9A-F]{4}-){5}[0-9A-F]{4}", keys.fingerprint)
    swapped_enc = PublicKeys(keys.sign, KeyPair.generate().public.enc)
    swapped_sign = PublicKeys(KeyPair.generate().public.sign, keys.enc)
    assert len({keys.fingerprint, swapped_enc.fingerprint, swapped_sign.fingerprint}) == 3


def test_public_keys_json_round_trip_and_refusals() -> None:
    keys = KeyPair.generate().public
    assert PublicKeys.from_json(keys.to_json()) == keys
    for bad in (None, {}, {"sign": "x", "enc": "y"}, {"sign": keys.to_json()["sign"]}):
        with pytest.raises(CryptoError):
            PublicKeys.from_json(bad)
    with pytest.raises(CryptoError):
        PublicKeys.from_json({"sign": crypto.b64(b"\0" * 31), "enc": keys.to_json()["enc"]})


def test_seal_and_unseal() -> None:
    recipient = KeyPair.generate()
    eph = crypto.new_ephemeral()
    sealed = crypto.seal(b"NIK 1303064708800001", recipient.public.enc, eph, b"header")
    assert b"1303064708800001" not in sealed
    eph_pub = crypto.ephemeral_public(eph)
    assert crypto.unseal(sealed, recipient.encryption, eph_pub, b"header") == (
        b"NIK 1303064708800001"
    )
    with pytest.raises(CryptoError):  # another recipient
        crypto.unseal(sealed, KeyPair.generate().encryption, eph_pub, b"header")
    with pytest.raises(CryptoError):  # the header is bound
        crypto.unseal(sealed, recipient.encryption, eph_pub, b"headeR")
    with pytest.raises(CryptoError):  # any byte of the ciphertext
        crypto.unseal(bytes([sealed[0] ^ 1]) + sealed[1:], recipient.encryption, eph_pub, b"header")


def test_signatures() -> None:
    keys = KeyPair.generate()
    sig = keys.sign(b"data")
    crypto.verify(keys.public.sign, sig, b"data")
    with pytest.raises(CryptoError):
        crypto.verify(keys.public.sign, sig, b"Data")
    with pytest.raises(CryptoError):
        crypto.verify(KeyPair.generate().public.sign, sig, b"data")


def test_key_backup_round_trip() -> None:
    keys = KeyPair.generate()
    blob = crypto.backup_keys(keys, "a long passphrase", {"install": "130300-K"})
    assert crypto.seed_of(keys.signing) not in blob
    opened = crypto.restore_keys(blob, "a long passphrase")
    assert opened.keys.public == keys.public
    assert opened.meta == {"install": "130300-K"}
    with pytest.raises(crypto.WrongPassphrase):
        crypto.restore_keys(blob, "another passphrase")


def test_key_backup_metadata_is_authenticated() -> None:
    blob = crypto.backup_keys(KeyPair.generate(), "a long passphrase", {"install": "130300-K"})
    obj = json.loads(blob)
    obj["meta"]["install"] = "130306-A"
    with pytest.raises(crypto.WrongPassphrase):
        crypto.restore_keys(json.dumps(obj).encode(), "a long passphrase")
    obj = json.loads(blob)
    obj["kdf"]["n"] = 2**30  # a denial of service in disguise
    with pytest.raises(crypto.NotAKeyBackup):
        crypto.restore_keys(json.dumps(obj).encode(), "a long passphrase")
    for junk in (b"", b"\xff", b"[]", b'{"magic": "x"}'):
        with pytest.raises(crypto.NotAKeyBackup):
            crypto.restore_keys(junk, "a long passphrase")
