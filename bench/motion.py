"""`python -m bench.motion`: CPU per analysed frame of MotionDetector at 320x180 and 640x360.

Frames: BGRA as the decode worker hands them, decoded from a generated street clip (moving
boxes, a clock) at each size. Per size: `MotionDetector.process` (running-average frame
differencing in numpy, the detector's method), the same running average done with OpenCV calls
(the detector's former implementation), and, as the baseline the method was chosen against,
the OpenCV pipeline with `cv2.createBackgroundSubtractorMOG2` in place of the running average.
CPU time (`time.thread_time`), one OpenCV thread, as on a decode worker. At 4 Hz per camera,
16 cameras cost 64 times the per-frame figure per second.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import av
import cv2
import numpy as np

from core.motion import MotionSettings, thresholds_for
from video.clips import ClipSpec, make_clip
from video.motion import MotionDetector

SIZES = ((320, 180), (640, 360))


def _frames(width: int, height: int, directory: Path, n: int) -> list[np.ndarray]:
    clip = make_clip(
        directory / f"m{width}.h264", ClipSpec("BENCH", width=width, height=height, seconds=4)
    )
    out: list[np.ndarray] = []
    with av.open(str(clip)) as container:
        for frame in container.decode(video=0):
            out.append(np.ascontiguousarray(frame.to_ndarray(format="bgra")))
            if len(out) >= n:
                break
    return out


def _mog2_ms(frames: list[np.ndarray], rounds: int) -> list[float]:
    mog = cv2.createBackgroundSubtractorMOG2(history=100, varThreshold=16, detectShadows=False)
    thresholds = thresholds_for(50)
    times = []
    for _ in range(rounds):
        for image in frames:
            t = time.thread_time()
            grey = cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
            h, w = grey.shape
            if w > 320:
                grey = cv2.resize(grey, (320, round(h * 320 / w)), interpolation=cv2.INTER_AREA)
            changed = mog.apply(cv2.GaussianBlur(grey, (5, 5), 0))
            changed = cv2.morphologyEx(changed, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
            changed = cv2.dilate(changed, np.ones((3, 3), np.uint8), iterations=2)
            _, _, stats, _ = cv2.connectedComponentsWithStats(changed)
            _ = [s for s in stats[1:] if s[4] >= thresholds.min_area * changed.size]
            times.append((time.thread_time() - t) * 1000)
    return times


def _opencv_ms(frames: list[np.ndarray], rounds: int) -> list[float]:
    """The running average as the detector did it with OpenCV (no mask)."""
    thresholds = thresholds_for(50)
    kernel = np.ones((3, 3), np.uint8)
    background: np.ndarray | None = None
    times = []
    for _ in range(rounds):
        for image in frames:
            t = time.thread_time()
            grey = cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
            h, w = grey.shape
            if w > 320:
                grey = cv2.resize(grey, (320, round(h * 320 / w)), interpolation=cv2.INTER_AREA)
            grey = cv2.GaussianBlur(grey, (5, 5), 0)
            if background is None:
                background = grey.astype(np.float32)
                continue
            diff = cv2.absdiff(grey, cv2.convertScaleAbs(background))
            _, changed = cv2.threshold(diff, thresholds.pixel_delta, 255, cv2.THRESH_BINARY)
            _ = cv2.countNonZero(changed)
            cv2.accumulateWeighted(grey, background, 0.05)
            changed = cv2.morphologyEx(changed, cv2.MORPH_OPEN, kernel)
            changed = cv2.dilate(changed, kernel, iterations=2)
            _, _, stats, _ = cv2.connectedComponentsWithStats(changed, connectivity=8)
            _ = [s for s in stats[1:] if s[4] >= thresholds.min_area * changed.size]
            times.append((time.thread_time() - t) * 1000)
    return times


def _detector_ms(frames: list[np.ndarray], rounds: int) -> tuple[list[float], int]:
    detector = MotionDetector(MotionSettings(cooldown_s=0))
    times = []
    moving = 0
    at = 0.0
    for _ in range(rounds):
        for image in frames:
            at += 0.25
            t = time.thread_time()
            result = detector.process(image, at)
            times.append((time.thread_time() - t) * 1000)
            moving += result.motion
    return times, moving


def run(rounds: int, n: int) -> dict[str, float]:
    cv2.setNumThreads(1)
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for width, height in SIZES:
            frames = _frames(width, height, Path(tmp), n)
            det, moving = _detector_ms(frames, rounds)
            mog = _mog2_ms(frames, rounds)
            old = _opencv_ms(frames, rounds)
            key = f"{width}x{height}"
            out[f"{key}_detector_ms"] = statistics.median(det)
            out[f"{key}_detector_p95_ms"] = sorted(det)[int(0.95 * (len(det) - 1))]
            out[f"{key}_mog2_ms"] = statistics.median(mog)
            out[f"{key}_opencv_ms"] = statistics.median(old)
            out[f"{key}_frames_with_motion"] = moving / (rounds * len(frames))
    return out


def report(r: dict[str, float]) -> str:
    lines = [
        f"{'size':<10}{'detector ms':>13}{'p95':>8}{'OpenCV ms':>11}{'MOG2 ms':>10}{'motion':>9}"
    ]
    for width, height in SIZES:
        k = f"{width}x{height}"
        lines.append(
            f"{k:<10}{r[k + '_detector_ms']:>13.3f}{r[k + '_detector_p95_ms']:>8.3f}"
            f"{r[k + '_opencv_ms']:>11.3f}{r[k + '_mog2_ms']:>10.3f}"
            f"{r[k + '_frames_with_motion']:>9.0%}"
        )
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(prog="bench.motion", description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3, help="passes over the decoded frames")
    ap.add_argument("--frames", type=int, default=100, help="frames decoded per size")
    ap.add_argument("--json", action="store_true", help="print one JSON line instead")
    args = ap.parse_args()
    result = run(args.rounds, args.frames)
    print(json.dumps(result) if args.json else report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
