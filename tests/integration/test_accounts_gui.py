"""An administrator manages accounts from the console: create, unlock after lockout, reset."""

from __future__ import annotations

import re

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
    names = [dlg.table.item(i, 0).text() for i in range(dlg.table.rowCount())]
    return names.index(username)


def test_accounts_are_only_for_administrators(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "supervisor")
    assert not console.window.action("accounts").isEnabled()
    accounts_of(console).open_accounts()  # even when asked directly, the service refuses
    notes = notifications_of(console).pane
    qtbot.waitUntil(lambda: any("您的角色无此权限" in t for t in notes.texts()))
    assert accounts_of(console).dialog is None


def test_admin_creates_unlocks_and_resets(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "admin")
    # The operator locks their account with five wrong passwords.
    for i in range(5):
        with pytest.raises(LoginError):
            seeded.services.signin.login("operator", f"wrong-password-{i}")

    console.window.action("accounts").trigger()
    accounts = accounts_of(console)
    qtbot.waitUntil(lambda: accounts.dialog is not None and accounts.dialog.isVisible())
    dlg = _dialog(console)
    op = _row_of(console, "operator")
    assert dlg.table.item(op, 4).text().startswith("锁定至")
    dlg.table.selectRow(op)
    assert dlg.unlock_button.isEnabled()
    dlg.unlock_button.click()
    qtbot.waitUntil(lambda: dlg.status.text() == "账号 operator 已解锁。")
    assert dlg.table.item(_row_of(console, "operator"), 4).text() == "正常"
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
    assert dlg.table.item(_row_of(console, "ws05"), 3).text() == "C05"

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
