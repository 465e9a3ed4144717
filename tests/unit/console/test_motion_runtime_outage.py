"""MotionRuntime when the database does not answer: detection goes on, events wait, none crash."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from console.motion_runtime import MotionRuntime, MotionState
from console.video_sources import ResolvedStream
from core.camera_settings import CameraSettings, MotionOutcome
from core.events import WorkerFailed
from core.motion import MotionSettings
from core.site import SiteSpec
from core.video import StreamKind
from tests.helpers.rtsp import Clips, clips  # noqa: F401

QUICK = MotionSettings(persist_frames=2, cooldown_s=0.3, rate_hz=5.0)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def outage() -> OperationalError:
    return OperationalError(
        "SELECT 1", {}, sqlite3.OperationalError("unable to open database file")
    )


@dataclass
class Stored:
    camera: str
    at: datetime
    png: bytes | None


@dataclass
class FakeVideo:
    """VideoService's two calls the runtime makes, with a switchable outage."""

    settings_down: bool = False
    events_down: bool = False
    refuse: bool = False
    stored: list[Stored] = field(default_factory=list)
    attempts: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def all_camera_settings(self, cameras: Any = None) -> dict[str, CameraSettings]:
        if self.settings_down:
            raise outage()
        return {"CAM01": CameraSettings("CAM01", motion_enabled=True, schedule="daily 00:00-24:00")}

    def raise_motion_event(
        self,
        camera: str,
        at: datetime,
        score: float,
        regions: Sequence[Any],
        snapshot_png: bytes | None,
    ) -> Any:
        with self.lock:
            self.attempts += 1
            if self.events_down:
                raise outage()
            if self.refuse:
                raise LookupError(f"no camera {camera!r}")
            self.stored.append(Stored(camera, at, snapshot_png))
            first = len(self.stored) == 1
        outcome = MotionOutcome.INCIDENT if first else MotionOutcome.APPENDED
        return type("Result", (), {"outcome": outcome})()


@dataclass
class FakeServices:
    video: FakeVideo = field(default_factory=FakeVideo)


@dataclass
class Sink:
    events: list[object] = field(default_factory=list)

    def publish(self, event: object) -> None:
        self.events.append(event)


def wait_for(what: str, check: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


@pytest.fixture
def site(demo_site: SiteSpec) -> SiteSpec:
    cameras = tuple(
        replace(c, workstation="WS01") if c.code == "CAM01" else c for c in demo_site.cameras
    )
    return replace(demo_site, cameras=cameras)


@pytest.fixture
def services() -> FakeServices:
    return FakeServices()


@pytest.fixture
def sink() -> Sink:
    return Sink()


@pytest.fixture
def make(
    site: SiteSpec,
    services: FakeServices,
    sink: Sink,
    clips: Clips,  # noqa: F811
) -> Iterator[Callable[..., MotionRuntime]]:
    made: list[MotionRuntime] = []
    clip = str(clips.h264_small)

    def resolve(code: str, kind: StreamKind) -> ResolvedStream:
        return ResolvedStream(code, kind, clip, clip, is_file=True)

    def build(**options: Any) -> MotionRuntime:
        options.setdefault("base", QUICK)
        options.setdefault("reload_every_s", 0.3)
        rt = MotionRuntime(site, "WS01", services, resolve, sink=sink, **options)
        made.append(rt)
        return rt

    yield build
    for rt in made:
        rt.stop()
        rt.join(5.0)


def test_events_wait_for_the_database_and_are_stored_oldest_first_when_it_answers(
    make: Callable[..., MotionRuntime], services: FakeServices, sink: Sink
) -> None:
    video = services.video
    video.settings_down = True
    video.events_down = True
    rt = make(queue_max=3)
    rt.start()
    # The state turns DEGRADED under the runtime's lock; its notice is published just after.
    wait_for(
        "the failed settings read",
        lambda: (
            rt.status().state is MotionState.DEGRADED
            and any(isinstance(e, WorkerFailed) for e in sink.events)
        ),
    )
    assert rt.cameras() == ()  # nothing known yet: nothing watched
    assert "settings" in rt.status().detail
    failed = [e for e in sink.events if isinstance(e, WorkerFailed)]
    assert [(e.worker, e.retrying) for e in failed] == [("motion", True)]

    video.settings_down = False
    wait_for("CAM01 watched", lambda: rt.cameras() == ("CAM01",))
    wait_for("events beyond the queue", lambda: rt.status().counters.dropped >= 1)
    status = rt.status()
    assert status.state is MotionState.DEGRADED
    assert status.counters.pending == 3
    assert status.counters.failures >= 1
    assert status.counters.events == status.counters.pending + status.counters.dropped
    assert video.stored == []
    # Detection goes on while the database is away: the wall still gets regions.
    frames = status.counters.frames
    wait_for("more frames analysed", lambda: rt.status().counters.frames > frames + 3)
    assert rt.regions("CAM01")

    waiting = rt.status().counters.pending
    video.events_down = False
    wait_for("the waiting events stored", lambda: len(video.stored) >= waiting)
    wait_for("the runtime to recover", lambda: rt.status().state is MotionState.RUNNING)
    first = video.stored[:waiting]
    assert [s.at for s in first] == sorted(s.at for s in first)
    assert all(s.png is not None and s.png.startswith(PNG_MAGIC) for s in first)
    counters = rt.status().counters
    assert counters.incidents == 1
    assert counters.appended == counters.stored - 1
    assert counters.refused == 0

    rt.stop()
    assert rt.join(5.0)
    assert rt.status().state is MotionState.STOPPED


def test_a_refused_event_is_dropped_and_events_left_at_stop_are_counted_lost(
    make: Callable[..., MotionRuntime], services: FakeServices
) -> None:
    video = services.video
    video.refuse = True
    rt = make(flush_s=0.2)
    rt.start()
    wait_for("a refused event", lambda: rt.status().counters.refused >= 1)
    assert rt.status().state is MotionState.RUNNING  # the database answered: not an outage
    assert rt.status().counters.pending == 0

    video.refuse = False
    video.events_down = True
    wait_for("an event waiting", lambda: rt.status().counters.pending >= 1)
    lost = rt.status().counters.dropped
    rt.stop()
    assert rt.join(5.0)
    counters = rt.status().counters
    assert counters.pending == 0
    assert counters.dropped > lost  # the waiting ones: the database never came back
    assert video.stored == []
