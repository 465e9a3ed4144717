"""The alarm ingest thread: batches, a locked database journaled and retried, replay at start."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.alarm_plan import AlarmPlan, plan_from_site
from core.alarms import AlarmEvent
from core.events import WorkerFailed
from core.site import SiteSpec
from data.alarm_ingest import AlarmIngest, Journal, UnknownAlarmAccount, event_from_json
from data.context import ServiceContext
from data.db import Database, DbOptions
from data.migrate import open_database
from data.models import Incident
from data.services.alarms import AlarmService
from tests.unit.data.worlds import demo_world

JOIN_S = 10.0


class Sink:
    """Records what the ingest publishes; `seen` is set on each event."""

    def __init__(self) -> None:
        self.events: list[object] = []
        self.seen = threading.Event()

    def publish(self, event: object) -> None:
        self.events.append(event)
        self.seen.set()


def wait_until(check: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


_n = 0


def burglary(account: str = "A001", zone: str = "012") -> AlarmEvent:
    global _n
    _n += 1
    now = datetime.now(UTC)
    return AlarmEvent(
        account=account,
        receiver="R1",
        line="L1",
        sequence=f"{_n:04d}",
        message_type="ADM-CID",
        code="BA",
        zone=zone,
        partition="01",
        text="入侵",
        panel_time=now.replace(microsecond=0),
        received_at=now,
        transport="udp",
        peer="127.0.0.1:5000",
        encrypted=True,
        raw=f"#{account}|1130 01 {zone}|{_n}",
    )


@pytest.fixture
def seeded(sqlite_db: Database, demo_site: SiteSpec) -> Database:
    demo_world(sqlite_db, demo_site)
    return sqlite_db


@pytest.fixture
def quick_db(seeded: Database) -> Iterator[Database]:
    """The same file with a short busy timeout: a locked database fails in 0.1 s, not 5 s."""
    db = open_database(seeded.url, opts=DbOptions(busy_timeout_s=0.1))
    yield db
    db.dispose()


@pytest.fixture
def plan(demo_site: SiteSpec) -> AlarmPlan:
    return plan_from_site(demo_site)


def incidents(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Incident)) or 0)


def make_ingest(
    db: Database, plan: AlarmPlan, journal: Path, sink: Sink, **kw: object
) -> AlarmIngest:
    svc = AlarmService(ServiceContext(db, workstation="CC"))
    return AlarmIngest(svc, plan, sink, journal, supervise_every_s=3600, max_backoff_s=0.2, **kw)  # type: ignore[arg-type]


def stop(ingest: AlarmIngest) -> None:
    ingest.stop()
    ingest.interrupt()
    assert ingest.join(JOIN_S)


def lock(db: Database) -> sqlite3.Connection:
    """Another process's writer holding the file: BEGIN EXCLUSIVE on a connection of its own."""
    path = db.file_path
    assert path is not None
    conn = sqlite3.connect(path, isolation_level=None, timeout=5)
    conn.execute("BEGIN EXCLUSIVE")
    return conn


def test_events_become_incidents_and_the_feed_is_woken(
    quick_db: Database, plan: AlarmPlan, tmp_path: Path
) -> None:
    sink, woken = Sink(), threading.Event()
    ingest = make_ingest(quick_db, plan, tmp_path / "j.jsonl", sink, on_committed=woken.set)
    ingest.start()
    try:
        assert ingest.accept(burglary())
        assert woken.wait(JOIN_S)
        assert incidents(quick_db) == 1
        assert ingest.accept(burglary(account="0BAD"))
        assert sink.seen.wait(JOIN_S)
        assert isinstance(sink.events[0], UnknownAlarmAccount)
        assert sink.events[0].account == "0BAD"
    finally:
        stop(ingest)
    assert not (tmp_path / "j.jsonl").exists()


def test_a_locked_database_is_journaled_reported_and_retried(
    quick_db: Database, plan: AlarmPlan, tmp_path: Path
) -> None:
    journal = tmp_path / "j.jsonl"
    sink, woken = Sink(), threading.Event()
    ingest = make_ingest(quick_db, plan, journal, sink, on_committed=woken.set)
    holder = lock(quick_db)
    ingest.start()
    try:
        assert ingest.accept(burglary())
        assert sink.seen.wait(JOIN_S)
        failed = sink.events[0]
        assert isinstance(failed, WorkerFailed)
        assert failed.worker == "alarm-ingest"
        assert "locked" in failed.message
        assert len(Journal(journal).read()) == 1
        # Still serving: more events are taken while the database is away.
        assert ingest.accept(burglary(zone="013"))
        holder.rollback()
        holder.close()
        assert woken.wait(JOIN_S)
        wait_until(lambda: not journal.exists())
        # Both events, one incident (the second joined the first).
        assert incidents(quick_db) == 1
        assert ingest.stored == 2
    finally:
        stop(ingest)
    # One notification for the outage, not one per retry.
    assert sum(isinstance(e, WorkerFailed) for e in sink.events) == 1


def test_what_is_pending_at_shutdown_is_replayed_at_the_next_start(
    quick_db: Database, plan: AlarmPlan, tmp_path: Path
) -> None:
    journal = tmp_path / "j.jsonl"
    sink = Sink()
    ingest = make_ingest(quick_db, plan, journal, sink)
    holder = lock(quick_db)
    ingest.start()
    try:
        event = burglary()
        assert ingest.accept(event)
        assert sink.seen.wait(JOIN_S)
    finally:
        stop(ingest)
    # After the stop the receiver's late events still reach the journal.
    late = burglary(account="A002")
    assert ingest.accept(late)
    holder.rollback()
    holder.close()
    keys = [e.key for e in Journal(journal).read()]
    assert event.key in keys
    assert late.key in keys
    assert incidents(quick_db) == 0
    woken = threading.Event()
    again = make_ingest(quick_db, plan, journal, Sink(), on_committed=woken.set)
    again.start()
    try:
        assert woken.wait(JOIN_S)
        wait_until(lambda: not journal.exists())
        assert again.replayed >= 2
        assert incidents(quick_db) == 2
    finally:
        stop(again)


def test_a_full_queue_refuses_so_the_panel_retries(
    quick_db: Database, plan: AlarmPlan, tmp_path: Path
) -> None:
    ingest = make_ingest(quick_db, plan, tmp_path / "j.jsonl", Sink(), capacity=2)
    assert ingest.accept(burglary())
    assert ingest.accept(burglary())
    assert not ingest.accept(burglary())
    assert ingest.refused == 1
    assert ingest.waiting == 2


def test_a_damaged_journal_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    Journal(path).append([burglary()])
    with path.open("a", encoding="utf-8") as f:
        f.write('{"account": "A0')  # a crash mid-line
    events = Journal(path).read()
    assert len(events) == 1
    with pytest.raises(json.JSONDecodeError):
        event_from_json('{"account": "A0')


def test_an_event_the_database_refuses_is_set_aside_and_the_rest_go_on(
    quick_db: Database, plan: AlarmPlan, tmp_path: Path
) -> None:
    """Not an outage: without isolating it, one bad event would block every later one."""
    journal = tmp_path / "j.jsonl"
    sink, woken = Sink(), threading.Event()
    ingest = make_ingest(quick_db, plan, journal, sink, on_committed=woken.set)
    good = burglary()
    # A naive panel time: the UTC column refuses it (a bug upstream, not a database outage).
    bad = replace(burglary(account="A003"), panel_time=datetime(2026, 11, 25, 8, 0))
    later = burglary(account="A004")
    assert ingest.accept(bad)
    assert ingest.accept(good)
    ingest.start()
    try:
        assert sink.seen.wait(JOIN_S)
        wait_until(lambda: incidents(quick_db) == 1)
        assert ingest.accept(later)
        wait_until(lambda: incidents(quick_db) == 2)
    finally:
        stop(ingest)
    failed = [e for e in sink.events if isinstance(e, WorkerFailed)]
    assert len(failed) == 1
    assert not failed[0].retrying
    assert "A003" in failed[0].message
    kept = Journal(tmp_path / "j-rejected.jsonl").read()
    assert [e.key for e in kept] == [bad.key]
    assert not journal.exists()
    assert ingest.rejects == 1


def test_the_thread_writes_as_the_workstation_role_on_both_backends(
    db: Database, demo_site: SiteSpec, plan: AlarmPlan, tmp_path: Path
) -> None:
    """On PostgreSQL as scc_ws: alarm_event rows, incidents and device state under its grants."""
    demo_world(db, demo_site)
    sink, woken = Sink(), threading.Event()
    ingest = make_ingest(db, plan, tmp_path / "j.jsonl", sink, on_committed=woken.set)
    ingest.start()
    try:
        for e in (burglary(), burglary(zone="013"), burglary()):
            assert ingest.accept(e)
        wait_until(lambda: ingest.stored + ingest.duplicates >= 3)
        assert incidents(db) == 1
    finally:
        stop(ingest)
    assert woken.is_set()
    assert sink.events == []
