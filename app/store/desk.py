"""Queries of the kabupaten's desk: years and quotas, rate rows, counts for reports, KPJ.

Counting happens in SQL (``GROUP BY``) so that a recap of 100,000 participants reads a
few hundred rows, never the whole register. Tables added by other areas (cards, sync) are
looked up by name: when an install's schema lacks them, the answer is None, not an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Integer as Integer_
from sqlalchemy import Select, delete, func, inspect, select
from sqlalchemy.orm import Session

from app.domain.participant import Programme
from app.domain.rates import RateRule
from app.domain.rows import KpjAssignment
from app.store import repo
from app.store import tables as t

# --- years and quotas ----------------------------------------------------------------


def years(s: Session) -> list[tuple[int, str]]:
    """Every programme year with its note, oldest first."""
    return [
        (y.year, y.note) for y in s.scalars(select(t.ProgrammeYear).order_by(t.ProgrammeYear.year))
    ]


def year_exists(s: Session, year: int) -> bool:
    """True when the programme year exists."""
    return s.get(t.ProgrammeYear, year) is not None


def quota_rows(s: Session, year: int | None = None) -> list[tuple[int, str, str, int]]:
    """(year, kecamatan, funding, quota) of one year or of all."""
    stmt = select(t.Quota.year, t.Quota.kecamatan_code, t.Quota.funding, t.Quota.quota)
    if year is not None:
        stmt = stmt.where(t.Quota.year == year)
    stmt = stmt.order_by(t.Quota.year, t.Quota.kecamatan_code, t.Quota.funding)
    return [(y, k, f, q) for y, k, f, q in s.execute(stmt)]


def set_quota(s: Session, year: int, kecamatan: str, funding: str, quota: int) -> int | None:
    """Set one quota; returns the value it had (None when it is new)."""
    row = s.scalar(
        select(t.Quota).where(
            t.Quota.year == year, t.Quota.kecamatan_code == kecamatan, t.Quota.funding == funding
        )
    )
    if row is None:
        s.add(t.Quota(year=year, kecamatan_code=kecamatan, funding=funding, quota=quota))
        s.flush()
        return None
    old = row.quota
    row.quota = quota
    s.flush()
    return old


# --- rates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RateRow:
    """A row of the rate table with its id and note, for lists and removal."""

    id: int
    rule: RateRule
    note: str


def _rule(r: t.Rate) -> RateRule:
    return RateRule(
        effective_from=r.effective_from,
        programme=Programme(r.programme),
        percent_bp=r.percent_bp,
        amount=r.amount,
        min_amount=r.min_amount,
        max_amount=r.max_amount,
        funding=tuple(r.funding.split(",")),
    )


def rate_rows(s: Session) -> list[RateRow]:
    """The rate table in effective order."""
    stmt = select(t.Rate).order_by(t.Rate.effective_from, t.Rate.programme, t.Rate.id)
    return [RateRow(r.id, _rule(r), r.note) for r in s.scalars(stmt)]


def insert_rate(s: Session, rule: RateRule, note: str) -> int:
    """Add a rate row; returns its id."""
    row = t.Rate(
        effective_from=rule.effective_from,
        programme=rule.programme.value,
        percent_bp=rule.percent_bp,
        amount=rule.amount,
        min_amount=rule.min_amount,
        max_amount=rule.max_amount,
        funding=",".join(rule.funding),
        note=note,
    )
    s.add(row)
    s.flush()
    return row.id


def delete_rate(s: Session, rate_id: int) -> RateRow | None:
    """Remove a rate row; returns what it was (None when there is no such row)."""
    row = s.get(t.Rate, rate_id)
    if row is None:
        return None
    out = RateRow(row.id, _rule(row), row.note)
    s.execute(delete(t.Rate).where(t.Rate.id == rate_id))
    return out


# --- counting participants -----------------------------------------------------------

_GROUPABLE: dict[str, Any] = {
    "kecamatan": t.Participant.kecamatan_code,
    "nagari": t.Participant.nagari_code,
    "status": t.Participant.status,
    "occupation": t.Participant.occupation,
    "sex": t.Participant.sex,
    "funding": t.Participant.funding,
    "birth_date": t.Participant.birth_date,
    "income": t.Participant.income,
    "programmes": t.Participant.programmes,
    "has_kpj": t.Participant.kpj.is_not(None),
}


def _in_year(stmt: Select[Any], year: int) -> Select[Any]:
    """Participants whose coverage overlaps ``year`` (those who left: until they left)."""
    p = t.Participant
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    left = func.coalesce(p.status_date, p.coverage_end)
    return stmt.where(p.coverage_start <= last).where(
        ((p.status != "inactive") & ((p.coverage_end.is_(None)) | (p.coverage_end >= first)))
        | ((p.status == "inactive") & (left >= first))
    )


def group_counts(
    s: Session,
    keys: Sequence[str],
    *,
    year: int | None = None,
    statuses: Iterable[str] | None = None,
) -> list[tuple[Any, ...]]:
    """Counts grouped by ``keys`` (names from ``_GROUPABLE``): rows of (*keys, count).

    With ``year``, only participants covered at some time in that year; with
    ``statuses``, only those statuses.
    """
    columns = [_GROUPABLE[k] for k in keys]
    stmt = select(*columns, func.count()).select_from(t.Participant)
    if year is not None:
        stmt = _in_year(stmt, year)
    if statuses is not None:
        stmt = stmt.where(t.Participant.status.in_(list(statuses)))
    stmt = stmt.group_by(*columns)
    return [tuple(row) for row in s.execute(stmt)]


# --- BPJS: who waits for a KPJ, and who has one --------------------------------------


@dataclass(frozen=True)
class BpjsRow:
    """What the BPJS registration spreadsheet needs of one participant."""

    id: int
    reg_no: str
    nik: str
    name: str
    birth_place: str
    birth_date: dt.date
    sex: str
    address: str
    jorong: str
    nagari_code: str
    kecamatan_code: str
    phone: str
    occupation: str
    income: int
    funding: str
    programmes: str
    coverage_start: dt.date


def waiting_for_kpj(s: Session) -> list[BpjsRow]:
    """Accepted participants without a KPJ number, by kecamatan, nagari and name."""
    p = t.Participant
    stmt = (
        select(
            p.id,
            p.reg_no,
            p.nik,
            p.name,
            p.birth_place,
            p.birth_date,
            p.sex,
            p.address,
            p.jorong,
            p.nagari_code,
            p.kecamatan_code,
            p.phone,
            p.occupation,
            p.income,
            p.funding,
            p.programmes,
            p.coverage_start,
        )
        .where(p.status == "accepted", p.kpj.is_(None))
        .order_by(p.kecamatan_code, p.nagari_code, p.name, p.id)
    )
    return [BpjsRow(*row) for row in s.execute(stmt)]


class KpjTarget(NamedTuple):
    """A participant a returned KPJ may belong to (a named tuple: 65,000 are read twice
    per BPJS answer, four times faster than a frozen dataclass)."""

    id: int
    uuid: str
    reg_no: str
    nik: str
    name: str
    status: str
    kpj: str | None
    revision: int


def by_niks(s: Session, niks: Iterable[str]) -> dict[str, list[KpjTarget]]:
    """NIK → every record with it (inactive ones too), for matching.

    Plain SQL on the driver in chunks of 900: for the 65,000 NIKs of a BPJS answer the
    ORM's statement building and row processing took longer than SQLite's look-ups.
    """
    out: dict[str, list[KpjTarget]] = {}
    wanted = set(niks)
    sql = f"SELECT {_TARGET_COLUMNS} FROM participant"  # noqa: S608
    raw = repo.driver(s)
    (count,) = raw.execute("SELECT count(*) FROM participant").fetchone()
    if len(wanted) * 4 > count:
        # Most of the register: one pass over the table beats 65,000 index look-ups.
        rows: Iterable[tuple[Any, ...]] = (r for r in raw.execute(sql) if r[3] in wanted)
    else:
        rows = _in_chunks(s, sql + " WHERE nik IN ", wanted)
    for row in rows:
        target = KpjTarget(*row)
        out.setdefault(target.nik, []).append(target)
    return out


def kpj_holders(s: Session, kpjs: Iterable[str]) -> dict[str, tuple[str, str]]:
    """KPJ → (NIK, registration number) for those already given to someone."""
    sql = "SELECT kpj, nik, reg_no FROM participant WHERE kpj IN "
    return {kpj: (nik, reg) for kpj, nik, reg in _in_chunks(s, sql, kpjs)}


_TARGET_COLUMNS = "id, uuid, reg_no, nik, name, status, kpj, revision"
_CHUNK = 900  # bound parameters per statement, well under SQLite's limit


def targets_hold(s: Session, targets: Sequence[KpjTarget]) -> bool:
    """True when every target still reads as it was read (NIK, status, KPJ, revision) and
    is still the only live record of its NIK: a preview's matches still stand.

    By row id and by count: a tenth of the work of reading every record again."""
    seen = {t.id: (t.nik, t.status, t.kpj, t.revision) for t in targets}
    sql = "SELECT id, nik, status, kpj, revision FROM participant WHERE id IN "
    if {row[0]: tuple(row[1:]) for row in _in_chunks(s, sql, seen)} != seen:
        return False
    live = "SELECT count(*) FROM participant WHERE status != 'inactive' AND nik IN "
    return int(sum(n for (n,) in _in_chunks(s, live, (t.nik for t in targets)))) == len(seen)


def _in_chunks(s: Session, sql: str, values: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    """The rows of ``sql`` + ``(?, ?, …)`` over ``values``, 900 at a time."""
    unique = sorted(set(values))
    raw = repo.driver(s)
    for i in range(0, len(unique), _CHUNK):
        chunk = unique[i : i + _CHUNK]
        yield from raw.execute(f"{sql}({','.join('?' * len(chunk))})", chunk)


# The one statement that gives a participant its KPJ: it becomes active and its revision
# goes up, so that the change travels to its office with the next receipt.
_ASSIGN_KPJ = (
    "UPDATE participant SET kpj = ?, status = ?, revision = ?, updated_at = ?, "
    "updated_by = ?, updated_install = ? WHERE id = ?"
)


def assign_kpjs(s: Session, rows: Sequence[KpjAssignment]) -> None:
    """Give each ``{"pid", "new_kpj", "new_revision", "at", "by", "install"}`` its KPJ
    (one ``executemany`` on the driver: every value a parameter, so that on a server it
    goes as one statement of arrays, app.store.pg, not a round trip per record)."""
    repo.driver(s).executemany(
        _ASSIGN_KPJ,
        (
            (
                r["new_kpj"],
                "active",
                r["new_revision"],
                repo.stamp(r["at"]),
                r["by"],
                r["install"],
                r["pid"],
            )
            for r in rows
        ),
    )


# --- what other areas' tables say (cards, sync), when they exist ---------------------


def table_names(s: Session) -> set[str]:
    """The tables of this database (areas added by later migrations may be missing)."""
    return set(inspect(s.connection()).get_table_names())


def set_year_note(s: Session, year: int, note: str) -> None:
    """Change the note of a programme year."""
    row = s.get(t.ProgrammeYear, year)
    if row is not None:
        row.note = note


@dataclass(frozen=True)
class OfficeState:
    """One office's exchange with the kabupaten (from the sync tables)."""

    install_code: str
    days_since_bundle: int | None
    held: int
    conflicts: int


@dataclass(frozen=True)
class OptionalState:
    """Cards and sync figures; None where this database has no such tables yet."""

    cards_printed: int | None = None
    cards_handed_over: int | None = None
    installs: list[OfficeState] | None = None


# The card tables come with migration 0003, the sync tables with 0004.
_Card: Any = getattr(t, "Card", None)
_HandoverItem: Any = getattr(t, "HandoverItem", None)
_HandoverEvent: Any = getattr(t, "HandoverEvent", None)


def has_cards(s: Session) -> bool:
    """True when this database records printed cards and handovers."""
    return (
        _Card is not None
        and _HandoverItem is not None
        and {"card", "handover_item", "handover_event"} <= table_names(s)
    )


def _current_cards() -> Any:
    """Current (not void, not a copy) card issues: one per participant at most."""
    return select(_Card.id, _Card.participant_uuid).where(
        _Card.kind != "copy", _Card.void.is_(False)
    )


def card_counts(s: Session, year: int | None = None) -> dict[str, tuple[int, int]]:
    """Kecamatan → (participants with a current card, of them handed over).

    With ``year``, only participants covered in that year (the recap's population).
    """
    if not has_cards(s):
        return {}
    p = t.Participant
    current = _current_cards().subquery()
    given = (
        select(_Card.participant_uuid)
        .join(_HandoverItem, _HandoverItem.card_id == _Card.id)
        .where(_Card.void.is_(False))
    )
    stmt = (
        select(
            p.kecamatan_code,
            func.count(),
            func.sum(p.uuid.in_(given.scalar_subquery()).cast(Integer_)),
        )
        .join(current, current.c.participant_uuid == p.uuid)
        .group_by(p.kecamatan_code)
    )
    if year is not None:
        stmt = _in_year(stmt, year)
    return {k: (int(n), int(h or 0)) for k, n, h in s.execute(stmt)}


@dataclass(frozen=True)
class EventRow:
    """A handover event with how many cards were handed over at it."""

    id: int
    date: dt.date
    place: str
    officials: str
    install_code: str
    closed: bool
    handed_over: int
    by_proxy: int


def handover_events(s: Session, year: int | None = None) -> list[EventRow]:
    """Handover events (of a year), oldest first."""
    if not has_cards(s) or _HandoverEvent is None:
        return []
    e, i = _HandoverEvent, _HandoverItem
    stmt = (
        select(
            e.id,
            e.date,
            e.place,
            e.officials,
            e.install_code,
            e.closed_at.is_not(None),
            func.count(i.id),
            func.sum((i.proxy_name != "").cast(Integer_)),
        )
        .outerjoin(i, i.event_id == e.id)
        .group_by(e.id)
        .order_by(e.date, e.id)
    )
    if year is not None:
        stmt = stmt.where(e.date >= dt.date(year, 1, 1), e.date <= dt.date(year, 12, 31))
    return [
        EventRow(eid, day, place, off, code, bool(closed), int(n), int(proxy or 0))
        for eid, day, place, off, code, closed, n, proxy in s.execute(stmt)
    ]


def reprint_counts(s: Session, year: int | None = None) -> dict[str, int]:
    """Reprint reason → how many reprints (of a year)."""
    if not has_cards(s):
        return {}
    stmt = select(_Card.reason, func.count()).where(_Card.kind == "reprint").group_by(_Card.reason)
    if year is not None:
        stmt = stmt.where(
            _Card.printed_at >= dt.datetime(year, 1, 1),
            _Card.printed_at < dt.datetime(year + 1, 1, 1),
        )
    return {reason: int(n) for reason, n in s.execute(stmt)}


def optional_state(s: Session, today: dt.date) -> OptionalState:
    """Cards printed and handed over, and each office's exchange, where recorded."""
    printed = handed = None
    if has_cards(s):
        counts = card_counts(s)
        printed = sum(n for n, _ in counts.values())
        handed = sum(h for _, h in counts.values())
    return OptionalState(printed, handed, office_states(s, today))


_SyncPeer: Any = getattr(t, "SyncPeer", None)
_SyncReceived: Any = getattr(t, "SyncReceived", None)
_SyncConflict: Any = getattr(t, "SyncConflict", None)


def has_sync(s: Session) -> bool:
    """True when this database records offices, received bundles and conflicts."""
    return (
        _SyncPeer is not None
        and _SyncReceived is not None
        and _SyncConflict is not None
        and {"sync_peer", "sync_received", "sync_conflict"} <= table_names(s)
    )


def office_states(s: Session, today: dt.date) -> list[OfficeState] | None:
    """Per office: days since its last bundle, held bundles, open conflicts (sync tables).

    None when this database has no sync tables; offices are the kecamatan peers.
    """
    if not has_sync(s):
        return None
    peer, rec, con = _SyncPeer, _SyncReceived, _SyncConflict
    last: dict[str, dt.datetime] = {
        k: v
        for k, v in s.execute(
            select(rec.sender, func.max(rec.received_at))
            .where(rec.kind == "bundle", rec.status == "imported")
            .group_by(rec.sender)
        ).tuples()
    }
    held: dict[str, int] = {
        k: v
        for k, v in s.execute(
            select(rec.sender, func.count()).where(rec.status == "held").group_by(rec.sender)
        ).tuples()
    }
    open_: dict[str, int] = {
        k: v
        for k, v in s.execute(
            select(con.source, func.count()).where(con.decision.is_(None)).group_by(con.source)
        ).tuples()
    }
    codes = {
        code for (code,) in s.execute(select(peer.install_code).where(peer.role == "kecamatan"))
    }
    codes |= set(held) | set(last)
    out = []
    for code in sorted(codes):
        when = last.get(code)
        days = None if when is None else max(0, (today - when.date()).days)
        out.append(OfficeState(code, days, int(held.get(code, 0)), int(open_.get(code, 0))))
    return out
