"""Alert tones (pitch, volume, no clipping) and the player without PortAudio or a device."""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import ModuleType, SimpleNamespace
from typing import Any

import numpy as np
import pytest

from hardware.audio import (
    ALERT_TONES,
    AudioStatus,
    AudioUnavailable,
    SoundPlayer,
    alert_sound,
    output_devices,
    tone,
)

RATE = 16_000


def dominant_hz(x: np.ndarray, rate: int = RATE) -> float:
    spectrum = np.abs(np.fft.rfft(x))
    return float(np.fft.rfftfreq(len(x), 1 / rate)[int(np.argmax(spectrum))])


class Events:
    """An EventSink that keeps what is published and lets a test wait for it."""

    def __init__(self) -> None:
        self.items: list[object] = []
        self.got = threading.Event()

    def publish(self, event: object) -> None:
        self.items.append(event)
        self.got.set()


def beeps(x: np.ndarray, block: int = RATE // 100) -> int:
    """Bursts of sound: 10 ms blocks loud after a quiet one."""
    n = len(x) // block
    loud = np.abs(x[: n * block]).reshape(n, block).max(axis=1) > 0.05
    return int(loud[0]) + int(np.sum(loud[1:] & ~loud[:-1]))


@pytest.mark.parametrize("freq", [440.0, 660.0, 880.0])
def test_tone_has_its_frequency(freq: float) -> None:
    assert dominant_hz(tone(freq, 0.5, RATE, 0.5)) == pytest.approx(freq, abs=2.0)


def test_volume_scales_the_peak_and_never_clips() -> None:
    loud, half = tone(880.0, 0.2, RATE, 1.0), tone(880.0, 0.2, RATE, 0.5)
    assert np.max(np.abs(half)) == pytest.approx(np.max(np.abs(loud)) / 2, rel=1e-3)
    assert np.max(np.abs(tone(880.0, 0.2, RATE, 7.0))) <= 1.0  # clipped to full scale
    assert not np.any(tone(880.0, 0.2, RATE, 0.0))
    assert loud.dtype == np.float32


def test_edges_are_faded_so_the_beep_does_not_click() -> None:
    x = tone(880.0, 0.2, RATE, 1.0)
    assert abs(x[0]) < 1e-6
    assert abs(x[-1]) < 0.01
    assert np.max(np.abs(x[len(x) // 2 - 40 : len(x) // 2 + 40])) > 0.9


def test_p1_and_p2_differ_in_pitch_and_rhythm() -> None:
    p1, p2 = alert_sound(1, RATE, 0.8), alert_sound(2, RATE, 0.8)
    assert dominant_hz(p1) == pytest.approx(ALERT_TONES[1].freq, abs=5)
    assert dominant_hz(p2) == pytest.approx(ALERT_TONES[2].freq, abs=5)
    assert [beeps(p1), beeps(p2)] == [ALERT_TONES[1].beeps, ALERT_TONES[2].beeps]
    assert ALERT_TONES[1].beeps != ALERT_TONES[2].beeps


def _missing() -> ModuleType:
    raise AudioUnavailable("PortAudio is not available: libportaudio.so.2: not found")


def _run(player: SoundPlayer, events: Events, sound: np.ndarray) -> None:
    player.start()
    try:
        player.play(sound)
        assert events.got.wait(10), "the player reports what happened"
    finally:
        player.stop()
        player.interrupt()
        assert player.join(5)


def test_no_portaudio_means_silence_and_one_status_not_a_crash() -> None:
    events = Events()
    player = SoundPlayer(events, samplerate=RATE, backend=_missing)
    player.start()
    try:
        for _ in range(3):
            player.play(alert_sound(1, RATE, 0.5))
        assert events.got.wait(10)
    finally:
        player.stop()
        player.interrupt()
        assert player.join(5)
    assert events.items[0] == AudioStatus(
        False, "PortAudio is not available: libportaudio.so.2: not found"
    )
    assert len(events.items) == 1, "said once per outage"
    assert player.alive is False
    assert output_devices(_missing) == []


class FakeStream:
    """An OutputStream that fails to open, or pulls the whole sound through the callback."""

    def __init__(self, fail: bool, **kw: Any) -> None:
        if fail:
            raise RuntimeError("Error querying device -1")  # what PortAudio says with no device
        self.kw = kw
        self.closed = False

    def start(self) -> None:
        def pull() -> None:
            out = np.zeros((256, 1), dtype=np.float32)
            try:
                while True:
                    self.kw["callback"](out, 256, None, None)
            except FakeBackend.CallbackStop:
                pass
            self.kw["finished_callback"]()

        threading.Thread(target=pull, name="fake-portaudio").start()

    def abort(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True


class FakeBackend(SimpleNamespace):
    class CallbackStop(Exception):
        pass


def backend(fail: bool) -> Callable[[], ModuleType]:
    fake = FakeBackend(OutputStream=lambda **kw: FakeStream(fail, **kw))
    return lambda: fake  # type: ignore[return-value]


def test_no_output_device_reports_and_keeps_going() -> None:
    events = Events()
    player = SoundPlayer(events, device="usb-speaker", samplerate=RATE, backend=backend(True))
    _run(player, events, alert_sound(2, RATE, 0.5))
    status = events.items[0]
    assert isinstance(status, AudioStatus)
    assert not status.ok
    assert "Error querying device" in status.detail
    assert player.played == 0


def test_a_device_plays_the_sound_to_the_end() -> None:
    events = Events()
    player = SoundPlayer(events, samplerate=RATE, backend=backend(False))
    _run(player, events, alert_sound(1, RATE, 0.5))
    assert events.items == [AudioStatus(True, "")]
    assert player.played == 1
