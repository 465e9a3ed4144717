"""The surveys capability: forms authored and published, rounds, paper entry, phone surveys."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QDialog

from console.presenters.base import Presenter, PresenterContext
from console.shell.panes import Area, PaneSpec
from console.survey_slips import load_slip_key
from core.business import BusinessRow
from core.events import ChangesAvailable
from core.keys import KeyFileError
from core.permissions import Principal
from core.personal import PersonalField, ResidentRow, revealing
from core.personal import Purpose as RevealPurpose
from core.survey import FormFileError, load_form, validate
from core.survey_slip import PREFIX as SLIP_PREFIX
from core.survey_slip import Slip, SlipError
from core.survey_slip import verify as verify_slip
from core.survey_take import SurveySubmission
from core.survey_views import CallListRow, FormRow, PublishedForm, RoundRow
from core.views import CommunityRow
from data.services import survey_lists
from data.services.businesses import BusinessService
from data.services.surveys import (
    AUTHOR,
    READ,
    TAKE,
    AlreadyAnswered,
    AnswersRefused,
    BusinessAnswered,
    FormRefused,
    SubmitResult,
)
from widgets.notifications import Level
from widgets.survey_entry import EntryRound, SurveyEntryDialog
from widgets.survey_rounds import NewRound, NewRoundDialog
from widgets.surveys import ROUNDS_TAB, SurveysWidget
from widgets.visibility import in_view

log = logging.getLogger(__name__)

CALL_LIST_QUIET_MS = 10_000  # changes from elsewhere re-read the call list at most this often
CALL_LIST = 500  # people of a round's call list shown at a time (the count says how many more)
MASK = "*"

Submit = Callable[[SurveySubmission], SubmitResult]
"""Takes one response (on the writer thread): SurveyService.submit for the signed-in user."""

Loaded = tuple[list[FormRow], list[RoundRow], list[CommunityRow]]


class SurveysPresenter(Presenter):
    """Owns the surveys pane and its dialogs; the service decides, writes and audits.

    `dial_hook(number) -> bool`: places a call on this workstation's line (the calls pane's);
    None or False: the phone-survey dialog shows the number to dial by hand.
    """

    name = "surveys"
    watches = frozenset({"survey_form", "survey_round", "survey_response"})

    def __init__(self, ctx: PresenterContext, submit: Submit | None = None):
        super().__init__(ctx)
        self.pane = SurveysWidget()
        self.editor = self.pane.editor
        self.rounds = self.pane.rounds
        self.submit: Submit = submit or self._submit_to_service
        self.dial_hook: Callable[[str], bool] | None = None
        # Rings a resident whose number this role sees masked (resident id, reason, done).
        self.dial_resident_hook: Callable[[int, str, Callable[[bool], None]], None] | None = None
        self.communities: list[CommunityRow] = []
        self.entry: SurveyEntryDialog | None = None  # the open paper or phone dialog
        self.new_round: NewRoundDialog | None = None
        self._calling: set[tuple[str, int]] = set()  # (round, person) handed out this session
        self._call_rows: dict[str, list[CallListRow]] = {}
        # Rounds of businesses: their call list and entries name businesses, not people.
        self._business_rounds: set[str] = set()
        self.businesses = BusinessService(ctx.services.ctx)
        self._call_list_timer = QTimer(self)
        self._call_list_timer.setSingleShot(True)
        self._call_list_timer.setInterval(CALL_LIST_QUIET_MS)
        self._call_list_timer.timeout.connect(self._on_view_changed)
        ctx.window.add_pane(
            PaneSpec(
                "surveys",
                lambda: self.tr("Surveys"),
                self.pane,
                # The large area, behind the video wall: the queue keeps its place alone.
                Area.TOP_RIGHT,
                order=85,
                shortcut="Ctrl+Shift+U",
            )
        )
        e, r = self.editor, self.rounds
        e.sig_form_selected.connect(self._on_form_selected)
        e.confirm_discard = self._confirm_discard
        e.sig_save_requested.connect(self._on_save_requested)
        e.sig_publish_requested.connect(self._on_publish_requested)
        r.sig_round_selected.connect(self._on_round_selected)
        r.sig_new_round_requested.connect(self.open_new_round)
        r.sig_close_requested.connect(self._on_close_requested)
        r.sig_paper_requested.connect(self.open_paper_entry)
        r.sig_call_next_requested.connect(self.call_next)
        r.sig_call_requested.connect(self.call)
        # The call list is a read of personal data (audited): read only when looked at.
        self.pane.tabs.currentChanged.connect(self._on_view_changed)
        ctx.window.panes["surveys"].dock.visibilityChanged.connect(self._on_view_changed)

    # --- lifecycle ------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        self._apply_rights(who)
        self.reload()

    def signed_out(self) -> None:
        self._call_list_timer.stop()
        self._close_dialogs()
        self.editor.set_forms([])
        self.editor.start_new()
        self.rounds.clear()
        self._calling.clear()
        self._call_rows.clear()

    def shutdown(self) -> None:
        self._call_list_timer.stop()

    def locked(self) -> None:
        # A phone or paper dialog shows a person and their answers: not over a locked screen.
        self._close_dialogs()

    def on_changes(self, changes: ChangesAvailable) -> None:
        self._load(call_list=False)
        # Responses from twenty stations must not each re-read (and audit) the call list:
        # one read when the burst has passed.
        if not self._call_list_timer.isActive():
            self._call_list_timer.start()

    def _apply_rights(self, who: Principal) -> None:
        self.editor.set_can_author(who.can(AUTHOR))
        self.rounds.set_rights(author=who.can(AUTHOR), take=who.can(TAKE), read=who.can(READ))

    def _close_dialogs(self) -> None:
        if self.entry is not None:
            self.entry.discard()  # finished: forgotten and deleted (_on_dialog_finished)
        if self.new_round is not None:
            self.new_round.reject()
        self.entry = self.new_round = None

    def _on_dialog_finished(self, dlg: QDialog) -> None:
        """A dialog closed: results still on their way for it find it gone and are dropped."""
        if self.entry is dlg:
            self.entry = None
        if self.new_round is dlg:
            self.new_round = None
        dlg.deleteLater()

    # --- lists ------------------------------------------------------------------------------
    def reload(self) -> None:
        self._load(call_list=True)

    def _load(self, *, call_list: bool) -> None:
        who = self.who
        if who is None or not who.can(READ):
            return
        services = self.ctx.services

        def job() -> Loaded:
            return (
                survey_lists.forms(services.surveys, who),
                survey_lists.rounds(services.surveys, who),
                services.site.communities(who),
            )

        self.read_for(
            who,
            job,
            lambda loaded: self._on_loaded(loaded, call_list),
            self.tr("Could not load the surveys"),
        )

    def _on_loaded(self, result: Loaded, call_list: bool) -> None:
        forms, rounds, communities = result
        self.communities = communities
        self.editor.set_forms(forms)
        self.rounds.set_rounds(rounds)
        if call_list:
            self._on_view_changed()

    def _rounds_shown(self) -> bool:
        return in_view(self.pane) and self.pane.tabs.currentIndex() == ROUNDS_TAB

    @Slot()
    def _on_view_changed(self) -> None:
        code = self.rounds.selected_code()
        if code and self._rounds_shown():
            self._load_call_list(code)

    # --- forms ------------------------------------------------------------------------------
    @Slot(str)
    def _on_form_selected(self, code: str) -> None:
        who = self.who
        if who is None:
            return
        surveys = self.ctx.services.surveys
        self.read_for(
            who,
            lambda: surveys.form(code),
            lambda found: self.editor.load(code, found[1], found[0], found[2], found[3]),
            self.tr("Could not open the form"),
        )

    def _confirm_discard(self, go: Callable[[], None], cancel: Callable[[], None] | None) -> None:
        self.ctx.dialogs.confirm(
            self.tr("Unsaved changes"),
            self.tr("Drop the changes to the form in the editor? They were not saved."),
            go,
            on_no=cancel,
        )

    @Slot(str, str, str)
    def _on_save_requested(self, code: str, title: str, source: str) -> None:
        who = self.who
        if who is None:
            return
        surveys = self.ctx.services.surveys
        next_version = self.editor.published
        self.ctx.jobs.write(
            lambda: surveys.save_draft(who, code, title, source),
            lambda v: self._on_saved(code, v, next_version),
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not save the form")),
            "survey_save",
        )

    def _on_saved(self, code: str, version: int, next_version: bool) -> None:
        self.editor.saved_as(version)
        text = (
            self.tr("Form {code} saved as the new draft version {v}.")
            if next_version
            else self.tr("Form {code} version {v} saved as a draft.")
        )
        self.ctx.feedback.message(text.format(code=code, v=version))
        self.reload()

    @Slot(str, str, str)
    def _on_publish_requested(self, code: str, title: str, source: str) -> None:
        who = self.who
        if who is None:
            return
        if self.editor.published and self.editor.saved:
            self.ctx.dialogs.inform(
                self.tr("Publish"),
                self.tr("Version {v} of {code} is published already.").format(
                    v=self.editor.version, code=code
                ),
            )
            return
        problems = self.editor.current_problems()
        if problems:
            self._refuse_publish(code, problems)
            return
        version = self.editor.form().version
        self.ctx.dialogs.confirm(
            self.tr("Publish"),
            self.tr(
                "Publish {code} version {v}? A published version is frozen: it can no longer "
                "be changed, and every later change is saved as a new version."
            ).format(code=code, v=version),
            lambda: self._publish(who, code, title, source),
        )

    def _refuse_publish(self, code: str, problems: list[str] | tuple[str, ...]) -> None:
        self.ctx.dialogs.inform(
            self.tr("Publishing refused"),
            self.tr("{code} cannot be published until these are put right:").format(code=code)
            + "\n\n"
            + "\n".join(f"• {p}" for p in problems),
            error=True,
        )

    def _publish(self, who: Principal, code: str, title: str, source: str) -> None:
        surveys = self.ctx.services.surveys

        def job() -> int:
            version = surveys.save_draft(who, code, title, source)
            surveys.publish(who, code, version)
            return version

        def failed(exc: BaseException) -> None:
            if isinstance(exc, FormRefused):
                self._refuse_publish(code, exc.problems)
            else:
                self.ctx.feedback.report(exc, self.tr("Could not publish the form"))

        self.ctx.jobs.write(job, lambda v: self._on_published(code, v), failed, "survey_publish")

    def _on_published(self, code: str, version: int) -> None:
        self.ctx.feedback.message(
            self.tr("Form {code} version {v} is published.").format(code=code, v=version)
        )
        self._on_form_selected(code)
        self.reload()

    # --- rounds -----------------------------------------------------------------------------
    @Slot()
    def open_new_round(self) -> None:
        who = self.who
        if who is None or not who.can(AUTHOR):
            return
        surveys = self.ctx.services.surveys
        self.read_for(
            who,
            lambda: survey_lists.published_forms(surveys, who),
            self._show_new_round,
            self.tr("Could not load the published forms"),
        )

    def _show_new_round(self, forms: list[PublishedForm]) -> None:
        if self.ctx.session.locked:
            return
        if self.new_round is not None:
            self.new_round.reject()
        dlg = NewRoundDialog(forms, self.communities, date.today(), self.ctx.window)
        dlg.sig_frame_size_requested.connect(self._on_frame_size_requested)
        dlg.sig_create_requested.connect(self._on_create_requested)
        self.new_round = dlg
        dlg.finished.connect(lambda _result: self._on_dialog_finished(dlg))
        self.ctx.dialogs.register(dlg)
        dlg.open()

    @Slot(str, dict)
    def _on_frame_size_requested(self, kind: str, params: dict[str, Any]) -> None:
        who, dlg = self.who, self.new_round
        if who is None or dlg is None:
            return
        surveys = self.ctx.services.surveys

        def shown(n: int) -> None:
            if self.new_round is dlg:
                dlg.set_frame_size(kind, params, n)

        def failed(exc: BaseException) -> None:
            if self.new_round is dlg:
                dlg.size_label.setText(self.ctx.feedback.describe(exc))

        self.ctx.jobs.read(
            lambda: survey_lists.frame_size(surveys, who, kind, params), shown, failed, "frame"
        )

    @Slot(object)
    def _on_create_requested(self, req: NewRound) -> None:
        who, dlg = self.who, self.new_round
        if who is None or dlg is None:
            return
        surveys = self.ctx.services.surveys

        def job() -> int:
            return surveys.create_round(
                who,
                req.code,
                req.form_code,
                req.form_version,
                purpose=req.purpose,
                frame_kind=req.frame_kind,
                frame_params=req.frame_params,
                starts_on=req.starts_on,
                ends_on=req.ends_on,
                anonymous=req.anonymous,
                keep_partial=req.keep_partial,
            )

        def done(n: int) -> None:
            if self.new_round is dlg:
                dlg.accept()
            if req.frame_kind == "businesses":
                text = self.tr("Round {code} created: {n} businesses drawn.")
            else:
                text = self.tr("Round {code} created: {n} people drawn.")
            self.ctx.feedback.message(text.format(code=req.code, n=n))
            self.reload()

        def failed(exc: BaseException) -> None:
            text = self.ctx.feedback.describe(exc)
            if "UNIQUE" in str(exc) or "unique" in str(exc):
                text = self.tr("A round with this code exists already.")
            if self.new_round is dlg:
                dlg.show_error(text)
            else:
                self.ctx.feedback.report(exc, self.tr("Could not create the round"))

        self.ctx.jobs.write(job, done, failed, "survey_round_create")

    @Slot(str)
    def _on_close_requested(self, code: str) -> None:
        who = self.who
        if who is None or not who.can(AUTHOR):
            return
        surveys = self.ctx.services.surveys

        def close() -> None:
            self.ctx.jobs.write(
                lambda: surveys.close_round(who, code),
                lambda _r: self.reload(),
                lambda exc: self.ctx.feedback.report(exc, self.tr("Could not close the round")),
                "survey_round_close",
            )

        self.ctx.dialogs.confirm(
            self.tr("Close round"),
            self.tr(
                "Close round {code}? No more responses are taken for it, from any station."
            ).format(code=code),
            close,
        )

    @Slot(str)
    def _on_round_selected(self, code: str) -> None:
        if self._rounds_shown():
            self._load_call_list(code)

    def _load_call_list(self, code: str) -> None:
        who = self.who
        if who is None or not who.can(READ):
            return
        services = self.ctx.services

        businesses = self.businesses

        def job() -> tuple[list[CallListRow], int, int, bool]:
            frame = services.surveys.frame(who, code)
            todo = [r for r, answered in frame if not answered]
            if services.surveys.is_business_round(code):
                shops = businesses.rows_by_ids(who, todo[:CALL_LIST])
                return [self._business_call_row(b) for b in shops], len(todo), len(frame), True
            rows = services.residents.rows_by_ids(who, todo[:CALL_LIST])
            return [self._call_row(r) for r in rows], len(todo), len(frame), False

        def shown(result: tuple[list[CallListRow], int, int, bool]) -> None:
            rows, todo, frame, of_businesses = result
            if of_businesses:
                self._business_rounds.add(code)
            self._call_rows[code] = rows
            self.rounds.set_call_list(code, rows, todo, frame)

        self.read_for(who, job, shown, self.tr("Could not load the call list"))

    @staticmethod
    def _call_row(r: ResidentRow) -> CallListRow:
        # The list's masked forms: who may see more reveals one person at a time, recorded.
        return CallListRow(r.id, r.name, r.community_name or r.community, r.phone, r.birth)

    @staticmethod
    def _business_call_row(b: BusinessRow) -> CallListRow:
        # Keyed by the business's id; its contact's phone masked as the register shows it.
        name = f"{b.code} {b.name}" + (f" ({b.contact_name})" if b.contact_name else "")
        return CallListRow(b.id, name, b.community, b.contact_phone, "")

    # --- taking responses ---------------------------------------------------------------------
    def _entry_rounds(self, who: Principal, codes: list[str] | None) -> list[EntryRound]:
        """Open rounds (or the given ones) with their forms, read on a reader thread."""
        services = self.ctx.services
        out = []
        for r in survey_lists.rounds(services.surveys, who):
            if r.status != "open" or (codes is not None and r.code not in codes):
                continue
            _v, _title, source, _p = services.surveys.form(r.form_code, r.form_version)
            try:
                form = load_form(source, r.form_code, strict=False)
            except FormFileError:
                log.warning("round %s: its form does not load", r.code)
                continue
            out.append(
                EntryRound(
                    r.code,
                    r.purpose,
                    form,
                    r.anonymous,
                    r.keep_partial,
                    businesses=r.frame_kind == "businesses",
                )
            )
        return out

    @Slot(str)
    def open_paper_entry(self, code: str = "") -> None:
        """Enter paper responses, the round `code` chosen first."""
        who = self.who
        if who is None or not who.can(TAKE):
            return

        def show(rounds: list[EntryRound]) -> None:
            dlg = self._open_entry(who, rounds, phone=False)
            if dlg is not None and code:
                i = next((k for k, r in enumerate(rounds) if r.code == code), 0)
                dlg.round.setCurrentIndex(i)

        self.read_for(
            who,
            lambda: self._entry_rounds(who, None),
            show,
            self.tr("Could not load the open rounds"),
        )

    def _open_entry(
        self, who: Principal, rounds: list[EntryRound], *, phone: bool
    ) -> SurveyEntryDialog | None:
        if self.ctx.session.locked:
            return None
        if not rounds:
            self.ctx.dialogs.inform(self.tr("Surveys"), self.tr("No open round to answer."))
            return None
        if self.entry is not None:
            self.entry.discard()  # another entry replaces it (its answers were the user's)
        dlg = SurveyEntryDialog(
            rounds,
            self.communities,
            (who.user_id, who.display_name),
            phone=phone,
            parent=self.ctx.window,
        )
        dlg.sig_submit_requested.connect(lambda sub: self._on_submit_requested(dlg, sub))
        dlg.sig_resident_lookup_requested.connect(lambda text: self._on_lookup(dlg, text))
        dlg.sig_business_lookup_requested.connect(lambda text: self._on_business_lookup(dlg, text))
        self.entry = dlg
        dlg.finished.connect(lambda _result: self._on_dialog_finished(dlg))
        self.ctx.dialogs.register(dlg)
        dlg.open()
        return dlg

    def _on_lookup(self, dlg: SurveyEntryDialog, text: str) -> None:
        who = self.who
        if who is None:
            return
        if text.upper().startswith(SLIP_PREFIX + "."):
            self._on_slip(dlg, who, text)
            return
        residents = self.ctx.services.residents

        def job() -> list[ResidentRow]:
            if text.isdigit() and len(text) <= 9:  # a resident number (phones are longer)
                return residents.rows_by_ids(who, [int(text)])
            return residents.page(who, query=text, limit=5).rows

        def found(rows: list[ResidentRow]) -> None:
            if self.entry is not dlg:
                return
            if len(rows) == 1:
                r = rows[0]
                dlg.set_resident(r.id, f"{r.name} · {r.community_name or r.community}")
                dlg.message.clear()
            elif not rows:
                dlg.set_resident(None, "")
                dlg.show_error(self.tr("Nobody found."))
            else:
                dlg.set_resident(None, "")
                dlg.show_error(
                    self.tr("{n} people found: type the number, phone or identity number.").format(
                        n=len(rows)
                    )
                )

        self.read_for(who, job, found, self.tr("Could not find the resident"))

    def _on_business_lookup(self, dlg: SurveyEntryDialog, text: str) -> None:
        """A business of a round of businesses, by its code or a part of its name."""
        who = self.who
        if who is None:
            return
        businesses = self.businesses

        def found(rows: list[BusinessRow]) -> None:
            if self.entry is not dlg:
                return
            if len(rows) == 1:
                b = rows[0]
                dlg.set_business(b.id, f"{b.code} {b.name} · {b.community}")
                dlg.message.clear()
                return
            dlg.set_business(None, "")
            if not rows:
                dlg.show_error(self.tr("No business found."))
            else:
                dlg.show_error(
                    self.tr("{n} businesses found: type more of the name, or the code.").format(
                        n=len(rows)
                    )
                )

        self.read_for(
            who,
            lambda: businesses.search(who, text, limit=5),
            found,
            self.tr("Could not find the business"),
        )

    def _on_slip(self, dlg: SurveyEntryDialog, who: Principal, text: str) -> None:
        """A slip scanned or typed: verified with the site's slip key, its person looked up."""
        rnd = dlg.selected_round()
        if rnd is None:
            return
        services = self.ctx.services

        def job() -> tuple[Slip, list[ResidentRow]]:
            slip = verify_slip(load_slip_key(services.ctx.keys), text, rnd.code)
            if slip.resident_id is None:
                return slip, []
            return slip, services.residents.rows_by_ids(who, [slip.resident_id])

        def found(result: tuple[Slip, list[ResidentRow]]) -> None:
            if self.entry is not dlg:
                return
            slip, rows = result
            if slip.resident_id is not None and not rows:
                dlg.show_error(self.tr("The slip's person is not one you may see."))
                return
            label = self.tr("Slip {code}").format(code=slip.code)
            if rows:
                r = rows[0]
                label += f" · {r.name} · {r.community_name or r.community}"
            else:
                label += " · " + self.tr("unnamed: choose the community")
            dlg.set_slip(slip.slip_uuid, slip.resident_id, label)
            dlg.message.clear()

        def failed(exc: BaseException) -> None:
            if self.entry is dlg:
                dlg.show_error(self._slip_problem(exc))

        self.ctx.jobs.read(job, found, failed, "survey_slip")

    def _slip_problem(self, exc: BaseException) -> str:
        if isinstance(exc, SlipError):
            return {
                "foreign": self.tr("This is not a survey slip."),
                "damaged": self.tr("The slip is damaged: scan it again or type the whole code."),
                "altered": self.tr("The slip was altered or was not printed by this site."),
                "round": self.tr("The slip is for another round."),
            }.get(exc.reason, str(exc))
        if isinstance(exc, KeyFileError):
            return self.tr("Slips cannot be checked here: this workstation has no site keys.")
        return self.ctx.feedback.describe(exc)

    def _submit_to_service(self, sub: SurveySubmission) -> SubmitResult:
        who = self.who
        if who is None:
            raise PermissionError("nobody is signed in")
        return self.ctx.services.surveys.submit(
            who,
            sub.round_code,
            sub.client_uuid,
            sub.resident_id,
            sub.mode,
            sub.helped_by,
            dict(sub.answers),
            sub.complete,
            community=sub.community,
            business_id=sub.business_id,
        )

    def _on_submit_requested(self, dlg: SurveyEntryDialog, sub: SurveySubmission) -> None:
        if self.who is None:
            dlg.show_error(self.tr("Sign in again to submit."))
            return
        submit = self.submit
        self.ctx.jobs.write(
            lambda: submit(sub),
            lambda result: self._on_submitted(dlg, sub, result),
            lambda exc: self._on_submit_failed(dlg, sub, exc),
            "survey_submit",
        )

    def _on_submit_failed(
        self, dlg: SurveyEntryDialog, sub: SurveySubmission, exc: BaseException
    ) -> None:
        if self.entry is dlg:
            dlg.show_error(self._submit_problem(exc))
        else:  # closed meanwhile: the refusal still reaches the worker
            self.ctx.feedback.notify(Level.WARNING, self._submit_problem(exc))

    def _on_submitted(
        self, dlg: SurveyEntryDialog, sub: SurveySubmission, result: SubmitResult
    ) -> None:
        if sub.resident_id is not None:
            self._calling.discard((sub.round_code, sub.resident_id))
        if sub.business_id is not None:
            self._calling.discard((sub.round_code, sub.business_id))
        if self._rounds_shown() and self.rounds.selected_code() == sub.round_code:
            self._load_call_list(sub.round_code)  # the person is off the list at once
        if self.entry is not dlg:
            return  # closed meanwhile; the response is taken all the same
        if not result.kept:
            text = self.tr(
                "Not kept: this round discards unfinished responses (the person may still "
                "answer later)."
            )
            dlg.show_error(text)
            return
        if result.replayed:
            text = self.tr("Taken already: this entry was sent before and counts once.")
        elif result.complete:
            text = self.tr("Response taken (round {round}).").format(round=sub.round_code)
        else:
            text = self.tr("Partial response kept (round {round}).").format(round=sub.round_code)
        dlg.submitted_ok(text)

    def _submit_problem(self, exc: BaseException) -> str:
        if isinstance(exc, BusinessAnswered):
            return self.tr(
                "Refused: business {business} has already answered round {round}. A second "
                "response is not taken."
            ).format(business=exc.business, round=exc.round_code)
        if isinstance(exc, AlreadyAnswered):
            return self.tr(
                "Refused: this person has already answered round {round}. A second response "
                "is not taken."
            ).format(round=exc.round_code)
        if isinstance(exc, AnswersRefused):
            return self.tr("Refused: the answers do not fit the form: {why}").format(
                why="; ".join(exc.problems)
            )
        if isinstance(exc, ValueError) and "closed" in str(exc):
            return self.tr("Refused: the round is closed.")
        return self.ctx.feedback.describe(exc)

    # --- phone surveys ------------------------------------------------------------------------
    @Slot(str)
    def call_next(self, code: str) -> None:
        """The next person of the round's call list nobody here is calling yet."""
        rows = self._call_rows.get(code, [])
        nxt = next((r for r in rows if (code, r.resident_id) not in self._calling), None)
        if nxt is None:
            self.ctx.feedback.notify(
                Level.INFO, self.tr("Nobody left to call in round {round}.").format(round=code)
            )
            return
        self.call(code, nxt.resident_id)

    @Slot(str, int)
    def call(self, code: str, resident_id: int) -> None:
        """Open the phone survey of one person; their number is revealed for it (recorded)."""
        who = self.who
        if who is None or not who.can(TAKE):
            return
        self._calling.add((code, resident_id))
        row = next((r for r in self._call_rows.get(code, []) if r.resident_id == resident_id), None)
        residents = self.ctx.services.residents

        def show(rounds: list[EntryRound]) -> None:
            dlg = self._open_entry(who, rounds, phone=True)
            if dlg is None:
                return
            label = f"{row.name} · {row.community}" if row is not None else str(resident_id)
            masked = row.phone if row is not None else ""
            dlg.sig_dial_requested.connect(lambda: self._dial(dlg, code))
            if code in self._business_rounds:
                # A business's contact number: the register showed it as this role may see it.
                dlg.set_business(resident_id, label)
                plain = bool(masked) and MASK not in masked
                if not plain:
                    dlg.set_number(masked, False, self._masked_note())
                elif self.dial_hook is None:
                    dlg.set_number(
                        masked, False, self.tr("No phone line here: dial the number by hand.")
                    )
                else:
                    dlg.set_number(masked, True, "")
                return
            dlg.set_resident(resident_id, label)
            if PersonalField.PHONE not in revealing(who.role, RevealPurpose.REASON, False):
                # Nothing more to see for this role: no reveal asked, none refused. The line
                # may still ring the number without showing it.
                if self.dial_resident_hook is not None and masked:
                    dlg.set_number(
                        masked,
                        True,
                        self.tr(
                            "The number stays masked for your role: Dial rings it on this "
                            "workstation's line (recorded)."
                        ),
                    )
                else:
                    dlg.set_number(masked, False, self._masked_note())
                return
            dlg.set_number(masked, False, self.tr("Revealing…"))
            reason = self.tr("Survey call, round {round}").format(round=code)
            self.ctx.jobs.write(
                lambda: residents.reveal_phone(who, resident_id, reason),
                lambda card: self._on_number(dlg, card),
                lambda exc: self._on_number_refused(dlg, exc),
                "survey_call_reveal",
            )

        self.read_for(
            who,
            lambda: self._entry_rounds(who, [code]),
            show,
            self.tr("Could not open the phone survey"),
        )

    def _on_number(self, dlg: SurveyEntryDialog, number: str) -> None:
        if self.entry is not dlg:
            return
        if not number or MASK in number:
            dlg.set_number(number, False, self._masked_note())
        elif self.dial_hook is None:
            dlg.set_number(number, False, self.tr("No phone line here: dial the number by hand."))
        else:
            dlg.set_number(number, True, "")

    def _masked_note(self) -> str:
        return self.tr("Your role sees this number masked: a supervisor or the station calls.")

    def _on_number_refused(self, dlg: SurveyEntryDialog, exc: BaseException) -> None:
        if self.entry is dlg:
            dlg.set_number(
                dlg.number.text(),
                False,
                self.tr("The number is not shown: {why}").format(
                    why=self.ctx.feedback.describe(exc)
                ),
            )

    def _dial(self, dlg: SurveyEntryDialog, code: str) -> None:
        number = dlg.number.text()
        rid = dlg.resident_id
        if MASK in number and rid is not None and self.dial_resident_hook is not None:
            reason = self.tr("Survey call, round {round}").format(round=code)
            self.dial_resident_hook(rid, reason, lambda placed: self._dialled(dlg, number, placed))
            return
        placed = self.dial_hook(number) if self.dial_hook is not None else False
        self._dialled(dlg, number, placed)

    def _dialled(self, dlg: SurveyEntryDialog, number: str, placed: bool) -> None:
        if self.entry is not dlg:
            return
        if placed:
            dlg.dial_note.setText(self.tr("Calling {number}…").format(number=number))
        elif MASK in number:
            dlg.dial_note.setText(self.tr("The call could not be placed."))
        else:
            dlg.dial_note.setText(
                self.tr("The call could not be placed: dial {number} by hand.").format(
                    number=number
                )
            )
        dlg.runner.view.setFocus()

    # --- tests and the integrator ---------------------------------------------------------------
    def publish_problems(self) -> list[str]:
        """Why the form in the editor cannot be published (the live problems list)."""
        return [str(p) for p in validate(self.editor.form())]

    def entry_dialog(self) -> QDialog | None:
        return self.entry
