"""Decode workers on files (the demo's fallback) and the worker's pure helpers."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import pytest

from core.mailbox import LatestMailbox
from core.video import StreamKind, StreamState, StreamStatus, VideoFrame
from video.clips import ClipSpec, ensure_clip
from video.decode import DecodeWorker, backoff_delay, fit_size, thread_name

JOIN_S = 5.0


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One second of 320x180 H.264 at 25 fps (25 frames)."""
    spec = ClipSpec("FILE", width=320, height=180, seconds=1)
    return ensure_clip(tmp_path_factory.mktemp("clips") / "one.h264", spec)


@pytest.fixture(scope="module")
def unsupported(clip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Matroska file whose codec id names no codec FFmpeg has a decoder for."""
    mkv = tmp_path_factory.mktemp("mkv") / "unknown.mkv"
    with av.open(str(clip)) as src, av.open(str(mkv), "w") as out:
        ist = src.streams.video[0]
        ost = out.add_stream_from_template(ist)
        for i, packet in enumerate(p for p in src.demux(ist) if p.size):
            packet.stream = ost
            packet.pts = packet.dts = i
            packet.time_base = Fraction(1, 25)
            out.mux(packet)
    data = mkv.read_bytes()
    assert data.count(b"V_MPEG4/ISO/AVC") == 1
    mkv.write_bytes(data.replace(b"V_MPEG4/ISO/AVC", b"V_XXXXX/ISO/AVC"))
    return mkv


class Statuses:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.items: list[StreamStatus] = []

    def __call__(self, status: StreamStatus) -> None:
        with self._lock:
            self.items.append(status)


def wait_for(what: Callable[[], Any], timeout: float, message: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := what():
            return value
        time.sleep(0.02)
    pytest.fail(f"not within {timeout} s: {message}")


def gather(mailbox: LatestMailbox[str, VideoFrame], into: list[VideoFrame], n: int) -> bool:
    """Move the mailbox's new frames into `into`; True once it holds `n`."""
    into.extend(mailbox.take().values())
    return len(into) >= n


@pytest.fixture
def workers() -> Iterator[Callable[..., DecodeWorker]]:
    made: list[DecodeWorker] = []

    def make(
        url: str,
        on_status: Callable[[StreamStatus], None] | None = None,
        mailbox: LatestMailbox[str, VideoFrame] | None = None,
        size: tuple[int, int] = (160, 160),
        **kw: Any,
    ) -> DecodeWorker:
        worker = DecodeWorker(
            "CAM09",
            StreamKind.SUB,
            url,
            size,
            mailbox if mailbox is not None else LatestMailbox(),
            "k",
            on_status or Statuses(),
            **kw,
        )
        made.append(worker)
        worker.start()
        return worker

    yield make
    for w in made:
        w.stop()
    for w in made:
        assert w.join(JOIN_S), w.name


def test_backoff_doubles_up_to_the_cap_with_bounded_jitter() -> None:
    mid = [backoff_delay(n, rng=lambda: 0.5) for n in range(1, 8)]
    assert mid == [0.5, 1.0, 2.0, 4.0, 8.0, 10.0, 10.0]
    assert backoff_delay(1, rng=lambda: 0.0) == pytest.approx(0.4)
    assert backoff_delay(2, rng=lambda: 1.0) == pytest.approx(1.2)
    assert backoff_delay(9, rng=lambda: 1.0) == 10.0  # jitter never exceeds the cap


def test_fit_keeps_the_display_aspect_inside_the_tile() -> None:
    assert fit_size(640, 360, 480, 300) == (480, 270)
    assert fit_size(640, 360, 300, 480) == (300, 169)
    assert fit_size(320, 180, 640, 720) == (640, 360)  # scaled up to the tile
    assert fit_size(704, 576, 800, 576, pixel_aspect=12 / 11) == (768, 576)  # D1's wide pixels
    assert fit_size(704, 576, 800, 576) == (704, 576)
    assert fit_size(0, 0, 10, 10) == (10, 10)
    assert fit_size(4000, 10, 100, 100) == (100, 1)  # never below one pixel


def test_thread_names_say_camera_and_stream() -> None:
    assert thread_name("CAM01", StreamKind.SUB) == "decode:CAM01"
    assert thread_name("CAM01", StreamKind.MAIN) == "decode:CAM01:main"


def test_file_plays_in_real_time_and_loops(
    clip: Path, workers: Callable[..., DecodeWorker]
) -> None:
    mailbox: LatestMailbox[str, VideoFrame] = LatestMailbox()
    statuses = Statuses()
    started = time.monotonic()
    worker = workers(str(clip), statuses, mailbox, (160, 160))
    assert worker.name == "decode:CAM09"
    frame = wait_for(lambda: mailbox.take().get("k"), 5, "a frame")
    assert frame.image.shape == (90, 160, 4)
    # 25 frames a second: past the end of the 25-frame clip means it looped.
    wait_for(lambda: worker.counters.frames_decoded > 30, 5, "a second loop")
    decoded = worker.counters.frames_decoded
    # Paced like a camera, not as fast as the decoder can go (that would be thousands).
    assert decoded <= (time.monotonic() - started + 1.0) * 25
    assert [s.state for s in statuses.items][:2] == [StreamState.CONNECTING, StreamState.LIVE]
    assert worker.status.state is StreamState.LIVE
    assert worker.counters.reconnects == 0
    # Nobody takes frames: they are dropped and counted, never queued.
    wait_for(lambda: mailbox.drops > 3, 5, "drops")
    assert len(mailbox) == 1


def test_file_url_and_resize(clip: Path, workers: Callable[..., DecodeWorker]) -> None:
    mailbox: LatestMailbox[str, VideoFrame] = LatestMailbox()
    worker = workers(clip.as_uri(), mailbox=mailbox, size=(64, 64))
    assert wait_for(lambda: mailbox.take().get("k"), 5, "a frame").image.shape == (36, 64, 4)
    worker.set_size(320, 400)
    wait_for(
        lambda: (f := mailbox.take().get("k")) is not None and f.image.shape == (180, 320, 4),
        5,
        "frames at the new size",
    )
    with pytest.raises(ValueError):  # noqa: PT011
        worker.set_size(0, 10)


def test_unknown_codec_is_unsupported_until_retried(
    unsupported: Path, workers: Callable[..., DecodeWorker]
) -> None:
    worker = workers(str(unsupported), backoff_base_s=0.01)
    status = wait_for(
        lambda: (s := worker.status).state is StreamState.UNSUPPORTED and s, 5, "unsupported"
    )
    assert "decoder" in status.detail
    time.sleep(0.3)  # no retry on its own
    assert worker.counters.opens == 1
    worker.retry()
    wait_for(lambda: worker.counters.opens == 2, 5, "the operator's retry")
    wait_for(lambda: worker.status.state is StreamState.UNSUPPORTED, 5, "unsupported again")


def test_missing_file_retries_and_goes_offline(
    tmp_path: Path, workers: Callable[..., DecodeWorker]
) -> None:
    worker = workers(str(tmp_path / "gone.h264"), backoff_base_s=0.01, backoff_cap_s=0.05)
    status = wait_for(lambda: (s := worker.status).state is StreamState.OFFLINE and s, 5, "offline")
    assert status.since is not None
    assert status.attempt > 3


@pytest.mark.parametrize("device", ["cuda", "vaapi"])
def test_hardware_decoder_without_hardware_still_gives_frames(
    clip: Path, workers: Callable[..., DecodeWorker], device: str
) -> None:
    mailbox: LatestMailbox[str, VideoFrame] = LatestMailbox()
    worker = workers(str(clip), mailbox=mailbox, hwaccel=device)
    assert wait_for(lambda: mailbox.take().get("k"), 5, "a frame").image.shape == (90, 160, 4)
    status = wait_for(lambda: (s := worker.status).state is StreamState.LIVE and s, 5, "live")
    # No GPU on this machine: cuda raises and the worker reopens in software, vaapi falls
    # back silently; either way the tile says it decodes in software.
    assert "software" in status.detail
    assert device in status.detail


def test_a_failing_status_callback_does_not_stop_decoding(
    clip: Path, workers: Callable[..., DecodeWorker], caplog: pytest.LogCaptureFixture
) -> None:
    def broken(status: StreamStatus) -> None:
        raise RuntimeError("widget gone")

    worker = workers(str(clip), broken)
    wait_for(lambda: worker.counters.frames_decoded > 5, 5, "frames despite the callback")
    assert worker.status.state is StreamState.LIVE
    assert any("status callback failed" in r.getMessage() for r in caplog.records)


def test_stop_before_and_after(clip: Path) -> None:
    worker = DecodeWorker("C", StreamKind.MAIN, str(clip), (8, 8), LatestMailbox(), 1, Statuses())
    assert worker.join(0.1)  # never started
    assert not worker.alive
    worker.start()
    with pytest.raises(RuntimeError):
        worker.start()
    worker.stop()
    assert worker.join(JOIN_S)
    assert worker.status.state is StreamState.IDLE


def test_keyframes_only_on_a_file(clip: Path, workers: Callable[..., DecodeWorker]) -> None:
    mailbox: LatestMailbox[str, VideoFrame] = LatestMailbox()
    worker = workers(str(clip), mailbox=mailbox, keyframes_only=True)
    frames: list[VideoFrame] = []
    wait_for(lambda: gather(mailbox, frames, 2), 5, "keyframes")
    assert all(f.keyframe for f in frames)
    assert worker.status.keyframes_only
