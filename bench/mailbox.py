"""`python -m bench.mailbox`: GUI-thread cost of frames and tag positions, mailbox vs signals.

Load: 16 camera slots at 25 fps (640×360 RGB numpy frames, from 4 decoder threads of 4 cameras
each) and 10,000 tag positions a second over 2,000 tags (from 2 reader threads), for a few
seconds per variant, in one process:

- mailbox: workers put into two LatestMailbox objects; one MailboxPump timer (40 ms) takes
  them on the GUI thread and hands the batches to counting handlers;
- baseline: the same updates as one queued Qt signal each (a QObject signal emitted on the
  worker threads, connected to @Slot methods of a QObject on the GUI thread), counting too.

The GUI thread's CPU share is `time.thread_time()` sampled on it around the event loop, divided
by wall time. Frame age is the time from put/emit to the handler or slot.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from console.pump import MailboxPump
from core.mailbox import LatestMailbox

CAMERAS = 16
FPS = 25
FRAME_THREADS = 4
FRAME_SHAPE = (360, 640, 3)
TAGS = 2000
TAG_RATE = 10_000  # positions per second, all readers together
TAG_THREADS = 2
TAG_PERIOD = 0.010  # a reader hands over a burst every 10 ms, like a serial read loop
INTERVAL_MS = 40
DRAIN_LIMIT_S = 5.0

Put = Callable[[int, Any], object]


class _Producers:
    """The decoder and reader threads: paced to the target rates, stopped and joined by us."""

    def __init__(self, put_frame: Put, put_tag: Put, tag_rate: int = TAG_RATE) -> None:
        self.tag_rate = tag_rate
        self.stop_event = threading.Event()
        self.counts = [0] * (FRAME_THREADS + TAG_THREADS)
        pool = [[np.full(FRAME_SHAPE, c + i, np.uint8) for i in range(2)] for c in range(CAMERAS)]
        per = CAMERAS // FRAME_THREADS
        self.threads = [
            threading.Thread(
                target=self._frames,
                args=(n, range(n * per, (n + 1) * per), pool, put_frame),
                name=f"bench-decode:{n}",
            )
            for n in range(FRAME_THREADS)
        ]
        share = TAGS // TAG_THREADS
        self.threads += [
            threading.Thread(
                target=self._tags,
                args=(FRAME_THREADS + n, range(n * share, (n + 1) * share), put_tag),
                name=f"bench-tags:{n}",
            )
            for n in range(TAG_THREADS)
        ]

    def start(self) -> None:
        for t in self.threads:
            t.start()

    def stop(self) -> None:
        self.stop_event.set()
        for t in self.threads:
            t.join(timeout=10)
        alive = [t.name for t in self.threads if t.is_alive()]
        if alive:
            raise RuntimeError(f"producer threads did not stop: {alive}")

    @property
    def total(self) -> int:
        return sum(self.counts)

    def _paced(self, period: float, step: Callable[[], None]) -> None:
        due = time.perf_counter()
        while not self.stop_event.is_set():
            step()
            due += period
            delay = due - time.perf_counter()
            if delay > 0:
                self.stop_event.wait(delay)
            elif delay < -0.5:  # starved for half a second: skip instead of bursting to catch up
                due = time.perf_counter()

    def _frames(self, n: int, cams: range, pool: list[list[np.ndarray]], put: Put) -> None:
        seq = 0

        def step() -> None:
            nonlocal seq
            seq += 1
            for cam in cams:
                put(cam, (time.perf_counter(), pool[cam][seq & 1]))
            self.counts[n] += len(cams)

        self._paced(1 / FPS, step)

    def _tags(self, n: int, tags: range, put: Put) -> None:
        burst = round(self.tag_rate / TAG_THREADS * TAG_PERIOD)
        i = 0

        def step() -> None:
            nonlocal i
            for _ in range(burst):
                tag = tags[i % len(tags)]
                put(tag, (tag * 0.5, i * 0.01))
                i += 1
            self.counts[n] += burst

        self._paced(TAG_PERIOD, step)


def _run_loop(app: QCoreApplication, seconds: float) -> tuple[float, float, float]:
    """Run the GUI event loop for `seconds`: (wall s, GUI-thread CPU s, process CPU s)."""
    QTimer.singleShot(int(seconds * 1000), app.quit)
    w0, t0, p0 = time.perf_counter(), time.thread_time(), time.process_time()
    app.exec()
    return time.perf_counter() - w0, time.thread_time() - t0, time.process_time() - p0


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def run_mailbox(app: QCoreApplication, seconds: float, tag_rate: int) -> dict[str, float]:
    """The mailbox variant: two mailboxes, one pump timer, counting handlers."""
    frames: LatestMailbox[int, tuple[float, np.ndarray]] = LatestMailbox(CAMERAS, "frames")
    tags: LatestMailbox[int, tuple[float, float]] = LatestMailbox(TAGS, "tags")
    pump = MailboxPump(INTERVAL_MS, history=100_000)
    got = {"frames": 0, "tags": 0, "calls": 0}
    ages: list[float] = []

    def on_frames(batch: dict[int, tuple[float, np.ndarray]]) -> None:
        now = time.perf_counter()
        got["frames"] += len(batch)
        got["calls"] += 1
        ages.extend(now - t for t, _ in batch.values())

    def on_tags(batch: dict[int, tuple[float, float]]) -> None:
        got["tags"] += len(batch)
        got["calls"] += 1

    pump.attach(frames, on_frames)
    pump.attach(tags, on_tags)
    producers = _Producers(frames.put, tags.put, tag_rate)
    producers.start()
    try:
        wall, gui_cpu, proc_cpu = _run_loop(app, seconds)
    finally:
        producers.stop()
        pump.stop()
    costs = pump.tick_costs()
    result: dict[str, float] = {
        "wall_s": wall,
        "tag_rate": tag_rate,
        "updates_per_s": producers.total / wall,
        "gui_cpu_pct": 100 * gui_cpu / wall,
        "process_cpu_pct": 100 * proc_cpu / wall,
        "ticks": pump.ticks,
        "tick_mean_ms": 1000 * statistics.fmean(costs) if costs else 0.0,
        "tick_p95_ms": 1000 * _pct(costs, 0.95),
        "tick_max_ms": 1000 * pump.max_tick_s,
        "frames_delivered": got["frames"],
        "frames_dropped": frames.drops,
        "tags_delivered": got["tags"],
        "tags_coalesced": tags.drops,
        "frame_age_p95_ms": 1000 * _pct(ages, 0.95),
        "frame_age_max_ms": 1000 * max(ages, default=0.0),
        "handler_calls_per_s": got["calls"] / wall,
    }
    pump.deleteLater()
    return result


class _Emitter(QObject):
    """The baseline's bridge: created on the GUI thread, its signals emitted by the workers."""

    sig_frame_decoded = Signal(int, object)  # camera, (t, frame); emitted on a decoder thread
    sig_tag_moved = Signal(int, object)  # tag, (x, y); emitted on a reader thread


class _Receiver(QObject):
    """The baseline's GUI side: one queued slot call per update, counting."""

    def __init__(self) -> None:
        super().__init__()
        self.frames = 0
        self.tags = 0
        self.ages: list[float] = []

    @Slot(int, object)
    def _on_emitter_frame_decoded(self, cam: int, value: tuple[float, np.ndarray]) -> None:
        self.frames += 1
        self.ages.append(time.perf_counter() - value[0])

    @Slot(int, object)
    def _on_emitter_tag_moved(self, tag: int, value: tuple[float, float]) -> None:
        self.tags += 1


def run_signals(app: QCoreApplication, seconds: float, tag_rate: int) -> dict[str, float]:
    """The baseline: one queued signal per frame and per tag position."""
    emitter, receiver = _Emitter(), _Receiver()
    emitter.sig_frame_decoded.connect(receiver._on_emitter_frame_decoded)
    emitter.sig_tag_moved.connect(receiver._on_emitter_tag_moved)
    producers = _Producers(emitter.sig_frame_decoded.emit, emitter.sig_tag_moved.emit, tag_rate)
    producers.start()
    try:
        wall, gui_cpu, proc_cpu = _run_loop(app, seconds)
        delivered_in_time = receiver.frames + receiver.tags
    finally:
        producers.stop()
    backlog = producers.total - delivered_in_time
    # Drain what is still queued (bounded), then drop the rest so nothing outlives the run.
    t0 = time.perf_counter()
    while (
        receiver.frames + receiver.tags < producers.total
        and time.perf_counter() - t0 < DRAIN_LIMIT_S
    ):
        app.processEvents()
    drain_s = time.perf_counter() - t0
    undelivered = producers.total - receiver.frames - receiver.tags
    QCoreApplication.removePostedEvents(receiver)
    emitter.deleteLater()
    receiver.deleteLater()
    return {
        "wall_s": wall,
        "updates_per_s": producers.total / wall,
        "gui_cpu_pct": 100 * gui_cpu / wall,
        "process_cpu_pct": 100 * proc_cpu / wall,
        "slot_calls_per_s": delivered_in_time / wall,
        "backlog_at_end": backlog,
        "drain_s": drain_s,
        "undelivered": undelivered,
        "gui_cpu_us_per_update": 1e6 * gui_cpu / max(1, delivered_in_time),
        "frame_age_p95_ms": 1000 * _pct(receiver.ages, 0.95),
        "frame_age_max_ms": 1000 * max(receiver.ages, default=0.0),
    }


def run(seconds: float = 5.0, tag_rate: int = TAG_RATE) -> dict[str, dict[str, float]]:
    """Both variants, one after the other, in this process."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    mailbox = run_mailbox(app, seconds, tag_rate)
    app.processEvents()
    signals = run_signals(app, seconds, tag_rate)
    app.processEvents()
    return {"mailbox": mailbox, "signals": signals}


def table_rows(r: dict[str, dict[str, float]]) -> list[tuple[str, float, float, str]]:
    """(measure, mailbox, baseline, note) rows for `python -m bench`'s table."""
    m, s = r["mailbox"], r["signals"]
    return [
        (
            "GUI thread CPU, frames+tags (% of a core)",
            m["gui_cpu_pct"],
            s["gui_cpu_pct"],
            "baseline: one queued signal per update",
        ),
        ("pump tick on GUI thread, mean (ms)", m["tick_mean_ms"], 0.0, "16 frames + 2,000 tags"),
        ("pump tick on GUI thread, p95 (ms)", m["tick_p95_ms"], 0.0, ""),
        ("pump tick on GUI thread, max (ms)", m["tick_max_ms"], 0.0, ""),
        ("frame age at the GUI, p95 (ms)", m["frame_age_p95_ms"], s["frame_age_p95_ms"], ""),
        ("signals still queued at the end", 0.0, s["backlog_at_end"], "updates not yet shown"),
    ]


def report(r: dict[str, dict[str, float]]) -> str:
    """A human-readable account of both variants."""
    m, s = r["mailbox"], r["signals"]
    lines = [
        f"load: {CAMERAS} cameras x {FPS} fps ({FRAME_SHAPE[1]}x{FRAME_SHAPE[0]} RGB) from "
        f"{FRAME_THREADS} threads + {m['tag_rate']:,.0f} tag positions/s over {TAGS:,} tags from "
        f"{TAG_THREADS} threads; {m['wall_s']:.1f} s per variant, {os.cpu_count()} CPUs",
        "",
        f"{'':<34}{'mailbox+pump':>14}{'signal/update':>15}",
        f"{'updates produced (/s)':<34}{m['updates_per_s']:>14,.0f}{s['updates_per_s']:>15,.0f}",
        f"{'GUI thread CPU (% of a core)':<34}{m['gui_cpu_pct']:>14.2f}{s['gui_cpu_pct']:>15.2f}",
        f"{'process CPU (% of a core)':<34}{m['process_cpu_pct']:>14.1f}"
        f"{s['process_cpu_pct']:>15.1f}",
        f"{'GUI handler/slot calls (/s)':<34}{m['handler_calls_per_s']:>14,.0f}"
        f"{s['slot_calls_per_s']:>15,.0f}",
        f"{'frame age at GUI p95 / max (ms)':<34}"
        f"{m['frame_age_p95_ms']:>7.1f} /{m['frame_age_max_ms']:>5.0f}"
        f"{s['frame_age_p95_ms']:>8.1f} /{s['frame_age_max_ms']:>5.0f}",
        "",
        f"mailbox: {m['ticks']:.0f} ticks of {INTERVAL_MS} ms; GUI time per tick mean "
        f"{m['tick_mean_ms']:.3f} ms, p95 {m['tick_p95_ms']:.3f} ms, "
        f"max {m['tick_max_ms']:.3f} ms; "
        f"frames shown {m['frames_delivered']:,.0f}, dropped {m['frames_dropped']:,.0f}; "
        f"tag positions shown {m['tags_delivered']:,.0f}, superseded {m['tags_coalesced']:,.0f}",
        f"signals: GUI CPU {s['gui_cpu_us_per_update']:.1f} µs per update; "
        f"{s['backlog_at_end']:,.0f} still queued when the run ended, drained in "
        f"{s['drain_s']:.2f} s ({s['undelivered']:,.0f} discarded)",
    ]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(prog="bench.mailbox", description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0, help="run time of each variant")
    ap.add_argument("--tag-rate", type=int, default=TAG_RATE, help="tag positions per second")
    ap.add_argument("--json", action="store_true", help="print one JSON line instead")
    args = ap.parse_args()
    result = run(args.seconds, args.tag_rate)
    print(json.dumps(result) if args.json else report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
