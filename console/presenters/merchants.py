"""Certified merchants: register, licences, inspections, complaints, catalogue and prices."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QDialog

from console.presenters.base import Presenter, PresenterContext
from console.shell.panes import Area, PaneSpec
from core.events import ChangesAvailable
from core.merchants import LicenceState, MerchantRow, MerchantStatus
from core.permissions import Permission, Principal
from core.timefmt import local
from core.views import CommunityRow
from widgets.merchant_dialogs import (
    CertifyDialog,
    ComplaintDialog,
    HealthCertificateDialog,
    InspectionDialog,
    LicencesDialog,
    ObservationDialog,
    PriceDialog,
    ProductDialog,
    ReasonDialog,
    StaffDialog,
)
from widgets.merchants import CatalogueTab, MerchantsTab, ReferencesTab
from widgets.notifications import Level
from widgets.service_pane import TabbedPane

log = logging.getLogger(__name__)

SWEEP_MS = 10 * 60_000  # how often this console suspends merchants whose licence ran out
TABLES = frozenset(
    {
        "merchant",
        "merchant_staff",
        "merchant_inspection",
        "merchant_complaint",
        "merchant_status_event",
        "product",
        "product_price",
        "price_observation",
    }
)


@dataclass(frozen=True)
class _Lists:
    merchants: list[MerchantRow]
    all_merchants: list[tuple[int, str]]  # the catalogue's filter: every one not exited


class MerchantsPresenter(Presenter):
    """Owns the Merchants pane (a TabbedPane whose tabs it and others fill): merchants with
    their records, the catalogue, the price surveys. Runs the licence sweep on the writer
    thread every `sweep_ms` while someone is signed in."""

    name = "merchants"
    watches = TABLES

    def __init__(self, ctx: PresenterContext, sweep_ms: int = SWEEP_MS):
        super().__init__(ctx)
        self.pane = TabbedPane(ctx.window)
        self.merchants_tab = MerchantsTab(ctx.zone)
        self.catalogue_tab = CatalogueTab(ctx.zone)
        self.references_tab = ReferencesTab()
        self.pane.add_tab(self.merchants_tab, lambda: self.tr("Merchants"))
        self.pane.add_tab(self.catalogue_tab, lambda: self.tr("Catalogue and prices"))
        self.pane.add_tab(self.references_tab, lambda: self.tr("Price surveys"))
        self._communities: list[CommunityRow] = []
        self._merchants: list[MerchantRow] = []
        self._sweeping = False
        self._closing = False
        self._told_alerts = False
        self.dialog: QDialog | None = None  # the dialog open now (tests drive it)
        self.sweep_timer = QTimer(self)
        self.sweep_timer.setInterval(sweep_ms)
        self.sweep_timer.timeout.connect(self._on_sweep_timer_timeout)
        dock = ctx.window.add_pane(
            PaneSpec(
                "merchants",
                lambda: self.tr("Merchants"),
                self.pane,
                Area.TOP_RIGHT,
                order=88,
                shortcut="Ctrl+Shift+M",
            )
        )
        self.read_in_view(self.pane, dock)
        m = self.merchants_tab
        m.sig_filters_changed.connect(self.reload_merchants)
        m.sig_selection_changed.connect(self._on_merchant_selected)
        m.sig_action.connect(self._on_merchant_action)
        c = self.catalogue_tab
        c.sig_filters_changed.connect(self.reload_products)
        c.sig_selection_changed.connect(self._on_product_selected)
        c.sig_action.connect(self._on_catalogue_action)
        r = self.references_tab
        r.sig_selection_changed.connect(self._on_reference_selected)
        r.sig_action.connect(self._on_reference_action)

    # --- lifecycle ------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        manage = who.can(Permission.MANAGE_MERCHANTS)
        self.merchants_tab.can_manage = manage
        self.merchants_tab.can_complain = who.can(Permission.PLACE_ORDERS)
        self.catalogue_tab.can_manage = manage
        self.references_tab.can_manage = manage
        self._told_alerts = False
        site = self.ctx.services.site
        self.read_for(
            who,
            lambda: site.communities(who),
            self._on_communities_loaded,
            self.tr("Could not read the communities"),
            "merchants communities",
        )
        self.reload()
        if manage and self._owed:
            # The pane is behind another: its list is not read, but the licence warnings of
            # a sign-in are due all the same.
            svc = self.ctx.services.merchants
            self.read_for(
                who,
                lambda: svc.merchants(who),
                self._on_alert_rows,
                self.tr("Could not read the merchants"),
                "merchants alerts",
            )
        self.sweep_timer.start()
        self.sweep_now()

    def signed_out(self) -> None:
        self.sweep_timer.stop()
        self._close_dialog()
        for tab in (self.merchants_tab, self.catalogue_tab, self.references_tab):
            tab.can_manage = False
            tab.clear()
        self.merchants_tab.can_complain = False
        self.merchants_tab.set_communities([], {})
        self._merchants, self._communities = [], []

    def locked(self) -> None:
        self._close_dialog()

    def shutdown(self) -> None:
        self._closing = True
        self.sweep_timer.stop()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None

    def _on_communities_loaded(self, found: list[CommunityRow]) -> None:
        self._communities = found
        self.merchants_tab.set_communities([c.code for c in found], {c.code: c.name for c in found})

    def today(self) -> date:
        """The site's date now."""
        return local(self.ctx.services.ctx.clock(), self.ctx.zone).date()

    # --- reads ----------------------------------------------------------------------------
    def reload(self) -> None:
        if self.owe_unless_in_view():
            return
        self.reload_merchants()
        self.reload_products()
        self.reload_references()

    def reload_merchants(self) -> None:
        """Merchants with the tab's filters, and the catalogue's merchant list."""
        who = self.who
        if who is None:
            return
        community, exited = self.merchants_tab.filters()
        svc = self.ctx.services.merchants

        def job() -> _Lists:
            shown = svc.merchants(
                who, communities=[community] if community else [], include_exited=exited
            )
            every = shown if community is None and not exited else svc.merchants(who)
            return _Lists(shown, [(r.id, f"{r.name} · {r.code}") for r in every])

        self.read_for(who, job, self._on_merchants_loaded, self.tr("Could not read the merchants"))

    def _on_merchants_loaded(self, lists: _Lists) -> None:
        self._merchants = lists.merchants
        tab = self.merchants_tab
        tab.set_merchants(lists.merchants)
        self.catalogue_tab.set_merchants(lists.all_merchants)
        if tab.selected() is None and len(tab.model):
            tab.select(tab.model.row_at(0).id)
        elif tab.selected() is not None:
            self._on_merchant_selected()
        self._tell_alerts(lists.merchants)

    def _on_alert_rows(self, rows: list[MerchantRow]) -> None:
        self._tell_alerts(rows)

    def _tell_alerts(self, rows: list[MerchantRow]) -> None:
        """Once per sign-in: how many licences run out within 30 days or have run out."""
        who = self.who
        if self._told_alerts or who is None or not who.can(Permission.MANAGE_MERCHANTS):
            return
        self._told_alerts = True
        due = {LicenceState.EXPIRING, LicenceState.EXPIRED}
        n = sum(
            1
            for r in rows
            if r.status is not MerchantStatus.EXITED
            and (r.licence_state in due or r.food_licence_state in due)
        )
        if n:
            self.ctx.feedback.notify(
                Level.WARNING,
                self.tr("{n} merchants' licences expire within 30 days or have expired").format(
                    n=n
                ),
            )
        certs = sum(r.staff_cert_alerts for r in rows if r.status is not MerchantStatus.EXITED)
        if certs:
            self.ctx.feedback.notify(
                Level.WARNING,
                self.tr(
                    "{n} health certificates of merchants' staff expire within 30 days or have "
                    "expired"
                ).format(n=certs),
            )
        overdue = sum(r.overdue_complaints for r in rows)
        if overdue:
            self.ctx.feedback.notify(
                Level.WARNING,
                self.tr("{n} complaints about merchants are past their deadline").format(n=overdue),
            )

    def reload_products(self) -> None:
        who = self.who
        if who is None:
            return
        mid = self.catalogue_tab.merchant_chosen()
        svc = self.ctx.services.merchants
        self.read_for(
            who,
            lambda: svc.products(who, merchant_id=mid, include_inactive=True),
            self._on_products_loaded,
            self.tr("Could not read the catalogue"),
        )

    def _on_products_loaded(self, rows: list[Any]) -> None:
        self.catalogue_tab.set_products(rows)
        if self.catalogue_tab.selected() is not None:
            self._on_product_selected()

    def reload_references(self) -> None:
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.merchants
        self.read_for(
            who,
            lambda: svc.reference_table(who),
            self._on_references_loaded,
            self.tr("Could not read the price surveys"),
        )

    def _on_references_loaded(self, rows: list[Any]) -> None:
        self.references_tab.set_references(rows)
        if self.references_tab.selected() is not None:
            self._on_reference_selected()

    def on_changes(self, changes: ChangesAvailable) -> None:
        if self.who is None:
            return
        tables = changes.tables & TABLES
        if not tables or self.reload_instead():
            return
        if tables - {"product", "product_price", "price_observation"}:
            self.reload_merchants()
        if tables & {"merchant", "product", "product_price", "price_observation"}:
            self.reload_products()
        if tables & {"product", "price_observation"}:
            self.reload_references()

    @Slot()
    def _on_merchant_selected(self) -> None:
        who, r = self.who, self.merchants_tab.selected()
        if who is None or r is None:
            self.merchants_tab.show_detail(None)
            return
        svc = self.ctx.services.merchants
        self.read_for(
            who,
            lambda: svc.detail(who, r.id),
            self.merchants_tab.show_detail,
            self.tr("Could not read the merchant's records"),
        )

    @Slot()
    def _on_product_selected(self) -> None:
        who, p = self.who, self.catalogue_tab.selected()
        if who is None or p is None:
            return
        svc = self.ctx.services.merchants
        self.read_for(
            who,
            lambda: svc.price_history(who, p.id),
            lambda rows: self.catalogue_tab.show_history(p.id, rows),
            self.tr("Could not read the price history"),
        )

    @Slot()
    def _on_reference_selected(self) -> None:
        who, r = self.who, self.references_tab.selected()
        if who is None or r is None:
            return
        svc = self.ctx.services.merchants
        self.read_for(
            who,
            lambda: svc.observations(who, r.code),
            lambda rows: self.references_tab.show_observations(r.code, rows),
            self.tr("Could not read the observations"),
        )

    # --- writes -----------------------------------------------------------------------------
    def _write(self, job: Callable[[], object], done: str, failed: str) -> None:
        """A change on the writer thread; a status message when done, a report if not."""

        def ok(_r: object) -> None:
            self.ctx.window.show_message(done, 5000)

        self.ctx.jobs.write(
            job, ok, lambda exc: self.ctx.feedback.report(exc, failed), "merchants write"
        )

    def _open(self, dlg: QDialog, on_accept: Callable[[], None]) -> None:
        self._close_dialog()
        self.dialog = dlg
        dlg.accepted.connect(on_accept)
        dlg.finished.connect(dlg.deleteLater)
        dlg.finished.connect(lambda _r: self._forget(dlg))
        self.ctx.dialogs.register(dlg)
        dlg.open()

    def _forget(self, dlg: QDialog) -> None:
        if self.dialog is dlg:
            self.dialog = None

    @Slot(str)
    def _on_merchant_action(self, action: str) -> None:
        who = self.who
        if who is None:
            return
        if action == "certify":
            self.certify()
            return
        m = self.merchants_tab.selected()
        if m is None:
            return
        handlers: dict[str, Callable[[Principal, MerchantRow], None]] = {
            "renew": self._renew,
            "suspend": self._suspend,
            "reinstate": self._reinstate,
            "exit": self._exit,
            "staff": self._add_staff,
            "staff_active": self._toggle_staff,
            "staff_cert": self._staff_cert,
            "inspect": self._inspect,
            "complain": self._complain,
            "resolve": self._resolve,
        }
        handler = handlers.get(action)
        if handler is not None:
            handler(who, m)

    def certify(self) -> None:
        """The certify dialog over the open, uncertified shops, markets and services."""
        who = self.who
        if who is None or not who.can(Permission.MANAGE_MERCHANTS):
            return
        svc = self.ctx.services.merchants

        def show(found: list[tuple[int, str, str, str]]) -> None:
            dlg = CertifyDialog(found, self.today(), self.ctx.window)

            def accepted() -> None:
                v = dlg.value()
                self._write(
                    lambda: svc.certify(
                        who,
                        v.business_id,
                        licence_no=v.licence_no,
                        licence_expires=v.licence_expires,
                        food_licence_no=v.food_licence_no,
                        food_licence_expires=v.food_licence_expires,
                    ),
                    self.tr("Merchant certified"),
                    self.tr("Could not certify the merchant"),
                )

            self._open(dlg, accepted)

        self.read_for(
            who, lambda: svc.certifiable(who), show, self.tr("Could not read the register")
        )

    def _renew(self, who: Principal, m: MerchantRow) -> None:
        dlg = LicencesDialog(
            m.licence_no,
            m.licence_expires,
            m.food_licence_no,
            m.food_licence_expires,
            self.ctx.window,
        )
        svc = self.ctx.services.merchants

        def accepted() -> None:
            no, expires, food_no, food_expires = dlg.value()
            self._write(
                lambda: svc.renew_licences(
                    who,
                    m.id,
                    licence_no=no,
                    licence_expires=expires,
                    food_licence_no=food_no,
                    food_licence_expires=food_expires,
                ),
                self.tr("Licences saved"),
                self.tr("Could not save the licences"),
            )

        self._open(dlg, accepted)

    def _status_step(
        self,
        m: MerchantRow,
        dlg: ReasonDialog,
        confirm_title: str,
        confirm_text: str,
        job: Callable[[str], None],
        done: str,
        failed: str,
    ) -> None:
        def accepted() -> None:
            reason = dlg.reason()
            self.ctx.dialogs.confirm(
                confirm_title,
                confirm_text.format(name=m.name, reason=reason),
                lambda: self._write(lambda: job(reason), done, failed),
            )

        self._open(dlg, accepted)

    def _suspend(self, who: Principal, m: MerchantRow) -> None:
        svc = self.ctx.services.merchants
        dlg = ReasonDialog(
            self.tr("Suspend {name}").format(name=m.name),
            self.tr("Why is the merchant suspended? It takes no new orders until reinstated."),
            [
                self.tr("Inspection failed"),
                self.tr("Food safety complaint under investigation"),
                self.tr("Prices above the agreed discount"),
                self.tr("Licence under renewal"),
            ],
            self.ctx.window,
        )
        self._status_step(
            m,
            dlg,
            self.tr("Suspend the merchant"),
            self.tr("Suspend {name}? Reason: {reason}. Open orders stay; new ones are refused."),
            lambda reason: svc.suspend(who, m.id, reason),
            self.tr("Merchant suspended"),
            self.tr("Could not suspend the merchant"),
        )

    def _reinstate(self, who: Principal, m: MerchantRow) -> None:
        svc = self.ctx.services.merchants
        expired = []
        if m.licence_state is LicenceState.EXPIRED:
            expired.append(
                self.tr("business licence {number} expired on {day}").format(
                    number=m.licence_no, day=m.licence_expires.isoformat()
                )
            )
        if m.food_licence_state is LicenceState.EXPIRED and m.food_licence_expires is not None:
            expired.append(
                self.tr("food licence {number} expired on {day}").format(
                    number=m.food_licence_no, day=m.food_licence_expires.isoformat()
                )
            )
        if expired:
            # Said before a reason is asked for: the service refuses it anyway, and that came
            # after the reason and the confirmation, as an English error with a traceback.
            self.ctx.dialogs.inform(
                self.tr("Reinstate {name}").format(name=m.name),
                self.tr(
                    "{name} cannot be reinstated while a licence is expired: {what}. "
                    "Record the renewed licence first."
                ).format(name=m.name, what=self.tr("; ").join(expired)),
            )
            return
        dlg = ReasonDialog(
            self.tr("Reinstate {name}").format(name=m.name),
            self.tr("Why may the merchant take orders again?"),
            [self.tr("Renewed licence checked"), self.tr("Rectified and re-inspected")],
            self.ctx.window,
        )
        self._status_step(
            m,
            dlg,
            self.tr("Reinstate the merchant"),
            self.tr("Reinstate {name}? Reason: {reason}."),
            lambda reason: svc.reinstate(who, m.id, reason),
            self.tr("Merchant reinstated"),
            self.tr("Could not reinstate the merchant"),
        )

    def _exit(self, who: Principal, m: MerchantRow) -> None:
        svc = self.ctx.services.merchants
        dlg = ReasonDialog(
            self.tr("Exit {name}").format(name=m.name),
            self.tr("Why does the merchant leave the scheme? Its products are withdrawn."),
            [
                self.tr("Merchant's own request"),
                self.tr("Business closed"),
                self.tr("Repeated serious complaints"),
            ],
            self.ctx.window,
        )
        self._status_step(
            m,
            dlg,
            self.tr("Exit the merchant"),
            self.tr(
                "{name} leaves the scheme for good. Reason: {reason}. Its products are "
                "withdrawn and it cannot be reinstated. Continue?"
            ),
            lambda reason: svc.exit(who, m.id, reason),
            self.tr("Merchant exited"),
            self.tr("Could not exit the merchant"),
        )

    def _add_staff(self, who: Principal, m: MerchantRow) -> None:
        svc = self.ctx.services.merchants
        dlg = StaffDialog(self.today(), self.ctx.window)

        def accepted() -> None:
            v = dlg.value()
            self._write(
                lambda: svc.add_staff(
                    who,
                    m.id,
                    name=v.name,
                    phone=v.phone,
                    deliverer=v.deliverer,
                    health_cert_no=v.health_cert_no,
                    health_cert_expires=v.health_cert_expires,
                ),
                self.tr("Staff added"),
                self.tr("Could not add the staff"),
            )

        self._open(dlg, accepted)

    def _toggle_staff(self, who: Principal, _m: MerchantRow) -> None:
        s = self.merchants_tab.selected_staff()
        if s is None:
            return
        svc = self.ctx.services.merchants
        self._write(
            lambda: svc.edit_staff(who, s.id, active=not s.active),
            self.tr("Staff saved"),
            self.tr("Could not save the staff"),
        )

    def _staff_cert(self, who: Principal, _m: MerchantRow) -> None:
        s = self.merchants_tab.selected_staff()
        if s is None:
            return
        svc = self.ctx.services.merchants
        dlg = HealthCertificateDialog(
            s.name, s.health_cert_no, s.health_cert_expires, self.today(), self.ctx.window
        )

        def accepted() -> None:
            number, expires = dlg.value()
            self._write(
                lambda: svc.edit_staff(
                    who, s.id, health_cert_no=number, health_cert_expires=expires
                ),
                self.tr("Staff saved"),
                self.tr("Could not save the staff"),
            )

        self._open(dlg, accepted)

    def _inspect(self, who: Principal, m: MerchantRow) -> None:
        svc = self.ctx.services.merchants
        dlg = InspectionDialog(self.today(), self.ctx.window)

        def accepted() -> None:
            on, inspector, score, findings = dlg.value()
            self._write(
                lambda: svc.inspect(
                    who, m.id, inspected_on=on, inspector=inspector, score=score, findings=findings
                ),
                self.tr("Inspection recorded"),
                self.tr("Could not record the inspection"),
            )

        self._open(dlg, accepted)

    def _complain(self, who: Principal, m: MerchantRow) -> None:
        svc = self.ctx.services.merchants
        dlg = ComplaintDialog(m.name, self.ctx.window)

        def accepted() -> None:
            category, text = dlg.value()
            self._write(
                lambda: svc.file_complaint(who, m.id, category, text),
                self.tr("Complaint filed"),
                self.tr("Could not file the complaint"),
            )

        self._open(dlg, accepted)

    def _resolve(self, who: Principal, _m: MerchantRow) -> None:
        c = self.merchants_tab.selected_complaint()
        if c is None:
            return
        svc = self.ctx.services.merchants
        dlg = ReasonDialog(
            self.tr("Resolve the complaint"),
            self.tr("What was done? The resident is told this."),
            [],
            self.ctx.window,
            multiline=True,
        )

        def accepted() -> None:
            text = dlg.reason()
            self._write(
                lambda: svc.resolve_complaint(who, c.id, text),
                self.tr("Complaint resolved"),
                self.tr("Could not resolve the complaint"),
            )

        self._open(dlg, accepted)

    # --- the catalogue ------------------------------------------------------------------------
    @Slot(str)
    def _on_catalogue_action(self, action: str) -> None:
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.merchants
        tab = self.catalogue_tab
        refs = {r.code: r.reference_cents for r in self.references_tab.model.rows()}
        if action == "product":
            merchants = [
                (r.id, f"{r.name} · {r.code}")
                for r in self._merchants
                if r.status is not MerchantStatus.EXITED
            ]
            dlg = ProductDialog(merchants, refs, tab.merchant_chosen(), self.ctx.window)

            def add() -> None:
                mid, p = dlg.value()
                self._write(
                    lambda: svc.add_product(
                        who,
                        mid,
                        code=p.code,
                        name=p.name,
                        kind=p.kind,
                        unit=p.unit,
                        price_cents=p.price_cents,
                    ),
                    self.tr("Product added"),
                    self.tr("Could not add the product"),
                )

            self._open(dlg, add)
            return
        product = tab.selected()
        if product is None:
            return
        if action == "price":
            pdlg = PriceDialog(
                product.name, product.price_cents, product.reference_cents, self.ctx.window
            )

            def priced() -> None:
                cents = pdlg.cents()
                self._write(
                    lambda: svc.set_price(who, product.id, cents),
                    self.tr("Price changed"),
                    self.tr("Could not change the price"),
                )

            self._open(pdlg, priced)
        elif action == "withdraw":
            self._write(
                lambda: svc.set_product_active(who, product.id, not product.active),
                self.tr("Catalogue saved"),
                self.tr("Could not save the catalogue"),
            )

    @Slot(str)
    def _on_reference_action(self, action: str) -> None:
        who = self.who
        if who is None or action != "observe":
            return
        svc = self.ctx.services.merchants
        chosen = self.references_tab.selected()
        dlg = ObservationDialog(
            self.references_tab.codes(),
            self.today(),
            "" if chosen is None else chosen.code,
            self.ctx.window,
        )

        def observed() -> None:
            code, on, place, cents = dlg.value()
            self._write(
                lambda: svc.observe_price(
                    who, code=code, observed_on=on, place=place, price_cents=cents
                ),
                self.tr("Market price recorded"),
                self.tr("Could not record the market price"),
            )

        self._open(dlg, observed)

    # --- the licence sweep ----------------------------------------------------------------
    @Slot()
    def _on_sweep_timer_timeout(self) -> None:
        self.sweep_now()

    def sweep_now(self) -> None:
        """Suspend the merchants whose licence has run out (one job at a time; the writer)."""
        who = self.who
        if self._sweeping or self._closing or who is None:
            return
        self._sweeping = True
        svc = self.ctx.services.merchants

        def sweep() -> tuple[list[int], dict[int, str]]:
            ids = svc.sweep_licences()
            # Named in the notices, whether or not the pane has read its list yet.
            named: dict[int, str] = {}
            if ids and who.can(Permission.VIEW_RESIDENTS):  # what listing merchants needs
                named = {r.id: r.name for r in svc.merchants(who, include_exited=True)}
            return ids, named

        self.ctx.jobs.write(sweep, self._on_swept, self._on_sweep_failed, "licence sweep")

    def _on_swept(self, swept: tuple[list[int], dict[int, str]]) -> None:
        self._sweeping = False
        ids, names = swept
        if not ids:
            return
        log.info("suspended %d merchants whose licence expired", len(ids))
        for mid in ids:
            self.ctx.feedback.notify(
                Level.WARNING,
                self.tr("Merchant {name} suspended: its licence has expired").format(
                    name=names.get(mid, f"#{mid}")
                ),
            )

    def _on_sweep_failed(self, exc: BaseException) -> None:
        self._sweeping = False
        self.ctx.feedback.report(exc, self.tr("Licence sweep failed"))
