"""A resident's recent contacts (incidents, calls, tickets) in the viewer's scope, audited."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.contacts import ContactKind, ContactRow
from core.permissions import Permission, Principal
from data.context import ServiceContext
from data.models import Call, Community, Incident, Resident, ServiceTicket
from data.services.incidents import restricted_hidden
from data.services.residents import target

RECENT = 20  # contacts of each kind: a worker at the counter wants the last few, not a file


class ContactsService:
    """What the street did with a resident lately, for the worker taking their next request.

    The resident must be in the viewer's communities (a station sees only its own); incidents
    are those of the viewer's communities. Every look is an audit row naming the resident,
    as any view of a person's record is; a refusal is audited by the write path.
    """

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def recent(self, who: Principal, resident_id: int, limit: int = RECENT) -> list[ContactRow]:
        """The resident's latest incidents, calls and tickets, newest first."""
        with self.ctx.write(who, Permission.VIEW_RESIDENTS) as tx:
            s = tx.session
            found = s.execute(
                select(Resident.phone, Community.code)
                .join(Community, Resident.community_id == Community.id)
                .where(Resident.id == resident_id)
            ).one_or_none()
            if found is None:
                raise LookupError(f"no resident {resident_id}")
            phone, community = found
            self.ctx.check(tx, Permission.VIEW_RESIDENTS, community)
            actor = tx.actor
            assert isinstance(actor, Principal)
            rows = [
                *self._incidents(s, actor, resident_id, phone, limit),
                *self._calls(s, resident_id, limit),
                *self._tickets(s, actor, resident_id, limit),
            ]
            tx.audit(
                AuditAction.RESIDENT_VIEWED,
                target=target(resident_id),
                detail=json.dumps({"what": "contacts", "rows": len(rows)}),
            )
        rows.sort(key=lambda r: r.at, reverse=True)
        return rows

    @staticmethod
    def _incidents(
        s: Session, who: Principal, resident_id: int, phone: str, limit: int
    ) -> list[ContactRow]:
        linked = select(Call.incident_id).where(
            Call.resident_id == resident_id, Call.incident_id.is_not(None)
        )
        match: list[Any] = [Incident.id.in_(linked.scalar_subquery())]
        if phone:
            match.append(Incident.caller_phone == phone)
        stmt = select(Incident.id, Incident.created_at, Incident.title, Incident.state).where(
            or_(*match)
        )
        stmt = stmt.where(*restricted_hidden(who))
        if who.communities is not None:
            ids = select(Community.id).where(Community.code.in_(sorted(who.communities)))
            stmt = stmt.where(Incident.community_id.in_(ids.scalar_subquery()))
        stmt = stmt.order_by(Incident.created_at.desc(), Incident.id.desc()).limit(limit)
        return [
            ContactRow(ContactKind.INCIDENT, f"incident:{i}", at, title, state)
            for i, at, title, state in s.execute(stmt)
        ]

    @staticmethod
    def _calls(s: Session, resident_id: int, limit: int) -> list[ContactRow]:
        stmt = (
            select(Call.id, Call.started_at, Call.direction, Call.disposition)
            .where(Call.resident_id == resident_id)
            .order_by(Call.started_at.desc(), Call.id.desc())
            .limit(limit)
        )
        return [
            ContactRow(ContactKind.CALL, f"call:{i}", at, direction, disposition)
            for i, at, direction, disposition in s.execute(stmt)
        ]

    @staticmethod
    def _tickets(s: Session, who: Principal, resident_id: int, limit: int) -> list[ContactRow]:
        stmt = select(
            ServiceTicket.id, ServiceTicket.created_at, ServiceTicket.category, ServiceTicket.status
        ).where(ServiceTicket.resident_id == resident_id)
        if who.communities is not None:
            ids = select(Community.id).where(Community.code.in_(sorted(who.communities)))
            stmt = stmt.where(ServiceTicket.community_id.in_(ids.scalar_subquery()))
        stmt = stmt.order_by(ServiceTicket.created_at.desc(), ServiceTicket.id.desc()).limit(limit)
        return [
            ContactRow(ContactKind.TICKET, f"ticket:{i}", at, category, status)
            for i, at, category, status in s.execute(stmt)
        ]
