"""The import dialog on a messy spreadsheet built here: verdict per row, import, refused rows,
column mapping, cancel."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from app.domain.nik import make_nik
from app.domain.participant import Sex
from app.i18n import render
from app.services import importer, participants, spreadsheet
from app.services.actor import Role
from app.services.context import Context
from app.ui import common, tasks
from app.ui.import_tools import SpellingsDialog, TemplateDialog
from app.ui.importer import ImportDialog
from tests.actors import ADMIN
from tests.conftest import MakeParticipant
from tests.ui.conftest import MakeSession

HEADERS = [
    "No",
    "NIK",
    "Nama Lengkap",
    "Tempat Lahir",
    "Tgl. Lahir",
    "L/P",
    "Alamat",
    "Jorong",
    "Nagari",
    "Pekerjaan",
    "No HP",
]


def nik(day: dt.date, sex: Sex, serial: int) -> str:
    return make_nik("130306", day, sex, serial)


GOOD = nik(dt.date(1975, 3, 12), Sex.L, 21)
SERIAL_DAY = dt.date(1982, 7, 1)  # written as an Excel serial number below
EXCEL_SERIAL = (SERIAL_DAY - dt.date(1899, 12, 30)).days


def messy_workbook(path: Path, registered_nik: str) -> dict[int, str]:
    """A nagari's sheet as they arrive; returns the expected verdict per spreadsheet row."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["DAFTAR CALON PESERTA NAGARI AIE AMO"])  # a title above the header
    ws.append(HEADERS)
    rows: list[tuple[list[object], str]] = [
        # 3: clean → new (phone lost its leading 0 as a number)
        ([1, GOOD, "  Syafrizal   Dt. Rajo ", "Sijunjung", "12/03/1975", "L", "Jl. Lintas",
          "Koto", "Aia Amo", "Tani", 81234567890], "new"),
        # 4: NIK stored by Excel as a number → refused, tell them to use text
        ([2, 1303061203750022, "Zulkifli", "Muaro", "01-01-1980", "laki-laki", "", "",
          "Aie Amo", "Ojek", ""], "refused"),
        # 5: the same NIK as row 3 again → duplicate within the file
        ([3, GOOD, "Syafrizal", "Sijunjung", "12/03/1975", "L", "", "", "AIE AMO",
          "Petani", ""], "duplicate"),
        # 6: already registered → duplicate
        ([4, registered_nik, "Yusnimar", "Sijunjung", "07/08/1980", "P", "", "", "Aie Amo",
          "petani", ""], "duplicate"),
        # 7: a nagari of another kecamatan → refused
        ([5, nik(dt.date(1990, 2, 2), Sex.L, 24), "Hendri", "Sijunjung", "2/2/1990", "L", "",
          "", "Muaro", "Nelayan", ""], "refused"),
        # 8: fifteen digits → refused
        ([6, "130306450770001", "Rosmaniar", "Sijunjung", "05/07/1970", "P", "", "",
          "Aie Amo", "Petani", ""], "refused"),
        # 9: apostrophe NIK, Excel serial date, PEREMPUAN, PKL → new
        ([7, "'" + nik(SERIAL_DAY, Sex.P, 25), "Nurhayati", "Kamang", EXCEL_SERIAL,
          "PEREMPUAN", "", "", "nagari aia amo", "PKL", "'0812 3456 789"], "new"),
        # 10: sex disagrees with the NIK → refused (only a supervisor, in the form, overrides)
        ([8, nik(dt.date(1985, 1, 9), Sex.P, 26), "Elvi", "Sijunjung", "09/01/1985", "L", "",
          "", "Aie Amo", "Petani", ""], "refused"),
    ]  # fmt: skip
    expected: dict[int, str] = {}
    for i, (row, verdict) in enumerate(rows):
        ws.append(row)
        expected[3 + i] = verdict
    ws.append([])  # empty trailing rows
    ws.append([None, None, None])
    wb.save(path)
    return expected


@pytest.fixture
def registered(kecamatan_ctx: Context, make_participant: MakeParticipant) -> str:
    reg = participants.register(kecamatan_ctx, ADMIN, make_participant())
    return participants.get(kecamatan_ctx, reg.reg_no).nik


def open_dialog(qtbot: QtBot, ctx: Context, make_session: MakeSession) -> ImportDialog:
    dialog = ImportDialog(make_session(ctx, Role.OPERATOR, "ani"))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def wait_idle(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    qtbot.waitUntil(lambda: tasks.running() == 0, timeout=5_000)  # threads really ended


def test_the_preview_of_a_messy_sheet_gives_each_row_its_verdict(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    registered: str,
    tmp_path: Path,
) -> None:
    sheet = tmp_path / "nagari.xlsx"
    expected = messy_workbook(sheet, registered)
    dialog = open_dialog(qtbot, kecamatan_ctx, make_session)
    dialog.load(sheet)
    assert dialog.busy and not dialog.close_button.isEnabled()
    wait_idle(qtbot, dialog)
    model = dialog.model
    got = {int(model.index(r, 0).data()): model.verdict_at(r) for r in range(model.rowCount())}
    assert got == expected
    reasons = {int(model.index(r, 0).data()): model.index(r, 4).data() for r in range(8)}
    assert render("import.nik_number") in reasons[4]
    assert render("import.repeated", line=3) in reasons[5]
    assert "130306-A-000001" in reasons[6]
    assert "Muaro" in reasons[7]
    assert render("nik.length", count=15) in reasons[8]
    assert model.index(0, 1).data() == "Baru"
    assert dialog.summary.text() == "2 baru, 2 ganda, 4 ditolak"
    assert dialog.import_button.isEnabled() and dialog.save_refused_button.isEnabled()
    # The rows start this year, which has no programme year yet (only 2022): it says so.
    this_year = str(dt.date.today().year)
    assert dialog.year_bar.isVisibleTo(dialog) and this_year in dialog.year_bar.text.text()
    assert dialog.import_button.text() == "&Impor 2 baris baru"
    assert dialog.detail.text().startswith("Baris 4: Ditolak — ")  # the first row not new
    assert dialog.mapping["nik"].currentText() == "NIK"
    assert dialog.mapping["address"].currentText() == "Alamat"
    assert participants.count(kecamatan_ctx) == 1  # a preview saves nothing

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert dialog.imported is not None and dialog.imported.new == 2
    assert participants.count(kecamatan_ctx) == 3
    assert "Diimpor 2 peserta baru" in dialog.message.text()
    assert not dialog.import_button.isEnabled()
    reg_nos = dialog.imported.reg_nos
    first = participants.get(kecamatan_ctx, reg_nos[0])
    assert first.name == "Syafrizal Dt. Rajo" and first.phone == "081234567890"
    second = participants.get(kecamatan_ctx, reg_nos[1])
    assert second.birth_date == SERIAL_DAY and second.occupation == "pedagang-kaki-lima"

    # The same file again adds nothing.
    again = open_dialog(qtbot, kecamatan_ctx, make_session)
    again.load(sheet)
    wait_idle(qtbot, again)
    assert again.preview is not None and again.preview.count("new") == 0
    assert not again.import_button.isEnabled()


def test_refused_rows_are_saved_with_their_reasons(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    registered: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sheet = tmp_path / "nagari.xlsx"
    messy_workbook(sheet, registered)
    dialog = open_dialog(qtbot, kecamatan_ctx, make_session)
    dialog.load(sheet)
    wait_idle(qtbot, dialog)
    out = tmp_path / "ditolak.xlsx"
    monkeypatch.setattr(common, "save_file", lambda *a: str(out))
    dialog.save_refused()
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 4
    assert rows[0][-2:] == ("Baris", "Alasan")
    assert rows[1][1] is None or rows[1][-1]  # the reason is written beside the row
    assert "4 baris yang ditolak disimpan" in dialog.message.text()


def test_a_column_the_guess_missed_can_be_mapped(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession, tmp_path: Path
) -> None:
    sheet = tmp_path / "aneh.csv"
    sheet.write_text(
        "NIK;Nama;Kota Kelahiran;Tanggal Lahir;Jenis Kelamin;Nagari;Pekerjaan\n"
        f"{GOOD};Syafrizal;Sijunjung;12/03/1975;L;Aie Amo;Petani\n",
        encoding="utf-8-sig",
    )
    dialog = open_dialog(qtbot, kecamatan_ctx, make_session)
    dialog.load(sheet)
    wait_idle(qtbot, dialog)
    assert dialog.model.verdict_at(0) == "refused"
    assert dialog.mapping["birth_place"].currentText() == "(tidak ada)"
    combo = dialog.mapping["birth_place"]
    combo.setCurrentIndex(combo.findText("Kota Kelahiran"))
    dialog.run_preview()
    wait_idle(qtbot, dialog)
    assert dialog.model.verdict_at(0) == "new"


def test_an_unreadable_file_is_refused_with_its_reason(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession, tmp_path: Path
) -> None:
    bad = tmp_path / "bukan.xlsx"
    bad.write_bytes(b"this is not a zip")
    dialog = open_dialog(qtbot, kecamatan_ctx, make_session)
    dialog.load(bad)
    wait_idle(qtbot, dialog)
    assert dialog.message.text() == render("sheet.unreadable", name="bukan.xlsx")
    assert not dialog.import_button.isEnabled()
    assert dialog.close_button.isEnabled()


def test_a_long_preview_can_be_cancelled(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sheet = tmp_path / "besar.csv"
    lines = ["NIK;Nama;Tempat Lahir;Tanggal Lahir;L/P;Nagari;Pekerjaan"]
    for i in range(1, 1001):
        lines.append(f"{nik(dt.date(1980, 1, 1), Sex.L, i)};Orang {i};Sijunjung;;L;Aie Amo;Petani")
    sheet.write_text("\n".join(lines), encoding="utf-8")
    release = threading.Event()
    real = spreadsheet.open_book

    def slow_read(path: Path) -> spreadsheet.Book:
        release.wait(10)
        return real(path)

    monkeypatch.setattr(importer, "open_book", slow_read)
    dialog = open_dialog(qtbot, kecamatan_ctx, make_session)
    dialog.load(sheet)
    assert dialog.cancel_button.isVisible() and dialog.progress.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    wait_idle(qtbot, dialog)
    assert dialog.message.text() == render("import.cancelled")
    assert dialog.preview is None
    assert not dialog.progress.isVisible()
    assert participants.count(kecamatan_ctx) == 0


SUGGEST_HEAD = ["No", "NIK", "Nama", "Tempat Lahir", "L/P", "Nagari", "Pekerjaan", "No. HP/WA"]


def suggestion_sheet(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Daftar"
    ws.append(["DAFTAR CALON PESERTA JAMSOSTEK NAGARI SUNGAI LANSEK"])
    ws.append(SUGGEST_HEAD)
    people = [
        ("Sei Lansek", "Syafrizal"),
        ("Sei Lansek", "Yusnimar"),
        ("Tj. Kaliang", "Hendri"),
        ("Sungai Lansek", "Nurhayati"),
        ("Padang Taruak", "Elvi"),
        ("Sei Lansek", "Zulkifli"),
    ]
    for i, (nagari, name) in enumerate(people, start=1):
        ws.append(
            [
                i,
                nik(dt.date(1980, 1, i), Sex.L, 30 + i),
                name,
                "Sijunjung",
                "L",
                nagari,
                "Petani",
                "081234567",
            ]
        )
    ws.append([])
    ws.append(["", "JUMLAH", "6 orang"])
    ws.append([])
    ws.append(["", "", "", "Mengetahui, Wali Nagari Sungai Lansek"])
    wb.save(path)
    return path


def test_nagari_suggestions_are_accepted_per_row_or_per_spelling_and_learned(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = ImportDialog(make_session(kecamatan_ctx, Role.SUPERVISOR, "sri"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(suggestion_sheet(tmp_path / "saran.xlsx"))
    wait_idle(qtbot, dialog)
    model = dialog.model
    got = {int(model.index(r, 0).data()): model.verdict_at(r) for r in range(model.rowCount())}
    assert got == {
        3: "refused",
        4: "refused",
        5: "refused",
        6: "new",
        7: "refused",
        8: "refused",
        9: "skipped",  # a single blank row
        10: "skipped",  # JUMLAH
        12: "skipped",
    }
    assert "maksudnya Sungai Lansek?" in model.index(0, 4).data()
    assert "Lembar yang dibaca: Daftar" in dialog.file_info.text()
    # The first row not new is selected: its suggestion is offered.
    assert dialog.accept_row_button.isVisible() and dialog.accept_all_button.isVisible()
    assert "(3)" in dialog.accept_all_button.text()
    qtbot.mouseClick(dialog.accept_row_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.count("new") == 2
    row4 = next(i for i in range(dialog.model.rowCount()) if dialog.model.index(i, 0).data() == 4)
    dialog.table.setCurrentIndex(dialog.model.index(row4, 0))
    qtbot.mouseClick(dialog.accept_all_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert dialog.preview.count("new") == 4  # rows 4 and 8 spelled the same
    assert participants.count(kecamatan_ctx) == 0  # nothing saved before "Import"
    dialog.grab().save(str(tmp_path / "import-suggestions.png"))
    assert dialog.learn_button.isVisible()
    qtbot.mouseClick(dialog.learn_button, Qt.MouseButton.LeftButton)
    assert importer.learned_aliases(kecamatan_ctx) == {"sei lansek": "13.03.06.2001"}
    # The supervisor opens the learned spellings from the dialog and looks at them.
    seen: list[int] = []

    def look(box: SpellingsDialog) -> int:
        seen.append(box.page.table.rowCount())
        box.grab().save(str(tmp_path / "learned-spellings.png"))
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(SpellingsDialog, "exec", look)
    assert dialog.spellings_button.isVisible()
    qtbot.mouseClick(dialog.spellings_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert seen == [1]

    from app.ui.admin import SettingsDialog

    settings_dialog = SettingsDialog(make_session(kecamatan_ctx, Role.ADMIN, "adm"))
    qtbot.addWidget(settings_dialog)
    table = settings_dialog.findChild(QTableWidget, "learned_spellings")
    assert table is not None and table.rowCount() == 1
    item = table.item(0, 1)
    assert item is not None and item.text() == "Sungai Lansek"
    # A spelling learned by mistake is forgotten from the list.
    forget = settings_dialog.findChild(QPushButton, "forget_spellings")
    assert forget is not None and not forget.isEnabled()
    table.selectRow(0)
    assert forget.isEnabled()
    qtbot.mouseClick(forget, Qt.MouseButton.LeftButton)
    assert importer.learned_aliases(kecamatan_ctx) == {}
    assert table.rowCount() == 0


def test_an_operator_cannot_keep_spellings(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, kecamatan_ctx, make_session)
    dialog.load(suggestion_sheet(tmp_path / "saran.xlsx"))
    wait_idle(qtbot, dialog)
    qtbot.mouseClick(dialog.accept_all_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.count("new") == 4
    assert not dialog.learn_button.isVisible()
    assert not dialog.spellings_button.isVisible()  # listing is open to supervisors


def test_a_workbook_with_two_lists_asks_for_the_sheet(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession, tmp_path: Path
) -> None:
    wb = Workbook()
    first = wb.active
    assert first is not None
    first.title = "Jorong Koto"
    first.append(SUGGEST_HEAD)
    first.append([1, GOOD, "Syafrizal", "Sijunjung", "L", "Aie Amo", "Petani", ""])
    second = wb.create_sheet("Jorong Baru")
    second.append(SUGGEST_HEAD)
    second.append(
        [1, nik(dt.date(1970, 1, 1), Sex.L, 3), "Hendri", "Sijunjung", "L", "Aie Amo", "Petani", ""]
    )
    second.append(
        [2, nik(dt.date(1970, 1, 1), Sex.L, 4), "Zul", "Sijunjung", "L", "Aie Amo", "Petani", ""]
    )
    path = tmp_path / "dua.xlsx"
    wb.save(path)
    dialog = open_dialog(qtbot, kecamatan_ctx, make_session)
    dialog.load(path)
    wait_idle(qtbot, dialog)
    assert dialog.preview is None and dialog.sheet_combo.isVisible()
    assert [dialog.sheet_combo.itemText(i) for i in range(2)] == ["Jorong Koto", "Jorong Baru"]
    dialog.sheet_combo.setCurrentIndex(1)
    dialog.sheet_combo.activated.emit(1)
    wait_idle(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.sheet == "Jorong Baru"
    assert dialog.preview.count("new") == 2


def test_the_template_button_asks_for_the_nagari_and_writes_the_template(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def save_file(_parent: object, _title: str, suggested: str, _filters: str) -> str:
        asked.append(suggested)
        return str(tmp_path / suggested)

    monkeypatch.setattr(common, "save_file", save_file)
    choices = iter(["Aie Amo", None, "cancel"])

    def choose(box: TemplateDialog) -> int:
        choice = next(choices)
        if choice == "cancel":
            return int(QDialog.DialogCode.Rejected)
        box.grab().save(str(tmp_path / "template-nagari.png"))
        box.nagari.setCurrentIndex(box.nagari.findText(choice) if choice else 0)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(TemplateDialog, "exec", choose)
    dialog = open_dialog(qtbot, kecamatan_ctx, make_session)
    # One nagari: its name on every prepared row, the file named after it.
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    assert asked == ["daftar-aie-amo.xlsx"]
    one = load_workbook(tmp_path / asked[0])
    assert one.active.title == "Daftar" and one["Daftar"]["I2"].value == "Aie Amo"
    assert str(tmp_path / asked[0]) in dialog.message.text()
    # Every nagari: the rows choose from the list.
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    assert asked[1] == "daftar.xlsx"
    assert load_workbook(tmp_path / asked[1])["Daftar"]["I2"].value is None
    # Cancelled: no file is asked for.
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2


def test_at_the_kabupaten_the_dialog_asks_for_the_kecamatan(
    qtbot: QtBot, kabupaten_ctx: Context, make_session: MakeSession, tmp_path: Path
) -> None:
    dialog = ImportDialog(make_session(kabupaten_ctx, Role.OPERATOR, "ani"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.kecamatan_combo.isVisible()
    dialog.load(suggestion_sheet(tmp_path / "kab.xlsx"))
    wait_idle(qtbot, dialog)
    assert dialog.preview is None
    assert dialog.message.text() == render("import.kecamatan_needed")
    dialog.kecamatan_combo.setCurrentIndex(dialog.kecamatan_combo.findText("Kamang Baru"))
    dialog.kecamatan_combo.activated.emit(dialog.kecamatan_combo.currentIndex())
    wait_idle(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.count("new") == 1
