"""Backups of a kabupaten register kept on a PostgreSQL server, and their restore.

A backup is ``pg_dump``'s custom format, encrypted as it streams with the register's key
(app.store.pgdump): the app calls pg_dump when it is on the PATH; otherwise it says that
backups are then the server's job, and how to do them. On a server every change is one
transaction that lands whole or not at all, so the SQLite register's safety copies before
each import are not taken here; the daily backup, the manual one and the server's own
schedule remain.

A restore goes into an **empty** database of the same server, never over the live one:
``pg_restore`` in one transaction, then the same checks as on SQLite (a backup of this
install, a schema this version knows, brought up to date by the migrations and compared
with the live register's, every erasure of the ledger re-applied, sequences moved on, a
``restore`` entry, and the audit chain walked whole). Only then does the install switch
to the restored database; on any failure the new database is emptied again and the live
register is untouched. The previous database stays on the server as it was, with one
ledger document more: the mark that names the restored database (app.store.ledger). The
other desks follow that mark when they next open the register (app.services.server), and
a write they begin on the old database before that is refused (app.store.pg).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from pathlib import Path
from typing import Any

from app.errors import InvalidInput, Refused, StorageError
from app.services import chainhead
from app.services.actor import Actor, Role
from app.services.context import Context
from app.services.server import end_restore_journal, journal_restore
from app.store import ledger, pgdump
from app.store.engine import Database
from app.store.migrate import current_revision, needs_upgrade, upgrade
from app.store.pg import (
    WRITE_LOCK,
    Locator,
    ServerAddress,
    load_locator,
    refuse_if_superseded,
    save_locator,
)

log = logging.getLogger(__name__)

SUFFIX = ".pgdump"
# Automatic backups taken on a server: once a day, on a worker thread after the day's first
# sign-in. The "before an import" copies of a SQLite register are its transactions' job here
# (see the module's docstring), and a province's dump is too long to wait for at closing.
AUTOMATIC = ("daily",)


def on_server(ctx: Context) -> bool:
    """True when the register of ``ctx`` is on a PostgreSQL server."""
    return ctx.db.server is not None


def _address(ctx: Context) -> ServerAddress:
    address = ctx.db.server
    if address is None:
        raise Refused("pgbackup.not_server")
    return address


def server(ctx: Context, database: str | None = None) -> pgdump.Server:
    """What pg_dump and pg_restore need to reach the register (or another ``database`` of
    the same server)."""
    a = _address(ctx)
    return pgdump.Server(
        a.host,
        a.port,
        database or a.database,
        a.user,
        ctx.db.engine.url.password,
        a.sslmode,
        a.sslrootcert,
    )


def tools_present() -> bool:
    """True when pg_dump and pg_restore are on this PC's PATH."""
    return pgdump.tool("pg_dump") is not None and pgdump.tool("pg_restore") is not None


def _header(ctx: Context) -> dict[str, Any]:
    from app.services import vault

    stored = vault.load(ctx.data_dir) or {}
    return {
        "format": 1,
        "install": ctx.identity.install_code,
        "database": _address(ctx).database,
        "taken_at": dt.datetime.now().isoformat(timespec="seconds"),
        # The key's wraps (never the key): what a replacement PC needs with the sheet.
        "accounts": stored.get("accounts", {}),
        vault.RECOVERY: stored.get(vault.RECOVERY),
    }


def _key(ctx: Context) -> bytes:
    if ctx.db.key is None:
        raise StorageError("pgbackup.failed", reason="no register key")
    return ctx.db.key


def dump(ctx: Context, target: Path) -> Path:
    """An encrypted pg_dump of the register to ``target``.

    Raises:
        StorageError: no pg_dump on the PATH (the message says how backups are done then),
            pg_dump failed (its reason), or ``pg.superseded``: a restore at another desk
            replaced the database since this desk opened it (a dump of it would be a
            backup of a register nobody uses any more).
    """
    with ctx.db.engine.connect() as conn:  # also when the chain head cannot be signed now
        refuse_if_superseded(conn)
    chainhead.sign_now(ctx, "backup")
    return pgdump.dump(server(ctx), target, _key(ctx), _header(ctx))


def automatic(ctx: Context, folder: Path, name: str, reason: str) -> Path | None:
    """The automatic backup ``reason`` into ``folder``: taken once a day when pg_dump is
    here; otherwise (and for the safety copies before imports) None, logged."""
    if reason not in AUTOMATIC:
        log.info("no %s copy of a register on a server: its transaction is whole or absent", reason)
        return None
    if pgdump.tool("pg_dump") is None:
        log.warning("no pg_dump on the PATH: the server's own backups are the register's")
        return None
    return dump(ctx, folder / name)


def restore(ctx: Context, actor: Actor, path: Path, database: str) -> int:
    """Restore the backup at ``path`` into the empty ``database`` of the register's server,
    check it as a SQLite restore is checked, and make it the install's register.

    Returns:
        The participants restored.

    Raises:
        Refused: a backup of another install; the database is not empty.
        InvalidInput: not such a backup, damaged, of another key, of a newer version or
            with another schema.
        StorageError: no pg_restore, or it failed (the new database is emptied again).
    """
    actor.require(Role.ADMIN)
    try:
        header = pgdump.read_header(path)
    except (OSError, pgdump.DumpUnreadable) as exc:
        raise InvalidInput("pgbackup.not_dump", name=path.name) from exc
    ours = ctx.identity.install_code
    if header.get("install") != ours:
        raise Refused("backup.other_install", code=str(header.get("install")), ours=ours)
    database = database.strip()
    if not database or database == _address(ctx).database:
        raise Refused("pgbackup.not_empty", database=database or "?")
    target_address = dataclasses.replace(_address(ctx), database=database)
    target = Database(
        ctx.db.path, ctx.db.key, server=target_address, password=ctx.db.engine.url.password
    )
    try:
        found = pgdump.user_tables(target.engine)
        if found:
            raise Refused("pgbackup.not_empty", database=database)
        # Until the switch, the data dir names the database being filled: a desk killed
        # on the way empties it again at its next start (app.services.server).
        journal_restore(ctx.data_dir, _address(ctx).database, database)
        try:
            try:
                pgdump.restore(path, _key(ctx), server(ctx), database)
            except pgdump.DumpUnreadable as exc:
                raise InvalidInput("backup.other_key", name=path.name) from exc
            # A dump of a database that a restore had replaced carries its mark: the
            # restored database is to be the register in use (and the mark would refuse
            # the checks' own writes).
            ledger.clear_superseded(target.engine)
            count = _check_and_prepare(ctx, actor, target, path)
            # Checked whole: the ledger in use comes along (the restored one is the
            # backup's): erasures, sequences, account wraps and sealed keys made since.
            # Not the chain head: the restored chain is the backup's, and the backup's
            # head is the one it passes. Then the old database is marked as replaced by
            # it; every other desk follows at its next start, and its writes are refused
            # until then.
            ledger.hand_over(
                ctx.db.engine,
                target.engine,
                WRITE_LOCK,
                {
                    "database": database,
                    "install": ours,
                    "by": actor.username,
                    "file": path.name,
                    "at": dt.datetime.now().isoformat(timespec="seconds"),
                },
                {chainhead.FILENAME},
            )
        except BaseException:
            pgdump.empty_out(target.engine)
            end_restore_journal(ctx.data_dir)
            raise
    finally:
        target.close()
    # The switch: one rename of the data dir's record of its server. A crash before it
    # leaves this desk on the marked database, which it follows at its next start.
    old = load_locator(ctx.data_dir)
    sealed = old.sealed_password if old is not None else None
    save_locator(ctx.data_dir, Locator(target_address, sealed))
    end_restore_journal(ctx.data_dir)
    log.info("register restored from %s into database %s", path.name, database)
    return count


def _check_and_prepare(ctx: Context, actor: Actor, target: Database, path: Path) -> int:
    """The restored database brought up to date and checked like a restored SQLite file;
    its participants."""
    from sqlalchemy import text

    from app.services import audit
    from app.services.backup import prepare_restored

    try:
        behind = needs_upgrade(target.engine)
    except StorageError as exc:  # made by a newer Lindungi
        raise InvalidInput("db.newer", **exc.params) from exc
    if behind:
        upgrade(target.engine, target.path, ctx.data_dir / "backups")
    restored_schema, live_schema = pgdump.schema(target.engine), pgdump.schema(ctx.db.engine)
    if restored_schema != live_schema:
        differ = sorted({f"{k} {n}" for k, _t, n, _d in restored_schema ^ live_schema})
        raise InvalidInput(
            "backup.schema",
            name=path.name,
            revision=current_revision(target.engine) or "?",
            details=", ".join(differ[:5]),
        )
    restored = Context(ctx.data_dir, target)
    prepare_restored(restored, actor, {"file": path.name, "database": _name(target)})
    check = audit.verify(restored)
    if check.broken_at is not None or check.ghosts or check.unexplained:
        raise InvalidInput("pgbackup.audit", name=path.name, entry=check.broken_at or "-")
    with target.read() as s:
        return int(s.execute(text("SELECT count(*) FROM participant")).scalar() or 0)


def _name(db: Database) -> str:
    return db.server.database if db.server is not None else ""
