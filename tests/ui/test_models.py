"""Every table model of the UI passes Qt's model tester, also across queries and sorts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from app.domain.fmt import mask_nik
from app.services import accounts, importer, participants
from app.services.actor import Role
from app.services.context import Context
from app.store.repo import ListQuery
from app.ui.admin import UsersModel
from app.ui.importer import PreviewModel
from app.ui.listmodel import PAGE, ParticipantListModel
from app.ui.record import HistoryModel
from tests.actors import ADMIN
from tests.conftest import MakeParticipant


def test_list_model_passes_the_tester(qtmodeltester: ModelTester, populated_ctx: Context) -> None:
    model = ParticipantListModel(populated_ctx)
    model.set_query(ListQuery())
    qtmodeltester.check(model)
    assert model.rowCount() == 60
    model.set_query(ListQuery(search="nur"))
    model.sort(model.column_of("birth_date"), Qt.SortOrder.DescendingOrder)
    model.set_query(ListQuery(status="inactive"))
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_list_model_shows_lines_in_query_order_with_masked_niks(populated_ctx: Context) -> None:
    model = ParticipantListModel(populated_ctx)
    model.set_query(ListQuery(sort="reg_no"))
    ids = participants.search(populated_ctx, ListQuery(sort="reg_no"))
    first = participants.rows(populated_ctx, ids[:1])[0]
    nik_col = model.column_of("nik")
    assert model.data(model.index(0, model.column_of("reg_no"))) == first.reg_no
    assert model.data(model.index(0, nik_col)) == mask_nik(first.nik)
    assert first.nik not in str(model.data(model.index(0, nik_col)))
    assert model.headerData(nik_col, Qt.Orientation.Horizontal) == "NIK"
    assert model.headerData(model.column_of("name"), Qt.Orientation.Horizontal) == "Nama"


def test_sorting_requeries_and_keeps_persistent_indexes(populated_ctx: Context) -> None:
    model = ParticipantListModel(populated_ctx)
    model.set_query(ListQuery())
    pid = model.id_at(5)
    kept = model.index(5, 0)
    persistent = QPersistentModelIndex(kept)
    model.sort(model.column_of("reg_no"), Qt.SortOrder.DescendingOrder)
    assert model.query.sort == "reg_no" and model.query.descending
    regs = [model.row_at(r).reg_no for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert regs == sorted(regs, reverse=True)
    assert model.id_at(persistent.row()) == pid


def test_rows_are_read_a_page_at_a_time(kecamatan_ctx: Context, monkeypatch) -> None:
    from app.services import demo

    demo.generate(kecamatan_ctx, ADMIN, PAGE + 50, seed=3)
    calls: list[int] = []
    real = participants.rows

    def counting(ctx, ids):
        calls.append(len(ids))
        return real(ctx, ids)

    monkeypatch.setattr(participants, "rows", counting)
    model = ParticipantListModel(kecamatan_ctx)
    model.set_query(ListQuery())
    assert calls == []
    model.data(model.index(0, 0))
    model.data(model.index(PAGE - 1, 1))
    assert calls == [PAGE]
    model.data(model.index(PAGE + 10, 0))
    assert calls == [PAGE, 50]


def test_history_model(
    qtmodeltester: ModelTester, kecamatan_ctx: Context, make_participant: MakeParticipant
) -> None:
    reg = participants.register(kecamatan_ctx, ADMIN, make_participant())
    rec = participants.get(kecamatan_ctx, reg.reg_no)
    model = HistoryModel(participants.history(kecamatan_ctx, rec.uuid), kecamatan_ctx.regions)
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    changes = model.data(model.index(0, 3))
    assert "Aie Amo" in changes and "07/08/1980" in changes
    assert rec.nik not in changes  # the history view masks NIKs too


def test_preview_and_users_models(
    qtmodeltester: ModelTester, kecamatan_ctx: Context, tmp_path: Path
) -> None:
    sheet = tmp_path / "p.csv"
    sheet.write_text(
        "NIK;Nama;Tempat Lahir;Tanggal Lahir;L/P;Nagari;Pekerjaan\n"
        "1303064708800001;Yusnimar;Sijunjung;07/08/1980;P;Aie Amo;Petani\n"
        "123;Nobody;Sijunjung;07/08/1980;P;Aie Amo;Petani\n",
        encoding="utf-8",
    )
    preview = importer.preview(kecamatan_ctx, sheet)
    model = PreviewModel(preview)
    qtmodeltester.check(model)
    assert [model.verdict_at(r) for r in range(model.rowCount())] == ["new", "refused"]
    assert model.data(model.index(0, 1)) == "Baru"
    assert model.data(model.index(1, 1)) == "Ditolak"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert not model.index(0, 0).parent().isValid()
    assert model.rowCount(model.index(0, 0)) == 0

    accounts.add_user(kecamatan_ctx, ADMIN, "ani", Role.OPERATOR, "rahasia-123")
    users = UsersModel(accounts.list_users(kecamatan_ctx, ADMIN))
    qtmodeltester.check(users)
    assert users.data(users.index(0, 0)) == "ani"
    assert users.data(users.index(0, 2)) == "Operator"
    assert users.rowCount(QModelIndex()) == 1
