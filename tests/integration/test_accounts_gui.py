"""An administrator manages accounts from the console: create, unlock after lockout, reset."""

# The fixtures imported from tests.helpers.console_fixtures are parameters of the tests below.
# ruff: noqa: F811

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from core.auth import LoginError
from core.model import RoleName
from tests.helpers.console_fixtures import (  # noqa: F401
    SeededSite,
    console,
    make_console,
    seeded,
    sign_in,
)


def _row_of(app: ConsoleApp, username: str) -> int:
    dlg = app.accounts_dialog
    assert dlg is not None
    names = [dlg.table.item(i, 0).text() for i in range(dlg.table.rowCount())]
    return names.index(username)


def test_accounts_are_only_for_administrators(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "supervisor")
    assert not console.window.act_accounts.isEnabled()
    console.open_accounts()  # even when asked directly, the service refuses
    qtbot.waitUntil(
        lambda: any("您的角色无此权限" in t for t in console.window.notifications.texts())
    )
    assert console.accounts_dialog is None


def test_admin_creates_unlocks_and_resets(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, console, seeded, "admin")
    # The operator locks their account with five wrong passwords.
    for i in range(5):
        with pytest.raises(LoginError):
            seeded.auth.login("operator", f"wrong-password-{i}")

    console.window.act_accounts.trigger()
    qtbot.waitUntil(
        lambda: console.accounts_dialog is not None and console.accounts_dialog.isVisible()
    )
    dlg = console.accounts_dialog
    assert dlg is not None
    op = _row_of(console, "operator")
    assert dlg.table.item(op, 4).text().startswith("锁定至")
    dlg.table.selectRow(op)
    assert dlg.unlock_button.isEnabled()
    dlg.unlock_button.click()
    qtbot.waitUntil(lambda: dlg.status.text() == "账号 operator 已解锁。")
    assert dlg.table.item(_row_of(console, "operator"), 4).text() == "正常"
    assert seeded.auth.login("operator", seeded.passwords["operator"]).username == "operator"

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
    who = seeded.auth.login("ws05", pw.group(1))
    assert who.communities == frozenset({"C05"})
    assert dlg.table.item(_row_of(console, "ws05"), 3).text() == "C05"

    # Resetting asks first; "No" changes nothing.
    dlg.table.selectRow(_row_of(console, "supervisor"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dlg.reset_button.click()
    assert seeded.auth.login("supervisor", seeded.passwords["supervisor"]).username == "supervisor"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dlg.reset_button.click()
    qtbot.waitUntil(lambda: "supervisor 的新密码" in dlg.status.text())
    new_pw = re.search(r"新密码：(\S+) ", dlg.status.text())
    assert new_pw is not None
    with pytest.raises(LoginError):
        seeded.auth.login("supervisor", seeded.passwords["supervisor"])
    assert seeded.auth.login("supervisor", new_pw.group(1)).username == "supervisor"
