"""How dates and money are written: dd/mm/yyyy and Rp1.234.567 (whole rupiah)."""

from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def format_rupiah(amount: int) -> str:
    """``1234567`` → ``Rp1.234.567`` (Indonesian thousands separator, no decimals)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}".replace(",", ".")


def format_date(value: dt.date | None) -> str:
    """A date as dd/mm/yyyy; empty for no date."""
    return "" if value is None else value.strftime("%d/%m/%Y")


def parse_date(text: str) -> dt.date:
    """Parse dd/mm/yyyy (also with ``-`` or ``.``) or ISO yyyy-mm-dd.

    Raises:
        ValueError: when the text is not such a date or the date does not exist.
    """
    m = _DATE.match(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
        return dt.date(year, month, day)
    m = _ISO.match(text)
    if m:
        year, month, day = (int(g) for g in m.groups())
        return dt.date(year, month, day)
    raise ValueError(text)


def mask_nik(nik: str) -> str:
    """Show the region prefix and the last two digits only: ``130306••••••••12``.

    UU Adminduk Pasal 95A: screens, reports and logs show a full NIK only where needed.
    """
    if len(nik) < 8:
        return "•" * len(nik)
    return nik[:6] + "•" * (len(nik) - 8) + nik[-2:]


def kemendagri(code6: str) -> str:
    """``130306`` → ``13.03.06``."""
    return ".".join(code6[i : i + 2] for i in range(0, len(code6), 2))


def digits(code: str) -> str:
    """``13.03.06`` → ``130306``."""
    return code.replace(".", "")
