"""Watches change_log so this workstation refreshes when any workstation changes data."""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from console.threads import Worker
from core.events import DatabaseHealth
from core.ports import EventSink
from core.timefmt import utcnow
from data.changes import changes_since, latest_change_id
from data.db import Database, classify


class ChangeFeedWatcher(Worker):
    """Polls max(change_log.id) (SQLite and, for now, PostgreSQL too) and reports health.

    Runs on its own thread named `db-changes`; publishes ChangesAvailable and DatabaseHealth.
    """

    def __init__(self, db: Database, sink: EventSink, *, interval: float = 1.0):
        super().__init__("db-changes", sink, interval=interval, max_backoff=10.0)
        self.db = db
        self.last_id = 0
        self._healthy: bool | None = None

    def setup(self) -> None:
        try:
            with self.db.session() as s:
                self.last_id = latest_change_id(s)
        except SQLAlchemyError:
            self.last_id = 0  # step() reports the outage

    def step(self) -> None:
        try:
            with self.db.session() as s:
                changes = changes_since(s, self.last_id)
        except SQLAlchemyError as exc:
            err = classify(exc, self.db.url)
            if self._healthy is not False:
                self._healthy = False
                self.sink.publish(DatabaseHealth(False, err.message, utcnow()))
            raise RuntimeError(err.message) from exc
        if self._healthy is False:
            self.sink.publish(DatabaseHealth(True, "", utcnow()))
        self._healthy = True
        if changes is not None:
            self.last_id = changes.last_id
            self.sink.publish(changes)
