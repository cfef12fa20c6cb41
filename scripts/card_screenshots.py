"""Screenshots of the card screens for ``docs/cards.md``, taken offscreen on demo data.

Usage: ``python scripts/card_screenshots.py [--out docs] [--lang id|en]``. Sets up a fresh
kecamatan station (Kamang Baru, A) with demo participants, prints their cards, opens a
handover event and gives a few cards, then saves ``print-dialog.png``, ``verify.png`` and
``handover.png``.
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

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.install import Role as InstallRole
from app.services import accounts, cards, demo, handover, participants
from app.services.actor import DEMO_ADMIN, Actor, Role
from app.services.cards import Selection
from app.services.context import open_data_dir
from app.services.setup import setup_install
from app.store.repo import ListQuery
from app.ui import cards_views, tasks
from app.ui.cards_views import PrintDialog
from app.ui.handover_views import HandoverWidget
from app.ui.session import Session
from app.ui.start import apply_language
from app.ui.verify_view import VerifyWidget


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
    print(path, f"{path.stat().st_size // 1024} KB")


def _no_viewer(path: Path) -> None:
    """Nothing to open on a screenshot run."""


def main() -> int:
    """Set up the data, show each screen, save it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    cards_views.open_in_viewer = _no_viewer
    app = QApplication(sys.argv)
    apply_language(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_data_dir(Path(tmp) / "data")
        setup_install(ctx, DEMO_ADMIN, role=InstallRole.KECAMATAN, kecamatan="13.03.06")
        accounts.add_user(ctx, DEMO_ADMIN, "rina", Role.SUPERVISOR, "rahasia-123", "Rina")
        demo.generate(ctx, DEMO_ADMIN, 120, seed=7)
        rina = Actor("rina", Role.SUPERVISOR)
        session = Session(ctx, rina)
        ids = participants.search(ctx, ListQuery())
        sizes = {
            v.code: len(participants.search(ctx, ListQuery(nagari=v.code)))
            for v in participants.villages_for(ctx)
        }
        biggest, second = sorted(sizes, key=lambda code: -sizes[code])[:2]
        cards.print_cards(ctx, rina, Selection(nagari=biggest), Path(tmp) / "a.pdf")

        dialog = PrintDialog(session, ids=ids[:12])
        dialog.by_nagari.setChecked(True)
        dialog.nagari.set_code(second)
        dialog.show()
        dialog.print_to(Selection(nagari=second), Path(tmp) / "b.pdf")
        while dialog.busy or tasks.running():
            settle(0.05)
        dialog.result_value = None
        save(dialog, args.out, "print-dialog.png")
        dialog.close()

        rows = participants.rows(ctx, participants.search(ctx, ListQuery(nagari=biggest)))
        place = ctx.regions.get(biggest)
        assert place is not None
        payload = cards.current_payload(ctx, rows[0].reg_no)
        assert payload is not None
        view = VerifyWidget(session)
        view.resize(760, 560)
        view.show()
        view.scan.setText(payload.lower())
        view.check_scanned()
        save(view, args.out, "verify.png")
        view.close()

        ev = handover.open_event(
            ctx,
            rina,
            place=f"Kantor Wali Nagari {place.name}",
            date=dt.date.today(),
            officials="Bupati Sijunjung: Benny Dwifa Yuswir; Camat Kamang Baru: H. Afrizal",
        )
        for i, row in enumerate(rows[:7]):
            proxy = "Yusnaini (istri)" if i == 3 else ""
            handover.give(ctx, rina, ev.id, row.reg_no, proxy=proxy)
        widget = HandoverWidget(session)
        widget.resize(1180, 640)
        widget.show()
        widget.nagari_filter.setCurrentIndex(widget.nagari_filter.findData(place.name))
        last = rows[7]
        widget.proxy.setText("")
        widget.scan.setText(last.reg_no)
        widget.give_scanned()
        save(widget, args.out, "handover.png")
        widget.close()
        ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
