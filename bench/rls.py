"""Row-level security's price: the queue page on PostgreSQL as the owner vs a station's role.

One throw-away server (tests/helpers/postgres.py), the demo site's structure, `n` incidents
copied in (as bench/queue.py spreads them: 20 communities, ~2 % open), ANALYZE, then the same
service calls through three engines on the one database: the owner (exempt from row-level
security: the baseline), a station's role and the control room's workstation role (both
filtered by the policies of migration 0006).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from bench.queue import OPEN_SHARE, STATES_OPEN, _time

Row = tuple[str, float, float, str]
STATION_PW = "bench-station"
WS_PW = "bench-workstation"


def _copy_incidents(db: Any, n: int) -> None:
    """n incidents through COPY (minutes faster than INSERTs at a million)."""
    from core.incidents import IncidentState, queue_rank

    rnd = random.Random(20261129)
    t0 = datetime(2024, 12, 1, tzinfo=UTC)
    raw = db.engine.raw_connection()
    try:
        conn = raw.driver_connection
        cids = [int(r[0]) for r in conn.execute("SELECT id FROM community").fetchall()]
        cols = (
            "title, description, priority, state, source, community_id, location, created_at, "
            "updated_at, queue_rank"
        )
        with conn.cursor() as cur, cur.copy(f"COPY incident ({cols}) FROM STDIN") as copy:
            for i in range(n):
                state = rnd.choice(STATES_OPEN) if rnd.random() < OPEN_SHARE else "closed"
                prio = rnd.randint(1, 4)
                at = t0 + timedelta(seconds=i * 63)
                rank = queue_rank(prio, IncidentState(state))
                copy.write_row(
                    (f"事件 {i}", "", prio, state, "manual", rnd.choice(cids), "", at, at, rank)
                )
        conn.execute("ANALYZE")
        conn.commit()
    finally:
        raw.close()


def table_rows(n: int = 1_000_000) -> list[Row]:
    """(measure, console, baseline, note): each role's median against the owner's."""
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from data.migrate import open_database
    from data.pgroles import WORKSTATION_ROLE, station_role
    from data.seeding import seed_site
    from tests.helpers.postgres import setup_console_roles, start_postgres

    srv = start_postgres()
    opened = []
    try:
        owner_url = srv.create_database("bench_rls")
        owner = open_database(owner_url)
        opened.append(owner)
        site = load_site(demo_site_file())
        seed_site(owner, site, local_services(owner, "CC"), population=0)
        started = time.perf_counter()
        _copy_incidents(owner, n)
        print(f"{n:,} incidents copied and analysed in {time.perf_counter() - started:.1f} s")
        st_role = station_role("C01")
        setup_console_roles(
            owner,
            [c.code for c in site.communities],
            {WORKSTATION_ROLE: WS_PW, st_role: STATION_PW},
        )
        station = open_database(srv.url("bench_rls", password=STATION_PW, user=st_role))
        opened.append(station)
        ws = open_database(srv.url("bench_rls", password=WS_PW, user=WORKSTATION_ROLE))
        opened.append(ws)
        svc = {
            name: local_services(d, "CC")
            for name, d in (("owner", owner), ("st", station), ("ws", ws))
        }
        op = svc["owner"].signin.principal("operator")
        ws01 = svc["owner"].signin.principal("ws01")

        def ms(fn: Callable[[], object]) -> float:
            return 1000 * _time(fn, repeat=15)

        page = {
            k: ms(lambda s=s: s.incidents.queue_page(ws01, limit=200))
            for k, s in svc.items()
            if k != "ws"
        }
        counts = {
            k: ms(lambda s=s: s.incidents.open_counts(ws01)) for k, s in svc.items() if k != "ws"
        }
        street = {
            k: ms(lambda s=s: s.incidents.queue_page(op, limit=200))
            for k, s in svc.items()
            if k != "st"
        }
        # The same rows whatever the role: the policy filters, it does not change the answer.
        assert [r.id for r in svc["st"].incidents.queue_page(ws01, limit=200).rows] == [
            r.id for r in svc["owner"].incidents.queue_page(ws01, limit=200).rows
        ]
        return [
            (
                f"RLS station page of 200, {n:,} (ms)",
                page["st"],
                page["owner"],
                f"PG; role {st_role}; baseline: the same page as the owner (no RLS)",
            ),
            (
                "RLS station counts by priority, state (ms)",
                counts["st"],
                counts["owner"],
                "PG; baseline: the owner's counts of C01",
            ),
            (
                "RLS street page of 200, workstation (ms)",
                street["ws"],
                street["owner"],
                f"PG; role {WORKSTATION_ROLE} (street-wide scope); baseline: the owner",
            ),
        ]
    finally:
        for d in opened:
            d.dispose()
        srv.stop()


def main() -> int:
    ap = argparse.ArgumentParser(prog="bench.rls")
    ap.add_argument("--incidents", type=int, default=1_000_000)
    args = ap.parse_args()
    from bench.__main__ import _print_table

    _print_table(table_rows(args.incidents))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
