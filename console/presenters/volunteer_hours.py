"""Volunteers' check-in codes, attendance, corrections and approval, in the Volunteers pane."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot

from console.checkin_desk import CheckinDesk
from console.presenters.base import Presenter, PresenterContext
from core.events import ChangesAvailable
from core.permissions import Permission, Principal
from core.views import CommunityRow
from core.volunteer_hours import AttendanceRow, CorrectionRow
from widgets.service_pane import TabbedPane
from widgets.volunteer_hours import CheckinPanel, CorrectionDraft, HoursWidget

TABLES = frozenset({"volunteer_attendance"})


class HoursPresenter(Presenter):
    """Fills the Check-in and Hours tabs of the Volunteers pane: a station's rotating code,
    the scan field, the approval queue and the corrections trail."""

    name = "hours"
    watches = TABLES

    def __init__(self, ctx: PresenterContext, pane: TabbedPane):
        super().__init__(ctx)
        self.pane = pane
        self.checkin = CheckinPanel(ctx.zone)
        self.desk = CheckinDesk(self, self.checkin, self.reload)
        self.hours = HoursWidget(ctx.zone)
        pane.add_tab(self.checkin, lambda: self.tr("Check-in"))
        pane.add_tab(self.hours, lambda: self.tr("Hours"))
        h = self.hours
        h.sig_filter_changed.connect(self.reload)
        h.sig_selection_changed.connect(self._on_hours_selection_changed)
        h.sig_confirm.connect(self._on_hours_confirm)
        h.sig_approve.connect(self._on_hours_approve)
        h.sig_reject.connect(self._on_hours_reject)
        h.sig_correct.connect(self._on_hours_correct)

    # --- lifecycle ------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        record = who.can(Permission.MANAGE_VOLUNTEERS)
        self.hours.set_rights(record, who.can(Permission.APPROVE_HOURS))
        self.checkin.setEnabled(record)
        site = self.ctx.services.site
        self.read_for(
            who,
            lambda: site.communities(who),
            self._on_communities_loaded,
            self.tr("Could not read the communities"),
        )
        self.reload()

    def signed_out(self) -> None:
        self.desk.clear()
        self.hours.set_rights(False, False)
        self.hours.clear()

    def locked(self) -> None:
        self.desk.hide_code()

    def unlocked(self) -> None:
        self.desk.fetch_code()

    def shutdown(self) -> None:
        self.desk.stop()

    def _on_communities_loaded(self, rows: list[CommunityRow]) -> None:
        self.desk.set_places([(c.code, c.name) for c in rows])

    # --- hours ----------------------------------------------------------------------------
    def reload(self) -> None:
        who = self.who
        if who is None or not (
            who.can(Permission.MANAGE_VOLUNTEERS) or who.can(Permission.APPROVE_HOURS)
        ):
            return
        hours = self.ctx.services.hours
        statuses = self.hours.statuses()
        self.read_for(
            who,
            lambda: hours.attendance(who, statuses=statuses),
            self._on_rows_loaded,
            self.tr("Could not read the volunteers' hours"),
        )

    def _on_rows_loaded(self, rows: list[AttendanceRow]) -> None:
        chosen = self.hours.selected()
        self.hours.set_rows(rows)
        if chosen is not None:
            self.hours.select(chosen.id)

    def on_changes(self, changes: ChangesAvailable) -> None:
        if changes.tables & TABLES:
            self.reload()

    @Slot()
    def _on_hours_selection_changed(self) -> None:
        who, r = self.who, self.hours.selected()
        if who is None or r is None or not r.corrections:
            return
        hours = self.ctx.services.hours

        def shown(rows: list[CorrectionRow]) -> None:
            self.hours.set_trail(r.id, rows)

        self.read_for(
            who,
            lambda: hours.corrections(who, r.id),
            shown,
            self.tr("Could not read the corrections"),
        )

    def _step(self, what: str, fn: Callable[[], object], done: str = "") -> None:
        if self.who is None:
            return

        def finished(_result: object) -> None:
            if done:
                # Said, since the row leaves a filtered list and the next one is selected:
                # a second Alt+A approved a record nobody had looked at, silently.
                self.ctx.feedback.message(done)
            self.reload()

        self.ctx.jobs.write(
            fn, finished, lambda exc: self.ctx.feedback.report(exc, what), "hours step"
        )

    @Slot(int, str)
    def _on_hours_confirm(self, attendance_id: int, via: str) -> None:
        who, hours = self.who, self.ctx.services.hours
        if who is not None:
            self._step(
                self.tr("Could not record the confirmation"),
                lambda: hours.confirm(who, attendance_id, via),
            )

    @Slot(int)
    def _on_hours_approve(self, attendance_id: int) -> None:
        who, hours = self.who, self.ctx.services.hours
        if who is not None:
            self._step(
                self.tr("Could not approve the hours"),
                lambda: hours.approve(who, attendance_id),
                self.tr("Hours of record {id} approved").format(id=attendance_id),
            )

    @Slot(int, str)
    def _on_hours_reject(self, attendance_id: int, reason: str) -> None:
        who, hours = self.who, self.ctx.services.hours
        if who is not None:
            self._step(
                self.tr("Could not reject the hours"),
                lambda: hours.reject(who, attendance_id, reason),
                self.tr("Hours of record {id} rejected").format(id=attendance_id),
            )

    @Slot(int, object)
    def _on_hours_correct(self, attendance_id: int, draft: CorrectionDraft) -> None:
        who, hours = self.who, self.ctx.services.hours
        if who is None:
            return
        self._step(
            self.tr("Could not correct the hours"),
            lambda: hours.correct(
                who,
                attendance_id,
                draft.reason,
                checkin_at=draft.checkin_at,
                checkout_at=draft.checkout_at,
                travel_minutes=draft.travel_minutes,
                content=draft.content,
            ),
        )
