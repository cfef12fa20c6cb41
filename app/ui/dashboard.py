"""The kabupaten's first screen: participants per kecamatan against the quota, and the rest.

Figures come from one service call (:func:`app.services.desk.dashboard`, well under a second
at 100,000 participants); the bar chart is painted with QPainter (no QtCharts: that is an
Addons package). The view refreshes itself when participants change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.domain.fmt import format_rupiah
from app.errors import AppError
from app.services import desk
from app.services.actor import Actor
from app.services.context import Context
from app.ui import common
from app.ui.bus import Changes, bus
from app.ui.common import fmt_int
from app.ui.yearwarn import MissingYearBar

SERIES_COLOURS = ("#2f5d8a", "#b9c9da", "#d98c3a")


@dataclass(frozen=True)
class ChartSeries:
    """One series of bars: its name and one value per category."""

    label: str
    values: list[int]
    colour: str


class BarChart(QWidget):
    """Grouped vertical bars with a value axis, gridlines and a legend, painted by hand."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories: list[str] = []
        self.series: list[ChartSeries] = []
        self.money = False
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(
        self, categories: list[str], series: list[ChartSeries], money: bool = False
    ) -> None:
        """Show these bars (one value per category in every series)."""
        self.categories = categories
        self.series = series
        self.money = money
        self.update()

    @override
    def sizeHint(self) -> QSize:
        return QSize(640, 300)

    def _label(self, value: float) -> str:
        v = round(value)
        if self.money and v >= 1_000_000:
            return f"{v / 1_000_000:.1f}".replace(".", ",") + " jt"
        return fmt_int(v)

    @staticmethod
    def nice_top(value: int) -> tuple[int, int]:
        """A round top for the value axis and its step (four to six gridlines)."""
        if value <= 0:
            return 10, 2
        value = value + value // 20  # room above the highest bar for its label
        raw = value / 5
        magnitude = 10 ** (len(str(int(raw))) - 1)
        for m in (1, 2, 2.5, 5, 10):
            step = max(1, int(m * magnitude))
            if step * 5 >= value:
                return step * 5, step
            if step * 6 >= value:
                return step * 6, step
        step = 10 * magnitude
        return step * ((value + step - 1) // step), step

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(p)
        finally:
            p.end()

    def _paint(self, p: QPainter) -> None:
        pal = self.palette()
        text = pal.color(pal.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(40)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        p.setFont(font)
        fm = QFontMetrics(font)
        w, h = self.width(), self.height()
        if not self.categories or not self.series:
            p.setPen(text)
            p.drawText(QRectF(0, 0, w, h), Qt.AlignmentFlag.AlignCenter, "–")
            return
        top_value = max((max(s.values, default=0) for s in self.series), default=0)
        top, step = self.nice_top(top_value)
        left = fm.horizontalAdvance(self._label(top)) + 12
        legend_h = fm.height() + 8
        widest = max(fm.horizontalAdvance(c) for c in self.categories)
        slot = (w - left - 8) / len(self.categories)
        angled = widest > slot - 4
        bottom = (int(widest * 0.72) + fm.height() if angled else fm.height()) + 10
        plot = QRectF(left, legend_h + 6, w - left - 8, h - legend_h - 6 - bottom)
        if plot.height() < 40 or plot.width() < 40:
            return
        # Gridlines and the value axis.
        for v in range(0, top + 1, step):
            y = plot.bottom() - plot.height() * v / top
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text)
            p.drawText(
                QRectF(0, y - fm.height() / 2, left - 6, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self._label(v),
            )
        # Bars.
        n = len(self.series)
        group = plot.width() / len(self.categories)
        bar = max(2.0, (group * 0.76) / n)
        for i, category in enumerate(self.categories):
            x0 = plot.left() + i * group + (group - bar * n) / 2
            for j, s in enumerate(self.series):
                value = s.values[i] if i < len(s.values) else 0
                bh = plot.height() * value / top
                rect = QRectF(x0 + j * bar, plot.bottom() - bh, bar - 1, bh)
                p.fillRect(rect, QColor(s.colour))
                if bar >= fm.horizontalAdvance(self._label(value)) * 0.9 and value:
                    p.setPen(text)
                    p.drawText(
                        QRectF(
                            rect.left() - 10, rect.top() - fm.height() - 1, bar + 20, fm.height()
                        ),
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                        self._label(value),
                    )
            # The category's label under its group, turned when it does not fit.
            p.setPen(text)
            cx = plot.left() + (i + 0.5) * group
            if angled:
                p.save()
                p.translate(cx + fm.height() / 3, plot.bottom() + 6)
                p.rotate(-35)
                tw = fm.horizontalAdvance(category)
                p.drawText(QRectF(-tw, 0, tw, fm.height()), Qt.AlignmentFlag.AlignRight, category)
                p.restore()
            else:
                p.drawText(
                    QRectF(cx - group / 2, plot.bottom() + 4, group, fm.height()),
                    Qt.AlignmentFlag.AlignHCenter,
                    category,
                )
        p.setPen(QPen(text, 1))
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        # Legend, top right.
        x = plot.right()
        for s in reversed(self.series):
            tw = fm.horizontalAdvance(s.label)
            x -= tw
            p.setPen(text)
            p.drawText(QRectF(x, 2, tw, fm.height()), Qt.AlignmentFlag.AlignLeft, s.label)
            x -= fm.height() + 4
            p.fillRect(
                QRectF(x, 2 + fm.height() * 0.15, fm.height() * 0.7, fm.height() * 0.7),
                QColor(s.colour),
            )
            x -= 14


class Tile(QFrame):
    """A big number with a caption under it."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        common.muted(self.caption)
        box = QVBoxLayout(self)
        box.addWidget(self.value)
        box.addWidget(self.caption)

    def set(self, value: str, caption: str | None = None) -> None:
        """Show a value (and change the caption)."""
        self.value.setText(value)
        if caption is not None:
            self.caption.setText(caption)


class DashboardWidget(QWidget):
    """Participants per kecamatan against the quota, statuses, cards, offices, this month."""

    def __init__(
        self,
        ctx: Context,
        actor: Actor,
        parent: QWidget | None = None,
        today: dt.date | None = None,
        *,
        after_first_paint: bool = False,
    ) -> None:
        """``after_first_paint``: read the figures only once the widget has been painted
        (the main window shows at once, and the tiles fill in a moment later)."""
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.today = today
        self.data: desk.Dashboard | None = None
        self._deferred = after_first_paint

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.refresh_button)

        self.participants_tile = Tile(self.tr("participants against the quota"))
        self.approved_tile = Tile(self.tr("approved, waiting to be accepted"))
        self.accepted_tile = Tile(self.tr("accepted, waiting for a KPJ"))
        self.active_tile = Tile(self.tr("active (KPJ from BPJS)"))
        self.inactive_tile = Tile(self.tr("inactive"))
        self.cards_tile = Tile(self.tr("cards printed / handed over"))
        self.money_tile = Tile(self.tr("contributions this month"))
        tiles = QGridLayout()
        for i, tile in enumerate(
            (
                self.participants_tile,
                self.approved_tile,
                self.accepted_tile,
                self.active_tile,
                self.inactive_tile,
                self.cards_tile,
                self.money_tile,
            )
        ):
            tiles.addWidget(tile, i // 4, i % 4)

        self.chart_title = QLabel()
        self.chart = BarChart()
        # The kecamatan whose registrations this year are more than their quota pays for.
        self.over_quota = common.message_label(common.WARNING_STYLE)
        self.over_quota.setObjectName("over_quota")

        self.installs_title = QLabel(self.tr("Offices"))
        bold = self.installs_title.font()
        bold.setBold(True)
        self.installs_title.setFont(bold)
        self.chart_title.setFont(bold)
        self.installs = QTableWidget(0, 4)
        self.installs.setHorizontalHeaderLabels(
            [
                self.tr("Office"),
                self.tr("Days since last bundle"),
                self.tr("Held bundles"),
                self.tr("Open conflicts"),
            ]
        )
        self.installs.verticalHeader().setVisible(False)
        self.installs.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.installs.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.installs.setMaximumHeight(220)
        self.installs_empty = QLabel(
            self.tr(
                "No office has sent a bundle yet. Write each kecamatan station its enrolment "
                "file (Bundles ▸ Offices), then import the bundles their USB sticks bring "
                "(Bundles ▸ Import a bundle)."
            )
        )
        self.installs_empty.setObjectName("installs_empty")
        self.installs_empty.setWordWrap(True)
        common.muted(self.installs_empty)

        self.year_bar = MissingYearBar(ctx, actor)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.year_bar)
        layout.addLayout(tiles)
        layout.addWidget(self.chart_title)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.over_quota)
        layout.addWidget(self.installs_title)
        layout.addWidget(self.installs_empty)
        layout.addWidget(self.installs)

        bus().changed.connect(self._on_changed)
        if not self._deferred:
            self.refresh()

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._deferred:
            self._deferred = False
            QTimer.singleShot(0, self.refresh)

    def _on_changed(self, changes: Changes) -> None:
        if changes.participants or changes.settings:
            self.refresh()

    def refresh(self) -> None:
        """Read the figures again and redraw."""
        try:
            data = desk.dashboard(self.ctx, self.today)
        except AppError as exc:
            common.show_app_error(self, exc)
            return
        self.data = data
        self.year_bar.show_for([data.today.year])
        self.title.setText(self.tr("Programme year {year}").format(year=data.year))
        pct = f" ({data.participants * 100 // data.quota}%)" if data.quota else ""
        self.participants_tile.set(
            f"{fmt_int(data.participants)} / {fmt_int(data.quota)}",
            self.tr("participants against the quota") + pct,
        )
        st = data.statuses
        self.approved_tile.set(fmt_int(st.get("approved", 0)))
        self.accepted_tile.set(fmt_int(st.get("accepted", 0)))
        self.active_tile.set(fmt_int(st.get("active", 0)))
        self.inactive_tile.set(fmt_int(st.get("inactive", 0)))
        if data.cards_printed is None:
            self.cards_tile.setVisible(False)
        else:
            self.cards_tile.setVisible(True)
            self.cards_tile.set(
                f"{fmt_int(data.cards_printed)} / {fmt_int(data.cards_handed_over or 0)}"
            )
        self.money_tile.set(format_rupiah(data.month_total))
        self.chart_title.setText(
            self.tr("Participants and quota per kecamatan, {year}").format(year=data.year)
        )
        self.chart.set_data(
            [k.name for k in data.kecamatan],
            [
                ChartSeries(
                    self.tr("Participants"),
                    [k.participants for k in data.kecamatan],
                    SERIES_COLOURS[0],
                ),
                ChartSeries(self.tr("Quota"), [k.quota for k in data.kecamatan], SERIES_COLOURS[1]),
            ],
        )
        over = [k for k in data.kecamatan if k.participants > k.quota]
        common.set_message(
            self.over_quota,
            self.tr("Over the quota of {year}: {kecamatan}.").format(
                year=data.year,
                kecamatan=", ".join(
                    f"{k.name} {fmt_int(k.participants)} / {fmt_int(k.quota)}" for k in over
                ),
            )
            if over
            else "",
            common.WARNING_STYLE,
        )
        installs = data.installs
        self.installs_title.setVisible(installs is not None)
        self.installs.setVisible(bool(installs))
        self.installs_empty.setVisible(installs is not None and not installs)
        self.installs.setRowCount(len(installs or []))
        for r, i in enumerate(installs or []):
            days = "–" if i.days_since_bundle is None else fmt_int(i.days_since_bundle)
            for c, text in enumerate((i.install_code, days, fmt_int(i.held), fmt_int(i.conflicts))):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.installs.setItem(r, c, item)
