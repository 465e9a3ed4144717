"""A community station's work as plain data: what it submits, its outbox, its link, its setup."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from core.model import Priority
from core.orders import OrderDraft
from core.survey_take import SurveySubmission


class EntryKind(enum.StrEnum):
    """What a station sends to the shared database (each entry carries its own UUID)."""

    PANIC = "panic"  # the on-screen or hardware panic button: a P1 at the control room
    REQUEST = "request"  # a walk-in or phoned-in resident request: an incident or a ticket
    NOTE = "note"  # a note on an incident the station already knows (may conflict)
    SURVEY = "survey"  # a survey response taken at the station (kiosk, paper, assisted)
    ORDER = "order"  # an order of daily necessities placed for a resident at the station


class RequestTarget(enum.StrEnum):
    """What a resident's request becomes at the centre."""

    INCIDENT = "incident"
    TICKET = "ticket"  # a service ticket (needs, feedback, help with daily life)


class SendState(enum.StrEnum):
    """An outbox entry's progress; nothing leaves the outbox but by SENT or a person's decision."""

    WAITING = "waiting"  # kept locally, not yet accepted by the shared database
    SENT = "sent"  # accepted exactly once (server_ref names what it became)
    CONFLICT = "conflict"  # the centre changed the same item meanwhile: a person decides
    REFUSED = "refused"  # the server refused it for good (e.g. no longer allowed): shown
    DISCARDED = "discarded"  # a person decided to drop a conflicting entry (audited)


@dataclass(frozen=True, slots=True)
class PanicPress:
    """A panic button pressed at a station (pressed_at by the station's clock, aware)."""

    workstation: str
    community: str
    pressed_at: datetime
    source: str = "screen"  # "screen" | "panel"
    note: str = ""


@dataclass(frozen=True, slots=True)
class ResidentRequest:
    """A resident's request taken at a station (by the worker, face to face or by phone)."""

    workstation: str
    community: str
    target: RequestTarget
    category: str  # an incident type code, or a ticket category code
    description: str
    taken_at: datetime  # by the station's clock, aware
    resident_id: int | None = None  # None: not (yet) a known resident
    caller_name: str = ""
    caller_phone: str = ""
    priority: Priority = Priority.P3
    photo_name: str = ""  # the photo's file name, "" for none
    photo: bytes = field(default=b"", repr=False)


@dataclass(frozen=True, slots=True)
class IncidentNote:
    """A note on an incident, written against the version the station last saw."""

    workstation: str
    incident_id: int
    base_version: int
    text: str
    written_at: datetime


@dataclass(frozen=True, slots=True)
class StationSurvey:
    """A survey response taken at a station; its answers leave the outbox file once sent."""

    workstation: str
    community: str
    taken_at: datetime  # by the station's clock, aware
    submission: SurveySubmission


@dataclass(frozen=True, slots=True)
class StationOrder:
    """An order placed at a station for a resident; its client UUID makes it one order however
    often it is sent (a resend, the same order entered again elsewhere)."""

    workstation: str
    community: str
    taken_at: datetime  # by the station's clock, aware
    draft: OrderDraft


@dataclass(frozen=True, slots=True)
class StationRound:
    """An open survey round as a station offers it: its form, and its frame in the community."""

    code: str
    purpose: str
    title: str
    definition: str  # the form version's TOML: the kiosk runs it offline once started
    anonymous: bool
    keep_partial: bool
    ends_on: date
    frame: int  # members of the frame in this community
    answered: int  # of them, those who have answered


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One outbox entry as the station's screen shows it."""

    uuid: str
    kind: EntryKind
    summary: str  # one line for the "waiting to send" list; no personal data
    created_at: datetime
    state: SendState
    attempts: int = 0
    detail: str = ""  # why it waits, conflicts or was refused
    server_ref: str = ""  # e.g. "incident:42" once SENT


class LinkState(enum.StrEnum):
    """A station's link to the shared database, as the station and the centre see it."""

    ONLINE = "online"
    OFFLINE = "offline"


@dataclass(frozen=True, slots=True)
class StationLink:
    """The link as the station shows it: since when, and how wrong the station's clock is."""

    state: LinkState
    since: datetime | None
    clock_skew_s: float | None = None  # station clock minus server clock, last measured
    waiting: int = 0  # outbox entries not yet sent


@dataclass(frozen=True, slots=True)
class StationSeen:
    """A station as the control room sees it (offline when not heard of for a while)."""

    workstation: str
    community: str
    last_seen_at: datetime | None
    online: bool
    clock_skew_s: float | None = None
    waiting: int = 0  # entries the station said it still holds, at its last heartbeat


class StationDesk(Protocol):
    """What the station screen talks to. Every submit lands in the local outbox first and is
    sent from there, so a press or a request is never lost to a dropped link."""

    def submit_panic(self, press: PanicPress) -> OutboxItem: ...

    def submit_request(self, request: ResidentRequest) -> OutboxItem: ...

    def submit_note(self, note: IncidentNote) -> OutboxItem: ...

    def submit_survey(self, survey: StationSurvey) -> OutboxItem: ...

    def submit_order(self, order: StationOrder) -> OutboxItem: ...

    def items(self) -> list[OutboxItem]: ...

    def link(self) -> StationLink: ...


@dataclass(frozen=True, slots=True)
class Applied:
    """What the shared database made of one submitted entry (the same answer on a resend)."""

    state: SendState
    server_ref: str  # "incident:42", "ticket:7"; "" when nothing was written
    detail: str = ""  # why it conflicts or was refused


@dataclass(frozen=True, slots=True)
class ConflictRow:
    """An entry waiting for a person's decision (the incident changed since the station saw it)."""

    uuid: str
    workstation: str
    community: str | None
    kind: EntryKind
    incident_id: int | None
    text: str  # what the station wanted to add
    reason: str
    created_at: datetime  # by the server's clock
    decided_at: datetime | None = None
    decided_by: str | None = None
    decision: str | None = None  # "applied" or "discarded"
