"""core.feedback: categories, deadlines in working days, the state machine, monthly rates, the
queue's order and who must leave a contact."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.feedback import (
    CATEGORIES,
    Action,
    Calendar,
    Deadline,
    Source,
    TicketFacts,
    TicketRow,
    TicketState,
    TransitionError,
    category,
    deadline_status,
    due_dates,
    month_bounds,
    monthly_rates,
    needs_contact,
    next_state,
    queue_key,
    resolve_due,
    satisfied,
)

SH = ZoneInfo("Asia/Shanghai")
# Wednesday 25 November 2026, 16:00 in Beijing.
WED = datetime(2026, 11, 25, 16, 0, tzinfo=SH)


def test_every_category_has_a_department_kind_and_deadlines() -> None:
    codes = [c.code for c in CATEGORIES]
    assert len(set(codes)) == len(codes) == 8
    for c in CATEGORIES:
        assert c.department_kind
        assert c.response > timedelta(0)
        assert c.resolve_days >= 1
    assert category("noise").zh == "噪音扰民"


def test_a_stations_codes_are_filed_under_feedback_categories() -> None:
    assert category("repair").code == "property"
    assert category("daily_help").code == "services"
    assert category("feedback").code == "suggestion"
    assert category("no such thing").code == "other"


def test_a_safety_ticket_on_a_wednesday_afternoon() -> None:
    response, resolve = due_dates("safety", WED, "Asia/Shanghai")
    assert response == datetime(2026, 11, 25, 18, 0, tzinfo=SH)  # two clock hours
    # Three working days after Wednesday: Thursday, Friday, Monday; due at Monday's end.
    assert resolve == datetime(2026, 12, 1, 0, 0, tzinfo=SH)
    assert resolve.tzinfo == UTC


def test_holidays_and_make_up_days_move_the_resolution() -> None:
    # Thursday and Friday a holiday, Saturday a make-up working day (调休).
    cal = Calendar(
        holidays=frozenset({date(2026, 11, 26), date(2026, 11, 27)}),
        workdays=frozenset({date(2026, 11, 28)}),
    )
    # Saturday, Monday, Tuesday: due at Tuesday's end.
    assert resolve_due(WED, 3, "Asia/Shanghai", cal) == datetime(2026, 12, 2, tzinfo=SH)
    with pytest.raises(ValueError, match="at least one"):
        resolve_due(WED, 0)


@given(
    opened=st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
    ),
    days=st.integers(min_value=1, max_value=30),
)
def test_a_resolution_is_due_at_midnight_after_exactly_n_working_days(
    opened: datetime, days: int
) -> None:
    due = resolve_due(opened, days, "Asia/Shanghai")
    end = due.astimezone(SH)
    assert (end.hour, end.minute, end.second) == (0, 0, 0)
    assert due > opened
    start = opened.astimezone(SH).date()
    last = end.date() - timedelta(days=1)
    between = [start + timedelta(days=i) for i in range(1, (last - start).days + 1)]
    assert sum(1 for d in between if d.weekday() < 5) == days
    assert last.weekday() < 5  # the last day counted is a working day


LEGAL = {
    (TicketState.OPEN, Action.ASSIGN): TicketState.OPEN,
    (TicketState.ANSWERED, Action.ASSIGN): TicketState.ANSWERED,
    (TicketState.OPEN, Action.REPLY): TicketState.ANSWERED,
    (TicketState.ANSWERED, Action.REPLY): TicketState.ANSWERED,
    (TicketState.ANSWERED, Action.RESOLVE): TicketState.RESOLVED,
    (TicketState.RESOLVED, Action.RATE): TicketState.RATED,
    (TicketState.RESOLVED, Action.REOPEN): TicketState.OPEN,
    (TicketState.RATED, Action.REOPEN): TicketState.OPEN,
}


@pytest.mark.parametrize("state", list(TicketState))
@pytest.mark.parametrize("action", list(Action))
def test_the_state_machine(state: TicketState, action: Action) -> None:
    if (state, action) in LEGAL:
        assert next_state(state, action) is LEGAL[state, action]
    else:
        with pytest.raises(TransitionError):
            next_state(state, action)


def test_satisfied_is_four_and_five() -> None:
    assert [satisfied(r) for r in range(1, 6)] == [False, False, False, True, True]
    for bad in (0, 6):
        with pytest.raises(ValueError, match="1 to 5"):
            satisfied(bad)


def test_the_running_clock() -> None:
    now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    rdue, sdue = now + timedelta(hours=1), now + timedelta(days=3)
    st_open = deadline_status(TicketState.OPEN, False, rdue, sdue, now)
    assert (st_open.deadline, st_open.left, st_open.overdue) == (
        Deadline.RESPONSE,
        timedelta(hours=1),
        False,
    )
    answered = deadline_status(TicketState.ANSWERED, True, rdue, sdue, now + timedelta(days=4))
    assert answered.deadline is Deadline.RESOLVE
    assert answered.overdue
    reopened = deadline_status(TicketState.OPEN, True, rdue, sdue, now)
    assert reopened.deadline is Deadline.RESOLVE  # answered once: the response clock is done
    assert deadline_status(TicketState.RATED, True, rdue, sdue, now).deadline is None


def _fact(
    community: str,
    opened: datetime,
    response_h: int,
    answered_h: float | None,
    state: TicketState,
    rating: int | None = None,
) -> TicketFacts:
    return TicketFacts(
        community,
        opened,
        opened + timedelta(hours=response_h),
        None if answered_h is None else opened + timedelta(hours=answered_h),
        state,
        rating,
    )


def test_the_worked_example_of_the_docstring() -> None:
    nov = datetime(2026, 11, 10, 9, 0, tzinfo=SH)
    as_of = datetime(2026, 11, 30, 20, 0, tzinfo=SH)
    facts = [
        _fact("C01", nov, 2, 1, TicketState.RATED, 5),  # A
        _fact("C01", nov, 24, 30, TicketState.RATED, 2),  # B
        _fact("C01", nov, 24, 3, TicketState.ANSWERED),  # C
        _fact("C01", datetime(2026, 11, 30, 19, 0, tzinfo=SH), 24, None, TicketState.OPEN),  # D
        _fact("C01", datetime(2026, 10, 31, 9, 0, tzinfo=SH), 24, 1, TicketState.RATED, 5),
        _fact("C02", nov, 24, None, TicketState.OPEN),  # overdue, never answered
    ]
    c01, c02 = monthly_rates(facts, 2026, 11, as_of, "Asia/Shanghai")
    assert c01.community == "C01"
    assert c01.tickets == 4  # October's ticket is not November's
    assert (c01.response.num, c01.response.den) == (2, 3)
    assert (c01.resolution.num, c01.resolution.den) == (2, 4)
    assert (c01.satisfaction.num, c01.satisfaction.den) == (1, 2)
    assert c01.satisfaction.value == 0.5
    assert (c02.response.num, c02.response.den, c02.satisfaction.value) == (0, 1, None)


def test_month_bounds_are_the_sites_midnights() -> None:
    start, end = month_bounds(2026, 12, "Asia/Shanghai")
    assert start == datetime(2026, 12, 1, tzinfo=SH)
    assert end == datetime(2027, 1, 1, tzinfo=SH)


fact_st = st.builds(
    _fact,
    st.sampled_from(["C01", "C02", "C03"]),
    st.datetimes(
        min_value=datetime(2026, 10, 25), max_value=datetime(2026, 12, 5), timezones=st.just(UTC)
    ),
    st.sampled_from([2, 24, 48]),
    st.one_of(st.none(), st.floats(min_value=0, max_value=100)),
    st.sampled_from(list(TicketState)),
    st.one_of(st.none(), st.integers(min_value=1, max_value=5)),
)


@given(facts=st.lists(fact_st, max_size=40), perm=st.randoms())
def test_rates_are_fractions_and_do_not_depend_on_order(
    facts: list[TicketFacts], perm: random.Random
) -> None:
    as_of = datetime(2026, 11, 20, tzinfo=UTC)
    rates = monthly_rates(facts, 2026, 11, as_of)
    shuffled = list(facts)
    perm.shuffle(shuffled)
    assert monthly_rates(shuffled, 2026, 11, as_of) == rates
    start, end = month_bounds(2026, 11)
    assert sum(r.tickets for r in rates) == sum(1 for f in facts if start <= f.opened_at < end)
    for r in rates:
        for rate in (r.response, r.resolution, r.satisfaction):
            assert 0 <= rate.num <= rate.den
        assert r.response.den <= r.tickets
        assert r.resolution.den == r.tickets


def _row(
    tid: int, state: TicketState, due_in_h: float | None, *, answered: bool = False
) -> TicketRow:
    now = WED.astimezone(UTC)
    due = None if due_in_h is None else now + timedelta(hours=due_in_h)
    return TicketRow(
        id=tid,
        community="C01",
        category="noise",
        text="",
        source=Source.WALK_IN,
        source_ref="",
        department=None,
        department_name="",
        contact_name="",
        contact_phone="",
        phone_masked=False,
        resident_id=None,
        state=state,
        created_at=now,
        response_due_at=None if answered else due,
        resolve_due_at=due if answered else now + timedelta(days=30),
        answered_at=now if answered else None,
        resolved_at=None,
        rating=None,
        reply_channel=None,
        reply_text="",
        reopened=0,
    )


def test_the_queue_key_puts_the_running_deadlines_first_then_the_newest_others() -> None:
    rows = [
        _row(1, TicketState.RATED, 1),
        _row(2, TicketState.OPEN, 24),
        _row(3, TicketState.ANSWERED, 5, answered=True),  # its resolution deadline runs
        _row(4, TicketState.RESOLVED, 1),
        _row(5, TicketState.OPEN, 2),
        _row(6, TicketState.OPEN, 2),  # the same deadline: the newer first
        _row(7, TicketState.OPEN, None),  # no deadline: after those that have one
    ]
    assert [r.id for r in sorted(rows, key=queue_key)] == [6, 5, 3, 2, 7, 4, 1]


def test_a_walk_in_and_a_call_need_a_contact_a_survey_answer_does_not() -> None:
    assert needs_contact(Source.WALK_IN)
    assert needs_contact(Source.CALL)
    assert not needs_contact(Source.SURVEY)  # an anonymous round's comment has none
    assert not needs_contact(Source.STATION)  # the station's request names its resident
