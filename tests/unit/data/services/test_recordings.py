"""The recording index on SQLite and PostgreSQL: the sink, timeline, health and bookmarks."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from core.audit import AuditAction
from core.camera_settings import CameraSettings
from core.incidents import IncidentState
from core.model import DeviceState, IncidentSource, Priority
from core.permissions import PermissionDenied
from core.recording import (
    GapCause,
    Hold,
    RecorderHealth,
    RecordingSink,
    SegmentState,
    expired,
    segment_path,
)
from core.site import SiteSpec
from data.models import Incident, IncidentType, RecorderAlarm, RecordingSegment
from data.services.evidence import EvidenceService
from data.services.recordings import (
    ACTOR,
    KIND_BOOKMARK,
    KIND_RECORDER,
    DbRecordingSink,
    RecordingService,
)
from data.services.video import VideoService
from tests.helpers.postgres import as_owner
from tests.unit.data.support import T0
from tests.unit.data.worlds import World

MIN = timedelta(minutes=1)
SHA = "ab" * 32


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


@pytest.fixture
def sink(env: World) -> DbRecordingSink:
    return DbRecordingSink(env.db, "pc-a:200", workstation="CC", clock=env.clock)


@pytest.fixture
def recordings(env: World) -> RecordingService:
    return RecordingService(env.ctx)


def record(
    sink: DbRecordingSink,
    camera: str,
    start: datetime,
    minutes: int = 1,
    state: SegmentState = SegmentState.COMPLETE,
) -> int:
    """One closed segment of `minutes` from `start`; its id."""
    seg = sink.segment_opened(camera, start, segment_path(camera, start), "h264")
    sink.segment_closed(seg, start + minutes * MIN, 1000 * minutes, SHA, state)
    return seg


def holds_in_force(index: RecordingSink) -> list[Hold]:
    """The holds as the recorder's retention reads them (through the protocol: mypy checks
    that the database sink is one)."""
    return index.holds()


def own_and_other_camera(env: World, site: SiteSpec) -> tuple[str, str]:
    """A camera of the station ws01's community, and one of another community."""
    (scope,) = env.who("ws01").communities or {""}
    own = next(c.code for c in site.cameras if c.community == scope)
    other = next(c.code for c in site.cameras if c.community != scope)
    return own, other


def health(name: str, at: datetime, **changes: object) -> RecorderHealth:
    values: dict[str, object] = {
        "recorder": name,
        "started": T0 - timedelta(hours=1),
        "heartbeat": at,
        "cameras_total": 4,
        "cameras_recording": 4,
        "bitrate_bps": 8e6,
        "disk_free_bytes": 10**12,
        "disk_total_bytes": 2 * 10**12,
        "days_fit": 25.5,
        "root": "/srv/recordings",
    }
    values.update(changes)
    return RecorderHealth(**values)  # type: ignore[arg-type]


# --- the recorder's sink --------------------------------------------------------------------------
def test_segments_are_opened_closed_listed_for_retention_and_deleted(
    env: World, sink: DbRecordingSink
) -> None:
    t0 = env.clock.now - timedelta(days=40)
    first = record(sink, "CAM01", t0)
    second = record(sink, "CAM01", t0 + MIN, state=SegmentState.DAMAGED)
    third = record(sink, "CAM02", t0 + 2 * MIN)
    writing = sink.segment_opened("CAM01", t0 + 2 * MIN, "CAM01/x.mp4", "hevc")

    oldest = sink.oldest_segments(10)
    assert [s.id for s in oldest] == [first, second, third]  # never the one being written
    assert oldest[0].end == t0 + MIN
    assert (oldest[0].bytes, oldest[0].sha256, oldest[0].codec) == (1000, SHA, "h264")
    assert oldest[0].path == segment_path("CAM01", t0)
    assert oldest[1].state is SegmentState.DAMAGED
    assert [s.id for s in sink.oldest_segments(2)] == [first, second]
    assert [s.id for s in sink.segments_before(t0 + MIN, 10)] == [first]
    assert sink.last_recorded() == {"CAM01": t0 + 2 * MIN, "CAM02": t0 + 3 * MIN}
    assert sink.unfinished() == []  # this recorder's own segment is not a leftover

    sink.segment_deleted(first)
    assert [s.id for s in sink.oldest_segments(10)] == [second, third]
    with env.db.session() as s:
        row = s.get(RecordingSegment, writing)
        assert row is not None
        assert (row.state, row.end_ts, row.recorder) == ("writing", None, "pc-a:200")
        assert row.community_id is not None  # the camera's, for row security
    ops = [(r, op) for t, r, op in env.changes() if t == "recording_segment"]
    assert ops[:2] == [(first, "insert"), (first, "update")]
    assert ops[-1] == (first, "delete")
    assert (writing, "insert") in ops


def test_a_dead_recorders_segments_are_unfinished_for_the_next_one_on_its_host(
    env: World, sink: DbRecordingSink
) -> None:
    t0 = env.clock.now
    leftover = sink.segment_opened("CAM03", t0, "CAM03/a.mp4", "h264")
    other_host = DbRecordingSink(env.db, "pc-b:7", clock=env.clock)
    other_host.segment_opened("CAM04", t0, "CAM04/a.mp4", "h264")
    again = DbRecordingSink(env.db, "pc-a:201", clock=env.clock)  # a new run on pc-a

    (found,) = again.unfinished()
    assert (found.id, found.camera, found.state) == (leftover, "CAM03", SegmentState.WRITING)
    assert found.end == found.start
    again.segment_closed(leftover, t0 + 30 * timedelta(seconds=1), 512, SHA, SegmentState.DAMAGED)
    assert again.unfinished() == []
    assert [s.camera for s in other_host.unfinished()] == []  # pc-b's own one is its live one
    with pytest.raises(LookupError):
        again.segment_closed(10**9, t0, 1, SHA, SegmentState.COMPLETE)
    with pytest.raises(ValueError, match="naive"):
        again.segment_opened("CAM03", t0.replace(tzinfo=None), "x", "h264")


def test_several_camera_threads_write_through_one_sink_at_once(
    env: World, sink: DbRecordingSink
) -> None:
    t0 = env.clock.now
    cameras = ("CAM01", "CAM02", "CAM03", "CAM04")
    failures: list[BaseException] = []

    def run(camera: str) -> None:
        try:
            for i in range(5):
                record(sink, camera, t0 + i * MIN)
            sink.gap_opened(camera, t0 + 5 * MIN, GapCause.CAMERA_OFFLINE, "")
        except BaseException as exc:  # the test's error path: reported below
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(c,), name=f"test-rec-{c}") for c in cameras]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not [t.name for t in threads if t.is_alive()]
    assert failures == []
    assert len(sink.oldest_segments(100)) == 20
    assert sink.last_recorded() == dict.fromkeys(cameras, t0 + 5 * MIN)
    assert sorted(g.camera for g in sink.open_gaps()) == list(cameras)
    assert sink.unfinished() == []


def test_gaps_open_and_close_with_their_cause(env: World, sink: DbRecordingSink) -> None:
    t0 = env.clock.now
    offline = sink.gap_opened("CAM01", t0, GapCause.CAMERA_OFFLINE, "timeout\x00 after 4 s")
    full = sink.gap_opened("CAM02", t0 + MIN, GapCause.DISK_FULL, "")
    assert [(g.id, g.cause, g.end) for g in sink.open_gaps()] == [
        (offline, GapCause.CAMERA_OFFLINE, None),
        (full, GapCause.DISK_FULL, None),
    ]
    assert sink.open_gaps()[0].detail == "timeout after 4 s"
    sink.gap_closed(offline, t0 + 5 * MIN)
    assert [g.id for g in sink.open_gaps()] == [full]
    assert [(t, r, op) for t, r, op in env.changes() if t == "recording_gap"] == [
        ("recording_gap", offline, "insert"),
        ("recording_gap", full, "insert"),
        ("recording_gap", offline, "update"),
    ]


def test_the_sink_lists_only_holds_in_force(env: World, sink: DbRecordingSink) -> None:
    operator, sup = env.who("operator"), env.who("supervisor")
    iid = env.svc.incidents.create(operator, title="盗窃", priority=Priority.P2, community="C01")
    evidence = EvidenceService(env.ctx)
    t0 = env.clock.now - timedelta(days=40)
    kept = evidence.place_hold(operator, iid, ["CAM01", "CAM02"], t0, t0 + 10 * MIN, "盗窃取证")
    freed = evidence.place_hold(operator, iid, ["CAM03"], t0, t0 + MIN, "误报核实")
    assert [h.id for h in holds_in_force(sink)] == [kept.id, freed.id]
    evidence.release_hold(sup, freed.id, "已核实无关")
    (held,) = holds_in_force(sink)
    assert (held.cameras, held.start, held.end, held.incident_id) == (
        ("CAM01", "CAM02"),
        t0,
        t0 + 10 * MIN,
        iid,
    )
    # With the recorder's retention rule: the held segment stays, the other one goes.
    inside = record(sink, "CAM01", t0 + MIN)
    outside = record(sink, "CAM03", t0)
    gone = expired(sink.oldest_segments(10), sink.holds(), env.clock.now, 30)
    assert [s.id for s in gone] == [outside]
    assert inside not in [s.id for s in gone]


def test_heartbeats_upsert_one_row_and_wake_consoles_only_on_change(
    env: World, sink: DbRecordingSink, recordings: RecordingService
) -> None:
    t0 = env.clock.now
    sink.heartbeat(health("pc-a:200", t0))
    sink.heartbeat(health("pc-a:200", t0 + timedelta(seconds=2), disk_free_bytes=10**11))
    (row,) = recordings.recorder_health(env.who("operator"))
    assert row.heartbeat == t0 + timedelta(seconds=2)
    assert row.disk_free_bytes == 10**11
    assert (row.days_fit, row.root, row.failing) == (25.5, "/srv/recordings", ())
    assert [(t, op) for t, _, op in env.changes() if t == "recorder_status"] == [
        ("recorder_status", "insert")
    ]
    sink.heartbeat(
        health(
            "pc-a:200",
            t0 + timedelta(seconds=4),
            cameras_recording=3,
            failing=("CAM07",),
            detail="CAM07 offline",
            days_fit=None,
        )
    )
    (row,) = recordings.recorder_health(env.who("operator"))
    assert (row.cameras_recording, row.failing, row.detail, row.days_fit) == (
        3,
        ("CAM07",),
        "CAM07 offline",
        None,
    )
    assert [op for t, _, op in env.changes() if t == "recorder_status"] == ["insert", "update"]
    sink.status_every_s = 0.0  # "at least this often" elapsed: the next one is noted anyway
    sink.heartbeat(health("pc-a:200", t0 + timedelta(seconds=6), cameras_recording=3))
    assert [op for t, _, op in env.changes() if t == "recorder_status"][-1] == "update"
    # A dead recorder's row stays: the console sees it is stale.
    DbRecordingSink(env.db, "pc-b:9", clock=env.clock).heartbeat(
        health("pc-b:9", t0 - timedelta(hours=1))
    )
    rows = recordings.recorder_health(env.who("operator"))
    assert [r.recorder for r in rows] == ["pc-a:200", "pc-b:9"]
    assert [r.stale(t0 + timedelta(seconds=6)) for r in rows] == [False, True]
    with pytest.raises(PermissionDenied):
        recordings.recorder_health(env.svc.signin.principal("police"))


def test_the_recorders_heartbeat_is_what_the_device_pane_knows_of_its_cameras(
    env: World, sink: DbRecordingSink
) -> None:
    # Nothing else reports a camera's link: before this, cameras stayed "never online".
    operator = env.who("operator")

    def cameras() -> dict[str, tuple[DeviceState, str]]:
        rows = env.svc.devices.devices(operator)
        return {d.code: (d.state, d.detail) for d in rows if d.code in ("CAM01", "CAM02")}

    assert cameras() == {
        "CAM01": (DeviceState.UNKNOWN, ""),
        "CAM02": (DeviceState.UNKNOWN, ""),
    }
    t0 = env.clock.now
    links = (("CAM01", True, "录像中"), ("CAM02", False, "无法连接：OSError: Connection refused"))
    sink.heartbeat(health("pc-a:200", t0, links=links))
    assert cameras() == {
        "CAM01": (DeviceState.ONLINE, "录像中"),
        "CAM02": (DeviceState.OFFLINE, "无法连接：OSError: Connection refused"),
    }
    device_changes = [t for t, _, _ in env.changes() if t == "device"]
    sink.heartbeat(health("pc-a:200", t0 + timedelta(seconds=2), links=links))
    assert [t for t, _, _ in env.changes() if t == "device"] == device_changes  # no news
    back = (("CAM01", True, "录像中"), ("CAM02", True, "录像中"))
    sink.heartbeat(health("pc-a:200", t0 + timedelta(seconds=4), links=back))
    assert cameras()["CAM02"] == (DeviceState.ONLINE, "录像中")


def test_a_failed_write_of_the_camera_links_is_not_a_failed_heartbeat(
    env: World, sink: DbRecordingSink, recordings: RecordingService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # BufferedSink reads an exception from heartbeat() as the database being away and sends
    # every index write to its journal: a refused device update must not look like that.
    def refuse(*_args: object) -> int:
        raise OperationalError("UPDATE device", {}, Exception("database is locked"))

    monkeypatch.setattr(sink._devices, "report_links", refuse)
    t0 = env.clock.now
    sink.heartbeat(health("pc-a:200", t0, links=(("CAM01", True, "录像中"),)))
    (row,) = recordings.recorder_health(env.who("operator"))
    assert row.heartbeat == t0


def test_an_alarm_opens_one_incident_per_problem_and_repeats_join_it(
    env: World, sink: DbRecordingSink
) -> None:
    sink.raise_alarm(None, "disk full: /srv/recordings")
    sink.raise_alarm(None, "disk full: /srv/recordings")  # retried: nothing new
    sink.raise_alarm(None, "disk full since 10:42")  # another word on it: its timeline
    sink.raise_alarm("CAM05", "cannot open the stream")  # a camera: its own incident
    with env.db.session() as s:
        rows = s.execute(
            select(RecorderAlarm.camera, RecorderAlarm.outcome, RecorderAlarm.incident_id).order_by(
                RecorderAlarm.id
            )
        ).all()
        device_type = s.scalar(select(IncidentType).where(IncidentType.code == "DEVICE"))
        assert device_type is not None
        volume, camera = rows[0][2], rows[2][2]
        assert volume is not None
        assert camera is not None
        inc = s.get(Incident, volume)
        cam_inc = s.get(Incident, camera)
        assert inc is not None
        assert cam_inc is not None
        assert (inc.source, inc.type_id) == (IncidentSource.DEVICE.value, device_type.id)
        assert inc.priority <= Priority.P3
        assert "disk full" in inc.title
        assert "pc-a:200" in inc.description
        assert cam_inc.community_id is not None
        assert "CAM05" in cam_inc.description
    assert [tuple(r) for r in rows] == [
        ("", "incident", volume),
        ("", "appended", volume),
        ("CAM05", "incident", camera),
    ]
    assert [k for k, *_ in env.events(volume)] == ["created", KIND_RECORDER]
    assert "disk full since 10:42" in env.events(volume)[1][3]
    created = [(a, t) for a, act, t, _ in env.audit() if act == AuditAction.INCIDENT_CREATED]
    assert created == [(ACTOR, str(volume)), (ACTOR, str(camera))]

    with as_owner(env.db) as owner, owner.session() as s:
        s.execute(update(Incident).where(Incident.id == volume).values(state="closed"))
    sink.raise_alarm(None, "disk full: /srv/recordings")  # handled and closed: a new one
    with env.db.session() as s:
        newest = s.scalar(select(RecorderAlarm).order_by(RecorderAlarm.id.desc()).limit(1))
        assert newest is not None
        assert newest.outcome == "incident"
        assert newest.incident_id not in (None, volume)


# --- the console's timeline -----------------------------------------------------------------------
def test_the_timeline_shows_recordings_gaps_bookmarks_motion_and_incidents(
    env: World, sink: DbRecordingSink, recordings: RecordingService, demo_site: SiteSpec
) -> None:
    operator, sup = env.who("operator"), env.who("supervisor")
    video = VideoService(env.ctx)
    video.use_site(demo_site)
    video.set_camera_settings(
        sup, CameraSettings("CAM01", motion_enabled=True, schedule="mon-sun 00:00-24:00")
    )
    t0 = env.clock.now.replace(microsecond=0)
    segs = [record(sink, "CAM01", t0 + i * MIN) for i in range(3)]
    record(sink, "CAM01", t0 - 2 * timedelta(hours=1))  # long before the range
    cam2 = record(sink, "CAM02", t0 + MIN)
    record(sink, "CAM03", t0)  # a camera not asked for
    live = sink.segment_opened("CAM02", t0 + 2 * MIN, "CAM02/live.mp4", "h264")
    missing = record(sink, "CAM02", t0 - MIN, state=SegmentState.MISSING)
    gap = sink.gap_opened("CAM02", t0 - 3 * timedelta(hours=1), GapCause.RECORDER_DOWN, "")
    sink.gap_closed(gap, t0 + MIN)
    motion = video.raise_motion_event("CAM01", t0 + 90 * timedelta(seconds=1), 0.5, [], None)
    assert motion.incident_id is not None
    named = env.svc.incidents.create(
        operator, title="CAM02 路口有人摔倒", priority=Priority.P2, community=None
    )
    other = env.svc.incidents.create(operator, title="噪音", priority=Priority.P3, community=None)
    mark = recordings.add_bookmark(
        operator, "CAM02", t0 + 30 * timedelta(seconds=1), "红衣男子", incident_id=other
    )
    with as_owner(env.db) as owner, owner.session() as s:  # incidents of the range's time
        s.execute(
            update(Incident)
            .where(Incident.id.in_([named, other, motion.incident_id]))
            .values(created_at=t0 + 10 * timedelta(seconds=1))
        )
    env.clock.now = t0 + 150 * timedelta(seconds=1)

    line = recordings.timeline(operator, ["CAM01", "CAM02"], t0, t0 + 3 * MIN)
    assert line.cameras == ("CAM01", "CAM02")
    assert [s.id for s in line.segments] == [*segs, cam2, live]
    assert missing not in [s.id for s in line.segments]
    live_seg = line.segments[-1]
    assert (live_seg.state, live_seg.end) == (SegmentState.WRITING, env.clock.now)
    assert [(g.id, g.cause) for g in line.gaps] == [(gap, GapCause.RECORDER_DOWN)]
    assert line.bookmarks == (mark,)
    assert (mark.author, mark.note, mark.incident_id) == ("operator", "红衣男子", other)
    assert [(m.camera, m.incident_id) for m in line.motion] == [("CAM01", motion.incident_id)]
    marks = {m.id: m for m in line.incidents}
    assert set(marks) == {motion.incident_id, named, other}
    assert marks[motion.incident_id].cameras == ("CAM01",)
    assert marks[motion.incident_id].at == t0 + 10 * timedelta(seconds=1)
    assert marks[named].cameras == ("CAM02",)
    assert marks[other].at == mark.at
    assert marks[other].state is IncidentState.NEW

    assert [s.id for s in recordings.segments_for(operator, "CAM01", t0 + MIN, t0 + 2 * MIN)] == [
        segs[1]
    ]
    assert recordings.segments_for(operator, "CAM01", t0, t0) == []
    # Nothing of another time: an empty timeline, not an error.
    later = recordings.timeline(operator, ["CAM01"], t0 + timedelta(days=1), t0 + timedelta(days=2))
    assert (later.segments, later.motion, later.incidents) == ((), (), ())


def test_a_station_sees_only_its_own_communitys_recordings(
    env: World, sink: DbRecordingSink, recordings: RecordingService, demo_site: SiteSpec
) -> None:
    own, other = own_and_other_camera(env, demo_site)
    t0 = env.clock.now
    mine = record(sink, own, t0)
    record(sink, other, t0)
    station = env.who("ws01")
    line = recordings.timeline(station, [own], t0, t0 + MIN)
    assert [s.id for s in line.segments] == [mine]
    with pytest.raises(PermissionDenied):
        recordings.timeline(station, [own, other], t0, t0 + MIN)
    with pytest.raises(PermissionDenied):
        recordings.segments_for(station, other, t0, t0 + MIN)
    with pytest.raises(PermissionDenied):
        recordings.add_bookmark(station, other, t0, "看这里")
    refused = [t for _, act, t, _ in env.audit() if act == AuditAction.PERMISSION_DENIED]
    assert len(refused) == 3
    with pytest.raises(PermissionDenied):
        recordings.timeline(env.svc.signin.principal("police"), [own], t0, t0 + MIN)


# --- bookmarks ------------------------------------------------------------------------------------
def test_bookmarks_are_added_audited_and_deleted_by_their_author_or_a_manager(
    env: World, recordings: RecordingService
) -> None:
    operator, sup = env.who("operator"), env.who("supervisor")
    t0 = env.clock.now
    iid = env.svc.incidents.create(operator, title="打架", priority=Priority.P2, community="C01")
    mine = recordings.add_bookmark(operator, "CAM01", t0, "  两人\x07争执 ", incident_id=iid)
    theirs = recordings.add_bookmark(sup, "CAM01", t0 + MIN, "车辆离开")
    assert mine.note == "两人争执"
    kinds = [k for k, *_ in env.events(iid)]
    assert kinds == ["created", KIND_BOOKMARK]
    assert "CAM01" in env.events(iid)[1][3]

    with pytest.raises(PermissionDenied):
        recordings.delete_bookmark(operator, theirs.id)  # another's: MANAGE_VIDEO
    recordings.delete_bookmark(operator, mine.id)
    recordings.delete_bookmark(sup, theirs.id)
    with pytest.raises(LookupError):
        recordings.delete_bookmark(sup, theirs.id)
    assert recordings.timeline(operator, ["CAM01"], t0, t0 + 2 * MIN).bookmarks == ()
    with pytest.raises(LookupError):
        recordings.add_bookmark(operator, "AP01", t0, "not a camera")
    with pytest.raises(LookupError):
        recordings.add_bookmark(operator, "CAM01", t0, "x", incident_id=10**9)

    rows = [
        (actor, act, target, json.loads(detail))
        for actor, act, target, detail in env.audit()
        if act in (AuditAction.BOOKMARK_ADDED, AuditAction.BOOKMARK_DELETED)
    ]
    assert [(a, act, t) for a, act, t, _ in rows] == [
        ("operator", "bookmark_added", f"bookmark:{mine.id}"),
        ("supervisor", "bookmark_added", f"bookmark:{theirs.id}"),
        ("operator", "bookmark_deleted", f"bookmark:{mine.id}"),
        ("supervisor", "bookmark_deleted", f"bookmark:{theirs.id}"),
    ]
    assert rows[0][3] == {"camera": "CAM01", "at": t0.isoformat(), "incident": iid}
    assert [op for t, _, op in env.changes() if t == "bookmark"] == [
        "insert",
        "insert",
        "delete",
        "delete",
    ]
    assert env.audit_ok()
