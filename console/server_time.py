"""Keeps the services' clock on the shared database server's time (measured at start and hourly)."""

from __future__ import annotations

import logging
from datetime import timedelta

from PySide6.QtCore import QObject, QTimer

from console.jobs import Jobs
from data.db import Database
from data.server_clock import ServerClock

log = logging.getLogger(__name__)

REMEASURE_MS = 60 * 60 * 1000  # clocks drift by seconds a day; an hour is plenty


class ServerTime(QObject):
    """Measures the database server's clock on the reader pool and corrects `clock` by it."""

    def __init__(self, clock: ServerClock, db: Database, jobs: Jobs, parent: QObject | None = None):
        super().__init__(parent)
        self.clock, self.db, self.jobs = clock, db, jobs
        self.timer = QTimer(self)
        self.timer.setInterval(REMEASURE_MS)
        self.timer.timeout.connect(self.measure)

    def start(self) -> None:
        if self.db.dialect != "postgresql":
            return  # a SQLite file's only clock is this PC's
        self.measure()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def measure(self) -> None:
        self.jobs.read(
            lambda: self.clock.measure(self.db),
            self._measured,
            self._failed,
            label="server clock",
        )

    def _measured(self, raw: timedelta | None) -> None:
        if raw is not None:
            log.info("database server clock offset %+.3f s", raw.total_seconds())

    def _failed(self, exc: BaseException) -> None:
        # An unreachable database is reported by whatever needed it; the last offset stays.
        log.info("server clock not measured: %s", exc)
