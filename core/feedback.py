"""Feedback tickets as Beijing's 12345 works them: categories, deadlines, states, monthly rates.

Every comment, complaint or request (a survey answer, a call, a station visit, a walk-in) can
become a ticket. Its category gives the department responsible by default and two deadlines:

  code         中文      default department kind   first response   resolution (working days)
  safety       治安      police                    2 hours          3
  noise        噪音扰民  city_management           2 hours          3
  environment  环境卫生  city_management           24 hours         5
  property     物业      committee                 24 hours         7
  services     民生服务  civil_affairs             24 hours         7
  suggestion   建议      street_office             48 hours         15
  praise       表扬      street_office             48 hours         5
  other        其他      committee                 24 hours         7

The first response is counted in clock hours (a resident waiting on a noise complaint at night
waits in clock hours); the resolution in working days (Monday to Friday, less the site's
holidays, plus its make-up working days, 调休): due at the end (24:00 in the site's zone) of
the Nth working day after the day the ticket was opened.

States: open → answered (a reply was given to the resident, by phone or a printed slip) →
resolved → rated (the resident's rating 1–5; 4 and 5 count as satisfied). A resolved or rated
ticket can be reopened with a reason: it is open again with a fresh resolution deadline; its
first reply still counts for the response rate.

Monthly rates per community, over the tickets opened in the month (site's zone), as 12345
publishes 响应率, 解决率 and 满意率:

- response rate (响应率) = tickets answered at or before their response deadline ÷ tickets
  whose response was due by the report time (deadline passed, or answered already);
- resolution rate (解决率) = tickets resolved (resolved or rated now) ÷ tickets opened;
- satisfaction rate (满意率) = tickets rated 4 or 5 ÷ tickets rated.

Worked example (November, report on 30 November): four tickets opened; A answered in 1 h of
its 2 h, resolved, rated 5; B answered after 30 h of its 24 h, resolved, rated 2; C answered in
time, not resolved; D opened on the 30th, not answered, its response due on 1 December. Response
rate 2/3 (D not yet due), resolution 2/4, satisfaction 1/2.

Pure: no Qt, no database.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from core.incidents import TransitionError
from core.timefmt import DEFAULT_ZONE, as_utc, local

__all__ = [
    "CATEGORIES",
    "RATING_MAX",
    "RATING_MIN",
    "REPLY_MAX",
    "SATISFIED_FROM",
    "STATION_ALIASES",
    "TEXT_MAX",
    "UNRESOLVED",
    "Action",
    "Calendar",
    "Category",
    "Deadline",
    "DeadlineStatus",
    "DepartmentChoice",
    "MonthRates",
    "NewTicket",
    "OverdueTicket",
    "Rate",
    "ReplyChannel",
    "Source",
    "TicketEventRow",
    "TicketFacts",
    "TicketRow",
    "TicketState",
    "TransitionError",
    "category",
    "deadline_status",
    "due_dates",
    "month_bounds",
    "monthly_rates",
    "needs_contact",
    "next_state",
    "queue_key",
    "resolve_due",
    "satisfied",
]

TEXT_MAX: Final = 2000  # a ticket's text (what the resident said)
REPLY_MAX: Final = 1000  # a reply, a resolution note, a reopening reason
RATING_MIN: Final = 1
RATING_MAX: Final = 5
SATISFIED_FROM: Final = 4  # 4 (satisfied) and 5 (very satisfied)


class TicketState(enum.StrEnum):
    """Where a ticket stands."""

    OPEN = "open"
    ANSWERED = "answered"  # a reply reached the resident
    RESOLVED = "resolved"
    RATED = "rated"  # the resident rated the outcome


UNRESOLVED: Final = frozenset({TicketState.OPEN, TicketState.ANSWERED})


class Action(enum.StrEnum):
    """What a worker does to a ticket; each is one history event of this kind."""

    CREATE = "created"
    ASSIGN = "assigned"
    REPLY = "answered"
    RESOLVE = "resolved"
    RATE = "rated"
    REOPEN = "reopened"
    OVERDUE = "overdue"  # written by the clock, not by a person


class Source(enum.StrEnum):
    """Where the feedback came from."""

    SURVEY = "survey"  # a survey answer: round code and question id
    CALL = "call"  # a call on the line: the call's id and number
    STATION = "station"  # a visit at a community station (the station's request form)
    WALK_IN = "walk_in"  # said in person at the centre


class ReplyChannel(enum.StrEnum):
    """How the reply reached the resident."""

    PHONE = "phone"
    SLIP = "slip"  # a printed reply slip handed over or left at the station


class Deadline(enum.StrEnum):
    """The two clocks of a ticket."""

    RESPONSE = "response"
    RESOLVE = "resolve"


@dataclass(frozen=True, slots=True)
class Category:
    """A feedback category: who handles it by default, and how long they have."""

    code: str
    zh: str  # the name 12345 uses
    department_kind: str  # core.site department kinds: police, committee, …
    response: timedelta  # first response, clock time
    resolve_days: int  # working days


CATEGORIES: Final[tuple[Category, ...]] = (
    Category("safety", "治安", "police", timedelta(hours=2), 3),
    Category("noise", "噪音扰民", "city_management", timedelta(hours=2), 3),
    Category("environment", "环境卫生", "city_management", timedelta(hours=24), 5),
    Category("property", "物业", "committee", timedelta(hours=24), 7),
    Category("services", "民生服务", "civil_affairs", timedelta(hours=24), 7),
    Category("suggestion", "建议", "street_office", timedelta(hours=48), 15),
    Category("praise", "表扬", "street_office", timedelta(hours=48), 5),
    Category("other", "其他", "committee", timedelta(hours=24), 7),
)
_BY_CODE: Final = {c.code: c for c in CATEGORIES}
# A community station's ticket categories (core.contacts.TICKET_CATEGORIES) filed as feedback.
STATION_ALIASES: Final = {
    "daily_help": "services",
    "repair": "property",
    "benefits": "services",
    "feedback": "suggestion",
}


def category(code: str) -> Category:
    """The category of a code; a station's own code by its alias; anything else is "other"."""
    return _BY_CODE.get(code) or _BY_CODE[STATION_ALIASES.get(code, "other")]


@dataclass(frozen=True, slots=True)
class Calendar:
    """Working days: Monday to Friday, less `holidays`, plus `workdays` (make-up days)."""

    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()

    def is_working(self, day: date) -> bool:
        """True on a working day."""
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays


def resolve_due(
    opened: datetime, days: int, zone: str = DEFAULT_ZONE, calendar: Calendar = Calendar()
) -> datetime:
    """The end (24:00 local) of the `days`th working day after the local day of `opened`; UTC."""
    if days < 1:
        raise ValueError("a resolution takes at least one working day")
    day = local(opened, zone).date()
    left = days
    while left:
        day += timedelta(days=1)
        if calendar.is_working(day):
            left -= 1
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=ZoneInfo(zone))
    return as_utc(end)


def due_dates(
    code: str, opened: datetime, zone: str = DEFAULT_ZONE, calendar: Calendar = Calendar()
) -> tuple[datetime, datetime]:
    """(response due, resolution due) of a ticket of this category opened at `opened`, UTC."""
    c = category(code)
    return as_utc(opened) + c.response, resolve_due(opened, c.resolve_days, zone, calendar)


_MOVES: Final[dict[Action, tuple[frozenset[TicketState], TicketState | None]]] = {
    Action.ASSIGN: (UNRESOLVED, None),  # None: the state stays
    Action.REPLY: (UNRESOLVED, TicketState.ANSWERED),
    Action.RESOLVE: (frozenset({TicketState.ANSWERED}), TicketState.RESOLVED),
    Action.RATE: (frozenset({TicketState.RESOLVED}), TicketState.RATED),
    Action.REOPEN: (frozenset({TicketState.RESOLVED, TicketState.RATED}), TicketState.OPEN),
}


def next_state(state: TicketState, action: Action) -> TicketState:
    """The state after `action`; TransitionError when the lifecycle does not allow it.

    A reply may follow a reply (the resident is told more); resolving needs a reply first
    (every piece of feedback is answered); only a resolved ticket is rated, once.
    """
    if action not in _MOVES:
        raise TransitionError(f"{action.value} is not a worker's step")
    allowed, after = _MOVES[action]
    if state not in allowed:
        raise TransitionError(f"a ticket that is {state.value} cannot be {action.value}")
    return state if after is None else after


def satisfied(rating: int) -> bool:
    """A rating of 4 or 5; ValueError outside 1–5."""
    if not RATING_MIN <= rating <= RATING_MAX:
        raise ValueError(f"a rating is {RATING_MIN} to {RATING_MAX}")
    return rating >= SATISFIED_FROM


@dataclass(frozen=True, slots=True)
class DeadlineStatus:
    """The clock a ticket runs against now: which, when due, and how much is left."""

    deadline: Deadline | None  # None: no clock runs (resolved or rated)
    due_at: datetime | None
    left: timedelta  # negative once overdue

    @property
    def overdue(self) -> bool:
        """True once the running clock has passed its deadline."""
        return self.deadline is not None and self.left < timedelta(0)


def deadline_status(
    state: TicketState,
    answered: bool,
    response_due: datetime | None,
    resolve_due_at: datetime | None,
    now: datetime,
) -> DeadlineStatus:
    """An open ticket never answered runs against its response deadline; one answered, or
    reopened after an answer, against its resolution deadline; a resolved one against none."""
    if state not in UNRESOLVED:
        return DeadlineStatus(None, None, timedelta(0))
    if not answered and response_due is not None:
        return DeadlineStatus(Deadline.RESPONSE, response_due, as_utc(response_due) - as_utc(now))
    if resolve_due_at is None:
        return DeadlineStatus(None, None, timedelta(0))
    return DeadlineStatus(Deadline.RESOLVE, resolve_due_at, as_utc(resolve_due_at) - as_utc(now))


# --- monthly rates -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TicketFacts:
    """What the monthly rates need of one ticket."""

    community: str
    opened_at: datetime
    response_due: datetime
    answered_at: datetime | None  # the first reply
    state: TicketState
    rating: int | None


@dataclass(frozen=True, slots=True)
class Rate:
    """A rate as numerator over denominator; `value` is None when nothing was counted."""

    num: int
    den: int

    @property
    def value(self) -> float | None:
        """num ÷ den, or None for 0 ÷ 0."""
        return None if self.den == 0 else self.num / self.den


@dataclass(frozen=True, slots=True)
class MonthRates:
    """One community's month, as 12345 publishes it."""

    community: str
    tickets: int
    response: Rate
    resolution: Rate
    satisfaction: Rate


def month_bounds(year: int, month: int, zone: str = DEFAULT_ZONE) -> tuple[datetime, datetime]:
    """The first instant of the month and of the next one in the site's zone, as UTC."""
    tz = ZoneInfo(zone)
    start = datetime(year, month, 1, tzinfo=tz)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
    return as_utc(start), as_utc(end)


def monthly_rates(
    facts: Iterable[TicketFacts],
    year: int,
    month: int,
    as_of: datetime,
    zone: str = DEFAULT_ZONE,
) -> list[MonthRates]:
    """The three rates per community (sorted by code) over the tickets opened in the month.

    Tickets opened outside the month are ignored. See the module docstring for the definitions.
    """
    start, end = month_bounds(year, month, zone)
    now = as_utc(as_of)
    counts: dict[str, list[int]] = {}
    for f in facts:
        if not start <= as_utc(f.opened_at) < end:
            continue
        c = counts.setdefault(f.community, [0] * 7)
        c[0] += 1
        due = as_utc(f.response_due)
        if f.answered_at is not None or due <= now:
            c[1] += 1  # due by now
            if f.answered_at is not None and as_utc(f.answered_at) <= due:
                c[2] += 1
        if f.state in (TicketState.RESOLVED, TicketState.RATED):
            c[3] += 1
        if f.rating is not None:
            c[4] += 1
            if satisfied(f.rating):
                c[5] += 1
    return [
        MonthRates(
            community=code,
            tickets=c[0],
            response=Rate(c[2], c[1]),
            resolution=Rate(c[3], c[0]),
            satisfaction=Rate(c[5], c[4]),
        )
        for code, c in sorted(counts.items())
    ]


# --- what services hand over and return (plain data for the console and its widgets) ------


@dataclass(frozen=True, slots=True)
class NewTicket:
    """A piece of feedback to file; the service checks it and fills the rest.

    From a survey: `round_code` and `question_id` (an anonymous round's ticket is never
    linked to a resident; a contact given for the reply is kept). From a call: `call_id`
    (its number is the contact unless another is given). From a station: the station's own
    request path (data.services.station). A walk-in: just the text and a contact.
    """

    community: str
    category: str
    text: str
    source: Source
    department: str | None = None  # a department code; None: the category's default
    contact_name: str = ""
    contact_phone: str = ""
    resident_id: int | None = None
    call_id: int | None = None
    round_code: str = ""
    question_id: str = ""


@dataclass(frozen=True, slots=True)
class TicketRow:
    """A ticket as the console shows it; the phone masked for roles that may not see it."""

    id: int
    community: str
    category: str
    text: str
    source: Source
    source_ref: str
    department: str | None
    department_name: str
    contact_name: str
    contact_phone: str
    phone_masked: bool
    resident_id: int | None
    state: TicketState
    created_at: datetime
    response_due_at: datetime | None
    resolve_due_at: datetime | None
    answered_at: datetime | None
    resolved_at: datetime | None
    rating: int | None
    reply_channel: ReplyChannel | None
    reply_text: str
    reopened: int

    def clock(self, now: datetime) -> DeadlineStatus:
        """The deadline this ticket runs against now."""
        return deadline_status(
            self.state,
            self.answered_at is not None,
            self.response_due_at,
            self.resolve_due_at,
            now,
        )


_NO_DEADLINE: Final = datetime.max.replace(tzinfo=UTC)


def queue_key(row: TicketRow) -> tuple[int, datetime, int]:
    """A ticket's place in the queue, as FeedbackService.tickets orders it: the unresolved
    first, by the deadline that runs (the first response until answered, then the
    resolution; none: after the others), then the resolved and rated, newest first. Among
    equals the newer ticket comes first."""
    if row.state in UNRESOLVED:
        running = row.response_due_at if row.answered_at is None else row.resolve_due_at
        return 0, _NO_DEADLINE if running is None else as_utc(running), -row.id
    return 1, _NO_DEADLINE, -row.id


def needs_contact(source: Source) -> bool:
    """True when a ticket from `source` must say how the reply reaches the resident (a name
    or a phone): a walk-in and a call are answered to the person. A survey answer may come
    from an anonymous round and needs none (the contact is only what the resident chose to
    give); a station's request carries its own resident (data.services.station)."""
    return source in (Source.WALK_IN, Source.CALL)


@dataclass(frozen=True, slots=True)
class TicketEventRow:
    """One step of a ticket's history."""

    id: int
    ts: datetime
    kind: Action
    actor: str  # "" for the clock
    workstation: str
    value: str
    note: str


@dataclass(frozen=True, slots=True)
class OverdueTicket:
    """An overdue event as supervisors are told of it."""

    event_id: int
    ticket_id: int
    community: str
    category: str
    deadline: Deadline
    due_at: datetime
    at: datetime


@dataclass(frozen=True, slots=True)
class DepartmentChoice:
    """A department a ticket can be given to."""

    code: str
    name: str
    kind: str
