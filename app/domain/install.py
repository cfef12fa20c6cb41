"""This install's identity: a kecamatan office's station or the kabupaten."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from app.domain.fmt import digits

_STATION = re.compile(r"^[A-J]$|^[L-Z]$")  # K is the kabupaten's


class Role(StrEnum):
    """What kind of office this install is."""

    KECAMATAN = "kecamatan"
    KABUPATEN = "kabupaten"


@dataclass(frozen=True)
class Identity:
    """Role, regency, kecamatan and station, from which the install code follows."""

    role: Role
    regency: str  # 13.03
    kecamatan: str | None  # 13.03.06 for a kecamatan install
    station: str  # A.. for a kecamatan office, K for the kabupaten

    @property
    def install_code(self) -> str:
        """``130306-A`` for a kecamatan station, ``130300-K`` for the kabupaten."""
        if self.role is Role.KABUPATEN:
            return f"{digits(self.regency)}00-K"
        assert self.kecamatan is not None
        return f"{digits(self.kecamatan)}-{self.station}"


def valid_station(station: str) -> bool:
    """A station is one capital letter other than K (which names the kabupaten)."""
    return bool(_STATION.match(station))


def kecamatan_install_code(kecamatan: str, station: str = "A") -> str:
    """``13.03.06`` → ``130306-A``."""
    return f"{digits(kecamatan)}-{station}"
