"""A socat pty pair for serial tests: two linked ports that a test can unplug and plug back.

Use in a test module::

    @pytest.fixture
    def pty(tmp_path):
        with PtyPair(tmp_path) as pair:  # skips the test when socat is missing
            yield pair

then open `pty.a` with the adapter and write the device's bytes with `PtyEnd(pty.b)`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest

SOCAT = shutil.which("socat")


class PtyPair:
    """`socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B`: bytes written to A arrive at B.

    `a` and `b` are stable symlink paths (the device names a site file would hold). `unplug()`
    kills socat: an open end then fails (EIO) as a pulled USB adapter does, and the names
    vanish. `plug()` starts socat again under the same names (new /dev/pts numbers behind them).
    """

    def __init__(self, directory: Path, a: str = "A", b: str = "B"):
        if SOCAT is None:
            pytest.skip("socat is not installed")
        self.directory = directory
        self.a = str(directory / a)
        self.b = str(directory / b)
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def plugged(self) -> bool:
        """True while socat runs."""
        return self._proc is not None and self._proc.poll() is None

    def plug(self, timeout: float = 5.0) -> None:
        """Start socat (again) and wait until both names point at live ptys."""
        if self.plugged:
            return
        for link in (self.a, self.b):  # left behind by a killed socat
            with contextlib.suppress(FileNotFoundError):
                os.unlink(link)
        assert SOCAT is not None
        self._proc = subprocess.Popen(
            [SOCAT, f"pty,raw,echo=0,link={self.a}", f"pty,raw,echo=0,link={self.b}"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        # Polling for two files that socat creates: there is no event to wait on.
        deadline = time.monotonic() + timeout
        while not (os.path.exists(self.a) and os.path.exists(self.b)):
            if self._proc.poll() is not None:
                err = self._proc.stderr.read().decode(errors="replace") if self._proc.stderr else ""
                raise RuntimeError(f"socat exited: {err}")
            if time.monotonic() > deadline:
                self.unplug()
                raise RuntimeError("socat did not create its ptys in time")
            time.sleep(0.01)

    def unplug(self) -> None:
        """Kill socat (SIGKILL, as a pulled cable gives no warning) and remove the names."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=5)
        if proc.stderr is not None:
            proc.stderr.close()
        for link in (self.a, self.b):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(link)

    def __enter__(self) -> PtyPair:
        self.plug()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.unplug()


@contextlib.contextmanager
def pty_pair(directory: Path) -> Iterator[PtyPair]:
    """A plugged pty pair in `directory`, unplugged on exit (for a test's own fixture)."""
    with PtyPair(directory) as pair:
        yield pair


class PtyEnd:
    """The far end of a pty pair opened raw for writing and reading (the "device" side)."""

    def __init__(self, path: str):
        import termios
        import tty

        self.fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(self.fd, termios.TCSANOW)

    def write(self, data: bytes) -> None:
        """Write all of `data`."""
        view = memoryview(data)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]

    def read_available(self, timeout: float = 0.5) -> bytes:
        """What arrived within `timeout` (b"" if nothing)."""
        import select

        readable, _, _ = select.select([self.fd], [], [], timeout)
        if not readable:
            return b""
        try:
            return os.read(self.fd, 65536)
        except OSError:
            return b""

    def close(self) -> None:
        """Close the fd (idempotent)."""
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1
