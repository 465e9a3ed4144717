"""A PulseAudio daemon of a test's own with a null sink as default output and its monitor as input.

The runtime folder lives in the test's tmp_path (so it clashes with no other server), as
FIELD-NOTES "Testable audio in CI" describes; CI installs it with `tools/sysdeps.sh test`.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

RATE = 16_000
START_S = 20.0


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
