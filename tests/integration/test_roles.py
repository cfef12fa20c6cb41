"""Roles are enforced in the services, not only by hiding buttons.

Each service is called as an operator, a supervisor and an administrator: below its role
it must refuse (``Refused``) and change nothing; at or above it must not refuse for the
role (it may still fail for another, expected reason).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.domain.install import Role as InstallRole
from app.domain.participant import InactiveReason
from app.errors import AppError, Refused
from app.services import (
    accounts,
    audit,
    backup,
    cards,
    demo,
    desk,
    handover,
    importer,
    participants,
    prefs,
    privacy,
)
from app.services.actor import Actor, Role
from app.services.setup import setup_install
from app.store.repo import ListQuery
from tests.actors import ADMIN

ROLES = {r: Actor(f"user-{r.value}", r) for r in Role}
RANK = {Role.OPERATOR: 0, Role.SUPERVISOR: 1, Role.ADMIN: 2}

Call = Callable[[Any, Actor, Path], object]

# (name, minimal role, call(ctx, actor, tmp)) — ctx is a kecamatan install with one draft.
KECAMATAN_CALLS: list[tuple[str, Role, Call]] = [
    ("register", Role.OPERATOR, lambda c, a, t: participants.register(c, a, c.test_data(2))),
    ("approve", Role.SUPERVISOR, lambda c, a, t: participants.approve(c, a, all_drafts=True)),
    (
        "override",
        Role.SUPERVISOR,
        lambda c, a, t: participants.register(c, a, c.test_data(3, sex_mismatch=True)),
    ),
    (
        "deactivate",
        Role.OPERATOR,
        lambda c, a, t: participants.deactivate(c, a, c.reg, InactiveReason.MOVED),
    ),
    (
        "export full NIK",
        Role.SUPERVISOR,
        lambda c, a, t: importer.export_list(c, a, ListQuery(), t / "l.xlsx", full_nik=True),
    ),
    (
        "export masked",
        Role.OPERATOR,
        lambda c, a, t: importer.export_list(c, a, ListQuery(), t / "m.xlsx"),
    ),
    (
        "add user",
        Role.ADMIN,
        lambda c, a, t: accounts.add_user(c, a, "baru", Role.OPERATOR, "kata-sandi-1"),
    ),
    ("list users", Role.ADMIN, lambda c, a, t: accounts.list_users(c, a)),
    ("unlock", Role.ADMIN, lambda c, a, t: accounts.unlock(c, a, "admin")),
    ("setting", Role.ADMIN, lambda c, a, t: prefs.set_value(c, a, "age_max", 70)),
    ("demo", Role.ADMIN, lambda c, a, t: demo.generate(c, a, 1, seed=1)),
    ("backup", Role.ADMIN, lambda c, a, t: backup.backup(c, a)),
    ("audit", Role.ADMIN, lambda c, a, t: audit.entries(c, a)),
    (
        "subject report",
        Role.SUPERVISOR,
        lambda c, a, t: privacy.subject_report(c, a, c.reg, t / "s.pdf"),
    ),
    ("erase", Role.ADMIN, lambda c, a, t: privacy.erase(c, a, c.reg)),
    (
        "print cards",
        Role.OPERATOR,
        lambda c, a, t: cards.print_cards(c, a, cards.Selection(everyone=True), t / "c.pdf"),
    ),
    (
        "open handover",
        Role.SUPERVISOR,
        lambda c, a, t: handover.open_event(c, a, place="Kantor Camat"),
    ),
]

KABUPATEN_CALLS: list[tuple[str, Role, Call]] = [
    ("add year", Role.SUPERVISOR, lambda c, a, t: desk.add_year(c, a, 2031, copy_from=2022)),
    (
        "add rate",
        Role.SUPERVISOR,
        lambda c, a, t: desk.add_rate(
            c, a, effective_from=dt.date(2030, 1, 1), programme="JKM", amount=7_000
        ),
    ),
]


def _kecamatan(make_ctx, make_participant, name: str) -> Any:
    ctx = make_ctx("kecamatan", name=name)
    accounts.add_user(ctx, ADMIN, "admin", Role.ADMIN, "kata-sandi-admin")
    ctx.reg = participants.register(ctx, ADMIN, make_participant(serial=1)).reg_no

    def data(serial: int, sex_mismatch: bool = False) -> Any:
        d = make_participant(serial=serial)
        if sex_mismatch:
            d.sex = type(d.sex)("L")
            d.override_reason = "KTP lama salah cetak"
        return d

    ctx.test_data = data
    return ctx


def _snapshot(ctx: Any) -> tuple[int, int]:
    return participants.count(ctx), audit.verify(ctx).entries


def _check(call: Call, minimal: Role, ctx: Any, role: Role, tmp: Path) -> None:
    actor = ROLES[role]
    if RANK[role] < RANK[minimal]:
        before = _snapshot(ctx)
        with pytest.raises(Refused) as info:
            call(ctx, actor, tmp)
        assert info.value.code in ("role.needed", "override.role")
        assert _snapshot(ctx) == before
    else:
        refusal = None
        try:
            call(ctx, actor, tmp)
        except AppError as exc:  # refused for another reason is fine here
            refusal = exc.code
        assert refusal not in ("role.needed", "override.role"), f"{role.value} refused"


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize(
    ("name", "minimal", "call"), KECAMATAN_CALLS, ids=[c[0] for c in KECAMATAN_CALLS]
)
def test_kecamatan_services_enforce_roles(
    make_ctx, make_participant, tmp_path, name, minimal, call, role
):
    ctx = _kecamatan(make_ctx, make_participant, f"{name}-{role.value}".replace(" ", "-"))
    _check(call, minimal, ctx, role, tmp_path)


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize(
    ("name", "minimal", "call"), KABUPATEN_CALLS, ids=[c[0] for c in KABUPATEN_CALLS]
)
def test_kabupaten_services_enforce_roles(make_ctx, tmp_path, name, minimal, call, role):
    ctx = make_ctx("kabupaten", name=f"{name}-{role.value}".replace(" ", "-"))
    _check(call, minimal, ctx, role, tmp_path)


def test_setup_is_for_administrators(make_ctx):
    ctx = make_ctx("kecamatan", setup=False)
    with pytest.raises(Refused):
        setup_install(ctx, ROLES[Role.SUPERVISOR], role=InstallRole.KECAMATAN, kecamatan="13.03.06")
    assert not ctx.is_set_up
