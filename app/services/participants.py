"""Registering and finding participants."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.domain.install import Role as InstallRole
from app.domain.nik import Issue, check_nik
from app.domain.participant import (
    FUNDING,
    OCCUPATIONS,
    InactiveReason,
    ParticipantData,
    Status,
    age_on,
    clean_name,
    registration_number,
    valid_phone,
)
from app.domain.regions import Region
from app.errors import NotFound, Problem, Refused, ValidationFailed
from app.i18n import Later
from app.services import sequences
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
    skip_duplicates: bool = False,
    age_limits: tuple[int, int] | None = None,
    villages: list[Region] | None = None,
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
    if report.valid and not skip_duplicates:
        with ctx.db.read() as s:
            for other in repo.participants_by_nik(s, report.nik):
                if other.id != exclude_id:
                    p.append(
                        Problem(
                            "nik",
                            "nik.duplicate",
                            reg_no=other.reg_no,
                            name=other.name,
                            status=Later(other.status),
                        )
                    )
    if data.birth_date > today:
        p.append(Problem("birth_date", "birth.future"))
    else:
        age = age_on(data.birth_date, data.coverage_start or today)
        lo, hi = age_limits or (int(ctx.setting("age_min")), int(ctx.setting("age_max")))
        if not lo <= age <= hi:
            p.append(Problem("birth_date", "age.outside", True, age=age, min=lo, max=hi))
    village = ctx.regions.get(data.nagari_code)
    if village is None or village not in (villages if villages is not None else villages_for(ctx)):
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


def other_problems(
    ctx: Context, data: ParticipantData, known: list[Problem], exclude_id: int | None = None
) -> list[Problem]:
    """The problems of ``data`` besides ``known``, which stopped some fields being read.

    A form or command that could not read a field puts a placeholder there; checking the
    rest too shows every problem at once. What the placeholders themselves would cause (a
    birth date or sex that seems to disagree with the NIK) is left out.
    """
    blind = {p.field for p in known}
    out = []
    for p in check(ctx, data, exclude_id=exclude_id).problems:
        if p.field in blind:
            continue
        if p.code == "nik.sex_mismatch" and "sex" in blind:
            continue
        if p.code == "nik.birth_mismatch" and "birth_date" in blind:
            continue
        out.append(p)
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
        seq = sequences.reserve_registrations(s, ctx.data_dir)
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


# --- approval, edits and leaving ------------------------------------------------------


def _change(
    s: Session,
    ctx: Context,
    actor: Actor,
    rec: ParticipantRecord,
    values: dict[str, Any],
    action: str,
    reason: str = "",
    now: dt.datetime | None = None,
) -> dict[str, list[Any]]:
    """Apply ``values`` to a record, bump its revision and append the history entry."""
    now = now or dt.datetime.now()
    changes = {k: [getattr(rec, k), v] for k, v in values.items() if getattr(rec, k) != v}
    if not changes:
        return {}
    repo.update_participant(
        s,
        rec.id,
        values
        | {
            "revision": rec.revision + 1,
            "updated_at": now,
            "updated_by": actor.username,
            "updated_install": ctx.identity.install_code,
        },
    )
    repo.add_history(
        s,
        at=now,
        actor=actor.username,
        install_code=ctx.identity.install_code,
        entity="participant",
        entity_id=rec.uuid,
        action=action,
        changes=changes,
        reason=reason,
    )
    return changes


def approve(
    ctx: Context,
    actor: Actor,
    reg_nos: Sequence[str] | None = None,
    nagari: str | None = None,
    all_drafts: bool = False,
) -> int:
    """Approve drafts: the ones named, all of a nagari, or all. Returns how many.

    Raises:
        Refused: the actor is not a supervisor.
        NotFound: a registration number that does not exist.
    """
    actor.require(Role.SUPERVISOR)
    now = dt.datetime.now()
    count = 0
    with ctx.db.session() as s:
        if reg_nos:
            records = []
            for reg in reg_nos:
                rec = repo.participant_by_reg(s, reg.strip().upper())
                if rec is None:
                    raise NotFound("participant.not_found", reg_no=reg)
                records.append(rec)
        elif nagari or all_drafts:
            ids = repo.search_ids(s, ListQuery(nagari=nagari, status=Status.DRAFT.value))
            records = [r for r in (repo.participant_by_id(s, i) for i in ids) if r is not None]
        else:
            return 0
        for rec in records:
            if rec.status == Status.DRAFT.value:
                _change(s, ctx, actor, rec, {"status": Status.APPROVED.value}, "approve", now=now)
                count += 1
    return count


def _data_values(ctx: Context, data: ParticipantData) -> dict[str, Any]:
    village = ctx.regions.get(data.nagari_code)
    assert village is not None
    assert village.parent is not None
    return {
        "nik": check_nik(data.nik).nik,
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
        "coverage_start": data.coverage_start,
        "coverage_end": data.coverage_end,
    }


def edit(
    ctx: Context, actor: Actor, reg_no: str, data: ParticipantData, today: dt.date | None = None
) -> ParticipantRecord:
    """Change a record's fields, keeping before and after in its history.

    The same rules as a registration apply. An approved record edited by an operator goes
    back to draft when approval is required, so that a supervisor sees the change.

    Raises:
        NotFound: no such registration number.
        ValidationFailed: with every problem found; nothing was changed.
    """
    rec = get(ctx, reg_no)
    if data.coverage_start is None:
        data.coverage_start = rec.coverage_start
    checked = check(ctx, data, today=today, exclude_id=rec.id)
    hard = [x for x in checked.problems if not x.overridable]
    soft = [x for x in checked.problems if x.overridable]
    reason = data.override_reason.strip()
    if hard or (soft and not reason):
        raise ValidationFailed(hard + soft)
    if soft:
        actor.require(Role.SUPERVISOR)
    values = _data_values(ctx, data)
    if soft:
        values["override_reason"] = reason
    if (
        rec.status == Status.APPROVED.value
        and ctx.setting("approval_required")
        and not actor.at_least(Role.SUPERVISOR)
    ):
        values["status"] = Status.DRAFT.value
    with ctx.db.session() as s:
        _change(s, ctx, actor, rec, values, "edit", reason=reason if soft else "")
    return get(ctx, rec.reg_no)


def deactivate(
    ctx: Context,
    actor: Actor,
    reg_no: str,
    reason: InactiveReason,
    day: dt.date | None = None,
    duplicate_of: str | None = None,
) -> None:
    """Mark a participant inactive (moved, died, ended, duplicate); nothing is erased.

    Raises:
        NotFound: no such registration number.
        Refused: already inactive.
    """
    rec = get(ctx, reg_no)
    if rec.status == Status.INACTIVE.value:
        raise Refused("participant.already_inactive", reg_no=rec.reg_no)
    values: dict[str, Any] = {
        "status": Status.INACTIVE.value,
        "status_reason": reason.value,
        "status_date": day or dt.date.today(),
    }
    if duplicate_of:
        values["duplicate_of"] = duplicate_of
    with ctx.db.session() as s:
        _change(s, ctx, actor, rec, values, "deactivate", reason=reason.value)


def reactivate(ctx: Context, actor: Actor, reg_no: str) -> str:
    """Bring an inactive participant back (someone who returns is not registered again).

    Returns:
        The new status: draft when approval is required, else approved; accepted at the
        kabupaten.

    Raises:
        NotFound: no such registration number.
        Refused: the record is not inactive, or its NIK is in use by another active record.
    """
    rec = get(ctx, reg_no)
    if rec.status != Status.INACTIVE.value:
        raise Refused("participant.not_inactive", reg_no=rec.reg_no)
    with ctx.db.read() as s:
        for other in repo.participants_by_nik(s, rec.nik):
            if other.id != rec.id and other.status != Status.INACTIVE.value:
                raise Refused(
                    "nik.duplicate",
                    reg_no=other.reg_no,
                    name=other.name,
                    status=Later(other.status),
                )
    if ctx.identity.role is InstallRole.KABUPATEN:
        status = Status.ACCEPTED
    elif ctx.setting("approval_required"):
        status = Status.DRAFT
    else:
        status = Status.APPROVED
    values = {
        "status": status.value,
        "status_reason": "",
        "status_date": None,
        "duplicate_of": None,
    }
    with ctx.db.session() as s:
        _change(s, ctx, actor, rec, values, "reactivate")
    return status.value
