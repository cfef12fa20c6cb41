"""Sync screens, headless: export to a stick, import with a preview, confirm an office's
fingerprint in the ledger, and resolve conflicts side by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.services import participants, trust
from app.services.sync import conflicts
from app.ui import sync_views
from app.ui.sync_views import (
    ConfirmDialog,
    ConflictsView,
    DrivePicker,
    ExportView,
    ImportView,
    OfficesView,
)
from tests.actors import ADMIN
from tests.conftest import MakeCtx
from tests.integration.sync_world import KEC_B, World, person, record
from tests.ui.conftest import Messages

WAIT = 30_000


def test_removable_drives_are_folders() -> None:
    assert all(isinstance(p, Path) for p in sync_views.removable_drives())


def test_drive_picker_offers_drives_and_other_folders(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "STICK"
    stick.mkdir()
    monkeypatch.setattr(sync_views, "removable_drives", lambda: [stick])
    picker = DrivePicker()
    qtbot.addWidget(picker)
    assert picker.folder() == stick
    picker.set_folder(tmp_path)
    assert picker.folder() == tmp_path


def test_export_import_confirm_and_receipt(qtbot: QtBot, make_ctx: MakeCtx, tmp_path: Path) -> None:
    w = World.make(make_ctx, tmp_path)
    w.register(w.a, person(1), person(2))

    export = ExportView(w.a, ADMIN)
    qtbot.addWidget(export)
    assert "130306-A" in export.identity.text()
    assert export.export_button.isEnabled()
    export.drives.set_folder(w.usb)
    export.export()
    qtbot.waitUntil(lambda: export.last is not None, timeout=WAIT)
    assert export.last is not None and export.last.path.exists()
    assert "#1" in export.result.text()

    # At the kabupaten: the preview says it will be held until the key is confirmed.
    view = ImportView(w.kab, ADMIN)
    qtbot.addWidget(view)
    view.set_file(export.last.path)
    view.run_preview()
    qtbot.waitUntil(lambda: view.preview is not None, timeout=WAIT)
    assert view.preview is not None and view.preview.held
    assert trust.whoami(w.a).fingerprint in view.summary.text()
    view.run_import()
    qtbot.waitUntil(lambda: view.result is not None, timeout=WAIT)

    # The ledger: confirm with the fingerprint read out by the office; held bundles merge.
    offices = OfficesView(w.kab, ADMIN)
    qtbot.addWidget(offices)
    offices.select("130306-A")
    office = offices.selected()
    assert office is not None and not office.confirmed and office.held == [1]
    assert offices.confirm_button.isEnabled()
    dialog = ConfirmDialog(office)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.typed.setText("0000")
    assert not ok.isEnabled()
    dialog.typed.setText(trust.whoami(w.a).fingerprint.lower().replace("-", " "))
    assert ok.isEnabled()
    # The held bundle merges on confirming: the dialog asks where its receipt goes.
    assert dialog.receipt_dir is not None
    dialog.receipt_dir.set_folder(w.usb)
    assert dialog.receipt_folder() == w.usb
    offices.confirm_office(dialog.fingerprint(), dialog.receipt_folder())
    qtbot.waitUntil(
        lambda: not offices.runner.busy and "130306-A" in _confirmed(offices), timeout=WAIT
    )
    assert participants.count(w.kab) == 2
    receipts = sorted(w.usb.glob("*.lreceipt"))
    assert receipts

    # The office imports the receipt in the same screen.
    back = ImportView(w.a, ADMIN)
    qtbot.addWidget(back)
    back.set_file(receipts[-1])
    back.run_import()
    qtbot.waitUntil(lambda: back.result is not None, timeout=WAIT)
    assert back.result is not None and back.result.counts["accepted"] == 2
    assert back.table.rowCount() == 2


def _confirmed(view: OfficesView) -> str:
    return " ".join(o.install_code for o in view.rows if o.confirmed)


def test_preview_table_and_import(qtbot: QtBot, make_ctx: MakeCtx, tmp_path: Path) -> None:
    w = World.make(make_ctx, tmp_path, confirm=True)
    w.register(w.a, person(1), person(2), person(3))
    path = w.export(w.a)
    view = ImportView(w.kab, ADMIN)
    qtbot.addWidget(view)
    view.set_file(path)
    view.run_preview()
    qtbot.waitUntil(lambda: view.preview is not None, timeout=WAIT)
    assert view.table.rowCount() == 3
    assert participants.count(w.kab) == 0
    assert view.import_button.isEnabled()
    view.run_import()
    qtbot.waitUntil(lambda: view.result is not None, timeout=WAIT)
    assert participants.count(w.kab) == 3
    assert view.result is not None and view.result.receipt is not None
    assert view.result.receipt.parent == w.usb


def test_conflicts_side_by_side(qtbot: QtBot, make_ctx: MakeCtx, tmp_path: Path) -> None:
    w = World.make(make_ctx, tmp_path, confirm=True)
    reg_a = w.register(w.a, person(7, name="Rosmaniar"))[0]
    nik = record(w.a, reg_a).nik
    w.sync(w.a)
    w.register(w.b, person(7, kecamatan=KEC_B, nik=nik, name="Rosmaniar"))
    w.sync(w.b)
    edited = w.register(w.a, person(8, name="Nelmawati"))[0]
    w.sync(w.a)
    participants.edit(w.kab, ADMIN, edited, person(8, name="Nelmawati Kab"))
    participants.edit(w.a, ADMIN, edited, person(8, name="Nelmawati Kec"))
    w.sync(w.a)

    view = ConflictsView(w.kab, ADMIN)
    qtbot.addWidget(view)
    assert view.list.count() == 2
    first = view.current()
    assert first is not None and first.kind == "duplicate"
    assert view.moved_a.isVisibleTo(view) and not view.take_fields.isVisibleTo(view)
    view.decide(moved_to="B")
    assert view.list.count() == 1
    edit = view.current()
    assert edit is not None and edit.kind == "edit"
    assert "name" in view.choices
    view.choose("name", "B")
    view.decide_fields()
    assert view.list.count() == 0
    assert conflicts.list_conflicts(w.kab) == []
    assert record(w.kab, edited).name == "Nelmawati Kec"
    assert record(w.kab, reg_a).status_reason == "moved"


def test_enrolment_from_the_export_screen(
    qtbot: QtBot, make_ctx: MakeCtx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kab = make_ctx("kabupaten")
    office = make_ctx("kecamatan")
    view = ExportView(office, ADMIN)
    qtbot.addWidget(view)
    assert not view.export_button.isEnabled()
    # Not enrolled yet: enrolling is the next useful step, and it stands out.
    assert view.enrol_button.isDefault() and "bold" in view.enrol_button.styleSheet()
    written = trust.write_enrolment(kab, ADMIN, "13.03.06", "A", tmp_path)
    mp = pytest.MonkeyPatch()
    mp.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(written.path), ""))
    try:
        view._enrol()
    finally:
        mp.undo()
    assert view.export_button.isEnabled()
    assert trust.whoami(kab).fingerprint in view.identity.text()
    # Enrolled: writing a bundle is what comes next, not enrolling again.
    assert view.export_button.isDefault() and "bold" in view.export_button.styleSheet()
    assert not view.enrol_button.isDefault() and view.enrol_button.styleSheet() == ""


def test_a_second_key_shows_as_a_conflict_and_a_key_can_be_revoked(
    qtbot: QtBot, make_ctx: MakeCtx, tmp_path: Path, messages: Messages
) -> None:
    w = World.make(make_ctx, tmp_path)
    clone = make_ctx("kecamatan", name="clone", setup=False)
    trust.setup_from_enrolment(clone, ADMIN, w.usb / "LINDUNGI-130306-A.lenrol", reuse=True)
    rogue = w.export(clone)
    (w.usb / "rogue").mkdir()
    rogue = rogue.rename(w.usb / "rogue" / rogue.name)
    assert w.kab_import(rogue).held  # the rogue came first: its key is stored
    assert w.kab_import(w.export(w.a)).hold_reason == "other_key"
    genuine = trust.whoami(w.a).fingerprint

    view = OfficesView(w.kab, ADMIN)
    qtbot.addWidget(view)
    view.show()
    assert "130306-A" in view.conflicts.text() and genuine in view.conflicts.text()
    assert view.conflicts.isVisible()
    row = next(i for i, o in enumerate(view.rows) if o.install_code == "130306-A")
    item = view.table.item(row, 3)
    assert item is not None and item.text() == "tidak, konflik kunci"
    # The dialog takes the fingerprint the office's own screen shows, the genuine one.
    view.select("130306-A")
    office = view.selected()
    assert office is not None
    dialog = ConfirmDialog(office)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.typed.setText(genuine)
    assert ok.isEnabled()
    view.confirm_office(genuine)
    qtbot.waitUntil(lambda: "Kantor dikonfirmasi" in view.result.text(), timeout=WAIT)
    assert not view.conflicts.isVisible()
    # Revoked (asked first): the column says so.
    view.select("130306-A")
    assert view.revoke_button.isEnabled()
    view._revoke()
    assert messages.questions and "130306-A" in messages.questions[-1]
    row = next(i for i, o in enumerate(view.rows) if o.install_code == "130306-A")
    item = view.table.item(row, 3)
    assert item is not None and item.text() == "dicabut"
    assert "dicabut" in view.result.text()


def test_moving_to_another_kabupaten_key_asks_its_fingerprint(
    qtbot: QtBot, make_ctx: MakeCtx, tmp_path: Path, messages: Messages
) -> None:
    w = World.make(make_ctx, tmp_path)
    other = make_ctx("kabupaten", name="other-kab")
    (tmp_path / "other").mkdir()
    file = trust.write_enrolment(other, ADMIN, "13.03.06", "A", tmp_path / "other").path
    old, new = trust.whoami(w.kab).fingerprint, trust.whoami(other).fingerprint
    view = ExportView(w.a, ADMIN)
    qtbot.addWidget(view)
    warnings: list[str] = []

    def cancel(text: str) -> str | None:
        warnings.append(text)
        return None

    view.enrol(file, ask=cancel)
    assert "tidak dapat lagi membaca bundel kantor ini" in warnings[0] and new in warnings[0]
    assert trust.whoami(w.a).kabupaten_fingerprint == old
    view.enrol(file, ask=lambda _text: old)  # not the fingerprint of the file
    assert trust.whoami(w.a).kabupaten_fingerprint == old
    assert "bukan sidik jari kunci kabupaten" in view.message.text()
    view.enrol(file, ask=lambda _text: new)
    assert trust.whoami(w.a).kabupaten_fingerprint == new
    assert old in messages.infos[-1]


def test_the_first_run_warns_of_a_used_enrolment_file(
    qtbot: QtBot, make_ctx: MakeCtx, tmp_path: Path, messages: Messages
) -> None:
    from app.ui.wizard import FirstRunWizard

    w = World.make(make_ctx, tmp_path)  # office A was set up from its file
    ctx = make_ctx("kecamatan", name="second-pc", setup=False)
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.place.enrol_file.setText(str(w.usb / "LINDUNGI-130306-A.lenrol"))
    wizard.admin.username.setText("admin")
    wizard.admin.password.setText("rahasia-sekali-1")
    wizard.admin.password2.setText("rahasia-sekali-1")
    messages.answer = False  # "is this the same PC?" — no
    assert not wizard.admin.validatePage()
    assert "sudah dipakai untuk memasang PC lain" in messages.questions[-1]
    assert "sudah dipakai untuk memasang PC lain" in wizard.admin.error.text()
    assert not ctx.is_set_up
    messages.answer = True
    assert wizard.admin.validatePage()
    assert ctx.identity.install_code == "130306-A"
