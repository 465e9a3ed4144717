"""PostgreSQL LISTEN/NOTIFY: a committed change wakes other workstations' change feeds."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

import data.feed
from core.events import ChangesAvailable
from data.changes import PgChangeListener, record_change
from data.db import Database
from data.feed import ChangeFeedWatcher
from data.migrate import open_database
from tests.helpers.postgres import PgServer

pytestmark = pytest.mark.postgres

_n = 0


@pytest.fixture
def pg_db(pg_server: PgServer, pg_migrated_template: str) -> Iterator[Database]:
    global _n
    _n += 1
    pg_server.create_database(f"listen_{_n}", template=pg_migrated_template)
    db = open_database(pg_server.workstation_url(f"listen_{_n}"))  # as a workstation connects
    yield db
    db.dispose()


def test_notice_arrives_at_commit_and_never_for_a_rollback(pg_db: Database) -> None:
    listener = PgChangeListener(pg_db.url)
    listener.open()
    try:
        with pg_db.sessions() as s:
            record_change(s, "incident", 1, "insert")
            s.flush()
            assert not listener.wait(0.2), "nothing is announced before COMMIT"
            s.rollback()
        assert not listener.wait(0.2), "a rolled-back change is never announced"
        with pg_db.session() as s:
            record_change(s, "incident", 2, "insert")
        assert listener.wait(5.0)
    finally:
        listener.close()


class Events:
    def __init__(self) -> None:
        self.items: list[object] = []
        self.lock = threading.Lock()

    def publish(self, event: object) -> None:
        with self.lock:
            self.items.append(event)

    def changes(self) -> list[ChangesAvailable]:
        with self.lock:
            return [e for e in self.items if isinstance(e, ChangesAvailable)]


def test_the_feed_is_woken_by_notify_not_by_polling(
    qtbot: QtBot, pg_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(data.feed, "SAFETY_POLL_EVERY", 10_000)  # no poll during the test
    events = Events()
    feed = ChangeFeedWatcher(pg_db, events, interval=0.5)
    feed.start()
    try:
        qtbot.waitUntil(lambda: feed._waits >= 1, timeout=10_000)
        with pg_db.session() as s:
            record_change(s, "incident", 7, "insert", "WS01")
        qtbot.waitUntil(lambda: len(events.changes()) == 1, timeout=5_000)
        assert events.changes()[0].tables == frozenset({"incident"})
    finally:
        feed.stop()
        assert feed.join(5.0)
