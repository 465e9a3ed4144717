"""Runs video/gst_rtsp_serve.py under the system Python: the demo's cameras and the tests' peer."""

from __future__ import annotations

import contextlib
import logging
import os
import select
import signal
import subprocess
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

SCRIPT = Path(__file__).with_name("gst_rtsp_serve.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, where python3-gi lives (not the venv's)
READY_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 3.0


class RtspServerUnavailable(RuntimeError):
    """This machine cannot serve RTSP (no system python3-gi with GstRtspServer)."""


def available() -> bool:
    """True when the system Python can import GStreamer's RTSP server."""
    if not os.path.exists(SYSTEM_PYTHON):
        return False
    probe = (
        "import gi; gi.require_version('GstRtspServer', '1.0'); "
        "from gi.repository import GstRtspServer"
    )
    try:
        done = subprocess.run(
            [SYSTEM_PYTHON, "-c", probe], capture_output=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@dataclass
class RtspServer:
    """A looping RTSP server in a child process serving elementary-stream files at mounts."""

    mounts: Mapping[str, Path]  # "/cam01/sub" -> clip.h264
    auth: tuple[str, str] | None = None  # (user, password) required on every mount
    port: int = 0  # 0: pick a free port; read `.port` after start()
    address: str = "127.0.0.1"
    fps: int = 25
    _proc: subprocess.Popen[bytes] | None = field(default=None, init=False, repr=False)
    # GStreamer's warnings go to a file: a pipe nobody drains would block the server when full.
    _err: tempfile._TemporaryFileWrapper[bytes] | None = field(default=None, init=False, repr=False)

    def start(self) -> RtspServer:
        """Start the child and wait until it listens; raises RtspServerUnavailable or OSError."""
        if not os.path.exists(SYSTEM_PYTHON):
            raise RtspServerUnavailable("GStreamer's RTSP server is not installed")
        cmd = [SYSTEM_PYTHON, str(SCRIPT), "--address", self.address, "--port", str(self.port)]
        cmd += ["--fps", str(self.fps)]
        for mount, clip in self.mounts.items():
            cmd += ["--mount", f"{mount}={clip}"]
        if self.auth is not None:
            cmd += ["--auth", f"{self.auth[0]}:{self.auth[1]}"]
        # The child must not inherit the venv's Python paths (it is another interpreter).
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        # Closed (and deleted) in stop().
        self._err = tempfile.NamedTemporaryFile(prefix="rtsp-server-", suffix=".log")  # noqa: SIM115
        self._proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=self._err, env=env, start_new_session=True
        )
        assert self._proc.stdout is not None
        deadline = time.monotonic() + READY_TIMEOUT_S
        line = b""
        while time.monotonic() < deadline and not line.endswith(b"\n"):
            ready, _, _ = select.select([self._proc.stdout], [], [], 0.1)
            if ready:
                chunk = os.read(self._proc.stdout.fileno(), 256)
                if not chunk:
                    break
                line += chunk
        if not line.startswith(b"READY "):
            err = self._stderr_tail()
            self.stop()
            if "GstRtspServer" in err or "No module named 'gi'" in err:
                raise RtspServerUnavailable(err.strip() or "GStreamer RTSP server missing")
            raise OSError(f"RTSP server did not start: {err.strip() or line!r}")
        self.port = int(line.split()[1])
        log.info(
            "RTSP server on %s:%d serving %d mounts", self.address, self.port, len(self.mounts)
        )
        return self

    def url(self, mount: str, user: str | None = None, password: str | None = None) -> str:
        """The rtsp:// URL of a mount (credentials, if given, inserted as they are)."""
        cred = f"{user}:{password}@" if user is not None else ""
        return f"rtsp://{cred}{self.address}:{self.port}{mount}"

    @property
    def pid(self) -> int | None:
        return None if self._proc is None else self._proc.pid

    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def pause(self) -> None:
        """Freeze the server (SIGSTOP): connections stay open, nothing more is sent."""
        if self._proc is not None:
            os.kill(self._proc.pid, signal.SIGSTOP)

    def resume(self) -> None:
        if self._proc is not None:
            os.kill(self._proc.pid, signal.SIGCONT)

    def kill(self) -> None:
        """Die as a crashed server would (SIGKILL): clients see the connection drop."""
        if self._proc is not None and self._proc.poll() is None:
            os.kill(self._proc.pid, signal.SIGCONT)
            self._proc.kill()
            self._proc.wait(STOP_TIMEOUT_S)
        self._close_pipes()

    def stop(self) -> None:
        """Terminate the child and wait for it (kill after STOP_TIMEOUT_S)."""
        proc = self._proc
        if proc is None:
            return
        if proc.poll() is None:
            try:
                os.kill(proc.pid, signal.SIGCONT)
                proc.terminate()
                proc.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(STOP_TIMEOUT_S)
            except ProcessLookupError:
                pass
        self._close_pipes()

    def restart(self) -> RtspServer:
        """Start again on the same port (after kill() or stop())."""
        self.stop()
        return self.start()

    def _stderr_tail(self) -> str:
        proc, err = self._proc, self._err
        if proc is None or err is None:
            return ""
        if proc.poll() is None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(0.5)
        with open(err.name, "rb") as f:
            return f.read()[-2000:].decode(errors="replace")

    def _close_pipes(self) -> None:
        proc = self._proc
        if proc is not None and proc.stdout is not None:
            proc.stdout.close()
        if self._err is not None:
            self._err.close()
            self._err = None

    def __enter__(self) -> RtspServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
