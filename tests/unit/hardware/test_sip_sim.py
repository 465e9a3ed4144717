"""The simulated gateway publishes what the SIP adapter does: phases, ends, refusals."""

from __future__ import annotations

from pathlib import Path

from core.calls import (
    MAX_CALLS,
    CallChanged,
    CallCommandFailed,
    CallEnd,
    CallGateway,
    CallPhase,
    CallRefused,
    GatewayState,
)
from hardware.sip.sim import SimulatedGateway
from tests.helpers.fakes import FakeClock
from tests.helpers.sipp import Events


def phases(events: Events, call_id: str) -> list[tuple[CallPhase, CallEnd | None]]:
    return [(e.call.phase, e.call.end) for e in events.of(CallChanged) if e.call.call_id == call_id]


def test_it_is_a_call_gateway(tmp_path: Path) -> None:
    gw: CallGateway = SimulatedGateway(Events(), recordings_dir=tmp_path)
    assert gw.dial("110")


def test_answer_hold_resume_and_hang_up(tmp_path: Path) -> None:
    events = Events()
    gw = SimulatedGateway(events, recordings_dir=tmp_path, clock=FakeClock())
    gw.start()
    assert events.of(GatewayState)[0].online
    call_id = gw.ring("138-0013-8000", 'Zhang\x1b "San"')
    assert call_id is not None
    gw.answer(call_id)
    gw.hold(call_id)
    gw.resume(call_id)
    gw.hang_up(call_id)
    assert phases(events, call_id) == [
        (CallPhase.RINGING, None),
        (CallPhase.ACTIVE, None),
        (CallPhase.HELD, None),
        (CallPhase.ACTIVE, None),
        (CallPhase.ENDED, CallEnd.HUNG_UP_LOCAL),
    ]
    first, last = events.of(CallChanged)[0].call, events.of(CallChanged)[-1].call
    assert (first.number, first.display) == ("13800138000", 'Zhang "San"')
    assert last.recording is not None
    assert last.recording.exists()
    assert last.answered_at is not None
    assert last.ended_at is not None


def test_abandoned_remote_hang_up_and_transfer() -> None:
    events = Events()
    gw = SimulatedGateway(events)
    abandoned = gw.ring("1")
    talked = gw.ring("2")
    moved = gw.ring("3")
    assert abandoned
    assert talked
    assert moved
    gw.remote_hang_up(abandoned)
    gw.answer(talked)
    gw.remote_hang_up(talked)
    gw.answer(moved)
    gw.transfer(moved, "not a number")
    gw.transfer(moved, "12345")
    assert phases(events, abandoned)[-1] == (CallPhase.ENDED, CallEnd.ABANDONED)
    assert phases(events, talked)[-1] == (CallPhase.ENDED, CallEnd.HUNG_UP_REMOTE)
    assert phases(events, moved)[-1] == (CallPhase.ENDED, CallEnd.TRANSFERRED)
    assert [e.command for e in events.of(CallCommandFailed)] == ["transfer"]


def test_a_fifth_caller_is_refused_and_commands_for_gone_calls_are_ignored() -> None:
    events = Events()
    gw = SimulatedGateway(events)
    ids = [gw.ring(str(i)) for i in range(MAX_CALLS)]
    assert gw.ring("13911112222", "Fifth") is None
    refused = events.of(CallRefused)
    assert [(r.number, r.status) for r in refused] == [("13911112222", 486)]
    gw.hang_up("no-such-call")
    gw.answer("no-such-call")
    assert len(events.of(CallChanged)) == MAX_CALLS
    assert all(i is not None for i in ids)


def test_dial_connects_or_fails() -> None:
    events = Events()
    gw = SimulatedGateway(events)
    ok = gw.dial("+86 138 0013 8000")
    gw.connect(ok)
    gw.hang_up(ok)
    bad = gw.dial("abc")
    assert phases(events, ok) == [
        (CallPhase.DIALING, None),
        (CallPhase.ACTIVE, None),
        (CallPhase.ENDED, CallEnd.HUNG_UP_LOCAL),
    ]
    assert phases(events, bad) == [(CallPhase.DIALING, None), (CallPhase.ENDED, CallEnd.FAILED)]
    gw.stop()
    assert gw.join(1.0)
