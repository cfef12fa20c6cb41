"""The audit trail as a hash chain: editing, inserting or removing an entry breaks it.

Each entry's ``content_hash`` is SHA-256 of its canonical content; its ``hash`` is SHA-256
of the previous entry's hash and its own content hash. When the personal data of an entry
must be erased (UU PDP), the content is replaced but both hashes stay, so the chain still
verifies; an entry that is not marked as redacted must still match its content hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
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


def content_hashes(entries: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """:func:`content_hash` of many entries (a batch often shares one timestamp)."""
    times: dict[Any, str] = {}
    sha = hashlib.sha256
    for e in entries:
        at = e.get("at")
        at_text = times.get(at)
        if at_text is None:
            at_text = times[at] = _text(at)
        rest = [_text(e.get(k)) for k in CHAINED_FIELDS[1:]]
        yield sha("\x1f".join([at_text, *rest]).encode("utf-8")).hexdigest()


def link(prev_hash: str, content: str) -> str:
    """The hash of an entry, from the previous entry's hash and its own content hash."""
    return hashlib.sha256((prev_hash + content).encode("ascii")).hexdigest()


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
        if not e.get("redacted") and content_hash(e) != e["content_hash"]:
            return ChainBreak(int(e["id"]), "content")
        if e["prev_hash"] != prev or link(prev, e["content_hash"]) != e["hash"]:
            return ChainBreak(int(e["id"]), "link")
        prev = e["hash"]
    return None
