"""The map pane on the wired console with a fake tracking service: sign-in loads, changes
re-read only the changed tags, search and trails go through the service with a reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from console.app import ConsoleApp
from console.presenters.residents import ResidentsPresenter
from console.presenters.tracking import TrackingPresenter
from core.events import ChangesAvailable
from core.site import SiteSpec
from data.models import Resident
from tests.helpers.consoles import MakeConsole, SeededSite, sign_in
from tests.helpers.fake_tracking import FakeTracking, straight_trail, tag_row


def tracking_of(app: ConsoleApp) -> TrackingPresenter:
    p = app.presenter("tracking")
    assert isinstance(p, TrackingPresenter)
    return p


@pytest.fixture
def fake() -> FakeTracking:
    rows = [tag_row(i, 100.0 * i, 50.0 * i) for i in range(1, 11)]
    rows.append(tag_row(11, 900, 900, kind="vehicle", label="津A00011"))
    return FakeTracking(rows)


@pytest.fixture
def app(make_console: MakeConsole, fake: FakeTracking) -> ConsoleApp:
    console = make_console()
    tracking_of(console).tracking = fake
    console.start()
    return console


def test_the_map_replaces_the_placeholder_and_shows_the_plan_without_a_site(
    make_console: MakeConsole, seeded: SeededSite, qtbot: QtBot
) -> None:
    console = make_console(language="en")  # the banner's English text is checked below
    console.start()
    p = tracking_of(console)
    assert console.window.panes["map"].dock.widget() is p.pane
    sign_in(qtbot, console, seeded)
    # No site file given: the communities from the database; no tags yet: an honest banner.
    qtbot.waitUntil(lambda: len(p.pane._labels) == 20)
    qtbot.waitUntil(lambda: not p.pane.banner.isHidden())
    assert "No tags tracked yet" in p.pane.banner.text()


def test_sign_in_loads_positions_and_a_change_of_three_rereads_only_those(
    app: ConsoleApp, seeded: SeededSite, fake: FakeTracking, qtbot: QtBot
) -> None:
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    qtbot.waitUntil(lambda: len(p.pane.rows()) == 11)
    assert fake.calls_of("positions") == ["admin"]
    assert p.pane.banner.isHidden()
    assert p.pane.counts().vehicles == 1

    for i in (2, 5, 7):
        fake.move(i, 5.0 * i, 7.0 * i)
    app.router.route(
        ChangesAvailable(
            last_id=10_000,
            tables=frozenset({"tag_position"}),
            rows={"tag_position": frozenset({2, 5, 7})},
        )
    )
    qtbot.waitUntil(lambda: p.pane.row(5) is not None and p.pane.row(5).x == 25.0)  # type: ignore[union-attr]
    assert fake.calls_of("positions_by_ids") == [[2, 5, 7]]
    assert fake.calls_of("positions") == ["admin"]  # no full reload
    assert p.pane.row(3).x == 300.0  # type: ignore[union-attr]


def test_a_tag_gone_for_the_viewer_leaves_the_map(
    app: ConsoleApp, seeded: SeededSite, fake: FakeTracking, qtbot: QtBot
) -> None:
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    qtbot.waitUntil(lambda: len(p.pane.rows()) == 11)
    del fake.rows[4]
    app.router.route(
        ChangesAvailable(1, frozenset({"tag_position"}), {"tag_position": frozenset({4})})
    )
    qtbot.waitUntil(lambda: p.pane.row(4) is None)
    assert len(p.pane.rows()) == 10


def test_the_last_hours_trail_asks_a_reason_and_is_drawn(
    app: ConsoleApp, seeded: SeededSite, fake: FakeTracking, qtbot: QtBot
) -> None:
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    qtbot.waitUntil(lambda: len(p.pane.rows()) == 11)
    fake.trails[3] = straight_trail(300, 150, n=4)
    p.pane.select(3)
    p.pane.trail_button.click()
    dlg = p.reason_dialog
    assert dlg is not None
    assert dlg.isVisible()
    ok = dlg.buttons.buttons()[0]
    assert not ok.isEnabled()  # no reason, no look
    dlg.reason_edit.setText("家属报告走失")
    dlg.accept()
    qtbot.waitUntil(lambda: len(p.pane.trail_points()) == 4)
    (tag_id, since, until, reason, incident) = fake.calls_of("trail")[0]  # type: ignore[misc]
    assert (tag_id, reason, incident) == (3, "家属报告走失", None)
    assert round((until - since).total_seconds()) == 3600
    assert p.pane.replay_position() == (300, 150)


def test_a_cancelled_reason_reads_no_trail(
    app: ConsoleApp, seeded: SeededSite, fake: FakeTracking, qtbot: QtBot
) -> None:
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    qtbot.waitUntil(lambda: len(p.pane.rows()) == 11)
    p.pane.select(3)
    p.pane.trail_button.click()
    assert p.reason_dialog is not None
    p.reason_dialog.reject()
    qtbot.wait(50)
    assert fake.calls_of("trail") == []


def test_a_vehicles_trail_needs_no_reason_and_an_incident_number_is_a_purpose(
    app: ConsoleApp, seeded: SeededSite, fake: FakeTracking, qtbot: QtBot
) -> None:
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    qtbot.waitUntil(lambda: len(p.pane.rows()) == 11)
    fake.trails[11] = straight_trail(900, 900, n=3)
    p.pane.select(11)
    p.pane.trail_button.click()
    qtbot.waitUntil(lambda: len(p.pane.trail_points()) == 3)
    assert p.reason_dialog is None  # never asked
    p.pane.select(2)
    p.pane.trail_button.click()
    assert p.reason_dialog is not None
    p.reason_dialog.incident_edit.setText("1234")
    assert p.reason_dialog.buttons.buttons()[0].isEnabled()
    p.reason_dialog.accept()
    qtbot.waitUntil(lambda: len(fake.calls_of("trail")) == 2)
    assert fake.calls_of("trail")[1][3:] == (None, 1234)  # type: ignore[index]


def test_selecting_a_tag_reads_its_card(
    app: ConsoleApp, seeded: SeededSite, fake: FakeTracking, qtbot: QtBot
) -> None:
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    qtbot.waitUntil(lambda: len(p.pane.rows()) == 11)
    p.pane.select(3)
    qtbot.waitUntil(lambda: fake.calls_of("card") == [3])
    assert not p.pane.card.isHidden()
    assert p.pane.card_title.text() == "张3"


def test_search_falls_back_to_the_service(
    app: ConsoleApp, seeded: SeededSite, fake: FakeTracking, qtbot: QtBot
) -> None:
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    qtbot.waitUntil(lambda: len(p.pane.rows()) == 11)
    # Known to the service but not on this map yet (e.g. just registered).
    fake.rows[42] = tag_row(42, 1234, 567, label="赵六")
    p.pane.search.setText("赵六")
    p.pane.search.returnPressed.emit()
    qtbot.waitUntil(lambda: p.pane.selected() == 42)
    assert fake.calls_of("find") == ["赵六"]


def test_sign_out_forgets_every_position(
    app: ConsoleApp, seeded: SeededSite, fake: FakeTracking, qtbot: QtBot
) -> None:
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    qtbot.waitUntil(lambda: len(p.pane.rows()) == 11)
    p.signed_out()
    assert p.pane.rows() == []


def test_a_read_ingested_elsewhere_moves_the_tag_on_the_map(
    make_console: MakeConsole, seeded: SeededSite, demo_site: SiteSpec, qtbot: QtBot
) -> None:
    """End to end with the real service: ingest → change_log → feed → only that tag re-read."""
    from core.tracking import TagRead
    from core.tracking_plan import ReaderPipeline, TrackingPlan

    admin = seeded.principal("admin")
    tracking = seeded.services.tracking
    with seeded.db.session() as s:
        owner = s.scalar(select(func.min(Resident.id)))
    assert owner is not None
    car = tracking.register(
        admin, code="0138000009", kind="vehicle", resident_id=owner, plate="津B12345"
    )
    plan = TrackingPlan.of(demo_site)
    pipeline = ReaderPipeline(plan)
    first = next(r for r in demo_site.readers if r.community == "C01")
    second = next(r for r in demo_site.readers if r.community == "C05")
    now = datetime.now(UTC)
    reads = [TagRead(first.code, "0138000009", now - timedelta(seconds=30))]
    tracking.ingest(reads, pipeline(reads), plan)

    app = make_console(language="en")  # the card's English labels are checked below
    app.start()
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    qtbot.waitUntil(lambda: p.pane.row(car) is not None)
    row = p.pane.row(car)
    assert row is not None
    assert row.label == "津B12345"
    assert (row.x, row.y) == pytest.approx((first.position.x, first.position.y), abs=1)

    reads = [TagRead(second.code, "0138000009", now)]
    tracking.ingest(reads, pipeline(reads), plan)
    qtbot.waitUntil(
        lambda: (
            (r := p.pane.row(car)) is not None
            and abs(r.x - second.position.x) < 1
            and abs(r.y - second.position.y) < 1
        ),
        timeout=10_000,
    )
    i = p.pane._index[car]
    assert float(p.pane.tags.data["x"][i]) == pytest.approx(second.position.x, abs=1)
    # The card: the owner's masked card from the service, and the residents' full card.
    p.pane.select(car)
    qtbot.waitUntil(lambda: not p.pane.card_details.isHidden())
    assert "Address" in p.pane.card_details.text()
    residents = app.presenter("residents")
    assert isinstance(residents, ResidentsPresenter)
    p.pane.resident_button.click()
    qtbot.waitUntil(lambda: residents.card is not None and residents.card.isVisible())
    assert residents.card is not None
    assert residents.card.resident_id == owner


def test_replay_of_a_chosen_range_asks_a_reason_and_uses_that_range(
    app: ConsoleApp, seeded: SeededSite, fake: FakeTracking, qtbot: QtBot
) -> None:
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    qtbot.waitUntil(lambda: len(p.pane.rows()) == 11)
    fake.trails[5] = straight_trail(500, 250, n=6)
    p.pane.select(5)
    since = datetime(2026, 11, 29, 22, 0, tzinfo=UTC)  # 06:00 in Tianjin
    until = datetime(2026, 11, 30, 1, 30, tzinfo=UTC)
    p.pane.set_replay_range(since, until)
    p.pane.load_button.click()
    assert p.reason_dialog is not None
    p.reason_dialog.reason_edit.setText("夜间走失核查")
    p.reason_dialog.accept()
    qtbot.waitUntil(lambda: len(p.pane.trail_points()) == 6)
    (tag_id, got_since, got_until, reason, _incident) = fake.calls_of("trail")[0]  # type: ignore[misc]
    assert (tag_id, got_since, got_until, reason) == (5, since, until, "夜间走失核查")
    p.pane.toggle_play()
    assert p.pane.playing()
    p.locked()  # a locked screen keeps no trail
    assert p.pane.trail_points() == []
    assert not p.pane.playing()
