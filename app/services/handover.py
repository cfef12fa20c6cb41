"""Card handover events (penyerahan kartu): open, give cards out, close, print the receipt.

A supervisor opens an event with its date, place and the officials present; an operator
marks each card handed over by scanning its QR code (a USB scanner types the payload into
a text field) or by ticking the name, to the holder in person or to a named proxy. Closing
the event prints the receipt list (tanda terima). Cards nobody collected stay pending and
can be given out at a later event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.cards.model import ReceiptEvent, ReceiptLine
from app.cards.receipt import render_receipt
from app.domain.card import format_serial, looks_like_payload
from app.domain.fmt import format_date, mask_nik
from app.domain.participant import clean_name, valid_registration_number
from app.errors import InvalidInput, NotFound, OsReason, Refused, StorageError
from app.i18n import tr
from app.paths import temp_beside
from app.services.actor import Actor, Role
from app.services.context import Context
from app.services.verify import Verdict, verify
from app.store import cardrepo, repo
from app.store.cardrepo import EventRecord
from app.store.files import make_private

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class EventInfo:
    """A handover event and how many cards were given out at it."""

    id: int
    date: dt.date
    place: str
    officials: tuple[str, ...]
    opened_by: str
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    closed_by: str | None
    given: int

    @property
    def is_open(self) -> bool:
        """True until the event is closed."""
        return self.closed_at is None


@dataclass(frozen=True)
class Given:
    """A card handed over."""

    event_id: int
    reg_no: str
    name: str
    serial: str
    version: int
    proxy: str
    via: str  # scan | tick


@dataclass(frozen=True)
class PendingCard:
    """A current card nobody has collected yet."""

    participant_id: int
    reg_no: str
    name: str
    nagari: str
    serial: str
    version: int
    printed_at: dt.datetime


def split_officials(text: str) -> tuple[str, ...]:
    """``"Camat: H. Afrizal; Kadis: Yusrizal"`` → the officials, one by one."""
    return tuple(x for x in (clean_name(part) for part in text.split(";")) if x)


def _info(s: Session, ev: EventRecord) -> EventInfo:
    given = len(cardrepo.handed_in_event(s, ev.id))
    return EventInfo(
        ev.id,
        ev.date,
        ev.place,
        split_officials(ev.officials),
        ev.opened_by,
        ev.opened_at,
        ev.closed_at,
        ev.closed_by,
        given,
    )


def _event(s: Session, event_id: int) -> EventRecord:
    ev = cardrepo.get_event(s, event_id)
    if ev is None:
        raise NotFound("handover.no_event", id=event_id)
    return ev


def open_event(
    ctx: Context,
    actor: Actor,
    *,
    place: str,
    date: dt.date | None = None,
    officials: str | tuple[str, ...] = (),
    now: dt.datetime | None = None,
) -> EventInfo:
    """Open a handover event (supervisors only).

    Raises:
        InvalidInput: no place.
        Refused: not a supervisor.
    """
    actor.require(Role.SUPERVISOR)
    place = clean_name(place)
    if not place:
        raise InvalidInput("handover.place_needed")
    names = (
        split_officials(officials)
        if isinstance(officials, str)
        else tuple(x for x in (clean_name(o) for o in officials) if x)
    )
    now = now or dt.datetime.now()
    date = date or now.date()
    code = ctx.identity.install_code
    with ctx.db.session() as s:
        event_id = cardrepo.add_event(
            s,
            date=date,
            place=place,
            officials="; ".join(names),
            install_code=code,
            opened_by=actor.username,
            opened_at=now,
        )
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=code,
            entity="handover",
            entity_id=str(event_id),
            action="open",
            changes={"date": date.isoformat(), "place": place, "officials": list(names)},
        )
        return _info(s, _event(s, event_id))


def give(
    ctx: Context,
    actor: Actor,
    event_id: int,
    ref: str,
    *,
    proxy: str = "",
    now: dt.datetime | None = None,
) -> Given:
    """Mark a card handed over, found by its QR code's text or its holder's registration number.

    Raises:
        NotFound: no such event or participant.
        InvalidInput: neither a registration number nor a card code.
        Refused: the event is closed; the card is void, not genuine, from another install,
            not printed yet, already handed over, or its holder is inactive.
    """
    actor.require(Role.OPERATOR)
    now = now or dt.datetime.now()
    proxy = clean_name(proxy)
    scanned = looks_like_payload(ref)
    if scanned:
        checked = verify(ctx, ref)
        if checked.verdict is Verdict.VOID:
            raise Refused("handover.void", version=checked.version, current=checked.current_version)
        if checked.verdict is not Verdict.GENUINE:
            raise Refused(f"card.{checked.verdict.value}", issuer=checked.issuer or "")
        if not checked.recorded:
            raise Refused("handover.not_recorded", reg_no=checked.reg_no)
        assert checked.reg_no is not None
        reg_no = checked.reg_no
    else:
        reg_no = ref.strip().upper()
        if not valid_registration_number(reg_no):
            raise InvalidInput("handover.ref", ref=ref.strip())
    with ctx.db.session() as s:
        ev = _event(s, event_id)
        if ev.closed_at is not None:
            raise Refused("handover.closed", id=event_id)
        person = repo.participant_by_reg(s, reg_no)
        if person is None:
            raise NotFound("participant.not_found", reg_no=reg_no)
        if person.status == "inactive":
            raise Refused("handover.inactive", reg_no=reg_no, name=person.name)
        card = cardrepo.current_cards(s, [person.uuid]).get(person.uuid)
        if card is None:
            raise Refused("handover.no_card", reg_no=reg_no, name=person.name)
        done = cardrepo.handed_of_card(s, card.id)
        if done is not None:
            earlier = cardrepo.get_event(s, done.event_id)
            assert earlier is not None
            raise Refused(
                "handover.already",
                name=person.name,
                date=format_date(earlier.date),
                place=earlier.place,
                id=earlier.id,
            )
        via = "scan" if scanned else "tick"
        cardrepo.add_item(
            s,
            event_id=event_id,
            card_id=card.id,
            proxy_name=proxy,
            at=now,
            by=actor.username,
            via=via,
        )
        serial = format_serial(card.install_code, card.serial)
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="participant",
            entity_id=person.uuid,
            action="card_handed",
            changes={"event": event_id, "serial": serial, "version": card.version, "proxy": proxy},
        )
    return Given(event_id, reg_no, person.name, serial, card.version, proxy, via)


def take_back(
    ctx: Context, actor: Actor, event_id: int, reg_no: str, now: dt.datetime | None = None
) -> None:
    """Undo a handover ticked by mistake, while its event is open.

    Raises:
        NotFound: no such event or participant, or the card was not given at this event.
        Refused: the event is closed.
    """
    actor.require(Role.OPERATOR)
    reg_no = reg_no.strip().upper()
    now = now or dt.datetime.now()
    with ctx.db.session() as s:
        ev = _event(s, event_id)
        if ev.closed_at is not None:
            raise Refused("handover.closed", id=event_id)
        item = next((h for h in cardrepo.handed_in_event(s, event_id) if h.reg_no == reg_no), None)
        if item is None:
            raise NotFound("handover.not_given", reg_no=reg_no, id=event_id)
        cardrepo.delete_item(s, item.item_id)
        uid = cardrepo.participant_uuid(s, reg_no)
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="participant",
            entity_id=uid or reg_no,
            action="card_taken_back",
            changes={"event": event_id},
        )


def close_event(
    ctx: Context, actor: Actor, event_id: int, now: dt.datetime | None = None
) -> EventInfo:
    """Close an event (supervisors only); its cards not collected stay pending.

    Raises:
        NotFound: no such event.
        Refused: already closed, or not a supervisor.
    """
    actor.require(Role.SUPERVISOR)
    now = now or dt.datetime.now()
    with ctx.db.session() as s:
        ev = _event(s, event_id)
        if ev.closed_at is not None:
            raise Refused("handover.closed", id=event_id)
        cardrepo.close_event(s, event_id, actor.username, now)
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="handover",
            entity_id=str(event_id),
            action="close",
            changes={"given": len(cardrepo.handed_in_event(s, event_id))},
        )
        return _info(s, _event(s, event_id))


def event(ctx: Context, event_id: int) -> EventInfo:
    """One event.

    Raises:
        NotFound: no such event.
    """
    with ctx.db.read() as s:
        return _info(s, _event(s, event_id))


def events(ctx: Context) -> list[EventInfo]:
    """Every event, newest first."""
    with ctx.db.read() as s:
        return [_info(s, ev) for ev in cardrepo.events(s)]


def given(ctx: Context, event_id: int) -> list[Given]:
    """The cards handed over at an event, in order."""
    with ctx.db.read() as s:
        _event(s, event_id)
        rows = cardrepo.handed_in_event(s, event_id)
    return [
        Given(
            event_id,
            h.reg_no,
            h.name,
            format_serial(h.card_install, h.serial),
            h.version,
            h.proxy_name,
            h.via,
        )
        for h in rows
    ]


def pending(ctx: Context, nagari: str | None = None) -> list[PendingCard]:
    """Current cards nobody has collected, by nagari (code) and registration number."""
    with ctx.db.read() as s:
        rows = cardrepo.pending(s, nagari)
    names: dict[str, str] = {}
    out = []
    for r in rows:
        if r.nagari_code not in names:
            region = ctx.regions.get(r.nagari_code)
            names[r.nagari_code] = region.name if region else r.nagari_code
        out.append(
            PendingCard(
                r.participant_id,
                r.reg_no,
                r.name,
                names[r.nagari_code],
                format_serial(r.install_code, r.serial),
                r.version,
                r.printed_at,
            )
        )
    return out


def receipt(ctx: Context, event_id: int, out: Path, now: dt.datetime | None = None) -> int:
    """Write the receipt list (tanda terima) of an event; returns its page count.

    Raises:
        NotFound: no such event.
        StorageError: the PDF cannot be written.
    """
    now = now or dt.datetime.now()
    with ctx.db.read() as s:
        ev = _event(s, event_id)
        rows = cardrepo.handed_in_event(s, event_id)
    ident = ctx.identity
    if ident.kecamatan:
        kec = ctx.regions.get(ident.kecamatan)
        office = f"{tr('Kecamatan')} {kec.name if kec else ident.kecamatan} ({ident.install_code})"
    else:
        office = f"{ctx.setting('regency_name')} ({ident.install_code})"
    lines = []
    for h in rows:
        region = ctx.regions.get(h.nagari_code)
        lines.append(
            ReceiptLine(
                name=h.name,
                nik=mask_nik(h.nik),
                nagari=region.name if region else h.nagari_code,
                reg_no=h.reg_no,
                serial=format_serial(h.card_install, h.serial),
                proxy=h.proxy_name,
                at=h.at,
            )
        )
    head = ReceiptEvent(
        event_id=ev.id,
        date=ev.date,
        place=ev.place,
        officials=split_officials(ev.officials),
        regency=str(ctx.setting("regency_name")),
        programme_title=str(ctx.setting("programme_title")),
        office=office,
        closed=ev.closed_at is not None,
        printed_at=now,
    )
    out = Path(out)
    part = temp_beside(out, ".part")
    try:
        pages = render_receipt(head, lines, part)
        make_private(part)  # who received which card: only its owner reads it (POSIX)
        part.replace(out)
    except OSError as exc:
        raise StorageError("cards.out_unwritable", path=str(out), reason=OsReason(exc)) from exc
    finally:
        part.unlink(missing_ok=True)
    return pages
