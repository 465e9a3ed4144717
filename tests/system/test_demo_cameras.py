"""The demo's cameras for real: clips generated, served by GStreamer, decoded by PyAV; files
when there is no server; and a Hikvision preset with its login against a real RTSP peer."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import av
import pytest

from console.video_sources import VideoSources, build_demo_cameras
from core.site import SiteSpec, parse_site
from core.video import StreamKind
from tests.helpers.rtsp import Clips, clips, rtsp_available, rtsp_server  # noqa: F401
from tests.unit.core.test_site import BASE
from video.credentials import load_credentials
from video.demo_cameras import DemoCameras, DemoState, DemoStatus, ServerLike
from video.rtsp_server import RtspServer

OPTS = {"rtsp_transport": "tcp", "analyzeduration": "100000", "timeout": "2000000"}
SECOND = """
[[camera]]
code = "CAM02"
name = "second"
community = "C01"
position = [10, 10]
main_url = "demo://cam02/main"
sub_url = "demo://cam02/sub"
workstation = "CC"
"""
# Small and short: the test is about the plumbing, not the pictures.
SMALL: dict[str, Any] = {
    "seconds": 1.0,
    "sub_size": (320, 180),
    "main_size": (480, 270),
    "h265_mains": {"cam02"},
}


def _first_frame(url: str) -> tuple[int, int, str]:
    options = OPTS if url.startswith("rtsp://") else {}
    with av.open(url, options=options) as container:
        for frame in container.decode(video=0):
            return frame.width, frame.height, container.streams.video[0].codec_context.name
    raise AssertionError(f"no frame from {url}")


@pytest.fixture
def site(tmp_path: Path) -> SiteSpec:
    return parse_site(BASE + SECOND, tmp_path / "site.toml")


class _Servers:
    """Real RTSP servers, kept so the test can kill one as a crash would."""

    def __init__(self) -> None:
        self.made: list[RtspServer] = []

    def __call__(self, mounts: Mapping[str, Path], port: int, address: str) -> ServerLike:
        server = RtspServer(mounts, port=port, address=address)
        self.made.append(server)
        return server


@pytest.fixture
def served(
    site: SiteSpec, tmp_path: Path
) -> Iterator[tuple[DemoCameras, _Servers, list[DemoStatus]]]:
    if not rtsp_available():
        pytest.skip("GStreamer's RTSP server is missing")
    seen: list[DemoStatus] = []
    servers = _Servers()
    demo = build_demo_cameras(
        site,
        "CC",
        folder=tmp_path / "video",
        progress=seen.append,
        server_factory=servers,
        supervise_s=0.2,
        **SMALL,
    )
    assert demo is not None
    demo.start()
    try:
        yield demo, servers, seen
    finally:
        demo.stop()
        assert demo.join(5.0)
    assert all(not s.running() for s in servers.made)
    assert demo.status.state is DemoState.STOPPED


def test_generated_clips_are_served_and_decoded_from_the_resolved_url(
    served: tuple[DemoCameras, _Servers, list[DemoStatus]], site: SiteSpec, tmp_path: Path
) -> None:
    demo, servers, seen = served
    status = demo.wait_ready(60.0)
    assert status.state is DemoState.SERVING, status
    assert [s.done for s in seen if s.state is DemoState.GENERATING][-1] == 4
    assert all(c.path.is_relative_to(tmp_path / "video") for c in demo.clips)
    sources = VideoSources(site, demo=demo)
    sub = sources.resolve("CAM01", StreamKind.SUB)
    assert sub.url == f"rtsp://127.0.0.1:{status.port}/cam01/sub"
    assert not sub.is_file
    assert _first_frame(sub.url) == (320, 180, "h264")
    assert _first_frame(sources.resolve("CAM02", StreamKind.MAIN).url) == (480, 270, "hevc")

    # A crashed server comes back on the same port, and the same URL plays again.
    servers.made[0].kill()
    for _ in range(100):
        if (
            DemoState.RESTARTING in {s.state for s in seen}
            and demo.status.state is DemoState.SERVING
        ):
            break
        demo.stop_event.wait(0.1)
    assert len(servers.made) == 2
    assert demo.status.port == status.port
    assert _first_frame(sources.resolve("CAM01", StreamKind.SUB).url)[:2] == (320, 180)


def test_without_a_server_the_clips_play_as_files(site: SiteSpec, tmp_path: Path) -> None:
    demo = build_demo_cameras(
        site, "CC", folder=tmp_path / "video", server_available=lambda: False, **SMALL
    )
    assert demo is not None
    demo.start()
    try:
        status = demo.wait_ready(60.0)
        assert status.state is DemoState.FILES
        assert "not installed" in status.detail
        stream = VideoSources(site, demo=demo).resolve("CAM02", StreamKind.SUB)
        assert stream.is_file
        assert Path(stream.url).is_file()
        assert _first_frame(stream.url) == (320, 180, "h264")
    finally:
        demo.stop()
        assert demo.join(5.0)


def test_a_server_that_fails_to_start_is_logged_and_falls_back_to_files(
    site: SiteSpec, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def failing(mounts: Mapping[str, Path], port: int, address: str) -> ServerLike:
        raise OSError(f"port {port} is in use")

    demo = DemoCameras(
        tmp_path / "video",
        ("cam01",),
        server_available=lambda: True,
        server_factory=failing,
        port=8554,
        **SMALL,
    )
    demo.start()
    try:
        with caplog.at_level(logging.ERROR, logger="video.demo_cameras"):
            status = demo.wait_ready(60.0)
        assert status.state is DemoState.FILES
        assert "did not start (port 8554 is in use)" in caplog.text
        assert Path(demo.url_for("CAM01", StreamKind.MAIN)).suffix == ".h264"
    finally:
        demo.stop()
        assert demo.join(5.0)


def test_a_hikvision_preset_with_its_login_plays_from_a_real_peer(
    clips: Clips,  # noqa: F811 - the fixture
    tmp_path: Path,
) -> None:
    password = "p@ss:w/#"
    with rtsp_server({"/Streaming/Channels/102": clips.h264}, auth=("admin", password)) as peer:
        cam = f"""
[[camera]]
code = "CAM09"
name = "hik"
community = "C01"
position = [10, 10]
vendor = "hikvision"
address = "127.0.0.1:80"
rtsp_port = {peer.port}
credentials = "hik"
workstation = "CC"
"""
        site = parse_site(BASE + cam, tmp_path / "site.toml")
        creds = tmp_path / "camera-credentials.toml"
        creds.write_text(f'[hik]\nuser = "admin"\npassword = "{password}"\n', encoding="utf-8")
        creds.chmod(0o600)
        stream = VideoSources(site, credentials=load_credentials(creds)).resolve(
            "CAM09", StreamKind.SUB
        )
        assert stream.display_url == f"rtsp://127.0.0.1:{peer.port}/Streaming/Channels/102"
        assert _first_frame(stream.url) == (640, 360, "h264")
        with pytest.raises(av.error.HTTPUnauthorizedError) as caught:
            av.open(stream.url.replace("p%40ss", "wrong"), options=OPTS)
        shown = stream.redact(str(caught.value))
        assert "p%40ss" not in shown
        assert "wrong" not in shown
