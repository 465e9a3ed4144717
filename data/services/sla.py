"""SLA breaches: found among the open incidents and recorded once each on the timeline."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, Exists, and_, exists, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from core.audit import AuditAction
from core.incidents import OPEN_STATES, IncidentState
from core.model import Priority
from core.permissions import Permission, Principal
from core.sla import RUNNING, SLA_CLOCKS, breached_clocks, earliest_targets, stopped_late
from data.context import ServiceContext
from data.db import upsert_insert
from data.models import (
    OPEN_STATES_SQL,
    STEP_EVENTS_SQL,
    Community,
    Incident,
    IncidentEvent,
    IncidentType,
)
from data.services.incidents import IncidentService

BREACH_KIND = "sla_breach"
# change_log rows of this name carry the breach event's id: consoles that route it tell
# their supervisors (console.presenters.sla); the incident row itself did not change.
BREACH_TABLE = "sla_breach"
# An assignment unanswered past its time (data.services.assignments) is announced the same way.
UNANSWERED_KIND = "assignment_unanswered"
ANSWER_TARGET = "answer:"
SYSTEM_ACTOR = "system"
# Breaches written per transaction: each costs an audit row (~4 ms on SQLite), and the writer
# must not be held for minutes when a backlog (after an upgrade, an outage) is found at once.
MAX_PER_RUN = 100
# How far back the check looks for steps taken after their target (acknowledged, dispatched or
# resolved late while no console was running): a night or a day off with nobody signed in.
# Only a console's first run reads it all; the later ones read since the run before.
STEP_WINDOW = timedelta(days=1)
# Once a run has read them, the next reads only the steps since shortly before it: a step is
# timed when its write begins, and another workstation's clock may be a little off.
STEP_MARGIN = timedelta(minutes=15)


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


def _by_type(ack: int | None, res: int | None, disp: int | None) -> Any:
    """The type's own targets for core.sla, or None for the priority's defaults."""
    if ack is None or res is None:
        return None
    return (timedelta(minutes=ack), timedelta(minutes=res), _minutes(disp))


# Built once: an alias costs more to build than the check takes to run.
_BREACH = {c: aliased(IncidentEvent, name=f"breach_{c}") for c in SLA_CLOCKS}
_STEP = aliased(IncidentEvent, name="step")


def _recorded(incident_id: Any, clock: str) -> Exists:
    """Whether the breach of `clock` is on the incident's timeline (the unique index of 0010)."""
    breach = _BREACH[clock]
    return exists().where(
        breach.incident_id == incident_id,
        # Literal, so SQLite sees the predicate of the partial index.
        text(f"breach_{clock}.kind = '{BREACH_KIND}'"),
        breach.note == clock,
    )


def _elapsed_at_least(
    dialect: str, later: Any, earlier: Any, span: timedelta
) -> ColumnElement[bool]:
    """`later - earlier >= span`, give or take a second (a filter; core.sla decides)."""
    span -= timedelta(seconds=1)  # SQLite's day fractions are floats
    if dialect == "sqlite":
        days = func.julianday(later) - func.julianday(earlier)
        return days >= span.total_seconds() / 86400
    return cast(ColumnElement[bool], (later - earlier) >= span)


class SlaService:
    """Finds open incidents past a target and records each breach once, whoever runs it."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        # Steps before this were checked by an earlier run here (None: none yet, the whole
        # STEP_WINDOW is read). Only record_breaches moves it, once all it found is recorded.
        self._steps_checked: datetime | None = None

    def due(self, now: datetime | None = None, limit: int | None = None) -> list[tuple[int, str]]:
        """(incident id, target) pairs past their target and not yet recorded, oldest first.

        Open items whose clock runs past its target, and recent steps taken after theirs
        (acknowledged, dispatched or resolved late while no console looked). With `limit`,
        only the first so many.
        """
        now = now or self.ctx.clock()
        since = now - STEP_WINDOW
        if self._steps_checked is not None:
            since = max(since, self._steps_checked)
        with self.ctx.read() as s:
            types = [
                (timedelta(minutes=a), timedelta(minutes=r), _minutes(d))
                for a, r, d in s.execute(
                    select(
                        IncidentType.acknowledge_minutes,
                        IncidentType.resolve_minutes,
                        IncidentType.dispatch_minutes,
                    )
                )
            ]
            earliest = earliest_targets(types)
            dialect = s.get_bind().dialect.name
            found = self._running_late(s, now, earliest, limit)
            found += self._stopped_late(s, since, earliest, dialect)
        order = {c: n for n, c in enumerate(SLA_CLOCKS)}
        return sorted(set(found), key=lambda p: (p[0], order[p[1]]))[:limit]

    @staticmethod
    def _running_late(
        s: Session, now: datetime, earliest: dict[str, timedelta], limit: int | None
    ) -> list[tuple[int, str]]:
        """Open items past a running clock's target and not recorded, by id (`limit` pairs)."""
        # Only the items that may be past a clock still running in their state and whose
        # breach of it is not recorded yet: raised before that clock's earliest target, and
        # without the breach row. The rest is decided below, by the queue colours' own rule.
        maybe = []
        for clock in SLA_CLOCKS:
            cond = [Incident.created_at <= now - earliest[clock], ~_recorded(Incident.id, clock)]
            if RUNNING[clock] != OPEN_STATES:
                cond.append(Incident.state.in_(sorted(RUNNING[clock])))
            maybe.append(and_(*cond))
        stmt = (
            select(
                Incident.id,
                Incident.priority,
                Incident.state,
                Incident.created_at,
                IncidentType.acknowledge_minutes,
                IncidentType.resolve_minutes,
                IncidentType.dispatch_minutes,
                *(_recorded(Incident.id, c) for c in SLA_CLOCKS),
            )
            .outerjoin(IncidentType, Incident.type_id == IncidentType.id)
            # The literal of the partial open-state indexes, so SQLite uses one: ix_incident_sla
            # (0017) answers the filter without reading the table.
            .where(
                text(f"incident.{OPEN_STATES_SQL}"),
                # The widest age bound on its own: a range on ix_incident_sla's first column.
                Incident.created_at <= now - min(earliest.values()),
                or_(*maybe),
            )
            .order_by(Incident.id)
        )
        found: list[tuple[int, str]] = []
        for iid, prio, state, created, ack, res, disp, *done in s.execute(stmt):
            recorded = {c for c, flag in zip(SLA_CLOCKS, done, strict=True) if flag}
            for clock in breached_clocks(
                Priority(prio), IncidentState(state), created, now, by_type=_by_type(ack, res, disp)
            ):
                if clock not in recorded:
                    found.append((iid, clock))
            if limit is not None and len(found) >= limit:
                break  # a backlog: the rest in the next batch
        return found

    @staticmethod
    def _stopped_late(
        s: Session, since: datetime, earliest: dict[str, timedelta], dialect: str
    ) -> list[tuple[int, str]]:
        """Steps since `since` taken after their target and not recorded."""
        step = _STEP
        # Only the steps that stopped a clock at least its earliest target after the item was
        # raised and whose breach is not recorded: on-time steps, most of them, stay in SQL.
        maybe = [
            and_(
                step.from_state.in_(sorted(RUNNING[clock])),
                step.to_state.not_in(sorted(RUNNING[clock])),
                _elapsed_at_least(dialect, step.ts, Incident.created_at, earliest[clock]),
                ~_recorded(Incident.id, clock),
            )
            for clock in SLA_CLOCKS
        ]
        stmt = (
            select(
                Incident.id,
                step.from_state,
                step.to_state,
                step.ts,
                Incident.priority,
                Incident.created_at,
                IncidentType.acknowledge_minutes,
                IncidentType.resolve_minutes,
                IncidentType.dispatch_minutes,
                *(_recorded(Incident.id, c) for c in SLA_CLOCKS),
            )
            .select_from(step)
            .join(Incident, step.incident_id == Incident.id)
            .outerjoin(IncidentType, Incident.type_id == IncidentType.id)
            # The literal of the partial step index of 0017, so SQLite uses it.
            .where(text(STEP_EVENTS_SQL), step.ts >= since, or_(*maybe))
        )
        found: list[tuple[int, str]] = []
        for iid, before, after, at, prio, created, ack, res, disp, *done in s.execute(stmt):
            if before is None or after is None:
                continue  # ruled out by the IN lists; for the type checker
            recorded = {c for c, flag in zip(SLA_CLOCKS, done, strict=True) if flag}
            for clock in stopped_late(
                Priority(prio),
                IncidentState(before),
                IncidentState(after),
                created,
                at,
                by_type=_by_type(ack, res, disp),
            ):
                if clock not in recorded:
                    found.append((iid, clock))
        return found

    def record_breaches(self, now: datetime | None = None, limit: int = MAX_PER_RUN) -> list[int]:
        """Record up to `limit` new breaches as incident_events of kind "sla_breach"; their ids.

        Oldest incidents first; a caller that gets `limit` ids back calls again for the rest.

        Written by the system, not by whoever is signed in: a breach is a fact of the clock,
        not anyone's act. Several workstations may run this at the same moment; the unique
        index of migration 0010 lets one row per incident and target in, the others insert
        nothing and record nothing else.
        """
        now = now or self.ctx.clock()
        due = self.due(now, limit)
        if not due:
            self._checked(now)
            return []
        recorded: list[int] = []
        with self.ctx.write(SYSTEM_ACTOR) as tx:
            s = tx.session
            for incident_id, target in due:
                event_id = s.scalar(self._insert(s, incident_id, target, tx.now))
                if event_id is None:
                    continue  # another workstation was first
                recorded.append(int(event_id))
                tx.change(BREACH_TABLE, int(event_id), "insert")
                # The incident window re-reads its timeline on an incident change.
                tx.change("incident", incident_id, "update")
                tx.audit(AuditAction.SLA_BREACHED, target=str(incident_id), detail=target)
        if len(due) < limit:
            self._checked(now)  # else the rest of a backlog, steps among it, comes next
        return recorded

    def _checked(self, now: datetime) -> None:
        """The steps up to `now` are recorded: the next run reads from a margin before it."""
        mark = now - STEP_MARGIN
        if self._steps_checked is None or mark > self._steps_checked:
            self._steps_checked = mark

    def _insert(self, s: Session, incident_id: int, target: str, now: datetime) -> Any:
        values = {
            "incident_id": incident_id,
            "ts": now,
            "kind": BREACH_KIND,
            "note": target,
            "actor_id": None,
            "workstation": self.ctx.workstation,
        }
        where = text(f"kind = '{BREACH_KIND}'")
        stmt = (
            upsert_insert(s, IncidentEvent)
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
            .where(
                IncidentEvent.id.in_(list(event_ids)),
                IncidentEvent.kind.in_((BREACH_KIND, UNANSWERED_KIND)),
            )
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
                    # An unanswered assignment: "answer:" and who did not answer.
                    target=e.note if e.kind == BREACH_KIND else f"{ANSWER_TARGET}{e.note}",
                    at=e.ts,
                )
                for e, title, prio, code in s.execute(stmt)
            ]
