"""Station mode on the wired console: own queue, hold-to-panic, intake, outbox, conflicts, and the
control room's stations list."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from console.presenters.station import StationPresenter
from console.presenters.stations import StationsPresenter
from core.audit import AuditAction
from core.model import Priority
from core.permissions import PermissionDenied
from core.population import generate_population
from core.site import SiteSpec
from core.station import (
    EntryKind,
    LinkState,
    OutboxItem,
    RequestTarget,
    SendState,
    StationLink,
)
from data.models import Community, Incident, Resident, ServiceTicket, SiteMeta
from tests.helpers.consoles import (
    POPULATION,
    MakeConsole,
    SeededSite,
    audit_details,
    count_reads,
    fake_dialogs,
    sign_in,
)
from tests.helpers.station_fakes import Decision, MemoryDesk

STATION = "WS01"
COMMUNITY = "C01"


def station_of(app: ConsoleApp) -> StationPresenter:
    p = app.presenter("station")
    assert isinstance(p, StationPresenter)
    return p


def station_console(
    make_console: MakeConsole, demo_site: SiteSpec, desk: MemoryDesk | None = None
) -> ConsoleApp:
    app = make_console(
        language="en",
        site=demo_site,
        workstation=STATION,
        station_desk=desk,
        alarms=False,
        sip=False,
    )
    app.start()
    return app


def resident_phone(seeded: SeededSite, community: str) -> tuple[int, str]:
    with seeded.db.session() as s:
        rid, phone = s.execute(
            select(Resident.id, Resident.phone)
            .join(Community, Resident.community_id == Community.id)
            .where(Community.code == community, Resident.phone != "")
            .order_by(Resident.id)
        ).first()  # type: ignore[misc]
    return rid, phone


def find(qtbot: QtBot, p: StationPresenter, text: str) -> None:
    intake = p.screen.intake
    intake.search.clear()
    qtbot.keyClicks(intake.search, text)
    qtbot.mouseClick(intake.find_button, Qt.MouseButton.LeftButton)


def hold_panic(qtbot: QtBot, p: StationPresenter, desk_has: object) -> None:
    """Hold the on-screen button until the press has reached the desk."""
    button = p.screen.panic
    button.hold_ms = 50  # the same hold, shortened: the wait is the test's, not a timing claim
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not button.holding)
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(desk_has)  # type: ignore[arg-type]


@pytest.fixture
def desk() -> MemoryDesk:
    return MemoryDesk()


def test_a_station_shows_its_screen_and_only_its_own_community(
    qtbot: QtBot,
    make_console: MakeConsole,
    demo_site: SiteSpec,
    seeded: SeededSite,
    desk: MemoryDesk,
) -> None:
    admin = seeded.principal("admin")
    own = seeded.services.incidents.create(
        admin, title="Stairwell light out", priority=Priority.P3, community=COMMUNITY
    )
    other = seeded.services.incidents.create(
        admin, title="Other community's fire", priority=Priority.P1, community="C02"
    )
    app = station_console(make_console, demo_site, desk)
    sign_in(qtbot, app, seeded, "ws01")
    p = station_of(app)
    assert "stations" not in app.window.panes  # the control room's list is not a station's
    assert app.window.panes["station"].dock.isVisible()
    # The toolbar offers the station's screen, not the control room's panes (View menu has all).
    toolbar = app.window.toolbar.actions()
    assert app.window.panes["station"].toggle in toolbar
    assert app.window.panes["video"].toggle not in toolbar
    assert app.window.panes["video"].toggle in app.window.menus["view"].actions()
    qtbot.waitUntil(lambda: any(r.id == own for r in p.screen.queue.rows()))
    ids = {r.id for r in p.screen.queue.rows()}
    assert other not in ids
    assert {r.community for r in p.screen.queue.rows()} == {COMMUNITY}
    assert p.screen.title.text() == "Station of 咸阳北里社区"
    # The scope is the services' own: a station account asking for another community is refused.
    who = app.session.principal
    assert who is not None
    with pytest.raises(PermissionDenied):
        seeded.services.residents.page(who, community="C02")
    # The centre's recorder is none of the station's business (it records nothing itself):
    # no red "Not recording" in its status bar.
    recordings = app.presenter("recordings")
    recordings._read_health()  # type: ignore[attr-defined]
    assert recordings.status_label.isHidden()  # type: ignore[attr-defined]
    # The keyboard starts where the worker types a request, never on the panic button
    # (a held Enter or Space there raises a P1 alarm).
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is p.screen.intake.search)
    assert not p.screen.panic.hasFocus()


def test_early_release_sends_nothing_and_a_full_hold_sends_one_panic(
    qtbot: QtBot,
    make_console: MakeConsole,
    demo_site: SiteSpec,
    seeded: SeededSite,
    desk: MemoryDesk,
) -> None:
    app = station_console(make_console, demo_site, desk)
    sign_in(qtbot, app, seeded, "ws01")
    p = station_of(app)
    button = p.screen.panic
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    assert button.holding
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)  # well before two seconds
    assert app.wait_idle()
    assert desk.panics == []
    hold_panic(qtbot, p, lambda: len(desk.panics) == 1)
    press = desk.panics[0]
    assert (press.workstation, press.community, press.source) == (STATION, COMMUNITY, "screen")
    assert press.pressed_at.tzinfo is not None
    qtbot.waitUntil(lambda: p.panic_uuid != "")
    qtbot.waitUntil(
        lambda: p.screen.panic_status.text() == "Sending the alarm to the control room…"
    )
    assert len(desk.panics) == 1
    # The link drops: the worker is told to phone the centre, with the site file's number.
    desk.set_link(StationLink(LinkState.OFFLINE, datetime.now(UTC), clock_skew_s=3720.0))
    qtbot.waitUntil(lambda: "Phone the centre now: 022-26580000." in p.screen.panic_status.text())
    banner = p.screen.banner.text()
    assert banner.startswith("No link to the centre since ")
    assert "1 waiting to send." in banner
    assert "This PC's clock is 1 h 02 min fast; the server's time is used." in banner
    assert p.screen.tabs.tabText(1) == "Outbox (1 waiting)"
    assert p.screen.outbox.row_texts()[0].startswith("Waiting to send · Panic")
    # Back online, sent: the worker sees the control room has it.
    desk.set_link(StationLink(LinkState.ONLINE, datetime.now(UTC)))
    desk.settle(p.panic_uuid, SendState.SENT, "incident:77")
    qtbot.waitUntil(
        lambda: p.screen.panic_status.text() == "The control room has the alarm (incident 77)."
    )
    assert p.screen.banner.text() == "Connected to the centre."


def test_a_panic_offline_without_a_centre_number_still_says_to_phone(
    qtbot: QtBot,
    make_console: MakeConsole,
    demo_site: SiteSpec,
    seeded: SeededSite,
    desk: MemoryDesk,
) -> None:
    desk.set_link(StationLink(LinkState.OFFLINE, datetime.now(UTC)))
    app = station_console(make_console, replace(demo_site, centre_phone=""), desk)
    sign_in(qtbot, app, seeded, "ws01")
    p = station_of(app)
    qtbot.waitUntil(lambda: p.link.state is LinkState.OFFLINE)
    assert p.screen.banner.text().startswith("No link to the centre since ")
    hold_panic(qtbot, p, lambda: len(desk.panics) == 1)
    qtbot.waitUntil(
        lambda: (
            p.screen.panic_status.text()
            == "No link to the centre: the alarm waits here and is also sent through the alarm "
            "panel. Phone the centre now."
        )
    )


def test_a_panic_not_at_the_centre_soon_says_to_phone_even_online(
    qtbot: QtBot, make_console: MakeConsole, demo_site: SiteSpec, seeded: SeededSite
) -> None:
    """Online but not sent (the sender stuck or refused again and again): the worker phones."""
    desk = MemoryDesk(clock=lambda: datetime.now(UTC) - timedelta(seconds=30))
    app = station_console(make_console, demo_site, desk)
    sign_in(qtbot, app, seeded, "ws01")
    p = station_of(app)
    hold_panic(qtbot, p, lambda: len(desk.panics) == 1)
    qtbot.waitUntil(lambda: p.screen.panic_status.text().endswith("022-26580000."))
    assert p.link.state is LinkState.ONLINE


def test_intake_finds_a_resident_masked_shows_contacts_and_submits_the_request(
    qtbot: QtBot,
    make_console: MakeConsole,
    demo_site: SiteSpec,
    seeded: SeededSite,
    desk: MemoryDesk,
    tmp_path: object,
) -> None:
    rid, phone = resident_phone(seeded, COMMUNITY)
    admin = seeded.principal("admin")
    earlier = seeded.services.incidents.create(
        admin,
        title="Fell at home",
        priority=Priority.P2,
        community=COMMUNITY,
        caller_phone=phone,
    )
    app = station_console(make_console, demo_site, desk)
    sign_in(qtbot, app, seeded, "ws01")
    p = station_of(app)
    intake = p.screen.intake
    find(qtbot, p, phone)
    qtbot.waitUntil(lambda: intake.result_texts() != [])
    shown = intake.result_texts()
    assert len(shown) == 1
    # The station role browses names, but identity numbers and phones stay masked.
    assert phone not in shown[0]
    assert shown[0].count("*") >= 8
    assert intake.choose(rid)
    qtbot.waitUntil(lambda: intake.contact_texts() != [])
    assert any(f"Incident {earlier}: Fell at home" in t for t in intake.contact_texts())
    assert any(f'"rows": {1}' in d for d in audit_details(seeded.db, AuditAction.RESIDENT_VIEWED))
    # Found by the identity number too (the keyed index), which is still shown masked.
    with seeded.db.session() as s:
        day = date.fromisoformat(s.get_one(SiteMeta, "population_date").value)
    plain = {r.phone: r for r in generate_population(demo_site, POPULATION, today=day)}[phone]
    find(qtbot, p, plain.id_number)
    qtbot.waitUntil(lambda: intake.result_texts() != [])
    by_number = intake.result_texts()
    assert len(by_number) == 1
    assert plain.id_number not in by_number[0]
    assert plain.id_number[-4:] in by_number[0]
    # Someone of another community is not found from here.
    _, elsewhere = resident_phone(seeded, "C02")
    find(qtbot, p, elsewhere)
    qtbot.waitUntil(
        lambda: intake.search_note.text().startswith("Nobody of this community matches")
    )
    assert intake.result_texts() == []
    assert intake.choose(rid) is False
    find(qtbot, p, phone)
    qtbot.waitUntil(lambda: intake.result_texts() != [])
    assert intake.choose(rid)
    assert intake.select_category("NOISE")
    intake.description.setPlainText("Loud music every night after 23:00")
    photo = seeded.keys.parent / "noise.jpg" if seeded.keys else None
    assert photo is not None
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo")
    intake.set_photo(str(photo))
    qtbot.mouseClick(intake.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(desk.requests) == 1)
    req = desk.requests[0]
    assert (req.workstation, req.community, req.target) == (
        STATION,
        COMMUNITY,
        RequestTarget.INCIDENT,
    )
    assert (req.category, req.priority, req.resident_id) == ("NOISE", Priority.P3, rid)
    assert req.description == "Loud music every night after 23:00"
    assert (req.photo_name, req.photo) == ("noise.jpg", b"\xff\xd8\xff\xe0 a photo")
    qtbot.waitUntil(lambda: intake.chosen_id() is None)  # a fresh form for the next person
    qtbot.waitUntil(lambda: p.screen.tabs.tabText(1) == "Outbox (1 waiting)")


def test_a_conflict_is_decided_only_after_confirmation(
    qtbot: QtBot,
    make_console: MakeConsole,
    demo_site: SiteSpec,
    seeded: SeededSite,
    desk: MemoryDesk,
) -> None:
    app = station_console(make_console, demo_site, desk)
    sign_in(qtbot, app, seeded, "ws01")
    p = station_of(app)
    dialogs = fake_dialogs(app)
    conflict = OutboxItem(
        "c-1",
        EntryKind.NOTE,
        "note on incident 12",
        datetime.now(UTC) - timedelta(minutes=5),
        SendState.CONFLICT,
        detail="the incident was closed at the centre",
    )
    desk.add_item(conflict)
    outbox = p.screen.outbox
    qtbot.waitUntil(lambda: outbox.select("c-1"))
    assert p.screen.tabs.tabText(1) == "Outbox (0 waiting, 1 to decide)"
    p.screen.tabs.setCurrentIndex(1)
    dialogs.answer = False
    qtbot.mouseClick(outbox.discard, Qt.MouseButton.LeftButton)
    assert dialogs.questions[-1].text.startswith('Discard "Note ')
    assert app.wait_idle()
    assert desk.decisions == []
    dialogs.answer = True
    qtbot.mouseClick(outbox.discard, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.decisions == [Decision("c-1", False)])
    qtbot.waitUntil(lambda: outbox.row_texts()[0].startswith("Discarded"))


def test_the_control_room_sees_which_stations_are_offline(
    qtbot: QtBot, make_console: MakeConsole, demo_site: SiteSpec, seeded: SeededSite
) -> None:
    ws01 = seeded.principal("ws01")
    seeded.services.station.heartbeat(ws01, STATION, datetime.now(UTC) + timedelta(minutes=62), 3)
    app = make_console(language="en", site=demo_site, workstation="CC", alarms=False, sip=False)
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    assert "station" not in app.window.panes
    p = app.presenter("stations")
    assert isinstance(p, StationsPresenter)
    qtbot.waitUntil(lambda: p.pane.model.rowCount() > 0)
    rows = {r.workstation: r for r in p.pane.model.rows()}
    stations = [w.code for w in demo_site.workstations if w.community]
    assert set(rows) == set(stations)
    assert rows[STATION].online
    assert rows[STATION].waiting == 3
    model = p.pane.model
    at = model.index_of(STATION)
    assert at is not None
    assert model.index(at, model.column_index("skew")).data() == "1 h 02 min fast"
    offline = [r.workstation for r in p.pane.offline()]
    assert sorted(offline) == sorted(set(stations) - {STATION})
    assert p.pane.summary.text() == f"{len(offline)} of {len(stations)} stations offline."
    first = model.index(0, 0)
    assert not model.row_at(0).online
    assert first.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_the_real_outbox_desk_sends_a_panic_and_a_ticket(
    qtbot: QtBot, make_console: MakeConsole, demo_site: SiteSpec, seeded: SeededSite
) -> None:
    """Through console/station_desk.py and data/services/station.py: the panic becomes a P1 at
    the control room, the ticket a service ticket, and the contacts list then shows it."""
    rid, phone = resident_phone(seeded, COMMUNITY)
    app = station_console(make_console, demo_site)
    sign_in(qtbot, app, seeded, "ws01")
    p = station_of(app)
    qtbot.waitUntil(lambda: p.link.state is LinkState.ONLINE, timeout=10_000)
    hold_panic(qtbot, p, lambda: p.panic_uuid != "")
    qtbot.waitUntil(
        lambda: p.screen.panic_status.text().startswith(
            "The control room has the alarm (incident "
        ),
        timeout=10_000,
    )
    ref = next(i.server_ref for i in p.items if i.uuid == p.panic_uuid)
    incident_id = int(ref.partition(":")[2])
    with seeded.db.session() as s:
        inc = s.get_one(Incident, incident_id)
        community = s.get_one(Community, inc.community_id)
        assert (inc.priority, community.code) == (Priority.P1.value, COMMUNITY)
    intake = p.screen.intake
    find(qtbot, p, phone)
    qtbot.waitUntil(lambda: intake.result_texts() != [])
    assert intake.choose(rid)
    qtbot.mouseClick(intake.as_ticket, Qt.MouseButton.LeftButton)
    assert intake.select_category("repair")
    intake.description.setPlainText("The stair light is out")
    qtbot.mouseClick(intake.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(i.server_ref.startswith("ticket:") for i in p.items), timeout=10_000
    )
    with seeded.db.session() as s:
        ticket = s.scalars(select(ServiceTicket).where(ServiceTicket.resident_id == rid)).one()
        assert (ticket.category, ticket.workstation) == ("repair", STATION)
    find(qtbot, p, phone)
    qtbot.waitUntil(lambda: intake.result_texts() != [])
    assert intake.choose(rid)
    qtbot.waitUntil(
        lambda: any(
            "Service ticket: Repairs in the home or building" in t for t in intake.contact_texts()
        )
    )


def test_a_service_tab_of_the_station_reads_again_when_the_station_comes_forward(
    qtbot: QtBot, make_console: MakeConsole, demo_site: SiteSpec, seeded: SeededSite
) -> None:
    app = station_console(make_console, demo_site)
    read = count_reads(app)
    sign_in(qtbot, app, seeded, "ws01")
    w = app.window
    employment = app.presenter("employment")
    station_of(app).screen.tabs.setCurrentWidget(employment.pane)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "employment" in read)
    # Incidents in front of the station's screen (the same dock area): nothing of it is seen.
    w.show_pane("incidents")
    assert w.panes["incidents"].dock in w.tabifiedDockWidgets(w.panes["station"].dock)
    qtbot.waitUntil(lambda: w.panes["station"].dock.visibleRegion().isEmpty())
    assert app.wait_idle()
    read.clear()
    employment.reload()  # a change while the station's screen is behind: read later
    assert "employment" not in read
    w.show_pane("station")
    qtbot.waitUntil(lambda: "employment" in read)
