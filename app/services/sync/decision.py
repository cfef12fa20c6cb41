"""What the kabupaten's merge does with one record of an office's bundle: a pure function.

:func:`decide` takes the incoming record, what the register holds about it (:class:`Held`),
what the office's history says it changed (:class:`OfficeSays`) and what the records before
it in the same bundle did (:class:`SoFar`), and returns a :class:`Decision`. It reads no
database and writes nothing; :mod:`app.services.sync.bundle_import` gathers its inputs in
bulk, calls it once per record and turns the decisions into the rows of one transaction.

The rules, in the order they apply:

1. a record already seen in this bundle is refused (``record.repeated``), and so is one
   whose id the register holds under another registration number (``record.held_as``);
2. a record the register has merged at this revision or later, with no open conflict, is
   unchanged;
3. an erasure of personal data made at the office (UU PDP) is carried out here too;
4. a record that breaks a registration rule, or whose registration number another record
   holds, is refused;
5. a record new to the register is inserted (accepted, or active with a KPJ) unless a
   record that is not inactive holds its NIK: then it waits as a likely duplicate;
6. a record the register holds merges field by field: the office's changes win unless the
   kabupaten changed the same field since the last merge (an edit conflict); a NIK change
   or a reactivation that collides with another record is a likely duplicate; nothing to
   take only acknowledges the office's revision.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from app.domain.rows import ParticipantRow, StoredParticipant
from app.sync.records import OFFICE_FIELDS, STATUS_FIELDS

# History actions written by sync itself: they are not edits of either side.
MERGE_ACTIONS = ("bundle_new", "bundle_merge", "conflict_resolved", "receipt")
_CHANGE_KEYS = frozenset(OFFICE_FIELDS)


class Outcome(StrEnum):
    """What a bundle import does with one record; the value is also its key in counts."""

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"
    DUPLICATE = "duplicate"
    REFUSED = "refused"


class ConflictKind(StrEnum):
    """The two kinds of conflict the queue holds."""

    DUPLICATE = "duplicate"  # the same NIK in two records that are not inactive
    EDIT = "edit"  # the same fields changed at the office and at the kabupaten


Problem = tuple[str, dict[str, Any]]  # a refusal: message code and its parameters
Check = Callable[[ParticipantRow], Problem | None]


class HoldsNik(Protocol):
    """A record of the register that holds a NIK and is not inactive."""

    @property
    def uuid(self) -> str: ...

    @property
    def reg_no(self) -> str: ...


@dataclass(frozen=True)
class Claim:
    """A record holding a NIK: one of the register's, or one this bundle makes active."""

    uuid: str
    reg_no: str


@dataclass(frozen=True)
class Pending:
    """The open conflict whose bundle record (B) is this record."""

    id: int
    kind: ConflictKind
    a_reg_no: str  # the register's record it is weighed against


@dataclass(frozen=True)
class Held:
    """What the register holds about one incoming record."""

    row: StoredParticipant | None = None
    pending: Pending | None = None
    reg_no_owner: str | None = None  # uuid of the record holding the incoming reg_no
    nik_holders: Sequence[HoldsNik] = ()  # records not inactive holding the incoming NIK
    kab_fields: frozenset[str] = frozenset()  # fields the kabupaten changed since the merge


@dataclass(frozen=True)
class OfficeSays:
    """What the office's history, new to the register, says about one record."""

    fields: frozenset[str] | None = None  # fields it changed; None: no history came
    reactivated: bool = False


@dataclass
class SoFar:
    """What the records before this one in the same bundle did."""

    seen: set[str] = field(default_factory=set)  # uuids
    claims: dict[str, Claim] = field(default_factory=dict)  # NIK → record made active


@dataclass(frozen=True)
class ConflictAction:
    """A conflict to queue, or (``existing``) an open one to refresh with the new data."""

    kind: ConflictKind
    nik: str
    a_uuid: str
    existing: int | None = None
    a_row: StoredParticipant | None = None  # edit conflicts: the register's version


@dataclass(frozen=True)
class Decision:
    """What to do with one record; the writes it implies are filled in by the import."""

    outcome: Outcome
    code: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)
    other: str = ""  # likely duplicates: the other record's registration number
    insert: ParticipantRow | None = None  # a new record, as it is stored
    update: Mapping[str, Any] | None = None  # columns written to the register's record
    changes: Mapping[str, tuple[Any, Any]] = field(default_factory=dict)  # for its history
    ack: int | None = None  # acknowledge only: the office's revision now merged
    erase: bool = False  # erase the record's personal data
    conflict: ConflictAction | None = None
    withdraw: int | None = None  # an open conflict the office's own record settles
    claim: tuple[str, Claim] | None = None  # (NIK, record) this record makes active


def decide(
    r: ParticipantRow, held: Held, office: OfficeSays, so_far: SoFar, check: Check
) -> Decision:
    """The decision for record ``r`` of a bundle. ``check`` gives the first registration
    rule the record breaks (it is called only for a record that may enter the register)."""
    if r["uuid"] in so_far.seen:
        return Decision(Outcome.REFUSED, "record.repeated")
    row = held.row
    if row is not None and row["reg_no"] != r["reg_no"]:
        # Its id is another registration number's here: never counted as seen already.
        return Decision(
            Outcome.REFUSED, "record.held_as", {"reg_no": r["reg_no"], "other": row["reg_no"]}
        )
    if row is not None and r["revision"] <= row["ack_revision"] and held.pending is None:
        return Decision(Outcome.UNCHANGED)
    if r["erased_at"] is not None:
        return _erasure(r, row)
    problem = check(r) or _reg_no_problem(r, held)
    if problem is not None:
        return Decision(Outcome.REFUSED, problem[0], problem[1])
    if row is None:
        return _new(r, held, so_far)
    return _merge(r, row, held, office, so_far)


def _erasure(r: ParticipantRow, row: StoredParticipant | None) -> Decision:
    """The office erased this person's personal data (UU PDP): so does the register."""
    if row is None or row["erased_at"] is not None:
        return Decision(Outcome.UNCHANGED)
    values: dict[str, Any] = {f: _value(r, f) for f in STATUS_FIELDS}
    values |= {"revision": max(row["revision"] + 1, r["revision"]), "ack_revision": r["revision"]}
    return Decision(Outcome.CHANGED, update=values, erase=True)


def _reg_no_problem(r: ParticipantRow, held: Held) -> Problem | None:
    taken = held.row is None and held.reg_no_owner not in (None, r["uuid"])
    return ("record.reg_no_taken", {"reg_no": r["reg_no"]}) if taken else None


def _holder(nik: str, r: ParticipantRow, held: Held, so_far: SoFar) -> Claim | None:
    """Another record that holds ``nik`` and is not inactive, in the register or made
    active earlier in this bundle."""
    for h in held.nik_holders:
        if h.uuid != r["uuid"]:
            return Claim(h.uuid, h.reg_no)
    other = so_far.claims.get(nik)
    return other if other is not None and other.reg_no != r["reg_no"] else None


def _duplicate(r: ParticipantRow, pending: Pending | None, other: Claim | None) -> Decision:
    """A likely duplicate: it waits in the conflict queue, outside the register."""
    if pending is not None:  # a later version of a record already waiting
        other_reg = pending.a_reg_no
        action = ConflictAction(ConflictKind.DUPLICATE, r["nik"], "", existing=pending.id)
    else:
        assert other is not None
        other_reg = other.reg_no
        action = ConflictAction(ConflictKind.DUPLICATE, r["nik"], other.uuid)
    return Decision(
        Outcome.DUPLICATE,
        "sync.likely_duplicate",
        {"other": other_reg},
        other=other_reg,
        conflict=action,
    )


def _new(r: ParticipantRow, held: Held, so_far: SoFar) -> Decision:
    active = r["status"] != "inactive"
    other = _holder(r["nik"], r, held, so_far) if active else None
    if other is not None:
        return _duplicate(r, held.pending, other)
    values: ParticipantRow = r.copy()
    claim = None
    if active:
        values["status"] = "active" if values["kpj"] else "accepted"
        claim = (r["nik"], Claim(r["uuid"], r["reg_no"]))
    values["ack_revision"] = r["revision"]
    # An open conflict of this record settles: the office itself took it out of the programme.
    withdraw = held.pending.id if held.pending is not None else None
    return Decision(Outcome.NEW, insert=values, withdraw=withdraw, claim=claim)


def _merge(
    r: ParticipantRow, row: StoredParticipant, held: Held, office: OfficeSays, so_far: SoFar
) -> Decision:
    """A record the register holds, changed at the office since the last merge."""
    differing = {f for f in OFFICE_FIELDS if _value(row, f) != _value(r, f)}
    office_fields = office.fields if office.fields is not None else differing
    clash = differing & held.kab_fields & office_fields
    pending = held.pending
    if clash or (pending is not None and pending.kind is ConflictKind.EDIT):
        action = ConflictAction(
            ConflictKind.EDIT,
            row["nik"],
            r["uuid"],
            existing=pending.id if pending is not None else None,
            a_row=row,
        )
        fields = ", ".join(sorted(clash))
        return Decision(Outcome.CONFLICT, "sync.edit_conflict", {"fields": fields}, conflict=action)
    if pending is not None:  # a duplicate waiting: the newer version waits in its place
        return _duplicate(r, pending, None)
    take = {f: _value(r, f) for f in differing - held.kab_fields}
    status = status_after_merge(row, r, office.reactivated)
    becomes_active = (status.get("status") or row["status"]) != "inactive"
    if becomes_active and ("nik" in take or status):
        other = _holder(r["nik"], r, held, so_far)
        if other is not None:
            return _duplicate(r, None, other)
    changes = {k: (_value(row, k), v) for k, v in (take | status).items() if _value(row, k) != v}
    if not changes:
        return Decision(Outcome.UNCHANGED, ack=r["revision"])
    merged: dict[str, Any] = dict(row) | take | status
    claim = None
    if merged["status"] != "inactive":
        claim = (str(merged["nik"]), Claim(r["uuid"], row["reg_no"]))
    # Only what changes: rewriting a name, even unchanged, would reindex it (FTS).
    values = {k: merged[k] for k in changes} | {
        # Never below the acknowledged revision: a later edit here must show as
        # revision > ack_revision, which is how the next merge looks for one.
        "revision": max(row["revision"] + 1, r["revision"]),
        "ack_revision": r["revision"],
        "updated_at": r["updated_at"],
        "updated_by": r["updated_by"],
        "updated_install": r["updated_install"],
    }
    return Decision(Outcome.CHANGED, update=values, changes=changes, claim=claim)


def status_after_merge(
    local: ParticipantRow, incoming: ParticipantRow, reactivated: bool
) -> dict[str, Any]:
    """Status fields the kabupaten takes from an office's newer version of a record."""
    if local["status"] != "inactive" and incoming["status"] == "inactive":
        return {
            "status": "inactive",
            "status_reason": incoming["status_reason"],
            "status_date": incoming["status_date"],
        }
    if (
        local["status"] == "inactive"
        and incoming["status"] != "inactive"
        and reactivated
        and local["status_reason"] != "duplicate"  # the kabupaten's decision stands
    ):
        return {
            "status": "active" if local["kpj"] else "accepted",
            "status_reason": "",
            "status_date": None,
            "duplicate_of": None,
        }
    return {}


def _value(r: Mapping[str, object], name: str) -> Any:
    """A field named at run time (the TypedDicts are indexed by literal keys only)."""
    return r[name]


def kab_changed_fields(entries: Sequence[tuple[str, str]]) -> frozenset[str]:
    """Office fields the kabupaten itself changed since the record was last merged, from
    its own history of the record: (action, changes JSON), oldest first."""
    out: set[str] = set()
    for action, changes in entries:
        if action in MERGE_ACTIONS:
            out.clear()
            continue
        if action == "create":
            continue
        out |= _CHANGE_KEYS.intersection(_changed_keys(changes, frozenset()))
    return frozenset(out)


def office_changed_fields(changes: str) -> frozenset[str]:
    """Office fields one entry of the office's history changed (all of them when its
    changes cannot be read)."""
    return _CHANGE_KEYS.intersection(_changed_keys(changes, _CHANGE_KEYS))


def _changed_keys(changes: str, unreadable: frozenset[str]) -> Any:
    try:
        return json.loads(changes).keys()
    except (ValueError, AttributeError):
        return unreadable
