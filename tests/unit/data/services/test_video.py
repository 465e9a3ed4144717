"""VideoService on SQLite and PostgreSQL: wall views, motion settings, motion incidents, cameras."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from core.alarm_plan import plan_from_site
from core.attachments import AttachmentRefused, FileKind
from core.audit import AuditAction
from core.camera_settings import CameraSettings, MotionOutcome, VideoInvalid
from core.care_rules import nearest_cameras
from core.model import IncidentSource, Priority
from core.motion import ArmingSchedule, MotionMask, MotionRegion
from core.permissions import PermissionDenied
from core.site import SiteSpec
from core.timefmt import local
from core.video_wall import WallView
from data.models import (
    CameraEvent,
    CameraSetting,
    Incident,
    IncidentType,
    Tag,
    TagPosition,
    TrackingEpisode,
)
from data.models import WallView as WallViewRow
from data.services.attachments import delete_attachments_of
from data.services.video import ACTOR, KIND_MOTION, SNAPSHOT_EVERY, VideoService
from tests.helpers.postgres import as_owner
from tests.unit.data.services.test_alarms import event as alarm_event
from tests.unit.data.services.test_attachments import png
from tests.unit.data.worlds import World


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


@pytest.fixture
def video(env: World, demo_site: SiteSpec) -> VideoService:
    svc = VideoService(env.ctx)
    svc.use_site(demo_site)
    return svc


def camera(site: SiteSpec, code: str) -> tuple[str, str, float, float]:
    """(name, community code, x, y) of a camera of the site file."""
    c = next(c for c in site.cameras if c.code == code)
    return c.name, c.community, c.position.x, c.position.y


ALWAYS = "mon-sun 00:00-24:00"


def arm(env: World, video: VideoService, *cameras: str, schedule: str = ALWAYS) -> None:
    """Motion detection on for these cameras, armed by the schedule."""
    for code in cameras:
        video.set_camera_settings(
            env.who("supervisor"), CameraSettings(code, motion_enabled=True, schedule=schedule)
        )


def audits(env: World, action: AuditAction) -> list[tuple[str, str, dict[str, object]]]:
    return [
        (actor, target, json.loads(detail) if detail.startswith("{") else {"text": detail})
        for actor, act, target, detail in env.audit()
        if act == action.value
    ]


def incident(env: World, iid: int) -> Incident:
    with env.db.session() as s:
        inc = s.get(Incident, iid)
        assert inc is not None
        s.expunge(inc)
        return inc


def view_rows(env: World) -> list[tuple[int | None, str, bool]]:
    with env.db.session() as s:
        rows = s.execute(
            select(WallViewRow.owner_id, WallViewRow.name, WallViewRow.deleted_at).order_by(
                WallViewRow.id
            )
        ).all()
    return [(owner, name, deleted is not None) for owner, name, deleted in rows]


# --- saved wall views ---------------------------------------------------------------------------
def test_own_views_are_private_and_shared_views_are_listed_for_everyone(
    env: World, video: VideoService
) -> None:
    operator, station, sup = env.who("operator"), env.who("ws01"), env.who("supervisor")
    mine = video.save_view(operator, WallView("路口", "2x2", ("CAM01", "CAM02")))
    assert mine == WallView("路口", "2x2", ("CAM01", "CAM02", None, None), "operator", False)
    video.save_view(station, WallView("路口", "1", ("CAM04",)))  # the same name, another owner
    shared = video.save_view(sup, WallView("全街", "4x4", ("CAM01", None, "CAM03"), shared=True))
    assert shared.shared
    assert shared.owner is None

    assert video.views(operator) == [shared, mine]
    assert [v.tiles for v in video.views(station)] == [shared.tiles, ("CAM04",)]
    assert [(v.name, v.owner) for v in video.views(sup)] == [("全街", None)]
    saved = [
        (actor, target.startswith("view:"), d["shared"])
        for actor, target, d in audits(env, AuditAction.WALL_VIEW_SAVED)
    ]
    assert saved == [("operator", True, False), ("ws01", True, False), ("supervisor", True, True)]
    assert [c for c in env.changes() if c[0] == "wall_view"] == [
        ("wall_view", i, "insert") for i in (1, 2, 3)
    ]
    assert env.audit_ok()


def test_saving_a_name_again_replaces_the_view_and_deleting_hides_it(
    env: World, video: VideoService
) -> None:
    operator = env.who("operator")
    video.save_view(operator, WallView("巡查", "2x2", ("CAM01",)))
    video.save_view(operator, WallView("巡查", "3x3", ("CAM05", "CAM06")))
    assert [(v.layout, v.cameras) for v in video.views(operator)] == [("3x3", ("CAM05", "CAM06"))]
    assert len(view_rows(env)) == 1

    video.delete_view(operator, "巡查")
    assert video.views(operator) == []
    assert view_rows(env) == [(operator.user_id, "巡查", True)]  # kept, marked deleted
    with pytest.raises(LookupError):
        video.delete_view(operator, "巡查")
    video.save_view(operator, WallView("巡查", "1", ("CAM07",)))  # the name again: back
    assert [v.cameras for v in video.views(operator)] == [("CAM07",)]
    assert view_rows(env) == [(operator.user_id, "巡查", False)]
    ops = [op for table, _, op in env.changes() if table == "wall_view"]
    assert ops == ["insert", "update", "delete", "update"]
    assert [t for _, t, _ in audits(env, AuditAction.WALL_VIEW_DELETED)] == ["view:1"]


def test_shared_views_need_manage_video_and_others_views_are_not_there(
    env: World, video: VideoService
) -> None:
    operator, sup = env.who("operator"), env.who("supervisor")
    with pytest.raises(PermissionDenied):
        video.save_view(operator, WallView("全街", "2x2", ("CAM01",), shared=True))
    video.save_view(sup, WallView("全街", "2x2", ("CAM01",), shared=True))
    with pytest.raises(PermissionDenied):
        video.delete_view(operator, "全街", shared=True)
    video.save_view(sup, WallView("王的", "1", ("CAM02",)))
    with pytest.raises(LookupError):
        video.delete_view(operator, "王的")  # the supervisor's own view is not the operator's
    refused = [(actor, d["text"]) for actor, _, d in audits(env, AuditAction.PERMISSION_DENIED)]
    assert refused == [("operator", "manage_video"), ("operator", "manage_video")]
    assert view_rows(env) == [(None, "全街", False), (sup.user_id, "王的", False)]
    video.delete_view(sup, "全街", shared=True)
    assert [v.name for v in video.views(operator)] == []


def test_a_view_with_an_unknown_camera_is_refused(env: World, video: VideoService) -> None:
    with pytest.raises(VideoInvalid) as err:
        video.save_view(env.who("operator"), WallView("x", "2x2", ("CAM01", "AP01", "NOPE")))
    assert err.value.field == "tiles"
    assert "AP01" in str(err.value)
    assert "NOPE" in str(err.value)
    assert view_rows(env) == []


def test_a_department_account_has_no_wall(env: World, video: VideoService) -> None:
    police = env.svc.signin.principal("police")
    with pytest.raises(PermissionDenied):
        video.views(police)


# --- motion settings ----------------------------------------------------------------------------
def test_settings_default_until_set_and_are_read_back(env: World, video: VideoService) -> None:
    sup, operator = env.who("supervisor"), env.who("operator")
    assert video.camera_settings(operator, "CAM01") == CameraSettings("CAM01")
    wanted = CameraSettings(
        "CAM01",
        motion_enabled=True,
        sensitivity=70,
        mask=MotionMask(
            ignore=(((0.0, 0.0), (0.5, 0.0), (0.5, 0.25)),),
            watch=(((0.6, 0.6), (1.0, 0.6), (1.0, 1.0), (0.6, 1)),),
        ),
        schedule="  Mon-Sun   22:00-06:00 ;sat, sun 00:00-24:00",
    )
    stored = video.set_camera_settings(sup, wanted)
    canonical = ArmingSchedule.parse(wanted.schedule, "Asia/Shanghai").format()
    assert stored.schedule == canonical
    assert stored.mask == wanted.mask
    assert stored.motion().sensitivity == 70
    assert stored.updated_by == "supervisor"
    assert video.camera_settings(operator, "CAM01") == stored
    assert video.all_camera_settings() == {"CAM01": stored}
    assert video.all_camera_settings(["CAM02"]) == {}

    video.set_camera_settings(sup, CameraSettings("CAM01", motion_enabled=False, sensitivity=0))
    assert video.camera_settings(operator, "CAM01").mask == MotionMask()
    (actor, target, detail), *_ = audits(env, AuditAction.CAMERA_SETTINGS_CHANGED)
    assert (actor, target) == ("supervisor", "camera:CAM01")
    assert detail == {
        "motion_enabled": True,
        "sensitivity": 70,
        "ignore": 1,
        "watch": 1,
        "schedule": canonical,
    }
    device_id = [r for t, r, _ in env.changes() if t == "camera_setting"]
    assert len(device_id) == 2
    assert device_id[0] == device_id[1] is not None
    with env.db.session() as s:
        row = s.get(CameraSetting, "CAM01")
        assert row is not None
        assert row.community_id is not None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"sensitivity": 101}, "sensitivity"),
        ({"sensitivity": -1}, "sensitivity"),
        ({"sensitivity": True}, "sensitivity"),
        ({"mask": (((0.0, 0.0), (1.0, 1.0)),)}, "mask"),  # two points
        ({"mask": (((0.0, 0.0), (1.5, 0.0), (1.0, 1.0)),)}, "mask"),  # outside the image
        ({"mask": (((0.0, 0.0), (0.0, 0.0), (0.0, 0.0)),)}, "mask"),  # no area to speak of
        ({"mask": "0,0 1,0 1,1"}, "mask"),
        ({"mask": (((0.0, 0.0), (float("nan"), 0.0), (1.0, 1.0)),)}, "mask"),
        ({"mask": MotionMask(ignore=((((0.0, 0.0), (1.0, 0.0), (1.0, 1.0)),) * 17))}, "mask"),
        ({"schedule": "mon " * 60}, "schedule"),
        ({"schedule": "funday 22:00-06:00"}, "schedule"),
        ({"schedule": "mon 25:00-06:00"}, "schedule"),
        ({"schedule": "; ".join(["mon 01:00-02:00"] * 20)}, "schedule"),  # too long a schedule
    ],
)
def test_bad_settings_are_refused_and_nothing_is_stored(
    env: World, video: VideoService, change: dict[str, object], field: str
) -> None:
    settings = CameraSettings("CAM01", motion_enabled=True, **change)  # type: ignore[arg-type]
    with pytest.raises(VideoInvalid) as err:
        video.set_camera_settings(env.who("supervisor"), settings)
    assert err.value.field == field
    assert video.all_camera_settings() == {}


def test_settings_need_manage_video_in_the_cameras_community(
    env: World, video: VideoService, demo_site: SiteSpec
) -> None:
    with pytest.raises(PermissionDenied):
        video.set_camera_settings(env.who("operator"), CameraSettings("CAM01", True))
    station = env.who("ws01")
    (scope,) = station.communities or {""}
    other = next(c.code for c in demo_site.cameras if c.community != scope)
    own = next(c.code for c in demo_site.cameras if c.community == scope)
    assert video.camera_settings(station, own).camera == own
    with pytest.raises(PermissionDenied):
        video.camera_settings(station, other)
    with pytest.raises(LookupError):
        video.camera_settings(station, "AP01")
    assert video.all_camera_settings() == {}


# --- motion events → incidents ------------------------------------------------------------------
def test_motion_opens_one_incident_with_its_snapshot_and_later_motion_appends(
    env: World, video: VideoService, demo_site: SiteSpec
) -> None:
    name, _community, x, y = camera(demo_site, "CAM01")
    arm(env, video, "CAM01", "CAM02")
    t0 = env.clock.now
    first = video.raise_motion_event("CAM01", t0, 0.42, [(0.1, 0.2, 0.3, 0.4)], png(seed=1))
    assert first.outcome is MotionOutcome.INCIDENT
    assert first.incident_id is not None
    assert first.attachment_id is not None
    iid = first.incident_id
    inc = incident(env, iid)
    assert inc.source == IncidentSource.VIDEO.value
    with env.db.session() as s:
        burglary = s.scalar(select(IncidentType).where(IncidentType.code == "BURGLARY"))
        assert burglary is not None
        assert inc.type_id == burglary.id
        assert inc.priority == burglary.default_priority
        assert inc.community_id is not None
    assert "CAM01" in inc.title
    assert name in inc.title
    assert name in inc.location
    assert f"({x:.0f}, {y:.0f})" in inc.location
    assert "CAM01" in inc.description
    assert "检测到移动：强度 0.42，1 个区域" in inc.description
    operator = env.who("operator")
    (snap,) = env.svc.attachments.list(operator, iid)
    assert (snap.id, snap.kind, snap.added_by) == (first.attachment_id, FileKind.PNG, None)
    assert snap.name.startswith("CAM01-")
    assert snap.name.endswith(".png")

    second = video.raise_motion_event("CAM01", t0 + timedelta(seconds=10), 0.5, [], png(seed=2))
    assert (second.outcome, second.incident_id) == (MotionOutcome.APPENDED, iid)
    assert second.attachment_id is None  # within SNAPSHOT_EVERY of the last one
    later = t0 + SNAPSHOT_EVERY + timedelta(seconds=1)
    region = MotionRegion(0.0, 0.0, 1.0, 1.0, area=0.3)  # as the detector reports one
    third = video.raise_motion_event("CAM01", later, 0.6, [region], png(seed=3))
    assert (third.outcome, third.incident_id) == (MotionOutcome.APPENDED, iid)
    assert third.attachment_id is not None
    assert len(env.svc.attachments.list(operator, iid)) == 2
    kinds = [k for k, *_ in env.events(iid)]
    assert kinds == ["created", "attachment", KIND_MOTION, KIND_MOTION, "attachment"]
    assert "CAM01" in env.events(iid)[2][3]

    other = video.raise_motion_event("CAM02", t0, 0.3, [], None)  # another camera: its own
    assert other.outcome is MotionOutcome.INCIDENT
    assert other.incident_id != iid
    assert other.attachment_id is None
    with env.db.session() as s:
        rows = s.execute(
            select(CameraEvent.camera, CameraEvent.outcome, CameraEvent.incident_id).order_by(
                CameraEvent.id
            )
        ).all()
    assert [tuple(r) for r in rows] == [
        ("CAM01", "incident", iid),
        ("CAM01", "appended", iid),
        ("CAM01", "appended", iid),
        ("CAM02", "incident", other.incident_id),
    ]
    detected = audits(env, AuditAction.MOTION_DETECTED)
    assert [(a, t, d["outcome"], d["incident"]) for a, t, d in detected] == [
        (ACTOR, "camera:CAM01", "incident", iid),
        (ACTOR, "camera:CAM01", "appended", iid),
        (ACTOR, "camera:CAM01", "appended", iid),
        (ACTOR, "camera:CAM02", "incident", other.incident_id),
    ]
    added = [d["camera"] for _, _, d in audits(env, AuditAction.ATTACHMENT_ADDED)]
    assert added == ["CAM01", "CAM01"]
    created = [t for _, t, _ in audits(env, AuditAction.INCIDENT_CREATED)]
    assert created == [str(iid), str(other.incident_id)]
    assert ("camera_event", first.event_id, "insert") in env.changes()
    assert env.audit_ok()


def test_motion_after_the_incident_ended_opens_a_new_one(env: World, video: VideoService) -> None:
    arm(env, video, "CAM03")
    t0 = env.clock.now
    first = video.raise_motion_event("CAM03", t0, 0.4, [], None)
    with as_owner(env.db) as owner, owner.session() as s:
        s.execute(update(Incident).where(Incident.id == first.incident_id).values(state="closed"))
    again = video.raise_motion_event("CAM03", t0 + timedelta(minutes=5), 0.4, [], None)
    assert again.outcome is MotionOutcome.INCIDENT
    assert again.incident_id not in (None, first.incident_id)


def test_motion_is_only_logged_unless_detection_is_on_and_armed(
    env: World, video: VideoService
) -> None:
    now = env.clock.now
    hour = local(now, "Asia/Shanghai").hour
    later = f"mon-sun {(hour + 2) % 24:02d}:00-{(hour + 3) % 24:02d}:00"
    assert not ArmingSchedule.parse(later, "Asia/Shanghai").is_armed(now)
    video.set_camera_settings(env.who("supervisor"), CameraSettings("CAM05", motion_enabled=False))
    arm(env, video, "CAM06", schedule=later)
    arm(env, video, "CAM08", schedule="")  # an empty schedule is never armed
    results = [
        video.raise_motion_event(code, now, 0.9, [], png())
        for code in ("CAM05", "CAM06", "CAM07", "CAM08")  # CAM07: nobody set it up
    ]
    assert {(r.outcome, r.incident_id, r.attachment_id) for r in results} == {
        (MotionOutcome.LOGGED, None, None)
    }
    assert audits(env, AuditAction.INCIDENT_CREATED) == []
    assert [d["outcome"] for *_, d in audits(env, AuditAction.MOTION_DETECTED)] == ["logged"] * 4
    arm(env, video, "CAM06")  # armed now: the same motion raises
    assert video.raise_motion_event("CAM06", now, 0.9, [], None).outcome is MotionOutcome.INCIDENT


def test_bad_motion_events_are_refused_before_anything_is_written(
    env: World, video: VideoService
) -> None:
    now = env.clock.now
    with pytest.raises(VideoInvalid):
        video.raise_motion_event("CAM01", now, 0.5, [(0.5, 0.5, 0.6, 0.1)], None)  # overflows
    with pytest.raises(VideoInvalid):
        video.raise_motion_event("CAM01", now, float("inf"), [], None)
    with pytest.raises(AttachmentRefused):
        video.raise_motion_event("CAM01", now, 0.5, [], b"GIF89a" + b"\x00" * 40)
    with pytest.raises(LookupError):
        video.raise_motion_event("AP01", now, 0.5, [], None)
    with pytest.raises(ValueError, match="naive"):
        video.raise_motion_event("CAM01", now.replace(tzinfo=None), 0.5, [], None)
    assert audits(env, AuditAction.MOTION_DETECTED) == []


# --- snapshots to an incident -------------------------------------------------------------------
def test_an_operators_snapshot_is_attached_and_names_the_camera(
    env: World, video: VideoService
) -> None:
    operator = env.who("operator")
    iid = env.svc.incidents.create(
        operator, title="路口打架", priority=Priority.P2, community="C02"
    )
    assert video.cameras_of_incident(operator, iid) == []
    row = video.attach_snapshot(operator, iid, "CAM07", png(seed=9), env.clock.now)
    assert (row.incident_id, row.kind, row.added_by) == (iid, FileKind.PNG, operator.display_name)
    assert [a.id for a in env.svc.attachments.list(operator, iid)] == [row.id]
    assert video.cameras_of_incident(operator, iid) == ["CAM07"]
    ((actor, target, detail),) = audits(env, AuditAction.ATTACHMENT_ADDED)
    assert (actor, target, detail["camera"], detail["attachment"]) == (
        "operator",
        str(iid),
        "CAM07",
        row.id,
    )
    with pytest.raises(AttachmentRefused):
        video.attach_snapshot(operator, iid, "CAM07", b"%PDF-1.4\n", env.clock.now)
    with pytest.raises(PermissionDenied):
        video.attach_snapshot(
            env.svc.signin.principal("police"), iid, "CAM07", png(), env.clock.now
        )


# --- an incident's cameras ----------------------------------------------------------------------
def test_a_motion_incident_names_its_camera(env: World, video: VideoService) -> None:
    arm(env, video, "CAM09")
    result = video.raise_motion_event("CAM09", env.clock.now, 0.4, [], None)
    assert result.incident_id is not None
    assert video.cameras_of_incident(env.who("operator"), result.incident_id) == ["CAM09"]


def _tracking_incident(env: World, x: float, y: float, description: str = "") -> int:
    """A tracking incident of an asset tag last placed at (x, y), as the tracking ingest
    leaves one (incident, episode, position)."""
    sup = env.who("supervisor")
    tag_id = env.svc.tracking.register(sup, code="AA0000000F", kind="asset", label="轮椅")
    iid = env.svc.incidents.create(
        sup,
        title="离开安全区域: 轮椅",
        priority=Priority.P2,
        community=None,
        source=IncidentSource.TRACKING,
        description=description,
    )
    now = env.clock.now
    with as_owner(env.db) as owner, owner.session() as s:
        tag = s.get(Tag, tag_id)
        assert tag is not None
        s.add(TagPosition(tag_id=tag_id, x=x, y=y, at=now, seen_at=now, source="R1", state="alarm"))
        s.add(
            TrackingEpisode(
                tag_id=tag_id, rule="left_safe_zone", incident_id=iid, opened_at=now, last_at=now
            )
        )
    return iid


def test_a_tracking_incident_names_the_cameras_nearest_to_the_tag(
    env: World, video: VideoService, demo_site: SiteSpec
) -> None:
    x, y = 1180.0, 980.0
    iid = _tracking_incident(env, x, y)
    expected = [c.code for c in nearest_cameras(demo_site.cameras, x, y)]
    assert len(expected) == 3
    assert video.cameras_of_incident(env.who("operator"), iid) == expected


def test_without_positions_the_cameras_the_incident_text_names_are_used(
    env: World, demo_site: SiteSpec
) -> None:
    bare = VideoService(env.ctx)  # no site file: no camera positions
    iid = _tracking_incident(
        env, 0.0, 0.0, "Last positions: …\nNearest cameras: CAM12 东 (30 m), CAM11 西 (45 m)"
    )
    assert bare.cameras_of_incident(env.who("operator"), iid) == ["CAM12", "CAM11"]


def test_an_alarm_incident_names_the_cameras_of_the_panels_community(
    env: World, video: VideoService, demo_site: SiteSpec
) -> None:
    result = env.svc.alarms.ingest([alarm_event(env, account="A001")], plan_from_site(demo_site))
    (iid,) = result.opened
    panel = next(d for d in demo_site.devices if d.alarm.account == "A001")
    expected = sorted(c.code for c in demo_site.cameras if c.community == panel.community)
    assert expected
    assert video.cameras_of_incident(env.who("operator"), iid) == expected


def test_cameras_of_an_incident_follow_the_viewers_scope(
    env: World, video: VideoService, demo_site: SiteSpec
) -> None:
    station = env.who("ws01")
    (scope,) = station.communities or {""}
    other = next(c.code for c in demo_site.cameras if c.community != scope)
    arm(env, video, other)
    result = video.raise_motion_event(other, env.clock.now, 0.4, [], None)
    assert result.incident_id is not None
    with pytest.raises(PermissionDenied):
        video.cameras_of_incident(station, result.incident_id)
    with pytest.raises(LookupError):
        video.cameras_of_incident(env.who("operator"), 10**9)


def test_removing_an_incidents_attachments_keeps_its_camera_events(
    env: World, video: VideoService
) -> None:
    # Retention removes an old incident's attachments as the owner: the motion event stays,
    # without its snapshot, and the incident still names the camera.
    arm(env, video, "CAM10")
    result = video.raise_motion_event("CAM10", env.clock.now, 0.4, [], png(seed=5))
    assert result.incident_id is not None
    assert result.attachment_id is not None
    with as_owner(env.db) as owner, owner.session() as s:
        assert delete_attachments_of(s, [result.incident_id]) == 1
    with env.db.session() as s:
        ev = s.get(CameraEvent, result.event_id)
        assert ev is not None
        assert (ev.incident_id, ev.attachment_id) == (result.incident_id, None)
    assert video.cameras_of_incident(env.who("operator"), result.incident_id) == ["CAM10"]
