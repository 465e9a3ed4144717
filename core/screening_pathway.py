"""Screening pathway: consent first, short then long forms, yearly GDS-15, rescreens, alerts."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

from core.consent import ConsentMissing, ConsentPurpose, ConsentRecord, current_states
from core.screening import (
    GAD2,
    GAD7,
    GDS15,
    PHQ2,
    PHQ9,
    Instrument,
    ScreeningResult,
    risk_items,
)
from core.text import clean_line


class ScreeningMode(enum.StrEnum):
    """Who gives the screening; results are reported separately for self-completed ones."""

    STATION = "station"  # asked by a worker at a station
    PHONE = "phone"  # asked by a worker by phone
    KIOSK = "kiosk"  # self-completed at a kiosk, questions read aloud

    @property
    def staff_assisted(self) -> bool:
        """True when a worker asks the questions (and is there when the script is needed)."""
        return self is not ScreeningMode.KIOSK


# --- Consent -------------------------------------------------------------------------------


def check_consent(
    records: Iterable[ConsentRecord], resident_id: int, *, today: date
) -> ConsentRecord:
    """The screening consent in force for this resident, or ConsentMissing.

    Scope: only a SCREENING consent counts (a survey or job consent does not), the newest
    record decides (a withdrawal stops screening at once), and a consent dated after today
    is not yet given. Records of another resident are a caller's error, never a consent.
    """
    mine = list(records)
    for r in mine:
        if r.resident_id != resident_id:
            raise ValueError(f"consent record {r.id} belongs to resident {r.resident_id}")
    for state in current_states(mine):
        if state.purpose is ConsentPurpose.SCREENING:
            record = state.record
            if record is not None and state.given and record.given_on <= today:
                return record
    raise ConsentMissing(resident_id, ConsentPurpose.SCREENING)


# --- Who gets which instrument --------------------------------------------------------------

GDS_FROM_AGE: Final = 60
GDS_EVERY_YEARS: Final = 1


def _years_after(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def age_on(birth: date, day: date) -> int:
    """Age in whole years on `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def gds_due_on(birth: date, last_gds: date | None) -> date:
    """When the next GDS-15 is due: a year after the last one, never before age 60."""
    sixtieth = _years_after(birth, GDS_FROM_AGE)
    if last_gds is None:
        return sixtieth
    return max(_years_after(last_gds, GDS_EVERY_YEARS), sixtieth)


def first_instruments(*, birth: date, last_gds: date | None, today: date) -> tuple[str, ...]:
    """What a screening visit starts with: PHQ-2 and GAD-2, and GDS-15 when it is due."""
    due = gds_due_on(birth, last_gds) <= today
    return (PHQ2, GAD2, GDS15) if due else (PHQ2, GAD2)


def plan_visit(
    records: Iterable[ConsentRecord],
    resident_id: int,
    *,
    birth: date,
    last_gds: date | None,
    today: date,
) -> tuple[str, ...]:
    """The first instruments of a visit, after the consent check (ConsentMissing without)."""
    check_consent(records, resident_id, today=today)
    return first_instruments(birth=birth, last_gds=last_gds, today=today)


# A positive short form is followed by its long form in the same sitting.
FOLLOW_UP: Final[Mapping[str, str]] = {PHQ2: PHQ9, GAD2: GAD7}


def _code(key: str) -> str:
    return key.rpartition("@")[0] or key


def follow_ups(results: Iterable[ScreeningResult]) -> tuple[str, ...]:
    """The long forms this sitting still needs, each once: PHQ-9 after a positive PHQ-2,
    GAD-7 after a positive GAD-2, unless already taken."""
    taken = tuple(results)
    done = {_code(r.instrument) for r in taken}
    due: list[str] = []
    for r in taken:
        long_form = FOLLOW_UP.get(_code(r.instrument))
        if long_form is not None and r.positive and long_form not in done and long_form not in due:
            due.append(long_form)
    return tuple(due)


# --- Rescreen schedules ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RescreenRule:
    """After a result in `band` of `instrument`: give `next_instrument` `after_weeks` later.

    `refer` asks the counsellor to refer the person to a professional as well.
    """

    instrument: str
    band: str
    next_instrument: str
    after_weeks: int
    refer: bool
    why: str


# Local rules, not published ones. The PHQ-9 authors' guidance by band is: minimal - none;
# mild - watchful waiting, repeat at follow-up; moderate - treatment plan, counselling,
# follow-up; moderately severe and severe - active treatment and referral. Turned into
# weeks here. Two weeks is the shortest rescreen for PHQ and GAD forms because their
# questions cover the last two weeks: an earlier form would count the same days twice.
RESCREEN_RULES: Final = (
    RescreenRule(PHQ2, "negative", PHQ2, 52, False, "routine yearly screening"),
    RescreenRule(PHQ2, "positive", PHQ9, 0, False, "positive short form: PHQ-9 at once"),
    RescreenRule(GAD2, "negative", GAD2, 52, False, "routine yearly screening"),
    RescreenRule(GAD2, "positive", GAD7, 0, False, "positive short form: GAD-7 at once"),
    RescreenRule(PHQ9, "minimal", PHQ2, 52, False, "no depression: back to yearly PHQ-2"),
    RescreenRule(PHQ9, "mild", PHQ9, 8, False, "watchful waiting"),
    RescreenRule(PHQ9, "moderate", PHQ9, 4, False, "counselling offered; check the trend"),
    RescreenRule(PHQ9, "moderately_severe", PHQ9, 2, True, "refer for active treatment"),
    RescreenRule(PHQ9, "severe", PHQ9, 2, True, "refer for active treatment"),
    RescreenRule(GAD7, "minimal", GAD2, 52, False, "no anxiety: back to yearly GAD-2"),
    RescreenRule(GAD7, "mild", GAD7, 8, False, "watchful waiting"),
    RescreenRule(GAD7, "moderate", GAD7, 4, False, "counselling offered; check the trend"),
    RescreenRule(GAD7, "severe", GAD7, 2, True, "refer for assessment and treatment"),
    RescreenRule(GDS15, "normal", GDS15, 52, False, "yearly for residents aged 60 and over"),
    RescreenRule(GDS15, "mild", GDS15, 8, False, "watchful waiting"),
    RescreenRule(GDS15, "moderate", GDS15, 4, True, "refer for a fuller assessment"),
    RescreenRule(GDS15, "severe", GDS15, 2, True, "refer for a fuller assessment"),
)

_RULES: Final = {(r.instrument, r.band): r for r in RESCREEN_RULES}
# A risk answer is rescreened no later than this, and always referred, whatever the band.
RISK_RESCREEN_WEEKS: Final = 2


@dataclass(frozen=True, slots=True)
class RescreenPlan:
    """What is next for a person after one result."""

    instrument: str
    due_on: date
    refer: bool
    why: str


def rescreen_plan(result: ScreeningResult, taken_on: date) -> RescreenPlan:
    """The next screening after `result`, from RESCREEN_RULES; a risk answer tightens it."""
    code = _code(result.instrument)
    rule = _RULES.get((code, result.band.key))
    if rule is None:
        raise KeyError(f"no rescreen rule for {code} band {result.band.key}")
    weeks, refer, why = rule.after_weeks, rule.refer, rule.why
    nxt = rule.next_instrument
    if result.risk:
        if weeks > RISK_RESCREEN_WEEKS:
            weeks = RISK_RESCREEN_WEEKS
            nxt = FOLLOW_UP.get(code, code)  # the long form, not another short one
        refer, why = True, "risk answer: referred, rescreened within two weeks"
    return RescreenPlan(nxt, taken_on + timedelta(weeks=weeks), refer, why)


# --- The safety rule ------------------------------------------------------------------------

# Time to acknowledge a risk alert: well inside the same day; the figures count how many
# were acknowledged within 24 h, so a missed hour is still visible as late.
ACK_SLA: Final = timedelta(hours=1)
RISK_PRIORITY: Final = 1  # the queue's highest


@dataclass(frozen=True, slots=True)
class CrisisContact:
    """A number to call from the crisis script; `placeholder` when nothing is on record."""

    label_zh: str
    label_en: str
    number: str
    placeholder: bool = False


@dataclass(frozen=True, slots=True)
class EmergencyContact:
    """The person's own emergency contact as recorded."""

    name: str
    relation: str
    phone: str


# The national psychological assistance hotline (National Health Commission, Dec 2024; all
# regions connected by 1 May 2025) and the medical emergency number.
HOTLINE_12356: Final = CrisisContact(
    "全国统一心理援助热线", "National psychological assistance hotline", "12356"
)
EMERGENCY_120: Final = CrisisContact("急救电话", "Medical emergency", "120")


def person_contact(contact: EmergencyContact | None) -> CrisisContact:
    """The person's emergency contact for the script, or a placeholder saying none is recorded."""
    if contact is None or not clean_line(contact.phone):
        return CrisisContact("紧急联系人（未登记）", "Emergency contact (not recorded)", "", True)
    name, relation = clean_line(contact.name), clean_line(contact.relation)
    zh = f"紧急联系人：{name}（{relation}）" if relation else f"紧急联系人：{name}"
    en = f"Emergency contact: {name} ({relation})" if relation else f"Emergency contact: {name}"
    return CrisisContact(zh, en, clean_line(contact.phone))


# Steps for the worker, in order. Local wording (not a published protocol): keep the person
# safe and connected first, then bring in the hotline and the family, then record.
WORKER_STEPS_ZH: Final = (
    "不要让对方独处：留在身边，或保持通话不挂断。",
    "平静、直接地询问：“你现在有伤害自己的打算吗？”",
    "如有迫在眉睫的危险（已有计划、手段，或已经受伤），立即拨打 120。",
    "协助对方拨通 12356 心理援助热线。",
    "联系对方的紧急联系人。",
    "在本事件中记录已采取的措施。",
)
WORKER_STEPS_EN: Final = (
    "Do not leave the person alone: stay with them, or stay on the line.",
    'Ask calmly and directly: "Are you thinking of hurting yourself now?"',
    "If there is immediate danger (a plan, the means, or already hurt), call 120 now.",
    "Help the person call the 12356 psychological assistance hotline.",
    "Contact the person's emergency contact.",
    "Record in this incident what was done.",
)
# What a self-completing person sees at the kiosk while staff are alerted.
PERSON_MESSAGE_ZH: Final = (
    "谢谢你的回答。如果你现在有伤害自己的想法，请拨打 12356 心理援助热线；"
    "如有危险，请立即拨打 120。工作人员会尽快与你联系。"
)
PERSON_MESSAGE_EN: Final = (
    "Thank you for your answers. If you are thinking of hurting yourself now, call the 12356 "
    "psychological assistance hotline; if you are in danger, call 120 now. A worker will "
    "contact you soon."
)


@dataclass(frozen=True, slots=True)
class CrisisScript:
    """What to show at once: the worker's steps, the numbers, and the kiosk message."""

    worker_steps_zh: tuple[str, ...]
    worker_steps_en: tuple[str, ...]
    contacts: tuple[CrisisContact, ...]
    person_message_zh: str
    person_message_en: str

    @property
    def contact_missing(self) -> bool:
        """True when the person has no emergency contact on record."""
        return any(c.placeholder for c in self.contacts)


def crisis_script(contact: EmergencyContact | None) -> CrisisScript:
    """The crisis script: 12356, 120 and the person's emergency contact (or a placeholder)."""
    return CrisisScript(
        WORKER_STEPS_ZH,
        WORKER_STEPS_EN,
        (HOTLINE_12356, EMERGENCY_120, person_contact(contact)),
        PERSON_MESSAGE_ZH,
        PERSON_MESSAGE_EN,
    )


@dataclass(frozen=True, slots=True)
class RiskAlert:
    """A same-day risk incident to raise: one per screening (`screening_ref`)."""

    resident_id: int
    screening_ref: str
    instrument: str  # Instrument.key
    items: tuple[int, ...]
    mode: ScreeningMode
    raised_at: datetime
    acknowledge_by: datetime
    priority: int
    script: CrisisScript

    @property
    def dedup_key(self) -> tuple[int, str]:
        """Raising twice for one screening must give one incident."""
        return (self.resident_id, self.screening_ref)


def risk_alert(
    instrument: Instrument,
    answers: Mapping[int, object],
    *,
    resident_id: int,
    screening_ref: str,
    mode: ScreeningMode,
    at: datetime,
    emergency_contact: EmergencyContact | None = None,
    ack_sla: timedelta = ACK_SLA,
) -> RiskAlert | None:
    """The alert the answers so far call for, or None. Works on a partial screening.

    `at` is when the risk answer was given (timezone-aware); the alert is due for
    acknowledgement `ack_sla` later.
    """
    if at.tzinfo is None:
        raise ValueError("a risk alert needs a timezone-aware time")
    if ack_sla <= timedelta(0):
        raise ValueError("the acknowledgement time must be positive")
    flagged = risk_items(instrument, answers)
    if not flagged:
        return None
    return RiskAlert(
        resident_id,
        screening_ref,
        instrument.key,
        flagged,
        mode,
        at,
        at + ack_sla,
        RISK_PRIORITY,
        crisis_script(emergency_contact),
    )
