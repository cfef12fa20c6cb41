"""The conflict queue at the kabupaten, resolved by a person with both records side by side.

Two kinds of conflict:

- **duplicate**: the same NIK in two records that are not inactive: A is in the register,
  B came in a bundle (and waits outside the register until decided). ``keep`` makes the
  other record an inactive duplicate of the kept one; ``moved_to`` records that the person
  moved to that record's kecamatan (the other becomes inactive, reason moved).
- **edit**: one record changed both at the kabupaten (A, the register's version) and at the
  office (B, the bundle's version) in the same fields since the last merge. ``keep`` one
  version, or take fields from each (:func:`resolve_fields`, in the window).

Every decision is recorded on the conflict and in the records' history; the offices learn
it from their next receipt.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.errors import InvalidInput, NotFound, Refused
from app.services.actor import Actor, Role
from app.services.context import Context
from app.services.sync.decision import ConflictKind
from app.store import sync as sync_store
from app.store.concurrency import CONFLICT, office_lock, retried
from app.sync.records import OFFICE_FIELDS, RecordError, decode_record, encode_record


@dataclass(frozen=True)
class ConflictView:
    """A conflict with both records as they are now (A) and as the bundle had them (B)."""

    id: int
    kind: ConflictKind
    nik: str
    a: dict[str, Any]  # JSON values, as in a bundle
    b: dict[str, Any]
    source: str
    sequence: int
    created_at: dt.datetime
    updated_at: dt.datetime
    decision: str | None
    decided_at: dt.datetime | None
    decided_by: str | None
    note: str

    @property
    def differing(self) -> list[str]:
        """Fields of the office's data where A and B differ."""
        return [f for f in OFFICE_FIELDS if self.a.get(f) != self.b.get(f)]


def list_conflicts(ctx: Context, open_only: bool = True) -> list[ConflictView]:
    """The queue (open conflicts by default), oldest first, with A as it is now."""
    with ctx.db.read() as s:
        rows = sync_store.conflicts(s, open_only)
        current = sync_store.participants_by_uuid(s, [c.a_uuid for c in rows if c.decision is None])
    return [
        ConflictView(
            c.id,
            ConflictKind(c.kind),
            c.nik,
            encode_record(current[c.a_uuid]) if c.a_uuid in current else c.a_data,
            c.b_data,
            c.source,
            c.sequence,
            c.created_at,
            c.updated_at,
            c.decision,
            c.decided_at,
            c.decided_by,
            c.note,
        )
        for c in rows
    ]


def get_conflict(ctx: Context, cid: int) -> ConflictView:
    """One conflict.

    Raises:
        NotFound: no such conflict.
    """
    for c in list_conflicts(ctx, open_only=False):
        if c.id == cid:
            return c
    raise NotFound("conflict.not_found", id=cid)


def _side(text: str | None) -> str | None:
    if text is None:
        return None
    side = text.strip().upper()
    if side not in ("A", "B"):
        raise InvalidInput("conflict.choice")
    return side


class _Writer:
    """Writes of one resolution: record updates, inserts and history, in one session."""

    def __init__(self, s: Session, ctx: Context, actor: Actor, cid: int, decision: str) -> None:
        self.s = s
        self.ctx = ctx
        self.actor = actor
        self.now = dt.datetime.now().replace(microsecond=0)
        self.code = ctx.identity.install_code
        self.reason = f"conflict {cid}: {decision}"

    def history(self, uid: str, changes: Mapping[str, Any]) -> None:
        sync_store.add_history_rows(
            self.s,
            [
                {
                    "at": self.now,
                    "actor": self.actor.username,
                    "install_code": self.code,
                    "entity": "participant",
                    "entity_id": uid,
                    "action": "conflict_resolved",
                    "changes": json.dumps(changes, ensure_ascii=False, default=str),
                    "reason": self.reason,
                }
            ],
        )

    def update(
        self, row: Mapping[str, Any], values: Mapping[str, Any], ack: int | None = None
    ) -> None:
        changes = {k: [row[k], v] for k, v in values.items() if row[k] != v}
        new_ack = row["ack_revision"] if ack is None else max(row["ack_revision"], ack)
        extra: dict[str, Any] = {
            # Above the acknowledged revision: the decision travels down with the receipt,
            # and a later edit here still shows as revision > ack_revision.
            "revision": max(row["revision"], new_ack) + 1,
            "ack_revision": new_ack,
            "updated_at": self.now,
            "updated_by": self.actor.username,
            "updated_install": self.code,
        }
        sync_store.update_participants(self.s, [{"id": row["id"], **values, **extra}])
        self.history(row["uuid"], changes)

    def insert(self, record: Mapping[str, Any]) -> None:
        values = dict(record)
        values.pop("id", None)
        values["ack_revision"] = record["revision"]
        sync_store.insert_participants(self.s, [values])
        self.history(record["uuid"], {"status": [None, record["status"]]})


def _in_programme(record: Mapping[str, Any]) -> str:
    return "active" if record.get("kpj") else "accepted"


def _check_nik_free(s: Session, nik: str, allowed: set[str]) -> None:
    for h in sync_store.holders_of_niks(s, [nik]).get(nik, []):
        if h.uuid not in allowed:
            raise Refused("conflict.nik_taken", nik=nik, reg_no=h.reg_no)


@retried
def resolve(
    ctx: Context,
    actor: Actor,
    cid: int,
    *,
    keep: str | None = None,
    moved_to: str | None = None,
    note: str = "",
) -> ConflictView:
    """Decide a conflict: ``keep`` A or B, or ``moved_to`` A or B (duplicates only).

    Raises:
        NotFound: no such conflict.
        Refused: already resolved, or a move asked for one record changed on both sides.
        InvalidInput: neither or both of keep and moved_to, or a side other than A or B.
    """
    actor.require(Role.SUPERVISOR)
    keep, moved_to = _side(keep), _side(moved_to)
    if (keep is None) == (moved_to is None):
        raise InvalidInput("conflict.choice")
    with ctx.db.session() as s:
        office_lock(s, str(cid), CONFLICT)  # two desks deciding it: the second is told
        c = sync_store.get_conflict(s, cid)
        if c is None:
            raise NotFound("conflict.not_found", id=cid)
        if c.decision is not None:
            raise Refused("conflict.closed", id=cid, decision=c.decision)
        decision = f"keep_{keep.lower()}" if keep else f"moved_to_{str(moved_to).lower()}"
        w = _Writer(s, ctx, actor, cid, decision)
        try:
            b: Mapping[str, Any] = decode_record(c.b_data)
        except RecordError:
            raise Refused("conflict.closed", id=cid, decision="?") from None
        rows: Mapping[str, Mapping[str, Any]] = sync_store.participants_by_uuid(
            s, [c.a_uuid, c.b_uuid]
        )
        a_row = rows.get(c.a_uuid)
        if c.kind == ConflictKind.EDIT:
            if moved_to is not None:
                raise Refused("conflict.not_duplicate", id=cid)
            assert a_row is not None
            if keep == "A":
                w.update(a_row, {}, ack=b["revision"])
            else:
                _check_nik_free(s, b["nik"], {a_row["uuid"]})
                values = {f: b[f] for f in OFFICE_FIELDS}
                if b["status"] == "inactive" and a_row["status"] != "inactive":
                    values |= {k: b[k] for k in ("status", "status_reason", "status_date")}
                w.update(a_row, values, ack=b["revision"])
        else:
            _resolve_duplicate(s, w, c, a_row, rows.get(c.b_uuid), b, keep, moved_to)
        sync_store.update_conflict(
            s, cid, decision=decision, decided_at=w.now, decided_by=actor.username, note=note
        )
    return get_conflict(ctx, cid)


def _resolve_duplicate(
    s: Session,
    w: _Writer,
    c: sync_store.ConflictRecord,
    a_row: Mapping[str, Any] | None,
    b_row: Mapping[str, Any] | None,
    b: Mapping[str, Any],
    keep: str | None,
    moved_to: str | None,
) -> None:
    winner = keep or moved_to
    reason = "duplicate" if keep else "moved"
    today = w.now.date()
    a: Mapping[str, Any] = a_row if a_row is not None else decode_record(c.a_data)
    b_current = b_row if b_row is not None else b
    kept, other = (a, b_current) if winner == "A" else (b_current, a)
    kept_is_b = winner == "B"
    _check_nik_free(s, kept["nik"] if not kept_is_b else b["nik"], {a["uuid"], b["uuid"]})
    leave: dict[str, Any] = {
        "status": "inactive",
        "status_reason": reason,
        "status_date": today,
        "duplicate_of": kept["reg_no"] if keep else None,
    }
    # The record that leaves the programme.
    if other is b_current and b_row is None:
        w.insert(dict(b) | leave)
    elif other is b_current:
        assert b_row is not None
        w.update(b_row, leave, ack=b["revision"])
    else:
        assert a_row is not None
        if a_row["status"] != "inactive":
            w.update(a_row, leave)
    # The record that stays (B's version from the bundle when B is kept).
    if kept_is_b:
        stay = {"status": _in_programme(b_current), "status_reason": "", "status_date": None}
        if b_row is None:
            w.insert(dict(b) | stay | {"duplicate_of": None})
        else:
            values = {f: b[f] for f in OFFICE_FIELDS} | stay
            w.update(b_row, values, ack=b["revision"])
    elif a_row is not None and a_row["status"] in ("approved", "inactive"):
        w.update(a_row, {"status": _in_programme(a_row), "status_reason": "", "status_date": None})


def resolve_fields(
    ctx: Context, actor: Actor, cid: int, choices: dict[str, str], note: str = ""
) -> ConflictView:
    """Resolve an edit conflict taking each field from A or B (fields not named: A).

    Raises:
        NotFound: no such conflict.
        Refused: already resolved, or not an edit conflict.
        InvalidInput: a field that is not the office's data, or a side other than A or B.
    """
    actor.require(Role.SUPERVISOR)
    for f, side in choices.items():
        if f not in OFFICE_FIELDS:
            raise InvalidInput("conflict.fields", field=f)
        _side(side)
    with ctx.db.session() as s:
        c = sync_store.get_conflict(s, cid)
        if c is None:
            raise NotFound("conflict.not_found", id=cid)
        if c.decision is not None:
            raise Refused("conflict.closed", id=cid, decision=c.decision)
        if c.kind != ConflictKind.EDIT:
            raise Refused("conflict.not_duplicate", id=cid)
        b: Mapping[str, Any] = decode_record(c.b_data)
        a_row: Mapping[str, Any] = sync_store.participants_by_uuid(s, [c.a_uuid])[c.a_uuid]
        values = {f: b[f] for f, side in choices.items() if side.strip().upper() == "B"}
        if "nik" in values:
            _check_nik_free(s, values["nik"], {a_row["uuid"]})
        w = _Writer(s, ctx, actor, cid, "merged")
        w.update(a_row, values, ack=b["revision"])
        sync_store.update_conflict(
            s, cid, decision="merged", decided_at=w.now, decided_by=actor.username, note=note
        )
    return get_conflict(ctx, cid)
