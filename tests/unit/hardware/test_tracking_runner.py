"""The reader threads over TCP and loop://: reads to ingest, link state, reconnects, shutdown."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace

import pytest

from core.events import WorkerFailed
from core.site import SiteSpec
from core.tracking import TrackerAlarm
from hardware.tracking.ascii_reader import AsciiSerialReader, em4100_line
from hardware.tracking.link import LinkRunner
from hardware.tracking.serial_readers import serial_reader_for
from hardware.tracking.uhf_binary import (
    CMD_HEARTBEAT,
    CMD_START_INVENTORY,
    FLAG_SOS,
    TYPE_COMMAND,
    UhfBinaryReader,
    UhfFrameParser,
    response_frame,
    tag_notice_frame,
)
from tests.helpers.tracking_sink import Collector

EPC = bytes.fromhex("E28011606000020D1B2C3D4E")
FAST = {"backoff_initial": 0.02, "backoff_max": 0.1, "publish_interval": 0.0}


@pytest.fixture
def server() -> Iterator[socket.socket]:
    srv = socket.create_server(("127.0.0.1", 0))
    srv.settimeout(10)
    yield srv
    srv.close()


@pytest.fixture
def collector() -> Collector:
    return Collector()


def _stop(runner: LinkRunner[object] | LinkRunner[str] | UhfBinaryReader) -> None:
    runner.stop()
    runner.interrupt()
    assert runner.join(5)


def test_ascii_reader_over_tcp_reconnects_after_the_peer_closes(
    server: socket.socket, collector: Collector
) -> None:
    port = server.getsockname()[1]
    reader = AsciiSerialReader(
        "R001", f"tcp://127.0.0.1:{port}", collector.accept, collector, **FAST
    )
    reader.start()
    try:
        conn, _ = server.accept()
        conn.sendall(b"0123456789\r\n\x02ABCDEF0123\x03garbage line\r\n0A0B0C0D0E\n")
        collector.wait_for(lambda c: len(c.reads) == 3)
        assert [r.tag for r in collector.reads] == ["0123456789", "ABCDEF0123", "0A0B0C0D0E"]
        assert {r.reader for r in collector.reads} == {"R001"}
        collector.wait_for(lambda c: c.last.frames == 3 and c.last.errors == 1)
        conn.sendall(b"01234")  # half a record, then the peer goes away
        conn.close()
        collector.wait_for(lambda c: not c.last.online)
        assert "peer closed" in collector.states[-1].detail
        assert collector.of_type(WorkerFailed)[0].retrying
        conn, _ = server.accept()
        collector.wait_for(lambda c: c.last.online and c.last.reconnects == 1)
        conn.sendall(b"56789\r\n1111111111\r\n")  # the tail of the cut record is noise now
        collector.wait_for(lambda c: len(c.reads) == 4)
        assert collector.reads[-1].tag == "1111111111"
        conn.close()
    finally:
        _stop(reader)
    assert not collector.states[-1].online
    assert collector.states[-1].detail == "stopped"
    assert collector.states[-1].frames == 4


def test_uhf_reader_on_loop_reads_what_it_is_sent(collector: Collector) -> None:
    reader = UhfBinaryReader(
        "R002", "loop://", collector.accept, collector, heartbeat_interval=None, **FAST
    )
    reader.start()
    try:
        collector.wait_for(lambda c: c.last.online)
        # loop:// sends back whatever is written: the adapter's START INVENTORY, then these.
        assert reader.send(tag_notice_frame(EPC, 1, -55) + tag_notice_frame(EPC, 2, -60, FLAG_SOS))
        collector.wait_for(lambda c: len(c.reads) == 2)
        collector.wait_for(lambda c: c.last.extra.get("echoed") == 1)
    finally:
        _stop(reader)
    first, second = collector.reads
    assert (first.tag, first.antenna, first.rssi, first.alarms) == (
        EPC.hex().upper(),
        1,
        -55,
        set(),
    )
    assert second.alarms == {TrackerAlarm.SOS}


def test_uhf_reader_starts_inventory_and_answers_to_heartbeats(
    server: socket.socket, collector: Collector
) -> None:
    port = server.getsockname()[1]
    reader = UhfBinaryReader(
        "R003",
        f"socket://127.0.0.1:{port}",
        collector.accept,
        collector,
        heartbeat_interval=0.05,
        silence_timeout=None,
        **FAST,
    )
    reader.start()
    try:
        conn, _ = server.accept()
        conn.settimeout(10)
        parser = UhfFrameParser()
        seen: list[int] = []
        while seen.count(CMD_HEARTBEAT) < 2:
            seen += [f.command for f in parser.feed(conn.recv(4096)) if f.type == TYPE_COMMAND]
        assert seen[0] == CMD_START_INVENTORY
        conn.sendall(response_frame(CMD_START_INVENTORY, 0x03) + tag_notice_frame(EPC, 1, -40))
        collector.wait_for(lambda c: len(c.reads) == 1)
        collector.wait_for(lambda c: c.last.extra.get("reader_errors") == 1)
        conn.close()
    finally:
        _stop(reader)


def test_uhf_reader_drops_a_silent_link(server: socket.socket, collector: Collector) -> None:
    port = server.getsockname()[1]
    reader = UhfBinaryReader(
        "R004",
        f"socket://127.0.0.1:{port}",
        collector.accept,
        collector,
        heartbeat_interval=0.05,
        silence_timeout=0.3,
        **FAST,
    )
    reader.start()
    try:
        conn, _ = server.accept()  # accepts, never answers: a converter without its reader
        collector.wait_for(lambda c: not c.last.online and "silent" in c.last.detail)
        conn.close()
    finally:
        _stop(reader)


def test_refused_reads_are_offered_again_until_taken(
    server: socket.socket, collector: Collector
) -> None:
    collector.refuse_next = 5
    port = server.getsockname()[1]
    reader = AsciiSerialReader("R005", f"socket://127.0.0.1:{port}", collector.accept, collector)
    reader.start()
    try:
        conn, _ = server.accept()
        conn.sendall(em4100_line("0123456789") + em4100_line("9876543210"))
        collector.wait_for(lambda c: len(c.reads) == 2)
        conn.close()
    finally:
        _stop(reader)
    assert collector.refused == 5
    assert [r.tag for r in collector.reads] == ["0123456789", "9876543210"]
    assert collector.states[-1].extra["refused"] == 1


def test_an_address_it_cannot_open_ends_the_thread_with_a_clear_error(
    collector: Collector,
) -> None:
    reader = AsciiSerialReader("R006", "http://example.org/", collector.accept, collector)
    reader.start()
    assert reader.join(5)
    failed = collector.of_type(WorkerFailed)
    assert len(failed) == 1
    assert not failed[0].retrying
    assert "unknown scheme" in failed[0].message
    assert not collector.states[-1].online


def test_unreachable_host_retries_and_stops_at_once(collector: Collector) -> None:
    srv = socket.create_server(("127.0.0.1", 0))
    port = srv.getsockname()[1]
    srv.close()
    reader = AsciiSerialReader(
        "R007",
        f"socket://127.0.0.1:{port}",
        collector.accept,
        collector,
        backoff_initial=0.01,
        backoff_max=0.02,
    )
    reader.start()
    collector.wait_for(lambda c: bool(c.states) and "cannot connect" in c.last.detail)
    _stop(reader)
    assert len(collector.of_type(WorkerFailed)) == 1  # one notification per outage


def test_stop_wakes_a_long_blocked_read(server: socket.socket, collector: Collector) -> None:
    port = server.getsockname()[1]
    reader = AsciiSerialReader(
        "R008", f"socket://127.0.0.1:{port}", collector.accept, collector, read_timeout=60.0
    )
    reader.start()
    conn, _ = server.accept()
    collector.wait_for(lambda c: c.last.online)
    try:
        _stop(reader)
    finally:
        conn.close()
    assert reader.name == "rfid:R008"
    assert not reader.alive


def test_site_readers_get_their_adapter(demo_site: SiteSpec, collector: Collector) -> None:
    base = demo_site.readers[0]
    ascii_spec = replace(base, protocol="ascii-serial", address="serial:///dev/ttyUSB0?baud=9600")
    uhf_spec = replace(base, protocol="binary-serial", address="tcp://10.0.0.5:6000")
    ascii_reader = serial_reader_for(ascii_spec, collector.accept, collector)
    uhf_reader = serial_reader_for(uhf_spec, collector.accept, collector)
    assert isinstance(ascii_reader, AsciiSerialReader)
    assert ascii_reader.name == f"rfid:{base.code}"
    assert isinstance(uhf_reader, UhfBinaryReader)
    assert uhf_reader.url == "tcp://10.0.0.5:6000"
    assert serial_reader_for(replace(base, protocol="llrp"), collector.accept, collector) is None


def test_counters_go_out_at_most_once_per_interval(
    server: socket.socket, collector: Collector
) -> None:
    now = [100.0]
    port = server.getsockname()[1]
    reader = AsciiSerialReader(
        "R009",
        f"socket://127.0.0.1:{port}",
        collector.accept,
        collector,
        monotonic=lambda: now[0],
        publish_interval=1.0,
    )
    reader.start()
    try:
        conn, _ = server.accept()
        collector.wait_for(lambda c: c.last.online)
        conn.sendall(em4100_line("0123456789") * 3)
        collector.wait_for(lambda c: len(c.reads) == 3)
        assert [s.frames for s in collector.states] == [0]  # the clock has not moved
        now[0] += 1.0
        collector.wait_for(lambda c: c.last.frames == 3)
        conn.sendall(em4100_line("0123456789"))
        collector.wait_for(lambda c: len(c.reads) == 4)
        assert [s.frames for s in collector.states] == [0, 3]
        now[0] += 1.0
        collector.wait_for(lambda c: c.last.frames == 4)
        assert [s.frames for s in collector.states] == [0, 3, 4]
        conn.close()
    finally:
        _stop(reader)
