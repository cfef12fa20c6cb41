"""Synthetic participants with realistic Minangkabau names, for demos and benchmarks."""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid as uuidlib

from sqlalchemy.orm import Session

from app.domain.fmt import digits
from app.domain.install import Role as InstallRole
from app.domain.install import kecamatan_install_code
from app.domain.nik import make_nik
from app.domain.participant import (
    DEFAULT_INCOME,
    Sex,
    Status,
    norm,
    registration_number,
)
from app.domain.regions import Region
from app.domain.rows import HistoryEntry, ParticipantRow
from app.errors import InvalidInput
from app.services import sequences
from app.services.actor import Actor, Role
from app.services.context import Context
from app.services.setup import SEED_2022
from app.store import repo

MALE = [
    "Afrizal",
    "Syafrizal",
    "Zulkifli",
    "Yusrizal",
    "Hendri",
    "Rahmad",
    "Syamsul",
    "Irwan",
    "Darmawan",
    "Jasman",
    "Asrul",
    "Nasrul",
    "Efendi",
    "Masril",
    "Amril",
    "Zulfahmi",
    "Novrizal",
    "Ridwan",
    "Syahrial",
    "Erman",
    "Yulizar",
    "Armen",
    "Fadli",
    "Mukhlis",
    "Ma'ruf",
    "Bustami",
    "Zainal",
    "Khairul",
    "Alfian",
    "Dasrul",
    "Jon",
    "Busra",
]
FEMALE = [
    "Yusnimar",
    "Nurhayati",
    "Rosmaniar",
    "Ernawati",
    "Yuliarni",
    "Desmawati",
    "Fitriani",
    "Nur'aini",
    "Yusnita",
    "Elvi",
    "Rosnida",
    "Asmidar",
    "Syafrida",
    "Murni",
    "Hasnah",
    "Yenni",
    "Darnis",
    "Erlina",
    "Suryani",
    "Nelmawati",
    "Rahmawati",
    "Zuraida",
    "Wirda",
    "Misrawati",
    "Yulidar",
    "Roslaini",
    "Febrianti",
    "Lismawati",
]
SECOND = [
    "Saputra",
    "Hidayat",
    "Bahri",
    "Putra",
    "Efendi",
    "Hasan",
    "Nasution",
    "Syukri",
    "Malin Sati",
    "Sutan Bagindo",
    "Rajo Mudo",
    "Amir",
    "Yunus",
    "Ilyas",
    "Saleh",
    "Ismail",
]
FEMALE_SECOND = ["Wati", "Sari", "Yanti", "Ningsih", "Hayati", "Dewi", "Fitri", "Murni"]
PLACES = ["Sijunjung", "Muaro", "Padang", "Solok", "Sawahlunto", "Bukittinggi", "Kiliran Jao"]
JORONG = ["Koto", "Pasar", "Balai", "Tanjung", "Padang", "Kampung Baru", "Sungai", "Lubuk"]
OCCUPATION_WEIGHTS = {
    "petani": 40,
    "pekebun": 15,
    "pedagang-kaki-lima": 12,
    "guru-tpq": 8,
    "imam": 4,
    "khatib": 2,
    "garin": 4,
    "ojek": 8,
    "nelayan": 2,
    "lainnya": 5,
}
COVERAGE_2022 = dt.date(2022, 4, 1)


def split(total: int, weights: dict[str, int]) -> dict[str, int]:
    """Divide ``total`` in proportion to ``weights`` (largest remainder, exact for 1,333)."""
    whole = sum(weights.values())
    raw = {k: total * w / whole for k, w in weights.items()}
    out = {k: int(v) for k, v in raw.items()}
    rest = total - sum(out.values())
    for k in sorted(raw, key=lambda k: raw[k] - out[k], reverse=True)[:rest]:
        out[k] += 1
    return out


def _name(rng: random.Random, sex: Sex) -> str:
    if sex is Sex.L:
        first = rng.choice(MALE)
        return first if rng.random() < 0.25 else f"{first} {rng.choice(SECOND)}"
    first = rng.choice(FEMALE)
    return first if rng.random() < 0.5 else f"{first} {rng.choice(FEMALE_SECOND)}"


def _per_kecamatan(ctx: Context, count: int) -> dict[str, int]:
    """How many of ``count`` each kecamatan gets: the 2022 proportions at the kabupaten."""
    ident = ctx.identity
    if ident.role is not InstallRole.KABUPATEN:
        assert ident.kecamatan is not None
        return {ident.kecamatan: count}
    weights = {
        k.code: next((q for n, q in SEED_2022.items() if norm(n) == norm(k.name)), 100)
        for k in ctx.regions.kecamatan(ident.regency)
    }
    return split(count, weights)


def _numbering(s: Session, ctx: Context, kec_code: str, n: int) -> tuple[str, int]:
    """The install code and first sequence number of ``n`` demo records of a kecamatan.

    At the kabupaten, as if that kecamatan's station A had registered them; at an office,
    from the office's own sequence.
    """
    if ctx.identity.role is InstallRole.KABUPATEN:
        install_code = kecamatan_install_code(kec_code, "A")
        used = [
            int(r.split("-")[-1])
            for r in repo.registration_numbers_with_prefix(s, install_code + "-")
        ]
        return install_code, max(used, default=0) + 1
    return ctx.identity.install_code, sequences.reserve_registrations(s, ctx.data_dir, n)


def generate(
    ctx: Context,
    actor: Actor,
    count: int,
    seed: int | None = None,
    now: dt.datetime | None = None,
) -> dict[str, int]:
    """Add ``count`` synthetic participants; returns how many per kecamatan code.

    At a kecamatan install they spread over its nagari; at the kabupaten over all kecamatan
    in the 2022 proportions (exactly the 2022 split for 1,333), as if each kecamatan's
    station A had registered them and their bundles had been imported (status accepted).

    Raises:
        InvalidInput: a count below 1.
    """
    actor.require(Role.ADMIN)
    if count < 1:
        raise InvalidInput("demo.count")
    rng = random.Random(seed)
    now = now or dt.datetime.now()
    ident = ctx.identity
    kabupaten = ident.role is InstallRole.KABUPATEN
    per_kec = _per_kecamatan(ctx, count)
    status = Status.ACCEPTED if kabupaten else Status.APPROVED
    all_kecs = ctx.regions.kecamatan(ident.regency)
    rows: list[ParticipantRow] = []
    history: list[HistoryEntry] = []
    with ctx.db.session() as s:
        taken: set[str] = set()
        for kec_code, n in per_kec.items():
            if n == 0:
                continue
            villages: list[Region] = ctx.regions.villages(kec_code)
            install_code, first = _numbering(s, ctx, kec_code, n)
            for i in range(n):
                sex = Sex.L if rng.random() < 0.62 else Sex.P
                birth = COVERAGE_2022 - dt.timedelta(days=rng.randint(19 * 365 + 5, 64 * 365))
                nik_prefix = digits(kec_code if rng.random() < 0.9 else rng.choice(all_kecs).code)
                while True:
                    nik = make_nik(nik_prefix, birth, sex, rng.randint(1, 9999))
                    if nik not in taken:
                        break
                taken.add(nik)
                village = rng.choice(villages)
                occupation = rng.choices(
                    list(OCCUPATION_WEIGHTS), weights=list(OCCUPATION_WEIGHTS.values())
                )[0]
                uid = str(uuidlib.UUID(int=rng.getrandbits(128), version=4))
                reg_no = registration_number(install_code, first + i)
                phone = f"08{rng.randint(11, 13)}{rng.randint(10_000_000, 99_999_999)}"
                rows.append(
                    {
                        "uuid": uid,
                        "reg_no": reg_no,
                        "nik": nik,
                        "name": _name(rng, sex),
                        "birth_place": rng.choice(PLACES),
                        "birth_date": birth,
                        "sex": sex.value,
                        "address": f"Jorong {rng.choice(JORONG)}",
                        "jorong": rng.choice(JORONG),
                        "nagari_code": village.code,
                        "kecamatan_code": kec_code,
                        "occupation": occupation,
                        "phone": phone if rng.random() < 0.7 else "",
                        "income": DEFAULT_INCOME,
                        "funding": "apbd",
                        "programmes": "JKK,JKM",
                        "coverage_start": COVERAGE_2022,
                        "coverage_end": None,
                        "status": status.value,
                        "status_reason": "",
                        "status_date": None,
                        "duplicate_of": None,
                        "kpj": None,
                        "override_reason": "",
                        "revision": 1,
                        "ack_revision": 1 if kabupaten else 0,
                        "created_at": now,
                        "created_by": actor.username,
                        "created_install": install_code,
                        "updated_at": now,
                        "updated_by": actor.username,
                        "updated_install": install_code,
                        "erased_at": None,
                    }
                )
                history.append(
                    {
                        "at": now,
                        "actor": actor.username,
                        "install_code": ident.install_code,
                        "entity": "participant",
                        "entity_id": uid,
                        "action": "create",
                        "changes": json.dumps({"reg_no": [None, reg_no], "source": "demo"}),
                        "reason": "",
                    }
                )
        existing = repo.existing_niks(s, taken)
        if existing:
            rows = [r for r in rows if r["nik"] not in existing]
            keep = {r["uuid"] for r in rows}
            history = [h for h in history if h["entity_id"] in keep]
        repo.bulk_register(s, rows, history)
    out: dict[str, int] = {}
    for r in rows:
        out[r["kecamatan_code"]] = out.get(r["kecamatan_code"], 0) + 1
    return out
