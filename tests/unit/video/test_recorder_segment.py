"""Segment files: hashed as written, remuxed from 0, cut back after a failed write, read back."""

from __future__ import annotations

import errno
import hashlib
import os
from fractions import Fraction
from pathlib import Path

import av
import av.error
import pytest

from tests.helpers.rtsp import Clips, clips  # noqa: F401 - the fixture
from video.recorder.segment import HashingFile, SegmentWriter, _Rebaser, file_hash, recover


def box(kind: bytes, payload: bytes) -> bytes:
    return (8 + len(payload)).to_bytes(4, "big") + kind + payload


def remux(src: Path, dst: Path, limit: int | None = None) -> tuple[SegmentWriter, int]:
    """Remux a clip file into a segment the way the recorder does; (writer, packets)."""
    with av.open(str(src)) as c:
        stream = c.streams.video[0]
        writer = SegmentWriter(dst, stream)
        n = 0
        for packet in c.demux(stream):
            if packet.size == 0:
                continue
            writer.write(packet)
            n += 1
            if limit is not None and n >= limit:
                break
    return writer, n


def frames_of(path: Path) -> tuple[int, bool]:
    n = 0
    try:
        with av.open(str(path)) as c:
            for _ in c.decode(video=0):
                n += 1
    except av.error.FFmpegError:
        return n, False
    return n, True


def test_hashing_file_hashes_counts_and_is_not_seekable(tmp_path: Path) -> None:
    f = HashingFile(tmp_path / "a.bin")
    assert not f.seekable()
    data = [b"x" * 10, bytearray(b"yz"), memoryview(b"0123456789abcdef")]
    assert [f.write(d) for d in data] == [10, 2, 16]
    f.close()
    f.close()  # idempotent
    raw = (tmp_path / "a.bin").read_bytes()
    assert raw == b"x" * 10 + b"yz0123456789abcdef"
    assert (f.size, f.sha256) == (len(raw), hashlib.sha256(raw).hexdigest())
    with pytest.raises(FileExistsError):
        HashingFile(tmp_path / "a.bin")  # never overwrites a segment


def test_truncate_to_safe_keeps_whole_boxes_and_their_hash(tmp_path: Path) -> None:
    head = box(b"ftyp", b"iso5" * 4) + box(b"moov", b"m" * 40)
    frag = box(b"moof", b"f" * 30) + box(b"mdat", b"d" * 500)
    f = HashingFile(tmp_path / "s.mp4")
    # Written in odd pieces, as FFmpeg's buffer hands them over.
    stream = head + frag + frag[:37]
    for i in range(0, len(stream), 13):
        f.write(stream[i : i + 13])
    assert f.safe_size == len(head + frag)
    f.truncate_to_safe()
    f.close()
    raw = (tmp_path / "s.mp4").read_bytes()
    assert raw == head + frag
    assert f.sha256 == hashlib.sha256(raw).hexdigest()


def test_a_failed_write_poisons_the_file(tmp_path: Path) -> None:
    f = HashingFile(tmp_path / "p.bin")
    f.error = OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(OSError, match="No space"):
        f.write(b"abc")
    f.close()
    assert (tmp_path / "p.bin").read_bytes() == b""


@pytest.mark.parametrize("codec", ["h264", "h265"])
def test_remux_is_whole_playable_and_starts_at_zero(
    tmp_path: Path,
    clips: Clips,  # noqa: F811
    codec: str,
) -> None:
    src = clips.h264 if codec == "h264" else clips.h265
    writer, packets = remux(src, tmp_path / "seg.mp4")
    result = writer.close()
    assert result.clean
    assert (result.size, result.sha256) == file_hash(writer.path)
    assert result.packets == packets
    end, size, digest, ok = recover(writer.path)
    assert ok
    assert (size, digest) == (result.size, result.sha256)
    assert end == pytest.approx(result.seconds)
    assert result.seconds == pytest.approx(packets / 25)
    assert frames_of(writer.path) == (packets, True)
    with av.open(str(writer.path)) as c:
        stream = c.streams.video[0]
        assert stream.codec_tag == ("avc1" if codec == "h264" else "hvc1")
        first = next(p for p in c.demux(stream) if p.size)
        assert first.is_keyframe
        assert first.dts == 0


def test_a_truncated_segment_opens_decodes_and_reads_back_damaged(
    tmp_path: Path,
    clips: Clips,  # noqa: F811
) -> None:
    writer, packets = remux(clips.h264, tmp_path / "seg.mp4")
    writer.close()
    data = writer.path.read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(data[: len(data) // 2 + 11])
    end, size, digest, ok = recover(cut)
    assert not ok
    assert (size, digest) == file_hash(cut)
    assert 0 < end < packets / 25
    frames, _ = frames_of(cut)
    # Every frame of the whole fragments decodes (a fragment is a second, 25 frames).
    assert frames >= round(end * 25) - 25
    assert frames > 0
    with pytest.raises(FileNotFoundError):
        recover(tmp_path / "gone.mp4")


def test_a_full_disk_mid_fragment_leaves_whole_fragments_and_their_hash(
    tmp_path: Path,
    clips: Clips,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    writer_box: list[SegmentWriter] = []
    real_write = os.write
    budget = 40_000  # bytes the "disk" takes: two fragments and a half

    def write(fd: int, data: bytes | memoryview) -> int:
        writer = writer_box[0] if writer_box else None
        if writer is None or writer.file._fd != fd:
            return real_write(fd, data)
        room = budget - writer.file.size
        if room <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, memoryview(data)[:room])  # a short write, as a full disk does

    def write_all(c: av.container.InputContainer) -> None:
        for packet in c.demux(video=0):
            if packet.size:
                writer_box[0].write(packet)

    monkeypatch.setattr(os, "write", write)
    with av.open(str(clips.h264)) as c:
        writer_box.append(SegmentWriter(tmp_path / "full.mp4", c.streams.video[0]))
        with pytest.raises(OSError, match="No space"):
            write_all(c)
    result = writer_box[0].close()
    monkeypatch.undo()
    assert not result.clean
    assert "No space" in result.error
    assert 0 < result.size < budget
    assert (result.size, result.sha256) == file_hash(tmp_path / "full.mp4")
    end, _, _, ok = recover(tmp_path / "full.mp4")
    assert ok
    assert end == pytest.approx(result.seconds)
    assert frames_of(tmp_path / "full.mp4") == (round(result.seconds * 25), True)


def test_rebaser_makes_timestamps_advance_whatever_the_camera_sends() -> None:
    tb = Fraction(1, 90_000)
    # GStreamer's test server: every timestamp 0 (or none).
    r = _Rebaser(tb, 3600)
    assert [r.stamp(None, None, 3600)[1] for _ in range(2)] == [0, 3600]
    assert [r.stamp(0, 0, 3600)[1] for _ in range(3)] == [7200, 10800, 14400]
    # A good camera: its spacing is kept from 0, a step back continues, a huge jump too.
    r = _Rebaser(tb, 3600)
    assert [r.stamp(t, t, 0)[1] for t in (900_000, 903_600, 907_200)] == [0, 3600, 7200]
    assert r.stamp(100, 100, 0)[1] == 10800
    assert r.stamp(3_700, 3_700, 0)[1] == 14400
    assert r.stamp(10**9, 10**9, 0)[1] == 18000
    # B-frames: pts ahead of dts stays ahead.
    r = _Rebaser(tb, 3600)
    assert r.stamp(7200, 0, 3600)[:2] == (7200, 0)
    assert r.end == 10800
