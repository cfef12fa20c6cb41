"""Receipts, both ways: the kabupaten writes one for an office (the outcome of each record of
its latest bundle, and the register's state of every record it registered); the office
imports it, its records follow the participant's life, and its next bundle starts after what
was acknowledged.

At an office, ``ack_revision`` is its own revision that the kabupaten has merged. While the
office has changes of its own not yet merged there, it takes only the kabupaten's decisions
(status past approval, KPJ, duplicates); otherwise the kabupaten's state is the record's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy.orm import Session

from app import __version__
from app.domain.install import Role
from app.domain.rows import HistoryEntry, ParticipantRow, StoredParticipant
from app.errors import NotFound, Refused
from app.services import chainhead, sequences
from app.services.actor import Actor
from app.services.actor import Role as AccountRole
from app.services.context import Context
from app.services.sync.decision import Outcome
from app.services.sync.files import refusal, sha256, write_verified
from app.services.sync.results import (
    RECEIPT_COUNTS,
    ImportResult,
    Progress,
    ReceiptOutcome,
    RecordOutcome,
    by_keys,
    history_json,
    list_of,
    open_payload,
    require_folder,
    stored_counts,
)
from app.services.trust import install_id, install_keypair, peer_keys
from app.store import repo
from app.store import sync as sync_store
from app.sync import container
from app.sync.container import Container, FormatError
from app.sync.manifest import ReceiptManifest, receipt_name
from app.sync.records import (
    OFFICE_FIELDS,
    RECORD_FIELDS,
    RecordError,
    card_key,
    decode_record,
)

_KAB_OWNED = ("kpj", "duplicate_of")


@dataclass(frozen=True)
class ReceiptWritten:
    """A receipt written for an office."""

    path: Path
    office: str
    sequence: int
    records: int


def write_receipt(
    ctx: Context,
    actor: Actor,
    office: str,
    out_dir: Path,
    now: dt.datetime | None = None,
) -> ReceiptWritten:
    """Write a receipt for ``office``: the outcome of each record of its latest bundle and
    this register's state of every record it registered.

    Raises:
        Refused: not the kabupaten, or an office whose key is not confirmed.
        NotFound: an office the ledger does not know.
    """
    actor.require(AccountRole.OPERATOR)
    ident = ctx.identity
    if ident.role is not Role.KABUPATEN:
        raise Refused("receipt.only_kabupaten")
    office = office.strip().upper()
    require_folder(out_dir)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    keys = install_keypair(ctx)
    with ctx.db.read() as s:
        peer = sync_store.get_peer(s, office)
    if peer is None:
        raise NotFound("office.unknown", office=office)
    if peer.confirmed_at is None or not peer.enc_key:
        raise Refused("office.not_confirmed", office=office)
    # Each receipt carries the kabupaten's signed head: offices hold it to the same rule.
    head = chainhead.sign_now(ctx, "receipt", now)
    with ctx.db.session() as s, sync_store.small_cache(s):
        peer = sync_store.get_peer(s, office)
        assert peer is not None and peer.enc_key is not None
        received = [r for r in sync_store.received_from(s, office) if r.status == "imported"]
        latest = received[-1] if received else None
        # The database writes encode_record's JSON of each record itself.
        rendered = sync_store.rendered_of_install(s, office, RECORD_FIELDS)
        state = container.Encoded(rendered, rendered=True)
        outcomes = latest.outcome.get("records", []) if latest else []
        payload = {
            "imported": [r.sequence for r in received],
            "outcomes": outcomes,
            "state": state,
            "voided_cards": [list(card_key(c)) for c in sync_store.voided_cards(s, office)],
        }
        if head is not None:
            held = chainhead.held_by(s, peer, "receipt")
            # The entries as text until packed (on a server, written by the server).
            payload["chain"] = chainhead.outgoing(s, held, head, encoded=True)
        previous = sync_store.sent(s, "receipt", office)
        sequence = max((x.sequence for x in previous), default=0) + 1
        counts = {"records": len(state), "outcomes": len(outcomes)}
        last_reg = sync_store.max_registration_seq(s, office)
        manifest = ReceiptManifest(
            sender=ident.install_code,
            regency=ident.regency,
            recipient=office,
            sequence=sequence,
            bundle_sequence=latest.sequence if latest else 0,
            bundle_sha256=latest.sha256 if latest else "",
            created_at=now,
            app_version=__version__,
            counts=counts,
            install_id=install_id(ctx),
            station_install_id=peer.install_id or "",
            station_last_reg=last_reg,
            chain=head,
            acked=(peer.chain_count, peer.chain_hash) if head and peer.chain_hash else None,
        )
        data = container.build(manifest.to_header(), payload, keys, bytes.fromhex(peer.enc_key))
        target = write_verified(out_dir / receipt_name(office, sequence), data)
        sync_store.add_sent(
            s,
            kind="receipt",
            recipient=office,
            sequence=sequence,
            sha256=sha256(data),
            file_name=target.name,
            created_at=now,
            counts=counts,
            cursor={"chain_count": head.count, "chain_hash": head.hash} if head is not None else {},
            acked_at=None,
        )
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ident.install_code,
            entity="install",
            entity_id=office,
            action="receipt_written",
            changes={"sequence": sequence, "file": target.name, "records": len(state)},
        )
    return ReceiptWritten(target, office, sequence, len(state))


# --- import of a receipt at an office -------------------------------------------------


def _office_status(local: ParticipantRow, kab: ParticipantRow) -> dict[str, Any]:
    """Status fields an office takes from the kabupaten while it has changes of its own
    not yet merged there."""
    if kab["status"] == "inactive" and local["status"] != "inactive":
        return {
            "status": kab["status"],
            "status_reason": kab["status_reason"],
            "status_date": kab["status_date"],
        }
    if kab["status"] in ("accepted", "active") and local["status"] in ("approved", "accepted"):
        return {"status": kab["status"]}
    return {}


def _check_receipt_header(
    ctx: Context, box: Container, name: str
) -> tuple[ReceiptManifest, sync_store.PeerRecord]:
    """The receipt's manifest, if it is for this office from its kabupaten; and that
    kabupaten."""
    ident = ctx.identity
    try:
        m = ReceiptManifest.from_header(box.header)
    except FormatError as exc:
        raise refusal(exc, name) from None
    if ident.role is not Role.KECAMATAN:
        raise Refused("bundle.receipt_at_kabupaten", name=name, office=m.recipient)
    if m.recipient != ident.install_code:
        raise Refused(
            "receipt.wrong_install", name=name, recipient=m.recipient, code=ident.install_code
        )
    with ctx.db.read() as s:
        kabs = sync_store.peers(s, role=Role.KABUPATEN.value)
    if not kabs:
        raise Refused("bundle.not_enrolled")
    kab = kabs[0]
    if m.sender != kab.install_code:
        raise Refused(
            "receipt.wrong_kabupaten", name=name, sender=m.sender, kabupaten=kab.install_code
        )
    if peer_keys(kab.sign_key, kab.enc_key) != box.sender_keys:
        raise Refused(
            "receipt.wrong_key",
            name=name,
            expected=kab.fingerprint or "",
            got=box.sender_keys.fingerprint,
        )
    if box.header["sealed"]["recipient_key"] != install_keypair(ctx).public.enc_key_id:
        raise Refused("bundle.recipient", name=name, code=ident.install_code)
    own_id = install_id(ctx)
    if m.station_install_id and m.station_install_id != own_id:
        # The kabupaten merges this station's bundles from another PC: one of the two is a
        # copy set up from the same enrolment file.
        raise Refused(
            "receipt.clone",
            name=name,
            office=ident.install_code,
            theirs=m.station_install_id[:8],
            ours=own_id[:8],
        )
    return m, kab


@dataclass(frozen=True)
class _ReceiptPayload:
    imported: list[Any]
    outcomes: list[Any]
    state: list[Any]
    voided: list[tuple[Any, ...]]
    chain: Any = None


def _read_payload(ctx: Context, box: Container, name: str) -> _ReceiptPayload:
    payload = open_payload(box, ctx, name)
    imported = list_of(payload, "imported", name)
    voided = [
        tuple(k)
        for k in list_of(payload, "voided_cards", name)
        if isinstance(k, list) and len(k) == 5 and k[0] == ctx.identity.install_code
    ]
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in imported):
        raise Refused("bundle.payload", name=name)
    return _ReceiptPayload(
        imported,
        list_of(payload, "outcomes", name),
        list_of(payload, "state", name),
        voided,
        payload.get("chain"),
    )


def import_receipt(
    ctx: Context,
    actor: Actor,
    data: bytes,
    name: str,
    box: Container,
    dry_run: bool,
    now: dt.datetime,
    progress: Progress,
) -> ImportResult:
    """Import a receipt at the office it is for (a preview when ``dry_run``)."""
    ident = ctx.identity
    m, kab = _check_receipt_header(ctx, box, name)
    digest = sha256(data)
    result = ImportResult("receipt", name, m.sender, m.sequence, "already")
    with ctx.db.read() as s:
        seen = sync_store.received_by_sha(s, digest)
        if seen is not None:
            result.counts = stored_counts(seen.outcome)
            return result
        received = sync_store.received_from(s, m.sender, "receipt")
        latest = max((r.sequence for r in received), default=0)
    if any(r.sequence == m.sequence for r in received):
        # Another file under a number already imported (a kabupaten reinstalled without
        # its key backup, or a forgery): never a second receipt with one number.
        raise Refused("receipt.sequence_reused", name=name, sequence=m.sequence, kabupaten=m.sender)
    progress(0, 1)
    payload = _read_payload(ctx, box, name)
    superseded = m.sequence < latest
    verdict = chainhead.incoming(m.sender, kab, m.chain, payload.chain, box.sender_keys.sign)
    if verdict.holds and not (superseded and verdict.kind == "behind"):
        seen_count = verdict.seen[0] if verdict.seen else 0
        raise Refused(
            f"chain.receipt_{verdict.kind}",
            name=name,
            kabupaten=m.sender,
            seen=seen_count,
            count=verdict.head.count if verdict.head else 0,
        )
    if dry_run:
        with ctx.db.read() as s:
            plan = _plan_receipt(ctx, s, payload, now, actor, m, superseded)
        result.status = "preview"
        result.counts, result.items = plan.counts, plan.items
        return result
    with ctx.db.session() as s:
        plan = _plan_receipt(ctx, s, payload, now, actor, m, superseded)
        sync_store.ack_sent(s, "bundle", payload.imported, now)
        if not superseded:
            plan.counts["cards_voided"] = sync_store.void_cards_by_key(
                s, ident.install_code, payload.voided, now
            )
        own_last = max(
            repo.registration_seq(s) or 0, sequences.read(ctx.data_dir).get("registration", 0)
        )
        if m.station_last_reg > own_last:
            result.numbers_ahead = (m.station_last_reg, own_last)
        _write_receipt_plan(ctx, s, plan)
        _keep_numbers_above(ctx, s, m.station_last_reg)
        if not superseded:
            chainhead.remember(s, m.sender, verdict)
            if m.acked is not None:
                sync_store.put_peer(
                    s, m.sender, chain_seen_count=m.acked[0], chain_seen_hash=m.acked[1]
                )
        sync_store.add_received(
            s,
            sha256=digest,
            kind="receipt",
            sender=m.sender,
            sequence=m.sequence,
            previous="",
            acked_upto=0,
            fingerprint=box.sender_keys.fingerprint,
            created_at=m.created_at,
            received_at=now,
            status="imported",
            file_name=name,
            held_file=None,
            counts=m.counts,
            outcome={"counts": plan.counts},
        )
        sync_store.put_peer(
            s,
            m.sender,
            last_sequence=max(kab.last_sequence, m.sequence),
            last_created_at=m.created_at,
            last_received_at=now,
        )
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ident.install_code,
            entity="install",
            entity_id=m.sender,
            action="receipt_import",
            changes={"sequence": m.sequence, "file": name, "counts": plan.counts},
        )
    result.status = "superseded" if superseded else "imported"
    result.counts, result.items = plan.counts, plan.items
    progress(1, 1)
    return result


def _write_receipt_plan(ctx: Context, s: Session, plan: _ReceiptPlan) -> None:
    own = ctx.identity.install_code
    sync_store.insert_participants(s, plan.inserts)
    for group in by_keys(plan.updates):
        sync_store.update_participants(s, group)
    sync_store.add_history_rows(s, plan.history)
    if plan.inserts:
        top = sync_store.max_registration_seq(s, own)
        current = repo.registration_seq(s) or 0
        if top > current:
            repo.set_registration_seq(s, top)
            sequences.write(ctx.data_dir, "registration", top)


def _keep_numbers_above(ctx: Context, s: Session, last_reg: int) -> None:
    """Never issue again a registration number the kabupaten already holds for this
    station (records lost with an old backup and not in the receipt's state)."""
    current = repo.registration_seq(s) or 0
    if last_reg > current:
        repo.set_registration_seq(s, last_reg)
        sequences.write(ctx.data_dir, "registration", last_reg)


@dataclass
class _ReceiptPlan:
    counts: dict[str, int]
    own: str
    source: str
    now: dt.datetime
    actor: str
    items: list[RecordOutcome] = field(default_factory=list)
    inserts: list[ParticipantRow] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)

    def entry(self, uid: str, changes: Mapping[str, Any], reason: str = "") -> None:
        """A history entry of this receipt about one record."""
        self.history.append(
            {
                "at": self.now,
                "actor": self.actor,
                "install_code": self.own,
                "entity": "participant",
                "entity_id": uid,
                "action": "receipt",
                "changes": history_json(changes),
                "reason": reason or self.source,
            }
        )

    def item(
        self, row: Mapping[str, Any], outcome: ReceiptOutcome, code: str = "", **params: Any
    ) -> None:
        """What the receipt did with one record."""
        self.items.append(
            RecordOutcome(
                row["uuid"],
                row["reg_no"],
                row["name"],
                row["nik"],
                outcome,
                code,
                params,
                str(params.get("other", "")),
                row["revision"],
            )
        )
        self.counts[outcome] += 1


@dataclass(frozen=True)
class _Said:
    """What a receipt says about this office's records."""

    state: list[ParticipantRow]  # the kabupaten's version of each
    refusals: dict[str, tuple[int, str, dict[str, Any]]]  # uuid → (revision, code, params)
    pending: dict[str, tuple[str, str, str]]  # uuid → (outcome, code, other)


def _said(own: str, payload: _ReceiptPayload) -> _Said:
    state: list[ParticipantRow] = []
    for obj in payload.state:
        try:
            r = decode_record(obj)
        except RecordError:
            continue
        if r["reg_no"].startswith(own + "-") and r["created_install"] == own:
            state.append(r)
    refusals: dict[str, tuple[int, str, dict[str, Any]]] = {}
    pending: dict[str, tuple[str, str, str]] = {}
    for o in payload.outcomes:
        if not (isinstance(o, list) and len(o) == 7 and isinstance(o[0], str)):
            continue
        uid, _reg, revision, outcome, code, params, other = o
        if not (isinstance(revision, int) and isinstance(params, dict)):
            continue
        if outcome == Outcome.REFUSED and isinstance(code, str):
            refusals[uid] = (revision, code, params)
        elif outcome in (Outcome.DUPLICATE, Outcome.CONFLICT):
            pending[uid] = (outcome, str(code), str(other))
    return _Said(state, refusals, pending)


def _plan_receipt(
    ctx: Context,
    s: Session,
    payload: _ReceiptPayload,
    now: dt.datetime,
    actor: Actor,
    m: ReceiptManifest,
    superseded: bool,
) -> _ReceiptPlan:
    """Decide what a receipt changes at this office (nothing for a superseded one)."""
    own = ctx.identity.install_code
    plan = _ReceiptPlan(
        dict.fromkeys(RECEIPT_COUNTS, 0), own, f"{m.sender} TT{m.sequence}", now, actor.username
    )
    if superseded:
        return plan
    said = _said(own, payload)
    uuids = [r["uuid"] for r in said.state] + list(said.refusals) + list(said.pending)
    local = sync_store.participants_by_uuid(s, uuids)
    # Refusals first: the record goes back to draft with the reason (if not changed since).
    for uid, (revision, code, params) in said.refusals.items():
        row = local.get(uid)
        if row is None:
            continue
        if code in UNEXPLAINED:
            # The kabupaten found the record's state unexplained by its history: it stays
            # as it is here (an entry of this receipt would vouch for it), shown as refused.
            plan.item(row, ReceiptOutcome.REFUSED, code, **params)
        elif row["revision"] == revision and row["status"] != "draft":
            _refused(plan, row, code, params)
    for uid, (_outcome, code, other) in said.pending.items():
        row = local.get(uid)
        if row is not None:
            plan.item(row, ReceiptOutcome.PENDING, code, other=other)
    for r in said.state:
        row = local.get(r["uuid"])
        if row is None:
            _restored(plan, r)
        else:
            _follow(plan, row, r)
    return plan


# Refusals of a record whose state its history does not explain (chain rule 2).
UNEXPLAINED = ("record.unexplained", "record.no_history")


def _refused(plan: _ReceiptPlan, row: StoredParticipant, code: str, params: dict[str, Any]) -> None:
    # From chain rule 2 on the history keeps the message's code and parameters (in the
    # changes), never text rendered in one language: a reader sees it in theirs.
    values = {
        "status": "draft",
        "status_reason": "refused",
        "status_date": plan.now.date(),
        "revision": row["revision"] + 1,
        "ack_revision": row["revision"] + 1,
    }
    plan.entry(
        row["uuid"],
        {"status": [row["status"], "draft"], "refused": [None, {"code": code, "params": params}]},
        plan.source,
    )
    cast(dict[str, Any], row).update(values)  # what follows sees the record as refused
    plan.updates.append({"id": row["id"], **values})
    plan.item(row, ReceiptOutcome.REFUSED, code, **params)


def _restored(plan: _ReceiptPlan, r: ParticipantRow) -> None:
    """A record of this office that its database no longer has (restored from a backup)."""
    values = r.copy()
    values["revision"] = values["ack_revision"] = max(r["ack_revision"], 1)
    plan.inserts.append(values)
    plan.entry(r["uuid"], {"restored": [None, r["reg_no"]]})
    plan.counts[ReceiptOutcome.RESTORED] += 1


_SYNCED_FIELDS = (*OFFICE_FIELDS, "status", "status_reason", "status_date", *_KAB_OWNED)


def _follow(plan: _ReceiptPlan, row: StoredParticipant, r: ParticipantRow) -> None:
    """The office's record follows the kabupaten's version of it."""
    kab: Mapping[str, Any] = r
    local: Mapping[str, Any] = row
    synced = row["revision"] <= max(row["ack_revision"], r["ack_revision"])
    if synced:
        # Nothing changed here that the kabupaten has not merged: its state is the record's.
        take = {k: kab[k] for k in _SYNCED_FIELDS}
    else:
        take = {k: kab[k] for k in _KAB_OWNED} | _office_status(row, r)
    changes = {k: [local[k], v] for k, v in take.items() if local[k] != v}
    new_ack = max(row["ack_revision"], min(r["ack_revision"], row["revision"]))
    if not changes:
        if new_ack != row["ack_revision"]:
            plan.updates.append({"id": row["id"], "ack_revision": new_ack})
        return
    revision = max(row["revision"], r["ack_revision"]) + 1
    # Only what changes: rewriting a name, even unchanged, would reindex it (FTS).
    values = {k: take[k] for k in changes} | {
        "revision": revision,
        "ack_revision": revision if synced else new_ack,
        "updated_at": plan.now,
        "updated_by": plan.actor,
        "updated_install": plan.own,
    }
    plan.updates.append({"id": row["id"], **values})
    plan.entry(row["uuid"], changes)
    status = values.get("status", row["status"])
    merged = dict(local) | values
    if "status" in changes and status in ("accepted", "active", "inactive"):
        plan.item(merged, ReceiptOutcome(status), other=r["duplicate_of"] or "")
    else:
        plan.item(merged, ReceiptOutcome.UPDATED)
