"""A station's outbox: 1,000 entries taken offline, replayed when the link returns, exactly once.

Per backend (a SQLite file; a throw-away PostgreSQL server reached through a TCP relay that is
cut while the entries are taken), the demo site's structure without residents, the station
account ws01 of C01. Entries: a third panics (the first opens a P1, the rest join it as notes:
one emergency), a third requests that become incidents, a third service tickets. Measured:
taking them into the outbox (the worker's wait), the replay from the moment the link is back
until the outbox holds nothing waiting, and the count of receipts by UUID (each must be
exactly 1). Baseline in the same run: the same entries applied directly through
StationService.apply, one after another, on the same database.

`python -m bench.station_outbox [--entries 1000] [--no-postgres]`
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid as uuid_mod
from collections.abc import Callable
from pathlib import Path
from typing import Any

Row = tuple[str, float, float, str]


def _entries(n: int) -> list[Any]:
    from core.station import PanicPress, RequestTarget, ResidentRequest
    from core.timefmt import utcnow

    out: list[Any] = []
    for i in range(n):
        at = utcnow()
        if i % 3 == 0:
            out.append(PanicPress("WS01", "C01", at))
        elif i % 3 == 1:
            out.append(
                ResidentRequest("WS01", "C01", RequestTarget.INCIDENT, "ELDERLY", f"求助 {i}", at)
            )
        else:
            out.append(
                ResidentRequest("WS01", "C01", RequestTarget.TICKET, "help", f"代办 {i}", at)
            )
    return out


def _wait(pred: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > deadline:
            raise RuntimeError("the outbox did not drain in time")
        time.sleep(0.005)


def _once_each(db: Any, uuids: list[str]) -> tuple[int, int]:
    """(receipts of these UUIDs, how many of them appear other than exactly once)."""
    from sqlalchemy import func, select

    from data.models import StationReceipt

    with db.session() as s:
        counts = dict(
            s.execute(
                select(StationReceipt.uuid, func.count())
                .where(StationReceipt.uuid.in_(uuids))
                .group_by(StationReceipt.uuid)
            ).all()
        )
    wrong = sum(1 for u in uuids if counts.get(u, 0) != 1)
    return sum(counts.values()), wrong


def _run(label: str, db: Any, folder: Path, n: int, relay: Any | None) -> list[Row]:
    from console.startup import local_services
    from console.station_desk import OutboxDesk
    from core.station import LinkState, SendState
    from data.outbox import Outbox

    svc = local_services(db, "WS01")
    who = svc.signin.principal("ws01")
    outbox = Outbox(folder / f"outbox-{label}.db")
    desk = OutboxDesk(
        outbox,
        svc.station,
        lambda: who,
        workstation="WS01",
        heartbeat_s=0.2,
        retry_first_s=0.05,
        retry_max_s=0.5,
    )
    entries = _entries(n)
    try:
        if relay is not None:
            desk.start()
            _wait(lambda: desk.link().state is LinkState.ONLINE, timeout=30)
            relay.cut()
            _wait(lambda: desk.link().state is LinkState.OFFLINE, timeout=30)
        t = time.perf_counter()
        taken = []
        for e in entries:
            if hasattr(e, "target"):
                taken.append(desk.submit_request(e).uuid)
            else:
                taken.append(desk.submit_panic(e).uuid)
        take_s = time.perf_counter() - t
        if outbox.count(SendState.WAITING) != n:
            raise RuntimeError("entries were sent while the link was cut")
        t = time.perf_counter()
        if relay is not None:
            relay.restore()
            desk.wake()  # the link is back: as the next retry would find it
        else:
            desk.start()  # a SQLite file has no link to lose: the sender starts here
        _wait(lambda: outbox.count(SendState.WAITING) == 0, timeout=600)
        replay_s = time.perf_counter() - t
    finally:
        desk.stop(10.0)
        outbox.close()
    total, wrong = _once_each(db, taken)
    if total != n or wrong:
        raise RuntimeError(f"{label}: {total} receipts for {n} entries, {wrong} not exactly once")
    # Baseline: the same kind of entries, applied directly, one after another.
    direct = _entries(n)
    keys = [str(uuid_mod.uuid4()) for _ in direct]
    t = time.perf_counter()
    for key, e in zip(keys, direct, strict=True):
        svc.station.apply(who, key, e)
    direct_s = time.perf_counter() - t
    d_total, d_wrong = _once_each(db, keys)
    if d_total != n or d_wrong:
        raise RuntimeError(f"{label}: the baseline wrote {d_total} receipts for {n}")
    return [
        (
            f"station outbox: {n:,} taken offline ({label}, ms each)",
            1000 * take_s / n,
            1000 * direct_s / n,
            "into the local outbox file; baseline: one apply straight to the database",
        ),
        (
            f"station outbox: {n:,} replayed ({label}, s)",
            replay_s,
            direct_s,
            f"link back to nothing waiting; {total:,} receipts, each UUID exactly once; "
            "baseline: the same applies done directly",
        ),
    ]


def table_rows(n: int = 1000, postgres: bool = True) -> list[Row]:
    """(what, value, baseline, note) for SQLite and, if asked, PostgreSQL."""
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from data.migrate import open_database
    from data.seeding import seed_site

    site = load_site(demo_site_file())
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(f"sqlite:///{folder / 'bench.db'}")
        try:
            seed_site(db, site, local_services(db, "CC"), population=0)
            rows += _run("SQLite", db, folder, n, None)
        finally:
            db.dispose()
        if postgres:
            rows += _postgres(site, folder, n)
    return rows


def on_postgres_via_relay(name: str, body: Callable[[Any, Any], list[Row]]) -> list[Row]:
    """`body(db, relay)` on a throw-away PostgreSQL server reached through a TCP relay that
    the body may cut and restore; the database is new, named `name`."""
    from sqlalchemy.engine import make_url

    from data.db import DbOptions
    from data.migrate import open_database
    from tests.helpers.postgres import start_postgres
    from tests.helpers.tcp_relay import TcpRelay

    srv = start_postgres()
    relay = TcpRelay("127.0.0.1", srv.port).start()
    try:
        url = make_url(srv.create_database(name)).set(port=relay.port)
        db = open_database(
            url.render_as_string(hide_password=False), opts=DbOptions(connect_timeout_s=2)
        )
        try:
            return body(db, relay)
        finally:
            db.dispose()
    finally:
        relay.stop()
        srv.stop()


def _postgres(site: Any, folder: Path, n: int) -> list[Row]:
    from console.startup import local_services
    from data.seeding import seed_site

    def body(db: Any, relay: Any) -> list[Row]:
        seed_site(db, site, local_services(db, "CC"), population=0)
        return _run("PostgreSQL via relay", db, folder, n, relay)

    return on_postgres_via_relay("bench_outbox", body)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.station_outbox")
    ap.add_argument("--entries", type=int, default=1000)
    ap.add_argument("--no-postgres", action="store_true")
    args = ap.parse_args(argv)
    from bench.__main__ import _print_table

    _print_table(table_rows(args.entries, postgres=not args.no_postgres))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
