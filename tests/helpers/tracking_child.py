"""A process that ingests simulated reads at a steady rate until it is killed (the crash test).

Run as `python -m tests.helpers.tracking_child DB_URL JOURNAL ACKS RATE FIRST TAGS…`: a
simulated reader offers one read every 1/RATE s to the tracking ingest; each read carries its
number (from FIRST on) in `antenna` (so no two collapse), and once accept() returned True
the number is appended to ACKS with one write(): the acknowledgement the reader was sent.
"ready" on stdout once the ingest runs.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from core.site import SiteSpec
from core.tracking import TagRead
from core.tracking_plan import ReaderPipeline, TrackingPlan
from data.context import ServiceContext
from data.journal import Journal
from data.migrate import open_database
from data.services.consent import ConsentService
from data.services.residents import ResidentService
from data.services.tracking import TrackingService
from data.tracking_ingest import TrackingIngest

START = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
READER = "R001"


class _Sink:
    def publish(self, event: object) -> None:
        print(f"event {event!r}", file=sys.stderr, flush=True)  # noqa: T201 - the test reads it


def site_plan() -> TrackingPlan:
    from console.paths import demo_site_file
    from core.site import load_site

    site: SiteSpec = load_site(demo_site_file())
    return TrackingPlan.of(site)


def main(argv: list[str]) -> int:
    url, journal, acks, rate = argv[0], argv[1], argv[2], float(argv[3])
    first, tags = int(argv[4]), argv[5:]
    db = open_database(url)
    ctx = ServiceContext(db, workstation="WS01")
    svc = TrackingService(ctx, ResidentService(ctx), ConsentService(ctx))
    plan = site_plan()
    ingest = TrackingIngest(svc, plan, ReaderPipeline(plan), _Sink(), Journal(Path(journal)))
    ingest.start()
    fd = os.open(acks, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    print("ready", flush=True)  # noqa: T201 - the test waits for it
    period = 1.0 / rate
    next_at = time.monotonic()
    n = first - 1
    while True:
        n += 1
        read = TagRead(READER, tags[n % len(tags)], START + timedelta(milliseconds=n), antenna=n)
        while not ingest.accept(read):
            time.sleep(0.01)  # refused: the reader sends it again
        os.write(fd, f"{n}\n".encode())
        next_at += period
        delay = next_at - time.monotonic()
        if delay > 0:
            time.sleep(delay)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
