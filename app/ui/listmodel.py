"""The participant list as a lazy table model: ids for every match, rows loaded by page.

A search first counts its matches (exact up to 10.000, then "more than"). Up to 2,000 it
reads their ordered ids at once; a larger list shows its first page at once, in a few
milliseconds at any size, and the ordered ids of every match (100,000 ints are cheap to
hold, not to sort) then arrive from a worker thread and the rows below the first page
appear, so typing never waits for a large result. The
lines themselves are read from the database only for the pages the view asks for, 200 at a
time, and kept until the next query. Sorting re-queries with the sort in the database, so
the order is the same as the command line's ``list``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from typing_extensions import override

from app.domain.fmt import format_date, mask_nik
from app.services import participants
from app.services.context import Context
from app.services.participants import ListQuery, ListRow
from app.ui.common import funding_label, occupation_label, status_label
from app.ui.tables import AnyIndex, TableModel
from app.ui.tasks import Progress, Task

log = logging.getLogger(__name__)

PAGE = 200
WHOLE_UP_TO = participants.WHOLE_UP_TO  # a larger list comes in two steps


def _columns() -> list[tuple[str, str, Callable[[ListRow], str]]]:
    """(sort key, header, text of a row) for every column, in order."""
    return [
        (
            "reg_no",
            QCoreApplication.translate("ParticipantListModel", "Reg. no."),
            lambda r: r.reg_no,
        ),
        ("name", QCoreApplication.translate("ParticipantListModel", "Name"), lambda r: r.name),
        (
            "nik",
            QCoreApplication.translate("ParticipantListModel", "NIK"),
            lambda r: mask_nik(r.nik),
        ),
        ("sex", QCoreApplication.translate("ParticipantListModel", "Sex"), lambda r: r.sex),
        (
            "birth_date",
            QCoreApplication.translate("ParticipantListModel", "Born"),
            lambda r: format_date(r.birth_date),
        ),
        (
            "nagari",
            QCoreApplication.translate("ParticipantListModel", "Nagari"),
            lambda r: r.nagari,
        ),
        (
            "occupation",
            QCoreApplication.translate("ParticipantListModel", "Occupation"),
            lambda r: occupation_label(r.occupation),
        ),
        (
            "status",
            QCoreApplication.translate("ParticipantListModel", "Status"),
            lambda r: status_label(r.status),
        ),
        ("kpj", QCoreApplication.translate("ParticipantListModel", "KPJ"), lambda r: r.kpj or ""),
        (
            "funding",
            QCoreApplication.translate("ParticipantListModel", "Funding"),
            lambda r: funding_label(r.funding),
        ),
    ]


class ParticipantListModel(TableModel):
    """Every participant a :class:`ListQuery` matches, read from the database page by page."""

    completed = Signal()  # every match of the current query is in the model now

    def __init__(self, ctx: Context, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._columns = _columns()
        self._headers = [header for _key, header, _text in self._columns]
        self._query = ListQuery()
        self._ids: list[int] = []
        self._pages: dict[int, list[ListRow]] = {}
        self._matches = 0
        self._capped = False
        self._generation = 0  # a worker's result for an older query is dropped
        self._loading: Task | None = None

    # --- queries ------------------------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        """The query the model shows."""
        return self._query

    @property
    def matches(self) -> int:
        """How many participants the query matches (up to ``COUNT_CAP``)."""
        return self._matches

    @property
    def capped(self) -> bool:
        """True when more than ``COUNT_CAP`` match and the whole list has not arrived yet
        (the count says "more than" until it has)."""
        return self._capped

    @property
    def complete(self) -> bool:
        """True when every match is in the model (not only the first page)."""
        return self._loading is None

    def set_query(self, query: ListQuery) -> None:
        """Show what ``query`` matches (search, filters and sort): the first page now, the
        rest when the worker thread has read it (``completed`` then fires)."""
        first = participants.first_page(self._ctx, query, PAGE, WHOLE_UP_TO)
        self._generation += 1
        self._loading = None
        self.beginResetModel()
        self._query = query
        self._ids = first.ids
        self._matches, self._capped = first.count, first.capped
        self._pages.clear()
        self.endResetModel()
        if not first.complete:
            self._load_all(query)
        else:
            self.completed.emit()

    def _load_all(self, query: ListQuery) -> None:
        generation = self._generation
        ctx = self._ctx

        def work(_progress: Progress) -> list[int]:
            return participants.search(ctx, query)

        task = Task(work)
        task.done.connect(lambda ids: self._all_loaded(generation, ids))
        task.failed.connect(lambda exc: self._load_failed(generation, exc))
        self._loading = task
        task.start()

    def ensure_complete(self) -> None:
        """Read the whole list now if the worker thread has not delivered it yet (to find
        a row below the first page: a record just saved, a selection to keep)."""
        if self._loading is None:
            return
        ids = participants.search(self._ctx, self._query)
        self._generation += 1  # the worker's copy, when it comes, is not needed
        self._all_loaded(self._generation, ids)

    def _all_loaded(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return
        self._loading = None
        shown = len(self._ids)
        if ids[:shown] == self._ids and len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()
        elif ids != self._ids:  # the register changed meanwhile: a new list
            self.beginResetModel()
            self._ids = ids
            self._pages.clear()
            self.endResetModel()
        self._matches, self._capped = len(ids), False  # every match is counted now
        self.completed.emit()

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = None
        raise exc  # to the excepthook: the first page stays shown

    def refresh(self) -> None:
        """Run the same query again (after a registration, an edit, an import)."""
        self.set_query(self._query)

    def column_of(self, key: str) -> int:
        """The column sorted by ``key``, or -1."""
        for i, (k, _header, _text) in enumerate(self._columns):
            if k == key:
                return i
        return -1

    def row_at(self, row: int) -> ListRow | None:
        """The list line shown in ``row``."""
        if not 0 <= row < len(self._ids):
            return None
        page = self._pages.get(row // PAGE)
        if page is None:
            page = self._load(row // PAGE)
        offset = row % PAGE
        return page[offset] if offset < len(page) else None

    def id_at(self, row: int) -> int:
        """The participant id shown in ``row``."""
        return self._ids[row]

    def row_of_id(self, pid: int) -> int:
        """Where participant ``pid`` is shown, or -1."""
        try:
            return self._ids.index(pid)
        except ValueError:
            return -1

    def _load(self, page: int) -> list[ListRow]:
        chunk: Sequence[int] = self._ids[page * PAGE : (page + 1) * PAGE]
        rows = participants.rows(self._ctx, chunk)
        if len(rows) != len(chunk):
            # A record vanished between the search and the read: keep the row count stable.
            by_id = {r.id: r for r in rows}
            rows = [by_id[i] for i in chunk if i in by_id]
        self._pages[page] = rows
        return rows

    # --- QAbstractTableModel ------------------------------------------------------------

    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.row_at(index.row())
            if row is None:
                return None
            return self._columns[index.column()][2](row)
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        return None

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        key = self._columns[column][0]
        if key == self._query.sort and descending == self._query.descending and self._ids:
            return
        query = replace(self._query, sort=key, descending=descending)
        ids = participants.search(self._ctx, query)
        self._generation += 1  # a list still loading for the old order is not wanted
        if self._loading is not None:  # the whole list is here now, in the new order
            self._loading = None
            self.beginResetModel()
            self._ids, self._query = ids, query
            self._pages.clear()
            self.endResetModel()
            self.completed.emit()
            return
        if len(ids) != len(self._ids):
            # Someone else changed the register meanwhile: not a re-order, a new list.
            self.beginResetModel()
            self._ids, self._query = ids, query
            self._pages.clear()
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._ids, self._query = ids, query
        self._pages.clear()
        persistent = self.persistentIndexList()
        if persistent:
            where = {pid: row for row, pid in enumerate(ids)}
            self.changePersistentIndexList(
                persistent,
                [
                    self.index(where.get(old_ids[i.row()], -1), i.column())
                    if 0 <= i.row() < len(old_ids)
                    else QModelIndex()
                    for i in persistent
                ],
            )
        self.layoutChanged.emit()
