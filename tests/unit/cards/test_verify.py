"""Offline verification of a card's QR code, and the install keys that sign them."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from app import i18n
from app.errors import InvalidInput, Refused
from app.services import cards, keys
from app.services.actor import Actor, Role
from app.services.cards import Selection
from app.services.context import Context
from app.services.verify import Verdict, verify
from app.store import cardrepo
from tests.actors import ADMIN
from tests.cardhelp import APOSTROPHE, NON_LATIN1, office, reg_of
from tests.conftest import MakeCtx, MakeParticipant
from tests.opening import raw


def printed(ctx: Context, tmp_path: Path, name: str = APOSTROPHE) -> str:
    reg = reg_of(ctx, name)
    cards.print_cards(ctx, ADMIN, Selection(reg_nos=(reg,)), tmp_path / f"{reg}.pdf")
    payload = cards.current_payload(ctx, reg)
    assert payload is not None
    return payload


def test_a_genuine_card_says_whose_it_is(ctx: Context, tmp_path: Path) -> None:
    payload = printed(ctx, tmp_path, NON_LATIN1)
    v = verify(ctx, payload)
    assert v.ok and v.verdict is Verdict.GENUINE
    assert v.name == NON_LATIN1 and v.reg_no == reg_of(ctx, NON_LATIN1)
    assert v.version == 1 and v.current_version == 1 and v.recorded
    assert v.issuer == "130306-A" and v.serial == "130306-A/000001"
    assert v.nik is not None and "••••" in v.nik and v.nagari == "Aie Amo"
    assert NON_LATIN1 in v.message() and v.message().startswith("ASLI")


def test_what_a_scanner_types_with_caps_lock_or_a_newline_verifies(
    ctx: Context, tmp_path: Path
) -> None:
    payload = printed(ctx, tmp_path)
    assert verify(ctx, payload.lower()).ok
    assert verify(ctx, payload.swapcase()).ok
    assert verify(ctx, f"{payload}\r\n").ok


@pytest.mark.parametrize("where", ["reg_no", "serial", "version", "signature"])
def test_a_payload_with_one_character_changed_is_not_genuine(
    ctx: Context, tmp_path: Path, where: str
) -> None:
    payload = printed(ctx, tmp_path)
    i = {"reg_no": 18, "serial": 20, "version": 22, "signature": 60}[where]
    assert payload[i].isalnum()
    swap = "3" if payload[i] != "3" else "4"
    if where == "signature":
        swap = "Q" if payload[i] != "Q" else "R"
    tampered = payload[:i] + swap + payload[i + 1 :]
    v = verify(ctx, tampered)
    assert v.verdict is Verdict.NOT_GENUINE and not v.ok
    assert v.message().startswith("TIDAK ASLI")


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p[:-5],  # cut short: the signature lost its end
        lambda p: p[:70] + "-" + p[71:],  # a character the code never holds
        lambda p: p.replace(".", ",", 1),  # a separator misread
        lambda p: p + "AB",  # the signature grown
    ],
)
def test_a_damaged_card_code_reads_not_genuine_not_a_scanning_slip(
    ctx: Context, tmp_path: Path, damage: Callable[[str], str]
) -> None:
    payload = printed(ctx, tmp_path)
    v = verify(ctx, damage(payload))
    assert v.verdict is Verdict.NOT_GENUINE, damage(payload)
    assert v.message().startswith("TIDAK ASLI atau rusak")
    # What is not shaped like a card at all stays "not a card".
    assert verify(ctx, "130306-A-000001").verdict is Verdict.NOT_A_CARD
    assert verify(ctx, "hello").verdict is Verdict.NOT_A_CARD


def test_a_replaced_version_is_void(ctx: Context, tmp_path: Path) -> None:
    old = printed(ctx, tmp_path)
    reg = reg_of(ctx, APOSTROPHE)
    cards.reprint(ctx, ADMIN, Selection(reg_nos=(reg,)), "hilang", tmp_path / "r.pdf")
    v = verify(ctx, old)
    assert v.verdict is Verdict.VOID and not v.ok
    assert (v.version, v.current_version, v.reason) == (1, 2, "hilang")
    assert v.name == APOSTROPHE
    i18n.set_language("en")
    assert v.message().startswith("VOID: a genuine card of Nur'aini")


def test_a_card_of_an_install_whose_key_is_unknown_is_not_called_fake(
    ctx: Context, tmp_path: Path, make_ctx: MakeCtx, make_participant: MakeParticipant
) -> None:
    other = office(make_ctx("kecamatan", name="other", station="B"), make_participant, demo_count=1)
    foreign = printed(other, tmp_path, APOSTROPHE)
    assert foreign.split(".")[4] == "130306-B"
    v = verify(ctx, foreign)
    assert v.verdict is Verdict.UNKNOWN_ISSUER and not v.ok
    assert v.issuer == "130306-B"
    assert "TIDAK ASLI" not in v.message() and "130306-B" in v.message()
    # Once its key is trusted (an enrolment file or a bundle brings it), it verifies.
    info = keys.public_key(other)
    assert keys.trust_key(ctx, ADMIN, "130306-B", info.public_key, "bundle")
    assert not keys.trust_key(ctx, ADMIN, "130306-B", info.public_key, "bundle")
    v = verify(ctx, foreign)
    assert v.verdict is Verdict.GENUINE and not v.recorded


def test_a_key_trusted_for_one_install_does_not_vouch_for_another(
    ctx: Context, tmp_path: Path, make_ctx: MakeCtx, make_participant: MakeParticipant
) -> None:
    other = office(make_ctx("kecamatan", name="other", station="B"), make_participant, demo_count=1)
    foreign = printed(other, tmp_path, APOSTROPHE)
    keys.trust_key(ctx, ADMIN, "130306-C", keys.public_key(other).public_key)
    assert verify(ctx, foreign).verdict is Verdict.UNKNOWN_ISSUER


def test_texts_that_are_not_card_codes(ctx: Context) -> None:
    for text in ("", "hello", "130306-A-000001", "LD1", "https://example.org/LD1"):
        v = verify(ctx, text)
        assert v.verdict is Verdict.NOT_A_CARD and v.reg_no is None
    # A card's shape with a signature cut short is a damaged card, not a scanning slip.
    v = verify(ctx, "LD1.130306-A-000001.1.1.130306-A.ABC")
    assert v.verdict is Verdict.NOT_GENUINE


def test_the_private_key_is_a_file_readable_by_its_owner_only(ctx: Context) -> None:
    info = keys.ensure_install_key(ctx)
    files = list((ctx.data_dir / "keys").glob("install-130306-A-*.pem"))
    assert len(files) == 1
    sealed = files[0].read_bytes()
    assert sealed.startswith(keys.SEALED) and b"PRIVATE KEY" not in sealed
    pem = keys.unseal(ctx.db.key, sealed)
    assert pem is not None and b"PRIVATE KEY" in pem
    if os.name == "posix":
        assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
        assert stat.S_IMODE((ctx.data_dir / "keys").stat().st_mode) == 0o700
    # The database holds the public key and its fingerprint, never the private key.
    ctx.close()
    con = raw(ctx.data_dir / "lindungi.sqlite", ctx.db.key)
    keys_rows = con.execute("SELECT * FROM install_key").fetchall()
    con.close()
    assert "PRIVATE" not in repr(keys_rows) and info.public_key in repr(keys_rows)
    assert len(info.short_fingerprint.split()) == 4


def test_setup_creates_the_key_and_asking_again_returns_it(ctx: Context) -> None:
    with ctx.db.read() as s:
        assert len(cardrepo.install_keys(s, "130306-A")) == 1
        assert len(cardrepo.known_keys(s, "130306-A")) == 1
    first = keys.ensure_install_key(ctx)
    assert keys.ensure_install_key(ctx) == first


def test_a_lost_key_file_is_replaced_and_old_cards_still_verify(
    ctx: Context, tmp_path: Path
) -> None:
    old = printed(ctx, tmp_path)
    for f in (ctx.data_dir / "keys").glob("*.pem"):
        f.unlink()
    new_info = keys.ensure_install_key(ctx)
    assert verify(ctx, old).ok
    with ctx.db.read() as s:
        rows = cardrepo.install_keys(s, "130306-A")
    assert [r.retired_at is None for r in rows] == [True, False]
    assert rows[0].fingerprint == new_info.fingerprint
    # The same card signed with the new key is as genuine; the printed code stays valid.
    again = cards.current_payload(ctx, reg_of(ctx, APOSTROPHE))
    assert again is not None and again != old and verify(ctx, again).ok


def test_an_install_set_up_before_keys_gets_one_when_it_needs_it(
    ctx: Context, tmp_path: Path
) -> None:
    from sqlalchemy import text

    with ctx.db.session() as s:
        s.execute(text("DELETE FROM known_key"))
        s.execute(text("DELETE FROM install_key"))
    payload = printed(ctx, tmp_path)
    assert verify(ctx, payload).ok


def test_trusting_keys_is_for_supervisors_and_checks_the_key(ctx: Context) -> None:
    with pytest.raises(Refused):
        keys.trust_key(ctx, Actor("ani", Role.OPERATOR), "130306-B", "00" * 32)
    with pytest.raises(InvalidInput):
        keys.trust_key(ctx, ADMIN, "130306-B", "not hex")
    with pytest.raises(InvalidInput):
        keys.trust_key(ctx, ADMIN, "130306-B", "00" * 31)
