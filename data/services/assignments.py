"""Assignments: dispatch to departments and units, their answers, and unanswered escalation."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from core.assignments import (
    FINAL_STATES,
    NOT_ARRIVED_STATES,
    OPEN_ASSIGNMENT_STATES,
    AssignmentError,
    AssignmentRow,
    AssignmentState,
    DispatchTarget,
    Pick,
    Side,
    UnitRow,
    answer_within,
    check_step,
    desk_order,
)
from core.audit import AuditAction
from core.incidents import (
    IncidentState,
    Transition,
    TransitionError,
    check_transition,
    queue_rank,
    required_permission,
)
from core.permissions import Permission, PermissionDenied, Principal
from core.text import clean_block
from data.context import STREET_WIDE, ServiceContext, WriteTx
from data.models import (
    Assignment,
    Community,
    Department,
    Incident,
    IncidentEvent,
    IncidentType,
    Unit,
    User,
)
from data.services.incident_guard import bump, check_general
from data.services.sla import BREACH_TABLE, UNANSWERED_KIND
from data.services.stand_down import EVENT_KIND, TABLE, add_event

RECENT = timedelta(hours=12)  # finished assignments stay on the desk this long
PICKS_MAX = 20  # departments and units in one dispatch

ESCALATED_KIND = UNANSWERED_KIND  # announced to supervisors like an SLA breach

_STAMP = {
    AssignmentState.ACCEPTED: "accepted_at",
    AssignmentState.DECLINED: "declined_at",
    AssignmentState.EN_ROUTE: "en_route_at",
    AssignmentState.ON_SCENE: "on_scene_at",
    AssignmentState.DONE: "done_at",
    AssignmentState.CANCELLED: "cancelled_at",
}


# An incident in these states needs nobody any more (resolving stands its assignments down).
_OVER = (IncidentState.RESOLVED.value, IncidentState.CLOSED.value)

# The steps in which a department has taken the work on: its photos belong to the incident.
_WORKING = (
    AssignmentState.ACCEPTED.value,
    AssignmentState.EN_ROUTE.value,
    AssignmentState.ON_SCENE.value,
    AssignmentState.DONE.value,
)


def answers_for(s: Session, who: Principal, incident_id: int) -> bool:
    """True if `who`'s department (as the account stands now) took on work for the incident."""
    dept = s.scalar(select(User.department_id).where(User.id == who.user_id))
    if dept is None:
        return False
    found = s.scalar(
        select(Assignment.id)
        .where(
            Assignment.incident_id == incident_id,
            Assignment.department_id == dept,
            Assignment.state.in_(_WORKING),
        )
        .limit(1)
    )
    return found is not None


@dataclass(frozen=True, slots=True)
class DispatchChoice:
    """What the picker offers for one incident: departments (routed ones first), units."""

    incident_id: int
    title: str
    targets: tuple[DispatchTarget, ...]
    routed: tuple[str, ...]  # department codes the incident's type is routed to


def _select() -> Any:
    return (
        select(
            Assignment,
            Incident.title,
            Incident.location,
            Incident.priority,
            Department.name,
            Department.kind,
            Department.phone,
            Unit.name,
            Unit.phone,
        )
        .join(Incident, Assignment.incident_id == Incident.id)
        .join(Department, Assignment.department_id == Department.id)
        .outerjoin(Unit, Assignment.unit_id == Unit.id)
    )


def _row(found: Any) -> AssignmentRow:
    a, title, location, priority, dname, dkind, dphone, uname, uphone = found
    return AssignmentRow(
        id=a.id,
        incident_id=a.incident_id,
        incident_title=title,
        incident_location=location,
        incident_priority=priority,
        department_id=a.department_id,
        department=dname,
        department_kind=dkind,
        unit=uname,
        phone=uphone or dphone,
        state=AssignmentState(a.state),
        note=a.note,
        decline_reason=a.decline_reason,
        notified_at=a.notified_at,
        accepted_at=a.accepted_at,
        declined_at=a.declined_at,
        en_route_at=a.en_route_at,
        on_scene_at=a.on_scene_at,
        done_at=a.done_at,
        cancelled_at=a.cancelled_at,
        answer_due=a.answer_due,
        version=a.version,
    )


class AssignmentService:
    """Dispatch (the control room), answers (the department's own users), escalation."""

    def __init__(self, ctx: ServiceContext, answer_minutes: dict[str, int] | None = None):
        self.ctx = ctx
        # Per department kind; None: core.assignments.ANSWER_MINUTES.
        self.answer_minutes = answer_minutes

    # --- reads ----------------------------------------------------------------------------
    def choices(self, who: Principal, incident_id: int) -> DispatchChoice:
        """Departments and units for the picker; those the incident's type routes to first."""
        with self.ctx.read() as s:
            inc, ccode = _incident(s, incident_id)
            self.ctx.require(who, Permission.HANDLE_INCIDENTS, ccode or STREET_WIDE)
            routed: tuple[str, ...] = ()
            if inc.type_id is not None:
                t = s.get(IncidentType, inc.type_id)
                routed = tuple(x for x in (t.departments if t else "").split("\n") if x)
            units: dict[int, list[UnitRow]] = {}
            for u in s.scalars(select(Unit).order_by(Unit.code)):
                units.setdefault(u.department_id, []).append(
                    UnitRow(id=u.id, code=u.code, name=u.name, phone=u.phone)
                )
            targets = [
                DispatchTarget(
                    department_id=d.id,
                    code=d.code,
                    name=d.name,
                    kind=d.kind,
                    phone=d.phone,
                    units=tuple(units.get(d.id, ())),
                )
                for d in s.scalars(select(Department).order_by(Department.code))
            ]
        rank = {code: i for i, code in enumerate(routed)}
        targets.sort(key=lambda t: (rank.get(t.code, len(rank)), t.code))
        return DispatchChoice(incident_id, inc.title, tuple(targets), routed)

    def for_incident(self, who: Principal, incident_id: int) -> list[AssignmentRow]:
        """An incident's assignments, oldest first; the same scope as the incident."""
        with self.ctx.read() as s:
            _inc, ccode = _incident(s, incident_id)
            self.ctx.require(who, Permission.VIEW_INCIDENTS, ccode or STREET_WIDE)
            stmt = _select().where(Assignment.incident_id == incident_id).order_by(Assignment.id)
            return [_row(r) for r in s.execute(stmt)]

    def mine(self, who: Principal) -> list[AssignmentRow]:
        """The desk of a department user: open ones (unanswered first), then recent ones."""
        self.ctx.require(who, Permission.RESPOND_ASSIGNMENTS)
        now = self.ctx.clock()
        with self.ctx.read() as s:
            dept = s.scalar(select(User.department_id).where(User.id == who.user_id))
            if dept is None:
                return []
            # Two index reads rather than one OR, which would read every row of the department.
            open_now = _select().where(
                Assignment.state.in_([x.value for x in OPEN_ASSIGNMENT_STATES]),
                Assignment.department_id == dept,
            )
            recent = _select().where(
                Assignment.department_id == dept,
                Assignment.updated_at >= now - RECENT,
                Assignment.state.in_([x.value for x in FINAL_STATES]),
            )
            rows = [_row(r) for q in (open_now, recent) for r in s.execute(self._scoped(q, who))]
            return desk_order(rows, now)

    def open_all(self, who: Principal) -> list[AssignmentRow]:
        """Every open assignment in the user's scope (the control room's view of the desk)."""
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        stmt = _select().where(Assignment.state.in_([x.value for x in OPEN_ASSIGNMENT_STATES]))
        with self.ctx.read() as s:
            rows = [_row(r) for r in s.execute(self._scoped(stmt, who))]
        return desk_order(rows, self.ctx.clock())

    def by_ids(self, who: Principal, ids: Collection[int]) -> list[AssignmentRow]:
        """The given assignments as the user may see them (changed rows to merge)."""
        if not who.can(Permission.VIEW_INCIDENTS) and not who.can(Permission.RESPOND_ASSIGNMENTS):
            self.ctx.require(who, Permission.VIEW_INCIDENTS)
        if not ids:
            return []
        stmt = self._scoped(_select().where(Assignment.id.in_(list(ids))), who)
        with self.ctx.read() as s:
            rows = [_row(r) for r in s.execute(stmt)]
            if who.can(Permission.VIEW_INCIDENTS):
                return rows
            dept = s.scalar(select(User.department_id).where(User.id == who.user_id))
            return [r for r in rows if r.department_id == dept]

    @staticmethod
    def _scoped(stmt: Any, who: Principal) -> Any:
        if not who.can(Permission.VIEW_GENERAL_INCIDENTS):
            # A counsellor's: the risk alerts' assignments alone (the queue's own rule).
            stmt = stmt.where(Incident.restricted != "")
        if who.communities is None:
            return stmt
        ids = select(Community.id).where(Community.code.in_(sorted(who.communities)))
        return stmt.where(Incident.community_id.in_(ids.scalar_subquery()))

    # --- writes ---------------------------------------------------------------------------
    def dispatch(
        self, who: Principal, incident_id: int, picks: Sequence[Pick], note: str = ""
    ) -> list[int]:
        """Notify departments (or their units); the first dispatch moves the incident on.

        An acknowledged incident becomes dispatched in the same transaction; one already
        dispatched or on scene gets more assignments. A department or unit with an open
        assignment for the incident is not notified twice.
        """
        note = clean_block(note)
        if not picks:
            raise AssignmentError("choose at least one department or unit")
        if len(picks) > PICKS_MAX:
            raise AssignmentError(f"at most {PICKS_MAX} departments and units at once")
        check_step(AssignmentState.NOTIFIED, AssignmentState.CANCELLED, note)  # length only
        with self.ctx.write(who) as tx:
            s = tx.session
            inc, ccode = _incident(s, incident_id, lock=True)
            self.ctx.check(tx, Permission.HANDLE_INCIDENTS, ccode or STREET_WIDE)
            check_general(self.ctx, tx, inc, ccode)
            state = IncidentState(inc.state)
            if state not in (
                IncidentState.ACKNOWLEDGED,
                IncidentState.DISPATCHED,
                IncidentState.ON_SCENE,
            ):
                raise TransitionError(
                    f"incident {incident_id} is {state.value}: acknowledge it before dispatching"
                    if state is IncidentState.NEW
                    else f"incident {incident_id} is {state.value}: nothing to dispatch"
                )
            open_now = {
                (a.department_id, a.unit_id)
                for a in s.scalars(
                    select(Assignment).where(
                        Assignment.incident_id == incident_id,
                        Assignment.state.in_([x.value for x in OPEN_ASSIGNMENT_STATES]),
                    )
                )
            }
            made: list[int] = []
            for pick in dict.fromkeys(picks):
                if (pick.department_id, pick.unit_id) in open_now:
                    continue
                dept = s.get(Department, pick.department_id)
                if dept is None:
                    raise LookupError(f"no department {pick.department_id}")
                unit = s.get(Unit, pick.unit_id) if pick.unit_id is not None else None
                if pick.unit_id is not None and (unit is None or unit.department_id != dept.id):
                    raise LookupError(f"no unit {pick.unit_id} in department {dept.code}")
                a = Assignment(
                    incident_id=inc.id,
                    department_id=dept.id,
                    unit_id=unit.id if unit else None,
                    state=AssignmentState.NOTIFIED.value,
                    note=note,
                    decline_reason="",
                    notified_at=tx.now,
                    answer_due=tx.now + answer_within(dept.kind, self.answer_minutes),
                    created_by_id=who.user_id,
                    updated_at=tx.now,
                    version=1,
                )
                s.add(a)
                s.flush()
                made.append(a.id)
                self._event(tx, inc.id, EVENT_KIND[AssignmentState.NOTIFIED], dept.name, unit, note)
                tx.change(TABLE, a.id, "insert")
                tx.audit(
                    AuditAction.ASSIGNMENT_CHANGED,
                    target=f"assignment:{a.id}",
                    detail=f"incident {inc.id}; {dept.code}; notified",
                )
            if not made:
                raise AssignmentError("every department chosen is already on this incident")
            if state is IncidentState.ACKNOWLEDGED:
                self._dispatched(tx, inc, ccode, note)
            tx.change("incident", inc.id, "update")  # its timeline grew
            return made

    def _dispatched(self, tx: WriteTx, inc: Incident, ccode: str | None, note: str) -> None:
        """The incident's own step to dispatched, checked as IncidentService.transition does."""
        current, target = IncidentState(inc.state), IncidentState.DISPATCHED
        self.ctx.check(tx, required_permission(current, target), ccode or STREET_WIDE)
        check_transition(Transition(current, target, note))
        inc.state = target.value
        inc.queue_rank = queue_rank(inc.priority, target)
        inc.updated_at = tx.now
        who = tx.actor
        tx.session.add(
            IncidentEvent(
                incident_id=inc.id,
                ts=tx.now,
                kind="state",
                from_state=current.value,
                to_state=target.value,
                note=note,
                actor_id=who.user_id if isinstance(who, Principal) else None,
                workstation=self.ctx.workstation,
                version=bump(inc),
            )
        )
        tx.audit(
            AuditAction.INCIDENT_CHANGED,
            target=str(inc.id),
            detail=f"{current.value} -> {target.value}",
        )

    def respond(
        self,
        who: Principal,
        assignment_id: int,
        step: AssignmentState,
        note: str = "",
        expected_version: int | None = None,
    ) -> None:
        """The department's answer or report: accept, decline (reason), en route, on scene,
        done (note). Only a user of the assignment's own department, as the account is now."""
        self._step(who, assignment_id, step, note, expected_version, Side.DEPARTMENT)

    def control(
        self,
        who: Principal,
        assignment_id: int,
        step: AssignmentState,
        note: str = "",
        expected_version: int | None = None,
    ) -> None:
        """The control room's steps: cancel an open assignment, or notify a declined or
        cancelled one again."""
        self._step(who, assignment_id, step, note, expected_version, Side.CONTROL)

    def _step(
        self,
        who: Principal,
        assignment_id: int,
        step: AssignmentState,
        note: str,
        expected_version: int | None,
        side: Side,
    ) -> None:
        note = clean_block(note)
        with self.ctx.write(who) as tx:
            s = tx.session
            incident_id = s.scalar(
                select(Assignment.incident_id).where(Assignment.id == assignment_id)
            )
            if incident_id is None:
                raise LookupError(f"no assignment {assignment_id}")
            # The incident first, then the assignment: the order resolving takes them in
            # (stand_down), so a notify-again and a resolve wait for each other, never deadlock
            # and never leave a notified assignment on a resolved incident.
            inc, ccode = _incident(s, incident_id, lock=True)
            a = s.execute(
                select(Assignment).where(Assignment.id == assignment_id).with_for_update()
            ).scalar_one()
            dept = s.get(Department, a.department_id)
            assert dept is not None  # a foreign key
            if side is Side.DEPARTMENT:
                self.ctx.check(tx, Permission.RESPOND_ASSIGNMENTS)
                # Re-read in this transaction: a user moved to another department since
                # signing in answers for the new one only.
                mine = s.scalar(select(User.department_id).where(User.id == who.user_id))
                if mine != a.department_id:
                    raise PermissionDenied(
                        who.username, Permission.RESPOND_ASSIGNMENTS, f"department {dept.code}"
                    )
            else:
                self.ctx.check(tx, Permission.HANDLE_INCIDENTS, ccode or STREET_WIDE)
            current = AssignmentState(a.state)
            if expected_version is not None and a.version != expected_version:
                raise AssignmentError(
                    f"assignment {a.id} changed meanwhile (now {current.value}); look again"
                )
            if check_step(current, step, note) is not side:
                raise AssignmentError(f"the {side.value} may not move {current} to {step}")
            if step is AssignmentState.NOTIFIED and inc.state in _OVER:
                raise AssignmentError(
                    f"incident {inc.id} is {inc.state}: reopen it before notifying again"
                )
            if step in NOT_ARRIVED_STATES | {AssignmentState.ON_SCENE} and inc.state in _OVER:
                # Left from before resolving stood assignments down: nobody needs to go.
                raise AssignmentError(
                    f"incident {inc.id} is already {inc.state}: nobody needs to go"
                )
            a.state = step.value
            a.version += 1
            a.updated_at = tx.now
            if step is AssignmentState.NOTIFIED:
                a.notified_at = tx.now
                a.answer_due = tx.now + answer_within(dept.kind, self.answer_minutes)
                a.escalated_at = None
                for column in _STAMP.values():
                    setattr(a, column, None)
                a.decline_reason = ""
            else:
                setattr(a, _STAMP[step], tx.now)
            if step is AssignmentState.DECLINED:
                a.decline_reason = note
            elif note:
                a.note = note
            unit = s.get(Unit, a.unit_id) if a.unit_id is not None else None
            self._event(tx, inc.id, EVENT_KIND[step], dept.name, unit, note)
            tx.change(TABLE, a.id, "update")
            tx.change("incident", inc.id, "update")
            tx.audit(
                AuditAction.ASSIGNMENT_CHANGED,
                target=f"assignment:{a.id}",
                detail=f"incident {inc.id}; {dept.code}; {current.value} -> {step.value}"
                + (f"; {note}" if step is AssignmentState.DECLINED else ""),
            )

    def escalate_due(self) -> list[int]:
        """Record each assignment still unanswered past its time, once, on its incident's
        timeline; returns those this call recorded.

        Every console may call it: the conditional UPDATE lets exactly one record each.
        """
        now = self.ctx.clock()
        with self.ctx.read() as s:
            due = list(
                s.scalars(
                    select(Assignment.id)
                    .join(Incident, Incident.id == Assignment.incident_id)
                    .where(
                        Assignment.state == AssignmentState.NOTIFIED.value,
                        Assignment.escalated_at.is_(None),
                        Assignment.answer_due <= now,
                        # One left from before resolving stood assignments down: nobody
                        # waits. A duplicate merged away is closed, but its departments may
                        # still be asked: they are escalated as before.
                        or_(Incident.state.notin_(_OVER), Incident.merged_into_id.is_not(None)),
                    )
                )
            )
        done: list[int] = []
        for aid in due:
            with self.ctx.write("system") as tx:
                s = tx.session
                won = s.execute(  # type: ignore[attr-defined]  # a CursorResult
                    update(Assignment)
                    .where(
                        Assignment.id == aid,
                        Assignment.state == AssignmentState.NOTIFIED.value,
                        Assignment.escalated_at.is_(None),
                    )
                    .values(escalated_at=tx.now)
                    .execution_options(synchronize_session=False)
                ).rowcount
                if won != 1:
                    continue  # answered meanwhile, or another console recorded it
                a = s.get(Assignment, aid)
                assert a is not None
                dept = s.get(Department, a.department_id)
                unit = s.get(Unit, a.unit_id) if a.unit_id is not None else None
                event = self._event(
                    tx, a.incident_id, ESCALATED_KIND, dept.name if dept else "", unit, ""
                )
                s.flush()
                tx.change(TABLE, aid, "update")
                # Escalated like any SLA: the supervisors' consoles hear of it as of a breach.
                tx.change(BREACH_TABLE, event.id, "insert")
                tx.change("incident", a.incident_id, "update")
                tx.audit(
                    AuditAction.ASSIGNMENT_CHANGED,
                    target=f"assignment:{aid}",
                    detail=f"incident {a.incident_id}; unanswered since {a.notified_at}",
                )
                done.append(aid)
        return done

    def _event(
        self, tx: WriteTx, incident_id: int, kind: str, dname: str, unit: Unit | None, note: str
    ) -> IncidentEvent:
        return add_event(tx, self.ctx.workstation, incident_id, kind, dname, unit, note)


def _incident(s: Session, incident_id: int, *, lock: bool = False) -> tuple[Incident, str | None]:
    stmt = (
        select(Incident, Community.code)
        .outerjoin(Community, Incident.community_id == Community.id)
        .where(Incident.id == incident_id)
    )
    if lock:
        stmt = stmt.with_for_update(of=Incident)
    found = s.execute(stmt).one_or_none()
    if found is None:
        raise LookupError(f"no incident {incident_id}")
    return found[0], found[1]


__all__ = ["FINAL_STATES", "AssignmentService", "DispatchChoice"]
