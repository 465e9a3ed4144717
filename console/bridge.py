"""The one QObject that carries results and events from worker threads to the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from core.events import ChangesAvailable, DatabaseHealth, WorkerFailed

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Delivery:
    """A callback and its argument, to be run on the GUI thread."""

    callback: Callable[[Any], None]
    value: Any = None
    label: str = field(default="")


class EventBridge(QObject):
    """Created on the GUI thread; `publish` and `deliver` may be called from any thread.

    Qt queues a signal emitted from another thread to the receiver's thread, so every slot
    connected here runs on the GUI thread.
    """

    sig_worker_failed = Signal(object)  # WorkerFailed; fires on the GUI thread
    sig_changes_available = Signal(object)  # ChangesAvailable; fires on the GUI thread
    sig_db_health_changed = Signal(object)  # DatabaseHealth; fires on the GUI thread
    sig_delivery_requested = Signal(object)  # Delivery; internal

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.sig_delivery_requested.connect(self._on_delivery_requested)

    def publish(self, event: object) -> None:
        """Send a core event to the GUI thread (any thread)."""
        if isinstance(event, WorkerFailed):
            self.sig_worker_failed.emit(event)
        elif isinstance(event, ChangesAvailable):
            self.sig_changes_available.emit(event)
        elif isinstance(event, DatabaseHealth):
            self.sig_db_health_changed.emit(event)
        else:
            raise TypeError(f"no signal for {type(event).__name__}")

    def deliver(self, callback: Callable[[Any], None], value: Any = None, label: str = "") -> None:
        """Run `callback(value)` on the GUI thread (any thread)."""
        self.sig_delivery_requested.emit(Delivery(callback, value, label))

    @Slot(object)
    def _on_delivery_requested(self, d: Delivery) -> None:
        try:
            d.callback(d.value)
        except Exception:
            log.exception("GUI callback %s failed", d.label or d.callback)
