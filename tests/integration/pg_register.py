"""Desks on a kabupaten register on the test server (tests/pg.py: ``LINDUNGI_TEST_PG``;
skipped without one, required under CI).

Each test gets an empty database of its own (dropped afterwards); :func:`open_register`
opens a desk on it directly, with its own engine and sessions, as a second program at
the Dinas would.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.install import Role
from app.services.context import Context
from app.services.setup import setup_install
from app.store.engine import DB_FILENAME, Database
from app.store.migrate import upgrade
from app.store.pg import ServerAddress
from tests.actors import ADMIN
from tests.pg import _the_server

KEY = bytes(range(32))


def server() -> tuple[ServerAddress, str | None]:
    """The test server's address and password."""
    test_server = _the_server()
    return test_server.address, test_server.password


def create_database() -> ServerAddress:
    """A new, empty database on the test server; its address."""
    address, _password = server()
    name = _the_server().create()
    return ServerAddress(
        address.host, address.port, name, address.user, address.sslmode, address.sslrootcert
    )


def drop_database(address: ServerAddress) -> None:
    """Remove a test database (and end the sessions still on it)."""
    _the_server().drop(address.database)


def open_register(data_dir: Path, address: ServerAddress) -> Context:
    """A desk: a data dir whose register is the database at ``address`` (migrated)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    for sub in ("logs", "backups", "keys"):
        (data_dir / sub).mkdir(exist_ok=True)
    _address, password = server()
    db = Database(data_dir / DB_FILENAME, KEY, server=address, password=password)
    upgrade(db.engine, db.path, data_dir / "backups")
    return Context(data_dir, db)


def url_of(address: ServerAddress) -> str:
    """The ``postgresql://`` address of a test database, with the test server's password."""
    return _the_server().url(address.database)


@pytest.fixture
def pg_database() -> Iterator[ServerAddress]:
    """An empty database of its own on the test server."""
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
