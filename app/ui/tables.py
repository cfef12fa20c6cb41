"""The base of the screens' table models: column count and header texts in one place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from typing_extensions import override

AnyIndex = QModelIndex | QPersistentModelIndex


class TableModel(QAbstractTableModel):
    """A flat table whose columns are named by ``self._headers``.

    A subclass calls ``super().__init__(parent)``, sets ``self._headers`` (texts translated
    with its own ``self.tr``), and implements ``rowCount`` and ``data``. Rows are numbered
    1, 2, 3… in the vertical header unless ``row_numbers`` is False.
    """

    row_numbers = True

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []

    @override
    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return section + 1 if self.row_numbers else None
