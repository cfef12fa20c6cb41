"""The card screens: printing (with progress and cancel), reprints, verification, handover."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.errors import Refused
from app.i18n import render
from app.services import cards, handover, participants, prefs
from app.services.actor import Actor, Role
from app.services.cards import Selection
from app.services.context import Context
from app.services.verify import Verdict
from app.store import repo
from app.store.repo import ListQuery
from app.ui import cards_views, common, tasks
from app.ui.admin import SettingsDialog
from app.ui.cards_views import CandidatesModel, KpjReprintDialog, PrintDialog, ReprintDialog
from app.ui.handover_views import HandoverModel, HandoverWidget, OpenEventDialog
from app.ui.mainwindow import MainWindow
from app.ui.record import RecordDialog
from app.ui.verify_view import COLOURS, VerifyWidget
from tests.actors import ADMIN
from tests.cardhelp import APOSTROPHE, NON_LATIN1, office, reg_of
from tests.conftest import NAGARI_IN, MakeParticipant
from tests.ui.conftest import MakeSession, Messages

OPERATOR = Actor("ani", Role.OPERATOR)


@pytest.fixture
def ctx(kecamatan_ctx: Context, make_participant: MakeParticipant) -> Context:
    """A kecamatan office with 25 approved participants, none printed."""
    return office(kecamatan_ctx, make_participant)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """PDFs the screens asked the system viewer to open (nothing is really opened)."""
    paths: list[Path] = []
    monkeypatch.setattr(cards_views, "open_in_viewer", paths.append)
    return paths


def save_to(monkeypatch: pytest.MonkeyPatch, out: Path) -> None:
    """Answer the next file dialogs with ``out``."""
    monkeypatch.setattr(common, "save_file", lambda *_args: str(out))


def wait_idle(qtbot: QtBot, widget: Any) -> None:
    """Until the widget's background task finished and its thread ended."""
    qtbot.waitUntil(lambda: not widget.busy and tasks.running() == 0, timeout=20000)


def pages_of(pdf: Path) -> int:
    data = pdf.read_bytes()
    return data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page>")


def print_all(ctx: Context, out: Path) -> None:
    cards.print_cards(ctx, OPERATOR, Selection(everyone=True), out)


# --- printing ------------------------------------------------------------------------------


def test_printing_a_nagari_writes_a_pdf_and_opens_it(
    qtbot: QtBot,
    ctx: Context,
    make_session: MakeSession,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
    tmp_path: Path,
) -> None:
    dialog = PrintDialog(make_session(ctx, Role.OPERATOR, "ani"))
    qtbot.addWidget(dialog)
    assert dialog.unprinted.isChecked() and not dialog.selected.isEnabled()
    assert dialog.one.isHidden()
    assert dialog.layout_box.currentData() == "a4"
    assert dialog.go_button.text() == "&Cetak…"
    dialog.by_nagari.setChecked(True)
    dialog.start()  # no nagari chosen yet
    assert dialog.message.text() == "Pilih nagari dari daftar."
    dialog.nagari.set_code(NAGARI_IN)
    out = tmp_path / "aie-amo.pdf"
    save_to(monkeypatch, out)
    dialog.start()
    assert dialog.busy and not dialog.go_button.isEnabled()
    wait_idle(qtbot, dialog)
    result = dialog.result_value
    assert result is not None and result.path == out and out.is_file()
    assert result.pages > 0 and pages_of(out) == result.pages
    in_nagari = participants.search(ctx, ListQuery(nagari=NAGARI_IN))
    assert result.cards == result.new == len(in_nagari) >= 2
    assert opened == [out]
    n, pages = result.cards, result.pages
    assert dialog.message.text() == f"{n} kartu ({n} baru) pada {pages} halaman di {out}"
    assert not dialog.panel.isVisible() and dialog.go_button.isEnabled()
    assert not out.with_name(out.name + ".part").exists()


def test_the_print_dialog_says_what_it_will_print_and_whose_name_is_cut(
    qtbot: QtBot, ctx: Context, make_session: MakeSession, make_participant: MakeParticipant
) -> None:
    huge = (
        "Sutan Bagindo Alam Pamuncak Rajo Nan Sati Datuak Bandaro Kayo Nan Gadang Basa "
        "Hj. Nurhayati Binti Muhammad Syafei Datuak Rangkayo"
    )
    reg = participants.register(ctx, ADMIN, make_participant(serial=9003, name=huge)).reg_no
    participants.approve(ctx, ADMIN, [reg])
    dialog = PrintDialog(make_session(ctx, Role.OPERATOR, "ani"))
    qtbot.addWidget(dialog)
    expected = cards.plan_print(ctx, Selection(unprinted=True))
    assert expected.cards >= 25
    assert dialog.unprinted.text() == f"Semua yang &belum dicetak ({expected.cards})"
    assert dialog.plan_label.text().startswith(f"Mencetak {expected.cards} kartu")
    assert f"{reg} {huge}" in dialog.plan_label.text()
    # The dialog keeps its size when the progress bar shows and hides.
    dialog.show()
    before = dialog.size()
    dialog.panel.setVisible(True)
    qtbot.wait(10)
    assert dialog.size() == before


def test_cancel_leaves_no_file_and_records_nothing(
    qtbot: QtBot,
    ctx: Context,
    make_session: MakeSession,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
    tmp_path: Path,
) -> None:
    gate = threading.Event()
    real = cards.print_cards

    def held(*args: Any, **kwargs: Any) -> Any:
        gate.wait(10)  # the user clicks Cancel while the job is under way
        return real(*args, **kwargs)

    monkeypatch.setattr(cards, "print_cards", held)
    dialog = PrintDialog(make_session(ctx, Role.OPERATOR, "ani"))
    qtbot.addWidget(dialog)
    out = tmp_path / "semua.pdf"
    save_to(monkeypatch, out)
    dialog.start()
    assert dialog.panel.cancel_button.isVisible() or not dialog.isVisible()
    dialog.reject()  # closing waits for the task
    qtbot.mouseClick(dialog.panel.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    wait_idle(qtbot, dialog)
    assert dialog.result_value is None and opened == []
    assert not out.exists() and list(tmp_path.glob("*.part")) == []
    assert dialog.message.text() == render("cards.cancelled")
    assert cards.counts(ctx).get("current", 0) == 0


def test_the_selection_of_the_list_and_the_card_filter(
    qtbot: QtBot,
    ctx: Context,
    make_session: MakeSession,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
    tmp_path: Path,
) -> None:
    window = MainWindow(make_session(ctx, Role.OPERATOR, "ani"))
    qtbot.addWidget(window)
    total = window.model.rowCount()
    window.table.selectRow(0)
    ids = window.selected_ids()
    dialog = PrintDialog(window.session, window, ids=ids)
    qtbot.addWidget(dialog)
    assert dialog.selected.isChecked() and dialog.selected.text() == "Peserta yang &dipilih (1)"
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("cr80"))
    save_to(monkeypatch, tmp_path / "satu")
    dialog.start()
    wait_idle(qtbot, dialog)
    assert dialog.result_value is not None
    assert dialog.result_value.path == tmp_path / "satu.pdf" and dialog.result_value.pages == 2

    labels = [window.card_filter.itemText(i) for i in range(window.card_filter.count())]
    assert labels == [
        "Semua kartu",
        "Kartu belum dicetak",
        "Kartu menunggu diserahkan",
        "Kartu sudah diserahkan",
    ]
    qtbot.waitUntil(lambda: not window._refresh_timer.isActive())
    window.card_filter.setCurrentIndex(window.card_filter.findData("pending"))
    assert window.model.rowCount() == 1 and window.model.id_at(0) == ids[0]
    window.card_filter.setCurrentIndex(window.card_filter.findData("unprinted"))
    assert window.model.rowCount() == total - 1
    window.card_filter.setCurrentIndex(window.card_filter.findData("handed"))
    assert window.model.rowCount() == 0
    window.clear_filters()
    assert window.card_filter.currentIndex() == 0 and window.model.rowCount() == total
    assert "&Kartu" in [a.text() for a in window.menuBar().actions()]


def test_reprint_from_the_record_needs_a_reason_and_voids_the_old_card(
    qtbot: QtBot,
    ctx: Context,
    make_session: MakeSession,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
    tmp_path: Path,
) -> None:
    reg = reg_of(ctx, APOSTROPHE)
    session = make_session(ctx, Role.OPERATOR, "ani")
    record = RecordDialog(session, reg)
    qtbot.addWidget(record)
    assert record.card_value.text() == "Belum dicetak"
    assert record.print_card_button.isEnabled() and not record.reprint_button.isEnabled()
    cards.print_cards(ctx, OPERATOR, Selection(reg_nos=(reg,)), tmp_path / "a.pdf")
    old = cards.current_payload(ctx, reg)
    record.refresh()
    assert record.card_value.text().startswith("130306-A/000001, versi 1, dicetak ")
    assert record.card_value.text().endswith("menunggu diserahkan")
    assert record.reprint_button.isEnabled()

    dialog = ReprintDialog(session, [reg], record, who="Kartu baru")
    qtbot.addWidget(dialog)
    assert [dialog.reason.itemText(i) for i in range(dialog.reason.count())] == [
        "Kartu hilang",
        "Kartu rusak",
        "Nomor KPJ sudah terbit",
        "Data diperbaiki",
    ]
    dialog.start()
    assert dialog.message.text() == render("cards.reason_needed")
    dialog.reason.setEditText("Kartu hilang di sawah")
    out = tmp_path / "ulang.pdf"
    save_to(monkeypatch, out)
    dialog.start()
    wait_idle(qtbot, dialog)
    assert dialog.result_value is not None and dialog.result_value.reprints == 1
    assert not dialog.go_button.isEnabled() and opened == [out]
    assert cards.cards_of(ctx, reg)[-1].version == 2
    assert old is not None
    from app.services.verify import verify

    assert verify(ctx, old).verdict is Verdict.VOID
    record.refresh()
    assert record.card_value.text().startswith("130306-A/000002, versi 2")


def test_kpj_arrived_list_offers_the_cards_for_reprint(
    qtbot: QtBot,
    qtmodeltester: Any,
    ctx: Context,
    make_session: MakeSession,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    print_all(ctx, tmp_path / "semua.pdf")
    reg = reg_of(ctx, NON_LATIN1)
    rec = participants.get(ctx, reg)
    with ctx.db.session() as s:
        repo.update_participant(s, rec.id, {"kpj": "04123456789", "status": "active"})
    dialog = KpjReprintDialog(make_session(ctx, Role.OPERATOR, "ani"))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1 and dialog.model.ticked() == [reg]
    assert dialog.model.index(0, 2).data() == "04123456789"
    asked: list[tuple[list[str], str]] = []

    def fake_ask(_session: Any, reg_nos: list[str], _parent: Any, **kw: Any) -> Any:
        asked.append((list(reg_nos), kw["reason"]))
        return None

    monkeypatch.setattr(ReprintDialog, "ask", fake_ask)
    dialog.reprint()
    assert asked == [([reg], "Nomor KPJ sudah terbit")]
    dialog.none_button.click()
    assert dialog.model.ticked() == []
    assert isinstance(dialog.model, CandidatesModel)


# --- verifying -------------------------------------------------------------------------------


def test_the_verify_screen_shows_each_verdict_and_is_ready_for_the_next_scan(
    qtbot: QtBot, ctx: Context, make_session: MakeSession, tmp_path: Path
) -> None:
    reg = reg_of(ctx, NON_LATIN1)
    other = reg_of(ctx, APOSTROPHE)
    cards.print_cards(ctx, OPERATOR, Selection(reg_nos=(reg, other)), tmp_path / "a.pdf")
    genuine = cards.current_payload(ctx, reg)
    old = cards.current_payload(ctx, other)
    assert genuine is not None and old is not None
    cards.reprint(ctx, OPERATOR, Selection(reg_nos=(other,)), "rusak", tmp_path / "b.pdf")
    unknown = genuine.replace("130306-A.", "130306-B.")
    i = 60
    tampered = genuine[:i] + ("Q" if genuine[i] != "Q" else "R") + genuine[i + 1 :]

    view = VerifyWidget(make_session(ctx, Role.OPERATOR, "ani"))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.scan.setFocus()
    assert view.banner.text() == "Menunggu pindaian"

    def scan(text: str) -> None:
        qtbot.keyClicks(view.scan, text)
        qtbot.keyClick(view.scan, Qt.Key.Key_Return)
        assert view.scan.text() == ""
        assert QApplication.focusWidget() is view.scan or not view.isActiveWindow()

    scan(genuine.lower())  # Caps Lock on: still genuine
    assert view.last is not None and view.last.verdict is Verdict.GENUINE
    assert view.banner.text() == "ASLI: kartu berlaku"
    assert COLOURS[Verdict.GENUINE][0] in view.banner.styleSheet()
    assert view._values["name"].text() == NON_LATIN1
    assert view._values["reg_no"].text() == reg
    assert "••••" in view._values["nik"].text()
    assert view._values["nagari"].text() == "Aie Amo"
    assert view._values["handed"].text() == "belum"
    assert view.sentence.text().startswith("ASLI dan berlaku")

    scan(old)
    assert view.last is not None and view.last.verdict is Verdict.VOID
    assert view.banner.text() == "TIDAK BERLAKU: sudah diganti kartu baru"
    assert COLOURS[Verdict.VOID][0] in view.banner.styleSheet()
    assert view._values["reason"].text() == "rusak"
    assert view._values["name"].text() == APOSTROPHE

    scan(unknown)
    assert view.last is not None and view.last.verdict is Verdict.UNKNOWN_ISSUER
    assert view.banner.text() == "PENERBIT TIDAK DIKENAL"
    assert "palsu" not in view.banner.text().lower()
    assert COLOURS[Verdict.UNKNOWN_ISSUER][0] in view.banner.styleSheet()
    assert view._values["issuer"].text() == "130306-B"
    assert view._values["name"].isHidden()

    scan(tampered)
    assert view.last is not None and view.last.verdict is Verdict.NOT_GENUINE
    assert view.banner.text() == "TIDAK ASLI atau rusak"
    assert COLOURS[Verdict.NOT_GENUINE][0] in view.banner.styleSheet()

    scan("hello")
    assert view.last is not None and view.last.verdict is Verdict.NOT_A_CARD
    assert view.banner.text() == "BUKAN KODE KARTU"


# --- handing over ----------------------------------------------------------------------------


def test_handover_give_take_back_close_and_receipt(
    qtbot: QtBot,
    qtmodeltester: Any,
    ctx: Context,
    make_session: MakeSession,
    monkeypatch: pytest.MonkeyPatch,
    messages: Messages,
    opened: list[Path],
    tmp_path: Path,
) -> None:
    print_all(ctx, tmp_path / "semua.pdf")
    printed = cards.counts(ctx)["current"]
    session = make_session(ctx, Role.SUPERVISOR, "rina")
    widget = HandoverWidget(session)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.current is None and not widget.scan.isEnabled()
    assert widget.open_button.isEnabled() and not widget.close_button.isEnabled()
    assert widget.counts_now() == (0, printed)

    dialog = OpenEventDialog(session, widget)
    qtbot.addWidget(dialog)
    dialog.day.set_date_value(None)
    qtbot.keyClicks(dialog.day, "17082025")
    dialog.open_event()
    assert dialog.error.text() == render("handover.place_needed")
    dialog.place.setText("Kantor Wali Nagari Aie Amo")
    dialog.officials.setPlainText("Bupati: Benny Dwifa Yuswir\n\nCamat: H. Afrizal\n")
    dialog.open_event()
    ev = dialog.opened
    assert ev is not None and ev.officials == ("Bupati: Benny Dwifa Yuswir", "Camat: H. Afrizal")
    assert ev.date.isoformat() == "2025-08-17"
    monkeypatch.setattr(OpenEventDialog, "ask", classmethod(lambda cls, *a: ev))
    widget.open_event()
    assert widget.current is not None and widget.current.id == ev.id
    assert widget.scan.isEnabled() and widget.close_button.isEnabled()
    assert widget.event_box.currentText() == "17/08/2025 — Kantor Wali Nagari Aie Amo (terbuka)"
    assert "Bupati: Benny Dwifa Yuswir; Camat: H. Afrizal" in widget.event_info.text()
    qtmodeltester.check(widget.model)

    # by scan, in person
    reg = reg_of(ctx, NON_LATIN1)
    payload = cards.current_payload(ctx, reg)
    assert payload is not None
    qtbot.keyClicks(widget.scan, payload)
    qtbot.keyClick(widget.scan, Qt.Key.Key_Return)
    assert widget.result.text() == f"Diserahkan: {NON_LATIN1} ({reg}), diterima sendiri."
    assert widget.counts_now() == (1, printed - 1)
    assert widget.counts.text() == f"1 diserahkan pada acara ini · {printed - 1} menunggu"
    # the same card again is refused, and says why
    qtbot.keyClicks(widget.scan, payload)
    qtbot.keyClick(widget.scan, Qt.Key.Key_Return)
    assert widget.result.text() == render(
        "handover.already", name=NON_LATIN1, date="17/08/2025", place=ev.place, id=ev.id
    )
    assert widget.counts_now()[0] == 1

    # by tick, to a proxy
    other = reg_of(ctx, APOSTROPHE)
    widget.proxy.setText("Siti (adik)")
    widget.search.setText("nur'")
    assert widget.proxy_model.rowCount() == 1
    index = widget.proxy_model.index(0, 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    widget.proxy_model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: widget.counts_now()[0] == 2)
    assert widget.proxy_model.index(0, 4).data() == "wakil: Siti (adik)"
    assert widget.proxy.text() == ""
    # a mistaken tick taken back
    widget.proxy_model.setData(
        widget.proxy_model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    qtbot.waitUntil(lambda: widget.counts_now()[0] == 1)
    assert [g.reg_no for g in handover.given(ctx, ev.id)] == [reg]
    widget.search.clear()
    widget.show_filter.setCurrentIndex(widget.show_filter.findData("given"))
    assert widget.proxy_model.rowCount() == 1
    widget.show_filter.setCurrentIndex(0)
    assert other in [
        widget.proxy_model.index(r, 1).data() for r in range(widget.proxy_model.rowCount())
    ]

    # close, then the receipt is printed in the background and opened
    out = tmp_path / "tanda-terima.pdf"
    save_to(monkeypatch, out)
    messages.answer = True
    widget.close_event()
    assert messages.questions and "tetap menunggu" in messages.questions[0]
    wait_idle(qtbot, widget)
    assert out.is_file() and pages_of(out) >= 1 and opened == [out]
    assert widget.last_receipt == out
    assert widget.current is not None and not widget.current.is_open
    assert not widget.scan.isEnabled() and not widget.close_button.isEnabled()
    assert widget.receipt_button.isEnabled()
    assert not widget.model.editable
    assert widget.counts_now() == (1, printed - 1)
    assert widget.event_box.currentText().endswith("(ditutup)")


def test_an_operator_gives_cards_but_cannot_open_or_close_an_event(
    qtbot: QtBot, ctx: Context, make_session: MakeSession, tmp_path: Path
) -> None:
    print_all(ctx, tmp_path / "semua.pdf")
    session = make_session(ctx, Role.OPERATOR, "ani")
    widget = HandoverWidget(session)
    qtbot.addWidget(widget)
    assert not widget.open_button.isEnabled() and not widget.close_button.isEnabled()
    assert (
        widget.open_button.toolTip()
        == "Hanya supervisor yang membuka dan menutup acara penyerahan."
    )
    with pytest.raises(Refused):
        handover.open_event(ctx, session.actor, place="Balai Nagari")
    dialog = OpenEventDialog(session)
    qtbot.addWidget(dialog)
    dialog.place.setText("Balai Nagari")
    dialog.open_event()
    assert dialog.opened is None and dialog.error.text() == render("role.needed", role="supervisor")
    assert handover.events(ctx) == []

    ev = handover.open_event(ctx, Actor("rina", Role.SUPERVISOR), place="Balai Nagari")
    widget.refresh()
    assert widget.current is not None and widget.current.id == ev.id
    assert widget.scan.isEnabled() and not widget.close_button.isEnabled()
    reg = reg_of(ctx, APOSTROPHE)
    widget.scan.setText(reg.lower())
    widget.give_scanned()
    assert widget.counts_now()[0] == 1
    assert isinstance(widget.model, HandoverModel)


# --- settings ----------------------------------------------------------------------------------


def test_card_settings_and_the_calibration_page(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
    tmp_path: Path,
) -> None:
    dialog = SettingsDialog(make_session(kecamatan_ctx, Role.ADMIN, "admin"))
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(1) == "Kartu"
    assert dialog.card_texts["card_back_benefits"].toPlainText() == ""
    assert dialog.card_texts["card_back_benefits"].placeholderText().startswith("JKK")
    dialog.offsets["card_offset_front_x_mm"].setValue(1.5)
    dialog.offsets["card_offset_back_y_mm"].setValue(-0.5)
    dialog.card_layout.setCurrentIndex(dialog.card_layout.findData("cr80"))
    out = tmp_path / "kalibrasi.pdf"
    save_to(monkeypatch, out)
    dialog.calibration_button.click()
    assert out.is_file() and opened == [out]
    assert dialog.calibration_message.text().startswith("Halaman kalibrasi ditulis ke")
    assert prefs.get(kecamatan_ctx, "card_offset_front_x_mm") == 1.5
    assert prefs.get(kecamatan_ctx, "card_offset_back_y_mm") == -0.5
    assert prefs.get(kecamatan_ctx, "card_layout") == "cr80"

    dialog.card_texts["card_back_death"].setPlainText("  Ahli waris datang ke\nkantor cabang. ")
    dialog.card_lines["card_dinas_contact"].setText("Disnakertrans Sijunjung · 0754-20001")
    dialog.full_nik.setChecked(True)
    dialog.card_lines["programme_title"].setText("")
    dialog.save()
    assert dialog.error.text() == "Kartu memerlukan judul program dan kabupaten."
    dialog.card_lines["programme_title"].setText("Program Perlindungan Pekerja Rentan")
    dialog.save()
    assert prefs.get(kecamatan_ctx, "card_back_death") == "Ahli waris datang ke kantor cabang."
    assert prefs.get(kecamatan_ctx, "card_dinas_contact") == "Disnakertrans Sijunjung · 0754-20001"
    assert prefs.get(kecamatan_ctx, "show_full_nik") is True
    assert prefs.get(kecamatan_ctx, "card_back_benefits") == ""


# --- the other areas' screens in the main window --------------------------------------------


def test_a_kabupaten_opens_on_its_dashboard_with_desk_and_bundle_screens(
    qtbot: QtBot,
    kabupaten_ctx: Context,
    make_session: MakeSession,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.ui import desk_views, sync_views
    from app.ui.screen import ScreenDialog

    shown: list[tuple[str, type]] = []
    monkeypatch.setattr(
        ScreenDialog,
        "ask",
        classmethod(lambda cls, title, view, parent: shown.append((title, type(view)))),
    )
    window = MainWindow(make_session(kabupaten_ctx, Role.OPERATOR, "ani"))
    qtbot.addWidget(window)
    assert window.tabs is not None and window.tabs.currentWidget() is window.dashboard
    # The window shows before the dashboard's figures are read; they fill in after.
    assert window.dashboard is not None and window.dashboard.data is None
    assert window.dashboard.participants_tile.value.text() == "–"
    window.show()
    qtbot.waitUntil(lambda: window.dashboard is not None and window.dashboard.data is not None)
    assert window.dashboard.participants_tile.value.text() == "0 / 1.333"
    assert [window.tabs.tabText(i) for i in range(2)] == ["&Dasbor", "Da&ftar peserta"]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Peserta", "&Kartu", "Pro&gram", "&Bundel", "&Administrasi"]
    actions = window.screen_actions
    assert set(actions) == {
        "years",
        "rates",
        "planner",
        "reports",
        "bpjs",
        "import",
        "offices",
        "conflicts",
    }
    assert not actions["years"].isEnabled() and not actions["conflicts"].isEnabled()
    for key in ("planner", "reports", "bpjs", "import"):
        actions[key].trigger()
    assert [t for _title, t in shown] == [
        desk_views.PlannerView,
        desk_views.ReportsView,
        desk_views.BpjsView,
        sync_views.ImportView,
    ]
    window._focus_search()
    assert window.tabs.currentIndex() == 1


def test_a_kecamatan_office_writes_bundles_and_has_no_desk(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui import sync_views
    from app.ui.screen import ScreenDialog

    shown: list[type] = []
    monkeypatch.setattr(
        ScreenDialog, "ask", classmethod(lambda cls, title, view, parent: shown.append(type(view)))
    )
    window = MainWindow(make_session(kecamatan_ctx, Role.OPERATOR, "ani"))
    qtbot.addWidget(window)
    assert window.tabs is None and window.dashboard is None
    assert set(window.screen_actions) == {"export", "import"}
    window.screen_actions["export"].trigger()
    assert shown == [sync_views.ExportView]


def test_a_screen_window_stays_open_while_its_task_runs(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QLabel

    from app.ui.screen import ScreenDialog

    dialog = ScreenDialog("Laporan", QLabel("x"))
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(tasks, "running", lambda: 1)
    dialog.reject()
    assert dialog.isVisible()
    monkeypatch.setattr(tasks, "running", lambda: 0)
    dialog.reject()
    assert not dialog.isVisible()


def test_the_calibration_dialog_turns_measured_lines_into_offsets(
    qtbot: QtBot, ctx: Context, make_session: MakeSession, opened: list[Path], tmp_path: Path
) -> None:
    from app.ui.cards_views import CalibrationDialog

    dialog = CalibrationDialog(make_session(ctx, Role.ADMIN, "admin"))
    qtbot.addWidget(dialog)
    front_a = dialog.measured[("front", "a")]
    assert front_a.value() == 10.0 and front_a.text() == "10,0 mm"  # the decimal comma
    dialog.print_page(tmp_path / "kalibrasi.pdf")
    assert opened == [tmp_path / "kalibrasi.pdf"]
    front_a.setValue(11.5)
    dialog.measured[("front", "b")].setValue(9.0)
    dialog.save()
    assert ctx.setting("card_offset_front_x_mm") == -1.5
    assert ctx.setting("card_offset_front_y_mm") == 1.0
    assert ctx.setting("card_offset_back_x_mm") == 0.0  # measured where it should be
    assert "depan x −1,5 mm, y +1,0 mm" in dialog.current.text()
    assert front_a.value() == 10.0  # ready for the next measurement
    clerk = CalibrationDialog(make_session(ctx, Role.OPERATOR, "ani"))
    qtbot.addWidget(clerk)
    assert not clerk.save_button.isEnabled()
