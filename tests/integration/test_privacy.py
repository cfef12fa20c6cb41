"""Personal-data duties: the subject's report, erasure that keeps the audit chain whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.domain.participant import InactiveReason
from app.errors import Refused
from app.services import audit, backup, participants, privacy
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store.repo import ListQuery
from tests.actors import ADMIN
from tests.cardhelp import pdftotext

NAME = "Nur'aini Şahin"


def _raw_bytes(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in data_dir.glob("lindungi.sqlite*"))


def test_subject_report_holds_everything_about_the_person(
    kecamatan_ctx, make_participant, tmp_path
):
    ctx = kecamatan_ctx
    reg = participants.register(ctx, ADMIN, make_participant(name=NAME))
    out = privacy.subject_report(ctx, ADMIN, reg.reg_no, tmp_path / "data.pdf")
    text = pdftotext(out)  # skips where poppler is missing (a Windows runner)
    assert NAME in text
    assert make_participant(name=NAME).nik in text  # the person sees their whole NIK
    assert "Data pribadi yang disimpan Lindungi" in text
    with pytest.raises(Refused):
        privacy.subject_report(ctx, Actor("op", Role.OPERATOR), reg.reg_no, tmp_path / "x.pdf")


def _plaintext_ctx(path: Path) -> Context:
    """A kecamatan register without a key: its free pages can be read from the file (on an
    encrypted one every page is ciphertext anyway), to see that erasure overwrites them."""
    from app.domain.install import Role as InstallRole
    from app.services.setup import setup_install
    from app.store.engine import DB_FILENAME, Database
    from app.store.migrate import upgrade
    from tests.conftest import KECAMATAN

    path.mkdir()
    (path / "backups").mkdir()
    db = Database(path / DB_FILENAME, None)
    upgrade(db.engine, db.path, path / "backups")
    ctx = Context(path, db)
    setup_install(ctx, ADMIN, role=InstallRole.KECAMATAN, kecamatan=KECAMATAN)
    return ctx


def test_erasure_removes_personal_data_but_keeps_number_status_and_chain(
    tmp_path, make_participant
):
    ctx = _plaintext_ctx(tmp_path / "plain")
    data = make_participant(name=NAME)
    reg = participants.register(ctx, ADMIN, data)
    participants.register(ctx, ADMIN, make_participant(serial=2, name="Afrizal Saputra"))
    privacy.erase(ctx, ADMIN, reg.reg_no)
    rec = participants.get(ctx, reg.reg_no)
    assert (rec.nik, rec.name, rec.phone, rec.kpj) == ("", "", "", None)
    assert rec.status == "inactive"
    assert rec.status_reason == InactiveReason.ENDED.value
    assert rec.erased_at is not None
    assert participants.search(ctx, ListQuery(search="nuraini")) == []
    assert participants.search(ctx, ListQuery(search=data.nik)) == []
    assert audit.verify(ctx).ok  # the redacted entries keep their hashes
    history = participants.history(ctx, rec.uuid)
    assert all(NAME not in h.changes and data.nik not in h.changes for h in history)
    assert history[-1].action == "erase"
    # Nothing of the person is left in the database files either.
    ctx.close()
    raw = _raw_bytes(ctx.data_dir)
    assert NAME.encode() not in raw
    assert data.nik.encode() not in raw
    assert b"Afrizal Saputra" in raw


def test_erasure_is_for_administrators_and_happens_once(kecamatan_ctx, make_participant):
    ctx = kecamatan_ctx
    reg = participants.register(ctx, ADMIN, make_participant())
    with pytest.raises(Refused):
        privacy.erase(ctx, Actor("kasi", Role.SUPERVISOR), reg.reg_no)
    privacy.erase(ctx, ADMIN, reg.reg_no)
    with pytest.raises(Refused):
        privacy.erase(ctx, ADMIN, reg.reg_no)


def test_retention_erases_only_those_inactive_long_enough(kecamatan_ctx, make_participant):
    ctx = kecamatan_ctx
    old = participants.register(ctx, ADMIN, make_participant(serial=1))
    recent = participants.register(ctx, ADMIN, make_participant(serial=2))
    active = participants.register(ctx, ADMIN, make_participant(serial=3))
    now = dt.datetime(2026, 11, 29, 9, 0)
    participants.deactivate(ctx, ADMIN, old.reg_no, InactiveReason.DIED, dt.date(2020, 1, 1))
    participants.deactivate(ctx, ADMIN, recent.reg_no, InactiveReason.MOVED, dt.date(2026, 1, 1))
    stale = ctx.data_dir / "backups" / "lindungi-20250101-080000-daily.sqlite"
    backup.backup(ctx, ADMIN)
    stale.write_bytes(b"old backup")
    assert privacy.erase_expired(ctx, ADMIN, now=now) == 1
    assert participants.get(ctx, old.reg_no).erased_at is not None
    assert participants.get(ctx, recent.reg_no).erased_at is None
    assert participants.get(ctx, active.reg_no).erased_at is None
    assert not stale.exists()
    assert backup.list_backups(ctx)  # recent backups stay
