"""Accounts: list, create, unlock, disable, reset (administrators); sign out a disabled one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot

from console.presenters.base import Presenter, PresenterContext
from console.shell.main_window import ActionSpec
from core.events import ChangesAvailable
from core.permissions import Permission
from core.views import CommunityRow, DepartmentRow, UserRow
from data.security import generate_password
from widgets.accounts import AccountsDialog, NewAccount


class AccountsPresenter(Presenter):
    """Owns the accounts dialog; the service checks the administrator's right again."""

    name = "accounts"
    watches = frozenset({"user_account"})

    def __init__(self, ctx: PresenterContext):
        super().__init__(ctx)
        self.dialog: AccountsDialog | None = None
        self.act_accounts = ctx.window.add_action(
            ActionSpec(
                "accounts",
                lambda: self.tr("Accounts…"),
                "tools",
                permission=Permission.MANAGE_USERS,
            ),
            self.open_accounts,
        )

    def signed_in(self, who: object) -> None:
        """Nothing to load until the dialog is opened."""

    def signed_out(self) -> None:
        if self.dialog is not None:
            self.dialog.set_users([])
            self.dialog.show_status("")

    def on_changes(self, changes: ChangesAvailable) -> None:
        self.reload()
        self._check_own_account()

    def _check_own_account(self) -> None:
        """Sign out at once when an administrator (anywhere) disabled the signed-in account.

        Its writes are refused from that moment anyway; its reads would go on showing the
        street's incidents and residents to someone who may no longer see them.
        """
        who = self.who
        if who is None:
            return
        signin = self.ctx.services.signin
        self.read_for(
            who,
            lambda: signin.still_active(who),
            self._on_own_account_read,
            self.tr("Could not read your account"),
            "own_account",
        )

    def _on_own_account_read(self, active: bool) -> None:
        if active or self.who is None:
            return
        self.ctx.session.sign_out_because(
            self.tr("Your account has been disabled by an administrator. You were signed out.")
        )

    def reload(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.open_accounts()

    @Slot()
    def open_accounts(self, status: str = "") -> None:
        """Load the account list off the GUI thread and show it."""
        who = self.who
        if who is None:
            return
        services = self.ctx.services

        def job() -> tuple[list[UserRow], list[CommunityRow], list[DepartmentRow]]:
            return (
                services.accounts.list_users(who),
                services.site.communities(who),
                services.accounts.departments(who),
            )

        self.read_for(
            who,
            job,
            lambda result: self._on_loaded(result, status),
            self.tr("Could not list the accounts"),
            "list_users",
        )

    def _on_loaded(
        self,
        result: tuple[list[UserRow], list[CommunityRow], list[DepartmentRow]],
        status: str,
    ) -> None:
        if self.ctx.session.locked:
            return
        dlg = self.dialog
        if dlg is None:
            dlg = self.dialog = AccountsDialog(self.ctx.zone, parent=self.ctx.window)
            dlg.sig_create_requested.connect(self._on_create_requested)
            dlg.sig_unlock_requested.connect(self._on_unlock_requested)
            dlg.sig_reset_requested.connect(self._on_reset_requested)
            dlg.sig_disable_requested.connect(self._on_disable_requested)
            dlg.sig_enable_requested.connect(self._on_enable_requested)
            self.ctx.dialogs.register(dlg)
        dlg.me = self.who.username if self.who is not None else None
        rows, dlg.communities, dlg.departments = result
        dlg.set_users(rows)
        if status:
            dlg.show_status(status)
        dlg.show()
        dlg.raise_()

    def _job(self, job: Callable[[], str], label: str) -> None:
        """An account change on the writer; its message (or refusal) shows in the dialog."""
        self.ctx.jobs.write(job, self.open_accounts, self._on_job_failed, label)

    def _on_job_failed(self, exc: BaseException) -> None:
        if self.dialog is not None:
            self.dialog.show_status(self.ctx.feedback.describe(exc))

    @Slot(str, str)
    def _on_disable_requested(self, username: str, reason: str) -> None:
        who = self.who
        if who is None:
            return
        accounts = self.ctx.services.accounts

        def job() -> str:
            accounts.set_active(who, username, False, reason)
            return self.tr("Account {user} disabled.").format(user=username)

        def done(status: str) -> None:
            if self.dialog is not None and self.dialog.reason_dialog is not None:
                self.dialog.reason_dialog.accept()
            self.open_accounts(status)

        def failed(exc: BaseException) -> None:
            # The reason stays typed; the refusal shows where it was typed.
            reason_dialog = self.dialog.reason_dialog if self.dialog is not None else None
            if reason_dialog is not None and reason_dialog.isVisible():
                reason_dialog.show_error(self.ctx.feedback.describe(exc))
            else:
                self._on_job_failed(exc)

        self.ctx.jobs.write(job, done, failed, "disable_user")

    @Slot(str)
    def _on_enable_requested(self, username: str) -> None:
        who = self.who
        if who is None:
            return
        accounts = self.ctx.services.accounts

        def job() -> str:
            accounts.set_active(who, username, True)
            return self.tr("Account {user} enabled: it can sign in again.").format(user=username)

        self._job(job, "enable_user")

    @Slot(object)
    def _on_create_requested(self, v: NewAccount) -> None:
        who = self.who
        if who is None:
            return
        accounts = self.ctx.services.accounts

        def job() -> str:
            password = generate_password()
            accounts.create_user(
                who,
                username=v.username,
                display_name=v.display_name,
                role=v.role,
                password=password,
                communities=[v.community] if v.community else [],
                department=v.department,
            )
            return self.tr(
                "Account {user} created. Initial password: {pw} — hand it over now; it is "
                "not shown again."
            ).format(user=v.username, pw=password)

        self._job(job, "create_user")

    @Slot(str)
    def _on_unlock_requested(self, username: str) -> None:
        who = self.who
        if who is None:
            return
        accounts = self.ctx.services.accounts

        def job() -> str:
            accounts.unlock_account(who, username)
            return self.tr("Account {user} unlocked.").format(user=username)

        self._job(job, "unlock")

    @Slot(str)
    def _on_reset_requested(self, username: str) -> None:
        # The old password stops working at once: ask first (No is the default).
        self.ctx.dialogs.confirm(
            self.tr("Reset password"),
            self.tr("Give {user} a new random password? The old one stops working.").format(
                user=username
            ),
            lambda: self._reset(username),
        )

    def _reset(self, username: str) -> None:
        who = self.who
        if who is None:
            return
        accounts = self.ctx.services.accounts

        def job() -> str:
            password = accounts.reset_password(who, username)
            return self.tr(
                "New password of {user}: {pw} — hand it over now; it is not shown again."
            ).format(user=username, pw=password)

        self._job(job, "reset_password")
