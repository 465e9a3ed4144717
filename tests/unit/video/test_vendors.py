"""Vendor presets: Hikvision and Dahua live and playback URLs, with encoded credentials."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import unquote, urlsplit

import pytest

from core.site import CameraSpec, Point
from core.video import StreamKind
from video.vendors import (
    PresetError,
    dahua_live,
    dahua_playback,
    hikvision_live,
    hikvision_playback,
    onvif_endpoint,
    playback_url,
    preset_live_url,
    with_login,
)

SHANGHAI = timezone(timedelta(hours=8))


def _camera(**fields: object) -> CameraSpec:
    base: dict[str, object] = {
        "code": "CAM09",
        "name": "gate",
        "community": "C01",
        "position": Point(0, 0),
        "main_url": "",
        "sub_url": "",
        "workstation": "CC",
    }
    base.update(fields)
    return CameraSpec(**base)  # type: ignore[arg-type]


def test_hikvision_live_channels() -> None:
    assert hikvision_live("192.168.1.64", 1, StreamKind.MAIN) == (
        "rtsp://192.168.1.64:554/Streaming/Channels/101"
    )
    assert hikvision_live("192.168.1.64", 1, StreamKind.SUB) == (
        "rtsp://192.168.1.64:554/Streaming/Channels/102"
    )
    # An NVR's 12th channel, its address given with the device's HTTP port, RTSP elsewhere.
    assert hikvision_live("nvr.local:8000", 12, StreamKind.SUB, 10554) == (
        "rtsp://nvr.local:10554/Streaming/Channels/1202"
    )
    assert hikvision_live("[fd00::64]:80", 2, StreamKind.MAIN) == (
        "rtsp://[fd00::64]:554/Streaming/Channels/201"
    )


def test_dahua_live_subtypes() -> None:
    assert dahua_live("10.0.0.8", 1, StreamKind.MAIN) == (
        "rtsp://10.0.0.8:554/cam/realmonitor?channel=1&subtype=0"
    )
    assert dahua_live("10.0.0.8", 4, StreamKind.SUB) == (
        "rtsp://10.0.0.8:554/cam/realmonitor?channel=4&subtype=1"
    )


def test_playback_urls_write_each_vendors_time_format() -> None:
    start = datetime(2026, 11, 30, 8, 5, 9, tzinfo=SHANGHAI)
    end = start + timedelta(minutes=10)
    assert hikvision_playback("10.0.0.5", 1, start, end) == (
        "rtsp://10.0.0.5:554/Streaming/tracks/101"
        "?starttime=20261130T000509Z&endtime=20261130T001509Z"
    )
    assert hikvision_playback("10.0.0.5", 3, start, end, StreamKind.SUB, device_tz=SHANGHAI) == (
        "rtsp://10.0.0.5:554/Streaming/tracks/302"
        "?starttime=20261130T080509Z&endtime=20261130T081509Z"
    )
    assert dahua_playback("10.0.0.8", 1, start, end, device_tz=SHANGHAI) == (
        "rtsp://10.0.0.8:554/cam/playback?channel=1&subtype=0"
        "&starttime=2026_11_30_08_05_09&endtime=2026_11_30_08_15_09"
    )
    # The same instant given in UTC lands on the device's clock all the same.
    assert dahua_playback(
        "10.0.0.8", 1, start.astimezone(UTC), end.astimezone(UTC), device_tz=SHANGHAI
    ).endswith("starttime=2026_11_30_08_05_09&endtime=2026_11_30_08_15_09")


def test_playback_refuses_naive_or_reversed_times() -> None:
    start = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    with pytest.raises(PresetError, match="time zone"):
        hikvision_playback("h", 1, start.replace(tzinfo=None), start + timedelta(minutes=1))
    with pytest.raises(PresetError, match="end after"):
        dahua_playback("h", 1, start, start, device_tz=UTC)


def test_a_cameras_live_url_is_explicit_else_its_preset() -> None:
    hik = _camera(vendor="hikvision", address="10.0.0.5", channel=2)
    assert preset_live_url(hik, StreamKind.SUB) == "rtsp://10.0.0.5:554/Streaming/Channels/202"
    override = _camera(vendor="hikvision", address="10.0.0.5", main_url="rtsp://10.0.0.5/x")
    assert preset_live_url(override, StreamKind.MAIN) == "rtsp://10.0.0.5/x"
    assert preset_live_url(override, StreamKind.SUB).endswith("/Streaming/Channels/102")
    dahua = _camera(vendor="dahua", address="10.0.0.8", channel=3, rtsp_port=8554)
    assert preset_live_url(dahua, StreamKind.MAIN) == (
        "rtsp://10.0.0.8:8554/cam/realmonitor?channel=3&subtype=0"
    )
    with pytest.raises(PresetError, match="GetStreamUri"):
        preset_live_url(_camera(vendor="onvif", address="10.0.0.9"), StreamKind.SUB)
    start = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert "/cam/playback?channel=3&subtype=1" in playback_url(
        dahua, start, start + timedelta(hours=1), StreamKind.SUB, device_tz=SHANGHAI
    )
    with pytest.raises(PresetError, match="hikvision or dahua"):
        playback_url(_camera(main_url="rtsp://h/x"), start, start, device_tz=UTC)


def test_the_login_is_percent_encoded_into_rtsp_urls_only() -> None:
    url = with_login(hikvision_live("10.0.0.5", 1, StreamKind.MAIN), "admin", "p@ss:w/#%")
    parts = urlsplit(url)
    assert parts.hostname == "10.0.0.5"
    assert parts.port == 554
    assert (unquote(parts.username or ""), unquote(parts.password or "")) == ("admin", "p@ss:w/#%")
    assert "p@ss" not in url
    assert with_login("clips/cam01.h264", "u", "p") == "clips/cam01.h264"
    assert with_login("demo://cam01/main", "u", "p") == "demo://cam01/main"


def test_the_onvif_endpoint_of_a_camera() -> None:
    assert onvif_endpoint(_camera(vendor="onvif", onvif="10.0.0.9")) == ("10.0.0.9", 80)
    assert onvif_endpoint(_camera(onvif="10.0.0.9:8899")) == ("10.0.0.9", 8899)
    assert onvif_endpoint(_camera(onvif="https://cam.local/onvif/device_service")) == (
        "cam.local",
        443,
    )
    assert onvif_endpoint(_camera(onvif="http://[fd00::9]:8080/onvif")) == ("fd00::9", 8080)
    with pytest.raises(PresetError, match="no ONVIF service"):
        onvif_endpoint(_camera())
