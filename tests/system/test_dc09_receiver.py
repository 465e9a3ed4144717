"""The SIA DC-09 receiver against real TCP and UDP peers on 127.0.0.1: frames built to the
standard by hardware.alarms.frames, answers checked per DC-09 §5.5.3, bad input survived."""

from __future__ import annotations

import logging
import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from core.alarms import (
    AlarmCategory,
    AlarmEvent,
    AlarmReceiverState,
    PanelAccount,
    restored_category,
)
from core.events import WorkerFailed
from hardware.alarms.dc09 import Dc09Limits, Dc09Receiver
from hardware.alarms.frames import (
    Dc09Response,
    Dc09Sender,
    build_frame,
    crc16_arc,
    encrypt_region,
    unwrap,
    wrap,
)
from hardware.alarms.sim import PanelSimulator

KEYS = {16: os.urandom(16), 24: os.urandom(24), 32: os.urandom(32)}
ACCOUNTS = {
    "1234": PanelAccount("1234"),
    "5678": PanelAccount("5678"),
    "A128": PanelAccount("A128", KEYS[16]),
    "A192": PanelAccount("A192", KEYS[24]),
    "A256": PanelAccount("A256", KEYS[32]),
}
ACCOUNT_OF_SIZE = {None: "1234", 16: "A128", 24: "A192", 32: "A256"}
SILENCE = 0.3  # seconds to wait for an answer that must not come


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

    def states(self) -> list[AlarmReceiverState]:
        with self._lock:
            return [e for e in self.items if isinstance(e, AlarmReceiverState)]

    def failures(self) -> list[WorkerFailed]:
        with self._lock:
            return [e for e in self.items if isinstance(e, WorkerFailed)]


class Taker:
    """The console's side: takes events (or refuses them, or fails)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.events: list[AlarmEvent] = []
        self.answer: bool | Exception = True

    def __call__(self, event: AlarmEvent) -> bool:
        with self._lock:
            self.events.append(event)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer

    def count(self) -> int:
        with self._lock:
            return len(self.events)


Factory = Callable[..., tuple[Dc09Receiver, Taker, Sink]]


@pytest.fixture
def make_receiver() -> Iterator[Factory]:
    """Starts receivers on 127.0.0.1 (free ports); stops each within one deadline after."""
    started: list[Dc09Receiver] = []

    def make(**kwargs: object) -> tuple[Dc09Receiver, Taker, Sink]:
        taker, sink = Taker(), Sink()
        options: dict[str, object] = {"host": "127.0.0.1", "tcp_port": 0, "udp_port": 0}
        options.update(kwargs)
        accounts = options.pop("accounts", ACCOUNTS)
        receiver = Dc09Receiver(accounts, taker, sink, **options)  # type: ignore[arg-type]
        receiver.start()
        started.append(receiver)
        return receiver, taker, sink

    yield make
    for r in started:
        r.stop()
    for r in started:
        r.interrupt()
    deadline = time.monotonic() + 3.0
    for r in started:
        assert r.join(deadline - time.monotonic()), f"{r.name} did not stop"


def sender(receiver: Dc09Receiver, transport: str = "tcp") -> Dc09Sender:
    port = receiver.tcp_port if transport == "tcp" else receiver.udp_port
    assert port is not None
    return Dc09Sender("127.0.0.1", port, transport=transport, timeout=2.0)


def ack(response: Dc09Response | None) -> Dc09Response:
    assert response is not None, "no answer"
    assert response.kind == "ACK", response
    return response


# --- accepted events ------------------------------------------------------------------------------
@pytest.mark.parametrize("transport", ["tcp", "udp"])
@pytest.mark.parametrize("size", [None, 16, 24, 32], ids=["plain", "aes128", "aes192", "aes256"])
def test_events_are_acked_and_delivered(
    make_receiver: Factory, transport: str, size: int | None
) -> None:
    receiver, taker, _sink = make_receiver()
    account = ACCOUNT_OF_SIZE[size]
    key = KEYS[size] if size else None
    stamp = datetime.now(UTC).replace(microsecond=0)
    frame = build_frame(
        account,
        "BA",
        "012",
        sequence=42,
        receiver="R7",
        line="L3",
        key=key,
        partition="02",
        text="East gate",
        timestamp=stamp,
    )
    with sender(receiver, transport) as s:
        r = ack(s.send(frame, key=key))
        local = s.local_address
    assert (r.sequence, r.receiver, r.line, r.account, r.encrypted) == (
        "0042",
        "R7",
        "L3",
        account,
        key is not None,
    )
    if key is not None:  # an encrypted ACK carries the receiver's time
        assert r.timestamp is not None
        assert abs((r.timestamp - datetime.now(UTC)).total_seconds()) < 5
    [event] = taker.events
    assert (event.account, event.receiver, event.line, event.sequence) == (
        account,
        "R7",
        "L3",
        "0042",
    )
    assert (event.message_type, event.code, event.zone, event.partition) == (
        "SIA-DCS",
        "BA",
        "012",
        "02",
    )
    assert event.text == "East gate"
    assert event.category is AlarmCategory.BURGLARY
    assert event.zone_number == 12
    assert event.panel_time == stamp
    assert event.transport == transport
    assert event.peer == f"{local[0]}:{local[1]}"
    assert event.encrypted is (key is not None)
    assert "#" + account + "|Nri02/BA012^East gate^]" in event.raw
    state = receiver.state()
    assert (state.frames, state.acked) == (1, 1)


@pytest.mark.parametrize("transport", ["tcp", "udp"])
@pytest.mark.parametrize("size", [None, 32], ids=["plain", "aes256"])
def test_link_tests_are_heartbeats(
    make_receiver: Factory, transport: str, size: int | None
) -> None:
    receiver, taker, _ = make_receiver()
    account = ACCOUNT_OF_SIZE[size]
    key = KEYS[size] if size else None
    with sender(receiver, transport) as s:
        ack(s.send(build_frame(account, message_type="NULL", key=key), key=key))
        if key is None:  # the timestamp is optional in a clear NULL
            ack(s.send(build_frame(account, message_type="NULL", with_timestamp=False)))
    assert {e.message_type for e in taker.events} == {"NULL"}
    assert {e.category for e in taker.events} == {AlarmCategory.HEARTBEAT}
    assert all(e.code == "" and e.zone == "" for e in taker.events)


def test_contact_id_burglary_and_its_restore(make_receiver: Factory) -> None:
    receiver, taker, _ = make_receiver()
    with sender(receiver) as s:
        ack(
            s.send(
                build_frame("A128", "1130", "012", message_type="ADM-CID", key=KEYS[16]),
                key=KEYS[16],
            )
        )
        ack(
            s.send(
                build_frame(
                    "A128", "3130", "012", message_type="ADM-CID", key=KEYS[16], sequence=2
                ),
                key=KEYS[16],
            )
        )
    alarm, restore = taker.events
    assert (alarm.message_type, alarm.code, alarm.zone, alarm.partition) == (
        "ADM-CID",
        "BA",
        "012",
        "01",
    )
    assert alarm.zone_number == 12
    assert alarm.category is AlarmCategory.BURGLARY
    assert (restore.code, restore.zone) == ("BH", "012")
    assert restore.category is AlarmCategory.RESTORE
    assert restored_category(restore.code) is AlarmCategory.BURGLARY


@pytest.mark.parametrize("size", [None, 16])
def test_a_replay_is_acked_again_with_the_same_key(
    make_receiver: Factory, size: int | None
) -> None:
    """DC-09 asks for an ACK to a repeat; the console drops the copy by AlarmEvent.key."""
    receiver, taker, _ = make_receiver()
    key = KEYS[size] if size else None
    frame = build_frame(ACCOUNT_OF_SIZE[size], "FA", "003", key=key)
    with sender(receiver) as s:
        ack(s.send(frame, key=key))
    with sender(receiver, "udp") as s:
        ack(s.send(frame, key=key))
    first, second = taker.events
    assert first.key == second.key
    assert first.transport != second.transport
    # A retry re-encrypts with a new pad: still the same event.
    if key is not None:
        assert first.raw == second.raw


# --- NAK, DUH and silence -------------------------------------------------------------------------
def test_the_timestamp_window(make_receiver: Factory) -> None:
    now = datetime(2026, 11, 25, 13, 0, 0, tzinfo=UTC)
    receiver, taker, _ = make_receiver(clock=lambda: now, timeband=(40, 20))
    with sender(receiver) as s:
        for offset, kind in ((-39, "ACK"), (-41, "NAK"), (19, "ACK"), (21, "NAK"), (-3600, "NAK")):
            frame = build_frame(
                "A256", "BA", "001", key=KEYS[32], timestamp=now + timedelta(seconds=offset)
            )
            r = s.send(frame, key=KEYS[32])
            assert r is not None
            assert r.kind == kind, offset
            if kind == "NAK":  # never encrypted, with the receiver's time to resync from
                assert not r.encrypted
                assert r.timestamp == now
        # A clear frame's timestamp is checked too (pysiaalarm does the same).
        r = s.send(build_frame("1234", "BA", "001", timestamp=now - timedelta(seconds=100)))
        assert r is not None
        assert r.kind == "NAK"
    assert taker.count() == 2
    state = receiver.state()
    assert (state.acked, state.naked) == (2, 4)
    assert "off (window -40/+20 s)" in state.last_problem


def test_an_encrypted_frame_without_timestamp_is_naked(make_receiver: Factory) -> None:
    receiver, taker, _ = make_receiver()
    region = encrypt_region(KEYS[16], b"#A128|NBA001]")
    frame = wrap(f'"*SIA-DCS"0001R1L0#A128[{region}'.encode())
    with sender(receiver) as s:
        r = s.send(frame, key=KEYS[16])
    assert r is not None
    assert r.kind == "NAK"
    assert taker.count() == 0


def test_bad_crc_gets_no_answer_and_the_connection_goes_on(make_receiver: Factory) -> None:
    receiver, taker, _ = make_receiver()
    frame = bytearray(build_frame("1234", "BA", "012"))
    frame[30] ^= 0x02
    with sender(receiver) as s:
        assert s.send(bytes(frame), timeout=SILENCE) is None
        ack(s.send(build_frame("1234", "BA", "012", sequence=2)))
    assert taker.count() == 1
    state = receiver.state()
    assert (state.bad_crc, state.acked) == (1, 1)


def test_unknown_account_gets_duh_and_is_named(make_receiver: Factory) -> None:
    receiver, taker, sink = make_receiver()
    with sender(receiver) as s:
        r = s.send(build_frame("9999", "BA", "012", sequence=5))
        local = s.local_address
        assert r is not None
        assert (r.kind, r.account, r.sequence) == ("DUH", "9999", "0005")
        # Encrypted, from an account nobody has a key for: DUH too, not a NAK to retry on.
        r = s.send(build_frame("BEEF", "BA", "012", key=os.urandom(16)))
        assert r is not None
        assert r.kind == "DUH"
    assert taker.count() == 0
    state = receiver.state()
    assert (state.unknown_account, state.duh) == (2, 2)
    peer = f"{local[0]}:{local[1]}"
    assert state.unknown_accounts == (f"BEEF from {peer}", f"9999 from {peer}")
    assert state.last_problem == f"unknown account BEEF from {peer}"
    wait_until(lambda: any(st.unknown_account == 2 for st in sink.states()), timeout=3)


def test_unknown_codes_and_unsupported_tokens_get_duh(make_receiver: Factory) -> None:
    receiver, taker, _ = make_receiver()
    with sender(receiver) as s:
        r = s.send(build_frame("1234", "ZX", "012"))
        assert r is not None
        assert r.kind == "DUH"
        r = s.send(wrap(b'"SIA-DCX"0002R1L0#1234[#1234|NBA012]'))
        assert r is not None
        assert (r.kind, r.sequence) == ("DUH", "0002")
        # An answer sent to the receiver is never answered (no ping-pong between two peers).
        assert s.send(wrap(b'"ACK"0002R1L0#1234[]'), timeout=SILENCE) is None
    assert taker.count() == 0


def test_keys_must_match_the_site_file(make_receiver: Factory) -> None:
    receiver, taker, _ = make_receiver()
    with sender(receiver) as s:
        # A keyed panel's frames must be encrypted; a panel without a key cannot encrypt.
        for frame in (
            build_frame("A128", "BA", "001"),
            build_frame("1234", "BA", "001", key=KEYS[16]),
        ):
            r = s.send(frame)
            assert r is not None
            assert r.kind == "DUH"
    assert taker.count() == 0


def test_wrong_key_is_naked_and_other_panels_are_served(make_receiver: Factory) -> None:
    receiver, _taker, _ = make_receiver()
    wrong = os.urandom(16)
    with sender(receiver) as bad, sender(receiver) as good:
        r = bad.send(build_frame("A128", "BA", "001", key=wrong))
        assert r is not None
        assert r.kind == "NAK"
        ack(good.send(build_frame("A192", "BA", "001", key=KEYS[24]), key=KEYS[24]))
        ack(bad.send(build_frame("A128", "BA", "001", key=KEYS[16], sequence=2), key=KEYS[16]))
    state = receiver.state()
    assert (state.undecryptable, state.naked, state.acked) == (1, 1, 2)
    assert "A128: cannot decrypt (wrong key?)" in state.last_problem


# --- the console says no --------------------------------------------------------------------------
def test_no_ack_while_the_console_refuses(make_receiver: Factory) -> None:
    receiver, taker, _ = make_receiver()
    frame = build_frame("1234", "PA", "001")
    with sender(receiver) as s:
        taker.answer = False
        assert s.send(frame, timeout=SILENCE) is None
        taker.answer = RuntimeError("queue broken")
        assert s.send(frame, timeout=SILENCE) is None
        taker.answer = True
        ack(s.send(frame))  # the panel's retry
    assert receiver.state().refused == 2
    assert taker.count() == 3
    assert len({e.key for e in taker.events}) == 1


# --- bad input ------------------------------------------------------------------------------------
def test_garbage_between_frames(make_receiver: Factory) -> None:
    receiver, taker, _ = make_receiver()
    a = build_frame("1234", "BA", "001", sequence=1)
    b = build_frame("1234", "BA", "002", sequence=2)
    with sender(receiver) as s:
        s.send_raw(b"GET / HTTP/1.0\r\n\r\n" + a + b"\x00\xff\xfe junk" + b + b"\x07\x07")
        assert [ack(s.receive()).sequence for _ in range(2)] == ["0001", "0002"]
    wait_until(lambda: receiver.state().malformed >= 3)
    assert [e.zone for e in taker.events] == ["001", "002"]


def test_oversized_frame_is_refused_and_the_connection_goes_on(
    make_receiver: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="hardware.alarms.dc09")
    receiver, taker, _ = make_receiver()
    huge = b'"SIA-DCS"0001R1L0#1234[' + b"A" * 3000 + b"]"
    with sender(receiver) as s:
        s.send_raw(b"\n%04X%04X" % (crc16_arc(huge), len(huge)) + huge + b"\r")
        ack(s.send(build_frame("1234", "BA", "001")))
        assert s.receive(SILENCE) is None  # nothing was answered for the big one
    assert receiver.state().malformed >= 1
    assert any(
        f"a frame of {len(huge)} bytes (limit 1024) refused" in r.getMessage()
        for r in caplog.records
    )
    assert taker.count() == 1


def test_truncated_frames(make_receiver: Factory) -> None:
    receiver, taker, _ = make_receiver(limits=Dc09Limits(frame_timeout=0.3))
    frame = build_frame("1234", "BA", "001")
    with sender(receiver) as s:
        s.send_raw(frame[:30])  # then silence: dropped after frame_timeout
        assert s.receive(SILENCE) is None
        wait_until(lambda: "stayed incomplete" in receiver.state().last_problem)
        ack(s.send(frame))
        s.send_raw(frame[:30])  # cut short by the next frame: dropped at once
        ack(s.send(build_frame("1234", "BA", "002", sequence=2)))
    with sender(receiver, "udp") as s:
        assert s.send(frame[:-10], timeout=SILENCE) is None
    wait_until(lambda: receiver.state().malformed == 3)
    assert taker.count() == 2


def test_a_slow_client_does_not_hold_up_the_others(make_receiver: Factory) -> None:
    receiver, _taker, _ = make_receiver()
    frame = build_frame("1234", "BA", "001")
    with sender(receiver) as slow, sender(receiver) as quick:
        slow.send_raw(frame[:10])
        started = time.monotonic()
        ack(quick.send(build_frame("5678", "BA", "001")))
        assert time.monotonic() - started < 0.5
        for byte in frame[10:]:  # a byte at a time: still one frame
            slow.send_raw(bytes([byte]))
        ack(slow.receive())


def test_connection_limit(make_receiver: Factory) -> None:
    receiver, taker, _ = make_receiver(limits=Dc09Limits(max_connections=2))
    with sender(receiver) as a, sender(receiver) as b, sender(receiver) as c:
        ack(a.send(build_frame("1234", "BA", "001")))
        ack(b.send(build_frame("5678", "BA", "001")))
        started = time.monotonic()
        try:
            closed = c.receive_frame(2.0) is None  # b"": the receiver closed it at once
        except ConnectionResetError:
            closed = True
        assert closed
        assert time.monotonic() - started < 1.0, "the third connection was not closed"
        ack(a.send(build_frame("1234", "BA", "003", sequence=3)))
    assert "2 connections already open" in receiver.state().last_problem
    assert taker.count() == 3


# --- floods ---------------------------------------------------------------------------------------
def test_a_flood_of_10000_frames_on_one_connection(make_receiver: Factory) -> None:
    receiver, taker, sink = make_receiver()
    frames = [
        build_frame("1234", "BA", f"{i % 1000:03d}", sequence=i % 9999 + 1) for i in range(10_000)
    ]
    other: list[Dc09Response | None] = []

    def another_panel() -> None:
        with sender(receiver, "udp") as s:
            other.append(s.send(build_frame("5678", message_type="NULL"), timeout=2.0))

    started = time.monotonic()
    with sender(receiver) as s:
        helper = threading.Thread(target=another_panel, name="test-other-panel")
        helper.start()
        responses = s.pipeline(frames, timeout=30)
        helper.join(5)
    elapsed = time.monotonic() - started
    assert len(responses) == 10_000
    assert {r.kind for r in responses} == {"ACK"}
    assert [r.sequence for r in responses[:3]] == ["0001", "0002", "0003"]
    ack(other[0])
    assert taker.count() == 10_001
    assert len({e.key for e in taker.events if e.account == "1234"}) == 10_000
    assert elapsed < 10, f"10,000 frames took {elapsed:.1f} s"
    # The state goes out at most about once a second, not once a frame.
    assert len(sink.states()) <= elapsed + 4


def test_a_flood_of_bad_frames_writes_a_few_log_lines(
    make_receiver: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="hardware.alarms.dc09")
    receiver, _taker, _ = make_receiver(limits=Dc09Limits(log_budget=5, log_window=0.5))
    bad = bytearray(build_frame("1234", "BA", "001"))
    bad[25] ^= 0x01
    with sender(receiver) as s:
        s.send_raw(bytes(bad) * 10_000)
        wait_until(lambda: receiver.state().bad_crc == 10_000, timeout=20)
        ack(s.send(build_frame("1234", "BA", "001")))  # still serving
    wait_until(lambda: any("not logged one by one" in r.getMessage() for r in caplog.records))
    lines = [r.getMessage() for r in caplog.records if r.name == "hardware.alarms.dc09"]
    one_by_one = [m for m in lines if "a frame with a bad CRC" in m]
    summaries = [m for m in lines if "not logged one by one" in m]
    suppressed = sum(int(re.findall(r"^(\d+) more", m)[0]) for m in summaries)
    # Every bad frame is accounted for, in a few lines (a summary per 0.5 s window at most).
    assert len(one_by_one) + suppressed == 10_000
    assert len(lines) <= 30
    assert all("crc" in m for m in summaries)


# --- ports, stop ----------------------------------------------------------------------------------
def test_port_in_use_is_reported_and_retried(make_receiver: Factory) -> None:
    tcp_blocker = socket.socket()
    tcp_blocker.bind(("127.0.0.1", 0))
    tcp_blocker.listen()
    udp_blocker = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp_blocker.bind(("127.0.0.1", 0))
    tcp, udp = tcp_blocker.getsockname()[1], udp_blocker.getsockname()[1]
    try:
        receiver, _taker, sink = make_receiver(tcp_port=tcp, udp_port=udp)
        state = receiver.state()
        assert not state.listening
        assert f"tcp 127.0.0.1:{tcp} failed: Address already in use" in state.detail
        assert f"udp 127.0.0.1:{udp} failed: Address already in use" in state.detail
        assert receiver.tcp_port is None
        assert not sink.states()[0].listening
        [failed] = sink.failures()
        assert (failed.worker, failed.retrying) == ("dc09", True)
        assert "Address already in use" in failed.message
    finally:
        tcp_blocker.close()
        udp_blocker.close()
    wait_until(lambda: receiver.state().listening, timeout=6)
    assert receiver.tcp_port == tcp
    with sender(receiver) as s:
        ack(s.send(build_frame("1234", "BA", "001")))
    assert sink.states()[-1].listening


def test_stop_within_a_deadline_with_clients_connected(make_receiver: Factory) -> None:
    receiver, _taker, sink = make_receiver()
    clients = [sender(receiver) for _ in range(3)]
    try:
        ack(clients[0].send(build_frame("1234", "BA", "001")))
        clients[1].send_raw(build_frame("1234", "BA", "002")[:20])
        clients[2].send_raw(b"")
        started = time.monotonic()
        receiver.stop()
        receiver.interrupt()
        assert receiver.join(2.0)
        assert time.monotonic() - started < 1.0
        assert not receiver.alive
        final = sink.states()[-1]
        assert (final.listening, final.detail) == (False, "stopped")
        assert clients[0].receive(1.0) is None  # the connection was closed
    finally:
        for c in clients:
            c.close()


def test_needs_a_port() -> None:
    with pytest.raises(ValueError, match="TCP port, a UDP port or both"):
        Dc09Receiver(ACCOUNTS, Taker(), Sink(), tcp_port=None, udp_port=None)


# --- the demo's simulated panels ------------------------------------------------------------------
@pytest.mark.parametrize("transport", ["udp", "tcp"])
def test_simulated_panels_send_link_tests_and_alarms(
    make_receiver: Factory, transport: str
) -> None:
    receiver, taker, _ = make_receiver()
    port = receiver.udp_port if transport == "udp" else receiver.tcp_port
    assert port is not None
    panels = [ACCOUNTS["1234"], ACCOUNTS["A128"], ACCOUNTS["A256"]]
    sim = PanelSimulator(
        panels,
        "127.0.0.1",
        port,
        transport=transport,
        heartbeat_s=0.2,
        alarm_every_s=0.3,
        restore_after_s=0.2,
        seed=7,
    )
    sim.start()
    try:
        wait_until(
            lambda: (
                {e.account for e in taker.events if e.message_type == "NULL"}
                == set(["1234", "A128", "A256"])
            )
        )
        wait_until(lambda: any(e.category is AlarmCategory.RESTORE for e in taker.events))
        sim.send_now("A128", "1120", "004")
        wait_until(lambda: any(e.code == "PA" and e.zone == "004" for e in taker.events))
    finally:
        sim.stop()
        # Interrupt only a simulator that does not stop: `accept` sees an event before its ACK
        # is sent, and an interrupt then would cut that ACK and count the frame unanswered.
        if not sim.join(3.0):
            sim.interrupt()
            assert sim.join(3.0)
    stats = sim.stats
    assert stats.sent >= 5
    assert stats.acked == stats.sent
    assert receiver.state().acked == stats.sent
    with pytest.raises(KeyError):
        sim.send_now("FFFF", "1130")


def test_unwrap_of_what_the_receiver_sends(make_receiver: Factory) -> None:
    """The receiver's answers are framed to the standard too (CRC, length, LF … CR)."""
    receiver, _, _ = make_receiver()
    with sender(receiver) as s:
        s.send_raw(build_frame("1234", "BA", "001"))
        frame = s.receive_frame()
    assert frame is not None
    assert unwrap(frame) == b'"ACK"0001R1L0#1234[]'
