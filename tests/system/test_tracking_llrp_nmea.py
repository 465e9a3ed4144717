"""LLRP against a reader emulator over TCP and NMEA through a socat pty, end to end."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from core.events import WorkerFailed
from core.tracking import GpsFix, LinkState, TagRead, TrackingItem
from hardware.tracking.llrp import LlrpOptions, LlrpReader, pack
from hardware.tracking.nmea import NmeaTracker
from tests.helpers.llrp_emulator import EmulatedTag, LlrpReaderEmulator, report_message
from tests.helpers.pty import PtyEnd, PtyPair

FAST = LlrpOptions(keepalive_s=0.2, backoff_min_s=0.05, backoff_max_s=0.2, tick_s=0.05)
TAGS = [
    EmulatedTag("E20000112233445566778801", antenna=1, rssi=-52, count=2),
    EmulatedTag("E20000112233445566778802", antenna=2, rssi=-67, count=1),
    EmulatedTag("300833B2DDD9014000000000ABCD", antenna=3, rssi=-74, count=5),
]


class Collector:
    """Sink and ingest in one: keeps what the adapter publishes and accepts, for waiting on."""

    def __init__(self, refuse: int = 0) -> None:
        self.items: list[TrackingItem] = []
        self.events: list[object] = []
        self.refuse = refuse  # say no this many times first, as a full ingest queue does
        self._cond = threading.Condition()

    def accept(self, item: TrackingItem) -> bool:
        with self._cond:
            if self.refuse > 0:
                self.refuse -= 1
                return False
            self.items.append(item)
            self._cond.notify_all()
        return True

    def publish(self, event: object) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def wait(self, what: str, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
        with self._cond:
            assert self._cond.wait_for(predicate, timeout), f"timed out waiting for {what}"

    @property
    def states(self) -> list[LinkState]:
        return [e for e in self.events if isinstance(e, LinkState)]

    def reads(self) -> list[TagRead]:
        return [i for i in self.items if isinstance(i, TagRead)]

    def fixes(self) -> list[GpsFix]:
        return [i for i in self.items if isinstance(i, GpsFix)]


def _wait_until(what: str, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    # For state another process or thread holds without a condition to wait on.
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


@pytest.fixture
def collector() -> Collector:
    return Collector()


@pytest.fixture
def emulator() -> Iterator[LlrpReaderEmulator]:
    with LlrpReaderEmulator(TAGS) as emu:
        yield emu


def _stop(reader: LlrpReader | NmeaTracker) -> None:
    reader.stop()
    reader.interrupt()
    assert reader.join(5), f"{reader.name} did not stop"


@pytest.fixture
def start_reader(collector: Collector) -> Iterator[Callable[..., LlrpReader]]:
    started: list[LlrpReader] = []

    def start(address: str, options: LlrpOptions = FAST) -> LlrpReader:
        reader = LlrpReader("R001", address, collector.accept, collector, options=options)
        reader.start()
        started.append(reader)
        return reader

    yield start
    for reader in started:
        _stop(reader)


def _online(c: Collector) -> Callable[[], bool]:
    return lambda: bool(c.states) and c.states[-1].online


def test_llrp_session_delivers_reads_answers_keepalives_and_closes(
    emulator: LlrpReaderEmulator, collector: Collector, start_reader: Callable[..., LlrpReader]
) -> None:
    reader = start_reader(emulator.address)
    collector.wait("the three tags", lambda: len(collector.reads()) == 3)
    reads = collector.reads()
    assert [(r.tag, r.antenna, r.rssi, r.count) for r in reads] == [
        (t.epc, t.antenna, float(t.rssi), t.count) for t in TAGS
    ]
    assert all(r.reader == "R001" and r.reader_time is not None for r in reads)
    assert emulator.received[:5] == [
        "SET_READER_CONFIG",
        "DELETE_ROSPEC",
        "ADD_ROSPEC",
        "ENABLE_ROSPEC",
        "START_ROSPEC",
    ]
    collector.wait("online", _online(collector))
    _wait_until("two keepalives answered", lambda: len(emulator.acks) >= 2)
    assert emulator.acks[:2] == emulator.keepalive_ids[:2]  # each ACK carries its KEEPALIVE's id
    _stop(reader)
    _wait_until("CLOSE_CONNECTION", lambda: "CLOSE_CONNECTION" in emulator.received)
    assert not collector.states[-1].online
    assert collector.states[-1].extra["reads"] == 3


def test_llrp_report_split_across_segments_is_assembled(
    emulator: LlrpReaderEmulator, collector: Collector, start_reader: Callable[..., LlrpReader]
) -> None:
    start_reader(emulator.address)
    collector.wait("the first report", lambda: len(collector.reads()) == 3)
    more = [EmulatedTag(f"E2000011223344556677{n:04X}", antenna=n % 4 + 1) for n in range(40)]
    emulator.send_report(more, pieces=9, pause=0.01)
    collector.wait("the split report", lambda: len(collector.reads()) == 43)
    assert [r.tag for r in collector.reads()[3:]] == [t.epc for t in more]


def test_llrp_reader_dropped_mid_message_goes_offline_reconnects_and_reads_on(
    emulator: LlrpReaderEmulator, collector: Collector, start_reader: Callable[..., LlrpReader]
) -> None:
    start_reader(emulator.address)
    collector.wait("online", _online(collector))
    collector.wait("the first report", lambda: len(collector.reads()) == 3)
    lost = pack(report_message([EmulatedTag("DEADDEADDEADDEADDEADDEAD")], 77))
    emulator.drop(partial=lost[: len(lost) // 2])
    collector.wait("offline", lambda: not collector.states[-1].online)
    assert "closed the connection" in collector.states[-1].detail
    assert any(isinstance(e, WorkerFailed) and e.retrying for e in collector.events)
    # Reconnects: a new session, the emulator reports its tags again on START_ROSPEC.
    collector.wait("reads after the reconnect", lambda: len(collector.reads()) == 6)
    collector.wait("online again", _online(collector))
    assert emulator.connections == 2
    assert "DEADDEADDEADDEADDEADDEAD" not in {r.tag for r in collector.reads()}
    emulator.send_report([EmulatedTag("E200001122334455667788FF")])
    collector.wait("a read on the new link", lambda: len(collector.reads()) == 7)
    assert collector.states[-1].reconnects == 1


def test_llrp_silent_reader_is_dropped_after_the_keepalive_window(
    collector: Collector, start_reader: Callable[..., LlrpReader]
) -> None:
    with LlrpReaderEmulator(TAGS, keepalives=False) as hung:
        start_reader(hung.address)
        collector.wait("online", _online(collector))
        collector.wait(
            "offline for missed keepalives",
            lambda: "no keepalive" in collector.states[-1].detail,
        )
        assert hung.wait_connections(2)


def test_llrp_garbage_in_the_stream_drops_the_connection(
    emulator: LlrpReaderEmulator, collector: Collector, start_reader: Callable[..., LlrpReader]
) -> None:
    start_reader(emulator.address)
    collector.wait("the first report", lambda: len(collector.reads()) == 3)
    emulator.send_bytes(b"\xff\xfeNOT LLRP AT ALL")
    collector.wait("stream dropped", lambda: "stream broken" in collector.states[-1].detail)
    collector.wait("reads after the reconnect", lambda: len(collector.reads()) == 6)
    state = collector.states[-1]
    assert state.extra["stream_drops"] == 1
    assert state.errors >= 1


def test_llrp_refused_rospec_is_a_clear_error_and_retried(
    collector: Collector, start_reader: Callable[..., LlrpReader]
) -> None:
    with LlrpReaderEmulator(TAGS, refuse=frozenset({"ADD_ROSPEC"})) as stubborn:
        start_reader(stubborn.address)
        collector.wait(
            "the refusal",
            lambda: any(isinstance(e, WorkerFailed) for e in collector.events),
        )
        failed = next(e for e in collector.events if isinstance(e, WorkerFailed))
        assert "ADD_ROSPEC refused: R_DeviceError" in failed.message
        assert stubborn.wait_connections(2)
        assert collector.reads() == []


def test_llrp_reads_refused_by_a_full_ingest_are_offered_again_not_lost(
    emulator: LlrpReaderEmulator,
) -> None:
    collector = Collector(refuse=5)
    reader = LlrpReader("R001", emulator.address, collector.accept, collector, options=FAST)
    reader.start()
    try:
        collector.wait("the three tags", lambda: len(collector.reads()) == 3)
        assert [r.tag for r in collector.reads()] == [t.epc for t in TAGS]
        assert reader.state().extra["refused"] == 1  # one read waited; the rest queued behind it
    finally:
        _stop(reader)


def test_llrp_request_never_answered_times_out_although_keepalives_flow(
    collector: Collector, start_reader: Callable[..., LlrpReader]
) -> None:
    with LlrpReaderEmulator(TAGS, ignore=frozenset({"ENABLE_ROSPEC"})) as hung:
        start_reader(hung.address, replace(FAST, response_timeout_s=1.0))
        collector.wait(
            "the timeout",
            lambda: any(
                "no answer to ENABLE_ROSPEC within 1 s" in e.detail for e in collector.states
            ),
        )
        assert hung.keepalive_ids  # keepalives came, and did not keep the request waiting
        assert collector.reads() == []


def test_llrp_reader_not_there_is_offline_with_the_reason(
    collector: Collector, start_reader: Callable[..., LlrpReader]
) -> None:
    emu = LlrpReaderEmulator()
    address = emu.address
    emu.close()  # nothing listens on that port any more
    start_reader(address)
    collector.wait("offline", lambda: bool(collector.states))
    assert not collector.states[-1].online
    assert "refused" in collector.states[-1].detail.lower()


# --- NMEA through a pty --------------------------------------------------------------------------


def _nmea(body: str) -> bytes:
    check = 0
    for ch in body.encode():
        check ^= ch
    return f"${body}*{check:02X}\r\n".encode()


@pytest.fixture
def pty(tmp_path: Path) -> Iterator[PtyPair]:
    with PtyPair(tmp_path) as pair:
        yield pair


def test_nmea_fixes_come_through_a_pty_bad_checksum_counted_no_fix_clear(
    pty: PtyPair, collector: Collector
) -> None:
    tracker = NmeaTracker("GPS01", pty.a, collector.accept, collector, read_timeout=0.05)
    tracker.start()
    device = PtyEnd(pty.b)
    try:
        collector.wait("online", _online(collector))
        good_rmc = _nmea("GPRMC,081500.00,A,3114.5000,N,12128.2000,E,10.0,90.0,301126,,,A")
        good_gga = _nmea("GPGGA,081500.00,3114.5000,N,12128.2000,E,1,09,0.9,12.5,M,8.0,M,,")
        broken = bytearray(_nmea("GPRMC,081501.00,A,3114.6000,N,12128.2000,E,10.0,90.0,301126,,,A"))
        broken[-4:-2] = b"00" if broken[-4:-2] != b"00" else b"11"  # wrong checksum
        no_fix = _nmea("GPRMC,081502.00,V,,,,,,,301126,,,N")
        device.write(good_rmc + good_gga + b"\x00\xff\x13garbage" + bytes(broken) + no_fix)
        collector.wait("two fixes", lambda: len(collector.fixes()) == 2)
        fix, nofix = collector.fixes()
        assert fix.device == "GPS01"
        assert fix.valid
        assert fix.lat == pytest.approx(31.241666, abs=1e-5)
        assert fix.lon == pytest.approx(121.47, abs=1e-5)
        assert fix.speed_kmh == pytest.approx(18.52)
        assert fix.satellites == 9
        assert fix.altitude_m == pytest.approx(12.5)
        assert fix.at.isoformat() == "2026-11-30T08:15:00+00:00"
        assert fix.received_at is not None
        assert not nofix.valid  # a GPS without a fix is a state, not an error
        collector.wait("counters", lambda: collector.states[-1].errors >= 1)
        state = collector.states[-1]
        assert state.errors == 1  # the bad checksum
        assert state.resyncs >= 1  # the garbage before it
    finally:
        device.close()
        _stop(tracker)


def test_nmea_tracker_unplugged_goes_offline_and_comes_back(
    pty: PtyPair, collector: Collector
) -> None:
    tracker = NmeaTracker("GPS01", pty.a, collector.accept, collector, read_timeout=0.05)
    tracker.start()
    try:
        collector.wait("online", _online(collector))
        pty.unplug()
        collector.wait("offline", lambda: not collector.states[-1].online)
        pty.plug()
        collector.wait("online again", _online(collector))
        device = PtyEnd(pty.b)
        try:
            device.write(_nmea("GNRMC,120000,A,3000.0000,N,12000.0000,E,0.0,0.0,010126,,,A"))
            collector.wait("a fix after the replug", lambda: len(collector.fixes()) == 1)
        finally:
            device.close()
        assert collector.states[-1].reconnects >= 1
    finally:
        _stop(tracker)


def test_nmea_tracker_over_tcp_reconnects_when_the_gateway_drops(collector: Collector) -> None:
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(10)
    port = server.getsockname()[1]
    tracker = NmeaTracker(
        "GPS02", f"socket://127.0.0.1:{port}", collector.accept, collector, read_timeout=0.05
    )
    tracker.start()
    try:
        first, _ = server.accept()
        with first:
            first.sendall(_nmea("GNRMC,120000,A,3000.0000,N,12000.0000,E,5.0,45.0,010126,,,A")[:30])
            collector.wait("online", _online(collector))
        # Dropped mid-sentence: offline, and the half sentence never becomes a fix.
        collector.wait("offline", lambda: not collector.states[-1].online)
        second, _ = server.accept()
        with second:
            second.sendall(_nmea("GNRMC,120001,A,3000.0000,N,12000.0000,E,5.0,45.0,010126,,,A"))
            collector.wait("online again", _online(collector))
            collector.wait("the fix", lambda: len(collector.fixes()) == 1)
        (fix,) = collector.fixes()
        assert fix.device == "GPS02"
        assert fix.at.isoformat() == "2026-01-01T12:00:01+00:00"
        assert fix.heading_deg == 45.0
    finally:
        _stop(tracker)
        server.close()
