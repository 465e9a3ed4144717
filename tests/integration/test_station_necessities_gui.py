"""A station's Orders and visits tab: an order through the outbox, the day's list, check-in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from console.app import ConsoleApp
from console.presenters.station_necessities import StationNecessitiesPresenter
from core.site import SiteSpec
from core.station import EntryKind, SendState
from core.station_today import TodayKind
from data.models import Community, NecessityOrder, OrderLine, Resident
from tests.helpers.consoles import MakeConsole, SeededSite, sign_in
from tests.helpers.station_fakes import MemoryDesk
from tests.integration.test_station_gui import STATION, station_console, station_of

pytestmark = pytest.mark.services_demo  # the demo's orders, volunteers and hours

SHOTS = os.environ.get("SCC_SHOTS")  # a folder: the tab rendered there, to look at


def necessities_of(app: ConsoleApp) -> StationNecessitiesPresenter:
    p = app.presenter("station_necessities")
    assert isinstance(p, StationNecessitiesPresenter)
    return p


def regular_customer(seeded: SeededSite, community: str) -> tuple[int, str]:
    """A resident of `community` with past orders (a usual basket), and their name."""
    with seeded.db.session() as s:
        found = s.execute(
            select(Resident.id, Resident.name)
            .join(Community, Community.id == Resident.community_id)
            .join(NecessityOrder, NecessityOrder.resident_id == Resident.id)
            .where(Community.code == community)
            .group_by(Resident.id, Resident.name)
            .having(func.count(NecessityOrder.id) >= 3)
            .order_by(Resident.id)
        ).first()
    assert found is not None, "the demo has regular customers in every community"
    return int(found[0]), str(found[1])


def test_an_order_taken_at_the_station_goes_to_the_outbox_and_is_placed_once(
    qtbot: QtBot,
    make_console: MakeConsole,
    demo_site: SiteSpec,
    seeded: SeededSite,
) -> None:
    desk = MemoryDesk()
    app = station_console(make_console, demo_site, desk)
    sign_in(qtbot, app, seeded, "ws01")
    p = necessities_of(app)
    tabs = p.tabs
    tabs.setCurrentWidget(p.widget)
    assert tabs.tabText(p.tab_index) == "Orders and visits"
    assert tabs.tabText(p.checkin_index) == "Volunteer check-in"
    # The day's list: the demo's deliveries of this community, and only of it.
    qtbot.waitUntil(lambda: bool(p.widget.items()), timeout=10_000)
    deliveries = [i for i in p.widget.items() if i.kind is TodayKind.DELIVERY]
    assert deliveries
    with seeded.db.session() as s:
        ids = {i.ref for i in deliveries}
        communities = set(
            s.scalars(
                select(Community.code)
                .join(NecessityOrder, NecessityOrder.community_id == Community.id)
                .where(NecessityOrder.id.in_(ids))
            )
        )
    assert communities == {"C01"}
    assert all("*" not in i.resident for i in deliveries)  # a station sees its own people
    # The order form, from the keyboard: name, Enter, Alt+B, Enter, Enter.
    rid, name = regular_customer(seeded, "C01")
    entry = p.widget.entry
    entry.focus_search()
    # Typed through an input method, which commits the text as an edit (QTest types no 汉字).
    entry.search.setText(name)
    entry.search.textEdited.emit(name)
    qtbot.keyClick(entry.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: entry.basket_button.isEnabled(), timeout=5_000)
    if SHOTS:
        p.widget.grab().save(str(Path(SHOTS) / "station-orders.png"))
    qtbot.keyClick(entry.basket_button, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert entry.lines.rowCount() > 0
    draft = entry.draft()
    assert draft is not None
    assert draft.resident_id == rid
    entry.window_combo.setFocus()
    qtbot.keyClick(entry.window_combo, Qt.Key.Key_Return)
    qtbot.keyClick(entry.deliverer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(desk.orders) == 1, timeout=5_000)
    [kept] = desk.orders
    assert (kept.workstation, kept.community) == (STATION, "C01")
    assert kept.draft.resident_id == rid
    assert kept.draft.lines == draft.lines
    assert [i.kind for i in desk.items()] == [EntryKind.ORDER]
    assert "outbox" in p.widget.status.text()
    # The outbox tab lists it in words (an order once hid the whole outbox behind "nothing
    # sent yet", with an error a second).
    outbox = station_of(app).screen.outbox
    station_of(app).refresh_desk()
    qtbot.waitUntil(lambda: len(outbox.items()) == 1, timeout=5_000)
    assert outbox.stack.currentWidget() is outbox.list
    assert outbox.row_texts()[0].startswith("Waiting to send · Order · ")
    # What the outbox sender does with it: the shared database places it, once.
    station = seeded.services.station
    who = seeded.principal("ws01")
    first = station.apply(who, desk.items()[0].uuid, kept)
    again = station.apply(who, "a7a0d3f4-6c43-4f55-9d43-3b6c5f0e8e21", kept)  # entered again
    assert first.state is SendState.SENT
    assert first.server_ref.startswith("order:")
    assert again.server_ref == first.server_ref
    order_id = int(first.server_ref.split(":")[1])
    with seeded.db.session() as s:
        o = s.get(NecessityOrder, order_id)
        assert o is not None
        assert o.resident_id == rid
        assert o.client_uuid == draft.client_uuid
        n_lines = s.scalar(select(func.count()).where(OrderLine.order_id == order_id))
    assert n_lines == len(draft.lines)


def test_the_check_in_tab_shows_this_communitys_code_only(
    qtbot: QtBot, make_console: MakeConsole, demo_site: SiteSpec, seeded: SeededSite
) -> None:
    app = station_console(make_console, demo_site, MemoryDesk())
    sign_in(qtbot, app, seeded, "ws01")
    p = necessities_of(app)
    p.tabs.setCurrentWidget(p.checkin)
    qtbot.waitUntil(lambda: p.checkin.qr.code_text != "", timeout=5_000)
    assert p.checkin.qr.code_text.startswith("C1.station:C01.")
    assert p.checkin.place() == "C01"
    if SHOTS:
        p.checkin.grab().save(str(Path(SHOTS) / "station-checkin.png"))
    app.session.lock()
    qtbot.waitUntil(lambda: p.checkin.qr.code_text == "", timeout=5_000)  # none on a locked screen
