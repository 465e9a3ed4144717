"""`python -m bench.video_wall`: the live wall's CPU per frame, frames shown, latency, RSS.

The wall as the console runs it, in one process: a `VideoWall` shown offscreen at 1920×1080
(tiles 479×269 in 4x4, 383×215 in 5x5: 2 px lines between them), one `DecodeWorker` per tile
decoding a 640×360@25 H.264 RTSP stream at the tile's size into a `LatestMailbox`, and one
20 ms GUI timer taking the mailbox (frames and stream states) into `show_frames` /
`set_status`, as the presenter does, under the console's garbage collector
(console/gc_guard.py: collections on the GUI thread, the start-up heap frozen). The streams come
from GStreamer's RTSP server (another process, one mount per tile, generated clips), so the
wall's CPU time (`time.process_time`) excludes serving them.

Counted in a window after every tile is live: frames produced = frames the workers decoded
(their `seq`), frames shown = distinct frames painted (the widget's counters, read after each
paint event by a subclass that overrides nothing but `show_frames` and `paintEvent`, each
calling the widget's own first); latency = the end of the paint event that first shows a frame
minus its `decoded_at`. Baselines in the same run: FFmpeg's CLI decoding the same source with
one thread (`ffmpeg -threads 1 -i SAME -f null -`), marginal CPU per frame (a long minus a
short run, so process start-up cancels), from the same RTSP mounts with as many clients at once
as the wall has tiles (fair: both depacketise, are paced by the server and share the cores)
and from the same clip file (the issue's literal baseline: decode alone); a plain PyAV open of
one mount for the first frame; the frames decoded per tile for frame rates.

Walls: 4x4 and 5x5 over RTSP, then 5x5 over the clip files themselves (each worker paces its
file at 25 fps: the wall without the server's and the network's jitter, whose bursts of two
frames within one timer period the mailbox must drop), then a 4x4 RTSP wall for RSS. The CPU
budget (video/budget.py) runs in every wall, observing only; `--budget` adds a 5x5 RTSP wall
where it degrades tiles to keyframes only.

`--quick` is the smoke run: 20 s per wall, RSS over 60 s (about 2.5 minutes). Without it: 60 s
per wall and RSS over 10 minutes of a 4x4 wall (about 15 minutes).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.mailbox import LatestMailbox
from core.video import VideoFrame

Row = tuple[str, float, float, str]

SOURCE_W, SOURCE_H, FPS = 640, 360, 25
WALL_W, WALL_H = 1920, 1080
TIMER_MS = 20  # the presenter's paint timer: 40 ms beats against 25 fps (FIELD-NOTES, Video)
DISTINCT_CLIPS = 4  # mounts share these files; each client still gets its own pipeline
FFMPEG = "/usr/bin/ffmpeg"
LIVE_TIMEOUT_S = 30.0  # every tile must show a first frame within this (25 opens at once)
SETTLE_S = 2.0  # after the last first frame, before the window opens
DRAIN_S = 0.3  # after the window closes: the window's last frames reach the screen
JOIN_S = 10.0  # deadline for joining every worker
HIST_MS = 0.5  # latency histogram bin
HIST_BINS = 4000  # up to 2 s; later paints go in the last bin (the exact max is kept)
BURST_S = TIMER_MS / 2000  # a tile's frames this close together cannot both be taken

GOAL_CPU_RATIO = 1.3
GOAL_SHOWN_PCT = 99.0
GOAL_LATENCY_MS = 60.0
GOAL_FIRST_FRAME_S = 0.7
GOAL_RSS_MB = 20.0


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _load() -> float:
    return os.getloadavg()[0]


def _process_cpu(pid: int) -> float:
    """CPU seconds (user + system) of another process, every thread of it."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _renice(pid: int, nice: int) -> None:
    """Every thread of `pid` at `nice`; the threads they start later inherit it (Linux)."""
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            os.setpriority(os.PRIO_PROCESS, int(tid), nice)
        except ProcessLookupError:  # the thread ended meanwhile
            continue


def _thread_cpu() -> dict[int, float]:
    """CPU seconds (user + system) of each thread of this process, by native id."""
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[int, float] = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended meanwhile
            continue
        out[int(tid)] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return out


def _split_cpu(before: dict[int, float], after: dict[int, float]) -> tuple[float, float]:
    """(decode workers, GUI thread) CPU seconds between two `_thread_cpu` readings."""
    names = {t.native_id: t.name for t in threading.enumerate()}
    gui = threading.main_thread().native_id
    decode = gui_s = 0.0
    for tid, cpu in after.items():
        delta = cpu - before.get(tid, 0.0)
        if tid == gui:
            gui_s += delta
        elif names.get(tid, "").startswith("decode:"):
            decode += delta
    return decode, gui_s


@dataclass
class WallRun:
    """What one wall run measured (window figures only, unless named otherwise)."""

    layout: str
    source: str
    tiles: int
    tile_size: tuple[int, int]
    window_s: float = 0.0
    cpu_s: float = 0.0
    cpu_decode_s: float = 0.0  # the decode:* threads (decode, scale to BGRA, mailbox)
    cpu_gui_s: float = 0.0  # the GUI thread (timer, show_frames, paint)
    produced: int = 0
    shown: int = 0
    shown_per_tile: list[int] = field(default_factory=list)
    received: int = 0  # handed to show_frames (taken from the mailbox) in the window
    produced_per_tile: list[int] = field(default_factory=list)
    superseded: int = 0  # handed to show_frames, replaced by a newer one before a paint
    bursts: int = 0  # frames put less than BURST_S after the previous one of their tile
    late_ticks: int = 0  # paint timer ticks more than two periods after the previous
    tick_gap_max_ms: float = 0.0
    puts: int = 0
    drops: int = 0
    paints: int = 0  # paint passes over tiles in the window (frames, clock, overlay)
    latency_hist: list[int] = field(default_factory=list)
    latency_max_ms: float = 0.0
    first_frame_s: list[float] = field(default_factory=list)  # all tiles opened at once
    rss_mib: list[tuple[float, float]] = field(default_factory=list)  # (s into window, MiB)
    load: tuple[float, float] = (0.0, 0.0)
    budget_applied: bool = False
    budget_cores: float = 0.0
    degraded_max: int = 0
    degraded_end: int = 0
    errors: int = 0  # decode workers' error counters at the end (opens failed, bad packets)
    reconnects: int = 0
    server_cores: float = float("nan")  # the RTSP server's CPU over the whole run, in cores

    def latency_ms(self, q: float) -> float:
        """The q-quantile of decode-to-paint latency, to the histogram's bin (upper edge)."""
        total = sum(self.latency_hist)
        if not total:
            return float("nan")
        if q >= 1.0:
            return self.latency_max_ms
        want = q * total
        seen = 0
        for i, n in enumerate(self.latency_hist):
            seen += n
            if seen >= want:
                return min((i + 1) * HIST_MS, self.latency_max_ms)
        return self.latency_max_ms


class _ArrivalMailbox(LatestMailbox[int, VideoFrame]):
    """The frames mailbox, also counting frames that arrive right after their tile's previous.

    Those come from the source or the network in bursts, not from the wall: the timer cannot
    take both, so they show up as drops. Each key is put by one worker thread only.
    """

    __slots__ = ("_last_put", "bursts")

    def __init__(self, max_keys: int, name: str) -> None:
        super().__init__(max_keys, name)
        self._last_put: dict[int, float] = {}
        self.bursts: dict[int, int] = {}

    def put(self, key: int, value: VideoFrame) -> bool:
        now = time.monotonic()
        last = self._last_put.get(key)
        if last is not None and now - last < BURST_S:
            self.bursts[key] = self.bursts.get(key, 0) + 1
        self._last_put[key] = now
        return super().put(key, value)

    def burst_count(self) -> int:
        return sum(dict(self.bursts).values())


def _make_wall_class() -> type[Any]:
    """A VideoWall that records, after each paint event, which new frames reached the screen."""
    from PySide6.QtGui import QPaintEvent

    from widgets.video_wall import VideoWall

    class BenchWall(VideoWall):
        """Counts in constant memory: a 10-minute run must not grow the RSS it measures."""

        def __init__(self) -> None:
            super().__init__()
            self.handed: dict[int, VideoFrame] = {}  # the frame each tile will paint next
            self.seen_shown: list[int] = []
            self.low: dict[int, int] = {}  # window: seq > low[tile] ...
            self.high: dict[int, int] = {}  # ... and seq <= high[tile] (unbounded while open)
            self.shown_in_window: list[int] = []
            self.unpainted: set[int] = set()  # tiles whose handed frame awaits its paint
            self.superseded = 0
            self.hist = [0] * HIST_BINS
            self.max_ms = 0.0

        def open_window(self, low: Mapping[int, int]) -> None:
            self.low = dict(low)
            self.high = {}
            self.shown_in_window = [0] * self.tile_count()
            self.hist = [0] * HIST_BINS
            self.max_ms = 0.0
            self.superseded = 0

        def close_window(self, high: Mapping[int, int]) -> None:
            self.high = dict(high)

        def show_frames(self, frames: Mapping[int, VideoFrame]) -> None:
            super().show_frames(frames)
            for tile in frames:
                if tile in self.unpainted and self.low and not self.high:
                    self.superseded += 1
                self.unpainted.add(tile)
            self.handed.update(frames)

        def paintEvent(self, event: QPaintEvent) -> None:
            super().paintEvent(event)
            now = time.monotonic()
            if len(self.seen_shown) != self.tile_count():
                self.seen_shown = [self.counters(i).shown for i in range(self.tile_count())]
                return
            for i in range(self.tile_count()):
                shown = self.counters(i).shown
                if shown == self.seen_shown[i]:
                    continue
                self.seen_shown[i] = shown
                self.unpainted.discard(i)
                frame = self.handed.get(i)
                if frame is None or i not in self.low or frame.seq <= self.low[i]:
                    continue
                if i in self.high and frame.seq > self.high[i]:
                    continue
                self.shown_in_window[i] += 1
                ms = (now - frame.decoded_at) * 1000.0
                self.max_ms = max(self.max_ms, ms)
                self.hist[min(HIST_BINS - 1, int(ms / HIST_MS))] += 1

    return BenchWall


def _spin(seconds: float, until: Callable[[], bool] | None = None) -> bool:
    """Run the Qt event loop for `seconds` or until `until()`; returns whether it came true."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.monotonic() + seconds
    done = [False]

    def check() -> None:
        if until is not None and until():
            done[0] = True
            loop.quit()
        elif time.monotonic() >= deadline:
            loop.quit()

    poll = QTimer()
    poll.setInterval(50)
    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    return done[0]


def run_wall(
    urls: list[str],
    layout_key: str,
    seconds: float,
    *,
    budget: bool = False,
    budget_cores: float | None = None,
    rss_every_s: float = 5.0,
    source: str = "RTSP",
) -> WallRun:
    """One wall of `layout_key` over `urls` (tile i shows urls[i]); `seconds` measured.

    `source` labels the rows: "RTSP" for the server's mounts, "file" for clip files (the
    worker paces a file at its frame rate itself: no network, no server jitter).
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from console.gc_guard import install as install_gc_guard
    from core.video import StreamKind, StreamStatus
    from core.video_wall import layout
    from video.budget import BudgetConfig, CpuBudget, CpuSampler, default_budget_cores
    from video.decode import DecodeWorker

    app = QApplication.instance() or QApplication([])
    # The console's collector: cycles collected from a GUI timer, the start-up heap frozen.
    install_gc_guard(app)
    n = layout(layout_key).size
    if len(urls) < n:
        raise ValueError(f"{layout_key} needs {n} streams, {len(urls)} given")
    wall = _make_wall_class()()
    wall.resize(WALL_W, WALL_H)
    codes = [f"CAM{i + 1:02d}" for i in range(n)]
    wall.set_cameras(layout_key, codes)
    wall.set_camera_names({c: f"Bench {c}" for c in codes})
    wall.show()
    app.processEvents()
    first = wall.tile_rect(0)
    size = (first.width(), first.height())
    cores = budget_cores if budget_cores is not None else default_budget_cores()
    run = WallRun(layout_key, source, n, size, budget_applied=budget, budget_cores=cores)
    frames = _ArrivalMailbox(max_keys=n, name="frames")
    states: LatestMailbox[int, StreamStatus] = LatestMailbox(max_keys=n, name="states")

    def on_status(tile: int) -> Callable[[StreamStatus], None]:
        def put(status: StreamStatus) -> None:  # a worker thread: hand over, never block
            states.put(tile, status)

        return put

    workers: list[DecodeWorker] = []
    for i in range(n):
        r = wall.tile_rect(i)
        workers.append(
            DecodeWorker(
                codes[i],
                StreamKind.SUB,
                urls[i],
                (r.width(), r.height()),
                frames,
                i,
                on_status(i),
            )
        )

    in_window = [False]
    last_tick = [0.0]

    def tick() -> None:
        now = time.monotonic()
        if in_window[0] and last_tick[0]:
            gap_ms = (now - last_tick[0]) * 1000
            run.tick_gap_max_ms = max(run.tick_gap_max_ms, gap_ms)
            run.late_ticks += gap_ms > 2 * TIMER_MS
        last_tick[0] = now
        for tile, status in states.take().items():
            wall.set_status(tile, status)
        got = frames.take()
        if got:
            wall.show_frames(got)

    paint_timer = QTimer()
    paint_timer.setInterval(TIMER_MS)
    paint_timer.timeout.connect(tick)

    # The CPU budget, sampled once a second as the presenter would; applied only if asked,
    # otherwise it just says how many tiles it would have degraded.
    sampler = CpuSampler()
    cpu_budget: CpuBudget[int] = CpuBudget(BudgetConfig(cores))
    order = list(range(n))

    def budget_tick() -> None:
        degraded = cpu_budget.update(time.monotonic(), sampler.sample(), order)
        if budget:
            for i, w in enumerate(workers):
                if w.keyframes_only != (i in degraded):
                    w.set_keyframes_only(i in degraded)
        if in_window[0]:
            run.degraded_max = max(run.degraded_max, cpu_budget.degraded_count)

    budget_timer = QTimer()
    budget_timer.setInterval(1000)
    budget_timer.timeout.connect(budget_tick)

    window_start = [0.0]

    def rss_tick() -> None:
        run.rss_mib.append((time.monotonic() - window_start[0], _rss_mib()))

    rss_timer = QTimer()
    rss_timer.setInterval(round(rss_every_s * 1000))
    rss_timer.timeout.connect(rss_tick)
    try:
        paint_timer.start()
        budget_timer.start()
        for w in workers:
            w.start()
        if not _spin(LIVE_TIMEOUT_S, lambda: all(w.counters.frames_decoded for w in workers)):
            dead = [w.name for w in workers if not w.counters.frames_decoded]
            raise RuntimeError(f"no first frame within {LIVE_TIMEOUT_S:g} s: {dead}")
        run.first_frame_s = [w.counters.first_frame_s or 0.0 for w in workers]
        _spin(SETTLE_S)

        # The window: every counter read at its edges.
        low = {i: w.counters.frames_decoded for i, w in enumerate(workers)}
        wall.open_window(low)
        paints0 = sum(wall.counters(i).paints for i in range(n))
        received0 = sum(wall.counters(i).received for i in range(n))
        stats0 = frames.stats()
        bursts0 = frames.burst_count()
        run.load = (_load(), 0.0)
        in_window[0] = True
        window_start[0] = time.monotonic()
        cpu0 = time.process_time()
        threads0 = _thread_cpu()
        rss_tick()
        rss_timer.start()
        _spin(seconds)
        cpu1 = time.process_time()
        threads1 = _thread_cpu()
        window_end = time.monotonic()
        high = {i: w.counters.frames_decoded for i, w in enumerate(workers)}
        stats1 = frames.stats()
        run.bursts = frames.burst_count() - bursts0
        run.superseded = wall.superseded
        rss_timer.stop()
        rss_tick()
        in_window[0] = False
        run.degraded_end = cpu_budget.degraded_count
        run.paints = sum(wall.counters(i).paints for i in range(n)) - paints0
        run.received = sum(wall.counters(i).received for i in range(n)) - received0
        wall.close_window(high)
        _spin(DRAIN_S)  # frames decoded before the window closed may still be in the mailbox
        run.load = (run.load[0], _load())
        run.window_s = window_end - window_start[0]
        run.cpu_s = cpu1 - cpu0
        run.cpu_decode_s, run.cpu_gui_s = _split_cpu(threads0, threads1)
        run.produced_per_tile = [high[i] - low[i] for i in range(n)]
        run.produced = sum(run.produced_per_tile)
        run.shown_per_tile = list(wall.shown_in_window)
        run.shown = sum(run.shown_per_tile)
        run.puts = stats1.puts - stats0.puts
        run.drops = stats1.drops - stats0.drops
        run.latency_hist = list(wall.hist)
        run.latency_max_ms = wall.max_ms
        run.errors = sum(w.counters.errors for w in workers)
        run.reconnects = sum(w.counters.reconnects for w in workers)
    finally:
        paint_timer.stop()
        budget_timer.stop()
        rss_timer.stop()
        _stop_all(workers)
        wall.close()
        wall.deleteLater()
        app.processEvents()
    return run


def _stop_all(workers: list[Any]) -> None:
    """Stop every worker, then join them all under one deadline; say which one hangs."""
    for w in workers:
        w.stop()
    deadline = time.monotonic() + JOIN_S
    stuck = [w.name for w in workers if not w.join(deadline - time.monotonic())]
    if stuck:
        raise RuntimeError(f"decode workers still running after {JOIN_S:g} s: {stuck}")


def first_frame_alone(url: str, repeats: int) -> list[float]:
    """Open to first frame of one DecodeWorker on its own, `repeats` times in a row (s)."""
    from core.video import StreamKind, StreamStatus
    from video.decode import DecodeWorker

    out = []
    for _ in range(repeats):
        box: LatestMailbox[int, VideoFrame] = LatestMailbox(max_keys=1, name="one")

        def ignore(_status: StreamStatus) -> None:
            return None

        w = DecodeWorker("CAM01", StreamKind.SUB, url, (480, 270), box, 0, ignore)
        w.start()
        try:
            deadline = time.monotonic() + LIVE_TIMEOUT_S
            while w.counters.first_frame_s is None and time.monotonic() < deadline:
                time.sleep(0.01)
            first = w.counters.first_frame_s
            if first is None:
                raise RuntimeError(f"{url}: no first frame within {LIVE_TIMEOUT_S:g} s")
            out.append(first)
        finally:
            _stop_all([w])
    return out


def first_frame_pyav(url: str, repeats: int) -> list[float]:
    """The floor: plain PyAV, the worker's options, open to first decoded frame (s)."""
    import av

    from video.decode import DEFAULT_OPTIONS

    out = []
    for _ in range(repeats):
        t = time.monotonic()
        with av.open(url, options=dict(DEFAULT_OPTIONS), timeout=(3.0, 0.5)) as container:
            for _frame in container.decode(video=0):
                out.append(time.monotonic() - t)
                break
    return out


def _ffmpeg(source: list[str], frames: int) -> list[str]:
    return [
        FFMPEG,
        "-nostdin",
        "-hide_banner",
        "-loglevel",
        "error",
        "-threads",
        "1",
        *source,
        "-frames:v",
        str(frames),
        "-fps_mode",
        "passthrough",
        "-f",
        "null",
        "-",
    ]


def _ffmpeg_cpu(commands: list[list[str]], timeout_s: float) -> float:
    """Run the commands in parallel; their CPU time (user + system) in seconds.

    RUSAGE_CHILDREN counts children once they are waited for; nothing else is reaped here
    meanwhile (the RTSP server runs on until after every baseline).
    """
    before = _children_cpu()
    procs = [
        subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in commands
    ]
    failed = []
    try:
        for p, c in zip(procs, commands, strict=True):
            _, err = p.communicate(timeout=timeout_s)
            if p.returncode:
                failed.append(f"{' '.join(c)}: {err.decode(errors='replace').strip()}")
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait(5)
    if failed:
        raise RuntimeError("ffmpeg failed: " + "; ".join(failed))
    return _children_cpu() - before


def ffmpeg_file_ms(clip: Path, frames: int, repeats: int = 3) -> float:
    """Marginal CPU ms per frame of `ffmpeg -threads 1 -i clip -f null -` (median of repeats)."""
    short = FPS
    per = []
    for _ in range(repeats):
        long_cpu = _ffmpeg_cpu([_ffmpeg(["-i", str(clip)], frames)], 120)
        short_cpu = _ffmpeg_cpu([_ffmpeg(["-i", str(clip)], short)], 60)
        per.append((long_cpu - short_cpu) / (frames - short) * 1000)
    return statistics.median(per)


def ffmpeg_rtsp_ms(urls: list[str], frames: int) -> float:
    """Marginal CPU ms per frame of ffmpeg reading the mounts (the worker's RTSP options)."""
    short = FPS
    opts = ["-rtsp_transport", "tcp", "-analyzeduration", "100000"]
    timeout = frames / FPS + 30
    long_cpu = _ffmpeg_cpu([_ffmpeg([*opts, "-i", u], frames) for u in urls], timeout)
    short_cpu = _ffmpeg_cpu([_ffmpeg([*opts, "-i", u], short) for u in urls], timeout)
    return (long_cpu - short_cpu) / (len(urls) * (frames - short)) * 1000


@dataclass
class Results:
    """Everything one invocation measured."""

    walls: list[WallRun]
    rss: WallRun | None
    ffmpeg_file_ms: float
    ffmpeg_rtsp_ms: dict[int, float]  # by the number of clients at once: the wall's tiles
    alone_s: list[float]
    pyav_s: list[float]
    load: tuple[float, float]
    server_nice: int = 0


def run(
    seconds: float,
    rss_seconds: float,
    budget: bool,
    budget_cores: float | None,
    tmp: Path,
    server_nice: int = 0,
) -> Results:
    """Clips, one RTSP server for every tile, the baselines, then the walls."""
    from video.clips import ClipSpec, make_clip
    from video.rtsp_server import RtspServer

    load0 = _load()
    clips = [
        make_clip(tmp / f"street{k}.h264", ClipSpec(f"BENCH {k}", SOURCE_W, SOURCE_H, FPS, seed=k))
        for k in range(DISTINCT_CLIPS)
    ]
    # The file baseline decodes one clip played ten times over (raw H.264 cannot -stream_loop).
    long_clip = tmp / "long.h264"
    data = clips[0].read_bytes()
    long_clip.write_bytes(data * 10)
    mounts = {f"/cam{i + 1:02d}/sub": clips[i % DISTINCT_CLIPS] for i in range(25)}
    server = RtspServer(mounts, fps=FPS)
    server.start()
    pid = server.pid
    assert pid is not None
    if server_nice:
        _renice(pid, server_nice)

    def rtsp_wall(layout: str, seconds: float, **kw: Any) -> WallRun:
        cpu0, t0 = _process_cpu(pid), time.monotonic()
        w = run_wall(urls, layout, seconds, **kw)
        w.server_cores = (_process_cpu(pid) - cpu0) / (time.monotonic() - t0)
        return w

    try:
        urls = [server.url(m) for m in mounts]
        file_ms = ffmpeg_file_ms(long_clip, 2000)
        rtsp_frames = round(FPS * max(6.0, min(seconds, 20.0)))
        # As many ffmpeg clients at once as the wall has tiles: the same streams, paced by
        # the server and sharing the cores as the wall's decoders do (4 clients measured
        # 0.64-0.75 ms a frame, 16 and 25 0.51-0.60: the fairer baseline is the lower one).
        rtsp_ms = {n: ffmpeg_rtsp_ms(urls[:n], rtsp_frames) for n in (16, 25)}
        pyav = first_frame_pyav(urls[0], 3)
        alone = first_frame_alone(urls[1], 3)
        walls = [rtsp_wall("4x4", seconds), rtsp_wall("5x5", seconds)]
        # The same wall over the clip files: the wall alone, without the server's jitter.
        files = [str(c) for c in mounts.values()]
        walls.append(run_wall(files, "5x5", seconds, source="file"))
        if budget:
            walls.append(rtsp_wall("5x5", seconds, budget=True, budget_cores=budget_cores))
        rss = rtsp_wall("4x4", rss_seconds, rss_every_s=5.0) if rss_seconds > 0 else None
    finally:
        server.stop()
    return Results(walls, rss, file_ms, rtsp_ms, alone, pyav, (load0, _load()), server_nice)


def table_rows(r: Results) -> list[Row]:
    """(label, value, baseline, note) rows."""
    cpus = os.cpu_count() or 1
    rows: list[Row] = []
    for w in r.walls:
        tag = f"{w.layout}{' files' if w.source == 'file' else ''}"
        tag += " +budget" if w.budget_applied else ""
        where = (
            f"{w.tiles} tiles of {SOURCE_W}x{SOURCE_H}@{FPS} {w.source}, tile {w.tile_size[0]}x"
            f"{w.tile_size[1]}, {w.window_s:.0f} s, load {w.load[0]:.2f}→{w.load[1]:.2f} on "
            f"{cpus} CPUs"
        )
        per_frame = w.cpu_s / w.shown * 1000 if w.shown else float("nan")
        cores = f"process CPU {w.cpu_s / w.window_s:.2f} cores; {where}"
        if w.source == "RTSP":
            cores += f"; the RTSP server (another process) {w.server_cores:.2f} cores" + (
                f" at nice {r.server_nice}" if r.server_nice else ""
            )
        if w.source == "RTSP":
            rows.append(
                (
                    f"wall {tag}: CPU per displayed frame, ms",
                    per_frame,
                    r.ffmpeg_rtsp_ms[w.tiles],
                    f"goal ratio ≤ {GOAL_CPU_RATIO}; baseline: ffmpeg -threads 1 from the same "
                    f"RTSP mounts, {w.tiles} clients at once; {cores}",
                )
            )
        rows.append(
            (
                f"wall {tag}: CPU per displayed frame vs file, ms",
                per_frame,
                r.ffmpeg_file_ms,
                f"goal ratio ≤ {GOAL_CPU_RATIO}; baseline: ffmpeg -threads 1 -i the same clip "
                "file (decode alone: no network, no scaling)"
                + ("" if w.source == "RTSP" else f"; {cores}"),
            )
        )
        if w.shown:
            rows.append(
                (
                    f"wall {tag}: of which decode threads / GUI thread, ms",
                    w.cpu_decode_s / w.shown * 1000,
                    w.cpu_gui_s / w.shown * 1000,
                    "per displayed frame; decode threads: demux, decode, scale to BGRA at tile "
                    "size; GUI thread: timer, show_frames, paint; ratio = decode / GUI; other "
                    f"threads (FFmpeg's own, e.g. swscale's) "
                    f"{(w.cpu_s - w.cpu_decode_s - w.cpu_gui_s) / w.shown * 1000:.3f} ms",
                )
            )
        expected = w.tiles * FPS * w.window_s
        rows.append(
            (
                f"wall {tag}: frames shown / produced, %",
                100.0 * w.shown / w.produced if w.produced else float("nan"),
                100.0 * w.produced / expected,
                f"goal ≥ {GOAL_SHOWN_PCT:g} % (5x5, 60 s); {w.shown:,} of {w.produced:,}; "
                f"baseline: produced / {FPS} fps x tiles x window (the decoders keep up)",
            )
        )
        fps = [n / w.window_s for n in w.shown_per_tile]
        made = [n / w.window_s for n in w.produced_per_tile]
        rows.append(
            (
                f"wall {tag}: fps shown per tile, min (median)",
                min(fps),
                statistics.median(made),
                f"median {statistics.median(fps):.1f}; baseline: frames decoded per tile and "
                f"second (median; the clips are {FPS} fps)",
            )
        )
        rows.append(
            (
                f"wall {tag}: mailbox drops in window",
                float(w.drops),
                float(w.puts),
                f"baseline: puts; frames arriving < {BURST_S * 1000:.0f} ms after their tile's "
                f"previous (source or network bursts) {w.bursts:,}; paint timer late (> "
                f"{2 * TIMER_MS} ms) {w.late_ticks:,} times, longest gap "
                f"{w.tick_gap_max_ms:.0f} ms; taken but replaced before a paint "
                f"{w.superseded:,}; paint passes over tiles {w.paints:,} "
                f"({w.paints / max(1, w.shown):.2f} per frame shown); decoder errors "
                f"{w.errors}, reconnects {w.reconnects}",
            )
        )
        rows.append(
            (
                f"wall {tag}: decode-to-paint latency p95, ms",
                w.latency_ms(0.95),
                float(TIMER_MS),
                f"goal ≤ {GOAL_LATENCY_MS:g} ms; p50 {w.latency_ms(0.5):.1f}, max "
                f"{w.latency_max_ms:.1f}; baseline: the paint timer's period",
            )
        )
        rows.append(
            (
                f"wall {tag}: open to first frame, all tiles at once, max s",
                max(w.first_frame_s),
                statistics.median(r.pyav_s),
                f"median {statistics.median(w.first_frame_s):.2f} s; {w.tiles} opens at once; "
                "baseline: plain PyAV open of one mount",
            )
        )
        rows.append(
            (
                f"wall {tag}: CPU budget degraded tiles, max (end)",
                float(w.degraded_max),
                float(w.tiles),
                f"at end {w.degraded_end}; budget {w.budget_cores:.2f} cores; "
                + ("applied (keyframes only)" if w.budget_applied else "observed, not applied")
                + "; baseline: tiles",
            )
        )
    rows.append(
        (
            "camera open to first frame, one alone, median s",
            statistics.median(r.alone_s),
            statistics.median(r.pyav_s),
            f"goal ≤ {GOAL_FIRST_FRAME_S:g} s; DecodeWorker, {len(r.alone_s)} opens, max "
            f"{max(r.alone_s):.2f}; baseline: plain PyAV, same options",
        )
    )
    if r.rss is not None:
        w = r.rss
        start = w.rss_mib[0][1]
        end = w.rss_mib[-1][1]
        peak = max(m for _, m in w.rss_mib)
        # The second half's growth says whether it keeps growing or has levelled off.
        half = [m for t, m in w.rss_mib if t >= w.window_s / 2]
        rows.append(
            (
                f"wall 4x4: RSS growth over {w.window_s / 60:.1f} min, MiB",
                end - start,
                start,
                f"goal ≤ {GOAL_RSS_MB:g} MB; peak +{peak - start:.1f}, second half "
                f"+{(half[-1] - half[0]) if half else 0.0:.1f}; {w.shown:,} frames shown "
                f"({100.0 * w.shown / max(1, w.produced):.1f} %); load {w.load[0]:.2f}→"
                f"{w.load[1]:.2f}; baseline: RSS at the window's start",
            )
        )
    return rows


def print_table(rows: list[Row]) -> None:
    print(f"{'measure':<66}{'wall':>10}{'baseline':>10}{'ratio':>8}  note")
    for name, value, base, note in rows:
        ratio = f"{value / base:>8.2f}" if base > 1e-3 else f"{'—':>8}"
        print(f"{name:<66}{value:>10.3f}{base:>10.3f}{ratio}  {note}")


def main() -> int:
    ap = argparse.ArgumentParser(prog="bench.video_wall", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smoke run: 20 s walls, RSS over 60 s")
    ap.add_argument("--seconds", type=float, help="measured seconds per wall (60; quick 20)")
    ap.add_argument(
        "--rss-seconds", type=float, help="seconds of the 4x4 RSS run (600; quick 60; 0: skip)"
    )
    ap.add_argument(
        "--budget", action="store_true", help="also run the 5x5 wall with the CPU budget applied"
    )
    ap.add_argument(
        "--budget-cores",
        type=float,
        help="the applied budget in cores (default: video/budget.py's, 0.9 x CPUs); a small "
        "one makes it degrade tiles on an idle machine",
    )
    ap.add_argument(
        "--server-nice",
        type=int,
        default=0,
        help="run the RTSP server at this nice value: cameras are other machines in the "
        "field, here the server shares the wall's two cores (default 0: as started)",
    )
    args = ap.parse_args()
    seconds = args.seconds if args.seconds is not None else (20.0 if args.quick else 60.0)
    rss_seconds = (
        args.rss_seconds if args.rss_seconds is not None else (60.0 if args.quick else 600.0)
    )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="bench-video-wall-") as tmp:
        results = run(
            seconds, rss_seconds, args.budget, args.budget_cores, Path(tmp), args.server_nice
        )
    print_table(table_rows(results))
    print(
        f"load average {results.load[0]:.2f} at start, {results.load[1]:.2f} at end, "
        f"{os.cpu_count()} CPUs; ffmpeg baselines: file {results.ffmpeg_file_ms:.3f} ms/frame, "
        f"RTSP {results.ffmpeg_rtsp_ms[16]:.3f} / {results.ffmpeg_rtsp_ms[25]:.3f} ms/frame "
        "(16 / 25 clients at once); the RTSP server's CPU (another process) is in neither"
    )
    return 0


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    raise SystemExit(main())
