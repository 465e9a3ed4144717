"""Alert tones made with numpy, and a sound player on one output device over PortAudio."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np
import numpy.typing as npt

from core.ports import EventSink
from core.workers import Worker

log = logging.getLogger(__name__)

Samples = npt.NDArray[np.float32]
"""Mono float32 samples in [-1, 1]."""

DEFAULT_RATE = 48_000
FADE_S = 0.01  # a raised-cosine edge on each beep: a hard edge clicks


@dataclass(frozen=True, slots=True)
class ToneSpec:
    """A beep pattern: `beeps` beeps of `on_s` seconds at `freq` Hz, `off_s` apart."""

    freq: float
    beeps: int
    on_s: float
    off_s: float


# Distinct by pitch and rhythm, so an operator tells a P1 from a P2 without looking.
ALERT_TONES: dict[int, ToneSpec] = {
    1: ToneSpec(freq=880.0, beeps=3, on_s=0.15, off_s=0.08),
    2: ToneSpec(freq=660.0, beeps=2, on_s=0.30, off_s=0.15),
}


def tone(freq: float, seconds: float, samplerate: int, volume: float) -> Samples:
    """A sine of `freq` Hz, peak `volume` (0…1, clipped to it), with faded edges."""
    volume = min(max(volume, 0.0), 1.0)
    n = max(round(seconds * samplerate), 0)
    t = np.arange(n, dtype=np.float64) / samplerate
    wave = np.sin(2 * np.pi * freq * t)
    fade = min(int(FADE_S * samplerate), n // 2)
    if fade > 0:
        edge = 0.5 - 0.5 * np.cos(np.pi * np.arange(fade) / fade)
        wave[:fade] *= edge
        wave[n - fade :] *= edge[::-1]
    return (wave * volume).astype(np.float32)


def pattern(spec: ToneSpec, samplerate: int, volume: float) -> Samples:
    """The beeps of a pattern with the silences between them (none after the last)."""
    beep = tone(spec.freq, spec.on_s, samplerate, volume)
    gap = np.zeros(round(spec.off_s * samplerate), dtype=np.float32)
    parts: list[Samples] = []
    for i in range(spec.beeps):
        if i:
            parts.append(gap)
        parts.append(beep)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


def alert_sound(priority: int, samplerate: int, volume: float) -> Samples:
    """The alert of a P1 or P2 (any other priority sounds like a P2)."""
    return pattern(ALERT_TONES.get(priority, ALERT_TONES[2]), samplerate, volume)


@dataclass(frozen=True, slots=True)
class AudioStatus:
    """Whether the player could play its last sound; `detail` says why not."""

    ok: bool
    detail: str = ""


def load_sounddevice() -> ModuleType:
    """The sounddevice module; AudioUnavailable when it or the PortAudio library is missing."""
    try:
        import sounddevice
    except (ImportError, OSError) as exc:  # OSError: libportaudio2 is not installed
        raise AudioUnavailable(f"PortAudio is not available: {exc}") from exc
    module: ModuleType = sounddevice
    return module


class AudioUnavailable(Exception):
    """No sound can be played: no PortAudio, no output device, or the sound server is gone."""


class SoundPlayer(Worker):
    """Plays sample buffers on one output device, one at a time, on thread `audio-out:<dev>`.

    `play()` returns at once (any thread); the newest request replaces one not yet started.
    Each sound opens its own stream and closes it after, so a sound server that restarts
    or a device plugged in later is found again. When nothing can play, the console goes on
    silently: an `AudioStatus(ok=False)` goes to the sink once per outage, and a log line.
    The same player serves call audio later: give it the headset's device.
    """

    def __init__(
        self,
        sink: EventSink,
        *,
        device: int | str | None = None,
        samplerate: int = DEFAULT_RATE,
        backend: Callable[[], ModuleType] = load_sounddevice,
    ):
        # interval 0: step() waits for work itself.
        name = f"audio-out:{device if device is not None else 'default'}"
        super().__init__(name, sink, interval=0.0, backoff_base=1.0)
        self.device = device
        self.samplerate = samplerate
        self._backend = backend
        self._lock = threading.Lock()
        self._next: Samples | None = None
        self._have = threading.Event()
        self._done = threading.Event()
        self._stream: Any = None
        self._ok: bool | None = None  # None: nothing played yet
        self.played = 0  # sounds played to the end (tests, status)

    # --- any thread -----------------------------------------------------------------------
    def play(self, samples: Samples) -> None:
        """Queue a sound; it replaces a queued one that has not started."""
        with self._lock:
            self._next = samples
        self._have.set()

    def silence(self) -> None:
        """Stop the sound playing now and drop a queued one."""
        with self._lock:
            self._next = None
        self._done.set()

    def interrupt(self) -> None:
        # Ends the wait in step(); the stream is aborted and closed on the worker thread.
        self._have.set()
        self._done.set()

    # --- worker thread --------------------------------------------------------------------
    def step(self) -> None:
        self._have.wait(0.5)
        with self._lock:
            samples, self._next = self._next, None
            self._have.clear()
        if samples is None or self.stop_event.is_set():
            return
        try:
            self._play_now(samples)
        except AudioUnavailable as exc:
            self._report(False, str(exc))
        except Exception as exc:
            # PortAudioError and whatever a driver raises: the sound is lost, the console not.
            self._report(False, f"{type(exc).__name__}: {exc}")
        else:
            self._report(True, "")

    def _play_now(self, samples: Samples) -> None:
        sd = self._backend()
        pos = 0
        self._done.clear()
        lock = threading.Lock()

        def callback(outdata: Any, frames: int, _time: Any, _status: Any) -> None:
            # PortAudio's own thread: copy and return, nothing more.
            nonlocal pos
            with lock:
                chunk = samples[pos : pos + frames]
                pos += len(chunk)
            outdata[: len(chunk), 0] = chunk
            if len(chunk) < frames:
                outdata[len(chunk) :, 0] = 0.0
                raise sd.CallbackStop

        stream = sd.OutputStream(
            samplerate=self.samplerate,
            channels=1,
            dtype="float32",
            device=self.device,
            callback=callback,
            finished_callback=self._done.set,
        )
        self._stream = stream
        try:
            stream.start()
            # The sound's length plus the device's latency and a margin for a slow server.
            self._done.wait(len(samples) / self.samplerate + 2.0)
            if pos >= len(samples):
                self.played += 1
        finally:
            self._stream = None
            try:
                stream.abort()
            finally:
                stream.close()

    def teardown(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.close()

    def _report(self, ok: bool, detail: str) -> None:
        if ok == self._ok:
            return
        self._ok = ok
        if ok:
            log.info("%s: sound plays again", self.name)
        else:
            log.warning("%s: cannot play sound: %s", self.name, detail)
        self.sink.publish(AudioStatus(ok, detail))


def output_devices(backend: Callable[[], ModuleType] = load_sounddevice) -> list[str]:
    """Names of the output devices PortAudio finds (empty without PortAudio or devices)."""
    try:
        sd = backend()
        return [str(d["name"]) for d in sd.query_devices() if d["max_output_channels"] > 0]
    except Exception:
        log.warning("could not list audio devices", exc_info=True)
        return []
