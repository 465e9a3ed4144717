"""Time helpers: UTC in storage, the site's zone (Asia/Shanghai by default) on screen."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

DEFAULT_ZONE = "Asia/Shanghai"


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def as_utc(ts: datetime) -> datetime:
    """Treat a naive value as UTC (SQLite drops the zone) and return an aware UTC datetime."""
    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)


def local(ts: datetime, zone: str = DEFAULT_ZONE) -> datetime:
    """The instant in the site's zone."""
    return as_utc(ts).astimezone(ZoneInfo(zone))


def fmt_local(ts: datetime | None, zone: str = DEFAULT_ZONE, *, seconds: bool = True) -> str:
    """'2026-11-25 16:56:40' in the site's zone; empty for None."""
    if ts is None:
        return ""
    return local(ts, zone).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
