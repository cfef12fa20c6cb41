"""Sync trusts nothing unconfirmed: each attack on the sync tried as one would, and what
happens now.

- a bundle from a key not confirmed is held on its signature and header alone, its body
  never opened; compression and parser bombs are refused within 2 s and 300 MB;
- a second key claiming an office is held apart and shown as a conflict; the stored
  fingerprint stays, and the genuine one can still be confirmed;
- an office moves to another kabupaten key only when the new fingerprint is typed; a
  receipt reusing a number is refused, never a crash;
- a second PC set up from a used enrolment file is refused at setup, and a clone is
  detected at the kabupaten (a second key) and at the office (the receipt's install id);
- a revoked office's bundles are held and flagged;
- files of the previous format still read; a newer one says "update Lindungi".
"""

from __future__ import annotations

import hashlib
import json
import struct
import time
from pathlib import Path
from typing import Any

import pytest

from app import i18n
from app.errors import Refused
from app.services import participants, trust
from app.services.context import Context
from app.services.sync import bundle_import, offices
from app.sync import container
from app.sync.crypto import KeyPair
from app.sync.manifest import BundleManifest, EnrolManifest, ReceiptManifest
from tests.actors import ADMIN
from tests.conftest import MakeCtx
from tests.integration import sync_bombs
from tests.integration.sync_world import KEC_A, World, person, snapshot

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sync_v1"


@pytest.fixture
def world(make_ctx: MakeCtx, tmp_path: Path) -> World:
    """The kabupaten and two enrolled offices; nothing sent yet."""
    return World.make(make_ctx, tmp_path)


def _refused(ctx: Context, path: Path, code: str) -> Refused:
    before = snapshot(ctx)
    with pytest.raises(Refused) as info:
        bundle_import.import_file(ctx, ADMIN, path)
    assert info.value.code == code
    assert snapshot(ctx) == before
    return info.value


def _clone(world: World, make_ctx: MakeCtx, name: str = "clone") -> Context:
    """A second PC set up as station 130306-A from office A's (used) enrolment file."""
    ctx = make_ctx("kecamatan", name=name, setup=False)
    trust.setup_from_enrolment(ctx, ADMIN, world.usb / "LINDUNGI-130306-A.lenrol", reuse=True)
    return ctx


# --- attack 4: nothing unconfirmed is opened; bombs ------------------------------------


def test_an_unconfirmed_bundle_is_held_without_opening_its_body(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.register(world.a, person(1), person(2))
    path = world.export(world.a)

    def never(*_args: Any) -> Any:
        raise AssertionError("the body of an unconfirmed bundle was opened")

    monkeypatch.setattr(container, "open_payload", never)
    held = world.kab_import(path)
    assert held.held and held.hold_reason == "unconfirmed"
    assert held.counts == {"participants": 2}  # from the header
    assert held.fingerprint == trust.whoami(world.a).fingerprint
    monkeypatch.undo()
    merged = world.confirm(world.a)
    assert merged[0].counts["new"] == 2


def _bomb_file(world: World, bomb: sync_bombs.Bomb, signer: KeyPair, sequence: int) -> Path:
    return sync_bombs.write_bomb(
        bomb,
        world.usb,
        office="130306-A",
        kecamatan=KEC_A,
        sequence=sequence,
        previous="",
        signer=signer,
        kabupaten="130300-K",
        kabupaten_enc=trust.install_keypair(world.kab).public.enc,
    )


def test_bombs_from_a_confirmed_office_are_refused_within_2s_and_300mb(world: World) -> None:
    world.kab_import(world.export(world.a))
    world.confirm(world.a)
    office_keys = trust.install_keypair(world.a)
    expected = {
        "string-1gb": "bundle.bomb",
        "string-1gb-declared-60mb": "bundle.bomb",
        "arrays-200mb": "bundle.bomb",
        "arrays-60mb": "bundle.bomb",
        "nested-100k": "bundle.bomb",
    }
    for bomb in sync_bombs.bombs():
        path = _bomb_file(world, bomb, office_keys, 2)
        assert path.stat().st_size < 1.1 * sync_bombs.MB
        if bomb.name == "arrays-200mb":
            assert path.stat().st_size < 250_000  # the 200 KB bundle of the attack
        # Genuinely signed by the office: every check before the body passes.
        start = time.perf_counter()
        err = _refused(world.kab, path, expected[bomb.name])
        assert time.perf_counter() - start < 2
        assert path.name in str(err)
        # In a fresh process: the time and the peak memory of the whole refusal.
        figures = sync_bombs.measure(world.kab.data_dir, path)
        assert figures["outcome"] == "bundle.bomb", figures
        assert figures["seconds"] < 2, figures
        assert figures["peak_mb"] < 300, figures


def test_bombs_from_an_unconfirmed_key_are_held_unopened(world: World, make_ctx: MakeCtx) -> None:
    rogue = KeyPair.generate()
    for n, bomb in enumerate(sync_bombs.bombs(), start=1):
        path = _bomb_file(world, bomb, rogue, n)
        if bomb.declared is None and bomb.size > container.MAX_PAYLOAD:
            _refused(world.kab, path, "bundle.bomb")  # its header alone says too much
            continue
        start = time.perf_counter()
        held = world.kab_import(path)
        assert held.held and time.perf_counter() - start < 2


# --- attack 5: a second key claiming an office ------------------------------------------


@pytest.mark.parametrize("rogue_first", [False, True])
def test_a_second_key_is_held_apart_and_the_genuine_one_confirms(
    world: World, make_ctx: MakeCtx, rogue_first: bool
) -> None:
    clone = _clone(world, make_ctx)
    world.register(world.a, person(1), person(2))
    world.register(clone, person(5, name="Hantu Satu"))
    genuine = world.export(world.a)
    (world.usb / "genuine").mkdir()
    genuine = genuine.rename(world.usb / "genuine" / genuine.name)
    rogue = world.export(clone)
    assert genuine.name == rogue.name  # the same office, the same number
    genuine_fp, rogue_fp = trust.whoami(world.a).fingerprint, trust.whoami(clone).fingerprint
    first, second = (rogue, genuine) if rogue_first else (genuine, rogue)
    assert world.kab_import(first).held
    stored = offices.ledger(world.kab)
    later = world.kab_import(second)
    assert later.held and later.hold_reason == "other_key"
    [view] = [o for o in offices.ledger(world.kab) if o.install_code == "130306-A"]
    # The fingerprint stored with the first bundle is never replaced by an unconfirmed one.
    assert view.fingerprint == (rogue_fp if rogue_first else genuine_fp)
    assert [o.fingerprint for o in stored if o.install_code == "130306-A"] == [view.fingerprint]
    assert view.key_conflict and view.other_keys == [genuine_fp if rogue_first else rogue_fp]
    assert view.held == [1, 1]
    # The supervisor confirms what the office's own screen shows: the genuine key.
    merged = offices.confirm_office(world.kab, ADMIN, "130306-A", genuine_fp, world.usb)
    assert [m.counts["new"] for m in merged] == [2]
    [view] = [o for o in offices.ledger(world.kab) if o.install_code == "130306-A"]
    assert view.confirmed and view.fingerprint == genuine_fp
    assert not view.key_conflict and view.held == []
    assert participants.count(world.kab) == 2  # the clone's "Hantu Satu" is not merged
    # The clone's bundles are refused from now on.
    _refused(world.kab, world.export(clone), "bundle.wrong_key")


# --- attack 6: another kabupaten key; a receipt reusing a number --------------------------


def test_moving_to_another_kabupaten_key_needs_its_fingerprint_typed(
    world: World, make_ctx: MakeCtx, tmp_path: Path
) -> None:
    rogue_kab = make_ctx("kabupaten", name="rogue-kab")
    usb2 = tmp_path / "usb2"
    usb2.mkdir()
    file = trust.write_enrolment(rogue_kab, ADMIN, KEC_A, "A", usb2).path
    old_fp, new_fp = trust.whoami(world.kab).fingerprint, trust.whoami(rogue_kab).fingerprint
    before = snapshot(world.a)
    with pytest.raises(Refused) as info:
        trust.enrol(world.a, ADMIN, file)
    assert info.value.code == "enrol.kabupaten_changed"
    assert old_fp in str(info.value) and new_fp in str(info.value)
    assert "tidak dapat lagi membaca bundel kantor ini" in str(info.value)
    i18n.set_language("en")
    assert "can no longer read this office's bundles" in str(info.value)
    with pytest.raises(Refused) as info:
        trust.enrol(world.a, ADMIN, file, new_kabupaten_fingerprint=old_fp)
    assert info.value.code == "enrol.fingerprint_mismatch"
    assert snapshot(world.a) == before
    assert trust.whoami(world.a).kabupaten_fingerprint == old_fp
    # Typed on purpose, it moves; the former kabupaten can no longer read its bundles.
    done = trust.enrol(world.a, ADMIN, file, new_kabupaten_fingerprint=new_fp.lower())
    assert done.changed and done.previous == old_fp
    _refused(world.kab, world.export(world.a), "bundle.recipient")


def test_a_receipt_reusing_a_number_is_refused_not_a_crash(world: World) -> None:
    world.register(world.a, person(1))
    result = world.kab_import(world.export(world.a))
    world.confirm(world.a)  # writes receipt number 1
    first = world.usb / "LINDUNGI-130306-A-TT000001.lreceipt"
    assert world.office_import(world.a, first).status == "imported"
    # The kabupaten's database forgets the receipt it wrote (an old backup): the next one
    # reuses number 1 with other content.
    from sqlalchemy import delete

    from app.store import tables as t

    with world.kab.db.session() as s:
        s.execute(delete(t.SyncSent).where(t.SyncSent.kind == "receipt"))
    (world.usb / "first").mkdir()
    again = first.rename(world.usb / "first" / first.name)
    second = world.receipt_for(world.a)
    assert second.name == first.name and second.read_bytes() != again.read_bytes()
    err = _refused(world.a, second, "receipt.sequence_reused")
    assert "1" in str(err) and result.sender == "130306-A"


# --- attack 7: a second PC from one enrolment file --------------------------------------


def test_a_used_enrolment_file_is_refused_at_setup(world: World, make_ctx: MakeCtx) -> None:
    file = world.usb / "LINDUNGI-130306-A.lenrol"
    mark = json.loads(trust.used_mark(file).read_text(encoding="utf-8"))
    assert mark["install"] == "130306-A" and mark["install_id"] == trust.install_id(world.a)
    second = make_ctx("kecamatan", name="second", setup=False)
    with pytest.raises(Refused) as info:
        trust.setup_from_enrolment(second, ADMIN, file)
    assert info.value.code == "setup.enrolment_used"
    assert mark["install_id"][:8] in str(info.value)
    assert not second.is_set_up


def test_a_clone_is_detected_on_both_sides(world: World, make_ctx: MakeCtx) -> None:
    world.register(world.a, person(1), person(2))
    world.kab_import(world.export(world.a))
    world.confirm(world.a)
    clone = _clone(world, make_ctx)
    assert trust.install_id(clone) != trust.install_id(world.a)
    # The clone issues the same registration numbers as the genuine station.
    [reg] = world.register(clone, person(7, name="Hantu Dua"))
    assert reg.endswith("-000001")
    # At the kabupaten: another key for a confirmed office is refused.
    _refused(world.kab, world.export(clone), "bundle.wrong_key")
    # At the office: the receipt names the install the kabupaten merges for the station;
    # a PC that is not that install refuses it (here the kabupaten is made to have merged
    # the clone).
    from sqlalchemy import update

    from app.store import tables as t

    with world.kab.db.session() as s:
        s.execute(update(t.SyncPeer).values(install_id=trust.install_id(clone)))
    receipt = world.receipt_for(world.a)
    err = _refused(world.a, receipt, "receipt.clone")
    assert trust.install_id(clone)[:8] in str(err)


def test_the_receipt_keeps_the_office_above_the_numbers_the_kabupaten_holds(
    world: World,
) -> None:
    world.register(world.a, person(1), person(2), person(3))
    world.kab_import(world.export(world.a))
    world.confirm(world.a)
    receipt = world.receipt_for(world.a)
    m = ReceiptManifest.from_header(container.read(receipt.read_bytes()).header)
    assert m.station_last_reg == 3 and m.station_install_id == trust.install_id(world.a)
    # The office's counter went back (an old database, its sequences file lost): the
    # receipt warns and moves it on.
    from sqlalchemy import update

    from app.store import tables as t

    with world.a.db.session() as s:
        s.execute(update(t.Install).values(registration_seq=1))
    (world.a.data_dir / "sequences.json").unlink()
    back = world.office_import(world.a, receipt)
    assert back.numbers_ahead == (3, 1)
    [reg] = world.register(world.a, person(4))
    assert reg.endswith("-000004")


# --- revocation -----------------------------------------------------------------------


def test_a_revoked_office_is_held_and_flagged(world: World) -> None:
    world.register(world.a, person(1))
    world.kab_import(world.export(world.a))
    world.confirm(world.a)
    view = offices.revoke_office(world.kab, ADMIN, "130306-A")
    assert view.revoked_at is not None
    world.register(world.a, person(2))
    count = participants.count(world.kab)
    held = world.kab_import(world.export(world.a))
    assert held.held and held.hold_reason == "revoked"
    assert participants.count(world.kab) == count
    with pytest.raises(Refused) as info:
        offices.confirm_office(
            world.kab, ADMIN, "130306-A", trust.whoami(world.a).fingerprint, world.usb
        )
    assert info.value.code == "office.revoked"
    with pytest.raises(Refused) as info:
        offices.revoke_office(world.kab, ADMIN, "130306-A")
    assert info.value.code == "office.already_revoked"


# --- versions ---------------------------------------------------------------------------

_OFFICE = KeyPair.from_seed(hashlib.sha256(b"lindungi-test-office-130306-A").digest())
_KAB = KeyPair.from_seed(hashlib.sha256(b"lindungi-test-kabupaten-130300-K").digest())


def test_version_1_files_still_read() -> None:
    """Files written by the version-1 writer (the fixtures were made with it, from the
    seeds above) open and parse with this version's readers."""
    bundle = container.read((FIXTURES / "LINDUNGI-130306-A-000001.lbundle").read_bytes())
    assert bundle.version == 1 and bundle.sender_keys == _OFFICE.public
    m = BundleManifest.from_header(bundle.header)
    assert (m.sender, m.sequence, m.install_id) == ("130306-A", 1, "")
    assert container.open_payload(bundle, _KAB)["marker"] == "version 1"
    receipt = container.read((FIXTURES / "LINDUNGI-130306-A-TT000001.lreceipt").read_bytes())
    r = ReceiptManifest.from_header(receipt.header)
    assert (r.recipient, r.station_install_id, r.station_last_reg) == ("130306-A", "", 0)
    assert container.open_payload(receipt, _OFFICE)["marker"] == "version 1"
    enrol = container.read((FIXTURES / "LINDUNGI-130306-A.lenrol").read_bytes())
    assert EnrolManifest.from_header(enrol.header).install == "130306-A"
    assert container.open_payload(enrol, None)["marker"] == "version 1"


def _newer(path: Path, out: Path) -> Path:
    data = bytearray(path.read_bytes())
    struct.pack_into(">H", data, 8, container.FORMAT + 1)
    target = out / path.name
    target.write_bytes(bytes(data))
    return target


def test_a_newer_file_says_update_lindungi_in_both_directions(
    world: World, make_ctx: MakeCtx, tmp_path: Path
) -> None:
    newer = tmp_path / "newer"
    newer.mkdir()
    world.kab_import(world.export(world.a))
    world.confirm(world.a)
    bundle = _newer(world.export(world.a), newer)
    receipt = _newer(world.receipt_for(world.a), newer)
    enrol = _newer(trust.write_enrolment(world.kab, ADMIN, "13.03.04", "C", newer).path, newer)
    for ctx, path in ((world.kab, bundle), (world.a, receipt)):
        err = _refused(ctx, path, "bundle.newer")
        i18n.set_language("id")
        assert "perbarui Lindungi" in str(err)
        i18n.set_language("en")
        assert "update Lindungi" in str(err)
    i18n.set_language("id")
    fresh = make_ctx("kecamatan", name="fresh", setup=False)
    with pytest.raises(Refused) as info:
        trust.setup_from_enrolment(fresh, ADMIN, enrol)
    assert info.value.code == "bundle.newer" and "perbarui Lindungi" in str(info.value)
    assert not fresh.is_set_up


# --- the kabupaten rotates its key ------------------------------------------------------


def test_the_kabupaten_rotates_its_key_and_offices_move_only_on_confirmation(
    world: World, tmp_path: Path
) -> None:
    world.register(world.a, person(1))
    world.kab_import(world.export(world.a))
    world.confirm(world.a)
    old = trust.whoami(world.kab).fingerprint
    out = tmp_path / "rotated"
    out.mkdir()
    done = trust.rotate_kabupaten_key(world.kab, ADMIN, out)
    assert done.previous == old and done.fingerprint == trust.whoami(world.kab).fingerprint
    assert sorted(f.name for f in done.files) == [
        "LINDUNGI-130304-A.lenrol",
        "LINDUNGI-130306-A.lenrol",
    ]
    # The office's bundle, sealed for the former key, still opens.
    world.register(world.a, person(2))
    result = world.kab_import(world.export(world.a))
    assert result.status == "imported" and result.counts["new"] == 1
    # Its receipt is signed with the new key: refused until the office confirms it.
    assert result.receipt is not None
    _refused(world.a, result.receipt, "receipt.wrong_key")
    file = out / "LINDUNGI-130306-A.lenrol"
    with pytest.raises(Refused) as info:
        trust.enrol(world.a, ADMIN, file)
    assert info.value.code == "enrol.kabupaten_changed"
    trust.enrol(world.a, ADMIN, file, new_kabupaten_fingerprint=done.fingerprint)
    assert world.office_import(world.a, result.receipt).counts["accepted"] == 2
    # From now on its bundles are sealed for the new key.
    world.register(world.a, person(3))
    path = world.export(world.a)
    sealed = container.read(path.read_bytes()).header["sealed"]["recipient_key"]
    assert sealed == trust.install_keypair(world.kab).public.enc_key_id
    assert world.kab_import(path).counts["new"] == 1


# --- the command line -------------------------------------------------------------------


def test_cli_trust_commands(cli: Any, cli_account: tuple[str, str], tmp_path: Path) -> None:
    kab, kec, clone, usb = (tmp_path / n for n in ("kab", "kec", "clone", "usb"))
    usb.mkdir()
    assert cli("--data-dir", kab, "setup", "--role", "kabupaten")[0] == 0
    cli("--data-dir", kab, "enrol-file", "--kecamatan", "13.03.06", "--station", "A", "--out", usb)
    enrol = usb / "LINDUNGI-130306-A.lenrol"
    assert cli("--data-dir", kec, "setup", "--enrol", enrol)[0] == 0
    # A second PC from the same file: refused (exit 1), unless set up again on purpose.
    code, _, err = cli("--data-dir", clone, "setup", "--enrol", enrol)
    assert code == 1 and "--reuse-enrolment" in err
    code, _, _ = cli("--data-dir", clone, "setup", "--enrol", enrol, "--reuse-enrolment")
    assert code == 0
    fp = json.loads(cli("--data-dir", kec, "whoami", "--json")[1])["fingerprint"]
    for data_dir in (kec, clone):
        (usb / data_dir.name).mkdir()
        code, out, _ = cli("--data-dir", data_dir, "bundle", "export", "--out", usb / data_dir.name)
        assert code == 0
    code, out, _ = cli("--data-dir", kab, "bundle", "import", next((usb / "clone").iterdir()))
    assert code == 3
    code, out, _ = cli("--data-dir", kab, "bundle", "import", next((usb / "kec").iterdir()))
    assert code == 3 and "Kunci lain sudah mengaku sebagai kantor 130306-A" in out
    code, out, _ = cli("--data-dir", kab, "offices")
    assert code == 0 and "konflik kunci" in out and fp in out
    code, out, _ = cli(
        "--data-dir", kab, "offices", "confirm", "130306-A", fp, "--receipt-out", usb
    )
    assert code == 0
    # Another kabupaten's file: refused with the plain warning; typed, it moves.
    rogue = tmp_path / "rogue"
    cli("--data-dir", rogue, "setup", "--role", "kabupaten")
    (usb / "rogue").mkdir()
    cli(
        "--data-dir",
        rogue,
        "enrol-file",
        "--kecamatan",
        "13.03.06",
        "--station",
        "A",
        "--out",
        usb / "rogue",
    )
    rogue_fp = json.loads(cli("--data-dir", rogue, "whoami", "--json")[1])["fingerprint"]
    rogue_file = usb / "rogue" / "LINDUNGI-130306-A.lenrol"
    code, _, err = cli("--data-dir", kec, "--lang", "en", "enrol", rogue_file)
    assert code == 1 and "can no longer read this office's bundles" in err
    i18n.set_language("id")  # one process per command in real use
    code, out, _ = cli(
        "--data-dir", kec, "enrol", rogue_file, "--new-kabupaten-fingerprint", rogue_fp
    )
    assert code == 0 and "tidak dapat lagi membaca bundel kantor ini" in out
    # Revocation, then rotation.
    code, out, _ = cli("--data-dir", kab, "offices", "revoke", "130306-A")
    assert code == 0 and "dicabut" in out
    code, out, _ = cli("--data-dir", kab, "offices", "--json")
    assert json.loads(out)[0]["revoked_at"]
    (usb / "rotated").mkdir()
    code, out, _ = cli("--data-dir", kab, "keys", "rotate", "--out", usb / "rotated")
    assert code == 0 and "--new-kabupaten-fingerprint" in out
    assert not list((usb / "rotated").iterdir())  # the only office is revoked
