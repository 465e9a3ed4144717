"""The KPI dashboard: the plan's indicators by month and community, the records behind a
figure, and the monthly report as PDF, CSV or XLSX (audited)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QFileDialog

from console.kpi_report import export_report, report_name
from console.presenters.base import Presenter, PresenterContext
from console.shell.panes import Area, PaneSpec
from core.events import ChangesAvailable
from core.indicators import month_start
from core.kpi import Dashboard, RecordRow
from core.permissions import Permission, Principal
from core.timefmt import local
from widgets.file_dialogs import SAVED, open_in
from widgets.kpi_dashboard import KpiDashboard, chinese_locale
from widgets.notifications import Level
from widgets.visibility import in_view

PERM = Permission.REVIEW_INCIDENTS  # supervisors and administrators (data/services/indicators)
# The tables whose changes make the figures stale; re-read when the pane is next shown.
TABLES = frozenset(
    {
        "incident",
        "service_ticket",
        "screening",
        "counselling_contact",
        "job_referral",
        "survey_response",
        "tag",
        "station_receipt",
        "resident",
    }
)
REFRESH_MS = 10 * 60 * 1000  # a shown dashboard re-reads every ten minutes anyway
FILTERS = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)"}


class KpiPresenter(Presenter):
    """Computes the dashboard off the GUI thread; shows it in place; writes the reports."""

    name = "kpi"

    def __init__(self, ctx: PresenterContext):
        super().__init__(ctx)
        self.pane = KpiDashboard(ctx.window)
        self.dock = ctx.window.add_pane(
            PaneSpec(
                "kpi",
                lambda: self.tr("Indicators"),
                self.pane,
                Area.TOP_RIGHT,
                order=99,
                shortcut="Ctrl+Shift+N",
                permission=PERM,
            )
        )
        self.pane.sig_month.connect(self._on_choice)
        self.pane.sig_community.connect(self._on_choice)
        self.pane.sig_refresh.connect(self.reload)
        self.pane.sig_records.connect(self._on_records)
        self.pane.sig_export.connect(self._on_export)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.export_dialog: QFileDialog | None = None
        self.last: Dashboard | None = None
        self._stale = True
        self._asked: tuple[date, str | None] | None = None  # the newest request
        self._names: dict[str, str] = {}
        self._generation = 0  # the newest request's number: an older answer is dropped
        self._registered: object | None = None
        # Queued: the dock says so during the window's show, before the sign-in is handled.
        self.dock.visibilityChanged.connect(
            self._on_dock_visibility_changed, Qt.ConnectionType.QueuedConnection
        )

    # --- lifecycle ------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        self.pane.set_language(chinese_locale())
        if not who.can(PERM):
            self.pane.set_refused(
                lambda: self.tr("The indicators are for supervisors and administrators.")
            )
            return
        self.pane.set_month(self._this_month())
        self._load_communities(who)
        self._stale = True
        self.timer.start()
        self.reload()

    def signed_out(self) -> None:
        self.timer.stop()
        self.last = None
        self._asked = None
        self._generation += 1  # a computation under way is for nobody now
        self.pane.clear()
        if self.export_dialog is not None:
            self.export_dialog.reject()

    def locked(self) -> None:
        if self.pane.records_dialog is not None:
            self.pane.records_dialog.close()  # its records are not for whoever stands there

    def shutdown(self) -> None:
        self.timer.stop()

    def on_changes(self, changes: ChangesAvailable) -> None:
        if changes.tables & TABLES:
            self._stale = True

    @Slot()
    def reload(self) -> None:
        """Compute the chosen month's figures (in a read job), if the pane is shown."""
        who = self.who
        if who is None or not who.can(PERM):
            return
        if not in_view(self.pane):
            self._stale = True
            return
        self._stale = False
        month, community = self.pane.chosen_month(), self.pane.chosen_community()
        asked = (month, community)
        self._asked = asked
        self._generation += 1
        generation = self._generation
        self.pane.set_busy(True)
        svc = self.ctx.services.indicators

        def shown(d: Dashboard) -> None:
            if generation != self._generation:
                return  # an older request: a newer one is on its way
            self.last = d
            self.pane.set_busy(False)
            self.pane.set_dashboard(d)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.pane.set_busy(False)
                self.pane.set_error(self.tr("Could not compute the indicators: {e}").format(e=exc))

        # The generation also changes at sign-out: a result never reaches the next user.
        self.ctx.jobs.read(lambda: svc.dashboard(who, month, community), shown, failed, "kpi")

    def _load_communities(self, who: Principal) -> None:
        site = self.ctx.services.site

        def shown(rows: list[tuple[str, str]]) -> None:
            self._names = dict(rows)
            self.pane.set_communities(rows)

        self.read_for(
            who,
            lambda: [(c.code, c.name) for c in site.communities(who)],
            shown,
            self.tr("Could not read the communities"),
            "kpi communities",
        )

    def _this_month(self) -> date:
        return month_start(local(datetime.now(UTC)).date())

    @Slot()
    def _on_timer_timeout(self) -> None:
        if in_view(self.pane):
            self.reload()

    @Slot(object)
    def _on_choice(self, _value: object) -> None:
        self.reload()

    @Slot(bool)
    def _on_dock_visibility_changed(self, visible: bool) -> None:
        """The pane came into view: re-read what went stale meanwhile."""
        if visible and self._stale:
            self.reload()

    # --- the records behind a figure ------------------------------------------------------
    @Slot(str, object, object)
    def _on_records(self, key: str, month: date, community: str | None) -> None:
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.indicators

        def shown(found: tuple[list[RecordRow], bool]) -> None:
            rows, truncated = found
            self.pane.show_records(key, rows, truncated)
            dialog = self.pane.records_dialog
            if dialog is not None and dialog is not self._registered:
                self._registered = dialog
                self.ctx.dialogs.register(dialog)  # hidden with the others by the lock screen

        self.read_for(
            who,
            lambda: svc.records(who, key, month, community),
            shown,
            self.tr("Could not read the records behind the figure"),
        )

    # --- reports ----------------------------------------------------------------------------
    @Slot(str)
    def _on_export(self, fmt: str) -> None:
        who = self.who
        if who is None or not who.can(PERM):
            return
        month, community = self.pane.chosen_month(), self.pane.chosen_community()
        dlg = open_in(QFileDialog(self.ctx.window, self.tr("Save the monthly report")), SAVED)
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setNameFilter(FILTERS[fmt])
        dlg.setDefaultSuffix(fmt)
        dlg.selectFile(report_name(month, community, fmt))
        self.export_dialog = dlg
        dlg.fileSelected.connect(lambda path: self.export(fmt, Path(path), month, community))
        dlg.finished.connect(lambda _r: setattr(self, "export_dialog", None))
        self.ctx.dialogs.register(dlg)
        dlg.open()

    def export(
        self,
        fmt: str,
        path: Path,
        month: date | None = None,
        community: str | None = None,
    ) -> None:
        """Write the month's report (the pane's month and community unless given) in a job;
        the PDF's text layout runs there too (console.handover_pdf.thread_event_loop)."""
        who = self.who
        if who is None or not who.can(PERM):
            return
        if month is None:
            month, community = self.pane.chosen_month(), self.pane.chosen_community()
        names = dict(self._names)
        zh = chinese_locale()
        workstation = self.ctx.services.ctx.workstation

        def job() -> Path:
            return export_report(
                self.ctx.services.indicators,
                who,
                month,
                community,
                fmt,
                path,
                zh=zh,
                now=datetime.now(UTC),
                display_name=who.display_name,
                workstation=workstation,
                names=names,
            ).path

        def done(written: Path) -> None:
            self.ctx.feedback.notify(
                Level.INFO, self.tr("Report written: {path}").format(path=written)
            )

        # The audit row of the export is written on the writer's thread, like every write.
        self.ctx.jobs.write(
            job,
            done,
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not write the report")),
            "kpi report",
        )
