"""The NIK (Nomor Induk Kependudukan) and what it says about its holder.

16 digits: province (2), regency (2), kecamatan (2) of first registration, birth date
DDMMYY with day + 40 for women, serial (4, from 0001). There is no check digit and the
century is ambiguous. A NIK from another region is normal (people move; the prefix never
changes), so it is a warning; a province that does not exist is an error.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from app.domain.participant import Sex

PROVINCES: frozenset[str] = frozenset(
    f"{n:02d}"
    for n in [
        *range(11, 20),
        21,
        *range(31, 37),
        *range(51, 54),
        *range(61, 66),
        *range(71, 77),
        81,
        82,
        *range(91, 97),
    ]
)


@dataclass(frozen=True)
class Issue:
    """A finding about a NIK: a message code and its parameters."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    overridable: bool = False


@dataclass(frozen=True)
class NikReport:
    """Everything a NIK says, and what is wrong with it.

    ``errors`` empty means the NIK is structurally valid; ``mismatches`` are disagreements
    with the sex or birth date given (errors a supervisor may override); ``warnings`` are
    worth showing but never block.
    """

    nik: str
    province: str = ""
    regency: str = ""
    kecamatan: str = ""
    birth_date: dt.date | None = None
    sex: Sex | None = None
    serial: str = ""
    errors: tuple[Issue, ...] = ()
    mismatches: tuple[Issue, ...] = ()
    warnings: tuple[Issue, ...] = ()

    @property
    def valid(self) -> bool:
        """True when the NIK itself is well formed (mismatches aside)."""
        return not self.errors

    @property
    def kecamatan_code(self) -> str:
        """The Kemendagri code of the kecamatan of first registration, ``13.03.06``."""
        return f"{self.province}.{self.regency}.{self.kecamatan}"


# Separators people type in a number (dot, dashes) and invisible characters that copying
# from a document, a chat or a PDF puts inside it: zero-width space and joiners, the BOM,
# soft hyphen, word joiner.
_DROPPED = frozenset(".-\u2010\u2011\u2013\u200b\u200c\u200d\u2060\ufeff\u00ad")


def normalise(text: str) -> str:
    """The NIK as digits: every way in (typed, pasted, imported) goes through here.

    Full-width digits become ASCII (NFKC); every kind of space (no-break, thin, narrow,
    tab), dots, dashes, invisible characters and a leading apostrophe that people and Excel
    add are dropped.
    """
    if text.isdigit() and text.isascii():
        return text  # the usual case, read 65,000 times from a BPJS answer
    text = unicodedata.normalize("NFKC", text).strip().lstrip("'")
    return "".join(ch for ch in text if not ch.isspace() and ch not in _DROPPED)


def _candidates(day: int, month: int, yy: int) -> list[dt.date]:
    out = []
    for century in (2000, 1900):
        try:
            out.append(dt.date(century + yy, month, day))
        except ValueError:
            continue
    return out


def check_nik(
    raw: str,
    *,
    birth_date: dt.date | None = None,
    sex: Sex | None = None,
    regency: str | None = None,
    today: dt.date | None = None,
) -> NikReport:
    """Check a NIK and, when given, its agreement with the birth date and sex typed.

    Args:
        raw: the NIK as typed or imported.
        birth_date: the birth date given for the person, to resolve the century and
            to compare.
        sex: the sex given for the person, to compare with the day + 40 rule.
        regency: the install's regency code (``13.03``); a NIK from elsewhere is a warning.
        today: for tests; the century of a two-digit year is the most recent past one.
    """
    today = today or dt.date.today()
    nik = normalise(raw)
    if not nik.isdigit() or not nik.isascii():
        return NikReport(nik=nik, errors=(Issue("nik.not_digits"),))
    if len(nik) != 16:
        return NikReport(nik=nik, errors=(Issue("nik.length", {"count": len(nik)}),))
    province, reg, kec = nik[0:2], nik[2:4], nik[4:6]
    dd, mm, yy, serial = int(nik[6:8]), int(nik[8:10]), int(nik[10:12]), nik[12:16]
    nik_sex = Sex.P if dd > 40 else Sex.L
    day = dd - 40 if dd > 40 else dd
    errors = _region_errors(province, reg, kec)
    candidates = _candidates(day, mm, yy) if 1 <= day <= 31 and 1 <= mm <= 12 else []
    if not candidates:
        errors.append(Issue("nik.date", {"text": nik[6:12]}))
    if serial == "0000":
        errors.append(Issue("nik.serial_zero"))
    if errors:
        return NikReport(nik=nik, errors=tuple(errors))
    resolved = _resolve_century(candidates, birth_date, yy, today)
    mismatches = []
    if sex is not None and sex != nik_sex:
        mismatches.append(
            Issue("nik.sex_mismatch", {"nik_sex": nik_sex.value, "given": sex.value}, True)
        )
    if birth_date is not None and (birth_date.day, birth_date.month, birth_date.year % 100) != (
        day,
        mm,
        yy,
    ):
        given = {"nik_date": f"{resolved:%d/%m/%Y}", "given": f"{birth_date:%d/%m/%Y}"}
        mismatches.append(Issue("nik.birth_mismatch", given, True))
    warnings = []
    if regency is not None and f"{province}.{reg}" != regency:
        warnings.append(Issue("nik.elsewhere", {"code": f"{province}.{reg}.{kec}"}))
    if resolved > today:
        warnings.append(Issue("nik.future"))
    return NikReport(
        nik=nik,
        province=province,
        regency=reg,
        kecamatan=kec,
        birth_date=resolved,
        sex=nik_sex,
        serial=serial,
        mismatches=tuple(mismatches),
        warnings=tuple(warnings),
    )


def _region_errors(province: str, regency: str, kecamatan: str) -> list[Issue]:
    """A province that does not exist, a zero regency or kecamatan."""
    errors: list[Issue] = []
    if province not in PROVINCES:
        errors.append(Issue("nik.province", {"code": province}))
    if regency == "00":
        errors.append(Issue("nik.regency_zero"))
    if kecamatan == "00":
        errors.append(Issue("nik.kecamatan_zero"))
    return errors


def _resolve_century(
    candidates: list[dt.date], birth_date: dt.date | None, yy: int, today: dt.date
) -> dt.date:
    """The birth date a NIK means: the century of the birth date given, else the most
    recent past one (a NIK's year has two digits)."""
    if birth_date is not None and birth_date.year % 100 == yy:
        for c in candidates:
            if c.year == birth_date.year:
                return c
    past = [c for c in candidates if c <= today]
    return past[0] if past else candidates[-1]


def make_nik(kecamatan6: str, birth_date: dt.date, sex: Sex, serial: int) -> str:
    """Build a NIK consistent with a birth date and sex (demo data and tests)."""
    day = birth_date.day + (40 if sex is Sex.P else 0)
    return f"{kecamatan6}{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"
