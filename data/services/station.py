"""Community stations: their entries applied exactly once by UUID, heartbeats, conflicts.

A station keeps what its worker enters in a local outbox (data/outbox.py) and sends each entry
here with the UUID it was given when it was taken. `apply` claims the UUID in
`station_receipt` first, in the same transaction as the write it records: a resend after a
lost reply (the commit happened, the answer never arrived), or two sends racing from two
threads, find the receipt and get the first answer back; nothing is written twice. A note
written against an incident that changed since the station read it is not applied: it is
kept whole in `station_conflict` until a person decides (`decide`), never dropped.

Times written here are the server's (the database's clock on PostgreSQL): a station's clock
may be an hour wrong. What the station's clock said is kept in the receipt (`station_at`) and
the difference in its heartbeat row.
"""

from __future__ import annotations

import builtins
import json
import uuid as uuid_mod
from datetime import datetime, timedelta

from sqlalchemy import select, text, update
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.orm import Session

from core.attachments import AttachmentRefused, check_file
from core.audit import AuditAction
from core.incidents import (
    CALLER_NAME_MAX,
    CALLER_PHONE_MAX,
    DESCRIPTION_MAX,
    NOTE_MAX,
    OPEN_STATES,
    TITLE_MAX,
    TransitionError,
)
from core.model import IncidentSource, Priority
from core.permissions import Permission, PermissionDenied, Principal
from core.station import (
    Applied,
    ConflictRow,
    EntryKind,
    IncidentNote,
    PanicPress,
    RequestTarget,
    ResidentRequest,
    SendState,
    StationOrder,
    StationSeen,
    StationSurvey,
)
from core.station_codec import Entry, from_json, kind_of, to_json
from core.text import clean_block, clean_line
from core.timefmt import as_utc
from data.context import STREET_WIDE, ServiceContext, WriteTx, actor_name
from data.db import upsert_insert
from data.models import (
    Community,
    Incident,
    IncidentEvent,
    IncidentType,
    Resident,
    ServiceTicket,
    ServiceTicketPhoto,
    StationConflict,
    StationHeartbeat,
    StationReceipt,
    Workstation,
)
from data.services.attachments import add_attachment, detail_of
from data.services.feedback import stamp_new_ticket
from data.services.incident_guard import bump
from data.services.incidents import IncidentService, add_incident
from data.services.orders import OrderService
from data.services.surveys import AlreadyAnswered, SurveyService

__all__ = ["OFFLINE_AFTER", "Applied", "ConflictRow", "StationService", "server_now"]

# A station heartbeats every few seconds; one not heard of for this long is shown offline.
OFFLINE_AFTER = timedelta(seconds=30)
PANIC_TYPE = "PANIC"  # the incident type a panic opens, when the site file has it
# How a panic was pressed (core.station.PanicPress.source), in the incident's words.
_PRESS_WORDS = {"screen": "屏幕按钮", "panel": "报警主机按钮"}
# A station's panic arriving by the database joins an open panic incident of its community
# raised this recently (by the panel path, while the link was down) instead of a second P1.
PANIC_JOIN = timedelta(minutes=10)
CATEGORY_MAX = 32
PENDING = "pending"  # a receipt's outcome inside its own transaction only, never committed
APPLIED, DISCARDED = "applied", "discarded"  # a conflict's decision
TICKET_OPEN = "open"
INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE, row security's refusals too


def server_now(s: Session, fallback: datetime) -> datetime:
    """The database server's clock (PostgreSQL); a SQLite file has no clock but this PC's."""
    if s.get_bind().dialect.name == "postgresql":
        found = s.scalar(text("SELECT clock_timestamp()"))
        if isinstance(found, datetime):
            return found
    return fallback


def _uuid(value: str) -> str:
    try:
        return str(uuid_mod.UUID(value))
    except (ValueError, AttributeError, TypeError) as exc:
        raise ValueError(f"not a UUID: {value!r}") from exc


def _clip(text_: str, limit: int) -> str:
    return text_ if len(text_) <= limit else text_[: limit - 1] + "…"


class _Known(Exception):
    """The UUID has a receipt already: the transaction rolls back, the first answer is sent."""


class StationService:
    """What community stations send, applied once by UUID; the control room's view of them."""

    def __init__(
        self,
        ctx: ServiceContext,
        surveys: SurveyService | None = None,
        orders: OrderService | None = None,
    ):
        self.ctx = ctx
        self.surveys = surveys  # None: survey responses from stations are refused
        self.orders = orders  # None: orders from stations are refused

    # --- applying entries -----------------------------------------------------------------
    def apply(self, who: Principal, uuid: str, entry: Entry) -> Applied:
        """Apply one outbox entry exactly once; the same UUID again gets the first answer.

        SENT with what it became ("incident:42", "ticket:7"), CONFLICT (a note on an incident
        changed since; kept for a person to decide) or REFUSED (not allowed, or not valid:
        nothing was written, the reason is in `detail`). A database that cannot be reached
        raises (sqlalchemy's OperationalError and kin): the station keeps the entry.
        """
        key = _uuid(uuid)
        kind = kind_of(entry)
        community = None if isinstance(entry, IncidentNote) else entry.community
        try:
            with self.ctx.write(who, Permission.HANDLE_INCIDENTS, community) as tx:
                return self._apply_in(tx, who, key, kind, entry)
        except _Known:
            return self._answer(key)
        except PermissionDenied as exc:
            return Applied(SendState.REFUSED, "", f"not allowed: {exc}")
        except (ValueError, LookupError, TransitionError, AlreadyAnswered) as exc:
            return Applied(SendState.REFUSED, "", str(exc))
        except ProgrammingError as exc:
            if getattr(exc.orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
                raise
            # The database's row security said no (a role of another community): for good.
            return Applied(SendState.REFUSED, "", "not allowed by the database for this station")

    def _apply_in(
        self, tx: WriteTx, who: Principal, key: str, kind: EntryKind, entry: Entry
    ) -> Applied:
        s = tx.session
        # Server time wins: every row this write leaves carries the database's clock.
        tx.now = server_now(s, tx.now)
        station_at = (
            entry.pressed_at
            if isinstance(entry, PanicPress)
            else entry.taken_at
            if isinstance(entry, ResidentRequest | StationSurvey | StationOrder)
            else entry.written_at
        )
        if s.scalar(select(StationReceipt.id).where(StationReceipt.uuid == key)) is not None:
            raise _Known(key)  # a resend: its first answer, whatever happened since
        # The community first: the receipt is under row security by it.
        inc: Incident | None = None
        if isinstance(entry, IncidentNote):
            inc, ccode = IncidentService.locked_row(s, entry.incident_id)
            self.ctx.check(tx, Permission.HANDLE_INCIDENTS, ccode or STREET_WIDE)
            cid = inc.community_id
        else:
            cid = self._community_id(s, entry.community)
        # The claim comes before the write: a second sender of the same UUID waits here for
        # the first one's commit (PostgreSQL) or its write lock (SQLite), then finds it.
        claimed = s.execute(
            upsert_insert(s, StationReceipt)
            .values(
                uuid=key,
                kind=kind.value,
                workstation=entry.workstation,
                community_id=cid,
                outcome=PENDING,
                result_ref="",
                detail="",
                received_at=tx.now,
                station_at=station_at,
                received_by=who.username,
            )
            .on_conflict_do_nothing(index_elements=["uuid"])
            .returning(StationReceipt.id)
        ).scalar()
        if claimed is None:
            raise _Known(key)
        if isinstance(entry, PanicPress):
            answer = self._panic(tx, who, cid, entry)
        elif isinstance(entry, ResidentRequest):
            answer = self._request(tx, who, key, cid, entry)
        elif isinstance(entry, StationSurvey):
            answer = self._survey(tx, entry)
        elif isinstance(entry, StationOrder):
            answer = self._order(tx, who, entry)
        else:
            assert inc is not None
            answer = self._note(tx, who, key, inc, entry)
        s.execute(
            update(StationReceipt)
            .where(StationReceipt.id == claimed)
            .values(
                outcome=answer.state.value,
                result_ref=answer.server_ref,
                detail=_clip(answer.detail, 300),
            )
        )
        return answer

    def _answer(self, key: str) -> Applied:
        with self.ctx.read() as s:
            r = s.scalar(select(StationReceipt).where(StationReceipt.uuid == key))
        if r is None:
            # Claimed under another community's scope (row security hides it): not ours.
            return Applied(SendState.REFUSED, "", f"entry {key} is known under another scope")
        return Applied(SendState(r.outcome), r.result_ref, r.detail)

    def _audit(self, tx: WriteTx, action: AuditAction, target: str, detail: str = "") -> None:
        # At the server's time, as the rows it records.
        self.ctx.audit_in(tx.session, actor_name(tx.actor), action, target, detail, at=tx.now)

    @staticmethod
    def _community_id(s: Session, code: str) -> int:
        cid = s.scalar(select(Community.id).where(Community.code == code))
        if cid is None:
            raise ValueError(f"unknown community {code!r}")
        return cid

    @staticmethod
    def _station_name(s: Session, workstation: str) -> str:
        name = s.scalar(select(Workstation.name).where(Workstation.code == workstation))
        return name or workstation

    def _panic(self, tx: WriteTx, who: Principal, cid: int | None, press: PanicPress) -> Applied:
        """A P1 at the control room, as an alarm: a panic press is the same call for help as
        a panel's panic zone, and the operator should see and hear it as one."""
        s = tx.session
        found = s.execute(
            select(IncidentType.id, IncidentType.name).where(IncidentType.code == PANIC_TYPE)
        ).one_or_none()
        tid, tname = (found[0], found[1]) if found is not None else (None, "紧急求助")
        station = self._station_name(s, press.workstation)
        title = clean_line(f"{tname} · {station}")
        how = _PRESS_WORDS.get(press.source, clean_line(press.source))
        lines = [f"社区工作站 {press.workstation} 一键报警（{how}）。"]
        if press.note:
            lines.append(clean_block(press.note))
        joined = self._open_panic(s, tid, cid, tx.now)
        if joined is not None:
            # Pressed while the link was down, the panic also went by the panel and its alarm
            # opened this incident already: one emergency, one incident at the control room.
            stamp = as_utc(press.pressed_at).strftime("%Y-%m-%d %H:%M:%S UTC")
            lines.append(f"按下时间 {stamp}（工作站时钟），稍后经数据库送达。")
            self._add_note(tx, who, joined, _clip("\n".join(lines), NOTE_MAX), press.workstation)
            return Applied(
                SendState.SENT,
                f"incident:{joined.id}",
                f"joined the open panic incident #{joined.id} of this community",
            )
        inc = add_incident(
            tx,
            title=_clip(title, TITLE_MAX),
            description=_clip("\n".join(lines), DESCRIPTION_MAX),
            priority=Priority.P1,
            source=IncidentSource.ALARM,
            community_id=cid,
            location="",
            type_id=tid,
            created_by_id=who.user_id,
        )
        return Applied(SendState.SENT, f"incident:{inc.id}")

    @staticmethod
    def _open_panic(s: Session, tid: int | None, cid: int | None, now: datetime) -> Incident | None:
        """An open panic incident of the community raised within PANIC_JOIN (by the panel)."""
        if tid is None or cid is None:
            return None
        return s.scalars(
            select(Incident)
            .where(
                Incident.type_id == tid,
                Incident.community_id == cid,
                Incident.created_at >= now - PANIC_JOIN,
                Incident.state.in_([st.value for st in OPEN_STATES]),
                Incident.merged_into_id.is_(None),
                Incident.anonymised_at.is_(None),
            )
            .order_by(Incident.created_at.desc())
            .limit(1)
        ).first()

    def _request(
        self, tx: WriteTx, who: Principal, key: str, cid: int | None, req: ResidentRequest
    ) -> Applied:
        s = tx.session
        if cid is None:
            raise ValueError("a request needs a community")
        description = clean_block(req.description)
        name, phone = clean_line(req.caller_name), clean_line(req.caller_phone)
        if not description:
            raise ValueError("a request needs a description")
        if len(description) > DESCRIPTION_MAX:
            raise ValueError(f"a description has at most {DESCRIPTION_MAX} characters")
        if len(name) > CALLER_NAME_MAX or len(phone) > CALLER_PHONE_MAX:
            raise ValueError(
                f"caller name at most {CALLER_NAME_MAX}, phone at most {CALLER_PHONE_MAX} "
                "characters"
            )
        if req.resident_id is not None:
            home = s.scalar(select(Resident.community_id).where(Resident.id == req.resident_id))
            if home != cid:
                # Unknown, or not of this community (row security may hide it): not linked.
                raise ValueError(f"resident {req.resident_id} is not of {req.community}")
        if req.target is RequestTarget.TICKET:
            category = clean_line(req.category)
            if not category or len(category) > CATEGORY_MAX:
                raise ValueError(f"a ticket's category is 1 to {CATEGORY_MAX} characters")
            ticket = ServiceTicket(
                community_id=cid,
                resident_id=req.resident_id,
                category=category,
                description=description,
                caller_name=name,
                caller_phone=phone,
                status=TICKET_OPEN,
                created_at=tx.now,
                created_by_id=who.user_id,
                workstation=req.workstation,
                client_uuid=key,
                source="station",
            )
            s.add(ticket)
            s.flush()
            stamp_new_ticket(tx, ticket, who.user_id)  # a feedback ticket's deadlines (0026)
            tx.change("service_ticket", ticket.id, "insert")
            self._audit(tx, AuditAction.TICKET_CREATED, f"ticket:{ticket.id}", category)
            note = self._ticket_photo(tx, who, ticket, req) if req.photo else ""
            return Applied(SendState.SENT, f"ticket:{ticket.id}", note)
        found = s.execute(
            select(IncidentType.id, IncidentType.name).where(IncidentType.code == req.category)
        ).one_or_none()
        if found is None:
            raise ValueError(f"unknown incident type {req.category!r}")
        first = description.splitlines()[0]
        inc = add_incident(
            tx,
            title=_clip(clean_line(f"{found[1]} · {first}"), TITLE_MAX),
            description=description,
            priority=req.priority,
            source=IncidentSource.MANUAL,
            community_id=cid,
            location="",
            type_id=found[0],
            created_by_id=who.user_id,
            caller_name=name,
            caller_phone=phone,
        )
        detail = self._photo(tx, who, inc.id, req) if req.photo else ""
        return Applied(SendState.SENT, f"incident:{inc.id}", detail)

    def _photo(self, tx: WriteTx, who: Principal, incident_id: int, req: ResidentRequest) -> str:
        """The request's photo as the incident's attachment, in the same transaction; a photo
        the attachment rules refuse leaves the incident standing and says why."""
        try:
            checked = check_file(req.photo_name or "photo.jpg", req.photo)
        except AttachmentRefused as exc:
            return f"photo not attached: {exc}"
        att = add_attachment(tx, who, incident_id, checked, req.photo)
        self._audit(tx, AuditAction.ATTACHMENT_ADDED, str(incident_id), detail_of(att))
        return ""

    def _ticket_photo(
        self, tx: WriteTx, who: Principal, ticket: ServiceTicket, req: ResidentRequest
    ) -> str:
        """The request's photo kept with its ticket (the same file rules as an incident's
        attachment); a photo they refuse leaves the ticket standing and says why."""
        try:
            checked = check_file(req.photo_name or "photo.jpg", req.photo)
        except AttachmentRefused as exc:
            return f"photo not kept: {exc}"
        photo = ServiceTicketPhoto(
            ticket_id=ticket.id,
            community_id=ticket.community_id,
            name=checked.name,
            mime=checked.mime,
            size=checked.size,
            sha256=checked.sha256,
            data=req.photo,
            added_by_id=who.user_id,
            added_at=tx.now,
        )
        tx.session.add(photo)
        tx.session.flush()
        tx.change("service_ticket_photo", photo.id, "insert")
        detail = json.dumps(
            {"photo": photo.id, "name": checked.name, "sha256": checked.sha256},
            ensure_ascii=False,
            sort_keys=True,
        )
        self._audit(tx, AuditAction.ATTACHMENT_ADDED, f"ticket:{ticket.id}", detail)
        return ""

    def _survey(self, tx: WriteTx, entry: StationSurvey) -> Applied:
        """A survey response, taken once by its client UUID too (a slip used twice, a
        response entered again at another station: the first one stands)."""
        if self.surveys is None:
            raise ValueError("this console does not take survey responses")
        sub = entry.submission
        taken = self.surveys.take(
            tx,
            sub.round_code,
            sub.client_uuid,
            sub.resident_id,
            sub.mode,
            sub.helped_by,
            dict(sub.answers),
            sub.complete,
            entry.community,
            business_id=sub.business_id,
        )
        # Never the response's id: in an anonymous round the receipt would pair it with the
        # station's time and the "has answered" flag of the same transaction.
        ref = f"survey:{sub.round_code}"
        if taken.replayed:
            return Applied(SendState.SENT, ref, "taken before (the same response)")
        if not taken.kept:
            return Applied(SendState.SENT, ref, "partial response not kept by the round")
        return Applied(SendState.SENT, ref)

    def _order(self, tx: WriteTx, who: Principal, entry: StationOrder) -> Applied:
        """An order for a resident, placed once by its client UUID too (the same order sent
        again, or entered again at the control room, stays one order)."""
        if self.orders is None:
            raise ValueError("this console does not take orders")
        self.ctx.check(tx, Permission.PLACE_ORDERS, entry.community)
        placed = self.orders.take(tx, who, entry.draft)
        ref = f"order:{placed.order_id}"
        if placed.replayed:
            return Applied(SendState.SENT, ref, "placed before (the same order)")
        return Applied(SendState.SENT, ref, placed.detail)

    def _note(
        self, tx: WriteTx, who: Principal, key: str, inc: Incident, note: IncidentNote
    ) -> Applied:
        s = tx.session
        body = clean_block(note.text)
        if not body:
            raise ValueError("a note needs text")
        if len(body) > NOTE_MAX:
            raise ValueError(f"a note has at most {NOTE_MAX} characters")
        reason = ""
        if inc.anonymised_at is not None:
            raise TransitionError(f"incident {inc.id} is anonymised: nothing is added")
        if inc.merged_into_id is not None:
            reason = f"incident #{inc.id} was merged into #{inc.merged_into_id}"
        elif inc.version != note.base_version:
            reason = (
                f"incident #{inc.id} changed at the centre since version {note.base_version} "
                f"(now {inc.version})"
            )
        if reason:
            s.add(
                StationConflict(
                    uuid=key,
                    workstation=note.workstation,
                    community_id=inc.community_id,
                    kind=EntryKind.NOTE.value,
                    incident_id=inc.id,
                    payload=to_json(note),
                    reason=reason,
                    created_at=tx.now,
                )
            )
            s.flush()
            tx.change("station_conflict", None, "insert")
            self._audit(tx, AuditAction.STATION_CONFLICT, f"conflict:{key}", reason)
            return Applied(SendState.CONFLICT, "", reason)
        self._add_note(tx, who, inc, body, note.workstation)
        return Applied(SendState.SENT, f"incident:{inc.id}")

    def _add_note(
        self, tx: WriteTx, who: Principal, inc: Incident, body: str, workstation: str
    ) -> None:
        inc.updated_at = tx.now
        tx.session.add(
            IncidentEvent(
                incident_id=inc.id,
                ts=tx.now,
                kind="note",
                note=body,
                actor_id=who.user_id,
                workstation=workstation,
                version=bump(inc),
            )
        )
        tx.change("incident", inc.id, "update")
        self._audit(tx, AuditAction.INCIDENT_CHANGED, str(inc.id), f"note from {workstation}")

    # --- conflicts ------------------------------------------------------------------------
    def conflicts(self, who: Principal, *, include_decided: bool = False) -> list[ConflictRow]:
        """Entries waiting for a person's decision, oldest first (in `who`'s communities)."""
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        with self.ctx.read() as s:
            stmt = (
                select(StationConflict, Community.code)
                .outerjoin(Community, StationConflict.community_id == Community.id)
                .order_by(StationConflict.created_at, StationConflict.id)
            )
            if not include_decided:
                stmt = stmt.where(StationConflict.decided_at.is_(None))
            if who.communities is not None:
                stmt = stmt.where(Community.code.in_(sorted(who.communities)))
            return [_conflict_row(c, code) for c, code in s.execute(stmt)]

    def decide(self, who: Principal, uuid: str, apply_anyway: bool) -> Applied:
        """Apply a conflicting entry after all, or drop it; a second decision changes nothing
        and gets the first one's answer."""
        key = _uuid(uuid)
        with self.ctx.write(who, Permission.HANDLE_INCIDENTS) as tx:
            s = tx.session
            tx.now = server_now(s, tx.now)
            found = s.execute(
                select(StationConflict, Community.code)
                .outerjoin(Community, StationConflict.community_id == Community.id)
                .where(StationConflict.uuid == key)
                .with_for_update(of=StationConflict)
            ).one_or_none()
            if found is None:
                raise LookupError(f"no conflict {key}")
            c, ccode = found
            self.ctx.check(tx, Permission.HANDLE_INCIDENTS, ccode or STREET_WIDE)
            receipt = s.scalar(select(StationReceipt).where(StationReceipt.uuid == key))
            if c.decided_at is not None:
                if receipt is None:
                    return Applied(SendState.REFUSED, "", "decided, but its receipt is missing")
                return Applied(SendState(receipt.outcome), receipt.result_ref, receipt.detail)
            answer = Applied(SendState.DISCARDED, "", f"discarded by {who.username}")
            if apply_anyway:
                note = from_json(EntryKind(c.kind), c.payload)
                if not isinstance(note, IncidentNote) or c.incident_id is None:
                    raise TransitionError(f"conflict {key}: its incident is gone")
                inc, _ = IncidentService.locked_row(s, c.incident_id)
                self._add_note(tx, who, inc, clean_block(note.text), c.workstation)
                answer = Applied(SendState.SENT, f"incident:{inc.id}", f"applied by {who.username}")
            c.decided_at = tx.now
            c.decided_by = who.username
            c.decision = APPLIED if apply_anyway else DISCARDED
            if receipt is not None:
                receipt.outcome = answer.state.value
                receipt.result_ref = answer.server_ref
                receipt.detail = answer.detail
            tx.change("station_conflict", c.id, "update")
            self._audit(tx, AuditAction.STATION_CONFLICT_DECIDED, f"conflict:{key}", c.decision)
            return answer

    # --- the link: heartbeats and the control room's view ---------------------------------
    def heartbeat(
        self, who: Principal, workstation: str, station_clock: datetime, waiting: int
    ) -> datetime:
        """A station is alive: stored by the server's clock with how far the station's clock
        is off (station minus server) and how many entries it still holds; returns the
        server's now. A station coming back (not heard of for OFFLINE_AFTER) is a change
        the control rooms hear of; a plain heartbeat is not."""
        if station_clock.tzinfo is None:
            raise ValueError("the station's clock must be given with its offset")
        with self.ctx.read() as s:
            cid = s.scalar(select(Workstation.community_id).where(Workstation.code == workstation))
            ccode = (
                None if cid is None else s.scalar(select(Community.code).where(Community.id == cid))
            )
        with self.ctx.write(who, Permission.VIEW_CONSOLE, ccode) as tx:
            s = tx.session
            now = tx.now = server_now(s, tx.now)
            skew = (station_clock - now).total_seconds()
            before = s.scalar(
                select(StationHeartbeat.last_seen_at).where(
                    StationHeartbeat.workstation == workstation
                )
            )
            values = {
                "community_id": cid,
                "last_seen_at": now,
                "clock_skew_s": skew,
                "waiting": max(0, int(waiting)),
            }
            s.execute(
                upsert_insert(s, StationHeartbeat)
                .values(workstation=workstation, **values)
                .on_conflict_do_update(index_elements=["workstation"], set_=values)
            )
            if before is None or now - before > OFFLINE_AFTER:
                tx.change("station_heartbeat", None, "update")
            return now

    def stations(self, who: Principal) -> builtins.list[StationSeen]:
        """Every community station in `who`'s scope: online, or offline since when."""
        self.ctx.require(who, Permission.VIEW_CONSOLE)
        with self.ctx.read() as s:
            now = server_now(s, self.ctx.clock())
            stmt = (
                select(Workstation.code, Community.code, StationHeartbeat)
                .join(Community, Workstation.community_id == Community.id)
                .outerjoin(StationHeartbeat, StationHeartbeat.workstation == Workstation.code)
                .order_by(Workstation.code)
            )
            if who.communities is not None:
                stmt = stmt.where(Community.code.in_(sorted(who.communities)))
            out: builtins.list[StationSeen] = []
            for ws, ccode, found in s.execute(stmt):
                hb: StationHeartbeat | None = found
                if hb is None:
                    out.append(StationSeen(ws, ccode, None, False))
                    continue
                out.append(
                    StationSeen(
                        workstation=ws,
                        community=ccode,
                        last_seen_at=hb.last_seen_at,
                        online=now - hb.last_seen_at <= OFFLINE_AFTER,
                        clock_skew_s=hb.clock_skew_s,
                        waiting=hb.waiting,
                    )
                )
            return out


def _conflict_row(c: StationConflict, community: str | None) -> ConflictRow:
    try:
        note = from_json(EntryKind(c.kind), c.payload)
        words = note.text if isinstance(note, IncidentNote) else ""
    except ValueError:
        words = ""
    return ConflictRow(
        uuid=c.uuid,
        workstation=c.workstation,
        community=community,
        kind=EntryKind(c.kind),
        incident_id=c.incident_id,
        text=words,
        reason=c.reason,
        created_at=c.created_at,
        decided_at=c.decided_at,
        decided_by=c.decided_by,
        decision=c.decision,
    )
