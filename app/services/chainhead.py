"""The chain head: this install's audit chain (entries and newest hash), signed with its key
and kept also outside the database, so that a database file copied back shows.

The install signs its head at every bundle export, every backup, a restore, and the first
sign-in of each calendar day (a PC clock that went backwards is recorded then). The last
signed head is a setting and the file ``chainhead.json`` beside ``sequences.json``. At
start-up, a database whose chain does not reach that head (an older file copied back, or
entries removed and the chain recomputed) is flagged: an audit entry, a banner, and ``audit
verify`` failing until a supervisor records a reason (:func:`accept`).

Between installs, bundles and receipts carry the sender's signed head and the link fields of
its entries since the head the recipient holds (:func:`outgoing`); the recipient takes a
head only when those entries extend the one it saw last (:func:`incoming`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.orm import Session

from app.domain import audit
from app.errors import AppError, InvalidInput, Refused
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import audit as audit_store
from app.store import ledger, repo
from app.store import sync as sync_store
from app.sync.container import FormatError
from app.sync.manifest import ChainHead

log = logging.getLogger(__name__)

FILENAME = "chainhead.json"
SETTING = "chain_head"
BEHIND = "chain_behind"


# --- this install's head ------------------------------------------------------------------


def _path(data_dir: Path) -> Path:
    return data_dir / FILENAME


def read_file(data_dir: Path) -> tuple[ChainHead, int] | None:
    """The head in the file and the id of its newest entry (None when missing or
    unreadable)."""
    try:
        body = ledger.read(data_dir, FILENAME)
        if body is None:
            return None
        raw = json.loads(body)
        return ChainHead.from_json(raw), int(raw["last_id"])
    except (OSError, ValueError, KeyError, TypeError, FormatError):
        return None


def _write_file(data_dir: Path, head: ChainHead, last_id: int) -> None:
    """Replace the ledger's head durably (a file: a unique temporary name, fsync, atomic
    rename; a server: its ledger row, app.store.ledger)."""
    text = json.dumps(head.to_json() | {"last_id": last_id})
    ledger.update(data_dir, FILENAME, lambda _old: text)


def last_signed(s: Session) -> ChainHead | None:
    """The head this install signed last, as the database keeps it."""
    raw = repo.get_setting(s, SETTING)
    if not raw:
        return None
    try:
        return ChainHead.from_json(raw)
    except FormatError:
        return None


def sign_now(ctx: Context, reason: str, now: dt.datetime | None = None) -> ChainHead | None:
    """Sign this install's chain head now, keep it in the database and in the file.

    ``reason``: bundle_export, backup, restore, daily, accepted (for the log). Returns None
    (and logs why) when the key cannot be used now (a passphrase not given yet).
    """
    from app.services import keys

    now = (now or dt.datetime.now()).replace(microsecond=0)
    try:
        code, key = keys.signing_key(ctx)
    except AppError as exc:
        log.warning("chain head not signed at %s: %s", reason, exc.code)
        return None
    with ctx.db.session() as s:  # a write session: no other desk appends meanwhile
        count, last_id, digest = audit_store.head(s, _signed_position(s))
        unsigned = ChainHead(code, count, digest, now)
        head = ChainHead(code, count, digest, now, key.sign(unsigned.message()).hex())
        repo.put_setting(s, SETTING, head.to_json() | {"last_id": last_id})
    _write_file(ctx.data_dir, head, last_id)
    log.info("chain head signed at %s: %s entries", reason, count)
    return head


def _signed_position(s: Session) -> tuple[int, int, str] | None:
    """(count, id of the newest entry, its hash) of the head signed last, as the database
    keeps it (None when it keeps none or an unreadable one): where counting the chain
    can start from (:func:`app.store.audit.head`)."""
    raw = repo.get_setting(s, SETTING)
    if not isinstance(raw, dict):
        return None
    count, last_id, digest = raw.get("count"), raw.get("last_id"), raw.get("hash")
    if type(count) is not int or type(last_id) is not int or not isinstance(digest, str):
        return None
    return count, last_id, digest


def _signed_by_self(ctx: Context, head: ChainHead) -> bool:
    from app.services import keys

    return bool(
        keys.verify_signature(ctx, head.install, head.message(), bytes.fromhex(head.signature))
    )


@dataclass(frozen=True)
class Behind:
    """A database found behind the head this install signed last."""

    signed_count: int
    signed_at: dt.datetime
    entries: int


def behind(ctx: Context) -> Behind | None:
    """The flag set at start-up, until a supervisor records a reason."""
    with ctx.db.read() as s:
        raw = repo.get_setting(s, BEHIND)
    if not raw:
        return None
    return Behind(
        int(raw["signed_count"]), dt.datetime.fromisoformat(raw["signed_at"]), int(raw["entries"])
    )


def flagged(ctx: Context) -> bool:
    """True while the database is flagged as behind its signed head."""
    return behind(ctx) is not None


def check_startup(ctx: Context, now: dt.datetime | None = None) -> Behind | None:
    """Compare the database with the head in the file; flag it when it is behind.

    Returns:
        The flag (new or still standing), or None.
    """
    if not ctx.is_set_up:
        return None
    now = (now or dt.datetime.now()).replace(microsecond=0)
    found = read_file(ctx.data_dir)
    with ctx.db.read() as s:
        stored = repo.get_setting(s, SETTING)
    if found is None:
        if stored:  # the file was lost: the database's own head puts it back
            with contextlib.suppress(FormatError, KeyError, TypeError, ValueError, OSError):
                _write_file(ctx.data_dir, ChainHead.from_json(stored), int(stored["last_id"]))
        return behind(ctx)
    head, last_id = found
    if head.install != ctx.identity.install_code or not _signed_by_self(ctx, head):
        log.warning("%s is not this install's signed head: ignored", FILENAME)
        return behind(ctx)
    with ctx.db.read() as s:
        count, digest = audit_store.position(s, last_id)
    if count == head.count and digest == head.hash:
        return behind(ctx)
    standing = behind(ctx)
    if standing is not None:
        return standing
    with ctx.db.read() as s:  # counted only for a new flag: every sign-in reads the above
        total = audit_store.head(s)[0]
    flag = Behind(head.count, head.at, total)
    with ctx.db.session() as s:
        repo.put_setting(
            s,
            BEHIND,
            {
                "signed_count": flag.signed_count,
                "signed_at": flag.signed_at.isoformat(timespec="seconds"),
                "entries": flag.entries,
                "found_at": now.isoformat(timespec="seconds"),
            },
        )
        repo.add_history(
            s,
            at=now,
            actor="lindungi",
            install_code=ctx.identity.install_code,
            entity="install",
            entity_id=ctx.identity.install_code,
            action="chain_behind",
            changes={
                "signed_count": head.count,
                "signed_at": head.at.isoformat(timespec="seconds"),
                "entries": total,
            },
        )
    log.warning("database behind its signed chain head: %s entries, %s signed", total, head.count)
    return flag


def accept(ctx: Context, actor: Actor, reason: str, now: dt.datetime | None = None) -> None:
    """A supervisor records why the database is behind its signed head (a restore made by
    hand, a disk replaced); the flag is lifted and the present head signed.

    Raises:
        Refused: not a supervisor, or the database is not flagged.
        InvalidInput: no reason given.
    """
    actor.require(Role.SUPERVISOR)
    if not reason.strip():
        raise InvalidInput("chain.reason_needed")
    flag = behind(ctx)
    if flag is None:
        raise Refused("chain.not_behind")
    now = (now or dt.datetime.now()).replace(microsecond=0)
    with ctx.db.session() as s:
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="install",
            entity_id=ctx.identity.install_code,
            action="chain_behind_accepted",
            changes={"signed_count": flag.signed_count, "entries": flag.entries},
            reason=reason.strip(),
        )
        repo.put_setting(s, BEHIND, None)
    sign_now(ctx, "accepted", now)


def daily(ctx: Context, username: str, now: dt.datetime | None = None) -> None:
    """At a sign-in: sign the head at the first sign-in of a calendar day, and record a PC
    clock that went backwards (now earlier than the head signed last)."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    with ctx.db.read() as s:
        last = last_signed(s)
    if last is not None and now < last.at:
        with ctx.db.session() as s:
            repo.add_history(
                s,
                at=now,
                actor=username,
                install_code=ctx.identity.install_code,
                entity="install",
                entity_id=ctx.identity.install_code,
                action="clock_back",
                changes={"clock": now.isoformat(timespec="seconds"), "last": last.at.isoformat()},
            )
    if last is None or now.date() != last.at.date():
        sign_now(ctx, "daily", now)


# --- between installs ---------------------------------------------------------------------


def held_by(s: Session, peer: sync_store.PeerRecord, kind: str) -> tuple[int, str] | None:
    """The head of this install's chain that ``peer`` holds at least: the one it said it
    holds in its latest file, else the one of the first file sent to it (None before any).
    Files sent record their head's entry count and hash in their cursor (for one that
    recorded only the count, the hash is found by counting the chain up to it)."""
    if peer.chain_seen_hash:
        return peer.chain_seen_count, peer.chain_seen_hash
    cursors = [
        x.cursor for x in sync_store.sent(s, kind, peer.install_code) if "chain_count" in x.cursor
    ]
    if not cursors:
        return None
    first = min(cursors, key=lambda c: int(c["chain_count"]))
    count = int(first["chain_count"])
    known = first.get("chain_hash")
    if isinstance(known, str) and known:
        return count, known
    return count, audit_store.segment(s, count, count)[0]


def outgoing(
    s: Session, after: tuple[int, str] | None, head: ChainHead, *, encoded: bool = False
) -> dict[str, Any]:
    """What a bundle or receipt carries in its body: the link fields of this install's
    entries after the head the recipient holds, up to ``head`` (none when the recipient
    holds no head of this install yet, or one this chain does not pass through).

    ``encoded``: the entries as :class:`app.sync.container.Encoded` (the same JSON; on a
    server written by the server itself)."""
    from app.sync.container import Encoded

    if after is not None and after[0] <= head.count:
        rendered = (
            audit_store.rendered_segment(s, after[0], head.count, head.hash) if encoded else None
        )
        if rendered is not None:
            start, texts = rendered
            if start == after[1]:
                return {"start": [after[0], start], "entries": Encoded(texts, rendered=True)}
        else:
            start, rows = audit_store.segment(s, after[0], head.count, head.hash)
            if start == after[1]:
                links = [audit.link_record(e) for e in rows]
                return {"start": [after[0], start], "entries": Encoded(links) if encoded else links}
    return {"start": [head.count, head.hash], "entries": Encoded([]) if encoded else []}


@dataclass(frozen=True)
class Verdict:
    """What a recipient makes of another install's chain in a file."""

    kind: str  # "" (no chain: an older file), first_use, extends, broken, gap, fork, behind
    head: ChainHead | None = None
    seen: tuple[int, str] | None = None

    @property
    def holds(self) -> bool:
        """True when the file must not be taken (the chain does not extend)."""
        return self.kind in ("broken", "gap", "fork", "behind", "signature")


def _segment(body: Any) -> tuple[tuple[int, str], list[list[Any]]] | None:
    if not isinstance(body, dict):
        return None
    start, entries = body.get("start"), body.get("entries")
    if not (isinstance(start, list) and len(start) == 2 and isinstance(entries, list)):
        return None
    if not (isinstance(start[0], int) and isinstance(start[1], str)):
        return None
    if not all(isinstance(e, list) and len(e) == 8 for e in entries):
        return None
    return (start[0], start[1]), entries


def incoming(
    sender: str,
    peer: sync_store.PeerRecord | None,
    head: ChainHead | None,
    body: Any,
    sign_key: bytes,
) -> Verdict:
    """Check another install's head and entries against the head held for it."""
    if head is None:
        return Verdict("")
    if head.install != sender:
        return Verdict("signature", head)
    try:
        Ed25519PublicKey.from_public_bytes(sign_key).verify(
            bytes.fromhex(head.signature), head.message()
        )
    except (InvalidSignature, ValueError):
        return Verdict("signature", head)
    seen = (peer.chain_count, peer.chain_hash) if peer and peer.chain_hash else None
    if seen == (head.count, head.hash):
        return Verdict("extends", head, seen)
    segment = _segment(body)
    if segment is None:
        return Verdict("broken", head, seen)
    start, entries = segment
    if seen is None and not entries:
        return Verdict("first_use", head)
    try:
        kind = audit.extends(seen, start, entries, (head.count, head.hash))
    except (KeyError, TypeError, ValueError):
        kind = "broken"
    if kind:
        return Verdict(kind, head, seen)
    return Verdict("first_use" if seen is None else "extends", head, seen)


def remember(s: Session, install_code: str, verdict: Verdict) -> None:
    """Hold the head of a file taken as the one its next file must extend."""
    if verdict.head is None or verdict.holds:
        return
    peer = sync_store.get_peer(s, install_code)
    if peer is not None and peer.chain_count > verdict.head.count:
        return  # an older file arriving late: the newer head stays
    sync_store.put_peer(
        s,
        install_code,
        chain_count=verdict.head.count,
        chain_hash=verdict.head.hash,
        chain_at=verdict.head.at,
        chain_trust=verdict.kind,
    )


def reset(
    ctx: Context, actor: Actor, install_code: str, reason: str, now: dt.datetime | None = None
) -> None:
    """A supervisor, having checked with that install, takes its chain anew: its next file's
    head is trusted on first use again (a held file may then be imported).

    Raises:
        Refused: not a supervisor. NotFound: unknown install. InvalidInput: no reason.
    """
    from app.errors import NotFound

    actor.require(Role.SUPERVISOR)
    if not reason.strip():
        raise InvalidInput("chain.reason_needed")
    now = (now or dt.datetime.now()).replace(microsecond=0)
    with ctx.db.session() as s:
        peer = sync_store.get_peer(s, install_code)
        if peer is None:
            raise NotFound("office.unknown", office=install_code)
        sync_store.put_peer(s, install_code, chain_count=0, chain_hash="", chain_trust="")
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="install",
            entity_id=install_code,
            action="chain_reset",
            changes={"count": peer.chain_count, "hash": peer.chain_hash},
            reason=reason.strip(),
        )
