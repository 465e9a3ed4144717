"""The tracking ingest thread: journal first, batches in order, overflow, outage, replay once."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.events import WorkerFailed
from core.site import SiteSpec
from core.tracking import GpsFix, TagRead, TrackerAlarm
from core.tracking_plan import ReaderPipeline, TrackingPlan
from data.context import ServiceContext
from data.db import Database, DbOptions
from data.journal import Journal
from data.migrate import open_database
from data.models import Incident, UnknownTag
from data.models import TagRead as TagReadRow
from data.services.consent import ConsentService
from data.services.residents import ResidentService
from data.services.tracking import TrackingService
from data.tracking_ingest import TrackingIngest, decode, encode
from tests.unit.data.worlds import demo_world

JOIN_S = 10.0
AT = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
TAGS = [f"BE{i:08X}" for i in range(20)]


class Sink:
    """Records what the ingest publishes."""

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


@pytest.fixture
def seeded(sqlite_db: Database, demo_site: SiteSpec) -> Database:
    demo_world(sqlite_db, demo_site)
    svc = service(sqlite_db)
    for code in TAGS:
        svc.register("system", code=code, kind="asset")
    return sqlite_db


@pytest.fixture
def quick_db(seeded: Database) -> Iterator[Database]:
    """The same file with a short busy timeout: a locked database fails in 0.1 s, not 5 s."""
    db = open_database(seeded.url, opts=DbOptions(busy_timeout_s=0.1))
    yield db
    db.dispose()


def service(db: Database) -> TrackingService:
    ctx = ServiceContext(db, workstation="CC")
    return TrackingService(ctx, ResidentService(ctx), ConsentService(ctx))


def make(db: Database, site: SiteSpec, folder: Path, sink: Sink, **kw: object) -> TrackingIngest:
    plan = TrackingPlan.of(site)
    return TrackingIngest(
        service(db),
        plan,
        ReaderPipeline(plan),
        sink,
        Journal(folder),
        max_backoff_s=0.2,
        **kw,  # type: ignore[arg-type]
    )


def stop(ingest: TrackingIngest) -> None:
    ingest.stop()
    ingest.interrupt()
    assert ingest.join(JOIN_S)
    ingest.journal.close()


def reads(site: SiteSpec, n: int, start: int = 0) -> list[TagRead]:
    reader = site.readers[0].code
    return [
        TagRead(reader, TAGS[i % len(TAGS)], AT + timedelta(seconds=i))
        for i in range(start, start + n)
    ]


def stored(db: Database) -> int:
    """Raw reads in the history (collapsed rows count what they stand for)."""
    with db.session() as s:
        return int(s.scalar(select(func.coalesce(func.sum(TagReadRow.count), 0))) or 0)


def test_payloads_round_trip() -> None:
    read = TagRead("R001", "E200", AT, 2, -61.5, 3, frozenset({TrackerAlarm.SOS}), True, AT)
    fix = GpsFix("013800000001", AT, 39.1, 117.2, True, 3.0, 12.5, 90.0, 7, 1.1,
                 frozenset({TrackerAlarm.POWER_CUT}), 80, AT, 3, 256)  # fmt: skip
    assert decode(encode(read)) == read
    assert decode(encode(fix)) == fix


def test_reads_are_written_in_batches_and_the_mark_follows(
    quick_db: Database, demo_site: SiteSpec, tmp_path: Path
) -> None:
    woken = threading.Event()
    ingest = make(quick_db, demo_site, tmp_path / "j", Sink(), on_committed=woken.set)
    ingest.start()
    try:
        assert ingest.accept_many(reads(demo_site, 300)) == 300
        assert ingest.accept(TagRead(demo_site.readers[0].code, "0BADC0DE", AT))
        wait_until(lambda: ingest.done == 301)
        assert woken.is_set()
        assert stored(quick_db) == 300
        assert ingest.unknown == 1
        assert ingest.batches < 301
        assert ingest.service.journal_mark(ingest.journal.id) == 301
    finally:
        stop(ingest)
    with quick_db.session() as s:
        assert s.scalar(select(UnknownTag.count)) == 1


def test_a_full_queue_keeps_items_in_the_journal_and_writes_them_in_order(
    quick_db: Database, demo_site: SiteSpec, tmp_path: Path
) -> None:
    ingest = make(quick_db, demo_site, tmp_path / "j", Sink(), capacity=5)
    # Not started yet: the queue fills and the rest waits in the journal only.
    assert all(ingest.accept(r) for r in reads(demo_site, 40))
    assert ingest.overflowed == 35
    assert ingest.refused == 0
    ingest.start()
    try:
        assert ingest.accept_many(reads(demo_site, 10, 40)) == 10
        wait_until(lambda: ingest.done == 50)
        assert stored(quick_db) == 50
        with quick_db.session() as s:
            ats = s.scalars(select(TagReadRow.at).order_by(TagReadRow.id)).all()
        assert ats == sorted(ats)  # the journal's order, whatever path each item took
    finally:
        stop(ingest)


def test_a_locked_database_is_reported_once_journaled_and_caught_up(
    quick_db: Database, demo_site: SiteSpec, tmp_path: Path
) -> None:
    sink = Sink()
    ingest = make(quick_db, demo_site, tmp_path / "j", sink)
    ingest.start()
    try:
        wait_until(lambda: ingest.done == 0)
        assert quick_db.file_path is not None
        holder = sqlite3.connect(quick_db.file_path, isolation_level=None, timeout=5)
        holder.execute("BEGIN EXCLUSIVE")
        assert ingest.accept_many(reads(demo_site, 20)) == 20
        assert sink.seen.wait(JOIN_S)
        failed = sink.events[0]
        assert isinstance(failed, WorkerFailed)
        assert failed.retrying
        assert "locked" in failed.message
        # Still taking reads while the database is away.
        assert ingest.accept_many(reads(demo_site, 30, 20)) == 30
        holder.rollback()
        holder.close()
        wait_until(lambda: ingest.done == 50)
        assert stored(quick_db) == 50
    finally:
        stop(ingest)
    assert sum(isinstance(e, WorkerFailed) for e in sink.events) == 1


def test_a_restart_writes_what_the_journal_holds_exactly_once(
    quick_db: Database, demo_site: SiteSpec, tmp_path: Path
) -> None:
    first = make(quick_db, demo_site, tmp_path / "j", Sink())
    first.start()
    assert first.accept_many(reads(demo_site, 50)) == 50
    wait_until(lambda: first.done == 50)
    first.stop()
    assert first.join(JOIN_S)
    # The thread is gone (as after a crash) but a reader still got its acknowledgement.
    assert first.accept_many(reads(demo_site, 30, 50)) == 30
    first.journal.close()
    assert stored(quick_db) == 50
    second = make(quick_db, demo_site, tmp_path / "j", Sink())
    second.start()
    try:
        wait_until(lambda: second.done == 80)
        assert second.replayed == 30
    finally:
        stop(second)
    third = make(quick_db, demo_site, tmp_path / "j", Sink())
    third.start()
    try:
        wait_until(lambda: third.done == 80)
        assert third.replayed == 0
    finally:
        stop(third)
    assert stored(quick_db) == 80


def test_an_sos_becomes_one_incident(
    quick_db: Database, demo_site: SiteSpec, tmp_path: Path
) -> None:
    ingest = make(quick_db, demo_site, tmp_path / "j", Sink())
    ingest.start()
    try:
        sos = TagRead(demo_site.readers[0].code, TAGS[0], AT, alarms=frozenset({TrackerAlarm.SOS}))
        ingest.accept(sos)
        wait_until(lambda: ingest.opened == 1)
        ingest.accept(sos)
        wait_until(lambda: ingest.appended == 1)
    finally:
        stop(ingest)
    with quick_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Incident)) == 1
