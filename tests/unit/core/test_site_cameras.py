"""The site file's camera sources: vendor presets, explicit URLs, and no password in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.site import CameraSpec, SiteError, load_site
from core.site_cameras import has_userinfo, is_clip_path, split_address
from tests.unit.core.test_site import BASE, line_of

URLS = 'main_url = "demo://cam01/main"\nsub_url = "demo://cam01/sub"\n'
assert URLS in BASE


def _load(tmp_path: Path, source: str) -> CameraSpec:
    path = tmp_path / "site.toml"
    path.write_text(BASE.replace(URLS, source), encoding="utf-8")
    return load_site(path).cameras[0]


def _errors(tmp_path: Path, source: str) -> tuple[str, SiteError]:
    text = BASE.replace(URLS, source)
    path = tmp_path / "site.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SiteError) as caught:
        load_site(path)
    return text, caught.value


def test_a_generic_camera_keeps_its_urls_and_defaults(tmp_path: Path) -> None:
    cam = _load(tmp_path, URLS)
    assert (cam.vendor, cam.main_url, cam.sub_url) == (
        "generic",
        "demo://cam01/main",
        "demo://cam01/sub",
    )
    assert (cam.address, cam.channel, cam.rtsp_port, cam.codec, cam.credentials) == (
        "",
        1,
        554,
        "",
        "",
    )


def test_a_hikvision_preset(tmp_path: Path) -> None:
    cam = _load(
        tmp_path,
        'vendor = "hikvision"\naddress = "192.168.1.64"\nchannel = 3\nrtsp_port = 8554\n'
        'codec = "h265"\ncredentials = "hik-gate"\n',
    )
    assert (cam.vendor, cam.address, cam.channel, cam.rtsp_port, cam.codec) == (
        "hikvision",
        "192.168.1.64",
        3,
        8554,
        "h265",
    )
    assert (cam.main_url, cam.sub_url, cam.credentials, cam.onvif) == ("", "", "hik-gate", "")


def test_an_onvif_camera_finds_its_service_at_its_address(tmp_path: Path) -> None:
    cam = _load(tmp_path, 'vendor = "onvif"\naddress = "10.0.0.7:8080"\n')
    assert (cam.vendor, cam.address, cam.onvif) == ("onvif", "10.0.0.7:8080", "10.0.0.7:8080")
    cam = _load(
        tmp_path,
        'vendor = "dahua"\naddress = "[fd00::7]"\nonvif = "http://[fd00::7]:80/onvif/device_service"\n',
    )
    assert (cam.vendor, cam.onvif) == ("dahua", "http://[fd00::7]:80/onvif/device_service")


def test_clip_files_and_file_urls_are_stream_sources(tmp_path: Path) -> None:
    cam = _load(tmp_path, 'main_url = "clips/cam01.h265"\nsub_url = "file:///srv/cam01.h264"\n')
    assert (cam.main_url, cam.sub_url) == ("clips/cam01.h265", "file:///srv/cam01.h264")


@pytest.mark.parametrize(
    ("source", "bad", "field", "words"),
    [
        (
            'vendor = "hikvsion"\naddress = "10.0.0.1"\n',
            "vendor =",
            "camera[0].vendor",
            "did you mean 'hikvision'",
        ),
        ('vendor = "dahua"\n', "[[camera]]", "camera[0].address", "needs its address"),
        (
            'vendor = "dahua"\naddress = "10.0.0.1:99999"\n',
            "99999",
            "camera[0].address",
            "1 to 65535",
        ),
        (
            'vendor = "hikvision"\naddress = "cam one"\n',
            "cam one",
            "camera[0].address",
            "'host' or 'host:port'",
        ),
        (
            'vendor = "hikvision"\naddress = "10.0.0.1"\nchannel = 0\n',
            "channel =",
            "camera[0].channel",
            ">= 1",
        ),
        (
            'vendor = "hikvision"\naddress = "10.0.0.1"\nchannel = "2"\n',
            "channel =",
            "camera[0].channel",
            "integer",
        ),
        (
            'vendor = "hikvision"\naddress = "10.0.0.1"\nchannel = 1000\n',
            "channel =",
            "camera[0].channel",
            "1 to 999",
        ),
        (URLS + "channel = 2\n", "channel =", "camera[0].channel", "vendor preset"),
        (URLS + 'address = "10.0.0.1"\n', "10.0.0.1", "camera[0].address", "vendor preset"),
        (
            'vendor = "dahua"\naddress = "10.0.0.1"\ncodec = "mjpeg"\n',
            "codec =",
            "camera[0].codec",
            "h264, h265",
        ),
        (
            'vendor = "dahua"\naddress = "10.0.0.1"\nrtsp_port = 0\n',
            "rtsp_port =",
            "camera[0].rtsp_port",
            ">= 1",
        ),
        ('sub_url = "demo://cam01/sub"\n', "[[camera]]", "camera[0].main_url", "missing"),
        (
            'main_url = "rtsp:/10.0.0.1/live"\nsub_url = "demo://x"\n',
            "main_url =",
            "camera[0].main_url",
            "rtsp://host/path",
        ),
        (
            'vendor = "onvif"\naddress = "10.0.0.1"\nonvif = "ftp://10.0.0.1/"\n',
            "onvif =",
            "camera[0].onvif",
            "http(s)://",
        ),
    ],
)
def test_source_errors_name_line_and_field(
    tmp_path: Path, source: str, bad: str, field: str, words: str
) -> None:
    text, error = _errors(tmp_path, source)
    problem = next(p for p in error.problems if p.field == field)
    assert problem.line == line_of(text, bad)
    assert words in problem.message
    assert "(camera 'CAM01')" in problem.message


@pytest.mark.parametrize(
    ("source", "field"),
    [
        ('main_url = "rtsp://admin:Hunter2x@10.0.0.1/live"\nsub_url = "demo://x"\n', "main_url"),
        ('main_url = "demo://x"\nsub_url = "rtsp://admin:Hunter2x@10.0.0.1/sub"\n', "sub_url"),
        ('vendor = "hikvision"\naddress = "admin:Hunter2x@10.0.0.1"\n', "address"),
        ('vendor = "onvif"\naddress = "10.0.0.1"\nonvif = "http://u:Hunter2x@h/"\n', "onvif"),
        ('vendor = "dahua"\naddress = "10.0.0.1"\npassword = "Hunter2x"\n', "password"),
        ('vendor = "dahua"\naddress = "10.0.0.1"\ncredentials = "admin:Hunter2x"\n', "credentials"),
    ],
)
def test_a_password_in_the_site_file_is_refused_and_never_repeated(
    tmp_path: Path, source: str, field: str
) -> None:
    text, error = _errors(tmp_path, source)
    problem = next(p for p in error.problems if p.field == f"camera[0].{field}")
    written = next(line for line in source.splitlines() if line.startswith(f"{field} ="))
    assert problem.line == line_of(text, written)
    assert "credentials" in problem.message
    assert "Hunter2x" not in str(error)


def test_the_demo_rtsp_port_of_the_site_table(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_text(BASE.replace('name = "测试街道"', 'name = "x"\ndemo_rtsp_port = 8554'))
    assert load_site(path).demo_rtsp_port == 8554
    text = BASE.replace('name = "测试街道"', 'name = "x"\ndemo_rtsp_port = 70000')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SiteError) as caught:
        load_site(path)
    assert caught.value.field == "site.demo_rtsp_port"
    assert caught.value.line == line_of(text, "demo_rtsp_port")
    path.write_text(BASE, encoding="utf-8")
    assert load_site(path).demo_rtsp_port == 0


def test_address_forms() -> None:
    assert split_address("10.0.0.1") == ("10.0.0.1", None)
    assert split_address("cam-7.local:8080") == ("cam-7.local", 8080)
    assert split_address("[fd00::7]:554") == ("fd00::7", 554)
    assert split_address("fd00::7") == ("fd00::7", None)
    for bad in ("", "a b", "10.0.0.1:x", "[fd00::7", "h/p", "u@h", "[zz::1]"):
        with pytest.raises(ValueError, match=r"."):
            split_address(bad)
    assert [has_userinfo(u) for u in ("rtsp://u:p@h/x", "rtsp://u@h/x")] == [True, True]
    assert [has_userinfo(u) for u in ("rtsp://h/x?a=b@c", "demo://cam01/main")] == [False, False]
    assert [is_clip_path(p) for p in ("clips/a.H264", "file:///a.h264")] == [True, False]
    assert not is_clip_path("rtsp:/h/x")
