"""The warning that a year has no programme year, with the button that creates it.

Registrations take their coverage start's year; a year with no programme year has no quota,
so the dashboard, the recap and the budget show a quota of 0 for it. The dashboard, the
registration form, the import preview and the reports dialog put this bar above their
content; a supervisor creates the year from the newest earlier year's quotas in one click.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.errors import AppError
from app.services import desk
from app.services.actor import Actor, Role
from app.services.context import Context
from app.ui import common
from app.ui.bus import Changes, bus

BAR_STYLE = (
    "QFrame#MissingYearBar { background: #fff4d6; border: 1px solid #e0b44c; border-radius: 3px; }"
)


class MissingYearBar(QFrame):
    """Says which year has no programme year; a supervisor can create it here."""

    created = Signal(int)

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MissingYearBar")
        self.setStyleSheet(BAR_STYLE)
        self._ctx = ctx
        self._actor = actor
        self.missing: desk.MissingYear | None = None
        self.text = QLabel()
        self.text.setObjectName("missing_year_text")
        self.text.setWordWrap(True)
        self.create_button = QPushButton()
        self.create_button.setObjectName("create_year_button")
        self.create_button.setAutoDefault(False)
        self.create_button.clicked.connect(self.create_year)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.create_button)
        self.setVisible(False)

    def show_for(self, years: Iterable[int]) -> None:
        """Show the first of ``years`` that has no programme year; hide when all have one."""
        found = desk.missing_years(self._ctx, years)
        self.missing = found[0] if found else None
        if self.missing is None:
            self.setVisible(False)
            return
        m = self.missing
        text = self.tr(
            "There is no programme year {year}: participants whose coverage starts in {year} "
            "count against no quota, and the dashboard and reports show a quota of 0 for them."
        ).format(year=m.year)
        can = self._actor.at_least(Role.SUPERVISOR)
        if not can:
            text += " " + self.tr("Ask a supervisor to create it.")
        self.text.setText(text)
        if m.copy_from is None:
            self.create_button.setText(self.tr("Create {year}").format(year=m.year))
        else:
            self.create_button.setText(
                self.tr("Create {year} from the quotas of {source}").format(
                    year=m.year, source=m.copy_from
                )
            )
        self.create_button.setVisible(can)
        self.setVisible(True)

    def create_year(self) -> None:
        """Create the missing year from the newest earlier year's quotas."""
        m = self.missing
        if m is None:
            return
        try:
            desk.add_year(self._ctx, self._actor, m.year, copy_from=m.copy_from)
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        self.setVisible(False)
        self.missing = None
        self.created.emit(m.year)
        bus().announce(Changes(settings=True))
