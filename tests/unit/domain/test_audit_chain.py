"""The chain rules, and whether another install's chain extends the head seen last."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain import audit


def _entries(n: int, actor: str = "ani") -> list[dict[str, Any]]:
    return [
        {
            "at": dt.datetime(2026, 12, 7, 8, 0, i),
            "actor": actor,
            "install_code": "130306-A",
            "entity": "participant",
            "entity_id": f"uuid-{i}",
            "action": "edit",
            "changes": "{}",
            "reason": "",
            "state": "",
        }
        for i in range(n)
    ]


def _chained(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    prev = audit.GENESIS
    for i, e in enumerate(entries):
        row = e | audit.chain(prev, e) | {"id": i + 1}
        out.append(row)
        prev = row["hash"]
    return out


def _records(rows: list[dict[str, Any]]) -> list[list[Any]]:
    out = []
    for r in rows:
        ident = [audit._text(r[k]) for k in audit.IDENTITY_FIELDS]
        out.append(audit.link_record([r["rule"], *ident, r["content_hash"]]))
    return out


def test_rule_two_covers_who_did_it_even_when_redacted() -> None:
    rows = _chained(_entries(3))
    assert audit.verify(rows) is None
    forged = [dict(r) for r in rows]
    forged[1] |= {"actor": "someone", "changes": '{"redacted": true}', "redacted": True}
    broken = audit.verify(forged)
    assert broken is not None and (broken.entry_id, broken.kind) == (2, "link")


def test_rule_one_entries_keep_verifying_beside_rule_two() -> None:
    first = _entries(1)[0]
    content = audit.content_hash(first)
    old = first | {
        "id": 1,
        "rule": 1,
        "content_hash": content,
        "prev_hash": audit.GENESIS,
        "hash": audit.link(audit.GENESIS, content),
        "redacted": False,
    }
    new = _entries(2)[1]
    new_row = new | audit.chain(old["hash"], new) | {"id": 2}
    assert audit.verify([old, new_row]) is None


def test_a_segment_extends_the_head_seen_or_says_what_is_wrong() -> None:
    rows = _chained(_entries(6))
    records = _records(rows)
    head = (6, rows[5]["hash"])
    start = (2, rows[1]["hash"])
    segment = records[2:]
    assert audit.extends(None, start, segment, head) == ""
    assert audit.extends((4, rows[3]["hash"]), start, segment, head) == ""
    assert audit.extends((2, rows[1]["hash"]), start, segment, head) == ""
    assert audit.extends((4, "f" * 64), start, segment, head) == "fork"
    assert audit.extends((1, rows[0]["hash"]), start, segment, head) == "gap"
    assert audit.extends((7, "a" * 64), start, segment, head) == "behind"
    assert audit.extends(None, start, segment[:-1], head) == "broken"
    tampered = [list(r) for r in segment]
    tampered[0][2] = "someone"  # the actor
    assert audit.extends(None, start, tampered, head) == "broken"


def test_state_digest_is_the_same_for_stored_text_and_python_values() -> None:
    typed = dict.fromkeys(audit.COMPARED, None) | {
        "uuid": "u",
        "reg_no": "130306-A-000001",
        "birth_date": dt.date(1980, 8, 7),
        "income": 1_000_000,
        "erased_at": dt.datetime(2026, 1, 2, 3, 4, 5),
    }
    stored = typed | {
        "birth_date": "1980-08-07",
        "income": 1000000,
        "erased_at": "2026-01-02 03:04:05.000000",
    }
    assert audit.state_digest(typed) == audit.state_digest(stored)
