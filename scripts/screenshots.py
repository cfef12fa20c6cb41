"""Screenshots of every screen on a 1366×768 laptop, taken offscreen on demo data.

Usage: ``python scripts/screenshots.py [--out docs] [--all] [--lang id|en]``.

The windows open on an offscreen screen of 1366×728 (a 1366×768 laptop less its taskbar,
``scripts/laptop-screen.json``), each as the app opens it: the main window maximised, the
dialogs at the size they choose there. Data: the demo kabupaten (the 1,333 participants of
2022) and a fresh kecamatan station with 120 demo participants, some cards printed and a
handover under way. Without ``--all`` only the pictures the README shows are written; with
it, every screen (and the recap report and a tanda terima with long names, when poppler's
``pdftoppm`` is installed). PNGs are written with a 256-colour palette to keep them small.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook
from PIL import Image
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.install import Role as InstallRole
from app.domain.nik import make_nik
from app.domain.participant import Sex
from app.services import accounts, cards, demo, handover, participants, reports
from app.services.actor import DEMO_ADMIN, Actor, Role
from app.services.cards import Selection
from app.services.context import Context, open_data_dir
from app.services.setup import setup_install
from app.store.repo import ListQuery
from app.ui import cards_views, common, tasks
from app.ui.session import Session
from app.ui.start import apply_language, make_demo

ROOT = Path(__file__).resolve().parents[1]

# The pictures the README and docs/cards.md show; --all adds every other screen.
README = {
    "main-window",
    "main-window-search",
    "form-error",
    "first-run",
    "import-preview",
    "record",
    "verify",
    "handover",
    "print-dialog",
    "login",
    "form-override",
    "report-recap",
}


class Shots:
    """Where the pictures go and which of them are wanted."""

    def __init__(self, out: Path, every: bool, suffix: str) -> None:
        self.out = out
        self.every = every
        self.suffix = suffix
        self.written: list[Path] = []

    def wanted(self, name: str) -> bool:
        return self.every or name in README

    def save(self, widget: QWidget, name: str) -> None:
        """Grab ``widget`` into ``<out>/<name>.png`` (256 colours)."""
        if not self.wanted(name):
            return
        settle()
        path = self.out / f"{name}{self.suffix}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        small(path)
        self.written.append(path)
        print(path, f"{widget.width()}×{widget.height()}", f"{path.stat().st_size // 1024} KB")

    def pdf_page(self, pdf: Path, name: str, page: int = 1) -> None:
        """Page ``page`` of ``pdf`` as a picture (needs poppler's pdftoppm)."""
        if not self.wanted(name) or shutil.which("pdftoppm") is None:
            return
        stem = self.out / f"{name}{self.suffix}"
        subprocess.run(
            [
                *("pdftoppm", "-png", "-r", "80", "-singlefile"),
                *("-f", str(page), "-l", str(page), str(pdf), str(stem)),
            ],
            check=True,
        )
        path = stem.with_suffix(".png")
        small(path)
        self.written.append(path)
        print(path, f"{path.stat().st_size // 1024} KB")


def small(path: Path) -> None:
    """Rewrite a PNG with a 256-colour palette: a third of the size, the text still sharp."""
    with Image.open(path) as img:
        quantized = img.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    quantized.save(path, optimize=True)


def settle(seconds: float = 0.25) -> None:
    """Let Qt lay out and paint."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def wait_tasks() -> None:
    """Until every background task has ended."""
    deadline = time.monotonic() + 60
    while tasks.running() and time.monotonic() < deadline:
        settle(0.05)


def messy_sheet(path: Path) -> None:
    """A nagari's spreadsheet as they come: numbers for NIKs, odd dates, spellings."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["No", "NIK", "Nama", "Tempat Lahir", "Tgl. Lahir", "L/P", "Nagari", "Pekerjaan"])
    good = make_nik("130306", dt.date(1975, 3, 12), Sex.L, 21)
    rows = [
        [1, good, "  Syafrizal   Dt. Rajo ", "Sijunjung", "12/03/1975", "L", "Aia Amo", "Tani"],
        [2, make_nik("130306", dt.date(1982, 7, 1), Sex.P, 22), "Nurhayati", "Kamang",
         dt.datetime(1982, 7, 1), "Perempuan", "kamang", "PKL"],
        [3, 1303061203750021, "Zulkifli", "Muaro", "01-01-1980", "laki-laki", "Aie Amo", "Ojek"],
        [4, good, "Syafrizal", "Sijunjung", "12/03/1975", "L", "Aie Amo", "Petani"],
        [5, "1303064507000", "Rosmaniar", "Sijunjung", "05/07/2000", "P", "Aie Amo", "Petani"],
        [6, make_nik("130306", dt.date(1990, 2, 2), Sex.L, 24), "Hendri", "Sijunjung",
         "2/2/1990", "L", "Muaro", "Nelayan"],
    ]  # fmt: skip
    for row in rows:
        ws.append(row)
    wb.save(path)


def kecamatan_ctx(path: Path) -> Context:
    """A kecamatan station (Kamang Baru, A) with a supervisor and 120 demo participants."""
    ctx = open_data_dir(path)
    setup_install(ctx, DEMO_ADMIN, role=InstallRole.KECAMATAN, kecamatan="13.03.06")
    accounts.add_user(ctx, DEMO_ADMIN, "rina", Role.SUPERVISOR, "rahasia-123", "Rina Yulianti")
    demo.generate(ctx, DEMO_ADMIN, 120, seed=7)
    return ctx


def show(widget: QWidget, maximised: bool = False) -> QWidget:
    """Show a window as the app does (the main window maximised)."""
    if maximised:
        widget.showMaximized()
    else:
        widget.show()
    settle()
    return widget


def kabupaten_screens(base: Path, shots: Shots) -> None:
    """The dashboard, the list, a record, the desk and the bundle screens, the safety."""
    from app.ui import desk_views, sync_views
    from app.ui.mainwindow import MainWindow
    from app.ui.record import RecordDialog
    from app.ui.safety_views import SafetyDialog
    from app.ui.screen import ScreenDialog

    ctx = make_demo(base / "demo")
    try:
        session = Session(ctx, DEMO_ADMIN, demo=True)
        window = MainWindow(session)
        show(window, maximised=True)
        shots.save(window, "main-window")
        window.show_list()
        window.search.setText("nur")
        window.apply_query()
        shots.save(window, "main-window-search")
        window.search.setText("zzz")
        window.apply_query()
        shots.save(window, "main-window-no-results")
        window.clear_filters()
        first = window.model.row_at(0)
        assert first is not None
        record = RecordDialog(session, first.reg_no, window)
        show(record)
        shots.save(record, "record")
        record.close()
        actor = session.actor
        views: list[tuple[str, Callable[[], QWidget]]] = [
            ("desk-years", lambda: desk_views.YearsView(ctx, actor)),
            ("desk-rates", lambda: desk_views.RatesView(ctx, actor)),
            ("desk-planner", lambda: desk_views.PlannerView(ctx, actor)),
            ("desk-reports", lambda: desk_views.ReportsView(ctx, actor)),
            ("desk-bpjs", lambda: desk_views.BpjsView(ctx, actor)),
            ("bundle-import", lambda: sync_views.ImportView(ctx, actor)),
            ("bundle-offices", lambda: sync_views.OfficesView(ctx, actor)),
            ("bundle-conflicts", lambda: sync_views.ConflictsView(ctx, actor)),
        ]
        for name, make in views:
            if not shots.wanted(name):
                continue
            dialog = ScreenDialog(name, make(), window)
            show(dialog)
            if name == "desk-planner":
                view = dialog.view
                assert isinstance(view, desk_views.PlannerView)
                view.count.setValue(40)
                view.calculate()
            shots.save(dialog, name)
            dialog.close()
        if shots.wanted("letterhead"):
            letterhead = desk_views.LetterheadDialog(ctx, actor, window)
            show(letterhead)
            shots.save(letterhead, "letterhead")
            letterhead.close()
        if shots.wanted("safety"):
            safety = SafetyDialog(session, window)
            show(safety)
            shots.save(safety, "safety")
            safety.close()
        if shots.wanted("report-recap"):
            pdf = base / "rekap.pdf"
            reports.export(ctx, actor, "recap", 2022, pdf)
            shots.pdf_page(pdf, "report-recap")
        window.close()
    finally:
        ctx.close()


def office_screens(base: Path, shots: Shots) -> None:
    """The form, the import, the cards, the handover, the bundle, the login, an empty list."""
    from app.ui.cards_views import PrintDialog
    from app.ui.form import ParticipantForm
    from app.ui.handover_views import HandoverDialog
    from app.ui.importer import ImportDialog
    from app.ui.login import LoginDialog
    from app.ui.mainwindow import MainWindow
    from app.ui.record import DeactivateDialog
    from app.ui.screen import ScreenDialog
    from app.ui.sync_views import ExportView
    from app.ui.verify_view import VerifyDialog

    kec = kecamatan_ctx(base / "kecamatan")
    try:
        rina = Actor("rina", Role.SUPERVISOR)
        session = Session(kec, rina)
        form = ParticipantForm(session)
        show(form)
        form.nik.setText("1303064507000")
        form.name.setText("Rosmaniar")
        form.birth_place.setText("Sijunjung")
        form.birth_date.set_date_value(dt.date(2000, 7, 5))
        form.nagari.setEditText("Aia Amo")
        form.occupation.setCurrentIndex(form.occupation.findData("petani"))
        form.save()
        shots.save(form, "form-error")
        form.close()

        form = ParticipantForm(session)
        show(form)
        form.nik.setText(make_nik("130306", dt.date(2009, 3, 4), Sex.P, 31))
        form.name.setText("Yusnita")
        form.birth_place.setText("Sijunjung")
        form.nagari.setEditText("Aia Amo")
        form.occupation.setCurrentIndex(form.occupation.findData("petani"))
        form.income_default.click()
        form.save()
        shots.save(form, "form-override")
        form.close()

        sheet = base / "peserta-nagari.xlsx"
        messy_sheet(sheet)
        dialog = ImportDialog(session)
        show(dialog)
        dialog.load(sheet)
        wait_tasks()
        shots.save(dialog, "import-preview")
        dialog.close()

        ids = participants.search(kec, ListQuery(sort="reg_no"))
        sizes = {
            v.code: len(participants.search(kec, ListQuery(nagari=v.code)))
            for v in participants.villages_for(kec)
        }
        biggest = max(sizes, key=lambda code: sizes[code])
        cards.print_cards(kec, rina, Selection(nagari=biggest), base / "a.pdf")
        printer = PrintDialog(session, ids=ids[:12])
        show(printer)
        shots.save(printer, "print-dialog")
        printer.close()

        place = kec.regions.get(biggest)
        assert place is not None
        printed = participants.rows(kec, participants.search(kec, ListQuery(nagari=biggest)))
        payload = cards.current_payload(kec, printed[0].reg_no)
        assert payload is not None
        verify = VerifyDialog(session)
        show(verify)
        verify.view.scan.setText(payload.lower())
        verify.view.check_scanned()
        shots.save(verify, "verify")
        verify.close()

        event = handover.open_event(
            kec,
            rina,
            place=f"Kantor Wali Nagari {place.name}",
            date=dt.date.today(),
            officials="Camat Kamang Baru: H. Afrizal; Wali Nagari: Syafrudin",
        )
        for i, row in enumerate(printed[:6]):
            handover.give(
                kec, rina, event.id, row.reg_no, proxy="Yusnaini (istri)" if i == 3 else ""
            )
        hand = HandoverDialog(session)
        show(hand)
        shots.save(hand, "handover")
        hand.close()
        if shots.wanted("tanda-terima"):
            pdf = base / "tanda-terima.pdf"
            long_names(kec, rina, event.id, biggest)
            handover.receipt(kec, event.id, pdf)
            shots.pdf_page(pdf, "tanda-terima")

        if shots.wanted("calibration"):
            from app.ui.cards_views import CalibrationDialog

            calibration = CalibrationDialog(session)
            show(calibration)
            calibration.measured[("front", "a")].setValue(11.5)
            shots.save(calibration, "calibration")
            calibration.close()

        deactivate = DeactivateDialog(printed[0].reg_no)
        show(deactivate)
        shots.save(deactivate, "deactivate")
        deactivate.close()
        export = ScreenDialog("", ExportView(kec, rina))
        show(export)
        shots.save(export, "bundle-export")
        export.close()

        login = LoginDialog(kec)
        show(login)
        login.username.setText("rina")
        login.password.setText("salah")
        login.try_login()
        shots.save(login, "login")
        login.close()
    finally:
        kec.close()

    empty = open_data_dir(base / "empty")
    try:
        setup_install(empty, DEMO_ADMIN, role=InstallRole.KECAMATAN, kecamatan="13.03.06")
        window = MainWindow(Session(empty, Actor("rina", Role.SUPERVISOR)))
        show(window, maximised=True)
        shots.save(window, "main-window-empty")
        window.close()
    finally:
        empty.close()


def long_names(ctx: Context, actor: Actor, event: int, nagari: str) -> None:
    """Three participants with long names, their cards printed and handed over."""
    from app.domain.participant import ParticipantData

    names = [
        "Sutan Bagindo Alam Pamuncak Rajo Nan Sati Datuak Bandaro Kayo",
        "Hj. Nurhayati Binti Muhammad Syafei Datuak Rangkayo Basa Nan Panjang Gala",
        "Puti Reno Sari Dewi Andam Dewi Nan Elok Rupo Anak Rajo Pagaruyung",
    ]
    regs = []
    for i, name in enumerate(names):
        data = ParticipantData(
            nik=make_nik("130306", dt.date(1970 + i, 1, 2), Sex.P, 500 + i),
            name=name,
            birth_place="Sijunjung",
            birth_date=dt.date(1970 + i, 1, 2),
            sex=Sex.P,
            nagari_code=nagari,
            occupation="petani",
        )
        reg = participants.register(ctx, actor, data).reg_no
        participants.approve(ctx, actor, [reg])
        regs.append(reg)
    with tempfile.TemporaryDirectory() as tmp:
        cards.print_cards(ctx, actor, Selection(reg_nos=tuple(regs)), Path(tmp) / "k.pdf")
    for i, reg in enumerate(regs):
        proxy = "Datuak Rajo Penghulu Nan Gadang Basa Batuah" if i == 1 else ""
        handover.give(ctx, actor, event, reg, proxy=proxy)


def first_run(base: Path, shots: Shots) -> None:
    from app.ui.wizard import FirstRunWizard

    fresh = open_data_dir(base / "fresh")
    try:
        wizard = FirstRunWizard(fresh)
        show(wizard)
        shots.save(wizard, "first-run")
        wizard.close()
    finally:
        fresh.close()


def main() -> int:
    """Write the screenshots; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--all", action="store_true", help="every screen, not only the README's")
    parser.add_argument("--lang", default="id", choices=["id", "en"])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    # Qt reads the platform when the application starts: a 1366×728 offscreen screen.
    screen = ROOT / "scripts" / "laptop-screen.json"
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={screen}" if os.name != "nt" else "offscreen"  # C:\ has a colon
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_language(app, args.lang)
    # Nothing to open and nobody to answer on a screenshot run.
    cards_views.open_in_viewer = lambda path: None
    common.confirm = lambda parent, text: True
    common.info = lambda parent, text: None
    shots = Shots(args.out, args.all, "" if args.lang == "id" else "-en")
    with tempfile.TemporaryDirectory(prefix="lindungi-shots-") as tmp:
        base = Path(tmp)
        kabupaten_screens(base, shots)
        office_screens(base, shots)
        first_run(base, shots)
        wait_tasks()
        common.dispose_windows(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
