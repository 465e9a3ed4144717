"""change_log: a monotonic record of what changed, so other workstations can refresh."""

from __future__ import annotations

import psycopg
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from core.events import ChangesAvailable
from core.timefmt import utcnow
from data.models import ChangeLog

CHANNEL = "console_changes"


def record_change(
    session: Session, table: str, row_id: int | None, op: str, workstation: str = ""
) -> None:
    """Note a change in the caller's transaction (it becomes visible at commit).

    On PostgreSQL a NOTIFY goes with it; PostgreSQL delivers it at COMMIT (never for a
    rolled-back change) and folds identical ones in one transaction into one.
    """
    session.add(
        ChangeLog(ts=utcnow(), table_name=table, row_id=row_id, op=op, workstation=workstation)
    )
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_notify(CHANNEL, table)))


def latest_change_id(session: Session) -> int:
    """The newest change id, 0 for an empty log."""
    return int(session.scalar(select(func.coalesce(func.max(ChangeLog.id), 0))) or 0)


def changes_since(session: Session, after_id: int, limit: int = 10_000) -> ChangesAvailable | None:
    """What changed after `after_id`, or None if nothing did."""
    rows = session.execute(
        select(ChangeLog.id, ChangeLog.table_name)
        .where(ChangeLog.id > after_id)
        .order_by(ChangeLog.id)
        .limit(limit)
    ).all()
    if not rows:
        return None
    return ChangesAvailable(last_id=rows[-1][0], tables=frozenset(r[1] for r in rows))


class PgChangeListener:
    """A LISTEN connection of its own (outside the pool) that wakes the change feed.

    Used from one thread only (the feed's); errors are psycopg.Error and mean the server is
    gone: close() and open a new one later.
    """

    def __init__(self, url: str, *, connect_timeout_s: int = 5):
        u = make_url(url)
        self._params = {
            "host": u.host or "localhost",
            "port": u.port or 5432,
            "user": u.username,
            "password": u.password,
            "dbname": u.database,
            "connect_timeout": connect_timeout_s,
            "application_name": "street-command-console/listen",
        }
        self._conn: psycopg.Connection[tuple[object, ...]] | None = None

    def open(self) -> None:
        """Connect and LISTEN."""
        self.close()
        params = {k: v for k, v in self._params.items() if v is not None}
        self._conn = psycopg.connect(autocommit=True, **params)  # type: ignore[arg-type]
        self._conn.execute(f"LISTEN {CHANNEL}")

    @property
    def is_open(self) -> bool:
        """True while connected."""
        return self._conn is not None and not self._conn.closed

    def wait(self, timeout: float) -> bool:
        """Block up to `timeout` seconds; True if a change was announced meanwhile."""
        if self._conn is None:
            raise psycopg.OperationalError("listener is not connected")
        woke = False
        for _ in self._conn.notifies(timeout=timeout, stop_after=1):
            woke = True
        if woke:
            # Drain the burst a transaction or a busy minute leaves, without waiting again.
            for _ in self._conn.notifies(timeout=0.01):
                pass
        return woke

    def close(self) -> None:
        """Disconnect (idempotent)."""
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None
