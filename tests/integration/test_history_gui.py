"""The queue pane's History: Ctrl+F, a search typed and run with Enter, Esc, filters remembered."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from console.presenters.history import HistoryPresenter
from core.history import HistoryQuery
from core.incidents import IncidentState, QueueView
from core.model import Priority
from tests.helpers.consoles import SeededSite, incidents_of, services_at, sign_in
from widgets.incident_history import HistorySearchWidget


@dataclass(frozen=True)
class Desk:
    """A closed incident with a caller named 李静, and an open one with another caller."""

    fall: int
    noise: int


@pytest.fixture
def desk(seeded: SeededSite) -> Desk:
    incidents = seeded.services.incidents
    operator, supervisor = seeded.principal("operator"), seeded.principal("supervisor")
    fall = incidents.create(
        operator,
        title="老人摔倒",
        priority=Priority.P2,
        community="C01",
        location="咸阳北路12号3单元",
        caller_name="李静",
        caller_phone="13800135678",
    )
    incidents.transition(operator, fall, IncidentState.RESOLVED)
    incidents.transition(supervisor, fall, IncidentState.CLOSED)
    noise = incidents.create(
        operator, title="噪音扰民", priority=Priority.P3, community="C02", caller_name="王五"
    )
    return Desk(fall, noise)


def _t(text: str) -> str:
    """The History's text in the console's language (the .ts files translate it)."""
    return QCoreApplication.translate("HistorySearchWidget", text)


def _history(app: ConsoleApp) -> HistorySearchWidget:
    p = app.presenter("incident_history")
    assert isinstance(p, HistoryPresenter)
    return p.widget


def _ids(w: HistorySearchWidget) -> list[int]:
    return [r.id for r in w.rows()]


def _search(qtbot: QtBot, app: ConsoleApp, w: HistorySearchWidget, text: str) -> None:
    w.text.setText(text)  # keyClicks types Latin-1 only; Chinese comes from an input method
    qtbot.keyClick(w.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.asked.text == text)
    assert app.wait_idle()


def test_ctrl_f_searches_the_history_and_the_filters_are_remembered(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite, desk: Desk
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    queue = incidents_of(console).queue
    w = _history(console)
    assert queue.view is QueueView.OPEN
    console.window.show_pane("incidents")
    queue.table.setFocus()

    # Ctrl+F in the queue pane: the History, the cursor in its search field.
    qtbot.keyClick(queue.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: queue.view is QueueView.HISTORY)
    assert queue.currentWidget() is w
    assert w.text.hasFocus()
    qtbot.waitUntil(lambda: _ids(w) == [desk.noise, desk.fall])  # every state, newest first
    assert w.summary.text() == _t("{n} incidents match").format(n=2)

    _search(qtbot, console, w, "李静")  # a two-character name
    qtbot.waitUntil(lambda: _ids(w) == [desk.fall])
    assert w.summary.text() == _t("{n} incidents match").format(n=1)
    assert w.stack.currentWidget() is w.table

    _search(qtbot, console, w, "北路12")  # a piece of an address
    qtbot.waitUntil(lambda: _ids(w) == [desk.fall])

    _search(qtbot, console, w, "无此事")
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.empty)
    assert w.empty.title() == _t("No incidents match “{what}”").format(what="无此事")
    assert w.summary.text() == _t("{n} incidents match").format(n=0)

    qtbot.keyClick(w.text, Qt.Key.Key_Escape)  # Esc clears: the whole history again
    qtbot.waitUntil(lambda: _ids(w) == [desk.noise, desk.fall])
    assert w.text.text() == ""

    w.text.setText("李")  # too short for the index: said, not searched
    qtbot.keyClick(w.text, Qt.Key.Key_Return)
    assert w.problem.isVisible()
    assert w.problem.text() == _t(
        "Type at least {n} letters or digits (or an incident number)."
    ).format(n=2)

    # A community filter applies at once; with the text, it is remembered for this user.
    qtbot.waitUntil(lambda: w.community.findData("C01") > 0)
    w.text.setText("李静")
    w.community.setCurrentIndex(w.community.findData("C01"))
    w.community.activated.emit(w.community.currentIndex())
    qtbot.waitUntil(lambda: w.asked == HistoryQuery(text="李静", community="C01"))
    assert _ids(w) == [desk.fall]

    # A new incident elsewhere that matches joins the rows shown, in place.
    ws02 = services_at(seeded.db, "WS02")
    newer = ws02.incidents.create(
        seeded.principal("operator"),
        title="独居老人求助",
        priority=Priority.P2,
        community="C01",
        caller_name="李静",
    )
    qtbot.waitUntil(lambda: _ids(w) == [newer, desk.fall], timeout=10_000)
    assert w.summary.text() == _t("{n} incidents match").format(n=2)

    console.session.sign_out()
    assert _ids(w) == []
    sign_in(qtbot, console, seeded, "supervisor")
    assert queue.view is QueueView.OPEN
    assert _history(console).query() == HistoryQuery(), "another user starts with no filters"
    console.session.sign_out()

    sign_in(qtbot, console, seeded, "operator")
    assert queue.view is QueueView.HISTORY
    assert w.query() == HistoryQuery(text="李静", community="C01")
    qtbot.waitUntil(lambda: _ids(w) == [newer, desk.fall])


def test_a_number_opens_that_incident(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite, desk: Desk
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    queue = incidents_of(console).queue
    queue.set_view(QueueView.HISTORY)
    w = _history(console)
    _search(qtbot, console, w, f"#{desk.fall}")
    p = incidents_of(console)
    qtbot.waitUntil(lambda: p.detail_dialog is not None and p.detail_dialog.isVisible())
    assert p.detail_dialog is not None
    assert p.detail_dialog.incident_id == desk.fall
    assert _ids(w) == [desk.fall]
