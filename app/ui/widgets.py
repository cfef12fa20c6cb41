"""Input widgets the forms share: a dd/mm/yyyy date field and the nagari picker.

Dates are typed as dd/mm/yyyy into a masked line edit rather than a ``QDateEdit``: a birth
date must be able to stay empty until someone types it or the NIK supplies it (a QDateEdit
always holds some date, and a default birth date is a wrong one waiting to be saved), and
typing ``17081980`` into the mask gives ``17/08/1980`` without touching the mouse.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget
from typing_extensions import override

from app.domain.fmt import format_date, parse_date
from app.domain.participant import norm
from app.domain.regions import Region, RegionIndex


class DateField(QLineEdit):
    """A date typed as dd/mm/yyyy; may be empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setInputMask("00/00/0000;_")
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("00/00/0000") + 28)

    def is_empty(self) -> bool:
        """True when no digit has been typed."""
        return not any(ch.isdigit() for ch in self.text())

    def date_value(self) -> dt.date | None:
        """The date typed, or None when empty.

        Raises:
            ValueError: a partial or impossible date (31/02/1980).
        """
        if self.is_empty():
            return None
        return parse_date(self.text())

    def set_date_value(self, value: dt.date | None) -> None:
        """Show ``value`` (None empties the field)."""
        self.setText(format_date(value) if value else "")
        if value is None:
            self.setCursorPosition(0)

    @override
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.is_empty():
            # Typing starts at the day, wherever the click landed in the empty mask.
            QTimer.singleShot(0, self, lambda: self.setCursorPosition(0))


class NagariBox(QComboBox):
    """Pick one of the install's nagari by typing its name or any alias ("Aia Amo").

    The list holds the official names; the completer matches every name and alias, in any
    case, anywhere in the word, and picking an alias selects its nagari.
    """

    def __init__(
        self, villages: list[Region], index: RegionIndex, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._villages = villages
        self._index = index
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        several_kecamatan = len({v.parent for v in villages}) > 1
        for v in sorted(villages, key=lambda r: norm(r.name)):
            label = v.name
            if several_kecamatan and v.parent:
                kec = index.get(v.parent)
                label = f"{v.name} ({kec.name})" if kec else v.name
            self.addItem(label, v.code)
        names = QStandardItemModel(self)
        self._shown: dict[str, str] = {}
        for v in villages:
            label = self.itemText(self.findData(v.code))
            for n in v.names:
                shown = label if n == v.name else f"{n} → {label}"
                self._shown[shown] = v.code
                item = QStandardItem(shown)
                item.setData(v.code, Qt.ItemDataRole.UserRole)
                names.appendRow(item)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(names)
        proxy.sort(0)
        completer = QCompleter(proxy, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.activated.connect(self._picked)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)
        self.setEditText("")

    def _picked(self, text: str) -> None:
        self.set_code(self._shown.get(text) or self._match(text))

    def set_code(self, code: str | None) -> None:
        """Select the nagari with this code (None clears the box)."""
        i = self.findData(code) if code else -1
        self.setCurrentIndex(i)
        if i < 0:
            self.setEditText("")

    def code(self) -> str | None:
        """The nagari chosen or typed (a name or alias), or None when it matches none."""
        text = self.currentText().strip()
        if not text:
            return None
        i = self.currentIndex()
        if i >= 0 and self.itemText(i) == self.currentText():
            return str(self.itemData(i))
        return self._match(text)

    def _match(self, text: str) -> str | None:
        if "→" in text:
            text = text.split("→", 1)[1]
        if text.rstrip().endswith(")") and "(" in text:
            text = text[: text.rindex("(")]
        found = self._index.match(text, self._villages)
        return found.code if found else None
