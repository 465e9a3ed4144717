"""Duplicates, quick templates, the caller's resident and merging, through the console."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from core.model import Priority
from data.models import Resident
from tests.helpers.consoles import (
    SeededSite,
    fake_dialogs,
    incidents_of,
    services_at,
    sign_in,
)
from widgets.incident_dialog import NewIncident, NewIncidentDialog

PHONE = "13812345678"


def _open_entry(qtbot: QtBot, app: ConsoleApp) -> NewIncidentDialog:
    app.window.action("new_incident").trigger()
    dlg = incidents_of(app).entry_dialog
    assert dlg is not None
    qtbot.waitUntil(dlg.isVisible)
    return dlg


def _create(qtbot: QtBot, app: ConsoleApp, title: str, **kw: str) -> int:
    p = incidents_of(app)
    before = {r.id for r in p.queue.rows()}
    p.create_incident(NewIncident(title, Priority.P2, "C01", kw.pop("location", ""), "", **kw))
    qtbot.waitUntil(lambda: len({r.id for r in p.queue.rows()} - before) == 1)
    [iid] = {r.id for r in p.queue.rows()} - before
    return iid


def test_typing_the_phone_of_an_open_incident_suggests_it(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    first = _create(qtbot, console, "独居老人未开门", caller_phone=PHONE)
    dlg = _open_entry(qtbot, console)
    dlg.caller_phone.setFocus()
    qtbot.keyClicks(dlg.caller_phone, "138 1234 5678")
    qtbot.waitUntil(lambda: dlg.assist.list.count() == 1)
    assert dlg.assist.list.isVisible()
    assert f"#{first}" in dlg.assist.list.item(0).text()
    assert "138****5678" in dlg.assist.list.item(0).text()
    # Enter on a suggestion opens it and leaves the form as it was (no incident created).
    dlg.assist.list.setFocus()
    qtbot.keyClick(dlg.assist.list, Qt.Key.Key_Return)
    p = incidents_of(console)
    qtbot.waitUntil(lambda: p.detail_dialog is not None and p.detail_dialog.incident_id == first)
    assert dlg.isVisible()
    assert len(p.queue.rows()) == 1


def test_a_template_fills_title_and_description_with_a_keystroke(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    dlg = _open_entry(qtbot, console)
    dlg.kind.setCurrentIndex(dlg.kind.findData("ELDERLY"))
    qtbot.waitUntil(lambda: bool(dlg.assist.current_templates()))
    expected = dlg.assist.current_templates()[1]
    qtbot.waitUntil(dlg.isActiveWindow)
    qtbot.keyClick(dlg.title, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert dlg.title.text() == expected.title
    assert dlg.description.toPlainText() == expected.description
    assert "Alt+2" in dlg.assist.templates.text()


def test_a_residents_phone_offers_the_masked_card(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    with seeded.db.session() as s:
        res = s.scalars(select(Resident).order_by(Resident.id)).first()
        assert res is not None
        phone, name = res.phone, res.name
    sign_in(qtbot, console, seeded, "operator")
    dlg = _open_entry(qtbot, console)
    dlg.caller_phone.setFocus()
    qtbot.keyClicks(dlg.caller_phone, phone)
    qtbot.waitUntil(dlg.assist.resident.isVisible)
    shown = dlg.assist.resident.text()
    assert name not in shown
    assert name[0] + "*" in shown
    assert phone not in shown
    card_before = console.presenter("residents")
    dlg.assist.open_resident.click()
    qtbot.waitUntil(lambda: getattr(card_before, "card", None) is not None)


def test_merge_from_the_incident_window_after_confirmation(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    survivor = _create(qtbot, console, "独居老人未开门", caller_phone=PHONE)
    merged = _create(qtbot, console, "老人家没人应门", caller_phone=PHONE)
    p = incidents_of(console)
    p.open_incident(survivor)
    qtbot.waitUntil(lambda: p.detail_dialog is not None and p.detail_dialog.isVisible())
    window = p.detail_dialog
    assert window is not None
    panel = window.duplicates
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert panel.merge.isEnabled()
    window.note.setText("同一位老人")
    fake_dialogs(console).answer = False
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert f"#{merged}" in fake_dialogs(console).questions[-1].text
    assert panel.merge.isEnabled(), "declined: nothing merged, the button usable again"
    fake_dialogs(console).answer = True
    qtbot.keyClick(
        window,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: merged not in {r.id for r in p.queue.rows()})
    qtbot.waitUntil(lambda: bool(window.joined))
    notes = [item.text(3) for item in window.timeline.findItems("", Qt.MatchFlag.MatchContains)]
    assert any(n.startswith(f"[#{merged}]") for n in notes), "the merged timeline is joined"
    assert f"#{merged}" in panel.links.text()
    # The merged one's window links to the survivor; stepping it is refused.
    svc = services_at(seeded.db)
    who = svc.signin.principal("operator")
    assert svc.merge.merge_view(who, merged).merged_into == survivor
    p.open_incident(merged)
    qtbot.waitUntil(lambda: window.incident_id == merged and panel.open_survivor.isVisible())
    assert not any(b.isEnabled() for b in (*window.buttons.values(), window.reopen))
    panel.open_survivor.click()
    qtbot.waitUntil(lambda: window.incident_id == survivor)
