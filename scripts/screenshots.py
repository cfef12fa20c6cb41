"""Screenshots of the main screens for the README, taken offscreen on demo data.

Usage: ``python scripts/screenshots.py [--out docs] [--lang id|en]``. Starts the app's
windows without a display (``QT_QPA_PLATFORM=offscreen``) on a fresh demo data dir (the
kabupaten with the 1,333 participants of 2022) and on a fresh kecamatan data dir for the
form, the import and the login, and saves PNGs into ``docs/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.install import Role as InstallRole
from app.domain.nik import make_nik
from app.domain.participant import Sex
from app.services import accounts, demo
from app.services.actor import DEMO_ADMIN, Actor, Role
from app.services.context import Context, open_data_dir
from app.services.setup import setup_install
from app.ui.session import Session
from app.ui.start import apply_language, make_demo


def settle(seconds: float = 0.2) -> None:
    """Let Qt lay out and paint."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, out: Path, name: str) -> None:
    """Grab a widget into ``out/name``."""
    settle()
    path = out / name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


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
    """A fresh kecamatan station (Kamang Baru, A) with a supervisor and a few records."""
    ctx = open_data_dir(path)
    setup_install(ctx, DEMO_ADMIN, role=InstallRole.KECAMATAN, kecamatan="13.03.06")
    accounts.add_user(ctx, DEMO_ADMIN, "rina", Role.SUPERVISOR, "rahasia-123", "Rina Yulianti")
    demo.generate(ctx, DEMO_ADMIN, 40, seed=7)
    return ctx


def main() -> int:
    """Write every screenshot; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs"))
    parser.add_argument("--lang", default="id", choices=["id", "en"])
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_language(app, args.lang)
    suffix = "" if args.lang == "id" else "-en"

    from app.ui.form import ParticipantForm
    from app.ui.importer import ImportDialog
    from app.ui.login import LoginDialog
    from app.ui.mainwindow import MainWindow
    from app.ui.record import RecordDialog
    from app.ui.wizard import FirstRunWizard

    with tempfile.TemporaryDirectory(prefix="lindungi-shots-") as tmp:
        base = Path(tmp)
        ctx = make_demo(base / "demo")
        try:
            window = MainWindow(Session(ctx, DEMO_ADMIN, demo=True))
            window.resize(1280, 760)
            window.show()
            save(window, out, f"main-window{suffix}.png")
            window.search.setText("nur")
            window.apply_query()
            save(window, out, f"main-window-search{suffix}.png")
            first = window.model.row_at(0)
            assert first is not None
            record = RecordDialog(window.session, first.reg_no, window)
            record.resize(900, 560)
            record.show()
            save(record, out, f"record{suffix}.png")
            record.close()
            window.close()
        finally:
            ctx.close()

        kec = kecamatan_ctx(base / "kecamatan")
        try:
            session = Session(kec, Actor("rina", Role.SUPERVISOR))
            form = ParticipantForm(session)
            form.show()
            form.nik.setText("1303064507000")
            form.name.setText("Rosmaniar")
            form.birth_place.setText("Sijunjung")
            form.birth_date.set_date_value(dt.date(2000, 7, 5))
            form.nagari.setEditText("Aia Amo")
            form.occupation.setCurrentIndex(form.occupation.findData("petani"))
            form.save()
            save(form, out, f"form-error{suffix}.png")
            form.close()

            form = ParticipantForm(session)
            form.show()
            form.nik.setText(make_nik("130306", dt.date(2009, 3, 4), Sex.P, 31))
            form.name.setText("Yusnita")
            form.birth_place.setText("Sijunjung")
            form.nagari.setEditText("Aia Amo")
            form.occupation.setCurrentIndex(form.occupation.findData("petani"))
            form.save()
            save(form, out, f"form-override{suffix}.png")
            form.close()

            sheet = base / "peserta-nagari.xlsx"
            messy_sheet(sheet)
            dialog = ImportDialog(session)
            dialog.show()
            dialog.load(sheet)
            deadline = time.monotonic() + 30
            while dialog.busy and time.monotonic() < deadline:
                settle(0.05)
            save(dialog, out, f"import-preview{suffix}.png")
            dialog.close()

            login = LoginDialog(kec)
            login.show()
            login.username.setText("rina")
            login.password.setText("salah")
            login.try_login()
            save(login, out, f"login{suffix}.png")
            login.close()
        finally:
            kec.close()

        fresh = open_data_dir(base / "fresh")
        try:
            wizard = FirstRunWizard(fresh)
            wizard.show()
            save(wizard, out, f"first-run{suffix}.png")
            wizard.close()
        finally:
            fresh.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
