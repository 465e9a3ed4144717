"""core.orders: drafts and proofs refused when incomplete, the usual basket, the confirmation
rule, the silence list, household merging, money in fen."""

from __future__ import annotations

from datetime import date

import pytest

from core.orders import (
    ConfirmReason,
    DeliveryRow,
    OrderDraft,
    OrderError,
    OrderStatus,
    ProofSubmission,
    can_move,
    check_draft,
    check_proof,
    confirm_reasons,
    household_key,
    median_int,
    merge_groups,
    money,
    next_step,
    registered_family,
    silence_list,
    unusual_basket,
    usual_lines,
)


def draft(**kw: object) -> OrderDraft:
    values: dict[str, object] = {
        "client_uuid": "u1",
        "resident_id": 1,
        "merchant_id": 2,
        "window_id": 3,
        "lines": ((10, 1),),
        "deliverer_staff_id": 5,
    }
    values.update(kw)
    return OrderDraft(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"lines": ()}, "lines"),
        ({"lines": ((10, 1), (10, 2))}, "duplicate_line"),
        ({"lines": ((10, 0),)}, "quantity"),
        ({"lines": ((10, 100),)}, "quantity"),
        ({"deliverer_staff_id": None}, "deliverer"),
        ({"deliverer_volunteer_id": 9}, "deliverer"),
        ({"channel": "family"}, "family_member"),
        ({"channel": "hotline"}, "call"),
        ({"channel": "web"}, "channel"),
        ({"client_uuid": ""}, "uuid"),
    ],
)
def test_a_draft_missing_something_is_refused_with_its_reason(
    changes: dict[str, object], reason: str
) -> None:
    with pytest.raises(OrderError) as err:
        check_draft(draft(**changes))
    assert err.value.reason == reason


def test_a_complete_draft_passes() -> None:
    check_draft(draft(channel="hotline", call_id=4))
    check_draft(draft(channel="family", family_member="女儿"))


def test_a_hand_off_needs_evidence_and_the_residents_confirmation() -> None:
    with pytest.raises(OrderError, match="no_evidence"):
        check_proof(ProofSubmission(1, confirmed_by_resident=True, confirmed_by="本人"))
    with pytest.raises(OrderError, match="not_confirmed"):
        check_proof(ProofSubmission(1, photo=b"x", confirmed_by="本人"))
    with pytest.raises(OrderError, match="confirmed_by"):
        check_proof(ProofSubmission(1, photo=b"x", confirmed_by_resident=True, confirmed_by=" "))
    check_proof(
        ProofSubmission(1, signature_png=b"x", confirmed_by_resident=True, confirmed_by="本人")
    )


def test_the_steps_go_forward_only() -> None:
    assert next_step(OrderStatus.ACCEPTED) is OrderStatus.PICKED
    assert next_step(OrderStatus.PICKED) is OrderStatus.EN_ROUTE
    assert next_step(OrderStatus.EN_ROUTE) is None  # the hand-off needs its proof
    assert can_move(OrderStatus.EN_ROUTE, OrderStatus.DELIVERED)
    assert not can_move(OrderStatus.EN_ROUTE, OrderStatus.CANCELLED)  # the goods left
    assert not can_move(OrderStatus.DELIVERED, OrderStatus.FAILED)
    assert not can_move(OrderStatus.ACCEPTED, OrderStatus.DELIVERED)


def test_the_usual_basket_is_what_came_in_at_least_half_of_the_orders() -> None:
    newest_first = [
        [(1, 2), (2, 1), (3, 1)],
        [(1, 2), (2, 1)],
        [(1, 1), (4, 1)],
        [(1, 2), (2, 2)],
    ]
    # 1 in all four (2 most often), 2 in three (1 most often); 3 and 4 once.
    assert usual_lines(newest_first) == ((1, 2), (2, 1))
    assert usual_lines([]) == ()


def test_a_large_order_is_measured_against_the_median_and_a_floor() -> None:
    assert median_int([1000, 3000, 2000, 90000]) == 2500
    past = [6000, 6500, 7000]
    assert confirm_reasons(19_000, past, False) == ()  # under 3× 6500 = 19500
    assert confirm_reasons(21_000, past, False) == (ConfirmReason.LARGE,)
    assert confirm_reasons(9_000, [1000, 1000], False) == ()  # 9× but under the ¥200 floor
    assert confirm_reasons(60_000, [], False) == (ConfirmReason.LARGE,)  # a first order > ¥500
    assert confirm_reasons(1000, past, True) == (ConfirmReason.DEMENTIA,)
    assert confirm_reasons(1000, past, True, unusual=False) == ()
    assert confirm_reasons(21_000, past, True, unusual=False) == (ConfirmReason.LARGE,)


def test_an_unusual_basket_departs_from_every_past_order() -> None:
    past = [[(1, 2), (2, 1)], [(1, 1), (3, 3)]]
    assert unusual_basket([(1, 1)], []) is True  # a first order is no habit
    assert unusual_basket([(1, 2), (3, 6)], past) is False  # 6 = twice the most (3) of 3
    assert unusual_basket([(3, 7)], past) is True  # more than twice
    assert unusual_basket([(1, 4), (4, 1)], past) is True  # product 4 never ordered
    assert unusual_basket([], past) is False


def test_the_silence_list_needs_a_habit_and_n_weeks() -> None:
    today = date(2026, 11, 30)
    rows = [
        (1, date(2026, 11, 9), 5),  # exactly 3 weeks
        (2, date(2026, 11, 10), 5),  # 20 days
        (3, date(2026, 10, 1), 1),  # one order only
        (4, date(2026, 10, 20), 2),
    ]
    assert [r[0] for r in silence_list(rows, today, weeks=3)] == [4, 1]


def _row(
    i: int, address: str, window: str = "09:00–11:00", st: OrderStatus = OrderStatus.ACCEPTED
) -> DeliveryRow:
    return DeliveryRow(i, "", "C01", "M", window, st, "", household=household_key(address))


def test_one_household_one_window_one_trip() -> None:
    rows = [
        _row(1, "咸阳北路12号3门402"),
        _row(2, "咸阳北路12号 3门402"),
        _row(3, "咸阳北路12号3门402", window="15:00–17:00"),
        _row(4, "咸阳北路12号3门402", st=OrderStatus.DELIVERED),
        _row(5, "咸阳北路14号"),
    ]
    assert merge_groups(rows) == {1: 1, 2: 1, 3: 3, 4: 4, 5: 5}


def test_money_is_fen_as_yuan() -> None:
    assert money(123456) == "¥1234.56"
    assert money(5) == "¥0.05"
    assert money(-250) == "-¥2.50"


def test_a_registered_relative_is_found_in_what_the_worker_wrote() -> None:
    assert registered_family("女儿 张丽", "张丽", "")
    assert registered_family("张 丽（女儿）", "", "张丽")
    assert not registered_family("儿子 王强", "张丽", "李四")
    assert not registered_family("张丽", "", "")  # nobody registered: nobody may
    assert not registered_family("丽", "丽", "")  # one character names nobody
