"""Service-level targets of the incident queue: how long an item may wait, and how late it is."""

from __future__ import annotations

import enum
from dataclasses import dataclass
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
    """Time to acknowledge (a new item) and to resolve (once acknowledged), per priority."""

    acknowledge: dict[Priority, timedelta]
    resolve: dict[Priority, timedelta]


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
)


@dataclass(frozen=True, slots=True)
class SlaStatus:
    """Which clock runs for an item, its target, and how much of it is used."""

    level: SlaLevel
    clock: str  # "acknowledge" | "resolve" | "" (no clock: not open)
    target: timedelta
    left: timedelta  # negative once breached


def sla_status(
    priority: Priority,
    state: IncidentState,
    since: datetime,
    now: datetime,
    targets: SlaTargets = DEFAULT_TARGETS,
    *,
    by_type: tuple[timedelta, timedelta] | None = None,
) -> SlaStatus:
    """The running SLA clock of an open item, measured from when it was raised.

    `by_type` (acknowledge, resolve) are the incident type's own targets, which win over the
    per-priority defaults.
    """
    if state not in OPEN_STATES:
        return SlaStatus(SlaLevel.OK, "", timedelta(0), timedelta(0))
    if state is IncidentState.NEW:
        clock = "acknowledge"
        target = by_type[0] if by_type else targets.acknowledge[priority]
    else:
        clock = "resolve"
        target = by_type[1] if by_type else targets.resolve[priority]
    used = as_utc(now) - as_utc(since)
    if used >= target:
        level = SlaLevel.BREACHED
    elif used * 2 >= target:
        level = SlaLevel.WARNING
    else:
        level = SlaLevel.OK
    return SlaStatus(level, clock, target, target - used)
