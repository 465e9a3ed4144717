"""An append-only local journal of checksummed, numbered records, replayed exactly once.

Format: segment files `<first seq, 20 digits>.jnl` in one folder, each a run of records
`b"TJ" | length u32 | seq u64 | crc32 u32 | payload` (little-endian; the CRC covers the
sequence number and the payload). A folder has an id of its own (`journal.id`, made once),
so the database's mark of "committed up to seq N" (table ingest_mark, written in the same
transaction as the items) can never be mistaken for another folder's numbering.

Guarantee. `append()` returns after one `write()` of the whole records to a file opened
O_APPEND: from then on the records survive the process being killed (kill -9, a crash, a
power-off of the GUI but not of the machine), because they are in the operating system's
page cache; they survive a power loss or an OS crash only once fsynced, which `append()` does
at most every `fsync_every_s` (and `sync()`/`close()` always). A record torn by a crash in
the middle of its write (or flipped bits) fails its length or CRC check: a torn tail is cut
off at the next open, a damaged record in the middle is skipped to the next valid one, and
both are logged with their offsets. Records come back from `read()` in sequence order; a
reader that commits the sequence number with what it wrote (and asks from there after a
restart) processes each record exactly once.
"""

from __future__ import annotations

import bisect
import contextlib
import logging
import os
import struct
import threading
import time
import uuid
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

MAGIC = b"TJ"
_HEADER = struct.Struct("<2sIQI")  # magic, payload length, sequence, crc32
HEADER_SIZE = _HEADER.size
MAX_RECORD = 1 << 20  # a payload longer than this is damage, not a record
SEGMENT_BYTES = 8 << 20
MAX_BYTES = 1 << 30  # beyond this, append() refuses (JournalFull): the disk is not endless
SUFFIX = ".jnl"
INDEX_EVERY = 128


class JournalFull(OSError):
    """The journal holds MAX_BYTES not yet committed: refuse, so the device retries."""


class JournalLocked(OSError):
    """Another process has this journal open."""


@dataclass
class _Segment:
    first: int  # the first sequence number it may hold
    path: Path
    size: int
    # (seq, offset) of every INDEX_EVERY-th record: a read starts near its first record
    # instead of scanning the segment from its start.
    index: list[tuple[int, int]] = field(default_factory=list)


def _crc(seq: int, payload: bytes) -> int:
    return zlib.crc32(payload, zlib.crc32(seq.to_bytes(8, "little")))


def encode_record(seq: int, payload: bytes) -> bytes:
    """One record's bytes."""
    return _HEADER.pack(MAGIC, len(payload), seq, _crc(seq, payload)) + payload


@dataclass
class ScanResult:
    """What a scan of a buffer found."""

    records: list[tuple[int, bytes]]
    ends: list[int]  # each record's end offset
    end: int  # the offset after the last whole, valid record
    skipped: int  # damaged bytes jumped over in the middle


def scan(buf: bytes | memoryview, start: int = 0, limit: int | None = None) -> ScanResult:
    """Valid records of a buffer from `start`: damage in the middle is skipped (resync on the
    next header whose CRC holds); an incomplete record at the end stops the scan."""
    records: list[tuple[int, bytes]] = []
    ends: list[int] = []
    pos = start
    n = len(buf)
    skipped = 0
    end = start
    data = buf if isinstance(buf, bytes) else bytes(buf)
    while pos + HEADER_SIZE <= n and (limit is None or len(records) < limit):
        magic, length, seq, crc = _HEADER.unpack_from(data, pos)
        if magic == MAGIC and length <= MAX_RECORD:
            stop = pos + HEADER_SIZE + length
            if stop > n:
                break  # incomplete: a torn tail, or one being written
            payload = data[pos + HEADER_SIZE : stop]
            if _crc(seq, payload) == crc:
                records.append((seq, payload))
                ends.append(stop)
                pos = end = stop
                continue
        # Damage: look for the next header that checks out.
        nxt = data.find(MAGIC, pos + 1)
        while nxt != -1 and nxt + HEADER_SIZE <= n:
            _magic, l2, s2, c2 = _HEADER.unpack_from(data, nxt)
            body = nxt + HEADER_SIZE
            if l2 <= MAX_RECORD and body + l2 <= n and _crc(s2, data[body : body + l2]) == c2:
                break
            nxt = data.find(MAGIC, nxt + 1)
        if nxt == -1 or nxt + HEADER_SIZE > n:
            break  # nothing valid follows: the rest is a torn tail
        skipped += nxt - pos
        pos = nxt
    return ScanResult(records, ends, end, skipped)


class Journal:
    """The journal folder, open for appending (one process at a time) and reading.

    Thread-safe: appends come from device threads, reads and commits from the writer.
    """

    def __init__(
        self,
        folder: Path,
        *,
        segment_bytes: int = SEGMENT_BYTES,
        max_bytes: int = MAX_BYTES,
        fsync_every_s: float = 1.0,
    ):
        self.folder = folder
        self.segment_bytes = segment_bytes
        self.max_bytes = max_bytes
        self.fsync_every_s = fsync_every_s
        self._lock = threading.Lock()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._lockfile = self._take_lock()
        self.id = self._read_id()
        self.torn_bytes = 0  # cut off at open
        self.skipped_bytes = 0  # damaged bytes jumped over (open and reads)
        self._segments: list[_Segment] = []
        self._bytes = 0
        self.last_seq = 0
        self._committed = 0
        self._open_segments()
        self._fd: int | None = None
        self._last_sync = time.monotonic()
        self._dirty = False
        self._cursor: tuple[int, int, int] | None = None  # (segment first, offset, next seq)

    # --- opening ------------------------------------------------------------------------
    def _take_lock(self) -> int | None:
        path = self.folder / "lock"
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: one console per user folder
            return fd
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise JournalLocked(f"journal {self.folder} is in use by another process") from None
        return fd

    def _read_id(self) -> str:
        path = self.folder / "journal.id"
        try:
            text = path.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            text = ""
        if len(text) == 32 and all(c in "0123456789abcdef" for c in text):
            return text
        new = uuid.uuid4().hex
        tmp = path.with_suffix(".tmp")
        tmp.write_text(new + "\n", encoding="ascii")
        os.replace(tmp, path)
        return new

    def _open_segments(self) -> None:
        found = []
        for p in self.folder.glob("*" + SUFFIX):
            with contextlib.suppress(ValueError):
                found.append(_Segment(int(p.stem), p, p.stat().st_size))
        found.sort(key=lambda seg: seg.first)
        for i, seg in enumerate(found):
            data = seg.path.read_bytes()
            result = scan(data)
            starts = [0, *result.ends[:-1]]
            seg.index = [
                (seq, start)
                for (seq, _), start in zip(result.records, starts, strict=True)
                if seq % INDEX_EVERY == 0
            ]
            if result.skipped:
                self.skipped_bytes += result.skipped
                log.warning(
                    "journal %s: %d damaged bytes skipped in %s",
                    self.folder,
                    result.skipped,
                    seg.path.name,
                )
            if result.end < len(data):
                torn = len(data) - result.end
                self.torn_bytes += torn
                log.warning(
                    "journal %s: torn tail of %d bytes at offset %d of %s cut off "
                    "(a write the process did not finish)",
                    self.folder,
                    torn,
                    result.end,
                    seg.path.name,
                )
                if i == len(found) - 1:
                    with open(seg.path, "r+b") as f:
                        f.truncate(result.end)
                    seg.size = result.end
            if result.records:
                self.last_seq = max(self.last_seq, result.records[-1][0])
            self.last_seq = max(self.last_seq, seg.first - 1)
        self._segments = found
        self._bytes = sum(seg.size for seg in found)  # in the segment files, kept up to date

    # --- appending ----------------------------------------------------------------------
    def append(self, payloads: Sequence[bytes]) -> int:
        """Write records for the payloads in one write(); the last sequence number given.

        JournalFull when MAX_BYTES wait uncommitted; OSError when the disk refuses.
        """
        with self._lock:
            if not payloads:
                return self.last_seq
            first = self.last_seq + 1
            seq = first - 1
            # encode_record inlined: every read a device delivers on its own comes here.
            pack, crc32 = _HEADER.pack, zlib.crc32
            parts: list[bytes] = []
            for p in payloads:
                seq += 1
                parts.append(pack(MAGIC, len(p), seq, crc32(p, crc32(seq.to_bytes(8, "little")))))
                parts.append(p)
            data = b"".join(parts)
            if self._bytes + len(data) > self.max_bytes:
                raise JournalFull(f"journal {self.folder} holds {self._bytes} bytes not committed")
            fd = self._writable(len(data))
            seg = self._segments[-1]
            if first + (-first) % INDEX_EVERY <= seq:  # an index entry falls in this write
                offset = seg.size
                for k, p in enumerate(payloads, first):
                    if k % INDEX_EVERY == 0:
                        seg.index.append((k, offset))
                    offset += HEADER_SIZE + len(p)
            written = os.write(fd, data)
            if written < len(data):
                view = memoryview(data)[written:]
                while view:
                    view = view[os.write(fd, view) :]
            seg.size += len(data)
            self._bytes += len(data)
            self.last_seq = seq
            self._dirty = True
            if time.monotonic() - self._last_sync >= self.fsync_every_s:
                self._sync_locked()
            return seq

    def _writable(self, size: int) -> int:
        seg = self._segments[-1] if self._segments else None
        if seg is not None and self._fd is not None and seg.size + size <= self.segment_bytes:
            return self._fd
        if seg is not None and seg.size + size <= self.segment_bytes:
            self._fd = os.open(seg.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            return self._fd
        # A new segment: the old one is complete (and synced: it may be all that is left).
        if self._fd is not None:
            self._sync_locked()
            os.close(self._fd)
        first = self.last_seq + 1
        path = self.folder / f"{first:020d}{SUFFIX}"
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self._segments.append(_Segment(first, path, 0))
        with contextlib.suppress(OSError):  # the new name is durable with the folder
            dfd = os.open(self.folder, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        return self._fd

    def sync(self) -> None:
        """fsync what was appended (shutdown; the writer at a low rate)."""
        with self._lock:
            self._sync_locked()

    def _sync_locked(self) -> None:
        if self._fd is not None and self._dirty:
            os.fsync(self._fd)
            self._dirty = False
        self._last_sync = time.monotonic()

    # --- reading and committing ---------------------------------------------------------
    def read(self, after: int, limit: int, upto: int | None = None) -> list[tuple[int, bytes]]:
        """Records with after < seq (≤ upto), in order, at most `limit`."""
        out: list[tuple[int, bytes]] = []
        with self._lock:
            upto = self.last_seq if upto is None else min(upto, self.last_seq)
            if after >= upto:
                return out
            want = after + 1
            for idx, seg in enumerate(self._segments):
                nxt = self._segments[idx + 1].first if idx + 1 < len(self._segments) else None
                if nxt is not None and nxt <= want:
                    continue  # everything in it is older
                offset = 0
                cur = self._cursor
                at_cursor = cur is not None and cur[0] == seg.first and cur[2] == want
                if cur is not None and at_cursor:
                    offset = cur[1]
                else:
                    k = bisect.bisect_right(seg.index, (want, 1 << 62)) - 1
                    if k >= 0:
                        offset = seg.index[k][1]
                # From the cursor (or an index entry) the records wanted come first: read and
                # scan no further than needed, more only when records are long.
                need = limit - len(out) + (0 if at_cursor else INDEX_EVERY)
                size = max(1 << 16, need * 256)
                with open(seg.path, "rb") as f:
                    while True:
                        f.seek(offset)
                        data = f.read(min(size, max(0, seg.size - offset)))
                        result = scan(data, 0, need)
                        if len(result.records) >= need or offset + len(data) >= seg.size:
                            break
                        size *= 4
                if result.skipped:
                    self.skipped_bytes += result.skipped
                    log.warning(
                        "journal %s: %d damaged bytes skipped reading %s",
                        self.folder,
                        result.skipped,
                        seg.path.name,
                    )
                for (seq, payload), end in zip(result.records, result.ends, strict=True):
                    if seq < want:
                        continue
                    if seq > upto or len(out) >= limit:
                        break
                    out.append((seq, payload))
                    # The next read of seq + 1 starts right after this record.
                    self._cursor = (seg.first, offset + end, seq + 1)
                if len(out) >= limit or (out and out[-1][0] >= upto):
                    break
            return out

    def committed(self, seq: int) -> None:
        """Everything up to `seq` is in the database: whole segments of it are deleted."""
        with self._lock:
            self._committed = max(self._committed, seq)
            while len(self._segments) > 1 and self._segments[1].first - 1 <= self._committed:
                old = self._segments.pop(0)
                self._bytes -= old.size
                with contextlib.suppress(FileNotFoundError):
                    old.path.unlink()
                if self._cursor is not None and self._cursor[0] == old.first:
                    self._cursor = None

    @property
    def pending_bytes(self) -> int:
        """Bytes in the journal's files (committed records of the open segment included)."""
        with self._lock:
            return sum(seg.size for seg in self._segments)

    def close(self) -> None:
        """Sync and close; appends after this raise."""
        with self._lock:
            if self._fd is not None:
                self._sync_locked()
                os.close(self._fd)
                self._fd = None
            self.max_bytes = -1  # refuse further appends
            if self._lockfile is not None:
                os.close(self._lockfile)
                self._lockfile = None
