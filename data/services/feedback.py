"""Feedback tickets (12345 接诉即办): filed, assigned, answered, resolved, rated, reopened.

A ticket is a `service_ticket` row (0023, extended by 0026); its steps are
`service_ticket_event` rows. Every write goes through the context's one write path with the
ticket's community, a change_log row and an audit row (never the resident's phone, nor the
text). The deadlines come from core.feedback by category in the site's time zone; a periodic
job (`record_overdue`, run by the console on its writer thread) writes one "overdue" event per
ticket, deadline and due time, which supervisors are told of, as SLA breaches are.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, case, exists, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from core.audit import AuditAction
from core.feedback import (
    REPLY_MAX,
    STATION_ALIASES,
    TEXT_MAX,
    UNRESOLVED,
    Action,
    Deadline,
    DepartmentChoice,
    MonthRates,
    NewTicket,
    OverdueTicket,
    Rate,
    ReplyChannel,
    Source,
    TicketEventRow,
    TicketFacts,
    TicketRow,
    TicketState,
    category,
    due_dates,
    month_bounds,
    monthly_rates,
    next_state,
    resolve_due,
    satisfied,
)
from core.incidents import CALLER_NAME_MAX, CALLER_PHONE_MAX
from core.permissions import Permission, PermissionDenied, Principal
from core.personal import mask_name, mask_phone
from core.text import clean_block, clean_line
from core.timefmt import DEFAULT_ZONE, as_utc
from data.context import STREET_WIDE, ServiceContext, WriteTx
from data.db import upsert_insert
from data.models import (
    UNRESOLVED_TICKET_SQL,
    Call,
    Community,
    Department,
    Resident,
    ServiceTicket,
    ServiceTicketEvent,
    SiteMeta,
    SurveyRound,
    User,
)

__all__ = ["MAX_PER_RUN", "OVERDUE_TABLE", "FeedbackService", "TicketList", "stamp_new_ticket"]

TICKET_TABLE = "service_ticket"
EVENT_TABLE = "service_ticket_event"
# change_log rows of this name carry an overdue event's id: consoles that route it tell their
# supervisors (console.presenters.feedback), as "sla_breach" does for incidents.
OVERDUE_TABLE = "ticket_overdue"
SYSTEM_ACTOR = "system"
MAX_PER_RUN = 100  # overdue events per transaction: a backlog does not hold the writer long
LIST_LIMIT = 500  # the queue shows this many, with the count of all that match
REF_MAX = 64


@dataclass(frozen=True, slots=True)
class TicketList:
    """A page of the queue and how many tickets match in all (none is hidden silently)."""

    rows: list[TicketRow]
    total: int


_STATES = {s.value: s for s in TicketState}


def _state(value: str) -> TicketState:
    """A stored status; one this version does not know is shown as open."""
    return _STATES.get(value, TicketState.OPEN)


def _stamp(due: datetime) -> str:
    return as_utc(due).strftime("%Y-%m-%dT%H:%MZ")


def overdue_value(deadline: Deadline, due: datetime) -> str:
    """The event's value: the deadline and the due time it missed (unique per ticket)."""
    return f"{deadline.value}@{_stamp(due)}"


def site_zone(s: Session) -> str:
    """The site's time zone as seeded; Asia/Shanghai when the site file gave none."""
    return s.scalar(select(SiteMeta.value).where(SiteMeta.key == "timezone")) or DEFAULT_ZONE


def default_department(s: Session, code: str) -> str | None:
    """The first department (by code) of the kind the category goes to; None if none is."""
    kind = category(code).department_kind
    return s.scalar(
        select(Department.code).where(Department.kind == kind).order_by(Department.code).limit(1)
    )


def stamp_new_ticket(tx: WriteTx, ticket: ServiceTicket, actor_id: int | None) -> None:
    """Deadlines, the default department and the "created" event of a ticket just flushed.

    The one place a new ticket gets them, whichever path filed it (a station's request too).
    """
    s = tx.session
    zone = site_zone(s)
    response, resolve = due_dates(ticket.category, ticket.created_at, zone)
    ticket.response_due_at = response
    ticket.resolve_due_at = resolve
    if ticket.department_code is None:
        ticket.department_code = default_department(s, ticket.category)
    ticket.updated_at = ticket.created_at
    _event(tx, ticket, Action.CREATE, actor_id, ticket.source, "")


def _event(
    tx: WriteTx,
    ticket: ServiceTicket,
    kind: Action,
    actor_id: int | None,
    value: str = "",
    note: str = "",
) -> ServiceTicketEvent:
    ev = ServiceTicketEvent(
        ticket_id=ticket.id,
        community_id=ticket.community_id,
        ts=tx.now,
        kind=kind.value,
        actor_id=actor_id,
        workstation=tx.ctx.workstation,
        value=value[:REF_MAX],
        note=note,
    )
    tx.session.add(ev)
    tx.session.flush()
    tx.change(EVENT_TABLE, ev.id, "insert")
    return ev


def _text(value: str, limit: int, what: str, *, required: bool = True) -> str:
    cleaned = clean_block(value)
    if required and not cleaned:
        raise ValueError(f"{what} is needed")
    if len(cleaned) > limit:
        raise ValueError(f"{what} has at most {limit} characters")
    return cleaned


_OVERDUE = aliased(ServiceTicketEvent, name="overdue")


def _told(deadline: Deadline, due_col: Any) -> Any:
    """An overdue event of this deadline written since its current due time."""
    return exists().where(
        _OVERDUE.ticket_id == ServiceTicket.id,
        text(f"overdue.kind = '{Action.OVERDUE.value}'"),  # the partial index's literal
        _OVERDUE.value.like(f"{deadline.value}@%"),
        _OVERDUE.ts >= due_col,
    )


class FeedbackService:
    """Feedback tickets: the queue, their steps, the clock's overdue events, monthly rates."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # --- filing ---------------------------------------------------------------------------
    def create(self, who: Principal, new: NewTicket) -> int:
        """File a ticket; its id. ValueError for what cannot be filed (the reason says why)."""
        body = _text(new.text, TEXT_MAX, "the feedback's text")
        name, phone = clean_line(new.contact_name), clean_line(new.contact_phone)
        if len(name) > CALLER_NAME_MAX or len(phone) > CALLER_PHONE_MAX:
            raise ValueError(
                f"a contact's name has at most {CALLER_NAME_MAX}, a phone {CALLER_PHONE_MAX} "
                "characters"
            )
        code = clean_line(new.category)
        if category(code).code != code:
            raise ValueError(f"unknown feedback category {new.category!r}")
        with self.ctx.write(who, Permission.HANDLE_INCIDENTS, new.community) as tx:
            # The street's general business, as reading the tickets is: not a counsellor's.
            self.ctx.check(tx, Permission.VIEW_GENERAL_INCIDENTS, new.community)
            s = tx.session
            cid = s.scalar(select(Community.id).where(Community.code == new.community))
            if cid is None:
                raise ValueError(f"unknown community {new.community!r}")
            resident_id, ref, phone = self._source(s, new, cid, phone)
            if new.department is not None:
                self._department(s, new.department)
            ticket = ServiceTicket(
                community_id=cid,
                resident_id=resident_id,
                category=code,
                description=body,
                caller_name=name,
                caller_phone=phone,
                status=TicketState.OPEN.value,
                created_at=tx.now,
                created_by_id=who.user_id,
                workstation=self.ctx.workstation,
                client_uuid=None,
                source=new.source.value,
                source_ref=ref,
                department_code=new.department,
                reply_text="",
                reopened=0,
            )
            s.add(ticket)
            s.flush()
            stamp_new_ticket(tx, ticket, who.user_id)
            tx.change(TICKET_TABLE, ticket.id, "insert")
            tx.audit(AuditAction.TICKET_CREATED, f"ticket:{ticket.id}", f"{code} {ref}".strip())
            return ticket.id

    def _source(
        self, s: Session, new: NewTicket, cid: int, phone: str
    ) -> tuple[int | None, str, str]:
        """(resident id, source reference, contact phone) as the source allows them."""
        resident_id = new.resident_id
        if new.source is Source.SURVEY:
            round_code, qid = clean_line(new.round_code), clean_line(new.question_id)
            if not round_code or not qid:
                raise ValueError("feedback from a survey names its round and question")
            anonymous = s.scalar(
                select(SurveyRound.anonymous).where(SurveyRound.code == round_code)
            )
            if anonymous is None:
                raise ValueError(f"unknown survey round {round_code!r}")
            if anonymous:
                # Never the link between a person and what they answered: only the contact
                # the resident chose to give for the reply.
                resident_id = None
            ref = f"round:{round_code}/{qid}"
        elif new.source is Source.CALL:
            if new.call_id is None:
                raise ValueError("feedback from a call names the call")
            found = s.execute(
                select(Call.number, Call.resident_id).where(Call.id == new.call_id)
            ).one_or_none()
            if found is None:
                raise ValueError(f"unknown call {new.call_id}")
            phone = phone or clean_line(found[0])[:CALLER_PHONE_MAX]
            resident_id = resident_id if resident_id is not None else found[1]
            ref = f"call:{new.call_id}"
        elif new.source is Source.STATION:
            raise ValueError("a station files its tickets through its request form")
        else:
            ref = ""
        if resident_id is not None:
            home = s.scalar(select(Resident.community_id).where(Resident.id == resident_id))
            if home != cid:
                if new.source is Source.CALL and new.resident_id is None:
                    resident_id = None  # the caller lives elsewhere: the number is enough
                else:
                    raise ValueError(f"resident {resident_id} is not of {new.community}")
        return resident_id, ref[:REF_MAX], phone

    @staticmethod
    def _department(s: Session, code: str) -> str:
        name = s.scalar(select(Department.name).where(Department.code == code))
        if name is None:
            raise ValueError(f"unknown department {code!r}")
        return name

    # --- steps ----------------------------------------------------------------------------
    def _locked(self, tx: WriteTx, ticket_id: int) -> ServiceTicket:
        s = tx.session
        found = s.execute(
            select(ServiceTicket, Community.code)
            .join(Community, ServiceTicket.community_id == Community.id)
            .where(ServiceTicket.id == ticket_id)
            .with_for_update(of=ServiceTicket)
        ).one_or_none()
        if found is None:
            raise LookupError(f"no ticket {ticket_id}")
        ticket, ccode = found
        self.ctx.check(tx, Permission.HANDLE_INCIDENTS, ccode or STREET_WIDE)
        return ticket

    def _step(
        self,
        who: Principal,
        ticket_id: int,
        action: Action,
        audit: AuditAction,
        value: str,
        note: str,
        apply: Any,
    ) -> None:
        with self.ctx.write(who, Permission.HANDLE_INCIDENTS) as tx:
            self.ctx.check(tx, Permission.VIEW_GENERAL_INCIDENTS)
            ticket = self._locked(tx, ticket_id)
            after = next_state(TicketState(ticket.status), action)
            apply(tx, ticket)
            ticket.status = after.value
            ticket.updated_at = tx.now
            _event(tx, ticket, action, who.user_id, value, note)
            tx.change(TICKET_TABLE, ticket.id, "update")
            tx.audit(audit, f"ticket:{ticket.id}", value)

    def assign(self, who: Principal, ticket_id: int, department: str, note: str = "") -> None:
        """Give an unresolved ticket to another department."""
        why = _text(note, REPLY_MAX, "a note", required=False)

        def apply(tx: WriteTx, ticket: ServiceTicket) -> None:
            self._department(tx.session, department)
            ticket.department_code = department

        self._step(
            who, ticket_id, Action.ASSIGN, AuditAction.TICKET_ASSIGNED, department, why, apply
        )

    def reply(self, who: Principal, ticket_id: int, channel: ReplyChannel, words: str) -> None:
        """The resident was told (by phone, or a printed slip): the first reply stops the
        response clock."""
        body = _text(words, REPLY_MAX, "a reply")

        def apply(tx: WriteTx, ticket: ServiceTicket) -> None:
            if ticket.answered_at is None:
                ticket.answered_at = tx.now
            ticket.reply_channel = channel.value
            ticket.reply_text = body

        self._step(
            who, ticket_id, Action.REPLY, AuditAction.TICKET_ANSWERED, channel.value, body, apply
        )

    def resolve(self, who: Principal, ticket_id: int, note: str) -> None:
        """What was done about it; an answered ticket only (every piece of feedback is
        answered before it is closed)."""
        body = _text(note, REPLY_MAX, "what was done")

        def apply(tx: WriteTx, ticket: ServiceTicket) -> None:
            ticket.resolved_at = tx.now

        self._step(who, ticket_id, Action.RESOLVE, AuditAction.TICKET_RESOLVED, "", body, apply)

    def rate(self, who: Principal, ticket_id: int, rating: int, note: str = "") -> None:
        """The resident's rating of the outcome, 1–5 (4 and 5: satisfied), once."""
        satisfied(rating)  # ValueError outside 1-5
        body = _text(note, REPLY_MAX, "a note", required=False)

        def apply(tx: WriteTx, ticket: ServiceTicket) -> None:
            ticket.rating = rating
            ticket.rated_at = tx.now

        self._step(who, ticket_id, Action.RATE, AuditAction.TICKET_RATED, str(rating), body, apply)

    def reopen(self, who: Principal, ticket_id: int, reason: str) -> None:
        """Not solved after all: open again with a fresh resolution deadline; the rating
        stays in the history, the first reply still counts for the response rate."""
        why = _text(reason, REPLY_MAX, "a reason")

        def apply(tx: WriteTx, ticket: ServiceTicket) -> None:
            zone = site_zone(tx.session)
            ticket.resolve_due_at = resolve_due(
                tx.now, category(ticket.category).resolve_days, zone
            )
            ticket.resolved_at = None
            ticket.rating = None
            ticket.rated_at = None
            ticket.reopened += 1

        self._step(who, ticket_id, Action.REOPEN, AuditAction.TICKET_REOPENED, "", why, apply)

    # --- reads ----------------------------------------------------------------------------
    def _scoped(self, stmt: Any, who: Principal) -> Any:
        if who.communities is not None:
            stmt = stmt.where(Community.code.in_(sorted(who.communities)))
        return stmt

    def _select(self) -> Any:
        return (
            select(ServiceTicket, Community.code, Department.name)
            .join(Community, ServiceTicket.community_id == Community.id)
            .outerjoin(Department, Department.code == ServiceTicket.department_code)
        )

    @staticmethod
    def _row(who: Principal, t: ServiceTicket, ccode: str, dname: str | None) -> TicketRow:
        # The contact is always masked in what lists and the detail read: the whole name and
        # number come from `contact`, one audited read per ticket.
        linked = who.can(Permission.VIEW_RESIDENT_PII, ccode)
        return TicketRow(
            id=t.id,
            community=ccode,
            category=category(t.category).code,
            text=t.description,
            source=Source(t.source),
            source_ref=t.source_ref,
            department=t.department_code,
            department_name=dname or "",
            contact_name=mask_name(t.caller_name),
            contact_phone=mask_phone(t.caller_phone),
            phone_masked=bool(t.caller_phone),
            resident_id=t.resident_id if linked else None,
            state=_state(t.status),
            created_at=t.created_at,
            response_due_at=t.response_due_at,
            resolve_due_at=t.resolve_due_at,
            answered_at=t.answered_at,
            resolved_at=t.resolved_at,
            rating=t.rating,
            reply_channel=ReplyChannel(t.reply_channel) if t.reply_channel else None,
            reply_text=t.reply_text,
            reopened=t.reopened,
        )

    def tickets(
        self,
        who: Principal,
        *,
        states: Collection[TicketState] | None = None,
        category_code: str | None = None,
        community: str | None = None,
        limit: int = LIST_LIMIT,
    ) -> TicketList:
        """The queue: unresolved first by their next deadline, then the newest others."""
        self.ctx.require(who, Permission.VIEW_GENERAL_INCIDENTS, community)
        stmt = self._scoped(self._select(), who)
        if states:
            stmt = stmt.where(ServiceTicket.status.in_(sorted(s.value for s in states)))
        if category_code:
            # A station's own codes are filed under a feedback category (core.feedback).
            codes = {category_code} | {k for k, v in STATION_ALIASES.items() if v == category_code}
            stmt = stmt.where(ServiceTicket.category.in_(sorted(codes)))
        if community:
            stmt = stmt.where(Community.code == community)
        count = stmt.with_only_columns(ServiceTicket.id).order_by(None).subquery()
        unresolved = ServiceTicket.status.in_(sorted(s.value for s in UNRESOLVED))
        # The deadline that runs: the first response until answered, then the resolution;
        # none for the others, which come newest first. core.feedback.queue_key is the same
        # order for the pane's in-place updates: the two change together.
        running = case(
            (and_(unresolved, ServiceTicket.answered_at.is_(None)), ServiceTicket.response_due_at),
            (unresolved, ServiceTicket.resolve_due_at),
            else_=None,
        )
        stmt = stmt.order_by(
            unresolved.desc(), running.asc().nulls_last(), ServiceTicket.id.desc()
        ).limit(limit)
        with self.ctx.read() as s:
            total = s.scalar(select(func.count()).select_from(count)) or 0
            rows = [self._row(who, t, c, d) for t, c, d in s.execute(stmt)]
        return TicketList(rows, int(total))

    def tickets_by_ids(self, who: Principal, ids: Collection[int]) -> list[TicketRow]:
        """These tickets as they are now, those within `who`'s scope (gone ones left out)."""
        self.ctx.require(who, Permission.VIEW_GENERAL_INCIDENTS)
        if not ids:
            return []
        stmt = self._scoped(self._select(), who).where(ServiceTicket.id.in_(sorted(ids)))
        with self.ctx.read() as s:
            return [self._row(who, t, c, d) for t, c, d in s.execute(stmt)]

    def ticket(self, who: Principal, ticket_id: int) -> TicketRow:
        """One ticket; LookupError if it is not there or not in `who`'s scope."""
        found = self.tickets_by_ids(who, [ticket_id])
        if not found:
            raise LookupError(f"no ticket {ticket_id}")
        return found[0]

    def contact(self, who: Principal, ticket_id: int) -> tuple[str, str]:
        """The resident's name and number as given for the reply, for a role that may see
        residents' data in the ticket's community; the read is audited (never the values)."""
        with self.ctx.write(who, Permission.VIEW_RESIDENT_PII) as tx:
            found = tx.session.execute(
                select(ServiceTicket.caller_name, ServiceTicket.caller_phone, Community.code)
                .join(Community, ServiceTicket.community_id == Community.id)
                .where(ServiceTicket.id == ticket_id)
            ).one_or_none()
            if found is None:
                raise LookupError(f"no ticket {ticket_id}")
            name, phone, ccode = found
            self.ctx.check(tx, Permission.VIEW_RESIDENT_PII, ccode)
            self.ctx.check(tx, Permission.VIEW_GENERAL_INCIDENTS, ccode)
            tx.audit(
                AuditAction.PII_REVEALED,
                target=f"ticket:{ticket_id}",
                detail=json.dumps({"purpose": "reply", "fields": ["name", "phone"]}),
            )
            return str(name), str(phone)

    def history(self, who: Principal, ticket_id: int) -> list[TicketEventRow]:
        """A ticket's steps, oldest first."""
        row = self.ticket(who, ticket_id)  # the scope check
        stmt = (
            select(ServiceTicketEvent, User.username)
            .outerjoin(User, ServiceTicketEvent.actor_id == User.id)
            .where(ServiceTicketEvent.ticket_id == row.id)
            .order_by(ServiceTicketEvent.ts, ServiceTicketEvent.id)
        )
        with self.ctx.read() as s:
            return [
                TicketEventRow(
                    e.id, e.ts, Action(e.kind), name or "", e.workstation, e.value, e.note
                )
                for e, name in s.execute(stmt)
            ]

    def departments(self, who: Principal) -> list[DepartmentChoice]:
        """The departments a ticket can be given to, by code."""
        self.ctx.require(who, Permission.VIEW_GENERAL_INCIDENTS)
        with self.ctx.read() as s:
            return [
                DepartmentChoice(c, n, k)
                for c, n, k in s.execute(
                    select(Department.code, Department.name, Department.kind).order_by(
                        Department.code
                    )
                )
            ]

    def communities(self, who: Principal) -> list[str]:
        """The community codes within `who`'s scope."""
        self.ctx.require(who, Permission.VIEW_GENERAL_INCIDENTS)
        with self.ctx.read() as s:
            codes = list(s.scalars(select(Community.code).order_by(Community.code)))
        return [c for c in codes if who.communities is None or c in who.communities]

    def zone(self) -> str:
        """The site's time zone."""
        with self.ctx.read() as s:
            return site_zone(s)

    def monthly_rates(
        self, who: Principal, year: int, month: int, as_of: datetime | None = None
    ) -> list[MonthRates]:
        """Response, resolution and satisfaction rates of the month per community in scope
        (core.feedback.monthly_rates); a community without tickets has 0 ÷ 0 rates."""
        self.ctx.require(who, Permission.VIEW_GENERAL_INCIDENTS)
        now = as_of or self.ctx.clock()
        with self.ctx.read() as s:
            zone = site_zone(s)
            start, end = month_bounds(year, month, zone)
            stmt = self._scoped(
                select(
                    Community.code,
                    ServiceTicket.created_at,
                    ServiceTicket.response_due_at,
                    ServiceTicket.answered_at,
                    ServiceTicket.status,
                    ServiceTicket.rating,
                ).join(Community, ServiceTicket.community_id == Community.id),
                who,
            ).where(ServiceTicket.created_at >= start, ServiceTicket.created_at < end)
            facts = [
                TicketFacts(
                    code,
                    at,
                    due or at,
                    answered,
                    _state(state),
                    rating,
                )
                for code, at, due, answered, state, rating in s.execute(stmt)
            ]
        found = {r.community: r for r in monthly_rates(facts, year, month, now, zone)}
        empty = Rate(0, 0)
        return [
            found.get(code) or MonthRates(code, 0, empty, empty, empty)
            for code in self.communities(who)
        ]

    # --- the clock ------------------------------------------------------------------------
    def due_overdue(self, now: datetime, limit: int) -> list[tuple[int, Deadline, datetime]]:
        """(ticket, deadline, due) past due and not told yet, oldest deadline first."""
        response_late = and_(
            ServiceTicket.answered_at.is_(None),
            ServiceTicket.response_due_at <= now,
            ~_told(Deadline.RESPONSE, ServiceTicket.response_due_at),
        )
        resolve_late = and_(
            ServiceTicket.resolve_due_at <= now,
            ~_told(Deadline.RESOLVE, ServiceTicket.resolve_due_at),
        )
        stmt = (
            select(
                ServiceTicket.id,
                ServiceTicket.answered_at,
                ServiceTicket.response_due_at,
                ServiceTicket.resolve_due_at,
                _told(Deadline.RESPONSE, ServiceTicket.response_due_at),
                _told(Deadline.RESOLVE, ServiceTicket.resolve_due_at),
            )
            .where(
                text(f"service_ticket.{UNRESOLVED_TICKET_SQL}"), or_(response_late, resolve_late)
            )
            .order_by(ServiceTicket.id)
            .limit(limit)
        )
        found: list[tuple[int, Deadline, datetime]] = []
        with self.ctx.read() as s:
            for tid, answered, rdue, sdue, told_r, told_s in s.execute(stmt):
                if answered is None and rdue is not None and rdue <= now and not told_r:
                    found.append((tid, Deadline.RESPONSE, rdue))
                if sdue is not None and sdue <= now and not told_s:
                    found.append((tid, Deadline.RESOLVE, sdue))
        return sorted(found, key=lambda f: (f[2], f[0]))[:limit]

    def record_overdue(self, now: datetime | None = None, limit: int = MAX_PER_RUN) -> list[int]:
        """Write an "overdue" event for each deadline missed and not told yet; their ids.

        By the system: a deadline passing is a fact of the clock. Several workstations may
        run it at once; the unique index of 0026 lets one event in per ticket, deadline and
        due time. A caller that gets `limit` ids back calls again for the rest.
        """
        now = now or self.ctx.clock()
        due = self.due_overdue(now, limit)
        if not due:
            return []
        recorded: list[int] = []
        with self.ctx.write(SYSTEM_ACTOR) as tx:
            s = tx.session
            for tid, deadline, at in due:
                cid = s.scalar(select(ServiceTicket.community_id).where(ServiceTicket.id == tid))
                if cid is None:
                    continue
                value = overdue_value(deadline, at)
                stmt = (
                    upsert_insert(s, ServiceTicketEvent)
                    .values(
                        ticket_id=tid,
                        community_id=cid,
                        ts=tx.now,
                        kind=Action.OVERDUE.value,
                        actor_id=None,
                        workstation=self.ctx.workstation,
                        value=value,
                        note="",
                    )
                    .on_conflict_do_nothing(
                        index_elements=["ticket_id", "value"],
                        index_where=text(f"kind = '{Action.OVERDUE.value}'"),
                    )
                    .returning(ServiceTicketEvent.id)
                )
                event_id = s.scalar(stmt)
                if event_id is None:
                    continue  # another workstation was first
                recorded.append(int(event_id))
                tx.change(EVENT_TABLE, int(event_id), "insert")
                tx.change(OVERDUE_TABLE, int(event_id), "insert")
                tx.change(TICKET_TABLE, tid, "update")  # the queue's colours and history
                tx.audit(AuditAction.TICKET_OVERDUE, f"ticket:{tid}", value)
        return recorded

    def overdue(self, who: Principal, event_ids: Collection[int]) -> list[OverdueTicket]:
        """These overdue events of tickets within `who`'s scope (others left out)."""
        self.ctx.require(who, Permission.VIEW_GENERAL_INCIDENTS)
        if not event_ids:
            return []
        stmt = self._scoped(
            select(ServiceTicketEvent, Community.code, ServiceTicket.category)
            .join(ServiceTicket, ServiceTicketEvent.ticket_id == ServiceTicket.id)
            .join(Community, ServiceTicket.community_id == Community.id)
            .where(
                ServiceTicketEvent.id.in_(sorted(event_ids)),
                ServiceTicketEvent.kind == Action.OVERDUE.value,
            )
            .order_by(ServiceTicketEvent.id),
            who,
        )
        out: list[OverdueTicket] = []
        with self.ctx.read() as s:
            for e, ccode, cat in s.execute(stmt):
                name, _, stamp = e.value.partition("@")
                due = datetime.strptime(stamp, "%Y-%m-%dT%H:%MZ").replace(tzinfo=UTC)
                out.append(
                    OverdueTicket(
                        e.id, e.ticket_id, ccode, category(cat).code, Deadline(name), due, e.ts
                    )
                )
        return out

    def require_handle(self, who: Principal, community: str | None = None) -> None:
        """PermissionDenied unless `who` may work tickets (the UI enables its actions by it)."""
        if not who.can(Permission.HANDLE_INCIDENTS, community):
            raise PermissionDenied(who.username, Permission.HANDLE_INCIDENTS, community)
