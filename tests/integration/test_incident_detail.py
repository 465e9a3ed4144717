"""Opening an incident from the queue and moving it through its lifecycle in the detail view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from core.incidents import IncidentState, QueueView
from core.model import Priority
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    fake_dialogs,
    incidents_of,
    services_at,
    sign_in,
)
from widgets.incident_detail import IncidentDetailDialog
from widgets.incident_dialog import NewIncident

S = IncidentState


def _detail(app: ConsoleApp) -> IncidentDetailDialog:
    dlg = incidents_of(app).detail_dialog
    assert dlg is not None
    return dlg


def _open_first_row(qtbot: QtBot, app: ConsoleApp) -> None:
    p = incidents_of(app)
    q = p.queue
    qtbot.waitUntil(lambda: q.model.rowCount() >= 1)
    q.table.setFocus()
    q.table.selectRow(0)
    q.table.setCurrentIndex(q.model.index(0, q.model.column_index("title")))
    qtbot.keyClick(q.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: p.detail_dialog is not None and p.detail_dialog.isVisible())


def _click(qtbot: QtBot, app: ConsoleApp, target: S, note: str = "", added: int = 1) -> None:
    """Take a step from the window; `added`: the entries it writes (a resolve also stands
    down a department dispatched and not yet at the scene)."""
    dlg = incidents_of(app).detail_dialog
    assert dlg is not None
    before = len(dlg.timeline.findItems("", Qt.MatchFlag.MatchContains))
    dlg.note.setText(note)
    button = dlg.buttons[target]
    assert button.isVisible()
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    if target is S.DISPATCHED:
        # Dispatch opens the picker; Enter notifies the first department listed, and the
        # timeline gains that notification and the step.
        assignments = app.presenter("assignments")

        def picker_shown() -> bool:
            picker = assignments.picker  # type: ignore[attr-defined]
            return picker is not None and bool(picker.isVisible())

        qtbot.waitUntil(picker_shown)
        qtbot.keyClick(assignments.picker.filter, Qt.Key.Key_Return)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: dlg.timeline.topLevelItemCount() == before + 2)
        return
    qtbot.waitUntil(lambda: dlg.timeline.topLevelItemCount() == before + added)


def test_enter_opens_the_incident_instead_of_claiming_it(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    """Regression: Enter on a queue row acknowledged (claimed) the incident at once."""
    sign_in(qtbot, console, seeded, "operator")
    incidents_of(console).create_incident(
        NewIncident("独居老人未出门", Priority.P1, "C03", "河沿里 12号楼", "邻居反映两天未见")
    )
    _open_first_row(qtbot, console)
    dlg = _detail(console)
    assert dlg.state.text() == "新建"
    assert dlg.description.toPlainText() == "邻居反映两天未见"
    assert dlg.timeline.topLevelItemCount() == 1
    assert dlg.timeline.topLevelItem(0).text(1) == "上报"
    assert incidents_of(console).queue.model.row_at(0).claimed_by is None
    # An operator may acknowledge or resolve a new item, but never close it. Every step is
    # shown in its fixed place; only the allowed ones are enabled.
    assert all(b.isVisible() for b in dlg.buttons.values())
    enabled = {t for t, b in dlg.buttons.items() if b.isEnabled()}
    assert enabled == {S.ACKNOWLEDGED, S.RESOLVED}
    assert not dlg.reopen.isEnabled()


def test_the_whole_lifecycle_from_the_detail_view(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console()
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    incidents_of(app).create_incident(NewIncident("电动车被盗", Priority.P2, "C07", "芥园道口", ""))
    _open_first_row(qtbot, app)
    for target in (S.ACKNOWLEDGED, S.DISPATCHED, S.ON_SCENE):
        _click(qtbot, app, target, note=f"步骤 {target.value}")
    # The department dispatched never reported on the scene: resolving stands it down.
    _click(qtbot, app, S.RESOLVED, note="步骤 resolved", added=2)
    dlg = _detail(app)
    qtbot.waitUntil(lambda: dlg.state.text() == "已处置")
    assert dlg.claimed.text() == "李静"
    assert dlg.timeline.topLevelItem(5).text(3) == "步骤 resolved"
    assert dlg.timeline.topLevelItem(6).text(3).endswith("事件已处置，无需再出动")
    # Resolving a P2 was asked once more (the fake dialogs answer yes).
    assert len(fake_dialogs(app).questions) == 1
    # Resolved items leave the open queue; another user, a supervisor, reviews and closes them.
    qtbot.waitUntil(lambda: incidents_of(app).queue.model.rowCount() == 0)
    app.session.sign_out()
    sign_in(qtbot, app, seeded, "supervisor")
    queue = incidents_of(app).queue
    queue.set_view(QueueView.REVIEW)
    _open_first_row(qtbot, app)
    dlg = _detail(app)
    qtbot.waitUntil(lambda: dlg.state.text() == "已处置")
    _click(qtbot, app, S.CLOSED, note="复核无误")
    qtbot.waitUntil(lambda: dlg.state.text() == "已关闭")
    assert dlg.reopen.isVisible()
    qtbot.waitUntil(lambda: queue.model.rowCount() == 0)  # reviewed: no longer awaiting review

    # Reopening needs a reason: without one nothing is sent.
    qtbot.mouseClick(dlg.reopen, Qt.MouseButton.LeftButton)
    assert dlg.error.text() == "请在备注中填写重新打开的原因。"
    assert dlg.timeline.topLevelItemCount() == 8
    dlg.note.setText("车主称车辆仍未找回")
    qtbot.mouseClick(dlg.reopen, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.state.text() == "已确认")
    assert dlg.timeline.topLevelItemCount() == 9
    queue.set_view(QueueView.OPEN)
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1)


def test_a_refused_change_is_explained_in_the_dialog(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    incidents_of(console).create_incident(NewIncident("路灯损坏", Priority.P3, "C02", "", ""))
    _open_first_row(qtbot, console)
    dlg = _detail(console)
    # Another workstation acknowledged it meanwhile: this view's button is now stale.
    iid = incidents_of(console).queue.model.row_at(0).id
    ws02 = services_at(seeded.db, "WS02")
    ws02.incidents.transition(seeded.principal("supervisor"), iid, S.ACKNOWLEDGED)
    dlg.buttons[S.ACKNOWLEDGED].click()
    qtbot.waitUntil(lambda: dlg.error.text() != "")
    # The window sent the version it showed: the refusal names the other desk's change.
    conflict = incidents_of(console).editing.conflict_dialog
    assert conflict is not None
    assert "WS02" in conflict.theirs.topLevelItem(0).text(1)
    qtbot.waitUntil(lambda: dlg.state.text() == "已确认")  # the change feed refreshed it


def test_locking_hides_the_incident_view(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    incidents_of(console).create_incident(NewIncident("噪音扰民", Priority.P4, "C11", "", ""))
    _open_first_row(qtbot, console)
    console.session.lock()
    assert not _detail(console).isVisible()


def test_a_typed_incident_from_entry_to_its_disposition(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    """The type chosen at entry decides how the incident can end."""
    app = make_console()
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    incidents = incidents_of(app)
    assert "NOISE" in incidents.types, "the catalogue is loaded with the queue"
    incidents.create_incident(
        NewIncident(
            "夜间施工噪音", Priority.P3, "C02", "5号楼", "", "NOISE", "赵女士", "13900001111"
        )
    )
    _open_first_row(qtbot, app)
    dlg = _detail(app)
    qtbot.waitUntil(lambda: dlg.kind.text() == "噪音扰民")
    assert dlg.caller.text() == "赵女士 13900001111"
    assert dlg.disposition.isVisibleTo(dlg)
    for target in (S.ACKNOWLEDGED, S.DISPATCHED, S.ON_SCENE):
        _click(qtbot, app, target, note=f"步骤 {target.value}")
    qtbot.waitUntil(lambda: dlg.state.text() == "已到场")
    dlg.disposition.setCurrentIndex(dlg.disposition.findData("已劝止"))
    _click(qtbot, app, S.RESOLVED, note="施工方已停工", added=2)
    qtbot.waitUntil(lambda: dlg.state.text() == "已处置")
    iid = dlg.incident_id
    assert iid is not None
    detail = app.services.incidents.incident_detail(seeded.principal("operator"), iid)
    assert detail.disposition == "已劝止"
    (resolved,) = [e for e in detail.events if e.to_state == S.RESOLVED.value]
    assert resolved.note == "已劝止 — 施工方已停工"


def test_a_supervisor_takes_over_after_being_asked(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console()
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    incidents_of(app).create_incident(NewIncident("电动车被盗", Priority.P2, "C07", "", ""))
    _open_first_row(qtbot, app)
    _click(qtbot, app, S.ACKNOWLEDGED, note="已受理")
    dlg = _detail(app)
    assert not dlg.take_over.isEnabled(), "one's own incident is not taken over"
    app.session.sign_out()
    sign_in(qtbot, app, seeded, "supervisor")
    _open_first_row(qtbot, app)
    dlg = _detail(app)
    qtbot.waitUntil(dlg.take_over.isEnabled)
    fake_dialogs(app).answer = False
    qtbot.mouseClick(dlg.take_over, Qt.MouseButton.LeftButton)
    assert dlg.error.text() == "未接管。"
    assert dlg.claimed.text() == "李静"
    fake_dialogs(app).answer = True
    qtbot.mouseClick(dlg.take_over, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.claimed.text() == "王建国", timeout=10_000)
    assert (
        "王建国" in fake_dialogs(app).questions[-1].text
        or "李静" in fake_dialogs(app).questions[-1].text
    )
    assert not dlg.take_over.isEnabled()
