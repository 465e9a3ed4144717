"""change_log: a monotonic record of what changed, so other workstations can refresh."""

from __future__ import annotations

import contextlib
import socket
import threading
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

from core.events import ChangesAvailable
from core.ports import Clock
from core.timefmt import utcnow
from data.models import ChangeLog

if TYPE_CHECKING:
    import psycopg

CHANNEL = "console_changes"


def record_change(
    session: Session,
    table: str,
    row_id: int | None,
    op: str,
    workstation: str = "",
    *,
    clock: Clock = utcnow,
) -> None:
    """Note a change in the caller's transaction (it becomes visible at commit).

    On PostgreSQL a NOTIFY goes with it; PostgreSQL delivers it at COMMIT (never for a
    rolled-back change) and folds identical ones in one transaction into one.
    """
    session.add(
        ChangeLog(ts=clock(), table_name=table, row_id=row_id, op=op, workstation=workstation)
    )
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_notify(CHANNEL, table)))


def latest_change_id(session: Session) -> int:
    """The newest change id, 0 for an empty log."""
    return int(session.scalar(select(func.coalesce(func.max(ChangeLog.id), 0))) or 0)


def changes_since(session: Session, after_id: int, limit: int = 10_000) -> ChangesAvailable | None:
    """What changed after `after_id`, or None if nothing did.

    Row ids are kept per table so that each pane re-reads only its changed rows; a change
    without a row id (a bulk seed) or a batch cut at `limit` marks its table as changed whole.
    """
    rows = session.execute(
        select(ChangeLog.id, ChangeLog.table_name, ChangeLog.row_id)
        .where(ChangeLog.id > after_id)
        .order_by(ChangeLog.id)
        .limit(limit)
    ).all()
    if not rows:
        return None
    ids: dict[str, set[int]] = {}
    whole: set[str] = set()
    for _id, table, row_id in rows:
        if row_id is None or len(rows) >= limit:
            whole.add(table)
        else:
            ids.setdefault(table, set()).add(int(row_id))
    return ChangesAvailable(
        last_id=rows[-1][0],
        tables=frozenset(r[1] for r in rows),
        rows={t: frozenset(v) for t, v in ids.items() if t not in whole},
    )


class PgChangeListener:
    """A LISTEN connection of its own (outside the pool) that wakes the change feed.

    Used from one thread (the feed's); errors are psycopg.Error and mean the server is gone:
    close() and open a new one later. Only `interrupt()` may be called from another thread.
    """

    def __init__(self, url: str | URL, *, connect_timeout_s: int = 5):
        # Pass the engine's URL: it carries a password read from CONSOLE_DB_PASSWORD_FILE.
        # Without one, libpq finds it as for any connection (PGPASSWORD, ~/.pgpass).
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
        # A duplicate of the connection's socket, for interrupt(): see there.
        self._socket: socket.socket | None = None
        self._lock = threading.Lock()  # guards _socket and _interrupted across threads
        self._interrupted = False

    def open(self) -> None:
        """Connect and LISTEN; raise psycopg.OperationalError once interrupted."""
        self.close()
        self._refuse_if_interrupted()
        import psycopg  # here: an SQLite site never loads the driver (cold start)

        params = {k: v for k, v in self._params.items() if v is not None}
        # A connection attempt cannot be woken: connect_timeout bounds it.
        conn = psycopg.connect(autocommit=True, **params)  # type: ignore[arg-type]
        try:
            sock = socket.fromfd(conn.fileno(), socket.AF_INET, socket.SOCK_STREAM)
        except OSError:
            conn.close()
            raise
        with self._lock:
            self._conn, self._socket = conn, sock
        self._refuse_if_interrupted()
        conn.execute(f"LISTEN {CHANNEL}")

    def _refuse_if_interrupted(self) -> None:
        with self._lock:
            interrupted = self._interrupted
        if interrupted:
            import psycopg

            self.close()
            raise psycopg.OperationalError("the change listener was interrupted (shutdown)")

    @property
    def is_open(self) -> bool:
        """True while connected."""
        return self._conn is not None and not self._conn.closed

    def wait(self, timeout: float) -> bool:
        """Block up to `timeout` seconds; True if a change was announced meanwhile.

        Raises psycopg.Error when the server goes away or `interrupt()` is called.
        """
        if self._conn is None:
            import psycopg

            raise psycopg.OperationalError("listener is not connected")
        woke = False
        for _ in self._conn.notifies(timeout=timeout, stop_after=1):
            woke = True
        if woke:
            # Drain the burst a transaction or a busy minute leaves, without waiting again.
            for _ in self._conn.notifies(timeout=0.0):
                pass
        return woke

    def interrupt(self) -> None:
        """Wake a `wait()` or refuse the next `open()` (any thread; for shutdown, final).

        Shuts the socket down through the duplicate descriptor the listener keeps: the
        waiting thread's libpq then sees the server hang up and psycopg raises there.
        Closing the psycopg connection from this thread instead would free the libpq
        connection under the waiting thread (psycopg's close() does not take the lock that
        notifies() holds). The duplicate keeps the socket alive until close(), so a number
        reused by another file can never be shut down by mistake.
        """
        with self._lock:
            self._interrupted = True
            if self._socket is not None:
                with contextlib.suppress(OSError):  # already disconnected
                    self._socket.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        """Disconnect (idempotent; the thread that uses the listener)."""
        with self._lock:
            conn, self._conn = self._conn, None
            sock, self._socket = self._socket, None
        try:
            if conn is not None:
                conn.close()
        finally:
            if sock is not None:
                sock.close()
