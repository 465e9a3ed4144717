"""A test or demo RTSP server whose owner is killed with -9 goes away by itself."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tests.helpers.pids import alive
from tests.helpers.rtsp import Clips, clips, rtsp_available  # noqa: F401 - the fixture

OWNER = """
import sys, time
from pathlib import Path
from video.rtsp_server import RtspServer
server = RtspServer({"/cam": Path(sys.argv[1])})
server.start()
print(server.pid, flush=True)
time.sleep(600)
"""


def test_the_server_ends_when_its_owner_is_killed(clips: Clips) -> None:  # noqa: F811
    if not rtsp_available():
        pytest.skip("GStreamer's RTSP server is missing")
    owner = subprocess.Popen(
        [sys.executable, "-c", OWNER, str(clips.h264)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert owner.stdout is not None
        server = int(owner.stdout.readline())
        assert alive(server)
    finally:
        owner.kill()
        owner.wait(10)
    end = time.monotonic() + 10
    while alive(server) and time.monotonic() < end:
        time.sleep(0.1)
    assert not alive(server), "the orphaned RTSP server still runs"
