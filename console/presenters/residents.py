"""The residents capability: the masked list and search, the card, audited reveals."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog

from console.presenters.base import Presenter, PresenterContext
from console.shell.main_window import ActionSpec
from console.shell.panes import Area, PaneSpec
from core.consent import REASON_MIN as WITHDRAW_MIN
from core.consent import ConsentInvalid, ConsentPurpose, ConsentState
from core.events import ChangesAvailable
from core.permissions import Permission, PermissionDenied, Principal
from core.personal import AccessEntry, Purpose, ResidentCard, ResidentRow, revealing
from core.rights import write_export
from core.views import CommunityRow
from data.services.residents import ResidentPage, RevealRefused
from data.services.rights import RightsRefused
from widgets.consent import ConsentRequest, ReasonDialog, RecordConsentDialog, purpose_text
from widgets.file_dialogs import SAVED, suggested
from widgets.residents import ResidentCardDialog, ResidentsWidget

log = logging.getLogger(__name__)

PAGE = 200  # residents read at a time; more as the user scrolls (keyset, never OFFSET)


class ResidentsPresenter(Presenter):
    """Owns the residents pane and the card; the service masks, decides and records."""

    name = "residents"
    watches = frozenset({"resident", "community", "consent"})

    def __init__(self, ctx: PresenterContext):
        super().__init__(ctx)
        self.pane = ResidentsWidget()
        self.pane.sig_search_requested.connect(self._on_search_requested)
        self.pane.sig_resident_activated.connect(self.open_card)
        self.pane.model.sig_more_requested.connect(self._on_more_requested)
        self.card: ResidentCardDialog | None = None
        # The one open consent or rights dialog (record, withdraw, export, anonymise).
        self.form: QDialog | None = None
        self._more = False
        self._loading = False
        self._load_again = False
        dock = ctx.window.add_pane(
            PaneSpec(
                "residents",
                lambda: self.tr("Residents"),
                self.pane,
                # Beside calls: a caller is looked up here.
                Area.BOTTOM_LEFT,
                order=70,
                shortcut="Ctrl+7",
            )
        )
        self.read_in_view(self.pane, dock)
        ctx.window.add_action(
            ActionSpec(
                "find_resident",
                lambda: self.tr("Find resident"),
                "tools",
                "Ctrl+Shift+F",
                permission=Permission.VIEW_RESIDENTS,
            ),
            self._on_find_triggered,
        )

    # --- lifecycle ------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        self.reload()

    def signed_out(self) -> None:
        self.pane.clear()
        self._more = False
        if self.card is not None:
            self.card.clear()
            self.card.hide()

    def locked(self) -> None:
        # A revealed card must not survive a lock: a new look needs a new purpose (and row).
        if self.card is not None:
            self.card.clear()
            self.card.hide()

    def on_changes(self, changes: ChangesAvailable) -> None:
        card = self.card
        open_id = card.resident_id if card is not None and card.isVisible() else None
        if "consent" in changes.tables and open_id is not None:
            self._reload_consents(open_id)
        if not changes.tables & {"resident", "community"}:
            return  # consents alone: the list shows none of them
        if self.reload_instead():
            return  # read afresh when the pane comes forward (or now, if that was owed)
        ids = changes.ids("resident")
        who = self.who
        if ids is None or "community" in changes.tables or who is None:
            self.reload()
            return
        shown = {r.id for r in self.pane.rows()}
        wanted = sorted(ids & shown)
        if not wanted:
            return  # a changed resident not loaded (yet) shows up when scrolled to
        residents = self.ctx.services.residents
        self.read_for(
            who,
            lambda: residents.rows_by_ids(who, wanted),
            lambda rows: self._merge(frozenset(wanted), rows),
            self.tr("Could not load the residents"),
            "resident_rows",
        )

    # --- the list -------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the first page for the search shown (sign-in, F5, a new search)."""
        who = self.who
        if who is None or self.owe_unless_in_view():
            return
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        services = self.ctx.services
        query, community = self.pane.query(), self.pane.community_code() or None

        def job() -> tuple[ResidentPage, list[CommunityRow]]:
            return (
                services.residents.page(who, community=community, query=query, limit=PAGE),
                services.site.communities(who),
            )

        self.ctx.jobs.read(
            job,
            lambda result: self._on_loaded(who, query, community, result),
            self._on_load_failed,
            "residents",
        )

    def _on_loaded(
        self,
        who: Principal,
        query: str,
        community: str | None,
        result: tuple[ResidentPage, list[CommunityRow]],
    ) -> None:
        self._loading = False
        if self.who == who:
            page, communities = result
            self.pane.set_communities(communities, who.street_wide)
            if (query, community) == (self.pane.query(), self.pane.community_code() or None):
                self._more = page.more
                self.pane.set_rows(page.rows, page.total, page.more)
            else:
                self._load_again = True  # typed on meanwhile: read what is asked now
        if self._load_again:
            self._load_again = False
            self.reload()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading = False
        if self.who is not None:
            self.ctx.feedback.report(exc, self.tr("Could not load the residents"))
        if self._load_again:
            self._load_again = False
            self.reload()

    @Slot(str, str)
    def _on_search_requested(self, _query: str, _community: str) -> None:
        self.reload()

    def _on_more_requested(self) -> None:
        """The user scrolled to the last row: the next page after it (keyset)."""
        who, rows = self.who, self.pane.rows()
        if who is None or not rows or not self._more:
            self.pane.model.set_more(self._more)
            return
        after = rows[-1].id
        query, community = self.pane.query(), self.pane.community_code() or None
        residents = self.ctx.services.residents
        self.read_for(
            who,
            lambda: residents.page(who, community=community, query=query, after=after, limit=PAGE),
            lambda page: self._on_more_loaded(query, community, page),
            self.tr("Could not load the residents"),
            "residents_page",
        )

    def _on_more_loaded(self, query: str, community: str | None, page: ResidentPage) -> None:
        if (query, community) != (self.pane.query(), self.pane.community_code() or None):
            return  # another search meanwhile; it loads itself
        known = {r.id for r in self.pane.rows()}
        rows = [*self.pane.rows(), *(r for r in page.rows if r.id not in known)]
        self._more = page.more
        self.pane.set_rows(rows, page.total, page.more)

    def _merge(self, ids: frozenset[int], rows: list[ResidentRow]) -> None:
        fresh = {r.id: r for r in rows}
        merged = [fresh.get(r.id, r) for r in self.pane.rows() if r.id not in ids or r.id in fresh]
        self.pane.set_rows(merged, self.pane.total(), self._more)

    def _on_find_triggered(self) -> None:
        self.ctx.window.show_pane("residents")
        self.pane.search.setFocus()
        self.pane.search.selectAll()

    # --- the card -------------------------------------------------------------------------
    @Slot(int)
    def open_card(self, resident_id: int) -> None:
        """The masked card and who looked at it, read off the GUI thread."""
        who = self.who
        if who is None:
            return
        residents, consent = self.ctx.services.residents, self.ctx.services.consent

        def job() -> tuple[ResidentCard, list[AccessEntry], list[ConsentState]]:
            return (
                residents.card(who, resident_id),
                residents.access_log(who, resident_id),
                consent.current(who, resident_id),
            )

        self.read_for(
            who, job, self._on_card_loaded, self.tr("Could not open the resident"), "resident"
        )

    def _on_card_loaded(
        self, result: tuple[ResidentCard, list[AccessEntry], list[ConsentState]]
    ) -> None:
        who = self.who
        if who is None or self.ctx.session.locked:
            return
        card, access, states = result
        dlg = self._dialog()
        dlg.set_card(card)
        dlg.set_access_log(access)
        pii = who.can(Permission.VIEW_RESIDENT_PII, card.community)
        dlg.consent.set_states(states, can_edit=pii and not card.anonymised)
        dlg.set_rights(
            export=pii, anonymise=who.can(Permission.ANONYMISE_RESIDENTS, card.community)
        )
        minor = card.presentation.minor
        dlg.set_purposes(
            incident=bool(revealing(who.role, Purpose.INCIDENT, minor)),
            reason=bool(revealing(who.role, Purpose.REASON, minor)),
        )
        dlg.show()
        dlg.raise_()
        dlg.activateWindow()

    def _dialog(self) -> ResidentCardDialog:
        if self.card is None:
            self.card = ResidentCardDialog(self.ctx.zone, self.ctx.window)
            self.card.sig_reveal_requested.connect(self._on_reveal_requested)
            self.card.sig_export_requested.connect(self._on_export_requested)
            self.card.sig_anonymise_requested.connect(self._on_anonymise_requested)
            self.card.consent.sig_record_requested.connect(self._on_consent_record_requested)
            self.card.consent.sig_withdraw_requested.connect(self._on_consent_withdraw_requested)
            self.ctx.dialogs.register(self.card)
        return self.card

    @Slot(int, str, str, int)
    def _on_reveal_requested(
        self, resident_id: int, purpose: str, reason: str, incident: int
    ) -> None:
        """A reveal is a write (its audit row), so it runs on the writer thread."""
        who = self.who
        if who is None:
            return
        residents = self.ctx.services.residents
        self.ctx.jobs.write(
            lambda: residents.card(
                who, resident_id, Purpose(purpose), reason=reason, incident_id=incident or None
            ),
            self._on_revealed,
            lambda exc: self._on_reveal_failed(resident_id, exc),
            "reveal",
        )

    def _on_revealed(self, card: ResidentCard) -> None:
        dlg = self.card
        if dlg is None or self.who is None or self.ctx.session.locked:
            return
        if dlg.resident_id == card.id:
            dlg.set_card(card)
        self._reload_access(card.id)

    def _on_reveal_failed(self, resident_id: int, exc: BaseException) -> None:
        dlg = self.card
        if isinstance(exc, RevealRefused | PermissionDenied):
            log.info("reveal of resident %s refused: %s", resident_id, exc)
        else:
            log.error("reveal of resident %s failed: %s", resident_id, exc, exc_info=exc)
        if dlg is not None and dlg.resident_id == resident_id:
            dlg.show_error(self._refusal_text(exc))
            self._reload_access(resident_id)  # the refusal is recorded too

    def _refusal_text(self, exc: BaseException) -> str:
        if isinstance(exc, RevealRefused):
            texts = {
                "reason": self.tr("Not shown: type a reason of at least 4 characters."),
                "incident_missing": self.tr("Not shown: give the incident's number."),
                "incident_unknown": self.tr("Not shown: there is no such incident."),
                "incident_closed": self.tr("Not shown: that incident is closed."),
                "incident_scope": self.tr("Not shown: that incident is not one you may handle."),
            }
            return texts.get(exc.code, str(exc))
        return self.tr("Not shown: {why}.").format(why=self.ctx.feedback.describe(exc))

    def _reload_access(self, resident_id: int) -> None:
        who = self.who
        if who is None:
            return
        residents = self.ctx.services.residents
        self.read_for(
            who,
            lambda: residents.access_log(who, resident_id),
            lambda entries: self._on_access_loaded(resident_id, entries),
            self.tr("Could not load who looked at the resident"),
            "resident_access",
        )

    def _on_access_loaded(self, resident_id: int, entries: list[AccessEntry]) -> None:
        if self.card is not None and self.card.resident_id == resident_id:
            self.card.set_access_log(entries)

    # --- consent and the person's rights ------------------------------------------------------
    def _reload_consents(self, resident_id: int) -> None:
        who = self.who
        if who is None:
            return
        consent = self.ctx.services.consent
        self.read_for(
            who,
            lambda: consent.current(who, resident_id),
            lambda states: self._on_consents_loaded(resident_id, states),
            self.tr("Could not load the resident's consents"),
            "resident_consents",
        )

    def _on_consents_loaded(self, resident_id: int, states: list[ConsentState]) -> None:
        dlg, who = self.card, self.who
        if dlg is None or who is None or dlg.resident_id != resident_id:
            return
        community = dlg.community()
        can_edit = who.can(Permission.VIEW_RESIDENT_PII, community) and not dlg.anonymised()
        dlg.consent.set_states(states, can_edit=can_edit)

    def _open_form(self, form: QDialog) -> None:
        """Show one consent or rights dialog over the card (the previous one closes)."""
        if self.form is not None:
            self.form.close()
        self.form = form
        self.ctx.dialogs.register(form)
        form.open()

    def _form_done(self, form: QDialog, resident_id: int) -> None:
        form.accept()
        if self.form is form:
            self.form = None
        self._reload_consents(resident_id)
        self._reload_access(resident_id)

    def _problem(self, exc: BaseException) -> str:
        if isinstance(exc, ConsentInvalid):
            texts = {
                "method": self.tr(
                    "Not valid for this person: someone with dementia or under 18 consents "
                    "through their guardian, anyone else in writing or aloud."
                ),
                "witness": self.tr("A verbal consent needs the witness's name."),
                "guardian_name": self.tr("Type the guardian's name."),
                "guardian_relation": self.tr("Type the guardian's relation to the person."),
                "date": self.tr("The date consent was given cannot be in the future."),
                "reason": self.tr("Type a reason of at least 4 characters."),
                "already_given": self.tr("A consent for this purpose is already in force."),
                "not_given": self.tr("No consent for this purpose is in force."),
                "anonymised": self.tr("This resident's data was anonymised."),
            }
            return texts.get(exc.code, str(exc))
        if isinstance(exc, RightsRefused):
            texts = {
                "reason": self.tr("Type a reason of at least 4 characters."),
                "legal_hold": self.tr("This resident's data is under a legal hold."),
                "anonymised": self.tr("This resident's data was anonymised already."),
            }
            return texts.get(exc.code, str(exc))
        return self.ctx.feedback.describe(exc)

    @Slot(str)
    def _on_consent_record_requested(self, purpose: str) -> None:
        dlg, who = self.card, self.who
        if dlg is None or who is None or dlg.resident_id is None:
            return
        resident_id = dlg.resident_id
        form = RecordConsentDialog(ConsentPurpose(purpose), who.display_name, date.today(), dlg)
        consent = self.ctx.services.consent

        def submitted(req: ConsentRequest) -> None:
            self.ctx.jobs.write(
                lambda: consent.record(
                    who,
                    resident_id,
                    req.purpose,
                    req.method,
                    req.given_on,
                    witness=req.witness,
                    guardian_name=req.guardian_name,
                    guardian_relation=req.guardian_relation,
                    note=req.note,
                ),
                lambda _rec: self._form_done(form, resident_id),
                lambda exc: form.show_error(self._problem(exc)),
                "consent_record",
            )

        form.sig_submitted.connect(submitted)
        self._open_form(form)

    @Slot(str)
    def _on_consent_withdraw_requested(self, purpose: str) -> None:
        dlg, who = self.card, self.who
        if dlg is None or who is None or dlg.resident_id is None:
            return
        resident_id, what = dlg.resident_id, ConsentPurpose(purpose)
        form = ReasonDialog(
            self.tr("Withdraw consent"),
            self.tr(
                "Withdraw the consent to: {purpose}. Processing for this purpose stops at once; "
                "only a new consent, recorded anew, allows it again."
            ).format(purpose=purpose_text(what)),
            minimum=WITHDRAW_MIN,
            ok_text=self.tr("Withdraw"),
            parent=dlg,
        )
        consent = self.ctx.services.consent

        def withdraw(reason: str) -> None:
            self.ctx.jobs.write(
                lambda: consent.withdraw(who, resident_id, what, reason),
                lambda _rec: self._form_done(form, resident_id),
                lambda exc: form.show_error(self._problem(exc)),
                "consent_withdraw",
            )

        def submitted(reason: str, _path: str) -> None:
            self.ctx.dialogs.confirm(
                self.tr("Withdraw consent"),
                self.tr("Withdraw the consent to {purpose}? This cannot be undone.").format(
                    purpose=purpose_text(what)
                ),
                lambda: withdraw(reason),
                on_no=lambda: form.show_error(""),
            )

        form.sig_submitted.connect(submitted)
        self._open_form(form)

    @Slot(int)
    def _on_export_requested(self, resident_id: int) -> None:
        dlg, who = self.card, self.who
        if dlg is None or who is None:
            return
        form = ReasonDialog(
            self.tr("Export this person's data"),
            self.tr(
                "Everything held about this person, identity number included, is written to a "
                "JSON file and a text summary beside it, readable by you only. The export and "
                "its reason are recorded."
            ),
            save_to=suggested(SAVED, f"resident-{resident_id}.json"),
            ok_text=self.tr("Export"),
            parent=dlg,
        )
        residents = self.ctx.services.residents

        def job(reason: str, path: Path) -> tuple[Path, Path]:
            return write_export(residents.export_person(who, resident_id, reason), path)

        def done(paths: tuple[Path, Path]) -> None:
            self._form_done(form, resident_id)
            self.ctx.dialogs.inform(
                self.tr("Export this person's data"),
                self.tr("Written to {json} and {text}.").format(json=paths[0], text=paths[1]),
            )

        def submitted(reason: str, path: str) -> None:
            target = Path(path).expanduser()
            self.ctx.jobs.write(
                lambda: job(reason, target),
                done,
                lambda exc: form.show_error(self._problem(exc)),
                "person_export",
            )

        form.sig_submitted.connect(submitted)
        self._open_form(form)

    @Slot(int)
    def _on_anonymise_requested(self, resident_id: int) -> None:
        dlg, who = self.card, self.who
        if dlg is None or who is None:
            return
        masked = dlg.masked_name()
        form = ReasonDialog(
            self.tr("Anonymise on request"),
            self.tr(
                "The name, identity number, birth date, phone, address and emergency contact "
                "are replaced for good; year of birth, community and care flags stay for "
                "statistics; every consent is withdrawn. The audit log keeps its rows. Refused "
                "under a legal hold."
            ),
            confirm_text=masked,
            ok_text=self.tr("Anonymise"),
            parent=dlg,
        )
        residents = self.ctx.services.residents

        def anonymise(reason: str) -> None:
            self.ctx.jobs.write(
                lambda: residents.anonymise_person(who, resident_id, reason),
                lambda _n: self._on_anonymised(form, resident_id),
                lambda exc: form.show_error(self._problem(exc)),
                "person_anonymise",
            )

        def submitted(reason: str, _path: str) -> None:
            self.ctx.dialogs.confirm(
                self.tr("Anonymise on request"),
                self.tr("Anonymise {name} now? This cannot be undone.").format(name=masked),
                lambda: anonymise(reason),
                on_no=lambda: form.show_error(""),
            )

        form.sig_submitted.connect(submitted)
        self._open_form(form)

    def _on_anonymised(self, form: QDialog, resident_id: int) -> None:
        self._form_done(form, resident_id)
        self.open_card(resident_id)  # the card as it now is: anonymised
