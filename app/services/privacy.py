"""Personal-data duties (UU 27/2022): access to one's data, erasure, retention.

Erasure takes the personal data out of the record, out of its history entries (their
hashes stay, so the audit chain still verifies) and out of future bundles; the
registration number, status, reason and dates stay. Backups older than the retention
period are removed with it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.domain.participant import ERASED_DATE, InactiveReason, Status
from app.errors import Refused
from app.services import erasures, participants
from app.services.actor import Actor, Role
from app.services.audit import action_label
from app.services.backup import list_backups
from app.services.context import Context
from app.services.describe import describe, history_changes
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
    fields = [(f.label, f.value) for f in describe(rec, ctx.regions, full_nik=True)]
    history = [
        (
            f"{h.at:%d/%m/%Y %H:%M}",
            h.actor,
            action_label(h.action),
            history_changes(h.changes, ctx.regions, full_nik=True).replace("\n", "; "),
        )
        for h in hist
    ]
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
    _erase(ctx, actor, rec, reason, now)
    remove_old_backups(ctx, now)


def _erase(
    ctx: Context,
    actor: Actor,
    rec: participants.ParticipantRecord,
    reason: str,
    now: dt.datetime,
    after_restore: bool = False,
) -> None:
    """Deactivate if needed, empty the personal fields, redact the history, record it in
    the history and in the erasure ledger beside the database."""
    if rec.status != Status.INACTIVE.value:
        participants.deactivate(ctx, actor, rec.reg_no, InactiveReason.ENDED, now.date())
        rec = participants.get(ctx, rec.reg_no)
    changes: dict[str, object] = {"reg_no": rec.reg_no, "reason": reason}
    if after_restore:
        changes["after_restore"] = True
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
            changes=changes,
        )
        # Before the commit, under its write lock (see app.services.erasures).
        erasures.record(ctx.data_dir, rec.reg_no, now, reason)


def reapply_erasures(ctx: Context, actor: Actor, now: dt.datetime | None = None) -> list[str]:
    """Erase again, in a restored database, everyone the erasure ledger says was erased and
    the database still holds; returns their registration numbers.

    Raises:
        StorageError: the ledger cannot be read.
    """
    now = now or dt.datetime.now()
    done = []
    for entry in erasures.entries(ctx.data_dir):
        with ctx.db.read() as s:
            rec = repo.participant_by_reg(s, entry.reg_no)
        if rec is None or rec.erased_at is not None:
            continue  # erased in the backup already, or registered after it was taken
        _erase(ctx, actor, rec, entry.reason, now, after_restore=True)
        done.append(rec.reg_no)
    return done


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
