"""A workstation's video services at run time: stream sources, the demo's cameras, ONVIF."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from console.recorder_runtime import RecorderOptions, RecordingRuntime, start_recording
from console.video_sources import (
    VideoSources,
    build_demo_cameras,
    credentials_file,
)
from core.site import CameraSpec, SiteSpec
from core.video import StreamKind
from video.credentials import Login, open_credentials
from video.demo_cameras import DemoCameras, DemoStatus

if TYPE_CHECKING:
    from console.motion_runtime import MotionRuntime
    from console.threads import ThreadOwner
    from core.ports import EventSink
    from data.services import Services
    from video.onvif import OnvifCameraInfo, OnvifService

log = logging.getLogger(__name__)

ONVIF_STOP_S = 3.0


@dataclass(frozen=True, slots=True)
class VideoOptions:
    """How this workstation runs video (ConsoleOptions carries it)."""

    # Generate and serve the demo's clips when the site names demo:// cameras. Off in tests:
    # generating 32 clips costs ~30 s on two cores the first time.
    demo_video: bool = True
    demo_folder: Path | None = None  # None: the user data folder's demo-video
    credentials: Path | None = None  # None: $CONSOLE_CAMERA_CREDENTIALS or the key folder's
    hwaccel: str | None = None  # "cuda", "d3d11va", "qsv", "vaapi"...: tried, software fallback
    # Where this workstation's recordings are (None: the user data folder's recordings/video),
    # and whether the console starts the recorder when none runs (None: never; tests).
    recordings: Path | None = None
    recorder: RecorderOptions | None = None


class VideoRuntime:
    """Owns the demo cameras and the ONVIF client of this workstation; resolves streams.

    Everything here is thread-safe; the presenter resolves URLs on a worker thread because an
    ONVIF camera's stream URI is a network call.
    """

    def __init__(
        self,
        site: SiteSpec,
        workstation: str,
        owner: ThreadOwner,
        opts: VideoOptions,
        *,
        keys_dir: Path | None = None,
        demo_progress: Callable[[DemoStatus], None] | None = None,
    ) -> None:
        self.site = site
        self.opts = opts
        self._owner = owner
        self._lock = threading.Lock()
        self._onvif: OnvifService | None = None
        self._onvif_info: dict[str, Future[OnvifCameraInfo]] = {}
        store = open_credentials(credentials_file(opts.credentials, keys_dir))
        self.credentials = store
        self.demo: DemoCameras | None = None
        if opts.demo_video:
            self.demo = build_demo_cameras(
                site, workstation, folder=opts.demo_folder, progress=demo_progress
            )
            if self.demo is not None:
                owner.add_worker(self.demo)
        self.sources = VideoSources(
            site, credentials=store, demo=self.demo, onvif_uri=self._onvif_uri
        )

    # --- ONVIF ---------------------------------------------------------------------------
    def onvif(self) -> OnvifService:
        """The ONVIF client, started on first use (most sites have no ONVIF camera)."""
        with self._lock:
            if self._onvif is None:
                from video.onvif import OnvifService

                service = OnvifService()
                service.start()

                def close() -> None:
                    if not service.stop(ONVIF_STOP_S):
                        log.error("the ONVIF client did not stop within %.0f s", ONVIF_STOP_S)

                self._owner.add_closer("onvif", close)
                self._onvif = service
            return self._onvif

    def onvif_camera(self, camera: CameraSpec) -> Future[OnvifCameraInfo]:
        """Connect to an ONVIF camera once (profiles, PTZ capability); later calls share it."""
        from video.vendors import onvif_endpoint

        with self._lock:
            known = self._onvif_info.get(camera.code)
            if known is not None and not (known.done() and known.exception() is not None):
                return known
        login = self.credentials.get(camera.credentials, camera=camera.code)
        host, port = onvif_endpoint(camera)
        future = self.onvif().connect(camera.code, host, port, login.user, login.password)
        with self._lock:
            self._onvif_info[camera.code] = future
        return future

    def _onvif_uri(self, camera: CameraSpec, kind: StreamKind, login: Login | None) -> str:
        """The ONVIF camera's stream URI (blocking: called from a worker thread)."""
        self.onvif_camera(camera).result(timeout=15)
        uris = self.onvif().stream_uris(camera.code).result(timeout=15)
        return uris[kind]

    def has_ptz(self, camera: CameraSpec) -> bool | None:
        """PTZ capability if known without waiting (None: not an ONVIF camera or not yet)."""
        if camera.vendor != "onvif":
            return False
        with self._lock:
            future = self._onvif_info.get(camera.code)
        if future is None or not future.done() or future.exception() is not None:
            return None
        return future.result().has_ptz


def start_video(
    site: SiteSpec | None,
    workstation: str,
    services: Services,
    owner: ThreadOwner,
    sink: EventSink,
    opts: VideoOptions | None,
    *,
    keys_dir: Path | None = None,
) -> tuple[VideoRuntime | None, MotionRuntime | None]:
    """This workstation's video: stream sources (and the demo's cameras) when the site has
    cameras and video is on, and motion detection of the cameras the site puts here."""
    if site is not None:
        services.video.use_site(site)
    if opts is None or site is None or not site.cameras:
        return None, None
    from console.motion_runtime import MotionRuntime

    video = VideoRuntime(site, workstation, owner, opts, keys_dir=keys_dir)
    # A thread that decodes only the cameras whose detection is switched on.
    motion = owner.add_worker(
        MotionRuntime(
            site, workstation, services, video.sources.resolve, sink=sink, hwaccel=opts.hwaccel
        )
    )
    return video, motion


def start_media(
    site: SiteSpec | None,
    workstation: str,
    services: Services,
    owner: ThreadOwner,
    sink: EventSink,
    opts: VideoOptions | None,
    *,
    db_url: str,
    keys_dir: Path | None = None,
) -> tuple[VideoRuntime | None, MotionRuntime | None, RecordingRuntime]:
    """The composition root's one call: live video, motion detection and the recorder.

    A database without a site (`opts` passed as None) gets no cameras and no recorder: the
    console only says how to set one up and quits, and a recorder started for it cost seconds
    to stop again.
    """
    video, motion = start_video(site, workstation, services, owner, sink, opts, keys_dir=keys_dir)
    recording = start_recording(
        site,
        workstation,
        owner,
        opts.recordings if opts else None,
        opts.recorder if opts else None,
        db_url=db_url,
        keys_dir=keys_dir,
    )
    return video, motion, recording
