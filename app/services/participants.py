"""Registering and finding participants."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.domain.fmt import parse_date
from app.domain.install import Role as InstallRole
from app.domain.nik import Issue, check_nik
from app.domain.nik import normalise as normalise_nik
from app.domain.participant import (
    DEFAULT_INCOME,
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
from app.domain.rows import ParticipantChanges, ParticipantRow
from app.errors import NotFound, Problem, Refused, ValidationFailed
from app.i18n import Later
from app.services import sequences
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import repo
from app.store.records import HistoryRecord as HistoryRecord
from app.store.records import ListRow as ListRow
from app.store.records import ParticipantRecord as ParticipantRecord
from app.store.repo import FirstPage as FirstPage
from app.store.repo import ListQuery as ListQuery

# The records and the query above are what screens use: they get them from here, never
# from app.store (an import-linter contract).

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Registered:
    """What a registration produced, with warnings worth showing."""

    reg_no: str
    uuid: str
    status: str
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Clash:
    """One field of an edit that differs from what is stored now, in words."""

    key: str
    label: str
    theirs: str  # stored now (the other user's save)
    yours: str  # what this edit would save


class EditConflict(Refused):
    """The record was saved by someone else after this edit was loaded; nothing was saved.

    Carries what a screen needs to show both sides and to retry on top of the new
    revision: the record as stored now, the values this edit would have written, and the
    fields where the two differ.
    """

    def __init__(
        self,
        current: ParticipantRecord,
        loaded: int,
        yours: ParticipantChanges,
        clashes: list[Clash],
    ) -> None:
        super().__init__(
            "participant.edit_conflict",
            reg_no=current.reg_no,
            by=current.updated_by,
            at=current.updated_at.strftime("%d/%m/%Y %H:%M"),
            loaded=loaded,
            revision=current.revision,
            fields=", ".join(c.label for c in clashes) or "—",
        )
        self.current = current
        self.loaded = loaded
        self.yours = yours
        self.clashes = clashes


def clashes(ctx: Context, current: ParticipantRecord, yours: ParticipantChanges) -> list[Clash]:
    """The fields where ``yours`` differs from the stored record, both sides in words."""
    from app.services.changes import field_label, value_text

    def shown(key: str, value: Any) -> str:
        if isinstance(value, dt.date):
            value = value.isoformat()
        return value_text(key, value, ctx.regions, full_nik=True)

    out = []
    for key, mine in yours.items():
        if key in ("status", "override_reason", "kecamatan_code"):
            continue  # follow from the fields typed; not typed themselves
        theirs = getattr(current, key)
        if theirs != mine:
            out.append(Clash(key, field_label(key), shown(key, theirs), shown(key, mine)))
    return out


@dataclass
class Checked:
    """The outcome of checking a participant before saving it."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


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
    """Every rule of a registration, without saving: the form shows these beside fields.

    A field left empty (None) is reported as required, and the rules that need it (the NIK
    against the birth date and sex, the age) are checked only against what was given.
    """
    today = today or dt.date.today()
    out = Checked()
    p = out.problems
    if not clean_name(data.name):
        p.append(Problem("name", "field.required"))
    if not data.birth_place.strip():
        p.append(Problem("birth_place", "field.required"))
    _check_nik(ctx, data, out, today, exclude_id, skip_duplicates)
    p.extend(_birth_problems(ctx, data, today, age_limits))
    if data.sex is None:
        p.append(Problem("sex", "field.required"))
    if not data.nagari_code:
        p.append(Problem("nagari", "field.required"))
    else:
        village = ctx.regions.get(data.nagari_code)
        allowed = villages if villages is not None else villages_for(ctx)
        if village is None or village not in allowed:
            p.append(Problem("nagari", "nagari.outside", nagari=data.nagari_code))
    if data.occupation is None:
        p.append(Problem("occupation", "field.required"))
    elif data.occupation not in OCCUPATIONS:
        p.append(Problem("occupation", "occupation.unknown", value=data.occupation))
    if data.funding not in FUNDING:
        p.append(Problem("funding", "funding.unknown", value=data.funding))
    if data.income is not None and data.income <= 0:
        p.append(Problem("income", "income.positive"))
    if data.phone and not valid_phone(data.phone):
        p.append(Problem("phone", "phone.invalid", value=data.phone))
    if not data.programmes:
        p.append(Problem("programmes", "programmes.none"))
    if data.coverage_end and data.coverage_start and data.coverage_end < data.coverage_start:
        p.append(Problem("coverage_end", "coverage.order"))
    return out


def _check_nik(
    ctx: Context,
    data: ParticipantData,
    out: Checked,
    today: dt.date,
    exclude_id: int | None,
    skip_duplicates: bool,
) -> None:
    """The NIK's own rules, its agreement with the birth date and sex, and duplicates."""
    if not data.nik.strip():
        out.problems.append(Problem("nik", "field.required"))
        return
    report = check_nik(
        data.nik,
        birth_date=data.birth_date,
        sex=data.sex,
        regency=ctx.identity.regency,
        today=today,
    )
    out.problems.extend(_problem("nik", i) for i in report.errors)
    out.problems.extend(_problem("nik", i) for i in report.mismatches)
    out.warnings.extend(_problem("nik", i) for i in report.warnings)
    if report.valid and not skip_duplicates:
        out.problems.extend(_duplicates(ctx, report.nik, exclude_id))


def _duplicates(ctx: Context, nik: str, exclude_id: int | None) -> list[Problem]:
    """Records other than ``exclude_id`` holding this NIK."""
    with ctx.db.read() as s:
        return [
            Problem(
                "nik",
                "nik.duplicate",
                reg_no=other.reg_no,
                name=other.name,
                status=Later(other.status),
            )
            for other in repo.participants_by_nik(s, nik)
            if other.id != exclude_id
        ]


def _birth_problems(
    ctx: Context, data: ParticipantData, today: dt.date, age_limits: tuple[int, int] | None
) -> list[Problem]:
    """A birth date that is missing, in the future, or an age outside the limits."""
    if data.birth_date is None:
        return [Problem("birth_date", "field.required")]
    if data.birth_date > today:
        return [Problem("birth_date", "birth.future")]
    age = age_on(data.birth_date, data.coverage_start or today)
    lo, hi = age_limits or (int(ctx.setting("age_min")), int(ctx.setting("age_max")))
    if not lo <= age <= hi:
        return [Problem("birth_date", "age.outside", True, age=age, min=lo, max=hi)]
    return []


# --- the rules of a new record: one home each ------------------------------------------


def initial_status(ctx: Context) -> Status:
    """The status a new or returning record starts in.

    Accepted at the kabupaten (it is the register); at a kecamatan, a draft for a
    supervisor to approve when the ``approval_required`` setting says so, else approved.
    """
    if ctx.identity.role is InstallRole.KABUPATEN:
        return Status.ACCEPTED
    if ctx.setting("approval_required"):
        return Status.DRAFT
    return Status.APPROVED


def default_coverage_start(ctx: Context, today: dt.date) -> dt.date:
    """The ``default_coverage_start`` setting (dd/mm/yyyy), or today when it is unset."""
    text = str(ctx.setting("default_coverage_start") or "").strip()
    if text:
        try:
            return parse_date(text)
        except ValueError:
            log.warning("default_coverage_start is not a date; today is used")
    return today


def with_defaults(data: ParticipantData, coverage_start: dt.date) -> ParticipantData:
    """``data`` with the fields left empty that have a default filled in.

    Income: :data:`~app.domain.participant.DEFAULT_INCOME`; coverage start: the one given,
    which is :func:`default_coverage_start` (read once for a whole spreadsheet). The form,
    ``add`` and the spreadsheet import all save through this, so they agree.
    """
    return dataclasses.replace(
        data,
        income=DEFAULT_INCOME if data.income is None else data.income,
        coverage_start=data.coverage_start or coverage_start,
    )


def data_columns(ctx: Context, data: ParticipantData) -> ParticipantChanges:
    """The stored columns a registration or an edit writes, cleaned.

    ``data`` has passed :func:`check` and :func:`with_defaults`: nothing required is
    missing.
    """
    assert data.birth_date is not None and data.sex is not None
    assert data.nagari_code is not None and data.occupation is not None
    assert data.income is not None
    village = ctx.regions.get(data.nagari_code)
    assert village is not None and village.parent is not None
    values: ParticipantChanges = {
        "nik": normalise_nik(data.nik),
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
        "coverage_end": data.coverage_end,
    }
    if data.coverage_start is not None:
        values["coverage_start"] = data.coverage_start
    return values


def new_row(
    ctx: Context,
    data: ParticipantData,
    *,
    reg_no: str,
    username: str,
    now: dt.datetime,
    status: Status,
    override_reason: str = "",
) -> ParticipantRow:
    """The one builder of a new participant's stored row (registration and import).

    ``data`` has passed :func:`check` and :func:`with_defaults`.
    """
    cols = data_columns(ctx, data)
    install = ctx.identity.install_code
    assert data.coverage_start is not None
    return ParticipantRow(
        uuid=str(uuidlib.uuid4()),
        reg_no=reg_no,
        nik=cols["nik"],
        name=cols["name"],
        birth_place=cols["birth_place"],
        birth_date=cols["birth_date"],
        sex=cols["sex"],
        address=cols["address"],
        jorong=cols["jorong"],
        nagari_code=cols["nagari_code"],
        kecamatan_code=cols["kecamatan_code"],
        occupation=cols["occupation"],
        phone=cols["phone"],
        income=cols["income"],
        funding=cols["funding"],
        programmes=cols["programmes"],
        coverage_start=data.coverage_start,
        coverage_end=cols["coverage_end"],
        status=status.value,
        status_reason="",
        status_date=None,
        duplicate_of=None,
        kpj=None,
        override_reason=override_reason,
        revision=1,
        ack_revision=0,
        created_at=now,
        created_by=username,
        created_install=install,
        updated_at=now,
        updated_by=username,
        updated_install=install,
        erased_at=None,
    )


def other_problems(
    ctx: Context, data: ParticipantData, known: list[Problem], exclude_id: int | None = None
) -> list[Problem]:
    """The problems of ``data`` besides ``known``, which stopped some fields being read.

    A form or command that could not read a field leaves it empty (None); checking the
    rest too shows every problem at once, without a second "required" for those fields.
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
    data = with_defaults(data, default_coverage_start(ctx, today))
    checked = check(ctx, data, today=today)
    hard = [x for x in checked.problems if not x.overridable]
    soft = [x for x in checked.problems if x.overridable]
    reason = data.override_reason.strip()
    if hard or (soft and not reason):
        raise ValidationFailed(hard + soft)
    if soft:
        actor.require(Role.SUPERVISOR)
    ident = ctx.identity
    status = initial_status(ctx)
    with ctx.db.session() as s:
        seq = sequences.reserve_registrations(s, ctx.data_dir)
        values = new_row(
            ctx,
            data,
            reg_no=registration_number(ident.install_code, seq),
            username=actor.username,
            now=now,
            status=status,
            override_reason=reason if soft else "",
        )
        uid, reg_no = values["uuid"], values["reg_no"]
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


COUNT_CAP = 10_000  # a list counts its matches exactly up to here, then "more than"
WHOLE_UP_TO = 2_000  # a list of up to this many matches is read whole, sorted, at once


def first_page(ctx: Context, query: ListQuery, limit: int, whole_up_to: int = 0) -> FirstPage:
    """The first ``limit`` ids a list shows and how many match (exact up to
    ``COUNT_CAP``): what a search must show at once, in milliseconds at any size. Up to
    ``whole_up_to`` matches, every id comes at once."""
    with ctx.db.read() as s:
        return repo.search_first(s, query, limit, COUNT_CAP, whole_up_to)


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
    values: ParticipantChanges,
    action: str,
    reason: str = "",
    now: dt.datetime | None = None,
) -> dict[str, list[Any]]:
    """Apply ``values`` to a record, bump its revision and append the history entry.

    The record is read again inside this (write-locked) transaction: what another process
    saved since ``rec`` was read is the base, never silently undone.
    """
    now = now or dt.datetime.now()
    rec = repo.participant_by_id(s, rec.id) or rec
    changes = {k: [getattr(rec, k), v] for k, v in values.items() if getattr(rec, k) != v}
    if not changes:
        return {}
    stamped = values.copy()
    stamped["revision"] = rec.revision + 1
    stamped["updated_at"] = now
    stamped["updated_by"] = actor.username
    stamped["updated_install"] = ctx.identity.install_code
    repo.update_participant(s, rec.id, stamped)
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


def edit(
    ctx: Context,
    actor: Actor,
    reg_no: str,
    data: ParticipantData,
    today: dt.date | None = None,
    *,
    revision: int | None = None,
) -> ParticipantRecord:
    """Change a record's fields, keeping before and after in its history.

    The same rules as a registration apply. An approved record edited by an operator goes
    back to draft when approval is required, so that a supervisor sees the change.

    Args:
        revision: the record's revision when the form (or ``show``) was loaded; the save is
            refused when the record has been saved since. None: the revision read here.

    Raises:
        NotFound: no such registration number.
        ValidationFailed: with every problem found; nothing was changed.
        EditConflict: the record was saved by someone else after ``revision``; nothing was
            changed.
    """
    rec = get(ctx, reg_no)
    loaded = rec.revision if revision is None else revision
    # What the edit leaves empty keeps the record's value.
    data = dataclasses.replace(
        data,
        coverage_start=data.coverage_start or rec.coverage_start,
        income=rec.income if data.income is None else data.income,
    )
    checked = check(ctx, data, today=today, exclude_id=rec.id)
    hard = [x for x in checked.problems if not x.overridable]
    soft = [x for x in checked.problems if x.overridable]
    reason = data.override_reason.strip()
    if hard or (soft and not reason):
        raise ValidationFailed(hard + soft)
    if soft:
        actor.require(Role.SUPERVISOR)
    values = data_columns(ctx, data)
    if soft:
        values["override_reason"] = reason
    back_to_draft = bool(ctx.setting("approval_required")) and not actor.at_least(Role.SUPERVISOR)
    with ctx.db.session() as s:
        # Under the write lock: the record as it is now, not as it was when checked.
        current = repo.participant_by_id(s, rec.id)
        assert current is not None
        if current.revision != loaded:
            raise EditConflict(current, loaded, values, clashes(ctx, current, values))
        if current.status == Status.APPROVED.value and back_to_draft:
            values["status"] = Status.DRAFT.value
        _change(s, ctx, actor, current, values, "edit", reason=reason if soft else "")
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
    values: ParticipantChanges = {
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
    status = initial_status(ctx)
    values: ParticipantChanges = {
        "status": status.value,
        "status_reason": "",
        "status_date": None,
        "duplicate_of": None,
    }
    with ctx.db.session() as s:
        _change(s, ctx, actor, rec, values, "reactivate")
    return status.value
