"""Personal-data duties (UU 27/2022): access to one's data, erasure, retention.

Erasure takes the personal data out of the record, out of its history entries (their
hashes stay, so the audit chain still verifies) and out of future bundles; the
registration number, status, reason and dates stay. Backups older than the retention
period are removed with it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from app.domain.fmt import format_date
from app.domain.participant import ERASED_DATE, FUNDING, OCCUPATIONS, InactiveReason, Status
from app.errors import Refused
from app.i18n import tr
from app.services import participants
from app.services.actor import Actor, Role
from app.services.backup import list_backups
from app.services.context import Context
from app.store import repo


def subject_report(ctx: Context, actor: Actor, reg_no: str, path: Path) -> Path:
    """Write a PDF with everything stored about one participant, to hand to them.

    Raises:
        NotFound: no such registration number.
        Refused: the actor is an operator (the report shows the whole NIK).
    """
    actor.require(Role.SUPERVISOR)
    from app.cards.subject import SubjectData, render

    rec = participants.get(ctx, reg_no)
    hist = participants.history(ctx, rec.uuid)
    nagari = ctx.regions.get(rec.nagari_code)
    kec = ctx.regions.get(rec.kecamatan_code)
    fields = [
        (tr("Registration no."), rec.reg_no),
        ("NIK", rec.nik),
        (tr("Name"), rec.name),
        (tr("Birth place"), rec.birth_place),
        (tr("Birth date"), format_date(rec.birth_date) if rec.erased_at is None else ""),
        (tr("Sex"), rec.sex),
        (tr("Address"), rec.address),
        (tr("Jorong"), rec.jorong),
        (tr("Nagari"), nagari.name if nagari else rec.nagari_code),
        (tr("Kecamatan"), kec.name if kec else rec.kecamatan_code),
        (tr("Occupation"), OCCUPATIONS.get(rec.occupation, rec.occupation)),
        (tr("Phone"), rec.phone),
        (tr("Declared income"), f"Rp{rec.income:,}".replace(",", ".")),
        (tr("Funding"), FUNDING.get(rec.funding, rec.funding)),
        (tr("Programmes"), rec.programmes),
        (tr("Coverage start"), format_date(rec.coverage_start)),
        (tr("Status"), tr(rec.status)),
        ("KPJ", rec.kpj or ""),
    ]
    history = []
    for h in hist:
        try:
            changes = json.loads(h.changes)
        except ValueError:
            changes = {}
        details = "; ".join(
            f"{k}: {v[0] if v[0] is not None else ''} → {v[1]}"
            if isinstance(v, list) and len(v) == 2
            else f"{k}: {v}"
            for k, v in changes.items()
        )
        history.append((f"{h.at:%d/%m/%Y %H:%M}", h.actor, h.action, details))
    render(SubjectData(str(ctx.setting("regency_name")), fields, history, dt.datetime.now()), path)
    with ctx.db.session() as s:
        repo.add_history(
            s,
            at=dt.datetime.now(),
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="participant",
            entity_id=rec.uuid,
            action="subject_report",
            changes={"file": path.name},
        )
    return path


def erase(
    ctx: Context, actor: Actor, reg_no: str, reason: str = "request", now: dt.datetime | None = None
) -> None:
    """Erase one participant's personal data (a lawful request, or retention ended).

    A participant still in the programme is first made inactive (ended).

    Raises:
        Refused: the actor is not an administrator, or the record is already erased.
    """
    actor.require(Role.ADMIN)
    now = now or dt.datetime.now()
    rec = participants.get(ctx, reg_no)
    if rec.erased_at is not None:
        raise Refused("privacy.already_erased", reg_no=rec.reg_no)
    if rec.status != Status.INACTIVE.value:
        participants.deactivate(ctx, actor, rec.reg_no, InactiveReason.ENDED, now.date())
        rec = participants.get(ctx, reg_no)
    with ctx.db.session() as s:
        repo.erase_participant(s, rec.id, now, ERASED_DATE)
        repo.redact_history(s, rec.uuid)
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="participant",
            entity_id=rec.uuid,
            action="erase",
            changes={"reg_no": rec.reg_no, "reason": reason},
        )
    remove_old_backups(ctx, now)


def expired(ctx: Context, now: dt.datetime | None = None) -> list[str]:
    """Registration numbers of participants inactive for longer than the retention period."""
    now = now or dt.datetime.now()
    days = int(ctx.setting("retention_days"))
    with ctx.db.read() as s:
        return repo.inactive_before(s, (now - dt.timedelta(days=days)).date())


def erase_expired(ctx: Context, actor: Actor, now: dt.datetime | None = None) -> int:
    """Erase everyone whose retention period has ended; returns how many."""
    actor.require(Role.ADMIN)
    regs = expired(ctx, now)
    for reg in regs:
        erase(ctx, actor, reg, reason="retention", now=now)
    remove_old_backups(ctx, now)
    return len(regs)


def remove_old_backups(ctx: Context, now: dt.datetime | None = None) -> int:
    """Delete backups older than the retention period for backups (they hold erased data)."""
    now = now or dt.datetime.now()
    limit = now - dt.timedelta(days=int(ctx.setting("backup_retention_days")))
    removed = 0
    for info in list_backups(ctx):
        if info.taken_at < limit:
            info.path.unlink(missing_ok=True)
            removed += 1
    return removed
