"""Volunteers: profiles, teams, shifts and sign-ups, pairings and tasks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from console.presenters.base import Presenter, PresenterContext
from console.shell.main_window import ActionSpec
from console.shell.panes import Area, PaneSpec
from core.events import ChangesAvailable
from core.permissions import Permission, Principal
from core.views import CommunityRow
from core.volunteers import (
    PHOTO_MAX_BYTES,
    Page,
    PairingRow,
    ShiftRow,
    SignupRefused,
    Suggestion,
    TaskDraft,
    TaskKind,
    TaskRow,
    TeamRow,
    VolunteerDraft,
    VolunteerRow,
)
from widgets.file_dialogs import PHOTOS, open_in
from widgets.service_pane import TabbedPane
from widgets.volunteers import (
    PairingsTab,
    ShiftsTab,
    TasksTab,
    TeamsTab,
    VisitorCard,
    VolunteersTab,
)
from widgets.volunteers_dialogs import (
    PairingDialog,
    PickDialog,
    QualificationDialog,
    ReasonDialog,
    ShiftDialog,
    TaskDialog,
    TeamDialog,
    VolunteerDialog,
    start_of_tomorrow,
)
from widgets.volunteers_text import VolunteerTexts

TABLES = frozenset(
    {
        "volunteer",
        "volunteer_qualification",
        "volunteer_team",
        "volunteer_team_member",
        "volunteer_shift",
        "volunteer_signup",
        "volunteer_pairing",
        "volunteer_task",
    }
)
SHIFT_DAYS = 28  # the shifts tab shows the next four weeks (and today's past shifts)


@dataclass(frozen=True)
class _Lists:
    volunteers: Page[VolunteerRow]
    teams: list[TeamRow]
    shifts: Page[ShiftRow]
    pairings: list[PairingRow]
    tasks: Page[TaskRow]


class VolunteersPresenter(Presenter):
    """Owns the Volunteers pane (a TabbedPane whose tabs it and others fill)."""

    name = "volunteers"
    watches = TABLES

    def __init__(self, ctx: PresenterContext):
        super().__init__(ctx)
        self.pane = TabbedPane(ctx.window)
        self.texts = VolunteerTexts(self)
        dock = ctx.window.add_pane(
            PaneSpec(
                "volunteers",
                lambda: self.tr("Volunteers"),
                self.pane,
                Area.TOP_RIGHT,
                order=90,
                shortcut="Ctrl+Shift+Y",
            )
        )
        self.read_in_view(self.pane, dock)
        self.people = VolunteersTab(self.pane)
        self.team_tab = TeamsTab(self.pane)
        self.shift_tab = ShiftsTab(ctx.zone, self.pane)
        self.pairing_tab = PairingsTab(self.pane)
        self.task_tab = TasksTab(ctx.zone, self.pane)
        self.pane.add_tab(self.people, lambda: self.tr("Volunteers"))
        self.pane.add_tab(self.team_tab, lambda: self.tr("Teams"))
        self.pane.add_tab(self.shift_tab, lambda: self.tr("Shifts"))
        self.pane.add_tab(self.pairing_tab, lambda: self.tr("Pairings"))
        self.pane.add_tab(self.task_tab, lambda: self.tr("Tasks"))
        # The incident selected in the queue (wired by console.wiring): its welfare check.
        self.current_incident: Callable[[], int | None] = lambda: None
        ctx.window.add_action(
            ActionSpec(
                "volunteer_task_from_incident",
                lambda: self.tr("Volunteer task from the incident…"),
                "incidents",
                "Ctrl+Alt+V",
                permission=Permission.MANAGE_VOLUNTEERS,
            ),
            self._on_task_from_incident,
        )
        # The request selected in the Feedback pane (wired by console.wiring): a task for it.
        self.current_ticket: Callable[[], int | None] = lambda: None
        ctx.window.add_action(
            ActionSpec(
                "volunteer_task_from_request",
                lambda: self.tr("Volunteer task from the request…"),
                "incidents",
                "Ctrl+Alt+Q",
                permission=Permission.MANAGE_VOLUNTEERS,
            ),
            self._on_task_from_ticket,
        )
        self._communities: list[CommunityRow] = []
        self._photos: dict[int, bytes | None] = {}  # fetched (and audited) once a session
        # The visitor cards (full name and photo shown to the visited), read (and audited)
        # once a session per volunteer.
        self._cards: dict[int, tuple[str, bytes | None]] = {}
        self.photo_dialog: QFileDialog | None = None
        p = self.people
        p.sig_filter_changed.connect(self.reload)
        p.sig_selection_changed.connect(self._show_volunteer)
        p.sig_new.connect(lambda: self._volunteer_dialog(None, None))
        p.sig_edit.connect(self._edit_volunteer)
        p.sig_reveal.connect(self._reveal)
        p.sig_photo.connect(self._choose_photo)
        p.sig_qualification.connect(self._qualification)
        t = self.team_tab
        t.sig_new.connect(lambda: self._team_dialog(None))
        t.sig_edit.connect(self._team_dialog)
        t.sig_join.connect(self._join)
        t.sig_leave.connect(self._leave)
        s = self.shift_tab
        s.sig_selection_changed.connect(self._load_signups)
        s.sig_new.connect(lambda: self._shift_dialog(None))
        s.sig_edit.connect(self._shift_dialog)
        s.sig_signup.connect(self._signup)
        s.sig_cancel.connect(self._cancel_shift)
        s.sig_decide.connect(self._decide)
        s.sig_withdraw.connect(self._withdraw)
        self.pairing_tab.sig_new.connect(self._pairing_dialog)
        self.pairing_tab.sig_selection_changed.connect(
            lambda: self._show_visitor(
                self.pairing_tab.visitor, self.pairing_tab.selected_volunteer
            )
        )
        self.task_tab.sig_selection_changed.connect(
            lambda: self._show_visitor(self.task_tab.visitor, self.task_tab.selected_volunteer)
        )
        self.pairing_tab.sig_end.connect(self._end_pairing)
        self.task_tab.sig_new.connect(self._new_task)
        self.task_tab.sig_assign.connect(self._assign)
        self.task_tab.sig_close.connect(self._close_task)

    @property
    def _tabs(self) -> tuple[VolunteersTab, TeamsTab, ShiftsTab, PairingsTab, TasksTab]:
        return (self.people, self.team_tab, self.shift_tab, self.pairing_tab, self.task_tab)

    # --- lifecycle ------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        for tab in self._tabs:
            tab.can_edit = who.can(Permission.MANAGE_VOLUNTEERS)
        site = self.ctx.services.site
        self.read_for(
            who,
            lambda: site.communities(who),
            self._on_communities,
            self.tr("Could not read the communities"),
            "volunteers communities",
        )

    def _on_communities(self, rows: list[CommunityRow]) -> None:
        self._communities = rows
        self.people.set_communities([c.code for c in rows], {c.code: c.name for c in rows})
        self.reload()

    def signed_out(self) -> None:
        self._photos.clear()
        self._cards.clear()
        self._communities = []
        for tab in self._tabs:
            tab.can_edit = False
        self.people.set_communities([], {})
        self._show(_Lists(Page(), [], Page(), [], Page()))

    def on_changes(self, changes: ChangesAvailable) -> None:
        if changes.tables & TABLES:
            if "volunteer" in changes.tables:
                self._photos.clear()
                self._cards.clear()
            self.reload()

    def reload(self) -> None:
        who = self.who
        if who is None or self.owe_unless_in_view():
            return
        svc = self.ctx.services.volunteers
        community = self.people.chosen_community()
        text = self.people.search.text()
        now = self.ctx.services.ctx.clock()

        def job() -> _Lists:
            return _Lists(
                svc.volunteers(who, community, text),
                svc.teams(who, community),
                svc.shifts(who, community, now - timedelta(hours=12), now + timedelta(SHIFT_DAYS)),
                svc.pairings(who, community),
                svc.tasks(who, community),
            )

        self.read_for(who, job, self._show, self.tr("Could not read the volunteers"))

    def _show(self, lists: _Lists) -> None:
        self.people.set_rows(lists.volunteers, truncated=lists.volunteers.truncated)
        self.team_tab.set_rows(lists.teams)
        self.shift_tab.set_rows(lists.shifts, truncated=lists.shifts.truncated)
        self.pairing_tab.set_rows(lists.pairings)
        self.task_tab.set_rows(lists.tasks, truncated=lists.tasks.truncated)
        self._show_visitor(self.pairing_tab.visitor, self.pairing_tab.selected_volunteer)
        self._show_visitor(self.task_tab.visitor, self.task_tab.selected_volunteer)
        self._show_volunteer()
        self._load_signups()

    # --- helpers --------------------------------------------------------------------------
    def _names(self) -> list[tuple[str, str]]:
        return [(c.code, c.name) for c in self._communities]

    def _community_for_new(self) -> str | None:
        chosen = self.people.chosen_community()
        if chosen:
            return chosen
        row = self.people.selected()
        if row is not None:
            return row.community
        return self._communities[0].code if self._communities else None

    def _open(self, dlg: QDialog, on_ok: Callable[[], None]) -> None:
        dlg.accepted.connect(on_ok)
        dlg.finished.connect(dlg.deleteLater)
        self.ctx.dialogs.register(dlg)
        dlg.open()

    def _failed(self, what: str) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, SignupRefused):
                self.ctx.dialogs.inform(self.tr("Sign-up refused"), self.texts.refusal(exc))
            elif type(exc) is ValueError:
                # The service's rule, worded for the user (e.g. a duplicate identity number).
                self.ctx.dialogs.inform(what, self.texts.service_error(str(exc)))
            else:
                self.ctx.feedback.report(exc, what)

        return failed

    def _write(self, job: Callable[[], object], what: str, done: str = "") -> None:
        def ok(_r: object) -> None:
            if done:
                self.ctx.window.show_message(done, 5000)
            self.reload()

        self.ctx.jobs.write(job, ok, self._failed(what), "volunteers")

    def _volunteer_choices(self, community: str | None) -> list[tuple[int, str]]:
        return [
            (v.id, f"{v.name} ({v.id})")
            for v in self.people.model.rows()
            if v.active and (community is None or v.community == community)
        ]

    # --- volunteers -----------------------------------------------------------------------
    def _show_volunteer(self) -> None:
        who = self.who
        row = self.people.selected()
        if who is None or row is None:
            self.people.detail.show_row(row, None)
            return
        if row.masked or not row.has_photo or row.id in self._photos:
            self.people.detail.show_row(row, self._photos.get(row.id))
            return
        self.people.detail.show_row(row, None)
        svc = self.ctx.services.volunteers

        def shown(data: bytes | None) -> None:
            self._photos[row.id] = data
            if self.people.selected() == row:
                self.people.detail.show_row(row, data)

        # The photo read is audited (personal data): on the writer thread, once a session.
        self.ctx.jobs.write(
            lambda: svc.photo(who, row.id),
            shown,
            self._failed(self.tr("Could not read the photo")),
            "volunteer photo",
        )

    def _show_visitor(self, card: VisitorCard, selected: Callable[[], int | None]) -> None:
        """The selected row's volunteer on `card`: full name and photo, as the visited
        resident sees them (read once a session per volunteer; the read is audited)."""
        who = self.who
        vid = selected()
        # The card is for those who arrange the visits; others do not read names in full.
        card.setVisible(who is not None and who.can(Permission.MANAGE_VOLUNTEERS))
        if who is None or vid is None or not who.can(Permission.MANAGE_VOLUNTEERS):
            card.show_card(None, None)
            return
        if vid in self._cards:
            card.show_card(*self._cards[vid])
            return
        card.show_card(None, None)
        svc = self.ctx.services.volunteers

        def shown(found: tuple[str, bytes | None]) -> None:
            self._cards[vid] = found
            if selected() == vid:
                card.show_card(*found)

        self.ctx.jobs.write(
            lambda: svc.visitor_card(who, vid),
            shown,
            self._failed(self.tr("Could not read the volunteer's card")),
            "visitor card",
        )

    def _volunteer_dialog(self, volunteer_id: int | None, draft: VolunteerDraft | None) -> None:
        if self.who is None:
            return
        if draft is None:
            community = self._community_for_new() or ""
            dlg = VolunteerDialog(self._names(), None, self.ctx.window)
            dlg.community.setCurrentIndex(max(0, dlg.community.findData(community)))
        else:
            dlg = VolunteerDialog(self._names(), draft, self.ctx.window)
        self._open(dlg, lambda: self._save_volunteer(volunteer_id, dlg.draft()))

    def _save_volunteer(self, volunteer_id: int | None, draft: VolunteerDraft) -> None:
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.volunteers
        self._write(
            lambda: svc.save_volunteer(who, draft, volunteer_id),
            self.tr("Could not save the volunteer"),
            self.tr("Volunteer saved"),
        )

    def _edit_volunteer(self, volunteer_id: int) -> None:
        """Editing shows the identity number in full: read (and audited) as a reveal."""
        who = self.who
        row = self.people.model.row_for(volunteer_id)
        if who is None or row is None:
            return
        svc = self.ctx.services.volunteers
        reason = self.tr("Edit the volunteer's profile")

        def opened(found: tuple[str, date]) -> None:
            number, birth = found
            assert row is not None
            draft = VolunteerDraft(
                community=row.community,
                name=row.name,
                phone=row.phone,
                gender=row.gender,
                birth_date=birth,
                id_number=number,
                skills=", ".join(row.skills),
                insurance_policy=row.insurance_policy,
                insurance_expires=row.insurance_expires,
                availability=row.availability,
                resident_id=row.resident_id,
                active=row.active,
            )
            self._volunteer_dialog(volunteer_id, draft)

        self.ctx.jobs.write(
            lambda: svc.reveal(who, volunteer_id, reason),
            opened,
            self._failed(self.tr("Could not open the profile")),
            "volunteer edit",
        )

    def _reveal(self, volunteer_id: int) -> None:
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.volunteers
        dlg = ReasonDialog(self.tr("Show the identity number"), self.ctx.window)

        def shown(found: tuple[str, date]) -> None:
            number, birth = found
            self.ctx.dialogs.inform(
                self.tr("Identity number"),
                self.tr("Identity No.: {n}\nBirth date: {d}").format(n=number, d=birth),
            )

        def go() -> None:
            reason = dlg.text()
            self.ctx.jobs.write(
                lambda: svc.reveal(who, volunteer_id, reason),
                shown,
                self._failed(self.tr("Could not show the identity number")),
                "volunteer reveal",
            )

        self._open(dlg, go)

    def _choose_photo(self, volunteer_id: int) -> None:
        dialog = open_in(QFileDialog(self.pane, self.tr("Choose the volunteer's photo")), PHOTOS)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Photos (*.jpg *.jpeg *.png)"))
        dialog.fileSelected.connect(lambda path: self.set_photo(volunteer_id, Path(path)))
        self.photo_dialog = dialog
        dialog.open()

    def set_photo(self, volunteer_id: int, path: Path) -> None:
        """Store the photo at `path` (read and checked off the GUI thread)."""
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.volunteers

        def job() -> None:
            with path.open("rb") as f:
                data = f.read(PHOTO_MAX_BYTES + 1)  # enough to know it is too big
            svc.set_photo(who, volunteer_id, data)

        self._photos.pop(volunteer_id, None)
        self._write(job, self.tr("Could not store the photo"), self.tr("Photo stored"))

    def _qualification(self, volunteer_id: int) -> None:
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.volunteers
        dlg = QualificationDialog(self.ctx.window)

        def save() -> None:
            kind, number, expires = dlg.values()
            self._write(
                lambda: svc.add_qualification(who, volunteer_id, kind, number, expires),
                self.tr("Could not save the qualification"),
                self.tr("Qualification saved"),
            )

        self._open(dlg, save)

    # --- teams ----------------------------------------------------------------------------
    def _team_dialog(self, team_id: int | None) -> None:
        who = self.who
        if who is None:
            return
        team = self.team_tab.model.row_for(team_id) if team_id is not None else None
        community = team.community if team else self._community_for_new()
        dlg = TeamDialog(
            self._names(),
            self._volunteer_choices(None),
            street_wide=who.street_wide,
            name=team.name if team else "",
            community=community,
            leader=team.leader_volunteer_id if team else None,
            parent=self.ctx.window,
        )
        svc = self.ctx.services.volunteers

        def save() -> None:
            name, code, leader = dlg.values()
            self._write(
                lambda: svc.save_team(
                    who,
                    name,
                    code,
                    leader_volunteer_id=leader,
                    leader_user_id=team.leader_user_id if team else None,
                    team_id=team_id,
                ),
                self.tr("Could not save the team"),
                self.tr("Team saved"),
            )

        self._open(dlg, save)

    def _join(self, team_id: int) -> None:
        who = self.who
        team = self.team_tab.model.row_for(team_id)
        if who is None or team is None:
            return
        members = {m for m, _ in team.members}
        choices = [c for c in self._volunteer_choices(team.community) if c[0] not in members]
        dlg = PickDialog(self.tr("Add a member"), self.tr("Volunteer"), choices, self.ctx.window)
        svc = self.ctx.services.volunteers
        self._open(
            dlg,
            lambda: self._write(
                lambda: svc.join_team(who, team_id, dlg.chosen()),
                self.tr("Could not add the member"),
            ),
        )

    def _leave(self, team_id: int) -> None:
        who = self.who
        team = self.team_tab.model.row_for(team_id)
        if who is None or team is None:
            return
        dlg = PickDialog(
            self.tr("Remove a member"), self.tr("Volunteer"), list(team.members), self.ctx.window
        )
        svc = self.ctx.services.volunteers
        self._open(
            dlg,
            lambda: self._write(
                lambda: svc.leave_team(who, team_id, dlg.chosen()),
                self.tr("Could not remove the member"),
            ),
        )

    # --- shifts ---------------------------------------------------------------------------
    def _shift_dialog(self, shift_id: int | None) -> None:
        who = self.who
        if who is None:
            return
        row = self.shift_tab.model.row_for(shift_id) if shift_id is not None else None
        teams = [(t.id, t.name) for t in self.team_tab.model.rows()]
        dlg = ShiftDialog(
            self._names(),
            teams,
            start_of_tomorrow(self.ctx.services.ctx.clock(), self.ctx.zone),
            row,
            self.ctx.zone,
            self.ctx.window,
        )
        if row is None:
            community = self._community_for_new() or ""
            dlg.community.setCurrentIndex(max(0, dlg.community.findData(community)))
        svc = self.ctx.services.volunteers

        def save() -> None:
            draft = dlg.draft()
            self._write(
                lambda: svc.save_shift(who, draft, shift_id),
                self.tr("Could not save the shift"),
                self.tr("Shift saved"),
            )

        self._open(dlg, save)

    def _load_signups(self) -> None:
        who = self.who
        shift = self.shift_tab.selected()
        if who is None or shift is None:
            self.shift_tab.set_signups([])
            return
        svc = self.ctx.services.volunteers
        self.read_for(
            who,
            lambda: svc.signups(who, shift.id),
            self.shift_tab.set_signups,
            self.tr("Could not read the sign-ups"),
        )

    def _signup(self, shift_id: int) -> None:
        who = self.who
        shift = self.shift_tab.model.row_for(shift_id)
        if who is None or shift is None:
            return
        dlg = PickDialog(
            self.tr("Sign up for {t}").format(t=shift.title),
            self.tr("Volunteer"),
            self._volunteer_choices(shift.community),
            self.ctx.window,
        )
        svc = self.ctx.services.volunteers

        def go() -> None:
            vid = dlg.chosen()

            def done(status: object) -> None:
                pending = str(status) == "pending"
                self.ctx.window.show_message(
                    self.tr("Signed up; waiting for confirmation")
                    if pending
                    else self.tr("Signed up and confirmed"),
                    5000,
                )
                self.reload()

            self.ctx.jobs.write(
                lambda: svc.sign_up(who, shift_id, vid),
                done,
                self._failed(self.tr("Could not sign up")),
                "volunteer signup",
            )

        self._open(dlg, go)

    def _decide(self, signup_id: int, confirm: bool) -> None:
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.volunteers
        self._write(
            lambda: svc.decide(who, signup_id, confirm=confirm),
            self.tr("Could not decide the sign-up"),
        )

    def _withdraw(self, signup_id: int) -> None:
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.volunteers
        self.ctx.dialogs.confirm(
            self.tr("Withdraw the sign-up"),
            self.tr("Withdraw this sign-up? The place becomes free for others."),
            lambda: self._write(
                lambda: svc.withdraw(who, signup_id), self.tr("Could not withdraw")
            ),
        )

    def _cancel_shift(self, shift_id: int) -> None:
        who = self.who
        shift = self.shift_tab.model.row_for(shift_id)
        if who is None or shift is None:
            return
        svc = self.ctx.services.volunteers
        self.ctx.dialogs.confirm(
            self.tr("Cancel the shift"),
            self.tr(
                "Cancel the shift {t}? {n} volunteers hold a place; tell them. This cannot be "
                "undone."
            ).format(t=shift.title, n=shift.confirmed + shift.pending),
            lambda: self._write(
                lambda: svc.cancel_shift(who, shift_id), self.tr("Could not cancel the shift")
            ),
        )

    # --- pairings -------------------------------------------------------------------------
    def _pairing_dialog(self) -> None:
        who = self.who
        community = self._community_for_new()
        if who is None or community is None:
            return
        svc = self.ctx.services.volunteers

        def opened(residents: Page[tuple[int, str]]) -> None:
            dlg = PairingDialog(
                self._volunteer_choices(community),
                residents,
                self.ctx.window,
                residents_truncated=residents.truncated,
            )

            def save() -> None:
                vid, rid, cadence, weekday, note = dlg.values()
                self._write(
                    lambda: svc.pair(who, vid, rid, cadence, weekday, note),
                    self.tr("Could not pair"),
                    self.tr("Pairing saved"),
                )

            self._open(dlg, save)

        self.read_for(
            who,
            lambda: svc.residents(who, community),
            opened,
            self.tr("Could not read the residents"),
        )

    def _end_pairing(self, pairing_id: int) -> None:
        who = self.who
        row = self.pairing_tab.model.row_for(pairing_id)
        if who is None or row is None:
            return
        svc = self.ctx.services.volunteers
        self.ctx.dialogs.confirm(
            self.tr("End the pairing"),
            self.tr("End the regular visits of {v} to {r}?").format(
                v=row.volunteer, r=row.resident
            ),
            lambda: self._write(
                lambda: svc.end_pairing(who, pairing_id), self.tr("Could not end the pairing")
            ),
        )

    # --- tasks ----------------------------------------------------------------------------
    def _new_task(self) -> None:
        community = self._community_for_new()
        if community is not None:
            self.open_task_dialog(TaskDraft(TaskKind.REQUEST, community, ""))

    def _on_task_from_incident(self) -> None:
        incident_id = self.current_incident()
        if incident_id is None:
            self.ctx.feedback.message(self.tr("Select the incident in the queue first."))
            return
        self.task_from_incident(incident_id)

    def task_from_incident(self, incident_id: int) -> None:
        """The task dialog prefilled from an incident (a welfare check): its community, its
        title, the resident of its call, the resident's paired volunteer first."""
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.volunteers
        self.read_for(
            who,
            lambda: svc.task_draft_from_incident(who, incident_id),
            self.open_task_dialog,
            self.tr("Could not read the incident"),
        )

    def _on_task_from_ticket(self) -> None:
        ticket_id = self.current_ticket()
        if ticket_id is None:
            self.ctx.feedback.message(self.tr("Select the request in the Feedback pane first."))
            return
        self.task_from_ticket(ticket_id)

    def task_from_ticket(self, ticket_id: int) -> None:
        """The task dialog prefilled from a station's request: its community, resident and
        words, the resident's paired volunteer first."""
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.volunteers
        self.read_for(
            who,
            lambda: svc.task_from_ticket(who, ticket_id),
            self.open_task_dialog,
            self.tr("Could not read the request"),
        )

    def task_for_silent(self, resident_id: int, weeks: int) -> None:
        """A welfare visit for a resident on the orders' silence list (the task dialog)."""
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.volunteers
        self.read_for(
            who,
            lambda: svc.task_for_silent(who, resident_id, weeks),
            self.open_task_dialog,
            self.tr("Could not read the resident"),
        )

    def task_from_order(self, order_id: int) -> None:
        """The task dialog prefilled from an order's delivery: its community, its resident,
        a title naming the merchant (for the delivery board to offer)."""
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.volunteers
        self.read_for(
            who,
            lambda: svc.task_from_order(who, order_id),
            self.open_task_dialog,
            self.tr("Could not read the order"),
        )

    def open_task_dialog(self, draft: TaskDraft) -> None:
        """The task dialog for `draft` (read the residents and suggestions first)."""
        who = self.who
        if who is None:
            return
        self.ctx.window.show_pane("volunteers")
        self.pane.show_tab(self.task_tab)
        svc = self.ctx.services.volunteers

        def job() -> tuple[Page[tuple[int, str]], list[Suggestion]]:
            return (
                svc.residents(who, draft.community),
                svc.suggest(who, draft.community, draft.resident_id, draft.due_at),
            )

        def opened(found: tuple[Page[tuple[int, str]], list[Suggestion]]) -> None:
            residents, suggestions = found
            dlg = TaskDialog(
                draft,
                residents,
                [(s.volunteer_id, s.name, s.reason) for s in suggestions],
                self.ctx.zone,
                self.ctx.window,
                residents_truncated=residents.truncated,
            )
            self._open(dlg, lambda: self._create_task(dlg.draft()))

        self.read_for(who, job, opened, self.tr("Could not prepare the task"))

    def _create_task(self, d: TaskDraft) -> None:
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.volunteers
        self._write(
            lambda: svc.create_task(
                who,
                d.kind,
                d.community,
                d.resident_id,
                d.title,
                d.incident_id,
                d.order_id,
                due_at=d.due_at,
                note=d.note,
                volunteer_id=d.volunteer_id,
                ticket_id=d.ticket_id,
            ),
            self.tr("Could not create the task"),
            self.tr("Task created"),
        )

    def _assign(self, task_id: int) -> None:
        who = self.who
        task = self.task_tab.model.row_for(task_id)
        if who is None or task is None:
            return
        svc = self.ctx.services.volunteers

        def opened(suggestions: list[Suggestion]) -> None:
            choices = [
                (s.volunteer_id, f"{s.name} — {self.texts.suggestion_reason(s.reason)}")
                for s in suggestions
            ]
            dlg = PickDialog(
                self.tr("Assign the task"), self.tr("Volunteer"), choices, self.ctx.window
            )
            self._open(
                dlg,
                lambda: self._write(
                    lambda: svc.assign_task(who, task_id, dlg.chosen()),
                    self.tr("Could not assign the task"),
                    self.tr("Task assigned"),
                ),
            )

        self.read_for(
            who,
            lambda: svc.suggest(who, task.community, task.resident_id, task.due_at),
            opened,
            self.tr("Could not read the volunteers"),
        )

    def _close_task(self, task_id: int, done: bool) -> None:
        who = self.who
        task = self.task_tab.model.row_for(task_id)
        if who is None or task is None:
            return
        svc = self.ctx.services.volunteers
        title = self.tr("Mark the task done") if done else self.tr("Cancel the task")
        text = (
            self.tr("Mark \u201c{t}\u201d done?") if done else self.tr("Cancel \u201c{t}\u201d?")
        ).format(t=task.title)
        self.ctx.dialogs.confirm(
            title,
            text,
            lambda: self._write(
                lambda: svc.close_task(who, task_id, done=done),
                self.tr("Could not update the task"),
            ),
        )
