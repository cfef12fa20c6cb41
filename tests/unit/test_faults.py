"""The driver's faults, raised for real by SQLCipher, become clear refusals: a busy register,
a wrong key, a full disk, a file that is not a database (never a bug report, exit 70)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.store.engine import Database, connect, storage_error
from app.store.faults import DRIVER_ERRORS, Fault, classify

KEY = bytes(range(32))


def _made(path: Path) -> None:
    con = connect(path, KEY)
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES ('hello')")
    con.commit()
    con.close()


def _raised(fn) -> BaseException:
    try:
        fn()
    except Exception as exc:
        return exc
    raise AssertionError("nothing was raised")


def test_a_wrong_key_is_not_a_database(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    _made(db)
    exc = _raised(lambda: connect(db, os.urandom(32)).execute("SELECT * FROM t").fetchall())
    assert isinstance(exc, DRIVER_ERRORS) and classify(exc) is Fault.NOT_A_DATABASE
    refusal = storage_error(exc, db)
    assert refusal is not None and refusal.code == "db.damaged"


def test_a_busy_register_is_named_busy(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    _made(db)
    holder = connect(db, KEY)
    holder.execute("BEGIN IMMEDIATE")
    other = connect(db, KEY)
    other.execute("PRAGMA busy_timeout=0")
    exc = _raised(lambda: other.execute("BEGIN IMMEDIATE"))
    holder.rollback()
    holder.close()
    other.close()
    assert classify(exc) is Fault.BUSY
    refusal = storage_error(exc, db)
    assert refusal is not None and refusal.code == "db.busy"


def test_a_full_disk_through_sqlalchemy_is_named(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite"
    db = Database(path, KEY)
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x)"))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA max_page_count=3")
        exc = _raised(lambda: conn.execute(text("INSERT INTO t VALUES (:x)"), {"x": "a" * 100_000}))
    db.close()
    assert isinstance(exc, DBAPIError) and classify(exc) is Fault.DISK_FULL
    refusal = storage_error(exc, path)
    assert refusal is not None and refusal.code == "db.disk_full"


def test_other_errors_pass_through() -> None:
    assert classify(ValueError("file is not a database")) is None
    assert storage_error(RuntimeError("x"), Path("x")) is None


@pytest.mark.parametrize(
    "content",
    [os.urandom(100), b"not a database at all" * 300],
    ids=["random-bytes", "text"],  # the same names in every test process (pytest -n 2)
)
def test_a_file_that_is_no_database_is_named(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "r.sqlite"
    db.write_bytes(content)
    exc = _raised(lambda: connect(db, KEY).execute("CREATE TABLE t (x)"))
    assert classify(exc) is Fault.NOT_A_DATABASE
