"""The recorder as the console runs it: its own process, started by a console, recording on
when that console is killed with -9, adopted by the next console, stopped when it quits."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.recorder_runtime import RecorderLaunch, RecorderOptions, ensure_recorder
from console.recorder_service import holder
from console.threads import ThreadOwner
from data.db import Database
from data.migrate import open_database
from data.models import RecorderStatus, RecordingSegment
from tests.helpers.rtsp import Clips, clips, rtsp_server  # noqa: F401 - the fixture
from tests.unit.core.test_site import BASE

pytestmark = pytest.mark.slow

CAMERAS = ("CAMR1", "CAMR2")


def site_text(urls: dict[str, str]) -> str:
    cams = "".join(
        textwrap.dedent(f"""
        [[camera]]
        code = "{code}"
        name = "camera {code}"
        community = "C01"
        position = [10, {10 * n}]
        main_url = "{url}"
        sub_url = "{url}"
        workstation = "CC"
        """)
        for n, (code, url) in enumerate(urls.items(), start=1)
    )
    return BASE + cams


@pytest.fixture
def world(clips: Clips, tmp_path: Path) -> Iterator[tuple[Path, str, Database, Path]]:  # noqa: F811
    """A site of two cameras on a real RTSP server, a migrated SQLite file, a recording root."""
    with rtsp_server({f"/{c.lower()}": clips.h264 for c in CAMERAS}) as server:
        site = tmp_path / "site.toml"
        site.write_text(
            site_text({c: server.url(f"/{c.lower()}") for c in CAMERAS}), encoding="utf-8"
        )
        url = f"sqlite:///{tmp_path / 'c.db'}"
        db = open_database(url)
        try:
            yield site, url, db, tmp_path / "recordings"
        finally:
            found = holder(tmp_path / "recordings")
            if found is not None and found.pid > 0:  # never leave a recorder behind
                os.kill(found.pid, signal.SIGKILL)
            db.dispose()


def segments(db: Database, state: str | None = None) -> int:
    with db.session() as s:
        q = select(func.count(RecordingSegment.id))
        if state is not None:
            q = q.where(RecordingSegment.state == state)
        return int(s.scalar(q) or 0)


def wait_for(what: object, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if callable(what) and what():
            return
        time.sleep(0.2)
    raise AssertionError("timed out waiting")


CONSOLE = """
import sys, time
from pathlib import Path
from console.recorder_runtime import RecorderOptions, ensure_recorder
from console.threads import ThreadOwner
site, url, root = sys.argv[1:4]
got = ensure_recorder(
    RecorderOptions(root=Path(root), segment_seconds=2.0, no_sim=True), ThreadOwner(),
    db_url=url, workstation="CC", site_file=Path(site), keys_dir=Path(root).parent / "keys",
)
print(got.state.value, got.pid, flush=True)
time.sleep(600)
"""


def test_a_recorder_outlives_a_killed_console_and_the_next_console_adopts_and_stops_it(
    world: tuple[Path, str, Database, Path],
) -> None:
    site, url, db, root = world
    console = subprocess.Popen(
        [sys.executable, "-c", CONSOLE, str(site), url, str(root)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert console.stdout is not None
        state, pid = console.stdout.readline().split()
        assert state == RecorderLaunch.STARTED.value
        wait_for(lambda: segments(db, "complete") >= 4)
        # The console dies without a word: the recorder is in a session of its own.
        console.kill()
        console.wait(10)
    finally:
        if console.poll() is None:
            console.kill()
    found = holder(root)
    assert found is not None
    assert found.pid == int(pid)
    assert found.by_console
    before = segments(db)
    wait_for(lambda: segments(db) >= before + 2)  # still recording, nobody watching
    with db.session() as s:
        status = s.scalars(select(RecorderStatus)).one()
        assert status.cameras_recording == len(CAMERAS)

    # The next console finds it and adopts it; quitting that console stops it in order.
    owner = ThreadOwner()
    again = ensure_recorder(
        RecorderOptions(root=root, segment_seconds=2.0, no_sim=True),
        owner,
        db_url=url,
        workstation="CC",
        site_file=site,
        keys_dir=root.parent / "keys",
    )
    assert again.state is RecorderLaunch.ADOPTED
    assert again.pid == int(pid)
    assert owner.shutdown(15.0) == []
    assert holder(root) is None
    assert segments(db, "writing") == 0  # every segment closed with its hash


def test_a_console_stops_the_recorder_it_started_when_it_quits(
    world: tuple[Path, str, Database, Path],
) -> None:
    site, url, db, root = world
    owner = ThreadOwner()
    got = ensure_recorder(
        RecorderOptions(root=root, segment_seconds=2.0, no_sim=True),
        owner,
        db_url=url,
        workstation="CC",
        site_file=site,
        keys_dir=root.parent / "keys",
    )
    assert got.state is RecorderLaunch.STARTED
    wait_for(lambda: segments(db, "complete") >= 2)
    # A second console on the same computer does not start a second recorder.
    other = ThreadOwner()
    second = ensure_recorder(
        RecorderOptions(root=root, segment_seconds=2.0, no_sim=True),
        other,
        db_url=url,
        workstation="CC",
        site_file=site,
        keys_dir=root.parent / "keys",
    )
    assert second.state is RecorderLaunch.ADOPTED
    assert second.pid == got.pid
    assert owner.shutdown(15.0) == []
    wait_for(lambda: holder(root) is None, 10.0)
    assert segments(db, "writing") == 0
    log = (root / "recorder.log").read_text(encoding="utf-8")
    assert "recording 2 cameras" in log
    assert "stopped" in log
    assert other.shutdown(5.0) == []  # its adopted recorder is gone already: nothing to do
