"""Live video as plain data: a stream's state as a tile shows it, and one decoded frame."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any


class StreamKind(enum.StrEnum):
    """Which of a camera's two streams: tiles show the sub stream, a maximised tile the main."""

    MAIN = "main"
    SUB = "sub"


class StreamState(enum.StrEnum):
    """What a tile says about its stream (DESIGN §4)."""

    IDLE = "idle"  # no stream wanted (tile empty or hidden)
    CONNECTING = "connecting"
    LIVE = "live"
    RECONNECTING = "reconnecting"  # with the attempt number
    OFFLINE = "offline"  # since a wall-clock time: the camera has not answered for a while
    NO_SIGNAL = "no_signal"  # connected, but no frame within the stall limit
    WRONG_CREDENTIALS = "wrong_credentials"  # 401: never retried on its own (lock-out)
    UNSUPPORTED = "unsupported"  # a codec or format this machine cannot decode
    ERROR = "error"  # anything else; `detail` says what (credentials redacted)


# States after which the worker waits for the operator instead of retrying on its own.
TERMINAL_STATES = frozenset({StreamState.WRONG_CREDENTIALS, StreamState.UNSUPPORTED})


@dataclass(frozen=True, slots=True)
class StreamStatus:
    """A stream's state for its tile's overlay; produced by the decode worker, shown by widgets."""

    camera: str
    stream: StreamKind
    state: StreamState
    attempt: int = 0  # reconnect attempt (RECONNECTING)
    since: datetime | None = None  # when the stream was last live (OFFLINE), aware
    detail: str = ""  # a short reason, never containing credentials
    keyframes_only: bool = False  # degraded to keyframe decoding by the CPU budget
    width: int = 0  # the source's size as last decoded
    height: int = 0
    codec: str = ""


@dataclass(frozen=True, slots=True)
class VideoFrame:
    """One decoded frame at tile size: a contiguous (height, width, 4) uint8 BGRA array.

    BGRA because Qt paints Format_RGB32 four times faster than RGB888 (FIELD-NOTES, Video).
    """

    camera: str
    stream: StreamKind
    image: Any  # numpy.ndarray, shape (h, w, 4), dtype uint8, C-contiguous
    seq: int  # frames decoded by this worker so far (gaps = frames dropped before display)
    pts_s: float | None  # the stream's presentation time, seconds
    decoded_at: float  # time.monotonic() when the frame left the decoder
    keyframe: bool = False
    recorded_at: datetime | None = None  # playback: when the frame was recorded (UTC)
