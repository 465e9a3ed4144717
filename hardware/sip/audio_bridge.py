"""Call audio to the headset: a pjsua2 AudioMediaPort, ring buffers and one PortAudio stream."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
import numpy.typing as npt
import pjsua2 as pj

from hardware.audio import AudioUnavailable, load_sounddevice, tone

log = logging.getLogger(__name__)

RATE = 16_000
FRAME = RATE // 50  # 20 ms, the conference bridge's frame
BUFFER_FRAMES = 10  # 200 ms each way: enough for a PortAudio block, short enough to stay live

Pcm = npt.NDArray[np.int16]


class RingBuffer:
    """A fixed-size PCM16 FIFO between two threads; a full buffer drops new samples and counts them.

    `write` and `read` hold a lock for a copy only, so both the pjmedia clock thread and the
    PortAudio callback can use it without waiting on anything slow.
    """

    def __init__(self, capacity: int):
        self._buf = np.zeros(capacity, dtype=np.int16)
        self._lock = threading.Lock()
        self._start = 0
        self._size = 0
        self.dropped = 0  # samples lost because the reader fell behind
        self.missing = 0  # samples the reader asked for that were not there (played as silence)

    def __len__(self) -> int:
        return self._size

    def write(self, samples: Pcm) -> None:
        """Append what fits; the rest is dropped (counted)."""
        cap = len(self._buf)
        with self._lock:
            n = min(len(samples), cap - self._size)
            self.dropped += len(samples) - n
            end = (self._start + self._size) % cap
            first = min(n, cap - end)
            self._buf[end : end + first] = samples[:first]
            self._buf[: n - first] = samples[first:n]
            self._size += n

    def read(self, count: int) -> Pcm:
        """Exactly `count` samples: what is buffered, then zeros (counted as missing)."""
        out = np.zeros(count, dtype=np.int16)
        cap = len(self._buf)
        with self._lock:
            n = min(count, self._size)
            first = min(n, cap - self._start)
            out[:first] = self._buf[self._start : self._start + first]
            out[first:n] = self._buf[: n - first]
            self._start = (self._start + n) % cap
            self._size -= n
            self.missing += count - n
        return out

    def clear(self) -> None:
        with self._lock:
            self._start = self._size = 0


def _rms(samples: Pcm) -> float:
    if len(samples) == 0:
        return 0.0
    x = samples.astype(np.float32) / 32768.0
    return float(np.sqrt(np.mean(x * x)))


def _scale(samples: Pcm, gain: float) -> Pcm:
    if gain == 1.0:
        return samples
    scaled: Pcm = np.clip(samples.astype(np.float32) * gain, -32768, 32767).astype(np.int16)
    return scaled


class HeadsetPort(pj.AudioMediaPort):  # type: ignore[misc]
    """A conference-bridge port: what it receives goes to `to_headset`, what it sends comes from
    `from_headset` (16 kHz mono PCM16, 20 ms frames).

    `onFrameReceived` and `onFrameRequested` run on pjmedia's clock thread: they only copy into
    or out of the ring buffers and note the level. Create and destroy it on a thread registered
    with pjlib (the SIP thread).
    """

    def __init__(self) -> None:
        super().__init__()
        self.to_headset = RingBuffer(FRAME * BUFFER_FRAMES)
        self.from_headset = RingBuffer(FRAME * BUFFER_FRAMES)
        self.output_gain = 1.0
        self.input_gain = 1.0
        self.output_rms = 0.0  # of the last frame received from the call (before gain)
        self.input_rms = 0.0  # of the last frame sent to the call (after gain)
        self.errors = 0
        fmt = pj.MediaFormatAudio()
        fmt.init(pj.PJMEDIA_FORMAT_PCM, RATE, 1, 20_000, 16, 0, 0)
        self.createPort("headset", fmt)

    def onFrameReceived(self, frame: Any) -> None:
        # pjmedia's clock thread: an exception here would be printed by SWIG, never raised.
        try:
            if frame.type != pj.PJMEDIA_FRAME_TYPE_AUDIO:
                return
            samples = np.frombuffer(bytes(frame.buf), dtype="<i2")
            self.output_rms = _rms(samples)
            self.to_headset.write(_scale(samples, self.output_gain))
        except Exception:
            self._count_error()

    def onFrameRequested(self, frame: Any) -> None:
        try:
            samples = _scale(self.from_headset.read(FRAME), self.input_gain)
            self.input_rms = _rms(samples)
            frame.type = pj.PJMEDIA_FRAME_TYPE_AUDIO
            frame.buf = pj.ByteVector(samples.astype("<i2").tobytes())
        except Exception:
            self._count_error()

    def _count_error(self) -> None:
        # Called while being released, its attributes may already be gone.
        with contextlib.suppress(AttributeError):
            self.errors += 1


class HeadsetStream:
    """PortAudio streams on the headset (speaker and microphone) feeding a HeadsetPort's rings.

    Opened and closed by the SIP thread; its callbacks run on PortAudio's thread and only
    copy. `open()` raises AudioUnavailable when there is no PortAudio or no such device.
    It holds the port's ring buffers, never the port: sounddevice's streams and callbacks can
    outlive `close()` in reference cycles, and a pjsua2 port freed after libDestroy aborts
    the process.
    """

    def __init__(
        self,
        port: HeadsetPort,
        device: str | None,
        backend: Callable[[], ModuleType] = load_sounddevice,
    ):
        self._to_headset = port.to_headset
        self._from_headset = port.from_headset
        self.device = device
        self._backend = backend
        self._streams: list[Any] = []
        self._flags = [0]  # PortAudio over- and underflows seen (a list: the callbacks add)

    @property
    def status_flags(self) -> int:
        return self._flags[0]

    @property
    def is_open(self) -> bool:
        return bool(self._streams)

    def open(self) -> None:
        sd = self._backend()
        try:
            devices = sd.query_devices()
        except Exception as exc:
            raise AudioUnavailable(f"no headset: {exc}") from exc
        has_in = any(d["max_input_channels"] > 0 for d in devices)
        has_out = any(d["max_output_channels"] > 0 for d in devices)
        if not (has_in and has_out):
            raise AudioUnavailable("no headset: PortAudio lists no input and output device")
        to_headset, from_headset, flags = self._to_headset, self._from_headset, self._flags

        def play(outdata: Any, frames: int, _time: Any, status: Any) -> None:
            # PortAudio's thread: copy out, nothing that waits.
            if status:
                flags[0] += 1
            outdata[:, 0] = to_headset.read(frames)

        def capture(indata: Any, _frames: int, _time: Any, status: Any) -> None:
            if status:
                flags[0] += 1
            from_headset.write(indata[:, 0].copy())

        # Two streams, not one duplex stream: a duplex stream on PulseAudio's ALSA plugin ran
        # ~10 callbacks in 2 s here, and latency="low" starved even a single stream.
        streams: list[Any] = []
        try:
            for kind, callback in ((sd.OutputStream, play), (sd.InputStream, capture)):
                stream = kind(
                    samplerate=RATE,
                    blocksize=FRAME,
                    channels=1,
                    dtype="int16",
                    device=self.device,
                    callback=callback,
                )
                streams.append(stream)
            for stream in streams:
                stream.start()
        except Exception as exc:  # PortAudioError, ValueError for an unknown device name
            for stream in streams:
                stream.close()
            raise AudioUnavailable(f"no headset: {exc}") from exc
        self._streams = streams

    def close(self) -> None:
        streams, self._streams = self._streams, []
        for stream in streams:
            try:
                stream.abort()
            except Exception:
                log.warning("headset stream did not abort cleanly", exc_info=True)
            finally:
                stream.close()


def probe_headset(device: str | None, backend: Callable[[], ModuleType] = load_sounddevice) -> str:
    """ "" when PortAudio has the headset (input and output), else why not ("no headset: ...")."""
    try:
        sd = backend()
        devices = list(sd.query_devices())
    except Exception as exc:
        return f"no headset: {exc}"
    if device is None:
        ok = any(d["max_input_channels"] > 0 for d in devices) and any(
            d["max_output_channels"] > 0 for d in devices
        )
        return "" if ok else "no headset"
    for d in devices:
        if d["name"] == device:
            if d["max_input_channels"] > 0 and d["max_output_channels"] > 0:
                return ""
            return f"no headset: {device} is not both an input and an output"
    return f"no headset: no device named {device}"


RING_TONE = (440.0, 480.0)  # two tones summed: a phone's ring, distinct from the alert beeps
RING_ON_S, RING_OFF_S = 1.0, 2.0


def ring_pattern(volume: float = 0.3) -> Pcm:
    """One period of the ring: RING_ON_S of the two tones, then RING_OFF_S of silence."""
    on = sum(tone(f, RING_ON_S, RATE, volume / len(RING_TONE)) for f in RING_TONE)
    off = np.zeros(int(RING_OFF_S * RATE), dtype=np.float32)
    pcm: Pcm = (np.concatenate([on, off]) * 32767).astype(np.int16)
    return pcm


class RingStream:
    """The ring on the ring speaker while a call rings: one PortAudio output stream that loops
    `ring_pattern()` until `stop()`. Opened and closed by the SIP thread; the callback runs on
    PortAudio's thread and only copies. Without a device it stays silent (`error` says why)."""

    def __init__(
        self, device: str | None, backend: Callable[[], ModuleType] = load_sounddevice
    ) -> None:
        self.device = device
        self._backend = backend
        self._stream: Any = None
        self.error = ""

    @property
    def ringing(self) -> bool:
        return self._stream is not None

    def start(self) -> None:
        if self._stream is not None:
            return
        pattern = ring_pattern()
        pos = [0]

        def play(outdata: Any, frames: int, _time: Any, _status: Any) -> None:
            # PortAudio's thread: copy the next samples of the looping pattern.
            idx = (pos[0] + np.arange(frames)) % len(pattern)
            outdata[:, 0] = pattern[idx]
            pos[0] = (pos[0] + frames) % len(pattern)

        try:
            sd = self._backend()
            stream = sd.OutputStream(
                samplerate=RATE, channels=1, dtype="int16", device=self.device, callback=play
            )
            stream.start()
        except Exception as exc:  # no PortAudio, no device, a device name that is gone
            if not self.error:
                log.warning("cannot ring on %s: %s", self.device or "the default output", exc)
            self.error = f"no ring speaker: {exc}"
            return
        self.error = ""
        self._stream = stream

    def stop(self) -> None:
        stream, self._stream = self._stream, None
        if stream is None:
            return
        try:
            stream.abort()
        except Exception:
            log.warning("ring stream did not abort cleanly", exc_info=True)
        finally:
            stream.close()
