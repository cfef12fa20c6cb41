"""Who else is signed in at the Dinas, in the status bar, and refreshing on their changes.

Several desks can share one register (the kabupaten's, on a PostgreSQL server). This
label writes this desk's heartbeat every half minute, shows the other desks seen in the
last two minutes ("Also signed in: rina (MEJA-2)") and looks at the register's change
marker every few seconds: when another desk changed the register, it announces the change
on the bus, and the list and the dashboard refresh themselves as after a change made here.

The same look reads the restore's mark: when a restore at another desk replaced the
database this window works on, the label stops (no more heartbeats) and says so with its
signal ``replaced``; the main window then shows :class:`ReplacedBanner`, stops every action
and tells the user to start Lindungi again (which follows the restore at its sign-in).
Following in place is not attempted: every open screen holds the replaced database, and
the account must be signed in again on the restored register, where it may differ.

The database work runs on one worker thread, never on the GUI's: a busy register or a slow
network must not freeze the window. Results come back through the timer's next tick.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.services import presence
from app.services.actor import Actor
from app.services.context import Context
from app.ui import common
from app.ui.bus import Changes, bus
from app.ui.chain_banner import BANNER_STYLE

log = logging.getLogger(__name__)

TICK_MS = presence.POLL_SECONDS * 1000


@dataclass(frozen=True)
class _Look:
    """What one round of the worker saw."""

    marker: int
    others: list[presence.Desk]
    replaced: presence.Replaced | None = None


class DesksLabel(QLabel):
    """The status bar's list of the other desks at work on this register."""

    # A restore at another desk replaced this desk's database (a presence.Replaced).
    replaced = Signal(object)
    # A round ended on the worker thread (delivered on the window's thread, queued).
    _answered = Signal()

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desks")
        self._ctx = ctx
        self._actor = actor
        self.desk_id = presence.new_desk_id()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desks")
        self._pending: Future[_Look] | None = None
        self._marker: int | None = None
        self._last_beat: dt.datetime | None = None
        self.others: list[presence.Desk] = []
        self._stopped = False
        self.gone: presence.Replaced | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._answered.connect(self._collect, Qt.ConnectionType.QueuedConnection)
        bus().changed.connect(self._on_own_change)
        self.setVisible(False)
        self.tick()
        self._timer.start()

    def tick(self) -> None:
        """Take the last round's answer (if any) and start the next round."""
        if self._stopped:
            return
        if self._pending is not None:
            if not self._pending.done():
                return  # the register is slow: wait, never pile rounds up
            self._take(self._pending)
            self._pending = None
            if self._stopped:  # the database was replaced meanwhile
                return
        now = dt.datetime.now()
        due = self._last_beat is None or now - self._last_beat >= dt.timedelta(
            seconds=presence.BEAT_SECONDS
        )
        if due:
            self._last_beat = now
        self._pending = self._pool.submit(self._round, due)
        self._pending.add_done_callback(self._on_answer)

    def _on_answer(self, _done: Future[_Look]) -> None:
        """On the worker thread: have the window take the answer now, not at the next tick
        (a restore elsewhere is then shown within one interval)."""
        with contextlib.suppress(RuntimeError):  # the label is gone: nothing to show
            self._answered.emit()

    def _collect(self) -> None:
        if self._stopped or self._pending is None or not self._pending.done():
            return
        self._take(self._pending)
        self._pending = None

    def settle(self) -> None:
        """Wait for the round under way and show it (tests; closing)."""
        if self._pending is not None:
            self._pending.result()
            self._take(self._pending)
            self._pending = None

    def _round(self, beat: bool) -> _Look:
        gone = presence.replaced(self._ctx)
        if gone is not None:  # no heartbeat: it would be refused
            return _Look(0, [], gone)
        if beat:
            presence.beat(self._ctx, self._actor, self.desk_id)
        return _Look(presence.marker(self._ctx), presence.others(self._ctx, self.desk_id))

    def _take(self, done: Future[_Look]) -> None:
        try:
            look = done.result()
        except Exception as exc:  # a lost server: say nothing here, try again later
            log.info("desks not looked at: %s", exc)
            return
        if look.replaced is not None:
            self._on_replaced(look.replaced)
            return
        self._show(look.others)
        if self._marker is not None and look.marker != self._marker:
            self._marker = look.marker
            bus().announce(Changes(participants=True))  # another desk changed the register
        self._marker = look.marker

    def _show(self, others: list[presence.Desk]) -> None:
        self.others = others
        self.setVisible(bool(others))
        if not others:
            self.setText("")
            self.setToolTip("")
            return
        names = ", ".join(f"{d.account} ({d.host})" for d in others)
        self.setText(self.tr("Also signed in: {names}").format(names=names))
        lines = [
            self.tr("{account} on {host}, since {time}").format(
                account=d.account, host=d.host, time=f"{d.since:%H:%M}"
            )
            for d in others
        ]
        self.setToolTip("\n".join(lines))

    def _on_own_change(self, changes: Changes) -> None:
        # This desk's own change needs no second refresh: the next round only announces a
        # marker that moved after this point.
        if changes.participants:
            self._marker = None

    def _on_replaced(self, gone: presence.Replaced) -> None:
        log.warning(
            "database %s was replaced by a restore at another desk (now %s): this desk stops",
            gone.database,
            gone.restored or "?",
        )
        self.gone = gone
        self._show([])
        self.stop()
        self.replaced.emit(gone)

    def stop(self) -> None:
        """Stop looking and remove this desk's row (closing or signing out; not on a
        replaced database, where the removal is refused and the row goes by itself)."""
        if self._stopped:
            return
        self._stopped = True
        self._timer.stop()
        with contextlib.suppress(RuntimeError, TypeError):
            bus().changed.disconnect(self._on_own_change)
        if self.gone is None:
            self._pool.submit(presence.leave, self._ctx, self.desk_id)
        self._pool.shutdown(wait=True)


class ReplacedBanner(QWidget):
    """The main window's banner once a restore (at another desk, or with the command line on
    this PC) replaced its database: what happened, that nothing more is saved here, and the
    button that closes Lindungi."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replaced_banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BANNER_STYLE.replace("#chain_banner", "#replaced_banner"))
        layout = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setObjectName("replaced_text")
        self.text.setWordWrap(True)
        self.text.setStyleSheet(common.ERROR_STYLE + " font-weight: bold;")
        self.button = QPushButton(self.tr("Close Lindungi"))
        self.button.setObjectName("replaced_close")
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.setVisible(False)

    def message(self, gone: presence.Replaced) -> str:
        """What the banner and the message box say, in the window's language."""
        text = self.tr(
            "A backup of this register was restored into database {restored}. "
            "Database {database}, which this window still shows, is no longer used: nothing "
            "more can be saved here. Close Lindungi and start it again; it then opens the "
            "restored register."
        ).format(restored=gone.restored or "?", database=gone.database)
        if gone.by and gone.at is not None:
            text += " " + self.tr("Restored by {user} on {date} at {time}.").format(
                user=gone.by, date=f"{gone.at:%d/%m/%Y}", time=f"{gone.at:%H:%M}"
            )
        return text

    def show_for(self, gone: presence.Replaced) -> str:
        """Show the banner for ``gone``; returns its text."""
        text = self.message(gone)
        self.text.setText(text)
        self.setVisible(True)
        return text
