"""Employment: job seekers and their matches, postings, employers, referrals, retention calls."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QTabWidget

from console.presenters.base import Presenter, PresenterContext
from console.shell.panes import Area, PaneSpec
from core.consent import ConsentMissing
from core.employment import EmploymentError, PostingStatus, Stage
from core.employment_views import EmployerRow, MatchRow, Page, PostingRow, SeekerRow
from core.events import ChangesAvailable
from core.permissions import Permission, PermissionDenied, Principal
from core.site import SiteSpec
from core.timefmt import local
from core.views import PersonChoice
from data.services.employment import EmployerExists
from widgets.employment import (
    ActionTab,
    EmployersTab,
    FiguresLabel,
    MatchesTab,
    PostingsTab,
    ReferralsTab,
    RetentionTab,
    SeekersTab,
    label,
)
from widgets.employment_dialogs import (
    DatedNoteDialog,
    EmployerDialog,
    FormDialog,
    PostingDialog,
    RefusalDialog,
    RetentionDialog,
    SeekerDialog,
    TrainingDialog,
)
from widgets.notifications import Level
from widgets.service_pane import TabbedPane
from widgets.visibility import in_view

PERM = Permission.MANAGE_EMPLOYMENT
TABLES = frozenset(
    {
        "employer",
        "employer_visit",
        "job_posting",
        "job_seeker",
        "job_training",
        "job_referral",
        "job_retention_check",
        "consent",  # a JOBS consent recorded or withdrawn changes who is matched
    }
)
# The Retention tab lists every call not yet made within this many days: a hire's two calls
# (3 and 6 months on) are both in view from the day of the hire.
RETENTION_AHEAD_DAYS = 200


def _centres(site: SiteSpec | None) -> dict[str, tuple[float, float]]:
    """Each community's centre as latitude and longitude; empty without a GPS calibration."""
    if site is None or site.geo is None:
        return {}
    try:
        to_latlon = site.geo.transform().to_latlon
        return {c.code: to_latlon(c.centre.x, c.centre.y) for c in site.communities}
    except (ValueError, ArithmeticError):
        return {}


class EmploymentPresenter(Presenter):
    """Owns the Employment pane; reads only while the pane is shown (and once on showing)."""

    name = "employment"
    watches = TABLES

    def __init__(self, ctx: PresenterContext, site: SiteSpec | None = None):
        super().__init__(ctx)
        self.site = site
        self._centres = _centres(site)  # fitted once: each pick of a resident asks again
        self.pane = TabbedPane(ctx.window)
        self.seekers_tab = SeekersTab()
        self.matches_tab = MatchesTab()
        self.postings_tab = PostingsTab()
        self.employers_tab = EmployersTab()
        self.referrals_tab = ReferralsTab()
        self.retention_tab = RetentionTab()
        self.figures_label = FiguresLabel()  # said again in the new language on a switch
        self.pane.add_tab(self.seekers_tab, lambda: self.tr("Seekers"))
        self.pane.add_tab(self.matches_tab, lambda: self.tr("Matches"))
        self.pane.add_tab(self.postings_tab, lambda: self.tr("Postings"))
        self.pane.add_tab(self.employers_tab, lambda: self.tr("Employers"))
        self.pane.add_tab(self.referrals_tab, lambda: self.tr("Referrals"))
        self.pane.add_tab(self.retention_tab, lambda: self.tr("Retention"))
        self.pane.add_tab(self.figures_label, lambda: self.tr("Figures"))
        self.dock = ctx.window.add_pane(
            PaneSpec(
                "employment",
                lambda: self.tr("Employment"),
                self.pane,
                Area.TOP_RIGHT,
                order=95,
                shortcut="Ctrl+Shift+J",
                permission=PERM,
            )
        )
        self.pane.sig_shown.connect(self._on_pane_shown)
        self.pane.installEventFilter(self)  # the empty states follow a language switch
        self.dialog: FormDialog | None = None
        self._allowed = False
        self._stale = True
        # Whose matches the Matches tab shows: ("seeker" or "posting", its id).
        self._matches_of: tuple[str, int] | None = None
        s = self.seekers_tab
        s.sig_register.connect(self._on_register)
        s.sig_edit.connect(self._on_edit_seeker)
        s.sig_training.connect(self._on_training)
        s.sig_matches.connect(self._on_matches_requested)
        self.matches_tab.sig_refer.connect(self._on_refer)
        self.postings_tab.sig_new.connect(self._on_new_posting)
        self.postings_tab.sig_edit.connect(self._on_edit_posting)
        self.postings_tab.sig_seekers.connect(self._on_posting_seekers)
        self.postings_tab.sig_status.connect(self._on_posting_status)
        self.employers_tab.sig_new.connect(self._on_new_employer)
        self.employers_tab.sig_edit.connect(self._on_edit_employer)
        self.employers_tab.sig_visit.connect(self._on_visit)
        r = self.referrals_tab
        r.sig_step.connect(self._on_step)
        r.sig_refused.connect(self._on_refused)
        r.sig_confirmed.connect(self._on_confirmed)
        self.retention_tab.sig_check.connect(self._on_check)
        self._empty_texts()

    @property
    def tabs(self) -> tuple[ActionTab, ...]:
        return (
            self.seekers_tab,
            self.matches_tab,
            self.postings_tab,
            self.employers_tab,
            self.referrals_tab,
            self.retention_tab,
        )

    # --- lifecycle ------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        self._allowed = who.can(PERM)
        for tab in self.tabs:
            tab.set_allowed(self._allowed)
        self._empty_texts()
        self.figures_label.set_text_of(None if self._allowed else self._not_allowed_text)
        self._stale = True
        self.reload()

    def signed_out(self) -> None:
        self._close_dialog()
        for tab in self.tabs:
            tab.set_rows([])
            tab.set_heading(None)
        self.figures_label.set_text_of(None)
        self._matches_of = None
        self._allowed = False

    def on_changes(self, changes: ChangesAvailable) -> None:
        if changes.tables & TABLES:
            self._stale = True
            self.reload()

    def reload(self) -> None:
        """Re-read every tab, if the pane is shown; later otherwise."""
        who = self.who
        if who is None or not who.can(PERM):
            return
        if not in_view(self.pane):
            self._stale = True
            return
        self._stale = False
        svc = self.ctx.services.employment
        today = self._today()
        self.read_for(
            who,
            lambda: svc.seekers(who),
            lambda rows: self._shown(self.seekers_tab, rows),
            self.tr("Could not read the job seekers"),
        )
        self.read_for(
            who,
            lambda: svc.postings(who),
            lambda rows: self._shown(self.postings_tab, rows),
            self.tr("Could not read the postings"),
        )
        self.read_for(
            who,
            lambda: svc.employers(who),
            lambda rows: self._shown(self.employers_tab, rows),
            self.tr("Could not read the employers"),
        )
        self.read_for(
            who,
            lambda: svc.referrals(who),
            lambda rows: self._shown(self.referrals_tab, rows),
            self.tr("Could not read the referrals"),
        )
        by = today + timedelta(days=RETENTION_AHEAD_DAYS)
        self.read_for(
            who,
            lambda: svc.retention_due(who, by),
            lambda rows: self._on_retention(by, rows),
            self.tr("Could not read the follow-up calls"),
        )
        start = today.replace(month=1, day=1)
        self.read_for(
            who,
            lambda: svc.figures(who, start, today),
            self.figures_label.set_figures,
            self.tr("Could not read the figures"),
        )
        if self._matches_of is not None:
            self._read_matches(who, *self._matches_of, show=False)

    def _on_pane_shown(self) -> None:
        if self._stale:
            self.reload()

    def place_in(self, tabs: QTabWidget) -> None:
        """Show the pane as a tab of a community station's screen (its one window)."""
        self.pane.place_in(tabs, lambda: self.tr("Employment"))

    def shutdown(self) -> None:
        self._close_dialog()

    def _today(self) -> date:
        return local(self.ctx.services.ctx.clock(), self.ctx.zone).date()

    def _shown(self, tab: ActionTab, rows: Page[Any]) -> None:
        tab.set_rows(rows)
        # Headings given as functions are said again in the new language on a switch.
        n = len(rows)
        if rows.truncated:
            tab.set_heading(
                lambda: self.tr("Only the first {n} are shown; the rest are not listed.").format(
                    n=n
                )
            )
        elif tab is not self.matches_tab:
            tab.set_heading(lambda: self.tr("{n} shown").format(n=n) if n else "")

    def _on_retention(self, by: date, rows: Page[Any]) -> None:
        self.retention_tab.set_rows(rows)
        n = len(rows)
        self.retention_tab.set_heading(
            lambda: self.tr("Follow-up calls not yet made, due by {day}: {n}").format(
                day=by.isoformat(), n=n
            )
        )

    def _not_allowed_text(self) -> str:
        return self.tr(
            "The employment service is run by the community stations (for their own "
            "community), supervisors and administrators."
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.pane and event.type() == QEvent.Type.LanguageChange:
            self._empty_texts()
        return False

    def _empty_texts(self) -> None:
        if not self._allowed:
            for tab in self.tabs:
                tab.empty.set_texts(
                    "⊘", self.tr("Not available to this role"), self._not_allowed_text()
                )
            return
        self.seekers_tab.empty.set_texts(
            "∅",
            self.tr("No job seekers yet"),
            self.tr(
                "Register a resident who is looking for work. They are matched only once a "
                "consent to job matching is recorded for them (Residents)."
            ),
        )
        self.matches_tab.empty.set_texts(
            "∅",
            self.tr("No matches shown"),
            self.tr("Pick a seeker on the Seekers tab and press Matches."),
        )
        self.postings_tab.empty.set_texts(
            "∅", self.tr("No postings"), self.tr("Register an employer first, then its posts.")
        )
        self.employers_tab.empty.set_texts(
            "∅",
            self.tr("No employers"),
            self.tr("An employer takes referrals once it is verified (papers and premises)."),
        )
        self.referrals_tab.empty.set_texts(
            "∅", self.tr("No referrals"), self.tr("Refer a seeker from the Matches tab.")
        )
        self.retention_tab.empty.set_texts(
            "✓",
            self.tr("No follow-up calls due"),
            self.tr("Each hire books two calls, three and six months on."),
        )

    # --- dialogs and writes ---------------------------------------------------------------
    def _open(self, dialog: FormDialog, on_submit: Callable[[], None]) -> None:
        """Show a form; OK calls `on_submit`, which answers with the form's saved or refused."""
        self._close_dialog()
        self.ctx.dialogs.register(dialog)
        dialog.sig_submit.connect(on_submit)
        dialog.finished.connect(self._on_dialog_closed)
        self.dialog = dialog
        dialog.open()

    @Slot(int)
    def _on_dialog_closed(self, _code: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.done(0)

    def _why(self, exc: BaseException) -> str | None:
        """Why an expected refusal happened, in words; None for anything else."""
        if isinstance(exc, EmploymentError):
            return label(exc.code)
        if isinstance(exc, EmployerExists):
            return self.tr("an employer with this credit code is registered already")
        if isinstance(exc, PermissionDenied | ConsentMissing | LookupError):
            return str(exc)
        return None

    def _refuse(self, form: FormDialog | None, why: str) -> None:
        """Say why in the open form (which keeps what was typed), else as a notice."""
        if form is not None and form is self.dialog:
            form.refused(why)
        else:
            self.ctx.feedback.notify(Level.WARNING, self.tr("Not saved: {why}").format(why=why))

    def _write(
        self,
        job: Callable[[], object],
        what: str,
        then: Callable[[Any], None] | None = None,
        form: FormDialog | None = None,
        *,
        close: bool = True,
    ) -> None:
        """Save off the GUI thread; the form closes when it went through (unless `close` is
        False) and stays, saying why, when the rules refused it."""

        def done(result: object) -> None:
            self.ctx.window.show_message(self.tr("Saved"), 4000)
            if form is not None and close and form is self.dialog:
                form.saved()
            if then is not None:
                then(result)
            self._stale = True
            self.reload()

        def failed(exc: BaseException) -> None:
            why = self._why(exc)
            if why is not None:
                self._refuse(form, why)
                return
            self.ctx.feedback.report(exc, what)
            if form is not None and form is self.dialog:
                form.refused(what)

        self.ctx.jobs.write(job, done, failed, "employment")

    def _build(self, make: Callable[[], Any], form: FormDialog) -> Any:
        """A form's value as core builds it; None (the form saying why) when the rules refuse."""
        try:
            return make()
        except EmploymentError as exc:
            self._refuse(form, label(exc.code))
            return None

    # --- seekers and matches --------------------------------------------------------------
    def home_of(self, community: str) -> tuple[float, float] | None:
        """A community's centre as latitude and longitude, by the site's GPS calibration;
        None without one (then the place is typed)."""
        return self._centres.get(community)

    def _home(self) -> tuple[float, float]:
        """Where a new place starts: the user's community's centre, the picked seeker's home,
        a posting's place, or (0, 0) when nothing is known."""
        who = self.who
        if who is not None and who.communities:
            home = self.home_of(sorted(who.communities)[0])
            if home is not None:
                return home
        picked: SeekerRow | None = self.seekers_tab.selected()
        if picked is not None:
            return picked.lat, picked.lon
        postings = self.postings_tab.model.rows()
        if postings:
            return postings[0].lat, postings[0].lon
        if self.site is not None and self.site.communities:
            home = self.home_of(self.site.communities[0].code)
            if home is not None:
                return home
        return 0.0, 0.0

    @Slot()
    def _on_register(self) -> None:
        self._seeker_form(None)

    @Slot(int)
    def _on_edit_seeker(self, seeker_id: int) -> None:
        row = self.seekers_tab.model.row_for(seeker_id)
        if row is not None:
            self._seeker_form(row)

    def _seeker_form(self, row: SeekerRow | None) -> None:
        who = self.who
        if who is None or not who.can(PERM):
            return
        dialog = SeekerDialog(row, self._home(), parent=self.ctx.window, home_of=self.home_of)
        svc = self.ctx.services.employment

        def search(text: str) -> None:
            def found(rows: list[PersonChoice]) -> None:
                # Two readers: an older, slower search must not replace the newer one.
                if self.dialog is dialog and dialog.search.text() == text:
                    seekers = {r.resident_id for r in self.seekers_tab.model.rows()}
                    dialog.set_found(rows, seekers)

            self.read_for(
                who,
                lambda: svc.find_residents(who, text),
                found,
                self.tr("Could not search the residents"),
            )

        dialog.sig_search.connect(search)

        def ok() -> None:
            seeker = self._build(dialog.seeker, dialog)
            if seeker is not None:
                self._write(
                    lambda: svc.save_seeker(who, seeker),
                    self.tr("Could not save the seeker"),
                    form=dialog,
                )

        self._open(dialog, ok)
        if row is None:
            dialog.search.setFocus()

    @Slot(int)
    def _on_training(self, seeker_id: int) -> None:
        who = self.who
        row = self.seekers_tab.model.row_for(seeker_id)
        if who is None or row is None or not who.can(PERM):
            return
        dialog = TrainingDialog(row, self._today(), parent=self.ctx.window)
        svc = self.ctx.services.employment

        def listed(updated: SeekerRow) -> None:
            if self.dialog is dialog:
                dialog.added(updated)

        def completed(updated: SeekerRow) -> None:
            if self.dialog is dialog:
                dialog.set_courses_after_save(updated)  # a new course being typed stays

        def add() -> None:
            record = dialog.record()
            self._write(
                lambda: svc.add_training(who, seeker_id, record),
                self.tr("Could not add the course"),
                listed,
                form=dialog,
                close=False,
            )

        def complete(training_id: int) -> None:
            today = self._today()
            self._write(
                lambda: svc.complete_training(who, training_id, today),
                self.tr("Could not mark the course completed"),
                completed,
                form=dialog,
                close=False,
            )

        dialog.sig_complete.connect(complete)
        self._open(dialog, add)

    @Slot(int)
    def _on_matches_requested(self, seeker_id: int) -> None:
        who = self.who
        if who is not None and who.can(PERM):
            self._matches_of = ("seeker", seeker_id)
            self._read_matches(who, "seeker", seeker_id, show=True)

    @Slot(int)
    def _on_posting_seekers(self, posting_id: int) -> None:
        who = self.who
        if who is not None and who.can(PERM):
            self._matches_of = ("posting", posting_id)
            self._read_matches(who, "posting", posting_id, show=True)

    def _read_matches(self, who: Principal, kind: str, key: int, *, show: bool) -> None:
        if kind == "posting":
            self._read_posting_matches(who, key, show=show)
            return
        svc = self.ctx.services.employment

        def shown(found: tuple[SeekerRow, list[MatchRow]]) -> None:
            seeker, rows = found
            if self._matches_of != (kind, key):
                return
            tab = self.matches_tab
            if not seeker.consent:
                text = self.tr(
                    "{name} has no consent to job matching in force: not matched and not "
                    "referred. Record a jobs consent in Residents first."
                ).format(name=seeker.name)
                tab.empty.set_texts("⊘", self.tr("No consent to job matching"), text)
            else:
                text = self.tr("{name}: {n} matching open postings, best first").format(
                    name=seeker.name, n=len(rows)
                )
                tab.empty.set_texts(
                    "∅",
                    self.tr("No matching posting"),
                    self.tr("No open posting fits this seeker's hours, shift, place and needs."),
                )
            tab.heading.setText(text)
            tab.set_rows(rows)
            if show:
                self.pane.show_tab(tab)

        self.read_for(
            who,
            lambda: (svc.seeker(who, key), svc.matches_for_seeker(who, key)),
            shown,
            self.tr("Could not read the matches"),
        )

    def _read_posting_matches(self, who: Principal, posting_id: int, *, show: bool) -> None:
        svc = self.ctx.services.employment
        posting: PostingRow | None = self.postings_tab.model.row_for(posting_id)
        title = posting.title if posting else f"#{posting_id}"

        def shown(rows: list[MatchRow]) -> None:
            if self._matches_of != ("posting", posting_id):
                return
            tab = self.matches_tab
            tab.heading.setText(
                self.tr("“{title}”: {n} matching seekers with consent, best first").format(
                    title=title, n=len(rows)
                )
            )
            tab.empty.set_texts(
                "∅",
                self.tr("No matching seeker"),
                self.tr(
                    "No consenting seeker fits this posting, or it takes no referrals (not "
                    "open, or its employer is not verified)."
                ),
            )
            tab.set_rows(rows)
            if show:
                self.pane.show_tab(tab)

        self.read_for(
            who,
            lambda: svc.matches_for_posting(who, posting_id),
            shown,
            self.tr("Could not read the matches"),
        )

    @Slot(int, int)
    def _on_refer(self, seeker_id: int, posting_id: int) -> None:
        """Refer after the counsellor confirms: the signed-in user approves it."""
        who = self.who
        match = self.matches_tab.model.row_for((seeker_id, posting_id))
        if who is None or match is None:
            return
        svc = self.ctx.services.employment

        def refer() -> None:
            self._write(
                lambda: svc.refer(who, seeker_id, posting_id),
                self.tr("Could not refer the seeker"),
                lambda _row: self.pane.show_tab(self.referrals_tab),
            )

        self.ctx.dialogs.confirm(
            self.tr("Refer to a posting"),
            self.tr(
                "Refer {seeker} to “{title}” at {employer}? You approve the referral as "
                "the counsellor."
            ).format(seeker=match.seeker, title=match.title, employer=match.employer),
            refer,
        )

    # --- postings and employers -----------------------------------------------------------
    @Slot()
    def _on_new_posting(self) -> None:
        self._posting_form(None)

    @Slot(int)
    def _on_edit_posting(self, posting_id: int) -> None:
        row = self.postings_tab.model.row_for(posting_id)
        if row is not None:
            self._posting_form(row)

    def _posting_form(self, row: PostingRow | None) -> None:
        who = self.who
        if who is None or not who.can(PERM):
            return
        employers = self.employers_tab.model.rows()
        if not employers:
            self.ctx.feedback.notify(
                Level.WARNING, self.tr("Register the employer first (Employers tab).")
            )
            return
        dialog = PostingDialog(employers, self._home(), parent=self.ctx.window, row=row)
        svc = self.ctx.services.employment

        def ok() -> None:
            posting = self._build(dialog.posting, dialog)
            if posting is not None:
                keep = row is not None  # its state moves with Open/Filled/Closed only
                self._write(
                    lambda: svc.save_posting(who, posting, keep_status=keep),
                    self.tr("Could not save the posting"),
                    form=dialog,
                )

        self._open(dialog, ok)

    @Slot(int, str)
    def _on_posting_status(self, posting_id: int, status: str) -> None:
        who = self.who
        if who is not None:
            svc = self.ctx.services.employment
            self._write(
                lambda: svc.set_posting_status(who, posting_id, PostingStatus(status)),
                self.tr("Could not change the posting"),
            )

    @Slot()
    def _on_new_employer(self) -> None:
        self._employer_form(None)

    @Slot(int)
    def _on_edit_employer(self, employer_id: int) -> None:
        row = self.employers_tab.model.row_for(employer_id)
        if row is not None:
            self._employer_form(row)

    def _employer_form(self, row: EmployerRow | None) -> None:
        who = self.who
        if who is None or not who.can(PERM):
            return
        if who.communities is None:
            site = [c.code for c in self.site.communities] if self.site is not None else []
            known = site or sorted({r.community for r in self.seekers_tab.model.rows()})
            dialog = EmployerDialog(known, True, self.ctx.window, row, self._home())
        else:
            mine = sorted(who.communities)
            dialog = EmployerDialog(mine, False, self.ctx.window, row, self._home())
        svc = self.ctx.services.employment

        def ok() -> None:
            draft = dialog.draft()
            self._write(
                lambda: svc.save_employer(who, draft),
                self.tr("Could not save the employer"),
                form=dialog,
            )

        self._open(dialog, ok)

    @Slot(int)
    def _on_visit(self, employer_id: int) -> None:
        who = self.who
        if who is None:
            return
        dialog = DatedNoteDialog(DatedNoteDialog.VISIT, self._today(), parent=self.ctx.window)
        svc = self.ctx.services.employment

        def ok() -> None:
            on, note = dialog.values()
            self._write(
                lambda: svc.record_visit(who, employer_id, on, note),
                self.tr("Could not record the visit"),
                form=dialog,
            )

        self._open(dialog, ok)

    # --- referrals and retention ----------------------------------------------------------
    @Slot(int, str)
    def _on_step(self, referral_id: int, stage: str) -> None:
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.employment
        today = self._today()

        def step() -> None:
            self._write(
                lambda: svc.advance(who, referral_id, Stage(stage), today),
                self.tr("Could not move the referral on"),
            )

        if Stage(stage) is not Stage.HIRED:
            step()
            return
        # Hired is final (no refusal after it, retention calls booked): asked first, as a
        # referral is, rather than taken on one click.
        self.ctx.dialogs.confirm(
            self.tr("Hired"),
            self.tr(
                "Record that the seeker of referral {id} has started work? This cannot be "
                "undone; follow-up calls at 3 and 6 months are booked."
            ).format(id=referral_id),
            step,
        )

    @Slot(int)
    def _on_refused(self, referral_id: int) -> None:
        who = self.who
        if who is None:
            return
        dialog = RefusalDialog(self._today(), parent=self.ctx.window)
        svc = self.ctx.services.employment

        def ok() -> None:
            on, by, reason, note = dialog.values()
            self._write(
                lambda: svc.advance(who, referral_id, Stage.REFUSED, on, by, reason, note),
                self.tr("Could not record the refusal"),
                form=dialog,
            )

        self._open(dialog, ok)

    @Slot(int)
    def _on_confirmed(self, referral_id: int) -> None:
        who = self.who
        if who is None:
            return
        dialog = DatedNoteDialog(DatedNoteDialog.CONFIRM, self._today(), parent=self.ctx.window)
        svc = self.ctx.services.employment

        def ok() -> None:
            on, _note = dialog.values()
            self._write(
                lambda: svc.confirm_placement(who, referral_id, on),
                self.tr("Could not record the confirmation"),
                form=dialog,
            )

        self._open(dialog, ok)

    @Slot(int)
    def _on_check(self, check_id: int) -> None:
        who = self.who
        row = self.retention_tab.model.row_for(check_id)
        if who is None or row is None:
            return
        dialog = RetentionDialog(row.seeker, self._today(), parent=self.ctx.window)
        svc = self.ctx.services.employment

        def ok() -> None:
            still, on, note = dialog.values()
            self._write(
                lambda: svc.record_retention(who, check_id, still, note, on),
                self.tr("Could not record the call"),
                form=dialog,
            )

        self._open(dialog, ok)
