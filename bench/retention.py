"""The retention job at scale: a dry run and the real run over a million incidents on SQLite."""

from __future__ import annotations

import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

OLD_SHARE = 0.9  # closed and past the three-year period


def _fill(db: object, n: int, now: datetime) -> int:
    """n incidents, 90 % closed 3-6 years ago, the rest recent; one timeline entry each."""
    from bench.queue import incident_row
    from data.models import Community, Incident, IncidentEvent

    rnd = random.Random(20261130)
    events = 0
    with db.session() as s:  # type: ignore[attr-defined]
        cids = list(s.scalars(select(Community.id)))
        batch: list[dict[str, object]] = []
        for i in range(n):
            if rnd.random() < OLD_SHARE:
                at = now - timedelta(days=3 * 366 + rnd.randint(1, 3 * 365))
                state = "closed"
            else:
                at = now - timedelta(days=rnd.randint(0, 3 * 365))
                state = "closed" if rnd.random() < 0.95 else "new"
            row = incident_row(i, rnd.randint(1, 4), state, rnd.choice(cids), at)
            row.update(caller_name="王五", caller_phone="13800001234", description="邻居来电")
            batch.append(row)
            if len(batch) == 20_000:
                events += _insert(s, batch, Incident, IncidentEvent)
                batch.clear()
        if batch:
            events += _insert(s, batch, Incident, IncidentEvent)
    return events


def _insert(s: object, batch: list[dict[str, object]], incident: object, event: object) -> int:
    ids = s.scalars(insert(incident).returning(incident.id), batch).all()  # type: ignore[attr-defined]
    s.execute(  # type: ignore[attr-defined]
        insert(event),
        [
            {"incident_id": iid, "ts": b["updated_at"], "kind": "state", "note": "已处理"}
            for iid, b in zip(ids, batch, strict=True)
        ],
    )
    return len(ids)


def table_rows(n: int = 1_000_000) -> list[tuple[str, float, float, str]]:
    """Seconds and rows per second of a dry run and of the real run, on one SQLite file."""
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.retention import RetentionClass
    from core.site import load_site
    from data.migrate import open_database
    from data.seeding import seed_site
    from data.services.retention import RetentionService

    now = datetime(2026, 11, 30, tzinfo=UTC)
    with tempfile.TemporaryDirectory(prefix="console-retention-") as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'retention.db'}")
        try:
            svc = local_services(db, "CC")
            seed_site(db, load_site(demo_site_file()), svc, population=0)
            t = time.perf_counter()
            events = _fill(db, n, now)
            fill = time.perf_counter() - t
            with db.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
            job = RetentionService(svc.ctx)
            t = time.perf_counter()
            dry = job.run("bench", now, dry_run=True)
            dry_s = time.perf_counter() - t
            t = time.perf_counter()
            real = job.run("bench", now)
            real_s = time.perf_counter() - t
            t = time.perf_counter()
            again = job.run("bench", now)
            again_s = time.perf_counter() - t
        finally:
            db.dispose()
    done = real.of(RetentionClass.INCIDENTS).count
    assert done == dry.of(RetentionClass.INCIDENTS).count
    assert again.of(RetentionClass.INCIDENTS).count == 0
    return [
        (f"fill {n:,} incidents + {events:,} timeline rows (s)", fill, 0.0, "setup"),
        ("retention dry run (s)", dry_s, 0.0, f"{n / dry_s:,.0f} incidents examined/s"),
        (
            "retention run, batches of 5,000 (s)",
            real_s,
            0.0,
            f"{done:,} anonymised (+ their timeline notes): {done / real_s:,.0f} incidents/s",
        ),
        ("retention run again, nothing to do (s)", again_s, 0.0, "nothing left past its period"),
    ]
