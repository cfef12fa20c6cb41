"""A bundle's records and history, and a receipt's records, rendered by SQLite: the same
JSON text, byte for byte, as Python's encoders write from the records read as Python values,
and the same records held back, whatever the text holds (quotes, backslashes, control
characters, characters beyond the BMP), dates with and without microseconds, erased and
deactivated records."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from app.domain import audit
from app.domain.participant import InactiveReason
from app.services import participants, privacy
from app.services.context import Context
from app.services.sync import export
from app.store import sync as sync_store
from app.store.engine import DB_FILENAME
from app.sync.records import HISTORY_FIELDS, RECORD_FIELDS, encode_history, encode_record
from tests.actors import ADMIN
from tests.conftest import MakeParticipant
from tests.opening import raw

AWKWARD = 'Nur "Ani" \\ Ba\'da\n\t\x01\x1f\x7f \u2028 é 😀'


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _register(ctx: Context, make_participant: MakeParticipant) -> list[str]:
    extras: list[dict[str, Any]] = [
        {},
        {"address": AWKWARD, "phone": ""},
        {"name": "Siti Aminah", "coverage_start": dt.date(2023, 1, 1)},
        {"address": 'Jorong \\Koto\\ "Tuo"'},
    ]
    regs = [
        participants.register(ctx, ADMIN, make_participant(serial=i, **extra)).reg_no
        for i, extra in enumerate(extras, start=1)
    ]
    participants.approve(ctx, ADMIN, regs)
    return regs


def test_rendered_records_and_history_are_the_json_python_writes(
    kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    ctx = kecamatan_ctx
    regs = _register(ctx, make_participant)
    participants.deactivate(ctx, ADMIN, regs[2], InactiveReason.MOVED, dt.date(2024, 2, 29))
    privacy.erase(ctx, ADMIN, regs[2], "request")
    con = raw(ctx.data_dir / DB_FILENAME, ctx.db.key)
    # Behind the application's back: awkward text in every kind of column, a time without
    # microseconds, an empty optional date. These rows are held back, and still rendered.
    con.execute(
        "UPDATE participant SET name = ?, occupation = ?, updated_at = ?, status_date = NULL "
        "WHERE reg_no = ?",
        (AWKWARD, 'x\\y"z', "2024-05-06 07:08:09.000000", regs[3]),
    )
    con.execute(
        "UPDATE participant SET created_at = '2024-01-02 03:04:05.000000' WHERE reg_no = ?",
        (regs[0],),
    )
    con.commit()
    con.close()
    with ctx.db.read() as s:
        rendered = sync_store.records_to_send(s, RECORD_FIELDS, audit.COMPARED)
        values = sync_store.participants_to_send(s)
        code = ctx.identity.install_code
        uuids = [r["uuid"] for r in values]
        history = sync_store.history_to_send(s, code, uuids, HISTORY_FIELDS)
        history_values = sync_store.history_rows_of(s, code, uuids)
        # A receipt's state of the records an office registered: the same JSON again.
        of_install = sync_store.rendered_of_install(s, code, RECORD_FIELDS)
        of_install_values = list(sync_store.participants_of_install(s, code))
    assert len(of_install_values) == 4
    assert of_install == [_dumps(encode_record(r)) for r in of_install_values]
    assert rendered is not None
    assert [r.uuid for r in rendered] == uuids and len(rendered) == 4
    for got, row in zip(rendered, values, strict=True):
        assert got.json == _dumps(encode_record(row))
        assert got.state_text.encode() != b""
    assert [h.json for h in history] == [_dumps(encode_history(h)) for h in history_values]
    # The held-back check on the stored text agrees with the one on Python values.
    for got, row in zip(rendered, values, strict=True):
        stored = hashlib.sha256(got.state_text.encode()).hexdigest()
        assert stored == audit.state_digest(row), row["reg_no"]
    with ctx.db.read() as s:
        fast = export._rendered(s, code)
        slow = export._encoded(s, code)
    assert fast is not None
    assert fast[0].pieces == slow[0].pieces and fast[1].pieces == slow[1].pieces
    assert fast[2:] == slow[2:]
    assert fast[3] == [regs[3]]  # edited outside Lindungi: held back by both
    assert fast[2] == 1  # the erased, deactivated record goes, as inactive


def test_a_receipts_records_rendered_by_the_register_are_the_json_python_writes(
    kabupaten_ctx: Context, make_participant: MakeParticipant
) -> None:
    """The state a receipt carries, rendered by the kabupaten's register (SQLite, or the
    server with ``--pg``): the JSON text Python writes of the same records read as values,
    byte for byte, whatever the text holds and with times with and without microseconds."""
    from sqlalchemy import text

    ctx = kabupaten_ctx
    regs = _register(ctx, make_participant)
    edits: list[tuple[str, dict[str, Any]]] = [
        (regs[0], {"name": AWKWARD, "occupation": 'x\\y"z', "status_date": None}),
        (regs[1], {"updated_at": dt.datetime(2024, 5, 6, 7, 8, 9)}),
        (regs[2], {"created_at": dt.datetime(2024, 1, 2, 3, 4, 5, 60)}),
        (regs[3], {"erased_at": dt.datetime(2024, 3, 4, 5, 6, 7, 123456), "kpj": None}),
    ]
    with ctx.db.session() as s:  # behind the application's back
        for reg, changes in edits:
            sets = ", ".join(f"{k} = :{k}" for k in changes)
            s.execute(
                text(f"UPDATE participant SET {sets} WHERE reg_no = :reg"),
                {**changes, "reg": reg},
            )
    with ctx.db.read() as s:
        code = ctx.identity.install_code
        rendered = sync_store.rendered_of_install(s, code, RECORD_FIELDS)
        values = list(sync_store.participants_of_install(s, code))
    assert len(values) == 4 and [r["reg_no"] for r in values] == sorted(regs)
    assert rendered == [_dumps(encode_record(r)) for r in values]
    assert AWKWARD in json.loads(rendered[0])["name"]
