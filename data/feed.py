"""Watches change_log so this workstation refreshes when any workstation changes data."""

from __future__ import annotations

import logging
import sqlite3
import sys

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import PoolProxiedConnection

from core.events import DatabaseHealth
from core.ports import EventSink
from core.timefmt import utcnow
from core.workers import Worker
from data.changes import PgChangeListener, changes_since, latest_change_id
from data.db import Database, classify

log = logging.getLogger(__name__)

# On PostgreSQL the feed sleeps in LISTEN and reads change_log when woken, and also every
# this many waits, so that a lost notification costs seconds, not a stale screen.
SAFETY_POLL_EVERY = 10


class ChangeFeedWatcher(Worker):
    """Reads change_log when it moves and reports the database's health.

    SQLite: a poll of change_log every `interval` seconds. PostgreSQL: LISTEN on a connection
    of its own, woken by the NOTIFY that goes with every change (DESIGN §2), with a safety poll
    every SAFETY_POLL_EVERY × `interval`. Runs on its own thread named `db-changes`; publishes
    ChangesAvailable and DatabaseHealth.
    """

    def __init__(self, db: Database, sink: EventSink, *, interval: float = 1.0):
        listen = db.dialect == "postgresql"
        super().__init__(
            "db-changes",
            sink,
            interval=0.0 if listen else interval,
            max_backoff=10.0,
            backoff_base=interval,
        )
        self.db = db
        self.wait_s = interval
        self.last_id = 0
        self._healthy: bool | None = None
        self._listener = (
            PgChangeListener(db.engine.url, connect_timeout_s=db.opts.connect_timeout_s)
            if listen
            else None
        )
        self._waits = 0
        self._raw: PoolProxiedConnection | None = None  # SQLite: the poll's own connection

    def setup(self) -> None:
        try:
            with self.db.session() as s:
                self.last_id = latest_change_id(s)
        except SQLAlchemyError:
            self.last_id = 0  # step() reports the outage

    def teardown(self) -> None:
        self._close_raw()
        if self._listener is not None:
            self._listener.close()

    def interrupt(self) -> None:
        """Wake the LISTEN wait, or refuse the next reconnect (the owner's thread, at shutdown)."""
        if self._listener is not None:
            self._listener.interrupt()

    def _moved(self) -> bool:
        """SQLite: has change_log moved past last_id? One indexed max() on a driver cursor.

        The poll runs every second for a whole shift. Through SQLAlchemy (a pool checkout, a
        transaction, the ORM) it cost 8–10 ms of CPU each time — its code paths are cold again
        after a second's sleep — which alone kept an idle console at ~1 % of a core; on the
        feed's own driver connection (autocommit, see data.db) it costs ~0.3 ms.
        """
        if self._raw is None:
            self._raw = self.db.engine.raw_connection()
        try:
            row = self._raw.driver_connection.execute(  # type: ignore[union-attr]
                "SELECT max(id) FROM change_log"
            ).fetchone()
        except Exception:
            self._close_raw()  # a fresh connection next time
            raise
        return row is not None and row[0] is not None and int(row[0]) > self.last_id

    def _close_raw(self) -> None:
        raw, self._raw = self._raw, None
        if raw is not None:
            try:
                raw.close()
            except Exception:
                log.debug("closing the feed's connection failed", exc_info=True)

    def step(self) -> None:
        try:
            if self._listener is not None and not self._wait_for_notice(self._listener):
                return
            if self._listener is None and self._healthy is True and not self._moved():
                return
            with self.db.session() as s:
                changes = changes_since(s, self.last_id)
        except Exception as exc:
            if not _is_database_error(exc):
                raise
            if self._listener is not None:
                self._listener.close()
            err = classify(exc, self.db.url)
            if self._healthy is not False:
                self._healthy = False
                self.sink.publish(DatabaseHealth(False, err.message, utcnow()))
            raise RuntimeError(err.message) from exc
        if self._healthy is False:
            self.sink.publish(DatabaseHealth(True, "", utcnow()))
        self._healthy = True
        if changes is not None:
            # Published before last_id moves: whoever sees last_id past a change knows its
            # notice is already on its way to the GUI thread.
            self.sink.publish(changes)
            self.last_id = changes.last_id

    def _wait_for_notice(self, listener: PgChangeListener) -> bool:
        """Sleep in LISTEN up to `wait_s`; True when change_log should be read now.

        `wake()` (a local write) reads at once; `interrupt()` ends the wait or the reconnect
        with a driver error, which at shutdown is no outage: False, and the loop ends.
        """
        try:
            if not listener.is_open:
                listener.open()  # (re)connect; then read once, changes may have been missed
                return True
            if self.woken:
                return True
            self._waits += 1
            woke = listener.wait(self.wait_s)
        except Exception:
            if not self.stop_event.is_set():
                raise
            listener.close()  # interrupted at shutdown: no outage to report
            return False
        return woke or self._waits % SAFETY_POLL_EVERY == 0


def _is_database_error(exc: BaseException) -> bool:
    """A driver or SQLAlchemy error (psycopg is consulted only if something loaded it)."""
    if isinstance(exc, SQLAlchemyError):
        return True
    if isinstance(exc, sqlite3.Error):
        return True
    psycopg = sys.modules.get("psycopg")
    return psycopg is not None and isinstance(exc, psycopg.Error)
