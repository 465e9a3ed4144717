"""Calls: each call's phases from the line's reports, the callback list, and what became of each.

The gateway (hardware/sip) reports facts: a call rang, was answered, ended, a caller got 486.
`record` and `refused` keep one row per call from them, idempotently, in the name of the
operator who acted or of "system" for the line's own facts. Operators then link each answered
call to an incident (a new one, source CALL, or one in the queue) or close it as "no incident"
with a reason; missed callers wait on the callback list until someone reaches them.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select, text, true
from sqlalchemy.orm import Session, aliased

from core.assignments import DispatchTarget, UnitRow
from core.audit import AuditAction
from core.call_log import (
    DISPLAY_MAX,
    MISSED_ENDS,
    NUMBER_MAX,
    CallbackRow,
    CalledBack,
    CallRow,
    Disposition,
    NoIncidentReason,
    reason_problem,
)
from core.calls import CallDirection, CallEnd, CallInfo, CallPhase, CallRefused, GatewayState
from core.duplicates import phone_digits
from core.incidents import IncidentState
from core.model import DeviceState, IncidentSource, Priority
from core.permissions import Permission, Principal
from core.text import clean_line
from data.context import STREET_WIDE, ServiceContext, WriteTx
from data.models import (
    CALLBACK_SQL,
    UNDISPOSED_SQL,
    Call,
    Community,
    Department,
    Device,
    Incident,
    IncidentEvent,
    Resident,
    Unit,
    User,
)
from data.services.incidents import IncidentService

log = logging.getLogger(__name__)

TABLE = "call"
LINK_KIND = "call_linked"  # the incident timeline's entry of a linked call; note: "call:<id>"
RECENT = 50  # ended calls the pane lists besides the live and the undisposed ones
CALLBACKS_MAX = 200  # missed calls read for the callback list (a bound, said on screen)
DETAIL_MAX = 300  # device.detail


class CallStateError(ValueError):
    """A call cannot take this step in its state (already linked, never answered …)."""


@dataclass(frozen=True, slots=True)
class CallbackList:
    """The callback list and the latest callbacks made, for the pane's tab."""

    waiting: list[CallbackRow]
    done: list[CalledBack]
    capped: bool  # more missed calls than CALLBACKS_MAX: the oldest are not grouped in


def _cut(value: str, limit: int) -> str:
    return clean_line(value)[:limit]


def _phase_rank(phase: str) -> int:
    """Later phases never give way to earlier ones arriving late (ended is final)."""
    return {"ringing": 0, "dialing": 0, "active": 1, "held": 1, "ended": 2}.get(phase, 0)


class CallService:
    """Call rows of this workstation's line, the callback list, and each call's disposition."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self._incidents = IncidentService(ctx)

    # --- the line's reports ---------------------------------------------------------------
    def record(
        self,
        info: CallInfo,
        *,
        by: Principal | None = None,
        callback_of: int | None = None,
    ) -> int:
        """Keep a call's phase as the gateway reported it; returns the call's row id.

        Idempotent: the same report again changes nothing. `by` is the operator who made this
        happen (answered it, dialled it); None records the line's own fact as "system".
        `callback_of` links an outbound call to the missed call it calls back; once it is
        answered, every missed call from that number counts as called back.
        """
        actor: Principal | str = by if by is not None else "system"
        permission = Permission.HANDLE_CALLS if by is not None else None
        with self.ctx.write(actor, permission) as tx:
            s = tx.session
            row = s.scalars(
                select(Call)
                .where(
                    Call.workstation == self.ctx.workstation,
                    Call.gateway_call_id == info.call_id[:64],
                    Call.started_at == info.started_at,
                )
                .with_for_update()
            ).one_or_none()
            if row is None:
                row = self._insert(tx, info, callback_of)
            else:
                self._update(tx, row, info, by)
            if (
                row.callback_of_id is not None
                and row.answered_at is not None
                and row.called_back_at is None
            ):
                # Reached: the missed calls of that number are called back (once).
                row.called_back_at = row.answered_at
                self._mark_called_back(tx, row.number, row.answered_at, by, row.id)
            return row.id

    def _insert(self, tx: WriteTx, info: CallInfo, callback_of: int | None) -> Call:
        s = tx.session
        number = _cut(info.number, NUMBER_MAX)
        row = Call(
            gateway_call_id=info.call_id[:64],
            sip_call_id=info.sip_call_id[:200],
            direction=info.direction.value,
            phase=info.phase.value,
            number=number,
            display=_cut(info.display, DISPLAY_MAX),
            workstation=self.ctx.workstation,
            started_at=info.started_at,
            answered_at=info.answered_at,
            answered_by_id=(
                tx.actor.user_id if isinstance(tx.actor, Principal) and info.answered_at else None
            ),
            ended_at=info.ended_at,
            end_reason=info.end.value if info.end else None,
            recording=str(info.recording or "")[:500],
            resident_id=self._resident_for(s, number),
            disposition=Disposition.OPEN.value,
            no_incident_reason="",
            callback_of_id=callback_of,
        )
        s.add(row)
        s.flush()
        tx.change(TABLE, row.id, "insert")
        tx.audit(AuditAction.CALL_RECORDED, target=f"call:{row.id}", detail=info.phase.value)
        return row

    def _update(self, tx: WriteTx, row: Call, info: CallInfo, by: Principal | None) -> None:
        before = (row.phase, row.answered_at, row.ended_at, row.end_reason, row.recording)
        if _phase_rank(info.phase.value) >= _phase_rank(row.phase) and row.phase != "ended":
            row.phase = info.phase.value
        if info.answered_at is not None and row.answered_at is None:
            row.answered_at = info.answered_at
            if by is not None:
                row.answered_by_id = by.user_id
        if info.ended_at is not None and row.ended_at is None:
            row.ended_at = info.ended_at
            row.end_reason = info.end.value if info.end else CallEnd.FAILED.value
        if info.recording is not None and not row.recording:
            row.recording = str(info.recording)[:500]
        if info.sip_call_id and not row.sip_call_id:
            row.sip_call_id = info.sip_call_id[:200]
        after = (row.phase, row.answered_at, row.ended_at, row.end_reason, row.recording)
        if after == before:
            return
        tx.change(TABLE, row.id, "update")
        if before[0] != row.phase:
            detail = row.phase if row.end_reason is None else f"{row.phase}: {row.end_reason}"
            tx.audit(AuditAction.CALL_RECORDED, target=f"call:{row.id}", detail=detail)

    @staticmethod
    def _resident_for(s: Session, number: str) -> int | None:
        """The resident whose phone this is (the first, if a household shares it)."""
        digits = phone_digits(number)
        if len(digits) < 7:
            return None
        return s.scalar(
            select(Resident.id)
            .where(Resident.phone.in_(sorted({digits, number})), Resident.anonymised_at.is_(None))
            .order_by(Resident.id)
            .limit(1)
        )

    def refused(self, event: CallRefused) -> int:
        """A caller turned away with 486 because every line was taken: kept as a missed call."""
        with self.ctx.write("system") as tx:
            s = tx.session
            number = _cut(event.number, NUMBER_MAX)
            row = Call(
                # No call of the gateway's: a handle of our own, unique like the gateway's.
                gateway_call_id=f"refused-{uuid.uuid4().hex[:16]}",
                sip_call_id="",
                direction=CallDirection.INBOUND.value,
                phase=CallPhase.ENDED.value,
                number=number,
                display=_cut(event.display, DISPLAY_MAX),
                workstation=self.ctx.workstation,
                started_at=event.at,
                ended_at=event.at,
                end_reason=CallEnd.BUSY.value,
                recording="",
                resident_id=self._resident_for(s, number),
                disposition=Disposition.OPEN.value,
                no_incident_reason="",
            )
            s.add(row)
            s.flush()
            tx.change(TABLE, row.id, "insert")
            tx.audit(
                AuditAction.CALL_REFUSED,
                target=f"call:{row.id}",
                detail=f"{event.status} {clean_line(event.reason)[:80]}",
            )
            return row.id

    def close_orphans(self, before: datetime) -> list[int]:
        """Calls of this workstation left open by a run that ended (a crash, a power cut):
        ended now, as "system". One nobody answered is a missed call (on the callback list);
        an answered one failed. Called when the line starts, before it takes a call."""
        with self.ctx.write("system") as tx:
            rows = list(
                tx.session.scalars(
                    select(Call)
                    .where(
                        Call.workstation == self.ctx.workstation,
                        Call.phase != CallPhase.ENDED.value,
                        Call.started_at < before,
                    )
                    .with_for_update()
                )
            )
            for row in rows:
                missed = row.answered_at is None and row.direction == CallDirection.INBOUND.value
                row.phase = CallPhase.ENDED.value
                row.ended_at = tx.now
                row.end_reason = (CallEnd.ABANDONED if missed else CallEnd.FAILED).value
                tx.change(TABLE, row.id, "update")
                tx.audit(
                    AuditAction.CALL_RECORDED,
                    target=f"call:{row.id}",
                    detail=f"ended: {row.end_reason} (left open by an earlier run)",
                )
            return [r.id for r in rows]

    def line_state(self, device_code: str, state: GatewayState) -> None:
        """The line's state onto its phone device row, for the device pane (as "system").

        Listening and registered (or a direct line): online. Listening but the registrar
        refused us: fault. Not listening: offline.
        """
        if not state.online:
            new = DeviceState.OFFLINE
        elif state.registered is False:
            new = DeviceState.FAULT
        else:
            new = DeviceState.ONLINE
        with self.ctx.write("system") as tx:
            dev = tx.session.scalars(
                select(Device).where(Device.code == device_code).with_for_update()
            ).one_or_none()
            if dev is None:
                log.warning("the SIP line's device %r is not in the database", device_code)
                return
            detail = clean_line(state.detail)[:DETAIL_MAX]
            if dev.state != new.value:
                dev.state_changed_at = state.at
            dev.state = new.value
            dev.detail = detail
            if new is not DeviceState.OFFLINE:
                dev.last_seen_at = state.at
            tx.change("device", dev.id, "update")

    # --- reads ----------------------------------------------------------------------------
    def _scope(self, who: Principal) -> Any:
        """Street-wide roles see every line's calls; a community's station its own line's."""
        if who.communities is None:
            return true()
        return Call.workstation == self.ctx.workstation

    def calls(self, who: Principal, *, recent: int = RECENT) -> list[CallRow]:
        """This workstation's live calls, its calls still to be disposed, and the latest ones.

        Newest first. Every call on this workstation's line is here while it lasts; an
        answered call stays until it is linked to an incident or closed with a reason.
        """
        self.ctx.require(who, Permission.HANDLE_CALLS)
        here = Call.workstation == self.ctx.workstation
        with self.ctx.read() as s:
            ids = set(
                s.scalars(
                    select(Call.id)
                    .where(here)
                    .order_by(Call.started_at.desc(), Call.id.desc())
                    .limit(recent)
                )
            )
            ids |= set(s.scalars(select(Call.id).where(here, Call.phase != "ended")))
            ids |= set(
                s.scalars(
                    select(Call.id).where(here, text(UNDISPOSED_SQL), Call.answered_at.is_not(None))
                )
            )
            return self._rows(s, who, ids)

    def calls_by_ids(self, who: Principal, ids: Collection[int]) -> list[CallRow]:
        """The given calls, newest first; those out of scope or gone left out."""
        self.ctx.require(who, Permission.HANDLE_CALLS)
        if not ids:
            return []
        with self.ctx.read() as s:
            return self._rows(s, who, set(ids))

    def _rows(self, s: Session, who: Principal, ids: set[int]) -> list[CallRow]:
        if not ids:
            return []
        answered, caller = aliased(User), aliased(User)
        stmt: Select[Call, str, str] = (
            select(Call, answered.display_name, caller.display_name)
            .outerjoin(answered, Call.answered_by_id == answered.id)
            .outerjoin(caller, Call.called_back_by_id == caller.id)
            .where(Call.id.in_(sorted(ids)), self._scope(who))
            .order_by(Call.started_at.desc(), Call.id.desc())
        )
        return [_call_row(c, a or "", b or "") for c, a, b in s.execute(stmt)]

    def call(self, who: Principal, call_id: int) -> CallRow:
        """One call (LookupError if it is not there or not in scope)."""
        rows = self.calls_by_ids(who, [call_id])
        if not rows:
            raise LookupError(f"no call {call_id}")
        return rows[0]

    def callbacks(self, who: Principal, *, done: int = 20) -> CallbackList:
        """Missed callers not called back (one line per number, newest first), and the latest
        callbacks made: who called back when."""
        self.ctx.require(who, Permission.HANDLE_CALLS)
        with self.ctx.read() as s:
            missed = list(
                s.execute(
                    select(
                        Call.id,
                        Call.number,
                        Call.display,
                        Call.started_at,
                        Call.end_reason,
                        Call.resident_id,
                    )
                    .where(text(CALLBACK_SQL), self._scope(who))
                    .order_by(Call.started_at.desc(), Call.id.desc())
                    .limit(CALLBACKS_MAX + 1)
                )
            )
            by = aliased(User)
            made = s.execute(
                select(Call.id, Call.number, Call.called_back_at, by.display_name)
                .join(by, Call.called_back_by_id == by.id, isouter=True)
                .where(
                    Call.called_back_at.is_not(None),
                    Call.direction == CallDirection.INBOUND.value,
                    self._scope(who),
                )
                .order_by(Call.called_back_at.desc(), Call.id.desc())
                .limit(done)
            )
            done_rows = [CalledBack(i, n, at, name or "") for i, n, at, name in made if at]
        capped = len(missed) > CALLBACKS_MAX
        groups: dict[str, list[Any]] = {}
        for r in missed[:CALLBACKS_MAX]:
            groups.setdefault(r.number or f"#{r.id}", []).append(r)
        waiting = [
            CallbackRow(
                number=rows[0].number,
                display=rows[0].display,
                last_call_id=rows[0].id,
                last_at=rows[0].started_at,
                missed=len(rows),
                busy=sum(r.end_reason == CallEnd.BUSY.value for r in rows),
                resident_id=next((r.resident_id for r in rows if r.resident_id), None),
                call_ids=tuple(r.id for r in rows),
            )
            for rows in groups.values()
        ]
        return CallbackList(waiting, done_rows, capped)

    def transfer_targets(self, who: Principal) -> list[DispatchTarget]:
        """Departments and their units that have a phone to transfer a caller to, by code."""
        self.ctx.require(who, Permission.HANDLE_CALLS)
        with self.ctx.read() as s:
            units: dict[int, list[UnitRow]] = {}
            for u in s.scalars(select(Unit).where(Unit.phone != "").order_by(Unit.code)):
                units.setdefault(u.department_id, []).append(
                    UnitRow(id=u.id, code=u.code, name=u.name, phone=u.phone)
                )
            return [
                DispatchTarget(
                    department_id=d.id,
                    code=d.code,
                    name=d.name,
                    kind=d.kind,
                    phone=d.phone,
                    units=tuple(units.get(d.id, ())),
                )
                for d in s.scalars(select(Department).order_by(Department.code))
                if d.phone or d.id in units
            ]

    # --- callbacks ------------------------------------------------------------------------
    def mark_called_back(self, who: Principal, call_id: int) -> int:
        """The missed calls of this call's number are called back (from another phone, say);
        returns how many were marked."""
        with self.ctx.write(who, Permission.HANDLE_CALLS) as tx:
            row = self._locked(tx, call_id)
            if row.direction != CallDirection.INBOUND.value or row.end_reason not in {
                e.value for e in MISSED_ENDS
            }:
                raise CallStateError(f"call {call_id} was not missed: nothing to call back")
            return self._mark_called_back(tx, row.number, tx.now, who, None, only=row.id)

    def _mark_called_back(
        self,
        tx: WriteTx,
        number: str,
        at: datetime,
        by: Principal | None,
        callback_id: int | None,
        only: int | None = None,
    ) -> int:
        """Every missed call from `number` (or just `only`, for a call without a number)."""
        s = tx.session
        which = Call.id == only if not number else Call.number == number
        rows = list(s.scalars(select(Call).where(text(CALLBACK_SQL), which).with_for_update()))
        user_id = by.user_id if by is not None else None
        for r in rows:
            r.called_back_at = at
            r.called_back_by_id = user_id
            tx.change(TABLE, r.id, "update")
            tx.audit(
                AuditAction.CALL_CALLED_BACK,
                target=f"call:{r.id}",
                detail=f"callback call:{callback_id}" if callback_id else "marked",
            )
        return len(rows)

    # --- what became of a call --------------------------------------------------------------
    def link_new_incident(
        self,
        who: Principal,
        call_id: int,
        *,
        title: str,
        priority: Priority,
        community: str | None,
        location: str = "",
        description: str = "",
        type_code: str | None = None,
        caller_name: str = "",
        caller_phone: str | None = None,
    ) -> int:
        """Open an incident from this call (source CALL, the caller's number filled in) and
        link the call to it; returns the incident's number.

        Two writes: the incident (IncidentService.create, its own checks and audit), then the
        link. Should the link fail, the incident stands and the call stays open, shown so.
        """
        self.ctx.require(who, Permission.HANDLE_CALLS)
        call = self.call(who, call_id)
        self._check_open(call)
        iid = self._incidents.create(
            who,
            title=title,
            priority=priority,
            community=community,
            location=location,
            description=description,
            source=IncidentSource.CALL,
            type_code=type_code,
            caller_name=caller_name or call.display,
            caller_phone=call.number if caller_phone is None else caller_phone,
        )
        self.link_incident(who, call_id, iid)
        return iid

    def link_incident(self, who: Principal, call_id: int, incident_id: int) -> None:
        """Link the call to an incident in the queue: a "call linked" entry on its timeline."""
        with self.ctx.write(who, Permission.HANDLE_CALLS) as tx:
            s = tx.session
            row = self._locked(tx, call_id)
            found = s.execute(
                select(Incident, Community.code)
                .outerjoin(Community, Incident.community_id == Community.id)
                .where(Incident.id == incident_id)
            ).one_or_none()
            if found is None:
                raise LookupError(f"there is no incident {incident_id}")
            inc, code = found
            self.ctx.check(tx, Permission.HANDLE_INCIDENTS, code or STREET_WIDE)
            if inc.state == IncidentState.CLOSED.value:
                raise CallStateError(f"incident {incident_id} is closed")
            if row.disposition != Disposition.OPEN.value:
                raise CallStateError(_disposed(row))
            if row.answered_at is None:
                raise CallStateError(f"call {call_id} was never answered")
            row.disposition = Disposition.LINKED.value
            row.incident_id = inc.id
            row.disposed_by_id = who.user_id
            row.disposed_at = tx.now
            s.add(
                IncidentEvent(
                    incident_id=inc.id,
                    ts=tx.now,
                    kind=LINK_KIND,
                    note=f"call:{row.id}",
                    actor_id=who.user_id,
                    workstation=self.ctx.workstation,
                )
            )
            tx.change(TABLE, row.id, "update")
            tx.change("incident", inc.id, "update")
            tx.audit(
                AuditAction.CALL_DISPOSED, target=f"call:{row.id}", detail=f"incident {inc.id}"
            )

    def close_no_incident(
        self, who: Principal, call_id: int, reason: NoIncidentReason | None, note: str = ""
    ) -> None:
        """Close an answered call as needing no incident, with the reason (required)."""
        note = clean_line(note)
        problem = reason_problem(reason, note)
        if problem is not None:
            raise ValueError(problem)
        assert reason is not None
        with self.ctx.write(who, Permission.HANDLE_CALLS) as tx:
            row = self._locked(tx, call_id)
            if row.disposition != Disposition.OPEN.value:
                raise CallStateError(_disposed(row))
            if row.answered_at is None:
                raise CallStateError(f"call {call_id} was never answered")
            text_ = reason.value if not note else f"{reason.value}: {note}"
            row.disposition = Disposition.NO_INCIDENT.value
            row.no_incident_reason = text_
            row.disposed_by_id = who.user_id
            row.disposed_at = tx.now
            tx.change(TABLE, row.id, "update")
            tx.audit(
                AuditAction.CALL_DISPOSED,
                target=f"call:{row.id}",
                detail=f"no incident: {text_}",
            )

    def _locked(self, tx: WriteTx, call_id: int) -> Call:
        row = tx.session.scalars(
            select(Call).where(Call.id == call_id).with_for_update()
        ).one_or_none()
        actor = tx.actor
        if row is None or (
            isinstance(actor, Principal)
            and actor.communities is not None
            and row.workstation != self.ctx.workstation
        ):
            raise LookupError(f"no call {call_id}")
        return row

    @staticmethod
    def _check_open(call: CallRow) -> None:
        if call.disposition is not Disposition.OPEN:
            raise CallStateError(
                f"call {call.id} is already "
                + (f"linked to #{call.incident_id}" if call.incident_id else "closed")
            )
        if call.answered_at is None:
            raise CallStateError(f"call {call.id} was never answered")


def _disposed(row: Call) -> str:
    if row.incident_id is not None:
        return f"call {row.id} is already linked to incident {row.incident_id}"
    return f"call {row.id} is already closed: {row.no_incident_reason}"


def _call_row(c: Call, answered_by: str, called_back_by: str) -> CallRow:
    return CallRow(
        id=c.id,
        gateway_call_id=c.gateway_call_id,
        direction=CallDirection(c.direction),
        phase=CallPhase(c.phase),
        number=c.number,
        display=c.display,
        workstation=c.workstation,
        started_at=c.started_at,
        answered_at=c.answered_at,
        answered_by=answered_by,
        ended_at=c.ended_at,
        end=CallEnd(c.end_reason) if c.end_reason else None,
        recording=c.recording,
        resident_id=c.resident_id,
        incident_id=c.incident_id,
        disposition=Disposition(c.disposition),
        no_incident_reason=c.no_incident_reason,
        callback_of=c.callback_of_id,
        called_back_at=c.called_back_at,
        called_back_by=called_back_by,
    )


__all__ = ["LINK_KIND", "CallService", "CallStateError", "CallbackList"]
