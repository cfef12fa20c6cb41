"""The one-time encryption of a register made before the register was encrypted at rest.

At the first sign-in after the upgrade (GUI or command line), once the account's password
was checked the old way:

1. there must be room for a second copy of the register (and its first encrypted backup);
2. an encrypted copy is written beside it (``sqlcipher_export``) under a new random key and
   checked (integrity, schema revision, row counts);
3. the key vault is written with a wrap for the account that signed in only (the others'
   passwords are not known: they are listed for an administrator to reset);
4. the encrypted copy replaces the register in one rename;
5. the plaintext register (through a second name kept for that), its WAL and its backups
   are overwritten with zeros, then removed; the install's private keys are sealed with
   the new key, and a first encrypted backup is taken.

A crash (even SIGKILL) at any moment leaves the plaintext register whole (steps 1-3: the
next sign-in starts again) or the encrypted one (from step 4: the next start finishes the
clean-up). Overwriting first is all an application can do: SSDs, NTFS and journaling file
systems may keep old blocks elsewhere, which is why docs/encryption.md says to encrypt the
disk too where the office can.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from pathlib import Path

from app.errors import StorageError
from app.services import vault
from app.services.actor import Actor
from app.services.context import Context, open_data_dir
from app.store import accounts as accounts_store
from app.store.backup import export_file, integrity
from app.store.engine import DB_FILENAME, connect, is_plaintext
from app.store.files import overwrite_and_remove

log = logging.getLogger(__name__)

COPY_SUFFIX = ".encrypting"  # the encrypted copy being made
OLD_SUFFIX = ".plaintext-old"  # a second name of the plaintext register, for overwriting
_TABLES = ("participant", "history", "account", "install")


def _counts(path: Path, key: bytes | None) -> dict[str, object]:
    con = connect(path, key)
    try:
        out: dict[str, object] = {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
            for t in _TABLES
        }
        out["revision"] = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return out
    finally:
        con.close()


def encrypt_register(ctx: Context, actor: Actor, password: str) -> Context:
    """Encrypt the plaintext register of ``ctx`` (closed on the way) for ``actor`` who just
    signed in with ``password``; returns the encrypted register, opened.

    Raises:
        StorageError: ``encrypt.no_room`` (nothing changed), or the copy failed its check.
    """
    data_dir, db_path = ctx.data_dir, ctx.db.path
    with ctx.db.read() as s:
        others = sorted(
            a.username for a in accounts_store.all_accounts(s) if a.username != actor.username
        )
    ctx.db.engine.dispose()
    con = connect(db_path, None)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    copy = db_path.with_name(db_path.name + COPY_SUFFIX)
    old = db_path.with_name(db_path.name + OLD_SUFFIX)
    copy.unlink(missing_ok=True)  # a copy an interrupted attempt left: encrypted anyway
    old.unlink(missing_ok=True)  # a second name of the live plaintext file: never overwrite
    size = db_path.stat().st_size
    need = 2 * size + 16 * 1024 * 1024
    if shutil.disk_usage(data_dir).free < need:
        raise StorageError(
            "encrypt.no_room", folder=str(data_dir), need=max(1, need // (1024 * 1024))
        )
    key = vault.fresh_key()
    export_file(db_path, None, copy, key)
    if integrity(copy, key) != ["ok"] or _counts(copy, key) != _counts(db_path, None):
        copy.unlink(missing_ok=True)
        raise StorageError("encrypt.check_failed", path=str(db_path))
    stored = vault.new_vault(key)
    stored.pop("unclaimed")
    stored["accounts"][actor.username] = vault.wrap(
        key, password, f"account:{actor.username}", vault.current_cost()
    )
    stored["to_reset"] = others
    from app.services.accounts import place_label

    stored["label"] = place_label(ctx)
    stored["install"] = ctx.identity.install_code
    vault.save(data_dir, stored)  # (a crash from here on: see remove_leftovers)
    with contextlib.suppress(OSError):  # without hard links the old blocks are only unlinked
        old.hardlink_to(db_path)
    try:
        copy.replace(db_path)
    except OSError as exc:  # another program holds the register open (Windows)
        copy.unlink(missing_ok=True)
        old.unlink(missing_ok=True)
        raise StorageError("db.busy", path=str(db_path)) from exc
    log.info("register encrypted; %d accounts wait for a reset", len(others))
    remove_leftovers(data_dir)
    new = open_data_dir(data_dir, key)
    from app.services import keys
    from app.services.backup import auto_backup

    keys.seal_files(new)
    auto_backup(new, "encrypted")
    return new


def remove_leftovers(data_dir: Path) -> int:
    """Overwrite and remove what a plaintext register left once the encrypted one is in its
    place (also after a crash part-way): the old register, its WAL, plaintext backups.

    Returns:
        How many files were removed.
    """
    db_path = data_dir / DB_FILENAME
    if is_plaintext(db_path) or vault.load(data_dir) is None:
        return 0
    victims = [
        db_path.with_name(db_path.name + OLD_SUFFIX),
        db_path.with_name(db_path.name + COPY_SUFFIX),
    ]
    backups = data_dir / "backups"
    if backups.is_dir():
        victims += [p for p in backups.glob("lindungi-*") if p.is_file() and is_plaintext(p)]
    removed = 0
    for path in victims:
        if path.exists():
            if path.name.endswith(COPY_SUFFIX):
                path.unlink(missing_ok=True)  # encrypted: nothing to overwrite
            else:
                overwrite_and_remove(path)
            removed += 1
    return removed
