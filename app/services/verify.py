"""Is this card genuine and current? Offline, from the text its QR code holds.

Verdicts, from best to worst:

- ``genuine``: signed by a known install, and not replaced by a newer version;
- ``void``: genuine, but a reprint replaced it (or it was voided);
- ``unknown_issuer``: signed by an install whose key this install does not know yet;
  that is not a forgery, only something this install cannot check;
- ``not_genuine``: the signature does not match: the code was changed or forged;
- ``not_a_card``: the text is not a Lindungi card code at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypedDict

from app.domain.card import PayloadError, normalise, parse_payload
from app.domain.fmt import format_date, mask_nik
from app.i18n import render, tr
from app.services import keys
from app.services.context import Context
from app.store import cardrepo, repo
from app.store.records import ParticipantRecord


class Verdict(StrEnum):
    """What a verification found."""

    GENUINE = "genuine"
    VOID = "void"
    UNKNOWN_ISSUER = "unknown_issuer"
    NOT_GENUINE = "not_genuine"
    NOT_A_CARD = "not_a_card"


@dataclass(frozen=True)
class Verification:
    """A verdict and whose card it is (as far as this install knows)."""

    verdict: Verdict
    payload: str
    reg_no: str | None = None
    serial: str | None = None
    version: int | None = None
    issuer: str | None = None
    current_version: int | None = None
    recorded: bool = False  # this install has the card in its records
    printed_at: dt.datetime | None = None
    name: str | None = None
    nik: str | None = None  # masked
    nagari: str | None = None
    status: str | None = None
    kpj: str | None = None
    handed_over: str | None = None  # "dd/mm/yyyy, place" when collected
    reason: str = ""  # why it was voided

    @property
    def ok(self) -> bool:
        """True for a genuine, current card (exit code 0)."""
        return self.verdict is Verdict.GENUINE

    def message(self) -> str:
        """The verdict as a sentence in the current language."""
        whose = self.name or tr("a participant not registered here")
        params = {
            "name": whose,
            "reg_no": self.reg_no or "",
            "serial": self.serial or "",
            "version": self.version or 0,
            "current": self.current_version or 0,
            "issuer": self.issuer or "",
        }
        return render(f"card.{self.verdict.value}", **params)


class _Holder(TypedDict):
    name: str | None
    nik: str | None
    nagari: str | None
    status: str | None
    kpj: str | None


def _holder(ctx: Context, person: ParticipantRecord | None) -> _Holder:
    """What a verification shows of the card's holder (the NIK masked)."""
    if person is None:
        return {"name": None, "nik": None, "nagari": None, "status": None, "kpj": None}
    region = ctx.regions.get(person.nagari_code)
    return {
        "name": person.name,
        "nik": mask_nik(person.nik),
        "nagari": region.name if region else person.nagari_code,
        "status": person.status,
        "kpj": person.kpj,
    }


def verify(ctx: Context, text: str) -> Verification:
    """Verify what a scanner typed (letter case and surrounding spaces do not matter)."""
    payload = normalise(text)
    try:
        ident, signature = parse_payload(payload)
    except PayloadError:
        return Verification(Verdict.NOT_A_CARD, payload)
    keys.ensure_install_key(ctx)  # an install set up before keys knows its own key now
    base: dict[str, Any] = {
        "payload": payload,
        "reg_no": ident.reg_no,
        "serial": ident.serial_text,
        "version": ident.version,
        "issuer": ident.issuer,
    }
    signed = keys.verify_signature(ctx, ident.issuer, ident.message(), signature)
    if signed is None:
        return Verification(Verdict.UNKNOWN_ISSUER, **base)
    if not signed:
        return Verification(Verdict.NOT_GENUINE, **base)
    with ctx.db.read() as s:
        rows = cardrepo.cards_by_serial(s, ident.issuer, ident.serial)
        latest = cardrepo.latest_version(s, ident.reg_no)
        person = repo.participant_by_reg(s, ident.reg_no)
        issue = next((r for r in rows if r.kind != "copy"), rows[0] if rows else None)
        handed = cardrepo.handed_of_card(s, issue.id) if issue is not None else None
        event = cardrepo.get_event(s, handed.event_id) if handed is not None else None
    if issue is not None and (issue.reg_no != ident.reg_no or issue.version != ident.version):
        # A valid signature over a serial recorded for another card: never issued so.
        return Verification(Verdict.NOT_GENUINE, **base)
    current_version = latest.version if latest is not None else None
    void = (issue is not None and issue.void) or (
        current_version is not None and current_version > ident.version
    )
    reason = ""
    if void and latest is not None and latest.version > ident.version:
        reason = latest.reason
    return Verification(
        Verdict.VOID if void else Verdict.GENUINE,
        current_version=current_version,
        recorded=issue is not None,
        printed_at=issue.printed_at if issue else None,
        **_holder(ctx, person),
        handed_over=f"{format_date(event.date)}, {event.place}" if event else None,
        reason=reason,
        **base,
    )
