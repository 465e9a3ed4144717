"""Recordings in the database: the recorder's index (a RecordingSink) and the console's reads."""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.incidents import DESCRIPTION_MAX, LOCATION_MAX, OPEN_STATES, TITLE_MAX, IncidentState
from core.model import DeviceKind, IncidentSource, Priority
from core.permissions import Permission, Principal
from core.ports import Clock
from core.recording import (
    Bookmark,
    Gap,
    GapCause,
    Hold,
    RecorderHealth,
    Segment,
    SegmentState,
)
from core.site_alarms import DEFAULT_SUPERVISION_TYPE
from core.text import clean_block, clean_line
from core.timefmt import DEFAULT_ZONE, fmt_local, utcnow
from data.context import STREET_WIDE, ServiceContext, WriteTx
from data.db import Database
from data.models import (
    LIVE_HOLD_SQL,
    OPEN_GAP_SQL,
    WRITING_SEGMENT_SQL,
    CameraEvent,
    Community,
    Device,
    EvidenceHold,
    Incident,
    IncidentEvent,
    IncidentType,
    RecorderAlarm,
    RecorderStatus,
    RecordingGap,
    RecordingSegment,
    SiteMeta,
    User,
)
from data.models import Bookmark as BookmarkRow
from data.services.devices import DeviceLink, DeviceService
from data.services.incidents import add_incident

log = logging.getLogger(__name__)

ACTOR = "recorder"  # the audit trail's name for what the recorder does (no user acts)
# change_log tables (their row ids are the rows' ids; recorder_status has none: row id NULL).
SEGMENTS = "recording_segment"
GAPS = "recording_gap"
STATUS = "recorder_status"
BOOKMARKS = "bookmark"
HOLDS = "evidence_hold"
KIND_RECORDER = "recorder"  # timeline entry of a recorder problem joining its open incident
KIND_BOOKMARK = "bookmark"  # timeline entry of a bookmark linked to the incident
KIND_MOTION = "motion"  # camera_event.kind (data.services.video)
# A heartbeat every 2 s need not wake every console: recorder_status gets a change_log row
# when something besides the times and figures changed, or at least this often (the
# console's health view then stays within STATUS_EVERY_S + its own poll of fresh).
STATUS_EVERY_S = 10.0
LINKS_LOG_EVERY_S = 60.0  # a failing write of the cameras' links is logged this often
# The same problem reported again within this time adds nothing (a full disk is retried every
# few seconds); a changed text, or the same after this long, joins the open incident.
ALARM_REPEAT = timedelta(minutes=10)
# A segment is cut after ~60 s; one found by a time range started at most this long before
# the range (bounds the index range scanned for the segment overlapping its start).
SEGMENT_LOOKBACK = timedelta(hours=1)
NOTE_MAX = 500  # bookmark.note
INCIDENT_TEXT_SCAN = 2000  # incidents created in a timeline's range whose text is searched
_OPEN = tuple(s.value for s in OPEN_STATES)
_PLAYABLE = tuple(s.value for s in SegmentState if s is not SegmentState.MISSING)


def _detail(**doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True)


def _aware(ts: datetime, what: str) -> datetime:
    if ts.tzinfo is None:
        raise ValueError(f"naive datetime given for {what}")
    return ts


def _codes(cameras: Iterable[str]) -> tuple[str, ...]:
    """Camera codes, each once, in the given order."""
    return tuple(dict.fromkeys(c.strip() for c in cameras if c and c.strip()))


def split_cameras(stored: str) -> tuple[str, ...]:
    """evidence_hold.cameras (and recorder_status.failing) as a tuple of codes."""
    return _codes(stored.split(","))


def join_cameras(cameras: Iterable[str]) -> str:
    """Camera codes as evidence_hold.cameras stores them."""
    return ",".join(_codes(cameras))


@dataclass(frozen=True, slots=True)
class CameraInfo:
    """A camera's device row as reads and writes need it (None: no camera of the site)."""

    code: str
    name: str
    community_id: int | None
    community: str | None  # code
    community_name: str


def camera_info(s: Session, code: str) -> CameraInfo | None:
    """A camera of the site by its code, with its community."""
    found = s.execute(
        select(Device.code, Device.name, Device.community_id, Community.code, Community.name)
        .outerjoin(Community, Device.community_id == Community.id)
        .where(Device.code == code, Device.kind == DeviceKind.CAMERA.value)
    ).one_or_none()
    if found is None:
        return None
    dcode, name, cid, ccode, cname = found
    return CameraInfo(dcode, name, cid, ccode, cname or "")


def cameras_info(s: Session, codes: Collection[str]) -> dict[str, CameraInfo]:
    """The site's cameras among `codes`, by code."""
    if not codes:
        return {}
    rows = s.execute(
        select(Device.code, Device.name, Device.community_id, Community.code, Community.name)
        .outerjoin(Community, Device.community_id == Community.id)
        .where(Device.code.in_(sorted(codes)), Device.kind == DeviceKind.CAMERA.value)
    ).all()
    return {r[0]: CameraInfo(r[0], r[1], r[2], r[3], r[4] or "") for r in rows}


def site_zone(s: Session) -> str:
    """The site's time zone (site_meta), for times written into notes."""
    found: str | None = s.scalar(select(SiteMeta.value).where(SiteMeta.key == "timezone"))
    return found or DEFAULT_ZONE


def timeline_entry(
    tx: WriteTx, incident_id: int, kind: str, note: str, actor_id: int | None
) -> None:
    """An entry on an incident's timeline inside a write (the incident's change noted)."""
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


def _segment(row: RecordingSegment, now: datetime | None = None) -> Segment:
    # A segment still being written ends "now" for a reader (its start for the recorder).
    end = row.end_ts if row.end_ts is not None else max(now or row.start_ts, row.start_ts)
    return Segment(
        id=row.id,
        camera=row.camera,
        start=row.start_ts,
        end=end,
        path=row.path,
        bytes=row.bytes,
        sha256=row.sha256,
        state=SegmentState(row.state),
        codec=row.codec,
    )


def _gap(row: RecordingGap) -> Gap:
    return Gap(row.id, row.camera, row.start_ts, row.end_ts, GapCause(row.cause), row.detail)


def _hold(row: EvidenceHold) -> Hold:
    return Hold(
        row.id, row.incident_id, split_cameras(row.cameras), row.start_ts, row.end_ts, row.reason
    )


def _host(recorder: str) -> str:
    """The host part of a recorder's name ("host:pid")."""
    return recorder.rsplit(":", 1)[0] if ":" in recorder else recorder


# --- the recorder's index ---------------------------------------------------------------------
class DbRecordingSink:
    """core.recording.RecordingSink on the database, for the recorder process (no user).

    Thread-safe: each call is one short transaction of its own on the shared engine. Segment
    and gap rows get change_log rows ("recording_segment", "recording_gap"), so consoles see
    new recordings through the change feed; heartbeats upsert "recorder_status".
    """

    def __init__(
        self,
        db: Database,
        recorder: str,
        *,
        workstation: str = "",
        clock: Clock = utcnow,
        alarm_type: str = DEFAULT_SUPERVISION_TYPE,
    ):
        self.recorder = recorder[:64]
        self.ctx = ServiceContext(db, workstation=workstation[:16], clock=clock)
        self.alarm_type = alarm_type  # incident type of recorder problems (the site's faults)
        self.status_every_s = STATUS_EVERY_S
        self._lock = threading.Lock()
        self._alarm_lock = threading.Lock()  # one open incident per problem, across threads
        self._community: dict[str, int | None] = {}
        self._writing: set[int] = set()  # segments this sink opened and has not closed
        self._status: dict[str, tuple[tuple[Any, ...], float]] = {}
        self._devices = DeviceService(self.ctx)
        self._links_failed_at = -LINKS_LOG_EVERY_S  # monotonic; the warning once a minute

    def _community_id(self, s: Session, camera: str) -> int | None:
        with self._lock:
            if camera in self._community:
                return self._community[camera]
        found = camera_info(s, camera)
        cid = None if found is None else found.community_id
        with self._lock:
            self._community[camera] = cid
        return cid

    # --- segments -------------------------------------------------------------------------
    def segment_opened(self, camera: str, start: datetime, path: str, codec: str) -> int:
        _aware(start, "a segment's start")
        with self.ctx.write(ACTOR) as tx:
            row = RecordingSegment(
                camera=camera[:32],
                community_id=self._community_id(tx.session, camera),
                start_ts=start,
                end_ts=None,
                path=path[:300],
                bytes=0,
                sha256="",
                codec=codec[:16],
                state=SegmentState.WRITING.value,
                recorder=self.recorder,
                created=tx.now,
            )
            tx.session.add(row)
            tx.session.flush()
            tx.change(SEGMENTS, row.id, "insert")
            seg_id = row.id
        with self._lock:
            self._writing.add(seg_id)
        return seg_id

    def segment_closed(
        self, seg_id: int, end: datetime, size: int, sha256: str, state: SegmentState
    ) -> None:
        _aware(end, "a segment's end")
        with self.ctx.write(ACTOR) as tx:
            row = tx.session.get(RecordingSegment, seg_id, with_for_update=True)
            if row is None:
                raise LookupError(f"no recording segment {seg_id}")
            row.end_ts = max(end, row.start_ts)
            row.bytes = int(size)
            row.sha256 = sha256[:64]
            row.state = SegmentState(state).value
            tx.change(SEGMENTS, seg_id, "update")
        with self._lock:
            self._writing.discard(seg_id)

    def segment_deleted(self, seg_id: int) -> None:
        with self.ctx.write(ACTOR) as tx:
            tx.session.execute(delete(RecordingSegment).where(RecordingSegment.id == seg_id))
            tx.change(SEGMENTS, seg_id, "delete")
        with self._lock:
            self._writing.discard(seg_id)

    def unfinished(self) -> list[Segment]:
        """Segments still WRITING that a recorder of this host left (by the "host" of its
        "host:pid" name), not those this sink is writing: another host's recorder may be
        writing its own right now."""
        host = _host(self.recorder)
        with self._lock:
            mine = set(self._writing)
        with self.ctx.read() as s:
            rows = s.scalars(
                select(RecordingSegment)
                .where(text(f"recording_segment.{WRITING_SEGMENT_SQL}"))
                .order_by(RecordingSegment.start_ts, RecordingSegment.id)
            ).all()
            return [_segment(r) for r in rows if _host(r.recorder) == host and r.id not in mine]

    def last_recorded(self) -> dict[str, datetime]:
        out: dict[str, datetime] = {}
        with self.ctx.read() as s:
            # The cameras one index seek at a time (a loose scan): a GROUP BY would read
            # every segment row of the retention period.
            camera: str | None = s.scalar(
                select(RecordingSegment.camera).order_by(RecordingSegment.camera).limit(1)
            )
            while camera is not None:
                end: datetime | None = s.scalar(
                    select(RecordingSegment.end_ts)
                    .where(RecordingSegment.camera == camera, RecordingSegment.end_ts.is_not(None))
                    .order_by(RecordingSegment.start_ts.desc())
                    .limit(1)
                )
                if end is not None:
                    out[camera] = end
                camera = s.scalar(
                    select(RecordingSegment.camera)
                    .where(RecordingSegment.camera > camera)
                    .order_by(RecordingSegment.camera)
                    .limit(1)
                )
        return out

    def segments_before(self, before: datetime, limit: int) -> list[Segment]:
        _aware(before, "a retention cut-off")
        return self._oldest(limit, RecordingSegment.start_ts < before)

    def oldest_segments(self, limit: int) -> list[Segment]:
        return self._oldest(limit)

    def _oldest(self, limit: int, *where: Any) -> list[Segment]:
        with self.ctx.read() as s:
            rows = s.scalars(
                select(RecordingSegment)
                .where(RecordingSegment.state != SegmentState.WRITING.value, *where)
                .order_by(RecordingSegment.start_ts, RecordingSegment.id)
                .limit(max(0, limit))
            ).all()
            return [_segment(r) for r in rows]

    # --- gaps -----------------------------------------------------------------------------
    def gap_opened(self, camera: str, start: datetime, cause: GapCause, detail: str) -> int:
        _aware(start, "a gap's start")
        with self.ctx.write(ACTOR) as tx:
            row = RecordingGap(
                camera=camera[:32],
                community_id=self._community_id(tx.session, camera),
                start_ts=start,
                end_ts=None,
                cause=GapCause(cause).value,
                detail=clean_line(detail)[:300],
            )
            tx.session.add(row)
            tx.session.flush()
            tx.change(GAPS, row.id, "insert")
            return row.id

    def gap_closed(self, gap_id: int, end: datetime) -> None:
        _aware(end, "a gap's end")
        with self.ctx.write(ACTOR) as tx:
            row = tx.session.get(RecordingGap, gap_id, with_for_update=True)
            if row is None:
                raise LookupError(f"no recording gap {gap_id}")
            row.end_ts = max(end, row.start_ts)
            tx.change(GAPS, gap_id, "update")

    def open_gaps(self) -> list[Gap]:
        with self.ctx.read() as s:
            rows = s.scalars(
                select(RecordingGap)
                .where(text(f"recording_gap.{OPEN_GAP_SQL}"))
                .order_by(RecordingGap.start_ts, RecordingGap.id)
            ).all()
            return [_gap(r) for r in rows]

    # --- holds ----------------------------------------------------------------------------
    def holds(self) -> list[Hold]:
        with self.ctx.read() as s:
            rows = s.scalars(
                select(EvidenceHold)
                .where(text(f"evidence_hold.{LIVE_HOLD_SQL}"))
                .order_by(EvidenceHold.start_ts, EvidenceHold.id)
            ).all()
            return [_hold(r) for r in rows]

    # --- health ---------------------------------------------------------------------------
    def heartbeat(self, health: RecorderHealth) -> None:
        _aware(health.heartbeat, "a heartbeat")
        name = health.recorder[:64]
        failing = join_cameras(health.failing)
        values: dict[str, Any] = {
            "started": _aware(health.started, "a recorder's start"),
            "heartbeat": health.heartbeat,
            "cameras_total": int(health.cameras_total),
            "cameras_recording": int(health.cameras_recording),
            "bitrate_bps": float(health.bitrate_bps),
            "disk_free_bytes": int(health.disk_free_bytes),
            "disk_total_bytes": int(health.disk_total_bytes),
            "days_fit": None if health.days_fit is None else float(health.days_fit),
            "root": health.root[:500],
            "detail": clean_line(health.detail)[:300],
            "failing": failing,
        }
        # What a console shows as the recorder's state; free space and bitrate move every time.
        state = (
            values["started"],
            values["cameras_total"],
            values["cameras_recording"],
            values["root"],
            values["detail"],
            failing,
        )
        with self.ctx.write(ACTOR) as tx:
            row = tx.session.get(RecorderStatus, name, with_for_update=True)
            if row is None:
                tx.session.add(RecorderStatus(recorder=name, **values))
                op = "insert"
            else:
                for key, value in values.items():
                    setattr(row, key, value)
                op = "update"
            now = time.monotonic()
            with self._lock:
                last = self._status.get(name)
                due = last is None or last[0] != state or now - last[1] >= self.status_every_s
            if op == "insert" or due:
                tx.change(STATUS, None, op)
        if op == "insert" or due:
            with self._lock:
                self._status[name] = (state, now)
        # The recorder holds every camera's stream: its view of their links is the device
        # pane's (nothing else reports a camera; a wall opens only the tiles on screen).
        links = [DeviceLink(code[:32], up, detail) for code, up, detail in health.links]
        try:
            self._devices.report_links(links, health.heartbeat)
        except Exception as exc:
            # The pane's view of the cameras can wait for the next heartbeat; the recorder's
            # status above is written, and this must not read as the index being away.
            now = time.monotonic()
            if now - self._links_failed_at >= LINKS_LOG_EVERY_S:
                self._links_failed_at = now
                log.warning("recorder %s: camera links not written: %s", self.recorder, exc)

    # --- alarms ---------------------------------------------------------------------------
    def raise_alarm(self, camera: str | None, text: str) -> None:
        """An incident about a recorder problem (of a camera, or the recorder's volume when
        `camera` is None); while it is open the same problem joins it instead."""
        key = (camera or "")[:32]
        words = clean_line(text)[:300] or "录像故障"
        with self._alarm_lock, self.ctx.write(ACTOR) as tx:
            s = tx.session
            cam = camera_info(s, key) if key else None
            iid = self._open_alarm(s, key)
            if iid is not None:
                last = s.execute(
                    select(RecorderAlarm.text, RecorderAlarm.at)
                    .where(RecorderAlarm.camera == key, RecorderAlarm.incident_id == iid)
                    .order_by(RecorderAlarm.id.desc())
                    .limit(1)
                ).one_or_none()
                if last is not None and last[0] == words and tx.now - last[1] < ALARM_REPEAT:
                    return
                timeline_entry(tx, iid, KIND_RECORDER, self._note(s, cam, key, words), None)
                outcome = "appended"
            else:
                iid = self._open(tx, cam, key, words)
                outcome = "incident"
            row = RecorderAlarm(
                recorder=self.recorder,
                camera=key,
                community_id=None if cam is None else cam.community_id,
                at=tx.now,
                text=words,
                incident_id=iid,
                outcome=outcome,
            )
            s.add(row)
            s.flush()
            log.warning("recorder %s: %s (%s, incident %s)", self.recorder, words, outcome, iid)

    @staticmethod
    def _open_alarm(s: Session, key: str) -> int | None:
        found: int | None = s.scalar(
            select(RecorderAlarm.incident_id)
            .join(Incident, Incident.id == RecorderAlarm.incident_id)
            .where(
                RecorderAlarm.camera == key,
                RecorderAlarm.outcome == "incident",
                Incident.state.in_(_OPEN),
                Incident.merged_into_id.is_(None),
            )
            .order_by(RecorderAlarm.id.desc())
            .limit(1)
        )
        return found

    def _note(self, s: Session, cam: CameraInfo | None, key: str, words: str) -> str:
        when = fmt_local(self.ctx.clock(), site_zone(s))
        what = f"摄像机 {key} {cam.name}".rstrip() if key and cam else (key or "录像服务")
        return f"{when} {what}：{words}（录像服务 {self.recorder}）"

    def _open(self, tx: WriteTx, cam: CameraInfo | None, key: str, words: str) -> int:
        s = tx.session
        found = s.execute(
            select(IncidentType.id, IncidentType.name, IncidentType.default_priority).where(
                IncidentType.code == self.alarm_type
            )
        ).one_or_none()
        tid, tname, tprio = found if found is not None else (None, "", None)
        # Nothing recorded is evidence lost: never less urgent than P3, whatever the type.
        priority = Priority(min(int(tprio), int(Priority.P3)) if tprio else Priority.P3)
        subject = (cam.name or cam.code) if cam is not None else (key or "录像服务")
        title = " · ".join(p for p in (tname or "录像", subject, words) if p)
        where = [cam.name, cam.community_name] if cam is not None else [self.recorder]
        inc = add_incident(
            tx,
            title=clean_line(title)[:TITLE_MAX],
            description=clean_block(
                "\n".join([self._note(s, cam, key, words), f"摄像机：{key}" if key else ""])
            )[:DESCRIPTION_MAX],
            priority=priority,
            source=IncidentSource.DEVICE,
            community_id=None if cam is None else cam.community_id,
            location=clean_line(" · ".join(w for w in where if w))[:LOCATION_MAX],
            type_id=tid,
            created_by_id=None,
        )
        return inc.id


# --- the console's reads ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MotionMark:
    """A motion event of a camera on the timeline."""

    id: int
    camera: str
    at: datetime
    score: float
    incident_id: int | None


@dataclass(frozen=True, slots=True)
class IncidentMark:
    """An incident on the timeline: at its first moment in the range that ties it to the
    cameras (motion, a bookmark, a hold, its creation when its text names a camera)."""

    id: int
    at: datetime
    title: str
    priority: Priority
    state: IncidentState
    cameras: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    """What the playback timeline shows for some cameras over [start, end)."""

    cameras: tuple[str, ...]
    start: datetime
    end: datetime
    segments: tuple[Segment, ...]  # by camera, then start
    gaps: tuple[Gap, ...]
    bookmarks: tuple[Bookmark, ...]
    motion: tuple[MotionMark, ...]
    incidents: tuple[IncidentMark, ...]


class RecordingService:
    """Recordings for the console: timeline, playback segments, recorder health, bookmarks.

    Reads need VIEW_VIDEO in each camera's community; writes go through ServiceContext.write.
    """

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def _cameras(self, s: Session, who: Principal, cameras: Iterable[str]) -> tuple[str, ...]:
        """The codes, each checked against the viewer's scope (a camera code that is no
        device of the site counts as street-wide)."""
        codes = _codes(cameras)
        known = cameras_info(s, codes)
        for code in codes:
            cam = known.get(code)
            self.ctx.require(
                who, Permission.VIEW_VIDEO, (cam.community if cam else None) or STREET_WIDE
            )
        return codes

    def timeline(
        self, who: Principal, cameras: Sequence[str], start: datetime, end: datetime
    ) -> Timeline:
        """Recorded segments, gaps, bookmarks, motion and incidents of these cameras over
        [start, end). PermissionDenied for a camera outside the viewer's scope."""
        _aware(start, "a timeline's start")
        _aware(end, "a timeline's end")
        self.ctx.require(who, Permission.VIEW_VIDEO)
        now = self.ctx.clock()
        with self.ctx.read() as s:
            codes = self._cameras(s, who, cameras)
            if not codes or end <= start:
                return Timeline(codes, start, end, (), (), (), (), ())
            segments = [
                _segment(r, now)
                for r in s.scalars(self._segment_query(codes, start, end, _PLAYABLE))
            ]
            segments.sort(key=lambda x: (codes.index(x.camera), x.start, x.id))
            gaps = [
                _gap(r)
                for r in s.scalars(
                    select(RecordingGap)
                    .where(
                        RecordingGap.camera.in_(codes),
                        RecordingGap.start_ts < end,
                        (RecordingGap.end_ts.is_(None)) | (RecordingGap.end_ts > start),
                    )
                    .order_by(RecordingGap.start_ts, RecordingGap.id)
                )
            ]
            bookmarks = [
                Bookmark(b.id, b.camera, b.at_ts, b.note, username or "", b.incident_id)
                for b, username in s.execute(
                    select(BookmarkRow, User.username)
                    .outerjoin(User, BookmarkRow.user_id == User.id)
                    .where(
                        BookmarkRow.camera.in_(codes),
                        BookmarkRow.at_ts >= start,
                        BookmarkRow.at_ts < end,
                        BookmarkRow.deleted_at.is_(None),
                    )
                    .order_by(BookmarkRow.at_ts, BookmarkRow.id)
                )
            ]
            motion = [
                MotionMark(e.id, e.camera, e.at, e.score, e.incident_id)
                for e in s.scalars(
                    select(CameraEvent)
                    .where(
                        CameraEvent.camera.in_(codes),
                        CameraEvent.kind == KIND_MOTION,
                        CameraEvent.at >= start,
                        CameraEvent.at < end,
                    )
                    .order_by(CameraEvent.at, CameraEvent.id)
                )
            ]
            incidents = self._incidents(s, who, codes, start, end, bookmarks, motion)
        return Timeline(
            codes,
            start,
            end,
            tuple(segments),
            tuple(gaps),
            tuple(bookmarks),
            tuple(motion),
            tuple(incidents),
        )

    @staticmethod
    def _segment_query(
        codes: Sequence[str], start: datetime, end: datetime, states: Sequence[str]
    ) -> Any:
        return (
            select(RecordingSegment)
            .where(
                RecordingSegment.camera.in_(codes),
                RecordingSegment.start_ts >= start - SEGMENT_LOOKBACK,
                RecordingSegment.start_ts < end,
                (RecordingSegment.end_ts.is_(None)) | (RecordingSegment.end_ts > start),
                RecordingSegment.state.in_(states),
            )
            .order_by(RecordingSegment.start_ts, RecordingSegment.id)
        )

    def _incidents(
        self,
        s: Session,
        who: Principal,
        codes: tuple[str, ...],
        start: datetime,
        end: datetime,
        bookmarks: Sequence[Bookmark],
        motion: Sequence[MotionMark],
    ) -> list[IncidentMark]:
        if not who.can(Permission.VIEW_INCIDENTS):
            return []
        tied: dict[int, tuple[datetime, set[str]]] = {}

        def tie(iid: int | None, at: datetime, camera: str) -> None:
            if iid is None:
                return
            first, cams = tied.get(iid, (at, set()))
            cams.add(camera)
            tied[iid] = (min(first, at), cams)

        for m in motion:
            tie(m.incident_id, m.at, m.camera)
        for b in bookmarks:
            tie(b.incident_id, b.at, b.camera)
        for h in s.scalars(
            select(EvidenceHold).where(
                text(f"evidence_hold.{LIVE_HOLD_SQL}"),
                EvidenceHold.incident_id.is_not(None),
                EvidenceHold.start_ts < end,
                EvidenceHold.end_ts > start,
            )
        ):
            for camera in set(split_cameras(h.cameras)) & set(codes):
                tie(h.incident_id, max(h.start_ts, start), camera)
        # Incidents created in the range whose text names one of the cameras.
        named = re.compile(
            r"(?<![0-9A-Za-z_])(?:"
            + "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True))
            + r")(?![0-9A-Za-z_])"
        )
        for iid, created, title, location, description in s.execute(
            select(
                Incident.id,
                Incident.created_at,
                Incident.title,
                Incident.location,
                Incident.description,
            )
            .where(Incident.created_at >= start, Incident.created_at < end)
            .order_by(Incident.created_at)
            .limit(INCIDENT_TEXT_SCAN)
        ):
            for found in named.finditer("\n".join((title, location, description))):
                tie(iid, created, found.group(0))
        if not tied:
            return []
        out: list[IncidentMark] = []
        for inc, ccode in s.execute(
            select(Incident, Community.code)
            .outerjoin(Community, Incident.community_id == Community.id)
            .where(Incident.id.in_(sorted(tied)))
        ):
            if not who.can(Permission.VIEW_INCIDENTS, ccode or STREET_WIDE):
                continue
            at, cams = tied[inc.id]
            out.append(
                IncidentMark(
                    inc.id,
                    at,
                    inc.title,
                    Priority(inc.priority),
                    IncidentState(inc.state),
                    tuple(c for c in codes if c in cams),
                )
            )
        out.sort(key=lambda m: (m.at, m.id))
        return out

    def segments_for(
        self, who: Principal, camera: str, start: datetime, end: datetime
    ) -> list[Segment]:
        """A camera's segments overlapping [start, end), by start, for playback and export
        (a segment still being written ends now; index rows whose file is missing are left
        out)."""
        _aware(start, "a range's start")
        _aware(end, "a range's end")
        self.ctx.require(who, Permission.VIEW_VIDEO)
        now = self.ctx.clock()
        with self.ctx.read() as s:
            codes = self._cameras(s, who, [camera])
            if not codes or end <= start:
                return []
            return [
                _segment(r, now)
                for r in s.scalars(self._segment_query(codes, start, end, _PLAYABLE))
            ]

    def recorder_health(self, who: Principal) -> list[RecorderHealth]:
        """Every recorder's latest heartbeat, newest first (stale ones too: RecorderHealth.stale
        says which)."""
        self.ctx.require(who, Permission.VIEW_VIDEO)
        with self.ctx.read() as s:
            rows = s.scalars(
                select(RecorderStatus).order_by(
                    RecorderStatus.heartbeat.desc(), RecorderStatus.recorder
                )
            ).all()
            return [
                RecorderHealth(
                    recorder=r.recorder,
                    started=r.started,
                    heartbeat=r.heartbeat,
                    cameras_total=r.cameras_total,
                    cameras_recording=r.cameras_recording,
                    bitrate_bps=r.bitrate_bps,
                    disk_free_bytes=r.disk_free_bytes,
                    disk_total_bytes=r.disk_total_bytes,
                    days_fit=r.days_fit,
                    root=r.root,
                    detail=r.detail,
                    failing=split_cameras(r.failing),
                )
                for r in rows
            ]

    # --- bookmarks ------------------------------------------------------------------------
    def add_bookmark(
        self,
        who: Principal,
        camera: str,
        at: datetime,
        note: str,
        incident_id: int | None = None,
    ) -> Bookmark:
        """Mark a moment of a camera (VIEW_VIDEO in its community); linked to an incident
        (HANDLE_INCIDENTS in the incident's community), the incident's timeline says so.
        LookupError for an unknown camera or incident."""
        _aware(at, "a bookmark")
        words = clean_block(note)[:NOTE_MAX]
        with self.ctx.write(who, Permission.VIEW_VIDEO) as tx:
            s = tx.session
            cam = camera_info(s, camera)
            if cam is None:
                raise LookupError(f"no camera {camera!r}")
            self.ctx.check(tx, Permission.VIEW_VIDEO, cam.community or STREET_WIDE)
            if incident_id is not None:
                ccode = s.execute(
                    select(Community.code)
                    .select_from(Incident)
                    .outerjoin(Community, Incident.community_id == Community.id)
                    .where(Incident.id == incident_id)
                ).one_or_none()
                if ccode is None:
                    raise LookupError(f"no incident {incident_id}")
                self.ctx.check(tx, Permission.HANDLE_INCIDENTS, ccode[0] or STREET_WIDE)
            row = BookmarkRow(
                camera=cam.code,
                community_id=cam.community_id,
                at_ts=at,
                note=words,
                user_id=who.user_id,
                incident_id=incident_id,
                created=tx.now,
            )
            s.add(row)
            s.flush()
            if incident_id is not None:
                when = fmt_local(at, site_zone(s))
                timeline_entry(
                    tx,
                    incident_id,
                    KIND_BOOKMARK,
                    f"{when} 摄像机 {cam.code}：{words}",
                    who.user_id,
                )
            tx.change(BOOKMARKS, row.id, "insert")
            tx.audit(
                AuditAction.BOOKMARK_ADDED,
                f"bookmark:{row.id}",
                _detail(camera=cam.code, at=at.isoformat(), incident=incident_id),
            )
            return Bookmark(row.id, cam.code, at, words, who.username, incident_id)

    def delete_bookmark(self, who: Principal, bookmark_id: int) -> None:
        """Remove a bookmark: one's own (VIEW_VIDEO), anyone's with MANAGE_VIDEO, in the
        camera's community. LookupError when there is none (or it is already deleted)."""
        with self.ctx.write(who, Permission.VIEW_VIDEO) as tx:
            s = tx.session
            row = s.get(BookmarkRow, bookmark_id, with_for_update=True)
            if row is None or row.deleted_at is not None:
                raise LookupError(f"no bookmark {bookmark_id}")
            community = (
                s.scalar(select(Community.code).where(Community.id == row.community_id))
                if row.community_id is not None
                else None
            )
            self.ctx.check(tx, Permission.VIEW_VIDEO, community or STREET_WIDE)
            if row.user_id != who.user_id:
                self.ctx.check(tx, Permission.MANAGE_VIDEO, community or STREET_WIDE)
            row.deleted_at = tx.now
            tx.change(BOOKMARKS, row.id, "delete")
            tx.audit(
                AuditAction.BOOKMARK_DELETED,
                f"bookmark:{row.id}",
                _detail(
                    camera=row.camera, at=row.at_ts.isoformat(), own=row.user_id == who.user_id
                ),
            )
