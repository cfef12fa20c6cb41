"""Tests on a PostgreSQL server (the kabupaten's register on a server).

The server is given as ``LINDUNGI_TEST_PG`` (a ``postgresql+pg8000://user:password@host:port/db``
URL of an account that may create databases; ``scripts/pg-test-server.sh start`` prints
one). Without it the tests that need a server are skipped with that reason, except under
CI (``CI=true``), where they fail: CI must run them.

- ``pg_url``: a fresh, empty database for one test (dropped after it).
- ``pg_register``: a fresh database with this version's schema, copied from a template
  database migrated once per session (a copy takes milliseconds; migrating, a second).
- ``--pg``: every kabupaten install that ``make_ctx`` sets up keeps its register on the
  server (a kecamatan's stays SQLite, as in the product), so the store, service and sync
  tests run on PostgreSQL too: ``pytest --pg tests/unit/services ...``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.services.context import Context, database_key, ensure_writable, open_data_dir
from app.store import pg

ENV = "LINDUNGI_TEST_PG"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--pg",
        action="store_true",
        help=f"kabupaten installs of make_ctx on the PostgreSQL server of {ENV}",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_file: opens the kabupaten's SQLite file itself (skipped with --pg, where "
        "tests/integration/test_postgres.py does the same on the server)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With ``--pg``, only the tests that set up data dirs (``make_ctx`` and the fixtures
    built on it) or use the server run: the others have nothing on the server to test."""
    if not config.getoption("--pg"):
        return
    skip = pytest.mark.skip(reason="opens the SQLite file itself; --pg puts it on the server")
    kept, dropped = [], []
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "make_ctx" not in names and "pg_server" not in names:
            dropped.append(item)
            continue
        if item.get_closest_marker("sqlite_file") is not None:
            item.add_marker(skip)
        kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


class Server:
    """The test server: makes and drops databases."""

    def __init__(self, url: str) -> None:
        self.address, self.password = pg.parse(url)
        self._template: str | None = None
        self.made: list[str] = []

    def _admin(self) -> Engine:
        return pg.make_pg_engine(self.address, self.password, busy_timeout_s=30)

    def _run(self, sql: str) -> None:
        engine = self._admin()
        try:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql(sql)
        finally:
            engine.dispose()

    def url(self, database: str) -> str:
        """The URL of ``database`` on this server, with the password."""
        rendered = self.address.url(self.password, database)
        return rendered.render_as_string(hide_password=False)

    def create(self, template: str | None = None) -> str:
        """A new database (a copy of ``template``); its name."""
        name = f"lindungi_t_{uuid.uuid4().hex[:12]}"
        self._run(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        self.made.append(name)
        return name

    def drop(self, name: str) -> None:
        self._run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self.made:
            self.made.remove(name)

    def migrated(self) -> str:
        """A database with this version's schema, to copy (made once)."""
        if self._template is None:
            from app.store.engine import Database
            from app.store.migrate import upgrade

            name = self.create()
            address = pg.ServerAddress(
                self.address.host, self.address.port, name, self.address.user
            )
            db = Database(Path("unused"), None, server=address, password=self.password)
            try:
                upgrade(db.engine, db.path, Path("unused"))
            finally:
                db.close()
            self._template = name
        return self._template


_server: Server | None = None


def _the_server() -> Server:
    global _server
    url = os.environ.get(ENV, "").strip()
    if not url:
        reason = f"no PostgreSQL server: set {ENV} (scripts/pg-test-server.sh start prints it)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; CI must run the PostgreSQL tests")
        pytest.skip(reason)
    if _server is None:
        _server = Server(url)
    return _server


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _server is not None:
        for name in list(_server.made):
            _server.drop(name)


@pytest.fixture
def pg_server() -> Server:
    """The test server (skips, or fails under CI, without one)."""
    return _the_server()


@pytest.fixture
def pg_url(pg_server: Server) -> Iterator[str]:
    """The URL of a fresh, empty database."""
    name = pg_server.create()
    yield pg_server.url(name)
    pg_server.drop(name)


@pytest.fixture
def pg_register(pg_server: Server) -> Iterator[str]:
    """The URL of a fresh database with this version's schema."""
    name = pg_server.create(pg_server.migrated())
    yield pg_server.url(name)
    pg_server.drop(name)


@pytest.fixture(autouse=True)
def _drop_test_databases() -> Iterator[None]:
    """Databases that ``open_test_data_dir`` made for a test go when it ends (after its
    data dirs are closed: this fixture is set up first, so it ends last)."""
    before = list(_server.made) if _server is not None else []
    yield
    if _server is not None:
        for name in [n for n in _server.made if n not in before and n != _server._template]:
            _server.drop(name)


def open_test_data_dir(path: Path, role: str, request: pytest.FixtureRequest) -> Context:
    """``open_data_dir(path)``; with ``--pg``, a kabupaten's data dir first records a
    fresh database on the test server as its register (as ``setup --database`` does)."""
    if role == "kabupaten" and request.config.getoption("--pg"):
        from app.services import server

        test_server = _the_server()
        url = test_server.url(test_server.create(test_server.migrated()))
        ensure_writable(path)
        key = database_key(path)
        assert key is not None
        server.attach(path, url, None, key)
    return open_data_dir(path)
