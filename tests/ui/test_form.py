"""The participant form driven through its widgets, as an operator or a supervisor would."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.domain.nik import make_nik
from app.domain.participant import Sex
from app.i18n import render
from app.services import participants
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store.repo import ListQuery
from app.ui.form import ParticipantForm
from app.ui.mainwindow import MainWindow
from app.ui.record import RecordDialog
from tests.actors import ADMIN
from tests.conftest import NAGARI_IN, MakeParticipant
from tests.ui.conftest import MakeSession, Messages

NIK = make_nik("130306", dt.date(1979, 5, 14), Sex.P, 42)


def open_form(qtbot: QtBot, session, record=None) -> ParticipantForm:
    """The form as the main window and the record view open it: a duplicate opens its record."""
    form = ParticipantForm(
        session, record, open_record=lambda reg: RecordDialog.ask(session, reg, form)
    )
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def fill(
    qtbot: QtBot,
    form: ParticipantForm,
    *,
    nik: str = NIK,
    name: str = "Rosmaniar Dt. Bungsu",
    birth_place: str = "Sijunjung",
    nagari: str = "Aia Amo",
    occupation: str = "petani",
) -> None:
    """Type like an operator: NIK first (it fills birth date and sex), then the rest."""
    qtbot.keyClicks(form.nik, nik)
    qtbot.keyClicks(form.name, name)
    qtbot.keyClicks(form.birth_place, birth_place)
    form.nagari.setEditText(nagari)  # typing shows the completer: see the picker's test
    form.occupation.setCurrentIndex(form.occupation.findData(occupation))
    form.income_default.click()  # the clerk takes the default income knowingly


def shown(label) -> str:
    return label.text() if label.isVisible() else ""


def test_a_valid_participant_is_saved_and_found_in_the_list(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession
) -> None:
    session = make_session(kecamatan_ctx, Role.OPERATOR, "ani")
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 0
    form = open_form(qtbot, session)
    fill(qtbot, form)
    # The NIK filled what it encodes.
    assert form.birth_date.text() == "14/05/1979"
    assert form.sex.currentData() == "P"
    assert "14/05/1979" in shown(form.nik_note)
    assert form.nagari.code() == NAGARI_IN  # "Aia Amo" is an alias of Aie Amo
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.result() == QDialog.DialogCode.Accepted
    assert form.saved_reg_no == "130306-A-000001"
    # The list refreshes itself from the change announcement.
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2000)
    line = window.model.row_at(0)
    assert line is not None and line.name == "Rosmaniar Dt. Bungsu"
    window.search.setText(NIK)
    window.apply_query()
    assert window.model.rowCount() == 1
    rec = participants.get(kecamatan_ctx, "130306-A-000001")
    assert (rec.nik, rec.sex, rec.birth_date) == (NIK, "P", dt.date(1979, 5, 14))
    assert rec.status == "draft" and rec.created_by == "ani"


# The offscreen platform cannot raise the completer's popup or let it grab the keyboard.
@pytest.mark.qt_log_ignore(
    r"This plugin does not support raise\(\)", "This plugin does not support grabbing the keyboard"
)
def test_the_nagari_picker_matches_aliases(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession
) -> None:
    form = open_form(qtbot, make_session(kecamatan_ctx))
    box = form.nagari
    # Only the install's kecamatan (Kamang Baru) is offered.
    codes = {box.itemData(i) for i in range(box.count())}
    villages = participants.villages_for(kecamatan_ctx)
    assert codes == {v.code for v in villages}
    box.setFocus()
    qtbot.keyClicks(box.lineEdit(), "aia am")
    completer = box.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    texts = [
        completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())
    ]
    assert "Aia Amo → Aie Amo" in texts
    completer.activated.emit("Aia Amo → Aie Amo")
    assert box.code() == NAGARI_IN
    assert box.currentText() == "Aie Amo"
    box.setEditText("nagari air amo")
    assert box.code() == NAGARI_IN
    box.setEditText("Tanjung Gadang")  # a nagari of another kecamatan
    assert box.code() is None


def test_enter_saves_and_escape_cancels(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession, messages: Messages
) -> None:
    session = make_session(kecamatan_ctx, Role.OPERATOR)
    form = open_form(qtbot, session)
    fill(qtbot, form)
    form.phone.setFocus()
    qtbot.keyClicks(form.phone, "081234567890")
    qtbot.keyClick(form.phone, Qt.Key.Key_Return)
    assert form.result() == QDialog.DialogCode.Accepted
    assert participants.count(kecamatan_ctx) == 1

    form2 = open_form(qtbot, session)
    qtbot.keyClicks(form2.name, "Batal")
    qtbot.keyClick(form2.name, Qt.Key.Key_Escape)
    assert form2.result() == QDialog.DialogCode.Rejected
    assert participants.count(kecamatan_ctx) == 1
    assert messages.questions  # the typed name was not thrown away without asking


def test_a_changed_form_asks_before_it_is_thrown_away(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession, messages: Messages
) -> None:
    session = make_session(kecamatan_ctx, Role.OPERATOR)
    untouched = open_form(qtbot, session)
    qtbot.keyClick(untouched.name, Qt.Key.Key_Escape)
    assert not untouched.isVisible() and messages.questions == []
    form = open_form(qtbot, session)
    fill(qtbot, form)
    messages.answer = False  # "No, keep it"
    try:
        qtbot.keyClick(form.name, Qt.Key.Key_Escape)
        assert form.isVisible() and form.name.text() == "Rosmaniar Dt. Bungsu"
        form.buttons.rejected.emit()  # Batal
        assert form.isVisible()
        form.close()  # the window's close button
        assert form.isVisible()
        assert len(messages.questions) == 3 and "Buang" in messages.questions[0]
    finally:
        messages.answer = True
    form.reject()
    assert not form.isVisible() and participants.count(kecamatan_ctx) == 0


def test_the_income_is_a_default_the_clerk_confirms(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession
) -> None:
    form = open_form(qtbot, make_session(kecamatan_ctx, Role.OPERATOR))
    fill(qtbot, form)
    form.income.setValue(0)  # as the form opens: nothing given yet
    assert form.income.text() == "belum diisi"
    form.save()
    assert participants.count(kecamatan_ctx) == 0
    assert "Rp1.000.000" in shown(form.messages["income"])
    form.income_default.click()
    assert shown(form.messages["income"]) == ""
    assert not form.income_default.isVisible()
    form.save()
    assert participants.get(kecamatan_ctx, "130306-A-000001").income == 1_000_000


def test_a_required_error_goes_once_the_field_is_chosen(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession
) -> None:
    form = open_form(qtbot, make_session(kecamatan_ctx, Role.OPERATOR))
    form.save()
    required = render("field.required")
    assert shown(form.messages["sex"]) == required
    assert shown(form.messages["occupation"]) == required
    form.sex.setCurrentIndex(form.sex.findData("P"))
    form.sex.activated.emit(form.sex.currentIndex())  # as a click in the list does
    assert shown(form.messages["sex"]) == ""
    form.occupation.setCurrentIndex(form.occupation.findData("petani"))
    form.occupation.activated.emit(form.occupation.currentIndex())
    assert shown(form.messages["occupation"]) == ""


def test_tab_order_follows_the_ktp(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession
) -> None:
    form = open_form(qtbot, make_session(kecamatan_ctx))
    order = [form.nik, form.name, form.birth_place, form.birth_date, form.sex, form.address]
    for a, b in itertools.pairwise(order):
        following = a.nextInFocusChain()
        assert following is not None
        assert following is b or b.isAncestorOf(following)


@pytest.mark.parametrize(
    ("nik", "code", "params"),
    [
        ("130306470880001", "nik.length", {"count": 15}),
        ("13030647088000A1", "nik.not_digits", {}),
        ("1303063002800001", "nik.date", {"text": "300280"}),
        ("9903064708800001", "nik.province", {"code": "99"}),
    ],
)
def test_a_bad_nik_shows_its_message_beside_the_field_and_saves_nothing(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    nik: str,
    code: str,
    params: dict[str, object],
) -> None:
    form = open_form(qtbot, make_session(kecamatan_ctx))
    fill(qtbot, form, nik=nik)
    form.birth_date.set_date_value(dt.date(1980, 8, 7))
    form.sex.setCurrentIndex(form.sex.findData("P"))
    form.save()  # the Save button's slot, called directly so that a bug fails here
    assert form.result() != QDialog.DialogCode.Accepted
    assert render(code, **params) in shown(form.messages["nik"])
    for key in ("name", "birth_date", "sex", "nagari"):
        assert shown(form.messages[key]) == ""
    assert participants.count(kecamatan_ctx) == 0
    assert form.focusWidget() is form.nik


def test_missing_fields_are_marked_each_beside_its_field(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession
) -> None:
    form = open_form(qtbot, make_session(kecamatan_ctx))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    required = render("field.required")
    for key in ("name", "birth_place", "birth_date", "sex", "nagari", "occupation"):
        assert required in shown(form.messages[key]), key
    assert shown(form.messages["nik"])  # an empty NIK is not a NIK
    form.nagari.setEditText("Muaro")  # a nagari of another kecamatan
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert render("nagari.outside", nagari="Muaro") in shown(form.messages["nagari"])
    assert participants.count(kecamatan_ctx) == 0


def test_a_duplicate_nik_is_refused_and_links_to_the_record(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    make_participant: MakeParticipant,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = participants.register(kecamatan_ctx, ADMIN, make_participant())
    rec = participants.get(kecamatan_ctx, first.reg_no)
    form = open_form(qtbot, make_session(kecamatan_ctx, Role.OPERATOR))
    fill(qtbot, form, nik=rec.nik, name="Orang Lain")
    # Marked while typing, before saving.
    assert rec.reg_no in shown(form.messages["nik"])
    assert form.duplicate_button.isVisible()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.result() != QDialog.DialogCode.Accepted
    assert participants.count(kecamatan_ctx) == 1
    assert rec.reg_no in shown(form.messages["nik"])
    opened: list[str] = []
    monkeypatch.setattr(
        RecordDialog, "ask", classmethod(lambda cls, s, reg, p=None: opened.append(reg))
    )
    qtbot.mouseClick(form.duplicate_button, Qt.MouseButton.LeftButton)
    assert opened == [rec.reg_no]


def test_a_typed_birth_date_that_disagrees_with_the_nik_is_marked(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession
) -> None:
    form = open_form(qtbot, make_session(kecamatan_ctx))
    qtbot.keyClicks(form.birth_date, "01021980")
    form.sex.setCurrentIndex(form.sex.findData("L"))
    form._sex_chosen_by_user(form.sex.currentIndex())
    qtbot.keyClicks(form.nik, NIK)
    assert form.birth_date.text() == "01/02/1980"  # what was typed is kept
    assert "14/05/1979" in shown(form.messages["birth_date"])
    assert shown(form.messages["sex"])  # the NIK says P, L was chosen


def test_a_supervisor_override_is_recorded(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession
) -> None:
    young = make_nik("130306", dt.date(2010, 3, 4), Sex.P, 31)
    form = open_form(qtbot, make_session(kecamatan_ctx, Role.SUPERVISOR, "rina"))
    fill(qtbot, form, nik=young, name="Yusnita")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.result() != QDialog.DialogCode.Accepted
    assert "di luar batas" in shown(form.messages["birth_date"])
    assert form.override_box.isVisible() and form.override_reason.isEnabled()
    assert participants.count(kecamatan_ctx) == 0
    qtbot.keyClicks(form.override_reason, "Garin masjid, disetujui camat")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.result() == QDialog.DialogCode.Accepted
    rec = participants.get(kecamatan_ctx, str(form.saved_reg_no))
    assert rec.override_reason == "Garin masjid, disetujui camat"
    history = participants.history(kecamatan_ctx, rec.uuid)
    assert history[0].actor == "rina"
    assert history[0].reason == "Garin masjid, disetujui camat"
    assert "age.outside" in history[0].changes


def test_an_operator_cannot_override(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession
) -> None:
    young = make_nik("130306", dt.date(2010, 3, 4), Sex.P, 31)
    form = open_form(qtbot, make_session(kecamatan_ctx, Role.OPERATOR, "ani"))
    fill(qtbot, form, nik=young, name="Yusnita")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.override_box.isVisible()
    assert not form.override_reason.isEnabled()
    assert shown(form.override_note) == render("override.reason_role")
    # Even a reason smuggled into the field is refused by the service.
    form.override_reason.setEnabled(True)
    form.override_reason.setText("saya sendiri")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.result() != QDialog.DialogCode.Accepted
    assert shown(form.override_error) == render("override.reason_role")
    assert participants.count(kecamatan_ctx) == 0


def test_edit_keeps_history(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    make_participant: MakeParticipant,
) -> None:
    reg = participants.register(kecamatan_ctx, ADMIN, make_participant())
    rec = participants.get(kecamatan_ctx, reg.reg_no)
    form = open_form(qtbot, make_session(kecamatan_ctx, Role.OPERATOR, "ani"), rec)
    assert form.nik.text() == rec.nik and form.nagari.code() == rec.nagari_code
    assert form.windowTitle() == f"Ubah data peserta {rec.reg_no}"
    form.phone.clear()
    qtbot.keyClicks(form.phone, "081299998888")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.result() == QDialog.DialogCode.Accepted
    after = participants.get(kecamatan_ctx, rec.reg_no)
    assert after.phone == "081299998888"
    last = participants.history(kecamatan_ctx, rec.uuid)[-1]
    assert last.action == "edit" and last.actor == "ani" and "081299998888" in last.changes
    assert participants.search(kecamatan_ctx, ListQuery()) == [rec.id]


def test_the_form_warns_of_a_coverage_year_without_programme_year(
    qtbot: QtBot, kecamatan_ctx: Context, make_session: MakeSession
) -> None:
    form = open_form(qtbot, make_session(kecamatan_ctx, Role.OPERATOR))
    # Today's coverage start falls in a year that has no programme year (only 2022).
    this_year = dt.date.today().year
    assert form.year_bar.isVisible() and str(this_year) in form.year_bar.text.text()
    assert not form.year_bar.create_button.isVisible()  # an operator asks a supervisor
    form.coverage_start.set_date_value(dt.date(2022, 4, 1))
    assert not form.year_bar.isVisible()


def test_a_save_over_someone_elses_newer_save_shows_both_and_keeps_what_was_typed(
    qtbot: QtBot,
    kecamatan_ctx: Context,
    make_session: MakeSession,
    make_participant: MakeParticipant,
) -> None:
    reg = participants.register(kecamatan_ctx, ADMIN, make_participant()).reg_no
    rec = participants.get(kecamatan_ctx, reg)
    form = open_form(qtbot, make_session(kecamatan_ctx, Role.OPERATOR, "ani"), rec)
    # While Ani's form is open, Budi saves a new phone number.
    budi = Actor("budi", Role.SUPERVISOR)
    participants.edit(kecamatan_ctx, budi, reg, make_participant(phone="081211112222"))
    form.name.clear()
    qtbot.keyClicks(form.name, "Yusnimar Wati Putri")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    # Refused: nothing of Ani's is saved, what she typed is still there, both sides shown.
    assert form.result() != QDialog.DialogCode.Accepted and form.isVisible()
    assert participants.get(kecamatan_ctx, reg).name == "Yusnimar Wati"
    assert form.name.text() == "Yusnimar Wati Putri"
    assert form.conflict_box.isVisible()
    assert "sudah disimpan oleh budi" in shown(form.general)
    table = form.conflict_table.text()
    assert "Disimpan oleh budi" in table and "Milik Anda (belum disimpan)" in table
    assert "<td>Nama</td><td>Yusnimar Wati</td><td><b>Yusnimar Wati Putri</b></td>" in table
    assert "<td>No. HP</td><td>081211112222</td><td><b>—</b></td>" in table
    # Taking their version: Budi's phone comes in, Ani's name stays; then the save goes on
    # top of Budi's revision and keeps both.
    qtbot.mouseClick(form.conflict_merge, Qt.MouseButton.LeftButton)
    assert not form.conflict_box.isVisible()
    assert form.phone.text() == "081211112222" and form.name.text() == "Yusnimar Wati Putri"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.result() == QDialog.DialogCode.Accepted
    after = participants.get(kecamatan_ctx, reg)
    assert (after.name, after.phone, after.revision) == ("Yusnimar Wati Putri", "081211112222", 3)
