"""A resolved incident stands down its assignments not yet at the scene."""

from __future__ import annotations

from sqlalchemy import select

from core.assignments import NOT_ARRIVED_STATES, AssignmentState
from core.audit import AuditAction
from core.permissions import Principal
from data.context import WriteTx
from data.models import Assignment, Department, IncidentEvent, Unit

TABLE = "assignment"
# The timeline entry of each step (widgets show it translated).
EVENT_KIND = {s: f"assignment_{s.value}" for s in AssignmentState}


def who_text(dname: str, uname: str | None) -> str:
    """A department, and its unit when there is one, as the timeline names them."""
    return f"{dname} · {uname}" if uname else dname


def add_event(
    tx: WriteTx,
    workstation: str,
    incident_id: int,
    kind: str,
    dname: str,
    unit: Unit | None,
    note: str,
) -> IncidentEvent:
    """An assignment's entry on its incident's timeline: who (department · unit), and the note."""
    who = tx.actor
    text = who_text(dname, unit.name if unit else None)
    event = IncidentEvent(
        incident_id=incident_id,
        ts=tx.now,
        kind=kind,
        note=f"{text} — {note}" if note else text,
        actor_id=who.user_id if isinstance(who, Principal) else None,
        workstation=workstation,
    )
    tx.session.add(event)
    return event


STAND_DOWN_NOTE = "事件已处置，无需再出动"  # site language: the departments' desks read it


def stand_down(tx: WriteTx, incident_id: int, workstation: str, why: str = "resolved") -> int:
    """Cancel the incident's assignments not yet at the scene, in the caller's transaction
    (the incident is being resolved or closed); returns how many.

    Left open, they stayed on the departments' desks as work to accept, and the unanswered
    ones were escalated to supervisors minutes after the incident was over.
    """
    s = tx.session
    found = s.scalars(
        select(Assignment)
        .where(
            Assignment.incident_id == incident_id, Assignment.state.in_(sorted(NOT_ARRIVED_STATES))
        )
        .order_by(Assignment.id)
        .with_for_update()
    ).all()
    for a in found:
        before = a.state
        a.state = AssignmentState.CANCELLED.value
        a.version += 1
        a.updated_at = tx.now
        a.cancelled_at = tx.now
        a.note = STAND_DOWN_NOTE
        dept = s.get(Department, a.department_id)
        unit = s.get(Unit, a.unit_id) if a.unit_id is not None else None
        kind = EVENT_KIND[AssignmentState.CANCELLED]
        add_event(
            tx, workstation, incident_id, kind, dept.name if dept else "", unit, STAND_DOWN_NOTE
        )
        tx.change(TABLE, a.id, "update")
        tx.audit(
            AuditAction.ASSIGNMENT_CHANGED,
            target=f"assignment:{a.id}",
            detail=f"incident {incident_id}; {dept.code if dept else ''}; {before} -> cancelled"
            f"; incident {why}",
        )
    return len(found)
