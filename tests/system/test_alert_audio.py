"""The P1/P2 alert through PortAudio into a PulseAudio null sink, recorded from its monitor.

PulseAudio runs with a runtime folder in the test's tmp_path, a null sink as the default output
and its monitor as the default input (tests/helpers/pulse.py).
"""

from __future__ import annotations

import threading

import numpy as np
import pytest

from hardware.audio import ALERT_TONES, AudioStatus, SoundPlayer, alert_sound, load_sounddevice
from tests.helpers.pulse import RATE, null_sink  # noqa: F401 (a fixture)

pytestmark = pytest.mark.slow


class Events:
    def __init__(self) -> None:
        self.items: list[object] = []
        self.got = threading.Event()

    def publish(self, event: object) -> None:
        self.items.append(event)
        self.got.set()


def dominant_hz(x: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.fft.rfftfreq(len(x), 1 / RATE)[int(np.argmax(spectrum))])


@pytest.mark.usefixtures("null_sink")
@pytest.mark.parametrize("priority", [1, 2])
def test_the_alert_is_heard_at_its_pitch(priority: int) -> None:
    sd = load_sounddevice()
    # PortAudio lists devices when it starts: start it again now that the server runs.
    sd._terminate()
    sd._initialize()
    if "pulse" not in [d["name"] for d in sd.query_devices()]:
        pytest.skip("PortAudio has no 'pulse' device (libasound2-plugins missing)")
    events = Events()
    player = SoundPlayer(events, device="pulse", samplerate=RATE)
    sound = alert_sound(priority, RATE, 0.8)
    seconds = len(sound) / RATE + 1.0
    player.start()
    try:
        recording = sd.rec(
            int(seconds * RATE), samplerate=RATE, channels=1, device="pulse", dtype="float32"
        )
        player.play(sound)
        sd.wait()
        assert events.got.wait(10)
    finally:
        player.stop()
        player.interrupt()
        assert player.join(5)
    assert events.items == [AudioStatus(True, "")]
    heard = recording[:, 0]
    assert np.max(np.abs(heard)) > 0.3, "the monitor heard the alert"
    assert np.max(np.abs(heard)) <= 1.0
    assert dominant_hz(heard) == pytest.approx(ALERT_TONES[priority].freq, abs=5.0)
