"""Queries of sync: the ledger of offices, files sent and received, conflicts, and the bulk
reads and writes of participants that bundles and receipts need. Each takes a Session.

Kept apart from ``repo.py`` so that the sync area never edits the registration area's file.
Rows go out as plain dicts or dataclasses; ORM objects never leave the store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, NamedTuple, NotRequired, TypedDict, cast

from sqlalchemy import (
    Date,
    DateTime,
    Table,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.orm import Session
from typing_extensions import Unpack

from app.domain.rows import (
    CardKey,
    CardRow,
    HandoverEventRow,
    HistoryEntry,
    ParticipantRow,
    ReceivedHandoverItem,
    SentHandoverItem,
    StoredParticipant,
)
from app.store import tables as t
from app.store.engine import is_server

_CHUNK = 500
P = t.Participant
_PTABLE = cast(Table, P.__table__)
_PCOLS = list(_PTABLE.columns)


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _in(s: Session, values: Sequence[str]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """(SQL, parameters) of a driver's ``IN`` over ``values`` (strings): on SQLite, chunks
    of ``?`` marks; on a server one array, whatever the count (through pg8000 each
    statement costs a round trip and the parsing of its every parameter: 20,000 values in
    chunks were seconds of a merge's plan).

    On a server the array is a set the rows are looked up from (``IN (SELECT unnest(…))``),
    not a test of each row (``= ANY(…)``): for a bundle's 20,000 values the planner took
    the test for cheaper than 20,000 probes of the column's index and read a province's
    whole table (0.4 to 0.5 s for each of a merge's lookups at 2,000,000 participants).
    It does not know how many distinct values the set holds and counts on a few, so it
    always probes the index, whatever else the query filters on (a new office's code,
    which its statistics do not know yet, made even a join with the array read the whole
    history)."""
    if not values:
        return
    if is_server(s):
        from app.store.pg import array_literal

        yield "IN (SELECT unnest(CAST(? AS text[])))", (array_literal(list(values)),)
        return
    for chunk in _chunks(values):
        yield f"IN ({', '.join('?' * len(chunk))})", tuple(chunk)


def _rows(result: Any) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in result]


# --- participants in bulk -------------------------------------------------------------


def _parser(column: Any) -> Callable[[Any], Any] | None:
    if isinstance(column.type, DateTime):
        return dt.datetime.fromisoformat
    if isinstance(column.type, Date):
        return dt.date.fromisoformat
    return None


# (name, parser of its stored text) of every participant column: the dates and times are
# the text forms SQLAlchemy's SQLite dialect writes and reads back (app.store.engine).
_READ = [(c.name, _parser(c)) for c in _PCOLS]
_TEMPORAL = [(name, parse) for name, parse in _READ if parse is not None]
_SELECT = "SELECT " + ", ".join(name for name, _ in _READ) + " FROM participant"  # noqa: S608


def _server_select() -> str:
    """:data:`_SELECT` on a server: dates and times read as the text SQLite stores (pg8000
    parses a timestamp with ``strptime``: three per record, seconds for 20,000)."""
    from app.store.pg import text_of

    kinds = {c.name: "datetime" if isinstance(c.type, DateTime) else "date" for c in _PCOLS}
    temporal = {name for name, _ in _TEMPORAL}
    cols = [text_of(name, kinds[name]) if name in temporal else name for name, _ in _READ]
    return "SELECT " + ", ".join(cols) + " FROM participant"  # noqa: S608


def small_cache(s: Session, megabytes: int = 4) -> AbstractContextManager[None]:
    """A small page cache for reads that pass over tens of thousands of rows once (a
    receipt: every record of an office, the history up to a head): in the store's large
    cache those pages would only push the process's memory up by tens of MB. Pages beyond
    it are let go at once."""
    from app.store.repo import page_cache

    return page_cache(s, megabytes, shrink=True)


def _each_participant(s: Session, where: str, args: Sequence[Any]) -> Iterator[StoredParticipant]:
    """Participants read with the driver, as SQLAlchemy would return them (the same Python
    values): for 20,000 rows its per-row result processing costs several times the query."""
    from app.store.repo import driver

    names = [name for name, _ in _READ]
    select_sql = _server_select() if is_server(s) else _SELECT
    for values in driver(s).execute(f"{select_sql} {where}", tuple(args)):
        row = dict(zip(names, values, strict=True))
        for name, parse in _TEMPORAL:
            v = row[name]
            if v is not None:
                row[name] = parse(v)
        yield cast(StoredParticipant, row)


def _read_participants(s: Session, where: str, args: Sequence[Any]) -> list[StoredParticipant]:
    return list(_each_participant(s, where, args))


def participants_to_send(s: Session) -> list[StoredParticipant]:
    """Records an office sends: approved or later, changed since the kabupaten's last ack.

    Inactive records go unless they never left draft (a draft that was deactivated never
    leaves the office): registered as a draft and never approved.
    """
    rows = _read_participants(s, _TO_SEND, ())
    maybe_draft = [r["uuid"] for r in rows if r["status"] == "inactive" and r["ack_revision"] == 0]
    never = _never_approved(s, maybe_draft)
    return [r for r in rows if r["uuid"] not in never] if never else rows


_TO_SEND = (
    "WHERE revision > ack_revision AND status IN ('approved', 'accepted', 'active', "
    "'inactive') ORDER BY id"
)


def _never_approved(s: Session, maybe_draft: Sequence[str]) -> set[str]:
    """Those of the inactive, never acknowledged ``maybe_draft`` that were registered as a
    draft and never approved (they never leave the office)."""
    h = t.History
    drafts: set[str] = set()
    approved: set[str] = set()
    for chunk in _chunks(maybe_draft):
        stmt2 = select(h.entity_id, h.action, h.changes).where(
            h.entity_id.in_(chunk), h.action.in_(("create", "approve"))
        )
        for uid, action, changes in s.execute(stmt2):
            if action == "approve":
                approved.add(uid)
            elif '"status": [null, "draft"]' in changes:
                drafts.add(uid)
    return drafts - approved


# --- a bundle's records rendered by SQLite ----------------------------------------------
# An export of 20,000 records spent most of its time turning stored text into Python
# values and back into text (for the held-back check's digests and for the JSON). SQLite
# renders both from the stored text itself: the JSON with json_object (compact, escaped
# as Python's json.dumps with ensure_ascii=False escapes), the digest's text as
# app.domain.audit.state_digest joins it (dates and times as stored, None as "").


def _iso(column: str) -> str:
    """SQL: a stored date or time as Python's isoformat() writes it (stored: "YYYY-MM-DD"
    or "YYYY-MM-DD HH:MM:SS.ffffff"): a "T" between date and time, no zero microseconds."""
    return (
        f"CASE WHEN substr({column}, 20) = '.000000' "
        f"THEN substr({column}, 1, 10) || 'T' || substr({column}, 12, 8) "
        f"ELSE replace({column}, ' ', 'T') END"
    )


def _json_object(fields: Sequence[str], temporal: Iterable[str]) -> str:
    """SQL: the JSON object of ``fields`` (in that order), dates and times in ISO form."""
    timed = set(temporal)
    pairs = [f"'{f}', {_iso(f) if f in timed else f}" for f in fields]
    return f"json_object({', '.join(pairs)})"


def _digest_text(fields: Sequence[str]) -> str:
    """SQL: ``fields`` as stored, None as "", joined by the unit separator (concat_ws:
    a third of the time of a chain of ``||``, which copies the text made so far each time)."""
    parts = ", ".join(f"coalesce({f}, '')" for f in fields)
    return f"concat_ws(char(31), {parts})"


class RenderedRecord(NamedTuple):
    """A participant an office sends, rendered by SQLite (see :func:`records_to_send`)."""

    uuid: str
    reg_no: str
    status: str
    state_text: str  # the compared fields joined as the state digest joins them
    json: str  # the record's JSON object


def records_to_send(
    s: Session, fields: Sequence[str], compared: Sequence[str]
) -> list[RenderedRecord] | None:
    """The records of :func:`participants_to_send`, each as the JSON object of ``fields``
    (dates and times in ISO form) and the text its state digest hashes (``compared``);
    None on a PostgreSQL server, whose JSON functions write another text."""
    from app.store.repo import driver

    if is_server(s):
        return None
    temporal = [name for name, _ in _TEMPORAL]
    sql = (
        f"SELECT uuid, reg_no, status, ack_revision, {_digest_text(compared)}, "  # noqa: S608
        f"{_json_object(fields, temporal)} FROM participant {_TO_SEND}"
    )
    rows = driver(s).execute(sql).fetchall()
    maybe_draft = [r[0] for r in rows if r[2] == "inactive" and r[3] == 0]
    never = _never_approved(s, maybe_draft) if maybe_draft else set()
    return [
        RenderedRecord(uid, reg, status, state, text)
        for uid, reg, status, _ack, state, text in rows
        if uid not in never
    ]


def rendered_of_install(s: Session, install_code: str, fields: Sequence[str]) -> list[str]:
    """The records of :func:`participants_of_install`, in the same order, each as the JSON
    object of ``fields`` (dates and times in ISO form, as :func:`records_to_send` renders
    them), rendered by the database (SQLite or PostgreSQL)."""
    from app.store.repo import driver

    temporal = [name for name, _ in _TEMPORAL]
    low, high = install_code + "-", install_code + "."  # "." sorts right after "-"
    rendered = _server_json_object(fields) if is_server(s) else _json_object(fields, temporal)
    sql = (
        f"SELECT {rendered} FROM participant "  # noqa: S608
        "WHERE reg_no >= ? AND reg_no < ? ORDER BY reg_no"
    )
    return [row[0] for row in driver(s).execute(sql, (low, high))]


def _server_value(column: Any) -> str:
    """SQL (PostgreSQL): one participant column as the JSON text ``json.dumps`` writes of
    :func:`app.sync.records.encode_record`'s value: a date or time in Python's ISO form
    (microseconds only when there are some), a number as it is, text through ``to_json``
    (which escapes exactly the characters Python's encoder escapes, the same way, and
    leaves every other character as it is, as ``ensure_ascii=False`` does); NULL as null."""
    name = column.name
    if isinstance(column.type, DateTime):
        value = (
            f"""'"' || to_char({name}, 'YYYY-MM-DD"T"HH24:MI:SS') """
            f"""|| CASE to_char({name}, 'US') WHEN '000000' THEN '' """
            f"""ELSE '.' || to_char({name}, 'US') END || '"'"""
        )
    elif isinstance(column.type, Date):
        value = f"""'"' || to_char({name}, 'YYYY-MM-DD') || '"'"""
    elif column.type.python_type is int:
        value = f"{name}::text"
    else:
        value = f"to_json({name}::text)::text"
    return f"coalesce({value}, 'null')"


def _server_json_object(fields: Sequence[str]) -> str:
    """SQL (PostgreSQL): the compact JSON object of ``fields`` (in that order), the text
    Python's encoder writes of :func:`app.sync.records.encode_record` (a receipt's 20,000
    records rendered by the server: read as Python values through pg8000, one column at a
    time, then encoded, they were the larger part of a receipt's time)."""
    parts: list[str] = []
    for i, name in enumerate(fields):
        parts.append(("'{" if i == 0 else "',") + json.dumps(name) + ":'")
        parts.append(_server_value(_PTABLE.c[name]))
    return f"concat({', '.join(parts)}, '}}')"


class RenderedHistory(NamedTuple):
    """A history entry a bundle carries, rendered by SQLite (see :func:`history_to_send`)."""

    entity_id: str
    state: str
    json: str  # the entry's JSON object: ``fields``, then ``state`` when it has one


def history_to_send(
    s: Session, install_code: str, uuids: Sequence[str], fields: Sequence[str]
) -> list[RenderedHistory]:
    """The entries of :func:`history_rows_of`, oldest first, each as the JSON object of
    ``fields`` (the time in ISO form) and ``state`` after them when it is not empty.
    SQLite only (:func:`records_to_send` tells)."""
    from app.store.repo import driver

    plain = _json_object(fields, ["at"])
    stated = _json_object([*fields, "state"], ["at"])
    raw = driver(s)
    out: list[RenderedHistory] = []
    for chunk in _chunks(list(uuids)):
        sql = (
            f"SELECT entity_id, coalesce(state, ''), CASE WHEN coalesce(state, '') = '' "  # noqa: S608
            f"THEN {plain} ELSE {stated} END FROM history WHERE install_code = ? "
            f"AND entity = 'participant' AND entity_id IN ({', '.join('?' * len(chunk))}) "
            "ORDER BY id"
        )
        out += [RenderedHistory(*row) for row in raw.execute(sql, (install_code, *chunk))]
    return out


def participants_by_uuid(s: Session, uuids: Sequence[str]) -> dict[str, StoredParticipant]:
    """uuid → every column, for those of ``uuids`` that exist."""
    out: dict[str, StoredParticipant] = {}
    for marks, args in _in(s, list(uuids)):
        for row in _each_participant(s, f"WHERE uuid {marks}", args):
            out[row["uuid"]] = row
    return out


def participants_of_install(s: Session, install_code: str) -> Iterator[StoredParticipant]:
    """Every record registered by ``install_code`` (its registration numbers' prefix), one
    at a time (a receipt encodes each as it comes: 20,000 are never held twice)."""
    low, high = install_code + "-", install_code + "."  # "." sorts right after "-"
    return _each_participant(s, "WHERE reg_no >= ? AND reg_no < ? ORDER BY reg_no", (low, high))


def count_of_install(s: Session, install_code: str) -> int:
    """How many records ``install_code`` registered."""
    low, high = install_code + "-", install_code + "."
    stmt = select(func.count()).select_from(P).where(P.reg_no >= low, P.reg_no < high)
    return int(s.scalar(stmt) or 0)


def uuids_by_reg_no(s: Session, reg_nos: Sequence[str]) -> dict[str, str]:
    """reg_no → uuid, for those of ``reg_nos`` that exist."""
    from app.store.repo import driver

    out: dict[str, str] = {}
    raw = driver(s)
    for marks, args in _in(s, list(set(reg_nos))):
        sql = f"SELECT reg_no, uuid FROM participant WHERE reg_no {marks}"  # noqa: S608
        for reg, uid in raw.execute(sql, args):
            out[reg] = uid
    return out


@dataclass(frozen=True)
class NikHolder:
    """A record holding a NIK (for duplicate checks)."""

    uuid: str
    reg_no: str
    name: str
    status: str
    kecamatan_code: str
    created_install: str


def holders_of_niks(s: Session, niks: Sequence[str]) -> dict[str, list[NikHolder]]:
    """NIK → records that are not inactive and hold it."""
    from app.store.repo import driver

    out: dict[str, list[NikHolder]] = {}
    raw = driver(s)
    for marks, args in _in(s, list(set(niks))):
        sql = (
            "SELECT nik, uuid, reg_no, name, status, kecamatan_code, created_install "  # noqa: S608
            f"FROM participant WHERE nik {marks} AND status != 'inactive'"
        )
        for nik, *rest in raw.execute(sql, args):
            out.setdefault(nik, []).append(NikHolder(*rest))
    return out


def insert_participants(s: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert many full records, in the caller's transaction: the registration area's bulk
    path (the driver's ``executemany``, the name index filled in one statement after)."""
    from app.store.repo import bulk_insert_participants

    bulk_insert_participants(s, cast(Sequence[ParticipantRow], rows))


def insert_with_history(
    s: Session, rows: Sequence[Mapping[str, Any]], history: Sequence[HistoryEntry]
) -> None:
    """Insert many full records and append many history entries (about them and about
    records changed before in the same transaction), linked into the hash chain: the
    registration area's combined bulk path (each new row written once, pointing at its
    entry)."""
    from app.store.repo import bulk_register

    bulk_register(s, cast(Sequence[ParticipantRow], rows), history)


def update_participants(s: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Update many records by id; every dict must have the same keys (one of them ``id``).

    One ``executemany`` on the driver: on a server the store sends it as one statement
    (app.store.pg, ``unnest``) where SQLAlchemy's would be a round trip per record."""
    if not rows:
        return
    from app.store.repo import driver

    keys = [k for k in rows[0] if k != "id"]
    unknown = [k for k in keys if k not in _PTABLE.c]
    if unknown:
        raise ValueError(f"not a participant column: {unknown}")
    sets = ", ".join(f"{k} = ?" for k in keys)
    driver(s).executemany(
        f"UPDATE participant SET {sets} WHERE id = ?",  # noqa: S608 (the table's own names)
        ([*(r[k] for k in keys), r["id"]] for r in rows),
    )


def max_registration_seq(s: Session, install_code: str) -> int:
    """The highest sequence in ``install_code``'s registration numbers (0 if none)."""
    low, high = install_code + "-", install_code + "."
    top = s.scalar(select(func.max(P.reg_no)).where(P.reg_no >= low, P.reg_no < high))
    return int(str(top).rsplit("-", 1)[1]) if top else 0


# --- history --------------------------------------------------------------------------


def history_rows_of(s: Session, install_code: str, uuids: Sequence[str]) -> list[HistoryEntry]:
    """Every history entry written at ``install_code`` about the participants ``uuids``."""
    from app.store.repo import driver

    raw = driver(s)
    names = ["at", "actor", "install_code", "entity", "entity_id", "action", "changes"]
    names += ["reason", "state"]
    parse = dt.datetime.fromisoformat
    out: list[HistoryEntry] = []
    for chunk in _chunks(list(uuids)):
        sql = (
            f"SELECT {', '.join(names)} FROM history WHERE install_code = ? "  # noqa: S608
            f"AND entity = 'participant' AND entity_id IN ({', '.join('?' * len(chunk))}) "
            "ORDER BY id"
        )
        for values in raw.execute(sql, (install_code, *chunk)):
            entry = dict(zip(names, values, strict=True))
            entry["at"] = parse(entry["at"])
            out.append(cast(HistoryEntry, entry))
    return out


def max_history_id(s: Session) -> int:
    """The id of the newest history entry (0 when there is none)."""
    return int(s.scalar(select(func.max(t.History.id))) or 0)


def history_keys(s: Session, install_code: str, uuids: Sequence[str]) -> set[tuple[str, str, str]]:
    """(entity id, time ISO, action) of history written at ``install_code`` about ``uuids``:
    what an import already holds, so that entries sent twice are stored once."""
    from app.store.repo import driver

    raw = driver(s)
    at_sql = _text_at(s)
    parse = dt.datetime.fromisoformat
    out: set[tuple[str, str, str]] = set()
    for marks, args in _in(s, list(uuids)):
        sql = (
            f"SELECT entity_id, {at_sql}, action FROM history "  # noqa: S608 (fixed)
            f"WHERE install_code = ? AND entity_id {marks}"
        )
        for uid, at, action in raw.execute(sql, (install_code, *args)):
            out.add((uid, parse(at).isoformat(), action))
    return out


def _text_at(s: Session) -> str:
    """SQL of the history's time as the text SQLite stores (as :func:`_server_select`)."""
    if not is_server(s):
        return "at"
    from app.store.pg import text_of

    return text_of("at", "datetime")


def local_history(
    s: Session, install_code: str, uuids: Sequence[str]
) -> dict[str, list[tuple[str, str]]]:
    """uuid → (action, changes JSON) of participant history written at ``install_code``,
    oldest first."""
    from app.store.repo import driver

    raw = driver(s)
    out: dict[str, list[tuple[str, str]]] = {}
    for marks, args in _in(s, list(uuids)):
        sql = (
            "SELECT entity_id, action, changes FROM history "  # noqa: S608 (fixed)
            f"WHERE install_code = ? AND entity_id {marks} ORDER BY id"
        )
        for uid, action, changes in raw.execute(sql, (install_code, *args)):
            out.setdefault(uid, []).append((action, changes))
    return out


def add_history_rows(s: Session, rows: Sequence[HistoryEntry]) -> None:
    """Append many history entries (linked into the audit hash chain)."""
    from app.store.repo import bulk_history

    bulk_history(s, rows)


def register_version(s: Session) -> tuple[int, ...]:
    """Numbers that change whenever the register changes in a way a bundle's merge depends
    on: the newest history entry (every change of a record writes one), how many records
    and conflicts there are, the newest of each, and how many conflicts are open."""
    c = t.SyncConflict
    people = s.execute(select(func.count(), func.max(P.id))).one()
    queue = s.execute(
        select(func.count(), func.max(c.id), func.count(c.decided_at), func.max(c.updated_at))
    ).one()
    newest = queue[3]
    return (
        max_history_id(s),
        int(people[0]),
        int(people[1] or 0),
        int(queue[0]),
        int(queue[1] or 0),
        int(queue[2]),
        int(newest.timestamp()) if newest is not None else 0,
    )


# --- peers (the ledger) ---------------------------------------------------------------


@dataclass(frozen=True)
class PeerRecord:
    """An install in the ledger."""

    install_code: str
    role: str
    regency_code: str
    kecamatan_code: str | None
    sign_key: str | None
    enc_key: str | None
    fingerprint: str | None
    confirmed_at: dt.datetime | None
    confirmed_by: str | None
    enrolled_at: dt.datetime | None
    last_sequence: int
    last_created_at: dt.datetime | None
    last_received_at: dt.datetime | None
    install_id: str | None = None
    revoked_at: dt.datetime | None = None
    revoked_by: str | None = None
    chain_count: int = 0
    chain_hash: str = ""
    chain_at: dt.datetime | None = None
    chain_trust: str = ""
    chain_seen_count: int = 0
    chain_seen_hash: str = ""


def _peer(row: t.SyncPeer) -> PeerRecord:
    return PeerRecord(**{f.name: getattr(row, f.name) for f in dataclasses.fields(PeerRecord)})


def get_peer(s: Session, install_code: str) -> PeerRecord | None:
    """One install of the ledger."""
    row = s.get(t.SyncPeer, install_code)
    return None if row is None else _peer(row)


def peers(s: Session, role: str | None = None) -> list[PeerRecord]:
    """Every install of the ledger (of one role), by code."""
    stmt = select(t.SyncPeer).order_by(t.SyncPeer.install_code)
    if role:
        stmt = stmt.where(t.SyncPeer.role == role)
    return [_peer(r) for r in s.scalars(stmt)]


class PeerValues(TypedDict, total=False):
    """Columns of an install of the ledger being written."""

    role: str
    regency_code: str
    kecamatan_code: str | None
    sign_key: str | None
    enc_key: str | None
    fingerprint: str | None
    confirmed_at: dt.datetime | None
    confirmed_by: str | None
    enrolled_at: dt.datetime | None
    last_sequence: int
    last_created_at: dt.datetime | None
    last_received_at: dt.datetime | None
    install_id: str | None
    revoked_at: dt.datetime | None
    revoked_by: str | None
    chain_count: int
    chain_hash: str
    chain_at: dt.datetime | None
    chain_trust: str
    chain_seen_count: int
    chain_seen_hash: str


def put_peer(s: Session, install_code: str, **values: Unpack[PeerValues]) -> None:
    """Create or change an install of the ledger."""
    row = s.get(t.SyncPeer, install_code)
    if row is None:
        values.setdefault("last_sequence", 0)
        s.add(t.SyncPeer(install_code=install_code, **values))
    else:
        for k, v in values.items():
            setattr(row, k, v)
    s.flush()


def remove_peer(s: Session, install_code: str) -> None:
    """Forget an install of the ledger (an office's former kabupaten)."""
    row = s.get(t.SyncPeer, install_code)
    if row is not None:
        s.delete(row)
        s.flush()


# --- files received -------------------------------------------------------------------


@dataclass(frozen=True)
class ReceivedRecord:
    """A bundle or receipt received."""

    id: int
    sha256: str
    kind: str
    sender: str
    sequence: int
    previous: str
    acked_upto: int
    fingerprint: str
    created_at: dt.datetime
    received_at: dt.datetime
    status: str
    file_name: str
    held_file: str | None
    counts: dict[str, int]
    outcome: dict[str, Any]
    install_id: str | None = None


def _received(r: t.SyncReceived) -> ReceivedRecord:
    return ReceivedRecord(
        r.id,
        r.sha256,
        r.kind,
        r.sender,
        r.sequence,
        r.previous,
        r.acked_upto,
        r.fingerprint,
        r.created_at,
        r.received_at,
        r.status,
        r.file_name,
        r.held_file,
        json.loads(r.counts),
        json.loads(r.outcome),
        r.install_id,
    )


def received_by_sha(s: Session, sha256: str) -> ReceivedRecord | None:
    """The file received with this hash."""
    row = s.scalar(select(t.SyncReceived).where(t.SyncReceived.sha256 == sha256))
    return None if row is None else _received(row)


def received_from(s: Session, sender: str, kind: str = "bundle") -> list[ReceivedRecord]:
    """Every file of one kind received from ``sender``, by sequence."""
    stmt = (
        select(t.SyncReceived)
        .where(t.SyncReceived.sender == sender, t.SyncReceived.kind == kind)
        .order_by(t.SyncReceived.sequence)
    )
    return [_received(r) for r in s.scalars(stmt)]


def received_seq(
    s: Session, sender: str, kind: str, sequence: int, fingerprint: str | None = None
) -> ReceivedRecord | None:
    """The file of one kind with this sequence received from ``sender`` (signed with the key
    of ``fingerprint``; without it, the first one received)."""
    stmt = select(t.SyncReceived).where(
        t.SyncReceived.sender == sender,
        t.SyncReceived.kind == kind,
        t.SyncReceived.sequence == sequence,
    )
    if fingerprint is not None:
        stmt = stmt.where(t.SyncReceived.fingerprint == fingerprint)
    row = s.scalars(stmt.order_by(t.SyncReceived.id)).first()
    return None if row is None else _received(row)


class ReceivedValues(TypedDict):
    """A file received, as recorded."""

    sha256: str
    kind: str
    sender: str
    sequence: int
    previous: str
    acked_upto: int
    fingerprint: str
    created_at: dt.datetime
    received_at: dt.datetime
    status: str
    file_name: str
    held_file: str | None
    counts: dict[str, int]
    outcome: dict[str, Any]
    install_id: NotRequired[str | None]


def add_received(s: Session, **values: Unpack[ReceivedValues]) -> int:
    """Record a file received; returns its id."""
    row = t.SyncReceived(
        **(
            dict(values)
            | {
                "counts": json.dumps(values["counts"]),
                "outcome": json.dumps(values["outcome"], ensure_ascii=False),
            }
        )
    )
    s.add(row)
    s.flush()
    return row.id


def set_received(
    s: Session, rid: int, *, status: str, outcome: dict[str, Any], received_at: dt.datetime
) -> None:
    """Mark a held bundle imported, with its outcome."""
    s.execute(
        update(t.SyncReceived)
        .where(t.SyncReceived.id == rid)
        .values(
            status=status,
            outcome=json.dumps(outcome, ensure_ascii=False),
            received_at=received_at,
        )
    )


def delete_received(s: Session, rid: int) -> None:
    """Forget a held bundle that can never be merged (signed with another key)."""
    row = s.get(t.SyncReceived, rid)
    if row is not None:
        s.delete(row)
        s.flush()


# --- files sent -----------------------------------------------------------------------


@dataclass(frozen=True)
class SentRecord:
    """A bundle or receipt written."""

    id: int
    kind: str
    recipient: str
    sequence: int
    sha256: str
    file_name: str
    created_at: dt.datetime
    counts: dict[str, int]
    cursor: dict[str, int | str]  # ids and the chain head's count, and its hash
    acked_at: dt.datetime | None


def _sent(r: t.SyncSent) -> SentRecord:
    return SentRecord(
        r.id,
        r.kind,
        r.recipient,
        r.sequence,
        r.sha256,
        r.file_name,
        r.created_at,
        json.loads(r.counts),
        json.loads(r.cursor),
        r.acked_at,
    )


def sent(s: Session, kind: str, recipient: str | None = None) -> list[SentRecord]:
    """Files of one kind written (to one recipient), by sequence."""
    stmt = select(t.SyncSent).where(t.SyncSent.kind == kind).order_by(t.SyncSent.sequence)
    if recipient is not None:
        stmt = stmt.where(t.SyncSent.recipient == recipient)
    return [_sent(r) for r in s.scalars(stmt)]


class SentValues(TypedDict):
    """A file written, as recorded."""

    kind: str
    recipient: str
    sequence: int
    sha256: str
    file_name: str
    created_at: dt.datetime
    counts: dict[str, int]
    cursor: dict[str, int | str]  # ids and the chain head's count, and its hash
    acked_at: dt.datetime | None


def add_sent(s: Session, **values: Unpack[SentValues]) -> None:
    """Record a file written."""
    encoded = {"counts": json.dumps(values["counts"]), "cursor": json.dumps(values["cursor"])}
    s.add(t.SyncSent(**(dict(values) | encoded)))
    s.flush()


def ack_sent(s: Session, kind: str, sequences: Iterable[int], at: dt.datetime) -> int:
    """Mark files written as acknowledged; returns how many were newly marked."""
    seqs = list(sequences)
    if not seqs:
        return 0
    result = s.execute(
        update(t.SyncSent)
        .where(
            t.SyncSent.kind == kind,
            t.SyncSent.sequence.in_(seqs),
            t.SyncSent.acked_at.is_(None),
        )
        .values(acked_at=at)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


# --- conflicts ------------------------------------------------------------------------


@dataclass(frozen=True)
class ConflictRecord:
    """A conflict of the queue."""

    id: int
    kind: str
    nik: str
    a_uuid: str
    b_uuid: str
    a_data: dict[str, Any]
    b_data: dict[str, Any]
    source: str
    sequence: int
    created_at: dt.datetime
    updated_at: dt.datetime
    decision: str | None
    decided_at: dt.datetime | None
    decided_by: str | None
    note: str


def _conflict(r: t.SyncConflict) -> ConflictRecord:
    return ConflictRecord(
        r.id,
        r.kind,
        r.nik,
        r.a_uuid,
        r.b_uuid,
        json.loads(r.a_data),
        json.loads(r.b_data),
        r.source,
        r.sequence,
        r.created_at,
        r.updated_at,
        r.decision,
        r.decided_at,
        r.decided_by,
        r.note,
    )


def conflicts(s: Session, open_only: bool = True) -> list[ConflictRecord]:
    """The conflict queue, oldest first."""
    stmt = select(t.SyncConflict).order_by(t.SyncConflict.id)
    if open_only:
        stmt = stmt.where(t.SyncConflict.decision.is_(None))
    return [_conflict(r) for r in s.scalars(stmt)]


def get_conflict(s: Session, cid: int) -> ConflictRecord | None:
    """One conflict."""
    row = s.get(t.SyncConflict, cid)
    return None if row is None else _conflict(row)


def open_conflicts_of(s: Session, uuids: Sequence[str]) -> dict[str, ConflictRecord]:
    """b uuid → its open conflict, for ``uuids`` (the few that have one found with the
    driver, then read whole)."""
    from app.store.repo import driver

    raw = driver(s)
    ids: list[int] = []
    for marks, args in _in(s, list(uuids)):
        sql = f"SELECT id FROM sync_conflict WHERE decision IS NULL AND b_uuid {marks}"  # noqa: S608
        ids += [int(cid) for (cid,) in raw.execute(sql, args)]
    out: dict[str, ConflictRecord] = {}
    for chunk in _chunks(ids):
        for r in s.scalars(select(t.SyncConflict).where(t.SyncConflict.id.in_(chunk))):
            out[r.b_uuid] = _conflict(r)
    return out


def open_conflict_counts(s: Session) -> dict[str, int]:
    """Install code → open conflicts its bundles raised."""
    c = t.SyncConflict
    stmt = select(c.source, func.count()).where(c.decision.is_(None)).group_by(c.source)
    return {src: int(n) for src, n in s.execute(stmt)}


class NewConflict(TypedDict):
    """A conflict to queue: the two records (JSON values, as in a bundle) and where B came
    from."""

    kind: str
    nik: str
    a_uuid: str
    b_uuid: str
    a_data: dict[str, Any]
    b_data: dict[str, Any]
    source: str
    sequence: int


class ConflictChanges(TypedDict, total=False):
    """Columns of a queued conflict being changed."""

    b_data: dict[str, Any]
    sequence: int
    updated_at: dt.datetime
    decision: str
    decided_at: dt.datetime
    decided_by: str
    note: str


def add_conflict(s: Session, conflict: NewConflict, now: dt.datetime) -> int:
    """Queue a conflict; returns its id."""
    a_data = json.dumps(conflict["a_data"], ensure_ascii=False)
    b_data = json.dumps(conflict["b_data"], ensure_ascii=False)
    row = t.SyncConflict(
        **(
            dict(conflict)
            | {"a_data": a_data, "b_data": b_data}
            | {"created_at": now, "updated_at": now, "note": ""}
        )
    )
    s.add(row)
    s.flush()
    return row.id


def update_conflict(s: Session, cid: int, **values: Unpack[ConflictChanges]) -> None:
    """Change a queued conflict (newer data from a later bundle, or the decision)."""
    columns: dict[str, Any] = dict(values)
    if "b_data" in values:
        columns["b_data"] = json.dumps(values["b_data"], ensure_ascii=False)
    s.execute(update(t.SyncConflict).where(t.SyncConflict.id == cid).values(**columns))


# --- this install's keys (key backups) ------------------------------------------------


def key_row_by_fingerprint(s: Session, fingerprint: str) -> tuple[int, str] | None:
    """(id, key file) of this install's key with this fingerprint."""
    row = s.execute(
        select(t.InstallKey.id, t.InstallKey.key_file).where(
            t.InstallKey.fingerprint == fingerprint
        )
    ).first()
    return None if row is None else (int(row[0]), str(row[1]))


def reinstate_key(s: Session, key_id: int, key_file: str, now: dt.datetime) -> None:
    """Make a key restored from a backup the current one again (others retired)."""
    s.execute(
        update(t.InstallKey)
        .where(t.InstallKey.id != key_id, t.InstallKey.retired_at.is_(None))
        .values(retired_at=now)
    )
    s.execute(
        update(t.InstallKey)
        .where(t.InstallKey.id == key_id)
        .values(retired_at=None, key_file=key_file)
    )


# --- cards and handovers --------------------------------------------------------------

_CARD_COLS = [c for c in t.Card.__table__.columns if c.name != "id"]


class _KnownCard(CardRow):
    id: int


def _key(row: Mapping[str, Any]) -> CardKey:
    return (
        row["install_code"],
        row["serial"],
        row["version"],
        row["kind"],
        row["printed_at"].isoformat(),
    )


def max_ids(s: Session) -> dict[str, int]:
    """The newest card and handover-event ids (an export's cursor)."""
    return {
        "card": int(s.scalar(select(func.max(t.Card.id))) or 0),
        "event": int(s.scalar(select(func.max(t.HandoverEvent.id))) or 0),
    }


def cards_changed(
    s: Session, install_code: str, after_id: int, since: dt.datetime | None
) -> list[CardRow]:
    """Cards ``install_code`` printed after card ``after_id``, or voided since ``since``."""
    c = t.Card
    changed = c.id > after_id
    if since is not None:
        changed = changed | (c.voided_at >= since)
    stmt = select(*_CARD_COLS).where(c.install_code == install_code, changed).order_by(c.id)
    return [cast(CardRow, r) for r in _rows(s.execute(stmt))]


def events_changed(
    s: Session, install_code: str, after_id: int, since: dt.datetime | None
) -> list[tuple[HandoverEventRow, list[SentHandoverItem]]]:
    """Handover events of ``install_code`` opened after ``after_id``, still open, or closed
    since ``since``, each with all its items (and their cards)."""
    e, i, c = t.HandoverEvent, t.HandoverItem, t.Card
    changed = (e.id > after_id) | e.closed_at.is_(None)
    if since is not None:
        changed = changed | (e.closed_at >= since)
    out: list[tuple[HandoverEventRow, list[SentHandoverItem]]] = []
    for row in s.scalars(select(e).where(e.install_code == install_code, changed)):
        event = {
            col.name: getattr(row, col.name) for col in e.__table__.columns if col.name != "id"
        }
        items: list[SentHandoverItem] = []
        stmt = select(i.proxy_name, i.at, i.by, i.via, *_CARD_COLS).join(c, c.id == i.card_id)
        for item in _rows(s.execute(stmt.where(i.event_id == row.id))):
            card = cast(CardRow, {k.name: item[k.name] for k in _CARD_COLS})
            items.append(
                {
                    "proxy_name": item["proxy_name"],
                    "at": item["at"],
                    "by": item["by"],
                    "via": item["via"],
                    "card": card,
                }
            )
        out.append((cast(HandoverEventRow, event), items))
    return out


def _card_ids(s: Session, install_codes: Iterable[str]) -> dict[CardKey, _KnownCard]:
    c = t.Card
    stmt = select(c.id, *_CARD_COLS).where(c.install_code.in_(list(set(install_codes))))
    return {_key(r): cast(_KnownCard, r) for r in _rows(s.execute(stmt))}


def apply_cards(s: Session, cards: Sequence[CardRow], now: dt.datetime) -> dict[str, int]:
    """Store cards printed at an office (keyed by install, serial, version, kind and time):
    new ones inserted, voids applied. Cards of participants not in the register are skipped.
    """
    counts = {"cards": 0, "voided": 0, "skipped": 0}
    if not cards:
        return counts
    known = _card_ids(s, [c["install_code"] for c in cards])
    present = set(participants_by_uuid(s, sorted({c["participant_uuid"] for c in cards})))
    # Voids first, so that the current card of a participant is unique at every step.
    for card in sorted(cards, key=lambda c: (not c["void"], c["printed_at"])):
        mine = known.get(_key(card))
        if mine is not None:
            if card["void"] and not mine["void"]:
                s.execute(
                    update(t.Card)
                    .where(t.Card.id == mine["id"])
                    .values(void=True, voided_at=card["voided_at"] or now)
                )
                counts["voided"] += 1
            continue
        if card["participant_uuid"] not in present:
            counts["skipped"] += 1
            continue
        if not card["void"] and card["kind"] != "copy":
            s.execute(
                update(t.Card)
                .where(
                    t.Card.participant_uuid == card["participant_uuid"],
                    t.Card.kind != "copy",
                    t.Card.void.is_(False),
                    t.Card.printed_at < card["printed_at"],
                )
                .values(void=True, voided_at=card["printed_at"])
            )
        row = t.Card(**card)
        s.add(row)
        s.flush()
        known[_key(card)] = {**card, "id": row.id}
        counts["cards"] += 1
    return counts


def apply_events(
    s: Session, events: Sequence[tuple[HandoverEventRow, Sequence[ReceivedHandoverItem]]]
) -> int:
    """Store handover events of an office with their items (replacing what was stored)."""
    e, i = t.HandoverEvent, t.HandoverItem
    if not events:
        return 0
    cards = _card_ids(s, [item["card"][0] for _ev, items in events for item in items])
    for event, items in events:
        row = s.scalar(
            select(e).where(
                e.install_code == event["install_code"], e.opened_at == event["opened_at"]
            )
        )
        if row is None:
            row = e(**event)
            s.add(row)
            s.flush()
        else:
            for k, v in event.items():
                setattr(row, k, v)
            s.execute(delete(i).where(i.event_id == row.id))
        for item in items:
            card = cards.get(item["card"])
            if card is None:
                continue
            s.execute(delete(i).where(i.card_id == card["id"]))
            s.add(
                i(
                    event_id=row.id,
                    card_id=card["id"],
                    proxy_name=item["proxy_name"],
                    at=item["at"],
                    by=item["by"],
                    via=item["via"],
                )
            )
        s.flush()
    return len(events)


def voided_cards(s: Session, install_code: str) -> list[CardRow]:
    """Void cards printed by ``install_code`` (what a receipt tells that office)."""
    c = t.Card
    stmt = select(*_CARD_COLS).where(c.install_code == install_code, c.void.is_(True))
    return [cast(CardRow, r) for r in _rows(s.execute(stmt))]


def void_cards_by_key(
    s: Session, install_code: str, keys: Iterable[tuple[Any, ...]], now: dt.datetime
) -> int:
    """Void this install's cards named by key that are not void yet; returns how many."""
    wanted = set(keys)
    if not wanted:
        return 0
    known = _card_ids(s, [install_code])
    count = 0
    for key in wanted:
        card = known.get(key)
        if card is not None and not card["void"]:
            s.execute(
                update(t.Card).where(t.Card.id == card["id"]).values(void=True, voided_at=now)
            )
            count += 1
    return count
