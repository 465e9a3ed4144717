"""core.certificates: numbers, the public week, periods in the site's time, hours and content."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from core.certificates import (
    CertificateError,
    CertificateStatus,
    HoursReport,
    HoursRow,
    check_period,
    format_hours,
    format_number,
    gaps,
    issue_problem,
    listing_ends,
    month_starts,
    parse_number,
    period_bounds,
    summarise_content,
)

NOW = datetime(2026, 7, 8, 2, 0, tzinfo=UTC)


def test_numbers_round_trip_and_refuse_what_is_not_one() -> None:
    assert format_number("ZYFW", 2026, 17) == "ZYFW-2026-00017"
    assert parse_number("ZYFW-2026-00017") == ("ZYFW", 2026, 17)
    assert parse_number(format_number("XY01", 2027, 123456)) == ("XY01", 2027, 123456)
    for bad in ("ZYFW-26-00017", "zyfw-2026-00017", "ZYFW-2026-17", ""):
        with pytest.raises(CertificateError):
            parse_number(bad)
    with pytest.raises(CertificateError):
        format_number("ZYFW", 2026, 0)
    with pytest.raises(CertificateError):
        format_number("咸阳", 2026, 1)


def test_gaps_are_the_numbers_missing_below_the_highest() -> None:
    assert gaps([]) == []
    assert gaps([1, 2, 3]) == []
    assert gaps([3, 1, 5]) == [2, 4]


def test_a_certificate_is_issued_only_after_its_public_week() -> None:
    listed_at = NOW - timedelta(days=7)
    until = listing_ends(listed_at)
    assert until == NOW
    listed = CertificateStatus.LISTED
    assert issue_problem(listed, until, NOW - timedelta(seconds=1)) is not None
    assert issue_problem(listed, until, NOW) is None
    assert (
        issue_problem(listed, until, NOW, "不属实") == "an objection was raised during the listing"
    )
    assert "already" in (issue_problem(CertificateStatus.ISSUED, until, NOW) or "")
    assert "withdrawn" in (issue_problem(CertificateStatus.WITHDRAWN, until, NOW) or "")


def test_periods_and_months_are_whole_days_in_the_sites_zone() -> None:
    start, end = period_bounds(date(2026, 6, 1), date(2026, 6, 30), "Asia/Shanghai")
    assert start == datetime(2026, 5, 31, 16, 0, tzinfo=UTC)
    assert end == datetime(2026, 6, 30, 16, 0, tzinfo=UTC)
    starts = month_starts(2026, "Asia/Shanghai")
    assert len(starts) == 13
    assert starts[0] == datetime(2025, 12, 31, 16, 0, tzinfo=UTC)
    assert starts[12] == datetime(2026, 12, 31, 16, 0, tzinfo=UTC)
    check_period(date(2026, 6, 1), date(2026, 6, 1), date(2026, 6, 1))
    with pytest.raises(CertificateError):
        check_period(date(2026, 6, 2), date(2026, 6, 1), date(2026, 7, 1))
    with pytest.raises(CertificateError):
        check_period(date(2026, 6, 1), date(2026, 7, 2), date(2026, 7, 1))


def test_hours_have_one_decimal_rounded_half_up() -> None:
    assert [format_hours(m) for m in (0, 2, 3, 60, 95, 1535)] == [
        "0.0",
        "0.0",
        "0.1",
        "1.0",
        "1.6",
        "25.6",
    ]


def test_content_lists_distinct_work_most_frequent_first_within_the_limit() -> None:
    items = ["送餐上门", "陪伴就医", " 送餐上门 ", "", "清洁"]
    assert summarise_content(items) == "送餐上门；清洁；陪伴就医"
    assert summarise_content(items, limit=9) == "送餐上门；清洁"


def test_the_report_totals_by_row_and_month() -> None:
    rows = [HoursRow(1, "甲", "C01", (60,) + (0,) * 11), HoursRow(2, "乙", "C02", (30,) * 12)]
    report = HoursReport(2026, rows)
    assert rows[1].total == 360
    assert report.month_totals()[:2] == (90, 30)
