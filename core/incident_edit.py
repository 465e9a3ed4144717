"""Editing an incident's priority, type, location and title, and the conflict of two saves."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from core.incidents import LOCATION_MAX, TITLE_MAX, TransitionError
from core.model import Priority
from core.text import clean_line
from core.views import IncidentRow

# Lowering a P1 or P2 takes it out of the alert and to a later place in the queue: the reason
# goes on the timeline. Raising one needs nothing, since an emergency must never wait for typing.
EDIT_NOTE_MAX = 200


class EditField(enum.StrEnum):
    """The fields an operator may change after an incident was raised; each is an event kind."""

    PRIORITY = "edit_priority"
    TYPE = "edit_type"
    LOCATION = "edit_location"
    TITLE = "edit_title"


EDIT_KINDS = frozenset(f.value for f in EditField)


@dataclass(frozen=True, slots=True)
class IncidentChanges:
    """What an edit asks for; None leaves a field as it is."""

    priority: Priority | None = None
    type_code: str | None = None
    location: str | None = None
    title: str | None = None
    note: str = ""  # the reason, required when a P1/P2 is lowered

    def cleaned(self) -> IncidentChanges:
        """The same changes with text cleaned as the service stores it; ValueError if too long."""
        location = None if self.location is None else clean_line(self.location)
        title = None if self.title is None else clean_line(self.title)
        note = clean_line(self.note)
        if location is not None and len(location) > LOCATION_MAX:
            raise ValueError(f"a location has at most {LOCATION_MAX} characters")
        if title is not None and not title:
            raise ValueError("an incident needs a title")
        if title is not None and len(title) > TITLE_MAX:
            raise ValueError(f"a title has at most {TITLE_MAX} characters")
        if len(note) > EDIT_NOTE_MAX:
            raise ValueError(f"the reason has at most {EDIT_NOTE_MAX} characters")
        return IncidentChanges(self.priority, self.type_code, location, title, note)

    def against(self, row: IncidentRow) -> IncidentChanges:
        """Only what differs from `row` (a field set to its current value is no change)."""
        return IncidentChanges(
            priority=self.priority if self.priority not in (None, row.priority) else None,
            type_code=self.type_code if self.type_code not in (None, row.type_code) else None,
            location=self.location if self.location not in (None, row.location) else None,
            title=self.title if self.title not in (None, row.title) else None,
            note=self.note,
        )

    @property
    def empty(self) -> bool:
        """True if no field is changed."""
        return all(v is None for v in (self.priority, self.type_code, self.location, self.title))


def needs_reason(before: Priority, after: Priority) -> bool:
    """Lowering a P1/P2 (to a larger number) needs a reason; raising never does."""
    return before in (Priority.P1, Priority.P2) and after > before


class EditError(TransitionError):
    """An edit the incident's state or the rules do not allow."""


@dataclass(frozen=True, slots=True)
class OtherChange:
    """A timeline entry another save made since the version a window showed."""

    ts: datetime
    kind: str
    note: str
    actor: str | None
    workstation: str


@dataclass(frozen=True, slots=True)
class ConflictInfo:
    """Why a save was refused: the incident as it is now and what changed since."""

    incident_id: int
    expected_version: int
    current: IncidentRow  # its values and version now
    changes: tuple[OtherChange, ...] = field(default=())  # oldest first; the last is the latest


class IncidentConflict(TransitionError):
    """A save from a window showing an older version of the incident: nothing was written."""

    def __init__(self, info: ConflictInfo):
        last = info.changes[-1] if info.changes else None
        by = f" by {last.actor or '-'} ({last.workstation}) at {last.ts:%H:%M:%S}" if last else ""
        super().__init__(
            f"incident {info.incident_id} changed since version {info.expected_version} "
            f"(now {info.current.version}){by}"
        )
        self.info = info
