"""Volunteers, shifts, pairings and tasks: the rows lists show and the sign-up rules."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final, TypeVar

T = TypeVar("T")

# A photo for the people a volunteer visits: a face, not a document scan.
PHOTO_MAX_BYTES: Final = 256 * 1024
PHOTO_MAGIC: Final = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")  # JPEG, PNG
NAME_MAX: Final = 64
TITLE_MAX: Final = 120
PLACE_MAX: Final = 100
NOTE_MAX: Final = 400
SKILLS_MAX: Final = 200
QUALIFICATION_MAX: Final = 32
# Parts of a day of the weekly availability grid: bit weekday * 3 + part.
DAY_PARTS: Final = ("morning", "afternoon", "evening")
AVAILABILITY_SLOTS: Final = 7 * len(DAY_PARTS)
PART_HOURS: Final = ((6, 12), (12, 18), (18, 22))  # local hours each part covers


class TaskKind(enum.StrEnum):
    """Where a task comes from: an incident's welfare check, a delivery, a regular visit, or
    a request at a station."""

    WELFARE_CHECK = "welfare_check"
    DELIVERY = "delivery"
    VISIT = "visit"
    REQUEST = "request"


class TaskStatus(enum.StrEnum):
    OPEN = "open"  # nobody assigned yet
    ASSIGNED = "assigned"
    DONE = "done"
    CANCELLED = "cancelled"


class SignupMode(enum.StrEnum):
    INSTANT = "instant"  # a sign-up that passes the rules is confirmed at once
    CONFIRM = "confirm"  # it waits for a coordinator's confirmation


class SignupStatus(enum.StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


# Sign-ups that hold a place (and make another of the same volunteer overlap).
HOLDING: Final = (SignupStatus.PENDING.value, SignupStatus.CONFIRMED.value)


class Cadence(enum.StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"


class Refusal(enum.StrEnum):
    """Why a sign-up is refused; the console words each in the user's language."""

    FULL = "full"
    TOO_YOUNG = "too_young"
    QUALIFICATION_MISSING = "qualification_missing"
    QUALIFICATION_EXPIRED = "qualification_expired"
    DEADLINE_PASSED = "deadline_passed"
    OVERLAP = "overlap"
    CANCELLED = "cancelled"
    STARTED = "started"
    INACTIVE = "inactive"
    ALREADY = "already"
    OTHER_COMMUNITY = "other_community"


REFUSAL_TEXT: Final[dict[Refusal, str]] = {
    Refusal.FULL: "the shift is full",
    Refusal.TOO_YOUNG: "the volunteer is under the shift's minimum age",
    Refusal.QUALIFICATION_MISSING: "the volunteer lacks the qualification the shift requires",
    Refusal.QUALIFICATION_EXPIRED: "the volunteer's qualification the shift requires has expired",
    Refusal.DEADLINE_PASSED: "the sign-up deadline has passed",
    Refusal.OVERLAP: "the volunteer is signed up for another shift at that time",
    Refusal.CANCELLED: "the shift was cancelled",
    Refusal.STARTED: "the shift has already started",
    Refusal.INACTIVE: "the volunteer is not active",
    Refusal.ALREADY: "the volunteer is already signed up for this shift",
    Refusal.OTHER_COMMUNITY: "the volunteer belongs to another community",
}


class SignupRefused(ValueError):
    """A sign-up that breaks a shift's rule; `code` names the rule."""

    def __init__(self, code: Refusal, detail: str = ""):
        text = REFUSAL_TEXT[code] + (f" ({detail})" if detail else "")
        super().__init__(text)
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class SignupFacts:
    """What the rules of a sign-up look at, read in the sign-up's transaction."""

    now: datetime
    starts_at: datetime
    ends_at: datetime
    deadline: datetime | None
    cancelled: bool
    capacity: int
    taken: int  # pending and confirmed sign-ups of others
    min_age: int
    age: int  # the volunteer's age on the shift's day
    required: str  # qualification kind, "" for none
    qualifications: tuple[tuple[str, date | None], ...]  # (kind, expires_on)
    overlapping: int  # the volunteer's holding sign-ups that overlap this shift
    active: bool
    same_community: bool
    ends_on: date  # the shift's last day in the site's zone: what a qualification must reach


def signup_refusal(f: SignupFacts) -> SignupRefused | None:
    """The first rule a sign-up breaks, or None: the order is what a volunteer should hear
    first (a cancelled shift before a full one)."""
    if f.cancelled:
        return SignupRefused(Refusal.CANCELLED)
    if not f.active:
        return SignupRefused(Refusal.INACTIVE)
    if not f.same_community:
        return SignupRefused(Refusal.OTHER_COMMUNITY)
    if f.now >= f.starts_at:
        return SignupRefused(Refusal.STARTED)
    if f.deadline is not None and f.now > f.deadline:
        return SignupRefused(Refusal.DEADLINE_PASSED)
    if f.min_age and f.age < f.min_age:
        return SignupRefused(Refusal.TOO_YOUNG, f"{f.age} < {f.min_age}")
    if f.required:
        held = [exp for kind, exp in f.qualifications if kind == f.required]
        if not held:
            return SignupRefused(Refusal.QUALIFICATION_MISSING, f.required)
        # Valid through the end of the shift, not just today; the expiry date on a certificate
        # is a local date, so the shift's local last day (the UTC date is a day early for a
        # shift ending before 08:00 in Beijing).
        if all(exp is not None and exp < f.ends_on for exp in held):
            return SignupRefused(Refusal.QUALIFICATION_EXPIRED, f.required)
    if f.overlapping:
        return SignupRefused(Refusal.OVERLAP)
    if f.taken >= f.capacity:
        return SignupRefused(Refusal.FULL, f"{f.taken}/{f.capacity}")
    return None


def age_on(birth: date, day: date) -> int:
    """Full years on `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def availability_mask(slots: set[tuple[int, int]]) -> int:
    """The stored mask of (weekday 0 = Monday, part of day) slots."""
    mask = 0
    for weekday, part in slots:
        if not (0 <= weekday < 7 and 0 <= part < len(DAY_PARTS)):
            raise ValueError(f"no availability slot ({weekday}, {part})")
        mask |= 1 << (weekday * len(DAY_PARTS) + part)
    return mask


def availability_slots(mask: int) -> set[tuple[int, int]]:
    """The (weekday, part) slots of a stored mask."""
    n = len(DAY_PARTS)
    return {divmod(bit, n) for bit in range(AVAILABILITY_SLOTS) if mask >> bit & 1}


def part_of_day(hour: int) -> int | None:
    """The availability part a local hour falls in, None at night."""
    for i, (a, b) in enumerate(PART_HOURS):
        if a <= hour < b:
            return i
    return None


def photo_problem(data: bytes) -> str | None:
    """Why these bytes cannot be a volunteer's photo, or None."""
    if len(data) > PHOTO_MAX_BYTES:
        return f"the photo is {len(data) // 1024} KiB; at most {PHOTO_MAX_BYTES // 1024} KiB"
    if not data.startswith(PHOTO_MAGIC):
        return "the photo must be a JPEG or PNG image"
    return None


def split_skills(text: str) -> tuple[str, ...]:
    """Skills as typed, separated by commas (either width) or semicolons."""
    parts = text.replace("，", ",").replace(";", ",").replace("；", ",").split(",")
    return tuple(dict.fromkeys(p.strip() for p in parts if p.strip()))


# --- what lists and forms carry ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QualificationRow:
    id: int
    kind: str
    number: str
    expires_on: date | None
    expired: bool


@dataclass(frozen=True, slots=True)
class VolunteerRow:
    """A volunteer as a list shows them: name and phone masked when `masked`; the identity
    number is always the stored mask (a reveal is asked for and audited)."""

    id: int
    community: str
    name: str
    phone: str
    gender: str
    birth_year: int
    id_number: str
    skills: tuple[str, ...]
    qualifications: tuple[QualificationRow, ...]
    insurance_policy: str
    insurance_expires: date | None
    insured: bool  # a policy valid today
    availability: int
    teams: tuple[str, ...]
    active: bool
    has_photo: bool
    resident_id: int | None
    masked: bool


@dataclass(frozen=True, slots=True)
class VolunteerDraft:
    """A volunteer's profile as a form submits it (identity number in full, once)."""

    community: str
    name: str
    phone: str
    gender: str
    birth_date: date
    id_number: str
    skills: str = ""
    insurance_policy: str = ""
    insurance_expires: date | None = None
    availability: int = 0
    resident_id: int | None = None
    active: bool = True


@dataclass(frozen=True, slots=True)
class TeamRow:
    id: int
    name: str
    community: str | None  # None: street-wide
    leader_volunteer_id: int | None
    leader_name: str
    leader_user_id: int | None
    members: tuple[tuple[int, str], ...]  # (volunteer id, name as shown)


@dataclass(frozen=True, slots=True)
class ShiftDraft:
    community: str
    title: str
    place: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    qualification: str = ""
    min_age: int = 0
    signup_deadline: datetime | None = None
    signup_mode: SignupMode = SignupMode.INSTANT
    team_id: int | None = None


def shift_problem(d: ShiftDraft) -> str | None:
    """Why a shift cannot be saved as drafted, or None."""
    if not d.title.strip():
        return "a shift needs a title"
    if not d.place.strip():
        return "a shift needs a place"
    if d.ends_at <= d.starts_at:
        return "a shift ends after it starts"
    if d.capacity < 1:
        return "a shift takes at least one volunteer"
    if d.min_age < 0 or d.min_age > 100:
        return "the minimum age is between 0 and 100"
    if d.signup_deadline is not None and d.signup_deadline > d.starts_at:
        return "the sign-up deadline is before the shift starts"
    return None


@dataclass(frozen=True, slots=True)
class ShiftRow:
    id: int
    community: str
    title: str
    place: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    confirmed: int
    pending: int
    qualification: str
    min_age: int
    signup_deadline: datetime | None
    signup_mode: str
    cancelled: bool
    team: str


@dataclass(frozen=True, slots=True)
class SignupRow:
    id: int
    shift_id: int
    volunteer_id: int
    volunteer: str  # as shown to the reader
    status: str
    signed_at: datetime


@dataclass(frozen=True, slots=True)
class PairingRow:
    id: int
    community: str
    volunteer_id: int
    volunteer: str
    resident_id: int
    resident: str
    lives_alone: bool
    cadence: str
    weekday: int
    note: str
    started_on: date
    ended_on: date | None


class Page(list[T]):
    """A list read up to a limit; `truncated` when more rows matched than it holds (the
    screen says so instead of stopping silently at the limit)."""

    truncated: bool = False

    @classmethod
    def of(cls, rows: Sequence[T], limit: int) -> Page[T]:
        """The first `limit` of `rows` read with limit + 1."""
        page = cls(rows[:limit])
        page.truncated = len(rows) > limit
        return page


@dataclass(frozen=True, slots=True)
class TaskDraft:
    """A new task as a dialog proposes it (prefilled from an incident, an order or a station
    request)."""

    kind: TaskKind
    community: str
    title: str
    resident_id: int | None = None
    resident: str = ""  # as shown to the reader
    incident_id: int | None = None
    order_id: int | None = None
    due_at: datetime | None = None
    note: str = ""
    volunteer_id: int | None = None
    ticket_id: int | None = None  # a station request (service ticket)


@dataclass(frozen=True, slots=True)
class TaskRow:
    id: int
    community: str
    kind: str
    title: str
    resident_id: int | None
    resident: str
    incident_id: int | None
    order_id: int | None
    status: str
    volunteer_id: int | None
    volunteer: str
    due_at: datetime | None
    created_at: datetime
    ticket_id: int | None = None  # the station request it answers


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A volunteer proposed for a task, and why (paired with the resident, free now...)."""

    volunteer_id: int
    name: str
    reason: str  # "paired" | "available" | "community"
