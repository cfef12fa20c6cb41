"""Adding a desk: a new PC's data dir joins the kabupaten's register on a PostgreSQL server
(``lindungi database join``).

The first desk set the register up; its accounts' wraps of the register key are kept in
the server too (app.services.vault, the ledger document ``vault``). Joining checks the
server and the database (a Lindungi register of this version, a kabupaten's, with that
copy), copies the wraps into the new data dir's ``vault.json``, and proves with an account's
password that it unwraps the register key; only then is ``database.json`` written, with the
server's password sealed under that key. The desk then shares the install's identity and
works on the same register (docs/postgresql.md, "adding a desk").
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text

from app.errors import Refused, StorageError
from app.services import accounts, server, vault
from app.services.actor import Actor
from app.services.context import Context, ensure_writable
from app.store import pg
from app.store.migrate import known_revisions

log = logging.getLogger(__name__)


def shared_vault(address: pg.ServerAddress, password: str | None) -> dict[str, Any]:
    """The shared vault of the kabupaten's register in the database at ``address``.

    Raises:
        StorageError: an unreachable server, a refused password, no such database, TLS
            refused, or a register of a newer version.
        Refused: ``join.not_register`` (no Lindungi register there), ``join.kecamatan``
            (a kecamatan's), ``join.no_vault`` (set up before desks shared their wraps).
    """
    pg.check_connection(address, password)
    with server.connected(address, password) as conn:
        tables = set(inspect(conn).get_table_names())
        if not {"alembic_version", "install", "lindungi_ledger"} <= tables:
            raise Refused("join.not_register", database=address.database)
        current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if current is not None and current not in known_revisions():
            raise StorageError("db.newer", revision=current)
        role = conn.execute(text("SELECT role FROM install")).scalar()
        if role is None:
            raise Refused("join.not_register", database=address.database)
        if role != "kabupaten":
            raise Refused("join.kecamatan", database=address.database)
        body = conn.execute(
            text("SELECT body FROM lindungi_ledger WHERE name = :n"), {"n": vault.SHARED_DOC}
        ).scalar()
    try:
        common = json.loads(body) if body is not None else None
    except ValueError:
        common = None
    if not isinstance(common, dict) or not common.get("accounts"):
        raise Refused("join.no_vault", database=address.database)
    return common


def check_new(data_dir: Path) -> None:
    """A desk joins with a new data dir only.

    Raises:
        Refused: ``setup.already``: ``data_dir`` holds a register or a key vault.
    """
    if server.register_exists(data_dir) or vault.path_of(data_dir).exists():
        raise Refused("setup.already", code=vault.label(data_dir, "install") or str(data_dir))


def join(
    data_dir: Path, url: str, db_password: str | None, username: str, password: str
) -> tuple[Context, Actor]:
    """Make ``data_dir`` (a new one) a desk of the register at ``url``, signed in as
    ``username``; returns the opened register and the account. Nothing is left in
    ``data_dir`` when it fails.

    Raises:
        Refused: ``setup.already`` (the data dir holds a register or a key vault),
            ``login.failed`` (no such account on the server, or a wrong password), or as
            :func:`shared_vault`.
        InvalidInput: not a PostgreSQL URL.
        StorageError: as :func:`shared_vault`.
    """
    check_new(data_dir)
    address, in_url = pg.parse(url)
    db_password = in_url if db_password is None else db_password
    common = shared_vault(address, db_password)
    name = username.strip().lower()
    entry = common["accounts"].get(name)
    key = None if entry is None else vault.unwrap(entry, password, f"account:{name}")
    if key is None:
        raise Refused("login.failed")
    ensure_writable(data_dir)
    written = [vault.path_of(data_dir), pg.locator_path(data_dir)]
    try:
        vault.save(data_dir, vault.with_shared(None, common))
        sealed = None
        if db_password is not None:
            sealed = vault.seal_secret(key, db_password, server.PASSWORD_PURPOSE)
        pg.save_locator(data_dir, pg.Locator(address, sealed))
        ctx, actor = accounts.sign_in(data_dir, name, password)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    log.info("desk joined the register on %s", address.display())
    return ctx, actor


def check_url(url: str, db_password: str | None) -> None:
    """The check a desk's join makes before it asks for an account: the server at ``url``
    (``db_password``, when given, in place of the URL's own) holds a kabupaten's register
    that shares its sign-ins.

    Raises:
        InvalidInput: not a PostgreSQL URL.
        StorageError, Refused: as :func:`shared_vault`.
    """
    address, in_url = pg.parse(url)
    shared_vault(address, in_url if db_password is None else db_password)


def join_fresh(
    ctx: Context, url: str, db_password: str | None, username: str, password: str
) -> Actor:
    """:func:`join` for ``ctx``, a data dir the first-run wizard opened for its setup: its
    empty register and unclaimed key are dropped, the desk joins, and ``ctx`` works on the
    server's register from then on. When the join fails, ``ctx`` is on an empty register
    of this PC again (with a new key), as before.

    Raises:
        Refused, InvalidInput, StorageError: as :func:`join`.
    """
    path = ctx.data_dir
    check_url(url, db_password)  # before anything is closed or removed
    if vault.unclaimed_key(vault.load(path)) is None:
        raise Refused("setup.already", code=vault.label(path, "install") or str(path))
    server.drop_fresh_register(ctx)
    vault.path_of(path).unlink(missing_ok=True)
    try:
        joined, actor = join(path, url, db_password, username, password)
    except BaseException:
        server.detach_fresh(ctx, opened=False)
        raise
    ctx.db = joined.db
    ctx.forget_cached()
    return actor
