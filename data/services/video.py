"""Video: saved wall views, cameras' motion settings, motion events into incidents, snapshots."""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.alarm_plan import alarm_priority, alarm_title, plan_from_site
from core.alarms import AlarmCategory
from core.attachments import AttachmentRow, CheckedFile, FileKind, check_file
from core.audit import AuditAction
from core.camera_settings import (
    CameraSettings,
    MotionOutcome,
    MotionResult,
    VideoInvalid,
    check_mask,
    check_regions,
    check_schedule,
    check_score,
    check_sensitivity,
    mask_from_json,
    mask_json,
    regions_json,
)
from core.incidents import DESCRIPTION_MAX, LOCATION_MAX, OPEN_STATES, TITLE_MAX, TransitionError
from core.model import DeviceKind, IncidentSource
from core.permissions import Permission, Principal
from core.site import CameraSpec, SiteSpec
from core.text import clean_block, clean_line
from core.timefmt import DEFAULT_ZONE, fmt_local
from core.video_wall import WallError, WallView
from data.context import STREET_WIDE, ServiceContext, WriteTx
from data.db import upsert_insert
from data.models import (
    AlarmEvent,
    Attachment,
    AttachmentBlob,
    CameraEvent,
    CameraSetting,
    Community,
    Device,
    Incident,
    IncidentEvent,
    IncidentType,
    SiteMeta,
    TagPosition,
    TrackingEpisode,
    User,
)
from data.models import WallView as WallViewRow
from data.services.attachments import EVENT_KIND as ATTACHMENT_EVENT
from data.services.attachments import attachment_row
from data.services.incident_guard import check_general
from data.services.incidents import IncidentService, add_incident

log = logging.getLogger(__name__)

ACTOR = "motion"  # the audit trail's name for what the motion detector does (no user acts)
RULE_MOTION = "motion"  # camera_event.rule: one open incident per camera and rule
KIND_MOTION = "motion"  # camera_event.kind, and the timeline entry of later motion
KIND_SNAPSHOT = "snapshot"  # camera_event.kind of an operator's snapshot
# Motion while armed is an intrusion: the incident type the site maps burglary alarms to.
MOTION_CATEGORY = AlarmCategory.BURGLARY.value
DEFAULT_MOTION_TYPE = "BURGLARY"
# Later motion on an open incident attaches its snapshot at most this often: a person walking
# through a yard is a few events a minute, and each snapshot is a row of bytes in the database.
SNAPSHOT_EVERY = timedelta(seconds=30)
NEAREST = 3  # cameras offered for a position (as the tracking incidents name them)
VIEWS = "wall_view"  # change_log tables the wall watches
SETTINGS = "camera_setting"  # its change_log rows carry the camera's device id
EVENTS = "camera_event"
_OPEN = tuple(s.value for s in OPEN_STATES)


@dataclass(frozen=True, slots=True)
class _Place:
    code: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class _Camera:
    """A camera's device row as the writes need it."""

    device_id: int
    code: str
    name: str
    community_id: int | None
    community: str | None  # code
    community_name: str


def camera_target(code: str) -> str:
    """The audit target of a camera."""
    return f"camera:{code}"


def view_target(view_id: int) -> str:
    """The audit target of a saved wall view."""
    return f"view:{view_id}"


def _detail(**doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True)


class VideoService:
    """The database side of the video wall; every write goes through ServiceContext.write.

    Camera positions come from the site file (`use_site`); without them an incident's location
    names the camera and its community only, and "nearest cameras" fall back to the cameras an
    incident's text names.
    """

    def __init__(
        self,
        ctx: ServiceContext,
        cameras: Iterable[CameraSpec] = (),
        *,
        motion_type: str = DEFAULT_MOTION_TYPE,
        timezone: str | None = None,
    ):
        self.ctx = ctx
        self.places: dict[str, _Place] = {}
        self.motion_type = motion_type
        self.timezone = timezone
        self.use_cameras(cameras)

    def use_site(self, site: SiteSpec) -> None:
        """Take the site file's camera positions, time zone and incident type for motion."""
        self.use_cameras(site.cameras)
        self.timezone = site.timezone
        self.motion_type = plan_from_site(site).type_for(MOTION_CATEGORY) or DEFAULT_MOTION_TYPE

    def use_cameras(self, cameras: Iterable[CameraSpec]) -> None:
        """Camera positions by code (the site file's)."""
        self.places = {
            c.code: _Place(c.code, float(c.position.x), float(c.position.y)) for c in cameras
        }

    # --- saved wall views -----------------------------------------------------------------
    def views(self, who: Principal) -> list[WallView]:
        """The user's own views and the shared ones (shared first), by name."""
        self.ctx.require(who, Permission.VIEW_VIDEO)
        with self.ctx.read() as s:
            rows = s.execute(
                select(WallViewRow, User.username)
                .outerjoin(User, WallViewRow.owner_id == User.id)
                .where(
                    WallViewRow.deleted_at.is_(None),
                    (WallViewRow.owner_id == who.user_id) | WallViewRow.owner_id.is_(None),
                )
                .order_by(WallViewRow.owner_id.is_not(None), WallViewRow.name, WallViewRow.id)
            ).all()
        out: list[WallView] = []
        for row, username in rows:
            view = _wall_view(row, username)
            if view is not None:
                out.append(view)
        return out

    def save_view(self, who: Principal, view: WallView) -> WallView:
        """Create or replace a view by its name: the user's own (VIEW_VIDEO), or a shared one
        (MANAGE_VIDEO). Every camera on it must be a camera of the site."""
        permission = Permission.MANAGE_VIDEO if view.shared else Permission.VIEW_VIDEO
        with self.ctx.write(who, permission) as tx:
            s = tx.session
            unknown = set(view.cameras) - _camera_codes(s, view.cameras)
            if unknown:
                raise VideoInvalid(f"no camera {', '.join(sorted(unknown))} on this site", "tiles")
            row = _view_row(s, None if view.shared else who.user_id, view.name)
            tiles = json.dumps(list(view.tiles), ensure_ascii=False)
            if row is None:
                row = WallViewRow(
                    owner_id=None if view.shared else who.user_id,
                    name=view.name,
                    layout=view.layout,
                    tiles=tiles,
                    created_at=tx.now,
                    updated_at=tx.now,
                    updated_by=who.username,
                )
                s.add(row)
                s.flush()
                op = "insert"
            else:
                row.layout, row.tiles = view.layout, tiles
                row.updated_at, row.updated_by, row.deleted_at = tx.now, who.username, None
                op = "update"
            tx.change(VIEWS, row.id, op)
            tx.audit(
                AuditAction.WALL_VIEW_SAVED,
                view_target(row.id),
                _detail(
                    name=view.name, layout=view.layout, shared=view.shared, cameras=view.cameras
                ),
            )
        return WallView(
            view.name, view.layout, view.tiles, None if view.shared else who.username, view.shared
        )

    def delete_view(self, who: Principal, name: str, *, shared: bool = False) -> None:
        """Remove one of the user's views, or a shared one (MANAGE_VIDEO). LookupError when
        there is no such view (another user's own views are not there for this user)."""
        permission = Permission.MANAGE_VIDEO if shared else Permission.VIEW_VIDEO
        with self.ctx.write(who, permission) as tx:
            row = _view_row(tx.session, None if shared else who.user_id, name.strip())
            if row is None or row.deleted_at is not None:
                raise LookupError(f"no wall view {name!r}")
            row.deleted_at = tx.now
            row.updated_at, row.updated_by = tx.now, who.username
            tx.change(VIEWS, row.id, "delete")
            tx.audit(
                AuditAction.WALL_VIEW_DELETED,
                view_target(row.id),
                _detail(name=row.name, shared=shared),
            )

    # --- motion settings ------------------------------------------------------------------
    def camera_settings(self, who: Principal, camera: str) -> CameraSettings:
        """A camera's motion settings (the defaults when nobody has set it up)."""
        self.ctx.require(who, Permission.VIEW_VIDEO)
        with self.ctx.read() as s:
            cam = _camera(s, camera)
            self.ctx.require(who, Permission.VIEW_VIDEO, cam.community or STREET_WIDE)
            row = s.get(CameraSetting, cam.code)
            return _settings(row) if row is not None else CameraSettings(cam.code)

    def all_camera_settings(
        self, cameras: Collection[str] | None = None
    ) -> dict[str, CameraSettings]:
        """The motion settings of these cameras (all set up ones when None), by code; cameras
        nobody has set up are absent. For the detector of this workstation (no user)."""
        query = select(CameraSetting)
        if cameras is not None:
            query = query.where(CameraSetting.camera.in_(sorted(cameras)))
        with self.ctx.read() as s:
            return {row.camera: _settings(row) for row in s.scalars(query)}

    def set_camera_settings(self, who: Principal, settings: CameraSettings) -> CameraSettings:
        """Store a camera's motion settings (MANAGE_VIDEO in the camera's community).

        VideoInvalid names what is wrong: sensitivity outside 0 … 100, a mask that is not
        polygons of 3 … 64 normalised points (16 at most), a schedule core.motion cannot parse
        (stored in its canonical form).
        """
        sensitivity = check_sensitivity(settings.sensitivity)
        mask = check_mask(settings.mask)
        if not isinstance(settings.motion_enabled, bool):
            raise VideoInvalid("motion detection is on or off", "motion_enabled")
        with self.ctx.write(who, Permission.MANAGE_VIDEO) as tx:
            s = tx.session
            schedule = check_schedule(settings.schedule, self._zone(s))
            cam = _camera(s, settings.camera)
            self.ctx.check(tx, Permission.MANAGE_VIDEO, cam.community or STREET_WIDE)
            row = s.get(CameraSetting, cam.code, with_for_update=True)
            values = {
                "community_id": cam.community_id,
                "motion_enabled": settings.motion_enabled,
                "sensitivity": sensitivity,
                "mask": mask_json(mask),
                "schedule": schedule,
                "updated_by": who.username[:64],
                "updated_at": tx.now,
            }
            if row is None:
                row = CameraSetting(camera=cam.code, **values)
                s.add(row)
                op = "insert"
            else:
                for key, value in values.items():
                    setattr(row, key, value)
                op = "update"
            s.flush()
            tx.change(SETTINGS, cam.device_id, op)
            tx.audit(
                AuditAction.CAMERA_SETTINGS_CHANGED,
                camera_target(cam.code),
                _detail(
                    motion_enabled=settings.motion_enabled,
                    sensitivity=sensitivity,
                    ignore=len(mask.ignore),
                    watch=len(mask.watch),
                    schedule=schedule,
                ),
            )
            return _settings(row)

    # --- motion events --------------------------------------------------------------------
    def raise_motion_event(
        self,
        camera: str,
        at: datetime,
        score: float,
        regions: Sequence[Any],
        snapshot_png: bytes | None,
        *,
        rule: str = RULE_MOTION,
    ) -> MotionResult:
        """Store a detected motion and act on it, as the actor "motion".

        Armed (detection on for the camera and its schedule armed at `at`, in the site's time
        zone), the first motion of a camera and rule opens an incident (type: the site's for
        burglary alarms) with the snapshot attached; later motion while that incident is open
        appends to its timeline (a snapshot at most every SNAPSHOT_EVERY). Not armed (or a
        camera nobody has set up), the event is only logged. Regions are core.motion's
        MotionRegion or normalised (x, y, w, h) boxes.
        """
        if at.tzinfo is None:
            raise ValueError("naive datetime given for a motion event")
        score = check_score(score)
        boxes = check_regions(regions)
        rule = clean_line(rule)[:24] or RULE_MOTION
        checked = None
        if snapshot_png is not None:
            checked = _check_png(f"{camera}-{at:%Y%m%d-%H%M%S}.png", snapshot_png)
        with self.ctx.write(ACTOR) as tx:
            s = tx.session
            cam = _camera(s, camera, lock=True)
            setting = s.get(CameraSetting, cam.code)
            iid: int | None = None
            att_id: int | None = None
            armed = setting is not None and _settings(setting).armed(at, self._zone(s))
            if not armed:
                outcome = MotionOutcome.LOGGED
            else:
                iid = _open_incident(s, cam.code, rule)
                note = self._motion_note(tx, cam, at, score, len(boxes))
                if iid is None:
                    iid = self._open(tx, cam, note)
                    outcome = MotionOutcome.INCIDENT
                else:
                    _timeline(tx, iid, KIND_MOTION, note, None)
                    outcome = MotionOutcome.APPENDED
                due = outcome is MotionOutcome.INCIDENT or _snapshot_due(s, iid, cam.code, at)
                if checked is not None and snapshot_png is not None and due:
                    att_id = _attach(tx, iid, cam.code, snapshot_png, checked, None)
            event = CameraEvent(
                camera=cam.code,
                community_id=cam.community_id,
                kind=KIND_MOTION,
                rule=rule,
                at=at,
                score=score,
                regions=regions_json(boxes),
                incident_id=iid,
                attachment_id=att_id,
                outcome=outcome.value,
                actor=ACTOR,
            )
            s.add(event)
            s.flush()
            tx.change(EVENTS, event.id, "insert")
            tx.audit(
                AuditAction.MOTION_DETECTED,
                camera_target(cam.code),
                _detail(
                    event=event.id,
                    incident=iid,
                    outcome=outcome.value,
                    attachment=att_id,
                    score=round(score, 4),
                    regions=len(boxes),
                ),
            )
            return MotionResult(event.id, outcome, iid, att_id)

    def attach_snapshot(
        self, who: Principal, incident_id: int, camera: str, png: bytes, taken_at: datetime
    ) -> AttachmentRow:
        """An operator's snapshot of a camera attached to an incident (HANDLE_INCIDENTS in the
        incident's community, VIEW_VIDEO in the camera's); the incident then names the camera.

        AttachmentRefused for bytes that are not a PNG image; TransitionError for an
        anonymised incident; LookupError for an unknown incident or camera.
        """
        if taken_at.tzinfo is None:
            raise ValueError("naive datetime given for a snapshot")
        checked = _check_png(f"{camera}-{taken_at:%Y%m%d-%H%M%S}.png", png)
        with self.ctx.write(who, Permission.VIEW_VIDEO) as tx:
            s = tx.session
            inc, ccode = IncidentService.locked_row(s, incident_id)
            self.ctx.check(tx, Permission.HANDLE_INCIDENTS, ccode or STREET_WIDE)
            check_general(self.ctx, tx, inc, ccode)
            if inc.anonymised_at is not None:
                raise TransitionError(f"incident {incident_id} is anonymised: nothing is added")
            cam = _camera(s, camera)
            self.ctx.check(tx, Permission.VIEW_VIDEO, cam.community or STREET_WIDE)
            att_id = _attach(tx, incident_id, cam.code, png, checked, who.user_id)
            event = CameraEvent(
                camera=cam.code,
                community_id=cam.community_id,
                kind=KIND_SNAPSHOT,
                rule="",
                at=taken_at,
                score=0.0,
                regions="[]",
                incident_id=incident_id,
                attachment_id=att_id,
                outcome=MotionOutcome.SNAPSHOT.value,
                actor=who.username[:64],
            )
            s.add(event)
            s.flush()
            tx.change(EVENTS, event.id, "insert")
            att = s.get(Attachment, att_id)
            assert att is not None
            return attachment_row(att, who.display_name)

    # --- an incident's cameras ------------------------------------------------------------
    def cameras_of_incident(self, who: Principal, incident_id: int) -> list[str]:
        """The camera codes an incident names, most telling first, each once.

        In order: cameras whose motion or snapshot is on it; for a tracking incident the
        NEAREST cameras to the tag's last position; for an alarm the cameras of the panel's
        community (the nearest to its centre when it has none); then camera codes its title,
        location or description name (a tracking incident's "Nearest cameras" line). Incidents
        merged into it count as its own. Only cameras of the viewer's scope.
        """
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        with self.ctx.read() as s:
            found = s.execute(
                select(Incident.id, Community.code)
                .outerjoin(Community, Incident.community_id == Community.id)
                .where(Incident.id == incident_id)
            ).one_or_none()
            if found is None:
                raise LookupError(f"no incident {incident_id}")
            self.ctx.require(who, Permission.VIEW_INCIDENTS, found[1] or STREET_WIDE)
            ids = [
                incident_id,
                *s.scalars(select(Incident.id).where(Incident.merged_into_id == incident_id)),
            ]
            cameras = {
                code: (community_id, community)
                for code, community_id, community in s.execute(
                    select(Device.code, Device.community_id, Community.code)
                    .outerjoin(Community, Device.community_id == Community.id)
                    .where(Device.kind == DeviceKind.CAMERA.value)
                )
            }
            named: list[str] = list(
                s.scalars(
                    select(CameraEvent.camera)
                    .where(CameraEvent.incident_id.in_(ids))
                    .order_by(CameraEvent.id)
                )
            )
            for x, y in s.execute(
                select(TagPosition.x, TagPosition.y)
                .join(TrackingEpisode, TrackingEpisode.tag_id == TagPosition.tag_id)
                .where(TrackingEpisode.incident_id.in_(ids))
                .order_by(TrackingEpisode.id)
            ):
                named += self._nearest(float(x), float(y), cameras)
            for community_id, cx, cy in s.execute(
                select(Device.community_id, Community.centre_x, Community.centre_y)
                .select_from(AlarmEvent)
                .join(Device, AlarmEvent.device_id == Device.id)
                .outerjoin(Community, Device.community_id == Community.id)
                .where(AlarmEvent.incident_id.in_(ids))
                .distinct()
            ):
                local = sorted(c for c, (cid, _) in cameras.items() if cid == community_id)
                if not local and cx is not None and cy is not None:
                    local = self._nearest(float(cx), float(cy), cameras)
                named += local
            texts = s.execute(
                select(Incident.title, Incident.location, Incident.description)
                .where(Incident.id.in_(ids))
                .order_by(Incident.id)
            ).all()
            named += _codes_in("\n".join(t for row in texts for t in row), cameras)
        seen: set[str] = set()
        out: list[str] = []
        for code in named:
            if code in seen or code not in cameras:
                continue
            seen.add(code)
            if who.can(Permission.VIEW_VIDEO, cameras[code][1] or STREET_WIDE):
                out.append(code)
        return out

    def _nearest(self, x: float, y: float, cameras: Collection[str]) -> list[str]:
        ranked = sorted(
            (math.hypot(p.x - x, p.y - y), p.code)
            for p in self.places.values()
            if p.code in cameras
        )
        return [code for _, code in ranked[:NEAREST]]

    # --- the motion incident --------------------------------------------------------------
    def _zone(self, s: Session) -> str:
        if self.timezone is None:
            found = s.scalar(select(SiteMeta.value).where(SiteMeta.key == "timezone"))
            self.timezone = found or DEFAULT_ZONE
        return self.timezone

    def _motion_note(self, tx: WriteTx, cam: _Camera, at: datetime, score: float, n: int) -> str:
        when = fmt_local(at, self._zone(tx.session))
        return f"{when} 摄像机 {cam.code} {cam.name} 检测到移动：强度 {score:.2f}，{n} 个区域"

    def _open(self, tx: WriteTx, cam: _Camera, note: str) -> int:
        s = tx.session
        found = s.execute(
            select(IncidentType.id, IncidentType.name, IncidentType.default_priority).where(
                IncidentType.code == self.motion_type
            )
        ).one_or_none()
        tid, tname, tprio = found if found is not None else (None, "", None)
        place = self.places.get(cam.code)
        where = [cam.name, cam.community_name]
        if place is not None:
            where.append(f"({place.x:.0f}, {place.y:.0f})")
        lines = [note, f"摄像机：{cam.code}"]
        inc = add_incident(
            tx,
            title=clean_line(alarm_title(tname, RULE_MOTION, cam.name, cam.code))[:TITLE_MAX],
            description=clean_block("\n".join(lines))[:DESCRIPTION_MAX],
            priority=alarm_priority(MOTION_CATEGORY, tprio),
            source=IncidentSource.VIDEO,
            community_id=cam.community_id,
            location=clean_line(" · ".join(w for w in where if w))[:LOCATION_MAX],
            type_id=tid,
            created_by_id=None,
        )
        return inc.id


def _wall_view(row: WallViewRow, username: str | None) -> WallView | None:
    try:
        tiles = json.loads(row.tiles)
        if not isinstance(tiles, list):
            raise WallError("tiles must be a list")
        shared = row.owner_id is None
        return WallView(row.name, row.layout, tuple(tiles), None if shared else username, shared)
    except (ValueError, TypeError) as exc:
        # A row another version wrote: the rest of the list is still shown.
        log.warning("wall view %s cannot be read: %s", row.id, exc)
        return None


def _view_row(s: Session, owner_id: int | None, name: str) -> WallViewRow | None:
    owner = WallViewRow.owner_id.is_(None) if owner_id is None else WallViewRow.owner_id == owner_id
    found: WallViewRow | None = s.scalar(
        select(WallViewRow).where(owner, WallViewRow.name == name).with_for_update()
    )
    return found


def _camera_codes(s: Session, codes: Collection[str]) -> set[str]:
    if not codes:
        return set()
    return set(
        s.scalars(
            select(Device.code).where(
                Device.kind == DeviceKind.CAMERA.value, Device.code.in_(sorted(set(codes)))
            )
        )
    )


def _camera(s: Session, code: str, *, lock: bool = False) -> _Camera:
    """A camera's device row (row-locked for a write that must be the camera's only one)."""
    query = (
        select(
            Device.id, Device.code, Device.name, Device.community_id, Community.code, Community.name
        )
        .outerjoin(Community, Device.community_id == Community.id)
        .where(Device.code == code, Device.kind == DeviceKind.CAMERA.value)
    )
    if lock:
        # Two detectors (or workstations) seeing the same camera: one opens the incident, the
        # other finds it. SQLite's write lock already serialises the whole write.
        query = query.with_for_update(of=Device)
    found = s.execute(query).one_or_none()
    if found is None:
        raise LookupError(f"no camera {code!r}")
    did, dcode, name, cid, ccode, cname = found
    return _Camera(int(did), dcode, name, cid, ccode, cname or "")


def _settings(row: CameraSetting) -> CameraSettings:
    return CameraSettings(
        camera=row.camera,
        motion_enabled=row.motion_enabled,
        sensitivity=row.sensitivity,
        mask=mask_from_json(row.mask),
        schedule=row.schedule,
        updated_by=row.updated_by,
    )


def _open_incident(s: Session, camera: str, rule: str) -> int | None:
    """The newest open incident motion of this camera and rule opened, if any."""
    found: int | None = s.scalar(
        select(CameraEvent.incident_id)
        .join(Incident, Incident.id == CameraEvent.incident_id)
        .where(
            CameraEvent.camera == camera,
            CameraEvent.rule == rule,
            CameraEvent.outcome == MotionOutcome.INCIDENT.value,
            Incident.state.in_(_OPEN),
            Incident.merged_into_id.is_(None),
        )
        .order_by(CameraEvent.id.desc())
        .limit(1)
    )
    return found


def _snapshot_due(s: Session, incident_id: int, camera: str, at: datetime) -> bool:
    last: datetime | None = s.scalar(
        select(func.max(CameraEvent.at)).where(
            CameraEvent.incident_id == incident_id,
            CameraEvent.camera == camera,
            CameraEvent.attachment_id.is_not(None),
        )
    )
    return last is None or at - last >= SNAPSHOT_EVERY


def _check_png(name: str, data: bytes) -> CheckedFile:
    checked = check_file(name, data)
    if checked.kind is not FileKind.PNG:
        raise VideoInvalid("a snapshot is a PNG image", "snapshot")
    return checked


def _timeline(tx: WriteTx, incident_id: int, kind: str, note: str, actor_id: int | None) -> None:
    tx.session.add(
        IncidentEvent(
            incident_id=incident_id,
            ts=tx.now,
            kind=kind,
            note=clean_block(note)[:DESCRIPTION_MAX],
            actor_id=actor_id,
            workstation=tx.ctx.workstation,
        )
    )
    tx.change("incident", incident_id, "update")


def _attach(
    tx: WriteTx,
    incident_id: int,
    camera: str,
    data: bytes,
    checked: CheckedFile,
    added_by_id: int | None,
) -> int:
    """A snapshot as an attachment of the incident, as data.services.attachments adds one."""
    s = tx.session
    values = {"sha256": checked.sha256, "size": len(data), "data": data, "created_at": tx.now}
    # Stored once per content; under row security another community's copy is not visible.
    s.execute(upsert_insert(s, AttachmentBlob).values(**values).on_conflict_do_nothing())
    att = Attachment(
        incident_id=incident_id,
        sha256=checked.sha256,
        name=checked.name,
        size=checked.size,
        mime=checked.mime,
        added_by_id=added_by_id,
        added_at=tx.now,
    )
    s.add(att)
    s.flush()
    _timeline(tx, incident_id, ATTACHMENT_EVENT, checked.name, added_by_id)
    tx.change("attachment", att.id, "insert")
    tx.audit(
        AuditAction.ATTACHMENT_ADDED,
        target=str(incident_id),
        detail=_detail(attachment=att.id, name=checked.name, sha256=checked.sha256, camera=camera),
    )
    return att.id


def _codes_in(text: str, cameras: Collection[str]) -> list[str]:
    """Camera codes named in a text as whole words, in the order they appear."""
    if not text or not cameras:
        return []
    alternatives = "|".join(re.escape(c) for c in sorted(cameras, key=len, reverse=True))
    pattern = re.compile(rf"(?<![0-9A-Za-z_])(?:{alternatives})(?![0-9A-Za-z_])")
    return [m.group(0) for m in pattern.finditer(text)]
