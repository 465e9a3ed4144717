"""Evidence bundles: recorded segments cut at keyframes without re-encoding, hashed and signed."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import logging
import os
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

import av

from core.recording import Gap, Segment, SegmentState
from video import verify_bundle
from video.verify_bundle import FORMAT, MANIFEST, PUBLIC_KEY, SIGNATURE, fingerprint

if TYPE_CHECKING:  # cryptography loads where a key is used
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
VERIFIER = "verify_bundle.py"
README = "README.txt"
_CHUNK = 1 << 20
Progress = Callable[[int, int], None]


class EvidenceError(Exception):
    """The bundle could not be made; the message says why. No bundle was left behind."""


class BundleExists(EvidenceError):
    """The destination exists: a bundle is never overwritten."""


class SourceError(EvidenceError):
    """A recorded segment is missing, truncated, altered or unreadable; names the segment."""


class ExportCancelled(EvidenceError):
    """The export was cancelled; nothing was left behind."""


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export and who asks, why (all times timezone-aware; the range is [start, end))."""

    cameras: tuple[str, ...]
    start: datetime
    end: datetime
    operator: str
    workstation: str
    reason: str
    tool_version: str
    incident_id: int | None = None
    # The incident's timeline, written as timeline.csv and timeline.json: dicts (column ->
    # value), or tuples whose column names are `timeline_columns`.
    timeline: tuple[Mapping[str, object] | tuple[object, ...], ...] = ()
    timeline_columns: tuple[str, ...] = ()
    # Call recordings of the incident, copied under calls/.
    call_recordings: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class VideoFile:
    """One video file of a bundle and the stretch of recording it holds."""

    path: str  # relative to the bundle, '/'-separated
    camera: str
    start: datetime
    end: datetime
    source: str  # the segment's path under the recording root
    source_sha256: str
    cut: bool  # remuxed from part of the segment (else a byte-for-byte copy)
    bytes: int
    sha256: str
    source_state: SegmentState = SegmentState.COMPLETE


@dataclass(frozen=True, slots=True)
class ExportResult:
    """A finished bundle; `manifest_sha256` goes into the audit log."""

    path: Path
    manifest_sha256: str
    files: int
    bytes: int
    videos: tuple[VideoFile, ...]
    key_fingerprint: str | None  # None when unsigned
    seconds: float


@dataclass(slots=True)
class _Listed:
    """The files written so far, for the manifest."""

    files: dict[str, tuple[int, str]] = field(default_factory=dict)

    def add(self, rel: str, size: int, digest: str) -> None:
        self.files[rel] = (size, digest)


class _Meter:
    """Progress in source bytes, and the cancel check at every step."""

    def __init__(
        self, total: int, progress: Progress | None, cancel: threading.Event | None
    ) -> None:
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress
        self._cancel = cancel

    def check(self) -> None:
        if self._cancel is not None and self._cancel.is_set():
            raise ExportCancelled("export cancelled")

    def advance(self, n: int, *, count: bool = True) -> None:
        self.check()
        if not count:  # bytes read a second time (a copy after the hash check)
            return
        self.done += n
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)


def iso(ts: datetime) -> str:
    """A UTC time as the manifest writes it: '2026-11-30T10:00:00.000+00:00'."""
    if ts.tzinfo is None:
        raise ValueError("evidence times must be timezone-aware")
    return ts.astimezone(UTC).isoformat(timespec="milliseconds")


def _safe_name(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text) or "camera"


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    # Directories cannot be opened on Windows and some file systems refuse fsync on them:
    # the files' own fsync is what matters there.
    with contextlib.suppress(OSError):
        _fsync(path)


def _write_bytes(path: Path, data: bytes) -> str:
    with open(path, "xb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    return hashlib.sha256(data).hexdigest()


def _copy_hashed(
    src: Path, dst: Path, meter: _Meter, *, count: bool = True, limit: int | None = None
) -> tuple[int, str]:
    """Copy byte for byte (never a link: the destination may be a USB drive); size and hash."""
    h = hashlib.sha256()
    size = 0
    with open(src, "rb") as fin, open(dst, "xb") as fout:
        while limit is None or size < limit:
            chunk = fin.read(_CHUNK if limit is None else min(_CHUNK, limit - size))
            if not chunk:
                break
            h.update(chunk)
            fout.write(chunk)
            size += len(chunk)
            meter.advance(len(chunk), count=count)
        fout.flush()
        os.fsync(fout.fileno())
    return size, h.hexdigest()


def _hash_file(path: Path, meter: _Meter | None = None) -> tuple[int, str]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while True:
            chunk = f.read(_CHUNK)
            if not chunk:
                break
            h.update(chunk)
            size += len(chunk)
            if meter is not None:
                meter.advance(len(chunk))
    return size, h.hexdigest()


# --- which segments, and where to cut them ---------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Piece:
    camera: str
    segment: Segment
    source: Path
    cut_start: bool  # the requested start falls inside the segment
    cut_end: bool  # the requested end falls inside the segment


def _plan(
    request: ExportRequest, segments: Mapping[str, Sequence[Segment]], root: Path
) -> list[_Piece]:
    pieces: list[_Piece] = []
    for camera in dict.fromkeys(request.cameras):
        rows = sorted(segments.get(camera, ()), key=lambda s: (s.start, s.id))
        for seg in rows:
            if seg.end <= request.start or seg.start >= request.end:
                continue
            source = root / seg.path
            _check_source(seg, source)
            pieces.append(
                _Piece(
                    camera=camera,
                    segment=seg,
                    source=source,
                    cut_start=seg.start < request.start,
                    cut_end=request.end < seg.end,
                )
            )
    if not pieces:
        raise EvidenceError(
            f"nothing was recorded by {', '.join(request.cameras)} between "
            f"{iso(request.start)} and {iso(request.end)}"
        )
    return pieces


def _check_source(seg: Segment, source: Path) -> None:
    """Refuse before writing anything when a segment is gone or cut short."""
    name = f"segment {seg.id} of {seg.camera} ({seg.path})"
    try:
        size = source.stat().st_size
    except FileNotFoundError:
        raise SourceError(f"{name} is missing from the recording folder ({source})") from None
    except OSError as exc:
        raise SourceError(f"{name} cannot be read: {exc.strerror}") from None
    if seg.state is not SegmentState.WRITING and seg.bytes and size != seg.bytes:
        what = "truncated" if size < seg.bytes else "longer than recorded"
        raise SourceError(f"{name} is {what}: {size:,} bytes, the index says {seg.bytes:,}")


def _check_hash(piece: _Piece, size: int, digest: str) -> None:
    seg = piece.segment
    name = f"segment {seg.id} of {seg.camera} ({seg.path})"
    if seg.bytes and size != seg.bytes:
        raise SourceError(f"{name} changed while it was read: {size:,} bytes, not {seg.bytes:,}")
    if seg.sha256 and digest != seg.sha256.lower():
        raise SourceError(f"{name} does not match the SHA-256 recorded when it was written")


@dataclass(frozen=True, slots=True)
class _VideoPacketInfo:
    index: int  # position among the video packets, in decode order
    pts: int
    keyframe: bool


@dataclass(frozen=True, slots=True)
class _Scan:
    packets: list[_VideoPacketInfo]
    time_base: Fraction
    last_end: int  # pts just after the last packet (its pts plus its duration)


def _scan(source: Path, name: str) -> _Scan:
    """The video packets' timestamps and keyframe flags (demux only, nothing decoded)."""
    infos: list[_VideoPacketInfo] = []
    last_end = 0
    with av.open(str(source)) as container:
        if not container.streams.video:
            raise SourceError(f"{name} has no video stream")
        stream = container.streams.video[0]
        time_base = stream.time_base
        for packet in container.demux(stream):
            if packet.size == 0:
                continue
            pts = packet.pts if packet.pts is not None else packet.dts
            if pts is None:
                continue
            infos.append(_VideoPacketInfo(len(infos), int(pts), bool(packet.is_keyframe)))
            last_end = max(last_end, int(pts) + int(packet.duration or 0))
    if not infos or time_base is None:
        raise SourceError(f"{name} holds no complete video packet")
    return _Scan(infos, time_base, last_end)


def _cut_points(
    piece: _Piece, request: ExportRequest, scan: _Scan, live: bool
) -> tuple[int, int | None, datetime, datetime]:
    """First and stop packet index and the wall times they stand for.

    Wall time of a packet: the segment's start plus its pts minus the first pts (a segment
    begins with its first packet). The cut starts at the last keyframe at or before the
    requested start and stops before the first keyframe at or after the requested end, so the
    file covers the whole requested stretch.
    """
    seg = piece.segment
    infos, tb = scan.packets, scan.time_base
    first_pts = min(i.pts for i in infos)

    def wall(pts: int) -> datetime:
        return seg.start + timedelta(seconds=float((pts - first_pts) * tb))

    keys = [i for i in infos if i.keyframe] or infos[:1]
    begin = keys[0]
    if piece.cut_start:
        for k in keys:
            if wall(k.pts) <= request.start:
                begin = k
    stop: _VideoPacketInfo | None = None
    if piece.cut_end or live:
        stop = next((k for k in keys if k.index > begin.index and wall(k.pts) >= request.end), None)
    start_at = wall(begin.pts) if begin.index > 0 else seg.start
    # A segment still being written ends where its last complete fragment does.
    end_at = wall(scan.last_end) if live else seg.end
    if stop is not None:
        end_at = wall(stop.pts)
    return begin.index, (stop.index if stop is not None else None), start_at, end_at


def _remux(source: Path, dst: Path, first: int, stop: int | None, meter: _Meter) -> None:
    """Copy the video packets [first, stop) and the audio of the same stretch, unchanged."""
    with av.open(str(source)) as inp, av.open(str(dst), "w", format="mp4") as out:
        vin = inp.streams.video[0]
        streams = [vin, *inp.streams.audio]
        mapping = {s.index: out.add_stream_from_template(s) for s in streams}
        offset: float | None = None  # seconds of the first kept keyframe
        end_time: float | None = None
        index = -1
        for packet in inp.demux(streams):
            meter.check()
            if packet.dts is None or packet.size == 0 or packet.time_base is None:
                continue
            tb = packet.time_base
            when = float((packet.pts if packet.pts is not None else packet.dts) * tb)
            if packet.stream.index == vin.index:
                index += 1
                if index < first:
                    continue
                if stop is not None and index >= stop:
                    end_time = when
                    break
                if offset is None:
                    offset = float(packet.dts * tb)
            elif offset is None or when < offset or (end_time is not None and when >= end_time):
                continue
            shift = round(offset / tb)
            packet.dts -= shift
            if packet.pts is not None:
                packet.pts -= shift
            packet.stream = mapping[packet.stream.index]
            out.mux(packet)


# --- the bundle ---------------------------------------------------------------------------------
def _video_name(camera: str, n: int, start: datetime) -> str:
    return f"video/{_safe_name(camera)}/{n:03d}_{start.astimezone(UTC):%Y%m%dT%H%M%S}Z.mp4"


def _snapshot(piece: _Piece, scratch: Path, meter: _Meter) -> tuple[Path, int, str]:
    """A copy of a segment still being written, cut after its last complete fragment."""
    seg = piece.segment
    path = scratch / f"writing-{seg.id}.mp4"
    size = piece.source.stat().st_size
    _copy_hashed(piece.source, path, meter, limit=size)
    complete = _complete_boxes(path)
    if complete < size:
        os.truncate(path, complete)
    size, digest = _hash_file(path)
    return path, size, digest


def _complete_boxes(path: Path) -> int:
    """Bytes up to the end of the last whole top-level box that is not a fragment header
    (a fragment being written leaves a moof, or an mdat cut short, at the end)."""
    good = 0
    at = 0
    total = path.stat().st_size
    with open(path, "rb") as f:
        while at + 8 <= total:
            f.seek(at)
            head = f.read(16)
            size = int.from_bytes(head[:4], "big")
            kind = head[4:8]
            if size == 1 and len(head) == 16:
                size = int.from_bytes(head[8:16], "big")
            if size < 8 or at + size > total:
                break
            at += size
            if kind != b"moof":
                good = at
    return good


def _export_piece(
    piece: _Piece, n: int, request: ExportRequest, work: Path, scratch: Path, meter: _Meter
) -> VideoFile:
    seg = piece.segment
    name = f"segment {seg.id} of {seg.camera} ({seg.path})"
    live = seg.state is SegmentState.WRITING
    source = piece.source
    digest = ""
    hashed = False
    first, stop, start_at, end_at = 0, None, seg.start, seg.end
    if live:
        # Its hash is not known yet: the bundle states the hash of the part that was read.
        source, _size, digest = _snapshot(piece, scratch, meter)
        hashed = True
    cut = piece.cut_start or piece.cut_end or live
    if cut:
        if not hashed:
            # The segment's own hash first: a cut of an altered recording is no evidence.
            size, digest = _hash_file(source, meter)
            _check_hash(piece, size, digest)
            hashed = True
        try:
            scan = _scan(source, name)
        except av.FFmpegError as exc:
            raise SourceError(f"{name} cannot be read: {exc}") from exc
        first, stop, start_at, end_at = _cut_points(piece, request, scan, live)
        cut = first > 0 or stop is not None
    if cut:
        rel = _video_name(piece.camera, n, start_at)
        dst = work.joinpath(*rel.split("/"))
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            _remux(source, dst, first, stop, meter)
        except av.FFmpegError as exc:
            raise SourceError(f"{name} cannot be cut: {exc}") from exc
        _fsync(dst)
        out_size, out_digest = _hash_file(dst)
        return VideoFile(
            path=rel,
            camera=piece.camera,
            start=start_at,
            end=end_at,
            source=seg.path,
            source_sha256=digest,
            cut=True,
            bytes=out_size,
            sha256=out_digest,
            source_state=seg.state,
        )
    rel = _video_name(piece.camera, n, seg.start)
    dst = work.joinpath(*rel.split("/"))
    dst.parent.mkdir(parents=True, exist_ok=True)
    size, copied = _copy_hashed(source, dst, meter, count=not hashed)
    if hashed and copied != digest:
        raise SourceError(f"{name} changed while it was exported")
    _check_hash(piece, size, copied)
    return VideoFile(
        path=rel,
        camera=piece.camera,
        start=seg.start,
        end=end_at,
        source=seg.path,
        source_sha256=copied,
        cut=False,
        bytes=size,
        sha256=copied,
        source_state=seg.state,
    )


def _not_covered(
    request: ExportRequest, segments: Iterable[Segment]
) -> list[tuple[datetime, datetime]]:
    """Stretches of the requested range no segment covers."""
    holes: list[tuple[datetime, datetime]] = []
    at = request.start
    for seg in sorted(segments, key=lambda s: s.start):
        if seg.end <= at or seg.start >= request.end:
            continue
        if seg.start > at:
            holes.append((at, seg.start))
        at = max(at, seg.end)
    if at < request.end:
        holes.append((at, request.end))
    return holes


def _cell(value: object) -> object:
    if isinstance(value, datetime):
        return iso(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _timeline_files(
    rows: Sequence[Mapping[str, object] | tuple[object, ...]], names: Sequence[str]
) -> tuple[bytes, bytes]:
    dicts: list[Mapping[str, object]] = []
    for row in rows:
        if isinstance(row, tuple):
            if len(row) != len(names):
                raise EvidenceError(
                    f"a timeline row has {len(row)} values for {len(names)} columns"
                )
            dicts.append(dict(zip(names, row, strict=True)))
        else:
            dicts.append(row)
    columns: list[str] = list(names)
    for d in dicts:
        columns.extend(k for k in d if k not in columns)
    plain = [{k: _cell(d.get(k)) for k in columns} for d in dicts]
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(plain)
    # UTF-8 with a BOM: Excel on a Chinese Windows PC opens it by double-click.
    csv_bytes = text.getvalue().encode("utf-8-sig")
    json_bytes = (json.dumps(plain, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return csv_bytes, json_bytes


def _readme(request: ExportRequest, key_fp: str | None) -> bytes:
    key_zh = (
        f"本证据包由街道办的密钥签名，密钥指纹：\n  {key_fp}\n请与街道办公布的指纹逐字核对。"
        if key_fp
        else "本证据包未签名；请以审计日志中登记的清单 SHA-256 核对 manifest.json。"
    )
    key_en = (
        f"The bundle is signed with the street office's key, fingerprint:\n  {key_fp}\n"
        "Compare it digit by digit with the fingerprint the street office published."
        if key_fp
        else "The bundle is not signed: compare the SHA-256 of manifest.json with the one "
        "recorded in the street office's audit log."
    )
    text = f"""街道智能总控台 视频证据包
=========================

摄像机：{", ".join(request.cameras)}
时间范围（UTC，北京时间 = UTC+8）：{iso(request.start)} 至 {iso(request.end)}

如何校验（需要 Python 3.8 或更高版本，无需安装其他软件）：
  在本文件夹中打开命令行，运行
    python3 verify_bundle.py .
  （Windows 上为 py verify_bundle.py .）
  结果为“VERIFIED 验证通过”且退出码为 0 时，所有文件与清单一致；
  否则报告会列出被改动、缺失或多出的文件。
  加上 --fingerprint 指纹 参数时，只有由该密钥签名的证据包才能通过。

{key_zh}

manifest.json 列出每个文件的大小和 SHA-256、请求的时间范围、每个视频文件实际覆盖的
时间范围、导出人、工作站、事由、事件编号和导出时间。视频为原始录像，未经重新编码；
首尾两段在关键帧处截取，因此可能比请求的范围略长。


Street Command Console video evidence bundle
============================================

Cameras: {", ".join(request.cameras)}
Range (UTC): {iso(request.start)} to {iso(request.end)}

How to verify (Python 3.8 or later, nothing else to install):
  open a command prompt in this folder and run
    python3 verify_bundle.py .
  (on Windows: py verify_bundle.py .)
  "VERIFIED" and exit code 0 mean every file matches the manifest; otherwise the report
  names every altered, missing or extra file.
  With --fingerprint FP only a bundle signed by that key passes.

{key_en}

Independent check of the signature with OpenSSL 3:
  openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in manifest.json -sigfile manifest.sig

manifest.json lists every file's size and SHA-256, the requested range, the stretch each
video file actually covers, the operator, workstation, reason, incident and export time.
The video is the original recording, not re-encoded; the first and last pieces are cut at
keyframes, so they may reach slightly beyond the requested range.
"""
    return text.replace("\n", "\r\n").encode("utf-8-sig")


def _verifier_source() -> bytes:
    # A frozen console ships the verifier as a data file beside its bytecode.
    path = Path(verify_bundle.__file__).with_name(VERIFIER)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise EvidenceError(f"the bundle verifier {path} cannot be read: {exc.strerror}") from exc


def _public_key_files(key: Ed25519PrivateKey) -> tuple[bytes, str, str]:
    """The public key PEM (with its fingerprint in a comment above), fingerprint, key id."""
    from cryptography.hazmat.primitives import serialization

    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    fp = fingerprint(raw)
    kid = hashlib.sha256(raw).hexdigest()[:16]
    head = (
        f"Ed25519 public key of the evidence signer\nkey id: {kid}\nfingerprint: {fp}\n"
    ).encode("ascii")
    return head + pem, fp, kid


def export_bundle(
    request: ExportRequest,
    segments: Mapping[str, Sequence[Segment]],
    root: Path,
    out: Path,
    *,
    gaps: Mapping[str, Sequence[Gap]] | None = None,
    signing_key: Ed25519PrivateKey | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    now: Callable[[], datetime] | None = None,
) -> ExportResult:
    """Write the bundle folder `out` (which must not exist) from the cameras' segments.

    `segments`: each camera's index rows overlapping the range, paths relative to `root`.
    The bundle is written beside `out` as `<out>.partial-<random>`, checked with the
    verifier, and renamed to `out` only when complete; on error or cancel nothing is left.
    `progress(done, total)` counts source bytes read.
    """
    began = time.monotonic()
    _check_request(request)
    out = Path(out)
    if out.exists() or out.is_symlink():
        raise BundleExists(f"{out} exists: a bundle is never overwritten; choose a new name")
    parent = out.parent
    if not parent.is_dir():
        raise EvidenceError(f"{parent}: no such folder")
    pieces = _plan(request, segments, root)
    extras = [Path(p) for p in request.call_recordings]
    for p in extras:
        if not p.is_file():
            raise SourceError(f"call recording {p} is missing")
    total = sum(p.source.stat().st_size for p in pieces) + sum(p.stat().st_size for p in extras)
    meter = _Meter(total, progress, cancel)
    work = parent / f"{out.name}.partial-{secrets.token_hex(4)}"
    # Video of people is personal data: the bundle is its owner's alone on this computer (as
    # the console's exports are), wherever the folder chosen lies; a copy handed over takes
    # the rights of where it is copied to.
    work.mkdir(mode=0o700)
    if os.name == "posix":
        os.chmod(work, 0o700)  # whatever the umask
    try:
        videos, listed = _write(request, pieces, extras, work, meter)
        manifest_sha, key_fp = _finish(
            request, segments, gaps or {}, videos, listed, work, signing_key, now
        )
        meter.check()
        report = verify_bundle.verify(work)
        if not report.ok:
            found = "; ".join(f"{p.path}: {p.detail}" for p in report.problems)
            raise EvidenceError(f"the written bundle does not verify: {found}")
        for folder, _dirs, _files in os.walk(work):
            _fsync_dir(Path(folder))
        if out.exists():
            raise BundleExists(f"{out} appeared while exporting: it was left as it is")
        os.rename(work, out)
    except OSError as exc:
        _discard(work)
        # A full or pulled-out USB drive, a source that vanished mid-read: name the file.
        where = f"{exc.filename}: " if exc.filename else ""
        raise EvidenceError(
            f"{where}{exc.strerror or exc}; the export was abandoned and nothing kept"
        ) from exc
    except BaseException:
        _discard(work)
        raise
    _fsync_dir(parent)
    return ExportResult(
        path=out,
        manifest_sha256=manifest_sha,
        files=len(listed.files) + 1 + (1 if key_fp else 0),
        bytes=sum(size for size, _ in listed.files.values()),
        videos=tuple(videos),
        key_fingerprint=key_fp,
        seconds=time.monotonic() - began,
    )


def _discard(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    if work.exists():  # e.g. the drive was pulled out: say where the remains are
        log.warning("could not remove the unfinished bundle %s", work)


def _check_request(request: ExportRequest) -> None:
    if not request.cameras:
        raise EvidenceError("no camera chosen")
    if request.start.tzinfo is None or request.end.tzinfo is None:
        raise EvidenceError("the range must be given in timezone-aware times")
    if request.end <= request.start:
        raise EvidenceError("the range ends before it starts")
    if not request.reason.strip():
        raise EvidenceError("a reason is required")


def _write(
    request: ExportRequest,
    pieces: Sequence[_Piece],
    extras: Sequence[Path],
    work: Path,
    meter: _Meter,
) -> tuple[list[VideoFile], _Listed]:
    listed = _Listed()
    videos: list[VideoFile] = []
    numbers: dict[str, int] = {}
    # Snapshots of segments still being written: on the local temporary disk, not the bundle.
    with tempfile.TemporaryDirectory(prefix="evidence-") as tmp:
        scratch = Path(tmp)
        for piece in pieces:
            n = numbers[piece.camera] = numbers.get(piece.camera, 0) + 1
            video = _export_piece(piece, n, request, work, scratch, meter)
            videos.append(video)
            listed.add(video.path, video.bytes, video.sha256)
    if request.timeline:
        csv_bytes, json_bytes = _timeline_files(request.timeline, request.timeline_columns)
        for name, data in (("timeline.csv", csv_bytes), ("timeline.json", json_bytes)):
            listed.add(name, len(data), _write_bytes(work / name, data))
    if extras:
        (work / "calls").mkdir()
        used: set[str] = set()
        for i, src in enumerate(extras, 1):
            name = src.name if src.name not in used else f"{i}_{src.name}"
            used.add(name)
            size, digest = _copy_hashed(src, work / "calls" / name, meter)
            listed.add(f"calls/{name}", size, digest)
    source = _verifier_source()
    listed.add(VERIFIER, len(source), _write_bytes(work / VERIFIER, source))
    return videos, listed


def _finish(
    request: ExportRequest,
    segments: Mapping[str, Sequence[Segment]],
    gaps: Mapping[str, Sequence[Gap]],
    videos: Sequence[VideoFile],
    listed: _Listed,
    work: Path,
    signing_key: Ed25519PrivateKey | None,
    now: Callable[[], datetime] | None,
) -> tuple[str, str | None]:
    """README, public key, manifest and signature; the manifest's SHA-256 and key fingerprint."""
    signer: dict[str, str] | None = None
    key_fp: str | None = None
    if signing_key is not None:
        pem, key_fp, kid = _public_key_files(signing_key)
        listed.add(PUBLIC_KEY, len(pem), _write_bytes(work / PUBLIC_KEY, pem))
        signer = {
            "algorithm": "Ed25519",
            "key_id": kid,
            "fingerprint": key_fp,
            "public_key": PUBLIC_KEY,
            "signature": SIGNATURE,
        }
    readme = _readme(request, key_fp)
    listed.add(README, len(readme), _write_bytes(work / README, readme))
    exported = (now or (lambda: datetime.now(UTC)))()
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "tool_version": request.tool_version,
        "exported_at": iso(exported),
        "operator": request.operator,
        "workstation": request.workstation,
        "reason": request.reason,
        "incident_id": request.incident_id,
        "cameras": list(request.cameras),
        "requested": {"start": iso(request.start), "end": iso(request.end)},
        "video": [
            {
                "file": v.path,
                "camera": v.camera,
                "start": iso(v.start),
                "end": iso(v.end),
                "source": v.source,
                "source_sha256": v.source_sha256,
                "source_state": v.source_state.value,
                "cut": v.cut,
            }
            for v in videos
        ],
        "coverage": {
            camera: {
                "gaps": [
                    {
                        "start": iso(g.start),
                        "end": iso(g.end) if g.end is not None else None,
                        "cause": g.cause.value,
                        "detail": g.detail,
                    }
                    for g in gaps.get(camera, ())
                    if g.start < request.end and (g.end is None or g.end > request.start)
                ],
                "not_recorded": [
                    {"start": iso(a), "end": iso(b)}
                    for a, b in _not_covered(request, segments.get(camera, ()))
                ],
            }
            for camera in request.cameras
        },
        "signer": signer,
        "files": [
            {"path": path, "bytes": size, "sha256": digest}
            for path, (size, digest) in sorted(listed.files.items())
        ],
    }
    data = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    manifest_sha = _write_bytes(work / MANIFEST, data)
    if signing_key is not None:
        _write_bytes(work / SIGNATURE, signing_key.sign(data))
    return manifest_sha, key_fp
