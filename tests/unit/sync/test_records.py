"""Records inside payloads (app.sync.records): every field checked on the way in."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.sync.records import FIELDS, RecordError, decode_history, decode_record, encode_record

RECORD: dict[str, Any] = {
    "uuid": "0b9a3f0e-6a41-4d8c-9f1e-2a3b4c5d6e7f",
    "reg_no": "130306-A-000123",
    "revision": 3,
    "ack_revision": 1,
    "created_at": dt.datetime(2026, 1, 2, 9, 0),
    "created_by": "admin",
    "created_install": "130306-A",
    "updated_at": dt.datetime(2026, 1, 3, 9, 0),
    "updated_by": "admin",
    "updated_install": "130306-A",
    "nik": "1303064708800001",
    "name": "Siti Aminah",
    "birth_place": "Sijunjung",
    "birth_date": dt.date(1980, 8, 7),
    "sex": "P",
    "address": "",
    "jorong": "Koto",
    "nagari_code": "13.03.06.2004",
    "kecamatan_code": "13.03.06",
    "occupation": "petani",
    "phone": "",
    "income": 1_000_000,
    "funding": "apbd",
    "programmes": "JKK,JKM",
    "coverage_start": dt.date(2022, 4, 1),
    "coverage_end": None,
    "override_reason": "",
    "status": "approved",
    "status_reason": "",
    "status_date": None,
    "kpj": None,
    "duplicate_of": None,
}


def test_round_trip() -> None:
    assert set(RECORD) == set(FIELDS)
    assert decode_record(encode_record(RECORD)) == RECORD | {"erased_at": None}


def test_an_erasure_travels_and_older_bundles_without_it_still_read() -> None:
    erased = RECORD | {"erased_at": dt.datetime(2026, 11, 29, 9, 30)}
    assert decode_record(encode_record(erased))["erased_at"] == erased["erased_at"]
    older = encode_record(RECORD)
    del older["erased_at"]
    assert decode_record(older)["erased_at"] is None
    with pytest.raises(RecordError):
        decode_record(encode_record(RECORD) | {"erased_at": "yesterday"})


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("uuid", "not-a-uuid"),
        ("reg_no", "130306-A-123"),
        ("revision", 0),
        ("revision", True),
        ("birth_date", "07/08/1980"),
        ("created_at", "2026-01-02T09:00:00+07:00"),
        ("sex", "X"),
        ("status", "deleted"),
        ("income", "1000000"),
        ("name", "x" * 201),
        ("kpj", 12345678901),
        ("created_install", "130306A"),
    ],
)
def test_each_field_is_checked(field: str, value: Any) -> None:
    obj = encode_record(RECORD) | {field: value}
    with pytest.raises(RecordError) as info:
        decode_record(obj)
    assert info.value.field == field


def test_missing_field_and_wrong_shape() -> None:
    obj = encode_record(RECORD)
    del obj["phone"]
    with pytest.raises(RecordError) as info:
        decode_record(obj)
    assert info.value.field == "phone"
    with pytest.raises(RecordError):
        decode_record(["not", "a", "dict"])


def test_history_entries() -> None:
    entry = {
        "at": "2026-01-02T09:00:00",
        "actor": "admin",
        "install_code": "130306-A",
        "entity": "participant",
        "entity_id": RECORD["uuid"],
        "action": "edit",
        "changes": "{}",
        "reason": "",
    }
    assert decode_history(entry)["at"] == dt.datetime(2026, 1, 2, 9, 0)
    with pytest.raises(RecordError):
        decode_history(entry | {"changes": {}})
