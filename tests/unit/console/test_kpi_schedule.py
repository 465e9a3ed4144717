"""The scheduled monthly KPI reports: last month on the site's calendar, each once, audited."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from console.kpi_schedule import REASON, KpiReportSchedule, due_reports
from core.site import SiteSpec
from data.context import ServiceContext
from data.db import Database
from data.fieldcrypt import ensure_field_keys
from data.models import AuditLog
from data.seeding import seed_site
from data.services import Services
from tests.unit.data.support import FakeClock, cheap_hasher

SHANGHAI = timedelta(hours=8)


class Events:
    def __init__(self) -> None:
        self.seen: list[object] = []

    def publish(self, event: object) -> None:
        self.seen.append(event)


@pytest.fixture
def services(sqlite_db: Database, demo_site: SiteSpec, tmp_path: Path) -> Services:
    keys = tmp_path / "keys"
    ensure_field_keys(keys)
    ctx = ServiceContext(sqlite_db, workstation="CC", clock=FakeClock(), keys=keys)
    svc = Services.build(ctx, hasher=cheap_hasher())
    seed_site(sqlite_db, demo_site, svc, population=0)
    return svc


def test_last_months_reports_are_written_once_each_and_audited(
    services: Services, tmp_path: Path, qapp: object
) -> None:
    folder = tmp_path / "reports"
    # 00:30 on 1 December in Tianjin is still 30 November in UTC: the month due is November.
    now = datetime(2026, 12, 1, 0, 30, tzinfo=UTC) - SHANGHAI
    events = Events()
    worker = KpiReportSchedule(services, folder, events, workstation="CC", clock=lambda: now)
    worker._before_start()
    worker.step()
    names = sorted(p.name for p in folder.iterdir())
    expected = len(due_reports({f"C{i:02d}": "" for i in range(1, 21)}))
    assert len(names) == expected == 23
    assert "kpi-street-2026-11.pdf" in names
    assert "kpi-street-2026-11.xlsx" in names
    assert "kpi-C01-2026-11.pdf" in names
    assert (folder / "kpi-street-2026-11.pdf").read_bytes().startswith(b"%PDF")
    assert "2026-11" in (folder / "kpi-street-2026-11.csv").read_text(encoding="utf-8-sig")
    assert (folder / "kpi-street-2026-11.pdf").stat().st_mode & 0o077 == 0
    with services.ctx.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.action == "data_exported")).all()
    assert len(rows) == 23
    assert {json.loads(r.detail)["reason"] for r in rows} == {REASON}
    assert {r.actor for r in rows} == {"kpi-schedule@CC"}
    assert not events.seen
    # Checked again (a restart, the next tick): nothing is written twice; a file removed by
    # hand is written again, alone.
    before = (folder / "kpi-street-2026-11.csv").stat().st_mtime_ns
    (folder / "kpi-C07-2026-11.pdf").unlink()
    worker.step()
    assert [p.name for p in worker.written[23:]] == ["kpi-C07-2026-11.pdf"]
    assert (folder / "kpi-street-2026-11.csv").stat().st_mtime_ns == before


def test_a_report_that_cannot_be_written_is_said_and_the_others_still_are(
    services: Services, tmp_path: Path, qapp: object
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "kpi-street-2026-10.csv").mkdir()  # in the way: a folder where the file goes
    now = datetime(2026, 11, 30, 12, tzinfo=UTC)  # 20:00 in Tianjin: October is due
    events = Events()
    worker = KpiReportSchedule(services, folder, events, workstation="CC", clock=lambda: now)
    worker.step()
    assert len(worker.written) == 22
    assert "kpi-street-2026-10.xlsx" in {p.name for p in worker.written}
    assert len(events.seen) == 1
    assert "kpi-street-2026-10.csv" in getattr(events.seen[0], "message", "")
