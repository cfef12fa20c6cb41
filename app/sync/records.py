"""What travels inside a payload: participants and history entries as JSON, checked field by
field on the way in.

A record that does not have the right shape is reported by :class:`RecordError` so that the
importer can refuse that record alone (it still came in a genuine, signed bundle) and say
why in the receipt; a payload that is not shaped like a payload at all refuses the bundle.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from app.domain.rows import (
    CardKey,
    CardRow,
    HandoverEventRow,
    HistoryEntry,
    ParticipantRow,
    ReceivedHandoverItem,
    SentHandoverItem,
)

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_REG_NO = re.compile(r"^\d{6}-[A-Z]-\d{6}$")
_INSTALL = re.compile(r"^\d{6}-[A-Z]$")

# Fields a kecamatan office owns (personal data it registered) and those the kabupaten owns
# (its decisions: status beyond approval, KPJ, duplicates). Merges go field by field.
OFFICE_FIELDS = (
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
    "override_reason",
)
STATUS_FIELDS = ("status", "status_reason", "status_date")
KABUPATEN_FIELDS = ("kpj", "duplicate_of")
META_FIELDS = (
    "uuid",
    "reg_no",
    "revision",
    "ack_revision",
    "created_at",
    "created_by",
    "created_install",
    "updated_at",
    "updated_by",
    "updated_install",
)
FIELDS = META_FIELDS + OFFICE_FIELDS + STATUS_FIELDS + KABUPATEN_FIELDS

STATUSES = ("draft", "approved", "accepted", "active", "inactive")


class RecordError(ValueError):
    """A record with a field of the wrong shape; ``field`` names it."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


class _Text:
    """A string of at most ``max_len`` characters (matching ``pattern``, when given)."""

    def __init__(self, max_len: int, pattern: re.Pattern[str] | None = None) -> None:
        self.max_len = max_len
        self.pattern = pattern

    def __call__(self, v: Any) -> Any:
        if not isinstance(v, str) or len(v) > self.max_len:
            raise ValueError
        if self.pattern is not None and not self.pattern.match(v):
            raise ValueError
        return v


def _opt(inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def check(v: Any) -> Any:
        return None if v is None else inner(v)

    return check


def _int(lo: int, hi: int) -> Callable[[Any], Any]:
    def check(v: Any) -> Any:
        if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
            raise ValueError
        return v

    return check


def _date(v: Any) -> dt.date:
    if not isinstance(v, str) or len(v) != 10:
        raise ValueError
    return dt.date.fromisoformat(v)


def _datetime(v: Any) -> dt.datetime:
    if not isinstance(v, str) or len(v) > 32:
        raise ValueError
    out = dt.datetime.fromisoformat(v)
    if out.tzinfo is not None:
        raise ValueError
    return out


def _choice(*values: str) -> Callable[[Any], Any]:
    def check(v: Any) -> Any:
        if v not in values:
            raise ValueError
        return v

    return check


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "uuid": _Text(36, _UUID),
    "reg_no": _Text(20, _REG_NO),
    "revision": _int(1, 2**40),
    "ack_revision": _int(0, 2**40),
    "created_at": _datetime,
    "created_by": _Text(64),
    "created_install": _Text(10, _INSTALL),
    "updated_at": _datetime,
    "updated_by": _Text(64),
    "updated_install": _Text(10),
    "nik": _Text(16),
    "name": _Text(200),
    "birth_place": _Text(100),
    "birth_date": _date,
    "sex": _choice("L", "P"),
    "address": _Text(500),
    "jorong": _Text(100),
    "nagari_code": _Text(16),
    "kecamatan_code": _Text(16),
    "occupation": _Text(32),
    "phone": _Text(20),
    "income": _int(0, 10**12),
    "funding": _Text(16),
    "programmes": _Text(16),
    "coverage_start": _date,
    "coverage_end": _opt(_date),
    "override_reason": _Text(1000),
    "status": _choice(*STATUSES),
    "status_reason": _Text(20),
    "status_date": _opt(_date),
    "kpj": _opt(_Text(11)),
    "duplicate_of": _opt(_Text(20)),
}


# (field, the length limit of a plain string or 0, its check), in the order of FIELDS.
_SPEC = [
    (name, c.max_len if isinstance(c, _Text) and c.pattern is None else 0, c)
    for name, c in ((name, _CHECKS[name]) for name in FIELDS)
]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


# The fields of a record in a bundle, in their order: the columns, then the erasure's time.
RECORD_FIELDS = (*FIELDS, "erased_at")

_TEMPORAL = (
    "created_at",
    "updated_at",
    "birth_date",
    "coverage_start",
    "coverage_end",
    "status_date",
)


def encode_record(values: Mapping[str, Any]) -> dict[str, Any]:
    """A participant's fields (Python values) as JSON values.

    ``erased_at`` travels too: an erasure of personal data (UU PDP) made at the office is
    carried out at the kabupaten as well.
    """
    out = {name: values[name] for name in FIELDS}
    for name in _TEMPORAL:
        v = out[name]
        if v is not None and not isinstance(v, str):
            out[name] = v.isoformat()
    erased = values.get("erased_at")
    out["erased_at"] = erased.isoformat() if isinstance(erased, dt.datetime) else erased
    return out


def decode_record(obj: Any) -> ParticipantRow:
    """A participant from JSON, every field checked for type, length and format.

    Raises:
        RecordError: naming the first field that is missing or malformed.
    """
    if not isinstance(obj, dict):
        raise RecordError("record")
    out: dict[str, Any] = {}
    name = ""
    try:
        for name, limit, check in _SPEC:
            v = obj[name]
            if limit:  # a plain string, checked here: 20,000 records have 16 each
                if not isinstance(v, str) or len(v) > limit:
                    raise ValueError
                out[name] = v
            else:
                out[name] = check(v)
    except (KeyError, ValueError, TypeError):
        raise RecordError(name) from None
    try:  # optional: bundles written before erasure travelled do not carry it
        out["erased_at"] = _opt(_datetime)(obj.get("erased_at"))
    except (ValueError, TypeError):
        raise RecordError("erased_at") from None
    return cast(ParticipantRow, out)


def record_ids(obj: Any) -> tuple[str, str]:
    """The uuid and registration number of a (possibly malformed) record, for reports."""
    if not isinstance(obj, dict):
        return "", ""
    uid, reg = obj.get("uuid"), obj.get("reg_no")
    return (
        uid if isinstance(uid, str) and _UUID.match(uid) else "",
        reg if isinstance(reg, str) and len(reg) <= 20 else "",
    )


HISTORY_FIELDS = (
    "at",
    "actor",
    "install_code",
    "entity",
    "entity_id",
    "action",
    "changes",
    "reason",
)
_HISTORY_CHECKS: dict[str, Callable[[Any], Any]] = {
    "at": _datetime,
    "actor": _Text(64),
    "install_code": _Text(10),
    "entity": _Text(32),
    "entity_id": _Text(36),
    "action": _Text(32),
    "changes": _Text(200_000),
    "reason": _Text(10_000),
}


_STATE = re.compile(r"^([0-9a-f]{64})?$")


def encode_history(values: Mapping[str, Any]) -> dict[str, Any]:
    """A history entry as JSON values (with the state it vouches for, when it has one)."""
    out = {name: values[name] for name in HISTORY_FIELDS}
    out["at"] = _plain(out["at"])  # the only field that is not text
    if values.get("state"):
        out["state"] = values["state"]
    return out


def decode_history(obj: Any) -> HistoryEntry:
    """A history entry from JSON.

    Raises:
        RecordError: naming the malformed field.
    """
    if not isinstance(obj, dict):
        raise RecordError("history")
    out: dict[str, Any] = {}
    for name in HISTORY_FIELDS:
        try:
            out[name] = _HISTORY_CHECKS[name](obj[name])
        except (KeyError, ValueError, TypeError):
            raise RecordError(name) from None
    state = obj.get("state", "")  # absent before chain rule 2
    if not isinstance(state, str) or not _STATE.match(state):
        raise RecordError("state")
    out["state"] = state
    return cast(HistoryEntry, out)


def valid_install_code(text: Any) -> bool:
    """``130306-A`` (a station) or ``130300-K`` (a kabupaten)."""
    return isinstance(text, str) and bool(_INSTALL.match(text))


# --- cards and handovers --------------------------------------------------------------

CARD_FIELDS = (
    "participant_uuid",
    "reg_no",
    "serial",
    "version",
    "kind",
    "reason",
    "kpj",
    "printed_at",
    "printed_by",
    "install_code",
    "void",
    "voided_at",
)


def _bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise ValueError
    return v


_CARD_CHECKS: dict[str, Callable[[Any], Any]] = {
    "participant_uuid": _Text(36, _UUID),
    "reg_no": _Text(20, _REG_NO),
    "serial": _int(1, 10**9),
    "version": _int(1, 10**4),
    "kind": _choice("print", "copy", "reprint"),
    "reason": _Text(1000),
    "kpj": _opt(_Text(11)),
    "printed_at": _datetime,
    "printed_by": _Text(64),
    "install_code": _Text(10, _INSTALL),
    "void": _bool,
    "voided_at": _opt(_datetime),
}


def card_key(card: Mapping[str, Any]) -> CardKey:
    """What identifies a printed card across installs (ids are local)."""
    printed = card["printed_at"]
    return (
        card["install_code"],
        card["serial"],
        card["version"],
        card["kind"],
        printed if isinstance(printed, str) else printed.isoformat(),
    )


def encode_card(values: Mapping[str, Any]) -> dict[str, Any]:
    """A card row as JSON values."""
    return {name: _plain(values[name]) for name in CARD_FIELDS}


def decode_card(obj: Any) -> CardRow:
    """A card from JSON.

    Raises:
        RecordError: naming the malformed field.
    """
    if not isinstance(obj, dict):
        raise RecordError("card")
    out: dict[str, Any] = {}
    for name in CARD_FIELDS:
        try:
            out[name] = _CARD_CHECKS[name](obj[name])
        except (KeyError, ValueError, TypeError):
            raise RecordError(name) from None
    return cast(CardRow, out)


EVENT_FIELDS = (
    "date",
    "place",
    "officials",
    "install_code",
    "opened_by",
    "opened_at",
    "closed_at",
    "closed_by",
)
_EVENT_CHECKS: dict[str, Callable[[Any], Any]] = {
    "date": _date,
    "place": _Text(200),
    "officials": _Text(2000),
    "install_code": _Text(10, _INSTALL),
    "opened_by": _Text(64),
    "opened_at": _datetime,
    "closed_at": _opt(_datetime),
    "closed_by": _opt(_Text(64)),
}
ITEM_FIELDS = ("proxy_name", "at", "by", "via")
_ITEM_CHECKS: dict[str, Callable[[Any], Any]] = {
    "proxy_name": _Text(200),
    "at": _datetime,
    "by": _Text(64),
    "via": _Text(8),
}


def encode_event(values: Mapping[str, Any], items: Sequence[SentHandoverItem]) -> dict[str, Any]:
    """A handover event with its items (each naming its card by :func:`card_key`)."""
    encoded = []
    for i in items:
        fields: Mapping[str, Any] = i
        encoded.append(
            {name: _plain(fields[name]) for name in ITEM_FIELDS}
            | {"card": list(card_key(i["card"]))}
        )
    return {name: _plain(values[name]) for name in EVENT_FIELDS} | {"items": encoded}


def decode_event(obj: Any) -> tuple[HandoverEventRow, list[ReceivedHandoverItem]]:
    """A handover event and its items from JSON; items name cards by key.

    Raises:
        RecordError: naming the malformed field.
    """
    if not isinstance(obj, dict) or not isinstance(obj.get("items"), list):
        raise RecordError("event")
    event: dict[str, Any] = {}
    for name in EVENT_FIELDS:
        try:
            event[name] = _EVENT_CHECKS[name](obj[name])
        except (KeyError, ValueError, TypeError):
            raise RecordError(name) from None
    items: list[ReceivedHandoverItem] = []
    for raw in obj["items"]:
        if not isinstance(raw, dict):
            raise RecordError("item")
        item: dict[str, Any] = {}
        for name in ITEM_FIELDS:
            try:
                item[name] = _ITEM_CHECKS[name](raw[name])
            except (KeyError, ValueError, TypeError):
                raise RecordError(name) from None
        key = raw.get("card")
        if not (
            isinstance(key, list)
            and len(key) == 5
            and valid_install_code(key[0])
            and all(isinstance(k, int) and not isinstance(k, bool) for k in key[1:3])
            and all(isinstance(k, str) for k in key[3:])
        ):
            raise RecordError("card")
        item["card"] = tuple(key)
        items.append(cast(ReceivedHandoverItem, item))
    return cast(HandoverEventRow, event), items
