"""Sync by USB stick: bundles up from the offices, the kabupaten's merge, receipts back.

An **office** (kecamatan station) exports every approved record changed since the revision
the kabupaten last acknowledged, as full records with their history, signed by the office
and sealed for the kabupaten. The **kabupaten** verifies the signature and the sender's
confirmed key (an unconfirmed office's bundles are held), decrypts, checks the manifest and
the chain of bundles, and previews what is new, changed, unchanged, conflicting, a likely
duplicate, or refused; the commit is one transaction, and importing the same file twice
changes nothing. It then writes a **receipt** for the office: the outcome of each record
and its own state of every record of that office. The office imports the receipt with the
same command; its records follow the participant's life and its next bundle starts after
what was acknowledged.

Revisions. Each side counts its own changes of a record in ``revision``. At an office,
``ack_revision`` is its own revision that the kabupaten has merged (a receipt says so); at
the kabupaten it is the office's revision last merged. A bundle's record is news for the
kabupaten when its revision is above that. Merges go field by field: the office owns the
personal data it registered, the kabupaten owns its decisions (status past approval, KPJ,
duplicates). A conflict is only a field changed on both sides since the last merge.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import __version__
from app.domain.install import Role
from app.domain.participant import ERASED_DATE, ParticipantData, Programme, Sex
from app.errors import InvalidInput, NotFound, Refused
from app.services import sequences
from app.services.actor import Actor
from app.services.actor import Role as AccountRole
from app.services.context import Context
from app.services.participants import check as check_participant
from app.services.syncfiles import (
    open_container,
    read_file,
    refusal,
    sha256,
    write_verified,
)
from app.services.trust import install_keypair, normalise_fingerprint, peer_keys
from app.store import cardrepo, repo
from app.store import sync as store
from app.sync import container
from app.sync.container import Container, FormatError
from app.sync.manifest import BundleManifest, ReceiptManifest, bundle_name, receipt_name
from app.sync.records import (
    OFFICE_FIELDS,
    STATUS_FIELDS,
    RecordError,
    card_key,
    decode_card,
    decode_event,
    decode_history,
    decode_record,
    encode_card,
    encode_event,
    encode_history,
    encode_record,
    record_ids,
)

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]

# History actions written by sync itself: they are not edits of either side.
MERGE_ACTIONS = ("bundle_new", "bundle_merge", "conflict_resolved", "receipt")
_CHANGE_KEYS = frozenset(OFFICE_FIELDS)


def _noop(_stage: str, _done: int, _total: int) -> None:
    pass


def _require_folder(path: Path) -> None:
    if not path.is_dir():
        raise InvalidInput("folder.missing", path=str(path))


def _history_json(changes: dict[str, Any]) -> str:
    return json.dumps(changes, ensure_ascii=False, default=str)


# --- export (office) ------------------------------------------------------------------


@dataclass(frozen=True)
class Exported:
    """A bundle written to the stick."""

    path: Path
    sequence: int
    sha256: str
    recipient: str
    counts: dict[str, int]


def export_bundle(
    ctx: Context,
    actor: Actor,
    out_dir: Path,
    now: dt.datetime | None = None,
    progress: Progress = _noop,
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
    _require_folder(out_dir)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    keys = install_keypair(ctx)
    progress("read", 0, 1)
    with ctx.db.session() as s:
        kabs = store.peers(s, role=Role.KABUPATEN.value)
        if not kabs or not kabs[0].enc_key:
            raise Refused("bundle.not_enrolled")
        kab = kabs[0]
        sent = store.sent(s, "bundle")
        last = max((x.sequence for x in sent), default=0)
        sequence = max(last, sequences.read(ctx.data_dir).get("bundle", 0)) + 1
        prev = next((x for x in sent if x.sequence == sequence - 1), None)
        acked_sent = [x for x in sent if x.acked_at is not None]
        acked = max((x.sequence for x in acked_sent), default=0)
        base = max(acked_sent, key=lambda x: x.sequence) if acked_sent else None
        since = base.created_at if base else None
        records = store.participants_to_send(s)
        uuids = [r["uuid"] for r in records]
        history = store.history_rows_of(s, ident.install_code, uuids)
        cursor = store.max_ids(s)
        code = ident.install_code
        cards = store.cards_changed(s, code, base.cursor.get("card", 0) if base else 0, since)
        events = store.events_changed(s, code, base.cursor.get("event", 0) if base else 0, since)
        progress("pack", 0, 1)
        payload = {
            "participants": [encode_record(r) for r in records],
            "history": [encode_history(h) for h in history],
            "cards": [encode_card(c) for c in cards],
            "handovers": [encode_event(e, items) for e, items in events],
        }
        counts = {
            "participants": len(records),
            "inactive": sum(1 for r in records if r["status"] == "inactive"),
            "history": len(history),
            "cards": len(cards),
            "handovers": len(events),
        }
        assert ident.kecamatan is not None
        manifest = BundleManifest(
            sender=ident.install_code,
            regency=ident.regency,
            kecamatan=ident.kecamatan,
            recipient=kab.install_code,
            sequence=sequence,
            previous=prev.sha256 if prev else "",
            acked_upto=acked,
            created_at=now,
            app_version=__version__,
            counts=counts,
        )
        assert kab.enc_key is not None
        data = container.build(manifest.to_header(), payload, keys, bytes.fromhex(kab.enc_key))
        digest = sha256(data)
        # The number is burnt before the file exists: a failed commit leaves a gap, which
        # the next bundle covers; a restored database never reuses it.
        sequences.write(ctx.data_dir, "bundle", sequence)
        progress("write", 0, 1)
        target = write_verified(out_dir / bundle_name(ident.install_code, sequence), data)
        try:
            store.add_sent(
                s,
                kind="bundle",
                recipient=kab.install_code,
                sequence=sequence,
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
                changes={"sequence": sequence, "file": target.name, "counts": counts},
            )
        except Exception:
            target.unlink(missing_ok=True)
            raise
    progress("done", 1, 1)
    return Exported(target, sequence, digest, kab.install_code, counts)


# --- results --------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordOutcome:
    """What an import does (or did) with one record.

    ``outcome``: ``new``, ``changed``, ``unchanged``, ``conflict``, ``duplicate`` or
    ``refused`` for a bundle; for a receipt ``accepted``, ``active``, ``inactive``,
    ``refused``, ``pending``, ``restored`` or ``updated``.
    """

    uuid: str
    reg_no: str
    name: str
    nik: str
    outcome: str
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    other: str = ""  # the other record's registration number (duplicates)
    revision: int = 0


@dataclass
class ImportResult:
    """What ``bundle import`` did with one file."""

    kind: str  # bundle | receipt
    file: str
    sender: str
    sequence: int
    status: str  # imported | preview | already | held | superseded
    counts: dict[str, int] = field(default_factory=dict)
    items: list[RecordOutcome] = field(default_factory=list)
    receipt: Path | None = None
    receipt_error: str | None = None
    fingerprint: str | None = None
    gaps: list[int] = field(default_factory=list)

    @property
    def held(self) -> bool:
        """True when the bundle waits for its office's key to be confirmed (exit 3)."""
        return self.status == "held"


BUNDLE_COUNTS = ("new", "changed", "unchanged", "conflicts", "duplicates", "refused")


# --- import: reading and dispatch -----------------------------------------------------


def import_file(
    ctx: Context,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    receipt_out: Path | None = None,
    now: dt.datetime | None = None,
    progress: Progress = _noop,
) -> ImportResult:
    """Import a bundle (at the kabupaten) or a receipt (at an office).

    Raises:
        Refused: the file is not genuine, damaged, foreign, signed with the wrong key, made
            by a newer version, or of the wrong kind for this install; nothing changed.
        NotFound: no such file.
    """
    actor.require(AccountRole.OPERATOR)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    progress("read", 0, 1)
    data = read_file(path)
    box = open_container(data, path.name)
    if box.kind == "enrolment":
        raise Refused("bundle.enrolment_file", name=path.name)
    if box.kind == "receipt":
        return _import_receipt(ctx, actor, data, path.name, box, dry_run, now, progress)
    out = receipt_out if receipt_out is not None else path.parent
    return _import_bundle(ctx, actor, data, path.name, box, dry_run, out, now, progress)


def _open(box: Container, ctx: Context, name: str) -> dict[str, Any]:
    try:
        return container.open_payload(box, install_keypair(ctx))
    except FormatError as exc:
        raise refusal(exc, name, code=ctx.identity.install_code) from None


def _list_of(payload: dict[str, Any], key: str, name: str) -> list[Any]:
    value = payload.get(key, [])
    if not isinstance(value, list):
        raise Refused("bundle.payload", name=name)
    return value


# --- import of a bundle at the kabupaten ----------------------------------------------


@dataclass
class _Plan:
    """The preview of a bundle, and what committing it writes."""

    manifest: BundleManifest
    items: list[RecordOutcome] = field(default_factory=list)
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    acks: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    new_conflicts: list[dict[str, Any]] = field(default_factory=list)
    conflict_updates: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    cards: list[dict[str, Any]] = field(default_factory=list)
    events: list[tuple[dict[str, Any], list[dict[str, Any]]]] = field(default_factory=list)
    erasures: list[tuple[int, str, dt.datetime]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(BUNDLE_COUNTS, 0)
        names = {"conflict": "conflicts", "duplicate": "duplicates"}
        for item in self.items:
            out[names.get(item.outcome, item.outcome)] += 1
        return out


def _check_bundle_header(
    ctx: Context, box: Container, name: str
) -> tuple[BundleManifest, store.PeerRecord | None]:
    ident = ctx.identity
    if ident.role is not Role.KABUPATEN:
        raise Refused("bundle.kabupaten_only", name=name, code=ident.install_code)
    try:
        m = BundleManifest.from_header(box.header)
    except FormatError as exc:
        raise refusal(exc, name) from None
    own = install_keypair(ctx).public
    if m.recipient != ident.install_code or box.header["sealed"]["recipient_key"] != own.enc_key_id:
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
        peer = store.get_peer(s, m.sender)
    if peer is not None and peer.confirmed_at is not None:
        known = peer_keys(peer.sign_key, peer.enc_key)
        if known != box.sender_keys:
            raise Refused(
                "bundle.wrong_key",
                name=name,
                office=m.sender,
                expected=peer.fingerprint or "",
                got=box.sender_keys.fingerprint,
            )
    return m, peer


def _check_chain(s: Any, m: BundleManifest, digest: str, name: str) -> None:
    same = store.received_seq(s, m.sender, "bundle", m.sequence)
    if same is not None and same.sha256 != digest:
        raise Refused("bundle.sequence_reused", name=name, office=m.sender, sequence=m.sequence)
    before = store.received_seq(s, m.sender, "bundle", m.sequence - 1)
    if before is not None and m.previous and m.previous != before.sha256:
        raise Refused("bundle.chain", name=name, office=m.sender, sequence=m.sequence)
    after = store.received_seq(s, m.sender, "bundle", m.sequence + 1)
    if after is not None and after.previous and after.previous != digest:
        raise Refused("bundle.chain", name=name, office=m.sender, sequence=m.sequence)


def _import_bundle(
    ctx: Context,
    actor: Actor,
    data: bytes,
    name: str,
    box: Container,
    dry_run: bool,
    receipt_out: Path,
    now: dt.datetime,
    progress: Progress,
) -> ImportResult:
    m, peer = _check_bundle_header(ctx, box, name)
    digest = sha256(data)
    with ctx.db.read() as s:
        seen = store.received_by_sha(s, digest)
        _check_chain(s, m, digest, name)
    base = ImportResult("bundle", name, m.sender, m.sequence, "already")
    if seen is not None and seen.status == "imported":
        base.counts = dict(seen.outcome.get("counts", {}))
        return base
    progress("decrypt", 0, 1)
    payload = _open(box, ctx, name)
    records = _list_of(payload, "participants", name)
    _list_of(payload, "history", name)
    _list_of(payload, "cards", name)
    _list_of(payload, "handovers", name)
    confirmed = peer is not None and peer.confirmed_at is not None
    if not confirmed:
        base.status = "held"
        base.fingerprint = box.sender_keys.fingerprint
        base.counts = {"participants": len(records)}
        if not dry_run and seen is None:
            _hold(ctx, actor, data, name, m, box, digest, now)
        return base
    if dry_run:
        with ctx.db.read() as s:
            plan = _plan_bundle(ctx, s, m, payload, now, actor, progress)
        counts = plan.counts() | {"cards": len(plan.cards), "handovers": len(plan.events)}
        return ImportResult("bundle", name, m.sender, m.sequence, "preview", counts, plan.items)
    from app.services.backup import auto_backup

    auto_backup(ctx, "before-bundle-import")
    with ctx.db.session() as s:
        _check_chain(s, m, digest, name)
        plan = _plan_bundle(ctx, s, m, payload, now, actor, progress)
        progress("commit", 0, 1)
        card_counts = _commit(s, ctx, actor, plan, m, box, digest, name, now, seen)
    if seen is not None and seen.held_file:  # it was held: its copy is no longer needed
        (ctx.data_dir / "held" / seen.held_file).unlink(missing_ok=True)
    counts = plan.counts() | card_counts
    result = ImportResult("bundle", name, m.sender, m.sequence, "imported", counts, plan.items)
    progress("receipt", 0, 1)
    try:
        result.receipt = write_receipt(ctx, actor, m.sender, receipt_out, now=now).path
    except Exception as exc:  # the import is committed; the receipt can be made again
        log.warning("receipt for %s not written: %s", m.sender, exc)
        result.receipt_error = str(exc)
    progress("done", 1, 1)
    return result


def _hold(
    ctx: Context,
    actor: Actor,
    data: bytes,
    name: str,
    m: BundleManifest,
    box: Container,
    digest: str,
    now: dt.datetime,
) -> None:
    """Keep a bundle of an unconfirmed office until a person confirms its fingerprint."""
    held_dir = ctx.data_dir / "held"
    held_name = f"{digest}.lbundle"
    write_verified(held_dir / held_name, data)
    keys = box.sender_keys
    with ctx.db.session() as s:
        peer = store.get_peer(s, m.sender)
        values: dict[str, Any] = {
            "role": Role.KECAMATAN.value,
            "regency_code": m.regency,
            "kecamatan_code": m.kecamatan,
        }
        if peer is None or peer.sign_key != keys.sign.hex() or peer.enc_key != keys.enc.hex():
            values |= {
                "sign_key": keys.sign.hex(),
                "enc_key": keys.enc.hex(),
                "fingerprint": keys.fingerprint,
            }
        store.put_peer(s, m.sender, **values)
        store.add_received(
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
            outcome={},
        )
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="install",
            entity_id=m.sender,
            action="bundle_held",
            changes={"sequence": m.sequence, "file": name, "fingerprint": keys.fingerprint},
        )


def _data_of(r: dict[str, Any]) -> ParticipantData:
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

    def __init__(self, ctx: Context, kecamatan: str, today: dt.date) -> None:
        self.ctx = ctx
        self.kecamatan = kecamatan
        self.villages = ctx.regions.villages(kecamatan)
        self.limits = (int(ctx.setting("age_min")), int(ctx.setting("age_max")))
        self.today = today

    def problem(self, r: dict[str, Any], sender: str) -> tuple[str, dict[str, Any]] | None:
        """The first reason to refuse this record, or None."""
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


def _kab_changed_fields(entries: list[tuple[str, str]]) -> set[str]:
    """Office fields the kabupaten itself changed since the record was last merged."""
    out: set[str] = set()
    for action, changes in entries:
        if action in MERGE_ACTIONS:
            out.clear()
            continue
        if action == "create":
            continue
        try:
            keys = json.loads(changes).keys()
        except (ValueError, AttributeError):
            continue
        out |= _CHANGE_KEYS.intersection(keys)
    return out


def _status_after_merge(
    local: dict[str, Any], incoming: dict[str, Any], reactivated: bool
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


def _plan_bundle(
    ctx: Context,
    s: Any,
    m: BundleManifest,
    payload: dict[str, Any],
    now: dt.datetime,
    actor: Actor,
    progress: Progress,
) -> _Plan:
    """Decide, without writing, what importing a bundle does with each record."""
    plan = _Plan(m)
    raw_records: list[Any] = payload["participants"]
    raw_history: list[Any] = payload["history"]
    for obj in payload.get("cards", []):
        try:
            card = decode_card(obj)
        except RecordError:
            continue
        if card["install_code"] == m.sender:
            plan.cards.append(card)
    for obj in payload.get("handovers", []):
        try:
            event, items = decode_event(obj)
        except RecordError:
            continue
        if event["install_code"] == m.sender:
            plan.events.append((event, [i for i in items if i["card"][0] == m.sender]))
    kab = ctx.identity.install_code
    source = f"{m.sender} #{m.sequence}"
    validator = _Validator(ctx, m.kecamatan, now.date())
    total = len(raw_records)

    # History first: entries the register does not hold yet say what the office changed.
    history: list[dict[str, Any]] = []
    for obj in raw_history:
        try:
            h = decode_history(obj)
        except RecordError:
            continue
        if h["install_code"] == m.sender and h["entity"] == "participant":
            history.append(h)
    held_keys = store.history_keys(s, m.sender, sorted({h["entity_id"] for h in history}))
    office_changed: dict[str, set[str]] = {}
    reactivated: set[str] = set()
    for h in history:
        key = (h["entity_id"], h["at"].isoformat(), h["action"])
        if key in held_keys:
            continue
        held_keys.add(key)
        plan.history.append(h)
        if h["action"] in MERGE_ACTIONS:
            continue
        if h["action"] == "reactivate":
            reactivated.add(h["entity_id"])
        try:
            keys = json.loads(h["changes"]).keys()
        except (ValueError, AttributeError):
            keys = _CHANGE_KEYS
        office_changed.setdefault(h["entity_id"], set()).update(_CHANGE_KEYS.intersection(keys))

    decoded: list[dict[str, Any]] = []
    for obj in raw_records:
        try:
            decoded.append(decode_record(obj))
        except RecordError as exc:
            uid, reg = record_ids(obj)
            plan.items.append(
                RecordOutcome(uid, reg, "", "", "refused", "record.malformed", {"field": exc.field})
            )
    uuids = [r["uuid"] for r in decoded]
    local = store.participants_by_uuid(s, uuids)
    reg_owner = store.uuids_by_reg_no(s, [r["reg_no"] for r in decoded if r["uuid"] not in local])
    pending = store.open_conflicts_of(s, uuids)
    kab_hist = store.local_history(
        s,
        kab,
        [u for u, row in local.items() if row["revision"] > row["ack_revision"]],
    )
    candidates = [
        r
        for r in decoded
        if r["status"] != "inactive"
        and (
            r["uuid"] not in local
            or r["nik"] != local[r["uuid"]]["nik"]
            or r["uuid"] in reactivated
        )
    ]
    holders = store.holders_of_niks(s, [r["nik"] for r in candidates])
    taken_here: dict[str, str] = {}  # NIK → reg_no of a record this bundle makes active
    seen_uuids: set[str] = set()

    def holder_of(r: dict[str, Any]) -> store.NikHolder | str | None:
        for h in holders.get(r["nik"], []):
            if h.uuid != r["uuid"]:
                return h
        other = taken_here.get(r["nik"])
        return other if other and other != r["reg_no"] else None

    def queue_duplicate(r: dict[str, Any], other: store.NikHolder | str) -> None:
        b_data = encode_record(r)
        existing = pending.get(r["uuid"])
        if existing is not None:
            other_reg = str(existing.a_data.get("reg_no", ""))
            plan.conflict_updates.append(
                (existing.id, {"b_data": b_data, "sequence": m.sequence, "updated_at": now})
            )
        elif isinstance(other, store.NikHolder):
            other_reg = other.reg_no
            plan.new_conflicts.append(
                {
                    "kind": "duplicate",
                    "nik": r["nik"],
                    "a_uuid": other.uuid,
                    "b_uuid": r["uuid"],
                    "b_data": b_data,
                    "source": m.sender,
                    "sequence": m.sequence,
                }
            )
        else:
            other_reg = other
            a_uuid = next(x["uuid"] for x in plan.inserts + plan.updates if x["reg_no"] == other)
            plan.new_conflicts.append(
                {
                    "kind": "duplicate",
                    "nik": r["nik"],
                    "a_uuid": a_uuid,
                    "b_uuid": r["uuid"],
                    "b_data": b_data,
                    "source": m.sender,
                    "sequence": m.sequence,
                }
            )
        plan.items.append(
            RecordOutcome(
                r["uuid"],
                r["reg_no"],
                r["name"],
                r["nik"],
                "duplicate",
                "sync.likely_duplicate",
                {"other": other_reg},
                other_reg,
                r["revision"],
            )
        )

    for i, r in enumerate(decoded):
        if i % 2000 == 0:
            progress("check", i, total)
        uid = r["uuid"]
        item = RecordOutcome(uid, r["reg_no"], r["name"], r["nik"], "", revision=r["revision"])
        if uid in seen_uuids:
            plan.items.append(dataclasses.replace(item, outcome="refused", code="record.repeated"))
            continue
        seen_uuids.add(uid)
        row = local.get(uid)
        if row is not None and r["revision"] <= row["ack_revision"] and uid not in pending:
            plan.items.append(dataclasses.replace(item, outcome="unchanged"))
            continue
        if r.get("erased_at") is not None:
            # The office erased this person's personal data (UU PDP): so does the register.
            if row is not None and row.get("erased_at") is None:
                plan.erasures.append((row["id"], uid, r["erased_at"]))
                plan.updates.append(
                    {"id": row["id"], "reg_no": row["reg_no"], "uuid": uid}
                    | {f: r[f] for f in STATUS_FIELDS}
                    | {
                        "revision": max(row["revision"] + 1, r["revision"]),
                        "ack_revision": r["revision"],
                    }
                )
                plan.items.append(dataclasses.replace(item, outcome="changed"))
            else:
                plan.items.append(dataclasses.replace(item, outcome="unchanged"))
            continue
        problem = validator.problem(r, m.sender)
        if problem is None and row is None and reg_owner.get(r["reg_no"], uid) != uid:
            problem = ("record.reg_no_taken", {"reg_no": r["reg_no"]})
        if problem is None and row is not None and row["reg_no"] != r["reg_no"]:
            problem = ("record.reg_no_taken", {"reg_no": r["reg_no"]})
        if problem is not None:
            code, params = problem
            plan.items.append(
                dataclasses.replace(item, outcome="refused", code=code, params=params)
            )
            continue
        if row is None:
            other = holder_of(r) if r["status"] != "inactive" else None
            if other is not None:
                queue_duplicate(r, other)
                continue
            waiting = pending.get(uid)
            if waiting is not None:  # the office itself took it out of the programme
                plan.conflict_updates.append(
                    (
                        waiting.id,
                        {
                            "decision": "withdrawn",
                            "decided_at": now,
                            "decided_by": actor.username,
                            "note": source,
                            "updated_at": now,
                        },
                    )
                )
            values = dict(r)
            if values["status"] != "inactive":
                values["status"] = "active" if values["kpj"] else "accepted"
                taken_here[r["nik"]] = r["reg_no"]
            values["ack_revision"] = r["revision"]
            plan.inserts.append(values)
            # The record's own history (from the office) says where it came from, and the
            # install's entry of this import names the bundle: no entry per record here.
            plan.items.append(dataclasses.replace(item, outcome="new"))
            continue
        # A record the register holds, changed at the office since the last merge.
        differing = {f for f in OFFICE_FIELDS if row[f] != r[f]}
        kab_fields = _kab_changed_fields(kab_hist.get(uid, []))
        office_fields = office_changed.get(uid, differing)
        clash = differing & kab_fields & office_fields
        existing = pending.get(uid)
        if clash or (existing is not None and existing.kind == "edit"):
            b_data = encode_record(r)
            if existing is not None:
                plan.conflict_updates.append(
                    (existing.id, {"b_data": b_data, "sequence": m.sequence, "updated_at": now})
                )
            else:
                plan.new_conflicts.append(
                    {
                        "kind": "edit",
                        "nik": row["nik"],
                        "a_uuid": uid,
                        "b_uuid": uid,
                        "a_data": encode_record(row),
                        "b_data": b_data,
                        "source": m.sender,
                        "sequence": m.sequence,
                    }
                )
            plan.items.append(
                dataclasses.replace(
                    item,
                    outcome="conflict",
                    code="sync.edit_conflict",
                    params={"fields": ", ".join(sorted(clash))},
                )
            )
            continue
        if existing is not None and existing.kind == "duplicate":
            queue_duplicate(r, "")
            continue
        take = {f: r[f] for f in differing - kab_fields}
        status = _status_after_merge(row, r, uid in reactivated)
        becomes_active = (status.get("status") or row["status"]) != "inactive"
        if becomes_active and ("nik" in take or status):
            other = holder_of(r | take)
            if other is not None:
                queue_duplicate(r, other)
                continue
        changes = {k: [row[k], v] for k, v in (take | status).items() if row[k] != v}
        if not changes:
            plan.acks.append({"id": row["id"], "ack_revision": r["revision"]})
            plan.items.append(dataclasses.replace(item, outcome="unchanged"))
            continue
        merged = dict(row) | take | status
        if merged["status"] != "inactive":
            taken_here[merged["nik"]] = merged["reg_no"]
        # Only what changes: rewriting a name, even unchanged, would reindex it (FTS).
        plan.updates.append(
            {"id": row["id"], "reg_no": row["reg_no"], "uuid": uid}
            | {k: merged[k] for k in changes}
            | {
                # Never below the acknowledged revision: a later edit here must show as
                # revision > ack_revision, which is how the next merge looks for one.
                "revision": max(row["revision"] + 1, r["revision"]),
                "ack_revision": r["revision"],
                "updated_at": r["updated_at"],
                "updated_by": r["updated_by"],
                "updated_install": r["updated_install"],
            }
        )
        plan.history.append(
            {
                "at": now,
                "actor": actor.username,
                "install_code": kab,
                "entity": "participant",
                "entity_id": uid,
                "action": "bundle_merge",
                "changes": _history_json(changes),
                "reason": source,
            }
        )
        plan.items.append(dataclasses.replace(item, outcome="changed"))
    progress("check", total, total)

    # Conflicts name the register's record A as it is now.
    a_uuids = [c["a_uuid"] for c in plan.new_conflicts if "a_data" not in c]
    a_rows = store.participants_by_uuid(s, a_uuids)
    inserted = {x["uuid"]: x for x in plan.inserts}
    for c in plan.new_conflicts:
        if "a_data" not in c:
            a = a_rows.get(c["a_uuid"]) or inserted[c["a_uuid"]]
            c["a_data"] = encode_record(a)
    return plan


def _commit(
    s: Any,
    ctx: Context,
    actor: Actor,
    plan: _Plan,
    m: BundleManifest,
    box: Container,
    digest: str,
    name: str,
    now: dt.datetime,
    seen: store.ReceivedRecord | None,
) -> dict[str, int]:
    store.insert_participants(s, plan.inserts)
    updates = [{k: v for k, v in u.items() if k not in ("reg_no", "uuid")} for u in plan.updates]
    for group in _by_keys(updates):
        store.update_participants(s, group)
    store.update_participants(s, plan.acks)
    for pid, uid, erased_at in plan.erasures:
        repo.erase_participant(s, pid, erased_at, ERASED_DATE)
        repo.redact_history(s, uid)
    store.add_history_rows(s, plan.history)
    for c in plan.new_conflicts:
        store.add_conflict(s, **c, created_at=now, updated_at=now, note="")
    for cid, values in plan.conflict_updates:
        store.update_conflict(s, cid, **values)
    card_counts = store.apply_cards(s, plan.cards, now)
    card_counts["handovers"] = store.apply_events(s, plan.events)
    counts = plan.counts() | card_counts
    outcome = {
        "counts": counts,
        "records": [
            [i.uuid, i.reg_no, i.revision, i.outcome, i.code, i.params, i.other]
            for i in plan.items
            if i.outcome in ("refused", "conflict", "duplicate")
        ],
    }
    if seen is not None:  # a held bundle, now merged
        store.set_received(s, seen.id, status="imported", outcome=outcome, received_at=now)
    else:
        store.add_received(
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
        )
    peer = store.get_peer(s, m.sender)
    assert peer is not None
    newest = m.sequence >= peer.last_sequence
    store.put_peer(
        s,
        m.sender,
        last_sequence=max(peer.last_sequence, m.sequence),
        last_created_at=m.created_at if newest else peer.last_created_at,
        last_received_at=now,
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


# --- receipts (kabupaten → office) ----------------------------------------------------


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
    _require_folder(out_dir)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    keys = install_keypair(ctx)
    with ctx.db.session() as s:
        peer = store.get_peer(s, office)
        if peer is None:
            raise NotFound("office.unknown", office=office)
        if peer.confirmed_at is None or not peer.enc_key:
            raise Refused("office.not_confirmed", office=office)
        received = [r for r in store.received_from(s, office) if r.status == "imported"]
        latest = received[-1] if received else None
        state = store.participants_of_install(s, office)
        outcomes = latest.outcome.get("records", []) if latest else []
        payload = {
            "imported": [r.sequence for r in received],
            "outcomes": outcomes,
            "state": [encode_record(r) for r in state],
            "voided_cards": [list(card_key(c)) for c in store.voided_cards(s, office)],
        }
        previous = store.sent(s, "receipt", office)
        sequence = max((x.sequence for x in previous), default=0) + 1
        counts = {"records": len(state), "outcomes": len(outcomes)}
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
        )
        data = container.build(manifest.to_header(), payload, keys, bytes.fromhex(peer.enc_key))
        target = write_verified(out_dir / receipt_name(office, sequence), data)
        store.add_sent(
            s,
            kind="receipt",
            recipient=office,
            sequence=sequence,
            sha256=sha256(data),
            file_name=target.name,
            created_at=now,
            counts=counts,
            cursor={},
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

_KAB_OWNED = ("kpj", "duplicate_of")


def _office_status(local: dict[str, Any], kab: dict[str, Any]) -> dict[str, Any]:
    """Status fields an office takes from the kabupaten while it has changes of its own
    not yet merged there."""
    if kab["status"] == "inactive" and local["status"] != "inactive":
        return {k: kab[k] for k in ("status", "status_reason", "status_date")}
    if kab["status"] in ("accepted", "active") and local["status"] in ("approved", "accepted"):
        return {"status": kab["status"]}
    return {}


def _import_receipt(
    ctx: Context,
    actor: Actor,
    data: bytes,
    name: str,
    box: Container,
    dry_run: bool,
    now: dt.datetime,
    progress: Progress,
) -> ImportResult:
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
        kabs = store.peers(s, role=Role.KABUPATEN.value)
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
    digest = sha256(data)
    result = ImportResult("receipt", name, m.sender, m.sequence, "already")
    with ctx.db.read() as s:
        seen = store.received_by_sha(s, digest)
        if seen is not None:
            result.counts = dict(seen.outcome.get("counts", {}))
            return result
        latest = max((r.sequence for r in store.received_from(s, m.sender, "receipt")), default=0)
    progress("decrypt", 0, 1)
    payload = _open(box, ctx, name)
    imported = _list_of(payload, "imported", name)
    outcomes = _list_of(payload, "outcomes", name)
    state = _list_of(payload, "state", name)
    voided = [
        tuple(k)
        for k in _list_of(payload, "voided_cards", name)
        if isinstance(k, list) and len(k) == 5 and k[0] == ident.install_code
    ]
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in imported):
        raise Refused("bundle.payload", name=name)
    superseded = m.sequence < latest
    if dry_run:
        with ctx.db.read() as s:
            plan = _plan_receipt(ctx, s, outcomes, state, now, actor, m, superseded)
        result.status = "preview"
        result.counts, result.items = plan.counts, plan.items
        return result
    with ctx.db.session() as s:
        plan = _plan_receipt(ctx, s, outcomes, state, now, actor, m, superseded)
        store.ack_sent(s, "bundle", imported, now)
        if not superseded:
            plan.counts["cards_voided"] = store.void_cards_by_key(
                s, ident.install_code, voided, now
            )
        store.insert_participants(s, plan.inserts)
        for group in _by_keys(plan.updates):
            store.update_participants(s, group)
        store.add_history_rows(s, plan.history)
        if plan.inserts:
            top = store.max_registration_seq(s, ident.install_code)
            current = repo.registration_seq(s) or 0
            if top > current:
                repo.set_registration_seq(s, top)
                sequences.write(ctx.data_dir, "registration", top)
        store.add_received(
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
        store.put_peer(
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
    progress("done", 1, 1)
    return result


def _by_keys(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(tuple(sorted(r)), []).append(r)
    return list(groups.values())


@dataclass
class _ReceiptPlan:
    counts: dict[str, int]
    items: list[RecordOutcome] = field(default_factory=list)
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)


RECEIPT_COUNTS = ("accepted", "active", "inactive", "refused", "pending", "restored", "updated")


def _plan_receipt(
    ctx: Context,
    s: Any,
    outcomes: list[Any],
    state: list[Any],
    now: dt.datetime,
    actor: Actor,
    m: ReceiptManifest,
    superseded: bool,
) -> _ReceiptPlan:
    """Decide what a receipt changes at this office (nothing for a superseded one)."""
    from app.i18n import render

    plan = _ReceiptPlan(dict.fromkeys(RECEIPT_COUNTS, 0))
    if superseded:
        return plan
    own = ctx.identity.install_code
    source = f"{m.sender} TT{m.sequence}"
    kab_state: list[dict[str, Any]] = []
    for obj in state:
        try:
            r = decode_record(obj)
        except RecordError:
            continue
        if r["reg_no"].startswith(own + "-") and r["created_install"] == own:
            kab_state.append(r)
    refusals: dict[str, tuple[int, str, dict[str, Any]]] = {}
    pending: dict[str, tuple[str, str, str]] = {}
    for o in outcomes:
        if not (isinstance(o, list) and len(o) == 7 and isinstance(o[0], str)):
            continue
        uid, _reg, revision, outcome, code, params, other = o
        if not (isinstance(revision, int) and isinstance(params, dict)):
            continue
        if outcome == "refused" and isinstance(code, str):
            refusals[uid] = (revision, code, params)
        elif outcome in ("duplicate", "conflict"):
            pending[uid] = (outcome, str(code), str(other))
    uuids = [r["uuid"] for r in kab_state] + list(refusals) + list(pending)
    local = store.participants_by_uuid(s, uuids)

    def entry(uid: str, changes: dict[str, Any], reason: str = "") -> None:
        plan.history.append(
            {
                "at": now,
                "actor": actor.username,
                "install_code": own,
                "entity": "participant",
                "entity_id": uid,
                "action": "receipt",
                "changes": _history_json(changes),
                "reason": reason or source,
            }
        )

    def item(row: dict[str, Any], outcome: str, code: str = "", **params: Any) -> None:
        plan.items.append(
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
        plan.counts[outcome] += 1

    # Refusals first: the record goes back to draft with the reason (if not changed since).
    for uid, (revision, code, params) in refusals.items():
        row = local.get(uid)
        if row is None or row["revision"] != revision or row["status"] == "draft":
            continue
        message = render(code, **params)
        values = {
            "status": "draft",
            "status_reason": "refused",
            "status_date": now.date(),
            "revision": row["revision"] + 1,
            "ack_revision": row["revision"] + 1,
        }
        entry(
            uid,
            {
                "status": [row["status"], "draft"],
                "refused": [None, {"code": code, "params": params}],
            },
            f"{source}: {message}",
        )
        row.update(values)
        plan.updates.append({"id": row["id"], **values})
        item(row, "refused", code, **params)
    for uid, (_outcome, code, other) in pending.items():
        row = local.get(uid)
        if row is not None:
            item(row, "pending", code, other=other)

    for r in kab_state:
        uid = r["uuid"]
        row = local.get(uid)
        if row is None:
            values = dict(r)
            values["revision"] = values["ack_revision"] = max(r["ack_revision"], 1)
            plan.inserts.append(values)
            entry(uid, {"restored": [None, r["reg_no"]]})
            plan.counts["restored"] += 1
            continue
        synced = row["revision"] <= max(row["ack_revision"], r["ack_revision"])
        if synced:
            # Nothing changed here that the kabupaten has not merged: its state is the record's.
            take = {
                k: r[k]
                for k in (*OFFICE_FIELDS, "status", "status_reason", "status_date", *_KAB_OWNED)
            }
        else:
            take = {k: r[k] for k in _KAB_OWNED} | _office_status(row, r)
        changes = {k: [row[k], v] for k, v in take.items() if row[k] != v}
        new_ack = max(row["ack_revision"], min(r["ack_revision"], row["revision"]))
        if not changes:
            if new_ack != row["ack_revision"]:
                plan.updates.append({"id": row["id"], "ack_revision": new_ack})
            continue
        revision = max(row["revision"], r["ack_revision"]) + 1
        # Only what changes: rewriting a name, even unchanged, would reindex it (FTS).
        values = {k: take[k] for k in changes} | {
            "revision": revision,
            "ack_revision": revision if synced else new_ack,
            "updated_at": now,
            "updated_by": actor.username,
            "updated_install": own,
        }
        plan.updates.append({"id": row["id"], **values})
        entry(uid, changes)
        status = values.get("status", row["status"])
        if "status" in changes and status in ("accepted", "active", "inactive"):
            item(row | values, status, other=r["duplicate_of"] or "")
        else:
            item(row | values, "updated")
    return plan


# --- the ledger of offices ------------------------------------------------------------


@dataclass(frozen=True)
class OfficeView:
    """One install of the ledger, as ``lindungi offices`` shows it."""

    install_code: str
    role: str
    kecamatan: str | None
    kecamatan_name: str
    fingerprint: str | None
    confirmed: bool
    confirmed_at: dt.datetime | None
    enrolled_at: dt.datetime | None
    last_sequence: int
    last_created_at: dt.datetime | None
    last_received_at: dt.datetime | None
    days_since_last: int | None
    gaps: list[tuple[int, int | None]]  # (missing sequence, the later bundle that covers it)
    held: list[int]
    open_conflicts: int
    participants: int


def offices(ctx: Context, today: dt.date | None = None) -> list[OfficeView]:
    """The ledger: per install its fingerprint and confirmation, the last bundle received,
    gaps, held bundles, open conflicts and days since the last bundle."""
    today = today or dt.date.today()
    out = []
    with ctx.db.read() as s:
        conflicts = store.open_conflict_counts(s)
        for p in store.peers(s):
            received = store.received_from(s, p.install_code)
            have = {r.sequence for r in received}
            top = max(have, default=0)
            gaps = [
                (n, min((x for x in have if x > n), default=None))
                for n in range(1, top)
                if n not in have
            ]
            kec = ctx.regions.get(p.kecamatan_code) if p.kecamatan_code else None
            out.append(
                OfficeView(
                    install_code=p.install_code,
                    role=p.role,
                    kecamatan=p.kecamatan_code,
                    kecamatan_name=kec.name if kec else "",
                    fingerprint=p.fingerprint,
                    confirmed=p.confirmed_at is not None,
                    confirmed_at=p.confirmed_at,
                    enrolled_at=p.enrolled_at,
                    last_sequence=p.last_sequence,
                    last_created_at=p.last_created_at,
                    last_received_at=p.last_received_at,
                    days_since_last=(today - p.last_created_at.date()).days
                    if p.last_created_at
                    else None,
                    gaps=gaps,
                    held=[r.sequence for r in received if r.status == "held"],
                    open_conflicts=conflicts.get(p.install_code, 0),
                    participants=store.count_of_install(s, p.install_code),
                )
            )
    return out


def confirm_office(
    ctx: Context,
    actor: Actor,
    office: str,
    fingerprint: str,
    receipt_out: Path | None = None,
    now: dt.datetime | None = None,
    progress: Progress = _noop,
) -> list[ImportResult]:
    """Confirm an office's key after comparing its fingerprint on both screens, then merge
    the bundles held for it (in sequence order).

    Raises:
        NotFound: an office the ledger does not know.
        Refused: no bundle (no key) came from it yet, or the fingerprint differs.
    """
    actor.require(AccountRole.SUPERVISOR)
    ident = ctx.identity
    if ident.role is not Role.KABUPATEN:
        raise Refused("receipt.only_kabupaten")
    office = office.strip().upper()
    now = (now or dt.datetime.now()).replace(microsecond=0)
    with ctx.db.read() as s:
        peer = store.get_peer(s, office)
    if peer is None:
        raise NotFound("office.unknown", office=office)
    if not peer.fingerprint or not peer.sign_key:
        raise Refused("office.no_key", office=office)
    given = normalise_fingerprint(fingerprint)
    if given != peer.fingerprint:
        raise Refused(
            "office.fingerprint_mismatch", office=office, given=given, shown=peer.fingerprint
        )
    if peer.confirmed_at is None:
        with ctx.db.session() as s:
            store.put_peer(s, office, confirmed_at=now, confirmed_by=actor.username)
            cardrepo.add_known_key(
                s,
                office,
                peer.sign_key,
                _card_fingerprint(peer.sign_key),
                "bundle",
                now,
            )
            repo.add_history(
                s,
                at=now,
                actor=actor.username,
                install_code=ident.install_code,
                entity="install",
                entity_id=office,
                action="office_confirmed",
                changes={"fingerprint": peer.fingerprint},
            )
    return merge_held(ctx, actor, office, receipt_out, now, progress)


def _card_fingerprint(sign_hex: str) -> str:
    from app.services.keys import fingerprint

    return fingerprint(bytes.fromhex(sign_hex))


def merge_held(
    ctx: Context,
    actor: Actor,
    office: str,
    receipt_out: Path | None = None,
    now: dt.datetime | None = None,
    progress: Progress = _noop,
) -> list[ImportResult]:
    """Import the bundles held for a confirmed office; a held file signed with another key
    than the confirmed one is dropped (it can never be merged)."""
    now = now or dt.datetime.now()
    out_dir = receipt_out or ctx.data_dir / "receipts"
    out_dir.mkdir(parents=True, exist_ok=True)
    with ctx.db.read() as s:
        held = [r for r in store.received_from(s, office) if r.status == "held"]
    results = []
    for r in held:
        path = ctx.data_dir / "held" / (r.held_file or "")
        try:
            data = read_file(path)
            box = open_container(data, r.file_name)
            if sha256(data) != r.sha256:
                raise Refused("bundle.signature", name=r.file_name)
            result = _import_bundle(
                ctx, actor, data, r.file_name, box, False, out_dir, now, progress
            )
        except Refused as exc:
            log.warning("held bundle %s dropped: %s", r.file_name, exc.code)
            with ctx.db.session() as s:
                store.delete_received(s, r.id)
                repo.add_history(
                    s,
                    at=now,
                    actor=actor.username,
                    install_code=ctx.identity.install_code,
                    entity="install",
                    entity_id=office,
                    action="bundle_dropped",
                    changes={"sequence": r.sequence, "file": r.file_name, "reason": exc.code},
                )
            path.unlink(missing_ok=True)
            continue
        path.unlink(missing_ok=True)
        results.append(result)
    return results
