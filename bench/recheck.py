"""The price of re-reading the acting account in every write: incident writes with and without.

A SQLite file with the demo site's structure (no residents); the same operator writes `n`
incidents and acknowledges each, once through the real write path and once with the account
re-check replaced by a pass-through (the baseline), alternating batches so that the file's
growth is shared fairly. The median per write is compared.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Row = tuple[str, float, float, str]


def _writes(svc: Any, who: Any, n: int) -> list[float]:
    from core.incidents import IncidentState
    from core.model import Priority

    times = []
    for i in range(n):
        t = time.perf_counter()
        iid = svc.incidents.create(who, title=f"检查 {i}", priority=Priority.P3, community="C01")
        svc.incidents.transition(who, iid, IncidentState.ACKNOWLEDGED)
        times.append((time.perf_counter() - t) / 2)
    return times


def table_rows(n: int = 400) -> list[Row]:
    """(measure, with the re-check, without, note), median ms per write."""
    import data.context as context
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from data.migrate import open_database
    from data.seeding import seed_site

    real = context.current_principal

    def passthrough(_s: Any, who: Any, _now: Any) -> Any:
        return who

    with tempfile.TemporaryDirectory(prefix="console-bench-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'recheck.db'}"
        db = open_database(url)
        try:
            svc = local_services(db, "CC", Path(tmp) / "keys")
            seed_site(db, load_site(demo_site_file()), svc, population=0)
            who = svc.signin.principal("operator")
            checked: list[float] = []
            unchecked: list[float] = []
            batches: list[tuple[Callable[..., Any], list[float]]] = [
                (real, checked),
                (passthrough, unchecked),
            ]
            _writes(svc, who, 20)  # warm-up: caches, statements, the file's first pages
            for _ in range(4):
                for check, into in batches:
                    context.current_principal = check
                    try:
                        into.extend(_writes(svc, who, n // 4))
                    finally:
                        context.current_principal = real
        finally:
            db.dispose()
    with_ms = statistics.median(checked) * 1000
    without_ms = statistics.median(unchecked) * 1000
    return [
        (
            "incident write (create or acknowledge), SQLite, median ms",
            with_ms,
            without_ms,
            "baseline: the same writes with the account re-check skipped",
        )
    ]


if __name__ == "__main__":
    for row in table_rows():
        print(row)
