"""Incidents through the incident presenter: create, acknowledge, refusals shown to the operator."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from console.presenters.audit import AuditPresenter
from core.audit import AuditAction
from core.incidents import IncidentState
from core.model import Priority
from tests.helpers.consoles import (
    SeededSite,
    audit_actions,
    audit_details,
    incidents_of,
    notifications_of,
    sign_in,
)
from widgets.incident_dialog import NewIncident
from widgets.palette import PRIORITY_COLOURS

PRIORITY, STATE, TITLE, COMMUNITY, CLAIMED = "priority", "state", "title", "community", "claimed"


def _cell(app: ConsoleApp, row: int, col: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    m = incidents_of(app).queue.model
    return m.data(m.index(row, m.column_index(col)), role)


def _incident(title: str, priority: Priority = Priority.P1, community: str | None = "C01"):
    return NewIncident(
        title=title, priority=priority, community=community, location="咸阳北路12号", description=""
    )


@pytest.fixture
def admin_console(qtbot: QtBot, console: ConsoleApp, seeded: SeededSite) -> ConsoleApp:
    sign_in(qtbot, console, seeded, "admin")
    return console


def test_created_incident_appears_with_its_priority(
    qtbot: QtBot, admin_console: ConsoleApp, seeded: SeededSite
) -> None:
    app = admin_console
    q = incidents_of(app).queue
    assert q.currentWidget() is q.empty

    incidents_of(app).create_incident(_incident("井盖缺失"))

    qtbot.waitUntil(lambda: q.model.rowCount() == 1)
    assert q.currentWidget() is q.table
    assert _cell(app, 0, PRIORITY) == "P1 紧急"
    assert _cell(app, 0, STATE) == "新建"
    assert _cell(app, 0, TITLE) == "井盖缺失"
    assert _cell(app, 0, COMMUNITY) == "咸阳北里社区"
    brush = _cell(app, 0, PRIORITY, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush)
    assert brush.color() == PRIORITY_COLOURS[Priority.P1]
    assert audit_actions(seeded.db, "admin")[AuditAction.INCIDENT_CREATED.value] == 1


def test_queue_orders_by_priority(qtbot: QtBot, admin_console: ConsoleApp) -> None:
    app = admin_console
    incidents_of(app).create_incident(_incident("路灯不亮", Priority.P4))
    incidents_of(app).create_incident(_incident("老人走失", Priority.P1))
    incidents_of(app).create_incident(_incident("噪音扰民", Priority.P3))
    qtbot.waitUntil(lambda: incidents_of(app).queue.model.rowCount() == 3)
    assert [_cell(app, r, TITLE) for r in range(3)] == ["老人走失", "噪音扰民", "路灯不亮"]
    assert [_cell(app, r, PRIORITY) for r in range(3)] == ["P1 紧急", "P3 一般", "P4 低"]


def test_acknowledge_changes_the_state_and_claims(
    qtbot: QtBot, admin_console: ConsoleApp, seeded: SeededSite
) -> None:
    app = admin_console
    incidents_of(app).create_incident(_incident("燃气泄漏"))
    qtbot.waitUntil(lambda: incidents_of(app).queue.model.rowCount() == 1)
    iid = incidents_of(app).queue.model.row_at(0).id

    incidents_of(app).acknowledge(iid)

    qtbot.waitUntil(lambda: _cell(app, 0, STATE) == "已确认")
    assert _cell(app, 0, CLAIMED) == "陈志远"
    assert incidents_of(app).queue.model.row_at(0).state is IncidentState.ACKNOWLEDGED
    assert audit_details(seeded.db, AuditAction.INCIDENT_CHANGED.value) == ["new -> acknowledged"]


def test_ctrl_k_acknowledges_the_selected_row(qtbot: QtBot, admin_console: ConsoleApp) -> None:
    app = admin_console
    w = app.window
    q = incidents_of(app).queue
    incidents_of(app).create_incident(_incident("积水"))
    incidents_of(app).create_incident(_incident("路面塌陷", Priority.P2))
    qtbot.waitUntil(lambda: q.model.rowCount() == 2)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)

    qtbot.keyClick(w, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert w.st_message.text() == "请先选择一个事件。"  # "Select an incident first."

    q.table.selectRow(1)
    chosen = q.model.row_at(1).id
    with qtbot.waitSignal(w.action("acknowledge").triggered):
        qtbot.keyClick(w, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _cell(app, 1, STATE) == "已确认")
    assert q.model.row_at(1).id == chosen, "the selected incident was acknowledged"
    assert _cell(app, 0, STATE) == "新建", "the other one was not"
    assert q.selected_incident_id() == chosen, "the selection survives the refresh"


def test_acknowledging_twice_reports_an_error(qtbot: QtBot, admin_console: ConsoleApp) -> None:
    app = admin_console
    incidents_of(app).create_incident(_incident("火警"))
    qtbot.waitUntil(lambda: incidents_of(app).queue.model.rowCount() == 1)
    iid = incidents_of(app).queue.model.row_at(0).id
    incidents_of(app).acknowledge(iid)
    qtbot.waitUntil(lambda: _cell(app, 0, STATE) == "已确认")

    incidents_of(app).acknowledge(iid)

    notes = notifications_of(app).pane
    qtbot.waitUntil(lambda: any("无法确认事件" in t for t in notes.texts()))
    assert notifications_of(app).badge.isVisible()


def test_operator_may_not_close_an_incident(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    app = console
    incidents_of(app).create_incident(_incident("电梯困人"))
    qtbot.waitUntil(lambda: incidents_of(app).queue.model.rowCount() == 1)
    iid = incidents_of(app).queue.model.row_at(0).id
    who = app.session.principal
    assert who is not None

    # The console has no close action yet; this is the presenters' own path for a refusal.
    app.jobs.write(
        lambda: app.services.incidents.transition(who, iid, IncidentState.CLOSED),
        None,
        lambda exc: app.feedback.report(exc, "关闭事件"),
        "close",
    )

    notes = notifications_of(app).pane
    qtbot.waitUntil(lambda: notes.unread > 0)
    assert any("关闭事件：您的角色无此权限。" in t for t in notes.texts()), notes.texts()
    assert app.wait_idle()
    assert audit_details(seeded.db, AuditAction.PERMISSION_DENIED.value) == ["review_incidents"]
    assert _cell(app, 0, STATE) == "新建", "the incident stays open"


def test_operator_verifying_the_audit_log_is_refused(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    assert not console.window.action("verify_audit").isEnabled(), "the UI mirrors the role"
    audit = console.presenter("audit")
    assert isinstance(audit, AuditPresenter)

    audit.verify()  # the service checks again

    notes = notifications_of(console).pane
    qtbot.waitUntil(lambda: notes.unread > 0)
    assert notes.texts()[0].endswith("审计校验失败：您的角色无此权限。")
    assert console.wait_idle()
    assert audit_details(seeded.db, AuditAction.PERMISSION_DENIED.value) == ["view_audit"]


def test_station_may_not_raise_an_incident_elsewhere(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    control_and_departments = {
        "admin",
        "supervisor",
        "operator",
        "police",
        "volunteer",
        "counsellor",
    }
    station = next(u for u in seeded.passwords if u not in control_and_departments)
    sign_in(qtbot, console, seeded, station)
    who = console.session.principal
    assert who is not None
    own = next(iter(who.communities or ()))
    other = "C02" if own != "C02" else "C03"

    incidents_of(console).create_incident(_incident("越权上报", community=other))

    notes = notifications_of(console).pane
    qtbot.waitUntil(lambda: notes.unread > 0)
    assert "无法创建事件：您的角色无此权限。" in notes.texts()[0]
    assert incidents_of(console).queue.model.rowCount() == 0


def test_new_incident_dialog_creates_the_incident(qtbot: QtBot, admin_console: ConsoleApp) -> None:
    app = admin_console
    app.window.action("new_incident").trigger()
    dlg = incidents_of(app).entry_dialog
    assert dlg is not None
    qtbot.waitUntil(dlg.isVisible)
    assert dlg.community.count() == 21, "street-wide plus the 20 communities"

    ok = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dlg.error.text() == "请填写事件标题。", "a title is required"
    assert dlg.isVisible()

    dlg.title.insert("树木倒伏")  # QTest types ASCII only
    dlg.priority.setCurrentIndex(dlg.priority.findData(int(Priority.P2)))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: incidents_of(app).queue.model.rowCount() == 1)
    assert _cell(app, 0, TITLE) == "树木倒伏"
    assert _cell(app, 0, PRIORITY) == "P2 高"
    assert _cell(app, 0, COMMUNITY) == "—", "street-wide"


def test_a_failed_save_brings_the_entry_back(qtbot: QtBot, admin_console: ConsoleApp) -> None:
    app = admin_console
    draft = NewIncident(
        title="坠物", priority=Priority.P2, community="C99", location="5号楼", description="阳台"
    )

    incidents_of(app).create_incident(draft)  # the service refuses an unknown community

    p = incidents_of(app)
    qtbot.waitUntil(lambda: p.entry_dialog is not None and p.entry_dialog.isVisible())
    dlg = p.entry_dialog
    assert dlg is not None
    assert dlg.title.text() == "坠物"
    assert dlg.location.text() == "5号楼"
    assert dlg.description.toPlainText() == "阳台"
    assert "无法创建事件" in dlg.error.text()
    assert "C99" in dlg.error.text()
    assert any("无法创建事件" in t for t in notifications_of(app).pane.texts())
    dlg.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dlg))


def test_lock_covers_an_open_new_incident_dialog(
    qtbot: QtBot, admin_console: ConsoleApp, seeded: SeededSite
) -> None:
    """Regression: the window-modal entry dialog stayed usable on top of the lock screen."""
    app = admin_console
    app.window.action("new_incident").trigger()
    dlg = incidents_of(app).entry_dialog
    assert dlg is not None
    qtbot.waitUntil(dlg.isVisible)
    dlg.title.insert("井盖缺失")
    dlg.location.insert("芥园道 3号")

    app.session.lock()

    assert app.window.locked
    qtbot.waitUntil(lambda: not shiboken6.isValid(dlg) or not dlg.isVisible())
    p = incidents_of(app)
    assert p.entry_dialog is None

    ls = app.window.lock_screen
    qtbot.keyClicks(ls.password, seeded.passwords["admin"])
    qtbot.keyClick(ls.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not app.window.locked)

    # The entry comes back with what was typed before the lock.
    qtbot.waitUntil(lambda: p.entry_dialog is not None and p.entry_dialog.isVisible())
    back = p.entry_dialog
    assert back is not None
    assert back.title.text() == "井盖缺失"
    assert back.location.text() == "芥园道 3号"
    back.reject()
