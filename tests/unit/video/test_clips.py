"""Clips: encoded in a child process, once even when two processes ask; failures are clear."""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.connection import Connection
from pathlib import Path

import av
import pytest

from video.clips import LOCK_NAME, ClipError, ClipSpec, ClipWaitError, ensure_clip, make_clip
from video.filelock import exclusive


def test_a_clip_is_encoded_once_in_a_child_process(tmp_path: Path) -> None:
    spec = ClipSpec("CAM-C1", width=160, height=96, seconds=1)
    path = ensure_clip(tmp_path / "one.h264", spec)
    with av.open(str(path)) as f:
        frames = sum(1 for _ in f.decode(video=0))
    assert frames == 25
    first = path.stat().st_mtime_ns
    assert ensure_clip(path, spec) == path
    assert path.stat().st_mtime_ns == first  # reused, not made again


def test_an_encoding_failure_is_a_clip_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(ClipError, match=r"one\.mkv: ValueError: .*\.h264 or \.h265"):
        ensure_clip(tmp_path / "one.mkv", ClipSpec("CAM-C2", width=160, height=96, seconds=1))
    assert not (tmp_path / "one.mkv").exists()


def _decoded_frames(path: Path) -> int:
    with av.open(str(path)) as f:
        return sum(1 for _ in f.decode(video=0))


def _ensure_in_process(path: str, seconds: int, done: Connection) -> None:
    try:
        # The demo's sub stream size: long enough to encode that the two makers overlap.
        ensure_clip(Path(path), ClipSpec("CAM-C3", width=640, height=360, seconds=seconds))
    except Exception as exc:
        done.send(f"{type(exc).__name__}: {exc}")
        return
    done.send("")


def test_two_processes_making_the_same_clip_both_get_it(tmp_path: Path) -> None:
    # The console and its recorder generate the demo's clips into one folder on a first run;
    # they used to share one ".part" name, and the one that renamed second failed.
    path = tmp_path / "clips" / "cam01-sub.h264"
    ctx = multiprocessing.get_context("spawn")
    pipes = [ctx.Pipe(duplex=False) for _ in range(2)]
    makers = [
        ctx.Process(target=_ensure_in_process, args=(str(path), 4, send), name=f"maker{i}")
        for i, (_, send) in enumerate(pipes)
    ]
    for p in makers:
        p.start()
    outcomes = [receive.recv() if receive.poll(120) else "no answer" for receive, _ in pipes]
    for p in makers:
        p.join(10)
    assert outcomes == ["", ""]
    assert _decoded_frames(path) == 100
    assert sorted(f.name for f in path.parent.iterdir()) == [LOCK_NAME, path.name]


def test_a_clip_another_process_is_making_is_waited_for_not_made_again(tmp_path: Path) -> None:
    path = tmp_path / "cam02-sub.h264"
    waiting = threading.Event()

    def note_the_wait() -> bool:
        waiting.set()
        return False

    result: list[Path | BaseException] = []

    def make() -> None:
        try:
            spec = ClipSpec("CAM-C4", width=160, height=96, seconds=1)
            result.append(ensure_clip(path, spec, should_stop=note_the_wait))
        except BaseException as exc:
            result.append(exc)

    # "Another process" holds the folder's lock for its whole run of clips: the waiting one
    # takes the clip as soon as it is there, not when the lock is free at last.
    with exclusive(tmp_path / LOCK_NAME, 5.0):
        maker = threading.Thread(target=make, name="test-clip-maker")
        maker.start()
        assert waiting.wait(10)
        path.write_bytes(b"made by the other process")
        maker.join(30)
        assert result == [path]
    assert path.read_bytes() == b"made by the other process"


def test_a_wait_for_another_maker_ends_when_the_caller_stops(tmp_path: Path) -> None:
    with (
        exclusive(tmp_path / LOCK_NAME, 5.0),
        pytest.raises(ClipWaitError, match=r"three\.h264: not made: .* held by another"),
    ):
        ensure_clip(
            tmp_path / "three.h264",
            ClipSpec("CAM-C5", width=160, height=96, seconds=1),
            should_stop=lambda: True,
        )
    assert not (tmp_path / "three.h264").exists()


def test_a_failed_encoding_leaves_no_partial_file(tmp_path: Path) -> None:
    # An odd width cannot be 4:2:0: libx264 refuses it once the first frame is sent.
    with pytest.raises(Exception):  # noqa: B017, PT011 - FFmpeg's own error type
        make_clip(tmp_path / "odd.h264", ClipSpec("CAM-C6", width=161, height=96, seconds=1))
    assert list(tmp_path.iterdir()) == []


def test_a_killed_makers_partial_file_is_removed_by_the_next_maker(tmp_path: Path) -> None:
    path = tmp_path / "cam03-sub.h264"
    stale = tmp_path / "cam03-sub.h264.4242-abcdef.part"  # its maker was killed mid-clip
    stale.write_bytes(b"half a clip")
    ensure_clip(path, ClipSpec("CAM-C7", width=160, height=96, seconds=1))
    assert not stale.exists()
    assert _decoded_frames(path) == 25
