"""Synthetic camera clips (moving objects, a burnt-in clock and camera name) encoded with PyAV."""

from __future__ import annotations

import multiprocessing
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from multiprocessing.connection import Connection
from pathlib import Path

import av
import numpy as np

from video.bitmapfont import draw_text, fill_rect, text_width
from video.filelock import LockTimeout, exclusive

# Bumped when the encoding changes, so that cached clips (the demo's) are made again.
ENCODING_VERSION = 3

LOCK_NAME = ".clips.lock"  # in the clips' folder, held while one clip is encoded

# Encoders by the clip's file extension: Annex-B elementary streams that the RTSP server loops.
_CODECS = {".h264": "libx264", ".264": "libx264", ".h265": "libx265", ".265": "libx265"}


@dataclass(frozen=True, slots=True)
class ClipSpec:
    """What a generated clip looks like."""

    label: str  # burnt in at the top left (ASCII: video/bitmapfont.py)
    width: int = 640
    height: int = 360
    fps: int = 25
    seconds: float = 8.0
    gop: int = 25  # a keyframe every second: a new client's first frame comes quickly
    seed: int = 0  # moves the objects differently per camera
    bitrate: int = 400_000


def _frame(spec: ClipSpec, i: int, rng_phase: np.ndarray) -> np.ndarray:
    """Frame `i`: a street-grey background, three moving boxes, the label and the clip clock."""
    w, h = spec.width, spec.height
    img = np.full((h, w, 3), (70, 74, 78), dtype=np.uint8)
    # A road band and lane marks so the picture reads as a street at a glance.
    fill_rect(img, 0, h * 55 // 100, w, h * 85 // 100, (52, 52, 54))
    for x in range(-(i * 4 % 80), w, 80):
        fill_rect(img, x, h * 70 // 100 - 2, x + 40, h * 70 // 100 + 2, (200, 200, 200))
    t = i / spec.fps
    colours = ((40, 160, 230), (210, 120, 50), (90, 200, 90))
    for k, colour in enumerate(colours):
        speed = 0.08 + 0.05 * k
        phase = float(rng_phase[k])
        cx = int((np.sin(t * speed * 2 * np.pi + phase) * 0.42 + 0.5) * w)
        cy = int(h * (0.62 + 0.08 * k))
        bw, bh = w // (10 + 2 * k), h // (9 + k)
        fill_rect(img, cx - bw // 2, cy - bh // 2, cx + bw // 2, cy + bh // 2, colour)
    # Font dots of ~1/120 of the picture's height: 3 px on 360 lines, 6 on 720.
    scale = max(1, h // 120)
    top = max(2, h // 40)
    draw_text(img, spec.label, 10, top, scale, (255, 255, 255))
    clock = f"{int(t) // 60:02d}:{int(t) % 60:02d}.{i % spec.fps:02d}"
    draw_text(img, clock, w - 10 - text_width(clock, scale), top, scale, (255, 255, 255))
    return img


def make_clip(path: Path, spec: ClipSpec) -> Path:
    """Encode `spec` to `path` (.h264 or .h265, Annex-B) atomically; returns `path`."""
    codec = _CODECS.get(path.suffix.lower())
    if codec is None:
        raise ValueError(f"{path}: expected a .h264 or .h265 file name")
    path.parent.mkdir(parents=True, exist_ok=True)
    # A name of this writer's own: another process making the same clip (the console and its
    # recorder on a first run) must not write into, or rename away, this one's file.
    tmp = path.with_name(f"{path.name}.{os.getpid()}-{secrets.token_hex(3)}.part")
    try:
        _encode(tmp, spec, codec)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _encode(tmp: Path, spec: ClipSpec, codec: str) -> None:
    rng = np.random.default_rng(spec.seed)
    phase = rng.uniform(0, 2 * np.pi, 3)
    fmt = "hevc" if codec == "libx265" else "h264"
    with av.open(str(tmp), "w", format=fmt) as out:
        stream = out.add_stream(codec, rate=spec.fps)
        assert isinstance(stream, av.video.stream.VideoStream)
        stream.width, stream.height = spec.width, spec.height
        stream.pix_fmt = "yuv420p"
        stream.bit_rate = spec.bitrate
        stream.time_base = Fraction(1, spec.fps)
        if codec == "libx264":
            stream.options = {
                "preset": "veryfast",
                "tune": "zerolatency",
                "g": str(spec.gop),
                "keyint_min": str(spec.gop),
                "sc_threshold": "0",
                "bf": "0",
                # One slice per picture: zerolatency's sliced threads split a keyframe into
                # slices that an RTSP client may hand on as two pictures (a burst per GOP).
                "x264-params": "sliced-threads=0",
                "threads": "1",
            }
        else:
            stream.options = {
                "preset": "ultrafast",
                "x265-params": f"keyint={spec.gop}:min-keyint={spec.gop}:"
                "scenecut=0:bframes=0:log-level=error:repeat-headers=1",
            }
        for i in range(int(spec.seconds * spec.fps)):
            frame = av.VideoFrame.from_ndarray(_frame(spec, i, phase), format="bgr24")
            frame.pts = i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


class ClipError(RuntimeError):
    """A clip could not be encoded."""


class ClipWaitError(ClipError):
    """Another process was making the clip, and the wait for it ended first."""


def _make_in_child(path: Path, spec: ClipSpec, report: Connection) -> None:
    try:
        make_clip(path, spec)
    except Exception as exc:
        report.send(f"{type(exc).__name__}: {exc}")
        raise SystemExit(1) from exc
    report.send("")


def ensure_clip(
    path: Path,
    spec: ClipSpec,
    *,
    timeout: float = 600.0,
    should_stop: Callable[[], bool] | None = None,
) -> Path:
    """`make_clip` unless the file already exists (the demo generates its clips on first run).

    The encoders run in a child process: libx265's thread pool and assembly stay out of the
    console (and the test session), so a fault in them costs one clip, never the caller.
    `should_stop` ends a wait for another process's encoding early (ClipError).
    """
    if _made(path):
        return path
    # One maker per folder at a time: a second process (the recorder beside the console)
    # waits for the clip instead of encoding it again on the same cores, and takes it as
    # soon as it is there (the first maker goes straight on to its next clip).
    wait = exclusive(
        path.parent / LOCK_NAME, timeout, should_stop=should_stop, satisfied=lambda: _made(path)
    )
    try:
        with wait as held:
            if not held or _made(path):
                return path
            for stale in path.parent.glob(f"{path.name}.*.part"):
                stale.unlink(missing_ok=True)  # a killed maker's: makers hold this lock
            return _make_in_process(path, spec, timeout)
    except LockTimeout as exc:
        raise ClipWaitError(f"{path.name}: not made: {LOCK_NAME} {exc}") from None


def _made(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0


def _make_in_process(path: Path, spec: ClipSpec, timeout: float) -> Path:
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(
        target=_make_in_child, args=(path, spec, send), name=f"clip:{path.name}", daemon=True
    )
    child.start()
    send.close()
    try:
        why = receive.recv() if receive.poll(timeout) else None
    except EOFError:  # the child died without a word (a crash in the encoder)
        why = "the encoder process crashed"
    finally:
        receive.close()
    child.join(5.0)
    if child.is_alive():
        child.kill()
        child.join(5.0)
    if why is None:
        raise ClipError(f"{path.name}: encoding took longer than {timeout:.0f} s")
    if why or not path.exists():
        raise ClipError(f"{path.name}: {why or 'no file was written'} (exit {child.exitcode})")
    return path
