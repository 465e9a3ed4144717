"""PjsuaGateway against SIPp on 127.0.0.1: answered and recorded, both hang-ups, abandoned, busy,
hold/resume/transfer, a callback, malformed datagrams, a call without RTP, and calls dropped
mid-answer (a BYE before the ACK, a CANCEL crossing the 200 OK).

SIPp plays a 1 kHz PCMA tone (tests/helpers/sipp.py writes the pcap); the scenarios are in
tests/system/sipp/. Each test drives the gateway from its events, as the calls pane would.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import ClassVar

import numpy as np
import pytest

from core.calls import (
    MAX_CALLS,
    AudioLevel,
    CallChanged,
    CallEnd,
    CallInfo,
    CallPhase,
    CallRefused,
    GatewayState,
)
from core.events import WorkerFailed
from hardware.sip.pjsua import PjsuaGateway
from tests.helpers.sipp import (
    Events,
    dominant_hz,
    free_udp_port,
    have_sipp,
    read_wav,
    rms,
    sipp,
    write_tone_pcap,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not have_sipp(), reason="SIPp is not installed (tools/sysdeps.sh test)"),
]

CALLER = "13800138000"


class FakeRing:
    """sounddevice.OutputStream for the ring: records what the gateway does with it."""

    log: ClassVar[list[str]] = []

    def __init__(self, **kwargs: object) -> None:
        self.log.append(f"open {kwargs.get('device')}")

    def start(self) -> None:
        self.log.append("start")

    def abort(self) -> None:
        self.log.append("abort")

    def close(self) -> None:
        self.log.append("close")


class Line(SimpleNamespace):
    gw: PjsuaGateway
    events: Events
    port: int
    work: Path


@pytest.fixture
def line(tmp_path: Path) -> Iterator[Line]:
    """A started gateway on a free port (audio on, but no sound device: 'no headset')."""
    write_tone_pcap(tmp_path / "tone.pcap", 1000.0, 3.0)
    FakeRing.log.clear()
    events = Events()
    port = free_udp_port()
    # No headset to be found, and a ring speaker that only notes when it starts and stops.
    no_devices = SimpleNamespace(query_devices=lambda: [], OutputStream=FakeRing)
    gw = PjsuaGateway(
        events,
        recordings_dir=tmp_path / "recordings",
        port=port,
        rtp_port=free_udp_port(),
        rtp_timeout=1.0,
        sounddevice=lambda: no_devices,  # type: ignore[arg-type,return-value]
    )
    gw.start()
    try:
        state = events.wait_for(GatewayState, lambda s: True)
        assert state.online, state.detail
        yield Line(gw=gw, events=events, port=port, work=tmp_path)
    finally:
        gw.stop()
        gw.interrupt()
        assert gw.join(5.0)
    assert not [e for e in events.items if isinstance(e, WorkerFailed)]


def on_phase(events: Events, phase: CallPhase, action: Callable[[CallInfo], None]) -> None:
    """Run `action` for each call entering `phase` (on the SIP thread: it may only enqueue)."""
    seen: set[str] = set()

    def react(event: object) -> None:
        if (
            isinstance(event, CallChanged)
            and event.call.phase == phase
            and event.call.call_id not in seen
        ):
            seen.add(event.call.call_id)
            action(event.call)

    events.on_publish = react


def ended(events: Events, call_id: str | None = None) -> CallInfo:
    return events.wait_for(
        CallChanged,
        lambda e: e.call.phase == CallPhase.ENDED and call_id in (None, e.call.call_id),
    ).call


def phases(events: Events) -> list[CallPhase]:
    return [e.call.phase for e in events.of(CallChanged)]


def assert_holds_the_tone(path: Path | None, min_s: float = 0.5) -> None:
    assert path is not None
    assert path.exists()
    samples, rate = read_wav(path)  # raises unless the WAV header was written (file closed)
    assert len(samples) >= min_s * rate
    assert dominant_hz(samples, rate) == pytest.approx(1000.0, abs=15.0)
    assert rms(samples) > 0.1  # the 0.5-peak tone is ~0.35 RMS; silence would be ~0


def test_a_caller_is_answered_recorded_and_hangs_up(line: Line) -> None:
    on_phase(line.events, CallPhase.RINGING, lambda c: line.gw.answer(c.call_id))
    caller = sipp("caller_hangs_up", line.port, line.work, pause_ms=1500)
    code, out = caller.result()
    assert code == 0, out
    call = ended(line.events)
    assert call.end == CallEnd.HUNG_UP_REMOTE
    ringing = line.events.wait_for(CallChanged, lambda e: e.call.phase == CallPhase.RINGING).call
    assert (ringing.number, ringing.display) == (CALLER, "Zhang San")
    assert ringing.sip_call_id
    assert call.answered_at is not None
    assert call.ended_at is not None
    assert call.recording is not None
    assert call.recording.name == f"{call.call_id}.wav"
    assert_holds_the_tone(call.recording)
    # The level meter heard the caller, although no headset was there to play it.
    assert max(level.output_rms for level in line.events.of(AudioLevel)) > 0.1
    assert "no headset" in line.events.of(GatewayState)[-1].detail


def test_the_operator_hangs_up_and_both_voices_are_recorded(line: Line) -> None:
    on_phase(line.events, CallPhase.RINGING, lambda c: line.gw.answer(c.call_id))
    caller = sipp("console_hangs_up", line.port, line.work)
    line.events.wait_for(AudioLevel, lambda a: a.output_rms > 0.1)  # the caller's tone flows
    active = line.events.wait_for(CallChanged, lambda e: e.call.phase == CallPhase.ACTIVE).call
    # The operator speaks (600 Hz) for 0.6 s: a headset's microphone, fed in real time into
    # the port's ring buffer as PortAudio would (the test has no sound device).
    # (Only the ring buffer is held: a test's frame that kept the pjsua2 port past the
    # fixture's libDestroy would abort the process when it fails.)
    assert line.gw._port is not None
    mic = line.gw._port.from_headset
    t = np.arange(320) / 16_000  # 20 ms: twelve whole periods, so the blocks join smoothly
    voice = (0.3 * 32767 * np.sin(2 * np.pi * 600 * t)).astype(np.int16)
    for _ in range(30):
        mic.write(voice)
        time.sleep(0.02)  # paces the "microphone"; nothing is waited for here
    line.gw.hang_up(active.call_id)
    code, out = caller.result()
    assert code == 0, out  # SIPp got the BYE its scenario waits for
    call = ended(line.events, active.call_id)
    assert call.end == CallEnd.HUNG_UP_LOCAL
    assert call.recording is not None
    samples, rate = read_wav(call.recording)
    spectrum = np.abs(np.fft.rfft(samples))
    freqs = np.fft.rfftfreq(len(samples), 1 / rate)

    def band(hz: float) -> float:
        return float(spectrum[np.abs(freqs - hz) < 20].max())

    quiet = float(np.median(spectrum))
    assert band(1000.0) > 50 * quiet, "the caller is in the recording"
    assert band(600.0) > 50 * quiet, "the operator is in the recording too"


def test_a_caller_who_gives_up_before_an_answer_is_abandoned(line: Line) -> None:
    caller = sipp("abandons", line.port, line.work, pause_ms=200)
    code, out = caller.result()
    assert code == 0, out  # SIPp saw 180, then 200 to its CANCEL and 487
    call = ended(line.events)
    assert call.end == CallEnd.ABANDONED
    assert (call.number, call.answered_at, call.recording) == (CALLER, None, None)
    line.events.wait_until(lambda: FakeRing.log[-1:] == ["close"])
    assert FakeRing.log == ["open None", "start", "abort", "close"]  # rang while it rang


def test_a_ringing_call_the_operator_rejects_gets_603(line: Line) -> None:
    on_phase(line.events, CallPhase.RINGING, lambda c: line.gw.hang_up(c.call_id))
    code, out = sipp("declined", line.port, line.work).result()
    assert code == 0, out
    assert ended(line.events).end == CallEnd.HUNG_UP_LOCAL


def ends_of(events: Events, call_id: str) -> list[CallInfo]:
    return [
        e.call
        for e in events.of(CallChanged)
        if e.call.call_id == call_id and e.call.phase == CallPhase.ENDED
    ]


def assert_closed_wav(path: Path | None) -> None:
    assert path is not None
    assert path.exists()
    read_wav(path)  # raises unless pjmedia wrote the header, i.e. closed the file


def test_a_caller_who_drops_as_the_console_answers(
    line: Line, caplog: pytest.LogCaptureFixture
) -> None:
    """INVITE, our 200 OK, and the caller's BYE at once with no ACK: pjsua answers the BYE
    with 200 and disconnects a call it never confirmed. ENDED once, abandoned (nobody spoke to
    the caller: the callback list calls them back); the WAV begun at the 200 OK is closed; the
    gateway takes the next call as usual."""
    caplog.set_level(logging.WARNING, logger="hardware.sip.pjsua")
    on_phase(line.events, CallPhase.RINGING, lambda c: line.gw.answer(c.call_id))
    code, out = sipp("drops_mid_answer", line.port, line.work).result()
    assert code == 0, out  # SIPp got 200 to its BYE
    call = ended(line.events)
    assert (call.end, call.status) == (CallEnd.ABANDONED, 200)
    assert call.answered_at is not None
    assert phases(line.events) == [CallPhase.RINGING, CallPhase.ENDED]  # never ACTIVE: no ACK
    assert_closed_wav(call.recording)  # media (and its recorder) began with the 200 OK

    code, out = sipp("caller_hangs_up", line.port, line.work, pause_ms=300).result()
    assert code == 0, out
    line.events.wait_until(lambda: phases(line.events).count(CallPhase.ENDED) == 2)
    after = [e.call for e in line.events.of(CallChanged)][-1]
    assert after.call_id != call.call_id
    assert (after.phase, after.end) == (CallPhase.ENDED, CallEnd.HUNG_UP_REMOTE)
    assert phases(line.events)[2:] == [CallPhase.RINGING, CallPhase.ACTIVE, CallPhase.ENDED]
    assert ends_of(line.events, call.call_id) == [call]  # ended exactly once
    assert_closed_wav(after.recording)
    assert line.gw.alive
    assert line.gw.sink_errors == 0
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_cancel_that_crosses_the_answer_ends_the_call_once(
    line: Line, caplog: pytest.LogCaptureFixture
) -> None:
    """Callers who CANCEL on hearing the 180 while the console answers at RINGING: the CANCEL
    wins (200 to it, 487 to the INVITE; the queued answer finds the call gone) or the 200 OK
    does (the late CANCEL changes nothing; the call goes ACTIVE and the operator hangs up).
    Which one wins is the race's own; either way each call ends exactly once."""
    caplog.set_level(logging.WARNING, logger="hardware.sip.pjsua")
    gw, calls = line.gw, 6  # several, so that both outcomes of the race are likely seen

    def operator(event: object) -> None:  # on the SIP thread: only enqueues
        if isinstance(event, CallChanged):
            if event.call.phase == CallPhase.RINGING:
                gw.answer(event.call.call_id)
            elif event.call.phase == CallPhase.ACTIVE:
                gw.hang_up(event.call.call_id)

    line.events.on_publish = operator
    code, out = sipp("cancel_crosses_answer", line.port, line.work, calls=calls).result()
    assert code == 0, out  # every call took one of the scenario's two branches
    line.events.wait_until(lambda: phases(line.events).count(CallPhase.ENDED) == calls)
    ids = list(dict.fromkeys(e.call.call_id for e in line.events.of(CallChanged)))
    assert len(ids) == calls
    for call_id in ids:
        seen = [e.call for e in line.events.of(CallChanged) if e.call.call_id == call_id]
        (end,) = ends_of(line.events, call_id)  # exactly once, and nothing after it
        assert seen[-1] == end
        if [c.phase for c in seen] == [CallPhase.RINGING, CallPhase.ENDED]:  # CANCEL won
            assert (end.end, end.status, end.answered_at, end.recording) == (
                CallEnd.ABANDONED,
                487,
                None,
                None,
            )
        else:  # the 200 OK won
            assert [c.phase for c in seen] == [
                CallPhase.RINGING,
                CallPhase.ACTIVE,
                CallPhase.ENDED,
            ]
            assert end.end == CallEnd.HUNG_UP_LOCAL
            assert end.answered_at is not None
            assert_closed_wav(end.recording)

    # Still usable: a normal call after the race.
    line.events.on_publish = None
    on_phase(line.events, CallPhase.RINGING, lambda c: gw.answer(c.call_id))
    code, out = sipp("caller_hangs_up", line.port, line.work, pause_ms=300).result()
    assert code == 0, out
    line.events.wait_until(lambda: phases(line.events).count(CallPhase.ENDED) == calls + 1)
    after = line.events.of(CallChanged)[-1].call
    assert after.call_id not in ids
    assert after.end == CallEnd.HUNG_UP_REMOTE
    assert gw.alive
    assert gw.sink_errors == 0
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_fifth_caller_gets_486_and_the_console_hears_of_it(line: Line) -> None:
    four = sipp("abandons", line.port, line.work, calls=MAX_CALLS, rate=50, pause_ms=2500)
    line.events.wait_until(
        lambda: (
            sum(e.call.phase == CallPhase.RINGING for e in line.events.of(CallChanged)) == MAX_CALLS
        )
    )
    fifth = sipp("gets_busy", line.port, line.work, number="13911112222", display="Fifth")
    code, out = fifth.result()
    assert code == 0, out  # SIPp's scenario expects 486
    code, out = four.result()
    assert code == 0, out
    refused = line.events.wait_for(CallRefused, lambda r: True)
    assert (refused.number, refused.display, refused.status) == ("13911112222", "Fifth", 486)
    line.events.wait_until(
        lambda: (
            sum(e.call.phase == CallPhase.ENDED for e in line.events.of(CallChanged)) == MAX_CALLS
        )
    )
    calls = line.events.of(CallChanged)
    assert [e.call.end for e in calls if e.call.phase == CallPhase.ENDED] == [
        CallEnd.ABANDONED
    ] * MAX_CALLS
    assert all(e.call.number == CALLER for e in calls)  # the fifth never became a call


def test_hold_resume_and_blind_transfer(line: Line) -> None:
    gw = line.gw
    on_phase(line.events, CallPhase.RINGING, lambda c: gw.answer(c.call_id))
    caller = sipp("hold_and_transfer", line.port, line.work)
    active = line.events.wait_for(CallChanged, lambda e: e.call.phase == CallPhase.ACTIVE).call
    # SIPp takes a re-INVITE only once it is past its play step: wait for the audio.
    line.events.wait_for(AudioLevel, lambda a: a.output_rms > 0.1)
    gw.hold(active.call_id)
    line.events.wait_for(CallChanged, lambda e: e.call.phase == CallPhase.HELD)
    gw.resume(active.call_id)
    line.events.wait_until(lambda: phases(line.events)[-1:] == [CallPhase.ACTIVE])
    gw.transfer(active.call_id, "12345")
    code, out = caller.result()
    assert code == 0, out  # REFER to sip:12345@..., then the BYE after NOTIFY 200
    assert ended(line.events).end == CallEnd.TRANSFERRED
    assert phases(line.events) == [
        CallPhase.RINGING,
        CallPhase.ACTIVE,
        CallPhase.HELD,
        CallPhase.ACTIVE,
        CallPhase.ENDED,
    ]


def test_a_callback_reaches_the_peer(line: Line, tmp_path: Path) -> None:
    # SIPp answers one call and waits for our BYE; the gateway calls it via `peer`.
    uas_port = free_udp_port()
    line.gw.peer = f"127.0.0.1:{uas_port}"
    uas = sipp("answers", None, line.work, listen_port=uas_port)
    call_id = line.gw.dial(CALLER)
    active = line.events.wait_for(
        CallChanged, lambda e: e.call.call_id == call_id and e.call.phase == CallPhase.ACTIVE
    ).call
    assert active.number == CALLER
    line.gw.hang_up(call_id)
    code, out = uas.result()
    assert code == 0, out
    call = ended(line.events, call_id)
    assert call.end == CallEnd.HUNG_UP_LOCAL
    assert next(e.call.phase for e in line.events.of(CallChanged)) == CallPhase.DIALING


def test_a_callback_to_a_busy_number_fails_with_its_status(line: Line) -> None:
    uas_port = free_udp_port()
    line.gw.peer = f"127.0.0.1:{uas_port}"
    callee = sipp("busy_callee", None, line.work, listen_port=uas_port)
    call_id = line.gw.dial("13800138000")
    call = ended(line.events, call_id)
    code, out = callee.result()
    assert code == 0, out
    assert (call.end, call.status, call.answered_at, call.recording) == (
        CallEnd.FAILED,
        486,
        None,
        None,
    )


MALFORMED = [
    b"\x00\xff\xfe" * 200,
    b"INVITE sip:console@127.0.0.1 SIP/2.0\r\n\r\n",  # no Via, From, To, Call-ID, CSeq
    b"INVITE sip:console@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKx\r\n"
    b"From: <sip:1@x>;tag=1\r\nTo: <sip:console@x>\r\nCall-ID: bad1\r\nCSeq: 1 INVITE\r\n"
    b"Content-Type: application/sdp\r\nContent-Length: 99999\r\n\r\nv=0\r\n",
    b"INVITE sip:console@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKy\r\n"
    b'From: "\x1b[31m\xff\xfe" <sip:1@x>;tag=1\r\nTo: <sip:console@x>\r\nCall-ID: bad2\r\n'
    b"CSeq: 1 INVITE\r\nContent-Type: application/sdp\r\nContent-Length: 9\r\n\r\nv=garbage",
    b"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKnone\r\nCSeq: 7 INVITE\r\n\r\n",
    b"X-" + b"A" * 60_000 + b": y\r\n\r\n",
]


def test_malformed_sip_does_not_stop_the_next_call(line: Line) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for datagram in MALFORMED:
            s.sendto(datagram, ("127.0.0.1", line.port))
    on_phase(line.events, CallPhase.RINGING, lambda c: line.gw.answer(c.call_id))
    code, out = sipp("caller_hangs_up", line.port, line.work, pause_ms=500).result()
    assert code == 0, out
    assert ended(line.events).end == CallEnd.HUNG_UP_REMOTE
    assert line.gw.alive


def test_a_call_whose_rtp_never_arrives_ends_with_no_media(line: Line) -> None:
    on_phase(line.events, CallPhase.RINGING, lambda c: line.gw.answer(c.call_id))
    code, out = sipp("no_rtp", line.port, line.work).result()
    assert code == 0, out  # SIPp got the console's BYE
    call = ended(line.events)
    assert call.end == CallEnd.NO_MEDIA
    assert call.answered_at is not None


def test_stopping_mid_call_hangs_up_and_closes_the_recording(line: Line) -> None:
    """The console quits during a call: BYE to the caller, ENDED published, the WAV closed."""
    on_phase(line.events, CallPhase.RINGING, lambda c: line.gw.answer(c.call_id))
    caller = sipp("console_hangs_up", line.port, line.work)
    line.events.wait_for(AudioLevel, lambda a: a.output_rms > 0.1)
    line.gw.stop()
    assert line.gw.join(5.0)
    code, out = caller.result()
    assert code == 0, out
    call = ended(line.events)
    assert call.end == CallEnd.HUNG_UP_LOCAL
    assert_holds_the_tone(call.recording, min_s=0.05)


@pytest.mark.parametrize(("password", "registered"), [("s3cret-pw", True), ("wrong", False)])
def test_an_extension_registers_with_digest_auth(
    tmp_path: Path, password: str, registered: bool
) -> None:
    registrar_port = free_udp_port()
    pbx = sipp(
        "registrar", None, tmp_path, listen_port=registrar_port, keys={"password": "s3cret-pw"}
    )
    events = Events()
    gw = PjsuaGateway(
        events,
        recordings_dir=tmp_path / "recordings",
        port=free_udp_port(),
        registrar=f"127.0.0.1:{registrar_port}",
        user="8001",
        password=password,
        domain="127.0.0.1",
        audio=False,
    )
    gw.start()
    try:
        state = events.wait_for(
            GatewayState,
            lambda s: s.registered is not None and s.online and ("registered as" in s.detail),
        )
    finally:
        gw.stop()
        assert gw.join(8.0)
    assert state.registered is registered
    if registered:
        assert "registered as 8001@127.0.0.1" in state.detail
        code, out = pbx.result()
        assert code == 0, out  # the unregistration at shutdown reached the registrar too
    else:
        assert "not registered as 8001@127.0.0.1: 403" in state.detail
        pbx.kill()
    assert password not in " ".join(str(e) for e in events.items)


def test_a_sink_that_raises_loses_no_call(line: Line) -> None:
    """A subscriber's bug on the ringing event: the caller still hears ringing and the next
    event (the abandon) still arrives; the thread goes on."""
    raised: list[str] = []

    def buggy(event: object) -> None:
        if isinstance(event, CallChanged) and not raised:
            raised.append(event.call.call_id)
            raise RuntimeError("a presenter bug")

    line.events.on_publish = buggy
    code, out = sipp("abandons", line.port, line.work, pause_ms=200).result()
    assert code == 0, out  # the 180 went out although the ringing event's subscriber raised
    assert ended(line.events).end == CallEnd.ABANDONED
    assert line.gw.sink_errors == 1
    assert line.gw.alive
