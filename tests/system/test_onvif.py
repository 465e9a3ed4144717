"""The ONVIF client against a stub camera on 127.0.0.1: discovery, profiles, PTZ, failures."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest

from core.video import StreamKind
from tests.helpers.onvif_stub import OnvifStub, StubProfile, multicast_works
from video.onvif import OnvifError, OnvifErrorKind, OnvifService, PtzPreset

PASSWORD = "Pa$s:w@rd/7"


@pytest.fixture
def stub() -> Iterator[OnvifStub]:
    with OnvifStub(user="admin", password=PASSWORD) as cam:
        yield cam


@pytest.fixture
def service() -> Iterator[OnvifService]:
    svc = OnvifService(call_timeout=3.0, connect_timeout=8.0)
    svc.start()
    yield svc
    assert svc.stop(deadline=3.0)


def _error(fut: object, timeout: float = 15.0) -> OnvifError:
    import concurrent.futures

    assert isinstance(fut, concurrent.futures.Future)
    exc = fut.exception(timeout)
    assert isinstance(exc, OnvifError), repr(exc)
    return exc


def _connected(service: OnvifService, stub: OnvifStub, code: str = "CAM01") -> None:
    service.connect(code, "127.0.0.1", stub.port, "admin", PASSWORD).result(15)


def test_unicast_probe_finds_the_stub(service: OnvifService, stub: OnvifStub) -> None:
    found = service.discover(0.6, [f"127.0.0.1:{stub.discovery_port}"], multicast=False).result(10)
    assert [(d.host, d.port, d.name, d.endpoint) for d in found] == [
        ("127.0.0.1", stub.port, "Stub Camera", stub.endpoint)
    ]
    assert found[0].xaddrs == (stub.xaddr,)
    assert found[0].hardware == "DS-2DE4425IW"
    assert "onvif://www.onvif.org/type/ptz" in found[0].scopes


def test_multicast_probe_finds_the_stub(service: OnvifService) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("", 0))
        port = s.getsockname()[1]  # a free port, so as not to touch a real 3702 on the host
    if not multicast_works(port):
        pytest.skip("multicast does not loop back on this machine")
    with OnvifStub(name="Gate East", multicast_port=port) as cam:
        found = service.discover(0.6, multicast_port=port).result(10)
    assert [(d.name, d.endpoint) for d in found if d.endpoint == cam.endpoint] == [
        ("Gate East", cam.endpoint)
    ]


def test_probe_with_nobody_answering_finds_nothing(service: OnvifService) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as quiet:
        quiet.bind(("127.0.0.1", 0))  # receives the Probe, never answers
        found = service.discover(
            0.3, [("127.0.0.1", quiet.getsockname()[1])], multicast=False
        ).result(10)
    assert found == []


def test_profiles_and_stream_uris(service: OnvifService, stub: OnvifStub) -> None:
    info = service.connect("CAM01", "127.0.0.1", stub.port, "admin", PASSWORD).result(15)
    assert (info.manufacturer, info.model, info.has_ptz) == ("Stubvision", "DS-2DE4425IW", True)
    assert [(p.token, p.width, p.height, p.encoding) for p in info.profiles] == [
        ("Profile_1", 1920, 1080, "H265"),
        ("Profile_2", 640, 360, "H264"),
    ]
    assert info.main_profile is not None
    assert info.main_profile.token == "Profile_1"
    assert info.sub_profile is not None
    assert info.sub_profile.token == "Profile_2"
    assert service.camera("CAM01") == info
    uris = service.stream_uris("CAM01").result(5)
    assert uris == {
        StreamKind.MAIN: "rtsp://127.0.0.1:554/Streaming/Channels/101?transportmode=unicast",
        StreamKind.SUB: "rtsp://127.0.0.1:554/Streaming/Channels/102?transportmode=unicast",
    }
    assert service.stream_uri("CAM01", "Profile_2").result(5) == uris[StreamKind.SUB]
    assert stub.operations().count("GetStreamUri") == 2  # asked once per profile, then cached


def test_credentials_in_a_stream_uri_are_dropped(service: OnvifService) -> None:
    profiles = [StubProfile("p0", "only", 1280, 720, "H264", "rtsp://admin:pw@10.1.2.3/live")]
    with OnvifStub(password=PASSWORD, profiles=profiles) as cam:
        _connected(service, cam)
        uris = service.stream_uris("CAM01").result(5)
    assert uris == {StreamKind.MAIN: "rtsp://10.1.2.3/live", StreamKind.SUB: "rtsp://10.1.2.3/live"}


def test_ptz_moves_stops_and_presets_reach_the_camera(
    service: OnvifService, stub: OnvifStub
) -> None:
    _connected(service, stub)
    service.continuous_move("CAM01", 0.5, -0.25, 0.1).result(5)
    service.ptz_stop("CAM01").result(5)
    assert service.get_presets("CAM01").result(5) == [
        PtzPreset("1", "Gate"),
        PtzPreset("2", "Crossing"),
    ]
    token = service.set_preset("CAM01", "Market door").result(5)
    service.goto_preset("CAM01", token).result(5)
    assert PtzPreset(token, "Market door") in service.get_presets("CAM01").result(5)
    calls = [(c.operation, c.profile, c.args) for c in stub.ptz_calls()]
    assert calls == [
        ("ContinuousMove", "Profile_1", {"pan": 0.5, "tilt": -0.25, "zoom": 0.1, "timeout": None}),
        ("Stop", "Profile_1", {"pan_tilt": "true", "zoom": "true"}),
        ("GetPresets", "Profile_1", {}),
        ("SetPreset", "Profile_1", {"name": "Market door", "preset": token}),
        ("GotoPreset", "Profile_1", {"preset": token}),
        ("GetPresets", "Profile_1", {}),
    ]


def test_unknown_preset_and_bad_speeds_are_clear_errors(
    service: OnvifService, stub: OnvifStub
) -> None:
    _connected(service, stub)
    assert _error(service.goto_preset("CAM01", "99")).kind is OnvifErrorKind.FAULT
    for pan, tilt, zoom in ((1.5, 0, 0), (0, float("nan"), 0), (0, 0, -2)):
        assert _error(service.continuous_move("CAM01", pan, tilt, zoom)).kind is (
            OnvifErrorKind.INVALID
        )
    assert _error(service.set_preset("CAM01", "  ")).kind is OnvifErrorKind.INVALID
    assert _error(service.ptz_stop("CAM09")).kind is OnvifErrorKind.NOT_CONNECTED
    assert [c.operation for c in stub.ptz_calls()] == []


def test_camera_without_ptz_says_so(service: OnvifService) -> None:
    with OnvifStub(password=PASSWORD, ptz=False) as cam:
        _connected(service, cam)
        info = service.camera("CAM01")
        assert info is not None
        assert not info.has_ptz
        assert info.ptz_profile is None
        error = _error(service.continuous_move("CAM01", 0.3, 0, 0))
        assert error.kind is OnvifErrorKind.NO_PTZ
        assert "no PTZ" in str(error)
        assert _error(service.get_presets("CAM01")).kind is OnvifErrorKind.NO_PTZ
        assert cam.ptz_calls() == []


def test_wrong_password_is_a_clear_error_without_the_password(
    service: OnvifService, stub: OnvifStub, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = "Wr0ng:p@ss"
    with caplog.at_level(logging.DEBUG):
        error = _error(service.connect("CAM01", "127.0.0.1", stub.port, "admin", wrong))
    assert error.kind is OnvifErrorKind.AUTH
    assert "not authorised" in str(error)
    assert "CAM01" in str(error)
    for secret in (wrong, PASSWORD):
        assert secret not in str(error)
        assert secret not in caplog.text
    assert service.camera("CAM01") is None
    assert _error(service.stream_uris("CAM01")).kind is OnvifErrorKind.NOT_CONNECTED


def test_a_camera_with_a_wrong_clock_is_still_signed_in() -> None:
    with OnvifStub(password=PASSWORD, clock_offset=timedelta(hours=-3)) as cam:
        adjusting = OnvifService()
        adjusting.start()
        plain = OnvifService(adjust_time=False)
        plain.start()
        try:
            info = adjusting.connect("CAM01", "127.0.0.1", cam.port, "admin", PASSWORD).result(15)
            assert info.has_ptz
            error = _error(plain.connect("CAM01", "127.0.0.1", cam.port, "admin", PASSWORD))
            assert error.kind is OnvifErrorKind.AUTH
        finally:
            assert adjusting.stop()
            assert plain.stop()


def test_closed_port_is_unreachable(service: OnvifService) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, not listening: connections are refused
        error = _error(service.connect("CAM01", "127.0.0.1", port, "admin", PASSWORD))
    assert error.kind is OnvifErrorKind.UNREACHABLE
    assert "cannot reach" in str(error)


def test_silent_camera_times_out_within_the_call_timeout() -> None:
    svc = OnvifService(connect_timeout=1.0)
    svc.start()
    try:
        with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts, never answers
            fut = svc.connect("CAM01", "127.0.0.1", silent.getsockname()[1], "admin", PASSWORD)
            error = _error(fut, timeout=5.0)  # a hang would raise TimeoutError here
        assert error.kind is OnvifErrorKind.TIMEOUT
        assert "no answer within 1 s" in str(error)
    finally:
        assert svc.stop()


def test_stop_while_a_call_hangs_ends_within_the_deadline(stub: OnvifStub) -> None:
    svc = OnvifService(call_timeout=60.0)
    svc.start()
    _connected(svc, stub)
    stub.hang_operations.add("GetPresets")
    fut = svc.get_presets("CAM01")
    deadline = time.monotonic() + 5
    while "GetPresets" not in stub.operations() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert "GetPresets" in stub.operations()
    assert not fut.done()
    assert svc.stop(deadline=2.0)
    assert _error(fut, timeout=0).kind is OnvifErrorKind.STOPPED
    assert _error(svc.ptz_stop("CAM01"), timeout=0).kind is OnvifErrorKind.STOPPED
    assert svc.camera("CAM01") is None
