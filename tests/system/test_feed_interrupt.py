"""The change feed stops at once at shutdown: interrupt() wakes LISTEN and refuses reconnects."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import psycopg
import pytest
from pytestqt.qtbot import QtBot

from console.threads import ThreadOwner
from core.events import DatabaseHealth, WorkerFailed
from data.changes import PgChangeListener, record_change
from data.db import Database, DbOptions
from data.feed import ChangeFeedWatcher
from data.migrate import open_database
from tests.helpers.postgres import PgServer

_n = 0


@pytest.fixture
def pg_db(pg_server: PgServer, pg_migrated_template: str) -> Iterator[Database]:
    global _n
    _n += 1
    pg_server.create_database(f"intr_{_n}", template=pg_migrated_template)
    db = open_database(pg_server.workstation_url(f"intr_{_n}"))  # as a workstation connects
    yield db
    db.dispose()


class Events:
    def __init__(self) -> None:
        self.items: list[object] = []
        self.lock = threading.Lock()

    def publish(self, event: object) -> None:
        with self.lock:
            self.items.append(event)

    def of(self, kind: type) -> list[object]:
        with self.lock:
            return [e for e in self.items if isinstance(e, kind)]


@pytest.mark.postgres
def test_interrupt_wakes_a_listen_wait_from_another_thread(pg_db: Database) -> None:
    """psycopg 3's close() frees the libpq connection without the lock notifies() holds, so
    interrupt() shuts the socket down instead; the waiting thread gets an OperationalError."""
    listener = PgChangeListener(pg_db.url)
    listener.open()
    outcome: list[object] = []
    waiting = threading.Event()

    def wait() -> None:
        waiting.set()
        try:
            outcome.append(listener.wait(120.0))
        except psycopg.Error as exc:
            outcome.append(exc)
        finally:
            listener.close()  # on its own thread, as the feed does

    t = threading.Thread(target=wait, name="listen")
    t.start()
    assert waiting.wait(5)
    listener.interrupt()
    t.join(20)
    assert not t.is_alive(), "the two-minute wait was cut short"
    [err] = outcome
    assert isinstance(err, psycopg.OperationalError)
    assert not listener.is_open
    with pytest.raises(psycopg.OperationalError, match="interrupted"):
        listener.open()  # an interrupted listener stays down: it is shutting down


@pytest.mark.postgres
def test_a_listener_still_works_after_an_interrupt_nobody_waited_for(pg_db: Database) -> None:
    """interrupt() before open(): the open is refused, nothing leaks, no socket is shut down
    by mistake (the listener keeps its own duplicate of the connection's socket)."""
    listener = PgChangeListener(pg_db.url)
    listener.interrupt()
    with pytest.raises(psycopg.OperationalError, match="interrupted"):
        listener.open()
    assert not listener.is_open
    other = PgChangeListener(pg_db.url)
    other.open()
    try:
        with pg_db.session() as s:
            record_change(s, "incident", 1, "insert")
        assert other.wait(10.0), "an unrelated listener is untouched"
    finally:
        other.close()


@pytest.mark.postgres
def test_shutdown_wakes_a_feed_sleeping_in_listen(qtbot: QtBot, pg_db: Database) -> None:
    events = Events()
    owner = ThreadOwner()
    # One LISTEN wait lasts two minutes: only interrupt() can end it within the deadline.
    feed = owner.add_worker(ChangeFeedWatcher(pg_db, events, interval=120.0))
    # The first step connects and reads; the second sleeps in LISTEN (no NOTIFY comes).
    qtbot.waitUntil(lambda: feed._waits >= 1, timeout=10_000)

    assert owner.shutdown(deadline=20.0) == []

    assert not feed.alive
    assert events.of(WorkerFailed) == [], "a shutdown is not an outage"
    assert events.of(DatabaseHealth) == []


def test_shutdown_wakes_a_feed_retrying_an_unreachable_server(qtbot: QtBot) -> None:
    events = Events()
    owner = ThreadOwner()
    down = Database("postgresql+psycopg://u:p@127.0.0.1:1/x", DbOptions(connect_timeout_s=2))
    owner.add_closer("database", down.dispose)
    feed = owner.add_worker(ChangeFeedWatcher(down, events, interval=60.0))
    # The outage is reported; the feed then waits up to 10 s before it retries.
    qtbot.waitUntil(lambda: bool(events.of(DatabaseHealth)), timeout=10_000)

    assert owner.shutdown(deadline=20.0) == []

    assert not feed.alive
    [health] = events.of(DatabaseHealth)
    assert isinstance(health, DatabaseHealth)
    assert not health.ok
