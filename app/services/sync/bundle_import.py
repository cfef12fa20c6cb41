"""An office's bundle at the kabupaten: read and check it, plan the merge, preview it,
commit it in one transaction; and the dispatch of ``bundle import`` to receipts.

The kabupaten verifies the signature and the sender's confirmed key (an unconfirmed
office's bundles are held, see :mod:`app.services.sync.offices`), decrypts, checks the
manifest and the chain of bundles, and plans: the inputs of every record are read in bulk,
:func:`app.services.sync.decision.decide` decides each one, and the plan collects the
decisions. A preview shows the plan; the commit writes it, reusing the preview's plan when
the register has not changed since (:func:`register_token`). Importing the same file twice
changes nothing. A receipt for the office is written after the commit.

Revisions. At the kabupaten, ``ack_revision`` is the office's revision last merged; a
bundle's record is news when its revision is above that. Merges go field by field: the
office owns the personal data it registered, the kabupaten owns its decisions (status past
approval, KPJ, duplicates). A conflict is only a field changed on both sides since the last
merge.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.domain import audit
from app.domain.install import Role
from app.domain.participant import ERASED_DATE, ParticipantData, Programme, Sex
from app.domain.rows import (
    CardRow,
    HandoverEventRow,
    HistoryEntry,
    ParticipantRow,
    ReceivedHandoverItem,
    StoredParticipant,
)
from app.errors import Refused
from app.i18n import render
from app.services import chainhead
from app.services.actor import Actor
from app.services.actor import Role as AccountRole
from app.services.context import Context
from app.services.participants import check as check_participant
from app.services.sync.decision import (
    MERGE_ACTIONS,
    ConflictKind,
    Decision,
    Held,
    OfficeSays,
    Outcome,
    Pending,
    Problem,
    SoFar,
    decide,
    kab_changed_fields,
    office_changed_fields,
)
from app.services.sync.files import open_container, read_file, refusal, sha256, write_verified
from app.services.sync.receipts import import_receipt, write_receipt
from app.services.sync.results import (
    BUNDLE_COUNTS,
    ImportResult,
    Progress,
    RecordOutcome,
    by_keys,
    history_json,
    list_of,
    noop,
    open_payload,
    stored_counts,
)
from app.services.trust import own_keypair_for, peer_keys
from app.store import repo
from app.store import sync as sync_store
from app.store.concurrency import office_lock, retried
from app.store.files import shared
from app.sync.container import Container, FormatError
from app.sync.manifest import BundleManifest
from app.sync.records import (
    RecordError,
    decode_card,
    decode_event,
    decode_history,
    decode_record,
    encode_record,
    record_ids,
)

log = logging.getLogger(__name__)
_T = TypeVar("_T")


@retried
def import_file(
    ctx: Context,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    receipt_out: Path | None = None,
    now: dt.datetime | None = None,
    progress: Progress = noop,
    preview: ImportResult | None = None,
) -> ImportResult:
    """Import a bundle (at the kabupaten) or a receipt (at an office).

    ``preview``: the result of a dry run of the same file; its plan is reused when the
    register has not changed since (otherwise the merge is planned again).

    Raises:
        Refused: the file is not genuine, damaged, foreign, signed with the wrong key, made
            by a newer version, or of the wrong kind for this install; nothing changed.
        NotFound: no such file.
    """
    actor.require(AccountRole.OPERATOR)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    progress(0, 1)
    data = read_file(path)
    box = open_container(data, path.name)
    if box.kind == "enrolment":
        raise Refused("bundle.enrolment_file", name=path.name)
    if box.kind == "receipt":
        return import_receipt(ctx, actor, data, path.name, box, dry_run, now, progress)
    out = receipt_out if receipt_out is not None else path.parent
    prepared = preview.prepared if preview is not None else None
    reuse = prepared if isinstance(prepared, Prepared) else None
    with collector_paused():
        return import_bundle(ctx, actor, data, path.name, box, dry_run, out, now, progress, reuse)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector held off while a bundle is parsed, planned and merged: the
    millions of objects of 20,000 records all live on (none is garbage), and its full
    passes over them cost about a tenth of the import."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


# --- checks of the file ---------------------------------------------------------------


def _check_bundle_header(
    ctx: Context, box: Container, name: str
) -> tuple[BundleManifest, sync_store.PeerRecord | None]:
    ident = ctx.identity
    if ident.role is not Role.KABUPATEN:
        raise Refused("bundle.kabupaten_only", name=name, code=ident.install_code)
    try:
        m = BundleManifest.from_header(box.header)
    except FormatError as exc:
        raise refusal(exc, name) from None
    sealed_for = box.header["sealed"]["recipient_key"]
    if m.recipient != ident.install_code or own_keypair_for(ctx, sealed_for) is None:
        raise Refused("bundle.recipient", name=name, code=ident.install_code)
    kec = ctx.regions.get(m.kecamatan)
    if (
        m.regency != ident.regency
        or kec is None
        or kec.level != "kecamatan"
        or kec.parent != ident.regency
        or not m.sender.startswith(m.kecamatan.replace(".", "") + "-")
        or m.sender.endswith("-K")
    ):
        raise Refused("bundle.foreign", name=name, sender=m.sender, regency=ident.regency)
    with ctx.db.read() as s:
        peer = sync_store.get_peer(s, m.sender)
    if peer is not None and peer.confirmed_at is not None and peer.revoked_at is None:
        known = peer_keys(peer.sign_key, peer.enc_key)
        if known != box.sender_keys:
            raise Refused(
                "bundle.wrong_key",
                name=name,
                office=m.sender,
                expected=peer.fingerprint or "",
                got=box.sender_keys.fingerprint,
            )
        if peer.install_id and m.install_id and m.install_id != peer.install_id:
            raise Refused(
                "bundle.clone",
                name=name,
                office=m.sender,
                expected=peer.install_id[:8],
                got=m.install_id[:8],
            )
    return m, peer


def hold_reason(peer: sync_store.PeerRecord | None, fingerprint: str) -> str:
    """Why a bundle signed with the key of ``fingerprint`` is held, or "" when it is not.

    ``unconfirmed`` (the office's key waits for a person), ``other_key`` (a second key
    claims an office whose stored key is another: shown as a conflict), ``revoked`` (the
    office's key was revoked: a stolen station).
    """
    if peer is None:
        return "unconfirmed"
    if peer.revoked_at is not None:
        return "revoked"
    if peer.confirmed_at is not None:
        return ""
    if peer.fingerprint and peer.fingerprint != fingerprint:
        return "other_key"
    return "unconfirmed"


def _check_chain(s: Session, m: BundleManifest, fingerprint: str, digest: str, name: str) -> None:
    """The office's chain of bundles signed with one key: a number used once, each bundle
    naming the hash of the one before it."""
    same = sync_store.received_seq(s, m.sender, "bundle", m.sequence, fingerprint)
    if same is not None and same.sha256 != digest:
        raise Refused("bundle.sequence_reused", name=name, office=m.sender, sequence=m.sequence)
    before = sync_store.received_seq(s, m.sender, "bundle", m.sequence - 1, fingerprint)
    if before is not None and m.previous and m.previous != before.sha256:
        raise Refused("bundle.chain", name=name, office=m.sender, sequence=m.sequence)
    after = sync_store.received_seq(s, m.sender, "bundle", m.sequence + 1, fingerprint)
    if after is not None and after.previous and after.previous != digest:
        raise Refused("bundle.chain", name=name, office=m.sender, sequence=m.sequence)


# --- the import -----------------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    """A preview's plan, and the state of the register it was planned against."""

    digest: str
    token: tuple[object, ...]
    plan: _Plan


def register_token(ctx: Context, s: Session, now: dt.datetime) -> tuple[object, ...]:
    """What a plan depends on besides the bundle: this register (every change of it
    writes history), its conflicts, the age limits and today's date."""
    return (
        str(ctx.data_dir),
        now.date(),
        ctx.setting("age_min"),
        ctx.setting("age_max"),
        *sync_store.register_version(s),
    )


def import_bundle(
    ctx: Context,
    actor: Actor,
    data: bytes,
    name: str,
    box: Container,
    dry_run: bool,
    receipt_out: Path,
    now: dt.datetime,
    progress: Progress,
    prepared: Prepared | None = None,
) -> ImportResult:
    """Import an office's bundle at the kabupaten (a preview when ``dry_run``)."""
    m, peer = _check_bundle_header(ctx, box, name)
    digest = sha256(data)
    fingerprint = box.sender_keys.fingerprint
    with ctx.db.read() as s:
        seen = sync_store.received_by_sha(s, digest)
        _check_chain(s, m, fingerprint, digest, name)
    base = ImportResult("bundle", name, m.sender, m.sequence, "already")
    if seen is not None and seen.status == "imported":
        base.counts = stored_counts(seen.outcome)
        return base
    reason = hold_reason(peer, fingerprint)
    if reason:
        # Held on its signature and header alone: nothing of its body is decrypted,
        # decompressed or parsed until a person confirms the key that signed it.
        base.status = "held"
        base.hold_reason = reason
        base.fingerprint = fingerprint
        base.counts = {"participants": m.counts.get("participants", 0)}
        if not dry_run and seen is None:
            _hold(ctx, actor, data, name, m, box, digest, now, reason)
        return base
    if prepared is not None and prepared.digest != digest:
        prepared = None  # the preview of another file
    if dry_run:
        with ctx.db.read() as s:
            token = register_token(ctx, s, now)
            plan = _plan_bundle(
                ctx, s, m, _payload(ctx, box, name, progress), now, progress, box.sender_keys.sign
            )
        if _chain_holds(plan, peer):
            return _chain_held(base, plan.chain, fingerprint)
        counts = plan.counts() | {"cards": len(plan.cards), "handovers": len(plan.events)}
        result = ImportResult("bundle", name, m.sender, m.sequence, "preview", counts, plan.items)
        result.prepared = Prepared(digest, token, plan)
        return result
    # A preview of the same bytes has read and checked the payload already.
    payload: dict[str, Any] | None = None
    if prepared is None:
        payload = _payload(ctx, box, name, progress)
    from app.services.backup import auto_backup

    if not ctx.db.on_server:  # a server's backups are its own (docs/postgresql.md)
        auto_backup(ctx, "before-bundle-import")
    with ctx.db.session() as s:
        office_lock(s, m.sender)  # one office's bundles merge one at a time, in order
        _check_chain(s, m, fingerprint, digest, name)
        # On a server the office's history goes in while the records are decided (the
        # bulk writes of the plan and the commit run in the background: app.store.pg).
        with repo.in_background(s, ("history", "participant")):
            if prepared is not None and prepared.token == register_token(ctx, s, now):
                plan = prepared.plan  # the same file (its hash) and the same register
            else:
                payload = payload or _payload(ctx, box, name, progress)
                plan = _plan_bundle(
                    ctx,
                    s,
                    m,
                    payload,
                    now,
                    progress,
                    box.sender_keys.sign,
                    ahead=(lambda p: not _chain_holds(p, peer)) if ctx.db.on_server else None,
                )
            held = _chain_holds(plan, peer)
            card_counts: dict[str, int] = {}
            if not held:
                progress(0, 1)
                card_counts = _commit(s, ctx, actor, plan, box, digest, name, now, seen)
                chainhead.remember(s, m.sender, plan.chain)
                if m.seen is not None:
                    sync_store.put_peer(
                        s, m.sender, chain_seen_count=m.seen[0], chain_seen_hash=m.seen[1]
                    )
    if held:
        # Nothing of it merged: kept until a supervisor has checked with the office.
        if seen is None:
            _hold(ctx, actor, data, name, m, box, digest, now, "chain")
        else:
            with ctx.db.session() as s:
                sync_store.set_received(
                    s, seen.id, status="held", outcome={"held": "chain"}, received_at=now
                )
        return _chain_held(base, plan.chain, fingerprint)
    if seen is not None and seen.held_file:  # it was held: its copy is no longer needed
        (ctx.data_dir / "held" / seen.held_file).unlink(missing_ok=True)
    counts = plan.counts() | card_counts
    result = ImportResult("bundle", name, m.sender, m.sequence, "imported", counts, plan.items)
    progress(0, 1)
    try:
        result.receipt = write_receipt(ctx, actor, m.sender, receipt_out, now=now).path
    except Exception as exc:  # the import is committed; the receipt can be made again
        log.warning("receipt for %s not written: %s", m.sender, exc)
        result.receipt_error = str(exc)
    progress(1, 1)
    return result


def _chain_holds(plan: _Plan, peer: sync_store.PeerRecord | None) -> bool:
    """A bundle whose chain does not extend the head last seen from its office is held; an
    older bundle arriving late (its head behind, its sequence too) is harmless."""
    v = plan.chain
    if v.kind == "behind" and peer is not None:
        return plan.manifest.sequence >= peer.last_sequence
    return v.holds


def _chain_held(base: ImportResult, v: chainhead.Verdict, fingerprint: str) -> ImportResult:
    base.status = "held"
    base.hold_reason = "chain"
    base.fingerprint = fingerprint
    head = v.head
    seen = v.seen or (0, "")
    base.hold_message = render(
        f"chain.held_{v.kind}",
        office=base.sender,
        seen=seen[0],
        count=head.count if head else 0,
    )
    return base


def _payload(ctx: Context, box: Container, name: str, progress: Progress = noop) -> dict[str, Any]:
    """The bundle's payload, decrypted; refused unless its parts are lists."""
    progress(0, 1)
    payload = open_payload(box, ctx, name)
    for key in ("participants", "history", "cards", "handovers"):
        list_of(payload, key, name)
    return payload


def _hold(
    ctx: Context,
    actor: Actor,
    data: bytes,
    name: str,
    m: BundleManifest,
    box: Container,
    digest: str,
    now: dt.datetime,
    reason: str,
) -> None:
    """Keep a bundle until a person confirms the key that signed it. The key an office's
    first bundle brought is stored for it; a bundle signed with another key is kept as an
    entry of its own and never replaces it."""
    held_dir = ctx.data_dir / "held"
    held_name = f"{digest}.lbundle"
    write_verified(held_dir / held_name, data, private=not shared(ctx.data_dir))
    keys = box.sender_keys
    with ctx.db.session() as s:
        peer = sync_store.get_peer(s, m.sender)
        values: sync_store.PeerValues = {
            "role": Role.KECAMATAN.value,
            "regency_code": m.regency,
            "kecamatan_code": m.kecamatan,
        }
        if peer is None or not peer.sign_key:
            values |= {
                "sign_key": keys.sign.hex(),
                "enc_key": keys.enc.hex(),
                "fingerprint": keys.fingerprint,
            }
        sync_store.put_peer(s, m.sender, **values)
        sync_store.add_received(
            s,
            sha256=digest,
            kind="bundle",
            sender=m.sender,
            sequence=m.sequence,
            previous=m.previous,
            acked_upto=m.acked_upto,
            fingerprint=keys.fingerprint,
            created_at=m.created_at,
            received_at=now,
            status="held",
            file_name=name,
            held_file=held_name,
            counts=m.counts,
            outcome={"held": reason},
            install_id=m.install_id or None,
        )
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="install",
            entity_id=m.sender,
            action="bundle_held",
            changes={
                "sequence": m.sequence,
                "file": name,
                "fingerprint": keys.fingerprint,
                "reason": reason,
            },
        )


# --- the registration rules -----------------------------------------------------------


def _data_of(r: ParticipantRow) -> ParticipantData:
    progs = tuple(Programme(p) for p in r["programmes"].split(",") if p in Programme.__members__)
    return ParticipantData(
        nik=r["nik"],
        name=r["name"],
        birth_place=r["birth_place"],
        birth_date=r["birth_date"],
        sex=Sex(r["sex"]),
        nagari_code=r["nagari_code"],
        occupation=r["occupation"],
        address=r["address"],
        jorong=r["jorong"],
        phone=r["phone"],
        income=r["income"],
        funding=r["funding"],
        programmes=progs,
        coverage_start=r["coverage_start"],
        coverage_end=r["coverage_end"],
        override_reason=r["override_reason"],
    )


class _Validator:
    """The registration rules, applied to records of one office's kecamatan."""

    def __init__(self, ctx: Context, sender: str, kecamatan: str, today: dt.date) -> None:
        self.ctx = ctx
        self.sender = sender
        self.kecamatan = kecamatan
        self.villages = ctx.regions.villages(kecamatan)
        self.limits = (int(ctx.setting("age_min")), int(ctx.setting("age_max")))
        self.today = today

    def problem(self, r: ParticipantRow) -> Problem | None:
        """The first reason to refuse this record, or None."""
        sender = self.sender
        if r["created_install"] != sender or not r["reg_no"].startswith(sender + "-"):
            return "record.other_install", {"install": r["created_install"], "office": sender}
        if r["kecamatan_code"] != self.kecamatan:
            return "record.other_kecamatan", {
                "kecamatan": r["kecamatan_code"],
                "office": self.kecamatan,
            }
        if r["status"] == "draft":
            return "record.draft", {}
        programmes = [p for p in r["programmes"].split(",") if p]
        if not programmes or any(p not in Programme.__members__ for p in programmes):
            return "programmes.unknown", {"value": r["programmes"]}
        village = self.ctx.regions.get(r["nagari_code"])
        if village is None or village.parent != r["kecamatan_code"]:
            return "nagari.outside", {"nagari": r["nagari_code"]}
        checked = check_participant(
            self.ctx,
            _data_of(r),
            today=self.today,
            skip_duplicates=True,
            age_limits=self.limits,
            villages=self.villages,
        )
        for p in checked.problems:
            if p.overridable and r["override_reason"].strip():
                continue
            return p.code, dict(p.params)
        return None


# --- the plan -------------------------------------------------------------------------


@dataclass
class _Plan:
    """The preview of a bundle: each record's decision, and what committing it writes
    besides them. Nothing in it depends on when or by whom it is committed."""

    manifest: BundleManifest
    items: list[RecordOutcome] = field(default_factory=list)
    decided: list[tuple[ParticipantRow, StoredParticipant | None, Decision]] = field(
        default_factory=list
    )
    history: list[HistoryEntry] = field(default_factory=list)  # the office's, new here
    # The office's history was written already, while the records were decided (a merge
    # on a server: _plan_bundle's ``ahead``).
    history_written: bool = False
    a_data: dict[str, dict[str, Any]] = field(default_factory=dict)  # duplicates' record A
    # What the office's chain head and entries say against the head held for it.
    chain: chainhead.Verdict = field(default_factory=lambda: chainhead.Verdict(""))
    cards: list[CardRow] = field(default_factory=list)
    events: list[tuple[HandoverEventRow, list[ReceivedHandoverItem]]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many records had each outcome."""
        out = dict.fromkeys(BUNDLE_COUNTS, 0)
        for item in self.items:
            out[item.outcome] += 1
        return out


@dataclass(frozen=True)
class _OfficeHistory:
    """The office's history entries new to the register, and what they say."""

    entries: list[HistoryEntry]
    changes: dict[str, list[str]]  # uuid → the changes (JSON) of its entries that say some
    reactivated: set[str]
    # uuid → the state the office's newest stamped entry vouches for (chain rule 2).
    states: dict[str, str] = field(default_factory=dict)

    def changed(self, uid: str) -> frozenset[str] | None:
        """The office fields its entries changed (None when none says): read only for the
        records the register holds (a new record's 20,000 ``create`` entries are never
        compared)."""
        found = self.changes.get(uid)
        if found is None:
            return None
        out: frozenset[str] = frozenset()
        for changes in found:
            out |= office_changed_fields(changes)
        return out


def _office_entries(m: BundleManifest, raw: Sequence[Any]) -> list[HistoryEntry]:
    """The office's own entries about participants, decoded (a malformed one is left out)."""
    history: list[HistoryEntry] = []
    for obj in raw:
        try:
            h = decode_history(obj)
        except RecordError:
            continue
        if h["install_code"] == m.sender and h["entity"] == "participant":
            history.append(h)
    return history


def _office_history(
    history: Sequence[HistoryEntry], held_keys: set[tuple[str, str, str]]
) -> _OfficeHistory:
    """History first: entries the register does not hold yet (``held_keys``: those it
    holds) say what the office changed."""
    out = _OfficeHistory([], {}, set(), _states(history))
    for h in history:
        key = (h["entity_id"], h["at"].isoformat(), h["action"])
        if key in held_keys:
            continue
        held_keys.add(key)
        out.entries.append(h)
        if h["action"] in MERGE_ACTIONS:
            continue
        if h["action"] == "reactivate":
            out.reactivated.add(h["entity_id"])
        out.changes.setdefault(h["entity_id"], []).append(h["changes"])
    return out


def _states(history: Sequence[HistoryEntry]) -> dict[str, str]:
    """uuid → the state the office's newest stamped entry about it vouches for."""
    return {h["entity_id"]: h.get("state", "") for h in history if h.get("state")}


@contextmanager
def _meanwhile(ctx: Context, read: Callable[..., _T], *args: Any) -> Iterator[Future[_T]]:
    """``read(*args)``, a read of the session, while the block runs; the block must not
    touch the session until the result is taken.

    On a server the read is the server's work, in another process: it runs on a worker
    thread while this one goes on (decoding and checking records: for a 20,000-record
    bundle each side takes about half a second). SQLite reads in this process, and its
    connection stays in its own thread: there the read is done before the block."""
    if not ctx.db.on_server:
        done: Future[_T] = Future()
        done.set_result(read(*args))
        yield done
        return
    # The worker's driver needs the interpreter for a moment after each reply: this thread
    # hands it over every 0.5 ms instead of 5 (both threads run Python here).
    switch = sys.getswitchinterval()
    sys.setswitchinterval(min(switch, 0.0005))
    try:
        with ThreadPoolExecutor(1, thread_name_prefix="lindungi-read") as pool:
            yield pool.submit(read, *args)
    finally:
        sys.setswitchinterval(switch)


def _decode_records(
    plan: _Plan, raw: Sequence[Any], states: Mapping[str, str] | None
) -> tuple[list[ParticipantRow], dict[str, str]]:
    """The bundle's records decoded (a malformed one refused in ``plan``), and uuid → the
    reason of each that the office's history does not vouch for (with ``states``, the
    states it vouches for; None before chain rule 2)."""
    decoded: list[ParticipantRow] = []
    unvouched: dict[str, str] = {}
    for obj in raw:
        try:
            r = decode_record(obj)
        except RecordError as exc:
            uid, reg = record_ids(obj)
            params = {"field": exc.field}
            plan.items.append(
                RecordOutcome(uid, reg, "", "", Outcome.REFUSED, "record.malformed", params)
            )
            continue
        if states is not None and states.get(r["uuid"]) != audit.state_digest(r):
            unvouched[r["uuid"]] = (
                "record.unexplained" if r["uuid"] in states else "record.no_history"
            )
        decoded.append(r)
    return decoded, unvouched


def _cards_and_events(plan: _Plan, payload: Mapping[str, Any]) -> None:
    sender = plan.manifest.sender
    for obj in payload.get("cards", []):
        try:
            card = decode_card(obj)
        except RecordError:
            continue
        if card["install_code"] == sender:
            plan.cards.append(card)
    for obj in payload.get("handovers", []):
        try:
            event, items = decode_event(obj)
        except RecordError:
            continue
        if event["install_code"] == sender:
            plan.events.append((event, [i for i in items if i["card"][0] == sender]))


@dataclass(frozen=True)
class _Register:
    """What the register holds about the records of a bundle, read in bulk."""

    local: dict[str, StoredParticipant]
    reg_owner: dict[str, str]
    pending: dict[str, Pending]
    kab_hist: dict[str, list[tuple[str, str]]]
    holders: dict[str, list[sync_store.NikHolder]]

    def held(self, r: ParticipantRow) -> Held:
        """What the register holds about record ``r``."""
        uid = r["uuid"]
        entries = self.kab_hist.get(uid)
        return Held(
            row=self.local.get(uid),
            pending=self.pending.get(uid),
            reg_no_owner=self.reg_owner.get(r["reg_no"]),
            nik_holders=self.holders.get(r["nik"], ()),
            kab_fields=kab_changed_fields(entries) if entries else frozenset(),
        )


def _read_register(
    s: Session, kab: str, decoded: Sequence[ParticipantRow], reactivated: set[str]
) -> _Register:
    uuids = [r["uuid"] for r in decoded]
    local = sync_store.participants_by_uuid(s, uuids)
    reg_owner = sync_store.uuids_by_reg_no(
        s, [r["reg_no"] for r in decoded if r["uuid"] not in local]
    )
    pending = {
        uid: Pending(c.id, ConflictKind(c.kind), str(c.a_data.get("reg_no", "")))
        for uid, c in sync_store.open_conflicts_of(s, uuids).items()
    }
    kab_hist = sync_store.local_history(
        s, kab, [u for u, row in local.items() if row["revision"] > row["ack_revision"]]
    )
    # Only records that may take a NIK into the register are checked for its holders.
    candidates = [
        r["nik"]
        for r in decoded
        if r["status"] != "inactive"
        and (
            r["uuid"] not in local
            or r["nik"] != local[r["uuid"]]["nik"]
            or r["uuid"] in reactivated
        )
    ]
    holders = sync_store.holders_of_niks(s, candidates)
    return _Register(local, reg_owner, pending, kab_hist, holders)


_NO_HISTORY = OfficeSays()  # no history of the record came: its fields are compared


def _read_while_checking(
    ctx: Context,
    s: Session,
    decoded: Sequence[ParticipantRow],
    reactivated: set[str],
    check: Callable[[ParticipantRow], Problem | None],
    checked: dict[int, Problem | None],
) -> _Register:
    """What the register holds about ``decoded``, read while the registration rules run
    on them (their results put in ``checked`` by the id of each record).

    On a server the reads are the server's work, in another process: they run on a worker
    thread (the session untouched here until they end) while this one checks records, until
    the reads are done; the rest is checked as the decisions need it. A 20,000-record
    bundle's reads and rules each take about half a second. SQLite reads in this process
    (and its connection stays in its own thread): there the reads come first."""
    kab = ctx.identity.install_code
    with _meanwhile(ctx, _read_register, s, kab, decoded, reactivated) as reading:
        for r in decoded:
            if reading.done():
                break
            checked[id(r)] = check(r)
        return reading.result()


def _plan_bundle(
    ctx: Context,
    s: Session,
    m: BundleManifest,
    payload: Mapping[str, Any],
    now: dt.datetime,
    progress: Progress,
    sign_key: bytes,
    ahead: Callable[[_Plan], bool] | None = None,
) -> _Plan:
    """Decide what importing a bundle does with each record. Nothing is written, except
    with ``ahead`` (a merge, not a preview): when it says yes to the plan (the bundle's
    chain is not held), the office's new history entries, which every decision leaves as
    they are, go in once the register has been read, while the records are decided."""
    plan = _Plan(m)
    plan.chain = chainhead.incoming(
        m.sender, sync_store.get_peer(s, m.sender), m.chain, payload.get("chain"), sign_key
    )
    _cards_and_events(plan, payload)
    history = _office_entries(m, payload["history"])
    # From chain rule 2 on (a bundle with a chain head), a record merges only when the
    # office's own history vouches for exactly its state: no ghosts, no quiet edits.
    states = _states(history) if m.chain is not None else None
    uuids = sorted({h["entity_id"] for h in history})
    with _meanwhile(ctx, sync_store.history_keys, s, m.sender, uuids) as held_keys:
        decoded, unvouched = _decode_records(plan, payload["participants"], states)
    office = _office_history(history, held_keys.result())
    plan.history = office.entries
    validator = _Validator(ctx, m.sender, m.kecamatan, now.date()).problem
    checked: dict[int, Problem | None] = {}  # id of a record → its problem, found early

    def check(r: ParticipantRow) -> Problem | None:
        return checked[id(r)] if id(r) in checked else validator(r)

    if unvouched:  # refused with the registration rules' reason first, if they have one
        for r in decoded:
            code = unvouched.get(r["uuid"])
            if code is not None:
                problem = check(r)
                code, params = problem if problem else (code, {})
                plan.items.append(
                    RecordOutcome(
                        r["uuid"], r["reg_no"], r["name"], r["nik"], Outcome.REFUSED, code, params
                    )
                )
        decoded = [r for r in decoded if r["uuid"] not in unvouched]
    register = _read_while_checking(ctx, s, decoded, office.reactivated, validator, checked)
    if ahead is not None and plan.history and ahead(plan):
        # On a server inside repo.in_background: the server writes them from here on.
        sync_store.add_history_rows(s, plan.history)
        plan.history_written = True
    so_far = SoFar()
    total = len(decoded)
    for i, r in enumerate(decoded):
        if i % 2000 == 0:
            progress(i, total)
        uid = r["uuid"]
        held = register.held(r)
        # What the office changed is compared only with a record the register holds.
        changed = office.changed(uid) if held.row is not None else None
        reactivated = uid in office.reactivated
        news = changed is not None or reactivated
        says = OfficeSays(changed, reactivated) if news else _NO_HISTORY
        d = decide(r, held, says, so_far, check)
        so_far.seen.add(uid)
        if d.claim is not None:
            so_far.claims[d.claim[0]] = d.claim[1]
        # A new record is kept once, as it will be stored (the same uuid and erasure): 20,000
        # decoded copies beside their inserts were a third of the plan's memory.
        plan.decided.append((r if d.insert is None else d.insert, held.row, d))
        plan.items.append(
            RecordOutcome(
                uid,
                r["reg_no"],
                r["name"],
                r["nik"],
                d.outcome,
                d.code,
                d.params,
                d.other,
                r["revision"],
            )
        )
    progress(total, total)
    _name_records_a(s, plan)
    return plan


def _name_records_a(s: Session, plan: _Plan) -> None:
    """Conflicts name the register's record A as it is now (or as this bundle brings it)."""
    wanted = [
        d.conflict.a_uuid
        for _r, _row, d in plan.decided
        if d.conflict is not None and d.conflict.existing is None and d.conflict.a_row is None
    ]
    rows: Mapping[str, Mapping[str, Any]] = sync_store.participants_by_uuid(s, wanted)
    inserted = {d.insert["uuid"]: d.insert for _r, _row, d in plan.decided if d.insert}
    for a_uuid in wanted:
        plan.a_data[a_uuid] = encode_record(rows.get(a_uuid) or inserted[a_uuid])


# --- the commit -----------------------------------------------------------------------


@dataclass
class _Writes:
    """The rows a plan writes, for one commit (its time and person)."""

    inserts: list[ParticipantRow] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    acks: list[dict[str, Any]] = field(default_factory=list)
    erasures: list[tuple[int, str, dt.datetime]] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)
    new_conflicts: list[sync_store.NewConflict] = field(default_factory=list)
    conflict_updates: list[tuple[int, sync_store.ConflictChanges]] = field(default_factory=list)


_NO_CHANGES = history_json({})  # a new record's entry: made once, not 20,000 times


def _writes(plan: _Plan, kab: str, actor: str, now: dt.datetime) -> _Writes:
    m = plan.manifest
    source = f"{m.sender} #{m.sequence}"
    out = _Writes(history=[] if plan.history_written else list(plan.history))
    for r, row, d in plan.decided:
        if d.insert is not None:
            out.inserts.append(d.insert)
        if row is not None and d.update is not None:
            out.updates.append({"id": row["id"], **d.update})
        if row is not None and d.ack is not None:
            out.acks.append({"id": row["id"], "ack_revision": d.ack})
        if row is not None and d.erase and r["erased_at"] is not None:
            out.erasures.append((row["id"], r["uuid"], r["erased_at"]))
        # Every record the register takes or changes gets an entry of its own here: the
        # entry vouches for the row's state (an office's entries vouch for the office's).
        touched = d.insert is not None or (
            row is not None and (d.update is not None or (d.erase and r["erased_at"]))
        )
        if d.changes or touched:
            out.history.append(
                {
                    "at": now,
                    "actor": actor,
                    "install_code": kab,
                    "entity": "participant",
                    "entity_id": r["uuid"],
                    "action": "bundle_merge",
                    "changes": history_json({k: list(v) for k, v in d.changes.items()})
                    if d.changes
                    else _NO_CHANGES,
                    "reason": source,
                }
            )
        if d.withdraw is not None:
            withdrawn: sync_store.ConflictChanges = {
                "decision": "withdrawn",
                "decided_at": now,
                "decided_by": actor,
                "note": source,
                "updated_at": now,
            }
            out.conflict_updates.append((d.withdraw, withdrawn))
        _conflict_writes(out, plan, r, d, now)
    return out


def _conflict_writes(
    out: _Writes, plan: _Plan, r: ParticipantRow, d: Decision, now: dt.datetime
) -> None:
    c = d.conflict
    if c is None:
        return
    b_data = encode_record(r)
    if c.existing is not None:
        newer: sync_store.ConflictChanges = {
            "b_data": b_data,
            "sequence": plan.manifest.sequence,
            "updated_at": now,
        }
        out.conflict_updates.append((c.existing, newer))
        return
    a_data = encode_record(c.a_row) if c.a_row is not None else plan.a_data[c.a_uuid]
    out.new_conflicts.append(
        {
            "kind": c.kind.value,
            "nik": c.nik,
            "a_uuid": c.a_uuid,
            "b_uuid": r["uuid"],
            "a_data": a_data,
            "b_data": b_data,
            "source": plan.manifest.sender,
            "sequence": plan.manifest.sequence,
        }
    )


def _commit(
    s: Session,
    ctx: Context,
    actor: Actor,
    plan: _Plan,
    box: Container,
    digest: str,
    name: str,
    now: dt.datetime,
    seen: sync_store.ReceivedRecord | None,
) -> dict[str, int]:
    m = plan.manifest
    w = _writes(plan, ctx.identity.install_code, actor.username, now)
    for group in by_keys(w.updates):
        sync_store.update_participants(s, group)
    sync_store.update_participants(s, w.acks)
    for pid, uid, erased_at in w.erasures:
        repo.erase_participant(s, pid, erased_at, ERASED_DATE)
        repo.redact_history(s, uid)
    # The new records go in with their entries: each pointing at the entry that vouches
    # for it, the entries stamped with their Python values' state (nothing read back).
    sync_store.insert_with_history(s, w.inserts, w.history)
    for c in w.new_conflicts:
        sync_store.add_conflict(s, c, now)
    for cid, values in w.conflict_updates:
        sync_store.update_conflict(s, cid, **values)
    card_counts = sync_store.apply_cards(s, plan.cards, now)
    card_counts["handovers"] = sync_store.apply_events(s, plan.events)
    counts = plan.counts() | card_counts
    outcome = {
        "counts": counts,
        "records": [
            [i.uuid, i.reg_no, i.revision, i.outcome.value, i.code, dict(i.params), i.other]
            for i in plan.items
            if i.outcome in (Outcome.REFUSED, Outcome.CONFLICT, Outcome.DUPLICATE)
        ],
    }
    if seen is not None:  # a held bundle, now merged
        sync_store.set_received(s, seen.id, status="imported", outcome=outcome, received_at=now)
    else:
        sync_store.add_received(
            s,
            sha256=digest,
            kind="bundle",
            sender=m.sender,
            sequence=m.sequence,
            previous=m.previous,
            acked_upto=m.acked_upto,
            fingerprint=box.sender_keys.fingerprint,
            created_at=m.created_at,
            received_at=now,
            status="imported",
            file_name=name,
            held_file=None,
            counts=m.counts,
            outcome=outcome,
            install_id=m.install_id or None,
        )
    peer = sync_store.get_peer(s, m.sender)
    assert peer is not None
    newest = m.sequence >= peer.last_sequence
    sync_store.put_peer(
        s,
        m.sender,
        last_sequence=max(peer.last_sequence, m.sequence),
        last_created_at=m.created_at if newest else peer.last_created_at,
        last_received_at=now,
        install_id=peer.install_id or m.install_id or None,
    )
    repo.add_history(
        s,
        at=now,
        actor=actor.username,
        install_code=ctx.identity.install_code,
        entity="install",
        entity_id=m.sender,
        action="bundle_import",
        changes={"sequence": m.sequence, "file": name, "counts": counts},
    )
    return card_counts
