"""A station's day: when a standing pairing's visit is due, and the day's lines in their order."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from core.orders import DeliveryRow, Flag, OrderStatus
from core.station_today import TodayItem, TodayKind, today_items, visit_due
from core.volunteers import Cadence, PairingRow, TaskRow

MONDAY = 0
WEDNESDAY = 2
# March 2026: Mondays are the 2nd, 9th, 16th, 23rd and 30th; April's first Monday is the 6th.
DAY = date(2026, 3, 16)  # a Monday


def delivery(
    id: int,
    window: str = "10:00–12:00",
    status: OrderStatus = OrderStatus.ACCEPTED,
    flags: tuple[str, ...] = (),
    deliverer: str = "王师傅",
) -> DeliveryRow:
    return DeliveryRow(
        id=id,
        resident=f"张*{id}",
        community="C01",
        merchant=f"菜店{id}",
        window=window,
        status=status,
        deliverer=deliverer,
        flags=flags,
    )


def task(id: int, volunteer: str = "李志愿", status: str = "assigned") -> TaskRow:
    return TaskRow(
        id=id,
        community="C01",
        kind="errand",
        title=f"任务{id}",
        resident_id=100 + id,
        resident=f"赵*{id}",
        incident_id=None,
        order_id=None,
        status=status,
        volunteer_id=7 if volunteer else None,
        volunteer=volunteer,
        due_at=None,  # today_items takes the due time from `local_time`
        created_at=datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
    )


def pairing(
    id: int,
    *,
    lives_alone: bool = False,
    cadence: str = Cadence.WEEKLY,
    weekday: int = MONDAY,
    started_on: date = date(2026, 3, 2),
    ended_on: date | None = None,
    volunteer: str = "陈志愿",
) -> PairingRow:
    return PairingRow(
        id=id,
        community="C01",
        volunteer_id=9,
        volunteer=volunteer,
        resident_id=200 + id,
        resident=f"孙*{id}",
        lives_alone=lives_alone,
        cadence=cadence,
        weekday=weekday,
        note=f"走访{id}",
        started_on=started_on,
        ended_on=ended_on,
    )


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def keys(items: list[TodayItem]) -> list[tuple[TodayKind, int]]:
    return [(i.kind, i.ref) for i in items]


# --- visit_due ------------------------------------------------------------------------------


def test_a_weekly_visit_is_due_on_its_weekday_every_week_from_its_start() -> None:
    start = date(2026, 3, 2)
    mondays = [date(2026, 3, d) for d in (2, 9, 16, 23, 30)] + [date(2026, 4, 6)]
    assert all(visit_due(Cadence.WEEKLY, MONDAY, start, d) for d in mondays)
    # Every other day of the week is not a visit day.
    others = [date(2026, 3, d) for d in (3, 4, 5, 6, 7, 8)]
    assert not any(visit_due(Cadence.WEEKLY, MONDAY, start, d) for d in others)


def test_no_visit_is_due_before_the_pairing_starts() -> None:
    start = date(2026, 3, 9)
    assert not visit_due(Cadence.WEEKLY, MONDAY, start, date(2026, 3, 2))  # the Monday before
    assert not visit_due(Cadence.WEEKLY, MONDAY, start, date(2026, 3, 8))  # the day before
    assert visit_due(Cadence.WEEKLY, MONDAY, start, start)  # the first day is a visit day


def test_the_first_visit_is_the_first_such_weekday_on_or_after_the_start() -> None:
    # Paired on a Wednesday for Monday visits: the first visit is the next Monday.
    start = date(2026, 3, 4)
    assert start.weekday() == WEDNESDAY
    assert not visit_due(Cadence.WEEKLY, MONDAY, start, date(2026, 3, 2))
    assert not visit_due(Cadence.WEEKLY, MONDAY, start, start)
    assert visit_due(Cadence.WEEKLY, MONDAY, start, date(2026, 3, 9))
    assert visit_due(Cadence.FORTNIGHTLY, MONDAY, start, date(2026, 3, 9))


def test_a_fortnightly_visit_is_due_every_other_week_counted_from_its_start() -> None:
    start = date(2026, 3, 2)  # a Monday, the first visit
    due = [date(2026, 3, 2), date(2026, 3, 16), date(2026, 3, 30)]
    skipped = [date(2026, 3, 9), date(2026, 3, 23), date(2026, 4, 6)]
    assert all(visit_due(Cadence.FORTNIGHTLY, MONDAY, start, d) for d in due)
    assert not any(visit_due(Cadence.FORTNIGHTLY, MONDAY, start, d) for d in skipped)
    assert visit_due(Cadence.FORTNIGHTLY, MONDAY, start, date(2026, 4, 13))


def test_a_fortnightly_visit_becomes_due_on_its_day_and_not_the_day_before() -> None:
    start = date(2026, 3, 2)
    assert not visit_due(Cadence.FORTNIGHTLY, MONDAY, start, date(2026, 3, 15))  # Sunday
    assert visit_due(Cadence.FORTNIGHTLY, MONDAY, start, date(2026, 3, 16))
    assert not visit_due(Cadence.FORTNIGHTLY, MONDAY, start, date(2026, 3, 17))


def test_a_fortnightly_pairing_started_mid_week_counts_its_fortnights_from_the_start() -> None:
    # Started on Tuesday 3 March for Mondays: 9 March is 6 days on (week 0), 16 March 13 days
    # (week 1, skipped), 23 March 20 days (week 2).
    start = date(2026, 3, 3)
    assert visit_due(Cadence.FORTNIGHTLY, MONDAY, start, date(2026, 3, 9))
    assert not visit_due(Cadence.FORTNIGHTLY, MONDAY, start, date(2026, 3, 16))
    assert visit_due(Cadence.FORTNIGHTLY, MONDAY, start, date(2026, 3, 23))


def test_a_monthly_visit_is_due_on_the_first_such_weekday_of_each_month() -> None:
    start = date(2026, 1, 1)
    assert visit_due(Cadence.MONTHLY, MONDAY, start, date(2026, 3, 2))
    assert not visit_due(Cadence.MONTHLY, MONDAY, start, date(2026, 3, 9))
    assert not visit_due(Cadence.MONTHLY, MONDAY, start, date(2026, 3, 30))
    assert visit_due(Cadence.MONTHLY, MONDAY, start, date(2026, 4, 6))


@pytest.mark.parametrize(
    ("day", "due"),
    [
        (date(2026, 6, 1), True),  # the 1st is a Monday: the first Monday
        (date(2026, 6, 8), False),  # the 8th is the second Monday
        (date(2026, 9, 7), True),  # the 1st is a Tuesday: the 7th is still the first Monday
        (date(2026, 9, 14), False),
        (date(2026, 9, 6), False),  # the day before: a Sunday
    ],
)
def test_a_monthly_visit_is_due_through_the_seventh_and_not_after(day: date, due: bool) -> None:
    assert visit_due(Cadence.MONTHLY, MONDAY, date(2026, 1, 1), day) is due


def test_a_monthly_pairing_started_after_the_first_weekday_waits_for_next_month() -> None:
    start = date(2026, 3, 4)  # after Monday 2 March
    assert not visit_due(Cadence.MONTHLY, MONDAY, start, date(2026, 3, 2))
    assert not visit_due(Cadence.MONTHLY, MONDAY, start, date(2026, 3, 9))
    assert visit_due(Cadence.MONTHLY, MONDAY, start, date(2026, 4, 6))


def test_the_cadence_as_stored_plain_text_counts_like_the_enum() -> None:
    start = date(2026, 3, 2)
    assert visit_due("fortnightly", MONDAY, start, date(2026, 3, 16))
    assert not visit_due("fortnightly", MONDAY, start, date(2026, 3, 9))
    assert visit_due("monthly", MONDAY, start, date(2026, 4, 6))
    assert not visit_due("monthly", MONDAY, start, date(2026, 3, 9))


# --- today_items: the lines ------------------------------------------------------------------


def test_an_empty_day_has_no_lines() -> None:
    assert today_items([], [], [], DAY) == []


def test_a_delivery_line_carries_its_window_deliverer_step_and_merchant() -> None:
    [line] = today_items([delivery(5, status=OrderStatus.EN_ROUTE)], [], [], DAY)
    assert line == TodayItem(
        TodayKind.DELIVERY, 5, "10:00–12:00", "张*5", "王师傅", "en_route", "菜店5", False
    )


@pytest.mark.parametrize(
    ("status", "flags", "attention"),
    [
        (OrderStatus.ACCEPTED, (), False),
        (OrderStatus.FAILED, (), True),
        (OrderStatus.EN_ROUTE, (Flag.LATE.value,), True),
        (OrderStatus.AWAITING_CONFIRMATION, (Flag.CONFIRM.value, Flag.LATE.value), True),
        # Late but already over: nothing left to chase.
        (OrderStatus.DELIVERED, (Flag.LATE.value,), False),
        (OrderStatus.CANCELLED, (Flag.LATE.value,), False),
        (OrderStatus.FAILED, (Flag.LATE.value,), True),
        # Living alone alone does not colour a delivery that is on its way.
        (OrderStatus.PICKED, (Flag.LIVES_ALONE.value,), False),
        (OrderStatus.ACCEPTED, (Flag.CONFIRM.value, Flag.MERGED.value), False),
    ],
)
def test_a_delivery_needs_attention_when_it_failed_or_is_late_and_still_open(
    status: OrderStatus, flags: tuple[str, ...], attention: bool
) -> None:
    [line] = today_items([delivery(1, status=status, flags=flags)], [], [], DAY)
    assert line.attention is attention
    assert line.status == status.value


def test_a_task_due_today_shows_its_local_time_and_volunteer() -> None:
    [line] = today_items([], [task(3)], [], DAY, {3: at(DAY, 9, 5)})
    assert line == TodayItem(
        TodayKind.TASK, 3, "09:05", "赵*3", "李志愿", "assigned", "任务3", False
    )


def test_a_task_without_a_due_time_is_listed_for_any_time_of_the_day() -> None:
    [line] = today_items([], [task(3)], [], DAY)
    assert line.when == ""
    assert line.attention is False
    # Only tasks named in `local_time` get a time; the others are "any time".
    lines = today_items([], [task(3), task(4)], [], DAY, {4: at(DAY, 14)})
    assert {(i.ref, i.when) for i in lines} == {(3, ""), (4, "14:00")}


def test_a_task_due_after_the_day_is_left_out_and_one_due_at_its_last_minute_is_in() -> None:
    tomorrow = date(2026, 3, 17)
    lines = today_items(
        [],
        [task(1), task(2), task(3)],
        [],
        DAY,
        {1: at(DAY, 23, 59), 2: at(tomorrow, 0, 0), 3: at(date(2026, 4, 1), 9)},
    )
    assert keys(lines) == [(TodayKind.TASK, 1)]
    assert lines[0].when == "23:59"


def test_an_overdue_task_stays_on_the_list_and_needs_attention() -> None:
    lines = today_items([], [task(1)], [], DAY, {1: at(date(2026, 3, 15), 18, 30)})
    [line] = lines
    assert line.attention is True
    assert line.overdue is True
    assert line.when == "03-15 18:30"  # the day it was due, so it does not read as today's


def test_a_task_with_nobody_named_needs_attention() -> None:
    lines = today_items(
        [], [task(1, volunteer="", status="open"), task(2)], [], DAY, {1: at(DAY, 10)}
    )
    by_ref = {i.ref: i for i in lines}
    assert by_ref[1].attention is True
    assert by_ref[1].who == ""
    assert by_ref[1].status == "open"
    assert by_ref[2].attention is False


def test_a_visit_due_today_is_a_line_for_any_time_of_the_day() -> None:
    [line] = today_items([], [], [pairing(4)], DAY)
    assert line == TodayItem(TodayKind.VISIT, 4, "", "孙*4", "陈志愿", "due", "走访4", False)


def test_visits_not_due_today_and_ended_pairings_are_left_out() -> None:
    pairings = [
        pairing(1),  # weekly on Mondays: due
        pairing(2, weekday=WEDNESDAY),  # another day
        pairing(3, cadence=Cadence.FORTNIGHTLY, started_on=date(2026, 3, 9)),  # off week
        pairing(4, cadence=Cadence.MONTHLY),  # the 16th is not the first Monday
        pairing(5, ended_on=date(2026, 3, 16)),  # ended today
        pairing(6, ended_on=date(2026, 3, 20)),  # ends later, but is already marked ended
        pairing(7, started_on=date(2026, 3, 23)),  # not started yet
        pairing(8, cadence=Cadence.FORTNIGHTLY),  # started 2 March: due on the 16th
    ]
    assert keys(today_items([], [], pairings, DAY)) == [
        (TodayKind.VISIT, 1),
        (TodayKind.VISIT, 8),
    ]


def test_a_visit_to_a_resident_living_alone_is_highlighted_though_a_volunteer_is_named() -> None:
    lines = today_items([], [], [pairing(1, lives_alone=True), pairing(2)], DAY)
    by_ref = {i.ref: i for i in lines}
    # The code colours every due visit to someone living alone; the visit has its volunteer.
    assert by_ref[1].attention is True
    assert by_ref[1].who == "陈志愿"
    assert by_ref[2].attention is False


def test_a_task_for_a_resident_living_alone_is_not_highlighted_when_someone_is_named() -> None:
    # A task row knows nothing of living alone: only its volunteer and due time count.
    lines = today_items([], [task(1)], [pairing(1, lives_alone=True)], DAY, {1: at(DAY, 11)})
    by_kind = {i.kind: i for i in lines}
    assert by_kind[TodayKind.TASK].attention is False
    assert by_kind[TodayKind.VISIT].attention is True


# --- today_items: the order ------------------------------------------------------------------


def test_lines_needing_attention_come_first_then_by_time_with_any_time_last() -> None:
    deliveries = [
        delivery(10, "08:00–10:00"),
        delivery(11, "10:00–12:00", OrderStatus.EN_ROUTE, (Flag.LATE.value,)),  # attention
        delivery(12, "14:00–16:00"),
    ]
    tasks = [task(20), task(21), task(22, volunteer="", status="open")]
    local_time = {
        20: at(DAY, 9, 30),
        21: at(date(2026, 3, 13), 9, 0),  # overdue: attention
        22: at(DAY, 16, 0),  # nobody named: attention
    }
    pairings = [pairing(30), pairing(31, lives_alone=True)]
    lines = today_items(deliveries, tasks, pairings, DAY, local_time)
    assert [(i.kind, i.ref, i.when, i.attention) for i in lines] == [
        (TodayKind.TASK, 21, "03-13 09:00", True),
        (TodayKind.DELIVERY, 11, "10:00–12:00", True),
        (TodayKind.TASK, 22, "16:00", True),
        (TodayKind.VISIT, 31, "", True),
        (TodayKind.DELIVERY, 10, "08:00–10:00", False),
        (TodayKind.TASK, 20, "09:30", False),
        (TodayKind.DELIVERY, 12, "14:00–16:00", False),
        (TodayKind.VISIT, 30, "", False),
    ]


def test_at_the_same_time_deliveries_come_before_tasks_before_visits_then_by_id() -> None:
    tasks = [task(2), task(1)]
    pairings = [pairing(2), pairing(1)]
    deliveries = [delivery(9, window=""), delivery(3, window="")]
    lines = today_items(deliveries, tasks, pairings, DAY)
    assert keys(lines) == [
        (TodayKind.DELIVERY, 3),
        (TodayKind.DELIVERY, 9),
        (TodayKind.TASK, 1),
        (TodayKind.TASK, 2),
        (TodayKind.VISIT, 1),
        (TodayKind.VISIT, 2),
    ]


def test_times_sort_as_text_so_a_task_at_a_windows_start_comes_before_the_window() -> None:
    # "10:00" sorts before "10:00–12:00": the kind only breaks exact ties of the time text.
    lines = today_items([delivery(1, "10:00–12:00")], [task(2)], [], DAY, {2: at(DAY, 10)})
    assert keys(lines) == [(TodayKind.TASK, 2), (TodayKind.DELIVERY, 1)]


def test_overdue_tasks_of_last_year_come_before_this_years() -> None:
    jan = date(2027, 1, 3)
    lines = today_items(
        [],
        [task(1), task(2)],
        [],
        jan,
        {1: at(date(2027, 1, 1), 9), 2: at(date(2026, 12, 30), 9)},
    )
    assert [(i.ref, i.when) for i in lines] == [(2, "12-30 09:00"), (1, "01-01 09:00")]
