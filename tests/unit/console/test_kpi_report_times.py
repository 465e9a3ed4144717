"""The indicators report prints times on the site's clock, as the dashboard shows them."""

from __future__ import annotations

from datetime import UTC, datetime

from console.kpi_report import site_time


def test_report_times_are_the_sites_not_utc() -> None:
    # The PDF said "计算时间 2026-12-02 10:06 UTC" while the pane said 18:06.
    assert site_time(datetime(2026, 12, 2, 10, 6), "Asia/Shanghai") == "2026-12-02 18:06"
    at = datetime(2026, 12, 31, 20, 30, tzinfo=UTC)
    assert site_time(at, "Asia/Shanghai") == "2027-01-01 04:30"
