"""Decode workers against GStreamer's RTSP server: live, dying, freezing, locked and damaged."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import av
import pytest

from core.mailbox import LatestMailbox
from core.video import StreamKind, StreamState, StreamStatus, VideoFrame
from tests.helpers.rtsp import Clips, clips, rtsp_server  # noqa: F401 - the fixture
from video.decode import DecodeWorker, decode_size
from video.rtsp_server import RtspServer
from video.urls import with_credentials

JOIN_S = 5.0


class Statuses:
    """Every status a worker published, in order (the callback runs on the worker thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.items: list[StreamStatus] = []

    def __call__(self, status: StreamStatus) -> None:
        with self._lock:
            self.items.append(status)

    def states(self) -> list[StreamState]:
        with self._lock:
            return [s.state for s in self.items]

    def all(self) -> list[StreamStatus]:
        with self._lock:
            return list(self.items)


def wait_for(what: Callable[[], Any], timeout: float, message: str = "") -> Any:
    """Poll until `what()` is truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = what()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"not within {timeout} s: {message}")


def gather(mailbox: LatestMailbox[str, VideoFrame], into: list[VideoFrame], n: int) -> bool:
    """Move the mailbox's new frames into `into`; True once it holds `n`."""
    into.extend(mailbox.take().values())
    return len(into) >= n


class Tile:
    """A worker with its mailbox and status log, stopped and joined by the test's teardown."""

    def __init__(
        self,
        url: str,
        size: tuple[int, int] = (480, 300),
        stream: StreamKind = StreamKind.SUB,
        **kw: Any,
    ) -> None:
        self.mailbox: LatestMailbox[str, VideoFrame] = LatestMailbox(name="frames")
        self.statuses = Statuses()
        self.worker = DecodeWorker(
            "CAM01", stream, url, size, self.mailbox, "tile0", self.statuses, **kw
        )

    def frame(self, timeout: float = 5.0) -> VideoFrame:
        got: dict[str, VideoFrame] = wait_for(self.mailbox.take, timeout, "a frame")
        return got["tile0"]

    def wait_state(self, state: StreamState, timeout: float) -> StreamStatus:
        def seen() -> StreamStatus | None:
            s = self.worker.status
            return s if s.state is state else None

        status: StreamStatus = wait_for(seen, timeout, f"{state} (saw {self.statuses.states()})")
        return status

    def close(self) -> None:
        self.worker.stop()
        assert self.worker.join(JOIN_S), f"{self.worker.name} did not stop"


@pytest.fixture
def tiles() -> Iterator[Callable[..., Tile]]:
    made: list[Tile] = []

    def make(url: str, size: tuple[int, int] = (480, 300), **kw: Any) -> Tile:
        tile = Tile(url, size, **kw)
        made.append(tile)
        tile.worker.start()
        return tile

    yield make
    for tile in made:
        tile.worker.stop()
    for tile in made:
        assert tile.worker.join(JOIN_S)


@pytest.fixture
def server(clips: Clips) -> Iterator[RtspServer]:  # noqa: F811
    with rtsp_server({"/cam01/sub": clips.h264, "/cam02/main": clips.h265}) as s:
        yield s


def test_live_frames_are_bgra_at_tile_size_with_the_source_aspect(
    server: RtspServer, tiles: Callable[..., Tile]
) -> None:
    tile = tiles(server.url("/cam01/sub"), (480, 300))
    status = tile.wait_state(StreamState.LIVE, 5)
    assert (status.width, status.height, status.codec) == (640, 360, "h264")
    assert tile.worker.name == "decode:CAM01"
    assert tile.statuses.states()[0] is StreamState.CONNECTING
    frame = tile.frame()
    # 640x360 into 480x300: width-bound, 16:9 kept (the widget letterboxes the rest).
    assert frame.image.shape == (270, 480, 4)
    assert frame.image.dtype.name == "uint8"
    assert frame.image.flags.c_contiguous
    assert (frame.camera, frame.stream) == ("CAM01", StreamKind.SUB)
    # The clip is a grey street, not a blank or a garbage frame; BGRA's alpha is opaque.
    assert frame.image[..., 3].min() == 255
    assert frame.image[..., :3].std() > 5
    # Blue first: the clip's street grey is (70, 74, 78) in OpenCV's BGR order.
    blue, _, red = (int(v) for v in frame.image[2, 2, :3])
    assert red - blue >= 4

    tile.worker.set_size(200, 200)
    wait_for(
        lambda: (
            (f := tile.mailbox.take().get("tile0")) is not None and f.image.shape[:2] == (112, 200)
        ),
        5,
        "frames at the new tile size",
    )
    counters = tile.worker.counters
    assert counters.frames_decoded >= counters.frames_put > 0
    assert counters.first_frame_s is not None
    assert counters.bytes_in > 0


def test_two_workers_on_one_mount_and_keyframes_only(
    server: RtspServer, tiles: Callable[..., Tile]
) -> None:
    a = tiles(server.url("/cam01/sub"))
    b = tiles(server.url("/cam01/sub"), (320, 180))
    assert a.frame().image.shape == (270, 480, 4)
    assert b.frame().image.shape == (180, 320, 4)

    b.worker.set_keyframes_only(True)
    wait_for(lambda: b.worker.status.keyframes_only, 5, "keyframes_only in the status")
    b.mailbox.take()
    seen: list[VideoFrame] = []
    wait_for(lambda: gather(b.mailbox, seen, 2), 6, "keyframes")
    # The clip has a keyframe every second: only those come out now.
    assert all(f.keyframe for f in seen)
    assert a.worker.status.state is StreamState.LIVE
    assert not a.worker.status.keyframes_only
    b.worker.set_keyframes_only(False)
    wait_for(lambda: not b.worker.status.keyframes_only, 5, "full decoding again")


def test_killed_server_reconnects_and_goes_live_again(
    server: RtspServer, tiles: Callable[..., Tile]
) -> None:
    tile = tiles(server.url("/cam01/sub"), backoff_base_s=0.2)
    tile.wait_state(StreamState.LIVE, 5)
    live_until = datetime.now(UTC)
    server.kill()
    status = tile.wait_state(StreamState.RECONNECTING, 5)
    assert status.attempt >= 1
    # Refused three times in a row: offline since the last frame, and still trying.
    offline = tile.wait_state(StreamState.OFFLINE, 10)
    assert offline.since is not None
    assert live_until - timedelta(seconds=1) <= offline.since <= live_until + timedelta(seconds=1)
    assert offline.attempt > 3
    server.start()
    tile.wait_state(StreamState.LIVE, 10)
    assert tile.worker.counters.reconnects >= 1
    states = tile.statuses.states()
    assert states.index(StreamState.RECONNECTING) < len(states) - 1
    before = tile.worker.counters.frames_decoded
    wait_for(lambda: tile.worker.counters.frames_decoded > before + 5, 5, "frames after restart")


def test_unreachable_camera_goes_offline_and_keeps_trying(tiles: Callable[..., Tile]) -> None:
    # Nothing listens on port 9 of localhost: refused at once, like a camera that is off.
    tile = tiles("rtsp://127.0.0.1:9/cam", backoff_base_s=0.05, backoff_cap_s=0.2)
    status = tile.wait_state(StreamState.OFFLINE, 10)
    assert status.since is not None
    assert status.since.tzinfo is not None
    assert "refused" in status.detail.lower()
    opens = tile.worker.counters.opens
    wait_for(lambda: tile.worker.counters.opens > opens + 1, 5, "still retrying while offline")


@pytest.mark.slow
def test_frozen_server_is_no_signal_then_recovers_and_stop_stays_quick(
    server: RtspServer, tiles: Callable[..., Tile]
) -> None:
    tile = tiles(server.url("/cam01/sub"))
    tile.wait_state(StreamState.LIVE, 5)
    server.pause()
    try:
        # The watchdog's 5 s, plus the frame FFmpeg still hands over, plus a margin.
        status = tile.wait_state(StreamState.NO_SIGNAL, 9)
        assert "no frame" in status.detail
    finally:
        server.resume()
    tile.wait_state(StreamState.LIVE, 10)

    server.pause()
    try:
        time.sleep(1.0)  # frozen mid-stream: the worker sits in a read
        tile.worker.stop()
        # A read returns every READ_TIMEOUT_S (0.5 s) by FFmpeg's interrupt callback.
        assert tile.worker.join(2.0)
        assert tile.worker.status.state is StreamState.IDLE

        # An open that the frozen server never answers ends by the open timeout.
        late = tiles(server.url("/cam01/sub"), open_timeout_s=1.0)
        time.sleep(0.3)
        late.worker.stop()
        assert late.worker.join(1.0 + 2.0)
        assert StreamState.LIVE not in late.statuses.states()
    finally:
        server.resume()


def test_wrong_credentials_open_once_and_never_show_the_password(
    clips: Clips,  # noqa: F811
    tiles: Callable[..., Tile],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.DEBUG)
    password, wrong = "s3cret:P@ss/1", "Wr0ng#P@ss:2"
    opens: list[str] = []
    real_open = av.open

    def counting_open(*args: Any, **kw: Any) -> Any:
        opens.append(str(args[0]))
        return real_open(*args, **kw)

    monkeypatch.setattr(av, "open", counting_open)
    with rtsp_server({"/cam": clips.h264}, auth=("admin", password)) as s:
        tile = tiles(with_credentials(s.url("/cam"), "admin", wrong), backoff_base_s=0.05)
        status = tile.wait_state(StreamState.WRONG_CREDENTIALS, 5)
        time.sleep(1.5)  # a worker that retried on its own would have opened again by now
        assert len(opens) == 1
        assert tile.worker.counters.opens == 1
        assert tile.worker.status == status

        tile.worker.retry()  # the operator's explicit retry: exactly one more attempt
        wait_for(lambda: len(opens) == 2, 5, "the retry's open")
        tile.wait_state(StreamState.WRONG_CREDENTIALS, 5)
        time.sleep(0.5)
        assert len(opens) == 2

        right = tiles(with_credentials(s.url("/cam"), "admin", password))
        right.wait_state(StreamState.LIVE, 5)

    texts = [repr(st) for st in tile.statuses.all() + right.statuses.all()]
    texts += [r.getMessage() for r in caplog.records]
    assert any("401" in t or "Unauthorized" in t for t in texts)
    for secret in (password, wrong, "s3cret", "Wr0ng", "P%40ss"):
        assert not [t for t in texts if secret in t], secret


def test_corrupted_stream_keeps_playing(clips: Clips, tiles: Callable[..., Tile]) -> None:  # noqa: F811
    with rtsp_server({"/bad": clips.corrupt}) as s:
        tile = tiles(s.url("/bad"))
        tile.wait_state(StreamState.LIVE, 5)
        # 100 frames per loop of the clip: past the damaged stretch and round again.
        wait_for(lambda: tile.worker.counters.frames_decoded > 130, 15, "frames after damage")
        assert tile.worker.status.state is StreamState.LIVE
        assert tile.frame().image.shape == (270, 480, 4)


def test_resolution_change_mid_stream_is_reported(
    clips: Clips,  # noqa: F811
    tiles: Callable[..., Tile],
    tmp_path: Path,
) -> None:
    both = tmp_path / "switch.h264"
    both.write_bytes(clips.h264.read_bytes() + clips.h264_small.read_bytes())
    with rtsp_server({"/switch": both}) as s:
        tile = tiles(s.url("/switch"), (400, 400))
        first = tile.wait_state(StreamState.LIVE, 5)
        assert (first.width, first.height) == (640, 360)
        wait_for(lambda: tile.worker.status.width == 320, 10, "the 320x180 half")
        assert tile.worker.status.height == 180
        assert tile.worker.status.state is StreamState.LIVE
        seq = tile.worker.counters.frames_decoded
        frame = wait_for(
            lambda: (f := tile.mailbox.take().get("tile0")) is not None and f.seq > seq and f,
            5,
            "frames after the change",
        )
        assert frame.image.shape == (*decode_size(320, 180, 400, 400)[::-1], 4)


def test_h265_decodes_and_a_missing_gpu_falls_back_to_software(
    server: RtspServer, tiles: Callable[..., Tile]
) -> None:
    plain = tiles(server.url("/cam02/main"), (320, 240))
    status = plain.wait_state(StreamState.LIVE, 5)
    assert status.codec == "hevc"
    assert plain.frame().image.shape == (180, 320, 4)

    # No GPU here: "cuda" raises even with allow_software_fallback; the worker reopens in
    # software and says so on the tile.
    gpu = tiles(server.url("/cam02/main"), (320, 240), stream=StreamKind.MAIN, hwaccel="cuda")
    status = gpu.wait_state(StreamState.LIVE, 8)
    assert "software" in status.detail
    assert "cuda" in status.detail
    assert gpu.frame().image.shape == (180, 320, 4)
    assert gpu.worker.name == "decode:CAM01:main"


def test_h265_tile_falls_back_to_keyframes_only_and_back(
    server: RtspServer, tiles: Callable[..., Tile]
) -> None:
    # The CPU budget's fallback on an H.265 camera (Hikvision's and Dahua's usual main stream).
    tile = tiles(server.url("/cam02/main"), (320, 240))
    assert tile.wait_state(StreamState.LIVE, 5).codec == "hevc"
    tile.frame()
    tile.worker.set_keyframes_only(True)
    wait_for(lambda: tile.worker.status.keyframes_only, 5, "keyframes_only in the status")
    degraded_at = tile.worker.counters.frames_decoded
    tile.mailbox.take()
    seen: list[VideoFrame] = []
    wait_for(lambda: gather(tile.mailbox, seen, 2), 6, "H.265 keyframes")
    # A keyframe a second (the clip's GOP is 25 frames at 25 fps): only those come out, still
    # live and at the tile's size, and far fewer than the 25 a second of full decoding.
    assert all(f.keyframe for f in seen)
    assert all(f.image.shape == (180, 320, 4) for f in seen)
    assert tile.worker.status.state is StreamState.LIVE
    assert tile.worker.counters.frames_decoded - degraded_at <= 2 * len(seen) + 2

    tile.worker.set_keyframes_only(False)
    wait_for(lambda: not tile.worker.status.keyframes_only, 5, "full decoding again")
    restored_at = tile.worker.counters.frames_decoded
    wait_for(
        lambda: tile.worker.counters.frames_decoded - restored_at >= 10, 3, "every frame again"
    )
    later: list[VideoFrame] = []
    wait_for(lambda: gather(tile.mailbox, later, 5), 3, "frames after the fallback")
    assert not all(f.keyframe for f in later)


class FailingOnce(LatestMailbox[str, VideoFrame]):
    """A mailbox whose first put fails with a message naming the URL (as FFmpeg's do)."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message: str | None = message

    def put(self, key: str, value: VideoFrame) -> bool:
        message, self.message = self.message, None
        if message is not None:
            raise RuntimeError(message)
        return super().put(key, value)


def test_unexpected_error_is_shown_redacted_and_retried(
    clips: Clips,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    password = "Top:Secret@9"
    with rtsp_server({"/cam": clips.h264}, auth=("admin", password)) as s:
        url = with_credentials(s.url("/cam"), "admin", password)
        mailbox = FailingOnce(f"cannot store a frame of {url} ({password})")
        statuses = Statuses()
        worker = DecodeWorker(
            "CAM07", StreamKind.SUB, url, (64, 64), mailbox, "k", statuses, backoff_base_s=0.05
        )
        worker.start()
        try:
            wait_for(lambda: StreamState.ERROR in statuses.states(), 5, "the error shown")
            wait_for(lambda: mailbox.puts > 3, 5, "decoding again after the error")
        finally:
            worker.stop()
            assert worker.join(JOIN_S)
    errors = [st for st in statuses.all() if st.state is StreamState.ERROR]
    assert "cannot store a frame" in errors[0].detail
    assert StreamState.LIVE in statuses.states()[statuses.states().index(StreamState.ERROR) :]
    texts = [repr(st) for st in statuses.all()] + [r.getMessage() for r in caplog.records]
    assert any("Traceback" in t for t in texts)  # the log keeps the traceback, redacted
    for secret in (password, "Top%3ASecret%409", "Secret"):
        assert not [t for t in texts if secret in t], secret
