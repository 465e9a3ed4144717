"""Assignments: a department's or unit's answer to a dispatch, its steps and who may take them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

NOTE_MAX = 500  # a progress note, a completion note or a reason: a few sentences
REASON_MIN = 2  # a decline says why: "no car" is enough, "x" is not


class AssignmentState(enum.StrEnum):
    """Where an assignment stands, in the order a response runs."""

    NOTIFIED = "notified"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EN_ROUTE = "en_route"
    ON_SCENE = "on_scene"
    DONE = "done"
    CANCELLED = "cancelled"


OPEN_ASSIGNMENT_STATES = frozenset(
    {
        AssignmentState.NOTIFIED,
        AssignmentState.ACCEPTED,
        AssignmentState.EN_ROUTE,
        AssignmentState.ON_SCENE,
    }
)
# Not yet at the scene: what resolving the incident stands down (data/services/stand_down.py).
NOT_ARRIVED_STATES = frozenset(
    {AssignmentState.NOTIFIED, AssignmentState.ACCEPTED, AssignmentState.EN_ROUTE}
)
FINAL_STATES = frozenset(
    {AssignmentState.DONE, AssignmentState.DECLINED, AssignmentState.CANCELLED}
)


class Side(enum.StrEnum):
    """Who takes a step: the control room, or the department the assignment is for."""

    CONTROL = "control"
    DEPARTMENT = "department"


# The department answers and reports; the control room cancels or notifies again.
_STEPS: dict[tuple[AssignmentState, AssignmentState], Side] = {
    (AssignmentState.NOTIFIED, AssignmentState.ACCEPTED): Side.DEPARTMENT,
    (AssignmentState.NOTIFIED, AssignmentState.DECLINED): Side.DEPARTMENT,
    (AssignmentState.ACCEPTED, AssignmentState.EN_ROUTE): Side.DEPARTMENT,
    (AssignmentState.ACCEPTED, AssignmentState.ON_SCENE): Side.DEPARTMENT,
    (AssignmentState.EN_ROUTE, AssignmentState.ON_SCENE): Side.DEPARTMENT,
    (AssignmentState.ACCEPTED, AssignmentState.DONE): Side.DEPARTMENT,
    (AssignmentState.EN_ROUTE, AssignmentState.DONE): Side.DEPARTMENT,
    (AssignmentState.ON_SCENE, AssignmentState.DONE): Side.DEPARTMENT,
    # Re-notify: a declined or cancelled assignment asked again (the phone call made it right).
    (AssignmentState.DECLINED, AssignmentState.NOTIFIED): Side.CONTROL,
    (AssignmentState.CANCELLED, AssignmentState.NOTIFIED): Side.CONTROL,
    **{(s, AssignmentState.CANCELLED): Side.CONTROL for s in OPEN_ASSIGNMENT_STATES},
}


class AssignmentError(ValueError):
    """A step the assignment's lifecycle does not allow, or one missing its note or reason."""


def step_side(current: AssignmentState, target: AssignmentState) -> Side:
    """Who may move an assignment from `current` to `target`; AssignmentError if nobody."""
    side = _STEPS.get((current, target))
    if side is None:
        raise AssignmentError(f"cannot move an assignment from {current} to {target}")
    return side


def next_steps(current: AssignmentState, side: Side) -> tuple[AssignmentState, ...]:
    """The steps `side` may take from `current`, in lifecycle order."""
    order = list(AssignmentState)
    found = [t for (c, t), who in _STEPS.items() if c is current and who is side]
    return tuple(sorted(found, key=order.index))


def check_step(current: AssignmentState, target: AssignmentState, note: str) -> Side:
    """Raise AssignmentError unless the step is allowed and carries what it needs."""
    side = step_side(current, target)
    if target is AssignmentState.DECLINED and len(note.strip()) < REASON_MIN:
        raise AssignmentError("declining needs a reason")
    if target is AssignmentState.DONE and not note.strip():
        raise AssignmentError("completing needs a note of what was done")
    if len(note) > NOTE_MAX:
        raise AssignmentError(f"a note has at most {NOTE_MAX} characters")
    return side


# Minutes a department has to answer (accept or decline) before the control room is warned.
# Emergency services answer at once; a volunteer team may need to find someone free.
ANSWER_MINUTES: dict[str, int] = {
    "police": 3,
    "fire": 2,
    "city_management": 10,
    "committee": 10,
    "volunteers": 15,
    "street_office": 15,
    "civil_affairs": 30,
}
DEFAULT_ANSWER_MINUTES = 10


def answer_within(kind: str, overrides: dict[str, int] | None = None) -> timedelta:
    """How long a department of this kind has to answer; a site setting may override."""
    minutes = (overrides or {}).get(kind, ANSWER_MINUTES.get(kind, DEFAULT_ANSWER_MINUTES))
    return timedelta(minutes=minutes)


@dataclass(frozen=True, slots=True)
class UnitRow:
    """A unit (patrol car, fire engine, volunteer team) under a department, with its phone."""

    id: int
    code: str
    name: str
    phone: str


@dataclass(frozen=True, slots=True)
class DispatchTarget:
    """A department, with its units, as the dispatch picker lists it."""

    department_id: int
    code: str
    name: str
    kind: str
    phone: str
    units: tuple[UnitRow, ...] = ()


@dataclass(frozen=True, slots=True)
class Pick:
    """One line of a dispatch: a department, and optionally one of its units."""

    department_id: int
    unit_id: int | None = None


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    """An assignment as the incident window and the department desk show it."""

    id: int
    incident_id: int
    incident_title: str
    incident_location: str
    incident_priority: int
    department_id: int
    department: str
    department_kind: str
    unit: str | None
    phone: str  # the unit's phone when it has one, else the department's
    state: AssignmentState
    note: str
    decline_reason: str
    notified_at: datetime
    accepted_at: datetime | None
    declined_at: datetime | None
    en_route_at: datetime | None
    on_scene_at: datetime | None
    done_at: datetime | None
    cancelled_at: datetime | None
    answer_due: datetime  # unanswered after this: overdue
    version: int

    @property
    def open(self) -> bool:
        """Still expected to do something."""
        return self.state in OPEN_ASSIGNMENT_STATES

    def overdue(self, now: datetime) -> bool:
        """Notified and still unanswered past its answer time."""
        return self.state is AssignmentState.NOTIFIED and now >= self.answer_due

    def since(self) -> datetime:
        """When it entered its current state."""
        at = {
            AssignmentState.ACCEPTED: self.accepted_at,
            AssignmentState.DECLINED: self.declined_at,
            AssignmentState.EN_ROUTE: self.en_route_at,
            AssignmentState.ON_SCENE: self.on_scene_at,
            AssignmentState.DONE: self.done_at,
            AssignmentState.CANCELLED: self.cancelled_at,
        }.get(self.state)
        return at or self.notified_at


def desk_order(rows: list[AssignmentRow], now: datetime) -> list[AssignmentRow]:
    """The desk's order: open first, overdue and unanswered before the rest, then oldest."""
    return sorted(
        rows,
        key=lambda r: (
            not r.open,
            not r.overdue(now),
            r.state is not AssignmentState.NOTIFIED,
            r.incident_priority,
            r.notified_at,
            r.id,
        ),
    )
