"""The install's private key may be protected by a passphrase (optional, ISSUE 8 §5)."""

from __future__ import annotations

import pytest

from app.errors import Refused
from app.main import main
from app.services import cards, keys, participants
from app.services.actor import Actor, Role
from tests.actors import ADMIN

# Command-line calls sign in as the test administrator.
pytestmark = pytest.mark.usefixtures("cli_account")

PASS = "frasa sandi kunci"


def _key_files(ctx):
    return sorted((ctx.data_dir / "keys").glob("*.pem"))


def test_a_protected_key_is_encrypted_locked_and_never_replaced(
    kecamatan_ctx, make_participant, tmp_path, monkeypatch
):
    ctx = kecamatan_ctx
    participants.register(ctx, ADMIN, make_participant())
    participants.approve(ctx, ADMIN, all_drafts=True)
    with pytest.raises(Refused):
        keys.protect(ctx, Actor("kasi", Role.SUPERVISOR), PASS)
    keys.protect(ctx, ADMIN, PASS)
    (pem,) = _key_files(ctx)
    assert b"ENCRYPTED PRIVATE KEY" in pem.read_bytes()
    assert keys.key_is_protected(ctx)
    fingerprint = keys.public_key(ctx).fingerprint

    keys._unlocked.clear()  # a new process: nothing unlocked yet
    monkeypatch.delenv(keys.ENV_PASSPHRASE, raising=False)
    with pytest.raises(Refused) as locked:
        cards.print_cards(ctx, ADMIN, cards.Selection(everyone=True), tmp_path / "a.pdf")
    assert locked.value.code == "key.locked"
    assert not (tmp_path / "a.pdf").exists()
    assert _key_files(ctx) == [pem]  # a locked key is not mistaken for a lost one
    with pytest.raises(Refused) as wrong:
        keys.unlock(ctx, "bukan frasa ini")
    assert wrong.value.code == "key.passphrase"

    keys.unlock(ctx, PASS)
    cards.print_cards(ctx, ADMIN, cards.Selection(everyone=True), tmp_path / "b.pdf")
    assert (tmp_path / "b.pdf").exists()
    assert keys.public_key(ctx).fingerprint == fingerprint

    keys.protect(ctx, ADMIN, "", old=PASS)
    assert not keys.key_is_protected(ctx)


def test_the_command_line_takes_the_passphrase_from_the_environment(
    kecamatan_ctx, make_participant, tmp_path, monkeypatch, capsys
):
    ctx = kecamatan_ctx
    participants.register(ctx, ADMIN, make_participant())
    participants.approve(ctx, ADMIN, all_drafts=True)
    data_dir = str(ctx.data_dir)
    ctx.close()
    pp = tmp_path / "pp.txt"
    pp.write_text(PASS + "\n", encoding="utf-8")
    assert main(["--data-dir", data_dir, "keys", "protect", "--passphrase-file", str(pp)]) == 0
    keys._unlocked.clear()
    monkeypatch.delenv(keys.ENV_PASSPHRASE, raising=False)
    capsys.readouterr()
    out = str(tmp_path / "k.pdf")
    assert main(["--data-dir", data_dir, "cards", "--out", out, "--all"]) == 1
    assert "frasa sandi" in capsys.readouterr().err
    monkeypatch.setenv(keys.ENV_PASSPHRASE, PASS)
    assert main(["--data-dir", data_dir, "cards", "--out", out, "--all"]) == 0
