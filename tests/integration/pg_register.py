"""A kabupaten register on the PostgreSQL server given in ``LINDUNGI_TEST_PG`` (tests of
several desks, backups and the move skip without one).

``LINDUNGI_TEST_PG`` is a ``postgresql://user[:password]@host:port/database`` URL of an
account that may create databases (scripts/pg-test-server.sh prints one); each test gets
a database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.install import Role
from app.services.context import Context
from app.services.setup import setup_install
from app.store.engine import BUSY_TIMEOUT_S, DB_FILENAME, Database
from app.store.migrate import upgrade
from app.store.pg import ServerAddress, make_pg_engine, parse
from tests.actors import ADMIN

PG_URL = os.environ.get("LINDUNGI_TEST_PG", "")
KEY = bytes(range(32))


def server() -> tuple[ServerAddress, str | None]:
    """The test server's address and password."""
    return parse(PG_URL)


def _admin(sql: str) -> None:
    address, password = server()
    engine = make_pg_engine(address, password, busy_timeout_s=BUSY_TIMEOUT_S)
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def create_database() -> ServerAddress:
    """A new, empty database on the test server; its address."""
    address, _password = server()
    name = f"lindungi_t_{uuid.uuid4().hex[:12]}"
    _admin(f'CREATE DATABASE "{name}"')
    return ServerAddress(
        address.host, address.port, name, address.user, address.sslmode, address.sslrootcert
    )


def drop_database(address: ServerAddress) -> None:
    """Remove a test database (and end the sessions still on it)."""
    _admin(f'DROP DATABASE IF EXISTS "{address.database}" WITH (FORCE)')


def open_register(data_dir: Path, address: ServerAddress) -> Context:
    """A desk: a data dir whose register is the database at ``address`` (migrated)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    for sub in ("logs", "backups", "keys"):
        (data_dir / sub).mkdir(exist_ok=True)
    _address, password = server()
    db = Database(data_dir / DB_FILENAME, KEY, server=address, password=password)
    upgrade(db.engine, db.path, data_dir / "backups")
    return Context(data_dir, db)


@pytest.fixture
def pg_database() -> Iterator[ServerAddress]:
    """An empty database of its own on the test server."""
    if not PG_URL:
        pytest.skip("no PostgreSQL server given: set LINDUNGI_TEST_PG (see README)")
    address = create_database()
    yield address
    drop_database(address)


@pytest.fixture
def pg_kabupaten(pg_database: ServerAddress, tmp_path: Path) -> Iterator[Context]:
    """The kabupaten of Sijunjung (130300-K) with its register on the test server."""
    ctx = open_register(tmp_path / "kabupaten", pg_database)
    setup_install(ctx, ADMIN, role=Role.KABUPATEN)
    yield ctx
    ctx.close()


def url_of(address: ServerAddress) -> str:
    """The ``postgresql://`` address of a test database, with the test server's password."""
    _address, password = server()
    secret = f":{password}" if password else ""
    return f"postgresql://{address.user}{secret}@{address.host}:{address.port}/{address.database}"
