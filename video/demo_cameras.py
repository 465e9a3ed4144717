"""The demo's cameras: clips made on first run, served as live RTSP cameras or played as files.

The site file's demo cameras say `demo://cam01/main`; `DemoCameras` turns that name into the
RTSP URL of a looping local server (GStreamer, where the machine has it) or into the clip's
path, which the decode worker loops in real time. One named thread generates the missing clips
(reporting progress), starts the server and watches it; when the server cannot start or keeps
dying, the cameras fall back to their files.
"""

from __future__ import annotations

import enum
import hashlib
import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final, Protocol
from urllib.parse import urlsplit

from core.video import StreamKind
from core.workers import ThreadedRunner
from video.clips import ENCODING_VERSION, ClipSpec, ClipWaitError, ensure_clip
from video.rtsp_server import RtspServer, available

log = logging.getLogger(__name__)

DEMO_SCHEME: Final = "demo"
DEFAULT_NAMES: Final = tuple(f"cam{i:02d}" for i in range(1, 17))
# Field cameras often send H.265 on the main stream: a couple of demo cameras do too.
H265_MAINS: Final = frozenset({"cam04", "cam11"})
SUB_SIZE: Final = (640, 360)
MAIN_SIZE: Final = (1280, 720)
CLIP_SECONDS: Final = 4.0  # ~3 MB for all 32 clips; a longer loop costs generation time
SUB_BITRATE: Final = 250_000
MAIN_BITRATE: Final = 800_000
RESTARTS_BEFORE_FILES: Final = 3  # a server that died this many times in a row: files instead
SUPERVISE_S: Final = 1.0


class DemoState(enum.StrEnum):
    """Where the demo cameras are."""

    IDLE = "idle"  # not started
    GENERATING = "generating"  # clips being made (done/total in the status)
    SERVING = "serving"  # RTSP on status.port
    RESTARTING = "restarting"  # the server died; it comes back on the same port
    FILES = "files"  # no server: URLs are the clips' paths
    FAILED = "failed"  # no clip could be made
    STOPPED = "stopped"


READY_STATES: Final = frozenset({DemoState.SERVING, DemoState.FILES})


@dataclass(frozen=True, slots=True)
class DemoStatus:
    """What the demo cameras are doing; `detail` says why when they fell back or failed."""

    state: DemoState = DemoState.IDLE
    done: int = 0  # clips ready
    total: int = 0
    port: int = 0  # the RTSP server's port while SERVING
    detail: str = ""


@dataclass(frozen=True, slots=True)
class DemoClip:
    """One stream's clip: camera name, stream, file and what it shows."""

    name: str
    kind: StreamKind
    path: Path
    spec: ClipSpec


class DemoCamerasError(Exception):
    """A demo camera's URL cannot be given; the message says why."""


class DemoNotReady(DemoCamerasError):
    """The clips are still being generated (or the cameras not started): try again shortly."""


class ServerLike(Protocol):
    """What DemoCameras needs of video.rtsp_server.RtspServer (tests pass a failing one)."""

    port: int

    def start(self) -> object: ...
    def kill(self) -> None: ...
    def running(self) -> bool: ...


ServerFactory = Callable[[Mapping[str, Path], int, str], ServerLike]


def _rtsp_server(mounts: Mapping[str, Path], port: int, address: str) -> ServerLike:
    return RtspServer(mounts, port=port, address=address)


def parse_demo_url(url: str) -> tuple[str, StreamKind] | None:
    """('cam01', MAIN) from 'demo://cam01/main'; None if it is not a demo URL."""
    parts = urlsplit(url)
    if parts.scheme.lower() != DEMO_SCHEME or not parts.netloc:
        return None
    try:
        kind = StreamKind(parts.path.strip("/").lower())
    except ValueError:
        return None
    return parts.netloc.lower(), kind


def mount_of(name: str, kind: StreamKind) -> str:
    return f"/{name}/{kind.value}"


def demo_clips(
    folder: Path,
    names: Iterable[str] = DEFAULT_NAMES,
    *,
    seconds: float = CLIP_SECONDS,
    sub_size: tuple[int, int] = SUB_SIZE,
    main_size: tuple[int, int] = MAIN_SIZE,
    h265_mains: Iterable[str] = H265_MAINS,
) -> list[DemoClip]:
    """The clips of these cameras, sub streams first (the wall shows those), in a folder whose
    name hashes the specs: a change of size or length makes new clips instead of reusing old."""
    names = [n.lower() for n in names]
    h265 = {n.lower() for n in h265_mains}
    plans: list[tuple[str, StreamKind, str, ClipSpec]] = []
    for kind in (StreamKind.SUB, StreamKind.MAIN):
        for index, name in enumerate(names):
            width, height = sub_size if kind is StreamKind.SUB else main_size
            # The label is ASCII (the clips' bitmap font); the seed moves each camera's
            # objects differently, the same on both of its streams.
            spec = ClipSpec(
                label=f"{name.upper()} {kind.value}",
                width=width,
                height=height,
                seconds=seconds,
                seed=index + 1,
                bitrate=SUB_BITRATE if kind is StreamKind.SUB else MAIN_BITRATE,
            )
            suffix = ".h265" if kind is StreamKind.MAIN and name in h265 else ".h264"
            plans.append((name, kind, f"{name}-{kind.value}{suffix}", spec))
    key = repr((ENCODING_VERSION, [(f, s) for _, _, f, s in plans]))
    digest = hashlib.sha256(key.encode()).hexdigest()[:10]
    base = folder / f"clips-{digest}"
    return [DemoClip(name, kind, base / file, spec) for name, kind, file, spec in plans]


class DemoCameras(ThreadedRunner):
    """The demo's cameras on this workstation: `start()` generates and serves in a thread.

    Thread-safe: url_for() and status may be called from any thread. The owner calls stop(),
    then join() under its deadline; the server is killed on the way out.
    """

    def __init__(
        self,
        folder: Path,
        names: Sequence[str] = DEFAULT_NAMES,
        *,
        serve: bool = True,
        port: int = 0,
        address: str = "127.0.0.1",
        seconds: float = CLIP_SECONDS,
        sub_size: tuple[int, int] = SUB_SIZE,
        main_size: tuple[int, int] = MAIN_SIZE,
        h265_mains: Iterable[str] = H265_MAINS,
        progress: Callable[[DemoStatus], None] | None = None,
        server_available: Callable[[], bool] = available,
        server_factory: ServerFactory = _rtsp_server,
        supervise_s: float = SUPERVISE_S,
        name: str = "demo-cameras",
    ) -> None:
        super().__init__(name)
        self.clips = demo_clips(
            folder,
            names,
            seconds=seconds,
            sub_size=sub_size,
            main_size=main_size,
            h265_mains=h265_mains,
        )
        self._by_key = {(c.name, c.kind): c for c in self.clips}
        self._serve = serve
        self._port = port
        self._address = address
        self._progress = progress
        self._server_available = server_available
        self._server_factory = server_factory
        self._supervise_s = supervise_s
        self._lock = threading.Lock()
        self._status = DemoStatus(total=len(self.clips))
        self._failed: dict[tuple[str, StreamKind], str] = {}  # clip → why it is missing
        self._ready = threading.Event()
        self._server: ServerLike | None = None  # touched by the worker thread only

    # --- the owner's side ------------------------------------------------------------------

    # start() returns at once, progress goes to the callback; after stop() the thread kills
    # the server and ends.

    def interrupt(self) -> None:
        """Nothing blocks for long: an encode in progress finishes within about a second."""

    @property
    def status(self) -> DemoStatus:
        with self._lock:
            return self._status

    def wait_ready(self, timeout: float) -> DemoStatus:
        """Wait until the cameras serve, play files, failed or stopped; the status then."""
        self._ready.wait(timeout)
        return self.status

    @property
    def serves(self) -> bool:
        """Whether this workstation serves the cameras over RTSP (else it plays files)."""
        return self._serve

    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.name for c in self.clips))

    def clip_path(self, camera: str, kind: StreamKind) -> Path:
        with self._lock:
            clip = self._by_key.get((camera.lower(), kind))
        if clip is None:
            raise DemoCamerasError(f"no demo camera '{camera}' (known: {', '.join(self.names())})")
        return clip.path

    def url_for(self, camera: str, kind: StreamKind) -> str:
        """The stream's URL: rtsp:// while serving, the clip's path in files mode.

        `camera` is the demo name of the site file's URL ('cam01' of demo://cam01/sub);
        case does not matter. DemoNotReady while the clips are being made.
        """
        path = self.clip_path(camera, kind)
        key = (camera.lower(), kind)
        with self._lock:
            status, why = self._status, self._failed.get(key)
        if why is not None:
            raise DemoCamerasError(f"demo camera {camera} {kind.value}: {why}")
        if status.state is DemoState.SERVING:
            return f"rtsp://{self._address}:{status.port}{mount_of(key[0], kind)}"
        if status.state is DemoState.FILES:
            return str(path)
        if status.state in (DemoState.IDLE, DemoState.GENERATING):
            raise DemoNotReady(
                f"demo cameras are being prepared ({status.done} of {status.total} clips)"
            )
        if status.state is DemoState.RESTARTING:
            raise DemoNotReady("the demo cameras' RTSP server is restarting")
        raise DemoCamerasError(f"demo cameras are {status.state.value}: {status.detail}")

    # --- the worker thread -----------------------------------------------------------------

    def _set(self, **changes: object) -> None:
        with self._lock:
            self._status = status = replace(self._status, **changes)  # type: ignore[arg-type]
        if status.state in READY_STATES or status.state in (DemoState.FAILED, DemoState.STOPPED):
            self._ready.set()
        if self._progress is not None:
            try:
                self._progress(status)
            except Exception:  # a broken listener must not stop the cameras
                log.exception("%s: the progress callback failed", self.name)

    def _run(self) -> None:
        try:
            made = self._generate()
            if self._stop.is_set():
                return
            if made == 0:
                self._set(state=DemoState.FAILED, detail="no demo clip could be generated")
                log.error("%s: no demo clip could be generated; the demo has no video", self.name)
                return
            self._serve_or_files()
            self._supervise()
        except Exception as exc:
            log.exception("%s failed", self.name)
            self._set(state=DemoState.FAILED, detail=str(exc))
        finally:
            self._kill_server()
            if self.status.state is not DemoState.FAILED:
                self._set(state=DemoState.STOPPED, port=0)
            self._ready.set()

    def _generate(self) -> int:
        self._set(state=DemoState.GENERATING, done=0)
        made = 0
        for clip in self.clips:
            if self._stop.is_set():
                break
            if not (clip.path.exists() and clip.path.stat().st_size > 0):
                self._set(detail=f"generating {clip.name} {clip.kind.value}")
            try:
                self._make(clip)
                made += 1
            except Exception as exc:
                why = f"its clip could not be generated: {exc}"
                log.error("%s: %s %s: %s", self.name, clip.name, clip.kind.value, why)
                with self._lock:
                    self._failed[(clip.name, clip.kind)] = why
            self._set(done=made)
        return made

    def _make(self, clip: DemoClip) -> None:
        try:
            ensure_clip(clip.path, clip.spec, should_stop=self._stop.is_set)
        except Exception as exc:
            if self._stop.is_set() or isinstance(exc, ClipWaitError):
                raise  # not a missing libx265: the other maker's clip may still come
            if clip.path.suffix != ".h265":
                raise
            # An FFmpeg without libx265: the camera still gets a main stream, in H.264.
            log.warning("%s: H.265 encoding failed for %s; using H.264", self.name, clip.name)
            h264 = clip.path.with_suffix(".h264")
            ensure_clip(h264, clip.spec, should_stop=self._stop.is_set)
            with self._lock:
                self._by_key[(clip.name, clip.kind)] = replace(clip, path=h264)

    def _mounts(self) -> dict[str, Path]:
        with self._lock:
            return {
                mount_of(c.name, c.kind): c.path
                for key, c in self._by_key.items()
                if key not in self._failed
            }

    def _serve_or_files(self) -> None:
        if not self._serve:
            self._set(state=DemoState.FILES, detail="files (this workstation serves no RTSP)")
            return
        if not self._server_available():
            detail = "files: GStreamer's RTSP server is not installed"
            log.warning("%s: %s", self.name, detail)
            self._set(state=DemoState.FILES, detail=detail)
            return
        if self._start_server():
            return
        self._set(state=DemoState.FILES, detail="files: the RTSP server did not start")

    def _start_server(self) -> bool:
        try:
            server = self._server_factory(self._mounts(), self._port, self._address)
            server.start()
        except Exception as exc:
            log.error("%s: the demo RTSP server did not start (%s); playing files", self.name, exc)
            return False
        self._server = server
        # The same port on a restart: decoders reconnect to the URL they had.
        self._port = server.port
        self._set(state=DemoState.SERVING, port=server.port, detail="")
        log.info("%s: serving %d streams on port %d", self.name, len(self.clips), server.port)
        return True

    def _supervise(self) -> None:
        deaths = 0
        while not self._stop.wait(self._supervise_s):
            server = self._server
            if server is None or server.running():
                continue
            deaths += 1
            log.error("%s: the demo RTSP server died (%d times)", self.name, deaths)
            self._set(state=DemoState.RESTARTING)
            self._kill_server()
            if deaths >= RESTARTS_BEFORE_FILES or not self._start_server():
                self._set(state=DemoState.FILES, port=0, detail="files: the RTSP server died")
                log.error("%s: playing the demo clips as files from now on", self.name)

    def _kill_server(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            try:
                server.kill()
            except Exception:
                log.exception("%s: killing the RTSP server failed", self.name)
