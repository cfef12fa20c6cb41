"""The kabupaten's desk in the GUI: dashboard, quotas, rates, planner, reports, BPJS."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from app.services import demo, desk, participants
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store.repo import ListQuery
from app.ui import desk_views
from app.ui.dashboard import BarChart, DashboardWidget
from app.ui.desk_views import (
    BpjsView,
    DeskWidget,
    NewYearDialog,
    PlannerView,
    RatesView,
    ReportsView,
    YearsView,
)
from tests.actors import ADMIN
from tests.ui.conftest import Messages


@pytest.fixture
def kab(kabupaten_ctx: Context) -> Context:
    demo.generate(kabupaten_ctx, ADMIN, 120, seed=5)
    return kabupaten_ctx


def test_the_dashboard_shows_the_years_figures(qtbot: QtBot, kab: Context) -> None:
    w = DashboardWidget(kab, ADMIN, today=dt.date(2022, 10, 1))
    qtbot.addWidget(w)
    w.resize(900, 700)
    w.show()
    assert w.data is not None and w.data.participants == 120
    assert w.participants_tile.value.text() == "120 / 1.333"
    assert w.accepted_tile.value.text() == "120"
    assert w.money_tile.value.text() == "Rp2.016.000"
    assert "2022" in w.title.text()
    assert len(w.chart.categories) == 8
    assert [s.values for s in w.chart.series][1][3] == 233  # Kamang Baru's quota
    assert w.cards_tile.isVisible()  # the card tables exist
    image = w.grab()
    assert not image.isNull()


def test_a_kecamatan_over_its_quota_is_named_under_the_chart(qtbot: QtBot, kab: Context) -> None:
    w = DashboardWidget(kab, ADMIN, today=dt.date(2022, 10, 1))
    qtbot.addWidget(w)
    w.show()
    assert w.over_quota.isHidden()  # 120 in all: no kecamatan over its quota
    assert w.data is not None
    busiest = max(w.data.kecamatan, key=lambda k: k.participants)
    desk.set_quota(kab, ADMIN, 2022, busiest.code, busiest.participants - 1)
    w.refresh()
    assert w.over_quota.isVisible()
    count = busiest.participants
    assert w.over_quota.text() == (f"Melebihi kuota {2022}: {busiest.name} {count} / {count - 1}.")


def test_a_year_without_programme_year_is_named_and_a_supervisor_creates_it(
    qtbot: QtBot, kab: Context
) -> None:
    # Registrations of 2026 count against no quota while only 2022 exists: the dashboard
    # says so, and one click creates 2026 from 2022's quotas.
    clerk = DashboardWidget(kab, Actor("ani", Role.OPERATOR), today=dt.date(2026, 3, 2))
    qtbot.addWidget(clerk)
    assert clerk.year_bar.isVisibleTo(clerk)
    assert "2026" in clerk.year_bar.text.text()
    assert not clerk.year_bar.create_button.isVisibleTo(clerk)
    w = DashboardWidget(kab, ADMIN, today=dt.date(2026, 3, 2))
    qtbot.addWidget(w)
    assert w.year_bar.create_button.isVisibleTo(w)
    assert "2022" in w.year_bar.create_button.text()
    w.year_bar.create_button.click()
    assert desk.missing_year(kab, 2026) is None
    assert sum(r.total for r in desk.year_quotas(kab, 2026)) == 1_333
    assert not w.year_bar.isVisibleTo(w)
    assert w.data is not None and w.data.year == 2026 and w.data.quota == 1_333


def test_the_bar_chart_paints_without_data_and_picks_round_axes(qtbot: QtBot) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(300, 200)
    assert not chart.grab().isNull()
    assert BarChart.nice_top(233) == (250, 50)
    assert BarChart.nice_top(0) == (10, 2)
    assert BarChart.nice_top(1333)[0] >= 1333


def test_years_and_quotas_are_edited(
    qtbot: QtBot, kab: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = YearsView(kab, ADMIN)
    qtbot.addWidget(view)
    monkeypatch.setattr(
        NewYearDialog,
        "ask",
        classmethod(
            lambda cls, years, parent=None: {
                "year": 2023,
                "copy_from": 2022,
                "funding": None,
                "note": "",
            }
        ),
    )
    view.add_year()
    assert view.year == 2023
    assert view.table.rowCount() == 8

    def cell(r: int, c: int) -> QTableWidgetItem:
        item = view.table.item(r, c)
        assert item is not None
        return item

    row = next(r for r in range(8) if cell(r, 0).text() == "Kamang Baru")
    cell(row, 1).setText("300")
    assert view.save_button.isEnabled()
    view.save()
    rows = {r.code: r for r in desk.year_quotas(kab, 2023)}
    assert rows["13.03.06"].quotas == {"apbd": 300}
    assert "1" in view.message.text()
    # Another funding source as a column; bad input is refused before saving.
    view.source_box.setCurrentIndex(view.source_box.findData("apb-nagari"))
    view.add_source()
    assert view.table.columnCount() == 4
    cell(0, 2).setText("dua")
    assert not view.save_button.isEnabled()
    cell(0, 2).setText("20")
    view.save()
    assert desk.year_quotas(kab, 2023)[0].quotas["apb-nagari"] == 20


def test_a_rate_is_added_and_removed(qtbot: QtBot, kab: Context, messages: Messages) -> None:
    view = RatesView(kab, ADMIN)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 3
    view.effective.setDate(QDate(2024, 7, 1))
    view.programme.setCurrentIndex(view.programme.findData("JKM"))
    view.by_amount.setChecked(True)
    view.amount.setText("8.000")
    view.funding_boxes["apbd"].setChecked(True)
    view.add()
    assert view.table.rowCount() == 4, view.message.text()
    new = next(r for r in desk.list_rates(kab) if r.rule.amount == 8_000)
    assert new.rule.funding == ("apbd",) and new.rule.effective_from == dt.date(2024, 7, 1)
    view.by_percent.setChecked(True)
    view.percent.setText("seratus")
    view.add()
    assert view.message.isVisibleTo(view) and view.table.rowCount() == 4
    view.table.selectRow(3)
    view.remove()
    assert messages.questions and view.table.rowCount() == 3


def test_the_planner_answers(qtbot: QtBot, kab: Context) -> None:
    view = PlannerView(kab, ADMIN)
    qtbot.addWidget(view)
    view.year.setValue(2023)
    view.count.setValue(2)
    view.per_nagari.setChecked(True)
    view.occupation.setCurrentIndex(view.occupation.findData("ninik-mamak"))
    view.calculate()
    assert view.result is not None
    assert view.result.plan.added_count == 124
    expected = (120 + 124) * 12 * 16_800
    assert view.needed.text().endswith("Rp" + f"{expected:,}".replace(",", "."))
    assert view.summary.rowCount() == 3
    assert len(view.chart.categories) == 12


def test_a_report_is_saved_in_the_background(qtbot: QtBot, kab: Context, tmp_path: Path) -> None:
    view = ReportsView(kab, ADMIN)
    qtbot.addWidget(view)
    view.year.setValue(2022)
    view.kind.setCurrentIndex(view.kind.findData("budget"))
    assert "ANGGARAN" in view.preview_title.text().upper()
    assert any("Rp" in (view.preview.item(0, c) or QTableWidgetItem()).text() for c in range(4))
    view.kind.setCurrentIndex(view.kind.findData("recap"))
    # The preview follows the chosen report: the recap's table counts against the quota.
    assert "REKAPITULASI" in view.preview_title.text().upper()
    heads = [view.preview.horizontalHeaderItem(c) for c in range(view.preview.columnCount())]
    headings = [h.text() for h in heads if h is not None]
    assert "Kuota" in headings
    view.export("pdf", str(tmp_path / "rekap"))
    qtbot.waitUntil(lambda: view.written is not None, timeout=20_000)
    assert view.written == tmp_path / "rekap.pdf" and view.written.stat().st_size > 5_000
    view.kind.setCurrentIndex(view.kind.findData("budget"))
    view.written = None
    view.export("xlsx", str(tmp_path / "anggaran.xlsx"))
    qtbot.waitUntil(lambda: view.written is not None, timeout=20_000)
    assert view.suggested_name("pdf") == "anggaran-iuran-2022.pdf"


def test_kpj_numbers_come_back_from_bpjs(qtbot: QtBot, kab: Context, tmp_path: Path) -> None:
    view = BpjsView(kab, ADMIN)
    qtbot.addWidget(view)
    assert view.waiting.text().startswith("120")
    out = tmp_path / "bpjs.xlsx"
    view.export(str(out))
    qtbot.waitUntil(lambda: view.exported is not None, timeout=20_000)
    wb = load_workbook(out)
    ws = wb.active
    assert ws is not None
    for i, row in enumerate(ws.iter_rows(min_row=2), start=1):
        row[-1].value = f"0{i:010d}"
    ws.cell(row=2, column=ws.max_column).value = 12345  # Excel dropped the zeros
    wb.save(out)
    view.read(str(out))
    qtbot.waitUntil(lambda: view.preview is not None, timeout=20_000)
    assert view.tables["matched"].rowCount() == 119
    assert view.tables["invalid"].rowCount() == 1
    assert view.save_button.isEnabled()
    assert "119" in view.save_button.text()
    view.save()
    qtbot.waitUntil(lambda: view.preview is not None and view.preview.saved > 0, timeout=20_000)
    assert view.waiting.text().startswith("1 ")
    active = participants.search(kab, ListQuery(status="active"))
    assert len(active) == 119


def test_errors_show_in_the_view(qtbot: QtBot, kab: Context, tmp_path: Path) -> None:
    view = BpjsView(kab, ADMIN)
    qtbot.addWidget(view)
    bad = tmp_path / "kosong.xlsx"
    from openpyxl import Workbook

    wb = Workbook()
    ws: Any = wb.active
    ws.append(["Nama", "Alamat"])
    ws.append(["a", "b"])
    wb.save(bad)
    view.read(str(bad))
    qtbot.waitUntil(lambda: view.message.isVisibleTo(view), timeout=20_000)
    assert "NIK" in view.message.text()
    assert view.preview is None


def test_the_desk_in_tabs(qtbot: QtBot, kab: Context) -> None:
    w = DeskWidget(kab, ADMIN)
    qtbot.addWidget(w)
    assert w.count() == 5
    assert all(w.tabText(i) for i in range(5))
    assert desk_views.RIGHT & Qt.AlignmentFlag.AlignRight


def test_the_letterhead_dialog_sets_address_and_crest(
    qtbot: QtBot, kab: Context, tmp_path: Path
) -> None:
    from PIL import Image as PilImage

    from app.services import reports

    view = ReportsView(kab, ADMIN)
    qtbot.addWidget(view)
    assert view.letterhead_button.isEnabled()
    clerk = ReportsView(kab, Actor("ani", Role.OPERATOR))
    qtbot.addWidget(clerk)
    assert not clerk.letterhead_button.isEnabled()
    dialog = desk_views.LetterheadDialog(kab, ADMIN)
    qtbot.addWidget(dialog)
    assert not dialog.remove_button.isEnabled()
    bad = tmp_path / "bukan.png"
    bad.write_bytes(b"tidak")
    dialog.choose_crest(str(bad))
    assert "bukan gambar PNG" in dialog.message.text()
    crest = tmp_path / "lambang.png"
    PilImage.new("RGB", (100, 120), (20, 90, 40)).save(crest)
    dialog.choose_crest(str(crest))
    assert not dialog.crest.pixmap().isNull() and dialog.remove_button.isEnabled()
    dialog.edits["report_address"].setText("Jl. Prof. M. Yamin No. 1")
    dialog.save()
    assert kab.setting("report_address") == "Jl. Prof. M. Yamin No. 1"
    assert reports.crest_image(kab) == crest.read_bytes()
