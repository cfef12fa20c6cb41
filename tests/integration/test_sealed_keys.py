"""The install's private keys are sealed with the register's key: no plain PEM in the data
dir, nothing to protect by hand (``keys protect`` is gone), and the key files of an earlier
release (plain, or protected by a passphrase) are sealed once they were read."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.errors import Refused
from app.main import main
from app.services import cards, keys, participants
from app.services.context import Context
from tests.actors import ADMIN

PASS = "frasa sandi kunci"


def _key_file(ctx: Context) -> Path:
    (pem,) = sorted((ctx.data_dir / "keys").glob("*.pem"))
    return pem


def as_earlier_release(ctx: Context, passphrase: str | None = None) -> Path:
    """Write the current key back as the release before wrote it: plain PEM, or PEM
    encrypted with a passphrase (its former ``keys protect``)."""
    path = _key_file(ctx)
    pem = keys.unseal(ctx.db.key, path.read_bytes())
    assert pem is not None
    key = serialization.load_pem_private_key(pem, password=None)
    assert isinstance(key, Ed25519PrivateKey)
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase.encode())
        if passphrase
        else serialization.NoEncryption()
    )
    path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    )
    return path


def test_a_new_key_file_is_sealed_and_signs(kecamatan_ctx, make_participant, tmp_path) -> None:
    ctx = kecamatan_ctx
    participants.register(ctx, ADMIN, make_participant())
    participants.approve(ctx, ADMIN, all_drafts=True)
    data = _key_file(ctx).read_bytes()
    assert data.startswith(keys.SEALED) and b"PRIVATE KEY" not in data
    assert keys.unseal(b"\x01" * 32, data) is None  # another register's key opens nothing
    cards.print_cards(ctx, ADMIN, cards.Selection(everyone=True), tmp_path / "a.pdf")
    assert (tmp_path / "a.pdf").stat().st_size > 0


def test_an_earlier_plain_pem_is_sealed_when_read(kecamatan_ctx) -> None:
    ctx = kecamatan_ctx
    fingerprint = keys.public_key(ctx).fingerprint
    path = as_earlier_release(ctx)
    assert b"BEGIN PRIVATE KEY" in path.read_bytes()
    keys.signing_key(ctx)
    assert path.read_bytes().startswith(keys.SEALED)
    assert keys.public_key(ctx).fingerprint == fingerprint
    assert [p.name for p in (ctx.data_dir / "keys").glob("*.pem")] == [path.name]


def test_an_earlier_protected_key_is_unlocked_once_then_sealed(
    kecamatan_ctx, make_participant, tmp_path, monkeypatch
) -> None:
    ctx = kecamatan_ctx
    participants.register(ctx, ADMIN, make_participant())
    participants.approve(ctx, ADMIN, all_drafts=True)
    fingerprint = keys.public_key(ctx).fingerprint
    path = as_earlier_release(ctx, PASS)
    keys._unlocked.clear()
    monkeypatch.delenv(keys.ENV_PASSPHRASE, raising=False)
    assert keys.key_is_protected(ctx)
    with pytest.raises(Refused) as locked:
        cards.print_cards(ctx, ADMIN, cards.Selection(everyone=True), tmp_path / "a.pdf")
    assert locked.value.code == "key.locked"
    assert [p.name for p in (ctx.data_dir / "keys").glob("*.pem")] == [path.name]
    with pytest.raises(Refused) as wrong:
        keys.unlock(ctx, "bukan frasa ini")
    assert wrong.value.code == "key.passphrase"
    keys.unlock(ctx, PASS)
    assert path.read_bytes().startswith(keys.SEALED)
    keys._unlocked.clear()  # a new process: no passphrase needed any more
    assert not keys.key_is_protected(ctx)
    cards.print_cards(ctx, ADMIN, cards.Selection(everyone=True), tmp_path / "b.pdf")
    assert keys.public_key(ctx).fingerprint == fingerprint


@pytest.mark.usefixtures("cli_account")
def test_keys_protect_is_gone(kecamatan_ctx, capsys) -> None:
    data_dir = str(kecamatan_ctx.data_dir)
    kecamatan_ctx.close()
    assert main(["--data-dir", data_dir, "keys", "protect"]) == 2
    assert "'protect'" in capsys.readouterr().err
