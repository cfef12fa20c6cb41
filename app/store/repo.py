"""Repository functions: the only code that writes queries. Each takes an open Session."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Select,
    and_,
    case,
    column,
    delete,
    false,
    func,
    insert,
    literal_column,
    or_,
    select,
    table,
    text,
    union_all,
)
from sqlalchemy.orm import Session

from app.domain import audit
from app.domain.install import Identity, Role
from app.domain.participant import Programme
from app.domain.rates import Cohort, RateRule
from app.domain.regions import Region as RegionData
from app.domain.rows import HistoryEntry, ParticipantChanges, ParticipantRow
from app.store import tables as t
from app.store.engine import is_server, raw_connection
from app.store.records import HistoryRecord, ListRow, ParticipantRecord

_FIELDS = [f.name for f in dataclasses.fields(ParticipantRecord)]


# --- install and settings -------------------------------------------------------------


def get_identity(s: Session) -> Identity | None:
    """This install's identity, or None before setup."""
    row = s.get(t.Install, 1)
    if row is None:
        return None
    return Identity(Role(row.role), row.regency_code, row.kecamatan_code, row.station)


def save_identity(s: Session, ident: Identity, now: dt.datetime) -> None:
    """Store the identity of a new install."""
    s.add(
        t.Install(
            id=1,
            role=ident.role.value,
            regency_code=ident.regency,
            kecamatan_code=ident.kecamatan,
            station=ident.station,
            install_code=ident.install_code,
            created_at=now,
            registration_seq=0,
        )
    )


def next_registration_seq(s: Session, count: int = 1) -> int:
    """Reserve ``count`` registration numbers; returns the first."""
    row = s.get(t.Install, 1, with_for_update=True)
    assert row is not None
    first = row.registration_seq + 1
    row.registration_seq += count
    return first


def get_setting(s: Session, key: str) -> Any | None:
    """A stored setting's value, or None when it was never stored."""
    row = s.get(t.Setting, key)
    return None if row is None else json.loads(row.value)


def put_setting(s: Session, key: str, value: Any) -> None:
    """Store a setting."""
    s.merge(t.Setting(key=key, value=json.dumps(value)))


def drop_setting(s: Session, key: str) -> None:
    """Remove a setting (nothing when there is none)."""
    s.execute(delete(t.Setting).where(t.Setting.key == key))


# --- regions --------------------------------------------------------------------------


def replace_regions(s: Session, regions: Iterable[RegionData]) -> int:
    """Load a region table into an empty install (parents before children)."""
    order = {"provinsi": 0, "kabupaten": 1, "kecamatan": 2, "nagari": 3, "desa": 3}
    rows = sorted(regions, key=lambda r: (order[r.level], r.code))
    for r in rows:
        s.merge(
            t.Region(
                code=r.code,
                level=r.level,
                parent_code=r.parent,
                name=r.name,
                aliases=";".join(r.aliases),
            )
        )
    s.flush()
    return len(rows)


def all_regions(s: Session) -> list[RegionData]:
    """Every region of the install's table."""
    return [
        RegionData(
            r.code, r.level, r.parent_code, r.name, tuple(a for a in r.aliases.split(";") if a)
        )
        for r in s.scalars(select(t.Region).order_by(t.Region.code))
    ]


# --- years, quotas, rates -------------------------------------------------------------


def add_year(s: Session, year: int, quotas: dict[tuple[str, str], int]) -> None:
    """A programme year with quotas keyed by (kecamatan code, funding)."""
    s.add(t.ProgrammeYear(year=year, note=""))
    for (kec, funding), quota in quotas.items():
        s.add(t.Quota(year=year, kecamatan_code=kec, funding=funding, quota=quota))


def quotas(s: Session, year: int) -> dict[tuple[str, str], int]:
    """The quotas of a year."""
    return {
        (q.kecamatan_code, q.funding): q.quota
        for q in s.scalars(select(t.Quota).where(t.Quota.year == year))
    }


def add_rate(s: Session, rule: RateRule, note: str = "") -> None:
    """Add a row to the rate table."""
    s.add(
        t.Rate(
            effective_from=rule.effective_from,
            programme=rule.programme.value,
            percent_bp=rule.percent_bp,
            amount=rule.amount,
            min_amount=rule.min_amount,
            max_amount=rule.max_amount,
            funding=",".join(rule.funding),
            note=note,
        )
    )


def rates(s: Session) -> list[RateRule]:
    """The whole rate table."""
    return [
        RateRule(
            effective_from=r.effective_from,
            programme=Programme(r.programme),
            percent_bp=r.percent_bp,
            amount=r.amount,
            min_amount=r.min_amount,
            max_amount=r.max_amount,
            funding=tuple(r.funding.split(",")),
        )
        for r in s.scalars(select(t.Rate).order_by(t.Rate.effective_from, t.Rate.id))
    ]


# --- participants ---------------------------------------------------------------------


def _record(row: t.Participant) -> ParticipantRecord:
    return ParticipantRecord(**{name: getattr(row, name) for name in _FIELDS})


# ``history_hash`` of a row the application has just inserted, until the entry that
# creates it points it at itself: only such a row, or one an entry already vouches for, is
# stamped by a new entry. A row inserted outside the application (empty) never is.
NEW_ROW = "+"


def insert_participant(s: Session, values: ParticipantRow) -> int:
    """Insert one participant; returns its id."""
    row = t.Participant(**values, history_hash=NEW_ROW)
    s.add(row)
    s.flush()
    return row.id


def driver(s: Session) -> Any:
    """The driver's own connection, inside the session's transaction: for tens of
    thousands of rows, SQLAlchemy's per-row processing costs more than SQLite's work.
    Dates go through the adapters registered in app.store.engine. On a PostgreSQL server
    the same calls go through app.store.pg.RawConnection."""
    return raw_connection(s)


def large_cache(s: Session, megabytes: int = 32) -> AbstractContextManager[None]:
    """A larger page cache for one bulk write (65,000 updates and history rows): with the
    default 2 MB, SQLite spills half-written pages to the WAL and reads them back. Never
    smaller than the connection's own (the store gives every connection 64 MiB:
    app.store.engine)."""
    return page_cache(s, megabytes, shrink=False)


@contextmanager
def page_cache(s: Session, megabytes: int, *, shrink: bool) -> Iterator[None]:
    """SQLite's page cache at ``megabytes`` for the block (only ever larger unless
    ``shrink``); the connection gets its own size back afterwards (it returns to the pool).
    A PostgreSQL server manages its own buffers: nothing to do there."""
    if is_server(s):
        yield
        return
    raw = driver(s)
    (before,) = raw.execute("PRAGMA cache_size").fetchone()
    wanted = int(megabytes) * 1024  # a negative size is in KiB
    if not shrink:
        wanted = max(wanted, -int(before) if int(before) < 0 else 0)
    raw.execute(f"PRAGMA cache_size=-{wanted}")
    try:
        yield
    finally:
        # Never in place of the error that ended the block (a connection that failed).
        with suppress(Exception):
            raw.execute(f"PRAGMA cache_size={int(before)}")


@functools.lru_cache(maxsize=64)
def stamp(at: dt.datetime) -> str:
    """``at`` as the driver's adapter stores it (app.store.engine), once per moment: a bulk
    write stamps 65,000 rows with the same one."""
    return at.isoformat(" ", "microseconds")


def _raw_insert(s: Session, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """``executemany`` on the driver (see :func:`driver`)."""
    columns = list(rows[0])
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608 (names from our own rows)
        f"VALUES ({', '.join('?' * len(columns))})"
    )
    driver(s).executemany(sql, map(itemgetter(*columns), rows))


# The name index holds names without apostrophes (migration 0005).
_PLAIN_NAME = "replace(replace(replace(name, '''', ''), '\u2019', ''), '`', '')"


def bulk_insert_participants(s: Session, rows: Sequence[ParticipantRow]) -> None:
    """Insert many participants in one transaction (demo data, imports).

    The per-row trigger that feeds the name index is set aside while the rows go in, and
    the index is filled in one statement after: the same result, several times faster.
    Rows inserted together with the entries that create them: :func:`bulk_register`.
    """
    _insert_marked(s, [{**r, "history_hash": NEW_ROW} for r in rows])


def in_background(s: Session, tables: Sequence[str]) -> AbstractContextManager[None]:
    """On a server, bulk writes of ``tables`` in the block run while the program prepares
    the next (app.store.pg.pipelined); on SQLite, which works in this process, as they come."""
    if not is_server(s):
        return nullcontext()
    from app.store.pg import pipelined

    return pipelined(s.connection().connection.driver_connection, tables)


def _insert_marked(s: Session, marked: list[dict[str, Any]]) -> None:
    """The rows of :func:`bulk_insert_participants`, their ``history_hash`` set."""
    if not marked:
        return
    if len(marked) < 200:
        s.execute(insert(t.Participant), marked)
        return
    for r in marked:  # one moment for the whole batch: its text made once (see stamp)
        for key in ("created_at", "updated_at"):
            if type(r[key]) is dt.datetime:
                r[key] = stamp(r[key])
    conn = s.connection()
    trigger = last = None
    if not is_server(s):  # PostgreSQL's name index follows the table by itself
        trigger = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'participant_fts_ai'"
        ).scalar()
    if trigger:
        last = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM participant").scalar()
        conn.exec_driver_sql("DROP TRIGGER participant_fts_ai")
    # The table's indexes grow in random order (names, NIKs): with SQLite's 2 MB page cache
    # they spill to the WAL file while the rows go in. A larger cache for this transaction
    # only takes 100,000 rows from 2.6 to 2.3 CPU seconds and spares the disk.
    with large_cache(s, 64):
        _raw_insert(s, "participant", marked)
    if trigger:
        conn.exec_driver_sql(
            f"INSERT INTO participant_fts(rowid, name) SELECT id, {_PLAIN_NAME} "  # noqa: S608
            "FROM participant WHERE id > ?",
            (last,),
        )
        conn.exec_driver_sql(str(trigger))


# The Python type of each compared column, as the table declares it (str, int, date,
# datetime): a value of exactly that type (or None) is stored as it is, so the digest of
# the Python value is the digest ``audit verify`` takes of the stored row.
_STORED_TYPES = {c: t.Participant.__table__.c[c].type.python_type for c in audit.COMPARED}


def _python_states(rows: Sequence[Mapping[str, Any]]) -> dict[str, str] | None:
    """uuid → state digest of new rows from their Python values, or None when a value
    might not read back as it went in (another type than its column's, a missing column):
    then the rows are read back after the insert instead."""
    compared = itemgetter(*_STORED_TYPES)
    stored = tuple(_STORED_TYPES.values())
    none = type(None)
    fine: set[tuple[type, ...]] = set()
    digest = audit.state_digest
    out: dict[str, str] = {}
    try:
        for r in rows:
            kinds = tuple(map(type, compared(r)))
            if kinds not in fine:
                if not all(k is want or k is none for k, want in zip(kinds, stored, strict=True)):
                    return None
                fine.add(kinds)
            out[r["uuid"]] = digest(r)
    except KeyError:
        return None
    return out


def bulk_register(
    s: Session, rows: Sequence[ParticipantRow], history: Sequence[HistoryEntry]
) -> None:
    """Insert new participants and the history entries about them and others (demo data,
    imports, a bundle's merge): the same rows, entries, hash chain, state digests and
    pointers as :func:`bulk_insert_participants` then :func:`bulk_history`, in one pass.

    The entries' state digests of the new rows are taken of their Python values before
    they are written (the digest of the same text; see :func:`_python_states`), so each
    row goes in pointing at its entry: nothing of them is read back and no row is written
    twice. Entries about rows written before (changed in this transaction) record those
    rows as stored, as :func:`bulk_history` does.
    """
    states = _python_states(rows) if len(rows) >= 200 else None
    if states is None:  # small batches, or unusual values
        bulk_insert_participants(s, rows)
        bulk_history(s, history)
        return
    entries: list[dict[str, Any]] = [dict(e) for e in history]
    last: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e["entity"] == "participant" and "state" not in e:
            last[e["entity_id"]] = i
    for e in entries:
        e.setdefault("state", "")
    others = [uid for uid in last if uid not in states]
    s.flush()
    stored = participant_states(s, others) if others else {}
    pointed: list[tuple[int, int]] = []  # (row id, entry) of rows written before
    for uid, i in last.items():
        if uid in states:
            entries[i]["state"] = states[uid]
            continue
        found = stored.get(uid)
        if found is not None and found[1]:  # as _seal: inserted by the application
            entries[i]["state"] = found[0]
            pointed.append((found[2], i))
    _chain(s, entries)
    pointer = {uid: str(entries[i]["hash"]) for uid, i in last.items() if uid in states}
    with in_background(s, ("participant", "history")):
        # The entries first: the rows' 35 columns are made ready while the server writes them.
        _insert_entries(s, entries)
        _insert_marked(s, [{**r, "history_hash": pointer.get(r["uuid"], NEW_ROW)} for r in rows])
    _point_rows(s, [(str(entries[i]["hash"]), pid) for pid, i in pointed])


def update_participant(s: Session, pid: int, values: ParticipantChanges) -> None:
    """Change fields of one participant."""
    row = s.get(t.Participant, pid)
    assert row is not None
    for key, value in values.items():
        setattr(row, key, value)
    s.flush()


def participant_by_reg(s: Session, reg_no: str) -> ParticipantRecord | None:
    """The participant with this registration number."""
    row = s.scalar(select(t.Participant).where(t.Participant.reg_no == reg_no))
    return None if row is None else _record(row)


def participant_by_id(s: Session, pid: int) -> ParticipantRecord | None:
    """The participant with this id."""
    row = s.get(t.Participant, pid)
    return None if row is None else _record(row)


def participants_by_nik(s: Session, nik: str) -> list[ParticipantRecord]:
    """Every record with this NIK (active or not)."""
    return [_record(r) for r in s.scalars(select(t.Participant).where(t.Participant.nik == nik))]


def existing_niks(s: Session, niks: Iterable[str]) -> dict[str, str]:
    """NIK → registration number for those of ``niks`` already registered."""
    niks = list(set(niks))
    out: dict[str, str] = {}
    for i in range(0, len(niks), 500):
        chunk = niks[i : i + 500]
        for nik, reg in s.execute(
            select(t.Participant.nik, t.Participant.reg_no).where(t.Participant.nik.in_(chunk))
        ):
            out[nik] = reg
    return out


def count_participants(s: Session) -> int:
    """How many records the register holds."""
    return int(s.scalar(select(func.count()).select_from(t.Participant)) or 0)


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: a search text, filters and a sort."""

    search: str = ""
    nagari: str | None = None
    kecamatan: str | None = None
    status: str | None = None
    occupation: str | None = None
    funding: str | None = None
    card: str | None = None  # unprinted | pending (printed, not collected) | handed
    sort: str = "name"
    descending: bool = False


_SORTABLE = {
    "name": t.Participant.name,
    "reg_no": t.Participant.reg_no,
    "nik": t.Participant.nik,
    "birth_date": t.Participant.birth_date,
    "nagari": t.Participant.nagari_code,
    "occupation": t.Participant.occupation,
    "status": t.Participant.status,
    "kpj": t.Participant.kpj,
    "sex": t.Participant.sex,
    "funding": t.Participant.funding,
}


def _fts_query(words: list[str]) -> str:
    # Each word as a quoted prefix: "siti"* "aminah"* (quotes keep FTS syntax out).
    return " ".join('"' + w.replace('"', "") + '"*' for w in words)


def _name_words(q: ListQuery) -> list[str] | None:
    """The words of a name search (apostrophes dropped, as the name indexes hold names);
    None when the term is empty, a run of digits or a registration number."""
    term = q.search.strip()
    compact = term.replace(" ", "").replace(".", "")
    if not term or compact.isdigit() or re.fullmatch(r"\d{6}-[A-Za-z](-\d{0,6})?", compact):
        return None
    return re.findall(r"\w+", re.sub("['\u2019`]", "", term))


def _term_conditions(q: ListQuery, server: Session | None = None) -> list[Any]:
    """The search term's conditions, any of which makes a match (a run of digits is a NIK,
    KPJ or registration-number prefix: three); none without a term. ``server``: the session
    of a register on PostgreSQL, whose name words are a table of their own instead of FTS5
    (migrations 0014 and 0015; the words as it holds them are read from the server)."""
    p = t.Participant
    term = q.search.strip()
    if not term:
        return []
    compact = term.replace(" ", "").replace(".", "")
    if compact.isdigit():
        upper = compact + ":"  # ':' sorts right after '9': an index range for a prefix
        return [
            (p.nik >= compact) & (p.nik < upper),
            (p.kpj >= compact) & (p.kpj < upper),
            (p.reg_no >= compact) & (p.reg_no < upper),
        ]
    if re.fullmatch(r"\d{6}-[A-Za-z](-\d{0,6})?", compact):
        prefix = compact.upper()
        return [(p.reg_no >= prefix) & (p.reg_no < _next_prefix(prefix))]
    words = _name_words(q)
    if not words:
        return []
    if server is not None:  # PostgreSQL: the word table
        return [_words_condition(_server_words(server, words))]
    return [
        p.id.in_(
            select(text("rowid"))
            .select_from(text("participant_fts"))
            .where(text("participant_fts MATCH :fts").bindparams(fts=_fts_query(words)))
        )
    ]


# The list's filters of a value: the field of ListQuery, the column it is compared with
# (the participant's; on a server the word table holds the same columns, migration 0015).
_FILTERED = (
    ("nagari", "nagari_code"),
    ("kecamatan", "kecamatan_code"),
    ("status", "status"),
    ("occupation", "occupation"),
    ("funding", "funding"),
)


def _filter_values(q: ListQuery) -> list[tuple[str, str]]:
    """(column, value) of each of the list's filters of a value that ``q`` sets."""
    return [(column, getattr(q, field)) for field, column in _FILTERED if getattr(q, field)]


def _filters(q: ListQuery) -> list[Any]:
    """The list's filters (nagari, kecamatan, status, occupation, funding, card)."""
    p = t.Participant.__table__.c
    out: list[Any] = [p[column] == value for column, value in _filter_values(q)]
    if q.card:
        from app.store.cardrepo import card_state_filter  # the card area's tables

        out.append(card_state_filter(q.card))
    return out


def _matching(q: ListQuery, server: Session | None = None) -> tuple[Select[tuple[int]], bool]:
    """``SELECT id`` with the conditions of ``q``, unordered, and whether the conditions
    use an index of their own (a search term) rather than a plain scan; ``server``: the
    session of a register on PostgreSQL, whose word table replaces SQLite's FTS5."""
    stmt = select(t.Participant.id)
    term = _term_conditions(q, server)
    if term:
        stmt = stmt.where(or_(*term))
    for condition in _filters(q):
        stmt = stmt.where(condition)
    return stmt, bool(term)


def _ordered(stmt: Select[tuple[int]], q: ListQuery) -> Select[tuple[int]]:
    p = t.Participant
    order = _SORTABLE.get(q.sort, p.name)
    return stmt.order_by(order.desc() if q.descending else order, p.id)


def _raw_ids(s: Session, stmt: Select[Any], indexed_by: str | None = None) -> list[Any]:
    """The first column of every row, through the driver's cursor (five times faster than
    ORM scalars for 100,000 ids); ``indexed_by`` makes SQLite read participants through
    that index (SQLAlchemy's SQLite dialect renders no table hints)."""
    if is_server(s):  # PostgreSQL plans its own index use
        return list(s.execute(stmt).scalars())
    compiled = stmt.compile(dialect=s.get_bind().dialect)
    params = [compiled.params[name] for name in compiled.positiontup or []]
    sql = str(compiled)
    if indexed_by is not None:
        head = "\nFROM participant \n"
        if head not in sql:
            raise ValueError("no participant table to hint")
        sql = sql.replace(head, f"\nFROM participant INDEXED BY {indexed_by} \n", 1)
    return [row[0] for row in driver(s).execute(sql, params)]


def search_ids(s: Session, q: ListQuery, limit: int | None = None) -> list[int]:
    """Ids of matching participants in display order.

    Digits search NIK, KPJ and registration-number prefixes through their indexes; words
    search names through the FTS5 index, each word as a prefix.
    """
    stmt = _ordered(_matching(q, s if is_server(s) else None)[0], q)
    if limit is not None:
        stmt = stmt.limit(limit)
    return _raw_ids(s, stmt)


# Above this many matches, the first page in name order is found faster by walking the
# name index and testing each row than by sorting every match (measured at 100,000: 18,000
# matches sort in 19 ms; the walk takes under 1 ms, and still 3 ms for 1,000 matches).
_WALK_FROM = 1_000


@dataclass(frozen=True)
class FirstPage:
    """The start of a list: its first ids in order, and how many match in all.

    ``count`` is exact up to ``cap``; ``capped`` says there are more than ``cap``.
    ``complete`` says that ``ids`` holds every match.
    """

    ids: list[int]
    count: int
    capped: bool

    @property
    def complete(self) -> bool:
        return not self.capped and len(self.ids) == self.count


def search_first(s: Session, q: ListQuery, limit: int, cap: int, whole_up_to: int = 0) -> FirstPage:
    """The first ``limit`` ids of a list and its count (exact up to ``cap``), fast at any
    size: the count stops at ``cap`` + 1 and reads only the search's own indexes. A list of
    at most ``whole_up_to`` matches comes whole (sorting that few costs a few ms)."""
    if is_server(s):
        return _server_first(s, q, limit, cap, whole_up_to)
    matching, ranged = _matching(q)
    counted = select(func.count()).select_from(matching.limit(cap + 1).subquery())
    count = int(_raw_ids(s, counted)[0])
    if count <= whole_up_to:
        ids = _raw_ids(s, _ordered(matching, q))
        return FirstPage(ids, len(ids), False)
    walk = ranged and count >= _WALK_FROM and q.sort == "name" and not q.descending
    ids = _raw_ids(s, _ordered(matching, q).limit(limit), "ix_participant_name" if walk else None)
    return FirstPage(ids, min(count, cap), count > cap)


# On a server, the first page of a search that matches more than the count's cap is first
# looked for among this many rows in name order (the index of migration 0013): for a run
# of digits, enough for the NIK prefix of one kecamatan in eight (1,600 rows), a few
# milliseconds; a name word by a probe of the word table's primary key each (a
# registration number the same way; a name with filters along 4,000).
_SERVER_WALK = {"digits": 4_000, "words": 1_000}


# A search that the planner expects to match at most this many rows reads them all at
# once (a registration number: count and page in one pass) rather than counting 10,001
# first and then reading them all. For a name (the word table), several words expected in
# at most this many rows of the rarest are read in one pass, and one word in more is first
# looked for along the name order (:data:`_SERVER_WALK`).
_ONE_PASS = 50_000

# The server's memory for a name search in another order with more matches than the cap,
# which may sort every match (:func:`_words_in_order`), in its transaction only (``SET
# LOCAL``): in the default 4 MB the sort of a prefix's hundreds of thousands goes to disk.
_SEARCH_WORK_MEM = "64MB"


def _estimate(s: Session, stmt: Select[Any]) -> float:
    """How many rows the server's planner expects ``stmt`` to return (from its statistics:
    a choice between two plans that give the same rows, never a count shown)."""
    compiled = stmt.compile(dialect=s.get_bind().dialect)
    params = tuple(compiled.params[name] for name in compiled.positiontup or [])
    found: Any = (
        s.connection().exec_driver_sql("EXPLAIN (FORMAT JSON) " + compiled.string, params).scalar()
    )
    plan = json.loads(found) if isinstance(found, str) else found
    return float(plan[0]["Plan"]["Plan Rows"])


def _limited(conditions: Sequence[Any], cap: int) -> Any:
    """``count(*)`` of the participants that meet all ``conditions``, up to ``cap`` + 1,
    as a scalar subquery (``SELECT 1``: an index-only scan where the index has them)."""
    stmt: Select[Any] = select(literal_column("1")).select_from(t.Participant)
    for condition in conditions:
        stmt = stmt.where(condition)
    return select(func.count()).select_from(stmt.limit(cap + 1).subquery()).scalar_subquery()


def _digits_count(s: Session, term: list[Any], filters: list[Any], cap: int) -> int:
    """The count, up to ``cap`` + 1, of a run of digits: three prefixes (NIK, KPJ,
    registration number), each counted on its own index alone in one statement (their OR
    made the server read the table); only when more than one matches and none is over
    the cap are they counted together (a person found by two is one)."""
    each = [
        int(n or 0) for n in s.execute(select(*(_limited([c, *filters], cap) for c in term))).one()
    ]
    if max(each) > cap or sum(1 for n in each if n) < 2:
        return max(each)
    return int(s.execute(select(_limited([or_(*term), *filters], cap))).scalar() or 0)


# --- the name words of a register on PostgreSQL (migrations 0014 and 0015) ------------

# One row per word of each participant's name, with the participant's id, name, all the
# name's words, each after a space (" ridwan saputra"), the list's filters (kecamatan,
# nagari, status, occupation, funding) and its other orders' values (sex, birth date,
# registration number, NIK, KPJ). Its index (word, name, id)
# holds the word in the "C" collation (a prefix is a range of bytes) and the name in the
# list's NOCASE, and includes the rest: a search reads it alone (index-only), each word's
# run in the list's order. Its primary key is (id, word).
_WORDS = table(
    "participant_word",
    column("id"),
    column("word"),
    column("name"),
    column("words"),
    column("kecamatan_code"),
    column("nagari_code"),
    column("status"),
    column("occupation"),
    column("funding"),
    column("sex"),
    column("birth_date"),
    column("reg_no"),
    column("nik"),
    column("kpj"),
)

# The list's orders other than the name's, as the word table's index holds them beside
# each word (migration 0015): a name in one of them is sorted from that index alone.
_WORD_ORDERS = {
    "reg_no": "reg_no",
    "nik": "nik",
    "birth_date": "birth_date",
    "nagari": "nagari_code",
    "occupation": "occupation",
    "status": "status",
    "kpj": "kpj",
    "sex": "sex",
    "funding": "funding",
}

# A search word that starts at most this many distinct words of the register ("ridwan",
# "ridwansyah") has its first page merged from each word's run of the index; a shorter
# prefix (a letter or two) reads its range and sorts its top.
_MERGED_WORDS = 32

# Other orders whose index gives the first page of a name with more matches than the
# cap and no filter, looked for along it (a probe of the word table's primary key each),
# up to this many rows: 19,000 rows of the registration numbers' order take 22 ms at
# 2,000,000 ("Ridwan": 200 matches); a letter's 600,000 matches sorted take 0.7 s.
_WALKED_ORDERS = ("reg_no", "nik", "kpj")
_WALK_MOST = 40_000


def _server_words(s: Session, words: list[str]) -> list[str]:
    """The typed ``words`` as the server's word table holds words (``lindungi_words_of``:
    lower case, without accents: the same function that filled the table), each to be
    matched as a prefix; one that another starts with is left out (the longer implies it)."""
    typed = " ".join(w.replace("_", "") for w in words)
    found = set(s.execute(text("SELECT lindungi_words_of(:typed)"), {"typed": typed}).scalars())
    return sorted(w for w in found if not any(o != w and o.startswith(w) for o in found))


def _word_bounds(word: str) -> tuple[str, str | None]:
    """The range of the words that start with ``word``: [low, high), or no high bound
    after the last code point."""
    last = ord(word[-1])
    if last >= 0x10FFFF:
        return word, None
    return word, word[:-1] + chr(0xE000 if last == 0xD7FF else last + 1)  # no surrogates


def _word_range(column: Any, word: str) -> Any:
    low, high = _word_bounds(word)
    if high is None:
        return (column >= low) & column.startswith(word, autoescape=True)
    return (column >= low) & (column < high)


def _words_condition(words: list[str], probe: bool = False) -> Any:
    """A participant whose name has, for each of ``words``, a word that starts with it
    (per participant a probe of the word table's primary key, or a semi-join). ``probe``:
    always the probe (a walk tests a few thousand rows; the planner would rather read a
    letter's whole range into a hash first: 0.33 s for "s" at 2,000,000, 3 ms probed)."""
    if not words:
        return false()
    p = t.Participant
    w = _WORDS.alias("w")
    each: list[Select[Any]] = [
        select(literal_column("1")).where(w.c.id == p.id, _word_range(w.c.word, word))
        for word in words
    ]
    # OFFSET keeps PostgreSQL from turning the subquery into a hash of the whole range.
    return and_(*((e.offset(0) if probe else e).exists() for e in each))


def _word_filters(q: ListQuery) -> list[Any]:
    """The list's filters as conditions on the word table's rows: those it holds compared
    in its index; the card's (kept with the cards) through the participant's row."""
    w = _WORDS
    out: list[Any] = [w.c[column] == value for column, value in _filter_values(q)]
    if q.card:
        from app.store.cardrepo import card_state_filter  # the card area's tables

        p = t.Participant
        out.append(
            select(literal_column("1"))
            .select_from(p)
            .where(p.id == w.c.id, card_state_filter(q.card))
            .exists()
        )
    return out


def _word_rows(driver: str, others: list[str], conds: list[Any]) -> Select[Any]:
    """The word table's rows in the range of ``driver`` whose name also has a word that
    starts with each of ``others`` (tested on the row's list of words: no join), and that
    meet ``conds`` (:func:`_word_filters`)."""
    w = _WORDS
    return select(w.c.id).where(
        _word_range(w.c.word, driver),
        *(func.strpos(w.c.words, " " + o) > 0 for o in others),
        *conds,
    )


def _word_count(s: Session, driver: str, others: list[str], conds: list[Any], cap: int) -> int:
    """How many participants match (:func:`_word_rows`), up to ``cap`` + 1: an index-only
    scan stopped there (a person whose name has two words in the range is one: the rows
    are read on until ``cap`` + 1 distinct ids or the end)."""
    rows = cap + 1
    while True:
        inner = _word_rows(driver, others, conds).limit(rows).subquery()
        read, distinct = s.execute(
            select(func.count(), func.count(inner.c.id.distinct())).select_from(inner)
        ).one()
        if read < rows or distinct > cap:
            return min(int(distinct), cap + 1)
        # Each person came read/distinct times so far: read on by that much more (a letter
        # in one kecamatan read 10,001 rows four times over, 45 ms each, one more at a time).
        rows = max(rows + cap + 1 - int(distinct), int(rows * (cap + 1) * 1.1 / max(distinct, 1)))


def _distinct_words(s: Session, word: str, most: int) -> list[str]:
    """The distinct words of the register that start with ``word``, up to ``most`` + 1 of
    them: one probe of the index each (a skip scan)."""
    low, high = _word_bounds(word)
    bound = "starts_with(w.word, :low)" if high is None else "w.word < :high"
    sql = (
        "WITH RECURSIVE d(word) AS ("  # noqa: S608 (the bound is one of two fixed texts)
        f"(SELECT w.word FROM participant_word w WHERE w.word >= :low AND {bound} "
        "ORDER BY w.word LIMIT 1) "
        "UNION ALL SELECT (SELECT w.word FROM participant_word w WHERE w.word > d.word "
        f"AND {bound} ORDER BY w.word LIMIT 1) "
        "FROM d WHERE d.word IS NOT NULL) "
        "SELECT word FROM d WHERE word IS NOT NULL LIMIT :most"
    )
    params: dict[str, Any] = {"low": low, "most": most + 1}
    if high is not None:
        params["high"] = high
    return list(s.execute(text(sql), params).scalars())


@dataclass(frozen=True)
class _WordSearch:
    """A name search on the word table: the word whose rows are read (``driver``), the
    others tested on each row, the filters' conditions, the order (name, or name
    descending: then id ascending, as the list orders it)."""

    driver: str
    others: list[str]
    conds: list[Any]
    descending: bool
    expected: float  # the planner's rows of the driver's range

    def rows(self) -> Select[Any]:
        return _word_rows(self.driver, self.others, self.conds)

    def order(self, name: Any, id_: Any) -> tuple[Any, Any]:
        return (name.desc() if self.descending else name), id_


def _word_page(s: Session, ws: _WordSearch, want: int, runs: list[str] | None) -> list[int]:
    """The first ``want`` matching participants (:func:`_word_rows`) in the list's order.
    One word that starts at most :data:`_MERGED_WORDS` distinct words (``runs``, of
    :func:`_distinct_words`): each word's run of the index, already in that order, merged
    (no sort); otherwise the range read and its top sorted. A person with two words in
    the range comes twice, side by side (same name, same id): rows are read on until
    ``want`` distinct ones."""
    w = _WORDS
    order = ws.order(w.c.name, w.c.id)

    def fetch(n: int) -> list[int]:
        if runs is None or len(runs) > _MERGED_WORDS:
            stmt = ws.rows().order_by(*order).limit(n)
        elif len(runs) < 2:
            one = w.c.word == (runs or [ws.driver])[0]
            stmt = select(w.c.id).where(one, *ws.conds).order_by(*order).limit(n)
        else:
            each = [
                select(w.c.id, w.c.name).where(w.c.word == run, *ws.conds).order_by(*order).limit(n)
                for run in runs
            ]
            merged = union_all(*each).subquery()
            stmt = select(merged.c.id).order_by(*ws.order(merged.c.name, merged.c.id)).limit(n)
        return list(s.execute(stmt).scalars())

    n = want
    while n > 0:
        got = fetch(n)
        ids = list(dict.fromkeys(got))
        if len(ids) >= want or len(got) < n:
            return ids[:want]
        n += want - len(ids)
    return []


def _walk(s: Session, words: list[str], q: ListQuery, rows: int, limit: int) -> list[int] | None:
    """The first ``limit`` matches of ``q`` looked for among the first ``rows`` rows in the
    list's order (the index of the order: (name, id) of migration 0013, or the registration
    number's, the NIK's, the KPJ's; a probe of the word table's primary key each), or None
    when they hold fewer: a prefix that very many names have (a letter or two) is dense
    there."""
    p = t.Participant
    key = _SORTABLE[q.sort]
    window = (
        select(
            p.id,
            key.label("k"),
            and_(_words_condition(words, probe=True), *_filters(q)).label("matched"),
        )
        .order_by(key.desc() if q.descending else key, p.id)
        .limit(rows)
        .subquery()
    )
    walked = (
        select(window.c.id)
        .where(window.c.matched)
        .order_by(window.c.k.desc() if q.descending else window.c.k, window.c.id)
        .limit(limit)
    )
    ids = list(s.execute(walked).scalars())
    return ids if len(ids) == limit else None


def _words_first(
    s: Session, words: list[str], q: ListQuery, limit: int, cap: int, whole_up_to: int
) -> FirstPage:
    """:func:`search_first` of a name search on PostgreSQL, from the word table's index:
    the rows of the word that the planner expects in fewest rows (its statistics of the
    words) are read, each tested for the other words on its own list of the name's words
    and for the filters on the values beside it. In the list's default order (name) the
    index gives the order too; in another, :func:`_words_in_order`."""
    if not words:
        return FirstPage([], 0, False)
    w = _WORDS
    expected = [_estimate(s, select(w.c.id).where(_word_range(w.c.word, word))) for word in words]
    driver = words[expected.index(min(expected))]
    ws = _WordSearch(
        driver,
        [word for word in words if word != driver],
        _word_filters(q),
        q.descending,
        min(expected),
    )
    if q.sort != "name":
        return _words_in_order(s, words, ws, q, limit, cap, whole_up_to)
    if ws.others and min(expected) <= _ONE_PASS:
        # Few rows to read: every match with its name, counted and sorted in one pass.
        found = ws.rows().add_columns(func.min(w.c.name).label("k")).group_by(w.c.id)
        return _one_pass(s, found.subquery(), ws, limit, cap, whole_up_to)
    count = _word_count(s, ws.driver, ws.others, ws.conds, cap)
    runs = None if ws.others else _distinct_words(s, driver, _MERGED_WORDS)
    if count <= cap:
        want = count if count <= whole_up_to else min(limit, count)
        return _first(_word_page(s, ws, want, runs), count, limit, whole_up_to)
    merged = runs is not None and len(runs) <= _MERGED_WORDS
    walk = not merged and min(expected) > _ONE_PASS  # a letter or two: a range to sort
    rows_walked = _SERVER_WALK["digits" if ws.conds else "words"]  # filters thin them out
    walked = _walk(s, words, q, rows_walked, limit) if walk else None
    return FirstPage(walked or _word_page(s, ws, limit, runs), cap, True)


def _walk_rows(s: Session, expected: float, limit: int) -> int | None:
    """How many rows along another order's index should hold ``limit`` matches twice over,
    from the planner's share of the name's rows in the register; None past
    :data:`_WALK_MOST` (the matches are then too thinly spread)."""
    total = max(_estimate(s, select(t.Participant.id)), 1.0)
    share = expected / total
    if share <= 0:
        return None
    rows = max(int(2 * limit / share), _SERVER_WALK["digits"])
    return rows if rows <= _WALK_MOST else None


def _words_in_order(
    s: Session,
    words: list[str],
    ws: _WordSearch,
    q: ListQuery,
    limit: int,
    cap: int,
    whole_up_to: int,
) -> FirstPage:
    """A name search in another order than the name's: counted and sorted on the word
    table's index alone, whose rows hold each order's value (in one pass when the planner
    expects at most :data:`_ONE_PASS` rows of the name). More matches than the cap
    without a filter, in the order of an index of the participant table (registration
    number, NIK, KPJ), are first looked for along it (a short prefix: hundreds of thousands
    to sort otherwise); with a filter not (a kecamatan's participants are together in the
    order of the registration number and the NIK, never spread along it)."""
    key = _WORD_ORDERS[q.sort]
    walkable = q.sort in _WALKED_ORDERS and not ws.conds
    if ws.expected <= _ONE_PASS and not walkable:
        # Few rows to read: every match with its value, counted and sorted in one pass.
        found = ws.rows().add_columns(_WORDS.c[key].label("k")).distinct()
        return _one_pass(s, found.subquery(), ws, limit, cap, whole_up_to)
    count = _word_count(s, ws.driver, ws.others, ws.conds, cap)
    if count == 0:
        return FirstPage([], 0, False)
    if count <= cap:
        ids = _words_in_their_order(s, ws, key, max(limit, whole_up_to))
        return _first(ids, count, limit, whole_up_to)
    # The sort of hundreds of thousands of matches may come: memory for it.
    s.execute(text(f"SET LOCAL work_mem = '{_SEARCH_WORK_MEM}'"))
    walk = _walk_rows(s, ws.expected, limit) if walkable else None
    walked = _walk(s, words, q, walk, limit) if walk else None
    return FirstPage(walked or _words_in_their_order(s, ws, key, limit), cap, True)


def _one_pass(
    s: Session, found: Any, ws: _WordSearch, limit: int, cap: int, whole_up_to: int
) -> FirstPage:
    """The first page of ``found`` (each match once: ``id`` and its sort key ``k``), in the
    order of ``k`` then id, and their count, in one statement (a window's count: 20 ms for
    the 40,000 of "Ridwan" by birth date at 2,000,000, where a count of a materialised
    common table expression beside the page took 31–42 ms)."""
    order = found.c.k.desc() if ws.descending else found.c.k
    page = select(found.c.id, func.count().over()).order_by(order, found.c.id)
    got = s.execute(page.limit(max(limit, whole_up_to))).all()
    count = int(got[0][1]) if got else 0
    ids = [r[0] for r in got]
    if count > cap:
        return FirstPage(ids[:limit], cap, True)
    return _first(ids, count, limit, whole_up_to)


def _words_in_their_order(s: Session, ws: _WordSearch, key: str, n: int) -> list[int]:
    """The first ``n`` matches of ``ws`` ordered by the word table's ``key`` (then id), read
    from its index alone (a person whose name has two words in the range is there twice,
    with the same values: kept once)."""
    w = _WORDS
    found = ws.rows().add_columns(w.c[key].label("k")).distinct().subquery()
    order = found.c.k.desc() if ws.descending else found.c.k
    return list(s.execute(select(found.c.id).order_by(order, found.c.id).limit(n)).scalars())


def _server_first(s: Session, q: ListQuery, limit: int, cap: int, whole_up_to: int) -> FirstPage:
    """:func:`search_first` on PostgreSQL, whose planner misjudges how many rows a search
    term matches and where they are in name order (it walked the name index testing every
    row: 7 s at 2,000,000 for a first name, whose bearers all sort after "R"). A name comes
    from the word table's index (:func:`_words_first`), with any filter, in any order.
    Another term's matches are taken through the term's own index first (a materialised
    CTE is never folded back into a walk) and sorted; more than ``cap`` of them are first
    looked for among the first rows in name order (:data:`_SERVER_WALK`)."""
    p = t.Participant
    filters = _filters(q)
    words = _name_words(q)
    if words:
        return _words_first(s, _server_words(s, words), q, limit, cap, whole_up_to)
    term = _term_conditions(q, s)
    matching, _ranged = _matching(q, s)
    key = _SORTABLE.get(q.sort, p.name)
    shown = max(limit, whole_up_to)
    if not term:  # filters alone: their statistics are right, and so is the planner's plan
        count = int(s.execute(select(_limited(filters, cap))).scalar() or 0)
        if count <= min(cap, whole_up_to):
            ids = _raw_ids(s, _ordered(matching, q))
            return FirstPage(ids, len(ids), False)
        page = _ordered(matching, q).limit(limit)
        return FirstPage(_raw_ids(s, page), min(count, cap), count > cap)
    if len(term) > 1:
        count = _digits_count(s, term, filters, cap)
        if count <= cap:
            ids = _raw_ids(s, _found_first(matching, key, q.descending, shown))
            return _first(ids, count, limit, whole_up_to)
    else:
        # A registration number: the matches with their sort keys, counted and sorted in
        # one statement (the index is read once). Every match when the planner expects at
        # most _ONE_PASS: the page is then the top of all of them, whatever the count;
        # otherwise up to cap + 1.
        every = _estimate(s, matching) <= _ONE_PASS
        found = _found(matching if every else matching.limit(cap + 1), key)
        order = found.c.k.desc() if q.descending else found.c.k
        counted = select(func.count()).select_from(found).scalar_subquery()
        rows = s.execute(select(found.c.id, counted).order_by(order, found.c.id).limit(shown)).all()
        count = int(rows[0][1]) if rows else 0
        if count <= cap:
            return _first([r[0] for r in rows], count, limit, whole_up_to)
        if every:
            return FirstPage([r[0] for r in rows][:limit], cap, True)
    if q.sort == "name" and not q.descending:
        matched = and_(or_(*term), *filters).label("matched")
        rows_walked = _SERVER_WALK["digits" if len(term) > 1 else "words"]
        window = select(p.id, p.name, matched).order_by(p.name, p.id).limit(rows_walked).subquery()
        walked = (
            select(window.c.id)
            .where(window.c.matched)
            .order_by(window.c.name, window.c.id)
            .limit(limit)
        )
        ids = _raw_ids(s, walked)
        if len(ids) == limit:  # the first ``limit`` matches in order are all among them
            return FirstPage(ids, cap, True)
    return FirstPage(_raw_ids(s, _found_first(matching, key, q.descending, limit)), cap, True)


def _found(matching: Select[tuple[int]], key: Any) -> Any:
    """The CTE of ``matching``'s ids with their sort key ``k``, materialised: the server
    reads them through the search's own index, never by walking another."""
    return matching.add_columns(key.label("k")).cte("found").prefix_with("MATERIALIZED")


def _found_first(matching: Select[tuple[int]], key: Any, descending: bool, n: int) -> Any:
    """The first ``n`` ids of ``matching`` in the order of ``key`` (then id)."""
    found = _found(matching, key)
    order = found.c.k.desc() if descending else found.c.k
    return select(found.c.id).order_by(order, found.c.id).limit(n)


def _first(ids: list[int], count: int, limit: int, whole_up_to: int) -> FirstPage:
    """The first page of ``count`` (at most the cap) matches whose first ids are ``ids``."""
    if count <= whole_up_to:
        return FirstPage(ids[:count], count, False)
    return FirstPage(ids[:limit], count, False)


def _next_prefix(prefix: str) -> str:
    """The smallest text after every text that starts with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def list_rows(s: Session, ids: Sequence[int]) -> list[ListRow]:
    """The list lines of these ids, in the order given."""
    if not ids:
        return []
    p = t.Participant
    r = t.Region
    stmt = (
        select(
            p.id,
            p.reg_no,
            p.nik,
            p.name,
            p.sex,
            p.birth_date,
            r.name,
            p.occupation,
            p.status,
            p.kpj,
            p.funding,
        )
        .join(r, r.code == p.nagari_code)
        .where(p.id.in_(list(ids)))
    )
    by_id = {row[0]: ListRow(*row) for row in s.execute(stmt)}
    return [by_id[i] for i in ids if i in by_id]


def cohorts(s: Session, statuses: Sequence[str], year: int) -> list[Cohort]:
    """Participants grouped by everything that sets their cost, for the budget."""
    p = t.Participant
    end_of_year = dt.date(year, 12, 31)
    stmt = (
        select(
            p.kecamatan_code,
            p.funding,
            p.income,
            p.programmes,
            p.coverage_start,
            p.coverage_end,
            func.count(),
        )
        .where(p.status.in_(list(statuses)))
        .where(p.coverage_start <= end_of_year)
        .group_by(
            p.kecamatan_code, p.funding, p.income, p.programmes, p.coverage_start, p.coverage_end
        )
    )
    out = []
    for kec, funding, income, progs, start, end, count in s.execute(stmt):
        programmes = tuple(Programme(x) for x in progs.split(",") if x)
        out.append(Cohort(kec, funding, income, programmes, start, end, count))
    return out


def inactive_cohorts(s: Session, year: int) -> list[Cohort]:
    """Inactive participants, paid for until the month they left."""
    p = t.Participant
    stmt = (
        select(
            p.kecamatan_code,
            p.funding,
            p.income,
            p.programmes,
            p.coverage_start,
            func.coalesce(p.status_date, p.coverage_end),
            func.count(),
        )
        .where(p.status == "inactive")
        .where(p.coverage_start <= dt.date(year, 12, 31))
        .group_by(
            p.kecamatan_code,
            p.funding,
            p.income,
            p.programmes,
            p.coverage_start,
            func.coalesce(p.status_date, p.coverage_end),
        )
    )
    out = []
    for kec, funding, income, progs, start, end, count in s.execute(stmt):
        if end is None or end.year < year:
            continue
        programmes = tuple(Programme(x) for x in progs.split(",") if x)
        out.append(Cohort(kec, funding, income, programmes, start, end, count))
    return out


def dashboard_cohorts(
    s: Session, statuses: Sequence[str], year: int, shown: int
) -> tuple[dict[str, int], list[Cohort], list[Cohort], dict[str, int]]:
    """In one pass over the table: the count of each status, :func:`cohorts` of
    ``statuses`` and :func:`inactive_cohorts`, of ``year``, and per kecamatan those of
    ``statuses`` covered at some time in the year ``shown`` (on a server, where each full
    count of a province's register reads the whole table again)."""
    p = t.Participant
    # A literal, not a parameter: the same expression in SELECT and GROUP BY.
    inactive_now = p.status == literal_column("'inactive'")
    left = case((inactive_now, func.coalesce(p.status_date, p.coverage_end)))
    keys = (
        p.status,
        p.kecamatan_code,
        p.funding,
        p.income,
        p.programmes,
        p.coverage_start,
        p.coverage_end,
        left,
    )
    end_of_year = dt.date(year, 12, 31)
    counted = set(statuses)
    per_status: dict[str, int] = {}
    current: dict[tuple[Any, ...], int] = {}
    inactive: dict[tuple[Any, ...], int] = {}
    per_kec: dict[str, int] = {}
    first_shown, last_shown = dt.date(shown, 1, 1), dt.date(shown, 12, 31)
    for status, kec, funding, income, progs, start, end, gone, count in s.execute(
        select(*keys, func.count()).group_by(*keys)
    ):
        per_status[status] = per_status.get(status, 0) + count
        if status in counted and start <= last_shown and (end is None or end >= first_shown):
            per_kec[kec] = per_kec.get(kec, 0) + count
        if start > end_of_year:
            continue
        if status in counted:
            key = (kec, funding, income, progs, start, end)
            current[key] = current.get(key, 0) + count
        if status == "inactive" and gone is not None and gone.year >= year:
            key = (kec, funding, income, progs, start, gone)
            inactive[key] = inactive.get(key, 0) + count

    def made(groups: dict[tuple[Any, ...], int]) -> list[Cohort]:
        return [
            Cohort(kec, f, i, tuple(Programme(x) for x in progs.split(",") if x), a, b, n)
            for (kec, f, i, progs, a, b), n in groups.items()
        ]

    return per_status, made(current), made(inactive), per_kec


# --- history --------------------------------------------------------------------------


def _last_hash(s: Session) -> str:
    s.flush()
    last = s.scalar(select(t.History.hash).order_by(t.History.id.desc()).limit(1))
    return last or audit.GENESIS


def participant_states(s: Session, uuids: Sequence[str]) -> dict[str, tuple[str, str, int]]:
    """uuid → (state digest, history hash, row id) of those participants, read as stored
    (raw, in bulk; the digest of the same text ``audit verify`` takes it of)."""
    import hashlib

    from app.store.audit import state_text_sql

    raw = driver(s)
    out: dict[str, tuple[str, str, int]] = {}
    sha = hashlib.sha256
    text_sql = state_text_sql(s)
    unique = list(dict.fromkeys(uuids))
    for i in range(0, len(unique), 900):
        chunk = unique[i : i + 900]
        sql = (
            f"SELECT uuid, history_hash, id, {text_sql} FROM participant "  # noqa: S608
            f"WHERE uuid IN ({', '.join('?' * len(chunk))})"
        )
        for uid, pointer, pid, joined in raw.execute(sql, chunk):
            out[uid] = (sha(joined.encode("utf-8")).hexdigest(), pointer, pid)
    return out


def _seal(s: Session, entries: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Stamp the newest entry about each participant (of those not stamped by their own
    install elsewhere: they carry ``state`` already) with the row's state as written, when
    the row was inserted by the application or is vouched for already; a row that appeared
    otherwise (a ghost) stays unexplained whatever is done to it.

    Returns:
        (row id, index in ``entries``) of the stamped entries.
    """
    last: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e["entity"] == "participant" and "state" not in e:
            last[e["entity_id"]] = i
    for e in entries:
        e.setdefault("state", "")
    if not last:
        return []
    s.flush()
    states = participant_states(s, list(last))
    stamped = []
    for uid, i in last.items():
        found = states.get(uid)
        if found is not None and found[1]:
            entries[i]["state"] = found[0]
            stamped.append((found[2], i))
    return stamped


def _point_rows(s: Session, pairs: Sequence[tuple[str, int]]) -> None:
    """Each participant's ``history_hash`` names the entry that vouches for it."""
    if not pairs:
        return
    driver(s).executemany("UPDATE participant SET history_hash = ? WHERE id = ?", pairs)


def add_history(
    s: Session,
    *,
    at: dt.datetime,
    actor: str,
    install_code: str,
    entity: str,
    entity_id: str,
    action: str,
    changes: dict[str, Any],
    reason: str = "",
) -> None:
    """Append an entry to the change history, linked into the audit hash chain.

    An entry about a participant records the state the row has now (written before the
    entry, in the same transaction), and the row points at the entry.
    """
    entry: dict[str, Any] = {
        "at": at,
        "actor": actor,
        "install_code": install_code,
        "entity": entity,
        "entity_id": entity_id,
        "action": action,
        "changes": json.dumps(changes, ensure_ascii=False, default=str),
        "reason": reason,
    }
    stamped = _seal(s, [entry])
    chained = entry | audit.chain(_last_hash(s), entry)
    s.add(t.History(**chained))
    s.flush()
    if stamped:
        _point_rows(s, [(chained["hash"], stamped[0][0])])


def bulk_history(s: Session, rows: Sequence[HistoryEntry]) -> None:
    """Append many history entries at once, in order, linked into the hash chain.

    Every writer of the history goes through here or :func:`add_history`: an entry
    without its hashes breaks ``lindungi audit verify``. Write the participants first: the
    newest entry about each records the row's state, and the row points at it. Entries that
    bring their ``state`` (another install's, from a bundle) keep it.
    """
    if not rows:
        return
    entries = [dict(r) for r in rows]
    stamped = _seal(s, entries)
    _chain(s, entries)
    _insert_entries(s, entries)
    _point_rows(s, [(str(entries[i]["hash"]), pid) for pid, i in stamped])


def _chain(s: Session, entries: list[dict[str, Any]]) -> None:
    """Link ``entries`` (each with its ``state``), in order, after the newest entry."""
    for e, links in zip(entries, audit.chain_many(_last_hash(s), entries), strict=True):
        e.update(links)


def _insert_entries(s: Session, chained: list[dict[str, Any]]) -> None:
    if len(chained) < 200:
        s.execute(insert(t.History), chained)
        return
    for entry in chained:
        entry["at"] = stamp(entry["at"])
    _raw_insert(s, "history", chained)


def history_of(s: Session, entity_id: str) -> list[HistoryRecord]:
    """The history of one record, oldest first."""
    stmt = select(t.History).where(t.History.entity_id == entity_id).order_by(t.History.id)
    return [
        HistoryRecord(h.at, h.actor, h.install_code, h.action, h.changes, h.reason)
        for h in s.scalars(stmt)
    ]


def registration_numbers_with_prefix(s: Session, prefix: str) -> list[str]:
    """Registration numbers that start with ``prefix`` (an install code and a dash)."""
    return list(
        s.scalars(select(t.Participant.reg_no).where(t.Participant.reg_no.like(prefix + "%")))
    )


def registration_seq(s: Session) -> int | None:
    """The last registration sequence used, or None before setup."""
    row = s.get(t.Install, 1)
    return None if row is None else row.registration_seq


def set_registration_seq(s: Session, value: int) -> None:
    """Move the registration sequence forward (after a restore)."""
    row = s.get(t.Install, 1)
    assert row is not None
    row.registration_seq = max(row.registration_seq, value)


def erase_participant(s: Session, pid: int, now: dt.datetime, erased_date: dt.date) -> None:
    """Remove a participant's personal data; its number, status and dates stay."""
    from sqlalchemy import update

    p = t.Participant
    s.execute(
        update(p)
        .where(p.id == pid)
        .values(
            nik="",
            name="",
            birth_place="",
            birth_date=erased_date,
            address="",
            jorong="",
            phone="",
            kpj=None,
            override_reason="",
            erased_at=now,
            revision=p.revision + 1,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )


REDACTED = '{"redacted": true}'


def redact_history(s: Session, entity_id: str) -> int:
    """Blank the content of an erased participant's history entries (changes, reason,
    state), keeping who, when, what and the hashes: the triggers (migration 0008) allow
    exactly this change, once, and nothing else."""
    from sqlalchemy import update

    h = t.History
    result = s.execute(
        update(h)
        .where((h.entity_id == entity_id) & (h.entity == "participant") & h.redacted.is_(False))
        .values(changes=REDACTED, reason="", state="", redacted=True)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def inactive_before(s: Session, day: dt.date) -> list[str]:
    """Registration numbers of records inactive since before ``day`` and not yet erased."""
    p = t.Participant
    stmt = select(p.reg_no).where(
        (p.status == "inactive") & (p.status_date < day) & p.erased_at.is_(None)
    )
    return list(s.scalars(stmt))
