"""Three data dirs that sync by "USB stick" (a folder): the kabupaten and two kecamatan.

Used by the sync tests: ``World.make(make_ctx, tmp_path)`` enrols two stations (Kamang
Baru 13.03.06 station A and Sijunjung 13.03.04 station A) with enrolment files written by
the kabupaten, like the real journey.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.domain.nik import make_nik
from app.domain.participant import ParticipantData, Sex
from app.services import participants, trust
from app.services.context import Context
from app.services.sync import bundle_import, export, offices, receipts, results
from app.store import tables as t
from app.sync import container
from app.sync.crypto import KeyPair
from tests.actors import ADMIN

KEC_A, NAGARI_A = "13.03.06", "13.03.06.2004"  # Kamang Baru, Aie Amo
KEC_B, NAGARI_B = "13.03.04", "13.03.04.2001"  # Sijunjung, Muaro


def person(
    serial: int,
    *,
    kecamatan: str = KEC_A,
    nagari: str | None = None,
    nik: str | None = None,
    name: str = "Yusnimar Wati",
    **fields: Any,
) -> ParticipantData:
    """A valid registration for an office of ``kecamatan``."""
    birth = fields.pop("birth_date", dt.date(1980, 8, 7))
    sex = fields.pop("sex", Sex.P)
    return ParticipantData(
        nik=nik or make_nik(kecamatan.replace(".", ""), birth, sex, serial),
        name=name,
        birth_place="Sijunjung",
        birth_date=birth,
        sex=sex,
        nagari_code=nagari or (NAGARI_A if kecamatan == KEC_A else NAGARI_B),
        occupation="petani",
        coverage_start=dt.date(2022, 4, 1),
        **fields,
    )


@dataclass
class World:
    """The kabupaten, office A (130306-A), office B (130304-A) and a stick."""

    kab: Context
    a: Context
    b: Context
    usb: Path

    @classmethod
    def make(cls, make_ctx: Any, tmp_path: Path, confirm: bool = False) -> World:
        usb = tmp_path / "usb"
        usb.mkdir()
        kab = make_ctx("kabupaten")
        stations = []
        for kec, name in ((KEC_A, "kec-a"), (KEC_B, "kec-b")):
            written = trust.write_enrolment(kab, ADMIN, kec, "A", usb)
            ctx = make_ctx("kecamatan", name=name, setup=False)
            trust.setup_from_enrolment(ctx, ADMIN, written.path)
            stations.append(ctx)
        world = cls(kab, stations[0], stations[1], usb)
        if confirm:
            for office in (world.a, world.b):
                path = world.export(office)
                world.kab_import(path)
                world.confirm(office)
        return world

    def register(self, ctx: Context, *people: ParticipantData, approve: bool = True) -> list[str]:
        """Register and (by default) approve; returns the registration numbers."""
        regs = [participants.register(ctx, ADMIN, p).reg_no for p in people]
        if approve:
            participants.approve(ctx, ADMIN, regs)
        return regs

    def export(self, office: Context) -> Path:
        return export.export_bundle(office, ADMIN, self.usb).path

    def kab_import(self, path: Path, **options: Any) -> results.ImportResult:
        return bundle_import.import_file(self.kab, ADMIN, path, **options)

    def confirm(self, office: Context) -> list[results.ImportResult]:
        code = office.identity.install_code
        return offices.confirm_office(
            self.kab, ADMIN, code, trust.whoami(office).fingerprint, self.usb
        )

    def receipt_for(self, office: Context) -> Path:
        code = office.identity.install_code
        return receipts.write_receipt(self.kab, ADMIN, code, self.usb).path

    def office_import(self, office: Context, path: Path, **options: Any) -> results.ImportResult:
        return bundle_import.import_file(office, ADMIN, path, **options)

    def sync(self, office: Context) -> tuple[results.ImportResult, results.ImportResult]:
        """Export, import at the kabupaten, and take the receipt home."""
        result = self.kab_import(self.export(office))
        assert result.receipt is not None, (
            result.status,
            result.hold_message,
            result.receipt_error,
        )
        back = self.office_import(office, result.receipt)
        return result, back


def record(ctx: Context, reg_no: str) -> Any:
    return participants.get(ctx, reg_no)


def statuses(ctx: Context) -> dict[str, str]:
    """reg_no → status of every record."""
    with ctx.db.read() as s:
        return {r: st for r, st in s.execute(select(t.Participant.reg_no, t.Participant.status))}


def table_counts(ctx: Context) -> dict[str, int]:
    """Row counts of the tables an import may change (to prove a refusal changed nothing)."""
    out = {}
    with ctx.db.read() as s:
        for table in (
            t.Participant,
            t.History,
            t.SyncPeer,
            t.SyncReceived,
            t.SyncSent,
            t.SyncConflict,
        ):
            out[table.__tablename__] = int(s.scalar(select(func.count()).select_from(table)) or 0)
    return out


def snapshot(ctx: Context) -> tuple[dict[str, int], list[tuple[Any, ...]]]:
    """Counts and every participant and ledger row: equal before and after means nothing
    changed."""
    with ctx.db.read() as s:
        rows = [tuple(r) for r in s.execute(select(*t.Participant.__table__.columns))]
        rows += [tuple(r) for r in s.execute(select(*t.SyncPeer.__table__.columns))]
    return table_counts(ctx), sorted(rows, key=repr)


def reseal(
    world: World,
    genuine: Path,
    out: Path,
    *,
    header: dict[str, Any] | None = None,
    payload: Callable[[dict[str, Any]], None] | None = None,
    signer: Context | KeyPair | None = None,
    recipient_enc: bytes | None = None,
) -> Path:
    """A bundle made from a genuine one with changes, signed and sealed like a real one
    (by the office, unless ``signer`` says otherwise): what a buggy or hostile sender
    could produce."""
    box = container.read(genuine.read_bytes())
    content = container.open_payload(box, trust.install_keypair(world.kab))
    head = {
        k: v
        for k, v in box.header.items()
        if k not in ("format", "sender_keys", "payload", "sealed")
    }
    head |= header or {}
    if payload is not None:
        payload(content)
    if signer is None:
        sender = box.header["sender"]["install"]
        signer = world.a if sender == world.a.identity.install_code else world.b
    keys = signer if isinstance(signer, KeyPair) else trust.install_keypair(signer)
    enc = recipient_enc or trust.install_keypair(world.kab).public.enc
    out.write_bytes(container.build(head, content, keys, enc))
    return out
