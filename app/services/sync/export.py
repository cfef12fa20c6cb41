"""An office's bundle: every approved record changed since the revision the kabupaten last
acknowledged, as full records with their history, and the cards and handovers since the
last acknowledged bundle; signed by the office and sealed for the kabupaten."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app import __version__
from app.domain import audit
from app.domain.install import Identity, Role
from app.domain.rows import HistoryEntry, StoredParticipant
from app.errors import Refused
from app.services import chainhead, sequences
from app.services.actor import Actor
from app.services.actor import Role as AccountRole
from app.services.context import Context
from app.services.sync.files import sha256, write_verified
from app.services.sync.results import Progress, noop, require_folder
from app.services.trust import install_id, install_keypair
from app.store import repo
from app.store import sync as sync_store
from app.sync import container
from app.sync.manifest import BundleManifest, bundle_name
from app.sync.records import (
    HISTORY_FIELDS,
    RECORD_FIELDS,
    encode_card,
    encode_event,
    encode_history,
    encode_record,
)


@dataclass(frozen=True)
class Exported:
    """A bundle written to the stick."""

    path: Path
    sequence: int
    sha256: str
    recipient: str
    counts: dict[str, int]
    # Registration numbers left out: rows whose history does not explain them (a ghost
    # without any history, or a row changed outside the application).
    held_back: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Chain:
    """Where this bundle stands in the office's chain of bundles."""

    sequence: int
    previous: str  # the hash of the bundle before it
    acked: int  # the newest bundle the kabupaten acknowledged
    base: sync_store.SentRecord | None  # that bundle


def _chain(s: Session, ctx: Context) -> _Chain:
    sent = sync_store.sent(s, "bundle")
    last = max((x.sequence for x in sent), default=0)
    sequence = max(last, sequences.read(ctx.data_dir).get("bundle", 0)) + 1
    prev = next((x for x in sent if x.sequence == sequence - 1), None)
    acked_sent = [x for x in sent if x.acked_at is not None]
    base = max(acked_sent, key=lambda x: x.sequence) if acked_sent else None
    return _Chain(sequence, prev.sha256 if prev else "", base.sequence if base else 0, base)


def _explained(
    records: list[StoredParticipant], history: list[HistoryEntry]
) -> tuple[list[StoredParticipant], list[str]]:
    """The records whose newest stamped history entry vouches for their state, and the
    registration numbers of the others (held back: the kabupaten would refuse them)."""
    vouched: dict[str, str] = {}
    for h in history:
        if h.get("state"):
            vouched[h["entity_id"]] = h.get("state", "")
    keep: list[StoredParticipant] = []
    held: list[str] = []
    for r in records:
        if vouched.get(r["uuid"]) == audit.state_digest(r):
            keep.append(r)
        else:
            held.append(r["reg_no"])
    return keep, held


def _rendered(
    s: Session, code: str
) -> tuple[container.Encoded, container.Encoded, int, list[str]] | None:
    """The records and their history as SQLite renders them (the same JSON as
    :func:`encode_record` and :func:`encode_history` write), the held-back check on the
    stored text: (records, history, inactive records, held back); None on a server."""
    records = sync_store.records_to_send(s, RECORD_FIELDS, audit.COMPARED)
    if records is None:
        return None
    history = sync_store.history_to_send(s, code, [r.uuid for r in records], HISTORY_FIELDS)
    vouched = {h.entity_id: h.state for h in history if h.state}
    sha = hashlib.sha256
    keep: set[str] = set()
    held: list[str] = []
    for r in records:
        if vouched.get(r.uuid) == sha(r.state_text.encode("utf-8")).hexdigest():
            keep.add(r.uuid)
        else:
            held.append(r.reg_no)
    if held:
        records = [r for r in records if r.uuid in keep]
        history = [h for h in history if h.entity_id in keep]
    inactive = sum(1 for r in records if r.status == "inactive")
    return (
        container.Encoded((r.json for r in records), rendered=True),
        container.Encoded((h.json for h in history), rendered=True),
        inactive,
        held,
    )


def _encoded(s: Session, code: str) -> tuple[container.Encoded, container.Encoded, int, list[str]]:
    """The same as :func:`_rendered`, through Python values (a PostgreSQL server)."""
    records = sync_store.participants_to_send(s)
    history = sync_store.history_rows_of(s, code, [r["uuid"] for r in records])
    records, held_back = _explained(records, history)
    if held_back:
        keep = {r["uuid"] for r in records}
        history = [h for h in history if h["entity_id"] in keep]
    return (
        container.Encoded(encode_record(r) for r in records),
        container.Encoded(encode_history(h) for h in history),
        sum(1 for r in records if r["status"] == "inactive"),
        held_back,
    )


def _payload(
    s: Session, ident: Identity, base: sync_store.SentRecord | None
) -> tuple[dict[str, Any], dict[str, int], list[str]]:
    """What the bundle carries, its counts, and the records held back."""
    code = ident.install_code
    records, history, inactive, held_back = _rendered(s, code) or _encoded(s, code)
    since = base.created_at if base else None
    cursor = base.cursor if base else {}
    cards = sync_store.cards_changed(s, code, int(cursor.get("card", 0)), since)
    events = sync_store.events_changed(s, code, int(cursor.get("event", 0)), since)
    payload = {
        "participants": records,
        "history": history,
        "cards": [encode_card(c) for c in cards],
        "handovers": [encode_event(e, items) for e, items in events],
    }
    counts = {
        "participants": len(records),
        "inactive": inactive,
        "history": len(history),
        "cards": len(cards),
        "handovers": len(events),
    }
    return payload, counts, held_back


def export_bundle(
    ctx: Context,
    actor: Actor,
    out_dir: Path,
    now: dt.datetime | None = None,
    progress: Progress = noop,
) -> Exported:
    """Write the next bundle of this office into ``out_dir`` (a USB stick).

    Raises:
        Refused: the kabupaten (it writes receipts), or an office not yet enrolled.
        InvalidInput: the folder does not exist.
        StorageError: the stick cannot be written or does not read back.
    """
    actor.require(AccountRole.OPERATOR)
    ident = ctx.identity
    if ident.role is not Role.KECAMATAN:
        raise Refused("bundle.only_office")
    require_folder(out_dir)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    keys = install_keypair(ctx)
    own_id = install_id(ctx)
    progress(0, 1)
    with ctx.db.read() as s:
        kabs = sync_store.peers(s, role=Role.KABUPATEN.value)
    if not kabs or not kabs[0].enc_key:
        raise Refused("bundle.not_enrolled")
    head = chainhead.sign_now(ctx, "bundle_export", now)
    with ctx.db.session() as s:
        kab = sync_store.get_peer(s, kabs[0].install_code)
        assert kab is not None and kab.enc_key is not None
        kab_key = kab.enc_key
        chain = _chain(s, ctx)
        cursor: dict[str, int | str] = dict(sync_store.max_ids(s))
        payload, counts, held_back = _payload(s, ident, chain.base)
        seen = (kab.chain_count, kab.chain_hash) if kab.chain_hash else None
        if head is not None:
            after = chainhead.held_by(s, kab, "bundle")
            payload["chain"] = chainhead.outgoing(s, after, head)
            payload["chain"]["entries"] = container.Encoded(payload["chain"]["entries"])
            cursor["chain_count"] = head.count
            cursor["chain_hash"] = head.hash  # held_by reads it without counting the chain
        progress(0, 1)
        assert ident.kecamatan is not None
        manifest = BundleManifest(
            sender=ident.install_code,
            regency=ident.regency,
            kecamatan=ident.kecamatan,
            recipient=kab.install_code,
            sequence=chain.sequence,
            previous=chain.previous,
            acked_upto=chain.acked,
            created_at=now,
            app_version=__version__,
            counts=counts,
            install_id=own_id,
            chain=head,
            seen=seen if head is not None else None,
        )
        data = container.build(manifest.to_header(), payload, keys, bytes.fromhex(kab_key))
        digest = sha256(data)
        # The number is burnt before the file exists: a failed commit leaves a gap, which
        # the next bundle covers; a restored database never reuses it.
        sequences.write(ctx.data_dir, "bundle", chain.sequence)
        progress(0, 1)
        target = write_verified(out_dir / bundle_name(ident.install_code, chain.sequence), data)
        try:
            sync_store.add_sent(
                s,
                kind="bundle",
                recipient=kab.install_code,
                sequence=chain.sequence,
                sha256=digest,
                file_name=target.name,
                created_at=now,
                counts=counts,
                cursor=cursor,
                acked_at=None,
            )
            repo.add_history(
                s,
                at=now,
                actor=actor.username,
                install_code=ident.install_code,
                entity="install",
                entity_id=ident.install_code,
                action="bundle_export",
                changes={"sequence": chain.sequence, "file": target.name, "counts": counts},
            )
            if held_back:
                repo.add_history(
                    s,
                    at=now,
                    actor=actor.username,
                    install_code=ident.install_code,
                    entity="install",
                    entity_id=ident.install_code,
                    action="bundle_held_back",
                    changes={"sequence": chain.sequence, "reg_nos": held_back},
                )
        except Exception:
            target.unlink(missing_ok=True)
            raise
    progress(1, 1)
    return Exported(target, chain.sequence, digest, kab.install_code, counts, tuple(held_back))
