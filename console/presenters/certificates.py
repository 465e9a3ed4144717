"""Volunteer certificates (listing, issue, archive) and the time bank, in the Volunteers pane."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from console.presenters.base import Presenter, PresenterContext
from console.volunteer_certificate import certificate_words, render_certificate
from core.certificates import CertificateDoc, CertificateRow, HoursReport
from core.events import ChangesAvailable
from core.permissions import Permission, Principal
from core.timebank import AccountRow, Relation
from data.exports import write_private
from widgets.certificates import CertificatesWidget
from widgets.file_dialogs import SAVED, open_in
from widgets.service_pane import TabbedPane
from widgets.timebank import TimebankWidget

# What changes what these tabs show: certificates, the ledger, and approved hours (the report).
TABLES = frozenset({"certificate", "timebank_txn", "volunteer_attendance", "volunteer"})


@dataclass(frozen=True)
class _Loaded:
    certificates: list[CertificateRow]
    report: HoursReport
    accounts: list[AccountRow]
    now: datetime


@dataclass(frozen=True)
class _Setup:
    names: dict[str, str]
    volunteers: list[tuple[int, str]]


class CertificatesPresenter(Presenter):
    """Fills the Certificates and Time bank tabs of the Volunteers pane."""

    name = "certificates"
    watches = TABLES

    def __init__(self, ctx: PresenterContext, pane: TabbedPane):
        super().__init__(ctx)
        self.pane = pane
        self.certificates = CertificatesWidget(ctx.zone)
        self.timebank = TimebankWidget(ctx.zone)
        pane.add_tab(self.certificates, lambda: self.tr("Certificates"))
        pane.add_tab(self.timebank, lambda: self.tr("Time bank"))
        self.file_dialog: QFileDialog | None = None
        self._loading = False
        self._again = False
        c, t = self.certificates, self.timebank
        c.sig_filters_changed.connect(self.reload)
        c.sig_year_changed.connect(lambda _y: self.reload())
        c.sig_request.connect(self.request)
        c.sig_issue.connect(self._confirm_issue)
        c.sig_withdraw.connect(self.withdraw)
        c.sig_object.connect(self.object)
        c.sig_save_pdf.connect(lambda cid: self._ask_path(cid, archived=True))
        c.sig_save_copy.connect(lambda cid: self._ask_path(cid, archived=False))
        t.sig_account_selected.connect(self._load_statement)
        t.sig_deposit.connect(self.deposit)
        t.sig_transfer.connect(self.transfer)
        t.sig_spend.connect(self.spend)

    # --- lifecycle ----------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        self.certificates.set_rights(
            request=who.can(Permission.MANAGE_VOLUNTEERS),
            issue=who.can(Permission.APPROVE_HOURS),
            reveal=who.can(Permission.VIEW_RESIDENT_PII),
        )
        self.timebank.set_rights(
            deposit=who.can(Permission.APPROVE_HOURS), move=who.can(Permission.MANAGE_VOLUNTEERS)
        )
        svc = self.ctx.services
        if who.can(Permission.VIEW_RESIDENTS):

            def setup() -> _Setup:
                names = {c.code: c.name for c in svc.site.communities(who)}
                return _Setup(names, svc.certificates.volunteer_choices(who))

            self.read_for(who, setup, self._on_setup, self.tr("Could not read the volunteers"))
        self.reload()

    def signed_out(self) -> None:
        self.certificates.set_rights(request=False, issue=False, reveal=False)
        self.timebank.set_rights(deposit=False, move=False)
        self.certificates.clear()
        self.timebank.clear()
        if self.file_dialog is not None:
            self.file_dialog.reject()

    def locked(self) -> None:
        if self.file_dialog is not None:
            self.file_dialog.reject()

    def on_changes(self, changes: ChangesAvailable) -> None:
        if changes.ids("volunteer"):
            who = self.who
            if who is not None and who.can(Permission.VIEW_RESIDENTS):
                svc = self.ctx.services.certificates
                self.read_for(
                    who,
                    lambda: svc.volunteer_choices(who),
                    self._on_volunteers,
                    self.tr("Could not read the volunteers"),
                )
        self.reload()

    def _on_setup(self, setup: _Setup) -> None:
        self.certificates.set_community_names(setup.names)
        self.timebank.set_community_names(setup.names)
        self._on_volunteers(setup.volunteers)

    def _on_volunteers(self, choices: list[tuple[int, str]]) -> None:
        self.certificates.set_volunteers(choices)
        self.timebank.set_volunteers(choices)

    # --- reads --------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the listing, the year's report and the accounts."""
        who = self.who
        if who is None or not who.can(Permission.VIEW_RESIDENTS):
            return
        if self._loading:
            self._again = True
            return
        self._loading = True
        svc = self.ctx.services
        status = self.certificates.status_filter()
        year = self.certificates.year.value()

        def job() -> _Loaded:
            certs = svc.certificates
            return _Loaded(
                certs.certificates(who, status=status),
                certs.hours_report(who, year),
                certs.accounts(who),
                svc.ctx.clock(),
            )

        def failed(exc: BaseException) -> None:
            self._loading = False
            if self.who == who:
                self.ctx.feedback.report(exc, self.tr("Could not read the certificates"))

        self.ctx.jobs.read(job, lambda r: self._on_loaded(who, r), failed, "certificates")

    def _on_loaded(self, who: Principal, loaded: _Loaded) -> None:
        self._loading = False
        if self.who != who:
            return
        chosen = self.certificates.selected()
        self.certificates.set_certificates(loaded.certificates, loaded.now)
        if chosen is not None:
            self.certificates.select(chosen.id)
        self.certificates.set_report(loaded.report)
        account = self.timebank.selected()
        self.timebank.set_accounts(loaded.accounts)
        if account is not None:
            self.timebank.select(account.id)
            self._load_statement(account.id)
        if self._again:
            self._again = False
            self.reload()

    def _load_statement(self, account_id: int) -> None:
        who = self.who
        if who is None:
            return
        certs = self.ctx.services.certificates
        self.read_for(
            who,
            lambda: certs.statement(who, account_id),
            lambda lines: self.timebank.set_statement(account_id, lines),
            self.tr("Could not read the account's statement"),
        )

    # --- certificate steps --------------------------------------------------------------------
    def _write(self, job: Callable[[], object], done_text: str, fail_text: str) -> None:
        def finished(_r: object) -> None:
            self.ctx.window.show_message(done_text, 5000)
            self.reload()

        self.ctx.jobs.write(
            job,
            finished,
            lambda exc: self.ctx.feedback.report(exc, fail_text),
            "certificates",
        )

    def request(self, volunteer_id: int, first: date, last: date, content: str) -> None:
        who = self.who
        if who is None:
            return
        certs = self.ctx.services.certificates
        self._write(
            lambda: certs.request(who, volunteer_id, first, last, content),
            self.tr("The certificate is listed for seven days"),
            self.tr("Could not request the certificate"),
        )

    def _confirm_issue(self, certificate_id: int) -> None:
        row = self.certificates.model.row_for(certificate_id)
        # Whose, for which days and how many hours: "Issue this certificate now?" alone made
        # the worker check the list behind the question.
        what = (
            self.tr("{volunteer}, {first} to {last}, {hours} h").format(
                volunteer=row.volunteer,
                first=row.first_day.isoformat(),
                last=row.last_day.isoformat(),
                hours=f"{row.minutes / 60:.1f}",
            )
            if row is not None
            else ""
        )
        self.ctx.dialogs.confirm(
            self.tr("Issue the certificate"),
            self.tr(
                "Issue this certificate now ({what})? It takes the year's next number, which "
                "is never given again; a mistake can only be withdrawn."
            ).format(what=what),
            lambda: self.issue(certificate_id),
        )

    def issue(self, certificate_id: int) -> None:
        """Number, render and archive the certificate (the writer thread)."""
        who = self.who
        if who is None:
            return
        certs = self.ctx.services.certificates
        words = certificate_words()  # here, where the translators are installed

        def render(doc: CertificateDoc) -> bytes:
            return render_certificate(doc, words)

        def job() -> str:
            return certs.issue(who, certificate_id, render).number

        def done(number: str) -> None:
            self.ctx.window.show_message(
                self.tr("Certificate {number} issued and archived").format(number=number), 5000
            )
            self.reload()

        self.ctx.jobs.write(
            job,
            done,
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not issue the certificate")),
            "certificates",
        )

    def withdraw(self, certificate_id: int, reason: str) -> None:
        who = self.who
        if who is None:
            return
        certs = self.ctx.services.certificates
        self._write(
            lambda: certs.withdraw(who, certificate_id, reason),
            self.tr("The certificate was withdrawn"),
            self.tr("Could not withdraw the certificate"),
        )

    def object(self, certificate_id: int, text: str) -> None:
        who = self.who
        if who is None:
            return
        certs = self.ctx.services.certificates
        self._write(
            lambda: certs.object(who, certificate_id, text),
            self.tr("The objection was recorded; the certificate waits"),
            self.tr("Could not record the objection"),
        )

    # --- PDFs ---------------------------------------------------------------------------------
    def _ask_path(self, certificate_id: int, *, archived: bool) -> None:
        row = self.certificates.model.row_for(certificate_id)
        name = row.number if row is not None and row.number else str(certificate_id)
        title = (
            self.tr("Save the issued certificate")
            if archived
            else self.tr("Save a display copy of the certificate")
        )
        dialog = open_in(QFileDialog(self.certificates, title), SAVED)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter("PDF (*.pdf)")
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"{name}{'' if archived else '-copy'}.pdf")
        if archived:
            dialog.fileSelected.connect(lambda p: self.save_pdf(certificate_id, Path(p)))
        else:
            dialog.fileSelected.connect(lambda p: self.save_copy(certificate_id, Path(p)))
        self.file_dialog = dialog
        dialog.open()

    def save_pdf(self, certificate_id: int, path: Path) -> None:
        """The archived certificate as issued (an audited read, so the writer thread)."""
        who = self.who
        if who is None:
            return
        certs = self.ctx.services.certificates

        def job() -> Path:
            pdf = certs.archived(who, certificate_id).pdf
            write_private(path, lambda out: out.write(pdf))  # whole or not at all
            return path

        self._write(
            job,
            self.tr("Certificate saved to {path}").format(path=path),
            self.tr("Could not save the certificate"),
        )

    def save_copy(self, certificate_id: int, path: Path) -> None:
        """A display copy with the identity number masked (anyone who sees the listing)."""
        who = self.who
        if who is None:
            return
        certs = self.ctx.services.certificates
        words = certificate_words()

        def job() -> Path:
            pdf = render_certificate(certs.display_copy(who, certificate_id), words)
            write_private(path, lambda out: out.write(pdf))
            return path

        self.read_for(
            who,
            job,
            lambda p: self.ctx.window.show_message(
                self.tr("Display copy saved to {path}").format(path=p), 5000
            ),
            self.tr("Could not save the display copy"),
            "certificate-copy",
        )

    # --- time bank ----------------------------------------------------------------------------
    def deposit(self, volunteer_id: int) -> None:
        who = self.who
        if who is None:
            return
        certs = self.ctx.services.certificates

        def done(ids: list[int]) -> None:
            self.ctx.window.show_message(
                self.tr("{n} approved records deposited").format(n=len(ids)), 5000
            )
            self.reload()

        self.ctx.jobs.write(
            lambda: certs.deposit_approved(who, volunteer_id),
            done,
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not deposit the hours")),
            "timebank",
        )

    def transfer(
        self, volunteer_id: int, resident_id: int, minutes: int, relation: Relation, note: str
    ) -> None:
        who = self.who
        if who is None:
            return
        certs = self.ctx.services.certificates
        self._write(
            lambda: certs.transfer(who, volunteer_id, resident_id, minutes, relation, note),
            self.tr("The minutes were given"),
            self.tr("Could not give the minutes"),
        )

    def spend(self, account_id: int, minutes: int, service: str) -> None:
        who = self.who
        if who is None:
            return
        certs = self.ctx.services.certificates
        self._write(
            lambda: certs.spend(who, account_id, minutes, service),
            self.tr("The minutes were spent"),
            self.tr("Could not spend the minutes"),
        )
