"""The composition root: builds services, threads and windows and wires them together."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QObject, Qt, QThread, QTimer, Slot
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.exc import SQLAlchemyError

from console.bridge import EventBridge
from console.feed import ChangeFeedWatcher
from console.i18n import DEFAULT_LANGUAGE, Translations
from console.idle import IdleWatcher
from console.layout import LayoutStore
from console.main_window import MainWindow
from console.threads import DbExecutor, ThreadOwner
from core.audit import AuditAction, ChainReport
from core.auth import LoginError, LoginPolicy
from core.events import ChangesAvailable, DatabaseHealth, WorkerFailed
from core.incidents import IncidentState, TransitionError, allowed_targets
from core.permissions import Permission, PermissionDenied, Principal
from core.ports import PasswordHasher
from core.timefmt import DEFAULT_ZONE, fmt_local
from core.views import (
    CommunityRow,
    DeviceCounts,
    DeviceRow,
    IncidentDetail,
    IncidentRow,
    UserRow,
)
from data.audit import verify_audit
from data.db import Database, DatabaseError, classify
from data.queries import STREET_WIDE, ConsoleService
from data.security import AuthService, generate_password
from widgets.accounts import AccountsDialog, NewAccount
from widgets.incident_detail import IncidentDetailDialog
from widgets.incident_dialog import NewIncident, NewIncidentDialog
from widgets.login import LoginDialog
from widgets.notifications import Level

log = logging.getLogger(__name__)


@dataclass
class ConsoleOptions:
    """What the console runs with (from the command line, environment and defaults)."""

    workstation: str = "CC"
    language: str = DEFAULT_LANGUAGE
    idle_lock_minutes: float = 10.0
    config_dir: Path = field(default_factory=lambda: Path.home() / ".config" / "street-console")
    poll_interval: float = 1.0
    confirm_quit: bool = True


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the panes show, read in one job off the GUI thread."""

    username: str  # whose view it is: a snapshot that outlives its user's session is dropped
    incidents: list[IncidentRow]
    devices: list[DeviceRow]
    counts: DeviceCounts
    communities: list[CommunityRow]


class ConsoleApp(QObject):
    """The controller: owns threads and services; the window only shows and asks."""

    def __init__(
        self,
        qapp: QApplication,
        db: Database,
        opts: ConsoleOptions,
        *,
        hasher: PasswordHasher | None = None,
        policy: LoginPolicy | None = None,
        translations: Translations | None = None,
    ):
        super().__init__()
        self.qapp = qapp
        self.db = db
        self.opts = opts
        self.bridge = EventBridge(self)
        self.owner = ThreadOwner()
        self.writer = self.owner.add_executor(
            DbExecutor("db-writer", self.bridge.deliver, sink=self.bridge)
        )
        self.reader = self.owner.add_executor(
            DbExecutor("db-reader", self.bridge.deliver, workers=2, sink=self.bridge)
        )
        self.owner.add_closer("database", db.dispose)
        policy = policy or LoginPolicy()
        self.auth = AuthService(db, workstation=opts.workstation, hasher=hasher, policy=policy)
        self.service = ConsoleService(db, self.auth)
        meta = self.service.site_meta()
        self.zone = meta.get("timezone", DEFAULT_ZONE)
        self.site_name = meta.get("site_name", "")
        # One owner of the installed translators, or switching back to English would leave
        # another set installed.
        self.translations = translations or Translations(qapp)
        self.translations.switch(opts.language)
        self.layouts = LayoutStore(opts.config_dir / "layout.ini")
        self.window = MainWindow(self.zone)
        self.window.set_site(self.site_name)
        self.window.set_database(db.label, True)
        self.window.set_language_checked(self.translations.language)
        self.login_dialog: LoginDialog | None = None
        self.incident_dialog: NewIncidentDialog | None = None
        self.detail_dialog: IncidentDetailDialog | None = None
        self.accounts_dialog: AccountsDialog | None = None
        self.communities: list[CommunityRow] = []
        self._draft_on_lock: NewIncident | None = None
        self.principal: Principal | None = None
        self.idle = IdleWatcher(int(opts.idle_lock_minutes * 60_000), self)
        qapp.installEventFilter(self.idle)
        self.feed: ChangeFeedWatcher | None = None
        self._refresh_pending = False
        self._refresh_again = False
        self._shut_down = False
        self._wire()

    def _wire(self) -> None:
        w = self.window
        w.sig_lock_requested.connect(self.lock)
        w.sig_sign_out_requested.connect(self.sign_out)
        w.sig_quit_requested.connect(self.quit)
        w.sig_new_incident_requested.connect(self._on_window_new_incident_requested)
        w.sig_acknowledge_requested.connect(self._on_window_acknowledge_requested)
        w.sig_incident_open_requested.connect(self.open_incident)
        w.sig_refresh_requested.connect(self.refresh)
        w.sig_language_requested.connect(self.set_language)
        w.sig_verify_audit_requested.connect(self._on_window_verify_audit_requested)
        w.sig_accounts_requested.connect(self.open_accounts)
        w.sig_reset_layout_requested.connect(self._on_window_reset_layout_requested)
        w.lock_screen.sig_unlock_requested.connect(self._on_lock_unlock_requested)
        w.lock_screen.sig_sign_out_requested.connect(self.sign_out)
        self.idle.sig_idle.connect(self._on_idle)
        self.bridge.sig_worker_failed.connect(self._on_worker_failed)
        self.bridge.sig_changes_available.connect(self._on_changes_available)
        self.bridge.sig_db_health_changed.connect(self._on_db_health_changed)

    # --- sign-in -------------------------------------------------------------------------
    def start(self) -> LoginDialog:
        """Show the sign-in dialog (non-blocking)."""
        dlg = LoginDialog(self.site_name)
        dlg.set_language(self.translations.language)
        dlg.sig_login_requested.connect(self._on_login_requested)
        dlg.sig_language_requested.connect(self.set_language)
        dlg.rejected.connect(self._on_login_rejected)
        self.login_dialog = dlg
        dlg.show()
        dlg.username.setFocus()
        return dlg

    @Slot(str, str)
    def _on_login_requested(self, username: str, password: str) -> None:
        self.writer.submit(
            lambda: self.auth.login(username, password),
            self._on_login_succeeded,
            self._on_login_failed,
            label="login",
        )

    def _on_login_succeeded(self, who: Principal) -> None:
        if self.login_dialog is not None:
            self.login_dialog.hide()
            self.login_dialog.deleteLater()
            self.login_dialog = None
        self.enter(who)

    def _on_login_failed(self, exc: BaseException) -> None:
        if self.login_dialog is not None:
            self.login_dialog.show_error(self.login_error_text(exc))

    def login_error_text(self, exc: BaseException) -> str:
        """An operator-facing reason for a refused sign-in."""
        if isinstance(exc, LoginError):
            if exc.reason == LoginError.LOCKED:
                until = fmt_local(exc.locked_until, self.zone, seconds=False)
                return self.tr(
                    "This account is locked until {until} after repeated wrong passwords. "
                    "An administrator can unlock it."
                ).format(until=until)
            if exc.reason == LoginError.DISABLED:
                return self.tr("This account is disabled.")
            return self.tr("Wrong user name or password.")
        log.error("sign-in failed: %s", exc, exc_info=exc)
        return self.tr("Sign-in is not possible right now: {err}").format(err=exc)

    def _on_login_rejected(self) -> None:
        self.quit()

    def enter(self, who: Principal) -> None:
        """Open the console for a signed-in user: layout, data, idle lock, change feed."""
        self.principal = who
        self.window.set_principal(who)
        saved = self.layouts.load(who.username)
        self.window.default_layout()
        if saved is not None and not self.window.restore_layout(*saved):
            log.warning("saved layout of %s was not usable; default layout used", who.username)
        self.window.show()
        self.refresh()
        self.idle.start()
        if self.feed is None:
            self.feed = ChangeFeedWatcher(self.db, self.bridge, interval=self.opts.poll_interval)
            self.owner.add_worker(self.feed)

    # --- data ----------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Reload the panes off the GUI thread; calls while one is running coalesce."""
        who = self.principal
        if who is None or self._shut_down:
            return  # events queued before shutdown may still arrive; the pools are closed
        if self._refresh_pending:
            self._refresh_again = True
            return
        self._refresh_pending = True
        self.reader.submit(
            lambda: self._snapshot(who), self._on_snapshot, self._on_snapshot_failed, "refresh"
        )

    def _snapshot(self, who: Principal) -> Snapshot:
        devices = self.service.devices(who)
        return Snapshot(
            username=who.username,
            incidents=self.service.open_incidents(who),
            devices=devices,
            # Derived from the rows just read: a second query could disagree with them.
            counts=DeviceCounts.of(devices),
            communities=self.service.communities(who),
        )

    def _on_snapshot(self, snap: Snapshot) -> None:
        self._refresh_pending = False
        if self.principal is not None and self.principal.username == snap.username:
            self.communities = snap.communities
            self.window.set_incidents(snap.incidents)
            self.window.set_devices(snap.devices, snap.counts)
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def _on_snapshot_failed(self, exc: BaseException) -> None:
        self._refresh_pending = False
        self._report(exc, self.tr("Could not load the panes"))
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def _report(self, exc: BaseException, what: str) -> None:
        if isinstance(exc, PermissionDenied):
            text = self.tr("{what}: your role does not allow this.").format(what=what)
            self.window.notify(Level.WARNING, text)
        else:
            log.error("%s: %s", what, exc, exc_info=exc)
            self.window.notify(Level.ERROR, f"{what}: {self.describe(exc)}")
        self.window.statusBar().showMessage(what, 6000)

    def describe(self, exc: BaseException) -> str:
        """An operator-facing reason in the UI language; the raw error goes to the log."""
        if isinstance(exc, PermissionDenied):
            return self.tr("your role does not allow this")
        if isinstance(exc, TransitionError):
            return self.tr("the incident's current state does not allow this change")
        if isinstance(exc, LookupError):
            return self.tr("the item no longer exists (another workstation may have changed it)")
        if isinstance(exc, DatabaseError):
            return exc.message
        if isinstance(exc, SQLAlchemyError):
            return classify(exc, self.db.url).message
        return str(exc) or type(exc).__name__

    @Slot(object)
    def _on_changes_available(self, ch: ChangesAvailable) -> None:
        if ch.tables & {"incident", "device", "community"}:
            self.refresh()
        dlg = self.detail_dialog
        if "incident" in ch.tables and dlg is not None and dlg.isVisible() and dlg.incident_id:
            self.open_incident(dlg.incident_id)  # another workstation may have moved it

    @Slot(object)
    def _on_db_health_changed(self, h: DatabaseHealth) -> None:
        self.window.set_database(self.db.label, h.ok, h.detail)
        if h.ok:
            self.window.notify(Level.INFO, self.tr("Database connection restored."), h.at)
            self.refresh()
        else:
            self.window.notify(
                Level.ERROR, self.tr("Database not reachable: {d}").format(d=h.detail), h.at
            )

    @Slot(object)
    def _on_worker_failed(self, ev: WorkerFailed) -> None:
        if self.feed is not None and ev.worker == self.feed.name:
            return  # the feed's outages arrive as DatabaseHealth, said once and translated
        self.window.notify(Level.ERROR, f"{ev.worker}: {ev.message}", ev.at)

    # --- incidents -----------------------------------------------------------------------
    def _on_window_new_incident_requested(self) -> None:
        self.edit_new_incident()

    def edit_new_incident(self, draft: NewIncident | None = None, error: str = "") -> None:
        """Open the entry dialog (again, pre-filled, after a failed save) and submit it."""
        who = self.principal
        if who is None:
            return
        # The list comes from the last refresh: no query on the GUI thread.
        dlg = NewIncidentDialog(self.communities, self.window)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if draft is not None:
            dlg.prefill(draft, error)
        # Window-modal but not a nested event loop: the console keeps updating meanwhile.
        dlg.accepted.connect(lambda: self.create_incident(dlg.value()))
        dlg.finished.connect(self._on_incident_dialog_finished)
        self.incident_dialog = dlg
        dlg.open()

    def _on_incident_dialog_finished(self, _result: int) -> None:
        self.incident_dialog = None

    def create_incident(self, v: NewIncident) -> None:
        """Submit a new incident to the writer; if it fails, the entry comes back to the user."""
        who = self.principal
        if who is None:
            return
        self.writer.submit(
            lambda: self.service.create_incident(
                who,
                title=v.title,
                priority=v.priority,
                community=v.community,
                location=v.location,
                description=v.description,
            ),
            lambda _id: self.refresh(),
            lambda exc: self._on_create_incident_failed(v, exc),
            "create_incident",
        )

    def _on_create_incident_failed(self, v: NewIncident, exc: BaseException) -> None:
        what = self.tr("Could not create the incident")
        self._report(exc, what)
        if not isinstance(exc, PermissionDenied):
            # The operator's entry is not lost: the dialog comes back with it and the reason.
            QTimer.singleShot(0, lambda: self.edit_new_incident(v, f"{what}: {exc}"))

    def _on_window_acknowledge_requested(self, incident_id: int) -> None:
        who = self.principal
        if who is None:
            return
        self.writer.submit(
            lambda: self.service.transition(who, incident_id, IncidentState.ACKNOWLEDGED),
            lambda _r: self.refresh(),
            lambda exc: self._report(exc, self.tr("Could not acknowledge the incident")),
            "acknowledge",
        )

    @Slot(int)
    def open_incident(self, incident_id: int) -> None:
        """Load an incident with its timeline off the GUI thread and show it."""
        who = self.principal
        if who is None or self._shut_down:
            return
        self.reader.submit(
            lambda: self.service.incident_detail(who, incident_id),
            self._on_incident_detail_loaded,
            lambda exc: self._report(exc, self.tr("Could not open the incident")),
            "incident_detail",
        )

    def _on_incident_detail_loaded(self, detail: IncidentDetail) -> None:
        who = self.principal
        if who is None or self.window.locked:
            return
        if self.detail_dialog is None:
            self.detail_dialog = IncidentDetailDialog(self.zone, self.window)
            self.detail_dialog.sig_transition_requested.connect(
                self._on_detail_transition_requested
            )
        allowed = [
            t
            for t in allowed_targets(detail.row.state)
            if who.can(
                Permission.REVIEW_INCIDENTS
                if t is IncidentState.CLOSED
                else Permission.HANDLE_INCIDENTS,
                detail.row.community or STREET_WIDE,
            )
        ]
        self.detail_dialog.set_detail(detail, allowed)
        self.detail_dialog.show()
        self.detail_dialog.raise_()

    @Slot(int, str, str)
    def _on_detail_transition_requested(self, incident_id: int, target: str, note: str) -> None:
        who = self.principal
        if who is None:
            return
        self.writer.submit(
            lambda: self.service.transition(who, incident_id, IncidentState(target), note),
            lambda _r: self._on_detail_transition_done(incident_id),
            self._on_detail_transition_failed,
            "transition",
        )

    def _on_detail_transition_done(self, incident_id: int) -> None:
        if self.detail_dialog is not None and self.detail_dialog.incident_id == incident_id:
            self.detail_dialog.step_done()
        self.refresh()
        self.open_incident(incident_id)

    def _on_detail_transition_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PermissionDenied | TransitionError | LookupError):
            log.info("transition refused: %s", exc)
        else:
            log.error("transition failed: %s", exc, exc_info=exc)
        if self.detail_dialog is not None:
            self.detail_dialog.show_error(self.describe(exc))

    def _on_window_verify_audit_requested(self) -> None:
        who = self.principal
        if who is None:
            return

        def job() -> ChainReport:
            self.auth.require(who, Permission.VIEW_AUDIT)
            with self.db.session() as s:
                return verify_audit(s)

        self.window.statusBar().showMessage(self.tr("Verifying the audit log…"))
        self.reader.submit(
            job, self._on_audit_verified, lambda e: self._report(e, self.tr("Audit check failed"))
        )

    def _on_audit_verified(self, report: ChainReport) -> None:
        self.window.statusBar().clearMessage()
        if report.ok:
            text = self.tr("Audit log intact: {n} rows, chain verified.").format(n=report.rows)
            self.window.notify(Level.INFO, text)
            QMessageBox.information(self.window, self.tr("Verify audit log"), text)
        else:
            first = report.breaks[0]
            text = self.tr("AUDIT LOG TAMPERED: {n} problems; first at row {row}: {why}").format(
                n=len(report.breaks), row=first.row_id, why=first.reason
            )
            self.window.notify(Level.ERROR, text)
            QMessageBox.critical(self.window, self.tr("Verify audit log"), text)

    # --- accounts (admin) -----------------------------------------------------------------
    @Slot()
    def open_accounts(self, status: str = "") -> None:
        """Load the account list off the GUI thread and show it (admin only, checked there)."""
        who = self.principal
        if who is None or self._shut_down:
            return
        self.reader.submit(
            lambda: self.auth.list_users(who),
            lambda rows: self._on_accounts_loaded(rows, status),
            lambda exc: self._report(exc, self.tr("Could not list the accounts")),
            "list_users",
        )

    def _on_accounts_loaded(self, rows: list[UserRow], status: str) -> None:
        if self.principal is None or self.window.locked:
            return
        dlg = self.accounts_dialog
        if dlg is None:
            dlg = self.accounts_dialog = AccountsDialog(self.zone, parent=self.window)
            dlg.sig_create_requested.connect(self._on_accounts_create_requested)
            dlg.sig_unlock_requested.connect(self._on_accounts_unlock_requested)
            dlg.sig_reset_requested.connect(self._on_accounts_reset_requested)
        dlg.communities = self.communities
        dlg.set_users(rows)
        dlg.show_status(status)
        dlg.show()
        dlg.raise_()

    def _account_job(self, job: Callable[[], str], label: str) -> None:
        """Run an account change on the writer; its message (or refusal) shows in the dialog."""
        self.writer.submit(job, self.open_accounts, self._on_account_job_failed, label)

    def _on_account_job_failed(self, exc: BaseException) -> None:
        if self.accounts_dialog is not None:
            self.accounts_dialog.show_status(self.describe(exc))

    @Slot(object)
    def _on_accounts_create_requested(self, v: NewAccount) -> None:
        who = self.principal
        if who is None:
            return

        def job() -> str:
            password = generate_password()
            self.auth.create_user(
                who,
                username=v.username,
                display_name=v.display_name,
                role=v.role,
                password=password,
                communities=[v.community] if v.community else [],
            )
            return self.tr(
                "Account {user} created. Initial password: {pw} — hand it over now; it is "
                "not shown again."
            ).format(user=v.username, pw=password)

        self._account_job(job, "create_user")

    @Slot(str)
    def _on_accounts_unlock_requested(self, username: str) -> None:
        who = self.principal
        if who is None:
            return

        def job() -> str:
            self.auth.unlock_account(who, username)
            return self.tr("Account {user} unlocked.").format(user=username)

        self._account_job(job, "unlock")

    @Slot(str)
    def _on_accounts_reset_requested(self, username: str) -> None:
        who = self.principal
        if who is None:
            return

        def job() -> str:
            password = self.auth.reset_password(who, username)
            return self.tr(
                "New password of {user}: {pw} — hand it over now; it is not shown again."
            ).format(user=username, pw=password)

        self._account_job(job, "reset_password")

    # --- lock, language, layout ----------------------------------------------------------
    @Slot()
    def lock(self) -> None:
        """Lock the screen now (Ctrl+L or idle)."""
        who = self.principal
        if who is None or self.window.locked:
            return
        self.idle.stop()
        for other in (self.detail_dialog, self.accounts_dialog):
            if other is not None:
                other.hide()
        dlg = self.incident_dialog
        if dlg is not None:
            # An open entry must not stay usable over the lock screen; it comes back after
            # unlocking with everything typed so far.
            self._draft_on_lock = dlg.value()
            dlg.reject()
        self.window.set_locked(True)
        self.writer.submit(lambda: self.auth.record(who, AuditAction.SCREEN_LOCKED), label="lock")

    def _on_idle(self) -> None:
        self.lock()

    def _on_lock_unlock_requested(self, password: str) -> None:
        who = self.principal
        if who is None:
            return
        self.writer.submit(
            lambda: self.auth.reauthenticate(who, password),
            self._on_unlocked,
            self._on_unlock_failed,
            "unlock",
        )

    def _on_unlocked(self, who: Principal) -> None:
        self.principal = who
        self.window.set_locked(False)
        self.idle.start()
        draft, self._draft_on_lock = self._draft_on_lock, None
        if draft is not None:
            self.edit_new_incident(draft)

    def _on_unlock_failed(self, exc: BaseException) -> None:
        if isinstance(exc, LoginError) and exc.reason == LoginError.LOCKED:
            # Too many wrong passwords at the lock screen: the session ends.
            self.sign_out()
            if self.login_dialog is not None:
                self.login_dialog.show_error(self.login_error_text(exc))
            return
        self.window.lock_screen.show_error(self.login_error_text(exc))

    @Slot(str)
    def set_language(self, lang: str) -> None:
        """Switch the UI language at run time."""
        if not self.translations.switch(lang):
            self.window.notify(
                Level.WARNING, f"translation for {lang} missing; run `make translations`"
            )
        self.window.set_language_checked(self.translations.language)
        if self.login_dialog is not None:
            self.login_dialog.set_language(self.translations.language)

    def _on_window_reset_layout_requested(self) -> None:
        if self.principal is not None:
            self.layouts.forget(self.principal.username)
        self.window.default_layout()

    def save_layout(self) -> None:
        """Remember the window layout for the signed-in user."""
        if self.principal is not None:
            self.layouts.save(self.principal.username, *self.window.layout_state())

    # --- sign-out and quit ---------------------------------------------------------------
    @Slot()
    def sign_out(self) -> None:
        """Save the layout, audit, hide the window and ask for a sign-in again."""
        who = self.principal
        if who is None:
            return
        # Unlock first: floating panes hidden by the lock come back before the layout is saved.
        self.window.set_locked(False)
        self.save_layout()
        self.idle.stop()
        self.writer.submit(lambda: self.auth.record(who, AuditAction.LOGOUT), label="logout")
        self.principal = None
        self.window.set_principal(None)
        # Hiding the main window leaves floating panes on screen; neither they nor the panes
        # the next user sees first may show this user's data.
        self.window.hide_floating_panes()
        self.window.clear_data()
        self.communities = []
        self._draft_on_lock = None
        for other in (self.detail_dialog, self.accounts_dialog):
            if other is not None:
                other.hide()
        self.window.hide()
        self.start()

    def quit(self, confirm: bool | None = None) -> None:
        """Ask (when signed in), save the layout, stop every thread, close."""
        confirm = self.opts.confirm_quit if confirm is None else confirm
        if self.window.locked:
            # Closing a locked console would end the session without the password.
            self.window.lock_screen.show_error(self.tr("Unlock or sign out before quitting."))
            return
        if confirm:
            parent = self.window if self.window.isVisible() else self.login_dialog
            answer = QMessageBox.question(
                parent,
                self.tr("Quit"),
                self.tr("Quit the console? Devices hosted on this workstation stop reporting."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                if self.login_dialog is not None and not self.login_dialog.isVisible():
                    self.login_dialog.show()
                return
        who = self.principal
        self.save_layout()
        if who is not None:
            self.writer.submit(lambda: self.auth.record(who, AuditAction.LOGOUT), label="logout")
        self.shutdown()
        self.window.allow_close()
        self.window.close()
        QTimer.singleShot(0, self.qapp.quit)

    def shutdown(self) -> None:
        """Stop producers first, then DB executors, then close the database (idempotent)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.idle.stop()
        self.qapp.removeEventFilter(self.idle)
        stuck = self.owner.shutdown()
        if stuck:
            log.error("threads still running at exit: %s", ", ".join(stuck))
        # Deliveries queued by the executors' last jobs are now moot.
        self.qapp.processEvents()

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Process events until no DB job is pending (screenshot, tests)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self.writer.pending or self.reader.pending or self._refresh_pending:
            if deadline.hasExpired():
                return False
            self.qapp.processEvents()
            QThread.msleep(5)
        self.qapp.processEvents()
        return True
