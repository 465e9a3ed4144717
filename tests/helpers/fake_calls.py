"""A fake CallGateway for the calls pane's tests: records every command, plays callers on cue.

Events go to the sink at once, on the calling thread (the console's bridge queues them to the
GUI thread, as it does the real adapter's). Answering, holding, resuming, hanging up and
dialling change the fake's calls the way the SIP adapter's would, so the pane sees the same
sequence of CallChanged events.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from datetime import timedelta

from core.calls import (
    MAX_CALLS,
    CallChanged,
    CallDirection,
    CallEnd,
    CallInfo,
    CallPhase,
    CallRefused,
    GatewayState,
)
from core.ports import EventSink
from core.timefmt import utcnow


class FakeGateway:
    """A core.calls.CallGateway and a core.ports.Stoppable with nothing running."""

    name = "sip-fake"

    def __init__(self, sink: EventSink):
        self.sink = sink
        self.commands: list[tuple[str, ...]] = []
        self.calls: dict[str, CallInfo] = {}  # not ended
        self._seq = itertools.count(1)
        self.started = False
        self.stopped = False

    # --- Stoppable ------------------------------------------------------------------------
    @property
    def alive(self) -> bool:
        return self.started and not self.stopped

    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        self.stopped = True

    def interrupt(self) -> None:
        pass

    def join(self, timeout: float) -> bool:
        return True

    # --- what the far end does -------------------------------------------------------------
    def ring(self, number: str, display: str = "") -> str | None:
        """A caller rings; a fifth at once gets 486 (None)."""
        now = utcnow()
        if len(self.calls) >= MAX_CALLS:
            self.sink.publish(CallRefused(number, display, now, 486, "Busy Here"))
            return None
        info = CallInfo(
            call_id=f"f{next(self._seq)}",
            direction=CallDirection.INBOUND,
            phase=CallPhase.RINGING,
            number=number,
            display=display,
            started_at=now - timedelta(seconds=1),
        )
        self._publish(info)
        return info.call_id

    def remote_hang_up(self, call_id: str) -> None:
        """The caller hangs up: abandoned if nobody answered."""
        info = self.calls[call_id]
        end = CallEnd.ABANDONED if info.answered_at is None else CallEnd.HUNG_UP_REMOTE
        self._end(call_id, end)

    def connect(self, call_id: str) -> None:
        """The callee of a dial() picks up."""
        self._change(call_id, CallPhase.ACTIVE, answered_at=utcnow())

    def line(self, online: bool, detail: str, registered: bool | None = None) -> None:
        self.sink.publish(GatewayState(online, detail, utcnow(), registered))

    # --- CallGateway ----------------------------------------------------------------------
    def answer(self, call_id: str) -> None:
        self.commands.append(("answer", call_id))
        if call_id in self.calls:
            self._change(call_id, CallPhase.ACTIVE, answered_at=utcnow())

    def hold(self, call_id: str) -> None:
        self.commands.append(("hold", call_id))
        if call_id in self.calls:
            self._change(call_id, CallPhase.HELD)

    def resume(self, call_id: str) -> None:
        self.commands.append(("resume", call_id))
        if call_id in self.calls:
            self._change(call_id, CallPhase.ACTIVE)

    def transfer(self, call_id: str, number: str) -> None:
        self.commands.append(("transfer", call_id, number))
        if call_id in self.calls:
            self._end(call_id, CallEnd.TRANSFERRED)

    def hang_up(self, call_id: str) -> None:
        self.commands.append(("hang_up", call_id))
        info = self.calls.get(call_id)
        if info is None:
            return
        if info.phase is CallPhase.RINGING:
            self._end(call_id, CallEnd.ABANDONED)
        else:
            self._end(call_id, CallEnd.HUNG_UP_LOCAL)

    def dial(self, number: str) -> str:
        call_id = f"f{next(self._seq)}"
        self.commands.append(("dial", number, call_id))
        self._publish(
            CallInfo(
                call_id=call_id,
                direction=CallDirection.OUTBOUND,
                phase=CallPhase.DIALING,
                number=number,
                display="",
                started_at=utcnow(),
            )
        )
        return call_id

    def set_volume(self, output: float, input_gain: float) -> None:
        self.commands.append(("set_volume", f"{output:.2f}", f"{input_gain:.2f}"))

    def set_devices(self, headset: str | None, ring: str | None) -> None:
        self.commands.append(("set_devices", headset or "", ring or ""))

    # --- inside ----------------------------------------------------------------------------
    def _change(self, call_id: str, phase: CallPhase, **changes: object) -> None:
        info = dataclasses.replace(self.calls[call_id], phase=phase, **changes)  # type: ignore[arg-type]
        self._publish(info)

    def _end(self, call_id: str, end: CallEnd) -> None:
        info = dataclasses.replace(
            self.calls.pop(call_id), phase=CallPhase.ENDED, ended_at=utcnow(), end=end
        )
        self.sink.publish(CallChanged(info))

    def _publish(self, info: CallInfo) -> None:
        self.calls[info.call_id] = info
        self.sink.publish(CallChanged(info))

    def sent(self, command: str) -> list[tuple[str, ...]]:
        """The commands of one kind received so far."""
        return [c for c in self.commands if c[0] == command]


def fake_line() -> tuple[Callable[[EventSink], FakeGateway], list[FakeGateway]]:
    """A `call_gateway` factory for a console, and the list its one FakeGateway goes into."""
    made: list[FakeGateway] = []

    def factory(sink: EventSink) -> FakeGateway:
        made.append(FakeGateway(sink))
        return made[-1]

    return factory, made
