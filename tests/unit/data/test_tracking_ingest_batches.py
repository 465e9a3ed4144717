"""How the tracking ingest cuts batches: max_batch items, more only within one short window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.site import SiteSpec
from core.tracking import TagRead
from core.tracking_plan import ReaderPipeline, TrackingPlan
from data.db import Database
from data.journal import Journal
from data.models import TagRead as TagReadRow
from data.tracking_ingest import TrackingIngest
from tests.unit.data.test_tracking_ingest import TAGS, Sink, service, wait_until
from tests.unit.data.worlds import demo_world

JOIN_S = 10.0
AT = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


@pytest.fixture
def seeded(sqlite_db: Database, demo_site: SiteSpec) -> Database:
    demo_world(sqlite_db, demo_site)
    svc = service(sqlite_db)
    for code in TAGS:
        svc.register("system", code=code, kind="asset")
    return sqlite_db


def make(db: Database, site: SiteSpec, folder: Path, **kw: object) -> TrackingIngest:
    plan = TrackingPlan.of(site)
    return TrackingIngest(
        service(db),
        plan,
        ReaderPipeline(plan),
        Sink(),
        Journal(folder),
        max_backoff_s=0.2,
        max_batch=10,
        max_items=50,
        window_s=0.05,
        tick_every_s=3600.0,  # no rule tick (an empty batch) inside a test
        **kw,  # type: ignore[arg-type]
    )


def burst(site: SiteSpec, n: int, step: timedelta, start: int = 0) -> list[TagRead]:
    reader = site.readers[0].code
    return [
        TagRead(reader, TAGS[i % len(TAGS)], AT + step * i, count=2)
        for i in range(start, start + n)
    ]


def history(db: Database) -> tuple[int, int]:
    """(rows, raw reads they count)."""
    with db.session() as s:
        rows = s.scalar(select(func.count()).select_from(TagReadRow))
        reads = s.scalar(select(func.coalesce(func.sum(TagReadRow.count), 0)))
    return int(rows or 0), int(reads or 0)


def run(ingest: TrackingIngest, last: int) -> None:
    ingest.start()
    try:
        wait_until(lambda: ingest.done == last)
    finally:
        ingest.stop()
        assert ingest.join(JOIN_S)
        ingest.journal.close()


@pytest.mark.parametrize("capacity", [1000, 5], ids=["queued", "journal-only"])
def test_reads_of_one_moment_are_one_transaction_and_collapse(
    seeded: Database, demo_site: SiteSpec, tmp_path: Path, capacity: int
) -> None:
    ingest = make(seeded, demo_site, tmp_path / "j", capacity=capacity)
    # 45 reads within 45 ms (waiting before the thread starts): past max_batch, within the
    # window, so one batch; 20 tags each heard two or three times that second: 20 rows.
    assert ingest.accept_many(burst(demo_site, 45, timedelta(milliseconds=1))) == 45
    run(ingest, 45)
    assert ingest.batches == 1
    assert history(seeded) == (len(TAGS), 90)  # every raw read counted (count=2 each)
    assert ingest.service.journal_mark(ingest.journal.id) == 45


@pytest.mark.parametrize("capacity", [1000, 5], ids=["queued", "journal-only"])
def test_reads_spread_over_time_are_cut_at_max_batch(
    seeded: Database, demo_site: SiteSpec, tmp_path: Path, capacity: int
) -> None:
    ingest = make(seeded, demo_site, tmp_path / "j", capacity=capacity)
    assert ingest.accept_many(burst(demo_site, 45, timedelta(seconds=1))) == 45
    run(ingest, 45)
    assert ingest.batches == 5  # 10 + 10 + 10 + 10 + 5: a read a second never joins
    assert history(seeded) == (45, 90)


def test_a_flood_is_cut_at_max_items(seeded: Database, demo_site: SiteSpec, tmp_path: Path) -> None:
    ingest = make(seeded, demo_site, tmp_path / "j")
    assert ingest.accept_many(burst(demo_site, 120, timedelta(microseconds=10))) == 120
    run(ingest, 120)
    assert ingest.batches == 3  # 50 + 50 + 20, all within 50 ms
    assert history(seeded)[1] == 240


def test_an_overload_holds_bulk_reads_back_but_an_outage_does_not(
    seeded: Database, demo_site: SiteSpec, tmp_path: Path
) -> None:
    ingest = make(seeded, demo_site, tmp_path / "j", backlog_limit=100)  # never started
    reads = burst(demo_site, 80, timedelta(milliseconds=1))
    assert ingest.accept_many(reads) == 80
    assert ingest.accept_many(reads) == 80  # 160 wait now, more than the limit
    # The database answers (as far as the ingest knows): an overload, the reader must wait.
    assert ingest.accept_many(reads) == 0
    assert ingest.accept(reads[0]) is False
    assert ingest.deferred == 81
    assert ingest.waiting == 160
    # While writes fail, the journal takes everything: nothing accepted is lost in an outage.
    ingest._writing = False
    assert ingest.accept_many(reads) == 80
    assert ingest.waiting == 240
