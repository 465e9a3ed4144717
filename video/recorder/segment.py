"""One recorded segment: packets remuxed (never decoded) into fragmented MP4, hashed as written."""

from __future__ import annotations

import errno
import hashlib
import logging
import os
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import av.error

log = logging.getLogger(__name__)

# A fragment per keyframe, the (empty) moov first: every complete fragment on disk plays, so a
# process killed mid-segment leaves a file that opens and decodes up to its last fragment.
MOVFLAGS = "frag_keyframe+empty_moov+default_base_moof"
# Hand each finished fragment to the file at once instead of keeping up to 32 KB in FFmpeg's
# I/O buffer (what a kill -9 would lose).
MUX_OPTIONS = {"movflags": MOVFLAGS, "flush_packets": "1"}
# Packets whose timestamps jump ahead by more than this are a camera clock reset, not a pause.
MAX_JUMP_S = 10.0
DEFAULT_FPS = 25.0
_HASH_CHUNK = 1 << 20


class HashingFile:
    """A write-only, non-seekable file that hashes (SHA-256) and counts every byte it writes.

    It also follows the MP4's top-level boxes as they go by, so that after a failed write
    (ENOSPC) `truncate_to_safe()` can cut the file back to the end of its last complete
    fragment, with the hash of exactly those bytes. After a failed write every further write
    raises the same error: bytes after a hole would only garble the file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        # O_EXCL: a segment never overwrites another file (two recorders, a clock step back).
        self._fd: int | None = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        self._hash = hashlib.sha256()
        self._size = 0
        self.error: OSError | None = None
        # Box tracking: the header being read, the bytes left of the current box, its type.
        self._head = bytearray()
        self._left = 0
        self._box = b""
        self._tracking = True
        self._safe_size = 0
        self._safe_hash = self._hash.copy()

    # -- what PyAV calls ---------------------------------------------------------------------

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def write(self, data: bytes | bytearray | memoryview) -> int:
        """Append all of `data` (raises the OSError of a failed write, e.g. ENOSPC)."""
        if self.error is not None:
            raise self.error
        if self._fd is None:
            raise ValueError("write to a closed HashingFile")
        view = memoryview(data).cast("B")
        done = 0
        try:
            while done < len(view):
                n = os.write(self._fd, view[done:])
                if n <= 0:
                    raise OSError(errno.EIO, "write returned nothing", str(self.path))
                self._account(view[done : done + n])
                done += n
        except OSError as exc:
            self.error = exc
            raise
        return done

    def flush(self) -> None:
        """Nothing is buffered here: every write() reached the operating system."""

    def close(self) -> None:
        """Sync the bytes to the disk and close (idempotent; a failed sync is kept in `error`)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.fsync(fd)
        except OSError as exc:
            log.warning("%s: fsync failed: %s", self.path, exc)
            if self.error is None:
                self.error = exc
        finally:
            os.close(fd)

    # -- ours --------------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self._fd is None

    @property
    def size(self) -> int:
        """Bytes written (and on disk)."""
        return self._size

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the bytes written so far."""
        return self._hash.hexdigest()

    @property
    def safe_size(self) -> int:
        """The length up to the end of the last complete box that is not a bare `moof`."""
        return self._safe_size

    def truncate_to_safe(self) -> None:
        """Cut the file back to `safe_size` (frees space: works on a full disk).

        Works after `close()` too: PyAV closes the file when its container closes.
        """
        if self._size == self._safe_size:
            return
        if self._fd is not None:
            os.ftruncate(self._fd, self._safe_size)
        else:
            fd = os.open(self.path, os.O_WRONLY)
            try:
                os.ftruncate(fd, self._safe_size)
                os.fsync(fd)
            finally:
                os.close(fd)
        self._size = self._safe_size
        self._hash = self._safe_hash.copy()
        # Whatever box was in progress is gone with the bytes.
        self._head.clear()
        self._left = 0

    def _account(self, data: memoryview) -> None:
        """Hash and count `data`, noting each point where the file is a playable whole."""
        if not self._tracking:
            self._hash.update(data)
            self._size += len(data)
            return
        i = 0
        n = len(data)
        while i < n:
            if self._left == 0:
                # Reading a box header: 8 bytes, 16 with a 64-bit size.
                need = 16 if len(self._head) >= 8 and self._head[:4] == b"\0\0\0\1" else 8
                take = min(need - len(self._head), n - i)
                self._head += data[i : i + take]
                self._hash.update(data[i : i + take])
                self._size += take
                i += take
                if len(self._head) < need:
                    continue
                size = int.from_bytes(self._head[:4], "big")
                if size == 1 and need == 8:
                    continue  # the 64-bit size follows
                if size == 1:
                    size = int.from_bytes(self._head[8:16], "big")
                header = len(self._head)
                self._box = bytes(self._head[4:8])
                self._head.clear()
                if size == 0 or size < header:
                    # A box "to the end of the file" or nonsense: stop tracking, keep hashing.
                    self._tracking = False
                    self._hash.update(data[i:])
                    self._size += n - i
                    return
                self._left = size - header
                if self._left == 0:
                    self._box_done()
            else:
                take = min(self._left, n - i)
                self._hash.update(data[i : i + take])
                self._size += take
                i += take
                self._left -= take
                if self._left == 0:
                    self._box_done()

    def _box_done(self) -> None:
        # A moof without its mdat is not playable; every other complete box ends a whole file.
        if self._box != b"moof":
            self._safe_size = self._size
            self._safe_hash = self._hash.copy()


@dataclass(frozen=True, slots=True)
class SegmentResult:
    """A closed segment file: its length, hash and media seconds, and whether it closed cleanly."""

    size: int
    sha256: str
    seconds: float
    packets: int
    clean: bool  # False: a write failed and the file was cut back to its last fragment
    error: str = ""


class _Rebaser:
    """Output timestamps from 0 that always advance, whatever the camera sends.

    Cameras (and GStreamer's test server) send missing, repeated or jumping timestamps; the
    muxer refuses non-increasing ones. Good timestamps keep their spacing; a bad one continues
    from the last by one frame's duration.
    """

    def __init__(self, time_base: Fraction, frame_ticks: int) -> None:
        self.time_base = time_base
        self.frame_ticks = max(1, frame_ticks)
        self.max_jump = int(MAX_JUMP_S / time_base) if time_base else 0
        self.offset: int | None = None
        self.last_dts: int | None = None
        self.last_duration = self.frame_ticks
        self.end = 0  # the end of the last packet (its dts plus duration), in ticks

    def stamp(self, pts: int | None, dts: int | None, duration: int) -> tuple[int, int, int]:
        """(pts, dts, duration) for the next packet, from the input's values."""
        src = dts if dts is not None else pts
        candidate: int | None = None
        if src is not None and self.offset is not None:
            candidate = src + self.offset
        elif src is not None and self.last_dts is None:
            candidate = 0
        last = self.last_dts
        if (
            candidate is None
            or (last is not None and candidate <= last)
            or (last is not None and candidate - last > self.max_jump)
        ):
            out_dts = 0 if last is None else last + self.last_duration
        else:
            out_dts = candidate
        if src is not None:
            self.offset = out_dts - src
        if pts is not None and dts is not None and self.offset is not None:
            out_pts = max(out_dts, pts + self.offset)
        else:
            out_pts = out_dts
        if duration <= 0:
            duration = self.frame_ticks if last is None else max(1, out_dts - last)
        self.last_dts = out_dts
        self.last_duration = duration
        self.end = max(self.end, out_pts + duration, out_dts + duration)
        return out_pts, out_dts, duration


class SegmentWriter:
    """Remuxes one video stream's packets into a new fragmented-MP4 file, from time 0.

    Packets go in as the demuxer gives them (the first should be a keyframe); nothing is
    decoded or encoded. `close()` ends the file and says its size and SHA-256.
    """

    def __init__(self, path: Path, template: av.video.stream.VideoStream) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.file = HashingFile(path)
        ctx: Any = template.codec_context
        self.codec: str = str(ctx.name) if ctx is not None else ""
        try:
            self._out: Any = av.open(self.file, "w", format="mp4", options=MUX_OPTIONS)
            # H.265 plays in browsers and players only as hvc1 (FFmpeg's default is hev1).
            extra: dict[str, Any] = {"codec_tag": "hvc1"} if self.codec == "hevc" else {}
            self._stream: Any = self._out.add_stream_from_template(template, **extra)
        except BaseException:
            self.file.close()
            raise
        time_base = template.time_base or Fraction(1, 90_000)
        rate = template.average_rate or template.guessed_rate or Fraction(DEFAULT_FPS)
        self._rebaser = _Rebaser(time_base, round(1 / (rate * time_base)))
        self.packets = 0
        self._closed: SegmentResult | None = None

    @property
    def seconds(self) -> float:
        """Media seconds written so far (the end of the last packet)."""
        return float(self._rebaser.end * self._rebaser.time_base)

    @property
    def bytes_written(self) -> int:
        return self.file.size

    def write(self, packet: av.Packet[Any]) -> None:
        """Mux one packet (raises OSError on a failed write, e.g. errno ENOSPC)."""
        pts, dts, duration = self._rebaser.stamp(packet.pts, packet.dts, packet.duration or 0)
        packet.pts, packet.dts, packet.duration = pts, dts, duration
        packet.stream = self._stream
        self._out.mux(packet)
        self.packets += 1

    def close(self) -> SegmentResult:
        """Finish the file (last fragment, trailer, fsync); after a failed write, cut it back.

        Never raises for the file's own errors: they are in the result (clean False).
        """
        if self._closed is not None:
            return self._closed
        error = ""
        try:
            self._out.close()
        except (av.error.FFmpegError, OSError, ValueError) as exc:
            error = str(exc)
        if self.file.error is not None:
            error = error or str(self.file.error)
        clean = self.file.error is None and not error
        seconds = self.seconds
        if not clean:
            try:
                self.file.truncate_to_safe()
            except OSError as exc:
                log.warning("%s: truncate after a failed write failed: %s", self.path, exc)
        self.file.close()
        if not clean:
            # What is on disk now is complete fragments only; read back how long they last.
            seconds, _, _, _ = recover(self.path)
        self._closed = SegmentResult(
            self.file.size, self.file.sha256, seconds, self.packets, clean, error
        )
        return self._closed


def file_hash(path: Path) -> tuple[int, str]:
    """(size, hex SHA-256) of the bytes in a file."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(_HASH_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return size, h.hexdigest()


def boxes_whole(path: Path) -> bool:
    """True when the file is a sequence of complete MP4 boxes, the last not a bare moof."""
    size = path.stat().st_size
    pos = 0
    last = b""
    with open(path, "rb") as f:
        while pos < size:
            f.seek(pos)
            head = f.read(16)
            if len(head) < 8:
                return False
            box_size = int.from_bytes(head[:4], "big")
            if box_size == 1:
                if len(head) < 16:
                    return False
                box_size = int.from_bytes(head[8:16], "big")
            elif box_size == 0:
                box_size = size - pos
            if box_size < 8 or pos + box_size > size:
                return False
            last = head[4:8]
            pos += box_size
    return pos == size and size > 0 and last != b"moof"


def recover(path: Path) -> tuple[float, int, str, bool]:
    """Read back a possibly truncated segment: (end_seconds, size, sha256, ok).

    `end_seconds` is the end of the last whole packet the file holds; `ok` is True when the
    file reads to its end without damage (a clean close, or a kill between fragments).
    Raises FileNotFoundError when the file is gone.
    """
    size, digest = file_hash(path)
    end = 0.0
    ok = size > 0
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                return 0.0, size, digest, False
            stream = container.streams.video[0]
            time_base = stream.time_base or Fraction(1, 90_000)
            for packet in container.demux(stream):
                if packet.size == 0:
                    continue  # the demuxer's end-of-stream flush packet
                if packet.is_corrupt:
                    ok = False
                    break
                start = packet.pts if packet.pts is not None else packet.dts
                if start is None:
                    continue
                end = max(end, float((start + (packet.duration or 0)) * time_base))
    except (av.error.FFmpegError, OSError) as exc:
        log.info("%s: read back stopped: %s", path, exc)
        ok = False
    return end, size, digest, ok and boxes_whole(path)
