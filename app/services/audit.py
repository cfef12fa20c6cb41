"""The audit trail: who did what and when, hash-chained so that an edit of the log shows.

Every change, login, export, import, print, handover and restore is a history entry
(``app.store.repo.add_history``); :func:`verify` walks the whole chain.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.domain import audit
from app.i18n import tr
from app.services.actor import Actor, Role
from app.services.changes import describe
from app.services.context import Context
from app.services.spreadsheet import write_xlsx
from app.store import audit as audit_store


@dataclass(frozen=True)
class Verification:
    """The outcome of walking the chain and replaying each participant against it."""

    entries: int
    broken_at: int | None
    kind: str
    # Registration numbers of rows without any history (ghosts), and of rows whose state
    # the history does not explain (edited outside the application).
    ghosts: tuple[str, ...] = ()
    unexplained: tuple[str, ...] = ()
    # The database is behind the chain head this install signed last (a file copied back),
    # and no supervisor has recorded a reason yet (app.services.chainhead).
    behind: bool = False

    @property
    def ok(self) -> bool:
        """True when every entry is where and what it was, and explains every record."""
        return (
            self.broken_at is None and not self.ghosts and not self.unexplained and not self.behind
        )


def verify(ctx: Context) -> Verification:
    """Walk the whole chain, oldest first, and check every participant against it.

    Each participant row names (``history_hash``) the newest entry of this install about
    it that records its state; the row's compared columns must have that digest. A row
    with no history entry at all is a ghost.
    """
    own = ctx.identity.install_code if ctx.is_set_up else ""
    ghosts: list[str] = []
    unexplained: list[str] = []
    with ctx.db.read() as s:
        walked = audit.replay(audit_store.raw_chain(s), own)
        seen = walked.subjects or set()
        vouched = walked.vouched or {}
        for uid, reg_no, pointer, state in audit_store.participant_states(s):
            if uid not in seen:
                ghosts.append(reg_no)
            elif vouched.get(uid) != (pointer, state):
                unexplained.append(reg_no)
    broken = walked.broken
    count = walked.entries
    from app.services import chainhead

    behind = chainhead.flagged(ctx)
    return Verification(
        count,
        None if broken is None else broken.entry_id,
        "" if broken is None else broken.kind,
        tuple(sorted(ghosts)),
        tuple(sorted(unexplained)),
        behind,
    )


# What each action of the history did, in English (the catalogue has the Indonesian).
ACTIONS: dict[str, str] = {
    "create": "Registered",
    "import": "Imported from a spreadsheet",
    "edit": "Changed",
    "approve": "Approved",
    "deactivate": "Deactivated",
    "reactivate": "Reactivated",
    "demo": "Demo data",
    "erase": "Personal data erased",
    "kpj": "KPJ number from BPJS",
    "receipt": "Status from the kabupaten's receipt",
    "bundle_merge": "Merged from a bundle",
    "conflict_resolved": "Conflict resolved",
    "card_print": "Card printed",
    "card_copy": "Card copy printed",
    "card_reprint": "Card reprinted",
    "card_handed": "Card handed over",
    "card_taken_back": "Card handover taken back",
    "open": "Handover event opened",
    "close": "Handover event closed",
    "login": "Logged in",
    "login_failed": "Login failed",
    "user_add": "Account added",
    "user_unlock": "Account unlocked",
    "user_password": "Password changed",
    "user_reset": "Password reset by an administrator",
    "user_recover": "Password set with the recovery key",
    "recovery_key": "Recovery sheet made",
    "user_deactivate": "Account deactivated",
    "user_reactivate": "Account reactivated",
    "refused": "Refused: rights of another role needed",
    "setup": "Install set up",
    "setting": "Setting changed",
    "regions_import": "Region table loaded",
    "year_add": "Programme year added",
    "quota": "Quota set",
    "rate_add": "Rate added",
    "rate_remove": "Rate removed",
    "report": "Report written",
    "export_list": "List exported",
    "import_file": "Spreadsheet imported",
    "bpjs_export": "List for BPJS exported",
    "audit_export": "Audit trail exported",
    "subject_report": "Personal data report written",
    "backup": "Backup made",
    "restore": "Backup restored",
    "key_created": "Signing key created",
    "key_protect": "Key passphrase changed",
    "key_backup": "Key backed up",
    "key_restored": "Key restored",
    "key_trusted": "Key of another install trusted",
    "enrol_file": "Enrolment file written",
    "enrolled": "Station enrolled",
    "office_confirmed": "Office confirmed",
    "office_revoked": "Office key revoked",
    "key_rotated": "Signing key replaced",
    "kabupaten_key_rotated": "Kabupaten key rotated, enrolment files written",
    "bundle_export": "Bundle written",
    "bundle_import": "Bundle imported",
    "bundle_held": "Bundle held",
    "bundle_dropped": "Held bundle dropped",
    "receipt_written": "Receipt written",
    "receipt_import": "Receipt imported",
    "chain_rule": "State recorded (chain rule 2)",
    "chain_behind": "Database behind its signed chain head",
    "chain_behind_accepted": "Reason recorded for a database behind its chain head",
    "clock_back": "PC clock went backwards",
    "chain_reset": "Chain of another install taken anew",
    "bundle_held_back": "Records held back from a bundle",
}


def action_label(action: str) -> str:
    """What a history entry did, in the user's language (an unknown code as itself)."""
    text = ACTIONS.get(action)
    return tr(text) if text else action


@dataclass(frozen=True)
class Entry:
    """One line of the audit trail as shown to an administrator."""

    id: int
    at: dt.datetime
    actor: str
    install_code: str
    entity: str
    entity_id: str
    action: str
    summary: str
    reason: str


def _summary(changes: str) -> str:
    return "; ".join(describe(changes))


def entries(
    ctx: Context,
    actor: Actor,
    *,
    user: str | None = None,
    action: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = 1000,
) -> list[Entry]:
    """Entries newest first, filtered; NIKs masked in the summaries.

    Raises:
        Refused: the actor is not an administrator.
    """
    actor.require(Role.ADMIN)
    with ctx.db.read() as s:
        return [
            Entry(
                e.id,
                e.at,
                e.actor,
                e.install_code,
                e.entity,
                e.entity_id,
                e.action,
                _summary(e.changes),
                e.reason,
            )
            for e in audit_store.find(
                s, user=user, action=action, since=since, until=until, limit=limit
            )
        ]


def export(ctx: Context, actor: Actor, path: Path, **filters: object) -> int:
    """Write the (filtered) trail as xlsx; returns the number of entries."""
    rows = entries(ctx, actor, limit=None, **filters)  # type: ignore[arg-type]
    write_xlsx(
        path,
        [tr(x) for x in ("Time", "User", "Install", "Subject", "Action", "Details", "Reason")],
        [
            [
                f"{e.at:%d/%m/%Y %H:%M:%S}",
                e.actor,
                e.install_code,
                f"{e.entity} {e.entity_id}",
                action_label(e.action),
                e.summary,
                e.reason,
            ]
            for e in rows
        ],
    )
    from app.store import repo

    with ctx.db.session() as s:
        repo.add_history(
            s,
            at=dt.datetime.now(),
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="install",
            entity_id=ctx.identity.install_code,
            action="audit_export",
            changes={"file": path.name, "rows": len(rows)},
        )
    return len(rows)
