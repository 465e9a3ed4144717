"""Possible duplicates: the same caller's phone, name or place within a few minutes."""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.incidents import OPEN_STATES, IncidentState

DEFAULT_WINDOW_MINUTES = 30  # the site file's [site] duplicate_minutes overrides it
MIN_PHONE_DIGITS = 7  # fewer digits match too many numbers to mean anything
MIN_PLACE_CHARS = 4  # "1号" alone is in every community
SIMILAR_PLACE_CHARS = 6  # one place may contain the other once it is this specific
MAX_SUGGESTIONS = 5

# Scores: a phone number is the strongest sign; a place shared by a building of people the
# weakest. The time apart lowers a score by at most one point.
_SCORES = {"phone": 6, "name": 4, "place": 3, "similar_place": 2}

# Building-number words written in several ways: all become 号.
_BUILDING = re.compile(r"(号楼|栋|幢|座)")
_DROP = re.compile(r"[\s\-_·,，.。、/()（）#]+")


class Reason(enum.StrEnum):
    """Why an incident may report the same event."""

    PHONE = "phone"  # the same caller's phone, digits only
    NAME = "name"  # the same caller's name in the same community
    PLACE = "place"  # the same place, written alike once normalised
    SIMILAR_PLACE = "similar_place"  # one place names the other and more


def phone_digits(phone: str) -> str:
    """The digits of a phone number without the country code: '+86 138-1234-5678' → 13812345678."""
    digits = "".join(c for c in unicodedata.normalize("NFKC", phone) if c.isdigit())
    for country in ("0086", "86"):
        if digits.startswith(country) and len(digits) - len(country) == 11:
            return digits[len(country) :]
    return digits


def place_key(place: str) -> str:
    """A place written one way: full-width to half-width, no spaces or punctuation,
    号楼/栋/幢/座 as 号, lower case. '咸阳北里 ３号楼' and '咸阳北里3号' give the same key."""
    text = unicodedata.normalize("NFKC", place).lower()
    return _DROP.sub("", _BUILDING.sub("号", text))


@dataclass(frozen=True, slots=True)
class Draft:
    """What is known of an incident being entered (or of one already in the queue)."""

    at: datetime
    caller_phone: str = ""
    caller_name: str = ""
    community: str | None = None
    location: str = ""
    exclude_id: int | None = None  # the incident itself, when it is one


@dataclass(frozen=True, slots=True)
class Candidate:
    """An incident near in time that the rule compares with the draft."""

    id: int
    title: str
    state: IncidentState
    created_at: datetime
    community: str | None
    location: str
    caller_name: str
    caller_phone: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A possible duplicate, best first by score, with what matched and how far apart in time."""

    candidate: Candidate
    reasons: tuple[Reason, ...]
    score: float
    minutes_apart: int  # positive: the candidate came earlier

    @property
    def id(self) -> int:
        """The candidate's incident number."""
        return self.candidate.id


def is_draft_searchable(d: Draft) -> bool:
    """Whether the draft has anything the rule can match on (no query otherwise)."""
    return (
        len(phone_digits(d.caller_phone)) >= MIN_PHONE_DIGITS
        or bool(d.caller_name.strip())
        or len(place_key(d.location)) >= MIN_PLACE_CHARS
    )


def eligible(c: Candidate, at: datetime, window: timedelta) -> bool:
    """Open, or resolved within the window (a second call about what was just handled)."""
    if abs(at - c.created_at) > window:
        return False
    return c.state in OPEN_STATES or c.state is IncidentState.RESOLVED


def reasons(d: Draft, c: Candidate) -> tuple[Reason, ...]:
    """What the draft and the candidate have in common."""
    found: list[Reason] = []
    phone = phone_digits(d.caller_phone)
    if len(phone) >= MIN_PHONE_DIGITS and phone == phone_digits(c.caller_phone):
        found.append(Reason.PHONE)
    name = d.caller_name.strip()
    if name and name == c.caller_name.strip() and d.community == c.community:
        found.append(Reason.NAME)
    mine, theirs = place_key(d.location), place_key(c.location)
    if len(mine) >= MIN_PLACE_CHARS and len(theirs) >= MIN_PLACE_CHARS:
        if mine == theirs:
            found.append(Reason.PLACE)
        elif min(len(mine), len(theirs)) >= SIMILAR_PLACE_CHARS and (
            mine in theirs or theirs in mine
        ):
            found.append(Reason.SIMILAR_PLACE)
    return tuple(found)


def suggest(
    d: Draft, candidates: list[Candidate], window: timedelta, limit: int = MAX_SUGGESTIONS
) -> list[Suggestion]:
    """The candidates that may be the same event, best first (highest score, then nearest)."""
    out: list[Suggestion] = []
    for c in candidates:
        if c.id == d.exclude_id or not eligible(c, d.at, window):
            continue
        why = reasons(d, c)
        if not why:
            continue
        apart = d.at - c.created_at
        nearness = 1 - min(abs(apart) / window, 1.0) if window else 1.0
        score = sum(_SCORES[r.value] for r in why) + nearness
        out.append(Suggestion(c, why, round(score, 3), int(apart.total_seconds() // 60)))
    out.sort(key=lambda s: (-s.score, abs(s.minutes_apart), s.candidate.id))
    return out[:limit]


@dataclass(frozen=True, slots=True)
class JoinedEvent:
    """An entry of a merged incident's timeline, shown in the survivor's with its number."""

    source_id: int
    ts: datetime
    kind: str
    from_state: IncidentState | None
    to_state: IncidentState | None
    note: str
    actor: str | None
    workstation: str


@dataclass(frozen=True, slots=True)
class MergeView:
    """An incident's merge links: what it was merged into, what was merged into it."""

    incident_id: int
    merged_into: int | None = None
    merged_from: tuple[int, ...] = ()
    joined: tuple[JoinedEvent, ...] = ()  # the merged incidents' timelines, oldest first
