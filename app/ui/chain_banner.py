"""The banner of the main window while the database is behind the audit trail head this PC
signed last (an older database file copied back): what was found, and for a supervisor the
action that records the reason (``audit accept-behind`` on the command line)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from app.errors import AppError
from app.services import chainhead
from app.services.actor import Role
from app.ui import common
from app.ui.session import Session

BANNER_STYLE = (
    "QWidget#chain_banner { background: #fdecea; border: 2px solid #b00020; border-radius: 4px; }"
)


class ChainBanner(QWidget):
    """Shown only while the database is flagged as behind its signed head."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("chain_banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BANNER_STYLE)
        layout = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet(common.ERROR_STYLE + " font-weight: bold;")
        self.button = QPushButton(self.tr("Record the reason…"))
        self.button.setObjectName("chain_reason")
        self.button.clicked.connect(self._ask)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.refresh()

    def refresh(self) -> None:
        """Show or hide the banner as the flag stands."""
        flag = chainhead.behind(self.session.ctx)
        self.setVisible(flag is not None)
        if flag is None:
            return
        self.text.setText(
            self.tr(
                "Warning: this database is behind the audit trail this PC signed on {at} "
                "({signed} entries signed, {entries} found). An older database file may have "
                "been copied back. A supervisor must record the reason."
            ).format(
                at=flag.signed_at.strftime("%d/%m/%Y %H:%M"),
                signed=common.fmt_int(flag.signed_count),
                entries=common.fmt_int(flag.entries),
            )
        )
        self.button.setEnabled(self.session.can(Role.SUPERVISOR))

    def record(self, reason: str) -> bool:
        """Record the reason (a supervisor); False with a message when refused."""
        try:
            chainhead.accept(self.session.ctx, self.session.actor, reason)
        except AppError as exc:
            common.show_app_error(self, exc)
            return False
        self.refresh()
        return True

    def _ask(self) -> None:
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Database behind its audit trail"),
            self.tr("What happened, and who checked it?"),
        )
        if ok:
            self.record(reason)
