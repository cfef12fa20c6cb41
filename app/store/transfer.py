"""Copying a register from its SQLite file onto an empty PostgreSQL database, and
comparing the two row by row (``lindungi database move``).

Every table the models declare is copied in the order of its foreign keys, in slices
(a register of 100,000 participants and their history never sits in memory whole), in one
transaction on the server: the copy is there whole or not at all. The search index of the
SQLite file (FTS5) is not a table of the models; the server keeps its own. Afterwards each
table is read back from both sides in key order and compared value by value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, select, text

from app.store.tables import Base

SLICE = 5000


@dataclass(frozen=True)
class Mismatch:
    """The first row that differs between the two registers."""

    table: str
    row: str


def tables() -> list[Table]:
    """The models' tables, parents before children."""
    return list(Base.metadata.sorted_tables)


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows per table of the models."""
    with engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
            for t in tables()
        }


def _slices(conn: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    order = list(table.primary_key.columns)
    result = conn.execution_options(stream_results=True, yield_per=SLICE).execute(
        select(table).order_by(*order)
    )
    for part in result.mappings().partitions(SLICE):
        yield [dict(r) for r in part]


def copy(source: Engine, target: Connection) -> dict[str, int]:
    """Copy every row of the models' tables from ``source`` into ``target`` (a connection
    inside the caller's transaction on the server); rows per table.

    Rows the migrations put into the new database (reference data) are replaced by the
    register's own. Integer keys' sequences are moved past the copied rows, so that the
    next row written on the server gets a fresh id.
    """
    counts: dict[str, int] = {}
    for table in reversed(tables()):
        if target.execute(select(func.count()).select_from(table)).scalar():
            target.execute(table.delete())
    with source.connect() as src:
        for table in tables():
            n = 0
            for rows in _slices(src, table):
                target.execute(table.insert(), rows)
                n += len(rows)
            counts[table.name] = n
    for table in tables():
        for column in table.primary_key.columns:
            if column.autoincrement is not True and not (
                column.autoincrement == "auto" and column.type.python_type is int
            ):
                continue
            seq = target.execute(
                text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
            ).scalar()
            if seq:
                target.execute(
                    text(
                        f"SELECT setval(:s, coalesce((SELECT max({column.name}) "  # noqa: S608
                        f"FROM {table.name}), 0) + 1, false)"
                    ),
                    {"s": seq},
                )
    return counts


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a.replace(tzinfo=None) == b.replace(tzinfo=None)
    if isinstance(a, bool) or isinstance(b, bool):
        return bool(a) == bool(b)
    return bool(a == b)


def compare(source: Engine, target: Engine) -> Mismatch | None:
    """The first row (by table, in key order) that is not the same in both registers, or
    None when every table holds exactly the same rows."""
    with source.connect() as src, target.connect() as dst:
        for table in tables():
            left, right = _slices(src, table), _slices(dst, table)
            keys = [c.name for c in table.primary_key.columns]
            while True:
                a, b = next(left, None), next(right, None)
                if a is None and b is None:
                    break
                if a is None or b is None or len(a) != len(b):
                    where = (a or b or [{}])[0]
                    return Mismatch(table.name, _key(where, keys))
                for ra, rb in zip(a, b, strict=True):
                    if ra.keys() != rb.keys() or not all(_same(ra[k], rb[k]) for k in ra):
                        return Mismatch(table.name, _key(ra, keys))
    return None


def _key(row: dict[str, Any], keys: list[str]) -> str:
    return ", ".join(str(row.get(k, "?")) for k in keys) or "?"
