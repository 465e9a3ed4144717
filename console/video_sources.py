"""Which URL a camera's tile opens: explicit URLs, vendor presets, logins and the demo's cameras.

Where the demo's cameras run: the site's `[site] simulation_host` generates the clips and
serves them over RTSP on its loopback (as it runs the movement simulator); a site without a
simulation host has every workstation serve its own. Every other workstation of the demo
generates the same clips and plays them as files: the site file gives workstations no network
address, and a server on the simulation host's loopback is not reachable from elsewhere.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from core.site import CameraSpec, SiteSpec
from core.site_cameras import is_clip_path
from core.video import StreamKind
from video.credentials import (
    CREDENTIALS_FILE,
    CredentialsError,
    CredentialStore,
    Login,
    resolve_credentials_file,
)
from video.demo_cameras import (
    DemoCameras,
    DemoCamerasError,
    DemoNotReady,
    DemoStatus,
    parse_demo_url,
)
from video.urls import redact, without_credentials
from video.vendors import PresetError, preset_live_url, with_login

log = logging.getLogger(__name__)

DEMO_VIDEO_FOLDER = "demo-video"

# The ONVIF client (video.onvif) asks a camera for a stream's URI with the camera's login.
OnvifStreamUri = Callable[[CameraSpec, StreamKind, Login | None], str]


class VideoSourceError(Exception):
    """A camera's stream cannot be opened as the site file says; never contains a secret."""


class VideoSourceNotReady(VideoSourceError):
    """The demo's clips are still being made: the tile shows 'connecting' and asks again."""


@dataclass(frozen=True, slots=True)
class ResolvedStream:
    """What a decode worker opens, and what a tile or log line may show of it."""

    camera: str
    stream: StreamKind
    url: str = field(repr=False)  # may hold the login: only the decoder sees it
    display_url: str  # without credentials
    secrets: tuple[str, ...] = field(default=(), repr=False)  # for redact()
    is_file: bool = False  # a clip file: the decoder loops it in real time
    codec: str = ""  # the site file's hint for the main stream ("h264", "h265", "")
    vendor: str = "generic"

    def redact(self, text: str) -> str:
        """`text` (an FFmpeg error, a log line) with this stream's login removed."""
        return redact(text, *self.secrets)


def demo_video_folder() -> Path:
    """Where the demo's clips are generated: the user's data folder, never the checkout."""
    import platformdirs

    from core.model import APP_NAME

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DEMO_VIDEO_FOLDER


def credentials_file(cli_path: str | Path | None = None, keys_dir: Path | None = None) -> Path:
    """`--camera-credentials`, else $CONSOLE_CAMERA_CREDENTIALS, else the site's key folder."""
    from console.paths import key_dir

    return resolve_credentials_file(cli_path, default=key_dir(keys_dir) / CREDENTIALS_FILE)


def demo_names(site: SiteSpec) -> tuple[str, ...]:
    """The demo cameras the site's demo:// URLs name, in site order."""
    names: dict[str, None] = {}
    for camera in site.cameras:
        for url in (camera.main_url, camera.sub_url):
            parsed = parse_demo_url(url)
            if parsed is not None:
                names[parsed[0]] = None
    return tuple(names)


def serves_demo(site: SiteSpec, workstation: str) -> bool:
    """Whether this workstation serves the demo's cameras over RTSP (module docstring)."""
    return site.simulation_host is None or site.simulation_host == workstation


def build_demo_cameras(
    site: SiteSpec,
    workstation: str,
    *,
    folder: Path | None = None,
    progress: Callable[[DemoStatus], None] | None = None,
    **options: Any,
) -> DemoCameras | None:
    """The demo cameras of a site that has any (not started); None for a site without."""
    names = demo_names(site)
    if not names:
        return None
    options.setdefault("serve", serves_demo(site, workstation))
    options.setdefault("port", site.demo_rtsp_port)
    return DemoCameras(folder or demo_video_folder(), names, progress=progress, **options)


class VideoSources:
    """Resolves a camera's stream to what the decoder opens. Thread-safe (reads only)."""

    def __init__(
        self,
        site: SiteSpec,
        *,
        credentials: CredentialStore | None = None,
        demo: DemoCameras | None = None,
        onvif_uri: OnvifStreamUri | None = None,
    ) -> None:
        self.site = site
        self._cameras = {c.code: c for c in site.cameras}
        self._credentials = credentials
        self._demo = demo
        self._onvif_uri = onvif_uri

    def camera(self, code: str) -> CameraSpec:
        try:
            return self._cameras[code]
        except KeyError:
            raise VideoSourceError(f"no camera {code} in the site file") from None

    def secrets(self) -> tuple[str, ...]:
        """Every camera password this console knows (for a log filter)."""
        store = self._credentials
        return () if store is None or store.error is not None else store.secrets()

    def resolve(self, code: str, kind: StreamKind) -> ResolvedStream:
        """The stream to open; VideoSourceError (VideoSourceNotReady) with a clear reason."""
        camera = self.camera(code)
        login = self._login(camera)
        secrets = (login.password,) if login is not None and login.password else ()
        try:
            url = self._url(camera, kind, login)
        except VideoSourceError as exc:
            raise type(exc)(redact(str(exc), *secrets)) from None
        if (demo := parse_demo_url(url)) is not None:
            return self._demo_stream(camera, kind, demo[0])
        path = self._file(url)
        if path is not None:
            if not path.is_file():
                raise VideoSourceError(f"camera {code}: the clip file {path} does not exist")
            return ResolvedStream(code, kind, str(path), str(path), is_file=True)
        if login is not None:
            url = with_login(url, login.user, login.password)
        return ResolvedStream(
            code,
            kind,
            url,
            redact(without_credentials(url), *secrets),
            secrets,
            codec=camera.codec if kind is StreamKind.MAIN else "",
            vendor=camera.vendor,
        )

    def _login(self, camera: CameraSpec) -> Login | None:
        if not camera.credentials:
            return None
        if self._credentials is None:
            raise VideoSourceError(
                f"camera {camera.code} needs the credentials entry '{camera.credentials}', "
                "but no camera credentials file is loaded"
            )
        try:
            return self._credentials.get(camera.credentials, camera=camera.code)
        except CredentialsError as exc:
            raise VideoSourceError(str(exc)) from None

    def _url(self, camera: CameraSpec, kind: StreamKind, login: Login | None) -> str:
        explicit = camera.main_url if kind is StreamKind.MAIN else camera.sub_url
        if camera.vendor == "onvif" and not explicit:
            if self._onvif_uri is None:
                raise VideoSourceError(
                    f"camera {camera.code}: an ONVIF camera's stream URL comes from the camera, "
                    "and ONVIF is not available on this workstation"
                )
            try:
                return self._onvif_uri(camera, kind, login)
            except Exception as exc:
                raise VideoSourceError(
                    f"camera {camera.code}: ONVIF did not give a {kind.value} stream URL: {exc}"
                ) from None
        try:
            return preset_live_url(camera, kind)
        except (PresetError, ValueError) as exc:
            raise VideoSourceError(str(exc)) from None

    def _demo_stream(self, camera: CameraSpec, kind: StreamKind, name: str) -> ResolvedStream:
        if self._demo is None:
            raise VideoSourceError(
                f"camera {camera.code} is a demo camera, and the demo cameras are not running"
            )
        try:
            url = self._demo.url_for(name, kind)
        except DemoNotReady as exc:
            raise VideoSourceNotReady(f"camera {camera.code}: {exc}") from None
        except DemoCamerasError as exc:
            raise VideoSourceError(f"camera {camera.code}: {exc}") from None
        is_file = not url.startswith("rtsp://")
        return ResolvedStream(camera.code, kind, url, url, is_file=is_file, vendor="demo")

    def _file(self, url: str) -> Path | None:
        """A clip file's path (file:// URL, or a path relative to the site file), else None."""
        parts = urlsplit(url)
        if parts.scheme.lower() == "file":
            return Path(url2pathname(parts.path))
        if is_clip_path(url):
            path = Path(url)
            return path if path.is_absolute() else self.site.source.parent / path
        return None
