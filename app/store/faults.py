"""What went wrong in the database driver, in words the rest of the app can act on.

The register is driven by ``sqlcipher3`` (SQLCipher 4), whose exception classes are not
``sqlite3``'s, or by ``pg8000`` on a PostgreSQL server; SQLAlchemy wraps each.
:func:`classify` is the one place that reads them, so that a full disk, a busy database, a
wrong key, a damaged file, an unreachable or stopped server or a refused password becomes a
clear refusal wherever it surfaces, never a bug report. pg8000 reports the server's errors
with their SQLSTATE code (a dict in the exception's first argument) and its own connection
failures as ``InterfaceError`` text.
"""

from __future__ import annotations

import enum
import sqlite3
import ssl
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher


class Fault(enum.Enum):
    """A driver failure the user can act on."""

    DISK_FULL = "disk_full"  # SQLITE_FULL: free space under the data folder
    DISK_IO = "disk_io"  # SQLITE_IOERR: the disk or the stick is failing
    BUSY = "busy"  # SQLITE_BUSY/LOCKED: another program holds the write lock
    NOT_A_DATABASE = "not_a_database"  # SQLITE_NOTADB: wrong key, foreign or damaged file
    DAMAGED = "damaged"  # SQLITE_CORRUPT: malformed pages
    # PostgreSQL only:
    SERVER_UNREACHABLE = "server_unreachable"  # no server answers at the address
    AUTH_FAILED = "auth_failed"  # 28P01/28000: wrong user name or password
    NO_DATABASE = "no_database"  # 3D000: the server has no database of that name
    TLS = "tls"  # the server refuses TLS, or its certificate does not verify
    CONNECTION_LOST = "connection_lost"  # the server stopped or the network broke
    RETRY = "retry"  # 40001/40P01: serialization failure or deadlock; the transaction may rerun


# SQLSTATE codes of the server's errors (PostgreSQL's appendix A).
_SQLSTATES: dict[str, Fault] = {
    "28P01": Fault.AUTH_FAILED,
    "28000": Fault.AUTH_FAILED,
    "3D000": Fault.NO_DATABASE,
    "55P03": Fault.BUSY,  # lock_not_available: lock_timeout passed
    "57014": Fault.BUSY,  # query_canceled (statement_timeout)
    "40001": Fault.RETRY,
    "40P01": Fault.RETRY,
    "53100": Fault.DISK_FULL,
    "58030": Fault.DISK_IO,
    "XX001": Fault.DAMAGED,
    "XX002": Fault.DAMAGED,
    "57P01": Fault.CONNECTION_LOST,  # admin_shutdown
    "57P02": Fault.CONNECTION_LOST,  # crash_shutdown
    "57P03": Fault.CONNECTION_LOST,  # cannot_connect_now (starting or stopping)
    "08006": Fault.CONNECTION_LOST,
    "08003": Fault.CONNECTION_LOST,
}


# Both SQLite drivers' error classes, for ``except`` clauses outside SQLAlchemy. pg8000's
# are told by their module (:func:`_is_server_error`): importing pg8000 costs 80 ms, which
# only a register on a server should pay.
DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)


def classify(exc: BaseException) -> Fault | None:
    """The fault behind ``exc`` (a driver error, bare or as SQLAlchemy wraps it), or None
    when it is none of the above (a bug, a constraint, …)."""
    orig = getattr(exc, "orig", None)
    inner = orig if orig is not None and _is_driver_error(orig) else exc
    if isinstance(inner, ssl.SSLError) or _is_server_error(inner):
        return _server_fault(inner)
    if not isinstance(inner, DRIVER_ERRORS):
        return None
    text = str(inner).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return Fault.DISK_FULL
    if "disk i/o error" in text:
        return Fault.DISK_IO
    if "database is locked" in text or "database table is locked" in text or "busy" in text:
        return Fault.BUSY
    if "file is not a database" in text or "file is encrypted" in text:
        return Fault.NOT_A_DATABASE
    if "malformed" in text or "database corrupt" in text:
        return Fault.DAMAGED
    return None


def _is_server_error(exc: BaseException) -> bool:
    """True for pg8000's own errors (without importing pg8000)."""
    return type(exc).__module__.startswith("pg8000")


def _is_driver_error(exc: BaseException) -> bool:
    return isinstance(exc, (*DRIVER_ERRORS, ssl.SSLError)) or _is_server_error(exc)


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE code of a PostgreSQL error (bare or wrapped), or None."""
    inner = getattr(exc, "orig", None) or exc
    args: tuple[Any, ...] = getattr(inner, "args", ())
    if args and isinstance(args[0], dict):
        code = args[0].get("C")
        return str(code) if code else None
    return None


def _server_fault(inner: BaseException) -> Fault | None:
    if isinstance(inner, ssl.SSLError):
        return Fault.TLS
    code = sqlstate(inner)
    if code is not None:
        return _SQLSTATES.get(code)
    text = str(inner).lower()
    if "can't create a connection" in text:
        return Fault.SERVER_UNREACHABLE
    if "ssl" in text:
        return Fault.TLS
    if "network error" in text or "connection is closed" in text or "unexpected" in text:
        return Fault.CONNECTION_LOST
    return None
