"""Setting up an install: identity, region table, the seed year 2022 and the rate table."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from app.domain.install import Identity, Role, valid_station
from app.domain.participant import norm
from app.domain.rates import default_rates
from app.domain.regions import Region, RegionIndex, RegionTableError, parse_region_csv
from app.errors import InvalidInput, NotFound, OsReason, Refused
from app.paths import resource
from app.services import keys
from app.services.actor import Actor
from app.services.actor import Role as AccountRole
from app.services.context import Context
from app.store import repo
from app.store.concurrency import SETUP_UNFINISHED, hold_setup_lock

DEFAULT_REGENCY = "13.03"

# The 2022 split (docs/domain.md), by kecamatan name (1,333 participants).
SEED_2022: dict[str, int] = {
    "Kamang Baru": 233,
    "Sijunjung": 222,
    "Sumpur Kudus": 224,
    "Tanjung Gadang": 175,
    "Koto VII": 175,
    "Lubuk Tarok": 97,
    "IV Nagari": 100,
    "Kupitan": 107,
}


def read_region_file(path: Path) -> list[Region]:
    """Read a region table from a CSV file (UTF-8, with or without BOM, or Windows-1252).

    Raises:
        NotFound: the file does not exist.
        InvalidInput: it is not a region table.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise NotFound("file.missing", path=str(path)) from exc
    except OSError as exc:
        raise InvalidInput("file.unreadable", path=str(path), reason=OsReason(exc)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    try:
        return parse_region_csv(text)
    except RegionTableError as exc:
        raise InvalidInput(exc.code, **exc.params) from exc


def bundled_regions() -> list[Region]:
    """Sijunjung's table shipped with the app."""
    return read_region_file(resource("reference", "wilayah_1303.csv"))


def setup_install(
    ctx: Context,
    actor: Actor,
    *,
    role: Role,
    regency: str = DEFAULT_REGENCY,
    kecamatan: str | None = None,
    station: str = "A",
    regions: list[Region] | None = None,
    now: dt.datetime | None = None,
) -> Identity:
    """Initialise a data dir as a kecamatan station or the kabupaten.

    Raises:
        Refused: already set up.
        InvalidInput: unknown regency or kecamatan, bad station letter.
    """
    actor.require(AccountRole.ADMIN)
    if ctx.is_set_up:
        raise Refused("setup.already", code=ctx.identity.install_code)
    regions = regions if regions is not None else bundled_regions()
    index = RegionIndex(regions)
    reg = index.get(regency)
    if reg is None or reg.level != "kabupaten":
        raise InvalidInput("setup.unknown_regency", code=regency)
    if role is Role.KECAMATAN:
        if not kecamatan:
            raise InvalidInput("setup.kecamatan_needed")
        kec = index.get(kecamatan)
        if kec is None or kec.level != "kecamatan" or kec.parent != reg.code:
            raise InvalidInput("setup.unknown_kecamatan", code=kecamatan, regency=reg.code)
        station = station.strip().upper()
        if not valid_station(station):
            raise InvalidInput("setup.station", station=station)
        ident = Identity(role, reg.code, kec.code, station)
    else:
        ident = Identity(role, reg.code, None, "K")
    now = now or dt.datetime.now()
    with ctx.db.session() as s:
        repo.save_identity(s, ident, now)
        # A random id of this install: bundles and receipts carry it, so that two PCs set
        # up from one enrolment file are told apart (see docs/sync.md).
        repo.put_setting(s, "install_id", os.urandom(16).hex())
        if ctx.db.on_server:
            # Until the first administrator's account: a setup that fails before it (and
            # cannot reach the server to clean up) leaves a register a retry may replace.
            repo.put_setting(s, SETUP_UNFINISHED, now.isoformat())
            hold_setup_lock(s)
        repo.replace_regions(s, regions)
        quotas: dict[tuple[str, str], int] = {}
        for kec in index.kecamatan(reg.code):
            for name, quota in SEED_2022.items():
                if any(norm(n) == norm(name) for n in kec.names):
                    quotas[(kec.code, "apbd")] = quota
        repo.add_year(s, 2022, quotas)
        for rule in default_rates():
            repo.add_rate(s, rule, note="PP 44/2015 jo. PP 82/2019, PP 49/2023")
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ident.install_code,
            entity="install",
            entity_id=ident.install_code,
            action="setup",
            changes={"role": role.value, "regency": reg.code, "kecamatan": ident.kecamatan},
        )
    ctx.forget_cached()
    keys.ensure_install_key(ctx, now)  # the Ed25519 key that signs cards (docs/cards.md)
    return ident


def import_regions(ctx: Context, actor: Actor, regions: list[Region]) -> int:
    """Add or update regions of the install's table (another regency's codes, new names).

    Raises:
        InvalidInput: the table does not hold the install's regency.
    """
    actor.require(AccountRole.ADMIN)
    ident = ctx.identity
    if not any(r.code == ident.regency for r in regions):
        raise InvalidInput("regions.no_regency", code=ident.regency)
    with ctx.db.session() as s:
        known = {r.code for r in repo.all_regions(s)}
        merged = [*regions]
        count = repo.replace_regions(s, merged)
        repo.add_history(
            s,
            at=dt.datetime.now(),
            actor=actor.username,
            install_code=ident.install_code,
            entity="install",
            entity_id=ident.install_code,
            action="regions_import",
            changes={"rows": count, "new": len({r.code for r in regions} - known)},
        )
    ctx.forget_cached()
    return count
