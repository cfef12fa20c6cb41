"""A kabupaten's register on a PostgreSQL server: attaching a data dir to it at setup,
and opening it after a sign-in.

The data dir stays on the desk's PC and keeps what a sign-in needs before the register
opens (the key vault, logs, the install's sealed keys); ``database.json`` there says where
the server is. The server's password is sealed with the register's key (app.services.vault),
which only a sign-in or the recovery key unwraps: no plain file holds it. Only the
kabupaten may choose a server; a kecamatan's register stays the encrypted SQLite file.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from app.errors import Refused, StorageError
from app.store import ledger, pg
from app.store.engine import DB_FILENAME, Database
from app.store.migrate import known_revisions

if TYPE_CHECKING:
    from app.services.context import Context

log = logging.getLogger(__name__)

PASSWORD_PURPOSE = "server-password"  # noqa: S105 (a label, not a password)


def uses_server(data_dir: Path) -> bool:
    """True when the register of ``data_dir`` is on a PostgreSQL server."""
    return pg.locator_path(data_dir).is_file()


def register_exists(data_dir: Path) -> bool:
    """True when ``data_dir`` has a register: its SQLite file, or a server's record."""
    return (data_dir / DB_FILENAME).is_file() or uses_server(data_dir)


def check_target(address: pg.ServerAddress, password: str | None) -> None:
    """Before setup writes anything: the server answers, takes the password, has the
    database, and that database holds no register yet (nor one of a newer Lindungi).

    A register that a setup left unfinished (its install row written, then the setup
    failed before the first administrator's account and could not reach the server to
    remove what it had made) is no register: when no setup is running there now, its
    tables are removed here, so that the same setup runs again whole.

    Raises:
        StorageError: an unreachable server, a refused password, no such database, TLS
            refused, or a register of a newer version.
        Refused: ``pg.not_empty``: the database already holds a register.
    """
    pg.check_connection(address, password)
    with connected(address, password) as conn:
        if not inspect(conn).has_table("alembic_version"):
            return
        current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if current is not None and current not in known_revisions():
            raise StorageError("db.newer", revision=current)
        install = None
        if inspect(conn).has_table("install"):
            install = conn.execute(text("SELECT install_code FROM install")).scalar()
        if install is None:
            return
        left = _left_by_a_failed_setup(conn)
    if not left or not _remove_setup_tables(address, password, "an earlier setup left"):
        raise Refused("pg.not_empty", database=address.database, code=install)


def _left_by_a_failed_setup(conn: Connection) -> bool:
    """The register of ``conn`` is what a failed setup left: its mark is there, nobody has
    an account, and no setup is running on the server now."""
    from app.store.concurrency import SETUP_UNFINISHED, setup_running

    if not (inspect(conn).has_table("setting") and inspect(conn).has_table("account")):
        return False  # a register of a version before accounts: never a setup's leftover
    marked = conn.execute(
        text("SELECT count(*) FROM setting WHERE key = :key"), {"key": SETUP_UNFINISHED}
    ).scalar()
    if not marked or conn.execute(text("SELECT count(*) FROM account")).scalar():
        return False
    return not setup_running(conn)


@contextmanager
def connected(address: pg.ServerAddress, password: str | None) -> Iterator[Connection]:
    """A short connection to the database at ``address`` for a check before anything is
    written; the server's faults come out as their clear refusals.

    Raises:
        StorageError: see :func:`app.store.pg.server_error`.
    """
    engine = pg.make_pg_engine(address, password, busy_timeout_s=5)
    try:
        with engine.connect() as conn:
            yield conn
    except (StorageError, Refused):
        raise
    except Exception as exc:
        refusal = pg.server_error(exc, address)
        if refusal is None:
            raise
        raise refusal from exc
    finally:
        engine.dispose()


def check_url(url: str, password: str | None) -> pg.ServerAddress:
    """:func:`check_target` for the server at ``url`` (``password``, when given, in place of
    the URL's own).

    Raises:
        InvalidInput: not a PostgreSQL URL.
        StorageError, Refused: see :func:`check_target`.
    """
    address, in_url = pg.parse(url)
    check_target(address, in_url if password is None else password)
    return address


def undo_setup(url: str, password: str | None) -> None:
    """After a setup on the server at ``url`` failed (its check had found no register
    there): remove what the attempt made in the server's database (the register's tables,
    an install row, the ledger's documents), so that the same setup runs again whole
    instead of finding a register without its administrator. A database that also holds
    tables of something else is left as it is; a server that cannot be reached now is
    logged (a retry then finds the tables: without an install row it carries on; with one
    still marked unfinished and no setup running, :func:`check_target` removes them).
    """
    address, in_url = pg.parse(url)
    try:
        _remove_setup_tables(
            address, in_url if password is None else password, "of the failed setup"
        )
    except Exception as exc:  # the server's fault: the failure being reported matters more
        log.warning("the failed setup's tables on %s not removed: %s", address.display(), exc)


def _remove_setup_tables(address: pg.ServerAddress, password: str | None, which: str) -> bool:
    """Remove the register's tables from the database at ``address``, unless it also holds
    tables of something else (then logged and left alone: False)."""
    from app.store import pgdump
    from app.store.tables import Base

    ours = set(Base.metadata.tables) | {"alembic_version", "lindungi_ledger", "participant_word"}
    engine = pg.make_pg_engine(address, password, busy_timeout_s=5)
    try:
        found = set(pgdump.user_tables(engine))
        if found and found <= ours:
            pgdump.empty_out(engine)
            log.warning("the tables %s on %s were removed", which, address.display())
        elif found:
            log.warning("the tables %s on %s left (others there)", which, address.display())
            return False
        return True
    finally:
        engine.dispose()


def attach(data_dir: Path, url: str, password: str | None, key: bytes) -> pg.ServerAddress:
    """Record in ``data_dir`` that its register is on the server at ``url`` (checked
    first with :func:`check_target`; nothing is written when that fails), the password
    sealed with the register's ``key``.

    Raises:
        InvalidInput: not a PostgreSQL URL.
        StorageError, Refused: see :func:`check_target`.
    """
    from app.services import vault

    address, in_url = pg.parse(url)
    password = in_url if password is None else password
    check_target(address, password)
    sealed = None if password is None else vault.seal_secret(key, password, PASSWORD_PURPOSE)
    pg.save_locator(data_dir, pg.Locator(address, sealed))
    log.info("register on the server %s", address.display())
    return address


def open_database(data_dir: Path, key: bytes | None) -> Database:
    """The register on the server that ``data_dir`` records, with the password the
    register's ``key`` unseals.

    Raises:
        Refused: ``signin.needed``: no key (the password stays sealed without a sign-in).
        StorageError: the record is damaged, or the password was sealed with another key.
    """
    from app.services import vault

    locator = pg.load_locator(data_dir)
    if locator is None:
        raise StorageError("pg.locator", path=str(pg.locator_path(data_dir)))
    password = None
    if locator.sealed_password is not None:
        if key is None:
            raise Refused("signin.needed", path=str(data_dir))
        password = vault.open_secret(key, locator.sealed_password, PASSWORD_PURPOSE)
    db = Database(data_dir / DB_FILENAME, key, server=locator.address, password=password)
    db = _follow_restore(data_dir, locator, password, db)
    _finish_restore_journal(data_dir, locator.address, db, password)
    ledger.use_server(data_dir, db.engine)  # sequences, chain head, erasures: in the server
    return db


# --- a restore on the server that this desk did not finish ---------------------------------

RESTORE_JOURNAL = "restore-server-pending.json"


def journal_restore(data_dir: Path, live: str, database: str) -> None:
    """Record, before a restore fills ``database``, that it is to replace ``live``: a desk
    killed before the restore's end finds this at its next start (see below)."""
    body = json.dumps({"from": live, "database": database})
    ledger.write_file(data_dir / RESTORE_JOURNAL, body)


def end_restore_journal(data_dir: Path) -> None:
    """The restore ended (switched, or its database emptied again after a failure)."""
    (data_dir / RESTORE_JOURNAL).unlink(missing_ok=True)


def _finish_restore_journal(
    data_dir: Path, opened: pg.ServerAddress, db: Database, password: str | None
) -> None:
    """A restore at this desk that was killed before its end: when the database it was to
    replace (``opened``, the one the data dir named) still carries no mark, the restore
    never took place (app.store.ledger.hand_over commits the mark last), and the database it
    filled is emptied again, so that the restore can be made again into it. When the mark
    is there, this desk has just followed it: the restore is complete. Either way the
    journal ends; an emptying that fails is logged and tried at the next start."""
    path = data_dir / RESTORE_JOURNAL
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        live, filled = str(entry["from"]), str(entry["database"])
    except FileNotFoundError:
        return
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("unreadable record of an unfinished restore removed: %s", path.name)
        end_restore_journal(data_dir)
        return
    assert db.server is not None
    unfinished = opened.database == live == db.server.database and filled not in ("", live)
    if unfinished:
        target = Database(
            db.path, db.key, server=dataclasses.replace(opened, database=filled), password=password
        )
        from app.store import pgdump  # only here: its cipher is not needed to open

        try:
            pgdump.empty_out(target.engine)
            log.warning(
                "a restore into database %s was not finished: it was emptied; the register "
                "is still database %s",
                filled,
                live,
            )
        except Exception as exc:  # the server's fault: the next start tries again
            refusal = pg.server_error(exc, opened)
            if refusal is None or refusal.code != "pg.no_database":
                log.warning("database %s of an unfinished restore not emptied: %s", filled, exc)
                return
            log.warning("database %s of an unfinished restore is gone", filled)
        finally:
            target.close()
    end_restore_journal(data_dir)


# A restore into a database that was itself replaced later is followed on, a few steps.
FOLLOW_STEPS = 5


def _follow_restore(
    data_dir: Path, locator: pg.Locator, password: str | None, db: Database
) -> Database:
    """``db``, or, when a restore at another desk replaced its database (the ledger's mark,
    app.store.ledger), the restored database, checked to be a register of the same install;
    the data dir's record then names it (same server, password and TLS; one rename).

    Raises:
        StorageError: ``pg.follow_gone`` (the restored database cannot be opened) or
            ``pg.follow_other`` (it holds no register of this install); the record is left
            as it was and nothing works on the replaced database.
    """
    address = locator.address
    try:
        for _step in range(FOLLOW_STEPS):
            mark, install = _mark_and_install(db)
            if mark is None:
                break
            restored = str(mark.get("database") or "")
            where = {"database": address.database, "restored": restored or "?"}
            if not restored or restored == address.database:
                raise StorageError("pg.follow_other", code=install or "?", **where)
            target = dataclasses.replace(address, database=restored)
            db.close()
            db = Database(db.path, db.key, server=target, password=password)
            try:
                _mark, found = _mark_and_install(db, install_anyway=True)
            except StorageError as exc:
                raise StorageError("pg.follow_gone", reason=str(exc), **where) from exc
            if found is None or found != install:
                raise StorageError("pg.follow_other", code=install or "?", **where)
            address = target
        else:
            where = {"database": address.database, "restored": "?"}
            raise StorageError("pg.follow_other", code="?", **where)
    except BaseException:
        db.close()
        raise
    if address != locator.address:
        pg.save_locator(data_dir, pg.Locator(address, locator.sealed_password))
        log.warning(
            "database %s was replaced by a restore at another desk: this desk now works on %s",
            locator.address.database,
            address.database,
        )
    return db


def _mark_and_install(
    db: Database, *, install_anyway: bool = False
) -> tuple[dict[str, object] | None, str | None]:
    """The restore's mark in ``db`` (None while it is in use) and, when there is one or
    ``install_anyway``, its install's code (None when it holds no register).

    Raises:
        StorageError: the server's refusal (unreachable, no such database, …).
    """
    assert db.server is not None
    try:
        with db.engine.connect() as conn:
            mark = ledger.superseded(conn)
            install = None
            if (mark is not None or install_anyway) and conn.execute(
                text("SELECT to_regclass('install') IS NOT NULL")
            ).scalar():
                install = conn.execute(text("SELECT install_code FROM install")).scalar()
    except (StorageError, Refused):
        raise
    except Exception as exc:
        refusal = pg.server_error(exc, db.server)
        if refusal is None:
            raise
        raise refusal from exc
    return mark, None if install is None else str(install)


# --- the first-run wizard: a data dir opened for its setup, its register put on a server ---

SSLMODES = pg.SSLMODES
DEFAULT_PORT = pg.DEFAULT_PORT


def address_url(
    host: str, port: int, database: str, user: str, sslmode: str, sslrootcert: str | None
) -> str:
    """The ``postgresql://`` address (never with a password) of these fields, as
    ``setup --database`` takes it."""
    address = pg.ServerAddress(
        host.strip(), port, database.strip(), user.strip(), sslmode, sslrootcert or None
    )
    return address.display()


def drop_fresh_register(ctx: Context) -> None:
    """Close the empty register that opening a new data dir made (the GUI opens the data
    dir before its first-run wizard asks where the register goes) and remove its file.

    Raises:
        Refused: ``setup.already``: the register is set up (it is never removed).
    """
    if ctx.is_set_up:
        raise Refused("setup.already", code=ctx.identity.install_code)
    ctx.db.close()
    for suffix in ("", "-wal", "-shm", "-journal"):
        (ctx.data_dir / (DB_FILENAME + suffix)).unlink(missing_ok=True)


def reopen(ctx: Context) -> None:
    """``ctx`` on the register its data dir now records (the server's, or a new SQLite
    file), in place: whoever holds ``ctx`` works on it from now on."""
    from app.services.context import open_data_dir

    ctx.db = open_data_dir(ctx.data_dir).db
    ctx.forget_cached()


def attach_fresh(ctx: Context, url: str, password: str | None) -> pg.ServerAddress:
    """Put the register of ``ctx``, a data dir opened for its setup and not set up, on
    the server at ``url`` (checked first, as ``setup --database`` does), sealing the
    password with the data dir's new key; ``ctx`` then works on the server. When that
    fails, ``ctx`` is as it was (an empty register on this PC) and nothing else is left.

    Raises:
        Refused: ``setup.already``, or as :func:`check_target`.
        InvalidInput: not a PostgreSQL URL.
        StorageError: as :func:`check_target`, or the server failed while the register's
            tables were made.
    """
    from app.services.context import database_key

    if ctx.is_set_up:
        raise Refused("setup.already", code=ctx.identity.install_code)
    check_url(url, password)  # before anything is closed or removed
    drop_fresh_register(ctx)
    try:
        key = database_key(ctx.data_dir)
        assert key is not None  # a new data dir's unclaimed key
        address = attach(ctx.data_dir, url, password, key)
        reopen(ctx)
    except BaseException:
        detach_fresh(ctx, opened=False)
        raise
    return address


def detach_fresh(ctx: Context, *, opened: bool = True) -> None:
    """Undo :func:`attach_fresh` when the setup that followed it failed (or a desk's join
    that failed): the data dir no longer records the server, and ``ctx`` is on an empty
    register on this PC again. The server's database keeps the tables the attempt made (a
    second attempt finds it still without a register).
    """
    if opened:
        ctx.db.close()
    pg.locator_path(ctx.data_dir).unlink(missing_ok=True)
    ledger.forget_server(ctx.data_dir)
    reopen(ctx)
