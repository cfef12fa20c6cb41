"""A participant of the programme: codes, their Indonesian labels, and the rules of its life."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum


class Sex(StrEnum):
    """L (laki-laki) or P (perempuan), as on the KTP."""

    L = "L"
    P = "P"


class Status(StrEnum):
    """A participant's life (docs/domain.md): draft → approved → accepted → active → inactive."""

    DRAFT = "draft"
    APPROVED = "approved"
    ACCEPTED = "accepted"
    ACTIVE = "active"
    INACTIVE = "inactive"


# Who costs money in a budget: everyone past approval. Inactive people are counted too,
# until the month they left (their own query: ``repo.inactive_cohorts``).
COUNTED: tuple[str, ...] = (Status.APPROVED.value, Status.ACCEPTED.value, Status.ACTIVE.value)


class InactiveReason(StrEnum):
    """Why a participant left the programme; nothing is ever erased."""

    MOVED = "moved"
    DIED = "died"
    ENDED = "ended"
    DUPLICATE = "duplicate"


class Programme(StrEnum):
    """BPJS Ketenagakerjaan programmes for BPU participants."""

    JKK = "JKK"
    JKM = "JKM"
    JHT = "JHT"


# Code → Indonesian label. Labels are accepted as input too (spreadsheets use them).
OCCUPATIONS: dict[str, str] = {
    "petani": "Petani",
    "pekebun": "Pekebun",
    "pedagang-kaki-lima": "Pedagang Kaki Lima",
    "guru-tpq": "Guru TPQ",
    "imam": "Imam Masjid",
    "khatib": "Khatib",
    "garin": "Garin Masjid",
    "ojek": "Tukang Ojek",
    "nelayan": "Nelayan",
    "ninik-mamak": "Ninik Mamak",
    "lainnya": "Lainnya",
}

# Other spellings seen on nagari spreadsheets, normalised (see ``norm``).
_OCCUPATION_ALIASES: dict[str, str] = {
    "pkl": "pedagang-kaki-lima",
    "pedagang": "pedagang-kaki-lima",
    "guru mengaji": "guru-tpq",
    "guru tpa": "guru-tpq",
    "guru tpq": "guru-tpq",
    "imam": "imam",
    "imam masjid": "imam",
    "gharim": "garin",
    "garin": "garin",
    "gharim masjid": "garin",
    "ojek": "ojek",
    "ojeg": "ojek",
    "tukang ojek": "ojek",
    "ninik mamak": "ninik-mamak",
    "niniak mamak": "ninik-mamak",
    "tani": "petani",
    "lain lain": "lainnya",
    "lain-lain": "lainnya",
}

FUNDING: dict[str, str] = {
    "apbd": "APBD Kabupaten",
    "apb-nagari": "APB Nagari",
    "apbn": "APBN",
    "mandiri": "Mandiri",
}

DEFAULT_INCOME = 1_000_000
# The birth date an erased record keeps (the column cannot be empty; nothing reads it).
ERASED_DATE = dt.date(1900, 1, 1)
DEFAULT_PROGRAMMES: tuple[Programme, ...] = (Programme.JKK, Programme.JKM)

_REG_NO = re.compile(r"^(\d{6})-([A-Z])-(\d{6})$")
_KPJ = re.compile(r"^\d{11}$")
_PHONE = re.compile(r"^(\+62|0)\d{8,13}$")


def norm(text: str) -> str:
    """Case-, accent- and spacing-insensitive form used to match names and labels."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    cleaned = re.sub(r"[^0-9a-z]+", " ", plain.casefold())
    return " ".join(cleaned.split())


def occupation_code(text: str) -> str | None:
    """A code or label in any case and spelling → the occupation code, or None."""
    key = norm(text)
    for code, label in OCCUPATIONS.items():
        if key in (norm(code), norm(label)):
            return code
    return _OCCUPATION_ALIASES.get(key) or _OCCUPATION_ALIASES.get(key.replace(" ", "-"))


def funding_code(text: str) -> str | None:
    """A funding code or label → the code, or None."""
    key = norm(text)
    for code, label in FUNDING.items():
        if key in (norm(code), norm(label), norm(label.split()[0])):
            return code
    return None


def parse_sex(text: str) -> Sex | None:
    """``L``, ``P``, ``Laki-laki``, ``Perempuan``, ``Pria``, ``Wanita`` in any case."""
    key = norm(text)
    if key in ("l", "lk", "laki laki", "laki", "pria", "male", "m"):
        return Sex.L
    if key in ("p", "pr", "perempuan", "wanita", "female", "f", "w"):
        return Sex.P
    return None


def parse_programmes(text: str) -> tuple[Programme, ...] | None:
    """``JKK,JKM`` (any case, any separator) → programmes, or None when one is unknown."""
    parts = [p for p in re.split(r"[\s,;+/]+", text.strip().upper()) if p]
    try:
        progs = tuple(Programme(p) for p in parts)
    except ValueError:
        return None
    return tuple(sorted(set(progs), key=list(Programme).index)) or None


def clean_name(text: str) -> str:
    """Collapse stray spaces inside and around a name; keep its letters and case."""
    return " ".join(text.replace("\u00a0", " ").strip().lstrip("'").split())


def clean_phone(text: str) -> str:
    """Digits of a phone number, with the leading 0 that Excel drops put back."""
    raw = text.strip().lstrip("'")
    if raw.endswith(".0"):
        raw = raw[:-2]
    plus = raw.startswith("+")
    digits = "".join(ch for ch in raw if ch.isdigit())
    if not digits:
        return ""
    if plus:
        return "+" + digits
    if digits.startswith("62") and len(digits) >= 10:
        return "+" + digits
    if digits.startswith("8"):
        return "0" + digits
    return digits


def valid_phone(phone: str) -> bool:
    """Indonesian numbers start with 0 or +62."""
    return bool(_PHONE.match(phone))


def valid_kpj(kpj: str) -> bool:
    """A KPJ number is 11 digits (text: it may start with 0)."""
    return bool(_KPJ.match(kpj))


def registration_number(install_code: str, sequence: int) -> str:
    """``130306-A`` and 123 → ``130306-A-000123``."""
    return f"{install_code}-{sequence:06d}"


def valid_registration_number(text: str) -> bool:
    """True for ``130306-A-000123``."""
    return bool(_REG_NO.match(text.strip().upper()))


def age_on(birth: dt.date, day: dt.date) -> int:
    """Completed years of age on a day."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@dataclass
class ParticipantData:
    """What a form, a spreadsheet row or the command line gives for one participant.

    A field the person left empty is None (or ""): the service reports it as required, and
    fills the ones that have a default (income, coverage start) before it saves.
    """

    nik: str
    name: str
    birth_place: str
    birth_date: dt.date | None
    sex: Sex | None
    nagari_code: str | None
    occupation: str | None
    address: str = ""
    jorong: str = ""
    phone: str = ""
    income: int | None = None
    funding: str = "apbd"
    programmes: tuple[Programme, ...] = DEFAULT_PROGRAMMES
    coverage_start: dt.date | None = None
    coverage_end: dt.date | None = None
    override_reason: str = ""
    extra: dict[str, str] = field(default_factory=dict)
