"""Printing membership cards: choosing who, recording every card, copies and reprints.

One print job is one user action: the cards are planned (serials and versions) from what
the database says, drawn to a temporary file next to the output, and only then recorded,
in one transaction that first checks that nobody printed the same people meanwhile.
A cancelled or failed job leaves neither a PDF nor a record behind.

- A participant without a current card gets a new card (version 1, or one above the
  highest version ever printed): kind ``print``.
- A participant whose current card is printed again gets the same card (same serial,
  version and QR code): kind ``copy``, counted but not a new card.
- A reprint (with a reason) issues a new version and voids the earlier card and its
  copies, so that the old card's QR code verifies as void.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.cards.card import name_is_cut
from app.cards.model import (
    Calibration,
    CardFace,
    CardTexts,
    Layout,
    RenderCancelled,
)
from app.cards.sheets import reference_mm, render_calibration, render_cards
from app.catalogue.cards import STANDARD_ACCIDENT, STANDARD_BENEFITS, STANDARD_DEATH
from app.domain.card import CardIdentity, format_serial, make_payload
from app.domain.fmt import mask_nik
from app.domain.progress import Progress, no_progress
from app.domain.rows import CardRow, HistoryEntry
from app.errors import AppError, InvalidInput, NotFound, OsReason, Refused, StorageError
from app.i18n import tr
from app.paths import temp_beside
from app.services import keys, pending_print
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import cardrepo, repo
from app.store.cardrepo import CardRecord, CardSubject
from app.store.files import make_private

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

PRINT, COPY, REPRINT = "print", "copy", "reprint"


class Cancelled(AppError):
    """The user cancelled a print job; nothing was recorded and no PDF was left."""


@dataclass(frozen=True)
class Selection:
    """Who gets cards: everyone, everyone not yet printed, a nagari, or named people."""

    everyone: bool = False
    unprinted: bool = False
    nagari: str | None = None  # a nagari code
    reg_nos: tuple[str, ...] = ()
    ids: tuple[int, ...] = ()  # the GUI list's current selection

    @property
    def explicit(self) -> bool:
        """True when people were named one by one (problems are errors, not skips)."""
        return bool(self.reg_nos or self.ids)


@dataclass(frozen=True)
class PrintResult:
    """What a print job produced."""

    path: Path
    layout: str
    cards: int
    new: int
    copies: int
    reprints: int
    pages: int
    seconds: float
    skipped: tuple[tuple[str, str], ...] = ()  # (registration number, why)
    cut_names: tuple[tuple[str, str], ...] = ()  # (registration number, name) shortened


@dataclass(frozen=True)
class _Planned:
    subject: CardSubject
    serial: int
    version: int
    kind: str
    expected_current: int | None  # id of the current card when planned


@dataclass
class _Job:
    planned: list[_Planned] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class KpjCandidate:
    """A current card printed before the participant's KPJ number arrived."""

    reg_no: str
    name: str
    kpj: str
    serial: str
    version: int
    printed_at: dt.datetime


# --- what goes on a card --------------------------------------------------------------


def card_texts(ctx: Context) -> CardTexts:
    """The header and back of every card, from the settings, in the current language."""

    def text(key: str, standard: str) -> str:
        value = str(ctx.setting(key) or "").strip()
        return value or tr(standard)

    return CardTexts(
        regency=str(ctx.setting("regency_name")),
        programme_title=str(ctx.setting("programme_title")),
        benefits=text("card_back_benefits", STANDARD_BENEFITS),
        accident=text("card_back_accident", STANDARD_ACCIDENT),
        death=text("card_back_death", STANDARD_DEATH),
        bpjs_contact=str(ctx.setting("card_bpjs_contact")),
        dinas_contact=str(ctx.setting("card_dinas_contact")),
    )


def calibration(ctx: Context) -> Calibration:
    """The printer offsets from the settings."""
    return Calibration(
        float(ctx.setting("card_offset_front_x_mm")),
        float(ctx.setting("card_offset_front_y_mm")),
        float(ctx.setting("card_offset_back_x_mm")),
        float(ctx.setting("card_offset_back_y_mm")),
    )


def payer(funding: str, regency: str, nagari: str) -> str:
    """Who pays a participant's contributions, as the card says it."""
    if funding == "apbd":
        return f"APBD {regency}"
    if funding == "apb-nagari":
        return f"APB Nagari {nagari}"
    if funding == "apbn":
        return "APBN"
    return tr("the participant")


class _FaceMaker:
    """Turns planned cards into signed card faces."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.issuer, self.key = keys.signing_key(ctx)
        self.full_nik = bool(ctx.setting("show_full_nik"))
        self.regency = str(ctx.setting("regency_name"))
        self._names: dict[str, str] = {}

    def region(self, code: str) -> str:
        if code not in self._names:
            region = self.ctx.regions.get(code)
            self._names[code] = region.name if region else code
        return self._names[code]

    def face(self, p: _Planned) -> CardFace:
        subj = p.subject
        ident = CardIdentity(subj.reg_no, p.serial, p.version, self.issuer)
        payload = make_payload(ident, self.key.sign(ident.message()))
        nagari = self.region(subj.nagari_code)
        return CardFace(
            name=subj.name,
            reg_no=subj.reg_no,
            kpj=subj.kpj or None,
            nik=subj.nik if self.full_nik else mask_nik(subj.nik),
            nagari=nagari,
            kecamatan=self.region(subj.kecamatan_code),
            programmes=", ".join(x for x in subj.programmes.split(",") if x),
            coverage_start=subj.coverage_start,
            coverage_end=subj.coverage_end,
            payer=payer(subj.funding, self.regency, nagari),
            serial=ident.serial_text,
            version=p.version,
            payload=payload,
        )


# --- choosing who ---------------------------------------------------------------------


def _subjects(ctx: Context, sel: Selection) -> tuple[list[CardSubject], list[tuple[str, str]]]:
    """The participants of a selection that may get a card, and those skipped (and why)."""
    skipped: list[tuple[str, str]] = []
    with ctx.db.read() as s:
        if sel.explicit:
            reg_nos = tuple(r.strip().upper() for r in sel.reg_nos)
            found = cardrepo.subjects_by(s, reg_nos=reg_nos, ids=sel.ids)
            known = {x.reg_no for x in found}
            missing = [r for r in reg_nos if r not in known]
            if missing:
                raise NotFound("participant.not_found", reg_no=", ".join(missing))
            out = []
            for subj in found:
                if subj.status in cardrepo.PRINTABLE:
                    out.append(subj)
                else:
                    skipped.append((subj.reg_no, subj.status))
            return out, skipped
        if not (sel.everyone or sel.unprinted or sel.nagari):
            raise InvalidInput("cards.no_selection")
        return cardrepo.subjects(s, nagari=sel.nagari, unprinted=sel.unprinted), skipped


def _refuse_if_empty(job: _Job, sel: Selection) -> None:
    if job.planned:
        return
    if sel.explicit and job.skipped:
        reg_no, status = job.skipped[0]
        raise Refused("cards.not_printable", reg_no=reg_no, status=tr(status))
    raise Refused("cards.nobody")


def _plan_print(ctx: Context, sel: Selection) -> _Job:
    subjects, skipped = _subjects(ctx, sel)
    job = _Job(skipped=skipped)
    issuer = ctx.identity.install_code
    uuids = [x.uuid for x in subjects]
    with ctx.db.read() as s:
        current = cardrepo.current_cards(s, uuids)
        versions = cardrepo.max_versions(s, uuids)
        serial = cardrepo.max_serial(s, issuer)
    for subj in subjects:
        card = current.get(subj.uuid)
        if card is not None and card.install_code == issuer:
            job.planned.append(_Planned(subj, card.serial, card.version, COPY, card.id))
        elif card is not None:  # printed by another install: this one cannot copy it
            job.skipped.append((subj.reg_no, "foreign"))
        else:
            serial += 1
            version = versions.get(subj.uuid, 0) + 1
            job.planned.append(_Planned(subj, serial, version, PRINT, None))
    _refuse_if_empty(job, sel)
    return job


def _plan_reprint(ctx: Context, sel: Selection) -> _Job:
    subjects, skipped = _subjects(ctx, sel)
    job = _Job(skipped=skipped)
    issuer = ctx.identity.install_code
    uuids = [x.uuid for x in subjects]
    with ctx.db.read() as s:
        current = cardrepo.current_cards(s, uuids)
        versions = cardrepo.max_versions(s, uuids)
        serial = cardrepo.max_serial(s, issuer)
    for subj in subjects:
        card = current.get(subj.uuid)
        if card is None:
            if sel.explicit and len(subjects) == 1:
                raise Refused("cards.never_printed", reg_no=subj.reg_no)
            job.skipped.append((subj.reg_no, "never_printed"))
            continue
        serial += 1
        job.planned.append(_Planned(subj, serial, versions.get(subj.uuid, 0) + 1, REPRINT, card.id))
    _refuse_if_empty(job, sel)
    return job


# --- running a job --------------------------------------------------------------------


def _check_unchanged(s: Session, ctx: Context, job: _Job) -> None:
    """Refuse when the same people's cards changed between planning and recording."""
    issuer = ctx.identity.install_code
    current = cardrepo.current_cards(s, [p.subject.uuid for p in job.planned])
    first_new = min((p.serial for p in job.planned if p.kind != COPY), default=None)
    if first_new is not None and cardrepo.max_serial(s, issuer) >= first_new:
        raise Refused("cards.changed")
    for p in job.planned:
        card = current.get(p.subject.uuid)
        if (card.id if card else None) != p.expected_current:
            raise Refused("cards.changed")


def _run(
    ctx: Context,
    actor: Actor,
    job: _Job,
    out: Path,
    layout: Layout,
    *,
    reason: str,
    progress: Progress | None,
    now: dt.datetime | None,
) -> PrintResult:
    start = time.perf_counter()
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")
    if not out.parent.is_dir():
        raise StorageError("cards.out_unwritable", path=str(out), reason=tr("no such folder"))
    report = progress or no_progress
    if not report(0, len(job.planned)):
        raise Cancelled("cards.cancelled")
    maker = _FaceMaker(ctx)
    faces = [maker.face(p) for p in job.planned]
    part = temp_beside(out, ".part")
    try:
        pages = render_cards(
            faces,
            card_texts(ctx),
            part,
            layout=layout,
            calibration=calibration(ctx),
            progress=report,
        )
        make_private(part)  # names, NIKs and photos: only their owner reads the sheets (POSIX)
    except RenderCancelled:
        part.unlink(missing_ok=True)
        raise Cancelled("cards.cancelled") from None
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise StorageError("cards.out_unwritable", path=str(out), reason=OsReason(exc)) from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    now = now or dt.datetime.now()
    ident = ctx.identity
    rows: list[CardRow] = [
        {
            "participant_uuid": p.subject.uuid,
            "reg_no": p.subject.reg_no,
            "serial": p.serial,
            "version": p.version,
            "kind": p.kind,
            "reason": reason if p.kind == REPRINT else "",
            "kpj": p.subject.kpj or None,
            "printed_at": now,
            "printed_by": actor.username,
            "install_code": ident.install_code,
            "void": False,
            "voided_at": None,
        }
        for p in job.planned
    ]
    counts = {k: sum(1 for p in job.planned if p.kind == k) for k in (PRINT, COPY, REPRINT)}
    try:
        with ctx.db.session() as s:
            _check_unchanged(s, ctx, job)
            reprinted = [p.subject.uuid for p in job.planned if p.kind == REPRINT]
            cardrepo.void_cards(s, reprinted, now)
            cardrepo.insert_cards(s, rows)
            repo.bulk_history(s, _history(job, actor, ident.install_code, reason, now))
            # Killed between the rename and the commit, the next opening removes the PDF
            # (app.services.pending_print); failing here, so does the except below.
            pending_print.mark(
                ctx.data_dir, part, out, ident.install_code, job.planned[0].serial, now
            )
            try:
                os.replace(part, out)
            except OSError as exc:
                raise StorageError("cards.out_locked", path=str(out)) from exc
    except BaseException:
        pending_print.undo(ctx.data_dir)
        raise
    finally:
        part.unlink(missing_ok=True)
    pending_print.clear(ctx.data_dir)
    seconds = time.perf_counter() - start
    log.info(
        "printed %d cards (%d new, %d copies, %d reprints) to %s in %.1f s",
        len(rows),
        counts[PRINT],
        counts[COPY],
        counts[REPRINT],
        out,
        seconds,
    )
    if progress is not None:
        progress(len(rows), len(rows))
    return PrintResult(
        out,
        layout.value,
        len(rows),
        counts[PRINT],
        counts[COPY],
        counts[REPRINT],
        pages,
        seconds,
        tuple(job.skipped),
        _cut_names(job),
    )


def _history(
    job: _Job, actor: Actor, install_code: str, reason: str, now: dt.datetime
) -> list[HistoryEntry]:
    """One history entry per card of the job: its serial and version (and a reprint's
    reason)."""
    return [
        {
            "at": now,
            "actor": actor.username,
            "install_code": install_code,
            "entity": "participant",
            "entity_id": p.subject.uuid,
            "action": f"card_{p.kind}",
            "changes": json.dumps(
                {"serial": format_serial(install_code, p.serial), "version": p.version}
            ),
            "reason": reason if p.kind == REPRINT else "",
        }
        for p in job.planned
    ]


def _cut_names(job: _Job) -> tuple[tuple[str, str], ...]:
    return tuple(
        (p.subject.reg_no, p.subject.name) for p in job.planned if name_is_cut(p.subject.name)
    )


@dataclass(frozen=True)
class PrintPlan:
    """What a print job would make, told before it runs (the print dialog shows it)."""

    cards: int
    new: int
    copies: int
    skipped: tuple[tuple[str, str], ...]
    cut_names: tuple[tuple[str, str], ...]  # (registration number, name) the card shortens


def plan_print(ctx: Context, selection: Selection) -> PrintPlan:
    """How many cards a selection makes, who is skipped, and whose name will not fit.

    Raises:
        InvalidInput: no selector; NotFound: a named registration number does not exist.
        Refused: nobody to print.
    """
    job = _plan_print(ctx, selection)
    new = sum(1 for p in job.planned if p.kind == PRINT)
    return PrintPlan(
        len(job.planned), new, len(job.planned) - new, tuple(job.skipped), _cut_names(job)
    )


def print_cards(
    ctx: Context,
    actor: Actor,
    selection: Selection,
    out: Path,
    *,
    layout: Layout | str | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> PrintResult:
    """Print the cards of a selection to a PDF; current cards are printed again as copies.

    Args:
        layout: ``a4`` or ``cr80``; the ``card_layout`` setting when None.
        progress: called with (cards done, cards in all) while drawing; returning False
            cancels.

    Raises:
        InvalidInput: no selector; NotFound: a named registration number does not exist.
        Refused: nobody to print (or one named person who may not get a card yet).
        Cancelled: cancelled; nothing was recorded.
        StorageError: the PDF cannot be written.
    """
    actor.require(Role.OPERATOR)
    lay = Layout(layout or ctx.setting("card_layout"))
    job = _plan_print(ctx, selection)
    return _run(ctx, actor, job, out, lay, reason="", progress=progress, now=now)


def reprint(
    ctx: Context,
    actor: Actor,
    selection: Selection,
    reason: str,
    out: Path,
    *,
    layout: Layout | str | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> PrintResult:
    """Issue new versions of cards (lost, damaged, KPJ arrived) and void the earlier ones.

    Raises:
        InvalidInput: no reason given.
        Refused: a named participant never had a card here (print it instead).
    """
    actor.require(Role.OPERATOR)
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidInput("cards.reason_needed")
    lay = Layout(layout or ctx.setting("card_layout"))
    job = _plan_reprint(ctx, selection)
    return _run(ctx, actor, job, out, lay, reason=reason, progress=progress, now=now)


def calibration_page(ctx: Context, out: Path, layout: Layout | str | None = None) -> Path:
    """Write the printer calibration test page (front and back) with the current offsets.

    Raises:
        StorageError: the PDF cannot be written.
    """
    lay = Layout(layout or ctx.setting("card_layout"))
    out = Path(out)
    try:
        render_calibration(out, layout=lay, calibration=calibration(ctx))
    except OSError as exc:
        raise StorageError("cards.out_unwritable", path=str(out), reason=OsReason(exc)) from exc
    return out


def calibration_reference(layout: Layout | str | None, ctx: Context | None = None) -> float:
    """Where lines A and B of the calibration page should lie, in mm from the paper's edges."""
    chosen = layout or (ctx.setting("card_layout") if ctx is not None else Layout.A4)
    return reference_mm(Layout(chosen))


def parse_mm(text: str) -> float:
    """A length in mm as people type it: ``11,5`` or ``11.5``.

    Raises:
        InvalidInput: not a number, or not between 0 and 60 mm.
    """
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise InvalidInput("calibration.measured", text=text) from None
    if not 0 <= value <= 60:
        raise InvalidInput("calibration.measured", text=text)
    return value


def calibrate(
    ctx: Context,
    actor: Actor,
    side: str,
    measured_a: float,
    measured_b: float,
    layout: Layout | str | None = None,
) -> tuple[float, float]:
    """Work out and store a side's offsets from where lines A and B were measured on paper.

    Line A should lie at a known distance from the paper's left edge and line B from its
    top edge; a line measured too far right or down moves that side left or up by the
    difference, on top of the offsets the page was printed with. Returns (x, y) in mm.

    Raises:
        InvalidInput: an unknown side, or an offset beyond ±20 mm.
        Refused: the actor is not an administrator.
    """
    if side not in ("front", "back"):
        raise InvalidInput("calibration.side", side=side)
    should = calibration_reference(layout, ctx)
    keys = (f"card_offset_{side}_x_mm", f"card_offset_{side}_y_mm")
    current = [float(ctx.setting(k)) for k in keys]
    new = [round(c + should - m, 1) for c, m in zip(current, (measured_a, measured_b), strict=True)]
    if any(abs(v) > 20 for v in new):
        raise InvalidInput("calibration.too_far", x=new[0], y=new[1])
    from app.services import prefs

    for key, value in zip(keys, new, strict=True):
        prefs.set_value(ctx, actor, key, value)
    return new[0], new[1]


# --- what the lists show --------------------------------------------------------------


def kpj_reprint_candidates(ctx: Context) -> list[KpjCandidate]:
    """Current cards that show only the registration number though a KPJ number arrived."""
    with ctx.db.read() as s:
        rows = cardrepo.kpj_candidates(s)
    return [
        KpjCandidate(
            card.reg_no,
            name,
            kpj,
            format_serial(card.install_code, card.serial),
            card.version,
            card.printed_at,
        )
        for card, name, kpj in rows
    ]


def cards_of(ctx: Context, reg_no: str) -> list[CardRecord]:
    """Every card printed here for one participant, oldest first.

    Raises:
        NotFound: no such registration number.
    """
    with ctx.db.read() as s:
        uid = cardrepo.participant_uuid(s, reg_no.strip().upper())
        if uid is None:
            raise NotFound("participant.not_found", reg_no=reg_no)
        return cardrepo.cards_of(s, uid)


def current_payload(ctx: Context, reg_no: str) -> str | None:
    """The QR text of a participant's current card printed here; None without one.

    Ed25519 signatures are deterministic, so this is the very code on the card, unless
    this install's key was replaced since (then it is an equally valid code of the same
    card, signed with the new key).

    Raises:
        NotFound: no such registration number.
    """
    reg_no = reg_no.strip().upper()
    with ctx.db.read() as s:
        uid = cardrepo.participant_uuid(s, reg_no)
        if uid is None:
            raise NotFound("participant.not_found", reg_no=reg_no)
        card = cardrepo.current_cards(s, [uid]).get(uid)
    issuer, key = keys.signing_key(ctx)
    if card is None or card.install_code != issuer:
        return None
    ident = CardIdentity(reg_no, card.serial, card.version, issuer)
    return make_payload(ident, key.sign(ident.message()))


def counts(ctx: Context) -> dict[str, int]:
    """Card rows by kind (print, copy, reprint) and how many are current."""
    with ctx.db.read() as s:
        return cardrepo.count_cards(s)


def participant_ids(ctx: Context, state: str) -> list[int]:
    """Ids of participants whose card is ``unprinted``, ``pending`` or ``handed``.

    Raises:
        InvalidInput: another state.
    """
    if state not in ("unprinted", "pending", "handed"):
        raise InvalidInput("cards.state", state=state)
    with ctx.db.read() as s:
        return cardrepo.participant_ids_with_card_state(s, state)


def selection_for(
    *,
    everyone: bool = False,
    unprinted: bool = False,
    nagari: str | None = None,
    reg_nos: Sequence[str] = (),
    ids: Sequence[int] = (),
) -> Selection:
    """A selection from keyword arguments (the command line and the GUI)."""
    return Selection(everyone, unprinted, nagari, tuple(reg_nos), tuple(ids))
