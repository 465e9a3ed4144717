"""core.timebank: balanced transactions, balances, ages, transfers to relatives aged 60+."""

from __future__ import annotations

from datetime import date

import pytest

from core.timebank import (
    REDEPOSIT,
    REVERSAL,
    Entry,
    LedgerError,
    Relation,
    age_on,
    attendance_note,
    balances,
    check_balanced,
    in_bank,
    move,
    parse_attendance_note,
    spend_problem,
    transfer_problem,
)


def test_a_transaction_sums_to_zero_over_two_or_more_accounts() -> None:
    check_balanced([Entry(1, -30), Entry(2, 20), Entry(3, 10)])
    for bad in (
        [Entry(1, -30), Entry(2, 20)],  # does not sum to zero
        [Entry(1, 0), Entry(2, 0)],  # moves nothing
        [Entry(1, -5)],  # one side only
        [Entry(1, -5), Entry(1, 5)],  # the same account twice
    ):
        with pytest.raises(LedgerError):
            check_balanced(bad)
    assert move(1, 2, 45) == (Entry(1, -45), Entry(2, 45))
    with pytest.raises(LedgerError):
        move(1, 2, -1)


def test_balances_add_up_every_entry() -> None:
    entries = [*move(9, 1, 120), *move(1, 2, 45), *move(2, 9, 40)]
    assert balances(entries) == {9: -80, 1: 75, 2: 5}
    assert sum(balances(entries).values()) == 0


def test_age_counts_whole_years_to_the_birthday() -> None:
    assert age_on(date(1966, 7, 1), date(2026, 6, 30)) == 59
    assert age_on(date(1966, 7, 1), date(2026, 7, 1)) == 60
    assert age_on(date(1960, 2, 29), date(2026, 2, 28)) == 65


def test_minutes_go_only_to_kin_aged_sixty_or_more_within_the_balance() -> None:
    assert transfer_problem(100, 30, Relation.PARENT.value, 60) is None
    assert "aged 60" in (transfer_problem(100, 30, Relation.PARENT.value, 59) or "")
    assert "not known" in (transfer_problem(100, 30, Relation.PARENT.value, None) or "")
    assert "parent" in (transfer_problem(100, 30, "friend", 80) or "")
    assert "balance is 100" in (transfer_problem(100, 101, Relation.SPOUSE.value, 70) or "")
    assert "themself" in (
        transfer_problem(100, 1, Relation.SPOUSE.value, 70, same_person=True) or ""
    )
    assert spend_problem(10, 10) is None
    assert spend_problem(10, 0) is not None


def test_reversals_and_later_deposits_are_named_in_notes() -> None:
    rev = attendance_note(12, REVERSAL, "of transaction 3 on correction")
    again = attendance_note(12, REDEPOSIT, "after correction")
    assert parse_attendance_note(rev) == (12, REVERSAL)
    assert parse_attendance_note(again) == (12, REDEPOSIT)
    assert parse_attendance_note("给母亲") is None
    assert parse_attendance_note("attendance:x reversal") is None
    assert in_bank([12, 13], []) == {12, 13}
    assert in_bank([12, 13], [rev]) == {13}  # 12 reversed
    assert in_bank([12], [rev, again]) == {12}  # deposited again after its approval
    assert in_bank([12], [rev, again, rev]) == set()
