"""What a NIK says, in words: needs no data dir (the bundled region table names places)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.nik import NikReport, check_nik
from app.domain.regions import RegionIndex
from app.services.setup import bundled_regions


@dataclass(frozen=True)
class NikDescription:
    """A NIK report with the names of its regions when the table knows them."""

    report: NikReport
    province_name: str
    regency_name: str
    kecamatan_name: str


def describe(nik: str, regency: str | None = "13.03") -> NikDescription:
    """Check a NIK on its own and name its regions."""
    report = check_nik(nik, regency=regency)
    index = RegionIndex(bundled_regions())
    names = ["", "", ""]
    if report.valid:
        codes = [
            report.province,
            f"{report.province}.{report.regency}",
            report.kecamatan_code,
        ]
        for i, code in enumerate(codes):
            region = index.get(code)
            names[i] = region.name if region else ""
    return NikDescription(report, *names)
