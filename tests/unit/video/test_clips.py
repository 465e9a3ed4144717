"""Clips are encoded in a child process: a clip is made once, and a failure is a clear error."""

from __future__ import annotations

from pathlib import Path

import av
import pytest

from video.clips import ClipError, ClipSpec, ensure_clip


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
