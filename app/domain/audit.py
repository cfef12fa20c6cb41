"""The audit trail as a hash chain: editing, inserting or removing an entry breaks it.

Each entry's ``content_hash`` is SHA-256 of its canonical content; its ``hash`` links it to
the previous entry's hash. When the personal data of an entry must be erased (UU PDP), its
content is blanked but both hashes stay, so the chain still verifies; an entry that is not
marked as redacted must still match its content hash.

Each entry records the **rule** it was chained under, and keeps verifying under it:

- rule 1 (before migration 0008): ``hash = sha256(prev_hash + content_hash)``. A redacted
  entry's content is not checked, so its identity (who, when, what) was not covered.
- rule 2: ``hash = sha256("2" | prev_hash | at | actor | install | entity | entity id |
  action | content_hash)`` (fields separated by the ASCII unit separator): who did what and
  when is covered directly, so a redaction, which blanks only the content, cannot change
  it. The content of a rule-2 entry also covers its ``state``: the digest of the
  participant's compared columns (:data:`COMPARED`) right after the entry, which is what
  ``audit verify`` replays each participant against.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

GENESIS = "0" * 64
CHAINED_FIELDS = (
    "at",
    "actor",
    "install_code",
    "entity",
    "entity_id",
    "action",
    "changes",
    "reason",
)


def _text(value: Any) -> str:
    # Datetimes exactly as SQLite stores them (always with microseconds), so that an entry
    # hashes the same before it is written and after it is read back.
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return "" if value is None else str(value)


def content_hash(entry: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of an entry's content in a canonical form: the chained fields in a
    fixed order, separated by the ASCII unit separator (cheap for 100,000 entries)."""
    canonical = "\x1f".join(_text(entry.get(k)) for k in CHAINED_FIELDS)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def link(prev_hash: str, content: str) -> str:
    """The hash of a rule-1 entry, from the previous entry's hash and its content hash."""
    return hashlib.sha256((prev_hash + content).encode("ascii")).hexdigest()


RULE = 2  # the chain rule new entries are made under
IDENTITY_FIELDS = ("at", "actor", "install_code", "entity", "entity_id", "action")
CONTENT_FIELDS_2 = (*CHAINED_FIELDS, "state")

# The participant columns whose values a history entry vouches for ("state"); the list is
# in docs/domain.md. Bookkeeping (revision, acknowledgements, who saved last) is left out.
COMPARED = (
    "uuid",
    "reg_no",
    "nik",
    "name",
    "birth_place",
    "birth_date",
    "sex",
    "address",
    "jorong",
    "nagari_code",
    "kecamatan_code",
    "occupation",
    "phone",
    "income",
    "funding",
    "programmes",
    "coverage_start",
    "coverage_end",
    "status",
    "status_reason",
    "status_date",
    "duplicate_of",
    "kpj",
    "override_reason",
    "erased_at",
)


def _plain(value: Any) -> str:
    # Dates as SQLite stores them (ISO), datetimes with microseconds: a row hashes the same
    # whether it is read back from the database or still held as Python values.
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


_compared = itemgetter(*COMPARED)


def state_digest(row: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of a participant's compared columns (:data:`COMPARED`)."""
    values = _compared(row)
    canonical = "\x1f".join(
        [v if type(v) is str else "" if v is None else _plain(v) for v in values]
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def content_hash_2(entry: Mapping[str, Any]) -> str:
    """The content hash of a rule-2 entry: the rule-1 content and the participant state."""
    canonical = "\x1f".join(_text(entry.get(k)) for k in CONTENT_FIELDS_2)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def link_2(prev_hash: str, entry: Mapping[str, Any], content: str) -> str:
    """The hash of a rule-2 entry: the previous hash, who did what and when, the content."""
    parts = ["2", prev_hash, *(_text(entry.get(k)) for k in IDENTITY_FIELDS), content]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def entry_ok(prev: str, e: Mapping[str, Any]) -> str:
    """Check one entry against the previous hash under its own rule.

    Returns:
        "" when it holds, else "content" or "link".
    """
    if int(e.get("rule") or 1) >= 2:
        if not e.get("redacted") and content_hash_2(e) != e["content_hash"]:
            return "content"
        if e["prev_hash"] != prev or link_2(prev, e, e["content_hash"]) != e["hash"]:
            return "link"
        return ""
    if not e.get("redacted") and content_hash(e) != e["content_hash"]:
        return "content"
    if e["prev_hash"] != prev or link(prev, e["content_hash"]) != e["hash"]:
        return "link"
    return ""


def chain(prev: str, entry: Mapping[str, Any]) -> dict[str, Any]:
    """The hash columns of a new entry (rule 2) after ``prev``."""
    content = content_hash_2(entry)
    return {
        "rule": RULE,
        "content_hash": content,
        "prev_hash": prev,
        "hash": link_2(prev, entry, content),
        "redacted": False,
    }


_IDENT_AFTER_AT = IDENTITY_FIELDS[1:]
_CONTENT_AFTER_IDENT = CONTENT_FIELDS_2[len(IDENTITY_FIELDS) :]


def chain_many(prev: str, entries: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """:func:`chain` of many entries in order (a batch often shares one timestamp)."""
    times: dict[Any, str] = {}
    sha = hashlib.sha256
    for e in entries:
        at = e.get("at")
        at_text = times.get(at)
        if at_text is None:
            at_text = times[at] = _text(at)
        # Most values are text already: only the others go through _text.
        ident = [v if type(v) is str else _text(v) for v in map(e.get, _IDENT_AFTER_AT)]
        rest = [v if type(v) is str else _text(v) for v in map(e.get, _CONTENT_AFTER_IDENT)]
        content = sha("\x1f".join([at_text, *ident, *rest]).encode("utf-8")).hexdigest()
        digest = sha("\x1f".join(["2", prev, at_text, *ident, content]).encode("utf-8")).hexdigest()
        yield {
            "rule": RULE,
            "content_hash": content,
            "prev_hash": prev,
            "hash": digest,
            "redacted": False,
        }
        prev = digest


@dataclass(frozen=True)
class ChainBreak:
    """Where the chain is broken, and how."""

    entry_id: int
    kind: str  # content | link


def verify(entries: Iterable[Mapping[str, Any]]) -> ChainBreak | None:
    """Check a chain of entries in order (each with id, hash fields and content).

    Returns:
        The first break, or None when the chain is whole.
    """
    prev = GENESIS
    for e in entries:
        kind = entry_ok(prev, e)
        if kind:
            return ChainBreak(int(e["id"]), kind)
        prev = e["hash"]
    return None


def link_of(prev_hash: str, record: Sequence[Any]) -> str:
    """The hash an entry has after ``prev_hash``, under its own rule, from its link record
    alone (:func:`link_record`; a redacted entry's content is not needed)."""
    rule, *ident, content = record
    if len(ident) != len(IDENTITY_FIELDS) or not isinstance(content, str):
        raise ValueError("link record")
    if isinstance(rule, int) and rule >= 2:
        parts = ["2", prev_hash, *("" if v is None else str(v) for v in ident), content]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return link(prev_hash, content)


def link_record(row: Sequence[Any]) -> list[Any]:
    """An entry's link fields as stored (rule, time as text, actor, install, entity,
    entity id, action, content hash): what a bundle or receipt carries, a list to keep
    tens of thousands of them small. Its own hash follows from them and the one before."""
    rule, *rest = row
    return [int(rule or 1), *rest]


def extends(
    seen: tuple[int, str] | None,
    start: tuple[int, str],
    entries: Iterable[Sequence[Any]],
    head: tuple[int, str],
) -> str:
    """Whether a segment of another install's chain links from ``start`` (entries before
    it, the hash after them) to its signed ``head`` and passes through the head ``seen``
    last from that install.

    Returns:
        "" when it does; else ``broken`` (the entries do not lead to the head),
        ``gap`` (entries between the head seen and the segment are missing), ``fork``
        (the chain at the head seen has another hash: it was rewritten), ``behind`` (the
        head is older than the one seen).
    """
    prev = start[1]
    pos = start[0]
    fork = False
    for e in entries:
        prev = link_of(prev, e)
        pos += 1
        if seen is not None and pos == seen[0] and prev != seen[1]:
            fork = True
    if (pos, prev) != head:
        return "broken"
    if seen is None:
        return ""
    if seen[0] > head[0]:
        return "behind"
    if seen[0] < start[0]:
        return "gap"
    if fork or (seen[0] == start[0] and start[1] != seen[1]):
        return "fork"
    return ""


# The columns of a raw row for :func:`replay`, in order.
RAW_FIELDS = (
    "id",
    "rule",
    *CONTENT_FIELDS_2,  # at … reason, state
    "content_hash",
    "prev_hash",
    "hash",
    "redacted",
)


@dataclass
class Replay:
    """What walking the whole chain found: its length, the first break, every participant
    an entry is about, and per participant the newest entry of this install that vouches
    for its state (hash, state)."""

    entries: int = 0
    broken: ChainBreak | None = None
    subjects: set[str] | None = None
    vouched: dict[str, tuple[str, str]] | None = None


def replay(rows: Iterable[Sequence[Any]], own_install: str) -> Replay:
    """Walk raw rows (:data:`RAW_FIELDS`, values as SQLite stores them: times as text)
    oldest first: check each entry under its rule, and collect what vouches for whom.

    The same checks as :func:`entry_ok`, inlined: 100,000 entries in well under a second.
    """
    sha = hashlib.sha256
    sep = "\x1f"
    prev = GENESIS
    out = Replay(0, None, set(), {})
    subjects = out.subjects
    vouched = out.vouched
    assert subjects is not None and vouched is not None
    for row in rows:
        (eid, rule, at, actor, inst, entity, entity_id, action, changes, reason, state,
         content, prev_hash, digest, redacted) = row  # fmt: skip
        out.entries += 1
        if out.broken is None:
            ident = [
                "" if v is None else str(v) for v in (at, actor, inst, entity, entity_id, action)
            ]
            body = ["" if changes is None else changes, "" if reason is None else reason]
            if rule and rule >= 2:
                if not redacted:
                    text = sep.join([*ident, *body, state or ""])
                    if sha(text.encode("utf-8")).hexdigest() != content:
                        out.broken = ChainBreak(int(eid), "content")
                expected = sha(sep.join(["2", prev, *ident, content]).encode("utf-8")).hexdigest()
            else:
                if not redacted:
                    text = sep.join([*ident, *body])
                    if sha(text.encode("utf-8")).hexdigest() != content:
                        out.broken = ChainBreak(int(eid), "content")
                expected = sha((prev + content).encode("ascii")).hexdigest()
            if out.broken is None and (prev_hash != prev or expected != digest):
                out.broken = ChainBreak(int(eid), "link")
            prev = digest
        if entity == "participant":
            subjects.add(entity_id)
            if state and inst == own_install:
                vouched[entity_id] = (digest, state)
    return out
