"""Who else is signed in at the Dinas, in the status bar, and refreshing on their changes.

Several desks can share one register (the kabupaten's, on a PostgreSQL server). This
label writes this desk's heartbeat every half minute, shows the other desks seen in the
last two minutes ("Also signed in: rina (MEJA-2)") and looks at the register's change
marker every few seconds: when another desk changed the register, it announces the change
on the bus, and the list and the dashboard refresh themselves as after a change made here.

The database work runs on one worker thread, never on the GUI's: a busy register or a slow
network must not freeze the window. Results come back through the timer's next tick.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from app.services import presence
from app.services.actor import Actor
from app.services.context import Context
from app.ui.bus import Changes, bus

log = logging.getLogger(__name__)

TICK_MS = presence.POLL_SECONDS * 1000


@dataclass(frozen=True)
class _Look:
    """What one round of the worker saw."""

    marker: int
    others: list[presence.Desk]


class DesksLabel(QLabel):
    """The status bar's list of the other desks at work on this register."""

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
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
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
        now = dt.datetime.now()
        due = self._last_beat is None or now - self._last_beat >= dt.timedelta(
            seconds=presence.BEAT_SECONDS
        )
        if due:
            self._last_beat = now
        self._pending = self._pool.submit(self._round, due)

    def settle(self) -> None:
        """Wait for the round under way and show it (tests; closing)."""
        if self._pending is not None:
            self._pending.result()
            self._take(self._pending)
            self._pending = None

    def _round(self, beat: bool) -> _Look:
        if beat:
            presence.beat(self._ctx, self._actor, self.desk_id)
        return _Look(presence.marker(self._ctx), presence.others(self._ctx, self.desk_id))

    def _take(self, done: Future[_Look]) -> None:
        try:
            look = done.result()
        except Exception as exc:  # a lost server: say nothing here, try again later
            log.info("desks not looked at: %s", exc)
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

    def stop(self) -> None:
        """Stop looking and remove this desk's row (closing or signing out)."""
        if self._stopped:
            return
        self._stopped = True
        self._timer.stop()
        with contextlib.suppress(RuntimeError, TypeError):
            bus().changed.disconnect(self._on_own_change)
        self._pool.submit(presence.leave, self._ctx, self.desk_id)
        self._pool.shutdown(wait=True)
