"""A real RTSP peer for video tests: generated clips served by GStreamer's RTSP server.

Use in a test module::

    @pytest.fixture
    def rtsp(clips):
        with rtsp_server({"/cam01/sub": clips.h264}) as server:  # skips when GStreamer is missing
            yield server

then open ``server.url("/cam01/sub")``. ``server.kill()``, ``server.restart()``,
``server.pause()`` (SIGSTOP) and ``server.resume()`` play a camera dying, coming back and
freezing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from video.clips import ClipSpec, ensure_clip
from video.rtsp_server import RtspServer, RtspServerUnavailable, available

_AVAILABLE: bool | None = None


@dataclass(frozen=True)
class Clips:
    """Small clips generated once per test session (a few seconds each, 25 fps)."""

    h264: Path  # 640×360 H.264, a keyframe every second
    h265: Path  # 640×360 H.265
    h264_small: Path  # 320×180 H.264 (a resolution change when served after h264)
    corrupt: Path  # h264 with damaged bytes in the middle


def make_clips(directory: Path) -> Clips:
    """Generate (or reuse) the test clips in `directory`."""
    h264 = ensure_clip(directory / "street.h264", ClipSpec("CAM-T1", seconds=4))
    h265 = ensure_clip(directory / "street.h265", ClipSpec("CAM-T2", seconds=4, seed=2))
    small = ensure_clip(
        directory / "small.h264", ClipSpec("CAM-T3", width=320, height=180, seconds=4, seed=3)
    )
    corrupt = directory / "corrupt.h264"
    if not corrupt.exists():
        data = bytearray(h264.read_bytes())
        # Damage a stretch after the first keyframe: slices decode wrong, the stream goes on.
        for i in range(len(data) // 3, len(data) // 3 + 4000, 7):
            data[i] ^= 0x5A
        corrupt.write_bytes(bytes(data))
    return Clips(h264=h264, h265=h265, h264_small=small, corrupt=corrupt)


def rtsp_available() -> bool:
    """Whether this machine can serve RTSP (asked once per session)."""
    global _AVAILABLE
    if _AVAILABLE is None:
        _AVAILABLE = available()
    return _AVAILABLE


@contextlib.contextmanager
def rtsp_server(
    mounts: Mapping[str, Path], auth: tuple[str, str] | None = None, port: int = 0
) -> Iterator[RtspServer]:
    """A started server on 127.0.0.1; the test is skipped when GStreamer's server is missing."""
    if not rtsp_available():
        pytest.skip("GStreamer's RTSP server (python3-gi, gir1.2-gst-rtsp-server-1.0) is missing")
    server = RtspServer(mounts, auth=auth, port=port)
    try:
        server.start()
    except RtspServerUnavailable as exc:
        pytest.skip(f"RTSP server unavailable: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> Clips:
    """The session's test clips (import this fixture into a test module to use it)."""
    return make_clips(tmp_path_factory.mktemp("clips"))
