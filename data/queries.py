"""Read and write services for the console: frozen rows out, permission checks first."""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased

from core.audit import AuditAction
from core.incidents import OPEN_STATES, IncidentState, Transition, check_transition
from core.model import DeviceState, IncidentSource, Priority
from core.permissions import Permission, Principal
from core.ports import Clock
from core.timefmt import utcnow
from core.views import (
    CommunityRow,
    DeviceCounts,
    DeviceRow,
    IncidentDetail,
    IncidentEventRow,
    IncidentRow,
)
from data.changes import record_change
from data.db import Database
from data.models import Community, Device, Incident, IncidentEvent, SiteMeta, User, Workstation
from data.security import AuthService

STREET_WIDE = "*street-wide*"  # a scope key that no community code can equal
TITLE_MAX = 200
LOCATION_MAX = 200


class ConsoleService:
    """What the shell reads and does; scope and permissions are enforced here, not in the UI."""

    def __init__(self, db: Database, auth: AuthService, *, clock: Clock = utcnow):
        self.db = db
        self.auth = auth
        self.clock = clock

    # --- site ----------------------------------------------------------------------------
    def site_meta(self) -> dict[str, str]:
        """Key/value facts about the site (name, time zone, seed)."""
        with self.db.session() as s:
            return {m.key: m.value for m in s.scalars(select(SiteMeta))}

    def communities(self, who: Principal) -> list[CommunityRow]:
        """Communities in the user's scope, by code."""
        self.auth.require(who, Permission.VIEW_CONSOLE)
        stmt = select(Community).order_by(Community.code)
        if who.communities is not None:
            stmt = stmt.where(Community.code.in_(who.communities))
        with self.db.session() as s:
            return [
                CommunityRow(c.code, c.name, c.population, c.centre_x, c.centre_y)
                for c in s.scalars(stmt)
            ]

    # --- devices -------------------------------------------------------------------------
    def devices(self, who: Principal) -> list[DeviceRow]:
        """Every device the user may see, by kind and code."""
        self.auth.require(who, Permission.VIEW_DEVICES)
        comm = aliased(Community)
        stmt = (
            select(Device, comm.code, comm.name, Workstation.code)
            .join(Workstation, Device.workstation_id == Workstation.id)
            .outerjoin(comm, Device.community_id == comm.id)
            .order_by(Device.kind, Device.code)
        )
        if who.communities is not None:
            stmt = stmt.where(comm.code.in_(who.communities))
        with self.db.session() as s:
            return [
                DeviceRow(
                    id=d.id,
                    code=d.code,
                    name=d.name,
                    kind=d.kind,
                    community=ccode,
                    community_name=cname,
                    workstation=wcode,
                    address=d.address,
                    state=DeviceState(d.state),
                    last_seen_at=d.last_seen_at,
                    detail=d.detail,
                )
                for d, ccode, cname, wcode in s.execute(stmt)
            ]

    def device_counts(self, who: Principal) -> DeviceCounts:
        """Totals by state for the status bar."""
        self.auth.require(who, Permission.VIEW_DEVICES)
        stmt = select(
            func.count().filter(Device.state == DeviceState.ONLINE.value),
            func.count().filter(
                Device.state.in_([DeviceState.OFFLINE.value, DeviceState.FAULT.value])
            ),
            func.count().filter(Device.state == DeviceState.UNKNOWN.value),
        ).select_from(Device)
        if who.communities is not None:
            stmt = stmt.join(Community, Device.community_id == Community.id).where(
                Community.code.in_(who.communities)
            )
        with self.db.session() as s:
            online, offline, unknown = s.execute(stmt).one()
        return DeviceCounts(int(online), int(offline), int(unknown))

    # --- incidents -----------------------------------------------------------------------
    def open_incidents(self, who: Principal, limit: int = 500) -> list[IncidentRow]:
        """The queue: open items, most urgent and oldest first."""
        self.auth.require(who, Permission.VIEW_INCIDENTS)
        claimer = aliased(User)
        stmt = (
            select(Incident, Community.code, Community.name, claimer.display_name)
            .outerjoin(Community, Incident.community_id == Community.id)
            .outerjoin(claimer, Incident.claimed_by_id == claimer.id)
            .where(Incident.state.in_([s.value for s in OPEN_STATES]))
            .order_by(
                Incident.priority,
                case((Incident.state == IncidentState.NEW.value, 0), else_=1),
                Incident.created_at,
            )
            .limit(limit)
        )
        if who.communities is not None:
            stmt = stmt.where(Community.code.in_(who.communities))
        with self.db.session() as s:
            return [
                _incident_row(i, ccode, cname, claimed)
                for i, ccode, cname, claimed in s.execute(stmt)
            ]

    def incident_detail(self, who: Principal, incident_id: int) -> IncidentDetail:
        """One incident with its timeline; the same scope as the queue."""
        claimer = aliased(User)
        actor = aliased(User)
        with self.db.session() as s:
            found = s.execute(
                select(Incident, Community.code, Community.name, claimer.display_name)
                .outerjoin(Community, Incident.community_id == Community.id)
                .outerjoin(claimer, Incident.claimed_by_id == claimer.id)
                .where(Incident.id == incident_id)
            ).one_or_none()
            if found is None:
                raise LookupError(f"no incident {incident_id}")
            inc, ccode, cname, claimed = found
            events = s.execute(
                select(IncidentEvent, actor.display_name)
                .outerjoin(actor, IncidentEvent.actor_id == actor.id)
                .where(IncidentEvent.incident_id == incident_id)
                .order_by(IncidentEvent.ts, IncidentEvent.id)
            ).all()
        self.auth.require(who, Permission.VIEW_INCIDENTS, ccode or STREET_WIDE)
        return IncidentDetail(
            row=_incident_row(inc, ccode, cname, claimed),
            description=inc.description,
            events=tuple(
                IncidentEventRow(
                    ts=e.ts,
                    kind=e.kind,
                    from_state=IncidentState(e.from_state) if e.from_state else None,
                    to_state=IncidentState(e.to_state) if e.to_state else None,
                    note=e.note,
                    actor=name,
                    workstation=e.workstation,
                )
                for e, name in events
            ),
        )

    def create_incident(
        self,
        who: Principal,
        *,
        title: str,
        priority: Priority,
        community: str | None,
        location: str = "",
        description: str = "",
        source: IncidentSource = IncidentSource.MANUAL,
    ) -> int:
        """Open a new incident (an operator's manual entry, or a rule's)."""
        self.auth.require(who, Permission.HANDLE_INCIDENTS, community)
        if who.communities is not None and community is None:
            # A station may only raise items within its own communities.
            community = sorted(who.communities)[0]
        if not title.strip():
            raise ValueError("an incident needs a title")
        if len(title.strip()) > TITLE_MAX or len(location) > LOCATION_MAX:
            # Checked here so that SQLite (which would store it) and PostgreSQL (which would
            # refuse it) behave alike.
            raise ValueError(
                f"title at most {TITLE_MAX}, location at most {LOCATION_MAX} characters"
            )
        now = self.clock()
        with self.db.session() as s:
            cid = None
            if community is not None:
                cid = s.scalar(select(Community.id).where(Community.code == community))
                if cid is None:
                    raise ValueError(f"unknown community {community!r}")
            inc = Incident(
                title=title.strip(),
                description=description,
                priority=int(priority),
                state=IncidentState.NEW.value,
                source=source.value,
                community_id=cid,
                location=location,
                created_at=now,
                updated_at=now,
                created_by_id=who.user_id,
            )
            s.add(inc)
            s.flush()
            s.add(
                IncidentEvent(
                    incident_id=inc.id,
                    ts=now,
                    kind="created",
                    to_state=IncidentState.NEW.value,
                    note=description,
                    actor_id=who.user_id,
                    workstation=self.auth.workstation,
                )
            )
            record_change(s, "incident", inc.id, "insert", self.auth.workstation)
            self.auth.audit_in(s, who.username, AuditAction.INCIDENT_CREATED, target=str(inc.id))
            return inc.id

    def transition(
        self, who: Principal, incident_id: int, target: IncidentState, note: str = ""
    ) -> None:
        """Move an incident along its lifecycle; closing needs the review permission."""
        needed = (
            Permission.REVIEW_INCIDENTS
            if target is IncidentState.CLOSED
            else Permission.HANDLE_INCIDENTS
        )
        with self.db.session() as s:
            row = s.execute(
                select(Incident, Community.code)
                .outerjoin(Community, Incident.community_id == Community.id)
                .where(Incident.id == incident_id)
            ).one_or_none()
        if row is None:
            raise LookupError(f"no incident {incident_id}")
        # A street-wide item (no community) is outside every community scope: a station PC
        # cannot see it in its queue, so it may not change it either.
        self.auth.require(who, needed, row[1] or STREET_WIDE)
        now = self.clock()
        with self.db.session() as s:
            inc = s.get_one(Incident, incident_id, with_for_update=True)
            current = IncidentState(inc.state)
            check_transition(Transition(current, target, note))
            inc.state = target.value
            inc.updated_at = now
            if target is IncidentState.ACKNOWLEDGED and inc.claimed_by_id is None:
                inc.claimed_by_id = who.user_id
            s.add(
                IncidentEvent(
                    incident_id=inc.id,
                    ts=now,
                    kind="state",
                    from_state=current.value,
                    to_state=target.value,
                    note=note,
                    actor_id=who.user_id,
                    workstation=self.auth.workstation,
                )
            )
            record_change(s, "incident", inc.id, "update", self.auth.workstation)
            self.auth.audit_in(
                s,
                who.username,
                AuditAction.INCIDENT_CHANGED,
                target=str(inc.id),
                detail=f"{current.value} -> {target.value}",
            )


def _incident_row(
    i: Incident, ccode: str | None, cname: str | None, claimed: str | None
) -> IncidentRow:
    return IncidentRow(
        id=i.id,
        title=i.title,
        priority=Priority(i.priority),
        state=IncidentState(i.state),
        source=IncidentSource(i.source),
        community=ccode,
        community_name=cname,
        location=i.location,
        created_at=i.created_at,
        updated_at=i.updated_at,
        claimed_by=claimed,
    )
