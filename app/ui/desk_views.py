"""The kabupaten's desk: years and quotas, rates, the planner, reports, and BPJS.

Standalone widgets, each taking ``(ctx, actor)``; :class:`DeskWidget` puts them in tabs.
Every slot reads its widgets, calls one service and shows the result or the error; slow
work (the BPJS spreadsheets, reports) runs as a background task.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.fmt import format_date, format_rupiah
from app.domain.participant import FUNDING, OCCUPATIONS
from app.errors import AppError
from app.services import bpjs, desk, reports
from app.services.actor import Actor
from app.services.context import Context
from app.ui import common
from app.ui.bus import Changes, bus
from app.ui.common import DATE_FORMAT, fmt_int
from app.ui.dashboard import SERIES_COLOURS, BarChart, ChartSeries
from app.ui.tasks import Progress, TaskRunner

log = logging.getLogger(__name__)

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _item(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(RIGHT)
    return item


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


# --- years and quotas ----------------------------------------------------------------


class NewYearDialog(QDialog):
    """Ask for a new programme year, and which year's quotas to start from."""

    def __init__(self, years: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New programme year"))
        self.year = QSpinBox()
        self.year.setRange(desk.MIN_YEAR, desk.MAX_YEAR)
        self.year.setValue(max(years, default=dt.date.today().year) + 1)
        self.copy_from = QComboBox()
        self.copy_from.addItem(self.tr("(start empty)"), None)
        for y in sorted(years, reverse=True):
            self.copy_from.addItem(str(y), y)
        if years:
            self.copy_from.setCurrentIndex(1)
        self.funding = QComboBox()
        self.funding.addItem(self.tr("All funding sources"), None)
        for code, label in FUNDING.items():
            self.funding.addItem(label, code)
        self.note = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("&Year"), self.year)
        form.addRow(self.tr("&Copy quotas of"), self.copy_from)
        form.addRow(self.tr("&Funding source"), self.funding)
        form.addRow(self.tr("&Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        common.translate_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, years: list[int], parent: QWidget | None = None) -> dict[str, Any] | None:
        """The new year's settings, or None when cancelled (tests replace this)."""
        dialog = cls(years, parent)
        if common.run_modal(dialog) != QDialog.DialogCode.Accepted:
            return None
        return {
            "year": dialog.year.value(),
            "copy_from": dialog.copy_from.currentData(),
            "funding": dialog.funding.currentData(),
            "note": dialog.note.text(),
        }


class YearsView(QWidget):
    """Programme years on the left; the chosen year's quotas per kecamatan, editable."""

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.year: int | None = None
        self.sources: list[str] = []
        self.kecamatan: list[desk.QuotaRow] = []

        self.years = QListWidget()
        self.years.setMaximumWidth(180)
        self.years.currentItemChanged.connect(self._year_chosen)
        self.add_button = QPushButton(self.tr("&New year…"))
        self.add_button.clicked.connect(self.add_year)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Programme years")))
        left.addWidget(self.years, 1)
        left.addWidget(self.add_button)

        self.table = _table([])
        self.table.itemChanged.connect(self._edited)
        self.source_box = QComboBox()
        for code, label in FUNDING.items():
            self.source_box.addItem(label, code)
        self.add_source_button = QPushButton(self.tr("Add &column"))
        self.add_source_button.clicked.connect(self.add_source)
        self.save_button = QPushButton(self.tr("&Save quotas"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        self.message = common.message_label()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Funding source")))
        bar.addWidget(self.source_box)
        bar.addWidget(self.add_source_button)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        right = QVBoxLayout()
        self.heading = QLabel()
        right.addWidget(self.heading)
        right.addWidget(self.table, 1)
        right.addLayout(bar)
        right.addWidget(self.message)

        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        """Read the years again and show ``select`` (or the newest)."""
        years = desk.list_years(self.ctx)
        self.years.blockSignals(True)
        self.years.clear()
        for y in years:
            item = QListWidgetItem(f"{y.year} · {fmt_int(y.total)}")
            item.setData(Qt.ItemDataRole.UserRole, y.year)
            self.years.addItem(item)
        self.years.blockSignals(False)
        wanted = select if select is not None else (years[-1].year if years else None)
        for i in range(self.years.count()):
            if self.years.item(i).data(Qt.ItemDataRole.UserRole) == wanted:
                self.years.setCurrentRow(i)
                return
        self.show_year(None)

    def _year_chosen(self, current: QListWidgetItem | None, _old: Any) -> None:
        self.show_year(None if current is None else current.data(Qt.ItemDataRole.UserRole))

    def show_year(self, year: int | None) -> None:
        """Fill the quota table with ``year``'s quotas."""
        self.year = year
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setRowCount(0)
        self.save_button.setEnabled(False)
        common.set_message(self.message, "")
        if year is None:
            self.heading.setText("")
            self.table.blockSignals(False)
            return
        self.heading.setText(self.tr("Quotas of {year} per kecamatan").format(year=year))
        self.kecamatan = desk.year_quotas(self.ctx, year)
        present = {f for r in self.kecamatan for f in r.quotas}
        self.sources = [c for c in FUNDING if c in present] or ["apbd"]
        self._fill()
        self.table.blockSignals(False)

    def _fill(self) -> None:
        headers = [self.tr("Kecamatan"), *[FUNDING[c] for c in self.sources], self.tr("Total")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(self.kecamatan))
        for r, row in enumerate(self.kecamatan):
            self.table.setItem(r, 0, _item(row.name))
            for c, code in enumerate(self.sources, start=1):
                item = QTableWidgetItem(str(row.quotas.get(code, 0)))
                item.setTextAlignment(RIGHT)
                item.setData(Qt.ItemDataRole.UserRole, (row.code, code))
                self.table.setItem(r, c, item)
            self.table.setItem(r, len(self.sources) + 1, _item(fmt_int(row.total), True))

    def add_source(self) -> None:
        """Add a column for another funding source (quotas 0 until typed)."""
        code = self.source_box.currentData()
        if self.year is None or code in self.sources:
            return
        self.table.blockSignals(True)
        self.sources.append(code)
        self.sources.sort(key=list(FUNDING).index)
        self._fill()
        self.table.blockSignals(False)

    def _edited(self, item: QTableWidgetItem) -> None:
        if item.data(Qt.ItemDataRole.UserRole) is None:
            return
        text = item.text().replace(".", "").replace(",", "").strip()
        if not text.isdigit():
            common.set_message(self.message, self.tr("A quota is a whole number of 0 or more."))
            self.save_button.setEnabled(False)
            return
        common.set_message(self.message, "")
        self.save_button.setEnabled(True)

    def edited_values(self) -> dict[tuple[str, str], int]:
        """Every quota cell of the table as (kecamatan, funding) → value."""
        values: dict[tuple[str, str], int] = {}
        for r in range(self.table.rowCount()):
            for c in range(1, len(self.sources) + 1):
                item = self.table.item(r, c)
                key = item.data(Qt.ItemDataRole.UserRole) if item else None
                if item is None or key is None:
                    continue
                text = item.text().replace(".", "").replace(",", "").strip()
                if not text.isdigit():
                    return {}
                values[(str(key[0]), str(key[1]))] = int(text)
        return values

    def save(self) -> None:
        """Save the quota table (one transaction)."""
        if self.year is None:
            return
        values = self.edited_values()
        if not values:
            common.set_message(self.message, self.tr("A quota is a whole number of 0 or more."))
            return
        old = {(r.code, f): q for r in self.kecamatan for f, q in r.quotas.items()}
        changed = {k: v for k, v in values.items() if old.get(k) != v}
        try:
            desk.set_quotas(self.ctx, self.actor, self.year, changed)
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        year = self.year
        self.reload(select=year)
        common.set_message(
            self.message,
            self.tr("{count} quotas saved.").format(count=len(changed)),
            common.NOTE_STYLE,
        )
        bus().announce(Changes(settings=True))

    def add_year(self) -> None:
        """Ask for a new year and create it."""
        answer = NewYearDialog.ask([y.year for y in desk.list_years(self.ctx)], self)
        if answer is None:
            return
        try:
            created = desk.add_year(
                self.ctx,
                self.actor,
                answer["year"],
                copy_from=answer["copy_from"],
                funding=answer["funding"],
                note=answer["note"],
            )
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        self.reload(select=created.year)
        bus().announce(Changes(settings=True))


# --- rates ---------------------------------------------------------------------------


class RatesView(QWidget):
    """The dated rate table, and a form to add a rate from a date (a new regulation)."""

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.rows: list[Any] = []
        self.table = _table(
            [
                self.tr("In force from"),
                self.tr("Programme"),
                self.tr("Rule"),
                self.tr("Funding sources"),
                self.tr("Note"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.remove_button = QPushButton(self.tr("&Remove selected rate"))
        self.remove_button.clicked.connect(self.remove)

        self.effective = QDateEdit()
        self.effective.setDisplayFormat(DATE_FORMAT)
        self.effective.setCalendarPopup(True)
        today = dt.date.today()
        self.effective.setDate(QDate(today.year + 1, 1, 1))
        self.programme = QComboBox()
        for p in ("JKK", "JKM", "JHT"):
            self.programme.addItem(p, p)
        self.by_percent = QRadioButton(self.tr("Percent of declared income"))
        self.by_amount = QRadioButton(self.tr("Fixed amount"))
        self.by_percent.setChecked(True)
        self.percent = QLineEdit()
        self.percent.setPlaceholderText("1")
        self.min_amount = QLineEdit()
        self.max_amount = QLineEdit()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("6800")
        self.funding_boxes: dict[str, QCheckBox] = {}
        funding_row = QHBoxLayout()
        for code, label in FUNDING.items():
            box = QCheckBox(label)
            self.funding_boxes[code] = box
            funding_row.addWidget(box)
        funding_row.addStretch(1)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. PP 49/2023"))
        self.add_button = QPushButton(self.tr("&Add rate"))
        self.add_button.clicked.connect(self.add)
        self.message = common.message_label()
        self.by_percent.toggled.connect(self._kind_changed)

        form = QFormLayout()
        form.addRow(self.tr("In &force from"), self.effective)
        form.addRow(self.tr("&Programme"), self.programme)
        kind = QHBoxLayout()
        kind.addWidget(self.by_percent)
        kind.addWidget(self.by_amount)
        kind.addStretch(1)
        form.addRow(self.tr("Rule"), kind)
        form.addRow(self.tr("Perce&nt"), self.percent)
        form.addRow(self.tr("Mi&nimum (Rp)"), self.min_amount)
        form.addRow(self.tr("Ma&ximum (Rp)"), self.max_amount)
        form.addRow(self.tr("A&mount (Rp)"), self.amount)
        form.addRow(self.tr("Applies to (none ticked: all)"), funding_row)
        form.addRow(self.tr("N&ote"), self.note)
        group = QGroupBox(self.tr("New rate"))
        inner = QVBoxLayout(group)
        inner.addLayout(form)
        note = QLabel(
            self.tr(
                "A rate applies from the month of its date (from the next month when it is "
                "not the first), and only to the funding sources ticked."
            )
        )
        note.setWordWrap(True)
        common.muted(note)
        inner.addWidget(note)
        inner.addWidget(self.message)
        inner.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(group)
        self._kind_changed()
        self.reload()

    def _kind_changed(self) -> None:
        percent = self.by_percent.isChecked()
        for w in (self.percent, self.min_amount, self.max_amount):
            w.setEnabled(percent)
        self.amount.setEnabled(not percent)

    def reload(self) -> None:
        """Read the rate table again."""
        self.rows = desk.list_rates(self.ctx)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            rule = row.rule
            for c, text in enumerate(
                (
                    format_date(rule.effective_from),
                    rule.programme.value,
                    desk.describe_rule(rule),
                    ", ".join(desk.funding_label(f) for f in rule.funding),
                    row.note,
                )
            ):
                self.table.setItem(r, c, _item(text))

    @staticmethod
    def _money(text: str) -> int | None:
        cleaned = text.replace(".", "").replace(",", "").replace("Rp", "").strip()
        if not cleaned:
            return None
        if not cleaned.isdigit():
            raise ValueError(text)
        return int(cleaned)

    def add(self) -> None:
        """Add the rate of the form."""
        common.set_message(self.message, "")
        d = self.effective.date()
        try:
            percent = self.by_percent.isChecked()
            kwargs: dict[str, Any] = {
                "effective_from": dt.date(d.year(), d.month(), d.day()),
                "programme": self.programme.currentData(),
                "funding": [c for c, b in self.funding_boxes.items() if b.isChecked()],
                "note": self.note.text(),
            }
            if percent:
                kwargs["percent_bp"] = desk.parse_percent(self.percent.text())
                kwargs["min_amount"] = self._money(self.min_amount.text())
                kwargs["max_amount"] = self._money(self.max_amount.text())
            else:
                kwargs["amount"] = self._money(self.amount.text())
            desk.add_rate(self.ctx, self.actor, **kwargs)
        except ValueError as exc:
            common.set_message(
                self.message, self.tr("'{text}' is not an amount in rupiah.").format(text=exc)
            )
            return
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        self.reload()
        for w in (self.percent, self.min_amount, self.max_amount, self.amount, self.note):
            w.clear()
        common.set_message(self.message, self.tr("Rate added."), common.NOTE_STYLE)
        bus().announce(Changes(settings=True))

    def remove(self) -> None:
        """Remove the selected rate after asking."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if not rows:
            return
        row = self.rows[rows[0]]
        question = self.tr("Remove the {programme} rate in force from {date}?").format(
            programme=row.rule.programme.value, date=format_date(row.rule.effective_from)
        )
        if not common.confirm(self, question):
            return
        try:
            desk.remove_rate(self.ctx, self.actor, row.id)
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        self.reload()
        bus().announce(Changes(settings=True))


# --- the planner ---------------------------------------------------------------------


class PlannerView(QWidget):
    """Next year's budget for the register carried over and a planned intake."""

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.result: desk.PlanView | None = None
        this_year = dt.date.today().year
        self.year = QSpinBox()
        self.year.setRange(desk.MIN_YEAR, desk.MAX_YEAR)
        self.year.setValue(this_year + 1)
        self.count = QSpinBox()
        self.count.setRange(0, 1_000_000)
        self.count.setGroupSeparatorShown(True)
        self.per_nagari = QCheckBox(self.tr("for every nagari"))
        self.occupation = QComboBox()
        self.occupation.addItem(self.tr("(any occupation)"), None)
        for code, label in OCCUPATIONS.items():
            self.occupation.addItem(label, code)
        self.funding = QComboBox()
        for code, label in FUNDING.items():
            self.funding.addItem(label, code)
        self.start = QDateEdit()
        self.start.setDisplayFormat(DATE_FORMAT)
        self.start.setCalendarPopup(True)
        self.start.setDate(QDate(this_year + 1, 1, 1))
        self.year.valueChanged.connect(lambda y: self.start.setDate(QDate(y, 1, 1)))
        self.calculate_button = QPushButton(self.tr("&Calculate"))
        self.calculate_button.clicked.connect(self.calculate)
        self.message = common.message_label()
        count_row = QHBoxLayout()
        count_row.addWidget(self.count)
        count_row.addWidget(self.per_nagari)
        count_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Year"), self.year)
        form.addRow(self.tr("New participants"), count_row)
        form.addRow(self.tr("&Occupation"), self.occupation)
        form.addRow(self.tr("Paid &by"), self.funding)
        form.addRow(self.tr("Covered &from"), self.start)

        self.summary = _table([self.tr("Group"), self.tr("Participants"), self.tr("Year")])
        self.summary.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary.setMaximumHeight(200)
        self.needed = QLabel()
        font = self.needed.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.needed.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.chart = BarChart()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.calculate_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(self.needed)
        layout.addWidget(self.detail)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 1)

    def calculate(self) -> None:
        """Ask the planner and show its answer."""
        common.set_message(self.message, "")
        d = self.start.date()
        try:
            view = desk.plan(
                self.ctx,
                self.year.value(),
                self.count.value(),
                occupation=self.occupation.currentData(),
                funding=self.funding.currentData(),
                per_nagari=self.per_nagari.isChecked(),
                start=dt.date(d.year(), d.month(), d.day()),
            )
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        self.result = view
        p = view.plan
        self.needed.setText(
            self.tr("APBD needed for {year}: {money}").format(
                year=p.year, money=format_rupiah(p.needed("apbd"))
            )
        )
        lines = [
            f"{desk.funding_label(code)}: {format_rupiah(line.total)}"
            for code, line in p.by_funding.items()
        ]
        if view.per_nagari is not None:
            lines.insert(
                0,
                self.tr("{n} in each of {nagari} nagari = {count} new participants").format(
                    n=view.per_nagari, nagari=view.nagari_count, count=fmt_int(p.added_count)
                ),
            )
        if view.quota is not None:
            lines.append(
                self.tr("Quota of {year}: {quota}").format(year=p.year, quota=fmt_int(view.quota))
            )
        self.detail.setText(" · ".join(lines))
        rows = [
            (self.tr("Register carried over"), p.carried.participants, p.carried.total),
            (self.tr("New participants"), p.added_count, p.added.total),
            (self.tr("Total"), p.total.participants, p.total.total),
        ]
        self.summary.setRowCount(len(rows))
        for r, (label, n, money) in enumerate(rows):
            self.summary.setItem(r, 0, _item(label))
            self.summary.setItem(r, 1, _item(fmt_int(n), True))
            self.summary.setItem(r, 2, _item(format_rupiah(money), True))
        months = sorted(p.total.by_month)
        self.chart.set_data(
            [reports.month_name(k)[:3] for k in months],
            [
                ChartSeries(
                    self.tr("Contributions"),
                    [p.total.by_month[k] for k in months],
                    SERIES_COLOURS[0],
                )
            ],
            money=True,
        )


# --- reports -------------------------------------------------------------------------


class ReportsView(QWidget):
    """The recap, budget and cards reports as PDF or xlsx, and the year's budget at a glance."""

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Recap of participants"), reports.ReportKind.RECAP.value)
        self.kind.addItem(self.tr("Budget of contributions"), reports.ReportKind.BUDGET.value)
        self.kind.addItem(self.tr("Cards and handovers"), reports.ReportKind.CARDS.value)
        self.year = QSpinBox()
        self.year.setRange(desk.MIN_YEAR, desk.MAX_YEAR)
        self.year.setValue(dt.date.today().year)
        self.year.valueChanged.connect(self.show_budget)
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button = QPushButton(self.tr("Save as &Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = common.message_label()
        self.busy = TaskRunner(self.progress, self.message, [self.pdf_button, self.xlsx_button])
        self.written: Path | None = None

        form = QFormLayout()
        form.addRow(self.tr("&Report"), self.kind)
        form.addRow(self.tr("&Year"), self.year)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addStretch(1)

        self.budget = _table(
            [self.tr("Kecamatan"), self.tr("Participants"), self.tr("Per month"), self.tr("Year")]
        )
        self.budget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.budget_title = QLabel()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.budget_title)
        layout.addWidget(self.budget, 1)
        self.show_budget()

    def show_budget(self) -> None:
        """The chosen year's budget per kecamatan and funding source."""
        try:
            b = desk.budget_detail(self.ctx, self.year.value())
        except AppError as exc:
            common.set_message(self.message, str(exc))
            return
        self.budget_title.setText(
            self.tr("Budget of {year}: {money}").format(
                year=self.year.value(), money=format_rupiah(b.total.total)
            )
        )
        rows = [(k.name, k.line) for k in b.kecamatan] + [(f.name, f.line) for f in b.funding]
        rows.append((self.tr("Total"), b.total))
        self.budget.setRowCount(len(rows))
        for r, (name, line) in enumerate(rows):
            self.budget.setItem(r, 0, _item(name))
            self.budget.setItem(r, 1, _item(fmt_int(line.participants), True))
            self.budget.setItem(r, 2, _item(format_rupiah(line.monthly), True))
            self.budget.setItem(r, 3, _item(format_rupiah(line.total), True))

    def suggested_name(self, fmt: str) -> str:
        """``rekap-2023.pdf`` and the like."""
        names = {"recap": "rekap-peserta", "budget": "anggaran-iuran", "cards": "rekap-kartu"}
        return f"{names[self.kind.currentData()]}-{self.year.value()}.{fmt}"

    def export(self, fmt: str, path: str | None = None) -> None:
        """Ask where, then write the report in the background."""
        if path is None:
            filters = self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("Excel (*.xlsx)")
            path = common.save_file(self, self.tr("Save report"), self.suggested_name(fmt), filters)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        kind, year = self.kind.currentData(), self.year.value()
        ctx, actor = self.ctx, self.actor

        def work(_progress: Progress) -> reports.Written:
            return reports.export(ctx, actor, kind, year, target)

        self.busy.run(work, self._written)

    def _written(self, written: reports.Written) -> None:
        self.written = written.path
        common.set_message(
            self.message,
            self.tr("Report saved to {path}").format(path=str(written.path)),
            common.NOTE_STYLE,
        )


# --- BPJS ----------------------------------------------------------------------------


class BpjsView(QWidget):
    """The list for BPJS out, the KPJ numbers back in with a preview before saving."""

    GROUPS = ("matched", "unchanged", "unmatched", "conflicts", "invalid")

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.preview: bpjs.KpjPreview | None = None
        self.exported: bpjs.Exported | None = None

        self.waiting = QLabel()
        self.export_button = QPushButton(self.tr("&Export for BPJS…"))
        self.export_button.clicked.connect(lambda: self.export())
        self.import_button = QPushButton(self.tr("&Read BPJS's answer…"))
        self.import_button.clicked.connect(lambda: self.read())
        self.save_button = QPushButton(self.tr("&Save KPJ numbers"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = common.message_label()
        self.busy = TaskRunner(
            self.progress, self.message, [self.export_button, self.import_button, self.save_button]
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        headers = [
            self.tr("Row"),
            "NIK",
            "KPJ",
            self.tr("Registration no."),
            self.tr("Name"),
            self.tr("Reason"),
        ]
        self.tabs = QTabWidget()
        self.tables: dict[str, QTableWidget] = {}
        for group in self.GROUPS:
            t = _table(headers)
            t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.tables[group] = t
            self.tabs.addTab(t, self._group_label(group, 0))

        top = QHBoxLayout()
        top.addWidget(self.export_button)
        top.addWidget(self.import_button)
        top.addStretch(1)
        top.addWidget(self.save_button)
        explain = QLabel(
            self.tr(
                "Export lists the accepted participants still waiting for a KPJ number, in the "
                "columns BPJS's branch asks for. Read the spreadsheet BPJS sends back: rows are "
                "matched by NIK, and nothing is saved before you press Save."
            )
        )
        explain.setWordWrap(True)
        common.muted(explain)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.waiting)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.refresh_waiting()

    def _group_label(self, group: str, count: int) -> str:
        labels = {
            "matched": self.tr("Matched ({count})"),
            "unchanged": self.tr("Unchanged ({count})"),
            "unmatched": self.tr("Unmatched ({count})"),
            "conflicts": self.tr("Conflicts ({count})"),
            "invalid": self.tr("Malformed ({count})"),
        }
        return labels[group].format(count=fmt_int(count))

    def refresh_waiting(self) -> None:
        """How many wait for a KPJ."""
        self.waiting.setText(
            self.tr("{count} accepted participants wait for a KPJ number.").format(
                count=fmt_int(bpjs.waiting_count(self.ctx))
            )
        )

    def export(self, path: str | None = None) -> None:
        """Ask where, then write the list for BPJS in the background."""
        if path is None:
            path = common.save_file(
                self,
                self.tr("Save the list for BPJS"),
                f"peserta-bpu-{dt.date.today():%Y%m%d}.xlsx",
                self.tr("Excel (*.xlsx)"),
            )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        ctx, actor = self.ctx, self.actor
        self.busy.run(lambda p: bpjs.export(ctx, actor, target, progress=p), self._exported)

    def _exported(self, done: bpjs.Exported) -> None:
        self.exported = done
        common.set_message(
            self.message,
            self.tr("{count} participants written to {path}").format(
                count=fmt_int(done.count), path=str(done.path)
            ),
            common.NOTE_STYLE,
        )

    def read(self, path: str | None = None) -> None:
        """Ask for BPJS's spreadsheet and show what importing it would do."""
        if path is None:
            path = common.open_file(
                self,
                self.tr("BPJS's answer"),
                self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt)"),
            )
        if not path:
            return
        ctx = self.ctx
        target = Path(path)
        self.busy.run(lambda p: bpjs.preview(ctx, target, progress=p), self._show)

    def _show(self, preview: bpjs.KpjPreview) -> None:
        self.preview = preview
        for group in self.GROUPS:
            outcomes = getattr(preview, group)
            table = self.tables[group]
            rows = bpjs.as_rows(outcomes)
            table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.setItem(r, c, _item(str(value), c == 0))
            self.tabs.setTabText(self.GROUPS.index(group), self._group_label(group, len(rows)))
        counts = preview.counts()
        self.summary.setText(
            self.tr(
                "{file}: {rows} rows. {matched} will get their KPJ number and become active; "
                "the others are not saved."
            ).format(
                file=preview.file, rows=fmt_int(counts["rows"]), matched=fmt_int(counts["matched"])
            )
        )
        self.save_button.setEnabled(bool(preview.matched) and preview.saved == 0)
        self.save_button.setText(
            self.tr("&Save {count} KPJ numbers").format(count=fmt_int(len(preview.matched)))
        )

    def save(self) -> None:
        """Save the previewed matches."""
        if self.preview is None or not self.preview.matched:
            return
        ctx, actor, shown = self.ctx, self.actor, self.preview
        self.busy.run(lambda _p: bpjs.commit(ctx, actor, shown), self._saved)

    def _saved(self, result: bpjs.KpjPreview) -> None:
        self._show(result)
        self.save_button.setEnabled(False)
        common.set_message(
            self.message,
            self.tr("{count} KPJ numbers saved; those participants are now active.").format(
                count=fmt_int(result.saved)
            ),
            common.NOTE_STYLE,
        )
        self.refresh_waiting()
        bus().announce(Changes(participants=True))


# --- all of it -----------------------------------------------------------------------


class DeskWidget(QTabWidget):
    """The desk's views in tabs, for the main window of a kabupaten install."""

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.years = YearsView(ctx, actor)
        self.rates = RatesView(ctx, actor)
        self.planner = PlannerView(ctx, actor)
        self.reports = ReportsView(ctx, actor)
        self.bpjs = BpjsView(ctx, actor)
        self.addTab(self.years, self.tr("Years and quotas"))
        self.addTab(self.rates, self.tr("Rates"))
        self.addTab(self.planner, self.tr("Planner"))
        self.addTab(self.reports, self.tr("Reports"))
        self.addTab(self.bpjs, self.tr("BPJS"))
