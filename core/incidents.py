"""Incident lifecycle: states and the transitions an operator or supervisor may make."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from core.permissions import Permission

TITLE_MAX = 200  # characters, checked by the service and limited in the entry form
LOCATION_MAX = 200
DESCRIPTION_MAX = 4000
NOTE_MAX = 2000  # a timeline note is a sentence or two, not a pasted document
CALLER_NAME_MAX = 64
CALLER_PHONE_MAX = 32


class IncidentState(enum.StrEnum):
    """The states of DESIGN §6, in lifecycle order."""

    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    DISPATCHED = "dispatched"
    ON_SCENE = "on_scene"
    RESOLVED = "resolved"
    CLOSED = "closed"  # reviewed by a supervisor


OPEN_STATES = frozenset(
    {
        IncidentState.NEW,
        IncidentState.ACKNOWLEDGED,
        IncidentState.DISPATCHED,
        IncidentState.ON_SCENE,
    }
)

_FORWARD: dict[IncidentState, frozenset[IncidentState]] = {
    IncidentState.NEW: frozenset({IncidentState.ACKNOWLEDGED, IncidentState.RESOLVED}),
    IncidentState.ACKNOWLEDGED: frozenset({IncidentState.DISPATCHED, IncidentState.RESOLVED}),
    IncidentState.DISPATCHED: frozenset({IncidentState.ON_SCENE, IncidentState.RESOLVED}),
    IncidentState.ON_SCENE: frozenset({IncidentState.RESOLVED}),
    IncidentState.RESOLVED: frozenset({IncidentState.CLOSED}),
    IncidentState.CLOSED: frozenset(),
}


class TransitionError(ValueError):
    """A state change that the lifecycle does not allow."""


@dataclass(frozen=True, slots=True)
class Transition:
    """A requested change of state; reopening needs a reason."""

    current: IncidentState
    target: IncidentState
    reason: str = ""


def check_transition(t: Transition) -> None:
    """Raise TransitionError unless the lifecycle allows moving from current to target."""
    if t.target in _FORWARD[t.current]:
        return
    reopening = t.current in (IncidentState.RESOLVED, IncidentState.CLOSED) and (
        t.target is IncidentState.ACKNOWLEDGED
    )
    if reopening:
        if not t.reason.strip():
            raise TransitionError("reopening an incident needs a reason")
        return
    raise TransitionError(f"cannot move an incident from {t.current} to {t.target}")


def allowed_targets(current: IncidentState) -> frozenset[IncidentState]:
    """States reachable in one step (reopen included for resolved and closed items)."""
    extra = (
        {IncidentState.ACKNOWLEDGED}
        if current in (IncidentState.RESOLVED, IncidentState.CLOSED)
        else set()
    )
    return _FORWARD[current] | extra


def required_permission(current: IncidentState, target: IncidentState) -> Permission:
    """What a step needs: closing is a review, and so is undoing one (reopening a closed item).

    An operator may reopen what was resolved; what a supervisor closed only a reviewer reopens.
    """
    if target is IncidentState.CLOSED or current is IncidentState.CLOSED:
        return Permission.REVIEW_INCIDENTS
    return Permission.HANDLE_INCIDENTS


def queue_rank(priority: int, state: IncidentState) -> int:
    """The queue's first sort key, stored with each incident: priority, then new before handled.

    With `created_at` and `id` after it, it gives the queue's order by an index alone.
    """
    return int(priority) * 2 + (0 if state is IncidentState.NEW else 1)


class FourEyesError(TransitionError):
    """Whoever resolved an incident may not also close it: someone else reviews it."""


class QueueView(enum.StrEnum):
    """The incident desk's views of the queue."""

    OPEN = "open"  # everything open (the default)
    MINE = "mine"  # open and claimed by me
    UNASSIGNED = "unassigned"  # open and claimed by nobody
    REVIEW = "review"  # resolved, waiting for a supervisor's review
    HISTORY = "history"  # every state, newest first, searched (console/presenters/history.py)


ALERT_PRIORITIES = frozenset({1, 2})  # P1 and P2 demand attention until acknowledged


def needs_attention(priority: int, state: IncidentState) -> bool:
    """A new P1/P2: it flashes and alerts until someone acknowledges it."""
    return state is IncidentState.NEW and int(priority) in ALERT_PRIORITIES
