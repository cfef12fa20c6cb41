"""Property tests against a real kabupaten database: random bytes, or random edits anywhere
in a genuine bundle, are refused and never change the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import AppError
from app.services.sync import bundle_import
from tests.actors import ADMIN
from tests.conftest import MakeCtx
from tests.integration.sync_world import World, person, snapshot

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def setup(make_ctx: MakeCtx, tmp_path: Path) -> tuple[World, bytes, Path]:
    w = World.make(make_ctx, tmp_path, confirm=True)
    w.register(w.a, person(1), person(2), person(3))
    genuine = w.export(w.a).read_bytes()
    return w, genuine, tmp_path / "edited.lbundle"


def _refused_unchanged(w: World, path: Path, data: bytes) -> None:
    before = snapshot(w.kab)
    path.write_bytes(data)
    with pytest.raises(AppError) as info:
        bundle_import.import_file(w.kab, ADMIN, path)
    assert info.value.exit_code == 1
    assert snapshot(w.kab) == before


@SETTINGS
@given(data=st.binary(max_size=4096))
def test_random_bytes(setup: tuple[World, bytes, Path], data: bytes) -> None:
    w, _genuine, path = setup
    _refused_unchanged(w, path, data)


@SETTINGS
@given(
    where=st.floats(min_value=0, max_value=1, exclude_max=True),
    xor=st.integers(min_value=1, max_value=255),
)
def test_random_byte_changed(setup: tuple[World, bytes, Path], where: float, xor: int) -> None:
    w, genuine, path = setup
    data = bytearray(genuine)
    data[int(where * len(data))] ^= xor
    _refused_unchanged(w, path, bytes(data))


@SETTINGS
@given(
    where=st.floats(min_value=0, max_value=1),
    remove=st.integers(min_value=0, max_value=32),
    insert=st.binary(max_size=32),
)
def test_random_splice(
    setup: tuple[World, bytes, Path], where: float, remove: int, insert: bytes
) -> None:
    w, genuine, path = setup
    at = int(where * len(genuine))
    data = genuine[:at] + insert + genuine[at + remove :]
    if data != genuine:
        _refused_unchanged(w, path, data)
