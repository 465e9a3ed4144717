"""Consent per purpose (PIPL Arts. 14–15, 28–29, 31): who may consent how, and what it needs."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from core.text import clean_line

NAME_MAX: Final = 64
RELATION_MAX: Final = 32
REASON_MIN: Final = 4  # characters: "本人撤回" is four
REASON_MAX: Final = 200
NOTE_MAX: Final = 200


class ConsentPurpose(enum.StrEnum):
    """What a resident's data is processed for; each needs its own consent (PIPL Art. 29).

    Tracking, video and screening process sensitive information (whereabouts, images, health):
    PIPL Art. 29 asks for a separate consent, which one row per purpose is.
    """

    TRACKING = "tracking"  # RFID/GPS whereabouts
    VIDEO = "video"  # linking the person to camera images
    SURVEYS = "surveys"  # needs surveys
    NECESSITIES = "necessities"  # daily necessities delivered
    VOLUNTEERS = "volunteers"  # volunteer visits
    JOBS = "jobs"  # job placement
    SCREENING = "screening"  # psychological screening


class ConsentMethod(enum.StrEnum):
    """How a consent was given."""

    WRITTEN = "written"  # signed by the person
    VERBAL = "verbal"  # said to the recorder, with a named witness
    GUARDIAN = "guardian"  # by the guardian of a person with dementia or a minor (Art. 31)
    # Migrated from resident.consent_method (migration 0007): recorded before these rules,
    # by phone or at the station, without a witness. Never chosen for a new consent.
    LEGACY = "legacy"


RECORDABLE: Final = (ConsentMethod.WRITTEN, ConsentMethod.VERBAL, ConsentMethod.GUARDIAN)


class ConsentInvalid(ValueError):
    """A consent or withdrawal that cannot be recorded as given; `code` names the problem.

    Codes: "method" (not allowed for this person), "witness", "guardian_name",
    "guardian_relation", "date" (in the future or missing), "reason", "already_given",
    "not_given".
    """

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


class ConsentMissing(PermissionError):
    """Processing refused: the resident has no consent in force for this purpose."""

    def __init__(self, resident_id: int, purpose: ConsentPurpose):
        super().__init__(f"resident {resident_id} has not consented to {purpose.value}")
        self.resident_id = resident_id
        self.purpose = purpose


def needs_guardian(*, dementia: bool, minor: bool) -> bool:
    """A person with dementia or a minor consents through their guardian (PIPL Art. 31)."""
    return dementia or minor


def allowed_methods(*, dementia: bool, minor: bool) -> tuple[ConsentMethod, ...]:
    """The methods by which this person's consent may be recorded now.

    A guardian consents only for someone who cannot themselves; and someone who cannot
    is never recorded as consenting themselves, in writing or aloud.
    """
    if needs_guardian(dementia=dementia, minor=minor):
        return (ConsentMethod.GUARDIAN,)
    return (ConsentMethod.WRITTEN, ConsentMethod.VERBAL)


@dataclass(frozen=True, slots=True)
class ConsentGrant:
    """A consent to record, its text fields cleaned (`checked_grant` makes one)."""

    purpose: ConsentPurpose
    method: ConsentMethod
    given_on: date
    witness: str = ""
    guardian_name: str = ""
    guardian_relation: str = ""
    note: str = ""


def checked_grant(
    purpose: ConsentPurpose | str,
    method: ConsentMethod | str,
    given_on: date | None,
    *,
    dementia: bool,
    minor: bool,
    today: date,
    witness: str = "",
    guardian_name: str = "",
    guardian_relation: str = "",
    note: str = "",
) -> ConsentGrant:
    """The grant as it may be recorded, or ConsentInvalid saying what is missing or wrong.

    Verbal needs the witness's name; guardian needs the guardian's name and relation. Fields
    a method does not use are dropped, so a row never names a witness nobody needed.
    """
    purpose = ConsentPurpose(purpose)
    try:
        method = ConsentMethod(method)
    except ValueError:
        raise ConsentInvalid(f"unknown consent method {method!r}", "method") from None
    allowed = allowed_methods(dementia=dementia, minor=minor)
    if method not in allowed:
        who = "a person with dementia or a minor" if len(allowed) == 1 else "this person"
        raise ConsentInvalid(
            f"{method.value} consent is not valid for {who}; allowed: "
            + ", ".join(m.value for m in allowed),
            "method",
        )
    if given_on is None or given_on > today:
        raise ConsentInvalid("the date consent was given is missing or in the future", "date")
    witness = clean_line(witness)[:NAME_MAX]
    guardian_name = clean_line(guardian_name)[:NAME_MAX]
    guardian_relation = clean_line(guardian_relation)[:RELATION_MAX]
    if method is ConsentMethod.VERBAL:
        if not witness:
            raise ConsentInvalid("a verbal consent needs the witness's name", "witness")
        guardian_name = guardian_relation = ""
    elif method is ConsentMethod.GUARDIAN:
        if not guardian_name:
            raise ConsentInvalid("a guardian's consent needs the guardian's name", "guardian_name")
        if not guardian_relation:
            raise ConsentInvalid(
                "a guardian's consent needs the guardian's relation", "guardian_relation"
            )
        witness = ""
    else:
        witness = guardian_name = guardian_relation = ""
    return ConsentGrant(
        purpose,
        method,
        given_on,
        witness,
        guardian_name,
        guardian_relation,
        clean_line(note)[:NOTE_MAX],
    )


def withdrawal_problem(reason: str | None) -> str | None:
    """Why a withdrawal's reason is not acceptable, or None."""
    text = clean_line(reason or "")
    if len(text) < REASON_MIN:
        return f"a withdrawal needs a reason of at least {REASON_MIN} characters"
    return None


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """One consent as recorded: a grant and, once withdrawn, its withdrawal (never edited)."""

    id: int
    resident_id: int
    purpose: ConsentPurpose
    method: ConsentMethod
    given_on: date
    witness: str
    guardian_name: str
    guardian_relation: str
    note: str
    recorded_by: str
    recorded_at: datetime
    withdrawn_at: datetime | None = None
    withdrawn_by: str | None = None
    withdrawal_reason: str | None = None

    @property
    def in_force(self) -> bool:
        """True until withdrawn."""
        return self.withdrawn_at is None


@dataclass(frozen=True, slots=True)
class ConsentState:
    """A purpose's state for one resident: the newest record, if any."""

    purpose: ConsentPurpose
    record: ConsentRecord | None

    @property
    def given(self) -> bool:
        """True when a consent is in force."""
        return self.record is not None and self.record.in_force


def current_states(records: Iterable[ConsentRecord]) -> list[ConsentState]:
    """Every purpose's state, in ConsentPurpose order, from a resident's records (any order).

    The newest record per purpose decides: a withdrawal closes its row, and a later grant
    is a new row.
    """
    newest: dict[ConsentPurpose, ConsentRecord] = {}
    for r in records:
        held = newest.get(r.purpose)
        if held is None or (r.recorded_at, r.id) > (held.recorded_at, held.id):
            newest[r.purpose] = r
    return [ConsentState(p, newest.get(p)) for p in ConsentPurpose]


def require_consent(
    states: Mapping[ConsentPurpose, bool] | Iterable[ConsentState],
    resident_id: int,
    purpose: ConsentPurpose,
) -> None:
    """Raise ConsentMissing unless a consent for `purpose` is in force.

    The rule the services apply before processing a resident's data for a purpose: no
    consent, or a withdrawn one, stops it at once; there is no grace period.
    """
    if isinstance(states, Mapping):
        given = bool(states.get(purpose, False))
    else:
        given = any(s.purpose is purpose and s.given for s in states)
    if not given:
        raise ConsentMissing(resident_id, purpose)
