"""Psychological screening: a sitting item by item, the crisis script at once, results."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QTabWidget

from console.presenters.base import Presenter, PresenterContext
from console.shell.panes import Area, PaneSpec
from core.consent import ConsentMissing
from core.events import ChangesAvailable
from core.permissions import Permission, Principal
from core.screening import Instrument, LicenceMissing, ScreeningError, built_in
from core.screening_pathway import ScreeningMode
from core.screening_views import (
    Answers,
    ContactKind,
    ContactRow,
    DueRow,
    LicenceRow,
    ReferralRow,
    Saved,
    ScreeningRow,
    SittingPlan,
)
from core.timefmt import local
from core.views import PersonChoice
from data.services.counselling import ContactDraft
from hardware.tts import EspeakSpeaker, Speaker
from widgets.counselling import CounsellingForm, CounsellingTab, figures_text
from widgets.crisis_script import CrisisScriptDialog
from widgets.notifications import Level
from widgets.screening import (
    DueModel,
    LicencesModel,
    ResultsModel,
    StartTab,
    TableTab,
    due_heading,
)
from widgets.screening_run import ScreeningRunDialog, chinese
from widgets.service_pane import TabbedPane
from widgets.visibility import in_view

log = logging.getLogger(__name__)
TABLES = frozenset({"screening", "screening_licence"})
TTS_DEADLINE_S = 2.0  # the read-aloud worker's join at the end of a sitting
DUE_AHEAD_DAYS = 14  # the Due tab lists what falls due within two weeks (and what is overdue)


class ScreeningPresenter(Presenter):
    """Owns the Screening pane; reads only while the pane is shown (and once on showing)."""

    name = "screening"
    watches = TABLES

    def __init__(self, ctx: PresenterContext):
        super().__init__(ctx)
        self.pane = TabbedPane(ctx.window)
        self.start_tab = StartTab()
        self.results_tab = TableTab(ResultsModel())
        self.due_tab = TableTab(DueModel())
        self.licences_tab = TableTab(LicencesModel())
        self.pane.add_tab(self.start_tab, lambda: self.tr("Screen a resident"))
        self.pane.add_tab(self.results_tab, lambda: self.tr("Results"))
        self.pane.add_tab(self.due_tab, lambda: self.tr("Due for rescreen"))
        self.pane.add_tab(self.licences_tab, lambda: self.tr("Licences"))
        self.counselling_tab = CounsellingTab()
        self.pane.add_tab(self.counselling_tab, lambda: self.tr("Counselling"))
        self.figures_label = QLabel()
        self.figures_label.setTextFormat(Qt.TextFormat.PlainText)
        self.figures_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.figures_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pane.add_tab(self.figures_label, lambda: self.tr("Figures"))
        self.form: CounsellingForm | None = None
        # Read-aloud for a self-completed sitting at a kiosk (tests give a WAV-writing one).
        self.speaker_factory: Callable[[], Speaker | None] = EspeakSpeaker
        # Rings a resident on this workstation's line (the Calls pane's), the number read for
        # the line only: (resident id, reason, done(placed)). None: no line here.
        self.dial_resident_hook: Callable[[int, str, Callable[[bool], None]], None] | None = None
        # Whether this user may ring out on this workstation (a line, a role that places calls).
        self.can_dial: Callable[[], bool] = lambda: False
        self._speaker: Speaker | None = None
        self._record_of: int | None = None
        self.dock = ctx.window.add_pane(
            PaneSpec(
                "screening",
                lambda: self.tr("Screening"),
                self.pane,
                Area.TOP_RIGHT,
                order=93,
                shortcut="Ctrl+Shift+G",
            )
        )
        # Read when the pane comes into view (a dock's tab, or a station screen's tab).
        self.pane.sig_shown.connect(self._on_pane_shown)
        self.run: ScreeningRunDialog | None = None
        self.script: CrisisScriptDialog | None = None
        self._sitting = ""
        self._uuids: dict[str, str] = {}  # instrument key → the client UUID of its screening
        self._forms: dict[str, Instrument] = {}  # instrument key → the form asked
        self._mode = ScreeningMode.STATION
        self._resident: int | None = None
        self._results_of: int | None = None
        self._stale = True
        s = self.start_tab
        s.sig_search.connect(self._on_search)
        s.sig_person.connect(self._on_person)
        s.sig_start.connect(self._on_start)
        s.sig_results.connect(self._on_results_requested)
        s.sig_record.connect(self._on_record_requested)
        c = self.counselling_tab
        c.sig_book.connect(lambda: self._open_form(CounsellingForm.BOOK))
        c.sig_contact.connect(lambda: self._open_form(CounsellingForm.CONTACT))
        c.sig_refer.connect(lambda: self._open_form(CounsellingForm.REFER))
        c.sig_outcome.connect(lambda rid: self._open_form(CounsellingForm.OUTCOME, rid))
        c.sig_read_note.connect(self._on_read_note)
        c.sig_read_referral.connect(self._on_read_referral)
        c.sig_appointment.connect(self._on_appointment_step)
        self._empty_texts()

    # --- lifecycle ------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        results = who.can(Permission.VIEW_SCREENING_RESULTS)
        counsel = who.can(Permission.COUNSEL)
        self.start_tab.may_read_results(results, counsel)
        tabs = self.pane.tabs
        tabs.setTabVisible(tabs.indexOf(self.results_tab), results)
        tabs.setTabVisible(tabs.indexOf(self.due_tab), results)
        tabs.setTabVisible(tabs.indexOf(self.counselling_tab), counsel)
        tabs.setTabVisible(
            tabs.indexOf(self.figures_label), who.can(Permission.VIEW_SCREENING_FIGURES)
        )
        self.start_tab.setEnabled(who.can(Permission.SCREEN_RESIDENTS))
        self._stale = True
        self.reload()

    def signed_out(self) -> None:
        self._close_dialogs()
        self.start_tab.set_found([])
        self.start_tab.search.clear()
        for tab in (self.results_tab, self.due_tab, self.licences_tab):
            tab.set_rows([])
        self.counselling_tab.set_record([], [])
        self.counselling_tab.set_appointments([])
        self.counselling_tab.set_person(None)
        self.figures_label.clear()
        self._resident = self._results_of = self._record_of = None

    def locked(self) -> None:
        # The crisis script stays: a risk answer is not put away by the idle lock. The
        # sitting itself is hidden with the other dialogs by the lock screen.
        if self.run is not None:
            self.run.hide()

    def unlocked(self) -> None:
        if self.run is not None:
            self.run.show()

    def on_changes(self, changes: ChangesAvailable) -> None:
        if changes.tables & TABLES:
            self._stale = True
            self.reload()

    def reload(self) -> None:
        """Re-read the tabs this user may see, if the pane is shown; later otherwise."""
        who = self.who
        if who is None:
            return
        if not in_view(self.pane):
            self._stale = True
            return
        self._stale = False
        svc = self.ctx.services.screening
        if who.can(Permission.VIEW_SCREENING_RESULTS):
            by = self._today() + timedelta(days=DUE_AHEAD_DAYS)
            self.read_for(
                who,
                lambda: svc.due(who, by),
                lambda rows: self._on_due(by, rows),
                self.tr("Could not read the rescreen list"),
            )
            if self._results_of is not None:
                self._on_results_requested(self._results_of)
        if who.can(Permission.SCREEN_RESIDENTS):
            self.read_for(
                who,
                lambda: svc.licences(who),
                self._on_licences,
                self.tr("Could not read the licence register"),
            )
        if who.can(Permission.COUNSEL):
            self._load_appointments(who)
            if self._record_of is not None:
                self._on_record_requested(self._record_of)
        if who.can(Permission.VIEW_SCREENING_FIGURES):
            today = self._today()
            first = today.replace(day=1)
            self.read_for(
                who,
                lambda: svc.figures(who, first, today + timedelta(days=1)),
                lambda f: self.figures_label.setText(figures_text(f)),
                self.tr("Could not read the figures"),
            )

    def _on_pane_shown(self) -> None:
        if self._stale:
            self.reload()

    def place_in(self, tabs: QTabWidget) -> None:
        """Show the pane as a tab of a community station's screen (its one window)."""
        self.pane.place_in(tabs, lambda: self.tr("Screening"))

    def shutdown(self) -> None:
        self._close_dialogs()
        self._stop_speaker()

    def _close_dialogs(self) -> None:
        for d in (self.run, self.script, self.form):
            if d is not None:
                d.done(0)
                d.deleteLater()
        self.run = self.script = None
        self.form = None

    def _today(self) -> date:
        return local(self.ctx.services.ctx.clock(), self.ctx.zone).date()

    def _empty_texts(self) -> None:
        self.results_tab.empty.set_texts(
            "∅",
            self.tr("No results shown"),
            self.tr("Pick a resident on the first tab and press Results and trend."),
        )
        self.due_tab.empty.set_texts(
            "✓", self.tr("Nobody is due"), self.tr("No rescreen falls due in the next two weeks.")
        )
        self.licences_tab.empty.set_texts(
            "§",
            self.tr("No licensed forms"),
            self.tr(
                "PHQ-2, PHQ-9, GAD-2, GAD-7 and GDS-15 are built in. A form that needs "
                "permission (AD8, Mini-Cog, SCL-90-R) is added by an administrator with its "
                "licence: console screening register."
            ),
        )

    # --- the start tab --------------------------------------------------------------------
    @Slot(str)
    def _on_search(self, text: str) -> None:
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.screening
        self.read_for(
            who,
            lambda: svc.find_residents(who, text),
            self._on_found,
            self.tr("Could not search residents"),
        )

    def _on_found(self, rows: list[PersonChoice]) -> None:
        self.start_tab.set_found(rows)

    @Slot(int)
    def _on_person(self, resident_id: int) -> None:
        who = self.who
        if who is None or not who.can(Permission.SCREEN_RESIDENTS):
            return
        self._resident = resident_id
        svc = self.ctx.services.screening
        self.read_for(
            who,
            lambda: svc.plan(who, resident_id),
            self._on_plan,
            self.tr("Could not read the screening plan"),
        )

    def _on_plan(self, plan: SittingPlan) -> None:
        if plan.resident_id == self._resident:
            self.start_tab.set_plan(plan)

    @Slot(int, str)
    def _on_start(self, resident_id: int, mode: str) -> None:
        """Open a sitting; the plan is read again (consent may have changed since)."""
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.screening
        self._mode = ScreeningMode(mode)

        def opened(plan: SittingPlan) -> None:
            if plan.consent_missing:
                self.start_tab.set_plan(plan)
                return
            self.open_sitting(plan, [built_in(code) for code in plan.instruments])

        self.read_for(
            who,
            lambda: svc.plan(who, resident_id),
            opened,
            self.tr("Could not read the screening plan"),
        )

    def open_sitting(self, plan: SittingPlan, forms: list[Instrument]) -> ScreeningRunDialog:
        """The sitting's dialog, asking `forms` in order."""
        self._close_dialogs()
        self._sitting = str(uuid.uuid4())
        self._uuids = {}
        self._forms = {f.key: f for f in forms}
        self._resident = plan.resident_id
        person = f"{plan.name} · {plan.community} · {plan.age}"
        run = ScreeningRunDialog(
            person,
            kiosk=self._mode is ScreeningMode.KIOSK,
            phone=self._mode is ScreeningMode.PHONE,
            parent=self.ctx.window,
        )
        run.sig_dial.connect(self._dial)
        if self._mode is ScreeningMode.PHONE and not self.can_dial():
            run.set_call_state(self._no_line_text(), may_dial_again=False)
        run.confirm_leave = lambda leave: self.ctx.dialogs.confirm(
            self.tr("Leave the screening"),
            self.tr("The form answered so far is kept as partial and is never scored. Leave?"),
            leave,
        )
        run.sig_answers_changed.connect(self._on_answers)
        if self._mode is ScreeningMode.KIOSK:
            self._speaker = self.speaker_factory()
            if self._speaker is not None:
                self._speaker.start()
                run.sig_item_shown.connect(self._on_item_shown)
        run.finished.connect(self._on_run_closed)
        self.ctx.dialogs.register(run)
        self.run = run
        run.show()
        run.start(forms)
        return run

    @Slot()
    def _dial(self) -> None:
        """By phone: ring the person being screened; the call shows in the Calls pane."""
        run, resident = self.run, self._resident
        if run is None or resident is None:
            return
        hook = self.dial_resident_hook
        if hook is None or not self.can_dial():
            run.set_call_state(self._no_line_text(), may_dial_again=False)
            return

        def done(placed: bool) -> None:
            if self.run is not run:
                return  # the sitting was left while the number was read
            if placed:
                run.set_call_state(
                    self.tr("Call placed: it is in the Calls pane."), may_dial_again=False
                )
            else:
                run.set_call_state(
                    self.tr("The call could not be placed: dial by hand, or try again."),
                    may_dial_again=True,
                )

        hook(resident, self.tr("phone screening"), done)

    def _no_line_text(self) -> str:
        return self.tr(
            "No working phone line here (none, or it is down), or your role places no calls: "
            "dial the person by hand."
        )

    @Slot(int)
    def _on_run_closed(self, _code: int) -> None:
        if self.run is not None:
            self.run.deleteLater()
            self.run = None
        self._stop_speaker()

    @Slot(str)
    def _on_item_shown(self, text: str) -> None:
        if self._speaker is not None:
            self._speaker.say(text, "zh" if chinese() else "en")

    def _stop_speaker(self) -> None:
        speaker, self._speaker = self._speaker, None
        if speaker is not None and not speaker.close(TTS_DEADLINE_S):
            log.error("read-aloud did not stop within %.0f s", TTS_DEADLINE_S)

    @Slot(str, object)
    def _on_answers(self, key: str, answers: dict[int, str]) -> None:
        """Save every answer as it comes; a complete form is scored by the service."""
        who, resident = self.who, self._resident
        if who is None or resident is None:
            return
        uid = self._uuids.setdefault(key, str(uuid.uuid4()))
        entry = Answers(uid, self._sitting, resident, key, self._mode, dict(answers))
        svc = self.ctx.services.screening
        form = self._forms.get(key)
        complete = form is not None and len(answers) == len(form.items)

        def saved(result: Saved) -> None:
            if result.script is not None and self.script is None:
                self._show_script(result)
            if complete and self.run is not None and self.run.current_key == key:
                more = [built_in(code) for code in result.follow_ups]
                self._forms.update((f.key, f) for f in more)
                self.run.form_saved(self._result_line(key, result), more)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ConsentMissing | LicenceMissing | ScreeningError):
                text = self.tr("The screening was not saved: {why}").format(why=str(exc))
                self.ctx.feedback.notify(Level.WARNING, text)
                if self.run is not None:
                    self.run.save_failed(text)
                return
            self.ctx.feedback.report(exc, self.tr("Could not save the screening"))
            if self.run is not None:
                self.run.save_failed(self.tr("Could not save the screening"))

        self.ctx.jobs.write(lambda: svc.save(who, entry), saved, failed, "screening")

    def _result_line(self, key: str, saved: Saved) -> str:
        r = saved.result
        if r is None:
            return ""
        band = r.band.zh if chinese() else r.band.en
        line = self.tr("{form}: {total} of {max} — {band}").format(
            form=key.rpartition("@")[0], total=r.total, max=r.max_total, band=band
        )
        if saved.rescreen is not None:
            line += "\n  " + self.tr("Next: {form} by {day}").format(
                form=saved.rescreen.instrument, day=saved.rescreen.due_on.isoformat()
            )
        return line

    def _show_script(self, saved: Saved) -> None:
        assert saved.script is not None
        dialog = CrisisScriptDialog(
            saved.script,
            kiosk=self._mode is ScreeningMode.KIOSK,
            incident_id=saved.incident_id,
            parent=self.run or self.ctx.window,
        )
        dialog.finished.connect(self._on_script_closed)
        self.script = dialog
        dialog.show()
        dialog.raise_()
        self.ctx.feedback.notify(
            Level.ERROR,
            self.tr("Risk answer in a screening: incident {id} raised for today.").format(
                id=saved.incident_id
            ),
        )

    @Slot(int)
    def _on_script_closed(self, _code: int) -> None:
        if self.script is not None:
            self.script.deleteLater()
            self.script = None

    # --- results, rescreens, licences -----------------------------------------------------
    @Slot(int)
    def _on_results_requested(self, resident_id: int) -> None:
        who = self.who
        if who is None or not who.can(Permission.VIEW_SCREENING_RESULTS):
            return
        self._results_of = resident_id
        svc = self.ctx.services.screening

        def shown(rows: list[ScreeningRow]) -> None:
            self.results_tab.heading.setText(
                self.tr(
                    "Resident {id}: {n} screenings, newest first (this view is audited)"
                ).format(id=resident_id, n=len(rows))
            )
            self.results_tab.set_rows(rows)
            self.pane.show_tab(self.results_tab)

        self.read_for(
            who,
            lambda: svc.results(who, resident_id),
            shown,
            self.tr("Could not read the results"),
        )

    def _on_due(self, by: date, rows: list[DueRow]) -> None:
        self.due_tab.heading.setText(due_heading(by, len(rows)))
        self.due_tab.set_rows(rows)

    def _on_licences(self, rows: list[LicenceRow]) -> None:
        self.licences_tab.heading.setText(
            self.tr("Built in: PHQ-2, PHQ-9, GAD-2, GAD-7, GDS-15. Registered with a licence:")
        )
        self.licences_tab.set_rows(rows)

    # --- counselling ----------------------------------------------------------------------
    def _load_appointments(self, who: Principal) -> None:
        c = self.ctx.services.counselling
        start = self.ctx.services.ctx.clock() - timedelta(hours=2)
        end = start + timedelta(days=7)
        self.read_for(
            who,
            lambda: c.appointments(who, start, end),
            self.counselling_tab.set_appointments,
            self.tr("Could not read the appointments"),
        )

    @Slot(int)
    def _on_record_requested(self, resident_id: int) -> None:
        """Open a person's counselling record (the read is audited)."""
        who = self.who
        if who is None or not who.can(Permission.COUNSEL):
            return
        self._record_of = resident_id
        plan = self.start_tab.plan_shown
        name = plan.name if plan is not None and plan.resident_id == resident_id else ""
        self.counselling_tab.set_person(
            self.tr("{name} (resident {id}): counselling record, opened by you (audited)").format(
                name=name, id=resident_id
            )
        )
        c = self.ctx.services.counselling

        def shown(record: tuple[list[ContactRow], list[ReferralRow]]) -> None:
            if self._record_of == resident_id:
                self.counselling_tab.set_record(*record)
                self.pane.show_tab(self.counselling_tab)

        self.read_for(
            who, lambda: c.record(who, resident_id), shown, self.tr("Could not read the record")
        )

    def _open_form(self, what: str, referral_id: int | None = None) -> None:
        who, person = self.who, self._record_of
        if who is None or (person is None and what != CounsellingForm.CONTACT):
            return
        if self.form is not None:
            self.form.raise_()
            return
        form = CounsellingForm(what, self.ctx.services.ctx.clock(), parent=self.ctx.window)
        self.ctx.dialogs.register(form)
        form.accepted.connect(lambda: self._on_form(who, form, person, referral_id))
        form.finished.connect(self._on_form_closed)
        self.form = form
        form.open()

    @Slot(int)
    def _on_form_closed(self, _code: int) -> None:
        if self.form is not None:
            self.form.deleteLater()
            self.form = None

    def _on_form(
        self, who: Principal, form: CounsellingForm, person: int | None, referral_id: int | None
    ) -> None:
        v = form.values()
        c = self.ctx.services.counselling
        job: Callable[[], object]
        if form.what == CounsellingForm.BOOK and person is not None and v.at is not None:
            at = v.at
            job = lambda: c.book(who, person, v.kind, at, v.minutes, v.text)  # noqa: E731
        elif form.what == CounsellingForm.CONTACT and v.at is not None:
            session = v.kind == ContactKind.EDUCATION
            draft = ContactDraft(
                str(uuid.uuid4()),
                v.kind,
                v.at,
                v.minutes,
                v.text,
                v.note,
                None if session else person,
                self._community_of_person(),
                v.attendees if session else 1,
            )
            job = lambda: c.record_contact(who, draft)  # noqa: E731
        elif form.what == CounsellingForm.REFER and person is not None:
            job = lambda: c.refer(who, person, v.kind, v.text, v.note)  # noqa: E731
        elif form.what == CounsellingForm.OUTCOME and referral_id is not None:
            job = lambda: c.referral_outcome(who, referral_id, v.kind, v.note)  # noqa: E731
        else:
            return
        self._counselling_write(job)

    def _community_of_person(self) -> str:
        plan = self.start_tab.plan_shown
        if plan is not None:
            return plan.community
        return next(iter(sorted(self.who.communities or [])), "") if self.who else ""

    def _counselling_write(self, job: Callable[[], object]) -> None:
        def done(_result: object) -> None:
            self.ctx.window.show_message(self.tr("Saved"), 4000)
            who = self.who
            if who is not None:
                self._load_appointments(who)
            if self._record_of is not None:
                self._on_record_requested(self._record_of)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ScreeningError):
                self.ctx.feedback.notify(
                    Level.WARNING, self.tr("Not saved: {why}").format(why=str(exc))
                )
                return
            self.ctx.feedback.report(exc, self.tr("Could not save the counselling record"))

        self.ctx.jobs.write(job, done, failed, "counselling")

    @Slot(int, str)
    def _on_appointment_step(self, appointment_id: int, status: str) -> None:
        who = self.who
        if who is not None:
            c = self.ctx.services.counselling
            self._counselling_write(lambda: c.set_appointment(who, appointment_id, status))

    @Slot(int)
    def _on_read_note(self, contact_id: int) -> None:
        who = self.who
        if who is None:
            return
        c = self.ctx.services.counselling
        self.read_for(
            who,
            lambda: c.note(who, contact_id),
            lambda text: self.ctx.dialogs.inform(
                self.tr("Note of contact {id}").format(id=contact_id),
                text or self.tr("(no note)"),
            ),
            self.tr("Could not read the note"),
        )

    @Slot(int)
    def _on_read_referral(self, referral_id: int) -> None:
        who = self.who
        if who is None:
            return
        c = self.ctx.services.counselling

        def shown(texts: tuple[str, str]) -> None:
            reason, outcome = texts
            self.ctx.dialogs.inform(
                self.tr("Referral {id}").format(id=referral_id),
                self.tr("Reason: {reason}\n\nOutcome: {outcome}").format(
                    reason=reason, outcome=outcome or self.tr("not yet recorded")
                ),
            )

        self.read_for(
            who,
            lambda: c.referral_text(who, referral_id),
            shown,
            self.tr("Could not read the referral"),
        )
