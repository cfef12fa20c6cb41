"""Queries of cards, signing keys and handover events. Each function takes an open Session.

Kept apart from ``repo.py`` so that the card area never edits the registration area's file.
Plain records go out; ORM objects never leave the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, func, insert, or_, select, update
from sqlalchemy.orm import Session

from app.domain.rows import CardRow
from app.store import tables as t

PRINTABLE = ("approved", "accepted", "active")
_CHUNK = 500


# --- records --------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyRecord:
    """A signing key of this install (public half only)."""

    id: int
    install_code: str
    public_key: str  # hex
    fingerprint: str
    key_file: str
    created_at: dt.datetime
    retired_at: dt.datetime | None


@dataclass(frozen=True)
class CardSubject:
    """What a card shows of a participant."""

    id: int
    uuid: str
    reg_no: str
    name: str
    nik: str
    nagari_code: str
    kecamatan_code: str
    programmes: str
    coverage_start: dt.date
    coverage_end: dt.date | None
    funding: str
    kpj: str | None
    status: str


@dataclass(frozen=True)
class CardRecord:
    """One printed card (an issue, a copy or a reprint)."""

    id: int
    participant_uuid: str
    reg_no: str
    serial: int
    version: int
    kind: str
    reason: str
    kpj: str | None
    printed_at: dt.datetime
    printed_by: str
    install_code: str
    void: bool
    voided_at: dt.datetime | None


@dataclass(frozen=True)
class EventRecord:
    """A handover event."""

    id: int
    date: dt.date
    place: str
    officials: str
    install_code: str
    opened_by: str
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    closed_by: str | None


@dataclass(frozen=True)
class HandedRecord:
    """A card handed over, with what a receipt shows of its holder."""

    item_id: int
    event_id: int
    card_id: int
    reg_no: str
    name: str
    nik: str
    nagari_code: str
    serial: int
    version: int
    card_install: str
    proxy_name: str
    at: dt.datetime
    by: str
    via: str


@dataclass(frozen=True)
class PendingRecord:
    """A current card that nobody has collected yet."""

    card_id: int
    participant_id: int
    reg_no: str
    name: str
    nagari_code: str
    serial: int
    version: int
    install_code: str
    printed_at: dt.datetime


_CARD_FIELDS = [
    "id",
    "participant_uuid",
    "reg_no",
    "serial",
    "version",
    "kind",
    "reason",
    "kpj",
    "printed_at",
    "printed_by",
    "install_code",
    "void",
    "voided_at",
]


def _card(row: t.Card) -> CardRecord:
    return CardRecord(**{f: getattr(row, f) for f in _CARD_FIELDS})


def _event(row: t.HandoverEvent) -> EventRecord:
    return EventRecord(
        row.id,
        row.date,
        row.place,
        row.officials,
        row.install_code,
        row.opened_by,
        row.opened_at,
        row.closed_at,
        row.closed_by,
    )


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


# --- keys -----------------------------------------------------------------------------


def install_keys(s: Session, install_code: str) -> list[KeyRecord]:
    """This install's keys, newest first (retired ones included)."""
    stmt = (
        select(t.InstallKey)
        .where(t.InstallKey.install_code == install_code)
        .order_by(t.InstallKey.id.desc())
    )
    return [
        KeyRecord(
            k.id,
            k.install_code,
            k.public_key,
            k.fingerprint,
            k.key_file,
            k.created_at,
            k.retired_at,
        )
        for k in s.scalars(stmt)
    ]


def add_install_key(
    s: Session,
    install_code: str,
    public_key: str,
    fingerprint: str,
    key_file: str,
    now: dt.datetime,
) -> None:
    """Record a new key of this install."""
    s.add(
        t.InstallKey(
            install_code=install_code,
            public_key=public_key,
            fingerprint=fingerprint,
            key_file=key_file,
            created_at=now,
            retired_at=None,
        )
    )
    s.flush()


def retire_install_key(s: Session, key_id: int, now: dt.datetime) -> None:
    """Mark a key as no longer used for signing (its public half stays known)."""
    s.execute(update(t.InstallKey).where(t.InstallKey.id == key_id).values(retired_at=now))


def known_keys(s: Session, install_code: str) -> list[str]:
    """Public keys (hex) this install trusts for ``install_code``."""
    stmt = select(t.KnownKey.public_key).where(
        t.KnownKey.install_code == install_code, t.KnownKey.revoked_at.is_(None)
    )
    return list(s.scalars(stmt))


def add_known_key(
    s: Session, install_code: str, public_key: str, fingerprint: str, source: str, now: dt.datetime
) -> bool:
    """Trust a public key for ``install_code``; False when it was already known."""
    if s.scalar(select(t.KnownKey.id).where(t.KnownKey.fingerprint == fingerprint)) is not None:
        return False
    s.add(
        t.KnownKey(
            install_code=install_code,
            public_key=public_key,
            fingerprint=fingerprint,
            source=source,
            added_at=now,
            revoked_at=None,
        )
    )
    s.flush()
    return True


# --- who gets a card ------------------------------------------------------------------


def _subject_select() -> Any:
    p = t.Participant
    return select(
        p.id,
        p.uuid,
        p.reg_no,
        p.name,
        p.nik,
        p.nagari_code,
        p.kecamatan_code,
        p.programmes,
        p.coverage_start,
        p.coverage_end,
        p.funding,
        p.kpj,
        p.status,
    )


def _has_current_card() -> Any:
    c = t.Card
    return exists().where(
        c.participant_uuid == t.Participant.uuid, c.kind != "copy", c.void.is_(False)
    )


def subjects(
    s: Session,
    *,
    nagari: str | None = None,
    unprinted: bool = False,
    statuses: Sequence[str] = PRINTABLE,
) -> list[CardSubject]:
    """Participants who may get a card, by nagari and registration number."""
    p = t.Participant
    stmt = _subject_select().where(p.status.in_(list(statuses)))
    if nagari:
        stmt = stmt.where(p.nagari_code == nagari)
    if unprinted:
        stmt = stmt.where(~_has_current_card())
    stmt = stmt.order_by(p.nagari_code, p.reg_no)
    return [CardSubject(*row) for row in s.execute(stmt)]


def subjects_by(
    s: Session, *, reg_nos: Sequence[str] = (), ids: Sequence[int] = ()
) -> list[CardSubject]:
    """Participants named by registration number or id, any status, in the order given."""
    p = t.Participant
    found: dict[Any, CardSubject] = {}
    for chunk in _chunks(list(reg_nos)):
        for row in s.execute(_subject_select().where(p.reg_no.in_(list(chunk)))):
            found[row.reg_no] = CardSubject(*row)
    for chunk in _chunks(list(ids)):
        for row in s.execute(_subject_select().where(p.id.in_(list(chunk)))):
            found[row.id] = CardSubject(*row)
    keys: list[Any] = [*reg_nos, *ids]
    out, seen = [], set()
    for key in keys:
        subj = found.get(key)
        if subj is not None and subj.uuid not in seen:
            seen.add(subj.uuid)
            out.append(subj)
    return out


def participant_uuid(s: Session, reg_no: str) -> str | None:
    """The UUID of the participant with this registration number."""
    return s.scalar(select(t.Participant.uuid).where(t.Participant.reg_no == reg_no))


# --- cards ----------------------------------------------------------------------------


def current_cards(s: Session, uuids: Sequence[str]) -> dict[str, CardRecord]:
    """The current issue (not a copy, not void) of each participant that has one."""
    c = t.Card
    out: dict[str, CardRecord] = {}
    for chunk in _chunks(list(uuids)):
        stmt = select(c).where(
            c.participant_uuid.in_(list(chunk)), c.kind != "copy", c.void.is_(False)
        )
        for row in s.scalars(stmt):
            out[row.participant_uuid] = _card(row)
    return out


def max_versions(s: Session, uuids: Sequence[str]) -> dict[str, int]:
    """The highest card version each participant ever had."""
    c = t.Card
    out: dict[str, int] = {}
    for chunk in _chunks(list(uuids)):
        stmt = (
            select(c.participant_uuid, func.max(c.version))
            .where(c.participant_uuid.in_(list(chunk)))
            .group_by(c.participant_uuid)
        )
        for uid, version in s.execute(stmt):
            out[uid] = int(version)
    return out


def max_serial(s: Session, install_code: str) -> int:
    """The highest card serial this install has issued (0 before the first card)."""
    value = s.scalar(select(func.max(t.Card.serial)).where(t.Card.install_code == install_code))
    return int(value or 0)


def insert_cards(s: Session, rows: Sequence[CardRow]) -> None:
    """Record printed cards in one statement batch."""
    if rows:
        s.execute(insert(t.Card), list(rows))


def void_cards(s: Session, uuids: Sequence[str], now: dt.datetime) -> int:
    """Void every card of these participants that is not void yet; returns how many rows."""
    total = 0
    for chunk in _chunks(list(uuids)):
        result = s.execute(
            update(t.Card)
            .where(t.Card.participant_uuid.in_(list(chunk)), t.Card.void.is_(False))
            .values(void=True, voided_at=now)
        )
        total += int(result.rowcount or 0)  # type: ignore[attr-defined]
    return total


def cards_by_serial(s: Session, install_code: str, serial: int) -> list[CardRecord]:
    """Every row (issue and copies) of one card serial of an install."""
    stmt = (
        select(t.Card)
        .where(t.Card.install_code == install_code, t.Card.serial == serial)
        .order_by(t.Card.id)
    )
    return [_card(r) for r in s.scalars(stmt)]


def cards_of(s: Session, participant_uuid: str) -> list[CardRecord]:
    """Every card row of one participant, oldest first."""
    stmt = select(t.Card).where(t.Card.participant_uuid == participant_uuid).order_by(t.Card.id)
    return [_card(r) for r in s.scalars(stmt)]


def latest_version(s: Session, reg_no: str) -> CardRecord | None:
    """The newest issue (void or not) of the participant with this registration number."""
    stmt = (
        select(t.Card)
        .where(t.Card.reg_no == reg_no, t.Card.kind != "copy")
        .order_by(t.Card.version.desc(), t.Card.id.desc())
        .limit(1)
    )
    row = s.scalar(stmt)
    return None if row is None else _card(row)


def kpj_candidates(s: Session) -> list[tuple[CardRecord, str, str]]:
    """Current cards printed without the KPJ number the participant now has.

    Returns:
        (card, participant name, KPJ now) for each, by registration number.
    """
    c, p = t.Card, t.Participant
    stmt = (
        select(c, p.name, p.kpj)
        .join(p, p.uuid == c.participant_uuid)
        .where(c.kind != "copy", c.void.is_(False))
        .where(p.kpj.is_not(None), p.kpj != "", p.status != "inactive")
        .where(or_(c.kpj.is_(None), c.kpj != p.kpj))
        .order_by(c.reg_no)
    )
    return [(_card(card), name, kpj) for card, name, kpj in s.execute(stmt)]


def count_cards(s: Session) -> dict[str, int]:
    """How many card rows of each kind, and how many are current."""
    c = t.Card
    out = {k: int(n) for k, n in s.execute(select(c.kind, func.count()).group_by(c.kind))}
    out["current"] = int(
        s.scalar(select(func.count()).select_from(c).where(c.kind != "copy", c.void.is_(False)))
        or 0
    )
    return out


# --- handover -------------------------------------------------------------------------


def add_event(
    s: Session,
    *,
    date: dt.date,
    place: str,
    officials: str,
    install_code: str,
    opened_by: str,
    opened_at: dt.datetime,
) -> int:
    """Open a handover event; returns its id."""
    row = t.HandoverEvent(
        date=date,
        place=place,
        officials=officials,
        install_code=install_code,
        opened_by=opened_by,
        opened_at=opened_at,
        closed_at=None,
        closed_by=None,
    )
    s.add(row)
    s.flush()
    return row.id


def get_event(s: Session, event_id: int) -> EventRecord | None:
    """One handover event."""
    row = s.get(t.HandoverEvent, event_id)
    return None if row is None else _event(row)


def events(s: Session) -> list[EventRecord]:
    """Every handover event, newest first."""
    stmt = select(t.HandoverEvent).order_by(t.HandoverEvent.id.desc())
    return [_event(r) for r in s.scalars(stmt)]


def close_event(s: Session, event_id: int, by: str, now: dt.datetime) -> None:
    """Close an event."""
    s.execute(
        update(t.HandoverEvent)
        .where(t.HandoverEvent.id == event_id)
        .values(closed_at=now, closed_by=by)
    )


def add_item(
    s: Session, *, event_id: int, card_id: int, proxy_name: str, at: dt.datetime, by: str, via: str
) -> int:
    """Mark a card handed over at an event."""
    row = t.HandoverItem(
        event_id=event_id, card_id=card_id, proxy_name=proxy_name, at=at, by=by, via=via
    )
    s.add(row)
    s.flush()
    return row.id


def delete_item(s: Session, item_id: int) -> None:
    """Take back a handover marked by mistake."""
    row = s.get(t.HandoverItem, item_id)
    if row is not None:
        s.delete(row)
        s.flush()


def _handed_select() -> Any:
    i, c, p = t.HandoverItem, t.Card, t.Participant
    return (
        select(
            i.id,
            i.event_id,
            c.id,
            c.reg_no,
            p.name,
            p.nik,
            p.nagari_code,
            c.serial,
            c.version,
            c.install_code,
            i.proxy_name,
            i.at,
            i.by,
            i.via,
        )
        .join(c, c.id == i.card_id)
        .join(p, p.uuid == c.participant_uuid)
    )


def handed_of_card(s: Session, card_id: int) -> HandedRecord | None:
    """The handover of one card, if it was handed over."""
    row = s.execute(_handed_select().where(t.HandoverItem.card_id == card_id)).first()
    return None if row is None else HandedRecord(*row)


def handed_in_event(s: Session, event_id: int) -> list[HandedRecord]:
    """Cards handed over at an event, in the order they were given."""
    stmt = _handed_select().where(t.HandoverItem.event_id == event_id).order_by(t.HandoverItem.id)
    return [HandedRecord(*row) for row in s.execute(stmt)]


def _pending_where(stmt: Any) -> Any:
    c, i = t.Card, t.HandoverItem
    return stmt.where(c.kind != "copy", c.void.is_(False)).where(~exists().where(i.card_id == c.id))


def pending(s: Session, nagari: str | None = None) -> list[PendingRecord]:
    """Current cards not handed over yet, by nagari and registration number."""
    c, p = t.Card, t.Participant
    stmt = select(
        c.id,
        p.id,
        c.reg_no,
        p.name,
        p.nagari_code,
        c.serial,
        c.version,
        c.install_code,
        c.printed_at,
    ).join(p, p.uuid == c.participant_uuid)
    stmt = _pending_where(stmt).where(p.status != "inactive")
    if nagari:
        stmt = stmt.where(p.nagari_code == nagari)
    stmt = stmt.order_by(p.nagari_code, c.reg_no)
    return [PendingRecord(*row) for row in s.execute(stmt)]


def card_state_filter(state: str) -> Any:
    """A condition on ``participant`` rows: their card is ``unprinted`` (no current card),
    ``pending`` (printed, not collected) or ``handed`` (collected); for the list's filter.

    Raises:
        ValueError: another state (a bug: callers offer these three).
    """
    c, i = t.Card, t.HandoverItem
    if state == "unprinted":
        return ~_has_current_card()
    if state not in ("pending", "handed"):
        raise ValueError(state)
    collected = exists().where(i.card_id == c.id)
    return exists().where(
        c.participant_uuid == t.Participant.uuid,
        c.kind != "copy",
        c.void.is_(False),
        collected if state == "handed" else ~collected,
    )


def participant_ids_with_card_state(s: Session, state: str) -> list[int]:
    """Ids of participants whose card is in ``state`` (see :func:`card_state_filter`)."""
    p = t.Participant
    return list(s.scalars(select(p.id).where(card_state_filter(state)).order_by(p.id)))
