"""The video wall pane on the wired console: tiles play real streams (clip files and a real RTSP
server), only visible tiles decode, locking stops everything, views, tours, snapshots and an
incident's cameras in one keystroke."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from console.presenters.video_wall import VideoWallPresenter
from console.video_runtime import VideoOptions
from core.model import Priority
from core.site import SiteSpec
from core.timefmt import utcnow
from core.video import StreamKind, StreamState, StreamStatus
from data.models import Attachment
from data.services.devices import DeviceLink
from tests.helpers.consoles import MakeConsole, SeededSite, sign_in
from tests.helpers.onvif_stub import OnvifStub, StubProfile
from tests.helpers.rtsp import Clips, clips, rtsp_server  # noqa: F401 - the fixture

FILE_CAMERAS = ("CAM01", "CAM02", "CAM03", "CAM04")


def wall_of(app: ConsoleApp) -> VideoWallPresenter:
    p = app.presenter("video")
    assert isinstance(p, VideoWallPresenter)
    return p


def with_streams(site: SiteSpec, urls: dict[str, tuple[str, str]]) -> SiteSpec:
    """The demo site with some cameras' (main, sub) streams replaced."""
    cams = tuple(
        replace(c, main_url=urls[c.code][0], sub_url=urls[c.code][1]) if c.code in urls else c
        for c in site.cameras
    )
    return replace(site, cameras=cams)


@pytest.fixture
def clip_site(demo_site: SiteSpec, clips: Clips) -> SiteSpec:  # noqa: F811
    return with_streams(
        demo_site, {code: (str(clips.h265), str(clips.h264)) for code in FILE_CAMERAS}
    )


@pytest.fixture
def app(make_console: MakeConsole, clip_site: SiteSpec, qtbot: QtBot) -> ConsoleApp:
    console = make_console(
        language="en",
        site=clip_site,
        video=VideoOptions(demo_video=False),
        alarms=False,
        sip=False,
    )
    console.start()
    return console


def shown(p: VideoWallPresenter, tile: int) -> int:
    return p.wall.counters(tile).shown


def decode_threads() -> list[str]:
    return sorted(t.name for t in threading.enumerate() if t.name.startswith("decode:"))


def test_cameras_play_on_visible_tiles_and_locking_stops_every_stream(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot
) -> None:
    p = wall_of(app)
    assert app.window.panes["video"].dock.widget() is p.pane
    sign_in(qtbot, app, seeded, "operator")
    app.window.show_pane("video")
    p.show_cameras(["CAM01", "CAM02"])
    assert p.wall.layout_key() == "2x2"  # the smallest layout for two cameras
    qtbot.waitUntil(lambda: shown(p, 0) >= 5 and shown(p, 1) >= 5, timeout=15_000)
    assert decode_threads() == ["decode:CAM01", "decode:CAM02"]
    status = p.wall.status(0)
    assert status is not None
    assert status.state is StreamState.LIVE
    assert p.tree.state("CAM01") is StreamState.LIVE
    # Only tiles with a camera decode; an empty tile opens nothing.
    assert sorted(p.streams) == [0, 1]

    app.session.lock()
    qtbot.waitUntil(lambda: not p.streams)
    qtbot.waitUntil(lambda: decode_threads() == [], timeout=10_000)
    assert not p._last  # no picture of the street stays behind a locked screen


def test_maximising_switches_to_the_main_stream_and_back(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot
) -> None:
    p = wall_of(app)
    sign_in(qtbot, app, seeded, "operator")
    app.window.show_pane("video")
    p.show_cameras(["CAM01", "CAM02", "CAM03"])
    qtbot.waitUntil(lambda: shown(p, 2) >= 3, timeout=15_000)
    p.wall.sig_maximise_toggled.emit(2)
    assert p.wall.visible_tiles() == [2]
    assert list(p.streams) == [2]
    assert p.streams[2].kind is StreamKind.MAIN
    before = shown(p, 2)
    qtbot.waitUntil(lambda: shown(p, 2) >= before + 5, timeout=15_000)
    status = p.wall.status(2)
    assert status is not None
    assert status.codec == "hevc"
    p.wall.sig_maximise_toggled.emit(2)
    assert sorted(p.streams) == [0, 1, 2]
    assert all(s.kind is StreamKind.SUB for s in p.streams.values())


def test_a_replaced_streams_last_status_does_not_hide_the_new_ones(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot
) -> None:
    p = wall_of(app)
    sign_in(qtbot, app, seeded, "operator")
    app.window.show_pane("video")
    p.show_cameras(["CAM01"])
    qtbot.waitUntil(lambda: shown(p, 0) >= 3, timeout=15_000)
    gen = p.streams[0].gen
    # The new stream speaks first, then the stopped one's last word lands before the GUI looks.
    fresh = StreamStatus("CAM01", StreamKind.MAIN, StreamState.LIVE, codec="hevc")
    stale = StreamStatus("CAM01", StreamKind.SUB, StreamState.OFFLINE, detail="closed")
    p.statuses.put((0, gen), fresh)
    p.statuses.put((0, gen - 1), stale)
    p._on_paint()
    assert p.wall.status(0) == fresh


@pytest.mark.parametrize("away", ["closed", "behind the map"])
def test_a_wall_nobody_sees_decodes_nothing(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot, away: str
) -> None:
    p = wall_of(app)
    sign_in(qtbot, app, seeded, "operator")
    app.window.show_pane("video")
    p.show_cameras(["CAM01"])
    qtbot.waitUntil(lambda: bool(p.streams))
    if away == "closed":
        app.window.panes["video"].dock.hide()
    else:
        # The map shares the wall's dock area: in front of it, the wall's dock stays
        # "visible" to Qt (a tabbed dock is never hidden), yet nobody sees a tile.
        assert app.window.panes["video"].dock in app.window.tabifiedDockWidgets(
            app.window.panes["map"].dock
        )
        app.window.show_pane("map")
    qtbot.waitUntil(lambda: not p.streams)
    if away != "closed":
        assert p.wall.isVisible(), "Qt still calls the wall visible; the presenter knows better"
    app.window.show_pane("video")
    qtbot.waitUntil(lambda: bool(p.streams))


def test_a_demo_camera_without_its_server_says_so_on_the_tile(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot
) -> None:
    p = wall_of(app)
    sign_in(qtbot, app, seeded, "operator")
    app.window.show_pane("video")
    p.show_cameras(["CAM09"])  # still demo://, and this console runs no demo cameras
    status = p.wall.status(0)
    assert status is not None
    assert status.state is StreamState.ERROR
    assert "demo" in status.detail
    assert not p.streams


def test_a_role_without_video_sees_no_stream(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot
) -> None:
    p = wall_of(app)
    sign_in(qtbot, app, seeded, "police")
    p.wall.set_cameras("2x2", ["CAM01", "CAM02"])
    p.reconcile()
    assert not p.streams


def test_the_camera_tree_shows_which_cameras_the_recorder_cannot_reach(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot
) -> None:
    # Another workstation's (or this one's) recorder reports its links into Device status:
    # the tree marks an unreachable camera red before anyone puts it on the wall.
    p = wall_of(app)
    sign_in(qtbot, app, seeded, "operator")
    devices = seeded.services.devices
    devices.report_links(
        [
            DeviceLink("CAM05", False, "无法连接：Connection refused"),
            DeviceLink("CAM06", True, "录像中"),
        ],
        utcnow(),
    )
    qtbot.waitUntil(lambda: p.tree.link("CAM05") == (False, "无法连接：Connection refused"))
    assert p.tree.link("CAM06") == (True, "录像中")
    assert p.tree.link("CAM07") is None  # never reported: shown as before
    # It comes back: the change feed brings only that row.
    devices.report_links([DeviceLink("CAM05", True, "录像中")], utcnow())
    qtbot.waitUntil(lambda: p.tree.link("CAM05") == (True, "录像中"))
    app.session.sign_out()
    assert p.tree.link("CAM06") is None


def test_views_are_saved_applied_and_deleted(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot
) -> None:
    p = wall_of(app)
    sign_in(qtbot, app, seeded, "operator")
    p.wall.set_cameras("3x3", ["CAM03", None, "CAM04"])
    p.save_view("北门")
    qtbot.waitUntil(lambda: [v.name for v in p._views] == ["北门"])
    p.wall.set_cameras("1", ["CAM01"])
    p.apply_view("北门")
    assert p.wall.layout_key() == "3x3"
    assert p.wall.cameras()[:3] == ("CAM03", None, "CAM04")
    assert p.toolbar.current_layout() == "3x3"
    p.delete_view("北门")
    qtbot.waitUntil(lambda: p._views == [])


def test_a_tour_pages_through_the_cameras(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot
) -> None:
    p = wall_of(app)
    sign_in(qtbot, app, seeded, "operator")
    p.wall.set_cameras("1", [None])
    p.start_tour(["CAM01", "CAM02", "CAM03"], 60.0)
    assert p.wall.cameras() == ("CAM01",)
    p._on_tour_step()
    assert p.wall.cameras() == ("CAM02",)
    # The operator taking a tile over ends the tour.
    p.wall.sig_camera_dropped.emit(0, "CAM04")
    assert p._tour is None
    assert p.wall.cameras() == ("CAM04",)


def test_snapshots_go_to_a_file_and_to_the_selected_incident(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot, tmp_path: Path
) -> None:
    p = wall_of(app)
    sign_in(qtbot, app, seeded, "operator")
    app.window.show_pane("video")
    p.show_cameras(["CAM01"])
    qtbot.waitUntil(lambda: 0 in p._last, timeout=15_000)
    p.snapshot_to_file(0)
    folder = p.snapshots_dir
    qtbot.waitUntil(lambda: folder.exists() and any(folder.glob("CAM01-*.png")), timeout=5000)
    path = next(folder.glob("CAM01-*.png"))  # renamed into place whole: never a part of it
    assert path.read_bytes().startswith(b"\x89PNG")
    assert path.stat().st_mode & 0o777 == 0o600  # people in the street: the user's alone

    op = seeded.principal("operator")
    iid = app.services.incidents.create(
        op, title="电动车被盗", priority=Priority.P2, community="C02"
    )
    p.current_incident = lambda: iid
    p.snapshot_to_incident(0)
    assert app.wait_idle()

    def attached() -> list[str]:
        with seeded.db.session() as s:
            return list(s.scalars(select(Attachment.name).where(Attachment.incident_id == iid)))

    qtbot.waitUntil(lambda: len(attached()) == 1)
    assert attached()[0].startswith("CAM01")


def test_the_incident_cameras_come_to_the_wall_in_one_keystroke(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot
) -> None:
    p = wall_of(app)
    sign_in(qtbot, app, seeded, "operator")
    # The composition root hands the queue's selection to the wall.
    incidents = app.presenter("incidents")
    assert p.current_incident == incidents.queue.selected_incident_id  # type: ignore[attr-defined]
    op = seeded.principal("operator")
    iid = app.services.incidents.create(
        op,
        title="纠纷",
        priority=Priority.P3,
        community="C02",
        description="现场附近摄像机 Cameras: CAM02, CAM03",
    )
    p.current_incident = lambda: iid
    app.window.action("incident_cameras").trigger()
    qtbot.waitUntil(lambda: p.wall.cameras()[:2] == ("CAM02", "CAM03"))
    assert app.window.pane("video").isVisible()


def test_a_real_rtsp_camera_plays_and_comes_back_after_its_server_restarts(
    make_console: MakeConsole,
    demo_site: SiteSpec,
    seeded: SeededSite,
    clips: Clips,  # noqa: F811
    qtbot: QtBot,
) -> None:
    with rtsp_server({"/cam01/sub": clips.h264, "/cam01/main": clips.h265}) as server:
        site = with_streams(
            demo_site, {"CAM01": (server.url("/cam01/main"), server.url("/cam01/sub"))}
        )
        app = make_console(
            language="en", site=site, video=VideoOptions(demo_video=False), alarms=False, sip=False
        )
        app.start()
        p = wall_of(app)
        sign_in(qtbot, app, seeded, "operator")
        app.window.show_pane("video")
        p.show_cameras(["CAM01"])
        qtbot.waitUntil(lambda: shown(p, 0) >= 5, timeout=15_000)
        server.kill()

        def state() -> StreamState | None:
            status = p.wall.status(0)
            return None if status is None else status.state

        qtbot.waitUntil(
            lambda: state() in (StreamState.RECONNECTING, StreamState.OFFLINE), timeout=15_000
        )
        assert "RECONNECT" in p.wall.state_text(p.wall.status(0)).upper()
        server.start()
        qtbot.waitUntil(lambda: state() is StreamState.LIVE, timeout=30_000)
        before = shown(p, 0)
        qtbot.waitUntil(lambda: shown(p, 0) > before + 3, timeout=10_000)


def test_reconnect_opens_the_tile_again(app: ConsoleApp, seeded: SeededSite, qtbot: QtBot) -> None:
    p = wall_of(app)
    sign_in(qtbot, app, seeded, "operator")
    app.window.show_pane("video")
    p.show_cameras(["CAM01"])
    qtbot.waitUntil(lambda: shown(p, 0) >= 2, timeout=15_000)
    first = p.streams[0].worker
    menu = p.wall.context_menu(0)
    action = next(a for a in menu.actions() if a.text() == "Reconnect")
    action.trigger()
    menu.deleteLater()
    assert p.streams[0].worker is not first
    assert not first.alive or first in p._stopping
    before = shown(p, 0)
    qtbot.waitUntil(lambda: shown(p, 0) > before + 2, timeout=15_000)


def test_an_onvif_camera_plays_its_stream_uri_and_moves_from_the_tile(
    make_console: MakeConsole,
    demo_site: SiteSpec,
    seeded: SeededSite,
    clips: Clips,  # noqa: F811
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    password = "pa:ss@1"
    creds = tmp_path / "camera-credentials.toml"
    creds.write_text(f'[cam-onvif]\nuser = "admin"\npassword = "{password}"\n')
    creds.chmod(0o600)
    with (
        rtsp_server({"/main": clips.h265, "/sub": clips.h264}) as server,
        OnvifStub(
            user="admin",
            password=password,
            profiles=[
                StubProfile("P1", "mainStream", 640, 360, "H265", server.url("/main")),
                StubProfile("P2", "subStream", 640, 360, "H264", server.url("/sub")),
            ],
        ) as stub,
    ):
        cams = tuple(
            replace(
                c,
                vendor="onvif",
                address=f"127.0.0.1:{stub.port}",
                onvif=f"127.0.0.1:{stub.port}",
                main_url="",
                sub_url="",
                credentials="cam-onvif",
            )
            if c.code == "CAM05"
            else c
            for c in demo_site.cameras
        )
        app = make_console(
            language="en",
            site=replace(demo_site, cameras=cams),
            video=VideoOptions(demo_video=False, credentials=creds),
            alarms=False,
            sip=False,
        )
        app.start()
        p = wall_of(app)
        sign_in(qtbot, app, seeded, "operator")
        app.window.show_pane("video")
        p.show_cameras(["CAM05"])
        assert 0 in p._resolving  # the camera is asked for its stream URI off the GUI thread
        p.reconcile()  # meanwhile (a resize, a tick): neither a second question nor an error
        assert 0 in p._resolving
        assert 0 not in p.streams
        qtbot.waitUntil(lambda: shown(p, 0) >= 5, timeout=20_000)
        assert p.streams[0].resolved.display_url == server.url("/sub")
        qtbot.waitUntil(lambda: p.wall.counters(0) is not None and "CAM05" in p._presets)
        p.wall.sig_ptz_move_requested.emit(0, 0.5, 0.0, 0.0)
        p.wall.sig_ptz_stop_requested.emit(0)
        p.wall.sig_ptz_preset_requested.emit(0, 2)
        qtbot.waitUntil(
            lambda: (
                [c.operation for c in stub.ptz_calls()][-3:]
                == ["ContinuousMove", "Stop", "GotoPreset"]
            ),
            # Three SOAP calls on the onvif thread, the first building the PTZ client: on two
            # cores shared with two other test workers this once took over 10 s.
            timeout=30_000,
        )
        move = next(c for c in stub.ptz_calls() if c.operation == "ContinuousMove")
        assert move.profile == "P1"


def test_f11_puts_the_wall_alone_full_screen_and_back(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot
) -> None:
    p = wall_of(app)
    sign_in(qtbot, app, seeded, "operator")
    app.window.show_pane("video")
    # While the wall has focus, F11 is the wall's and not the window's full screen.
    override = QKeyEvent(
        QEvent.Type.ShortcutOverride, Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(p.wall, override)
    assert override.isAccepted()
    p.wall.sig_fullscreen_requested.emit()
    assert p.fullscreen
    assert p.wall_box.window() is not app.window
    assert p.wall_box.window().isVisible()  # (the offscreen platform keeps no window states)
    p.wall.sig_fullscreen_requested.emit()
    assert not p.fullscreen
    assert p.wall_box.window() is app.window
    # Locking the screen brings a full-screen wall back first.
    p.toggle_fullscreen()
    app.session.lock()
    assert not p.fullscreen


def test_the_map_puts_a_camera_and_those_near_a_tag_on_the_wall(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot
) -> None:
    from console.presenters.tracking import TrackingPresenter
    from core.care_rules import nearest_cameras
    from tests.helpers.fake_tracking import FakeTracking, tag_row

    p = wall_of(app)
    tracking = app.presenter("tracking")
    assert isinstance(tracking, TrackingPresenter)
    tracking.tracking = FakeTracking([tag_row(1, 1190.0, 520.0)])
    sign_in(qtbot, app, seeded, "operator")
    # A camera clicked on the plan.
    tracking.pane.sig_cameras_requested.emit(["CAM04"])
    assert p.wall.cameras()[0] == "CAM04"
    # Ctrl+Alt+C: the three cameras nearest the selected tag, nearest first.
    qtbot.waitUntil(lambda: tracking.pane.row(1) is not None)
    tracking.pane.select(1)
    app.window.action("nearby_cameras").trigger()
    site = tracking.site
    assert site is not None
    expected = [c.code for c in nearest_cameras(site.cameras, 1190.0, 520.0)]
    assert list(p.wall.cameras()[:3]) == expected
    assert expected[0] == "CAM01"  # at (1200, 500)
