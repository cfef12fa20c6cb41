"""One description of a participant, in words, for `show`, the subject-access PDF and the
record screen: labels in the user's language, values as a person reads them."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from app import i18n
from app.domain.participant import InactiveReason
from app.services import participants
from app.services.context import Context
from app.services.describe import describe, history_changes
from tests.actors import ADMIN
from tests.conftest import MakeParticipant

TODAY = dt.date(2022, 4, 1)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _record(ctx: Context, make: MakeParticipant) -> str:
    reg = participants.register(
        ctx, ADMIN, make(income=2_500_000, address="Jl. Lintas", phone=""), today=TODAY
    )
    participants.deactivate(ctx, ADMIN, reg.reg_no, InactiveReason.MOVED, TODAY)
    return reg.reg_no


def test_the_description_is_in_words_never_codes_none_or_iso_dates(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    rec = participants.get(kecamatan_ctx, _record(kecamatan_ctx, make_participant))
    shown = {f.key: f for f in describe(rec, kecamatan_ctx.regions, full_nik=False)}
    assert shown["reg_no"].label == "No. registrasi"
    assert shown["status"].value == "Nonaktif — Pindah, 01/04/2022"
    assert shown["sex"].value == "Perempuan"
    assert shown["born"].value == "Sijunjung, 07/08/1980"
    assert shown["income"].value == "Rp2.500.000"
    assert shown["funding"].value == "APBD Kabupaten"
    assert shown["nagari"].value == "Aie Amo"
    assert shown["kecamatan"].value == "Kamang Baru"
    assert shown["phone"].value == "—"
    assert "••" in shown["nik"].value
    for f in shown.values():
        assert f.value and "None" not in f.value and not ISO_DATE.search(f.value), f


def test_labels_follow_the_language(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    rec = participants.get(kecamatan_ctx, _record(kecamatan_ctx, make_participant))
    i18n.set_language("en")
    shown = {f.key: f for f in describe(rec, kecamatan_ctx.regions, full_nik=True)}
    assert shown["reg_no"].label == "Registration no."
    assert shown["status"].value == "Inactive — Moved, 01/04/2022"
    assert shown["nik"].value == rec.nik


@pytest.mark.parametrize("full_nik", [False, True])
def test_history_reads_in_words(
    kecamatan_ctx: Context, make_participant: MakeParticipant, full_nik: bool
) -> None:
    rec = participants.get(kecamatan_ctx, _record(kecamatan_ctx, make_participant))
    hist = participants.history(kecamatan_ctx, rec.uuid)
    text = "\n".join(
        history_changes(h.changes, kecamatan_ctx.regions, full_nik=full_nik) for h in hist
    )
    assert "Status: Aktif" not in text  # a kecamatan record starts approved (or draft)
    assert "Status: Disetujui → Nonaktif" in text or "Status: Draf → Nonaktif" in text
    assert "Sejak: 01/04/2022" in text
    assert "Nagari: Aie Amo" in text
    assert not ISO_DATE.search(text)
    assert (rec.nik in text) is full_nik


def test_every_field_label_has_an_indonesian_translation() -> None:
    from app.i18n import ID
    from app.services.describe import FIELD_LABELS as _LABELS

    # NIK and KPJ are the same word in both languages, and listed so.
    assert [label for label in _LABELS.values() if label not in ID] == []
