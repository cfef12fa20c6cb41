"""Typed shapes of the rows that the store reads and writes and sync carries.

The store hands participants and history entries out as plain dicts (bulk reads of tens of
thousands of rows, no ORM objects); these TypedDicts say which keys such a dict has and what
their values are, so that the sync area's code is checked against them.
"""

from __future__ import annotations

import datetime as dt
from typing import NotRequired, TypedDict


class ParticipantRow(TypedDict):
    """A participant's fields as Python values: as a record travels in a bundle or a
    receipt (:func:`app.sync.records.decode_record`) and as the register holds it."""

    uuid: str
    reg_no: str
    revision: int
    ack_revision: int
    created_at: dt.datetime
    created_by: str
    created_install: str
    updated_at: dt.datetime
    updated_by: str
    updated_install: str
    nik: str
    name: str
    birth_place: str
    birth_date: dt.date
    sex: str
    address: str
    jorong: str
    nagari_code: str
    kecamatan_code: str
    occupation: str
    phone: str
    income: int
    funding: str
    programmes: str
    coverage_start: dt.date
    coverage_end: dt.date | None
    override_reason: str
    status: str
    status_reason: str
    status_date: dt.date | None
    kpj: str | None
    duplicate_of: str | None
    erased_at: dt.datetime | None


class HistoryEntry(TypedDict):
    """A history entry about a participant, as it travels and as sync writes it."""

    at: dt.datetime
    actor: str
    install_code: str
    entity: str
    entity_id: str
    action: str
    changes: str
    reason: str
    # The digest of the participant's state the entry vouches for (chain rule 2), as its
    # own install recorded it; absent for an entry still to be written here (the store
    # stamps it), "" when it vouches for none.
    state: NotRequired[str]


class StoredParticipant(ParticipantRow):
    """A participant as the register holds it: its fields and its local row id."""

    id: int


CardKey = tuple[str, int, int, str, str]  # install, serial, version, kind, printed at (ISO)


class CardRow(TypedDict):
    """A printed card, as it travels in a bundle and as the store reads it (without its
    local id)."""

    participant_uuid: str
    reg_no: str
    serial: int
    version: int
    kind: str
    reason: str
    kpj: str | None
    printed_at: dt.datetime
    printed_by: str
    install_code: str
    void: bool
    voided_at: dt.datetime | None


class HandoverEventRow(TypedDict):
    """A handover event (without its local id)."""

    date: dt.date
    place: str
    officials: str
    install_code: str
    opened_by: str
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    closed_by: str | None


class HandoverItemRow(TypedDict):
    """A card handed over at an event."""

    proxy_name: str
    at: dt.datetime
    by: str
    via: str


class SentHandoverItem(HandoverItemRow):
    """An item as an office reads it to send: with its card."""

    card: CardRow


class ReceivedHandoverItem(HandoverItemRow):
    """An item as a bundle brings it: its card named by key (ids are local)."""

    card: CardKey


class ParticipantChanges(TypedDict, total=False):
    """Columns of a participant being written: any subset (an update)."""

    uuid: str
    reg_no: str
    nik: str
    name: str
    birth_place: str
    birth_date: dt.date
    sex: str
    address: str
    jorong: str
    nagari_code: str
    kecamatan_code: str
    occupation: str
    phone: str
    income: int
    funding: str
    programmes: str
    coverage_start: dt.date
    coverage_end: dt.date | None
    status: str
    status_reason: str
    status_date: dt.date | None
    duplicate_of: str | None
    kpj: str | None
    override_reason: str
    revision: int
    ack_revision: int
    created_at: dt.datetime
    created_by: str
    created_install: str
    updated_at: dt.datetime
    updated_by: str
    updated_install: str


class KpjAssignment(TypedDict):
    """A KPJ number BPJS gave a participant: it becomes active at a new revision."""

    pid: int
    new_kpj: str
    new_revision: int
    at: dt.datetime
    by: str
    install: str
