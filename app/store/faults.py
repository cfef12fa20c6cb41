"""What went wrong in the database driver, in words the rest of the app can act on.

The register is driven by ``sqlcipher3`` (SQLCipher 4), whose exception classes are not
``sqlite3``'s; SQLAlchemy wraps either. :func:`classify` is the one place that reads them,
so that a full disk, a busy database, a wrong key or a damaged file becomes a clear refusal
wherever it surfaces, never a bug report.
"""

from __future__ import annotations

import enum
import sqlite3

from sqlcipher3 import dbapi2 as sqlcipher


class Fault(enum.Enum):
    """A driver failure the user can act on."""

    DISK_FULL = "disk_full"  # SQLITE_FULL: free space under the data folder
    DISK_IO = "disk_io"  # SQLITE_IOERR: the disk or the stick is failing
    BUSY = "busy"  # SQLITE_BUSY/LOCKED: another program holds the write lock
    NOT_A_DATABASE = "not_a_database"  # SQLITE_NOTADB: wrong key, foreign or damaged file
    DAMAGED = "damaged"  # SQLITE_CORRUPT: malformed pages


# Both drivers' error classes, for ``except`` clauses outside SQLAlchemy.
DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)


def classify(exc: BaseException) -> Fault | None:
    """The fault behind ``exc`` (a driver error, bare or as SQLAlchemy wraps it), or None
    when it is none of the above (a bug, a constraint, …)."""
    orig = getattr(exc, "orig", None)
    inner = orig if isinstance(orig, DRIVER_ERRORS) else exc
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
