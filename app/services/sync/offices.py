"""The kabupaten's ledger of offices: each install's key and its confirmation, the bundles
received, gaps, held bundles and open conflicts; confirming an office's key, which merges
the bundles held for it."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.fmt import format_date
from app.domain.install import Role
from app.errors import NotFound, Refused, StorageError
from app.i18n import tr
from app.services.actor import Actor
from app.services.actor import Role as AccountRole
from app.services.context import Context
from app.services.keys import fingerprint as key_fingerprint
from app.services.sync.bundle_import import import_bundle
from app.services.sync.files import open_container, read_file, sha256
from app.services.sync.results import ImportResult, Progress, noop
from app.services.trust import normalise_fingerprint
from app.store import cardrepo, repo
from app.store import sync as sync_store
from app.store.concurrency import CONFIRM, office_lock

log = logging.getLogger(__name__)


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
    # Other keys claiming this office (held bundles signed with them): a conflict for the
    # supervisor, who confirms only the key the office's own screen shows.
    other_keys: list[str] = field(default_factory=list)
    revoked_at: dt.datetime | None = None
    install_id: str | None = None
    # The office's audit chain as this ledger holds it: entries in the head last accepted,
    # when it was signed, and how it was taken (first_use, extends, "" none yet).
    chain_count: int = 0
    chain_at: dt.datetime | None = None
    chain_trust: str = ""
    chain_held: list[int] = field(default_factory=list)  # bundles held for their chain

    @property
    def chain_state(self) -> str:
        """The chain column of the ledger, in the user's language."""
        return chain_state(self.chain_trust, self.chain_count, self.chain_held)

    @property
    def key_conflict(self) -> bool:
        """True when more than one key claims this office."""
        return bool(self.other_keys)


def _gaps(have: set[int]) -> list[tuple[int, int | None]]:
    """Sequences missing below the newest one, each with the later bundle that covers it."""
    top = max(have, default=0)
    return [
        (n, min((x for x in have if x > n), default=None)) for n in range(1, top) if n not in have
    ]


def chain_state(trust: str, count: int, held: list[int]) -> str:
    """How an install's audit chain stands on this ledger: none yet, trusted on first
    use, extending the last head; and bundles held because theirs does not."""
    if trust == "first_use":
        text = tr("{count} entries, trusted on first use", count=count)
    elif trust == "extends":
        text = tr("{count} entries, extends the last one", count=count)
    else:
        text = tr("none yet")
    if held:
        text += "; " + tr("held: {bundles}", bundles=", ".join(f"#{n}" for n in held))
    return text


def ledger(ctx: Context, today: dt.date | None = None) -> list[OfficeView]:
    """The ledger: per install its fingerprint and confirmation, the last bundle received,
    gaps, held bundles, open conflicts and days since the last bundle."""
    today = today or dt.date.today()
    out = []
    with ctx.db.read() as s:
        conflicts = sync_store.open_conflict_counts(s)
        for p in sync_store.peers(s):
            received = sync_store.received_from(s, p.install_code)
            kec = ctx.regions.get(p.kecamatan_code) if p.kecamatan_code else None
            last = p.last_created_at
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
                    last_created_at=last,
                    last_received_at=p.last_received_at,
                    days_since_last=(today - last.date()).days if last else None,
                    gaps=_gaps({r.sequence for r in received}),
                    held=[r.sequence for r in received if r.status == "held"],
                    open_conflicts=conflicts.get(p.install_code, 0),
                    participants=sync_store.count_of_install(s, p.install_code),
                    other_keys=sorted(
                        {
                            r.fingerprint
                            for r in received
                            if r.status == "held" and r.fingerprint != p.fingerprint
                        }
                    ),
                    revoked_at=p.revoked_at,
                    install_id=p.install_id,
                    chain_count=p.chain_count,
                    chain_at=p.chain_at,
                    chain_trust=p.chain_trust,
                    chain_held=[
                        r.sequence
                        for r in received
                        if r.status == "held" and r.outcome.get("held") == "chain"
                    ],
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
    progress: Progress = noop,
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
        peer = sync_store.get_peer(s, office)
    if peer is None:
        raise NotFound("office.unknown", office=office)
    if not peer.fingerprint or not peer.sign_key:
        raise Refused("office.no_key", office=office)
    if peer.revoked_at is not None:
        raise Refused("office.revoked", office=office)
    given = normalise_fingerprint(fingerprint)
    keys = (peer.sign_key, peer.enc_key or "")
    if given != peer.fingerprint:
        # Before confirmation, another key may have claimed the office first: the person
        # confirms the one the office's own screen shows, among the keys of held bundles.
        other = _held_keys(ctx, office).get(given) if peer.confirmed_at is None else None
        if other is None:
            raise Refused(
                "office.fingerprint_mismatch", office=office, given=given, shown=peer.fingerprint
            )
        keys = other
    if peer.confirmed_at is None:
        with ctx.db.session() as s:
            # Two desks confirming the same office at once: the first wins, the other is
            # told (the lock makes the second wait for the first to commit).
            office_lock(s, office, CONFIRM)
            now_peer = sync_store.get_peer(s, office)
            if now_peer is not None and now_peer.confirmed_at is not None:
                raise Refused(
                    "office.confirmed_meanwhile",
                    office=office,
                    by=now_peer.confirmed_by or "?",
                    at=f"{format_date(now_peer.confirmed_at)} {now_peer.confirmed_at:%H:%M}",
                )
            sync_store.put_peer(
                s,
                office,
                sign_key=keys[0],
                enc_key=keys[1],
                fingerprint=given,
                confirmed_at=now,
                confirmed_by=actor.username,
            )
            sign_key = bytes.fromhex(keys[0])
            cardrepo.add_known_key(s, office, keys[0], key_fingerprint(sign_key), "bundle", now)
            repo.add_history(
                s,
                at=now,
                actor=actor.username,
                install_code=ident.install_code,
                entity="install",
                entity_id=office,
                action="office_confirmed",
                changes={"fingerprint": given},
            )
    return merge_held(ctx, actor, office, receipt_out, now, progress)


def _held_keys(ctx: Context, office: str) -> dict[str, tuple[str, str]]:
    """The public keys (sign, enc; hex) that signed the bundles held for ``office``, by
    fingerprint, read from the held files' headers (their bodies stay closed)."""
    with ctx.db.read() as s:
        held = [r for r in sync_store.received_from(s, office) if r.status == "held"]
    out: dict[str, tuple[str, str]] = {}
    for r in held:
        try:
            box = open_container(read_file(ctx.data_dir / "held" / (r.held_file or "")), "")
        except (Refused, NotFound, StorageError):
            continue
        k = box.sender_keys
        out.setdefault(k.fingerprint, (k.sign.hex(), k.enc.hex()))
    return out


def revoke_office(
    ctx: Context, actor: Actor, office: str, now: dt.datetime | None = None
) -> OfficeView:
    """Revoke an office's key (a stolen or lost station PC): its later bundles are held and
    flagged, never merged; the office is enrolled again as a new station.

    Raises:
        NotFound: an office the ledger does not know.
        Refused: not the kabupaten, or already revoked.
    """
    actor.require(AccountRole.SUPERVISOR)
    ident = ctx.identity
    if ident.role is not Role.KABUPATEN:
        raise Refused("receipt.only_kabupaten")
    office = office.strip().upper()
    now = (now or dt.datetime.now()).replace(microsecond=0)
    with ctx.db.session() as s:
        peer = sync_store.get_peer(s, office)
        if peer is None or peer.role != Role.KECAMATAN.value:
            raise NotFound("office.unknown", office=office)
        if peer.revoked_at is not None:
            raise Refused("office.already_revoked", office=office, at=format_date(peer.revoked_at))
        sync_store.put_peer(s, office, revoked_at=now, revoked_by=actor.username)
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ident.install_code,
            entity="install",
            entity_id=office,
            action="office_revoked",
            changes={"fingerprint": peer.fingerprint},
        )
    return next(v for v in ledger(ctx, now.date()) if v.install_code == office)


def merge_held(
    ctx: Context,
    actor: Actor,
    office: str,
    receipt_out: Path | None = None,
    now: dt.datetime | None = None,
    progress: Progress = noop,
) -> list[ImportResult]:
    """Import the bundles held for a confirmed office; a held file signed with another key
    than the confirmed one is dropped (it can never be merged)."""
    now = now or dt.datetime.now()
    out_dir = receipt_out or ctx.data_dir / "receipts"
    out_dir.mkdir(parents=True, exist_ok=True)
    with ctx.db.read() as s:
        held = [r for r in sync_store.received_from(s, office) if r.status == "held"]
    results = []
    for r in held:
        path = ctx.data_dir / "held" / (r.held_file or "")
        try:
            data = read_file(path)
            box = open_container(data, r.file_name)
            if sha256(data) != r.sha256:
                raise Refused("bundle.signature", name=r.file_name)
            result = import_bundle(
                ctx, actor, data, r.file_name, box, False, out_dir, now, progress
            )
        except Refused as exc:
            log.warning("held bundle %s dropped: %s", r.file_name, exc.code)
            with ctx.db.session() as s:
                sync_store.delete_received(s, r.id)
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
