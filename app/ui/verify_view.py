"""Checking a card at the desk: a USB barcode scanner types the QR code's text and Enter.

The verdict is shown big and in colour, readable from across a table: green for a genuine
and current card (with whose it is), orange for a void version, grey for an unknown issuer
(an office whose key this install does not know yet: not called fake), red for a code that
is not genuine. The field is cleared and keeps the focus, ready for the next scan.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import verify
from app.services.verify import Verdict, Verification
from app.ui import common
from app.ui.common import status_label
from app.ui.screen import ScreenDialog
from app.ui.session import Session

log = logging.getLogger(__name__)

# (banner background, text on it, panel background) per verdict.
COLOURS: dict[Verdict, tuple[str, str, str]] = {
    Verdict.GENUINE: ("#1e7e34", "#ffffff", "#e8f5ec"),
    Verdict.VOID: ("#d46b08", "#ffffff", "#fff3e6"),
    Verdict.UNKNOWN_ISSUER: ("#6b6b6b", "#ffffff", "#f0f0f0"),
    Verdict.NOT_GENUINE: ("#b00020", "#ffffff", "#fdecee"),
    Verdict.NOT_A_CARD: ("#4a4a4a", "#ffffff", "#f0f0f0"),
}


class VerifyWidget(QWidget):
    """A scan field and the verdict of the last card scanned."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("VerifyWidget")
        self.last: Verification | None = None

        intro = QLabel(
            self.tr(
                "Scan the QR code of a card with the barcode scanner, or type its code and "
                "press Enter."
            )
        )
        intro.setWordWrap(True)
        self.scan = QLineEdit()
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(self.tr("Card code (LD1.…)"))
        self.scan.setClearButtonEnabled(True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10) * 1.2)
        self.scan.setFont(mono)
        self.scan.returnPressed.connect(self.check_scanned)
        self.check_button = QPushButton(self.tr("&Check"))
        self.check_button.setObjectName("check_button")
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(self.check_scanned)
        scan_row = QHBoxLayout()
        label = QLabel(self.tr("&Code"))
        label.setBuddy(self.scan)
        scan_row.addWidget(label)
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(self.check_button)

        self.panel = QFrame()
        self.panel.setObjectName("verdict_panel")
        self.panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner = QLabel(self.tr("Waiting for a scan"))
        self.banner.setObjectName("banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        big = QFont(self.font())
        big.setPointSizeF(max(big.pointSizeF(), 9) * 2.4)
        big.setBold(True)
        self.banner.setFont(big)
        self.banner.setMinimumHeight(90)
        self.sentence = QLabel()
        self.sentence.setObjectName("sentence")
        self.sentence.setWordWrap(True)
        mid = QFont(self.font())
        mid.setPointSizeF(max(mid.pointSizeF(), 9) * 1.15)
        self.sentence.setFont(mid)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._names: dict[str, QLabel] = {}
        self._values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        rows = [
            ("name", self.tr("Name")),
            ("reg_no", self.tr("Reg. no.")),
            ("nik", self.tr("NIK")),
            ("nagari", self.tr("Nagari")),
            ("status", self.tr("Status")),
            ("kpj", self.tr("KPJ")),
            ("card", self.tr("Card")),
            ("handed", self.tr("Handed over")),
            ("issuer", self.tr("Printed by install")),
            ("reason", self.tr("Replaced because")),
        ]
        for i, (key, text) in enumerate(rows):
            name = QLabel(text)
            name.setStyleSheet("font-weight: bold;")
            value = QLabel()
            value.setObjectName(f"value_{key}")
            value.setFont(mid)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._names[key], self._values[key] = name, value
            grid.addWidget(name, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, i, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        self.code = QLabel()
        self.code.setObjectName("code")
        self.code.setWordWrap(True)
        self.code.setStyleSheet(common.NOTE_STYLE)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner = QVBoxLayout(self.panel)
        inner.addWidget(self.banner)
        inner.addWidget(self.sentence)
        inner.addLayout(grid)
        inner.addStretch(1)
        inner.addWidget(self.code)

        root = QVBoxLayout(self)
        root.addWidget(intro)
        root.addLayout(scan_row)
        root.addWidget(self.panel, 1)
        self._paint(None)
        self.scan.setFocus()

    def check_scanned(self) -> None:
        """Verify what the scanner typed, then clear the field for the next card."""
        text = self.scan.text()
        self.scan.clear()
        self.scan.setFocus()
        if text.strip():
            self.show_result(verify.verify(self._session.ctx, text))

    def show_result(self, result: Verification) -> None:
        """Show a verdict with whose card it is."""
        self.last = result
        log.info("card checked: %s", result.verdict.value)
        titles = {
            Verdict.GENUINE: self.tr("GENUINE: a current card"),
            Verdict.VOID: self.tr("VOID: replaced by a newer card"),
            Verdict.UNKNOWN_ISSUER: self.tr("UNKNOWN ISSUER"),
            Verdict.NOT_GENUINE: self.tr("NOT GENUINE"),
            Verdict.NOT_A_CARD: self.tr("NOT A CARD CODE"),
        }
        self.banner.setText(titles[result.verdict])
        self.sentence.setText(result.message())
        card = ""
        if result.serial:
            card = self.tr("{serial}, version {version}").format(
                serial=result.serial, version=result.version
            )
        handed = result.handed_over or ""
        if result.verdict is Verdict.GENUINE and result.recorded and not handed:
            handed = self.tr("not yet")
        values = {
            "name": result.name or "",
            "reg_no": result.reg_no or "",
            "nik": result.nik or "",
            "nagari": result.nagari or "",
            "status": status_label(result.status) if result.status else "",
            "kpj": result.kpj or "",
            "card": card,
            "handed": handed,
            "issuer": (result.issuer or "") if result.verdict is Verdict.UNKNOWN_ISSUER else "",
            "reason": result.reason if result.verdict is Verdict.VOID else "",
        }
        for key, text in values.items():
            self._values[key].setText(text)
            self._names[key].setVisible(bool(text))
            self._values[key].setVisible(bool(text))
        shown = result.payload if len(result.payload) <= 60 else result.payload[:56] + "…"
        self.code.setText(self.tr("Code read: {code}").format(code=shown))
        self.code.setToolTip(result.payload)
        self._paint(result.verdict)

    def _paint(self, verdict: Verdict | None) -> None:
        if verdict is None:
            for key in self._values:
                self._names[key].setVisible(False)
                self._values[key].setVisible(False)
            self.banner.setStyleSheet(
                "background: #e0e0e0; color: #555555; border-radius: 6px; padding: 12px;"
            )
            self.panel.setStyleSheet("QFrame#verdict_panel { background: #fafafa; }")
            return
        banner, text, panel = COLOURS[verdict]
        self.banner.setStyleSheet(
            f"background: {banner}; color: {text}; border-radius: 6px; padding: 12px;"
        )
        self.panel.setStyleSheet(
            f"QFrame#verdict_panel {{ background: {panel}; border: 3px solid {banner}; "
            "border-radius: 8px; }"
        )


class VerifyDialog(ScreenDialog):
    """The verify screen as a window of its own."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        view = VerifyWidget(session)
        super().__init__("", view, parent, size=(760, 620))
        self.setObjectName("VerifyDialog")
        self.setWindowTitle(self.tr("Check cards"))
        self.view: VerifyWidget = view

    @classmethod
    def show_for(cls, session: Session, parent: QWidget | None = None) -> None:
        """Show the screen until closed, the scan field ready for the scanner."""
        dialog = cls(session, parent)
        dialog.view.scan.setFocus()
        common.run_modal(dialog)
