"""A station's outbox through a real lost link: a TCP relay before PostgreSQL cuts every
connection, and once an answer after the server committed; all entries arrive exactly once."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from console.station_desk import OutboxDesk
from core.site import SiteSpec
from core.station import LinkState, PanicPress, RequestTarget, ResidentRequest, SendState
from core.timefmt import utcnow
from data.db import Database, DbOptions
from data.migrate import open_database
from data.models import Incident, IncidentEvent, ServiceTicket, StationReceipt
from data.outbox import Outbox
from tests.helpers.postgres import PgServer
from tests.helpers.tcp_relay import TcpRelay
from tests.unit.data.worlds import World, demo_world

pytestmark = pytest.mark.postgres

OPTS = DbOptions(connect_timeout_s=2, lock_timeout_s=5, statement_timeout_s=10)
_n = 0


def wait_until(pred: Callable[[], bool], timeout: float = 30.0) -> None:
    """Poll until `pred` holds; fail after `timeout` (a bound, not a measurement)."""
    deadline = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


@pytest.fixture
def relay(pg_server: PgServer) -> Iterator[TcpRelay]:
    r = TcpRelay("127.0.0.1", pg_server.port).start()
    yield r
    assert r.stop()


@pytest.fixture
def env(
    pg_server: PgServer, pg_migrated_template: str, relay: TcpRelay, demo_site: SiteSpec
) -> Iterator[World]:
    global _n
    _n += 1
    name = f"link_{_n}"
    direct = make_url(pg_server.workstation_url(name))
    pg_server.create_database(name, template=pg_migrated_template)
    # The station reaches the server only through the relay.
    url = direct.set(port=relay.port).render_as_string(hide_password=False)
    db: Database = open_database(url, opts=OPTS)
    try:
        yield demo_world(db, demo_site)
    finally:
        db.dispose()


def receipts(env: World) -> dict[str, int]:
    with env.db.session() as s:
        rows = s.execute(
            select(StationReceipt.uuid, func.count()).group_by(StationReceipt.uuid)
        ).all()
    return {u: n for u, n in rows}


def count(env: World, model: type) -> int:
    with env.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_entries_taken_while_the_link_is_cut_arrive_exactly_once(
    env: World, relay: TcpRelay, tmp_path: Path
) -> None:
    who = env.who("ws01")  # signed in (a server session) while the link was up
    outbox = Outbox(tmp_path / "outbox.db")
    changed: list[int] = []
    desk = OutboxDesk(
        outbox,
        env.svc.station,
        lambda: who,
        workstation="WS01",
        heartbeat_s=0.2,
        retry_first_s=0.05,
        retry_max_s=0.3,
        changed=lambda: changed.append(1),
    )
    desk.start()
    try:
        wait_until(lambda: desk.link().state is LinkState.ONLINE)
        relay.cut()
        wait_until(lambda: desk.link().state is LinkState.OFFLINE)
        down_since = desk.link().since
        assert down_since is not None
        taken = []
        for i in range(30):
            if i % 3 == 0:
                taken.append(desk.submit_panic(PanicPress("WS01", "C01", utcnow())))
            else:
                target = RequestTarget.INCIDENT if i % 3 == 1 else RequestTarget.TICKET
                category = "ELDERLY" if target is RequestTarget.INCIDENT else "help"
                req = ResidentRequest("WS01", "C01", target, category, f"请求 {i}", utcnow())
                taken.append(desk.submit_request(req))
        time.sleep(0.5)  # retries meet the cut link meanwhile
        assert desk.link().state is LinkState.OFFLINE
        assert desk.link().since == down_since  # offline since the cut, not since each retry
        assert desk.link().waiting == 30
        assert relay.refused > 0  # the retries did reach the relay and were turned away
        relay.restore()
        wait_until(lambda: outbox.count(SendState.WAITING) == 0)
        assert all(i.state is SendState.SENT for i in desk.items())
        assert desk.link().state is LinkState.ONLINE
        seen = receipts(env)
        assert {i.uuid for i in taken} <= set(seen)
        assert all(seen[i.uuid] == 1 for i in taken)
        # 10 requests that became incidents, and the 10 panics: one emergency, one P1 (the
        # later presses are notes on the first one's incident).
        assert count(env, Incident) == 11
        assert count(env, ServiceTicket) == 10
        refs = [i.server_ref for i in desk.items()]
        assert len(set(refs)) == 21  # every request its own row, the panics one incident

        # The link drops mid-send: the server commits, the answer is lost; the resend is
        # answered from the receipt, nothing is written twice.
        # Heartbeats quiet first, so that the next COMMIT is the entry's own.
        desk.heartbeat_s = 3600.0
        time.sleep(0.5)
        notes_before = count(env, IncidentEvent)
        relay.cut_at_commit()
        late = desk.submit_panic(PanicPress("WS01", "C01", utcnow()))
        wait_until(lambda: outbox.count(SendState.WAITING) == 0)
        assert relay.cuts_at_commit == 1
        item = outbox.item(late.uuid)
        assert item is not None
        assert item.state is SendState.SENT
        assert item.attempts >= 2  # one lost answer, one answer from the receipt
        assert receipts(env)[late.uuid] == 1
        assert count(env, Incident) == 11
        assert count(env, IncidentEvent) == notes_before + 1  # its one note, not two
        assert changed
    finally:
        assert desk.stop(10.0)
        outbox.close()
