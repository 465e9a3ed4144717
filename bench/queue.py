"""The incident queue at scale: page, station page and counts against the old unindexed order."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import case, insert, select

OPEN_SHARE = 0.02  # of incidents at a street office, most are long closed
STATES_OPEN = ("new", "acknowledged", "dispatched", "on_scene")


def incident_row(i: int, priority: int, state: str, community_id: int, at: datetime) -> dict:
    """One incident as a bulk insert takes it (the benchmarks build many)."""
    from core.incidents import IncidentState, queue_rank

    return {
        "title": f"事件 {i}",
        "description": "",
        "priority": priority,
        "state": state,
        "source": "manual",
        "community_id": community_id,
        "location": "",
        "created_at": at,
        "updated_at": at,
        "queue_rank": queue_rank(priority, IncidentState(state)),
    }


def _fill(db: object, n: int) -> None:
    """n incidents over two years in 20 communities, ~2 % open, inserted in bulk."""
    from data.models import Community, Incident

    rnd = random.Random(20261129)
    t0 = datetime(2024, 12, 1, tzinfo=UTC)
    with db.session() as s:  # type: ignore[attr-defined]
        cids = list(s.scalars(select(Community.id)))
        batch = []
        for i in range(n):
            state = rnd.choice(STATES_OPEN) if rnd.random() < OPEN_SHARE else "closed"
            prio = rnd.randint(1, 4)
            at = t0 + timedelta(seconds=i * 63)
            batch.append(incident_row(i, prio, state, rnd.choice(cids), at))
            if len(batch) == 20_000:
                s.execute(insert(Incident), batch)
                batch.clear()
        if batch:
            s.execute(insert(Incident), batch)


def _time(fn: object, repeat: int = 7) -> float:
    """Median seconds of `fn()` (warm: the first call is not counted)."""
    fn()  # type: ignore[operator]
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def table_rows(n: int = 1_000_000) -> list[tuple[str, float, float, str]]:
    """Query times in ms: this build's queries vs the old ORDER BY (CASE) on the same file."""
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from data.migrate import open_database
    from data.models import Community, Incident
    from data.seeding import seed_site

    with tempfile.TemporaryDirectory(prefix="console-queue-") as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'queue.db'}")
        try:
            svc = local_services(db, "CC")
            seed_site(db, load_site(demo_site_file()), svc, population=0)
            _fill(db, n)
            with db.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
            op = svc.signin.principal("operator")
            ws = svc.signin.principal("ws01")
            inc = svc.incidents

            def old(community: str | None) -> None:
                # The foundation's query: an ORDER BY over a CASE, open states as parameters.
                stmt = (
                    select(Incident.id)
                    .where(Incident.state.in_(STATES_OPEN))
                    .order_by(
                        Incident.priority,
                        case((Incident.state == "new", 0), else_=1),
                        Incident.created_at,
                    )
                    .limit(500)
                )
                if community is not None:
                    stmt = stmt.join(Community, Incident.community_id == Community.id).where(
                        Community.code == community
                    )
                with db.session() as s:
                    s.execute(stmt).all()

            rows = [
                (
                    f"queue page of 200, {n:,} incidents (ms)",
                    1000 * _time(lambda: inc.queue_page(op, limit=200)),
                    1000 * _time(lambda: old(None)),
                    "baseline: the old ORDER BY CASE, first 500",
                ),
                (
                    "station page of 200, one community (ms)",
                    1000 * _time(lambda: inc.queue_page(ws, limit=200)),
                    1000 * _time(lambda: old("C01")),
                    "baseline: the old query for C01",
                ),
                (
                    "counts by priority and state (ms)",
                    1000 * _time(lambda: inc.open_counts(op)),
                    1000 * _time(lambda: old(None)),
                    "baseline: the old first-500 read",
                ),
            ]
        finally:
            db.dispose()
    return rows
