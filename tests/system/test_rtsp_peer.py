"""The RTSP test peer itself: it serves H.264 and H.265, asks for credentials, dies and returns."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import av
import pytest

from tests.helpers.rtsp import Clips, clips, rtsp_server  # noqa: F401 - the fixture
from video.rtsp_server import RtspServer

OPTS = {"rtsp_transport": "tcp", "analyzeduration": "100000", "timeout": "2000000"}


def _frames(url: str, n: int) -> list[tuple[int, int, str]]:
    with av.open(url, options=OPTS) as c:
        out = []
        for f in c.decode(video=0):
            out.append((f.width, f.height, c.streams.video[0].codec_context.name))
            if len(out) >= n:
                return out
    return out


@pytest.fixture
def server(clips: Clips) -> Iterator[RtspServer]:  # noqa: F811
    with rtsp_server({"/h264": clips.h264, "/h265": clips.h265}) as s:
        yield s


def test_serves_h264_and_h265_at_their_size(server: RtspServer) -> None:
    assert _frames(server.url("/h264"), 5) == [(640, 360, "h264")] * 5
    assert _frames(server.url("/h265"), 5) == [(640, 360, "hevc")] * 5


def test_killed_server_comes_back_on_the_same_port(server: RtspServer) -> None:
    port = server.port
    server.kill()
    with pytest.raises(av.error.ConnectionRefusedError):
        av.open(server.url("/h264"), options=OPTS)
    server.start()
    assert server.port == port
    assert len(_frames(server.url("/h264"), 3)) == 3


def test_credentials_are_required_and_may_hold_reserved_characters(clips: Clips) -> None:  # noqa: F811
    password = "p@ss:w/#"
    with rtsp_server({"/cam": clips.h264}, auth=("admin", password)) as s:
        with pytest.raises(av.error.HTTPUnauthorizedError):
            av.open(s.url("/cam", "admin", "wrong"), options=OPTS)
        with pytest.raises(av.error.HTTPUnauthorizedError):
            av.open(s.url("/cam"), options=OPTS)
        assert _frames(s.url("/cam", "admin", quote(password, safe="")), 2)[0][:2] == (640, 360)
