"""One GUI timer drains latest-value mailboxes: frames and tag positions without a signal each."""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Slot

from core.mailbox import LatestMailbox

log = logging.getLogger(__name__)

Handler = Callable[[dict[Any, Any]], object]


class MailboxPump(QObject):
    """Polls attached mailboxes from one QTimer on the GUI thread and hands batches to handlers.

    Workers `put` into a :class:`~core.mailbox.LatestMailbox` at any rate; every ``interval_ms``
    the pump takes each mailbox's newest values and calls its handler with them, on the GUI
    thread, if there are any. Cost on the GUI thread is one timer event per interval however
    fast the producers are, instead of one queued signal per frame or position.

    The timer runs only while at least one mailbox is attached, so an idle console does not wake
    up for nothing. Create, attach, detach and stop on the GUI thread (the pump's thread).

    Diagnostics: ``last_tick_s`` and ``max_tick_s`` are the GUI-thread time of a tick (handlers
    included, perf_counter seconds); with ``history`` > 0 the latest tick costs are kept too.
    """

    def __init__(
        self, interval_ms: int = 40, history: int = 0, parent: QObject | None = None
    ) -> None:
        """Create a stopped pump.

        Args:
            interval_ms: Time between polls (40 ms: 25 polls a second, the cameras' frame rate).
            history: How many of the latest tick costs to keep for :meth:`tick_costs` (0: none).
            parent: The Qt parent; the pump must live on the GUI thread.
        """
        super().__init__(parent)
        self._handlers: dict[LatestMailbox[Any, Any], Handler] = {}
        self._timer = QTimer(self)
        self._timer.setObjectName("mailboxPumpTimer")
        self._timer.timeout.connect(self._on_timer_timeout)
        self.set_interval(interval_ms)
        self._history: deque[float] | None = deque(maxlen=history) if history > 0 else None
        self.ticks = 0
        self.handler_errors = 0
        self.last_tick_s = 0.0
        self.max_tick_s = 0.0

    @property
    def interval_ms(self) -> int:
        """Time between polls."""
        return self._timer.interval()

    def set_interval(self, interval_ms: int) -> None:
        """Change the time between polls (takes effect at once if running)."""
        if interval_ms < 1:
            raise ValueError(f"interval must be at least 1 ms, not {interval_ms}")
        self._timer.setInterval(interval_ms)

    def is_running(self) -> bool:
        """Whether the timer is active (only while something is attached)."""
        return self._timer.isActive()

    def attached(self) -> list[LatestMailbox[Any, Any]]:
        """The attached mailboxes, in attachment order."""
        return list(self._handlers)

    def attach(self, mailbox: LatestMailbox[Any, Any], handler: Handler) -> None:
        """Deliver a mailbox's batches to `handler` (GUI thread); starts the timer if stopped.

        `handler(batch)` runs on the GUI thread with the newest value per key since the previous
        tick, only when the batch is not empty. A handler that raises is logged and does not
        stop the other handlers or later ticks.
        """
        self._check_thread()
        if mailbox in self._handlers:
            raise ValueError(f"{mailbox!r} is already attached")
        self._handlers[mailbox] = handler
        if not self._timer.isActive():
            self._timer.start()

    def detach(self, mailbox: LatestMailbox[Any, Any]) -> bool:
        """Stop delivering a mailbox (GUI thread); the timer stops with the last one.

        Values still pending stay in the mailbox. Returns whether it was attached.
        """
        self._check_thread()
        if self._handlers.pop(mailbox, None) is None:
            return False
        if not self._handlers:
            self._timer.stop()
        return True

    def stop(self) -> None:
        """Detach everything and stop the timer (GUI thread; part of the shutdown order)."""
        self._check_thread()
        self._handlers.clear()
        self._timer.stop()

    def poll(self) -> int:
        """Run one tick now (GUI thread): take every mailbox and call its handler.

        The timer calls this; tests and a last drain before shutdown may call it directly.
        Returns the number of values delivered.
        """
        t0 = time.perf_counter()
        delivered = 0
        # A snapshot: a handler may detach its own or another mailbox.
        for mailbox, handler in list(self._handlers.items()):
            batch = mailbox.take()
            if not batch:
                continue
            delivered += len(batch)
            try:
                handler(batch)
            except Exception:
                self.handler_errors += 1
                log.exception("mailbox handler for %r failed", mailbox)
        cost = time.perf_counter() - t0
        self.ticks += 1
        self.last_tick_s = cost
        self.max_tick_s = max(cost, self.max_tick_s)
        if self._history is not None:
            self._history.append(cost)
        return delivered

    def tick_costs(self) -> list[float]:
        """The latest tick costs in seconds, oldest first (empty unless `history` was set)."""
        return list(self._history) if self._history is not None else []

    def reset_stats(self) -> None:
        """Zero the tick counters and forget the history."""
        self.ticks = 0
        self.handler_errors = 0
        self.last_tick_s = 0.0
        self.max_tick_s = 0.0
        if self._history is not None:
            self._history.clear()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.poll()

    def _check_thread(self) -> None:
        if QThread.currentThread() is not self.thread():
            raise RuntimeError("MailboxPump must be driven from the thread it lives in")
