"""A resident's recent contacts with the street, and a station's service-ticket categories."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Final


class ContactKind(enum.StrEnum):
    """What kind of contact a resident had with the street."""

    INCIDENT = "incident"
    CALL = "call"
    TICKET = "ticket"


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One contact as a station's screen lists it (already in the viewer's scope)."""

    kind: ContactKind
    ref: str  # "incident:42", "call:7", "ticket:3"
    at: datetime  # aware, UTC
    summary: str  # the incident's title, the call's direction and outcome, the ticket's topic
    state: str  # the incident's state, the call's disposition, the ticket's state


TICKET_CATEGORIES: Final = ("daily_help", "repair", "benefits", "feedback", "other")
"""A service ticket's categories, as a station offers them (the centre files them by code)."""
