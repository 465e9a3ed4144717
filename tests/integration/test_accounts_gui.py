"""An administrator manages accounts from the console: create, unlock after lockout, reset."""

from __future__ import annotations

import re
import threading

import pytest
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from core.auth import LoginError
from core.model import RoleName
from tests.helpers.consoles import (
    SeededSite,
    accounts_of,
    fake_dialogs,
    notifications_of,
    sign_in,
)
from widgets.accounts import AccountsDialog


def _dialog(app: ConsoleApp) -> AccountsDialog:
    dlg = accounts_of(app).dialog
    assert dlg is not None
    return dlg


def _row_of(app: ConsoleApp, username: str) -> int:
    dlg = _dialog(app)
    names = [r.username for r in dlg._rows]
    return names.index(username)


def _cell(app: ConsoleApp, username: str, column: int) -> str:
    item = _dialog(app).table.item(_row_of(app, username), column)
    assert item is not None
    return item.text()


def _accounts_open_as_admin(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> AccountsDialog:
    """The administrator signed in, the accounts dialog open and listing."""
    sign_in(qtbot, console, seeded, "admin")
    console.window.action("accounts").trigger()
    accounts = accounts_of(console)
    qtbot.waitUntil(lambda: accounts.dialog is not None and accounts.dialog.isVisible())
    return _dialog(console)


def test_accounts_are_only_for_administrators(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "supervisor")
    assert not console.window.action("accounts").isEnabled()
    accounts_of(console).open_accounts()  # even when asked directly, the service refuses
    notes = notifications_of(console).pane
    qtbot.waitUntil(lambda: any("您的角色无此权限" in t for t in notes.texts()))
    assert accounts_of(console).dialog is None


def _locked_operator_listed(qtbot: QtBot, console: ConsoleApp, seeded: SeededSite) -> None:
    """The admin signed in, the operator locked out by five wrong passwords, the accounts
    dialog open and listing them locked."""
    sign_in(qtbot, console, seeded, "admin")
    for i in range(5):
        with pytest.raises(LoginError):
            seeded.services.signin.login("operator", f"wrong-password-{i}")
    console.window.action("accounts").trigger()
    accounts = accounts_of(console)
    qtbot.waitUntil(lambda: accounts.dialog is not None and accounts.dialog.isVisible())
    assert _cell(console, "operator", 5).startswith("锁定至")


def test_admin_creates_unlocks_and_resets(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    _locked_operator_listed(qtbot, console, seeded)
    dlg = _dialog(console)
    dlg.table.selectRow(_row_of(console, "operator"))
    assert dlg.unlock_button.isEnabled()
    dlg.unlock_button.click()
    qtbot.waitUntil(lambda: dlg.status.text() == "账号 operator 已解锁。")
    assert _cell(console, "operator", 5) == "正常"  # the list read with the status line
    assert (
        seeded.services.signin.login("operator", seeded.passwords["operator"]).username
        == "operator"
    )

    # A new station account for community C05; its password is shown once.
    dlg.new_button.click()
    new = dlg.new_dialog
    assert new is not None
    new.username.setText("ws05")
    new.display_name.setText("丰盈里社区工作站")
    new.role.setCurrentIndex(new.role.findData(RoleName.STATION.value))
    new._on_accept_clicked()
    assert new.error.text() == "社区工作站账号必须属于一个社区。"
    new.community.setCurrentIndex(new.community.findData("C05"))
    new._on_accept_clicked()
    qtbot.waitUntil(lambda: "ws05" in dlg.status.text())
    pw = re.search(r"初始密码：(\S+) ", dlg.status.text())
    assert pw is not None
    who = seeded.services.signin.login("ws05", pw.group(1))
    assert who.communities == frozenset({"C05"})
    assert _cell(console, "ws05", 4) == "C05 丰盈里社区"

    # Resetting asks first (No is the default); "No" changes nothing.
    dialogs = fake_dialogs(console)
    dlg.table.selectRow(_row_of(console, "supervisor"))
    dialogs.answer = False
    dlg.reset_button.click()
    asked = dialogs.questions[-1]
    assert "supervisor" in asked.text
    assert not asked.default_yes
    assert console.wait_idle()
    supervisor = seeded.services.signin.login("supervisor", seeded.passwords["supervisor"])
    assert supervisor.username == "supervisor"
    dialogs.answer = True
    dlg.reset_button.click()
    qtbot.waitUntil(lambda: "supervisor 的新密码" in dlg.status.text())
    new_pw = re.search(r"新密码：(\S+) ", dlg.status.text())
    assert new_pw is not None
    with pytest.raises(LoginError):
        seeded.services.signin.login("supervisor", seeded.passwords["supervisor"])
    assert seeded.services.signin.login("supervisor", new_pw.group(1)).username == "supervisor"


def test_admin_creates_a_department_account(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    dlg = _accounts_open_as_admin(qtbot, console, seeded)
    # The list names the department a department account answers for; others have none.
    assert _cell(console, "police", 3).startswith("D01 ")
    assert _cell(console, "operator", 3) == "—"

    dlg.new_button.click()
    new = dlg.new_dialog
    assert new is not None
    # Only a department account names a department: the choice is off for the other roles.
    for role in RoleName:
        new.role.setCurrentIndex(new.role.findData(role.value))
        assert new.department.isEnabled() is (role is RoleName.DEPARTMENT)
    assert new.department.findData("D01") > 0

    new.username.setText("fire01")
    new.display_name.setText("周明")
    new.role.setCurrentIndex(new.role.findData(RoleName.DEPARTMENT.value))
    new._on_accept_clicked()  # no department chosen: refused in the form, nothing sent
    assert new.error.text() == new.tr("A department account answers for one department: choose it.")
    assert new.isVisible()
    assert new.focusWidget() is new.department
    new.department.setCurrentIndex(new.department.findData("D02"))
    assert new.error.text() == ""
    new._on_accept_clicked()
    qtbot.waitUntil(lambda: "fire01" in dlg.status.text())
    pw = re.search(r"初始密码：(\S+) ", dlg.status.text())
    assert pw is not None
    assert seeded.services.signin.login("fire01", pw.group(1)).username == "fire01"
    qtbot.waitUntil(lambda: "fire01" in [r.username for r in dlg._rows])
    assert _cell(console, "fire01", 3).startswith("D02 ")


def test_a_department_chosen_then_role_changed_is_not_sent(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    dlg = _accounts_open_as_admin(qtbot, console, seeded)
    dlg.new_button.click()
    new = dlg.new_dialog
    assert new is not None
    new.username.setText("op02")
    new.role.setCurrentIndex(new.role.findData(RoleName.DEPARTMENT.value))
    new.department.setCurrentIndex(new.department.findData("D01"))
    new.role.setCurrentIndex(new.role.findData(RoleName.OPERATOR.value))
    assert new.value().department is None
    new._on_accept_clicked()
    qtbot.waitUntil(lambda: "op02" in dlg.status.text())
    assert _cell(console, "op02", 3) == "—"


def test_an_older_list_answered_late_does_not_overwrite_a_newer_one(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two reader threads may answer out of order: a list read for a change notice before an
    unlock, answered after the unlock's own read, showed the account locked again (CI)."""
    _locked_operator_listed(qtbot, console, seeded)
    accounts = accounts_of(console)
    svc = accounts.ctx.services.accounts  # the console's own, which its reads call
    real = svc.list_users
    hold, held = threading.Event(), threading.Event()

    def slow_first(who: object) -> object:
        rows = real(who)  # type: ignore[arg-type]  # read now: the account is locked
        if not held.is_set():
            held.set()
            assert hold.wait(10)  # ...and answered after the newer read
        return rows

    monkeypatch.setattr(svc, "list_users", slow_first)
    accounts.reload()  # the change notice's read: held with the locked row
    qtbot.waitUntil(held.is_set)
    dlg = _dialog(console)
    dlg.table.selectRow(_row_of(console, "operator"))
    dlg.unlock_button.click()
    # The unlock is written and its own list read has finished: only the held read is left.
    qtbot.waitUntil(lambda: accounts.ctx.jobs.pending == 1)
    hold.set()
    assert console.wait_idle()
    assert _cell(console, "operator", 5) == "正常"  # the late, older list is not the last word
    assert dlg.status.text() == "账号 operator 已解锁。"


def test_admin_disables_an_account_with_a_reason_then_enables_it(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    dlg = _accounts_open_as_admin(qtbot, console, seeded)
    assert _cell(console, "ws01", 4) == "C01 咸阳北里社区", "the community by name, not code alone"
    dlg.table.selectRow(_row_of(console, "admin"))
    assert not dlg.active_button.isEnabled(), "not one's own account"
    assert "不能停用自己的账号" in dlg.active_button.toolTip()

    dlg.table.selectRow(_row_of(console, "operator"))
    assert dlg.active_button.text() == "停用…"
    dlg.active_button.click()
    reason = dlg.reason_dialog
    assert reason is not None
    assert reason.isVisible()
    assert "operator" in reason.intro.text()
    ok = reason.buttons.button(reason.buttons.StandardButton.Ok)
    assert not ok.isEnabled(), "a reason first"
    reason.reason.setText("调离本街道")
    ok.click()
    qtbot.waitUntil(lambda: dlg.status.text() == "账号 operator 已停用。")
    assert not reason.isVisible()
    assert _cell(console, "operator", 5) == "已停用"
    assert not dlg.reset_button.isEnabled()
    with pytest.raises(LoginError) as refused:
        seeded.services.signin.login("operator", seeded.passwords["operator"])
    assert refused.value.reason == LoginError.DISABLED
    assert console.session.login_error_text(refused.value) == "该账号已停用，管理员可以重新启用。"

    assert dlg.active_button.text() == "启用"
    dlg.active_button.click()
    qtbot.waitUntil(lambda: dlg.status.text() == "账号 operator 已启用，可以重新登录。")
    assert _cell(console, "operator", 5) == "正常"
    user = seeded.services.signin.login("operator", seeded.passwords["operator"])
    assert user.username == "operator"


def test_a_refused_disable_is_said_in_the_reason_dialog(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    dlg = _accounts_open_as_admin(qtbot, console, seeded)
    dlg.table.selectRow(_row_of(console, "operator"))
    dlg.active_button.click()
    reason = dlg.reason_dialog
    assert reason is not None
    reason.reason.setText("调离本街道")
    # Someone else removed the account meanwhile: the refusal shows where the reason is.
    dlg.sig_disable_requested.disconnect()
    dlg.sig_disable_requested.connect(
        lambda _user, why: accounts_of(console)._on_disable_requested("nobody", why)
    )
    reason.buttons.button(reason.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "已不存在" in reason.error.text())
    assert reason.isVisible()
    assert reason.reason.text() == "调离本街道"


def test_a_console_whose_account_is_disabled_elsewhere_signs_out(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    console.session.lock()  # locked or not, the session ends
    admin = seeded.services.signin.login("admin", seeded.passwords["admin"])
    # Another workstation's administrator: the change reaches this console through the feed.
    seeded.services.accounts.set_active(admin, "operator", False, "调离本街道")
    qtbot.waitUntil(lambda: console.session.principal is None, timeout=5000)
    assert not console.window.isVisible()
    login = console.session.login_dialog
    assert login is not None
    assert login.isVisible()
    assert login.error.text() == "您的账号已被管理员停用，已为您退出登录。"


def test_other_account_changes_leave_the_session_alone(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    admin = seeded.services.signin.login("admin", seeded.passwords["admin"])
    seeded.services.accounts.set_active(admin, "ws01", False, "换人")
    assert console.wait_idle()
    qtbot.wait(600)  # three polls of the change feed
    assert console.wait_idle()
    assert console.session.principal is not None
    assert console.window.isVisible()
