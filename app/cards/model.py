"""What the drawing code needs, as plain data: services fill these from the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Layout(StrEnum):
    """How cards go onto paper."""

    A4 = "a4"  # 10 cards (2 × 5) a sheet with cut marks, backs on the next page
    CR80 = "cr80"  # one card a page, front then back, for a card printer


@dataclass(frozen=True)
class CardFace:
    """The front of one participant's card, with every value as it is printed."""

    name: str
    reg_no: str
    kpj: str | None
    nik: str  # masked or whole, as the setting says
    nagari: str
    kecamatan: str
    programmes: str  # "JKK, JKM"
    coverage_start: dt.date
    coverage_end: dt.date | None
    payer: str  # who pays the contributions: "APBD Kabupaten Sijunjung"
    serial: str  # "130306-A/000042"
    version: int
    payload: str  # the QR code's text


@dataclass(frozen=True)
class CardTexts:
    """What every card of a job shares: the header and the whole back."""

    regency: str
    programme_title: str
    benefits: str
    accident: str
    death: str
    bpjs_contact: str
    dinas_contact: str


@dataclass(frozen=True)
class Calibration:
    """Printer offsets in mm: positive x moves the print right, positive y moves it down."""

    front_x: float = 0.0
    front_y: float = 0.0
    back_x: float = 0.0
    back_y: float = 0.0


class RenderCancelled(Exception):
    """The caller cancelled a rendering; the output is incomplete and must be discarded."""


@dataclass(frozen=True)
class ReceiptLine:
    """One line of a handover receipt."""

    name: str
    nik: str  # masked
    nagari: str
    reg_no: str
    serial: str
    proxy: str  # empty when the holder took the card in person
    at: dt.datetime


@dataclass(frozen=True)
class ReceiptEvent:
    """The heading and closing of a handover receipt."""

    event_id: int
    date: dt.date
    place: str
    officials: tuple[str, ...]
    regency: str
    programme_title: str
    office: str  # "Kecamatan Kamang Baru (130306-A)"
    closed: bool
    printed_at: dt.datetime
