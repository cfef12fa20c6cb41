"""Registering and finding participants."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.domain.install import Role as InstallRole
from app.domain.nik import Issue, check_nik
from app.domain.participant import (
    FUNDING,
    OCCUPATIONS,
    ParticipantData,
    Status,
    age_on,
    clean_name,
    registration_number,
    valid_phone,
)
from app.domain.regions import Region
from app.errors import NotFound, Problem, ValidationFailed
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import repo
from app.store.records import HistoryRecord, ListRow, ParticipantRecord
from app.store.repo import ListQuery


@dataclass(frozen=True)
class Registered:
    """What a registration produced, with warnings worth showing."""

    reg_no: str
    uuid: str
    status: str
    warnings: tuple[Problem, ...] = ()


@dataclass
class Checked:
    """The outcome of checking a participant before saving it."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def blocking(self) -> list[Problem]:
        """Problems that stop the save (overridable ones included)."""
        return self.problems


def _problem(fieldname: str, issue: Issue) -> Problem:
    return Problem(fieldname, issue.code, issue.overridable, **issue.params)


def villages_for(ctx: Context) -> list[Region]:
    """Nagari and desa a record of this install may belong to."""
    ident = ctx.identity
    if ident.role is InstallRole.KECAMATAN:
        assert ident.kecamatan is not None
        return ctx.regions.villages(ident.kecamatan)
    out: list[Region] = []
    for kec in ctx.regions.kecamatan(ident.regency):
        out.extend(ctx.regions.villages(kec.code))
    return out


def check(
    ctx: Context,
    data: ParticipantData,
    *,
    today: dt.date | None = None,
    exclude_id: int | None = None,
) -> Checked:
    """Every rule of a registration, without saving: the form shows these beside fields."""
    today = today or dt.date.today()
    out = Checked()
    p = out.problems
    if not clean_name(data.name):
        p.append(Problem("name", "field.required"))
    if not data.birth_place.strip():
        p.append(Problem("birth_place", "field.required"))
    report = check_nik(
        data.nik,
        birth_date=data.birth_date,
        sex=data.sex,
        regency=ctx.identity.regency,
        today=today,
    )
    p.extend(_problem("nik", i) for i in report.errors)
    p.extend(_problem("nik", i) for i in report.mismatches)
    out.warnings.extend(_problem("nik", i) for i in report.warnings)
    if report.valid:
        with ctx.db.read() as s:
            for other in repo.participants_by_nik(s, report.nik):
                if other.id != exclude_id:
                    p.append(
                        Problem(
                            "nik",
                            "nik.duplicate",
                            reg_no=other.reg_no,
                            name=other.name,
                            status=other.status,
                        )
                    )
    if data.birth_date > today:
        p.append(Problem("birth_date", "birth.future"))
    else:
        age = age_on(data.birth_date, data.coverage_start or today)
        lo, hi = int(ctx.setting("age_min")), int(ctx.setting("age_max"))
        if not lo <= age <= hi:
            p.append(Problem("birth_date", "age.outside", True, age=age, min=lo, max=hi))
    village = ctx.regions.get(data.nagari_code)
    if village is None or village not in villages_for(ctx):
        p.append(Problem("nagari", "nagari.outside", nagari=data.nagari_code))
    if data.occupation not in OCCUPATIONS:
        p.append(Problem("occupation", "occupation.unknown", value=data.occupation))
    if data.funding not in FUNDING:
        p.append(Problem("funding", "funding.unknown", value=data.funding))
    if data.income <= 0:
        p.append(Problem("income", "income.positive"))
    if data.phone and not valid_phone(data.phone):
        p.append(Problem("phone", "phone.invalid", value=data.phone))
    if not data.programmes:
        p.append(Problem("programmes", "programmes.none"))
    if data.coverage_end and data.coverage_start and data.coverage_end < data.coverage_start:
        p.append(Problem("coverage_end", "coverage.order"))
    return out


def register(
    ctx: Context,
    actor: Actor,
    data: ParticipantData,
    *,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Registered:
    """Register one participant.

    Overridable problems (a NIK that disagrees with the sex or birth date, an age outside the
    limits) pass only when a supervisor gives a reason, which is recorded.

    Raises:
        ValidationFailed: with every problem found; nothing was saved.
        Refused: an operator tried to override.
    """
    now = now or dt.datetime.now()
    today = today or now.date()
    checked = check(ctx, data, today=today)
    hard = [x for x in checked.problems if not x.overridable]
    soft = [x for x in checked.problems if x.overridable]
    reason = data.override_reason.strip()
    if hard or (soft and not reason):
        raise ValidationFailed(hard + soft)
    if soft:
        actor.require(Role.SUPERVISOR)
    ident = ctx.identity
    village = ctx.regions.get(data.nagari_code)
    assert village is not None and village.parent is not None
    if ident.role is InstallRole.KABUPATEN:
        status = Status.ACCEPTED
    elif ctx.setting("approval_required"):
        status = Status.DRAFT
    else:
        status = Status.APPROVED
    start = data.coverage_start or today
    uid = str(uuidlib.uuid4())
    nik = check_nik(data.nik).nik
    with ctx.db.session() as s:
        seq = repo.next_registration_seq(s)
        reg_no = registration_number(ident.install_code, seq)
        values: dict[str, Any] = {
            "uuid": uid,
            "reg_no": reg_no,
            "nik": nik,
            "name": clean_name(data.name),
            "birth_place": clean_name(data.birth_place),
            "birth_date": data.birth_date,
            "sex": data.sex.value,
            "address": data.address.strip(),
            "jorong": clean_name(data.jorong),
            "nagari_code": village.code,
            "kecamatan_code": village.parent,
            "occupation": data.occupation,
            "phone": data.phone,
            "income": data.income,
            "funding": data.funding,
            "programmes": ",".join(p.value for p in data.programmes),
            "coverage_start": start,
            "coverage_end": data.coverage_end,
            "status": status.value,
            "status_reason": "",
            "status_date": None,
            "duplicate_of": None,
            "kpj": None,
            "override_reason": reason if soft else "",
            "revision": 1,
            "ack_revision": 0,
            "created_at": now,
            "created_by": actor.username,
            "created_install": ident.install_code,
            "updated_at": now,
            "updated_by": actor.username,
            "updated_install": ident.install_code,
        }
        repo.insert_participant(s, values)
        overridden = [x.code for x in soft]
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ident.install_code,
            entity="participant",
            entity_id=uid,
            action="create",
            changes={
                k: [None, v]
                for k, v in values.items()
                if k not in ("uuid", "created_at", "updated_at", "revision", "ack_revision")
            }
            | ({"overridden": overridden} if overridden else {}),
            reason=reason if soft else "",
        )
    return Registered(reg_no, uid, status.value, tuple(checked.warnings))


def search(ctx: Context, query: ListQuery, limit: int | None = None) -> list[int]:
    """Ids of the participants a list shows, in order."""
    with ctx.db.read() as s:
        return repo.search_ids(s, query, limit)


def rows(ctx: Context, ids: Sequence[int]) -> list[ListRow]:
    """List lines of these ids, in the order given."""
    with ctx.db.read() as s:
        return repo.list_rows(s, ids)


def get(ctx: Context, reg_no: str) -> ParticipantRecord:
    """One participant by registration number.

    Raises:
        NotFound: no such registration number.
    """
    with ctx.db.read() as s:
        rec = repo.participant_by_reg(s, reg_no.strip().upper())
    if rec is None:
        raise NotFound("participant.not_found", reg_no=reg_no)
    return rec


def history(ctx: Context, uid: str) -> list[HistoryRecord]:
    """The change history of one participant, oldest first."""
    with ctx.db.read() as s:
        return repo.history_of(s, uid)


def count(ctx: Context) -> int:
    """How many records the register holds."""
    with ctx.db.read() as s:
        return repo.count_participants(s)
