"""Plain records handed out by repositories: the UI and services never hold ORM objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ParticipantRecord:
    """Every stored field of a participant."""

    id: int
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
    erased_at: dt.datetime | None = None


@dataclass(frozen=True)
class ListRow:
    """What one line of the participant list shows."""

    id: int
    reg_no: str
    nik: str
    name: str
    sex: str
    birth_date: dt.date
    nagari: str
    occupation: str
    status: str
    kpj: str | None
    funding: str


@dataclass(frozen=True)
class HistoryRecord:
    """One entry of the change history."""

    at: dt.datetime
    actor: str
    install_code: str
    action: str
    changes: str
    reason: str
