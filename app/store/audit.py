"""Queries of the audit trail (the history table)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store import tables as t
from app.store.engine import is_server, raw_connection


def raw_chain(s: Session) -> Iterator[tuple[Any, ...]]:
    """Every entry as stored (:data:`app.domain.audit.RAW_FIELDS`, times as SQLite's text),
    oldest first, streamed: the fast input of ``audit verify``."""
    from app.domain.audit import RAW_FIELDS

    raw = raw_connection(s)
    cur = raw.execute(f"SELECT {', '.join(RAW_FIELDS)} FROM history ORDER BY id")  # noqa: S608
    while batch := cur.fetchmany(5000):
        yield from batch


def state_text_sql(s: Session) -> str:
    """SQL of a participant's compared columns as the text its state digest is taken of
    (the same as :func:`app.domain.audit.state_digest` joins in Python). On PostgreSQL each
    column is first written as SQLite stores it (dates and times as text)."""
    from app.domain.audit import COMPARED

    if not is_server(s):
        return " || char(31) || ".join(f"coalesce({c}, '')" for c in COMPARED)
    from app.store.pg import text_of

    kinds = {c.name: type(c.type).__name__.lower() for c in t.Participant.__table__.columns}
    return " || chr(31) || ".join(f"coalesce({text_of(c, kinds[c])}, '')" for c in COMPARED)


def participant_states(s: Session) -> Iterator[tuple[str, str, str, str]]:
    """(uuid, registration number, history hash, state digest) of every participant, read
    as stored, streamed."""
    import hashlib

    raw = raw_connection(s)
    sha = hashlib.sha256
    cur = raw.execute(
        f"SELECT uuid, reg_no, history_hash, {state_text_sql(s)} FROM participant"  # noqa: S608
    )
    while batch := cur.fetchmany(5000):
        for uid, reg_no, pointer, text in batch:
            yield uid, reg_no, pointer, sha(text.encode("utf-8")).hexdigest()


def find(
    s: Session,
    *,
    user: str | None = None,
    action: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
) -> list[t.History]:
    """Entries newest first, filtered by user, action and dates."""
    h = t.History
    stmt = select(h).order_by(h.id.desc())
    if user:
        stmt = stmt.where(h.actor == user)
    if action:
        stmt = stmt.where(h.action == action)
    if since:
        stmt = stmt.where(h.at >= dt.datetime.combine(since, dt.time()))
    if until:
        stmt = stmt.where(h.at < dt.datetime.combine(until + dt.timedelta(days=1), dt.time()))
    if limit:
        stmt = stmt.limit(limit)
    return list(s.scalars(stmt))


# --- the chain head (app.services.chainhead) --------------------------------------------


def head(s: Session, since: tuple[int, int, str] | None = None) -> tuple[int, int, str]:
    """(number of entries, id of the newest, its hash); (0, 0, genesis) when empty.

    ``since``: a head known before (its count, the id of its newest entry and that entry's
    hash: the one signed last). While that entry is still there with that hash, the entries
    up to it are the ones counted then (the history is append-only and every entry's hash
    covers the chain before it), so only the entries after it are counted: a province's
    millions are not counted again at every receipt. Otherwise (an entry removed, a chain
    recomputed, ids renumbered) every entry is counted.
    """
    from app.domain.audit import GENESIS

    h = t.History
    if since is not None:
        count, last_id, digest = since
        if 0 < count <= last_id and s.scalar(select(h.hash).where(h.id == last_id)) == digest:
            more, last = s.execute(
                select(func.count(h.id), func.max(h.id)).where(h.id > last_id)
            ).one()
            if not last:
                return count, last_id, digest
            return count + int(more), int(last), str(s.scalar(select(h.hash).where(h.id == last)))
    count, last = s.execute(select(func.count(h.id), func.max(h.id))).one()
    if not last:
        return 0, 0, GENESIS
    return int(count), int(last), str(s.scalar(select(h.hash).where(h.id == last)))


def position(s: Session, last_id: int) -> tuple[int, str | None]:
    """(entries up to ``last_id``, that entry's hash or None when it is gone)."""
    h = t.History
    count = int(s.scalar(select(func.count(h.id)).where(h.id <= last_id)) or 0)
    return count, s.scalar(select(h.hash).where(h.id == last_id))


LINK_FIELDS = (
    "rule",
    "at",
    "actor",
    "install_code",
    "entity",
    "entity_id",
    "action",
    "content_hash",
)


def segment(
    s: Session, after: int, upto: int, newest: str | None = None
) -> tuple[str, list[tuple[Any, ...]]]:
    """The link fields (:data:`LINK_FIELDS`, as stored) of the entries after the first
    ``after`` ones up to the ``upto``-th, oldest first, and the hash they continue from
    (the genesis for ``after`` = 0).

    ``newest``: the hash of the ``upto``-th entry, when the caller knows it (a head just
    signed). While that entry is still the newest, the ``upto``-th is the last and the
    segment is the end of the history: read backwards in one pass, without stepping over
    every entry before it (a receipt after a merge: 40,000 entries instead of 120,000 read
    twice)."""
    from app.domain.audit import GENESIS

    raw = raw_connection(s)
    if newest is not None:
        found = _tail_segment(s, raw, after, upto, newest, _link_fields(s))
        if found is not None:
            return found
    if is_server(s):
        return _server_segment(raw, after, upto, _link_fields(s))
    start = GENESIS
    if after > 0:
        found = raw.execute(
            "SELECT hash FROM history ORDER BY id LIMIT 1 OFFSET ?", (after - 1,)
        ).fetchone()
        start = found[0] if found else GENESIS
    rows = raw.execute(
        f"SELECT {', '.join(LINK_FIELDS)} FROM history ORDER BY id "  # noqa: S608 (fixed)
        "LIMIT ? OFFSET ?",
        (max(upto - after, 0), after),
    ).fetchall()
    return start, rows


def rendered_segment(
    s: Session, after: int, upto: int, newest: str | None = None
) -> tuple[str, list[str]] | None:
    """:func:`segment` on a server, each entry as the JSON text of its link record
    (:func:`app.domain.audit.link_record`, as ``json.dumps`` writes it compactly) written
    by the server: a receipt's 40,000 entries read through pg8000 a column at a time were
    a tenth of a merge's time in the program. None on SQLite."""
    if not is_server(s):
        return None
    raw = raw_connection(s)
    fields = [_LINK_JSON]
    found = _tail_segment(s, raw, after, upto, newest, fields) if newest is not None else None
    start, rows = found if found is not None else _server_segment(raw, after, upto, fields)
    return start, [row[0] for row in rows]


def _json_text(sql: str) -> str:
    """SQL (PostgreSQL): a text value as JSON (``to_json`` escapes exactly the characters
    Python's encoder escapes, the same way), NULL as null."""
    return f"coalesce(to_json(({sql})::text)::text, 'null')"


# The link record's JSON on the server: the rule (1 for none), then the other link fields
# as stored (the time as the text SQLite stores).
_LINK_JSON = (
    "concat('[', coalesce(nullif(rule, 0), 1)::text, "
    + ", ".join(
        "',', " + _json_text("to_char(at, 'YYYY-MM-DD HH24:MI:SS.US')" if f == "at" else f)
        for f in LINK_FIELDS[1:]
    )
    + ", ']')"
)


def _link_fields(s: Session) -> list[str]:
    """:data:`LINK_FIELDS` in SQL; on a server the time as the text SQLite stores (pg8000
    parses a timestamp with ``strptime``: 40,000 of them were a second of a receipt)."""
    if not is_server(s):
        return list(LINK_FIELDS)
    from app.store.pg import text_of

    return [text_of(f, "datetime") if f == "at" else f for f in LINK_FIELDS]


def _tail_segment(
    s: Session, raw: Any, after: int, upto: int, newest: str, fields: list[str]
) -> tuple[str, list[tuple[Any, ...]]] | None:
    """:func:`segment` counted from the newest entry backwards, or None when the newest
    entry is not the one of ``newest`` (entries written since) or there are fewer."""
    from app.domain.audit import GENESIS

    wanted = upto - after
    if after < 0 or wanted < 0:
        return None
    top = raw.execute("SELECT hash FROM history ORDER BY id DESC LIMIT 1").fetchone()
    if top is None or top[0] != newest:
        return None
    start, after_id = GENESIS, 0
    if after > 0:
        found = raw.execute(
            "SELECT id, hash FROM history ORDER BY id DESC LIMIT 1 OFFSET ?", (wanted,)
        ).fetchone()
        if found is None:
            return None
        after_id, start = int(found[0]), found[1]
    rows = raw.execute(
        f"SELECT {', '.join(fields)} FROM history WHERE id > ? "  # noqa: S608 (fixed)
        "ORDER BY id LIMIT ?",
        (after_id, wanted + 1),
    ).fetchall()
    return (start, rows) if len(rows) == wanted else None


def _server_segment(
    raw: Any, after: int, upto: int, fields: list[str]
) -> tuple[str, list[tuple[Any, ...]]]:
    """:func:`segment` on a server: the ``after``-th entry's id is counted off the primary
    key alone (an index-only scan, where ``OFFSET`` on the rows read every skipped row of
    a province's history from the table), and the entries after it are read by id."""
    from app.domain.audit import GENESIS

    start, after_id = GENESIS, 0
    if after > 0:
        found = raw.execute(
            "SELECT id, hash FROM history WHERE id = "
            "(SELECT id FROM history ORDER BY id LIMIT 1 OFFSET ?)",
            (after - 1,),
        ).fetchone()
        if found is None:
            return GENESIS, []
        after_id, start = int(found[0]), found[1]
    rows = raw.execute(
        f"SELECT {', '.join(fields)} FROM history WHERE id > ? "  # noqa: S608 (fixed)
        "ORDER BY id LIMIT ?",
        (after_id, max(upto - after, 0)),
    ).fetchall()
    return start, rows
