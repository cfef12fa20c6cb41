"""The results of the sync services (what an import did with each record) and the small
helpers they share: progress reports, folders, payload lists, history changes."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.domain.progress import Progress as Progress
from app.domain.progress import no_progress
from app.errors import InvalidInput, Refused
from app.services.context import Context
from app.services.sync.decision import Outcome
from app.services.sync.files import refusal
from app.services.trust import install_keypair, own_keypair_for
from app.sync import container
from app.sync.container import Container, FormatError

# Slow sync work reports (done, total) through the one protocol of slow work; it cannot
# stop midway (a commit is one transaction), so it ignores the answer.
noop = no_progress


class ReceiptOutcome(StrEnum):
    """What a receipt does (or did) with one record at the office."""

    ACCEPTED = "accepted"
    ACTIVE = "active"
    INACTIVE = "inactive"
    REFUSED = "refused"
    PENDING = "pending"
    RESTORED = "restored"
    UPDATED = "updated"


# The counts of an import, keyed by the outcomes' own values.
BUNDLE_COUNTS = tuple(o.value for o in Outcome)
RECEIPT_COUNTS = tuple(o.value for o in ReceiptOutcome)
# Imports before the outcomes became enums counted these two under plural keys.
_OLD_KEYS = {"conflicts": Outcome.CONFLICT.value, "duplicates": Outcome.DUPLICATE.value}


@dataclass(frozen=True)
class RecordOutcome:
    """What an import does (or did) with one record: an :class:`Outcome` for a bundle, a
    :class:`ReceiptOutcome` for a receipt."""

    uuid: str
    reg_no: str
    name: str
    nik: str
    outcome: Outcome | ReceiptOutcome
    code: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)
    other: str = ""  # the other record's registration number (duplicates)
    revision: int = 0


@dataclass
class ImportResult:
    """What ``bundle import`` did with one file."""

    kind: str  # bundle | receipt
    file: str
    sender: str
    sequence: int
    status: str  # imported | preview | already | held | superseded
    counts: dict[str, int] = field(default_factory=dict)
    items: list[RecordOutcome] = field(default_factory=list)
    receipt: Path | None = None
    receipt_error: str | None = None
    fingerprint: str | None = None
    # Why a bundle is held: unconfirmed | other_key (a second key claims the office) |
    # revoked | chain (its audit chain does not extend the head last seen)
    hold_reason: str = ""
    # For a bundle held because its chain does not extend the head last seen from its
    # office ("chain"): what is missing, in the user's language.
    hold_message: str = ""
    # A receipt whose kabupaten holds registration numbers of this station above the last
    # one this install issued: (theirs, ours). Another PC registers as this station (a
    # clone), or this install lost records; either way it now continues above theirs.
    numbers_ahead: tuple[int, int] | None = None
    gaps: list[int] = field(default_factory=list)
    # A preview's plan, which the commit reuses when the register has not changed since.
    prepared: object | None = field(default=None, repr=False, compare=False)

    @property
    def held(self) -> bool:
        """True when the bundle waits for its office's key to be confirmed (exit 3)."""
        return self.status == "held"


def stored_counts(outcome: Mapping[str, Any]) -> dict[str, int]:
    """The counts kept with a file received, under today's keys."""
    counts = outcome.get("counts", {})
    return {_OLD_KEYS.get(k, k): int(v) for k, v in counts.items()}


def require_folder(path: Path) -> None:
    """Refuse a folder that does not exist."""
    if not path.is_dir():
        raise InvalidInput("folder.missing", path=str(path))


def history_json(changes: Mapping[str, Any]) -> str:
    """The changes of a history entry as stored."""
    return json.dumps(changes, ensure_ascii=False, default=str)


def open_payload(box: Container, ctx: Context, name: str) -> dict[str, Any]:
    """Decrypt a container sealed for this install (for its current key, or a key it had
    before a rotation)."""
    sealed = box.header.get("sealed") or {}
    keys = own_keypair_for(ctx, str(sealed.get("recipient_key", ""))) or install_keypair(ctx)
    try:
        return container.open_payload(box, keys)
    except FormatError as exc:
        raise refusal(exc, name, code=ctx.identity.install_code) from None


def list_of(payload: Mapping[str, Any], key: str, name: str) -> list[Any]:
    """A list of the payload; anything else refuses the file."""
    value = payload.get(key, [])
    if not isinstance(value, list):
        raise Refused("bundle.payload", name=name)
    return value


def by_keys(rows: Sequence[Mapping[str, Any]]) -> list[list[dict[str, Any]]]:
    """Rows grouped by their set of keys (a bulk update writes the same columns)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(tuple(sorted(r)), []).append(dict(r))
    return list(groups.values())
