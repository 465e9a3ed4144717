"""Tests for the time helpers and the small read-model types."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from core.model import Priority
from core.timefmt import as_utc, fmt_local, local, utcnow
from core.views import DeviceCounts


def test_utcnow_is_aware_utc() -> None:
    now = utcnow()
    assert now.tzinfo is not None
    assert now.utcoffset() == timedelta(0)


def test_as_utc_treats_naive_values_as_utc() -> None:
    naive = datetime(2026, 11, 25, 8, 56, 40)
    assert as_utc(naive) == datetime(2026, 11, 25, 8, 56, 40, tzinfo=UTC)


def test_as_utc_converts_other_zones() -> None:
    shanghai = datetime(2026, 11, 25, 16, 56, 40, tzinfo=timezone(timedelta(hours=8)))
    out = as_utc(shanghai)
    assert out == datetime(2026, 11, 25, 8, 56, 40, tzinfo=UTC)
    assert out.utcoffset() == timedelta(0)


def test_local_and_fmt_local_use_the_site_zone() -> None:
    ts = datetime(2026, 11, 25, 8, 56, 40, tzinfo=UTC)
    assert local(ts).utcoffset() == timedelta(hours=8)
    assert fmt_local(ts) == "2026-11-25 16:56:40"
    assert fmt_local(ts, seconds=False) == "2026-11-25 16:56"
    assert fmt_local(ts, "UTC") == "2026-11-25 08:56:40"
    assert fmt_local(None) == ""


def test_fmt_local_crosses_midnight() -> None:
    assert fmt_local(datetime(2026, 12, 31, 16, 30, tzinfo=UTC)) == "2027-01-01 00:30:00"


def test_device_counts_total() -> None:
    assert DeviceCounts(online=3, offline=2, unknown=5).total == 10


def test_priority_sorts_p1_first() -> None:
    assert sorted([Priority.P3, Priority.P1, Priority.P4, Priority.P2]) == [
        Priority.P1,
        Priority.P2,
        Priority.P3,
        Priority.P4,
    ]
