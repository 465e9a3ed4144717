"""Sign-in through the real dialog, the writer thread and a seeded SQLite database."""

from __future__ import annotations

import shiboken6
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from core.audit import AuditAction
from core.model import Priority
from tests.helpers.consoles import (
    DEVICES_IN_DEMO_SITE,
    SeededSite,
    audit_actions,
    audit_details,
    devices_of,
    incidents_of,
    submit_login,
)


def test_wrong_password_shows_error_and_keeps_window_hidden(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    dlg = console.session.login_dialog
    assert dlg is not None
    assert dlg.isVisible()

    submit_login(qtbot, console, "admin", "not-the-password-1")

    qtbot.waitUntil(lambda: dlg.error.text() != "")
    assert dlg.error.text() == "用户名或密码错误。"  # zh_CN: "Wrong user name or password."
    assert dlg.isVisible()
    assert dlg.sign_in.isEnabled(), "the dialog must be ready for another try"
    assert dlg.password.text() == "", "a refused password is cleared"
    assert not console.window.isVisible()
    assert console.session.principal is None
    assert audit_actions(seeded.db, "admin")[AuditAction.LOGIN_FAILED.value] == 1


def test_unknown_user_is_refused_with_the_same_text(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    dlg = console.session.login_dialog
    assert dlg is not None
    submit_login(qtbot, console, "nobody", "whatever-123")
    qtbot.waitUntil(lambda: dlg.error.text() != "")
    assert dlg.error.text() == "用户名或密码错误。"
    assert not console.window.isVisible()
    assert audit_details(seeded.db, AuditAction.LOGIN_FAILED.value) == ["unknown user"]


def test_empty_user_name_is_caught_in_the_dialog(qtbot: QtBot, console: ConsoleApp) -> None:
    dlg = console.session.login_dialog
    assert dlg is not None
    with qtbot.assertNotEmitted(dlg.sig_login_requested):
        submit_login(qtbot, console, "", "whatever-123")
    assert dlg.error.text() != ""
    assert dlg.username.hasFocus() or not dlg.isActiveWindow()


def test_right_password_opens_the_console(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    seeded.services.incidents.create(
        seeded.principal("admin"),
        title="独居老人求助",
        priority=Priority.P1,
        community="C01",
        location="1号楼",
    )
    dlg = console.session.login_dialog
    assert dlg is not None

    submit_login(qtbot, console, "admin", seeded.passwords["admin"])

    qtbot.waitUntil(lambda: console.window.isVisible())
    assert console.session.login_dialog is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(dlg))  # hidden, then deleted
    assert console.session.principal is not None
    assert console.session.principal.username == "admin"
    user_text = console.window.st_user.text()
    assert "陈志远" in user_text  # display name
    assert "管理员" in user_text.split(" · ")[1]  # role "Administrator" in zh_CN
    assert "全街道" in user_text  # street-wide scope
    devices, queue = devices_of(console), incidents_of(console).queue
    qtbot.waitUntil(lambda: devices.pane.model.rowCount() == DEVICES_IN_DEMO_SITE)
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1)
    assert queue.currentWidget() is queue.table
    assert devices.pane.stack.currentWidget() is devices.pane.table
    assert queue.model.row_at(0).title == "独居老人求助"
    n = DEVICES_IN_DEMO_SITE
    assert devices.counts_label.text() == f"设备：在线 0 / 离线 0 / 未上线 {n}"
    assert audit_actions(seeded.db, "admin")[AuditAction.LOGIN.value] == 1


def test_station_account_sees_only_its_community(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    station = "ws01"  # the demo site's station account (C01)
    submit_login(qtbot, console, station, seeded.passwords[station])
    model = devices_of(console).pane.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    rows = model.rows()
    assert 0 < len(rows) < DEVICES_IN_DEMO_SITE
    assert {r.community for r in rows} == set(console.session.principal.communities or ())


def test_five_wrong_passwords_lock_the_account(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    dlg = console.session.login_dialog
    assert dlg is not None
    wrong_text = "用户名或密码错误。"
    for i in range(5):
        dlg.error.clear()
        submit_login(qtbot, console, "operator", f"wrong-password-{i}")
        qtbot.waitUntil(lambda: dlg.error.text() != "")
        if i < 4:
            assert dlg.error.text() == wrong_text
    locked_text = dlg.error.text()
    assert "已锁定" in locked_text  # "This account is locked until …"
    assert "管理员" in locked_text  # "… An administrator can unlock it."

    # The right password no longer opens the console while the lockout runs.
    dlg.error.clear()
    submit_login(qtbot, console, "operator", seeded.passwords["operator"])
    qtbot.waitUntil(lambda: dlg.error.text() != "")
    assert "已锁定" in dlg.error.text()
    assert not console.window.isVisible()
    assert console.session.principal is None

    counts = audit_actions(seeded.db, "operator")
    assert counts[AuditAction.ACCOUNT_LOCKED.value] == 1
    assert counts[AuditAction.LOGIN.value] == 0
    failed = audit_details(seeded.db, AuditAction.LOGIN_FAILED.value)
    assert failed == [f"wrong password ({n})" for n in range(1, 6)] + ["account locked"]
