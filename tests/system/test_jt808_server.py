"""The JT/T 808 server against emulated terminals over real TCP on 127.0.0.1."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.events import WorkerFailed
from core.tracking import GpsFix, LinkState, TrackerAlarm, TrackingItem
from hardware.tracking.jt808_server import Jt808Server
from tests.helpers.jt808_terminal import Jt808Terminal, location_body

AT = datetime(2026, 11, 30, 3, 4, 5, tzinfo=UTC)
LAT = 0x017E7D7E / 1e6  # 25.066878: the body holds 7E and 7D
LON = 0x06C87E7D / 1e6  # 113.802877


def wait_until(pred: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


class Sink:
    """An EventSink that keeps what is published (any thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.items: list[object] = []

    def publish(self, event: object) -> None:
        with self._lock:
            self.items.append(event)

    def links(self, device: str) -> list[LinkState]:
        with self._lock:
            return [e for e in self.items if isinstance(e, LinkState) and e.device == device]

    def failures(self) -> list[WorkerFailed]:
        with self._lock:
            return [e for e in self.items if isinstance(e, WorkerFailed)]


class Taker:
    """The console's side of `accept`: keeps fixes, or refuses them."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.fixes: list[GpsFix] = []
        self.refuse = False

    def __call__(self, item: TrackingItem) -> bool:
        assert isinstance(item, GpsFix)
        if self.refuse:
            return False
        with self.lock:
            self.fixes.append(item)
        return True

    def count(self) -> int:
        with self.lock:
            return len(self.fixes)


@pytest.fixture
def taker() -> Taker:
    return Taker()


@pytest.fixture
def sink() -> Sink:
    return Sink()


@pytest.fixture
def server(taker: Taker, sink: Sink) -> Iterator[Jt808Server]:
    srv = Jt808Server(taker, sink, host="127.0.0.1", port=0, secret=b"k" * 32)
    srv.start()
    yield srv
    srv.stop()
    srv.interrupt()
    assert srv.join(5.0)


def online(
    server: Jt808Server, *, phone: str = "013800138000", version: int | None = None
) -> Jt808Terminal:
    term = Jt808Terminal(phone, version=version)
    port = server.port
    assert port is not None
    term.connect(port)
    _serial, result, code = term.register().register
    assert result == 0
    assert code == server.auth_code(phone)
    assert term.authenticate()[2] == 0
    return term


def test_full_session_register_auth_heartbeat_location(
    server: Jt808Server, taker: Taker, sink: Sink
) -> None:
    with online(server) as term:
        wait_until(lambda: any(s.online for s in sink.links("013800138000")))
        assert term.heartbeat()[2] == 0
        result = term.report(
            lat=LAT,
            lon=-LON,
            at=AT,
            alarm=(1 << 0) | (1 << 7),
            altitude=48,
            speed_kmh=23.4,
            heading=90,
            satellites=11,
            battery=15,
            mileage_km=10.0,
        )
        assert result[2] == 0
        assert taker.count() == 1
        fix = taker.fixes[0]
        assert fix.device == "013800138000"
        assert fix.lat == pytest.approx(25.066878)
        assert fix.lon == pytest.approx(-113.802877)
        assert fix.at == AT
        assert fix.valid
        assert fix.speed_kmh == pytest.approx(23.4)
        assert fix.heading_deg == 90
        assert fix.altitude_m == 48
        assert fix.satellites == 11
        assert fix.battery_pct == 15
        assert fix.alarms == {TrackerAlarm.SOS, TrackerAlarm.LOW_BATTERY}
        assert fix.raw_alarm == 0x81
        assert fix.received_at is not None
    # Offline with the reason once the terminal hangs up.
    wait_until(lambda: not sink.links("013800138000")[-1].online)
    last = sink.links("013800138000")[-1]
    assert "connection closed" in last.detail
    assert last.frames == 3  # authenticate, heartbeat, location (register came before)
    assert last.extra["locations"] == 1


def test_location_before_authentication_is_refused(server: Jt808Server, taker: Taker) -> None:
    with Jt808Terminal() as term:
        assert server.port is not None
        term.connect(server.port)
        data, serial = term.location(lat=LAT, lon=LON, at=AT)
        term.send(data)
        assert term.read_reply().general == (serial, 0x0200, 1)
        # A wrong code does not help either.
        assert term.authenticate("nope")[2] == 1
        data, serial = term.location(lat=LAT, lon=LON, at=AT)
        term.send(data)
        assert term.read_reply().general == (serial, 0x0200, 1)
    assert taker.count() == 0
    wait_until(lambda: server.state().extra.get("unauthenticated") == 2)
    assert server.state().extra["auth_failed"] == 1


def test_refused_fix_gets_no_success_and_the_resend_does(server: Jt808Server, taker: Taker) -> None:
    with online(server) as term:
        taker.refuse = True
        data, serial = term.location(lat=LAT, lon=LON, at=AT, alarm=1)
        term.send(data)
        term.expect_silence()
        taker.refuse = False
        term.send(data)  # the terminal's retransmission, same serial
        assert term.read_reply().general == (serial, 0x0200, 0)
    assert taker.count() == 1
    assert taker.fixes[0].alarms == {TrackerAlarm.SOS}


def test_bad_check_code_dropped_and_the_stream_goes_on(server: Jt808Server, taker: Taker) -> None:
    with online(server) as term:
        bad, _ = term.frame(0x0200, location_body(lat=LAT, lon=LON, at=AT), corrupt_check=True)
        term.send(bad)
        term.expect_silence()
        assert term.report(lat=LAT, lon=LON, at=AT)[2] == 0
    assert taker.count() == 1
    wait_until(lambda: server.state().extra.get("bad_check") == 1)
    assert server.state().errors >= 1


def test_garbage_split_frames_and_batched_writes(server: Jt808Server, taker: Taker) -> None:
    with online(server) as term:
        frames = [term.location(lat=LAT, lon=LON + i / 1000, at=AT)[0] for i in range(5)]
        term.send(b"\x00\x11garbage" + frames[0] + frames[1] + b"\xff\xfe" + frames[2])
        blob = frames[3] + frames[4]
        term.send_split(blob, [1, len(frames[3]) - 1, len(frames[3]) + 7])
        answers = [term.read_reply().general for _ in range(5)]
        assert [a[2] for a in answers] == [0] * 5
        oversized = b"\x7e" + b"\x01" * 5000
        term.send(oversized)
        assert term.report(lat=LAT, lon=LON, at=AT)[2] == 0
    assert taker.count() == 6
    assert [round(f.lon, 3) for f in taker.fixes[:5]] == [
        round(LON + i / 1000, 3) for i in range(5)
    ]
    wait_until(lambda: server.state().resyncs >= 3)
    assert server.state().extra.get("bad_oversized") == 1


def test_unknown_message_and_unsupported_packaging(server: Jt808Server) -> None:
    with online(server) as term:
        data, serial = term.frame(0x0F01, b"\x01\x02")
        term.send(data)
        assert term.read_reply().general == (serial, 0x0F01, 3)
        data, serial = term.frame(0x0200, b"x", packages=(2, 1))
        term.send(data)
        assert term.read_reply().general == (serial, 0x0200, 3)
        data, serial = term.frame(0x0200, b"short")
        term.send(data)
        assert term.read_reply().general == (serial, 0x0200, 2)


def test_2019_terminal_session(server: Jt808Server, taker: Taker) -> None:
    phone = "00000000013912345678"
    with online(server, phone=phone, version=1) as term:
        assert term.report(lat=-LAT, lon=LON, at=AT, status=0x2)[2] == 0
    assert taker.fixes[0].device == phone
    assert taker.fixes[0].lat == pytest.approx(-25.066878)


def test_batch_upload_all_or_nothing(server: Jt808Server, taker: Taker) -> None:
    items = [location_body(lat=30 + i, lon=120, at=AT) for i in range(3)]
    body = struct.pack(">HB", 3, 1) + b"".join(struct.pack(">H", len(i)) + i for i in items)
    with online(server) as term:
        data, serial = term.frame(0x0704, body)
        term.send(data)
        assert term.read_reply().general == (serial, 0x0704, 0)
    assert [round(f.lat) for f in taker.fixes] == [30, 31, 32]


def test_no_fix_and_bad_position_are_kept_as_invalid(server: Jt808Server, taker: Taker) -> None:
    with online(server) as term:
        assert term.report(lat=0.0, lon=0.0, at=AT, status=0)[2] == 0
        body = bytearray(location_body(lat=LAT, lon=LON, at=AT, alarm=1))
        body[8:12] = struct.pack(">I", 95_000_000)  # latitude 95°
        data, serial = term.frame(0x0200, bytes(body))
        term.send(data)
        assert term.read_reply().general == (serial, 0x0200, 0)
    no_fix, bad = taker.fixes
    assert not no_fix.valid
    assert no_fix.at == no_fix.received_at
    assert not bad.valid
    assert (bad.lat, bad.lon) == (0.0, 0.0)
    assert bad.alarms == {TrackerAlarm.SOS}  # the SOS is not lost with the position


def test_configured_auth_codes(taker: Taker, sink: Sink) -> None:
    srv = Jt808Server(
        taker, sink, host="127.0.0.1", port=0, auth_codes={"013800138000": "secret-1"}
    )
    srv.start()
    try:
        assert srv.port is not None
        with Jt808Terminal() as term:
            term.connect(srv.port)
            assert term.register().register[1:] == (0, "secret-1")
            assert term.authenticate()[2] == 0
        with Jt808Terminal("013899999999") as stranger:
            stranger.connect(srv.port)
            assert stranger.register().register[1] == 4
            assert stranger.authenticate("secret-1")[2] == 1
    finally:
        srv.stop()
        assert srv.join(5.0)


def test_several_terminals_at_once(server: Jt808Server, taker: Taker, sink: Sink) -> None:
    phones = [f"0139000000{i:02d}" for i in range(8)]
    errors: list[BaseException] = []

    def run(phone: str) -> None:
        try:
            with online(server, phone=phone) as term:
                for k in range(20):
                    assert term.report(lat=LAT, lon=LON, at=AT, heading=k)[2] == 0
        except BaseException as exc:  # handed to the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(p,), name=f"term:{p}") for p in phones]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    assert taker.count() == 8 * 20
    for phone in phones:
        assert [f.heading_deg for f in taker.fixes if f.device == phone] == list(range(20))
    wait_until(lambda: all(not sink.links(p)[-1].online for p in phones))


def test_idle_connection_is_closed(taker: Taker, sink: Sink) -> None:
    srv = Jt808Server(taker, sink, host="127.0.0.1", port=0, idle_timeout=0.5)
    srv.start()
    try:
        assert srv.port is not None
        with online(srv) as term:
            assert term.sock is not None
            term.sock.settimeout(5.0)
            assert term.sock.recv(100) == b""  # the server hung up
        wait_until(lambda: not sink.links("013800138000")[-1].online)
        assert "silent" in sink.links("013800138000")[-1].detail
    finally:
        srv.stop()
        assert srv.join(5.0)


def test_stop_with_connected_terminals_under_a_deadline(taker: Taker, sink: Sink) -> None:
    srv = Jt808Server(taker, sink, host="127.0.0.1", port=0)
    srv.start()
    started = srv.alive
    assert started
    assert srv.name == "jt808"
    port = srv.port
    assert port is not None
    terms = [online(srv, phone=f"01380000000{i}") for i in range(3)]
    half = socket.create_connection(("127.0.0.1", port))
    half.sendall(b"\x7e\x02\x00")  # a frame left open
    srv.stop()
    srv.interrupt()
    assert srv.join(2.0)
    assert not srv.alive
    for term in terms:
        assert term.sock is not None
        term.sock.settimeout(5.0)
        assert term.sock.recv(100) == b""
        term.close()
    half.close()
    final = sink.links("jt808")[-1]
    assert not final.online
    assert final.detail == "stopped"
    assert all(not sink.links(t.phone)[-1].online for t in terms)


def test_port_in_use_reports_and_retries(taker: Taker, sink: Sink) -> None:
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    srv = Jt808Server(taker, sink, host="127.0.0.1", port=blocker.getsockname()[1])
    srv.start()
    try:
        assert srv.port is None
        assert sink.failures()
        assert sink.failures()[0].retrying
        assert not sink.links("jt808")[-1].online
    finally:
        srv.stop()
        assert srv.join(5.0)
        blocker.close()


def test_reconnect_keeps_the_terminal_online_until_the_new_link_ends(
    server: Jt808Server, sink: Sink
) -> None:
    old = online(server)
    new = online(server)  # the terminal came back on a new connection (NAT, radio)
    old.close()  # the stale one ends later: the terminal is still online
    assert new.heartbeat()[2] == 0
    wait_until(lambda: server.state().extra.get("connections") == 1)
    state = server.terminal_state("013800138000")
    assert state is not None
    assert state.online
    assert state.reconnects == 1
    new.close()
    wait_until(lambda: not sink.links("013800138000")[-1].online)


def test_connections_beyond_the_limit_are_closed(taker: Taker, sink: Sink) -> None:
    srv = Jt808Server(taker, sink, host="127.0.0.1", port=0, max_connections=1)
    srv.start()
    try:
        assert srv.port is not None
        with online(srv) as first:
            extra = socket.create_connection(("127.0.0.1", srv.port))
            extra.settimeout(5.0)
            assert extra.recv(10) == b""
            extra.close()
            assert first.heartbeat()[2] == 0
        wait_until(lambda: srv.state().extra.get("refused_connections") == 1)
    finally:
        srv.stop()
        assert srv.join(5.0)


def test_another_phone_on_an_authenticated_connection_is_refused(
    server: Jt808Server, taker: Taker
) -> None:
    with online(server) as term:
        impostor = Jt808Terminal("013811112222")
        impostor.sock, term.sock = term.sock, None  # the same TCP connection
        data, serial = impostor.location(lat=LAT, lon=LON, at=AT)
        impostor.send(data)
        assert impostor.read_reply().general == (serial, 0x0200, 1)
        impostor.close()
    assert taker.count() == 0


MESSAGE_IDS = st.sampled_from(
    [0x0100, 0x0102, 0x0002, 0x0200, 0x0704, 0x0003, 0x0001]
) | st.integers(0, 0xFFFF)


@settings(max_examples=40, deadline=None)
@given(
    st.booleans(),
    st.lists(st.tuples(MESSAGE_IDS, st.binary(max_size=120)), min_size=1, max_size=12),
)
def test_random_messages_never_break_the_server(
    v2019: bool, messages: list[tuple[int, bytes]]
) -> None:
    """Any id with any body, after authentication: every one is answered or dropped, and a
    heartbeat afterwards is still answered on the same connection."""
    taker = Taker()
    srv = Jt808Server(taker, Sink(), host="127.0.0.1", port=0)
    srv.start()
    try:
        phone = "00000000013800138000" if v2019 else "013800138000"
        with online(srv, phone=phone, version=1 if v2019 else None) as term:
            term.send(b"".join(term.frame(msg_id, body)[0] for msg_id, body in messages))
            data, serial = term.frame(0x0002, b"")
            term.send(data)
            while True:
                reply = term.read_reply()
                if reply.msg_id == 0x8001 and reply.general[:2] == (serial, 0x0002):
                    break
        assert srv.alive
    finally:
        srv.stop()
        assert srv.join(5.0)
