"""Read models: the frozen rows that services hand to the GUI (never live ORM objects)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.incidents import OPEN_STATES, IncidentState, QueueView, queue_rank
from core.model import DeviceState, IncidentSource, Priority, RoleName
from core.timefmt import as_utc


@dataclass(frozen=True, slots=True)
class PersonChoice:
    """A resident found to act for (a screening, a job seeker); name masked per role."""

    id: int
    name: str
    community: str
    birth_year: int


@dataclass(frozen=True, slots=True)
class DeviceRow:
    """A device as the status pane shows it."""

    id: int
    code: str
    name: str
    kind: str
    community: str | None
    community_name: str | None
    workstation: str
    address: str
    state: DeviceState
    last_seen_at: datetime | None
    detail: str


# Kinds whose online state is renewed by a heartbeat rather than held by a live link: a camera
# is online while a recorder reports it (every heartbeat, its row's last_seen_at at least every
# 30 s). Past this age nothing vouches for it any more (no recorder runs, or its computer is
# off): it is "not reporting", not online. Readers and panels hold a connection instead and
# may be silent for hours while online, so they are not listed.
HEARTBEAT_KINDS: dict[str, timedelta] = {"camera": timedelta(seconds=90)}


def not_reporting(row: DeviceRow, now: datetime) -> bool:
    """True for an online device of a heartbeat kind whose last report is too old."""
    limit = HEARTBEAT_KINDS.get(row.kind)
    if limit is None or row.state is not DeviceState.ONLINE:
        return False
    return row.last_seen_at is None or now - as_utc(row.last_seen_at) > limit


@dataclass(frozen=True, slots=True)
class DeviceCounts:
    """Online/offline totals for the status bar."""

    online: int
    offline: int
    unknown: int
    silent: int = 0  # online once, but no longer reporting (not_reporting)

    @property
    def total(self) -> int:
        """All devices in scope."""
        return self.online + self.offline + self.unknown + self.silent

    @classmethod
    def of(cls, rows: Iterable[DeviceRow], now: datetime | None = None) -> DeviceCounts:
        """Totals of rows already read (a fault counts as offline, as in the service); with
        `now`, online devices that stopped reporting count apart."""
        rows = list(rows)
        silent = sum(1 for r in rows if now is not None and not_reporting(r, now))
        states = [r.state for r in rows]
        return cls(
            online=states.count(DeviceState.ONLINE) - silent,
            offline=states.count(DeviceState.OFFLINE) + states.count(DeviceState.FAULT),
            unknown=states.count(DeviceState.UNKNOWN),
            silent=silent,
        )


@dataclass(frozen=True, slots=True)
class IncidentRow:
    """An item of the incident queue."""

    id: int
    title: str
    priority: Priority
    state: IncidentState
    source: IncidentSource
    community: str | None
    community_name: str | None
    location: str
    created_at: datetime
    updated_at: datetime
    claimed_by: str | None
    claimed_by_id: int | None = None
    type_code: str | None = None
    version: int = 1  # the optimistic version a save from a window showing this row expects
    merged_into: int | None = None  # merged as a duplicate into this incident: no more steps


@dataclass(frozen=True, slots=True)
class CommunityRow:
    """A community for pickers and the map."""

    code: str
    name: str
    population: int
    centre_x: float
    centre_y: float


@dataclass(frozen=True, slots=True)
class IncidentEventRow:
    """One entry of an incident's timeline."""

    ts: datetime
    kind: str
    from_state: IncidentState | None
    to_state: IncidentState | None
    note: str
    actor: str | None
    workstation: str


@dataclass(frozen=True, slots=True)
class IncidentDetail:
    """An incident with its description and whole timeline, oldest entry first."""

    row: IncidentRow
    description: str
    events: tuple[IncidentEventRow, ...]
    caller_name: str = ""
    caller_phone: str = ""
    disposition: str = ""
    legal_hold: bool = False  # the retention job leaves it alone (set by a supervisor)
    legal_hold_reason: str = ""


@dataclass(frozen=True, slots=True)
class IncidentTypeRow:
    """A kind of incident as the entry form, the SLA colours and resolving use it."""

    code: str
    name: str
    priority: Priority
    acknowledge: timedelta
    resolve: timedelta
    departments: tuple[str, ...]
    dispositions: tuple[str, ...]
    dispatch: timedelta | None = None  # None: the priority's default (core.sla)


@dataclass(frozen=True, slots=True)
class UserRow:
    """An account as the administrator's account list shows it."""

    username: str
    display_name: str
    role: RoleName
    communities: tuple[str, ...]
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    department: str | None = None  # the code of the department a department account answers for


@dataclass(frozen=True, slots=True)
class DepartmentRow:
    """A department for pickers (the new-account form)."""

    code: str
    name: str
    kind: str


def queue_key(r: IncidentRow) -> tuple[int, datetime, int]:
    """The queue's order: most urgent first, new before handled, oldest first.

    The same order as the service's SQL (queue_rank, created_at, id), so that rows merged in
    one by one land where a full reload would put them, and the key of the last row shown is
    where the next page starts.
    """
    return (queue_rank(r.priority, r.state), as_utc(r.created_at), r.id)


def in_view(r: IncidentRow, view: QueueView, user_id: int) -> bool:
    """True if the incident belongs in a view of the queue (the service's filters, in Python)."""
    if view is QueueView.HISTORY:
        return False  # the History has a table of its own, fed by its own presenter
    if view is QueueView.REVIEW:
        return r.state is IncidentState.RESOLVED
    if r.state not in OPEN_STATES:
        return False
    if view is QueueView.MINE:
        return r.claimed_by_id == user_id
    if view is QueueView.UNASSIGNED:
        return r.claimed_by_id is None
    return True
