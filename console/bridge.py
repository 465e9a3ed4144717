"""The one QObject that carries results and events from worker threads to the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

from core.events import UnhandledError
from core.timefmt import utcnow

log = logging.getLogger(__name__)
E = TypeVar("E")


@dataclass(slots=True)
class Delivery:
    """A callback and its argument, to be run on the GUI thread."""

    callback: Callable[[Any], None]
    value: Any = None
    label: str = field(default="")


def _describe(fn: object) -> str:
    """`Class.method` or the function's name, for logs and notifications."""
    return str(getattr(fn, "__qualname__", None) or fn)


class EventBridge(QObject):
    """Created on the GUI thread; `publish` and `deliver` may be called from any thread.

    Events are routed by type through a table: `subscribe(WorkerFailed, handler)`. One
    internal signal carries every event; Qt queues it to the GUI thread (from the GUI thread
    too: handlers run on a later turn of the event loop, never inside `publish`), where the
    bridge's own slot calls each handler of the event's type in subscription order. A handler that
    raises is logged and reported as UnhandledError; the other handlers still run. An event
    type nobody subscribed to is logged at debug level and dropped. After `close()` queued
    events and deliveries are dropped silently (shutdown).
    """

    sig_event_published = Signal(object)  # any core event; internal
    sig_delivery_requested = Signal(object)  # Delivery; internal

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._handlers: dict[type, list[Callable[[Any], None]]] = {}
        self._closed = False
        # Queued even from the GUI thread: a handler never runs inside publish(), so an error
        # reported while handlers run waits its turn instead of cutting in.
        queued = Qt.ConnectionType.QueuedConnection
        self.sig_event_published.connect(self._on_event_published, queued)
        self.sig_delivery_requested.connect(self._on_delivery_requested, queued)

    def subscribe(self, event_type: type[E], handler: Callable[[E], None]) -> None:
        """Call `handler(event)` on the GUI thread for each published `event_type` (GUI thread).

        Routing is by exact type (no subclasses). Several handlers per type run in the order
        they subscribed.
        """
        self._handlers.setdefault(event_type, []).append(handler)

    def unsubscribe(self, event_type: type[E], handler: Callable[[E], None]) -> None:
        """Stop calling `handler` for `event_type` (GUI thread); unknown pairs are ignored."""
        handlers = self._handlers.get(event_type, [])
        if handler in handlers:
            handlers.remove(handler)

    def publish(self, event: object) -> None:
        """Send a core event to the GUI thread (any thread)."""
        if not self._closed:
            self.sig_event_published.emit(event)

    def deliver(self, callback: Callable[[Any], None], value: Any = None, label: str = "") -> None:
        """Run `callback(value)` on the GUI thread (any thread)."""
        if not self._closed:
            self.sig_delivery_requested.emit(Delivery(callback, value, label))

    def close(self) -> None:
        """Drop every event and delivery from now on, queued ones included (GUI thread)."""
        self._closed = True

    @property
    def closed(self) -> bool:
        """True after `close()`."""
        return self._closed

    @Slot(object)
    def _on_event_published(self, event: object) -> None:
        if self._closed:
            return
        handlers = self._handlers.get(type(event))
        if not handlers:
            log.debug("no subscriber for %s; dropped", type(event).__name__)
            return
        for handler in list(handlers):
            try:
                handler(event)
            except Exception as exc:
                where = f"handler {_describe(handler)} of {type(event).__name__}"
                if isinstance(event, UnhandledError):
                    # Reporting the failure of a report would loop: the log has it.
                    log.error("%s failed", where, exc_info=exc)
                else:
                    self._report(where, exc)

    @Slot(object)
    def _on_delivery_requested(self, d: Delivery) -> None:
        if self._closed:
            return
        try:
            d.callback(d.value)
        except Exception as exc:
            self._report(f"GUI callback {d.label or _describe(d.callback)}", exc)

    def _report(self, where: str, exc: Exception) -> None:
        """Log with the traceback and publish UnhandledError for the notification area."""
        log.error("%s failed", where, exc_info=exc)
        message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        self.publish(UnhandledError(where, message, utcnow()))
