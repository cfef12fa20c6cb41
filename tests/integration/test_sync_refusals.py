"""Every refusal of a bundle, receipt, enrolment file or key backup: a clear reason, exit 1,
and the database unchanged. Records that fail validation inside a genuine bundle are the
exception: those records are refused (and reported in the receipt), the rest imported.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest

from app.errors import InvalidInput, Refused
from app.services import trust
from app.services.sync import bundle_import
from app.sync import container
from app.sync.crypto import KeyPair
from tests.actors import ADMIN
from tests.conftest import MakeCtx
from tests.integration.sync_world import KEC_B, World, person, reseal, snapshot

# Command-line calls sign in as the test administrator.
pytestmark = pytest.mark.usefixtures("cli_account")


@pytest.fixture
def world(make_ctx: MakeCtx, tmp_path: Path) -> World:
    """Both offices confirmed; office A has sent bundle #1 with two records."""
    w = World.make(make_ctx, tmp_path, confirm=True)
    w.register(w.a, person(1), person(2))
    return w


@pytest.fixture
def genuine(world: World) -> Path:
    """Office A's next bundle (#2), not yet imported."""
    return world.export(world.a)


def refused(world: World, path: Path, code: str | set[str], ctx: Any = None) -> Refused:
    """Import ``path`` and check it is refused with ``code`` and changes nothing."""
    target = ctx or world.kab
    before = snapshot(target)
    with pytest.raises(Refused) as info:
        bundle_import.import_file(target, ADMIN, path)
    assert info.value.code in ({code} if isinstance(code, str) else code)
    assert str(info.value)  # a message in Indonesian, not a bare code
    assert str(info.value) != code
    assert snapshot(target) == before
    return info.value


def test_truncated(world: World, genuine: Path, tmp_path: Path) -> None:
    data = genuine.read_bytes()
    for cut in (5, 20, len(data) // 2, len(data) - 1):
        short = tmp_path / f"short-{cut}.lbundle"
        short.write_bytes(data[:cut])
        refused(world, short, "bundle.truncated")


def test_trailing_bytes(world: World, genuine: Path, tmp_path: Path) -> None:
    longer = tmp_path / "longer.lbundle"
    longer.write_bytes(genuine.read_bytes() + b"\0")
    refused(world, longer, "bundle.trailing")


@pytest.mark.parametrize("where", ["header", "body", "signature"])
def test_any_byte_changed(world: World, genuine: Path, tmp_path: Path, where: str) -> None:
    data = bytearray(genuine.read_bytes())
    head_len = struct.unpack_from(">I", data, 10)[0]
    offset = {"header": 14 + head_len // 2, "body": 14 + head_len + 8 + 3, "signature": -3}[where]
    data[offset] ^= 0x01
    bad = tmp_path / "changed.lbundle"
    bad.write_bytes(bytes(data))
    expected = {"bundle.header", "bundle.signature"} if where == "header" else "bundle.signature"
    err = refused(world, bad, expected)
    assert "changed.lbundle" in str(err)


def test_header_changed_but_still_valid_json(world: World, genuine: Path, tmp_path: Path) -> None:
    data = genuine.read_bytes()
    bad = tmp_path / "seq.lbundle"
    bad.write_bytes(data.replace(b'"sequence":2', b'"sequence":3', 1))
    refused(world, bad, "bundle.signature")


def test_signed_with_the_wrong_key(world: World, genuine: Path, tmp_path: Path) -> None:
    """Another key claiming to be a confirmed office."""
    fake = reseal(world, genuine, tmp_path / "fake.lbundle", signer=KeyPair.generate())
    err = refused(world, fake, "bundle.wrong_key")
    assert trust.whoami(world.a).fingerprint in str(err)


def test_encrypted_for_another_kabupaten(
    world: World, genuine: Path, tmp_path: Path, make_ctx: MakeCtx
) -> None:
    other = make_ctx("kabupaten", name="other-kab")
    refused(world, genuine, "bundle.recipient", ctx=other)
    # Sealed for another key while naming this kabupaten.
    elsewhere = reseal(
        world,
        genuine,
        tmp_path / "elsewhere.lbundle",
        recipient_enc=trust.install_keypair(other).public.enc,
    )
    refused(world, elsewhere, "bundle.recipient")


def test_foreign_regency_or_install(world: World, genuine: Path, tmp_path: Path) -> None:
    foreign = reseal(
        world,
        genuine,
        tmp_path / "foreign.lbundle",
        header={"sender": {"install": "130406-A", "regency": "13.04", "kecamatan": "13.04.06"}},
    )
    refused(world, foreign, "bundle.foreign")
    # An install code that does not follow its kecamatan.
    mismatch = reseal(
        world,
        genuine,
        tmp_path / "mismatch.lbundle",
        header={"sender": {"install": "130305-A", "regency": "13.03", "kecamatan": "13.03.06"}},
    )
    refused(world, mismatch, "bundle.foreign")


def test_newer_format(world: World, genuine: Path, tmp_path: Path) -> None:
    data = bytearray(genuine.read_bytes())
    struct.pack_into(">H", data, 8, container.FORMAT + 1)
    newer = tmp_path / "newer.lbundle"
    newer.write_bytes(bytes(data))
    err = refused(world, newer, "bundle.newer")
    assert str(container.FORMAT + 1) in str(err)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    "members",
    [
        {"../../evil.txt": b"x", "manifest.json": b"{}"},  # a path outside its folder
        {"C:\\Windows\\evil.dll": b"x"},
        {"payload.json": b"\0" * 5_000_000},  # oversized (a compression bomb in small)
        {"manifest.json": b"{}", "unexpected.exe": b"MZ"},
    ],
)
def test_zip_archives_are_not_bundles(
    world: World, tmp_path: Path, members: dict[str, bytes]
) -> None:
    z = tmp_path / "LINDUNGI-130306-A-000009.lbundle"
    z.write_bytes(_zip(members))
    refused(world, z, "bundle.zip")
    assert not (tmp_path / "evil.txt").exists()


def test_not_a_bundle_at_all(world: World, tmp_path: Path) -> None:
    for i, data in enumerate([b"", b"hello", b"LINDUNG", os.urandom(4096), b"%PDF-1.7\n"]):
        path = tmp_path / f"junk{i}.lbundle"
        path.write_bytes(data)
        with pytest.raises(Refused) as info:
            bundle_import.import_file(world.kab, ADMIN, path)
        assert info.value.code in ("bundle.not_lindungi", "bundle.truncated")


def test_oversized_file_is_refused_unread(world: World, tmp_path: Path) -> None:
    huge = tmp_path / "huge.lbundle"
    with open(huge, "wb") as fh:
        fh.truncate(container.MAX_FILE + 1)  # sparse: nothing is written or read
    refused(world, huge, "bundle.too_large")


def test_sequence_reused_with_other_content(world: World, genuine: Path, tmp_path: Path) -> None:
    world.kab_import(genuine)
    other = reseal(
        world,
        genuine,
        tmp_path / "again.lbundle",
        payload=lambda p: p["participants"].pop(),
    )
    refused(world, other, "bundle.sequence_reused")


def test_chain_broken(world: World, genuine: Path, tmp_path: Path) -> None:
    world.kab_import(genuine)
    world.register(world.a, person(3))
    third = world.export(world.a)
    broken = reseal(world, third, tmp_path / "broken.lbundle", header={"previous": "ab" * 32})
    refused(world, broken, "bundle.chain")


def test_wrong_kind_for_this_install(world: World, genuine: Path) -> None:
    refused(world, genuine, "bundle.kabupaten_only", ctx=world.a)
    result = world.kab_import(genuine)
    assert result.receipt is not None
    refused(world, result.receipt, "bundle.receipt_at_kabupaten")
    refused(world, result.receipt, "receipt.wrong_install", ctx=world.b)
    enrol = next(world.usb.glob("*.lenrol"))
    refused(world, enrol, "bundle.enrolment_file")


def test_receipt_signed_by_another_key(
    world: World, genuine: Path, tmp_path: Path, make_ctx: MakeCtx
) -> None:
    result = world.kab_import(genuine)
    assert result.receipt is not None
    box = container.read(result.receipt.read_bytes())
    content = container.open_payload(box, trust.install_keypair(world.a))
    head = {
        k: v
        for k, v in box.header.items()
        if k not in ("format", "sender_keys", "payload", "sealed")
    }
    forged = tmp_path / "forged.lreceipt"
    forged.write_bytes(
        container.build(
            head, content, KeyPair.generate(), trust.install_keypair(world.a).public.enc
        )
    )
    refused(world, forged, "receipt.wrong_key", ctx=world.a)


def test_invalid_records_are_refused_alone(world: World, genuine: Path, tmp_path: Path) -> None:
    """Inside a genuine bundle: a malformed record, one of another kecamatan, one of another
    install and a draft are refused with their reasons; the others are imported."""

    def spoil(p: dict[str, Any]) -> None:
        first, second = p["participants"]
        broken = dict(first, uuid="00000000-0000-4000-8000-000000000001", reg_no="130306-A-000050")
        broken["birth_date"] = "07/08/1980"  # not ISO
        other_kec = dict(second, uuid="00000000-0000-4000-8000-000000000002")
        other_kec |= {"reg_no": "130306-A-000051", "kecamatan_code": KEC_B}
        other_install = dict(second, uuid="00000000-0000-4000-8000-000000000003")
        other_install |= {"reg_no": "130304-A-000051", "created_install": "130304-A"}
        draft = dict(second, uuid="00000000-0000-4000-8000-000000000004")
        draft |= {"reg_no": "130306-A-000052", "status": "draft", "nik": "1303064708800052"}
        p["participants"] += [broken, other_kec, other_install, draft]

    path = reseal(world, genuine, tmp_path / "mixed.lbundle", payload=spoil)
    result = world.kab_import(path)
    assert result.status == "imported"
    assert result.counts["new"] == 2 and result.counts["refused"] == 4
    codes = sorted(i.code for i in result.items if i.outcome == "refused")
    assert codes == [
        "record.draft",
        "record.malformed",
        "record.other_install",
        "record.other_kecamatan",
    ]
    assert result.receipt is not None
    back = world.office_import(world.a, result.receipt)
    assert back.counts["accepted"] == 2


def test_enrolment_refusals(world: World, make_ctx: MakeCtx, tmp_path: Path) -> None:
    written = trust.write_enrolment(world.kab, ADMIN, KEC_B, "C", tmp_path)
    # A file that names another install.
    with pytest.raises(Refused) as info:
        trust.enrol(world.a, ADMIN, written.path)
    assert info.value.code == "enrol.other_install"
    # A changed byte.
    data = bytearray(written.path.read_bytes())
    data[-10] ^= 0xFF
    bad = tmp_path / "bad.lenrol"
    bad.write_bytes(bytes(data))
    fresh = make_ctx("kecamatan", name="fresh", setup=False)
    with pytest.raises(Refused) as info:
        trust.setup_from_enrolment(fresh, ADMIN, bad)
    assert info.value.code == "bundle.signature"
    assert not fresh.is_set_up
    # A station that already sent bundles is never handed out again.
    with pytest.raises(Refused) as info:
        trust.write_enrolment(world.kab, ADMIN, "13.03.06", "A", tmp_path)
    assert info.value.code == "enrol.station_taken"
    assert "B" in str(info.value)
    # Only the kabupaten writes enrolment files; a bundle is not an enrolment file.
    with pytest.raises(Refused):
        trust.write_enrolment(world.a, ADMIN, KEC_B, "D", tmp_path)
    with pytest.raises(Refused):
        trust.enrol(world.a, ADMIN, world.export(world.a))


def test_key_backup_and_restore(world: World, make_ctx: MakeCtx, tmp_path: Path) -> None:
    kab = world.kab
    fp = trust.whoami(kab).fingerprint
    with pytest.raises(InvalidInput):
        trust.backup_keys(kab, ADMIN, tmp_path, "short")
    backup = trust.backup_keys(kab, ADMIN, tmp_path, "sapi perah di sawah")
    text = backup.read_text("utf-8")
    assert "BEGIN" not in text and fp in text  # no private key in clear
    with pytest.raises(InvalidInput) as info:
        trust.restore_keys(kab, ADMIN, backup, "the wrong passphrase")
    assert info.value.code == "keys.passphrase"
    assert trust.restore_keys(kab, ADMIN, backup, "sapi perah di sawah") == (fp, False)
    # The kabupaten PC is reinstalled: a new data dir, a new key; the backup brings the old
    # key back and the offices' bundles open again.
    new_kab = make_ctx("kabupaten", name="kab-reinstalled")
    assert trust.whoami(new_kab).fingerprint != fp
    bundle = world.export(world.a)
    with pytest.raises(Refused):
        bundle_import.import_file(new_kab, ADMIN, bundle)
    assert trust.restore_keys(new_kab, ADMIN, backup, "sapi perah di sawah") == (fp, True)
    assert trust.whoami(new_kab).fingerprint == fp
    assert bundle_import.import_file(new_kab, ADMIN, bundle).held  # a new ledger: confirm again
    # Another install's backup is refused.
    with pytest.raises(Refused):
        trust.restore_keys(world.a, ADMIN, backup, "sapi perah di sawah")
    junk = tmp_path / "junk.lkey"
    junk.write_bytes(b"{}")
    with pytest.raises(InvalidInput):
        trust.restore_keys(kab, ADMIN, junk, "sapi perah di sawah")


# --- the command line: exit codes and messages -----------------------------------------


def test_cli_exit_codes(cli: Any, tmp_path: Path) -> None:
    kab, kec, usb = tmp_path / "kab", tmp_path / "kec", tmp_path / "usb"
    usb.mkdir()
    assert cli("--data-dir", kab, "setup", "--role", "kabupaten")[0] == 0
    code, out, _ = cli(
        "--data-dir", kab, "enrol-file", "--kecamatan", "13.03.06", "--station", "A", "--out", usb
    )
    assert code == 0
    enrol = usb / "LINDUNGI-130306-A.lenrol"
    assert cli("--data-dir", kec, "setup")[0] == 2  # neither --role nor --enrol
    code, out, _ = cli("--data-dir", kec, "setup", "--enrol", enrol)
    assert code == 0 and "130306-A" in out
    code, out, _ = cli("--data-dir", kec, "whoami", "--json")
    fp = __import__("json").loads(out)["fingerprint"]
    assert cli("--data-dir", kec, "demo", "--participants", "5", "--seed", "3")[0] == 0
    code, out, _ = cli("--data-dir", kec, "bundle", "export", "--out", usb)
    assert code == 0
    bundle = Path(out.splitlines()[0])
    assert bundle.name == "LINDUNGI-130306-A-000001.lbundle"
    code, out, _ = cli("--data-dir", kab, "bundle", "import", bundle)
    assert code == 3 and fp in out  # held
    code, _, err = cli("--data-dir", kab, "offices", "confirm", "130306-A", "0000-0000")
    assert code == 1 and err
    spaced = fp.lower().replace("-", " ")
    code, out, _ = cli(
        "--data-dir", kab, "offices", "confirm", "130306-A", spaced, "--receipt-out", usb
    )
    assert code == 0
    code, out, _ = cli("--data-dir", kab, "offices", "--json")
    [office] = __import__("json").loads(out)
    assert office["confirmed"] and office["participants"] == 5
    code, out, _ = cli("--data-dir", kab, "bundle", "import", bundle, "--json")
    assert code == 0 and __import__("json").loads(out)["status"] == "already"
    bad = usb / "bad.lbundle"
    bad.write_bytes(bundle.read_bytes()[:-1])
    code, out, err = cli("--data-dir", kab, "bundle", "import", bad)
    assert code == 1 and "tidak lengkap" in err
    code, out, err = cli("--data-dir", kab, "--lang", "en", "bundle", "import", bad)
    assert code == 1 and "incomplete" in err
    receipt = next(usb.glob("*.lreceipt"))
    code, out, _ = cli("--data-dir", kec, "bundle", "import", receipt, "--json")
    assert code == 0 and __import__("json").loads(out)["counts"]["accepted"] == 5
    code, out, _ = cli("--data-dir", kab, "conflicts", "--json")
    assert code == 0 and __import__("json").loads(out) == []
    code, _, _ = cli("--data-dir", kab, "conflicts", "resolve", "99", "--keep", "A")
    assert code == 1
    code, out, _ = cli("--data-dir", kab, "bundle", "receipt", "--office", "130306-A", "--out", usb)
    assert code == 0 and out.strip().endswith(".lreceipt")
    pw = tmp_path / "pw.txt"
    pw.write_text("sapi perah di sawah\n", encoding="utf-8")
    code, out, _ = cli("--data-dir", kab, "keys", "backup", "--out", usb, "--passphrase-file", pw)
    assert code == 0
    code, out, _ = cli(
        "--data-dir", kab, "keys", "restore", next(usb.glob("*.lkey")), "--passphrase-file", pw
    )
    assert code == 0
