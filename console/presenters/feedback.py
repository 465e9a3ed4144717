"""Feedback tickets: the queue and its steps, the overdue check, supervisors told, monthly rates."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QFileDialog

from console.feedback_slip import ReplySlip, render_reply_slip, slip_words
from console.presenters.base import Presenter, PresenterContext
from console.shell.main_window import ActionSpec
from console.shell.panes import Area, PaneSpec
from core.events import ChangesAvailable
from core.feedback import (
    Action,
    Deadline,
    DepartmentChoice,
    NewTicket,
    OverdueTicket,
    ReplyChannel,
    TicketEventRow,
    TicketRow,
)
from core.permissions import Permission, Principal
from core.timefmt import local
from core.views import CommunityRow
from data.exports import write_private
from data.services.feedback import MAX_PER_RUN, OVERDUE_TABLE, TicketList
from widgets.feedback import FeedbackPane, TicketStepDialog
from widgets.feedback_dialog import FeedbackTicketDialog, category_text
from widgets.file_dialogs import SAVED, open_in
from widgets.notifications import Level

log = logging.getLogger(__name__)

CHECK_MS = 60_000  # how often this console looks for tickets past a deadline
TICK_MS = 30_000  # the queue's time-left column
BACKLOG_MS = 1_000
TABLES = frozenset({"service_ticket", "service_ticket_event"})
# The tickets are the street's general business: not a counsellor's (the pane is not offered).
PERM = Permission.VIEW_GENERAL_INCIDENTS


@dataclass(frozen=True)
class _Setup:
    communities: list[CommunityRow]
    departments: list[DepartmentChoice]


class FeedbackPresenter(Presenter):
    """Owns the feedback pane; records overdue tickets on the writer thread every `check_ms`
    while someone is signed in, and tells supervisors of them, as SLA breaches are told."""

    name = "feedback"
    watches = TABLES | {OVERDUE_TABLE}

    def __init__(self, ctx: PresenterContext, check_ms: int = CHECK_MS):
        super().__init__(ctx)
        self.pane = FeedbackPane(ctx.zone)
        self._departments: list[DepartmentChoice] = []
        self._communities: list[CommunityRow] = []
        self._checking = False
        self._closing = False
        self._loading = False
        self._again = False
        self.check_timer = QTimer(self)
        self.check_timer.setInterval(check_ms)
        self.check_timer.timeout.connect(self._on_check_timer_timeout)
        self.slip_dialog: QFileDialog | None = None
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self._on_tick_timer_timeout)
        dock = ctx.window.add_pane(
            PaneSpec(
                "feedback",
                lambda: self.tr("Feedback"),
                self.pane,
                Area.BOTTOM_LEFT,  # tabbed with calls and residents: whom it came from
                order=87,
                shortcut="Ctrl+Shift+K",
                permission=PERM,
            )
        )
        self.read_in_view(self.pane, dock)
        ctx.window.add_action(
            ActionSpec(
                "new_feedback_ticket",
                lambda: self.tr("New feedback ticket…"),
                "incidents",
                "Ctrl+Alt+K",
                permission=(Permission.HANDLE_INCIDENTS, PERM),
            ),
            self.new_ticket,
        )
        p = self.pane
        p.sig_filters_changed.connect(self.reload)
        p.sig_selection_changed.connect(self._on_pane_selection_changed)
        p.sig_new_requested.connect(self.new_ticket)
        p.sig_step_requested.connect(self._on_pane_step_requested)
        p.sig_month_changed.connect(self._on_pane_month_changed)
        p.sig_contact_requested.connect(self._on_contact_requested)

    # --- lifecycle ------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        if not who.can(PERM):
            return  # a counsellor's: the pane is not offered (PaneSpec.permission)
        self.pane.can_work = who.can(Permission.HANDLE_INCIDENTS)
        self.pane.can_reveal = who.can(Permission.VIEW_RESIDENT_PII)
        now = local(self.ctx.services.ctx.clock(), self.ctx.zone)
        self.pane.set_month(now.year, now.month)
        svc = self.ctx.services

        def setup() -> _Setup:
            return _Setup(svc.site.communities(who), svc.feedback.departments(who))

        self.read_for(
            who,
            setup,
            self._on_setup_loaded,
            self.tr("Could not read the communities"),
            "feedback setup",
        )
        self.reload()
        self.check_timer.start()
        self.tick_timer.start()
        self.check_now()

    def signed_out(self) -> None:
        self.check_timer.stop()
        self.tick_timer.stop()
        self.pane.can_work = False
        self.pane.can_reveal = False
        self.pane.clear()
        self._communities, self._departments = [], []
        self.pane.set_communities([], {})  # the next user's scope, not this one's

    def locked(self) -> None:
        # A contact read in full is masked again: after the unlock, a new look is a new read.
        self.pane.forget_contacts()

    def shutdown(self) -> None:
        self._closing = True
        self.check_timer.stop()
        self.tick_timer.stop()

    def _on_setup_loaded(self, setup: _Setup) -> None:
        self._communities = setup.communities
        self._departments = setup.departments
        self.pane.set_communities(
            [c.code for c in setup.communities], {c.code: c.name for c in setup.communities}
        )

    # --- reads ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the queue with the pane's filters, and the month's rates."""
        who = self.who
        if who is None or not who.can(PERM) or self.owe_unless_in_view():
            return
        if self._loading:
            self._again = True  # the filters changed while a read ran: once more after it
            return
        self._loading = True
        states, category, community = self.pane.filters()
        feedback = self.ctx.services.feedback
        clock = self.ctx.services.ctx.clock

        def job() -> tuple[TicketList, datetime]:
            return (
                feedback.tickets(who, states=states, category_code=category, community=community),
                clock(),
            )

        def failed(exc: BaseException) -> None:
            self._loading = False
            if self.who == who:
                self.ctx.feedback.report(exc, self.tr("Could not read the feedback tickets"))

        self.ctx.jobs.read(job, lambda r: self._on_tickets_loaded(who, r), failed, "feedback")
        self._load_rates()

    def _on_tickets_loaded(self, who: Principal, result: tuple[TicketList, datetime]) -> None:
        self._loading = False
        if self.who != who:
            return
        found, now = result
        self.pane.set_tickets(found.rows, found.total, now)
        if self.pane.selected() is None and found.rows:
            self.pane.select(found.rows[0].id)  # the most urgent: the next one to work on
        if self._again:
            self._again = False
            self.reload()

    def _load_rates(self) -> None:
        who = self.who
        if who is None:
            return
        year, month = self.pane.month_chosen()
        feedback = self.ctx.services.feedback
        self.read_for(
            who,
            lambda: feedback.monthly_rates(who, year, month),
            self.pane.set_rates,
            self.tr("Could not compute the monthly rates"),
        )

    def on_changes(self, changes: ChangesAvailable) -> None:
        who = self.who
        if who is None or not who.can(PERM):
            return
        overdue = changes.ids(OVERDUE_TABLE)
        if overdue and who.can(Permission.REVIEW_INCIDENTS):
            feedback = self.ctx.services.feedback
            self.read_for(
                who,
                lambda: feedback.overdue(who, overdue),
                self._on_overdue_loaded,
                self.tr("Could not read the overdue tickets"),
            )
        if not changes.tables & TABLES or self.reload_instead():
            return  # the queue is read afresh when the pane comes forward
        ids = changes.ids("service_ticket")
        if "service_ticket" in changes.tables and ids is None:
            self.reload()  # changed as a whole
            return
        if ids:
            self._refresh(who, set(ids))
            self._load_rates()
        selected = self.pane.selected()
        if selected is not None and "service_ticket_event" in changes.tables:
            self._load_history(selected.id)

    def _refresh(self, who: Principal, ids: set[int]) -> None:
        """Re-read only these tickets; those the filters no longer match leave the queue."""
        feedback = self.ctx.services.feedback
        clock = self.ctx.services.ctx.clock

        def job() -> tuple[list[TicketRow], datetime]:
            return feedback.tickets_by_ids(who, ids), clock()

        def done(result: tuple[list[TicketRow], datetime]) -> None:
            rows, now = result
            states, category, community = self.pane.filters()
            keep = [
                r
                for r in rows
                if (states is None or r.state in states)
                and (category is None or r.category == category)
                and (community is None or r.community == community)
            ]
            kept = {r.id for r in keep}
            self.pane.model.now = now
            self.pane.upsert(keep, [i for i in ids if i not in kept])

        self.read_for(who, job, done, self.tr("Could not read the feedback tickets"))

    def selected_ticket_id(self) -> int | None:
        """The ticket selected in the pane (a station's request, say), or None."""
        row = self.pane.selected()
        return None if row is None else row.id

    @Slot()
    def _on_pane_selection_changed(self) -> None:
        r = self.pane.selected()
        if r is not None:
            self._load_history(r.id)

    def _load_history(self, ticket_id: int) -> None:
        who = self.who
        if who is None:
            return
        feedback = self.ctx.services.feedback

        def shown(events: list[TicketEventRow]) -> None:
            self.pane.show_history(ticket_id, events)

        self.read_for(
            who,
            lambda: feedback.history(who, ticket_id),
            shown,
            self.tr("Could not read the ticket's history"),
        )

    @Slot(int, int)
    def _on_pane_month_changed(self, _year: int, _month: int) -> None:
        self._load_rates()

    @Slot()
    def _on_tick_timer_timeout(self) -> None:
        self.pane.tick(self.ctx.services.ctx.clock())

    # --- steps ----------------------------------------------------------------------------
    def new_ticket(self) -> None:
        """The "new feedback ticket" dialog (a walk-in or a survey answer)."""
        who = self.who
        if who is None or not who.can(Permission.HANDLE_INCIDENTS):
            return
        self.ctx.window.show_pane("feedback")
        dlg = FeedbackTicketDialog(
            [(c.code, c.name) for c in self._communities], self._departments, self.ctx.window
        )
        dlg.accepted.connect(lambda: self._file(dlg.ticket()))
        dlg.finished.connect(dlg.deleteLater)
        self.ctx.dialogs.register(dlg)
        dlg.open()

    def _file(self, ticket: NewTicket) -> None:
        who = self.who
        if who is None:
            return
        feedback = self.ctx.services.feedback

        def filed(ticket_id: int) -> None:
            self.ctx.window.show_message(
                self.tr("Feedback ticket No. {id} filed").format(id=ticket_id), 5000
            )
            self._refresh(who, {ticket_id})

        self.ctx.jobs.write(
            lambda: feedback.create(who, ticket),
            filed,
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not file the ticket")),
            "feedback create",
        )

    @Slot(str)
    def _on_pane_step_requested(self, value: str) -> None:
        action = Action(value)
        r = self.pane.selected()
        if r is None or self.who is None:
            return
        dlg = TicketStepDialog(action, self._departments, self.ctx.window)
        dlg.accepted.connect(lambda: self._confirm_step(r, action, dlg.value(), dlg.words()))
        dlg.finished.connect(dlg.deleteLater)
        self.ctx.dialogs.register(dlg)
        dlg.open()

    def _confirm_step(self, r: TicketRow, action: Action, value: object, words: str) -> None:
        if action is Action.RATE:
            # Recorded once: it counts in the community's satisfaction rate for good.
            self.ctx.dialogs.confirm(
                self.tr("Record the rating"),
                self.tr(
                    "Record {n}/5 as the resident's rating of ticket No. {id}? A rating is "
                    "recorded once and counts in the month's satisfaction rate."
                ).format(n=value, id=r.id),
                lambda: self._step(r.id, action, value, words),
            )
            return
        self._step(r.id, action, value, words, r)

    def _step(
        self,
        ticket_id: int,
        action: Action,
        value: object,
        words: str,
        row: TicketRow | None = None,
    ) -> None:
        who = self.who
        if who is None:
            return
        fb = self.ctx.services.feedback

        def job() -> None:
            if action is Action.REPLY and isinstance(value, ReplyChannel):
                fb.reply(who, ticket_id, value, words)
            elif action is Action.RESOLVE:
                fb.resolve(who, ticket_id, words)
            elif action is Action.RATE and isinstance(value, int):
                fb.rate(who, ticket_id, value, words)
            elif action is Action.REOPEN:
                fb.reopen(who, ticket_id, words)
            elif action is Action.ASSIGN and isinstance(value, str):
                fb.assign(who, ticket_id, value, words)

        def done(_r: None) -> None:
            self._refresh(who, {ticket_id})
            if action is Action.REPLY and value is ReplyChannel.SLIP and row is not None:
                self.offer_reply_slip(row, words)

        self.ctx.jobs.write(
            job,
            done,
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not update the ticket")),
            "feedback step",
        )

    @Slot(int)
    def _on_contact_requested(self, ticket_id: int) -> None:
        """The whole name and number for replying by phone (an audited read)."""
        who = self.who
        if who is None:
            return
        feedback = self.ctx.services.feedback

        def shown(c: tuple[str, str]) -> None:
            # Read while the screen locked, or for the user before: not shown (each look is
            # an audited read of its own, made by whoever looks).
            if self.who == who and not self.ctx.session.locked:
                self.pane.show_contact(ticket_id, c[0], c[1])

        self.ctx.jobs.write(
            lambda: feedback.contact(who, ticket_id),
            shown,
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not show the contact")),
            "feedback contact",
        )

    # --- the reply slip -----------------------------------------------------------------------
    def offer_reply_slip(self, row: TicketRow, reply: str) -> None:
        """A reply given by slip: save the slip (A5 PDF) to print for the resident."""
        dialog = open_in(QFileDialog(self.pane, self.tr("Save the reply slip")), SAVED)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter("PDF (*.pdf)")
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"reply-{row.id}.pdf")
        dialog.fileSelected.connect(lambda path: self.save_reply_slip(row, reply, Path(path)))
        self.slip_dialog = dialog
        dialog.open()

    def save_reply_slip(self, row: TicketRow, reply: str, path: Path) -> None:
        """Write the reply slip of `row` to `path` (off the GUI thread)."""
        who = self.who
        if who is None:
            return
        names = {c.code: c.name for c in self._communities}
        words = slip_words()
        rate_by = self.tr("at your community station, or by phone to the street office")
        contact = " ".join(t for t in (row.contact_name, row.contact_phone) if t)
        filed = local(row.created_at, self.ctx.zone).strftime("%Y-%m-%d")
        today = local(self.ctx.services.ctx.clock(), self.ctx.zone).strftime("%Y-%m-%d")
        category, site = category_text(row.category), self.ctx.services.site

        def job() -> Path:
            slip = ReplySlip(
                ticket_id=row.id,
                street=site.site_meta().get("site_name", ""),
                community=names.get(row.community, row.community),
                category=category,
                department=row.department_name,
                filed_on=filed,
                replied_on=today,
                feedback=row.text,
                reply=reply,
                contact=contact,
                rate_by=rate_by,
            )
            pdf = render_reply_slip(slip, words)
            write_private(path, lambda out: out.write(pdf))  # whole or not at all
            return path

        self.read_for(
            who,
            job,
            lambda p: self.ctx.window.show_message(
                self.tr("Reply slip saved to {path}").format(path=p), 5000
            ),
            self.tr("Could not save the reply slip"),
            "feedback-slip",
        )

    # --- the clock --------------------------------------------------------------------------
    @Slot()
    def _on_check_timer_timeout(self) -> None:
        self.check_now()

    def check_now(self) -> None:
        """Record the overdue tickets now (one job at a time; the writer thread)."""
        if self._checking or self._closing or self.who is None or not self.who.can(PERM):
            return
        self._checking = True
        feedback = self.ctx.services.feedback
        self.ctx.jobs.write(
            feedback.record_overdue, self._on_recorded, self._on_check_failed, "feedback check"
        )

    def _on_recorded(self, ids: list[int]) -> None:
        self._checking = False
        if ids:
            log.info("recorded %d overdue feedback tickets", len(ids))
        if len(ids) >= MAX_PER_RUN:
            QTimer.singleShot(BACKLOG_MS, self, self.check_now)

    def _on_check_failed(self, exc: BaseException) -> None:
        self._checking = False
        self.ctx.feedback.report(exc, self.tr("Overdue ticket check failed"))

    def _on_overdue_loaded(self, found: list[OverdueTicket]) -> None:
        for o in found:
            text = self.tr("Feedback ticket No. {id} overdue ({community}, {category}): {what}")
            self.ctx.feedback.notify(
                Level.WARNING,
                text.format(
                    id=o.ticket_id,
                    community=o.community,
                    category=category_text(o.category),
                    what=self.deadline_missed(o.deadline),
                ),
                o.at,
            )

    def deadline_missed(self, deadline: Deadline) -> str:
        """The missed deadline in words."""
        if deadline is Deadline.RESPONSE:
            return self.tr("no first response in time")
        return self.tr("not resolved in time")
