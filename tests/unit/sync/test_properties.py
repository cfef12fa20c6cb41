"""Property tests: random bytes, and random edits anywhere in a valid container, are refused."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from app.sync import container
from app.sync.container import FormatError
from app.sync.crypto import KeyPair
from app.sync.manifest import BundleManifest

SENDER, RECIPIENT = KeyPair.generate(), KeyPair.generate()
VALID = container.build(
    BundleManifest(
        "130306-A", "13.03", "13.03.06", "130300-K", 1, "", 0, dt.datetime(2026, 1, 1), "0.1.0"
    ).to_header(),
    {"participants": [{"name": "Siti"}] * 20, "history": []},
    SENDER,
    RECIPIENT.public.enc,
)


def refused(data: bytes) -> bool:
    try:
        box = container.read(data)
        container.open_payload(box, RECIPIENT)
    except FormatError:
        return True
    return False


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_random_bytes_are_refused(data: bytes) -> None:
    assert refused(data)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=64))
def test_random_bytes_after_the_magic_are_refused(data: bytes) -> None:
    assert refused(b"LINDUNGI" + data)
    assert refused(b"LINDUNGI\x00\x01" + data)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=len(VALID) - 1),
    st.integers(min_value=1, max_value=255),
)
def test_any_changed_byte_is_refused(at: int, xor: int) -> None:
    data = bytearray(VALID)
    data[at] ^= xor
    assert refused(bytes(data))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=len(VALID)),
    st.integers(min_value=0, max_value=16),
    st.binary(max_size=16),
)
def test_any_splice_is_refused(at: int, remove: int, insert: bytes) -> None:
    data = VALID[:at] + insert + VALID[at + remove :]
    if data != VALID:
        assert refused(data)


def test_the_valid_one_is_accepted() -> None:
    assert not refused(VALID)
