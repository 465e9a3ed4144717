"""The in-memory StationDesk behaves as the port says: every submit kept WAITING, then moved on."""

from __future__ import annotations

from datetime import UTC, datetime

from core.station import (
    EntryKind,
    LinkState,
    PanicPress,
    SendState,
    StationDesk,
    StationLink,
)
from tests.helpers.station_fakes import Decision, MemoryDesk

NOW = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


def test_memory_desk_keeps_submissions_and_counts_what_waits() -> None:
    fake = MemoryDesk(clock=lambda: NOW)
    desk: StationDesk = fake  # the port, as the station screen sees it
    calls: list[str] = []
    fake.changed = lambda: calls.append("changed")
    item = desk.submit_panic(PanicPress("WS01", "C01", NOW))
    assert (item.kind, item.state, item.created_at) == (EntryKind.PANIC, SendState.WAITING, NOW)
    assert desk.link().waiting == 1
    fake.settle(item.uuid, SendState.SENT, "incident:1")
    assert desk.items()[0].server_ref == "incident:1"
    assert desk.link().waiting == 0
    fake.set_link(StationLink(LinkState.OFFLINE, NOW))
    assert desk.link().state is LinkState.OFFLINE
    assert calls == ["changed"] * 3


def test_memory_desk_decides_conflicts() -> None:
    fake = MemoryDesk(clock=lambda: NOW)
    item = fake.submit_panic(PanicPress("WS01", "C01", NOW))
    fake.settle(item.uuid, SendState.CONFLICT)
    assert fake.decide(item.uuid, False).state is SendState.DISCARDED
    assert fake.decisions == [Decision(item.uuid, False)]
