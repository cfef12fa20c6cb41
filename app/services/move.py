"""``lindungi database move --to postgresql://…``: the kabupaten's register moves from its
SQLite file onto a PostgreSQL server, so that several desks at the Dinas can share it.

Nothing is half changed at any moment:

1. Checks first, before anything is written: the kabupaten, a register still on this PC,
   a server that answers, takes the password and has the database, and that database
   empty.
2. The server's database is built by this version's migrations and the register copied
   into it in one transaction (app.store.transfer).
3. Every table is read back from both sides and compared row by row; then ``audit
   verify`` walks the copy's chain and replays every participant. Any difference empties
   the server's database again and leaves the install exactly as it was.
4. Only then does the data dir record the server (``database.json``, the password sealed
   with the register's key: one rename), and the SQLite file moves into the backups
   folder (it is encrypted with the same key, so it stays a restorable backup).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from app.domain.install import Role as InstallRole
from app.errors import Refused
from app.services import presence, server
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import pg, pgdump, transfer
from app.store.backup import backup_name
from app.store.engine import BUSY_TIMEOUT_S, Database
from app.store.migrate import upgrade

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Moved:
    """What the move did."""

    address: pg.ServerAddress
    participants: int
    rows: int
    tables: int
    backup: Path


def move(ctx: Context, actor: Actor, url: str, password: str | None = None) -> Moved:
    """Move the register of ``ctx`` onto the empty PostgreSQL database at ``url``
    (``password``, when given, in place of the URL's own). ``ctx`` is closed afterwards:
    open the data dir again to work on the server.

    Raises:
        Refused: not the kabupaten, already on a server, the database not empty, or the
            copy differs (named) or fails its audit check; nothing was changed.
        InvalidInput: not a PostgreSQL address.
        StorageError: the server cannot be reached or refuses the password or database.
    """
    actor.require(Role.ADMIN)
    if ctx.identity.role is not InstallRole.KABUPATEN:
        raise Refused("move.not_kabupaten")
    if ctx.db.on_server:
        raise Refused("move.already")
    key = ctx.db.key
    if key is None:  # a plaintext register is encrypted at its first sign-in
        raise Refused("signin.needed", path=str(ctx.data_dir))
    others = presence.others(ctx, "")
    if others:
        names = ", ".join(f"{d.account} ({d.host})" for d in others)
        raise Refused("move.desks", names=names)
    address, in_url = pg.parse(url)
    password = in_url if password is None else password
    server.check_target(address, password)  # answers, password, database, no register
    target = Database(ctx.db.path, key, server=address, password=password)
    try:
        found = pgdump.user_tables(target.engine)
        if found:
            raise Refused("move.not_empty", database=address.database, tables=", ".join(found[:5]))
        # The register's write lock, held until the copy is checked: no other program
        # changes the file meanwhile (it waits, then is told the register is busy).
        with ctx.db.session() as hold:
            hold.execute(text("SELECT 1"))
            copied = _copy_and_check(ctx, target)
    finally:
        target.close()
    participants = copied.get("participant", 0)
    # The switch: the data dir records the server (one rename), then the file steps aside.
    sealed = None if password is None else _seal(key, password)
    pg.save_locator(ctx.data_dir, pg.Locator(address, sealed))
    ctx.close()
    kept = _keep_file(ctx)
    log.info("register moved to %s (%d participants)", address.display(), participants)
    return Moved(address, participants, sum(copied.values()), len(copied), kept)


def _seal(key: bytes, password: str) -> dict[str, str]:
    from app.services import vault

    return vault.seal_secret(key, password, server.PASSWORD_PURPOSE)


def _copy_and_check(ctx: Context, target: Database) -> dict[str, int]:
    """Build, fill and check the server's database; emptied again on any failure."""
    try:
        upgrade(target.engine, target.path, ctx.data_dir / "backups")
        with target.engine.begin() as conn:
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{BUSY_TIMEOUT_S}s'")
            conn.exec_driver_sql("SET LOCAL synchronous_commit = on")  # pg.vacuum_analyze
            copied = transfer.copy(ctx.db.engine, conn)
        pg.vacuum_analyze(target.engine)  # statistics and visibility for the checks and desks
        differs = transfer.compare(ctx.db.engine, target.engine)
        if differs is not None:
            raise Refused("move.mismatch", table=differs.table, row=differs.row)
        _audit(ctx, target)
    except BaseException:
        try:
            pgdump.empty_out(target.engine)
        except Exception as exc:  # the first failure is the one to tell
            log.warning("the server's database could not be emptied again: %s", exc)
        raise
    return copied


def _audit(ctx: Context, target: Database) -> None:
    from app.services import audit

    moved = Context(ctx.data_dir, target)
    check = audit.verify(moved)
    if check.broken_at is not None:
        raise Refused("move.audit", reason=f"{check.kind} #{check.broken_at}")
    if check.ghosts or check.unexplained:
        first = (check.ghosts or check.unexplained)[0]
        raise Refused("move.audit", reason=first)


def _keep_file(ctx: Context) -> Path:
    """The SQLite file (and its WAL) moved into the backups folder."""
    db_path = ctx.data_dir / ctx.db.path.name
    folder = ctx.data_dir / "backups"
    folder.mkdir(exist_ok=True)
    kept = folder / backup_name("moved-to-server", dt.datetime.now())
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    try:
        os.replace(db_path, kept)
    except OSError as exc:  # the move is done; the file only stays where it was
        log.warning("the SQLite file stays at %s: %s", db_path, exc)
        return db_path
    return kept
