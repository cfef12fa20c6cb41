"""Kemendagri region codes and the names people type for them.

Matching is on whole names only (nagari "Tanjung" is not "Tanjung Gadang"), in any case and
spacing, against the name and the aliases of the reference table.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.domain.participant import norm

LEVELS = ("provinsi", "kabupaten", "kecamatan", "nagari", "desa")
_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_EXPECTED_DEPTH = {"provinsi": 1, "kabupaten": 2, "kecamatan": 3, "nagari": 4, "desa": 4}


@dataclass(frozen=True)
class Region:
    """One row of the region table."""

    code: str
    level: str
    parent: str | None
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The official name first, then the aliases."""
        return (self.name, *self.aliases)


class RegionTableError(ValueError):
    """A region table that cannot be used; ``code`` and ``params`` name the problem."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def parse_region_csv(text: str) -> list[Region]:
    """Read a table shaped like ``wilayah_1303.csv`` (kode, tingkat, induk, nama, alias).

    Raises:
        RegionTableError: a missing column, a malformed code, an unknown level, or a
            parent that is not in the table.
    """
    text = text.lstrip("\ufeff")
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") and "kode;" in sample else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    needed = {"kode", "tingkat", "induk", "nama"}
    if reader.fieldnames is None or not needed <= {f.strip() for f in reader.fieldnames}:
        raise RegionTableError("regions.columns", columns="kode, tingkat, induk, nama, alias")
    regions: list[Region] = []
    for line, raw in enumerate(reader, start=2):
        region = _region_of_row(line, raw)
        if region is not None:
            regions.append(region)
    codes = {r.code for r in regions}
    for r in regions:
        if r.parent is not None and r.parent not in codes:
            raise RegionTableError("regions.parent", code=r.code, parent=r.parent)
    if not any(r.level == "kecamatan" for r in regions):
        raise RegionTableError("regions.empty")
    return regions


def _region_of_row(line: int, raw: dict[str | None, Any]) -> Region | None:
    """One row of the table as a region; None for a blank row.

    Raises:
        RegionTableError: a malformed row.
    """
    # More cells than columns (an unquoted comma in a name): csv puts them in a list
    # under the key None. Blank ones (Excel's trailing commas) are harmless.
    extra = raw.pop(None, None) or []
    if any(cell.strip() for cell in extra):
        raise RegionTableError("regions.row", line=line)
    row = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
    code, level = row["kode"], row["tingkat"].lower()
    if not code and not row["nama"]:
        return None
    if not _CODE.match(code) or level not in LEVELS:
        raise RegionTableError("regions.row", line=line)
    if code.count(".") + 1 != _EXPECTED_DEPTH[level]:
        raise RegionTableError("regions.row", line=line)
    aliases = tuple(a.strip() for a in row.get("alias", "").split(";") if a.strip())
    return Region(code, level, row["induk"] or None, row["nama"], aliases)


class RegionIndex:
    """Look-ups over a region table: children of a code and matching of typed names."""

    def __init__(self, regions: Iterable[Region]) -> None:
        self.by_code: dict[str, Region] = {r.code: r for r in regions}
        self._children: dict[str, list[Region]] = {}
        for r in self.by_code.values():
            if r.parent:
                self._children.setdefault(r.parent, []).append(r)

    def get(self, code: str) -> Region | None:
        """The region with this Kemendagri code (``13.03.06`` or ``130306``)."""
        code = code.strip()
        if "." not in code and code.isdigit():
            code = ".".join([code[0:2], code[2:4], code[4:6], code[6:]][: (len(code) + 1) // 2])
            code = code.rstrip(".")
        return self.by_code.get(code)

    def children(self, code: str) -> list[Region]:
        """Regions directly under ``code``, by code."""
        return sorted(self._children.get(code, []), key=lambda r: r.code)

    def kecamatan(self, regency: str) -> list[Region]:
        """The kecamatan of a regency."""
        return [r for r in self.children(regency) if r.level == "kecamatan"]

    def villages(self, kecamatan: str) -> list[Region]:
        """The nagari and desa of a kecamatan."""
        return [r for r in self.children(kecamatan) if r.level in ("nagari", "desa")]

    def match(self, text: str, within: Iterable[Region]) -> Region | None:
        """The region among ``within`` whose code, name or an alias is ``text`` (whole name)."""
        key = norm(text)
        if not key:
            return None
        candidates = list(within)
        for r in candidates:
            if text.strip() == r.code or key == norm(r.code):
                return r
        for r in candidates:
            if any(norm(n) == key for n in r.names):
                return r
        # "Nagari Aie Amo", "Kec. Kamang Baru": drop the usual prefixes and retry.
        stripped = re.sub(r"^(nagari|desa|kenagarian|kec|kecamatan)\s+", "", key)
        if stripped != key:
            return self.match(stripped, candidates)
        return None

    def search(self, text: str, within: Iterable[Region]) -> list[Region]:
        """Regions among ``within`` with a name or alias that contains ``text`` (for pickers)."""
        key = norm(text)
        return [r for r in within if any(key in norm(n) for n in r.names)]
