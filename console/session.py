"""The session: sign-in, idle lock, unlock, sign-out and quit, told to every presenter."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication

from console.dialogs import Dialogs
from console.i18n import Translations
from console.idle import IdleWatcher
from console.jobs import Jobs
from console.layout import LayoutStore
from console.presenters.base import Presenter
from console.shell.main_window import ActionSpec, MainWindow
from core.audit import AuditAction
from core.auth import LoginError
from core.model import RoleName
from core.permissions import Principal
from core.timefmt import fmt_local
from data.services import Services
from widgets.login import LoginDialog
from widgets.notifications import Level
from widgets.table_titles import widen_titles

log = logging.getLogger(__name__)
# Where the keyboard starts after signing in: the first of these panes that is on screen
# (a department's user works on the assignments desk; everyone else on the queue, a station
# on its own screen).
HOME_PANES = ("station", "incidents")
DEPARTMENT_HOME_PANES = ("assignments", "incidents")
COUNSELLOR_HOME_PANES = ("screening", "incidents")


def home_panes(role: RoleName) -> tuple[str, ...]:
    """Where a role's keyboard starts after signing in: the first of these panes on screen."""
    if role is RoleName.DEPARTMENT:
        return DEPARTMENT_HOME_PANES
    if role is RoleName.COUNSELLOR:
        return COUNSELLOR_HOME_PANES
    return HOME_PANES


class SessionController(QObject):
    """Owns who is signed in and whether the screen is locked; presenters follow.

    The order on lock and sign-out matters: presenters first (an open entry keeps its draft),
    then every registered dialog is hidden, then the window locks or hides.
    """

    def __init__(
        self,
        *,
        qapp: QApplication,
        window: MainWindow,
        services: Services,
        jobs: Jobs,
        dialogs: Dialogs,
        translations: Translations,
        layouts: LayoutStore,
        idle: IdleWatcher,
        site_name: str,
        zone: str,
        notify: Callable[[Level, str], None],
        shutdown: Callable[[], None],
        confirm_quit: bool = True,
    ):
        super().__init__(window)
        self.qapp = qapp
        self.window = window
        self.services = services
        self.jobs = jobs
        self.dialogs = dialogs
        self.translations = translations
        self.layouts = layouts
        self.idle = idle
        self.site_name = site_name
        self.zone = zone
        self._notify = notify
        self._shutdown = shutdown
        self.confirm_quit = confirm_quit
        self.presenters: Sequence[Presenter] = ()
        self.on_first_sign_in: Callable[[], None] | None = None
        self.login_dialog: LoginDialog | None = None
        self._principal: Principal | None = None
        self._quit_pending = False
        window.add_action(
            ActionSpec("lock", lambda: self.tr("Lock screen"), "console", "Ctrl+L", toolbar=True),
            self.lock,
        )
        window.add_action(
            ActionSpec("sign_out", lambda: self.tr("Sign out"), "console"), self.sign_out
        )
        window.add_action(
            ActionSpec(
                "quit",
                lambda: self.tr("Quit"),
                "console",
                "Ctrl+Q",
                separator_before=True,
                last=True,
            ),
            self.quit,
        )
        window.sig_quit_requested.connect(self.quit)
        window.sig_language_requested.connect(self.set_language)
        window.sig_reset_layout_requested.connect(self._on_window_reset_layout_requested)
        window.lock_screen.sig_unlock_requested.connect(self._on_lock_unlock_requested)
        window.lock_screen.sig_sign_out_requested.connect(self.sign_out)
        idle.sig_idle.connect(self.lock)

    @property
    def principal(self) -> Principal | None:
        """The signed-in user."""
        return self._principal

    @property
    def locked(self) -> bool:
        """True while the lock screen is up."""
        return self.window.locked

    # --- sign-in -------------------------------------------------------------------------
    def start(self, dialog: LoginDialog | None = None) -> LoginDialog:
        """Show the sign-in dialog (non-blocking), or take over one already on screen."""
        dlg = dialog or LoginDialog(self.site_name)
        dlg.set_site_name(self.site_name)
        dlg.set_language(self.translations.language)
        dlg.sig_login_requested.connect(self._on_login_requested)
        dlg.sig_language_requested.connect(self.set_language)
        dlg.rejected.connect(self.quit)
        self.login_dialog = dlg
        if dialog is None:
            dlg.show()
            dlg.username.setFocus()
        elif dlg.busy:
            # Sign in was pressed while the console was still loading: nobody heard it then.
            self._on_login_requested(dlg.username.text().strip(), dlg.password.text())
        return dlg

    @Slot(str, str)
    def _on_login_requested(self, username: str, password: str) -> None:
        self.jobs.write(
            lambda: self.services.signin.login(username, password),
            self._on_login_succeeded,
            self._on_login_failed,
            "login",
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

    def login_error_text(self, exc: BaseException, *, password_only: bool = False) -> str:
        """An operator-facing reason for a refused sign-in (or unlock, `password_only`)."""
        if isinstance(exc, LoginError):
            if exc.reason == LoginError.LOCKED:
                until = fmt_local(exc.locked_until, self.zone, seconds=False)
                return self.tr(
                    "This account is locked until {until} after repeated wrong passwords. "
                    "An administrator can unlock it."
                ).format(until=until)
            if exc.reason == LoginError.DISABLED:
                return self.tr("This account is disabled. An administrator can enable it again.")
            if password_only:
                return self.tr("Wrong password.")
            return self.tr("Wrong user name or password.")
        log.error("sign-in failed: %s", exc, exc_info=exc)
        return self.tr("Sign-in is not possible right now: {err}").format(err=exc)

    def enter(self, who: Principal) -> None:
        """Open the console for a signed-in user: layout, data, idle lock."""
        self._principal = who
        self.window.set_principal(who)
        saved = self.layouts.load(who.username)
        self.window.default_layout()
        restored = saved is not None and self.window.restore_layout(*saved)
        if saved is not None and not restored:
            log.warning("saved layout of %s was not usable; default layout used", who.username)
        if not restored:
            # A first sign-in shows the role's own work in front of its tab group (a
            # counsellor's screening, not the next tab behind the wall it has no use for).
            home = next((n for n in home_panes(who.role) if n in self.window.panes), None)
            if home is not None:
                self.window.show_pane(home)
        if not restored and QApplication.platformName() != "offscreen":
            # A first sign-in fills the screen: the default size overflows a station's
            # 1366x768 screen and leaves a control-room monitor part empty. (The offscreen
            # platform of tests and screenshots has no real screen to fill.)
            self.window.showMaximized()
        else:
            self.window.show()
        for p in self.presenters:
            p.signed_in(who)
        # The keyboard starts in the signed-in user's work: a station's screen, else the
        # incident queue, else a department's assignments (once the window is laid out).
        QTimer.singleShot(0, self, self._keyboard_home)
        self.idle.start()
        if self.on_first_sign_in is not None:
            first, self.on_first_sign_in = self.on_first_sign_in, None
            first()

    def _keyboard_home(self) -> None:
        who = self._principal
        if who is not None and not self.window.locked:
            self.window.keyboard_to_first(home_panes(who.role))

    # --- lock ----------------------------------------------------------------------------
    @Slot()
    def lock(self) -> None:
        """Lock the screen now (Ctrl+L or idle)."""
        who = self._principal
        if who is None or self.window.locked:
            return
        self.idle.stop()
        for p in self.presenters:
            p.locked()
        self.dialogs.hide_all()
        self.window.set_locked(True)
        self.jobs.write(
            lambda: self.services.audit.record(who, AuditAction.SCREEN_LOCKED), label="lock"
        )

    @Slot(str)
    def _on_lock_unlock_requested(self, password: str) -> None:
        who = self._principal
        if who is None:
            return
        self.jobs.write(
            lambda: self.services.signin.reauthenticate(who, password),
            self._on_unlocked,
            self._on_unlock_failed,
            "unlock",
        )

    def _on_unlocked(self, who: Principal) -> None:
        if self._principal is None or not self.window.locked:
            return
        self._principal = who
        self.window.set_locked(False)
        self.idle.start()
        for p in self.presenters:
            p.unlocked()

    def _on_unlock_failed(self, exc: BaseException) -> None:
        if isinstance(exc, LoginError) and exc.reason == LoginError.LOCKED:
            # Too many wrong passwords at the lock screen: the session ends.
            self.sign_out()
            if self.login_dialog is not None:
                self.login_dialog.show_error(self.login_error_text(exc))
            return
        self.window.lock_screen.show_error(self.login_error_text(exc, password_only=True))

    # --- language and layout ---------------------------------------------------------------
    @Slot(str)
    def set_language(self, lang: str) -> None:
        """Switch the UI language at run time; every widget retranslates itself."""
        if not self.translations.switch(lang):
            self._notify(Level.WARNING, f"translation for {lang} missing; run `make translations`")
        self.window.set_language_checked(self.translations.language)
        if self.login_dialog is not None:
            self.login_dialog.set_language(self.translations.language)
        # A passing message was written in the old language: it goes, rather than stay mixed.
        self.window.clear_message()
        # After every widget has taken its LanguageChange (posted before this call): the
        # tables' titles are then the new language's, and the columns sized for the old one
        # grow where a title no longer fits.
        QTimer.singleShot(0, self, lambda: widen_titles(QApplication.allWidgets()))

    def _on_window_reset_layout_requested(self) -> None:
        if self._principal is not None:
            self.layouts.forget(self._principal.username)
        self.window.default_layout()

    def save_layout(self) -> None:
        """Remember the window layout for the signed-in user."""
        if self._principal is not None:
            self.layouts.save(self._principal.username, *self.window.layout_state())

    # --- sign-out and quit -----------------------------------------------------------------
    @Slot()
    def sign_out(self) -> None:
        """Save the layout, audit, forget the data, and ask for a sign-in again."""
        self.sign_out_because("")

    def sign_out_because(self, reason: str) -> None:
        """Sign out, saying why in the sign-in dialog that follows (e.g. account disabled)."""
        who = self._principal
        if who is None:
            return
        # Unlock first: floating panes hidden by the lock come back before the layout is saved.
        self.window.set_locked(False)
        self.save_layout()
        self.idle.stop()
        self.jobs.write(lambda: self.services.signin.logout(who), label="logout")
        self._principal = None
        self.window.set_principal(None)
        # Hiding the main window leaves floating panes on screen; neither they nor the panes
        # the next user sees first may show this user's data.
        self.window.hide_floating_panes()
        for p in self.presenters:
            p.signed_out()
        self.dialogs.hide_all()
        self.window.hide()
        dialog = self.start()
        if reason:
            dialog.show_error(reason)

    @Slot()
    def quit(self, confirm: bool | None = None) -> None:
        """Ask (No is the default), save the layout, stop every thread, close."""
        confirm = self.confirm_quit if confirm is None else confirm
        if self.window.locked:
            # Closing a locked console would end the session without the password.
            self.window.lock_screen.show_error(self.tr("Unlock or sign out before quitting."))
            return
        if not confirm:
            self._quit_now()
            return
        if self._quit_pending:
            return
        self._quit_pending = True
        self.dialogs.confirm(
            self.tr("Quit"),
            self.tr("Quit the console? Devices hosted on this workstation stop reporting."),
            self._quit_now,
            on_no=self._on_quit_declined,
        )

    def _on_quit_declined(self) -> None:
        self._quit_pending = False
        if self.login_dialog is not None and not self.login_dialog.isVisible():
            self.login_dialog.show()

    def _quit_now(self) -> None:
        self._quit_pending = False
        who = self._principal
        self.save_layout()
        if who is not None:
            self.jobs.write(lambda: self.services.signin.logout(who), label="logout")
        self._shutdown()
        if self.login_dialog is not None:
            self.login_dialog.hide()
        self.window.allow_close()
        self.window.close()
        QTimer.singleShot(0, self.qapp.quit)
