"""The camera → URL resolver: presets with logins, files, ONVIF, and where the demo is served."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from console.video_sources import (
    VideoSourceError,
    VideoSourceNotReady,
    VideoSources,
    build_demo_cameras,
    demo_names,
    serves_demo,
)
from core.site import CameraSpec, SiteSpec, parse_site
from core.video import StreamKind
from tests.unit.core.test_site import BASE
from video.credentials import CredentialStore, Login, load_credentials
from video.demo_cameras import DemoState

PASSWORD = "Hik:p@ss/w#rd"
URLS = 'main_url = "demo://cam01/main"\nsub_url = "demo://cam01/sub"\n'
MORE = """
[[camera]]
code = "CAM02"
name = "gate"
community = "C01"
position = [10, 10]
vendor = "hikvision"
address = "192.168.1.64"
channel = 2
codec = "h265"
credentials = "hik"
workstation = "CC"

[[camera]]
code = "CAM03"
name = "market"
community = "C01"
position = [20, 10]
vendor = "dahua"
address = "192.168.1.65"
credentials = "nobody"
workstation = "CC"

[[camera]]
code = "CAM04"
name = "park"
community = "C02"
position = [30, 10]
main_url = "clips/cam04.h264"
sub_url = "file:///nonexistent/cam04.h264"
workstation = "CC"

[[camera]]
code = "CAM05"
name = "onvif"
community = "C02"
position = [40, 10]
vendor = "onvif"
address = "192.168.1.66"
credentials = "hik"
workstation = "CC"
"""


@pytest.fixture
def site(tmp_path: Path) -> SiteSpec:
    (tmp_path / "clips").mkdir()
    (tmp_path / "clips" / "cam04.h264").write_bytes(b"\x00\x00\x00\x01")
    return parse_site(BASE + MORE, tmp_path / "site.toml")


@pytest.fixture
def store(tmp_path: Path) -> CredentialStore:
    path = tmp_path / "camera-credentials.toml"
    path.write_text('[hik]\nuser = "admin"\npassword = "Hik:p@ss/w#rd"\n', encoding="utf-8")
    path.chmod(0o600)
    return load_credentials(path)


def test_a_preset_with_its_login_encoded_and_shown_without_it(
    site: SiteSpec, store: CredentialStore
) -> None:
    stream = VideoSources(site, credentials=store).resolve("CAM02", StreamKind.MAIN)
    parts = urlsplit(stream.url)
    assert (parts.hostname, parts.port, parts.path) == (
        "192.168.1.64",
        554,
        "/Streaming/Channels/201",
    )
    assert unquote(parts.password or "") == PASSWORD
    assert stream.display_url == "rtsp://192.168.1.64:554/Streaming/Channels/201"
    assert (stream.codec, stream.vendor, stream.is_file) == ("h265", "hikvision", False)
    assert PASSWORD not in repr(stream)
    assert "p%40ss" not in repr(stream)
    ffmpeg_error = f"{stream.url}: 401 Unauthorized"
    assert (
        stream.redact(ffmpeg_error)
        == "rtsp://***@192.168.1.64:554/Streaming/Channels/201: 401 Unauthorized"
    )
    sub = VideoSources(site, credentials=store).resolve("CAM02", StreamKind.SUB)
    assert sub.display_url.endswith("/Streaming/Channels/202")
    assert sub.codec == ""


def test_a_missing_entry_or_store_is_a_clear_error(site: SiteSpec, store: CredentialStore) -> None:
    with pytest.raises(VideoSourceError, match=r"CAM03 names credentials entry 'nobody'"):
        VideoSources(site, credentials=store).resolve("CAM03", StreamKind.SUB)
    with pytest.raises(VideoSourceError, match="no camera credentials file is loaded"):
        VideoSources(site).resolve("CAM02", StreamKind.SUB)
    with pytest.raises(VideoSourceError, match="no camera CAM99"):
        VideoSources(site).resolve("CAM99", StreamKind.SUB)


def test_clip_files_resolve_beside_the_site_file(site: SiteSpec, tmp_path: Path) -> None:
    sources = VideoSources(site)
    stream = sources.resolve("CAM04", StreamKind.MAIN)
    assert (stream.url, stream.is_file) == (str(tmp_path / "clips" / "cam04.h264"), True)
    with pytest.raises(VideoSourceError, match="does not exist"):
        sources.resolve("CAM04", StreamKind.SUB)


def test_onvif_cameras_ask_the_onvif_client_with_their_login(
    site: SiteSpec, store: CredentialStore
) -> None:
    asked: list[tuple[str, StreamKind, Login | None]] = []

    def uri(camera: CameraSpec, kind: StreamKind, login: Login | None) -> str:
        asked.append((camera.code, kind, login))
        return f"rtsp://{camera.address}:554/onvif/{kind.value}"

    stream = VideoSources(site, credentials=store, onvif_uri=uri).resolve("CAM05", StreamKind.SUB)
    assert asked == [("CAM05", StreamKind.SUB, Login("admin", PASSWORD))]
    assert stream.display_url == "rtsp://192.168.1.66:554/onvif/sub"
    assert PASSWORD in unquote(stream.url)

    def broken(camera: CameraSpec, kind: StreamKind, login: Login | None) -> str:
        raise OSError(f"connection to http://admin:{PASSWORD}@192.168.1.66 refused")

    with pytest.raises(VideoSourceError) as caught:
        VideoSources(site, credentials=store, onvif_uri=broken).resolve("CAM05", StreamKind.SUB)
    assert "refused" in str(caught.value)
    assert "p@ss" not in str(caught.value)
    with pytest.raises(VideoSourceError, match="ONVIF is not available"):
        VideoSources(site, credentials=store).resolve("CAM05", StreamKind.SUB)


def test_demo_cameras_before_they_are_ready_or_without_them(site: SiteSpec, tmp_path: Path) -> None:
    with pytest.raises(VideoSourceError, match="demo cameras are not running"):
        VideoSources(site).resolve("CAM01", StreamKind.SUB)
    demo = build_demo_cameras(site, "CC", folder=tmp_path / "video")
    assert demo is not None
    assert demo.names() == ("cam01",)
    assert demo.status.state is DemoState.IDLE
    with pytest.raises(VideoSourceNotReady, match="being prepared"):
        VideoSources(site, demo=demo).resolve("CAM01", StreamKind.SUB)


def test_who_serves_the_demo(site: SiteSpec, tmp_path: Path) -> None:
    assert demo_names(site) == ("cam01",)
    # No simulation host: every workstation serves its own.
    assert serves_demo(site, "CC")
    assert serves_demo(site, "WS01")
    hosted = parse_site(
        BASE.replace('name = "测试街道"', 'name = "x"\nsimulation_host = "CC"'),
        tmp_path / "site.toml",
    )
    assert serves_demo(hosted, "CC")
    assert not serves_demo(hosted, "WS01")
    elsewhere = build_demo_cameras(hosted, "WS01", folder=tmp_path)
    assert elsewhere is not None
    assert not elsewhere.serves
    no_demo = parse_site(
        BASE.replace(URLS, 'main_url = "rtsp://h/1"\nsub_url = "rtsp://h/2"\n'), tmp_path / "s.toml"
    )
    assert build_demo_cameras(no_demo, "CC", folder=tmp_path) is None
