"""What the screening service hands to the console: plans, saves, results, the due list."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from core.screening import ScreeningResult
from core.screening_pathway import CrisisScript, RescreenPlan, ScreeningMode


class ScreeningStatus:
    """A screening's status as stored."""

    PARTIAL = "partial"
    COMPLETE = "complete"


@dataclass(frozen=True, slots=True)
class SittingPlan:
    """What a sitting for one resident starts with, or why it cannot start."""

    resident_id: int
    name: str  # as the giver may see it (masked for roles that browse masked)
    community: str
    age: int
    instruments: tuple[str, ...]  # codes, in order; empty without consent
    consent_missing: bool
    emergency_contact: bool  # an emergency contact is on record (the crisis script needs one)


@dataclass(frozen=True, slots=True)
class Answers:
    """One save of a screening: every answer given so far (item number → option code)."""

    client_uuid: str
    sitting_uuid: str
    resident_id: int
    instrument: str  # Instrument.key, e.g. "PHQ-9@1"
    mode: ScreeningMode
    answers: Mapping[int, str]


@dataclass(frozen=True, slots=True)
class Saved:
    """What a save gives back to the giver: the state, and what to do next."""

    screening_id: int
    status: str
    missing: tuple[int, ...]
    result: ScreeningResult | None
    follow_ups: tuple[str, ...]  # long forms this sitting still needs
    incident_id: int | None  # the risk incident, raised now or before
    script: CrisisScript | None  # shown at once when a risk answer was given
    rescreen: RescreenPlan | None
    repeated: bool = False  # the same client UUID was saved before as complete


@dataclass(frozen=True, slots=True)
class ScreeningRow:
    """One screening of a person, for the results view (VIEW_SCREENING_RESULTS)."""

    id: int
    instrument: str
    mode: str
    status: str
    total: int | None
    max_total: int | None
    band: str | None
    positive: bool | None
    risk: bool
    given_by: str
    started_at: datetime
    completed_at: datetime | None
    incident_id: int | None


@dataclass(frozen=True, slots=True)
class DueRow:
    """A resident due (or overdue) for a rescreen."""

    resident_id: int
    name: str
    community: str
    instrument: str
    due_on: date
    refer: bool
    why: str
    last_total: int
    last_band: str


@dataclass(frozen=True, slots=True)
class LicenceRow:
    """A registered instrument that needs permission, and whether it may be used today."""

    code: str
    version: int
    name: str
    holder: str
    reference: str
    granted_on: date
    expires: date | None
    usable: bool


class ContactKind:
    """Kinds of counselling contact (stored as these strings)."""

    COUNSELLING = "counselling"
    EDUCATION = "education"  # a group session: attendees counted, no one person needed
    HOTLINE = "hotline"
    LEGAL = "legal"  # legal advice with the street's legal-aid office

    ALL = (COUNSELLING, EDUCATION, HOTLINE, LEGAL)


class AppointmentStatus:
    """An appointment's states: booked, then done, missed or cancelled."""

    BOOKED = "booked"
    DONE = "done"
    MISSED = "missed"
    CANCELLED = "cancelled"

    ALL = (BOOKED, DONE, MISSED, CANCELLED)


class ReferralTo:
    """Where a person is referred."""

    PSYCHIATRY = "psychiatry"
    PSYCHOTHERAPY = "psychotherapy"
    LEGAL_AID = "legal_aid"
    SOCIAL_WORK = "social_work"
    HOSPITAL = "hospital"

    ALL = (PSYCHIATRY, PSYCHOTHERAPY, LEGAL_AID, SOCIAL_WORK, HOSPITAL)


class ReferralStatus:
    """A referral's outcome: pending until the professional's answer is recorded."""

    PENDING = "pending"
    ATTENDED = "attended"
    COMPLETED = "completed"
    DECLINED = "declined"
    NO_SHOW = "no_show"

    ALL = (PENDING, ATTENDED, COMPLETED, DECLINED, NO_SHOW)
    CLOSED = (COMPLETED, DECLINED, NO_SHOW)


@dataclass(frozen=True, slots=True)
class AppointmentRow:
    """A booked session (the counsellor's list; no notes here)."""

    id: int
    resident_id: int
    name: str
    community: str
    kind: str
    starts_at: datetime
    minutes: int
    counsellor: str
    place: str
    status: str


@dataclass(frozen=True, slots=True)
class ContactRow:
    """A contact as listed: whether it has a note, never the note itself (read on demand)."""

    id: int
    resident_id: int | None
    kind: str
    at: datetime
    minutes: int
    attendees: int
    topic: str
    counsellor: str
    has_note: bool


@dataclass(frozen=True, slots=True)
class ReferralRow:
    """A referral and its outcome state (reason and outcome text read on demand)."""

    id: int
    resident_id: int
    to_kind: str
    to_name: str
    referred_at: datetime
    referred_by: str
    status: str
    outcome_at: datetime | None


@dataclass(frozen=True, slots=True)
class ScreeningFigures:
    """The service's counts for a period; None where a cell is too small to show."""

    start: date
    end: date
    residents_screened: int  # unique, complete screenings (toward 10,000)
    screened_self: int | None  # self-completed at a kiosk
    screened_assisted: int | None  # given by a worker (station, phone)
    positive_self: int | None
    positive_assisted: int | None
    contacts: int  # counselling, education attendees, hotline, legal (toward 2,000)
    risk_flags: int
    risk_acknowledged_24h: int
    referrals: int
    referrals_completed: int


SMALL_CELL = 5  # counts below this are suppressed in the figures (never shown as a number)
