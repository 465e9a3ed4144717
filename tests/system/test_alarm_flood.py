"""A flood of 10,000 DC-09 frames from one panel: all stored, one incident, others still served."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.alarm_plan import plan_from_site
from core.alarms import PanelAccount
from core.site import SiteSpec
from data.alarm_ingest import AlarmIngest
from data.context import ServiceContext
from data.db import Database
from data.models import AlarmEvent, Incident
from data.services.alarms import AlarmService
from hardware.alarms.dc09 import Dc09Receiver
from hardware.alarms.frames import Dc09Response, Dc09Sender, build_frame
from tests.unit.data.worlds import demo_world

FLOOD = 10_000


class Sink:
    def __init__(self) -> None:
        self.events: list[object] = []

    def publish(self, event: object) -> None:
        self.events.append(event)


def count(db: Database, model: type[AlarmEvent] | type[Incident]) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
def running(
    sqlite_db: Database, demo_site: SiteSpec, tmp_path: Path
) -> Iterator[tuple[Dc09Receiver, AlarmIngest]]:
    demo_world(sqlite_db, demo_site)
    sink = Sink()
    ingest = AlarmIngest(
        AlarmService(ServiceContext(sqlite_db, workstation="CC")),
        plan_from_site(demo_site),
        sink,
        tmp_path / "journal.jsonl",
        supervise_every_s=3600,
    )
    accounts = {
        d.alarm.account: PanelAccount(d.alarm.account, d.alarm.key)
        for d in demo_site.devices
        if d.alarm.account
    }
    receiver = Dc09Receiver(
        accounts, ingest.accept, sink, host="127.0.0.1", tcp_port=0, udp_port=None
    )
    ingest.start()
    receiver.start()
    yield receiver, ingest
    for worker in (receiver, ingest):
        worker.stop()
        worker.interrupt()
    assert receiver.join(10.0)
    assert ingest.join(10.0)


def key_of(site: SiteSpec, code: str) -> tuple[str, bytes]:
    d = next(d for d in site.devices if d.code == code)
    assert d.alarm.account is not None
    assert d.alarm.key is not None
    return d.alarm.account, d.alarm.key


def test_a_flood_from_one_panel_loses_nothing_and_others_are_served(
    running: tuple[Dc09Receiver, AlarmIngest], sqlite_db: Database, demo_site: SiteSpec
) -> None:
    receiver, ingest = running
    port = receiver.tcp_port
    assert port is not None
    account, key = key_of(demo_site, "AP01")
    now = datetime.now(UTC)
    frames = [
        build_frame(
            account,
            "1130",
            f"{i % 1000:03d}",
            message_type="ADM-CID",
            key=key,
            sequence=i % 9999 + 1,
            timestamp=now,
        )
        for i in range(FLOOD)
    ]
    answers: list[Dc09Response] = []

    def flood() -> None:
        with Dc09Sender("127.0.0.1", port, timeout=10.0) as sender:
            answers.extend(sender.pipeline(frames, key=key, timeout=50.0))

    flooding = threading.Thread(target=flood, name="test-flood")
    flooding.start()
    try:
        # Another panel is answered while the flood runs.
        other, other_key = key_of(demo_site, "AP02")
        with Dc09Sender("127.0.0.1", port, timeout=10.0) as sender:
            panic = build_frame(other, "1120", "000", message_type="ADM-CID", key=other_key)
            answer = sender.send(panic, key=other_key)
        assert answer is not None
        assert answer.kind == "ACK"
    finally:
        flooding.join(55.0)
    assert not flooding.is_alive()
    acked = sum(a.kind == "ACK" for a in answers)
    # Every frame was answered: ACK once the console had it (none refused at this rate).
    assert acked == FLOOD
    deadline = time.monotonic() + 30.0
    while count(sqlite_db, AlarmEvent) < FLOOD + 1:
        assert time.monotonic() < deadline, f"{count(sqlite_db, AlarmEvent)} rows stored"
        time.sleep(0.05)
    # The flood is one burglary incident, the other panel's panic another.
    assert count(sqlite_db, Incident) == 2
    assert ingest.refused == 0
