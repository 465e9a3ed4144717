"""The hours report: 1,000 volunteers, a year of approved attendance, per volunteer and month.

The demo site with 1,000 volunteers across its 20 communities and `--per-volunteer` attendance
records each over the year (about two a week; 90 % approved, the rest recorded, confirmed or
rejected), on SQLite and on PostgreSQL (as the workstation's role, row-level security on).
Measured: `CertificateService.hours_report` for the street as a supervisor sees it (one grouped
query with a sum per site month, then the names), against the baseline in the same run: the same
year's approved rows fetched by a plain SELECT, nothing summed. Goal: the report ≤ 1 s.

`python -m bench.volunteer_hours_report [--volunteers 1000] [--per-volunteer 100] [--no-pg]`
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

Row = tuple[str, float, float, str]
YEAR = 2026
WS_PW = "bench-ws-pw"


def _time(fn: Callable[[], Any], repeat: int = 7) -> float:
    """Median seconds of `fn()` (warm: the first call is not counted)."""
    fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def _plain(table: Any, given: dict[str, Any]) -> dict[str, Any]:
    """`given` and a plain value for every other required column."""
    from data.models import UTCDateTime

    plain: dict[type, Any] = {str: "", int: 0, bool: False, date: date(YEAR, 1, 1)}
    out = dict(given)
    for col in table.columns:
        if col.name in out or col.nullable or col.primary_key:
            continue
        if isinstance(col.type, UTCDateTime):
            out[col.name] = datetime(YEAR, 1, 1, tzinfo=UTC)
        else:
            out[col.name] = plain.get(col.type.python_type, "")
    return out


def _fill(db: Any, volunteers: int, per_volunteer: int) -> int:
    """The volunteers and their year of attendance, straight into the tables; rows written."""
    from sqlalchemy import insert, select

    from data.models import Community, Volunteer, VolunteerAttendance

    rng = random.Random(7)
    with db.session() as s:
        communities = [int(c) for c in s.scalars(select(Community.id).order_by(Community.id))]
    people = []
    for i in range(volunteers):
        name = f"志愿者{i:04d}"
        people.append(
            _plain(
                Volunteer.__table__,
                {
                    "id": i + 1,
                    "community_id": communities[i % len(communities)],
                    "name": name,
                    "name_mask": name[0] + "*" * (len(name) - 1),
                    "birth_year": 1960 + i % 45,
                    "active": True,
                },
            )
        )
    start = datetime(YEAR, 1, 1, tzinfo=UTC) - timedelta(hours=8)  # the site's new year
    statuses = ("approved",) * 18 + ("recorded", "rejected")
    rows = []
    for p in people:
        days = sorted(rng.sample(range(365), per_volunteer))
        for d in days:
            at = start + timedelta(days=d, hours=rng.randint(8, 18), minutes=rng.randint(0, 59))
            minutes = rng.randint(20, 180)
            rows.append(
                _plain(
                    VolunteerAttendance.__table__,
                    {
                        "volunteer_id": p["id"],
                        "community_id": p["community_id"],
                        "content": "陪伴独居老人",
                        "checkin_at": at,
                        "checkout_at": at + timedelta(minutes=minutes + 15),
                        "travel_minutes": 15,
                        "minutes": minutes,
                        "status": rng.choice(statuses),
                    },
                )
            )
    with db.engine.begin() as conn:
        conn.execute(insert(Volunteer), people)
        for i in range(0, len(rows), 20_000):
            conn.execute(insert(VolunteerAttendance), rows[i : i + 20_000])
        if db.dialect == "postgresql":
            conn.exec_driver_sql(
                "SELECT setval('volunteer_id_seq', (SELECT max(id) FROM volunteer))"
            )
        conn.exec_driver_sql("ANALYZE")
    return len(rows)


def _measure(db: Any, svc: Any, label: str, note: str) -> list[Row]:
    from sqlalchemy import select

    from core.certificates import month_starts
    from data.models import VolunteerAttendance as Att

    sup = svc.signin.principal("supervisor")
    report = svc.certificates.hours_report(sup, YEAR)
    bounds = month_starts(YEAR)

    def baseline() -> int:
        with db.session() as s:
            return len(
                s.execute(
                    select(Att.volunteer_id, Att.checkin_at, Att.minutes).where(
                        Att.status == "approved",
                        Att.checkin_at >= bounds[0],
                        Att.checkin_at < bounds[12],
                    )
                ).all()
            )

    approved = baseline()
    console = _time(lambda: svc.certificates.hours_report(sup, YEAR))
    plain = _time(baseline)
    return [
        (
            f"hours report, {len(report.rows):,} volunteers, {label} (ms)",
            1000 * console,
            1000 * plain,
            f"{note}; {approved:,} approved records of {YEAR}; baseline: the same rows by a "
            "plain SELECT, nothing summed; goal ≤ 1,000 ms",
        )
    ]


def table_rows(volunteers: int = 1_000, per_volunteer: int = 100, pg: bool = True) -> list[Row]:
    """(measure, console, baseline, note) on SQLite and, unless `pg` is False, PostgreSQL."""
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from data.migrate import open_database
    from data.seeding import seed_site

    site = load_site(demo_site_file())
    out: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="console-hours-") as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'street.db'}")
        try:
            svc = local_services(db, "CC")
            seed_site(db, site, svc, population=0)
            n = _fill(db, volunteers, per_volunteer)
            print(f"SQLite: {n:,} attendance records written")
            out += _measure(db, svc, "SQLite", "SQLite file, WAL")
        finally:
            db.dispose()
    if not pg:
        return out
    from data.pgroles import WORKSTATION_ROLE
    from tests.helpers.postgres import setup_console_roles, start_postgres

    srv = start_postgres()
    opened = []
    try:
        owner = open_database(srv.create_database("bench_hours"))
        opened.append(owner)
        seed_site(owner, site, local_services(owner, "CC"), population=0)
        n = _fill(owner, volunteers, per_volunteer)
        print(f"PostgreSQL: {n:,} attendance records written")
        setup_console_roles(owner, [c.code for c in site.communities], {WORKSTATION_ROLE: WS_PW})
        ws = open_database(srv.url("bench_hours", password=WS_PW, user=WORKSTATION_ROLE))
        opened.append(ws)
        out += _measure(ws, local_services(ws, "CC"), "PostgreSQL", f"PG as {WORKSTATION_ROLE}")
    finally:
        for d in opened:
            d.dispose()
        srv.stop()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(prog="bench.volunteer_hours_report")
    ap.add_argument("--volunteers", type=int, default=1_000)
    ap.add_argument("--per-volunteer", type=int, default=100)
    ap.add_argument("--no-pg", action="store_true", help="SQLite only")
    args = ap.parse_args()
    rows = table_rows(args.volunteers, args.per_volunteer, pg=not args.no_pg)
    print(f"{'measure':<52} {'console':>10} {'baseline':>10}  note")
    for measure, console, base, note in rows:
        print(f"{measure:<52} {console:>10.1f} {base:>10.1f}  {note}")
    return 0 if all(console <= 1000 for _, console, _, _ in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
