"""Service-level targets of the incident queue: how long an item may wait, and how late it is."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from core.incidents import OPEN_STATES, IncidentState
from core.model import Priority
from core.timefmt import as_utc


class SlaLevel(enum.IntEnum):
    """How far along its target an open item is."""

    OK = 0
    WARNING = 1  # half the time used
    BREACHED = 2


@dataclass(frozen=True, slots=True)
class SlaTargets:
    """Time to acknowledge, to dispatch and to resolve, per priority, all from when raised."""

    acknowledge: dict[Priority, timedelta]
    resolve: dict[Priority, timedelta]
    dispatch: dict[Priority, timedelta] = field(default_factory=dict)


DEFAULT_TARGETS = SlaTargets(
    acknowledge={
        Priority.P1: timedelta(minutes=2),
        Priority.P2: timedelta(minutes=5),
        Priority.P3: timedelta(minutes=30),
        Priority.P4: timedelta(hours=2),
    },
    resolve={
        Priority.P1: timedelta(hours=1),
        Priority.P2: timedelta(hours=4),
        Priority.P3: timedelta(hours=24),
        Priority.P4: timedelta(hours=72),
    },
    dispatch={
        Priority.P1: timedelta(minutes=10),
        Priority.P2: timedelta(minutes=30),
        Priority.P3: timedelta(hours=4),
        Priority.P4: timedelta(hours=24),
    },
)

SLA_CLOCKS = ("acknowledge", "dispatch", "resolve")
# An incident type's own targets: acknowledge, resolve and, optionally, dispatch.
TypeTargets = tuple[timedelta, timedelta] | tuple[timedelta, timedelta, timedelta | None]
# The states in which each clock still runs: it stops at acknowledging, dispatching, resolving.
RUNNING: dict[str, frozenset[IncidentState]] = {
    "acknowledge": frozenset({IncidentState.NEW}),
    "dispatch": frozenset({IncidentState.NEW, IncidentState.ACKNOWLEDGED}),
    "resolve": OPEN_STATES,
}


@dataclass(frozen=True, slots=True)
class SlaStatus:
    """Which clock runs for an item, its target, and how much of it is used."""

    level: SlaLevel
    clock: str  # "acknowledge" | "dispatch" | "resolve" | "" (no clock: not open)
    target: timedelta
    left: timedelta  # negative once breached


def targets_for(
    priority: Priority,
    targets: SlaTargets = DEFAULT_TARGETS,
    by_type: TypeTargets | None = None,
) -> dict[str, timedelta]:
    """The three targets of an item: its type's own, else the per-priority defaults.

    A type without a dispatch target gets its priority's, but never less than the type's own
    time to acknowledge (dispatching comes after acknowledging).
    """
    ack = by_type[0] if by_type else targets.acknowledge[priority]
    resolve = by_type[1] if by_type else targets.resolve[priority]
    dispatch = by_type[2] if by_type and len(by_type) > 2 else None
    if dispatch is None:
        default = (targets.dispatch or DEFAULT_TARGETS.dispatch)[priority]
        dispatch = max(default, ack) if by_type else default
    return {"acknowledge": ack, "dispatch": dispatch, "resolve": resolve}


def breached_clocks(
    priority: Priority,
    state: IncidentState,
    since: datetime,
    now: datetime,
    targets: SlaTargets = DEFAULT_TARGETS,
    *,
    by_type: TypeTargets | None = None,
) -> list[str]:
    """The clocks (SLA_CLOCKS order) still running for this item and past their target."""
    used = as_utc(now) - as_utc(since)
    wanted = targets_for(priority, targets, by_type)
    return [c for c in SLA_CLOCKS if state in RUNNING[c] and used >= wanted[c]]


def stopped_late(
    priority: Priority,
    before: IncidentState,
    after: IncidentState,
    since: datetime,
    at: datetime,
    targets: SlaTargets = DEFAULT_TARGETS,
    *,
    by_type: TypeTargets | None = None,
) -> list[str]:
    """The clocks (SLA_CLOCKS order) a step from `before` to `after` at `at` stopped late.

    The same breaches the running check would have found had it looked just before the step.
    """
    used = as_utc(at) - as_utc(since)
    wanted = targets_for(priority, targets, by_type)
    return [
        c
        for c in SLA_CLOCKS
        if before in RUNNING[c] and after not in RUNNING[c] and used >= wanted[c]
    ]


def earliest_targets(
    by_types: Iterable[tuple[timedelta, timedelta, timedelta | None]],
    targets: SlaTargets = DEFAULT_TARGETS,
) -> dict[str, timedelta]:
    """The smallest target of each clock over every priority, with and without each type.

    No item can breach a clock sooner: a scan may leave out the items raised since.
    """
    per_item = [targets_for(p, targets) for p in Priority]
    per_item += [targets_for(p, targets, t) for t in by_types for p in Priority]
    return {c: min(t[c] for t in per_item) for c in SLA_CLOCKS}


def sla_status(
    priority: Priority,
    state: IncidentState,
    since: datetime,
    now: datetime,
    targets: SlaTargets = DEFAULT_TARGETS,
    *,
    by_type: TypeTargets | None = None,
) -> SlaStatus:
    """The running SLA clock of an open item, measured from when it was raised.

    `by_type` (acknowledge, resolve[, dispatch]) are the incident type's own targets, which
    win over the per-priority defaults. A new item shows its acknowledge clock, an
    acknowledged one its dispatch clock, a dispatched or on-scene one its resolve clock.
    """
    if state not in OPEN_STATES:
        return SlaStatus(SlaLevel.OK, "", timedelta(0), timedelta(0))
    if state is IncidentState.NEW:
        clock = "acknowledge"
    elif state is IncidentState.ACKNOWLEDGED:
        clock = "dispatch"
    else:
        clock = "resolve"
    target = targets_for(priority, targets, by_type)[clock]
    used = as_utc(now) - as_utc(since)
    if used >= target:
        level = SlaLevel.BREACHED
    elif used * 2 >= target:
        level = SlaLevel.WARNING
    else:
        level = SlaLevel.OK
    return SlaStatus(level, clock, target, target - used)
