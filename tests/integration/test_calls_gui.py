"""The calls pane on the wired console with a fake line: ringing, F2, hang up, callbacks, 486,
the line's device row, and what became of each call."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from console.presenters.calls import CallsPresenter
from core.call_log import Disposition, NoIncidentReason
from core.calls import CallPhase
from core.model import DeviceState, IncidentSource, Priority
from core.ports import EventSink
from core.site import SiteSpec
from data.models import Call, Incident, Resident
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    audit_actions,
    devices_of,
    fake_dialogs,
    sign_in,
)
from tests.helpers.fake_calls import FakeGateway


def calls_of(app: ConsoleApp) -> CallsPresenter:
    p = app.presenter("calls")
    assert isinstance(p, CallsPresenter)
    return p


@pytest.fixture
def line() -> list[FakeGateway]:
    """The fake gateway the console builds (one per console)."""
    return []


@pytest.fixture
def with_line(
    make_console: MakeConsole, demo_site: SiteSpec, line: list[FakeGateway]
) -> Callable[..., ConsoleApp]:
    def factory(sink: EventSink) -> FakeGateway:
        fake = FakeGateway(sink)
        line.append(fake)
        return fake

    def make(**changes: object) -> ConsoleApp:
        app = make_console(site=demo_site, call_gateway=factory, **changes)
        app.start()
        return app

    return make


def a_resident(seeded: SeededSite) -> tuple[int, str]:
    with seeded.db.session() as s:
        r = s.scalars(select(Resident).where(Resident.phone != "").order_by(Resident.id)).first()
        assert r is not None
        return r.id, r.phone


def call_row(seeded: SeededSite, gateway_call_id: str) -> Call:
    with seeded.db.session() as s:
        row = s.scalars(select(Call).where(Call.gateway_call_id == gateway_call_id)).one()
        s.expunge(row)
        return row


def shown(app: ConsoleApp, call_id: str) -> CallPhase | None:
    line = next((c for c in calls_of(app).pane.model.rows() if c.call_id == call_id), None)
    return line.phase if line is not None else None


def test_a_ringing_call_shows_the_masked_resident_and_f2_answers_it(
    qtbot: QtBot, with_line: Callable[..., ConsoleApp], line: list[FakeGateway], seeded: SeededSite
) -> None:
    app = with_line()
    sign_in(qtbot, app, seeded, "operator")
    fake = line[0]
    assert fake.started
    rid, phone = a_resident(seeded)
    op = seeded.principal("operator")
    [masked] = seeded.services.residents.rows_by_ids(op, [rid])
    assert "*" in masked.name  # an operator's everyday view of a resident
    calls = calls_of(app)
    cid = fake.ring(phone, "Zhang")
    assert cid is not None
    qtbot.waitUntil(lambda: shown(app, cid) is CallPhase.RINGING)
    assert calls.rings == 1
    qtbot.waitUntil(
        lambda: any(c.resident == masked.name for c in calls.pane.model.rows()), timeout=5000
    )
    assert calls.pane.answer.isEnabled()
    action = app.window.action("call_answer")
    assert action.shortcut().toString() == "F2"
    action.trigger()
    assert fake.sent("answer") == [("answer", cid)]
    qtbot.waitUntil(lambda: shown(app, cid) is CallPhase.ACTIVE)
    qtbot.waitUntil(lambda: call_row(seeded, cid).answered_by_id == op.user_id, timeout=5000)
    # The caller panel: the everyday (masked) card, the full one only for an incident.
    qtbot.waitUntil(lambda: calls.pane.caller.values["name"].text() == masked.name, timeout=5000)
    assert not calls.pane.caller.full_card.isEnabled()
    app.wait_idle()


def test_hang_up_is_instant_but_rejecting_a_ringing_caller_is_asked(
    qtbot: QtBot, with_line: Callable[..., ConsoleApp], line: list[FakeGateway], seeded: SeededSite
) -> None:
    app = with_line()
    sign_in(qtbot, app, seeded, "operator")
    fake, calls = line[0], calls_of(app)
    dialogs = fake_dialogs(app)
    dialogs.answer = None  # leave the question open
    first = fake.ring("13800001111", "")
    assert first is not None
    qtbot.waitUntil(lambda: shown(app, first) is CallPhase.RINGING)
    calls.answer()
    qtbot.waitUntil(lambda: shown(app, first) is CallPhase.ACTIVE)
    assert app.window.action("call_hang_up").shortcut().toString() == "F4"
    app.window.action("call_hang_up").trigger()
    assert fake.sent("hang_up") == [("hang_up", first)]
    assert dialogs.questions == []  # an operator's key: no question
    qtbot.waitUntil(lambda: call_row(seeded, first).end_reason == "hung_up_local", timeout=5000)
    second = fake.ring("13800002222", "")
    assert second is not None
    qtbot.waitUntil(lambda: shown(app, second) is CallPhase.RINGING)
    calls.pane.select(next(c.key for c in calls.pane.model.rows() if c.call_id == second))
    calls.hang_up()
    assert len(dialogs.open_questions) == 1
    assert not dialogs.open_questions[0].default_yes
    assert fake.sent("hang_up") == [("hang_up", first)]
    dialogs.reply(True)
    assert fake.sent("hang_up")[-1] == ("hang_up", second)
    app.wait_idle()


def test_a_caller_who_gave_up_is_called_back_from_the_list(
    qtbot: QtBot, with_line: Callable[..., ConsoleApp], line: list[FakeGateway], seeded: SeededSite
) -> None:
    app = with_line(language="en")  # the tab's English text is checked below
    sign_in(qtbot, app, seeded, "operator")
    fake, calls = line[0], calls_of(app)
    cid = fake.ring("13900003333", "Li")
    assert cid is not None
    qtbot.waitUntil(lambda: shown(app, cid) is CallPhase.RINGING)
    fake.remote_hang_up(cid)
    model = calls.pane.callbacks
    qtbot.waitUntil(lambda: len(model) == 1, timeout=5000)
    assert model.row_at(0).number == "13900003333"
    assert calls.pane.tabs.tabText(1) == "Callbacks (1)"
    calls.pane.tabs.setCurrentIndex(1)
    calls.pane.callback_table.selectRow(0)
    assert calls.pane.dial.isEnabled()
    calls.pane.dial.click()
    [(_, number, back)] = fake.sent("dial")
    assert number == "13900003333"
    qtbot.waitUntil(lambda: shown(app, back) is CallPhase.DIALING)
    fake.connect(back)
    qtbot.waitUntil(lambda: len(model) == 0, timeout=5000)
    qtbot.waitUntil(lambda: calls.pane.done.count() == 1, timeout=5000)
    assert "13900003333" in calls.pane.done.item(0).text()
    missed = call_row(seeded, cid)
    assert missed.called_back_by_id == seeded.principal("operator").user_id
    assert call_row(seeded, back).callback_of_id == missed.id
    app.wait_idle()


def test_a_fifth_caller_gets_busy_and_the_pane_says_so(
    qtbot: QtBot, with_line: Callable[..., ConsoleApp], line: list[FakeGateway], seeded: SeededSite
) -> None:
    app = with_line()
    sign_in(qtbot, app, seeded, "operator")
    fake, calls = line[0], calls_of(app)
    for i in range(4):
        assert fake.ring(f"1380000000{i}", "") is not None
    assert fake.ring("13700009999", "") is None
    qtbot.waitUntil(calls.pane.refused.isVisible)
    assert "486" in calls.pane.refused.text()
    assert "13700009999" in calls.pane.refused.text()
    qtbot.waitUntil(
        lambda: any(r.number == "13700009999" and r.busy == 1 for r in calls.pane.callbacks.rows()),
        timeout=5000,
    )
    calls.pane.tabs.setCurrentIndex(1)  # looked at: the banner goes
    assert not calls.pane.refused.isVisible()
    app.wait_idle()


def test_the_lines_state_reaches_its_device_row(
    qtbot: QtBot, with_line: Callable[..., ConsoleApp], line: list[FakeGateway], seeded: SeededSite
) -> None:
    app = with_line()
    sign_in(qtbot, app, seeded, "operator")
    fake, calls = line[0], calls_of(app)
    fake.line(True, "listening udp 127.0.0.1:5070")
    devices = devices_of(app).pane

    def ph00() -> tuple[DeviceState, str] | None:
        row = next((r for r in devices.rows() if r.code == "PH00"), None)
        return None if row is None else (row.state, row.detail)

    qtbot.waitUntil(
        lambda: ph00() == (DeviceState.ONLINE, "listening udp 127.0.0.1:5070"), timeout=5000
    )
    assert calls.pane.status.toolTip() == "listening udp 127.0.0.1:5070"
    fake.line(False, "registration failed: 403")
    qtbot.waitUntil(
        lambda: ph00() == (DeviceState.OFFLINE, "registration failed: 403"), timeout=5000
    )
    app.wait_idle()


def test_an_answered_call_must_become_an_incident_or_be_closed(
    qtbot: QtBot, with_line: Callable[..., ConsoleApp], line: list[FakeGateway], seeded: SeededSite
) -> None:
    app = with_line()
    sign_in(qtbot, app, seeded, "operator")
    fake, calls = line[0], calls_of(app)
    first = fake.ring("13600004444", "Wang")
    assert first is not None
    qtbot.waitUntil(lambda: shown(app, first) is CallPhase.RINGING)
    calls.answer()
    qtbot.waitUntil(lambda: shown(app, first) is CallPhase.ACTIVE)
    fake.remote_hang_up(first)

    def line_of(call_id: str):  # type: ignore[no-untyped-def]
        return next(c for c in calls.pane.model.rows() if c.key.split("/")[1] == call_id)

    qtbot.waitUntil(lambda: line_of(first).needs_disposition, timeout=5000)
    calls.pane.select(line_of(first).key)
    assert calls.pane.new_incident.isEnabled()
    # A new incident from the call: the desk's form, filled in; saving links the call.
    calls.new_incident()
    dlg = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "newIncidentDialog" and w.isVisible()
    )
    assert dlg.caller_phone.text() == "13600004444"  # type: ignore[attr-defined]
    dlg.title.setText("楼道积水")  # type: ignore[attr-defined]
    dlg.accept()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: line_of(first).disposition is Disposition.LINKED, timeout=5000)
    incident_id = line_of(first).incident_id
    with seeded.db.session() as s:
        inc = s.get_one(Incident, incident_id)
        assert (inc.source, inc.caller_phone) == (IncidentSource.CALL.value, "13600004444")
    # A second call closed as "no incident".
    second = fake.ring("13600005555", "")
    assert second is not None
    qtbot.waitUntil(lambda: shown(app, second) is CallPhase.RINGING)
    calls.answer()
    qtbot.waitUntil(lambda: shown(app, second) is CallPhase.ACTIVE)
    fake.remote_hang_up(second)
    qtbot.waitUntil(lambda: line_of(second).needs_disposition, timeout=5000)
    calls.pane.select(line_of(second).key)
    calls.close_no_incident(NoIncidentReason.WRONG_NUMBER)
    qtbot.waitUntil(lambda: line_of(second).disposition is Disposition.NO_INCIDENT, timeout=5000)
    assert call_row(seeded, second).no_incident_reason == "wrong_number"
    app.wait_idle()


def test_without_a_line_the_pane_says_what_to_configure(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    pane = calls_of(app).pane
    assert pane.empty.title() == "No phone line on this workstation"
    assert "[[sip]]" in pane.empty.text()
    assert not pane.answer.isEnabled()
    calls_of(app).answer()  # nothing to answer with: nothing happens
    app.wait_idle()


def test_a_line_kept_off_says_so_instead_of_starting_for_ever(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    # The site gives CC a [[sip]] entry; the options do not run the line (a screenshot).
    assert demo_site.sip_line("CC") is not None
    app = make_console(language="en", site=demo_site, sip=False, alarms=False)
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    pane = calls_of(app).pane
    qtbot.waitUntil(lambda: "off for this run" in pane.status.text())
    assert pane.status.text().startswith("○ Line offline")
    assert "[[sip]]" not in pane.empty.text()  # the entry is there: nothing to add
    assert not pane.answer.isEnabled()
    app.session.set_language("zh_CN")  # the console's own reason follows the language
    qtbot.waitUntil(lambda: pane.status.text() == "○ 线路离线 · 本次运行未启用电话线路")
    app.wait_idle()


def test_the_full_caller_card_opens_only_for_the_linked_incident_and_is_recorded(
    qtbot: QtBot, with_line: Callable[..., ConsoleApp], line: list[FakeGateway], seeded: SeededSite
) -> None:
    app = with_line()
    sign_in(qtbot, app, seeded, "operator")
    fake, calls = line[0], calls_of(app)
    rid, phone = a_resident(seeded)
    with seeded.db.session() as s:
        address = s.get_one(Resident, rid).address
    cid = fake.ring(phone, "")
    assert cid is not None
    qtbot.waitUntil(lambda: shown(app, cid) is CallPhase.RINGING)
    calls.answer()
    qtbot.waitUntil(lambda: shown(app, cid) is CallPhase.ACTIVE)
    caller = calls.pane.caller
    qtbot.waitUntil(lambda: caller.values["address"].text() != "", timeout=5000)
    assert caller.values["address"].text() != address  # masked for an operator
    assert not caller.full_card.isEnabled()
    # Linked to an incident (while still talking), the operator may open the whole card.
    calls.new_incident()
    dlg = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "newIncidentDialog" and w.isVisible()
    )
    dlg.title.setText("老人求助")  # type: ignore[attr-defined]
    dlg.accept()  # type: ignore[attr-defined]
    qtbot.waitUntil(caller.full_card.isEnabled, timeout=5000)
    before = audit_actions(seeded.db)["pii_revealed"]
    caller.full_card.click()
    qtbot.waitUntil(lambda: caller.values["address"].text() == address, timeout=5000)
    assert audit_actions(seeded.db)["pii_revealed"] == before + 1
    app.wait_idle()


def _visible(name: str) -> object | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()),
        None,
    )


def test_transfer_to_a_department_and_link_to_a_queued_incident(
    qtbot: QtBot, with_line: Callable[..., ConsoleApp], line: list[FakeGateway], seeded: SeededSite
) -> None:
    app = with_line()
    sign_in(qtbot, app, seeded, "operator")
    fake, calls = line[0], calls_of(app)
    op = seeded.principal("operator")
    queued = seeded.services.incidents.create(
        op, title="路灯不亮", priority=Priority.P3, community="C01"
    )
    cid = fake.ring("13600007777", "")
    assert cid is not None
    qtbot.waitUntil(lambda: shown(app, cid) is CallPhase.RINGING)
    calls.answer()
    qtbot.waitUntil(lambda: shown(app, cid) is CallPhase.ACTIVE)
    qtbot.waitUntil(lambda: any(c.db_id is not None for c in calls.pane.model.rows()), timeout=5000)
    # Linked while still talking: the call's incident is already in the queue.
    calls.pane.select(next(c.key for c in calls.pane.model.rows() if c.call_id == cid))
    calls.link()
    qtbot.waitUntil(lambda: _visible("linkIncidentDialog") is not None, timeout=5000)
    link = _visible("linkIncidentDialog")
    link.number.setText(str(queued))  # type: ignore[attr-defined]
    link._on_ok()  # type: ignore[attr-defined]
    qtbot.waitUntil(
        lambda: any(c.incident_id == queued for c in calls.pane.model.rows()), timeout=5000
    )
    # Then handed over to the police station's phone.
    calls.transfer()
    qtbot.waitUntil(lambda: _visible("transferDialog") is not None, timeout=5000)
    dlg = _visible("transferDialog")
    dlg.list.setCurrentRow(0)  # type: ignore[attr-defined]
    dlg._on_ok()  # type: ignore[attr-defined]
    assert fake.sent("transfer") == [("transfer", cid, "02226581110")]
    qtbot.waitUntil(lambda: call_row(seeded, cid).end_reason == "transferred", timeout=5000)
    app.wait_idle()


def test_after_sign_out_a_ringing_call_shows_no_caller(
    qtbot: QtBot, with_line: Callable[..., ConsoleApp], line: list[FakeGateway], seeded: SeededSite
) -> None:
    app = with_line()
    sign_in(qtbot, app, seeded, "operator")
    fake, calls = line[0], calls_of(app)
    _rid, phone = a_resident(seeded)
    cid = fake.ring(phone, "Zhang")
    assert cid is not None
    qtbot.waitUntil(lambda: any(c.resident for c in calls.pane.model.rows()), timeout=5000)
    app.session.sign_out()
    rows = calls.pane.model.rows()
    assert [(r.call_id, r.phase) for r in rows] == [(cid, CallPhase.RINGING)]
    assert (rows[0].number, rows[0].display, rows[0].resident) == ("", "", "")
    assert calls.pane.callbacks.rowCount() == 0
    assert calls.pane.caller.values["name"].text() == ""
    app.wait_idle()
