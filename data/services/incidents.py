"""Incidents: the queue, one incident with its timeline, creation and lifecycle steps."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, false, func, select, text, tuple_
from sqlalchemy.orm import Session, aliased

from core.audit import AuditAction
from core.incident_edit import IncidentChanges
from core.incidents import (
    CALLER_NAME_MAX,
    CALLER_PHONE_MAX,
    DESCRIPTION_MAX,
    LOCATION_MAX,
    NOTE_MAX,
    OPEN_STATES,
    TITLE_MAX,
    FourEyesError,
    IncidentState,
    QueueView,
    Transition,
    TransitionError,
    check_transition,
    queue_rank,
    required_permission,
)
from core.model import IncidentSource, Priority
from core.permissions import Permission, Principal
from core.text import clean_block, clean_line
from core.views import IncidentDetail, IncidentEventRow, IncidentRow, IncidentTypeRow
from data.context import STREET_WIDE, Actor, ServiceContext, WriteTx
from data.models import (
    OPEN_STATES_SQL,
    RESOLVED_SQL,
    Community,
    Incident,
    IncidentEvent,
    IncidentType,
    User,
)
from data.services.incident_guard import bump, check_general, conflict, four_eyes
from data.services.incident_search import index_incident
from data.services.stand_down import stand_down

TABLE = "incident"
HOLD_REASON_MIN, HOLD_REASON_MAX = 4, 200  # a legal hold's reason, in characters


def _incident_select() -> Select[Incident, str, str, str, str]:
    """An incident with its community, the name of whoever claimed it, and its type's code."""
    claimer = aliased(User)
    return (
        select(Incident, Community.code, Community.name, claimer.display_name, IncidentType.code)
        .outerjoin(Community, Incident.community_id == Community.id)
        .outerjoin(claimer, Incident.claimed_by_id == claimer.id)
        .outerjoin(IncidentType, Incident.type_id == IncidentType.id)
    )


def _type_row(t: IncidentType) -> IncidentTypeRow:
    return IncidentTypeRow(
        code=t.code,
        name=t.name,
        priority=Priority(t.default_priority),
        acknowledge=timedelta(minutes=t.acknowledge_minutes),
        resolve=timedelta(minutes=t.resolve_minutes),
        dispatch=None if t.dispatch_minutes is None else timedelta(minutes=t.dispatch_minutes),
        departments=tuple(x for x in t.departments.split("\n") if x),
        dispositions=tuple(x for x in t.dispositions.split("\n") if x),
    )


def _row(found: Any) -> IncidentRow:
    i, ccode, cname, claimed, tcode = found
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
        claimed_by_id=i.claimed_by_id,
        type_code=tcode,
        version=i.version,
        merged_into=i.merged_into_id,
    )


def queue_order() -> tuple[Any, ...]:
    """Most urgent first, new before handled, oldest first (the queue's order, by index)."""
    return (Incident.queue_rank, Incident.created_at, Incident.id)


def _open() -> Any:
    # Literal, the same text as the partial indexes' WHERE: SQLite uses a partial index only
    # when it can see that the query's condition implies the index's, which bound
    # parameters hide.
    return text(f"incident.{OPEN_STATES_SQL}")


def _in_view(view: QueueView, who: Principal) -> list[Any]:
    """The conditions of a view (core.views.in_view says the same in Python)."""
    if view is QueueView.HISTORY:
        return [false()]  # not a queue: data/services/history.py reads it
    if view is QueueView.REVIEW:
        return [text(f"incident.{RESOLVED_SQL}")]
    if view is QueueView.MINE:
        return [_open(), Incident.claimed_by_id == who.user_id]
    if view is QueueView.UNASSIGNED:
        return [_open(), Incident.claimed_by_id.is_(None)]
    return [_open()]


RISK_RESTRICTION = "risk"


def restricted_hidden(who: Principal) -> list[Any]:
    """The conditions that hide what the user's role may not see (none for one who sees
    all): restricted incidents from a user who may not handle them, and every other incident
    from one whose work is the restricted ones alone (a counsellor). Every read of incidents
    adds them."""
    out = []
    if not who.can(Permission.HANDLE_RISK):
        out.append(Incident.restricted == "")
    if not who.can(Permission.VIEW_GENERAL_INCIDENTS):
        out.append(Incident.restricted != "")
    return out


def add_incident(
    tx: WriteTx,
    *,
    title: str,
    description: str,
    priority: Priority,
    source: IncidentSource,
    community_id: int | None,
    location: str,
    type_id: int | None,
    created_by_id: int | None,
    caller_name: str = "",
    caller_phone: str = "",
    restricted: str = "",
) -> Incident:
    """A new incident inside a write: the row, its search index, "created", change, audit.

    The values are checked and cleaned by the caller (IncidentService.create, the alarms).
    """
    s = tx.session
    inc = Incident(
        title=title,
        description=description,
        priority=int(priority),
        state=IncidentState.NEW.value,
        source=source.value,
        community_id=community_id,
        location=location,
        created_at=tx.now,
        updated_at=tx.now,
        created_by_id=created_by_id,
        queue_rank=queue_rank(priority, IncidentState.NEW),
        type_id=type_id,
        caller_name=caller_name,
        caller_phone=caller_phone,
        version=1,
        restricted=restricted,
    )
    s.add(inc)
    s.flush()
    index_incident(s, inc)  # History search finds it from its first moment
    s.add(
        IncidentEvent(
            incident_id=inc.id,
            ts=tx.now,
            kind="created",
            to_state=IncidentState.NEW.value,
            note=description,
            actor_id=created_by_id,
            workstation=tx.ctx.workstation,
            version=1,
        )
    )
    tx.change(TABLE, inc.id, "insert")
    tx.audit(AuditAction.INCIDENT_CREATED, target=str(inc.id))
    return inc


QueueKey = tuple[int, datetime, int]
"""Where a page of the queue ends: (queue_rank, created_at, id) of its last row."""


@dataclass(frozen=True, slots=True)
class QueuePage:
    """Open incidents from one point of the queue on, and whether more follow."""

    rows: list[IncidentRow]
    more: bool


class IncidentService:
    """Scope and permissions are enforced here, not in the UI."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def take_over(
        self, who: Principal, incident_id: int, expected_version: int | None = None
    ) -> str:
        """Claim an open incident someone else handles; returns the previous handler's name.

        The console asks first; the timeline and the audit log say who took it from whom.
        """
        with self.ctx.write(who) as tx:
            s = tx.session
            inc, ccode = self.locked_row(s, incident_id)
            self.ctx.check(tx, Permission.HANDLE_INCIDENTS, ccode or STREET_WIDE)
            check_general(self.ctx, tx, inc, ccode)
            self._expect(s, inc, expected_version)
            state = IncidentState(inc.state)
            if state is IncidentState.NEW or state not in OPEN_STATES:
                raise TransitionError(
                    f"incident {incident_id} is {state.value}: nothing to take over"
                )
            if inc.claimed_by_id == who.user_id:
                raise TransitionError(f"incident {incident_id} is already yours")
            before = s.get(User, inc.claimed_by_id) if inc.claimed_by_id is not None else None
            previous = before.display_name if before is not None else ""
            inc.claimed_by_id = who.user_id
            inc.updated_at = tx.now
            s.add(
                IncidentEvent(
                    incident_id=inc.id,
                    ts=tx.now,
                    kind="claimed",
                    note=previous,
                    actor_id=who.user_id,
                    workstation=self.ctx.workstation,
                    version=bump(inc),
                )
            )
            tx.change(TABLE, inc.id, "update")
            tx.audit(
                AuditAction.INCIDENT_CHANGED,
                target=str(inc.id),
                detail=f"taken over from {before.username if before else '-'}",
            )
            return previous

    def set_legal_hold(self, who: Actor, incident_id: int, hold: bool, reason: str) -> None:
        """Put an incident under legal hold, or lift it; a reviewer's act with a reason.

        A held incident is never anonymised or deleted by the retention job. The timeline
        and the audit log say who set or lifted it and why.
        """
        reason = clean_line(reason)
        if not HOLD_REASON_MIN <= len(reason) <= HOLD_REASON_MAX:
            raise ValueError(
                f"a legal hold needs a reason of {HOLD_REASON_MIN} to {HOLD_REASON_MAX} characters"
            )
        with self.ctx.write(who) as tx:
            s = tx.session
            inc, ccode = self.locked_row(s, incident_id)
            self.ctx.check(tx, Permission.REVIEW_INCIDENTS, ccode or STREET_WIDE)
            check_general(self.ctx, tx, inc, ccode)
            if inc.legal_hold == hold:
                raise TransitionError(
                    f"incident {incident_id} is {'already' if hold else 'not'} under legal hold"
                )
            if hold and inc.anonymised_at is not None:
                raise TransitionError(f"incident {incident_id} is already anonymised")
            inc.legal_hold = hold
            inc.legal_hold_reason = reason if hold else ""
            # updated_at stays: for a closed incident it is when it closed, which retention
            # counts from; a hold is not a step of the incident.
            s.add(
                IncidentEvent(
                    incident_id=inc.id,
                    ts=tx.now,
                    kind="legal_hold" if hold else "legal_hold_lifted",
                    note=reason,
                    # A local tool (the file's owner at the command line) has no account.
                    actor_id=who.user_id if isinstance(who, Principal) else None,
                    workstation=self.ctx.workstation,
                    version=bump(inc),
                )
            )
            tx.change(TABLE, inc.id, "update")
            tx.audit(
                AuditAction.LEGAL_HOLD_SET if hold else AuditAction.LEGAL_HOLD_LIFTED,
                target=str(inc.id),
                detail=reason,
            )

    @staticmethod
    def locked_row(s: Session, incident_id: int) -> tuple[Incident, str | None]:
        """An incident, row-locked for this write, with its community's code."""
        found = s.execute(
            select(Incident, Community.code)
            .outerjoin(Community, Incident.community_id == Community.id)
            .where(Incident.id == incident_id)
            .with_for_update(of=Incident)
        ).one_or_none()
        if found is None:
            raise LookupError(f"no incident {incident_id}")
        return found[0], found[1]

    @staticmethod
    def _expect(s: Session, inc: Incident, expected_version: int | None) -> None:
        """Refuse with IncidentConflict unless the row is still the version the window showed."""
        if expected_version is not None and inc.version != expected_version:
            found = s.execute(_incident_select().where(Incident.id == inc.id)).one()
            raise conflict(s, _row(found), expected_version)

    def edit(
        self, who: Principal, incident_id: int, expected_version: int, changes: IncidentChanges
    ) -> int:
        """Change priority, type, location or title (data/services/incident_edit.py)."""
        from data.services.incident_edit import edit_incident

        return edit_incident(self, who, incident_id, expected_version, changes)

    @staticmethod
    def _dispositions(s: Session, type_id: int | None) -> tuple[str, ...]:
        if type_id is None:
            return ()
        t = s.get(IncidentType, type_id)
        return _type_row(t).dispositions if t is not None else ()

    @staticmethod
    def _resolved_by(s: Session, incident_id: int) -> int | None:
        """Who made the latest step to resolved."""
        actor: int | None = s.scalar(
            select(IncidentEvent.actor_id)
            .where(
                IncidentEvent.incident_id == incident_id,
                IncidentEvent.to_state == IncidentState.RESOLVED.value,
            )
            .order_by(IncidentEvent.id.desc())
            .limit(1)
        )
        return actor

    # --- reads ----------------------------------------------------------------------------
    def types(self, who: Principal) -> list[IncidentTypeRow]:
        """The catalogue of incident types (from the site file), by code."""
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        with self.ctx.read() as s:
            return [
                _type_row(t) for t in s.scalars(select(IncidentType).order_by(IncidentType.code))
            ]

    def open_incidents(self, who: Principal, limit: int = 500) -> list[IncidentRow]:
        """The first `limit` open items, most urgent and oldest first."""
        return self.queue_page(who, limit=limit).rows

    def queue_page(
        self,
        who: Principal,
        *,
        view: QueueView = QueueView.OPEN,
        after: QueueKey | None = None,
        limit: int = 200,
    ) -> QueuePage:
        """A page of a queue view after `after` (keyset, never OFFSET: stable under change)."""
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        stmt = (
            _incident_select().where(*_in_view(view, who)).order_by(*queue_order()).limit(limit + 1)
        )
        if after is not None:
            stmt = stmt.where(
                # A plain tuple on the right: each value is bound with its column's type
                # (created_at as the UTC text SQLite stores).
                tuple_(Incident.queue_rank, Incident.created_at, Incident.id) > tuple(after)
            )
        stmt = self._scoped(stmt, who)
        with self.ctx.read() as s:
            rows = [_row(r) for r in s.execute(stmt)]
        return QueuePage(rows[:limit], more=len(rows) > limit)

    def open_counts(
        self, who: Principal, view: QueueView = QueueView.OPEN
    ) -> dict[tuple[Priority, IncidentState], int]:
        """How many items of a view (the open queue by default) by priority and state."""
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        stmt = self._scoped(
            select(Incident.priority, Incident.state, func.count())
            .select_from(Incident)
            .where(*_in_view(view, who))
            .group_by(Incident.priority, Incident.state),
            who,
        )
        with self.ctx.read() as s:
            return {(Priority(p), IncidentState(st)): int(n) for p, st, n in s.execute(stmt)}

    @staticmethod
    def _scoped(stmt: Any, who: Principal) -> Any:
        """Limit to the user's communities by id, so the per-community index serves it; a
        restricted incident (a screening's risk alert) only for the roles that handle it."""
        stmt = stmt.where(*restricted_hidden(who))
        if who.communities is None:
            return stmt
        ids = select(Community.id).where(Community.code.in_(sorted(who.communities)))
        if len(who.communities) == 1:
            # Equality lets the per-community index give the queue's order (a station PC).
            return stmt.where(Incident.community_id == ids.scalar_subquery())
        return stmt.where(Incident.community_id.in_(ids.scalar_subquery()))

    def page_by_id(self, who: Principal, after: int = 0, limit: int = 2000) -> QueuePage:
        """Incidents in any state within the user's scope, by id after `after` (exports)."""
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        stmt = self._scoped(
            _incident_select().where(Incident.id > after).order_by(Incident.id).limit(limit + 1),
            who,
        )
        with self.ctx.read() as s:
            rows = [_row(r) for r in s.execute(stmt)]
        return QueuePage(rows[:limit], more=len(rows) > limit)

    def incidents_by_ids(self, who: Principal, ids: Collection[int]) -> list[IncidentRow]:
        """The given incidents in any state; those out of scope or gone are left out."""
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        if not ids:
            return []
        stmt = self._scoped(_incident_select().where(Incident.id.in_(list(ids))), who)
        with self.ctx.read() as s:
            return [_row(r) for r in s.execute(stmt)]

    def incident_detail(self, who: Principal, incident_id: int) -> IncidentDetail:
        """One incident with its timeline; the same scope as the queue."""
        actor = aliased(User)
        with self.ctx.read() as s:
            found = s.execute(
                _incident_select().where(Incident.id == incident_id, *restricted_hidden(who))
            ).one_or_none()
            if found is None:
                raise LookupError(f"no incident {incident_id}")
            row = _row(found)
            self.ctx.require(who, Permission.VIEW_INCIDENTS, row.community or STREET_WIDE)
            events = s.execute(
                select(IncidentEvent, actor.display_name)
                .outerjoin(actor, IncidentEvent.actor_id == actor.id)
                .where(IncidentEvent.incident_id == incident_id)
                .order_by(IncidentEvent.ts, IncidentEvent.id)
            ).all()
            inc = found[0]
            return IncidentDetail(
                caller_name=inc.caller_name,
                caller_phone=inc.caller_phone,
                disposition=inc.disposition,
                legal_hold=inc.legal_hold,
                legal_hold_reason=inc.legal_hold_reason,
                row=row,
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

    # --- writes ---------------------------------------------------------------------------
    def create(
        self,
        who: Principal,
        *,
        title: str,
        priority: Priority,
        community: str | None,
        location: str = "",
        description: str = "",
        source: IncidentSource = IncidentSource.MANUAL,
        type_code: str | None = None,
        caller_name: str = "",
        caller_phone: str = "",
    ) -> int:
        """Open a new incident (an operator's manual entry, or a rule's)."""
        caller_name, caller_phone = clean_line(caller_name), clean_line(caller_phone)
        if len(caller_name) > CALLER_NAME_MAX or len(caller_phone) > CALLER_PHONE_MAX:
            raise ValueError(
                f"caller name at most {CALLER_NAME_MAX}, phone at most {CALLER_PHONE_MAX} "
                "characters"
            )
        if who.communities is not None and community is None:
            # A station may only raise items within its own communities.
            community = sorted(who.communities)[0]
        # Control and zero-width characters removed: invisible on screen, they would make
        # look-alike titles and break the one-line cells of the queue.
        title, location = clean_line(title), clean_line(location)
        description = clean_block(description)
        if not title:
            raise ValueError("an incident needs a title")
        if (
            len(title) > TITLE_MAX
            or len(location) > LOCATION_MAX
            or len(description) > DESCRIPTION_MAX
        ):
            # Checked here so that SQLite (which would store it) and PostgreSQL (which would
            # refuse it) behave alike.
            raise ValueError(
                f"title at most {TITLE_MAX}, location at most {LOCATION_MAX}, description at "
                f"most {DESCRIPTION_MAX} characters"
            )
        with self.ctx.write(who, Permission.HANDLE_INCIDENTS, community) as tx:
            # A new incident is a general one (risk alerts are raised by a screening).
            self.ctx.check(tx, Permission.VIEW_GENERAL_INCIDENTS, community or STREET_WIDE)
            s = tx.session
            cid = None
            if community is not None:
                cid = s.scalar(select(Community.id).where(Community.code == community))
                if cid is None:
                    raise ValueError(f"unknown community {community!r}")
            tid = None
            if type_code is not None:
                tid = s.scalar(select(IncidentType.id).where(IncidentType.code == type_code))
                if tid is None:
                    raise ValueError(f"unknown incident type {type_code!r}")
            return add_incident(
                tx,
                title=title,
                description=description,
                priority=priority,
                source=source,
                community_id=cid,
                location=location,
                type_id=tid,
                created_by_id=who.user_id,
                caller_name=caller_name,
                caller_phone=caller_phone,
            ).id

    def transition(
        self,
        who: Principal,
        incident_id: int,
        target: IncidentState,
        note: str = "",
        disposition: str = "",
        expected_version: int | None = None,
    ) -> None:
        """Move an incident along its lifecycle; closing and reopening a closed item need the
        review permission.

        Resolving an incident of a type with dispositions must name one of them. With
        `expected_version` (the incident window's), a row changed since is refused with
        IncidentConflict.
        """
        note, disposition = clean_block(note), clean_line(disposition)
        if len(note) > NOTE_MAX:
            raise ValueError(f"a note has at most {NOTE_MAX} characters")
        with self.ctx.write(who) as tx:
            s = tx.session
            inc, ccode = self.locked_row(s, incident_id)
            current = IncidentState(inc.state)
            # A street-wide item (no community) is outside every community scope: a station
            # PC cannot see it in its queue, so it may not change it either.
            self.ctx.check(tx, required_permission(current, target), ccode or STREET_WIDE)
            check_general(self.ctx, tx, inc, ccode)
            self._expect(s, inc, expected_version)
            if inc.merged_into_id is not None:
                # Merged as a duplicate: the work goes on in the incident it was merged into.
                raise TransitionError(
                    f"incident {inc.id} was merged into #{inc.merged_into_id}: continue there"
                )
            check_transition(Transition(current, target, note))
            if (
                target is IncidentState.CLOSED
                and four_eyes(s)
                and self._resolved_by(s, inc.id) == who.user_id
            ):
                # Four eyes: a review by the one who resolved it would be no review at all
                # (a small site may relax it in its site file: [site] four_eyes = false).
                raise FourEyesError(f"incident {inc.id} was resolved by {who.username}")
            if target is IncidentState.RESOLVED:
                allowed = self._dispositions(s, inc.type_id)
                if allowed and disposition not in allowed:
                    raise ValueError(
                        "resolving needs one of the dispositions of its type: "
                        + " / ".join(allowed)
                    )
                inc.disposition = disposition
                if disposition:
                    note = f"{disposition} — {note}" if note else disposition
            inc.state = target.value
            inc.queue_rank = queue_rank(inc.priority, target)
            inc.updated_at = tx.now
            if target is IncidentState.ACKNOWLEDGED and inc.claimed_by_id is None:
                inc.claimed_by_id = who.user_id
            s.add(
                IncidentEvent(
                    incident_id=inc.id,
                    ts=tx.now,
                    kind="state",
                    from_state=current.value,
                    to_state=target.value,
                    note=note,
                    actor_id=who.user_id,
                    workstation=self.ctx.workstation,
                    version=bump(inc),
                )
            )
            tx.change(TABLE, inc.id, "update")
            tx.audit(
                AuditAction.INCIDENT_CHANGED,
                target=str(inc.id),
                detail=f"{current.value} -> {target.value}",
            )
            if target in (IncidentState.RESOLVED, IncidentState.CLOSED):
                stand_down(tx, inc.id, self.ctx.workstation, target.value)
