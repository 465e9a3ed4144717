"""Editing an incident's priority, type, location and title against the version a window showed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from core.audit import AuditAction
from core.incident_edit import EditError, EditField, IncidentChanges, needs_reason
from core.incidents import IncidentState, queue_rank
from core.model import Priority
from core.permissions import Permission, Principal
from data.context import STREET_WIDE
from data.models import IncidentEvent, IncidentType
from data.services.incident_guard import bump, check_general
from data.services.incident_search import index_incident

if TYPE_CHECKING:
    from data.services.incidents import IncidentService


def edit_incident(
    service: IncidentService,
    who: Principal,
    incident_id: int,
    expected_version: int,
    changes: IncidentChanges,
) -> int:
    """Apply `changes` if the incident is still at `expected_version`; returns the new version.

    Refused with IncidentConflict (nothing written) when another save came first. One timeline
    entry per changed field, one audit row; the queue's sort key follows the priority.
    """
    changes = changes.cleaned()
    ctx = service.ctx
    with ctx.write(who) as tx:
        s = tx.session
        inc, ccode = service.locked_row(s, incident_id)
        ctx.check(tx, Permission.HANDLE_INCIDENTS, ccode or STREET_WIDE)
        check_general(ctx, tx, inc, ccode)
        service._expect(s, inc, expected_version)
        state = IncidentState(inc.state)
        if inc.merged_into_id is not None:
            raise EditError(
                f"incident {incident_id} was merged into #{inc.merged_into_id}: edit that one"
            )
        if state is IncidentState.CLOSED or inc.anonymised_at is not None:
            # A reviewed incident is a record: reopen it first, with a reason.
            raise EditError(f"incident {incident_id} is {state.value}: reopen it to edit it")
        before_type = s.get(IncidentType, inc.type_id) if inc.type_id is not None else None
        lines: list[tuple[EditField, str]] = []
        if changes.priority is not None and changes.priority != inc.priority:
            old = Priority(inc.priority)
            if needs_reason(old, changes.priority) and not changes.note:
                raise EditError(f"lowering a {old.name} needs a reason")
            text = f"{old.name} → {changes.priority.name}"
            lines.append((EditField.PRIORITY, f"{text} · {changes.note}" if changes.note else text))
            inc.priority = int(changes.priority)
            inc.queue_rank = queue_rank(inc.priority, state)
        if changes.type_code is not None and changes.type_code != (
            before_type.code if before_type else None
        ):
            new_type = s.scalar(select(IncidentType).where(IncidentType.code == changes.type_code))
            if new_type is None:
                raise ValueError(f"unknown incident type {changes.type_code!r}")
            was = before_type.name if before_type else "—"
            lines.append((EditField.TYPE, f"{was} → {new_type.name}"))
            inc.type_id = new_type.id
        if changes.location is not None and changes.location != inc.location:
            lines.append((EditField.LOCATION, f"{inc.location or '—'} → {changes.location or '—'}"))
            inc.location = changes.location
        if changes.title is not None and changes.title != inc.title:
            lines.append((EditField.TITLE, f"{inc.title} → {changes.title}"))
            inc.title = changes.title
        if not lines:
            return inc.version  # nothing differs: no entry, no new version
        version = bump(inc)
        inc.updated_at = tx.now
        if any(k in (EditField.LOCATION, EditField.TITLE) for k, _ in lines):
            s.flush()
            index_incident(s, inc)  # History search finds the new words
        for kind, note in lines:
            s.add(
                IncidentEvent(
                    incident_id=inc.id,
                    ts=tx.now,
                    kind=kind.value,
                    note=note,
                    actor_id=who.user_id,
                    workstation=ctx.workstation,
                    version=version,
                )
            )
        tx.change("incident", inc.id, "update")
        tx.audit(
            AuditAction.INCIDENT_CHANGED,
            target=str(inc.id),
            # Which fields, not their text: locations may name people (the timeline has it).
            detail="edited " + ", ".join(k.value.removeprefix("edit_") for k, _ in lines),
        )
        return version
