"""The merchants' rules: the discount check against worked examples, the median reference with
an outlier, licence alerts, complaint deadlines, typed prices."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction

import pytest

from core.merchants import (
    ComplaintState,
    LicenceState,
    MerchantStatus,
    PriceFlag,
    closed_reason,
    complaint_due,
    complaint_state,
    discount,
    expired_licence,
    is_outlier,
    licence_state,
    median_cents,
    parse_yuan,
    per_thousand,
    percent,
    price_flag,
    reference_cents,
    yuan,
)

TODAY = date(2026, 11, 30)


# (price, reference, discount exactly, flag): the fair-price rule is 5–20 % below the market,
# both bounds allowed. In fen, so that 2.85 against 3.00 is 5 % exactly (a float says 4.99…).
WORKED = [
    (900, 1000, Fraction(1, 10), PriceFlag.OK),
    (950, 1000, Fraction(1, 20), PriceFlag.OK),  # the lower bound itself
    (800, 1000, Fraction(1, 5), PriceFlag.OK),  # the upper bound itself
    (951, 1000, Fraction(49, 1000), PriceFlag.TOO_SMALL),
    (799, 1000, Fraction(201, 1000), PriceFlag.TOO_LARGE),
    (1050, 1000, Fraction(-1, 20), PriceFlag.TOO_SMALL),  # dearer than the market
    (1000, 1000, Fraction(0), PriceFlag.TOO_SMALL),
    (2880, 3200, Fraction(1, 10), PriceFlag.OK),  # rice 5 kg: 28.80 against 32.00
    (285, 300, Fraction(1, 20), PriceFlag.OK),
    (255, 300, Fraction(3, 20), PriceFlag.OK),
    (2390, 3000, Fraction(61, 300), PriceFlag.TOO_LARGE),  # a haircut at 23.90: 20.3 %
]


@pytest.mark.parametrize(("price", "reference", "expected", "flag"), WORKED)
def test_discount_against_worked_examples(
    price: int, reference: int, expected: Fraction, flag: PriceFlag
) -> None:
    assert discount(price, reference) == expected
    assert price_flag(price, reference) is flag


def test_no_reference_no_discount() -> None:
    assert discount(900, None) is None
    assert price_flag(900, None) is PriceFlag.NO_REFERENCE
    assert price_flag(900, 0) is PriceFlag.NO_REFERENCE


def test_percent_shows_one_decimal_rounded_half_up() -> None:
    assert percent(Fraction(1, 10)) == "10.0 %"
    assert percent(Fraction(61, 300)) == "20.3 %"
    assert percent(Fraction(1, 2000)) == "0.1 %"  # 0.05 % rounds up
    assert percent(Fraction(-1, 20)) == "-5.0 %"
    assert percent(None) == "—"


def test_median_of_odd_and_even_counts() -> None:
    assert median_cents([]) is None
    assert median_cents([500]) == 500
    assert median_cents([300, 100, 200]) == 200
    assert median_cents([100, 101]) == 101  # 100.5 rounds half up to whole fen
    assert median_cents([100, 103, 90, 200]) == 102


def test_a_price_survey_with_an_outlier_the_median_holds() -> None:
    honest = [3150, 3200, 3250, 3300, 3180]
    days = [TODAY - timedelta(days=d) for d in range(1, 6)]
    before = reference_cents(list(zip(days, honest, strict=True)), TODAY)
    # A price typed with an extra zero, and one a tenth of the real one.
    wild = [*zip(days, honest, strict=True), (TODAY, 32000), (TODAY, 320)]
    after = reference_cents(wild, TODAY)
    assert before == 3200
    assert after == 3200
    mean = sum(p for _d, p in wild) // len(wild)
    assert mean > 6000  # what an average would have made of it
    assert is_outlier(32000, after)
    assert is_outlier(320, after)
    assert not is_outlier(3300, after)


def test_reference_needs_several_recent_observations() -> None:
    old = TODAY - timedelta(days=90)
    assert reference_cents([(TODAY, 100), (TODAY, 110)], TODAY) is None
    assert reference_cents([(TODAY, 100), (TODAY, 110), (old, 120)], TODAY) is None
    assert reference_cents([(TODAY, 100), (TODAY, 110), (TODAY, 120)], TODAY) == 110
    future = TODAY + timedelta(days=1)
    assert reference_cents([(TODAY, 100), (TODAY, 110), (future, 120)], TODAY) is None


def test_licence_alerts_thirty_days_ahead() -> None:
    assert licence_state(None, TODAY) is LicenceState.NONE
    assert licence_state(TODAY - timedelta(days=1), TODAY) is LicenceState.EXPIRED
    assert licence_state(TODAY, TODAY) is LicenceState.EXPIRING  # valid through its last day
    assert licence_state(TODAY + timedelta(days=30), TODAY) is LicenceState.EXPIRING
    assert licence_state(TODAY + timedelta(days=31), TODAY) is LicenceState.VALID


def test_closed_reasons() -> None:
    later = TODAY + timedelta(days=100)
    assert closed_reason("active", "", later, later, TODAY) is None
    assert closed_reason("active", "", later, None, TODAY) is None
    assert closed_reason("suspended", "卫生不合格", later, later, TODAY) == (
        "merchant suspended: 卫生不合格"
    )
    assert closed_reason("exited", "", later, later, TODAY) == "merchant exited"
    # An expired licence closes the merchant for that day before any sweep has run.
    assert closed_reason("active", "", TODAY, later, TODAY + timedelta(days=1)) == (
        "business licence expired on 2026-11-30"
    )
    assert "food business licence" in (closed_reason("active", "", later, TODAY, later) or "")
    assert expired_licence(later, later, TODAY) == ""
    assert MerchantStatus("suspended") is MerchantStatus.SUSPENDED


def test_complaint_deadlines_by_category() -> None:
    at = datetime(2026, 11, 30, 9, tzinfo=UTC)
    assert complaint_due("food_safety", at) == at + timedelta(hours=24)
    assert complaint_due("price", at) == at + timedelta(hours=72)
    with pytest.raises(ValueError, match="unknown complaint category"):
        complaint_due("weather", at)
    due = at + timedelta(hours=24)
    assert complaint_state(due, None, due) is ComplaintState.OPEN
    assert complaint_state(due, None, due + timedelta(seconds=1)) is ComplaintState.OVERDUE
    assert complaint_state(due, due, due + timedelta(days=3)) is ComplaintState.RESOLVED
    late = due + timedelta(minutes=1)
    assert complaint_state(due, late, late) is ComplaintState.RESOLVED_LATE


def test_complaints_per_thousand_orders() -> None:
    assert per_thousand(3, 1500) == 2.0
    assert per_thousand(0, 10) == 0.0
    assert per_thousand(2, 0) is None
    assert per_thousand(2, None) is None


@pytest.mark.parametrize(
    ("text", "cents"),
    [("12.5", 1250), ("¥12.50", 1250), ("12", 1200), (" 0.01 ", 1), ("1,280.00", 128000)],
)
def test_typed_prices(text: str, cents: int) -> None:
    assert parse_yuan(text) == cents
    assert yuan(cents) == f"{cents // 100}.{cents % 100:02d}"


@pytest.mark.parametrize("text", ["", "abc", "0", "-3", "1.234", "NaN", "200000"])
def test_typed_prices_refused(text: str) -> None:
    with pytest.raises(ValueError, match="price"):
        parse_yuan(text)
