"""OutboxDesk on SQLite and against a real DC-09 receiver: outbox first, sent once, the panel
path for a panic while the database cannot be reached, the station's clock an hour wrong."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.station_desk import SENDER_NAME, Dc09PanelPath, OutboxDesk, panel_path_for
from core.alarms import AlarmEvent, PanelAccount
from core.model import RoleName
from core.permissions import ROLE_PERMISSIONS, Principal
from core.ports import Clock
from core.site import SiteSpec
from core.station import (
    IncidentNote,
    LinkState,
    PanicPress,
    RequestTarget,
    ResidentRequest,
    SendState,
    StationLink,
)
from core.timefmt import utcnow
from data.context import ServiceContext
from data.db import Database, DbOptions
from data.models import StationReceipt
from data.outbox import Outbox
from data.services.station import StationService
from hardware.alarms.dc09 import Dc09Receiver
from tests.helpers.fakes import T0
from tests.unit.data.worlds import World, demo_world

HOUR = timedelta(hours=1)
KEY = os.urandom(16)


def wait_until(pred: Callable[[], bool], timeout: float = 20.0) -> None:
    """Poll until `pred` holds; fail after `timeout` (a bound, not a measurement)."""
    deadline = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


class Collect:
    """An EventSink and an alarm taker that keep what they get (any thread)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: list[object] = []

    def publish(self, event: object) -> None:
        with self.lock:
            self.items.append(event)

    def __call__(self, event: AlarmEvent) -> bool:
        self.publish(event)
        return True

    def alarms(self) -> list[AlarmEvent]:
        with self.lock:
            return [e for e in self.items if isinstance(e, AlarmEvent)]


@pytest.fixture
def env(sqlite_db: Database, demo_site: SiteSpec) -> World:
    return demo_world(sqlite_db, demo_site)


@pytest.fixture
def make_desk(tmp_path: Path) -> Iterator[Callable[..., OutboxDesk]]:
    made: list[tuple[OutboxDesk, Outbox]] = []

    def make(station: StationService, who: Principal | None, **kw: object) -> OutboxDesk:
        clock: Clock = kw.pop("clock", utcnow)  # type: ignore[assignment]
        outbox = Outbox(tmp_path / f"outbox{len(made)}.db", clock=clock)
        desk = OutboxDesk(
            outbox,
            station,
            lambda: who,
            workstation="WS01",
            heartbeat_s=0.2,
            retry_first_s=0.05,
            retry_max_s=0.2,
            clock=clock,
            **kw,  # type: ignore[arg-type]
        )
        made.append((desk, outbox))
        return desk

    yield make
    for desk, outbox in made:
        assert desk.stop(5.0)
        outbox.close()


def _count(db: Database, model: type) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_entries_go_to_the_outbox_first_and_are_sent_once(
    env: World, make_desk: Callable[..., OutboxDesk]
) -> None:
    changes: list[int] = []
    # The database's clock here is the world's FakeClock; the station's runs an hour ahead.
    station_clock = lambda: env.clock.now + HOUR  # noqa: E731
    desk = make_desk(env.svc.station, env.who("ws01"), clock=station_clock)
    desk.changed = lambda: changes.append(1)
    # Taken before the sender runs: kept, shown as waiting.
    panic = desk.submit_panic(PanicPress("WS01", "C01", station_clock()))
    req = desk.submit_request(
        ResidentRequest("WS01", "C01", RequestTarget.TICKET, "help", "买药", station_clock())
    )
    assert [i.state for i in desk.items()] == [SendState.WAITING, SendState.WAITING]
    assert desk.link().waiting == 2
    desk.start()
    assert desk.alive
    assert SENDER_NAME in {t.name for t in threading.enumerate()}
    wait_until(lambda: desk.outbox.count(SendState.WAITING) == 0)
    items = {i.uuid: i for i in desk.items()}
    assert items[panic.uuid].state is SendState.SENT
    assert items[panic.uuid].server_ref.startswith("incident:")
    assert items[req.uuid].server_ref.startswith("ticket:")
    assert _count(env.db, StationReceipt) == 2
    wait_until(lambda: desk.link().clock_skew_s is not None)
    link = desk.link()
    assert link.state is LinkState.ONLINE
    assert link.since is not None
    # The station's clock an hour ahead: the difference is measured and shown.
    assert link.clock_skew_s is not None
    assert abs(link.clock_skew_s - 3600) < 60
    assert changes  # the screen was told
    # A note on the panic's incident, at the version the station saw.
    incident_id = int(items[panic.uuid].server_ref.split(":")[1])
    note = desk.submit_note(IncidentNote("WS01", incident_id, 1, "已联系家属", station_clock()))
    wait_until(lambda: desk.outbox.count(SendState.WAITING) == 0)
    assert desk.outbox.item(note.uuid).state is SendState.SENT  # type: ignore[union-attr]


def test_a_conflict_is_listed_and_decided_through_the_desk(
    env: World, make_desk: Callable[..., OutboxDesk]
) -> None:
    desk = make_desk(env.svc.station, env.who("ws01"))
    desk.start()
    made = desk.submit_panic(PanicPress("WS01", "C01", utcnow()))
    wait_until(lambda: desk.outbox.count(SendState.WAITING) == 0)
    incident_id = int(desk.outbox.item(made.uuid).server_ref.split(":")[1])  # type: ignore[union-attr]
    desk.submit_note(IncidentNote("WS01", incident_id, 1, "first", utcnow()))
    late = desk.submit_note(IncidentNote("WS01", incident_id, 1, "second", utcnow()))
    wait_until(lambda: desk.outbox.count(SendState.WAITING) == 0)
    item = desk.outbox.item(late.uuid)
    assert item is not None
    assert item.state is SendState.CONFLICT
    assert "changed at the centre" in item.detail
    assert [c.uuid for c in desk.conflicts()] == [late.uuid]
    answer = desk.decide(late.uuid, apply_anyway=False)
    assert answer.state is SendState.DISCARDED
    assert desk.outbox.item(late.uuid).state is SendState.DISCARDED  # type: ignore[union-attr]
    assert desk.conflicts() == []
    # One decided at the centre instead: the station's entry follows at its next heartbeat.
    other = desk.submit_note(IncidentNote("WS01", incident_id, 1, "third", utcnow()))
    wait_until(lambda: desk.outbox.item(other.uuid).state is SendState.CONFLICT)  # type: ignore[union-attr]
    env.svc.station.decide(env.who("supervisor"), other.uuid, apply_anyway=True)
    wait_until(lambda: desk.outbox.item(other.uuid).state is SendState.SENT)  # type: ignore[union-attr]
    assert [e[3] for e in env.events(incident_id) if e[0] == "note"] == ["first", "third"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _unreachable_station(tmp_path: Path) -> StationService:
    """The station service over a PostgreSQL URL nothing listens on: the link is down."""
    url = f"postgresql+psycopg://scc_ws:x@127.0.0.1:{_free_port()}/console"
    db = Database(url, DbOptions(connect_timeout_s=1))
    return StationService(ServiceContext(db, workstation="WS01"))


WORKER = Principal(
    1,
    "ws01",
    "一号工作站",
    RoleName.STATION,
    ROLE_PERMISSIONS[RoleName.STATION],
    frozenset({"C01"}),
)


@pytest.fixture
def receiver() -> Iterator[tuple[Dc09Receiver, Collect]]:
    taken = Collect()
    rx = Dc09Receiver(
        {"A001": PanelAccount("A001", KEY)},
        taken,
        taken,
        host="127.0.0.1",
        tcp_port=0,
        udp_port=None,
    )
    rx.start()
    yield rx, taken
    rx.stop()
    rx.interrupt()
    assert rx.join(5.0)


@pytest.mark.parametrize("skew", [timedelta(0), HOUR], ids=["clock-right", "clock-an-hour-wrong"])
def test_a_panic_while_offline_goes_the_panel_path_to_the_real_receiver(
    tmp_path: Path,
    make_desk: Callable[..., OutboxDesk],
    receiver: tuple[Dc09Receiver, Collect],
    skew: timedelta,
) -> None:
    rx, taken = receiver
    assert rx.tcp_port is not None
    clock = lambda: utcnow() + skew  # noqa: E731
    path = Dc09PanelPath("127.0.0.1", rx.tcp_port, "A001", KEY, clock=clock)
    desk = make_desk(_unreachable_station(tmp_path), WORKER, panel_path=path, clock=clock)
    desk.start()
    wait_until(lambda: desk.link().since is not None)  # the first try failed: offline since
    assert desk.link().state is LinkState.OFFLINE
    item = desk.submit_panic(PanicPress("WS01", "C01", clock(), note="前台"))
    assert "phone the centre" in item.detail  # shown at once
    wait_until(lambda: len(taken.alarms()) == 1)
    [event] = taken.alarms()
    assert (event.account, event.code, event.text) == ("A001", "PA", "WS01")
    # An hour off: the receiver NAKed with its time, the frame went again on that time.
    assert rx.state().naked == (1 if skew else 0)
    wait_until(lambda: "sent to the alarm receiver" in desk.outbox.item(item.uuid).detail)  # type: ignore[union-attr]
    shown = desk.outbox.item(item.uuid)
    assert shown is not None
    assert shown.state is SendState.WAITING  # still to be sent to the database, once
    assert "phone the centre" in shown.detail
    # Tried once by the panel path, not at every retry.
    time.sleep(0.5)
    assert len(taken.alarms()) == 1


def test_a_station_without_a_panel_says_so_and_to_phone_the_centre(
    tmp_path: Path, make_desk: Callable[..., OutboxDesk]
) -> None:
    desk = make_desk(_unreachable_station(tmp_path), WORKER, panel_path=None)
    desk.start()
    wait_until(lambda: desk.link().since is not None)
    item = desk.submit_panic(PanicPress("WS01", "C01", utcnow()))
    wait_until(lambda: "no panel" in desk.outbox.item(item.uuid).detail)  # type: ignore[union-attr]
    assert "phone the centre" in desk.outbox.item(item.uuid).detail  # type: ignore[union-attr]
    assert isinstance(desk.link(), StationLink)


def test_the_panel_path_comes_from_the_site_file(demo_site: SiteSpec) -> None:
    path = panel_path_for(demo_site, "WS01")
    assert path is not None
    assert path.account == "A001"
    assert demo_site.alarm_receiver is not None
    assert (path.host, path.port) == (
        demo_site.alarm_receiver.host,
        demo_site.alarm_receiver.tcp_port,
    )
    assert "12c54d48" not in repr(path)  # the key stays out of logs
    assert panel_path_for(demo_site, "CC") is None  # the centre has no station panel


def test_the_desk_stops_within_its_deadline_while_the_link_is_down(
    tmp_path: Path, make_desk: Callable[..., OutboxDesk]
) -> None:
    desk = make_desk(_unreachable_station(tmp_path), WORKER)
    desk.start()
    desk.submit_request(ResidentRequest("WS01", "C01", RequestTarget.INCIDENT, "ELDERLY", "x", T0))
    wait_until(lambda: desk.link().since is not None)
    assert desk.stop(5.0)
    assert not desk.alive
    assert desk.outbox.count(SendState.WAITING) == 1  # nothing lost
