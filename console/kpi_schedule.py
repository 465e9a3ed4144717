"""The monthly indicator reports written by `console serve --kpi-reports DIR` once a month."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from core.events import WorkerFailed
from core.indicators import add_months, month_start
from core.model import RoleName
from core.permissions import ROLE_PERMISSIONS, Principal
from core.ports import EventSink
from core.workers import Worker
from data.models import Community
from data.services import Services
from data.services.feedback import site_zone

log = logging.getLogger(__name__)

CHECK_EVERY_S = 300.0  # due from 00:00 on the 1st: five minutes late is on time
REASON = "scheduled monthly report"
# The street's figures in every format, and each community's report: what the street office
# and the committees read each month.
STREET_FORMATS = ("pdf", "csv", "xlsx")


def scheduler_principal(workstation: str) -> Principal:
    """Who writes the scheduled reports: the server's own account, with an administrator's
    rights (as the owner of a local database file has on the command line)."""
    name = f"kpi-schedule@{workstation}"
    return Principal(0, name, name, RoleName.ADMIN, ROLE_PERMISSIONS[RoleName.ADMIN])


def due_reports(communities: Mapping[str, str]) -> list[tuple[str | None, str]]:
    """(community or None for the street, format) of each month's scheduled reports."""
    return [(None, fmt) for fmt in STREET_FORMATS] + [(code, "pdf") for code in communities]


class KpiReportSchedule(Worker):
    """Every few minutes: the previous calendar month (the site's) has its reports in `folder`,
    or they are written now. A file already there is left alone, so a restart, a second check
    or a report written by hand is never written again; a server that was off on the 1st
    writes them when it is back. Each report is audited (console.kpi_report.export_report)."""

    def __init__(
        self,
        services: Services,
        folder: Path,
        sink: EventSink,
        *,
        workstation: str,
        zh: bool = True,
        clock: Callable[[], datetime] | None = None,
        interval: float = CHECK_EVERY_S,
    ) -> None:
        super().__init__("kpi-report-schedule", sink, interval=interval, max_backoff=3600.0)
        self.services = services
        self.folder = folder
        self.workstation = workstation
        self.zh = zh
        self.clock = clock or (lambda: datetime.now(UTC))
        self.who = scheduler_principal(workstation)
        self.written: list[Path] = []  # every report this worker wrote, oldest first

    def _before_start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)  # refuses the start if it cannot

    def step(self) -> None:
        """Write what is missing of last month's reports (one check)."""
        from console.kpi_report import export_report, report_name

        with self.services.ctx.read() as s:
            names = {str(c): str(n) for c, n in s.execute(select(Community.code, Community.name))}
            zone = site_zone(s)
        now = self.clock()
        month = add_months(month_start(now.astimezone(ZoneInfo(zone)).date()), -1)
        for community, fmt in due_reports(names):
            if self._stop.is_set():
                return
            path = self.folder / report_name(month, community, fmt)
            if path.is_file():
                continue
            try:
                done = export_report(
                    self.services.indicators,
                    self.who,
                    month,
                    community,
                    fmt,
                    path,
                    zh=self.zh,
                    now=now,
                    display_name=self.who.display_name,
                    workstation=self.workstation,
                    names=names,
                    reason=REASON,
                )
            except Exception as exc:  # one report's failure does not stop the others
                log.exception("scheduled KPI report %s not written", path.name)
                self.sink.publish(WorkerFailed(self.name, f"{path.name}: {exc}", now, True))
                continue
            self.written.append(done.path)
            log.info("scheduled KPI report written: %s", done.path)
