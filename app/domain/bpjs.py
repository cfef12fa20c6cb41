"""What BPJS sends back, read cell by cell: KPJ numbers and NIKs as text, or why not.

Excel turns identifiers into numbers: a leading 0 disappears and a 16-digit NIK loses its
last digit. Such cells are refused with the reason, never guessed back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from app.domain.nik import normalise as normalise_nik

# The parameters of a cell or outcome without any: one shared, read-only mapping (a BPJS
# answer holds 65,000 cells; a dict each was 15 MB).
NO_PARAMS: Mapping[str, Any] = MappingProxyType({})
NIK_ROUNDED = "import.nik_number"  # the Excel explanation
_SCI = re.compile(r"^\d+(\.\d+)?[eE]\+?\d+$")


class Cell(NamedTuple):
    """A spreadsheet cell read as an identifier: the digits, or why they cannot be used.

    ``problem`` is a message code (``kpj.length``, ``kpj.lost_zero`` …) and ``shown`` the
    value as the user sees it in the file. A named tuple: a BPJS answer makes 130,000 of
    them, and a frozen dataclass takes four times as long to build.
    """

    value: str | None
    problem: str | None
    shown: str
    params: Mapping[str, Any] = NO_PARAMS


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_kpj(value: Any, length: int = 11) -> Cell:
    """A KPJ cell: 11 digits as text, or the reason it is not one.

    Excel turns a typed ``01234567890`` into the number 1234567890 and drops the zero; a
    number shorter than 11 digits is reported as such, never padded back, because which
    digits went missing cannot be known for sure.
    """
    if type(value) is str and len(value) == length and value.isdigit() and value.isascii():
        return Cell(value, None, value)  # the usual cell, read 65,000 times
    shown = _shown(value)
    if value is None or shown == "":
        return Cell(None, "kpj.empty", "")
    if isinstance(value, bool):
        return Cell(None, "kpj.not_digits", shown)
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return Cell(None, "kpj.not_digits", shown)
        text = str(int(value))
        if len(text) < length:
            return Cell(None, "kpj.lost_zero", text, {"count": len(text)})
        if len(text) > length:
            return Cell(None, "kpj.length", text, {"count": len(text)})
        return Cell(text, None, text)
    text = shown.lstrip("'").replace(" ", "")
    if _SCI.match(text):
        return Cell(None, "kpj.scientific", shown)
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
        if len(text) < length:
            return Cell(None, "kpj.lost_zero", text, {"count": len(text)})
    if not text.isdigit():
        return Cell(None, "kpj.not_digits", shown)
    if len(text) != length:
        return Cell(None, "kpj.length", text, {"count": len(text)})
    return Cell(text, None, text)


def read_nik(value: Any, rounded: bool = False) -> Cell:
    """A NIK cell: 16 digits as text, or the reason it cannot be matched.

    A NIK stored as a number by Excel keeps only 15 significant digits: its last digit is
    lost, so such a cell is refused rather than guessed, and so is text that carries the
    marks of that rounding (a sheet saved as CSV): more than 16 digits, a serial of 0000
    (never issued), or a column the caller found ``rounded`` as a whole.
    """
    if type(value) is str and len(value) == 16 and value.isdigit() and value.isascii():
        text = shown = value  # the usual cell, read 65,000 times
    else:
        shown = _shown(value)
        if value is None or shown == "":
            return Cell(None, "bpjs.nik_empty", "")
        if isinstance(value, int | float) and not isinstance(value, bool):
            return Cell(None, NIK_ROUNDED, shown)
        text = normalise_nik(shown)
        if _SCI.match(shown.replace(",", ".").replace(" ", "")):
            return Cell(None, NIK_ROUNDED, shown)
        if not text.isdigit():
            return Cell(None, "nik.not_digits", shown)
        if len(text) > 16:
            return Cell(None, NIK_ROUNDED, shown)
        if len(text) != 16:
            return Cell(None, "nik.length", text, {"count": len(text)})
    if rounded or text.endswith("0000"):
        return Cell(None, NIK_ROUNDED, shown)
    return Cell(text, None, text)
