"""Tracking ingest, end to end: reads/s through journal → location engine + care rules → DB.

`python -m bench.tracking_ingest [--n 200000] [--pg-n 100000] [--no-pg] [--no-freeze]`: the demo
site with its registered tags (5,000 residents seeded: ~1,050 people and 200 vehicles), in a
temporary SQLite file and on a throw-away PostgreSQL server (as the workstation's
least-privilege role).
Reads are made up front (each tag heard by its community's readers with RSSI noise, a read
every 20 µs of reader time); the clock starts at the first `accept_many` (chunks of 100, as
a reader's bulk read delivers them; `--chunk 1`: one read per call, as the serial and LLRP
adapters deliver them) and stops when the ingest has committed the last
journal sequence: journal append, queue, engine, rules, tag_read/tag_position/change_log
rows, the journal mark. Baseline in the same run: a plain batched executemany of the same
tag_read rows (1,000 per transaction) through SQLAlchemy Core, nothing else.

What exists before the clock starts (the reads made up front, the seeded data) is frozen out
of the garbage collector (`gc.freeze`): otherwise every full collection the ingest's own
allocations trigger walks the 200,000 prepared reads too, which no reader's socket holds.
`--no-freeze` measures with them (the collector's cost shows as a lower figure).
"""

from __future__ import annotations

import argparse
import gc
import random
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

Row = tuple[str, float, float, str]
CHUNK = 100


class _Sink:
    def __init__(self) -> None:
        self.events: list[object] = []

    def publish(self, event: object) -> None:
        self.events.append(event)


def _reads(site: Any, codes: list[tuple[str, str | None]], n: int) -> list[Any]:
    """Each tag heard by its own nearest reader (RSSI noise of a few dB), and now and then
    (2 %) by a farther reader of its community, weaker: tags mostly stay where they are."""
    from core.tracking import TagRead

    rng = random.Random(7)
    by_comm: dict[str, list[str]] = {}
    for r in site.readers:
        by_comm.setdefault(r.community, []).append(r.code)
    every = [r.code for r in site.readers]
    home = {code: rng.choice(by_comm.get(comm or "", every)) for code, comm in codes}
    t0 = datetime.now(UTC)  # the rules tick on the wall clock: reads of now, not of the past
    out = []
    for i in range(n):
        code, comm = codes[i % len(codes)]
        if rng.random() < 0.02:
            reader, rssi = rng.choice(by_comm.get(comm or "", every)), rng.gauss(-75.0, 3.0)
        else:
            reader, rssi = home[code], rng.gauss(-58.0, 3.0)
        out.append(TagRead(reader, code, t0 + timedelta(microseconds=20 * i), rssi=round(rssi, 1)))
    return out


def _run(
    db: Any, site: Any, n: int, folder: Path, freeze: bool = True, chunk: int = CHUNK
) -> tuple[float, float, dict[str, int]]:
    """(reads/s end to end, rows/s of the plain executemany baseline, counters)."""
    from sqlalchemy import delete, insert

    from console.startup import local_services
    from core.tracking_plan import TrackingPlan
    from data.journal import Journal
    from data.models import TagRead as TagReadRow
    from data.tracking_ingest import TrackingIngest
    from data.tracking_pipeline import build_pipeline

    services = local_services(db, "CC")
    tracking = services.tracking
    subjects = tracking.subjects()
    codes = [(s.code, s.community) for s in subjects if s.kind == "person"]
    reads = _reads(site, codes, n)
    plan = TrackingPlan.of(site)
    start = reads[0].at
    ingest = TrackingIngest(
        tracking,
        plan,
        build_pipeline(site, tracking, start),
        _Sink(),
        Journal(folder / "j"),
    )
    if freeze:
        # The 200,000 reads made up front (and the seeded data) would otherwise be walked by
        # every full collection the ingest's own allocations trigger (~0.2 s each, measured):
        # a reader's socket does not hold its reads. `--no-freeze` measures with them.
        gc.collect()
        gc.freeze()
    ingest.start()
    try:
        while ingest.done < 0:
            time.sleep(0.01)
        t = time.perf_counter()
        for i in range(0, n, chunk):
            while ingest.accept_many(reads[i : i + chunk]) == 0:
                time.sleep(0.001)
        last = ingest.journal.last_seq
        while ingest.done < last:
            time.sleep(0.001)
        elapsed = time.perf_counter() - t
    finally:
        ingest.stop()
        ingest.join(30)
        ingest.journal.close()
        gc.unfreeze()
    counters = {
        "batches": ingest.batches,
        "stored": ingest.stored,
        "reads": ingest.reads,
        "opened": ingest.opened,
        "overflowed": ingest.overflowed,
        "unknown": ingest.unknown,
    }
    # The baseline: the same reads as plain rows, batched executemany, nothing else.
    tag_ids = dict(_tag_ids(db))
    rows = [
        {
            "tag_id": tag_ids[r.tag],
            "community_id": None,
            "reader": r.reader,
            "at": r.at,
            "rssi": r.rssi,
            "antenna": 0,
            "count": 1,
            "x": 0.0,
            "y": 0.0,
            "zone": None,
        }
        for r in reads
    ]
    if db.dialect == "sqlite":  # the workstation role on PostgreSQL may not delete history
        with db.session() as s:
            s.execute(delete(TagReadRow))
            s.commit()
    t = time.perf_counter()
    for i in range(0, n, 1000):
        with db.session() as s:
            s.execute(insert(TagReadRow), rows[i : i + 1000])
            s.commit()
    base = n / (time.perf_counter() - t)
    return n / elapsed, base, counters


def _tag_ids(db: Any) -> list[tuple[str, int]]:
    from sqlalchemy import select

    from data.models import Tag

    with db.session() as s:
        return [(c, int(i)) for c, i in s.execute(select(Tag.code, Tag.id)).all()]


def _seeded_sqlite(folder: Path, site: Any) -> Any:
    from console.startup import local_services
    from data.fieldcrypt import ensure_field_keys
    from data.migrate import open_database
    from data.seeding import seed_site

    url = f"sqlite:///{folder / 'bench.db'}"
    keys = folder / "keys"
    ensure_field_keys(keys)
    db = open_database(url)
    services = local_services(db, "CC")
    services.ctx.keys = keys
    seed_site(db, site, services, population=5000)
    return db


def ingest_rows(
    n: int = 200_000, pg_n: int = 100_000, pg: bool = True, freeze: bool = True, chunk: int = CHUNK
) -> list[Row]:
    """(measure, value, baseline, note) rows: SQLite and PostgreSQL reads/s end to end."""
    from console.paths import demo_site_file
    from core.site import load_site

    site = load_site(demo_site_file())
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-tracking-") as tmp:
        folder = Path(tmp)
        db = _seeded_sqlite(folder, site)
        try:
            rate, base, c = _run(db, site, n, folder, freeze, chunk)
        finally:
            db.dispose()
        rows.append(
            (
                "tracking ingest SQLite, reads/s end to end",
                rate,
                base,
                f"{n:,} reads ({chunk} a call), {c['batches']} batches, {c['stored']:,} rows, "
                f"{c['opened']} incidents, {c['overflowed']:,} via journal only; "
                "baseline: plain executemany of the same rows",
            )
        )
        if pg:
            rows.append(_pg_row(site, pg_n, folder, freeze, chunk))
    return rows


def _pg_row(site: Any, n: int, folder: Path, freeze: bool = True, chunk: int = CHUNK) -> Row:
    from console.startup import local_services
    from data.fieldcrypt import ensure_field_keys
    from data.migrate import open_database
    from data.pgroles import WORKSTATION_ROLE
    from data.seeding import seed_site
    from tests.helpers.postgres import setup_console_roles, start_postgres

    srv = start_postgres()
    try:
        owner = open_database(srv.create_database("bench_tracking"))
        keys = folder / "pgkeys"
        ensure_field_keys(keys)
        services = local_services(owner, "CC")
        services.ctx.keys = keys
        seed_site(owner, site, services, population=5000)
        setup_console_roles(owner, [], {WORKSTATION_ROLE: "bench-ws-pw"})
        owner.dispose()
        ws = open_database(srv.url("bench_tracking", password="bench-ws-pw", user=WORKSTATION_ROLE))
        try:
            rate, base, c = _run(ws, site, n, folder / "pg", freeze, chunk)
        finally:
            ws.dispose()
    finally:
        srv.stop()
    return (
        "tracking ingest PostgreSQL (scc_ws), reads/s end to end",
        rate,
        base,
        f"{n:,} reads ({chunk} a call), {c['batches']} batches, {c['stored']:,} rows; "
        "baseline: plain executemany of the same rows, as scc_ws too",
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=200_000)
    p.add_argument("--pg-n", type=int, default=100_000)
    p.add_argument("--no-pg", action="store_true")
    p.add_argument("--no-freeze", action="store_true", help="leave the input to the collector")
    p.add_argument("--chunk", type=int, default=CHUNK, help="reads per accept_many (1: accept)")
    args = p.parse_args()
    for label, value, base, note in ingest_rows(
        args.n, args.pg_n, not args.no_pg, not args.no_freeze, max(1, args.chunk)
    ):
        print(f"{label}: {value:,.0f}/s (baseline {base:,.0f}/s, {value / base:.2f}×) — {note}")


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    main()
