"""MotionRuntime end to end: generated street clips decoded, detected and stored in SQLite."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zoneinfo
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from console.motion_runtime import MotionRuntime, MotionState
from console.threads import ThreadOwner
from console.video_sources import VideoSources
from core.camera_settings import CameraSettings, MotionOutcome
from core.model import IncidentSource
from core.motion import DAY_NAMES, MotionSettings
from core.site import SiteSpec
from core.timefmt import utcnow
from data.db import Database
from data.models import Attachment, AttachmentBlob, CameraEvent, Incident
from tests.helpers.cli import ROOT, cli_env, run_cli
from tests.helpers.rtsp import Clips, clips  # noqa: F401
from tests.unit.data.worlds import World, demo_world

ALWAYS = "mon-sun 00:00-24:00"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# Quick events so a test sees a first one and later ones within seconds (defaults: 30 s).
QUICK = MotionSettings(persist_frames=2, cooldown_s=0.5, rate_hz=5.0)
WAIT_S = 25.0
MINE = ("CAM01", "CAM02", "CAM03")
DEMO_SITE = ROOT / "resources" / "demo" / "site.toml"


def never_now(site: SiteSpec) -> str:
    """A schedule armed on a day three days from today only: not armed while the test runs."""
    today = utcnow().astimezone(zoneinfo.ZoneInfo(site.timezone))
    return f"{DAY_NAMES[(today.weekday() + 3) % 7]} 00:00-24:00"


def wait_for(what: str, check: Callable[[], bool], timeout: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def events(world: World, camera: str) -> list[tuple[str, int | None, int | None]]:
    """(outcome, incident id, attachment id) of a camera's events, oldest first."""
    with world.db.session() as s:
        rows = s.execute(
            select(CameraEvent.outcome, CameraEvent.incident_id, CameraEvent.attachment_id)
            .where(CameraEvent.camera == camera)
            .order_by(CameraEvent.id)
        ).all()
    return [(o, i, a) for o, i, a in rows]


@pytest.fixture
def site(demo_site: SiteSpec, clips: Clips) -> SiteSpec:  # noqa: F811
    """The demo site with CAM01-CAM03 on WS01, playing a generated clip file (the others
    stay on the control room's workstation)."""
    clip = str(clips.h264_small)
    cameras = tuple(
        replace(c, sub_url=clip, workstation="WS01") if c.code in MINE else c
        for c in demo_site.cameras
    )
    return replace(demo_site, cameras=cameras)


@pytest.fixture
def world(sqlite_db: Database, site: SiteSpec) -> World:
    w = demo_world(sqlite_db, site)
    w.svc.video.use_site(site)
    return w


@pytest.fixture
def runtime(world: World, site: SiteSpec) -> Iterator[MotionRuntime]:
    rt = MotionRuntime(site, "WS01", world.svc, VideoSources(site).resolve, base=QUICK)
    yield rt
    rt.stop()
    rt.interrupt()
    rt.join(5.0)


def configure(world: World, camera: str, enabled: bool, schedule: str) -> None:
    world.svc.video.set_camera_settings(
        world.who("supervisor"), CameraSettings(camera, motion_enabled=enabled, schedule=schedule)
    )


def test_motion_opens_one_incident_appends_later_motion_and_stops_in_time(
    world: World, site: SiteSpec, runtime: MotionRuntime
) -> None:
    configure(world, "CAM01", True, ALWAYS)
    configure(world, "CAM02", False, ALWAYS)  # off: nothing is decoded, nothing raised
    configure(world, "CAM03", True, never_now(site))  # on but not armed: logged only
    owner = ThreadOwner()
    owner.add_worker(runtime)  # starts it

    wait_for("motion regions on CAM01", lambda: bool(runtime.regions("CAM01")))
    assert runtime.cameras() == ("CAM01", "CAM03")
    assert runtime.regions("CAM02") == []
    assert runtime.stream_status("CAM02") is None
    for r in runtime.regions("CAM01"):
        assert 0.0 <= r.x < r.x + r.w <= 1.0 + 1e-9
        assert 0.0 <= r.y < r.y + r.h <= 1.0 + 1e-9
    assert runtime.settings("CAM01") == replace(QUICK, sensitivity=50)
    wait_for("three motion events of CAM01", lambda: len(events(world, "CAM01")) >= 3)
    wait_for("a motion event of CAM03", lambda: len(events(world, "CAM03")) >= 1)

    assert owner.shutdown(5.0) == []  # stopped within the deadline: nothing left running
    assert not runtime.alive
    assert not [t.name for t in threading.enumerate() if t.name.startswith(("decode:", "motion"))]
    assert runtime.status().state is MotionState.STOPPED

    cam01 = events(world, "CAM01")
    first_outcome, iid, first_attachment = cam01[0]
    assert first_outcome == MotionOutcome.INCIDENT.value
    assert iid is not None
    assert first_attachment is not None
    assert {o for o, _, _ in cam01[1:]} == {MotionOutcome.APPENDED.value}
    assert {i for _, i, _ in cam01} == {iid}  # one incident for the camera, not one per event
    with world.db.session() as s:
        incidents = s.scalars(select(Incident)).all()
        assert [(i.id, i.source) for i in incidents] == [(iid, IncidentSource.VIDEO.value)]
        attachment = s.get(Attachment, first_attachment)
        assert attachment is not None
        assert (attachment.incident_id, attachment.mime) == (iid, "image/png")
        blob = s.get(AttachmentBlob, attachment.sha256)
        assert blob is not None
        assert blob.data.startswith(PNG_MAGIC)
    assert events(world, "CAM02") == []
    assert {(o, i) for o, i, _ in events(world, "CAM03")} == {(MotionOutcome.LOGGED.value, None)}

    counters = runtime.status().counters
    assert counters.incidents == 1
    assert counters.appended == len(cam01) - 1
    assert counters.stored == len(cam01) + len(events(world, "CAM03"))
    assert (counters.pending, counters.refused, counters.failures) == (0, 0, 0)


def test_settings_changes_start_and_stop_workers_and_tuning_applies_live(
    world: World, runtime: MotionRuntime
) -> None:
    configure(world, "CAM01", True, ALWAYS)
    runtime.start()
    wait_for("CAM01 watched", lambda: runtime.cameras() == ("CAM01",))

    # The operator tunes CAM02, whose motion is off: a preview with regions, and no events.
    assert runtime.tune("CAM02", CameraSettings("CAM02", sensitivity=90))
    assert not runtime.tune(
        "CAM04", CameraSettings("CAM04", sensitivity=90)
    )  # the control room's camera
    wait_for("a preview of CAM02", lambda: bool(runtime.regions("CAM02")))
    assert runtime.settings("CAM02") == replace(QUICK, sensitivity=90)
    # Tuning a watched camera changes its running detector at once.
    assert runtime.tune("CAM01", MotionSettings(sensitivity=10, cooldown_s=0.5, rate_hz=5.0))
    assert runtime.settings("CAM01") == MotionSettings(sensitivity=10, cooldown_s=0.5, rate_hz=5.0)

    # Motion turned off for CAM01 and the preview of CAM02 ended: both workers stop.
    configure(world, "CAM01", False, ALWAYS)
    runtime.reload_settings()
    runtime.tune("CAM02", None)
    wait_for("no camera watched", lambda: runtime.cameras() == ())
    names = {"decode:CAM01", "decode:CAM02"}
    wait_for(
        "the decode workers to end",
        lambda: not names & {t.name for t in threading.enumerate()},
        timeout=5.0,
    )
    assert runtime.regions("CAM01") == []
    assert runtime.alive  # the runtime itself goes on, waiting for a camera to watch
    assert events(world, "CAM02") == []

    # On again: watched again after the owner's notice.
    configure(world, "CAM01", True, ALWAYS)
    runtime.reload_settings()
    wait_for("CAM01 watched again", lambda: runtime.cameras() == ("CAM01",))
    assert runtime.settings("CAM01") == replace(QUICK, sensitivity=50)  # the stored settings

    runtime.stop()
    assert runtime.join(5.0)


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_console_serve_raises_a_motion_incident_for_its_camera(
    tmp_path: Path,
    clips: Clips,  # noqa: F811
) -> None:
    site_file = tmp_path / "site.toml"
    text = DEMO_SITE.read_text(encoding="utf-8")
    demo_sub = 'sub_url = "demo://cam01/sub"'
    assert demo_sub in text
    site_file.write_text(text.replace(demo_sub, f'sub_url = "{clips.h264_small}"'), "utf-8")
    db = tmp_path / "console.db"
    url = f"sqlite:///{db}"
    seeded = run_cli(tmp_path, "demo", "--db", url, "--site", str(site_file), "--population", "0")
    assert seeded.returncode == 0, seeded.stderr
    with sqlite3.connect(db) as conn:  # as a supervisor's settings dialog stores them
        conn.execute(
            "INSERT INTO camera_setting VALUES ('CAM01', "
            "(SELECT community_id FROM device WHERE code = 'CAM01'), 1, 50, '{}', ?, 'sup', ?)",
            (ALWAYS, "2026-01-01 00:00:00.000000"),
        )
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "console",
            "serve",
            *("--db", url, "--site", str(site_file), "--workstation", "CC", "--no-sim"),
            *("--journal-dir", str(tmp_path / "journal"), "--stats-every", "0"),
        ],
        cwd=ROOT,
        env=cli_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def motion_events() -> list[tuple[str, str, int | None]]:
        with sqlite3.connect(db) as conn:
            rows = conn.execute("SELECT camera, outcome, attachment_id FROM camera_event")
            return [(c, o, a) for c, o, a in rows]

    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("serving "), line + (proc.stderr.read() if proc.stderr else "")
        wait_for("a motion event stored by serve", lambda: bool(motion_events()), timeout=30)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert out.strip().endswith("stopped")
    assert "Traceback" not in err
    (first, *_) = motion_events()
    assert first[:2] == ("CAM01", MotionOutcome.INCIDENT.value)
    assert first[2] is not None  # the snapshot
