"""The assignment lifecycle: who takes which step, what a step needs, the desk's order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.assignments import (
    ANSWER_MINUTES,
    AssignmentError,
    AssignmentRow,
    AssignmentState,
    Side,
    answer_within,
    check_step,
    desk_order,
    next_steps,
)

A = AssignmentState
T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def test_the_department_answers_and_reports() -> None:
    assert next_steps(A.NOTIFIED, Side.DEPARTMENT) == (A.ACCEPTED, A.DECLINED)
    assert next_steps(A.ACCEPTED, Side.DEPARTMENT) == (A.EN_ROUTE, A.ON_SCENE, A.DONE)
    assert next_steps(A.ON_SCENE, Side.DEPARTMENT) == (A.DONE,)
    assert next_steps(A.DONE, Side.DEPARTMENT) == ()


def test_the_control_room_cancels_and_notifies_again() -> None:
    for state in (A.NOTIFIED, A.ACCEPTED, A.EN_ROUTE, A.ON_SCENE):
        assert next_steps(state, Side.CONTROL) == (A.CANCELLED,)
    assert next_steps(A.DECLINED, Side.CONTROL) == (A.NOTIFIED,)
    assert next_steps(A.CANCELLED, Side.CONTROL) == (A.NOTIFIED,)
    assert next_steps(A.DONE, Side.CONTROL) == ()


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (A.NOTIFIED, A.DONE),
        (A.DONE, A.NOTIFIED),
        (A.DECLINED, A.ACCEPTED),
        (A.EN_ROUTE, A.ACCEPTED),
    ],
)
def test_steps_outside_the_lifecycle_are_refused(current: A, target: A) -> None:
    with pytest.raises(AssignmentError):
        check_step(current, target, "note")


def test_decline_needs_a_reason_and_done_a_note() -> None:
    with pytest.raises(AssignmentError, match="reason"):
        check_step(A.NOTIFIED, A.DECLINED, " x ")
    assert check_step(A.NOTIFIED, A.DECLINED, "无警力") is Side.DEPARTMENT
    with pytest.raises(AssignmentError, match="note"):
        check_step(A.ON_SCENE, A.DONE, "   ")
    assert check_step(A.ON_SCENE, A.DONE, "已处置") is Side.DEPARTMENT
    with pytest.raises(AssignmentError, match="at most"):
        check_step(A.ON_SCENE, A.DONE, "长" * 501)


def test_answer_time_by_kind_with_site_override() -> None:
    assert answer_within("fire") == timedelta(minutes=ANSWER_MINUTES["fire"])
    assert answer_within("volunteers", {"volunteers": 30}) == timedelta(minutes=30)
    assert answer_within("unknown-kind") == timedelta(minutes=10)


def row(aid: int, state: A, due_in: int, priority: int = 2) -> AssignmentRow:
    return AssignmentRow(
        id=aid,
        incident_id=1,
        incident_title="t",
        incident_location="",
        incident_priority=priority,
        department_id=1,
        department="d",
        department_kind="police",
        unit=None,
        phone="",
        state=state,
        note="",
        decline_reason="",
        notified_at=T0 + timedelta(seconds=aid),
        accepted_at=None,
        declined_at=None,
        en_route_at=None,
        on_scene_at=None,
        done_at=None,
        cancelled_at=None,
        answer_due=T0 + timedelta(minutes=due_in),
        version=1,
    )


def test_the_desk_puts_overdue_then_unanswered_then_open_first() -> None:
    now = T0 + timedelta(minutes=5)
    done, working, waiting, overdue = (
        row(1, A.DONE, 0),
        row(2, A.EN_ROUTE, 0),
        row(3, A.NOTIFIED, 10),
        row(4, A.NOTIFIED, 3),
    )
    assert overdue.overdue(now)
    assert not waiting.overdue(now)
    assert not working.overdue(now)
    order = desk_order([done, working, waiting, overdue], now)
    assert [r.id for r in order] == [4, 3, 2, 1]
    assert working.since() == working.notified_at
