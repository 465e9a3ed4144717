"""The P1/P2 alert through PortAudio into a PulseAudio null sink, recorded from its monitor.

PulseAudio runs with a runtime folder in the test's tmp_path (so it clashes with no other
server), a null sink as the default output and its monitor as the default input, as
FIELD-NOTES "Testable audio in CI" describes; CI installs it with `tools/sysdeps.sh test`.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from hardware.audio import ALERT_TONES, AudioStatus, SoundPlayer, alert_sound, load_sounddevice

RATE = 16_000
START_S = 20.0

pytestmark = pytest.mark.slow


class Events:
    def __init__(self) -> None:
        self.items: list[object] = []
        self.got = threading.Event()

    def publish(self, event: object) -> None:
        self.items.append(event)
        self.got.set()


@pytest.fixture
def null_sink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A PulseAudio daemon of this test's own with a null sink; stopped by its PID."""
    if shutil.which("pulseaudio") is None or shutil.which("pactl") is None:
        pytest.skip("pulseaudio and pulseaudio-utils are not installed (tools/sysdeps.sh test)")
    runtime = tmp_path / "xdg"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp_path)}
    env.pop("PULSE_SERVER", None)
    for key in ("XDG_RUNTIME_DIR", "HOME"):
        monkeypatch.setenv(key, env[key])
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    log = (tmp_path / "pulse.log").open("wb")
    daemon = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + START_S
        while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode != 0:
            if daemon.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"pulseaudio did not start: {(tmp_path / 'pulse.log').read_text()}")
            time.sleep(0.1)
        for cmd in (
            ["load-module", "module-null-sink", "sink_name=ci_sink", f"rate={RATE}", "channels=1"],
            ["set-default-sink", "ci_sink"],
            ["set-default-source", "ci_sink.monitor"],
        ):
            subprocess.run(["pactl", *cmd], env=env, check=True, capture_output=True)
        yield
    finally:
        os.kill(daemon.pid, signal.SIGTERM)
        try:
            daemon.wait(10)
        except subprocess.TimeoutExpired:
            os.kill(daemon.pid, signal.SIGKILL)
            daemon.wait(5)
        log.close()


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
