"""Call records as the calls pane shows them: rows, the callback list, what became of each call."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from core.calls import CallDirection, CallEnd, CallPhase

NUMBER_MAX: Final = 64  # a caller id's user part, as stored (longer ones are cut)
DISPLAY_MAX: Final = 64  # a display name as sent (untrusted text)
REASON_NOTE_MAX: Final = 200  # the free text of a "no incident" reason
REASON_NOTE_MIN: Final = 4  # "Other" needs a few words; "骚扰电话" is four characters

# Ended calls an operator still has to say something about: a call nobody answered needs
# no incident (its caller waits on the callback list instead).
ANSWERED_ENDS: Final = frozenset(
    {CallEnd.HUNG_UP_LOCAL, CallEnd.HUNG_UP_REMOTE, CallEnd.TRANSFERRED, CallEnd.NO_MEDIA}
)
# Inbound calls whose caller never got an operator: they wait for a callback.
MISSED_ENDS: Final = frozenset({CallEnd.ABANDONED, CallEnd.BUSY})


class Disposition(enum.StrEnum):
    """What became of a call: every answered call ends linked or closed with a reason."""

    OPEN = "open"  # not said yet (an answered call stays highlighted until it is)
    LINKED = "linked"  # linked to an incident (a new one, or one already in the queue)
    NO_INCIDENT = "no_incident"  # closed without an incident, with a reason


class NoIncidentReason(enum.StrEnum):
    """Why an answered call needs no incident; OTHER needs words of its own."""

    INQUIRY = "inquiry"  # a question answered on the phone
    WRONG_NUMBER = "wrong_number"
    SILENT = "silent"  # nobody spoke
    ALREADY_REPORTED = "already_reported"  # about an incident already in the queue, nothing new
    NUISANCE = "nuisance"
    OTHER = "other"


def reason_problem(reason: NoIncidentReason | None, note: str) -> str | None:
    """Why a "no incident" reason is not acceptable, or None when it is."""
    if reason is None:
        return "choose why this call needs no incident"
    if len(note) > REASON_NOTE_MAX:
        return f"the note has at most {REASON_NOTE_MAX} characters"
    if reason is NoIncidentReason.OTHER and len(note.strip()) < REASON_NOTE_MIN:
        return f"'other' needs a note of at least {REASON_NOTE_MIN} characters"
    return None


def needs_disposition(direction: CallDirection, end: CallEnd | None, disposition: str) -> bool:
    """True for an ended call an operator answered and has not yet linked or closed."""
    return (
        direction is CallDirection.INBOUND
        and end in ANSWERED_ENDS
        and disposition == Disposition.OPEN.value
    )


@dataclass(frozen=True, slots=True)
class CallRow:
    """One call as the pane lists it.

    `number` is the caller's full number: whoever may handle calls needs it to call back
    (core.permissions.HANDLE_CALLS); `resident_id` is the resident the number matched, whose
    name the pane takes from the residents' list (masked per the viewer's role).
    """

    id: int
    gateway_call_id: str
    direction: CallDirection
    phase: CallPhase
    number: str
    display: str
    workstation: str
    started_at: datetime
    answered_at: datetime | None
    answered_by: str  # display name; empty when nobody answered
    ended_at: datetime | None
    end: CallEnd | None
    recording: str  # the WAV file's path on the workstation that took the call; empty: none
    resident_id: int | None
    incident_id: int | None
    disposition: Disposition
    no_incident_reason: str  # "inquiry" or "other: …"
    callback_of: int | None  # this outbound call calls back that missed call
    called_back_at: datetime | None
    called_back_by: str

    @property
    def needs_disposition(self) -> bool:
        """Answered, ended, and not yet linked to an incident or closed with a reason."""
        return needs_disposition(self.direction, self.end, self.disposition.value)

    @property
    def live(self) -> bool:
        """Still on the line (ringing, dialling, active or held)."""
        return self.phase is not CallPhase.ENDED


@dataclass(frozen=True, slots=True)
class CallbackRow:
    """A number that called and got nobody, not called back yet: one line per number."""

    number: str
    display: str  # the latest display name sent
    last_call_id: int  # the newest missed call (a callback links to it)
    last_at: datetime
    missed: int  # missed calls from this number not called back
    busy: int  # of which refused with 486 (every line taken)
    resident_id: int | None
    call_ids: tuple[int, ...]  # every missed call this line stands for (marked together)


@dataclass(frozen=True, slots=True)
class CalledBack:
    """A missed call someone called back: who and when."""

    call_id: int
    number: str
    at: datetime
    by: str
