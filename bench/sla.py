"""The SLA breach check at scale: the scan each console runs every 30 s, against the counts."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench.queue import _fill, _time


def table_rows(n: int = 1_000_000) -> list[tuple[str, float, float, str]]:
    """Times in ms: the breach scan and one batch of a backlog vs the open counts.

    The benchmark's open incidents are all old, so every one is past its targets: the worst
    case, a backlog found after an upgrade or a long outage.
    """
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from data.migrate import open_database
    from data.seeding import seed_site

    with tempfile.TemporaryDirectory(prefix="console-sla-") as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'sla.db'}")
        try:
            svc = local_services(db, "CC")
            seed_site(db, load_site(demo_site_file()), svc, population=0)
            _fill(db, n)
            with db.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
            op = svc.signin.principal("operator")
            counts = 1000 * _time(lambda: svc.incidents.open_counts(op))
            t = time.perf_counter()
            recorded = len(svc.sla.record_breaches())  # one batch of a backlog
            first = 1000 * (time.perf_counter() - t)
            again = 1000 * _time(svc.sla.due)
            due = len(svc.sla.due())
            return [
                (
                    f"breach scan, {due:,} due among {n:,} incidents (ms)",
                    again,
                    counts,
                    "baseline: the queue's counts by priority and state",
                ),
                (
                    f"one batch of a backlog, {recorded} breaches recorded (ms)",
                    first,
                    counts,
                    "baseline: the same counts",
                ),
            ]
        finally:
            db.dispose()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    for what, ms, base, note in table_rows(n):
        print(f"{what}: {ms:.1f} vs {base:.1f} = {ms / base:.1f}x  ({note})")


if __name__ == "__main__":
    main()
