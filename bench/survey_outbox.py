"""Survey responses through a station's outbox: 1,000 taken offline, replayed, each once.

Per backend (a SQLite file; a throw-away PostgreSQL server reached through a TCP relay that is
cut while the responses are taken), the demo site with residents, the station account ws01 of
C01 and an open named round over C01. Each response is a different resident's, with a fresh
client UUID. Measured: taking them into the outbox, the replay from the moment the link is back
until nothing waits, then every entry sent AGAIN under its own UUID (a station whose answers
were lost after the commit) and the same responses under new outbox UUIDs (a slip entered at
a second station): responses in the round must stay exactly one per resident and per client
UUID. Baseline in the same run: as many responses submitted straight through SurveyService.

`python -m bench.survey_outbox [--responses 1000] [--no-postgres]`
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid as uuid_mod
from datetime import date
from pathlib import Path
from typing import Any

from bench.station_outbox import _wait, on_postgres_via_relay

Row = tuple[str, float, float, str]
FORM = """code = "BENCH"
title = "满意度"
version = 1

[[questions]]
id = "q1"
kind = "rating"
text = "您对社区服务总体满意吗？"
required = true
min = 1
max = 5
"""
# The demo population is spread by the site file's shares; C01 holds about 6.4 % of it.


def _setup(db: Any, n: int, keys: Path) -> tuple[Any, list[int]]:
    from sqlalchemy import select

    from console.startup import local_services
    from data.models import Community, Resident

    svc = local_services(db, "CC", keys)
    admin = svc.signin.principal("admin")
    svc.surveys.save_draft(admin, "BENCH", "满意度", FORM)
    svc.surveys.publish(admin, "BENCH", 1)
    for code in ("OUTBOX", "DIRECT"):
        svc.surveys.create_round(
            admin,
            code,
            "BENCH",
            1,
            purpose="bench",
            frame_kind="communities",
            frame_params={"communities": ["C01"]},
            starts_on=date(2026, 1, 1),
            ends_on=date(2030, 12, 31),
            anonymous=False,
        )
    with db.session() as s:
        people = list(
            s.scalars(
                select(Resident.id)
                .join(Community, Community.id == Resident.community_id)
                .where(Community.code == "C01")
                .order_by(Resident.id)
                .limit(n)
            )
        )
    if len(people) < n:
        raise RuntimeError(f"only {len(people)} residents in C01 for {n} responses")
    return svc, people


def _responses(db: Any, round_code: str) -> tuple[int, int, int]:
    """(responses, distinct residents, distinct client UUIDs) of a round."""
    from sqlalchemy import func, select

    from data.models import SurveyResponse, SurveyRound

    with db.session() as s:
        row = s.execute(
            select(
                func.count(),
                func.count(SurveyResponse.resident_id.distinct()),
                func.count(SurveyResponse.client_uuid.distinct()),
            )
            .join(SurveyRound, SurveyRound.id == SurveyResponse.round_id)
            .where(SurveyRound.code == round_code)
        ).one()
    return int(row[0]), int(row[1]), int(row[2])


def _run(label: str, db: Any, folder: Path, n: int, relay: Any | None) -> list[Row]:
    from console.station_desk import OutboxDesk
    from core.station import LinkState, SendState, StationSurvey
    from core.survey_take import SurveySubmission
    from core.timefmt import utcnow
    from data.outbox import Outbox

    svc, people = _setup(db, n, folder / "keys")
    who = svc.signin.principal("ws01")
    entries = [
        StationSurvey(
            "WS01",
            "C01",
            utcnow(),
            SurveySubmission("OUTBOX", str(uuid_mod.uuid4()), rid, "kiosk", None, {"q1": 4}, True),
        )
        for rid in people
    ]
    outbox = Outbox(folder / f"survey-outbox-{label}.db")
    desk = OutboxDesk(
        outbox,
        svc.station,
        lambda: who,
        workstation="WS01",
        heartbeat_s=0.2,
        retry_first_s=0.05,
        retry_max_s=0.5,
    )
    try:
        if relay is not None:
            desk.start()
            _wait(lambda: desk.link().state is LinkState.ONLINE, timeout=30)
            relay.cut()
            _wait(lambda: desk.link().state is LinkState.OFFLINE, timeout=30)
        t = time.perf_counter()
        keys = [desk.submit_survey(e).uuid for e in entries]
        take_s = time.perf_counter() - t
        if outbox.count(SendState.WAITING) != n:
            raise RuntimeError("responses were sent while the link was cut")
        t = time.perf_counter()
        if relay is not None:
            relay.restore()
            desk.wake()
        else:
            desk.start()
        _wait(lambda: outbox.count(SendState.WAITING) == 0, timeout=600)
        replay_s = time.perf_counter() - t
        refused = outbox.count(SendState.REFUSED)
    finally:
        desk.stop(10.0)
        outbox.close()
    if refused:
        raise RuntimeError(f"{label}: {refused} responses refused")
    # Every entry again under its own outbox UUID, then under a new one (same client UUID).
    again = [svc.station.apply(who, k, e) for k, e in zip(keys, entries, strict=True)]
    other = [svc.station.apply(who, str(uuid_mod.uuid4()), e) for e in entries]
    if any(a.state is not SendState.SENT for a in again + other):
        raise RuntimeError(f"{label}: a resend was not answered as sent")
    total, residents, uuids = _responses(db, "OUTBOX")
    if not total == residents == uuids == n:
        raise RuntimeError(f"{label}: {total} responses ({residents} people) for {n}")
    t = time.perf_counter()
    for rid in people:
        svc.surveys.submit(
            who, "DIRECT", str(uuid_mod.uuid4()), rid, "kiosk", None, {"q1": 4}, True
        )
    direct_s = time.perf_counter() - t
    if _responses(db, "DIRECT")[0] != n:
        raise RuntimeError(f"{label}: the baseline took the wrong number of responses")
    return [
        (
            f"survey outbox: {n:,} responses taken offline ({label}, ms each)",
            1000 * take_s / n,
            1000 * direct_s / n,
            "into the local outbox file; baseline: one submit straight to the database",
        ),
        (
            f"survey outbox: {n:,} responses replayed ({label}, s)",
            replay_s,
            direct_s,
            f"link back to nothing waiting; then all {n:,} resent twice: {total:,} responses, "
            "one per resident and client UUID; baseline: the same submits done directly",
        ),
    ]


def table_rows(n: int = 1000, postgres: bool = True) -> list[Row]:
    """(what, value, baseline, note) for SQLite and, if asked, PostgreSQL."""
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from data.fieldcrypt import ensure_field_keys
    from data.migrate import open_database
    from data.seeding import seed_site

    site = load_site(demo_site_file())
    population = max(2000, 36 * n)  # about 2,300 residents in C01 for 1,000 responses
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ensure_field_keys(folder / "keys")
        db = open_database(f"sqlite:///{folder / 'bench.db'}")
        try:
            seed_site(db, site, local_services(db, "CC", folder / "keys"), population=population)
            rows += _run("SQLite", db, folder, n, None)
        finally:
            db.dispose()
        if postgres:
            rows += _postgres(site, folder, n, population)
    return rows


def _postgres(site: Any, folder: Path, n: int, population: int) -> list[Row]:
    from console.startup import local_services
    from data.seeding import seed_site

    def body(db: Any, relay: Any) -> list[Row]:
        seed_site(db, site, local_services(db, "CC", folder / "keys"), population=population)
        return _run("PostgreSQL via relay", db, folder, n, relay)

    return on_postgres_via_relay("bench_survey_outbox", body)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.survey_outbox")
    ap.add_argument("--responses", type=int, default=1000)
    ap.add_argument("--no-postgres", action="store_true")
    args = ap.parse_args(argv)
    from bench.__main__ import _print_table

    _print_table(table_rows(args.responses, postgres=not args.no_postgres))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
