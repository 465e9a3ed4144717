"""ServerClock: a PC whose clock is wrong writes the database server's time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from core.model import Priority
from core.timefmt import as_utc, utcnow
from data.context import ServiceContext
from data.db import Database
from data.models import Incident
from data.server_clock import TOLERANCE, ServerClock
from data.services import Services
from tests.unit.data.support import cheap_hasher
from tests.unit.data.worlds import small_world

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def test_the_offset_is_taken_from_the_middle_of_the_round_trip() -> None:
    clock = ServerClock(base=lambda: T0)
    raw = clock.observe(
        T0 - timedelta(hours=1), T0 - timedelta(seconds=1), T0 + timedelta(seconds=1)
    )
    assert raw == timedelta(hours=-1)
    assert clock.offset == timedelta(hours=-1)
    assert clock() == T0 - timedelta(hours=1)
    assert clock.measured


def test_a_difference_within_the_tolerance_is_left_alone() -> None:
    clock = ServerClock(base=lambda: T0)
    small = TOLERANCE / 2
    assert clock.observe(T0 + small, T0, T0) == small
    assert clock.offset == timedelta(0)
    assert clock() == T0


def test_sqlite_has_no_server_clock(tmp_path: object) -> None:
    db = Database(f"sqlite:///{tmp_path}/c.db")
    clock = ServerClock(base=lambda: T0)
    assert clock.measure(db) is None
    assert not clock.measured
    db.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_a_station_an_hour_fast_writes_the_servers_time(db: Database) -> None:
    world = small_world(db)
    fast = ServerClock(base=lambda: utcnow() + timedelta(hours=1))
    raw = fast.measure(db)
    assert raw is not None
    assert abs(raw + timedelta(hours=1)) < timedelta(seconds=5)
    assert abs(fast() - utcnow()) < timedelta(seconds=5)  # same machine: server = real time
    services = Services.build(
        ServiceContext(db, workstation="WS01", clock=fast), hasher=cheap_hasher()
    )
    incident = services.incidents.create(
        world.who("ws01"), title="走失老人", priority=Priority.P2, community="C01"
    )
    with db.session() as s:
        created = s.scalar(select(Incident.created_at).where(Incident.id == incident))
    assert created is not None
    assert abs(as_utc(created) - utcnow()) < timedelta(seconds=30)
