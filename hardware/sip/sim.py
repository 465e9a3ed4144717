"""A simulated CallGateway: the same events as the SIP adapter, no network, no audio, no thread."""

from __future__ import annotations

import dataclasses
import itertools
import logging
import threading
import wave
from pathlib import Path

from core.calls import (
    MAX_CALLS,
    CallChanged,
    CallCommandFailed,
    CallDirection,
    CallEnd,
    CallInfo,
    CallPhase,
    CallRefused,
    GatewayState,
)
from core.ports import Clock, EventSink
from core.timefmt import utcnow
from hardware.sip.callerid import MAX_DISPLAY, MAX_NUMBER, clean_text, dial_string

log = logging.getLogger(__name__)


class SimulatedGateway:
    """A core.calls.CallGateway for the demo and GUI tests; events are published at once, on the
    thread that calls (a test's or the GUI's).

    `ring()` plays an inbound caller, `remote_hang_up()` the caller hanging up (ABANDONED
    before an answer), `connect()` the callee of a `dial()` picking up. It holds MAX_CALLS
    calls like the real one; with `recordings_dir` an answered call gets a short silent WAV.
    """

    def __init__(
        self,
        sink: EventSink,
        *,
        recordings_dir: Path | None = None,
        clock: Clock = utcnow,
        name: str = "sip-sim",
    ):
        self.sink = sink
        self.recordings_dir = recordings_dir
        self._clock = clock
        self._name = name
        self._lock = threading.Lock()
        self._seq = itertools.count(1)
        self.calls: dict[str, CallInfo] = {}  # the calls not ended, by call_id
        self.volume = (1.0, 1.0)
        self.devices: tuple[str | None, str | None] = (None, None)
        self._started = False

    # --- Stoppable (nothing runs) -------------------------------------------------------
    @property
    def name(self) -> str:
        return self._name

    @property
    def alive(self) -> bool:
        return False

    def start(self) -> None:
        self._started = True
        self.sink.publish(GatewayState(True, "simulated line", self._clock(), None))

    def stop(self) -> None:
        with self._lock:
            open_calls = list(self.calls)
        for call_id in open_calls:
            self.hang_up(call_id)

    def interrupt(self) -> None:
        pass

    def join(self, timeout: float) -> bool:
        return True

    # --- the far end -------------------------------------------------------------------
    def ring(self, number: str, display: str = "") -> str | None:
        """An inbound call rings; its call_id, or None when every line is taken (CallRefused)."""
        number = "".join(ch for ch in number if ch.isascii() and ch.isdigit())[:MAX_NUMBER]
        display = clean_text(display, MAX_DISPLAY)
        with self._lock:
            if len(self.calls) >= MAX_CALLS:
                full = True
            else:
                full = False
                info = CallInfo(
                    call_id=self._new_id(),
                    direction=CallDirection.INBOUND,
                    phase=CallPhase.RINGING,
                    number=number,
                    display=display,
                    started_at=self._clock(),
                    sip_call_id=f"sim-{next(self._seq)}@sim",
                )
                self.calls[info.call_id] = info
        if full:
            self.sink.publish(
                CallRefused(number, display, self._clock(), 486, f"all {MAX_CALLS} lines are taken")
            )
            return None
        self.sink.publish(CallChanged(info))
        return info.call_id

    def remote_hang_up(self, call_id: str) -> None:
        """The far end hangs up: ABANDONED if ringing, FAILED if dialing, else HUNG_UP_REMOTE."""
        info = self.calls.get(call_id)
        if info is None:
            return
        end = {
            CallPhase.RINGING: CallEnd.ABANDONED,
            CallPhase.DIALING: CallEnd.FAILED,
        }.get(info.phase, CallEnd.HUNG_UP_REMOTE)
        self._end(call_id, end)

    def connect(self, call_id: str) -> None:
        """The callee of a dialled call answers."""
        self._change(call_id, {CallPhase.DIALING}, phase=CallPhase.ACTIVE, answered=True)

    # --- CallGateway -------------------------------------------------------------------
    def answer(self, call_id: str) -> None:
        self._change(call_id, {CallPhase.RINGING}, phase=CallPhase.ACTIVE, answered=True)

    def hold(self, call_id: str) -> None:
        self._change(call_id, {CallPhase.ACTIVE}, phase=CallPhase.HELD)

    def resume(self, call_id: str) -> None:
        self._change(call_id, {CallPhase.HELD}, phase=CallPhase.ACTIVE)

    def transfer(self, call_id: str, number: str) -> None:
        info = self.calls.get(call_id)
        if info is None or info.phase not in (CallPhase.ACTIVE, CallPhase.HELD):
            return
        if not dial_string(number):
            self.sink.publish(
                CallCommandFailed(call_id, "transfer", f"not a number: {number!r}", self._clock())
            )
            return
        self._end(call_id, CallEnd.TRANSFERRED)

    def hang_up(self, call_id: str) -> None:
        self._end(call_id, CallEnd.HUNG_UP_LOCAL)

    def dial(self, number: str) -> str:
        target = dial_string(number)
        with self._lock:
            info = CallInfo(
                call_id=self._new_id(),
                direction=CallDirection.OUTBOUND,
                phase=CallPhase.DIALING,
                number=target,
                display="",
                started_at=self._clock(),
            )
            full = len(self.calls) >= MAX_CALLS
            if not full and target:
                self.calls[info.call_id] = info
        self.sink.publish(CallChanged(info))
        if full or not target:
            detail = f"all {MAX_CALLS} lines are taken" if full else f"not a number: {number!r}"
            self.sink.publish(CallCommandFailed(info.call_id, "dial", detail, self._clock()))
            ended = dataclasses.replace(
                info, phase=CallPhase.ENDED, end=CallEnd.FAILED, ended_at=self._clock()
            )
            self.sink.publish(CallChanged(ended))
        return info.call_id

    def set_volume(self, output: float, input_gain: float) -> None:
        self.volume = (min(max(output, 0.0), 1.0), min(max(input_gain, 0.0), 1.0))

    def set_devices(self, headset: str | None, ring: str | None) -> None:
        self.devices = (headset, ring)

    # --- internals ---------------------------------------------------------------------
    def _new_id(self) -> str:
        return f"{self._name}-{next(self._seq)}"

    def _change(
        self, call_id: str, allowed: set[CallPhase], *, phase: CallPhase, answered: bool = False
    ) -> None:
        with self._lock:
            info = self.calls.get(call_id)
            if info is None or info.phase not in allowed:
                log.info("%s: no %s call %s: ignored", self._name, "/".join(allowed), call_id)
                return
            changes: dict[str, object] = {"phase": phase}
            if answered:
                changes["answered_at"] = self._clock()
                changes["recording"] = self._record(info)
            info = dataclasses.replace(info, **changes)  # type: ignore[arg-type]
            self.calls[call_id] = info
        self.sink.publish(CallChanged(info))

    def _end(self, call_id: str, end: CallEnd) -> None:
        with self._lock:
            info = self.calls.pop(call_id, None)
        if info is None:
            return
        ended = dataclasses.replace(info, phase=CallPhase.ENDED, end=end, ended_at=self._clock())
        self.sink.publish(CallChanged(ended))

    def _record(self, info: CallInfo) -> Path | None:
        if self.recordings_dir is None:
            return None
        day = info.started_at.astimezone().strftime("%Y-%m-%d")
        path = self.recordings_dir / day / f"{info.call_id}.wav"
        path.parent.mkdir(parents=True, exist_ok=True)
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(16_000)
            w.writeframes(b"\x00\x00" * 1600)
        return path
