"""The SLA breach check at scale: the scan each console runs every 30 s, against the counts."""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

from bench.queue import _fill, _time

# A day's steps at the benchmark's volume (an incident every 63 s): each of the day's incidents
# acknowledged, dispatched and resolved in time for its priority, so the timeline scan reads
# them and finds nothing.
STEPS = (
    ("new", "acknowledged", 1),
    ("acknowledged", "dispatched", 5),
    ("dispatched", "resolved", 30),
)


def _steps(db: object) -> datetime:
    """Timeline steps for the last day's incidents; returns the benchmark's "now"."""
    from data.models import Incident, IncidentEvent

    with db.session() as s:  # type: ignore[attr-defined]
        last = s.scalar(select(func.max(Incident.created_at)))
        rows = [
            {
                "incident_id": iid,
                "ts": at + timedelta(minutes=m),
                "kind": "state",
                "from_state": a,
                "to_state": b,
                "note": "",
                "workstation": "CC",
            }
            for iid, at in s.execute(
                select(Incident.id, Incident.created_at).where(
                    Incident.created_at > last - timedelta(days=1)
                )
            )
            for a, b, m in STEPS
        ]
        s.execute(insert(IncidentEvent), rows)
    return last + timedelta(hours=1)  # type: ignore[no-any-return]


def _recorded(db: object, due: list[tuple[int, str]], now: datetime) -> None:
    """The backlog recorded (in bulk, without its audit rows): the state every 30 s after it."""
    from data.models import IncidentEvent
    from data.services.sla import BREACH_KIND

    rows = [
        {"incident_id": i, "ts": now, "kind": BREACH_KIND, "note": c, "workstation": "CC"}
        for i, c in due
    ]
    with db.session() as s:  # type: ignore[attr-defined]
        s.execute(insert(IncidentEvent), rows)


def _old_due(svc: object, now: datetime) -> int:
    """The scan before migration 0017: every open incident read, decided in Python."""
    from sqlalchemy import text

    from core.incidents import IncidentState
    from core.model import Priority
    from core.sla import breached_clocks
    from data.models import OPEN_STATES_SQL, Incident, IncidentEvent, IncidentType
    from data.services.sla import BREACH_KIND, _by_type

    stmt = (
        select(
            Incident.id,
            Incident.priority,
            Incident.state,
            Incident.created_at,
            IncidentType.acknowledge_minutes,
            IncidentType.resolve_minutes,
            IncidentType.dispatch_minutes,
        )
        .outerjoin(IncidentType, Incident.type_id == IncidentType.id)
        .where(text(f"incident.{OPEN_STATES_SQL}"))
        .order_by(Incident.id)
    )
    with svc.ctx.read() as s:  # type: ignore[attr-defined]
        found = [
            (iid, clock)
            for iid, prio, state, created, ack, res, disp in s.execute(stmt)
            for clock in breached_clocks(
                Priority(prio), IncidentState(state), created, now, by_type=_by_type(ack, res, disp)
            )
        ]
        ids = sorted({i for i, _ in found})
        known: set[tuple[int, str]] = set()
        for chunk in range(0, len(ids), 500):
            known.update(
                (i, n)
                for i, n in s.execute(
                    select(IncidentEvent.incident_id, IncidentEvent.note).where(
                        IncidentEvent.kind == BREACH_KIND,
                        IncidentEvent.incident_id.in_(ids[chunk : chunk + 500]),
                    )
                )
            )
    return len([p for p in found if p not in known])


def table_rows(n: int = 1_000_000) -> list[tuple[str, float, float, str]]:
    """Times in ms: the breach scan and one batch of a backlog vs the open counts.

    The benchmark's open incidents are all old, so every one is past its targets: the worst
    case, a backlog found after an upgrade or a long outage; then the same scan once it is
    recorded, as it runs every 30 s from then on.
    """
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from data.migrate import open_database
    from data.seeding import seed_site
    from data.services.sla import SlaService

    with tempfile.TemporaryDirectory(prefix="console-sla-") as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'sla.db'}")
        try:
            svc = local_services(db, "CC")
            seed_site(db, load_site(demo_site_file()), svc, population=0)
            _fill(db, n)
            now = _steps(db)
            with db.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
            op = svc.signin.principal("operator")
            counts = 1000 * _time(lambda: svc.incidents.open_counts(op))
            t = time.perf_counter()
            recorded = len(svc.sla.record_breaches(now))  # one batch of a backlog
            first = 1000 * (time.perf_counter() - t)
            backlog = 1000 * _time(lambda: svc.sla.due(now))
            old_backlog = 1000 * _time(lambda: _old_due(svc.sla, now))
            due = svc.sla.due(now)
            _recorded(db, due, now)
            # A console's first run reads the last day's steps; the later ones only the steps
            # since the run before (data.services.sla.STEP_MARGIN).
            first_run = 1000 * _time(lambda: SlaService(svc.sla.ctx).record_breaches(now))
            steady = 1000 * _time(lambda: svc.sla.record_breaches(now))
            old_steady = 1000 * _time(lambda: _old_due(svc.sla, now))
            left = len(svc.sla.due(now))
            return [
                (
                    f"breach scan, {len(due):,} due among {n:,} incidents (ms)",
                    backlog,
                    counts,
                    "baseline: the queue's counts by priority and state",
                ),
                (
                    "the same, the scan before 0017 (ms)",
                    old_backlog,
                    counts,
                    "baseline: the same counts",
                ),
                (
                    f"one batch of a backlog, {recorded} breaches recorded (ms)",
                    first,
                    counts,
                    "baseline: the same counts",
                ),
                (
                    f"check once all are recorded, a console's first run, {left} due (ms)",
                    first_run,
                    counts,
                    "baseline: the same counts",
                ),
                (
                    "check once all are recorded, every 30 s after (ms)",
                    steady,
                    counts,
                    "baseline: the same counts",
                ),
                (
                    "the same, the scan before 0017 (ms)",
                    old_steady,
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
