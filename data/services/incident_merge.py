"""Possible duplicates of an incident, merging one into another, and quick templates."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from core.audit import AuditAction
from core.duplicates import (
    DEFAULT_WINDOW_MINUTES,
    Candidate,
    Draft,
    JoinedEvent,
    MergeView,
    Suggestion,
    is_draft_searchable,
    suggest,
)
from core.incidents import NOTE_MAX, OPEN_STATES, IncidentState, TransitionError, queue_rank
from core.permissions import Permission, Principal
from core.templates import QuickTemplate, decode_templates
from core.text import clean_block
from data.context import STREET_WIDE, ServiceContext
from data.models import Community, Incident, IncidentEvent, IncidentType, SiteMeta, User
from data.services.incident_guard import bump, check_general
from data.services.incidents import IncidentService

TABLE = "incident"
WINDOW_META = "duplicate_minutes"  # site_meta key, from the site file's [site] table
CANDIDATES_MAX = 500  # incidents read around one moment; more would be an outage, not a rule
_NEAR_STATES = sorted(s.value for s in (*OPEN_STATES, IncidentState.RESOLVED))


class MergeError(TransitionError):
    """A merge the rules do not allow (the same incident, one already merged, one closed)."""


class IncidentMergeService:
    """Reads need the incident view; a merge needs the right to handle both incidents."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    @staticmethod
    def _window(s: Session) -> timedelta:
        meta = s.get(SiteMeta, WINDOW_META)
        try:
            minutes = int(meta.value) if meta is not None else DEFAULT_WINDOW_MINUTES
        except ValueError:
            minutes = DEFAULT_WINDOW_MINUTES
        return timedelta(minutes=max(1, minutes))

    # --- reads ----------------------------------------------------------------------------
    def duplicates_for(self, who: Principal, draft: Draft | int) -> list[Suggestion]:
        """Possible duplicates of an incident being entered, or of one in the queue (by id).

        Only incidents within the window around it (the created_at index bounds the read),
        open or resolved, not merged, in the user's scope.
        """
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        with self.ctx.read() as s:
            if isinstance(draft, int):
                draft = self._draft_of(s, who, draft)
            if not is_draft_searchable(draft):
                return []
            window = self._window(s)
            stmt = (
                select(Incident, Community.code)
                .outerjoin(Community, Incident.community_id == Community.id)
                .where(
                    Incident.created_at >= draft.at - window,
                    Incident.created_at <= draft.at + window,
                    Incident.state.in_(_NEAR_STATES),
                    Incident.merged_into_id.is_(None),
                )
                .order_by(Incident.created_at.desc())
                .limit(CANDIDATES_MAX)
            )
            stmt = IncidentService._scoped(stmt, who)
            candidates = [
                Candidate(
                    id=i.id,
                    title=i.title,
                    state=IncidentState(i.state),
                    created_at=i.created_at,
                    community=code,
                    location=i.location,
                    caller_name=i.caller_name,
                    caller_phone=i.caller_phone,
                )
                for i, code in s.execute(stmt)
            ]
        return suggest(draft, candidates, window)

    def _draft_of(self, s: Session, who: Principal, incident_id: int) -> Draft:
        found = s.execute(
            select(Incident, Community.code)
            .outerjoin(Community, Incident.community_id == Community.id)
            .where(Incident.id == incident_id)
        ).one_or_none()
        if found is None:
            raise LookupError(f"no incident {incident_id}")
        inc, code = found
        self.ctx.require(who, Permission.VIEW_INCIDENTS, code or STREET_WIDE)
        return Draft(
            at=inc.created_at,
            caller_phone=inc.caller_phone,
            caller_name=inc.caller_name,
            community=code,
            location=inc.location,
            exclude_id=inc.id,
        )

    def merge_view(self, who: Principal, incident_id: int) -> MergeView:
        """What the incident was merged into, what was merged into it, and their timelines."""
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        actor = aliased(User)
        with self.ctx.read() as s:
            found = s.execute(
                select(Incident.merged_into_id, Community.code)
                .outerjoin(Community, Incident.community_id == Community.id)
                .where(Incident.id == incident_id)
            ).one_or_none()
            if found is None:
                raise LookupError(f"no incident {incident_id}")
            into, code = found
            self.ctx.require(who, Permission.VIEW_INCIDENTS, code or STREET_WIDE)
            merged = tuple(
                s.scalars(
                    select(Incident.id)
                    .where(Incident.merged_into_id == incident_id)
                    .order_by(Incident.id)
                )
            )
            joined: list[JoinedEvent] = []
            if merged:
                rows = s.execute(
                    select(IncidentEvent, actor.display_name)
                    .outerjoin(actor, IncidentEvent.actor_id == actor.id)
                    .where(IncidentEvent.incident_id.in_(merged))
                    .order_by(IncidentEvent.ts, IncidentEvent.id)
                )
                joined = [_joined(e, name) for e, name in rows]
        return MergeView(incident_id, into, merged, tuple(joined))

    def templates(self, who: Principal) -> dict[str, tuple[QuickTemplate, ...]]:
        """Quick templates by incident type code (types without any left out)."""
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        with self.ctx.read() as s:
            rows = s.execute(select(IncidentType.code, IncidentType.templates)).all()
        return {code: t for code, stored in rows if (t := decode_templates(stored or ""))}

    # --- the merge ------------------------------------------------------------------------
    def merge(self, who: Principal, survivor_id: int, merged_id: int, note: str = "") -> None:
        """Merge `merged_id` into `survivor_id`: the merged one is closed and points to the
        survivor; both timelines say so; the survivor's window shows the merged timeline.

        Not undone; a merged incident takes no further step (core.incidents via the service).
        """
        note = clean_block(note)
        if len(note) > NOTE_MAX:
            raise ValueError(f"a note has at most {NOTE_MAX} characters")
        if survivor_id == merged_id:
            raise MergeError("an incident cannot be merged into itself")
        with self.ctx.write(who) as tx:
            s = tx.session
            # Locked in id order: two workstations merging the same pair cannot deadlock.
            locked = {}
            for iid in sorted((survivor_id, merged_id)):
                locked[iid] = IncidentService.locked_row(s, iid)
            survivor, scode = locked[survivor_id]
            merged, mcode = locked[merged_id]
            self.ctx.check(tx, Permission.HANDLE_INCIDENTS, scode or STREET_WIDE)
            self.ctx.check(tx, Permission.HANDLE_INCIDENTS, mcode or STREET_WIDE)
            check_general(self.ctx, tx, survivor, scode)
            check_general(self.ctx, tx, merged, mcode)
            for inc in (survivor, merged):
                if inc.merged_into_id is not None:
                    raise MergeError(
                        f"incident {inc.id} was already merged into #{inc.merged_into_id}"
                    )
            if IncidentState(merged.state) is IncidentState.CLOSED:
                raise MergeError(f"incident {merged.id} is closed: there is nothing to merge")
            if IncidentState(survivor.state) is IncidentState.CLOSED:
                raise MergeError(f"incident {survivor.id} is closed: merge into an open one")
            before = IncidentState(merged.state)
            merged.state = IncidentState.CLOSED.value
            merged.queue_rank = queue_rank(merged.priority, IncidentState.CLOSED)
            merged.merged_into_id = survivor.id
            for inc in (survivor, merged):
                inc.updated_at = tx.now
            s.add_all(
                [
                    IncidentEvent(
                        incident_id=merged.id,
                        ts=tx.now,
                        kind="merged_into",
                        from_state=before.value,
                        to_state=IncidentState.CLOSED.value,
                        note=_with_number(survivor.id, note),
                        actor_id=who.user_id,
                        workstation=self.ctx.workstation,
                        version=bump(merged),
                    ),
                    IncidentEvent(
                        incident_id=survivor.id,
                        ts=tx.now,
                        kind="merged_from",
                        note=_with_number(merged.id, note),
                        actor_id=who.user_id,
                        workstation=self.ctx.workstation,
                        version=bump(survivor),
                    ),
                ]
            )
            tx.change(TABLE, merged.id, "update")
            tx.change(TABLE, survivor.id, "update")
            tx.audit(
                AuditAction.INCIDENT_MERGED,
                target=str(merged.id),
                detail=f"into {survivor.id}: {before.value} -> closed",
            )


def _with_number(incident_id: int, note: str) -> str:
    return f"#{incident_id} {note}".strip()


def _joined(e: IncidentEvent, name: str | None) -> JoinedEvent:
    return JoinedEvent(
        source_id=e.incident_id,
        ts=e.ts,
        kind=e.kind,
        from_state=IncidentState(e.from_state) if e.from_state else None,
        to_state=IncidentState(e.to_state) if e.to_state else None,
        note=e.note,
        actor=name,
        workstation=e.workstation,
    )
