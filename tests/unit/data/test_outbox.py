"""The station's outbox file: entries kept until sent, versions migrated or refused, privacy."""

from __future__ import annotations

import sqlite3
import stat
import uuid as uuid_mod
from datetime import timedelta
from pathlib import Path

import pytest

from core.model import Priority
from core.station import (
    EntryKind,
    IncidentNote,
    PanicPress,
    RequestTarget,
    ResidentRequest,
    SendState,
)
from data.outbox import OUTBOX_VERSION, SENT_KEPT, Outbox, OutboxError
from tests.helpers.fakes import T0, FakeClock

PHOTO = bytes(range(256)) * 40  # any bytes, NULs included, kept exactly


def request() -> ResidentRequest:
    return ResidentRequest(
        "WS01",
        "C01",
        RequestTarget.INCIDENT,
        "ELDERLY",
        "漏水\n第二行",
        T0,
        resident_id=7,
        caller_name="张三",
        caller_phone="13800000000",
        priority=Priority.P2,
        photo_name="leak.jpg",
        photo=PHOTO,
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def outbox(tmp_path: Path, clock: FakeClock) -> Outbox:
    box = Outbox(tmp_path / "station" / "outbox.db", clock=clock)
    yield box  # type: ignore[misc]
    box.close()


def test_an_entry_is_kept_whole_under_a_fresh_uuid(outbox: Outbox) -> None:
    item = outbox.add(request())
    assert uuid_mod.UUID(item.uuid).version == 4
    assert (item.kind, item.state, item.attempts) == (EntryKind.REQUEST, SendState.WAITING, 0)
    assert "张三" not in item.summary
    assert "138" not in item.summary
    [pending] = outbox.waiting()
    assert pending.uuid == item.uuid
    assert pending.entry == request()  # photo bytes included
    assert outbox.item(item.uuid) == item


def test_entries_wait_in_the_order_they_were_taken(outbox: Outbox) -> None:
    keys = [
        outbox.add(PanicPress("WS01", "C01", T0)).uuid,
        outbox.add(request()).uuid,
        outbox.add(IncidentNote("WS01", 4, 2, "note", T0)).uuid,
    ]
    assert [p.uuid for p in outbox.waiting()] == keys
    assert [p.kind for p in outbox.waiting()] == [
        EntryKind.PANIC,
        EntryKind.REQUEST,
        EntryKind.NOTE,
    ]
    assert outbox.count() == 3


def test_the_states_an_entry_goes_through(outbox: Outbox) -> None:
    a, b, c = (outbox.add(PanicPress("WS01", "C01", T0)).uuid for _ in range(3))
    outbox.tried(a, "waiting for the link")
    outbox.tried(a, "waiting for the link")
    outbox.settle(a, SendState.SENT, "incident:9")
    outbox.settle(b, SendState.CONFLICT, detail="changed")
    outbox.settle(c, SendState.REFUSED, detail="not allowed")
    items = {i.uuid: i for i in outbox.items()}
    assert (items[a].state, items[a].attempts, items[a].server_ref) == (
        SendState.SENT,
        3,
        "incident:9",
    )
    assert (items[b].state, items[b].detail) == (SendState.CONFLICT, "changed")
    assert items[c].state is SendState.REFUSED
    assert outbox.waiting() == []


def test_nothing_is_forgotten_until_it_was_sent_and_some_days_passed(
    outbox: Outbox, clock: FakeClock
) -> None:
    sent = outbox.add(PanicPress("WS01", "C01", T0)).uuid
    kept = [outbox.add(PanicPress("WS01", "C01", T0)).uuid for _ in range(3)]
    outbox.settle(sent, SendState.SENT, "incident:1")
    outbox.settle(kept[1], SendState.CONFLICT)
    outbox.settle(kept[2], SendState.REFUSED)
    clock.advance(SENT_KEPT - timedelta(hours=1))
    assert outbox.prune() == 0
    assert sent in {i.uuid for i in outbox.items()}  # still listed for the screen
    clock.advance(timedelta(hours=2))
    assert sent not in {i.uuid for i in outbox.items()}
    assert outbox.prune() == 1
    assert {i.uuid for i in outbox.items()} == set(kept)


def test_the_file_is_private_and_in_wal(tmp_path: Path) -> None:
    path = tmp_path / "new" / "outbox.db"
    box = Outbox(path)
    try:
        box.add(request())
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert box.version == OUTBOX_VERSION
    finally:
        box.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_newer_console_migrates_an_older_outbox_and_keeps_its_entries(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    old = Outbox(path, migrate_to=1)  # as the previous version wrote it
    try:
        assert old.version == 1
        with sqlite3.connect(path) as conn:
            columns = {r[1] for r in conn.execute("PRAGMA table_info(entry)")}
        assert "panel" not in columns
        with old._tx() as conn:  # the previous version's own insert
            conn.execute(
                "INSERT INTO entry (uuid, kind, payload, summary, created_at, state) "
                "VALUES (?, 'note', ?, 'note', ?, 'waiting')",
                (
                    "0b6c8f2e-6f0b-4a43-9a55-3f4e0c1d2e3f",
                    '{"workstation": "WS01", "incident_id": 3, "base_version": 1, '
                    '"text": "x", "written_at": "2026-11-25T08:00:00+00:00"}',
                    T0.isoformat(),
                ),
            )
    finally:
        old.close()
    box = Outbox(path)
    try:
        assert box.version == OUTBOX_VERSION
        [pending] = box.waiting()
        assert pending.entry == IncidentNote("WS01", 3, 1, "x", T0)
        assert pending.panel == ""
    finally:
        box.close()


def test_an_older_console_refuses_a_newer_outbox_and_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    Outbox(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {OUTBOX_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(OutboxError, match="newer version of the console") as info:
        Outbox(path)
    assert f"outbox version {OUTBOX_VERSION + 1}" in str(info.value)
    assert "Install the newer console" in str(info.value)
    assert path.read_bytes() == before


def test_a_damaged_outbox_is_refused_and_left_for_the_administrator(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    path.write_bytes(b"not a database at all " * 100)
    with pytest.raises(OutboxError, match="damaged"):
        Outbox(path)
    assert path.read_bytes() == b"not a database at all " * 100


def test_an_entry_that_cannot_be_read_is_refused_and_does_not_hold_up_the_rest(
    outbox: Outbox,
) -> None:
    bad = outbox.add(PanicPress("WS01", "C01", T0)).uuid
    good = outbox.add(PanicPress("WS01", "C01", T0)).uuid
    with outbox._tx() as conn:
        conn.execute("UPDATE entry SET payload = '{' WHERE uuid = ?", (bad,))
    assert [p.uuid for p in outbox.waiting()] == [good]
    item = outbox.item(bad)
    assert item is not None
    assert item.state is SendState.REFUSED
    assert item.detail.startswith("damaged entry")
