"""Trust without a network: this install's sync keys, enrolment files, key backups.

The kabupaten gives each new kecamatan station an enrolment file on a USB stick: its
public keys and the station's identity (kecamatan and station letter, handed out by the
kabupaten so that two PCs never share one), signed. The station's own public keys reach
the kabupaten with its first bundle, and a person confirms their fingerprint there
(:func:`app.services.sync.offices.confirm_office`). No private key ever travels; the only way a
private key leaves the data dir is a passphrase-protected key backup.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization

from app import __version__
from app.domain.install import Identity, Role, kecamatan_install_code, valid_station
from app.domain.regions import LEVELS, Region
from app.errors import InvalidInput, NotFound, OsReason, Refused, StorageError
from app.paths import temp_beside
from app.services import keys as install_keys
from app.services.actor import Actor
from app.services.actor import Role as AccountRole
from app.services.context import Context
from app.services.sync.files import open_container, read_file, write_verified
from app.store import cardrepo, repo
from app.store import sync as sync_store
from app.sync import container, crypto
from app.sync.container import FormatError
from app.sync.crypto import KeyPair, PublicKeys
from app.sync.manifest import EnrolManifest, enrol_name

log = logging.getLogger(__name__)

MIN_PASSPHRASE = 10


def install_keypair(ctx: Context) -> KeyPair:
    """This install's keys: its Ed25519 signing key (made at setup by the cards area) and the
    X25519 key derived from it."""
    _code, key = install_keys.signing_key(ctx)
    return KeyPair(key)


def own_keypair_for(ctx: Context, enc_key_id: str) -> KeyPair | None:
    """This install's key (current, or retired by a rotation) whose encryption key has the
    id ``enc_key_id``: offices not yet enrolled with a rotated kabupaten key still seal
    their bundles for the former one."""
    current = install_keypair(ctx)
    if current.public.enc_key_id == enc_key_id:
        return current
    for key in install_keys.retired_signing_keys(ctx):
        pair = KeyPair(key)
        if pair.public.enc_key_id == enc_key_id:
            return pair
    return None


INSTALL_ID = "install_id"


def install_id(ctx: Context) -> str:
    """This install's random id (32 hex digits), made at setup, or on first use by an
    install set up before ids existed. Bundles and receipts carry it: two PCs set up from
    one enrolment file have the same station code but different ids."""
    with ctx.db.read() as s:
        value = repo.get_setting(s, INSTALL_ID)
    if isinstance(value, str) and value:
        return value
    with ctx.db.session() as s:
        value = repo.get_setting(s, INSTALL_ID)
        if not (isinstance(value, str) and value):
            value = os.urandom(16).hex()
            repo.put_setting(s, INSTALL_ID, value)
    return str(value)


def normalise_fingerprint(text: str) -> str:
    """``3f2a 91c0-7b44…`` → ``3F2A-91C0-7B44-…`` (what people type, as shown)."""
    hexes = "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")
    return "-".join(hexes[i : i + 4] for i in range(0, len(hexes), 4))


# --- who am I -------------------------------------------------------------------------


@dataclass(frozen=True)
class WhoAmI:
    """This install's identity and the fingerprint others compare."""

    install_code: str
    role: str
    regency: str
    kecamatan: str | None
    station: str
    fingerprint: str
    sign_key: str  # hex
    enc_key: str  # hex
    kabupaten: str | None  # an office's kabupaten, once enrolled
    kabupaten_fingerprint: str | None
    enrolled_at: dt.datetime | None


def whoami(ctx: Context) -> WhoAmI:
    """This install's code, role and key fingerprint (and its kabupaten's, once enrolled)."""
    ident = ctx.identity
    pub = install_keypair(ctx).public
    kab = None
    with ctx.db.read() as s:
        if ident.role is Role.KECAMATAN:
            found = sync_store.peers(s, role=Role.KABUPATEN.value)
            kab = found[0] if found else None
    return WhoAmI(
        install_code=ident.install_code,
        role=ident.role.value,
        regency=ident.regency,
        kecamatan=ident.kecamatan,
        station=ident.station,
        fingerprint=pub.fingerprint,
        sign_key=pub.sign.hex(),
        enc_key=pub.enc.hex(),
        kabupaten=kab.install_code if kab else None,
        kabupaten_fingerprint=kab.fingerprint if kab else None,
        enrolled_at=kab.enrolled_at if kab else None,
    )


def peer_keys(sign_hex: str | None, enc_hex: str | None) -> PublicKeys | None:
    """The public keys stored for a peer, or None when not yet known."""
    if not sign_hex or not enc_hex:
        return None
    return PublicKeys(bytes.fromhex(sign_hex), bytes.fromhex(enc_hex))


# --- enrolment files ------------------------------------------------------------------


@dataclass(frozen=True)
class EnrolWritten:
    """An enrolment file written by the kabupaten."""

    path: Path
    install_code: str
    kabupaten: str
    fingerprint: str  # the kabupaten's, for the office to compare


def _regency_regions(ctx: Context) -> list[Region]:
    ident = ctx.identity
    index = ctx.regions
    regency = index.get(ident.regency)
    assert regency is not None
    out: list[Region] = []
    if regency.parent and index.get(regency.parent):
        parent = index.get(regency.parent)
        assert parent is not None
        out.append(parent)
    out.append(regency)
    for kec in index.kecamatan(regency.code):
        out.append(kec)
        out.extend(index.villages(kec.code))
    return out


def next_free_station(ctx: Context, kecamatan: str) -> str:
    """The first station letter of a kecamatan that the ledger does not know yet."""
    with ctx.db.read() as s:
        taken = {p.install_code for p in sync_store.peers(s, role=Role.KECAMATAN.value)}
    for letter in "ABCDEFGHIJLMNOPQRSTUVWXYZ":
        if kecamatan_install_code(kecamatan, letter) not in taken:
            return letter
    return "?"


def write_enrolment(
    ctx: Context,
    actor: Actor,
    kecamatan: str,
    station: str,
    out: Path,
    now: dt.datetime | None = None,
) -> EnrolWritten:
    """Write the enrolment file of a new station (kabupaten only).

    A station that already sent a bundle (its key is known) is never handed out again; a
    file for a station that has not yet sent anything may be written again (a lost stick).

    Raises:
        Refused: not the kabupaten, or the station is taken.
        InvalidInput: not a kecamatan of this regency, or a bad station letter.
        StorageError: the file cannot be written.
    """
    actor.require(AccountRole.SUPERVISOR)
    ident = ctx.identity
    if ident.role is not Role.KABUPATEN:
        raise Refused("enrol.not_kabupaten", code=ident.install_code)
    kec = ctx.regions.get(kecamatan)
    if kec is None or kec.level != "kecamatan" or kec.parent != ident.regency:
        raise InvalidInput("setup.unknown_kecamatan", code=kecamatan, regency=ident.regency)
    station = station.strip().upper()
    if not valid_station(station):
        raise InvalidInput("setup.station", station=station)
    code = kecamatan_install_code(kec.code, station)
    now = now or dt.datetime.now()
    with ctx.db.read() as s:
        peer = sync_store.get_peer(s, code)
    if peer is not None and peer.sign_key:
        raise Refused(
            "enrol.station_taken",
            code=code,
            fingerprint=peer.fingerprint or "",
            free=next_free_station(ctx, kec.code),
        )
    target = _enrolment_file(ctx, code, kec.code, station, out, now)
    with ctx.db.session() as s:
        sync_store.put_peer(
            s,
            code,
            role=Role.KECAMATAN.value,
            regency_code=ident.regency,
            kecamatan_code=kec.code,
            enrolled_at=now,
        )
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ident.install_code,
            entity="install",
            entity_id=code,
            action="enrol_file",
            changes={"install": code, "file": target.name},
        )
    return EnrolWritten(target, code, ident.install_code, install_keypair(ctx).public.fingerprint)


def _enrolment_file(
    ctx: Context, code: str, kecamatan: str, station: str, out: Path, now: dt.datetime
) -> Path:
    """Write the enrolment file of station ``code``, signed with the current key."""
    ident = ctx.identity
    manifest = EnrolManifest(
        sender=ident.install_code,
        regency=ident.regency,
        install=code,
        kecamatan=kecamatan,
        station=station,
        issued_at=now,
        app_version=__version__,
    )
    payload = {
        "regions": [
            [r.code, r.level, r.parent, r.name, list(r.aliases)] for r in _regency_regions(ctx)
        ],
    }
    data = container.build(manifest.to_header(), payload, install_keypair(ctx), None)
    target = out / enrol_name(code) if out.is_dir() else out
    return write_verified(target, data)


@dataclass(frozen=True)
class Rotated:
    """What ``keys rotate`` did."""

    previous: str  # the former fingerprint
    fingerprint: str  # the new one
    files: list[Path]  # new enrolment files, one per office


def rotate_kabupaten_key(
    ctx: Context, actor: Actor, out: Path, now: dt.datetime | None = None
) -> Rotated:
    """Replace the kabupaten's key and write every office a new enrolment file.

    An office accepts the new key only through the confirmation of ``enrol`` (the new
    fingerprint typed by a supervisor); until then its bundles, sealed for the former key,
    still open here, and the receipts, signed with the new key, are refused there.
    Revoked offices get no file.

    Raises:
        Refused: not the kabupaten.
        InvalidInput: the folder does not exist.
        StorageError: a file cannot be written.
    """
    actor.require(AccountRole.ADMIN)
    ident = ctx.identity
    if ident.role is not Role.KABUPATEN:
        raise Refused("enrol.not_kabupaten", code=ident.install_code)
    if not out.is_dir():
        raise InvalidInput("folder.missing", path=str(out))
    now = (now or dt.datetime.now()).replace(microsecond=0)
    previous = install_keypair(ctx).public.fingerprint
    install_keys.rotate(ctx, now)
    fingerprint = install_keypair(ctx).public.fingerprint
    with ctx.db.read() as s:
        stations = [
            p
            for p in sync_store.peers(s, role=Role.KECAMATAN.value)
            if p.revoked_at is None and p.kecamatan_code
        ]
    files = []
    for p in stations:
        assert p.kecamatan_code is not None
        station = p.install_code.rsplit("-", 1)[1]
        files.append(_enrolment_file(ctx, p.install_code, p.kecamatan_code, station, out, now))
    with ctx.db.session() as s:
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ident.install_code,
            entity="install",
            entity_id=ident.install_code,
            action="kabupaten_key_rotated",
            changes={
                "fingerprint": [previous, fingerprint],
                "files": [f.name for f in files],
            },
        )
    return Rotated(previous, fingerprint, files)


@dataclass(frozen=True)
class Enrolment:
    """An enrolment file, checked."""

    manifest: EnrolManifest
    kabupaten_keys: PublicKeys
    regions: list[Region]

    @property
    def fingerprint(self) -> str:
        """The kabupaten's fingerprint, to compare with its screen."""
        return self.kabupaten_keys.fingerprint


def _regions_of(payload: dict[str, Any]) -> list[Region]:
    rows = payload.get("regions")
    if not isinstance(rows, list) or not 0 < len(rows) <= 10_000:
        raise FormatError("payload")
    out: list[Region] = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 5):
            raise FormatError("payload")
        code, level, parent, name, aliases = row
        if not (
            isinstance(code, str)
            and len(code) <= 16
            and level in LEVELS
            and (parent is None or isinstance(parent, str))
            and isinstance(name, str)
            and len(name) <= 120
            and isinstance(aliases, list)
            and all(isinstance(a, str) for a in aliases)
        ):
            raise FormatError("payload")
        out.append(Region(code, level, parent, name, tuple(aliases)))
    codes = {r.code for r in out}
    if any(r.parent is not None and r.parent not in codes for r in out):
        raise FormatError("payload")
    return out


def read_enrolment(path: Path) -> Enrolment:
    """Read and check an enrolment file.

    Raises:
        NotFound: no such file.
        Refused: not an enrolment file, damaged, or changed after it was signed.
    """
    data = read_file(path)
    box = open_container(data, path.name)
    if box.kind != "enrolment":
        raise Refused("enrol.kind", name=path.name)
    try:
        m = EnrolManifest.from_header(box.header)
        payload = container.open_payload(box, None)
        regions = _regions_of(payload)
    except FormatError as exc:
        raise Refused(f"bundle.{exc.reason}", name=path.name) from None
    expected = kecamatan_install_code(m.kecamatan, m.station)
    kab = Identity(Role.KABUPATEN, m.regency, None, "K").install_code
    if m.install != expected or m.sender != kab or not m.kecamatan.startswith(m.regency + "."):
        raise Refused("bundle.header", name=path.name)
    return Enrolment(m, box.sender_keys, regions)


def _apply_enrolment(ctx: Context, actor: Actor, enr: Enrolment, now: dt.datetime) -> bool:
    """Store the kabupaten's keys at an office. Returns False when nothing changed."""
    m = enr.manifest
    keys = enr.kabupaten_keys
    with ctx.db.session() as s:
        before = sync_store.peers(s, role=Role.KABUPATEN.value)
        same = [
            p
            for p in before
            if p.install_code == m.sender
            and p.sign_key == keys.sign.hex()
            and p.enc_key == keys.enc.hex()
        ]
        if same:
            return False
        for p in before:
            sync_store.remove_peer(s, p.install_code)
        sync_store.put_peer(
            s,
            m.sender,
            role=Role.KABUPATEN.value,
            regency_code=m.regency,
            kecamatan_code=None,
            sign_key=keys.sign.hex(),
            enc_key=keys.enc.hex(),
            fingerprint=keys.fingerprint,
            confirmed_at=now,
            confirmed_by=actor.username,
            enrolled_at=now,
        )
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="install",
            entity_id=ctx.identity.install_code,
            action="enrolled",
            changes={
                "kabupaten": m.sender,
                "fingerprint": [
                    before[0].fingerprint if before else None,
                    keys.fingerprint,
                ],
                "issued_at": m.issued_at.isoformat(),
            },
        )
        # The kabupaten's signing key also signs its cards: trust it for those too.
        fp = install_keys.fingerprint(keys.sign)
        cardrepo.add_known_key(s, m.sender, keys.sign.hex(), fp, "enrolment", now)
    return True


USED_SUFFIX = ".used"


def used_mark(path: Path) -> Path:
    """The mark setup leaves beside an enrolment file: ``LINDUNGI-130306-A.lenrol.used``."""
    return path.with_name(path.name + USED_SUFFIX)


def _read_used_mark(path: Path) -> dict[str, str] | None:
    """What the used-by mark beside an enrolment file says, or None when there is none."""
    try:
        text = used_mark(path).read_text(encoding="utf-8")[:4096]
    except OSError:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        value = {}
    if not isinstance(value, dict):
        value = {}
    return {k: str(v)[:64] for k, v in value.items() if k in ("install", "install_id", "at")}


def setup_from_enrolment(
    ctx: Context,
    actor: Actor,
    path: Path,
    now: dt.datetime | None = None,
    *,
    reuse: bool = False,
) -> tuple[Identity, Enrolment]:
    """Set up a new kecamatan station from its enrolment file (``setup --enrol``), and leave
    a used-by mark beside the file.

    A file whose mark says it set up another PC already is refused unless ``reuse`` (the
    same PC set up again after a failed start): two PCs as one station would issue the same
    registration numbers.

    Raises:
        Refused: already set up, the file was used before, or not a valid enrolment file.
    """
    from app.services.setup import setup_install

    actor.require(AccountRole.ADMIN)
    enr = read_enrolment(path)
    m = enr.manifest
    if ctx.is_set_up:
        raise Refused("setup.already", code=ctx.identity.install_code)
    used = _read_used_mark(path)
    if used is not None and not reuse:
        raise Refused(
            "setup.enrolment_used",
            name=path.name,
            code=m.install,
            install_id=used.get("install_id", "?")[:8],
            at=used.get("at", "?"),
        )
    now = now or dt.datetime.now()
    ident = setup_install(
        ctx,
        actor,
        role=Role.KECAMATAN,
        regency=m.regency,
        kecamatan=m.kecamatan,
        station=m.station,
        regions=enr.regions,
        now=now,
    )
    install_keys.ensure_install_key(ctx, now)
    _apply_enrolment(ctx, actor, enr, now)
    mark = {
        "install": m.install,
        "install_id": install_id(ctx),
        "at": now.isoformat("T", "seconds"),
    }
    try:
        used_mark(path).write_text(json.dumps(mark), encoding="utf-8")
    except OSError as exc:  # a write-protected stick: the kabupaten still sees a clone
        log.warning("used-by mark beside %s not written: %s", path.name, exc)
    return ident, enr


@dataclass(frozen=True)
class Enrolled:
    """What ``enrol FILE`` did."""

    kabupaten: str
    fingerprint: str
    changed: bool  # False: already enrolled with these keys
    previous: str | None  # the former kabupaten fingerprint, when moved to a new key


def enrol(
    ctx: Context,
    actor: Actor,
    path: Path,
    now: dt.datetime | None = None,
    *,
    new_kabupaten_fingerprint: str | None = None,
) -> Enrolled:
    """Enrol an install that was set up before, or move it to a new kabupaten key.

    Moving is only on purpose: the new key's fingerprint, compared with the kabupaten's
    screen, must be typed (``new_kabupaten_fingerprint``); the former kabupaten can no
    longer read this office's bundles afterwards.

    Raises:
        Refused: the file names another install, this is the kabupaten, or the file carries
            another kabupaten key than this office has and its fingerprint was not typed
            (or not the same).
    """
    actor.require(AccountRole.ADMIN)
    enr = read_enrolment(path)
    m = enr.manifest
    ident = ctx.identity
    if ident.role is not Role.KECAMATAN or m.install != ident.install_code:
        raise Refused(
            "enrol.other_install", name=path.name, file=m.install, ours=ident.install_code
        )
    now = now or dt.datetime.now()
    with ctx.db.read() as s:
        before = sync_store.peers(s, role=Role.KABUPATEN.value)
    current = before[0] if before else None
    if current is not None and current.fingerprint != enr.fingerprint:
        if not new_kabupaten_fingerprint:
            raise Refused(
                "enrol.kabupaten_changed",
                name=path.name,
                old=current.fingerprint or "",
                new=enr.fingerprint,
                old_code=current.install_code,
            )
        typed = normalise_fingerprint(new_kabupaten_fingerprint)
        if typed != enr.fingerprint:
            raise Refused(
                "enrol.fingerprint_mismatch", name=path.name, given=typed, shown=enr.fingerprint
            )
    changed = _apply_enrolment(ctx, actor, enr, now)
    return Enrolled(
        m.sender,
        enr.fingerprint,
        changed,
        current.fingerprint if current is not None and changed else None,
    )


# --- key backups ----------------------------------------------------------------------


def backup_keys(ctx: Context, actor: Actor, out: Path, passphrase: str) -> Path:
    """Write this install's private key, encrypted with a passphrase (scrypt + AEAD).

    The only way a private key leaves the data dir. Keep the file and the passphrase apart.

    Raises:
        InvalidInput: a passphrase shorter than 10 characters.
        StorageError: the file cannot be written.
    """
    actor.require(AccountRole.ADMIN)
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput("keys.passphrase_short", min=MIN_PASSPHRASE)
    ident = ctx.identity
    keys = install_keypair(ctx)
    now = dt.datetime.now()
    data = crypto.backup_keys(
        keys,
        passphrase,
        {"install": ident.install_code, "made_at": now.isoformat(timespec="seconds")},
    )
    target = out / f"LINDUNGI-KUNCI-{ident.install_code}.lkey" if out.is_dir() else out
    write_verified(target, data, is_container=False)
    with ctx.db.session() as s:
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ident.install_code,
            entity="install",
            entity_id=ident.install_code,
            action="key_backup",
            changes={"file": target.name, "fingerprint": keys.public.fingerprint},
        )
    return target


def _write_pem(path: Path, key: KeyPair) -> None:
    pem = key.signing.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    tmp = temp_beside(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def restore_keys(ctx: Context, actor: Actor, path: Path, passphrase: str) -> tuple[str, bool]:
    """Make the key of a key backup this install's key again (a reinstalled kabupaten PC).

    Returns:
        The fingerprint, and False when that key was already the current one.

    Raises:
        InvalidInput: not a key backup, or the wrong passphrase.
        Refused: the backup belongs to another install.
    """
    actor.require(AccountRole.ADMIN)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotFound("file.missing", path=str(path)) from None
    except OSError as exc:
        raise StorageError("file.unreadable", path=str(path), reason=OsReason(exc)) from exc
    try:
        backup = crypto.restore_keys(data, passphrase)
    except crypto.WrongPassphrase:
        raise InvalidInput("keys.passphrase", name=path.name) from None
    except crypto.CryptoError:
        raise InvalidInput("keys.not_backup", name=path.name) from None
    ident = ctx.identity
    if backup.meta.get("install") != ident.install_code:
        raise Refused(
            "keys.other_install", code=backup.meta.get("install", "?"), ours=ident.install_code
        )
    restored = backup.keys
    current = install_keypair(ctx)
    if current.public == restored.public:
        return restored.public.fingerprint, False
    raw = restored.public.sign
    fp = install_keys.fingerprint(raw)
    filename = f"install-{ident.install_code}-{fp[:12]}.pem"
    keys_dir = ctx.data_dir / "keys"
    keys_dir.mkdir(exist_ok=True)
    try:
        _write_pem(keys_dir / filename, restored)
    except OSError as exc:
        raise StorageError(
            "key.unwritable", path=str(keys_dir / filename), reason=OsReason(exc)
        ) from exc
    now = dt.datetime.now()
    with ctx.db.session() as s:
        row = sync_store.key_row_by_fingerprint(s, fp)
        if row is not None:
            sync_store.reinstate_key(s, row[0], filename, now)
        else:
            for k in cardrepo.install_keys(s, ident.install_code):
                if k.retired_at is None:
                    cardrepo.retire_install_key(s, k.id, now)
            cardrepo.add_install_key(s, ident.install_code, raw.hex(), fp, filename, now)
            cardrepo.add_known_key(s, ident.install_code, raw.hex(), fp, "self", now)
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ident.install_code,
            entity="install",
            entity_id=ident.install_code,
            action="key_restored",
            changes={
                "fingerprint": [current.public.fingerprint, restored.public.fingerprint],
                "file": path.name,
            },
        )
    return restored.public.fingerprint, True
