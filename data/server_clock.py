"""This PC's clock corrected to the shared database server's: there, server time wins."""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime, timedelta

from sqlalchemy import text

from core.ports import Clock
from core.timefmt import as_utc, utcnow
from data.db import Database

log = logging.getLogger(__name__)

# A PC whose clock is off by less than this is left alone (NTP keeps good PCs within
# milliseconds; a correction this small would only add the measurement's own noise).
TOLERANCE = timedelta(seconds=2)


class ServerClock:
    """A `Clock` (callable) that returns this PC's time plus the last measured offset to the
    database server's clock. Every timestamp a service writes comes from its context's clock,
    so a station whose clock is an hour wrong still writes the server's time.

    Thread-safe: read by every worker thread, set by whichever thread measured.
    """

    def __init__(self, base: Clock = utcnow) -> None:
        self._base = base
        self._offset = timedelta(0)
        self._measured = False
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            offset = self._offset
        return self._base() + offset

    @property
    def offset(self) -> timedelta:
        """Server clock minus this PC's clock, as used (zero within TOLERANCE)."""
        with self._lock:
            return self._offset

    @property
    def measured(self) -> bool:
        with self._lock:
            return self._measured

    def observe(self, server_now: datetime, sent: datetime, received: datetime) -> timedelta:
        """Take a reading of the server's clock made between `sent` and `received` (this PC's
        clock); the server's answer is assumed to come from the middle of the round trip."""
        local_mid = sent + (received - sent) / 2
        raw = as_utc(server_now) - local_mid
        used = raw if abs(raw) >= TOLERANCE else timedelta(0)
        with self._lock:
            changed = used != self._offset
            self._offset = used
            self._measured = True
        if changed:
            log.warning(
                "this PC's clock is %+.1f s off the database server's: the server's time is used",
                -raw.total_seconds(),
            )
        return raw

    def measure(self, db: Database) -> timedelta | None:
        """Read the server's clock once (blocking: a worker thread's job). None on SQLite,
        whose only clock is this PC's."""
        if db.dialect != "postgresql":
            return None
        with db.session() as s:
            sent = self._base()
            t0 = time.monotonic()
            found = s.scalar(text("SELECT clock_timestamp()"))
            elapsed = timedelta(seconds=time.monotonic() - t0)
        if not isinstance(found, datetime):
            return None
        return self.observe(found, sent, sent + elapsed)
