"""The UHF adapter's bulk path: one bulk read's reads in one accept_many call, retried whole."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, cast

import pytest

from console.tracking_runtime import READER_ADAPTERS
from core.site import Point, ReaderSpec
from core.timefmt import utcnow
from core.tracking import TagRead, TrackerAlarm, TrackingItem
from data.journal import Journal
from data.tracking_ingest import TrackingIngest
from hardware.tracking.uhf_binary import FLAG_SOS, UhfBinaryReader, tag_notice_frame
from tests.helpers.tracking_sink import Collector

FAST: dict[str, Any] = {"backoff_initial": 0.02, "backoff_max": 0.1, "publish_interval": 0.0}


class Bulk:
    """An ingest stand-in with a bulk path: records each call, refuses the first `refuse`."""

    def __init__(self, refuse: int = 0) -> None:
        self.calls: list[list[TrackingItem]] = []
        self.refuse = refuse
        self.cond = threading.Condition()

    def accept_many(self, items: Sequence[TrackingItem]) -> int:
        with self.cond:
            if self.refuse > 0:
                self.refuse -= 1
                return 0
            self.calls.append(list(items))
            self.cond.notify_all()
            return len(items)

    def wait_for(self, n: int) -> list[TagRead]:
        with self.cond:
            assert self.cond.wait_for(lambda: sum(map(len, self.calls)) >= n, 10), self.calls
            return [i for call in self.calls for i in call if isinstance(i, TagRead)]


@pytest.fixture
def server() -> Iterator[socket.socket]:
    srv = socket.create_server(("127.0.0.1", 0))
    srv.settimeout(10)
    yield srv
    srv.close()


def epc(i: int) -> bytes:
    return bytes.fromhex(f"E2801160{i:016X}")


def test_a_bulk_read_goes_to_accept_many_in_one_call_and_is_retried_whole(
    server: socket.socket,
) -> None:
    bulk, collector = Bulk(refuse=1), Collector()
    port = server.getsockname()[1]
    reader = UhfBinaryReader(
        "R001",
        f"socket://127.0.0.1:{port}",
        collector.accept,
        collector,
        accept_many=bulk.accept_many,
        heartbeat_interval=None,
        silence_timeout=None,
        **FAST,
    )
    reader.start()
    try:
        conn, _ = server.accept()
        frames = [tag_notice_frame(epc(i), 1 + i % 4, -40 - i) for i in range(40)]
        frames[7] = tag_notice_frame(epc(7), 4, -47, FLAG_SOS)
        conn.sendall(b"".join(frames))  # 960 bytes in one segment: one bulk read
        reads = bulk.wait_for(40)
        collector.wait_for(lambda c: c.last.extra.get("refused", 0) > 0)
        conn.close()
    finally:
        reader.stop()
        reader.interrupt()
        assert reader.join(5)
    assert [r.tag for r in reads] == [epc(i).hex().upper() for i in range(40)]
    assert [(r.antenna, r.rssi) for r in reads[:3]] == [(1, -40.0), (2, -41.0), (3, -42.0)]
    assert reads[7].alarms == {TrackerAlarm.SOS}
    assert not reads[8].alarms
    first = bulk.calls[0]
    assert len(first) > 1  # not one call per read
    assert len({r.at for r in first if isinstance(r, TagRead)}) == 1  # one receive time
    assert collector.last.extra["refused"] == len(first)  # the refused call, retried whole
    assert collector.items == []  # nothing went through the one-by-one path


def test_the_console_hands_the_ingest_s_bulk_path_to_a_binary_reader(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j")
    nothing = cast(Any, None)  # the ingest's thread is not started: it needs none of them
    ingest = TrackingIngest(nothing, nothing, nothing, Collector(), journal)
    spec = ReaderSpec(
        "R001", "reader", "C01", "Z0101", Point(0.0, 0.0), "binary-serial", "loop://", "WS01"
    )
    try:
        made = READER_ADAPTERS["binary-serial"](spec, ingest.accept, Collector(), utcnow)
        assert isinstance(made, UhfBinaryReader)
        assert made.accept_many == ingest.accept_many
        other = READER_ADAPTERS["binary-serial"](spec, Collector().accept, Collector(), utcnow)
        assert isinstance(other, UhfBinaryReader)
        assert other.accept_many is None  # any other accept: one read per call, as before
    finally:
        journal.close()
