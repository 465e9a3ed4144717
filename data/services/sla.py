"""SLA breaches: found among the open incidents and recorded once each on the timeline."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Insert, select, text
from sqlalchemy.dialects import postgresql, sqlite

from core.audit import AuditAction
from core.incidents import IncidentState
from core.model import Priority
from core.permissions import Permission, Principal
from core.sla import breached_clocks
from data.context import ServiceContext
from data.models import OPEN_STATES_SQL, Community, Incident, IncidentEvent, IncidentType
from data.services.incidents import IncidentService

BREACH_KIND = "sla_breach"
# change_log rows of this name carry the breach event's id: consoles that route it tell
# their supervisors (console.presenters.sla); the incident row itself did not change.
BREACH_TABLE = "sla_breach"
SYSTEM_ACTOR = "system"
# Breaches written per transaction: each costs an audit row (~4 ms on SQLite), and the writer
# must not be held for minutes when a backlog (after an upgrade, an outage) is found at once.
MAX_PER_RUN = 100


@dataclass(frozen=True, slots=True)
class SlaBreach:
    """A recorded breach: which incident, which target, when it was noticed."""

    event_id: int
    incident_id: int
    title: str
    priority: Priority
    community: str | None
    target: str  # "acknowledge" | "dispatch" | "resolve"
    at: datetime


def _minutes(m: int | None) -> timedelta | None:
    return None if m is None else timedelta(minutes=m)


class SlaService:
    """Finds open incidents past a target and records each breach once, whoever runs it."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def due(self, now: datetime | None = None) -> list[tuple[int, str]]:
        """(incident id, target) pairs past their target and not yet recorded."""
        now = now or self.ctx.clock()
        stmt = (
            select(
                Incident.id,
                Incident.priority,
                Incident.state,
                Incident.created_at,
                IncidentType.acknowledge_minutes,
                IncidentType.resolve_minutes,
                IncidentType.dispatch_minutes,
            )
            .outerjoin(IncidentType, Incident.type_id == IncidentType.id)
            # The literal of the partial queue index, so SQLite uses it (data.services.incidents).
            .where(text(f"incident.{OPEN_STATES_SQL}"))
            .order_by(Incident.id)
        )
        found: list[tuple[int, str]] = []
        with self.ctx.read() as s:
            for iid, prio, state, created, ack, res, disp in s.execute(stmt):
                by_type: Any = None
                if ack is not None and res is not None:
                    by_type = (timedelta(minutes=ack), timedelta(minutes=res), _minutes(disp))
                for clock in breached_clocks(
                    Priority(prio), IncidentState(state), created, now, by_type=by_type
                ):
                    found.append((iid, clock))
            if not found:
                return []
            ids = sorted({i for i, _ in found})
            known: set[tuple[int, str]] = set()
            for chunk in range(0, len(ids), 500):
                known.update(
                    (i, n)
                    for i, n in s.execute(
                        select(IncidentEvent.incident_id, IncidentEvent.note).where(
                            IncidentEvent.kind == BREACH_KIND,
                            IncidentEvent.incident_id.in_(ids[chunk : chunk + 500]),
                        )
                    )
                )
        return [pair for pair in found if pair not in known]

    def record_breaches(self, now: datetime | None = None, limit: int = MAX_PER_RUN) -> list[int]:
        """Record up to `limit` new breaches as incident_events of kind "sla_breach"; their ids.

        Oldest incidents first; a caller that gets `limit` ids back calls again for the rest.

        Written by the system, not by whoever is signed in: a breach is a fact of the clock,
        not anyone's act. Several workstations may run this at the same moment; the unique
        index of migration 0010 lets one row per incident and target in, the others insert
        nothing and record nothing else.
        """
        due = self.due(now)[:limit]
        if not due:
            return []
        recorded: list[int] = []
        with self.ctx.write(SYSTEM_ACTOR) as tx:
            s = tx.session
            dialect = s.get_bind().dialect.name
            for incident_id, target in due:
                event_id = s.scalar(self._insert(dialect, incident_id, target, tx.now))
                if event_id is None:
                    continue  # another workstation was first
                recorded.append(int(event_id))
                tx.change(BREACH_TABLE, int(event_id), "insert")
                # The incident window re-reads its timeline on an incident change.
                tx.change("incident", incident_id, "update")
                tx.audit(AuditAction.SLA_BREACHED, target=str(incident_id), detail=target)
        return recorded

    def _insert(self, dialect: str, incident_id: int, target: str, now: datetime) -> Any:
        values = {
            "incident_id": incident_id,
            "ts": now,
            "kind": BREACH_KIND,
            "note": target,
            "actor_id": None,
            "workstation": self.ctx.workstation,
        }
        where = text(f"kind = '{BREACH_KIND}'")
        stmt: Insert
        if dialect == "postgresql":
            stmt = (
                postgresql.insert(IncidentEvent)
                .values(values)
                .on_conflict_do_nothing(index_elements=["incident_id", "note"], index_where=where)
            )
        else:
            stmt = (
                sqlite.insert(IncidentEvent)
                .values(values)
                .on_conflict_do_nothing(index_elements=["incident_id", "note"], index_where=where)
            )
        return stmt.returning(IncidentEvent.id)

    def breaches(self, who: Principal, event_ids: Collection[int]) -> list[SlaBreach]:
        """The given breach events of incidents within `who`'s scope (others left out)."""
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        if not event_ids:
            return []
        stmt = (
            select(IncidentEvent, Incident.title, Incident.priority, Community.code)
            .join(Incident, IncidentEvent.incident_id == Incident.id)
            .outerjoin(Community, Incident.community_id == Community.id)
            .where(IncidentEvent.id.in_(list(event_ids)), IncidentEvent.kind == BREACH_KIND)
            .order_by(IncidentEvent.id)
        )
        stmt = IncidentService._scoped(stmt, who)
        with self.ctx.read() as s:
            return [
                SlaBreach(
                    event_id=e.id,
                    incident_id=e.incident_id,
                    title=title,
                    priority=Priority(prio),
                    community=code,
                    target=e.note,
                    at=e.ts,
                )
                for e, title, prio, code in s.execute(stmt)
            ]
