"""A station's day in its community: deliveries, volunteers' visits and tasks, in one list."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from core.orders import FINAL, DeliveryRow, Flag, OrderStatus
from core.volunteers import Cadence, PairingRow, TaskRow


class TodayKind(enum.StrEnum):
    """What a line of the day is."""

    DELIVERY = "delivery"
    VISIT = "visit"  # a standing pairing's regular visit, due today
    TASK = "task"  # a volunteer task due today (or overdue and still open)


@dataclass(frozen=True, slots=True)
class TodayItem:
    """One line of the station's day; names are masked as the services gave them."""

    kind: TodayKind
    ref: int  # the order, pairing or task id
    when: str  # "10:00–12:00", "16:30", "" for any time of the day
    resident: str
    who: str  # the deliverer or the volunteer, "" when nobody is named yet
    status: str  # an OrderStatus value, "due", or a task status
    title: str  # the merchant, the pairing's note, the task's title
    # failed or late deliveries, tasks overdue or with nobody named, visits to people living alone
    attention: bool = False
    overdue: bool = False  # a task due before the day: `when` carries its date ("03-13 09:00")
    due: str = ""  # an overdue task's full due time ("2026-03-13 09:00"): oldest first, any year


def visit_due(cadence: str, weekday: int, started_on: date, day: date) -> bool:
    """A standing pairing visits on `day`: its weekday, and for a fortnightly pairing every
    other week from its start, for a monthly one the first such weekday of the month."""
    if day.weekday() != weekday or day < started_on:
        return False
    if cadence == Cadence.FORTNIGHTLY:
        return ((day - started_on).days // 7) % 2 == 0
    if cadence == Cadence.MONTHLY:
        return day.day <= 7
    return True


def today_items(
    deliveries: Iterable[DeliveryRow],
    tasks: Iterable[TaskRow],
    pairings: Iterable[PairingRow],
    day: date,
    local_time: dict[int, datetime] | None = None,
) -> list[TodayItem]:
    """The day's lines, those that need attention first, then by time.

    `local_time` gives each task's due time in the site's zone (task id → local datetime);
    tasks without one are listed as "any time". Tasks due after `day` are left out.
    """
    local_time = local_time or {}
    items: list[TodayItem] = []
    for d in deliveries:
        items.append(
            TodayItem(
                TodayKind.DELIVERY,
                d.id,
                d.window,
                d.resident,
                d.deliverer,
                d.status.value,
                d.merchant,
                attention=d.status is OrderStatus.FAILED
                or (Flag.LATE.value in d.flags and d.status not in FINAL),
            )
        )
    for t in tasks:
        due = local_time.get(t.id)
        if due is not None and due.date() > day:
            continue
        overdue = due is not None and due.date() < day
        when = "" if due is None else due.strftime("%m-%d %H:%M" if overdue else "%H:%M")
        items.append(
            TodayItem(
                TodayKind.TASK,
                t.id,
                when,
                t.resident,
                t.volunteer,
                t.status,
                t.title,
                attention=overdue or not t.volunteer,
                overdue=overdue,
                due=due.strftime("%Y-%m-%d %H:%M") if overdue and due is not None else "",
            )
        )
    for p in pairings:
        if p.ended_on is not None or not visit_due(p.cadence, p.weekday, p.started_on, day):
            continue
        items.append(
            TodayItem(
                TodayKind.VISIT, p.id, "", p.resident, p.volunteer, "due", p.note, p.lives_alone
            )
        )
    order = {TodayKind.DELIVERY: 0, TodayKind.TASK: 1, TodayKind.VISIT: 2}
    # Overdue tasks first (the oldest first), then by time of day; "any time" last.
    items.sort(
        key=lambda i: (
            not i.attention,
            not i.overdue,
            i.due or i.when or "99",
            order[i.kind],
            i.ref,
        )
    )
    return items
