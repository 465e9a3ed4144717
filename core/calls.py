"""Telephone calls: the CallGateway port the SIP adapter implements, and the events it publishes."""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol


class CallDirection(enum.StrEnum):
    """Who placed the call."""

    INBOUND = "inbound"
    OUTBOUND = "outbound"  # a callback or a call the operator placed


class CallPhase(enum.StrEnum):
    """Where a call is on the line (the gateway's view; the database keeps the history)."""

    RINGING = "ringing"  # inbound, not answered yet
    DIALING = "dialing"  # outbound, not answered yet
    ACTIVE = "active"
    HELD = "held"
    ENDED = "ended"


class CallEnd(enum.StrEnum):
    """How a call ended."""

    HUNG_UP_LOCAL = "hung_up_local"  # the operator hung up
    HUNG_UP_REMOTE = "hung_up_remote"  # the caller hung up after it was answered
    ABANDONED = "abandoned"  # the caller gave up before it was answered
    BUSY = "busy"  # refused with 486: every line was taken
    TRANSFERRED = "transferred"
    FAILED = "failed"  # an outbound call that did not connect, or a protocol failure
    NO_MEDIA = "no_media"  # answered but no audio ever arrived (RTP timeout)


MAX_CALLS = 4
"""Calls the SIP stack holds at once (compiled into the pjsua2 wheel); a fifth gets 486."""


@dataclass(frozen=True, slots=True)
class CallInfo:
    """One call as the gateway sees it now.

    `call_id` is the gateway's handle (stable for the call's life, unique per run); the
    database row is linked to it by the calls service. `number` is the digits of the
    remote party's user part (caller id), `display` its display name, as sent (untrusted).
    """

    call_id: str
    direction: CallDirection
    phase: CallPhase
    number: str
    display: str
    started_at: datetime
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    end: CallEnd | None = None
    recording: Path | None = None  # the WAV file of this call, once it records
    sip_call_id: str = ""  # the SIP Call-ID header
    status: int | None = None  # the last final SIP status, e.g. 486 for a busy callback


@dataclass(frozen=True, slots=True)
class CallChanged:
    """A call appeared or changed phase (published by the gateway on its own thread).

    `monotonic` is `time.monotonic()` when the gateway published it (a system-wide clock on
    Linux): a benchmark compares it with the moment its INVITE left.
    """

    call: CallInfo
    monotonic: float = field(default_factory=time.monotonic)


@dataclass(frozen=True, slots=True)
class CallCommandFailed:
    """A command on a call did not work (a transfer refused, a hold refused); the call goes on."""

    call_id: str
    command: str  # "transfer", "hold", "resume", "answer", "dial", ...
    detail: str
    at: datetime


@dataclass(frozen=True, slots=True)
class CallRefused:
    """An inbound call the gateway refused (486 Busy when every line is taken)."""

    number: str
    display: str
    at: datetime
    status: int  # the SIP status sent (486)
    reason: str


# GatewayState details the console itself writes (the calls pane shows them translated);
# everything else in a detail is the SIP stack's own (addresses, status codes).
LINE_OFF_FOR_RUN = "the phone line is off for this run"
LINE_NOT_STARTED = "cannot start the SIP line: "


@dataclass(frozen=True, slots=True)
class GatewayState:
    """Whether the SIP user agent works: listening, registered, or why not."""

    online: bool
    detail: str  # "udp 0.0.0.0:5060, registered as 8001@pbx" or the error
    at: datetime
    registered: bool | None = None  # None: no registrar configured (a direct line)


@dataclass(frozen=True, slots=True)
class AudioLevel:
    """The operator's headset input level (0..1 RMS of the last block) and the output level."""

    input_rms: float
    output_rms: float
    at: datetime


class CallGateway(Protocol):
    """A SIP user agent: commands return at once; outcomes arrive as events on the sink.

    Every command names a call by its `call_id`; a command for a call that is gone is
    ignored and logged. Events (CallChanged, CallRefused, GatewayState, AudioLevel) are
    published from the gateway's thread through the EventSink it was built with.
    """

    def answer(self, call_id: str) -> None:
        """Answer a ringing call (200 OK), start recording it and bridge it to the headset."""

    def hold(self, call_id: str) -> None:
        """Put an active call on hold (re-INVITE sendonly)."""

    def resume(self, call_id: str) -> None:
        """Take a held call off hold."""

    def transfer(self, call_id: str, number: str) -> None:
        """Blind transfer (REFER) to a number, e.g. a department's phone."""

    def hang_up(self, call_id: str) -> None:
        """End a call in any phase (a ringing one is declined with 603... or 486)."""

    def dial(self, number: str) -> str:
        """Place an outbound call (a callback); returns its call_id at once."""
        ...

    def set_volume(self, output: float, input_gain: float) -> None:
        """Headset output volume and microphone gain, 0..1 (0 input: muted)."""

    def set_devices(self, headset: str | None, ring: str | None) -> None:
        """PortAudio device names for the headset and the ring speaker (None: default)."""
