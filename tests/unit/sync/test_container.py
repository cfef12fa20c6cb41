"""The container format (app.sync.container) and the manifests: every way a file is refused."""

from __future__ import annotations

import datetime as dt
import json
import re
import struct
import zlib
from typing import Any

import pytest

from app.sync import container
from app.sync.container import FormatError
from app.sync.crypto import KeyPair
from app.sync.manifest import (
    BundleManifest,
    EnrolManifest,
    ReceiptManifest,
    bundle_name,
    enrol_name,
    receipt_name,
)

SENDER = KeyPair.generate()
RECIPIENT = KeyPair.generate()
MANIFEST = BundleManifest(
    sender="130306-A",
    regency="13.03",
    kecamatan="13.03.06",
    recipient="130300-K",
    sequence=12,
    previous="ab" * 32,
    acked_upto=10,
    created_at=dt.datetime(2026, 3, 1, 9, 30),
    app_version="0.1.0",
    counts={"participants": 2},
)
PAYLOAD: dict[str, Any] = {"participants": [{"nik": "1303064708800001"}], "history": []}


def make(payload: dict[str, Any] | None = None, header: dict[str, Any] | None = None) -> bytes:
    return container.build(
        header or MANIFEST.to_header(), payload or PAYLOAD, SENDER, RECIPIENT.public.enc
    )


def reason(data: bytes, recipient: KeyPair | None = RECIPIENT) -> str:
    with pytest.raises(FormatError) as info:
        container.open_payload(container.read(data), recipient)
    return info.value.reason


def test_round_trip() -> None:
    data = make()
    assert data.startswith(b"LINDUNGI\x00\x02")
    assert b"1303064708800001" not in data  # sealed
    box = container.read(data)
    assert box.kind == "bundle"
    assert box.sender_keys == SENDER.public
    assert BundleManifest.from_header(box.header) == MANIFEST
    assert container.open_payload(box, RECIPIENT) == PAYLOAD


def test_another_recipient_cannot_open_it() -> None:
    assert reason(make(), KeyPair.generate()) == "recipient"
    assert reason(make(), None) == "recipient"


def test_enrolment_files_are_signed_not_sealed() -> None:
    m = EnrolManifest(
        "130300-K", "13.03", "130306-A", "13.03.06", "A", dt.datetime(2026, 1, 2), "0.1.0"
    )
    data = container.build(m.to_header(), {"regions": []}, SENDER, None)
    box = container.read(data)
    assert EnrolManifest.from_header(box.header) == m
    assert container.open_payload(box, None) == {"regions": []}


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "not_lindungi"),
        (b"LINDU", "truncated"),
        (b"PK\x03\x04rest", "zip"),
        (b"%PDF-1.7", "not_lindungi"),
        (b"LINDUNGI\x00\x01\x00", "truncated"),
    ],
)
def test_not_a_container(data: bytes, why: str) -> None:
    with pytest.raises(FormatError) as info:
        container.read(data)
    assert info.value.reason == why


def test_newer_format_is_refused_first() -> None:
    data = bytearray(make())
    struct.pack_into(">H", data, 8, 7)
    with pytest.raises(FormatError) as info:
        container.read(bytes(data))
    assert (info.value.reason, info.value.params) == ("newer", {"version": 7})


def test_lengths() -> None:
    data = make()
    for cut in (14, 20, len(data) - 64, len(data) - 1):
        assert reason(data[:cut]) == "truncated"
    assert reason(data + b"x") == "trailing"
    huge = bytearray(data)
    struct.pack_into(">I", huge, 10, container.MAX_HEADER + 1)
    assert reason(bytes(huge)) == "header"


def test_header_must_be_canonical_and_signed() -> None:
    data = make()
    head_len = struct.unpack_from(">I", data, 10)[0]
    head = data[14 : 14 + head_len]
    spaced = json.dumps(json.loads(head), sort_keys=True).encode()  # same JSON, other bytes
    rebuilt = data[:10] + struct.pack(">I", len(spaced)) + spaced + data[14 + head_len :]
    assert reason(rebuilt) == "header"


def test_signature_covers_every_byte() -> None:
    data = make()
    for i in (len(data) - 1, len(data) - 70, len(data) - 100):
        changed = bytearray(data)
        changed[i] ^= 0x80
        assert reason(bytes(changed)) == "signature"


def test_compression_bomb_is_capped() -> None:
    header = MANIFEST.to_header()
    data = make(header=header)
    box = container.read(data)
    # A signed container whose declared size is smaller than what decompresses.
    box.header["payload"]["size"] = 10
    with pytest.raises(FormatError) as info:
        container.open_payload(box, RECIPIENT)
    assert info.value.reason == "bomb"  # no more than the declared size is inflated
    unsealed = container.build(
        {
            **EnrolManifest(
                "130300-K", "13.03", "130306-A", "13.03.06", "A", dt.datetime(2026, 1, 2), "0"
            ).to_header()
        },
        {"regions": ["x" * 100_000]},
        SENDER,
        None,
    )
    box = container.read(unsealed)
    box.header["payload"]["size"] = 1000
    with pytest.raises(FormatError) as info:
        container.open_payload(box, None)
    assert info.value.reason == "bomb"  # more than declared: inflating stopped at 1,001 bytes
    assert len(zlib.compress(b"x" * 100_000)) < 1000


def test_manifests_refuse_malformed_headers() -> None:
    good = MANIFEST.to_header()
    for change in (
        {"sequence": 0},
        {"sequence": "12"},
        {"previous": "xyz"},
        {"sender": {"install": "13-A", "regency": "13.03", "kecamatan": "13.03.06"}},
        {"recipient": None},
        {"counts": {"participants": -1}},
        {"created_at": "yesterday"},
        {"kind": "receipt"},
    ):
        with pytest.raises(FormatError):
            BundleManifest.from_header(good | change)
    receipt = ReceiptManifest(
        "130300-K", "13.03", "130306-A", 3, 12, "cd" * 32, dt.datetime(2026, 3, 2), "0.1.0"
    )
    assert ReceiptManifest.from_header(receipt.to_header()) == receipt
    with pytest.raises(FormatError):
        ReceiptManifest.from_header(receipt.to_header() | {"bundle": {"sequence": True}})


def test_file_names_are_valid_on_fat32_and_windows() -> None:
    names = [bundle_name("130306-A", 12), receipt_name("130306-A", 3), enrol_name("130306-A")]
    assert names[0] == "LINDUNGI-130306-A-000012.lbundle"
    for name in names:
        assert re.fullmatch(r"[A-Za-z0-9._-]+", name) and len(name) < 64
        assert not re.search(r'[<>:"/\\|?*]', name)
