"""What the employment service hands to the console: employers, postings, seekers, matches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from core.employment import (
    PLACEMENT_TARGET,
    Accessibility,
    EmployerStatus,
    EmploymentForm,
    Part,
    PostingStatus,
    RefusedBy,
    SeekerStatus,
    ShiftKind,
    Stage,
)
from core.volunteers import Page

# (part, weight as a share of 100 points, value 0..1, points): one line of a score's "why"
ScoreLine = tuple[Part, float, float, float]


@dataclass(frozen=True, slots=True)
class EmployerDraft:
    """An employer as a form gives it to `save_employer`; `id` None for a new one.

    `community` None: the street's employer (only a street-wide role saves one).
    """

    credit_code: str
    name: str
    status: EmployerStatus
    staff: int
    disabled_staff: int  # as the quota counts them (core.employment.counted_disabled)
    forms: frozenset[EmploymentForm] = frozenset({EmploymentForm.OPEN})
    contact_name: str = ""
    contact_phone: str = ""
    address: str = ""
    lat: float | None = None
    lon: float | None = None
    community: str | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class EmployerRow:
    """One employer, with its disability quota shortfall and its last visit."""

    id: int
    credit_code: str
    name: str
    status: EmployerStatus
    staff: int
    disabled_staff: int
    shortfall: int  # disabled staff still missing to meet the quota
    forms: tuple[EmploymentForm, ...]
    contact_name: str
    contact_phone: str
    address: str
    lat: float | None
    lon: float | None
    community: str | None  # None: the street's
    verified_by: str | None
    verified_at: datetime | None
    last_visit: date | None
    open_postings: int
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class PostingRow:
    """One posting as listed and edited."""

    id: int
    employer_id: int
    employer: str  # the employer's name
    title: str
    duties: str
    hours_per_week: int
    shift: ShiftKind
    pay_fen_per_month: int
    lat: float
    lon: float
    features: tuple[Accessibility, ...]
    skills: tuple[str, ...]
    eligibility: tuple[SeekerStatus, ...]  # empty: anyone (core.employment.ANYONE)
    openings: int
    status: PostingStatus
    form: EmploymentForm
    community: str | None  # the employer's; None: the street's
    opened_at: datetime
    closed_at: datetime | None


@dataclass(frozen=True, slots=True)
class TrainingRow:
    id: int
    course: str
    provider: str
    completed_on: date | None
    skill: str


@dataclass(frozen=True, slots=True)
class SeekerRow:
    """One job seeker; `name` as the reader may see it (masked without VIEW_RESIDENT_PII)."""

    id: int
    resident_id: int
    name: str
    community: str
    lat: float
    lon: float
    skills: tuple[str, ...]
    needs: tuple[Accessibility, ...]
    min_hours: int
    max_hours: int
    shifts: tuple[ShiftKind, ...]  # empty: any shift
    max_km: float
    statuses: tuple[SeekerStatus, ...]
    training: tuple[TrainingRow, ...]
    consent: bool  # a JOBS consent is in force now: only then is the seeker matched
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class MatchRow:
    """A seeker and a posting that pass every hard filter, the score and its parts."""

    posting_id: int
    seeker_id: int
    title: str
    employer: str
    seeker: str  # the seeker's name as the reader may see it
    total: float  # 0..100
    parts: tuple[ScoreLine, ...]  # skills, commute, schedule
    distance_km: float
    missing_skills: tuple[str, ...]  # required skills the seeker lacks: training to suggest


@dataclass(frozen=True, slots=True)
class StepRow:
    """One step of a referral as recorded."""

    stage: Stage
    on: date
    refused_by: RefusedBy | None
    reason: str | None  # that side's refusal code (SeekerRefusal or EmployerRefusal)
    note: str
    by: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ReferralRow:
    """A referral with its steps, oldest first."""

    id: int
    seeker_id: int
    seeker: str  # name as the reader may see it
    posting_id: int
    title: str
    employer: str
    community: str  # the seeker's
    counsellor: str
    stage: Stage
    steps: tuple[StepRow, ...]
    employer_confirmed_on: date | None
    placement: bool  # hired and confirmed by the employer: counts toward the target
    created_at: datetime


@dataclass(frozen=True, slots=True)
class RetentionRow:
    """A follow-up call after a hire, due or done."""

    id: int
    referral_id: int
    seeker_id: int
    seeker: str
    title: str
    employer: str
    community: str
    hired_on: date | None
    due_on: date
    done_on: date | None
    still_employed: bool | None
    note: str


@dataclass(frozen=True, slots=True)
class EmploymentFigures:
    """The service's figures for a period, in the reader's communities.

    Placements are hires the employer confirmed within the period, each seeker and posting
    once; referrals by stage are those made within the period, by the stage they are at now.
    """

    start: date
    end: date
    placements: int
    target: int
    referrals_by_stage: tuple[tuple[Stage, int], ...]  # every Stage, in order
    open_postings: int  # now
    seekers: int  # registered now
    seekers_consenting: int  # with a JOBS consent in force now

    @property
    def placements_to_go(self) -> int:
        return max(0, self.target - self.placements)


__all__ = [
    "PLACEMENT_TARGET",
    "EmployerDraft",
    "EmployerRow",
    "EmploymentFigures",
    "MatchRow",
    "Page",
    "PostingRow",
    "ReferralRow",
    "RetentionRow",
    "ScoreLine",
    "SeekerRow",
    "StepRow",
    "TrainingRow",
]
