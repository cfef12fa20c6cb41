"""Backups and restore: SQLite's backup API, retention, and passphrase-encrypted copies.

Automatic backups are taken before every migration and import, once a day and on exit;
the newest ``backup_keep`` are kept, plus one a day for 30 days. Every backup is encrypted
with the register's own key. A backup written elsewhere (``--out``, a USB stick) also
carries the key's wraps (the accounts' and the recovery key's, never the key itself), so a
replacement PC restores it with the recovery sheet. A backup for another PC is encrypted
with a passphrase instead (scrypt + AES-GCM); one that carries the install's private keys
is always encrypted that way.

How a backup file is written and opened is kept in :func:`write_backup_file` and
:func:`open_backup_file`; what a restore checks is the restore's own business.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import os
import shutil
import tempfile
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from app.errors import InvalidInput, OsReason, Refused, StorageError
from app.services import chainhead, pgbackup
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import backup as store_backup
from app.store import repo
from app.store.backup import backup_file, backup_name
from app.store.engine import DB_FILENAME
from app.store.migrate import expected_schema, known_revisions

log = logging.getLogger(__name__)

MAGIC = b"LINDUNGI-BACKUP\x01"
KEYED_MAGIC = b"LINDUNGI-KEYED\x01\x00"  # the key's wraps, then the encrypted database
DAILY_DAYS = 30
_N, _R, _P = 2**15, 8, 1


@dataclass(frozen=True)
class BackupInfo:
    """A backup file in the backups folder."""

    path: Path
    taken_at: dt.datetime
    reason: str
    size: int


REASONS = {
    "manual": "made by hand",
    "daily": "daily",
    "exit": "on closing",
    "before-import": "before a spreadsheet import",
    "before-restore": "before a restore",
    "before-bundle-import": "before a bundle import",
    "before-migrate": "before a database upgrade",
    "encrypted": "the register just encrypted",
}


def reason_label(reason: str) -> str:
    """Why a backup was made, in the user's language ("before-import" → "sebelum impor")."""
    from app.i18n import tr

    if reason.startswith("before-migrate"):
        return tr(REASONS["before-migrate"])
    text = REASONS.get(reason)
    return tr(text) if text else reason


def _backups_dir(ctx: Context) -> Path:
    path = ctx.data_dir / "backups"
    path.mkdir(exist_ok=True)
    return path


def list_backups(ctx: Context) -> list[BackupInfo]:
    """Backups in the data dir, newest first."""
    out = []
    found = [
        *_backups_dir(ctx).glob("lindungi-*.sqlite"),
        *_backups_dir(ctx).glob("lindungi-*.pgdump"),
    ]
    for p in found:
        parts = p.stem.split("-", 3)  # lindungi-YYYYmmdd-HHMMSS-reason
        try:
            when = dt.datetime.strptime(parts[1] + parts[2], "%Y%m%d%H%M%S")
        except (IndexError, ValueError):
            continue
        out.append(BackupInfo(p, when, parts[3] if len(parts) > 3 else "", p.stat().st_size))
    return sorted(out, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def prune(ctx: Context, now: dt.datetime | None = None) -> int:
    """Keep the newest ``backup_keep`` backups and the newest of each day for 30 days."""
    now = now or dt.datetime.now()
    keep_n = int(ctx.setting("backup_keep"))
    backups = list_backups(ctx)
    keep = {b.path for b in backups[:keep_n]}
    seen_days: set[dt.date] = set()
    for b in backups:
        day = b.taken_at.date()
        if (now - b.taken_at).days <= DAILY_DAYS and day not in seen_days:
            seen_days.add(day)
            keep.add(b.path)
    removed = 0
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed += 1
    return removed


def auto_backup(ctx: Context, reason: str) -> Path | None:
    """A backup in the data dir (before an import, daily, on exit), then pruning; on a
    server, only what app.services.pgbackup takes (None when it takes none)."""
    if pgbackup.on_server(ctx):
        name = backup_name(reason).removesuffix(".sqlite") + pgbackup.SUFFIX
        taken = pgbackup.automatic(ctx, _backups_dir(ctx), name, reason)
        if taken is not None:
            prune(ctx)
        return taken
    return _file_backup(ctx, reason)


def _file_backup(ctx: Context, reason: str) -> Path:
    """A backup of the SQLite register into the backups folder, then pruning."""
    chainhead.sign_now(ctx, "backup")
    target = _backups_dir(ctx) / backup_name(reason)
    n = 1
    while target.exists():
        target = target.with_name(f"{target.stem}-{n}.sqlite")
        n += 1
    backup_file(ctx.db.path, target, ctx.db.key)
    prune(ctx)
    log.info("backup written (%s)", reason)
    return target


def daily_backup_due(ctx: Context, now: dt.datetime | None = None) -> bool:
    """True when no backup was taken today (on a PostgreSQL server, only when pg_dump is
    here to take it: otherwise backups are the server's)."""
    now = now or dt.datetime.now()
    if pgbackup.on_server(ctx) and not pgbackup.tools_present():
        return False  # the server's own backups (said when a backup is asked for)
    return not any(b.taken_at.date() == now.date() for b in list_backups(ctx))


def _encrypt(plain: bytes, passphrase: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    salt, nonce = os.urandom(16), os.urandom(12)
    key = Scrypt(salt=salt, length=32, n=_N, r=_R, p=_P).derive(passphrase.encode())
    return MAGIC + salt + nonce + AESGCM(key).encrypt(nonce, plain, MAGIC)


def _decrypt(blob: bytes, passphrase: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    head = len(MAGIC)
    salt, nonce, body = blob[head : head + 16], blob[head + 16 : head + 28], blob[head + 28 :]
    key = Scrypt(salt=salt, length=32, n=_N, r=_R, p=_P).derive(passphrase.encode())
    try:
        return AESGCM(key).decrypt(nonce, body, MAGIC)
    except InvalidTag:
        raise InvalidInput("backup.passphrase") from None


def _write_durably(path: Path, data: bytes) -> None:
    from app.store.files import write_private

    write_private(path, data)


def backup(
    ctx: Context,
    actor: Actor,
    out: Path | None = None,
    passphrase: str | None = None,
    with_keys: bool = False,
) -> Path:
    """A backup on request: into the backups folder, or to ``out`` (a USB stick).

    With a passphrase the file is encrypted; ``with_keys`` adds the install's private keys
    and then requires a passphrase.

    Raises:
        InvalidInput: keys requested without a passphrase.
        StorageError: the target cannot be written.
        Refused: a passphrase for a register on a PostgreSQL server.
    """
    actor.require(Role.ADMIN)
    if with_keys and not passphrase:
        raise InvalidInput("backup.keys_need_passphrase")
    if pgbackup.on_server(ctx):
        if passphrase:
            raise Refused("pgbackup.no_passphrase")
        target = out or _backups_dir(ctx)
        if target.is_dir():
            target = target / (backup_name("manual").removesuffix(".sqlite") + pgbackup.SUFFIX)
        path = pgbackup.dump(ctx, target)
    elif out is None and not passphrase:
        path = _file_backup(ctx, "manual")
    else:
        chainhead.sign_now(ctx, "backup")
        path = write_backup_file(ctx, out, passphrase, with_keys)
    with ctx.db.session() as s:
        repo.add_history(
            s,
            at=dt.datetime.now(),
            actor=actor.username,
            install_code=ctx.identity.install_code,
            entity="install",
            entity_id=ctx.identity.install_code,
            action="backup",
            changes={"file": path.name, "encrypted": bool(passphrase), "keys": with_keys},
        )
    return path


def _keyed_container(ctx: Context, db_copy: Path) -> bytes:
    """The encrypted database behind the wraps of its key (accounts and recovery)."""
    from app.services import vault

    stored = vault.load(ctx.data_dir) or {}
    wraps = {
        "format": 1,
        "install": ctx.identity.install_code,
        "accounts": stored.get("accounts", {}),
        vault.RECOVERY: stored.get(vault.RECOVERY),
    }
    head = json.dumps(wraps).encode()
    return KEYED_MAGIC + len(head).to_bytes(4, "big") + head + db_copy.read_bytes()


def write_backup_file(
    ctx: Context, out: Path | None, passphrase: str | None, with_keys: bool
) -> Path:
    """A backup written to ``out`` (a file or a folder), or with a passphrase into the
    backups folder: the register encrypted with its key and carrying its wraps, or a
    plaintext copy inside a passphrase-encrypted archive (for another PC).

    Raises:
        StorageError: the target cannot be written.
    """
    from app.store.backup import export_file

    with tempfile.TemporaryDirectory() as tmp:
        if passphrase:
            db_copy = export_file(ctx.db.path, ctx.db.key, Path(tmp) / DB_FILENAME, None)
        else:
            db_copy = backup_file(ctx.db.path, Path(tmp) / DB_FILENAME, ctx.db.key)
        if passphrase:
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.write(db_copy, DB_FILENAME)
                if with_keys:
                    from app.services import keys as install_keys

                    for name, pem in install_keys.exported_keys(ctx):
                        zf.writestr(f"keys/{name}", pem)
                zf.writestr(
                    "manifest.json",
                    json.dumps(
                        {
                            "install": ctx.identity.install_code,
                            "keys": with_keys,
                            "taken_at": dt.datetime.now().isoformat(timespec="seconds"),
                        }
                    ),
                )
            data = _encrypt(buf.getvalue(), passphrase)
        else:
            data = _keyed_container(ctx, db_copy)
        assert out is not None or passphrase
        target = out if out is not None else _backups_dir(ctx) / backup_name("manual-enc")
        if target.is_dir():
            suffix = ".lbackup" if passphrase else ".sqlite"
            target = target / (backup_name("manual").rsplit(".", 1)[0] + suffix)
        _write_durably(target, data)
        return target


@dataclass(frozen=True)
class Candidate:
    """A backup checked and ready to restore."""

    db_file: Path
    install_code: str
    revision: str
    participants: int
    keys: dict[str, bytes]


def open_backup_file(
    path: Path,
    workdir: Path,
    key: bytes | None,
    passphrase: str | None = None,
    recovery: str | None = None,
) -> tuple[Path, dict[str, bytes], dict[str, object] | None]:
    """A backup file of any kind, as a database file in ``workdir`` encrypted with ``key``
    (the register's key it will be restored into), the private keys it carries, and the key
    wraps it carries (a backup written to a stick) for a data dir that has none yet.

    Kinds: this install's backups (encrypted with its key, alone or behind its wraps), one
    of another install or an old PC whose key the recovery key unwraps, a passphrase-encrypted
    archive, and a plaintext database of earlier releases.

    Raises:
        NotFound / InvalidInput / Refused: missing, wrong passphrase or recovery key,
            damaged, or encrypted with a key nobody here holds.
    """
    from app.errors import NotFound
    from app.services import vault
    from app.store.backup import export_file
    from app.store.engine import is_plaintext, looks_encrypted

    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        raise NotFound("file.missing", path=str(path)) from None
    except OSError as exc:
        raise InvalidInput("file.unreadable", path=str(path), reason=OsReason(exc)) from exc
    keys: dict[str, bytes] = {}
    wraps: dict[str, object] | None = None
    raw = workdir / "raw.sqlite"
    source_key: bytes | None = None
    if blob.startswith(MAGIC):
        if not passphrase:
            raise InvalidInput("backup.encrypted")
        plain = _decrypt(blob, passphrase)
        try:
            with zipfile.ZipFile(io.BytesIO(plain)) as zf:
                raw.write_bytes(zf.read(DB_FILENAME))
                for name in zf.namelist():
                    if name.startswith("keys/") and "/" not in name[5:] and ".." not in name:
                        keys[name[5:]] = zf.read(name)
        except (zipfile.BadZipFile, KeyError):
            raise InvalidInput("backup.damaged", name=path.name) from None
    elif blob.startswith(KEYED_MAGIC):
        head = len(KEYED_MAGIC)
        try:
            size = int.from_bytes(blob[head : head + 4], "big")
            wraps = json.loads(blob[head + 4 : head + 4 + size])
            if not isinstance(wraps, dict):
                raise ValueError(path.name)
        except ValueError:
            raise InvalidInput("backup.damaged", name=path.name) from None
        raw.write_bytes(blob[head + 4 + size :])
        source_key = key
        if recovery:
            source_key = _recovered(wraps.get(vault.RECOVERY), recovery, path)
    else:
        raw.write_bytes(blob)
        source_key = None if is_plaintext(raw) else key
        if recovery and source_key is not None:
            # A backup of a copied data folder: its vault.json beside it, or one folder up.
            found = next(
                (v for d in (path.parent, path.parent.parent) if (v := vault.load(d)) is not None),
                None,
            )
            source_key = _recovered((found or {}).get(vault.RECOVERY), recovery, path)
    try:
        store_backup.check_readable(raw, source_key)
    except store_backup.DatabaseDamaged:
        if source_key is not None and looks_encrypted(raw) and not recovery:
            raise Refused("backup.other_key", name=path.name) from None
        raise InvalidInput("backup.damaged", name=path.name) from None
    db_file = workdir / DB_FILENAME
    if source_key == key:
        raw.replace(db_file)
    else:  # another key, or none: the copy to restore gets this register's key
        export_file(raw, source_key, db_file, key)
        raw.unlink()
    return db_file, keys, wraps


def _recovered(entry: object, recovery: str, path: Path) -> bytes:
    """The key of a backup, unwrapped by the recovery key from the wrap found with it.

    Raises:
        Refused: no recovery wrap travels with the backup, or the key is not its own.
    """
    from app.services import vault

    if not isinstance(entry, dict):
        raise Refused("recovery.none", path=str(path))
    key = vault.unwrap(entry, vault.normalise_recovery(recovery), vault.RECOVERY)
    if key is None:
        raise Refused("recovery.wrong")
    return key


def check_backup(
    path: Path,
    workdir: Path,
    passphrase: str | None = None,
    key: bytes | None = None,
    recovery: str | None = None,
) -> Candidate:
    """Open a backup file (see :func:`open_backup_file`) and check it thoroughly before
    any restore.

    Raises:
        NotFound / InvalidInput: missing, wrong passphrase, damaged, not a Lindungi backup,
            or from a newer version.
    """
    db_file, keys, _wraps = open_backup_file(path, workdir, key, passphrase, recovery)
    try:
        revision, install_code, count = store_backup.summary(db_file, key)
    except store_backup.DatabaseDamaged:
        raise InvalidInput("backup.damaged", name=path.name) from None
    if revision is None or install_code is None:
        raise InvalidInput("backup.damaged", name=path.name)
    if revision not in known_revisions():
        raise InvalidInput("db.newer", revision=revision)
    differences = schema_differences(db_file, revision, key)
    if differences:
        raise InvalidInput(
            "backup.schema", name=path.name, revision=revision, details="; ".join(differences)
        )
    return Candidate(db_file, install_code, revision, count, keys)


def schema_differences(db_file: Path, revision: str, key: bytes | None = None) -> list[str]:
    """How the tables, indexes and triggers of ``db_file`` differ from what this app's
    migrations build up to ``revision``, in words (empty when they are the same).

    A backup whose history triggers were dropped, or that carries a trigger of someone
    else's, would let its history be changed without trace once restored.
    """
    from app.i18n import tr

    actual = {(o[0], o[1]): o for o in store_backup.schema(db_file, key)}
    expected = {(o[0], o[1]): o for o in expected_schema(revision)}
    kinds = {
        "table": "the table {name}",
        "index": "the index {name}",
        "trigger": "the trigger {name}",
        "view": "the view {name}",
    }

    def what(key: tuple[str, str]) -> str:
        return tr(kinds.get(key[0], "{name}"), name=key[1])

    out = [tr("missing: {what}", what=what(k)) for k in sorted(expected.keys() - actual.keys())]
    out += [tr("not ours: {what}", what=what(k)) for k in sorted(actual.keys() - expected.keys())]
    out += [
        tr("changed: {what}", what=what(k))
        for k in sorted(expected.keys() & actual.keys())
        if expected[k] != actual[k]
    ]
    return out


def restore(
    ctx: Context,
    actor: Actor,
    path: Path,
    passphrase: str | None = None,
    recovery: str | None = None,
) -> tuple[Path, int]:
    """Replace the database with a checked backup, keeping a backup of what it replaces.

    The backup must be of this install and have exactly the tables, indexes and triggers
    this version's migrations make. It is prepared in a staged copy (upgraded, every
    erasure of the ledger re-applied, sequences moved past the ones already issued, its
    ``restore`` entry written), then lands in one step; a process killed at any moment
    leaves a restore that the next start completes or undoes
    (:mod:`app.services.restore_journal`).

    Returns:
        The backup of the replaced database, and the participants restored.

    Raises:
        Refused: a backup of another install.
        InvalidInput: damaged, newer, or with another schema.
        StorageError: the erasure ledger cannot be read.
    """
    actor.require(Role.ADMIN)
    if pgbackup.on_server(ctx):
        raise Refused("pgbackup.restore_into")
    from app.services import keys as install_keys
    from app.services import restore_journal, vault

    fresh = vault.unclaimed_key(vault.load(ctx.data_dir)) is not None
    restore_id = uuid.uuid4().hex
    with tempfile.TemporaryDirectory() as tmp:
        cand = check_backup(path, Path(tmp), passphrase, ctx.db.key, recovery)
        if ctx.is_set_up and cand.install_code != ctx.identity.install_code:
            raise Refused(
                "backup.other_install", code=cand.install_code, ours=ctx.identity.install_code
            )
        saved = _file_backup(ctx, "before-restore")
        restore_journal.discard(ctx.data_dir)
        staged = restore_journal.staged_path(ctx.data_dir)
        try:
            shutil.copyfile(cand.db_file, staged)
            _prepare(
                ctx,
                actor,
                staged,
                Path(tmp),
                {
                    "file": path.name,
                    "replaced_backup": saved.name,
                    "participants": cand.participants,
                    "restore_id": restore_id,
                },
            )
            sealed = {n: install_keys.seal(ctx.db.key, d) for n, d in cand.keys.items()}
            restore_journal.stage_keys(ctx.data_dir, sealed)
            store_backup.single_file(staged, ctx.db.key)
        except BaseException:
            restore_journal.discard(ctx.data_dir)
            raise
        restore_journal.decide(ctx.data_dir, restore_id)
    ctx.db.close()
    try:
        restore_journal.finish(ctx.data_dir, ctx.db.key)
    except StorageError:
        # Another process (a window left open) kept the register busy: nothing landed.
        # Taken back now, so that work done meanwhile is never overwritten at a later start.
        restore_journal.undo(ctx.data_dir)
        raise
    ctx.forget_cached()
    if fresh and recovery:
        _adopt_recovery(ctx, recovery)
    chainhead.sign_now(ctx, "restore")  # the restored chain, with its restore entry
    restore_journal.close(ctx.data_dir)
    return saved, cand.participants


def _adopt_recovery(ctx: Context, recovery: str) -> None:
    """A replacement PC restored an install with its recovery key: the same sheet keeps
    opening it, the data dir stops opening without a sign-in, and the restored accounts
    wait for ``lindungi recover`` to give an administrator a password."""
    from app.services import vault
    from app.store import accounts as accounts_store

    stored = vault.load(ctx.data_dir)
    assert stored is not None and ctx.db.key is not None
    stored[vault.RECOVERY] = vault.wrap(
        ctx.db.key, vault.normalise_recovery(recovery), vault.RECOVERY, vault.current_cost()
    )
    with ctx.db.read() as s:
        stored["to_reset"] = sorted(a.username for a in accounts_store.all_accounts(s))
    stored.pop("unclaimed", None)
    vault.save(ctx.data_dir, stored)


def _prepare(
    ctx: Context, actor: Actor, staged: Path, scratch: Path, changes: dict[str, object]
) -> None:
    """Bring the staged copy to what the live database will be after the restore."""
    from app.store.engine import Database
    from app.store.migrate import needs_upgrade, upgrade

    db = Database(staged, ctx.db.key)
    try:
        if needs_upgrade(db.engine):
            upgrade(db.engine, staged, scratch, key=ctx.db.key)
        prepare_restored(Context(ctx.data_dir, db), actor, changes)
    finally:
        db.close()


def prepare_restored(restored: Context, actor: Actor, changes: dict[str, object]) -> None:
    """What every restore does to the restored register before it becomes the live one
    (a staged SQLite copy, or a database restored on the server): every erasure of the
    ledger re-applied, sequences moved past the ones already issued, and its ``restore``
    entry written."""
    from app.services import privacy, sequences

    reapplied = privacy.reapply_erasures(restored, actor)
    identity = restored.identity
    with restored.db.session() as s:
        sequences.reconcile(s, restored.data_dir)
        repo.add_history(
            s,
            at=dt.datetime.now(),
            actor=actor.username,
            install_code=identity.install_code,
            entity="install",
            entity_id=identity.install_code,
            action="restore",
            changes=changes | {"erasures_reapplied": len(reapplied)},
        )
