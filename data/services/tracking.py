"""Tracking: tags of people and vehicles, the map's positions and trails, the ingest's writes."""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import exists, func, or_, select, update
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.care_rules import Rule, SubjectKind, incident_for
from core.consent import ConsentPurpose
from core.incidents import DESCRIPTION_MAX, LOCATION_MAX, OPEN_STATES, TITLE_MAX
from core.model import IncidentSource, Priority, RoleName
from core.permissions import Permission, PermissionDenied, Principal
from core.personal import (
    CARE_FLAGS,
    Level,
    PersonalField,
    Purpose,
    ResidentCard,
    field_levels,
    is_minor,
    reason_problem,
)
from core.tags import (
    LABEL_MAX,
    PLATE_MAX,
    PositionState,
    TagInvalid,
    TagKind,
    TagProfile,
    TagState,
    normalize_code,
    rule_title,
)
from core.text import clean_block, clean_line
from core.timefmt import fmt_local
from core.tracking import TagPositionRow, TagRead, TrackingItem, TrackPoint
from core.tracking_plan import HitLike, PipelineOutput, PlacementLike, TrackingPlan
from data.context import STREET_WIDE, Actor, ServiceContext, WriteTx
from data.db import upsert_insert
from data.models import (
    Community,
    Incident,
    IncidentEvent,
    IncidentType,
    IngestMark,
    Resident,
    Tag,
    TagPosition,
    TrackingEpisode,
    UnknownTag,
)
from data.models import TagRead as TagReadRow
from data.services.consent import ConsentService
from data.services.incidents import add_incident
from data.services.residents import ResidentService

ACTOR = "tracking"  # the audit trail's name for what the ingest does (no user acts)
KIND_TRACKING = "tracking"  # timeline entries a later hit of the same rule appends
POSITION = "tag_position"  # the change_log table the map watches (row id = tag id)
BULK_CHANGES = 500  # more changed positions than this in a batch: one change for the table
FIND_LIMIT = 200
TRAIL_LIMIT = 20_000
SEEN_WRITE_EVERY_S = 60.0  # tag_position.seen_at of a tag that did not move
LOOKUP_AGAIN_S = 30.0  # an unknown code is looked up in the database again after this long
_OPEN = tuple(s.value for s in OPEN_STATES)
_ISSUED = TagState.ISSUED.value
# An incident's description is data in the site's language, like its title (core.tags).
_CARE_WORDS = {
    PersonalField.LIVES_ALONE: "独居",
    PersonalField.DEMENTIA: "认知障碍",
    PersonalField.DISABILITY: "残疾",
    PersonalField.CHRONIC_ILLNESS: "慢性病",
}
_KIND_WORDS = {
    TagKind.PERSON.value: "人员",
    TagKind.VEHICLE.value: "车辆",
    TagKind.ASSET.value: "物品",
}


def target(tag_id: int) -> str:
    """The audit target of a tag."""
    return f"tag:{tag_id}"


@dataclass(frozen=True, slots=True)
class TagInfo:
    """What the ingest needs of a tag, cached by code."""

    id: int
    code: str
    kind: str
    community_id: int | None
    resident_id: int | None
    state: str
    plate: str


@dataclass(frozen=True, slots=True)
class TagRecord:
    """A tag as the registry lists it."""

    id: int
    code: str
    kind: str
    state: str
    resident_id: int | None
    plate: str
    label: str
    issued_at: datetime
    issued_by: str
    returned_at: datetime | None
    replaced_by_id: int | None
    profile: TagProfile


@dataclass(frozen=True, slots=True)
class Subject:
    """An issued tag as the care rules and the simulator see it (no names)."""

    code: str
    kind: str
    community: str | None
    dementia: bool
    disability: bool
    birth_year: int | None
    profile: TagProfile


@dataclass(frozen=True, slots=True)
class TagCard:
    """A tracked tag's card: the tag, and its person's (or a vehicle owner's) resident card.

    `resident` is ResidentService's card, so masking and the reveal audit are the same as
    for any resident; None for an asset or a card the viewer may not open.
    """

    tag: TagRecord
    resident: ResidentCard | None
    photo: str = ""  # no photos are stored yet: the widget shows its placeholder


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What one ingest batch did."""

    stored: int  # tag_read rows written
    reads: int  # raw reads they stand for (collapsed duplicates counted)
    unknown: int  # reads of tags no row has
    moved: tuple[int, ...]  # tag ids whose position changed
    opened: tuple[int, ...]  # incidents opened
    appended: tuple[int, ...]  # open incidents a later hit appended to
    changed: bool  # change_log rows written


@dataclass
class _Lookup:
    by_code: dict[str, TagInfo] = field(default_factory=dict)
    missed: dict[str, float] = field(default_factory=dict)  # code → monotonic of last miss
    loaded: bool = False


def _rule_name(rule: Any) -> str:
    value = getattr(rule, "value", rule)
    return str(value)[:24]


def _point(p: Any) -> tuple[datetime | None, float, float, str | None]:
    """(at, x, y, zone) of a last position given as an object or a tuple."""
    if isinstance(p, tuple):
        at, x, y, *rest = p
        return at, float(x), float(y), (rest[0] if rest else None)
    return getattr(p, "at", None), float(p.x), float(p.y), getattr(p, "zone", None)


class TrackingService:
    """Tags (issue, replace, return; consent first), the map's reads, and the ingest's writes.

    Reads return frozen rows masked for the viewer; the current position of a tracked tag is
    what the live map exists for (the tracking consent covers it), but a person's trail
    (whereabouts history) is opened only for an incident or a typed reason and audited.
    """

    def __init__(self, ctx: ServiceContext, residents: ResidentService, consent: ConsentService):
        self.ctx = ctx
        self.residents = residents
        self.consent = consent
        self._lock = threading.Lock()
        self._lookup = _Lookup()
        self._seen_written: dict[int, float] = {}  # tag id → seen_at last written (ingest)

    # --- the tag registry -----------------------------------------------------------------
    def register(
        self,
        who: Actor,
        *,
        code: str,
        kind: TagKind | str,
        resident_id: int | None = None,
        plate: str = "",
        label: str = "",
        profile: TagProfile | None = None,
    ) -> int:
        """Issue a tag to a resident, a vehicle (with its owner) or an asset; its id.

        A person's tag needs the resident's tracking consent in force (the person's or a
        guardian's): ConsentMissing otherwise, audited by the consent guard.
        """
        kind = _kind(kind)
        code = normalize_code(code)
        profile = profile or TagProfile()
        _check_profile(profile)
        plate = clean_line(plate)[:PLATE_MAX].upper()
        label = clean_line(label)[:LABEL_MAX]
        if kind is not TagKind.ASSET and resident_id is None:
            raise TagInvalid("a person's or a vehicle's tag needs its resident", "resident")
        if kind is TagKind.VEHICLE and not plate:
            raise TagInvalid("a vehicle's tag needs its plate", "plate")
        if kind is TagKind.PERSON:
            assert resident_id is not None
            self.consent.require(resident_id, ConsentPurpose.TRACKING, actor=who)
        with self.ctx.write(who, Permission.MANAGE_TAGS) as tx:
            s = tx.session
            community_id, community = _resident_community(s, resident_id)
            self.ctx.check(tx, Permission.MANAGE_TAGS, community or STREET_WIDE)
            if s.scalar(select(Tag.id).where(Tag.code == code)) is not None:
                raise TagInvalid(f"tag {code} is already registered", "code_taken")
            tag = Tag(
                code=code,
                kind=kind.value,
                community_id=community_id,
                resident_id=resident_id,
                plate=plate,
                label=label,
                state=TagState.ISSUED.value,
                issued_at=tx.now,
                issued_by=_actor(tx),
                **_profile_values(profile),
            )
            s.add(tag)
            s.flush()
            tx.change("tag", tag.id, "insert")
            tx.audit(
                AuditAction.TAG_REGISTERED,
                target(tag.id),
                _detail(code=code, kind=kind.value, resident=resident_id, plate=plate),
            )
            tag_id = tag.id
        self._forget()
        return tag_id

    def replace(self, who: Actor, tag_id: int, new_code: str) -> int:
        """A new tag in place of an issued one (lost or broken): it inherits the person or
        vehicle and the care profile; the old one is marked replaced. The new tag's id."""
        new_code = normalize_code(new_code)
        with self.ctx.write(who, Permission.MANAGE_TAGS) as tx:
            s = tx.session
            old = self._issued(tx, tag_id)
            if s.scalar(select(Tag.id).where(Tag.code == new_code)) is not None:
                raise TagInvalid(f"tag {new_code} is already registered", "code_taken")
            if old.kind == TagKind.PERSON.value and old.resident_id is not None:
                self.consent.require(old.resident_id, ConsentPurpose.TRACKING, actor=who)
            new = Tag(
                code=new_code,
                kind=old.kind,
                community_id=old.community_id,
                resident_id=old.resident_id,
                plate=old.plate,
                label=old.label,
                state=TagState.ISSUED.value,
                issued_at=tx.now,
                issued_by=_actor(tx),
                safe_zones=old.safe_zones,
                dwell_seconds=old.dwell_seconds,
                no_read_hours=old.no_read_hours,
                armed=old.armed,
            )
            s.add(new)
            s.flush()
            old.state = TagState.REPLACED.value
            old.returned_at = tx.now
            old.replaced_by_id = new.id
            tx.change("tag", old.id, "update")
            tx.change("tag", new.id, "insert")
            tx.audit(
                AuditAction.TAG_REPLACED,
                target(old.id),
                _detail(old=old.code, new=new_code, new_id=new.id),
            )
            new_id = new.id
        self._forget()
        return new_id

    def return_tag(self, who: Actor, tag_id: int, *, lost: bool = False) -> None:
        """The tag came back (or is lost): it is no longer tracked; its history stays."""
        with self.ctx.write(who, Permission.MANAGE_TAGS) as tx:
            tag = self._issued(tx, tag_id)
            tag.state = (TagState.LOST if lost else TagState.RETURNED).value
            tag.returned_at = tx.now
            tx.change("tag", tag.id, "update")
            tx.change(POSITION, tag.id, "delete")
            tx.audit(
                AuditAction.TAG_RETURNED,
                target(tag.id),
                _detail(code=tag.code, state=tag.state),
            )
        self._forget()

    def set_profile(self, who: Actor, tag_id: int, profile: TagProfile) -> None:
        """A tag's care profile (safe zones, dwell, no-read hours, armed)."""
        _check_profile(profile)
        with self.ctx.write(who, Permission.MANAGE_TAGS) as tx:
            tag = self._issued(tx, tag_id)
            for key, value in _profile_values(profile).items():
                setattr(tag, key, value)
            tx.change("tag", tag.id, "update")
            tx.audit(
                AuditAction.TAG_PROFILE_CHANGED,
                target(tag.id),
                _detail(**{k: v for k, v in _profile_values(profile).items()}),
            )

    def tag(self, who: Principal, tag_id: int) -> TagRecord:
        """One tag of the registry (the viewer's scope)."""
        self.ctx.require(who, Permission.VIEW_RESIDENTS)
        with self.ctx.read() as s:
            row = s.execute(
                select(Tag, Community.code)
                .outerjoin(Community, Tag.community_id == Community.id)
                .where(Tag.id == tag_id)
            ).one_or_none()
            if row is None:
                raise LookupError(f"no tag {tag_id}")
            self.ctx.require(who, Permission.VIEW_RESIDENTS, row[1] or STREET_WIDE)
            return _record(row[0])

    def profiles(self) -> dict[str, TagProfile]:
        """Every issued tag's care profile by code (the care rules' input)."""
        with self.ctx.read() as s:
            rows = s.scalars(select(Tag).where(Tag.state == TagState.ISSUED.value)).all()
            return {t.code: _profile(t) for t in rows}

    def subjects(self) -> list[Subject]:
        """Every issued tag with what the care rules and the simulator need of it."""
        with self.ctx.read() as s:
            rows = s.execute(
                select(
                    Tag,
                    Community.code,
                    Resident.dementia,
                    Resident.disability,
                    Resident.birth_year,
                )
                .outerjoin(Community, Tag.community_id == Community.id)
                .outerjoin(Resident, Tag.resident_id == Resident.id)
                .where(Tag.state == TagState.ISSUED.value)
                .order_by(Tag.id)
            ).all()
            return [
                Subject(t.code, t.kind, code, bool(dem), bool(dis), year, _profile(t))
                for t, code, dem, dis, year in rows
            ]

    def last_positions(self) -> list[tuple[str, str | None, float, float, datetime, datetime]]:
        """(code, zone, x, y, placed at, last seen) of every issued tag placed (a restart)."""
        with self.ctx.read() as s:
            rows = s.execute(
                select(
                    Tag.code,
                    TagPosition.zone,
                    TagPosition.x,
                    TagPosition.y,
                    TagPosition.at,
                    TagPosition.seen_at,
                )
                .join(TagPosition, TagPosition.tag_id == Tag.id)
                .where(Tag.state == TagState.ISSUED.value)
            ).all()
        return [(c, z, float(x), float(y), at, seen) for c, z, x, y, at, seen in rows]

    def open_episodes(self) -> list[tuple[str, str, datetime]]:
        """(code, rule, opened at) of the episodes whose incident is open (a restart)."""
        with self.ctx.read() as s:
            rows = s.execute(
                select(Tag.code, TrackingEpisode.rule, TrackingEpisode.opened_at)
                .join(Tag, TrackingEpisode.tag_id == Tag.id)
                .join(Incident, TrackingEpisode.incident_id == Incident.id)
                .where(TrackingEpisode.closed_at.is_(None), Incident.state.in_(_OPEN))
            ).all()
        return [(c, r, at) for c, r, at in rows]

    def _issued(self, tx: WriteTx, tag_id: int) -> Tag:
        s = tx.session
        found = s.execute(
            select(Tag, Community.code)
            .outerjoin(Community, Tag.community_id == Community.id)
            .where(Tag.id == tag_id)
        ).one_or_none()
        if found is None:
            raise LookupError(f"no tag {tag_id}")
        tag, code = found
        self.ctx.check(tx, Permission.MANAGE_TAGS, code or STREET_WIDE)
        if tag.state != TagState.ISSUED.value:
            raise TagInvalid(f"tag {tag.code} is {tag.state}, not issued", "state")
        return tag

    # --- the map's reads ------------------------------------------------------------------
    def positions(self, who: Principal) -> list[TagPositionRow]:
        """Every placed, issued tag in the viewer's scope, labelled as the role may see it."""
        return self._positions(who, None)

    def positions_by_ids(self, who: Principal, ids: Collection[int]) -> list[TagPositionRow]:
        """The rows of these tags (a change_log batch); tags gone or out of scope are left out."""
        if not ids:
            return []
        return self._positions(who, sorted(set(ids)))

    def find(self, who: Principal, text: str) -> list[TagPositionRow]:
        """Placed tags whose id or plate contains `text`, or whose person's (or owner's) name
        does; at most FIND_LIMIT. A name is matched only where the role sees names."""
        q = clean_line(text)[:64]
        if not q:
            return []
        self.ctx.require(who, Permission.VIEW_WHEREABOUTS)
        conds = [Tag.code.contains(q.upper(), autoescape=True)]
        conds.append(Tag.plate.contains(q.upper(), autoescape=True))
        if field_levels(who.role, Purpose.BROWSE, False)[PersonalField.NAME] is Level.SHOWN:
            conds.append(Resident.name.contains(q, autoescape=True))
        else:
            # A masked name is found by its masked form only (as the resident list does).
            conds.append(Resident.name_mask == q)
        return self._positions(who, None, or_(*conds), FIND_LIMIT)

    def _positions(
        self, who: Principal, ids: list[int] | None, where: Any = None, limit: int | None = None
    ) -> list[TagPositionRow]:
        self.ctx.require(who, Permission.VIEW_WHEREABOUTS)
        now = self.ctx.clock()
        alarm = exists().where(
            TrackingEpisode.tag_id == Tag.id,
            TrackingEpisode.closed_at.is_(None),
            TrackingEpisode.incident_id == Incident.id,
            Incident.state.in_(_OPEN),
        )
        stmt = (
            select(
                Tag.id,
                Tag.code,
                Tag.kind,
                Tag.plate,
                Tag.label,
                Tag.no_read_hours,
                Community.code,
                TagPosition.zone,
                TagPosition.x,
                TagPosition.y,
                TagPosition.at,
                TagPosition.seen_at,
                Resident.id,
                Resident.name,
                Resident.name_mask,
                Resident.birth_year,
                Resident.lives_alone,
                Resident.dementia,
                Resident.disability,
                Resident.chronic_illness,
                alarm.label("alarm"),
            )
            .join(TagPosition, TagPosition.tag_id == Tag.id)
            .outerjoin(Community, Tag.community_id == Community.id)
            .outerjoin(Resident, Tag.resident_id == Resident.id)
            .where(Tag.state == TagState.ISSUED.value)
            .order_by(Tag.id)
        )
        if who.communities is not None:
            stmt = stmt.where(Community.code.in_(sorted(who.communities)))
        if ids is not None:
            stmt = stmt.where(Tag.id.in_(ids))
        if where is not None:
            stmt = stmt.where(where)
        if limit is not None:
            stmt = stmt.limit(limit)
        today = now.date()
        role = who.role
        out: list[TagPositionRow] = []
        with self.ctx.read() as s:
            for r in s.execute(stmt):
                out.append(_position_row(r, role, today, now))
        return out

    def trail(
        self,
        who: Principal,
        tag_row_id: int,
        since: datetime,
        until: datetime,
        reason: str | None,
        *,
        incident_id: int | None = None,
    ) -> list[TrackPoint]:
        """A tag's positions between two times (history replay, the last hour's trail).

        A person's trail is whereabouts: it is opened for an incident the viewer handles
        (`incident_id`) or a typed reason, if the role's policy shows whereabouts for that
        purpose, and every look is an audit row (who, whose, why, which period). A vehicle's
        or an asset's trail needs no reason but is audited the same way.
        """
        if until < since:
            raise ValueError("the trail ends before it starts")
        purpose = Purpose.INCIDENT if incident_id is not None else Purpose.REASON
        why = clean_line(reason or "")
        points: list[TrackPoint] = []
        with self.ctx.write(who, Permission.VIEW_WHEREABOUTS) as tx:
            s = tx.session
            found = s.execute(
                select(Tag, Community.code, Resident.birth_year)
                .outerjoin(Community, Tag.community_id == Community.id)
                .outerjoin(Resident, Tag.resident_id == Resident.id)
                .where(Tag.id == tag_row_id)
            ).one_or_none()
            if found is None:
                raise LookupError(f"no tag {tag_row_id}")
            tag, code, birth_year = found
            self.ctx.check(tx, Permission.VIEW_WHEREABOUTS, code or STREET_WIDE)
            actor = tx.actor
            if tag.kind == TagKind.PERSON.value and isinstance(actor, Principal):
                minor = birth_year is not None and is_minor(birth_year, None, tx.now.date())
                level = field_levels(actor.role, purpose, minor)[PersonalField.WHEREABOUTS]
                if level is not Level.SHOWN:
                    raise PermissionDenied(actor.username, Permission.VIEW_RESIDENT_PII, code)
                if purpose is Purpose.REASON:
                    problem = reason_problem(why)
                    if problem is not None:
                        raise ValueError(problem)
                else:
                    self._check_incident(tx, incident_id)
            rows = s.execute(
                select(TagReadRow.at, TagReadRow.x, TagReadRow.y, TagReadRow.zone)
                .where(
                    TagReadRow.tag_id == tag_row_id,
                    TagReadRow.at >= since,
                    TagReadRow.at <= until,
                    TagReadRow.x.is_not(None),
                )
                .order_by(TagReadRow.at, TagReadRow.id)
                .limit(TRAIL_LIMIT)
            ).all()
            last: tuple[float, float, str | None] | None = None
            for at, x, y, zone in rows:
                here = (float(x or 0.0), float(y or 0.0), zone)
                if here != last:  # a tag standing still is one point, not one per read
                    points.append(TrackPoint(at, here[0], here[1], zone))
                    last = here
            tx.audit(
                AuditAction.WHEREABOUTS_VIEWED,
                target(tag_row_id),
                _detail(
                    resident=tag.resident_id,
                    purpose=purpose.value,
                    incident=incident_id,
                    reason=why or None,
                    since=since.isoformat(),
                    until=until.isoformat(),
                    points=len(points),
                ),
            )
        return points

    @staticmethod
    def _check_incident(tx: WriteTx, incident_id: int | None) -> None:
        state = tx.session.scalar(select(Incident.state).where(Incident.id == incident_id))
        if state is None:
            raise LookupError(f"there is no incident {incident_id}")
        if state not in _OPEN:
            raise ValueError(f"incident {incident_id} is not open")

    def card(
        self,
        who: Principal,
        tag_row_id: int,
        purpose: Purpose = Purpose.BROWSE,
        reason: str | None = None,
        incident_id: int | None = None,
    ) -> TagCard:
        """The tag and its person's (or vehicle owner's) card, through ResidentService.card:
        the same masking per role and purpose, the same reveal audit."""
        record = self.tag(who, tag_row_id)
        resident = None
        if record.resident_id is not None:
            resident = self.residents.card(who, record.resident_id, purpose, reason, incident_id)
        return TagCard(record, resident)

    def unknown_tags(
        self, who: Principal, limit: int = 200
    ) -> list[tuple[str, str, int, datetime]]:
        """(reader, code, reads, last heard) of tags no row has, most recent first."""
        self.ctx.require(who, Permission.VIEW_DEVICES)
        with self.ctx.read() as s:
            rows = s.execute(
                select(UnknownTag.reader, UnknownTag.code, UnknownTag.count, UnknownTag.last_at)
                .order_by(UnknownTag.last_at.desc())
                .limit(limit)
            ).all()
        return [(r, c, int(n), at) for r, c, n, at in rows]

    # --- the ingest's writes (one thread) ---------------------------------------------------
    def journal_mark(self, journal: str) -> int:
        """The highest journal sequence committed for this journal (0: none)."""
        with self.ctx.read() as s:
            seq = s.scalar(select(IngestMark.seq).where(IngestMark.journal == journal))
        return int(seq or 0)

    def ingest(
        self,
        items: Sequence[TrackingItem],
        output: PipelineOutput,
        plan: TrackingPlan,
        *,
        mark: tuple[str, int] | None = None,
    ) -> IngestResult:
        """Store a batch in one transaction: read history (duplicates collapsed, counted),
        positions of the tags that moved, unknown tags counted, rule hits as incidents (one
        open per tag and rule; later hits append), and the journal mark with them."""
        codes = {i.tag if isinstance(i, TagRead) else i.device for i in items}
        codes.update(p.tag for p in output.placements)
        codes.update(h.tag for h in output.hits)
        tags = self._tags(codes)
        with self.ctx.write(ACTOR) as tx:
            return _Batch(self, tx, plan, tags).run(items, output, mark)

    def reload_tags(self) -> None:
        """Read the tag registry again at the next batch (tags changed on another console)."""
        self._forget()

    def _forget(self) -> None:
        with self._lock:
            self._lookup = _Lookup()

    def _tags(self, codes: Collection[str]) -> dict[str, TagInfo]:
        """The tags of these codes (issued or not); unknown codes looked up again now and then."""
        with self._lock:
            lookup = self._lookup
        if not lookup.loaded:
            with self.ctx.read() as s:
                rows = s.execute(_info_select()).all()
            lookup = _Lookup({r[1]: TagInfo(*r) for r in rows}, {}, True)
            with self._lock:
                self._lookup = lookup
        now = time.monotonic()
        ask = [
            c
            for c in codes
            if c not in lookup.by_code and now - lookup.missed.get(c, -1e9) > LOOKUP_AGAIN_S
        ]
        if ask:
            with self.ctx.read() as s:
                rows = s.execute(_info_select().where(Tag.code.in_(ask[:1000]))).all()
            for r in rows:
                lookup.by_code[r[1]] = TagInfo(*r)
            for c in ask:
                if c not in lookup.by_code:
                    lookup.missed[c] = now
            if len(lookup.missed) > 100_000:  # garbage ids must not grow this without end
                lookup.missed.clear()
        return lookup.by_code


def _info_select() -> Any:
    return select(
        Tag.id, Tag.code, Tag.kind, Tag.community_id, Tag.resident_id, Tag.state, Tag.plate
    )


class _Batch:
    """One ingest batch inside one write."""

    def __init__(
        self, svc: TrackingService, tx: WriteTx, plan: TrackingPlan, tags: dict[str, TagInfo]
    ):
        self.svc, self.tx, self.plan, self.tags = svc, tx, plan, tags
        self.s = tx.session
        self.opened: list[int] = []
        self.appended: list[int] = []
        self.pg = self.s.get_bind().dialect.name == "postgresql"
        self.ts = _as_param if self.pg else _sqlite_text

    def raw(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        """An executemany straight to the driver: the hot rows skip the ORM's per-row work
        (10× slower here); `?` placeholders, rewritten for psycopg."""
        if self.pg:
            sql = sql.replace("?", "%s")
        self.s.connection().exec_driver_sql(sql, rows)

    def run(
        self,
        items: Sequence[TrackingItem],
        output: PipelineOutput,
        mark: tuple[str, int] | None,
    ) -> IngestResult:
        placed: dict[str, PlacementLike] = {}
        for p in output.placements:
            placed[p.tag] = p  # the newest placement of a tag in the batch wins
        groups, unknown, raw = self._collapse(items, placed)
        if groups and self.pg:
            # One statement over arrays: the server runs one insert, not one per row
            # (executemany: one Bind/Execute per row). COPY is refused under row security.
            self.s.connection().exec_driver_sql(
                "INSERT INTO tag_read (tag_id, community_id, reader, at, rssi, antenna, count, "
                "x, y, zone) SELECT * FROM unnest(%s::bigint[], %s::integer[], %s::varchar[], "
                "%s::timestamptz[], %s::float8[], %s::integer[], %s::integer[], %s::float8[], "
                "%s::float8[], %s::varchar[])",
                _pg_columns(groups.values()),
            )
        elif groups:
            # A group is the tag_read row itself (the time still a datetime): no per-row
            # object, one conversion of the time as the row goes out.
            ts = self.ts
            self.raw(
                "INSERT INTO tag_read (tag_id, community_id, reader, at, rssi, antenna, count, "
                "x, y, zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (g[0], g[1], g[2], ts(g[3]), g[4], g[5], g[6], g[7], g[8], g[9])
                    for g in groups.values()
                ],
            )
        self._unknown(unknown)
        moved = self._positions(placed, groups)
        self._hits(output.hits, output.cleared)
        if mark is not None:
            stmt = upsert_insert(self.s, IngestMark.__table__)
            self.s.execute(
                stmt.on_conflict_do_update(
                    index_elements=["journal"],
                    set_={"seq": stmt.excluded.seq, "at": stmt.excluded.at},
                ),
                [{"journal": mark[0], "seq": mark[1], "at": self.tx.now}],
            )
        return IngestResult(
            stored=len(groups),
            reads=raw,
            unknown=sum(unknown.values()),
            moved=tuple(moved),
            opened=tuple(self.opened),
            appended=tuple(self.appended),
            changed=bool(self.tx.changes),
        )

    def _collapse(
        self, items: Sequence[TrackingItem], placed: dict[str, PlacementLike]
    ) -> tuple[dict[tuple[Any, ...], list[Any]], dict[tuple[str, str], int], int]:
        """Reads of one tag by one reader and antenna within a second: one row, counted.

        A group is a tag_read row as a list: tag_id, community_id, reader, at, rssi,
        antenna, count, x, y, zone (the hot loop of the ingest: no object per row).
        """
        groups: dict[tuple[Any, ...], list[Any]] = {}
        unknown: dict[tuple[str, str], int] = {}
        raw = 0
        readers = self.plan.readers
        tags = self.tags
        for item in items:
            if isinstance(item, TagRead):
                code = item.tag
                source = item.reader
                count = item.count
                if count < 1:
                    count = 1
                antenna = item.antenna
                rssi = item.rssi
                read = True
            else:
                code, source, count, antenna, rssi = item.device, "gps", 1, 0, None
                read = False
            raw += count
            info = tags.get(code)
            if info is None:
                key_u = (source[:32], code[:32])
                unknown[key_u] = unknown.get(key_u, 0) + count
                continue
            at = item.at
            key = (info.id, source, antenna, int(at.timestamp()))
            g = groups.get(key)
            if g is None:
                p = placed.get(code)
                x: float | None
                y: float | None
                zone: str | None
                if p is not None:
                    x, y, zone = p.x, p.y, p.zone
                elif read and (r := readers.get(source)) is not None:
                    x, y, zone = r.x, r.y, r.zone
                else:
                    x = y = zone = None
                groups[key] = [
                    info.id,
                    info.community_id,
                    source[:32],
                    at,
                    rssi,
                    antenna,
                    count,
                    x,
                    y,
                    zone,
                ]
            else:
                g[6] += count
                if rssi is not None and (g[4] is None or rssi > g[4]):
                    g[4] = rssi
        return groups, unknown, raw

    def _unknown(self, unknown: dict[tuple[str, str], int]) -> None:
        if not unknown:
            return
        now = self.tx.now
        stmt = upsert_insert(self.s, UnknownTag.__table__)
        self.s.execute(
            stmt.on_conflict_do_update(
                index_elements=["reader", "code"],
                set_={
                    "count": UnknownTag.__table__.c.count + stmt.excluded.count,
                    "last_at": stmt.excluded.last_at,
                },
            ),
            [
                {"reader": r, "code": c, "first_at": now, "last_at": now, "count": n}
                for (r, c), n in sorted(unknown.items())
            ],
        )
        self.tx.change("unknown_tag", None, "update")

    def _positions(
        self, placed: dict[str, PlacementLike], groups: dict[tuple[Any, ...], list[Any]]
    ) -> list[int]:
        """Upsert the positions of tags that moved; move seen_at of the others read."""
        rows: list[tuple[Any, ...]] = []
        moved: list[int] = []
        placed_at: dict[int, float] = {}
        ok = PositionState.OK.value
        for code, p in placed.items():
            info = self.tags.get(code)
            if info is None or info.state != _ISSUED:
                continue
            if not (math.isfinite(p.x) and math.isfinite(p.y)):
                continue  # a GPS fix of NaNs flagged valid: the read is kept, not the place
            at = self.ts(p.at)
            placed_at[info.id] = p.at.timestamp()
            rows.append(
                (
                    info.id,
                    info.community_id,
                    p.zone,
                    float(p.x),
                    float(p.y),
                    at,
                    at,
                    str(p.source)[:32],
                    ok,
                )
            )
            moved.append(info.id)
        if rows:
            self.raw(
                "INSERT INTO tag_position (tag_id, community_id, zone, x, y, at, seen_at, source, "
                "state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tag_id) DO UPDATE SET "
                "zone = excluded.zone, x = excluded.x, y = excluded.y, at = excluded.at, "
                "seen_at = excluded.seen_at, source = excluded.source",
                rows,
            )
        written = self.svc._seen_written
        for row in rows:
            written[row[0]] = placed_at[row[0]]
        seen: dict[int, datetime] = {}
        for g in groups.values():
            tid, at = g[0], g[3]
            last = seen.get(tid)
            if last is None or at > last:
                seen[tid] = at
        # seen_at is moved at most every SEEN_WRITE_EVERY_S per tag: it serves the map's
        # "offline after N hours", and one UPDATE per read cost a third of the batch.
        for tid in list(seen):
            stamp = seen[tid].timestamp()
            if stamp - written.get(tid, -1e18) < SEEN_WRITE_EVERY_S:
                del seen[tid]
            else:
                written[tid] = stamp
        if seen and self.pg:
            # Not a change other workstations must re-read: the map shows where, not when.
            self.s.connection().exec_driver_sql(
                "UPDATE tag_position SET seen_at = v.at FROM unnest(%s::bigint[], "
                "%s::timestamptz[]) AS v (id, at) WHERE tag_position.tag_id = v.id",
                (list(seen), list(seen.values())),
            )
        elif seen:
            ts = self.ts
            self.raw(
                "UPDATE tag_position SET seen_at = ? WHERE tag_id = ?",
                [(ts(at), tid) for tid, at in seen.items()],
            )
        self._changes(POSITION, moved)
        return moved

    def _changes(self, table: str, ids: Sequence[int]) -> None:
        """change_log rows for the ids (one row for the table when they are very many)."""
        if not ids:
            return
        if len(ids) > BULK_CHANGES:
            self.tx.change(table, None, "update")
            return
        ws = self.svc.ctx.workstation
        now = self.ts(self.tx.now)
        self.raw(
            "INSERT INTO change_log (ts, table_name, row_id, op, workstation) "
            "VALUES (?, ?, ?, ?, ?)",
            [(now, table, i, "update", ws) for i in ids],
        )
        self.tx.changes.extend((table, i, "update") for i in ids)
        if self.pg:
            from data.changes import CHANNEL

            self.s.execute(select(func.pg_notify(CHANNEL, table)))

    # --- rule hits → incidents --------------------------------------------------------------
    def _hits(self, hits: Sequence[HitLike], cleared: Sequence[Any]) -> None:
        episodes: dict[tuple[int, str], int] = {}  # (tag, rule) → incident id, this batch
        notes: dict[int, list[str]] = {}
        hit_ids: set[int] = set()
        for c in cleared:
            info = self.tags.get(c.tag)
            if info is None:
                continue
            iid = self._open_episode(info, _rule_name(c.rule))
            if iid is not None:
                at = fmt_local(c.at, self.plan.timezone)
                notes.setdefault(iid, []).append(f"{at} 解除：{clean_line(c.detail)}")
        for hit in hits:
            info = self.tags.get(hit.tag)
            if info is None or info.state != TagState.ISSUED.value:
                continue
            rule = _rule_name(hit.rule)
            key = (info.id, rule)
            iid = episodes.get(key)
            if iid is None:
                iid = self._open_episode(info, rule)
            if iid is not None:
                episodes[key] = iid
                notes.setdefault(iid, []).append(self._hit_note(hit))
                hit_ids.add(iid)
                continue
            iid = self._open(info, rule, hit)
            episodes[key] = iid
        for iid, lines in notes.items():
            self.s.add(
                IncidentEvent(
                    incident_id=iid,
                    ts=self.tx.now,
                    kind=KIND_TRACKING,
                    note=clean_block("\n".join(lines))[:DESCRIPTION_MAX],
                    actor_id=None,
                    workstation=self.svc.ctx.workstation,
                )
            )
            self.tx.change("incident", iid, "update")
            self.appended.append(iid)
        if hit_ids:
            self.s.execute(
                update(TrackingEpisode)
                .where(
                    TrackingEpisode.incident_id.in_(sorted(hit_ids)),
                    TrackingEpisode.closed_at.is_(None),
                )
                .values(hits=TrackingEpisode.hits + 1, last_at=self.tx.now)
            )

    def _open_episode(self, info: TagInfo, rule: str) -> int | None:
        """The open incident of this tag and rule; an episode whose incident ended is closed."""
        found = self.s.execute(
            select(TrackingEpisode.id, Incident.id, Incident.state, Incident.merged_into_id)
            .outerjoin(Incident, TrackingEpisode.incident_id == Incident.id)
            .where(
                TrackingEpisode.tag_id == info.id,
                TrackingEpisode.rule == rule,
                TrackingEpisode.closed_at.is_(None),
            )
        ).first()
        if found is None:
            return None
        eid, iid, state, merged_into = found
        if iid is not None and state in _OPEN:
            return int(merged_into or iid)
        self.s.execute(
            update(TrackingEpisode).where(TrackingEpisode.id == eid).values(closed_at=self.tx.now)
        )
        return None

    def _advice(self, info: TagInfo, rule: str, res: Resident | None) -> tuple[int | None, int]:
        """(incident type id, priority) core.care_rules advises for this rule and subject;
        the type only when the site has it, the priority of core.tags otherwise."""
        try:
            known = Rule(rule)
        except ValueError:
            return None, int(rule_title(rule)[1])
        if info.kind == TagKind.VEHICLE.value:
            kind = SubjectKind.VEHICLE
        elif info.kind == TagKind.ASSET.value or res is None:
            kind = SubjectKind.ASSET
        elif res.dementia:
            kind = SubjectKind.DEMENTIA
        elif is_minor(res.birth_year, None, self.tx.now.date()):
            kind = SubjectKind.CHILD
        elif res.disability:
            kind = SubjectKind.DISABLED
        else:
            kind = SubjectKind.ELDERLY
        advice = incident_for(known, kind)
        type_id = self.s.scalar(
            select(IncidentType.id).where(IncidentType.code == advice.incident_type)
        )
        return type_id, advice.priority

    def _open(self, info: TagInfo, rule: str, hit: HitLike) -> int:
        s = self.s
        title_words, _ = rule_title(rule)
        res = s.get(Resident, info.resident_id) if info.resident_id is not None else None
        type_id, priority = self._advice(info, rule, res)
        who = (res.name if res is not None else "") if info.kind != TagKind.VEHICLE.value else ""
        if info.kind == TagKind.VEHICLE.value:
            who = f"{info.plate}" + (f"（{res.name}）" if res is not None else "")
        title = f"{title_words}：{who or info.code}"
        last = [_point(p) for p in hit.last_positions]
        zone = last[-1][3] if last else None
        zone_text = self.plan.zone_name(zone)
        location = " · ".join(x for x in (zone_text, res.address if res else "") if x)
        inc = add_incident(
            self.tx,
            title=clean_line(title)[:TITLE_MAX],
            description=clean_block(self._description(info, rule, hit, res, last))[
                :DESCRIPTION_MAX
            ],
            priority=Priority(priority),
            source=IncidentSource.TRACKING,
            community_id=info.community_id,
            location=clean_line(location)[:LOCATION_MAX],
            type_id=type_id,
            created_by_id=None,
        )
        s.add(
            TrackingEpisode(
                tag_id=info.id,
                community_id=info.community_id,
                rule=rule,
                incident_id=inc.id,
                opened_at=self.tx.now,
                last_at=self.tx.now,
                hits=1,
            )
        )
        s.execute(
            update(TagPosition)
            .where(TagPosition.tag_id == info.id)
            .values(state=PositionState.ALARM.value)
        )
        self._changes(POSITION, [info.id])
        self.opened.append(inc.id)
        return inc.id

    def _description(
        self,
        info: TagInfo,
        rule: str,
        hit: HitLike,
        res: Resident | None,
        last: list[tuple[datetime | None, float, float, str | None]],
    ) -> str:
        tz = self.plan.timezone
        # What an operator acts on first comes first (the detail view shows six lines before
        # it scrolls): who, whom to call, which cameras, where; then the rest.
        lines = [f"{rule_title(rule)[0]}：{clean_line(hit.detail)}"]
        if res is not None:
            role = "车主" if info.kind == TagKind.VEHICLE.value else "本人"
            lines.append(f"{role}：{res.name} · {res.address}")
            if res.emergency_contact_name or res.emergency_contact_phone:
                lines.append(
                    f"紧急联系人：{res.emergency_contact_name}"
                    f"（{res.emergency_contact_relation}）{res.emergency_contact_phone}"
                )
        if last:
            _, x, y, _ = last[-1]
            near = self.plan.nearest_cameras(x, y)
            if near:
                lines.append(
                    "附近摄像机：" + "，".join(f"{c.code} {c.name}（{d:.0f} 米）" for c, d in near)
                )
            shown = [
                f"{fmt_local(at, tz) if at else '?'} {self._place(z, x, y)}"
                for at, x, y, z in last[-5:]
            ]
            lines.append("最近位置：" + "；".join(shown))
        if res is not None:
            flags = [_CARE_WORDS.get(f, f.value) for f in CARE_FLAGS if getattr(res, f.value)]
            if flags:
                lines.append("照护需求：" + "、".join(flags))
        kind = _KIND_WORDS.get(info.kind, info.kind)
        lines.append(f"标签：{info.code}（{kind}）" + (f" {info.plate}" if info.plate else ""))
        if res is not None:
            lines.append("照片：未存档")
        return "\n".join(lines)

    def _hit_note(self, hit: HitLike) -> str:
        at = fmt_local(hit.at, self.plan.timezone)
        where = ""
        if hit.last_positions:
            _, x, y, z = _point(hit.last_positions[-1])
            where = f"，位于 {self._place(z, x, y)}"
        return f"{at} {clean_line(hit.detail)}{where}"

    def _place(self, zone: str | None, x: float, y: float) -> str:
        """A position in words: its zone's name and the site coordinates, or "坐标 (x, y)"
        outside every zone (a bare "-" read as a missing value)."""
        name = self.plan.zone_name(zone)
        return f"{name} ({x:.0f}, {y:.0f})" if name else f"坐标 ({x:.0f}, {y:.0f})"


def _pg_columns(rows: Collection[list[Any]]) -> tuple[list[Any], ...]:
    """tag_read rows (see _Batch._collapse) as one list per column for the unnest insert;
    numbers made one type per column (psycopg refuses an array of ints and floats mixed)."""
    tag_id, community_id, reader, at, rssi, antenna, count, x, y, zone = zip(*rows, strict=True)
    return (
        list(tag_id),
        list(community_id),
        list(reader),
        list(at),
        _floats(rssi),
        [int(v) for v in antenna],
        [int(v) for v in count],
        _floats(x),
        _floats(y),
        list(zone),
    )


def _floats(values: Sequence[Any]) -> list[float | None]:
    return [None if v is None else float(v) for v in values]


def _sqlite_text(ts: datetime) -> str:
    """A UTC time as data.models.UTCDateTime stores it on SQLite (naive UTC, microseconds)."""
    if ts.tzinfo is UTC:  # the adapters' clocks: no conversion, cut the "+00:00" off
        return ts.isoformat(" ", "microseconds")[:26]
    return ts.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _as_param(ts: datetime) -> datetime:
    return ts


def _position_row(r: Any, role: RoleName, today: date, now: datetime) -> TagPositionRow:
    (
        tid,
        code,
        kind,
        plate,
        label,
        no_read_hours,
        community,
        zone,
        x,
        y,
        at,
        seen_at,
        rid,
        name,
        name_mask,
        birth_year,
        *flags,
        alarm,
    ) = r
    care = ""
    if kind == TagKind.VEHICLE.value:
        text = plate or label or code
    elif rid is None:
        text = label or code
    else:
        minor = is_minor(birth_year, None, today)
        levels = field_levels(role, Purpose.BROWSE, minor)
        name_level = levels[PersonalField.NAME]
        text = name if name_level is Level.SHOWN else (name_mask if name_level else "")
        care_level = levels[PersonalField.CARE_NEEDED]
        if any(flags):
            if care_level is Level.SHOWN:
                care = ", ".join(f.value for f, on in zip(CARE_FLAGS, flags, strict=True) if on)
            elif care_level is Level.MASKED:
                care = "needs care"
    if alarm:
        state = PositionState.ALARM.value
    elif no_read_hours and seen_at < now - timedelta(hours=no_read_hours):
        state = PositionState.OFFLINE.value
    else:
        state = PositionState.OK.value
    return TagPositionRow(
        id=int(tid),
        tag=code,
        kind=kind,
        label=text or code,
        community=community,
        zone=zone,
        x=float(x),
        y=float(y),
        at=at,
        state=state,
        resident_id=rid,
        care=care,
    )


def _kind(kind: TagKind | str) -> TagKind:
    try:
        return TagKind(kind)
    except ValueError:
        raise TagInvalid(f"{kind!r} is not a tag kind", "kind") from None


def _check_profile(profile: TagProfile) -> None:
    problems = profile.problems()
    if problems:
        code, message = problems[0]
        raise TagInvalid(message, code)


def _profile_values(profile: TagProfile) -> dict[str, Any]:
    return {
        "safe_zones": ",".join(profile.safe_zones),
        "dwell_seconds": profile.dwell_seconds,
        "no_read_hours": profile.no_read_hours,
        "armed": profile.armed,
    }


def _profile(t: Tag) -> TagProfile:
    return TagProfile(
        safe_zones=tuple(z for z in t.safe_zones.split(",") if z),
        dwell_seconds=t.dwell_seconds,
        no_read_hours=t.no_read_hours,
        armed=t.armed,
    )


def _record(t: Tag) -> TagRecord:
    return TagRecord(
        id=t.id,
        code=t.code,
        kind=t.kind,
        state=t.state,
        resident_id=t.resident_id,
        plate=t.plate,
        label=t.label,
        issued_at=t.issued_at,
        issued_by=t.issued_by,
        returned_at=t.returned_at,
        replaced_by_id=t.replaced_by_id,
        profile=_profile(t),
    )


def _resident_community(s: Session, resident_id: int | None) -> tuple[int | None, str | None]:
    if resident_id is None:
        return None, None
    found = s.execute(
        select(Resident.community_id, Community.code, Resident.anonymised_at)
        .join(Community, Resident.community_id == Community.id)
        .where(Resident.id == resident_id)
    ).one_or_none()
    if found is None:
        raise TagInvalid(f"there is no resident {resident_id}", "resident")
    if found[2] is not None:
        raise TagInvalid(f"resident {resident_id} is anonymised", "resident")
    return int(found[0]), str(found[1])


def _actor(tx: WriteTx) -> str:
    from data.context import actor_name

    return actor_name(tx.actor)[:64]


def _detail(**doc: Any) -> str:
    return json.dumps({k: v for k, v in doc.items() if v is not None}, ensure_ascii=False)
