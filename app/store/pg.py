"""The kabupaten's register on a PostgreSQL server, driven by ``pg8000``.

A kecamatan keeps its register in one encrypted SQLite file (app.store.engine); a
kabupaten may keep it on a PostgreSQL server instead, so that several desks at the Dinas
work on one register. The same models and migrations serve both; the dialect's own code
lives here, in app.store.engine and in the migrations.

- **Where the server is** is kept in ``database.json`` in the data dir (:func:`save_locator`):
  the address without its password, and the password sealed with the register's key (which
  only a sign-in unwraps, app.services.vault), never as plain text.
- **TLS** follows libpq's ``sslmode`` words: ``disable`` (never), ``prefer`` (libpq's
  default too: TLS when the server offers it, its certificate not checked), ``require``
  (encrypted, the certificate not checked), ``verify-ca`` (signed by ``sslrootcert``) and
  ``verify-full`` (and the host name matches). ``allow`` (plain text first) is refused:
  pg8000 cannot do that.
- **Write sessions are serial**: each takes one transaction-scoped advisory lock
  (``pg_advisory_xact_lock``) before it writes. Every write appends to the one hash chain
  of the history and may draw registration numbers, so writes must follow each other
  exactly as ``BEGIN IMMEDIATE`` makes them on SQLite; reads never wait. The wait is
  bounded by ``lock_timeout`` (the same seconds as SQLite's busy timeout) and then reads
  as "busy" (app.store.faults).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import ssl
import urllib.parse
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL

from app.errors import InvalidInput, StorageError
from app.store import ledger
from app.store.engine import LOCATOR_FILENAME
from app.store.faults import Fault, classify
from app.store.files import write_private

log = logging.getLogger(__name__)

LOCATOR_FORMAT = 1
DEFAULT_PORT = 5432
SCHEMES = ("postgresql", "postgres", "postgresql+pg8000")
SSLMODES = ("disable", "prefer", "require", "verify-ca", "verify-full")
# The advisory lock every write transaction takes (any constant: the register's own).
WRITE_LOCK = 0x4C494E44  # "LIND"
# pg8000's timeout is the socket's, for every read: the connection test at setup gives up
# after CONNECT_TIMEOUT_S, the register's engine only after SOCKET_TIMEOUT_S (longer than
# any lock wait or report; a server that vanished mid-statement is then reported).
CONNECT_TIMEOUT_S = 10
SOCKET_TIMEOUT_S = 300


@dataclass(frozen=True)
class ServerAddress:
    """Where the register's server is, without the password."""

    host: str
    port: int
    database: str
    user: str
    sslmode: str = "prefer"
    sslrootcert: str | None = None

    def display(self) -> str:
        """The address as the user typed it, without any password."""
        query = {"sslmode": self.sslmode}
        if self.sslrootcert:
            query["sslrootcert"] = self.sslrootcert
        user = urllib.parse.quote(self.user, safe="")
        db = urllib.parse.quote(self.database, safe="")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"postgresql://{user}@{host}:{self.port}/{db}?{urllib.parse.urlencode(query)}"

    def url(self, password: str | None, database: str | None = None) -> URL:
        """SQLAlchemy's URL for this address (``database`` for another database of the
        same server, as tests and the connection test use)."""
        return URL.create(
            "postgresql+pg8000",
            username=self.user,
            password=password,
            host=self.host,
            port=self.port,
            database=database or self.database,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "host": self.host,
            "port": self.port,
            "database": self.database,
            "user": self.user,
            "sslmode": self.sslmode,
            "sslrootcert": self.sslrootcert,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ServerAddress:
        return cls(
            host=str(data["host"]),
            port=int(data["port"]),
            database=str(data["database"]),
            user=str(data["user"]),
            sslmode=str(data.get("sslmode") or "prefer"),
            sslrootcert=data.get("sslrootcert") or None,
        )


def parse(value: str) -> tuple[ServerAddress, str | None]:
    """The address and the password (None when the URL has none) of a
    ``postgresql://user[:password]@host[:port]/database[?sslmode=…]`` URL.

    Raises:
        InvalidInput: ``pg.url``: not such a URL, or an unknown sslmode.
    """
    parts = urllib.parse.urlsplit(value.strip())
    if parts.scheme.lower() not in SCHEMES:
        raise InvalidInput("pg.url", url=_without_password(value))
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError as exc:
        raise InvalidInput("pg.url", url=_without_password(value)) from exc
    database = urllib.parse.unquote(parts.path.lstrip("/"))
    user = urllib.parse.unquote(parts.username or "")
    if not parts.hostname or not database or not user or "/" in database:
        raise InvalidInput("pg.url", url=_without_password(value))
    query = dict(urllib.parse.parse_qsl(parts.query))
    sslmode = query.pop("sslmode", "prefer")
    sslrootcert = query.pop("sslrootcert", None)
    if sslmode not in SSLMODES:
        raise InvalidInput("pg.sslmode", mode=sslmode, modes=", ".join(SSLMODES))
    if query:
        raise InvalidInput("pg.url_option", option=", ".join(sorted(query)))
    password = None if parts.password is None else urllib.parse.unquote(parts.password)
    address = ServerAddress(parts.hostname, port, database, user, sslmode, sslrootcert)
    return address, password


def _without_password(value: str) -> str:
    """``value`` with any password replaced, fit for a message or a log."""
    try:
        parts = urllib.parse.urlsplit(value.strip())
        if parts.password is None:
            return value.strip()
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
        return urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    except ValueError:
        return "postgresql://…"


def ssl_context(address: ServerAddress) -> ssl.SSLContext | bool | None:
    """pg8000's ``ssl_context`` for ``address.sslmode``: False (no TLS), None (TLS when the
    server offers it, unverified: pg8000's own "prefer") or the context that checks what
    the mode asks."""
    if address.sslmode == "disable":
        return False
    if address.sslmode == "prefer":
        return None
    try:
        ctx = ssl.create_default_context(cafile=address.sslrootcert)
    except (OSError, ssl.SSLError) as exc:  # missing, unreadable or not a certificate
        raise StorageError("pg.ca_file", path=str(address.sslrootcert)) from exc
    if address.sslmode == "require":
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    elif address.sslmode == "verify-ca":
        ctx.check_hostname = False
    return ctx


def connect_args(address: ServerAddress, timeout: int = SOCKET_TIMEOUT_S) -> dict[str, Any]:
    """pg8000's connection arguments: TLS and the socket's timeout."""
    return {
        "timeout": timeout,
        "application_name": "lindungi",
        "ssl_context": ssl_context(address),
    }


def make_pg_engine(
    address: ServerAddress,
    password: str | None,
    *,
    busy_timeout_s: int,
    database: str | None = None,
    socket_timeout_s: int = SOCKET_TIMEOUT_S,
) -> Engine:
    """An engine for the register on the server at ``address``.

    Every connection waits at most ``busy_timeout_s`` for a lock (then "busy"), keeps
    timestamps as written (no time zone conversion), and statements are never logged with
    their parameters (NIKs and names stay out of the logs).
    """
    engine = create_engine(
        address.url(password, database),
        hide_parameters=True,
        pool_pre_ping=True,
        connect_args=connect_args(address, socket_timeout_s),
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f"SET lock_timeout = '{int(busy_timeout_s)}s'")
        cur.execute("SET TIME ZONE 'UTC'")
        cur.close()
        dbapi_conn.commit()

    # A statement still running in the background (:func:`pipelined`, whose block ends only
    # when it has) ends before any statement through SQLAlchemy in the block.
    @event.listens_for(engine, "before_cursor_execute")
    def _settle_first(conn: Any, *_args: Any) -> None:
        settle(conn.connection.driver_connection)

    return engine


def vacuum_analyze(engine: Engine, tables: Sequence[str] | None = None) -> None:
    """``VACUUM (ANALYZE)`` of ``tables`` (those that exist), or of the whole database:
    after a bulk fill (a migration's, a move's copy) the pages are marked all-visible and
    the planner has its statistics, where autovacuum may take hours to come. It does not
    block readers or writers. A VACUUM that fails only costs speed: it is logged, not raised.

    VACUUM runs outside any transaction: on the driver's connection in autocommit (a pooled
    connection's check at checkout has begun one, which is ended first). It marks a page
    all-visible only once the commit of its rows is on disk: the filling transaction
    commits with ``synchronous_commit`` on (a server that commits asynchronously writes the
    commit a moment later, and the pages stay unmarked until the next VACUUM)."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.rollback()
        raw.autocommit = True
        cursor = raw.cursor()
        try:
            for table in [None] if tables is None else tables:
                if table is not None:
                    cursor.execute("SELECT to_regclass(%s)", (table,))
                    if cursor.fetchone()[0] is None:
                        continue
                try:
                    cursor.execute("VACUUM (ANALYZE)" + ("" if table is None else f" {table}"))
                except Exception as exc:  # the driver's own errors: logged
                    log.warning("VACUUM of %s failed: %s", table or "the database", exc)
        finally:
            raw.autocommit = False


def write_lock_on_begin(engine: Engine, option: str) -> None:
    """Every transaction begun on a connection with the execution option ``option`` (the
    store's write sessions and migrations) first takes the register's advisory lock: it is
    the only writer until it ends (see the module's docstring). It is then refused when a
    restore at another desk has replaced this database since (the ledger's mark, which that
    restore writes under the same lock): its work would land where no desk looks."""

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(option, False):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            refuse_if_superseded(conn)


def refuse_if_superseded(conn: Any) -> None:
    """Refuse the write begun on ``conn`` when its database carries a restore's mark (one
    read of the ledger's primary key; whether the ledger's table exists is asked once per
    connection, as a database being set up has none yet).

    Raises:
        StorageError: ``pg.superseded``: restart Lindungi, which then follows the restore.
    """
    if not conn.info.get(_HAS_LEDGER):
        if not ledger.has_ledger(conn):
            return
        conn.info[_HAS_LEDGER] = True
    ledger.refuse_if_marked(conn)


_HAS_LEDGER = "lindungi_has_ledger"


def check_connection(address: ServerAddress, password: str | None) -> str:
    """Connect once and return the server's version text.

    Raises:
        StorageError: the server cannot be reached, refuses the password, has no such
            database, or refuses TLS; each with its own message.
    """
    engine = make_pg_engine(address, password, busy_timeout_s=5, socket_timeout_s=CONNECT_TIMEOUT_S)
    try:
        with engine.connect() as conn:
            return str(conn.execute(text("SHOW server_version")).scalar())
    except Exception as exc:
        refusal = server_error(exc, address)
        if refusal is None:
            raise
        raise refusal from exc
    finally:
        engine.dispose()


def server_error(exc: BaseException, address: ServerAddress) -> StorageError | None:
    """The clear refusal for a server fault, or None when ``exc`` is none."""
    fault = classify(exc)
    where = {"host": address.host, "port": address.port}
    if fault is Fault.SERVER_UNREACHABLE:
        return StorageError("pg.unreachable", **where)
    if fault is Fault.AUTH_FAILED:
        return StorageError("pg.auth", user=address.user, **where)
    if fault is Fault.NO_DATABASE:
        return StorageError("pg.no_database", database=address.database, **where)
    if fault is Fault.TLS:
        return StorageError("pg.tls", mode=address.sslmode, **where)
    if fault is Fault.CONNECTION_LOST:
        return StorageError("pg.connection_lost", **where)
    if fault is Fault.DISK_FULL:
        return StorageError("pg.disk_full", **where)
    if fault is Fault.RETRY:
        return StorageError("pg.retry")
    return None


# --- where the server is: database.json in the data dir ---------------------------------


@dataclass(frozen=True)
class Locator:
    """The data dir's record of its register's server; the password stays sealed."""

    address: ServerAddress
    sealed_password: dict[str, str] | None


def locator_path(data_dir: Path) -> Path:
    return data_dir / LOCATOR_FILENAME


def load_locator(data_dir: Path) -> Locator | None:
    """The data dir's server record, or None when its register is the SQLite file.

    Raises:
        StorageError: the record exists but cannot be read.
    """
    path = locator_path(data_dir)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError("pg.locator", path=str(path)) from exc
    try:
        data = json.loads(raw)
        if data.get("engine") != "postgresql" or int(data.get("format", 0)) > LOCATOR_FORMAT:
            raise ValueError(data.get("engine"))
        sealed = data.get("password")
        return Locator(ServerAddress.from_json(data["server"]), sealed or None)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise StorageError("pg.locator", path=str(path)) from exc


def save_locator(data_dir: Path, locator: Locator) -> None:
    """Write the data dir's server record (owner-only, replaced in one rename)."""
    data = {
        "format": LOCATOR_FORMAT,
        "engine": "postgresql",
        "server": locator.address.to_json(),
        "password": locator.sealed_password,
    }
    write_private(locator_path(data_dir), json.dumps(data, indent=2).encode("utf-8"))


# --- the store's raw driver paths (bulk inserts, streamed reads) on PostgreSQL -----------


def _as_sqlite_text(value: Any) -> Any:
    """Dates and times in the text forms SQLite stores them in (app.store.engine's
    adapters): raw reads then give the hash chain and the state digests the same input on
    both engines."""
    if isinstance(value, dt.datetime):
        return value.isoformat(" ", "microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_TEMPORAL = frozenset((dt.datetime, dt.date))


class _Rows:
    """A pg8000 cursor read like sqlite3's: iteration, fetchone, fetchmany, fetchall."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    @staticmethod
    def _row(row: Any) -> tuple[Any, ...]:
        if _TEMPORAL.isdisjoint(map(type, row)):  # most rows: nothing to convert
            return tuple(row)
        return tuple(_as_sqlite_text(v) for v in row)

    def fetchone(self) -> tuple[Any, ...] | None:
        row = self._cursor.fetchone()
        return None if row is None else self._row(row)

    def fetchmany(self, size: int) -> list[tuple[Any, ...]]:
        return [self._row(r) for r in self._cursor.fetchmany(size)]

    def fetchall(self) -> list[tuple[Any, ...]]:
        return [self._row(r) for r in self._cursor.fetchall()]

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        while batch := self.fetchmany(1000):
            yield from batch


class RawConnection:
    """pg8000's connection with the calls the store makes on sqlite3's: ``execute`` and
    ``executemany`` with ``?`` placeholders (as pg8000's ``%s``)."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Rows:
        settle(self._conn)
        cursor = self._conn.cursor()
        cursor.execute(self._sql(sql), tuple(params))
        return _Rows(cursor)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """pg8000's ``executemany`` is one round trip per row (20,000 inserts of a merge
        took 20 s). An ``INSERT INTO t (a, …) VALUES (?, …)``, or an ``UPDATE t SET a = ?,
        … WHERE id = ?`` of distinct ids, goes instead as one statement per
        :data:`_PER_STATEMENT` rows that takes each column as one array (``unnest``), the
        rows in their order: the same rows, values, ids and triggers."""
        batch = [tuple(r) for r in rows]
        if not batch:
            return
        if _as_arrays(self._conn, sql, batch):
            return
        settle(self._conn)
        self._conn.cursor().executemany(self._sql(sql), batch)


@dataclass
class _Pipeline:
    """The block of :func:`pipelined` on one connection."""

    pool: ThreadPoolExecutor
    types: dict[str, dict[str, str]]
    running: Future[Any] | None = field(default=None)


_PIPELINES: dict[int, _Pipeline] = {}  # id of pg8000's connection → its block


@contextmanager
def pipelined(conn: Any, tables: Sequence[str]) -> Iterator[None]:
    """Within the block, the array statements of :meth:`RawConnection.executemany` on
    ``conn`` (pg8000's connection) run on a worker thread, so that the program prepares
    the next statement's arrays while the server works on the last (a merge's 20,000 rows
    and 40,000 history entries: the program's share of the writes then hides behind the
    server's). One statement runs at a time, in order; any other use of the connection (a
    read, a statement through SQLAlchemy, the block's end, before the transaction's) first
    waits for it and raises its error. ``tables``' column types are read before anything
    runs (reading them later would wait for the statement running). A block inside another
    on the same connection is part of the outer one."""
    if id(conn) in _PIPELINES:  # inside another block on this connection: its own
        yield
        return
    cursor = conn.cursor()
    types = {table: _column_types(cursor, table) for table in tables}
    with ThreadPoolExecutor(1, thread_name_prefix="lindungi-write") as pool:
        _PIPELINES[id(conn)] = _Pipeline(pool, types)
        try:
            yield
            settle(conn)
        except BaseException:
            settle(conn, quiet=True)  # the block's own error is the one to report
            raise
        finally:
            _PIPELINES.pop(id(conn), None)


def settle(conn: Any, quiet: bool = False) -> None:
    """Wait for the statement running in the background on ``conn`` (:func:`pipelined`),
    if any, and raise its error (unless ``quiet``)."""
    line = _PIPELINES.get(id(conn))
    if line is None or line.running is None:
        return
    running, line.running = line.running, None
    if quiet:
        wait([running])
        return
    running.result()


_INSERT_VALUES = re.compile(
    r"\s*INSERT INTO (\w+) \(([\w, ]+)\)\s+VALUES \((\?(?:,\s*\?)*)\)\s*", re.IGNORECASE
)
_UPDATE_BY_ID = re.compile(
    r"\s*UPDATE (\w+) SET (\w+ = \?(?:,\s*\w+ = \?)*) WHERE id = \?\s*", re.IGNORECASE
)
_PER_STATEMENT = 50_000


def _array_text(value: Any) -> str | None:
    """A value as the text its column's type reads (None stays NULL); ValueError for a
    value whose text might read otherwise than the driver would send it."""
    if value is None or type(value) is str:
        return value
    if type(value) is bool:
        return "true" if value else "false"
    if type(value) in (int, float, dt.date):
        return str(value)
    if type(value) is dt.datetime and value.tzinfo is None:
        return value.isoformat(" ")
    raise ValueError(type(value).__name__)


def _column_types(cursor: Any, table: str) -> dict[str, str]:
    cursor.execute(
        "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
        "WHERE attrelid = to_regclass(%s) AND attnum > 0 AND NOT attisdropped",
        (table,),
    )
    return dict(cursor.fetchall())


def _as_arrays(conn: Any, sql: str, rows: list[tuple[Any, ...]]) -> bool:
    """Run ``sql`` for ``rows`` as ``INSERT … SELECT … FROM unnest(…)`` or ``UPDATE … FROM
    unnest(…)``, every column sent as one text array and cast to its column's type (read
    from the catalogue); False (nothing done) for any other statement, an id named twice
    (where the order of the updates decides) or a value of another kind. In a
    :func:`pipelined` block the statements run in the background."""
    insert = _INSERT_VALUES.fullmatch(sql)
    update = None if insert else _UPDATE_BY_ID.fullmatch(sql)
    if insert is not None:
        table = insert[1]
        columns = [c.strip() for c in insert[2].split(",")]
        if insert[3].count("?") != len(columns):
            return False
    elif update is not None:
        table = update[1]
        columns = [c.split("=")[0].strip() for c in update[2].split(",")] + ["id"]
        if len({r[-1] for r in rows}) != len(rows):
            return False
    else:
        return False
    width = len(columns)
    if any(len(r) != width for r in rows):
        return False
    try:
        texts = [_column_text([r[k] for r in rows]) for k in range(width)]
    except ValueError:
        return False
    line = _PIPELINES.get(id(conn))
    cursor = conn.cursor()
    types = line.types.get(table) if line is not None else None
    if types is None:
        settle(conn)
        types = _column_types(cursor, table)
    if not all(c in types for c in columns):
        return False
    names = [f"c{i}" for i in range(width)]
    arrays = ", ".join(["CAST(%s AS text[])"] * width)
    cast = [f"CAST(v.{n} AS {types[c]})" for n, c in zip(names, columns, strict=True)]
    source = f"unnest({arrays}) WITH ORDINALITY AS v({', '.join(names)}, n)"
    if insert is not None:
        statement = (
            f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608 (the store's own names)
            f"SELECT {', '.join(cast)} FROM {source} ORDER BY v.n"
        )
    else:
        sets = ", ".join(f"{c} = {x}" for c, x in zip(columns[:-1], cast, strict=False))
        statement = (
            f"UPDATE {table} SET {sets} FROM {source} "  # noqa: S608 (the store's own names)
            f"WHERE {table}.id = {cast[-1]}"
        )
    for i in range(0, len(rows), _PER_STATEMENT):
        chunk = slice(i, i + _PER_STATEMENT)
        params = tuple(array_literal(column[chunk]) for column in texts)
        if line is None:
            cursor.execute(statement, params)
        else:
            settle(conn)
            line.running = line.pool.submit(cursor.execute, statement, params)
    return True


_PLAIN = frozenset((str, type(None)))


def _column_text(values: list[Any]) -> list[str | None]:
    """:func:`_array_text` of a column's values (a column of strings as it is)."""
    if _PLAIN.issuperset(map(type, values)):
        return values
    return [_array_text(v) for v in values]


def array_literal(values: list[str | None]) -> str:
    """``values`` as PostgreSQL's text of a ``text[]`` (pg8000 escapes an array's strings
    character by character in Python: seconds for a merge's columns)."""
    if None not in values:
        strings = [v for v in values if v is not None]
        joined = "\x00".join(strings)
        if "\\" not in joined and '"' not in joined:  # most columns: nothing to escape
            return '{"' + '","'.join(strings) + '"}' if strings else "{}"
    return (
        "{"
        + ",".join(
            "NULL" if v is None else '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
            for v in values
        )
        + "}"
    )


def text_of(column: str, kind: str) -> str:
    """SQL of ``column`` as the text SQLite stores (``kind``: date, datetime or other)."""
    if kind == "datetime":
        return f"to_char({column}, 'YYYY-MM-DD HH24:MI:SS.US')"
    return f"{column}::text"
