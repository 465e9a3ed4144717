"""The department desk and the escalation check at scale, against one incident's list.

`python -m bench.assignments [--n 200000]`: the demo site's structure in a temporary SQLite
file, `n` assignments spread over the departments (~2 % open), ANALYZE, then the calls a
console makes: a department's desk (`mine`), the control room's open list (`open_all`) and
the escalation check (`escalate_due`), each as a ratio to reading one incident's assignments
(an index lookup, the baseline measured in the same run).
"""

from __future__ import annotations

import argparse
import random
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.timing import median_ms

OPEN_SHARE = 0.02


def _median_ms(fn: Callable[[], Any], repeat: int = 15) -> float:
    return median_ms(fn, repeat)


def run(n: int) -> list[tuple[str, float, float]]:
    """(what, milliseconds, ratio to the baseline) of each call."""
    from sqlalchemy import text

    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from data.migrate import open_database
    from data.seeding import seed_site

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        db = open_database(url)
        try:
            services = local_services(db, "CC")
            seed_site(db, load_site(demo_site_file()), services, population=0)
            rnd = random.Random(20261130)
            t0 = datetime(2025, 1, 1, tzinfo=UTC)
            with db.engine.begin() as conn:
                depts = [int(r[0]) for r in conn.execute(text("SELECT id FROM department"))]
                cids = [int(r[0]) for r in conn.execute(text("SELECT id FROM community"))]
                incidents = []
                assignments = []
                for i in range(n):
                    at = (t0 + timedelta(seconds=i * 60)).replace(tzinfo=None)
                    is_open = rnd.random() < OPEN_SHARE
                    incidents.append(
                        {
                            "id": i + 1,
                            "state": "dispatched" if is_open else "closed",
                            "c": rnd.choice(cids),
                            "at": at,
                        }
                    )
                    assignments.append(
                        {
                            "i": i + 1,
                            "d": rnd.choice(depts),
                            "s": rnd.choice(("notified", "accepted")) if is_open else "done",
                            "at": at,
                        }
                    )
                conn.execute(
                    text(
                        "INSERT INTO incident (id, title, description, priority, state, source, "
                        "community_id, location, created_at, updated_at, queue_rank) VALUES "
                        "(:id, 't', '', 2, :state, 'manual', :c, '', :at, :at, 5)"
                    ),
                    incidents,
                )
                conn.execute(
                    text(
                        "INSERT INTO assignment (incident_id, department_id, state, note, "
                        "decline_reason, notified_at, answer_due, updated_at, version) VALUES "
                        "(:i, :d, :s, '', '', :at, :at, :at, 1)"
                    ),
                    assignments,
                )
                conn.execute(text("ANALYZE"))
            svc = services.assignments
            police = services.signin.principal("police")
            operator = services.signin.principal("operator")
            # Nothing due: every open assignment gets an answer time far ahead.
            with db.engine.begin() as conn:
                conn.execute(text("UPDATE assignment SET answer_due = '2999-01-01 00:00:00'"))
            one = n // 2 + 1  # an incident in the middle
            base = _median_ms(lambda: svc.for_incident(operator, one))
            rows = [("one incident's assignments (baseline)", base, 1.0)]
            for what, fn in (
                ("a department's desk (mine)", lambda: svc.mine(police)),
                ("the control room's open list", lambda: svc.open_all(operator)),
                ("escalation check, nothing due", svc.escalate_due),
            ):
                ms = _median_ms(fn)
                rows.append((what, ms, ms / base))
            return rows
        finally:
            db.dispose()


def main() -> None:
    """Print the figures."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=200_000, help="assignments (one incident each)")
    args = p.parse_args()
    for what, ms, ratio in run(args.n):
        print(f"{what:<40} {ms:8.2f} ms  ×{ratio:6.1f}")


if __name__ == "__main__":
    main()
