"""Survey forms and rounds as the console's lists show them (plain rows, no database types)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class FormRow:
    """A form code with its versions: the newest, and the newest published one (if any)."""

    code: str
    title: str
    versions: int
    newest: int
    published: int | None  # the newest published version; None: drafts only
    draft: bool  # the newest version is a draft (editable in place)


@dataclass(frozen=True, slots=True)
class PublishedForm:
    """A published form version a round may use."""

    code: str
    version: int
    title: str


@dataclass(frozen=True, slots=True)
class RoundRow:
    """A survey round with its participation so far."""

    code: str
    purpose: str
    form_code: str
    form_version: int
    frame_kind: str
    starts_on: date
    ends_on: date
    anonymous: bool
    keep_partial: bool
    status: str  # "open" or "closed"
    frame: int
    complete: int
    partial: int

    @property
    def rate(self) -> float:
        """Complete respondents ÷ the frame (0 for an empty frame)."""
        return self.complete / self.frame if self.frame else 0.0


@dataclass(frozen=True, slots=True)
class CallListRow:
    """One person still to call in a round, as the viewer may see them."""

    resident_id: int
    name: str  # masked as lists show it
    community: str
    phone: str  # masked unless the viewer may see it
    age: str  # the birth year or band as lists show it
