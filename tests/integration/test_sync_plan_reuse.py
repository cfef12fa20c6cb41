"""The kabupaten's preview of a bundle is planned once: the commit that follows reuses the
preview's plan while the register is as the preview saw it, and plans again when something
changed in between (the commit then shows what it really did, not the stale preview). And
the merge's writes that only the decision table reached: an acknowledgement alone, a
reactivation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from app.domain.participant import InactiveReason
from app.services import participants
from app.services.sync import bundle_import
from tests.actors import ADMIN
from tests.conftest import MakeCtx
from tests.integration.sync_world import KEC_B, World, person, record, statuses


@pytest.fixture
def plans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The bundles planned, by sender, as the imports plan them."""
    planned: list[str] = []
    real = bundle_import._plan_bundle

    def spy(ctx: Any, s: Any, m: Any, *args: Any, **kwargs: Any) -> Any:
        planned.append(m.sender)
        return real(ctx, s, m, *args, **kwargs)

    monkeypatch.setattr(bundle_import, "_plan_bundle", spy)
    return planned


def test_the_commit_reuses_the_preview_when_nothing_changed(
    make_ctx: MakeCtx, tmp_path: Path, plans: list[str]
) -> None:
    w = World.make(make_ctx, tmp_path, confirm=True)
    regs = w.register(w.a, person(1), person(2, name="Nurhayati"), person(3, name="Afrizal"))
    path = w.export(w.a)
    plans.clear()
    preview = w.kab_import(path, dry_run=True)
    assert preview.status == "preview" and preview.counts["new"] == 3
    assert plans == ["130306-A"]

    result = w.kab_import(path, preview=preview)
    assert plans == ["130306-A"]  # not planned a second time
    assert result.status == "imported"
    assert result.items == preview.items
    assert {k: result.counts[k] for k in ("new", "changed", "duplicate", "refused")} == {
        "new": 3,
        "changed": 0,
        "duplicate": 0,
        "refused": 0,
    }
    assert {r: statuses(w.kab)[r] for r in regs} == dict.fromkeys(regs, "accepted")
    assert result.receipt is not None and result.receipt.exists()
    # Committed once: the same file again changes nothing.
    again = w.kab_import(path)
    assert again.status == "already" and again.counts["new"] == 3


def test_the_commit_plans_again_when_the_register_changed_after_the_preview(
    make_ctx: MakeCtx, tmp_path: Path, plans: list[str]
) -> None:
    w = World.make(make_ctx, tmp_path, confirm=True)
    shared = person(20, name="Rosmaniar")
    w.register(w.a, shared)
    a_bundle = w.export(w.a)
    plans.clear()
    preview = w.kab_import(a_bundle, dry_run=True)
    assert preview.counts["new"] == 1 and preview.counts["duplicate"] == 0

    # Meanwhile office B's bundle, with the same NIK, is merged first.
    [b_reg] = w.register(w.b, person(20, kecamatan=KEC_B, nik=shared.nik, name="Rosmaniar"))
    w.kab_import(w.export(w.b))
    assert statuses(w.kab)[b_reg] == "accepted"

    result = w.kab_import(a_bundle, preview=preview)
    assert plans == ["130306-A", "130304-A", "130306-A"]  # planned again
    assert result.counts["new"] == 0 and result.counts["duplicate"] == 1
    assert result.items[0].other == b_reg


def test_a_preview_of_another_file_is_not_reused(
    make_ctx: MakeCtx, tmp_path: Path, plans: list[str]
) -> None:
    w = World.make(make_ctx, tmp_path, confirm=True)
    w.register(w.a, person(1))
    first = w.export(w.a)
    preview = w.kab_import(first, dry_run=True)
    w.register(w.b, person(2, kecamatan=KEC_B))
    other = w.export(w.b)
    plans.clear()
    result = w.kab_import(other, preview=preview)
    assert plans == ["130304-A"]
    assert result.sender == "130304-A" and result.counts["new"] == 1


def test_a_revision_with_nothing_new_is_acknowledged_and_not_sent_again(
    make_ctx: MakeCtx, tmp_path: Path
) -> None:
    w = World.make(make_ctx, tmp_path, confirm=True)
    [reg] = w.register(w.a, person(1))
    w.sync(w.a)
    participants.edit(w.a, ADMIN, reg, person(1, phone="081234567890"))
    participants.edit(w.a, ADMIN, reg, person(1))  # and back: nothing to take
    revision = record(w.a, reg).revision
    result, _ = w.sync(w.a)
    assert result.counts["unchanged"] == 1 and result.counts["changed"] == 0
    assert record(w.kab, reg).ack_revision == revision  # the office's revision is merged
    result, _ = w.sync(w.a)
    assert result.items == []  # so the next bundle does not carry it again


def test_a_record_reactivated_at_its_office_returns_to_the_programme(
    make_ctx: MakeCtx, tmp_path: Path
) -> None:
    w = World.make(make_ctx, tmp_path, confirm=True)
    [reg] = w.register(w.a, person(1))
    w.sync(w.a)
    participants.deactivate(w.a, ADMIN, reg, InactiveReason.MOVED, dt.date(2024, 1, 5))
    w.sync(w.a)
    assert record(w.kab, reg).status == "inactive"
    participants.reactivate(w.a, ADMIN, reg)  # a draft again, to be approved
    participants.approve(w.a, ADMIN, [reg])
    result, _ = w.sync(w.a)
    assert result.counts["changed"] == 1
    kab = record(w.kab, reg)
    assert (kab.status, kab.status_reason) == ("accepted", "")
    assert record(w.a, reg).status == "accepted"
