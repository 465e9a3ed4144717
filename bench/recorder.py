"""`python -m bench.recorder`: recorder CPU, seek in 30 days, synced start, against baselines."""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import av

from core.mailbox import LatestMailbox
from core.recording import Segment, segment_path
from core.video import VideoFrame

Row = tuple[str, float, float, str]

FPS = 25
CLIP_W, CLIP_H = 1920, 1080
BITRATE = 4_000_000
CLIP_S = 10
CAMERAS = 16
SEGMENT_S = 60
FFMPEG = "/usr/bin/ffmpeg"
MOVFLAGS = "frag_keyframe+empty_moov+default_base_moof"
T0 = datetime(2026, 10, 1, tzinfo=UTC)
DAYS = 30
INDEX_ROWS = DAYS * 86_400 // SEGMENT_S  # 43,200 segments of one camera
CAMERA = "CAM30D"
# The playback pane reads the timeline around the playhead; an hour of segments here.
QUERY_HALF = timedelta(minutes=30)
TILE = (960, 540)  # a tile of a 2x2 wall at 1920x1080: what the synced cameras are shown in
SYNC_CAMERAS = 4
SYNC_SEGMENTS = 3  # 60 s segments per camera in the synced test
SAMPLE_S = 2.0  # frames sampled together after each synced seek
TIMER_S = 0.02  # how often the samples are taken: the wall's paint timer
SETTLE_S = 0.5  # after the seek's first frames: playing in step from here on
START_TIMEOUT_S = 30.0
FIRST_FRAME_TIMEOUT_S = 10.0
JOIN_S = 10.0

EXPORT_MINUTES = 10
EXPORT_CAMERAS = 4

GOAL_CPU_PCT = 2.0
GOAL_SEEK_MS = 300.0
GOAL_SPREAD_MS = 40.0

METHOD = f"""\
How: one 10 s clip of {CLIP_W}x{CLIP_H}@{FPS} H.264 at a nominal {BITRATE / 1e6:g} Mbit/s:
bench/evidence_export.py --dense's picture with sensor-like noise (a plain synthetic one
compresses to a tenth of that), encoded as a camera would (x264 veryfast, High profile, a
keyframe every second), mounted {CAMERAS} times on GStreamer's RTSP server (another process: its
CPU is in no figure). Recorder: video.recorder's Recorder in this process, a stdlib SQLite index
(tests/helpers/recording_sink.py), {SEGMENT_S} s segments; its CPU is this process's
(time.process_time) over the window after every camera records. Baseline: one
`ffmpeg -rtsp_transport tcp -i URL -c copy -f segment -segment_time {SEGMENT_S}` per camera into
the same fragmented MP4, CPU from /proc/PID/stat over the same window (the recorder also hashes
every byte with SHA-256; ffmpeg does not). Seek: {INDEX_ROWS:,} index rows ({DAYS} days of one
camera, bulk-inserted into recording_segment of a freshly migrated SQLite database, hard links to
one remuxed {SEGMENT_S} s fMP4 file of the clip, so the file is in the page cache: a cold disk
adds its read time) against the same database with one row; each instant times
RecordingService.segments_for (an hour around it) + a new PlaybackWorker on a PlaybackClock
at the instant until its first frame is in the mailbox, both indexes alternated. Synced start:
{SYNC_CAMERAS} workers on one clock, each camera's frames on its own 40 ms grid (offsets drawn at
random, as cameras' clocks are); pause, seek, play, then the frames taken every
{TIMER_S * 1000:g} ms as the wall's timer does, for {SAMPLE_S:g} s from the 4th first frame
(seek+play: seek and play at once) or from play (pre-roll: seek paused, play once every
tile has its first frame); spread = newest recorded_at minus oldest across
the tiles; first frames = each worker's first frame after the seek, whatever the timer took;
baseline: the spread of the frames due at that instant on the same grids (what perfect
playback shows). Export: video.evidence.export_bundle of {EXPORT_MINUTES} minutes of
{EXPORT_CAMERAS} cameras (hard links to the same segment file, in the page cache) against
`cp` + `sync -f` of the segments the range touches, alternated, best of 2."""


# --- common ------------------------------------------------------------------------------------
def _load() -> float:
    return os.getloadavg()[0]


def _proc_cpu(pid: int) -> float:
    """CPU seconds (user + system, all threads) of a running process; 0.0 if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _threads_cpu(prefix: str) -> float:
    """CPU seconds of this process's threads whose name starts with `prefix`."""
    names = {t.native_id: t.name for t in threading.enumerate()}
    total = 0.0
    for tid in os.listdir("/proc/self/task"):
        if not names.get(int(tid), "").startswith(prefix):
            continue
        try:
            with open(f"/proc/self/task/{tid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended meanwhile
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*.mp4") if p.is_file())


def _wait(until: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(0.05)


def _pct(values: Sequence[float], q: float) -> float:
    """The q-quantile (nearest rank) of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def make_clip(work: Path) -> Path:
    """The one 1080p clip every part uses (kept in `work` for a next run).

    bench/evidence_export.py's dense clip (the synthetic street picture plus sensor-like
    noise, so that the encoder reaches a camera's bitrate), encoded as video/clips.py encodes
    its camera clips (veryfast, High profile with CABAC): the dense clip's ultrafast
    Constrained Baseline decodes 2.5 times as fast as a camera's stream, which would flatter
    the seek figures.
    """
    import numpy as np

    from video.clips import ClipSpec, _frame

    spec = ClipSpec("BENCH REC", width=CLIP_W, height=CLIP_H, seconds=CLIP_S, bitrate=BITRATE)
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"rec-{CLIP_W}x{CLIP_H}-{BITRATE}-dense-veryfast.h264"
    if path.exists() and path.stat().st_size:
        return path
    rng = np.random.default_rng(spec.seed)
    phase = rng.uniform(0, 2 * np.pi, 3)
    noise = rng.integers(-12, 12, size=(8, spec.height, spec.width, 3), dtype=np.int16)
    tmp = path.with_name(path.name + ".part")
    with av.open(str(tmp), "w", format="h264") as out:
        stream: Any = out.add_stream("libx264", rate=spec.fps)
        stream.width, stream.height = spec.width, spec.height
        stream.pix_fmt = "yuv420p"
        stream.bit_rate = spec.bitrate
        stream.options = {
            "preset": "veryfast",
            "tune": "zerolatency",
            "g": str(spec.gop),
            "keyint_min": str(spec.gop),
            "sc_threshold": "0",
            "bf": "0",
            "x264-params": "sliced-threads=0",
        }
        for i in range(int(spec.seconds * spec.fps)):
            img = (_frame(spec, i, phase).astype(np.int16) + noise[i % 8]).clip(0, 255)
            frame = av.VideoFrame.from_ndarray(img.astype(np.uint8), format="bgr24")
            frame.pts = i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    tmp.rename(path)
    return path


def make_segment_file(clip: Path, path: Path, seconds: int = SEGMENT_S) -> int:
    """A fragmented MP4 of `seconds`: the clip's packets remuxed (not re-encoded) over and over,
    as the recorder writes a segment; returns its size."""
    path.parent.mkdir(parents=True, exist_ok=True)
    want = seconds * FPS
    written = 0
    with av.open(str(path), "w", format="mp4", options={"movflags": MOVFLAGS}) as out:
        stream: Any = None
        while written < want:
            # The clip starts with a keyframe: each pass joins on to the previous cleanly. Fresh
            # packets each pass (a muxed packet is not reused).
            with av.open(str(clip)) as inp:
                vin = inp.streams.video[0]
                if stream is None:
                    stream = out.add_stream_from_template(vin)
                for packet in inp.demux(vin):
                    if not packet.size or written >= want:
                        continue
                    packet.pts = packet.dts = written
                    packet.duration = 1
                    packet.time_base = Fraction(1, FPS)
                    packet.stream = stream
                    out.mux(packet)
                    written += 1
    return path.stat().st_size


class _TimedMailbox(LatestMailbox[int, VideoFrame]):
    """The frames mailbox, also keeping each key's first accepted frame and when it came.

    What `take()` returns may already have replaced that frame (the newest wins).
    """

    __slots__ = ("_accept", "_arm_lock", "_first", "_got")

    def __init__(self, max_keys: int, name: str) -> None:
        super().__init__(max_keys, name)
        self._arm_lock = threading.Lock()
        self._first: dict[int, tuple[float, VideoFrame]] = {}
        self._accept: Callable[[VideoFrame], bool] = lambda _frame: True
        self._got = threading.Event()

    def arm(self, accept: Callable[[VideoFrame], bool]) -> None:
        """Forget the first frames; from now on the first frame `accept` takes counts."""
        with self._arm_lock:
            self._first = {}
            self._accept = accept

    def put(self, key: int, value: VideoFrame) -> bool:
        with self._arm_lock:
            if key not in self._first and self._accept(value):
                self._first[key] = (time.perf_counter(), value)
                self._got.set()
        return super().put(key, value)

    def firsts(self) -> dict[int, tuple[float, VideoFrame]]:
        """Key -> (perf_counter() when it came, the frame) of the first frames since arm()."""
        with self._arm_lock:
            return dict(self._first)

    def first(self, key: int, timeout: float) -> float | None:
        """perf_counter() of `key`'s first frame, waiting up to `timeout` s for it."""
        deadline = time.monotonic() + timeout
        while True:
            got = self.firsts().get(key)
            if got is not None:
                return got[0]
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self._got.wait(min(left, 0.05))
            self._got.clear()


def _stop_all(workers: Sequence[Any]) -> None:
    for w in workers:
        w.stop()
    deadline = time.monotonic() + JOIN_S
    stuck = [w.name for w in workers if not w.join(max(0.0, deadline - time.monotonic()))]
    if stuck:
        raise RuntimeError(f"still running after {JOIN_S:g} s: {stuck}")


# --- 1. recorder CPU ---------------------------------------------------------------------------
@dataclass
class CpuRun:
    """One recording run's window: CPU of the recording side and of the server, bytes written."""

    what: str
    window_s: float = 0.0
    cpu_s: float = 0.0
    threads_s: float = 0.0  # recorder: its record:* threads alone
    server_s: float = 0.0
    bytes: int = 0
    load: tuple[float, float] = (0.0, 0.0)

    @property
    def pct_per_camera(self) -> float:
        return 100.0 * self.cpu_s / self.window_s / CAMERAS

    @property
    def mbit_s(self) -> float:
        return self.bytes * 8 / self.window_s / 1e6


def run_recorder(urls: Mapping[str, str], folder: Path, seconds: float, server: int) -> CpuRun:
    """The product's Recorder in this process; its CPU over `seconds` once every camera records."""
    from tests.helpers.recording_sink import SqliteRecordingSink
    from video.recorder.camera import RecState
    from video.recorder.engine import Recorder

    folder.mkdir(parents=True)
    sink = SqliteRecordingSink(folder / "index.sqlite")
    recorder = Recorder(
        sink, urls, folder / "root", segment_seconds=SEGMENT_S, name="bench:recorder"
    )
    run = CpuRun("recorder")
    recorder.start()
    try:

        def all_recording() -> bool:
            counters = recorder.counters().values()
            return len(counters) == len(urls) and all(
                c.state is RecState.RECORDING and c.packets > FPS for c in counters
            )

        _wait(all_recording, START_TIMEOUT_S, "every camera to record")
        time.sleep(1.0)
        bytes0 = sum(c.bytes_written for c in recorder.counters().values())
        load0, srv0, thr0 = _load(), _proc_cpu(server), _threads_cpu("record:")
        cpu0, t0 = time.process_time(), time.monotonic()
        time.sleep(seconds)
        run.cpu_s = time.process_time() - cpu0
        run.window_s = time.monotonic() - t0
        run.threads_s = _threads_cpu("record:") - thr0
        run.server_s = _proc_cpu(server) - srv0
        run.bytes = sum(c.bytes_written for c in recorder.counters().values()) - bytes0
        run.load = (load0, _load())
        failing = [c.camera for c in recorder.counters().values() if c.state != RecState.RECORDING]
        if failing:
            raise RuntimeError(f"cameras stopped recording during the window: {failing}")
    finally:
        recorder.stop(timeout=JOIN_S)
        sink.close()
    return run


def run_ffmpeg(urls: Mapping[str, str], folder: Path, seconds: float, server: int) -> CpuRun:
    """One `ffmpeg -c copy -f segment` per camera; their CPU over the same kind of window."""
    folder.mkdir(parents=True)
    procs: list[subprocess.Popen[bytes]] = []
    run = CpuRun("ffmpeg")
    try:
        for camera, url in urls.items():
            cmd = [
                FFMPEG,
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-rtsp_transport",
                "tcp",
                "-analyzeduration",
                "100000",  # the recorder's probe (video.decode.DEFAULT_OPTIONS)
                "-i",
                url,
                "-map",
                "0:v",
                "-c",
                "copy",
                "-f",
                "segment",
                "-segment_time",
                str(SEGMENT_S),
                "-segment_format",
                "mp4",
                "-segment_format_options",
                f"movflags={MOVFLAGS}",
                "-reset_timestamps",
                "1",
                str(folder / f"{camera}_%05d.mp4"),
            ]
            with open(folder / f"{camera}.log", "wb") as err:
                procs.append(
                    subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=folder)
                )

        def all_writing() -> bool:
            dead = [p.args for p in procs if p.poll() is not None]
            if dead:
                logs = " ".join(p.read_text()[-300:] for p in folder.glob("*.log"))
                raise RuntimeError(f"ffmpeg exited early: {logs.strip()}")
            sizes = [_tree_bytes_of(folder, camera) for camera in urls]
            return all(s > 200_000 for s in sizes)

        _wait(all_writing, START_TIMEOUT_S, "every ffmpeg to write")
        time.sleep(1.0)
        bytes0 = _tree_bytes(folder)
        load0, srv0 = _load(), _proc_cpu(server)
        cpu0 = sum(_proc_cpu(p.pid) for p in procs)
        t0 = time.monotonic()
        time.sleep(seconds)
        run.cpu_s = sum(_proc_cpu(p.pid) for p in procs) - cpu0
        run.window_s = time.monotonic() - t0
        run.server_s = _proc_cpu(server) - srv0
        run.bytes = _tree_bytes(folder) - bytes0
        run.load = (load0, _load())
        if any(p.poll() is not None for p in procs):
            raise RuntimeError("an ffmpeg exited during the window")
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGINT)  # ends its segment as the recorder does
        for p in procs:
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(5)
    return run


def _tree_bytes_of(folder: Path, camera: str) -> int:
    return sum(p.stat().st_size for p in folder.glob(f"{camera}_*.mp4"))


# --- 2. seek in 30 days ------------------------------------------------------------------------
@dataclass
class SeekRun:
    """Times of a seek from the query to the first frame, ms."""

    rows: int
    total_ms: list[float] = field(default_factory=list)
    query_ms: list[float] = field(default_factory=list)


def _index(url: str, root: Path, segment_file: Path, rows: int) -> None:
    """`rows` back-to-back 60 s segments of CAMERA from T0, hard links to `segment_file`."""
    from sqlalchemy import insert

    from data.migrate import open_database
    from data.models import RecordingSegment

    size = segment_file.stat().st_size
    values = []
    for k in range(rows):
        start = T0 + timedelta(seconds=k * SEGMENT_S)
        rel = segment_path(CAMERA, start)
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            os.link(segment_file, path)
        values.append(
            {
                "camera": CAMERA,
                "community_id": None,
                "start_ts": start,
                "end_ts": start + timedelta(seconds=SEGMENT_S),
                "path": rel,
                "bytes": size,
                "sha256": "0" * 64,
                "codec": "h264",
                "state": "complete",
                "recorder": "bench:1",
                "created": start + timedelta(seconds=SEGMENT_S),
            }
        )
    db = open_database(url)
    try:
        with db.engine.begin() as conn:
            conn.execute(insert(RecordingSegment), values)
    finally:
        db.dispose()


def run_seeks(
    db_urls: Mapping[int, str], root: Path, instants: int, seed: int = 1
) -> dict[int, SeekRun]:
    """For each index size, `instants` seeks at random instants it covers, sizes alternated."""
    from core.model import RoleName
    from core.permissions import Permission, Principal
    from data.context import ServiceContext
    from data.migrate import open_database
    from data.services.recordings import RecordingService
    from video.playback import PlaybackClock, PlaybackWorker

    who = Principal(1, "bench", "bench", RoleName.OPERATOR, frozenset({Permission.VIEW_VIDEO}))
    rng = random.Random(seed)
    dbs = {rows: open_database(url) for rows, url in db_urls.items()}  # as a console opens it
    services = {
        rows: RecordingService(ServiceContext(db, workstation="CC")) for rows, db in dbs.items()
    }
    runs = {rows: SeekRun(rows) for rows in db_urls}

    def one(rows: int, keep: bool) -> None:
        # An instant anywhere the index covers, at a random offset into its segment.
        at = T0 + timedelta(seconds=rng.uniform(0, rows * SEGMENT_S - 0.5))
        t0 = time.perf_counter()
        segs = services[rows].segments_for(who, CAMERA, at - QUERY_HALF, at + QUERY_HALF)
        t1 = time.perf_counter()
        box = _TimedMailbox(1, "frames")
        worker = PlaybackWorker(CAMERA, segs, root, PlaybackClock(at), TILE, box, 0)
        worker.start()
        try:
            first = box.first(0, FIRST_FRAME_TIMEOUT_S)
            if first is None:
                raise RuntimeError(f"no frame at {at} within {FIRST_FRAME_TIMEOUT_S:g} s")
            frame = box.firsts()[0][1]
            assert frame.recorded_at is not None
            if abs((frame.recorded_at - at).total_seconds()) > 0.05:
                raise RuntimeError(f"seek to {at} showed {frame.recorded_at}")
        finally:
            _stop_all([worker])
        if keep:
            runs[rows].total_ms.append((first - t0) * 1000)
            runs[rows].query_ms.append((t1 - t0) * 1000)

    try:
        for rows in db_urls:
            one(rows, keep=False)  # warm-up: codecs, statements, the file in the page cache
        for _ in range(instants):
            for rows in db_urls:
                one(rows, keep=True)
    finally:
        for db in dbs.values():
            db.dispose()
    return runs


# --- 3. synced start -----------------------------------------------------------------------------
@dataclass
class SyncRun:
    """Spreads (ms) of recorded_at across the tiles, measured and ideal, per seek."""

    first_ms: list[float] = field(default_factory=list)
    first_ideal_ms: list[float] = field(default_factory=list)
    sampled_max_ms: list[float] = field(default_factory=list)
    sampled_ideal_max_ms: list[float] = field(default_factory=list)
    all_first_ms: list[float] = field(default_factory=list)  # seek to the 4th first frame
    sampled_ms: list[float] = field(default_factory=list)  # every sample of every seek
    sampled_at_s: list[float] = field(default_factory=list)  # each one's time after the 4th first
    settled_max_ms: list[float] = field(default_factory=list)  # from SETTLE_S after the 4th first
    behind: list[int] = field(default_factory=list)  # per sample: the latest tile's frames behind
    late_ms: list[float] = field(default_factory=list)  # settled: frames put after they were due


def _ideal(segs: Sequence[Segment], t: datetime) -> datetime:
    """The recorded time of the camera's frame due at `t` (the last at or before it)."""
    seg = next(s for s in segs if s.start <= t < s.end)
    n = int((t - seg.start).total_seconds() * FPS + 1e-9)
    return seg.start + timedelta(seconds=n / FPS)


def _spread_ms(times: Sequence[datetime]) -> float:
    return (max(times) - min(times)).total_seconds() * 1000


AT_ONCE = "seek+play"
PREROLL = "pre-roll"


def run_sync(root: Path, segment_file: Path, seeks: int, seed: int = 2) -> dict[str, SyncRun]:
    """`seeks` synced seeks of SYNC_CAMERAS workers on one clock, each way, alternated.

    AT_ONCE: seek and play at once (the clock runs while the workers decode up to the
    instant). PREROLL: seek while paused, play once every tile has its first frame.
    """
    from video.playback import PlaybackClock, PlaybackWorker

    rng = random.Random(seed)
    cameras = [f"SYNC{k + 1}" for k in range(SYNC_CAMERAS)]
    segments: dict[str, list[Segment]] = {}
    for k, cam in enumerate(cameras):
        # Each camera's frames on a grid of its own: its segments start at its own offset.
        offset = timedelta(seconds=rng.uniform(0, 1.0 / FPS) + k * 0.3)
        rows = []
        for n in range(SYNC_SEGMENTS):
            start = T0 + offset + timedelta(seconds=n * SEGMENT_S)
            rel = segment_path(cam, start)
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            os.link(segment_file, root / rel)
            rows.append(
                Segment(n + 1, cam, start, start + timedelta(seconds=SEGMENT_S), rel, 0, "")
            )
        segments[cam] = rows
    lo = max(s[0].start for s in segments.values()) + timedelta(seconds=1)
    hi = min(s[-1].end for s in segments.values()) - timedelta(seconds=SAMPLE_S + 2)
    span = (hi - lo).total_seconds()
    clock = PlaybackClock(lo)
    box = _TimedMailbox(SYNC_CAMERAS, "frames")
    workers = [
        PlaybackWorker(cam, segments[cam], root, clock, TILE, box, k)
        for k, cam in enumerate(cameras)
    ]
    runs = {AT_ONCE: SyncRun(), PREROLL: SyncRun()}
    for w in workers:
        w.start()
    try:
        previous = lo
        for n in range(2 * seeks):
            preroll = n % 2 == 1
            run = runs[PREROLL if preroll else AT_ONCE]
            at = lo + timedelta(seconds=rng.uniform(0, span))
            # Far from the previous position: its frames delivered late tell themselves apart.
            while abs((at - previous).total_seconds()) < 10:
                at = lo + timedelta(seconds=rng.uniform(0, span))
            previous = at
            clock.pause()
            time.sleep(0.2)
            box.take()

            def new_position(frame: VideoFrame, at: datetime = at) -> bool:
                rec = frame.recorded_at
                return rec is not None and -1 < (rec - at).total_seconds() < SAMPLE_S + 4

            box.arm(new_position)
            t0 = time.perf_counter()
            clock.seek(at)
            if not preroll:
                clock.play()
            shown: dict[int, VideoFrame] = {}
            deadline = time.monotonic() + FIRST_FRAME_TIMEOUT_S
            sampled: list[float] = []
            ideal: list[float] = []
            sample_until: float | None = None
            while True:
                now = time.monotonic()
                taken = {k: f for k, f in box.take().items() if new_position(f)}
                shown.update(taken)
                if sample_until is not None and now - (sample_until - SAMPLE_S) >= SETTLE_S:
                    # When each frame left its worker against when the clock reached it.
                    pos = clock.position()
                    for f in taken.values():
                        if f.recorded_at is not None:
                            due_at = now - (pos - f.recorded_at).total_seconds()
                            run.late_ms.append((f.decoded_at - due_at) * 1000)
                if sample_until is None:
                    firsts = box.firsts()
                    if len(firsts) == SYNC_CAMERAS:
                        came = max(t for t, _ in firsts.values())
                        run.all_first_ms.append((came - t0) * 1000)
                        run.first_ms.append(
                            _spread_ms([f.recorded_at for _, f in firsts.values() if f.recorded_at])
                        )
                        run.first_ideal_ms.append(
                            _spread_ms([_ideal(segments[c], at) for c in cameras])
                        )
                        if preroll:
                            clock.play()
                        sample_until = now + SAMPLE_S
                    elif now > deadline:
                        raise RuntimeError(f"synced seek to {at}: first frames of {sorted(firsts)}")
                if sample_until is not None and len(shown) == SYNC_CAMERAS:
                    pos = clock.position()
                    run.sampled_at_s.append(now - (sample_until - SAMPLE_S))
                    sampled.append(
                        _spread_ms([f.recorded_at for f in shown.values() if f.recorded_at])
                    )
                    due = [_ideal(segments[c], pos) for c in cameras]
                    ideal.append(_spread_ms(due))
                    # How many frames the most late tile is behind the frame due now.
                    run.behind.append(
                        max(
                            round((due[k] - f.recorded_at).total_seconds() * FPS)
                            for k, f in shown.items()
                            if f.recorded_at
                        )
                    )
                    if now >= sample_until:
                        break
                time.sleep(TIMER_S)
            run.sampled_ms.extend(sampled)
            since = run.sampled_at_s[-len(sampled) :]
            run.settled_max_ms.append(
                max((x for x, t in zip(sampled, since, strict=True) if t >= SETTLE_S), default=0.0)
            )
            run.sampled_max_ms.append(max(sampled))
            run.sampled_ideal_max_ms.append(max(ideal))
    finally:
        clock.pause()
        _stop_all(workers)
    return runs


# --- 4. evidence export --------------------------------------------------------------------------
@dataclass
class ExportRun:
    """Evidence export of EXPORT_MINUTES of EXPORT_CAMERAS cameras against cp of its segments."""

    export_s: list[float] = field(default_factory=list)
    cp_s: list[float] = field(default_factory=list)
    bytes: int = 0  # the bundle's
    source_bytes: int = 0  # the segments cp copies


def run_export(folder: Path, segment_file: Path, runs: int = 2) -> ExportRun:
    """The product's export_bundle and `cp` + `sync` of the same segments, alternated."""
    import hashlib

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from video.evidence import ExportRequest, export_bundle
    from video.verify_bundle import verify

    root = folder / "root"
    size = segment_file.stat().st_size
    digest = hashlib.sha256(segment_file.read_bytes()).hexdigest()
    cameras = tuple(f"EXP{k + 1}" for k in range(EXPORT_CAMERAS))
    start = T0 + timedelta(seconds=30.5)  # mid-segment: both ends are cut at keyframes
    end = start + timedelta(minutes=EXPORT_MINUTES)
    segments: dict[str, list[Segment]] = {}
    for cam in cameras:
        rows = []
        for n in range(EXPORT_MINUTES + 1):
            seg_start = T0 + timedelta(seconds=n * SEGMENT_S)
            rel = segment_path(cam, seg_start)
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            os.link(segment_file, root / rel)
            seg_end = seg_start + timedelta(seconds=SEGMENT_S)
            rows.append(Segment(n + 1, cam, seg_start, seg_end, rel, size, digest, codec="h264"))
        segments[cam] = rows
    sources = [str(root / s.path) for rows in segments.values() for s in rows]
    request = ExportRequest(
        cameras=cameras,
        start=start,
        end=end,
        operator="bench",
        workstation="CC",
        reason="benchmark",
        tool_version="bench",
    )
    key = Ed25519PrivateKey.generate()
    run = ExportRun(source_bytes=size * len(sources))
    for n in range(runs):
        copy = folder / f"cp-{n}"
        copy.mkdir()
        t = time.perf_counter()
        subprocess.run(["cp", *sources, str(copy)], check=True)
        subprocess.run(["sync", "-f", str(copy)], check=True)
        run.cp_s.append(time.perf_counter() - t)
        shutil.rmtree(copy)
        out = folder / f"bundle-{n}"
        t = time.perf_counter()
        result = export_bundle(request, segments, root, out, signing_key=key)
        run.export_s.append(time.perf_counter() - t)
        run.bytes = result.bytes
        if not verify(out).ok:
            raise RuntimeError(f"{out}: the bundle does not verify")
        shutil.rmtree(out)
    return run


# --- the run -------------------------------------------------------------------------------------
@dataclass
class Results:
    """Everything one invocation measured."""

    quick: bool
    clip_mbit_s: float
    recorder: CpuRun
    ffmpeg: CpuRun
    seek_30d: SeekRun
    seek_one: SeekRun
    sync: dict[str, SyncRun]
    export: ExportRun | None
    load: tuple[float, float]
    cpus: int


def run(
    work: Path, seconds: float, instants: int, seeks: int, quick: bool, with_export: bool
) -> Results:
    from video.rtsp_server import RtspServer

    load0 = _load()
    clip = make_clip(work)
    clip_mbit_s = clip.stat().st_size * 8 / CLIP_S / 1e6
    scratch = Path(tempfile.mkdtemp(prefix="bench-recorder-", dir=work))
    try:
        mounts = {f"/cam{i + 1:02d}": clip for i in range(CAMERAS)}
        server = RtspServer(mounts, fps=FPS).start()
        try:
            pid = server.pid
            assert pid is not None
            urls = {f"CAM{i + 1:02d}": server.url(m) for i, m in enumerate(mounts)}
            base = run_ffmpeg(urls, scratch / "ffmpeg", seconds, pid)
            rec = run_recorder(urls, scratch / "recorder", seconds, pid)
        finally:
            server.stop()
        seg_file = scratch / "segment.mp4"
        make_segment_file(clip, seg_file)
        template = scratch / "template.sqlite"
        from data.migrate import open_database

        open_database(f"sqlite:///{template}").dispose()
        urls_db = {}
        for rows in (INDEX_ROWS, 1):
            path = scratch / f"index-{rows}.sqlite"
            shutil.copy(template, path)
            urls_db[rows] = f"sqlite:///{path}"
            _index(urls_db[rows], scratch / "root", seg_file, rows)
        seeks_by_rows = run_seeks(urls_db, scratch / "root", instants)
        sync = run_sync(scratch / "sync", seg_file, seeks)
        export = run_export(scratch / "export", seg_file) if with_export else None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return Results(
        quick,
        clip_mbit_s,
        rec,
        base,
        seeks_by_rows[INDEX_ROWS],
        seeks_by_rows[1],
        sync,
        export,
        (load0, _load()),
        os.cpu_count() or 1,
    )


def sync_rows(how: str, sy: SyncRun) -> list[Row]:
    """The synced play rows of one way of starting."""
    over = [t for t, ms in zip(sy.sampled_at_s, sy.sampled_ms, strict=True) if ms > GOAL_SPREAD_MS]
    since = "play" if how == PREROLL else "the 4th first frame"

    def lag(frames: int) -> float:
        hits = sum(1 for b in sy.behind if (b >= frames if frames > 1 else b == frames))
        return 100.0 * hits / len(sy.behind)

    return [
        (
            f"synced play, {how}: {SAMPLE_S:g} s of frames, spread max, ms",
            max(sy.sampled_max_ms),
            max(sy.sampled_ideal_max_ms),
            f"goal ≤ {GOAL_SPREAD_MS:g} ms; {len(sy.sampled_max_ms)} seeks, "
            f"{len(sy.sampled_ms)} samples every {TIMER_S * 1000:g} ms from {since}, p50 "
            f"{statistics.median(sy.sampled_ms):.1f}, p95 {_pct(sy.sampled_ms, 0.95):.1f}; "
            f"per-seek max p50 {statistics.median(sy.sampled_max_ms):.1f}; over the goal in "
            f"{len(over)} samples, the last {max(over, default=0.0) * 1000:.0f} ms after "
            f"{since}; the latest tile 1 frame behind the one due in {lag(1):.0f} % of samples, "
            f"2+ in {lag(2):.1f} %, at most {max(sy.behind)}; seek to all first frames p50 "
            f"{statistics.median(sy.all_first_ms):.0f} ms; baseline: the same instants on the "
            "frame grids",
        ),
        (
            f"synced play, {how}: from {SETTLE_S:g} s on, spread max, ms",
            max(sy.settled_max_ms),
            max(sy.sampled_ideal_max_ms),
            f"goal ≤ {GOAL_SPREAD_MS:g} ms; per-seek max p50 "
            f"{statistics.median(sy.settled_max_ms):.1f}; frames put into the mailbox after "
            f"they were due by p50 {statistics.median(sy.late_ms):.1f} ms, p95 "
            f"{_pct(sy.late_ms, 0.95):.1f} ({len(sy.late_ms)} frames); baseline as above",
        ),
    ]


def table_rows(r: Results) -> list[Row]:
    """(label, value, baseline, note) rows."""
    rec, ff = r.recorder, r.ffmpeg
    s30, s1, sy, pre = r.seek_30d, r.seek_one, r.sync[AT_ONCE], r.sync[PREROLL]
    export_rows: list[Row] = []
    if r.export is not None:
        ex = r.export
        export_rows.append(
            (
                f"export {EXPORT_MINUTES} min of {EXPORT_CAMERAS} cameras vs cp, s",
                min(ex.export_s),
                min(ex.cp_s),
                f"best of {len(ex.export_s)}; export wrote {ex.bytes / 1e6:.0f} MB (cut at "
                f"keyframes, manifest, signed, its own verify); baseline: cp + sync of the "
                f"{ex.source_bytes / 1e6:.0f} MB of segments the range touches",
            )
        )
    return [
        (
            "recorder CPU per camera, % of one core",
            rec.pct_per_camera,
            ff.pct_per_camera,
            f"goal ≤ {GOAL_CPU_PCT:g} %; {CAMERAS} cameras {CLIP_W}x{CLIP_H}@{FPS} "
            f"({r.clip_mbit_s:.2f} Mbit/s clip), {rec.window_s:.0f} s; recorder process "
            f"{rec.cpu_s / rec.window_s:.2f} cores (record:* threads "
            f"{rec.threads_s / rec.window_s:.2f}), wrote {rec.mbit_s:.1f} Mbit/s, load "
            f"{rec.load[0]:.2f}→{rec.load[1]:.2f}; baseline: {CAMERAS} ffmpeg -c copy -f segment "
            f"wrote {ff.mbit_s:.1f} Mbit/s, load {ff.load[0]:.2f}→{ff.load[1]:.2f}; RTSP server "
            f"(excluded) {rec.server_s / rec.window_s:.2f} / {ff.server_s / ff.window_s:.2f} cores",
        ),
        (
            f"seek in {DAYS} days ({INDEX_ROWS:,} segments) to first frame p50, ms",
            statistics.median(s30.total_ms),
            statistics.median(s1.total_ms),
            f"goal ≤ {GOAL_SEEK_MS:g} ms (p95); {len(s30.total_ms)} random instants; query "
            f"p50 {statistics.median(s30.query_ms):.1f} ms vs {statistics.median(s1.query_ms):.1f};"
            f" baseline: a one-segment index, same steps",
        ),
        (
            f"seek in {DAYS} days to first frame p95, ms",
            _pct(s30.total_ms, 0.95),
            _pct(s1.total_ms, 0.95),
            f"goal ≤ {GOAL_SEEK_MS:g} ms; max {max(s30.total_ms):.0f} ms vs "
            f"{max(s1.total_ms):.0f}; tile {TILE[0]}x{TILE[1]}",
        ),
        (
            f"synced start {SYNC_CAMERAS} cameras: first frames spread max, ms",
            max(sy.first_ms + pre.first_ms),
            max(sy.first_ideal_ms + pre.first_ideal_ms),
            f"goal ≤ {GOAL_SPREAD_MS:g} ms; {len(sy.first_ms + pre.first_ms)} seeks (both "
            f"ways), {AT_ONCE} max {max(sy.first_ms):.1f}, {PREROLL} max "
            f"{max(pre.first_ms):.1f}; seek to all {SYNC_CAMERAS} first frames p50 "
            f"{statistics.median(sy.all_first_ms + pre.all_first_ms):.0f} ms, max "
            f"{max(sy.all_first_ms + pre.all_first_ms):.0f}; baseline: spread of the frames due "
            "at the instant (cameras' frame grids differ)",
        ),
        *sync_rows(AT_ONCE, sy),
        *sync_rows(PREROLL, pre),
        *export_rows,
    ]


def print_table(rows: list[Row]) -> None:
    print(f"{'measure':<62}{'value':>10}{'baseline':>10}{'ratio':>8}  note")
    for name, value, base, note in rows:
        ratio = f"{value / base:>8.2f}" if base > 1e-3 else f"{'—':>8}"
        print(f"{name:<62}{value:>10.2f}{base:>10.2f}{ratio}  {note}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.recorder", description=__doc__)
    ap.add_argument("--quick", action="store_true", help="smoke run, under 2 minutes")
    ap.add_argument("--seconds", type=float, help="recording window per side (60; quick 10)")
    ap.add_argument("--instants", type=int, help="seeks per index size (50; quick 15)")
    ap.add_argument("--seeks", type=int, help="synced seeks each way (20; quick 4)")
    ap.add_argument(
        "--export",
        action=argparse.BooleanOptionalAction,
        help=f"evidence export of {EXPORT_MINUTES} min of {EXPORT_CAMERAS} cameras vs cp "
        "(writes ~1.3 GB at a time, twice per variant; default: on, off with --quick)",
    )
    ap.add_argument("--work", type=Path, help="folder for the clip (kept) and scratch files")
    ap.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = ap.parse_args(argv)
    seconds = args.seconds or (10.0 if args.quick else 60.0)
    instants = args.instants or (15 if args.quick else 50)
    seeks = args.seeks or (4 if args.quick else 20)
    work = args.work or Path(tempfile.gettempdir()) / "bench-recorder"
    t = time.monotonic()
    with_export = args.export if args.export is not None else not args.quick
    results = run(work, seconds, instants, seeks, args.quick, with_export)
    rows = table_rows(results)
    print_table(rows)
    print(
        f"load average {results.load[0]:.2f} at start, {results.load[1]:.2f} at end, "
        f"{results.cpus} CPUs; {time.monotonic() - t:.0f} s in all"
    )
    print(METHOD)
    if results.export is None:
        print(
            f"evidence export of {EXPORT_MINUTES} minutes of {EXPORT_CAMERAS} cameras vs cp: "
            "skipped (--export runs it here; `python -m bench.evidence_export --dense` is the "
            "same comparison on 720p clips)"
        )
    doc = {
        "results": asdict(results),
        "rows": [{"measure": n, "value": v, "baseline": b, "note": x} for n, v, b, x in rows],
    }
    text = json.dumps(doc, default=str)
    if args.json is not None:
        args.json.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    raise SystemExit(main())
